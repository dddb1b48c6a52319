/**
 * ROC, precision–recall and calibration curves as scikit-learn 1.2.1 computes them (roc_curve,
 * precision_recall_curve, calibration_curve with strategy='uniform').
 *
 * Differences from current scikit-learn: roc_curve's first threshold is max(score) + 1 in 1.2.1 (1.3+ uses +inf);
 * precision_recall_curve has no drop_intermediate (added in 1.3, default False, so the same curve).
 *
 * Scores are split by class and each part sorted as a typed array (LSD radix sort on the IEEE-754 bits for large
 * arrays, the native typed-array sort for small ones); walking both from the top gives the counts at every distinct
 * score, like sklearn's _binary_clf_curve, without per-row objects.
 */
import type { CalibrationCurve, ClassificationData, PrCurve, RocCurve } from '../types.js';

/** Scores of the positive and of the negative rows, each sorted ascending. */
export interface SplitScores {
  pos: Float64Array;
  neg: Float64Array;
}

/** Splits scores by class and sorts each part; undefined when a score is NaN or infinite (sklearn rejects them). */
export function splitSorted(yTrue01: Uint8Array, scores: Float64Array): SplitScores | undefined {
  const n = checkLengths(yTrue01, scores);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (s - s !== 0) return undefined; // NaN or ±Infinity
    p += yTrue01[i] === 1 ? 1 : 0;
  }
  const pos = new Float64Array(p);
  const neg = new Float64Array(n - p);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (yTrue01[i] === 1) pos[a++] = scores[i] as number;
    else neg[b++] = scores[i] as number;
  }
  sortFloat64(pos);
  sortFloat64(neg);
  return { pos, neg };
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const RADIX_MIN = 4096;

/**
 * Sorts finite or infinite (not NaN) doubles ascending in place, in the order of Float64Array.prototype.sort
 * (−0 before +0). Large arrays: LSD radix sort, 4 passes of 16 bits over the bits mapped to an unsigned order
 * (sign bit flipped for positives, all bits flipped for negatives), a pass skipped when all share its digit;
 * about twice as fast as the native sort from ~10⁵ values.
 */
