import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import * as core from '@actions/core';
import { execa } from 'execa';

/** `shell` only where the user wrote a shell command; everything built by code uses `argv`. */
export type Command = { argv: [string, ...string[]] } | { shell: string };

export interface ExecOptions {
  cwd?: string;
  /** Merged over the current environment unless `extendEnv` is false; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  extendEnv?: boolean;
  /** The whole process tree is killed when this elapses (SIGTERM, SIGKILL after `graceMs`). */
  timeoutMs?: number;
  graceMs?: number;
  /** Cancellation: kills the tree the same way as a timeout. */
  signal?: AbortSignal;
  /** Stream output inside a log group with this title. */
  group?: string;
  /** Copy output live to our stdout/stderr (default true). */
  stream?: boolean;
  /** Last lines kept for the report (default 40). */
  tailLines?: number;
  /** Keep the full stdout, e.g. for parsers (default false). */
  capture?: boolean;
  input?: string;
}

export interface ExecResult {
  /** Display form, argv quoted. */
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  tail: string[];
  stdout?: string;
  failed: boolean;
  /** Why the command could not start, in plain words. */
  error?: string;
}

const DEFAULT_GRACE_MS = 2000;
const DEFAULT_TAIL_LINES = 40;
const MAX_LINE_CHARS = 4096;
const FAST_SCAN_MS = 100;
const SLOW_SCAN_MS = 1000;
const FAST_SCAN_PERIOD_MS = 3000;
const RELEASE_MARGIN_MS = 1000;
const TREE_POLL_MS = 25;
const onLinux = process.platform === 'linux';

const SAFE_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;

function quoteArg(arg: string): string {
  if (SAFE_ARG.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function formatCommand(cmd: Command): string {
  return 'shell' in cmd ? cmd.shell : cmd.argv.map(quoteArg).join(' ');
}

let shellPath: string | undefined;
function shellArgv(script: string): [string, ...string[]] {
  shellPath ??= existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
  return [shellPath, '-c', script];
}

// ---- process tree tracking (Linux /proc) ----
// Scans are synchronous: reading /proc this way costs a fraction of what the async API does.

interface ProcInfo {
  ppid: number;
  pgrp: number;
  /** Start time in clock ticks since boot; tells a live process from a later one reusing its pid. */
  start: string;
}

function readProc(pid: string): ProcInfo | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses; the fields after it are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgrp, start] = [fields[0], fields[1], fields[2], fields[19]];
  if (ppid === undefined || pgrp === undefined || start === undefined) return undefined;
  // Zombies are dead already; they linger only until their new parent reaps them.
  if (state === 'Z' || state === 'X') return undefined;
  return { ppid: Number(ppid), pgrp: Number(pgrp), start };
}

/** Live processes by pid; empty where /proc is not available. */
function scanProcesses(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  if (!onLinux) return table;
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(name);
    if (info !== undefined) table.set(Number(name), info);
  }
  return table;
}

/**
 * Every command gets a unique value of this variable. Descendants inherit it, so a process that left the
 * group and whose parent exited before a scan saw it is still recognised.
 */
const TREE_MARKER_VAR = 'SHIPGATE_PROCESS_TREE';
let markerCounter = 0;

function newMarker(): string {
  markerCounter += 1;
  return `${process.pid}-${markerCounter}-${Math.random().toString(36).slice(2, 10)}`;
}

