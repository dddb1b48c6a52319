/**
 * Verdicts on benchmark metrics, judged as one family so that a suite of hundreds of metrics does not raise
 * false alarms.
 *
 * Rule, for each benchmark × metric (`change` = statistic of current / statistic of baseline − 1, signed so
 * that positive is worse for the metric's direction):
 *
 *   regression  ⇔  (a) the one-sided p-value for "current is worse", Holm-adjusted over every metric judged in
 *                      the run, is below alpha (default 0.05), and
 *                  (b) the change exceeds max(threshold, noise floor), and
 *                  (c) the bootstrap confidence interval (level 1 − alpha) of the change lies entirely above 0.
 *   improvement ⇔  the same in the other direction, with its own Holm adjustment of the other one-sided p-values.
 *   unchanged   ⇔  otherwise; `reason` says which condition failed when the test alone was significant.
 *   inconclusive ⇔ too few samples (fewer than minSamples per side; for a quantile other than the median,
 *                  fewer than 10 / min(q, 1 − q) per side, e.g. 10 000 for P99.9), a baseline statistic of 0,
 *                  or sample sizes with which the test cannot reach significance across the family.
 *   One estimate per side with its interval (a percentile of one latency log each): the p-value is that of a
 *   z-test of the log ratio, the interval of the change comes from the same normal (see judgeEstimates).
 *
 * Why this combination:
 * - (a) carries the error control. The probability that a run reports any false regression is at most alpha
 *   however many metrics are compared, because Holm's step-down keeps the family-wise error rate of the
 *   one-sided tests. For the median the test is Mann–Whitney's (exact for small samples without ties): it
 *   compares ranks, so spikes cannot inflate it the way they inflate a t-test. Ranks alone still let one 3×
 *   spike in a baseline of 10 cost 10 of the 100 pairs, which is enough to hide a 50% slowdown at the
 *   family-wise level, and two spikes in 10 make the bootstrap interval of the median useless; so for the
 *   median each sample first loses its gross outliers (more than 2× off its median and more than 5 robust σ,
 *   fewer than a third of the sample), the same rule on both sides so that the null stays symmetric, and the
 *   statistic, its interval and the test all use what remains (`outliers` counts what was left out).
 *   For another quantile (P90, P99 …) a rank test looks at the wrong part of the distribution, and the spikes
 *   are what is measured: the p-value comes from the bootstrap on all values, z = change / (bootstrap
 *   standard error of the change, taken as half the 15.9–84.1 percentile range).
 * - (b) keeps statistically real but practically irrelevant changes from failing the build. The noise floor
 *   is the larger of `options.noiseFloor` (run-to-run noise measured elsewhere, e.g. the spread of the
 *   statistic across stored baseline runs, which within-run samples cannot see) and the relative half-width of
 *   the bootstrap interval of the baseline's own statistic.
 * - (c) asks the effect-size estimate to agree with the test: a rank test can reject because the shape of the
 *   distribution changed while the compared statistic did not move.
 * (b) and (c) only remove rejections, so they cannot raise the false-alarm rate. bench/perf-verdicts.ts
 * measures the whole rule on generated suites: on clean lognormal noise it stays within 5 points of the
 * detection of a Bonferroni Welch t-test on log times; with 5% random 3× spikes it keeps about its clean
 * figures, where the bare Holm–Mann–Whitney test loses about a third.
 *
 * `pValue` and `adjustedP` are those of the worse direction. Values must be finite and ≥ 0 (RangeError
 * otherwise). Deterministic for a given seed.
 */
import { bootstrapRelativeChange, DEFAULT_RESAMPLES, DEFAULT_SEED, quantilesOf, relativeChange } from './bootstrap.js';
import { MAD_NORMAL_SCALE, median, quantile } from './descriptive.js';
import { holm, mannWhitneyMinP, mannWhitneyU } from './tests.js';
import jStat from 'jstat';

export type Direction = 'lower' | 'higher';

export interface JudgeOptions {
  /** Which values are better. */
  direction: Direction;
  /** Smallest relative change that matters, e.g. 0.05. */
  threshold: number;
  /** Family-wise error rate; default 0.05. */
  alpha?: number;
  /** Fewer samples on either side give `inconclusive`; default 5. */
  minSamples?: number;
  /** Compared statistic; default the median. */
  statistic?: 'median' | { quantile: number };
  /** Bootstrap resamples; default 2000. */
  bootstrap?: number;
  seed?: number;
  /** Relative run-to-run noise of this metric measured elsewhere (e.g. across baseline runs); raises the bar of (b). */
  noiseFloor?: number;
}

