/**
 * Runs one shipgate chaos experiment: start the target and wait until it is healthy, watch the steady state, start
 * the workload, inject each fault on its schedule (recorded in the ledger before it acts, verified, reverted at the
 * end of its window), wait for recovery, read the history back and check its integrity. Whatever happens (an
 * error, cancellation, the max_duration cap), every fault and every process this run started is reverted before
 * `runExperiment` returns.
 *
 * Four separate results: faults (each proven to have taken effect), steady state (unhealthy before injection:
 * inconclusive, and nothing is injected), recovery (fault end to steady state, against limits.recovery) and
 * integrity (over the workload's history).
 */
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { execCommand } from '../../core/exec.js';
import type { Logger } from '../../core/log.js';
import type { CommandSpec, Experiment, FaultSpec, IntegritySpec, ProbeSpec } from './experiment.js';
import { type Fault, type FaultContext, type FaultPlan, procStat, revertViaLedger, startRecorded } from './faults/types.js';
import { checkChecksums, checkCounter, checkQueue, checkSet, checkUniqueIds, faultWindowLatencies, type LatencyStats, type Op, parseHistory } from './integrity.js';
import { type Ledger, processStartTime } from './ledger.js';
import { commandOf, recoveryAfter, type SteadySample, SteadyStateMonitor, waitHealthy } from './steady-state.js';
import { BuiltinWorkload, type WorkloadStats } from './workloads.js';

export type SubVerdict = 'pass' | 'fail' | 'inconclusive' | 'none';

export interface FaultOutcome {
  id: string;
  type: string;
  line: number;
  plan: FaultPlan;
  /** Seconds after the workload start, as scheduled. */
  start: number;
  duration?: number;
  appliedAt?: number;
  revertedAt?: number;
  /** When the fault's effect ended: reverted, or applied for instant faults (a kill). */
  endedAt?: number;
  verified: boolean;
  evidence: string;
  reverted: boolean;
  error?: string;
  recovery?: { seconds?: number; recoveredAt?: number; unhealthySamples: number; ok: boolean };
}

export interface IntegrityOutcome {
  type: IntegritySpec['type'];
  line: number;
  ok: boolean;
  summary: string;
  lost: number;
  unexpected: number;
  duplicated: number;
  recovered: number;
  lostIds: unknown[];
  detail: Record<string, unknown>;
}

export interface ChaosRunResult {
  startedAt: number;
  endedAt: number;
  /** Workload start: fault offsets count from here. */
  t0?: number;
  steadyBefore: { ok: boolean; detail: string };
  faults: FaultOutcome[];
  samples: SteadySample[];
  skippedTicks: number;
  intervalMs: number;
  recovery: { boundSeconds: number; maxSeconds?: number };
  integrity: {
    lost: number;
    unexpected: number;
    duplicated: number;
    recovered: number;
    checks: IntegrityOutcome[];
    historyFile?: string;
    operations?: number;
    windows?: (LatencyStats & { id: string })[];
    baseline?: LatencyStats;
  };
  workload?: WorkloadStats & { kind: string };
  verdicts: { faults: SubVerdict; steadyState: SubVerdict; recovery: SubVerdict; integrity: SubVerdict };
  verdict: 'pass' | 'fail' | 'inconclusive';
  notes: string[];
  target?: { pid?: number; starts: number; log?: string };
  /** What the ledger could not revert at the end (should be empty). */
  leftovers: { id: string; error: string }[];
}

export interface RunExperimentOptions {
  experiment: Experiment;
  registry: ReadonlyMap<string, Fault>;
  ledger: Ledger;
  /** Work files: target and workload logs, the built-in workload's history. */
  workDir: string;
  runId: string;
  signal: AbortSignal;
  log: Logger;
}

interface Prepared {
  spec: FaultSpec;
  mod: Fault;
  params: Record<string, unknown>;
}

const TARGET_ID = 'target';
const WORKLOAD_ID = 'workload';
/** After the schedule and recovery, a workload command gets this long to finish on its own before it is stopped. */
const WORKLOAD_FINISH_MS = 30_000;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** argv for a detached start: an array as is; a string the user wrote is run by the shell. */
function argvOf(c: CommandSpec): string[] {
  return typeof c === 'string' ? ['/bin/sh', '-c', c] : [...c];
}

