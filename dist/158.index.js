export const id = 158;
export const ids = [158];
export const modules = {

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

/***/ 64158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gate: () => (/* binding */ chaos_run_gate),
  ledgerDir: () => (/* binding */ ledgerDir),
  revertLedger: () => (/* binding */ revertLedger),
  runnerLabels: () => (/* binding */ runnerLabels)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/gate.ts
var gate = __webpack_require__(14888);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(84489);
// EXTERNAL MODULE: ./src/core/exec.ts
var exec = __webpack_require__(72642);
// EXTERNAL MODULE: ./src/core/schema-files.ts
var schema_files = __webpack_require__(80674);
;// CONCATENATED MODULE: ./src/gates/chaos-run/experiment.ts
/**
 * The chaos-run experiment file (YAML or JSON, schemas/chaos-experiment.schema.json): loading, the checks the
 * schema cannot express, and the human-readable plan shown by `--dry-run`. The loaded experiment keeps the file's
 * keys (snake_case) so that fault modules read their parameters exactly as written; every fault, probe and
 * integrity check carries its 1-based line in the file.
 */




const SCHEMA = 'chaos-experiment.schema.json';
const HISTORY_CHECKS = new Set(['set', 'queue', 'counter', 'unique-ids']);
/**
 * Reads an experiment file, validates it against the schema (filling in defaults: steady_state.interval_ms 100,
 * target.ready_timeout 30, limits max_duration 600 / max_faults 20 / recovery 60) and checks what the schema
 * cannot: exactly one of target command/endpoint and of workload command/builtin, unique fault ids, known fault
 * types (when given), the number of faults, faults within max_duration, and a history for the integrity checks
 * that read one. Every problem is a ConfigurationError naming the file, the line and the field.
 */
async function loadExperiment(file, opts = {}) {
    const loaded = await (0,config/* loadConfigFile */.HT)(file, (0,schema_files/* loadSchema */.e)(SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
    const raw = loaded.value;
    const at = locator(loaded);
    const lineAt = (pointer) => nearestLine(loaded, pointer) ?? 1;
    // ---- target ----
    const t = raw.target;
    if (t.command === undefined && t.endpoint === undefined) {
        throw at('/target', 'the target has neither `command` nor `endpoint`. Add `command` to start the system under test, or `endpoint` to name one already running.');
    }
    if (t.command !== undefined && t.endpoint !== undefined) {
        throw at('/target/endpoint', 'the target has both `command` and `endpoint`. Keep `command` to start the system under test, or `endpoint` if it is already running, not both.');
    }
    if (t.cwd !== undefined && t.command === undefined) {
        throw at('/target/cwd', 'target.cwd is set but there is no target.command to run in it. Remove `cwd`, or add `command`.');
    }
    const { ready, ...targetRest } = t;
    const target = { ...targetRest, line: lineAt('/target') };
    if (ready !== undefined)
        target.ready = { ...ready, line: lineAt('/target/ready') };
    // ---- workload ----
    let workload;
    if (raw.workload !== undefined) {
        const w = raw.workload;
        if (w.command === undefined && w.builtin === undefined) {
            throw at('/workload', 'the workload has neither `command` nor `builtin`. Add `command` (and the `history` it writes), or a `builtin` workload such as `{ type: http-kv, url: … }`.');
        }
        if (w.command !== undefined && w.builtin !== undefined) {
            throw at('/workload/builtin', 'the workload has both `command` and `builtin`. Keep one of them.');
        }
        workload = { ...w, line: lineAt('/workload') };
    }
    // ---- faults ----
    const limits = raw.limits;
    const seen = new Map();
    const faults = raw.faults.map((f, i) => {
        const pointer = `/faults/${i}`;
        const line = lineAt(pointer);
        const first = seen.get(f.id);
        if (first !== undefined) {
            throw at(`${pointer}/id`, `duplicate fault id \`${f.id}\`: already used by the fault at line ${first}. Give each fault its own id.`);
        }
        seen.set(f.id, line);
        if (opts.knownFaultTypes !== undefined && !opts.knownFaultTypes.includes(f.type)) {
            throw at(`${pointer}/type`, `unknown fault type \`${f.type}\` in fault \`${f.id}\`. Known types: ${[...opts.knownFaultTypes].sort().join(', ')}.`);
        }
        if (i === limits.max_faults) {
            throw at(pointer, `too many faults: ${raw.faults.length}, more than limits.max_faults (${limits.max_faults}); fault \`${f.id}\` is the first beyond the limit. Remove faults, or raise limits.max_faults.`);
        }
        if (f.start > limits.max_duration) {
            throw at(`${pointer}/start`, `fault \`${f.id}\` starts at ${f.start} s, after the end of the run (limits.max_duration: ${limits.max_duration} s). Start it earlier, or raise limits.max_duration.`);
        }
        if (f.duration !== undefined && f.start + f.duration > limits.max_duration) {
            throw at(`${pointer}/duration`, `fault \`${f.id}\` ends at ${f.start + f.duration} s (start ${f.start} + duration ${f.duration}), after the end of the run (limits.max_duration: ${limits.max_duration} s). Shorten or move it, or raise limits.max_duration.`);
        }
        return { ...f, line };
    });
    // ---- integrity ----
    const hasHistory = workload !== undefined && (workload.history !== undefined || workload.builtin !== undefined);
    const integrity = raw.integrity.map((c, i) => {
        const pointer = `/integrity/${i}`;
        if (HISTORY_CHECKS.has(c.type) && !hasHistory) {
            const why = workload === undefined
                ? 'there is no workload'
                : 'the workload has no `history` file';
            throw at(pointer, `the \`${c.type}\` integrity check reads the workload history, but ${why}. Add \`workload.history\` (the JSONL file the workload command writes), use a \`workload.builtin\`, or remove the check.`);
        }
        return { ...c, line: lineAt(pointer) };
    });
    const probes = raw.steady_state.probes.map((p, i) => ({ ...p, line: lineAt(`/steady_state/probes/${i}`) }));
    const experiment = {
        file: loaded.file,
        dir: external_node_path_default().dirname(external_node_path_default().resolve(file)),
        version: raw.version,
        target,
        steady_state: { interval_ms: raw.steady_state.interval_ms, probes },
        faults,
        integrity,
        limits,
    };
    if (raw.title !== undefined)
        experiment.title = raw.title;
    if (workload !== undefined)
        experiment.workload = workload;
    return experiment;
}
// ---- the plan ----
const FAULT_KEYS = new Set(['id', 'type', 'start', 'duration', 'line']);
/** The plan of a run for `--dry-run`: target, workload, probes, the fault timeline sorted by start, integrity checks and limits. */
function planText(e) {
    const out = [];
    out.push(`Experiment: ${e.title ?? '(untitled)'} (${e.file})`);
    const t = e.target;
    out.push(t.command !== undefined ? `Target: start \`${commandText(t.command)}\`${t.cwd === undefined ? '' : ` in ${t.cwd}`}` : `Target: ${t.endpoint ?? '?'} (already running)`);
    if (t.ready !== undefined)
        out.push(`  ready when: ${probeText(t.ready)} (wait at most ${seconds(t.ready_timeout)})`);
    const w = e.workload;
    if (w === undefined)
        out.push('Workload: none');
    else if (w.builtin !== undefined) {
        const b = w.builtin;
        const where = b.type === 'http-kv' ? (b.url ?? '?') : `${b.host ?? '127.0.0.1'}:${b.port ?? '?'}`;
        out.push(`Workload: built-in ${b.type} on ${where}, ${b.rate} ops/s from ${b.clients} client(s)${w.history === undefined ? '' : `, history ${w.history}`}`);
    }
    else
        out.push(`Workload: \`${commandText(w.command ?? [])}\`${w.history === undefined ? '' : `, history ${w.history}`}`);
    out.push(`Steady state: probes every ${e.steady_state.interval_ms} ms`);
    if (e.steady_state.probes.length === 0)
        out.push('  (no probes)');
    for (const p of e.steady_state.probes)
        out.push(`  - ${probeText(p)}`);
    out.push('Faults (timeline):');
    if (e.faults.length === 0)
        out.push('  (no faults)');
    const sorted = e.faults.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i);
    for (const { f } of sorted) {
        const when = f.duration === undefined ? `${seconds(f.start)} (instant)` : `${seconds(f.start)} → ${seconds(f.start + f.duration)}`;
        const params = Object.entries(f)
            .filter(([k, v]) => !FAULT_KEYS.has(k) && v !== undefined)
            .map(([k, v]) => `${k}=${valueText(v)}`);
        out.push(`  ${when}  ${f.id}  ${f.type}${params.length === 0 ? '' : `  ${params.join(' ')}`}`);
    }
    out.push('Integrity checks:');
    if (e.integrity.length === 0)
        out.push('  (none)');
    for (const c of e.integrity) {
        const params = Object.entries(c)
            .filter(([k, v]) => k !== 'type' && k !== 'line' && v !== undefined)
            .map(([k, v]) => `${k}=${valueText(v)}`);
        out.push(`  - ${c.type}${params.length === 0 ? '' : ` (${params.join(', ')})`}`);
    }
    const l = e.limits;
    out.push(`Limits: run at most ${seconds(l.max_duration)}, at most ${l.max_faults} faults, recovery within ${seconds(l.recovery)} after each fault` +
        `${l.allowed_runner_labels === undefined ? '' : `, runners labelled ${l.allowed_runner_labels.join(' or ')}`}` +
        `${l.allow_default_route ? ', faults on the default route allowed' : ''}`);
    return `${out.join('\n')}\n`;
}
function seconds(s) {
    return `${s}s`;
}
function commandText(c) {
    if (typeof c === 'string')
        return c;
    return c.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
}
function valueText(v) {
    if (typeof v === 'string')
        return /\s/.test(v) ? JSON.stringify(v) : v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return JSON.stringify(v);
}
function probeText(p) {
    const name = p.name === undefined ? '' : `${p.name}: `;
    switch (p.type) {
        case 'http':
            return `${name}http GET ${p.url} → ${p.status ?? '2xx'}${p.max_latency_ms === undefined ? '' : ` within ${p.max_latency_ms} ms`}`;
        case 'tcp':
            return `${name}tcp connect ${p.host ?? '127.0.0.1'}:${p.port}`;
        case 'command':
            return `${name}command \`${commandText(p.run)}\` exits ${p.expect_exit ?? 0}`;
        case 'prometheus':
            return `${name}prometheus ${p.url} \`${p.query}\` ${p.expect.trim()}`;
    }
}
// ---- locations ----
/** The line of `pointer` in the loaded file, or of its nearest ancestor that has one. */
function nearestLine(loaded, pointer) {
    for (let p = pointer;; p = p.slice(0, p.lastIndexOf('/'))) {
        const line = loaded.lineOf(p);
        if (line !== undefined || p === '')
            return line;
    }
}
/** Errors located at a JSON pointer of the loaded file: `file:line: message`, with the field named. */
function locator(loaded) {
    return (pointer, message) => {
        const line = nearestLine(loaded, pointer);
        return new errors/* ConfigurationError */.j1(`${line === undefined ? loaded.file : `${loaded.file}:${line}`}: ${message}`, {
            location: line === undefined ? { file: loaded.file } : { file: loaded.file, line },
            field: fieldName(pointer),
        });
    };
}
/** `/faults/2/start` as `faults[2].start`. */
function fieldName(pointer) {
    let out = '';
    for (const s of pointer.split('/').slice(1))
        out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
    return out === '' ? 'the top level' : out;
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/chaostoolkit.ts
/**
 * Chaos Toolkit experiments (https://chaostoolkit.org) run by chaos-run without a Python runtime: `process` and
 * `http` providers, the steady-state hypothesis with its tolerances, the method (pauses, background activities,
 * `ref`), rollbacks, `${name}` substitution from `configuration` and `secrets`, and a journal in the shape of
 * chaoslib's journal.json.
 *
 * Differences from chaoslib, on purpose:
 * - rollbacks always run, also after a failed hypothesis, a failed activity or an abort (the journal says so in
 *   `x-shipgate.rollbacks`);
 * - `python` providers and `probe` tolerances are rejected when the file is loaded;
 * - string arguments of a process provider are split like shlex.split and run without a shell;
 * - boolean and string tolerances are rejected when loaded: chaoslib compares them with the whole probe output,
 *   which for process and http probes is a mapping, so they could never be met;
 * - secret values are replaced by `***` everywhere in the journal.
 */









const chaostoolkit_SCHEMA = 'chaostoolkit-experiment.schema.json';
const MASK = '***';
// ---- detection and loading ----
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A Chaos Toolkit experiment: it has a `steady-state-hypothesis` or a `method`, and no shipgate `version: 1`. */
function isChaosToolkitDocument(doc) {
    if (!isObject(doc))
        return false;
    if (typeof doc.version === 'number')
        return false;
    return 'steady-state-hypothesis' in doc || 'method' in doc;
}
/**
 * Reads a Chaos Toolkit experiment (JSON or YAML), validates it and resolves `ref` activities. Every problem is a
 * ConfigurationError naming the file, the line and the field.
 */
async function loadCtkExperiment(file, opts = {}) {
    const loaded = await (0,config/* loadConfigFile */.HT)(file, (0,schema_files/* loadSchema */.e)(chaostoolkit_SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
    const doc = loaded.value;
    const at = locator(loaded);
    const lineAt = (pointer) => nearestLine(loaded, pointer) ?? 1;
    const secrets = isObject(doc.secrets) ? doc.secrets : {};
    for (const [scope, entries] of Object.entries(secrets)) {
        for (const [name, value] of Object.entries(entries)) {
            if (isObject(value) && value.type !== 'env') {
                throw at(`/secrets/${escapePointer(scope)}/${escapePointer(name)}`, `secret \`${name}\`: only inline values and \`{type: env, key: …}\` are supported. Put the value in an environment variable and use \`type: env\`.`);
            }
        }
    }
    const hypo = isObject(doc['steady-state-hypothesis']) ? doc['steady-state-hypothesis'] : undefined;
    const probesRaw = hypo !== undefined && Array.isArray(hypo.probes) ? hypo.probes : [];
    const methodRaw = Array.isArray(doc.method) ? doc.method : [];
    const rollbacksRaw = Array.isArray(doc.rollbacks) ? doc.rollbacks : [];
    // chaoslib resolves a `ref` by name among the method's activities and the hypothesis probes.
    const byName = new Map();
    methodRaw.forEach((a, i) => typeof a.name === 'string' && byName.set(a.name, { raw: a, pointer: `/method/${i}` }));
    probesRaw.forEach((a, i) => typeof a.name === 'string' && byName.set(a.name, { raw: a, pointer: `/steady-state-hypothesis/probes/${i}` }));
    const activity = (raw, pointer, inHypothesis) => {
        let def = raw;
        let defPointer = pointer;
        if (typeof raw.ref === 'string') {
            const target = byName.get(raw.ref);
            if (target === undefined || typeof target.raw.ref === 'string') {
                throw at(`${pointer}/ref`, `referenced activity \`${raw.ref}\` was not found: a ref names an activity of the method or a probe of the steady-state hypothesis. Check the name.`);
            }
            def = target.raw;
            defPointer = target.pointer;
        }
        return parseActivity(def, defPointer, inHypothesis, at, lineAt(pointer));
    };
    const experiment = {
        file: loaded.file,
        dir: external_node_path_default().dirname(external_node_path_default().resolve(file)),
        doc,
        title: String(doc.title),
        method: methodRaw.map((a, i) => activity(a, `/method/${i}`, false)),
        rollbacks: rollbacksRaw.map((a, i) => activity(a, `/rollbacks/${i}`, false)),
        configurationLines: Object.fromEntries(Object.keys(isObject(doc.configuration) ? doc.configuration : {}).map((k) => [k, lineAt(`/configuration/${escapePointer(k)}`)])),
    };
    if (hypo !== undefined) {
        experiment.hypothesis = {
            title: String(hypo.title),
            probes: probesRaw.map((a, i) => activity(a, `/steady-state-hypothesis/probes/${i}`, true)),
        };
    }
    return experiment;
}
function parseActivity(raw, pointer, inHypothesis, at, line) {
    const name = String(raw.name);
    const p = raw.provider;
    const pp = `${pointer}/provider`;
    let provider;
    switch (p.type) {
        case 'python':
            throw at(`${pp}/type`, `activity \`${name}\`: python providers are not supported: chaos-run runs without a Python runtime; use a process provider that runs the same code.`);
        case 'process': {
            if (typeof p.path !== 'string' || p.path === '')
                throw at(`${pp}/path`, `activity \`${name}\`: a process provider needs \`path\`, the program to run.`);
            const args = p.arguments;
            if (args !== undefined && args !== null && typeof args !== 'string' && !Array.isArray(args) && !isObject(args)) {
                throw at(`${pp}/arguments`, `activity \`${name}\`: \`arguments\` must be a string, a list or a mapping.`);
            }
            if (typeof args === 'string') {
                try {
                    shlexSplit(args);
                }
                catch (e) {
                    throw at(`${pp}/arguments`, `activity \`${name}\`: ${(0,errors/* errorMessage */.gJ)(e)}.`);
                }
            }
            provider = { type: 'process', path: p.path, ...(args == null ? {} : { arguments: args }), ...(typeof p.timeout === 'number' ? { timeout: p.timeout } : {}) };
            break;
        }
        case 'http': {
            if (typeof p.url !== 'string' || p.url === '')
                throw at(`${pp}/url`, `activity \`${name}\`: an http provider needs \`url\`.`);
            if (p.method !== undefined && typeof p.method !== 'string')
                throw at(`${pp}/method`, `activity \`${name}\`: \`method\` must be a string such as GET or POST.`);
            if (p.headers !== undefined && p.headers !== null && !isObject(p.headers))
                throw at(`${pp}/headers`, `activity \`${name}\`: \`headers\` must be a mapping of names to values.`);
            const es = p.expected_status;
            if (es !== undefined && !Number.isInteger(es) && !(Array.isArray(es) && es.every((s) => Number.isInteger(s)))) {
                throw at(`${pp}/expected_status`, `activity \`${name}\`: \`expected_status\` must be a status code or a list of them.`);
            }
            provider = {
                type: 'http',
                url: p.url,
                method: typeof p.method === 'string' ? p.method.toUpperCase() : 'GET',
                ...(isObject(p.headers) ? { headers: p.headers } : {}),
                ...(p.arguments == null ? {} : { arguments: p.arguments }),
                ...(typeof p.timeout === 'number' ? { timeout: p.timeout } : {}),
                ...(es === undefined ? {} : { expected_status: es }),
            };
            break;
        }
        default:
            throw at(`${pp}/type`, `activity \`${name}\`: unknown provider type \`${String(p.type)}\`. chaos-run runs \`process\` and \`http\` providers.`);
    }
    if (inHypothesis && !('tolerance' in raw)) {
        throw at(pointer, `probe \`${name}\` of the steady-state hypothesis has no \`tolerance\`. Add one, e.g. \`tolerance: 0\` for a process exiting 0 or \`tolerance: 200\` for an HTTP status.`);
    }
    if ('tolerance' in raw)
        checkTolerance(raw.tolerance, `${pointer}/tolerance`, name, at);
    const pauses = isObject(raw.pauses) ? raw.pauses : {};
    return {
        name,
        type: raw.type === 'action' ? 'action' : 'probe',
        provider,
        ...('tolerance' in raw ? { tolerance: raw.tolerance } : {}),
        background: raw.background === true,
        pauses: { before: pauses.before, after: pauses.after },
        raw,
        line,
    };
}
function checkTolerance(t, pointer, name, at) {
    if (typeof t === 'boolean' || typeof t === 'string') {
        throw at(pointer, `probe \`${name}\`: a ${typeof t} tolerance is compared with the whole probe output, which for process and http probes is a mapping ({status, stdout, stderr} or {status, headers, body}), so it can never be met (Chaos Toolkit behaves the same). Use \`{type: regex, target: stdout, pattern: …}\`, a \`jsonpath\` tolerance, or a status code.`);
    }
    if (typeof t === 'number' || Array.isArray(t))
        return;
    if (!isObject(t))
        return;
    const target = t.target;
    if (target !== undefined && typeof target !== 'string')
        throw at(`${pointer}/target`, `probe \`${name}\`: the tolerance \`target\` must be the name of an output field, e.g. stdout or body.`);
    switch (t.type) {
        case 'regex':
            if (typeof t.pattern !== 'string')
                throw at(pointer, `probe \`${name}\`: a regex tolerance needs \`pattern\`, a string.`);
            try {
                new RegExp(t.pattern);
            }
            catch (e) {
                throw at(`${pointer}/pattern`, `probe \`${name}\`: invalid regular expression: ${(0,errors/* errorMessage */.gJ)(e)}.`);
            }
            return;
        case 'jsonpath':
            if (typeof t.path !== 'string' || t.path.trim() === '')
                throw at(pointer, `probe \`${name}\`: a jsonpath tolerance needs \`path\`, e.g. \`$.status\`.`);
            if (t.count !== undefined && !Number.isInteger(t.count))
                throw at(`${pointer}/count`, `probe \`${name}\`: \`count\` must be a whole number.`);
            try {
                parseJsonPath(t.path.trim());
            }
            catch (e) {
                throw at(`${pointer}/path`, `probe \`${name}\`: ${(0,errors/* errorMessage */.gJ)(e)}.`);
            }
            return;
        case 'range': {
            const r = t.range;
            if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => typeof x === 'number')) {
                throw at(pointer, `probe \`${name}\`: a range tolerance needs \`range: [lower, upper]\`, two numbers.`);
            }
            return;
        }
        case 'probe':
            throw at(pointer, `probe \`${name}\`: probe tolerances are not supported (in Chaos Toolkit they call a Python function with the value). Use a regex, jsonpath or range tolerance.`);
        default:
            throw at(`${pointer}/type`, `probe \`${name}\`: unknown tolerance type \`${String(t.type)}\`. Use regex, jsonpath or range.`);
    }
}
const TEMPLATE = /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g;
const WHOLE = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}$/;
function pyStr(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    if (v === null || v === undefined)
        return 'None';
    if (typeof v === 'number')
        return String(v);
    return JSON.stringify(v);
}
/** Python string.Template.safe_substitute over strings, recursively; `${name}` alone keeps the value's type. */
function substitute(v, m) {
    if (typeof v === 'string') {
        const whole = WHOLE.exec(v);
        if (whole?.[1] !== undefined && m.has(whole[1]))
            return m.get(whole[1]);
        return v.replace(TEMPLATE, (all, dollar, a, b) => {
            if (dollar !== undefined)
                return '$';
            const key = a ?? b ?? '';
            return m.has(key) ? pyStr(m.get(key)) : all;
        });
    }
    if (Array.isArray(v))
        return v.map((x) => substitute(x, m));
    if (isObject(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, m)]));
    return v;
}
function convertEnv(type, value) {
    if (typeof value !== 'string')
        return value;
    switch (type) {
        case 'int':
            return Number.parseInt(value, 10);
        case 'float':
            return Number.parseFloat(value);
        case 'json':
            return JSON.parse(value);
        default:
            return value;
    }
}
/** Configuration then secrets (chaoslib's ChainMap order). `strict`: a missing env variable without default is an error. */
function resolveValues(e, env, strict, maskSecrets) {
    const mapping = new Map();
    const fromEnv = (v, missing) => {
        const key = String(v.key);
        const value = env[key] ?? v.default;
        if (value === undefined || value === null) {
            const err = missing();
            if (err !== undefined)
                throw err;
            return undefined;
        }
        try {
            return convertEnv(v.env_var_type, value);
        }
        catch {
            return value;
        }
    };
    const config = isObject(e.doc.configuration) ? e.doc.configuration : {};
    for (const [name, v] of Object.entries(config)) {
        if (isObject(v) && v.type === 'env') {
            const value = fromEnv(v, () => {
                if (!strict)
                    return undefined;
                const line = e.configurationLines[name];
                return new errors/* ConfigurationError */.j1(`${e.file}${line === undefined ? '' : `:${line}`}: configuration \`${name}\` reads the environment variable \`${String(v.key)}\`, which is not set and has no \`default\`. Set the variable or add a default.`, { location: line === undefined ? { file: e.file } : { file: e.file, line }, field: `configuration.${name}` });
            });
            if (value !== undefined)
                mapping.set(name, value);
        }
        else
            mapping.set(name, v);
    }
    const secrets = [];
    const scopes = isObject(e.doc.secrets) ? e.doc.secrets : {};
    for (const [scope, entries] of Object.entries(scopes)) {
        for (const [name, v] of Object.entries(entries)) {
            if (mapping.has(name))
                continue;
            const value = isObject(v)
                ? fromEnv(v, () => strict
                    ? new errors/* ConfigurationError */.j1(`${e.file}: secret \`${scope}.${name}\` reads the environment variable \`${String(v.key)}\`, which is not set and has no \`default\`. Set the variable.`, {
                        location: { file: e.file },
                        field: `secrets.${scope}.${name}`,
                    })
                    : undefined)
                : v;
            if (value === undefined)
                continue;
            const text = pyStr(value);
            if (text !== '')
                secrets.push(text);
            mapping.set(name, maskSecrets ? MASK : value);
        }
    }
    secrets.sort((a, b) => b.length - a.length);
    return { mapping, secrets };
}
function redact(v, secrets) {
    if (secrets.length === 0)
        return v;
    const walk = (x) => {
        if (typeof x === 'string')
            return secrets.reduce((s, secret) => s.replaceAll(secret, MASK), x);
        if (Array.isArray(x))
            return x.map(walk);
        if (isObject(x))
            return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
        return x;
    };
    return walk(v);
}
// ---- process arguments ----
/** Splits like Python's shlex.split (POSIX mode): quotes, backslash escapes, no expansion. */
function shlexSplit(s) {
    const out = [];
    let cur = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < s.length; i++) {
        const c = s[i] ?? '';
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                cur += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && i + 1 < s.length && '\\"$`\n'.includes(s[i + 1] ?? ''))
                cur += s[++i] ?? '';
            else
                cur += c;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                out.push(cur);
            cur = '';
            inWord = false;
        }
        else {
            inWord = true;
            if (c === "'" || c === '"')
                quote = c;
            else if (c === '\\') {
                if (i + 1 >= s.length)
                    throw new Error('the arguments end with a lone backslash');
                cur += s[++i] ?? '';
            }
            else
                cur += c;
        }
    }
    if (quote !== undefined)
        throw new Error(`unclosed ${quote === '"' ? 'double' : 'single'} quote in the arguments`);
    if (inWord)
        out.push(cur);
    return out;
}
function processArgv(p, m) {
    const args = substitute(p.arguments, m);
    let list;
    if (args === undefined || args === null)
        list = [];
    else if (typeof args === 'string')
        list = shlexSplit(args);
    else {
        const items = Array.isArray(args) ? args : Object.entries(args).flat();
        list = items.filter((a) => a !== null && a !== undefined && a !== '').map(pyStr);
    }
    return [pyStr(substitute(p.path, m)), ...list];
}
/** `lenient` (the plan): a URL that does not parse yet, e.g. with a placeholder left, is shown as written. */
function httpRequest(p, m, lenient = false) {
    const rawUrl = pyStr(substitute(p.url, m));
    const parsed = URL.canParse(rawUrl);
    if (!parsed && !lenient)
        throw new ActivityFailed(`invalid URL: ${rawUrl}`);
    const url = parsed ? new URL(rawUrl) : { searchParams: new URLSearchParams(), toString: () => rawUrl };
    const headers = {};
    for (const [k, v] of Object.entries(substitute(p.headers ?? {}, m) ?? {}))
        headers[k] = pyStr(v);
    const args = substitute(p.arguments, m);
    const req = { method: p.method, url: '', headers };
    if (p.method === 'GET') {
        if (isObject(args))
            for (const [k, v] of Object.entries(args))
                for (const one of Array.isArray(v) ? v : [v])
                    url.searchParams.append(k, pyStr(one));
    }
    else if (args !== undefined && args !== null) {
        const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
        if (contentType === 'application/json')
            req.body = JSON.stringify(args);
        else if (typeof args === 'string')
            req.body = args;
        else if (isObject(args)) {
            const form = new URLSearchParams();
            for (const [k, v] of Object.entries(args))
                for (const one of Array.isArray(v) ? v : [v])
                    form.append(k, pyStr(one));
            req.body = form.toString();
            if (contentType === undefined)
                headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        else
            req.body = JSON.stringify(args);
    }
    const query = url.searchParams.toString();
    req.url = parsed || query === '' ? url.toString() : `${rawUrl}${rawUrl.includes('?') ? '&' : '?'}${query}`;
    return req;
}
// ---- plan ----
/** The dry-run plan: each activity with its exact argv or HTTP request (configuration from this environment, secrets masked). */
function ctkPlanText(e) {
    const { mapping } = resolveValues(e, process.env, false, true);
    const out = [`Chaos Toolkit experiment: ${e.title} (${e.file})`];
    const describe = (a) => {
        const flags = [];
        if (a.background)
            flags.push('in background');
        const pauses = substitute(a.pauses, mapping);
        if (pauses.before !== undefined)
            flags.push(`pause ${pyStr(pauses.before)}s before`);
        if (pauses.after !== undefined)
            flags.push(`pause ${pyStr(pauses.after)}s after`);
        if (a.provider.timeout !== undefined)
            flags.push(`timeout ${a.provider.timeout}s`);
        let what;
        try {
            if (a.provider.type === 'process')
                what = `run \`${(0,exec/* formatCommand */.fE)({ argv: processArgv(a.provider, mapping) })}\``;
            else {
                const r = httpRequest(a.provider, mapping, true);
                const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
                what = `${r.method} ${r.url}${headers.length === 0 ? '' : ` [${headers.join('; ')}]`}${r.body === undefined ? '' : ` body ${r.body}`}`;
                if (a.provider.expected_status !== undefined)
                    what += ` expecting status ${JSON.stringify(a.provider.expected_status)}`;
            }
        }
        catch (err) {
            what = `(invalid: ${(0,errors/* errorMessage */.gJ)(err)})`;
        }
        const tolerance = a.tolerance === undefined ? '' : `; tolerance ${JSON.stringify(substitute(a.tolerance, mapping))}`;
        return `  - ${a.type} ${a.name} (line ${a.line}): ${what}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}${tolerance}`;
    };
    if (e.hypothesis === undefined || e.hypothesis.probes.length === 0)
        out.push('Steady-state hypothesis: none');
    else {
        out.push(`Steady-state hypothesis: ${e.hypothesis.title} (checked before and after the method)`);
        out.push(...e.hypothesis.probes.map(describe));
    }
    out.push('Method:');
    out.push(...(e.method.length === 0 ? ['  (no activities)'] : e.method.map(describe)));
    out.push('Rollbacks (always run, also after a failed hypothesis, a failed activity or an abort):');
    out.push(...(e.rollbacks.length === 0 ? ['  (none)'] : e.rollbacks.map(describe)));
    return `${out.join('\n')}\n`;
}
// ---- running ----
class ActivityFailed extends Error {
}
async function runProcess(p, ctx, signal) {
    const argv = processArgv(p, ctx.mapping);
    const r = await (0,exec/* execCommand */.NK)({ argv }, {
        cwd: ctx.cwd,
        ...(ctx.env === undefined ? {} : { env: (0,exec/* childEnvironment */.Qc)(ctx.env), extendEnv: false }),
        ...(p.timeout === undefined ? {} : { timeoutMs: p.timeout * 1000 }),
        ...(signal === undefined ? {} : { signal }),
        stream: false,
        capture: true,
        tailLines: 2000,
    });
    if (r.cancelled)
        throw new ActivityFailed('the run was aborted');
    if (r.timedOut)
        throw new ActivityFailed(`process activity took too long to complete (timeout ${p.timeout}s)`);
    if (r.error !== undefined)
        throw new ActivityFailed(r.error);
    const stdout = r.stdout ?? '';
    // execCommand keeps stdout whole and the last lines of both streams interleaved: stderr is what remains of those.
    const remaining = new Map();
    for (const line of stdout.split('\n'))
        remaining.set(line, (remaining.get(line) ?? 0) + 1);
    const stderrLines = r.tail.filter((line) => {
        const n = remaining.get(line) ?? 0;
        if (n > 0)
            remaining.set(line, n - 1);
        return n === 0;
    });
    return { status: r.exitCode ?? -(r.signal === null ? 1 : (external_node_os_.constants.signals[r.signal] ?? 1)), stdout, stderr: stderrLines.length === 0 ? '' : `${stderrLines.join('\n')}\n` };
}
async function runHttp(p, ctx, signal) {
    const req = httpRequest(p, ctx.mapping);
    const signals = [...(signal === undefined ? [] : [signal]), ...(p.timeout === undefined ? [] : [AbortSignal.timeout(p.timeout * 1000)])];
    let res;
    let text;
    try {
        res = await fetch(req.url, {
            method: req.method,
            headers: req.headers,
            ...(req.body === undefined ? {} : { body: req.body }),
            ...(signals.length === 0 ? {} : { signal: AbortSignal.any(signals) }),
        });
        text = await res.text();
    }
    catch (e) {
        if (signal?.aborted === true)
            throw new ActivityFailed('the run was aborted');
        if (e instanceof DOMException && e.name === 'TimeoutError')
            throw new ActivityFailed(`activity took too long to complete (timeout ${p.timeout}s)`);
        const cause = e.cause;
        throw new ActivityFailed(`failed to connect to ${req.url}: ${(0,errors/* errorMessage */.gJ)(cause ?? e)}`);
    }
    let body = text;
    if ((res.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        try {
            body = JSON.parse(text);
        }
        catch {
            body = text;
        }
    }
    const output = { status: res.status, headers: Object.fromEntries(res.headers.entries()), body };
    const expected = p.expected_status;
    if (expected !== undefined && !(Array.isArray(expected) ? expected.includes(res.status) : expected === res.status)) {
        throw Object.assign(new ActivityFailed(`the HTTP status ${res.status} is not the expected ${JSON.stringify(expected)}`), { output });
    }
    return output;
}
/** JSONPath subset: `$`, `.name`, `['name']`, `[n]` (negative from the end), `[*]`, `.*`, `..name`, `..*`. */
function parseJsonPath(p) {
    if (!p.startsWith('$'))
        throw new Error(`JSON path \`${p}\` must start with \`$\``);
    const steps = [];
    const re = /^(?:(\.\.|\.)([A-Za-z_][\w-]*|\*)|(\.\.)?\[(?:(-?\d+)|\*|'([^']*)'|"([^"]*)")\])/;
    let rest = p.slice(1);
    while (rest !== '') {
        const m = re.exec(rest);
        if (m === null) {
            throw new Error(`JSON path \`${p}\`: \`${rest}\` is not supported (supported: .name, ['name'], [n], [*], .*, ..name)`);
        }
        const desc = m[1] === '..' || m[3] === '..';
        let sel;
        if (m[2] !== undefined)
            sel = m[2];
        else if (m[4] !== undefined)
            sel = Number(m[4]);
        else if (m[5] !== undefined)
            sel = m[5];
        else if (m[6] !== undefined)
            sel = m[6];
        else
            sel = '*';
        steps.push({ desc, sel });
        rest = rest.slice(m[0].length);
    }
    return steps;
}
function children(v, sel) {
    if (Array.isArray(v)) {
        if (sel === '*')
            return v;
        if (typeof sel === 'number') {
            const x = v[sel < 0 ? v.length + sel : sel];
            return x === undefined ? [] : [x];
        }
        return [];
    }
    if (isObject(v)) {
        if (sel === '*')
            return Object.values(v);
        const key = String(sel);
        return Object.hasOwn(v, key) ? [v[key]] : [];
    }
    return [];
}
function descendants(v) {
    const out = [v];
    const inner = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
    for (const x of inner)
        out.push(...descendants(x));
    return out;
}
function jsonPathValues(p, value) {
    let nodes = [value];
    for (const step of parseJsonPath(p)) {
        const from = step.desc ? nodes.flatMap(descendants) : nodes;
        nodes = from.flatMap((n) => children(n, step.sel));
    }
    return nodes;
}
function hasStatus(v) {
    return isObject(v) && 'status' in v;
}
function withinTolerance(tolerance, output, m) {
    if (typeof tolerance === 'number')
        return hasStatus(output) ? output.status === tolerance : output === tolerance;
    if (Array.isArray(tolerance)) {
        if (hasStatus(output))
            return tolerance.includes(output.status);
        if (tolerance.length === 2 && typeof output === 'number' && typeof tolerance[0] === 'number' && typeof tolerance[1] === 'number') {
            return tolerance[0] <= output && output <= tolerance[1];
        }
        return tolerance.some((t) => (0,external_node_util_.isDeepStrictEqual)(t, output));
    }
    if (!isObject(tolerance))
        return tolerance === output;
    const t = substitute(tolerance, m);
    let value = output;
    if (typeof t.target === 'string' && t.target !== '' && isObject(output) && Object.hasOwn(output, t.target))
        value = output[t.target];
    switch (t.type) {
        case 'regex': {
            if (typeof value !== 'string')
                return false;
            // Python's re.search: `$` also matches before a final newline.
            const rx = new RegExp(String(t.pattern));
            return rx.test(value) || (value.endsWith('\n') && rx.test(value.slice(0, -1)));
        }
        case 'jsonpath': {
            if (typeof value === 'string') {
                try {
                    value = JSON.parse(value);
                }
                catch {
                    // matched as it is
                }
            }
            const values = jsonPathValues(String(t.path).trim(), value);
            let result = values.length > 0;
            if (typeof t.count === 'number')
                result = values.length === t.count;
            if ('expect' in t)
                result = (0,external_node_util_.isDeepStrictEqual)(values, Array.isArray(t.expect) ? t.expect : [t.expect]);
            return result;
        }
        case 'range': {
            const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
            const [lo, hi] = t.range;
            return !Number.isNaN(n) && lo <= n && n <= hi;
        }
        default:
            return false;
    }
}
// ---- the run ----
function isoNow() {
    return new Date().toISOString();
}
async function pause(seconds, signal) {
    const s = typeof seconds === 'number' ? seconds : typeof seconds === 'string' ? Number(seconds) : Number.NaN;
    if (!(s > 0) || signal?.aborted === true)
        return;
    await new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, s * 1000);
        signal?.addEventListener('abort', done, { once: true });
    });
}
async function executeActivity(a, phase, ctx, signal, onActivity, checkTolerance) {
    const pauses = substitute(a.pauses, ctx.mapping);
    await pause(pauses.before, signal);
    const started = external_node_perf_hooks_.performance.now();
    const start = isoNow();
    let output = null;
    let exception;
    try {
        if (signal?.aborted === true)
            throw new ActivityFailed('the run was aborted');
        output = a.provider.type === 'process' ? await runProcess(a.provider, ctx, signal) : await runHttp(a.provider, ctx, signal);
    }
    catch (e) {
        const partial = e.output;
        if (partial !== undefined)
            output = partial;
        exception = [`ActivityFailed: ${(0,errors/* errorMessage */.gJ)(e)}\n`];
    }
    const endMs = external_node_perf_hooks_.performance.now();
    const run = {
        activity: a.raw,
        output,
        status: exception === undefined ? 'succeeded' : 'failed',
        ...(exception === undefined ? {} : { exception }),
        start,
        end: isoNow(),
        duration: (endMs - started) / 1000,
    };
    if (checkTolerance && a.tolerance !== undefined)
        run.tolerance_met = run.status === 'succeeded' && withinTolerance(a.tolerance, output, ctx.mapping);
    onActivity?.({
        phase,
        name: a.name,
        type: a.type,
        start: started,
        end: endMs,
        ok: run.status === 'succeeded',
        ...(run.tolerance_met === undefined ? {} : { toleranceMet: run.tolerance_met }),
    });
    await pause(pauses.after, signal);
    return run;
}
async function runHypothesis(e, phase, ctx, opts) {
    const state = { steady_state_met: false, probes: [] };
    for (const probe of e.hypothesis?.probes ?? []) {
        const run = await executeActivity(probe, phase, ctx, opts.signal, opts.onActivity, true);
        state.probes.push(run);
        if (run.tolerance_met !== true)
            return state;
    }
    state.steady_state_met = true;
    return state;
}
/**
 * Runs the experiment as chaoslib does (hypothesis, method, hypothesis, rollbacks), except that rollbacks always
 * run. Never throws for a failing activity; throws a ConfigurationError before anything runs when a `type: env`
 * value has no variable and no default.
 */
