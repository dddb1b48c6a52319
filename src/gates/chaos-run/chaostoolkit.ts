/**
 * Chaos Toolkit experiments (https://chaostoolkit.org) run by chaos-run without a Python runtime: `process` and
 * `http` providers, the steady-state hypothesis with its tolerances, the method (pauses, background activities,
 * `ref`), rollbacks, `${name}` substitution from `configuration` and `secrets`, and a journal in the shape of
 * chaoslib's journal.json.
 *
 * Differences from chaoslib, on purpose:
 * - rollbacks always run, also after a failed hypothesis, a failed activity or an abort (the journal says so in
 *   `x-shipgate.rollbacks`);
 * - `python` providers and `probe` tolerances are rejected when the file is loaded;
 * - string arguments of a process provider are split like shlex.split and run without a shell;
 * - boolean and string tolerances are rejected when loaded: chaoslib compares them with the whole probe output,
 *   which for process and http probes is a mapping, so they could never be met;
 * - secret values are replaced by `***` everywhere in the journal.
 */
import { arch, hostname, constants as osConstants, platform as osPlatform, release } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { loadConfigFile } from '../../core/config.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { childEnvironment, execCommand, formatCommand } from '../../core/exec.js';
import { loadSchema } from '../../core/schema-files.js';
import { locator, nearestLine } from './experiment.js';

const SCHEMA = 'chaostoolkit-experiment.schema.json';
const MASK = '***';

// ---- types ----

type Json = Record<string, unknown>;

export interface CtkProcessProvider {
  type: 'process';
  path: string;
  /** As written: a string (split like shlex.split), a list, or a mapping (flattened to key, value, ...). */
  arguments?: unknown;
  /** Seconds. */
  timeout?: number;
}

export interface CtkHttpProvider {
  type: 'http';
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  arguments?: unknown;
  /** Seconds. */
  timeout?: number;
  expected_status?: number | number[];
}

export type CtkProvider = CtkProcessProvider | CtkHttpProvider;

export interface CtkActivity {
  name: string;
  type: 'probe' | 'action';
  provider: CtkProvider;
  tolerance?: unknown;
  background: boolean;
  pauses: { before?: unknown; after?: unknown };
  /** The activity as written (for a `ref`, the referenced activity), recorded in the journal. */
  raw: Json;
  /** 1-based line in the experiment file (of the `ref` entry for references). */
  line: number;
}

export interface CtkExperiment {
  file: string;
  dir: string;
  doc: Record<string, unknown>;
  title: string;
  hypothesis?: { title: string; probes: CtkActivity[] };
  method: CtkActivity[];
  rollbacks: CtkActivity[];
  /** Line of each `configuration` key, for errors raised when the environment is read. */
  configurationLines: Record<string, number>;
}

export interface CtkActivityEvent {
  phase: 'hypothesis-before' | 'method' | 'hypothesis-after' | 'rollback';
  name: string;
  type: 'probe' | 'action';
  start: number;
  end: number;
  ok: boolean;
  toleranceMet?: boolean;
}

export interface CtkRun {
  activity: Json;
  output: unknown;
  status: 'succeeded' | 'failed';
  exception?: string[];
  start: string;
  end: string;
  duration: number;
  tolerance_met?: boolean;
}

export interface CtkSteadyState {
  steady_state_met: boolean;
  probes: CtkRun[];
}

export interface CtkJournal {
  status: 'completed' | 'failed' | 'aborted';
  deviated: boolean;
  steady_states: { before: CtkSteadyState | null; after: CtkSteadyState | null; during: [] };
  run: CtkRun[];
  rollbacks: CtkRun[];
  [k: string]: unknown;
}

export interface CtkRunOptions {
  signal?: AbortSignal;
  /** Environment of the processes and of `type: env` values (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Working directory of process providers (default: the experiment file's directory). */
  cwd?: string;
  onActivity?: (ev: CtkActivityEvent) => void;
}

// ---- detection and loading ----

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A Chaos Toolkit experiment: it has a `steady-state-hypothesis` or a `method`, and no shipgate `version: 1`. */
export function isChaosToolkitDocument(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  if (typeof doc.version === 'number') return false;
  return 'steady-state-hypothesis' in doc || 'method' in doc;
}

type At = (pointer: string, message: string) => ConfigurationError;

/**
 * Reads a Chaos Toolkit experiment (JSON or YAML), validates it and resolves `ref` activities. Every problem is a
 * ConfigurationError naming the file, the line and the field.
 */
