import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../../../core/errors.js';
import jStat from 'jstat';
import type { Measurement, ParsedFile, ParseOptions, Parser } from './types.js';

/**
 * Raw latency logs: one value per line, or a delimited file with a header and a latency column.
 * Values are parsed from bytes (no per-line strings), kept in one growable Float64Array, and the percentiles
 * are exact order statistics interpolated as numpy.percentile's default ('linear') method does.
 */

export type LatencyUnit = 'ns' | 'us' | 'ms' | 's';

export interface LatencyIngestOptions {
  /** Latency column of a delimited file: header name, or 0-based index. */
  column?: string | number;
  /** Unit of the values. Default: from the column name (`latency_ms`, `elapsed(us)`), else 'ms'. */
  unit?: LatencyUnit;
  /** Wall time the samples were collected over; gives `throughput`. */
  durationSeconds?: number;
  /** Column of per-request timestamps; their span gives `throughput` when `durationSeconds` is absent. */
  timestampColumn?: string | number;
  /** Unit of the timestamps. Default: guessed from the magnitude of epoch timestamps, else 's'. */
  timestampUnit?: LatencyUnit;
  /** Return the raw samples (in no particular order) as `samples`. */
  keepSamples?: boolean;
  /** How messages name the file (default: its path). */
  label?: string;
}

export const LATENCY_PERCENTILES = { p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9 } as const;
export type LatencyPercentile = keyof typeof LATENCY_PERCENTILES;

export interface LatencySummary {
  count: number;
  unit: LatencyUnit;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  mean: number;
  max: number;
  min: number;
  /** Samples per second, when the duration is known. */
  throughput?: number;
  durationSeconds?: number;
  /** 95% bootstrap percentile intervals of the percentiles (see percentileIntervalRanks). */
  percentileCIs: Record<LatencyPercentile, PercentileInterval>;
  /** The raw samples, only with `keepSamples`. */
  samples?: Float64Array;
  /** Header name of the latency column, for delimited files. */
  column?: string;
  /** True when no unit was given or found in the header and 'ms' was assumed. */
  unitAssumed?: boolean;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const QUOTE = 34;
const MAX_LINE_BYTES = 1 << 20;
const MAX_REPORTED_ERRORS = 5;
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const UNIT_SECONDS: Record<LatencyUnit, number> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 };

/**
 * Parses a trimmed decimal number in buf[s, e). NaN when the bytes are not `[+-]digits[.digits][e[+-]digits]`.
 * Up to 16 significant digits and a power of ten within ±22, m / 10^k and m * 10^k are single correctly rounded
 * operations on exact operands, so the result equals a correctly rounded strtod; other numbers go through Number().
 */
export function parseDecimal(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  const c = buf[i]!;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let sig = 0;
  let exp = 0;
  let digits = 0;
  for (; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (sig > 0 || d !== 0) {
      sig++;
      m = m * 10 + d;
    }
  }
  if (i < e && buf[i] === 46) {
    for (i++; i < e; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      digits++;
      exp--;
      if (sig > 0 || d !== 0) {
        sig++;
        m = m * 10 + d;
      }
    }
  }
  if (digits === 0) return NaN;
  if (i < e && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    let eneg = false;
    if (buf[i] === 45) {
      eneg = true;
      i++;
    } else if (buf[i] === 43) i++;
    let x = 0;
    const start = i;
    for (; i < e; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      if (x < 1e6) x = x * 10 + d;
    }
    if (i === start) return NaN;
    exp += eneg ? -x : x;
  }
  if (i !== e) return NaN;
  let v: number;
  if (m === 0) v = 0;
  else if (sig <= 16 && m < 9007199254740992 && exp >= -22 && exp <= 22) v = exp < 0 ? m / POW10[-exp]! : m * POW10[exp]!;
  else v = Number(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1'));
  return neg ? -v : v;
}

/**
 * A growable Float64Array. The first chunk of a file gives a capacity estimate (with a margin); pages of the
 * allocation that are never written stay virtual, so the margin costs no resident memory.
 */
class SampleBuffer {
  length = 0;
  private view = new Float64Array(0);

  constructor(private readonly maxLength: number) {}

  /** Sizes the buffer for `expected` samples, before the first push. */
  reserve(expected: number): void {
    if (this.view.length === 0) this.view = new Float64Array(Math.max(1024, Math.min(this.maxLength, Math.ceil(expected))));
  }

  push(v: number): void {
    if (this.length === this.view.length) this.grow(1);
    this.view[this.length++] = v;
  }

  /** The backing array, with room for `extra` more samples after `length`. */
  ensure(extra: number): Float64Array {
    if (this.length + extra > this.view.length) this.grow(extra);
    return this.view;
  }

  private grow(extra: number): void {
    const next = Math.max(this.length + extra, Math.min(this.maxLength, Math.max(1024, Math.ceil(this.view.length * 1.5))));
    const bigger = new Float64Array(next);
    bigger.set(this.view);
    this.view = bigger;
  }

  /** The samples, exactly `length` long. */
  finish(): Float64Array {
    return this.view.subarray(0, this.length);
  }
}

type Mode = 'start' | 'plain' | 'delimited';

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function quote(token: string): string {
  return JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token);
}

