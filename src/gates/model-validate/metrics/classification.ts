/**
 * Classification metrics as scikit-learn 1.2.1 computes them, on the full label set of the data (sklearn called with
 * labels=all labels). Undefined values are NaN with a reason; where sklearn substitutes a number (zero_division,
 * mcc of a constant prediction, average precision without positives) the number is kept and a reason added.
 *
 * ece (expected calibration error) is not in scikit-learn: Σ over the non-empty bins of calibration_curve(n_bins=10,
 * strategy='uniform') of |fraction of positives − mean probability| × rows in the bin / n.
 *
 * Where 1.2.1 differs from current scikit-learn:
 * - log_loss clips probabilities to [eps, 1 − eps] with eps = float64 machine epsilon (1.2 changed the default
 *   from 1e-15 to "auto"; 1.3 deprecated eps, 1.5 removed it) and renormalises each row after clipping.
 * - precision/recall/F: zero_division is 0 or 1 ("warn" = 0); F is computed from the substituted precision and
 *   recall, 2·p·r / (p + r) (later versions compute it from tp, fp, fn and added zero_division=np.nan).
 */
import type { ClassificationData, ConfusionMatrix, MetricValue } from '../types.js';
import { calibrationCurve, sortFloat64, splitSorted } from './curves.js';
import { numpyMean, numpySum } from './regression.js';

export interface ClassificationOptions {
  /** Value of precision, recall or F where its denominator is zero (scikit-learn zero_division; default 0). */
  zeroDivision?: 0 | 1;
}

/** np.finfo(np.float64).eps: log_loss's clipping bound in scikit-learn 1.2.1 (eps='auto'). */
const LOG_LOSS_EPS = Number.EPSILON;
const ONE_CLASS = 'Only one class present in y_true. ROC AUC score is not defined in that case.';
const NOT_FINITE = 'scores contain NaN or infinite values (scikit-learn rejects them)';
const NO_ROWS = 'no rows: the metric is undefined (scikit-learn rejects empty input)';

const nan = (reason: string): MetricValue => ({ value: NaN, reason });

/**
 * ROC AUC and average precision of binary scores (sklearn roc_auc_score and average_precision_score): the scores of
 * positives and negatives are sorted separately (typed arrays) and walked from the top, one step per distinct score, counting the
 * ROC area in integer units (ties as trapezoids, i.e. midranks) and AP as Σ ΔTP/P · precision.
 */
export function binaryRankMetrics(yTrue01: Uint8Array, scores: Float64Array): { rocAuc: MetricValue; averagePrecision: MetricValue } {
  if (yTrue01.length === 0) return { rocAuc: nan(NO_ROWS), averagePrecision: nan(NO_ROWS) };
  const split = splitSorted(yTrue01, scores);
  if (split === undefined) return { rocAuc: nan(NOT_FINITE), averagePrecision: nan(NOT_FINITE) };
  const { pos, neg } = split;
  const nPos = pos.length;
  const nNeg = neg.length;
  let i = nPos - 1;
  let j = nNeg - 1;
  let tp = 0;
  let fp = 0;
  let area2 = 0; // twice the ROC area in units of one positive × one negative
  let ap = 0; // Σ ΔTP · precision
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? (neg[j] as number) : j < 0 ? (pos[i] as number) : Math.max(pos[i] as number, neg[j] as number);
    const tp0 = tp;
    const fp0 = fp;
    while (i >= 0 && pos[i] === v) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === v) {
      fp++;
      j--;
    }
    area2 += (fp - fp0) * (tp + tp0);
    if (tp !== tp0) ap += ((tp - tp0) * tp) / (tp + fp);
  }
  const rocAuc = nPos === 0 || nNeg === 0 ? nan(ONE_CLASS) : { value: area2 / (2 * nPos * nNeg) };
  const averagePrecision =
    nPos === 0
      ? {
          value: 0,
          reason: 'No positive class found in y_true: recall is set to one for all thresholds and average precision is 0 (scikit-learn 1.2.1)',
        }
      : { value: ap / nPos };
  return { rocAuc, averagePrecision };
}