export async function loadCtkExperiment(file: string, opts: { displayPath?: string } = {}): Promise<CtkExperiment> {
  const loaded = await loadConfigFile<Json>(file, loadSchema(SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
  const doc = loaded.value;
  const at = locator(loaded);
  const lineAt = (pointer: string): number => nearestLine(loaded, pointer) ?? 1;

  const secrets = isObject(doc.secrets) ? doc.secrets : {};
  for (const [scope, entries] of Object.entries(secrets)) {
    for (const [name, value] of Object.entries(entries as Json)) {
      if (isObject(value) && value.type !== 'env') {
        throw at(`/secrets/${escapePointer(scope)}/${escapePointer(name)}`, `secret \`${name}\`: only inline values and \`{type: env, key: …}\` are supported. Put the value in an environment variable and use \`type: env\`.`);
      }
    }
  }

  const hypo = isObject(doc['steady-state-hypothesis']) ? doc['steady-state-hypothesis'] : undefined;
  const probesRaw = hypo !== undefined && Array.isArray(hypo.probes) ? (hypo.probes as Json[]) : [];
  const methodRaw = Array.isArray(doc.method) ? (doc.method as Json[]) : [];
  const rollbacksRaw = Array.isArray(doc.rollbacks) ? (doc.rollbacks as Json[]) : [];

  // chaoslib resolves a `ref` by name among the method's activities and the hypothesis probes.
  const byName = new Map<string, { raw: Json; pointer: string }>();
  methodRaw.forEach((a, i) => typeof a.name === 'string' && byName.set(a.name, { raw: a, pointer: `/method/${i}` }));
  probesRaw.forEach((a, i) => typeof a.name === 'string' && byName.set(a.name, { raw: a, pointer: `/steady-state-hypothesis/probes/${i}` }));

  const activity = (raw: Json, pointer: string, inHypothesis: boolean): CtkActivity => {
    let def = raw;
    let defPointer = pointer;
    if (typeof raw.ref === 'string') {
      const target = byName.get(raw.ref);
      if (target === undefined || typeof target.raw.ref === 'string') {
        throw at(`${pointer}/ref`, `referenced activity \`${raw.ref}\` was not found: a ref names an activity of the method or a probe of the steady-state hypothesis. Check the name.`);
      }
      def = target.raw;
      defPointer = target.pointer;
    }
    return parseActivity(def, defPointer, inHypothesis, at, lineAt(pointer));
  };

  const experiment: CtkExperiment = {
    file: loaded.file,
    dir: path.dirname(path.resolve(file)),
    doc,
    title: String(doc.title),
    method: methodRaw.map((a, i) => activity(a, `/method/${i}`, false)),
    rollbacks: rollbacksRaw.map((a, i) => activity(a, `/rollbacks/${i}`, false)),
    configurationLines: Object.fromEntries(Object.keys(isObject(doc.configuration) ? doc.configuration : {}).map((k) => [k, lineAt(`/configuration/${escapePointer(k)}`)])),
  };
  if (hypo !== undefined) {
    experiment.hypothesis = {
      title: String(hypo.title),
      probes: probesRaw.map((a, i) => activity(a, `/steady-state-hypothesis/probes/${i}`, true)),
    };
  }
  return experiment;
}

function parseActivity(raw: Json, pointer: string, inHypothesis: boolean, at: At, line: number): CtkActivity {
  const name = String(raw.name);
  const p = raw.provider as Json;
  const pp = `${pointer}/provider`;
  let provider: CtkProvider;
  switch (p.type) {
    case 'python':
      throw at(
        `${pp}/type`,
        `activity \`${name}\`: python providers are not supported: chaos-run runs without a Python runtime; use a process provider that runs the same code.`,
      );
    case 'process': {
      if (typeof p.path !== 'string' || p.path === '') throw at(`${pp}/path`, `activity \`${name}\`: a process provider needs \`path\`, the program to run.`);
      const args = p.arguments;
      if (args !== undefined && args !== null && typeof args !== 'string' && !Array.isArray(args) && !isObject(args)) {
        throw at(`${pp}/arguments`, `activity \`${name}\`: \`arguments\` must be a string, a list or a mapping.`);
      }
      if (typeof args === 'string') {
        try {
          shlexSplit(args);
        } catch (e) {
          throw at(`${pp}/arguments`, `activity \`${name}\`: ${errorMessage(e)}.`);
        }
      }
      provider = { type: 'process', path: p.path, ...(args == null ? {} : { arguments: args }), ...(typeof p.timeout === 'number' ? { timeout: p.timeout } : {}) };
      break;
    }
    case 'http': {
      if (typeof p.url !== 'string' || p.url === '') throw at(`${pp}/url`, `activity \`${name}\`: an http provider needs \`url\`.`);
      if (p.method !== undefined && typeof p.method !== 'string') throw at(`${pp}/method`, `activity \`${name}\`: \`method\` must be a string such as GET or POST.`);
      if (p.headers !== undefined && p.headers !== null && !isObject(p.headers)) throw at(`${pp}/headers`, `activity \`${name}\`: \`headers\` must be a mapping of names to values.`);
      const es = p.expected_status;
      if (es !== undefined && !Number.isInteger(es) && !(Array.isArray(es) && es.every((s) => Number.isInteger(s)))) {
        throw at(`${pp}/expected_status`, `activity \`${name}\`: \`expected_status\` must be a status code or a list of them.`);
      }
      provider = {
        type: 'http',
        url: p.url,
        method: typeof p.method === 'string' ? p.method.toUpperCase() : 'GET',
        ...(isObject(p.headers) ? { headers: p.headers } : {}),
        ...(p.arguments == null ? {} : { arguments: p.arguments }),
        ...(typeof p.timeout === 'number' ? { timeout: p.timeout } : {}),
        ...(es === undefined ? {} : { expected_status: es as number | number[] }),
      };
      break;
    }
    default:
      throw at(`${pp}/type`, `activity \`${name}\`: unknown provider type \`${String(p.type)}\`. chaos-run runs \`process\` and \`http\` providers.`);
  }
  if (inHypothesis && !('tolerance' in raw)) {
    throw at(pointer, `probe \`${name}\` of the steady-state hypothesis has no \`tolerance\`. Add one, e.g. \`tolerance: 0\` for a process exiting 0 or \`tolerance: 200\` for an HTTP status.`);
  }
  if ('tolerance' in raw) checkTolerance(raw.tolerance, `${pointer}/tolerance`, name, at);
  const pauses = isObject(raw.pauses) ? raw.pauses : {};
  return {
    name,
    type: raw.type === 'action' ? 'action' : 'probe',
    provider,
    ...('tolerance' in raw ? { tolerance: raw.tolerance } : {}),
    background: raw.background === true,
    pauses: { before: pauses.before, after: pauses.after },
    raw,
    line,
  };
}

function checkTolerance(t: unknown, pointer: string, name: string, at: At): void {
  if (typeof t === 'boolean' || typeof t === 'string') {
    throw at(
      pointer,
      `probe \`${name}\`: a ${typeof t} tolerance is compared with the whole probe output, which for process and http probes is a mapping ({status, stdout, stderr} or {status, headers, body}), so it can never be met (Chaos Toolkit behaves the same). Use \`{type: regex, target: stdout, pattern: …}\`, a \`jsonpath\` tolerance, or a status code.`,
    );
  }
  if (typeof t === 'number' || Array.isArray(t)) return;
  if (!isObject(t)) return;
  const target = t.target;
  if (target !== undefined && typeof target !== 'string') throw at(`${pointer}/target`, `probe \`${name}\`: the tolerance \`target\` must be the name of an output field, e.g. stdout or body.`);
  switch (t.type) {
    case 'regex':
      if (typeof t.pattern !== 'string') throw at(pointer, `probe \`${name}\`: a regex tolerance needs \`pattern\`, a string.`);
      try {
        new RegExp(t.pattern);
      } catch (e) {
        throw at(`${pointer}/pattern`, `probe \`${name}\`: invalid regular expression: ${errorMessage(e)}.`);
      }
      return;
    case 'jsonpath':
      if (typeof t.path !== 'string' || t.path.trim() === '') throw at(pointer, `probe \`${name}\`: a jsonpath tolerance needs \`path\`, e.g. \`$.status\`.`);
      if (t.count !== undefined && !Number.isInteger(t.count)) throw at(`${pointer}/count`, `probe \`${name}\`: \`count\` must be a whole number.`);
      try {
        parseJsonPath(t.path.trim());
      } catch (e) {
        throw at(`${pointer}/path`, `probe \`${name}\`: ${errorMessage(e)}.`);
      }
      return;
    case 'range': {
      const r = t.range;
      if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => typeof x === 'number')) {
        throw at(pointer, `probe \`${name}\`: a range tolerance needs \`range: [lower, upper]\`, two numbers.`);
      }
      return;
    }
    case 'probe':
      throw at(
        pointer,
        `probe \`${name}\`: probe tolerances are not supported (in Chaos Toolkit they call a Python function with the value). Use a regex, jsonpath or range tolerance.`,
      );
    default:
      throw at(`${pointer}/type`, `probe \`${name}\`: unknown tolerance type \`${String(t.type)}\`. Use regex, jsonpath or range.`);
  }
}