async function runCtkExperiment(e, opts) {
    const { mapping, secrets } = resolveValues(e, opts.env ?? process.env, true, false);
    const ctx = { mapping, env: opts.env, cwd: opts.cwd ?? e.dir };
    const signal = opts.signal;
    const startedMs = external_node_perf_hooks_.performance.now();
    const experimentDoc = structuredClone(e.doc);
    if (isObject(experimentDoc.secrets)) {
        for (const entries of Object.values(experimentDoc.secrets)) {
            if (!isObject(entries))
                continue;
            for (const [k, v] of Object.entries(entries))
                if (!isObject(v))
                    entries[k] = MASK;
        }
    }
    const journal = {
        'chaoslib-version': 'shipgate',
        platform: `${(0,external_node_os_.platform)()}-${(0,external_node_os_.release)()}-${(0,external_node_os_.arch)()}`,
        node: (0,external_node_os_.hostname)(),
        experiment: experimentDoc,
        start: isoNow(),
        status: 'completed',
        deviated: false,
        steady_states: { before: null, after: null, during: [] },
        run: [],
        rollbacks: [],
        'x-shipgate': { rollbacks: 'always', engine: 'shipgate chaos-run (no Python runtime)' },
    };
    const aborted = () => signal?.aborted === true;
    const withHypothesis = (e.hypothesis?.probes.length ?? 0) > 0;
    let proceed = true;
    if (withHypothesis) {
        const before = await runHypothesis(e, 'hypothesis-before', ctx, opts);
        journal.steady_states.before = before;
        if (aborted()) {
            journal.status = 'aborted';
            proceed = false;
        }
        else if (!before.steady_state_met) {
            journal.status = 'failed';
            proceed = false;
        }
    }
    if (proceed) {
        const slots = [];
        for (const a of e.method) {
            if (aborted())
                break;
            if (a.background)
                slots.push(executeActivity(a, 'method', ctx, signal, opts.onActivity, true));
            else
                slots.push(Promise.resolve(await executeActivity(a, 'method', ctx, signal, opts.onActivity, true)));
        }
        journal.run = await Promise.all(slots);
        if (aborted())
            journal.status = 'aborted';
        else if (withHypothesis) {
            const after = await runHypothesis(e, 'hypothesis-after', ctx, opts);
            journal.steady_states.after = after;
            if (aborted())
                journal.status = 'aborted';
            else if (!after.steady_state_met) {
                journal.deviated = true;
                journal.status = 'failed';
            }
        }
    }
    // Rollbacks always run, without the abort signal: they restore the system.
    const rollbackSlots = [];
    for (const a of e.rollbacks) {
        if (a.background)
            rollbackSlots.push(executeActivity(a, 'rollback', ctx, undefined, opts.onActivity, false));
        else
            rollbackSlots.push(Promise.resolve(await executeActivity(a, 'rollback', ctx, undefined, opts.onActivity, false)));
    }
    journal.rollbacks = await Promise.all(rollbackSlots);
    journal.end = isoNow();
    journal.duration = (external_node_perf_hooks_.performance.now() - startedMs) / 1000;
    return redact(journal, secrets);
}
// ---- locations ----
function escapePointer(segment) {
    return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/gates/chaos-run/ledger.ts
/**
 * The fault ledger: every fault chaos-run applies is written here, with the data needed to undo it, BEFORE it is
 * applied. Whatever is still pending gets reverted by the action's post step, by the detached watchdog
 * (scripts/chaos-watchdog.mjs) when its deadline passes or the runner process dies, and by the next run on the same
 * runner (sweep first).
 *
 * ON-DISK FORMAT (shared with scripts/chaos-watchdog.mjs, which reimplements the reading and reverting in plain
 * JavaScript; test/unit/chaos/ledger.test.ts runs both against the same fixtures so they cannot drift):
 *
 *   <dir>/<runId>.ledger.jsonl   one file per run; runId matches /^[A-Za-z0-9._-]+$/
 *   one JSON object per line, appended (O_APPEND) and fsync'd together with the directory:
 *     {"v":1,"op":"record","id":"<id>","description":"<text>","inverse":[<Inverse>...],"at":"<ISO time>"}
 *     {"v":1,"op":"reverted","id":"<id>","at":"<ISO time>"}
 *   An entry is pending when its file holds a "record" line and no "reverted" line for the same id.
 *   Inverse objects are exactly the `Inverse` type below. A line that does not parse (a crash mid-write leaves at
 *   most a partial last line) is skipped with a warning; an append to a file whose last byte is not a newline
 *   starts with one, so a partial line never swallows the next entry.
 *   Revert order: newest first, by "at", ties broken by the later line (and the later file name).
 *   Each inverse runs with its own timeout: its `timeoutMs` (default 5000 ms), cut so that every later inverse still
 *   has 500 ms of the overall deadline (default 9000 ms), never below 100 ms; once the deadline has passed nothing
 *   more is started. An entry counts as reverted only when all its inverses succeeded; otherwise it stays pending.
 *   Inverses of one entry run in their listed order.
 *
 * Other files in <dir> (work files of faults, the watchdog's log) are never read as ledgers.
 */







const LEDGER_SUFFIX = '.ledger.jsonl';
const DEFAULT_REVERT_DEADLINE_MS = 9000;
const DEFAULT_INVERSE_TIMEOUT_MS = 5000;
/** Kept back from an inverse's timeout for each inverse still to run after it. */
const RESERVE_PER_LATER_MS = 500;
const MIN_SLICE_MS = 100;
const ARGV_GRACE_MS = 300;
const POLL_MS = 25;
const RUN_ID = /^[A-Za-z0-9._-]+$/;
const SIGNALS = new Set(['SIGCONT', 'SIGKILL', 'SIGTERM']);
async function readStat(pid) {
    let text;
    try {
        text = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [state, ppid, pgrp, start] = [f[0], f[1], f[2], f[19]];
    if (state === undefined || ppid === undefined || pgrp === undefined || start === undefined)
        return undefined;
    return { state, ppid: Number(ppid), pgrp: Number(pgrp), start };
}
/** Live (not zombie) process with this pid and, when given, this start time. */
async function liveStat(pid, startTime) {
    const s = await readStat(pid);
    if (s === undefined || s.state === 'Z' || s.state === 'X')
        return undefined;
    if (startTime !== undefined && s.start !== startTime)
        return undefined;
    return s;
}
/** /proc/<pid>/stat field 22 (start time in clock ticks since boot), or undefined when the process is gone. */
async function processStartTime(pid) {
    return (await liveStat(pid))?.start;
}
async function scanAll() {
    const table = new Map();
    for (const name of await (0,promises_.readdir)('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        const s = await readStat(Number(name));
        if (s !== undefined && s.state !== 'Z' && s.state !== 'X')
            table.set(Number(name), s);
    }
    return table;
}
function sendSignal(pid, signal) {
    try {
        process.kill(pid, signal);
    }
    catch (e) {
        if (e.code !== 'ESRCH')
            throw e;
    }
}
// ---- inverses ----
function isInside(parent, child) {
    const rel = external_node_path_default().relative(parent, child);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel);
}
/** The real path `target` would have, resolving symlinks in its parent directories (not in its last component). */
async function realParentPath(target) {
    let dir = external_node_path_default().dirname(target);
    const rest = [external_node_path_default().basename(target)];
    for (;;) {
        try {
            return external_node_path_default().join(await (0,promises_.realpath)(dir), ...rest);
        }
        catch {
            const up = external_node_path_default().dirname(dir);
            if (up === dir)
                return target;
            rest.unshift(external_node_path_default().basename(dir));
            dir = up;
        }
    }
}
async function checkRemovable(target, ledgerDir) {
    if (ledgerDir === undefined)
        throw new Error(`remove-path ${target}: no ledger dir given, refusing`);
    const abs = external_node_path_default().resolve(ledgerDir, target);
    const root = await (0,promises_.realpath)(ledgerDir).catch(() => external_node_path_default().resolve(ledgerDir));
    const real = await realParentPath(abs);
    if (!isInside(root, real) || !isInside(external_node_path_default().resolve(ledgerDir), abs)) {
        throw new Error(`remove-path ${target}: outside the ledger dir ${ledgerDir}, refusing`);
    }
    if (external_node_path_default().dirname(real) === root && real.endsWith(LEDGER_SUFFIX)) {
        throw new Error(`remove-path ${target}: is a ledger file, refusing`);
    }
    return abs;
}
async function killTree(pid, startTime, timeoutMs) {
    const root = await liveStat(pid, startTime);
    if (root === undefined)
        return; // gone, or the pid now belongs to another process
    const table = await scanAll();
    const tree = new Map([[pid, root.start]]);
    const children = new Map();
    for (const [p, s] of table)
        children.set(s.ppid, [...(children.get(s.ppid) ?? []), p]);
    const queue = [pid];
    for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
        for (const c of children.get(p) ?? []) {
            const s = table.get(c);
            if (s === undefined || tree.has(c))
                continue;
            tree.set(c, s.start);
            queue.push(c);
        }
    }
    // A group it leads goes too (members that were reparented are still in it).
    if (root.pgrp === pid) {
        for (const [p, s] of table)
            if (s.pgrp === pid)
                tree.set(p, s.start);
    }
    // Stop first so none can fork while the others die, then kill.
    for (const p of tree.keys())
        sendSignal(p, 'SIGSTOP');
    for (const p of tree.keys())
        sendSignal(p, 'SIGKILL');
    const end = external_node_perf_hooks_.performance.now() + timeoutMs;
    for (;;) {
        const alive = [];
        for (const [p, start] of tree)
            if ((await liveStat(p, start)) !== undefined)
                alive.push(p);
        if (alive.length === 0)
            return;
        if (external_node_perf_hooks_.performance.now() >= end)
            throw new Error(`kill-tree ${pid}: still alive after ${timeoutMs} ms: ${alive.join(', ')}`);
        await (0,external_node_timers_promises_.setTimeout)(POLL_MS);
    }
}
async function runArgv(argv, timeoutMs) {
    const [file, ...args] = argv;
    if (file === undefined)
        throw new Error('argv inverse with an empty argv');
    const hard = new AbortController();
    const run = (0,exec/* execCommand */.NK)({ argv: [file, ...args] }, { timeoutMs, graceMs: ARGV_GRACE_MS, stream: false, tailLines: 5 });
    // execCommand waits for leftovers too; never wait past the timeout plus the kill grace.
    const limit = (0,external_node_timers_promises_.setTimeout)(timeoutMs + ARGV_GRACE_MS * 2, 'limit', { signal: hard.signal }).catch(() => 'limit');
    const r = await Promise.race([run, limit]);
    hard.abort();
    if (r === 'limit')
        throw new Error(`${argv.join(' ')}: timed out after ${timeoutMs} ms`);
    if (r.error !== undefined)
        throw new Error(r.error);
    if (r.timedOut)
        throw new Error(`${r.command}: timed out after ${timeoutMs} ms`);
    if (r.failed) {
        const why = r.exitCode !== null ? `exit code ${r.exitCode}` : `signal ${r.signal ?? 'unknown'}`;
        throw new Error(`${r.command}: ${why}${r.tail.length > 0 ? `: ${r.tail.slice(-3).join(' | ')}` : ''}`);
    }
}
/**
 * Runs one inverse; throws when it did not succeed. A signal or kill-tree whose process is gone (or whose pid now
 * belongs to a process with another start time) succeeds without doing anything. remove-path needs `ledgerDir` and
 * refuses anything outside it.
 */
async function runInverse(inv, timeoutMs, opts = {}) {
    switch (inv.kind) {
        case 'argv':
            return runArgv(inv.argv, timeoutMs);
        case 'signal': {
            if ((await liveStat(inv.pid, inv.startTime)) === undefined)
                return;
            sendSignal(inv.pid, inv.signal);
            return;
        }
        case 'kill-tree':
            return killTree(inv.pid, inv.startTime, timeoutMs);
        case 'remove-path': {
            const abs = await checkRemovable(inv.path, opts.ledgerDir);
            await (0,promises_.rm)(abs, { recursive: true, force: true });
            return;
        }
    }
}
// ---- parsing ----
function isInverse(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    const o = v;
    const optStart = o.startTime === undefined || typeof o.startTime === 'string';
    const pidOk = Number.isInteger(o.pid) && o.pid > 0;
    switch (o.kind) {
        case 'argv':
            return (Array.isArray(o.argv) &&
                o.argv.length > 0 &&
                o.argv.every((a) => typeof a === 'string') &&
                (o.timeoutMs === undefined || (typeof o.timeoutMs === 'number' && o.timeoutMs > 0)));
        case 'signal':
            return pidOk && typeof o.signal === 'string' && SIGNALS.has(o.signal) && optStart;
        case 'kill-tree':
            return pidOk && optStart;
        case 'remove-path':
            return typeof o.path === 'string' && o.path !== '';
        default:
            return false;
    }
}
function parseLedger(text, file, runId) {
    const records = new Map();
    const warnings = [];
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
        if (raw.trim() === '')
            return;
        const where = `${file}:${i + 1}`;
        let o;
        try {
            o = JSON.parse(raw);
            if (typeof o !== 'object' || o === null || o.v !== 1 || typeof o.id !== 'string')
                throw new Error('not a ledger line');
        }
        catch {
            const last = lines.slice(i + 1).every((l) => l.trim() === '');
            warnings.push(`${where}: ${last ? 'partial last line (a crash mid-write?)' : 'unreadable line'}, ignored`);
            return;
        }
        const id = o.id;
        if (o.op === 'reverted') {
            records.delete(id);
        }
        else if (o.op === 'record' && typeof o.description === 'string' && Array.isArray(o.inverse) && o.inverse.every(isInverse)) {
            records.set(id, { id, description: o.description, inverse: o.inverse, runId, at: typeof o.at === 'string' ? o.at : '', line: i });
        }
        else {
            warnings.push(`${where}: malformed ledger entry, ignored`);
        }
    });
    return { entries: [...records.values()], warnings };
}
// ---- appending ----
async function appendDurably(file, line) {
    const fh = await (0,promises_.open)(file, external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT, 0o600);
    try {
        const { size } = await fh.stat();
        let prefix = '';
        if (size > 0) {
            const last = Buffer.alloc(1);
            await fh.read(last, 0, 1, size - 1);
            if (last[0] !== 0x0a)
                prefix = '\n';
        }
        await fh.write(`${prefix}${line}\n`);
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    await syncDir(external_node_path_default().dirname(file));
}
async function syncDir(dir) {
    const fh = await (0,promises_.open)(dir, 'r');
    try {
        await fh.sync();
    }
    finally {
        await fh.close();
    }
}
function timeoutFor(inv, remainingMs, laterCount) {
    const own = inv.kind === 'argv' && inv.timeoutMs !== undefined ? inv.timeoutMs : DEFAULT_INVERSE_TIMEOUT_MS;
    return Math.max(MIN_SLICE_MS, Math.min(own, remainingMs - laterCount * RESERVE_PER_LATER_MS));
}
class Ledger {
    dir;
    runId;
    lastWarnings = [];
    constructor(dir, runId) {
        this.dir = dir;
        this.runId = runId;
    }
    /** Opens (creating) `dir` and this run's ledger file in it. */
    static async open(dir, runId) {
        if (!RUN_ID.test(runId)) {
            throw new errors/* ConfigurationError */.j1(`chaos-run: run id "${runId}" may only contain letters, digits, ".", "_" and "-"`, { field: 'runId' });
        }
        const abs = external_node_path_default().resolve(dir);
        await (0,promises_.mkdir)(abs, { recursive: true, mode: 0o700 });
        const ledger = new Ledger(abs, runId);
        const fh = await (0,promises_.open)(ledger.file(runId), external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT, 0o600);
        await fh.sync();
        await fh.close();
        await syncDir(abs);
        return ledger;
    }
    /** This run's ledger file, or another run's. */
    file(runId = this.runId) {
        return external_node_path_default().join(this.dir, `${runId}${LEDGER_SUFFIX}`);
    }
    /** Problems met by the last `pending()` (or `revertAll()`): unreadable lines, skipped with their file and line. */
    get warnings() {
        return [...this.lastWarnings];
    }
    /** Appends the entry and fsyncs the file and its directory; apply the fault only after this returns. */
    async record(entry) {
        if (entry.id === '')
            throw new Error('ledger entry without an id');
        for (const inv of entry.inverse) {
            if (!isInverse(inv))
                throw new Error(`ledger entry ${entry.id}: invalid inverse ${JSON.stringify(inv)}`);
            if (inv.kind === 'remove-path')
                await checkRemovable(inv.path, this.dir);
        }
        const line = { v: 1, op: 'record', id: entry.id, description: entry.description, inverse: entry.inverse, at: new Date().toISOString() };
        await appendDurably(this.file(), JSON.stringify(line));
    }
    async markReverted(id, runId = this.runId) {
        await appendDurably(this.file(runId), JSON.stringify({ v: 1, op: 'reverted', id, at: new Date().toISOString() }));
    }
    /** Recorded and not reverted, across every run's ledger file in `dir`, newest first. */
    async pending() {
        const names = (await (0,promises_.readdir)(this.dir)).filter((n) => n.endsWith(LEDGER_SUFFIX) && RUN_ID.test(n.slice(0, -LEDGER_SUFFIX.length))).sort();
        const all = [];
        const warnings = [];
        for (const [fileIndex, name] of names.entries()) {
            let text;
            try {
                text = await (0,promises_.readFile)(external_node_path_default().join(this.dir, name), 'utf8');
            }
            catch (e) {
                warnings.push(`${name}: ${(0,errors/* errorMessage */.gJ)(e)}`);
                continue;
            }
            const parsed = parseLedger(text, name, name.slice(0, -LEDGER_SUFFIX.length));
            warnings.push(...parsed.warnings);
            for (const e of parsed.entries)
                all.push({ ...e, fileIndex });
        }
        this.lastWarnings = warnings;
        all.sort((a, b) => {
            const ta = Date.parse(a.at) || 0;
            const tb = Date.parse(b.at) || 0;
            return tb - ta || b.fileIndex - a.fileIndex || b.line - a.line;
        });
        return all.map(({ id, description, inverse, runId, at }) => ({ id, description, inverse, runId, at }));
    }
    /** Deletes the ledger files (this run's included) that hold nothing pending; returns how many. */
    async prune() {
        const names = (await (0,promises_.readdir)(this.dir)).filter((n) => n.endsWith(LEDGER_SUFFIX) && RUN_ID.test(n.slice(0, -LEDGER_SUFFIX.length)));
        let removed = 0;
        for (const name of names) {
            let text;
            try {
                text = await (0,promises_.readFile)(external_node_path_default().join(this.dir, name), 'utf8');
            }
            catch {
                continue;
            }
            const parsed = parseLedger(text, name, name.slice(0, -LEDGER_SUFFIX.length));
            if (parsed.entries.length === 0 && parsed.warnings.length === 0) {
                await (0,promises_.rm)(external_node_path_default().join(this.dir, name), { force: true });
                removed++;
            }
        }
        return removed;
    }
    /** Reverts every pending entry, newest first, within `deadlineMs`; failed entries stay pending. */
    async revertAll(opts = {}) {
        const end = external_node_perf_hooks_.performance.now() + (opts.deadlineMs ?? DEFAULT_REVERT_DEADLINE_MS);
        const entries = await this.pending();
        let later = entries.reduce((n, e) => n + e.inverse.length, 0);
        const result = { reverted: [], failed: [] };
        for (const entry of entries) {
            let error;
            for (const inv of entry.inverse) {
                later -= 1;
                if (error !== undefined)
                    continue;
                const remaining = end - external_node_perf_hooks_.performance.now();
                if (remaining <= 0) {
                    error = 'revert deadline passed before this entry was reverted';
                    continue;
                }
                try {
                    await runInverse(inv, timeoutFor(inv, remaining, later), { ledgerDir: this.dir });
                }
                catch (e) {
                    error = (0,errors/* errorMessage */.gJ)(e);
                }
            }
            if (error === undefined) {
                try {
                    await this.markReverted(entry.id, entry.runId);
                    result.reverted.push(entry.id);
                }
                catch (e) {
                    result.failed.push({ id: entry.id, error: `reverted, but could not be marked so: ${(0,errors/* errorMessage */.gJ)(e)}` });
                }
            }
            else {
                result.failed.push({ id: entry.id, error });
            }
        }
        return result;
    }
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/types.ts
/**
 * The interface every chaos-run fault implements, and the helpers the process and resource faults share:
 * spec-field errors, duration parsing, /proc reads, reverting through the ledger, and starting a detached process
 * whose kill-tree inverse is in the ledger before it runs.
 */







// ---- spec validation ----
function specError(where, key, message) {
    const field = `${where.field}.${key}`;
    return new errors/* ConfigurationError */.j1(`${where.file}:${where.line}: ${field}: ${message}`, {
        location: { file: where.file, line: where.line },
        field,
    });
}
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** A duration such as "500ms", "30s", "2m", "1h", or a number of seconds; in milliseconds. */
function parseDuration(value, where, key) {
    let ms;
    if (typeof value === 'number' && Number.isFinite(value))
        ms = value * 1000;
    else if (typeof value === 'string') {
        const m = DURATION.exec(value.trim());
        if (m?.[1] !== undefined && m[2] !== undefined)
            ms = Number(m[1]) * (UNIT_MS[m[2]] ?? 1);
    }
    if (ms === undefined || !(ms > 0)) {
        throw specError(where, key, `expected a positive duration such as "30s", "500ms" or "2m", got ${JSON.stringify(value)}`);
    }
    return Math.round(ms);
}
function positiveInt(value, where, key, max) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
        throw specError(where, key, `expected a whole number from 1 to ${max}, got ${JSON.stringify(value)}`);
    }
    return value;
}
// ---- /proc ----
/** State letter of /proc/<pid>/stat (R, S, T, Z, …) and its start time, or undefined when there is no such pid. */
async function procStat(pid) {
    let text;
    try {
        text = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    const close = text.lastIndexOf(')');
    const f = text.slice(close + 2).split(' ');
    const [state, pgrp, start] = [f[0], f[2], f[19]];
    if (state === undefined || pgrp === undefined || start === undefined)
        return undefined;
    // utime + stime, in the same clock ticks as /proc/stat
    const cpuTicks = Number(f[11] ?? 0) + Number(f[12] ?? 0);
    return { state, pgrp: Number(pgrp), start, comm: text.slice(text.indexOf('(') + 1, close), cpuTicks };
}
/** Live (not zombie) processes whose process group is `pgid`. */
async function groupMembers(pgid) {
    const found = [];
    for (const name of await (0,promises_.readdir)('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        const s = await procStat(Number(name));
        if (s !== undefined && s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X')
            found.push({ pid: Number(name), comm: s.comm, cpuTicks: s.cpuTicks });
    }
    return found;
}
/** Polls `check` every 25 ms until it returns true or `ms` have passed; returns its last answer. */
async function waitFor(check, ms) {
    const end = Date.now() + ms;
    for (;;) {
        if (await check())
            return true;
        if (Date.now() >= end)
            return false;
        await new Promise((r) => setTimeout(r, 25));
    }
}
/** The executable's path when it is on PATH (or given as a path) and executable. */
async function findExecutable(name) {
    const dirs = name.includes('/') ? [''] : (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split((external_node_path_default()).delimiter);
    for (const dir of dirs) {
        const candidate = dir === '' ? name : external_node_path_default().join(dir, name);
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // next
        }
    }
    return undefined;
}
// ---- ledger ----
/**
 * Runs the inverses of this run's pending entry `id` in order, then marks it reverted. An entry that is no longer
 * pending (reverted already, e.g. by revertAll) is left alone. Throws when an inverse fails; the entry stays pending.
 */
async function revertViaLedger(ledger, id) {
    const entry = (await ledger.pending()).find((e) => e.id === id && e.runId === ledger.runId);
    if (entry !== undefined) {
        for (const inv of entry.inverse)
            await runInverse(inv, DEFAULT_INVERSE_TIMEOUT_MS, { ledgerDir: ledger.dir });
        await ledger.markReverted(id);
    }
    return { revertedAt: Date.now() };
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
    }
    catch {
        // gone
    }
}
/** The start time recorded for a process that had ended before it could be stopped. */
const EXITED_AT_ONCE = 'exited-at-once';
/**
 * Starts `argv` (no shell) detached, as the leader of its own process group, and stops the group at once; records
 * a kill-tree inverse (pid + start time) in the ledger and only then lets it run (SIGCONT). The process cannot be
 * recorded before it exists: between spawn and the ledger's fsync it is held stopped, so a crash in that window
 * leaves a stopped process that has done (almost) nothing. Throws when it cannot be started or recorded (and then
 * kills it).
 */
async function startRecorded(ctx, id, description, argv, opts = {}) {
    const [file, ...args] = argv;
    if (file === undefined)
        throw new Error(`${id}: empty command`);
    ctx.signal.throwIfAborted();
    const stdio = opts.outputFd === undefined ? ['ignore', 'ignore', 'ignore'] : ['ignore', opts.outputFd, opts.outputFd];
    const child = (0,external_node_child_process_.spawn)(file, args, { detached: true, stdio, cwd: opts.cwd, env: (0,exec/* childEnvironment */.Qc)({ ...process.env, ...opts.env }) });
    const pid = child.pid;
    if (pid !== undefined)
        signalGroup(pid, 'SIGSTOP');
    const started = await new Promise((resolve) => {
        child.once('error', (error) => resolve({ error }));
        child.once('spawn', () => resolve({}));
    });
    child.unref();
    if (pid === undefined || started.error !== undefined) {
        const code = started.error?.code;
        throw new Error(code === 'ENOENT' ? `${id}: command not found: ${file}` : `${id}: could not start ${file}: ${started.error?.message ?? 'no pid'}`);
    }
    // Gone already: a short command (a workload that writes its history at once) can end before the stop reaches it on
    // a busy machine. It ran; nothing of it is left to undo, and a start time no process has keeps the inverse a no-op.
    const startTime = (await processStartTime(pid)) ?? EXITED_AT_ONCE;
    try {
        await ctx.ledger.record({ id, description, inverse: [{ kind: 'kill-tree', pid, startTime }] });
    }
    catch (e) {
        signalGroup(pid, 'SIGKILL');
        throw e;
    }
    signalGroup(pid, 'SIGCONT');
    return { pid, startTime };
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/clock-skew.ts
/**
 * `clock-skew`: starts a command chaos-run owns under libfaketime (the `faketime` wrapper, FAKETIME="+<seconds>"),
 * so that process sees the clock shifted by the offset. Only processes chaos-run starts can be skewed.
 */


const OFFSET = /^([+-])(\d+)(s|m|h|d)?$/;
const UNIT_S = { s: 1, m: 60, h: 3600, d: 86400 };
/** How far the skewed clock may be from real time + offset. */
const TOLERANCE_S = 2;
/** libfaketime's relative offset: "+3600", "-30". */
function fakeTime(spec) {
    return `${spec.offsetSeconds < 0 ? '-' : '+'}${Math.abs(spec.offsetSeconds)}`;
}
class ClockSkewFault {
    type = 'clock-skew';
    handles = new Map();
    async unsupported() {
        if (process.platform !== 'linux')
            return 'needs Linux';
        return (await findExecutable('faketime')) === undefined ? 'faketime is not installed (apt-get install faketime)' : undefined;
    }
    validate(spec, where) {
        const m = typeof spec.offset === 'string' ? OFFSET.exec(spec.offset.trim()) : null;
        if (m?.[1] === undefined || m[2] === undefined) {
            throw specError(where, 'offset', `expected a signed offset such as "+1h", "-30s", "+2d", got ${JSON.stringify(spec.offset)}`);
        }
        const offsetSeconds = (m[1] === '-' ? -1 : 1) * Number(m[2]) * (UNIT_S[m[3] ?? 's'] ?? 1);
        const command = spec.command;
        if (!Array.isArray(command) || command.length === 0 || !command.every((a) => typeof a === 'string') || command[0] === '') {
            throw specError(where, 'command', 'expected the command to start as a non-empty list of strings (argv), e.g. ["./server", "--port", "8080"]');
        }
        return { offsetSeconds, command };
    }
    /** The exact command line started. */
    argv(spec) {
        return ['faketime', '-f', fakeTime(spec), ...spec.command];
    }
    plan(id, spec) {
        const argv = this.argv(spec);
        return {
            id,
            type: this.type,
            description: `start ${spec.command.join(' ')} with its clock ${fakeTime(spec)} s off`,
            actions: [argv.join(' ')],
            inverse: ['kill the started process tree (pid + start time checked)'],
        };
    }
    async apply(id, spec, ctx) {
        const argv = this.argv(spec);
        const { pid } = await startRecorded(ctx, id, `clock-skew: ${argv.join(' ')}`, argv);
        this.handles.set(id, { pid });
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const alive = (await groupMembers(h.pid)).length > 0;
        const before = Date.now() / 1000;
        const r = await (0,exec/* execCommand */.NK)({ argv: ['faketime', '-f', fakeTime(spec), 'date', '+%s'] }, { capture: true, stream: false, timeoutMs: 5000, signal: ctx.signal });
        const real = (before + Date.now() / 1000) / 2;
        const fake = Number((r.stdout ?? '').trim());
        if (r.failed || !Number.isFinite(fake) || (r.stdout ?? '').trim() === '') {
            return { verified: false, evidence: `faketime probe failed: ${r.error ?? r.tail.slice(-2).join(' | ')}` };
        }
        const diff = fake - real;
        const skewed = Math.abs(diff - spec.offsetSeconds) <= TOLERANCE_S;
        return {
            verified: skewed && alive,
            evidence: `date +%s under faketime ${fakeTime(spec)}: ${diff.toFixed(1)} s from the real clock (wanted ${spec.offsetSeconds} ± ${TOLERANCE_S}); pid ${h.pid} ${alive ? 'running' : 'not running'}`,
        };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const CLOCK_FAULTS = new Map([['clock-skew', new ClockSkewFault()]]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/disk.ts
/**
 * `disk-fill`: fills the filesystem that holds `path` until its usage reaches `percent`, never writing more than
 * `max_bytes`. With `size`, chaos-run first mounts a tmpfs of that size on `path` (root only), so the filesystem it
 * fills is one it created. The fill is one file, `<path>/.shipgate-chaos-fill-<id>`, allocated with `fallocate`
 * where it works and written as zero chunks otherwise. Usage is computed as `df` does: used / (used + available),
 * with used = blocks − bfree (blocks reserved for root count as neither).
 */






const MIB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 1024 * MIB;
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgt])?(?:i?b)?$/i;
const UNIT = { k: 1024, m: MIB, g: 1024 * MIB, t: 1024 * 1024 * MIB };
/** The tmpfs source name: the umount inverse only unmounts a mount with this source. */
const TMPFS_SOURCE = 'shipgate-chaos-fill';
const COMMAND_TIMEOUT_MS = 30_000;
/** Percentage points verify allows below the target. */
const USAGE_SLACK = 1;
/** A size such as "64M", "1G", "512K", or a whole number of bytes; in bytes. */
function parseSize(value, where, key, min) {
    let bytes;
    if (typeof value === 'number' && Number.isInteger(value))
        bytes = value;
    else if (typeof value === 'string') {
        const m = SIZE.exec(value.trim());
        if (m?.[1] !== undefined)
            bytes = Math.floor(Number(m[1]) * (m[2] === undefined ? 1 : (UNIT[m[2].toLowerCase()] ?? 1)));
    }
    if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes < min) {
        throw specError(where, key, `expected a size of at least ${formatBytes(min)} such as "64M", "1G" or a number of bytes, got ${JSON.stringify(value)}`);
    }
    return bytes;
}
function formatBytes(n) {
    if (n >= MIB)
        return `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
    return `${n} B`;
}
/** Usage as `df` shows it (0–100), and what the numbers were. */
async function usage(dir) {
    const s = await (0,promises_.statfs)(dir);
    const used = s.blocks - s.bfree;
    const total = used + s.bavail;
    return { percent: total > 0 ? (100 * used) / total : 100, used, avail: s.bavail, bsize: s.bsize };
}
function safeName(id) {
    return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
function isErrno(e, code) {
    return e?.code === code;
}
/** Writes zero chunks of 1 MiB from offset 0 up to `bytes`; returns how many were written before ENOSPC. */
async function writeZeros(file, bytes, signal) {
    const chunk = Buffer.alloc(MIB);
    const fh = await (0,promises_.open)(file, external_node_fs_.constants.O_WRONLY);
    let written = 0;
    let full = false;
    try {
        while (written < bytes) {
            signal.throwIfAborted();
            const n = Math.min(MIB, bytes - written);
            try {
                const { bytesWritten } = await fh.write(chunk, 0, n, written);
                written += bytesWritten;
                if (bytesWritten === 0) {
                    full = true;
                    break;
                }
            }
            catch (e) {
                if (!isErrno(e, 'ENOSPC'))
                    throw e;
                full = true;
                break;
            }
        }
        try {
            await fh.sync();
        }
        catch (e) {
            if (!isErrno(e, 'ENOSPC'))
                throw e;
            full = true;
        }
    }
    finally {
        await fh.close();
    }
    return { written, full };
}
/**
 * Tries to write 1 MiB to `probe` (a short write is continued, so a nearly full filesystem answers ENOSPC); the error
 * code when it fails. The probe is removed either way.
 */
async function probeWrite(probe) {
    let code;
    try {
        const fh = await (0,promises_.open)(probe, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600);
        try {
            const chunk = Buffer.alloc(MIB);
            for (let done = 0; done < MIB;) {
                const { bytesWritten } = await fh.write(chunk, done, MIB - done, done);
                if (bytesWritten === 0)
                    throw Object.assign(new Error('no byte written'), { code: 'ENOSPC' });
                done += bytesWritten;
            }
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    }
    catch (e) {
        code = e.code ?? (0,errors/* errorMessage */.gJ)(e);
    }
    await (0,promises_.rm)(probe, { force: true });
    return code;
}
class DiskFillFault {
    type = 'disk-fill';
    handles = new Map();
    unsupported() {
        // `size` needs root as well; that is checked when the fault is applied (this check sees no spec).
        return Promise.resolve(process.platform === 'linux' ? undefined : 'needs Linux');
    }
    validate(spec, where) {
        if (typeof spec.path !== 'string' || spec.path.trim() === '') {
            throw specError(where, 'path', 'expected the directory whose filesystem is filled, e.g. "/var/lib/app" (required)');
        }
        const percent = spec.percent;
        if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 1 || percent > 99) {
            throw specError(where, 'percent', `expected the usage to reach, a number from 1 to 99, got ${JSON.stringify(percent)}`);
        }
        const out = {
            path: spec.path,
            percent,
            maxBytes: spec.max_bytes === undefined ? DEFAULT_MAX_BYTES : parseSize(spec.max_bytes, where, 'max_bytes', 1),
        };
        if (spec.size !== undefined)
            out.tmpfsBytes = parseSize(spec.size, where, 'size', MIB);
        return out;
    }
    fileFor(dir, id) {
        return { file: external_node_path_default().join(dir, `.shipgate-chaos-fill-${safeName(id)}`), probe: external_node_path_default().join(dir, `.shipgate-chaos-probe-${safeName(id)}`) };
    }
    plan(id, spec) {
        const { file } = this.fileFor(spec.path, id);
        const mount = spec.tmpfsBytes === undefined ? [] : [`mount -t tmpfs -o size=${spec.tmpfsBytes} ${TMPFS_SOURCE} ${spec.path}`];
        return {
            id,
            type: this.type,
            description: `fill the filesystem of ${spec.path}${spec.tmpfsBytes === undefined ? '' : ` (a ${formatBytes(spec.tmpfsBytes)} tmpfs)`} to ${spec.percent}% used, writing at most ${formatBytes(spec.maxBytes)}`,
            actions: [...mount, `fallocate -l <bytes to reach ${spec.percent}%, at most ${spec.maxBytes}> ${file} (zero 1 MiB chunks where fallocate does not work)`],
            inverse: [`rm -f ${file}`, ...(spec.tmpfsBytes === undefined ? [] : [`umount ${spec.path} (only the ${TMPFS_SOURCE} tmpfs)`])],
        };
    }
    async apply(id, spec, ctx) {
        ctx.signal.throwIfAborted();
        const dir = external_node_path_default().resolve(ctx.workDir, spec.path);
        const { file, probe } = this.fileFor(dir, id);
        const where = (what) => new errors/* ConfigurationError */.j1(`chaos-run: fault ${id} (disk-fill): ${what}`, { field: id });
        const st = await (0,promises_.stat)(dir).catch(() => undefined);
        if (st?.isDirectory() !== true)
            throw where(`path ${dir} does not exist or is not a directory`);
        const mounting = spec.tmpfsBytes !== undefined;
        if (mounting) {
            if (process.getuid?.() !== 0)
                throw where('needs root to mount a tmpfs (run as root, or leave out `size`)');
            const entries = await (0,promises_.readdir)(dir);
            if (entries.length > 0)
                throw where(`path ${dir} must be an empty directory to mount a tmpfs on it (it holds ${entries.length} entries)`);
        }
        else if ((await (0,promises_.stat)(file).catch(() => undefined)) !== undefined) {
            throw where(`${file} already exists, left by an earlier run: run \`shipgate chaos-run revert\` first`);
        }
        const inverse = [{ kind: 'argv', argv: ['rm', '-f', file, probe] }];
        if (mounting) {
            // Unmounts only the tmpfs chaos-run mounted: a crash before the mount leaves nothing to unmount.
            const guarded = `[ "$(findmnt -n -o SOURCE --mountpoint "$1")" != ${TMPFS_SOURCE} ] || umount -- "$1"`;
            inverse.push({ kind: 'argv', argv: ['sh', '-c', guarded, 'shipgate-umount', dir] });
        }
        await ctx.ledger.record({ id, description: `disk-fill: ${file}${mounting ? ` on a tmpfs mounted at ${dir}` : ''}`, inverse });
        try {
            if (mounting) {
                const r = await (0,exec/* execCommand */.NK)({ argv: ['mount', '-t', 'tmpfs', '-o', `size=${spec.tmpfsBytes}`, TMPFS_SOURCE, dir] }, { capture: true, stream: false, timeoutMs: COMMAND_TIMEOUT_MS, signal: ctx.signal });
                if (r.failed)
                    throw new Error(`${id}: mount of a tmpfs on ${dir} failed: ${r.error ?? r.tail.slice(-3).join(' | ')}`);
            }
            this.handles.set(id, await this.fill(dir, file, probe, spec, mounting, ctx.signal));
        }
        catch (e) {
            // Undo what was done; when that fails too, the entry stays pending for `chaos-run revert`.
            await revertViaLedger(ctx.ledger, id).catch(() => undefined);
            this.handles.delete(id);
            throw e;
        }
        return { appliedAt: Date.now() };
    }
    async fill(dir, file, probe, spec, mounted, signal) {
        // O_EXCL: a fill file that appeared since the check is not ours to overwrite.
        try {
            await (await (0,promises_.open)(file, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600)).close();
        }
        catch (e) {
            if (isErrno(e, 'EEXIST'))
                throw new Error(`${file} already exists: run \`shipgate chaos-run revert\` first`);
            throw e;
        }
        const u = await usage(dir);
        const total = u.used + u.avail;
        const blocksNeeded = Math.max(0, Math.ceil((spec.percent / 100) * total) - u.used);
        const wanted = blocksNeeded * u.bsize;
        const bytes = Math.min(wanted, spec.maxBytes);
        const handle = { dir, file, probe, mounted, bytes, capped: wanted > spec.maxBytes, method: 'nothing to write' };
        if (bytes === 0)
            return handle;
        if ((await findExecutable('fallocate')) !== undefined) {
            const r = await (0,exec/* execCommand */.NK)({ argv: ['fallocate', '-l', String(bytes), file] }, { capture: true, stream: false, timeoutMs: COMMAND_TIMEOUT_MS, signal });
            if (!r.failed) {
                handle.method = 'fallocate';
                return handle;
            }
        }
        signal.throwIfAborted();
        const w = await writeZeros(file, bytes, signal);
        handle.method = 'zero writes';
        if (w.full)
            handle.fullAfter = w.written;
        return handle;
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const st = await (0,promises_.stat)(h.file).catch(() => undefined);
        if (st === undefined)
            return { verified: false, evidence: `the fill file ${h.file} is gone` };
        const u = await usage(h.dir);
        const allocated = st.blocks * 512;
        const parts = [`${h.file}: ${formatBytes(allocated)} allocated (${h.method})`];
        const reached = u.percent >= spec.percent - USAGE_SLACK;
        let verified = reached;
        if (reached)
            parts.push(`usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
        else if (h.capped) {
            verified = allocated >= h.bytes;
            parts.push(`capped at max_bytes (${formatBytes(spec.maxBytes)}), usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
        }
        else if (h.fullAfter !== undefined) {
            parts.push(`the filesystem ran out of space after ${formatBytes(h.fullAfter)}; usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
        }
        else {
            parts.push(`usage ${u.percent.toFixed(1)}%, below the target ${spec.percent}%`);
        }
        if (spec.percent >= 99) {
            const code = await probeWrite(h.probe);
            if (code === 'ENOSPC')
                parts.push('a further 1 MiB write failed with ENOSPC');
            else if (code === undefined)
                parts.push(`a further 1 MiB write succeeded (${formatBytes(u.avail * u.bsize)} was still available)`);
            else
                parts.push(`a further 1 MiB write failed with ${code}`);
        }
        return { verified, evidence: parts.join('; ') };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const DISK_FAULTS = new Map([['disk-fill', new DiskFillFault()]]);

// EXTERNAL MODULE: ./src/core/telemetry/gpu-sampler.ts
var gpu_sampler = __webpack_require__(69544);
;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/gpu.ts
/**
 * GPU faults, all through `nvidia-smi`: `gpu-power-cap` (`-pl`, undone by setting the limit read before),
 * `gpu-clock-cap` (`--lock-gpu-clocks` / `--lock-memory-clocks`, undone by `-rgc` / `-rmc`) and `gpu-stress` (a
 * burner — gpu_burn, dcgmproftester12 or a CUDA-capable PyTorch — started detached with a kill-tree inverse).
 * The inverses name nvidia-smi by the path found on PATH when the fault was applied, so a revert from another
 * environment (the watchdog, the next run) finds the same binary.
 */







const NO_NVIDIA_SMI = 'nvidia-smi not found (no NVIDIA driver on this runner)';
const NEEDS_ROOT = 'setting power/clock limits needs root';
const MAX_GPU_INDEX = 63;
const MAX_MHZ = 100_000;
const QUERY_TIMEOUT_MS = 15_000;
/** Allowed difference between the power limit asked for and the one read back. */
const POWER_TOLERANCE_W = 1;
/** A clock reading this far above the cap still counts as capped (readings are sampled, not instantaneous). */
const CLOCK_MARGIN_MHZ = 15;
/** How long verify polls utilization for a burner that is still starting (CUDA start-up takes seconds). */
const STRESS_VERIFY_MS = 10_000;
const STRESS_POLL_MS = 500;
const STRESS_MIN_UTIL = 50;
const TORCH_PROBE_TIMEOUT_MS = 60_000;
const CSV = '--format=csv,noheader,nounits';
/** Matmuls on the one visible GPU until argv[1] seconds have passed. */
const TORCH_BURNER = [
    'import sys, time, torch',
    'end = time.monotonic() + float(sys.argv[1])',
    "a = torch.randn(8192, 8192, device='cuda', dtype=torch.float16)",
    "b = torch.randn(8192, 8192, device='cuda', dtype=torch.float16)",
    'while time.monotonic() < end:',
    '    for _ in range(10):',
    '        c = a @ b',
    '    torch.cuda.synchronize()',
].join('\n');
function gpuIndex(spec, where) {
    const gpu = spec.gpu ?? 0;
    if (typeof gpu !== 'number' || !Number.isInteger(gpu) || gpu < 0 || gpu > MAX_GPU_INDEX) {
        throw specError(where, 'gpu', `expected a GPU index from 0 to ${MAX_GPU_INDEX} (as nvidia-smi numbers them), got ${JSON.stringify(gpu)}`);
    }
    return gpu;
}
function mhz(value, where, key) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_MHZ) {
        throw specError(where, key, `expected a clock in MHz, a whole number from 1 to ${MAX_MHZ}, got ${JSON.stringify(value)}`);
    }
    return value;
}
async function nvidiaSmiPath() {
    return findExecutable('nvidia-smi');
}
async function requireNvidiaSmi(id) {
    const smi = await nvidiaSmiPath();
    if (smi === undefined)
        throw new Error(`${id}: ${NO_NVIDIA_SMI}`);
    return smi;
}
/** Runs nvidia-smi; its stdout, or an Error with what it said. */
async function smi(bin, args, signal) {
    const r = await (0,exec/* execCommand */.NK)({ argv: [bin, ...args] }, { capture: true, stream: false, timeoutMs: QUERY_TIMEOUT_MS, tailLines: 5, ...(signal === undefined ? {} : { signal }) });
    if (r.failed) {
        const said = r.error ?? (r.tail.length > 0 ? r.tail.slice(-3).join(' | ') : `exit code ${r.exitCode ?? r.signal ?? '?'}`);
        throw new Error(`nvidia-smi ${args.join(' ')}: ${said}`);
    }
    return r.stdout ?? '';
}
/** The fields of the first line of a `--format=csv,noheader,nounits` answer. */
async function queryGpu(bin, gpu, fields, signal) {
    const out = await smi(bin, ['-i', String(gpu), `--query-gpu=${fields.join(',')}`, CSV], signal);
    const line = out.split('\n').find((l) => l.trim() !== '') ?? '';
    const values = line.split(',').map((s) => s.trim());
    if (values.length !== fields.length)
        throw new Error(`nvidia-smi -i ${gpu} --query-gpu=${fields.join(',')}: unexpected answer ${JSON.stringify(line)}`);
    return values;
}
function number(value, what) {
    const n = value === undefined || value.startsWith('[') ? NaN : Number(value);
    if (!Number.isFinite(n))
        throw new Error(`nvidia-smi reported ${what} as ${JSON.stringify(value)} (not supported on this GPU?)`);
    return n;
}
/** "250.00" → "250", "162.5" → "162.5": the form passed back to `-pl`. */
function wattsArg(w) {
    return String(Math.round(w * 100) / 100);
}
async function capsUnsupported() {
    if ((await nvidiaSmiPath()) === undefined)
        return NO_NVIDIA_SMI;
    return process.getuid?.() === 0 ? undefined : NEEDS_ROOT;
}
/** On a failed apply: undo through the ledger; when that fails too, the entry stays pending for `chaos-run revert`. */
async function undoFailed(ctx, id, e) {
    await revertViaLedger(ctx.ledger, id).catch(() => undefined);
    throw e;
}
class GpuPowerCapFault {
    type = 'gpu-power-cap';
    originals = new Map();
    unsupported() {
        return capsUnsupported();
    }
    validate(spec, where) {
        const gpu = gpuIndex(spec, where);
        if (typeof spec.watts !== 'number' || !Number.isFinite(spec.watts) || spec.watts <= 0) {
            throw specError(where, 'watts', `expected the power limit in watts, a positive number, got ${JSON.stringify(spec.watts)}`);
        }
        return { gpu, watts: spec.watts };
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `cap GPU ${spec.gpu}'s power limit at ${spec.watts} W`,
            actions: [
                `nvidia-smi -i ${spec.gpu} --query-gpu=power.limit,power.min_limit,power.max_limit ${CSV}`,
                `nvidia-smi -i ${spec.gpu} -pl ${wattsArg(spec.watts)}`,
            ],
            inverse: [`nvidia-smi -i ${spec.gpu} -pl <the limit read before>`],
        };
    }
    async apply(id, spec, ctx) {
        const bin = await requireNvidiaSmi(id);
        const [limit, minLimit, maxLimit] = await queryGpu(bin, spec.gpu, ['power.limit', 'power.min_limit', 'power.max_limit'], ctx.signal);
        const watts = number(limit, 'power.limit');
        const min = number(minLimit, 'power.min_limit');
        const max = number(maxLimit, 'power.max_limit');
        if (spec.watts < min || spec.watts > max) {
            throw new errors/* ConfigurationError */.j1(`chaos-run: fault ${id} (gpu-power-cap): watts ${spec.watts} is outside GPU ${spec.gpu}'s power limit range: min ${min} W, max ${max} W (power.min_limit, power.max_limit)`, { field: `${id}.watts` });
        }
        const gpu = String(spec.gpu);
        await ctx.ledger.record({
            id,
            description: `gpu-power-cap: GPU ${gpu} power limit ${wattsArg(spec.watts)} W (was ${wattsArg(watts)} W)`,
            inverse: [{ kind: 'argv', argv: [bin, '-i', gpu, '-pl', wattsArg(watts)] }],
        });
        this.originals.set(id, { bin, watts, min, max });
        try {
            await smi(bin, ['-i', gpu, '-pl', wattsArg(spec.watts)], ctx.signal);
        }
        catch (e) {
            this.originals.delete(id);
            return undoFailed(ctx, id, e);
        }
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, ctx) {
        const o = this.originals.get(id);
        if (o === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const [limit] = await queryGpu(o.bin, spec.gpu, ['power.limit'], ctx.signal);
        const now = number(limit, 'power.limit');
        const verified = Math.abs(now - spec.watts) <= POWER_TOLERANCE_W;
        return {
            verified,
            evidence: `GPU ${spec.gpu} power.limit reads ${now} W (asked ${spec.watts} W, tolerance ±${POWER_TOLERANCE_W} W); it was ${o.watts} W before (range ${o.min}–${o.max} W)`,
        };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.originals.delete(id);
        return r;
    }
}
/** NVML reason bits that show a clock limit set by software: applications clocks / locked clocks, SW power cap. */
const CAP_REASONS = new Set(['applications_clocks_setting', 'sw_power_cap']);
class GpuClockCapFault {
    type = 'gpu-clock-cap';
    handles = new Map();
    unsupported() {
        return capsUnsupported();
    }
    validate(spec, where) {
        const out = { gpu: gpuIndex(spec, where), smMhz: mhz(spec.sm_mhz, where, 'sm_mhz') };
        if (spec.memory_mhz !== undefined)
            out.memoryMhz = mhz(spec.memory_mhz, where, 'memory_mhz');
        return out;
    }
    /** The setter argument lists, in order. */
    setters(spec) {
        const i = ['-i', String(spec.gpu)];
        return [[...i, `--lock-gpu-clocks=0,${spec.smMhz}`], ...(spec.memoryMhz === undefined ? [] : [[...i, `--lock-memory-clocks=0,${spec.memoryMhz}`]])];
    }
    resetters(spec) {
        const i = ['-i', String(spec.gpu)];
        return [[...i, '-rgc'], ...(spec.memoryMhz === undefined ? [] : [[...i, '-rmc']])];
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `lock GPU ${spec.gpu}'s graphics clock to at most ${spec.smMhz} MHz${spec.memoryMhz === undefined ? '' : ` and its memory clock to at most ${spec.memoryMhz} MHz`}`,
            actions: this.setters(spec).map((a) => `nvidia-smi ${a.join(' ')}`),
            inverse: this.resetters(spec).map((a) => `nvidia-smi ${a.join(' ')}`),
        };
    }
    async apply(id, spec, ctx) {
        const bin = await requireNvidiaSmi(id);
        const [smBefore = '?', maxSm = '?'] = await queryGpu(bin, spec.gpu, ['clocks.sm', 'clocks.max.sm'], ctx.signal);
        const inverse = this.resetters(spec).map((a) => ({ kind: 'argv', argv: [bin, ...a] }));
        await ctx.ledger.record({ id, description: `gpu-clock-cap: ${this.plan(id, spec).description}`, inverse });
        this.handles.set(id, { bin, smBefore, maxSm });
        try {
            for (const args of this.setters(spec))
                await smi(bin, args, ctx.signal);
        }
        catch (e) {
            this.handles.delete(id);
            return undoFailed(ctx, id, e);
        }
        return { appliedAt: Date.now() };
    }
    /** clocks.sm, clocks.max.sm and the active reason mask, under the field name this driver knows. */
    async readClocks(bin, gpu, signal) {
        let first;
        for (const field of ['clocks_throttle_reasons.active', 'clocks_event_reasons.active']) {
            try {
                const [sm = '', max = '', mask = ''] = await queryGpu(bin, gpu, ['clocks.sm', 'clocks.max.sm', field], signal);
                return { sm, max, mask, field };
            }
            catch (e) {
                first ??= e;
            }
        }
        throw first;
    }
    async verify(id, spec, ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const c = await this.readClocks(h.bin, spec.gpu, ctx.signal);
        const sm = Number(c.sm);
        const reasons = (0,gpu_sampler/* decodeThrottleReasons */.Sg)(c.mask) ?? [];
        const below = Number.isFinite(sm) && sm <= spec.smMhz + CLOCK_MARGIN_MHZ;
        const byReason = reasons.some((r) => CAP_REASONS.has(r));
        const parts = [
            `GPU ${spec.gpu} clocks.sm ${c.sm} MHz (cap ${spec.smMhz} MHz, margin ${CLOCK_MARGIN_MHZ} MHz; clocks.max.sm ${c.max} MHz; ${h.smBefore} MHz before)`,
            `${c.field} ${c.mask}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
        ];
        if (below && reasons.includes('gpu_idle'))
            parts.push('the GPU is idle, so a clock below the cap does not by itself show the lock');
        return { verified: below || byReason, evidence: parts.join('; ') };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
/** The first burner found: gpu_burn / gpu-burn, dcgmproftester12, or python3 with torch and a CUDA device. */
async function findBurner() {
    for (const name of ['gpu_burn', 'gpu-burn']) {
        const bin = await findExecutable(name);
        // gpu_burn loads compare.ptx from its working directory: run it where the binary lives.
        if (bin !== undefined) {
            const dir = external_node_path_default().dirname(await (0,promises_.realpath)(bin).catch(() => bin));
            return { name, argv: (s) => [bin, String(s)], cwd: dir };
        }
    }
    const dcgm = await findExecutable('dcgmproftester12');
    if (dcgm !== undefined)
        return { name: 'dcgmproftester12', argv: (s) => [dcgm, '--no-dcgm-validation', '-t', '1004', '-d', String(s)] };
    const python = await findExecutable('python3');
    if (python !== undefined) {
        const probe = 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)';
        const r = await (0,exec/* execCommand */.NK)({ argv: [python, '-c', probe] }, { stream: false, timeoutMs: TORCH_PROBE_TIMEOUT_MS, tailLines: 3 });
        if (!r.failed)
            return { name: 'python3 (torch)', argv: (s) => [python, '-c', TORCH_BURNER, String(s)] };
    }
    return undefined;
}
class GpuStressFault {
    type = 'gpu-stress';
    burner;
    handles = new Map();
    /** Looked up once per instance (the torch probe takes seconds). */
    findBurner() {
        return (this.burner ??= findBurner());
    }
    async unsupported() {
        if ((await nvidiaSmiPath()) === undefined)
            return NO_NVIDIA_SMI;
        return (await this.findBurner()) === undefined ? 'no GPU burner found (gpu_burn, gpu-burn, dcgmproftester12, or python3 with torch and CUDA)' : undefined;
    }
    validate(spec, where) {
        return { gpu: gpuIndex(spec, where), durationMs: parseDuration(spec.duration, where, 'duration') };
    }
    /** CUDA numbers devices fastest first unless told otherwise; PCI bus order matches nvidia-smi's indexes. */
    envArgv(spec, argv) {
        return ['env', 'CUDA_DEVICE_ORDER=PCI_BUS_ID', `CUDA_VISIBLE_DEVICES=${spec.gpu}`, ...argv];
    }
    plan(id, spec) {
        const seconds = Math.max(1, Math.ceil(spec.durationMs / 1000));
        return {
            id,
            type: this.type,
            description: `load GPU ${spec.gpu} for ${seconds} s with a burner`,
            actions: [
                `env CUDA_DEVICE_ORDER=PCI_BUS_ID CUDA_VISIBLE_DEVICES=${spec.gpu} <the first found of: gpu_burn ${seconds} | gpu-burn ${seconds} | dcgmproftester12 --no-dcgm-validation -t 1004 -d ${seconds} | python3 -c <torch matmul loop> ${seconds}>`,
            ],
            inverse: ['kill the burner process tree (pid + start time checked)'],
        };
    }
    async apply(id, spec, ctx) {
        const bin = await requireNvidiaSmi(id);
        const burner = await this.findBurner();
        if (burner === undefined)
            throw new Error(`${id}: no GPU burner found (gpu_burn, gpu-burn, dcgmproftester12, or python3 with torch and CUDA)`);
        const argv = this.envArgv(spec, burner.argv(Math.max(1, Math.ceil(spec.durationMs / 1000))));
        const shown = burner.name.startsWith('python3') ? `${burner.name} matmul loop` : argv.join(' ');
        const { pid } = await startRecorded(ctx, id, `gpu-stress: ${shown} on GPU ${spec.gpu}`, argv, { cwd: burner.cwd ?? ctx.workDir });
        this.handles.set(id, { bin, pid, burner: burner.name });
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const start = Date.now();
        let peak;
        let error;
        for (;;) {
            try {
                const [util] = await queryGpu(h.bin, spec.gpu, ['utilization.gpu'], ctx.signal);
                const u = Number(util);
                if (Number.isFinite(u))
                    peak = Math.max(peak ?? 0, u);
            }
            catch (e) {
                error = e instanceof Error ? e.message : String(e);
            }
            if ((peak ?? 0) >= STRESS_MIN_UTIL || Date.now() - start >= STRESS_VERIFY_MS)
                break;
            await (0,external_node_timers_promises_.setTimeout)(STRESS_POLL_MS, undefined, { signal: ctx.signal });
        }
        const took = ((Date.now() - start) / 1000).toFixed(1);
        const seen = peak === undefined ? `no utilization.gpu reading${error === undefined ? '' : ` (${error})`}` : `utilization.gpu peaked at ${peak}%`;
        return {
            verified: (peak ?? 0) >= STRESS_MIN_UTIL,
            evidence: `${h.burner} (pid ${h.pid}) on GPU ${spec.gpu}: ${seen} over ${took} s of polling (needed ≥ ${STRESS_MIN_UTIL}%)`,
        };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const GPU_FAULTS = new Map([
    ['gpu-power-cap', new GpuPowerCapFault()],
    ['gpu-clock-cap', new GpuClockCapFault()],
    ['gpu-stress', new GpuStressFault()],
]);

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/network.ts
/**
 * Network faults through iproute2, on one interface (optionally inside a named network namespace):
 * `network-netem` (tc netem: delay, jitter, loss, corrupt, duplicate, reorder), `network-bandwidth` (tc tbf) and
 * `link-flap` (ip link set down/up on a schedule).
 *
 * Safety: only our own root qdisc (handle 5147:) is ever added or removed; a foreign root qdisc, or ours left over
 * from an earlier run, is refused. The interface that holds the default route is refused unless
 * limits.allow_default_route is set. Every command is an argv (no shell string); the one `sh -c` inverse takes the
 * namespace and interface as positional arguments, never interpolated. The inverse is in the ledger before the
 * fault is applied, and it succeeds when there is nothing left to undo (the namespace, the interface or the qdisc
 * is gone), so a revert never fails forever.
 */







/** The handle of every qdisc chaos-run adds; any other root qdisc is not ours. */
const QDISC_HANDLE = '5147:';
const INTERFACE = /^[A-Za-z0-9_.:@-]{1,15}$/;
const NAMESPACE = /^[A-Za-z0-9_.-]+$/;
const HOST = /^[A-Za-z0-9_.:-]{1,253}$/;
/** Root qdiscs the kernel installs by itself (handle 0:). */
const DEFAULT_QDISCS = new Set(['noqueue', 'pfifo_fast', 'fq_codel', 'mq', 'fq']);
const CMD_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 2000;
const RTT_SAMPLES = 5;
const THROUGHPUT_BEFORE_MS = 500;
const THROUGHPUT_DURING_MS = 1000;
/** tbf burst default: a 4 ms worth of the rate (one HZ=250 tick), at least one full-size frame plus headroom. */
const MIN_BURST_BYTES = 1600;
const BURST_TICKS_PER_SECOND = 250;
const DEFAULT_TBF_LATENCY_MS = 50;
async function run(argv, timeoutMs = CMD_TIMEOUT_MS) {
    const [file, ...args] = argv;
    if (file === undefined)
        throw new Error('empty command');
    const r = await (0,exec/* execCommand */.NK)({ argv: [file, ...args] }, { stream: false, capture: true, timeoutMs, graceMs: 500, tailLines: 5 });
    if (!r.failed)
        return { ok: true, stdout: r.stdout ?? '', why: '' };
    const reason = r.error ?? (r.timedOut ? `timed out after ${timeoutMs} ms` : r.exitCode !== null ? `exit code ${r.exitCode}` : `signal ${r.signal ?? '?'}`);
    return { ok: false, stdout: r.stdout ?? '', why: `${reason}${r.tail.length > 0 ? `: ${r.tail.join(' | ')}` : ''}` };
}
function nsPrefix(ns) {
    return ns === undefined ? [] : ['ip', 'netns', 'exec', ns];
}
function onIf(s) {
    return `${s.interface}${s.namespace === undefined ? '' : ` (namespace ${s.namespace})`}`;
}
const NS_SELECT = 'ns=$1; ifc=$2; if [ -n "$ns" ]; then [ -e "/run/netns/$ns" ] || [ -e "/var/run/netns/$ns" ] || exit 0; set -- ip netns exec "$ns"; else set --; fi; ';
/**
 * Removes our root qdisc; succeeds when it is not there (or the interface or namespace is gone). `tc qdisc del
 * ... root handle 5147:` only deletes a root qdisc with that handle ("Invalid handle" otherwise).
 */
const QDISC_DEL_SCRIPT = NS_SELECT +
    `"$@" tc qdisc del dev "$ifc" root handle ${QDISC_HANDLE} 2>/dev/null && exit 0; ` +
    `if "$@" tc qdisc show dev "$ifc" 2>/dev/null | grep -q '^qdisc [a-z_]* ${QDISC_HANDLE} root'; then echo "qdisc ${QDISC_HANDLE} still on $ifc" >&2; exit 1; fi; exit 0`;
/** Sets the link up; succeeds when the interface or namespace is gone. */
const LINK_UP_SCRIPT = NS_SELECT + `"$@" ip link show dev "$ifc" >/dev/null 2>&1 || exit 0; "$@" ip link set dev "$ifc" up`;
function inverseArgv(script, s) {
    return ['sh', '-c', script, 'sh', s.namespace ?? '', s.interface];
}
/** Link flags (`<...>`) of `ip -o link show dev IF`. */
async function linkFlags(s) {
    const r = await run([...nsPrefix(s.namespace), 'ip', '-o', 'link', 'show', 'dev', s.interface]);
    if (!r.ok)
        return { error: r.why };
    const line = r.stdout.trim().split('\n')[0] ?? '';
    const m = /<([^>]*)>/.exec(line);
    return { flags: m?.[1]?.split(',') ?? [], line: line.replace(/\\\s+/g, ' ').trim() };
}
/**
 * Refuses what must not be touched: a missing interface, the default-route interface (unless allowed), and for
 * qdisc faults a root qdisc that is not a kernel default, or ours left over.
 */
async function checkTarget(s, ctx, qdisc) {
    const ns = nsPrefix(s.namespace);
    const link = await linkFlags(s);
    if ('error' in link)
        throw specError(s.at, 'interface', `interface ${onIf(s)} not found: ${link.error}`);
    if (ctx.allowDefaultRoute !== true) {
        for (const family of [[], ['-6']]) {
            const r = await run([...ns, 'ip', ...family, 'route', 'show', 'default']);
            if (!r.ok)
                throw new Error(`could not read the default route${s.namespace === undefined ? '' : ` in namespace ${s.namespace}`}: ${r.why}`);
            const devs = [...r.stdout.matchAll(/\bdev\s+(\S+)/g)].map((m) => m[1]);
            if (devs.includes(s.interface)) {
                throw specError(s.at, 'interface', `${onIf(s)} holds the default route; a fault on it can cut the runner off. Use another interface, or set limits.allow_default_route: true`);
            }
        }
    }
    if (!qdisc)
        return;
    const r = await run([...ns, 'tc', 'qdisc', 'show', 'dev', s.interface]);
    if (!r.ok)
        throw new Error(`tc qdisc show dev ${onIf(s)}: ${r.why}`);
    for (const line of r.stdout.split('\n')) {
        const m = /^qdisc\s+(\S+)\s+([0-9a-f]+:)\s+(?:dev\s+\S+\s+)?(root\b)?/.exec(line.trim());
        if (m === null)
            continue;
        const [, kind, handle, root] = m;
        if (handle === QDISC_HANDLE) {
            throw specError(s.at, 'interface', `a chaos-run qdisc (${kind} handle ${QDISC_HANDLE}) is already on ${onIf(s)}, left over from an earlier run: run \`shipgate chaos-run revert\``);
        }
        if (root !== undefined && !(kind !== undefined && DEFAULT_QDISCS.has(kind) && handle === '0:')) {
            throw specError(s.at, 'interface', `${onIf(s)} already has a root qdisc that chaos-run did not add (${kind} ${handle}); refusing to replace it. Remove it, or use another interface`);
        }
    }
}
async function qdiscLine(s, kind) {
    const r = await run([...nsPrefix(s.namespace), 'tc', '-s', 'qdisc', 'show', 'dev', s.interface]);
    if (!r.ok)
        return undefined;
    return r.stdout
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.startsWith(`qdisc ${kind} ${QDISC_HANDLE} root`));
}
/** Records the qdisc inverse, adds the qdisc; when adding fails, removes whatever is there of it and throws. */
async function addQdisc(id, type, s, ctx, argv) {
    ctx.signal.throwIfAborted();
    await ctx.ledger.record({ id, description: `${type}: ${(0,exec/* formatCommand */.fE)({ argv: argv })}`, inverse: [{ kind: 'argv', argv: inverseArgv(QDISC_DEL_SCRIPT, s) }] });
    const r = await run(argv);
    if (!r.ok) {
        await revertViaLedger(ctx.ledger, id);
        throw new Error(`${id}: ${(0,exec/* formatCommand */.fE)({ argv: argv })}: ${r.why}`);
    }
}
// ---- measurements ----
/** Milliseconds to open a TCP connection, or why it failed. */
function connectOnce(t, timeoutMs) {
    return new Promise((resolve) => {
        const start = external_node_perf_hooks_.performance.now();
        const socket = external_node_net_default().connect({ host: t.host, port: t.port });
        const timer = setTimeout(() => {
            socket.destroy();
            resolve({ error: `no connection within ${timeoutMs} ms` });
        }, timeoutMs);
        socket.once('connect', () => {
            clearTimeout(timer);
            const ms = external_node_perf_hooks_.performance.now() - start;
            socket.destroy();
            resolve({ ms });
        });
        socket.once('error', (e) => {
            clearTimeout(timer);
            socket.destroy();
            resolve({ error: e.message });
        });
    });
}
/** Median connect time of RTT_SAMPLES connects, or undefined when any failed. */
async function medianRtt(t) {
    const times = [];
    for (let i = 0; i < RTT_SAMPLES; i++) {
        const r = await connectOnce(t, CONNECT_TIMEOUT_MS);
        if ('error' in r)
            return r;
        times.push(r.ms);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? 0 };
}
/** Bits per second read from a peer that streams data, over about `ms` after connecting. */
function measureThroughput(t, ms) {
    return new Promise((resolve) => {
        let bytes = 0;
        let start = 0;
        let done = false;
        const socket = external_node_net_default().connect({ host: t.host, port: t.port });
        const finish = (error) => {
            if (done)
                return;
            done = true;
            clearTimeout(connectTimer);
            clearTimeout(readTimer);
            socket.destroy();
            const elapsed = start === 0 ? 0 : external_node_perf_hooks_.performance.now() - start;
            if (error !== undefined && bytes === 0)
                resolve({ error });
            else if (elapsed <= 0)
                resolve({ error: 'the peer sent nothing' });
            else
                resolve({ bitsPerSecond: (bytes * 8 * 1000) / elapsed, bytes, ms: Math.round(elapsed) });
        };
        let readTimer;
        const connectTimer = setTimeout(() => finish(`no connection within ${CONNECT_TIMEOUT_MS} ms`), CONNECT_TIMEOUT_MS);
        socket.once('connect', () => {
            clearTimeout(connectTimer);
            start = external_node_perf_hooks_.performance.now();
            readTimer = setTimeout(() => finish(), ms);
        });
        socket.on('data', (chunk) => (bytes += chunk.length));
        socket.once('end', () => finish());
        socket.once('error', (e) => finish(e.message));
    });
}
function rateText(bps) {
    if (bps >= 1e9)
        return `${(bps / 1e9).toFixed(2)} Gbit/s`;
    if (bps >= 1e6)
        return `${(bps / 1e6).toFixed(2)} Mbit/s`;
    return `${(bps / 1e3).toFixed(1)} kbit/s`;
}
// ---- validation ----
function validateWhere(spec, where) {
    const ifc = spec.interface;
    if (typeof ifc !== 'string' || !INTERFACE.test(ifc)) {
        throw specError(where, 'interface', `expected an interface name (1–15 of letters, digits, "_", ".", ":", "@", "-"), got ${JSON.stringify(ifc)}`);
    }
    const out = { interface: ifc, at: where };
    if (spec.namespace !== undefined) {
        const ns = spec.namespace;
        if (typeof ns !== 'string' || !NAMESPACE.test(ns) || ns === '.' || ns === '..') {
            throw specError(where, 'namespace', `expected a network namespace name (letters, digits, "_", ".", "-"), got ${JSON.stringify(ns)}`);
        }
        out.namespace = ns;
    }
    if (spec.verify !== undefined) {
        const v = spec.verify;
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
            throw specError(where, 'verify', `expected {host, port}, got ${JSON.stringify(spec.verify)}`);
        }
        if (typeof v.host !== 'string' || !HOST.test(v.host))
            throw specError(where, 'verify.host', `expected a host name or IP address, got ${JSON.stringify(v.host)}`);
        if (typeof v.port !== 'number' || !Number.isInteger(v.port) || v.port < 1 || v.port > 65535) {
            throw specError(where, 'verify.port', `expected a TCP port from 1 to 65535, got ${JSON.stringify(v.port)}`);
        }
        out.verify = { host: v.host, port: v.port };
    }
    return out;
}
/** A percentage in (0, 100]: a number, or a string such as "5%" or "0.5". */
function percent(value, where, key) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?%?$/.test(value.trim()) ? Number.parseFloat(value) : Number.NaN;
    if (!Number.isFinite(n) || n <= 0 || n > 100) {
        throw specError(where, key, `expected a percentage above 0 and at most 100, such as 5 or "5%", got ${JSON.stringify(value)}`);
    }
    return n;
}
const RATE = /^(\d+(?:\.\d+)?)(bit|kbit|mbit|gbit)$/i;
const RATE_UNIT = { bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9 };
const network_SIZE = /^(\d+)(b|kb|mb)?$/i;
const SIZE_UNIT = { b: 1, kb: 1024, mb: 1024 * 1024 };
const NETEM_PERCENTS = ['loss', 'corrupt', 'duplicate', 'reorder'];
async function linuxRootTools() {
    if (process.platform !== 'linux')
        return 'needs Linux';
    if (process.getuid?.() !== 0)
        return 'needs root (CAP_NET_ADMIN)';
    for (const bin of ['tc', 'ip']) {
        if ((await findExecutable(bin)) === undefined)
            return `${bin} is not installed (package iproute2)`;
    }
    return undefined;
}
let netemProbe;
/**
 * Whether the kernel has netem: loaded or built in (/sys/module/sch_netem), else adding a netem qdisc on the
 * loopback of a throwaway namespace (`unshare -n`: gone when tc exits; the kernel loads the module on demand),
 * else the module file under /lib/modules.
 */