/** Twice the Mann–Whitney U of `pos` over `neg` (both sorted ascending): pairs ranked right count 2, ties 1. */
function mannWhitney2U(pos: Float64Array, neg: Float64Array): number {
  let u2 = 0;
  let j = 0; // negatives strictly below the current value
  let i = 0;
  while (i < pos.length) {
    const v = pos[i] as number;
    let cp = 0;
    while (i < pos.length && pos[i] === v) {
      cp++;
      i++;
    }
    while (j < neg.length && (neg[j] as number) < v) j++;
    let ties = 0;
    while (j + ties < neg.length && neg[j + ties] === v) ties++;
    u2 += cp * (2 * j + ties);
  }
  return u2;
}

/** Weighted mean as np.average(values, weights=weights). */
function weightedMean(values: Float64Array, weights: Float64Array): number {
  const prod = new Float64Array(values.length);
  for (let c = 0; c < values.length; c++) prod[c] = (values[c] as number) * (weights[c] as number);
  return numpySum(prod) / numpySum(weights);
}

const list = (labels: string[], idx: number[]): string => idx.map((c) => JSON.stringify(labels[c])).join(', ');

/**
 * Metrics of classifier predictions, keyed by name (sklearn function in brackets, labels = all labels):
 * - always: accuracy, balanced_accuracy (adjusted=False), precision|recall|f1 _macro|_weighted|_micro, mcc
 *   (matthews_corrcoef);
 * - binary: precision, recall, f1 (average='binary', pos_label = labels[positive]); with scores: roc_auc,
 *   average_precision, log_loss, brier (brier_score_loss), ece (10 uniform bins; not in sklearn);
 * - multiclass with scores: roc_auc_ovr_macro|_ovr_weighted|_ovo_macro|_ovo_weighted (roc_auc_score; rows are
 *   assumed to sum to 1, as sklearn requires and the caller checks), log_loss.
 * The confusion matrix has rows = true, columns = predicted, in label order.
 */