// ---- substitution ----

type Mapping = Map<string, unknown>;

const TEMPLATE = /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g;
const WHOLE = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}$/;

function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** Python string.Template.safe_substitute over strings, recursively; `${name}` alone keeps the value's type. */
function substitute(v: unknown, m: Mapping): unknown {
  if (typeof v === 'string') {
    const whole = WHOLE.exec(v);
    if (whole?.[1] !== undefined && m.has(whole[1])) return m.get(whole[1]);
    return v.replace(TEMPLATE, (all, dollar: string | undefined, a: string | undefined, b: string | undefined) => {
      if (dollar !== undefined) return '$';
      const key = a ?? b ?? '';
      return m.has(key) ? pyStr(m.get(key)) : all;
    });
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, m));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, m)]));
  return v;
}

function convertEnv(type: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (type) {
    case 'int':
      return Number.parseInt(value, 10);
    case 'float':
      return Number.parseFloat(value);
    case 'json':
      return JSON.parse(value) as unknown;
    default:
      return value;
  }
}

interface Values {
  mapping: Mapping;
  /** Secret values as strings, longest first, to mask. */
  secrets: string[];
}

/** Configuration then secrets (chaoslib's ChainMap order). `strict`: a missing env variable without default is an error. */
function resolveValues(e: CtkExperiment, env: NodeJS.ProcessEnv, strict: boolean, maskSecrets: boolean): Values {
  const mapping: Mapping = new Map();
  const fromEnv = (v: Json, missing: () => ConfigurationError | undefined): unknown => {
    const key = String(v.key);
    const value = env[key] ?? v.default;
    if (value === undefined || value === null) {
      const err = missing();
      if (err !== undefined) throw err;
      return undefined;
    }
    try {
      return convertEnv(v.env_var_type, value);
    } catch {
      return value;
    }
  };
  const config = isObject(e.doc.configuration) ? e.doc.configuration : {};
  for (const [name, v] of Object.entries(config)) {
    if (isObject(v) && v.type === 'env') {
      const value = fromEnv(v, () => {
        if (!strict) return undefined;
        const line = e.configurationLines[name];
        return new ConfigurationError(
          `${e.file}${line === undefined ? '' : `:${line}`}: configuration \`${name}\` reads the environment variable \`${String(v.key)}\`, which is not set and has no \`default\`. Set the variable or add a default.`,
          { location: line === undefined ? { file: e.file } : { file: e.file, line }, field: `configuration.${name}` },
        );
      });
      if (value !== undefined) mapping.set(name, value);
    } else mapping.set(name, v);
  }
  const secrets: string[] = [];
  const scopes = isObject(e.doc.secrets) ? e.doc.secrets : {};
  for (const [scope, entries] of Object.entries(scopes)) {
    for (const [name, v] of Object.entries(entries as Json)) {
      if (mapping.has(name)) continue;
      const value = isObject(v)
        ? fromEnv(v, () =>
            strict
              ? new ConfigurationError(`${e.file}: secret \`${scope}.${name}\` reads the environment variable \`${String(v.key)}\`, which is not set and has no \`default\`. Set the variable.`, {
                  location: { file: e.file },
                  field: `secrets.${scope}.${name}`,
                })
              : undefined,
          )
        : v;
      if (value === undefined) continue;
      const text = pyStr(value);
      if (text !== '') secrets.push(text);
      mapping.set(name, maskSecrets ? MASK : value);
    }
  }
  secrets.sort((a, b) => b.length - a.length);
  return { mapping, secrets };
}

