export const id = 345;
export const ids = [345];
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

/***/ 69544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ decodeThrottleReasons),
/* harmony export */   jU: () => (/* binding */ GpuSampler)
/* harmony export */ });
/* unused harmony exports GPU_QUERY_FIELDS, THROTTLE_REASONS, parseGpuLine */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Fields asked of nvidia-smi, in this order; every output line carries them for one GPU. */
const GPU_QUERY_FIELDS = [
    'timestamp',
    'index',
    'name',
    'utilization.gpu',
    'memory.used',
    'memory.total',
    'power.draw',
    'temperature.gpu',
    'clocks.sm',
    'clocks_throttle_reasons.active',
    'ecc.errors.uncorrected.volatile.total',
];
/** NVML clock throttle (clock event) reason bits, named as nvidia-smi's `clocks_throttle_reasons.*` fields. */
const THROTTLE_REASONS = [
    [0x1n, 'gpu_idle'],
    [0x2n, 'applications_clocks_setting'],
    [0x4n, 'sw_power_cap'],
    [0x8n, 'hw_slowdown'],
    [0x10n, 'sync_boost'],
    [0x20n, 'sw_thermal_slowdown'],
    [0x40n, 'hw_thermal_slowdown'],
    [0x80n, 'hw_power_brake_slowdown'],
    [0x100n, 'display_clock_setting'],
];
/** Names of the set bits of a `0x…` throttle mask; unknown bits as `bit_0x…`. Null when the field holds no mask. */
function decodeThrottleReasons(mask) {
    // A run sees a handful of distinct masks, each on many lines.
    const known = decoded.get(mask);
    if (known !== undefined)
        return known && [...known];
    const names = decodeMask(mask);
    if (decoded.size >= DECODED_KEEP)
        decoded.clear();
    decoded.set(mask, names && [...names]);
    return names;
}
const DECODED_KEEP = 64;
const decoded = new Map();
function decodeMask(mask) {
    if (!/^0x[0-9a-f]+$/i.test(mask))
        return null;
    let rest = BigInt(mask);
    const names = [];
    for (const [bit, name] of THROTTLE_REASONS) {
        if (rest & bit)
            names.push(name);
        rest &= ~bit;
    }
    for (let bit = 1n; rest; bit <<= 1n) {
        if (rest & bit)
            names.push(`bit_0x${bit.toString(16)}`);
        rest &= ~bit;
    }
    return names;
}
/** A number, or null for "[N/A]", "[Not Supported]", "[Unknown Error]" and anything else that is not one. */
function num(field) {
    if (field === undefined || field === '' || field.startsWith('['))
        return null;
    const n = Number(field);
    return Number.isFinite(n) ? n : null;
}
const TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
/** The last whole second converted from local time: the lines of one reading, and readings within a second, share it. */
let lastSecond = '';
let lastSecondAt = NaN;
/** nvidia-smi prints local time as `YYYY/MM/DD HH:MM:SS.mmm`. */
function parseTimestamp(field) {
    const m = field === undefined ? null : TIMESTAMP.exec(field);
    if (!m)
        return null;
    const second = m.input.slice(0, 19);
    if (second !== lastSecond) {
        const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
        lastSecondAt = new Date(y, mo - 1, d, h, mi, s).getTime();
        lastSecond = second;
    }
    const t = lastSecondAt + Number((m[7] ?? '0').padEnd(3, '0'));
    return Number.isFinite(t) ? t : null;
}
/** One `--format=csv,noheader,nounits` line of GPU_QUERY_FIELDS; null when it is not such a line. */
function parseGpuLine(line, arrivedAt = Date.now()) {
    // GPU names hold no commas; nvidia-smi separates fields with ", ".
    const f = line.split(',').map((s) => s.trim());
    if (f.length !== GPU_QUERY_FIELDS.length)
        return null;
    const index = num(f[1]);
    if (index === null || !Number.isInteger(index))
        return null;
    return {
        time: parseTimestamp(f[0]) ?? arrivedAt,
        index,
        name: f[2] ?? '',
        utilization: num(f[3]),
        memoryUsedMiB: num(f[4]),
        memoryTotalMiB: num(f[5]),
        powerW: num(f[6]),
        temperatureC: num(f[7]),
        smClockMHz: num(f[8]),
        throttleReasons: decodeThrottleReasons(f[9] ?? ''),
        eccErrors: num(f[10]),
    };
}
const STDERR_KEEP = 2000;
/** The first `chars` characters of a UTF-8 file; empty where it cannot be read. */
function headOf(file, chars) {
    let fd = null;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
        const buf = Buffer.allocUnsafe(chars * 4);
        return buf.toString('utf8', 0, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, buf.length, 0)).slice(0, chars);
    }
    catch {
        return '';
    }
    finally {
        if (fd !== null)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
const KILL_GRACE_MS = 2000;
/**
 * Per-GPU readings from ONE long-lived `nvidia-smi --query-gpu=… -lms N` process. Its stdout is a temporary file
 * that `poll()` reads on from where it left off: a pipe would wake this process for every reading, which costs more
 * than the reading; stdout buffering is the same for a file as for a pipe, so readings arrive as promptly.
 * No nvidia-smi, no driver or no GPU is an unavailable result with the reason, never an error; nvidia-smi exiting
 * mid-run is recorded.
 */
class GpuSampler {
    child = null;
    gpus = new Map();
    exited = Promise.resolve();
    command;
    dir = null;
    fd = null;
    offset = 0;
    buf = Buffer.allocUnsafe(64 * 1024);
    stderr = '';
    output = '';
    startError = null;
    spawnError = null;
    exit = null;
    stopping = false;
    result = null;
    constructor(opts) {
        this.command = opts.nvidiaSmi ?? 'nvidia-smi';
        const ms = Math.max(1, Math.round(opts.intervalMs));
        const args = [`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(ms)];
        let out;
        let err;
        try {
            this.dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'shipgate-gpu-'));
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.dir, 'query.csv');
            out = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'w');
            this.fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
            // A file rather than a pipe: no stream to set up and tear down, and nothing read until it is needed.
            err = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.dir, 'stderr.txt'), 'w');
        }
        catch (e) {
            this.startError = `no file for nvidia-smi's output: ${e.message}`;
            return;
        }
        try {
            this.child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.command, args, { stdio: ['ignore', out, err] });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(out);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(err);
        }
        const child = this.child;
        this.exited = new Promise((resolve) => {
            child.once('error', (e) => {
                this.spawnError = e;
                resolve();
            });
            child.once('close', (code, signal) => {
                this.exit = { at: Date.now(), code, signal };
                resolve();
            });
        });
    }
    /** PID of the nvidia-smi process, when it started. */
    get pid() {
        return this.child?.pid;
    }
    /** Reads the lines nvidia-smi has written since the last call; returns how many GPU readings they held. */
    poll() {
        if (this.fd === null)
            return 0;
        let added = 0;
        for (;;) {
            let got;
            try {
                got = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(this.fd, this.buf, 0, this.buf.length, this.offset);
            }
            catch {
                return added;
            }
            const end = got > 0 ? this.buf.lastIndexOf(0x0a, got - 1) : -1;
            if (end < 0) {
                if (got === this.buf.length)
                    this.buf = Buffer.allocUnsafe(this.buf.length * 2);
                else
                    return added;
                continue;
            }
            this.offset += end + 1;
            added += this.take(this.buf.toString('utf8', 0, end));
            if (got < this.buf.length)
                return added;
        }
    }
    take(text) {
        const now = Date.now();
        let added = 0;
        for (const line of text.split('\n')) {
            if (line.trim() === '')
                continue;
            const row = parseGpuLine(line, now);
            if (!row) {
                if (this.output.length < STDERR_KEEP)
                    this.output += `${line.trim()}\n`;
                continue;
            }
            let gpu = this.gpus.get(row.index);
            if (!gpu) {
                gpu = { index: row.index, name: row.name, memoryTotalMiB: row.memoryTotalMiB, series: [] };
                this.gpus.set(row.index, gpu);
            }
            gpu.series.push(row);
            added++;
        }
        return added;
    }
    unavailableReason() {
        if (this.startError)
            return this.startError;
        if (this.spawnError?.code === 'ENOENT')
            return `no nvidia-smi on this runner (${this.command} not found)`;
        if (this.spawnError)
            return `nvidia-smi could not start: ${this.spawnError.message}`;
        const said = (this.stderr.trim() || this.output.trim()).split('\n')[0]?.slice(0, 300);
        const how = this.exit?.signal ? `signal ${this.exit.signal}` : `exit ${this.exit?.code ?? '?'}`;
        return `nvidia-smi reported no GPU (${how})${said ? `: ${said}` : ''}`;
    }
    /** Stops nvidia-smi (SIGTERM, then SIGKILL) and returns what was read; idempotent. */
    stop() {
        return (this.result ??= this.finish());
    }
    async finish() {
        if (this.child && !this.exit && !this.spawnError) {
            this.stopping = true;
            this.child.kill('SIGTERM');
            const timer = setTimeout(() => this.child?.kill('SIGKILL'), KILL_GRACE_MS);
            await this.exited;
            clearTimeout(timer);
        }
        else {
            await this.exited;
        }
        this.poll();
        if (this.fd !== null)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(this.fd);
        this.fd = null;
        if (this.dir) {
            this.stderr = headOf(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.dir, 'stderr.txt'), STDERR_KEEP);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.dir, { recursive: true, force: true });
        }
        const gpus = [...this.gpus.values()].sort((a, b) => a.index - b.index);
        if (gpus.length === 0) {
            if (this.stopping && !this.spawnError && !this.output && !this.stderr)
                return { available: false, reason: 'nvidia-smi printed no GPU reading before telemetry stopped', gpus };
            return { available: false, reason: this.unavailableReason(), gpus };
        }
        if (this.exit && !this.stopping) {
            const { at, code, signal } = this.exit;
            const how = signal ? `signal ${signal}` : `exit ${code}`;
            const said = this.stderr.trim().split('\n')[0]?.slice(0, 300);
            return {
                available: true,
                reason: `nvidia-smi stopped during the run (${how}) at ${new Date(at).toISOString()}${said ? `: ${said}` : ''}`,
                exitedEarly: { at, code, signal, stderr: this.stderr.trim() },
                gpus,
            };
        }
        return { available: true, gpus };
    }
}


/***/ }),

/***/ 74345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gate: () => (/* binding */ perf_gate_gate),
  runPerfGate: () => (/* binding */ runPerfGate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/baseline/history.ts
var baseline_history = __webpack_require__(78891);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/exec.ts
var exec = __webpack_require__(72642);
// EXTERNAL MODULE: ./src/core/gate.ts
var gate = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/stats/descriptive.ts
var descriptive = __webpack_require__(94021);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/core/telemetry/gpu-sampler.ts
var gpu_sampler = __webpack_require__(69544);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/core/telemetry/host-sampler.ts


const DEFAULT_SLOW_COUNTERS_MS = 1000;
const SECTOR_BYTES = 512;
const KIB_PER_MIB = 1024;
const COMPLETE_BELOW = 2048;
/** A /proc file kept open and re-read from offset 0 into a reused buffer: no open/close per sample. */
class ProcFile {
    fd;
    enough;
    buf = Buffer.allocUnsafe(16 * 1024);
    constructor(fd, enough) {
        this.fd = fd;
        this.enough = enough;
    }
    /** `enough`: text after which the rest of the file is not needed (it saves a read of a long file). */
    static open(file, enough) {
        try {
            return new ProcFile((0,external_node_fs_.openSync)(file, 'r'), enough === undefined ? undefined : Buffer.from(enough, 'latin1'));
        }
        catch {
            return null;
        }
    }
    /** The buffer that the last `load()` filled. */
    get bytes() {
        return this.buf;
    }
    complete(n, got) {
        // procfs (seq_file) cuts a read short only once its page-sized buffer is full, so a short read well under a
        // page is the whole file; this saves the read that would return 0.
        if (got === 0 || n === this.buf.length || n < COMPLETE_BELOW)
            return true;
        if (this.enough === undefined)
            return false;
        // The buffer is reused: a match past `n` is left over from an earlier read.
        const at = this.buf.indexOf(this.enough);
        return at >= 0 && at + this.enough.length <= n;
    }
    /** Reads the file into `bytes`; the number of bytes read, or -1 where it could not be read. */
    load() {
        try {
            for (;;) {
                let n = 0;
                for (;;) {
                    const got = (0,external_node_fs_.readSync)(this.fd, this.buf, n, this.buf.length - n, n);
                    n += got;
                    if (this.complete(n, got))
                        break;
                }
                if (n < this.buf.length)
                    return n;
                this.buf = Buffer.allocUnsafe(this.buf.length * 2);
            }
        }
        catch {
            return -1;
        }
    }
    read() {
        const n = this.load();
        return n < 0 ? null : this.buf.toString('latin1', 0, n);
    }
    close() {
        try {
            (0,external_node_fs_.closeSync)(this.fd);
        }
        catch {
            // already closed
        }
    }
}
const NL = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/**
 * Byte-level reading of procfs text, so that the every-sample files need no string of the whole file. `pos` is the
 * cursor that `uint()` moves past the number it reads.
 */
class ByteCursor {
    buf;
    end;
    pos = 0;
    constructor(buf, end) {
        this.buf = buf;
        this.end = end;
    }
    /** The next unsigned integer on this line (skipping blanks and a colon); NaN at the end of the line. */
    uint() {
        const { buf, end } = this;
        let i = this.pos;
        while (i < end && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x3a))
            i++;
        let v = 0;
        const from = i;
        for (let c = buf[i] ?? 0; i < end && c >= DIGIT_0 && c <= DIGIT_9; c = buf[++i] ?? 0)
            v = v * 10 + (c - DIGIT_0);
        this.pos = i;
        return i === from ? NaN : v;
    }
    /** Moves to the start of the next line; false at the end. */
    nextLine() {
        const nl = this.buf.indexOf(NL, this.pos);
        this.pos = nl < 0 || nl >= this.end ? this.end : nl + 1;
        return this.pos < this.end;
    }
}
/** `cpu` (0x63 0x70 0x75) at the cursor. */
function atCpuLine(c) {
    const { buf, pos } = c;
    return pos + 3 <= c.end && buf[pos] === 0x63 && buf[pos + 1] === 0x70 && buf[pos + 2] === 0x75;
}
/** The eight time fields (user nice system idle iowait irq softirq steal) of the `cpu…` line at the cursor. */
function cpuTimesAt(c) {
    c.pos += 3;
    while (c.pos < c.end && (c.buf[c.pos] ?? 0) >= DIGIT_0 && (c.buf[c.pos] ?? 0) <= DIGIT_9)
        c.pos++;
    let total = 0;
    let idle = 0;
    for (let i = 0; i < 8; i++) {
        const v = c.uint();
        if (Number.isNaN(v))
            break;
        total += v;
        if (i === 3 || i === 4)
            idle += v;
    }
    return { busy: total - idle, total };
}
/** `parseStat` on the bytes of /proc/stat. */
function parseStatBytes(buf, end, perCore) {
    const c = new ByteCursor(buf, end);
    let cpu = null;
    const cores = [];
    while (c.pos < end && atCpuLine(c)) {
        const aggregate = buf[c.pos + 3] === 0x20;
        if (aggregate)
            cpu = cpuTimesAt(c);
        else if (perCore)
            cores.push(cpuTimesAt(c));
        if ((aggregate && !perCore) || !c.nextLine())
            break;
    }
    return { cpu, cores };
}
/** `valueOf` on bytes: the number after `key` at the start of a line, within the first `end` bytes. */
function valueOfBytes(buf, end, key) {
    for (let at = buf.indexOf(key); at >= 0 && at + key.length < end; at = buf.indexOf(key, at + 1)) {
        const sep = buf[at + key.length];
        if ((at > 0 && buf[at - 1] !== NL) || (sep !== 0x20 && sep !== 0x09 && sep !== 0x3a))
            continue;
        const c = new ByteCursor(buf, end);
        c.pos = at + key.length;
        const v = c.uint();
        return Number.isNaN(v) ? null : v;
    }
    return null;
}
function cpuTimes(fields) {
    // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
    const v = fields.slice(0, 8).map(Number);
    const total = v.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
}
/** The aggregate `cpu` line of /proc/stat, and the per-core lines when asked for. */
function parseStat(text, perCore) {
    const lines = perCore ? text.split('\n') : [text.slice(0, text.indexOf('\n') >>> 0)];
    let cpu = null;
    const cores = [];
    for (const line of lines) {
        if (!line.startsWith('cpu'))
            continue;
        const [label = '', ...fields] = line.trim().split(/\s+/);
        if (label === 'cpu')
            cpu = cpuTimes(fields);
        else
            cores.push(cpuTimes(fields));
    }
    return { cpu, cores };
}
/** The number after `key` at the start of a line (`/proc/meminfo`, `/proc/vmstat`), without splitting the file. */
function host_sampler_valueOf(text, key) {
    const nl = text.startsWith(key) ? -1 : text.indexOf(`\n${key}`);
    if (nl < 0 && !text.startsWith(key))
        return null;
    const at = nl + 1;
    const m = /^[:\s]+(\d+)/.exec(text.slice(at + key.length, at + key.length + 40));
    return m?.[1] ? Number(m[1]) : null;
}
const PARTITION = /^(?:(?:sd|hd|vd|xvd)[a-z]+\d+|(?:nvme\d+n\d+|mmcblk\d+)p\d+)$/;
const VIRTUAL = /^(?:loop|ram|zram|dm-|md|nbd|sr)\d*/;
/** Whole physical disks: /sys/block entries that do not resolve under devices/virtual; a name pattern without sysfs. */
function wholeDiskFilter(sysRoot) {
    try {
        const blockDir = external_node_path_default().join(sysRoot, 'block');
        const names = new Set((0,external_node_fs_.readdirSync)(blockDir).filter((n) => !(0,external_node_fs_.realpathSync)(external_node_path_default().join(blockDir, n)).includes(`${(external_node_path_default()).sep}devices${(external_node_path_default()).sep}virtual${(external_node_path_default()).sep}`)));
        return (name) => names.has(name);
    }
    catch {
        return (name) => !PARTITION.test(name) && !VIRTUAL.test(name);
    }
}
function parseDiskstats(text, isWholeDisk) {
    const out = new Map();
    for (const line of text.split('\n')) {
        const f = line.trim().split(/\s+/);
        const name = f[2];
        if (!name || f.length < 10 || !isWholeDisk(name))
            continue;
        out.set(name, [Number(f[5]) * SECTOR_BYTES, Number(f[9]) * SECTOR_BYTES]);
    }
    return out;
}
function parseNetDev(text) {
    const out = new Map();
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const name = line.slice(0, colon).trim();
        if (name === 'lo' || name.includes('|'))
            continue;
        const f = line.slice(colon + 1).trim().split(/\s+/);
        if (f.length < 9)
            continue;
        out.set(name, [Number(f[0]), Number(f[8])]);
    }
    return out;
}
/** Sum of per-device increases for devices seen both times; a vanished or reset device does not go negative. */
function sumDeltas(prev, cur) {
    let a = 0;
    let b = 0;
    for (const [name, [x, y]] of cur) {
        const p = prev.get(name);
        if (!p)
            continue;
        a += Math.max(0, x - p[0]);
        b += Math.max(0, y - p[1]);
    }
    return [a, b];
}
function busyShare(prev, cur) {
    const total = cur.total - prev.total;
    if (total <= 0)
        return null;
    return Math.min(100, Math.max(0, ((cur.busy - prev.busy) / total) * 100));
}
function rate(prev, cur, seconds) {
    if (prev === null || cur === null || seconds <= 0)
        return null;
    return Math.max(0, cur - prev) / seconds;
}
const MEM_TOTAL = Buffer.from('MemTotal');
const MEM_AVAILABLE = Buffer.from('MemAvailable');
function parseLoad(text) {
    const f = text?.trim().split(/\s+/) ?? [];
    const n = (i) => (f[i] === undefined ? null : Number(f[i]));
    return [n(0), n(1), n(2)];
}
/**
 * Reads host counters from procfs without starting a process. Each `sample()` returns the readings since the
 * previous call (the constructor takes the first reading). Where procfs is absent, `available` is false with a reason.
 * CPU and memory are read on every sample; the slowly changing rest at most every `slowCountersMs`.
 */