export function classificationMetrics(
  d: ClassificationData,
  opts: ClassificationOptions = {},
): { metrics: Record<string, MetricValue>; confusion: ConfusionMatrix } {
  const zd = opts.zeroDivision ?? 0;
  const n = d.yTrue.length;
  const k = d.labels.length;
  if (d.yPred.length !== n) throw new RangeError(`y_true and y_pred differ in length (${n} and ${d.yPred.length})`);
  const conf = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const t = d.yTrue[i] as number;
    const p = d.yPred[i] as number;
    if (!(t >= 0 && t < k && p >= 0 && p < k)) throw new RangeError(`row ${i}: class index outside [0, ${k})`);
    conf[t * k + p] = (conf[t * k + p] as number) + 1;
  }
  const matrix: number[][] = [];
  for (let a = 0; a < k; a++) matrix.push(Array.from(conf.subarray(a * k, a * k + k)));
  const confusion: ConfusionMatrix = { labels: [...d.labels], matrix };
  const metrics: Record<string, MetricValue> = {};
  const names = ['accuracy', 'balanced_accuracy', 'mcc'];
  for (const m of ['precision', 'recall', 'f1']) for (const avg of ['macro', 'weighted', 'micro']) names.push(`${m}_${avg}`);
  if (n === 0) {
    for (const m of names) metrics[m] = nan(NO_ROWS);
    return { metrics, confusion };
  }

  const tpS = new Float64Array(k);
  const trueS = new Float64Array(k);
  const predS = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    tpS[a] = conf[a * k + a] as number;
    for (let b = 0; b < k; b++) {
      trueS[a] = (trueS[a] as number) + (conf[a * k + b] as number);
      predS[b] = (predS[b] as number) + (conf[a * k + b] as number);
    }
  }
  let correct = 0;
  for (let a = 0; a < k; a++) correct += tpS[a] as number;
  metrics.accuracy = { value: correct / n };

  // balanced_accuracy_score: recall averaged over the classes of confusion_matrix(y_true, y_pred) that occur in y_true.
  const perClass: number[] = [];
  const predOnly: number[] = [];
  for (let a = 0; a < k; a++) {
    if ((trueS[a] as number) > 0) perClass.push((tpS[a] as number) / (trueS[a] as number));
    else if ((predS[a] as number) > 0) predOnly.push(a);
  }
  metrics.balanced_accuracy = {
    value: numpyMean(Float64Array.from(perClass)),
    ...(predOnly.length > 0 && {
      reason: `y_pred contains classes not in y_true (${list(d.labels, predOnly)}): they are left out of the average`,
    }),
  };

  // precision_recall_fscore_support(labels=all labels).
  const prec = new Float64Array(k);
  const rec = new Float64Array(k);
  const f1 = new Float64Array(k);
  const noPred: number[] = [];
  const noTrue: number[] = [];
  const neither: number[] = [];
  for (let a = 0; a < k; a++) {
    const t = trueS[a] as number;
    const p = predS[a] as number;
    if (p === 0) noPred.push(a);
    if (t === 0) noTrue.push(a);
    if (p === 0 && t === 0) neither.push(a);
    prec[a] = p === 0 ? zd : (tpS[a] as number) / p;
    rec[a] = t === 0 ? zd : (tpS[a] as number) / t;
    f1[a] = fScore(prec[a] as number, rec[a] as number);
  }
  const set = `${zd}.0`;
  const precReason = noPred.length > 0 ? `Precision is ill-defined and being set to ${set} in labels with no predicted samples: ${list(d.labels, noPred)}` : undefined;
  const recReason = noTrue.length > 0 ? `Recall is ill-defined and being set to ${set} in labels with no true samples: ${list(d.labels, noTrue)}` : undefined;
  const fReason = neither.length > 0 ? `F-score is ill-defined and being set to ${set} in labels with no true nor predicted samples: ${list(d.labels, neither)}` : undefined;
  const withReason = (value: number, reason: string | undefined): MetricValue => (reason === undefined ? { value } : { value, reason });
  metrics.precision_macro = withReason(numpyMean(prec), precReason);
  metrics.recall_macro = withReason(numpyMean(rec), recReason);
  metrics.f1_macro = withReason(numpyMean(f1), fReason);
  metrics.precision_weighted = withReason(weightedMean(prec, trueS), precReason);
  metrics.recall_weighted = withReason(weightedMean(rec, trueS), recReason);
  metrics.f1_weighted = withReason(weightedMean(f1, trueS), fReason);
  // micro: every row is counted once as predicted and once as true, so both denominators are n.
  const micro = correct / n;
  metrics.precision_micro = { value: micro };
  metrics.recall_micro = { value: micro };
  metrics.f1_micro = { value: fScore(micro, micro) };

  metrics.mcc = mcc(tpS, trueS, predS, n);

  if (d.kind === 'binary') {
    const pos = d.positive ?? 1;
    const t = trueS[pos] as number;
    const p = predS[pos] as number;
    const posName = JSON.stringify(d.labels[pos]);
    const pr = p === 0 ? zd : (tpS[pos] as number) / p;
    const rc = t === 0 ? zd : (tpS[pos] as number) / t;
    metrics.precision = withReason(pr, p === 0 ? `Precision is ill-defined and being set to ${set} due to no predicted samples of ${posName}` : undefined);
    metrics.recall = withReason(rc, t === 0 ? `Recall is ill-defined and being set to ${set} due to no true samples of ${posName}` : undefined);
    metrics.f1 = withReason(fScore(pr, rc), p === 0 && t === 0 ? `F-score is ill-defined and being set to ${set} due to no true nor predicted samples of ${posName}` : undefined);
    if (d.scores !== undefined) Object.assign(metrics, binaryScoreMetrics(d, pos));
  } else if (d.scores !== undefined) {
    Object.assign(metrics, multiclassScoreMetrics(d, trueS));
  }
  return { metrics, confusion };
}

