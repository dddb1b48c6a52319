/**
 * Regression metrics as scikit-learn 1.2.1 computes them: mean_absolute_error, mean_squared_error (rmse is its
 * square root) and r2_score with force_finite=True.
 *
 * Means are summed in numpy's order (pairwise blocks of 8 accumulators, 8192-element buffers), so that r2 of a
 * constant y_true is the number sklearn gives: exactly 1.0 or 0.0 when the mean of y_true is exact, and a
 * meaningless huge value when it is not (e.g. 0.1 repeated three times has mean 0.10000000000000002).
 */
import type { MetricValue, RegressionData } from '../types.js';

/** Sum of the first `length` values in numpy's order (np.add.reduce on a contiguous float64 array). */
export function numpySum(x: Float64Array, length = x.length): number {
  let acc = 0;
  for (let start = 0; start < length; start += 8192) acc += pairwise(x, start, Math.min(8192, length - start));
  return acc;
}

function pairwise(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) r += a[lo + i] as number;
    return r;
  }
  if (n <= 128) {
    let r0 = a[lo] as number;
    let r1 = a[lo + 1] as number;
    let r2 = a[lo + 2] as number;
    let r3 = a[lo + 3] as number;
    let r4 = a[lo + 4] as number;
    let r5 = a[lo + 5] as number;
    let r6 = a[lo + 6] as number;
    let r7 = a[lo + 7] as number;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const b = lo + i;
      r0 += a[b] as number;
      r1 += a[b + 1] as number;
      r2 += a[b + 2] as number;
      r3 += a[b + 3] as number;
      r4 += a[b + 4] as number;
      r5 += a[b + 5] as number;
      r6 += a[b + 6] as number;
      r7 += a[b + 7] as number;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[lo + i] as number;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** numpy mean of the first `length` values. */
export function numpyMean(x: Float64Array, length = x.length): number {
  return numpySum(x, length) / length;
}

const NO_ROWS = 'no rows: the metric is undefined (scikit-learn rejects empty input)';

/** mae, rmse and r2 of the predictions. Never throws; undefined values are NaN with a reason. */
export function regressionMetrics(d: RegressionData): Record<string, MetricValue> {
  const n = d.yTrue.length;
  if (d.yPred.length !== n) throw new RangeError(`y_true and y_pred differ in length (${n} and ${d.yPred.length})`);
  if (n === 0) return { mae: { value: NaN, reason: NO_ROWS }, rmse: { value: NaN, reason: NO_ROWS }, r2: { value: NaN, reason: NO_ROWS } };
  for (let i = 0; i < n; i++) {
    const t = d.yTrue[i] as number;
    const p = d.yPred[i] as number;
    if (t - t !== 0 || p - p !== 0) {
      const reason = `row ${i} has a value that is NaN or infinite (scikit-learn rejects it)`;
      return { mae: { value: NaN, reason }, rmse: { value: NaN, reason }, r2: { value: NaN, reason } };
    }
  }
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) buf[i] = Math.abs((d.yPred[i] as number) - (d.yTrue[i] as number));
  const mae = numpyMean(buf);
  for (let i = 0; i < n; i++) {
    const e = (d.yTrue[i] as number) - (d.yPred[i] as number);
    buf[i] = e * e;
  }
  const sse = numpySum(buf);
  const rmse = Math.sqrt(sse / n);
  return { mae: { value: mae }, rmse: { value: rmse }, r2: r2(d.yTrue, sse, buf) };
}

function r2(yTrue: Float64Array, numerator: number, buf: Float64Array): MetricValue {
  const n = yTrue.length;
  if (n < 2) return { value: NaN, reason: 'R^2 score is not well-defined with less than two samples.' };
  const mean = numpyMean(yTrue);
  for (let i = 0; i < n; i++) {
    const e = (yTrue[i] as number) - mean;
    buf[i] = e * e;
  }
  const denominator = numpySum(buf);
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = yTrue[i] === yTrue[0];
  if (numerator === 0) {
    return constant ? { value: 1, reason: 'y_true is constant and the predictions are perfect: r2 set to 1.0 (scikit-learn force_finite)' } : { value: 1 };
  }
  if (denominator === 0) {
    return { value: 0, reason: 'y_true is constant and the predictions are not perfect: r2 set to 0.0 (scikit-learn force_finite)' };
  }
  const value = 1 - numerator / denominator;
  if (constant) {
    return {
      value,
      reason:
        'y_true is constant but its floating-point mean is not exactly its value, so r2 (as scikit-learn computes it) divides by a rounding residue and is meaningless',
    };
  }
  return { value };
}
