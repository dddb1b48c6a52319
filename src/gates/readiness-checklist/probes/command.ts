import path from 'node:path';
import { closest } from '../../../core/config.js';
import { ConfigurationError, errorMessage } from '../../../core/errors.js';
import { type Command, execCommand } from '../../../core/exec.js';
import type { CheckSpec, Evidence, Probe, ProbeContext } from '../types.js';

// ---- shared by every probe ----
// They live here, beside the simplest probe, because the probes folder holds one file per probe plus the index.

export type Where = { file: string; line: number; field: string };
export type ProbeResult = Omit<Evidence, 'attempts' | 'durationMs'>;

/** Fields every check may carry; runCheck (index.ts) validates them. */
export const COMMON_FIELDS: readonly string[] = ['type', 'name', 'timeout', 'retries', 'retry_delay'];

/** Most characters of output or body kept as evidence. */
export const OUTPUT_TAIL_CHARS = 2048;

function fieldOf(where: Where, key: string | undefined): string {
  if (key === undefined) return where.field;
  return where.field === '' ? key : `${where.field}.${key}`;
}

/** A ConfigurationError for a check field: `file:line: field: problem. fix`. */
export function specError(where: Where, key: string | undefined, problem: string, fix: string): ConfigurationError {
  const field = fieldOf(where, key);
  const at = where.line > 0 ? `${where.file}:${where.line}: ` : where.file !== '' ? `${where.file}: ` : '';
  return new ConfigurationError(`${at}${field === '' ? '' : `${field}: `}${problem}. ${fix}`, {
    location: where.line > 0 ? { file: where.file, line: where.line } : { file: where.file },
    ...(field === '' ? {} : { field }),
  });
}

/** ` (got "x")` for messages. */
export function got(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return ' (got a list)';
  if (value !== null && typeof value === 'object') return ' (got a mapping)';
  return ` (got ${oneLine(JSON.stringify(value), 60)})`;
}

/** The candidate closest to a misspelt name, if one is close enough (the config loader's rule). */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return closest(name, candidates);
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** Reads and checks a spec's fields for `validate`; every method throws a ConfigurationError naming the field. */
export class SpecReader {
  constructor(
    readonly spec: CheckSpec,
    readonly where: Where,
    allowed: readonly string[],
  ) {
    const known = [...COMMON_FIELDS, ...allowed];
    for (const key of Object.keys(spec)) {
      if (known.includes(key)) continue;
      const suggestion = closestName(key, allowed);
      throw this.error(
        key,
        `unknown field for a \`${spec.type}\` check (allowed: ${allowed.join(', ')})`,
        suggestion === undefined ? 'Remove it or check its spelling.' : `Did you mean \`${suggestion}\`?`,
      );
    }
  }

  error(key: string | undefined, problem: string, fix = 'Change the value.'): ConfigurationError {
    return specError(this.where, key, problem, fix);
  }

  has(key: string): boolean {
    return this.spec[key] !== undefined;
  }

  missing(key: string, what: string): ConfigurationError {
    return this.error(undefined, `a \`${this.spec.type}\` check needs \`${key}\` (${what})`, `Add \`${key}\`.`);
  }

  string(key: string, opts: { required?: string } = {}): string | undefined {
    const v = this.spec[key];
    if (v === undefined) {
      if (opts.required !== undefined) throw this.missing(key, opts.required);
      return undefined;
    }
    if (typeof v !== 'string') throw this.error(key, `must be a string${got(v)}`, typeof v === 'number' ? 'Put the value in quotes.' : 'Change the value.');
    if (v.trim() === '') throw this.error(key, 'must not be empty', 'Write a value or remove the field.');
    return v;
  }

