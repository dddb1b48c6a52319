/**
 * Data drift between a reference and a current feature table.
 *
 * The two-sample statistics reproduce scipy 1.10.1 (`stats.ks_2samp`, `stats.wasserstein_distance`,
 * `stats.chisquare`, `spatial.distance.jensenshannon`), including scipy's choice of algorithm for the
 * Kolmogorov–Smirnov p-value; PSI follows the definition stated on `psi`. Goldens:
 * scripts/golden/drift.py → test/fixtures/model-validate/drift-golden.json.
 */
import { ConfigurationError } from '../../core/errors.js';
import type { DriftMethod, DriftResult, FeatureColumn, FeatureTable } from './types.js';

// ---------------------------------------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------------------------------------

const EPS = 2.220446049250313e-16;
const LN2 = Math.LN2;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const TWO_128 = 2 ** 128;
const TWO_M128 = 2 ** -128;

/** numpy's round: half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** x · 2^e without intermediate overflow or underflow of the power. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

const clip01 = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p);

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Exact product: a·b = hi + lo (Dekker; no FMA in JavaScript). */
function twoProd(a: number, b: number): [number, number] {
  const hi = a * b;
  const split = (v: number): [number, number] => {
    const t = 134217729 * v;
    const h = t - (t - v);
    return [h, v - h];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const lo = ah * bh - hi + ah * bl + al * bh + al * bl;
  return [hi, lo];
}

const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
  7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

function polyval(coeffs: readonly number[], x: number): number {
  let y = 0;
  for (const c of coeffs) y = y * x + c;
  return y;
}

/** log Γ(x) for x > 0: Stirling's series after shifting x to ≥ 10 (absolute error ~ 1e-15 · log Γ). */
function lgamma(x: number): number {
  let shift = 0;
  let prod = 1;
  while (x < 10) {
    prod *= x;
    x += 1;
    shift++;
  }
  const r = 1 / x;
  const s = (x - 0.5) * Math.log(x) - x + LOG_2PI / 2 + r * polyval(STIRLING, r * r);
  return shift === 0 ? s : s - Math.log(prod);
}

/** Regularised upper incomplete gamma Q(a, x), by the series of P (x < a + 1) or Lentz's continued fraction. */
function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefactor = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 100_000; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return clip01(1 - sum * Math.exp(logPrefactor));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return clip01(Math.exp(logPrefactor) * h);
}

/** Survival function of the chi-square distribution (scipy.stats.chi2.sf). */
function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x) || !(dof > 0)) return NaN;
  if (x <= 0) return 1;
  return gammaQ(dof / 2, x / 2);
}

/** Below this size the built-in typed-array sort is as fast as the radix sort. */
const RADIX_MIN = 2048;

/**
 * Ascending copy of NaN-free doubles, in the order of the built-in numeric typed-array sort (−0 before +0), two to
 * three times faster on 10⁵ values: an LSD radix sort (three passes of 11, 11 and 10 bits) on the high 32 bits of
 * the order-preserving transform of the IEEE-754 bits (negatives: every bit flipped; others: the sign bit), which
 * orders by sign, exponent and the top 20 mantissa bits; runs that share those bits are then put in order (they are
 * usually tiny, or equal values already in order).
 */
function radixSorted(x: Float64Array): Float64Array {
  const n = x.length;
  let vals = Float64Array.from(x);
  const w = new Uint32Array(vals.buffer, vals.byteOffset, 2 * n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = w[2 * i + 1] as number;
    hi[i] = h & 0x80000000 ? ~h : h | 0x80000000;
  }
  let vals2 = new Float64Array(n);
  let hi2 = new Uint32Array(n);
  const c0 = new Int32Array(2048);
  const c1 = new Int32Array(2048);
  const c2 = new Int32Array(1024);
  for (let i = 0; i < n; i++) {
    const h = hi[i] as number;
    c0[h & 2047] = (c0[h & 2047] as number) + 1;
    c1[(h >>> 11) & 2047] = (c1[(h >>> 11) & 2047] as number) + 1;
    c2[h >>> 22] = (c2[h >>> 22] as number) + 1;
  }
  const passes: [Int32Array, number, number][] = [
    [c0, 0, 2047],
    [c1, 11, 2047],
    [c2, 22, 1023],
  ];
  for (const [count, shift, mask] of passes) {
    if (count[((hi[0] as number) >>> shift) & mask] === n) continue; // a single digit value: nothing moves
    let sum = 0;
    for (let d = 0; d <= mask; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const h = hi[i] as number;
      const d = (h >>> shift) & mask;
      const p = count[d] as number;
      count[d] = p + 1;
      vals2[p] = vals[i] as number;
      hi2[p] = h;
    }
    [vals, vals2] = [vals2, vals];
    [hi, hi2] = [hi2, hi];
  }
  let i = 1;
  while (i < n) {
    if (hi[i] !== hi[i - 1]) {
      i++;
      continue;
    }
    const start = i - 1;
    let end = i + 1;
    while (end < n && hi[end] === hi[start]) end++;
    for (let k = start + 1; k < end; k++) {
      if ((vals[k - 1] as number) > (vals[k] as number)) {
        vals.subarray(start, end).sort();
        break;
      }
    }
    i = end;
  }
  return vals;
}

