#!/usr/bin/env node
// chaos-run watchdog: reverts the faults left in the chaos ledger when nobody else does.
// Plain JavaScript with node: imports only, so it runs without TypeScript or the bundle.
//
//   watch:  node chaos-watchdog.mjs --ledger-dir DIR --deadline ISO --parent-pid PID [--parent-start TICKS]
//                                   [--grace-ms 2000] [--revert-deadline-ms 9000]
//           Sleeps until the deadline, or until the parent dies and --grace-ms passes with the ledger still
//           pending; then reverts everything pending and exits. SIGTERM ends it without reverting (normal end).
//           Writes what it did to DIR/watchdog.log.
//   once:   node chaos-watchdog.mjs --revert-now --ledger-dir DIR [--revert-deadline-ms 9000]
//           Reverts now, prints {"reverted":[...],"failed":[...],"warnings":[...]} as JSON; exit 1 if any failed.
//
// The ledger format and the revert rules are documented in src/gates/chaos-run/ledger.ts; this file
// reimplements them (it must not depend on the TypeScript) and test/unit/chaos/ledger.test.ts runs both
// implementations against the same fixtures.
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { appendFile, open, readdir, readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const LEDGER_SUFFIX = '.ledger.jsonl';
const DEFAULT_REVERT_DEADLINE_MS = 9000;
const DEFAULT_INVERSE_TIMEOUT_MS = 5000;
const RESERVE_PER_LATER_MS = 500;
const MIN_SLICE_MS = 100;
const ARGV_GRACE_MS = 300;
const POLL_MS = 25;
const WATCH_POLL_MS = 200;
const RUN_ID = /^[A-Za-z0-9._-]+$/;
const SIGNALS = new Set(['SIGCONT', 'SIGKILL', 'SIGTERM']);

const message = (e) => (e instanceof Error ? e.message : String(e));

// ---- /proc ----

async function readStat(pid) {
  let text;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  if (f[19] === undefined) return undefined;
  return { state: f[0], ppid: Number(f[1]), pgrp: Number(f[2]), start: f[19] };
}

async function liveStat(pid, startTime) {
  const s = await readStat(pid);
  if (s === undefined || s.state === 'Z' || s.state === 'X') return undefined;
  if (startTime !== undefined && s.start !== startTime) return undefined;
  return s;
}

async function scanAll() {
  const table = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = await liveStat(Number(name));
    if (s !== undefined) table.set(Number(name), s);
  }
  return table;
}

function sendSignal(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
}

// ---- inverses ----

function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

async function realParentPath(target) {
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

async function removePath(target, ledgerDir) {
  const abs = path.resolve(ledgerDir, target);
  const root = await realpath(ledgerDir).catch(() => path.resolve(ledgerDir));
  const real = await realParentPath(abs);
  if (!isInside(root, real) || !isInside(path.resolve(ledgerDir), abs)) {
    throw new Error(`remove-path ${target}: outside the ledger dir ${ledgerDir}, refusing`);
  }
  if (path.dirname(real) === root && real.endsWith(LEDGER_SUFFIX)) throw new Error(`remove-path ${target}: is a ledger file, refusing`);
  await rm(abs, { recursive: true, force: true });
}

async function killTree(pid, startTime, timeoutMs) {
  const root = await liveStat(pid, startTime);
  if (root === undefined) return;
  const table = await scanAll();
  const tree = new Map([[pid, root.start]]);
  const children = new Map();
  for (const [p, s] of table) children.set(s.ppid, [...(children.get(s.ppid) ?? []), p]);
  const queue = [pid];
  for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
    for (const c of children.get(p) ?? []) {
      if (tree.has(c)) continue;
      tree.set(c, table.get(c).start);
      queue.push(c);
    }
  }
  if (root.pgrp === pid) for (const [p, s] of table) if (s.pgrp === pid) tree.set(p, s.start);
  for (const p of tree.keys()) sendSignal(p, 'SIGSTOP');
  for (const p of tree.keys()) sendSignal(p, 'SIGKILL');
  const end = performance.now() + timeoutMs;
  for (;;) {
    const alive = [];
    for (const [p, start] of tree) if ((await liveStat(p, start)) !== undefined) alive.push(p);
    if (alive.length === 0) return;
    if (performance.now() >= end) throw new Error(`kill-tree ${pid}: still alive after ${timeoutMs} ms: ${alive.join(', ')}`);
    await delay(POLL_MS);
  }
}