  number(key: string, opts: { integer?: boolean; min?: number; max?: number; above?: number } = {}): number | undefined {
    const v = this.spec[key];
    if (v === undefined) return undefined;
    const kind = opts.integer === true ? 'a whole number' : 'a number';
    if (typeof v !== 'number' || !Number.isFinite(v) || (opts.integer === true && !Number.isInteger(v))) {
      const quoted = typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v));
      throw this.error(key, `must be ${kind}${got(v)}`, quoted ? 'Remove the quotes around the number.' : 'Change the value.');
    }
    if (opts.min !== undefined && v < opts.min) throw this.error(key, `must be at least ${opts.min}${got(v)}`);
    if (opts.above !== undefined && v <= opts.above) throw this.error(key, `must be more than ${opts.above}${got(v)}`);
    if (opts.max !== undefined && v > opts.max) throw this.error(key, `must be at most ${opts.max}${got(v)}`);
    return v;
  }

  boolean(key: string): boolean | undefined {
    const v = this.spec[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw this.error(key, `must be true or false${got(v)}`);
    return v;
  }

  port(key: string, opts: { required?: string } = {}): number | undefined {
    if (!this.has(key) && opts.required !== undefined) throw this.missing(key, opts.required);
    const v = this.spec[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535)) {
      throw this.error(key, `must be a port number from 1 to 65535${got(v)}`, typeof v === 'string' && /^\d+$/.test(v) ? 'Remove the quotes.' : 'Change the value.');
    }
    return v;
  }

  host(key: string, opts: { required?: string } = {}): string | undefined {
    const v = this.string(key, opts);
    if (v !== undefined && /[\s/]/.test(v)) throw this.error(key, `must be a host name or IP address${got(v)}`, 'Write only the host, e.g. 127.0.0.1.');
    return v;
  }

  regex(key: string): RegExp | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    try {
      return new RegExp(v);
    } catch (e) {
      throw this.error(key, `is not a valid regular expression: ${errorMessage(e)}`, 'Fix the pattern (JavaScript syntax).');
    }
  }

  oneOf<T extends string>(key: string, values: readonly T[], opts: { required?: string } = {}): T | undefined {
    const v = this.string(key, opts);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      const s = closestName(v, values);
      throw this.error(key, `must be one of: ${values.join(', ')}${got(v)}`, s === undefined ? 'Use one of the listed values.' : `Did you mean \`${s}\`?`);
    }
    return v as T;
  }

  stringList(key: string, opts: { pattern?: RegExp; what?: string } = {}): string[] | undefined {
    const v = this.spec[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0) throw this.error(key, `must be a non-empty list of strings${got(v)}`);
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') throw this.error(`${key}[${i}]`, `must be a non-empty string${got(item)}`);
      if (opts.pattern !== undefined && !opts.pattern.test(item)) throw this.error(`${key}[${i}]`, `must be ${opts.what ?? 'a valid value'}${got(item)}`);
    });
    return v as string[];
  }

  /** A GitHub login. */
  logins(key: string): string[] | undefined {
    return this.stringList(key, { pattern: LOGIN, what: 'a GitHub login' });
  }

  /** A path inside the workspace: relative, not leaving it through `..`. */
  relativePath(key: string, opts: { required?: string } = {}): string | undefined {
    const v = this.string(key, opts);
    if (v === undefined) return undefined;
    if (path.isAbsolute(v) || /^[A-Za-z]:[\\/]/.test(v)) throw this.error(key, `must be a path relative to the repository root${got(v)}`, 'Write the path from the repository root.');
    if (path.normalize(v).split(/[\\/]/)[0] === '..') throw this.error(key, `must stay inside the repository${got(v)}`, 'Remove the `..` that leads out of it.');
    return v;
  }

  /** equals / matches / min / max; `anchor` is the field they compare (they are refused without it). */
  expectation(anchor: { key: string; present: boolean }, allowed: readonly ('equals' | 'matches' | 'min' | 'max')[]): Expectation {
    const exp: Expectation = {};
    if (allowed.includes('equals') && this.has('equals')) {
      const v = this.spec.equals;
      if (v === null || typeof v === 'object') throw this.error('equals', `must be a string, number or true/false${got(v)}`);
      exp.equals = v as string | number | boolean;
    }
    if (allowed.includes('matches')) {
      const re = this.regex('matches');
      if (re !== undefined) exp.matches = re;
    }
    if (allowed.includes('min')) {
      const v = this.number('min');
      if (v !== undefined) exp.min = v;
    }
    if (allowed.includes('max')) {
      const v = this.number('max');
      if (v !== undefined) exp.max = v;
    }
    if (exp.min !== undefined && exp.max !== undefined && exp.min > exp.max) throw this.error('min', `is above max (${exp.min} > ${exp.max})`, 'Swap or fix the bounds.');
    if (hasExpectation(exp) && !anchor.present) {
      const which = Object.keys(exp).map((k) => `\`${k}\``).join(', ');
      throw this.error(undefined, `${which} compare${Object.keys(exp).length === 1 ? 's' : ''} \`${anchor.key}\`, which is missing`, `Add \`${anchor.key}\` or remove ${which}.`);
    }
    return exp;
  }
}

// ---- value expectations (http json_path, redis info_field, gate field) ----

export interface Expectation {
  equals?: string | number | boolean;
  matches?: RegExp;
  min?: number;
  max?: number;
}

export function hasExpectation(e: Expectation): boolean {
  return e.equals !== undefined || e.matches !== undefined || e.min !== undefined || e.max !== undefined;
}