async function netemMissing() {
    const missing = 'tc netem is not available: kernel module sch_netem is missing (modprobe sch_netem)';
    if ((0,external_node_fs_.existsSync)('/sys/module/sch_netem'))
        return undefined;
    if ((await findExecutable('unshare')) !== undefined) {
        const r = await run(['unshare', '-n', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'netem', 'delay', '1ms']);
        if (r.ok)
            return undefined;
        if (/unknown|no such file/i.test(r.why))
            return missing;
    }
    const release = (await run(['uname', '-r'])).stdout.trim();
    for (const ext of ['', '.xz', '.zst', '.gz']) {
        if (release !== '' && (0,external_node_fs_.existsSync)(`/lib/modules/${release}/kernel/net/sched/sch_netem.ko${ext}`))
            return undefined;
    }
    return missing;
}
// ---- network-netem ----
class NetemFault {
    type = 'network-netem';
    handles = new Map();
    async unsupported() {
        const base = await linuxRootTools();
        if (base !== undefined)
            return base;
        netemProbe ??= netemMissing();
        return netemProbe;
    }
    validate(spec, where) {
        const out = validateWhere(spec, where);
        if (spec.delay !== undefined)
            out.delayMs = parseDuration(spec.delay, where, 'delay');
        if (spec.jitter !== undefined) {
            if (out.delayMs === undefined)
                throw specError(where, 'jitter', 'needs delay (netem jitter varies the delay)');
            out.jitterMs = parseDuration(spec.jitter, where, 'jitter');
        }
        for (const key of NETEM_PERCENTS)
            if (spec[key] !== undefined)
                out[key] = percent(spec[key], where, key);
        if (out.reorder !== undefined && out.delayMs === undefined)
            throw specError(where, 'reorder', 'needs delay (netem reorders by sending some packets without it)');
        if (out.delayMs === undefined && NETEM_PERCENTS.every((k) => out[k] === undefined)) {
            throw new errors/* ConfigurationError */.j1(`${where.file}:${where.line}: ${where.field}: network-netem needs at least one of delay, loss, corrupt, duplicate, reorder`, {
                location: { file: where.file, line: where.line },
                field: where.field,
            });
        }
        return out;
    }
    argv(spec) {
        const args = [];
        if (spec.delayMs !== undefined)
            args.push('delay', `${spec.delayMs}ms`, ...(spec.jitterMs === undefined ? [] : [`${spec.jitterMs}ms`]));
        for (const key of NETEM_PERCENTS) {
            const v = spec[key];
            if (v !== undefined)
                args.push(key, `${v}%`);
        }
        return [...nsPrefix(spec.namespace), 'tc', 'qdisc', 'add', 'dev', spec.interface, 'root', 'handle', QDISC_HANDLE, 'netem', ...args];
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `tc netem on ${onIf(spec)}`,
            actions: [(0,exec/* formatCommand */.fE)({ argv: this.argv(spec) })],
            inverse: [(0,exec/* formatCommand */.fE)({ argv: inverseArgv(QDISC_DEL_SCRIPT, spec) })],
        };
    }
    async apply(id, spec, ctx) {
        await checkTarget(spec, ctx, true);
        const handle = {};
        if (spec.verify !== undefined && spec.delayMs !== undefined)
            handle.rttBefore = await medianRtt(spec.verify);
        await addQdisc(id, this.type, spec, ctx, this.argv(spec));
        this.handles.set(id, handle);
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        if (spec.verify !== undefined && spec.delayMs !== undefined && h.rttBefore !== undefined) {
            const t = `${spec.verify.host}:${spec.verify.port}`;
            if ('error' in h.rttBefore)
                return { verified: false, evidence: `TCP connect to ${t} failed before the fault: ${h.rttBefore.error}` };
            const after = await medianRtt(spec.verify);
            if ('error' in after)
                return { verified: false, evidence: `TCP connect to ${t} failed during the fault: ${after.error}` };
            const rise = after.ms - h.rttBefore.ms;
            const needed = spec.delayMs / 2;
            return {
                verified: rise >= needed,
                evidence: `median TCP connect time to ${t}: ${h.rttBefore.ms.toFixed(1)} ms before, ${after.ms.toFixed(1)} ms during (rose ${rise.toFixed(1)} ms; needed ${needed} ms)`,
            };
        }
        const line = await qdiscLine(spec, 'netem');
        return line === undefined
            ? { verified: false, evidence: `tc qdisc show dev ${onIf(spec)} lists no netem ${QDISC_HANDLE}` }
            : { verified: true, evidence: `tc qdisc show dev ${onIf(spec)}: ${line} (installed, effect not measured)` };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
// ---- network-bandwidth ----
class BandwidthFault {
    type = 'network-bandwidth';
    handles = new Map();
    unsupported() {
        return linuxRootTools();
    }
    validate(spec, where) {
        const base = validateWhere(spec, where);
        const m = typeof spec.rate === 'string' ? RATE.exec(spec.rate.trim()) : null;
        const bps = m?.[1] !== undefined && m[2] !== undefined ? Number(m[1]) * (RATE_UNIT[m[2].toLowerCase()] ?? 1) : 0;
        if (!(bps >= 8))
            throw specError(where, 'rate', `expected a rate such as "1mbit" or "500kbit" (bit, kbit, mbit, gbit), got ${JSON.stringify(spec.rate)}`);
        let burstBytes = Math.max(Math.ceil(bps / 8 / BURST_TICKS_PER_SECOND), MIN_BURST_BYTES);
        if (spec.burst !== undefined) {
            const b = typeof spec.burst === 'number' ? network_SIZE.exec(String(spec.burst)) : typeof spec.burst === 'string' ? network_SIZE.exec(spec.burst.trim()) : null;
            const bytes = b?.[1] !== undefined ? Number(b[1]) * (SIZE_UNIT[(b[2] ?? 'b').toLowerCase()] ?? 1) : 0;
            if (!(bytes >= MIN_BURST_BYTES))
                throw specError(where, 'burst', `expected a size of at least ${MIN_BURST_BYTES} bytes, such as 32000 or "32kb", got ${JSON.stringify(spec.burst)}`);
            burstBytes = bytes;
        }
        const latencyMs = spec.latency === undefined ? DEFAULT_TBF_LATENCY_MS : parseDuration(spec.latency, where, 'latency');
        return { ...base, rate: spec.rate.trim().toLowerCase(), rateBitsPerSecond: bps, burstBytes, latencyMs };
    }
    argv(spec) {
        return [
            ...nsPrefix(spec.namespace),
            'tc', 'qdisc', 'add', 'dev', spec.interface, 'root', 'handle', QDISC_HANDLE,
            'tbf', 'rate', spec.rate, 'burst', String(spec.burstBytes), 'latency', `${spec.latencyMs}ms`,
        ]; // prettier-ignore
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `limit egress of ${onIf(spec)} to ${spec.rate} (tc tbf, burst ${spec.burstBytes} bytes, latency ${spec.latencyMs} ms)`,
            actions: [(0,exec/* formatCommand */.fE)({ argv: this.argv(spec) })],
            inverse: [(0,exec/* formatCommand */.fE)({ argv: inverseArgv(QDISC_DEL_SCRIPT, spec) })],
        };
    }
    async apply(id, spec, ctx) {
        await checkTarget(spec, ctx, true);
        const handle = {};
        if (spec.verify !== undefined)
            handle.before = await measureThroughput(spec.verify, THROUGHPUT_BEFORE_MS);
        await addQdisc(id, this.type, spec, ctx, this.argv(spec));
        this.handles.set(id, handle);
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        if (spec.verify !== undefined && h.before !== undefined) {
            const t = `${spec.verify.host}:${spec.verify.port}`;
            if ('error' in h.before)
                return { verified: false, evidence: `reading from ${t} failed before the fault: ${h.before.error}` };
            const during = await measureThroughput(spec.verify, THROUGHPUT_DURING_MS);
            if ('error' in during)
                return { verified: false, evidence: `reading from ${t} failed during the fault: ${during.error}` };
            const cap = spec.rateBitsPerSecond * 1.5;
            const verified = during.bitsPerSecond < cap && during.bitsPerSecond < h.before.bitsPerSecond / 2;
            return {
                verified,
                evidence: `throughput from ${t}: ${rateText(h.before.bitsPerSecond)} before, ${rateText(during.bitsPerSecond)} during ` +
                    `(${during.bytes} bytes in ${during.ms} ms; needed below ${rateText(cap)} = 1.5 × ${spec.rate} and below half of before)`,
            };
        }
        const line = await qdiscLine(spec, 'tbf');
        return line === undefined
            ? { verified: false, evidence: `tc qdisc show dev ${onIf(spec)} lists no tbf ${QDISC_HANDLE}` }
            : { verified: true, evidence: `tc qdisc show dev ${onIf(spec)}: ${line} (installed, effect not measured)` };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
class LinkFlapFault {
    type = 'link-flap';
    handles = new Map();
    unsupported() {
        return linuxRootTools();
    }
    validate(spec, where) {
        const base = validateWhere(spec, where);
        const durationMs = parseDuration(spec.duration, where, 'duration');
        const downMs = parseDuration(spec.down, where, 'down');
        const upMs = spec.up === undefined ? downMs : parseDuration(spec.up, where, 'up');
        return { ...base, downMs, upMs, durationMs };
    }
    setLink(spec, state) {
        return [...nsPrefix(spec.namespace), 'ip', 'link', 'set', 'dev', spec.interface, state];
    }
    plan(id, spec) {
        const down = (0,exec/* formatCommand */.fE)({ argv: this.setLink(spec, 'down') });
        const up = (0,exec/* formatCommand */.fE)({ argv: this.setLink(spec, 'up') });
        return {
            id,
            type: this.type,
            description: `flap ${onIf(spec)}: down ${spec.downMs} ms, up ${spec.upMs} ms, for ${spec.durationMs} ms`,
            actions: [down, `after ${spec.downMs} ms: ${up}`, `repeat every ${spec.downMs + spec.upMs} ms until ${spec.durationMs} ms have passed, then ${up}`],
            inverse: [(0,exec/* formatCommand */.fE)({ argv: inverseArgv(LINK_UP_SCRIPT, spec) })],
        };
    }
    async apply(id, spec, ctx) {
        await checkTarget(spec, ctx, false);
        const link = await linkFlags(spec);
        if ('error' in link || !link.flags.includes('UP')) {
            throw specError(spec.at, 'interface', `${onIf(spec)} is not up; link-flap only flaps a link that is up`);
        }
        const connectBefore = spec.verify === undefined ? undefined : await connectOnce(spec.verify, CONNECT_TIMEOUT_MS);
        ctx.signal.throwIfAborted();
        await ctx.ledger.record({
            id,
            description: `link-flap: ${(0,exec/* formatCommand */.fE)({ argv: this.setLink(spec, 'down') })} / up, every ${spec.downMs + spec.upMs} ms for ${spec.durationMs} ms`,
            inverse: [{ kind: 'argv', argv: inverseArgv(LINK_UP_SCRIPT, spec) }],
        });
        const first = await run(this.setLink(spec, 'down'));
        if (!first.ok) {
            await revertViaLedger(ctx.ledger, id);
            throw new Error(`${id}: ip link set dev ${onIf(spec)} down: ${first.why}`);
        }
        const start = external_node_perf_hooks_.performance.now();
        const h = {
            stop: new AbortController(),
            loop: Promise.resolve(),
            phase: 'down',
            phaseEnds: start + Math.min(spec.downMs, spec.durationMs),
            downPhases: 1,
            errors: [],
            ...(connectBefore === undefined ? {} : { connectBefore }),
        };
        h.loop = this.flap(spec, h, start + spec.durationMs);
        this.handles.set(id, h);
        return { appliedAt: Date.now() };
    }
    /** The schedule, after the first down: wait, up, wait, down, … until `end`; the link is left up. */
    async flap(spec, h, end) {
        const wait = (until) => (0,external_node_timers_promises_.setTimeout)(Math.max(0, until - external_node_perf_hooks_.performance.now()), undefined, { signal: h.stop.signal }).catch(() => undefined);
        const set = async (state) => {
            const r = await run(this.setLink(spec, state));
            if (!r.ok)
                h.errors.push(`ip link set ${state}: ${r.why}`);
        };
        for (;;) {
            await wait(h.phaseEnds);
            h.phase = 'up';
            await set('up');
            if (h.stop.signal.aborted || external_node_perf_hooks_.performance.now() >= end)
                break;
            h.phaseEnds = Math.min(external_node_perf_hooks_.performance.now() + spec.upMs, end);
            await wait(h.phaseEnds);
            if (h.stop.signal.aborted || external_node_perf_hooks_.performance.now() >= end)
                break;
            h.phase = 'down';
            await set('down');
            h.downPhases += 1;
            h.phaseEnds = Math.min(external_node_perf_hooks_.performance.now() + spec.downMs, end);
        }
        h.phase = 'done';
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        // A check counts only when it starts in a down phase with time left for a connect attempt to fail.
        const connectMs = Math.max(50, Math.min(1000, Math.floor(spec.downMs / 3)));
        const notes = [];
        while (h.phase !== 'done') {
            if (h.phase !== 'down' || h.phaseEnds - external_node_perf_hooks_.performance.now() < connectMs + 20) {
                await (0,external_node_timers_promises_.setTimeout)(10);
                continue;
            }
            const link = await linkFlags(spec);
            if ('error' in link) {
                notes.push(`ip link show failed: ${link.error}`);
                break;
            }
            if (link.flags.includes('UP')) {
                notes.push(`in a down phase, ip -o link show still shows UP: ${link.line}`);
                await (0,external_node_timers_promises_.setTimeout)(10);
                continue;
            }
            const parts = [`ip -o link show dev ${onIf(spec)} during down phase ${h.downPhases}: <${link.flags.join(',')}> (not UP)`];
            if (spec.verify === undefined)
                return { verified: true, evidence: parts.join('; ') };
            const t = `${spec.verify.host}:${spec.verify.port}`;
            const before = h.connectBefore;
            const during = await connectOnce(spec.verify, connectMs);
            const beforeText = before === undefined ? '' : 'error' in before ? `; it also failed before the fault (${before.error})` : `; it took ${before.ms.toFixed(1)} ms before the fault`;
            if ('error' in during) {
                parts.push(`TCP connect to ${t} failed: ${during.error}${beforeText}`);
                return { verified: before !== undefined && !('error' in before), evidence: parts.join('; ') };
            }
            parts.push(`but TCP connect to ${t} succeeded in ${during.ms.toFixed(1)} ms`);
            return { verified: false, evidence: parts.join('; ') };
        }
        notes.push(`no down phase could be checked before the flapping ended (${h.downPhases} down phase(s))`);
        if (h.errors.length > 0)
            notes.push(`errors: ${h.errors.slice(-3).join(' | ')}`);
        return { verified: false, evidence: notes.join('; ') };
    }
    async revert(id, ctx) {
        const h = this.handles.get(id);
        if (h !== undefined) {
            h.stop.abort();
            await h.loop;
        }
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const NETWORK_FAULTS = new Map([
    ['network-netem', new NetemFault()],
    ['network-bandwidth', new BandwidthFault()],
    ['link-flap', new LinkFlapFault()],
]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/process.ts
/**
 * Process faults on the system under test (ctx.targetPid): `process-kill` (a signal, optionally followed by a
 * restart through ctx.restartTarget) and `process-pause` (SIGSTOP, undone by SIGCONT).
 */



const KILL_SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGABRT', 'SIGUSR1', 'SIGUSR2'];
/** How long a killed target gets to exit before a restart (or before verify calls it still alive). */
const EXIT_WAIT_MS = 5000;
function linuxOnly() {
    return Promise.resolve(process.platform === 'linux' ? undefined : 'needs Linux (/proc)');
}
async function target(type, id, ctx) {
    const pid = ctx.targetPid;
    if (pid === undefined) {
        throw new errors/* ConfigurationError */.j1(`chaos-run: fault ${id} (${type}) needs a target started by chaos-run (set its command)`, { field: id });
    }
    const startTime = await processStartTime(pid);
    if (startTime === undefined)
        throw new Error(`${id}: the target (pid ${pid}) is not running`);
    return { pid, startTime };
}
async function isGone(pid, startTime) {
    return (await processStartTime(pid)) !== startTime;
}
class ProcessKillFault {
    type = 'process-kill';
    handles = new Map();
    unsupported() {
        return linuxOnly();
    }
    validate(spec, where) {
        const signal = spec.signal ?? 'SIGKILL';
        if (typeof signal !== 'string' || !KILL_SIGNALS.includes(signal)) {
            throw specError(where, 'signal', `expected one of ${KILL_SIGNALS.join(', ')}, got ${JSON.stringify(signal)}`);
        }
        const restart = spec.restart ?? false;
        if (typeof restart !== 'boolean')
            throw specError(where, 'restart', `expected true or false, got ${JSON.stringify(restart)}`);
        return { signal: signal, restart };
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `send ${spec.signal} to the target${spec.restart ? ', then restart it' : ''}`,
            actions: [`kill -${spec.signal.slice(3)} <target pid>`, ...(spec.restart ? ['wait for it to exit, then re-run the target command'] : [])],
            inverse: [],
        };
    }
    async apply(id, spec, ctx) {
        const { pid, startTime } = await target(this.type, id, ctx);
        if (spec.restart && ctx.restartTarget === undefined) {
            throw new errors/* ConfigurationError */.j1(`chaos-run: fault ${id} (process-kill) has restart: true, but the target cannot be restarted`, { field: id });
        }
        await ctx.ledger.record({ id, description: `process-kill: ${spec.signal} to pid ${pid} (nothing to undo)`, inverse: [] });
        const handle = { pid, startTime };
        this.handles.set(id, handle);
        process.kill(pid, spec.signal);
        const appliedAt = Date.now();
        if (spec.restart && ctx.restartTarget !== undefined) {
            if (!(await waitFor(() => isGone(pid, startTime), EXIT_WAIT_MS))) {
                throw new Error(`${id}: the target (pid ${pid}) did not exit within ${EXIT_WAIT_MS} ms of ${spec.signal}; not restarted`);
            }
            handle.newPid = await ctx.restartTarget();
            handle.newStart = await processStartTime(handle.newPid);
        }
        return { appliedAt };
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const gone = await waitFor(() => isGone(h.pid, h.startTime), spec.restart ? 0 : 2000);
        const parts = [gone ? `pid ${h.pid} is gone` : `pid ${h.pid} is still running after ${spec.signal}`];
        let alive = true;
        if (spec.restart) {
            const start = h.newPid === undefined ? undefined : await processStartTime(h.newPid);
            alive = start !== undefined && start === h.newStart;
            parts.push(alive ? `restarted as pid ${h.newPid} (running)` : `restarted process ${h.newPid ?? '?'} is not running`);
        }
        return { verified: gone && alive, evidence: parts.join('; ') };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
class ProcessPauseFault {
    type = 'process-pause';
    handles = new Map();
    unsupported() {
        return linuxOnly();
    }
    validate(spec, where) {
        return { durationMs: parseDuration(spec.duration, where, 'duration') };
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `pause the target (SIGSTOP) for ${spec.durationMs} ms`,
            actions: ['kill -STOP <target pid>'],
            inverse: ['kill -CONT <target pid>'],
        };
    }
    async apply(id, _spec, ctx) {
        const { pid, startTime } = await target(this.type, id, ctx);
        await ctx.ledger.record({
            id,
            description: `process-pause: SIGSTOP to pid ${pid}`,
            inverse: [{ kind: 'signal', pid, signal: 'SIGCONT', startTime }],
        });
        this.handles.set(id, { pid, startTime });
        process.kill(pid, 'SIGSTOP');
        return { appliedAt: Date.now() };
    }
    async verify(id, _spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        let state = '?';
        const stopped = await waitFor(async () => {
            const s = await procStat(h.pid);
            state = s === undefined || s.start !== h.startTime ? 'gone' : s.state;
            return state === 'T';
        }, 1000);
        return { verified: stopped, evidence: `/proc/${h.pid}/stat state ${state}` };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const PROCESS_FAULTS = new Map([
    ['process-kill', new ProcessKillFault()],
    ['process-pause', new ProcessPauseFault()],
]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/tcp-proxy.ts
/**
 * A rootless TCP fault proxy with toxiproxy's toxics built in (node:net only).
 *
 * Every accepted connection is paired with one upstream connection. Data flows through two pipes (upstream:
 * client → server, downstream: server → client); each chunk passes through the active toxics in the order they
 * were given (like toxiproxy's toxic chain). `setToxics` replaces the chain at once: the next chunk of every
 * connection sees the new one. Whether a connection gets a toxic is rolled once per connection and toxic
 * (`toxicity`). Timed toxics (`reset_peer` / `timeout` with `timeout_ms > 0`) start their clock when they are
 * applied to a connection (when set, or when the connection is accepted).
 */


// ---------------------------------------------------------------------------------------------------------------
// Validation
const TOXIC_FIELDS = {
    latency: { required: ['latency_ms'], optional: ['jitter_ms'] },
    bandwidth: { required: ['rate_kbps'], optional: [] },
    reset_peer: { required: [], optional: ['timeout_ms'] },
    timeout: { required: ['timeout_ms'], optional: [] },
    slicer: { required: ['average_size'], optional: ['size_variation', 'delay_us'] },
    limit_data: { required: ['bytes'], optional: [] },
};
const FIELD_HINTS = {
    latency_ms: 'a delay in milliseconds, e.g. 100',
    jitter_ms: 'a random variation in milliseconds, e.g. 10',
    rate_kbps: 'a rate in kilobits per second greater than 0, e.g. 256',
    timeout_ms: 'a time in milliseconds (0 = never)',
    average_size: 'a slice size in bytes of at least 1, e.g. 64',
    size_variation: 'a variation in bytes smaller than average_size, e.g. 16',
    delay_us: 'a delay between slices in microseconds, e.g. 1000',
    bytes: 'a number of bytes, e.g. 1024',
};
const MAX_MS = 2_147_483_647; // setTimeout's maximum
/**
 * Checks an untrusted toxic (from a config file) and returns it typed. Throws ConfigurationError naming the file,
 * line and field, and what to write instead.
 */
function validateToxic(t, where) {
    const fail = (field, problem) => {
        throw new errors/* ConfigurationError */.j1(`${where.file}:${where.line}: ${field}: ${problem}`, {
            location: { file: where.file, line: where.line },
            field,
        });
    };
    if (typeof t !== 'object' || t === null || Array.isArray(t)) {
        return fail(where.field, `a toxic must be a mapping with a "type" (one of ${Object.keys(TOXIC_FIELDS).join(', ')}). Write it as a mapping.`);
    }
    const o = t;
    const type = o.type;
    if (typeof type !== 'string' || !Object.hasOwn(TOXIC_FIELDS, type)) {
        return fail(`${where.field}.type`, `unknown toxic type ${JSON.stringify(type ?? null)}. Use one of: ${Object.keys(TOXIC_FIELDS).join(', ')}.`);
    }
    const spec = TOXIC_FIELDS[type];
    const allowed = new Set(['type', 'stream', 'toxicity', ...spec.required, ...spec.optional]);
    for (const key of Object.keys(o)) {
        if (!allowed.has(key)) {
            fail(`${where.field}.${key}`, `unknown field for a ${type} toxic. Remove it; allowed fields: ${[...allowed].join(', ')}.`);
        }
    }
    const out = { type };
    if (o.stream !== undefined) {
        if (o.stream !== 'upstream' && o.stream !== 'downstream' && o.stream !== 'both') {
            fail(`${where.field}.stream`, `must be "upstream", "downstream" or "both" (got ${JSON.stringify(o.stream)}).`);
        }
        out.stream = o.stream;
    }
    if (o.toxicity !== undefined) {
        if (typeof o.toxicity !== 'number' || !Number.isFinite(o.toxicity) || o.toxicity < 0 || o.toxicity > 1) {
            fail(`${where.field}.toxicity`, `must be a number from 0 to 1, the probability a connection gets the toxic (got ${JSON.stringify(o.toxicity)}).`);
        }
        out.toxicity = o.toxicity;
    }
    for (const key of [...spec.required, ...spec.optional]) {
        const v = o[key];
        if (v === undefined) {
            if (spec.required.includes(key))
                fail(`${where.field}.${key}`, `missing; a ${type} toxic needs ${key}: ${FIELD_HINTS[key]}.`);
            continue;
        }
        const positive = key === 'rate_kbps' || key === 'average_size';
        const bad = typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v <= 0) || (key.endsWith('_ms') && v > MAX_MS);
        if (bad)
            fail(`${where.field}.${key}`, `invalid value ${JSON.stringify(v)}; set it to ${FIELD_HINTS[key]}.`);
        out[key] = v;
    }
    if (type === 'slicer') {
        const avg = out.average_size;
        const variation = out.size_variation ?? 0;
        if (variation >= avg && variation > 0) {
            fail(`${where.field}.size_variation`, `must be smaller than average_size (${avg}); lower it.`);
        }
    }
    return out;
}
const HIGH_WATER = 64 * 1024;
const LOW_WATER = 16 * 1024;
class Pipe {
    conn;
    dir;
    src;
    dst;
    queue = [];
    queued = 0;
    ended = false;
    running = false;
    pausedByUs = false;
    /** Per-toxic state for this direction (token buckets, byte counters). */
    state = new WeakMap();
    constructor(conn, dir, src, dst) {
        this.conn = conn;
        this.dir = dir;
        this.src = src;
        this.dst = dst;
        src.on('data', (buf) => {
            this.queue.push({ buf, at: performance.now() });
            this.queued += buf.length;
            if (this.queued > HIGH_WATER && !this.pausedByUs) {
                this.pausedByUs = true;
                src.pause();
            }
            this.kick();
        });
        src.on('end', () => {
            this.ended = true;
            this.kick();
        });
    }
    kick() {
        if (this.running || this.conn.closed)
            return;
        this.running = true;
        this.pump().then(() => {
            this.running = false;
        }, () => {
            this.running = false;
            this.conn.close('destroy');
        });
    }
    async pump() {
        for (let c = this.queue.shift(); c !== undefined && !this.conn.closed; c = this.queue.shift()) {
            this.queued -= c.buf.length;
            if (this.pausedByUs && this.queued <= LOW_WATER) {
                this.pausedByUs = false;
                this.src.resume();
            }
            await this.stage(c.buf, c.at, this.conn.toxicsFor(this.dir), 0);
        }
        if (this.ended && this.queue.length === 0 && !this.conn.closed && !this.dst.destroyed)
            this.dst.end();
    }
    async stage(buf, at, toxics, i) {
        if (this.conn.closed)
            return;
        const t = toxics[i];
        if (t === undefined)
            return this.write(buf);
        switch (t.type) {
            case 'latency': {
                const jitter = t.jitter_ms === undefined ? 0 : (Math.random() * 2 - 1) * t.jitter_ms;
                const wait = at + Math.max(0, t.latency_ms + jitter) - performance.now();
                if (wait > 0 && !(await this.conn.sleep(wait)))
                    return;
                return this.stage(buf, at, toxics, i + 1);
            }
            case 'bandwidth': {
                const rate = (t.rate_kbps * 1000) / 8 / 1000; // bytes per millisecond
                const capacity = Math.max(1, Math.floor(rate * 20)); // at most 20 ms worth of data per piece
                let b = this.state.get(t);
                if (b === undefined) {
                    b = { tokens: capacity, at: performance.now() };
                    this.state.set(t, b);
                }
                for (let off = 0; off < buf.length;) {
                    const want = Math.min(capacity, buf.length - off);
                    const now = performance.now();
                    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * rate);
                    b.at = now;
                    if (b.tokens < want && !(await this.conn.sleep((want - b.tokens) / rate)))
                        return;
                    const later = performance.now();
                    b.tokens = Math.min(capacity, b.tokens + (later - b.at) * rate) - want;
                    b.at = later;
                    await this.stage(buf.subarray(off, off + want), at, toxics, i + 1);
                    off += want;
                    if (this.conn.closed)
                        return;
                }
                return;
            }
            case 'slicer': {
                const variation = t.size_variation ?? 0;
                const delayMs = (t.delay_us ?? 0) / 1000;
                for (let off = 0; off < buf.length;) {
                    const size = Math.max(1, Math.round(t.average_size + (Math.random() * 2 - 1) * variation));
                    const end = Math.min(buf.length, off + size);
                    await this.stage(buf.subarray(off, end), at, toxics, i + 1);
                    off = end;
                    if (this.conn.closed)
                        return;
                    if (off < buf.length && delayMs > 0 && !(await this.conn.sleep(delayMs)))
                        return;
                }
                return;
            }
            case 'limit_data': {
                let s = this.state.get(t);
                if (s === undefined) {
                    s = { passed: 0 };
                    this.state.set(t, s);
                }
                const room = t.bytes - s.passed;
                if (room > 0) {
                    const piece = room >= buf.length ? buf : buf.subarray(0, room);
                    s.passed += piece.length;
                    await this.stage(piece, at, toxics, i + 1);
                }
                if (s.passed >= t.bytes)
                    this.conn.close('graceful');
                return;
            }
            case 'timeout':
                return; // blackhole: the data is dropped
            case 'reset_peer':
                if ((t.timeout_ms ?? 0) === 0) {
                    this.conn.close('reset');
                    return;
                }
                return this.stage(buf, at, toxics, i + 1);
        }
    }
    async write(buf) {
        if (this.dst.destroyed || this.dst.writableEnded)
            return;
        this.conn.count(this.dir, buf.length);
        if (!this.dst.write(buf))
            await this.conn.waitFor(this.dst, 'drain');
    }
}
class Connection {
    proxy;
    client;
    upstream;
    onGone;
    closed = false;
    rolls = new WeakMap();
    timers = new Set();
    armed = new Set();
    waiters = new Set();
    open = 2;
    lingering;
    markGone;
    /** Resolves once both sockets have closed. */
    gone = new Promise((resolve) => (this.markGone = resolve));
    constructor(proxy, client, upstream, onGone) {
        this.proxy = proxy;
        this.client = client;
        this.upstream = upstream;
        this.onGone = onGone;
        for (const s of [client, upstream]) {
            s.on('error', () => this.close('destroy'));
            s.once('close', () => {
                if (--this.open > 0)
                    return;
                this.close('destroy'); // both directions are done: clear any timer still armed
                this.onGone(this);
                this.markGone();
            });
        }
        // Each direction half-closes independently; the connection ends when both sockets have closed.
        new Pipe(this, 'upstream', client, upstream);
        new Pipe(this, 'downstream', upstream, client);
    }
    gets(t) {
        let r = this.rolls.get(t);
        if (r === undefined) {
            r = t.toxicity >= 1 ? true : t.toxicity <= 0 ? false : Math.random() < t.toxicity;
            this.rolls.set(t, r);
        }
        return r;
    }
    toxicsFor(dir) {
        return this.proxy.activeToxics().filter((t) => (t.stream === 'both' || t.stream === dir) && this.gets(t));
    }
    count(dir, n) {
        this.proxy.count(dir, n);
    }
    /** Starts the clocks of timed toxics (reset_peer / timeout with timeout_ms > 0); replaces earlier ones. */
    arm(toxics) {
        for (const t of this.armed) {
            clearTimeout(t);
            this.timers.delete(t);
        }
        this.armed.clear();
        if (this.closed)
            return;
        for (const t of toxics) {
            if (t.type !== 'reset_peer' && t.type !== 'timeout')
                continue;
            const ms = t.timeout_ms ?? 0;
            if (ms <= 0 || !this.gets(t))
                continue;
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                this.armed.delete(timer);
                this.close(t.type === 'reset_peer' ? 'reset' : 'graceful');
            }, ms);
            this.timers.add(timer);
            this.armed.add(timer);
        }
    }
    /** Resolves true after ms, or false as soon as the connection closes. */
    sleep(ms) {
        if (this.closed)
            return Promise.resolve(false);
        return new Promise((resolve) => {
            const done = (ok) => {
                clearTimeout(timer);
                this.timers.delete(timer);
                this.waiters.delete(done);
                resolve(ok);
            };
            const timer = setTimeout(() => done(true), ms);
            this.timers.add(timer);
            this.waiters.add(done);
        });
    }
    /** Resolves on the socket's event, its close, or the connection's close. */
    waitFor(s, event) {
        if (this.closed || s.destroyed)
            return Promise.resolve();
        return new Promise((resolve) => {
            const done = () => {
                s.off(event, done);
                s.off('close', done);
                this.waiters.delete(done);
                resolve();
            };
            s.on(event, done);
            s.on('close', done);
            this.waiters.add(done);
        });
    }
    /** Destroys both sockets now, whatever state the connection is in (used by stop()). */
    destroyNow() {
        this.close('destroy');
        clearTimeout(this.lingering);
        this.client.destroy();
        this.upstream.destroy();
    }
    /**
     * destroy: close both sockets now; reset: TCP RST on both; graceful: flush what was written, send FIN, then
     * destroy (the client reads every byte already forwarded, then EOF).
     */
    close(mode) {
        if (this.closed)
            return;
        this.closed = true;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        this.armed.clear();
        for (const w of [...this.waiters])
            w(false);
        this.waiters.clear();
        for (const s of [this.client, this.upstream]) {
            if (s.destroyed)
                continue;
            if (mode === 'reset') {
                try {
                    s.resetAndDestroy();
                }
                catch {
                    s.destroy();
                }
            }
            else if (mode === 'graceful' && s === this.client && !s.writableEnded) {
                // FIN after what was written; the socket closes once the client closes its side too. Do not wait
                // forever for a client that never does.
                s.end();
                const t = setTimeout(() => s.destroy(), 1000);
                t.unref();
                s.once('close', () => clearTimeout(t));
                this.lingering = t;
            }
            else {
                s.destroy();
            }
        }
    }
}
class TcpFaultProxy {
    server;
    upstreamAddr;
    conns = new Set();
    toxics = [];
    totals = { connections: 0, bytesUp: 0, bytesDown: 0 };
    stopping;
    constructor(server, upstreamAddr) {
        this.server = server;
        this.upstreamAddr = upstreamAddr;
    }
    static async start(opts) {
        const server = external_node_net_default().createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
        const proxy = new TcpFaultProxy(server, { host: opts.upstream.host, port: opts.upstream.port });
        server.on('connection', (s) => proxy.accept(s));
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen({ host: opts.listen?.host ?? '127.0.0.1', port: opts.listen?.port ?? 0 }, () => {
                server.off('error', reject);
                resolve();
            });
        });
        server.on('error', () => undefined); // after listening, errors concern single connections
        return proxy;
    }
    address() {
        const a = this.server.address();
        if (a === null || typeof a === 'string')
            throw new Error('TcpFaultProxy: the server is not listening');
        return a;
    }
    get port() {
        return this.address().port;
    }
    get host() {
        return this.address().address;
    }
    accept(client) {
        if (this.stopping !== undefined) {
            client.destroy();
            return;
        }
        this.totals.connections++;
        const upstream = external_node_net_default().connect({ host: this.upstreamAddr.host, port: this.upstreamAddr.port, allowHalfOpen: true, noDelay: true });
        const conn = new Connection(this, client, upstream, (c) => this.conns.delete(c));
        this.conns.add(conn);
        conn.arm(this.toxics);
        client.resume();
    }
    /** Replaces the active toxics; existing connections see them from their next chunk on. */
    setToxics(toxics) {
        const active = toxics.map((t, i) => {
            const v = validateToxic(t, { file: 'TcpFaultProxy.setToxics', line: 0, field: `toxics[${i}]` });
            return { ...v, stream: v.stream ?? 'downstream', toxicity: v.toxicity ?? 1 };
        });
        this.toxics = active;
        for (const c of this.conns)
            c.arm(active);
    }
    /** Removes every toxic: traffic flows untouched from the next chunk on. */
    clear() {
        this.setToxics([]);
    }
    /** @internal */
    activeToxics() {
        return this.toxics;
    }
    /** @internal */
    count(dir, n) {
        if (dir === 'upstream')
            this.totals.bytesUp += n;
        else
            this.totals.bytesDown += n;
    }
    stats() {
        return { ...this.totals, active: this.conns.size };
    }
    /** Stops listening, destroys every connection and clears every timer. */
    stop() {
        this.stopping ??= (async () => {
            const closed = new Promise((resolve) => this.server.close(() => resolve()));
            const conns = [...this.conns];
            for (const c of conns)
                c.destroyNow();
            await Promise.all([closed, ...conns.map((c) => c.gone)]);
        })();
        return this.stopping;
    }
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/proxy.ts
/**
 * `tcp-proxy`: toxiproxy's toxics through the built-in TCP fault proxy, no root needed. The proxy listens on
 * `listen` (127.0.0.1) in front of `upstream` for the whole run (`setup`), passing traffic untouched; during the
 * fault's window its `toxics` are armed. Clients of the system under test (the workload) connect to `listen`.
 *
 * The proxy lives in the chaos-run process: when that process dies, the proxy and its toxics die with it, so there
 * is nothing to undo on the host. The ledger still records the window (inverse: none) for the record.
 */


/** How long verify waits for traffic to pass through the armed proxy. */
const TRAFFIC_WAIT_MS = 2000;
function port(value, where, key) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
        throw specError(where, key, `expected a port number from 1 to 65535, got ${JSON.stringify(value)}`);
    }
    return value;
}
function describeToxic(t) {
    const { type, stream, toxicity, ...attrs } = t;
    const args = Object.entries(attrs).map(([k, v]) => `${k}=${String(v)}`);
    return `${type}(${[...args, `stream=${stream ?? 'downstream'}`, ...(toxicity === undefined ? [] : [`toxicity=${toxicity}`])].join(', ')})`;
}
class TcpProxyFault {
    type = 'tcp-proxy';
    proxies = new Map();
    handles = new Map();
    unsupported() {
        return Promise.resolve(undefined);
    }
    validate(spec, where) {
        const listen = port(spec.listen, where, 'listen');
        const up = spec.upstream;
        const m = typeof up === 'string' ? /^(.+):(\d{1,5})$/.exec(up) : null;
        if (m?.[1] === undefined || m[2] === undefined) {
            throw specError(where, 'upstream', `expected "host:port" of the system under test, e.g. "127.0.0.1:6379", got ${JSON.stringify(up)}`);
        }
        const upstream = { host: m[1].replace(/^\[(.*)\]$/, '$1'), port: port(Number(m[2]), where, 'upstream') };
        if (upstream.port === listen && ['127.0.0.1', 'localhost', '::1'].includes(upstream.host)) {
            throw specError(where, 'listen', `the proxy cannot listen on its own upstream port ${listen}`);
        }
        if (!Array.isArray(spec.toxics) || spec.toxics.length === 0) {
            throw specError(where, 'toxics', 'expected a list of at least one toxic, e.g. [{ type: latency, latency_ms: 200 }]');
        }
        const toxics = spec.toxics.map((t, i) => validateToxic(t, { ...where, field: `${where.field}.toxics[${i}]` }));
        return { listen, upstream, toxics, durationMs: parseDuration(spec.duration, where, 'duration') };
    }
    plan(id, spec) {
        return {
            id,
            type: this.type,
            description: `TCP proxy 127.0.0.1:${spec.listen} → ${spec.upstream.host}:${spec.upstream.port}: ${spec.toxics.map(describeToxic).join(', ')} for ${spec.durationMs} ms`,
            actions: [`listen on 127.0.0.1:${spec.listen} for the whole run, forwarding to ${spec.upstream.host}:${spec.upstream.port}`, `arm ${spec.toxics.map(describeToxic).join(', ')}`],
            inverse: ['disarm the toxics (the proxy stops with the run)'],
        };
    }
    async setup(faults) {
        for (const { id, spec } of faults) {
            const running = this.proxies.get(spec.listen);
            if (running !== undefined)
                continue;
            try {
                this.proxies.set(spec.listen, await TcpFaultProxy.start({ listen: { host: '127.0.0.1', port: spec.listen }, upstream: spec.upstream }));
            }
            catch (e) {
                const code = e.code;
                throw new Error(`${id}: the proxy cannot listen on 127.0.0.1:${spec.listen}${code === 'EADDRINUSE' ? ' (the port is in use: pick a free one for `listen`)' : `: ${e.message}`}`);
            }
        }
    }
    async apply(id, spec, ctx) {
        const proxy = this.proxies.get(spec.listen);
        if (proxy === undefined)
            throw new Error(`${id}: the proxy on port ${spec.listen} is not running`);
        await ctx.ledger.record({ id, description: `tcp-proxy: toxics on 127.0.0.1:${spec.listen} (in-process; gone with the run)`, inverse: [] });
        const s = proxy.stats();
        this.handles.set(id, { proxy, bytes: s.bytesUp + s.bytesDown });
        proxy.setToxics(spec.toxics);
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const passed = () => {
            const s = h.proxy.stats();
            return s.bytesUp + s.bytesDown - h.bytes;
        };
        const armed = h.proxy.activeToxics().length;
        const traffic = await waitFor(() => Promise.resolve(passed() > 0 || h.proxy.stats().active > 0), Math.min(TRAFFIC_WAIT_MS, spec.durationMs));
        const s = h.proxy.stats();
        return {
            verified: armed === spec.toxics.length && traffic,
            evidence: `${armed} toxic(s) armed on 127.0.0.1:${spec.listen}; ${s.active} open connection(s), ${passed()} bytes passed since`,
        };
    }
    async revert(id, ctx) {
        this.handles.get(id)?.proxy.clear();
        this.handles.delete(id);
        return revertViaLedger(ctx.ledger, id);
    }
    async teardown() {
        const all = [...this.proxies.values()];
        this.proxies.clear();
        this.handles.clear();
        await Promise.all(all.map((p) => p.stop()));
    }
}
const PROXY_FAULTS = new Map([['tcp-proxy', new TcpProxyFault()]]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/stress.ts
/**
 * Resource faults through stress-ng: `cpu-stress`, `memory-stress`, `io-stress`. stress-ng runs detached in its own
 * process group (argv, no shell) with `--timeout` set to the duration as a second guard; the ledger holds a
 * kill-tree inverse for its pid and start time.
 */



const MAX_WORKERS = 1024;
const BYTES = /^(\d+(\.\d+)?[bkmg]?|\d{1,3}%)$/i;
const SAMPLE_MS = 500;
const WORKERS_START_MS = 3000;
/** CPU clock ticks used so far by the processes `members` lists (those that ended in between are not counted). */
async function groupTicks(members) {
    return (await members()).reduce((a, m) => a + m.cpuTicks, 0);
}
/** Busy and total jiffies of the "cpu" line of /proc/stat. */
async function cpuTimes() {
    const line = (await (0,promises_.readFile)('/proc/stat', 'utf8')).split('\n').find((l) => l.startsWith('cpu ')) ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
}
/** Share of CPU time (0–1) the host spent busy over `ms`. */
async function busyShare(ms) {
    const a = await cpuTimes();
    await (0,external_node_timers_promises_.setTimeout)(ms);
    const b = await cpuTimes();
    return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
}
const pct = (x) => `${(x * 100).toFixed(0)}%`;
class StressFault {
    kind;
    type;
    handles = new Map();
    constructor(kind) {
        this.kind = kind;
        this.type = `${kind}-stress`;
    }
    async unsupported() {
        if (process.platform !== 'linux')
            return 'needs Linux (/proc)';
        return (await findExecutable('stress-ng')) === undefined ? 'stress-ng is not installed (apt-get install stress-ng)' : undefined;
    }
    validate(spec, where) {
        const out = { workers: positiveInt(spec.workers, where, 'workers', MAX_WORKERS), durationMs: parseDuration(spec.duration, where, 'duration') };
        if (this.kind === 'cpu' && spec.load !== undefined) {
            if (typeof spec.load !== 'number' || !Number.isInteger(spec.load) || spec.load < 1 || spec.load > 100) {
                throw specError(where, 'load', `expected a whole percentage from 1 to 100, got ${JSON.stringify(spec.load)}`);
            }
            out.load = spec.load;
        }
        if (this.kind === 'memory') {
            const bytes = typeof spec.bytes === 'number' ? String(spec.bytes) : spec.bytes;
            if (typeof bytes !== 'string' || !BYTES.test(bytes)) {
                throw specError(where, 'bytes', `expected a size per worker such as "256M", "1G" or "50%", got ${JSON.stringify(spec.bytes)}`);
            }
            out.bytes = bytes;
        }
        return out;
    }
    /** The exact stress-ng command line. */
    argv(spec) {
        const timeout = ['--timeout', `${Math.max(1, Math.ceil(spec.durationMs / 1000))}s`];
        const w = String(spec.workers);
        switch (this.kind) {
            case 'cpu':
                return ['stress-ng', '--cpu', w, ...(spec.load === undefined ? [] : ['--cpu-load', String(spec.load)]), ...timeout, '--quiet'];
            case 'memory':
                return ['stress-ng', '--vm', w, '--vm-bytes', spec.bytes ?? '256M', ...timeout, '--quiet'];
            case 'io':
                return ['stress-ng', '--io', w, ...timeout, '--quiet'];
        }
    }
    plan(id, spec) {
        const argv = this.argv(spec);
        return {
            id,
            type: this.type,
            description: `${spec.workers} stress-ng ${this.kind} worker(s) for ${spec.durationMs} ms`,
            actions: [argv.join(' ')],
            inverse: ['kill the stress-ng process tree (pid + start time checked)'],
        };
    }
    async apply(id, spec, ctx) {
        // The baseline CPU share is measured before stress-ng starts, for verify to compare against.
        const baseline = this.kind === 'cpu' ? await busyShare(SAMPLE_MS) : undefined;
        const argv = this.argv(spec);
        const { pid } = await startRecorded(ctx, id, `${this.type}: ${argv.join(' ')}`, argv, { cwd: ctx.workDir });
        this.handles.set(id, { pid, ...(baseline === undefined ? {} : { baseline }) });
        return { appliedAt: Date.now() };
    }
    async verify(id, spec, _ctx) {
        const h = this.handles.get(id);
        if (h === undefined)
            return { verified: false, evidence: `${id} was not applied` };
        const stressMembers = async () => (await groupMembers(h.pid)).filter((m) => m.comm.startsWith('stress-ng'));
        // stress-ng forks its workers after a start-up of its own, which takes a while on a loaded host: wait for them
        // (the parent and one process per worker) before measuring, so the window does not fall on the start-up.
        await waitFor(async () => (await stressMembers()).length > spec.workers, WORKERS_START_MS);
        const members = await stressMembers();
        const running = members.length > 0;
        const parts = [`${members.length} stress-ng process(es) in group ${h.pid}`];
        let rose = true;
        if (this.kind === 'cpu' && h.baseline !== undefined) {
            // The workers' own CPU time over the window, as a share of the whole host: evidence that does not depend on
            // what else the host is doing. The host's busy share is reported beside it.
            const [hostA, groupA] = [await cpuTimes(), await groupTicks(stressMembers)];
            await (0,external_node_timers_promises_.setTimeout)(SAMPLE_MS);
            const [hostB, groupB] = [await cpuTimes(), await groupTicks(stressMembers)];
            const total = hostB.total - hostA.total;
            const workers = total > 0 ? Math.max(0, groupB - groupA) / total : 0;
            const during = total > 0 ? (hostB.busy - hostA.busy) / total : 0;
            const cpus = (await (0,promises_.readFile)('/proc/stat', 'utf8')).split('\n').filter((l) => /^cpu\d/.test(l)).length || 1;
            const expected = (Math.min(spec.workers, cpus) * (spec.load ?? 100)) / 100 / cpus;
            // Half the expected share, or half the headroom left when the host was already busy.
            const needed = 0.5 * Math.min(expected, 1 - h.baseline);
            rose = workers >= needed;
            parts.push(`stress-ng used ${pct(workers)} of the host's CPU (needed ${pct(needed)}); host busy ${pct(h.baseline)} before, ${pct(during)} during`);
        }
        return { verified: running && rose, evidence: parts.join('; ') };
    }
    async revert(id, ctx) {
        const r = await revertViaLedger(ctx.ledger, id);
        this.handles.delete(id);
        return r;
    }
}
const STRESS_FAULTS = new Map([
    ['cpu-stress', new StressFault('cpu')],
    ['memory-stress', new StressFault('memory')],
    ['io-stress', new StressFault('io')],
]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/faults/index.ts
/** Every fault type chaos-run knows, by the `type` an experiment names. */







const FAULTS = new Map([
    ...PROCESS_FAULTS,
    ...STRESS_FAULTS,
    ...CLOCK_FAULTS,
    ...PROXY_FAULTS,
    ...NETWORK_FAULTS,
    ...DISK_FAULTS,
    ...GPU_FAULTS,
]);

;// CONCATENATED MODULE: ./src/gates/chaos-run/report.ts
/**
 * What a chaos-run result looks like to people and machines: report sections (verdicts, per-fault table, recovery,
 * integrity, a Mermaid timeline), findings at the experiment file's lines, `details` (the contract fields
 * faults[] / recovery / integrity), an SVG timeline for the artifact and a journal in Chaos Toolkit's shape.
 */

const MAX_IDS = 20;
const secs = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const rel = (t, t0) => (t === undefined ? '—' : `+${secs(t - t0)}`);
const STATUS = { pass: 'pass', fail: 'fail', inconclusive: 'inconclusive', none: 'skip' };
/** Healthy / unhealthy stretches of the steady-state samples (ms, absolute). */
function healthSegments(r) {
    const out = [];
    for (const s of r.samples) {
        const last = out[out.length - 1];
        if (last !== undefined && last.ok === s.ok)
            last.to = s.t + r.intervalMs;
        else
            out.push({ from: s.t, to: s.t + r.intervalMs, ok: s.ok });
    }
    return out;
}
function recoveryText(o, bound) {
    if (o.recovery === undefined)
        return '—';
    if (o.recovery.seconds === undefined)
        return `not recovered (bound ${bound} s)`;
    return `${o.recovery.seconds.toFixed(2)} s${o.recovery.ok ? '' : ` > ${bound} s`}`;
}
/** Mermaid gantt: fault windows and steady-state health, times relative to the run's start (mm:ss). */
function mermaidTimeline(r) {
    const base = r.startedAt;
    const lines = ['gantt', '  title chaos-run timeline', '  dateFormat x', '  axisFormat %M:%S'];
    lines.push('  section faults');
    for (const o of r.faults) {
        if (o.appliedAt === undefined)
            continue;
        const end = Math.max(o.endedAt ?? o.appliedAt, o.appliedAt + 100);
        lines.push(`  ${o.id} (${o.type}) :${o.verified ? 'active' : 'crit'}, ${o.appliedAt - base}, ${end - base}`);
    }
    const segs = healthSegments(r);
    if (segs.length) {
        lines.push('  section steady state');
        for (const s of segs)
            lines.push(`  ${s.ok ? 'healthy' : 'unhealthy'} :${s.ok ? 'done' : 'crit'}, ${s.from - base}, ${Math.max(s.to, s.from + 1) - base}`);
    }
    return lines.join('\n');
}
const xml = (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The same timeline as a standalone SVG. */
function svgTimeline(r) {
    const base = r.startedAt;
    const span = Math.max(1, r.endedAt - base);
    const W = 900;
    const left = 180;
    const rowH = 26;
    const x = (t) => left + ((t - base) / span) * (W - left - 20);
    const rows = [];
    let y = 40;
    for (const o of r.faults) {
        rows.push(`<text x="8" y="${y + 17}" font-size="13">${xml(`${o.id} (${o.type})`)}</text>`);
        if (o.appliedAt !== undefined) {
            const end = Math.max(o.endedAt ?? o.appliedAt, o.appliedAt + span / 200);
            rows.push(`<rect x="${x(o.appliedAt).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(end) - x(o.appliedAt)).toFixed(1)}" height="${rowH - 8}" fill="${o.verified ? '#d97706' : '#dc2626'}"><title>${xml(`${o.id}: ${o.evidence}`)}</title></rect>`);
        }
        y += rowH;
    }
    rows.push(`<text x="8" y="${y + 17}" font-size="13">steady state</text>`);
    for (const s of healthSegments(r)) {
        rows.push(`<rect x="${x(s.from).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(s.to) - x(s.from)).toFixed(1)}" height="${rowH - 8}" fill="${s.ok ? '#16a34a' : '#dc2626'}"/>`);
    }
    y += rowH;
    const ticks = [];
    const step = Math.max(1, Math.ceil(span / 1000 / 10));
    for (let s = 0; s * 1000 <= span; s += step)
        ticks.push(`<text x="${x(base + s * 1000).toFixed(1)}" y="${y + 18}" font-size="11" text-anchor="middle">${s}s</text>`);
    const h = y + 30;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="sans-serif">`,
        `<text x="8" y="20" font-size="15" font-weight="bold">chaos-run timeline (verdict ${xml(r.verdict)})</text>`,
        ...rows,
        `<line x1="${left}" y1="${y + 4}" x2="${W - 20}" y2="${y + 4}" stroke="#555"/>`,
        ...ticks,
        '</svg>',
        '',
    ].join('\n');
}
function sections(e, r) {
    const t0 = r.t0 ?? r.startedAt;
    const out = [];
    const v = r.verdicts;
    const faultsDetail = r.faults.length === 0 ? 'no faults' : `${r.faults.filter((o) => o.verified).length} of ${r.faults.length} verified, ${r.faults.filter((o) => o.reverted).length} reverted`;
    const recoveryDetail = r.recovery.maxSeconds === undefined ? (v.recovery === 'fail' ? `not recovered within ${r.recovery.boundSeconds} s` : '—') : `longest ${r.recovery.maxSeconds.toFixed(2)} s (bound ${r.recovery.boundSeconds} s)`;
    const integrityDetail = r.integrity.checks.length === 0 ? 'no integrity checks' : `${r.integrity.lost} lost, ${r.integrity.unexpected} unexpected, ${r.integrity.duplicated} duplicated, ${r.integrity.recovered} recovered`;
    out.push({
        id: 'verdicts',
        title: 'Results',
        importance: 'essential',
        blocks: [
            {
                type: 'table',
                columns: ['result', 'verdict', 'detail'],
                rows: [
                    { cells: ['faults verified', v.faults, faultsDetail], status: STATUS[v.faults] },
                    { cells: ['steady state before injection', v.steadyState, r.steadyBefore.detail], status: STATUS[v.steadyState] },
                    { cells: ['recovery', v.recovery, recoveryDetail], status: STATUS[v.recovery] },
                    { cells: ['integrity', v.integrity, integrityDetail], status: STATUS[v.integrity] },
                ],
            },
            ...r.notes.map((text) => ({ type: 'text', text })),
        ],
    });
    if (r.faults.length) {
        out.push({
            id: 'faults',
            title: 'Faults',
            importance: 'essential',
            blocks: [
                {
                    type: 'table',
                    columns: ['fault', 'type', 'verified', 'applied at', 'reverted at', 'recovery', 'evidence'],
                    rows: r.faults.map((o) => ({
                        cells: [o.id, o.type, o.verified ? 'yes' : 'no', rel(o.appliedAt, t0), o.reverted ? rel(o.revertedAt, t0) : 'NOT reverted', recoveryText(o, r.recovery.boundSeconds), o.error ? `${o.evidence}; ${o.error}` : o.evidence],
                        status: o.verified && o.reverted && o.recovery?.ok !== false ? 'pass' : 'fail',
                    })),
                },
            ],
        });
    }
    if (r.integrity.checks.length) {
        const blocks = [
            {
                type: 'table',
                columns: ['check', 'lost', 'unexpected', 'duplicated', 'recovered', 'result'],
                rows: r.integrity.checks.map((c) => ({ cells: [c.type, String(c.lost), String(c.unexpected), String(c.duplicated), String(c.recovered), c.summary], status: c.ok ? 'pass' : 'fail' })),
            },
        ];
        for (const c of r.integrity.checks) {
            if (c.lostIds.length)
                blocks.push({ type: 'text', text: `${c.type}: lost ${c.lost > c.lostIds.length ? `(first ${c.lostIds.length} of ${c.lost})` : ''}: ${c.lostIds.slice(0, MAX_IDS).map((x) => JSON.stringify(x)).join(', ')}` });
        }
        if (r.workload)
            blocks.push({ type: 'text', text: `Workload ${r.workload.kind}: ${r.workload.invoked} operations, ${r.workload.ok} ok, ${r.workload.fail} failed, ${r.workload.info} indeterminate.` });
        out.push({ id: 'integrity', title: 'Integrity', importance: 'essential', blocks });
    }
    if (r.integrity.windows?.length) {
        const row = (name, s) => ({
            cells: [name, String(s.ops), String(s.ok), String(s.fail), String(s.info), s.p50 === null ? '—' : s.p50.toFixed(1), s.p99 === null ? '—' : s.p99.toFixed(1), s.max === null ? '—' : s.max.toFixed(1)],
        });
        out.push({
            id: 'latency',
            title: 'Latency in each fault window (ms)',
            importance: 'detail',
            blocks: [{ type: 'table', columns: ['window', 'ops', 'ok', 'fail', 'info', 'p50', 'p99', 'max'], rows: [...r.integrity.windows.map((w) => row(w.id, w)), ...(r.integrity.baseline ? [row('outside faults', r.integrity.baseline)] : [])] }],
        });
    }
    if (r.faults.some((o) => o.appliedAt !== undefined) || r.samples.length) {
        out.push({ id: 'timeline', title: 'Timeline', importance: 'detail', blocks: [{ type: 'markdown', markdown: `\`\`\`mermaid\n${mermaidTimeline(r)}\n\`\`\`` }] });
    }
    out.push({
        id: 'plan',
        title: 'What was done and undone',
        importance: 'detail',
        collapsed: true,
        blocks: [{ type: 'code', text: r.faults.map((o) => [`${o.id} (${o.type}): ${o.plan.description}`, ...o.plan.actions.map((a) => `  do:   ${a}`), ...o.plan.inverse.map((a) => `  undo: ${a}`)].join('\n')).join('\n') || `${e.file}: no faults` }],
    });
    return out;
}
function findings(e, r) {
    const out = [];
    const at = (line) => ({ file: e.file, line });
    for (const o of r.faults) {
        if (!o.verified || o.error !== undefined) {
            out.push({ id: `fault:${o.id}`, title: `fault ${o.id} did not take effect`, severity: 'high', status: 'fail', message: o.error ? `${o.evidence}; ${o.error}` : o.evidence, location: at(o.line) });
        }
        if (!o.reverted && o.appliedAt !== undefined)
            out.push({ id: `revert:${o.id}`, title: `fault ${o.id} was not reverted`, severity: 'critical', status: 'fail', message: o.error ?? 'revert did not complete', location: at(o.line) });
        if (o.recovery && !o.recovery.ok) {
            out.push({ id: `recovery:${o.id}`, title: `no recovery after ${o.id}`, severity: 'high', status: 'fail', message: recoveryText(o, r.recovery.boundSeconds), location: at(o.line) });
        }
    }
    for (const c of r.integrity.checks) {
        if (!c.ok)
            out.push({ id: `integrity:${c.type}:${c.line}`, title: `integrity (${c.type})`, severity: c.lost > 0 ? 'critical' : 'high', status: c.summary.startsWith('inconclusive') ? 'inconclusive' : 'fail', message: c.summary, location: at(c.line) });
    }
    if (!r.steadyBefore.ok)
        out.push({ id: 'steady-state', title: 'not in steady state before injection', severity: 'high', status: 'inconclusive', message: r.steadyBefore.detail, location: at(1) });
    return out;
}
function details(e, r) {
    return {
        experiment: e.file,
        ...(e.title ? { title: e.title } : {}),
        verdicts: r.verdicts,
        steadyStateBefore: r.steadyBefore,
        faults: r.faults.map((o) => ({
            id: o.id,
            type: o.type,
            verified: o.verified,
            reverted: o.reverted,
            evidence: o.evidence,
            ...(o.appliedAt === undefined ? {} : { appliedAt: new Date(o.appliedAt).toISOString() }),
            ...(o.revertedAt === undefined ? {} : { revertedAt: new Date(o.revertedAt).toISOString() }),
            ...(o.error ? { error: o.error } : {}),
            ...(o.recovery ? { recoverySeconds: o.recovery.seconds ?? null } : {}),
            actions: o.plan.actions,
            inverse: o.plan.inverse,
        })),
        recovery: { boundSeconds: r.recovery.boundSeconds, maxSeconds: r.recovery.maxSeconds ?? null, perFault: Object.fromEntries(r.faults.filter((o) => o.recovery).map((o) => [o.id, o.recovery?.seconds ?? null])), sampleIntervalMs: r.intervalMs, skippedTicks: r.skippedTicks },
        integrity: {
            lost: r.integrity.lost,
            unexpected: r.integrity.unexpected,
            duplicated: r.integrity.duplicated,
            recovered: r.integrity.recovered,
            checks: r.integrity.checks.map((c) => ({ type: c.type, ok: c.ok, summary: c.summary, lost: c.lost, lostIds: c.lostIds.slice(0, MAX_IDS) })),
            ...(r.integrity.operations === undefined ? {} : { operations: r.integrity.operations }),
            ...(r.integrity.windows ? { windows: r.integrity.windows } : {}),
        },
        ...(r.workload ? { workload: r.workload } : {}),
        notes: r.notes,
        ...(r.leftovers.length ? { leftovers: r.leftovers } : {}),
    };
}
/** A journal in Chaos Toolkit's journal.json shape for a shipgate experiment: each fault an action, its revert a rollback. */
function journal(e, r) {
    const iso = (t) => (t === undefined ? null : new Date(t).toISOString());
    const record = (o, kind) => {
        const start = kind === 'apply' ? o.appliedAt : o.revertedAt;
        const end = kind === 'apply' ? (o.appliedAt ?? o.revertedAt) : o.revertedAt;
        return {
            activity: { type: 'action', name: kind === 'apply' ? o.id : `revert ${o.id}`, provider: { type: 'shipgate', fault: o.type, actions: kind === 'apply' ? o.plan.actions : o.plan.inverse } },
            output: kind === 'apply' ? { verified: o.verified, evidence: o.evidence } : { reverted: o.reverted },
            status: (kind === 'apply' ? o.appliedAt !== undefined && o.verified : o.reverted) ? 'succeeded' : 'failed',
            start: iso(start),
            end: iso(end),
            duration: start !== undefined && end !== undefined ? (end - start) / 1000 : 0,
            ...(o.error ? { exception: [o.error] } : {}),
        };
    };
    const deviated = r.verdicts.recovery === 'fail' || r.verdicts.integrity === 'fail';
    return {
        'chaoslib-version': 'shipgate',
        platform: `${external_node_os_default().type()} ${external_node_os_default().release()} ${external_node_os_default().arch()}`,
        node: external_node_os_default().hostname(),
        experiment: { title: e.title ?? e.file, description: `shipgate experiment ${e.file}`, 'steady-state-hypothesis': { title: 'steady state', probes: e.steady_state.probes.map(({ line: _l, ...p }) => p) } },
        start: iso(r.startedAt),
        status: r.steadyBefore.ok ? (r.verdict === 'pass' ? 'completed' : 'failed') : 'failed',
        deviated,
        steady_states: {
            before: { steady_state_met: r.steadyBefore.ok, detail: r.steadyBefore.detail },
            after: r.t0 === undefined ? null : { steady_state_met: r.verdicts.recovery !== 'fail' },
            during: [],
        },
        run: r.faults.filter((o) => o.appliedAt !== undefined || o.error).map((o) => record(o, 'apply')),
        rollbacks: r.faults.filter((o) => o.revertedAt !== undefined || (o.appliedAt !== undefined && !o.reverted)).map((o) => record(o, 'revert')),
        end: iso(r.endedAt),
        duration: (r.endedAt - r.startedAt) / 1000,
        'x-shipgate': { rollbacks: 'always', verdicts: r.verdicts },
    };
}