/** Runs argv (never a shell) in its own process group; the group is killed on timeout and after exit. */
function runArgv(argv, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
    let timedOut = false;
    const killGroup = () => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
      // Do not wait for a process that cannot be killed.
      setTimeout(() => reject(new Error(`${argv.join(' ')}: timed out after ${timeoutMs} ms`)), ARGV_GRACE_MS).unref();
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(e.code === 'ENOENT' ? `command not found: ${argv[0]}` : `could not start ${argv[0]}: ${e.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(); // leftovers
      if (timedOut) reject(new Error(`${argv.join(' ')}: timed out after ${timeoutMs} ms`));
      else if (code === 0) resolve();
      else reject(new Error(`${argv.join(' ')}: ${code !== null ? `exit code ${code}` : `signal ${signal}`}`));
    });
  });
}

async function runInverse(inv, timeoutMs, ledgerDir) {
  switch (inv.kind) {
    case 'argv':
      return runArgv(inv.argv, timeoutMs);
    case 'signal':
      if ((await liveStat(inv.pid, inv.startTime)) !== undefined) sendSignal(inv.pid, inv.signal);
      return;
    case 'kill-tree':
      return killTree(inv.pid, inv.startTime, timeoutMs);
    case 'remove-path':
      return removePath(inv.path, ledgerDir);
    default:
      throw new Error(`unknown inverse kind ${inv.kind}`);
  }
}

// ---- ledger files ----

function isInverse(o) {
  if (typeof o !== 'object' || o === null) return false;
  const optStart = o.startTime === undefined || typeof o.startTime === 'string';
  const pidOk = Number.isInteger(o.pid) && o.pid > 0;
  switch (o.kind) {
    case 'argv':
      return (
        Array.isArray(o.argv) &&
        o.argv.length > 0 &&
        o.argv.every((a) => typeof a === 'string') &&
        (o.timeoutMs === undefined || (typeof o.timeoutMs === 'number' && o.timeoutMs > 0))
      );
    case 'signal':
      return pidOk && SIGNALS.has(o.signal) && optStart;
    case 'kill-tree':
      return pidOk && optStart;
    case 'remove-path':
      return typeof o.path === 'string' && o.path !== '';
    default:
      return false;
  }
}

function parseLedger(text, file, runId, warnings) {
  const records = new Map();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let o;
    try {
      o = JSON.parse(raw);
      if (typeof o !== 'object' || o === null || o.v !== 1 || typeof o.id !== 'string') throw new Error('not a ledger line');
    } catch {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      warnings.push(`${where}: ${last ? 'partial last line (a crash mid-write?)' : 'unreadable line'}, ignored`);
      return;
    }
    if (o.op === 'reverted') records.delete(o.id);
    else if (o.op === 'record' && typeof o.description === 'string' && Array.isArray(o.inverse) && o.inverse.every(isInverse)) {
      records.set(o.id, { id: o.id, description: o.description, inverse: o.inverse, runId, at: typeof o.at === 'string' ? o.at : '', line: i });
    } else warnings.push(`${where}: malformed ledger entry, ignored`);
  });
  return [...records.values()];
}

export async function pending(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(LEDGER_SUFFIX) && RUN_ID.test(n.slice(0, -LEDGER_SUFFIX.length))).sort();
  const warnings = [];
  const all = [];
  for (const [fileIndex, name] of names.entries()) {
    let text;
    try {
      text = await readFile(path.join(dir, name), 'utf8');
    } catch (e) {
      warnings.push(`${name}: ${message(e)}`);
      continue;
    }
    for (const e of parseLedger(text, name, name.slice(0, -LEDGER_SUFFIX.length), warnings)) all.push({ ...e, fileIndex });
  }
  all.sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0) || b.fileIndex - a.fileIndex || b.line - a.line);
  return { entries: all, warnings };
}

async function syncPath(p, flags) {
  const fh = await open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function appendDurably(file, line) {
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
  await syncPath(path.dirname(file), 'r');
}

export async function revertPending(dir, deadlineMs = DEFAULT_REVERT_DEADLINE_MS) {
  const end = performance.now() + deadlineMs;
  const { entries, warnings } = await pending(dir);
  let later = entries.reduce((n, e) => n + e.inverse.length, 0);
  const result = { reverted: [], failed: [], warnings };
  for (const entry of entries) {
    let error;
    for (const inv of entry.inverse) {
      later -= 1;
      if (error !== undefined) continue;
      const remaining = end - performance.now();
      if (remaining <= 0) {
        error = 'revert deadline passed before this entry was reverted';
        continue;
      }
      const own = inv.kind === 'argv' && inv.timeoutMs !== undefined ? inv.timeoutMs : DEFAULT_INVERSE_TIMEOUT_MS;
      const timeoutMs = Math.max(MIN_SLICE_MS, Math.min(own, remaining - later * RESERVE_PER_LATER_MS));
      try {
        await runInverse(inv, timeoutMs, dir);
      } catch (e) {
        error = message(e);
      }
    }
    if (error === undefined) {
      try {
        const line = JSON.stringify({ v: 1, op: 'reverted', id: entry.id, at: new Date().toISOString() });
        await appendDurably(path.join(dir, `${entry.runId}${LEDGER_SUFFIX}`), line);
        result.reverted.push(entry.id);
      } catch (e) {
        result.failed.push({ id: entry.id, error: `reverted, but could not be marked so: ${message(e)}` });
      }
    } else result.failed.push({ id: entry.id, error });
  }
  return result;
}

// ---- watch mode ----

async function parentAlive(pid, start) {
  if ((await liveStat(pid, start)) !== undefined) return true;
  if (process.platform === 'linux') return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function watch(opts) {
  const log = (text) => appendFile(path.join(opts.dir, 'watchdog.log'), `${new Date().toISOString()} [${process.pid}] ${text}\n`).catch(() => undefined);
  const revert = async (why) => {
    const r = await revertPending(opts.dir, opts.revertDeadlineMs);
    await log(`${why}: reverted ${JSON.stringify(r.reverted)}, failed ${JSON.stringify(r.failed)}, warnings ${JSON.stringify(r.warnings)}`);
  };
  process.on('SIGTERM', () => {
    void log('cancelled').finally(() => process.exit(0));
  });
  await log(`watching ${opts.dir} until ${new Date(opts.deadline).toISOString()} or parent ${opts.parentPid} dies`);
  let diedAt;
  for (;;) {
    const now = Date.now();
    if (now >= opts.deadline) return revert('deadline passed');
    if (diedAt === undefined && !(await parentAlive(opts.parentPid, opts.parentStart))) diedAt = now;
    if (diedAt !== undefined && now - diedAt >= opts.graceMs) {
      const { entries } = await pending(opts.dir);
      if (entries.length === 0) return log('parent gone, nothing pending');
      return revert('parent gone');
    }
    await delay(Math.min(WATCH_POLL_MS, Math.max(1, opts.deadline - now)));
  }
}

function intOption(values, name, fallback) {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'ledger-dir': { type: 'string' },
      deadline: { type: 'string' },
      'parent-pid': { type: 'string' },
      'parent-start': { type: 'string' },
      'grace-ms': { type: 'string' },
      'revert-deadline-ms': { type: 'string' },
      'revert-now': { type: 'boolean' },
    },
  });
  const dir = values['ledger-dir'];
  if (dir === undefined) throw new Error('--ledger-dir is required');
  const revertDeadlineMs = intOption(values, 'revert-deadline-ms', DEFAULT_REVERT_DEADLINE_MS);
  if (values['revert-now']) {
    const r = await revertPending(path.resolve(dir), revertDeadlineMs);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return r.failed.length === 0 ? 0 : 1;
  }
  const deadline = Date.parse(values.deadline ?? '');
  if (Number.isNaN(deadline)) throw new Error('--deadline: expected an ISO date');
  const parentPid = intOption(values, 'parent-pid', undefined);
  if (parentPid === undefined || parentPid === 0) throw new Error('--parent-pid is required');
  await watch({
    dir: path.resolve(dir),
    deadline,
    parentPid,
    parentStart: values['parent-start'],
    graceMs: intOption(values, 'grace-ms', 2000),
    revertDeadlineMs,
  });
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`chaos-watchdog: ${message(e)}\n`);
      process.exit(2);
    },
  );
}