/** Reads equals/matches/min/max from a spec already validated. */
export function expectationOf(spec: CheckSpec): Expectation {
  const e: Expectation = {};
  const { equals, matches, min, max } = spec;
  if (typeof equals === 'string' || typeof equals === 'number' || typeof equals === 'boolean') e.equals = equals;
  if (typeof matches === 'string') e.matches = new RegExp(matches);
  if (typeof min === 'number') e.min = min;
  if (typeof max === 'number') e.max = max;
  return e;
}

export function showValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  const text = JSON.stringify(v) as string | undefined;
  return oneLine(text ?? (typeof v === 'bigint' ? v.toString() : typeof v), 80);
}

/** Why `actual` does not meet the expectation, or undefined when it does. */
export function unmet(actual: unknown, e: Expectation): string | undefined {
  if (e.equals !== undefined) {
    const scalar = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean';
    const same = actual === e.equals || (scalar && String(actual) === String(e.equals));
    if (!same) return `expected ${showValue(e.equals)}`;
  }
  if (e.matches !== undefined) {
    const text = typeof actual === 'string' ? actual : (JSON.stringify(actual) ?? '');
    if (!e.matches.test(text)) return `expected to match /${e.matches.source}/`;
  }
  if (e.min !== undefined || e.max !== undefined) {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : Number.NaN;
    if (!Number.isFinite(n)) return 'expected a number';
    if (e.min !== undefined && n < e.min) return `expected at least ${e.min}`;
    if (e.max !== undefined && n > e.max) return `expected at most ${e.max}`;
  }
  return undefined;
}

