import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { type Inverse, Ledger, processStartTime, runInverse } from '../../../src/gates/chaos-run/ledger.js';
import { startWatchdog } from '../../../src/gates/chaos-run/watchdog.js';

const linuxOnly = { skip: process.platform !== 'linux' ? 'needs /proc' : false };
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ledgerModule = pathToFileURL(path.join(repo, 'src/gates/chaos-run/ledger.ts')).href;
const watchdogModule = pathToFileURL(path.join(repo, 'src/gates/chaos-run/watchdog.ts')).href;
const watchdogScript = path.join(repo, 'scripts/chaos-watchdog.mjs');

const temps: string[] = [];
const pids = new Set<number>();

after(() => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipgate-chaos-ledger-'));
  temps.push(dir);
  return dir;
}

/** A pid counts as gone once it no longer exists or is a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitFor(what: string, cond: () => boolean, ms: number): Promise<number> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await delay(25);
  }
  return performance.now() - start;
}

async function startSleep(): Promise<{ pid: number; startTime: string; child: ChildProcess }> {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const pid = child.pid;
  assert.ok(pid !== undefined);
  pids.add(pid);
  const startTime = await processStartTime(pid);
  assert.ok(startTime !== undefined);
  return { pid, startTime, child };
}

/** argv that appends `id` to `log`, so tests can see which inverses ran and in which order. */
function appendArgv(log: string, id: string): string[] {
  return [process.execPath, '-e', 'require("fs").appendFileSync(process.argv[1], process.argv[2] + "\\n")', log, id];
}

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : [];
}

