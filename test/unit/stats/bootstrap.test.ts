import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bootstrapRelativeChange, createRng, quantilesOf, relativeChange } from '../../../src/core/stats/bootstrap.js';

describe('seeded PRNG', () => {
  test('same seed, same stream; other seed, other stream', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 100 }, () => r.next());
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
  });

  test('uniform: values in [0, 1), integers in range, bucket counts pass a chi-square test', () => {
    const r = createRng(1);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      assert.ok(u >= 0 && u < 1);
      const k = r.int(10);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 10);
      buckets[k] = (buckets[k] as number) + 1;
    }
    const chi2 = buckets.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    // 99.9th percentile of chi-square with 9 degrees of freedom.
    assert.ok(chi2 < 27.88, `chi-square ${chi2}`);
  });
});

describe('bootstrap of a relative change', () => {
  test('resampled medians follow the exact bootstrap distribution', () => {
    // Median of 3 draws from {1, 2, 3}: P(1) = P(3) = 7/27, P(2) = 13/27.
    const b = bootstrapRelativeChange([1, 2, 3], [1, 2, 3], { resamples: 30_000, seed: 3 });
    const share = (v: number) => b.baselines.filter((x) => x === v).length / b.baselines.length;
    assert.ok(Math.abs(share(1) - 7 / 27) < 0.012, `P(1) ≈ ${share(1)}`);
    assert.ok(Math.abs(share(2) - 13 / 27) < 0.012, `P(2) ≈ ${share(2)}`);
    assert.ok(Math.abs(share(3) - 7 / 27) < 0.012, `P(3) ≈ ${share(3)}`);
  });

  test('resampled interpolated quantiles (type 7) follow the exact bootstrap distribution', () => {
    // q = 0.25 of 2 draws from {1, 3}: 1 (p ¼), 1.5 (p ½), 3 (p ¼).
    const b = bootstrapRelativeChange([1, 3], [1, 3], { quantile: 0.25, resamples: 20_000, seed: 4 });
    const share = (v: number) => b.baselines.filter((x) => x === v).length / b.baselines.length;
    assert.ok(Math.abs(share(1) - 0.25) < 0.015);
    assert.ok(Math.abs(share(1.5) - 0.5) < 0.015);
    assert.ok(Math.abs(share(3) - 0.25) < 0.015);
  });

  test('constant samples give a degenerate interval at the change', () => {
    const b = bootstrapRelativeChange([2, 2, 2], [3, 3, 3, 3]);
    assert.equal(b.change, 0.5);
    assert.deepEqual(b.ci, [0.5, 0.5]);
  });

  test('a clear 20% shift has an interval around 0.2 that excludes 0', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 7) - 3);
    const b = bootstrapRelativeChange(base, base.map((x) => x * 1.2), { seed: 9 });
    assert.ok(Math.abs(b.change - 0.2) < 1e-12);
    assert.ok(b.ci[0] > 0.1 && b.ci[0] <= 0.2 && b.ci[1] >= 0.2 && b.ci[1] < 0.3, `${b.ci.join(', ')}`);
  });

  test('deterministic for a seed', () => {
    const x = [5, 3, 8, 1, 9, 2];
    const y = [6, 7, 4, 10, 3];
    assert.deepEqual(bootstrapRelativeChange(x, y, { seed: 11 }), bootstrapRelativeChange(x, y, { seed: 11 }));
    assert.notDeepEqual(bootstrapRelativeChange(x, y, { seed: 11 }).changes, bootstrapRelativeChange(x, y, { seed: 12 }).changes);
  });

  test('the interval contains the point estimate, for any quantile', () => {
    const sample = fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (x, y, q, seed) => {
        const b = bootstrapRelativeChange(x, y, { quantile: q, resamples: 400, seed });
        return b.ci[0] <= b.change && b.change <= b.ci[1];
      }),
      { numRuns: 200 },
    );
  });

  test('relative change of zero baselines', () => {
    assert.equal(relativeChange(0, 0), 0);
    assert.equal(relativeChange(0, 1), Infinity);
    assert.equal(relativeChange(4, 5), 0.25);
  });

  test('quantiles of unsorted values', () => {
    assert.deepEqual(quantilesOf(Float64Array.from([4, 1, 3, 2]), [0, 0.5, 1]), [1, 2.5, 4]);
  });

  test('rejects bad input', () => {
    assert.throws(() => bootstrapRelativeChange([], [1]), /empty/);
    assert.throws(() => bootstrapRelativeChange([1, Infinity], [1]), /finite/);
    assert.throws(() => bootstrapRelativeChange([1], [1], { quantile: 2 }), RangeError);
    assert.throws(() => bootstrapRelativeChange([1], [1], { resamples: 0 }), RangeError);
    assert.throws(() => bootstrapRelativeChange([1], [1], { level: 1 }), RangeError);
  });
});