function redact<T>(v: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return v;
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return secrets.reduce((s, secret) => s.replaceAll(secret, MASK), x);
    if (Array.isArray(x)) return x.map(walk);
    if (isObject(x)) return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as T;
}

// ---- process arguments ----

/** Splits like Python's shlex.split (POSIX mode): quotes, backslash escapes, no expansion. */
export function shlexSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < s.length && '\\"$`\n'.includes(s[i + 1] ?? '')) cur += s[++i] ?? '';
      else cur += c;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\') {
        if (i + 1 >= s.length) throw new Error('the arguments end with a lone backslash');
        cur += s[++i] ?? '';
      } else cur += c;
    }
  }
  if (quote !== undefined) throw new Error(`unclosed ${quote === '"' ? 'double' : 'single'} quote in the arguments`);
  if (inWord) out.push(cur);
  return out;
}

function processArgv(p: CtkProcessProvider, m: Mapping): [string, ...string[]] {
  const args = substitute(p.arguments, m);
  let list: string[];
  if (args === undefined || args === null) list = [];
  else if (typeof args === 'string') list = shlexSplit(args);
  else {
    const items = Array.isArray(args) ? (args as unknown[]) : Object.entries(args as Json).flat();
    list = items.filter((a) => a !== null && a !== undefined && a !== '').map(pyStr);
  }
  return [pyStr(substitute(p.path, m)), ...list];
}

interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `lenient` (the plan): a URL that does not parse yet, e.g. with a placeholder left, is shown as written. */
function httpRequest(p: CtkHttpProvider, m: Mapping, lenient = false): HttpRequest {
  const rawUrl = pyStr(substitute(p.url, m));
  const parsed = URL.canParse(rawUrl);
  if (!parsed && !lenient) throw new ActivityFailed(`invalid URL: ${rawUrl}`);
  const url = parsed ? new URL(rawUrl) : { searchParams: new URLSearchParams(), toString: (): string => rawUrl };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((substitute(p.headers ?? {}, m) as Json) ?? {})) headers[k] = pyStr(v);
  const args = substitute(p.arguments, m);
  const req: HttpRequest = { method: p.method, url: '', headers };
  if (p.method === 'GET') {
    if (isObject(args)) for (const [k, v] of Object.entries(args)) for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, pyStr(one));
  } else if (args !== undefined && args !== null) {
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (contentType === 'application/json') req.body = JSON.stringify(args);
    else if (typeof args === 'string') req.body = args;
    else if (isObject(args)) {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(args)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, pyStr(one));
      req.body = form.toString();
      if (contentType === undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else req.body = JSON.stringify(args);
  }
  const query = url.searchParams.toString();
  req.url = parsed || query === '' ? url.toString() : `${rawUrl}${rawUrl.includes('?') ? '&' : '?'}${query}`;
  return req;
}

// ---- plan ----

/** The dry-run plan: each activity with its exact argv or HTTP request (configuration from this environment, secrets masked). */
export function ctkPlanText(e: CtkExperiment): string {
  const { mapping } = resolveValues(e, process.env, false, true);
  const out: string[] = [`Chaos Toolkit experiment: ${e.title} (${e.file})`];
  const describe = (a: CtkActivity): string => {
    const flags: string[] = [];
    if (a.background) flags.push('in background');
    const pauses = substitute(a.pauses, mapping) as { before?: unknown; after?: unknown };
    if (pauses.before !== undefined) flags.push(`pause ${pyStr(pauses.before)}s before`);
    if (pauses.after !== undefined) flags.push(`pause ${pyStr(pauses.after)}s after`);
    if (a.provider.timeout !== undefined) flags.push(`timeout ${a.provider.timeout}s`);
    let what: string;
    try {
      if (a.provider.type === 'process') what = `run \`${formatCommand({ argv: processArgv(a.provider, mapping) })}\``;
      else {
        const r = httpRequest(a.provider, mapping, true);
        const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
        what = `${r.method} ${r.url}${headers.length === 0 ? '' : ` [${headers.join('; ')}]`}${r.body === undefined ? '' : ` body ${r.body}`}`;
        if (a.provider.expected_status !== undefined) what += ` expecting status ${JSON.stringify(a.provider.expected_status)}`;
      }
    } catch (err) {
      what = `(invalid: ${errorMessage(err)})`;
    }
    const tolerance = a.tolerance === undefined ? '' : `; tolerance ${JSON.stringify(substitute(a.tolerance, mapping))}`;
    return `  - ${a.type} ${a.name} (line ${a.line}): ${what}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}${tolerance}`;
  };
  if (e.hypothesis === undefined || e.hypothesis.probes.length === 0) out.push('Steady-state hypothesis: none');
  else {
    out.push(`Steady-state hypothesis: ${e.hypothesis.title} (checked before and after the method)`);
    out.push(...e.hypothesis.probes.map(describe));
  }
  out.push('Method:');
  out.push(...(e.method.length === 0 ? ['  (no activities)'] : e.method.map(describe)));
  out.push('Rollbacks (always run, also after a failed hypothesis, a failed activity or an abort):');
  out.push(...(e.rollbacks.length === 0 ? ['  (none)'] : e.rollbacks.map(describe)));
  return `${out.join('\n')}\n`;
}

