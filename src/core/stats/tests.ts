/**
 * Hypothesis tests and multiple-comparison adjustments.
 *
 * `alternative` follows scipy.stats: 'greater' tests whether x tends to be larger than y, 'less' the opposite.
 */
import jStat from 'jstat';
import { mean, type Sample } from './descriptive.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface TestResult {
  /** Mann–Whitney: U of x (pairs with x > y, ties counting ½). Welch: t. */
  statistic: number;
  pValue: number;
}

export interface MannWhitneyResult extends TestResult {
  method: 'exact' | 'asymptotic';
}

export interface WelchResult extends TestResult {
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/**
 * Cut-over of the Mann–Whitney U test: the exact null distribution is used when there are no ties and
 * n₁·n₂ ≤ 10 000 (its cost is O(min(n₁,n₂)·n₁·n₂), cached per size pair); otherwise the normal approximation
 * with tie and continuity corrections. At n₁·n₂ > 10 000 both sides have > 100 values or one is very
 * large, where the approximation is accurate well past the p-values a family of a few hundred tests needs.
 */
export const MWU_EXACT_MAX_PRODUCT = 10_000;

const normalCdf = (z: number): number => jStat.normal.cdf(z, 0, 1);

function checkSample(x: Sample, what: string): void {
  if (x.length === 0) throw new RangeError(`${what} is empty`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`${what}: value ${i} is not a finite number (${x[i]})`);
  }
}

/** Midranks of x followed by y, and the tie term Σ(t³ − t) over groups of equal values. */
function ranks(x: Sample, y: Sample): { rankSumX: number; tieTerm: number } {
  const n1 = x.length;
  const n = n1 + y.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n1; i++) values[i] = x[i] as number;
  for (let i = 0; i < y.length; i++) values[n1 + i] = y[i] as number;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  let rankSumX = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j] as number] === values[order[i] as number]) j++;
    const t = j - i;
    const midrank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if ((order[k] as number) < n1) rankSumX += midrank;
    if (t > 1) tieTerm += t * t * t - t;
    i = j;
  }
  return { rankSumX, tieTerm };
}

const exactCache = new Map<string, Float64Array>();

/**
 * Cumulative null distribution of U for sizes m and n without ties: cdf[u] = P(U ≤ u). The counts are the
 * coefficients of the Gaussian binomial [m+n choose m]_q = ∏ᵢ (1 − q^(n+i)) / (1 − q^i), i = 1..m.
 */
function exactCdf(m: number, n: number): Float64Array {
  if (m > n) [m, n] = [n, m];
  const key = `${m},${n}`;
  const hit = exactCache.get(key);
  if (hit) return hit;
  const size = m * n + 1;
  const c = new Float64Array(size);
  c[0] = 1;
  for (let i = 1; i <= m; i++) {
    const up = n + i;
    for (let k = size - 1; k >= up; k--) c[k] = (c[k] as number) - (c[k - up] as number);
    for (let k = i; k < size; k++) c[k] = (c[k] as number) + (c[k - i] as number);
  }
  let total = 0;
  for (let k = 0; k < size; k++) total += c[k] as number;
  let acc = 0;
  for (let k = 0; k < size; k++) {
    acc += c[k] as number;
    c[k] = Math.min(1, acc / total);
  }
  if (exactCache.size > 64) exactCache.clear();
  exactCache.set(key, c);
  return c;
}

/** P(U ≤ u) under the exact null (the distribution is symmetric, so P(U ≥ u) = P(U ≤ n₁n₂ − u)). */
function exactLower(u: number, n1: number, n2: number): number {
  if (u < 0) return 0;
  const cdf = exactCdf(n1, n2);
  return cdf[Math.min(Math.floor(u), cdf.length - 1)] as number;
}

/** Smallest one-sided p-value the exact test can give for these sizes: 1 / C(n₁+n₂, n₁). */
export function mannWhitneyMinP(n1: number, n2: number): number {
  let logC = 0;
  for (let i = 1; i <= Math.min(n1, n2); i++) logC += Math.log(Math.max(n1, n2) + i) - Math.log(i);
  return Math.exp(-logC);
}

/** Mann–Whitney U (Wilcoxon rank-sum) test of x against y. */
export function mannWhitneyU(x: Sample, y: Sample, alternative: Alternative = 'two-sided'): MannWhitneyResult {
  checkSample(x, 'first sample');
  checkSample(y, 'second sample');
  const n1 = x.length;
  const n2 = y.length;
  const { rankSumX, tieTerm } = ranks(x, y);
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  if (tieTerm === 0 && n1 * n2 <= MWU_EXACT_MAX_PRODUCT) {
    const p =
      alternative === 'greater' ? exactLower(u2, n1, n2) : alternative === 'less' ? exactLower(u1, n1, n2) : 2 * exactLower(Math.min(u1, u2), n1, n2);
    return { statistic: u1, pValue: Math.min(1, p), method: 'exact' };
  }
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const mu = (n1 * n2) / 2;
  // Continuity-corrected upper tail of the larger-is-evidence statistic.
  const upper = (u: number): number => (sd === 0 ? 1 : normalCdf(-(u - mu - 0.5) / sd));
  const p = alternative === 'greater' ? upper(u1) : alternative === 'less' ? upper(u2) : 2 * upper(Math.max(u1, u2));
  return { statistic: u1, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic' };
}

function variance(x: Sample, m: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += ((x[i] as number) - m) ** 2;
  return ss / (x.length - 1);
}

/** Welch's unequal-variance t-test of mean(x) against mean(y); needs at least 2 values per side. */
export function welchT(x: Sample, y: Sample, alternative: Alternative = 'two-sided'): WelchResult {
  checkSample(x, 'first sample');
  checkSample(y, 'second sample');
  if (x.length < 2 || y.length < 2) throw new RangeError(`Welch t-test needs ≥ 2 values per side (got ${x.length} and ${y.length})`);
  const mx = mean(x);
  const my = mean(y);
  const vx = variance(x, mx) / x.length;
  const vy = variance(y, my) / y.length;
  const se = Math.sqrt(vx + vy);
  const diff = mx - my;
  const t = se === 0 ? (diff === 0 ? 0 : diff * Infinity) : diff / se;
  const df = se === 0 ? x.length + y.length - 2 : (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  // Each tail is taken as a lower cdf so that small p-values keep their precision.
  const below = (v: number): number => (v === -Infinity ? 0 : v === Infinity ? 1 : jStat.studentt.cdf(v, df));
  const p = alternative === 'greater' ? below(-t) : alternative === 'less' ? below(t) : 2 * below(-Math.abs(t));
  return { statistic: t, pValue: Math.min(1, p), df };
}

function checkP(p: readonly number[]): void {
  for (const [i, v] of p.entries()) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p-value ${i} is not in [0, 1] (${v})`);
  }
}

/** Holm–Bonferroni step-down adjusted p-values, in the input order. */
export function holm(pValues: readonly number[]): number[] {
  checkP(pValues);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const out = new Array<number>(m);
  let running = 0;
  for (const [rank, i] of order.entries()) {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[i] as number)));
    out[i] = running;
  }
  return out;
}

/** Bonferroni adjusted p-values. */
export function bonferroni(pValues: readonly number[]): number[] {
  checkP(pValues);
  return pValues.map((p) => Math.min(1, p * pValues.length));
}
