/**
 * Shared shapes of model-validate: the tables read from predictions and feature files, and the metric results.
 */

/** Predictions of a classifier, columnar. Class indices point into `labels`. */
export interface ClassificationData {
  kind: 'binary' | 'multiclass';
  /**
   * Every class, in the order scikit-learn uses (`unique_labels` of y_true, y_pred and the score columns' classes:
   * numeric order when every label is a number, else string order), unless the config fixes the order.
   */
  labels: string[];
  /** True class of each row, index into labels. */
  yTrue: Int32Array;
  /** Predicted class of each row, index into labels. */
  yPred: Int32Array;
  /**
   * Scores. Binary: one value per row, the probability of `labels[positive]`. Multiclass: row-major n × labels.length,
   * column k is the score of labels[k]. Absent when the file has no score columns (threshold metrics only).
   */
  scores?: Float64Array;
  /** Binary: index of the positive class in labels. */
  positive?: number;
}

/** Predictions of a regression model. */
export interface RegressionData {
  kind: 'regression';
  yTrue: Float64Array;
  yPred: Float64Array;
}

export type PredictionData = ClassificationData | RegressionData;

/** A metric value, or NaN with the reason it is undefined (e.g. one class present). */
export interface MetricValue {
  value: number;
  /** Why the value is NaN (or otherwise degenerate, such as zero_division applied). */
  reason?: string;
}

export interface ConfusionMatrix {
  labels: string[];
  /** matrix[i][j]: rows with true label i predicted as j. */
  matrix: number[][];
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

export interface PrCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

export interface CalibrationCurve {
  /** Fraction of positives per non-empty bin (sklearn calibration_curve prob_true). */
  probTrue: number[];
  /** Mean predicted probability per non-empty bin (prob_pred). */
  probPred: number[];
  /** Rows per non-empty bin. */
  counts: number[];
  bins: number;
}

/** A column of a feature table. Missing cells (empty, NA, NaN, null) are left out and counted. */
export type FeatureColumn =
  | { name: string; kind: 'numeric'; values: Float64Array; missing: number }
  | { name: string; kind: 'categorical'; values: string[]; missing: number };

export interface FeatureTable {
  file: string;
  rows: number;
  columns: FeatureColumn[];
}

export type DriftMethod = 'ks' | 'wasserstein' | 'psi' | 'chisquare' | 'jensenshannon';

/** One drift test of one column (report.json details.drift.columns[]). */
export interface DriftResult {
  name: string;
  method: DriftMethod;
  /** ks: D; wasserstein: distance normed by the reference's standard deviation; psi; chisquare: χ²; jensenshannon: distance (base 2). */
  statistic: number;
  pValue?: number;
  /** Effect size shown beside the p-value (ks: D itself; chisquare: Cramér's V; others: the statistic). */
  effectSize?: number;
  /** Raw Wasserstein distance, for wasserstein. */
  raw?: number;
  threshold: number;
  drifted: boolean;
  /** Severity tier, e.g. PSI ≥ 0.25 is 'severe'. */
  severity?: 'none' | 'moderate' | 'severe';
  referenceCount: number;
  currentCount: number;
  reason?: string;
}
