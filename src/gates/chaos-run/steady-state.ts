/**
 * Steady-state probing for chaos-run: one probe at a time (`runProbe`), a monitor that probes on a fixed grid
 * during the run (`SteadyStateMonitor`), and the measures taken from its samples (`window`, `recoveryAfter`).
 * Probes never throw for an unhealthy target: a refused connection is a failed sample, answered at once, so that
 * recovery can be measured at the resolution of the probe interval.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError } from '../../core/errors.js';
import { type Command, execCommand } from '../../core/exec.js';
import { hostPort, oneLine } from '../readiness-checklist/probes/command.js';
import { httpRequest } from '../readiness-checklist/probes/http.js';
import { compare, parseExpect, promNumber } from '../readiness-checklist/probes/prometheus.js';
import { tcpConnect } from '../readiness-checklist/probes/tcp.js';
import type { CommandSpec, PrometheusProbeSpec, ProbeSpec } from './experiment.js';

export interface ProbeResult {
  /** The probe's name, or e.g. "http http://…/health". */
  probe: string;
  ok: boolean;
  latencyMs: number;
  /** Short: "HTTP 503", "connect ECONNREFUSED", "exit 1", "value 0.2 !< 0.01". */
  detail: string;
}

/** Milliseconds one probe attempt may take when `timeout_ms` is not set. */
const DEFAULT_TIMEOUT_MS = 1000;
const COMMAND_GRACE_MS = 200;

function commandText(c: CommandSpec): string {
  return typeof c === 'string' ? c : c.join(' ');
}

export function probeLabel(p: ProbeSpec): string {
  if (p.name !== undefined) return p.name;
  switch (p.type) {
    case 'http':
      return `http ${p.url}`;
    case 'tcp':
      return `tcp ${hostPort(p.host ?? '127.0.0.1', p.port)}`;
    case 'command':
      return `command ${oneLine(commandText(p.run), 80)}`;
    case 'prometheus':
      return `prometheus ${oneLine(p.query, 80)}`;
  }
}

function probeError(p: ProbeSpec, field: string, problem: string): ConfigurationError {
  return new ConfigurationError(`steady_state probe \`${probeLabel(p)}\` (line ${p.line}): ${field}: ${problem}`, { field: `steady_state.probes.${field}` });
}

function parseUrl(p: ProbeSpec & { url: string }): URL {
  if (!URL.canParse(p.url) || !/^https?:$/.test(new URL(p.url).protocol)) {
    throw probeError(p, 'url', `${JSON.stringify(p.url)} is not an http:// or https:// URL. Write the full URL, e.g. http://127.0.0.1:8080/health.`);
  }
  return new URL(p.url);
}

/** A command as the experiment writes it: a string is the user's shell command, a list is argv (no shell). */
export function commandOf(run: CommandSpec): Command {
  if (typeof run === 'string') return { shell: run };
  const [first, ...rest] = run;
  return { argv: [first ?? '', ...rest] };
}

type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';
const NEGATED: Record<CompareOp, string> = { '==': '!=', '!=': '==', '>': '!>', '>=': '!>=', '<': '!<', '<=': '!<=' };

/** The values of an instant-query answer, one per series; a string when the answer is not understood. */
function promValues(body: string): string[] | string {
  let parsed: { status?: unknown; data?: { resultType?: unknown; result?: unknown }; error?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'not a Prometheus API answer';
  }
  if (parsed.status !== 'success') return oneLine(`query failed: ${typeof parsed.error === 'string' ? parsed.error : 'no error given'}`, 120);
  const d = parsed.data;
  const sample = (v: unknown): string | undefined => (Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined);
  if (d?.resultType === 'scalar') {
    const v = sample(d.result);
    return v === undefined ? 'unexpected result shape' : [v];
  }
  if (d?.resultType === 'vector' && Array.isArray(d.result)) {
    const out: string[] = [];
    for (const item of d.result as { value?: unknown }[]) {
      const v = sample(item.value);
      if (v === undefined) return 'unexpected result shape';
      out.push(v);
    }
    return out;
  }
  return `unexpected result type ${JSON.stringify(d?.resultType ?? null)}`;
}

