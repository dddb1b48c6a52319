import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { decodeThrottleReasons, GPU_QUERY_FIELDS, GpuSampler, parseGpuLine } from '../../../src/core/telemetry/gpu-sampler.js';

const standIn = fileURLToPath(new URL('../../fixtures/nvidia-smi/nvidia-smi', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gpu-sampler-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The stand-in behind a wrapper that sets its knobs; `exec` keeps the PID the sampler sees. */
function standInWith(name: string, env: Record<string, string>): string {
  const file = path.join(tmp, name);
  const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}'\n`).join('');
  writeFileSync(file, `#!/bin/sh\n${exports}exec '${standIn}' "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('parsing nvidia-smi query lines', () => {
  test('decodes the throttle bitmask', () => {
    assert.deepEqual(decodeThrottleReasons('0x0000000000000000'), []);
    assert.deepEqual(decodeThrottleReasons('0x0000000000000001'), ['gpu_idle']);
    assert.deepEqual(decodeThrottleReasons('0x0000000000000024'), ['sw_power_cap', 'sw_thermal_slowdown']);
    assert.deepEqual(decodeThrottleReasons('0x00000000000000C8'), ['hw_slowdown', 'hw_thermal_slowdown', 'hw_power_brake_slowdown']);
    assert.deepEqual(decodeThrottleReasons('0x0000000000000404'), ['sw_power_cap', 'bit_0x400']);
    assert.equal(decodeThrottleReasons('[Not Supported]'), null);
    assert.equal(decodeThrottleReasons('[N/A]'), null);
  });

  test('reads numbers, local timestamps, and "[N/A]"/"[Not Supported]" as missing', () => {
    const row = parseGpuLine('2024/01/15 10:23:45.123, 1, NVIDIA GeForce GTX 1650, 87, 448, 4096, [Not Supported], 38, 1590, 0x0000000000000024, [N/A]');
    assert.deepEqual(row, {
      time: new Date(2024, 0, 15, 10, 23, 45, 123).getTime(),
      index: 1,
      name: 'NVIDIA GeForce GTX 1650',
      utilization: 87,
      memoryUsedMiB: 448,
      memoryTotalMiB: 4096,
      powerW: null,
      temperatureC: 38,
      smClockMHz: 1590,
      throttleReasons: ['sw_power_cap', 'sw_thermal_slowdown'],
      eccErrors: null,
    });
    assert.equal(parseGpuLine('2024/01/15 10:23:45.123, 0, A100, 1, 2, 3, 245.31, 4, 5, 0x0000000000000000, 0')?.powerW, 245.31);
    assert.equal(parseGpuLine('[Unknown Error], 0, A100, 1, 2, 3, 4, 5, 6, 0x0, 0', 42)?.time, 42, 'unreadable timestamp: arrival time');
  });

  test('decoded masks and converted seconds are remembered without sharing results', () => {
    const a = decodeThrottleReasons('0x0000000000000024');
    a?.push('changed');
    assert.deepEqual(decodeThrottleReasons('0x0000000000000024'), ['sw_power_cap', 'sw_thermal_slowdown']);
    const line = (stamp: string) => `${stamp}, 0, GPU, 1, 2, 3, 4, 5, 6, 0x0000000000000000, 0`;
    const times = ['2024/03/01 10:00:00.100', '2024/03/01 10:00:00.950', '2024/03/01 10:00:01.050', '2024/03/01 10:00:00.200'];
    assert.deepEqual(
      times.map((s) => parseGpuLine(line(s))?.time),
      times.map((s) => new Date(2024, 2, 1, 10, 0, s.endsWith(':01.050') ? 1 : 0, Number(s.slice(-3))).getTime()),
    );
  });

  test('rejects lines that are not query rows', () => {
    assert.equal(parseGpuLine('No devices were found'), null);
    assert.equal(parseGpuLine(GPU_QUERY_FIELDS.join(', ')), null, 'a header line');
    assert.equal(parseGpuLine('2024/01/15 10:23:45.123, 0, A100, 1'), null);
  });
});

describe('GPU sampler against the nvidia-smi stand-in', () => {
  test('streams both GPUs from one long-lived process and kills it on stop', async () => {
    const pidFile = path.join(tmp, 'pids-stream');
    const sampler = new GpuSampler({ intervalMs: 50, nvidiaSmi: standInWith('smi-stream', { NVIDIA_SMI_STANDIN_PID_FILE: pidFile }) });
    await sleep(700);
    const res = await sampler.stop();
    assert.equal(res.available, true, res.reason);
    assert.equal(res.reason, undefined);
    assert.deepEqual(
      res.gpus.map((g) => [g.index, g.name, g.memoryTotalMiB]),
      [
        [0, 'NVIDIA A100-SXM4-80GB', 81920],
        [1, 'NVIDIA GeForce GTX 1650', 4096],
      ],
    );
    const [g0, g1] = res.gpus;
    assert.ok(g0 && g1);
    assert.ok(g0.series.length >= 5, `only ${g0.series.length} readings in 700 ms at 50 ms`);
    assert.ok(Math.abs(g0.series.length - g1.series.length) <= 1);
    g0.series.forEach((r, i) => {
      assert.equal(r.memoryUsedMiB, 1024 + 512 * i, `reading ${i} in order, none lost`);
      assert.equal(r.utilization, (i * 13) % 101);
      assert.equal(r.eccErrors, i >= 3 ? 2 : 0);
      assert.equal(typeof r.powerW, 'number');
    });
    for (const r of g1.series) {
      assert.equal(r.powerW, null, '[Not Supported]');
      assert.equal(r.eccErrors, null, '[N/A]');
    }
    assert.deepEqual(g1.series[0]?.throttleReasons, ['gpu_idle']);
    assert.deepEqual(g1.series[1]?.throttleReasons, ['sw_power_cap', 'sw_thermal_slowdown']);
    assert.deepEqual(g0.series[3]?.throttleReasons, ['sw_power_cap']);
    const gaps = g0.series.slice(1).map((r, i) => r.time - (g0.series[i]?.time ?? 0));
    assert.ok(gaps.every((g) => g >= 40 && g < 500), `timestamps ${gaps.join(',')}`);

    const pids = readFileSync(pidFile, 'utf8').trim().split('\n');
    assert.equal(pids.length, 1, 'one nvidia-smi process for the whole run');
    assert.equal(Number(pids[0]), sampler.pid);
    assert.equal(alive(Number(pids[0])), false, 'nvidia-smi is gone after stop');
  });

  test('poll() picks up readings while nvidia-smi runs', async () => {
    const sampler = new GpuSampler({ intervalMs: 50, nvidiaSmi: standIn });
    try {
      await sleep(300);
      const first = sampler.poll();
      assert.ok(first >= 4, `${first} readings after 300 ms`);
      assert.equal(sampler.poll(), 0, 'nothing new at once');
      await sleep(200);
      assert.ok(sampler.poll() >= 2);
    } finally {
      await sampler.stop();
    }
  });

  test('no nvidia-smi: unavailable with the reason, not an error', async () => {
    const res = await new GpuSampler({ intervalMs: 100, nvidiaSmi: path.join(tmp, 'nowhere', 'nvidia-smi') }).stop();
    assert.equal(res.available, false);
    assert.match(res.reason ?? '', /no nvidia-smi.*not found/);
    assert.deepEqual(res.gpus, []);
  });

  test('no GPU or no driver: unavailable with what nvidia-smi said', async () => {
    const noGpu = new GpuSampler({ intervalMs: 100, nvidiaSmi: standInWith('smi-no-gpu', { NVIDIA_SMI_STANDIN_MODE: 'no-gpu' }) });
    await sleep(300);
    const a = await noGpu.stop();
    assert.equal(a.available, false);
    assert.match(a.reason ?? '', /exit 6.*No devices were found/);

    const noDriver = new GpuSampler({ intervalMs: 100, nvidiaSmi: standInWith('smi-no-driver', { NVIDIA_SMI_STANDIN_MODE: 'no-driver' }) });
    await sleep(300);
    const b = await noDriver.stop();
    assert.equal(b.available, false);
    assert.match(b.reason ?? '', /exit 9.*couldn't communicate with the NVIDIA driver/);
  });

  test('nvidia-smi dying mid-run is recorded, readings so far are kept', async () => {
    const sampler = new GpuSampler({ intervalMs: 30, nvidiaSmi: standInWith('smi-dies', { NVIDIA_SMI_STANDIN_EXIT_AFTER: '3' }) });
    await sleep(600);
    const res = await sampler.stop();
    assert.equal(res.available, true);
    assert.deepEqual(
      res.gpus.map((g) => g.series.length),
      [3, 3],
    );
    assert.equal(res.exitedEarly?.code, 15);
    assert.match(res.exitedEarly?.stderr ?? '', /GPU is lost/);
    assert.match(res.reason ?? '', /stopped during the run \(exit 15\)/);
  });
});
