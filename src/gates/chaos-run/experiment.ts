/**
 * The chaos-run experiment file (YAML or JSON, schemas/chaos-experiment.schema.json): loading, the checks the
 * schema cannot express, and the human-readable plan shown by `--dry-run`. The loaded experiment keeps the file's
 * keys (snake_case) so that fault modules read their parameters exactly as written; every fault, probe and
 * integrity check carries its 1-based line in the file.
 */
import path from 'node:path';
import { type LoadedConfig, loadConfigFile } from '../../core/config.js';
import { ConfigurationError } from '../../core/errors.js';
import { loadSchema } from '../../core/schema-files.js';

const SCHEMA = 'chaos-experiment.schema.json';

/** argv list (no shell), or one string the user wrote, run by the shell. */
export type CommandSpec = string[] | string;

interface ProbeBase {
  name?: string;
  timeout_ms?: number;
  /** 1-based line of the probe in the experiment file. */
  line: number;
}
export interface HttpProbeSpec extends ProbeBase {
  type: 'http';
  url: string;
  status?: number;
  max_latency_ms?: number;
}
export interface TcpProbeSpec extends ProbeBase {
  type: 'tcp';
  host?: string;
  port: number;
}
export interface CommandProbeSpec extends ProbeBase {
  type: 'command';
  run: CommandSpec;
  expect_exit?: number;
}
export interface PrometheusProbeSpec extends ProbeBase {
  type: 'prometheus';
  url: string;
  query: string;
  /** An operator and a number, e.g. "< 0.01". */
  expect: string;
}
export type ProbeSpec = HttpProbeSpec | TcpProbeSpec | CommandProbeSpec | PrometheusProbeSpec;

export interface TargetSpec {
  /** Starts the system under test (exactly one of `command` and `endpoint`). */
  command?: CommandSpec;
  /** A system already running. */
  endpoint?: string;
  /** As written: relative to the experiment file's directory (`Experiment.dir`). */
  cwd?: string;
  env?: Record<string, string>;
  ready?: ProbeSpec;
  /** Seconds (default 30). */
  ready_timeout: number;
  line: number;
}

export interface BuiltinWorkloadSpec {
  type: 'http-kv' | 'redis-kv';
  url?: string;
  host?: string;
  port?: number;
  /** Operations per second (default 50). */
  rate: number;
  /** Concurrent clients, each a process in the history (default 4). */
  clients: number;
  /** Each write is a new key `<key_prefix><n>` (default `shipgate:chaos:<run id>:`). */
  key_prefix?: string;
}

export interface WorkloadSpec {
  /** Exactly one of `command` and `builtin`. */
  command?: CommandSpec;
  /** JSONL history, as written: relative to `Experiment.dir`. */
  history?: string;
  cwd?: string;
  env?: Record<string, string>;
  builtin?: BuiltinWorkloadSpec;
  line: number;
}

interface RawFault {
  id: string;
  type: string;
  /** Seconds after the workload starts. */
  start: number;
  /** Seconds; whether it is required is the fault module's call. */
  duration?: number;
  /** Parameters of the fault module, as written. */
  [param: string]: unknown;
}

export interface FaultSpec extends RawFault {
  /** 1-based line of the fault in the experiment file. */
  line: number;
}

interface IntegrityBase {
  line: number;
}
export type IntegritySpec =
  | (IntegrityBase & { type: 'set'; add?: string; read?: string })
  | (IntegrityBase & { type: 'queue'; enqueue?: string; dequeue?: string; drain?: string })
  | (IntegrityBase & { type: 'counter'; incr?: string; read?: string })
  | (IntegrityBase & { type: 'unique-ids'; f?: string })
  | (IntegrityBase & { type: 'checksum'; before: CommandSpec; after: CommandSpec });

export interface Limits {
  /** Seconds (default 600). */
  max_duration: number;
  /** Default 20. */
  max_faults: number;
  /** Seconds to steady state after each fault ends (default 60). */
  recovery: number;
  allowed_runner_labels?: string[];
  allow_default_route: boolean;
}