export interface Judgement {
  verdict: 'regression' | 'improvement' | 'unchanged' | 'inconclusive';
  /** Relative change of the statistic, current vs baseline; NaN where a side has no values. */
  change: number;
  /** Bootstrap interval (level 1 − alpha) of the relative change; NaN bounds where not computed. */
  ci: [number, number];
  /** Raw one-sided p-value for the worse direction; NaN where not computed. */
  pValue: number;
  /** pValue after Holm's adjustment over the family. */
  adjustedP?: number;
  reason?: string;
  baseline: number;
  current: number;
  nBaseline: number;
  nCurrent: number;
  /** max(options.noiseFloor, relative half-width of the baseline statistic's bootstrap interval). */
  noiseFloor?: number;
  /** Gross outliers left out of a median comparison, [baseline, current]; absent when none. */
  outliers?: [number, number];
}

export interface EstimateInterval {
  lower: number;
  upper: number;
  /** Confidence level of [lower, upper], e.g. 0.95. */
  level: number;
}

export interface JudgeItem {
  baseline: number[];
  current: number[];
  options: JudgeOptions;
  /**
   * When each side is one estimate from many raw samples of one run (a latency percentile), its confidence
   * interval; with one value per side the comparison then uses these instead of failing on sample count.
   */
  intervals?: { baseline: EstimateInterval; current: EstimateInterval };
}

const DEFAULT_ALPHA = 0.05;
const DEFAULT_MIN_SAMPLES = 5;

interface Tested {
  judgement: Judgement;
  pBetter: number;
  /** Signed change and interval bounds with positive meaning worse. */
  worse: number;
  worseCi: [number, number];
  bar: number;
  alpha: number;
  /** Smallest p-value the test can reach with these sample sizes (rank test only). */
  minP: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.001 ? 3 : 1)}%`;

function validate(item: JudgeItem, index: number): void {
  const o = item.options;
  const where = `benchmark ${index}`;
  if (o.direction !== 'lower' && o.direction !== 'higher') throw new RangeError(`${where}: direction must be 'lower' or 'higher'`);
  if (!(o.threshold >= 0 && Number.isFinite(o.threshold))) throw new RangeError(`${where}: threshold must be a finite number ≥ 0 (got ${o.threshold})`);
  if (o.alpha !== undefined && !(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`${where}: alpha must be in (0, 1) (got ${o.alpha})`);
  if (o.minSamples !== undefined && !(Number.isInteger(o.minSamples) && o.minSamples >= 2)) throw new RangeError(`${where}: minSamples must be an integer ≥ 2 (got ${o.minSamples})`);
  if (typeof o.statistic === 'object' && !(o.statistic.quantile > 0 && o.statistic.quantile < 1)) throw new RangeError(`${where}: quantile must be in (0, 1) (got ${o.statistic.quantile})`);
  if (o.bootstrap !== undefined && !(Number.isInteger(o.bootstrap) && o.bootstrap >= 100)) throw new RangeError(`${where}: bootstrap must be an integer ≥ 100 (got ${o.bootstrap})`);
  if (o.noiseFloor !== undefined && !(o.noiseFloor >= 0 && Number.isFinite(o.noiseFloor))) throw new RangeError(`${where}: noiseFloor must be a finite number ≥ 0 (got ${o.noiseFloor})`);
  for (const side of ['baseline', 'current'] as const) {
    for (const [k, v] of item[side].entries()) {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${where}: ${side} value ${k} is ${v}; values must be finite and ≥ 0`);
    }
  }
}

/**
 * A gross outlier for the rank test is off the sample median by more than a factor of 2 and by more than 5
 * robust standard deviations, both on the log scale. The factor keeps the rule from trimming legitimate values
 * of a small quiet sample whose MAD happens to be tiny (which would make the test anti-conservative); the σ
 * bound keeps it from trimming the tails of a genuinely noisy metric.
 */
const OUTLIER_SIGMAS = 5;
const OUTLIER_LOG_FACTOR = Math.LN2;

/** The sample without gross outliers, unless that would remove a third of it or more (a mode, not outliers). */
function withoutGrossOutliers(x: number[]): number[] {
  if (x.length < 3 || x.some((v) => v <= 0)) return x;
  const logs = x.map(Math.log);
  const m = median(logs);
  const sigma = MAD_NORMAL_SCALE * median(logs.map((v) => Math.abs(v - m)));
  const fence = Math.max(OUTLIER_SIGMAS * sigma, OUTLIER_LOG_FACTOR);
  const kept = x.filter((_, i) => Math.abs((logs[i] as number) - m) <= fence);
  return kept.length * 3 > x.length * 2 ? kept : x;
}

