import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createRng, type Rng } from '../../../src/core/stats/bootstrap.js';
import { judge, judgeFamily, type JudgeOptions } from '../../../src/core/stats/judge.js';
import { mannWhitneyU } from '../../../src/core/stats/tests.js';

function lognormal(rng: Rng, n: number, median: number, cv: number): number[] {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return Array.from({ length: n }, () => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())));
}

const LOWER: JudgeOptions = { direction: 'lower', threshold: 0.05 };

describe('judge one comparison', () => {
  test('a 20% slowdown at 1% noise is a regression', () => {
    const rng = createRng(1);
    const j = judge(lognormal(rng, 10, 100, 0.01), lognormal(rng, 10, 120, 0.01), LOWER);
    assert.equal(j.verdict, 'regression');
    assert.ok(Math.abs(j.change - 0.2) < 0.02, `change ${j.change}`);
    assert.ok(j.ci[0] > 0.05 && j.ci[0] <= j.change && j.change <= j.ci[1]);
    assert.ok(j.pValue < 1e-4 && j.adjustedP === j.pValue);
    assert.equal(j.nBaseline, 10);
    assert.ok(j.noiseFloor !== undefined && j.noiseFloor > 0 && j.noiseFloor < 0.02);
  });

  test('faster is an improvement for times, slower throughput a regression', () => {
    const rng = createRng(2);
    const base = lognormal(rng, 10, 100, 0.01);
    const faster = lognormal(rng, 10, 80, 0.01);
    assert.equal(judge(base, faster, LOWER).verdict, 'improvement');
    const higher: JudgeOptions = { direction: 'higher', threshold: 0.05 };
    const j = judge(base, faster, higher);
    assert.equal(j.verdict, 'regression');
    assert.ok(j.change < -0.15);
    assert.equal(judge(faster, base, higher).verdict, 'improvement');
  });

  test('same distribution is unchanged', () => {
    const rng = createRng(3);
    const j = judge(lognormal(rng, 10, 100, 0.05), lognormal(rng, 10, 100, 0.05), LOWER);
    assert.equal(j.verdict, 'unchanged');
    assert.equal(j.reason, undefined);
  });

  test('a real but small change stays unchanged and says why', () => {
    const rng = createRng(4);
    const j = judge(lognormal(rng, 20, 100, 0.001), lognormal(rng, 20, 102, 0.001), LOWER);
    assert.equal(j.verdict, 'unchanged');
    assert.ok(j.adjustedP !== undefined && j.adjustedP < 0.05);
    assert.match(j.reason ?? '', /within the threshold 5\.0%/);
  });

  test('a caller-measured noise floor raises the bar', () => {
    const rng = createRng(5);
    const base = lognormal(rng, 10, 100, 0.01);
    const cur = lognormal(rng, 10, 110, 0.01);
    assert.equal(judge(base, cur, LOWER).verdict, 'regression');
    const j = judge(base, cur, { ...LOWER, noiseFloor: 0.15 });
    assert.equal(j.verdict, 'unchanged');
    assert.equal(j.noiseFloor, 0.15);
    assert.match(j.reason ?? '', /noise floor 15\.0%/);
  });

  test('two 3× spikes in the current sample do not make a regression', () => {
    const rng = createRng(6);
    const cur = lognormal(rng, 10, 100, 0.02);
    cur[3] = (cur[3] as number) * 3;
    cur[7] = (cur[7] as number) * 3;
    assert.equal(judge(lognormal(rng, 10, 100, 0.02), cur, LOWER).verdict, 'unchanged');
  });

  test('too few samples are inconclusive, with the reason', () => {
    const j = judge([1, 2, 3], [1, 2, 3, 4, 5, 6], LOWER);
    assert.equal(j.verdict, 'inconclusive');
    assert.match(j.reason ?? '', /too few samples: 3 baseline and 6 current, 5 needed/);
    assert.equal(j.baseline, 2);
    assert.equal(judge([1, 2, 3], [1, 2, 3], { ...LOWER, minSamples: 3 }).verdict, 'unchanged');
    const empty = judge([], [1], LOWER);
    assert.equal(empty.verdict, 'inconclusive');
    assert.ok(Number.isNaN(empty.baseline) && Number.isNaN(empty.change));
  });

  test('a zero baseline statistic is inconclusive', () => {
    const j = judge([0, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1], LOWER);
    assert.equal(j.verdict, 'inconclusive');
    assert.match(j.reason ?? '', /baseline statistic is 0/);
  });

  test('tail quantiles need 10 / (1 − q) samples per side', () => {
    const rng = createRng(7);
    const j = judge(lognormal(rng, 9999, 100, 0.3), lognormal(rng, 10_000, 100, 0.3), { ...LOWER, statistic: { quantile: 0.999 } });
    assert.equal(j.verdict, 'inconclusive');
    assert.match(j.reason ?? '', /quantile 0\.999: 9999 baseline and 10000 current, 10000 needed/);
  });

  test('a tail regression shows in P99 while the median does not move', () => {
    const rng = createRng(8);
    const base = lognormal(rng, 3000, 100, 0.2);
    // 3% of requests become 4× slower: the median barely moves, P99 does.
    const cur = lognormal(rng, 3000, 100, 0.2).map((x) => (rng.next() < 0.03 ? x * 4 : x));
    const p99 = judge(base, cur, { ...LOWER, statistic: { quantile: 0.99 }, bootstrap: 1000 });
    assert.equal(p99.verdict, 'regression');
    assert.ok(p99.change > 0.5, `P99 change ${p99.change}`);
    assert.notEqual(judge(base, cur, { ...LOWER, bootstrap: 1000 }).verdict, 'regression');
  });

  test('rejects NaN, negative values and bad options with a RangeError', () => {
    assert.throws(() => judge([1, NaN, 2, 3, 4], [1, 2, 3, 4, 5], LOWER), /benchmark 0: baseline value 1 is NaN/);
    assert.throws(() => judge([1, 2, 3, 4, 5], [1, 2, -3, 4, 5], LOWER), /current value 2 is -3/);
    assert.throws(() => judge([1], [1], { ...LOWER, threshold: -1 }), RangeError);
    assert.throws(() => judge([1], [1], { ...LOWER, alpha: 0 }), RangeError);
    assert.throws(() => judge([1], [1], { ...LOWER, statistic: { quantile: 1 } }), RangeError);
    assert.throws(() => judge([1], [1], { direction: 'up' as 'lower', threshold: 0 }), RangeError);
  });

  test('deterministic for a seed', () => {
    const rng = createRng(9);
    const b = lognormal(rng, 12, 100, 0.05);
    const c = lognormal(rng, 12, 108, 0.05);
    assert.deepEqual(judge(b, c, { ...LOWER, seed: 1 }), judge(b, c, { ...LOWER, seed: 1 }));
    assert.notDeepEqual(judge(b, c, { ...LOWER, seed: 1 }).ci, judge(b, c, { ...LOWER, seed: 2 }).ci);
  });
});

