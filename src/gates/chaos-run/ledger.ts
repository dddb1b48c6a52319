/**
 * The fault ledger: every fault chaos-run applies is written here, with the data needed to undo it, BEFORE it is
 * applied. Whatever is still pending gets reverted by the action's post step, by the detached watchdog
 * (scripts/chaos-watchdog.mjs) when its deadline passes or the runner process dies, and by the next run on the same
 * runner (sweep first).
 *
 * ON-DISK FORMAT (shared with scripts/chaos-watchdog.mjs, which reimplements the reading and reverting in plain
 * JavaScript; test/unit/chaos/ledger.test.ts runs both against the same fixtures so they cannot drift):
 *
 *   <dir>/<runId>.ledger.jsonl   one file per run; runId matches /^[A-Za-z0-9._-]+$/
 *   one JSON object per line, appended (O_APPEND) and fsync'd together with the directory:
 *     {"v":1,"op":"record","id":"<id>","description":"<text>","inverse":[<Inverse>...],"at":"<ISO time>"}
 *     {"v":1,"op":"reverted","id":"<id>","at":"<ISO time>"}
 *   An entry is pending when its file holds a "record" line and no "reverted" line for the same id.
 *   Inverse objects are exactly the `Inverse` type below. A line that does not parse (a crash mid-write leaves at
 *   most a partial last line) is skipped with a warning; an append to a file whose last byte is not a newline
 *   starts with one, so a partial line never swallows the next entry.
 *   Revert order: newest first, by "at", ties broken by the later line (and the later file name).
 *   Each inverse runs with its own timeout: its `timeoutMs` (default 5000 ms), cut so that every later inverse still
 *   has 500 ms of the overall deadline (default 9000 ms), never below 100 ms; once the deadline has passed nothing
 *   more is started. An entry counts as reverted only when all its inverses succeeded; otherwise it stays pending.
 *   Inverses of one entry run in their listed order.
 *
 * Other files in <dir> (work files of faults, the watchdog's log) are never read as ledgers.
 */
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { execCommand } from '../../core/exec.js';

export type Inverse =
  | { kind: 'argv'; argv: string[]; timeoutMs?: number }
  | {
      kind: 'signal';
      pid: number;
      signal: 'SIGCONT' | 'SIGKILL' | 'SIGTERM';
      /** /proc/<pid>/stat field 22, to avoid signalling a reused pid. */
      startTime?: string;
    }
  | { kind: 'kill-tree'; pid: number; startTime?: string }
  /** Only under the ledger's own work dir. */
  | { kind: 'remove-path'; path: string };

export interface Entry {
  id: string;
  description: string;
  inverse: Inverse[];
  /** The run whose ledger file holds the entry. */
  runId: string;
  /** ISO time the entry was recorded. */
  at: string;
}

export interface RevertResult {
  reverted: string[];
  failed: { id: string; error: string }[];
}

export const LEDGER_SUFFIX = '.ledger.jsonl';
export const DEFAULT_REVERT_DEADLINE_MS = 9000;
export const DEFAULT_INVERSE_TIMEOUT_MS = 5000;
/** Kept back from an inverse's timeout for each inverse still to run after it. */
const RESERVE_PER_LATER_MS = 500;
const MIN_SLICE_MS = 100;
const ARGV_GRACE_MS = 300;
const POLL_MS = 25;
const RUN_ID = /^[A-Za-z0-9._-]+$/;
const SIGNALS = new Set(['SIGCONT', 'SIGKILL', 'SIGTERM']);

// ---- /proc helpers ----

interface Stat {
  state: string;
  ppid: number;
  pgrp: number;
  start: string;
}

async function readStat(pid: number): Promise<Stat | undefined> {
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgrp, start] = [f[0], f[1], f[2], f[19]];
  if (state === undefined || ppid === undefined || pgrp === undefined || start === undefined) return undefined;
  return { state, ppid: Number(ppid), pgrp: Number(pgrp), start };
}

/** Live (not zombie) process with this pid and, when given, this start time. */
async function liveStat(pid: number, startTime?: string): Promise<Stat | undefined> {
  const s = await readStat(pid);
  if (s === undefined || s.state === 'Z' || s.state === 'X') return undefined;
  if (startTime !== undefined && s.start !== startTime) return undefined;
  return s;
}

