export const id = 752;
export const ids = [752];
export const modules = {

/***/ 78181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ renderVegaLite)
/* harmony export */ });
/** vega and vega-lite are loaded on the first chart, not when a gate's module is (about 300 ms of start-up). */
let libraries;
/** A logger that keeps nothing: library code must not print. */
const SILENT = {
    level(_) {
        return _ === undefined ? 0 : this;
    },
    error() {
        return this;
    },
    warn() {
        return this;
    },
    info() {
        return this;
    },
    debug() {
        return this;
    },
};
const refuse = () => Promise.reject(new Error('charts load no external resources'));
/** A loader that loads nothing, so a spec can never fetch a URL or read a file. */
const NO_LOADER = { load: refuse, sanitize: refuse, http: refuse, file: refuse };
/** Renders a vega-lite spec (with inline data) to an SVG document. */
async function renderVegaLite(spec) {
    libraries ??= Promise.all([__webpack_require__.e(/* import() */ 591).then(__webpack_require__.bind(__webpack_require__, 33972)), Promise.all(/* import() */[__webpack_require__.e(591), __webpack_require__.e(994)]).then(__webpack_require__.bind(__webpack_require__, 10994))]);
    const [{ parse, View }, { compile }] = await libraries;
    const { spec: vg } = compile(spec, { logger: SILENT });
    const view = new View(parse(vg), { renderer: 'none', logger: SILENT, loader: NO_LOADER });
    try {
        return await view.toSVG();
    }
    finally {
        view.finalize();
    }
}


/***/ }),

/***/ 8445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ quantilesOf),
/* harmony export */   KP: () => (/* binding */ DEFAULT_SEED),
/* harmony export */   N0: () => (/* binding */ relativeChange),
/* harmony export */   SZ: () => (/* binding */ createRng),
/* harmony export */   bF: () => (/* binding */ bootstrapRelativeChange),
/* harmony export */   jF: () => (/* binding */ DEFAULT_RESAMPLES)
/* harmony export */ });
/* unused harmony export sortedQuantile */
/* harmony import */ var _descriptive_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94021);
/**
 * Seeded resampling: a small deterministic PRNG and the two-sample bootstrap of a relative change.
 *
 * The interval is the percentile interval. BCa was considered and rejected for the typical input (a median
 * of 5–30 values): its acceleration comes from a jackknife, which is not consistent for the median, and its
 * bias correction from the share of replicates below the estimate, which is erratic for the lumpy bootstrap
 * distribution of a small-sample median. The basic interval (2θ̂ − upper, 2θ̂ − lower) can leave the range
 * of possible changes (below −100%). The percentile interval stays inside it and is the same whether the
 * change is expressed as a ratio, a relative change or a log-ratio.
 */

/** xoshiro128** seeded through splitmix32; the same seed gives the same stream on every platform. */
function createRng(seed) {
    return new Xoshiro128(seed);
}
// A class rather than closures: one shared shape keeps the hot loop optimised across many generators.
class Xoshiro128 {
    a;
    b;
    c;
    d;
    constructor(seed) {
        let z = seed >>> 0;
        const splitmix = () => {
            z = (z + 0x9e3779b9) >>> 0;
            let t = z;
            t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
            t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
            return (t ^ (t >>> 15)) >>> 0;
        };
        this.a = splitmix();
        this.b = splitmix();
        this.c = splitmix();
        this.d = splitmix();
        if ((this.a | this.b | this.c | this.d) === 0)
            this.a = 1;
    }
    nextU32() {
        const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
        const t = this.b << 9;
        this.c ^= this.a;
        this.d ^= this.b;
        this.b ^= this.c;
        this.a ^= this.d;
        this.c ^= t;
        this.d = rotl(this.d, 11);
        return r;
    }
    next() {
        return this.nextU32() / 4294967296;
    }
    int(n) {
        return Math.floor((this.nextU32() / 4294967296) * n);
    }
}
const rotl = (x, k) => (x << k) | (x >>> (32 - k));
const DEFAULT_RESAMPLES = 2000;
const DEFAULT_SEED = 0x5eed;
/** Relative change with 0/0 read as no change and x/0 as an unbounded one. */
function relativeChange(baseline, current) {
    if (baseline === 0)
        return current === 0 ? 0 : Infinity;
    return current / baseline - 1;
}
/** Type-7 quantile of already sorted values. */
function sortedQuantile(sorted, q) {
    const h = (sorted.length - 1) * q;
    const k = Math.floor(h);
    const lo = sorted[k];
    const hi = sorted[Math.min(k + 1, sorted.length - 1)];
    return h === k || lo === hi ? lo : lo + (h - k) * (hi - lo);
}
/**
 * Type-7 quantile of a resample of `sorted` (size n, with replacement). Only the ranks of the drawn indices
 * matter, so they are counted instead of sorting the drawn values: O(n) with integer work only.
 */
function resampleQuantile(sorted, counts, q, rng) {
    const n = sorted.length;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
        const r = rng.int(n);
        counts[r] = counts[r] + 1;
    }
    const h = (n - 1) * q;
    const k = Math.floor(h);
    let j = 0;
    let seen = counts[0];
    while (seen <= k)
        seen += counts[++j];
    const lo = sorted[j];
    if (h === k || k + 1 >= n)
        return lo;
    while (seen <= k + 1)
        seen += counts[++j];
    return lo + (h - k) * (sorted[j] - lo);
}
/** Type-7 quantiles of unsorted values, by selection rather than a full sort. */
function quantilesOf(values, qs) {
    const scratch = new Float64Array(values.length);
    return qs.map((q) => {
        scratch.set(values);
        return (0,_descriptive_js__WEBPACK_IMPORTED_MODULE_0__/* .selectQuantile */ .AV)(scratch, q);
    });
}
/**
 * Percentile bootstrap of the relative change of a quantile between two independent samples: each replicate
 * resamples both samples with replacement. Values must be finite; at least one value per sample.
 */
function bootstrapRelativeChange(baseline, current, options = {}) {
    const q = options.quantile ?? 0.5;
    const resamples = options.resamples ?? DEFAULT_RESAMPLES;
    const level = options.level ?? 0.95;
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`quantile ${q} outside [0, 1]`);
    if (!Number.isInteger(resamples) || resamples < 1)
        throw new RangeError(`resamples must be a positive integer (got ${resamples})`);
    if (!(level > 0 && level < 1))
        throw new RangeError(`confidence level ${level} outside (0, 1)`);
    for (const [name, s] of [['baseline', baseline], ['current', current]]) {
        if (s.length === 0)
            throw new RangeError(`bootstrap: ${name} sample is empty`);
        for (let i = 0; i < s.length; i++) {
            if (!Number.isFinite(s[i]))
                throw new RangeError(`bootstrap: ${name} value ${i} is not a finite number (${s[i]})`);
        }
    }
    const rng = createRng(options.seed ?? DEFAULT_SEED);
    const bSorted = Float64Array.from(baseline).sort();
    const cSorted = Float64Array.from(current).sort();
    const bCounts = new Uint32Array(bSorted.length);
    const cCounts = new Uint32Array(cSorted.length);
    const b0 = sortedQuantile(bSorted, q);
    const c0 = sortedQuantile(cSorted, q);
    const changes = new Float64Array(resamples);
    const baselines = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
        const b = resampleQuantile(bSorted, bCounts, q, rng);
        const c = resampleQuantile(cSorted, cCounts, q, rng);
        baselines[r] = b;
        changes[r] = relativeChange(b, c);
    }
    const tail = (1 - level) / 2;
    const [lower, upper] = quantilesOf(changes, [tail, 1 - tail]);
    return {
        baseline: b0,
        current: c0,
        change: relativeChange(b0, c0),
        ci: [lower, upper],
        changes,
        baselines,
    };
}


/***/ }),

/***/ 94021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ selectQuantile),
/* harmony export */   IB: () => (/* binding */ MAD_NORMAL_SCALE),
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   YV: () => (/* binding */ quantile)
/* harmony export */ });
/* unused harmony exports mean, stdev, cv, geometricMean, mad */
/** 1 / Φ⁻¹(3/4): scales the MAD to estimate σ of a normal distribution. */
const MAD_NORMAL_SCALE = 1.482602218505602;
function check(x, what) {
    if (x.length === 0)
        throw new RangeError(`${what} of an empty sample`);
    for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i]))
            throw new RangeError(`${what}: sample value ${i} is NaN`);
    }
}
function checkQuantile(q) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`quantile ${q} outside [0, 1]`);
}
function mean(x) {
    check(x, 'mean');
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += x[i];
    return s / x.length;
}
/** Sample standard deviation (n − 1 denominator); 0 for a single value. */
function stdev(x) {
    const m = mean(x);
    if (x.length < 2)
        return 0;
    let ss = 0;
    for (let i = 0; i < x.length; i++)
        ss += (x[i] - m) ** 2;
    return Math.sqrt(ss / (x.length - 1));
}
/** Coefficient of variation: sample standard deviation over the mean. */
function cv(x) {
    return stdev(x) / mean(x);
}
function geometricMean(x) {
    check(x, 'geometric mean');
    let s = 0;
    for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v < 0)
            throw new RangeError(`geometric mean: sample value ${i} is negative (${v})`);
        s += Math.log(v);
    }
    return Math.exp(s / x.length);
}
/**
 * Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default):
 * position h = (n − 1)·q in the sorted sample.
 */
function quantile(x, q) {
    check(x, 'quantile');
    checkQuantile(q);
    return selectQuantile(Float64Array.from(x), q);
}
function median(x) {
    return quantile(x, 0.5);
}
/** Median absolute deviation from the median; pass MAD_NORMAL_SCALE as scale to estimate σ. */
function mad(x, scale = 1) {
    const m = median(x);
    const dev = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++)
        dev[i] = Math.abs(x[i] - m);
    return scale * selectQuantile(dev, 0.5);
}
/**
 * Type-7 quantile of the first `length` values of `buf`, found by selection in O(n); reorders `buf`.
 * No validation: the hot path of the bootstrap.
 */
function selectQuantile(buf, q, length = buf.length) {
    const h = (length - 1) * q;
    const k = Math.floor(h);
    const lo = select(buf, k, length);
    if (k + 1 >= length || h === k)
        return lo;
    // After selecting k, everything right of k is ≥ the k-th value: the (k+1)-th is their minimum.
    let hi = Infinity;
    for (let i = k + 1; i < length; i++)
        if (buf[i] < hi)
            hi = buf[i];
    return hi === lo ? lo : lo + (h - k) * (hi - lo);
}
/** Hoare-style quickselect with median-of-three pivots: buf[k] ends as the k-th smallest. */
function select(buf, k, length) {
    let left = 0;
    let right = length - 1;
    while (right > left) {
        const mid = (left + right) >>> 1;
        const a = buf[left];
        const b = buf[mid];
        const c = buf[right];
        const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
        let i = left;
        let j = right;
        while (i <= j) {
            while (buf[i] < pivot)
                i++;
            while (buf[j] > pivot)
                j--;
            if (i <= j) {
                const t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
                i++;
                j--;
            }
        }
        if (k <= j)
            right = j;
        else if (k >= i)
            left = i;
        else
            break;
    }
    return buf[k];
}


/***/ }),

/***/ 69752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gate: () => (/* binding */ model_validate_gate)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/gate.ts
var gate = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/stats/descriptive.ts
var descriptive = __webpack_require__(94021);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(84489);
// EXTERNAL MODULE: ./src/core/schema-files.ts
var schema_files = __webpack_require__(80674);
;// CONCATENATED MODULE: ./src/gates/model-validate/drift.ts
/**
 * Data drift between a reference and a current feature table.
 *
 * The two-sample statistics reproduce scipy 1.10.1 (`stats.ks_2samp`, `stats.wasserstein_distance`,
 * `stats.chisquare`, `spatial.distance.jensenshannon`), including scipy's choice of algorithm for the
 * Kolmogorov–Smirnov p-value; PSI follows the definition stated on `psi`. Goldens:
 * scripts/golden/drift.py → test/fixtures/model-validate/drift-golden.json.
 */

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
function roundHalfEven(x) {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/** x · 2^e without intermediate overflow or underflow of the power. */
function ldexp(x, e) {
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
const clip01 = (p) => (p < 0 ? 0 : p > 1 ? 1 : p);
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/** Exact product: a·b = hi + lo (Dekker; no FMA in JavaScript). */
function twoProd(a, b) {
    const hi = a * b;
    const split = (v) => {
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
function polyval(coeffs, x) {
    let y = 0;
    for (const c of coeffs)
        y = y * x + c;
    return y;
}
/** log Γ(x) for x > 0: Stirling's series after shifting x to ≥ 10 (absolute error ~ 1e-15 · log Γ). */
function lgamma(x) {
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
function gammaQ(a, x) {
    if (!(a > 0) || !(x >= 0))
        return NaN;
    if (x === 0)
        return 1;
    if (x === Infinity)
        return 0;
    const logPrefactor = a * Math.log(x) - x - lgamma(a);
    if (x < a + 1) {
        let term = 1 / a;
        let sum = term;
        for (let k = 1; k < 100_000; k++) {
            term *= x / (a + k);
            sum += term;
            if (term < sum * 1e-17)
                break;
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
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return clip01(Math.exp(logPrefactor) * h);
}
/** Survival function of the chi-square distribution (scipy.stats.chi2.sf). */
function chi2Sf(x, dof) {
    if (Number.isNaN(x) || !(dof > 0))
        return NaN;
    if (x <= 0)
        return 1;
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
function radixSorted(x) {
    const n = x.length;
    let vals = Float64Array.from(x);
    const w = new Uint32Array(vals.buffer, vals.byteOffset, 2 * n);
    let hi = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        const h = w[2 * i + 1];
        hi[i] = h & 0x80000000 ? ~h : h | 0x80000000;
    }
    let vals2 = new Float64Array(n);
    let hi2 = new Uint32Array(n);
    const c0 = new Int32Array(2048);
    const c1 = new Int32Array(2048);
    const c2 = new Int32Array(1024);
    for (let i = 0; i < n; i++) {
        const h = hi[i];
        c0[h & 2047] = c0[h & 2047] + 1;
        c1[(h >>> 11) & 2047] = c1[(h >>> 11) & 2047] + 1;
        c2[h >>> 22] = c2[h >>> 22] + 1;
    }
    const passes = [
        [c0, 0, 2047],
        [c1, 11, 2047],
        [c2, 22, 1023],
    ];
    for (const [count, shift, mask] of passes) {
        if (count[(hi[0] >>> shift) & mask] === n)
            continue; // a single digit value: nothing moves
        let sum = 0;
        for (let d = 0; d <= mask; d++) {
            const c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (let i = 0; i < n; i++) {
            const h = hi[i];
            const d = (h >>> shift) & mask;
            const p = count[d];
            count[d] = p + 1;
            vals2[p] = vals[i];
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
        while (end < n && hi[end] === hi[start])
            end++;
        for (let k = start + 1; k < end; k++) {
            if (vals[k - 1] > vals[k]) {
                vals.subarray(start, end).sort();
                break;
            }
        }
        i = end;
    }
    return vals;
}
/** Ascending copy; RangeError on NaN. */
function sortedCopy(x, what) {
    for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i]))
            throw new RangeError(`${what}: value ${i} is NaN`);
    }
    return x.length >= RADIX_MIN ? radixSorted(x) : Float64Array.from(x).sort();
}
// ---------------------------------------------------------------------------------------------------------
// Kolmogorov–Smirnov: the two-sample test of scipy 1.10.1
// ---------------------------------------------------------------------------------------------------------
/** scipy `_compute_prob_outside_square`: P(D_{n,n} ≥ h/n), Horner-like form of the reflection sum. */
function probOutsideSquare(n, h) {
    let P = 0;
    let k = Math.floor(n / h);
    while (k >= 0) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        P = p1 * (1 - P);
        k--;
    }
    return 2 * P;
}
/**
 * scipy `_compute_outer_prob_inside_method` (Hodges' inside method with Viehmann's recursion for 1 − p):
 * the share of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| < h/lcm(m,n).
 */
function outerProbInside(m, n, g, h) {
    if (m < n)
        [m, n] = [n, m];
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
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        const shift = minj - lastminj;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + shift] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
    }
    return A[maxj - minj - 1];
}
/** scipy `_log_nfactorial_div_n_pow_n`: log(n! / nⁿ) by Stirling. */
function logNFactorialDivNPowN(n) {
    const rn = 1 / n;
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING, rn / n);
}
/** n·x = nxfl + alpha exactly (cephes modNX), alpha in [0, 1). */
function modNX(n, x) {
    const [hi, lo] = twoProd(n, x);
    let nxfl = Math.floor(hi);
    let alpha;
    if (nxfl === hi) {
        if (lo < 0) {
            nxfl -= 1;
            alpha = 1 + lo;
        }
        else {
            alpha = lo;
        }
    }
    else {
        alpha = hi - nxfl + lo;
    }
    if (alpha >= 1) {
        nxfl += 1;
        alpha = 0;
    }
    if (alpha < 0)
        alpha = 0;
    return { nxfl, alpha };
}
const CEPHES_MINLOG = -7.451332191019412076235e2;
/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D⁺ₙ (scipy.special.smirnov):
 * the same case analysis and the same sum (Birnbaum–Tingey, lower or upper form, with the same early stop) as
 * scipy's cephes `_smirnov`, with the terms evaluated in double precision through logarithms where scipy uses
 * double-double arithmetic (relative difference well below 1e-10 for the sizes met here).
 */
function smirnovSf(n, x) {
    if (!(n > 0 && x >= 0 && x <= 1))
        return NaN;
    if (n === 1)
        return 1 - x;
    if (x === 0)
        return 1;
    if (x === 1)
        return 0;
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
    if (-2 * n * x * x < CEPHES_MINLOG)
        return 0;
    if (nxfl >= n - 1)
        return Math.exp(n * Math.log1p(-x));
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
    const updateBinomial = (j) => {
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
        let aj;
        if (t2x === 0 && p2 > 0) {
            aj = 0;
        }
        else {
            const sign = t2x < 0 && p2 % 2 === 1 ? -1 : 1;
            const logT2 = p2 === 0 ? 0 : p2 * Math.log(Math.abs(t2x));
            const logAj = Math.log(cman) + cexp * LN2 + (v - 1) * Math.log(t1x) + logT2;
            aj = sign * Math.exp(logAj);
        }
        if (Number.isFinite(aj) && aj !== 0)
            sum += aj;
        if (aj !== 0) {
            if (4 * (nTerms - j) * Math.abs(aj) < EPS * sum && j !== nTerms - 1)
                break;
        }
        else if (j > vmid) {
            break;
        }
        updateBinomial(j);
    }
    const prob = x * sum;
    return clip01(useUpper ? 1 - prob : prob);
}
/** scipy `_kolmogn_DMTW`: P(Dₙ ≤ d) by the Durbin matrix algorithm as Marsaglia, Tsang and Wang compute it. */
function kolmognDMTW(n, d) {
    if (d >= 1)
        return 1;
    const nd = n * d;
    if (nd <= 0.5)
        return 0;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    let H = new Float64Array(m * m);
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let fac = 1;
    for (let j = 1; j <= m; j++) {
        v[j - 1] = 1 - h ** j;
        w[j - 1] = fac;
        fac /= j;
        v[j - 1] = v[j - 1] * fac;
    }
    const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
    v[m - 1] = (1 + tt) * fac;
    for (let i = 1; i < m; i++) {
        for (let r = i - 1; r < m; r++)
            H[r * m + i] = w[r - (i - 1)];
    }
    for (let r = 0; r < m; r++)
        H[r * m] = v[r];
    for (let c = 0; c < m; c++)
        H[(m - 1) * m + c] = v[m - 1 - c];
    const matmul = (A, B) => {
        const C = new Float64Array(m * m);
        for (let i = 0; i < m; i++) {
            for (let l = 0; l < m; l++) {
                const a = A[i * m + l];
                if (a === 0)
                    continue;
                for (let j = 0; j < m; j++)
                    C[i * m + j] = C[i * m + j] + a * B[l * m + j];
            }
        }
        return C;
    };
    let Hpwr;
    let nn = n;
    let expnt = 0;
    let Hexpnt = 0;
    while (nn > 0) {
        if (nn % 2) {
            Hpwr = Hpwr === undefined ? Float64Array.from(H) : matmul(Hpwr, H);
            expnt += Hexpnt;
        }
        nn = Math.floor(nn / 2);
        if (nn === 0)
            break; // the square after the last multiplication is never used
        H = matmul(H, H);
        Hexpnt *= 2;
        if (Math.abs(H[(k - 1) * m + (k - 1)]) > TWO_128) {
            for (let i = 0; i < H.length; i++)
                H[i] = H[i] / TWO_128;
            Hexpnt += 128;
        }
    }
    let p = Hpwr[(k - 1) * m + (k - 1)];
    for (let i = 1; i <= n; i++) {
        p = (i * p) / n;
        if (Math.abs(p) < TWO_M128) {
            p *= TWO_128;
            expnt -= 128;
        }
    }
    if (expnt !== 0)
        p = ldexp(p, expnt);
    return clip01(p);
}
function pomeranzJ1J2(i, n, ll, ceilf, roundf) {
    let j1;
    let j2;
    if (i === 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    }
    else {
        const ip1div2 = Math.floor((i + 1) / 2);
        const ip1mod2 = (i + 1) % 2;
        if (ip1mod2 === 0) {
            if (ip1div2 === n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            }
            else {
                j1 = ip1div2 - 1 - ll - roundf - 1;
                j2 = ip1div2 + ll - 1 + ceilf - 1;
            }
        }
        else {
            j1 = ip1div2 - 1 - ll - 1;
            j2 = ip1div2 + ll + roundf - 1;
        }
    }
    return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
/** scipy `_kolmogn_Pomeranz`: P(Dₙ ≤ x) by Pomeranz's recursion. */
function kolmognPomeranz(n, x) {
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
        gpower[m] = (gpower[m - 1] * gOverN) / m;
        twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
        onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
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
                    for (let a = lo; a <= hi; a++)
                        s += V0[aStart + a] * pwrs[idx - a];
                }
                V1[q] = s;
                if (s > max)
                    max = s;
            }
            if (max > 0 && max < TWO_M128) {
                for (let q = 0; q < npwrs; q++)
                    V1[q] = V1[q] * TWO_128;
                expnt -= 128;
            }
            V1s = V0s + j1 - k1;
        }
    }
    let ans = V1[n - V1s];
    for (let m = 1; m <= n; m++) {
        if (Math.abs(ans) > TWO_128) {
            ans *= TWO_M128;
            expnt += 128;
        }
        ans *= m;
    }
    if (expnt !== 0)
        ans = ldexp(ans, expnt);
    return clip01(ans);
}
/** scipy `_kolmogn_PelzGood`: the Pelz–Good approximation of P(Dₙ ≤ x). */
function kolmognPelzGood(n, x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const z = Math.sqrt(n) * x;
    const zsquared = z ** 2;
    const zthree = z ** 3;
    const zfour = z ** 4;
    const zsix = z ** 6;
    const qlog = -PI2 / 8 / zsquared;
    if (qlog < -708)
        return 0;
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
        for (let i = 0; i < 4; i++)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const div = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = ((K[i] * q) * SQRT_2PI) / div[i];
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
    K[2] = K[2] + k2extra;
    k3extra *= (PI2 * SQRT_2PI) / (216 * zsix);
    K[3] = K[3] + k3extra;
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / n ** (i / 2);
    return sum;
}
/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ (scipy.stats.kstwo.sf, i.e.
 * scipy `_kolmogn(n, x, cdf=False)`): Simard & L'Ecuyer's choice among Ruben–Gambino's closed forms, the
 * Durbin matrix (MTW), Pomeranz's recursion, twice the one-sided Smirnov tail and the Pelz–Good approximation.
 */