class HostSampler {
    opts;
    available;
    reason;
    files;
    isWholeDisk;
    slowMs;
    prev = null;
    prevSlow = null;
    /** The slow values of the last sample that read them. */
    slow = null;
    constructor(opts = {}) {
        this.opts = opts;
        const proc = opts.procRoot ?? '/proc';
        this.slowMs = Math.max(0, opts.slowCountersMs ?? DEFAULT_SLOW_COUNTERS_MS);
        this.files = {
            stat: ProcFile.open(external_node_path_default().join(proc, 'stat'), opts.perCore ? '\nintr ' : '\n'),
            meminfo: ProcFile.open(external_node_path_default().join(proc, 'meminfo'), '\nMemAvailable:'),
            vmstat: ProcFile.open(external_node_path_default().join(proc, 'vmstat'), '\npswpout '),
            diskstats: ProcFile.open(external_node_path_default().join(proc, 'diskstats')),
            netdev: ProcFile.open(external_node_path_default().join(proc, 'net', 'dev')),
            loadavg: ProcFile.open(external_node_path_default().join(proc, 'loadavg')),
        };
        this.isWholeDisk = wholeDiskFilter(opts.sysRoot ?? '/sys');
        const missing = Object.entries(this.files).filter(([, f]) => f === null).map(([k]) => k);
        this.available = missing.length < Object.keys(this.files).length;
        if (!this.available)
            this.reason = `${proc} is not readable on this runner (${process.platform}); no host telemetry`;
        else if (missing.length)
            this.reason = `not readable under ${proc}: ${missing.join(', ')}`;
        if (this.available) {
            const time = Date.now();
            this.prev = this.cpuCounters(time);
            this.prevSlow = this.slowCounters(time);
        }
    }
    cpuCounters(time) {
        const f = this.files.stat;
        const n = f ? f.load() : -1;
        const parsed = f && n >= 0 ? parseStatBytes(f.bytes, n, this.opts.perCore === true) : { cpu: null, cores: [] };
        return { time, cpu: parsed.cpu, cores: parsed.cores };
    }
    slowCounters(time) {
        const vm = this.files.vmstat?.read();
        const disks = this.files.diskstats?.read();
        const nets = this.files.netdev?.read();
        return {
            time,
            swapIn: vm ? host_sampler_valueOf(vm, 'pswpin') : null,
            swapOut: vm ? host_sampler_valueOf(vm, 'pswpout') : null,
            disks: disks ? parseDiskstats(disks, this.isWholeDisk) : null,
            nets: nets ? parseNetDev(nets) : null,
        };
    }
    /** Reads the slow counters when due (always on the first sample) and returns their values for a row at `time`. */
    slowValues(time, sinceLastSample) {
        const prev = this.prevSlow;
        // Half a sample period of slack, so that a tick a little early does not push the read a whole period on.
        if (this.slow && time - this.slow.time < this.slowMs - sinceLastSample / 2)
            return this.slow;
        const cur = this.slowCounters(time);
        this.prevSlow = cur;
        if (!prev)
            return null;
        const seconds = (cur.time - prev.time) / 1000;
        const disk = prev.disks && cur.disks && seconds > 0 ? sumDeltas(prev.disks, cur.disks) : null;
        const net = prev.nets && cur.nets && seconds > 0 ? sumDeltas(prev.nets, cur.nets) : null;
        const [load1, load5, load15] = parseLoad(this.files.loadavg?.read());
        this.slow = {
            time,
            swapInPerSec: rate(prev.swapIn, cur.swapIn, seconds),
            swapOutPerSec: rate(prev.swapOut, cur.swapOut, seconds),
            diskReadBytesPerSec: disk ? disk[0] / seconds : null,
            diskWriteBytesPerSec: disk ? disk[1] / seconds : null,
            netRxBytesPerSec: net ? net[0] / seconds : null,
            netTxBytesPerSec: net ? net[1] / seconds : null,
            load1,
            load5,
            load15,
        };
        return this.slow;
    }
    /** The readings since the previous call; null when no host telemetry is available. */
    sample(time = Date.now()) {
        const prev = this.prev;
        if (!this.available || !prev)
            return null;
        const cur = this.cpuCounters(time);
        this.prev = cur;
        const mem = this.files.meminfo;
        const n = mem ? mem.load() : -1;
        const total = mem && n >= 0 ? valueOfBytes(mem.bytes, n, MEM_TOTAL) : null;
        const avail = mem && n >= 0 ? valueOfBytes(mem.bytes, n, MEM_AVAILABLE) : null;
        const slow = this.slowValues(time, time - prev.time);
        const row = {
            time,
            cpuUtilization: prev.cpu && cur.cpu ? busyShare(prev.cpu, cur.cpu) : null,
            memoryUsedMiB: total !== null && avail !== null ? (total - avail) / KIB_PER_MIB : null,
            memoryAvailableMiB: avail !== null ? avail / KIB_PER_MIB : null,
            swapInPerSec: slow?.swapInPerSec ?? null,
            swapOutPerSec: slow?.swapOutPerSec ?? null,
            diskReadBytesPerSec: slow?.diskReadBytesPerSec ?? null,
            diskWriteBytesPerSec: slow?.diskWriteBytesPerSec ?? null,
            netRxBytesPerSec: slow?.netRxBytesPerSec ?? null,
            netTxBytesPerSec: slow?.netTxBytesPerSec ?? null,
            load1: slow?.load1 ?? null,
            load5: slow?.load5 ?? null,
            load15: slow?.load15 ?? null,
        };
        if (slow && slow.time !== time)
            row.carriedFrom = slow.time;
        if (this.opts.perCore)
            row.cpuCores = cur.cores.map((c, i) => (prev.cores[i] ? (busyShare(prev.cores[i], c) ?? 0) : 0));
        return row;
    }
    close() {
        for (const f of Object.values(this.files))
            f?.close();
    }
}

;// CONCATENATED MODULE: ./src/core/telemetry/sampler.ts



const freshSlow = (r) => r.carriedFrom === undefined;
const HOST_COLUMNS = [
    { metric: 'cpu.utilization', unit: '%', value: (r) => r.cpuUtilization },
    { metric: 'memory.used', unit: 'MiB', value: (r) => r.memoryUsedMiB },
    { metric: 'memory.available', unit: 'MiB', value: (r) => r.memoryAvailableMiB },
    { metric: 'swap.in', unit: 'pages/s', value: (r) => r.swapInPerSec, readIn: freshSlow },
    { metric: 'swap.out', unit: 'pages/s', value: (r) => r.swapOutPerSec, readIn: freshSlow },
    { metric: 'disk.read', unit: 'B/s', value: (r) => r.diskReadBytesPerSec, readIn: freshSlow },
    { metric: 'disk.write', unit: 'B/s', value: (r) => r.diskWriteBytesPerSec, readIn: freshSlow },
    { metric: 'net.rx', unit: 'B/s', value: (r) => r.netRxBytesPerSec, readIn: freshSlow },
    { metric: 'net.tx', unit: 'B/s', value: (r) => r.netTxBytesPerSec, readIn: freshSlow },
    { metric: 'load.1', unit: 'load', value: (r) => r.load1, readIn: freshSlow },
    { metric: 'load.5', unit: 'load', value: (r) => r.load5, readIn: freshSlow },
    { metric: 'load.15', unit: 'load', value: (r) => r.load15, readIn: freshSlow },
];
/** How old the carried values of a row are (0 where read for it); a CSV column only where values are carried. */
const SLOW_AGE_COLUMN = {
    metric: 'slow_counters.age',
    unit: 'ms',
    value: (r) => (r.carriedFrom === undefined ? 0 : r.time - r.carriedFrom),
};
/** nvidia-smi's lines carry their own timestamps, so reading them in batches loses nothing; this is how often. */
const GPU_POLL_MS = 1000;
/** How far off the tick grid the repeating timer may drift before it is re-aimed. */
const MAX_DRIFT_MS = 5;
function gpuColumns(gpu) {
    const p = `gpu${gpu.index}.`;
    // The ECC counter runs since the driver loaded; what matters is how many errors appeared during the run.
    const eccBase = gpu.series.find((r) => r.eccErrors !== null)?.eccErrors ?? null;
    return [
        { metric: `${p}utilization`, unit: '%', value: (r) => r.utilization },
        { metric: `${p}memory.used`, unit: 'MiB', value: (r) => r.memoryUsedMiB },
        { metric: `${p}power`, unit: 'W', value: (r) => r.powerW },
        { metric: `${p}temperature`, unit: '°C', value: (r) => r.temperatureC },
        { metric: `${p}clocks.sm`, unit: 'MHz', value: (r) => r.smClockMHz },
        {
            metric: `${p}throttled`,
            unit: '%',
            value: (r) => (r.throttleReasons === null ? null : r.throttleReasons.some((n) => n !== 'gpu_idle') ? 100 : 0),
        },
        { metric: `${p}ecc.errors`, unit: 'errors', value: (r) => (r.eccErrors === null || eccBase === null ? null : r.eccErrors - eccBase) },
    ];
}
/** Mean, 95th percentile (linear interpolation between closest ranks) and maximum; null for no values. */
function summarize(values) {
    const v = values.filter(Number.isFinite).sort((a, b) => a - b);
    if (v.length === 0)
        return null;
    const pos = 0.95 * (v.length - 1);
    const lo = Math.floor(pos);
    const a = v[lo] ?? 0;
    const b = v[Math.min(lo + 1, v.length - 1)] ?? a;
    return { mean: v.reduce((s, x) => s + x, 0) / v.length, p95: a + (b - a) * (pos - lo), max: v[v.length - 1] ?? 0 };
}
function summaryOf(columns, rows) {
    const out = [];
    for (const c of columns) {
        const read = c.readIn ? rows.filter(c.readIn) : rows;
        const values = read.map(c.value).filter((x) => x !== null);
        const s = summarize(values);
        if (s)
            out.push({ metric: c.metric, unit: c.unit, ...s, samples: values.length });
    }
    return out;
}
/**
 * Samples host counters, and collects what the one long-lived nvidia-smi wrote, on a timer kept to absolute ticks
 * (start + k × interval, within a few ms, so lateness never accumulates). The timer is unref'd: telemetry never keeps
 * the process alive.
 * Below one second per tick, what changes slowly or arrives timestamped is read about once a second: swap, disk,
 * network and load are carried forward in the rows in between (marked), nvidia-smi's lines are collected in batches.
 */
