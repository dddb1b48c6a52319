import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { startTelemetry, summarize, toCsv, type TelemetryResult } from '../../../src/core/telemetry/sampler.js';

const standIn = fileURLToPath(new URL('../../fixtures/nvidia-smi/nvidia-smi', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'telemetry-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function standInCountingSpawns(pidFile: string): string {
  const file = path.join(tmp, 'smi');
  writeFileSync(file, `#!/bin/sh\nexport NVIDIA_SMI_STANDIN_PID_FILE='${pidFile}'\nexec '${standIn}' "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

function metric(r: TelemetryResult, name: string) {
  return r.summary.find((m) => m.metric === name);
}

function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

test('summarize: mean, p95 by linear interpolation (as numpy.percentile), max', () => {
  const s = summarize(Array.from({ length: 20 }, (_, i) => i + 1));
  assert.ok(s);
  assert.equal(s.mean, 10.5);
  assert.ok(Math.abs(s.p95 - 19.05) < 1e-9);
  assert.equal(s.max, 20);
  assert.deepEqual(summarize([7]), { mean: 7, p95: 7, max: 7 });
  assert.equal(summarize([]), null);
});

describe('telemetry while a suite runs', () => {
  let result: TelemetryResult;
  const pidFile = path.join(tmp, 'pids');
  const interval = 100;

  test('host and both GPUs sampled, on absolute ticks, one nvidia-smi', async () => {
    const t = startTelemetry({ intervalMs: interval, nvidiaSmi: standInCountingSpawns(pidFile), perCore: true });
    try {
      // Block the event loop across tick 4 so that it fires about 55 ms late; later ticks must realign to the grid.
      await sleep(330);
      spin(125);
      await sleep(700);
    } finally {
      result = await t.stop();
    }
    assert.equal(result.host.available, true, result.host.reason);
    assert.equal(result.gpu.available, true, result.gpu.reason);
    assert.equal(result.intervalMs, interval);
    const start = Date.parse(result.startedAt);
    const slots = result.host.series.map((r) => Math.round((r.time - start) / interval));
    assert.ok(result.host.series.length >= 8 && result.host.series.length <= 12, `${result.host.series.length} host rows`);
    assert.deepEqual(slots, [...new Set(slots)].sort((a, b) => a - b), 'one row per tick');
    const lateAfterBlock = result.host.series
      .filter((r) => r.time - start > 600 && r.time < Date.parse(result.endedAt) - interval)
      .map((r) => Math.abs(r.time - start - Math.round((r.time - start) / interval) * interval))
      .sort((a, b) => a - b);
    assert.ok(lateAfterBlock.length >= 2);
    // A scheduler that counted the interval from the late tick would stay ~55 ms off the grid from then on; an
    // absolute one is back on it at the next tick, give or take timer jitter (which a loaded CI machine adds to
    // some ticks, so the closest tick is what shows the realignment).
    const closest = lateAfterBlock[0] ?? Infinity;
    assert.ok(closest < 20, `ticks after a blocked loop are off the grid by ${lateAfterBlock.join(',')} ms`);

    assert.deepEqual(
      result.gpus.map((g) => g.index),
      [0, 1],
    );
    assert.equal(readFileSync(pidFile, 'utf8').trim().split('\n').length, 1, 'one nvidia-smi process');
  });

  test('summaries become gateable metrics with units', () => {
    for (const [name, unit] of [
      ['cpu.utilization', '%'],
      ['memory.used', 'MiB'],
      ['swap.in', 'pages/s'],
      ['disk.read', 'B/s'],
      ['net.rx', 'B/s'],
      ['gpu0.utilization', '%'],
      ['gpu0.memory.used', 'MiB'],
      ['gpu0.power', 'W'],
      ['gpu0.temperature', '°C'],
      ['gpu0.clocks.sm', 'MHz'],
      ['gpu0.ecc.errors', 'errors'],
      ['gpu1.memory.used', 'MiB'],
    ] as const) {
      assert.equal(metric(result, name)?.unit, unit, name);
    }
    const g0 = result.gpus[0]?.series ?? [];
    const mem = metric(result, 'gpu0.memory.used');
    assert.equal(mem?.max, 1024 + 512 * (g0.length - 1), 'peak GPU memory');
    assert.equal(mem?.samples, g0.length);
    assert.ok(Math.abs((mem?.mean ?? 0) - g0.reduce((s, r) => s + (r.memoryUsedMiB ?? 0), 0) / g0.length) < 1e-9);
    assert.equal(metric(result, 'gpu0.ecc.errors')?.max, 2, 'errors that appeared during the run');
    assert.equal(metric(result, 'gpu1.power'), undefined, '[Not Supported] throughout: no metric');
    assert.equal(metric(result, 'gpu1.ecc.errors'), undefined);
    assert.equal(metric(result, 'gpu1.throttled')?.max, 100);
    const cpu = metric(result, 'cpu.utilization');
    assert.ok(cpu && cpu.max <= 100 && cpu.mean >= 0 && cpu.p95 <= cpu.max);
  });

  test('toCsv: one row per tick, every column on every row', () => {
    const lines = toCsv(result).trimEnd().split('\n');
    const header = (lines[0] ?? '').split(',');
    for (const col of ['time', 'cpu.utilization [%]', 'cpu1.utilization [%]', 'net.tx [B/s]', 'gpu0.memory.used [MiB]', 'gpu1.power [W]', 'gpu1.throttle_reasons'])
      assert.ok(header.includes(col), col);
    const rows = lines.slice(1).map((l) => l.split(','));
    assert.ok(rows.every((r) => r.length === header.length));
    const times = rows.map((r) => Date.parse(r[0] ?? ''));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(new Set(times).size, times.length);
    const memCol = header.indexOf('gpu0.memory.used [MiB]');
    const csvMem = rows.map((r) => r[memCol]).filter((v) => v !== '');
    assert.deepEqual(csvMem, result.gpus[0]?.series.map((r) => String(r.memoryUsedMiB)));
    const cpuCol = header.indexOf('cpu.utilization [%]');
    assert.equal(rows.filter((r) => r[cpuCol] !== '').length, result.host.series.length);
    const thr = header.indexOf('gpu1.throttle_reasons');
    assert.ok(rows.some((r) => r[thr] === 'sw_power_cap|sw_thermal_slowdown'));
  });
});

describe('slow counters below one second per tick', () => {
  test('carried rows are marked, counted once in the summary, and aged in the CSV', async () => {
    const t = startTelemetry({ intervalMs: 100, nvidiaSmi: false });
    await sleep(1250);
    const r = await t.stop();
    assert.equal(r.host.slowCountersMs, 1000);
    const rows = r.host.series;
    const read = rows.filter((row) => row.carriedFrom === undefined);
    assert.ok(rows.length >= 10 && read.length >= 2 && read.length <= 3, `${read.length} of ${rows.length} rows read them`);
    for (const row of rows.filter((x) => x.carriedFrom !== undefined)) {
      const from = read.find((x) => x.time === row.carriedFrom);
      assert.ok(from, 'carried from a row that read them');
      assert.equal(row.netRxBytesPerSec, from.netRxBytesPerSec);
      assert.ok(row.time - from.time < 1000);
    }
    assert.equal(metric(r, 'disk.read')?.samples, read.length);
    assert.equal(metric(r, 'cpu.utilization')?.samples, rows.filter((x) => x.cpuUtilization !== null).length);

    const lines = toCsv(r).trimEnd().split('\n');
    const header = (lines[0] ?? '').split(',');
    const age = header.indexOf('slow_counters.age [ms]');
    assert.ok(age > 0);
    const cells = lines.slice(1).map((l) => l.split(','));
    assert.ok(cells.every((c) => c.length === header.length));
    assert.deepEqual(
      cells.map((c) => Number(c[age])),
      rows.map((x) => (x.carriedFrom === undefined ? 0 : x.time - x.carriedFrom)),
    );
  });

  test('at one second per tick nothing is carried and the CSV has no age column', async () => {
    const t = startTelemetry({ intervalMs: 1000, nvidiaSmi: false });
    await sleep(250);
    const r = await t.stop();
    assert.equal(r.host.slowCountersMs, undefined);
    assert.ok(r.host.series.every((row) => row.carriedFrom === undefined));
    assert.ok(!toCsv(r).includes('slow_counters'));
  });
});

describe('telemetry without a GPU, without procfs, or aborted', () => {
  test('no nvidia-smi is recorded as such and leaves GPU metrics out', async () => {
    const r = await startTelemetry({ intervalMs: 50, nvidiaSmi: path.join(tmp, 'missing', 'nvidia-smi') }).stop();
    assert.equal(r.gpu.available, false);
    assert.match(r.gpu.reason ?? '', /no nvidia-smi/);
    assert.deepEqual(r.gpus, []);
    assert.ok(!r.summary.some((m) => m.metric.startsWith('gpu')));
    assert.ok(!toCsv(r).includes('gpu'));
  });

  test('GPU telemetry turned off', async () => {
    const t = startTelemetry({ intervalMs: 50, nvidiaSmi: false });
    await sleep(120);
    const r = await t.stop();
    assert.deepEqual(r.gpu, { available: false, reason: 'GPU telemetry turned off' });
    assert.ok(r.host.series.length >= 2);
  });

  test('no procfs: host unavailable with the reason, GPUs still sampled', async () => {
    const t = startTelemetry({ intervalMs: 50, procRoot: path.join(tmp, 'no-proc'), nvidiaSmi: standInCountingSpawns(path.join(tmp, 'pids-2')) });
    await sleep(300);
    const r = await t.stop();
    assert.equal(r.host.available, false);
    assert.match(r.host.reason ?? '', /not readable/);
    assert.deepEqual(r.host.series, []);
    assert.equal(r.gpu.available, true);
    const csv = toCsv(r).split('\n');
    assert.ok(!csv[0]?.includes('cpu.utilization'));
    assert.ok(csv[0]?.includes('gpu0.utilization [%]'));
  });

  test('a run shorter than one interval still gets one host row', async () => {
    const t = startTelemetry({ intervalMs: 1000, nvidiaSmi: false });
    await sleep(250);
    const r = await t.stop();
    assert.equal(r.host.series.length, 1);
    assert.ok(metric(r, 'cpu.utilization'));
  });

  test('an aborted signal stops sampling at once; stop() returns the same result', async () => {
    const ac = new AbortController();
    const t = startTelemetry({ intervalMs: 50, nvidiaSmi: false, signal: ac.signal });
    await sleep(180);
    ac.abort();
    const abortedAt = Date.now();
    await sleep(300);
    const r = await t.stop();
    assert.ok(Date.parse(r.endedAt) - abortedAt < 100, 'ended at the abort, not at stop()');
    assert.ok(r.host.series.every((row) => row.time <= abortedAt));
    assert.equal(await t.stop(), r);
  });
});
