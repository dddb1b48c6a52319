import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { type CsvError, type Parser, parse } from 'csv-parse';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import type { FeatureColumn, FeatureTable } from './types.js';

/**
 * Tables of predictions and features, read by streaming: CSV, TSV and JSON Lines, optionally gzip-compressed.
 * streamRows hands each row's cells (only the columns asked for) to a visitor, which converts them on the fly;
 * readTable keeps them as strings, column by column.
 */

/** A table as read from a file: the header and, for each kept column, its cells as strings. */
export interface RawTable {
  /** The file's name as shown in messages. */
  file: string;
  /** Every column of the file, in file order (kept or not). */
  header: string[];
  /** Data rows (not counting the header). */
  rows: number;
  /** The cells of a kept column; undefined for a column not in the file or not kept. */
  column(name: string): string[] | undefined;
  /** The 1-based line of the file where a 0-based data row starts. */
  lineOf(row: number): number;
}

export interface ReadTableOptions {
  /** How messages name the file (default: the path). */
  label?: string;
  /**
   * Columns to keep; others are checked (CSV field counts, JSONL keys) but not stored. A function receives the
   * header and returns the columns to keep (it may throw a ConfigurationError of its own). Default: every column.
   * A listed column missing from the header is an error that lists the header.
   */
  columns?: readonly string[] | ((header: readonly string[]) => readonly string[]);
}

type Format = 'csv' | 'tsv' | 'jsonl';

const READ_CHUNK = 1 << 20;
const HEAD_BYTES = 1 << 16;
/** A CSV record longer than this (characters) is almost surely an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 1 << 24;

/**
 * Reads a table. The format comes from the extension (after an optional `.gz`): `.csv`; `.tsv` / `.tab`
 * (tab-separated); `.jsonl` / `.ndjson` (one JSON object per line). Other extensions are sniffed: a first line that
 * starts with `{` is JSON Lines, a first line with tabs and no commas is TSV, anything else CSV. Gzip is recognised
 * by its magic bytes whatever the name. Blank lines are skipped (as pandas does). CSV follows RFC 4180: quoted fields
 * may hold delimiters, quotes (doubled) and line breaks; a BOM and CRLF line ends are accepted.
 */
export async function readTable(file: string, opts: ReadTableOptions = {}): Promise<RawTable> {
  let cells: string[][] = [];
  let names: string[] = [];
  let rows = 0;
  const breakRows: number[] = [];
  const breakOffsets: number[] = [];
  const t = await streamRows(
    file,
    opts,
    (_header, columns) => {
      names = [...columns];
      cells = names.map(() => []);
    },
    (row, line) => {
      // A cell sliced out of a chunk of file text would keep the whole chunk alive.
      for (let k = 0; k < cells.length; k++) cells[k]!.push(ownString(row[k]!));
      // Line numbers are kept as breakpoints: the offset line − row changes only where a record spans lines or
      // blank lines are skipped.
      const offset = line - rows;
      if (breakOffsets.length === 0 || breakOffsets[breakOffsets.length - 1] !== offset) {
        breakRows.push(rows);
        breakOffsets.push(offset);
      }
      rows++;
    },
  );
  const byName = new Map(names.map((n, k) => [n, cells[k]!]));
  return {
    file: t.file,
    header: t.header,
    rows: t.rows,
    column: (name) => byName.get(name),
    lineOf(row) {
      let lo = 0;
      let hi = breakRows.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (breakRows[mid]! <= row) lo = mid;
        else hi = mid - 1;
      }
      return row + breakOffsets[lo]!;
    },
  };
}

/** What streamRows read. */
export interface StreamedTable {
  /** The file's name as shown in messages. */
  file: string;
  /** Every column of the file, in file order. */
  header: string[];
  /** The kept columns, in the order asked for (duplicates removed): `cells[k]` of a row is the cell of `columns[k]`. */
  columns: string[];
  /** Data rows (not counting the header); at least 1. */
  rows: number;
  /** The line of the header. */
  headerLine: number;
}

/** Receives the header (every column, in file order), the kept columns and the header's line, before any row. */
export type HeaderVisitor = (header: readonly string[], columns: readonly string[], line: number) => void;