function describeBadToken(token: string): string {
  const t = token.trim().toLowerCase().replace(/^[+-]/, '');
  const shown = quote(token);
  if (t === 'nan') return `NaN is not a latency (${shown})`;
  if (t === 'inf' || t === 'infinity') return `infinite value ${shown}`;
  if (token.trim() === '') return 'empty value';
  return `${shown} is not a number`;
}

function splitFields(line: string, delimiter: string | undefined): string[] {
  if (delimiter === undefined) return [line.trim()];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function looksNumeric(field: string): boolean {
  const b = Buffer.from(field, 'latin1');
  if (b.length === 0) return false;
  if (!Number.isNaN(parseDecimal(b, 0, b.length))) return true;
  return /^[+-]?(nan|inf|infinity)$/i.test(field);
}

const LATENCY_NAME = /^(latency|latency[_ .(-].*|elapsed|elapsed[_ .(-].*|duration|duration[_ .(-].*|response[_ ]?time.*|rtt.*|time[_ .(-].*|value)$/i;
const TIMESTAMP_NAME = /^(timestamp|timestamp[_ .(-].*|ts|time_?stamp|start_?time)$/i;

function unitFromName(name: string): LatencyUnit | undefined {
  const m = /(?:^|[_\s.(\[-])(ns|us|µs|ms|s|sec|seconds)[)\]]?$/i.exec(name);
  if (!m) return undefined;
  const u = m[1]!.toLowerCase();
  if (u === 'µs') return 'us';
  if (u === 'sec' || u === 'seconds') return 's';
  return u as LatencyUnit;
}

function guessTimestampUnit(firstValue: number): LatencyUnit {
  if (firstValue >= 1e17) return 'ns';
  if (firstValue >= 1e14) return 'us';
  if (firstValue >= 1e11) return 'ms';
  return 's';
}

/** Streaming scanner: feed bytes with `push`, then `finish`. Holds only the partial last line between chunks. */
class LatencyScanner {
  private mode: Mode = 'start';
  private line = 0;
  private carry: Buffer | undefined;
  private delimiter = 0;
  private column = 0;
  private tsColumn = -1;
  private lastField = 0;
  private columnName: string | undefined;
  private headerSeen = false;
  private reserved = false;
  private sum = 0;
  private comp = 0;
  private min = Infinity;
  private max = -Infinity;
  private tsMin = Infinity;
  private tsMax = -Infinity;
  private tsFirst = NaN;
  private errorCount = 0;
  private firstErrorLine = 0;
  private readonly errors: string[] = [];
  private readonly samples: SampleBuffer;

  constructor(
    private readonly file: string,
    private readonly opts: LatencyIngestOptions,
    private readonly totalBytes: number,
  ) {
    this.samples = new SampleBuffer(Math.floor(totalBytes / 2) + 1);
  }

  push(chunk: Buffer): void {
    let pos = 0;
    if (!this.reserved) this.reserve(chunk);
    if (this.carry) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        this.checkCarry();
        return;
      }
      const joined = Buffer.concat([this.carry, chunk.subarray(0, nl)]);
      this.carry = undefined;
      this.handleLine(joined, 0, joined.length);
      pos = nl + 1;
    }
    const n = chunk.length;
    while (this.mode === 'start' && pos < n) {
      const nl = chunk.indexOf(NL, pos);
      if (nl < 0) break;
      this.handleLine(chunk, pos, nl);
      pos = nl + 1;
    }
    if (this.mode === 'plain') pos = this.plainRun(chunk, pos, n);
    else if (this.mode === 'delimited') pos = this.lineRun(chunk, pos, n);
    if (pos < chunk.length) {
      this.carry = Buffer.from(chunk.subarray(pos));
      this.checkCarry();
    }
  }

  /** Estimates the sample count from the line density of the first chunk (each sample takes at least 2 bytes). */
  private reserve(chunk: Buffer): void {
    this.reserved = true;
    const probe = Math.min(chunk.length, 1 << 20);
    let lines = 1;
    for (let i = 0; i < probe; i++) if (chunk[i] === NL) lines++;
    this.samples.reserve(probe >= this.totalBytes ? lines : (1.25 * this.totalBytes * lines) / probe + 4096);
  }

  /** Complete lines of buf[pos, n) through handleLine; returns where the incomplete last line starts. */
  private lineRun(buf: Buffer, pos: number, n: number): number {
    // A byte loop beats Buffer#indexOf here: lines are short and each native call costs more than the scan.
    for (let i = pos; i < n; i++) {
      if (buf[i] === NL) {
        this.handleLine(buf, pos, i);
        pos = i + 1;
      }
    }
    return pos;
  }

  /**
   * One value per line, parsed in the same pass that finds the line end: plain `digits[.digits]` lines of at most
   * 15 digits (exact in a double, so m / 10^k is correctly rounded) are taken here, any other line goes to handleLine.
   */
  private plainRun(buf: Buffer, pos: number, n: number): number {
    // Room for every line of the chunk, so the loop stores into a local view; state lives in locals and is written
    // back around the rare calls to handleLine, which updates it itself.
    const view = this.samples.ensure(((n - pos) >>> 1) + 1);
    let count = this.samples.length;
    let { sum, comp, min, max, line } = this;
    const save = (): void => {
      this.samples.length = count;
      this.sum = sum;
      this.comp = comp;
      this.min = min;
      this.max = max;
      this.line = line;
    };
    // Digits accumulate in groups of up to 9 in an int32 (cheaper than a floating multiply-add chain), then join `high`.
    let high = 0;
    let group = 0;
    let groupDigits = 0;
    let digits = 0;
    let dot = -1;
    let i = pos;
    while (i < n) {
      const c = buf[i]!;
      const d = c - 48;
      if (d >>> 0 <= 9) {
        group = (group * 10 + d) | 0;
        digits++;
        if (++groupDigits === 9) {
          high = high * 1e9 + group;
          group = 0;
          groupDigits = 0;
        }
        i++;
        continue;
      }
      if (c === 46 && dot < 0) {
        dot = i;
        i++;
        continue;
      }
      if (c === NL && digits > 0 && digits <= 15) {
        line++;
        const m = high * POW10[groupDigits]! + group;
        const v = dot < 0 ? m : m / POW10[i - dot - 1]!;
        view[count++] = v;
        // Neumaier-compensated sum: the mean of millions of values stays accurate to the last digits.
        const t = sum + v;
        comp += sum >= v ? sum - t + v : v - t + sum;
        sum = t;
        if (v < min) min = v;
        if (v > max) max = v;
      } else {
        let j = i;
        while (j < n && buf[j] !== NL) j++;
        if (j === n) break;
        save();
        this.handleLine(buf, pos, j);
        ({ sum, comp, min, max, line } = this);
        count = this.samples.length;
        i = j;
      }
      i++;
      pos = i;
      high = 0;
      group = 0;
      groupDigits = 0;
      digits = 0;
      dot = -1;
    }
    save();
    return pos;
  }

  private checkCarry(): void {
    if (this.carry && this.carry.length > MAX_LINE_BYTES) {
      throw new ConfigurationError(`${this.file}: line ${this.line + 1} is longer than ${MAX_LINE_BYTES} bytes; not a latency log`, {
        location: { file: this.file, line: this.line + 1 },
      });
    }
  }

  private handleLine(buf: Buffer, s: number, e: number): void {
    this.line++;
    if (e > s && buf[e - 1] === CR) e--;
    if (this.mode === 'plain') {
      while (s < e && isBlank(buf[s]!)) s++;
      while (e > s && isBlank(buf[e - 1]!)) e--;
      if (s === e || buf[s] === HASH) return;
      this.addValue(buf, s, e);
      return;
    }
    let t = s;
    while (t < e && isBlank(buf[t]!)) t++;
    if (t === e || buf[t] === HASH) return;
    if (this.mode === 'start') {
      this.start(buf.toString('latin1', s, e));
      if (this.headerSeen) return;
      if ((this.mode as Mode) === 'plain') {
        while (e > t && isBlank(buf[e - 1]!)) e--;
        this.addValue(buf, t, e);
        return;
      }
    }
    this.handleDelimited(buf, s, e);
  }

  /** Decides from the first content line whether there is a header, which delimiter and which columns. */
  private start(first: string): void {
    const delimiter = [',', '\t', ';'].find((d) => first.includes(d));
    const fields = splitFields(first, delimiter);
    const header = fields.some((f) => !looksNumeric(f));
    const where = `${this.file}: `;
    if (header) this.headerSeen = true;
    const names = header ? fields : undefined;
    const pick = (want: string | number | undefined, what: string, guess: RegExp | undefined): number => {
      if (typeof want === 'number') {
        if (!Number.isInteger(want) || want < 0 || want >= fields.length) {
          throw new ConfigurationError(`${where}${what} index ${want} is out of range; the file has ${fields.length} column(s)`);
        }
        return want;
      }
      if (typeof want === 'string') {
        if (!names) throw new ConfigurationError(`${where}${what} "${want}" was requested but the file has no header line`);
        let i = names.indexOf(want);
        if (i < 0) i = names.findIndex((n) => n.toLowerCase() === want.toLowerCase());
        if (i < 0) throw new ConfigurationError(`${where}no ${what} "${want}" in the header (${names.map((n) => JSON.stringify(n)).join(', ')})`);
        return i;
      }
      if (fields.length === 1 || !guess) return fields.length === 1 ? 0 : -1;
      return names ? names.findIndex((n) => guess.test(n)) : -1;
    };
    const column = pick(this.opts.column, 'column', LATENCY_NAME);
    if (column < 0) {
      throw new ConfigurationError(
        names
          ? `${where}cannot tell the latency column among ${names.map((n) => JSON.stringify(n)).join(', ')}; set the column`
          : `${where}${fields.length} columns and no header line; set the latency column by index`,
      );
    }
    this.column = column;
    this.columnName = names?.[column];
    if (this.opts.timestampColumn !== undefined) {
      this.tsColumn = pick(this.opts.timestampColumn, 'timestamp column', undefined);
    } else if (names && this.opts.durationSeconds === undefined) {
      this.tsColumn = names.findIndex((n, i) => i !== column && TIMESTAMP_NAME.test(n));
    }
    if (this.tsColumn === column) throw new ConfigurationError(`${where}the timestamp column is the latency column`);
    this.lastField = Math.max(this.column, this.tsColumn);
    this.delimiter = delimiter === undefined ? -1 : delimiter.charCodeAt(0);
    this.mode = delimiter === undefined && this.tsColumn < 0 ? 'plain' : 'delimited';
  }

  private handleDelimited(buf: Buffer, s: number, e: number): void {
    const delim = this.delimiter;
    let field = 0;
    let i = s;
    for (;;) {
      let fs = i;
      let fe: number;
      while (fs < e && isBlank(buf[fs]!)) fs++;
      if (fs < e && buf[fs] === QUOTE) {
        fs++;
        fe = fs;
        while (fe < e && !(buf[fe] === QUOTE && buf[fe + 1] !== QUOTE)) fe += buf[fe] === QUOTE ? 2 : 1;
        i = Math.min(e, fe + 1);
        while (i < e && buf[i] !== delim) i++;
      } else {
        fe = fs;
        while (fe < e && buf[fe] !== delim) fe++;
        i = fe;
        while (fe > fs && isBlank(buf[fe - 1]!)) fe--;
      }
      if (field === this.column) {
        if (!this.addValue(buf, fs, fe)) return;
      } else if (field === this.tsColumn && !this.addTimestamp(buf, fs, fe)) return;
      if (field === this.lastField || i >= e) break;
      i++;
      field++;
    }
    if (field < this.lastField) this.reject(`${field + 1} field(s), expected at least ${this.lastField + 1}`);
  }

  private addTimestamp(buf: Buffer, s: number, e: number): boolean {
    const v = s < e ? parseDecimal(buf, s, e) : NaN;
    if (!Number.isFinite(v)) {
      this.reject(`timestamp: ${describeBadToken(buf.toString('latin1', s, e))}`);
      return false;
    }
    if (Number.isNaN(this.tsFirst)) this.tsFirst = v;
    if (v < this.tsMin) this.tsMin = v;
    if (v > this.tsMax) this.tsMax = v;
    return true;
  }

  private addValue(buf: Buffer, s: number, e: number): boolean {
    const v = s < e ? parseDecimal(buf, s, e) : NaN;
    if (v >= 0 && v !== Infinity) {
      this.record(v);
      return true;
    }
    const token = buf.toString('latin1', s, e);
    this.reject(v < 0 ? `negative value ${quote(token)}` : v === Infinity ? `infinite value ${quote(token)}` : describeBadToken(token));
    return false;
  }

  private record(v: number): void {
    this.samples.push(v);
    // Neumaier-compensated sum: the mean of millions of values stays accurate to the last digits.
    const t = this.sum + v;
    this.comp += this.sum >= v ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  private reject(why: string): void {
    this.errorCount++;
    if (this.errorCount === 1) this.firstErrorLine = this.line;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(`line ${this.line}: ${why}`);
  }

  finish(): LatencySummary {
    if (this.carry) {
      const last = this.carry;
      this.carry = undefined;
      this.handleLine(last, 0, last.length);
    }
    const location = { file: this.file, line: this.firstErrorLine };
    if (this.errorCount > 0) {
      const more = this.errorCount > this.errors.length ? `; ${this.errorCount - this.errors.length} more` : '';
      throw new ConfigurationError(`${this.file}: ${this.errorCount} bad line(s): ${this.errors.join('; ')}${more}`, { location });
    }
    const count = this.samples.length;
    if (count === 0) {
      const why = this.line === 0 ? 'the file is empty' : this.headerSeen ? 'only a header line' : 'no values, only blank or comment lines';
      throw new ConfigurationError(`${this.file}: no latency samples (${why})`, { location: { file: this.file } });
    }
    const samples = this.samples.finish();
    const names = Object.keys(LATENCY_PERCENTILES) as LatencyPercentile[];
    const { values, intervals } = percentilesWithIntervals(samples, Object.values(LATENCY_PERCENTILES));
    const [p50, p90, p95, p99, p999] = values as [number, number, number, number, number];
    const fromName = this.columnName === undefined ? undefined : unitFromName(this.columnName);
    const unit = this.opts.unit ?? fromName ?? 'ms';
    const percentileCIs = Object.fromEntries(names.map((name, i) => [name, intervals[i]!])) as Record<LatencyPercentile, PercentileInterval>;
    const summary: LatencySummary = { count, unit, p50, p90, p95, p99, p999, mean: (this.sum + this.comp) / count, max: this.max, min: this.min, percentileCIs };
    if (this.columnName !== undefined) summary.column = this.columnName;
    if (this.opts.unit === undefined && fromName === undefined) summary.unitAssumed = true;
    const duration = this.opts.durationSeconds ?? this.timestampSpanSeconds();
    if (duration !== undefined && duration > 0) {
      summary.durationSeconds = duration;
      summary.throughput = count / duration;
    }
    if (this.opts.keepSamples) summary.samples = samples;
    return summary;
  }

  private timestampSpanSeconds(): number | undefined {
    if (this.tsColumn < 0 || !(this.tsMax > this.tsMin)) return undefined;
    const unit = this.opts.timestampUnit ?? guessTimestampUnit(this.tsFirst);
    return (this.tsMax - this.tsMin) * UNIT_SECONDS[unit];
  }
}

/**
 * Rearranges `values` so that the order statistics at the given ranks sit at their sorted positions
 * (introselect: Hoare partitions around a median of three, sorting a range whose partitions go badly).
 */
function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  const stack: [number, number, number, number, number][] = [[0, a.length - 1, 0, ranks.length - 1, 2 * Math.ceil(Math.log2(a.length + 1)) + 8]];
  while (stack.length > 0) {
    let [lo, hi, ka, kb, budget] = stack.pop()!;
    for (;;) {
      if (hi - lo < 24) {
        for (let i = lo + 1; i <= hi; i++) {
          const x = a[i]!;
          let j = i - 1;
          while (j >= lo && a[j]! > x) {
            a[j + 1] = a[j]!;
            j--;
          }
          a[j + 1] = x;
        }
        break;
      }
      if (budget-- === 0) {
        a.subarray(lo, hi + 1).sort();
        break;
      }
      const mid = lo + ((hi - lo) >> 1);
      if (a[mid]! < a[lo]!) swap(a, mid, lo);
      if (a[hi]! < a[lo]!) swap(a, hi, lo);
      if (a[hi]! < a[mid]!) swap(a, hi, mid);
      const p = a[mid]!;
      let i = lo - 1;
      let j = hi + 1;
      for (;;) {
        do i++;
        while (a[i]! < p);
        do j--;
        while (a[j]! > p);
        if (i >= j) break;
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
      }
      // [lo, j] <= p <= [j + 1, hi]; continue with the side holding ranks, stack the other if it holds some too.
      let split = ka;
      while (split <= kb && ranks[split]! <= j) split++;
      const left = split > ka;
      const right = split <= kb;
      if (left && right) stack.push([j + 1, hi, split, kb, budget]);
      if (left) {
        hi = j;
        kb = split - 1;
      } else {
        lo = j + 1;
        ka = split;
      }
    }
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

const KEY_SHIFT = 12;
const HIGH_WORD = os.endianness() === 'LE' ? 1 : 0;

/**
 * Order statistics at the sorted `ranks` without reordering `values`, for non-negative values. Their bit patterns
 * sort like the values, so the high 20 bits of each (exponent and 8 mantissa bits: buckets 0.4% wide) key a
 * histogram; a second pass copies out only the values in the buckets that hold the ranks, and a selection over
 * that small copy finishes the job. Undefined for negative values (or -0), or when those buckets hold too many
 * values (heavy ties); callers then select in place.
 */
function ranksByHistogram(values: Float64Array, ranks: readonly number[]): Map<number, number> | undefined {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const hist = new Int32Array(1 << (32 - KEY_SHIFT));
  let signs = 0;
  for (let i = HIGH_WORD; i < 2 * n; i += 2) {
    const w = words[i]!;
    hist[w >>> KEY_SHIFT]!++;
    signs |= w;
  }
  if (signs < 0) return undefined;
  const wanted = new Uint8Array(hist.length);
  const bucketOf: { rank: number; key: number; below: number }[] = [];
  let below = 0;
  let key = 0;
  for (const rank of ranks) {
    while (below + hist[key]! <= rank) below += hist[key++]!;
    bucketOf.push({ rank, key, below });
    wanted[key] = 1;
  }
  let total = 0;
  const offset = new Map<number, number>();
  for (const { key: k } of bucketOf) {
    if (offset.has(k)) continue;
    offset.set(k, total);
    total += hist[k]!;
  }
  if (total > Math.max(1 << 16, n >>> 3)) return undefined;
  const picked = new Float64Array(total);
  let m = 0;
  for (let i = 0; i < n; i++) if (wanted[words[2 * i + HIGH_WORD]! >>> KEY_SHIFT] !== 0) picked[m++] = values[i]!;
  const positions = bucketOf.map((q) => offset.get(q.key)! + q.rank - q.below);
  selectRanks(picked, [...new Set(positions)].sort((x, y) => x - y));
  return new Map(bucketOf.map((q, i) => [q.rank, picked[positions[i]!]!]));
}

/** Order statistics of `values` at the given 0-based ranks (values may be reordered for small inputs). */
function orderStatistics(values: Float64Array, wanted: readonly number[]): Map<number, number> {
  const ranks = [...new Set(wanted)].sort((x, y) => x - y);
  const at = values.length > 1 << 16 ? ranksByHistogram(values, ranks) : undefined;
  if (at !== undefined) return at;
  selectRanks(values, ranks);
  return new Map(ranks.map((r) => [r, values[r]!]));
}

function percentilePlan(n: number, p: number): { lo: number; hi: number; g: number } {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside [0, 100]`);
  const v = (n - 1) * (p / 100);
  if (v >= n - 1) return { lo: n - 1, hi: n - 1, g: 0 };
  const lo = Math.floor(v);
  return { lo, hi: lo + 1, g: v - lo };
}

/** numpy's two-sided lerp. */
function lerp(a: number, b: number, g: number): number {
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

/**
 * numpy.percentile(values, percents) with the default 'linear' method, bit for bit: virtual index (n-1)*(p/100),
 * and numpy's two-sided lerp. Large inputs are left as they are; small ones (or unlucky samples) are partially
 * reordered by an in-place selection.
 */
export function percentiles(values: Float64Array, percents: readonly number[]): number[] {
  return percentilesWithIntervals(values, percents).values;
}

/** Confidence interval of a percentile of one run's samples. */
export interface PercentileInterval {
  lower: number;
  upper: number;
  level: number;
}

/**
 * Ranks bounding the bootstrap percentile interval of the p-th percentile of n samples. The bootstrap
 * distribution of a sample quantile needs no resampling: the number of resampled values at or below the j-th
 * smallest sample is Binomial(n, (j + 1) / n), so the resampled quantile is an order statistic of the sample
 * whose rank is spread like that binomial around the percentile's own rank — by about √(n·q·(1 − q)) ranks
 * (normal approximation; the rank is rounded outwards and clamped to the sample).
 */
export function percentileIntervalRanks(n: number, p: number, level: number): [number, number] {
  const q = p / 100;
  const z = jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
  const centre = (n - 1) * q;
  const spread = z * Math.sqrt(n * q * (1 - q));
  const clamp = (r: number) => Math.min(n - 1, Math.max(0, r));
  return [clamp(Math.floor(centre - spread)), clamp(Math.ceil(centre + spread))];
}

/**
 * percentiles() together with the bootstrap percentile interval (see percentileIntervalRanks) of each, at
 * `level` (default 0.95), from one selection pass over the values.
 */
export function percentilesWithIntervals(values: Float64Array, percents: readonly number[], level = 0.95): { values: number[]; intervals: PercentileInterval[] } {
  const n = values.length;
  if (n === 0) throw new RangeError('no values');
  const plan = percents.map((p) => percentilePlan(n, p));
  const bounds = percents.map((p) => percentileIntervalRanks(n, p, level));
  const at = orderStatistics(values, [...plan.flatMap((q) => [q.lo, q.hi]), ...bounds.flat()]);
  return {
    values: plan.map(({ lo, hi, g }) => lerp(at.get(lo)!, at.get(hi)!, g)),
    intervals: bounds.map(([lo, hi]) => ({ lower: at.get(lo)!, upper: at.get(hi)!, level })),
  };
}

const READ_CHUNK = 1 << 20;

/** Streams a latency log from disk and summarises it; memory is the samples (8 bytes each) plus one chunk. */
export async function ingestLatencyFile(file: string, opts: LatencyIngestOptions = {}): Promise<LatencySummary> {
  const label = opts.label ?? file;
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a regular file');
    size = s.size;
  } catch (e) {
    throw new ConfigurationError(`${label}: cannot read the latency log: ${errorMessage(e)}`, { location: { file: label }, cause: e });
  }
  if (size === 0) throw new ConfigurationError(`${label}: no latency samples (the file is empty)`, { location: { file: label } });
  const scanner = new LatencyScanner(label, opts, size);
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) scanner.push(chunk);
  } catch (e) {
    if (e instanceof ConfigurationError) throw e;
    throw new ConfigurationError(`${label}: cannot read the latency log: ${errorMessage(e)}`, { location: { file: label }, cause: e });
  } finally {
    stream.destroy();
  }
  return scanner.finish();
}

/** Summarises a latency log already in memory. */
export function summarizeLatencyLog(file: string, text: string | Buffer, opts: LatencyIngestOptions = {}): LatencySummary {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const scanner = new LatencyScanner(file, opts, buf.length);
  scanner.push(buf);
  return scanner.finish();
}

const LOG_EXTENSIONS = new Set(['', '.log', '.txt', '.csv', '.tsv', '.dat', '.lat', '.out']);

function contentLines(text: string, max: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (out.length < max && pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).trim();
    if (line !== '' && !line.startsWith('#')) out.push(line);
    pos = nl + 1;
  }
  return out;
}

function detect(file: string, text: string): boolean {
  if (!LOG_EXTENSIONS.has(path.extname(file).toLowerCase())) return false;
  const lines = contentLines(text, 3);
  const first = lines[0];
  if (first === undefined) return false;
  const delimiter = [',', '\t', ';'].find((d) => first.includes(d));
  const head = splitFields(first, delimiter);
  if (head.every((f) => looksNumeric(f))) return head.length === 1;
  const column = head.length === 1 ? 0 : head.findIndex((n) => LATENCY_NAME.test(n));
  const next = lines[1];
  if (column < 0 || next === undefined) return false;
  const value = splitFields(next, delimiter)[column];
  return value !== undefined && looksNumeric(value);
}

/**
 * Fewest raw samples from which a percentile of one run is reported: 10 / (1 − q), so that about ten samples
 * lie beyond it (P99 needs 1,000, P99.9 10,000). Below that the tail value is mostly one or two samples.
 */
export function minSamplesFor(percent: number): number {
  return Math.ceil(Number((10 / (1 - percent / 100)).toPrecision(12)));
}

function measurementsOf(benchmark: string, s: LatencySummary, warnings: string[], file: string): Measurement[] {
  const lower = (metric: string, value: number): Measurement => ({ benchmark, metric, unit: s.unit, direction: 'lower', samples: [value] });
  const out: Measurement[] = [];
  const tail: [string, number, LatencyPercentile][] = [
    ['p50', 50, 'p50'],
    ['p90', 90, 'p90'],
    ['p95', 95, 'p95'],
    ['p99', 99, 'p99'],
    ['p99.9', 99.9, 'p999'],
  ];
  const skipped: string[] = [];
  for (const [metric, percent, name] of tail) {
    if (s.count >= minSamplesFor(percent)) out.push({ ...lower(metric, s[name]), interval: s.percentileCIs[name] });
    else skipped.push(`${metric} (needs ${minSamplesFor(percent).toLocaleString('en')})`);
  }
  out.push(lower('mean', s.mean), lower('max', s.max));
  if (skipped.length) warnings.push(`${file}: ${s.count} samples are too few to judge ${skipped.join(', ')}; those percentiles are not compared`);
  if (s.throughput !== undefined) out.push({ benchmark, metric: 'throughput', unit: 'req/s', direction: 'higher', samples: [s.throughput] });
  return out;
}

/**
 * Parser for small latency logs held in memory. The benchmark is the file's base name; metrics p50 … p99.9,
 * mean, max (lower is better) and throughput (higher) when timestamps give the duration; each percentile carries
 * its 95% bootstrap interval. `meta.latency` holds the summary.
 */
export const latencyLogParser: Parser = {
  format: 'latency-log',
  detect,
  parse(file: string, text: string, opts?: ParseOptions): ParsedFile {
    return latencyParsedFile(file, summarizeLatencyLog(file, text), opts);
  },
};

/** The ParsedFile of a summarised latency log (shared by the in-memory parser and the streaming reader). */
export function latencyParsedFile(file: string, summary: LatencySummary, opts?: ParseOptions): ParsedFile {
  const warnings: string[] = [];
  if (summary.unitAssumed) warnings.push(`${file}: no latency unit in the file; assuming ms (name the column e.g. latency_us, or set the unit)`);
  const benchmark = opts?.name ?? path.basename(file, path.extname(file));
  return { file, format: 'latency-log', measurements: measurementsOf(benchmark, summary, warnings, file), warnings, meta: { latency: summary } };
}

/** Whether the start of a file (its first few lines suffice) looks like a latency log. */
export function looksLikeLatencyLog(file: string, head: string): boolean {
  return detect(file, head);
}
