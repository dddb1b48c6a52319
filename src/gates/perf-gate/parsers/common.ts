import { ConfigurationError } from '../../../core/errors.js';
import type { Direction, FormatName, Measurement, ParsedFile } from './types.js';

/**
 * A result file with bad entries. `partial` holds what could be read: the benchmarks without problems, so a caller
 * may keep them while reporting the error.
 */
export class ResultFileError extends ConfigurationError {
  readonly partial: ParsedFile | undefined;
  constructor(message: string, file: string, partial?: ParsedFile, line?: number, column?: number) {
    super(message, { location: line === undefined ? { file } : { file, line, ...(column === undefined ? {} : { column }) } });
    this.partial = partial;
  }
}

export const FORMAT_LABELS: Record<FormatName, string> = {
  shipgate: 'shipgate results',
  googlebenchmark: 'Google Benchmark JSON',
  'pytest-benchmark': 'pytest-benchmark JSON',
  hyperfine: 'hyperfine --export-json',
  criterion: 'criterion',
  k6: 'k6 summary',
  bmf: 'Bencher Metric Format',
  'benchmark-action': 'github-action-benchmark',
  'latency-log': 'latency log',
};

/** A file that is not shaped like the format at all: nothing in it can be used. */
export function shapeError(file: string, format: FormatName, what: string): ResultFileError {
  return new ResultFileError(`${file}: not a valid ${FORMAT_LABELS[format]} file: ${what}.`, file);
}

export function emptyFileError(file: string): ResultFileError {
  return new ResultFileError(
    `${file}: the result file is empty. Check that the benchmark run finished and wrote its results to this path, then run again.`,
    file,
  );
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isBlank(text: string): boolean {
  return /^[\s\uFEFF]*$/.test(text);
}

// ---- JSON ----

const NAN = '\uE000NaN';
const POS_INF = '\uE000Infinity';
const NEG_INF = '\uE000-Infinity';

let cached: { text: string; value: unknown; ok: boolean } | undefined;

/** The JSON value of `text`, or undefined when it is not JSON; cheap to call from every parser's `detect`. */
export function peekJson(text: string): unknown {
  if (!/^[\s\uFEFF]*[{[]/.test(text)) return undefined;
  if (cached?.text !== text) cached = tryParse(text);
  return cached.ok ? cached.value : undefined;
}

/**
 * Parses result JSON. Accepts the bare `NaN`, `Infinity` and `-Infinity` that Google Benchmark and Python write, so
 * that such values reach validation and are reported with the benchmark's name. Throws a ResultFileError with the
 * line and column of a syntax error.
 */
export function readJson(file: string, text: string): unknown {
  if (isBlank(text)) throw emptyFileError(file);
  const parsed = cached?.text === text ? cached : tryParse(text);
  // Detection and parsing of one file share a parse; the file is not kept after that.
  cached = undefined;
  if (parsed.ok) return parsed.value;
  throw syntaxError(file, text.replace(/^\uFEFF/, ''));
}

function tryParse(text: string): { text: string; value: unknown; ok: boolean } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { text, value: JSON.parse(body) as unknown, ok: true };
  } catch {
    const scan = scanJson(body);
    if (scan.error !== undefined) return { text, value: undefined, ok: false };
    let out = '';
    let from = 0;
    for (const t of scan.nonFinite) {
      out += body.slice(from, t.at) + JSON.stringify(t.token === 'NaN' ? NAN : t.token === 'Infinity' ? POS_INF : NEG_INF);
      from = t.at + t.token.length;
    }
    out += body.slice(from);
    const value = JSON.parse(out, (_key, v: unknown) => (v === NAN ? NaN : v === POS_INF ? Infinity : v === NEG_INF ? -Infinity : v)) as unknown;
    return { text, value, ok: true };
  }
}

function syntaxError(file: string, text: string): ResultFileError {
  const at = scanJson(text).error ?? text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const truncated = endsInside(text.slice(at).trim());
  const what = truncated
    ? 'the JSON ends early; the file looks truncated. Check that the run finished (a killed or timed-out run leaves a cut-off file) and run again'
    : `unexpected ${JSON.stringify(text.charAt(at))}. Fix the file at this position, or produce it again`;
  return new ResultFileError(`${file}:${line}:${column}: invalid JSON: ${what}.`, file, undefined, line, column);
}

/** The rest of the text from the error on is empty or a cut-off token: the file ends early. */
function endsInside(rest: string): boolean {
  return rest === '' || /^(?:"(?:[^"\\\n]|\\.)*\\?|-?[\d.eE+-]*|t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?|N(?:a)?|-?I(?:n(?:f(?:i(?:n(?:it?)?)?)?)?)?)$/.test(rest);
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity/y;

