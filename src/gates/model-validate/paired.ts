/**
 * Paired significance tests of a candidate model (B) against a baseline model (A) scored on the same rows.
 *
 * Every test reports `pWorse`: a one-sided p-value for "B is worse than A" (small = evidence that the candidate
 * is worse). Goldens: scripts/golden/drift.py → test/fixtures/model-validate/drift-golden.json.
 */
import { createRng, DEFAULT_RESAMPLES, DEFAULT_SEED, quantilesOf } from '../../core/stats/bootstrap.js';

/** Largest n × resamples a paired bootstrap performs (the resample count is lowered to fit, never below 100). */
const BOOTSTRAP_WORK_CAP = 2e7;
const MIN_RESAMPLES = 100;

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0: the Maclaurin series of erf below 2 (erfc ≥ 0.0047 there, so 1 − erf keeps ~1e-14 relative),
 * the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) from 2 on.
 */
function erfcNonNegative(x: number): number {
  if (x < 2) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 200; k++) {
      term *= -x2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / SQRT_PI) * sum;
  }
  if (x > 27.3) return 0;
  // Lentz's algorithm for x + (1/2)/(x + 1/(x + (3/2)/(x + …))), partial numerators k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** P(Z > z) for a standard normal Z (scipy.stats.norm.sf). */
function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z >= 0 ? erfcNonNegative(z / Math.SQRT2) / 2 : 1 - erfcNonNegative(-z / Math.SQRT2) / 2;
}