function startTelemetry(opts) {
    const intervalMs = Math.max(1, opts.intervalMs);
    const startedAt = Date.now();
    const t0 = external_node_perf_hooks_.performance.now();
    const slowCountersMs = Math.max(0, opts.slowCountersMs ?? DEFAULT_SLOW_COUNTERS_MS);
    const host = new HostSampler({ perCore: opts.perCore, procRoot: opts.procRoot, sysRoot: opts.sysRoot, slowCountersMs });
    const gpu = opts.nvidiaSmi === false ? null : new gpu_sampler/* GpuSampler */.jU({ intervalMs, nvidiaSmi: opts.nvidiaSmi });
    const rows = [];
    let lastSampleAt = t0;
    let lastGpuPoll = t0;
    let timer;
    let result;
    // A repeating timer costs less per tick than a new one-shot timer each tick; it drifts later by a fraction of a
    // millisecond per tick, so once off the grid by more than `driftMs` it is re-aimed.
    const driftMs = Math.min(MAX_DRIFT_MS, intervalMs / 20);
    const aim = () => {
        clearTimeout(timer);
        const now = external_node_perf_hooks_.performance.now();
        // The next grid point after the one nearest to now: a late tick takes its nearest slot and the following one
        // keeps at least half an interval away, so every row maps to its own tick.
        const next = t0 + (Math.round((now - t0) / intervalMs) + 1) * intervalMs;
        timer = setTimeout(() => {
            timer = setInterval(tick, intervalMs);
            timer.unref();
            tick();
        }, next - now);
        timer.unref();
    };
    const take = (now) => {
        const row = host.sample();
        lastSampleAt = now;
        if (row)
            rows.push(row);
    };
    const tick = () => {
        const now = external_node_perf_hooks_.performance.now();
        if (host.available)
            take(now);
        if (gpu && now - lastGpuPoll >= GPU_POLL_MS - intervalMs / 2) {
            gpu.poll();
            lastGpuPoll = now;
        }
        const off = now - t0 - Math.round((now - t0) / intervalMs) * intervalMs;
        if (Math.abs(off) > driftMs)
            aim();
    };
    if (host.available || gpu)
        aim();
    const finish = async () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        // The last partial interval is kept when it maps to a tick of its own, or when there is no row at all and it is
        // long enough for the CPU counters (10 ms ticks) to mean something.
        const now = external_node_perf_hooks_.performance.now();
        const ownTick = Math.round((now - t0) / intervalMs) > Math.round((lastSampleAt - t0) / intervalMs);
        if (host.available && (ownTick || (rows.length === 0 && now - lastSampleAt >= 50)))
            take(now);
        host.close();
        const g = gpu ? await gpu.stop() : { available: false, reason: 'GPU telemetry turned off', gpus: [] };
        const { gpus, ...gpuStatus } = g;
        return {
            startedAt: new Date(startedAt).toISOString(),
            endedAt: new Date().toISOString(),
            intervalMs,
            host: {
                available: host.available,
                ...(host.reason ? { reason: host.reason } : {}),
                ...(host.available && slowCountersMs > intervalMs ? { slowCountersMs } : {}),
                series: rows,
            },
            gpus,
            gpu: gpuStatus,
            summary: [...summaryOf(HOST_COLUMNS, rows), ...gpus.flatMap((s) => summaryOf(gpuColumns(s), s.series))],
        };
    };
    const stop = () => (result ??= finish());
    const onAbort = () => void stop();
    if (opts.signal?.aborted)
        void stop();
    else
        opts.signal?.addEventListener('abort', onAbort, { once: true });
    return { stop };
}
function cell(v) {
    if (v === null || v === undefined)
        return '';
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
/**
 * The time series as CSV for the artifact: one row per sampling tick (start + k × interval), host and every GPU
 * side by side; a GPU reading goes to the nearest tick. Empty cells where nothing was read. Where swap, disk, network
 * and load were read less often than every tick, `slow_counters.age [ms]` says how old they are on each row.
 */
function toCsv(result) {
    const start = Date.parse(result.startedAt);
    const slot = (t) => Math.round((t - start) / result.intervalMs);
    const hostBySlot = new Map();
    for (const r of result.host.series)
        hostBySlot.set(slot(r.time), r);
    const gpuBySlot = result.gpus.map((g) => {
        const m = new Map();
        for (const r of g.series)
            m.set(slot(r.time), r);
        return m;
    });
    const slots = [...new Set([...hostBySlot.keys(), ...gpuBySlot.flatMap((m) => [...m.keys()])])].sort((a, b) => a - b);
    const cores = Math.max(0, ...result.host.series.map((r) => r.cpuCores?.length ?? 0));
    const hostCols = !result.host.series.length ? [] : result.host.slowCountersMs ? [...HOST_COLUMNS, SLOW_AGE_COLUMN] : HOST_COLUMNS;
    const gpuCols = result.gpus.map(gpuColumns);
    const header = ['time', 'elapsed [s]', ...hostCols.map((c) => `${c.metric} [${c.unit}]`)];
    for (let i = 0; i < cores; i++)
        header.push(`cpu${i}.utilization [%]`);
    result.gpus.forEach((g, gi) => {
        header.push(...(gpuCols[gi] ?? []).map((c) => `${c.metric} [${c.unit}]`), `gpu${g.index}.throttle_reasons`);
    });
    const lines = [header.map(cell).join(',')];
    for (const k of slots) {
        const t = start + k * result.intervalMs;
        const h = hostBySlot.get(k);
        const row = [new Date(t).toISOString(), (t - start) / 1000];
        for (const c of hostCols)
            row.push(h ? c.value(h) : null);
        for (let i = 0; i < cores; i++)
            row.push(h?.cpuCores?.[i]);
        gpuBySlot.forEach((m, gi) => {
            const r = m.get(k);
            for (const c of gpuCols[gi] ?? [])
                row.push(r ? c.value(r) : null);
            row.push(r?.throttleReasons?.join('|'));
        });
        lines.push(row.map(cell).join(','));
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/gates/perf-gate/ab.ts





async function git(ctx, args, cwd = ctx.workspace) {
    const r = await (0,exec/* execCommand */.NK)({ argv: ['git', ...args] }, { cwd, capture: true, stream: false, signal: ctx.signal, timeoutMs: 120_000 });
    if (r.failed)
        throw new errors/* ConfigurationError */.j1(`git ${args.join(' ')} failed in ${external_node_path_default().relative(ctx.workspace, cwd) || '.'}: ${r.error ?? r.tail.slice(-3).join(' ')}`, { field: 'inputs.ab-base-ref' });
    return (r.stdout ?? '').trim();
}
/** The commit to compare against: `merge-base` is the PR's merge base (needs the history: fetch-depth 0). */
async function resolveBase(ctx, ref, headSha) {
    if (ref === 'merge-base') {
        const base = ctx.run.baseSha;
        if (!base)
            throw new errors/* ConfigurationError */.j1('ab-base-ref: merge-base needs a pull_request event (its base SHA); name a ref instead.', { field: 'inputs.ab-base-ref' });
        return git(ctx, ['merge-base', base, headSha]);
    }
    // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
    return git(ctx, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
}
async function withWorktrees(ctx, baseSha, headSha, fn) {
    const root = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'shipgate-ab-'));
    const sides = [
        { name: 'base', sha: baseSha, dir: external_node_path_default().join(root, 'base') },
        { name: 'head', sha: headSha, dir: external_node_path_default().join(root, 'head') },
    ];
    const added = [];
    try {
        for (const s of sides) {
            await git(ctx, ['worktree', 'add', '--detach', s.dir, s.sha]);
            added.push(s);
        }
        return await fn(sides);
    }
    finally {
        for (const s of added) {
            await (0,exec/* execCommand */.NK)({ argv: ['git', 'worktree', 'remove', '--force', s.dir] }, { cwd: ctx.workspace, stream: false });
        }
        await (0,promises_.rm)(root, { recursive: true, force: true });
    }
}
/** Run order A B B A A B B A …: each side goes first equally often. */
function abOrder(repetitions) {
    const order = [];
    for (let i = 0; i < repetitions; i++)
        order.push(...(i % 2 === 0 ? ['base', 'head'] : ['head', 'base']));
    return order;
}

// EXTERNAL MODULE: ./src/core/report/charts.ts
var charts = __webpack_require__(78181);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
;// CONCATENATED MODULE: ./src/gates/perf-gate/charts.ts
/**
 * SVG charts of perf-gate for the report directory (embedded in report.html): the relative change of every
 * benchmark metric with its confidence interval, and the telemetry of the measured passes.
 *
 * Benchmark and metric names are untrusted: they enter the specs only as data values, never in an expression.
 */





/** Most rows of the change chart. */
const MAX_CHANGE_ROWS = 40;
/** Most points of one telemetry series; longer series are thinned evenly. */
const MAX_TELEMETRY_POINTS = 1500;
const VERDICT_ORDER = { regression: 0, inconclusive: 1, improvement: 2, unchanged: 3, new: 4, missing: 5 };
const VERDICT_COLORS = {
    regression: '#cf222e',
    inconclusive: '#9a6700',
    improvement: '#1a7f37',
    unchanged: '#6e7781',
    new: '#0969da',
    missing: '#8250df',
};
function label(s, max = 80) {
    const t = (0,report_escape/* stripControls */.$Y)(s).replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
const pct = (x) => Number((x * 100).toPrecision(6));
/**
 * One row per benchmark · metric with a finite change (at most {@link MAX_CHANGE_ROWS}, regressions first, then by
 * the size of the change): a point at the change in %, a bar over its 95% CI, coloured by verdict, and a zero rule.
 * Undefined when no row has a change.
 */
function changesSpec(rows) {
    const usable = rows.filter((r) => r.change !== null && Number.isFinite(r.change));
    if (!usable.length)
        return undefined;
    const worst = [...usable].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0)).slice(0, MAX_CHANGE_ROWS);
    const values = worst.map((r, i) => {
        const ci = r.ci && Number.isFinite(r.ci[0]) && Number.isFinite(r.ci[1]) ? { lo: pct(r.ci[0]), hi: pct(r.ci[1]) } : {};
        // The index keeps rows apart even where two names shorten to the same label.
        return { row: `${i + 1}. ${label(`${r.benchmark} · ${r.metric}`)}`, order: i, change: pct(r.change ?? 0), verdict: r.verdict, ...ci };
    });
    const verdicts = Object.keys(VERDICT_ORDER).filter((v) => values.some((x) => x.verdict === v));
    const y = { field: 'row', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { labelLimit: 320 } };
    const title = usable.length > worst.length ? `Relative change (${worst.length} of ${usable.length}, worst first)` : 'Relative change';
    return {
        title: { text: title, subtitle: 'point: change of the statistic in %; bar: 95% confidence interval' },
        width: 420,
        height: { step: 20 },
        background: 'white',
        data: { values },
        layer: [
            { mark: { type: 'rule', color: '#8c959f', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
            {
                mark: { type: 'rule', strokeWidth: 2 },
                encoding: { y, x: { field: 'lo', type: 'quantitative', title: 'change (%)' }, x2: { field: 'hi' }, color: { field: 'verdict', type: 'nominal', scale: { domain: verdicts, range: verdicts.map((v) => VERDICT_COLORS[v]) }, legend: null } },
            },
            {
                mark: { type: 'point', filled: true, size: 60 },
                encoding: {
                    y,
                    x: { field: 'change', type: 'quantitative', title: 'change (%)' },
                    color: { field: 'verdict', type: 'nominal', title: 'verdict', scale: { domain: verdicts, range: verdicts.map((v) => VERDICT_COLORS[v]) }, legend: { orient: 'bottom' } },
                },
            },
        ],
    };
}
function thin(xs, max) {
    if (xs.length <= max)
        return xs;
    const step = xs.length / max;
    return Array.from({ length: max }, (_, k) => xs[Math.floor(k * step)]);
}
/**
 * CPU (and GPU) utilisation in % and memory used in MiB over the measured passes, against seconds since the first
 * sample. Undefined when there is no sample.
 */
function telemetrySpec(passes) {
    const times = passes.flatMap((p) => [...p.host.series.map((r) => r.time), ...p.gpus.flatMap((g) => g.series.map((r) => r.time))]).filter(Number.isFinite);
    if (!times.length)
        return undefined;
    const t0 = Math.min(...times);
    const util = [];
    const memory = [];
    passes.forEach((p, pass) => {
        const add = (into, series, time, v) => {
            if (v !== null && Number.isFinite(v) && Number.isFinite(time))
                into.push({ t: Number(((time - t0) / 1000).toFixed(3)), value: v, series, pass });
        };
        for (const r of thin(p.host.series, MAX_TELEMETRY_POINTS)) {
            add(util, 'cpu', r.time, r.cpuUtilization);
            add(memory, 'host', r.time, r.memoryUsedMiB);
        }
        for (const g of p.gpus) {
            for (const r of thin(g.series, MAX_TELEMETRY_POINTS)) {
                add(util, `gpu${g.index}`, r.time, r.utilization);
                add(memory, `gpu${g.index}`, r.time, r.memoryUsedMiB);
            }
        }
    });
    if (!util.length && !memory.length)
        return undefined;
    const panel = (values, title, yTitle, domain) => ({
        title,
        width: 560,
        height: 160,
        data: { values },
        mark: { type: 'line', strokeWidth: 1.5, clip: true },
        encoding: {
            x: { field: 't', type: 'quantitative', title: 'time (s)' },
            y: { field: 'value', type: 'quantitative', title: yTitle, ...(domain ? { scale: { domain } } : {}) },
            color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'right' } },
            // Passes are apart in time: one line each, not joined across the gap.
            detail: { field: 'pass', type: 'nominal' },
            order: { field: 't', type: 'quantitative' },
        },
    });
    const panels = [];
    if (util.length)
        panels.push(panel(util, 'Utilisation', '%', [0, 100]));
    if (memory.length)
        panels.push(panel(memory, 'Memory used', 'MiB'));
    return {
        title: { text: 'Telemetry of the measured passes' },
        background: 'white',
        vconcat: panels,
        resolve: { scale: { color: 'independent' } },
    };
}
/**
 * Writes charts/changes.svg and (with telemetry) charts/telemetry.svg into the report directory. A chart that cannot
 * be rendered is a warning, never a failure. Returns the paths written, relative to the directory.
 */
async function writePerfCharts(reportDir, rows, telemetry, log) {
    const specs = [
        ['changes.svg', () => changesSpec(rows)],
        ['telemetry.svg', () => telemetrySpec(telemetry)],
    ];
    const written = [];
    for (const [name, make] of specs) {
        try {
            const spec = make();
            if (!spec)
                continue;
            const svg = await (0,charts/* renderVegaLite */.W)(spec);
            await (0,promises_.mkdir)(external_node_path_default().join(reportDir, 'charts'), { recursive: true });
            await (0,promises_.writeFile)(external_node_path_default().join(reportDir, 'charts', name), svg);
            written.push(`charts/${name}`);
        }
        catch (e) {
            log.warning(`chart charts/${name} could not be rendered: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
    return written;
}

// EXTERNAL MODULE: ./src/core/stats/bootstrap.ts
var bootstrap = __webpack_require__(8445);
// EXTERNAL MODULE: ./node_modules/jstat/dist/jstat.js
var jstat = __webpack_require__(32453);
var jstat_default = /*#__PURE__*/__webpack_require__.n(jstat);
;// CONCATENATED MODULE: ./src/core/stats/tests.ts
/**
 * Hypothesis tests and multiple-comparison adjustments.
 *
 * `alternative` follows scipy.stats: 'greater' tests whether x tends to be larger than y, 'less' the opposite.
 */


/**
 * Cut-over of the Mann–Whitney U test: the exact null distribution is used when there are no ties and
 * n₁·n₂ ≤ 10 000 (its cost is O(min(n₁,n₂)·n₁·n₂), cached per size pair); otherwise the normal approximation
 * with tie and continuity corrections. At n₁·n₂ > 10 000 both sides have > 100 values or one is very
 * large, where the approximation is accurate well past the p-values a family of a few hundred tests needs.
 */
const MWU_EXACT_MAX_PRODUCT = 10_000;
const normalCdf = (z) => jstat_default().normal.cdf(z, 0, 1);
function checkSample(x, what) {
    if (x.length === 0)
        throw new RangeError(`${what} is empty`);
    for (let i = 0; i < x.length; i++) {
        if (!Number.isFinite(x[i]))
            throw new RangeError(`${what}: value ${i} is not a finite number (${x[i]})`);
    }
}
/** Midranks of x followed by y, and the tie term Σ(t³ − t) over groups of equal values. */
function ranks(x, y) {
    const n1 = x.length;
    const n = n1 + y.length;
    const values = new Float64Array(n);
    for (let i = 0; i < n1; i++)
        values[i] = x[i];
    for (let i = 0; i < y.length; i++)
        values[n1 + i] = y[i];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
    let rankSumX = 0;
    let tieTerm = 0;
    for (let i = 0; i < n;) {
        let j = i + 1;
        while (j < n && values[order[j]] === values[order[i]])
            j++;
        const t = j - i;
        const midrank = (i + j + 1) / 2;
        for (let k = i; k < j; k++)
            if (order[k] < n1)
                rankSumX += midrank;
        if (t > 1)
            tieTerm += t * t * t - t;
        i = j;
    }
    return { rankSumX, tieTerm };
}
const exactCache = new Map();
/**
 * Cumulative null distribution of U for sizes m and n without ties: cdf[u] = P(U ≤ u). The counts are the
 * coefficients of the Gaussian binomial [m+n choose m]_q = ∏ᵢ (1 − q^(n+i)) / (1 − q^i), i = 1..m.
 */
function exactCdf(m, n) {
    if (m > n)
        [m, n] = [n, m];
    const key = `${m},${n}`;
    const hit = exactCache.get(key);
    if (hit)
        return hit;
    const size = m * n + 1;
    const c = new Float64Array(size);
    c[0] = 1;
    for (let i = 1; i <= m; i++) {
        const up = n + i;
        for (let k = size - 1; k >= up; k--)
            c[k] = c[k] - c[k - up];
        for (let k = i; k < size; k++)
            c[k] = c[k] + c[k - i];
    }
    let total = 0;
    for (let k = 0; k < size; k++)
        total += c[k];
    let acc = 0;
    for (let k = 0; k < size; k++) {
        acc += c[k];
        c[k] = Math.min(1, acc / total);
    }
    if (exactCache.size > 64)
        exactCache.clear();
    exactCache.set(key, c);
    return c;
}
/** P(U ≤ u) under the exact null (the distribution is symmetric, so P(U ≥ u) = P(U ≤ n₁n₂ − u)). */
function exactLower(u, n1, n2) {
    if (u < 0)
        return 0;
    const cdf = exactCdf(n1, n2);
    return cdf[Math.min(Math.floor(u), cdf.length - 1)];
}
/** Smallest one-sided p-value the exact test can give for these sizes: 1 / C(n₁+n₂, n₁). */
function mannWhitneyMinP(n1, n2) {
    let logC = 0;
    for (let i = 1; i <= Math.min(n1, n2); i++)
        logC += Math.log(Math.max(n1, n2) + i) - Math.log(i);
    return Math.exp(-logC);
}
/** Mann–Whitney U (Wilcoxon rank-sum) test of x against y. */
function mannWhitneyU(x, y, alternative = 'two-sided') {
    checkSample(x, 'first sample');
    checkSample(y, 'second sample');
    const n1 = x.length;
    const n2 = y.length;
    const { rankSumX, tieTerm } = ranks(x, y);
    const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
    const u2 = n1 * n2 - u1;
    if (tieTerm === 0 && n1 * n2 <= MWU_EXACT_MAX_PRODUCT) {
        const p = alternative === 'greater' ? exactLower(u2, n1, n2) : alternative === 'less' ? exactLower(u1, n1, n2) : 2 * exactLower(Math.min(u1, u2), n1, n2);
        return { statistic: u1, pValue: Math.min(1, p), method: 'exact' };
    }
    const n = n1 + n2;
    const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const mu = (n1 * n2) / 2;
    // Continuity-corrected upper tail of the larger-is-evidence statistic.
    const upper = (u) => (sd === 0 ? 1 : normalCdf(-(u - mu - 0.5) / sd));
    const p = alternative === 'greater' ? upper(u1) : alternative === 'less' ? upper(u2) : 2 * upper(Math.max(u1, u2));
    return { statistic: u1, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic' };
}
function variance(x, m) {
    let ss = 0;
    for (let i = 0; i < x.length; i++)
        ss += (x[i] - m) ** 2;
    return ss / (x.length - 1);
}
/** Welch's unequal-variance t-test of mean(x) against mean(y); needs at least 2 values per side. */
function welchT(x, y, alternative = 'two-sided') {
    checkSample(x, 'first sample');
    checkSample(y, 'second sample');
    if (x.length < 2 || y.length < 2)
        throw new RangeError(`Welch t-test needs ≥ 2 values per side (got ${x.length} and ${y.length})`);
    const mx = mean(x);
    const my = mean(y);
    const vx = variance(x, mx) / x.length;
    const vy = variance(y, my) / y.length;
    const se = Math.sqrt(vx + vy);
    const diff = mx - my;
    const t = se === 0 ? (diff === 0 ? 0 : diff * Infinity) : diff / se;
    const df = se === 0 ? x.length + y.length - 2 : (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
    // Each tail is taken as a lower cdf so that small p-values keep their precision.
    const below = (v) => (v === -Infinity ? 0 : v === Infinity ? 1 : jStat.studentt.cdf(v, df));
    const p = alternative === 'greater' ? below(-t) : alternative === 'less' ? below(t) : 2 * below(-Math.abs(t));
    return { statistic: t, pValue: Math.min(1, p), df };
}
function checkP(p) {
    for (const [i, v] of p.entries()) {
        if (!(v >= 0 && v <= 1))
            throw new RangeError(`p-value ${i} is not in [0, 1] (${v})`);
    }
}
/** Holm–Bonferroni step-down adjusted p-values, in the input order. */
function holm(pValues) {
    checkP(pValues);
    const m = pValues.length;
    const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
    const out = new Array(m);
    let running = 0;
    for (const [rank, i] of order.entries()) {
        running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
        out[i] = running;
    }
    return out;
}
/** Bonferroni adjusted p-values. */
function bonferroni(pValues) {
    checkP(pValues);
    return pValues.map((p) => Math.min(1, p * pValues.length));
}

;// CONCATENATED MODULE: ./src/core/stats/judge.ts
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




const DEFAULT_ALPHA = 0.05;
const DEFAULT_MIN_SAMPLES = 5;
const judge_pct = (x) => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.001 ? 3 : 1)}%`;
function validate(item, index) {
    const o = item.options;
    const where = `benchmark ${index}`;
    if (o.direction !== 'lower' && o.direction !== 'higher')
        throw new RangeError(`${where}: direction must be 'lower' or 'higher'`);
    if (!(o.threshold >= 0 && Number.isFinite(o.threshold)))
        throw new RangeError(`${where}: threshold must be a finite number ≥ 0 (got ${o.threshold})`);
    if (o.alpha !== undefined && !(o.alpha > 0 && o.alpha < 1))
        throw new RangeError(`${where}: alpha must be in (0, 1) (got ${o.alpha})`);
    if (o.minSamples !== undefined && !(Number.isInteger(o.minSamples) && o.minSamples >= 2))
        throw new RangeError(`${where}: minSamples must be an integer ≥ 2 (got ${o.minSamples})`);
    if (typeof o.statistic === 'object' && !(o.statistic.quantile > 0 && o.statistic.quantile < 1))
        throw new RangeError(`${where}: quantile must be in (0, 1) (got ${o.statistic.quantile})`);
    if (o.bootstrap !== undefined && !(Number.isInteger(o.bootstrap) && o.bootstrap >= 100))
        throw new RangeError(`${where}: bootstrap must be an integer ≥ 100 (got ${o.bootstrap})`);
    if (o.noiseFloor !== undefined && !(o.noiseFloor >= 0 && Number.isFinite(o.noiseFloor)))
        throw new RangeError(`${where}: noiseFloor must be a finite number ≥ 0 (got ${o.noiseFloor})`);
    for (const side of ['baseline', 'current']) {
        for (const [k, v] of item[side].entries()) {
            if (!Number.isFinite(v) || v < 0)
                throw new RangeError(`${where}: ${side} value ${k} is ${v}; values must be finite and ≥ 0`);
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
function withoutGrossOutliers(x) {
    if (x.length < 3 || x.some((v) => v <= 0))
        return x;
    const logs = x.map(Math.log);
    const m = (0,descriptive/* median */.JZ)(logs);
    const sigma = descriptive/* MAD_NORMAL_SCALE */.IB * (0,descriptive/* median */.JZ)(logs.map((v) => Math.abs(v - m)));
    const fence = Math.max(OUTLIER_SIGMAS * sigma, OUTLIER_LOG_FACTOR);
    const kept = x.filter((_, i) => Math.abs(logs[i] - m) <= fence);
    return kept.length * 3 > x.length * 2 ? kept : x;
}
/** Samples needed per side: the expected count beyond a non-median quantile must reach 10. */
function requiredSamples(q, minSamples) {
    if (q === 0.5)
        return minSamples;
    return Math.max(minSamples, Math.ceil(10 / Math.min(q, 1 - q) - 1e-9));
}
function judgeOne(item, index) {
    const o = item.options;
    const q = typeof o.statistic === 'object' ? o.statistic.quantile : 0.5;
    const alpha = o.alpha ?? DEFAULT_ALPHA;
    const { baseline: rawB, current: rawC } = item;
    // The median is compared without gross outliers; a tail quantile is about exactly those values.
    const b = q === 0.5 ? withoutGrossOutliers(rawB) : rawB;
    const c = q === 0.5 ? withoutGrossOutliers(rawC) : rawC;
    const stat = (x) => (x.length ? (0,descriptive/* quantile */.YV)(x, q) : NaN);
    const base = {
        verdict: 'inconclusive',
        change: NaN,
        ci: [NaN, NaN],
        pValue: NaN,
        baseline: stat(b),
        current: stat(c),
        nBaseline: rawB.length,
        nCurrent: rawC.length,
    };
    if (b.length < rawB.length || c.length < rawC.length)
        base.outliers = [rawB.length - b.length, rawC.length - c.length];
    if (b.length && c.length)
        base.change = (0,bootstrap/* relativeChange */.N0)(base.baseline, base.current);
    if (item.intervals && rawB.length === 1 && rawC.length === 1)
        return judgeEstimates(base, item.intervals, o);
    const need = requiredSamples(q, o.minSamples ?? DEFAULT_MIN_SAMPLES);
    if (rawB.length < need || rawC.length < need) {
        const what = q === 0.5 ? '' : ` for quantile ${q}`;
        return { ...base, reason: `too few samples${what}: ${rawB.length} baseline and ${rawC.length} current, ${need} needed per side` };
    }
    if (base.baseline === 0)
        return { ...base, reason: 'baseline statistic is 0, a relative change is undefined' };
    const boot = (0,bootstrap/* bootstrapRelativeChange */.bF)(b, c, {
        quantile: q,
        resamples: o.bootstrap ?? bootstrap/* DEFAULT_RESAMPLES */.jF,
        level: 1 - alpha,
        seed: ((o.seed ?? bootstrap/* DEFAULT_SEED */.KP) + Math.imul(index, 0x9e3779b9)) >>> 0,
    });
    const sign = o.direction === 'lower' ? 1 : -1;
    const worse = sign * boot.change;
    const worseCi = sign === 1 ? boot.ci : [-boot.ci[1], -boot.ci[0]];
    let pWorse;
    let pBetter;
    let minP = 0;
    if (q === 0.5) {
        const worseAlt = o.direction === 'lower' ? 'greater' : 'less';
        const betterAlt = o.direction === 'lower' ? 'less' : 'greater';
        pWorse = mannWhitneyU(c, b, worseAlt).pValue;
        pBetter = mannWhitneyU(c, b, betterAlt).pValue;
        minP = mannWhitneyMinP(b.length, c.length);
    }
    else {
        const [lo, hi] = (0,bootstrap/* quantilesOf */.Ck)(boot.changes, [0.15865525393145707, 0.8413447460685429]);
        const se = (hi - lo) / 2;
        const z = se > 0 && Number.isFinite(se) ? worse / se : worse > 0 ? Infinity : worse < 0 ? -Infinity : 0;
        pWorse = z === 0 && se === 0 ? 1 : jstat_default().normal.cdf(-z, 0, 1);
        pBetter = z === 0 && se === 0 ? 1 : jstat_default().normal.cdf(z, 0, 1);
    }
    const [bLo, bHi] = (0,bootstrap/* quantilesOf */.Ck)(boot.baselines, [alpha / 2, 1 - alpha / 2]);
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
function logStandardError(i) {
    const z = jstat_default().normal.inv(1 - (1 - i.level) / 2, 0, 1);
    return (Math.log(i.upper) - Math.log(i.lower)) / (2 * z);
}
/**
 * Two single estimates with their intervals: z-test of the log ratio with the two standard errors combined
 * (independent runs), the interval of the change from the same normal, the baseline's relative half-width as
 * the noise floor. Only run-internal sampling noise is in these intervals, so the practical threshold matters
 * more here than with repetitions.
 */
function judgeEstimates(base, intervals, o) {
    const alpha = o.alpha ?? DEFAULT_ALPHA;
    const b = base.baseline;
    const c = base.current;
    for (const [side, i, v] of [['baseline', intervals.baseline, b], ['current', intervals.current, c]]) {
        if (!(i.lower <= v && v <= i.upper && i.level > 0 && i.level < 1))
            return { ...base, reason: `the ${side} interval [${i.lower}, ${i.upper}] at level ${i.level} does not hold its value ${v}` };
    }
    if (b === 0)
        return { ...base, reason: 'baseline statistic is 0, a relative change is undefined' };
    if (c === 0 || intervals.baseline.lower <= 0 || intervals.current.lower <= 0)
        return { ...base, reason: 'an interval reaches 0, so the change cannot be judged on a log scale' };
    const d = Math.log(c) - Math.log(b);
    const se = Math.hypot(logStandardError(intervals.baseline), logStandardError(intervals.current));
    const sign = o.direction === 'lower' ? 1 : -1;
    const z = se > 0 ? (sign * d) / se : sign * d > 0 ? Infinity : sign * d < 0 ? -Infinity : 0;
    const pWorse = z === 0 && se === 0 ? 1 : jstat_default().normal.cdf(-z, 0, 1);
    const pBetter = z === 0 && se === 0 ? 1 : jstat_default().normal.cdf(z, 0, 1);
    const zc = jstat_default().normal.inv(1 - alpha / 2, 0, 1);
    const ci = [Math.expm1(d - zc * se), Math.expm1(d + zc * se)];
    const change = (0,bootstrap/* relativeChange */.N0)(b, c);
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
function decide(t, adjWorse, adjBetter, family) {
    const j = { ...t.judgement, adjustedP: adjWorse };
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
        j.reason = `significant ${name}, but the change ${judge_pct(size)} is within ${t.bar === t.judgement.noiseFloor ? 'the noise floor' : 'the threshold'} ${judge_pct(t.bar)}`;
    }
    else if (!ciAway) {
        j.reason = `significant ${name}, but the ${judge_pct(1 - t.alpha)} interval of the change includes 0`;
    }
    else {
        j.verdict = name;
    }
    return j;
}
/** Judge every item; the family-wise error is controlled over all items that could be tested. */
function judgeFamily(items) {
    items.forEach(validate);
    const results = items.map(judgeOne);
    const tested = results.filter((r) => 'judgement' in r);
    const adjWorse = holm(tested.map((t) => t.judgement.pValue));
    const adjBetter = holm(tested.map((t) => t.pBetter));
    let k = 0;
    return results.map((r) => {
        if (!('judgement' in r))
            return r;
        const j = decide(r, adjWorse[k], adjBetter[k], tested.length);
        k++;
        return j;
    });
}
/** Judge a single comparison (a family of one). */
function judge(baseline, current, options) {
    return judgeFamily([{ baseline, current, options }])[0];
}

// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(84489);
// EXTERNAL MODULE: ./src/core/schema-files.ts
var schema_files = __webpack_require__(80674);
;// CONCATENATED MODULE: ./src/gates/perf-gate/config.ts


const DEFAULT_CONFIG = {
    threshold: 0.05,
    alpha: 0.05,
    minSamples: 5,
    statistic: 'median',
    onRegression: 'fail',
    onInconclusive: 'warn',
    metrics: [],
    ignore: [],
    benchmarks: [],
};
/** The config file, validated against schemas/perf-gate.schema.json (defaults filled in); no file: the defaults. */
async function loadPerfConfig(file, displayPath) {
    if (!file)
        return { ...DEFAULT_CONFIG };
    const loaded = await (0,config/* loadConfigFile */.HT)(file, (0,schema_files/* loadSchema */.e)('perf-gate.schema.json'), displayPath ? { displayPath } : {});
    return { ...DEFAULT_CONFIG, ...loaded.value };
}
/** `*` and `?` globs over benchmark names, anchored. */
function globMatcher(pattern) {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return (name) => re.test(name);
}
/** The statistic a config names: 'median' or a quantile like 'p99' (0.99). */
function statisticOf(name) {
    if (name === 'median')
        return 'median';
    return { quantile: Number((Number(name.slice(1)) / 100).toPrecision(12)) };
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/compare.ts



const key = (m) => `${m.benchmark}\u0000${m.metric}`;
/** Samples of the same benchmark and metric (several runs, repetitions) pooled; units must agree. */
function pool(measurements) {
    const out = new Map();
    for (const m of measurements) {
        const k = key(m);
        const seen = out.get(k);
        if (!seen)
            out.set(k, { ...m, samples: [...m.samples] });
        else if (seen.unit !== m.unit)
            throw new RangeError(`${m.benchmark} ${m.metric}: mixed units ${seen.unit} and ${m.unit}`);
        else {
            seen.samples.push(...m.samples);
            // Several runs are compared by their spread, not by one run's interval.
            delete seen.interval;
        }
    }
    return out;
}
/** Median of a side's samples (numpy's definition, as everywhere in the stats), or null for none. */
function medianOrNull(xs) {
    return xs.length ? (0,descriptive/* median */.JZ)(xs) : null;
}
/**
 * Judge every benchmark × metric of the current run against the baseline, as one family: the false-alarm rate
 * is controlled across all of them (see src/core/stats/judge.ts for the rule).
 */
function compare(current, baseline, config, opts = {}) {
    const cur = pool(current);
    const base = pool(baseline ?? []);
    const ignored = config.ignore.map(globMatcher);
    const overrides = config.benchmarks.map((o) => ({ ...o, test: globMatcher(o.match) }));
    const rows = [];
    const family = [];
    // Telemetry summaries are judged only when named in `metrics` (e.g. gpu0.memory.used.max).
    const wanted = (m) => (m.benchmark === 'telemetry' ? config.metrics.includes(m.metric) : config.metrics.length === 0 || config.metrics.includes(m.metric));
    for (const [k, c] of cur) {
        if (!wanted(c) || ignored.some((t) => t(c.benchmark)))
            continue;
        const o = overrides.find((x) => x.test(c.benchmark) && (x.metric === undefined || x.metric === c.metric));
        if (o?.ignore)
            continue;
        const direction = o?.direction ?? c.direction;
        const threshold = o?.threshold ?? config.threshold;
        const b = base.get(k);
        const row = {
            benchmark: c.benchmark,
            metric: c.metric,
            unit: c.unit,
            direction,
            baseline: b ? medianOrNull(b.samples) : null,
            current: medianOrNull(c.samples),
            change: null,
            ci: null,
            pValue: null,
            adjustedP: null,
            verdict: 'new',
            threshold,
            nBaseline: b?.samples.length ?? 0,
            nCurrent: c.samples.length,
        };
        rows.push(row);
        if (!b) {
            row.reason = baseline ? 'not in the baseline' : 'no baseline yet';
            continue;
        }
        if (b.unit !== c.unit) {
            row.verdict = 'inconclusive';
            row.reason = `unit changed from ${b.unit} to ${c.unit}`;
            continue;
        }
        if (opts.foreignBaseline) {
            row.verdict = 'inconclusive';
            row.reason = opts.foreignBaseline;
            continue;
        }
        family.push({
            row,
            baseline: b.samples,
            current: c.samples,
            ...(b.interval && c.interval && b.samples.length === 1 && c.samples.length === 1 ? { intervals: { baseline: b.interval, current: c.interval } } : {}),
            options: {
                direction,
                threshold,
                alpha: config.alpha,
                minSamples: config.minSamples,
                statistic: statisticOf(config.statistic),
                ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            },
        });
    }
    const judged = judgeFamily(family.map(({ row: _row, ...item }) => item));
    for (const [i, j] of judged.entries()) {
        const { row } = family[i] ?? {};
        if (!row)
            continue;
        row.verdict = j.verdict;
        row.baseline = j.baseline;
        row.current = j.current;
        row.change = j.change;
        row.ci = j.ci;
        row.pValue = j.pValue;
        row.adjustedP = j.adjustedP ?? null;
        if (j.reason)
            row.reason = j.reason;
    }
    for (const [k, b] of base) {
        if (cur.has(k) || !wanted(b) || ignored.some((t) => t(b.benchmark)))
            continue;
        rows.push({
            benchmark: b.benchmark,
            metric: b.metric,
            unit: b.unit,
            direction: b.direction,
            baseline: medianOrNull(b.samples),
            current: null,
            change: null,
            ci: null,
            pValue: null,
            adjustedP: null,
            verdict: 'missing',
            threshold: config.threshold,
            nBaseline: b.samples.length,
            nCurrent: 0,
            reason: 'in the baseline but not in this run',
        });
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/common.ts

/**
 * A result file with bad entries. `partial` holds what could be read: the benchmarks without problems, so a caller
 * may keep them while reporting the error.
 */
class ResultFileError extends errors/* ConfigurationError */.j1 {
    partial;
    constructor(message, file, partial, line, column) {
        super(message, { location: line === undefined ? { file } : { file, line, ...(column === undefined ? {} : { column }) } });
        this.partial = partial;
    }
}
const FORMAT_LABELS = {
    shipgate: 'shipgate results',
    googlebenchmark: 'Google Benchmark JSON',
    'pytest-benchmark': 'pytest-benchmark JSON',
    hyperfine: 'hyperfine --export-json',
    criterion: 'criterion',
    k6: 'k6 summary',
    bmf: 'Bencher Metric Format',
    'benchmark-action': 'github-action-benchmark',
    'latency-log': 'latency log',
};
/** A file that is not shaped like the format at all: nothing in it can be used. */
function shapeError(file, format, what) {
    return new ResultFileError(`${file}: not a valid ${FORMAT_LABELS[format]} file: ${what}.`, file);
}
function emptyFileError(file) {
    return new ResultFileError(`${file}: the result file is empty. Check that the benchmark run finished and wrote its results to this path, then run again.`, file);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isBlank(text) {
    return /^[\s\uFEFF]*$/.test(text);
}
// ---- JSON ----
const NAN = '\uE000NaN';
const POS_INF = '\uE000Infinity';
const NEG_INF = '\uE000-Infinity';
let cached;
/** The JSON value of `text`, or undefined when it is not JSON; cheap to call from every parser's `detect`. */
function peekJson(text) {
    if (!/^[\s\uFEFF]*[{[]/.test(text))
        return undefined;
    if (cached?.text !== text)
        cached = tryParse(text);
    return cached.ok ? cached.value : undefined;
}
/**
 * Parses result JSON. Accepts the bare `NaN`, `Infinity` and `-Infinity` that Google Benchmark and Python write, so
 * that such values reach validation and are reported with the benchmark's name. Throws a ResultFileError with the
 * line and column of a syntax error.
 */
function readJson(file, text) {
    if (isBlank(text))
        throw emptyFileError(file);
    const parsed = cached?.text === text ? cached : tryParse(text);
    // Detection and parsing of one file share a parse; the file is not kept after that.
    cached = undefined;
    if (parsed.ok)
        return parsed.value;
    throw syntaxError(file, text.replace(/^\uFEFF/, ''));
}
function tryParse(text) {
    const body = text.replace(/^\uFEFF/, '');
    try {
        return { text, value: JSON.parse(body), ok: true };
    }
    catch {
        const scan = scanJson(body);
        if (scan.error !== undefined)
            return { text, value: undefined, ok: false };
        let out = '';
        let from = 0;
        for (const t of scan.nonFinite) {
            out += body.slice(from, t.at) + JSON.stringify(t.token === 'NaN' ? NAN : t.token === 'Infinity' ? POS_INF : NEG_INF);
            from = t.at + t.token.length;
        }
        out += body.slice(from);
        const value = JSON.parse(out, (_key, v) => (v === NAN ? NaN : v === POS_INF ? Infinity : v === NEG_INF ? -Infinity : v));
        return { text, value, ok: true };
    }
}
function syntaxError(file, text) {
    const at = scanJson(text).error ?? text.length;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const truncated = endsInside(text.slice(at).trim());
    const what = truncated
        ? 'the JSON ends early; the file looks truncated. Check that the run finished (a killed or timed-out run leaves a cut-off file) and run again'
        : `unexpected ${JSON.stringify(text.charAt(at))}. Fix the file at this position, or produce it again`;
    return new ResultFileError(`${file}:${line}:${column}: invalid JSON: ${what}.`, file, undefined, line, column);
}
/** The rest of the text from the error on is empty or a cut-off token: the file ends early. */
function endsInside(rest) {
    return rest === '' || /^(?:"(?:[^"\\\n]|\\.)*\\?|-?[\d.eE+-]*|t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?|N(?:a)?|-?I(?:n(?:f(?:i(?:n(?:it?)?)?)?)?)?)$/.test(rest);
}
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity/y;
/** Scans JSON (plus bare NaN/Infinity) for what JSON.parse does not tell: where it fails, and duplicate keys. */
function scanJson(text) {
    const scan = { error: undefined, nonFinite: [], duplicateKeys: [] };
    const path = [];
    let i = 0;
    const space = () => {
        while (i < text.length && ' \t\n\r'.includes(text.charAt(i)))
            i++;
    };
    const token = (re) => {
        re.lastIndex = i;
        const m = re.exec(text);
        if (m === null)
            return false;
        if (m[0] === 'NaN' || m[0].endsWith('Infinity'))
            scan.nonFinite.push({ at: i, token: m[0] });
        i = re.lastIndex;
        return true;
    };
    const container = (close, member) => {
        i++;
        space();
        if (text.charAt(i) === close) {
            i++;
            return true;
        }
        for (let index = 0;; index++) {
            if (!member(index))
                return false;
            space();
            if (text.charAt(i) === close) {
                i++;
                return true;
            }
            if (text.charAt(i) !== ',')
                return false;
            i++;
        }
    };
    const value = () => {
        space();
        const c = text.charAt(i);
        if (c === '{') {
            const keys = new Set();
            return container('}', () => {
                space();
                const start = i;
                if (!token(STRING))
                    return false;
                const key = JSON.parse(text.slice(start, i));
                if (keys.has(key))
                    scan.duplicateKeys.push({ path: [...path], key });
                keys.add(key);
                space();
                if (text.charAt(i) !== ':')
                    return false;
                i++;
                path.push(key);
                const ok = value();
                path.pop();
                return ok;
            });
        }
        if (c === '[') {
            return container(']', () => {
                path.push('*');
                const ok = value();
                path.pop();
                return ok;
            });
        }
        return token(STRING) || token(SCALAR);
    };
    try {
        if (!value())
            return { ...scan, error: i };
    }
    catch {
        // Nesting too deep for the stack: report the place reached.
        return { ...scan, error: i };
    }
    space();
    return { ...scan, error: i < text.length ? i : undefined };
}
/** Keys that occur twice in one object (JSON.parse silently keeps the last), with the path to that object. */
function duplicateKeys(text) {
    return scanJson(text.replace(/^\uFEFF/, '')).duplicateKeys;
}
// ---- units ----
const TIME_UNITS = new Set(['ps', 'ns', 'us', 'µs', 'μs', 'ms', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'minutes', 'h', 'hours']);
function isTimeUnit(unit) {
    const u = unit.trim().toLowerCase();
    return TIME_UNITS.has(u) || /^(?:ps|ns|us|µs|μs|ms|s)\/(?:iter|op|iteration|call)$/.test(u);
}
/** Rates (`ops/s`, `MB/s`, `req/sec`, `items per second`, `Hz`) are better higher; everything else lower. */
function directionOfUnit(unit) {
    const u = unit.trim().toLowerCase();
    if (/\/\s*(?:s|sec|secs|second|seconds)$/.test(u) || /\bper\s+s(?:ec(?:ond)?)?$/.test(u))
        return 'higher';
    if (/^(?:hz|khz|mhz|ghz|ops|rps|qps|fps|tps|flops|gflops|tflops)$/.test(u))
        return 'higher';
    return 'lower';
}
/**
 * Gathers a file's measurements, warnings and problems, then checks them all at once: non-finite or negative
 * times, mixed units, duplicate names. Every problem is reported together, each naming its benchmark.
 */
class Collector {
    file;
    format;
    uniqueHint;
    warnings = [];
    problems = [];
    entries = new Map();
    duplicates = new Set();
    /** `uniqueHint`: how to make names unique in this format. */
    constructor(file, format, uniqueHint = 'Give every benchmark a unique name') {
        this.file = file;
        this.format = format;
        this.uniqueHint = uniqueHint;
    }
    problem(benchmark, message) {
        this.problems.push({ benchmark, message });
    }
    warn(message) {
        this.warnings.push(message);
    }
    /** `merge`: entries of the same benchmark and metric are repetitions whose samples join, not duplicates. */
    add(entry, opts = {}) {
        const key = `${entry.benchmark}\u0000${entry.metric}`;
        const seen = this.entries.get(key);
        if (seen === undefined) {
            this.entries.set(key, { ...entry, samples: [...entry.samples] });
        }
        else if (seen.unit !== entry.unit) {
            this.problem(entry.benchmark, `${entry.metric}: mixed units "${seen.unit}" and "${entry.unit}" for one benchmark. Report every sample of a benchmark in the same unit`);
        }
        else if (opts.merge === true) {
            seen.samples.push(...entry.samples);
        }
        else {
            this.duplicate(entry.benchmark);
        }
    }
    /** Reports a benchmark name that occurs more than once (once per name). */
    duplicate(benchmark, how = 'appears more than once in the file') {
        if (this.duplicates.has(benchmark))
            return;
        this.duplicates.add(benchmark);
        this.problem(benchmark, `${how}, so its results cannot be told apart. ${this.uniqueHint}`);
    }
    /** The parsed file; throws a ResultFileError naming every problem, with the good benchmarks as `partial`. */
    finish(meta) {
        const measurements = [];
        for (const e of this.entries.values()) {
            const bad = describeBadSamples(e.samples, isTimeUnit(e.unit));
            if (bad !== undefined) {
                const rule = isTimeUnit(e.unit) ? 'times must be finite numbers of at least 0' : 'values must be finite numbers';
                this.problem(e.benchmark, `${e.metric}: ${bad}; ${rule}. Check that the benchmark ran correctly and run it again`);
                continue;
            }
            measurements.push({ benchmark: e.benchmark, metric: e.metric, unit: e.unit, direction: e.direction, samples: e.samples });
        }
        const bad = new Set(this.problems.map((p) => p.benchmark));
        const good = measurements.filter((m) => !bad.has(m.benchmark));
        const result = { file: this.file, format: this.format, measurements: good, warnings: this.warnings, ...(meta === undefined ? {} : { meta }) };
        if (this.problems.length === 0) {
            if (good.length === 0)
                throw new ResultFileError(`${this.file}: no benchmarks in this ${FORMAT_LABELS[this.format]} file. Check that the suite ran its benchmarks.`, this.file);
            return result;
        }
        const describe = (p) => (p.benchmark === undefined ? p.message : `benchmark ${JSON.stringify(p.benchmark)}: ${p.message}`);
        const [first] = this.problems;
        if (this.problems.length === 1 && first !== undefined)
            throw new ResultFileError(`${this.file}: ${describe(first)}.`, this.file, result);
        const okNames = new Set(good.map((m) => m.benchmark)).size;
        throw new ResultFileError(`${this.file}: ${this.problems.length} problems in this ${FORMAT_LABELS[this.format]} file:\n${this.problems.map((p) => `  - ${describe(p)}.`).join('\n')}` +
            (okNames === 0 ? '' : okNames === 1 ? '\nThe other benchmark in the file is fine.' : `\nThe other ${okNames} benchmarks in the file are fine.`), this.file, result);
    }
}
function describeBadSamples(samples, time) {
    if (samples.length === 0)
        return 'has no samples';
    const bad = [];
    let count = 0;
    samples.forEach((v, i) => {
        const ok = typeof v === 'number' && Number.isFinite(v) && (!time || v >= 0);
        if (ok)
            return;
        count++;
        if (bad.length < 3)
            bad.push(`#${i + 1} is ${showValue(v)}`);
    });
    if (count === 0)
        return undefined;
    if (samples.length === 1)
        return `its value is ${showValue(samples[0])}`;
    return `${count} of ${samples.length} samples are invalid (${bad.join(', ')}${count > bad.length ? ', …' : ''})`;
}
function showValue(v) {
    if (typeof v === 'number')
        return String(v);
    if (v === null || v === undefined)
        return String(v);
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
    if (typeof v === 'boolean')
        return String(v);
    return Array.isArray(v) ? 'a list' : 'an object';
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/benchmark-action.ts

/**
 * github-action-benchmark's custom format: `[{ name, unit, value, range?, extra? }]`. The metric is `value`; rates
 * (ops/s, MB/s, /sec) are better higher, everything else lower.
 */
const benchmarkActionParser = {
    format: 'benchmark-action',
    detect(_file, text) {
        const v = peekJson(text);
        return Array.isArray(v) && v.length > 0 && v.every((e) => isRecord(e) && typeof e.name === 'string' && 'value' in e && 'unit' in e);
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!Array.isArray(doc))
            throw shapeError(file, 'benchmark-action', 'expected a list of `{ name, unit, value }`');
        const out = new Collector(file, 'benchmark-action');
        const details = {};
        doc.forEach((e, index) => {
            if (!isRecord(e) || typeof e.name !== 'string' || e.name === '') {
                out.problem(undefined, `entry ${index + 1} has no \`name\`. Write \`{ "name", "unit", "value" }\``);
                return;
            }
            if (typeof e.unit !== 'string') {
                out.problem(e.name, 'has no `unit`. Add the unit, e.g. "ns/iter" or "ops/sec"');
                return;
            }
            out.add({ benchmark: e.name, metric: 'value', unit: e.unit, direction: directionOfUnit(e.unit), samples: [e.value] });
            if (e.range !== undefined || e.extra !== undefined)
                details[e.name] = { range: e.range, extra: e.extra };
        });
        out.warn('github-action-benchmark results hold one value per benchmark, not samples; run the suite several times (repetitions) to compare with statistical evidence');
        return out.finish(Object.keys(details).length > 0 ? { details } : undefined);
    },
};

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/bmf.ts

/** Bencher's built-in measures; any other measure is taken as unitless and better lower. */
const MEASURES = {
    latency: { unit: 'ns', direction: 'lower' },
    throughput: { unit: 'ops/s', direction: 'higher' },
    'file-size': { unit: 'bytes', direction: 'lower' },
    'build-time': { unit: 's', direction: 'lower' },
};
/** Bencher Metric Format: `{ "<benchmark>": { "<measure>": { "value", "lower_value"?, "upper_value"? } } }`. */
const bmfParser = {
    format: 'bmf',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v))
            return false;
        const benchmarks = Object.values(v);
        return (benchmarks.length > 0 &&
            benchmarks.every((b) => isRecord(b) && Object.keys(b).length > 0 && Object.values(b).every((m) => isRecord(m) && 'value' in m)));
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!isRecord(doc))
            throw shapeError(file, 'bmf', 'expected an object mapping benchmark names to measures');
        const out = new Collector(file, 'bmf');
        // Names are object keys, and JSON.parse keeps only the last of repeated ones.
        for (const d of duplicateKeys(text)) {
            const [benchmark] = d.path;
            if (benchmark === undefined)
                out.duplicate(d.key);
            else if (d.path.length === 1)
                out.problem(benchmark, `${d.key}: the measure appears more than once. Keep one value per measure`);
        }
        const bounds = {};
        for (const [name, measures] of Object.entries(doc)) {
            if (!isRecord(measures)) {
                out.problem(name, 'is not an object of measures. Write `{ "<measure>": { "value": <number> } }`');
                continue;
            }
            for (const [measure, m] of Object.entries(measures)) {
                if (!isRecord(m) || !('value' in m)) {
                    out.problem(name, `${measure}: has no \`value\`. Write \`{ "value": <number> }\``);
                    continue;
                }
                const known = MEASURES[measure] ?? { unit: '', direction: 'lower' };
                out.add({ benchmark: name, metric: measure, unit: known.unit, direction: known.direction, samples: [m.value] });
                if ('lower_value' in m || 'upper_value' in m)
                    (bounds[name] ??= {})[measure] = { lower: m.lower_value, upper: m.upper_value };
            }
        }
        out.warn('Bencher Metric Format holds one value per measure, not samples; run the suite several times (repetitions) to compare with statistical evidence');
        return out.finish(Object.keys(bounds).length > 0 ? { bounds } : undefined);
    },
};

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/criterion.ts

/**
 * Criterion.rs files: `sample.json` (`{ iters, times }`, total nanoseconds per sample) gives one per-iteration
 * time per sample; `estimates.json` gives only the estimated mean. The benchmark id is the path between
 * `criterion/` and the baseline folder (`target/criterion/<group>/<id>/new/sample.json` → `<group>/<id>`), or
 * the name given.
 */
const criterionParser = {
    format: 'criterion',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v))
            return false;
        return (Array.isArray(v.iters) && Array.isArray(v.times)) || (isRecord(v.mean) && 'point_estimate' in v.mean);
    },
    parse(file, text, opts) {
        const doc = readJson(file, text);
        const id = opts?.name ?? idFromPath(file);
        if (id === undefined) {
            throw shapeError(file, 'criterion', 'cannot tell the benchmark id: read the file where criterion wrote it (target/criterion/<group>/<id>/new/sample.json) or give the benchmark a name');
        }
        const out = new Collector(file, 'criterion');
        if (isRecord(doc) && Array.isArray(doc.iters) && Array.isArray(doc.times)) {
            const { iters, times } = doc;
            if (iters.length !== times.length) {
                out.problem(id, `\`iters\` has ${iters.length} entries but \`times\` has ${times.length}; the file is damaged. Run the benchmark again`);
                return out.finish();
            }
            const badIters = iters.flatMap((n, i) => (typeof n === 'number' && n > 0 ? [] : [`#${i + 1}`]));
            if (badIters.length > 0) {
                out.problem(id, `iteration counts must be positive numbers (sample ${badIters.slice(0, 3).join(', ')}); the file is damaged. Run the benchmark again`);
                return out.finish();
            }
            const samples = times.map((t, i) => (typeof t === 'number' ? t / iters[i] : t));
            out.add({ benchmark: id, metric: 'time', unit: 'ns', direction: 'lower', samples });
            return out.finish({ samplingMode: doc.sampling_mode });
        }
        if (isRecord(doc) && isRecord(doc.mean)) {
            out.warn(`${JSON.stringify(id)}: estimates.json holds only estimates; the mean is used as one sample. Read sample.json beside it to compare every sample`);
            out.add({ benchmark: id, metric: 'time', unit: 'ns', direction: 'lower', samples: [doc.mean.point_estimate] });
            return out.finish({ estimates: doc });
        }
        throw shapeError(file, 'criterion', 'expected sample.json (`iters` and `times`) or estimates.json (`mean.point_estimate`)');
    },
};
function idFromPath(file) {
    const parts = file.split(/[\\/]/);
    const root = parts.lastIndexOf('criterion');
    // criterion/<id…>/<baseline>/<file>
    if (root < 0 || parts.length - root < 4)
        return undefined;
    return parts.slice(root + 1, -2).join('/');
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/google-benchmark.ts

/** Fields of a Google Benchmark entry that are not measurements; any other number is a user counter. */
const NOT_COUNTERS = new Set([
    'name',
    'family_index',
    'per_family_instance_index',
    'run_name',
    'run_type',
    'repetitions',
    'repetition_index',
    'threads',
    'iterations',
    'real_time',
    'cpu_time',
    'time_unit',
    'aggregate_name',
    'aggregate_unit',
    'error_occurred',
    'error_message',
    'skipped',
    'skip_message',
    'label',
    'big_o',
    'rms',
    'cpu_coefficient',
    'real_coefficient',
]);
/** Memory-manager fields: measurements, but better lower. */
const MEMORY = {
    allocs_per_iter: 'allocs',
    max_bytes_used: 'bytes',
    total_allocated_bytes: 'bytes',
    net_heap_growth: 'bytes',
};
/** `--benchmark_format=json` / `--benchmark_out_format=json` output of Google Benchmark. */
const googleBenchmarkParser = {
    format: 'googlebenchmark',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v) || !Array.isArray(v.benchmarks))
            return false;
        if (isRecord(v.context) && ('library_build_type' in v.context || 'num_cpus' in v.context))
            return true;
        const first = v.benchmarks[0];
        return isRecord(first) && 'time_unit' in first && 'real_time' in first;
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!isRecord(doc) || !Array.isArray(doc.benchmarks))
            throw shapeError(file, 'googlebenchmark', 'expected an object with a `benchmarks` list');
        const out = new Collector(file, 'googlebenchmark');
        const context = isRecord(doc.context) ? doc.context : {};
        if (context.library_build_type === 'debug') {
            out.warn('the Google Benchmark library is a debug build; timings may be slower and noisier than a release build of it');
        }
        if (context.cpu_scaling_enabled === true) {
            out.warn('CPU frequency scaling was enabled while benchmarking; timings are noisier. Set the CPU governor to `performance` on the runner');
        }
        const byRun = new Map();
        doc.benchmarks.forEach((e, index) => {
            if (!isRecord(e)) {
                out.problem(undefined, `benchmarks[${index}] is not an object. Produce the file again with --benchmark_out_format=json`);
                return;
            }
            const id = runName(e);
            if (id === undefined) {
                out.problem(undefined, `benchmarks[${index}] has no \`run_name\` or \`name\`. Produce the file again with --benchmark_out_format=json`);
                return;
            }
            if (e.error_occurred === true || (e.skipped !== undefined && e.skipped !== false && e.skipped !== 0)) {
                const why = typeof e.error_message === 'string' ? e.error_message : typeof e.skip_message === 'string' ? e.skip_message : 'no reason given';
                out.warn(`benchmark ${JSON.stringify(id)} was skipped with an error (${why}); it has no results`);
                return;
            }
            const group = byRun.get(id) ?? { iterations: [], means: [] };
            byRun.set(id, group);
            // Entries of versions before run_type existed are iterations.
            if (e.run_type === undefined || e.run_type === 'iteration')
                group.iterations.push(e);
            else if (e.run_type === 'aggregate' && e.aggregate_name === 'mean')
                group.means.push(e);
        });
        const onlyAggregates = [];
        for (const [id, group] of byRun) {
            let used = group.iterations;
            if (used.length === 0) {
                if (group.means.length === 0)
                    continue;
                onlyAggregates.push(id);
                used = group.means;
            }
            else {
                checkRepetitions(out, id, used);
            }
            for (const e of used)
                addEntry(out, id, e);
        }
        if (onlyAggregates.length > 0) {
            out.warn(`only aggregates for ${onlyAggregates.length} benchmark${onlyAggregates.length === 1 ? '' : 's'} (${preview(onlyAggregates)}): the mean of the repetitions is used as one sample. Drop --benchmark_report_aggregates_only to compare every repetition`);
        }
        return out.finish({ context });
    },
};
function runName(e) {
    if (typeof e.run_name === 'string' && e.run_name !== '')
        return e.run_name;
    return typeof e.name === 'string' && e.name !== '' ? e.name : undefined;
}
/** Two iteration entries with the same repetition index: the same benchmark name was registered twice. */
function checkRepetitions(out, id, entries) {
    const seen = new Set();
    for (const e of entries) {
        const index = e.repetition_index ?? 0;
        if (seen.has(index)) {
            out.duplicate(id, 'is registered more than once (two runs with the same name and repetition)');
            return;
        }
        seen.add(index);
    }
}
function addEntry(out, id, e) {
    const timeUnit = typeof e.time_unit === 'string' ? e.time_unit : 'ns';
    const add = (metric, unit, direction, value) => {
        out.add({ benchmark: id, metric, unit, direction, samples: [value] }, { merge: true });
    };
    add('real_time', timeUnit, 'lower', e.real_time);
    add('cpu_time', timeUnit, 'lower', e.cpu_time);
    for (const [key, value] of Object.entries(e)) {
        if (NOT_COUNTERS.has(key) || typeof value !== 'number')
            continue;
        const memoryUnit = MEMORY[key];
        if (memoryUnit !== undefined)
            add(key, memoryUnit, 'lower', value);
        else
            add(key, counterUnit(key), 'higher', value);
    }
}
/** `items_per_second` → `items/s`; a plain counter has no unit. */
function counterUnit(key) {
    const rate = /^(.+)_per_second$/.exec(key);
    return rate?.[1] === undefined ? '' : `${rate[1]}/s`;
}
function preview(names) {
    return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')}, …`;
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/hyperfine.ts

/** `hyperfine --export-json FILE` output. */
const hyperfineParser = {
    format: 'hyperfine',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v) || !Array.isArray(v.results))
            return false;
        const first = v.results[0];
        return isRecord(first) && 'command' in first && ('times' in first || 'mean' in first);
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!isRecord(doc) || !Array.isArray(doc.results))
            throw shapeError(file, 'hyperfine', 'expected an object with a `results` list');
        const out = new Collector(file, 'hyperfine', 'Give each command a distinct name with hyperfine --command-name');
        const withoutTimes = [];
        doc.results.forEach((r, index) => {
            if (!isRecord(r) || typeof r.command !== 'string' || r.command === '') {
                out.problem(undefined, `results[${index}] has no \`command\`. Produce the file again with hyperfine --export-json`);
                return;
            }
            const id = r.command;
            let samples;
            if (Array.isArray(r.times)) {
                samples = r.times;
            }
            else {
                withoutTimes.push(id);
                samples = [r.mean];
            }
            if (Array.isArray(r.exit_codes)) {
                const failed = r.exit_codes.filter((c) => c !== 0).length;
                if (failed > 0)
                    out.warn(`${JSON.stringify(id)}: ${failed} of ${r.exit_codes.length} runs exited with an error; their times are included`);
            }
            out.add({ benchmark: id, metric: 'time', unit: 's', direction: 'lower', samples });
        });
        if (withoutTimes.length > 0) {
            out.warn(`no per-run times for ${withoutTimes.join(', ')}: the mean is used as one sample. Use a hyperfine version that exports \`times\``);
        }
        return out.finish();
    },
};

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/k6.ts