interface Scan {
  /** Offset of the first syntax error, if any. */
  error: number | undefined;
  /** Where the bare NaN/Infinity tokens are. */
  nonFinite: { at: number; token: string }[];
  /** Keys that occur twice in one object, with the path of keys to that object (`*` for a list element). */
  duplicateKeys: { path: string[]; key: string }[];
}

/** Scans JSON (plus bare NaN/Infinity) for what JSON.parse does not tell: where it fails, and duplicate keys. */
function scanJson(text: string): Scan {
  const scan: Scan = { error: undefined, nonFinite: [], duplicateKeys: [] };
  const path: string[] = [];
  let i = 0;
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const token = (re: RegExp): boolean => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) return false;
    if (m[0] === 'NaN' || m[0].endsWith('Infinity')) scan.nonFinite.push({ at: i, token: m[0] });
    i = re.lastIndex;
    return true;
  };
  const container = (close: string, member: (index: number) => boolean): boolean => {
    i++;
    space();
    if (text.charAt(i) === close) {
      i++;
      return true;
    }
    for (let index = 0; ; index++) {
      if (!member(index)) return false;
      space();
      if (text.charAt(i) === close) {
        i++;
        return true;
      }
      if (text.charAt(i) !== ',') return false;
      i++;
    }
  };
  const value = (): boolean => {
    space();
    const c = text.charAt(i);
    if (c === '{') {
      const keys = new Set<string>();
      return container('}', () => {
        space();
        const start = i;
        if (!token(STRING)) return false;
        const key = JSON.parse(text.slice(start, i)) as string;
        if (keys.has(key)) scan.duplicateKeys.push({ path: [...path], key });
        keys.add(key);
        space();
        if (text.charAt(i) !== ':') return false;
        i++;
        path.push(key);
        const ok = value();
        path.pop();
        return ok;
      });
    }
    if (c === '[') {
      return container(']', () => {
        path.push('*');
        const ok = value();
        path.pop();
        return ok;
      });
    }
    return token(STRING) || token(SCALAR);
  };
  try {
    if (!value()) return { ...scan, error: i };
  } catch {
    // Nesting too deep for the stack: report the place reached.
    return { ...scan, error: i };
  }
  space();
  return { ...scan, error: i < text.length ? i : undefined };
}

/** Keys that occur twice in one object (JSON.parse silently keeps the last), with the path to that object. */
export function duplicateKeys(text: string): { path: string[]; key: string }[] {
  return scanJson(text.replace(/^\uFEFF/, '')).duplicateKeys;
}

// ---- units ----

const TIME_UNITS = new Set(['ps', 'ns', 'us', 'µs', 'μs', 'ms', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'minutes', 'h', 'hours']);

export function isTimeUnit(unit: string): boolean {
  const u = unit.trim().toLowerCase();
  return TIME_UNITS.has(u) || /^(?:ps|ns|us|µs|μs|ms|s)\/(?:iter|op|iteration|call)$/.test(u);
}

/** Rates (`ops/s`, `MB/s`, `req/sec`, `items per second`, `Hz`) are better higher; everything else lower. */
export function directionOfUnit(unit: string): Direction {
  const u = unit.trim().toLowerCase();
  if (/\/\s*(?:s|sec|secs|second|seconds)$/.test(u) || /\bper\s+s(?:ec(?:ond)?)?$/.test(u)) return 'higher';
  if (/^(?:hz|khz|mhz|ghz|ops|rps|qps|fps|tps|flops|gflops|tflops)$/.test(u)) return 'higher';
  return 'lower';
}

// ---- collecting measurements ----

interface Problem {
  benchmark: string | undefined;
  message: string;
}

export interface Entry {
  benchmark: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** As found in the file; checked here. */
  samples: readonly unknown[];
}

/**
 * Gathers a file's measurements, warnings and problems, then checks them all at once: non-finite or negative
 * times, mixed units, duplicate names. Every problem is reported together, each naming its benchmark.
 */
export class Collector {
  readonly warnings: string[] = [];
  private readonly problems: Problem[] = [];
  private readonly entries = new Map<string, Entry & { samples: unknown[] }>();
  private readonly duplicates = new Set<string>();

