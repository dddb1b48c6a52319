import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cv, geometricMean, mad, MAD_NORMAL_SCALE, mean, median, quantile, selectQuantile, stdev } from '../../../src/core/stats/descriptive.js';

// Reference values from numpy 2.4 / scipy 1.17 on the same sample (np.quantile default method = type 7).
const X = [3.1, 1.2, 4.7, 2.2, 9.8, 5.5, 2.2, 7.3];

const close = (actual: number, expected: number, rel = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${actual} ≉ ${expected}`);

describe('descriptive statistics against numpy/scipy', () => {
  test('mean, median, sample stdev, cv, geometric mean, MAD', () => {
    close(mean(X), 4.5);
    close(median(X), 3.9);
    close(stdev(X), 2.937443008565686);
    close(cv(X), 0.6527651130145968);
    close(geometricMean(X), 3.675358634324971);
    close(mad(X), 1.7);
    close(mad(X, MAD_NORMAL_SCALE), 2.5204237714595235);
  });

  for (const [q, expected] of [
    [0, 1.2],
    [0.1, 1.9],
    [0.25, 2.2],
    [0.5, 3.9],
    [0.9, 8.05],
    [0.99, 9.625],
    [0.999, 9.7825],
    [1, 9.8],
  ] as const) {
    test(`quantile ${q} (type 7)`, () => close(quantile(X, q), expected));
  }

  test('accepts typed arrays and leaves the input untouched', () => {
    const t = Float64Array.from(X);
    close(quantile(t, 0.9), 8.05);
    assert.deepEqual([...t], X);
  });

  test('single values and a one-element standard deviation', () => {
    assert.equal(median([7]), 7);
    assert.equal(stdev([7]), 0);
  });

  test('rejects empty input, NaN, negative values in a geometric mean, and quantiles outside [0, 1]', () => {
    assert.throws(() => mean([]), RangeError);
    assert.throws(() => median([1, NaN, 2]), /NaN/);
    assert.throws(() => geometricMean([1, -2]), /negative/);
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
    assert.throws(() => quantile([1, 2], NaN), RangeError);
  });
});

describe('selection-based quantile', () => {
  const sortedType7 = (xs: number[], q: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    const h = (s.length - 1) * q;
    const lo = s[Math.floor(h)] as number;
    const hi = s[Math.ceil(h)] as number;
    return lo + (h - Math.floor(h)) * (hi - lo);
  };

  test('equals interpolation in a fully sorted copy, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
        const got = selectQuantile(Float64Array.from(xs), q);
        const want = sortedType7(xs, q);
        return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
      }),
    );
  });

  test('quantiles are monotone in q and stay within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const qa = quantile(xs, lo);
        const qb = quantile(xs, hi);
        return qa <= qb && qa >= Math.min(...xs) && qb <= Math.max(...xs);
      }),
    );
  });
});
