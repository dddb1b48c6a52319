import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compare, pool } from '../../../src/gates/perf-gate/compare.js';
import { DEFAULT_CONFIG, globMatcher, statisticOf, type PerfConfig } from '../../../src/gates/perf-gate/config.js';
import { latencyLogParser } from '../../../src/gates/perf-gate/parsers/latency-log.js';
import type { Measurement } from '../../../src/gates/perf-gate/parsers/types.js';
import { runVerdict, summaryLine } from '../../../src/gates/perf-gate/report.js';

/** Deterministic noise: a fixed multiplicative jitter pattern of about ±1%. */
const JITTER = [0.0, 0.008, -0.006, 0.011, -0.01, 0.004, -0.003, 0.009, -0.008, 0.002, 0.006, -0.011];
const samples = (center: number, n = 12) => Array.from({ length: n }, (_, i) => center * (1 + (JITTER[i % JITTER.length] ?? 0)));
const m = (benchmark: string, center: number, extra: Partial<Measurement> = {}): Measurement => ({ benchmark, metric: 'real_time', unit: 'ns', direction: 'lower', samples: samples(center), ...extra });
const config = (c: Partial<PerfConfig> = {}): PerfConfig => ({ ...DEFAULT_CONFIG, ...c });

describe('compare', () => {
  test('a 30% slowdown is a regression; an unchanged benchmark is unchanged; a speed-up is an improvement', () => {
    const rows = compare([m('slow', 130), m('same', 100), m('fast', 70)], [m('slow', 100), m('same', 100), m('fast', 100)], config(), { seed: 1 });
    const v = Object.fromEntries(rows.map((r) => [r.benchmark, r.verdict]));
    assert.deepEqual(v, { slow: 'regression', same: 'unchanged', fast: 'improvement' });
    const slow = rows.find((r) => r.benchmark === 'slow');
    assert.ok(slow && slow.change !== null && Math.abs(slow.change - 0.3) < 0.02);
    assert.ok(slow?.ci && slow.ci[0] > 0.05);
    assert.equal(runVerdict(rows, config(), []), 'fail');
    assert.equal(summaryLine(rows), '1 regressions, 1 improvements, 1 unchanged in 3 benchmark metrics');
  });
  test('higher-is-better metrics regress when they drop', () => {
    const rows = compare([m('tput', 70, { metric: 'items_per_second', unit: '1/s', direction: 'higher' })], [m('tput', 100, { metric: 'items_per_second', unit: '1/s', direction: 'higher' })], config(), { seed: 1 });
    assert.equal(rows[0]?.verdict, 'regression');
  });
  test('a change inside the practical threshold is not a regression, however significant', () => {
    const rows = compare([m('x', 103)], [m('x', 100)], config({ threshold: 0.05 }), { seed: 1 });
    assert.equal(rows[0]?.verdict, 'unchanged');
  });
  test('new and missing benchmarks', () => {
    const rows = compare([m('added', 1)], [m('removed', 1)], config());
    assert.deepEqual(rows.map((r) => [r.benchmark, r.verdict]), [['added', 'new'], ['removed', 'missing']]);
    assert.equal(runVerdict(rows, config(), []), 'pass');
  });
  test('no baseline at all: everything is new', () => {
    const rows = compare([m('a', 1)], undefined, config());
    assert.equal(rows[0]?.reason, 'no baseline yet');
  });
  test('too few samples: inconclusive with the reason, warn by default', () => {
    const rows = compare([{ ...m('x', 200), samples: [200, 201] }], [{ ...m('x', 100), samples: [100, 101] }], config());
    assert.equal(rows[0]?.verdict, 'inconclusive');
    assert.ok(rows[0]?.reason);
    assert.equal(runVerdict(rows, config(), []), 'warn');
  });
  test('a baseline from other hardware is flagged, not compared', () => {
    const rows = compare([m('x', 200)], [m('x', 100)], config(), { foreignBaseline: 'baseline from other hardware' });
    assert.equal(rows[0]?.verdict, 'inconclusive');
    assert.equal(rows[0]?.reason, 'baseline from other hardware');
  });
  test('a unit change is not compared', () => {
    const rows = compare([m('x', 2, { unit: 'ms' })], [m('x', 2000, { unit: 'us' })], config());
    assert.match(rows[0]?.reason ?? '', /unit changed from us to ms/);
  });
  test('ignore lists, metric filters and per-benchmark overrides', () => {
    const cur = [m('gpu/matmul', 150), m('gpu/conv', 150), m('cpu/parse', 150), m('cpu/parse', 150, { metric: 'cpu_time' })];
    const base = [m('gpu/matmul', 100), m('gpu/conv', 100), m('cpu/parse', 100), m('cpu/parse', 100, { metric: 'cpu_time' })];
    const rows = compare(cur, base, config({ ignore: ['gpu/c*'], metrics: ['real_time'], benchmarks: [{ match: 'gpu/*', threshold: 0.9 }] }), { seed: 1 });
    assert.deepEqual(rows.map((r) => [r.benchmark, r.metric, r.verdict]), [
      ['gpu/matmul', 'real_time', 'unchanged'],
      ['cpu/parse', 'real_time', 'regression'],
    ]);
  });
  test('samples of repeated runs are pooled; mixed units are refused', () => {
    const pooled = pool([m('a', 1), m('a', 1)]);
    assert.equal(pooled.get('a\u0000real_time')?.samples.length, 24);
    assert.throws(() => pool([m('a', 1), m('a', 1, { unit: 'ms' })]), /mixed units ns and ms/);
  });
  test('onRegression: warn keeps the step green', () => {
    const rows = compare([m('slow', 150)], [m('slow', 100)], config(), { seed: 1 });
    assert.equal(runVerdict(rows, config({ onRegression: 'warn' }), []), 'warn');
  });
});

