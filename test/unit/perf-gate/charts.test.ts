import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TelemetryResult } from '../../../src/core/telemetry/sampler.js';
import { MAX_CHANGE_ROWS, changesSpec, writePerfCharts } from '../../../src/gates/perf-gate/charts.js';
import type { ResultRow } from '../../../src/gates/perf-gate/compare.js';

function row(benchmark: string, verdict: ResultRow['verdict'], change: number | null, ci: [number, number] | null = null): ResultRow {
  return { benchmark, metric: 'p50', unit: 'ms', direction: 'lower', baseline: 1, current: 1, change, ci, pValue: null, adjustedP: null, verdict, threshold: 0.05, nBaseline: 5, nCurrent: 5 };
}

const HOSTILE = '<img src=x onerror=alert(1)> datum.x") || alert(1) //';

function telemetry(): TelemetryResult {
  const host = [0, 1, 2].map((i) => ({ time: 1000 + i * 500, cpuUtilization: 10 * i, memoryUsedMiB: 100 + i, memoryAvailableMiB: 900, swapInPerSec: null, swapOutPerSec: null, diskReadBytesPerSec: null, diskWriteBytesPerSec: null, netRxBytesPerSec: null, netTxBytesPerSec: null, load1: null, load5: null, load15: null }));
  const gpu = [0, 1].map((i) => ({ time: 1200 + i * 500, index: 0, name: 'GPU', utilization: 90, memoryUsedMiB: 4000, memoryTotalMiB: 8000, powerW: null, temperatureC: null, smClockMHz: null, throttleReasons: null, eccErrors: null }));
  return { startedAt: '', endedAt: '', intervalMs: 500, host: { available: true, series: host }, gpus: [{ index: 0, name: 'GPU', memoryTotalMiB: 8000, series: gpu }], gpu: { available: true }, summary: [] };
}

describe('perf-gate charts', () => {
  test('changes: at most 40 rows, regressions first, names only as data', () => {
    const rows = [...Array.from({ length: 50 }, (_, i) => row(`b${i}`, 'unchanged', i / 1000)), row(HOSTILE, 'regression', 0.3, [0.2, 0.4]), row('none', 'missing', null)];
    const spec = changesSpec(rows) as unknown as { data: { values: { row: string; verdict: string; lo?: number; hi?: number }[] } };
    const values = spec.data.values;
    assert.equal(values.length, MAX_CHANGE_ROWS);
    assert.equal(values[0]?.verdict, 'regression');
    assert.equal(values[0]?.lo, 20);
    assert.equal(values[0]?.hi, 40);
    assert.ok(values[0]?.row.includes('<img'));
    // The name appears in the spec only inside the data values.
    const withoutData = JSON.stringify({ ...spec, data: null });
    assert.ok(!withoutData.includes('img src'));
    assert.equal(changesSpec([row('x', 'new', null)]), undefined);
  });

  test('writes charts/changes.svg and charts/telemetry.svg into the report directory', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-perf-charts-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const warnings: string[] = [];
    const written = await writePerfCharts(dir, [row(HOSTILE, 'regression', 0.1, [0.05, 0.15]), row('b', 'improvement', -0.2, [-0.3, -0.1])], [telemetry()], { warning: (m) => warnings.push(m) });
    assert.deepEqual(written, ['charts/changes.svg', 'charts/telemetry.svg']);
    assert.deepEqual(warnings, []);
    const changes = await readFile(path.join(dir, 'charts', 'changes.svg'), 'utf8');
    assert.match(changes, /^<svg/);
    assert.ok(changes.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!changes.includes('<img'));
    const tel = await readFile(path.join(dir, 'charts', 'telemetry.svg'), 'utf8');
    assert.match(tel, /<svg/);
    assert.ok(tel.includes('gpu0'));
  });

  test('no telemetry, no telemetry chart; nothing to draw, no file and no warning', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-perf-charts-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const warnings: string[] = [];
    assert.deepEqual(await writePerfCharts(dir, [row('a', 'unchanged', 0.01)], [], { warning: (m) => warnings.push(m) }), ['charts/changes.svg']);
    assert.deepEqual(await writePerfCharts(path.join(dir, 'empty'), [row('a', 'new', null)], [], { warning: (m) => warnings.push(m) }), []);
    await assert.rejects(stat(path.join(dir, 'empty')));
    assert.deepEqual(warnings, []);
  });

  test('a chart that cannot be written is a warning, not a failure', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-perf-charts-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'file');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    const warnings: string[] = [];
    assert.deepEqual(await writePerfCharts(file, [row('a', 'unchanged', 0.01)], [], { warning: (m) => warnings.push(m) }), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /charts\/changes\.svg could not be rendered/);
  });
});