/** /proc/<pid>/stat field 22 (start time in clock ticks since boot), or undefined when the process is gone. */
export async function processStartTime(pid: number): Promise<string | undefined> {
  return (await liveStat(pid))?.start;
}

async function scanAll(): Promise<Map<number, Stat>> {
  const table = new Map<number, Stat>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = await readStat(Number(name));
    if (s !== undefined && s.state !== 'Z' && s.state !== 'X') table.set(Number(name), s);
  }
  return table;
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

// ---- inverses ----

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The real path `target` would have, resolving symlinks in its parent directories (not in its last component). */
async function realParentPath(target: string): Promise<string> {
  let dir = path.dirname(target);
  const rest = [path.basename(target)];
  for (;;) {
    try {
      return path.join(await realpath(dir), ...rest);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return target;
      rest.unshift(path.basename(dir));
      dir = up;
    }
  }
}

async function checkRemovable(target: string, ledgerDir: string | undefined): Promise<string> {
  if (ledgerDir === undefined) throw new Error(`remove-path ${target}: no ledger dir given, refusing`);
  const abs = path.resolve(ledgerDir, target);
  const root = await realpath(ledgerDir).catch(() => path.resolve(ledgerDir));
  const real = await realParentPath(abs);
  if (!isInside(root, real) || !isInside(path.resolve(ledgerDir), abs)) {
    throw new Error(`remove-path ${target}: outside the ledger dir ${ledgerDir}, refusing`);
  }
  if (path.dirname(real) === root && real.endsWith(LEDGER_SUFFIX)) {
    throw new Error(`remove-path ${target}: is a ledger file, refusing`);
  }
  return abs;
}

async function killTree(pid: number, startTime: string | undefined, timeoutMs: number): Promise<void> {
  const root = await liveStat(pid, startTime);
  if (root === undefined) return; // gone, or the pid now belongs to another process
  const table = await scanAll();
  const tree = new Map<number, string>([[pid, root.start]]);
  const children = new Map<number, number[]>();
  for (const [p, s] of table) children.set(s.ppid, [...(children.get(s.ppid) ?? []), p]);
  const queue = [pid];
  for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
    for (const c of children.get(p) ?? []) {
      const s = table.get(c);
      if (s === undefined || tree.has(c)) continue;
      tree.set(c, s.start);
      queue.push(c);
    }
  }
  // A group it leads goes too (members that were reparented are still in it).
  if (root.pgrp === pid) {
    for (const [p, s] of table) if (s.pgrp === pid) tree.set(p, s.start);
  }
  // Stop first so none can fork while the others die, then kill.
  for (const p of tree.keys()) sendSignal(p, 'SIGSTOP');
  for (const p of tree.keys()) sendSignal(p, 'SIGKILL');
  const end = performance.now() + timeoutMs;
  for (;;) {
    const alive: number[] = [];
    for (const [p, start] of tree) if ((await liveStat(p, start)) !== undefined) alive.push(p);
    if (alive.length === 0) return;
    if (performance.now() >= end) throw new Error(`kill-tree ${pid}: still alive after ${timeoutMs} ms: ${alive.join(', ')}`);
    await delay(POLL_MS);
  }
}

async function runArgv(argv: string[], timeoutMs: number): Promise<void> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('argv inverse with an empty argv');
  const hard = new AbortController();
  const run = execCommand({ argv: [file, ...args] }, { timeoutMs, graceMs: ARGV_GRACE_MS, stream: false, tailLines: 5 });
  // execCommand waits for leftovers too; never wait past the timeout plus the kill grace.
  const limit = delay(timeoutMs + ARGV_GRACE_MS * 2, 'limit' as const, { signal: hard.signal }).catch(() => 'limit' as const);
  const r = await Promise.race([run, limit]);
  hard.abort();
  if (r === 'limit') throw new Error(`${argv.join(' ')}: timed out after ${timeoutMs} ms`);
  if (r.error !== undefined) throw new Error(r.error);
  if (r.timedOut) throw new Error(`${r.command}: timed out after ${timeoutMs} ms`);
  if (r.failed) {
    const why = r.exitCode !== null ? `exit code ${r.exitCode}` : `signal ${r.signal ?? 'unknown'}`;
    throw new Error(`${r.command}: ${why}${r.tail.length > 0 ? `: ${r.tail.slice(-3).join(' | ')}` : ''}`);
  }
}