function kolmognSf(n, x) {
    if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x))
        return NaN;
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const t = n * x;
    if (t <= 1) {
        if (t <= 0.5)
            return 1;
        let prob;
        if (n <= 140) {
            prob = 1;
            const base = 2 * t - 1;
            for (let i = 1; i <= n; i++)
                prob *= i * (1 / n) * base;
        }
        else {
            prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
        }
        return clip01(1 - prob);
    }
    if (t >= n - 1)
        return clip01(2 * (1 - x) ** n);
    if (x >= 0.5)
        return clip01(2 * smirnovSf(n, x));
    const nxsquared = t * x;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            return clip01(1 - kolmognDMTW(n, x));
        if (nxsquared <= 4)
            return clip01(1 - kolmognPomeranz(n, x));
        return clip01(2 * smirnovSf(n, x));
    }
    if (nxsquared >= 370)
        return 0;
    if (nxsquared >= 2.2)
        return clip01(2 * smirnovSf(n, x));
    let cdf;
    if (nxsquared >= 18)
        cdf = 1;
    else if (n <= 100000 && n * x ** 1.5 <= 1.4)
        cdf = kolmognDMTW(n, x);
    else
        cdf = kolmognPelzGood(n, x);
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
function ks2samp(ref, cur) {
    if (ref.length === 0 || cur.length === 0)
        throw new RangeError('ks2samp: samples must not be empty');
    return ksSorted(sortedCopy(ref, 'ks2samp reference'), sortedCopy(cur, 'ks2samp current'));
}
function ksSorted(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    let maxS = -Infinity;
    let minDiff = Infinity;
    let i = 0;
    let j = 0;
    while (i < n1 || j < n2) {
        const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
        while (i < n1 && a[i] <= v)
            i++;
        while (j < n2 && b[j] <= v)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxS)
            maxS = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = clip01(-minDiff);
    let d = minS > maxS ? minS : maxS;
    let method = Math.max(n1, n2) <= 10_000 ? 'exact' : 'asymp';
    let prob = NaN;
    if (method === 'exact') {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            prob = 1;
        else
            prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
        if (!(prob >= 0 && prob <= 1))
            method = 'asymp';
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
function wassersteinSorted(u, v) {
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
        const term = (t - prev) * Math.abs(u[a] - v[b]);
        const sum = s + term;
        comp += s >= term ? s - sum + term : term - sum + s;
        s = sum;
        prev = t;
        if (tu === t)
            a++;
        if (tv === t)
            b++;
    }
    return (s + comp) / nu / nv;
}
/** First Wasserstein distance between the two empirical distributions (scipy.stats.wasserstein_distance, unweighted). */
function wasserstein(ref, cur) {
    if (ref.length === 0 || cur.length === 0)
        throw new RangeError('wasserstein: samples must not be empty');
    return wassersteinSorted(sortedCopy(ref, 'wasserstein reference'), sortedCopy(cur, 'wasserstein current'));
}
/** numpy.quantile(sorted, q) with the default 'linear' method, bit for bit (numpy 1.24 `_lerp`). */
function numpyQuantileSorted(sorted, q) {
    const n = sorted.length;
    const vi = (n - 1) * q;
    if (vi >= n - 1)
        return sorted[n - 1];
    const prev = Math.floor(vi);
    const a = sorted[prev];
    const b = sorted[prev + 1];
    const t = vi - prev;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/** PSI proportion floor for an empty bin. */
const PSI_EPSILON = 1e-4;
/** Number of edges ≤ x (numpy searchsorted 'right'). */
function upperBound(edges, x) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
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
function psi(ref, cur, bins = 10) {
    if (!Number.isInteger(bins) || bins < 2)
        throw new RangeError(`psi: bins must be an integer ≥ 2 (got ${bins})`);
    if (ref.length === 0 || cur.length === 0)
        throw new RangeError('psi: samples must not be empty');
    return psiSorted(sortedCopy(ref, 'psi reference'), cur, bins);
}
function psiSorted(sorted, cur, bins) {
    const raw = [];
    for (let k = 1; k < bins; k++)
        raw.push(numpyQuantileSorted(sorted, k / bins));
    raw.sort((x, y) => x - y);
    const edges = Float64Array.from(raw.filter((e, i) => i === 0 || e !== raw[i - 1]));
    const nb = edges.length + 1;
    const rc = new Float64Array(nb);
    const cc = new Float64Array(nb);
    for (let i = 0, bi = 0; i < sorted.length; i++) {
        const x = sorted[i];
        while (bi < edges.length && edges[bi] <= x)
            bi++;
        rc[bi] = rc[bi] + 1;
    }
    for (let i = 0; i < cur.length; i++) {
        const x = cur[i];
        if (Number.isNaN(x))
            throw new RangeError(`psi current: value ${i} is NaN`);
        const bi = upperBound(edges, x);
        cc[bi] = cc[bi] + 1;
    }
    let total = 0;
    for (let i = 0; i < nb; i++) {
        const r = rc[i] === 0 ? PSI_EPSILON : rc[i] / sorted.length;
        const c = cc[i] === 0 ? PSI_EPSILON : cc[i] / cur.length;
        total += (c - r) * Math.log(c / r);
    }
    return total;
}
// ---------------------------------------------------------------------------------------------------------
// Categorical: chi-square goodness of fit, Jensen–Shannon
// ---------------------------------------------------------------------------------------------------------
/** Reference count given to a category that appears only in the current sample. */
const UNSEEN_PSEUDO_COUNT = 0.5;
function countCategories(values) {
    const m = new Map();
    for (const v of values)
        m.set(v, (m.get(v) ?? 0) + 1);
    return m;
}
function unionSorted(a, b) {
    const s = new Set([...a.keys(), ...b.keys()]);
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
function chiSquare(ref, cur) {
    if (ref.length === 0 || cur.length === 0) {
        return { statistic: NaN, pValue: NaN, dof: NaN, cramersV: NaN, reason: `empty ${ref.length === 0 ? 'reference' : 'current'} sample` };
    }
    const rc = countCategories(ref);
    const cc = countCategories(cur);
    const cats = unionSorted(rc, cc);
    const k = cats.length;
    if (k < 2)
        return { statistic: 0, pValue: 1, dof: 0, cramersV: 0, reason: 'a single category on both sides' };
    let refTotal = 0;
    const refCounts = cats.map((c) => {
        const r = rc.get(c) ?? UNSEEN_PSEUDO_COUNT;
        refTotal += r;
        return r;
    });
    const nCur = cur.length;
    let stat = 0;
    for (let i = 0; i < k; i++) {
        const expected = (refCounts[i] / refTotal) * nCur;
        const observed = cc.get(cats[i]) ?? 0;
        stat += (observed - expected) ** 2 / expected;
    }
    const dof = k - 1;
    return { statistic: stat, pValue: chi2Sf(stat, dof), dof, cramersV: Math.sqrt(stat / (nCur * dof)) };
}
/**
 * Jensen–Shannon distance (base 2, in [0, 1]) between the category proportions of the two samples over the union
 * of categories (sorted): scipy.spatial.distance.jensenshannon(p, q, base=2). NaN when a side is empty.
 */
function jensenShannon(ref, cur) {
    if (ref.length === 0 || cur.length === 0)
        return NaN;
    const rc = countCategories(ref);
    const cc = countCategories(cur);
    const cats = unionSorted(rc, cc);
    const p = cats.map((c) => (rc.get(c) ?? 0) / ref.length);
    const q = cats.map((c) => (cc.get(c) ?? 0) / cur.length);
    const sp = p.reduce((s, x) => s + x, 0);
    const sq = q.reduce((s, x) => s + x, 0);
    let left = 0;
    let right = 0;
    const relEntr = (x, y) => (x > 0 && y > 0 ? x * Math.log(x / y) : x === 0 && y >= 0 ? 0 : Infinity);
    for (let i = 0; i < cats.length; i++) {
        const pi = p[i] / sp;
        const qi = q[i] / sq;
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
const DRIFT_DEFAULTS = {
    ksPValue: 0.05,
    psi: 0.1,
    psiSevere: 0.25,
    wasserstein: 0.1,
    jensenShannon: 0.1,
    chiSquarePValue: 0.05,
    autoSizeLimit: 1000,
    datasetShare: 0.5,
};
const NUMERIC_METHODS = ['ks', 'wasserstein', 'psi'];
const CATEGORICAL_METHODS = ['chisquare', 'jensenshannon'];
const ALL_METHODS = [...NUMERIC_METHODS, ...CATEGORICAL_METHODS];
function checkThresholds(t) {
    const out = { ...DRIFT_DEFAULTS };
    if (t === undefined)
        return out;
    for (const [key, value] of Object.entries(t)) {
        if (!(key in DRIFT_DEFAULTS)) {
            throw new errors/* ConfigurationError */.j1(`drift option thresholds.${key} is not a known threshold; use one of ${Object.keys(DRIFT_DEFAULTS).join(', ')}`, { field: `thresholds.${key}` });
        }
        if (value === undefined)
            continue;
        const k = key;
        const bad = (what) => {
            throw new errors/* ConfigurationError */.j1(`drift option thresholds.${key} must be ${what} (got ${JSON.stringify(value)}); fix the value or remove it to use ${DRIFT_DEFAULTS[k]}`, {
                field: `thresholds.${key}`,
            });
        };
        if (typeof value !== 'number' || !Number.isFinite(value))
            bad('a finite number');
        if ((k === 'ksPValue' || k === 'chiSquarePValue') && !(value > 0 && value < 1))
            bad('a p-value between 0 and 1 (exclusive)');
        if (k === 'datasetShare' && !(value > 0 && value <= 1))
            bad('a share in (0, 1]');
        if (k === 'autoSizeLimit' && !(Number.isInteger(value) && value >= 0))
            bad('a non-negative integer');
        if ((k === 'psi' || k === 'psiSevere' || k === 'wasserstein' || k === 'jensenShannon') && !(value > 0))
            bad('a positive number');
        out[k] = value;
    }
    if (out.psiSevere < out.psi) {
        throw new errors/* ConfigurationError */.j1(`drift option thresholds.psiSevere (${out.psiSevere}) must not be below thresholds.psi (${out.psi}); raise psiSevere or lower psi`, {
            field: 'thresholds.psiSevere',
        });
    }
    return out;
}
function checkMethodList(list, field) {
    if (!Array.isArray(list) || list.length === 0) {
        throw new errors/* ConfigurationError */.j1(`drift option ${field} must be 'auto', 'all' or a non-empty list of ${ALL_METHODS.join(', ')}`, { field });
    }
    for (const m of list) {
        if (!ALL_METHODS.includes(m)) {
            throw new errors/* ConfigurationError */.j1(`drift option ${field}: unknown method ${JSON.stringify(m)}; use ${ALL_METHODS.join(', ')}`, { field });
        }
    }
    return [...new Set(list)];
}
const refSorted = (d) => (d.refSorted ??= sortedCopy(d.ref, 'reference'));
const curSorted = (d) => (d.curSorted ??= sortedCopy(d.cur, 'current'));
function finiteOnly(x) {
    let dropped = 0;
    for (let i = 0; i < x.length; i++)
        if (!Number.isFinite(x[i]))
            dropped++;
    if (dropped === 0)
        return { values: x, dropped };
    return { values: x.filter((v) => Number.isFinite(v)), dropped };
}
function asNumeric(col, file) {
    if (col.kind === 'numeric')
        return col.values;
    const out = new Float64Array(col.values.length);
    col.values.forEach((s, i) => {
        const v = s.trim() === '' ? NaN : Number(s);
        if (!Number.isFinite(v)) {
            throw new errors/* ConfigurationError */.j1(`${file}: column "${col.name}" is configured as numeric (drift columns.${col.name}.kind) but holds the value ${JSON.stringify(s)}; fix the data or set kind: categorical`, { field: `columns.${col.name}.kind` });
        }
        out[i] = v;
    });
    return out;
}
const asCategorical = (col) => (col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => String(v)));
function prepare(refCol, curCol, kind, files) {
    if (kind === 'numeric' || (kind === undefined && refCol.kind === 'numeric' && curCol.kind === 'numeric')) {
        const r = finiteOnly(asNumeric(refCol, files[0]));
        const c = finiteOnly(asNumeric(curCol, files[1]));
        const dropped = r.dropped + c.dropped;
        return { kind: 'numeric', ref: r.values, cur: c.values, ...(dropped > 0 ? { note: `${dropped} non-finite value(s) left out` } : {}) };
    }
    const note = kind === undefined && refCol.kind !== curCol.kind
        ? `column kinds differ (reference ${refCol.kind}, current ${curCol.kind}): compared as categorical`
        : undefined;
    return { kind: 'categorical', ref: asCategorical(refCol), cur: asCategorical(curCol), ...(note ? { note } : {}) };
}
function populationStd(x) {
    let m = 0;
    for (let i = 0; i < x.length; i++)
        m += x[i];
    m /= x.length;
    let ss = 0;
    for (let i = 0; i < x.length; i++)
        ss += (x[i] - m) ** 2;
    return Math.sqrt(ss / x.length);
}
function runMethod(name, method, data, t) {
    const base = { name, method, referenceCount: data.ref.length, currentCount: data.cur.length };
    const notes = data.note ? [data.note] : [];
    const withNotes = (r) => (notes.length > 0 ? { ...r, reason: notes.join('; ') } : r);
    const threshold = method === 'ks'
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
    const sev = (drifted) => (drifted ? 'moderate' : 'none');
    switch (method) {
        case 'ks': {
            const r = ksSorted(refSorted(data), curSorted(data));
            const drifted = r.pValue < threshold;
            return withNotes({ ...base, statistic: r.statistic, pValue: r.pValue, effectSize: r.statistic, threshold, drifted, severity: sev(drifted) });
        }
        case 'wasserstein': {
            const raw = wassersteinSorted(refSorted(data), curSorted(data));
            const sd = populationStd(data.ref);
            let normed;
            if (sd > 0) {
                normed = raw / sd;
            }
            else {
                normed = raw === 0 ? 0 : Infinity;
                notes.push(`reference standard deviation is 0: normed distance ${raw === 0 ? '0 (no change)' : 'infinite (the current values differ)'}`);
            }
            const drifted = normed >= threshold;
            return withNotes({ ...base, statistic: normed, effectSize: normed, raw, threshold, drifted, severity: sev(drifted) });
        }
        case 'psi': {
            const value = psiSorted(refSorted(data), data.cur, 10);
            const drifted = value >= threshold;
            const severity = value >= t.psiSevere ? 'severe' : drifted ? 'moderate' : 'none';
            return withNotes({ ...base, statistic: value, effectSize: value, threshold, drifted, severity });
        }
        case 'chisquare': {
            const r = chiSquare(data.ref, data.cur);
            if (r.reason)
                notes.push(r.reason);
            const drifted = r.pValue < threshold;
            return withNotes({ ...base, statistic: r.statistic, pValue: r.pValue, effectSize: r.cramersV, threshold, drifted, severity: sev(drifted) });
        }
        case 'jensenshannon': {
            const value = jensenShannon(data.ref, data.cur);
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
function driftColumns(ref, cur, opts = {}) {
    const t = checkThresholds(opts.thresholds);
    const globalMethods = opts.methods ?? 'auto';
    const globalList = globalMethods === 'auto' || globalMethods === 'all' ? globalMethods : checkMethodList(globalMethods, 'methods');
    const ignore = new Set(opts.ignore ?? []);
    const curByName = new Map(cur.columns.map((c) => [c.name, c]));
    const refNames = new Set(ref.columns.map((c) => c.name));
    const results = [];
    const drifted = [];
    const skipped = [];
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
            throw new errors/* ConfigurationError */.j1(`drift option columns.${name}.kind must be 'numeric' or 'categorical' (got ${JSON.stringify(colOpts.kind)})`, {
                field: `columns.${name}.kind`,
            });
        }
        const data = prepare(refCol, curCol, colOpts?.kind, [ref.file, cur.file]);
        const applicable = data.kind === 'numeric' ? NUMERIC_METHODS : CATEGORICAL_METHODS;
        const small = data.ref.length <= t.autoSizeLimit;
        const autoChoice = data.kind === 'numeric' ? (small ? 'ks' : 'wasserstein') : small ? 'chisquare' : 'jensenshannon';
        const spec = colOpts?.methods !== undefined ? checkMethodList(colOpts.methods, `columns.${name}.methods`) : globalList;
        const order = spec === 'auto' ? [autoChoice] : spec === 'all' ? [...applicable] : spec.filter((m) => applicable.includes(m));
        if (order.length === 0) {
            skipped.push({ name, reason: `none of the methods ${spec.join(', ')} applies to a ${data.kind} column` });
            continue;
        }
        const primary = [autoChoice, ...order].find((m) => order.includes(m));
        const runOrder = [primary, ...order.filter((m) => m !== primary)];
        const colResults = runOrder.map((m) => runMethod(name, m, data, t));
        results.push(...colResults);
        const first = colResults[0];
        if (!Number.isNaN(first.statistic)) {
            tested++;
            if (first.drifted)
                drifted.push(name);
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

;// CONCATENATED MODULE: ./src/gates/model-validate/thresholds.ts

const HIGHER = ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'mcc', 'r2'];
const LOWER = ['log_loss', 'brier', 'ece', 'mae', 'rmse'];
/** Averaging suffixes of the metric families (f1_macro, roc_auc_ovr_weighted, …). */
const VARIANTS = ['', '_binary', '_macro', '_micro', '_weighted', '_samples', '_ovr', '_ovo', '_ovr_macro', '_ovr_weighted', '_ovo_macro', '_ovo_weighted'];
/**
 * Directions of the known metrics: higher-is-better for accuracy, balanced_accuracy, precision*, recall*, f1*,
 * roc_auc*, average_precision*, mcc, r2; lower-is-better for log_loss, brier, ece, mae, rmse (and their variants).
 * The averaged variants are listed too; metricDirection also recognises any `<family>_<suffix>` name.
 */
const METRIC_DIRECTIONS = Object.freeze(Object.fromEntries([
    ...HIGHER.flatMap((m) => VARIANTS.map((v) => [`${m}${v}`, 'higher'])),
    ...LOWER.flatMap((m) => VARIANTS.map((v) => [`${m}${v}`, 'lower'])),
]));
/** The direction of a metric: an entry of METRIC_DIRECTIONS, else the family its name starts with (`f1_…`). */
function metricDirection(metric) {
    const exact = METRIC_DIRECTIONS[metric];
    if (exact !== undefined)
        return exact;
    // Longest family first: average_precision before precision.
    const families = [...HIGHER.map((m) => [m, 'higher']), ...LOWER.map((m) => [m, 'lower'])].sort((a, b) => b[0].length - a[0].length);
    return families.find(([m]) => metric.startsWith(`${m}_`))?.[1];
}
const BOUND_KEYS = ['min', 'max', 'max_drop'];
const PERCENT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/;
/**
 * Parses `thresholds` as written in the config file (snake_case, validated again here so that a spec from any
 * source gets the same messages). Throws a ConfigurationError naming the field.
 */
function parseThresholds(raw, where = { file: 'config' }) {
    if (raw === undefined || raw === null)
        return {};
    if (!isRecord(raw))
        throw fieldError(where, '/thresholds', 'thresholds', 'must be a mapping of metric name → bounds');
    const out = {};
    for (const [metric, value] of Object.entries(raw)) {
        const pointer = `/thresholds/${escapePointer(metric)}`;
        const field = `thresholds.${metric}`;
        if (!isRecord(value))
            throw fieldError(where, pointer, field, 'must be a mapping of bounds, e.g. { min: 0.8, max_drop: 0.01 }');
        const spec = parseBounds(value, where, pointer, field, true);
        if (value.warn !== undefined) {
            if (!isRecord(value.warn))
                throw fieldError(where, `${pointer}/warn`, `${field}.warn`, 'must be a mapping of bounds, e.g. { min: 0.93 }');
            spec.warn = parseBounds(value.warn, where, `${pointer}/warn`, `${field}.warn`, false);
        }
        if (spec.min === undefined && spec.max === undefined && spec.maxDrop === undefined && spec.warn === undefined) {
            throw fieldError(where, pointer, field, 'has no bounds; give min, max, max_drop or warn');
        }
        out[metric] = spec;
    }
    return out;
}
function parseBounds(raw, where, pointer, field, allowWarn) {
    const allowed = allowWarn ? [...BOUND_KEYS, 'warn'] : BOUND_KEYS;
    for (const key of Object.keys(raw)) {
        if (!allowed.includes(key))
            throw fieldError(where, `${pointer}/${escapePointer(key)}`, `${field}.${key}`, `is not a bound (allowed: ${allowed.join(', ')})`);
    }
    const out = {};
    for (const key of ['min', 'max']) {
        const v = raw[key];
        if (v === undefined)
            continue;
        if (typeof v !== 'number' || !Number.isFinite(v))
            throw fieldError(where, `${pointer}/${key}`, `${field}.${key}`, `must be a number (got ${JSON.stringify(v)})`);
        out[key] = v;
    }
    if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
        throw fieldError(where, `${pointer}/min`, `${field}.min`, `min ${out.min} is above max ${out.max}, so no value can pass`);
    }
    const drop = raw.max_drop;
    if (typeof drop === 'number' && Number.isFinite(drop) && drop >= 0)
        out.maxDrop = { kind: 'absolute', value: drop };
    else if (typeof drop === 'string' && PERCENT.test(drop)) {
        const percent = Number(PERCENT.exec(drop)[1]);
        out.maxDrop = { kind: 'relative', fraction: percent / 100, percent };
    }
    else if (drop !== undefined) {
        throw fieldError(where, `${pointer}/max_drop`, `${field}.max_drop`, `must be a number ≥ 0 (absolute) or a percentage such as "2%" (relative to |baseline|) (got ${JSON.stringify(drop)})`);
    }
    if (!allowWarn && out.min === undefined && out.max === undefined && out.maxDrop === undefined) {
        throw fieldError(where, pointer, field, 'has no bounds; give min, max or max_drop');
    }
    return out;
}
/** Every metric named in `spec` must be in `known`; else an error naming the field and listing the known names. */
function checkThresholdMetrics(spec, known, where = { file: 'config' }) {
    const names = new Set(known);
    for (const metric of Object.keys(spec)) {
        if (!names.has(metric)) {
            throw fieldError(where, `/thresholds/${escapePointer(metric)}`, `thresholds.${metric}`, `unknown metric \`${metric}\`. Known metrics: ${[...known].join(', ')}`);
        }
    }
}
function fieldError(where, pointer, field, why) {
    const line = where.lineOf?.(pointer);
    const at = line === undefined ? where.file : `${where.file}:${line}`;
    return new errors/* ConfigurationError */.j1(`${at}: ${field}: ${why}.`, { location: line === undefined ? { file: where.file } : { file: where.file, line }, field });
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function escapePointer(s) {
    return s.replaceAll('~', '~0').replaceAll('/', '~1');
}
/** Rounding of `a − b` must not break a bound the exact difference meets: a few ulps of the operands. */
function slack(a, b) {
    return 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
}
/** Numbers in formulas: up to 6 significant digits, no trailing zeros. */
function formatNumber(v) {
    if (!Number.isFinite(v))
        return String(v);
    return String(Number(v.toPrecision(6)));
}
function paren(v) {
    return v < 0 ? `(${formatNumber(v)})` : formatNumber(v);
}
/**
 * Checks every metric of `spec` against its bounds (see the grammar above), in the order of `spec`. `current` and
 * `baseline` map metric names to values; NaN stands for an undefined metric.
 */
function evaluateThresholds(current, baseline, spec, opts = {}) {
    const alpha = opts.alpha ?? 0.05;
    return Object.entries(spec).map(([metric, bounds]) => {
        const direction = opts.directions?.[metric] ?? metricDirection(metric);
        if (direction === undefined) {
            throw new errors/* ConfigurationError */.j1(`thresholds.${metric}: no direction is known for metric \`${metric}\` (higher or lower is better), so its thresholds cannot be judged.`, {
                field: `thresholds.${metric}`,
            });
        }
        const cur = current[metric] ?? NaN;
        const rawBase = baseline?.[metric];
        const base = rawBase !== undefined && Number.isFinite(rawBase) ? rawBase : null;
        const curDefined = Number.isFinite(cur);
        const change = base !== null && curDefined ? cur - base : null;
        const relativeChange = change !== null && base !== 0 && base !== null ? change / Math.abs(base) : null;
        const result = { metric, direction, current: cur, baseline: base, change, relativeChange, status: 'pass', failed: [], formula: '' };
        const tiers = [[bounds, '']];
        if (bounds.warn)
            tiers.push([bounds.warn, 'warn.']);
        if (!curDefined) {
            const names = tiers.flatMap(([b, prefix]) => boundNames(b).map((n) => `${prefix}${n}`));
            result.status = 'fail';
            result.failed = names;
            result.formula = `${metric} is ${metric in current ? 'NaN' : 'not computed'}: ${names.join(', ')} cannot be met ✗`;
            result.reason =
                metric in current
                    ? `${metric} is undefined (NaN) for these predictions, so its thresholds cannot be met`
                    : `${metric} was not computed for these predictions, so its thresholds cannot be met`;
            return result;
        }
        const sig = opts.significance?.[metric];
        const outcomes = tiers.map(([b, prefix]) => checkTier(b, prefix, cur, base, direction, sig, alpha, baseline === undefined, rawBase));
        const [fail, warn] = outcomes;
        result.failed = [...fail.failed, ...fail.softened, ...(warn ? [...warn.failed, ...warn.softened] : [])];
        result.status = fail.failed.length > 0 ? 'fail' : fail.softened.length > 0 || (warn !== undefined && (warn.failed.length > 0 || warn.softened.length > 0)) ? 'warn' : 'pass';
        result.formula = [...fail.parts, ...(warn?.parts ?? [])].join('; ');
        const reasons = [...new Set([...fail.reasons, ...(warn?.reasons ?? [])])];
        if (reasons.length > 0)
            result.reason = reasons.join('; ');
        return result;
    });
}
function boundNames(b) {
    return [...(b.min === undefined ? [] : ['min']), ...(b.max === undefined ? [] : ['max']), ...(b.maxDrop === undefined ? [] : ['max_drop'])];
}
function checkTier(b, prefix, cur, base, direction, sig, alpha, firstRun, rawBase) {
    const out = { parts: [], failed: [], softened: [], reasons: [] };
    const label = prefix === '' ? '' : 'warn: ';
    if (b.min !== undefined) {
        const ok = cur >= b.min;
        out.parts.push(`${label}${formatNumber(cur)} ${ok ? '≥' : '<'} min ${formatNumber(b.min)} ${ok ? '✓' : '✗'}`);
        if (!ok)
            out.failed.push(`${prefix}min`);
    }
    if (b.max !== undefined) {
        const ok = cur <= b.max;
        out.parts.push(`${label}${formatNumber(cur)} ${ok ? '≤' : '>'} max ${formatNumber(b.max)} ${ok ? '✓' : '✗'}`);
        if (!ok)
            out.failed.push(`${prefix}max`);
    }
    const drop = b.maxDrop;
    if (drop === undefined)
        return out;
    if (base === null) {
        const why = firstRun ? 'no baseline (first run)' : rawBase === undefined ? 'the baseline lacks this metric' : 'the baseline value is NaN';
        out.parts.push(`${label}max_drop not checked: ${why}`);
        out.reasons.push(`${why}: change bounds (max_drop) not checked`);
        return out;
    }
    const worse = direction === 'higher' ? base - cur : cur - base;
    const what = direction === 'higher' ? `drop ${formatNumber(worse)} = ${paren(base)} − ${paren(cur)}` : `rise ${formatNumber(worse)} = ${paren(cur)} − ${paren(base)}`;
    let allowed;
    let allowedText;
    if (drop.kind === 'absolute') {
        allowed = drop.value;
        allowedText = formatNumber(allowed);
    }
    else {
        allowed = drop.fraction * Math.abs(base);
        allowedText = `${formatNumber(drop.percent)}% of |${formatNumber(base)}| = ${formatNumber(allowed)}`;
        if (base === 0)
            allowedText += ' (a relative bound of a zero baseline allows no worsening)';
    }
    const ok = worse <= allowed + slack(cur, base);
    let text = `${label}${what} ${ok ? '≤' : '>'} max_drop ${allowedText} ${ok ? '✓' : '✗'}`;
    if (!ok) {
        if (sig === undefined || !(sig.pWorse >= alpha)) {
            if (sig !== undefined && Number.isFinite(sig.pWorse))
                text += ` (significant: p_worse ${formatNumber(sig.pWorse)} < alpha ${formatNumber(alpha)}, ${sig.test})`;
            out.failed.push(`${prefix}max_drop`);
        }
        else {
            text += ` but not significant (p_worse ${formatNumber(sig.pWorse)} ≥ alpha ${formatNumber(alpha)}, ${sig.test}): warn`;
            out.softened.push(`${prefix}max_drop`);
            out.reasons.push(`the ${direction === 'higher' ? 'drop' : 'rise'} exceeds max_drop but is not statistically significant (${sig.test}, p_worse ${formatNumber(sig.pWorse)})`);
        }
    }
    out.parts.push(text);
    return out;
}

;// CONCATENATED MODULE: ./src/gates/model-validate/config.ts





/** drift.ts's defaults, less the size limit of the automatic choice (not a threshold). */
const DEFAULT_DRIFT_THRESHOLDS = Object.freeze((({ autoSizeLimit: _limit, ...thresholds }) => thresholds)(DRIFT_DEFAULTS));
/** The configuration without a file. Copy it before changing anything (defaultModelConfig() does). */
const DEFAULT_MODEL_CONFIG = Object.freeze({
    task: 'auto',
    columns: { label: 'label', prediction: 'prediction', scores: 'score_' },
    sumTolerance: 1e-6,
    alpha: 0.05,
    bootstrap: { resamples: 1000, level: 0.95 },
    thresholds: {},
    drift: { methods: 'auto', thresholds: { ...DEFAULT_DRIFT_THRESHOLDS }, columns: {}, ignore: [] },
    modelCard: { huggingFace: false },
});
/** A fresh copy of the defaults. */
function defaultModelConfig() {
    return structuredClone(DEFAULT_MODEL_CONFIG);
}
/**
 * The config file (YAML or JSON, snake_case keys), validated against schemas/model-validate.schema.json, as
 * camelCase settings with every default filled in; no file: the defaults. Threshold specs are parsed (see
 * thresholds.ts); their metric names are checked later against the metrics of the task (checkThresholdMetrics).
 */
async function loadModelConfig(file, displayPath) {
    if (file === undefined || file === '')
        return defaultModelConfig();
    const loaded = await (0,config/* loadConfigFile */.HT)(file, (0,schema_files/* loadSchema */.e)('model-validate.schema.json'), displayPath === undefined ? {} : { displayPath });
    const source = { file: loaded.file, lineOf: (pointer) => loaded.lineOf(pointer) };
    return fromRaw(loaded.value, source);
}
function fromRaw(raw, source) {
    const d = defaultModelConfig();
    const dt = d.drift.thresholds;
    const rt = raw.drift?.thresholds ?? {};
    const columns = raw.drift?.columns ?? {};
    const kinds = Object.fromEntries(Object.entries(columns).flatMap(([name, c]) => (c.kind === undefined ? [] : [[name, c.kind]])));
    const config = {
        task: raw.task ?? d.task,
        columns: {
            label: raw.columns?.label ?? d.columns.label,
            prediction: raw.columns?.prediction ?? d.columns.prediction,
            scores: raw.columns?.scores ?? d.columns.scores,
        },
        sumTolerance: raw.sum_tolerance ?? d.sumTolerance,
        alpha: raw.alpha ?? d.alpha,
        bootstrap: { resamples: raw.bootstrap?.resamples ?? d.bootstrap.resamples, level: raw.bootstrap?.level ?? d.bootstrap.level },
        thresholds: parseThresholds(raw.thresholds ?? {}, source),
        drift: {
            methods: raw.drift?.methods ?? d.drift.methods,
            thresholds: {
                ksPValue: rt.ks_p_value ?? dt.ksPValue,
                psi: rt.psi ?? dt.psi,
                psiSevere: rt.psi_severe ?? dt.psiSevere,
                wasserstein: rt.wasserstein ?? dt.wasserstein,
                jensenShannon: rt.jensen_shannon ?? dt.jensenShannon,
                chiSquarePValue: rt.chi_square_p_value ?? dt.chiSquarePValue,
                datasetShare: rt.dataset_share ?? dt.datasetShare,
            },
            columns,
            ...(Object.keys(kinds).length > 0 ? { kinds } : {}),
            ignore: raw.drift?.ignore ?? [],
        },
        modelCard: { huggingFace: raw.model_card?.hugging_face ?? d.modelCard.huggingFace },
        source,
    };
    if (raw.positive_label !== undefined)
        config.positiveLabel = String(raw.positive_label);
    if (raw.classes !== undefined)
        config.classes = raw.classes.map(String);
    return config;
}
const TASKS = ['auto', 'binary', 'multiclass', 'regression'];
/** The options of readPredictions: the config's settings, with the given overrides applied. */
function predictionOptions(config, overrides = {}, label) {
    const pick = (v, fallback) => (v === undefined || v.trim() === '' ? fallback : v.trim());
    const task = pick(overrides.task, config.task);
    if (!TASKS.includes(task)) {
        throw new errors/* ConfigurationError */.j1(`task: unknown task \`${task}\`. Use one of: ${TASKS.join(', ')}.`, { field: 'task' });
    }
    const opts = {
        task: task,
        labelColumn: pick(overrides.labelColumn, config.columns.label),
        predictionColumn: pick(overrides.predictionColumn, config.columns.prediction),
        scoreColumns: pick(overrides.scoreColumns, config.columns.scores),
        sumTolerance: config.sumTolerance,
    };
    const positive = overrides.positiveLabel?.trim() ? overrides.positiveLabel.trim() : config.positiveLabel;
    if (positive !== undefined)
        opts.positiveLabel = positive;
    if (config.classes !== undefined)
        opts.classes = [...config.classes];
    if (label !== undefined)
        opts.label = label;
    return opts;
}

;// CONCATENATED MODULE: ./src/gates/model-validate/metadata.ts


/** Reads a model metadata file (YAML or JSON), validated against schemas/model-metadata.schema.json. */
async function loadModelMetadata(file, displayPath) {
    const { value: raw } = await (0,config/* loadConfigFile */.HT)(file, (0,schema_files/* loadSchema */.e)('model-metadata.schema.json'), displayPath === undefined ? {} : { displayPath });
    const out = {
        name: raw.name,
        version: String(raw.version),
        trainingDate: raw.training_date,
        dataset: { name: raw.dataset.name, size: raw.dataset.size, ...(raw.dataset.url === undefined ? {} : { url: raw.dataset.url }) },
        owners: raw.owners.map((o) => ({ name: o.name, ...(o.contact === undefined ? {} : { contact: o.contact }) })),
        intendedUse: raw.intended_use,
        limitations: [...raw.limitations],
    };
    if (raw.description !== undefined)
        out.description = raw.description;
    if (raw.license !== undefined)
        out.license = raw.license;
    if (raw.parameters !== undefined)
        out.parameters = raw.parameters;
    if (raw.ethical_considerations !== undefined)
        out.ethicalConsiderations = [...raw.ethical_considerations];
    if (raw.tags !== undefined)
        out.tags = [...raw.tags];
    return out;
}

// EXTERNAL MODULE: ./src/core/stats/bootstrap.ts
var bootstrap = __webpack_require__(8445);
;// CONCATENATED MODULE: ./src/gates/model-validate/metrics/bootstrap-ci.ts
/**
 * Percentile bootstrap interval of a metric over resampled rows, seeded for determinism.
 */

const DEFAULT_CI_RESAMPLES = 1000;
const DEFAULT_CI_SEED = 0x6d76; // "mv"
/** Most row draws (n × resamples) one interval may take. */
const MAX_CI_DRAWS = 2e7;
/**
 * Percentile interval of `statistic` over resamples of the n rows drawn with replacement. `statistic` gets the
 * drawn row indices; the array is reused for the next replicate, so it must not be kept. Undefined when n is 0 or
 * fewer than half of the replicates are defined (not NaN).
 */
function bootstrapCI(n, statistic, opts = {}) {
    const requested = opts.resamples ?? DEFAULT_CI_RESAMPLES;
    const level = opts.level ?? 0.95;
    if (!Number.isInteger(n) || n < 0)
        throw new RangeError(`bootstrap: row count must be a non-negative integer (got ${n})`);
    if (!Number.isInteger(requested) || requested < 1)
        throw new RangeError(`bootstrap: resamples must be a positive integer (got ${requested})`);
    if (!(level > 0 && level < 1))
        throw new RangeError(`bootstrap: confidence level ${level} outside (0, 1)`);
    if (n === 0)
        return undefined;
    const resamples = n * requested > MAX_CI_DRAWS ? Math.min(requested, Math.max(100, Math.floor(MAX_CI_DRAWS / n))) : requested;
    const rng = (0,bootstrap/* createRng */.SZ)(opts.seed ?? DEFAULT_CI_SEED);
    const rows = new Int32Array(n);
    const values = new Float64Array(resamples);
    let defined = 0;
    for (let r = 0; r < resamples; r++) {
        for (let i = 0; i < n; i++)
            rows[i] = rng.int(n);
        const v = statistic(rows);
        if (!Number.isNaN(v))
            values[defined++] = v;
    }
    const undefinedResamples = resamples - defined;
    if (defined * 2 < resamples)
        return undefined;
    const tail = (1 - level) / 2;
    const [lower, upper] = (0,bootstrap/* quantilesOf */.Ck)(values.subarray(0, defined), [tail, 1 - tail]);
    return { lower, upper, level, resamples, undefinedResamples };
}
/** The rows `rows` (indices, repeats allowed) of classification data; labels, kind and positive class kept. */
function subsetClassification(d, rows) {
    const m = rows.length;
    const yTrue = new Int32Array(m);
    const yPred = new Int32Array(m);
    for (let i = 0; i < m; i++) {
        const r = rows[i];
        yTrue[i] = d.yTrue[r];
        yPred[i] = d.yPred[r];
    }
    const out = { kind: d.kind, labels: d.labels, yTrue, yPred };
    if (d.positive !== undefined)
        out.positive = d.positive;
    if (d.scores !== undefined) {
        const w = d.kind === 'binary' ? 1 : d.labels.length;
        const scores = new Float64Array(m * w);
        if (w === 1) {
            for (let i = 0; i < m; i++)
                scores[i] = d.scores[rows[i]];
        }
        else {
            for (let i = 0; i < m; i++)
                scores.set(d.scores.subarray(rows[i] * w, rows[i] * w + w), i * w);
        }
        out.scores = scores;
    }
    return out;
}
/** The rows `rows` (indices, repeats allowed) of regression data. */
function subsetRegression(d, rows) {
    const m = rows.length;
    const yTrue = new Float64Array(m);
    const yPred = new Float64Array(m);
    for (let i = 0; i < m; i++) {
        const r = rows[i];
        yTrue[i] = d.yTrue[r];
        yPred[i] = d.yPred[r];
    }
    return { kind: 'regression', yTrue, yPred };
}

;// CONCATENATED MODULE: ./src/gates/model-validate/metrics/curves.ts
/** Splits scores by class and sorts each part; undefined when a score is NaN or infinite (sklearn rejects them). */
function splitSorted(yTrue01, scores) {
    const n = checkLengths(yTrue01, scores);
    let p = 0;
    for (let i = 0; i < n; i++) {
        const s = scores[i];
        if (s - s !== 0)
            return undefined; // NaN or ±Infinity
        p += yTrue01[i] === 1 ? 1 : 0;
    }
    const pos = new Float64Array(p);
    const neg = new Float64Array(n - p);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
        if (yTrue01[i] === 1)
            pos[a++] = scores[i];
        else
            neg[b++] = scores[i];
    }
    sortFloat64(pos);
    sortFloat64(neg);
    return { pos, neg };
}
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const curves_RADIX_MIN = 4096;
/**
 * Sorts finite or infinite (not NaN) doubles ascending in place, in the order of Float64Array.prototype.sort
 * (−0 before +0). Large arrays: LSD radix sort, 4 passes of 16 bits over the bits mapped to an unsigned order
 * (sign bit flipped for positives, all bits flipped for negatives), a pass skipped when all share its digit;
 * about twice as fast as the native sort from ~10⁵ values.
 */
function sortFloat64(a) {
    const n = a.length;
    if (n < curves_RADIX_MIN || !LITTLE_ENDIAN) {
        a.sort();
        return;
    }
    const u = new Uint32Array(a.buffer, a.byteOffset, 2 * n); // [low word, high word] per value
    for (let i = 1; i < 2 * n; i += 2) {
        const hi = u[i];
        if (hi >= 0x80000000) {
            u[i] = ~hi;
            u[i - 1] = ~u[i - 1];
        }
        else {
            u[i] = hi | 0x80000000;
        }
    }
    let src = u;
    let dst = new Uint32Array(2 * n);
    const count = new Uint32Array(65536);
    for (let pass = 0; pass < 4; pass++) {
        const word = pass >> 1;
        const shift = (pass & 1) << 4;
        count.fill(0);
        for (let i = word; i < 2 * n; i += 2) {
            const digit = (src[i] >>> shift) & 0xffff;
            count[digit] = count[digit] + 1;
        }
        if (count[(src[word] >>> shift) & 0xffff] === n)
            continue;
        let sum = 0;
        for (let digit = 0; digit < 65536; digit++) {
            const c = count[digit];
            count[digit] = sum;
            sum += c;
        }
        for (let i = 0; i < 2 * n; i += 2) {
            const digit = (src[i + word] >>> shift) & 0xffff;
            const at = count[digit];
            count[digit] = at + 1;
            dst[2 * at] = src[i];
            dst[2 * at + 1] = src[i + 1];
        }
        const t = src;
        src = dst;
        dst = t;
    }
    if (src !== u)
        u.set(src);
    for (let i = 1; i < 2 * n; i += 2) {
        const hi = u[i];
        if (hi >= 0x80000000) {
            u[i] = hi & 0x7fffffff;
        }
        else {
            u[i] = ~hi;
            u[i - 1] = ~u[i - 1];
        }
    }
}
function checkLengths(yTrue01, scores) {
    if (yTrue01.length !== scores.length) {
        throw new RangeError(`labels and scores differ in length (${yTrue01.length} and ${scores.length})`);
    }
    return yTrue01.length;
}
function thresholdCounts({ pos, neg }) {
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
        const v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
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
function countsOf(yTrue01, scores) {
    const split = splitSorted(yTrue01, scores);
    if (split === undefined)
        throw new RangeError('scores contain NaN or infinite values');
    return thresholdCounts(split);
}
/**
 * sklearn 1.2.1 roc_curve (pos_label 1). With dropIntermediate, points collinear with their neighbours are
 * dropped (second differences of both counts zero). fpr (tpr) is all NaN when there is no negative (positive).
 * Throws a RangeError on non-finite scores (the caller validates them).
 */
function rocCurve(yTrue01, scores, dropIntermediate = true) {
    const { thresholds, tps, fps } = countsOf(yTrue01, scores);
    const m = thresholds.length;
    if (m === 0)
        return { fpr: [], tpr: [], thresholds: [] };
    let keep;
    if (dropIntermediate && m > 2) {
        keep = [0];
        for (let k = 1; k < m - 1; k++) {
            const d2f = fps[k + 1] - 2 * fps[k] + fps[k - 1];
            const d2t = tps[k + 1] - 2 * tps[k] + tps[k - 1];
            if (d2f !== 0 || d2t !== 0)
                keep.push(k);
        }
        keep.push(m - 1);
    }
    else {
        keep = Array.from({ length: m }, (_, k) => k);
    }
    const nNeg = fps[m - 1];
    const nPos = tps[m - 1];
    const fpr = [nNeg > 0 ? 0 : NaN];
    const tpr = [nPos > 0 ? 0 : NaN];
    const thr = [thresholds[0] + 1];
    for (const k of keep) {
        fpr.push(nNeg > 0 ? fps[k] / nNeg : NaN);
        tpr.push(nPos > 0 ? tps[k] / nPos : NaN);
        thr.push(thresholds[k]);
    }
    return { fpr, tpr, thresholds: thr };
}
/**
 * sklearn 1.2.1 precision_recall_curve (pos_label 1): thresholds increasing, one per distinct score; precision
 * and recall have one more element (1 and 0). Without positives recall is 1 at every threshold, as in sklearn.
 */
function prCurve(yTrue01, scores) {
    const { thresholds, tps, fps } = countsOf(yTrue01, scores);
    const m = thresholds.length;
    const nPos = m > 0 ? tps[m - 1] : 0;
    const precision = [];
    const recall = [];
    const thr = [];
    for (let k = m - 1; k >= 0; k--) {
        const tp = tps[k];
        const ps = tp + fps[k];
        precision.push(ps !== 0 ? tp / ps : 0);
        recall.push(nPos === 0 ? 1 : tp / nPos);
        thr.push(thresholds[k]);
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
function calibrationCurve(yTrue01, prob, nBins = 10) {
    const n = checkLengths(yTrue01, prob);
    if (!Number.isInteger(nBins) || nBins < 1)
        throw new RangeError(`nBins must be a positive integer (got ${nBins})`);
    // numpy.linspace(0, 1, nBins + 1): i * (1 / nBins); inner[b] is the upper edge of bin b.
    const step = 1 / nBins;
    const inner = new Float64Array(nBins - 1);
    for (let b = 0; b < nBins - 1; b++)
        inner[b] = (b + 1) * step;
    const sums = new Float64Array(nBins);
    const trues = new Float64Array(nBins);
    const totals = new Float64Array(nBins);
    for (let i = 0; i < n; i++) {
        const p = prob[i];
        if (!(p >= 0 && p <= 1))
            throw new RangeError('y_prob has values outside [0, 1].');
        let b = Math.min(nBins - 1, Math.floor(p * nBins));
        while (b > 0 && inner[b - 1] >= p)
            b--;
        while (b < nBins - 1 && inner[b] < p)
            b++;
        sums[b] = sums[b] + p;
        trues[b] = trues[b] + (yTrue01[i] === 1 ? 1 : 0);
        totals[b] = totals[b] + 1;
    }
    const probTrue = [];
    const probPred = [];
    const counts = [];
    for (let b = 0; b < nBins; b++) {
        const t = totals[b];
        if (t === 0)
            continue;
        probTrue.push(trues[b] / t);
        probPred.push(sums[b] / t);
        counts.push(t);
    }
    return { probTrue, probPred, counts, bins: nBins };
}
/**
 * Class k against the rest: y == k and the score of class k (multiclass: column k; binary: the score, or
 * 1 − score for the negative class). Throws a RangeError when the data has no scores.
 */
function oneVsRest(d, k) {
    const n = d.yTrue.length;
    const nLabels = d.labels.length;
    if (!Number.isInteger(k) || k < 0 || k >= nLabels)
        throw new RangeError(`class index ${k} outside [0, ${nLabels})`);
    if (d.scores === undefined)
        throw new RangeError('oneVsRest needs scores');
    const yTrue01 = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        yTrue01[i] = d.yTrue[i] === k ? 1 : 0;
    const scores = new Float64Array(n);
    if (d.kind === 'binary') {
        const flip = k !== (d.positive ?? 1);
        for (let i = 0; i < n; i++)
            scores[i] = flip ? 1 - d.scores[i] : d.scores[i];
    }
    else {
        for (let i = 0; i < n; i++)
            scores[i] = d.scores[i * nLabels + k];
    }
    return { yTrue01, scores };
}

;// CONCATENATED MODULE: ./src/gates/model-validate/metrics/regression.ts
/** Sum of the first `length` values in numpy's order (np.add.reduce on a contiguous float64 array). */
function numpySum(x, length = x.length) {
    let acc = 0;
    for (let start = 0; start < length; start += 8192)
        acc += pairwise(x, start, Math.min(8192, length - start));
    return acc;
}
function pairwise(a, lo, n) {
    if (n < 8) {
        let r = -0;
        for (let i = 0; i < n; i++)
            r += a[lo + i];
        return r;
    }
    if (n <= 128) {
        let r0 = a[lo];
        let r1 = a[lo + 1];
        let r2 = a[lo + 2];
        let r3 = a[lo + 3];
        let r4 = a[lo + 4];
        let r5 = a[lo + 5];
        let r6 = a[lo + 6];
        let r7 = a[lo + 7];
        const end = n - (n % 8);
        let i = 8;
        for (; i < end; i += 8) {
            const b = lo + i;
            r0 += a[b];
            r1 += a[b + 1];
            r2 += a[b + 2];
            r3 += a[b + 3];
            r4 += a[b + 4];
            r5 += a[b + 5];
            r6 += a[b + 6];
            r7 += a[b + 7];
        }
        let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
        for (; i < n; i++)
            res += a[lo + i];
        return res;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}
/** numpy mean of the first `length` values. */
function numpyMean(x, length = x.length) {
    return numpySum(x, length) / length;
}
const NO_ROWS = 'no rows: the metric is undefined (scikit-learn rejects empty input)';
/** mae, rmse and r2 of the predictions. Never throws; undefined values are NaN with a reason. */
function regressionMetrics(d) {
    const n = d.yTrue.length;
    if (d.yPred.length !== n)
        throw new RangeError(`y_true and y_pred differ in length (${n} and ${d.yPred.length})`);
    if (n === 0)
        return { mae: { value: NaN, reason: NO_ROWS }, rmse: { value: NaN, reason: NO_ROWS }, r2: { value: NaN, reason: NO_ROWS } };
    for (let i = 0; i < n; i++) {
        const t = d.yTrue[i];
        const p = d.yPred[i];
        if (t - t !== 0 || p - p !== 0) {
            const reason = `row ${i} has a value that is NaN or infinite (scikit-learn rejects it)`;
            return { mae: { value: NaN, reason }, rmse: { value: NaN, reason }, r2: { value: NaN, reason } };
        }
    }
    const buf = new Float64Array(n);
    for (let i = 0; i < n; i++)
        buf[i] = Math.abs(d.yPred[i] - d.yTrue[i]);
    const mae = numpyMean(buf);
    for (let i = 0; i < n; i++) {
        const e = d.yTrue[i] - d.yPred[i];
        buf[i] = e * e;
    }
    const sse = numpySum(buf);
    const rmse = Math.sqrt(sse / n);
    return { mae: { value: mae }, rmse: { value: rmse }, r2: r2(d.yTrue, sse, buf) };
}
function r2(yTrue, numerator, buf) {
    const n = yTrue.length;
    if (n < 2)
        return { value: NaN, reason: 'R^2 score is not well-defined with less than two samples.' };
    const mean = numpyMean(yTrue);
    for (let i = 0; i < n; i++) {
        const e = yTrue[i] - mean;
        buf[i] = e * e;
    }
    const denominator = numpySum(buf);
    let constant = true;
    for (let i = 1; i < n && constant; i++)
        constant = yTrue[i] === yTrue[0];
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
            reason: 'y_true is constant but its floating-point mean is not exactly its value, so r2 (as scikit-learn computes it) divides by a rounding residue and is meaningless',
        };
    }
    return { value };
}

;// CONCATENATED MODULE: ./src/gates/model-validate/metrics/classification.ts


/** np.finfo(np.float64).eps: log_loss's clipping bound in scikit-learn 1.2.1 (eps='auto'). */
const LOG_LOSS_EPS = Number.EPSILON;
const ONE_CLASS = 'Only one class present in y_true. ROC AUC score is not defined in that case.';
const NOT_FINITE = 'scores contain NaN or infinite values (scikit-learn rejects them)';
const classification_NO_ROWS = 'no rows: the metric is undefined (scikit-learn rejects empty input)';
const nan = (reason) => ({ value: NaN, reason });
/**
 * ROC AUC and average precision of binary scores (sklearn roc_auc_score and average_precision_score): the scores of
 * positives and negatives are sorted separately (typed arrays) and walked from the top, one step per distinct score, counting the
 * ROC area in integer units (ties as trapezoids, i.e. midranks) and AP as Σ ΔTP/P · precision.
 */
function binaryRankMetrics(yTrue01, scores) {
    if (yTrue01.length === 0)
        return { rocAuc: nan(classification_NO_ROWS), averagePrecision: nan(classification_NO_ROWS) };
    const split = splitSorted(yTrue01, scores);
    if (split === undefined)
        return { rocAuc: nan(NOT_FINITE), averagePrecision: nan(NOT_FINITE) };
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
        const v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
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
        if (tp !== tp0)
            ap += ((tp - tp0) * tp) / (tp + fp);
    }
    const rocAuc = nPos === 0 || nNeg === 0 ? nan(ONE_CLASS) : { value: area2 / (2 * nPos * nNeg) };
    const averagePrecision = nPos === 0
        ? {
            value: 0,
            reason: 'No positive class found in y_true: recall is set to one for all thresholds and average precision is 0 (scikit-learn 1.2.1)',
        }
        : { value: ap / nPos };
    return { rocAuc, averagePrecision };
}
/** Twice the Mann–Whitney U of `pos` over `neg` (both sorted ascending): pairs ranked right count 2, ties 1. */
function mannWhitney2U(pos, neg) {
    let u2 = 0;
    let j = 0; // negatives strictly below the current value
    let i = 0;
    while (i < pos.length) {
        const v = pos[i];
        let cp = 0;
        while (i < pos.length && pos[i] === v) {
            cp++;
            i++;
        }
        while (j < neg.length && neg[j] < v)
            j++;
        let ties = 0;
        while (j + ties < neg.length && neg[j + ties] === v)
            ties++;
        u2 += cp * (2 * j + ties);
    }
    return u2;
}
/** Weighted mean as np.average(values, weights=weights). */
function weightedMean(values, weights) {
    const prod = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++)
        prod[c] = values[c] * weights[c];
    return numpySum(prod) / numpySum(weights);
}
const list = (labels, idx) => idx.map((c) => JSON.stringify(labels[c])).join(', ');
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
function classificationMetrics(d, opts = {}) {
    const zd = opts.zeroDivision ?? 0;
    const n = d.yTrue.length;
    const k = d.labels.length;
    if (d.yPred.length !== n)
        throw new RangeError(`y_true and y_pred differ in length (${n} and ${d.yPred.length})`);
    const conf = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
        const t = d.yTrue[i];
        const p = d.yPred[i];
        if (!(t >= 0 && t < k && p >= 0 && p < k))
            throw new RangeError(`row ${i}: class index outside [0, ${k})`);
        conf[t * k + p] = conf[t * k + p] + 1;
    }
    const matrix = [];
    for (let a = 0; a < k; a++)
        matrix.push(Array.from(conf.subarray(a * k, a * k + k)));
    const confusion = { labels: [...d.labels], matrix };
    const metrics = {};
    const names = ['accuracy', 'balanced_accuracy', 'mcc'];
    for (const m of ['precision', 'recall', 'f1'])
        for (const avg of ['macro', 'weighted', 'micro'])
            names.push(`${m}_${avg}`);
    if (n === 0) {
        for (const m of names)
            metrics[m] = nan(classification_NO_ROWS);
        return { metrics, confusion };
    }
    const tpS = new Float64Array(k);
    const trueS = new Float64Array(k);
    const predS = new Float64Array(k);
    for (let a = 0; a < k; a++) {
        tpS[a] = conf[a * k + a];
        for (let b = 0; b < k; b++) {
            trueS[a] = trueS[a] + conf[a * k + b];
            predS[b] = predS[b] + conf[a * k + b];
        }
    }
    let correct = 0;
    for (let a = 0; a < k; a++)
        correct += tpS[a];
    metrics.accuracy = { value: correct / n };
    // balanced_accuracy_score: recall averaged over the classes of confusion_matrix(y_true, y_pred) that occur in y_true.
    const perClass = [];
    const predOnly = [];
    for (let a = 0; a < k; a++) {
        if (trueS[a] > 0)
            perClass.push(tpS[a] / trueS[a]);
        else if (predS[a] > 0)
            predOnly.push(a);
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
    const noPred = [];
    const noTrue = [];
    const neither = [];
    for (let a = 0; a < k; a++) {
        const t = trueS[a];
        const p = predS[a];
        if (p === 0)
            noPred.push(a);
        if (t === 0)
            noTrue.push(a);
        if (p === 0 && t === 0)
            neither.push(a);
        prec[a] = p === 0 ? zd : tpS[a] / p;
        rec[a] = t === 0 ? zd : tpS[a] / t;
        f1[a] = fScore(prec[a], rec[a]);
    }
    const set = `${zd}.0`;
    const precReason = noPred.length > 0 ? `Precision is ill-defined and being set to ${set} in labels with no predicted samples: ${list(d.labels, noPred)}` : undefined;
    const recReason = noTrue.length > 0 ? `Recall is ill-defined and being set to ${set} in labels with no true samples: ${list(d.labels, noTrue)}` : undefined;
    const fReason = neither.length > 0 ? `F-score is ill-defined and being set to ${set} in labels with no true nor predicted samples: ${list(d.labels, neither)}` : undefined;
    const withReason = (value, reason) => (reason === undefined ? { value } : { value, reason });
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
        const t = trueS[pos];
        const p = predS[pos];
        const posName = JSON.stringify(d.labels[pos]);
        const pr = p === 0 ? zd : tpS[pos] / p;
        const rc = t === 0 ? zd : tpS[pos] / t;
        metrics.precision = withReason(pr, p === 0 ? `Precision is ill-defined and being set to ${set} due to no predicted samples of ${posName}` : undefined);
        metrics.recall = withReason(rc, t === 0 ? `Recall is ill-defined and being set to ${set} due to no true samples of ${posName}` : undefined);
        metrics.f1 = withReason(fScore(pr, rc), p === 0 && t === 0 ? `F-score is ill-defined and being set to ${set} due to no true nor predicted samples of ${posName}` : undefined);
        if (d.scores !== undefined)
            Object.assign(metrics, binaryScoreMetrics(d, pos));
    }
    else if (d.scores !== undefined) {
        Object.assign(metrics, multiclassScoreMetrics(d, trueS));
    }
    return { metrics, confusion };
}
/** F1 from precision and recall as sklearn 1.2.1: (1 + β²)·p·r / (β²·p + r), a zero denominator read as 1. */
function fScore(p, r) {
    const denom = p + r;
    return (2 * p * r) / (denom === 0 ? 1 : denom);
}
function mcc(tpS, trueS, predS, n) {
    let correct = 0;
    let tp = 0;
    let pp = 0;
    let tt = 0;
    for (let a = 0; a < tpS.length; a++) {
        correct += tpS[a];
        tp += trueS[a] * predS[a];
        pp += predS[a] * predS[a];
        tt += trueS[a] * trueS[a];
    }
    const covYtYp = correct * n - tp;
    const covYpYp = n * n - pp;
    const covYtYt = n * n - tt;
    if (covYpYp * covYtYt === 0) {
        return { value: 0, reason: 'matthews_corrcoef is undefined when y_true or y_pred holds a single class; scikit-learn returns 0.0' };
    }
    return { value: covYtYp / Math.sqrt(covYtYt * covYpYp) };
}
function binaryScoreMetrics(d, pos) {
    const scores = d.scores;
    const n = d.yTrue.length;
    if (scores.length !== n)
        throw new RangeError(`binary scores: expected ${n} values, got ${scores.length}`);
    const y01 = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        y01[i] = d.yTrue[i] === pos ? 1 : 0;
    const out = {};
    const { rocAuc, averagePrecision } = binaryRankMetrics(y01, scores);
    out.roc_auc = rocAuc;
    out.average_precision = averagePrecision;
    let finite = true;
    let inUnit = true;
    for (let i = 0; i < n; i++) {
        const s = scores[i];
        if (s - s !== 0)
            finite = false;
        else if (s < 0 || s > 1)
            inUnit = false;
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
        const p = Math.min(Math.max(scores[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
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
        const e = y01[i] - scores[i];
        buf[i] = e * e;
    }
    out.brier = { value: numpyMean(buf) };
    out.ece = { value: expectedCalibrationError(y01, scores) };
    return out;
}
/** Σ over non-empty bins of |fraction of positives − mean probability| × rows in the bin / n (10 uniform bins). */
function expectedCalibrationError(yTrue01, prob, nBins = 10) {
    const c = calibrationCurve(yTrue01, prob, nBins);
    const terms = new Float64Array(c.counts.length);
    for (let b = 0; b < terms.length; b++)
        terms[b] = Math.abs(c.probTrue[b] - c.probPred[b]) * c.counts[b];
    return numpySum(terms) / prob.length;
}
function multiclassScoreMetrics(d, support) {
    const scores = d.scores;
    const n = d.yTrue.length;
    const k = d.labels.length;
    if (scores.length !== n * k)
        throw new RangeError(`multiclass scores: expected ${n} × ${k} values, got ${scores.length}`);
    for (let i = 0; i < scores.length; i++) {
        const s = scores[i];
        if (s - s !== 0) {
            const r = nan(NOT_FINITE);
            return { roc_auc_ovr_macro: r, roc_auc_ovr_weighted: r, roc_auc_ovo_macro: r, roc_auc_ovo_weighted: r, log_loss: r };
        }
    }
    // by[g][c]: column c of the rows of class g, sorted ascending.
    const by = [];
    const fill = new Int32Array(k);
    for (let g = 0; g < k; g++) {
        by.push([]);
        for (let c = 0; c < k; c++)
            by[g]?.push(new Float64Array(support[g]));
    }
    for (let i = 0; i < n; i++) {
        const g = d.yTrue[i];
        const row = by[g];
        const at = fill[g];
        for (let c = 0; c < k; c++)
            row[c][at] = scores[i * k + c];
        fill[g] = at + 1;
    }
    for (const row of by)
        for (const col of row)
            sortFloat64(col);
    const u2 = (posClass, negClass, column) => mannWhitney2U(by[posClass][column], by[negClass][column]);
    const out = {};
    // One-vs-rest: every class needs rows of its own and of the rest.
    const bad = [];
    for (let c = 0; c < k; c++)
        if (support[c] === 0 || support[c] === n)
            bad.push(c);
    if (bad.length > 0) {
        const r = nan(`${ONE_CLASS} (one-vs-rest for ${list(d.labels, bad)})`);
        out.roc_auc_ovr_macro = r;
        out.roc_auc_ovr_weighted = r;
    }
    else {
        const auc = new Float64Array(k);
        for (let c = 0; c < k; c++) {
            let s = 0;
            for (let g = 0; g < k; g++)
                if (g !== c)
                    s += u2(c, g, c);
            const nc = support[c];
            auc[c] = s / (2 * nc * (n - nc));
        }
        out.roc_auc_ovr_macro = { value: numpyMean(auc) };
        out.roc_auc_ovr_weighted = { value: weightedMean(auc, support) };
    }
    // One-vs-one (Hand & Till) over the pairs of classes present in y_true.
    const present = [];
    for (let c = 0; c < k; c++)
        if (support[c] > 0)
            present.push(c);
    if (present.length < 2) {
        const r = nan(`${ONE_CLASS} (one-vs-one needs two classes in y_true)`);
        out.roc_auc_ovo_macro = r;
        out.roc_auc_ovo_weighted = r;
    }
    else {
        const pairs = [];
        const prevalence = [];
        for (let x = 0; x < present.length; x++) {
            for (let y = x + 1; y < present.length; y++) {
                const a = present[x];
                const b = present[y];
                const na = support[a];
                const nb = support[b];
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
            const absent = [];
            for (let c = 0; c < k; c++)
                if (support[c] === 0)
                    absent.push(c);
            const reason = `classes absent from y_true are left out of the pairs: ${list(d.labels, absent)}`;
            out.roc_auc_ovo_macro.reason = reason;
            out.roc_auc_ovo_weighted.reason = reason;
        }
    }
    // log_loss(labels=all labels): clip to [eps, 1 − eps], renormalise each row, mean of −log p(true class).
    const loss = new Float64Array(n);
    const row = new Float64Array(k);
    for (let i = 0; i < n; i++) {
        for (let c = 0; c < k; c++)
            row[c] = Math.min(Math.max(scores[i * k + c], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
        loss[i] = -Math.log(row[d.yTrue[i]] / numpySum(row));
    }
    out.log_loss = { value: numpyMean(loss) };
    return out;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
;// CONCATENATED MODULE: ./src/gates/model-validate/report.ts
/** A metric value as shown: 4 significant decimals, NaN as "n/a". */
function fmt(x) {
    if (x === null || x === undefined)
        return '—';
    if (Number.isNaN(x))
        return 'n/a';
    if (!Number.isFinite(x))
        return x > 0 ? '∞' : '−∞';
    const a = Math.abs(x);
    if (a !== 0 && (a < 1e-4 || a >= 1e6))
        return x.toExponential(3);
    return Number(x.toFixed(4)).toString();
}
function signed(x) {
    if (x === null || Number.isNaN(x))
        return '—';
    return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmt(Math.abs(x))}`;
}
/** Status of a threshold result as a finding status. */
const STATUS = { pass: 'pass', warn: 'warn', fail: 'fail' };
function metricsSection(rows) {
    // Thresholded metrics first (failures, then warnings), then the rest in the given order.
    const rank = (r) => (r.threshold?.status === 'fail' ? 0 : r.threshold?.status === 'warn' ? 1 : r.threshold ? 2 : 3);
    const sorted = [...rows].sort((a, b) => rank(a) - rank(b));
    const tableRows = sorted.map((r) => {
        const change = r.baseline !== null && Number.isFinite(r.current.value) ? r.current.value - r.baseline : null;
        const ci = r.interval ? `${fmt(r.interval.lower)} – ${fmt(r.interval.upper)}` : '—';
        const status = r.threshold ? r.threshold.status : Number.isNaN(r.current.value) ? 'undefined' : '—';
        const note = [r.threshold?.formula, r.paired && !r.threshold ? `${r.paired.test}: one-sided p = ${fmt(r.paired.pWorse)}` : undefined, Number.isNaN(r.current.value) ? r.current.reason : undefined].filter(Boolean).join('; ');
        return {
            cells: [r.name, fmt(r.baseline), fmt(r.current.value), signed(change), ci, note || '—', status],
            ...(r.threshold ? { status: STATUS[r.threshold.status] } : { status: 'pass' }),
        };
    });
    return {
        id: 'metrics',
        title: 'Metrics',
        importance: 'essential',
        blocks: [{ type: 'table', columns: ['metric', 'baseline', 'current', 'change', '95% CI', 'threshold', 'status'], rows: tableRows, align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'] }],
    };
}
function driftSection(columns, share, datasetDrifted, datasetShare, skipped) {
    const rows = [...columns]
        .sort((a, b) => Number(b.drifted) - Number(a.drifted))
        .map((d) => ({
        cells: [
            d.name,
            d.method,
            fmt(d.statistic),
            d.pValue === undefined ? '—' : fmt(d.pValue),
            d.effectSize === undefined ? '—' : fmt(d.effectSize),
            fmt(d.threshold),
            d.drifted ? `drifted${d.severity === 'severe' ? ' (severe)' : ''}` : 'no',
            d.reason ?? '',
        ],
        status: d.drifted ? 'warn' : 'pass',
    }));
    const blocks = [
        {
            type: 'text',
            text: `${(share * 100).toFixed(1)}% of the columns drifted (dataset drift at ≥ ${(datasetShare * 100).toFixed(0)}%): ${datasetDrifted ? 'the dataset drifted' : 'no dataset drift'}.`,
        },
        { type: 'table', columns: ['column', 'method', 'statistic', 'p-value', 'effect size', 'threshold', 'drifted', 'note'], rows },
    ];
    if (skipped.length)
        blocks.push({ type: 'text', text: `Not compared: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}` });
    return { id: 'drift', title: 'Drift', importance: 'essential', blocks };
}
function confusionBlock(c) {
    return {
        type: 'table',
        columns: ['true \\ predicted', ...c.labels],
        rows: c.matrix.map((row, i) => ({ cells: [c.labels[i] ?? '', ...row.map(String)] })),
        align: ['left', ...c.labels.map(() => 'right')],
    };
}
function thresholdFindings(results, location) {
    return results
        .filter((r) => r.status !== 'pass')
        .map((r) => ({
        id: `threshold:${r.metric}`,
        title: `${r.metric} ${r.status === 'fail' ? 'failed' : 'warned on'} its threshold`,
        severity: r.status === 'fail' ? 'high' : 'medium',
        status: r.status === 'fail' ? 'fail' : 'warn',
        message: `${r.metric}: ${r.formula}${r.reason ? ` (${r.reason})` : ''}`,
        ...(location ? { location } : {}),
    }));
}

;// CONCATENATED MODULE: ./src/gates/model-validate/model-card.ts
/**
 * The model card: model-card.json after Google's Model Card Toolkit schema (v0.0.2 field names, snake_case) plus a
 * shipgate `ci` section of the facts of the run; model-card.md rendered from it; and the Hugging Face
 * `model-index` YAML of its metrics.
 *
 * Every string from the metadata file, the data files, the config or the runner is untrusted: the markdown escapes
 * it for its place, the YAML is written by the `yaml` package.
 */




/** Version of the Model Card Toolkit schema whose field names the card follows. */
const MODEL_CARD_SCHEMA_VERSION = '0.0.2';
/** Untrusted text kept in the JSON: control and bidi-override characters removed. */
function clean(s) {
    return (0,report_escape/* stripControls */.$Y)(s);
}
function orNull(s) {
    return s === undefined || s === '' ? null : clean(s);
}
function finiteOrNull(x) {
    return Number.isFinite(x) ? x : null;
}
function dateText(d) {
    if (d === undefined)
        return undefined;
    if (d instanceof Date)
        return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
    return clean(d);
}
function architectureOf(p) {
    if (typeof p === 'string')
        return clean(p);
    if (p && typeof p === 'object' && !Array.isArray(p)) {
        const o = p;
        for (const k of ['architecture', 'model_architecture', 'modelArchitecture'])
            if (typeof o[k] === 'string')
                return clean(o[k]);
    }
    return undefined;
}
function scalarParameters(p) {
    if (!p || typeof p !== 'object' || Array.isArray(p))
        return undefined;
    const out = {};
    for (const [k, v] of Object.entries(p)) {
        if (typeof v === 'string')
            out[clean(k)] = clean(v);
        else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')
            out[clean(k)] = v;
    }
    return Object.keys(out).length ? out : undefined;
}
function ethical(list) {
    return (list ?? []).map((e) => {
        if (typeof e === 'string')
            return { name: clean(e), mitigation_strategy: '' };
        const name = e.name ?? e.risk ?? e.description ?? '';
        const mitigation = e.mitigationStrategy ?? e.mitigation_strategy ?? e.mitigation ?? '';
        return { name: clean(name), mitigation_strategy: clean(mitigation) };
    });
}
/** An http(s) URL, normalised, or undefined. */
function httpUrl(s) {
    if (!s)
        return undefined;
    try {
        const u = new URL(s.trim());
        return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
    }
    catch {
        return undefined;
    }
}
function metricEntry(name, m, interval) {
    const entry = { type: clean(name), value: finiteOrNull(m.value) };
    if (m.reason !== undefined)
        entry.reason = clean(m.reason);
    else if (entry.value === null)
        entry.reason = Number.isNaN(m.value) ? 'undefined (NaN)' : 'not finite';
    if (interval) {
        entry.confidence_interval = { lower_bound: finiteOrNull(interval.lower), upper_bound: finiteOrNull(interval.upper) };
        if (Number.isFinite(interval.level))
            entry.confidence_level = interval.level;
    }
    return entry;
}
const ROLE_TEXT = {
    evaluation: 'evaluation predictions',
    reference: 'reference features (drift)',
    current: 'current features (drift)',
    'baseline-predictions': "baseline model's predictions",
};
function buildModelCard(input) {
    const md = input.metadata;
    const data = [];
    if (md?.dataset) {
        const link = httpUrl(md.dataset.url);
        const size = md.dataset.size;
        data.push({
            name: clean(md.dataset.name),
            ...(link ? { link } : {}),
            description: size === undefined ? 'training data' : `training data, size ${typeof size === 'number' ? size : clean(size)}`,
            role: 'training',
            ...(size === undefined ? {} : { size: typeof size === 'number' ? size : clean(size) }),
        });
    }
    for (const d of input.datasets) {
        data.push({
            name: clean(d.file),
            description: `${ROLE_TEXT[d.role]}: ${d.rows} rows, sha256 ${clean(d.sha256)}`,
            role: d.role,
            rows: d.rows,
            sha256: clean(d.sha256),
        });
    }
    const datasetLink = httpUrl(md?.dataset?.url);
    const architecture = architectureOf(md?.parameters);
    const parameters = scalarParameters(md?.parameters);
    const version = md?.version === undefined ? undefined : clean(String(md.version));
    const date = dateText(md?.trainingDate);
    const baseline = input.ci.baseline;
    const gpus = input.runner.gpus ?? [];
    return {
        schema_version: MODEL_CARD_SCHEMA_VERSION,
        model_details: {
            name: md ? clean(md.name) : 'unnamed model',
            overview: md?.description ? clean(md.description) : `A ${input.task} ${input.task === 'regression' ? 'model' : 'classifier'} evaluated by shipgate model-validate.`,
            version: { ...(version ? { name: version } : {}), ...(date ? { date } : {}) },
            owners: (md?.owners ?? []).map((o) => ({ name: clean(o.name), ...(o.contact ? { contact: clean(o.contact) } : {}) })),
            licenses: md?.license ? [{ custom_text: clean(md.license) }] : [],
            references: datasetLink ? [{ reference: datasetLink }] : [],
            citations: [],
            tags: (md?.tags ?? []).map(clean),
        },
        model_parameters: {
            ...(architecture ? { model_architecture: architecture } : {}),
            ...(parameters ? { parameters } : {}),
            data,
        },
        quantitative_analysis: {
            performance_metrics: Object.entries(input.metrics).map(([name, m]) => metricEntry(name, m, input.intervals[name])),
        },
        considerations: {
            users: (md?.users ?? []).map((u) => ({ description: clean(u) })),
            use_cases: md?.intendedUse ? [{ description: clean(md.intendedUse) }] : [],
            limitations: (md?.limitations ?? []).map((l) => ({ description: clean(l) })),
            ethical_considerations: ethical(md?.ethicalConsiderations),
        },
        ci: {
            task: input.task,
            verdict: input.verdict,
            generated_at: input.generatedAt,
            repository: orNull(input.ci.repository),
            commit: orNull(input.ci.commit),
            ref: orNull(input.ci.ref),
            run: { id: orNull(input.ci.runId), url: httpUrl(input.ci.runUrl) ?? null },
            baseline: baseline ? { source: clean(baseline.source), commit: orNull(baseline.commit) } : null,
            thresholds: input.thresholds.map((t) => ({ metric: clean(t.metric), status: t.status, formula: clean(t.formula) })),
            runner: {
                fingerprint: orNull(input.runner.fingerprint),
                gpus: gpus.map((g) => ({ name: clean(g.name), driver: orNull(g.driver), memory_mib: g.memoryMiB !== undefined && Number.isFinite(g.memoryMiB) ? g.memoryMiB : null })),
                cuda: orNull(input.runner.cuda),
                cpu: orNull(input.runner.cpu),
                os: orNull(input.runner.os),
            },
            datasets: input.datasets.map((d) => ({ role: d.role, file: clean(d.file), sha256: clean(d.sha256), rows: d.rows })),
        },
    };
}
// ---------------------------------------------------------------------------------------------------------------
// Markdown
/** A table cell of untrusted text; `—` when empty. */
function cell(s) {
    const t = s === null || s === undefined ? '' : (0,report_escape/* escapeTableCell */.aL)(s);
    return t === '' ? '—' : t;
}
/** A markdown link to an http(s) URL (escaped text, destination with the characters that end it encoded), or text. */
function model_card_link(text, url) {
    const href = httpUrl(url ?? undefined);
    const label = (0,report_escape/* escapeTableCell */.aL)(text) || 'link';
    if (!href)
        return label;
    const dest = href.replace(/[()|<>\s\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${label}](${dest})`;
}
function table(header, rows, align) {
    const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
    return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
function percent(level) {
    return `${Number((level * 100).toFixed(1))}%`;
}
const STATUS_TEXT = { pass: 'pass', warn: 'warn', fail: 'FAIL' };
const VERDICT_TEXT = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR' };
/** model-card.md: every string from the card escaped for its place (headings, text, table cells, links). */
function renderModelCardMarkdown(card) {
    const d = card.model_details;
    const c = card.considerations;
    const ci = card.ci;
    const out = [];
    out.push(`# Model card: ${(0,report_escape/* escapeInline */.VV)(d.name).trim() || 'unnamed model'}`, '', (0,report_escape/* escapeText */.X1)(d.overview) || '—', '');
    out.push('## Model details', '');
    const details = [
        ['Name', cell(d.name)],
        ['Version', cell(d.version.name)],
        ['Training date', cell(d.version.date)],
        ['Task', cell(ci.task)],
        ['Owners', d.owners.length ? d.owners.map((o) => (o.contact ? `${cell(o.name)} (${cell(o.contact)})` : cell(o.name))).join(', ') : '—'],
        ['License', d.licenses.length ? d.licenses.map((l) => cell(l.custom_text)).join(', ') : '—'],
    ];
    if (card.model_parameters.model_architecture)
        details.push(['Architecture', cell(card.model_parameters.model_architecture)]);
    const params = card.model_parameters.parameters;
    if (params)
        details.push(['Parameters', Object.entries(params).map(([k, v]) => `${cell(k)} = ${cell(String(v))}`).join('; ')]);
    if (d.tags.length)
        details.push(['Tags', d.tags.map(cell).join(', ')]);
    if (d.references.length)
        details.push(['References', d.references.map((r) => model_card_link(r.reference, r.reference)).join(', ')]);
    out.push(...table(['field', 'value'], details), '');
    out.push('## Intended use', '');
    out.push(c.use_cases.length ? c.use_cases.map((u) => (0,report_escape/* escapeText */.X1)(u.description)).join('\n\n') : '_Not stated in the metadata._', '');
    if (c.users.length)
        out.push(`Intended users: ${c.users.map((u) => (0,report_escape/* escapeInline */.VV)(u.description)).join(', ')}`, '');
    out.push('## Limitations', '');
    if (c.limitations.length)
        out.push(...c.limitations.map((l) => `- ${(0,report_escape/* escapeInline */.VV)(l.description)}`), '');
    else
        out.push('_None stated in the metadata._', '');
    if (c.ethical_considerations.length) {
        out.push('## Ethical considerations', '');
        for (const e of c.ethical_considerations) {
            out.push(`- ${(0,report_escape/* escapeInline */.VV)(e.name)}${e.mitigation_strategy ? ` — mitigation: ${(0,report_escape/* escapeInline */.VV)(e.mitigation_strategy)}` : ''}`);
        }
        out.push('');
    }
    out.push('## Metrics', '');
    const metrics = card.quantitative_analysis.performance_metrics;
    if (metrics.length) {
        const levels = new Set(metrics.flatMap((m) => (m.confidence_level === undefined ? [] : [m.confidence_level])));
        const [only] = levels;
        const ciHeader = levels.size <= 1 ? `${percent(only ?? 0.95)} CI` : 'CI';
        const rows = metrics.map((m) => {
            const ciText = m.confidence_interval ? `${fmt(m.confidence_interval.lower_bound)} – ${fmt(m.confidence_interval.upper_bound)}${levels.size > 1 && m.confidence_level !== undefined ? ` (${percent(m.confidence_level)})` : ''}` : '—';
            return [cell(m.type), m.value === null ? 'n/a' : fmt(m.value), ciText, cell(m.reason)];
        });
        out.push(...table(['metric', 'value', ciHeader, 'note'], rows, ['left', 'right', 'right', 'left']), '');
    }
    else
        out.push('_No metrics._', '');
    out.push('## Thresholds and verdict', '', `Verdict: **${VERDICT_TEXT[ci.verdict]}**`, '');
    if (ci.thresholds.length)
        out.push(...table(['metric', 'status', 'rule'], ci.thresholds.map((t) => [cell(t.metric), STATUS_TEXT[t.status], cell(t.formula)])), '');
    else
        out.push('_No thresholds configured._', '');
    out.push('## Data', '');
    const data = card.model_parameters.data.map((x) => [
        cell(x.role),
        x.link ? model_card_link(x.name, x.link) : cell(x.name),
        x.rows !== undefined ? String(x.rows) : x.size !== undefined ? cell(String(x.size)) : '—',
        x.sha256 ? (/^[0-9a-f]{64}$/.test(x.sha256) ? `\`${x.sha256}\`` : cell(x.sha256)) : '—',
    ]);
    if (data.length)
        out.push(...table(['role', 'dataset', 'rows', 'sha256'], data), '');
    else
        out.push('_No data files recorded._', '');
    out.push('## CI facts', '');
    const r = ci.runner;
    const facts = [
        ['Repository', cell(ci.repository)],
        ['Commit', ci.commit && /^[0-9a-f]{7,64}$/.test(ci.commit) ? `\`${ci.commit}\`` : cell(ci.commit)],
        ['Ref', cell(ci.ref)],
        ['Run', ci.run.url ? model_card_link(ci.run.id ?? 'workflow run', ci.run.url) : cell(ci.run.id)],
        ['Baseline', ci.baseline ? `${cell(ci.baseline.source)}${ci.baseline.commit ? ` (${cell(ci.baseline.commit)})` : ''}` : '—'],
        ['Runner fingerprint', cell(r.fingerprint)],
        [
            'GPUs',
            r.gpus.length
                ? r.gpus.map((g) => [cell(g.name), g.driver ? `driver ${cell(g.driver)}` : '', g.memory_mib !== null ? `${g.memory_mib} MiB` : ''].filter(Boolean).join(', ')).join('; ')
                : '—',
        ],
        ['CUDA', cell(r.cuda)],
        ['CPU', cell(r.cpu)],
        ['OS', cell(r.os)],
        ['Generated', cell(ci.generated_at)],
    ];
    out.push(...table(['fact', 'value'], facts));
    return `${out.join('\n')}\n`;
}
// ---------------------------------------------------------------------------------------------------------------
// Hugging Face
const HF_TASK = {
    binary: { type: 'tabular-classification', name: 'Binary classification' },
    multiclass: { type: 'tabular-classification', name: 'Multiclass classification' },
    regression: { type: 'tabular-regression', name: 'Regression' },
};
const METRIC_NAMES = {
    accuracy: 'Accuracy',
    balanced_accuracy: 'Balanced accuracy',
    roc_auc: 'ROC AUC',
    average_precision: 'Average precision',
    f1: 'F1',
    precision: 'Precision',
    recall: 'Recall',
    log_loss: 'Log loss',
    brier: 'Brier score',
    mae: 'Mean absolute error',
    mse: 'Mean squared error',
    rmse: 'Root mean squared error',
    r2: 'R²',
};
function oneLine(s) {
    return (0,report_escape/* stripControls */.$Y)(s).replace(/\s+/g, ' ').trim();
}
/**
 * The `model-index` YAML of the card (the metadata block of a Hugging Face model card, without the `---` lines):
 * one result of the evaluation data with every finite metric. The task type is `tabular-classification` or
 * `tabular-regression` unless given; the dataset is named after the evaluation file.
 */
function huggingFaceModelIndex(card, opts = {}) {
    const task = HF_TASK[card.ci.task];
    const evaluation = card.ci.datasets.find((d) => d.role === 'evaluation');
    const datasetName = oneLine(opts.datasetName ?? (evaluation ? external_node_path_default().basename(evaluation.file) : 'evaluation data')) || 'evaluation data';
    const datasetType = opts.datasetType ??
        (datasetName
            .replace(/\.(csv|jsonl|json|parquet|tsv)(\.gz)?$/i, '')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '') ||
            'custom');
    const metrics = card.quantitative_analysis.performance_metrics
        .filter((m) => m.value !== null && Number.isFinite(m.value))
        .map((m) => ({ type: oneLine(m.type), value: m.value, name: METRIC_NAMES[m.type] ?? oneLine(m.type).replace(/_/g, ' ') }));
    const doc = {
        'model-index': [
            {
                name: oneLine(card.model_details.name) || 'unnamed model',
                results: [
                    {
                        task: { type: oneLine(opts.taskType ?? task.type), name: task.name },
                        dataset: { name: datasetName, type: datasetType },
                        metrics,
                    },
                ],
            },
        ],
    };
    return (0,dist/* stringify */.As)(doc, { lineWidth: 0 });
}

;// CONCATENATED MODULE: ./src/gates/model-validate/paired.ts
/**
 * Paired significance tests of a candidate model (B) against a baseline model (A) scored on the same rows.
 *
 * Every test reports `pWorse`: a one-sided p-value for "B is worse than A" (small = evidence that the candidate
 * is worse). Goldens: scripts/golden/drift.py → test/fixtures/model-validate/drift-golden.json.
 */

/** Largest n × resamples a paired bootstrap performs (the resample count is lowered to fit, never below 100). */
const BOOTSTRAP_WORK_CAP = 2e7;
const MIN_RESAMPLES = 100;
const SQRT_PI = Math.sqrt(Math.PI);
/**
 * erfc(x) for x ≥ 0: the Maclaurin series of erf below 2 (erfc ≥ 0.0047 there, so 1 − erf keeps ~1e-14 relative),
 * the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) from 2 on.
 */
function erfcNonNegative(x) {
    if (x < 2) {
        let term = x;
        let sum = x;
        const x2 = x * x;
        for (let k = 1; k < 200; k++) {
            term *= -x2 / k;
            const add = term / (2 * k + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum))
                break;
        }
        return 1 - (2 / SQRT_PI) * sum;
    }
    if (x > 27.3)
        return 0;
    // Lentz's algorithm for x + (1/2)/(x + 1/(x + (3/2)/(x + …))), partial numerators k/2.
    const tiny = 1e-300;
    let f = x;
    let c = x;
    let d = 0;
    for (let k = 1; k < 500; k++) {
        const a = k / 2;
        d = x + a * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = x + a / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(-x * x) / SQRT_PI / f;
}
/** P(Z > z) for a standard normal Z (scipy.stats.norm.sf). */
function normalSf(z) {
    if (Number.isNaN(z))
        return NaN;
    return z >= 0 ? erfcNonNegative(z / Math.SQRT2) / 2 : 1 - erfcNonNegative(-z / Math.SQRT2) / 2;
}
/** Number of values ≤ x in ascending `sorted`; with `strict`, < x. */
function countBelow(sorted, x, strict) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = sorted[mid];
        if (strict ? v < x : v <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Midrank (1-based, ties averaged) of x among ascending `sorted`. */
function midrank(sorted, x) {
    return (countBelow(sorted, x, true) + countBelow(sorted, x, false) + 1) / 2;
}
/** Sample covariance matrix entries (ddof 1) of two equally long vectors: [var(a), var(b), cov(a, b)]. */
function cov2(a, b) {
    const n = a.length;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = 0; i < n; i++) {
        const da = a[i] - ma;
        const db = b[i] - mb;
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
function delong(yTrue01, scoresA, scoresB) {
    const N = yTrue01.length;
    if (scoresA.length !== N || scoresB.length !== N) {
        throw new RangeError(`delong: ${N} labels but ${scoresA.length} and ${scoresB.length} scores`);
    }
    let m = 0;
    for (let i = 0; i < N; i++) {
        const y = yTrue01[i];
        if (y !== 0 && y !== 1)
            throw new RangeError(`delong: label ${i} is ${y}, expected 0 or 1`);
        m += y;
    }
    const n = N - m;
    if (m === 0 || n === 0)
        return { aucA: NaN, aucB: NaN, diff: NaN, se: NaN, z: NaN, pValue: NaN, pWorse: NaN };
    const aucs = [];
    const v10s = [];
    const v01s = [];
    for (const scores of [scoresA, scoresB]) {
        const pos = new Float64Array(m);
        const neg = new Float64Array(n);
        let ip = 0;
        let ineg = 0;
        for (let i = 0; i < N; i++) {
            const s = scores[i];
            if (!Number.isFinite(s))
                throw new RangeError(`delong: score ${i} is not a finite number (${s})`);
            if (yTrue01[i] === 1)
                pos[ip++] = s;
            else
                neg[ineg++] = s;
        }
        const all = Float64Array.from(scores).sort();
        const posSorted = Float64Array.from(pos).sort();
        const negSorted = Float64Array.from(neg).sort();
        const v10 = new Float64Array(m);
        const v01 = new Float64Array(n);
        let rankSum = 0;
        for (let i = 0; i < m; i++) {
            const tz = midrank(all, pos[i]);
            rankSum += tz;
            v10[i] = (tz - midrank(posSorted, pos[i])) / n;
        }
        for (let j = 0; j < n; j++) {
            const tz = midrank(all, neg[j]);
            v01[j] = 1 - (tz - midrank(negSorted, neg[j])) / m;
        }
        aucs.push((rankSum - (m * (m + 1)) / 2) / (m * n));
        v10s.push(v10);
        v01s.push(v01);
    }
    const [aucA, aucB] = aucs;
    const [x10aa, x10bb, x10ab] = cov2(v10s[0], v10s[1]);
    const [x01aa, x01bb, x01ab] = cov2(v01s[0], v01s[1]);
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
function binomialCoefficient(n, k) {
    let c = 1;
    for (let i = 1; i <= k; i++)
        c = (c * (n - k + i)) / i;
    return Math.round(c);
}
/** P(lo ≤ X ≤ hi) for X ~ Binomial(n, ½), n < 53: an exact integer sum over 2ⁿ. */
function binomHalfBetween(lo, hi, n) {
    let s = 0;
    for (let i = Math.max(0, lo); i <= Math.min(hi, n); i++)
        s += binomialCoefficient(n, i);
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
function mcnemar(correctA, correctB) {
    if (correctA.length !== correctB.length)
        throw new RangeError(`mcnemar: ${correctA.length} and ${correctB.length} rows`);
    let b = 0;
    let c = 0;
    for (let i = 0; i < correctA.length; i++) {
        const a = correctA[i] !== 0;
        const bb = correctB[i] !== 0;
        if (a && !bb)
            b++;
        else if (!a && bb)
            c++;
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
function pairedBootstrap(n, metricA, metricB, direction, opts = {}) {
    if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`pairedBootstrap: n must be a positive integer (got ${n})`);
    const requested = opts.resamples ?? bootstrap/* DEFAULT_RESAMPLES */.jF;
    if (!Number.isInteger(requested) || requested < 1)
        throw new RangeError(`pairedBootstrap: resamples must be a positive integer (got ${requested})`);
    const level = opts.level ?? 0.95;
    if (!(level > 0 && level < 1))
        throw new RangeError(`pairedBootstrap: confidence level ${level} outside (0, 1)`);
    const resamples = Math.max(Math.min(requested, MIN_RESAMPLES), Math.min(requested, Math.floor(BOOTSTRAP_WORK_CAP / n)));
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++)
        rows[i] = i;
    const diff = metricB(rows) - metricA(rows);
    const rng = (0,bootstrap/* createRng */.SZ)(opts.seed ?? bootstrap/* DEFAULT_SEED */.KP);
    const diffs = new Float64Array(resamples);
    let valid = 0;
    let notWorse = 0;
    for (let r = 0; r < resamples; r++) {
        for (let i = 0; i < n; i++)
            rows[i] = rng.int(n);
        const d = metricB(rows) - metricA(rows);
        if (Number.isNaN(d))
            continue;
        diffs[valid++] = d;
        if (direction === 'higher' ? d >= 0 : d <= 0)
            notWorse++;
    }
    if (valid === 0)
        return { diff, ci: [NaN, NaN], pWorse: NaN, resamples };
    const tail = (1 - level) / 2;
    const [lo, hi] = (0,bootstrap/* quantilesOf */.Ck)(diffs.subarray(0, valid), [tail, 1 - tail]);
    return { diff, ci: [lo, hi], pWorse: (notWorse + 1) / (valid + 1), resamples };
}

// EXTERNAL MODULE: ./src/core/report/charts.ts
var charts = __webpack_require__(78181);
;// CONCATENATED MODULE: ./src/gates/model-validate/plots.ts


/** Curves longer than this are thinned before they are drawn. */
const MAX_CURVE_POINTS = 1000;
/** Most x values of a Mermaid chart. */
const MAX_MERMAID_POINTS = 21;
const CURVE_SIZE = 360;
const MODEL_COLOR = '#4c78a8';
const REFERENCE_COLOR = '#9e9e9e';
/**
 * Renders each curve given, in the order roc.svg, pr.svg, calibration.svg, confusion-matrix.svg. Curves with more
 * than {@link MAX_CURVE_POINTS} points are thinned with {@link thinCurve}; points with a non-finite coordinate are
 * left out.
 */
async function renderSvgPlots(input) {
    const subtitle = input.title === undefined ? undefined : plots_oneLine(input.title, 120);
    const out = [];
    if (input.roc) {
        const auc = finite(input.rocAuc) ? ` (AUC = ${input.rocAuc.toFixed(3)})` : '';
        const spec = curveSpec({
            title: 'ROC curve',
            subtitle,
            xTitle: 'False positive rate',
            yTitle: 'True positive rate',
            series: [
                { name: `model${auc}`, color: MODEL_COLOR, dash: [1, 0], ...thinned(input.roc.fpr, input.roc.tpr) },
                { name: 'chance', color: REFERENCE_COLOR, dash: [4, 4], x: [0, 1], y: [0, 1] },
            ],
        });
        out.push({ name: 'roc.svg', svg: await (0,charts/* renderVegaLite */.W)(spec) });
    }
    if (input.pr) {
        const ap = finite(input.averagePrecision) ? ` (AP = ${input.averagePrecision.toFixed(3)})` : '';
        const spec = curveSpec({
            title: 'Precision-recall curve',
            subtitle,
            xTitle: 'Recall',
            yTitle: 'Precision',
            series: [{ name: `model${ap}`, color: MODEL_COLOR, dash: [1, 0], ...thinned(input.pr.recall, input.pr.precision) }],
        });
        out.push({ name: 'pr.svg', svg: await (0,charts/* renderVegaLite */.W)(spec) });
    }
    if (input.calibration) {
        const c = input.calibration;
        const spec = curveSpec({
            title: `Calibration (${c.bins} bins)`,
            subtitle,
            xTitle: 'Mean predicted probability',
            yTitle: 'Fraction of positives',
            series: [
                { name: 'model', color: MODEL_COLOR, dash: [1, 0], points: true, ...thinned(c.probPred, c.probTrue) },
                { name: 'perfectly calibrated', color: REFERENCE_COLOR, dash: [4, 4], x: [0, 1], y: [0, 1] },
            ],
        });
        out.push({ name: 'calibration.svg', svg: await (0,charts/* renderVegaLite */.W)(spec) });
    }
    if (input.confusion)
        out.push({ name: 'confusion-matrix.svg', svg: await (0,charts/* renderVegaLite */.W)(confusionSpec(input.confusion, subtitle)) });
    return out;
}
function finite(x) {
    return x !== undefined && Number.isFinite(x);
}
/** One line of untrusted text for a chart title: no control characters or line breaks, capped. */
function plots_oneLine(s, max) {
    const t = (0,report_escape/* stripControls */.$Y)(s).replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
function thinned(xs, ys) {
    const keep = thinCurve(xs, ys, MAX_CURVE_POINTS);
    const x = new Array(keep.length);
    const y = new Array(keep.length);
    for (let k = 0; k < keep.length; k++) {
        const i = keep[k] ?? 0;
        x[k] = xs[i] ?? NaN;
        y[k] = ys[i] ?? NaN;
    }
    return { x, y };
}
/**
 * Indices of the points of a curve to draw, in order. Points with a non-finite coordinate are dropped. When more
 * than `maxPoints` remain, the first and last are kept and, in between, a point is kept when it lies at least `ε`
 * from the last kept point, in coordinates scaled to each axis's range; `ε` is the curve's scaled path length over
 * `maxPoints − 2`. Consecutive kept points are at least `ε` apart along the path, so at most `maxPoints` are kept,
 * and no dropped point lies farther than `ε` from a kept one (under 0.3% of the plot for a ROC curve).
 */
function thinCurve(x, y, maxPoints = MAX_CURVE_POINTS) {
    const n = Math.min(x.length, y.length);
    const idx = new Int32Array(n);
    let m = 0;
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < n; i++) {
        const xi = x[i] ?? NaN;
        const yi = y[i] ?? NaN;
        if (!Number.isFinite(xi) || !Number.isFinite(yi))
            continue;
        idx[m++] = i;
        if (xi < xMin)
            xMin = xi;
        if (xi > xMax)
            xMax = xi;
        if (yi < yMin)
            yMin = yi;
        if (yi > yMax)
            yMax = yi;
    }
    const limit = Math.max(2, Math.floor(maxPoints));
    if (m <= limit)
        return idx.slice(0, m);
    const sx = xMax > xMin ? 1 / (xMax - xMin) : 1;
    const sy = yMax > yMin ? 1 / (yMax - yMin) : 1;
    const first = idx[0] ?? 0;
    const last = idx[m - 1] ?? 0;
    let length = 0;
    let px = (x[first] ?? 0) * sx;
    let py = (y[first] ?? 0) * sy;
    for (let k = 1; k < m; k++) {
        const i = idx[k] ?? 0;
        const qx = (x[i] ?? 0) * sx;
        const qy = (y[i] ?? 0) * sy;
        length += Math.sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
        px = qx;
        py = qy;
    }
    if (!(length > 0))
        return Int32Array.of(first, last);
    const eps = length / (limit - 2);
    const eps2 = eps * eps;
    const kept = new Int32Array(limit);
    let count = 0;
    kept[count++] = first;
    px = (x[first] ?? 0) * sx;
    py = (y[first] ?? 0) * sy;
    for (let k = 1; k < m - 1; k++) {
        const i = idx[k] ?? 0;
        const qx = (x[i] ?? 0) * sx;
        const qy = (y[i] ?? 0) * sy;
        const d2 = (qx - px) * (qx - px) + (qy - py) * (qy - py);
        // The bound guarantees room; the count check only guards against rounding of the path length.
        if (d2 >= eps2 && count < limit - 1) {
            kept[count++] = i;
            px = qx;
            py = qy;
        }
    }
    kept[count++] = last;
    return kept.slice(0, count);
}
function curveSpec(o) {
    const rows = [];
    for (const s of o.series)
        for (let i = 0; i < s.x.length; i++)
            rows.push({ x: s.x[i] ?? NaN, y: s.y[i] ?? NaN, series: s.name, i });
    const names = o.series.map((s) => s.name);
    const x = { field: 'x', type: 'quantitative', title: o.xTitle, scale: { domain: [0, 1] } };
    const y = { field: 'y', type: 'quantitative', title: o.yTitle, scale: { domain: [0, 1] } };
    const color = { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: o.series.map((s) => s.color) }, legend: { orient: 'bottom-right', labelLimit: 240 } };
    const dots = o.series.filter((s) => s.points);
    const line = {
        mark: { type: 'line', clip: true, strokeWidth: 2 },
        encoding: {
            x,
            y,
            color,
            strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: o.series.map((s) => s.dash) }, legend: null },
            // Draw the points in the given order (a ROC curve has vertical runs at one x).
            order: { field: 'i', type: 'quantitative' },
        },
    };
    const layers = [line];
    if (dots.length) {
        const values = dots.flatMap((s) => s.x.map((xv, i) => ({ x: xv, y: s.y[i] ?? NaN, series: s.name })));
        layers.push({ data: { values }, mark: { type: 'point', filled: true, clip: true, size: 30 }, encoding: { x, y, color: { ...color, legend: null } } });
    }
    return {
        title: titleOf(o.title, o.subtitle),
        width: CURVE_SIZE,
        height: CURVE_SIZE,
        background: 'white',
        data: { values: rows },
        layer: layers,
    };
}
function titleOf(text, subtitle) {
    return subtitle ? { text, subtitle } : { text };
}
/**
 * Heatmap of counts: rows are true labels, columns predicted labels, in the matrix's order. The label order comes
 * from an index field (not from a sort array, which vega-lite would write into an expression).
 */
function confusionSpec(c, subtitle) {
    const k = c.labels.length;
    const labels = c.labels.map((l) => (0,report_escape/* stripControls */.$Y)(l));
    const rows = [];
    let max = 0;
    for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
            const n = c.matrix[i]?.[j] ?? 0;
            const v = Number.isFinite(n) ? n : 0;
            if (v > max)
                max = v;
            rows.push({ actual: labels[i] ?? '', predicted: labels[j] ?? '', ti: i, pi: j, n: v });
        }
    }
    const step = Math.max(14, Math.min(56, Math.floor(560 / Math.max(1, k))));
    const fontSize = Math.max(6, Math.min(12, Math.floor(step / 3)));
    const longLabels = labels.some((l) => l.length > 6);
    const x = {
        field: 'predicted',
        type: 'nominal',
        sort: { field: 'pi', op: 'min' },
        title: 'Predicted label',
        axis: { orient: 'top', labelAngle: longLabels || k > 8 ? -45 : 0, labelLimit: 120 },
    };
    const y = { field: 'actual', type: 'nominal', sort: { field: 'ti', op: 'min' }, title: 'True label', axis: { labelLimit: 120 } };
    const half = JSON.stringify(max / 2);
    // Per-cell descriptions for screen readers would triple the size of a large matrix: only small ones get them.
    const aria = k <= 20;
    return {
        title: titleOf('Confusion matrix', subtitle),
        width: { step },
        height: { step },
        background: 'white',
        data: { values: rows },
        encoding: { x, y },
        layer: [
            {
                mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1, aria },
                encoding: { color: { field: 'n', type: 'quantitative', title: 'rows', scale: { scheme: 'blues', domainMin: 0 } } },
            },
            {
                mark: { type: 'text', fontSize, aria },
                encoding: {
                    text: { field: 'n', type: 'quantitative', format: 'd' },
                    color: { condition: { test: `datum.n > ${half}`, value: 'white' }, value: 'black' },
                },
            },
        ],
    };
}
/**
 * A ```mermaid block with an `xychart-beta` line chart: a categorical x-axis of the (resampled) x values, a numeric
 * y-axis and one `line "name" [...]` per series. Series without a finite point are left out; when none is left,
 * an italic note instead of a chart. Text from the caller is put in double quotes with quotes, backticks, angle
 * brackets, `%%` and control characters removed.
 */
function mermaidXyChart(opts) {
    const gridSize = Math.max(2, Math.min(MAX_MERMAID_POINTS, Math.floor(opts.points ?? MAX_MERMAID_POINTS)));
    const n = opts.x.length;
    for (const s of opts.series) {
        if (s.y.length !== n)
            throw new Error(`mermaidXyChart: series ${s.name} has ${s.y.length} values for ${n} x values`);
    }
    // Finite x, stably sorted.
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(opts.x[i]));
    order.sort((a, b) => (opts.x[a] ?? 0) - (opts.x[b] ?? 0) || a - b);
    let labels;
    let lines = [];
    if (opts.resample === 'none' && order.length > 0 && order.length <= MAX_MERMAID_POINTS) {
        const rows = order.filter((i) => opts.series.some((s) => Number.isFinite(s.y[i])));
        const usable = opts.series.filter((s) => rows.every((i) => Number.isFinite(s.y[i])));
        const candidate = rows.map((i) => opts.x[i] ?? 0);
        const distinct = distinctLabels(candidate);
        if (rows.length > 0 && distinct) {
            labels = distinct;
            lines = usable.map((s) => ({ name: s.name, y: rows.map((i) => s.y[i] ?? 0) }));
        }
    }
    if (!labels) {
        const finiteX = order.map((i) => opts.x[i] ?? 0);
        const lo = opts.xRange && Number.isFinite(opts.xRange[0]) ? opts.xRange[0] : finiteX[0];
        const hi = opts.xRange && Number.isFinite(opts.xRange[1]) ? opts.xRange[1] : finiteX.at(-1);
        if (lo === undefined || hi === undefined)
            return '*No chart: no finite values.*';
        const size = hi > lo ? gridSize : 1;
        const grid = Array.from({ length: size }, (_, k) => (size === 1 ? lo : lo + ((hi - lo) * k) / (size - 1)));
        const mode = opts.resample === 'step' || opts.resample === undefined ? 'step' : 'linear';
        for (const s of opts.series) {
            const px = [];
            const py = [];
            for (const i of order) {
                const v = s.y[i] ?? NaN;
                if (Number.isFinite(v)) {
                    px.push(opts.x[i] ?? 0);
                    py.push(v);
                }
            }
            if (px.length === 0)
                continue;
            lines.push({ name: s.name, y: mode === 'step' ? resampleStep(px, py, grid) : resampleLinear(px, py, grid) });
        }
        labels = gridLabels(grid);
    }
    if (lines.length === 0)
        return '*No chart: no finite values.*';
    let yLo = Infinity;
    let yHi = -Infinity;
    if (opts.yRange && Number.isFinite(opts.yRange[0]) && Number.isFinite(opts.yRange[1]))
        [yLo, yHi] = opts.yRange;
    else {
        for (const l of lines) {
            for (const v of l.y) {
                yLo = Math.min(yLo, v);
                yHi = Math.max(yHi, v);
            }
        }
    }
    if (!(yHi > yLo)) {
        yLo -= 0.5;
        yHi += 0.5;
    }
    const body = [
        'xychart-beta',
        `    title "${mermaidText(opts.title)}"`,
        `    x-axis "${mermaidText(opts.xLabel)}" [${labels.map((l) => `"${l}"`).join(', ')}]`,
        `    y-axis "${mermaidText(opts.yLabel)}" ${mermaidNumber(yLo)} --> ${mermaidNumber(yHi)}`,
        ...lines.map((l) => `    line "${mermaidText(l.name)}" [${l.y.map(mermaidNumber).join(', ')}]`),
    ];
    return (0,report_escape/* codeBlock */.DV)(body.join('\n'), 'mermaid');
}
/** Text inside double quotes of a Mermaid chart: one line, no quotes, backticks, angle brackets, `%%` or controls. */
function mermaidText(s) {
    return plots_oneLine(s.replace(/["`<>]/g, '').replace(/%{2,}/g, '%'), 100);
}
/**
 * A number as xychart-beta's lexer reads it (`[+-]?(\d+(\.\d+)?|\.\d+)`, no exponent): at most 4 decimals,
 * trailing zeros dropped; magnitudes beyond 1e15 are clamped.
 */
function mermaidNumber(v) {
    const c = Math.max(-1e15, Math.min(1e15, Number.isFinite(v) ? v : 0));
    let s = c.toFixed(4);
    if (s.includes('.'))
        s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s === '-0' ? '0' : s;
}
/** Labels of evenly spaced grid values, with as many decimals as the spacing needs. */
function gridLabels(grid) {
    const a = grid[0] ?? 0;
    const b = grid.at(-1) ?? 0;
    const step = grid.length > 1 ? (b - a) / (grid.length - 1) : 0;
    const decimals = step > 0 ? Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9))) : 2;
    return grid.map((v) => fixed(v, decimals));
}
/** Labels of arbitrary x values with the fewest decimals (2 to 6) that keep them distinct; undefined if none do. */
function distinctLabels(xs) {
    for (let d = 2; d <= 6; d++) {
        const labels = xs.map((v) => fixed(v, d));
        if (new Set(labels).size === labels.length)
            return labels;
    }
    return undefined;
}
function fixed(v, decimals) {
    const s = Math.max(-1e15, Math.min(1e15, v)).toFixed(decimals);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
/**
 * Step resampling: for each grid value, the y of the last point whose x ≤ it (x sorted ascending; ties keep their
 * order, so the last of a vertical run wins); the first y for grid values before the first point. A tolerance of
 * 1e-9 of the x range absorbs rounding of the grid.
 */
function resampleStep(x, y, grid) {
    const tol = 1e-9 * Math.max(1e-300, Math.abs((x.at(-1) ?? 0) - (x[0] ?? 0)));
    const out = [];
    let j = -1;
    for (const t of grid) {
        while (j + 1 < x.length && (x[j + 1] ?? Infinity) <= t + tol)
            j++;
        out.push(y[Math.max(0, j)] ?? NaN);
    }
    return out;
}
/** Linear interpolation at each grid value (x sorted ascending), the end values outside the points. */
function resampleLinear(x, y, grid) {
    const out = [];
    let j = 0;
    for (const t of grid) {
        while (j + 1 < x.length && (x[j + 1] ?? Infinity) <= t)
            j++;
        const x0 = x[j] ?? 0;
        const y0 = y[j] ?? NaN;
        const x1 = x[j + 1];
        const y1 = y[j + 1];
        if (t <= x0 || x1 === undefined || y1 === undefined || x1 === x0)
            out.push(y0);
        else
            out.push(y0 + ((y1 - y0) * (t - x0)) / (x1 - x0));
    }
    return out;
}
const UNIT_GRID = Array.from({ length: MAX_MERMAID_POINTS }, (_, k) => k / (MAX_MERMAID_POINTS - 1));
/**
 * ROC curve on 21 evenly spaced false positive rates: at each, the best true positive rate reached at that rate or
 * below (step interpolation of the curve in scikit-learn's order), beside the chance diagonal.
 */
function mermaidRoc(roc, auc) {
    const fpr = [];
    const tpr = [];
    for (let i = 0; i < Math.min(roc.fpr.length, roc.tpr.length); i++) {
        const a = roc.fpr[i] ?? NaN;
        const b = roc.tpr[i] ?? NaN;
        if (Number.isFinite(a) && Number.isFinite(b)) {
            fpr.push(a);
            tpr.push(b);
        }
    }
    if (fpr.length === 0)
        return '*No chart: no finite values.*';
    const order = fpr.map((_, i) => i).sort((a, b) => (fpr[a] ?? 0) - (fpr[b] ?? 0) || a - b);
    const model = resampleStep(order.map((i) => fpr[i] ?? 0), order.map((i) => tpr[i] ?? 0), UNIT_GRID);
    return mermaidXyChart({
        title: finite(auc) ? `ROC curve (AUC = ${auc.toFixed(3)})` : 'ROC curve',
        xLabel: 'False positive rate',
        yLabel: 'True positive rate',
        x: UNIT_GRID,
        series: [
            { name: 'model', y: model },
            { name: 'chance', y: UNIT_GRID },
        ],
        yRange: [0, 1],
        resample: 'none',
    });
}
/**
 * Precision-recall curve on 21 evenly spaced recalls: at each, the interpolated precision (the best precision at
 * that recall or above, as in the PASCAL VOC convention). Recalls above the curve's largest get no value and
 * are drawn as 0.
 */
function mermaidPr(pr) {
    const m = Math.min(pr.recall.length, pr.precision.length);
    const values = UNIT_GRID.map((r) => {
        let best = -Infinity;
        for (let i = 0; i < m; i++) {
            const rec = pr.recall[i] ?? NaN;
            const prec = pr.precision[i] ?? NaN;
            if (Number.isFinite(rec) && Number.isFinite(prec) && rec >= r - 1e-12 && prec > best)
                best = prec;
        }
        return best === -Infinity ? 0 : best;
    });
    const any = pr.recall.some((r, i) => Number.isFinite(r) && Number.isFinite(pr.precision[i]));
    return mermaidXyChart({
        title: 'Precision-recall curve (interpolated precision)',
        xLabel: 'Recall',
        yLabel: 'Precision',
        x: UNIT_GRID,
        series: [{ name: 'model', y: any ? values : values.map(() => NaN) }],
        yRange: [0, 1],
        resample: 'none',
    });
}
/**
 * Reliability diagram: the observed fraction of positives per bin against the bin's mean predicted probability,
 * with the perfectly calibrated diagonal. Up to 21 bins are drawn at their own mean probabilities; more are
 * linearly interpolated onto 21 evenly spaced probabilities.
 */
function mermaidCalibration(c) {
    const m = Math.min(c.probPred.length, c.probTrue.length);
    const x = c.probPred.slice(0, m);
    return mermaidXyChart({
        title: `Calibration (${c.bins} bins)`,
        xLabel: 'Mean predicted probability',
        yLabel: 'Fraction of positives',
        x,
        series: [
            { name: 'model', y: c.probTrue.slice(0, m) },
            { name: 'perfectly calibrated', y: x },
        ],
        yRange: [0, 1],
        resample: 'none',
        xRange: [0, 1],
    });
}
/** The confusion matrix as a markdown table: true labels as rows, predicted labels as columns. */
function confusionTable(c) {
    const cell = (label) => {
        const s = escapeTableCell(label ?? '');
        return s === '' ? '(empty)' : s;
    };
    const header = `| ${escapeTableCell('true \\ predicted')} | ${c.labels.map(cell).join(' | ')} |`;
    const rule = `| --- | ${c.labels.map(() => '---:').join(' | ')} |`;
    const rows = c.labels.map((label, i) => {
        const counts = c.labels.map((_, j) => {
            const v = c.matrix[i]?.[j];
            return v === undefined || !Number.isFinite(v) ? '—' : String(v);
        });
        return `| ${cell(label)} | ${counts.join(' | ')} |`;
    });
    return [header, rule, ...rows].join('\n');
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/index.js + 8 modules
var lib = __webpack_require__(65377);
;// CONCATENATED MODULE: ./src/gates/model-validate/read-table.ts








const READ_CHUNK = 1 << 20;
const HEAD_BYTES = 1 << 16;
/** A CSV record longer than this (characters) is almost surely an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 1 << 24;
/**
 * Reads a table. The format comes from the extension (after an optional `.gz`): `.csv`; `.tsv` / `.tab`
 * (tab-separated); `.jsonl` / `.ndjson` (one JSON object per line). Other extensions are sniffed: a first line that
 * starts with `{` is JSON Lines, a first line with tabs and no commas is TSV, anything else CSV. Gzip is recognised
 * by its magic bytes whatever the name. Blank lines are skipped (as pandas does). CSV follows RFC 4180: quoted fields
 * may hold delimiters, quotes (doubled) and line breaks; a BOM and CRLF line ends are accepted.
 */
async function readTable(file, opts = {}) {
    let cells = [];
    let names = [];
    let rows = 0;
    const breakRows = [];
    const breakOffsets = [];
    const t = await streamRows(file, opts, (_header, columns) => {
        names = [...columns];
        cells = names.map(() => []);
    }, (row, line) => {
        // A cell sliced out of a chunk of file text would keep the whole chunk alive.
        for (let k = 0; k < cells.length; k++)
            cells[k].push(ownString(row[k]));
        // Line numbers are kept as breakpoints: the offset line − row changes only where a record spans lines or
        // blank lines are skipped.
        const offset = line - rows;
        if (breakOffsets.length === 0 || breakOffsets[breakOffsets.length - 1] !== offset) {
            breakRows.push(rows);
            breakOffsets.push(offset);
        }
        rows++;
    });
    const byName = new Map(names.map((n, k) => [n, cells[k]]));
    return {
        file: t.file,
        header: t.header,
        rows: t.rows,
        column: (name) => byName.get(name),
        lineOf(row) {
            let lo = 0;
            let hi = breakRows.length - 1;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (breakRows[mid] <= row)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            return row + breakOffsets[lo];
        },
    };
}
/**
 * Reads a table as readTable does (same formats, checks and messages) but hands every row to `onRow` as it is read
 * instead of keeping it, so that callers can convert cells on the fly. The header is checked first (duplicate names,
 * the columns asked for); a file with no header or no data rows is an error, raised once the whole file is read.
 *
 * CSV and TSV lines without a quote character are split by hand, which is several times faster than csv-parse; from
 * the first line with a quote (or a stray carriage return, or a record longer than the limit), the rest of the file
 * goes through csv-parse, so quoting follows RFC 4180 as before.
 */
async function streamRows(file, opts, onHeader, onRow) {
    const label = opts.label ?? file;
    const { gz, head } = await readHead(file, label);
    const format = formatOf(file, head);
    if (format !== 'jsonl' && /^[\s\uFEFF]*\[/.test(head) && /\.json(\.gz)?$/i.test(file)) {
        throw new errors/* ConfigurationError */.j1(`${label}:1: the file is a JSON array, which is not read as a table. Write JSON Lines instead: one object per line, e.g. {"label": 1, "prediction": 1}, in a .jsonl file.`, {
            location: { file: label, line: 1 },
        });
    }
    const sink = new RowSink(label, opts.columns, onHeader, onRow);
    const csv = { end: 0, csvLines: 0, empty: 0 };
    const source = () => {
        const raw = (0,external_node_fs_.createReadStream)(file, { highWaterMark: READ_CHUNK });
        return gz ? [raw, (0,external_node_zlib_.createGunzip)({ chunkSize: READ_CHUNK })] : [raw];
    };
    try {
        if (format === 'jsonl') {
            const reader = new JsonLinesReader(sink);
            await (0,external_node_stream_promises_.pipeline)(...source(), async (chunks) => {
                for await (const chunk of chunks)
                    reader.push(chunk);
                reader.end();
            });
        }
        else {
            const reader = new DelimitedReader(sink, csv, format === 'tsv' ? '\t' : ',');
            await (0,external_node_stream_promises_.pipeline)(...source(), (chunks) => reader.read(chunks));
        }
    }
    catch (e) {
        throw readFailure(e, sink, csv, gz);
    }
    return sink.finish();
}
/** A copy of a string that does not keep alive a larger string it was sliced from. */
function ownString(s) {
    // V8 slices strings of 13 characters or more without copying; a JSON round trip makes a fresh copy of any string.
    return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}
// ---- feature tables ----
/** Cells that stand for a missing value (pandas' defaults, in the spellings CSV writers use). */
const MISSING_CELLS = new Set(['', 'NA', 'NaN', 'nan', 'null', 'None']);
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** 10^k for k ≤ 15: exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** A cell's finite number, or NaN when it is not a plain decimal number (hex, `inf` and text are not). */
function parseCell(cell) {
    // Fast path, for cells of at most 15 digits with an optional sign and point: the digits as an integer m and the
    // count k of digits after the point are exact doubles, so m / 10^k is the correctly rounded value, as Number's.
    const n = cell.length;
    let i = 0;
    const first = cell.charCodeAt(0);
    const negative = first === 45;
    if (negative || first === 43)
        i = 1;
    let m = 0;
    let digits = 0;
    let point = -1;
    for (; i < n; i++) {
        const c = cell.charCodeAt(i);
        if (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            digits++;
        }
        else if (c === 46 && point < 0) {
            point = digits;
        }
        else {
            return parseDecimal(cell);
        }
    }
    if (digits === 0 || digits > 15)
        return parseDecimal(cell);
    const v = point < 0 ? m : m / POW10[digits - point];
    return negative ? -v : v;
}
function parseDecimal(cell) {
    if (!DECIMAL.test(cell))
        return NaN;
    const v = Number(cell);
    return Number.isFinite(v) ? v : NaN;
}
/**
 * Typed feature columns of a table (every kept column not excluded). A column is numeric when every non-missing cell
 * is a finite decimal number, else categorical; missing cells (MISSING_CELLS) are left out of `values` and counted.
 * A column configured as numeric with a cell that is not a number is an error naming the line.
 */
function toFeatureTable(t, opts = {}) {
    const exclude = new Set(opts.exclude ?? []);
    const columns = [];
    for (const name of t.header) {
        const cells = t.column(name);
        if (cells === undefined || exclude.has(name))
            continue;
        const fixed = opts.kinds?.[name];
        let missing = 0;
        let numeric = fixed !== 'categorical';
        if (fixed === undefined) {
            for (const cell of cells) {
                if (MISSING_CELLS.has(cell))
                    missing++;
                else if (numeric && Number.isNaN(parseCell(cell)))
                    numeric = false;
            }
        }
        else {
            for (const cell of cells)
                if (MISSING_CELLS.has(cell))
                    missing++;
        }
        if (numeric) {
            const values = new Float64Array(cells.length - missing);
            let k = 0;
            for (let row = 0; row < cells.length; row++) {
                const cell = cells[row];
                if (MISSING_CELLS.has(cell))
                    continue;
                const v = parseCell(cell);
                if (Number.isNaN(v)) {
                    const line = t.lineOf(row);
                    throw new errors/* ConfigurationError */.j1(`${t.file}:${line}: column \`${name}\` is configured as numeric but holds ${JSON.stringify(cell)}. Fix the value, or set the column's kind to categorical in drift.columns.`, { location: { file: t.file, line }, field: `drift.columns.${name}.kind` });
                }
                values[k++] = v;
            }
            columns.push({ name, kind: 'numeric', values, missing });
        }
        else {
            const values = [];
            for (const cell of cells)
                if (!MISSING_CELLS.has(cell))
                    values.push(cell);
            columns.push({ name, kind: 'categorical', values, missing });
        }
    }
    return { file: t.file, rows: t.rows, columns };
}
// ---- format detection ----
async function readHead(file, label) {
    let bytes;
    try {
        const s = await (0,promises_.stat)(file);
        if (s.isDirectory())
            throw new errors/* ConfigurationError */.j1(`${label}: is a directory; give the path of a file inside it.`, { location: { file: label } });
        if (s.size === 0)
            throw emptyError(label);
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const buf = Buffer.alloc(Math.min(HEAD_BYTES, s.size));
            const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
            bytes = buf.subarray(0, bytesRead);
        }
        finally {
            await handle.close();
        }
    }
    catch (e) {
        if (e instanceof errors/* ConfigurationError */.j1)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' ? 'file not found. Check the path' : code === 'EACCES' ? 'permission denied. Make the file readable' : `cannot be read: ${(0,errors/* errorMessage */.gJ)(e)}`;
        throw new errors/* ConfigurationError */.j1(`${label}: ${why}.`, { location: { file: label }, cause: e });
    }
    const gz = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    if (!gz)
        return { gz, head: bytes.toString('utf8') };
    try {
        // A prefix of a gzip stream: flush what it holds instead of failing on the missing end.
        return { gz, head: (0,external_node_zlib_.gunzipSync)(bytes, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH }).toString('utf8') };
    }
    catch (e) {
        throw gzipError(label, undefined, e);
    }
}
function formatOf(file, head) {
    const name = file.toLowerCase().replace(/\.gz$/, '');
    if (name.endsWith('.csv'))
        return 'csv';
    if (name.endsWith('.tsv') || name.endsWith('.tab'))
        return 'tsv';
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson'))
        return 'jsonl';
    const first = /^[\s\uFEFF]*([^\r\n]*)/.exec(head)?.[1] ?? '';
    if (first.startsWith('{'))
        return 'jsonl';
    if (first.includes('\t') && !first.includes(','))
        return 'tsv';
    return 'csv';
}
// ---- rows ----
/**
 * Receives records (header first) with their starting lines, checks them against the header and hands the chosen
 * columns of each row to the visitor.
 */
class RowSink {
    label;
    select;
    onHeader;
    onRow;
    header;
    columns = [];
    rows = 0;
    headerLine = 0;
    /** The last line of the last record taken (or reached). */
    lastLine = 0;
    /** For each column of the header, its place among the kept columns, or -1. */
    slot = new Int32Array(0);
    /** Every column kept, in header order: records are handed on as they are. */
    identity = false;
    /** The kept cells of the row being read (filled by the readers, or from a record). */
    cells = [];
    /** An error thrown by a visitor: it goes to the caller as it is. */
    failure;
    constructor(label, select, onHeader, onRow) {
        this.label = label;
        this.select = select;
        this.onHeader = onHeader;
        this.onRow = onRow;
    }
    setHeader(names, line) {
        this.headerLine = line;
        const seen = new Set();
        for (const name of names) {
            if (seen.has(name)) {
                throw new errors/* ConfigurationError */.j1(`${this.label}:${line}: column \`${name}\` appears twice in the header. Give every column a distinct name.`, {
                    location: { file: this.label, line },
                });
            }
            seen.add(name);
        }
        this.header = names;
        const wanted = this.select === undefined ? names : typeof this.select === 'function' ? this.select(names) : this.select;
        const index = new Map(names.map((n, i) => [n, i]));
        const missing = wanted.filter((n) => !index.has(n));
        if (missing.length > 0) {
            throw new errors/* ConfigurationError */.j1(`${this.label}:${line}: no column ${missing.map((n) => `\`${n}\``).join(', ')} in the header (columns found: ${names.join(', ')}). Check the column names in the configuration and in the file.`, { location: { file: this.label, line } });
        }
        this.columns = [...new Set(wanted)];
        this.slot = new Int32Array(names.length).fill(-1);
        this.columns.forEach((n, k) => {
            this.slot[index.get(n)] = k;
        });
        this.identity = this.columns.length === names.length && this.columns.every((n, k) => n === names[k]);
        this.cells.length = this.columns.length;
        this.cells.fill('');
        if (this.onHeader !== undefined)
            this.visit(() => this.onHeader(names, this.columns, line));
    }
    /** Takes a record (the header first); `record[i]` is the cell of header column i. */
    record(record, line) {
        const header = this.header;
        if (header === undefined) {
            this.setHeader([...record], line);
            return;
        }
        const width = header.length;
        if (record.length !== width)
            throw this.fieldCountError(record.length, line);
        if (this.identity) {
            this.emit(record, line);
            return;
        }
        const { slot, cells } = this;
        for (let j = 0; j < width; j++) {
            const k = slot[j];
            if (k >= 0)
                cells[k] = record[j];
        }
        this.emit(cells, line);
    }
    /** Hands on a row of kept cells. */
    emit(cells, line) {
        this.rows++;
        try {
            this.onRow(cells, line);
        }
        catch (e) {
            this.failure = e;
            throw e;
        }
    }
    fieldCountError(got, line) {
        const expected = this.header?.length;
        return new errors/* ConfigurationError */.j1(`${this.label}:${line}: the line has ${got} field${got === 1 ? '' : 's'} but the header (line ${this.headerLine}) has ${expected ?? 'another number'}. Quote fields that contain the delimiter, or fix the line.`, { location: { file: this.label, line } });
    }
    finish() {
        const { label, header, rows } = this;
        if (header === undefined)
            throw emptyError(label);
        if (rows === 0) {
            throw new errors/* ConfigurationError */.j1(`${label}:${this.headerLine}: the file has a header but no data rows. Check that the run that wrote it finished.`, {
                location: { file: label, line: this.headerLine },
            });
        }
        return { file: label, header, columns: this.columns, rows, headerLine: this.headerLine };
    }
    visit(f) {
        try {
            f();
        }
        catch (e) {
            this.failure = e;
            throw e;
        }
    }
}
function emptyError(label) {
    return new errors/* ConfigurationError */.j1(`${label}: the file is empty. Check that the run that writes it finished and wrote to this path.`, { location: { file: label } });
}
const QUOTE = 34;
const CR = 13;
const LF = 10;
/**
 * Reads CSV or TSV. Lines are split by hand while they hold no quote and no carriage return other than that of a
 * CRLF line end (then csv-parse would read them the same way); from the first line that does, everything left goes
 * to csv-parse. A file whose first line holds a quote, that starts with a UTF-16 byte order mark or that ends its
 * lines with a lone CR goes to csv-parse whole, as it was read before.
 */
class DelimitedReader {
    sink;
    st;
    delimiter;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    /** The line where the unread text starts. */
    line = 1;
    /** CRLF line ends (else LF), once the first line end is seen. */
    crlf = false;
    /** Where the unread text must go to csv-parse, or -1. */
    handOverAt = -1;
    constructor(sink, st, delimiter) {
        this.sink = sink;
        this.st = st;
        this.delimiter = delimiter;
    }
    async read(chunks) {
        const it = chunks[Symbol.asyncIterator]();
        const { decoder } = this;
        // Until the first line end: the raw bytes, in case the whole file goes to csv-parse.
        const head = [];
        let text = '';
        let started = false;
        for (;;) {
            const next = await it.next();
            const done = next.done === true;
            if (!done) {
                const chunk = next.value;
                text += decoder.write(chunk);
                if (!started)
                    head.push(chunk);
            }
            else {
                text += decoder.end();
            }
            if (!started) {
                const start = this.start(head, text, done);
                if (start === undefined) {
                    if (done)
                        break;
                    continue;
                }
                if (!start)
                    return this.handOver(it, head);
                started = true;
                head.length = 0;
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
            }
            text = this.scan(text, done);
            if (this.handOverAt >= 0)
                return this.handOver(it, text);
            if (done)
                break;
        }
        if (!started)
            await this.handOver(it, head);
    }
    /** Whether the fast path can read the file (undefined: not known before the first line end). */
    start(head, text, done) {
        const lf = text.indexOf('\n');
        const cr = text.indexOf('\r');
        const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        if (end < 0 || (end === cr && end === text.length - 1 && !done)) {
            return done || text.length > MAX_RECORD_CHARS ? false : undefined;
        }
        const first = head[0];
        const utf16 = first.length >= 2 ? first[0] === 0xff && first[1] === 0xfe : Buffer.concat(head).subarray(0, 2).equals(Buffer.from([0xff, 0xfe]));
        if (utf16 || text.lastIndexOf('"', end) >= 0)
            return false;
        if (end === cr) {
            if (text.charCodeAt(end + 1) !== LF)
                return false;
            this.crlf = true;
        }
        return true;
    }
    /**
     * Reads the complete lines of `text` (every line when `done`) and returns the rest; sets handOverAt and returns
     * the text from the line that must go to csv-parse instead.
     */
    scan(text, done) {
        const { sink, st, delimiter, crlf } = this;
        const len = text.length;
        let pos = 0;
        let line = this.line;
        let lastRecord = -1;
        // The next quote, carriage return and delimiter at or after pos (len when none).
        let quote = -1;
        let cr = -1;
        let delim = -1;
        try {
            while (pos < len) {
                let nl = text.indexOf('\n', pos);
                if (nl < 0) {
                    if (!done) {
                        // A line too long to be a record: csv-parse reports it.
                        if (len - pos > MAX_RECORD_CHARS)
                            return this.stop(text, pos, line);
                        break;
                    }
                    nl = len;
                }
                let end = nl;
                if (crlf && nl < len) {
                    if (nl === pos || text.charCodeAt(nl - 1) !== CR)
                        return this.stop(text, pos, line);
                    end = nl - 1;
                }
                if (quote < pos)
                    quote = indexOrEnd(text, QUOTE, pos);
                if (cr < pos)
                    cr = indexOrEnd(text, CR, pos);
                if (quote < nl || cr < end || end - pos > MAX_RECORD_CHARS)
                    return this.stop(text, pos, line);
                if (end > pos) {
                    const header = sink.header;
                    if (header === undefined) {
                        sink.record(text.slice(pos, end).split(delimiter), line);
                    }
                    else {
                        const { slot, cells } = sink;
                        const width = header.length;
                        let j = 0;
                        let s = pos;
                        for (;;) {
                            if (delim < s)
                                delim = text.indexOf(delimiter, s);
                            if (delim < 0)
                                delim = len;
                            const e = delim < end ? delim : end;
                            if (j < width) {
                                const k = slot[j];
                                if (k >= 0)
                                    cells[k] = text.slice(s, e);
                            }
                            j++;
                            if (e === end)
                                break;
                            s = e + 1;
                        }
                        if (j !== width)
                            throw sink.fieldCountError(j, line);
                        sink.emit(cells, line);
                    }
                    lastRecord = line;
                }
                line++;
                pos = nl + 1;
            }
        }
        finally {
            this.line = line;
            if (lastRecord > 0)
                st.end = sink.lastLine = lastRecord;
        }
        return pos === 0 ? text : text.slice(pos);
    }
    stop(text, pos, line) {
        this.handOverAt = pos;
        this.line = line;
        return text.slice(pos);
    }
    /** Sends the rest of the file to csv-parse: raw bytes from the start, or the text from a line on. */
    async handOver(it, from) {
        const { decoder, st } = this;
        let recordDelimiter;
        if (typeof from === 'string') {
            recordDelimiter = this.crlf ? '\r\n' : '\n';
            // csv-parse starts counting afresh; its counts are taken relative to st.
            st.end = this.line - 1;
            st.csvLines = 0;
            st.empty = 0;
        }
        async function* rest() {
            if (typeof from === 'string') {
                if (from !== '')
                    yield from;
                for (;;) {
                    const next = await it.next();
                    if (next.done === true)
                        break;
                    const text = decoder.write(next.value);
                    if (text !== '')
                        yield text;
                }
                const tail = decoder.end();
                if (tail !== '')
                    yield tail;
            }
            else {
                yield* from;
                for (;;) {
                    const next = await it.next();
                    if (next.done === true)
                        break;
                    yield next.value;
                }
            }
        }
        await (0,external_node_stream_promises_.pipeline)(rest(), csvParser(this.sink, st, this.delimiter, recordDelimiter), discard());
    }
}
/** The index of a character code at or after `from`, or the text's length. */
function indexOrEnd(text, code, from) {
    const i = text.indexOf(String.fromCharCode(code), from);
    return i < 0 ? text.length : i;
}
/**
 * A csv-parse stream that hands records to the sink. With a record delimiter, it reads from a line after the start
 * of the file (no byte order mark there); without, the whole file, finding the line ends itself.
 */
function csvParser(sink, st, delimiter, recordDelimiter) {
    const parser = (0,lib/* parse */.qg)({
        columns: false,
        delimiter,
        bom: recordDelimiter === undefined,
        ...(recordDelimiter === undefined ? {} : { record_delimiter: recordDelimiter }),
        // Field counts are checked against the header by the sink.
        relax_column_count: true,
        // A stray quote in a tab-separated file is more likely text than quoting.
        relax_quotes: delimiter === '\t',
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_CHARS,
        on_record: (record, ctx) => {
            // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here; its own count only
            // tells whether the record spans lines at all.
            const blank = ctx.empty_lines - st.empty;
            const start = st.end + 1 + blank;
            const end = ctx.lines - st.csvLines === 1 + blank ? start : start + lineBreaks(record);
            st.end = end;
            st.csvLines = ctx.lines;
            st.empty = ctx.empty_lines;
            sink.lastLine = end;
            sink.record(record, start);
            return null;
        },
    });
    return parser;
}
function lineBreaks(record) {
    let n = 0;
    for (const field of record) {
        for (let i = 0; i < field.length; i++) {
            const c = field.charCodeAt(i);
            if (c === LF)
                n++;
            else if (c === CR && field.charCodeAt(i + 1) !== LF)
                n++;
        }
    }
    return n;
}
function discard() {
    return new external_node_stream_.Writable({
        objectMode: true,
        write(_chunk, _enc, done) {
            done();
        },
    });
}
function isCsvError(e) {
    const code = e?.code;
    return e instanceof Error && typeof code === 'string' && /^(CSV_|INVALID_)/.test(code);
}
function csvError(e, sink, st) {
    const label = sink.label;
    const info = e;
    // The failing record starts after the last one taken and the blank lines since; the failure itself is as many
    // lines further as csv-parse counted.
    const start = st.end + 1 + Math.max(0, (info.empty_lines ?? st.empty) - st.empty);
    const at = st.end + Math.max(1, (info.lines ?? 0) - st.csvLines);
    let line = start;
    let why;
    switch (e.code) {
        case 'CSV_QUOTE_NOT_CLOSED':
            why = 'a quoted field that starts on this line is never closed. Close the quote; a quote inside a quoted field is written twice ("")';
            break;
        case 'CSV_MAX_RECORD_SIZE':
            why = `a record starting on this line is longer than ${MAX_RECORD_CHARS} characters, most likely because of a quote that is never closed. Close the quote`;
            break;
        case 'INVALID_OPENING_QUOTE':
            line = at;
            why = 'a quote inside an unquoted field. Quote the whole field and write the inner quote twice ("")';
            break;
        case 'CSV_INVALID_CLOSING_QUOTE':
            line = at;
            why = 'a closing quote is followed by other characters instead of a delimiter or the end of the line. Write a quote inside a quoted field twice ("")';
            break;
        default:
            line = at;
            why = `malformed CSV (${e.message}). Fix the line`;
    }
    return new errors/* ConfigurationError */.j1(`${label}:${line}: ${why}.`, { location: { file: label, line }, cause: e });
}
// ---- JSON Lines ----
const BARE_NON_FINITE = /([:,[]\s*)(NaN|-?Infinity)(?=\s*[,}\]])/g;
class JsonLinesReader {
    sink;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    rest = '';
    line = 0;
    index = new Map();
    values = [];
    constructor(sink) {
        this.sink = sink;
    }
    push(chunk) {
        const text = this.rest + this.decoder.write(chunk);
        let pos = 0;
        for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
            this.take(text.slice(pos, nl));
            pos = nl + 1;
        }
        this.rest = text.slice(pos);
    }
    end() {
        const text = this.rest + this.decoder.end();
        this.rest = '';
        if (text !== '')
            this.take(text);
    }
    take(raw) {
        const line = ++this.line;
        let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line === 1 && text.startsWith('\uFEFF'))
            text = text.slice(1);
        if (text.trim() === '')
            return;
        this.sink.lastLine = line;
        const obj = this.parse(text, line);
        const { sink } = this;
        if (sink.header === undefined) {
            const names = Object.keys(obj);
            if (names.length === 0)
                throw this.error(line, 'the first object has no keys, so there are no columns. Write one key per column');
            sink.setHeader(names, line);
            this.index = new Map(names.map((n, i) => [n, i]));
            this.values = names.map(() => '');
        }
        const header = sink.header;
        const values = this.values;
        let seen = 0;
        for (const key in obj) {
            const i = this.index.get(key);
            if (i === undefined) {
                throw this.error(line, `key \`${key}\` is not among the keys of the first object (${header.join(', ')}). Every line must have the same keys`);
            }
            values[i] = this.cell(obj[key], key, line);
            seen++;
        }
        if (seen !== header.length) {
            const missing = header.filter((n) => !Object.hasOwn(obj, n));
            throw this.error(line, `missing key${missing.length === 1 ? '' : 's'} ${missing.map((n) => `\`${n}\``).join(', ')} (the first object has ${header.join(', ')}). Every line must have the same keys; write null for a missing value`);
        }
        sink.record(values, line);
    }
    parse(text, line) {
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (e) {
            // Python's json module writes bare NaN and Infinity; read them as text (NaN is then a missing value).
            const fixed = text.replace(BARE_NON_FINITE, '$1"$2"');
            try {
                value = fixed === text ? undefined : JSON.parse(fixed);
            }
            catch {
                value = undefined;
            }
            if (value === undefined) {
                const message = (0,errors/* errorMessage */.gJ)(e);
                const position = /at position (\d+)/.exec(message)?.[1];
                const why = message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
                throw this.error(line, `invalid JSON${position === undefined ? '' : ` at column ${Number(position) + 1}`} (${why}). Write one JSON object per line`, e);
            }
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw this.error(line, `expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}. Write one JSON object per line`);
        }
        return value;
    }
    cell(v, key, line) {
        if (typeof v === 'string')
            return v;
        if (typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        if (v === null)
            return '';
        throw this.error(line, `the value of \`${key}\` is ${Array.isArray(v) ? 'an array' : 'a nested object'}; cells must be numbers, strings or null. Flatten it into columns`);
    }
    error(line, why, cause) {
        const label = this.sink.label;
        return new errors/* ConfigurationError */.j1(`${label}:${line}: ${why}.`, { location: { file: label, line }, ...(cause === undefined ? {} : { cause }) });
    }
}
// ---- failures ----
function gzipError(label, line, e) {
    const where = line === undefined || line === 0 ? '' : ` after line ${line}`;
    return new errors/* ConfigurationError */.j1(`${label}: the gzip data is corrupt or truncated${where} (${(0,errors/* errorMessage */.gJ)(e)}). Compress the file again, or check that its upload or download finished.`, { location: line === undefined || line === 0 ? { file: label } : { file: label, line }, cause: e });
}
function readFailure(e, sink, csv, gz) {
    if (e instanceof errors/* ConfigurationError */.j1 || (e !== undefined && e === sink.failure))
        return e;
    if (isCsvError(e))
        return csvError(e, sink, csv);
    const code = e.code;
    if (gz && typeof code === 'string' && code.startsWith('Z_'))
        return gzipError(sink.label, sink.lastLine, e);
    return new errors/* ConfigurationError */.j1(`${sink.label}: cannot read the file: ${(0,errors/* errorMessage */.gJ)(e)}.`, { location: { file: sink.label }, cause: e });
}

;// CONCATENATED MODULE: ./src/gates/model-validate/predictions.ts


/** The config keys behind the options, for messages. */
const KEYS = { label: 'columns.label', prediction: 'columns.prediction', scores: 'columns.scores', tolerance: 'sum_tolerance' };
/**
 * Reads a predictions file (any format of readTable) into columnar, typed prediction data.
 *
 * Task detection (`task: auto`), in this order:
 * 1. a column named exactly `scoreColumns` → binary; it holds the probability of the positive class;
 * 2. columns whose names start with `scoreColumns` (other than the label and prediction columns) → one column per
 *    class, the class being the rest of the name (`score_cat` → `cat`): 1 or 2 such columns → binary (the positive
 *    class's column is used; a single column of the negative class is turned into 1 − score), 3 or more → multiclass;
 * 3. no score columns, every label and prediction a number and at least one not an integer → regression;
 * 4. no score columns otherwise → classification without scores: binary with at most 2 classes, else multiclass.
 * An explicit task skips detection (regression ignores score columns; binary allows at most 2 classes).
 *
 * Labels: the sorted union of the true labels, the predicted labels and the score columns' classes, as scikit-learn's
 * `unique_labels`: numeric order when every label is a decimal number (then `1.0` and `1` are the same label, shown
 * as `1`), string order otherwise; `classes` fixes the order instead, and a label outside it is an error.
 * Binary positive class: `positiveLabel`, else the greater of the two labels in that order (`1` of {0, 1}, `1` of
 * {-1, 1}, `yes` of {no, yes}). scikit-learn's default `pos_label=1` only works for {0, 1} and {-1, 1}; this rule
 * agrees with it there and picks a deterministic class otherwise — set `positive_label` when it is the wrong one.
 *
 * Empty, NA, NaN, null and None cells are missing: a missing label or prediction is an error, as is a score that is
 * missing, not a number or outside [0, 1], and a row of per-class scores that does not sum to 1 within
 * `sumTolerance`. A single class among the true labels is only a warning: metrics that need two are NaN then.
 *
 * The file is read in one pass, cells converted as they stream by: a row's own errors (missing cell, bad score, bad
 * sum) are reported at the first such line; the checks that need every label (classes, labels absent from score
 * columns, class count, positive label) run at the end and name the line where the label first appears.
 */
async function readPredictions(file, opts) {
    try {
        return await readOnce(file, opts, true);
    }
    catch (e) {
        if (!(e instanceof NotRegression))
            throw e;
    }
    // Rare: many distinct fractional values were read as numbers, then a cell that is not one showed up.
    return readOnce(file, opts, false);
}
/**
 * One pass over the file: cells are converted as they are read (labels interned, scores parsed into typed arrays),
 * and the checks that need every label (class order, classes, score columns) run at the end.
 */
async function readOnce(file, opts, maybeRegression) {
    const label = opts.label ?? file;
    let plan;
    let reader;
    const table = await streamRows(file, {
        label,
        columns: (header) => {
            plan = planColumns(header, opts, label);
            return plan.columns;
        },
    }, (_header, columns) => {
        if (plan === undefined)
            throw new Error('internal error: predictions read without a column plan');
        reader = new PredictionReader(label, opts, plan, columns, maybeRegression);
    }, (cells, line) => reader.row(cells, line));
    if (reader === undefined)
        throw new Error('internal error: predictions read without a header');
    return reader.finish(table.rows);
}
/** Thrown to read the file again when numbers read for a regression turn out to be labels. */
class NotRegression extends Error {
}
function planColumns(header, opts, file) {
    const found = `columns found: ${header.join(', ')}`;
    for (const [name, key] of [
        [opts.labelColumn, KEYS.label],
        [opts.predictionColumn, KEYS.prediction],
    ]) {
        if (!header.includes(name)) {
            throw new errors/* ConfigurationError */.j1(`${file}:1: no column \`${name}\` (${found}). Name the column in \`${key}\` of the configuration (or the matching input).`, {
                location: { file, line: 1 },
                field: key,
            });
        }
    }
    const columns = [opts.labelColumn, opts.predictionColumn];
    const perClass = new Map();
    const task = opts.task ?? 'auto';
    const prefix = opts.scoreColumns;
    if (task === 'regression' || prefix === '')
        return { columns, perClass };
    if (header.includes(prefix)) {
        if (task === 'multiclass') {
            throw new errors/* ConfigurationError */.j1(`${file}:1: task is multiclass but \`${prefix}\` is a single score column. Give one score column per class (${prefix}<class>) or set \`task\` to binary.`, { location: { file, line: 1 }, field: KEYS.scores });
        }
        return { columns: [...columns, prefix], single: prefix, perClass };
    }
    for (const name of header) {
        if (name.length > prefix.length && name.startsWith(prefix) && name !== opts.labelColumn && name !== opts.predictionColumn) {
            perClass.set(name.slice(prefix.length), name);
        }
    }
    if (task === 'binary' && perClass.size > 2) {
        throw new errors/* ConfigurationError */.j1(`${file}:1: task is binary but there are ${perClass.size} score columns (${[...perClass.values()].join(', ')}). Set \`task\` to multiclass, or keep the two classes' columns.`, { location: { file, line: 1 }, field: 'task' });
    }
    return { columns: [...columns, ...perClass.values()], perClass };
}
// ---- label order ----
const predictions_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** scikit-learn's order of labels: numeric when every label is a decimal number, else by UTF-16 code units. */
function orderLabels(labels, numeric) {
    const out = [...labels];
    if (numeric)
        return out.sort((a, b) => Number(a) - Number(b));
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
function predictions_list(labels) {
    return [...labels].map((l) => `\`${l}\``).join(', ');
}
function inputError(file, line, column, why, field) {
    const where = line === undefined ? file : `${file}:${line}`;
    const col = column === undefined ? '' : `column \`${column}\`: `;
    return new errors/* ConfigurationError */.j1(`${where}: ${col}${why}`, {
        location: line === undefined ? { file } : { file, line },
        ...(field === undefined ? {} : { field }),
    });
}
/**
 * The classes of a classification from its distinct raw labels (in the order they first appear, label column
 * first) and the score columns, with every check that needs them: classes, labels absent from score columns, class
 * count, positive label.
 */
function resolveLabels(file, opts, plan, seen) {
    const task = opts.task ?? 'auto';
    const scoreClasses = [...plan.perClass.keys()];
    const positiveRaw = opts.positiveLabel;
    const raws = seen.map((s) => s.raw);
    const everyName = [...raws, ...scoreClasses, ...(opts.classes ?? [])];
    const numeric = everyName.every((s) => predictions_DECIMAL.test(s)) && (positiveRaw === undefined || predictions_DECIMAL.test(positiveRaw));
    const canon = (s) => (numeric ? String(Number(s)) : s);
    let labels;
    if (opts.classes !== undefined) {
        labels = opts.classes.map(canon);
        const known = new Set(labels);
        for (const at of seen) {
            if (!known.has(canon(at.raw))) {
                throw inputError(file, at.line, at.column, `label \`${at.raw}\` is not among \`classes\` (${predictions_list(labels)}). Add it to \`classes\` in the configuration, or fix the label.`, 'classes');
            }
        }
        for (const raw of scoreClasses) {
            if (!known.has(canon(raw))) {
                throw inputError(file, undefined, plan.perClass.get(raw), `the score column's class \`${raw}\` is not among \`classes\` (${predictions_list(labels)}). Add it to \`classes\`, or remove the column.`, 'classes');
            }
        }
    }
    else {
        labels = orderLabels(new Set([...raws, ...scoreClasses].map(canon)), numeric);
    }
    const index = new Map(labels.map((l, i) => [l, i]));
    let multiclass;
    if (task === 'multiclass' || task === 'binary')
        multiclass = task === 'multiclass';
    else if (plan.single !== undefined)
        multiclass = false;
    else if (plan.perClass.size > 0)
        multiclass = plan.perClass.size >= 3;
    else
        multiclass = labels.length > 2;
    // Per-class score columns must cover every label (a lone column is read as one class's probability).
    if (plan.perClass.size > 1 || (multiclass && plan.perClass.size > 0)) {
        const covered = new Set(scoreClasses.map(canon));
        const absent = labels.filter((l) => !covered.has(l));
        if (absent.length > 0) {
            const at = seen.find((s) => absent.includes(canon(s.raw)));
            throw inputError(file, at?.line, at?.column, `labels absent from score columns: ${predictions_list(absent)} (score columns found: ${[...plan.perClass.values()].join(', ')}). Write a column ${opts.scoreColumns}<class> for every class, or set \`${KEYS.scores}\` to the right prefix.`, KEYS.scores);
        }
    }
    if (!multiclass && labels.length > 2) {
        const lone = plan.single ?? [...plan.perClass.values()][0] ?? '';
        const why = task === 'binary'
            ? `task is binary but there are ${labels.length} classes: ${predictions_list(labels)}. Set \`task\` to multiclass, or fix the labels.`
            : `a single score column \`${lone}\` but ${labels.length} classes: ${predictions_list(labels)}. Give one score column per class (${opts.scoreColumns}<class>), or fix the labels.`;
        throw inputError(file, undefined, undefined, why, task === 'binary' ? 'task' : KEYS.scores);
    }
    let positive;
    if (!multiclass) {
        if (positiveRaw !== undefined) {
            const p = canon(positiveRaw);
            if (!index.has(p)) {
                if (labels.length >= 2 || opts.classes !== undefined) {
                    throw inputError(file, undefined, undefined, `positive label \`${positiveRaw}\` is not among the labels (${predictions_list(labels)}). Set \`positive_label\` to one of them.`, 'positive_label');
                }
                // Only one class present: the positive label completes the pair.
                labels = orderLabels([...labels, p], numeric);
                index.clear();
                labels.forEach((l, i) => index.set(l, i));
            }
            positive = index.get(p);
        }
        else {
            positive = labels.length - 1;
        }
    }
    return { labels, index, canon, multiclass, positive };
}
function scoreLayout(plan, l) {
    const byLabel = new Map([...plan.perClass].map(([raw, column]) => [l.canon(raw), column]));
    if (l.multiclass)
        return { multiclass: true, columns: l.labels.map((c) => byLabel.get(c)) };
    const positiveColumn = byLabel.get(l.labels[l.positive]);
    return { multiclass: false, column: positiveColumn ?? [...plan.perClass.values()][0], invert: positiveColumn === undefined };
}
function sameLayout(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
// ---- growable typed columns ----
const INITIAL_CAPACITY = 1024;
class Float64Column {
    data = new Float64Array(INITIAL_CAPACITY);
    length = 0;
    push(v) {
        if (this.length === this.data.length)
            this.grow();
        this.data[this.length++] = v;
    }
    /** The values, exactly `length` of them (a view: the pages of unused capacity were never written). */
    take() {
        return this.data.subarray(0, this.length);
    }
    grow() {
        const next = new Float64Array(this.data.length * 2);
        next.set(this.data);
        this.data = next;
    }
}
class Int32Column {
    data = new Int32Array(INITIAL_CAPACITY);
    length = 0;
    push(v) {
        if (this.length === this.data.length)
            this.grow();
        this.data[this.length++] = v;
    }
    take() {
        return this.data.subarray(0, this.length);
    }
    grow() {
        const next = new Int32Array(this.data.length * 2);
        next.set(this.data);
        this.data = next;
    }
}
/** A copy of a string that does not keep alive the chunk of file text it was sliced from. */
function predictions_ownString(s) {
    // V8 slices strings of 13 characters or more without copying; a JSON round trip makes a fresh copy of any string.
    return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}
// ---- reading rows ----
/**
 * With task auto and no score columns, labels are interned while their numeric values are tracked; past this many
 * distinct labels, all of them numbers and some fractional, the rest is read as numbers (a regression, almost
 * surely), so that continuous values do not fill the table of labels.
 */
const MAX_INTERNED_NUMBERS = 1 << 16;
var Scores;
(function (Scores) {
    /** No scores kept. */
    Scores[Scores["None"] = 0] = "None";
    /** One column, kept as it is (a single score column, or a lone per-class column of a binary task). */
    Scores[Scores["One"] = 1] = "One";
    /** Binary with per-class columns: every column checked and summed, the positive class's kept. */
    Scores[Scores["Pick"] = 2] = "Pick";
    /** Multiclass: the columns in class order, every one kept and summed. */
    Scores[Scores["All"] = 3] = "All";
})(Scores || (Scores = {}));
class PredictionReader {
    file;
    opts;
    plan;
    warnings = [];
    labelAt;
    predAt;
    // Labels, interned: raw label → id, with the first line in the label and prediction columns (-1: none).
    ids = new Map();
    /** The ids of one-character ASCII labels (0/1, a/b…) by character code, -1 for none: faster than the map. */
    ascii = new Int32Array(128).fill(-1);
    raws = [];
    firstTrue = [];
    firstPred = [];
    yTrueIds = new Int32Column();
    yPredIds = new Int32Column();
    // Numbers (regression): from the start when the task says so, else after many distinct fractional labels.
    numbers;
    forcedRegression;
    yTrueValues;
    yPredValues;
    /** Whether a regression is still possible (task auto, no score columns); then labels are checked as numbers. */
    detect;
    allNumeric = true;
    fractional = false;
    switchToNumbers = false;
    // Scores: the cells read per row, their columns, and which are kept.
    scoreMode;
    scoreAt = [];
    scoreNames = [];
    /** Pick: the index (in scoreAt) of the column kept, and whether it is kept as 1 − score. */
    pickAt = 0;
    pickInvert = false;
    /** The layout the scores were read with (Pick, All), checked against the final labels. */
    layout;
    scores = new Float64Column();
    constructor(file, opts, plan, columns, maybeRegression) {
        this.file = file;
        this.opts = opts;
        this.plan = plan;
        const at = (name) => columns.indexOf(name);
        this.labelAt = at(opts.labelColumn);
        this.predAt = at(opts.predictionColumn);
        const task = opts.task ?? 'auto';
        const scored = plan.single !== undefined || plan.perClass.size > 0;
        this.forcedRegression = task === 'regression';
        this.numbers = this.forcedRegression;
        if (this.numbers) {
            this.yTrueValues = new Float64Column();
            this.yPredValues = new Float64Column();
        }
        this.detect = maybeRegression && task === 'auto' && !scored;
        const perClass = [...plan.perClass.values()];
        let mode = Scores.None;
        if (plan.single !== undefined) {
            mode = Scores.One;
            this.scoreNames.push(plan.single);
        }
        else if (plan.perClass.size > 1 || (task === 'multiclass' && plan.perClass.size > 0)) {
            // Which columns are kept, and the order they sum in, depend on the final classes. These are fixed by the
            // score columns whenever the file passes the checks (every class must have its column), so they are worked
            // out from the header now and checked against the labels at the end. A header that fails those checks fails
            // them at the end too: then nothing is kept.
            let layout;
            try {
                layout = scoreLayout(plan, resolveLabels(file, opts, plan, []));
            }
            catch (e) {
                if (!(e instanceof errors/* ConfigurationError */.j1))
                    throw e;
            }
            this.layout = layout;
            if (layout?.multiclass === true) {
                mode = Scores.All;
                this.scoreNames.push(...layout.columns);
            }
            else if (layout !== undefined) {
                mode = Scores.Pick;
                this.scoreNames.push(...perClass);
                this.pickAt = perClass.indexOf(layout.column);
                this.pickInvert = layout.invert;
            }
        }
        else if (plan.perClass.size === 1) {
            // A lone per-class column of a binary task: whether it is the positive class's is known at the end.
            mode = Scores.One;
            this.scoreNames.push(perClass[0]);
        }
        this.scoreMode = mode;
        for (const name of this.scoreNames)
            this.scoreAt.push(at(name));
    }
    row(cells, line) {
        if (this.numbers) {
            this.yTrueValues.push(this.number(cells[this.labelAt], line, true));
            this.yPredValues.push(this.number(cells[this.predAt], line, false));
        }
        else {
            this.yTrueIds.push(this.internTrue(cells[this.labelAt], line));
            this.yPredIds.push(this.internPred(cells[this.predAt], line));
            if (this.switchToNumbers)
                this.readNumbersFromNowOn();
        }
        switch (this.scoreMode) {
            case Scores.None:
                break;
            case Scores.One:
                this.scores.push(this.score(cells[this.scoreAt[0]], line, 0));
                break;
            case Scores.Pick: {
                const { scoreAt } = this;
                let sum = 0;
                for (let j = 0; j < scoreAt.length; j++) {
                    const v = this.score(cells[scoreAt[j]], line, j);
                    sum += v;
                    if (j === this.pickAt)
                        this.scores.push(this.pickInvert ? 1 - v : v);
                }
                this.checkSum(line, sum);
                break;
            }
            case Scores.All: {
                const { scoreAt } = this;
                let sum = 0;
                for (let j = 0; j < scoreAt.length; j++) {
                    const v = this.score(cells[scoreAt[j]], line, j);
                    this.scores.push(v);
                    sum += v;
                }
                this.checkSum(line, sum);
                break;
            }
        }
    }
    finish(rows) {
        let data;
        if (this.numbers) {
            data = { kind: 'regression', yTrue: this.yTrueValues.take(), yPred: this.yPredValues.take() };
        }
        else if (this.detect && this.allNumeric && this.fractional) {
            // Every label and prediction a number, at least one not an integer: a regression.
            const values = this.raws.map(parseCell);
            const toValues = (ids) => {
                const out = new Float64Array(ids.length);
                for (let i = 0; i < ids.length; i++)
                    out[i] = values[ids[i]];
                return out;
            };
            data = { kind: 'regression', yTrue: toValues(this.yTrueIds.take()), yPred: toValues(this.yPredIds.take()) };
        }
        else {
            data = this.classification();
        }
        return { data, rows, warnings: this.warnings };
    }
    // ---- labels ----
    internTrue(raw, line) {
        const id = this.lookup(raw);
        if (id < 0)
            return this.add(raw, line, true);
        if (this.firstTrue[id] === -1)
            this.firstTrue[id] = line;
        return id;
    }
    internPred(raw, line) {
        const id = this.lookup(raw);
        if (id < 0)
            return this.add(raw, line, false);
        if (this.firstPred[id] === -1)
            this.firstPred[id] = line;
        return id;
    }
    /** The id of a label, or -1. */
    lookup(raw) {
        if (raw.length === 1) {
            const c = raw.charCodeAt(0);
            if (c < 128)
                return this.ascii[c];
        }
        return this.ids.get(raw) ?? -1;
    }
    add(raw, line, isTrue) {
        if (MISSING_CELLS.has(raw))
            throw this.missing(raw, line, isTrue);
        const id = this.raws.length;
        const own = predictions_ownString(raw);
        this.ids.set(own, id);
        if (own.length === 1 && own.charCodeAt(0) < 128)
            this.ascii[own.charCodeAt(0)] = id;
        this.raws.push(own);
        this.firstTrue.push(isTrue ? line : -1);
        this.firstPred.push(isTrue ? -1 : line);
        if (this.detect && this.allNumeric) {
            const v = parseCell(raw);
            if (Number.isNaN(v))
                this.allNumeric = false;
            else if (!Number.isInteger(v))
                this.fractional = true;
            if (this.allNumeric && this.fractional && id >= MAX_INTERNED_NUMBERS)
                this.switchToNumbers = true;
        }
        return id;
    }
    readNumbersFromNowOn() {
        const values = this.raws.map(parseCell);
        const convert = (ids) => {
            const out = new Float64Column();
            for (let i = 0; i < ids.length; i++)
                out.push(values[ids.data[i]]);
            return out;
        };
        this.yTrueValues = convert(this.yTrueIds);
        this.yPredValues = convert(this.yPredIds);
        this.yTrueIds = new Int32Column();
        this.yPredIds = new Int32Column();
        this.ids = new Map();
        this.ascii.fill(-1);
        this.raws = [];
        this.firstTrue = [];
        this.firstPred = [];
        this.numbers = true;
        this.switchToNumbers = false;
    }
    number(cell, line, isTrue) {
        const v = parseCell(cell);
        if (!Number.isNaN(v))
            return v;
        if (MISSING_CELLS.has(cell))
            throw this.missing(cell, line, isTrue);
        if (!this.forcedRegression)
            throw new NotRegression();
        const what = isTrue ? 'true value' : 'prediction';
        return this.fail(line, isTrue, `the ${what} ${JSON.stringify(cell)} is not a finite number. A regression task needs numbers; set \`task\` if this is a classifier.`);
    }
    missing(cell, line, isTrue) {
        const what = isTrue ? 'true label' : 'prediction';
        const column = isTrue ? this.opts.labelColumn : this.opts.predictionColumn;
        return inputError(this.file, line, column, `missing ${what} (${JSON.stringify(cell)}). Every row needs a ${what}; drop the rows without one before writing the file.`);
    }
    fail(line, isTrue, why) {
        throw inputError(this.file, line, isTrue ? this.opts.labelColumn : this.opts.predictionColumn, why);
    }
    classification() {
        const { raws, firstTrue, firstPred, opts } = this;
        // The distinct labels in the order they first appear in the label column, then those only predicted.
        const ids = raws.map((_, id) => id);
        const inTrue = ids.filter((id) => firstTrue[id] >= 0).sort((a, b) => firstTrue[a] - firstTrue[b]);
        const predOnly = ids.filter((id) => firstTrue[id] < 0).sort((a, b) => firstPred[a] - firstPred[b]);
        const seen = [
            ...inTrue.map((id) => ({ raw: raws[id], line: firstTrue[id], column: opts.labelColumn })),
            ...predOnly.map((id) => ({ raw: raws[id], line: firstPred[id], column: opts.predictionColumn })),
        ];
        const l = resolveLabels(this.file, opts, this.plan, seen);
        const { labels } = l;
        const lut = new Int32Array(raws.length);
        for (let id = 0; id < raws.length; id++)
            lut[id] = l.index.get(l.canon(raws[id]));
        const yTrue = this.yTrueIds.take();
        const yPred = this.yPredIds.take();
        const present = new Uint8Array(labels.length);
        let classes = 0;
        for (let i = 0; i < yTrue.length; i++) {
            const k = lut[yTrue[i]];
            yTrue[i] = k;
            if (present[k] === 0) {
                present[k] = 1;
                classes++;
            }
        }
        for (let i = 0; i < yPred.length; i++)
            yPred[i] = lut[yPred[i]];
        if (classes === 1) {
            this.warnings.push(`${this.file}: only one class (\`${labels[yTrue[0]]}\`) appears among the true labels; metrics that need more than one class (ROC AUC, average precision, MCC, …) are undefined (NaN).`);
        }
        const data = { kind: l.multiclass ? 'multiclass' : 'binary', labels, yTrue, yPred };
        if (l.positive !== undefined)
            data.positive = l.positive;
        const scores = this.finishScores(l);
        if (scores !== undefined)
            data.scores = scores;
        return data;
    }
    finishScores(l) {
        const { plan } = this;
        if (plan.single !== undefined)
            return this.scores.take();
        if (plan.perClass.size === 0)
            return undefined;
        const layout = scoreLayout(plan, l);
        if (this.scoreMode === Scores.One) {
            // A lone per-class column: 1 − score when it is not the positive class's.
            const out = this.scores.take();
            if (!layout.multiclass && layout.invert)
                for (let i = 0; i < out.length; i++)
                    out[i] = 1 - out[i];
            return out;
        }
        if (this.layout === undefined || !sameLayout(this.layout, layout)) {
            throw new Error(`internal error: score columns read as ${JSON.stringify(this.layout)} but the labels give ${JSON.stringify(layout)}`);
        }
        return this.scores.take();
    }
    // ---- scores ----
    /** One score cell as a probability, or an error naming the line and column. */
    score(cell, line, j) {
        const v = parseCell(cell);
        if (v >= 0 && v <= 1)
            return v;
        const what = MISSING_CELLS.has(cell) ? 'missing' : Number.isNaN(v) ? 'not a number' : 'outside [0, 1]';
        throw inputError(this.file, line, this.scoreNames[j], `score ${JSON.stringify(cell)} is ${what}. Scores must be probabilities in [0, 1] (e.g. predict_proba, not decision_function).`);
    }
    checkSum(line, sum) {
        const tolerance = this.opts.sumTolerance;
        if (Math.abs(sum - 1) > tolerance) {
            throw inputError(this.file, line, undefined, `the scores (${this.scoreNames.join(' + ')}) sum to ${sum}, not 1 within ${tolerance}. Write normalised probabilities, or raise \`${KEYS.tolerance}\` in the configuration.`, KEYS.tolerance);
        }
    }
}

;// CONCATENATED MODULE: ./src/gates/model-validate/index.ts






















/** Metrics that carry a bootstrap interval in the report and the model card. */
const HEADLINE = {
    binary: ['accuracy', 'roc_auc', 'average_precision', 'f1', 'log_loss'],
    multiclass: ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc_ovr_macro', 'log_loss'],
    regression: ['mae', 'rmse', 'r2'],
};
/**
 * Above this many rows the bootstrap (headline intervals, paired bootstrap) is left out: each replicate recomputes
 * the metrics over every row, and the intervals would be narrower than the digits shown anyway.
 */
const BOOTSTRAP_MAX_ROWS = 1_000_000;
const DRIFT_METHODS = ['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon'];
async function sha256(file) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        h.update(chunk);
    return h.digest('hex');
}
function computeMetrics(data) {
    if (data.kind === 'regression')
        return { metrics: regressionMetrics(data) };
    return classificationMetrics(data);
}
/**
 * Percentile-bootstrap intervals of the headline metrics, all from the same resampled rows: every replicate
 * computes the metrics once and each headline metric keeps its value.
 */
function headlineIntervals(data, names, config) {
    const n = data.yTrue.length;
    const collected = new Map(names.map((k) => [k, []]));
    const [first] = names;
    if (n < 2 || first === undefined || n > BOOTSTRAP_MAX_ROWS)
        return {};
    const level = config.bootstrap.level;
    bootstrapCI(n, (rows) => {
        const sub = data.kind === 'regression' ? subsetRegression(data, rows) : subsetClassification(data, rows);
        const m = computeMetrics(sub).metrics;
        for (const k of names)
            collected.get(k)?.push(m[k]?.value ?? NaN);
        return m[first]?.value ?? NaN;
    }, { resamples: config.bootstrap.resamples, level, seed: 0x5eed });
    const out = {};
    for (const [k, xs] of collected) {
        const defined = xs.filter((x) => Number.isFinite(x));
        if (defined.length < Math.max(2, xs.length / 2))
            continue;
        out[k] = { lower: (0,descriptive/* quantile */.YV)(defined, (1 - level) / 2), upper: (0,descriptive/* quantile */.YV)(defined, 1 - (1 - level) / 2), level };
    }
    return out;
}
/** A baseline given as a file: a previous report.json, a `{metrics: {...}}` JSON, or the baseline model's predictions. */
async function readBaselineFile(ctx, file, opts) {
    const abs = external_node_path_default().resolve(ctx.workspace, file);
    if (/\.json$/i.test(file)) {
        let doc;
        try {
            doc = JSON.parse(await (0,promises_.readFile)(abs, 'utf8'));
        }
        catch (e) {
            const code = e.code;
            throw new errors/* ConfigurationError */.j1(`${file}: ${code === 'ENOENT' ? 'baseline file not found' : `not valid JSON (${e.message})`}. Give a report.json of model-validate, a {"metrics": {...}} file, or the baseline model's predictions (CSV/JSONL).`, { location: { file } });
        }
        const d = doc;
        const metrics = d.gate === 'model-validate' ? d.details?.metrics : d.metrics;
        if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) {
            throw new errors/* ConfigurationError */.j1(`${file}: no metrics found. A baseline JSON is a model-validate report.json (details.metrics) or {"metrics": {"roc_auc": 0.91, ...}}.`, { location: { file } });
        }
        const out = {};
        for (const [k, v] of Object.entries(metrics))
            if (typeof v === 'number' || v === null)
                out[k] = v;
        return { metrics: out, source: file, file: abs, ...(d.git?.sha ? { sha: d.git.sha } : {}) };
    }
    const { data } = await readPredictions(abs, { ...opts, label: file });
    return { metrics: numbers(computeMetrics(data).metrics), predictions: data, source: `${file} (baseline model's predictions)`, file: abs };
}
function numbers(m) {
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number.isNaN(v.value) ? null : v.value]));
}
/** Same rows: the same number of rows with the same true labels. */
function sameRows(a, b) {
    if (a.kind !== b.kind || a.yTrue.length !== b.yTrue.length)
        return false;
    if (a.kind === 'regression' || b.kind === 'regression')
        return a.yTrue.every((v, i) => v === b.yTrue[i]);
    const la = a.labels;
    const lb = b.labels;
    return a.yTrue.every((v, i) => la[v] === lb[b.yTrue[i] ?? -1]);
}
/** Paired significance of "the candidate is worse" for every thresholded metric, when both models scored the same rows. */
function pairedSignificance(candidate, base, metrics, config) {
    const out = {};
    const n = candidate.yTrue.length;
    for (const metric of metrics) {
        const direction = metricDirection(metric) ?? 'higher';
        if (metric === 'roc_auc' && candidate.kind === 'binary' && base.kind === 'binary' && candidate.scores && base.scores) {
            const y = binaryTruth(candidate);
            const r = delong(y, base.scores, candidate.scores);
            if (Number.isFinite(r.pWorse))
                out[metric] = { pWorse: r.pWorse, test: 'DeLong' };
            continue;
        }
        if (metric === 'accuracy' && candidate.kind !== 'regression' && base.kind !== 'regression') {
            const right = (d) => Uint8Array.from(d.yTrue, (t, i) => Number(d.labels[t] === d.labels[d.yPred[i] ?? -1]));
            const r = mcnemar(right(base), right(candidate));
            out[metric] = { pWorse: r.pWorse, test: 'McNemar' };
            continue;
        }
        if (n > BOOTSTRAP_MAX_ROWS)
            continue;
        const of = (d) => (rows) => {
            const sub = d.kind === 'regression' ? subsetRegression(d, rows) : subsetClassification(d, rows);
            return computeMetrics(sub).metrics[metric]?.value ?? NaN;
        };
        const r = pairedBootstrap(n, of(base), of(candidate), direction, { resamples: Math.min(config.bootstrap.resamples, 500), seed: 0x5eed });
        if (Number.isFinite(r.pWorse))
            out[metric] = { pWorse: r.pWorse, test: 'paired bootstrap' };
    }
    return out;
}
function binaryTruth(d) {
    const pos = d.positive ?? 1;
    return Uint8Array.from(d.yTrue, (t) => Number(t === pos));
}
function driftMethodsInput(raw, config) {
    const value = raw?.trim();
    if (value === undefined || value === '')
        return config.drift.methods;
    if (value === 'auto' || value === 'all')
        return value;
    const list = value.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((m) => !DRIFT_METHODS.includes(m));
    if (bad.length || list.length === 0) {
        throw new errors/* ConfigurationError */.j1(`drift-methods: unknown method(s) ${bad.join(', ') || '(none given)'}. Use auto, all, or a comma-separated list of ${DRIFT_METHODS.join(', ')}.`, { field: 'drift-methods' });
    }
    return list;
}
/** Prediction drift: the candidate's score (or predicted class) distribution against the baseline model's on the same task. */
function predictionTables(cur, base) {
    const table = (d, file) => {
        if (d.kind === 'regression')
            return { file, rows: d.yPred.length, columns: [{ name: 'prediction', kind: 'numeric', values: d.yPred, missing: 0 }] };
        if (d.kind === 'binary' && d.scores)
            return { file, rows: d.scores.length, columns: [{ name: 'prediction score', kind: 'numeric', values: d.scores, missing: 0 }] };
        return { file, rows: d.yPred.length, columns: [{ name: 'predicted class', kind: 'categorical', values: Array.from(d.yPred, (k) => d.labels[k] ?? ''), missing: 0 }] };
    };
    const a = table(base, 'baseline predictions');
    const b = table(cur, 'predictions');
    return a && b ? [a, b] : undefined;
}
function optionalInput(ctx, input, key) {
    const v = ctx.inputs.optional(input);
    return v === undefined ? {} : { [key]: v };
}
async function runModelValidate(ctx) {
    const configInput = ctx.inputs.optional('config');
    const configPath = configInput ? external_node_path_default().resolve(ctx.workspace, configInput) : undefined;
    const config = await loadModelConfig(configPath, configInput);
    const predictionsFile = ctx.inputs.optional('predictions');
    const referenceFile = ctx.inputs.optional('reference');
    const currentFile = ctx.inputs.optional('current');
    if (!predictionsFile && !(referenceFile && currentFile)) {
        throw new errors/* ConfigurationError */.j1('model-validate needs `predictions` (a CSV, CSV.gz or JSONL file of labels and scores), or `reference` and `current` feature files for drift only.', { field: 'inputs.predictions' });
    }
    if (Boolean(referenceFile) !== Boolean(currentFile)) {
        throw new errors/* ConfigurationError */.j1(`drift needs both \`reference\` and \`current\` feature files; only ${referenceFile ? 'reference' : 'current'} was given.`, { field: referenceFile ? 'inputs.current' : 'inputs.reference' });
    }
    const predOpts = predictionOptions(config, {
        ...optionalInput(ctx, 'label-column', 'labelColumn'),
        ...optionalInput(ctx, 'prediction-column', 'predictionColumn'),
        ...optionalInput(ctx, 'score-columns', 'scoreColumns'),
        ...optionalInput(ctx, 'positive-label', 'positiveLabel'),
    });
    const sections = [];
    const findings = [];
    const details = {};
    const outputs = {};
    const datasets = [];
    await (0,promises_.mkdir)(ctx.reportDir, { recursive: true });
    // Metrics of the candidate.
    let data;
    let metrics = {};
    let confusion;
    let intervals = {};
    if (predictionsFile) {
        const abs = external_node_path_default().resolve(ctx.workspace, predictionsFile);
        const read = await readPredictions(abs, { ...predOpts, label: predictionsFile });
        for (const w of read.warnings)
            ctx.log.warning(w);
        data = read.data;
        ({ metrics, confusion } = computeMetrics(data));
        intervals = headlineIntervals(data, HEADLINE[data.kind].filter((k) => k in metrics), config);
        if (read.rows > BOOTSTRAP_MAX_ROWS)
            ctx.log.info(`${read.rows} rows: no bootstrap intervals or paired bootstrap above ${BOOTSTRAP_MAX_ROWS} rows (DeLong and McNemar still apply)`);
        datasets.push({ role: 'evaluation', file: predictionsFile, sha256: await sha256(abs), rows: read.rows });
        details.task = data.kind;
        if (data.kind !== 'regression')
            details.labels = data.labels;
    }
    // The baseline: a file, else the store's latest entry.
    let baselineMetrics;
    let baselinePredictions;
    let baselineSource = 'none (first run)';
    let baselineSha;
    const baselineFile = ctx.inputs.optional('baseline');
    if (baselineFile) {
        const b = await readBaselineFile(ctx, baselineFile, predOpts);
        baselineMetrics = b.metrics;
        baselinePredictions = b.predictions;
        baselineSource = b.source;
        baselineSha = b.sha;
        if (b.predictions)
            datasets.push({ role: 'baseline-predictions', file: baselineFile, sha256: await sha256(b.file), rows: b.predictions.yTrue.length });
    }
    else if (data) {
        const { history, source } = await ctx.baselines.load(ctx.gate, ctx.name);
        const entry = history?.entries.at(-1);
        if (entry) {
            baselineMetrics = entry.data.metrics;
            baselineSha = entry.git.sha;
            baselineSource = `${source ?? 'store'} (${entry.git.sha?.slice(0, 7) ?? entry.createdAt})`;
            if (entry.data.task !== data.kind) {
                ctx.log.warning(`the stored baseline is of a ${entry.data.task} model, this one is ${data.kind}: metrics of the other task are not compared`);
            }
        }
    }
    // Thresholds, with paired significance when the baseline model scored the same rows.
    let thresholdResults = [];
    let significance = {};
    if (data) {
        const thresholded = Object.keys(config.thresholds);
        checkThresholdMetrics(config.thresholds, Object.keys(metrics), config.source ?? { file: configInput ?? 'config' });
        if (baselinePredictions && sameRows(data, baselinePredictions)) {
            significance = pairedSignificance(data, baselinePredictions, thresholded, config);
            details.paired = significance;
        }
        else if (baselinePredictions) {
            ctx.log.warning(`${baselineFile ?? 'baseline'}: the baseline predictions are not on the same rows (count or true labels differ); no paired tests`);
        }
        thresholdResults = evaluateThresholds(Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, v.value])), baselineMetrics ? Object.fromEntries(Object.entries(baselineMetrics).map(([k, v]) => [k, v ?? NaN])) : undefined, config.thresholds, { significance, alpha: config.alpha });
        const byMetric = new Map(thresholdResults.map((t) => [t.metric, t]));
        const rows = Object.entries(metrics).map(([name, current]) => ({
            name,
            current,
            baseline: baselineMetrics?.[name] ?? null,
            ...(intervals[name] ? { interval: intervals[name] } : {}),
            ...(byMetric.get(name) ? { threshold: byMetric.get(name) } : {}),
            ...(significance[name] ? { paired: significance[name] } : {}),
        }));
        sections.push(metricsSection(rows));
        for (const f of thresholdFindings(thresholdResults, { file: configInput ?? predictionsFile ?? '' })) {
            const metric = f.id.slice('threshold:'.length);
            const line = configInput ? config.source?.lineOf?.(`/thresholds/${metric.replaceAll('~', '~0').replaceAll('/', '~1')}`) : undefined;
            if (configInput)
                f.location = { file: configInput, ...(line !== undefined ? { line } : {}) };
            findings.push(f);
        }
        details.metrics = { ...numbers(metrics), ...(confusion ? { confusion_matrix: confusion } : {}) };
        const reasons = Object.fromEntries(Object.entries(metrics).flatMap(([k, v]) => (v.reason ? [[k, v.reason]] : [])));
        if (Object.keys(reasons).length)
            details.metricNotes = reasons;
        details.intervals = intervals;
        details.thresholds = thresholdResults;
        details.baseline = { source: baselineSource, ...(baselineMetrics ? { metrics: baselineMetrics } : {}) };
    }
    // Plots: SVG files in the artifact, Mermaid charts and the confusion matrix as a table in the comment.
    const plotBlocks = [];
    if (data && data.kind !== 'regression') {
        let roc;
        let pr;
        let calibration;
        if (data.kind === 'binary' && data.scores) {
            const y = binaryTruth(data);
            if (y.some((v) => v === 1) && y.some((v) => v === 0)) {
                roc = rocCurve(y, data.scores);
                pr = prCurve(y, data.scores);
                plotBlocks.push({ type: 'markdown', markdown: mermaidRoc(roc, metrics.roc_auc?.value) }, { type: 'markdown', markdown: mermaidPr(pr) });
            }
            calibration = calibrationCurve(y, data.scores);
            if (calibration.probTrue.length > 1)
                plotBlocks.push({ type: 'markdown', markdown: mermaidCalibration(calibration) });
        }
        const svgs = await renderSvgPlots({
            ...(roc ? { roc, rocAuc: metrics.roc_auc?.value ?? NaN } : {}),
            ...(pr ? { pr, averagePrecision: metrics.average_precision?.value ?? NaN } : {}),
            ...(calibration && calibration.probTrue.length ? { calibration } : {}),
            ...(confusion ? { confusion } : {}),
            title: ctx.name,
        });
        await (0,promises_.mkdir)(external_node_path_default().join(ctx.reportDir, 'plots'), { recursive: true });
        for (const s of svgs)
            await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'plots', s.name), s.svg);
        details.plots = svgs.map((s) => `plots/${s.name}`);
        if (confusion)
            sections.push({ id: 'confusion', title: 'Confusion matrix (rows: true, columns: predicted)', importance: 'detail', blocks: [confusionBlock(confusion)] });
        if (plotBlocks.length)
            sections.push({ id: 'plots', title: 'Curves', importance: 'detail', blocks: [...plotBlocks, { type: 'text', text: `SVG plots in the artifact: ${svgs.map((s) => `plots/${s.name}`).join(', ')}` }] });
    }
    // Drift: reference vs current feature data, and the prediction distribution against the baseline model's.
    const driftOpts = {
        methods: driftMethodsInput(ctx.inputs.optional('drift-methods'), config),
        thresholds: config.drift.thresholds,
        columns: config.drift.columns,
        ignore: config.drift.ignore,
    };
    const driftResults = [];
    let drifted = [];
    let datasetDrifted = false;
    if (referenceFile && currentFile) {
        const exclude = [predOpts.labelColumn, predOpts.predictionColumn];
        const ref = toFeatureTable(await readTable(external_node_path_default().resolve(ctx.workspace, referenceFile), { label: referenceFile }), { exclude, ...(config.drift.kinds ? { kinds: config.drift.kinds } : {}) });
        const cur = toFeatureTable(await readTable(external_node_path_default().resolve(ctx.workspace, currentFile), { label: currentFile }), { exclude, ...(config.drift.kinds ? { kinds: config.drift.kinds } : {}) });
        datasets.push({ role: 'reference', file: referenceFile, sha256: await sha256(external_node_path_default().resolve(ctx.workspace, referenceFile)), rows: ref.rows });
        datasets.push({ role: 'current', file: currentFile, sha256: await sha256(external_node_path_default().resolve(ctx.workspace, currentFile)), rows: cur.rows });
        const d = driftColumns(ref, cur, driftOpts);
        driftResults.push(...d.columns);
        drifted = d.drifted;
        datasetDrifted = d.datasetDrifted;
        sections.push(driftSection(d.columns, d.share, d.datasetDrifted, config.drift.thresholds.datasetShare ?? DRIFT_DEFAULTS.datasetShare, d.skipped));
        details.drift = { columns: d.columns, drifted: d.drifted, share: d.share, datasetDrifted: d.datasetDrifted, skipped: d.skipped };
        for (const c of d.columns.filter((x) => x.drifted && d.drifted.includes(x.name))) {
            findings.push({
                id: `drift:${c.name}:${c.method}`,
                title: `Column ${c.name} drifted`,
                severity: 'medium',
                status: 'warn',
                message: `${c.name}: ${c.method} ${fmt(c.statistic)}${c.pValue === undefined ? '' : `, p = ${fmt(c.pValue)}`} (threshold ${fmt(c.threshold)})`,
                location: { file: currentFile },
            });
        }
    }
    if (data && baselinePredictions) {
        const tables = predictionTables(data, baselinePredictions);
        if (tables) {
            const p = driftColumns(tables[0], tables[1], { ...driftOpts, ignore: [] });
            details.predictionDrift = p.columns;
            if (p.columns.length) {
                sections.push({
                    id: 'prediction-drift',
                    title: 'Prediction drift (candidate vs baseline model)',
                    importance: 'detail',
                    blocks: [{ type: 'table', columns: ['output', 'method', 'statistic', 'p-value', 'drifted'], rows: p.columns.map((c) => ({ cells: [c.name, c.method, fmt(c.statistic), c.pValue === undefined ? '—' : fmt(c.pValue), c.drifted ? 'drifted' : 'no'], status: c.drifted ? 'warn' : 'pass' })) }],
                });
            }
        }
    }
    // Verdict: a failed threshold fails; a warned threshold or dataset drift is neutral.
    const failed = thresholdResults.filter((t) => t.status === 'fail').map((t) => t.metric);
    const warned = thresholdResults.filter((t) => t.status === 'warn').map((t) => t.metric);
    const verdict = failed.length ? 'fail' : warned.length || datasetDrifted ? 'warn' : 'pass';
    // The model card.
    const metadataFile = ctx.inputs.optional('metadata');
    let metadata;
    if (metadataFile)
        metadata = await loadModelMetadata(external_node_path_default().resolve(ctx.workspace, metadataFile));
    if (data) {
        const card = buildModelCard({
            ...(metadata ? { metadata } : {}),
            task: data.kind,
            metrics,
            intervals,
            thresholds: thresholdResults.map((t) => ({ metric: t.metric, status: t.status, formula: t.formula })),
            verdict,
            datasets,
            ci: {
                ...(ctx.run.repository ? { repository: ctx.run.repository } : {}),
                ...(ctx.run.sha ? { commit: ctx.run.sha } : {}),
                ...(ctx.run.ref ? { ref: ctx.run.ref } : {}),
                ...(ctx.run.runId ? { runId: ctx.run.runId } : {}),
                ...(ctx.run.runUrl ? { runUrl: ctx.run.runUrl } : {}),
                baseline: { source: baselineSource, ...(baselineSha ? { commit: baselineSha } : {}) },
            },
            runner: {
                ...(ctx.runner.fingerprint ? { fingerprint: ctx.runner.fingerprint } : {}),
                ...(ctx.runner.gpus ? { gpus: ctx.runner.gpus.map((g) => ({ name: g.name, ...(g.driver ? { driver: g.driver } : {}), ...(g.memoryMiB ? { memoryMiB: g.memoryMiB } : {}) })) } : {}),
                ...(ctx.runner.gpus?.[0]?.cuda ? { cuda: ctx.runner.gpus[0].cuda } : {}),
                ...(ctx.runner.cpuModel ? { cpu: ctx.runner.cpuModel } : {}),
                os: ctx.runner.os,
            },
            generatedAt: new Date().toISOString(),
        });
        await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
        let md = renderModelCardMarkdown(card);
        if (config.modelCard.huggingFace) {
            const index = huggingFaceModelIndex(card);
            await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'model-index.yml'), index);
            md = `---\n${index.trimEnd()}\n---\n\n${md}`;
        }
        await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'model-card.md'), md);
        details.modelCard = 'model-card.json';
        sections.push({
            id: 'model-card',
            title: 'Model card',
            importance: 'detail',
            collapsed: true,
            blocks: [
                {
                    type: 'table',
                    columns: ['field', 'value'],
                    rows: [
                        ['model', metadata ? `${metadata.name} ${metadata.version}` : ctx.name],
                        ['task', data.kind],
                        ['owners', metadata?.owners.map((o) => o.name).join(', ') ?? '—'],
                        ['intended use', metadata?.intendedUse ?? '—'],
                        ['limitations', metadata?.limitations.join('; ') ?? '—'],
                        ['evaluation data', datasets.map((d) => `${d.role}: ${d.file} (${d.rows} rows, sha256 ${d.sha256.slice(0, 12)})`).join('; ')],
                        ['baseline', baselineSource],
                    ].map((cells) => ({ cells })),
                },
                { type: 'text', text: 'Full card: model-card.json and model-card.md in the artifact.' },
            ],
        });
    }
    // Save the baseline on pushes to the default branch, or when asked.
    if (data && failed.length === 0 && (ctx.inputs.boolean('update-baseline', false) || (0,context/* isDefaultBranchPush */.i$)(ctx.run))) {
        details.baselineSaved = await (0,gate/* saveRunBaseline */.W)(ctx, { task: data.kind, metrics: numbers(metrics) });
    }
    outputs['failed-metrics'] = failed.join(',');
    outputs['drifted-columns'] = drifted.join(',');
    const parts = [];
    if (data) {
        const shown = HEADLINE[data.kind].filter((k) => metrics[k] && Number.isFinite(metrics[k].value)).slice(0, 3);
        parts.push(shown.map((k) => `${k} ${fmt(metrics[k]?.value)}`).join(', '));
        parts.push(failed.length ? `failed: ${failed.join(', ')}` : warned.length ? `warned: ${warned.join(', ')}` : `${thresholdResults.length} thresholds met`);
    }
    if (referenceFile)
        parts.push(drifted.length ? `drifted: ${drifted.join(', ')}${datasetDrifted ? ' (dataset drift)' : ''}` : 'no drift');
    return {
        ...(0,gate/* reportShell */.$)(ctx),
        verdict,
        summary: parts.filter(Boolean).join('; '),
        findings,
        details,
        sections,
        outputs,
    };
}
const model_validate_gate = { gate: 'model-validate', run: runModelValidate };


/***/ })

};