/** Starts a node process running `source` (TypeScript, via tsx); resolves with it and its first stdout line. */
async function startChild(dir: string, source: string, args: string[]): Promise<{ child: ChildProcess; ready: Record<string, number> }> {
  const file = path.join(dir, 'child.mts');
  writeFileSync(file, source);
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.ok(child.pid !== undefined);
  pids.add(child.pid);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const ready = await new Promise<Record<string, number>>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Record<string, number>);
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${err}`)));
  });
  for (const pid of Object.values(ready)) pids.add(pid);
  return { child, ready };
}

void describe('Ledger', linuxOnly, () => {
  void test('record → pending → revertAll runs argv and kill-tree inverses, newest first, and marks them', async () => {
    const dir = tempDir();
    const marker = path.join(dir, 'marker');
    writeFileSync(marker, 'x');
    const sleep = await startSleep();
    const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run-1');
    await ledger.record({ id: 'marker', description: 'a marker file', inverse: [{ kind: 'argv', argv: ['rm', marker] }] });
    await ledger.record({ id: 'sleep', description: 'a sleep process', inverse: [{ kind: 'kill-tree', pid: sleep.pid, startTime: sleep.startTime }] });

    assert.deepEqual(
      (await ledger.pending()).map((e) => [e.id, e.runId]),
      [
        ['sleep', 'run-1'],
        ['marker', 'run-1'],
      ],
    );
    const r = await ledger.revertAll();
    assert.deepEqual(r, { reverted: ['sleep', 'marker'], failed: [] });
    assert.equal(existsSync(marker), false);
    await waitFor('the sleep to be reaped', () => !alive(sleep.pid), 2000);
    assert.deepEqual(await ledger.pending(), []);
    assert.deepEqual(ledger.warnings, []);
  });

  void test('an entry whose inverse fails stays pending and is reported; the others are reverted', async () => {
    const dir = tempDir();
    const log = path.join(dir, 'log');
    const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run-1');
    await ledger.record({ id: 'ok', description: '', inverse: [{ kind: 'argv', argv: appendArgv(log, 'ok') }] });
    await ledger.record({
      id: 'bad',
      description: '',
      inverse: [
        { kind: 'argv', argv: ['false'] },
        { kind: 'argv', argv: appendArgv(log, 'after-bad') },
      ],
    });
    const r = await ledger.revertAll();
    assert.deepEqual(r.reverted, ['ok']);
    assert.equal(r.failed.length, 1);
    assert.equal(r.failed[0]?.id, 'bad');
    assert.match(r.failed[0]?.error ?? '', /false.*exit code 1/);
    assert.deepEqual(lines(log), ['ok'], 'the inverses after a failed one in the same entry do not run');
    assert.deepEqual(
      (await ledger.pending()).map((e) => e.id),
      ['bad'],
    );
  });

  void test('a hanging inverse is cut off, the rest still run, all within the deadline', async () => {
    const dir = tempDir();
    const log = path.join(dir, 'log');
    const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run-1');
    await ledger.record({ id: 'first', description: '', inverse: [{ kind: 'argv', argv: appendArgv(log, 'first') }] });
    await ledger.record({ id: 'second', description: '', inverse: [{ kind: 'argv', argv: appendArgv(log, 'second') }] });
    await ledger.record({ id: 'hangs', description: '', inverse: [{ kind: 'argv', argv: ['sleep', '30'] }] });
    const deadlineMs = 2500;
    const started = performance.now();
    const r = await ledger.revertAll({ deadlineMs });
    const took = performance.now() - started;
    assert.ok(took < deadlineMs + 1000, `took ${took} ms`);
    assert.deepEqual(r.reverted, ['second', 'first']);
    assert.deepEqual(
      r.failed.map((f) => f.id),
      ['hangs'],
    );
    assert.match(r.failed[0]?.error ?? '', /timed out/);
    assert.deepEqual(lines(log), ['second', 'first']);
  });

  void test('a signal inverse with a start time that no longer matches the pid does not signal', async () => {
    const dir = tempDir();
    const sleep = await startSleep();
    const ledger = await Ledger.open(dir, 'run-1');
    await ledger.record({ id: 'stale', description: '', inverse: [{ kind: 'signal', pid: sleep.pid, signal: 'SIGKILL', startTime: '1' }] });
    await ledger.record({ id: 'stale-tree', description: '', inverse: [{ kind: 'kill-tree', pid: sleep.pid, startTime: '2' }] });
    const r = await ledger.revertAll();
    assert.deepEqual(r, { reverted: ['stale-tree', 'stale'], failed: [] }, 'nothing left to undo counts as reverted');
    await delay(200);
    assert.equal(alive(sleep.pid), true, 'the process with another start time was not signalled');

    await runInverse({ kind: 'signal', pid: sleep.pid, signal: 'SIGKILL', startTime: sleep.startTime }, 1000);
    await waitFor('the sleep to die', () => !alive(sleep.pid), 2000);
  });

  void test('remove-path refuses paths outside the ledger dir', async () => {
    const dir = tempDir();
    const ledgerDir = path.join(dir, 'ledger');
    const outside = path.join(dir, 'outside');
    writeFileSync(outside, 'keep');
    const ledger = await Ledger.open(ledgerDir, 'run-1');
    for (const p of [outside, path.join(ledgerDir, '..', 'outside'), ledgerDir, ledger.file()]) {
      await assert.rejects(ledger.record({ id: 'x', description: '', inverse: [{ kind: 'remove-path', path: p }] }), /refusing/);
      await assert.rejects(runInverse({ kind: 'remove-path', path: p }, 1000, { ledgerDir }), /refusing/);
    }
    await assert.rejects(runInverse({ kind: 'remove-path', path: outside }, 1000), /no ledger dir/);
    // Through a symlinked directory inside the ledger dir.
    const { symlink } = await import('node:fs/promises');
    await symlink(dir, path.join(ledgerDir, 'link'));
    await assert.rejects(runInverse({ kind: 'remove-path', path: path.join(ledgerDir, 'link', 'outside') }, 1000, { ledgerDir }), /refusing/);
    assert.equal(readFileSync(outside, 'utf8'), 'keep');

    const inside = path.join(ledgerDir, 'work', 'a');
    mkdirSync(inside, { recursive: true });
    await runInverse({ kind: 'remove-path', path: path.join(ledgerDir, 'work') }, 1000, { ledgerDir });
    assert.equal(existsSync(path.join(ledgerDir, 'work')), false);
  });

  void test('a corrupt trailing line is ignored with a warning and the next record starts a new line', async () => {
    const dir = tempDir();
    const ledger = await Ledger.open(dir, 'run-1');
    await ledger.record({ id: 'one', description: '', inverse: [{ kind: 'remove-path', path: path.join(dir, 'w1') }] });
    appendFileSync(ledger.file(), '{"v":1,"op":"record","id":"two","descr');
    assert.deepEqual(
      (await ledger.pending()).map((e) => e.id),
      ['one'],
    );
    assert.equal(ledger.warnings.length, 1);
    assert.match(ledger.warnings[0] ?? '', /run-1\.ledger\.jsonl:2: partial last line/);

    await ledger.record({ id: 'three', description: '', inverse: [{ kind: 'remove-path', path: path.join(dir, 'w3') }] });
    assert.deepEqual(
      (await ledger.pending()).map((e) => e.id),
      ['three', 'one'],
    );
    assert.match(ledger.warnings[0] ?? '', /:2: unreadable line/);
  });

  void test('crash safety: an entry recorded by a process that was SIGKILLed is found and reverted by the next run', async () => {
    const dir = tempDir();
    const ledgerDir = path.join(dir, 'ledger');
    const { child, ready } = await startChild(
      dir,
      `import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Ledger, processStartTime } from ${JSON.stringify(ledgerModule)};