function carriesMarker(pid: number, entry: string): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    return environ.startsWith(entry) || environ.includes(`\0${entry}`);
  } catch {
    return false; // not ours to read, or gone
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A command's process group (pgid = its pid) plus descendants that left the group, e.g. via setsid. */
class ProcessTree {
  /** Descendants seen so far, by pid, with their start times. */
  private readonly known = new Map<number, string>();
  private readonly markerEntry: string;
  private killTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly pid: number,
    marker: string,
  ) {
    this.markerEntry = `${TREE_MARKER_VAR}=${marker}\0`;
  }

  /** Records descendants by following ppid links from the root and from every known live descendant. */
  update(table: Map<number, ProcInfo>): void {
    for (const [pid, start] of this.known) {
      if (table.get(pid)?.start !== start) this.known.delete(pid);
    }
    const children = new Map<number, number[]>();
    for (const [pid, info] of table) {
      const list = children.get(info.ppid);
      if (list === undefined) children.set(info.ppid, [pid]);
      else list.push(pid);
    }
    const queue = [this.pid, ...this.known.keys()];
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      for (const child of children.get(pid) ?? []) {
        const info = table.get(child);
        if (info === undefined || this.known.has(child)) continue;
        this.known.set(child, info.start);
        queue.push(child);
      }
    }
  }

  private live(table: Map<number, ProcInfo>): number[] {
    const pids: number[] = [];
    for (const [pid, info] of table) {
      if (info.pgrp === this.pid || this.known.get(pid) === info.start) pids.push(pid);
    }
    return pids;
  }

  isAlive(): boolean {
    if (!onLinux) return signalGroup(this.pid, 0);
    const table = scanProcesses();
    this.update(table);
    return this.live(table).length > 0;
  }

  /** Sends `signal` to the whole tree; unless it is SIGKILL, follows up with SIGKILL after `graceMs`. */
  kill(signal: NodeJS.Signals, graceMs: number): void {
    if (signal !== 'SIGKILL' && this.killTimer === undefined) {
      this.killTimer = setTimeout(() => this.kill('SIGKILL', 0), graceMs);
      this.killTimer.unref();
    }
    signalGroup(this.pid, signal);
    if (!onLinux) return;
    const table = scanProcesses();
    this.update(table);
    for (const [pid, info] of table) {
      if (pid === process.pid || info.pgrp === this.pid || this.known.has(pid)) continue;
      if (carriesMarker(pid, this.markerEntry)) this.known.set(pid, info.start);
    }
    for (const pid of this.live(table)) signalPid(pid, signal);
  }

  /** Last resort when our own process exits: no scan, no timers. */
  killNow(): void {
    signalGroup(this.pid, 'SIGKILL');
    for (const pid of this.known.keys()) signalPid(pid, 'SIGKILL');
  }

  dispose(): void {
    clearTimeout(this.killTimer);
  }
}

// ---- registry of running commands ----

interface Running {
  tree: ProcessTree;
  startedAt: number;
  /** Marks the run as cancelled and kills its tree. */
  cancel(signal: NodeJS.Signals): void;
  /** Settles when `execCommand` has returned for this run. */
  finished: Promise<void>;
}

const running = new Set<Running>();
let scanTimer: NodeJS.Timeout | undefined;
let exitHookInstalled = false;

/** Scans often while a command is young (short-lived children escape fast), then back off. */
function scheduleScan(): void {
  if (!onLinux || scanTimer !== undefined || running.size === 0) return;
  const youngest = Math.max(...[...running].map((r) => r.startedAt));
  const interval = performance.now() - youngest < FAST_SCAN_PERIOD_MS ? FAST_SCAN_MS : SLOW_SCAN_MS;
  scanTimer = setTimeout(() => {
    scanTimer = undefined;
    const table = scanProcesses();
    for (const r of running) r.tree.update(table);
    scheduleScan();
  }, interval);
  scanTimer.unref();
}

function register(r: Running): void {
  running.add(r);
  r.tree.update(scanProcesses());
  scheduleScan();
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const entry of running) entry.tree.killNow();
    });
  }
}

function unregister(r: Running): void {
  running.delete(r);
  if (running.size === 0) {
    clearTimeout(scanTimer);
    scanTimer = undefined;
  }
}

export function runningCount(): number {
  return running.size;
}

/** Kills every live process tree started by `execCommand` and waits until those runs have finished. */
export async function killAllRunning(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const entries = [...running];
  for (const r of entries) r.cancel(signal);
  await Promise.all(entries.map((r) => r.finished));
}