function display(c: CommandSpec): string {
  return typeof c === 'string' ? c : c.join(' ');
}

/**
 * Validates every fault against its module and what this machine has, before anything starts. Errors name the
 * file, the fault's line and what is missing.
 */
export async function prepareFaults(e: Experiment, registry: ReadonlyMap<string, Fault>): Promise<Prepared[]> {
  const out: Prepared[] = [];
  const problems: string[] = [];
  for (const [i, f] of e.faults.entries()) {
    const mod = registry.get(f.type);
    if (mod === undefined) {
      problems.push(`${e.file}:${f.line}: faults[${i}].type: unknown fault type "${f.type}"; known: ${[...registry.keys()].join(', ')}`);
      continue;
    }
    const { id: _id, type: _type, start: _start, line: _line, ...params } = f;
    out.push({ spec: f, mod, params: mod.validate(params, { file: e.file, line: f.line, field: `faults[${i}]` }) });
    const missing = await mod.unsupported();
    if (missing !== undefined) problems.push(`${e.file}:${f.line}: fault ${f.id} (${f.type}) cannot run on this runner: ${missing}`);
  }
  if (problems.length) throw new ConfigurationError(problems.join('\n'), { location: { file: e.file, line: e.faults[0]?.line ?? 1 } });
  return out;
}

/** The plan of every fault, for `--dry-run` and the report. */
export function planFaults(prepared: readonly Prepared[]): FaultPlan[] {
  return prepared.map((p) => p.mod.plan(p.spec.id, p.params));
}

/** The only child of a shell that ran the user's command (when the shell did not exec it), else the shell itself. */
async function serviceProcess(pid: number): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const s = await procStat(pid);
    if (s === undefined || !SHELLS.has(s.comm)) return pid;
    let children: number[] = [];
    try {
      children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return pid;
    }
    if (children.length === 1 && children[0] !== undefined) return children[0];
    await new Promise((r) => setTimeout(r, 25));
  }
  return pid;
}

function parseChecksums(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, l] of lines.entries()) {
    const m = /^(\S+)\s+\*?(.+)$/.exec(l);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[2]] = m[1];
    else out[lines.length === 1 ? 'output' : `line ${i + 1}`] = l;
  }
  return out;
}

function worst(vs: SubVerdict[]): 'pass' | 'fail' | 'inconclusive' {
  if (vs.includes('fail')) return 'fail';
  if (vs.includes('inconclusive')) return 'inconclusive';
  return 'pass';
}