// EXTERNAL MODULE: ./src/core/stats/descriptive.ts
var descriptive = __webpack_require__(94021);
;// CONCATENATED MODULE: ./src/gates/chaos-run/integrity.ts
/**
 * Jepsen-style integrity checks over an operation history (pure logic, no I/O).
 *
 * A history is JSONL, one operation per line, as Jepsen records them:
 * `{"type": "invoke"|"ok"|"fail"|"info", "f": "add", "value": …, "process": 3, "time": 1234}`.
 * `ok` = acknowledged, `fail` = definitely did not happen, `info` = indeterminate; an `invoke` pairs with the next
 * completion of the same process. An invoke with no completion by the end of the history is indeterminate too.
 * Every order ("before", "last") is history order (line order), not the `time` field, which is only used for
 * latencies.
 */


const OP_TYPES = ['invoke', 'ok', 'fail', 'info'];
function describe(v) {
    if (v === undefined)
        return 'nothing';
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
function processKey(p) {
    return `${typeof p}:${p}`;
}
function pairOps(ops, warn) {
    const completionOf = new Int32Array(ops.length).fill(-1);
    const invokeOf = new Int32Array(ops.length).fill(-1);
    const pending = new Map();
    ops.forEach((op, i) => {
        const key = processKey(op.process);
        const open = pending.get(key);
        if (op.type === 'invoke') {
            if (open !== undefined) {
                const prev = ops[open];
                warn?.(op, i, `process ${describe(op.process)} invoked "${op.f}" while its "${prev.f}" invoked at ${prev.line === undefined ? `op ${open}` : `line ${prev.line}`} had no completion; that one stays indeterminate`);
            }
            pending.set(key, i);
            return;
        }
        if (open === undefined) {
            warn?.(op, i, `"${op.type}" for process ${describe(op.process)} without a preceding "invoke" of that process; it is used unpaired`);
            return;
        }
        pending.delete(key);
        completionOf[open] = i;
        invokeOf[i] = open;
        const inv = ops[open];
        if (inv.f !== op.f)
            warn?.(op, i, `"${op.type}" has f "${op.f}" but its invoke has f "${inv.f}"; the invoke's f is used`);
    });
    return { completionOf, invokeOf };
}
function logicalOps(ops) {
    const { completionOf, invokeOf } = pairOps(ops);
    const out = [];
    ops.forEach((op, i) => {
        if (op.type === 'invoke') {
            const c = completionOf[i];
            const completion = c >= 0 ? ops[c] : undefined;
            out.push({ f: op.f, outcome: completion === undefined ? 'pending' : completion.type, invokeAt: i, completeAt: c, invoke: op, completion });
        }
        else if (invokeOf[i] < 0) {
            out.push({ f: op.f, outcome: op.type, invokeAt: -1, completeAt: i, invoke: undefined, completion: op });
        }
    });
    return out;
}
/** The value an operation wrote: the invoke's, else the completion's. */
function writtenValue(l) {
    const v = l.invoke?.value;
    return v === undefined || v === null ? l.completion?.value : v;
}
function where(op) {
    return op?.line === undefined ? 'history' : `history line ${op.line}`;
}
// ---------------------------------------------------------------------------------------------------------------
// Parsing
/**
 * Parses a JSONL history. Blank lines are skipped. A malformed line throws a ConfigurationError naming
 * `file:line`; pairing problems (a completion without an invoke, an invoke while one is pending) are warnings.
 */
function parseHistory(text, file) {
    const ops = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = i + 1;
        if (raw.trim() === '')
            return;
        const fail = (what, field) => {
            throw new errors/* ConfigurationError */.j1(`${file}:${line}: ${what}`, { location: { file, line }, ...(field === undefined ? {} : { field }) });
        };
        let parsed;
        try {
            parsed = JSON.parse(raw);
        }
        catch (e) {
            fail(`invalid JSON (${e instanceof Error ? e.message : String(e)}); each line must be one JSON object`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            fail(`expected a JSON object with type, f, value, process and time; got ${describe(parsed)}`);
        }
        const o = parsed;
        if (o.type === undefined)
            fail(`missing "type"; expected one of ${OP_TYPES.join(', ')}`, 'type');
        if (typeof o.type !== 'string' || !OP_TYPES.includes(o.type)) {
            fail(`unknown type ${describe(o.type)}; expected one of ${OP_TYPES.join(', ')}`, 'type');
        }
        if (o.f === undefined || o.f === null || o.f === '')
            fail('missing "f" (the operation name, e.g. "add" or "read")', 'f');
        if (typeof o.f !== 'string')
            fail(`"f" must be a string; got ${describe(o.f)}`, 'f');
        if (typeof o.process !== 'string' && typeof o.process !== 'number') {
            fail(`"process" must be a number or a string; got ${describe(o.process)}`, 'process');
        }
        if (typeof o.time !== 'number' || !Number.isFinite(o.time)) {
            fail(`"time" must be a number (ms or ns); got ${describe(o.time)}`, 'time');
        }
        ops.push({ type: o.type, f: o.f, value: o.value ?? null, process: o.process, time: o.time, line });
    });
    const warnings = [];
    pairOps(ops, (op, _i, message) => warnings.push(`${file}:${op.line}: ${message}`));
    return { ops, warnings };
}
// ---------------------------------------------------------------------------------------------------------------
// Element identity
function stable(v) {
    if (Array.isArray(v))
        return `[${v.map(stable).join(',')}]`;
    if (typeof v === 'object' && v !== null) {
        const o = v;
        return `{${Object.keys(o)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'undefined';
}
/** Equal elements get equal keys; 1 and "1" differ. */
function elementKey(v) {
    if (typeof v === 'number')
        return `n${v}`;
    if (typeof v === 'string')
        return `s${v}`;
    return `j${stable(v)}`;
}
/** Ordered, de-duplicated collection of elements keyed by elementKey. */
class ElementSet {
    map = new Map();
    add(v) {
        const k = elementKey(v);
        if (!this.map.has(k))
            this.map.set(k, v);
    }
    has(v) {
        return this.map.has(elementKey(v));
    }
    get size() {
        return this.map.size;
    }
}
function firstN(values, n) {
    const out = [];
    if (n <= 0)
        return out;
    for (const v of values) {
        out.push(v);
        if (out.length >= n)
            break;
    }
    return out;
}
/**
 * Set check: the LAST successful read (history order) is the final state; its value is an array of elements.
 * lost = acknowledged adds missing from it; unexpected = elements in it never attempted; recovered = elements
 * whose adds were all indeterminate or failed but that are present. Id lists hold the first `maxListed`.
 */
function checkSet(ops, opts = {}) {
    const addF = opts.addF ?? 'add';
    const readF = opts.readF ?? 'read';
    const maxListed = opts.maxListed ?? 20;
    const attempted = new ElementSet();
    const acknowledged = new ElementSet();
    let finalRead;
    let readCount = 0;
    for (const l of logicalOps(ops)) {
        if (l.f === addF) {
            const v = writtenValue(l);
            attempted.add(v);
            if (l.outcome === 'ok')
                acknowledged.add(v);
        }
        else if (l.f === readF && l.outcome === 'ok') {
            readCount++;
            if (finalRead === undefined || l.completeAt > finalRead.completeAt)
                finalRead = l;
        }
    }
    const base = { attempted: attempted.size, acknowledged: acknowledged.size, readCount };
    if (finalRead === undefined) {
        return { ...base, lost: 0, lostIds: [], unexpected: 0, unexpectedIds: [], recovered: 0, recoveredIds: [], hasFinalRead: false };
    }
    const readValue = finalRead.completion?.value;
    if (!Array.isArray(readValue)) {
        throw new errors/* ConfigurationError */.j1(`${where(finalRead.completion)}: the final "${readF}" returned ${describe(readValue)}; a set read must return an array of elements`);
    }
    const present = new ElementSet();
    for (const v of readValue)
        present.add(v);
    const lost = [...acknowledged.map.entries()].filter(([k]) => !present.map.has(k)).map(([, v]) => v);
    const unexpected = [...present.map.entries()].filter(([k]) => !attempted.map.has(k)).map(([, v]) => v);
    const recovered = [...present.map.entries()].filter(([k]) => attempted.map.has(k) && !acknowledged.map.has(k)).map(([, v]) => v);
    return {
        ...base,
        lost: lost.length,
        lostIds: firstN(lost, maxListed),
        unexpected: unexpected.length,
        unexpectedIds: firstN(unexpected, maxListed),
        recovered: recovered.length,
        recoveredIds: firstN(recovered, maxListed),
        hasFinalRead: true,
    };
}
/**
 * Queue check. A successful dequeue returns one element (null/absent value: the queue was empty); a successful
 * drain returns an array of elements. Elements are counted as a multiset, so an element enqueued twice may be
 * dequeued twice.
 */
function checkQueue(ops, opts = {}) {
    const enqueueF = opts.enqueueF ?? 'enqueue';
    const dequeueF = opts.dequeueF ?? 'dequeue';
    const drainF = opts.drainF ?? 'drain';
    const maxListed = opts.maxListed ?? 20;
    const tallies = new Map();
    const tally = (v) => {
        const k = elementKey(v);
        let t = tallies.get(k);
        if (t === undefined) {
            t = { value: v, acked: 0, possible: 0, dequeued: 0, attempted: false };
            tallies.set(k, t);
        }
        return t;
    };
    for (const l of logicalOps(ops)) {
        if (l.f === enqueueF) {
            const t = tally(writtenValue(l));
            if (l.outcome === 'ok')
                t.acked++;
            t.attempted = true;
            if (l.outcome !== 'fail')
                t.possible++;
        }
        else if (l.f === dequeueF && l.outcome === 'ok') {
            const v = l.completion?.value;
            if (v !== null && v !== undefined)
                tally(v).dequeued++;
        }
        else if (l.f === drainF && l.outcome === 'ok') {
            const v = l.completion?.value;
            if (!Array.isArray(v)) {
                throw new errors/* ConfigurationError */.j1(`${where(l.completion)}: "${drainF}" returned ${describe(v)}; a drain must return an array of elements`);
            }
            for (const e of v)
                tally(e).dequeued++;
        }
    }
    const lost = [];
    const duplicated = [];
    const unexpected = [];
    for (const t of tallies.values()) {
        if (t.dequeued < t.acked)
            lost.push(t.value);
        if (!t.attempted)
            unexpected.push(t.value);
        else if (t.dequeued > Math.max(1, t.possible))
            duplicated.push(t.value);
    }
    return {
        lost: lost.length,
        duplicated: duplicated.length,
        unexpected: unexpected.length,
        lostIds: firstN(lost, maxListed),
        duplicatedIds: firstN(duplicated, maxListed),
        unexpectedIds: firstN(unexpected, maxListed),
    };
}
/**
 * Counter check (Jepsen's counter bounds): every ok read must lie within [sum of acknowledged increments completed
 * before the read was invoked, sum of all increments invoked before the read completed]. Failed increments never
 * happened and count in neither bound; a negative increment that is not yet certain widens the lower bound instead.
 * An unpaired completion is treated as invoked at the start of the history (the conservative choice).
 */
function checkCounter(ops, opts = {}) {
    const incrF = opts.incrF ?? 'incr';
    const readF = opts.readF ?? 'read';
    const n = ops.length;
    // Deltas indexed by position + 1 (position −1 = before the history); prefix(p) sums positions < p.
    const defPos = new Float64Array(n + 2);
    const defNeg = new Float64Array(n + 2);
    const allPos = new Float64Array(n + 2);
    const allNeg = new Float64Array(n + 2);
    const reads = [];
    for (const l of logicalOps(ops)) {
        if (l.f === incrF) {
            if (l.outcome === 'fail')
                continue;
            const v = writtenValue(l);
            if (typeof v !== 'number' || !Number.isFinite(v)) {
                throw new errors/* ConfigurationError */.j1(`${where(l.invoke ?? l.completion)}: "${incrF}" has value ${describe(v)}; an increment must be a number`);
            }
            const all = v >= 0 ? allPos : allNeg;
            all[l.invokeAt + 1] = all[l.invokeAt + 1] + v;
            if (l.outcome === 'ok') {
                const def = v >= 0 ? defPos : defNeg;
                def[l.completeAt + 1] = def[l.completeAt + 1] + v;
            }
        }
        else if (l.f === readF && l.outcome === 'ok') {
            const c = l.completion;
            if (typeof c.value !== 'number' || !Number.isFinite(c.value)) {
                throw new errors/* ConfigurationError */.j1(`${where(c)}: "${readF}" returned ${describe(c.value)}; a counter read must return a number`);
            }
            reads.push({ invokeAt: l.invokeAt, completeAt: l.completeAt, op: c, value: c.value });
        }
    }
    const prefix = (a) => {
        const out = new Float64Array(a.length + 1);
        for (let i = 0; i < a.length; i++)
            out[i + 1] = out[i] + a[i];
        return out;
    };
    const [dP, dN, aP, aN] = [prefix(defPos), prefix(defNeg), prefix(allPos), prefix(allNeg)];
    // Sum over positions < p: indices 0..p (index = position + 1), i.e. prefix entry p + 1.
    const before = (s, p) => s[p + 1];
    const violations = [];
    for (const r of reads) {
        const definite = before(dP, r.invokeAt) + before(dN, r.invokeAt);
        const lower = definite + before(aN, r.completeAt) - before(dN, r.invokeAt);
        const upper = definite + before(aP, r.completeAt) - before(dP, r.invokeAt);
        if (r.value < lower || r.value > upper)
            violations.push({ time: r.op.time, value: r.value, lower, upper });
    }
    return { reads: reads.length, violations };
}
// ---------------------------------------------------------------------------------------------------------------
// Unique ids, sequences, checksums
/** Unique-id check: the values of ok `generate` ops must all differ. duplicates = distinct ids seen more than once. */
function checkUniqueIds(ops, opts = {}) {
    const f = opts.f ?? 'generate';
    const maxListed = opts.maxListed ?? 20;
    const counts = new Map();
    let generated = 0;
    for (const l of logicalOps(ops)) {
        if (l.f !== f || l.outcome !== 'ok')
            continue;
        generated++;
        const v = l.completion?.value;
        const k = elementKey(v);
        const c = counts.get(k);
        if (c === undefined)
            counts.set(k, { value: v, n: 1 });
        else
            c.n++;
    }
    const dups = [...counts.values()].filter((c) => c.n > 1).map((c) => c.value);
    return { generated, duplicates: dups.length, duplicateIds: firstN(dups, maxListed) };
}
/**
 * Gaps and duplicates in a sequence of integers read back (e.g. an auto-increment column), in any order.
 * gaps are inclusive ranges of missing values between the smallest and the largest; duplicates are sorted.
 */
function checkSequence(values) {
    values.forEach((v, i) => {
        if (!Number.isSafeInteger(v))
            throw new RangeError(`sequence value ${i} is ${v}; expected an integer`);
    });
    const sorted = [...values].sort((a, b) => a - b);
    const gaps = [];
    const duplicates = [];
    for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (cur === prev) {
            if (duplicates[duplicates.length - 1] !== cur)
                duplicates.push(cur);
        }
        else if (cur > prev + 1) {
            gaps.push([prev + 1, cur - 1]);
        }
    }
    return { gaps, duplicates };
}
/** Compares two name → checksum maps. Each list is sorted. */
function checkChecksums(before, after) {
    const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const changed = Object.keys(before).filter((k) => has(after, k) && after[k] !== before[k]);
    const missing = Object.keys(before).filter((k) => !has(after, k));
    const added = Object.keys(after).filter((k) => !has(before, k));
    return { changed: changed.sort(), missing: missing.sort(), added: added.sort() };
}
/**
 * Latency (ms) and outcome counts of the operations invoked inside each fault window, and of those invoked outside
 * every window (`baseline`). Windows may overlap; an op counts in each window that holds its invoke. Ops of the
 * `nemesis` process (fault injection itself) and unpaired completions are left out. `timeUnit` is the unit of the
 * history's `time` (Jepsen writes ns); latencies are always reported in ms. Quantiles are type 7 (numpy default).
 */
function faultWindowLatencies(ops, windows, opts = {}) {
    const toMs = (opts.timeUnit ?? 'ms') === 'ns' ? 1e-6 : 1;
    const excluded = new Set((opts.excludeProcesses ?? ['nemesis']).map(processKey));
    for (const w of windows) {
        if (!(Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start)) {
            throw new RangeError(`fault window "${w.id}": start ${w.start} and end ${w.end} must be numbers with start ≤ end`);
        }
    }
    const fresh = () => ({ ops: 0, ok: 0, fail: 0, info: 0, lat: [] });
    const accs = windows.map(fresh);
    const base = fresh();
    const record = (a, l, latency) => {
        a.ops++;
        if (l.outcome === 'ok')
            a.ok++;
        else if (l.outcome === 'fail')
            a.fail++;
        else
            a.info++;
        if (latency !== undefined)
            a.lat.push(latency);
    };
    for (const l of logicalOps(ops)) {
        const inv = l.invoke;
        if (inv === undefined || excluded.has(processKey(inv.process)))
            continue;
        const latency = l.completion === undefined ? undefined : (l.completion.time - inv.time) * toMs;
        let inside = false;
        windows.forEach((w, i) => {
            if (inv.time >= w.start && inv.time < w.end) {
                inside = true;
                record(accs[i], l, latency);
            }
        });
        if (!inside)
            record(base, l, latency);
    }
    const stats = (a) => {
        const { lat, ...counts } = a;
        if (lat.length === 0)
            return { ...counts, p50: null, p99: null, max: null };
        return { ...counts, p50: (0,descriptive/* quantile */.YV)(lat, 0.5), p99: (0,descriptive/* quantile */.YV)(lat, 0.99), max: lat.reduce((m, x) => (x > m ? x : m), -Infinity) };
    };
    return { windows: windows.map((w, i) => ({ ...w, ...stats(accs[i]) })), baseline: stats(base) };
}

// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/command.ts
var command = __webpack_require__(4697);
// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/http.ts
var http = __webpack_require__(59778);
// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/prometheus.ts
var prometheus = __webpack_require__(35514);
// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/tcp.ts
var tcp = __webpack_require__(51959);
;// CONCATENATED MODULE: ./src/gates/chaos-run/steady-state.ts
/**
 * Steady-state probing for chaos-run: one probe at a time (`runProbe`), a monitor that probes on a fixed grid
 * during the run (`SteadyStateMonitor`), and the measures taken from its samples (`window`, `recoveryAfter`).
 * Probes never throw for an unhealthy target: a refused connection is a failed sample, answered at once, so that
 * recovery can be measured at the resolution of the probe interval.
 */








/** Milliseconds one probe attempt may take when `timeout_ms` is not set. */
const DEFAULT_TIMEOUT_MS = 1000;
const COMMAND_GRACE_MS = 200;
function steady_state_commandText(c) {
    return typeof c === 'string' ? c : c.join(' ');
}
function probeLabel(p) {
    if (p.name !== undefined)
        return p.name;
    switch (p.type) {
        case 'http':
            return `http ${p.url}`;
        case 'tcp':
            return `tcp ${(0,command/* hostPort */.QL)(p.host ?? '127.0.0.1', p.port)}`;
        case 'command':
            return `command ${(0,command/* oneLine */.TN)(steady_state_commandText(p.run), 80)}`;
        case 'prometheus':
            return `prometheus ${(0,command/* oneLine */.TN)(p.query, 80)}`;
    }
}
function probeError(p, field, problem) {
    return new errors/* ConfigurationError */.j1(`steady_state probe \`${probeLabel(p)}\` (line ${p.line}): ${field}: ${problem}`, { field: `steady_state.probes.${field}` });
}
function parseUrl(p) {
    if (!URL.canParse(p.url) || !/^https?:$/.test(new URL(p.url).protocol)) {
        throw probeError(p, 'url', `${JSON.stringify(p.url)} is not an http:// or https:// URL. Write the full URL, e.g. http://127.0.0.1:8080/health.`);
    }
    return new URL(p.url);
}
/** A command as the experiment writes it: a string is the user's shell command, a list is argv (no shell). */
function commandOf(run) {
    if (typeof run === 'string')
        return { shell: run };
    const [first, ...rest] = run;
    return { argv: [first ?? '', ...rest] };
}
const NEGATED = { '==': '!=', '!=': '==', '>': '!>', '>=': '!>=', '<': '!<', '<=': '!<=' };
/** The values of an instant-query answer, one per series; a string when the answer is not understood. */
function promValues(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return 'not a Prometheus API answer';
    }
    if (parsed.status !== 'success')
        return (0,command/* oneLine */.TN)(`query failed: ${typeof parsed.error === 'string' ? parsed.error : 'no error given'}`, 120);
    const d = parsed.data;
    const sample = (v) => (Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined);
    if (d?.resultType === 'scalar') {
        const v = sample(d.result);
        return v === undefined ? 'unexpected result shape' : [v];
    }
    if (d?.resultType === 'vector' && Array.isArray(d.result)) {
        const out = [];
        for (const item of d.result) {
            const v = sample(item.value);
            if (v === undefined)
                return 'unexpected result shape';
            out.push(v);
        }
        return out;
    }
    return `unexpected result type ${JSON.stringify(d?.resultType ?? null)}`;
}
async function prometheusProbe(p, label, timeoutMs, signal, started) {
    const expect = (0,prometheus/* parseExpect */.t2)(p.expect);
    if (expect?.kind !== 'compare') {
        throw probeError(p, 'expect', `${JSON.stringify(p.expect)} is not a comparison. Write an operator (<, <=, >, >=, ==, !=) and a number, e.g. "< 0.01".`);
    }
    const base = parseUrl(p);
    if (!base.pathname.endsWith('/'))
        base.pathname = `${base.pathname}/`;
    const url = new URL('api/v1/query', base);
    url.searchParams.set('query', p.query);
    const res = await (0,http/* httpRequest */.aj)(url, { timeoutMs, signal });
    const latencyMs = Math.round(external_node_perf_hooks_.performance.now() - started);
    if (!res.ok)
        return { probe: label, ok: false, latencyMs, detail: res.timedOut || res.cancelled ? res.error : `connect ${res.error}` };
    const values = promValues(res.body);
    if (typeof values === 'string')
        return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode}: ${values}` };
    if (values.length === 0)
        return { probe: label, ok: false, latencyMs, detail: 'empty result (no series)' };
    if (values.length > 1)
        return { probe: label, ok: false, latencyMs, detail: `${values.length} series; the query must return one` };
    const raw = values[0];
    const ok = (0,prometheus/* compare */.UD)((0,prometheus/* promNumber */.k4)(raw), expect.op, expect.value);
    const limit = expect.text.slice(expect.op.length).trim();
    return { probe: label, ok, latencyMs, detail: `value ${raw} ${ok ? expect.op : NEGATED[expect.op]} ${limit}` };
}
/** Runs one probe once; never throws for an unhealthy target (a malformed probe is a ConfigurationError). */
async function runProbe(p, opts) {
    const label = probeLabel(p);
    const timeoutMs = p.timeout_ms ?? DEFAULT_TIMEOUT_MS;
    const signal = opts.signal ?? new AbortController().signal;
    const started = external_node_perf_hooks_.performance.now();
    const elapsed = () => Math.round(external_node_perf_hooks_.performance.now() - started);
    switch (p.type) {
        case 'http': {
            const res = await (0,http/* httpRequest */.aj)(parseUrl(p), { timeoutMs, signal });
            const latencyMs = elapsed();
            if (!res.ok)
                return { probe: label, ok: false, latencyMs, detail: res.timedOut || res.cancelled ? res.error : `connect ${res.error}` };
            const statusOk = p.status === undefined ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === p.status;
            if (!statusOk)
                return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode}` };
            if (p.max_latency_ms !== undefined && latencyMs > p.max_latency_ms) {
                return { probe: label, ok: false, latencyMs, detail: `HTTP ${res.statusCode} in ${latencyMs} ms > ${p.max_latency_ms} ms` };
            }
            return { probe: label, ok: true, latencyMs, detail: `HTTP ${res.statusCode}` };
        }
        case 'tcp': {
            const res = await (0,tcp/* tcpConnect */.en)(p.host ?? '127.0.0.1', p.port, timeoutMs, signal);
            const latencyMs = elapsed();
            if (res.ok)
                return { probe: label, ok: true, latencyMs, detail: 'connected' };
            return { probe: label, ok: false, latencyMs, detail: `connect ${res.error}` };
        }
        case 'command': {
            const r = await (0,exec/* execCommand */.NK)(commandOf(p.run), {
                cwd: opts.cwd,
                ...(opts.env === undefined ? {} : { env: opts.env }),
                timeoutMs,
                graceMs: COMMAND_GRACE_MS,
                signal,
                stream: false,
                tailLines: 0,
            });
            const latencyMs = elapsed();
            const expected = p.expect_exit ?? 0;
            if (r.error !== undefined)
                return { probe: label, ok: false, latencyMs, detail: (0,command/* oneLine */.TN)(r.error, 120) };
            if (r.timedOut)
                return { probe: label, ok: false, latencyMs, detail: `timed out after ${timeoutMs} ms` };
            if (r.cancelled)
                return { probe: label, ok: false, latencyMs, detail: 'cancelled' };
            if (r.exitCode === null)
                return { probe: label, ok: false, latencyMs, detail: `killed by ${r.signal ?? 'a signal'}` };
            return { probe: label, ok: r.exitCode === expected, latencyMs, detail: r.exitCode === expected || expected === 0 ? `exit ${r.exitCode}` : `exit ${r.exitCode}, expected ${expected}` };
        }
        case 'prometheus':
            return prometheusProbe(p, label, timeoutMs, signal, started);
    }
}
async function runAll(probes, opts) {
    return Promise.all(probes.map((p) => runProbe(p, opts)));
}
/**
 * Probes on an absolute grid (start + k × interval). All probes of a tick run concurrently; a tick still running
 * when the next one is due makes that one skipped (counted in `skippedTicks`), as do grid points the event loop
 * was too busy to serve. A malformed probe rejects `stop()` with its ConfigurationError.
 */