// ---- output handling ----

class Tail {
  private readonly lines: string[] = [];
  private readonly partial = new Map<Readable, string>();

  constructor(private readonly max: number) {}

  push(source: Readable, chunk: string): void {
    const parts = ((this.partial.get(source) ?? '') + chunk).split('\n');
    const rest = parts.pop() ?? '';
    for (const line of parts) this.add(line);
    // Keep an unterminated line bounded: anything past the cut is dropped when the line completes.
    this.partial.set(source, rest.length > MAX_LINE_CHARS + 1 ? rest.slice(0, MAX_LINE_CHARS + 1) : rest);
  }

  finish(): string[] {
    for (const rest of this.partial.values()) if (rest !== '') this.add(rest);
    this.partial.clear();
    return [...this.lines];
  }

  private add(raw: string): void {
    if (this.max <= 0) return;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Carriage returns redraw a line (progress bars); keep what a terminal would finally show.
    const cr = line.lastIndexOf('\r');
    if (cr >= 0) line = line.slice(cr + 1);
    if (line.length > MAX_LINE_CHARS) line = `${line.slice(0, MAX_LINE_CHARS)}…`;
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
}

class LiveOutput {
  private readonly endsOpen = new Set<NodeJS.WriteStream>();

  constructor(private readonly group: string | undefined) {}

  begin(display: string): void {
    if (this.group === undefined) return;
    if (process.env.GITHUB_ACTIONS === 'true') core.startGroup(this.group);
    else process.stdout.write(`── ${this.group} ──\n`);
    process.stdout.write(`$ ${display}\n`);
  }

  write(target: NodeJS.WriteStream, chunk: string): void {
    target.write(chunk);
    if (chunk.endsWith('\n')) this.endsOpen.delete(target);
    else this.endsOpen.add(target);
  }

  end(): void {
    // A group marker must start on its own line.
    for (const target of this.endsOpen) target.write('\n');
    this.endsOpen.clear();
    if (this.group !== undefined && process.env.GITHUB_ACTIONS === 'true') core.endGroup();
  }
}

function startError(code: string | undefined, name: string, fallback: string): string {
  switch (code) {
    case 'ENOENT':
      return `command not found: ${name}`;
    case 'EACCES':
      return `permission denied: ${name} (is it executable?)`;
    default:
      return `could not start ${name}: ${fallback}`;
  }
}

function notStarted(display: string, error: string | undefined, cancelled: boolean): ExecResult {
  return {
    command: display,
    exitCode: null,
    signal: null,
    timedOut: false,
    cancelled,
    durationMs: 0,
    tail: [],
    failed: true,
    ...(error === undefined ? {} : { error }),
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Variables a step's own processes must not inherit: the action's inputs (the GitHub token among them), saved
 * state, and the runner's credentials for the results service, the cache and OIDC. A plain `run:` step never sees
 * these; a suite or probe that a pull request can change must not either.
 */
const WITHHELD = [/^INPUT_/i, /^STATE_/, /^ACTIONS_RUNTIME_/, /^ACTIONS_RESULTS_URL$/, /^ACTIONS_CACHE_URL$/, /^ACTIONS_ID_TOKEN_REQUEST_/];

export function childEnvironment(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !WITHHELD.some((re) => re.test(k))));
}

/**
 * Runs a command in its own process group and waits until it and everything it started are gone.
 * Processes it leaves behind when it exits are terminated too. Never throws for a failing command.
 */
export async function execCommand(cmd: Command, opts: ExecOptions = {}): Promise<ExecResult> {
  const display = formatCommand(cmd);
  if (opts.signal?.aborted === true) return notStarted(display, undefined, true);
  if (opts.cwd !== undefined && !isDirectory(opts.cwd)) {
    return notStarted(display, `working directory not found: ${opts.cwd}`, false);
  }

  const [file, ...args] = 'shell' in cmd ? shellArgv(cmd.shell) : cmd.argv;
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
  const stream = opts.stream ?? true;
  const tail = new Tail(opts.tailLines ?? DEFAULT_TAIL_LINES);
  const captured: string[] = [];
  const live = new LiveOutput(stream ? opts.group : undefined);
  const started = performance.now();
  const marker = newMarker();

  live.begin(display);
  const subprocess = execa(file, args, {
    cwd: opts.cwd,
    env: { ...((opts.extendEnv ?? true) ? childEnvironment(process.env) : {}), ...opts.env, [TREE_MARKER_VAR]: marker },
    extendEnv: false,
    detached: true,
    reject: false,
    buffer: false,
    stripFinalNewline: false,
    ...(opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input }),
  });