export async function runExperiment(opts: RunExperimentOptions): Promise<ChaosRunResult> {
  const { experiment: e, ledger, log } = opts;
  const prepared = await prepareFaults(e, opts.registry);
  const startedAt = Date.now();
  const notes: string[] = [];
  const interval = e.steady_state.interval_ms;
  // One controller for the whole run: the caller's cancellation, or the max_duration cap.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  const cap = setTimeout(() => {
    notes.push(`stopped at limits.max_duration (${e.limits.max_duration} s): every fault was reverted`);
    stop.abort();
  }, e.limits.max_duration * 1000);
  const signal = stop.signal;

  const targetLog = path.join(opts.workDir, 'target.log');
  let targetStarts = 0;
  let targetPid: number | undefined;
  const startTarget = async (): Promise<number> => {
    const cmd = e.target.command;
    if (cmd === undefined) throw new Error('the target has no command to (re)start');
    targetStarts++;
    const fd = openSync(targetLog, 'a');
    try {
      const cwd = path.resolve(e.dir, e.target.cwd ?? '.');
      const { pid } = await startRecorded(fctx, `${TARGET_ID}-${targetStarts}`, `target: ${display(cmd)}`, argvOf(cmd), { cwd, ...(e.target.env ? { env: e.target.env } : {}), outputFd: fd });
      targetPid = await serviceProcess(pid);
      fctx.targetPid = targetPid;
      return targetPid;
    } finally {
      closeSync(fd);
    }
  };
  const fctx: FaultContext = {
    ledger,
    workDir: opts.workDir,
    signal,
    allowDefaultRoute: e.limits.allow_default_route,
    ...(e.target.command === undefined ? {} : { restartTarget: startTarget }),
  };

  const monitor = new SteadyStateMonitor(e.steady_state.probes, { intervalMs: interval, cwd: e.dir });
  const outcomes: FaultOutcome[] = prepared.map((p) => ({
    id: p.spec.id,
    type: p.spec.type,
    line: p.spec.line,
    plan: p.mod.plan(p.spec.id, p.params),
    start: p.spec.start,
    ...(p.spec.duration === undefined ? {} : { duration: p.spec.duration }),
    verified: false,
    evidence: 'not applied',
    reverted: false,
  }));
  const result: ChaosRunResult = {
    startedAt,
    endedAt: startedAt,
    steadyBefore: { ok: false, detail: 'not checked' },
    faults: outcomes,
    samples: [],
    skippedTicks: 0,
    intervalMs: interval,
    recovery: { boundSeconds: e.limits.recovery },
    integrity: { lost: 0, unexpected: 0, duplicated: 0, recovered: 0, checks: [] },
    verdicts: { faults: 'none', steadyState: 'inconclusive', recovery: 'none', integrity: 'none' },
    verdict: 'inconclusive',
    notes,
    leftovers: [],
  };
  const mods = [...new Set(prepared.map((p) => p.mod))];
  let workload: BuiltinWorkload | undefined;
  let workloadPid: { pid: number; startTime: string } | undefined;
  let checksumBefore: Map<IntegritySpec, Record<string, string>> | undefined;
  let injected = false;

  try {
    // ---- target ----
    if (e.target.command !== undefined) {
      await startTarget();
      log.info(`chaos-run: target started (pid ${targetPid}): ${display(e.target.command)}`);
    }
    const readyProbes: ProbeSpec[] = e.target.ready ? [e.target.ready] : e.steady_state.probes;
    if (readyProbes.length) {
      const ready = await waitHealthy(readyProbes, { timeoutMs: e.target.ready_timeout * 1000, intervalMs: 100, cwd: e.dir, signal });
      if (!ready.ok && !signal.aborted) {
        const tail = e.target.command === undefined ? '' : await readFile(targetLog, 'utf8').then((t) => t.split('\n').slice(-10).join('\n').trim(), () => '');
        throw new ConfigurationError(
          `${e.file}:${e.target.line}: the target never became healthy within ${e.target.ready_timeout} s (target.ready_timeout): ${ready.last.map((r) => `${r.probe}: ${r.detail}`).join('; ')}${tail ? `\nlast lines of its output:\n${tail}` : ''}`,
          { location: { file: e.file, line: e.target.line }, field: 'target' },
        );
      }
    }

    // ---- steady state before injection ----
    monitor.start();
    await sleep(Math.max(3 * interval, 300), signal);
    const before = monitor.samples;
    const bad = before.filter((s) => !s.ok);
    result.steadyBefore =
      e.steady_state.probes.length === 0
        ? { ok: true, detail: 'no steady-state probes: only the target being up was checked' }
        : before.length === 0
          ? { ok: false, detail: 'no probe finished before injection' }
          : bad.length === 0
            ? { ok: true, detail: `${before.length} sample(s), all healthy` }
            : { ok: false, detail: `${bad.length} of ${before.length} sample(s) unhealthy before injection: ${bad[0]?.results.filter((r) => !r.ok).map((r) => `${r.probe}: ${r.detail}`).join('; ') ?? ''}` };
    if (!result.steadyBefore.ok) {
      notes.push('the system was not in its steady state before injection: no fault was injected');
      return result;
    }

    // ---- integrity snapshots before ----
    for (const c of e.integrity) {
      if (c.type !== 'checksum') continue;
      const r = await execCommand(commandOf(c.before), { cwd: e.dir, capture: true, stream: false, timeoutMs: 120_000, signal });
      if (r.exitCode !== 0) throw new ConfigurationError(`${e.file}:${c.line}: integrity checksum \`before\` command failed (exit ${r.exitCode ?? r.signal}): ${r.tail.join('\n')}`, { location: { file: e.file, line: c.line } });
      (checksumBefore ??= new Map()).set(c, parseChecksums(r.stdout ?? ''));
    }

    // ---- proxies and other setup, then the workload ----
    for (const mod of mods) {
      if (mod.setup) await mod.setup(prepared.filter((p) => p.mod === mod).map((p) => ({ id: p.spec.id, spec: p.params })), fctx);
    }
    const historyFile = e.workload?.history === undefined ? path.join(opts.workDir, 'history.jsonl') : path.resolve(e.dir, e.workload.history);
    if (e.workload?.builtin) {
      workload = await BuiltinWorkload.start(e.workload.builtin, { historyFile, keyPrefix: `shipgate:chaos:${opts.runId}:`, signal });
      result.integrity.historyFile = historyFile;
    } else if (e.workload?.command !== undefined) {
      const fd = openSync(path.join(opts.workDir, 'workload.log'), 'a');
      try {
        const env = { ...e.workload.env, SHIPGATE_CHAOS_HISTORY: historyFile, SHIPGATE_CHAOS_RUN_ID: opts.runId };
        workloadPid = await startRecorded(fctx, WORKLOAD_ID, `workload: ${display(e.workload.command)}`, argvOf(e.workload.command), { cwd: path.resolve(e.dir, e.workload.cwd ?? '.'), env, outputFd: fd });
      } finally {
        closeSync(fd);
      }
      result.integrity.historyFile = historyFile;
    }
    const t0 = Date.now();
    result.t0 = t0;

    // ---- faults on their schedule ----
    injected = true;
    await Promise.all(
      prepared.map(async (p, i) => {
        const o = outcomes[i] as FaultOutcome;
        await sleep(t0 + p.spec.start * 1000 - Date.now(), signal);
        if (signal.aborted) {
          o.evidence = 'not applied: the run was stopped first';
          return;
        }
        try {
          o.appliedAt = (await p.mod.apply(p.spec.id, p.params, fctx)).appliedAt;
          log.info(`chaos-run: ${p.spec.id} (${p.spec.type}) applied`);
          try {
            const v = await p.mod.verify(p.spec.id, p.params, fctx);
            o.verified = v.verified;
            o.evidence = v.evidence;
          } catch (err) {
            o.evidence = `verification failed: ${errorMessage(err)}`;
          }
          if (p.spec.duration !== undefined) await sleep(o.appliedAt + p.spec.duration * 1000 - Date.now(), signal);
          else o.endedAt = Date.now();
        } catch (err) {
          o.error = errorMessage(err);
          o.evidence = `not applied: ${o.error}`;
        }
        try {
          o.revertedAt = (await p.mod.revert(p.spec.id, fctx)).revertedAt;
          o.reverted = true;
          o.endedAt ??= o.revertedAt;
          log.info(`chaos-run: ${p.spec.id} reverted`);
        } catch (err) {
          o.error = [o.error, `revert failed: ${errorMessage(err)}`].filter(Boolean).join('; ');
        }
      }),
    );

    // ---- recovery ----
    const ends = outcomes.map((o) => o.endedAt).filter((t): t is number => t !== undefined);
    const lastEnd = ends.length ? Math.max(...ends) : Date.now();
    if (e.steady_state.probes.length && !signal.aborted) {
      const ok = await monitor.waitForOk(lastEnd, e.limits.recovery * 1000);
      // Long enough after the first healthy sample to tell a recovery from a blip.
      if (ok) await sleep(3 * interval + 50, signal);
    }
  } finally {
    clearTimeout(cap);
    await monitor.stop();
    result.samples = [...monitor.samples];
    result.skippedTicks = monitor.skippedTicks;

    // ---- workload end and history ----
    if (workload) {
      try {
        await workload.stopWrites();
        // Not when cancelled: the runner allows 10 s for everything, and the reverts come first.
        if (injected && !opts.signal.aborted) await workload.finalRead();
      } catch (err) {
        notes.push(`the built-in workload could not finish: ${errorMessage(err)}`);
      }
      result.workload = { ...workload.stats, kind: e.workload?.builtin?.type ?? 'builtin' };
      await workload.close();
    }
    if (workloadPid) {
      const { pid, startTime: start } = workloadPid;
      const end = Date.now() + (opts.signal.aborted ? 0 : WORKLOAD_FINISH_MS);
      while ((await processStartTime(pid)) === start && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if ((await processStartTime(pid)) === start) notes.push(`the workload command was still running after the experiment and was stopped; its history may lack a final read`);
      await revertViaLedger(ledger, WORKLOAD_ID).catch((err: unknown) => notes.push(`could not stop the workload: ${errorMessage(err)}`));
    }
    for (const mod of mods) await mod.teardown?.().catch((err: unknown) => notes.push(`${mod.type}: teardown failed: ${errorMessage(err)}`));
    // Faults still pending (an error or cancellation mid-revert), then the target.
    const pending = (await ledger.pending()).filter((x) => x.runId === ledger.runId && !x.id.startsWith(`${TARGET_ID}-`));
    for (const x of pending) await revertViaLedger(ledger, x.id).catch(() => undefined);
    for (let n = targetStarts; n >= 1; n--) await revertViaLedger(ledger, `${TARGET_ID}-${n}`).catch(() => undefined);
    const left = await ledger.revertAll();
    result.leftovers = left.failed;
    result.target = { ...(targetPid === undefined ? {} : { pid: targetPid }), starts: targetStarts, ...(targetStarts ? { log: targetLog } : {}) };
    result.endedAt = Date.now();
    opts.signal.removeEventListener('abort', onAbort);
  }

  // ---- integrity ----
  if (e.integrity.length && result.integrity.historyFile !== undefined) await checkIntegrity(e, result, checksumBefore);
  else if (checksumBefore) await checkIntegrity(e, result, checksumBefore);

  // ---- recovery per fault ----
  const bound = e.limits.recovery;
  for (const o of outcomes) {
    if (o.endedAt === undefined || e.steady_state.probes.length === 0) continue;
    const r = recoveryAfter(result.samples, o.endedAt, { stableMs: 3 * interval });
    o.recovery = { ...r, ok: r.seconds !== undefined && r.seconds <= bound };
  }
  const recovered = outcomes.filter((o) => o.recovery !== undefined);
  const secs = recovered.map((o) => o.recovery?.seconds).filter((s): s is number => s !== undefined);
  if (secs.length) result.recovery.maxSeconds = Math.max(...secs);

  // ---- verdicts ----
  const applied = outcomes.filter((o) => o.appliedAt !== undefined || o.error !== undefined);
  result.verdicts.steadyState = result.steadyBefore.ok ? 'pass' : 'inconclusive';
  result.verdicts.faults = !injected ? 'none' : outcomes.some((o) => !o.verified || !o.reverted || o.error !== undefined) ? 'fail' : applied.length ? 'pass' : 'none';
  result.verdicts.recovery = recovered.length === 0 ? 'none' : recovered.every((o) => o.recovery?.ok) ? 'pass' : 'fail';
  const ic = result.integrity.checks;
  result.verdicts.integrity = ic.length === 0 ? 'none' : ic.every((c) => c.ok) ? 'pass' : ic.some((c) => !c.ok && c.summary.startsWith('inconclusive')) && !ic.some((c) => !c.ok && !c.summary.startsWith('inconclusive')) ? 'inconclusive' : 'fail';
  if (result.leftovers.length) notes.push(`could not revert: ${result.leftovers.map((l) => `${l.id} (${l.error})`).join('; ')}`);
  const stoppedEarly = signal.aborted;
  const v = result.verdicts;
  result.verdict = !result.steadyBefore.ok ? 'inconclusive' : worst([v.faults, v.recovery, v.integrity, stoppedEarly || result.leftovers.length ? 'fail' : 'pass']);
  return result;
}