// ---- running ----

class ActivityFailed extends Error {}

interface Ctx {
  mapping: Mapping;
  env: NodeJS.ProcessEnv | undefined;
  cwd: string;
}

async function runProcess(p: CtkProcessProvider, ctx: Ctx, signal: AbortSignal | undefined): Promise<Json> {
  const argv = processArgv(p, ctx.mapping);
  const r = await execCommand(
    { argv },
    {
      cwd: ctx.cwd,
      ...(ctx.env === undefined ? {} : { env: childEnvironment(ctx.env), extendEnv: false }),
      ...(p.timeout === undefined ? {} : { timeoutMs: p.timeout * 1000 }),
      ...(signal === undefined ? {} : { signal }),
      stream: false,
      capture: true,
      tailLines: 2000,
    },
  );
  if (r.cancelled) throw new ActivityFailed('the run was aborted');
  if (r.timedOut) throw new ActivityFailed(`process activity took too long to complete (timeout ${p.timeout}s)`);
  if (r.error !== undefined) throw new ActivityFailed(r.error);
  const stdout = r.stdout ?? '';
  // execCommand keeps stdout whole and the last lines of both streams interleaved: stderr is what remains of those.
  const remaining = new Map<string, number>();
  for (const line of stdout.split('\n')) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const stderrLines = r.tail.filter((line) => {
    const n = remaining.get(line) ?? 0;
    if (n > 0) remaining.set(line, n - 1);
    return n === 0;
  });
  return { status: r.exitCode ?? -(r.signal === null ? 1 : (osConstants.signals[r.signal as NodeJS.Signals] ?? 1)), stdout, stderr: stderrLines.length === 0 ? '' : `${stderrLines.join('\n')}\n` };
}

async function runHttp(p: CtkHttpProvider, ctx: Ctx, signal: AbortSignal | undefined): Promise<Json> {
  const req = httpRequest(p, ctx.mapping);
  const signals = [...(signal === undefined ? [] : [signal]), ...(p.timeout === undefined ? [] : [AbortSignal.timeout(p.timeout * 1000)])];
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      ...(signals.length === 0 ? {} : { signal: AbortSignal.any(signals) }),
    });
    text = await res.text();
  } catch (e) {
    if (signal?.aborted === true) throw new ActivityFailed('the run was aborted');
    if (e instanceof DOMException && e.name === 'TimeoutError') throw new ActivityFailed(`activity took too long to complete (timeout ${p.timeout}s)`);
    const cause = (e as { cause?: unknown }).cause;
    throw new ActivityFailed(`failed to connect to ${req.url}: ${errorMessage(cause ?? e)}`);
  }
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  const output = { status: res.status, headers: Object.fromEntries(res.headers.entries()), body };
  const expected = p.expected_status;
  if (expected !== undefined && !(Array.isArray(expected) ? expected.includes(res.status) : expected === res.status)) {
    throw Object.assign(new ActivityFailed(`the HTTP status ${res.status} is not the expected ${JSON.stringify(expected)}`), { output });
  }
  return output;
}

// ---- tolerances ----

/** `sel`: a key, an index, or '*'. */
type PathStep = { desc: boolean; sel: string | number };