const ledger = await Ledger.open(process.argv[2], 'crashed');
const sleep = spawn('sleep', ['300'], { stdio: 'ignore', detached: true });
await once(sleep, 'spawn');
await ledger.record({ id: 'sleep', description: 'sleep 300', inverse: [{ kind: 'kill-tree', pid: sleep.pid, startTime: await processStartTime(sleep.pid) }] });
console.log(JSON.stringify({ sleep: sleep.pid }));
setInterval(() => undefined, 1000);
`,
      [ledgerDir],
    );
    const sleepPid = ready.sleep;
    assert.ok(sleepPid !== undefined);
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.equal(alive(sleepPid), true);

    const next = await Ledger.open(ledgerDir, 'next');
    const pending = await next.pending();
    assert.deepEqual(
      pending.map((e) => [e.id, e.runId]),
      [['sleep', 'crashed']],
    );
    const r = await next.revertAll();
    assert.deepEqual(r, { reverted: ['sleep'], failed: [] });
    await waitFor('the orphaned sleep to die', () => !alive(sleepPid), 2000);
    assert.deepEqual(await next.pending(), []);
    assert.match(readFileSync(next.file('crashed'), 'utf8'), /"op":"reverted","id":"sleep"/);
  });
});

/**
 * The same ledger, reverted by Ledger.revertAll (TypeScript) and by scripts/chaos-watchdog.mjs --revert-now:
 * both must agree on what is pending, the order, what fails, what is refused and what is left.
 */
void describe('ledger.ts and chaos-watchdog.mjs agree', linuxOnly, () => {
  function writeFixture(dir: string, log: string, outside: string): void {
    mkdirSync(path.join(dir, 'work'), { recursive: true });
    writeFileSync(path.join(dir, 'work', 'm1'), 'x');
    const at = (s: number): string => new Date(Date.UTC(2025, 0, 1, 0, 0, s)).toISOString();
    const rec = (id: string, s: number, inverse: Inverse[]): string => JSON.stringify({ v: 1, op: 'record', id, description: id, inverse, at: at(s) });
    writeFileSync(
      path.join(dir, 'run-a.ledger.jsonl'),
      [
        rec('a1', 0, [{ kind: 'argv', argv: appendArgv(log, 'a1') }]),
        rec('a2', 1, [{ kind: 'argv', argv: appendArgv(log, 'a2') }]),
        JSON.stringify({ v: 1, op: 'reverted', id: 'a1', at: at(2) }),
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'run-b.ledger.jsonl'),
      [
        rec('b1', 3, [
          { kind: 'remove-path', path: path.join(dir, 'work', 'm1') },
          { kind: 'argv', argv: appendArgv(log, 'b1') },
        ]),
        rec('b2', 4, [{ kind: 'argv', argv: ['false'] }]),
        rec('b3', 5, [{ kind: 'remove-path', path: outside }]),
        rec('b4', 6, [{ kind: 'argv', argv: appendArgv(log, 'b4') }]),
        '{"v":1,"op":"rec',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'notes.txt'), 'not a ledger');
  }

  interface Outcome {
    reverted: string[];
    failed: string[];
    warnings: number;
    order: string[];
    m1: boolean;
    outside: boolean;
    pendingAfter: string[];
  }

  async function outcome(run: (dir: string) => Promise<{ reverted: string[]; failed: { id: string }[]; warnings: string[] }>): Promise<Outcome> {
    const base = tempDir();
    const dir = path.join(base, 'ledger');
    const log = path.join(base, 'log');
    const outside = path.join(base, 'outside');
    writeFileSync(outside, 'keep');
    writeFixture(dir, log, outside);
    const r = await run(dir);
    const check = await Ledger.open(dir, 'check');
    return {
      reverted: r.reverted,
      failed: r.failed.map((f) => f.id),
      warnings: r.warnings.length,
      order: lines(log),
      m1: existsSync(path.join(dir, 'work', 'm1')),
      outside: existsSync(outside),
      pendingAfter: (await check.pending()).map((e) => e.id),
    };
  }

  void test('same fixture, same result', async () => {
    const ts = await outcome(async (dir) => {
      const ledger = await Ledger.open(dir, 'sweeper');
      const r = await ledger.revertAll();
      return { ...r, warnings: ledger.warnings };
    });
    const js = await outcome(async (dir) => {
      const { stdout } = await promisify(execFile)(process.execPath, [watchdogScript, '--revert-now', '--ledger-dir', dir]).catch(
        (e: { stdout?: string; code?: number }) => {
          assert.equal(e.code, 1, 'exit code 1 when something failed');
          return { stdout: e.stdout ?? '' };
        },
      );
      return JSON.parse(stdout) as { reverted: string[]; failed: { id: string }[]; warnings: string[] };
    });
    const expected: Outcome = {
      reverted: ['b4', 'b1', 'a2'],
      failed: ['b3', 'b2'],
      warnings: 1,
      order: ['b4', 'b1', 'a2'],
      m1: false,
      outside: true,
      pendingAfter: ['b3', 'b2'],
    };
    assert.deepEqual(ts, expected, 'ledger.ts');
    assert.deepEqual(js, expected, 'chaos-watchdog.mjs');
  });
});

void describe('watchdog', linuxOnly, () => {
  const parentSource = `import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ledger, processStartTime } from ${JSON.stringify(ledgerModule)};