const STAT = /^(?:avg|min|med|max|p\(\d+(?:\.\d+)?\))$/;
/**
 * k6 summaries: the `--summary-export` file (statistics directly under each metric) and the `handleSummary()` data
 * (`{ type, contains, values }`). Each statistic of a trend metric (avg, min, med, max, p(N)) is one metric of the
 * benchmark named after the k6 metric, with a single value. Trends of the export are taken as milliseconds; the
 * export does not say whether a custom trend holds times.
 */
const k6Parser = {
    format: 'k6',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v) || !isRecord(v.metrics))
            return false;
        if ('root_group' in v || 'state' in v)
            return true;
        return Object.values(v.metrics).some((m) => isRecord(m) && ('med' in m || (isRecord(m.values) && 'med' in m.values)));
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!isRecord(doc) || !isRecord(doc.metrics))
            throw shapeError(file, 'k6', 'expected an object with `metrics`');
        const out = new Collector(file, 'k6', 'Give each k6 metric a unique name');
        for (const d of duplicateKeys(text))
            if (d.path.length === 1 && d.path[0] === 'metrics')
                out.duplicate(d.key);
        let trends = 0;
        for (const [name, metric] of Object.entries(doc.metrics)) {
            if (!isRecord(metric))
                continue;
            const nested = isRecord(metric.values);
            const values = nested ? metric.values : metric;
            const isTrend = nested ? metric.type === 'trend' : 'med' in values || 'avg' in values;
            if (!isTrend)
                continue;
            trends++;
            const unit = nested ? unitOf(metric.contains) : 'ms';
            for (const [stat, value] of Object.entries(values)) {
                if (STAT.test(stat))
                    out.add({ benchmark: name, metric: stat, unit, direction: 'lower', samples: [value] });
            }
        }
        if (trends > 0)
            out.warn('a k6 summary holds one value per statistic, not samples; run the load test several times (repetitions) to compare with statistical evidence');
        const meta = {};
        if (isRecord(doc.state))
            meta.state = doc.state;
        const thresholds = Object.fromEntries(Object.entries(doc.metrics).flatMap(([name, m]) => (isRecord(m) && isRecord(m.thresholds) ? [[name, m.thresholds]] : [])));
        if (Object.keys(thresholds).length > 0)
            meta.thresholds = thresholds;
        return out.finish(meta);
    },
};
function unitOf(contains) {
    if (contains === 'time')
        return 'ms';
    if (contains === 'data')
        return 'bytes';
    return '';
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/latency-log.ts






const LATENCY_PERCENTILES = { p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9 };
const latency_log_NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const QUOTE = 34;
const MAX_LINE_BYTES = 1 << 20;
const MAX_REPORTED_ERRORS = 5;
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const UNIT_SECONDS = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 };
/**
 * Parses a trimmed decimal number in buf[s, e). NaN when the bytes are not `[+-]digits[.digits][e[+-]digits]`.
 * Up to 16 significant digits and a power of ten within ±22, m / 10^k and m * 10^k are single correctly rounded
 * operations on exact operands, so the result equals a correctly rounded strtod; other numbers go through Number().
 */