export interface Experiment {
  /** The file as named in messages. */
  file: string;
  /** Absolute directory of the file: relative paths (cwd, history) are resolved against it. */
  dir: string;
  version: 1;
  title?: string;
  target: TargetSpec;
  workload?: WorkloadSpec;
  steady_state: { interval_ms: number; probes: ProbeSpec[] };
  faults: FaultSpec[];
  integrity: IntegritySpec[];
  limits: Limits;
}

export interface LoadExperimentOptions {
  /** Path shown in messages and kept as `Experiment.file` (default: relative to the working directory). */
  displayPath?: string;
  /** Fault types that exist; when given, a fault of any other type is an error. */
  knownFaultTypes?: readonly string[];
}

type Without<T> = T extends unknown ? Omit<T, 'line'> : never;
interface RawExperiment {
  version: 1;
  title?: string;
  target: Omit<TargetSpec, 'line' | 'ready'> & { ready?: Without<ProbeSpec> };
  workload?: Omit<WorkloadSpec, 'line'>;
  steady_state: { interval_ms: number; probes: Without<ProbeSpec>[] };
  faults: RawFault[];
  integrity: Without<IntegritySpec>[];
  limits: Limits;
}

const HISTORY_CHECKS: ReadonlySet<string> = new Set(['set', 'queue', 'counter', 'unique-ids']);

/**
 * Reads an experiment file, validates it against the schema (filling in defaults: steady_state.interval_ms 100,
 * target.ready_timeout 30, limits max_duration 600 / max_faults 20 / recovery 60) and checks what the schema
 * cannot: exactly one of target command/endpoint and of workload command/builtin, unique fault ids, known fault
 * types (when given), the number of faults, faults within max_duration, and a history for the integrity checks
 * that read one. Every problem is a ConfigurationError naming the file, the line and the field.
 */
