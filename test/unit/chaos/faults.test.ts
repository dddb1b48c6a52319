import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import { CLOCK_FAULTS } from '../../../src/gates/chaos-run/faults/clock-skew.js';
import { PROCESS_FAULTS } from '../../../src/gates/chaos-run/faults/process.js';
import { STRESS_FAULTS } from '../../../src/gates/chaos-run/faults/stress.js';
import { type Fault, type FaultContext, groupMembers } from '../../../src/gates/chaos-run/faults/types.js';
import { Ledger, processStartTime } from '../../../src/gates/chaos-run/ledger.js';

const linux = process.platform === 'linux';
const has = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const noStress = !linux ? 'needs /proc' : has('stress-ng') ? false : 'stress-ng is not installed';
const noFaketime = !linux ? 'needs /proc' : has('faketime') ? false : 'faketime is not installed';

const temps: string[] = [];
const pids = new Set<number>();
/** Process groups started detached by a fault (killed whole, should a test fail before its revert). */
const groups = new Set<number>();
after(() => {
  for (const pid of [...pids, ...[...groups].map((g) => -g)]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function startSleep(): number {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  assert.ok(child.pid !== undefined);
  pids.add(child.pid);
  return child.pid;
}

async function context(extra: Partial<FaultContext> = {}): Promise<FaultContext> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chaos-faults-'));
  temps.push(dir);
  const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run1');
  return { ledger, workDir: dir, signal: new AbortController().signal, ...extra };
}

function fault(map: ReadonlyMap<string, Fault>, type: string): Fault {
  const f = map.get(type);
  assert.ok(f, type);
  return f;
}

function state(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

function stressPids(): Set<number> {
  const found = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const st = text.slice(text.lastIndexOf(')') + 2).split(' ')[0];
      if (comm.startsWith('stress-ng') && st !== 'Z') found.add(Number(name));
    } catch {
      // gone
    }
  }
  return found;
}

/** Polls /proc until the process is in `want` (or 1 s has passed); signals are delivered asynchronously. */
async function settle(pid: number, want: string): Promise<string | undefined> {
  for (let i = 0; i < 40 && state(pid) !== want; i++) await delay(25);
  return state(pid);
}

const where = { file: 'chaos.yml', line: 7, field: 'faults[0]' };

describe('process faults', { skip: linux ? false : 'needs /proc' }, () => {
  test('process-kill: target gone, nothing pending after revert', async () => {
    const pid = startSleep();
    const ctx = await context({ targetPid: pid });
    const f = fault(PROCESS_FAULTS, 'process-kill');
    const spec = f.validate({ signal: 'SIGKILL' }, where);
    await f.apply('k1', spec, ctx);
    assert.equal((await ctx.ledger.pending()).length, 1, 'recorded');
    const v = await f.verify('k1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.equal(await processStartTime(pid), undefined);
    await f.revert('k1', ctx);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('process-kill with restart: a new pid is alive', async () => {
    const pid = startSleep();
    let restarted: number | undefined;
    const ctx = await context({
      targetPid: pid,
      restartTarget: () => {
        restarted = startSleep();
        return Promise.resolve(restarted);
      },
    });
    const f = fault(PROCESS_FAULTS, 'process-kill');
    const spec = f.validate({ signal: 'SIGTERM', restart: true }, where);
    await f.apply('k2', spec, ctx);
    const v = await f.verify('k2', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.ok(restarted !== undefined && restarted !== pid);
    assert.notEqual(await processStartTime(restarted), undefined);
    assert.equal(await processStartTime(pid), undefined);
    await f.revert('k2', ctx);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('process-kill without a target is a ConfigurationError, nothing recorded', async () => {
    const ctx = await context();
    const f = fault(PROCESS_FAULTS, 'process-kill');
    await assert.rejects(f.apply('k3', f.validate({}, where), ctx), ConfigurationError);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('process-pause: state T, revert resumes', async () => {
    const pid = startSleep();
    const ctx = await context({ targetPid: pid });
    const f = fault(PROCESS_FAULTS, 'process-pause');
    const spec = f.validate({ duration: '10s' }, where);
    await f.apply('p1', spec, ctx);
    const [entry] = await ctx.ledger.pending();
    assert.deepEqual(entry?.inverse, [{ kind: 'signal', pid, signal: 'SIGCONT', startTime: await processStartTime(pid) }]);
    const v = await f.verify('p1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.equal(state(pid), 'T');
    await f.revert('p1', ctx);
    assert.equal(await settle(pid, 'S'), 'S');
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('process-pause: ledger.revertAll resumes a pause that was never reverted', async () => {
    const pid = startSleep();
    const ctx = await context({ targetPid: pid });
    const f = fault(PROCESS_FAULTS, 'process-pause');
    await f.apply('p2', f.validate({ duration: 30 }, where), ctx);
    assert.equal(await settle(pid, 'T'), 'T');
    const r = await ctx.ledger.revertAll();
    assert.deepEqual(r, { reverted: ['p2'], failed: [] });
    assert.equal(await settle(pid, 'S'), 'S');
    // revert afterwards finds nothing pending and does nothing
    await f.revert('p2', ctx);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });
});

describe('stress faults', () => {
  test('cpu-stress 2 s: processes seen, their CPU time measured, revert kills them all', { skip: noStress }, async () => {
    const before = stressPids();
    const ctx = await context();
    const f = fault(STRESS_FAULTS, 'cpu-stress');
    assert.equal(await f.unsupported(), undefined);
    const spec = f.validate({ workers: 2, duration: '2s' }, where);
    await f.apply('c1', spec, ctx);
    const [entry] = await ctx.ledger.pending();
    const inv = entry?.inverse[0];
    assert.ok(inv?.kind === 'kill-tree');
    groups.add(inv.pid);
    const v = await f.verify('c1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /3 stress-ng process\(es\)/, 'the parent and both workers');
    assert.match(v.evidence, /stress-ng used \d+% of the host's CPU/);
    assert.ok([...stressPids()].some((p) => !before.has(p)), 'stress-ng processes visible in /proc');
    const t0 = Date.now();
    await f.revert('c1', ctx);
    assert.ok(Date.now() - t0 < 2000, `revert took ${Date.now() - t0} ms`);
    const left = [...stressPids()].filter((p) => !before.has(p));
    assert.deepEqual(left, [], 'no stress-ng process left');
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('unsupported() names the package when stress-ng is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const why = await fault(STRESS_FAULTS, 'memory-stress').unsupported();
      assert.equal(why, linux ? 'stress-ng is not installed (apt-get install stress-ng)' : 'needs Linux (/proc)');
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('clock-skew', () => {
  test('+1h: date under it is ~3600 s ahead; revert kills the process', { skip: noFaketime }, async () => {
    const ctx = await context();
    const f = fault(CLOCK_FAULTS, 'clock-skew');
    assert.equal(await f.unsupported(), undefined);
    const spec = f.validate({ offset: '+1h', command: ['sleep', '300'] }, where);
    await f.apply('s1', spec, ctx);
    const [entry] = await ctx.ledger.pending();
    const inv = entry?.inverse[0];
    assert.ok(inv?.kind === 'kill-tree');
    groups.add(inv.pid);
    const v = await f.verify('s1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    const diff = Number(/: (-?[\d.]+) s from the real clock/.exec(v.evidence)?.[1]);
    assert.ok(Math.abs(diff - 3600) <= 2, v.evidence);
    // the started command (the faketime wrapper's child, in the same group) carries the skew
    const members = await groupMembers(inv.pid);
    const skewed = members.filter((m) => readFileSync(`/proc/${m.pid}/environ`, 'latin1').split('\0').includes('FAKETIME=+3600'));
    assert.deepEqual(
      skewed.map((m) => m.comm),
      ['sleep'],
    );
    await f.revert('s1', ctx);
    assert.equal(await processStartTime(inv.pid), undefined);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });
});

describe('validate and plan', () => {
  const cases: [ReadonlyMap<string, Fault>, string, Record<string, unknown>, string][] = [
    [PROCESS_FAULTS, 'process-kill', { signal: 'SIGWHAT' }, 'signal'],
    [PROCESS_FAULTS, 'process-kill', { restart: 'yes' }, 'restart'],
    [PROCESS_FAULTS, 'process-pause', { duration: '10 parsecs' }, 'duration'],
    [STRESS_FAULTS, 'cpu-stress', { workers: 0, duration: '2s' }, 'workers'],
    [STRESS_FAULTS, 'cpu-stress', { workers: 1, duration: '2s', load: 150 }, 'load'],
    [STRESS_FAULTS, 'memory-stress', { workers: 1, duration: '2s', bytes: 'lots' }, 'bytes'],
    [STRESS_FAULTS, 'io-stress', { workers: 1 }, 'duration'],
    [CLOCK_FAULTS, 'clock-skew', { offset: '1h', command: ['x'] }, 'offset'],
    [CLOCK_FAULTS, 'clock-skew', { offset: '+1h', command: 'x --y' }, 'command'],
  ];
  for (const [map, type, spec, key] of cases) {
    test(`${type}: bad ${key} names file:line:field`, () => {
      assert.throws(
        () => fault(map, type).validate(spec, where),
        (e: unknown) => {
          assert.ok(e instanceof ConfigurationError);
          assert.equal(e.field, `faults[0].${key}`);
          assert.deepEqual(e.location, { file: 'chaos.yml', line: 7 });
          assert.ok(e.message.startsWith(`chaos.yml:7: faults[0].${key}: `), e.message);
          return true;
        },
      );
    });
  }

  test('plan() shows the exact argv', () => {
    const cpu = fault(STRESS_FAULTS, 'cpu-stress');
    assert.deepEqual(cpu.plan('c', cpu.validate({ workers: 2, load: 80, duration: '1500ms' }, where)).actions, [
      'stress-ng --cpu 2 --cpu-load 80 --timeout 2s --quiet',
    ]);
    const mem = fault(STRESS_FAULTS, 'memory-stress');
    assert.deepEqual(mem.plan('m', mem.validate({ workers: 1, bytes: '256M', duration: '1m' }, where)).actions, [
      'stress-ng --vm 1 --vm-bytes 256M --timeout 60s --quiet',
    ]);
    const io = fault(STRESS_FAULTS, 'io-stress');
    assert.deepEqual(io.plan('i', io.validate({ workers: 3, duration: '5s' }, where)).actions, ['stress-ng --io 3 --timeout 5s --quiet']);
    const skew = fault(CLOCK_FAULTS, 'clock-skew');
    const plan = skew.plan('s', skew.validate({ offset: '-30s', command: ['./server', '--port', '8080'] }, where));
    assert.deepEqual(plan.actions, ['faketime -f -30 ./server --port 8080']);
    const pause = fault(PROCESS_FAULTS, 'process-pause');
    assert.deepEqual(pause.plan('p', pause.validate({ duration: '5s' }, where)).inverse, ['kill -CONT <target pid>']);
  });
});