export function sortFloat64(a: Float64Array): void {
  const n = a.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) {
    a.sort();
    return;
  }
  const u = new Uint32Array(a.buffer, a.byteOffset, 2 * n); // [low word, high word] per value
  for (let i = 1; i < 2 * n; i += 2) {
    const hi = u[i] as number;
    if (hi >= 0x80000000) {
      u[i] = ~hi;
      u[i - 1] = ~(u[i - 1] as number);
    } else {
      u[i] = hi | 0x80000000;
    }
  }
  let src: Uint32Array = u;
  let dst: Uint32Array = new Uint32Array(2 * n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) << 4;
    count.fill(0);
    for (let i = word; i < 2 * n; i += 2) {
      const digit = ((src[i] as number) >>> shift) & 0xffff;
      count[digit] = (count[digit] as number) + 1;
    }
    if (count[((src[word] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let digit = 0; digit < 65536; digit++) {
      const c = count[digit] as number;
      count[digit] = sum;
      sum += c;
    }
    for (let i = 0; i < 2 * n; i += 2) {
      const digit = ((src[i + word] as number) >>> shift) & 0xffff;
      const at = count[digit] as number;
      count[digit] = at + 1;
      dst[2 * at] = src[i] as number;
      dst[2 * at + 1] = src[i + 1] as number;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== u) u.set(src);
  for (let i = 1; i < 2 * n; i += 2) {
    const hi = u[i] as number;
    if (hi >= 0x80000000) {
      u[i] = hi & 0x7fffffff;
    } else {
      u[i] = ~hi;
      u[i - 1] = ~(u[i - 1] as number);
    }
  }
}

function checkLengths(yTrue01: Uint8Array, scores: Float64Array): number {
  if (yTrue01.length !== scores.length) {
    throw new RangeError(`labels and scores differ in length (${yTrue01.length} and ${scores.length})`);
  }
  return yTrue01.length;
}

/** Counts at each distinct score, highest first (sklearn's _binary_clf_curve). */
export interface ThresholdCounts {
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
  /** Positives scoring ≥ thresholds[i]. */
  tps: Float64Array;
  /** Negatives scoring ≥ thresholds[i]. */
  fps: Float64Array;
}

export function thresholdCounts({ pos, neg }: SplitScores): ThresholdCounts {
  const cap = pos.length + neg.length;
  const thr = new Float64Array(cap);
  const tps = new Float64Array(cap);
  const fps = new Float64Array(cap);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? (neg[j] as number) : j < 0 ? (pos[i] as number) : Math.max(pos[i] as number, neg[j] as number);
    while (i >= 0 && pos[i] === v) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === v) {
      fp++;
      j--;
    }
    thr[m] = v;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return { thresholds: thr.subarray(0, m), tps: tps.subarray(0, m), fps: fps.subarray(0, m) };
}

function countsOf(yTrue01: Uint8Array, scores: Float64Array): ThresholdCounts {
  const split = splitSorted(yTrue01, scores);
  if (split === undefined) throw new RangeError('scores contain NaN or infinite values');
  return thresholdCounts(split);
}

/**
 * sklearn 1.2.1 roc_curve (pos_label 1). With dropIntermediate, points collinear with their neighbours are
 * dropped (second differences of both counts zero). fpr (tpr) is all NaN when there is no negative (positive).
 * Throws a RangeError on non-finite scores (the caller validates them).
 */
export function rocCurve(yTrue01: Uint8Array, scores: Float64Array, dropIntermediate = true): RocCurve {
  const { thresholds, tps, fps } = countsOf(yTrue01, scores);
  const m = thresholds.length;
  if (m === 0) return { fpr: [], tpr: [], thresholds: [] };
  let keep: number[];
  if (dropIntermediate && m > 2) {
    keep = [0];
    for (let k = 1; k < m - 1; k++) {
      const d2f = (fps[k + 1] as number) - 2 * (fps[k] as number) + (fps[k - 1] as number);
      const d2t = (tps[k + 1] as number) - 2 * (tps[k] as number) + (tps[k - 1] as number);
      if (d2f !== 0 || d2t !== 0) keep.push(k);
    }
    keep.push(m - 1);
  } else {
    keep = Array.from({ length: m }, (_, k) => k);
  }
  const nNeg = fps[m - 1] as number;
  const nPos = tps[m - 1] as number;
  const fpr = [nNeg > 0 ? 0 : NaN];
  const tpr = [nPos > 0 ? 0 : NaN];
  const thr = [(thresholds[0] as number) + 1];
  for (const k of keep) {
    fpr.push(nNeg > 0 ? (fps[k] as number) / nNeg : NaN);
    tpr.push(nPos > 0 ? (tps[k] as number) / nPos : NaN);
    thr.push(thresholds[k] as number);
  }
  return { fpr, tpr, thresholds: thr };
}

/**
 * sklearn 1.2.1 precision_recall_curve (pos_label 1): thresholds increasing, one per distinct score; precision
 * and recall have one more element (1 and 0). Without positives recall is 1 at every threshold, as in sklearn.
 */
export function prCurve(yTrue01: Uint8Array, scores: Float64Array): PrCurve {
  const { thresholds, tps, fps } = countsOf(yTrue01, scores);
  const m = thresholds.length;
  const nPos = m > 0 ? (tps[m - 1] as number) : 0;
  const precision: number[] = [];
  const recall: number[] = [];
  const thr: number[] = [];
  for (let k = m - 1; k >= 0; k--) {
    const tp = tps[k] as number;
    const ps = tp + (fps[k] as number);
    precision.push(ps !== 0 ? tp / ps : 0);
    recall.push(nPos === 0 ? 1 : tp / nPos);
    thr.push(thresholds[k] as number);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: thr };
}

/**
 * sklearn calibration_curve(strategy='uniform'): bin edges linspace(0, 1, nBins + 1), a value goes to the first bin
 * whose upper inner edge is ≥ it (searchsorted, side left); only non-empty bins are returned, with their counts.
 * Throws a RangeError when a probability is outside [0, 1] (sklearn raises).
 */
export function calibrationCurve(yTrue01: Uint8Array, prob: Float64Array, nBins = 10): CalibrationCurve {
  const n = checkLengths(yTrue01, prob);
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`nBins must be a positive integer (got ${nBins})`);
  // numpy.linspace(0, 1, nBins + 1): i * (1 / nBins); inner[b] is the upper edge of bin b.
  const step = 1 / nBins;
  const inner = new Float64Array(nBins - 1);
  for (let b = 0; b < nBins - 1; b++) inner[b] = (b + 1) * step;
  const sums = new Float64Array(nBins);
  const trues = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const p = prob[i] as number;
    if (!(p >= 0 && p <= 1)) throw new RangeError('y_prob has values outside [0, 1].');
    let b = Math.min(nBins - 1, Math.floor(p * nBins));
    while (b > 0 && (inner[b - 1] as number) >= p) b--;
    while (b < nBins - 1 && (inner[b] as number) < p) b++;
    sums[b] = (sums[b] as number) + p;
    trues[b] = (trues[b] as number) + (yTrue01[i] === 1 ? 1 : 0);
    totals[b] = (totals[b] as number) + 1;
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < nBins; b++) {
    const t = totals[b] as number;
    if (t === 0) continue;
    probTrue.push((trues[b] as number) / t);
    probPred.push((sums[b] as number) / t);
    counts.push(t);
  }
  return { probTrue, probPred, counts, bins: nBins };
}

/**
 * Class k against the rest: y == k and the score of class k (multiclass: column k; binary: the score, or
 * 1 − score for the negative class). Throws a RangeError when the data has no scores.
 */
export function oneVsRest(d: ClassificationData, k: number): { yTrue01: Uint8Array; scores: Float64Array } {
  const n = d.yTrue.length;
  const nLabels = d.labels.length;
  if (!Number.isInteger(k) || k < 0 || k >= nLabels) throw new RangeError(`class index ${k} outside [0, ${nLabels})`);
  if (d.scores === undefined) throw new RangeError('oneVsRest needs scores');
  const yTrue01 = new Uint8Array(n);
  for (let i = 0; i < n; i++) yTrue01[i] = d.yTrue[i] === k ? 1 : 0;
  const scores = new Float64Array(n);
  if (d.kind === 'binary') {
    const flip = k !== (d.positive ?? 1);
    for (let i = 0; i < n; i++) scores[i] = flip ? 1 - (d.scores[i] as number) : (d.scores[i] as number);
  } else {
    for (let i = 0; i < n; i++) scores[i] = d.scores[i * nLabels + k] as number;
  }
  return { yTrue01, scores };
}