  /** `uniqueHint`: how to make names unique in this format. */
  constructor(
    readonly file: string,
    readonly format: FormatName,
    private readonly uniqueHint = 'Give every benchmark a unique name',
  ) {}

  problem(benchmark: string | undefined, message: string): void {
    this.problems.push({ benchmark, message });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** `merge`: entries of the same benchmark and metric are repetitions whose samples join, not duplicates. */
  add(entry: Entry, opts: { merge?: boolean } = {}): void {
    const key = `${entry.benchmark}\u0000${entry.metric}`;
    const seen = this.entries.get(key);
    if (seen === undefined) {
      this.entries.set(key, { ...entry, samples: [...entry.samples] });
    } else if (seen.unit !== entry.unit) {
      this.problem(
        entry.benchmark,
        `${entry.metric}: mixed units "${seen.unit}" and "${entry.unit}" for one benchmark. Report every sample of a benchmark in the same unit`,
      );
    } else if (opts.merge === true) {
      seen.samples.push(...entry.samples);
    } else {
      this.duplicate(entry.benchmark);
    }
  }

  /** Reports a benchmark name that occurs more than once (once per name). */
  duplicate(benchmark: string, how = 'appears more than once in the file'): void {
    if (this.duplicates.has(benchmark)) return;
    this.duplicates.add(benchmark);
    this.problem(benchmark, `${how}, so its results cannot be told apart. ${this.uniqueHint}`);
  }

  /** The parsed file; throws a ResultFileError naming every problem, with the good benchmarks as `partial`. */
  finish(meta?: Record<string, unknown>): ParsedFile {
    const measurements: Measurement[] = [];
    for (const e of this.entries.values()) {
      const bad = describeBadSamples(e.samples, isTimeUnit(e.unit));
      if (bad !== undefined) {
        const rule = isTimeUnit(e.unit) ? 'times must be finite numbers of at least 0' : 'values must be finite numbers';
        this.problem(e.benchmark, `${e.metric}: ${bad}; ${rule}. Check that the benchmark ran correctly and run it again`);
        continue;
      }
      measurements.push({ benchmark: e.benchmark, metric: e.metric, unit: e.unit, direction: e.direction, samples: e.samples as number[] });
    }
    const bad = new Set(this.problems.map((p) => p.benchmark));
    const good = measurements.filter((m) => !bad.has(m.benchmark));
    const result: ParsedFile = { file: this.file, format: this.format, measurements: good, warnings: this.warnings, ...(meta === undefined ? {} : { meta }) };
    if (this.problems.length === 0) {
      if (good.length === 0) throw new ResultFileError(`${this.file}: no benchmarks in this ${FORMAT_LABELS[this.format]} file. Check that the suite ran its benchmarks.`, this.file);
      return result;
    }
    const describe = (p: Problem): string => (p.benchmark === undefined ? p.message : `benchmark ${JSON.stringify(p.benchmark)}: ${p.message}`);
    const [first] = this.problems;
    if (this.problems.length === 1 && first !== undefined) throw new ResultFileError(`${this.file}: ${describe(first)}.`, this.file, result);
    const okNames = new Set(good.map((m) => m.benchmark)).size;
    throw new ResultFileError(
      `${this.file}: ${this.problems.length} problems in this ${FORMAT_LABELS[this.format]} file:\n${this.problems.map((p) => `  - ${describe(p)}.`).join('\n')}` +
        (okNames === 0 ? '' : okNames === 1 ? '\nThe other benchmark in the file is fine.' : `\nThe other ${okNames} benchmarks in the file are fine.`),
      this.file,
      result,
    );
  }
}

function describeBadSamples(samples: readonly unknown[], time: boolean): string | undefined {
  if (samples.length === 0) return 'has no samples';
  const bad: string[] = [];
  let count = 0;
  samples.forEach((v, i) => {
    const ok = typeof v === 'number' && Number.isFinite(v) && (!time || v >= 0);
    if (ok) return;
    count++;
    if (bad.length < 3) bad.push(`#${i + 1} is ${showValue(v)}`);
  });
  if (count === 0) return undefined;
  if (samples.length === 1) return `its value is ${showValue(samples[0])}`;
  return `${count} of ${samples.length} samples are invalid (${bad.join(', ')}${count > bad.length ? ', …' : ''})`;
}

function showValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