/** Number of values ≤ x in ascending `sorted`; with `strict`, < x. */
function countBelow(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (strict ? v < x : v <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Midrank (1-based, ties averaged) of x among ascending `sorted`. */
function midrank(sorted: Float64Array, x: number): number {
  return (countBelow(sorted, x, true) + countBelow(sorted, x, false) + 1) / 2;
}

/** Sample covariance matrix entries (ddof 1) of two equally long vectors: [var(a), var(b), cov(a, b)]. */
function cov2(a: Float64Array, b: Float64Array): [number, number, number] {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  return [saa / (n - 1), sbb / (n - 1), sab / (n - 1)];
}

/**
 * DeLong's test of two correlated ROC AUCs on the same rows, by Sun & Xu's (2014) O(n log n) midrank algorithm.
 *
 * AUC_k = (Σ over positives of the midrank among all rows − m(m+1)/2) / (m·n) for m positives and n negatives;
 * the structural components are V10 = (midrank among all − midrank among positives) / n per positive and
 * V01 = 1 − (midrank among all − midrank among negatives) / m per negative; S = cov(V10)/m + cov(V01)/n (ddof 1).
 * diff = AUC_B − AUC_A, se = sqrt(S_AA + S_BB − 2·S_AB), z = diff / se, pValue = 2·P(Z > |z|) (two-sided),
 * pWorse = P(Z ≤ z): one-sided, small when B (the candidate) has the lower AUC.
 * se = 0 gives z = 0 when diff = 0 (p = 1, pWorse = 0.5) and ±∞ otherwise. With one class only every field is NaN;
 * with a single positive or negative, se and what follows are NaN (no throw). Scores must be finite; lengths equal.
 */
export function delong(
  yTrue01: Uint8Array,
  scoresA: Float64Array,
  scoresB: Float64Array,
): { aucA: number; aucB: number; diff: number; se: number; z: number; pValue: number; pWorse: number } {
  const N = yTrue01.length;
  if (scoresA.length !== N || scoresB.length !== N) {
    throw new RangeError(`delong: ${N} labels but ${scoresA.length} and ${scoresB.length} scores`);
  }
  let m = 0;
  for (let i = 0; i < N; i++) {
    const y = yTrue01[i] as number;
    if (y !== 0 && y !== 1) throw new RangeError(`delong: label ${i} is ${y}, expected 0 or 1`);
    m += y;
  }
  const n = N - m;
  if (m === 0 || n === 0) return { aucA: NaN, aucB: NaN, diff: NaN, se: NaN, z: NaN, pValue: NaN, pWorse: NaN };
  const aucs: number[] = [];
  const v10s: Float64Array[] = [];
  const v01s: Float64Array[] = [];
  for (const scores of [scoresA, scoresB]) {
    const pos = new Float64Array(m);
    const neg = new Float64Array(n);
    let ip = 0;
    let ineg = 0;
    for (let i = 0; i < N; i++) {
      const s = scores[i] as number;
      if (!Number.isFinite(s)) throw new RangeError(`delong: score ${i} is not a finite number (${s})`);
      if (yTrue01[i] === 1) pos[ip++] = s;
      else neg[ineg++] = s;
    }
    const all = Float64Array.from(scores).sort();
    const posSorted = Float64Array.from(pos).sort();
    const negSorted = Float64Array.from(neg).sort();
    const v10 = new Float64Array(m);
    const v01 = new Float64Array(n);
    let rankSum = 0;
    for (let i = 0; i < m; i++) {
      const tz = midrank(all, pos[i] as number);
      rankSum += tz;
      v10[i] = (tz - midrank(posSorted, pos[i] as number)) / n;
    }
    for (let j = 0; j < n; j++) {
      const tz = midrank(all, neg[j] as number);
      v01[j] = 1 - (tz - midrank(negSorted, neg[j] as number)) / m;
    }
    aucs.push((rankSum - (m * (m + 1)) / 2) / (m * n));
    v10s.push(v10);
    v01s.push(v01);
  }
  const [aucA, aucB] = aucs as [number, number];
  const [x10aa, x10bb, x10ab] = cov2(v10s[0] as Float64Array, v10s[1] as Float64Array);
  const [x01aa, x01bb, x01ab] = cov2(v01s[0] as Float64Array, v01s[1] as Float64Array);
  const saa = x10aa / m + x01aa / n;
  const sbb = x10bb / m + x01bb / n;
  const sab = x10ab / m + x01ab / n;
  const variance = saa + sbb - 2 * sab;
  const se = Math.sqrt(Math.max(0, variance));
  const diff = aucB - aucA;
  const z = Number.isNaN(se) ? NaN : se === 0 ? (diff === 0 ? 0 : diff * Infinity) : diff / se;
  return { aucA, aucB, diff, se, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), pWorse: normalSf(-z) };
}

/** C(n, k) for n < 53 (exact in double). */
function binomialCoefficient(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** P(lo ≤ X ≤ hi) for X ~ Binomial(n, ½), n < 53: an exact integer sum over 2ⁿ. */
function binomHalfBetween(lo: number, hi: number, n: number): number {
  let s = 0;
  for (let i = Math.max(0, lo); i <= Math.min(hi, n); i++) s += binomialCoefficient(n, i);
  return s / 2 ** n;
}

/**
 * McNemar's test on paired correctness: b = rows A got right and B wrong, c = rows A got wrong and B right.
 *
 * - b + c < 25: exact binomial test as statsmodels' mcnemar(exact=True): statistic = min(b, c),
 *   pValue = min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, ½); pWorse = P(X ≥ b) (binomial survival at b − 1).
 * - otherwise: chi-square with continuity correction, statistic = (|b − c| − 1)² / (b + c), pValue = P(χ²₁ > statistic);
 *   pWorse = P(Z > (b − c − 1) / √(b + c)), the normal approximation of the continuity-corrected one-sided test.
 * pWorse is small when B is wrong on many more of the discordant rows than A.
 */
export function mcnemar(
  correctA: Uint8Array,
  correctB: Uint8Array,
): { b: number; c: number; statistic: number; pValue: number; pWorse: number; exact: boolean } {
  if (correctA.length !== correctB.length) throw new RangeError(`mcnemar: ${correctA.length} and ${correctB.length} rows`);
  let b = 0;
  let c = 0;
  for (let i = 0; i < correctA.length; i++) {
    const a = correctA[i] !== 0;
    const bb = correctB[i] !== 0;
    if (a && !bb) b++;
    else if (!a && bb) c++;
  }
  const nd = b + c;
  if (nd < 25) {
    const k = Math.min(b, c);
    return { b, c, statistic: k, pValue: Math.min(1, 2 * binomHalfBetween(0, k, nd)), pWorse: binomHalfBetween(b, nd, nd), exact: true };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / nd;
  // χ²₁ survival = 2·P(Z > √statistic).
  const pValue = Math.min(1, 2 * normalSf(Math.sqrt(statistic)));
  const pWorse = normalSf((b - c - 1) / Math.sqrt(nd));
  return { b, c, statistic, pValue, pWorse, exact: false };
}

/**
 * Paired percentile bootstrap of metricB − metricA: each replicate draws n row indices with replacement (seeded
 * createRng) and evaluates both metrics on the same rows. The Int32Array passed to the metrics is reused between
 * calls: copy it if it must outlive the call.
 *
 * - diff = metricB − metricA on all rows (0 … n−1);
 * - ci = percentile interval (type-7 quantiles) of the replicate differences at `level` (default 0.95);
 * - pWorse = one-sided bootstrap p-value for "B is worse than A" = (k + 1) / (R + 1), where k counts replicates on the
 *   not-worse side (difference ≥ 0 when direction is 'higher', ≤ 0 when 'lower') and R the replicates whose difference
 *   is a number (replicates where a metric is NaN are left out; none left → NaN);
 * - resamples (default 2000) is lowered so that n × resamples ≤ 2e7, but not below 100; the count used is returned.
 */
export function pairedBootstrap(
  n: number,
  metricA: (rows: Int32Array) => number,
  metricB: (rows: Int32Array) => number,
  direction: 'higher' | 'lower',
  opts: { resamples?: number; level?: number; seed?: number } = {},
): { diff: number; ci: [number, number]; pWorse: number; resamples: number } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`pairedBootstrap: n must be a positive integer (got ${n})`);
  const requested = opts.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`pairedBootstrap: resamples must be a positive integer (got ${requested})`);
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`pairedBootstrap: confidence level ${level} outside (0, 1)`);
  const resamples = Math.max(Math.min(requested, MIN_RESAMPLES), Math.min(requested, Math.floor(BOOTSTRAP_WORK_CAP / n)));
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const diff = metricB(rows) - metricA(rows);
  const rng = createRng(opts.seed ?? DEFAULT_SEED);
  const diffs = new Float64Array(resamples);
  let valid = 0;
  let notWorse = 0;
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = rng.int(n);
    const d = metricB(rows) - metricA(rows);
    if (Number.isNaN(d)) continue;
    diffs[valid++] = d;
    if (direction === 'higher' ? d >= 0 : d <= 0) notWorse++;
  }
  if (valid === 0) return { diff, ci: [NaN, NaN], pWorse: NaN, resamples };
  const tail = (1 - level) / 2;
  const [lo, hi] = quantilesOf(diffs.subarray(0, valid), [tail, 1 - tail]) as [number, number];
  return { diff, ci: [lo, hi], pWorse: (notWorse + 1) / (valid + 1), resamples };
}