export async function loadExperiment(file: string, opts: LoadExperimentOptions = {}): Promise<Experiment> {
  const loaded = await loadConfigFile<RawExperiment>(file, loadSchema(SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
  const raw = loaded.value;
  const at = locator(loaded);
  const lineAt = (pointer: string): number => nearestLine(loaded, pointer) ?? 1;

  // ---- target ----
  const t = raw.target;
  if (t.command === undefined && t.endpoint === undefined) {
    throw at('/target', 'the target has neither `command` nor `endpoint`. Add `command` to start the system under test, or `endpoint` to name one already running.');
  }
  if (t.command !== undefined && t.endpoint !== undefined) {
    throw at('/target/endpoint', 'the target has both `command` and `endpoint`. Keep `command` to start the system under test, or `endpoint` if it is already running, not both.');
  }
  if (t.cwd !== undefined && t.command === undefined) {
    throw at('/target/cwd', 'target.cwd is set but there is no target.command to run in it. Remove `cwd`, or add `command`.');
  }
  const { ready, ...targetRest } = t;
  const target: TargetSpec = { ...targetRest, line: lineAt('/target') };
  if (ready !== undefined) target.ready = { ...ready, line: lineAt('/target/ready') };

  // ---- workload ----
  let workload: WorkloadSpec | undefined;
  if (raw.workload !== undefined) {
    const w = raw.workload;
    if (w.command === undefined && w.builtin === undefined) {
      throw at('/workload', 'the workload has neither `command` nor `builtin`. Add `command` (and the `history` it writes), or a `builtin` workload such as `{ type: http-kv, url: … }`.');
    }
    if (w.command !== undefined && w.builtin !== undefined) {
      throw at('/workload/builtin', 'the workload has both `command` and `builtin`. Keep one of them.');
    }
    workload = { ...w, line: lineAt('/workload') };
  }

  // ---- faults ----
  const limits = raw.limits;
  const seen = new Map<string, number>();
  const faults = raw.faults.map((f, i): FaultSpec => {
    const pointer = `/faults/${i}`;
    const line = lineAt(pointer);
    const first = seen.get(f.id);
    if (first !== undefined) {
      throw at(`${pointer}/id`, `duplicate fault id \`${f.id}\`: already used by the fault at line ${first}. Give each fault its own id.`);
    }
    seen.set(f.id, line);
    if (opts.knownFaultTypes !== undefined && !opts.knownFaultTypes.includes(f.type)) {
      throw at(`${pointer}/type`, `unknown fault type \`${f.type}\` in fault \`${f.id}\`. Known types: ${[...opts.knownFaultTypes].sort().join(', ')}.`);
    }
    if (i === limits.max_faults) {
      throw at(
        pointer,
        `too many faults: ${raw.faults.length}, more than limits.max_faults (${limits.max_faults}); fault \`${f.id}\` is the first beyond the limit. Remove faults, or raise limits.max_faults.`,
      );
    }
    if (f.start > limits.max_duration) {
      throw at(
        `${pointer}/start`,
        `fault \`${f.id}\` starts at ${f.start} s, after the end of the run (limits.max_duration: ${limits.max_duration} s). Start it earlier, or raise limits.max_duration.`,
      );
    }
    if (f.duration !== undefined && f.start + f.duration > limits.max_duration) {
      throw at(
        `${pointer}/duration`,
        `fault \`${f.id}\` ends at ${f.start + f.duration} s (start ${f.start} + duration ${f.duration}), after the end of the run (limits.max_duration: ${limits.max_duration} s). Shorten or move it, or raise limits.max_duration.`,
      );
    }
    return { ...f, line };
  });

  // ---- integrity ----
  const hasHistory = workload !== undefined && (workload.history !== undefined || workload.builtin !== undefined);
  const integrity = raw.integrity.map((c, i): IntegritySpec => {
    const pointer = `/integrity/${i}`;
    if (HISTORY_CHECKS.has(c.type) && !hasHistory) {
      const why =
        workload === undefined
          ? 'there is no workload'
          : 'the workload has no `history` file';
      throw at(
        pointer,
        `the \`${c.type}\` integrity check reads the workload history, but ${why}. Add \`workload.history\` (the JSONL file the workload command writes), use a \`workload.builtin\`, or remove the check.`,
      );
    }
    return { ...c, line: lineAt(pointer) };
  });

  const probes = raw.steady_state.probes.map((p, i) => ({ ...p, line: lineAt(`/steady_state/probes/${i}`) }));

  const experiment: Experiment = {
    file: loaded.file,
    dir: path.dirname(path.resolve(file)),
    version: raw.version,
    target,
    steady_state: { interval_ms: raw.steady_state.interval_ms, probes },
    faults,
    integrity,
    limits,
  };
  if (raw.title !== undefined) experiment.title = raw.title;
  if (workload !== undefined) experiment.workload = workload;
  return experiment;
}

// ---- the plan ----

const FAULT_KEYS: ReadonlySet<string> = new Set(['id', 'type', 'start', 'duration', 'line']);

/** The plan of a run for `--dry-run`: target, workload, probes, the fault timeline sorted by start, integrity checks and limits. */
export function planText(e: Experiment): string {
  const out: string[] = [];
  out.push(`Experiment: ${e.title ?? '(untitled)'} (${e.file})`);

  const t = e.target;
  out.push(t.command !== undefined ? `Target: start \`${commandText(t.command)}\`${t.cwd === undefined ? '' : ` in ${t.cwd}`}` : `Target: ${t.endpoint ?? '?'} (already running)`);
  if (t.ready !== undefined) out.push(`  ready when: ${probeText(t.ready)} (wait at most ${seconds(t.ready_timeout)})`);

  const w = e.workload;
  if (w === undefined) out.push('Workload: none');
  else if (w.builtin !== undefined) {
    const b = w.builtin;
    const where = b.type === 'http-kv' ? (b.url ?? '?') : `${b.host ?? '127.0.0.1'}:${b.port ?? '?'}`;
    out.push(`Workload: built-in ${b.type} on ${where}, ${b.rate} ops/s from ${b.clients} client(s)${w.history === undefined ? '' : `, history ${w.history}`}`);
  } else out.push(`Workload: \`${commandText(w.command ?? [])}\`${w.history === undefined ? '' : `, history ${w.history}`}`);

  out.push(`Steady state: probes every ${e.steady_state.interval_ms} ms`);
  if (e.steady_state.probes.length === 0) out.push('  (no probes)');
  for (const p of e.steady_state.probes) out.push(`  - ${probeText(p)}`);

  out.push('Faults (timeline):');
  if (e.faults.length === 0) out.push('  (no faults)');
  const sorted = e.faults.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i);
  for (const { f } of sorted) {
    const when = f.duration === undefined ? `${seconds(f.start)} (instant)` : `${seconds(f.start)} → ${seconds(f.start + f.duration)}`;
    const params = Object.entries(f)
      .filter(([k, v]) => !FAULT_KEYS.has(k) && v !== undefined)
      .map(([k, v]) => `${k}=${valueText(v)}`);
    out.push(`  ${when}  ${f.id}  ${f.type}${params.length === 0 ? '' : `  ${params.join(' ')}`}`);
  }

  out.push('Integrity checks:');
  if (e.integrity.length === 0) out.push('  (none)');
  for (const c of e.integrity) {
    const params = Object.entries(c)
      .filter(([k, v]) => k !== 'type' && k !== 'line' && v !== undefined)
      .map(([k, v]) => `${k}=${valueText(v)}`);
    out.push(`  - ${c.type}${params.length === 0 ? '' : ` (${params.join(', ')})`}`);
  }

  const l = e.limits;
  out.push(
    `Limits: run at most ${seconds(l.max_duration)}, at most ${l.max_faults} faults, recovery within ${seconds(l.recovery)} after each fault` +
      `${l.allowed_runner_labels === undefined ? '' : `, runners labelled ${l.allowed_runner_labels.join(' or ')}`}` +
      `${l.allow_default_route ? ', faults on the default route allowed' : ''}`,
  );
  return `${out.join('\n')}\n`;
}

function seconds(s: number): string {
  return `${s}s`;
}

function commandText(c: CommandSpec): string {
  if (typeof c === 'string') return c;
  return c.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return /\s/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function probeText(p: ProbeSpec): string {
  const name = p.name === undefined ? '' : `${p.name}: `;
  switch (p.type) {
    case 'http':
      return `${name}http GET ${p.url} → ${p.status ?? '2xx'}${p.max_latency_ms === undefined ? '' : ` within ${p.max_latency_ms} ms`}`;
    case 'tcp':
      return `${name}tcp connect ${p.host ?? '127.0.0.1'}:${p.port}`;
    case 'command':
      return `${name}command \`${commandText(p.run)}\` exits ${p.expect_exit ?? 0}`;
    case 'prometheus':
      return `${name}prometheus ${p.url} \`${p.query}\` ${p.expect.trim()}`;
  }
}

// ---- locations ----

/** The line of `pointer` in the loaded file, or of its nearest ancestor that has one. */
export function nearestLine(loaded: LoadedConfig<unknown>, pointer: string): number | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = loaded.lineOf(p);
    if (line !== undefined || p === '') return line;
  }
}

/** Errors located at a JSON pointer of the loaded file: `file:line: message`, with the field named. */
export function locator(loaded: LoadedConfig<unknown>): (pointer: string, message: string) => ConfigurationError {
  return (pointer, message) => {
    const line = nearestLine(loaded, pointer);
    return new ConfigurationError(`${line === undefined ? loaded.file : `${loaded.file}:${line}`}: ${message}`, {
      location: line === undefined ? { file: loaded.file } : { file: loaded.file, line },
      field: fieldName(pointer),
    });
  };
}

/** `/faults/2/start` as `faults[2].start`. */
function fieldName(pointer: string): string {
  let out = '';
  for (const s of pointer.split('/').slice(1)) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? 'the top level' : out;
}