async function prometheusProbe(p: PrometheusProbeSpec, label: string, timeoutMs: number, signal: AbortSignal, started: number): Promise<ProbeResult> {
  const expect = parseExpect(p.expect);
  if (expect?.kind !== 'compare') {
    throw probeError(p, 'expect', `${JSON.stringify(p.expect)} is not a comparison. Write an operator (<, <=, >, >=, ==, !=) and a number, e.g. "< 0.01".`);
  }
  const base = parseUrl(p);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  const url = new URL('api/v1/query', base);
  url.searchParams.set('query', p.query);
  const res = await httpRequest(url, { timeoutMs, signal });
  const latencyMs = Math.round(performance.now() - started);
  if (!res.ok) return { probe: label, ok: false, latencyMs, detail: res.timedOut || res.cancelled ? res.error : `connect ${res.error}` };
  const values = promValues(res.body);
  if (typeof values === 'string') return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode}: ${values}` };
  if (values.length === 0) return { probe: label, ok: false, latencyMs, detail: 'empty result (no series)' };
  if (values.length > 1) return { probe: label, ok: false, latencyMs, detail: `${values.length} series; the query must return one` };
  const raw = values[0] as string;
  const ok = compare(promNumber(raw), expect.op, expect.value);
  const limit = expect.text.slice(expect.op.length).trim();
  return { probe: label, ok, latencyMs, detail: `value ${raw} ${ok ? expect.op : NEGATED[expect.op]} ${limit}` };
}

/** Runs one probe once; never throws for an unhealthy target (a malformed probe is a ConfigurationError). */
export async function runProbe(p: ProbeSpec, opts: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<ProbeResult> {
  const label = probeLabel(p);
  const timeoutMs = p.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  const signal = opts.signal ?? new AbortController().signal;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  switch (p.type) {
    case 'http': {
      const res = await httpRequest(parseUrl(p), { timeoutMs, signal });
      const latencyMs = elapsed();
      if (!res.ok) return { probe: label, ok: false, latencyMs, detail: res.timedOut || res.cancelled ? res.error : `connect ${res.error}` };
      const statusOk = p.status === undefined ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === p.status;
      if (!statusOk) return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode}` };
      if (p.max_latency_ms !== undefined && latencyMs > p.max_latency_ms) {
        return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode} in ${latencyMs} ms > ${p.max_latency_ms} ms` };
      }
      return { probe: label, ok: true, latencyMs, detail: `HTTP ${res.statusCode}` };
    }
    case 'tcp': {
      const res = await tcpConnect(p.host ?? '127.0.0.1', p.port, timeoutMs, signal);
      const latencyMs = elapsed();
      if (res.ok) return { probe: label, ok: true, latencyMs, detail: 'connected' };
      return { probe: label, ok: false, latencyMs, detail: `connect ${res.error}` };
    }
    case 'command': {
      const r = await execCommand(commandOf(p.run), {
        cwd: opts.cwd,
        ...(opts.env === undefined ? {} : { env: opts.env }),
        timeoutMs,
        graceMs: COMMAND_GRACE_MS,
        signal,
        stream: false,
        tailLines: 0,
      });
      const latencyMs = elapsed();
      const expected = p.expect_exit ?? 0;
      if (r.error !== undefined) return { probe: label, ok: false, latencyMs, detail: oneLine(r.error, 120) };
      if (r.timedOut) return { probe: label, ok: false, latencyMs, detail: `timed out after ${timeoutMs} ms` };
      if (r.cancelled) return { probe: label, ok: false, latencyMs, detail: 'cancelled' };
      if (r.exitCode === null) return { probe: label, ok: false, latencyMs, detail: `killed by ${r.signal ?? 'a signal'}` };
      return { probe: label, ok: r.exitCode === expected, latencyMs, detail: r.exitCode === expected || expected === 0 ? `exit ${r.exitCode}` : `exit ${r.exitCode}, expected ${expected}` };
    }
    case 'prometheus':
      return prometheusProbe(p, label, timeoutMs, signal, started);
  }
}

async function runAll(probes: readonly ProbeSpec[], opts: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<ProbeResult[]> {
  return Promise.all(probes.map((p) => runProbe(p, opts)));
}

export interface SteadySample {
  /** Epoch ms when the tick started. */
  t: number;
  /** All probes ok. */
  ok: boolean;
  results: ProbeResult[];
}

interface Waiter {
  fromMs: number;
  resolve: (s: SteadySample | undefined) => void;
}

/**
 * Probes on an absolute grid (start + k × interval). All probes of a tick run concurrently; a tick still running
 * when the next one is due makes that one skipped (counted in `skippedTicks`), as do grid points the event loop
 * was too busy to serve. A malformed probe rejects `stop()` with its ConfigurationError.
 */
export class SteadyStateMonitor {
  private readonly list: SteadySample[] = [];
  private skipped = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private stopped = false;
  private t0 = 0;
  private lastIndex = -1;
  private failure: Error | undefined;
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly probes: ProbeSpec[],
    private readonly opts: { intervalMs: number; cwd: string; env?: NodeJS.ProcessEnv },
  ) {
    if (!(opts.intervalMs > 0)) throw new RangeError(`intervalMs must be positive, got ${opts.intervalMs}`);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.t0 = performance.now();
    this.fire();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    for (const w of this.waiters) w.resolve(undefined);
    this.waiters.clear();
    if (this.failure !== undefined) throw this.failure;
  }

  get samples(): readonly SteadySample[] {
    return this.list;
  }

  get skippedTicks(): number {
    return this.skipped;
  }

  /** Resolves with the first sample at or after `fromMs` that is ok (or undefined when `timeoutMs` passes / stopped). */
  async waitForOk(fromMs: number, timeoutMs: number): Promise<SteadySample | undefined> {
    const found = this.list.find((s) => s.t >= fromMs && s.ok);
    if (found !== undefined) return found;
    if (this.stopped) return undefined;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        fromMs,
        resolve: (s) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(s);
        },
      };
      const timer = setTimeout(() => waiter.resolve(undefined), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const interval = this.opts.intervalMs;
    const index = Math.max(this.lastIndex + 1, Math.floor((performance.now() - this.t0) / interval));
    this.skipped += index - this.lastIndex - 1;
    this.lastIndex = index;
    if (this.running !== undefined) this.skipped++;
    else this.running = this.tick().finally(() => (this.running = undefined));
    const next = this.t0 + (index + 1) * interval;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - performance.now()));
  }

  private async tick(): Promise<void> {
    const t = Date.now();
    let results: ProbeResult[];
    try {
      results = await runAll(this.probes, { cwd: this.opts.cwd, ...(this.opts.env === undefined ? {} : { env: this.opts.env }) });
    } catch (e) {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
      this.stopped = true;
      clearTimeout(this.timer);
      return;
    }
    const sample: SteadySample = { t, ok: results.every((r) => r.ok), results };
    this.list.push(sample);
    if (!sample.ok) return;
    for (const w of [...this.waiters]) if (t >= w.fromMs) w.resolve(sample);
  }
}

/** Samples in [from, to] and how many failed. */
export function window(samples: readonly SteadySample[], fromMs: number, toMs: number): { samples: number; failed: number } {
  let n = 0;
  let failed = 0;
  for (const s of samples) {
    if (s.t < fromMs || s.t > toMs) continue;
    n++;
    if (!s.ok) failed++;
  }
  return { samples: n, failed };
}

/** The median gap between consecutive samples: the effective probe interval (0 with fewer than two samples). */
function typicalInterval(samples: readonly SteadySample[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < samples.length; i++) gaps.push((samples[i] as SteadySample).t - (samples[i - 1] as SteadySample).t);
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] as number;
}

/**
 * Recovery after a fault ended at `endMs`: the first sample at/after endMs from which every sample is ok for at
 * least `stableMs` (default 3 × the probe interval, i.e. three consecutive ok samples; at least one sample) —
 * seconds from endMs to that sample's t; undefined when it never recovers within the data (up to `untilMs`).
 * `unhealthySamples` counts the failed samples in [endMs, untilMs]. The interval is the median gap between samples;
 * a run of n consecutive ok samples covers n × interval.
 */
export function recoveryAfter(
  samples: readonly SteadySample[],
  endMs: number,
  opts: { stableMs?: number; untilMs?: number } = {},
): { recoveredAt?: number; seconds?: number; unhealthySamples: number } {
  const until = opts.untilMs ?? Infinity;
  const after = samples.filter((s) => s.t >= endMs && s.t <= until);
  const unhealthySamples = after.filter((s) => !s.ok).length;
  const interval = typicalInterval(samples);
  const stableMs = opts.stableMs ?? 3 * interval;
  const needed = interval > 0 ? Math.max(1, Math.ceil(stableMs / interval - 1e-9)) : 1;
  let runStart = -1;
  for (let i = 0; i < after.length; i++) {
    const s = after[i] as SteadySample;
    if (!s.ok) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = i;
    const first = after[runStart] as SteadySample;
    if (i - runStart + 1 >= needed) {
      return { recoveredAt: first.t, seconds: (first.t - endMs) / 1000, unhealthySamples };
    }
  }
  return { unhealthySamples };
}

/** Polls probe(s) every intervalMs until all ok once or timeoutMs passes (target readiness). */
export async function waitHealthy(
  probes: ProbeSpec[],
  opts: { timeoutMs: number; intervalMs: number; cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<{ ok: boolean; waitedMs: number; last: ProbeResult[] }> {
  const started = performance.now();
  const probeOpts = { cwd: opts.cwd, ...(opts.env === undefined ? {} : { env: opts.env }), ...(opts.signal === undefined ? {} : { signal: opts.signal }) };
  for (;;) {
    const attemptStart = performance.now();
    const last = await runAll(probes, probeOpts);
    const waitedMs = Math.round(performance.now() - started);
    if (last.every((r) => r.ok)) return { ok: true, waitedMs, last };
    const remaining = opts.timeoutMs - (performance.now() - started);
    if (remaining <= 0 || opts.signal?.aborted === true) return { ok: false, waitedMs, last };
    const pause = Math.min(remaining, Math.max(0, opts.intervalMs - (performance.now() - attemptStart)));
    try {
      await delay(pause, undefined, opts.signal === undefined ? {} : { signal: opts.signal });
    } catch {
      return { ok: false, waitedMs: Math.round(performance.now() - started), last };
    }
  }
}
