/**
 * The interface every chaos-run fault implements, and the helpers the process and resource faults share:
 * spec-field errors, duration parsing, /proc reads, reverting through the ledger, and starting a detached process
 * whose kill-tree inverse is in the ledger before it runs.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../../../core/errors.js';
import { childEnvironment } from '../../../core/exec.js';
import { DEFAULT_INVERSE_TIMEOUT_MS, type Ledger, processStartTime, runInverse } from '../ledger.js';

export interface FaultContext {
  ledger: Ledger;
  workDir: string;
  signal: AbortSignal;
  /** pid of the system under test, when chaos-run started it */
  targetPid?: number;
  /** restart the target (re-run its command); returns the new pid */
  restartTarget?: () => Promise<number>;
  /** limits.allow_default_route: network faults may act on the interface that holds the default route */
  allowDefaultRoute?: boolean;
}

export interface FaultPlan {
  id: string;
  type: string;
  description: string;
  /** exact commands or actions, for dry-run */
  actions: string[];
  /** the inverse actions */
  inverse: string[];
}

export interface SpecLocation {
  file: string;
  line: number;
  field: string;
}

export interface Fault<S = Record<string, unknown>> {
  type: string;
  /** What it needs here (root, a binary, a kernel module); undefined when it can run. */
  unsupported(): Promise<string | undefined>;
  /** ConfigurationError (file, line, field) when the spec is wrong. */
  validate(spec: Record<string, unknown>, where: SpecLocation): S;
  plan(id: string, spec: S): FaultPlan;
  /** Records the inverse in ctx.ledger BEFORE acting; returns a handle. */
  apply(id: string, spec: S, ctx: FaultContext): Promise<{ appliedAt: number }>;
  /** Proof it took effect: measured, not assumed. */
  verify(id: string, spec: S, ctx: FaultContext): Promise<{ verified: boolean; evidence: string }>;
  /** Via the ledger entry's inverse, then markReverted. */
  revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }>;
  /** Before the workload starts, for every fault of this type in the experiment (e.g. the proxy starts listening). */
  setup?(faults: { id: string; spec: S }[], ctx: FaultContext): Promise<void>;
  /** At the end of the run, whatever happened (stops what `setup` started). */
  teardown?(): Promise<void>;
}

// ---- spec validation ----

