import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bonferroni, holm, mannWhitneyMinP, mannWhitneyU, MWU_EXACT_MAX_PRODUCT, welchT, type Alternative } from '../../../src/core/stats/tests.js';

// Reference p-values from scipy 1.17 (scipy.stats.mannwhitneyu, ttest_ind(equal_var=False)) on the same data.
const close = (actual: number, expected: number, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} ≉ ${expected}`);

const A = [12.1, 11.8, 13.4, 12.9, 12.2, 14.0, 11.5];
const B = [13.9, 14.2, 12.8, 15.1, 14.8, 13.6, 16.0, 14.4];
// Deterministic tie-free sequences, reproducible in numpy with the same arithmetic.
const PHI = 0.6180339887498949;
const SQRT2 = 1.4142135623730951;
const seq = (n: number, step: number, shift: number) => Array.from({ length: n }, (_, i) => (((i + 1) * step) % 1) + shift);

describe('Mann–Whitney U', () => {
  for (const [alt, p] of [
    ['two-sided', 0.005905205905205905],
    ['less', 0.0029526029526029526],
    ['greater', 0.9981351981351981],
  ] as [Alternative, number][]) {
    test(`exact, small samples, ${alt}`, () => {
      const r = mannWhitneyU(A, B, alt);
      assert.equal(r.method, 'exact');
      assert.equal(r.statistic, 5);
      close(r.pValue, p);
    });
  }

  test('exact distribution of the textbook case n₁ = n₂ = 3 (counts 1,1,2,3,3,3,3,2,1,1 of 20)', () => {
    for (const [x, u, cumulative] of [
      [[1, 2, 3], 0, 1],
      [[1, 2, 4.5], 1, 2],
      [[1, 2, 5.5], 2, 4],
      [[1, 4.5, 5.5], 3, 7],
      [[1, 4.5, 6.5], 4, 10],
    ] as const) {
      const r = mannWhitneyU(x, [4, 5, 6], 'less');
      assert.equal(r.statistic, u);
      close(r.pValue, cumulative / 20, 1e-12);
    }
  });

  test('exact at the cut-over (100 × 100): p-values near 1e-10 keep their precision', () => {
    assert.equal(100 * 100, MWU_EXACT_MAX_PRODUCT);
    const g = seq(100, PHI, 0);
    const h = seq(100, SQRT2, 0.3);
    const less = mannWhitneyU(g, h, 'less');
    assert.equal(less.method, 'exact');
    assert.equal(less.statistic, 2466);
    close(less.pValue, 9.130919698628439e-11, 1e-7);
    close(mannWhitneyU(g, h).pValue, 1.8261839397256878e-10, 1e-7);
    close(mannWhitneyU(g, h, 'greater').pValue, 0.9999999999102823, 1e-12);
  });

  test('normal approximation with tie correction', () => {
    const c = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6];
    const d = [2, 3, 4, 4, 5, 6, 6, 6, 7, 8, 8];
    const r = mannWhitneyU(c, d, 'less');
    assert.equal(r.method, 'asymptotic');
    assert.equal(r.statistic, 24);
    close(r.pValue, 0.014960543985444292);
    close(mannWhitneyU(c, d).pValue, 0.029921087970888584);
    close(mannWhitneyU(c, d, 'greater').pValue, 0.9875295905370772);
  });

  test('normal approximation above the cut-over without ties', () => {
    const e = seq(120, PHI, 0);
    const f = seq(111, SQRT2, 0.1);
    const r = mannWhitneyU(e, f, 'less');
    assert.equal(r.method, 'asymptotic');
    assert.equal(r.statistic, 5351);
    close(r.pValue, 0.004961420399163031);
    close(mannWhitneyU(e, f).pValue, 0.009922840798326062);
    close(mannWhitneyU(e, f, 'greater').pValue, 0.995066805993009);
  });

  test('all values equal gives no evidence', () => {
    assert.equal(mannWhitneyU([2, 2, 2], [2, 2, 2], 'greater').pValue, 1);
  });

  test('smallest attainable p-value is 1 / C(n₁+n₂, n₁)', () => {
    close(mannWhitneyMinP(10, 10), 1 / 184756, 1e-12);
    close(mannWhitneyMinP(5, 5), 1 / 252, 1e-12);
    const x = Array.from({ length: 10 }, (_, i) => 100 + i);
    const y = Array.from({ length: 10 }, (_, i) => i);
    close(mannWhitneyU(x, y, 'greater').pValue, mannWhitneyMinP(10, 10), 1e-12);
  });

  test('p-values lie in [0, 1], one-sided tests mirror each other, two-sided is twice the smaller tail', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const g = mannWhitneyU(x, y, 'greater').pValue;
        const l = mannWhitneyU(x, y, 'less').pValue;
        const t = mannWhitneyU(x, y).pValue;
        const mirrored = mannWhitneyU(y, x, 'less').pValue;
        return [g, l, t].every((p) => p >= 0 && p <= 1) && Math.abs(g - mirrored) < 1e-12 && Math.abs(t - Math.min(1, 2 * Math.min(g, l))) < 1e-12;
      }),
    );
  });

  test('rejects empty samples and non-finite values', () => {
    assert.throws(() => mannWhitneyU([], [1]), RangeError);
    assert.throws(() => mannWhitneyU([1, NaN], [1]), /not a finite number/);
  });
});

describe('Welch t-test', () => {
  for (const [alt, p] of [
    ['two-sided', 0.0027737963780910552],
    ['less', 0.0013868981890455276],
    ['greater', 0.9986131018109544],
  ] as [Alternative, number][]) {
    test(`against scipy, ${alt}`, () => {
      const r = welchT(A, B, alt);
      close(r.statistic, -3.6840129946754465);
      close(r.df, 12.936960713916914);
      close(r.pValue, p, 1e-7);
    });
  }

  test('small one-sided p-values keep their precision', () => {
    const r = welchT([10.0, 10.2, 9.9, 10.1, 10.05], [12.0, 12.3, 11.8, 12.1, 11.9, 12.2], 'less');
    close(r.statistic, -21.908902300206663);
    close(r.df, 8.298755186721984);
    close(r.pValue, 6.1419611618566685e-9, 1e-5);
  });

  test('zero variance on both sides', () => {
    close(welchT([1, 1], [1, 1], 'greater').pValue, 0.5, 1e-12);
    assert.equal(welchT([2, 2], [1, 1], 'greater').pValue, 0);
    assert.equal(welchT([2, 2], [1, 1], 'less').pValue, 1);
  });

  test('needs two values per side', () => {
    assert.throws(() => welchT([1], [1, 2]), RangeError);
  });
});

describe('multiple-comparison adjustments', () => {
  test('Holm by hand: sorted p·(m − rank), made monotone', () => {
    // Sorted: .005·6 = .03, .01·5 = .05, .02·4 = .08, .03·3 = .09, .04·2 = .08 → .09, .5·1 = .5
    const adjusted = holm([0.01, 0.04, 0.03, 0.005, 0.5, 0.02]);
    const expected = [0.05, 0.09, 0.09, 0.03, 0.5, 0.08];
    for (const [i, e] of expected.entries()) close(adjusted[i] as number, e, 1e-12);
  });

  test('Bonferroni caps at 1', () => {
    assert.deepEqual(bonferroni([0.01, 0.2, 0.5]), [0.03, 0.6000000000000001, 1]);
  });

  test('Holm is monotone, never below the raw p, never above Bonferroni', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (p) => {
        const h = holm(p);
        const b = bonferroni(p);
        return p.every((pi, i) => {
          const hi = h[i] as number;
          return hi >= pi && hi <= 1 && hi <= (b[i] as number) + 1e-15 && p.every((pj, j) => !(pi <= pj) || hi <= (h[j] as number));
        });
      }),
    );
  });

  test('rejects p-values outside [0, 1]', () => {
    assert.throws(() => holm([0.1, NaN]), RangeError);
    assert.throws(() => bonferroni([1.2]), RangeError);
  });
});