/**
 * Runs one inverse; throws when it did not succeed. A signal or kill-tree whose process is gone (or whose pid now
 * belongs to a process with another start time) succeeds without doing anything. remove-path needs `ledgerDir` and
 * refuses anything outside it.
 */
export async function runInverse(inv: Inverse, timeoutMs: number, opts: { ledgerDir?: string } = {}): Promise<void> {
  switch (inv.kind) {
    case 'argv':
      return runArgv(inv.argv, timeoutMs);
    case 'signal': {
      if ((await liveStat(inv.pid, inv.startTime)) === undefined) return;
      sendSignal(inv.pid, inv.signal);
      return;
    }
    case 'kill-tree':
      return killTree(inv.pid, inv.startTime, timeoutMs);
    case 'remove-path': {
      const abs = await checkRemovable(inv.path, opts.ledgerDir);
      await rm(abs, { recursive: true, force: true });
      return;
    }
  }
}

// ---- parsing ----

function isInverse(v: unknown): v is Inverse {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const optStart = o.startTime === undefined || typeof o.startTime === 'string';
  const pidOk = Number.isInteger(o.pid) && (o.pid as number) > 0;
  switch (o.kind) {
    case 'argv':
      return (
        Array.isArray(o.argv) &&
        o.argv.length > 0 &&
        o.argv.every((a) => typeof a === 'string') &&
        (o.timeoutMs === undefined || (typeof o.timeoutMs === 'number' && o.timeoutMs > 0))
      );
    case 'signal':
      return pidOk && typeof o.signal === 'string' && SIGNALS.has(o.signal) && optStart;
    case 'kill-tree':
      return pidOk && optStart;
    case 'remove-path':
      return typeof o.path === 'string' && o.path !== '';
    default:
      return false;
  }
}

interface Parsed {
  entries: (Entry & { line: number })[];
  warnings: string[];
}

function parseLedger(text: string, file: string, runId: string): Parsed {
  const records = new Map<string, Entry & { line: number }>();
  const warnings: string[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
      if (typeof o !== 'object' || o === null || o.v !== 1 || typeof o.id !== 'string') throw new Error('not a ledger line');
    } catch {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      warnings.push(`${where}: ${last ? 'partial last line (a crash mid-write?)' : 'unreadable line'}, ignored`);
      return;
    }
    const id = o.id;
    if (o.op === 'reverted') {
      records.delete(id);
    } else if (o.op === 'record' && typeof o.description === 'string' && Array.isArray(o.inverse) && o.inverse.every(isInverse)) {
      records.set(id, { id, description: o.description, inverse: o.inverse, runId, at: typeof o.at === 'string' ? o.at : '', line: i });
    } else {
      warnings.push(`${where}: malformed ledger entry, ignored`);
    }
  });
  return { entries: [...records.values()], warnings };
}

// ---- appending ----