export function specError(where: SpecLocation, key: string, message: string): ConfigurationError {
  const field = `${where.field}.${key}`;
  return new ConfigurationError(`${where.file}:${where.line}: ${field}: ${message}`, {
    location: { file: where.file, line: where.line },
    field,
  });
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration such as "500ms", "30s", "2m", "1h", or a number of seconds; in milliseconds. */
export function parseDuration(value: unknown, where: SpecLocation, key: string): number {
  let ms: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value * 1000;
  else if (typeof value === 'string') {
    const m = DURATION.exec(value.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) ms = Number(m[1]) * (UNIT_MS[m[2]] ?? 1);
  }
  if (ms === undefined || !(ms > 0)) {
    throw specError(where, key, `expected a positive duration such as "30s", "500ms" or "2m", got ${JSON.stringify(value)}`);
  }
  return Math.round(ms);
}

export function positiveInt(value: unknown, where: SpecLocation, key: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw specError(where, key, `expected a whole number from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

// ---- /proc ----

/** State letter of /proc/<pid>/stat (R, S, T, Z, …) and its start time, or undefined when there is no such pid. */
export async function procStat(pid: number): Promise<{ state: string; pgrp: number; start: string; comm: string; cpuTicks: number } | undefined> {
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const f = text.slice(close + 2).split(' ');
  const [state, pgrp, start] = [f[0], f[2], f[19]];
  if (state === undefined || pgrp === undefined || start === undefined) return undefined;
  // utime + stime, in the same clock ticks as /proc/stat
  const cpuTicks = Number(f[11] ?? 0) + Number(f[12] ?? 0);
  return { state, pgrp: Number(pgrp), start, comm: text.slice(text.indexOf('(') + 1, close), cpuTicks };
}

/** Live (not zombie) processes whose process group is `pgid`. */
export async function groupMembers(pgid: number): Promise<{ pid: number; comm: string; cpuTicks: number }[]> {
  const found: { pid: number; comm: string; cpuTicks: number }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = await procStat(Number(name));
    if (s !== undefined && s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X') found.push({ pid: Number(name), comm: s.comm, cpuTicks: s.cpuTicks });
  }
  return found;
}

/** Polls `check` every 25 ms until it returns true or `ms` have passed; returns its last answer. */
export async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The executable's path when it is on PATH (or given as a path) and executable. */
export async function findExecutable(name: string): Promise<string | undefined> {
  const dirs = name.includes('/') ? [''] : (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(path.delimiter);
  for (const dir of dirs) {
    const candidate = dir === '' ? name : path.join(dir, name);
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return undefined;
}

// ---- ledger ----

/**
 * Runs the inverses of this run's pending entry `id` in order, then marks it reverted. An entry that is no longer
 * pending (reverted already, e.g. by revertAll) is left alone. Throws when an inverse fails; the entry stays pending.
 */
export async function revertViaLedger(ledger: Ledger, id: string): Promise<{ revertedAt: number }> {
  const entry = (await ledger.pending()).find((e) => e.id === id && e.runId === ledger.runId);
  if (entry !== undefined) {
    for (const inv of entry.inverse) await runInverse(inv, DEFAULT_INVERSE_TIMEOUT_MS, { ledgerDir: ledger.dir });
    await ledger.markReverted(id);
  }
  return { revertedAt: Date.now() };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // gone
  }
}

/** The start time recorded for a process that had ended before it could be stopped. */
const EXITED_AT_ONCE = 'exited-at-once';

/**
 * Starts `argv` (no shell) detached, as the leader of its own process group, and stops the group at once; records
 * a kill-tree inverse (pid + start time) in the ledger and only then lets it run (SIGCONT). The process cannot be
 * recorded before it exists: between spawn and the ledger's fsync it is held stopped, so a crash in that window
 * leaves a stopped process that has done (almost) nothing. Throws when it cannot be started or recorded (and then
 * kills it).
 */
export async function startRecorded(
  ctx: FaultContext,
  id: string,
  description: string,
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string>; /** an open file descriptor for stdout and stderr */ outputFd?: number } = {},
): Promise<{ pid: number; startTime: string }> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error(`${id}: empty command`);
  ctx.signal.throwIfAborted();
  const stdio: ('ignore' | number)[] = opts.outputFd === undefined ? ['ignore', 'ignore', 'ignore'] : ['ignore', opts.outputFd, opts.outputFd];
  const child = spawn(file, args, { detached: true, stdio, cwd: opts.cwd, env: childEnvironment({ ...process.env, ...opts.env }) });
  const pid = child.pid;
  if (pid !== undefined) signalGroup(pid, 'SIGSTOP');
  const started = await new Promise<{ error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('spawn', () => resolve({}));
  });
  child.unref();
  if (pid === undefined || started.error !== undefined) {
    const code = started.error?.code;
    throw new Error(code === 'ENOENT' ? `${id}: command not found: ${file}` : `${id}: could not start ${file}: ${started.error?.message ?? 'no pid'}`);
  }
  // Gone already: a short command (a workload that writes its history at once) can end before the stop reaches it on
  // a busy machine. It ran; nothing of it is left to undo, and a start time no process has keeps the inverse a no-op.
  const startTime = (await processStartTime(pid)) ?? EXITED_AT_ONCE;
  try {
    await ctx.ledger.record({ id, description, inverse: [{ kind: 'kill-tree', pid, startTime }] });
  } catch (e) {
    signalGroup(pid, 'SIGKILL');
    throw e;
  }
  signalGroup(pid, 'SIGCONT');
  return { pid, startTime };
}