async function checkIntegrity(e: Experiment, result: ChaosRunResult, checksumBefore: Map<IntegritySpec, Record<string, string>> | undefined): Promise<void> {
  const file = result.integrity.historyFile;
  let ops: Op[] = [];
  const needsHistory = e.integrity.some((c) => c.type !== 'checksum');
  if (needsHistory && file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new ConfigurationError(`${e.file}:${e.workload?.line ?? 1}: the workload's history ${file} cannot be read (${errorMessage(err)}). The workload must write its operations there (JSONL).`, {
        location: { file: e.file, line: e.workload?.line ?? 1 },
      });
    }
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = parseHistory(text, shown);
    ops = parsed.ops;
    for (const w of parsed.warnings.slice(0, 5)) result.notes.push(`history: ${w}`);
    if (parsed.warnings.length > 5) result.notes.push(`history: ${parsed.warnings.length - 5} more warning(s)`);
    result.integrity.operations = ops.length;
    const windows = result.faults.filter((o) => o.appliedAt !== undefined).map((o) => ({ id: o.id, start: o.appliedAt as number, end: o.endedAt ?? o.appliedAt ?? 0 }));
    const times = ops.map((o) => o.time).filter((t) => Number.isFinite(t));
    const median = times.length ? (times.slice().sort((a, b) => a - b)[times.length >> 1] as number) : 0;
    // Fault windows are epoch ms; histories in epoch ns are converted, relative clocks cannot be aligned.
    const unit = median > 1e17 ? 'ns' : median > 1e12 ? 'ms' : undefined;
    if (unit !== undefined && windows.length) {
      const scale = unit === 'ns' ? 1e6 : 1;
      const lat = faultWindowLatencies(
        ops,
        windows.map((w) => ({ ...w, start: w.start * scale, end: Math.max(w.end, w.start + 1) * scale })),
        { timeUnit: unit },
      );
      result.integrity.windows = lat.windows.map(({ start: _s, end: _e, ...rest }) => rest);
      result.integrity.baseline = lat.baseline;
    } else if (windows.length && ops.length) {
      result.notes.push('the history times are not epoch milliseconds or nanoseconds: fault-window latencies are not computed');
    }
  }
  const totals = result.integrity;
  for (const c of e.integrity) {
    const base = { type: c.type, line: c.line, lost: 0, unexpected: 0, duplicated: 0, recovered: 0, lostIds: [] as unknown[] };
    let out: IntegrityOutcome;
    switch (c.type) {
      case 'set': {
        const r = checkSet(ops, { ...(c.add ? { addF: c.add } : {}), ...(c.read ? { readF: c.read } : {}) });
        out = !r.hasFinalRead
          ? { ...base, ok: false, summary: `inconclusive: no successful final "${c.read ?? 'read'}" in the history (${r.acknowledged} acknowledged writes)`, detail: { ...r } }
          : {
              ...base,
              ok: r.lost === 0 && r.unexpected === 0,
              summary: `${r.acknowledged} acknowledged, ${r.lost} lost, ${r.unexpected} unexpected, ${r.recovered} recovered (of ${r.attempted} attempted)`,
              lost: r.lost,
              unexpected: r.unexpected,
              recovered: r.recovered,
              lostIds: r.lostIds,
              detail: { ...r },
            };
        break;
      }
      case 'queue': {
        const r = checkQueue(ops, { ...(c.enqueue ? { enqueueF: c.enqueue } : {}), ...(c.dequeue ? { dequeueF: c.dequeue } : {}), ...(c.drain ? { drainF: c.drain } : {}) });
        out = { ...base, ok: r.lost === 0 && r.duplicated === 0 && r.unexpected === 0, summary: `${r.lost} lost, ${r.duplicated} duplicated, ${r.unexpected} unexpected`, lost: r.lost, duplicated: r.duplicated, unexpected: r.unexpected, lostIds: r.lostIds, detail: { ...r } };
        break;
      }
      case 'counter': {
        const r = checkCounter(ops, { ...(c.incr ? { incrF: c.incr } : {}), ...(c.read ? { readF: c.read } : {}) });
        out = r.reads === 0 ? { ...base, ok: false, summary: 'inconclusive: no successful counter read in the history', detail: { ...r } } : { ...base, ok: r.violations.length === 0, summary: `${r.reads} read(s), ${r.violations.length} outside the bounds`, detail: { ...r, violations: r.violations.slice(0, 20) } };
        break;
      }
      case 'unique-ids': {
        const r = checkUniqueIds(ops, { ...(c.f ? { f: c.f } : {}) });
        out = { ...base, ok: r.duplicates === 0, summary: `${r.generated} generated, ${r.duplicates} duplicated`, duplicated: r.duplicates, detail: { ...r } };
        break;
      }
      case 'checksum': {
        const r = await execCommand(commandOf(c.after), { cwd: e.dir, capture: true, stream: false, timeoutMs: 120_000 });
        if (r.exitCode !== 0) {
          out = { ...base, ok: false, summary: `the \`after\` command failed (exit ${r.exitCode ?? r.signal})`, detail: { tail: r.tail } };
          break;
        }
        const d = checkChecksums(checksumBefore?.get(c) ?? {}, parseChecksums(r.stdout ?? ''));
        out = { ...base, ok: d.changed.length + d.missing.length === 0, summary: `${d.changed.length} changed, ${d.missing.length} missing, ${d.added.length} added`, lost: d.missing.length, detail: d };
        break;
      }
    }
    totals.checks.push(out);
    totals.lost += out.lost;
    totals.unexpected += out.unexpected;
    totals.duplicated += out.duplicated;
    totals.recovered += out.recovered;
  }
}
