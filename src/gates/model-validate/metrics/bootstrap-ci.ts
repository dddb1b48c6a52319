/**
 * Percentile bootstrap interval of a metric over resampled rows, seeded for determinism.
 */
import { createRng, quantilesOf } from '../../../core/stats/bootstrap.js';
import type { ClassificationData, RegressionData } from '../types.js';

export interface BootstrapCiOptions {
  /** Resamples; default 1000, lowered so that n × resamples stays within 2e7 row draws (at least 100). */
  resamples?: number;
  /** Confidence level; default 0.95. */
  level?: number;
  seed?: number;
}

export interface BootstrapCi {
  lower: number;
  upper: number;
  level: number;
  /** Resamples actually drawn (after the work cap). */
  resamples: number;
  /** Replicates whose statistic was NaN (e.g. a resample with one class): left out of the interval. */
  undefinedResamples: number;
}

export const DEFAULT_CI_RESAMPLES = 1000;
export const DEFAULT_CI_SEED = 0x6d76; // "mv"
/** Most row draws (n × resamples) one interval may take. */
export const MAX_CI_DRAWS = 2e7;

/**
 * Percentile interval of `statistic` over resamples of the n rows drawn with replacement. `statistic` gets the
 * drawn row indices; the array is reused for the next replicate, so it must not be kept. Undefined when n is 0 or
 * fewer than half of the replicates are defined (not NaN).
 */
export function bootstrapCI(n: number, statistic: (rows: Int32Array) => number, opts: BootstrapCiOptions = {}): BootstrapCi | undefined {
  const requested = opts.resamples ?? DEFAULT_CI_RESAMPLES;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bootstrap: row count must be a non-negative integer (got ${n})`);
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`bootstrap: resamples must be a positive integer (got ${requested})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: confidence level ${level} outside (0, 1)`);
  if (n === 0) return undefined;
  const resamples = n * requested > MAX_CI_DRAWS ? Math.min(requested, Math.max(100, Math.floor(MAX_CI_DRAWS / n))) : requested;
  const rng = createRng(opts.seed ?? DEFAULT_CI_SEED);
  const rows = new Int32Array(n);
  const values = new Float64Array(resamples);
  let defined = 0;
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = rng.int(n);
    const v = statistic(rows);
    if (!Number.isNaN(v)) values[defined++] = v;
  }
  const undefinedResamples = resamples - defined;
  if (defined * 2 < resamples) return undefined;
  const tail = (1 - level) / 2;
  const [lower, upper] = quantilesOf(values.subarray(0, defined), [tail, 1 - tail]) as [number, number];
  return { lower, upper, level, resamples, undefinedResamples };
}

/** The rows `rows` (indices, repeats allowed) of classification data; labels, kind and positive class kept. */
export function subsetClassification(d: ClassificationData, rows: Int32Array): ClassificationData {
  const m = rows.length;
  const yTrue = new Int32Array(m);
  const yPred = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows[i] as number;
    yTrue[i] = d.yTrue[r] as number;
    yPred[i] = d.yPred[r] as number;
  }
  const out: ClassificationData = { kind: d.kind, labels: d.labels, yTrue, yPred };
  if (d.positive !== undefined) out.positive = d.positive;
  if (d.scores !== undefined) {
    const w = d.kind === 'binary' ? 1 : d.labels.length;
    const scores = new Float64Array(m * w);
    if (w === 1) {
      for (let i = 0; i < m; i++) scores[i] = d.scores[rows[i] as number] as number;
    } else {
      for (let i = 0; i < m; i++) scores.set(d.scores.subarray((rows[i] as number) * w, (rows[i] as number) * w + w), i * w);
    }
    out.scores = scores;
  }
  return out;
}

/** The rows `rows` (indices, repeats allowed) of regression data. */
export function subsetRegression(d: RegressionData, rows: Int32Array): RegressionData {
  const m = rows.length;
  const yTrue = new Float64Array(m);
  const yPred = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows[i] as number;
    yTrue[i] = d.yTrue[r] as number;
    yPred[i] = d.yPred[r] as number;
  }
  return { kind: 'regression', yTrue, yPred };
}