/** F1 from precision and recall as sklearn 1.2.1: (1 + β²)·p·r / (β²·p + r), a zero denominator read as 1. */
function fScore(p: number, r: number): number {
  const denom = p + r;
  return (2 * p * r) / (denom === 0 ? 1 : denom);
}

function mcc(tpS: Float64Array, trueS: Float64Array, predS: Float64Array, n: number): MetricValue {
  let correct = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let a = 0; a < tpS.length; a++) {
    correct += tpS[a] as number;
    tp += (trueS[a] as number) * (predS[a] as number);
    pp += (predS[a] as number) * (predS[a] as number);
    tt += (trueS[a] as number) * (trueS[a] as number);
  }
  const covYtYp = correct * n - tp;
  const covYpYp = n * n - pp;
  const covYtYt = n * n - tt;
  if (covYpYp * covYtYt === 0) {
    return { value: 0, reason: 'matthews_corrcoef is undefined when y_true or y_pred holds a single class; scikit-learn returns 0.0' };
  }
  return { value: covYtYp / Math.sqrt(covYtYt * covYpYp) };
}

function binaryScoreMetrics(d: ClassificationData, pos: number): Record<string, MetricValue> {
  const scores = d.scores as Float64Array;
  const n = d.yTrue.length;
  if (scores.length !== n) throw new RangeError(`binary scores: expected ${n} values, got ${scores.length}`);
  const y01 = new Uint8Array(n);
  for (let i = 0; i < n; i++) y01[i] = d.yTrue[i] === pos ? 1 : 0;
  const out: Record<string, MetricValue> = {};
  const { rocAuc, averagePrecision } = binaryRankMetrics(y01, scores);
  out.roc_auc = rocAuc;
  out.average_precision = averagePrecision;
  let finite = true;
  let inUnit = true;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (s - s !== 0) finite = false;
    else if (s < 0 || s > 1) inUnit = false;
  }
  if (!finite) {
    out.log_loss = nan(NOT_FINITE);
    out.brier = nan(NOT_FINITE);
    out.ece = nan(NOT_FINITE);
    return out;
  }
  // log_loss(y == pos, p, labels=[0, 1]): columns [1 − p, p] after clipping, renormalised.
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(scores[i] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const q = 1 - p;
    const s = q + p;
    buf[i] = -Math.log((y01[i] === 1 ? p : q) / s);
  }
  out.log_loss = { value: numpyMean(buf) };
  if (!inUnit) {
    out.brier = nan('y_prob contains values outside [0, 1] (scikit-learn brier_score_loss rejects them)');
    out.ece = nan('y_prob has values outside [0, 1] (scikit-learn calibration_curve rejects them)');
    return out;
  }
  for (let i = 0; i < n; i++) {
    const e = (y01[i] as number) - (scores[i] as number);
    buf[i] = e * e;
  }
  out.brier = { value: numpyMean(buf) };
  out.ece = { value: expectedCalibrationError(y01, scores) };
  return out;
}

/** Σ over non-empty bins of |fraction of positives − mean probability| × rows in the bin / n (10 uniform bins). */
export function expectedCalibrationError(yTrue01: Uint8Array, prob: Float64Array, nBins = 10): number {
  const c = calibrationCurve(yTrue01, prob, nBins);
  const terms = new Float64Array(c.counts.length);
  for (let b = 0; b < terms.length; b++) terms[b] = Math.abs((c.probTrue[b] as number) - (c.probPred[b] as number)) * (c.counts[b] as number);
  return numpySum(terms) / prob.length;
}

