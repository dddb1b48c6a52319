import { open, readFile } from 'node:fs/promises';
import { ConfigurationError, errorMessage } from '../../../core/errors.js';
import { benchmarkActionParser } from './benchmark-action.js';
import { bmfParser } from './bmf.js';
import { emptyFileError, isBlank, readJson, ResultFileError } from './common.js';
import { criterionParser } from './criterion.js';
import { googleBenchmarkParser } from './google-benchmark.js';
import { hyperfineParser } from './hyperfine.js';
import { k6Parser } from './k6.js';
import { ingestLatencyFile, latencyLogParser, latencyParsedFile, looksLikeLatencyLog } from './latency-log.js';
import { pytestBenchmarkParser } from './pytest-benchmark.js';
import { shipgateParser } from './shipgate.js';
import type { FormatName, ParsedFile, ParseOptions, Parser } from './types.js';

export { ResultFileError } from './common.js';
export type { Direction, FormatName, Measurement, ParsedFile, ParseOptions, Parser } from './types.js';

/** Every parser, in detection order: the most specific shapes first, plain-text latency logs last. */
export const PARSERS: readonly Parser[] = [
  shipgateParser,
  googleBenchmarkParser,
  pytestBenchmarkParser,
  hyperfineParser,
  criterionParser,
  k6Parser,
  benchmarkActionParser,
  bmfParser,
  latencyLogParser,
];

export const FORMAT_NAMES: readonly FormatName[] = PARSERS.map((p) => p.format);

const byFormat = new Map<string, Parser>(PARSERS.map((p) => [p.format, p]));

/** The parser of a format name; an unknown name is a ConfigurationError listing the known ones. */
export function parserFor(format: string): Parser {
  const parser = byFormat.get(format);
  if (parser === undefined) {
    throw new ConfigurationError(`unknown result format ${JSON.stringify(format)}. Known formats: ${FORMAT_NAMES.join(', ')}.`, { field: 'format' });
  }
  return parser;
}

/** The format of a result file, or undefined when no parser recognises it. */
export function detectFormat(file: string, text: string): FormatName | undefined {
  return PARSERS.find((p) => p.detect(file, text))?.format;
}

/**
 * Parses one result file: of the given format, else of the detected one. Every error is a ConfigurationError
 * naming the file (a ResultFileError, with the usable part, when single benchmarks are bad).
 */
export function parseResultFile(file: string, text: string, format?: string, opts?: ParseOptions): ParsedFile {
  const forced = format === undefined || format === '' ? undefined : parserFor(format);
  if (isBlank(text)) throw emptyFileError(file);
  if (forced !== undefined) return parseAs(forced, file, text, opts);
  const detected = detectFormat(file, text);
  if (detected === undefined) {
    // Broken JSON is reported as such, with its position, rather than as an unknown format.
    if (/^[\s\uFEFF]*[{[]/.test(text)) readJson(file, text);
    throw new ResultFileError(
      `${file}: cannot tell the format of this result file. Known formats: ${FORMAT_NAMES.join(', ')}. Set the format explicitly if it is one of them.`,
      file,
    );
  }
  return parseAs(parserFor(detected), file, text, opts);
}

/** Reads and parses a result file; `displayPath` names it in messages (default: `file`). */
export async function readResultFile(file: string, opts: ParseOptions & { format?: string; displayPath?: string } = {}): Promise<ParsedFile> {
  const shown = opts.displayPath ?? file;
  if (opts.format === undefined || opts.format === '' || opts.format === 'latency-log') {
    const head = await largeFileHead(file);
    if (head !== undefined && (opts.format === 'latency-log' || looksLikeLatencyLog(shown, head))) {
      // Millions of latency samples are streamed into one typed array, never held as one string.
      return latencyParsedFile(shown, await ingestLatencyFile(file, { label: shown }), opts);
    }
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'not found. Check the path, and that the benchmark run wrote its results there'
        : code === 'EISDIR'
          ? 'is a directory; give the result file inside it'
          : `cannot be read (${code ?? errorMessage(e)})`;
    throw new ResultFileError(`${shown}: result file ${why}.`, shown);
  }
  return parseResultFile(shown, text, opts.format, opts);
}

const STREAM_ABOVE_BYTES = 16 << 20;

/** The first 64 KiB of a regular file larger than STREAM_ABOVE_BYTES; undefined for anything else. */
async function largeFileHead(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
    const st = await handle.stat();
    if (!st.isFile() || st.size <= STREAM_ABOVE_BYTES) return undefined;
    const buf = Buffer.alloc(64 << 10);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    // Cut at the last line break so that a partial line does not spoil detection.
    const text = buf.subarray(0, bytesRead).toString('utf8');
    return text.slice(0, text.lastIndexOf('\n') + 1);
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

function parseAs(parser: Parser, file: string, text: string, opts: ParseOptions | undefined): ParsedFile {
  try {
    return parser.parse(file, text, opts);
  } catch (e) {
    // A parser bug must not surface as a bare stack trace naming nothing.
    if (!(e instanceof ConfigurationError)) throw new Error(`${file}: internal error while reading it as ${parser.format}: ${errorMessage(e)}`, { cause: e });
    if (e instanceof ResultFileError && e.partial !== undefined) throw e;
    // The file does not fit a forced format: say which one it fits.
    const detected = detectFormat(file, text);
    if (detected === undefined || detected === parser.format) throw e;
    throw new ResultFileError(
      `${e.message} The file looks like ${detected} output: set the format to ${detected}, or leave it out to detect it.`,
      file,
      undefined,
      e.location?.line,
      e.location?.column,
    );
  }
}