/**
 * Receives a data row: `cells[k]` is the cell of kept column k, `line` the 1-based line where the row starts. The
 * array is reused for the next row: copy what must outlive the call. A ConfigurationError thrown here ends the read
 * and reaches the caller unchanged (as does any other error).
 */
export type RowVisitor = (cells: readonly string[], line: number) => void;

/**
 * Reads a table as readTable does (same formats, checks and messages) but hands every row to `onRow` as it is read
 * instead of keeping it, so that callers can convert cells on the fly. The header is checked first (duplicate names,
 * the columns asked for); a file with no header or no data rows is an error, raised once the whole file is read.
 *
 * CSV and TSV lines without a quote character are split by hand, which is several times faster than csv-parse; from
 * the first line with a quote (or a stray carriage return, or a record longer than the limit), the rest of the file
 * goes through csv-parse, so quoting follows RFC 4180 as before.
 */
export async function streamRows(file: string, opts: ReadTableOptions, onHeader: HeaderVisitor | undefined, onRow: RowVisitor): Promise<StreamedTable> {
  const label = opts.label ?? file;
  const { gz, head } = await readHead(file, label);
  const format = formatOf(file, head);
  if (format !== 'jsonl' && /^[\s\uFEFF]*\[/.test(head) && /\.json(\.gz)?$/i.test(file)) {
    throw new ConfigurationError(`${label}:1: the file is a JSON array, which is not read as a table. Write JSON Lines instead: one object per line, e.g. {"label": 1, "prediction": 1}, in a .jsonl file.`, {
      location: { file: label, line: 1 },
    });
  }
  const sink = new RowSink(label, opts.columns, onHeader, onRow);
  const csv: CsvState = { end: 0, csvLines: 0, empty: 0 };
  const source = (): Readable[] => {
    const raw = createReadStream(file, { highWaterMark: READ_CHUNK });
    return gz ? [raw, createGunzip({ chunkSize: READ_CHUNK })] : [raw];
  };
  try {
    if (format === 'jsonl') {
      const reader = new JsonLinesReader(sink);
      await pipeline(...(source() as [Readable]), async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) reader.push(chunk);
        reader.end();
      });
    } else {
      const reader = new DelimitedReader(sink, csv, format === 'tsv' ? '\t' : ',');
      await pipeline(...(source() as [Readable]), (chunks: AsyncIterable<Buffer>) => reader.read(chunks));
    }
  } catch (e) {
    throw readFailure(e, sink, csv, gz);
  }
  return sink.finish();
}

/** A copy of a string that does not keep alive a larger string it was sliced from. */
function ownString(s: string): string {
  // V8 slices strings of 13 characters or more without copying; a JSON round trip makes a fresh copy of any string.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

// ---- feature tables ----

/** Cells that stand for a missing value (pandas' defaults, in the spellings CSV writers use). */
export const MISSING_CELLS: ReadonlySet<string> = new Set(['', 'NA', 'NaN', 'nan', 'null', 'None']);

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** 10^k for k ≤ 15: exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A cell's finite number, or NaN when it is not a plain decimal number (hex, `inf` and text are not). */
export function parseCell(cell: string): number {
  // Fast path, for cells of at most 15 digits with an optional sign and point: the digits as an integer m and the
  // count k of digits after the point are exact doubles, so m / 10^k is the correctly rounded value, as Number's.
  const n = cell.length;
  let i = 0;
  const first = cell.charCodeAt(0);
  const negative = first === 45;
  if (negative || first === 43) i = 1;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0) {
      point = digits;
    } else {
      return parseDecimal(cell);
    }
  }
  if (digits === 0 || digits > 15) return parseDecimal(cell);
  const v = point < 0 ? m : m / POW10[digits - point]!;
  return negative ? -v : v;
}

function parseDecimal(cell: string): number {
  if (!DECIMAL.test(cell)) return NaN;
  const v = Number(cell);
  return Number.isFinite(v) ? v : NaN;
}

export interface FeatureTableOptions {
  /** Kinds fixed by the configuration; other columns are inferred. */
  kinds?: Record<string, 'numeric' | 'categorical'>;
  /** Columns left out (e.g. the label and prediction columns). */
  exclude?: string[];
}