/** Ascending copy; RangeError on NaN. */
function sortedCopy(x: Float64Array, what: string): Float64Array {
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) throw new RangeError(`${what}: value ${i} is NaN`);
  }
  return x.length >= RADIX_MIN ? radixSorted(x) : Float64Array.from(x).sort();
}

// ---------------------------------------------------------------------------------------------------------
// Kolmogorov–Smirnov: the two-sample test of scipy 1.10.1
// ---------------------------------------------------------------------------------------------------------

/** scipy `_compute_prob_outside_square`: P(D_{n,n} ≥ h/n), Horner-like form of the reflection sum. */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k--;
  }
  return 2 * P;
}

/**
 * scipy `_compute_outer_prob_inside_method` (Hodges' inside method with Viehmann's recursion for 1 − p):
 * the share of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| < h/lcm(m,n).
 */
function outerProbInside(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    const shift = minj - lastminj;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + shift] as number) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
  }
  return A[maxj - minj - 1] as number;
}

/** scipy `_log_nfactorial_div_n_pow_n`: log(n! / nⁿ) by Stirling. */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING, rn / n);
}

/** n·x = nxfl + alpha exactly (cephes modNX), alpha in [0, 1). */
function modNX(n: number, x: number): { nxfl: number; alpha: number } {
  const [hi, lo] = twoProd(n, x);
  let nxfl = Math.floor(hi);
  let alpha: number;
  if (nxfl === hi) {
    if (lo < 0) {
      nxfl -= 1;
      alpha = 1 + lo;
    } else {
      alpha = lo;
    }
  } else {
    alpha = hi - nxfl + lo;
  }
  if (alpha >= 1) {
    nxfl += 1;
    alpha = 0;
  }
  if (alpha < 0) alpha = 0;
  return { nxfl, alpha };
}

const CEPHES_MINLOG = -7.451332191019412076235e2;

/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D⁺ₙ (scipy.special.smirnov):
 * the same case analysis and the same sum (Birnbaum–Tingey, lower or upper form, with the same early stop) as
 * scipy's cephes `_smirnov`, with the terms evaluated in double precision through logarithms where scipy uses
 * double-double arithmetic (relative difference well below 1e-10 for the sizes met here).
 */
function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { nxfl, alpha } = modNX(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const t = Math.exp((n - 1) * Math.log1p(x));
    return 1 - x * t;
  }
  if (-2 * n * x * x < CEPHES_MINLOG) return 0;
  if (nxfl >= n - 1) return Math.exp(n * Math.log1p(-x));
  if (n > 1_000_000) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const nUpperTerms = n - n1mxceil + 1;
  const useUpper = (nUpperTerms <= 1 && x < 0.5) || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
  const start = useUpper ? n : 0;
  const step = useUpper ? -1 : 1;
  const nTerms = useUpper ? n - n1mxceil + 1 : n1mxfl + 1;
  const vmid = Math.floor(n / 2);
  // First term: v = n (upper) → (1+x)^(n−1); v = 0 (lower) → (1−x)^n / x.
  let sum = useUpper ? Math.exp((n - 1) * Math.log1p(x)) : Math.exp(n * Math.log1p(-x)) / x;
  // Binomial coefficient C(n, j) as mantissa · 2^exponent.
  let cman = 1;
  let cexp = 0;
  const updateBinomial = (j: number): void => {
    cman *= (n - j) / (j + 1);
    const e = Math.floor(Math.log2(Math.abs(cman))) + 1;
    cman = ldexp(cman, -e);
    cexp += e;
  };
  updateBinomial(0);
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    const t1x = v / n + x;
    const t2x = (n - v) / n - x;
    const p2 = n - v;
    let aj: number;
    if (t2x === 0 && p2 > 0) {
      aj = 0;
    } else {
      const sign = t2x < 0 && p2 % 2 === 1 ? -1 : 1;
      const logT2 = p2 === 0 ? 0 : p2 * Math.log(Math.abs(t2x));
      const logAj = Math.log(cman) + cexp * LN2 + (v - 1) * Math.log(t1x) + logT2;
      aj = sign * Math.exp(logAj);
    }
    if (Number.isFinite(aj) && aj !== 0) sum += aj;
    if (aj !== 0) {
      if (4 * (nTerms - j) * Math.abs(aj) < EPS * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    updateBinomial(j);
  }
  const prob = x * sum;
  return clip01(useUpper ? 1 - prob : prob);
}