/** Samples needed per side: the expected count beyond a non-median quantile must reach 10. */
function requiredSamples(q: number, minSamples: number): number {
  if (q === 0.5) return minSamples;
  return Math.max(minSamples, Math.ceil(10 / Math.min(q, 1 - q) - 1e-9));
}

function judgeOne(item: JudgeItem, index: number): Judgement | Tested {
  const o = item.options;
  const q = typeof o.statistic === 'object' ? o.statistic.quantile : 0.5;
  const alpha = o.alpha ?? DEFAULT_ALPHA;
  const { baseline: rawB, current: rawC } = item;
  // The median is compared without gross outliers; a tail quantile is about exactly those values.
  const b = q === 0.5 ? withoutGrossOutliers(rawB) : rawB;
  const c = q === 0.5 ? withoutGrossOutliers(rawC) : rawC;
  const stat = (x: number[]): number => (x.length ? quantile(x, q) : NaN);
  const base: Judgement = {
    verdict: 'inconclusive',
    change: NaN,
    ci: [NaN, NaN],
    pValue: NaN,
    baseline: stat(b),
    current: stat(c),
    nBaseline: rawB.length,
    nCurrent: rawC.length,
  };
  if (b.length < rawB.length || c.length < rawC.length) base.outliers = [rawB.length - b.length, rawC.length - c.length];
  if (b.length && c.length) base.change = relativeChange(base.baseline, base.current);
  if (item.intervals && rawB.length === 1 && rawC.length === 1) return judgeEstimates(base, item.intervals, o);
  const need = requiredSamples(q, o.minSamples ?? DEFAULT_MIN_SAMPLES);
  if (rawB.length < need || rawC.length < need) {
    const what = q === 0.5 ? '' : ` for quantile ${q}`;
    return { ...base, reason: `too few samples${what}: ${rawB.length} baseline and ${rawC.length} current, ${need} needed per side` };
  }
  if (base.baseline === 0) return { ...base, reason: 'baseline statistic is 0, a relative change is undefined' };

  const boot = bootstrapRelativeChange(b, c, {
    quantile: q,
    resamples: o.bootstrap ?? DEFAULT_RESAMPLES,
    level: 1 - alpha,
    seed: ((o.seed ?? DEFAULT_SEED) + Math.imul(index, 0x9e3779b9)) >>> 0,
  });
  const sign = o.direction === 'lower' ? 1 : -1;
  const worse = sign * boot.change;
  const worseCi: [number, number] = sign === 1 ? boot.ci : [-boot.ci[1], -boot.ci[0]];

  let pWorse: number;
  let pBetter: number;
  let minP = 0;
  if (q === 0.5) {
    const worseAlt = o.direction === 'lower' ? 'greater' : 'less';
    const betterAlt = o.direction === 'lower' ? 'less' : 'greater';
    pWorse = mannWhitneyU(c, b, worseAlt).pValue;
    pBetter = mannWhitneyU(c, b, betterAlt).pValue;
    minP = mannWhitneyMinP(b.length, c.length);
  } else {
    const [lo, hi] = quantilesOf(boot.changes, [0.15865525393145707, 0.8413447460685429]) as [number, number];
    const se = (hi - lo) / 2;
    const z = se > 0 && Number.isFinite(se) ? worse / se : worse > 0 ? Infinity : worse < 0 ? -Infinity : 0;
    pWorse = z === 0 && se === 0 ? 1 : jStat.normal.cdf(-z, 0, 1);
    pBetter = z === 0 && se === 0 ? 1 : jStat.normal.cdf(z, 0, 1);
  }

  const [bLo, bHi] = quantilesOf(boot.baselines, [alpha / 2, 1 - alpha / 2]) as [number, number];
  const halfWidth = (bHi - bLo) / 2 / boot.baseline;
  const noiseFloor = Math.max(o.noiseFloor ?? 0, halfWidth);
  return {
    judgement: { ...base, verdict: 'unchanged', change: boot.change, ci: boot.ci, pValue: pWorse, noiseFloor },
    pBetter,
    worse,
    worseCi,
    bar: Math.max(o.threshold, noiseFloor),
    alpha,
    minP,
  };
}

/** Standard error of log(estimate) from its interval, read as a normal interval on the log scale. */
function logStandardError(i: EstimateInterval): number {
  const z = jStat.normal.inv(1 - (1 - i.level) / 2, 0, 1);
  return (Math.log(i.upper) - Math.log(i.lower)) / (2 * z);
}