  const watch = (source: Readable | null, target: NodeJS.WriteStream, keep: boolean): void => {
    if (source === null) return;
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      tail.push(source, chunk);
      if (keep) captured.push(chunk);
      if (stream) live.write(target, chunk);
    });
  };
  watch(subprocess.stdout, process.stdout, opts.capture === true);
  watch(subprocess.stderr, process.stderr, false);

  const pid = subprocess.pid;
  let timedOut = false;
  let cancelled = false;
  let result: Awaited<typeof subprocess>;
  if (pid === undefined) {
    result = await subprocess;
  } else {
    const tree = new ProcessTree(pid, marker);
    let markFinished = (): void => undefined;
    // Once the command itself has exited, a late timeout or cancellation still cleans up its leftovers
    // but no longer changes its result.
    let exited = false;
    const entry: Running = {
      tree,
      startedAt: started,
      cancel: (signal) => {
        if (!exited) cancelled = true;
        tree.kill(signal, graceMs);
      },
      finished: new Promise<void>((resolve) => (markFinished = resolve)),
    };
    register(entry);
    const timeout =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (!exited) timedOut = true;
            tree.kill('SIGTERM', graceMs);
          }, opts.timeoutMs);
    const onAbort = (): void => entry.cancel('SIGTERM');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // Leftovers of an exited command would hold the output pipes open and outlive the step. If one
    // escaped unseen, stop reading after the grace period instead of waiting for it forever.
    let release: NodeJS.Timeout | undefined;
    subprocess.once('exit', () => {
      exited = true;
      tree.kill('SIGTERM', graceMs);
      release = setTimeout(() => {
        subprocess.stdout?.destroy();
        subprocess.stderr?.destroy();
      }, graceMs + RELEASE_MARGIN_MS);
    });
    try {
      result = await subprocess;
      await waitForTree(tree, graceMs + RELEASE_MARGIN_MS);
    } finally {
      clearTimeout(timeout);
      clearTimeout(release);
      opts.signal?.removeEventListener('abort', onAbort);
      tree.dispose();
      unregister(entry);
      markFinished();
    }
  }
  live.end();

  const spawnFailed = result.exitCode === undefined && result.signal === undefined;
  const error = spawnFailed ? startError(result.code, file, result.originalMessage ?? 'unknown error') : undefined;
  const exitCode = result.exitCode ?? null;
  return {
    command: display,
    exitCode,
    signal: result.signal ?? null,
    timedOut,
    cancelled,
    durationMs: Math.round(performance.now() - started),
    tail: tail.finish(),
    ...(opts.capture === true ? { stdout: captured.join('') } : {}),
    failed: exitCode !== 0 || timedOut || cancelled,
    ...(error === undefined ? {} : { error }),
  };
}

/** Waits until the whole tree is gone; bounded, as the SIGKILL follow-up cannot end an unkillable process. */
async function waitForTree(tree: ProcessTree, graceMs: number): Promise<void> {
  const deadline = performance.now() + graceMs;
  while (tree.isAlive() && performance.now() < deadline) await delay(TREE_POLL_MS);
}