function parseDecimal(buf, s, e) {
    let i = s;
    let neg = false;
    const c = buf[i];
    if (c === 45) {
        neg = true;
        i++;
    }
    else if (c === 43)
        i++;
    let m = 0;
    let sig = 0;
    let exp = 0;
    let digits = 0;
    for (; i < e; i++) {
        const d = buf[i] - 48;
        if (d < 0 || d > 9)
            break;
        digits++;
        if (sig > 0 || d !== 0) {
            sig++;
            m = m * 10 + d;
        }
    }
    if (i < e && buf[i] === 46) {
        for (i++; i < e; i++) {
            const d = buf[i] - 48;
            if (d < 0 || d > 9)
                break;
            digits++;
            exp--;
            if (sig > 0 || d !== 0) {
                sig++;
                m = m * 10 + d;
            }
        }
    }
    if (digits === 0)
        return NaN;
    if (i < e && (buf[i] === 101 || buf[i] === 69)) {
        i++;
        let eneg = false;
        if (buf[i] === 45) {
            eneg = true;
            i++;
        }
        else if (buf[i] === 43)
            i++;
        let x = 0;
        const start = i;
        for (; i < e; i++) {
            const d = buf[i] - 48;
            if (d < 0 || d > 9)
                break;
            if (x < 1e6)
                x = x * 10 + d;
        }
        if (i === start)
            return NaN;
        exp += eneg ? -x : x;
    }
    if (i !== e)
        return NaN;
    let v;
    if (m === 0)
        v = 0;
    else if (sig <= 16 && m < 9007199254740992 && exp >= -22 && exp <= 22)
        v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
    else
        v = Number(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1'));
    return neg ? -v : v;
}
/**
 * A growable Float64Array. The first chunk of a file gives a capacity estimate (with a margin); pages of the
 * allocation that are never written stay virtual, so the margin costs no resident memory.
 */
class SampleBuffer {
    maxLength;
    length = 0;
    view = new Float64Array(0);
    constructor(maxLength) {
        this.maxLength = maxLength;
    }
    /** Sizes the buffer for `expected` samples, before the first push. */
    reserve(expected) {
        if (this.view.length === 0)
            this.view = new Float64Array(Math.max(1024, Math.min(this.maxLength, Math.ceil(expected))));
    }
    push(v) {
        if (this.length === this.view.length)
            this.grow(1);
        this.view[this.length++] = v;
    }
    /** The backing array, with room for `extra` more samples after `length`. */
    ensure(extra) {
        if (this.length + extra > this.view.length)
            this.grow(extra);
        return this.view;
    }
    grow(extra) {
        const next = Math.max(this.length + extra, Math.min(this.maxLength, Math.max(1024, Math.ceil(this.view.length * 1.5))));
        const bigger = new Float64Array(next);
        bigger.set(this.view);
        this.view = bigger;
    }
    /** The samples, exactly `length` long. */
    finish() {
        return this.view.subarray(0, this.length);
    }
}
function latency_log_isBlank(c) {
    return c === SPACE || c === TAB;
}
function quote(token) {
    return JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token);
}
function describeBadToken(token) {
    const t = token.trim().toLowerCase().replace(/^[+-]/, '');
    const shown = quote(token);
    if (t === 'nan')
        return `NaN is not a latency (${shown})`;
    if (t === 'inf' || t === 'infinity')
        return `infinite value ${shown}`;
    if (token.trim() === '')
        return 'empty value';
    return `${shown} is not a number`;
}
function splitFields(line, delimiter) {
    if (delimiter === undefined)
        return [line.trim()];
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                cur += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === delimiter) {
            out.push(cur.trim());
            cur = '';
        }
        else
            cur += ch;
    }
    out.push(cur.trim());
    return out;
}
function looksNumeric(field) {
    const b = Buffer.from(field, 'latin1');
    if (b.length === 0)
        return false;
    if (!Number.isNaN(parseDecimal(b, 0, b.length)))
        return true;
    return /^[+-]?(nan|inf|infinity)$/i.test(field);
}
const LATENCY_NAME = /^(latency|latency[_ .(-].*|elapsed|elapsed[_ .(-].*|duration|duration[_ .(-].*|response[_ ]?time.*|rtt.*|time[_ .(-].*|value)$/i;
const TIMESTAMP_NAME = /^(timestamp|timestamp[_ .(-].*|ts|time_?stamp|start_?time)$/i;
function unitFromName(name) {
    const m = /(?:^|[_\s.(\[-])(ns|us|µs|ms|s|sec|seconds)[)\]]?$/i.exec(name);
    if (!m)
        return undefined;
    const u = m[1].toLowerCase();
    if (u === 'µs')
        return 'us';
    if (u === 'sec' || u === 'seconds')
        return 's';
    return u;
}
function guessTimestampUnit(firstValue) {
    if (firstValue >= 1e17)
        return 'ns';
    if (firstValue >= 1e14)
        return 'us';
    if (firstValue >= 1e11)
        return 'ms';
    return 's';
}
/** Streaming scanner: feed bytes with `push`, then `finish`. Holds only the partial last line between chunks. */
class LatencyScanner {
    file;
    opts;
    totalBytes;
    mode = 'start';
    line = 0;
    carry;
    delimiter = 0;
    column = 0;
    tsColumn = -1;
    lastField = 0;
    columnName;
    headerSeen = false;
    reserved = false;
    sum = 0;
    comp = 0;
    min = Infinity;
    max = -Infinity;
    tsMin = Infinity;
    tsMax = -Infinity;
    tsFirst = NaN;
    errorCount = 0;
    firstErrorLine = 0;
    errors = [];
    samples;
    constructor(file, opts, totalBytes) {
        this.file = file;
        this.opts = opts;
        this.totalBytes = totalBytes;
        this.samples = new SampleBuffer(Math.floor(totalBytes / 2) + 1);
    }
    push(chunk) {
        let pos = 0;
        if (!this.reserved)
            this.reserve(chunk);
        if (this.carry) {
            const nl = chunk.indexOf(latency_log_NL);
            if (nl < 0) {
                this.carry = Buffer.concat([this.carry, chunk]);
                this.checkCarry();
                return;
            }
            const joined = Buffer.concat([this.carry, chunk.subarray(0, nl)]);
            this.carry = undefined;
            this.handleLine(joined, 0, joined.length);
            pos = nl + 1;
        }
        const n = chunk.length;
        while (this.mode === 'start' && pos < n) {
            const nl = chunk.indexOf(latency_log_NL, pos);
            if (nl < 0)
                break;
            this.handleLine(chunk, pos, nl);
            pos = nl + 1;
        }
        if (this.mode === 'plain')
            pos = this.plainRun(chunk, pos, n);
        else if (this.mode === 'delimited')
            pos = this.lineRun(chunk, pos, n);
        if (pos < chunk.length) {
            this.carry = Buffer.from(chunk.subarray(pos));
            this.checkCarry();
        }
    }
    /** Estimates the sample count from the line density of the first chunk (each sample takes at least 2 bytes). */
    reserve(chunk) {
        this.reserved = true;
        const probe = Math.min(chunk.length, 1 << 20);
        let lines = 1;
        for (let i = 0; i < probe; i++)
            if (chunk[i] === latency_log_NL)
                lines++;
        this.samples.reserve(probe >= this.totalBytes ? lines : (1.25 * this.totalBytes * lines) / probe + 4096);
    }
    /** Complete lines of buf[pos, n) through handleLine; returns where the incomplete last line starts. */
    lineRun(buf, pos, n) {
        // A byte loop beats Buffer#indexOf here: lines are short and each native call costs more than the scan.
        for (let i = pos; i < n; i++) {
            if (buf[i] === latency_log_NL) {
                this.handleLine(buf, pos, i);
                pos = i + 1;
            }
        }
        return pos;
    }
    /**
     * One value per line, parsed in the same pass that finds the line end: plain `digits[.digits]` lines of at most
     * 15 digits (exact in a double, so m / 10^k is correctly rounded) are taken here, any other line goes to handleLine.
     */
    plainRun(buf, pos, n) {
        // Room for every line of the chunk, so the loop stores into a local view; state lives in locals and is written
        // back around the rare calls to handleLine, which updates it itself.
        const view = this.samples.ensure(((n - pos) >>> 1) + 1);
        let count = this.samples.length;
        let { sum, comp, min, max, line } = this;
        const save = () => {
            this.samples.length = count;
            this.sum = sum;
            this.comp = comp;
            this.min = min;
            this.max = max;
            this.line = line;
        };
        // Digits accumulate in groups of up to 9 in an int32 (cheaper than a floating multiply-add chain), then join `high`.
        let high = 0;
        let group = 0;
        let groupDigits = 0;
        let digits = 0;
        let dot = -1;
        let i = pos;
        while (i < n) {
            const c = buf[i];
            const d = c - 48;
            if (d >>> 0 <= 9) {
                group = (group * 10 + d) | 0;
                digits++;
                if (++groupDigits === 9) {
                    high = high * 1e9 + group;
                    group = 0;
                    groupDigits = 0;
                }
                i++;
                continue;
            }
            if (c === 46 && dot < 0) {
                dot = i;
                i++;
                continue;
            }
            if (c === latency_log_NL && digits > 0 && digits <= 15) {
                line++;
                const m = high * POW10[groupDigits] + group;
                const v = dot < 0 ? m : m / POW10[i - dot - 1];
                view[count++] = v;
                // Neumaier-compensated sum: the mean of millions of values stays accurate to the last digits.
                const t = sum + v;
                comp += sum >= v ? sum - t + v : v - t + sum;
                sum = t;
                if (v < min)
                    min = v;
                if (v > max)
                    max = v;
            }
            else {
                let j = i;
                while (j < n && buf[j] !== latency_log_NL)
                    j++;
                if (j === n)
                    break;
                save();
                this.handleLine(buf, pos, j);
                ({ sum, comp, min, max, line } = this);
                count = this.samples.length;
                i = j;
            }
            i++;
            pos = i;
            high = 0;
            group = 0;
            groupDigits = 0;
            digits = 0;
            dot = -1;
        }
        save();
        return pos;
    }
    checkCarry() {
        if (this.carry && this.carry.length > MAX_LINE_BYTES) {
            throw new errors/* ConfigurationError */.j1(`${this.file}: line ${this.line + 1} is longer than ${MAX_LINE_BYTES} bytes; not a latency log`, {
                location: { file: this.file, line: this.line + 1 },
            });
        }
    }
    handleLine(buf, s, e) {
        this.line++;
        if (e > s && buf[e - 1] === CR)
            e--;
        if (this.mode === 'plain') {
            while (s < e && latency_log_isBlank(buf[s]))
                s++;
            while (e > s && latency_log_isBlank(buf[e - 1]))
                e--;
            if (s === e || buf[s] === HASH)
                return;
            this.addValue(buf, s, e);
            return;
        }
        let t = s;
        while (t < e && latency_log_isBlank(buf[t]))
            t++;
        if (t === e || buf[t] === HASH)
            return;
        if (this.mode === 'start') {
            this.start(buf.toString('latin1', s, e));
            if (this.headerSeen)
                return;
            if (this.mode === 'plain') {
                while (e > t && latency_log_isBlank(buf[e - 1]))
                    e--;
                this.addValue(buf, t, e);
                return;
            }
        }
        this.handleDelimited(buf, s, e);
    }
    /** Decides from the first content line whether there is a header, which delimiter and which columns. */
    start(first) {
        const delimiter = [',', '\t', ';'].find((d) => first.includes(d));
        const fields = splitFields(first, delimiter);
        const header = fields.some((f) => !looksNumeric(f));
        const where = `${this.file}: `;
        if (header)
            this.headerSeen = true;
        const names = header ? fields : undefined;
        const pick = (want, what, guess) => {
            if (typeof want === 'number') {
                if (!Number.isInteger(want) || want < 0 || want >= fields.length) {
                    throw new errors/* ConfigurationError */.j1(`${where}${what} index ${want} is out of range; the file has ${fields.length} column(s)`);
                }
                return want;
            }
            if (typeof want === 'string') {
                if (!names)
                    throw new errors/* ConfigurationError */.j1(`${where}${what} "${want}" was requested but the file has no header line`);
                let i = names.indexOf(want);
                if (i < 0)
                    i = names.findIndex((n) => n.toLowerCase() === want.toLowerCase());
                if (i < 0)
                    throw new errors/* ConfigurationError */.j1(`${where}no ${what} "${want}" in the header (${names.map((n) => JSON.stringify(n)).join(', ')})`);
                return i;
            }
            if (fields.length === 1 || !guess)
                return fields.length === 1 ? 0 : -1;
            return names ? names.findIndex((n) => guess.test(n)) : -1;
        };
        const column = pick(this.opts.column, 'column', LATENCY_NAME);
        if (column < 0) {
            throw new errors/* ConfigurationError */.j1(names
                ? `${where}cannot tell the latency column among ${names.map((n) => JSON.stringify(n)).join(', ')}; set the column`
                : `${where}${fields.length} columns and no header line; set the latency column by index`);
        }
        this.column = column;
        this.columnName = names?.[column];
        if (this.opts.timestampColumn !== undefined) {
            this.tsColumn = pick(this.opts.timestampColumn, 'timestamp column', undefined);
        }
        else if (names && this.opts.durationSeconds === undefined) {
            this.tsColumn = names.findIndex((n, i) => i !== column && TIMESTAMP_NAME.test(n));
        }
        if (this.tsColumn === column)
            throw new errors/* ConfigurationError */.j1(`${where}the timestamp column is the latency column`);
        this.lastField = Math.max(this.column, this.tsColumn);
        this.delimiter = delimiter === undefined ? -1 : delimiter.charCodeAt(0);
        this.mode = delimiter === undefined && this.tsColumn < 0 ? 'plain' : 'delimited';
    }
    handleDelimited(buf, s, e) {
        const delim = this.delimiter;
        let field = 0;
        let i = s;
        for (;;) {
            let fs = i;
            let fe;
            while (fs < e && latency_log_isBlank(buf[fs]))
                fs++;
            if (fs < e && buf[fs] === QUOTE) {
                fs++;
                fe = fs;
                while (fe < e && !(buf[fe] === QUOTE && buf[fe + 1] !== QUOTE))
                    fe += buf[fe] === QUOTE ? 2 : 1;
                i = Math.min(e, fe + 1);
                while (i < e && buf[i] !== delim)
                    i++;
            }
            else {
                fe = fs;
                while (fe < e && buf[fe] !== delim)
                    fe++;
                i = fe;
                while (fe > fs && latency_log_isBlank(buf[fe - 1]))
                    fe--;
            }
            if (field === this.column) {
                if (!this.addValue(buf, fs, fe))
                    return;
            }
            else if (field === this.tsColumn && !this.addTimestamp(buf, fs, fe))
                return;
            if (field === this.lastField || i >= e)
                break;
            i++;
            field++;
        }
        if (field < this.lastField)
            this.reject(`${field + 1} field(s), expected at least ${this.lastField + 1}`);
    }
    addTimestamp(buf, s, e) {
        const v = s < e ? parseDecimal(buf, s, e) : NaN;
        if (!Number.isFinite(v)) {
            this.reject(`timestamp: ${describeBadToken(buf.toString('latin1', s, e))}`);
            return false;
        }
        if (Number.isNaN(this.tsFirst))
            this.tsFirst = v;
        if (v < this.tsMin)
            this.tsMin = v;
        if (v > this.tsMax)
            this.tsMax = v;
        return true;
    }
    addValue(buf, s, e) {
        const v = s < e ? parseDecimal(buf, s, e) : NaN;
        if (v >= 0 && v !== Infinity) {
            this.record(v);
            return true;
        }
        const token = buf.toString('latin1', s, e);
        this.reject(v < 0 ? `negative value ${quote(token)}` : v === Infinity ? `infinite value ${quote(token)}` : describeBadToken(token));
        return false;
    }
    record(v) {
        this.samples.push(v);
        // Neumaier-compensated sum: the mean of millions of values stays accurate to the last digits.
        const t = this.sum + v;
        this.comp += this.sum >= v ? this.sum - t + v : v - t + this.sum;
        this.sum = t;
        if (v < this.min)
            this.min = v;
        if (v > this.max)
            this.max = v;
    }
    reject(why) {
        this.errorCount++;
        if (this.errorCount === 1)
            this.firstErrorLine = this.line;
        if (this.errors.length < MAX_REPORTED_ERRORS)
            this.errors.push(`line ${this.line}: ${why}`);
    }
    finish() {
        if (this.carry) {
            const last = this.carry;
            this.carry = undefined;
            this.handleLine(last, 0, last.length);
        }
        const location = { file: this.file, line: this.firstErrorLine };
        if (this.errorCount > 0) {
            const more = this.errorCount > this.errors.length ? `; ${this.errorCount - this.errors.length} more` : '';
            throw new errors/* ConfigurationError */.j1(`${this.file}: ${this.errorCount} bad line(s): ${this.errors.join('; ')}${more}`, { location });
        }
        const count = this.samples.length;
        if (count === 0) {
            const why = this.line === 0 ? 'the file is empty' : this.headerSeen ? 'only a header line' : 'no values, only blank or comment lines';
            throw new errors/* ConfigurationError */.j1(`${this.file}: no latency samples (${why})`, { location: { file: this.file } });
        }
        const samples = this.samples.finish();
        const names = Object.keys(LATENCY_PERCENTILES);
        const { values, intervals } = percentilesWithIntervals(samples, Object.values(LATENCY_PERCENTILES));
        const [p50, p90, p95, p99, p999] = values;
        const fromName = this.columnName === undefined ? undefined : unitFromName(this.columnName);
        const unit = this.opts.unit ?? fromName ?? 'ms';
        const percentileCIs = Object.fromEntries(names.map((name, i) => [name, intervals[i]]));
        const summary = { count, unit, p50, p90, p95, p99, p999, mean: (this.sum + this.comp) / count, max: this.max, min: this.min, percentileCIs };
        if (this.columnName !== undefined)
            summary.column = this.columnName;
        if (this.opts.unit === undefined && fromName === undefined)
            summary.unitAssumed = true;
        const duration = this.opts.durationSeconds ?? this.timestampSpanSeconds();
        if (duration !== undefined && duration > 0) {
            summary.durationSeconds = duration;
            summary.throughput = count / duration;
        }
        if (this.opts.keepSamples)
            summary.samples = samples;
        return summary;
    }
    timestampSpanSeconds() {
        if (this.tsColumn < 0 || !(this.tsMax > this.tsMin))
            return undefined;
        const unit = this.opts.timestampUnit ?? guessTimestampUnit(this.tsFirst);
        return (this.tsMax - this.tsMin) * UNIT_SECONDS[unit];
    }
}
/**
 * Rearranges `values` so that the order statistics at the given ranks sit at their sorted positions
 * (introselect: Hoare partitions around a median of three, sorting a range whose partitions go badly).
 */
function selectRanks(a, ranks) {
    const stack = [[0, a.length - 1, 0, ranks.length - 1, 2 * Math.ceil(Math.log2(a.length + 1)) + 8]];
    while (stack.length > 0) {
        let [lo, hi, ka, kb, budget] = stack.pop();
        for (;;) {
            if (hi - lo < 24) {
                for (let i = lo + 1; i <= hi; i++) {
                    const x = a[i];
                    let j = i - 1;
                    while (j >= lo && a[j] > x) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = x;
                }
                break;
            }
            if (budget-- === 0) {
                a.subarray(lo, hi + 1).sort();
                break;
            }
            const mid = lo + ((hi - lo) >> 1);
            if (a[mid] < a[lo])
                swap(a, mid, lo);
            if (a[hi] < a[lo])
                swap(a, hi, lo);
            if (a[hi] < a[mid])
                swap(a, hi, mid);
            const p = a[mid];
            let i = lo - 1;
            let j = hi + 1;
            for (;;) {
                do
                    i++;
                while (a[i] < p);
                do
                    j--;
                while (a[j] > p);
                if (i >= j)
                    break;
                const t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            // [lo, j] <= p <= [j + 1, hi]; continue with the side holding ranks, stack the other if it holds some too.
            let split = ka;
            while (split <= kb && ranks[split] <= j)
                split++;
            const left = split > ka;
            const right = split <= kb;
            if (left && right)
                stack.push([j + 1, hi, split, kb, budget]);
            if (left) {
                hi = j;
                kb = split - 1;
            }
            else {
                lo = j + 1;
                ka = split;
            }
        }
    }
}
function swap(a, i, j) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
}
const KEY_SHIFT = 12;
const HIGH_WORD = external_node_os_default().endianness() === 'LE' ? 1 : 0;
/**
 * Order statistics at the sorted `ranks` without reordering `values`, for non-negative values. Their bit patterns
 * sort like the values, so the high 20 bits of each (exponent and 8 mantissa bits: buckets 0.4% wide) key a
 * histogram; a second pass copies out only the values in the buckets that hold the ranks, and a selection over
 * that small copy finishes the job. Undefined for negative values (or -0), or when those buckets hold too many
 * values (heavy ties); callers then select in place.
 */
function ranksByHistogram(values, ranks) {
    const n = values.length;
    const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
    const hist = new Int32Array(1 << (32 - KEY_SHIFT));
    let signs = 0;
    for (let i = HIGH_WORD; i < 2 * n; i += 2) {
        const w = words[i];
        hist[w >>> KEY_SHIFT]++;
        signs |= w;
    }
    if (signs < 0)
        return undefined;
    const wanted = new Uint8Array(hist.length);
    const bucketOf = [];
    let below = 0;
    let key = 0;
    for (const rank of ranks) {
        while (below + hist[key] <= rank)
            below += hist[key++];
        bucketOf.push({ rank, key, below });
        wanted[key] = 1;
    }
    let total = 0;
    const offset = new Map();
    for (const { key: k } of bucketOf) {
        if (offset.has(k))
            continue;
        offset.set(k, total);
        total += hist[k];
    }
    if (total > Math.max(1 << 16, n >>> 3))
        return undefined;
    const picked = new Float64Array(total);
    let m = 0;
    for (let i = 0; i < n; i++)
        if (wanted[words[2 * i + HIGH_WORD] >>> KEY_SHIFT] !== 0)
            picked[m++] = values[i];
    const positions = bucketOf.map((q) => offset.get(q.key) + q.rank - q.below);
    selectRanks(picked, [...new Set(positions)].sort((x, y) => x - y));
    return new Map(bucketOf.map((q, i) => [q.rank, picked[positions[i]]]));
}
/** Order statistics of `values` at the given 0-based ranks (values may be reordered for small inputs). */
function orderStatistics(values, wanted) {
    const ranks = [...new Set(wanted)].sort((x, y) => x - y);
    const at = values.length > 1 << 16 ? ranksByHistogram(values, ranks) : undefined;
    if (at !== undefined)
        return at;
    selectRanks(values, ranks);
    return new Map(ranks.map((r) => [r, values[r]]));
}
function percentilePlan(n, p) {
    if (!(p >= 0 && p <= 100))
        throw new RangeError(`percentile ${p} is outside [0, 100]`);
    const v = (n - 1) * (p / 100);
    if (v >= n - 1)
        return { lo: n - 1, hi: n - 1, g: 0 };
    const lo = Math.floor(v);
    return { lo, hi: lo + 1, g: v - lo };
}
/** numpy's two-sided lerp. */
function lerp(a, b, g) {
    const diff = b - a;
    return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}
/**
 * numpy.percentile(values, percents) with the default 'linear' method, bit for bit: virtual index (n-1)*(p/100),
 * and numpy's two-sided lerp. Large inputs are left as they are; small ones (or unlucky samples) are partially
 * reordered by an in-place selection.
 */
function percentiles(values, percents) {
    return percentilesWithIntervals(values, percents).values;
}
/**
 * Ranks bounding the bootstrap percentile interval of the p-th percentile of n samples. The bootstrap
 * distribution of a sample quantile needs no resampling: the number of resampled values at or below the j-th
 * smallest sample is Binomial(n, (j + 1) / n), so the resampled quantile is an order statistic of the sample
 * whose rank is spread like that binomial around the percentile's own rank — by about √(n·q·(1 − q)) ranks
 * (normal approximation; the rank is rounded outwards and clamped to the sample).
 */
function percentileIntervalRanks(n, p, level) {
    const q = p / 100;
    const z = jstat_default().normal.inv(1 - (1 - level) / 2, 0, 1);
    const centre = (n - 1) * q;
    const spread = z * Math.sqrt(n * q * (1 - q));
    const clamp = (r) => Math.min(n - 1, Math.max(0, r));
    return [clamp(Math.floor(centre - spread)), clamp(Math.ceil(centre + spread))];
}
/**
 * percentiles() together with the bootstrap percentile interval (see percentileIntervalRanks) of each, at
 * `level` (default 0.95), from one selection pass over the values.
 */
function percentilesWithIntervals(values, percents, level = 0.95) {
    const n = values.length;
    if (n === 0)
        throw new RangeError('no values');
    const plan = percents.map((p) => percentilePlan(n, p));
    const bounds = percents.map((p) => percentileIntervalRanks(n, p, level));
    const at = orderStatistics(values, [...plan.flatMap((q) => [q.lo, q.hi]), ...bounds.flat()]);
    return {
        values: plan.map(({ lo, hi, g }) => lerp(at.get(lo), at.get(hi), g)),
        intervals: bounds.map(([lo, hi]) => ({ lower: at.get(lo), upper: at.get(hi), level })),
    };
}
const READ_CHUNK = 1 << 20;
/** Streams a latency log from disk and summarises it; memory is the samples (8 bytes each) plus one chunk. */
async function ingestLatencyFile(file, opts = {}) {
    const label = opts.label ?? file;
    let size;
    try {
        const s = await (0,promises_.stat)(file);
        if (!s.isFile())
            throw new Error('not a regular file');
        size = s.size;
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${label}: cannot read the latency log: ${(0,errors/* errorMessage */.gJ)(e)}`, { location: { file: label }, cause: e });
    }
    if (size === 0)
        throw new errors/* ConfigurationError */.j1(`${label}: no latency samples (the file is empty)`, { location: { file: label } });
    const scanner = new LatencyScanner(label, opts, size);
    const stream = (0,external_node_fs_.createReadStream)(file, { highWaterMark: READ_CHUNK });
    try {
        for await (const chunk of stream)
            scanner.push(chunk);
    }
    catch (e) {
        if (e instanceof errors/* ConfigurationError */.j1)
            throw e;
        throw new errors/* ConfigurationError */.j1(`${label}: cannot read the latency log: ${(0,errors/* errorMessage */.gJ)(e)}`, { location: { file: label }, cause: e });
    }
    finally {
        stream.destroy();
    }
    return scanner.finish();
}
/** Summarises a latency log already in memory. */
function summarizeLatencyLog(file, text, opts = {}) {
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const scanner = new LatencyScanner(file, opts, buf.length);
    scanner.push(buf);
    return scanner.finish();
}
const LOG_EXTENSIONS = new Set(['', '.log', '.txt', '.csv', '.tsv', '.dat', '.lat', '.out']);
function contentLines(text, max) {
    const out = [];
    let pos = 0;
    while (out.length < max && pos < text.length) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.length;
        const line = text.slice(pos, nl).trim();
        if (line !== '' && !line.startsWith('#'))
            out.push(line);
        pos = nl + 1;
    }
    return out;
}
function detect(file, text) {
    if (!LOG_EXTENSIONS.has(external_node_path_default().extname(file).toLowerCase()))
        return false;
    const lines = contentLines(text, 3);
    const first = lines[0];
    if (first === undefined)
        return false;
    const delimiter = [',', '\t', ';'].find((d) => first.includes(d));
    const head = splitFields(first, delimiter);
    if (head.every((f) => looksNumeric(f)))
        return head.length === 1;
    const column = head.length === 1 ? 0 : head.findIndex((n) => LATENCY_NAME.test(n));
    const next = lines[1];
    if (column < 0 || next === undefined)
        return false;
    const value = splitFields(next, delimiter)[column];
    return value !== undefined && looksNumeric(value);
}
/**
 * Fewest raw samples from which a percentile of one run is reported: 10 / (1 − q), so that about ten samples
 * lie beyond it (P99 needs 1,000, P99.9 10,000). Below that the tail value is mostly one or two samples.
 */
function minSamplesFor(percent) {
    return Math.ceil(Number((10 / (1 - percent / 100)).toPrecision(12)));
}
function measurementsOf(benchmark, s, warnings, file) {
    const lower = (metric, value) => ({ benchmark, metric, unit: s.unit, direction: 'lower', samples: [value] });
    const out = [];
    const tail = [
        ['p50', 50, 'p50'],
        ['p90', 90, 'p90'],
        ['p95', 95, 'p95'],
        ['p99', 99, 'p99'],
        ['p99.9', 99.9, 'p999'],
    ];
    const skipped = [];
    for (const [metric, percent, name] of tail) {
        if (s.count >= minSamplesFor(percent))
            out.push({ ...lower(metric, s[name]), interval: s.percentileCIs[name] });
        else
            skipped.push(`${metric} (needs ${minSamplesFor(percent).toLocaleString('en')})`);
    }
    out.push(lower('mean', s.mean), lower('max', s.max));
    if (skipped.length)
        warnings.push(`${file}: ${s.count} samples are too few to judge ${skipped.join(', ')}; those percentiles are not compared`);
    if (s.throughput !== undefined)
        out.push({ benchmark, metric: 'throughput', unit: 'req/s', direction: 'higher', samples: [s.throughput] });
    return out;
}
/**
 * Parser for small latency logs held in memory. The benchmark is the file's base name; metrics p50 … p99.9,
 * mean, max (lower is better) and throughput (higher) when timestamps give the duration; each percentile carries
 * its 95% bootstrap interval. `meta.latency` holds the summary.
 */
const latencyLogParser = {
    format: 'latency-log',
    detect,
    parse(file, text, opts) {
        return latencyParsedFile(file, summarizeLatencyLog(file, text), opts);
    },
};
/** The ParsedFile of a summarised latency log (shared by the in-memory parser and the streaming reader). */
function latencyParsedFile(file, summary, opts) {
    const warnings = [];
    if (summary.unitAssumed)
        warnings.push(`${file}: no latency unit in the file; assuming ms (name the column e.g. latency_us, or set the unit)`);
    const benchmark = opts?.name ?? external_node_path_default().basename(file, external_node_path_default().extname(file));
    return { file, format: 'latency-log', measurements: measurementsOf(benchmark, summary, warnings, file), warnings, meta: { latency: summary } };
}
/** Whether the start of a file (its first few lines suffice) looks like a latency log. */
function looksLikeLatencyLog(file, head) {
    return detect(file, head);
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/pytest-benchmark.ts

/** `pytest --benchmark-json=FILE` output, or a file saved with `--benchmark-save` / `--benchmark-autosave`. */
const pytestBenchmarkParser = {
    format: 'pytest-benchmark',
    detect(_file, text) {
        const v = peekJson(text);
        if (!isRecord(v) || !Array.isArray(v.benchmarks))
            return false;
        const first = v.benchmarks[0];
        return 'machine_info' in v || (isRecord(first) && 'fullname' in first && 'stats' in first);
    },
    parse(file, text) {
        const doc = readJson(file, text);
        if (!isRecord(doc) || !Array.isArray(doc.benchmarks))
            throw shapeError(file, 'pytest-benchmark', 'expected an object with a `benchmarks` list');
        const out = new Collector(file, 'pytest-benchmark');
        const withoutData = [];
        doc.benchmarks.forEach((b, index) => {
            const id = isRecord(b) ? (str(b.fullname) ?? str(b.name)) : undefined;
            if (!isRecord(b) || id === undefined) {
                out.problem(undefined, `benchmarks[${index}] has no \`fullname\`. Produce the file again with --benchmark-json`);
                return;
            }
            const stats = b.stats;
            if (!isRecord(stats)) {
                out.problem(id, 'has no `stats`; the benchmark did not complete. Fix the test and run it again');
                return;
            }
            let samples;
            if (Array.isArray(stats.data)) {
                samples = stats.data;
            }
            else {
                withoutData.push(id);
                samples = [stats.mean];
            }
            out.add({ benchmark: id, metric: 'time', unit: 's', direction: 'lower', samples });
        });
        if (withoutData.length > 0) {
            out.warn(`no raw timings (stats.data) for ${withoutData.length} benchmark${withoutData.length === 1 ? '' : 's'}: the mean is used as one sample. Write the file with --benchmark-json, or add --benchmark-save-data to --benchmark-save`);
        }
        const meta = {};
        for (const key of ['machine_info', 'commit_info', 'datetime', 'version'])
            if (doc[key] !== undefined)
                meta[key] = doc[key];
        return out.finish(meta);
    },
};
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/shipgate.ts



/** shipgate's own format, `schemas/perf-results.schema.json`. */
const shipgateParser = {
    format: 'shipgate',
    detect(_file, text) {
        const v = peekJson(text);
        return isRecord(v) && 'schemaVersion' in v && Array.isArray(v.benchmarks);
    },
    parse(file, text) {
        const raw = readJson(file, text);
        const value = (0,config/* validateValue */.q0)(withFiniteSamples(raw), (0,schema_files/* loadSchema */.e)('perf-results.schema.json'), { file });
        const out = new Collector(file, 'shipgate');
        value.benchmarks.forEach((b, i) => {
            out.add({ benchmark: b.name, metric: b.metric, unit: b.unit, direction: b.direction ?? directionOfUnit(b.unit), samples: samplesOf(raw, i) });
        });
        return out.finish(value.meta);
    },
};
/**
 * A copy for schema validation in which every sample reads as 0: the schema checks the shape, and the collector
 * then checks the original samples and reports bad ones (NaN, null, negative times) by benchmark name.
 */
function withFiniteSamples(raw) {
    if (!isRecord(raw) || !Array.isArray(raw.benchmarks))
        return raw;
    const benchmarks = raw.benchmarks.map((b) => isRecord(b) && Array.isArray(b.samples) ? { ...b, samples: b.samples.map(() => 0) } : b);
    return { ...raw, benchmarks };
}
function samplesOf(raw, index) {
    const b = isRecord(raw) && Array.isArray(raw.benchmarks) ? raw.benchmarks[index] : undefined;
    return isRecord(b) && Array.isArray(b.samples) ? b.samples : [];
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/parsers/index.ts













/** Every parser, in detection order: the most specific shapes first, plain-text latency logs last. */
const PARSERS = [
    shipgateParser,
    googleBenchmarkParser,
    pytestBenchmarkParser,
    hyperfineParser,
    criterionParser,
    k6Parser,
    benchmarkActionParser,
    bmfParser,
    latencyLogParser,
];
const FORMAT_NAMES = PARSERS.map((p) => p.format);
const byFormat = new Map(PARSERS.map((p) => [p.format, p]));
/** The parser of a format name; an unknown name is a ConfigurationError listing the known ones. */
function parserFor(format) {
    const parser = byFormat.get(format);
    if (parser === undefined) {
        throw new errors/* ConfigurationError */.j1(`unknown result format ${JSON.stringify(format)}. Known formats: ${FORMAT_NAMES.join(', ')}.`, { field: 'format' });
    }
    return parser;
}
/** The format of a result file, or undefined when no parser recognises it. */
function detectFormat(file, text) {
    return PARSERS.find((p) => p.detect(file, text))?.format;
}
/**
 * Parses one result file: of the given format, else of the detected one. Every error is a ConfigurationError
 * naming the file (a ResultFileError, with the usable part, when single benchmarks are bad).
 */
function parseResultFile(file, text, format, opts) {
    const forced = format === undefined || format === '' ? undefined : parserFor(format);
    if (isBlank(text))
        throw emptyFileError(file);
    if (forced !== undefined)
        return parseAs(forced, file, text, opts);
    const detected = detectFormat(file, text);
    if (detected === undefined) {
        // Broken JSON is reported as such, with its position, rather than as an unknown format.
        if (/^[\s\uFEFF]*[{[]/.test(text))
            readJson(file, text);
        throw new ResultFileError(`${file}: cannot tell the format of this result file. Known formats: ${FORMAT_NAMES.join(', ')}. Set the format explicitly if it is one of them.`, file);
    }
    return parseAs(parserFor(detected), file, text, opts);
}
/** Reads and parses a result file; `displayPath` names it in messages (default: `file`). */
async function readResultFile(file, opts = {}) {
    const shown = opts.displayPath ?? file;
    if (opts.format === undefined || opts.format === '' || opts.format === 'latency-log') {
        const head = await largeFileHead(file);
        if (head !== undefined && (opts.format === 'latency-log' || looksLikeLatencyLog(shown, head))) {
            // Millions of latency samples are streamed into one typed array, never held as one string.
            return latencyParsedFile(shown, await ingestLatencyFile(file, { label: shown }), opts);
        }
    }
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        const why = code === 'ENOENT'
            ? 'not found. Check the path, and that the benchmark run wrote its results there'
            : code === 'EISDIR'
                ? 'is a directory; give the result file inside it'
                : `cannot be read (${code ?? (0,errors/* errorMessage */.gJ)(e)})`;
        throw new ResultFileError(`${shown}: result file ${why}.`, shown);
    }
    return parseResultFile(shown, text, opts.format, opts);
}
const STREAM_ABOVE_BYTES = 16 << 20;
/** The first 64 KiB of a regular file larger than STREAM_ABOVE_BYTES; undefined for anything else. */
async function largeFileHead(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
        const st = await handle.stat();
        if (!st.isFile() || st.size <= STREAM_ABOVE_BYTES)
            return undefined;
        const buf = Buffer.alloc(64 << 10);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        // Cut at the last line break so that a partial line does not spoil detection.
        const text = buf.subarray(0, bytesRead).toString('utf8');
        return text.slice(0, text.lastIndexOf('\n') + 1);
    }
    catch {
        return undefined;
    }
    finally {
        await handle?.close();
    }
}
function parseAs(parser, file, text, opts) {
    try {
        return parser.parse(file, text, opts);
    }
    catch (e) {
        // A parser bug must not surface as a bare stack trace naming nothing.
        if (!(e instanceof errors/* ConfigurationError */.j1))
            throw new Error(`${file}: internal error while reading it as ${parser.format}: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
        if (e instanceof ResultFileError && e.partial !== undefined)
            throw e;
        // The file does not fit a forced format: say which one it fits.
        const detected = detectFormat(file, text);
        if (detected === undefined || detected === parser.format)
            throw e;
        throw new ResultFileError(`${e.message} The file looks like ${detected} output: set the format to ${detected}, or leave it out to detect it.`, file, undefined, e.location?.line, e.location?.column);
    }
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/report.ts
function num(x) {
    if (x === null || !Number.isFinite(x))
        return '—';
    const a = Math.abs(x);
    if (a !== 0 && (a >= 1e6 || a < 1e-3))
        return x.toExponential(3);
    return Number(x.toPrecision(4)).toString();
}
function report_pct(x) {
    if (x === null || !Number.isFinite(x))
        return '—';
    return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}
function ci(r) {
    return r.ci ? `[${report_pct(r.ci[0])}, ${report_pct(r.ci[1])}]` : '—';
}
function p(r) {
    if (r.adjustedP === null && r.pValue === null)
        return '—';
    const v = r.adjustedP ?? r.pValue ?? 1;
    return v < 0.001 ? '<0.001' : v.toFixed(3);
}
const COLUMNS = ['benchmark', 'metric', 'baseline', 'current', 'change', '95% CI', 'p (Holm)', 'verdict'];
function row(r, status) {
    return {
        cells: [r.benchmark, r.metric, `${num(r.baseline)} ${r.unit}`, `${num(r.current)} ${r.unit}`, report_pct(r.change), ci(r), p(r), r.reason ? `${r.verdict}: ${r.reason}` : r.verdict],
        ...(status ? { status } : {}),
    };
}
/**
 * The run's verdict: a regression per the policy; a suite that failed, hung or was killed fails the run (the change
 * broke its benchmarks); unusable result files are an error of the input.
 */
function runVerdict(rows, config, problems) {
    if (rows.some((r) => r.verdict === 'regression'))
        return config.onRegression;
    if (problems.some((p) => p.id.startsWith('suite-failed')))
        return 'fail';
    if (problems.length > 0)
        return 'error';
    if (rows.some((r) => r.verdict === 'inconclusive'))
        return config.onInconclusive;
    return 'pass';
}
function summaryLine(rows) {
    const count = (v) => rows.filter((r) => r.verdict === v).length;
    const parts = [`${count('regression')} regressions`, `${count('improvement')} improvements`, `${count('unchanged')} unchanged`];
    for (const v of ['inconclusive', 'new', 'missing'])
        if (count(v))
            parts.push(`${count(v)} ${v}`);
    return `${parts.join(', ')} in ${rows.length} benchmark metrics`;
}
/** Regressions first, then improvements, then what could not be judged; unchanged rows collapsed. */
function resultSections(rows, config) {
    const by = (v) => rows.filter((r) => v.includes(r.verdict));
    const sections = [];
    const regressions = by(['regression']).sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
    const improvements = by(['improvement']);
    const other = by(['inconclusive', 'new', 'missing']);
    const unchanged = by(['unchanged']);
    const rule = `A regression needs a change beyond ${report_pct(config.threshold)} of the ${config.statistic} and a Holm-adjusted one-sided p below ${config.alpha} across all ${rows.length} metrics.`;
    if (regressions.length)
        sections.push({ id: 'regressions', title: `Regressions (${regressions.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: regressions.map((r) => row(r, 'fail')) }, { type: 'text', text: rule }] });
    if (improvements.length)
        sections.push({ id: 'improvements', title: `Improvements (${improvements.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: improvements.map((r) => row(r, 'pass')) }] });
    if (other.length)
        sections.push({ id: 'not-judged', title: `Not judged (${other.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: other.map((r) => row(r, r.verdict === 'inconclusive' ? 'inconclusive' : 'skip')) }] });
    if (unchanged.length)
        sections.push({ id: 'unchanged', title: `Unchanged (${unchanged.length})`, importance: 'detail', collapsed: true, blocks: [{ type: 'table', columns: COLUMNS, rows: unchanged.map((r) => row(r, 'pass')) }] });
    if (!regressions.length && rows.length)
        sections.push({ id: 'rule', title: 'Rule', importance: 'detail', blocks: [{ type: 'text', text: rule }] });
    return sections;
}
function regressionFindings(rows) {
    return rows
        .filter((r) => r.verdict === 'regression')
        .map((r) => ({
        id: `regression:${r.benchmark}:${r.metric}`,
        title: `${r.benchmark} ${r.metric} regressed`,
        severity: 'high',
        status: 'fail',
        message: `${r.benchmark} ${r.metric}: ${num(r.baseline)} → ${num(r.current)} ${r.unit} (${report_pct(r.change)}, 95% CI ${ci(r)}, Holm-adjusted p ${p(r)})`,
    }));
}
/** Only characters that cannot end a quoted Mermaid string or the code fence. */
function mermaidLabel(s) {
    return s.replace(/[^A-Za-z0-9 _./:+-]/g, '_').slice(0, 80);
}
/**
 * A Mermaid xychart of a regressed benchmark: the medians of the recent baseline runs, then this run.
 * GitHub renders it in the comment; built from numbers and sanitised names only.
 */
function trendChart(r, history) {
    const points = [...history, r.current ?? NaN].filter((x) => Number.isFinite(x));
    const labels = [...history.map((_, i) => `"-${history.length - i}"`), '"this run"'];
    const text = [
        '```mermaid',
        'xychart-beta',
        `  title "${mermaidLabel(`${r.benchmark} ${r.metric}`)}"`,
        `  x-axis [${labels.join(', ')}]`,
        `  y-axis "${mermaidLabel(r.unit || 'value')}"`,
        `  line [${points.map((x) => Number(x.toPrecision(6))).join(', ')}]`,
        '```',
    ].join('\n');
    return { type: 'markdown', markdown: text };
}
/** The benchmark name under which telemetry summaries are measured. */
const TELEMETRY = 'telemetry';
/** Host and GPU telemetry of the last measured pass, and how the GPUs were (or were not) sampled. */
function telemetrySection(passes) {
    const last = passes.at(-1);
    const rows = (last?.summary ?? []).map((s) => ({ cells: [s.metric, s.unit, num(s.mean), num(s.p95), num(s.max)] }));
    const gpu = last?.gpu.available ? `${last.gpus.length} GPU(s) sampled by one nvidia-smi process` : `GPU: not sampled (${last?.gpu.reason ?? 'unknown'})`;
    return {
        id: 'telemetry',
        title: 'Telemetry',
        importance: 'detail',
        collapsed: true,
        blocks: [
            { type: 'text', text: `${passes.length} measured pass(es), every ${last?.intervalMs ?? '?'} ms; ${gpu}. The time series is telemetry.csv in the artifact.` },
            { type: 'table', columns: ['metric', 'unit', 'mean', 'p95', 'max'], rows },
        ],
    };
}

;// CONCATENATED MODULE: ./src/gates/perf-gate/index.ts















const collected0 = () => ({ measurements: [], problems: [], files: [], telemetry: [], latencyBenchmarks: new Set() });
/**
 * One latency log on each side names the same benchmark whatever the two files are called
 * (`--current after.csv --baseline before.csv`).
 */
function pairLatencyLogs(ctx, current, baseline) {
    const [cur] = current.latencyBenchmarks;
    const [base] = baseline.latencyBenchmarks;
    if (current.latencyBenchmarks.size !== 1 || baseline.latencyBenchmarks.size !== 1 || cur === undefined || base === undefined || cur === base)
        return;
    if (baseline.measurements.some((m) => m.benchmark === cur))
        return;
    ctx.log.info(`comparing latency log ${base} (baseline) with ${cur} (current) as benchmark ${cur}`);
    for (const m of baseline.measurements)
        if (m.benchmark === base)
            m.benchmark = cur;
}
/** Telemetry summaries of a pass as measurements of the `telemetry` benchmark: judged only when config.metrics names them. */
function telemetryMeasurements(t) {
    return t.summary.flatMap((s) => ['mean', 'p95', 'max'].map((stat) => ({ benchmark: TELEMETRY, metric: `${s.metric}.${stat}`, unit: s.unit, direction: 'lower', samples: [s[stat]] })));
}
async function resolveFiles(dir, pattern) {
    if (!/[*?[]/.test(pattern))
        return [external_node_path_default().resolve(dir, pattern)];
    const out = [];
    for await (const f of (0,promises_.glob)(pattern, { cwd: dir }))
        out.push(external_node_path_default().resolve(dir, f));
    return out.sort();
}
/** Parse result files; a bad file is a finding naming it, and the other files are still used. */
async function readResults(ctx, pattern, format, into, dir = ctx.workspace, label = '') {
    const files = await resolveFiles(dir, pattern);
    if (files.length === 0) {
        into.problems.push({ id: 'no-results', title: 'No result files', severity: 'high', status: 'fail', message: `no file matches \`${pattern}\`: did the suite write its results there?` });
        return;
    }
    for (const file of files) {
        const shown = `${label}${external_node_path_default().relative(dir, file) || file}`;
        try {
            const parsed = await readResultFile(file, { ...(format ? { format } : {}), displayPath: shown });
            for (const w of parsed.warnings)
                ctx.log.warning(w.startsWith(shown) ? w : `${shown}: ${w}`);
            into.measurements.push(...parsed.measurements);
            if (parsed.format === 'latency-log')
                for (const m of parsed.measurements)
                    into.latencyBenchmarks.add(m.benchmark);
            into.files.push(shown);
        }
        catch (e) {
            // Keep what the file had that was good; the bad part is a finding naming the file and benchmarks.
            if (e instanceof ResultFileError && e.partial) {
                into.measurements.push(...e.partial.measurements);
                into.files.push(shown);
            }
            into.problems.push({
                id: `bad-results:${shown}`,
                title: `Unusable result file ${shown}`,
                severity: 'high',
                status: 'fail',
                message: (0,errors/* errorMessage */.gJ)(e),
                location: { file: shown },
            });
        }
    }
}
/** One shell command per line, as the user wrote them. */
function lines(text) {
    return (text ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
function suiteSpec(ctx, format) {
    const current = ctx.inputs.optional('current');
    if (!current)
        throw new errors/* ConfigurationError */.j1('input `current`: where does the suite write its results? Give the file (or glob) together with `run`.', { field: 'inputs.current' });
    return {
        commands: lines(ctx.inputs.optional('run')),
        setup: lines(ctx.inputs.optional('setup')),
        current,
        repetitions: ctx.inputs.number('repetitions', 1, { min: 1, max: 1000, integer: true }),
        warmup: ctx.inputs.number('warmup', 0, { min: 0, max: 100, integer: true }),
        timeoutMs: ctx.inputs.number('timeout-minutes', 30, { min: 0.1, max: 24 * 60 }) * 60_000,
        format,
        telemetryMs: ctx.inputs.boolean('telemetry', true) ? ctx.inputs.number('telemetry-interval-ms', 1000, { min: 10, max: 60_000, integer: true }) : undefined,
    };
}
async function setupIn(ctx, spec, dir, label) {
    for (const line of spec.setup) {
        const r = await (0,exec/* execCommand */.NK)({ shell: line }, { cwd: dir, timeoutMs: spec.timeoutMs, signal: ctx.signal, group: `${label}setup: ${line}` });
        if (r.failed)
            throw new errors/* ConfigurationError */.j1(`${label}setup command failed (${r.error ?? `exit ${r.exitCode}`}): ${line}`, { field: 'inputs.setup' });
    }
}
/** One pass of the suite in dir; a failing command is a finding, and what it wrote is still read when measured. */
async function passIn(ctx, spec, dir, what, measured, into, label = '', env) {
    const telemetry = measured && spec.telemetryMs ? startTelemetry({ intervalMs: spec.telemetryMs, signal: ctx.signal }) : undefined;
    for (const line of spec.commands) {
        const r = await (0,exec/* execCommand */.NK)({ shell: line }, { cwd: dir, timeoutMs: spec.timeoutMs, signal: ctx.signal, group: `${label}${what}: ${line}`, ...(env ? { env } : {}) });
        if (r.failed) {
            const why = r.timedOut ? `timed out after ${spec.timeoutMs / 60_000} min` : r.cancelled ? 'cancelled' : (r.error ?? `exit code ${r.exitCode ?? r.signal}`);
            into.problems.push({ id: `suite-failed:${label}${what}`, title: 'The suite failed', severity: 'high', status: 'fail', message: `${label}${what}: ${line} — ${why}\n${r.tail.slice(-10).join('\n')}` });
        }
    }
    if (telemetry) {
        const t = await telemetry.stop();
        into.telemetry.push(t);
        into.measurements.push(...telemetryMeasurements(t));
    }
    if (measured && !ctx.signal.aborted)
        await readResults(ctx, spec.current, spec.format, into, dir, label);
}
async function runSuite(ctx, spec, into) {
    await setupIn(ctx, spec, ctx.workspace, '');
    for (let i = 0; i < spec.warmup + spec.repetitions && !ctx.signal.aborted; i++) {
        const measured = i >= spec.warmup;
        await passIn(ctx, spec, ctx.workspace, measured ? `run ${i - spec.warmup + 1}/${spec.repetitions}` : `warmup ${i + 1}/${spec.warmup}`, measured, into);
    }
}
/** A/B: base and head in their own worktrees, set up, warmed up, then run interleaved. */
async function runAb(ctx, spec, baseRef) {
    // The head is what is checked out (on a pull_request event, the merge of the PR into its base).
    const headSha = await resolveBase(ctx, 'HEAD', 'HEAD');
    const baseSha = await resolveBase(ctx, baseRef, headSha);
    const base = collected0();
    const head = collected0();
    await withWorktrees(ctx, baseSha, headSha, async (sides) => {
        const dirs = { base: sides[0].dir, head: sides[1].dir };
        const into = { base, head };
        for (const side of ['base', 'head'])
            await setupIn(ctx, spec, dirs[side], `${side}: `);
        for (let i = 0; i < spec.warmup; i++)
            for (const side of ['base', 'head'])
                await passIn(ctx, spec, dirs[side], `warmup ${i + 1}`, false, into[side], `${side}: `);
        let n = 0;
        for (const side of abOrder(spec.repetitions)) {
            if (ctx.signal.aborted)
                break;
            n++;
            await passIn(ctx, spec, dirs[side], `run ${Math.ceil(n / 2)}/${spec.repetitions}`, true, into[side], `${side}: `);
        }
    });
    return { base, head, baseSha, headSha };
}
/**
 * Confirmation: the suite runs again (as many measured passes) with SHIPGATE_CONFIRM_BENCHMARKS listing the
 * flagged benchmarks, one per line, so a suite can run only those. A regression stands only if the re-run,
 * judged on its own against the same baseline, shows it again; otherwise it becomes inconclusive, with the reason.
 */
async function confirmRegressions(ctx, spec, rows, baseline, config) {
    const flagged = rows.filter((r) => r.verdict === 'regression');
    if (!flagged.length || !baseline || ctx.signal.aborted)
        return;
    const names = [...new Set(flagged.map((r) => r.benchmark))];
    const again = collected0();
    const env = { SHIPGATE_CONFIRM_BENCHMARKS: names.join('\n') };
    for (let i = 0; i < spec.repetitions && !ctx.signal.aborted; i++)
        await passIn(ctx, spec, ctx.workspace, `confirm ${i + 1}/${spec.repetitions}`, true, again, '', env);
    const recheck = compare(again.measurements.filter((m) => names.includes(m.benchmark)), baseline, config);
    for (const r of flagged) {
        const second = recheck.find((x) => x.benchmark === r.benchmark && x.metric === r.metric);
        if (second?.verdict === 'regression')
            r.reason = `confirmed by a re-run (${report_pct(second.change)})`;
        else {
            r.verdict = 'inconclusive';
            r.reason = `not confirmed: the re-run found ${second ? `${second.verdict} (${report_pct(second.change)})` : 'no result'}`;
        }
    }
}
async function runPerfGate(ctx) {
    const configFile = ctx.inputs.optional('config');
    const config = await loadPerfConfig(configFile && external_node_path_default().resolve(ctx.workspace, configFile), configFile);
    const format = ctx.inputs.optional('format');
    let collected = collected0();
    let spec;
    const abRef = ctx.inputs.optional('ab-base-ref');
    let ab;
    if (abRef) {
        if (!ctx.inputs.optional('run'))
            throw new errors/* ConfigurationError */.j1('A/B mode (`ab-base-ref`) runs the suite on both commits: give `run` too.', { field: 'inputs.run' });
        const r = await runAb(ctx, suiteSpec(ctx, format), abRef);
        collected = r.head;
        ab = r;
    }
    else if (ctx.inputs.optional('run')) {
        spec = suiteSpec(ctx, format);
        await runSuite(ctx, spec, collected);
    }
    else {
        const current = ctx.inputs.optional('current');
        if (!current)
            throw new errors/* ConfigurationError */.j1('perf-gate needs results: give `current` (a result file) or `run` (the suite command).', { field: 'inputs.current' });
        await readResults(ctx, current, format, collected);
    }
    // The baseline: an explicit file, or the store (same hardware only; another fingerprint is flagged, not compared).
    let baseline;
    let trend = [];
    let foreign;
    let baselineSource = 'none';
    const baselineFile = ctx.inputs.optional('baseline');
    if (ab) {
        baseline = ab.base.measurements;
        collected.problems.push(...ab.base.problems);
        baselineSource = `A/B on this runner: base ${ab.baseSha.slice(0, 12)} vs head ${ab.headSha.slice(0, 12)}, interleaved`;
    }
    else if (baselineFile) {
        const b = collected0();
        await readResults(ctx, baselineFile, format, b);
        pairLatencyLogs(ctx, collected, b);
        collected.problems.push(...b.problems.map((f) => ({ ...f, id: `baseline:${f.id}` })));
        baseline = b.measurements;
        baselineSource = baselineFile;
    }
    else {
        const { history, source } = await ctx.baselines.load(ctx.gate, ctx.name);
        const choice = (0,baseline_history/* chooseBaseline */.hf)(history, ctx.runner.fingerprint ?? '');
        if (choice.entry) {
            baseline = choice.entry.data.measurements;
            trend = choice.sameHardware.map((e) => e.data);
            baselineSource = `${source ?? 'store'} (${choice.entry.git.sha?.slice(0, 7) ?? choice.entry.createdAt})`;
        }
        else if (choice.otherHardware) {
            baseline = choice.otherHardware.data.measurements;
            foreign = `baseline from other hardware (runner fingerprint ${choice.otherHardware.fingerprint}, this runner ${ctx.runner.fingerprint ?? 'unknown'})`;
            baselineSource = `${source ?? 'store'} (other hardware)`;
        }
    }
    const rows = compare(collected.measurements, baseline, config, foreign ? { foreignBaseline: foreign } : {});
    if (spec && !ab && ctx.inputs.boolean('confirm', false))
        await confirmRegressions(ctx, spec, rows, baseline, config);
    const sections = [
        { id: 'sources', title: 'Inputs', importance: 'detail', blocks: [{ type: 'text', text: `results: ${collected.files.join(', ') || 'none'}; baseline: ${baselineSource}` }] },
    ];
    if (collected.problems.length) {
        sections.unshift({ id: 'problems', title: 'Problems', importance: 'essential', blocks: collected.problems.map((f) => ({ type: 'code', text: f.message })) });
    }
    sections.splice(collected.problems.length ? 1 : 0, 0, ...resultSections(rows, config));
    const regressed = rows.filter((r) => r.verdict === 'regression').slice(0, 5);
    if (regressed.length && trend.length) {
        // The same median as the results table, so the chart's last point and the history are comparable.
        const medianOf = (d, r) => {
            const xs = d.measurements.filter((m) => m.benchmark === r.benchmark && m.metric === r.metric).flatMap((m) => m.samples);
            return xs.length ? (0,descriptive/* median */.JZ)(xs) : NaN;
        };
        sections.splice(1, 0, { id: 'trends', title: 'Trend of regressed benchmarks', importance: 'detail', blocks: regressed.map((r) => trendChart(r, trend.slice(-10).map((d) => medianOf(d, r)))) });
    }
    if (collected.telemetry.length) {
        await (0,promises_.mkdir)(ctx.reportDir, { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'telemetry.csv'), collected.telemetry.map((t, i) => (i === 0 ? toCsv(t) : toCsv(t).split('\n').slice(1).join('\n'))).join(''));
        sections.push(telemetrySection(collected.telemetry));
    }
    const details = {
        telemetry: collected.telemetry.length ? { passes: collected.telemetry.length, summary: collected.telemetry.at(-1)?.summary, gpu: collected.telemetry.at(-1)?.gpu } : { enabled: false },
        results: rows, baseline: baselineSource, config, ...(ab ? { ab: { baseSha: ab.baseSha, headSha: ab.headSha } } : {})
    };
    const saveBaseline = !ab && (ctx.inputs.boolean('update-baseline', false) || (0,context/* isDefaultBranchPush */.i$)(ctx.run));
    if (saveBaseline && collected.measurements.length && collected.problems.length === 0) {
        details.baselineSaved = await (0,gate/* saveRunBaseline */.W)(ctx, { measurements: collected.measurements });
    }
    const verdict = runVerdict(rows, config, collected.problems);
    // An error here is the input's (unreadable or malformed result files): the CLI exits 2 for it.
    if (verdict === 'error')
        details.error = { kind: 'configuration', message: collected.problems.map((f) => f.message).join('\n') };
    const count = (v) => rows.filter((r) => r.verdict === v).length;
    await writePerfCharts(ctx.reportDir, rows, collected.telemetry, ctx.log);
    return {
        ...(0,gate/* reportShell */.$)(ctx),
        verdict,
        summary: collected.problems.length && !rows.length ? `${collected.problems.length} problems, nothing to compare` : summaryLine(rows),
        findings: [...collected.problems, ...regressionFindings(rows)],
        details,
        sections,
        outputs: { regressions: count('regression'), improvements: count('improvement') },
    };
}
const perf_gate_gate = { gate: 'perf-gate', run: runPerfGate };


/***/ })

};