/** scipy `_kolmogn_DMTW`: P(Dₙ ≤ d) by the Durbin matrix algorithm as Marsaglia, Tsang and Wang compute it. */
function kolmognDMTW(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H: Float64Array = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (v[j - 1] as number) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)] as number;
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r] as number;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c] as number;

  const matmul = (A: Float64Array, B: Float64Array): Float64Array => {
    const C = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < m; l++) {
        const a = A[i * m + l] as number;
        if (a === 0) continue;
        for (let j = 0; j < m; j++) C[i * m + j] = (C[i * m + j] as number) + a * (B[l * m + j] as number);
      }
    }
    return C;
  };
  let Hpwr: Float64Array | undefined;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = Hpwr === undefined ? Float64Array.from(H) : matmul(Hpwr, H);
      expnt += Hexpnt;
    }
    nn = Math.floor(nn / 2);
    if (nn === 0) break; // the square after the last multiplication is never used
    H = matmul(H, H);
    Hexpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)] as number) > TWO_128) {
      for (let i = 0; i < H.length; i++) H[i] = (H[i] as number) / TWO_128;
      Hexpnt += 128;
    }
  }
  let p = (Hpwr as Float64Array)[(k - 1) * m + (k - 1)] as number;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < TWO_M128) {
      p *= TWO_128;
      expnt -= 128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clip01(p);
}

function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** scipy `_kolmogn_Pomeranz`: P(Dₙ ≤ x) by Pomeranz's recursion. */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = ((gpower[m - 1] as number) * gOverN) / m;
    twogpower[m] = ((twogpower[m - 1] as number) * twoGOverN) / m;
    onem2gpower[m] = ((onem2gpower[m - 1] as number) * oneMinusTwoGOverN) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]), entries conv_start … conv_start + conv_len − 1.
      const aStart = k1 - V0s;
      const aLen = Math.max(0, Math.min(ln2, npwrs - aStart));
      const bLen = Math.min(ln2, npwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      const fullLen = aLen + bLen - 1;
      let max = -Infinity;
      for (let q = 0; q < convLen; q++) {
        const idx = convStart + q;
        let s = 0;
        if (idx >= 0 && idx < fullLen) {
          const lo = Math.max(0, idx - bLen + 1);
          const hi = Math.min(idx, aLen - 1);
          for (let a = lo; a <= hi; a++) s += (V0[aStart + a] as number) * (pwrs[idx - a] as number);
        }
        V1[q] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < TWO_M128) {
        for (let q = 0; q < npwrs; q++) V1[q] = (V1[q] as number) * TWO_128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s] as number;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > TWO_128) {
      ans *= TWO_M128;
      expnt += 128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip01(ans);
}

/** scipy `_kolmogn_PelzGood`: the Pelz–Good approximation of P(Dₙ ≤ x). */
function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI2 / 8 / zsquared;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI2 / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * zsquared)) / 16;
  const k3d = (PI6 * (5 - 30 * zsquared)) / 64;
  const k3c = (PI4 * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI2 * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = (K[i] as number) * qpower + (coeffs[i] as number);
  }
  const div = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (((K[i] as number) * q) * SQRT_2PI) / (div[i] as number);
  q = Math.exp(-PI2 / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qp = q ** ksq;
    const kspi = Math.PI * k;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  k2extra *= (PI2 * SQRT_2PI) / (-36 * zthree);
  K[2] = (K[2] as number) + k2extra;
  k3extra *= (PI2 * SQRT_2PI) / (216 * zsix);
  K[3] = (K[3] as number) + k3extra;
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += (K[i] as number) / n ** (i / 2);
  return sum;
}

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ (scipy.stats.kstwo.sf, i.e.
 * scipy `_kolmogn(n, x, cdf=False)`): Simard & L'Ecuyer's choice among Ruben–Gambino's closed forms, the
 * Durbin matrix (MTW), Pomeranz's recursion, twice the one-sided Smirnov tail and the Pelz–Good approximation.
 */
function kolmognSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      const base = 2 * t - 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * base;
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n);
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x));
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1 - kolmognDMTW(n, x));
    if (nxsquared <= 4) return clip01(1 - kolmognPomeranz(n, x));
    return clip01(2 * smirnovSf(n, x));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  let cdf: number;
  if (nxsquared >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = kolmognDMTW(n, x);
  else cdf = kolmognPelzGood(n, x);
  return clip01(1 - cdf);
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as scipy 1.10.1 `stats.ks_2samp(ref, cur, method='auto')`:
 * - D = max |F_ref − F_cur| over the pooled values (ties handled as scipy's searchsorted 'right').
 * - 'exact' when max(n₁, n₂) ≤ 10 000: D is rounded to the lattice h/lcm(n₁, n₂), p = P(D ≥ h/lcm) by the
 *   reflection sum (n₁ = n₂) or the inside method (n₁ ≠ n₂); the statistic returned is the rounded D. If that
 *   computation fails (p not in [0, 1]) scipy switches to 'asymp', and so does this.
 * - 'asymp' otherwise: p = kstwo.sf(D, round(n₁n₂/(n₁+n₂))).
 * - p is clipped to [0, 1].
 * Samples must be non-empty and free of NaN (RangeError otherwise). Sort-based: O((n₁+n₂) log(n₁+n₂)) for D.
 */
export function ks2samp(ref: Float64Array, cur: Float64Array): { statistic: number; pValue: number; method: 'exact' | 'asymp' } {
  if (ref.length === 0 || cur.length === 0) throw new RangeError('ks2samp: samples must not be empty');
  return ksSorted(sortedCopy(ref, 'ks2samp reference'), sortedCopy(cur, 'ks2samp current'));
}

function ksSorted(a: Float64Array, b: Float64Array): { statistic: number; pValue: number; method: 'exact' | 'asymp' } {
  const n1 = a.length;
  const n2 = b.length;
  let maxS = -Infinity;
  let minDiff = Infinity;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && (a[i] as number) <= (b[j] as number)) ? (a[i] as number) : (b[j] as number);
    while (i < n1 && (a[i] as number) <= v) i++;
    while (j < n2 && (b[j] as number) <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = clip01(-minDiff);
  let d = minS > maxS ? minS : maxS;
  let method: 'exact' | 'asymp' = Math.max(n1, n2) <= 10_000 ? 'exact' : 'asymp';
  let prob = NaN;
  if (method === 'exact') {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) prob = 1;
    else prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (!(prob >= 0 && prob <= 1)) method = 'asymp';
  }
  if (method === 'asymp') {
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    prob = kolmognSf(roundHalfEven(en), d);
  }
  return { statistic: d, pValue: clip01(prob), method };
}

// ---------------------------------------------------------------------------------------------------------
// Wasserstein, PSI
// ---------------------------------------------------------------------------------------------------------

/**
 * W1 of two ascending samples. scipy integrates |F_u − F_v| over x; this integrates the same area along the
 * probability axis, ∫₀¹ |F_u⁻¹(t) − F_v⁻¹(t)| dt, whose breakpoints i/n_u and j/n_v are compared in exact integer
 * arithmetic (units of 1/(n_u·n_v)), so the walk has no data-dependent branches. Same value up to rounding
 * (≈1e-15 relative), several times faster than merging the pooled values. Exact for n_u·n_v < 2⁵³.
 */
function wassersteinSorted(u: Float64Array, v: Float64Array): number {
  const nu = u.length;
  const nv = v.length;
  let a = 0;
  let b = 0;
  let prev = 0;
  let s = 0;
  let comp = 0;
  while (a < nu && b < nv) {
    const tu = (a + 1) * nv;
    const tv = (b + 1) * nu;
    const t = tu < tv ? tu : tv;
    const term = (t - prev) * Math.abs((u[a] as number) - (v[b] as number));
    const sum = s + term;
    comp += s >= term ? s - sum + term : term - sum + s;
    s = sum;
    prev = t;
    if (tu === t) a++;
    if (tv === t) b++;
  }
  return (s + comp) / nu / nv;
}

/** First Wasserstein distance between the two empirical distributions (scipy.stats.wasserstein_distance, unweighted). */
export function wasserstein(ref: Float64Array, cur: Float64Array): number {
  if (ref.length === 0 || cur.length === 0) throw new RangeError('wasserstein: samples must not be empty');
  return wassersteinSorted(sortedCopy(ref, 'wasserstein reference'), sortedCopy(cur, 'wasserstein current'));
}

/** numpy.quantile(sorted, q) with the default 'linear' method, bit for bit (numpy 1.24 `_lerp`). */
function numpyQuantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const vi = (n - 1) * q;
  if (vi >= n - 1) return sorted[n - 1] as number;
  const prev = Math.floor(vi);
  const a = sorted[prev] as number;
  const b = sorted[prev + 1] as number;
  const t = vi - prev;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** PSI proportion floor for an empty bin. */
const PSI_EPSILON = 1e-4;

/** Number of edges ≤ x (numpy searchsorted 'right'). */
function upperBound(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Population stability index of `cur` against `ref`.
 *
 * Definition (the golden script computes exactly this with numpy):
 * - edges = numpy.quantile(ref, k / bins) for k = 1 … bins − 1 (numpy's default 'linear' method), duplicates
 *   collapsed (numpy.unique), so there are at most `bins` bins;
 * - a value x falls in bin i = number of edges ≤ x (numpy.searchsorted(edges, x, 'right')): bins are
 *   [edge_{i−1}, edge_i), the first open to −∞ and the last to +∞;
 * - proportions r_i = (reference count in bin i) / n_ref and c_i = (current count) / n_cur, where an empty bin's
 *   proportion is replaced by ε = 1e-4 (no renormalisation afterwards);
 * - PSI = Σ_i (c_i − r_i) · ln(c_i / r_i).
 * Samples must be non-empty and free of NaN.
 */
export function psi(ref: Float64Array, cur: Float64Array, bins = 10): number {
  if (!Number.isInteger(bins) || bins < 2) throw new RangeError(`psi: bins must be an integer ≥ 2 (got ${bins})`);
  if (ref.length === 0 || cur.length === 0) throw new RangeError('psi: samples must not be empty');
  return psiSorted(sortedCopy(ref, 'psi reference'), cur, bins);
}

function psiSorted(sorted: Float64Array, cur: Float64Array, bins: number): number {
  const raw: number[] = [];
  for (let k = 1; k < bins; k++) raw.push(numpyQuantileSorted(sorted, k / bins));
  raw.sort((x, y) => x - y);
  const edges = Float64Array.from(raw.filter((e, i) => i === 0 || e !== raw[i - 1]));
  const nb = edges.length + 1;
  const rc = new Float64Array(nb);
  const cc = new Float64Array(nb);
  for (let i = 0, bi = 0; i < sorted.length; i++) {
    const x = sorted[i] as number;
    while (bi < edges.length && (edges[bi] as number) <= x) bi++;
    rc[bi] = (rc[bi] as number) + 1;
  }
  for (let i = 0; i < cur.length; i++) {
    const x = cur[i] as number;
    if (Number.isNaN(x)) throw new RangeError(`psi current: value ${i} is NaN`);
    const bi = upperBound(edges, x);
    cc[bi] = (cc[bi] as number) + 1;
  }
  let total = 0;
  for (let i = 0; i < nb; i++) {
    const r = rc[i] === 0 ? PSI_EPSILON : (rc[i] as number) / sorted.length;
    const c = cc[i] === 0 ? PSI_EPSILON : (cc[i] as number) / cur.length;
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// Categorical: chi-square goodness of fit, Jensen–Shannon
// ---------------------------------------------------------------------------------------------------------

/** Reference count given to a category that appears only in the current sample. */
const UNSEEN_PSEUDO_COUNT = 0.5;

function countCategories(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function unionSorted(a: Map<string, number>, b: Map<string, number>): string[] {
  const s = new Set<string>([...a.keys(), ...b.keys()]);
  return [...s].sort();
}

/**
 * Chi-square goodness of fit of the current category counts to the reference proportions:
 * scipy.stats.chisquare(f_obs, f_exp) over the union of categories (sorted), where f_obs are the current counts
 * and f_exp = (reference proportion) × (current total). A category seen only in the current sample gets a
 * reference pseudo-count of 0.5 before the proportions are taken (proportion = count / Σ counts, the pseudo-counts
 * included), so no expected count is 0. dof = k − 1; Cramér's V = sqrt(χ² / (n_cur · (k − 1))).
 * With fewer than 2 categories in all: χ² = 0, p = 1, dof = 0, V = 0 and a reason; an empty side gives NaN with a reason.
 */
export function chiSquare(
  ref: readonly string[],
  cur: readonly string[],
): { statistic: number; pValue: number; dof: number; cramersV: number; reason?: string } {
  if (ref.length === 0 || cur.length === 0) {
    return { statistic: NaN, pValue: NaN, dof: NaN, cramersV: NaN, reason: `empty ${ref.length === 0 ? 'reference' : 'current'} sample` };
  }
  const rc = countCategories(ref);
  const cc = countCategories(cur);
  const cats = unionSorted(rc, cc);
  const k = cats.length;
  if (k < 2) return { statistic: 0, pValue: 1, dof: 0, cramersV: 0, reason: 'a single category on both sides' };
  let refTotal = 0;
  const refCounts = cats.map((c) => {
    const r = rc.get(c) ?? UNSEEN_PSEUDO_COUNT;
    refTotal += r;
    return r;
  });
  const nCur = cur.length;
  let stat = 0;
  for (let i = 0; i < k; i++) {
    const expected = ((refCounts[i] as number) / refTotal) * nCur;
    const observed = cc.get(cats[i] as string) ?? 0;
    stat += (observed - expected) ** 2 / expected;
  }
  const dof = k - 1;
  return { statistic: stat, pValue: chi2Sf(stat, dof), dof, cramersV: Math.sqrt(stat / (nCur * dof)) };
}

/**
 * Jensen–Shannon distance (base 2, in [0, 1]) between the category proportions of the two samples over the union
 * of categories (sorted): scipy.spatial.distance.jensenshannon(p, q, base=2). NaN when a side is empty.
 */
export function jensenShannon(ref: readonly string[], cur: readonly string[]): number {
  if (ref.length === 0 || cur.length === 0) return NaN;
  const rc = countCategories(ref);
  const cc = countCategories(cur);
  const cats = unionSorted(rc, cc);
  const p = cats.map((c) => (rc.get(c) ?? 0) / ref.length);
  const q = cats.map((c) => (cc.get(c) ?? 0) / cur.length);
  const sp = p.reduce((s, x) => s + x, 0);
  const sq = q.reduce((s, x) => s + x, 0);
  let left = 0;
  let right = 0;
  const relEntr = (x: number, y: number): number => (x > 0 && y > 0 ? x * Math.log(x / y) : x === 0 && y >= 0 ? 0 : Infinity);
  for (let i = 0; i < cats.length; i++) {
    const pi = (p[i] as number) / sp;
    const qi = (q[i] as number) / sq;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  const js = (left + right) / LN2;
  // Rounding can leave a tiny negative sum for near-identical proportions, where scipy returns NaN; read it as 0.
  return Math.sqrt(Math.max(0, js / 2));
}

// ---------------------------------------------------------------------------------------------------------
// Column drift
// ---------------------------------------------------------------------------------------------------------

export const DRIFT_DEFAULTS = {
  ksPValue: 0.05,
  psi: 0.1,
  psiSevere: 0.25,
  wasserstein: 0.1,
  jensenShannon: 0.1,
  chiSquarePValue: 0.05,
  autoSizeLimit: 1000,
  datasetShare: 0.5,
};

export interface DriftOptions {
  methods?: 'auto' | 'all' | DriftMethod[];
  thresholds?: Partial<typeof DRIFT_DEFAULTS>;
  columns?: Record<string, { methods?: DriftMethod[]; kind?: 'numeric' | 'categorical' }>;
  ignore?: string[];
}

const NUMERIC_METHODS: readonly DriftMethod[] = ['ks', 'wasserstein', 'psi'];
const CATEGORICAL_METHODS: readonly DriftMethod[] = ['chisquare', 'jensenshannon'];
const ALL_METHODS: readonly DriftMethod[] = [...NUMERIC_METHODS, ...CATEGORICAL_METHODS];

type Thresholds = typeof DRIFT_DEFAULTS;

function checkThresholds(t: Partial<Thresholds> | undefined): Thresholds {
  const out = { ...DRIFT_DEFAULTS };
  if (t === undefined) return out;
  for (const [key, value] of Object.entries(t)) {
    if (!(key in DRIFT_DEFAULTS)) {
      throw new ConfigurationError(
        `drift option thresholds.${key} is not a known threshold; use one of ${Object.keys(DRIFT_DEFAULTS).join(', ')}`,
        { field: `thresholds.${key}` },
      );
    }
    if (value === undefined) continue;
    const k = key as keyof Thresholds;
    const bad = (what: string): never => {
      throw new ConfigurationError(`drift option thresholds.${key} must be ${what} (got ${JSON.stringify(value)}); fix the value or remove it to use ${DRIFT_DEFAULTS[k]}`, {
        field: `thresholds.${key}`,
      });
    };
    if (typeof value !== 'number' || !Number.isFinite(value)) bad('a finite number');
    if ((k === 'ksPValue' || k === 'chiSquarePValue') && !(value > 0 && value < 1)) bad('a p-value between 0 and 1 (exclusive)');
    if (k === 'datasetShare' && !(value > 0 && value <= 1)) bad('a share in (0, 1]');
    if (k === 'autoSizeLimit' && !(Number.isInteger(value) && value >= 0)) bad('a non-negative integer');
    if ((k === 'psi' || k === 'psiSevere' || k === 'wasserstein' || k === 'jensenShannon') && !(value > 0)) bad('a positive number');
    out[k] = value;
  }
  if (out.psiSevere < out.psi) {
    throw new ConfigurationError(`drift option thresholds.psiSevere (${out.psiSevere}) must not be below thresholds.psi (${out.psi}); raise psiSevere or lower psi`, {
      field: 'thresholds.psiSevere',
    });
  }
  return out;
}

function checkMethodList(list: unknown, field: string): DriftMethod[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new ConfigurationError(`drift option ${field} must be 'auto', 'all' or a non-empty list of ${ALL_METHODS.join(', ')}`, { field });
  }
  for (const m of list) {
    if (!ALL_METHODS.includes(m as DriftMethod)) {
      throw new ConfigurationError(`drift option ${field}: unknown method ${JSON.stringify(m)}; use ${ALL_METHODS.join(', ')}`, { field });
    }
  }
  return [...new Set(list as DriftMethod[])];
}

interface NumericData {
  kind: 'numeric';
  ref: Float64Array;
  cur: Float64Array;
  note?: string;
  /** Each side sorted at most once per column, shared by the numeric methods. */
  refSorted?: Float64Array;
  curSorted?: Float64Array;
}
type Prepared = NumericData | { kind: 'categorical'; ref: string[]; cur: string[]; note?: string };

const refSorted = (d: NumericData): Float64Array => (d.refSorted ??= sortedCopy(d.ref, 'reference'));
const curSorted = (d: NumericData): Float64Array => (d.curSorted ??= sortedCopy(d.cur, 'current'));

function finiteOnly(x: Float64Array): { values: Float64Array; dropped: number } {
  let dropped = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) dropped++;
  if (dropped === 0) return { values: x, dropped };
  return { values: x.filter((v) => Number.isFinite(v)), dropped };
}

function asNumeric(col: FeatureColumn, file: string): Float64Array {
  if (col.kind === 'numeric') return col.values;
  const out = new Float64Array(col.values.length);
  col.values.forEach((s, i) => {
    const v = s.trim() === '' ? NaN : Number(s);
    if (!Number.isFinite(v)) {
      throw new ConfigurationError(
        `${file}: column "${col.name}" is configured as numeric (drift columns.${col.name}.kind) but holds the value ${JSON.stringify(s)}; fix the data or set kind: categorical`,
        { field: `columns.${col.name}.kind` },
      );
    }
    out[i] = v;
  });
  return out;
}

const asCategorical = (col: FeatureColumn): string[] => (col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => String(v)));

function prepare(refCol: FeatureColumn, curCol: FeatureColumn, kind: 'numeric' | 'categorical' | undefined, files: [string, string]): Prepared {
  if (kind === 'numeric' || (kind === undefined && refCol.kind === 'numeric' && curCol.kind === 'numeric')) {
    const r = finiteOnly(asNumeric(refCol, files[0]));
    const c = finiteOnly(asNumeric(curCol, files[1]));
    const dropped = r.dropped + c.dropped;
    return { kind: 'numeric', ref: r.values, cur: c.values, ...(dropped > 0 ? { note: `${dropped} non-finite value(s) left out` } : {}) };
  }
  const note =
    kind === undefined && refCol.kind !== curCol.kind
      ? `column kinds differ (reference ${refCol.kind}, current ${curCol.kind}): compared as categorical`
      : undefined;
  return { kind: 'categorical', ref: asCategorical(refCol), cur: asCategorical(curCol), ...(note ? { note } : {}) };
}

function populationStd(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i] as number;
  m /= x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += ((x[i] as number) - m) ** 2;
  return Math.sqrt(ss / x.length);
}

function runMethod(name: string, method: DriftMethod, data: Prepared, t: Thresholds): DriftResult {
  const base = { name, method, referenceCount: data.ref.length, currentCount: data.cur.length };
  const notes: string[] = data.note ? [data.note] : [];
  const withNotes = (r: DriftResult): DriftResult => (notes.length > 0 ? { ...r, reason: notes.join('; ') } : r);
  const threshold =
    method === 'ks'
      ? t.ksPValue
      : method === 'chisquare'
        ? t.chiSquarePValue
        : method === 'psi'
          ? t.psi
          : method === 'wasserstein'
            ? t.wasserstein
            : t.jensenShannon;
  if (data.ref.length < 2 || data.cur.length < 2) {
    const side = data.ref.length < 2 ? `reference (${data.ref.length})` : `current (${data.cur.length})`;
    notes.push(`fewer than 2 values in the ${side}`);
    return withNotes({ ...base, statistic: NaN, threshold, drifted: false });
  }
  const sev = (drifted: boolean): 'none' | 'moderate' => (drifted ? 'moderate' : 'none');
  switch (method) {
    case 'ks': {
      const r = ksSorted(refSorted(data as NumericData), curSorted(data as NumericData));
      const drifted = r.pValue < threshold;
      return withNotes({ ...base, statistic: r.statistic, pValue: r.pValue, effectSize: r.statistic, threshold, drifted, severity: sev(drifted) });
    }
    case 'wasserstein': {
      const raw = wassersteinSorted(refSorted(data as NumericData), curSorted(data as NumericData));
      const sd = populationStd(data.ref as Float64Array);
      let normed: number;
      if (sd > 0) {
        normed = raw / sd;
      } else {
        normed = raw === 0 ? 0 : Infinity;
        notes.push(`reference standard deviation is 0: normed distance ${raw === 0 ? '0 (no change)' : 'infinite (the current values differ)'}`);
      }
      const drifted = normed >= threshold;
      return withNotes({ ...base, statistic: normed, effectSize: normed, raw, threshold, drifted, severity: sev(drifted) });
    }
    case 'psi': {
      const value = psiSorted(refSorted(data as NumericData), data.cur as Float64Array, 10);
      const drifted = value >= threshold;
      const severity = value >= t.psiSevere ? 'severe' : drifted ? 'moderate' : 'none';
      return withNotes({ ...base, statistic: value, effectSize: value, threshold, drifted, severity });
    }
    case 'chisquare': {
      const r = chiSquare(data.ref as string[], data.cur as string[]);
      if (r.reason) notes.push(r.reason);
      const drifted = r.pValue < threshold;
      return withNotes({ ...base, statistic: r.statistic, pValue: r.pValue, effectSize: r.cramersV, threshold, drifted, severity: sev(drifted) });
    }
    case 'jensenshannon': {
      const value = jensenShannon(data.ref as string[], data.cur as string[]);
      const drifted = value >= threshold;
      return withNotes({ ...base, statistic: value, effectSize: value, threshold, drifted, severity: sev(drifted) });
    }
  }
}

/**
 * Drift of every column present in both tables.
 *
 * Method choice ('auto', the default, is the documented rule):
 * - numeric column, reference size (non-missing values) ≤ autoSizeLimit (1000) → 'ks', drifted when p < ksPValue
 *   (0.05); larger → 'wasserstein' normed by the reference's population standard deviation (ddof 0), drifted when
 *   ≥ wasserstein (0.1);
 * - categorical column, reference size ≤ autoSizeLimit → 'chisquare', drifted when p < chiSquarePValue (0.05);
 *   larger → 'jensenshannon' (base 2), drifted when ≥ jensenShannon (0.1).
 * 'all' runs every method that applies (numeric: ks, wasserstein, psi; categorical: chisquare, jensenshannon); a
 * list runs the listed methods that apply to the column's kind (`columns[name].methods` overrides per column).
 * PSI is drifted at ≥ psi (0.1, severity 'moderate') and 'severe' at ≥ psiSevere (0.25); other methods have
 * severity 'moderate' when drifted, else 'none'.
 *
 * The primary method of a column is the first of [auto choice, then the list order] that was run; its result comes
 * first among the column's results and decides whether the column counts as drifted. `share` = drifted columns /
 * columns whose primary result is computable (0 when there are none); `datasetDrifted` when share ≥ datasetShare.
 *
 * Columns: present in only one table, ignored (`ignore`), or with no applicable method → `skipped` with the reason.
 * Kinds that differ between the sides → compared as categorical (numbers as their JavaScript string), noted in
 * `reason`; `columns[name].kind` forces a kind (a non-numeric value under kind 'numeric' is a ConfigurationError).
 * Non-finite numbers are left out (noted). Fewer than 2 values on a side → statistic NaN, not drifted, with a reason.
 */
export function driftColumns(
  ref: FeatureTable,
  cur: FeatureTable,
  opts: DriftOptions = {},
): { columns: DriftResult[]; drifted: string[]; share: number; datasetDrifted: boolean; skipped: { name: string; reason: string }[] } {
  const t = checkThresholds(opts.thresholds);
  const globalMethods = opts.methods ?? 'auto';
  const globalList = globalMethods === 'auto' || globalMethods === 'all' ? globalMethods : checkMethodList(globalMethods, 'methods');
  const ignore = new Set(opts.ignore ?? []);
  const curByName = new Map(cur.columns.map((c) => [c.name, c]));
  const refNames = new Set(ref.columns.map((c) => c.name));
  const results: DriftResult[] = [];
  const drifted: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  let tested = 0;

  for (const refCol of ref.columns) {
    const name = refCol.name;
    if (ignore.has(name)) {
      skipped.push({ name, reason: 'ignored by configuration' });
      continue;
    }
    const curCol = curByName.get(name);
    if (curCol === undefined) {
      skipped.push({ name, reason: `only in the reference (${ref.file}), not in the current data (${cur.file})` });
      continue;
    }
    const colOpts = opts.columns?.[name];
    if (colOpts?.kind !== undefined && colOpts.kind !== 'numeric' && colOpts.kind !== 'categorical') {
      throw new ConfigurationError(`drift option columns.${name}.kind must be 'numeric' or 'categorical' (got ${JSON.stringify(colOpts.kind)})`, {
        field: `columns.${name}.kind`,
      });
    }
    const data = prepare(refCol, curCol, colOpts?.kind, [ref.file, cur.file]);
    const applicable = data.kind === 'numeric' ? NUMERIC_METHODS : CATEGORICAL_METHODS;
    const small = data.ref.length <= t.autoSizeLimit;
    const autoChoice: DriftMethod = data.kind === 'numeric' ? (small ? 'ks' : 'wasserstein') : small ? 'chisquare' : 'jensenshannon';
    const spec = colOpts?.methods !== undefined ? checkMethodList(colOpts.methods, `columns.${name}.methods`) : globalList;
    const order: DriftMethod[] = spec === 'auto' ? [autoChoice] : spec === 'all' ? [...applicable] : spec.filter((m) => applicable.includes(m));
    if (order.length === 0) {
      skipped.push({ name, reason: `none of the methods ${(spec as DriftMethod[]).join(', ')} applies to a ${data.kind} column` });
      continue;
    }
    const primary = [autoChoice, ...order].find((m) => order.includes(m)) as DriftMethod;
    const runOrder = [primary, ...order.filter((m) => m !== primary)];
    const colResults = runOrder.map((m) => runMethod(name, m, data, t));
    results.push(...colResults);
    const first = colResults[0] as DriftResult;
    if (!Number.isNaN(first.statistic)) {
      tested++;
      if (first.drifted) drifted.push(name);
    }
  }
  for (const c of cur.columns) {
    if (!refNames.has(c.name) && !ignore.has(c.name)) {
      skipped.push({ name: c.name, reason: `only in the current data (${cur.file}), not in the reference (${ref.file})` });
    }
  }
  const share = tested === 0 ? 0 : drifted.length / tested;
  return { columns: results, drifted, share, datasetDrifted: tested > 0 && share >= t.datasetShare, skipped };
}
