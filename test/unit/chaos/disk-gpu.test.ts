import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../../src/core/errors.js';
import { DISK_FAULTS } from '../../../src/gates/chaos-run/faults/disk.js';
import { GPU_FAULTS, GpuStressFault } from '../../../src/gates/chaos-run/faults/gpu.js';
import type { Fault, FaultContext } from '../../../src/gates/chaos-run/faults/types.js';
import { Ledger } from '../../../src/gates/chaos-run/ledger.js';

const linux = process.platform === 'linux';
const root = process.getuid?.() === 0;
const noTmpfs = !linux ? 'needs Linux' : root ? false : 'needs root to mount a tmpfs';
const STANDIN_DIR = fileURLToPath(new URL('../../fixtures/nvidia-smi-control/', import.meta.url));
const where = { file: 'chaos.yml', line: 7, field: 'faults[0]' };

const temps: string[] = [];
const mounts: string[] = [];
after(() => {
  for (const m of mounts) if (isMounted(m)) spawnSync('umount', [m]);
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

async function context(): Promise<FaultContext> {
  const dir = tempDir('chaos-disk-gpu-');
  const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run1');
  return { ledger, workDir: dir, signal: new AbortController().signal };
}

function fault(map: ReadonlyMap<string, Fault>, type: string): Fault {
  const f = map.get(type);
  assert.ok(f, type);
  return f;
}

function isMounted(dir: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((l) => l.split(' ')[4] === dir);
}

/** Usage as df computes it, in percent. */
function usage(dir: string): number {
  const s = statfsSync(dir);
  const used = s.blocks - s.bfree;
  return (100 * used) / (used + s.bavail);
}

describe('disk-fill', { skip: linux ? false : 'needs Linux' }, () => {
  const f = fault(DISK_FAULTS, 'disk-fill');

  test('bad specs are file:line:field errors', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ path: '/x', percent: 0 }, /^chaos\.yml:7: faults\[0\]\.percent: .*1 to 99/],
      [{ path: '/x', percent: 100 }, /^chaos\.yml:7: faults\[0\]\.percent: /],
      [{ path: '/x', percent: 50, size: 'lots' }, /^chaos\.yml:7: faults\[0\]\.size: .*"64M"/],
      [{ path: '/x', percent: 50, size: '10K' }, /^chaos\.yml:7: faults\[0\]\.size: .*at least 1 MiB/],
      [{ path: '/x', percent: 50, max_bytes: '-3M' }, /^chaos\.yml:7: faults\[0\]\.max_bytes: /],
      [{ percent: 50 }, /^chaos\.yml:7: faults\[0\]\.path: .*required/],
    ];
    for (const [spec, message] of cases) {
      assert.throws(() => f.validate(spec, where), (e: unknown) => e instanceof ConfigurationError && message.test(e.message), JSON.stringify(spec));
    }
    assert.deepEqual(f.validate({ path: '/x', percent: 50, size: '64M', max_bytes: 1024 }, where), { path: '/x', percent: 50, maxBytes: 1024, tmpfsBytes: 64 * 1024 * 1024 });
    assert.equal(f.validate({ path: '/x', percent: 50 }, where).maxBytes, 1024 ** 3, 'max_bytes defaults to 1G');
  });

  test('with size: fills a 32M tmpfs to 90%, revert removes the file and unmounts', { skip: noTmpfs }, async () => {
    const ctx = await context();
    const mnt = path.join(ctx.workDir, 'mnt');
    mkdirSync(mnt);
    mounts.push(mnt);
    const spec = f.validate({ path: mnt, percent: 90, size: '32M' }, where);
    await f.apply('fill1', spec, ctx);
    assert.ok(isMounted(mnt), 'tmpfs mounted');
    assert.equal(statfsSync(mnt).blocks * statfsSync(mnt).bsize, 32 * 1024 * 1024);
    const u = usage(mnt);
    assert.ok(u >= 89 && u <= 92, `usage ${u}%`);
    const file = path.join(mnt, '.shipgate-chaos-fill-fill1');
    assert.ok(existsSync(file));
    const v = await f.verify('fill1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /usage 9\d\.\d% \(target 90%\)/);
    const [entry] = await ctx.ledger.pending();
    assert.deepEqual(entry?.inverse[0], { kind: 'argv', argv: ['rm', '-f', file, path.join(mnt, '.shipgate-chaos-probe-fill1')] });
    assert.equal(entry?.inverse.length, 2, 'rm, then umount');
    await f.revert('fill1', ctx);
    assert.equal(isMounted(mnt), false, 'unmounted');
    assert.equal(existsSync(file), false);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('with size at 99%: a further 1 MiB write fails with ENOSPC', { skip: noTmpfs }, async () => {
    const ctx = await context();
    const mnt = path.join(ctx.workDir, 'mnt');
    mkdirSync(mnt);
    mounts.push(mnt);
    const spec = f.validate({ path: mnt, percent: 99, size: '16M' }, where);
    await f.apply('fill99', spec, ctx);
    const v = await f.verify('fill99', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /a further 1 MiB write failed with ENOSPC/);
    assert.equal(existsSync(path.join(mnt, '.shipgate-chaos-probe-fill99')), false, 'probe removed');
    await f.revert('fill99', ctx);
    assert.equal(isMounted(mnt), false);
  });

  test('without size: the cap applies, evidence says so; revert removes the file', async () => {
    const ctx = await context();
    const dir = path.join(ctx.workDir, 'data');
    mkdirSync(dir);
    const before = usage(dir);
    const spec = f.validate({ path: dir, percent: 99, max_bytes: '8M' }, where);
    await f.apply('cap1', spec, ctx);
    const file = path.join(dir, '.shipgate-chaos-fill-cap1');
    assert.ok(existsSync(file));
    const v = await f.verify('cap1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /8 MiB allocated/);
    assert.match(v.evidence, /capped at max_bytes \(8 MiB\), usage \d+\.\d% \(target 99%\)/);
    assert.match(v.evidence, /a further 1 MiB write (succeeded|failed)/, 'states what the probe measured');
    await f.revert('cap1', ctx);
    assert.equal(existsSync(file), false);
    assert.deepEqual(await ctx.ledger.pending(), []);
    assert.ok(before < 98, `the test needs a filesystem below 98% used (was ${before}%)`);
  });

  test('without fallocate on PATH: written as zero chunks', async () => {
    const ctx = await context();
    const spec = f.validate({ path: ctx.workDir, percent: 99, max_bytes: '4M' }, where);
    const saved = process.env.PATH;
    process.env.PATH = tempDir('chaos-no-fallocate-');
    try {
      await f.apply('zero', spec, ctx);
    } finally {
      process.env.PATH = saved;
    }
    const v = await f.verify('zero', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /4 MiB allocated \(zero writes\)/);
    await f.revert('zero', ctx);
    assert.equal(existsSync(path.join(ctx.workDir, '.shipgate-chaos-fill-zero')), false);
  });

  test('a leftover fill file is refused, nothing recorded', async () => {
    const ctx = await context();
    writeFileSync(path.join(ctx.workDir, '.shipgate-chaos-fill-old'), '');
    const spec = f.validate({ path: ctx.workDir, percent: 99, max_bytes: '1M' }, where);
    await assert.rejects(f.apply('old', spec, ctx), (e: unknown) => e instanceof ConfigurationError && /shipgate chaos-run revert/.test(e.message));
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('size on a directory that is not empty is refused', { skip: noTmpfs }, async () => {
    const ctx = await context();
    writeFileSync(path.join(ctx.workDir, 'keep'), 'x');
    const spec = f.validate({ path: ctx.workDir, percent: 50, size: '8M' }, where);
    await assert.rejects(f.apply('ne', spec, ctx), /must be an empty directory/);
    assert.equal(isMounted(ctx.workDir), false);
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('ledger.revertAll cleans fills never reverted (file and tmpfs)', async () => {
    const ctx = await context();
    const dir = path.join(ctx.workDir, 'data');
    mkdirSync(dir);
    await f.apply('lost1', f.validate({ path: dir, percent: 99, max_bytes: '2M' }, where), ctx);
    const file = path.join(dir, '.shipgate-chaos-fill-lost1');
    assert.ok(existsSync(file));
    let mnt: string | undefined;
    if (noTmpfs === false) {
      mnt = path.join(ctx.workDir, 'mnt');
      mkdirSync(mnt);
      mounts.push(mnt);
      await f.apply('lost2', f.validate({ path: mnt, percent: 50, size: '8M' }, where), ctx);
      assert.ok(isMounted(mnt));
    }
    const r = await ctx.ledger.revertAll();
    assert.deepEqual(r.failed, []);
    assert.equal(existsSync(file), false);
    if (mnt !== undefined) assert.equal(isMounted(mnt), false, 'unmounted');
    assert.deepEqual(await ctx.ledger.pending(), []);
  });
});

describe('gpu faults with a stand-in nvidia-smi', { skip: linux ? false : 'the stand-in is a bash script' }, () => {
  const originalPath = process.env.PATH;
  let stateFile = '';
  let logFile = '';

  before(() => {
    const dir = tempDir('chaos-gpu-');
    stateFile = path.join(dir, 'state');
    logFile = path.join(dir, 'argv.log');
    process.env.NVIDIA_SMI_CONTROL_STATE = stateFile;
    process.env.NVIDIA_SMI_CONTROL_LOG = logFile;
  });
  afterEach(() => {
    process.env.PATH = originalPath;
    delete process.env.NVIDIA_SMI_CONTROL_EVENT_FIELDS;
    rmSync(stateFile, { force: true });
    rmSync(logFile, { force: true });
  });
  after(() => {
    delete process.env.NVIDIA_SMI_CONTROL_STATE;
    delete process.env.NVIDIA_SMI_CONTROL_LOG;
  });

  function useStandIn(): void {
    process.env.PATH = `${STANDIN_DIR}${path.delimiter}${originalPath ?? ''}`;
  }
  function state(): Record<string, string> {
    return Object.fromEntries(
      readFileSync(stateFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  }
  function logged(): string[] {
    return existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n') : [];
  }

  test('unsupported() without nvidia-smi on PATH names it', async () => {
    process.env.PATH = tempDir('chaos-empty-path-');
    for (const type of ['gpu-power-cap', 'gpu-clock-cap', 'gpu-stress']) {
      assert.equal(await fault(GPU_FAULTS, type).unsupported(), 'nvidia-smi not found (no NVIDIA driver on this runner)', type);
    }
  });

  test('unsupported() with the stand-in: caps run as root; gpu-stress names the burners it looked for', { skip: root ? false : 'needs root' }, async () => {
    useStandIn();
    assert.equal(await fault(GPU_FAULTS, 'gpu-power-cap').unsupported(), undefined);
    assert.equal(await fault(GPU_FAULTS, 'gpu-clock-cap').unsupported(), undefined);
    // only the stand-in on PATH: no burner can be found
    process.env.PATH = STANDIN_DIR;
    assert.match((await new GpuStressFault().unsupported()) ?? '', /no GPU burner found \(gpu_burn, gpu-burn, dcgmproftester12, or python3 with torch and CUDA\)/);
  });

  test('gpu-power-cap: apply changes the limit, verify reads it back, revert restores the original', async () => {
    useStandIn();
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-power-cap');
    const spec = f.validate({ watts: 150 }, where);
    await f.apply('pl1', spec, ctx);
    assert.equal(state().power_limit, '150.00');
    const [entry] = await ctx.ledger.pending();
    assert.deepEqual(entry?.inverse, [{ kind: 'argv', argv: [path.join(STANDIN_DIR, 'nvidia-smi'), '-i', '0', '-pl', '300'] }]);
    const v = await f.verify('pl1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /power\.limit reads 150 W .*it was 300 W before \(range 100–400 W\)/);
    await f.revert('pl1', ctx);
    assert.equal(state().power_limit, '300.00');
    assert.deepEqual(await ctx.ledger.pending(), []);
    assert.deepEqual(
      logged().filter((l) => l.includes('-pl')),
      ['-i 0 -pl 150', '-i 0 -pl 300'],
    );
  });

  test('gpu-power-cap: watts out of range is a clear error naming min and max; nothing set or recorded', async () => {
    useStandIn();
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-power-cap');
    await assert.rejects(
      f.apply('pl2', f.validate({ watts: 50 }, where), ctx),
      (e: unknown) => e instanceof ConfigurationError && /watts 50 is outside GPU 0's power limit range: min 100 W, max 400 W/.test(e.message),
    );
    assert.deepEqual(await ctx.ledger.pending(), []);
    assert.equal(
      logged().some((l) => l.includes('-pl')),
      false,
    );
  });

  test('gpu-power-cap: bad specs are file:line:field errors', () => {
    const f = fault(GPU_FAULTS, 'gpu-power-cap');
    assert.throws(() => f.validate({}, where), /^ConfigurationError: chaos\.yml:7: faults\[0\]\.watts: /);
    assert.throws(() => f.validate({ watts: 100, gpu: -1 }, where), /faults\[0\]\.gpu: /);
  });

  test('ledger.revertAll restores a power cap never reverted, with PATH no longer pointing at it', async () => {
    useStandIn();
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-power-cap');
    await f.apply('pl3', f.validate({ watts: 200, gpu: 0 }, where), ctx);
    assert.equal(state().power_limit, '200.00');
    process.env.PATH = originalPath;
    const r = await ctx.ledger.revertAll();
    assert.deepEqual(r, { reverted: ['pl3'], failed: [] });
    assert.equal(state().power_limit, '300.00');
  });

  test('gpu-clock-cap: locks graphics and memory clocks, verify measures, revert calls -rgc and -rmc', async () => {
    useStandIn();
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-clock-cap');
    const spec = f.validate({ sm_mhz: 1200, memory_mhz: 5000 }, where);
    await f.apply('clk1', spec, ctx);
    assert.equal(state().locked_sm, '1200');
    assert.equal(state().locked_mem, '5000');
    const v = await f.verify('clk1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /clocks\.sm 1200 MHz \(cap 1200 MHz.*1980 MHz before\).*clocks_throttle_reasons\.active 0x0+3 \(gpu_idle, applications_clocks_setting\)/);
    assert.match(v.evidence, /idle/);
    await f.revert('clk1', ctx);
    assert.equal(state().locked_sm, '');
    assert.equal(state().locked_mem, '');
    const log = logged();
    assert.ok(log.includes('-i 0 --lock-gpu-clocks=0,1200'), log.join('\n'));
    assert.ok(log.includes('-i 0 --lock-memory-clocks=0,5000'), log.join('\n'));
    assert.deepEqual(
      log.filter((l) => / -r[gm]c$/.test(l)),
      ['-i 0 -rgc', '-i 0 -rmc'],
    );
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('gpu-clock-cap: a driver that only knows clocks_event_reasons still verifies', async () => {
    useStandIn();
    process.env.NVIDIA_SMI_CONTROL_EVENT_FIELDS = '1';
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-clock-cap');
    const spec = f.validate({ sm_mhz: 900 }, where);
    await f.apply('clk2', spec, ctx);
    const v = await f.verify('clk2', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /clocks\.sm 900 MHz.*clocks_event_reasons\.active/);
    const [entry] = await ctx.ledger.pending();
    assert.equal(entry?.inverse.length, 1, 'only -rgc without memory_mhz');
    await f.revert('clk2', ctx);
    assert.equal(state().locked_sm, '');
  });

  test('gpu-clock-cap: bad specs are file:line:field errors', () => {
    const f = fault(GPU_FAULTS, 'gpu-clock-cap');
    assert.throws(() => f.validate({}, where), /faults\[0\]\.sm_mhz: /);
    assert.throws(() => f.validate({ sm_mhz: 1000, memory_mhz: 'fast' }, where), /faults\[0\]\.memory_mhz: /);
  });

  test('gpu-stress: plan and validation', () => {
    const f = fault(GPU_FAULTS, 'gpu-stress');
    const spec = f.validate({ gpu: 1, duration: '30s' }, where);
    assert.deepEqual(spec, { gpu: 1, durationMs: 30_000 });
    const plan = f.plan('gs1', spec);
    assert.match(plan.actions.join('\n'), /CUDA_VISIBLE_DEVICES=1 .*gpu_burn 30 .*dcgmproftester12 --no-dcgm-validation -t 1004 -d 30 .*python3/);
    assert.match(plan.inverse.join('\n'), /kill the burner process tree/);
    assert.throws(() => f.validate({ duration: 'long' }, where), /faults\[0\]\.duration: /);
  });
});

// A real burner needs a real GPU: found with the PATH this test started with.
const realGpu = linux && (await new GpuStressFault().unsupported()) === undefined;

describe('gpu-stress on a real GPU', { skip: realGpu ? false : 'no GPU burner on this machine' }, () => {
  test('the burner drives utilization.gpu to 50% or more, revert stops it', async () => {
    const ctx = await context();
    const f = fault(GPU_FAULTS, 'gpu-stress');
    const spec = f.validate({ gpu: 0, duration: '60s' }, where);
    await f.apply('burn', spec, ctx);
    try {
      const v = await f.verify('burn', spec, ctx);
      assert.equal(v.verified, true, v.evidence);
    } finally {
      await f.revert('burn', ctx);
    }
    assert.deepEqual(await ctx.ledger.pending(), []);
  });
});