describe('config helpers', () => {
  for (const [pattern, name, match] of [
    ['gpu/*', 'gpu/matmul', true],
    ['gpu/*', 'cpu/gpu/x', false],
    ['bench_?', 'bench_1', true],
    ['a.b', 'axb', false],
    ['(x)', '(x)', true],
  ] as const) {
    test(`glob ${pattern} ${match ? 'matches' : 'does not match'} ${name}`, () => assert.equal(globMatcher(pattern)(name), match));
  }
  test('statistics', () => {
    assert.equal(statisticOf('median'), 'median');
    assert.deepEqual(statisticOf('p99'), { quantile: 0.99 });
    assert.deepEqual(statisticOf('p99.9'), { quantile: 0.999 });
  });
});

describe('single latency logs compared by their percentile intervals', () => {
  // One log per side: each percentile is one value with its bootstrap interval, compared by a z-test of the log ratio.
  const log = (seed: number, n: number, scale = 1): string => {
    let a = seed >>> 0;
    const rand = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const lines: string[] = ['latency_ms'];
    for (let i = 0; i < n; i++) lines.push((scale * 5 * Math.exp(0.6 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()))).toFixed(4));
    return `${lines.join('\n')}\n`;
  };
  const parse = (text: string) => latencyLogParser.parse('api.csv', text).measurements;

  test('a 25% slower log regresses at every percentile; its change interval lies above 0', () => {
    const rows = compare(parse(log(2, 20_000, 1.25)), parse(log(1, 20_000)), config({ threshold: 0.05 }));
    const byMetric = Object.fromEntries(rows.map((r) => [r.metric, r]));
    for (const metric of ['p50', 'p90', 'p95', 'p99', 'p99.9']) {
      const r = byMetric[metric]!;
      assert.equal(r.verdict, 'regression', `${metric}: ${r.reason ?? ''} change ${r.change} ci ${r.ci?.join('..')}`);
      assert.ok(r.ci && r.ci[0] > 0 && r.ci[0] < r.change! && r.change! < r.ci[1]);
    }
    // mean and max have no interval: one run per side is too few for them.
    assert.equal(byMetric.mean?.verdict, 'inconclusive');
    assert.match(byMetric.mean?.reason ?? '', /too few samples/);
  });

  test('two logs of the same distribution raise no false regression across 40 pairs', () => {
    let falseAlarms = 0;
    for (let s = 0; s < 40; s++) {
      const rows = compare(parse(log(100 + 2 * s, 12_000)), parse(log(101 + 2 * s, 12_000)), config({ threshold: 0.05 }));
      if (rows.some((r) => r.verdict === 'regression')) falseAlarms++;
    }
    assert.ok(falseAlarms <= 2, `${falseAlarms} of 40 A/A pairs raised a regression`);
  });

  test('a percentile whose interval touches 0 is inconclusive, not judged', () => {
    const zeros = `latency_ms\n${Array.from({ length: 2000 }, (_, i) => (i < 1200 ? '0' : String(i))).join('\n')}\n`;
    const rows = compare(parse(zeros), parse(zeros), config());
    assert.match(rows.find((r) => r.metric === 'p50')?.reason ?? '', /reaches 0|baseline statistic is 0/);
  });

  test('several runs per side are compared by their spread, not by one run\'s interval', () => {
    const pooled = pool([...parse(log(3, 2000)), ...parse(log(4, 2000))]);
    assert.equal(pooled.get('api\u0000p50')?.interval, undefined);
    assert.equal(pooled.get('api\u0000p50')?.samples.length, 2);
  });
});