/**
 * Two single estimates with their intervals: z-test of the log ratio with the two standard errors combined
 * (independent runs), the interval of the change from the same normal, the baseline's relative half-width as
 * the noise floor. Only run-internal sampling noise is in these intervals, so the practical threshold matters
 * more here than with repetitions.
 */
function judgeEstimates(base: Judgement, intervals: NonNullable<JudgeItem['intervals']>, o: JudgeOptions): Judgement | Tested {
  const alpha = o.alpha ?? DEFAULT_ALPHA;
  const b = base.baseline;
  const c = base.current;
  for (const [side, i, v] of [['baseline', intervals.baseline, b], ['current', intervals.current, c]] as const) {
    if (!(i.lower <= v && v <= i.upper && i.level > 0 && i.level < 1)) return { ...base, reason: `the ${side} interval [${i.lower}, ${i.upper}] at level ${i.level} does not hold its value ${v}` };
  }
  if (b === 0) return { ...base, reason: 'baseline statistic is 0, a relative change is undefined' };
  if (c === 0 || intervals.baseline.lower <= 0 || intervals.current.lower <= 0) return { ...base, reason: 'an interval reaches 0, so the change cannot be judged on a log scale' };
  const d = Math.log(c) - Math.log(b);
  const se = Math.hypot(logStandardError(intervals.baseline), logStandardError(intervals.current));
  const sign = o.direction === 'lower' ? 1 : -1;
  const z = se > 0 ? (sign * d) / se : sign * d > 0 ? Infinity : sign * d < 0 ? -Infinity : 0;
  const pWorse = z === 0 && se === 0 ? 1 : jStat.normal.cdf(-z, 0, 1);
  const pBetter = z === 0 && se === 0 ? 1 : jStat.normal.cdf(z, 0, 1);
  const zc = jStat.normal.inv(1 - alpha / 2, 0, 1);
  const ci: [number, number] = [Math.expm1(d - zc * se), Math.expm1(d + zc * se)];
  const change = relativeChange(b, c);
  const halfWidth = (intervals.baseline.upper - intervals.baseline.lower) / 2 / b;
  const noiseFloor = Math.max(o.noiseFloor ?? 0, halfWidth);
  return {
    judgement: { ...base, verdict: 'unchanged', change, ci, pValue: pWorse, noiseFloor },
    pBetter,
    worse: sign * change,
    worseCi: sign === 1 ? ci : [-ci[1], -ci[0]],
    bar: Math.max(o.threshold, noiseFloor),
    alpha,
    minP: 0,
  };
}

function decide(t: Tested, adjWorse: number, adjBetter: number, family: number): Judgement {
  const j: Judgement = { ...t.judgement, adjustedP: adjWorse };
  const regression = adjWorse < t.alpha;
  const improvement = adjBetter < t.alpha;
  if (!regression && !improvement) {
    if (t.minP > t.alpha / family) {
      j.verdict = 'inconclusive';
      j.reason = `${j.nBaseline} baseline and ${j.nCurrent} current samples cannot reach significance across ${family} comparisons`;
    }
    return j;
  }
  const size = regression ? t.worse : -t.worse;
  const ciAway = regression ? t.worseCi[0] > 0 : t.worseCi[1] < 0;
  const name = regression ? 'regression' : 'improvement';
  if (!(size > t.bar)) {
    j.reason = `significant ${name}, but the change ${pct(size)} is within ${t.bar === t.judgement.noiseFloor ? 'the noise floor' : 'the threshold'} ${pct(t.bar)}`;
  } else if (!ciAway) {
    j.reason = `significant ${name}, but the ${pct(1 - t.alpha)} interval of the change includes 0`;
  } else {
    j.verdict = name;
  }
  return j;
}

/** Judge every item; the family-wise error is controlled over all items that could be tested. */
export function judgeFamily(items: JudgeItem[]): Judgement[] {
  items.forEach(validate);
  const results = items.map(judgeOne);
  const tested = results.filter((r): r is Tested => 'judgement' in r);
  const adjWorse = holm(tested.map((t) => t.judgement.pValue));
  const adjBetter = holm(tested.map((t) => t.pBetter));
  let k = 0;
  return results.map((r) => {
    if (!('judgement' in r)) return r;
    const j = decide(r, adjWorse[k] as number, adjBetter[k] as number, tested.length);
    k++;
    return j;
  });
}

/** Judge a single comparison (a family of one). */
export function judge(baseline: number[], current: number[], options: JudgeOptions): Judgement {
  return judgeFamily([{ baseline, current, options }])[0] as Judgement;
}