class SteadyStateMonitor {
    probes;
    opts;
    list = [];
    skipped = 0;
    timer;
    running;
    started = false;
    stopped = false;
    t0 = 0;
    lastIndex = -1;
    failure;
    waiters = new Set();
    constructor(probes, opts) {
        this.probes = probes;
        this.opts = opts;
        if (!(opts.intervalMs > 0))
            throw new RangeError(`intervalMs must be positive, got ${opts.intervalMs}`);
    }
    start() {
        if (this.started)
            return;
        this.started = true;
        this.t0 = external_node_perf_hooks_.performance.now();
        this.fire();
    }
    async stop() {
        this.stopped = true;
        clearTimeout(this.timer);
        this.timer = undefined;
        await this.running;
        for (const w of this.waiters)
            w.resolve(undefined);
        this.waiters.clear();
        if (this.failure !== undefined)
            throw this.failure;
    }
    get samples() {
        return this.list;
    }
    get skippedTicks() {
        return this.skipped;
    }
    /** Resolves with the first sample at or after `fromMs` that is ok (or undefined when `timeoutMs` passes / stopped). */
    async waitForOk(fromMs, timeoutMs) {
        const found = this.list.find((s) => s.t >= fromMs && s.ok);
        if (found !== undefined)
            return found;
        if (this.stopped)
            return undefined;
        return new Promise((resolve) => {
            const waiter = {
                fromMs,
                resolve: (s) => {
                    clearTimeout(timer);
                    this.waiters.delete(waiter);
                    resolve(s);
                },
            };
            const timer = setTimeout(() => waiter.resolve(undefined), timeoutMs);
            this.waiters.add(waiter);
        });
    }
    fire() {
        this.timer = undefined;
        if (this.stopped)
            return;
        const interval = this.opts.intervalMs;
        const index = Math.max(this.lastIndex + 1, Math.floor((external_node_perf_hooks_.performance.now() - this.t0) / interval));
        this.skipped += index - this.lastIndex - 1;
        this.lastIndex = index;
        if (this.running !== undefined)
            this.skipped++;
        else
            this.running = this.tick().finally(() => (this.running = undefined));
        const next = this.t0 + (index + 1) * interval;
        this.timer = setTimeout(() => this.fire(), Math.max(0, next - external_node_perf_hooks_.performance.now()));
    }
    async tick() {
        const t = Date.now();
        let results;
        try {
            results = await runAll(this.probes, { cwd: this.opts.cwd, ...(this.opts.env === undefined ? {} : { env: this.opts.env }) });
        }
        catch (e) {
            this.failure ??= e instanceof Error ? e : new Error(String(e));
            this.stopped = true;
            clearTimeout(this.timer);
            return;
        }
        const sample = { t, ok: results.every((r) => r.ok), results };
        this.list.push(sample);
        if (!sample.ok)
            return;
        for (const w of [...this.waiters])
            if (t >= w.fromMs)
                w.resolve(sample);
    }
}
/** Samples in [from, to] and how many failed. */
function steady_state_window(samples, fromMs, toMs) {
    let n = 0;
    let failed = 0;
    for (const s of samples) {
        if (s.t < fromMs || s.t > toMs)
            continue;
        n++;
        if (!s.ok)
            failed++;
    }
    return { samples: n, failed };
}
/** The median gap between consecutive samples: the effective probe interval (0 with fewer than two samples). */
function typicalInterval(samples) {
    const gaps = [];
    for (let i = 1; i < samples.length; i++)
        gaps.push(samples[i].t - samples[i - 1].t);
    if (gaps.length === 0)
        return 0;
    gaps.sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 2)];
}
/**
 * Recovery after a fault ended at `endMs`: the first sample at/after endMs from which every sample is ok for at
 * least `stableMs` (default 3 × the probe interval, i.e. three consecutive ok samples; at least one sample) —
 * seconds from endMs to that sample's t; undefined when it never recovers within the data (up to `untilMs`).
 * `unhealthySamples` counts the failed samples in [endMs, untilMs]. The interval is the median gap between samples;
 * a run of n consecutive ok samples covers n × interval.
 */