describe('judge a family', () => {
  const nulls = (rng: Rng, count: number) => Array.from({ length: count }, () => ({ baseline: lognormal(rng, 10, 50, 0.05), current: lognormal(rng, 10, 50, 0.05), options: LOWER }));

  test('a change significant alone is not significant among 200 comparisons', () => {
    // Current above baseline in all but 14 of 100 pairs: exact one-sided p ≈ 0.0015.
    const baseline = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => 100 + x);
    const current = [4.5, 5.5, 8.5, 11, 12, 13, 14, 15, 16, 17].map((x) => 100 + x);
    const alone = judge(baseline, current, LOWER);
    assert.ok(alone.pValue < 0.002);
    assert.equal(alone.verdict, 'regression');
    const family = judgeFamily([{ baseline, current, options: LOWER }, ...nulls(createRng(10), 199)]);
    const first = family[0];
    assert.equal(first?.verdict, 'unchanged');
    assert.equal(first?.pValue, alone.pValue);
    // It has the smallest p-value of the family, so Holm multiplies it by the family size.
    assert.ok(Math.abs((first?.adjustedP ?? 0) - Math.min(1, 200 * alone.pValue)) < 1e-12);
  });

  test('untestable items do not count in the family', () => {
    const baseline = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => 100 + x);
    const current = baseline.map((x) => x + 10);
    const tooFew = Array.from({ length: 50 }, () => ({ baseline: [1, 2], current: [1, 2], options: LOWER }));
    const [j] = judgeFamily([{ baseline, current, options: LOWER }, ...tooFew]);
    assert.equal(j?.adjustedP, j?.pValue);
  });

  test('samples too small to ever reach significance in the family are inconclusive', () => {
    const items = nulls(createRng(11), 200).map((x) => ({ ...x, baseline: x.baseline.slice(0, 5), current: x.current.slice(0, 5) }));
    const out = judgeFamily(items);
    assert.ok(out.every((j) => j.verdict === 'inconclusive'));
    assert.match(out[0]?.reason ?? '', /cannot reach significance across 200 comparisons/);
  });

  test('every regression meets all three conditions; p-values, intervals and verdicts are consistent', () => {
    const item = fc.record({
      slow: fc.constantFrom(0, 0, 0.03, 0.1, 0.3),
      cv: fc.constantFrom(0.01, 0.05, 0.2),
      n: fc.integer({ min: 3, max: 15 }),
      direction: fc.constantFrom('lower' as const, 'higher' as const),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), (specs) => {
        const items = specs.map((s) => {
          const rng = createRng(s.seed);
          return { baseline: lognormal(rng, s.n, 10, s.cv), current: lognormal(rng, s.n, 10 * (1 + s.slow), s.cv), options: { direction: s.direction, threshold: 0.02, bootstrap: 200 } };
        });
        return judgeFamily(items).every((j, i) => {
          if (j.verdict === 'inconclusive' && j.adjustedP === undefined) return true;
          const sign = items[i]?.options.direction === 'lower' ? 1 : -1;
          const bar = Math.max(0.02, j.noiseFloor ?? 0);
          const ok = j.pValue >= 0 && j.pValue <= 1 && (j.adjustedP ?? 2) >= j.pValue && j.ci[0] <= j.change && j.change <= j.ci[1];
          if (j.verdict === 'regression') return ok && (j.adjustedP ?? 1) < 0.05 && sign * j.change > bar && (sign === 1 ? j.ci[0] > 0 : j.ci[1] < 0);
          if (j.verdict === 'improvement') return ok && -sign * j.change > bar && (sign === 1 ? j.ci[1] < 0 : j.ci[0] > 0);
          return ok;
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('gross outliers', () => {
  test('one 3× spike in the baseline does not hide a 30% slowdown among 200 comparisons', () => {
    const rng = createRng(12);
    const baseline = lognormal(rng, 10, 100, 0.02);
    baseline[4] = (baseline[4] as number) * 3;
    const current = lognormal(rng, 10, 130, 0.02);
    const others = Array.from({ length: 199 }, () => ({ baseline: lognormal(rng, 10, 50, 0.02), current: lognormal(rng, 10, 50, 0.02), options: LOWER }));
    // On the raw values the spike outranks all 10 current values, and the Bonferroni bound alone exceeds alpha.
    assert.ok(mannWhitneyU(current, baseline, 'greater').pValue * 200 > 0.05);
    const [j] = judgeFamily([{ baseline, current, options: LOWER }, ...others]);
    assert.equal(j?.verdict, 'regression');
    assert.ok((j?.adjustedP ?? 1) < 0.05);
    assert.deepEqual(j?.outliers, [1, 0]);
    assert.ok(Math.abs((j?.change ?? 0) - 0.3) < 0.05);
  });

  test('values of a noisy metric within its own spread are kept', () => {
    // CV 60%: a value 2.5× the median is within 5 robust σ, so the rank test sees it.
    const baseline = [100, 60, 150, 80, 250, 120, 90, 70, 110, 130];
    const current = [140, 90, 210, 112, 350, 168, 126, 98, 154, 182];
    const alone = judge(baseline, current, LOWER);
    assert.equal(alone.pValue, mannWhitneyU(current, baseline, 'greater').pValue);
    assert.equal(alone.outliers, undefined);
  });
});