async function appendDurably(file: string, line: string): Promise<void> {
  const fh = await open(file, fsConstants.O_RDWR | fsConstants.O_APPEND | fsConstants.O_CREAT, 0o600);
  try {
    const { size } = await fh.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await fh.write(`${prefix}${line}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function timeoutFor(inv: Inverse, remainingMs: number, laterCount: number): number {
  const own = inv.kind === 'argv' && inv.timeoutMs !== undefined ? inv.timeoutMs : DEFAULT_INVERSE_TIMEOUT_MS;
  return Math.max(MIN_SLICE_MS, Math.min(own, remainingMs - laterCount * RESERVE_PER_LATER_MS));
}

export class Ledger {
  private lastWarnings: string[] = [];

  private constructor(
    readonly dir: string,
    readonly runId: string,
  ) {}

  /** Opens (creating) `dir` and this run's ledger file in it. */
  static async open(dir: string, runId: string): Promise<Ledger> {
    if (!RUN_ID.test(runId)) {
      throw new ConfigurationError(`chaos-run: run id "${runId}" may only contain letters, digits, ".", "_" and "-"`, { field: 'runId' });
    }
    const abs = path.resolve(dir);
    await mkdir(abs, { recursive: true, mode: 0o700 });
    const ledger = new Ledger(abs, runId);
    const fh = await open(ledger.file(runId), fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT, 0o600);
    await fh.sync();
    await fh.close();
    await syncDir(abs);
    return ledger;
  }

  /** This run's ledger file, or another run's. */
  file(runId: string = this.runId): string {
    return path.join(this.dir, `${runId}${LEDGER_SUFFIX}`);
  }

  /** Problems met by the last `pending()` (or `revertAll()`): unreadable lines, skipped with their file and line. */
  get warnings(): string[] {
    return [...this.lastWarnings];
  }

  /** Appends the entry and fsyncs the file and its directory; apply the fault only after this returns. */
  async record(entry: { id: string; description: string; inverse: Inverse[] }): Promise<void> {
    if (entry.id === '') throw new Error('ledger entry without an id');
    for (const inv of entry.inverse) {
      if (!isInverse(inv)) throw new Error(`ledger entry ${entry.id}: invalid inverse ${JSON.stringify(inv)}`);
      if (inv.kind === 'remove-path') await checkRemovable(inv.path, this.dir);
    }
    const line = { v: 1, op: 'record', id: entry.id, description: entry.description, inverse: entry.inverse, at: new Date().toISOString() };
    await appendDurably(this.file(), JSON.stringify(line));
  }

  async markReverted(id: string, runId: string = this.runId): Promise<void> {
    await appendDurably(this.file(runId), JSON.stringify({ v: 1, op: 'reverted', id, at: new Date().toISOString() }));
  }

  /** Recorded and not reverted, across every run's ledger file in `dir`, newest first. */
  async pending(): Promise<Entry[]> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(LEDGER_SUFFIX) && RUN_ID.test(n.slice(0, -LEDGER_SUFFIX.length))).sort();
    const all: (Entry & { line: number; fileIndex: number })[] = [];
    const warnings: string[] = [];
    for (const [fileIndex, name] of names.entries()) {
      let text: string;
      try {
        text = await readFile(path.join(this.dir, name), 'utf8');
      } catch (e) {
        warnings.push(`${name}: ${errorMessage(e)}`);
        continue;
      }
      const parsed = parseLedger(text, name, name.slice(0, -LEDGER_SUFFIX.length));
      warnings.push(...parsed.warnings);
      for (const e of parsed.entries) all.push({ ...e, fileIndex });
    }
    this.lastWarnings = warnings;
    all.sort((a, b) => {
      const ta = Date.parse(a.at) || 0;
      const tb = Date.parse(b.at) || 0;
      return tb - ta || b.fileIndex - a.fileIndex || b.line - a.line;
    });
    return all.map(({ id, description, inverse, runId, at }) => ({ id, description, inverse, runId, at }));
  }

  /** Deletes the ledger files (this run's included) that hold nothing pending; returns how many. */
  async prune(): Promise<number> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(LEDGER_SUFFIX) && RUN_ID.test(n.slice(0, -LEDGER_SUFFIX.length)));
    let removed = 0;
    for (const name of names) {
      let text: string;
      try {
        text = await readFile(path.join(this.dir, name), 'utf8');
      } catch {
        continue;
      }
      const parsed = parseLedger(text, name, name.slice(0, -LEDGER_SUFFIX.length));
      if (parsed.entries.length === 0 && parsed.warnings.length === 0) {
        await rm(path.join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Reverts every pending entry, newest first, within `deadlineMs`; failed entries stay pending. */
  async revertAll(opts: { deadlineMs?: number } = {}): Promise<RevertResult> {
    const end = performance.now() + (opts.deadlineMs ?? DEFAULT_REVERT_DEADLINE_MS);
    const entries = await this.pending();
    let later = entries.reduce((n, e) => n + e.inverse.length, 0);
    const result: RevertResult = { reverted: [], failed: [] };
    for (const entry of entries) {
      let error: string | undefined;
      for (const inv of entry.inverse) {
        later -= 1;
        if (error !== undefined) continue;
        const remaining = end - performance.now();
        if (remaining <= 0) {
          error = 'revert deadline passed before this entry was reverted';
          continue;
        }
        try {
          await runInverse(inv, timeoutFor(inv, remaining, later), { ledgerDir: this.dir });
        } catch (e) {
          error = errorMessage(e);
        }
      }
      if (error === undefined) {
        try {
          await this.markReverted(entry.id, entry.runId);
          result.reverted.push(entry.id);
        } catch (e) {
          result.failed.push({ id: entry.id, error: `reverted, but could not be marked so: ${errorMessage(e)}` });
        }
      } else {
        result.failed.push({ id: entry.id, error });
      }
    }
    return result;
  }
}