function recoveryAfter(samples, endMs, opts = {}) {
    const until = opts.untilMs ?? Infinity;
    const after = samples.filter((s) => s.t >= endMs && s.t <= until);
    const unhealthySamples = after.filter((s) => !s.ok).length;
    const interval = typicalInterval(samples);
    const stableMs = opts.stableMs ?? 3 * interval;
    const needed = interval > 0 ? Math.max(1, Math.ceil(stableMs / interval - 1e-9)) : 1;
    let runStart = -1;
    for (let i = 0; i < after.length; i++) {
        const s = after[i];
        if (!s.ok) {
            runStart = -1;
            continue;
        }
        if (runStart < 0)
            runStart = i;
        const first = after[runStart];
        if (i - runStart + 1 >= needed) {
            return { recoveredAt: first.t, seconds: (first.t - endMs) / 1000, unhealthySamples };
        }
    }
    return { unhealthySamples };
}
/** Polls probe(s) every intervalMs until all ok once or timeoutMs passes (target readiness). */
async function waitHealthy(probes, opts) {
    const started = external_node_perf_hooks_.performance.now();
    const probeOpts = { cwd: opts.cwd, ...(opts.env === undefined ? {} : { env: opts.env }), ...(opts.signal === undefined ? {} : { signal: opts.signal }) };
    for (;;) {
        const attemptStart = external_node_perf_hooks_.performance.now();
        const last = await runAll(probes, probeOpts);
        const waitedMs = Math.round(external_node_perf_hooks_.performance.now() - started);
        if (last.every((r) => r.ok))
            return { ok: true, waitedMs, last };
        const remaining = opts.timeoutMs - (external_node_perf_hooks_.performance.now() - started);
        if (remaining <= 0 || opts.signal?.aborted === true)
            return { ok: false, waitedMs, last };
        const pause = Math.min(remaining, Math.max(0, opts.intervalMs - (external_node_perf_hooks_.performance.now() - attemptStart)));
        try {
            await (0,external_node_timers_promises_.setTimeout)(pause, undefined, opts.signal === undefined ? {} : { signal: opts.signal });
        }
        catch {
            return { ok: false, waitedMs: Math.round(external_node_perf_hooks_.performance.now() - started), last };
        }
    }
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./node_modules/ioredis/built/index.js
var built = __webpack_require__(67796);
;// CONCATENATED MODULE: ./src/gates/chaos-run/workloads.ts
/**
 * Built-in key-value workloads for chaos-run (`http-kv`, `redis-kv`): a set of elements written as new keys at a
 * fixed total rate by serial clients, recorded as a Jepsen-style JSONL history that `checkSet` (integrity.ts)
 * checks after a final read of every key that was tried.
 *
 * An add is `fail` only when it certainly never reached the store (refused before anything was sent, or rejected
 * by the store), `info` when it may or may not have happened, `ok` when acknowledged.
 */







/** Milliseconds one write may take. */
const OP_TIMEOUT_MS = 1000;
const FINAL_READ_TIMEOUT_MS = 10_000;
const MGET_BATCH = 500;
const HTTP_READ_CONCURRENCY = 16;
const RETRY_PAUSE_MS = 100;
const CONNECT_WAIT_MS = 2000;
function httpCall(url, method, body, timeoutMs) {
    return new Promise((resolve) => {
        let connected = false;
        let settled = false;
        const req = (0,external_node_http_.request)(url, { method, agent: false, headers: body === undefined ? {} : { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } });
        const finish = (a) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            req.destroy();
            resolve(a);
        };
        const timer = setTimeout(() => finish({ status: null, connected, body: '' }), timeoutMs);
        req.on('socket', (socket) => {
            // Nothing is written to a socket before it connects; a reused or already connected socket counts as sent.
            if (!socket.connecting)
                connected = true;
            else
                socket.once('connect', () => (connected = true));
        });
        req.on('error', () => finish({ status: null, connected, body: '' }));
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', () => finish({ status: null, connected: true, body: '' }));
            res.on('end', () => finish({ status: res.statusCode ?? 0, connected: true, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.end(body);
    });
}
class HttpStore {
    base;
    constructor(url) {
        this.base = url.replace(/\/+$/, '');
    }
    keyUrl(key) {
        return new URL(`${this.base}/kv/${encodeURIComponent(key)}`);
    }
    async add(_client, key, value) {
        const a = await httpCall(this.keyUrl(key), 'PUT', value, OP_TIMEOUT_MS);
        if (a.status === null)
            return a.connected ? 'info' : 'fail';
        if (a.status >= 200 && a.status < 300)
            return 'ok';
        if ((a.status >= 400 && a.status < 500) || a.status === 503)
            return 'fail';
        return 'info';
    }
    async readExisting(keys) {
        const out = new Array(keys.length).fill(false);
        let next = 0;
        const worker = async () => {
            for (let i = next++; i < keys.length; i = next++) {
                const a = await httpCall(this.keyUrl(keys[i]), 'GET', undefined, OP_TIMEOUT_MS);
                if (a.status === 200)
                    out[i] = true;
                else if (a.status !== 404)
                    throw new Error(a.status === null ? 'no answer' : `HTTP ${a.status}`);
            }
        };
        await Promise.all(Array.from({ length: Math.min(HTTP_READ_CONCURRENCY, keys.length) }, worker));
        return out;
    }
    async close() {
        // Nothing held open: every request has its own connection.
    }
}
// ---- redis-kv ----
function redisClient(host, port) {
    const client = new built.Redis({
        host,
        port,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        autoResendUnfulfilledCommands: false,
        commandTimeout: OP_TIMEOUT_MS,
        connectTimeout: OP_TIMEOUT_MS,
        retryStrategy: () => 50 + Math.floor(Math.random() * 51),
        lazyConnect: false,
    });
    // Without a listener ioredis prints connection errors; they show in the outcomes instead.
    client.on('error', () => undefined);
    return client;
}
async function ready(client, timeoutMs) {
    if (client.status === 'ready')
        return;
    await Promise.race([(0,external_node_events_.once)(client, 'ready'), (0,external_node_timers_promises_.setTimeout)(timeoutMs)]).catch(() => undefined);
}
class RedisStore {
    host;
    port;
    clients;
    constructor(host, port, clients) {
        this.host = host;
        this.port = port;
        this.clients = Array.from({ length: clients }, () => redisClient(host, port));
    }
    async connect() {
        await Promise.all(this.clients.map((c) => ready(c, CONNECT_WAIT_MS)));
    }
    async add(client, key, value) {
        const c = this.clients[client];
        const endedBefore = c.status === 'end';
        try {
            const reply = await c.set(key, value);
            return reply === 'OK' ? 'ok' : 'info';
        }
        catch (e) {
            const name = e.name;
            const message = e instanceof Error ? e.message : String(e);
            // The server answered with an error (READONLY, OOM, MISCONF…): the write was not applied.
            if (name === 'ReplyError')
                return 'fail';
            if (message.startsWith("Stream isn't writeable"))
                return 'fail';
            if (message.startsWith('Connection is closed') && endedBefore)
                return 'fail';
            // Timed out, or the connection was lost after the command was written.
            return 'info';
        }
    }
    async readExisting(keys) {
        const client = redisClient(this.host, this.port);
        try {
            await ready(client, OP_TIMEOUT_MS);
            const out = [];
            for (let i = 0; i < keys.length; i += MGET_BATCH) {
                const values = await client.mget(...keys.slice(i, i + MGET_BATCH));
                for (const v of values)
                    out.push(v !== null);
            }
            return out;
        }
        finally {
            client.disconnect();
        }
    }
    async close() {
        for (const c of this.clients)
            c.disconnect();
        await Promise.resolve();
    }
}
function workloads_specError(field, problem) {
    return new errors/* ConfigurationError */.j1(`workload.builtin.${field}: ${problem}`, { field: `workload.builtin.${field}` });
}
class BuiltinWorkload {
    store;
    history;
    prefix;
    periodMs;
    counts = { invoked: 0, ok: 0, fail: 0, info: 0 };
    nextElement = 0;
    nextSlot = 0;
    stopping = false;
    loops = [];
    closed = false;
    wake = new AbortController();
    constructor(store, history, prefix, periodMs) {
        this.store = store;
        this.history = history;
        this.prefix = prefix;
        this.periodMs = periodMs;
    }
    static async start(spec, opts) {
        if (!(spec.rate > 0))
            throw workloads_specError('rate', `must be a positive number of operations per second (got ${spec.rate}).`);
        if (!Number.isInteger(spec.clients) || spec.clients < 1)
            throw workloads_specError('clients', `must be a whole number of at least 1 (got ${spec.clients}).`);
        let store;
        if (spec.type === 'http-kv') {
            if (spec.url === undefined || !URL.canParse(spec.url) || !/^https?:$/.test(new URL(spec.url).protocol)) {
                throw workloads_specError('url', `an http-kv workload needs the http:// base URL of the key-value API${spec.url === undefined ? '' : ` (got ${JSON.stringify(spec.url)})`}. Write e.g. url: http://127.0.0.1:8080.`);
            }
            store = new HttpStore(spec.url);
        }
        else {
            if (spec.port === undefined)
                throw workloads_specError('port', 'a redis-kv workload needs the port of the Redis server. Add e.g. port: 6379.');
            const redis = new RedisStore(spec.host ?? '127.0.0.1', spec.port, spec.clients);
            await redis.connect();
            store = redis;
        }
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(external_node_path_default().resolve(opts.historyFile)), { recursive: true });
        const history = (0,external_node_fs_.createWriteStream)(opts.historyFile, { flags: 'w' });
        await (0,external_node_events_.once)(history, 'open');
        const w = new BuiltinWorkload(store, history, spec.key_prefix ?? opts.keyPrefix, 1000 / spec.rate);
        const origin = performance.now();
        w.nextSlot = origin;
        w.loops = Array.from({ length: spec.clients }, (_, c) => w.clientLoop(c));
        if (opts.signal !== undefined) {
            if (opts.signal.aborted)
                w.halt();
            else
                opts.signal.addEventListener('abort', () => w.halt(), { once: true });
        }
        return w;
    }
    get stats() {
        return { ...this.counts };
    }
    record(op) {
        this.history.write(`${JSON.stringify(op)}\n`);
    }
    halt() {
        this.stopping = true;
        this.wake.abort();
    }
    /** Each client is serial; together they take evenly spaced slots (no catching up on slots missed while busy). */
    async clientLoop(c) {
        while (!this.stopping) {
            const now = performance.now();
            const due = Math.max(this.nextSlot, now);
            this.nextSlot = due + this.periodMs;
            if (due > now) {
                try {
                    await (0,external_node_timers_promises_.setTimeout)(due - now, undefined, { signal: this.wake.signal });
                }
                catch {
                    return;
                }
            }
            if (this.stopping)
                return;
            const n = this.nextElement++;
            this.counts.invoked++;
            this.record({ type: 'invoke', f: 'add', value: n, process: c, time: Date.now() });
            let outcome;
            try {
                outcome = await this.store.add(c, `${this.prefix}${n}`, String(n));
            }
            catch {
                outcome = 'info';
            }
            this.counts[outcome]++;
            this.record({ type: outcome, f: 'add', value: n, process: c, time: Date.now() });
        }
    }
    /** Stops issuing writes and waits for outstanding ones (each bounded by its timeout). */
    async stopWrites() {
        this.halt();
        await Promise.all(this.loops);
    }
    /**
     * Reads back every key that was attempted (ok, info, or fail) and appends one `read` invoke/ok pair (process
     * "final") whose value is the array of element numbers found; retries for up to `timeoutMs` (default 10 s) if
     * the store is unreachable, then records `fail`.
     */
    async finalRead(opts = {}) {
        await this.stopWrites();
        const deadline = performance.now() + (opts.timeoutMs ?? FINAL_READ_TIMEOUT_MS);
        const elements = Array.from({ length: this.nextElement }, (_, n) => n);
        const keys = elements.map((n) => `${this.prefix}${n}`);
        this.record({ type: 'invoke', f: 'read', value: null, process: 'final', time: Date.now() });
        for (;;) {
            try {
                const exists = await this.store.readExisting(keys);
                this.record({ type: 'ok', f: 'read', value: elements.filter((_, i) => exists[i] === true), process: 'final', time: Date.now() });
                return;
            }
            catch {
                if (performance.now() + RETRY_PAUSE_MS >= deadline)
                    break;
                await (0,external_node_timers_promises_.setTimeout)(RETRY_PAUSE_MS);
            }
        }
        this.record({ type: 'fail', f: 'read', value: null, process: 'final', time: Date.now() });
    }
    /** Flushes and closes the history file (stopping writes first). */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.stopWrites();
        await this.store.close();
        await new Promise((resolve, reject) => {
            this.history.once('error', reject);
            this.history.end(() => resolve());
        });
    }
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/run.ts
/**
 * Runs one shipgate chaos experiment: start the target and wait until it is healthy, watch the steady state, start
 * the workload, inject each fault on its schedule (recorded in the ledger before it acts, verified, reverted at the
 * end of its window), wait for recovery, read the history back and check its integrity. Whatever happens (an
 * error, cancellation, the max_duration cap), every fault and every process this run started is reverted before
 * `runExperiment` returns.
 *
 * Four separate results: faults (each proven to have taken effect), steady state (unhealthy before injection:
 * inconclusive, and nothing is injected), recovery (fault end to steady state, against limits.recovery) and
 * integrity (over the workload's history).
 */










const TARGET_ID = 'target';
const WORKLOAD_ID = 'workload';
/** After the schedule and recovery, a workload command gets this long to finish on its own before it is stopped. */
const WORKLOAD_FINISH_MS = 30_000;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);
const sleep = (ms, signal) => new Promise((resolve) => {
    if (signal.aborted || ms <= 0)
        return resolve();
    const t = setTimeout(done, ms);
    function done() {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
    }
    signal.addEventListener('abort', done, { once: true });
});
/** argv for a detached start: an array as is; a string the user wrote is run by the shell. */
function argvOf(c) {
    return typeof c === 'string' ? ['/bin/sh', '-c', c] : [...c];
}
function display(c) {
    return typeof c === 'string' ? c : c.join(' ');
}
/**
 * Validates every fault against its module and what this machine has, before anything starts. Errors name the
 * file, the fault's line and what is missing.
 */
async function prepareFaults(e, registry) {
    const out = [];
    const problems = [];
    for (const [i, f] of e.faults.entries()) {
        const mod = registry.get(f.type);
        if (mod === undefined) {
            problems.push(`${e.file}:${f.line}: faults[${i}].type: unknown fault type "${f.type}"; known: ${[...registry.keys()].join(', ')}`);
            continue;
        }
        const { id: _id, type: _type, start: _start, line: _line, ...params } = f;
        out.push({ spec: f, mod, params: mod.validate(params, { file: e.file, line: f.line, field: `faults[${i}]` }) });
        const missing = await mod.unsupported();
        if (missing !== undefined)
            problems.push(`${e.file}:${f.line}: fault ${f.id} (${f.type}) cannot run on this runner: ${missing}`);
    }
    if (problems.length)
        throw new errors/* ConfigurationError */.j1(problems.join('\n'), { location: { file: e.file, line: e.faults[0]?.line ?? 1 } });
    return out;
}
/** The plan of every fault, for `--dry-run` and the report. */
function planFaults(prepared) {
    return prepared.map((p) => p.mod.plan(p.spec.id, p.params));
}
/** The only child of a shell that ran the user's command (when the shell did not exec it), else the shell itself. */
async function serviceProcess(pid) {
    for (let i = 0; i < 20; i++) {
        const s = await procStat(pid);
        if (s === undefined || !SHELLS.has(s.comm))
            return pid;
        let children = [];
        try {
            children = (await (0,promises_.readFile)(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean).map(Number);
        }
        catch {
            return pid;
        }
        if (children.length === 1 && children[0] !== undefined)
            return children[0];
        await new Promise((r) => setTimeout(r, 25));
    }
    return pid;
}
function parseChecksums(text) {
    const out = {};
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const [i, l] of lines.entries()) {
        const m = /^(\S+)\s+\*?(.+)$/.exec(l);
        if (m?.[1] !== undefined && m[2] !== undefined)
            out[m[2]] = m[1];
        else
            out[lines.length === 1 ? 'output' : `line ${i + 1}`] = l;
    }
    return out;
}
function worst(vs) {
    if (vs.includes('fail'))
        return 'fail';
    if (vs.includes('inconclusive'))
        return 'inconclusive';
    return 'pass';
}
async function runExperiment(opts) {
    const { experiment: e, ledger, log } = opts;
    const prepared = await prepareFaults(e, opts.registry);
    const startedAt = Date.now();
    const notes = [];
    const interval = e.steady_state.interval_ms;
    // One controller for the whole run: the caller's cancellation, or the max_duration cap.
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    const cap = setTimeout(() => {
        notes.push(`stopped at limits.max_duration (${e.limits.max_duration} s): every fault was reverted`);
        stop.abort();
    }, e.limits.max_duration * 1000);
    const signal = stop.signal;
    const targetLog = external_node_path_default().join(opts.workDir, 'target.log');
    let targetStarts = 0;
    let targetPid;
    const startTarget = async () => {
        const cmd = e.target.command;
        if (cmd === undefined)
            throw new Error('the target has no command to (re)start');
        targetStarts++;
        const fd = (0,external_node_fs_.openSync)(targetLog, 'a');
        try {
            const cwd = external_node_path_default().resolve(e.dir, e.target.cwd ?? '.');
            const { pid } = await startRecorded(fctx, `${TARGET_ID}-${targetStarts}`, `target: ${display(cmd)}`, argvOf(cmd), { cwd, ...(e.target.env ? { env: e.target.env } : {}), outputFd: fd });
            targetPid = await serviceProcess(pid);
            fctx.targetPid = targetPid;
            return targetPid;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    };
    const fctx = {
        ledger,
        workDir: opts.workDir,
        signal,
        allowDefaultRoute: e.limits.allow_default_route,
        ...(e.target.command === undefined ? {} : { restartTarget: startTarget }),
    };
    const monitor = new SteadyStateMonitor(e.steady_state.probes, { intervalMs: interval, cwd: e.dir });
    const outcomes = prepared.map((p) => ({
        id: p.spec.id,
        type: p.spec.type,
        line: p.spec.line,
        plan: p.mod.plan(p.spec.id, p.params),
        start: p.spec.start,
        ...(p.spec.duration === undefined ? {} : { duration: p.spec.duration }),
        verified: false,
        evidence: 'not applied',
        reverted: false,
    }));
    const result = {
        startedAt,
        endedAt: startedAt,
        steadyBefore: { ok: false, detail: 'not checked' },
        faults: outcomes,
        samples: [],
        skippedTicks: 0,
        intervalMs: interval,
        recovery: { boundSeconds: e.limits.recovery },
        integrity: { lost: 0, unexpected: 0, duplicated: 0, recovered: 0, checks: [] },
        verdicts: { faults: 'none', steadyState: 'inconclusive', recovery: 'none', integrity: 'none' },
        verdict: 'inconclusive',
        notes,
        leftovers: [],
    };
    const mods = [...new Set(prepared.map((p) => p.mod))];
    let workload;
    let workloadPid;
    let checksumBefore;
    let injected = false;
    try {
        // ---- target ----
        if (e.target.command !== undefined) {
            await startTarget();
            log.info(`chaos-run: target started (pid ${targetPid}): ${display(e.target.command)}`);
        }
        const readyProbes = e.target.ready ? [e.target.ready] : e.steady_state.probes;
        if (readyProbes.length) {
            const ready = await waitHealthy(readyProbes, { timeoutMs: e.target.ready_timeout * 1000, intervalMs: 100, cwd: e.dir, signal });
            if (!ready.ok && !signal.aborted) {
                const tail = e.target.command === undefined ? '' : await (0,promises_.readFile)(targetLog, 'utf8').then((t) => t.split('\n').slice(-10).join('\n').trim(), () => '');
                throw new errors/* ConfigurationError */.j1(`${e.file}:${e.target.line}: the target never became healthy within ${e.target.ready_timeout} s (target.ready_timeout): ${ready.last.map((r) => `${r.probe}: ${r.detail}`).join('; ')}${tail ? `\nlast lines of its output:\n${tail}` : ''}`, { location: { file: e.file, line: e.target.line }, field: 'target' });
            }
        }
        // ---- steady state before injection ----
        monitor.start();
        await sleep(Math.max(3 * interval, 300), signal);
        const before = monitor.samples;
        const bad = before.filter((s) => !s.ok);
        result.steadyBefore =
            e.steady_state.probes.length === 0
                ? { ok: true, detail: 'no steady-state probes: only the target being up was checked' }
                : before.length === 0
                    ? { ok: false, detail: 'no probe finished before injection' }
                    : bad.length === 0
                        ? { ok: true, detail: `${before.length} sample(s), all healthy` }
                        : { ok: false, detail: `${bad.length} of ${before.length} sample(s) unhealthy before injection: ${bad[0]?.results.filter((r) => !r.ok).map((r) => `${r.probe}: ${r.detail}`).join('; ') ?? ''}` };
        if (!result.steadyBefore.ok) {
            notes.push('the system was not in its steady state before injection: no fault was injected');
            return result;
        }
        // ---- integrity snapshots before ----
        for (const c of e.integrity) {
            if (c.type !== 'checksum')
                continue;
            const r = await (0,exec/* execCommand */.NK)(commandOf(c.before), { cwd: e.dir, capture: true, stream: false, timeoutMs: 120_000, signal });
            if (r.exitCode !== 0)
                throw new errors/* ConfigurationError */.j1(`${e.file}:${c.line}: integrity checksum \`before\` command failed (exit ${r.exitCode ?? r.signal}): ${r.tail.join('\n')}`, { location: { file: e.file, line: c.line } });
            (checksumBefore ??= new Map()).set(c, parseChecksums(r.stdout ?? ''));
        }
        // ---- proxies and other setup, then the workload ----
        for (const mod of mods) {
            if (mod.setup)
                await mod.setup(prepared.filter((p) => p.mod === mod).map((p) => ({ id: p.spec.id, spec: p.params })), fctx);
        }
        const historyFile = e.workload?.history === undefined ? external_node_path_default().join(opts.workDir, 'history.jsonl') : external_node_path_default().resolve(e.dir, e.workload.history);
        if (e.workload?.builtin) {
            workload = await BuiltinWorkload.start(e.workload.builtin, { historyFile, keyPrefix: `shipgate:chaos:${opts.runId}:`, signal });
            result.integrity.historyFile = historyFile;
        }
        else if (e.workload?.command !== undefined) {
            const fd = (0,external_node_fs_.openSync)(external_node_path_default().join(opts.workDir, 'workload.log'), 'a');
            try {
                const env = { ...e.workload.env, SHIPGATE_CHAOS_HISTORY: historyFile, SHIPGATE_CHAOS_RUN_ID: opts.runId };
                workloadPid = await startRecorded(fctx, WORKLOAD_ID, `workload: ${display(e.workload.command)}`, argvOf(e.workload.command), { cwd: external_node_path_default().resolve(e.dir, e.workload.cwd ?? '.'), env, outputFd: fd });
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            result.integrity.historyFile = historyFile;
        }
        const t0 = Date.now();
        result.t0 = t0;
        // ---- faults on their schedule ----
        injected = true;
        await Promise.all(prepared.map(async (p, i) => {
            const o = outcomes[i];
            await sleep(t0 + p.spec.start * 1000 - Date.now(), signal);
            if (signal.aborted) {
                o.evidence = 'not applied: the run was stopped first';
                return;
            }
            try {
                o.appliedAt = (await p.mod.apply(p.spec.id, p.params, fctx)).appliedAt;
                log.info(`chaos-run: ${p.spec.id} (${p.spec.type}) applied`);
                try {
                    const v = await p.mod.verify(p.spec.id, p.params, fctx);
                    o.verified = v.verified;
                    o.evidence = v.evidence;
                }
                catch (err) {
                    o.evidence = `verification failed: ${(0,errors/* errorMessage */.gJ)(err)}`;
                }
                if (p.spec.duration !== undefined)
                    await sleep(o.appliedAt + p.spec.duration * 1000 - Date.now(), signal);
                else
                    o.endedAt = Date.now();
            }
            catch (err) {
                o.error = (0,errors/* errorMessage */.gJ)(err);
                o.evidence = `not applied: ${o.error}`;
            }
            try {
                o.revertedAt = (await p.mod.revert(p.spec.id, fctx)).revertedAt;
                o.reverted = true;
                o.endedAt ??= o.revertedAt;
                log.info(`chaos-run: ${p.spec.id} reverted`);
            }
            catch (err) {
                o.error = [o.error, `revert failed: ${(0,errors/* errorMessage */.gJ)(err)}`].filter(Boolean).join('; ');
            }
        }));
        // ---- recovery ----
        const ends = outcomes.map((o) => o.endedAt).filter((t) => t !== undefined);
        const lastEnd = ends.length ? Math.max(...ends) : Date.now();
        if (e.steady_state.probes.length && !signal.aborted) {
            const ok = await monitor.waitForOk(lastEnd, e.limits.recovery * 1000);
            // Long enough after the first healthy sample to tell a recovery from a blip.
            if (ok)
                await sleep(3 * interval + 50, signal);
        }
    }
    finally {
        clearTimeout(cap);
        await monitor.stop();
        result.samples = [...monitor.samples];
        result.skippedTicks = monitor.skippedTicks;
        // ---- workload end and history ----
        if (workload) {
            try {
                await workload.stopWrites();
                // Not when cancelled: the runner allows 10 s for everything, and the reverts come first.
                if (injected && !opts.signal.aborted)
                    await workload.finalRead();
            }
            catch (err) {
                notes.push(`the built-in workload could not finish: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
            result.workload = { ...workload.stats, kind: e.workload?.builtin?.type ?? 'builtin' };
            await workload.close();
        }
        if (workloadPid) {
            const { pid, startTime: start } = workloadPid;
            const end = Date.now() + (opts.signal.aborted ? 0 : WORKLOAD_FINISH_MS);
            while ((await processStartTime(pid)) === start && Date.now() < end)
                await new Promise((r) => setTimeout(r, 100));
            if ((await processStartTime(pid)) === start)
                notes.push(`the workload command was still running after the experiment and was stopped; its history may lack a final read`);
            await revertViaLedger(ledger, WORKLOAD_ID).catch((err) => notes.push(`could not stop the workload: ${(0,errors/* errorMessage */.gJ)(err)}`));
        }
        for (const mod of mods)
            await mod.teardown?.().catch((err) => notes.push(`${mod.type}: teardown failed: ${(0,errors/* errorMessage */.gJ)(err)}`));
        // Faults still pending (an error or cancellation mid-revert), then the target.
        const pending = (await ledger.pending()).filter((x) => x.runId === ledger.runId && !x.id.startsWith(`${TARGET_ID}-`));
        for (const x of pending)
            await revertViaLedger(ledger, x.id).catch(() => undefined);
        for (let n = targetStarts; n >= 1; n--)
            await revertViaLedger(ledger, `${TARGET_ID}-${n}`).catch(() => undefined);
        const left = await ledger.revertAll();
        result.leftovers = left.failed;
        result.target = { ...(targetPid === undefined ? {} : { pid: targetPid }), starts: targetStarts, ...(targetStarts ? { log: targetLog } : {}) };
        result.endedAt = Date.now();
        opts.signal.removeEventListener('abort', onAbort);
    }
    // ---- integrity ----
    if (e.integrity.length && result.integrity.historyFile !== undefined)
        await checkIntegrity(e, result, checksumBefore);
    else if (checksumBefore)
        await checkIntegrity(e, result, checksumBefore);
    // ---- recovery per fault ----
    const bound = e.limits.recovery;
    for (const o of outcomes) {
        if (o.endedAt === undefined || e.steady_state.probes.length === 0)
            continue;
        const r = recoveryAfter(result.samples, o.endedAt, { stableMs: 3 * interval });
        o.recovery = { ...r, ok: r.seconds !== undefined && r.seconds <= bound };
    }
    const recovered = outcomes.filter((o) => o.recovery !== undefined);
    const secs = recovered.map((o) => o.recovery?.seconds).filter((s) => s !== undefined);
    if (secs.length)
        result.recovery.maxSeconds = Math.max(...secs);
    // ---- verdicts ----
    const applied = outcomes.filter((o) => o.appliedAt !== undefined || o.error !== undefined);
    result.verdicts.steadyState = result.steadyBefore.ok ? 'pass' : 'inconclusive';
    result.verdicts.faults = !injected ? 'none' : outcomes.some((o) => !o.verified || !o.reverted || o.error !== undefined) ? 'fail' : applied.length ? 'pass' : 'none';
    result.verdicts.recovery = recovered.length === 0 ? 'none' : recovered.every((o) => o.recovery?.ok) ? 'pass' : 'fail';
    const ic = result.integrity.checks;
    result.verdicts.integrity = ic.length === 0 ? 'none' : ic.every((c) => c.ok) ? 'pass' : ic.some((c) => !c.ok && c.summary.startsWith('inconclusive')) && !ic.some((c) => !c.ok && !c.summary.startsWith('inconclusive')) ? 'inconclusive' : 'fail';
    if (result.leftovers.length)
        notes.push(`could not revert: ${result.leftovers.map((l) => `${l.id} (${l.error})`).join('; ')}`);
    const stoppedEarly = signal.aborted;
    const v = result.verdicts;
    result.verdict = !result.steadyBefore.ok ? 'inconclusive' : worst([v.faults, v.recovery, v.integrity, stoppedEarly || result.leftovers.length ? 'fail' : 'pass']);
    return result;
}
async function checkIntegrity(e, result, checksumBefore) {
    const file = result.integrity.historyFile;
    let ops = [];
    const needsHistory = e.integrity.some((c) => c.type !== 'checksum');
    if (needsHistory && file !== undefined) {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (err) {
            throw new errors/* ConfigurationError */.j1(`${e.file}:${e.workload?.line ?? 1}: the workload's history ${file} cannot be read (${(0,errors/* errorMessage */.gJ)(err)}). The workload must write its operations there (JSONL).`, {
                location: { file: e.file, line: e.workload?.line ?? 1 },
            });
        }
        const shown = external_node_path_default().relative(process.cwd(), file) || file;
        const parsed = parseHistory(text, shown);
        ops = parsed.ops;
        for (const w of parsed.warnings.slice(0, 5))
            result.notes.push(`history: ${w}`);
        if (parsed.warnings.length > 5)
            result.notes.push(`history: ${parsed.warnings.length - 5} more warning(s)`);
        result.integrity.operations = ops.length;
        const windows = result.faults.filter((o) => o.appliedAt !== undefined).map((o) => ({ id: o.id, start: o.appliedAt, end: o.endedAt ?? o.appliedAt ?? 0 }));
        const times = ops.map((o) => o.time).filter((t) => Number.isFinite(t));
        const median = times.length ? times.slice().sort((a, b) => a - b)[times.length >> 1] : 0;
        // Fault windows are epoch ms; histories in epoch ns are converted, relative clocks cannot be aligned.
        const unit = median > 1e17 ? 'ns' : median > 1e12 ? 'ms' : undefined;
        if (unit !== undefined && windows.length) {
            const scale = unit === 'ns' ? 1e6 : 1;
            const lat = faultWindowLatencies(ops, windows.map((w) => ({ ...w, start: w.start * scale, end: Math.max(w.end, w.start + 1) * scale })), { timeUnit: unit });
            result.integrity.windows = lat.windows.map(({ start: _s, end: _e, ...rest }) => rest);
            result.integrity.baseline = lat.baseline;
        }
        else if (windows.length && ops.length) {
            result.notes.push('the history times are not epoch milliseconds or nanoseconds: fault-window latencies are not computed');
        }
    }
    const totals = result.integrity;
    for (const c of e.integrity) {
        const base = { type: c.type, line: c.line, lost: 0, unexpected: 0, duplicated: 0, recovered: 0, lostIds: [] };
        let out;
        switch (c.type) {
            case 'set': {
                const r = checkSet(ops, { ...(c.add ? { addF: c.add } : {}), ...(c.read ? { readF: c.read } : {}) });
                out = !r.hasFinalRead
                    ? { ...base, ok: false, summary: `inconclusive: no successful final "${c.read ?? 'read'}" in the history (${r.acknowledged} acknowledged writes)`, detail: { ...r } }
                    : {
                        ...base,
                        ok: r.lost === 0 && r.unexpected === 0,
                        summary: `${r.acknowledged} acknowledged, ${r.lost} lost, ${r.unexpected} unexpected, ${r.recovered} recovered (of ${r.attempted} attempted)`,
                        lost: r.lost,
                        unexpected: r.unexpected,
                        recovered: r.recovered,
                        lostIds: r.lostIds,
                        detail: { ...r },
                    };
                break;
            }
            case 'queue': {
                const r = checkQueue(ops, { ...(c.enqueue ? { enqueueF: c.enqueue } : {}), ...(c.dequeue ? { dequeueF: c.dequeue } : {}), ...(c.drain ? { drainF: c.drain } : {}) });
                out = { ...base, ok: r.lost === 0 && r.duplicated === 0 && r.unexpected === 0, summary: `${r.lost} lost, ${r.duplicated} duplicated, ${r.unexpected} unexpected`, lost: r.lost, duplicated: r.duplicated, unexpected: r.unexpected, lostIds: r.lostIds, detail: { ...r } };
                break;
            }
            case 'counter': {
                const r = checkCounter(ops, { ...(c.incr ? { incrF: c.incr } : {}), ...(c.read ? { readF: c.read } : {}) });
                out = r.reads === 0 ? { ...base, ok: false, summary: 'inconclusive: no successful counter read in the history', detail: { ...r } } : { ...base, ok: r.violations.length === 0, summary: `${r.reads} read(s), ${r.violations.length} outside the bounds`, detail: { ...r, violations: r.violations.slice(0, 20) } };
                break;
            }
            case 'unique-ids': {
                const r = checkUniqueIds(ops, { ...(c.f ? { f: c.f } : {}) });
                out = { ...base, ok: r.duplicates === 0, summary: `${r.generated} generated, ${r.duplicates} duplicated`, duplicated: r.duplicates, detail: { ...r } };
                break;
            }
            case 'checksum': {
                const r = await (0,exec/* execCommand */.NK)(commandOf(c.after), { cwd: e.dir, capture: true, stream: false, timeoutMs: 120_000 });
                if (r.exitCode !== 0) {
                    out = { ...base, ok: false, summary: `the \`after\` command failed (exit ${r.exitCode ?? r.signal})`, detail: { tail: r.tail } };
                    break;
                }
                const d = checkChecksums(checksumBefore?.get(c) ?? {}, parseChecksums(r.stdout ?? ''));
                out = { ...base, ok: d.changed.length + d.missing.length === 0, summary: `${d.changed.length} changed, ${d.missing.length} missing, ${d.added.length} added`, lost: d.missing.length, detail: d };
                break;
            }
        }
        totals.checks.push(out);
        totals.lost += out.lost;
        totals.unexpected += out.unexpected;
        totals.duplicated += out.duplicated;
        totals.recovered += out.recovered;
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/gates/chaos-run/watchdog.ts
/**
 * The detached watchdog: a separate process (scripts/chaos-watchdog.mjs, plain JavaScript) that reverts whatever
 * is still pending in the fault ledger when the deadline passes, or when the runner process has died and 2 s
 * have passed with the ledger still pending, even when the runner was SIGKILLed.
 *
 * Script path: by default resolved relative to this module's source file (src/gates/chaos-run/ ->
 * scripts/chaos-watchdog.mjs), which holds when running from the sources. Inside the ncc bundle this module's URL
 * is dist/index.js, so the gate must pass `script` explicitly (the path of chaos-watchdog.mjs shipped with the
 * action); startWatchdog throws when the script is not found rather than start nothing.
 */








const CANCEL_WAIT_MS = 1000;
function defaultWatchdogScript() {
    return external_node_path_default().resolve(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), '../../../scripts/chaos-watchdog.mjs');
}
async function startWatchdog(opts) {
    const script = opts.script ?? defaultWatchdogScript();
    if (!(0,external_node_fs_.existsSync)(script))
        throw new Error(`chaos watchdog script not found: ${script} (pass its path as \`script\`)`);
    const parentStart = await processStartTime(opts.parentPid);
    const args = [
        script,
        '--ledger-dir',
        external_node_path_default().resolve(opts.ledgerDir),
        '--deadline',
        opts.deadline.toISOString(),
        '--parent-pid',
        String(opts.parentPid),
        ...(parentStart === undefined ? [] : ['--parent-start', parentStart]),
        ...(opts.graceMs === undefined ? [] : ['--grace-ms', String(opts.graceMs)]),
        ...(opts.revertDeadlineMs === undefined ? [] : ['--revert-deadline-ms', String(opts.revertDeadlineMs)]),
    ];
    // Not execCommand: that waits for the command and kills its leftovers, and this one must outlive us.
    // detached: a new session (setsid), so the runner's process group kill does not take it down with us.
    // The environment leaves out the action's inputs and the runner's credentials, like every other child.
    const child = (0,external_node_child_process_.spawn)(opts.node ?? process.execPath, args, { detached: true, stdio: 'ignore', env: { ...(0,exec/* childEnvironment */.Qc)(process.env), NODE_OPTIONS: '' } });
    await new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
    });
    child.unref();
    const pid = child.pid;
    if (pid === undefined)
        throw new Error('chaos watchdog did not start');
    const start = await processStartTime(pid);
    let exited = false;
    child.once('exit', () => (exited = true));
    const alive = async () => {
        if (exited)
            return false;
        const now = await processStartTime(pid);
        return now !== undefined && (start === undefined || now === start);
    };
    return {
        pid,
        async cancel() {
            if (!(await alive()))
                return;
            try {
                process.kill(pid, 'SIGTERM');
            }
            catch {
                return;
            }
            const end = external_node_perf_hooks_.performance.now() + CANCEL_WAIT_MS;
            while ((await alive()) && external_node_perf_hooks_.performance.now() < end)
                await (0,external_node_timers_promises_.setTimeout)(20);
            if (await alive()) {
                try {
                    process.kill(pid, 'SIGKILL');
                }
                catch {
                    // gone
                }
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/index.ts
/**
 * The chaos-run gate. Before anything: the runner-label allow list, then a sweep of what earlier runs on this runner
 * left in the ledger. Then a detached watchdog (reverts even when this process is SIGKILLed), the experiment
 * (shipgate's format, or a Chaos Toolkit experiment), and the report. The action's post step reverts whatever the
 * ledger still holds; `shipgate chaos-run revert` does the same by hand.
 */













/** Extra time the watchdog allows beyond the experiment's own limits before it reverts on its own. */
const WATCHDOG_MARGIN_MS = 120_000;
/** Where the fault ledger lives: it must outlast the job, so that the next run on this runner can sweep it. */
function ledgerDir(input) {
    if (input)
        return external_node_path_default().resolve(input);
    if (process.env.SHIPGATE_CHAOS_LEDGER_DIR)
        return external_node_path_default().resolve(process.env.SHIPGATE_CHAOS_LEDGER_DIR);
    const state = process.env.XDG_STATE_HOME || external_node_path_default().join(external_node_os_default().homedir(), '.local', 'state');
    return external_node_path_default().join(state, 'shipgate', 'chaos-ledger');
}
/**
 * This runner's labels: SHIPGATE_RUNNER_LABELS (comma-separated; set it in the runner's .env file, which a
 * self-hosted runner passes to every job), else what the runner tells every job: its name, OS, architecture and
 * `self-hosted` on self-hosted runners.
 */
function runnerLabels(env = process.env) {
    const set = env.SHIPGATE_RUNNER_LABELS?.split(',').map((s) => s.trim()).filter(Boolean);
    if (set?.length)
        return set;
    return [env.RUNNER_NAME, env.RUNNER_OS, env.RUNNER_ARCH, env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'self-hosted' : undefined].filter((x) => Boolean(x));
}
function checkLabels(allowedInput, e) {
    const fromInput = allowedInput?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
    const lists = [];
    if (fromInput.length)
        lists.push({ where: 'input allowed-runner-labels', allowed: fromInput });
    if (e.allowed?.length)
        lists.push({ where: `${e.file}: limits.allowed_runner_labels`, allowed: e.allowed });
    if (!lists.length)
        return;
    const have = runnerLabels();
    for (const l of lists) {
        if (!l.allowed.some((a) => have.some((h) => h.toLowerCase() === a.toLowerCase()))) {
            throw new errors/* ConfigurationError */.j1(`chaos-run refuses to run here: this runner's labels (${have.join(', ') || 'none known'}) include none of ${l.allowed.join(', ')} (${l.where}). Run it on a runner meant for chaos, or list that runner's labels in SHIPGATE_RUNNER_LABELS in its .env file.`, { field: 'allowed-runner-labels' });
        }
    }
}
function runIdOf(ctx) {
    const raw = `${ctx.run.runId ?? 'local'}-${ctx.run.runAttempt ?? '1'}-${process.pid}-${Date.now().toString(36)}`;
    return raw.replace(/[^A-Za-z0-9._-]/g, '_');
}
/** The watchdog script ships in the action's scripts/ folder, above dist/ and above src/gates/chaos-run/. */
async function watchdogScript() {
    const { existsSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const { fileURLToPath } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73136, 23));
    let dir = external_node_path_default().dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const candidate = external_node_path_default().join(dir, 'scripts', 'chaos-watchdog.mjs');
        if (existsSync(candidate))
            return candidate;
        const up = external_node_path_default().dirname(dir);
        if (up === dir)
            return undefined;
        dir = up;
    }
}
function sweepText(r) {
    return `Swept what an earlier run left behind: ${r.reverted.length} reverted${r.reverted.length ? ` (${r.reverted.join(', ')})` : ''}${r.failed.length ? `; ${r.failed.length} could not be reverted: ${r.failed.map((f) => `${f.id}: ${f.error}`).join('; ')}` : ''}.`;
}
async function readDoc(abs, shown) {
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${shown}: cannot read the experiment (${(0,errors/* errorMessage */.gJ)(e)}). Check the \`experiment\` input.`, { location: { file: shown }, field: 'experiment' });
    }
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch {
        return undefined; // the loader reports the syntax error with its line
    }
}
async function runChaos(ctx) {
    const rel = ctx.inputs.optional('experiment');
    if (!rel)
        throw new errors/* ConfigurationError */.j1('input `experiment` is required: the experiment file (shipgate YAML/JSON, or a Chaos Toolkit experiment).', { field: 'experiment' });
    const abs = external_node_path_default().resolve(ctx.workspace, rel);
    const shown = external_node_path_default().relative(ctx.workspace, abs) || rel;
    const dryRun = ctx.inputs.boolean('dry-run', false);
    await (0,promises_.mkdir)(ctx.reportDir, { recursive: true });
    if (isChaosToolkitDocument(await readDoc(abs, shown)))
        return runToolkit(ctx, abs, shown, dryRun);
    const e = await loadExperiment(abs, { displayPath: shown, knownFaultTypes: [...FAULTS.keys()] });
    const prepared = await prepareFaults(e, FAULTS);
    if (dryRun) {
        const plans = planFaults(prepared);
        const text = [planText(e), '', ...plans.map((p) => [`${p.id} (${p.type}): ${p.description}`, ...p.actions.map((a) => `  do:   ${a}`), ...p.inverse.map((a) => `  undo: ${a}`)].join('\n'))].join('\n');
        return {
            ...(0,gate/* reportShell */.$)(ctx),
            verdict: 'pass',
            summary: `dry run: ${plans.length} fault(s) planned, nothing touched`,
            findings: [],
            details: { experiment: shown, dryRun: true, plan: plans },
            sections: [{ id: 'plan', title: 'Plan (dry run: nothing was touched)', importance: 'essential', blocks: [{ type: 'code', text }] }],
            outputs: { lost: 0, 'recovery-seconds': '' },
        };
    }
    checkLabels(ctx.inputs.optional('allowed-runner-labels'), { file: shown, ...(e.limits.allowed_runner_labels ? { allowed: e.limits.allowed_runner_labels } : {}) });
    const runId = runIdOf(ctx);
    const ledger = await Ledger.open(ledgerDir(ctx.inputs.optional('ledger-dir')), runId);
    const notes = [];
    if ((await ledger.pending()).length) {
        const swept = await ledger.revertAll();
        notes.push(sweepText(swept));
        ctx.log.warning(sweepText(swept));
    }
    let watchdog;
    const script = await watchdogScript();
    // SHIPGATE_CHAOS_WATCHDOG_MARGIN_MS shortens (or lengthens) the margin, e.g. to see the watchdog act in a test.
    const margin = Number(process.env.SHIPGATE_CHAOS_WATCHDOG_MARGIN_MS ?? WATCHDOG_MARGIN_MS);
    const deadline = new Date(Date.now() + (e.limits.max_duration + e.target.ready_timeout + e.limits.recovery) * 1000 + (Number.isFinite(margin) && margin >= 0 ? margin : WATCHDOG_MARGIN_MS));
    if (script !== undefined)
        watchdog = await startWatchdog({ ledgerDir: ledger.dir, deadline, parentPid: process.pid, script });
    else
        notes.push('the watchdog script was not found next to the action: faults are reverted by this process and the post step only');
    let result;
    try {
        result = await runExperiment({ experiment: e, registry: FAULTS, ledger, workDir: ctx.reportDir, runId, signal: ctx.signal, log: ctx.log });
    }
    finally {
        await watchdog?.cancel();
        await ledger.prune().catch(() => 0);
    }
    result.notes.unshift(...notes);
    await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'timeline.svg'), svgTimeline(result));
    await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'journal.json'), `${JSON.stringify(journal(e, result), null, 2)}\n`);
    return toReport(ctx, e, result);
}
function toReport(ctx, e, r) {
    const v = r.verdicts;
    const summary = [
        r.steadyBefore.ok ? `${r.faults.filter((o) => o.verified).length}/${r.faults.length} faults verified` : 'not in steady state before injection: nothing injected',
        r.recovery.maxSeconds === undefined ? (v.recovery === 'fail' ? 'did not recover' : '') : `recovery ≤ ${r.recovery.maxSeconds.toFixed(2)} s`,
        r.integrity.checks.length ? `${r.integrity.lost} acknowledged write(s) lost` : '',
    ]
        .filter(Boolean)
        .join('; ');
    return {
        ...(0,gate/* reportShell */.$)(ctx),
        verdict: r.verdict,
        summary,
        findings: findings(e, r),
        details: { ...details(e, r), files: { timeline: 'timeline.svg', journal: 'journal.json', ...(r.integrity.historyFile ? { history: external_node_path_default().relative(ctx.reportDir, r.integrity.historyFile) } : {}) } },
        sections: sections(e, r),
        outputs: { lost: r.integrity.lost, 'recovery-seconds': r.recovery.maxSeconds === undefined ? '' : r.recovery.maxSeconds.toFixed(3) },
    };
}
async function runToolkit(ctx, abs, shown, dryRun) {
    const e = await loadCtkExperiment(abs, { displayPath: shown });
    if (dryRun) {
        const text = ctkPlanText(e);
        return {
            ...(0,gate/* reportShell */.$)(ctx),
            verdict: 'pass',
            summary: 'dry run of a Chaos Toolkit experiment: nothing touched',
            findings: [],
            details: { experiment: shown, dryRun: true, format: 'chaostoolkit' },
            sections: [{ id: 'plan', title: 'Plan (dry run: nothing was touched)', importance: 'essential', blocks: [{ type: 'code', text }] }],
            outputs: { lost: 0, 'recovery-seconds': '' },
        };
    }
    checkLabels(ctx.inputs.optional('allowed-runner-labels'), { file: shown });
    const j = await runCtkExperiment(e, { signal: ctx.signal, cwd: external_node_path_default().dirname(abs) });
    await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'journal.json'), `${JSON.stringify(j, null, 2)}\n`);
    const before = j.steady_states.before;
    const after = j.steady_states.after;
    const verdict = j.status === 'aborted' ? 'error' : before?.steady_state_met === false ? 'inconclusive' : j.deviated || after?.steady_state_met === false ? 'fail' : 'pass';
    const runs = j.run;
    const rollbacks = j.rollbacks;
    const rolledBack = rollbacks.every((r) => r.status === 'succeeded');
    const findingsOut = [];
    if (verdict === 'fail')
        findingsOut.push({ id: 'deviated', title: 'steady state not met after the method', severity: 'high', status: 'fail', message: 'the steady-state hypothesis deviated after the method ran', location: { file: shown } });
    if (verdict === 'inconclusive')
        findingsOut.push({ id: 'steady-state', title: 'not in steady state before the method', severity: 'high', status: 'inconclusive', message: 'the steady-state hypothesis was not met before the method; the method was skipped', location: { file: shown } });
    if (!rolledBack)
        findingsOut.push({ id: 'rollbacks', title: 'a rollback failed', severity: 'critical', status: 'fail', message: rollbacks.filter((r) => r.status !== 'succeeded').map((r) => r.activity?.name ?? '?').join(', '), location: { file: shown } });
    const blocks = [
        { type: 'text', text: `Chaos Toolkit experiment "${e.title}": status ${j.status}${j.deviated ? ', deviated' : ''}. Steady state before: ${before?.steady_state_met === false ? 'not met' : 'met'}; after: ${after === null ? 'not checked' : after.steady_state_met === false ? 'not met' : 'met'}. Rollbacks always run.` },
        {
            type: 'table',
            columns: ['phase', 'activity', 'type', 'status'],
            rows: [
                ...runs.map((r) => ({ cells: ['method', r.activity?.name ?? '?', r.activity?.type ?? '?', r.status ?? '?'], status: r.status === 'succeeded' ? 'pass' : 'fail' })),
                ...rollbacks.map((r) => ({ cells: ['rollback', r.activity?.name ?? '?', r.activity?.type ?? '?', r.status ?? '?'], status: r.status === 'succeeded' ? 'pass' : 'fail' })),
            ],
        },
    ];
    return {
        ...(0,gate/* reportShell */.$)(ctx),
        verdict: rolledBack ? verdict : 'fail',
        summary: `Chaos Toolkit: ${j.status}${j.deviated ? ', deviated' : ''}; ${runs.length} activities, ${rollbacks.length} rollback(s)`,
        findings: findingsOut,
        details: {
            experiment: shown,
            format: 'chaostoolkit',
            status: j.status,
            deviated: j.deviated,
            faults: runs.filter((r) => r.activity?.type === 'action').map((r) => ({ id: r.activity?.name ?? '?', type: r.activity?.provider?.type ?? 'action', verified: r.status === 'succeeded', reverted: rolledBack })),
            recovery: { maxSeconds: null },
            integrity: { lost: 0, unexpected: 0, duplicated: 0, recovered: 0, checks: [] },
            files: { journal: 'journal.json' },
        },
        sections: [{ id: 'chaostoolkit', title: 'Chaos Toolkit run', importance: 'essential', blocks }],
        outputs: { lost: 0, 'recovery-seconds': '' },
    };
}
/** Reverts whatever the ledger holds (this runner's earlier runs included). Used by the post step and `chaos-run revert`. */
async function revertLedger(dir) {
    const ledger = await Ledger.open(dir, `revert-${process.pid}-${Date.now().toString(36)}`);
    const r = await ledger.revertAll();
    const warnings = ledger.warnings;
    await ledger.prune().catch(() => 0);
    return { ...r, warnings };
}
async function post(ctx) {
    const dir = ledgerDir(ctx.inputs.optional('ledger-dir'));
    const r = await revertLedger(dir);
    for (const w of r.warnings)
        ctx.log.warning(`chaos-run ledger: ${w}`);
    if (r.reverted.length)
        ctx.log.warning(`chaos-run post: reverted what the run left behind: ${r.reverted.join(', ')}`);
    for (const f of r.failed)
        ctx.log.error(`chaos-run post: could not revert ${f.id}: ${f.error}`);
}
const chaos_run_gate = { gate: 'chaos-run', run: runChaos, post };


/***/ })

};