/**
 * Typed feature columns of a table (every kept column not excluded). A column is numeric when every non-missing cell
 * is a finite decimal number, else categorical; missing cells (MISSING_CELLS) are left out of `values` and counted.
 * A column configured as numeric with a cell that is not a number is an error naming the line.
 */
export function toFeatureTable(t: RawTable, opts: FeatureTableOptions = {}): FeatureTable {
  const exclude = new Set(opts.exclude ?? []);
  const columns: FeatureColumn[] = [];
  for (const name of t.header) {
    const cells = t.column(name);
    if (cells === undefined || exclude.has(name)) continue;
    const fixed = opts.kinds?.[name];
    let missing = 0;
    let numeric = fixed !== 'categorical';
    if (fixed === undefined) {
      for (const cell of cells) {
        if (MISSING_CELLS.has(cell)) missing++;
        else if (numeric && Number.isNaN(parseCell(cell))) numeric = false;
      }
    } else {
      for (const cell of cells) if (MISSING_CELLS.has(cell)) missing++;
    }
    if (numeric) {
      const values = new Float64Array(cells.length - missing);
      let k = 0;
      for (let row = 0; row < cells.length; row++) {
        const cell = cells[row]!;
        if (MISSING_CELLS.has(cell)) continue;
        const v = parseCell(cell);
        if (Number.isNaN(v)) {
          const line = t.lineOf(row);
          throw new ConfigurationError(
            `${t.file}:${line}: column \`${name}\` is configured as numeric but holds ${JSON.stringify(cell)}. Fix the value, or set the column's kind to categorical in drift.columns.`,
            { location: { file: t.file, line }, field: `drift.columns.${name}.kind` },
          );
        }
        values[k++] = v;
      }
      columns.push({ name, kind: 'numeric', values, missing });
    } else {
      const values: string[] = [];
      for (const cell of cells) if (!MISSING_CELLS.has(cell)) values.push(cell);
      columns.push({ name, kind: 'categorical', values, missing });
    }
  }
  return { file: t.file, rows: t.rows, columns };
}

// ---- format detection ----

async function readHead(file: string, label: string): Promise<{ gz: boolean; head: string }> {
  let bytes: Buffer;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new ConfigurationError(`${label}: is a directory; give the path of a file inside it.`, { location: { file: label } });
    if (s.size === 0) throw emptyError(label);
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(HEAD_BYTES, s.size));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      bytes = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof ConfigurationError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found. Check the path' : code === 'EACCES' ? 'permission denied. Make the file readable' : `cannot be read: ${errorMessage(e)}`;
    throw new ConfigurationError(`${label}: ${why}.`, { location: { file: label }, cause: e });
  }
  const gz = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gz) return { gz, head: bytes.toString('utf8') };
  try {
    // A prefix of a gzip stream: flush what it holds instead of failing on the missing end.
    return { gz, head: gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8') };
  } catch (e) {
    throw gzipError(label, undefined, e);
  }
}

function formatOf(file: string, head: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  const first = /^[\s\uFEFF]*([^\r\n]*)/.exec(head)?.[1] ?? '';
  if (first.startsWith('{')) return 'jsonl';
  if (first.includes('\t') && !first.includes(',')) return 'tsv';
  return 'csv';
}

// ---- rows ----

/**
 * Receives records (header first) with their starting lines, checks them against the header and hands the chosen
 * columns of each row to the visitor.
 */
class RowSink {
  header: string[] | undefined;
  columns: string[] = [];
  rows = 0;
  headerLine = 0;
  /** The last line of the last record taken (or reached). */
  lastLine = 0;
  /** For each column of the header, its place among the kept columns, or -1. */
  slot = new Int32Array(0);
  /** Every column kept, in header order: records are handed on as they are. */
  identity = false;
  /** The kept cells of the row being read (filled by the readers, or from a record). */
  readonly cells: string[] = [];
  /** An error thrown by a visitor: it goes to the caller as it is. */
  failure: unknown;

  constructor(
    readonly label: string,
    private readonly select: ReadTableOptions['columns'],
    private readonly onHeader: HeaderVisitor | undefined,
    private readonly onRow: RowVisitor,
  ) {}