function multiclassScoreMetrics(d: ClassificationData, support: Float64Array): Record<string, MetricValue> {
  const scores = d.scores as Float64Array;
  const n = d.yTrue.length;
  const k = d.labels.length;
  if (scores.length !== n * k) throw new RangeError(`multiclass scores: expected ${n} × ${k} values, got ${scores.length}`);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s - s !== 0) {
      const r = nan(NOT_FINITE);
      return { roc_auc_ovr_macro: r, roc_auc_ovr_weighted: r, roc_auc_ovo_macro: r, roc_auc_ovo_weighted: r, log_loss: r };
    }
  }
  // by[g][c]: column c of the rows of class g, sorted ascending.
  const by: Float64Array[][] = [];
  const fill = new Int32Array(k);
  for (let g = 0; g < k; g++) {
    by.push([]);
    for (let c = 0; c < k; c++) by[g]?.push(new Float64Array(support[g] as number));
  }
  for (let i = 0; i < n; i++) {
    const g = d.yTrue[i] as number;
    const row = by[g] as Float64Array[];
    const at = fill[g] as number;
    for (let c = 0; c < k; c++) (row[c] as Float64Array)[at] = scores[i * k + c] as number;
    fill[g] = at + 1;
  }
  for (const row of by) for (const col of row) sortFloat64(col);
  const u2 = (posClass: number, negClass: number, column: number): number =>
    mannWhitney2U((by[posClass] as Float64Array[])[column] as Float64Array, (by[negClass] as Float64Array[])[column] as Float64Array);

  const out: Record<string, MetricValue> = {};
  // One-vs-rest: every class needs rows of its own and of the rest.
  const bad: number[] = [];
  for (let c = 0; c < k; c++) if (support[c] === 0 || support[c] === n) bad.push(c);
  if (bad.length > 0) {
    const r = nan(`${ONE_CLASS} (one-vs-rest for ${list(d.labels, bad)})`);
    out.roc_auc_ovr_macro = r;
    out.roc_auc_ovr_weighted = r;
  } else {
    const auc = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let g = 0; g < k; g++) if (g !== c) s += u2(c, g, c);
      const nc = support[c] as number;
      auc[c] = s / (2 * nc * (n - nc));
    }
    out.roc_auc_ovr_macro = { value: numpyMean(auc) };
    out.roc_auc_ovr_weighted = { value: weightedMean(auc, support) };
  }
  // One-vs-one (Hand & Till) over the pairs of classes present in y_true.
  const present: number[] = [];
  for (let c = 0; c < k; c++) if ((support[c] as number) > 0) present.push(c);
  if (present.length < 2) {
    const r = nan(`${ONE_CLASS} (one-vs-one needs two classes in y_true)`);
    out.roc_auc_ovo_macro = r;
    out.roc_auc_ovo_weighted = r;
  } else {
    const pairs: number[] = [];
    const prevalence: number[] = [];
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const a = present[x] as number;
        const b = present[y] as number;
        const na = support[a] as number;
        const nb = support[b] as number;
        const aucA = u2(a, b, a) / (2 * na * nb);
        const aucB = u2(b, a, b) / (2 * na * nb);
        pairs.push((aucA + aucB) / 2);
        prevalence.push((na + nb) / n);
      }
    }
    const pairScores = Float64Array.from(pairs);
    out.roc_auc_ovo_macro = { value: numpyMean(pairScores) };
    out.roc_auc_ovo_weighted = { value: weightedMean(pairScores, Float64Array.from(prevalence)) };
    if (present.length < k) {
      const absent: number[] = [];
      for (let c = 0; c < k; c++) if (support[c] === 0) absent.push(c);
      const reason = `classes absent from y_true are left out of the pairs: ${list(d.labels, absent)}`;
      out.roc_auc_ovo_macro.reason = reason;
      out.roc_auc_ovo_weighted.reason = reason;
    }
  }
  // log_loss(labels=all labels): clip to [eps, 1 − eps], renormalise each row, mean of −log p(true class).
  const loss = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) row[c] = Math.min(Math.max(scores[i * k + c] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    loss[i] = -Math.log((row[d.yTrue[i] as number] as number) / numpySum(row));
  }
  out.log_loss = { value: numpyMean(loss) };
  return out;
}