import { startWatchdog } from ${JSON.stringify(watchdogModule)};
const dir = process.argv[2];
const ledger = await Ledger.open(dir, 'parent');
const watchdog = await startWatchdog({ ledgerDir: dir, deadline: new Date(Date.now() + Number(process.argv[3])), parentPid: process.pid });
const marker = path.join(dir, 'work', 'marker');
await ledger.record({ id: 'marker', description: 'marker file', inverse: [{ kind: 'remove-path', path: marker }] });
mkdirSync(path.dirname(marker), { recursive: true });
writeFileSync(marker, 'x');
const sleep = spawn('sleep', ['300'], { stdio: 'ignore' });
await once(sleep, 'spawn');
await ledger.record({ id: 'sleep', description: 'sleep 300', inverse: [{ kind: 'kill-tree', pid: sleep.pid, startTime: await processStartTime(sleep.pid) }] });
console.log(JSON.stringify({ sleep: sleep.pid, watchdog: watchdog.pid }));
setInterval(() => undefined, 1000);
`;

  for (const [name, deadlineMs] of [
    ['the deadline passes', 2000],
    ['the parent is gone for the grace period', 60_000],
  ] as const) {
    void test(`reverts everything pending when ${name}, after the parent was SIGKILLed`, async () => {
      const dir = tempDir();
      const ledgerDir = path.join(dir, 'ledger');
      const { child, ready } = await startChild(dir, parentSource, [ledgerDir, String(deadlineMs)]);
      const [sleepPid, watchdogPid] = [ready.sleep, ready.watchdog];
      assert.ok(sleepPid !== undefined && watchdogPid !== undefined);
      const marker = path.join(ledgerDir, 'work', 'marker');
      assert.equal(existsSync(marker), true);
      child.kill('SIGKILL');
      await once(child, 'exit');
      await waitFor('the marker to be removed', () => !existsSync(marker), 4500);
      await waitFor('the sleep to die', () => !alive(sleepPid), 500);
      await waitFor('the watchdog to exit', () => !alive(watchdogPid), 1000);
      const check = await Ledger.open(ledgerDir, 'check');
      assert.deepEqual(await check.pending(), []);
      assert.match(readFileSync(path.join(ledgerDir, 'watchdog.log'), 'utf8'), /reverted \["sleep","marker"\]/);
    });
  }

  void test('reverts at the deadline while the parent lives; cancel() stops it without reverting', async () => {
    const dir = tempDir();
    const ledger = await Ledger.open(dir, 'run-1');
    const marker = path.join(dir, 'marker');
    await ledger.record({ id: 'marker', description: '', inverse: [{ kind: 'remove-path', path: marker }] });

    writeFileSync(marker, 'x');
    const cancelled = await startWatchdog({ ledgerDir: dir, deadline: new Date(Date.now() + 1000), parentPid: process.pid, script: watchdogScript });
    pids.add(cancelled.pid);
    assert.equal(alive(cancelled.pid), true);
    await cancelled.cancel();
    await waitFor('the cancelled watchdog to exit', () => !alive(cancelled.pid), 1500);
    await delay(1500);
    assert.equal(existsSync(marker), true, 'a cancelled watchdog reverts nothing');
    assert.equal((await ledger.pending()).length, 1);

    const watching = await startWatchdog({ ledgerDir: dir, deadline: new Date(Date.now() + 1000), parentPid: process.pid });
    pids.add(watching.pid);
    await waitFor('the marker to be removed at the deadline', () => !existsSync(marker), 3000);
    await waitFor('the watchdog to exit', () => !alive(watching.pid), 2000);
    assert.deepEqual(await ledger.pending(), []);
    await watching.cancel(); // already gone: a no-op
  });
});