  setHeader(names: string[], line: number): void {
    this.headerLine = line;
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) {
        throw new ConfigurationError(`${this.label}:${line}: column \`${name}\` appears twice in the header. Give every column a distinct name.`, {
          location: { file: this.label, line },
        });
      }
      seen.add(name);
    }
    this.header = names;
    const wanted = this.select === undefined ? names : typeof this.select === 'function' ? this.select(names) : this.select;
    const index = new Map(names.map((n, i) => [n, i]));
    const missing = wanted.filter((n) => !index.has(n));
    if (missing.length > 0) {
      throw new ConfigurationError(
        `${this.label}:${line}: no column ${missing.map((n) => `\`${n}\``).join(', ')} in the header (columns found: ${names.join(', ')}). Check the column names in the configuration and in the file.`,
        { location: { file: this.label, line } },
      );
    }
    this.columns = [...new Set(wanted)];
    this.slot = new Int32Array(names.length).fill(-1);
    this.columns.forEach((n, k) => {
      this.slot[index.get(n)!] = k;
    });
    this.identity = this.columns.length === names.length && this.columns.every((n, k) => n === names[k]);
    this.cells.length = this.columns.length;
    this.cells.fill('');
    if (this.onHeader !== undefined) this.visit(() => this.onHeader!(names, this.columns, line));
  }

  /** Takes a record (the header first); `record[i]` is the cell of header column i. */
  record(record: readonly string[], line: number): void {
    const header = this.header;
    if (header === undefined) {
      this.setHeader([...record], line);
      return;
    }
    const width = header.length;
    if (record.length !== width) throw this.fieldCountError(record.length, line);
    if (this.identity) {
      this.emit(record, line);
      return;
    }
    const { slot, cells } = this;
    for (let j = 0; j < width; j++) {
      const k = slot[j]!;
      if (k >= 0) cells[k] = record[j]!;
    }
    this.emit(cells, line);
  }

  /** Hands on a row of kept cells. */
  emit(cells: readonly string[], line: number): void {
    this.rows++;
    try {
      this.onRow(cells, line);
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }

  fieldCountError(got: number, line: number): ConfigurationError {
    const expected = this.header?.length;
    return new ConfigurationError(
      `${this.label}:${line}: the line has ${got} field${got === 1 ? '' : 's'} but the header (line ${this.headerLine}) has ${expected ?? 'another number'}. Quote fields that contain the delimiter, or fix the line.`,
      { location: { file: this.label, line } },
    );
  }

  finish(): StreamedTable {
    const { label, header, rows } = this;
    if (header === undefined) throw emptyError(label);
    if (rows === 0) {
      throw new ConfigurationError(`${label}:${this.headerLine}: the file has a header but no data rows. Check that the run that wrote it finished.`, {
        location: { file: label, line: this.headerLine },
      });
    }
    return { file: label, header, columns: this.columns, rows, headerLine: this.headerLine };
  }

  private visit(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }
}

function emptyError(label: string): ConfigurationError {
  return new ConfigurationError(`${label}: the file is empty. Check that the run that writes it finished and wrote to this path.`, { location: { file: label } });
}

// ---- CSV / TSV ----

interface CsvState {
  /** Last line of the previous record (true count), csv-parse's count there, and its blank-line count. */
  end: number;
  csvLines: number;
  empty: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Reads CSV or TSV. Lines are split by hand while they hold no quote and no carriage return other than that of a
 * CRLF line end (then csv-parse would read them the same way); from the first line that does, everything left goes
 * to csv-parse. A file whose first line holds a quote, that starts with a UTF-16 byte order mark or that ends its
 * lines with a lone CR goes to csv-parse whole, as it was read before.
 */
class DelimitedReader {
  private readonly decoder = new StringDecoder('utf8');
  /** The line where the unread text starts. */
  private line = 1;
  /** CRLF line ends (else LF), once the first line end is seen. */
  private crlf = false;
  /** Where the unread text must go to csv-parse, or -1. */
  private handOverAt = -1;

  constructor(
    private readonly sink: RowSink,
    private readonly st: CsvState,
    private readonly delimiter: string,
  ) {}

  async read(chunks: AsyncIterable<Buffer>): Promise<void> {
    const it = chunks[Symbol.asyncIterator]();
    const { decoder } = this;
    // Until the first line end: the raw bytes, in case the whole file goes to csv-parse.
    const head: Buffer[] = [];
    let text = '';
    let started = false;
    for (;;) {
      const next = await it.next();
      const done = next.done === true;
      if (!done) {
        const chunk: Buffer = next.value;
        text += decoder.write(chunk);
        if (!started) head.push(chunk);
      } else {
        text += decoder.end();
      }
      if (!started) {
        const start = this.start(head, text, done);
        if (start === undefined) {
          if (done) break;
          continue;
        }
        if (!start) return this.handOver(it, head);
        started = true;
        head.length = 0;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      text = this.scan(text, done);
      if (this.handOverAt >= 0) return this.handOver(it, text);
      if (done) break;
    }
    if (!started) await this.handOver(it, head);
  }

  /** Whether the fast path can read the file (undefined: not known before the first line end). */
  private start(head: Buffer[], text: string, done: boolean): boolean | undefined {
    const lf = text.indexOf('\n');
    const cr = text.indexOf('\r');
    const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    if (end < 0 || (end === cr && end === text.length - 1 && !done)) {
      return done || text.length > MAX_RECORD_CHARS ? false : undefined;
    }
    const first = head[0]!;
    const utf16 = first.length >= 2 ? first[0] === 0xff && first[1] === 0xfe : Buffer.concat(head).subarray(0, 2).equals(Buffer.from([0xff, 0xfe]));
    if (utf16 || text.lastIndexOf('"', end) >= 0) return false;
    if (end === cr) {
      if (text.charCodeAt(end + 1) !== LF) return false;
      this.crlf = true;
    }
    return true;
  }

  /**
   * Reads the complete lines of `text` (every line when `done`) and returns the rest; sets handOverAt and returns
   * the text from the line that must go to csv-parse instead.
   */
  private scan(text: string, done: boolean): string {
    const { sink, st, delimiter, crlf } = this;
    const len = text.length;
    let pos = 0;
    let line = this.line;
    let lastRecord = -1;
    // The next quote, carriage return and delimiter at or after pos (len when none).
    let quote = -1;
    let cr = -1;
    let delim = -1;
    try {
      while (pos < len) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0) {
          if (!done) {
            // A line too long to be a record: csv-parse reports it.
            if (len - pos > MAX_RECORD_CHARS) return this.stop(text, pos, line);
            break;
          }
          nl = len;
        }
        let end = nl;
        if (crlf && nl < len) {
          if (nl === pos || text.charCodeAt(nl - 1) !== CR) return this.stop(text, pos, line);
          end = nl - 1;
        }
        if (quote < pos) quote = indexOrEnd(text, QUOTE, pos);
        if (cr < pos) cr = indexOrEnd(text, CR, pos);
        if (quote < nl || cr < end || end - pos > MAX_RECORD_CHARS) return this.stop(text, pos, line);
        if (end > pos) {
          const header = sink.header;
          if (header === undefined) {
            sink.record(text.slice(pos, end).split(delimiter), line);
          } else {
            const { slot, cells } = sink;
            const width = header.length;
            let j = 0;
            let s = pos;
            for (;;) {
              if (delim < s) delim = text.indexOf(delimiter, s);
              if (delim < 0) delim = len;
              const e = delim < end ? delim : end;
              if (j < width) {
                const k = slot[j]!;
                if (k >= 0) cells[k] = text.slice(s, e);
              }
              j++;
              if (e === end) break;
              s = e + 1;
            }
            if (j !== width) throw sink.fieldCountError(j, line);
            sink.emit(cells, line);
          }
          lastRecord = line;
        }
        line++;
        pos = nl + 1;
      }
    } finally {
      this.line = line;
      if (lastRecord > 0) st.end = sink.lastLine = lastRecord;
    }
    return pos === 0 ? text : text.slice(pos);
  }

  private stop(text: string, pos: number, line: number): string {
    this.handOverAt = pos;
    this.line = line;
    return text.slice(pos);
  }

  /** Sends the rest of the file to csv-parse: raw bytes from the start, or the text from a line on. */
  private async handOver(it: AsyncIterator<Buffer>, from: Buffer[] | string): Promise<void> {
    const { decoder, st } = this;
    let recordDelimiter: string | undefined;
    if (typeof from === 'string') {
      recordDelimiter = this.crlf ? '\r\n' : '\n';
      // csv-parse starts counting afresh; its counts are taken relative to st.
      st.end = this.line - 1;
      st.csvLines = 0;
      st.empty = 0;
    }
    async function* rest(): AsyncGenerator<Buffer | string> {
      if (typeof from === 'string') {
        if (from !== '') yield from;
        for (;;) {
          const next = await it.next();
          if (next.done === true) break;
          const text = decoder.write(next.value);
          if (text !== '') yield text;
        }
        const tail = decoder.end();
        if (tail !== '') yield tail;
      } else {
        yield* from;
        for (;;) {
          const next = await it.next();
          if (next.done === true) break;
          yield next.value;
        }
      }
    }
    await pipeline(rest(), csvParser(this.sink, st, this.delimiter, recordDelimiter), discard());
  }
}

/** The index of a character code at or after `from`, or the text's length. */
function indexOrEnd(text: string, code: number, from: number): number {
  const i = text.indexOf(String.fromCharCode(code), from);
  return i < 0 ? text.length : i;
}

/**
 * A csv-parse stream that hands records to the sink. With a record delimiter, it reads from a line after the start
 * of the file (no byte order mark there); without, the whole file, finding the line ends itself.
 */
function csvParser(sink: RowSink, st: CsvState, delimiter: string, recordDelimiter?: string): Parser {
  const parser = parse({
    columns: false,
    delimiter,
    bom: recordDelimiter === undefined,
    ...(recordDelimiter === undefined ? {} : { record_delimiter: recordDelimiter }),
    // Field counts are checked against the header by the sink.
    relax_column_count: true,
    // A stray quote in a tab-separated file is more likely text than quoting.
    relax_quotes: delimiter === '\t',
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record: string[], ctx) => {
      // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here; its own count only
      // tells whether the record spans lines at all.
      const blank = ctx.empty_lines - st.empty;
      const start = st.end + 1 + blank;
      const end = ctx.lines - st.csvLines === 1 + blank ? start : start + lineBreaks(record);
      st.end = end;
      st.csvLines = ctx.lines;
      st.empty = ctx.empty_lines;
      sink.lastLine = end;
      sink.record(record, start);
      return null;
    },
  });
  return parser;
}

function lineBreaks(record: string[]): number {
  let n = 0;
  for (const field of record) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === LF) n++;
      else if (c === CR && field.charCodeAt(i + 1) !== LF) n++;
    }
  }
  return n;
}

function discard(): Writable {
  return new Writable({
    objectMode: true,
    write(_chunk, _enc, done) {
      done();
    },
  });
}

function isCsvError(e: unknown): e is CsvError {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^(CSV_|INVALID_)/.test(code);
}

function csvError(e: CsvError, sink: RowSink, st: CsvState): ConfigurationError {
  const label = sink.label;
  const info = e as unknown as { lines?: number; empty_lines?: number; record?: unknown };
  // The failing record starts after the last one taken and the blank lines since; the failure itself is as many
  // lines further as csv-parse counted.
  const start = st.end + 1 + Math.max(0, (info.empty_lines ?? st.empty) - st.empty);
  const at = st.end + Math.max(1, (info.lines ?? 0) - st.csvLines);
  let line = start;
  let why: string;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      why = 'a quoted field that starts on this line is never closed. Close the quote; a quote inside a quoted field is written twice ("")';
      break;
    case 'CSV_MAX_RECORD_SIZE':
      why = `a record starting on this line is longer than ${MAX_RECORD_CHARS} characters, most likely because of a quote that is never closed. Close the quote`;
      break;
    case 'INVALID_OPENING_QUOTE':
      line = at;
      why = 'a quote inside an unquoted field. Quote the whole field and write the inner quote twice ("")';
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      line = at;
      why = 'a closing quote is followed by other characters instead of a delimiter or the end of the line. Write a quote inside a quoted field twice ("")';
      break;
    default:
      line = at;
      why = `malformed CSV (${e.message}). Fix the line`;
  }
  return new ConfigurationError(`${label}:${line}: ${why}.`, { location: { file: label, line }, cause: e });
}

// ---- JSON Lines ----

const BARE_NON_FINITE = /([:,[]\s*)(NaN|-?Infinity)(?=\s*[,}\]])/g;

class JsonLinesReader {
  private decoder = new StringDecoder('utf8');
  private rest = '';
  private line = 0;
  private index = new Map<string, number>();
  private values: string[] = [];

  constructor(private readonly sink: RowSink) {}

  push(chunk: Buffer): void {
    const text = this.rest + this.decoder.write(chunk);
    let pos = 0;
    for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
      this.take(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.rest = text.slice(pos);
  }

  end(): void {
    const text = this.rest + this.decoder.end();
    this.rest = '';
    if (text !== '') this.take(text);
  }

  private take(raw: string): void {
    const line = ++this.line;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') return;
    this.sink.lastLine = line;
    const obj = this.parse(text, line);
    const { sink } = this;
    if (sink.header === undefined) {
      const names = Object.keys(obj);
      if (names.length === 0) throw this.error(line, 'the first object has no keys, so there are no columns. Write one key per column');
      sink.setHeader(names, line);
      this.index = new Map(names.map((n, i) => [n, i]));
      this.values = names.map(() => '');
    }
    const header = sink.header!;
    const values = this.values;
    let seen = 0;
    for (const key in obj) {
      const i = this.index.get(key);
      if (i === undefined) {
        throw this.error(line, `key \`${key}\` is not among the keys of the first object (${header.join(', ')}). Every line must have the same keys`);
      }
      values[i] = this.cell(obj[key], key, line);
      seen++;
    }
    if (seen !== header.length) {
      const missing = header.filter((n) => !Object.hasOwn(obj, n));
      throw this.error(line, `missing key${missing.length === 1 ? '' : 's'} ${missing.map((n) => `\`${n}\``).join(', ')} (the first object has ${header.join(', ')}). Every line must have the same keys; write null for a missing value`);
    }
    sink.record(values, line);
  }

  private parse(text: string, line: number): Record<string, unknown> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // Python's json module writes bare NaN and Infinity; read them as text (NaN is then a missing value).
      const fixed = text.replace(BARE_NON_FINITE, '$1"$2"');
      try {
        value = fixed === text ? undefined : JSON.parse(fixed);
      } catch {
        value = undefined;
      }
      if (value === undefined) {
        const message = errorMessage(e);
        const position = /at position (\d+)/.exec(message)?.[1];
        const why = message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
        throw this.error(line, `invalid JSON${position === undefined ? '' : ` at column ${Number(position) + 1}`} (${why}). Write one JSON object per line`, e);
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.error(line, `expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}. Write one JSON object per line`);
    }
    return value as Record<string, unknown>;
  }

  private cell(v: unknown, key: string, line: number): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v === null) return '';
    throw this.error(line, `the value of \`${key}\` is ${Array.isArray(v) ? 'an array' : 'a nested object'}; cells must be numbers, strings or null. Flatten it into columns`);
  }

  private error(line: number, why: string, cause?: unknown): ConfigurationError {
    const label = this.sink.label;
    return new ConfigurationError(`${label}:${line}: ${why}.`, { location: { file: label, line }, ...(cause === undefined ? {} : { cause }) });
  }
}

// ---- failures ----

function gzipError(label: string, line: number | undefined, e: unknown): ConfigurationError {
  const where = line === undefined || line === 0 ? '' : ` after line ${line}`;
  return new ConfigurationError(
    `${label}: the gzip data is corrupt or truncated${where} (${errorMessage(e)}). Compress the file again, or check that its upload or download finished.`,
    { location: line === undefined || line === 0 ? { file: label } : { file: label, line }, cause: e },
  );
}

function readFailure(e: unknown, sink: RowSink, csv: CsvState, gz: boolean): unknown {
  if (e instanceof ConfigurationError || (e !== undefined && e === sink.failure)) return e;
  if (isCsvError(e)) return csvError(e, sink, csv);
  const code = (e as { code?: unknown }).code;
  if (gz && typeof code === 'string' && code.startsWith('Z_')) return gzipError(sink.label, sink.lastLine, e);
  return new ConfigurationError(`${sink.label}: cannot read the file: ${errorMessage(e)}.`, { location: { file: sink.label }, cause: e });
}