/** JSONPath subset: `$`, `.name`, `['name']`, `[n]` (negative from the end), `[*]`, `.*`, `..name`, `..*`. */
function parseJsonPath(p: string): PathStep[] {
  if (!p.startsWith('$')) throw new Error(`JSON path \`${p}\` must start with \`$\``);
  const steps: PathStep[] = [];
  const re = /^(?:(\.\.|\.)([A-Za-z_][\w-]*|\*)|(\.\.)?\[(?:(-?\d+)|\*|'([^']*)'|"([^"]*)")\])/;
  let rest = p.slice(1);
  while (rest !== '') {
    const m = re.exec(rest);
    if (m === null) {
      throw new Error(`JSON path \`${p}\`: \`${rest}\` is not supported (supported: .name, ['name'], [n], [*], .*, ..name)`);
    }
    const desc = m[1] === '..' || m[3] === '..';
    let sel: string | number;
    if (m[2] !== undefined) sel = m[2];
    else if (m[4] !== undefined) sel = Number(m[4]);
    else if (m[5] !== undefined) sel = m[5];
    else if (m[6] !== undefined) sel = m[6];
    else sel = '*';
    steps.push({ desc, sel });
    rest = rest.slice(m[0].length);
  }
  return steps;
}

function children(v: unknown, sel: string | number): unknown[] {
  if (Array.isArray(v)) {
    if (sel === '*') return v;
    if (typeof sel === 'number') {
      const x: unknown = v[sel < 0 ? v.length + sel : sel];
      return x === undefined ? [] : [x];
    }
    return [];
  }
  if (isObject(v)) {
    if (sel === '*') return Object.values(v);
    const key = String(sel);
    return Object.hasOwn(v, key) ? [v[key]] : [];
  }
  return [];
}

function descendants(v: unknown): unknown[] {
  const out: unknown[] = [v];
  const inner = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  for (const x of inner) out.push(...descendants(x));
  return out;
}

function jsonPathValues(p: string, value: unknown): unknown[] {
  let nodes = [value];
  for (const step of parseJsonPath(p)) {
    const from = step.desc ? nodes.flatMap(descendants) : nodes;
    nodes = from.flatMap((n) => children(n, step.sel));
  }
  return nodes;
}

function hasStatus(v: unknown): v is { status: unknown } {
  return isObject(v) && 'status' in v;
}

function withinTolerance(tolerance: unknown, output: unknown, m: Mapping): boolean {
  if (typeof tolerance === 'number') return hasStatus(output) ? output.status === tolerance : output === tolerance;
  if (Array.isArray(tolerance)) {
    if (hasStatus(output)) return tolerance.includes(output.status);
    if (tolerance.length === 2 && typeof output === 'number' && typeof tolerance[0] === 'number' && typeof tolerance[1] === 'number') {
      return tolerance[0] <= output && output <= tolerance[1];
    }
    return tolerance.some((t) => isDeepStrictEqual(t, output));
  }
  if (!isObject(tolerance)) return tolerance === output;
  const t = substitute(tolerance, m) as Json;
  let value = output;
  if (typeof t.target === 'string' && t.target !== '' && isObject(output) && Object.hasOwn(output, t.target)) value = output[t.target];
  switch (t.type) {
    case 'regex': {
      if (typeof value !== 'string') return false;
      // Python's re.search: `$` also matches before a final newline.
      const rx = new RegExp(String(t.pattern));
      return rx.test(value) || (value.endsWith('\n') && rx.test(value.slice(0, -1)));
    }
    case 'jsonpath': {
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          // matched as it is
        }
      }
      const values = jsonPathValues(String(t.path).trim(), value);
      let result = values.length > 0;
      if (typeof t.count === 'number') result = values.length === t.count;
      if ('expect' in t) result = isDeepStrictEqual(values, Array.isArray(t.expect) ? t.expect : [t.expect]);
      return result;
    }
    case 'range': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
      const [lo, hi] = t.range as [number, number];
      return !Number.isNaN(n) && lo <= n && n <= hi;
    }
    default:
      return false;
  }
}

// ---- the run ----

function isoNow(): string {
  return new Date().toISOString();
}

async function pause(seconds: unknown, signal: AbortSignal | undefined): Promise<void> {
  const s = typeof seconds === 'number' ? seconds : typeof seconds === 'string' ? Number(seconds) : Number.NaN;
  if (!(s > 0) || signal?.aborted === true) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, s * 1000);
    signal?.addEventListener('abort', done, { once: true });
  });
}

async function executeActivity(
  a: CtkActivity,
  phase: CtkActivityEvent['phase'],
  ctx: Ctx,
  signal: AbortSignal | undefined,
  onActivity: CtkRunOptions['onActivity'],
  checkTolerance: boolean,
): Promise<CtkRun> {
  const pauses = substitute(a.pauses, ctx.mapping) as { before?: unknown; after?: unknown };
  await pause(pauses.before, signal);
  const started = performance.now();
  const start = isoNow();
  let output: unknown = null;
  let exception: string[] | undefined;
  try {
    if (signal?.aborted === true) throw new ActivityFailed('the run was aborted');
    output = a.provider.type === 'process' ? await runProcess(a.provider, ctx, signal) : await runHttp(a.provider, ctx, signal);
  } catch (e) {
    const partial = (e as { output?: unknown }).output;
    if (partial !== undefined) output = partial;
    exception = [`ActivityFailed: ${errorMessage(e)}\n`];
  }
  const endMs = performance.now();
  const run: CtkRun = {
    activity: a.raw,
    output,
    status: exception === undefined ? 'succeeded' : 'failed',
    ...(exception === undefined ? {} : { exception }),
    start,
    end: isoNow(),
    duration: (endMs - started) / 1000,
  };
  if (checkTolerance && a.tolerance !== undefined) run.tolerance_met = run.status === 'succeeded' && withinTolerance(a.tolerance, output, ctx.mapping);
  onActivity?.({
    phase,
    name: a.name,
    type: a.type,
    start: started,
    end: endMs,
    ok: run.status === 'succeeded',
    ...(run.tolerance_met === undefined ? {} : { toleranceMet: run.tolerance_met }),
  });
  await pause(pauses.after, signal);
  return run;
}