/** The bounds, for a summary of a value that met them: `(min 80)`. */
export function describeExpectation(e: Expectation): string {
  const parts: string[] = [];
  if (e.equals !== undefined) parts.push(`equals ${showValue(e.equals)}`);
  if (e.matches !== undefined) parts.push(`matches /${e.matches.source}/`);
  if (e.min !== undefined) parts.push(`min ${e.min}`);
  if (e.max !== undefined) parts.push(`max ${e.max}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

// ---- simple JSON paths: `$.status`, `checks[0].ok`, `details.score`, `$['a b']` ----

export type PathSegment = string | number;

const SEGMENT = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/y;

/** The segments of a path, or undefined when it is not of the simple dotted/bracket form. */
export function parsePath(text: string): PathSegment[] | undefined {
  let rest = text.trim();
  if (rest.startsWith('$')) {
    rest = rest.slice(1);
    if (rest === '') return [];
    if (!rest.startsWith('.') && !rest.startsWith('[')) return undefined;
  } else if (rest === '' || rest.startsWith('.')) {
    return undefined;
  }
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < rest.length) {
    const start = SEGMENT.lastIndex;
    const m = SEGMENT.exec(rest);
    if (m === null) return undefined;
    // A bare name is only allowed first; later names need a dot.
    if (m[1] !== undefined && start > 0 && !m[0].startsWith('.')) return undefined;
    if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(m[1] ?? m[3] ?? m[4] ?? '');
  }
  return segments;
}

export function lookupPath(value: unknown, segments: readonly PathSegment[]): { found: boolean; value: unknown } {
  let node = value;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(node) || s >= node.length) return { found: false, value: undefined };
      node = node[s] as unknown;
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, s)) return { found: false, value: undefined };
      node = (node as Record<string, unknown>)[s];
    }
  }
  return { found: true, value: node };
}

// ---- text ----

/** One plain line: whitespace collapsed, cut to `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function tailText(text: string, max = OUTPUT_TAIL_CHARS): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}

/** Seconds for messages: 1000 → "1", 1500 → "1.5". */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function timedOutAfter(ms: number): string {
  return `timed out after ${seconds(ms)} s`;
}

/** An error's code (ECONNREFUSED …) or else its message, in one line. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
  const nested = (e as { errors?: unknown } | null)?.errors;
  if (Array.isArray(nested) && nested.length > 0) return errorCode(nested[0]);
  return oneLine(errorMessage(e));
}

/** Removes a secret from a message (never a too-short one, that would garble the text). */
export function redact(text: string, secret: string | undefined): string {
  return secret !== undefined && secret.length >= 3 ? text.replaceAll(secret, '***') : text;
}

/** `host:port`, with brackets around an IPv6 address. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export type Raced<T> = { ok: true; value: T } | { ok: false; why: 'timeout' | 'cancelled' };

/**
 * Waits for `work` at most `timeoutMs` and no longer than `signal` stays unaborted. On either, `stop` is called to
 * close what the work holds open; a later rejection of `work` is ignored. A rejection before that is thrown.
 */
export async function raceDeadline<T>(work: Promise<T>, timeoutMs: number, signal: AbortSignal, stop: () => void): Promise<Raced<T>> {
  if (signal.aborted) {
    work.catch(() => undefined);
    stop();
    return { ok: false, why: 'cancelled' };
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const interrupt = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, why: 'timeout' }), timeoutMs);
    onAbort = () => resolve({ ok: false, why: 'cancelled' });
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([work.then((value): Raced<T> => ({ ok: true, value })), interrupt]);
    if (!outcome.ok) {
      work.catch(() => undefined);
      stop();
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

/** The result for a run cut short. */
export function interrupted(what: string, why: 'timeout' | 'cancelled', timeoutMs: number): ProbeResult {
  return { status: 'inconclusive', summary: `${what}: ${why === 'timeout' ? timedOutAfter(timeoutMs) : 'cancelled'}` };
}

// ---- the command probe ----

const FIELDS = ['run', 'expect_exit', 'expect_output', 'cwd'] as const;
const TAIL_LINES = 400;

function commandOf(run: unknown): Command {
  if (typeof run === 'string') return { shell: run };
  const argv = run as string[];
  return { argv: [argv[0] ?? '', ...argv.slice(1)] };
}

export const commandProbe: Probe = {
  type: 'command',

  validate(spec, where) {
    const r = new SpecReader(spec, where, FIELDS);
    const run = spec.run;
    if (run === undefined) throw r.missing('run', 'a shell command, or a list: program and arguments');
    if (typeof run === 'string') {
      if (run.trim() === '') throw r.error('run', 'must not be empty', 'Write the command to run.');
    } else if (Array.isArray(run)) {
      if (run.length === 0) throw r.error('run', 'must not be an empty list', 'Write the program and its arguments.');
      run.forEach((a, i) => {
        if (typeof a !== 'string') throw r.error(`run[${i}]`, `must be a string${got(a)}`, 'Put the argument in quotes.');
      });
      if ((run[0] as string).trim() === '') throw r.error('run[0]', 'must name the program to run', 'Write the program first.');
    } else {
      throw r.error('run', `must be a shell command (a string) or a list of program and arguments${got(run)}`);
    }
    r.number('expect_exit', { integer: true, min: 0, max: 255 });
    r.regex('expect_output');
    r.relativePath('cwd');
  },

  async run(spec, ctx, timeoutMs) {
    const cmd = commandOf(spec.run);
    const expectExit = typeof spec.expect_exit === 'number' ? spec.expect_exit : 0;
    const expectOutput = typeof spec.expect_output === 'string' ? new RegExp(spec.expect_output) : undefined;
    const cwd = typeof spec.cwd === 'string' ? path.resolve(ctx.workspace, spec.cwd) : ctx.workspace;
    const shown = `\`${oneLine('shell' in cmd ? cmd.shell : cmd.argv.join(' '), 80)}\``;

    const r = await execCommand(cmd, { cwd, timeoutMs, graceMs: 500, signal: ctx.signal, stream: false, capture: expectOutput !== undefined, tailLines: TAIL_LINES });
    const combined = r.tail.join('\n');
    const output = combined === '' ? {} : { output: tailText(combined) };
    if (r.error !== undefined) return { status: 'inconclusive', summary: `${shown}: ${r.error}`, ...output };
    if (r.timedOut) return { status: 'inconclusive', summary: `${shown}: ${timedOutAfter(timeoutMs)}`, ...output };
    if (r.cancelled) return { status: 'inconclusive', summary: `${shown}: cancelled`, ...output };
    if (r.exitCode === null) return { status: 'fail', summary: `${shown} was killed by ${r.signal ?? 'a signal'}`, ...output };

    const problems: string[] = [];
    if (r.exitCode !== expectExit) problems.push(`expected exit code ${expectExit}`);
    if (expectOutput !== undefined && !expectOutput.test(r.stdout ?? '') && !expectOutput.test(combined)) {
      problems.push(`output did not match /${oneLine(expectOutput.source, 60)}/`);
    }
    const base = `${shown} exited ${r.exitCode} in ${r.durationMs} ms`;
    if (problems.length > 0) return { status: 'fail', summary: `${base}; ${problems.join('; ')}`, ...output };
    return { status: 'pass', summary: expectOutput === undefined ? base : `${base}; output matched /${oneLine(expectOutput.source, 60)}/`, ...output };
  },
};

/** `ctx.workspace`-relative display of an absolute path. */
export function displayPath(ctx: ProbeContext, abs: string): string {
  const rel = path.relative(ctx.workspace, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