async function runHypothesis(e: CtkExperiment, phase: 'hypothesis-before' | 'hypothesis-after', ctx: Ctx, opts: CtkRunOptions): Promise<CtkSteadyState> {
  const state: CtkSteadyState = { steady_state_met: false, probes: [] };
  for (const probe of e.hypothesis?.probes ?? []) {
    const run = await executeActivity(probe, phase, ctx, opts.signal, opts.onActivity, true);
    state.probes.push(run);
    if (run.tolerance_met !== true) return state;
  }
  state.steady_state_met = true;
  return state;
}

/**
 * Runs the experiment as chaoslib does (hypothesis, method, hypothesis, rollbacks), except that rollbacks always
 * run. Never throws for a failing activity; throws a ConfigurationError before anything runs when a `type: env`
 * value has no variable and no default.
 */
export async function runCtkExperiment(e: CtkExperiment, opts: CtkRunOptions): Promise<CtkJournal> {
  const { mapping, secrets } = resolveValues(e, opts.env ?? process.env, true, false);
  const ctx: Ctx = { mapping, env: opts.env, cwd: opts.cwd ?? e.dir };
  const signal = opts.signal;
  const startedMs = performance.now();
  const experimentDoc = structuredClone(e.doc);
  if (isObject(experimentDoc.secrets)) {
    for (const entries of Object.values(experimentDoc.secrets)) {
      if (!isObject(entries)) continue;
      for (const [k, v] of Object.entries(entries)) if (!isObject(v)) entries[k] = MASK;
    }
  }
  const journal: CtkJournal = {
    'chaoslib-version': 'shipgate',
    platform: `${osPlatform()}-${release()}-${arch()}`,
    node: hostname(),
    experiment: experimentDoc,
    start: isoNow(),
    status: 'completed',
    deviated: false,
    steady_states: { before: null, after: null, during: [] },
    run: [],
    rollbacks: [],
    'x-shipgate': { rollbacks: 'always', engine: 'shipgate chaos-run (no Python runtime)' },
  };
  const aborted = (): boolean => signal?.aborted === true;
  const withHypothesis = (e.hypothesis?.probes.length ?? 0) > 0;

  let proceed = true;
  if (withHypothesis) {
    const before = await runHypothesis(e, 'hypothesis-before', ctx, opts);
    journal.steady_states.before = before;
    if (aborted()) {
      journal.status = 'aborted';
      proceed = false;
    } else if (!before.steady_state_met) {
      journal.status = 'failed';
      proceed = false;
    }
  }

  if (proceed) {
    const slots: Promise<CtkRun>[] = [];
    for (const a of e.method) {
      if (aborted()) break;
      if (a.background) slots.push(executeActivity(a, 'method', ctx, signal, opts.onActivity, true));
      else slots.push(Promise.resolve(await executeActivity(a, 'method', ctx, signal, opts.onActivity, true)));
    }
    journal.run = await Promise.all(slots);
    if (aborted()) journal.status = 'aborted';
    else if (withHypothesis) {
      const after = await runHypothesis(e, 'hypothesis-after', ctx, opts);
      journal.steady_states.after = after;
      if (aborted()) journal.status = 'aborted';
      else if (!after.steady_state_met) {
        journal.deviated = true;
        journal.status = 'failed';
      }
    }
  }

  // Rollbacks always run, without the abort signal: they restore the system.
  const rollbackSlots: Promise<CtkRun>[] = [];
  for (const a of e.rollbacks) {
    if (a.background) rollbackSlots.push(executeActivity(a, 'rollback', ctx, undefined, opts.onActivity, false));
    else rollbackSlots.push(Promise.resolve(await executeActivity(a, 'rollback', ctx, undefined, opts.onActivity, false)));
  }
  journal.rollbacks = await Promise.all(rollbackSlots);
  journal.end = isoNow();
  journal.duration = (performance.now() - startedMs) / 1000;
  return redact(journal, secrets);
}

// ---- locations ----

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

