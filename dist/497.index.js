export const id = 497;
export const ids = [497];
export const modules = {

/***/ 1891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ loadGate)
/* harmony export */ });
/** Each gate is loaded on demand, so an action evaluates only its own gate's code. */
async function loadGate(name) {
    switch (name) {
        case 'perf-gate':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(453), __webpack_require__.e(489), __webpack_require__.e(345)]).then(__webpack_require__.bind(__webpack_require__, 74345))).gate;
        case 'chaos-run':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(830), __webpack_require__.e(796), __webpack_require__.e(489), __webpack_require__.e(430), __webpack_require__.e(158)]).then(__webpack_require__.bind(__webpack_require__, 64158))).gate;
        case 'model-validate':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(377), __webpack_require__.e(489), __webpack_require__.e(752)]).then(__webpack_require__.bind(__webpack_require__, 69752))).gate;
        case 'readiness-checklist':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(830), __webpack_require__.e(913), __webpack_require__.e(796), __webpack_require__.e(972), __webpack_require__.e(489), __webpack_require__.e(430), __webpack_require__.e(290)]).then(__webpack_require__.bind(__webpack_require__, 98290))).gate;
    }
}


/***/ }),

/***/ 41539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hardwareFacts: () => (/* binding */ hardwareFacts),
/* harmony export */   runnerInfo: () => (/* binding */ runnerInfo)
/* harmony export */ });
/* unused harmony exports nvidiaGpus, fingerprintOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4434);




async function osName() {
    try {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)('/etc/os-release', 'utf8');
        const get = (k) => new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text)?.[1];
        const id = get('ID');
        const version = get('VERSION_ID');
        if (id)
            return `${id}${version ? ` ${version}` : ''}`;
    }
    catch {
        // not Linux, or no os-release: fall back to the platform name
    }
    return `${node_os__WEBPACK_IMPORTED_MODULE_2___default().platform()} ${node_os__WEBPACK_IMPORTED_MODULE_2___default().release().split('.')[0] ?? ''}`.trim();
}
async function nvidiaGpus(nvidiaSmi = 'nvidia-smi') {
    try {
        const q = await (0,execa__WEBPACK_IMPORTED_MODULE_3__/* .execa */ .Ho)(nvidiaSmi, ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits'], { timeout: 10_000, reject: false });
        if (q.code === 'ENOENT')
            return { gpus: [], note: 'no nvidia-smi on this runner' };
        if (q.exitCode !== 0)
            return { gpus: [], note: `nvidia-smi failed (exit ${q.exitCode}): ${String(q.stderr || q.stdout).trim().slice(0, 200)}` };
        const header = await (0,execa__WEBPACK_IMPORTED_MODULE_3__/* .execa */ .Ho)(nvidiaSmi, [], { timeout: 10_000, reject: false });
        const cuda = /CUDA Version:\s*([\d.]+)/.exec(String(header.stdout))?.[1];
        const gpus = String(q.stdout)
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '')
            .map((l) => {
            const [name = '', driver, mem] = l.split(',').map((s) => s.trim());
            const memoryMiB = Number(mem);
            return { name, driver, ...(cuda ? { cuda } : {}), ...(Number.isFinite(memoryMiB) ? { memoryMiB } : {}) };
        });
        return gpus.length ? { gpus } : { gpus, note: 'nvidia-smi lists no GPU' };
    }
    catch (e) {
        const code = e.code;
        return { gpus: [], note: code === 'ENOENT' ? 'no nvidia-smi on this runner' : `nvidia-smi could not run: ${e.message}` };
    }
}
async function hardwareFacts(opts = {}) {
    const cpus = node_os__WEBPACK_IMPORTED_MODULE_2___default().cpus();
    const { gpus, note } = await nvidiaGpus(opts.nvidiaSmi);
    return {
        os: await osName(),
        arch: node_os__WEBPACK_IMPORTED_MODULE_2___default().arch(),
        cpuModel: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
        cpuCount: cpus.length,
        gpus,
        ...(note ? { gpuNote: note } : {}),
    };
}
/** Short stable hash of the comparable facts (memory size and CPU count do not change the hardware class). */
function fingerprintOf(f) {
    const canonical = JSON.stringify({
        os: f.os,
        arch: f.arch,
        cpu: f.cpuModel,
        gpus: f.gpus.map((g) => [g.name, g.driver ?? '', g.cuda ?? '']).sort(),
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex').slice(0, 16);
}
function runnerInfo(f, name = process.env.RUNNER_NAME) {
    return {
        os: f.os,
        arch: f.arch,
        ...(name ? { name } : {}),
        cpuModel: f.cpuModel,
        gpus: f.gpus,
        fingerprint: fingerprintOf(f),
    };
}


/***/ }),

/***/ 78891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ appendEntry),
/* harmony export */   RA: () => (/* binding */ DEFAULT_HISTORY),
/* harmony export */   hf: () => (/* binding */ chooseBaseline),
/* harmony export */   s4: () => (/* binding */ emptyHistory)
/* harmony export */ });
const DEFAULT_HISTORY = 20;
function emptyHistory(gate, suite) {
    return { schemaVersion: 1, gate, suite, entries: [] };
}
function appendEntry(h, entry, keep = DEFAULT_HISTORY) {
    if (!Number.isInteger(keep) || keep < 1)
        throw new RangeError(`history size must be a positive integer, got ${keep}`);
    return { ...h, entries: [...h.entries, entry].slice(-keep) };
}
/** Pick what to compare with: never a baseline from another fingerprint without saying so. */
function chooseBaseline(h, fingerprint) {
    const entries = h?.entries ?? [];
    const same = entries.filter((e) => e.fingerprint === fingerprint);
    const newestOther = [...entries].reverse().find((e) => e.fingerprint !== fingerprint);
    const newestSame = same.at(-1);
    return {
        ...(newestSame ? { entry: newestSame } : {}),
        sameHardware: same,
        ...(!newestSame && newestOther ? { otherHardware: newestOther } : {}),
    };
}


/***/ }),

/***/ 60810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ CacheBaselineStore),
/* harmony export */   L6: () => (/* binding */ RepoBaselineStore),
/* harmony export */   WF: () => (/* binding */ noBaselineStore)
/* harmony export */ });
/* unused harmony export repoBaselinePath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);



function safe(s) {
    return s.replace(/[^A-Za-z0-9._-]/g, '_');
}
function parseHistory(text, where, expected) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: not valid JSON (${e.message}). Restore it from git or delete it to start a new baseline.`, {
            location: { file: where },
        });
    }
    const h = value;
    if (typeof h !== 'object' || h === null || h.schemaVersion !== 1 || !Array.isArray(h.entries)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: not a shipgate baseline history (needs schemaVersion 1 and entries[]). Delete it to start a new baseline.`, {
            location: { file: where },
        });
    }
    if (h.gate !== expected.gate || h.suite !== expected.suite) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: holds the baseline of ${String(h.gate)} suite ${JSON.stringify(h.suite)}, not ${expected.gate} suite ${JSON.stringify(expected.suite)}. Rename or delete it.`, { location: { file: where } });
    }
    return h;
}
/**
 * Where a suite's baseline file lives under baselines/: perf-gate's, the common case, at `<suite>.json`; the other
 * gates' at `<gate>/<suite>.json`. Each file names its gate and suite, so a clash is an error, never a mix-up.
 */
function repoBaselinePath(gate, suite) {
    return gate === 'perf-gate' ? `${safe(suite)}.json` : `${gate}/${safe(suite)}.json`;
}
/** Baselines committed to the repository: baselines/<suite>.json (perf-gate) or baselines/<gate>/<suite>.json under the workspace. */
class RepoBaselineStore {
    displayDir;
    kind = 'repo';
    dir;
    /**
     * The folder is joined here, from the workspace given at run time: a literal path built from process.cwd()
     * at the call site is rewritten by the bundler into a path inside dist/.
     */
    constructor(workspace, displayDir = 'baselines') {
        this.displayDir = displayDir;
        this.dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, displayDir);
    }
    file(gate, suite) {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, ...repoBaselinePath(gate, suite).split('/'));
    }
    async load(gate, suite) {
        const file = this.file(gate, suite);
        const shown = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.join(this.displayDir, repoBaselinePath(gate, suite));
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return {};
            throw e;
        }
        return { history: parseHistory(text, shown, { gate, suite }), source: shown };
    }
    async save(history) {
        const file = this.file(history.gate, history.suite);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(history, null, 2)}\n`);
        return { location: file };
    }
}
/**
 * Baselines in the Actions cache. Cache entries are immutable, so each save gets a new key (run id and
 * attempt) and a restore takes the newest entry by key prefix: first of the same hardware fingerprint, then of
 * any hardware (the caller flags a foreign fingerprint). The cached file sits at a path relative to the
 * workspace because the path is part of the cache version and must be the same on every runner.
 */
class CacheBaselineStore {
    opts;
    kind = 'cache';
    constructor(opts) {
        this.opts = opts;
    }
    relPath(gate, suite) {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.join('.shipgate-baseline', `${gate}-${safe(suite)}.json`);
    }
    /** Key prefix; '/' cannot occur in a gate or suite name, so suite `a` never matches suite `a-b`'s entries. */
    prefix(gate, suite, fingerprint) {
        return `shipgate-baseline/${gate}/${suite}/${fingerprint === undefined ? '' : `${fingerprint}/`}`;
    }
    async inWorkspace(fn) {
        const prev = process.cwd();
        process.chdir(this.opts.workspace);
        try {
            return await fn();
        }
        finally {
            process.chdir(prev);
        }
    }
    async load(gate, suite) {
        const rel = this.relPath(gate, suite);
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.opts.workspace, rel);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(abs, { force: true });
        const sameHw = this.prefix(gate, suite, this.opts.fingerprint);
        const cache = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(110), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        const matched = await this.inWorkspace(() => cache.restoreCache([rel], sameHw, [sameHw, this.prefix(gate, suite)]));
        if (!matched)
            return {};
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs, 'utf8');
        return { history: parseHistory(text, `cache entry ${matched}`, { gate, suite }), source: `cache:${matched}` };
    }
    async save(history) {
        const rel = this.relPath(history.gate, history.suite);
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.opts.workspace, rel);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(abs), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(abs, `${JSON.stringify(history)}\n`);
        const key = `${this.prefix(history.gate, history.suite, this.opts.fingerprint)}${this.opts.runId}-${this.opts.runAttempt}`;
        const cache = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(110), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        const id = await this.inWorkspace(() => cache.saveCache([rel], key));
        if (id === -1)
            throw new Error(`the cache refused baseline ${key}`);
        return { location: `cache:${key}` };
    }
}
const noBaselineStore = {
    kind: 'none',
    load: () => Promise.resolve({}),
    save: () => Promise.reject(new Error('no baseline store is configured (baseline-store: none)')),
};


/***/ }),

/***/ 74296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
/**
 * Something the user must fix: bad input, a bad config file, a missing file. Reported as an `::error`
 * annotation on the file and line when known; the CLI exits 2. Everything else is a bug (exit 3).
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    location;
    field;
    constructor(message, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.location = opts.location;
        this.field = opts.field;
    }
}
function isConfigurationError(e) {
    return e instanceof ConfigurationError;
}
/** A message for any thrown value, including non-Error throws. */
function errorMessage(e) {
    if (e instanceof Error)
        return e.message;
    if (typeof e === 'string')
        return e;
    try {
        return JSON.stringify(e) ?? String(e);
    }
    catch {
        return String(e);
    }
}


/***/ }),

/***/ 72642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NK: () => (/* binding */ execCommand),
/* harmony export */   Qc: () => (/* binding */ childEnvironment),
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   fe: () => (/* binding */ killAllRunning)
/* harmony export */ });
/* unused harmony export runningCount */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33838);
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4434);





const DEFAULT_GRACE_MS = 2000;
const DEFAULT_TAIL_LINES = 40;
const MAX_LINE_CHARS = 4096;
const FAST_SCAN_MS = 100;
const SLOW_SCAN_MS = 1000;
const FAST_SCAN_PERIOD_MS = 3000;
const RELEASE_MARGIN_MS = 1000;
const TREE_POLL_MS = 25;
const onLinux = process.platform === 'linux';
const SAFE_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;
function quoteArg(arg) {
    if (SAFE_ARG.test(arg))
        return arg;
    return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function formatCommand(cmd) {
    return 'shell' in cmd ? cmd.shell : cmd.argv.map(quoteArg).join(' ');
}
let shellPath;
function shellArgv(script) {
    shellPath ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)('/bin/bash') ? '/bin/bash' : '/bin/sh';
    return [shellPath, '-c', script];
}
function readProc(pid) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    // The command name (field 2) may contain spaces and parentheses; the fields after it are plain.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [state, ppid, pgrp, start] = [fields[0], fields[1], fields[2], fields[19]];
    if (ppid === undefined || pgrp === undefined || start === undefined)
        return undefined;
    // Zombies are dead already; they linger only until their new parent reaps them.
    if (state === 'Z' || state === 'X')
        return undefined;
    return { ppid: Number(ppid), pgrp: Number(pgrp), start };
}
/** Live processes by pid; empty where /proc is not available. */
function scanProcesses() {
    const table = new Map();
    if (!onLinux)
        return table;
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc');
    }
    catch {
        return table;
    }
    for (const name of names) {
        if (!/^\d+$/.test(name))
            continue;
        const info = readProc(name);
        if (info !== undefined)
            table.set(Number(name), info);
    }
    return table;
}
/**
 * Every command gets a unique value of this variable. Descendants inherit it, so a process that left the
 * group and whose parent exited before a scan saw it is still recognised.
 */
const TREE_MARKER_VAR = 'SHIPGATE_PROCESS_TREE';
let markerCounter = 0;
function newMarker() {
    markerCounter += 1;
    return `${process.pid}-${markerCounter}-${Math.random().toString(36).slice(2, 10)}`;
}
function carriesMarker(pid, entry) {
    try {
        const environ = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/environ`, 'latin1');
        return environ.startsWith(entry) || environ.includes(`\0${entry}`);
    }
    catch {
        return false; // not ours to read, or gone
    }
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch {
        return false;
    }
}
function signalPid(pid, signal) {
    try {
        process.kill(pid, signal);
    }
    catch {
        // already gone
    }
}
/** A command's process group (pgid = its pid) plus descendants that left the group, e.g. via setsid. */
class ProcessTree {
    pid;
    /** Descendants seen so far, by pid, with their start times. */
    known = new Map();
    markerEntry;
    killTimer;
    constructor(pid, marker) {
        this.pid = pid;
        this.markerEntry = `${TREE_MARKER_VAR}=${marker}\0`;
    }
    /** Records descendants by following ppid links from the root and from every known live descendant. */
    update(table) {
        for (const [pid, start] of this.known) {
            if (table.get(pid)?.start !== start)
                this.known.delete(pid);
        }
        const children = new Map();
        for (const [pid, info] of table) {
            const list = children.get(info.ppid);
            if (list === undefined)
                children.set(info.ppid, [pid]);
            else
                list.push(pid);
        }
        const queue = [this.pid, ...this.known.keys()];
        for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
            for (const child of children.get(pid) ?? []) {
                const info = table.get(child);
                if (info === undefined || this.known.has(child))
                    continue;
                this.known.set(child, info.start);
                queue.push(child);
            }
        }
    }
    live(table) {
        const pids = [];
        for (const [pid, info] of table) {
            if (info.pgrp === this.pid || this.known.get(pid) === info.start)
                pids.push(pid);
        }
        return pids;
    }
    isAlive() {
        if (!onLinux)
            return signalGroup(this.pid, 0);
        const table = scanProcesses();
        this.update(table);
        return this.live(table).length > 0;
    }
    /** Sends `signal` to the whole tree; unless it is SIGKILL, follows up with SIGKILL after `graceMs`. */
    kill(signal, graceMs) {
        if (signal !== 'SIGKILL' && this.killTimer === undefined) {
            this.killTimer = setTimeout(() => this.kill('SIGKILL', 0), graceMs);
            this.killTimer.unref();
        }
        signalGroup(this.pid, signal);
        if (!onLinux)
            return;
        const table = scanProcesses();
        this.update(table);
        for (const [pid, info] of table) {
            if (pid === process.pid || info.pgrp === this.pid || this.known.has(pid))
                continue;
            if (carriesMarker(pid, this.markerEntry))
                this.known.set(pid, info.start);
        }
        for (const pid of this.live(table))
            signalPid(pid, signal);
    }
    /** Last resort when our own process exits: no scan, no timers. */
    killNow() {
        signalGroup(this.pid, 'SIGKILL');
        for (const pid of this.known.keys())
            signalPid(pid, 'SIGKILL');
    }
    dispose() {
        clearTimeout(this.killTimer);
    }
}
const running = new Set();
let scanTimer;
let exitHookInstalled = false;
/** Scans often while a command is young (short-lived children escape fast), then back off. */
function scheduleScan() {
    if (!onLinux || scanTimer !== undefined || running.size === 0)
        return;
    const youngest = Math.max(...[...running].map((r) => r.startedAt));
    const interval = node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() - youngest < FAST_SCAN_PERIOD_MS ? FAST_SCAN_MS : SLOW_SCAN_MS;
    scanTimer = setTimeout(() => {
        scanTimer = undefined;
        const table = scanProcesses();
        for (const r of running)
            r.tree.update(table);
        scheduleScan();
    }, interval);
    scanTimer.unref();
}
function register(r) {
    running.add(r);
    r.tree.update(scanProcesses());
    scheduleScan();
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
            for (const entry of running)
                entry.tree.killNow();
        });
    }
}
function unregister(r) {
    running.delete(r);
    if (running.size === 0) {
        clearTimeout(scanTimer);
        scanTimer = undefined;
    }
}
function runningCount() {
    return running.size;
}
/** Kills every live process tree started by `execCommand` and waits until those runs have finished. */
async function killAllRunning(signal = 'SIGTERM') {
    const entries = [...running];
    for (const r of entries)
        r.cancel(signal);
    await Promise.all(entries.map((r) => r.finished));
}
// ---- output handling ----
class Tail {
    max;
    lines = [];
    partial = new Map();
    constructor(max) {
        this.max = max;
    }
    push(source, chunk) {
        const parts = ((this.partial.get(source) ?? '') + chunk).split('\n');
        const rest = parts.pop() ?? '';
        for (const line of parts)
            this.add(line);
        // Keep an unterminated line bounded: anything past the cut is dropped when the line completes.
        this.partial.set(source, rest.length > MAX_LINE_CHARS + 1 ? rest.slice(0, MAX_LINE_CHARS + 1) : rest);
    }
    finish() {
        for (const rest of this.partial.values())
            if (rest !== '')
                this.add(rest);
        this.partial.clear();
        return [...this.lines];
    }
    add(raw) {
        if (this.max <= 0)
            return;
        let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        // Carriage returns redraw a line (progress bars); keep what a terminal would finally show.
        const cr = line.lastIndexOf('\r');
        if (cr >= 0)
            line = line.slice(cr + 1);
        if (line.length > MAX_LINE_CHARS)
            line = `${line.slice(0, MAX_LINE_CHARS)}…`;
        this.lines.push(line);
        if (this.lines.length > this.max)
            this.lines.shift();
    }
}
class LiveOutput {
    group;
    endsOpen = new Set();
    constructor(group) {
        this.group = group;
    }
    begin(display) {
        if (this.group === undefined)
            return;
        if (process.env.GITHUB_ACTIONS === 'true')
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .startGroup */ .Oh(this.group);
        else
            process.stdout.write(`── ${this.group} ──\n`);
        process.stdout.write(`$ ${display}\n`);
    }
    write(target, chunk) {
        target.write(chunk);
        if (chunk.endsWith('\n'))
            this.endsOpen.delete(target);
        else
            this.endsOpen.add(target);
    }
    end() {
        // A group marker must start on its own line.
        for (const target of this.endsOpen)
            target.write('\n');
        this.endsOpen.clear();
        if (this.group !== undefined && process.env.GITHUB_ACTIONS === 'true')
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .endGroup */ .N4();
    }
}
function startError(code, name, fallback) {
    switch (code) {
        case 'ENOENT':
            return `command not found: ${name}`;
        case 'EACCES':
            return `permission denied: ${name} (is it executable?)`;
        default:
            return `could not start ${name}: ${fallback}`;
    }
}
function notStarted(display, error, cancelled) {
    return {
        command: display,
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled,
        durationMs: 0,
        tail: [],
        failed: true,
        ...(error === undefined ? {} : { error }),
    };
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Variables a step's own processes must not inherit: the action's inputs (the GitHub token among them), saved
 * state, and the runner's credentials for the results service, the cache and OIDC. A plain `run:` step never sees
 * these; a suite or probe that a pull request can change must not either.
 */
const WITHHELD = [/^INPUT_/i, /^STATE_/, /^ACTIONS_RUNTIME_/, /^ACTIONS_RESULTS_URL$/, /^ACTIONS_CACHE_URL$/, /^ACTIONS_ID_TOKEN_REQUEST_/];
function childEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([k]) => !WITHHELD.some((re) => re.test(k))));
}
/**
 * Runs a command in its own process group and waits until it and everything it started are gone.
 * Processes it leaves behind when it exits are terminated too. Never throws for a failing command.
 */
async function execCommand(cmd, opts = {}) {
    const display = formatCommand(cmd);
    if (opts.signal?.aborted === true)
        return notStarted(display, undefined, true);
    if (opts.cwd !== undefined && !isDirectory(opts.cwd)) {
        return notStarted(display, `working directory not found: ${opts.cwd}`, false);
    }
    const [file, ...args] = 'shell' in cmd ? shellArgv(cmd.shell) : cmd.argv;
    const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
    const stream = opts.stream ?? true;
    const tail = new Tail(opts.tailLines ?? DEFAULT_TAIL_LINES);
    const captured = [];
    const live = new LiveOutput(stream ? opts.group : undefined);
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now();
    const marker = newMarker();
    live.begin(display);
    const subprocess = (0,execa__WEBPACK_IMPORTED_MODULE_4__/* .execa */ .Ho)(file, args, {
        cwd: opts.cwd,
        env: { ...((opts.extendEnv ?? true) ? childEnvironment(process.env) : {}), ...opts.env, [TREE_MARKER_VAR]: marker },
        extendEnv: false,
        detached: true,
        reject: false,
        buffer: false,
        stripFinalNewline: false,
        ...(opts.input === undefined ? { stdin: 'ignore' } : { input: opts.input }),
    });
    const watch = (source, target, keep) => {
        if (source === null)
            return;
        source.setEncoding('utf8');
        source.on('data', (chunk) => {
            tail.push(source, chunk);
            if (keep)
                captured.push(chunk);
            if (stream)
                live.write(target, chunk);
        });
    };
    watch(subprocess.stdout, process.stdout, opts.capture === true);
    watch(subprocess.stderr, process.stderr, false);
    const pid = subprocess.pid;
    let timedOut = false;
    let cancelled = false;
    let result;
    if (pid === undefined) {
        result = await subprocess;
    }
    else {
        const tree = new ProcessTree(pid, marker);
        let markFinished = () => undefined;
        // Once the command itself has exited, a late timeout or cancellation still cleans up its leftovers
        // but no longer changes its result.
        let exited = false;
        const entry = {
            tree,
            startedAt: started,
            cancel: (signal) => {
                if (!exited)
                    cancelled = true;
                tree.kill(signal, graceMs);
            },
            finished: new Promise((resolve) => (markFinished = resolve)),
        };
        register(entry);
        const timeout = opts.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                if (!exited)
                    timedOut = true;
                tree.kill('SIGTERM', graceMs);
            }, opts.timeoutMs);
        const onAbort = () => entry.cancel('SIGTERM');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        // Leftovers of an exited command would hold the output pipes open and outlive the step. If one
        // escaped unseen, stop reading after the grace period instead of waiting for it forever.
        let release;
        subprocess.once('exit', () => {
            exited = true;
            tree.kill('SIGTERM', graceMs);
            release = setTimeout(() => {
                subprocess.stdout?.destroy();
                subprocess.stderr?.destroy();
            }, graceMs + RELEASE_MARGIN_MS);
        });
        try {
            result = await subprocess;
            await waitForTree(tree, graceMs + RELEASE_MARGIN_MS);
        }
        finally {
            clearTimeout(timeout);
            clearTimeout(release);
            opts.signal?.removeEventListener('abort', onAbort);
            tree.dispose();
            unregister(entry);
            markFinished();
        }
    }
    live.end();
    const spawnFailed = result.exitCode === undefined && result.signal === undefined;
    const error = spawnFailed ? startError(result.code, file, result.originalMessage ?? 'unknown error') : undefined;
    const exitCode = result.exitCode ?? null;
    return {
        command: display,
        exitCode,
        signal: result.signal ?? null,
        timedOut,
        cancelled,
        durationMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() - started),
        tail: tail.finish(),
        ...(opts.capture === true ? { stdout: captured.join('') } : {}),
        failed: exitCode !== 0 || timedOut || cancelled,
        ...(error === undefined ? {} : { error }),
    };
}
/** Waits until the whole tree is gone; bounded, as the SIGKILL follow-up cannot end an unkillable process. */
async function waitForTree(tree, graceMs) {
    const deadline = node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() + graceMs;
    while (tree.isAlive() && node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() < deadline)
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_2__.setTimeout)(TREE_POLL_MS);
}


/***/ }),

/***/ 14888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ reportShell),
/* harmony export */   W: () => (/* binding */ saveRunBaseline)
/* harmony export */ });
/* harmony import */ var _baseline_history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(78891);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(327);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83544);



/** The boilerplate part of a Report, filled from the context. */
function reportShell(ctx) {
    return {
        schemaVersion: _report_model_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_SCHEMA_VERSION */ .WI,
        gate: ctx.gate,
        name: ctx.name,
        startedAt: ctx.startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        runner: ctx.runner,
        git: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .gitInfo */ .VT)(ctx.run),
    };
}
/** Appends this run's data to the suite's baseline history (bounded by ctx.historySize) and saves it; returns where. */
async function saveRunBaseline(ctx, data) {
    const { history } = await ctx.baselines.load(ctx.gate, ctx.name);
    const next = (0,_baseline_history_js__WEBPACK_IMPORTED_MODULE_2__/* .appendEntry */ .D4)(history ?? (0,_baseline_history_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyHistory */ .s4)(ctx.gate, ctx.name), {
        createdAt: new Date().toISOString(),
        fingerprint: ctx.runner.fingerprint ?? '',
        runner: ctx.runner,
        git: { ...(ctx.run.sha ? { sha: ctx.run.sha } : {}), ...(ctx.run.ref ? { ref: ctx.run.ref } : {}), ...(ctx.run.runId ? { runId: ctx.run.runId } : {}) },
        data,
    }, ctx.historySize);
    return (await ctx.baselines.save(next)).location;
}


/***/ }),

/***/ 83544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VT: () => (/* binding */ gitInfo),
/* harmony export */   i$: () => (/* binding */ isDefaultBranchPush),
/* harmony export */   pO: () => (/* binding */ runContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

function readEvent(path) {
    if (!path)
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function runContext(env = process.env) {
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const pr = event.pull_request;
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const ctx = {
        serverUrl,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        repository: env.GITHUB_REPOSITORY,
        event: env.GITHUB_EVENT_NAME,
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        owner: owner || undefined,
        repo: repo || undefined,
        defaultBranch: event.repository?.default_branch,
        checkSha: pr?.head?.sha ?? env.GITHUB_SHA,
    };
    if (pr) {
        ctx.pullRequest = pr.number;
        ctx.headSha = pr.head?.sha;
        ctx.baseRef = pr.base?.ref ?? env.GITHUB_BASE_REF;
        if (pr.base?.sha)
            ctx.baseSha = pr.base.sha;
        const head = pr.head?.repo?.full_name;
        const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
        ctx.fork = head !== undefined && base !== undefined && head !== base;
    }
    const wr = event.workflow_run;
    if (wr && typeof wr.id === 'number' && typeof wr.head_sha === 'string') {
        ctx.workflowRun = {
            id: wr.id,
            headSha: wr.head_sha,
            pullRequests: (wr.pull_requests ?? [])
                // GitHub may list pull requests of other repositories whose head is this branch: only this repository's count.
                .filter((p) => p.base?.repo?.url === undefined || p.base.repo.url.toLowerCase().endsWith(`/repos/${(env.GITHUB_REPOSITORY ?? '').toLowerCase()}`))
                .filter((p) => typeof p.number === 'number')
                .map((p) => ({ number: p.number, ...(p.head?.sha ? { headSha: p.head.sha } : {}) })),
            ...(wr.event ? { event: wr.event } : {}),
            ...(wr.conclusion ? { conclusion: wr.conclusion } : {}),
            ...(wr.head_repository?.full_name ? { headRepository: wr.head_repository.full_name } : {}),
        };
    }
    if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID)
        ctx.runUrl = `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    return ctx;
}
/** Only the fields that belong in report.json. */
function gitInfo(ctx) {
    const keys = ['sha', 'ref', 'repository', 'event', 'pullRequest', 'headSha', 'baseRef', 'runId', 'runAttempt'];
    const info = {};
    for (const k of keys)
        if (ctx[k] !== undefined)
            Object.assign(info, { [k]: ctx[k] });
    return info;
}
/** A push to the default branch: the run whose results become the baseline. */
function isDefaultBranchPush(ctx) {
    return ctx.event === 'push' && ctx.defaultBranch !== undefined && ctx.ref === `refs/heads/${ctx.defaultBranch}`;
}


/***/ }),

/***/ 44325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ consoleLogger),
/* harmony export */   v: () => (/* binding */ actionLogger)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);

function props(location) {
    if (!location)
        return undefined;
    return { file: location.file, startLine: location.line, endLine: location.endLine, startColumn: location.column };
}
const actionLogger = {
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    warning: (m, l) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, props(l)),
    error: (m, l) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m, props(l)),
    group: (name, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(name, fn),
};
function where(l) {
    if (!l)
        return '';
    return `${l.file}${l.line !== undefined ? `:${l.line}` : ''}: `;
}
function consoleLogger(opts = {}) {
    const out = opts.stream ?? process.stderr;
    return {
        info: (m) => out.write(`${m}\n`),
        debug: (m) => {
            if (opts.verbose)
                out.write(`debug: ${m}\n`);
        },
        warning: (m, l) => out.write(`warning: ${where(l)}${m}\n`),
        error: (m, l) => out.write(`error: ${where(l)}${m}\n`),
        group: async (name, fn) => {
            out.write(`── ${name}\n`);
            return fn();
        },
    };
}


/***/ }),

/***/ 8547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ stripControls),
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Gb: () => (/* binding */ escapeSummary),
/* harmony export */   UT: () => (/* binding */ truncateChars),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aL: () => (/* binding */ escapeTableCell),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   yA: () => (/* binding */ capText)
/* harmony export */ });
/* unused harmony export truncateUtf8 */
/**
 * Escaping of untrusted strings for each destination a report is rendered to, and size helpers.
 * GitHub links mentions and issue references on the rendered HTML text, so backslash escapes alone do not stop
 * them: a zero-width space is inserted after `@` and before the number of `#123` / `GH-123`.
 */
const ZWSP = '&#8203;';
// C0 controls except tab and newlines, DEL, C1 controls, and the bidi embeddings/overrides/isolates that can
// make text display differently from what it is.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n|[\r\u2028\u2029]/g;
const ANY_TO_CLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;
/** Removes control and bidi-override characters, normalises line breaks to `\n`, replaces lone surrogates. */
function stripControls(s) {
    if (!ANY_TO_CLEAN.test(s))
        return s;
    return s.replace(LINE_BREAK, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}
function byteLength(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** The longest prefix of `s` of at most `maxUnits` UTF-16 code units that does not split a surrogate pair. */
function truncateChars(s, maxUnits) {
    if (s.length <= maxUnits)
        return s;
    let end = Math.max(0, Math.floor(maxUnits));
    if (end > 0 && isHigh(s.charCodeAt(end - 1)) && isLow(s.charCodeAt(end)))
        end--;
    return s.slice(0, end);
}
/** The longest prefix of `s` whose UTF-8 encoding is at most `maxBytes` bytes; never splits a code point. */
function truncateUtf8(s, maxBytes) {
    if (s.length <= maxBytes / 3 || byteLength(s) <= maxBytes)
        return s;
    let bytes = 0;
    let i = 0;
    while (i < s.length) {
        const c = s.charCodeAt(i);
        let units = 1;
        let size;
        if (c < 0x80)
            size = 1;
        else if (c < 0x800)
            size = 2;
        else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
            size = 4;
            units = 2;
        }
        else
            size = 3; // BMP, or a lone surrogate (encoded as U+FFFD)
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        i += units;
    }
    return s.slice(0, i);
}
function isHigh(c) {
    return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c) {
    return c >= 0xdc00 && c <= 0xdfff;
}
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}
function collapseWhitespace(s) {
    return /[^\S ]| {2}/.test(s) ? s.replace(/\s+/g, ' ') : s;
}
// `$` starts GitHub math; the rest can open links, images, emphasis, headings, tables, code or strikethrough.
const INLINE = /[&<>"'\\*_[\]()#|~`$@-]/g;
const HTML_ONLY = /[&<>"'#@-]/g;
/**
 * Escapes character by character (so inserted entities are never rescanned). `@name` would ping a user or team,
 * `#1`, `owner/repo#1` and `GH-1` would link an issue: those get a zero-width space.
 */
function escapeChars(s, pattern, backslash) {
    const slash = backslash ? '\\' : '';
    return s.replace(pattern, (c, offset, all) => {
        const html = HTML[c];
        if (html !== undefined)
            return html;
        const next = all.charCodeAt(offset + 1);
        switch (c) {
            case '@':
                return isAlnum(next) ? `@${ZWSP}` : '@';
            case '#':
                return `${slash}#${isDigit(next) ? ZWSP : ''}`;
            case '-':
                return isDigit(next) && afterGh(all, offset) ? `-${ZWSP}` : '-';
            default:
                return `${slash}${c}`;
        }
    });
}
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
function isAlnum(c) {
    return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** Whether `GH` (any case) ends right before `offset` and starts a word. */
function afterGh(s, offset) {
    if (offset < 2 || (s.charCodeAt(offset - 1) | 0x20) !== 0x68 || (s.charCodeAt(offset - 2) | 0x20) !== 0x67)
        return false;
    const before = s.charCodeAt(offset - 3);
    return offset === 2 || !(isAlnum(before) || before === 0x5f);
}
/** One line of markdown text: every character that could form markup is escaped; newlines become spaces. */
function escapeInline(s) {
    return escapeChars(collapseWhitespace(stripControls(s)), INLINE, true);
}
/**
 * A paragraph-safe multi-line text block: each line is escaped inline, stripped of the indentation that would
 * make a code block, and kept from starting a list, heading or thematic break; lines end in `<br>`, blank lines
 * separate paragraphs.
 */
function escapeText(s) {
    const paragraphs = [];
    let lines = [];
    for (const raw of stripControls(s).split('\n')) {
        const line = escapeInline(raw).trim();
        if (line === '') {
            if (lines.length > 0)
                paragraphs.push(lines.join('<br>\n'));
            lines = [];
            continue;
        }
        lines.push(line.replace(/^[-+=]/, '\\$&').replace(/^([0-9]{1,9})\./, '$1\\.'));
    }
    if (lines.length > 0)
        paragraphs.push(lines.join('<br>\n'));
    return paragraphs.join('\n\n');
}
/** A GitHub markdown table cell: escaped inline (including `|`), newlines as `<br>`. */
function escapeTableCell(s) {
    const cleaned = stripControls(s);
    if (!cleaned.includes('\n'))
        return escapeInline(cleaned).trim();
    return cleaned
        .split('\n')
        .map((line) => escapeInline(line).trim())
        .filter((line) => line !== '')
        .join('<br>');
}
/** Text inside `<summary>`, an HTML block where markdown is not parsed: HTML-escaped, one line. */
function escapeSummary(s) {
    return escapeChars(collapseWhitespace(stripControls(s)).trim(), HTML_ONLY, false);
}
/** A fenced code block whose fence is longer than any backtick run in the content, so it cannot be closed early. */
function codeBlock(text, lang) {
    const body = stripControls(text).replace(/\n+$/, '');
    let longest = 0;
    for (const run of body.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const info = (lang ?? '').replace(/[^A-Za-z0-9_+#.-]/g, '').slice(0, 32);
    return `${fence}${info}\n${body}${body === '' ? '' : '\n'}${fence}`;
}
/** Plain text without control characters, capped with a trailing `…` when cut. */
function plainText(s, opts = {}) {
    const cleaned = stripControls(s);
    const text = (opts.multiline === true ? cleaned.replace(/[^\S\n]+/g, ' ') : collapseWhitespace(cleaned)).trim();
    return capText(text, opts.maxChars ?? Infinity, opts.maxBytes ?? Infinity);
}
/** `text`, or its longest prefix that fits with an appended `…` within both caps. */
function capText(text, maxChars, maxBytes) {
    if (text.length <= maxChars && (maxBytes === Infinity || byteLength(text) <= maxBytes))
        return text;
    if (maxChars < 1 || maxBytes < 3)
        return '';
    return `${truncateUtf8(truncateChars(text, maxChars - 1), maxBytes - 3).trimEnd()}…`;
}


/***/ }),

/***/ 50639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $H: () => (/* binding */ assertValidReport),
  t4: () => (/* binding */ writeReportFiles)
});

// UNUSED EXPORTS: REPORT_FILES

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/schema.ts
var schema = __webpack_require__(12032);
// EXTERNAL MODULE: ./src/core/schema-files.ts
var schema_files = __webpack_require__(80674);
// EXTERNAL MODULE: ./src/core/report/model.ts
var model = __webpack_require__(327);
;// CONCATENATED MODULE: ./src/core/report/render-junit.ts

// Characters outside XML 1.0's Char production (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
function xmlText(s) {
    return s.replace(ILLEGAL_XML, '').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}
function xmlAttr(s) {
    return s.replace(ILLEGAL_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}
function attrs(values) {
    return Object.entries(values)
        .filter((e) => e[1] !== undefined)
        .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
        .join('');
}
function seconds(start, end) {
    const ms = Date.parse(end) - Date.parse(start);
    return Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : undefined;
}
function firstLine(s) {
    const line = s.trim().split(/\r\n|\r|\n/, 1)[0] ?? '';
    return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
}
function testcase(f, gate) {
    const head = `    <testcase${attrs({ classname: gate, name: f.title, file: f.location?.file, line: f.location?.line })}`;
    const body = [];
    if (f.status === 'fail')
        body.push(`      <failure${attrs({ message: firstLine(f.message), type: f.severity })}/>`);
    else if (f.status === 'skip' || f.status === 'inconclusive')
        body.push(`      <skipped${attrs({ message: f.status })}/>`);
    if (f.message !== '')
        body.push(`      <system-out>${xmlText(f.message)}</system-out>`);
    return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}
/** The report as a JUnit XML document: one test suite for the gate run, one test case per finding. */
function renderJUnit(report) {
    const failures = report.findings.filter((f) => f.status === 'fail').length;
    const skipped = report.findings.filter((f) => f.status === 'skip' || f.status === 'inconclusive').length;
    const counts = { tests: report.findings.length, failures, errors: 0, skipped };
    const time = seconds(report.startedAt, report.finishedAt);
    const suite = attrs({ name: (0,model/* checkRunName */.$_)(report.gate, report.name), ...counts, timestamp: report.startedAt, time });
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attrs({ name: 'shipgate', ...counts, time })}>`,
        `  <testsuite${suite}>`,
        '    <properties>',
        `      <property${attrs({ name: 'verdict', value: report.verdict })}/>`,
        `      <property${attrs({ name: 'summary', value: report.summary })}/>`,
        '    </properties>',
        ...report.findings.map((f) => testcase(f, report.gate)),
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/core/report/render-html.ts
var render_html = __webpack_require__(87720);
// EXTERNAL MODULE: ./src/core/report/render-markdown.ts
var render_markdown = __webpack_require__(39108);
;// CONCATENATED MODULE: ./src/core/report/files.ts







const REPORT_FILES = { json: 'report.json', markdown: 'report.md', junit: 'junit.xml', html: 'report.html' };
/** Check a report against the published schema; a failure here is a bug in the gate, not the user's input. */
function assertValidReport(report) {
    const validate = (0,schema/* getValidator */.b)((0,schema_files/* loadSchema */.e)('report.schema.json'));
    if (!validate(report)) {
        const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
        throw new Error(`internal error: the report does not match schemas/report.schema.json: ${errs}`);
    }
}
/** Folders deeper than this below the report directory are not searched for charts. */
const MAX_CHART_DEPTH = 8;
/** Relative paths (with `/`) of the `*.svg` files under dir, sorted; links are not followed. */
async function findSvgs(dir) {
    const out = [];
    const walk = async (rel, depth) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(external_node_path_default().join(dir, rel), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            const child = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory() && depth < MAX_CHART_DEPTH)
                await walk(child, depth + 1);
            else if (e.isFile() && e.name.toLowerCase().endsWith('.svg'))
                out.push(child);
        }
    };
    await walk('', 0);
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** At most one byte more than a chart may have: a larger file is refused by its size without being read whole. */
async function readCapped(file) {
    const fh = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(render_html/* MAX_CHART_BYTES */.it + 1);
        let n = 0;
        while (n < buf.length) {
            const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
            if (bytesRead === 0)
                break;
            n += bytesRead;
        }
        return buf.subarray(0, n).toString('utf8');
    }
    finally {
        await fh.close();
    }
}
/** The report directory's charts, by relative path; beyond the number embedded only their names are kept. */
async function chartsIn(dir) {
    const names = await findSvgs(dir);
    const out = [];
    for (const [i, name] of names.entries()) {
        let svg = '';
        if (i < render_html/* MAX_CHARTS */.tp) {
            try {
                svg = await readCapped(external_node_path_default().join(dir, ...name.split('/')));
            }
            catch {
                svg = '';
            }
        }
        out.push({ name, svg });
    }
    return out;
}
/**
 * Write report.json, the full (unbudgeted) markdown, JUnit XML and a self-contained report.html (embedding every
 * `*.svg` found under dir) into dir. Returns report.json's path.
 */
async function writeReportFiles(report, dir) {
    assertValidReport(report);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const jsonPath = external_node_path_default().join(dir, REPORT_FILES.json);
    await (0,promises_.writeFile)(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    await (0,promises_.writeFile)(external_node_path_default().join(dir, REPORT_FILES.markdown), (0,render_markdown/* renderMarkdown */.Gc)(report, {}));
    await (0,promises_.writeFile)(external_node_path_default().join(dir, REPORT_FILES.junit), renderJUnit(report));
    await (0,promises_.writeFile)(external_node_path_default().join(dir, REPORT_FILES.html), (0,render_html/* renderHtml */.K2)(report, { charts: await chartsIn(dir) }));
    return jsonPath;
}


/***/ }),

/***/ 327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ checkRunName),
/* harmony export */   H1: () => (/* binding */ conclusionFor),
/* harmony export */   JH: () => (/* binding */ GATES),
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   WI: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   bk: () => (/* binding */ VERDICTS),
/* harmony export */   zP: () => (/* binding */ worstVerdict)
/* harmony export */ });
/**
 * The Report: what every gate computes and every sink renders. It is also, serialised, the public
 * `report.json` contract (schemas/report.schema.json) that other gates and the fork-safe report mode read.
 */
const REPORT_SCHEMA_VERSION = 1;
const GATES = ['perf-gate', 'chaos-run', 'model-validate', 'readiness-checklist'];
const VERDICTS = ['pass', 'warn', 'fail', 'inconclusive', 'error'];
/** Verdict precedence: the worse of two verdicts. */
const ORDER = { pass: 0, warn: 1, inconclusive: 2, fail: 3, error: 4 };
function worstVerdict(...verdicts) {
    return verdicts.reduce((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'pass');
}
/** Check-run conclusion for a verdict: fail and error block a required check, the rest do not. */
function conclusionFor(verdict) {
    switch (verdict) {
        case 'pass':
            return 'success';
        case 'fail':
        case 'error':
            return 'failure';
        case 'warn':
        case 'inconclusive':
            return 'neutral';
    }
}
function checkRunName(gate, name) {
    return `shipgate/${gate} (${name})`;
}
/** The hidden marker of a gate's sticky comment. Only [A-Za-z0-9._-] survive so it cannot break out of the comment. */
function commentMarker(gate, name) {
    const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return `<!-- shipgate:${gate}:${safe} -->`;
}


/***/ }),

/***/ 87720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ renderHtml),
/* harmony export */   Kn: () => (/* binding */ documentHead),
/* harmony export */   it: () => (/* binding */ MAX_CHART_BYTES),
/* harmony export */   tp: () => (/* binding */ MAX_CHARTS)
/* harmony export */ });
/* unused harmony exports parseXyChart, drawXyChart, sanitizeSvg */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8547);
/**
 * report.html: one self-contained page of a Report, for the report directory. It runs no script and loads
 * nothing: one inline stylesheet, Mermaid `xychart-beta` blocks drawn as inline SVG, and the chart SVGs of the
 * report directory embedded after a check that they reference nothing outside themselves.
 *
 * Every string of the report is untrusted: escaped for HTML, with `://` written as `&#58;//` so that no URL
 * appears in the page's source.
 */

/** Most charts embedded; the rest are listed by name. */
const MAX_CHARTS = 30;
/** Largest chart SVG embedded, in bytes. */
const MAX_CHART_BYTES = 2 * 1024 * 1024;
/** HTML-escaped text without control characters, and without a literal `scheme://`. */
function esc(s) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .stripControls */ .$Y)(s)).replace(/:\/\//g, '&#58;//');
}
const VERDICT_LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', inconclusive: 'INCONCLUSIVE', error: 'ERROR' };
const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--zebra:#f6f8fa;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inconclusive:#6e7781;--error:#82071e;--skip:#8c959f}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6em;margin:0 0 8px;display:flex;flex-wrap:wrap;align-items:center;gap:12px}
h2{font-size:1.25em;margin:32px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h1 .suite{color:var(--muted);font-weight:normal}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-size:.7em;font-weight:600;letter-spacing:.04em;vertical-align:middle}
.badge.pass{background:var(--pass)}.badge.warn{background:var(--warn)}.badge.fail{background:var(--fail)}.badge.inconclusive{background:var(--inconclusive)}.badge.error{background:var(--error)}
.summary{font-size:1.1em;margin:4px 0 16px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px;font-size:.93em}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
nav.files{font-size:.9em;color:var(--muted)}nav.files a{color:#0969da;margin-right:12px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.9em;display:block;overflow-x:auto}
th,td{border:1px solid var(--border);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--zebra);font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:var(--zebra)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.center,th.center{text-align:center}
tr.s-fail td:first-child{box-shadow:inset 3px 0 var(--fail)}tr.s-warn td:first-child{box-shadow:inset 3px 0 var(--warn)}
tr.s-inconclusive td:first-child{box-shadow:inset 3px 0 var(--inconclusive)}tr.s-pass td:first-child{box-shadow:inset 3px 0 var(--pass)}
.st{font-weight:600}.st.pass{color:var(--pass)}.st.warn{color:var(--warn)}.st.fail{color:var(--fail)}.st.inconclusive{color:var(--inconclusive)}.st.skip{color:var(--skip)}
pre{background:var(--zebra);border:1px solid var(--border);border-radius:6px;padding:8px 12px;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
details{margin:8px 0;border:1px solid var(--border);border-radius:6px;padding:4px 12px}
details>summary{cursor:pointer;font-weight:600;padding:4px 0}
.note{color:var(--muted);font-style:italic}
figure{margin:16px 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9em;margin-top:4px}
svg.xy text{font:11px system-ui,sans-serif;fill:#1f2328}svg.xy .axis{stroke:#59636e}svg.xy .grid{stroke:#e1e4e8}
@media print{body{font-size:11pt}main{max-width:none;padding:0}nav.files{display:none}details{border:none;padding:0}
table{display:table;overflow:visible}tr,figure,pre{break-inside:avoid}.badge{border:1px solid #000;color:#000;background:none!important}}
`;
/**
 * The opening of every page shipgate writes, up to `</head>`: the title (already escaped) and the inline style, under
 * a Content-Security-Policy that lets no page fetch or run anything, even markup that got past the escaping.
 */
function documentHead(titleHtml, style) {
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${titleHtml}</title>`,
        `<style>${style}</style>`,
        '</head>',
    ];
}
/** The report as a complete, self-contained HTML5 document. */
function renderHtml(report, opts = {}) {
    const title = `${report.gate} (${report.name}): ${report.verdict}`;
    const parts = [
        ...documentHead(esc(title), STYLE),
        '<body>',
        '<main>',
        header(report),
        findingsSection(report.findings),
        ...report.sections.map(sectionHtml),
        chartsSection(opts.charts ?? []),
        '</main>',
        '</body>',
        '</html>',
    ];
    return `${parts.filter((p) => p !== '').join('\n')}\n`;
}
function header(r) {
    const facts = [
        ['started', r.startedAt],
        ['finished', r.finishedAt],
    ];
    const duration = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000;
    if (Number.isFinite(duration) && duration >= 0)
        facts.push(['duration', `${duration.toFixed(1)} s`]);
    const ru = r.runner;
    if (ru.name)
        facts.push(['runner', ru.name]);
    facts.push(['OS / arch', `${ru.os} / ${ru.arch}`]);
    if (ru.cpuModel)
        facts.push(['CPU', ru.cpuModel]);
    for (const [i, g] of (ru.gpus ?? []).entries()) {
        const extra = [g.driver ? `driver ${g.driver}` : '', g.cuda ? `CUDA ${g.cuda}` : '', g.memoryMiB !== undefined ? `${g.memoryMiB} MiB` : ''].filter(Boolean).join(', ');
        facts.push([`GPU ${i}`, extra ? `${g.name} (${extra})` : g.name]);
    }
    if (ru.fingerprint)
        facts.push(['fingerprint', ru.fingerprint]);
    const g = r.git;
    if (g.repository)
        facts.push(['repository', g.repository]);
    if (g.ref)
        facts.push(['ref', g.ref]);
    if (g.sha)
        facts.push(['commit', g.sha]);
    if (g.headSha && g.headSha !== g.sha)
        facts.push(['head commit', g.headSha]);
    if (g.pullRequest !== undefined)
        facts.push(['pull request', String(g.pullRequest)]);
    if (g.baseRef)
        facts.push(['base', g.baseRef]);
    if (g.event)
        facts.push(['event', g.event]);
    if (g.runId)
        facts.push(['run', g.runAttempt ? `${g.runId} (attempt ${g.runAttempt})` : g.runId]);
    const verdict = VERDICT_LABEL[r.verdict] ? r.verdict : 'error';
    return [
        '<header>',
        `<h1><span>${esc(r.gate)}</span> <span class="suite">${esc(r.name)}</span> <span class="badge ${verdict}">${esc(VERDICT_LABEL[verdict])}</span></h1>`,
        `<p class="summary">${esc(r.summary)}</p>`,
        `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
        '<nav class="files">Files: <a href="report.json">report.json</a><a href="report.md">report.md</a><a href="junit.xml">junit.xml</a></nav>',
        '</header>',
    ].join('\n');
}
function findingsSection(findings) {
    if (findings.length === 0)
        return '<section id="findings"><h2>Findings</h2><p class="note">No findings.</p></section>';
    const rows = findings.map((f) => {
        const loc = f.location ? `${f.location.file}${f.location.line !== undefined ? `:${f.location.line}` : ''}${f.location.endLine !== undefined ? `-${f.location.endLine}` : ''}` : '';
        return `<tr class="s-${cls(f.status)}"><td><span class="st ${cls(f.status)}">${esc(f.status)}</span></td><td>${esc(f.severity)}</td><td>${esc(f.title)}</td><td>${multiline(f.message)}</td><td>${esc(loc)}</td></tr>`;
    });
    return [
        `<section id="findings"><h2>Findings (${findings.length})</h2>`,
        '<table><thead><tr><th>status</th><th>severity</th><th>title</th><th>message</th><th>location</th></tr></thead>',
        `<tbody>${rows.join('\n')}</tbody></table>`,
        '</section>',
    ].join('\n');
}
/** A class name from a fixed set of words (anything else becomes `other`). */
function cls(s) {
    return /^(pass|fail|warn|skip|inconclusive|error)$/.test(s) ? s : 'other';
}
function multiline(s) {
    return esc(s).replace(/\n/g, '<br>');
}
function sectionHtml(s) {
    const body = s.blocks.map(blockHtml).join('\n');
    const heading = `<h2>${esc(s.title)}</h2>`;
    if (s.collapsed)
        return `<section>${heading}\n<details><summary>${esc(s.title)}</summary>\n${body}\n</details></section>`;
    return `<section>${heading}\n${body}\n</section>`;
}
function blockHtml(b) {
    switch (b.type) {
        case 'text':
            return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .stripControls */ .$Y)(b.text)
                .split(/\n\s*\n/)
                .filter((p) => p.trim() !== '')
                .map((p) => `<p>${multiline(p.trim())}</p>`)
                .join('\n');
        case 'table':
            return tableHtml(b.columns, b.rows, b.align);
        case 'code':
            return `<pre><code>${esc(b.text)}</code></pre>`;
        case 'details':
            return `<details><summary>${esc(b.summary)}</summary>\n${b.blocks.map(blockHtml).join('\n')}\n</details>`;
        case 'markdown':
            return markdownHtml(b.markdown);
    }
}
const NUMERIC = /^[+-−]?[\d.,]+(e[+-]?\d+)?\s*(%|[a-zµμ°/]{0,8}(\/s)?)?$/i;
/** Alignment per column: as given, else right where every non-empty cell is a number (with an optional unit). */
function alignments(columns, rows, align) {
    return columns.map((_, i) => {
        const given = align?.[i];
        if (given)
            return given;
        const cells = rows.map((r) => (r.cells[i] ?? '').trim()).filter((c) => c !== '' && c !== '—' && c !== '-');
        return cells.length > 0 && cells.every((c) => NUMERIC.test(c)) ? 'right' : 'left';
    });
}
function alignClass(a) {
    return a === 'right' ? ' class="num"' : a === 'center' ? ' class="center"' : '';
}
function tableHtml(columns, rows, align) {
    const al = alignments(columns, rows, align);
    const head = columns.map((c, i) => `<th${alignClass(al[i] ?? 'left')}>${esc(c)}</th>`).join('');
    const body = rows.map((r) => {
        const cells = columns.map((_, i) => `<td${alignClass(al[i] ?? 'left')}>${multiline(r.cells[i] ?? '')}</td>`).join('');
        return `<tr${r.status ? ` class="s-${cls(r.status)}"` : ''}>${cells}</tr>`;
    });
    return `<table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}
// ---------------------------------------------------------------------------------------------------------------
// Markdown blocks: Mermaid charts drawn, everything else shown as written.
const OTHER_MERMAID_NOTE = '<p class="note">A diagram is shown in the PR comment; its chart is among the charts below.</p>';
function markdownHtml(md) {
    const out = [];
    const lines = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .stripControls */ .$Y)(md).split('\n');
    let text = [];
    const flush = () => {
        if (text.join('').trim() !== '')
            out.push(`<pre>${esc(text.join('\n'))}</pre>`);
        text = [];
    };
    for (let i = 0; i < lines.length; i++) {
        const open = /^\s{0,3}(`{3,}|~{3,})\s*mermaid\s*$/i.exec(lines[i] ?? '');
        if (!open?.[1]) {
            text.push(lines[i] ?? '');
            continue;
        }
        const fence = open[1];
        let end = i + 1;
        while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence))
            end++;
        flush();
        const body = lines.slice(i + 1, end);
        const first = body.find((l) => l.trim() !== '')?.trim() ?? '';
        if (/^xychart-beta\b/.test(first)) {
            const chart = parseXyChart(body);
            out.push(chart ? drawXyChart(chart) : `<pre>${esc(body.join('\n'))}</pre>`);
        }
        else
            out.push(OTHER_MERMAID_NOTE);
        i = end;
    }
    flush();
    return out.join('\n');
}
const MAX_SERIES = 12;
const MAX_VALUES = 1000;
/** Parses the lines of an `xychart-beta` block (after the fence); undefined when it holds no series. */
function parseXyChart(lines) {
    const chart = { series: [] };
    for (const raw of lines) {
        const line = raw.trim();
        let m;
        if ((m = /^title\s+(.*)$/.exec(line)))
            chart.title = unquote(m[1] ?? '');
        else if ((m = /^x-axis\b\s*(.*)$/.exec(line))) {
            const { label, rest } = leadingLabel(m[1] ?? '');
            if (label !== undefined)
                chart.xLabel = label;
            const list = /^\[(.*)\]$/.exec(rest);
            const range = parseRange(rest);
            if (list)
                chart.categories = splitList(list[1] ?? '').slice(0, MAX_VALUES);
            else if (range)
                chart.xRange = range;
        }
        else if ((m = /^y-axis\b\s*(.*)$/.exec(line))) {
            const { label, rest } = leadingLabel(m[1] ?? '');
            if (label !== undefined)
                chart.yLabel = label;
            const range = parseRange(rest);
            if (range)
                chart.yRange = range;
        }
        else if ((m = /^(line|bar)\b\s*(.*)$/.exec(line))) {
            const { label, rest } = leadingLabel(m[2] ?? '');
            const list = /^\[(.*)\]$/.exec(rest);
            if (!list || chart.series.length >= MAX_SERIES)
                continue;
            const values = splitList(list[1] ?? '')
                .slice(0, MAX_VALUES)
                .map((v) => (v.trim() === '' ? NaN : Number(v)));
            chart.series.push({ kind: m[1] === 'bar' ? 'bar' : 'line', ...(label !== undefined ? { name: label } : {}), values });
        }
    }
    return chart.series.length ? chart : undefined;
}
function unquote(s) {
    const t = s.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
/** A quoted label (or one unquoted word not starting a list or range) before the rest of an axis or series line. */
function leadingLabel(s) {
    const t = s.trim();
    const q = /^"([^"]*)"\s*(.*)$/.exec(t);
    if (q)
        return { label: q[1] ?? '', rest: (q[2] ?? '').trim() };
    const w = /^([^\s["\d+-.][^\s[]*)\s*(.*)$/.exec(t);
    if (w)
        return { label: w[1] ?? '', rest: (w[2] ?? '').trim() };
    return { rest: t };
}
function parseRange(s) {
    const m = /^([+-]?[\d.]+(?:e[+-]?\d+)?)\s*-->\s*([+-]?[\d.]+(?:e[+-]?\d+)?)$/i.exec(s.trim());
    if (!m)
        return undefined;
    const a = Number(m[1]);
    const b = Number(m[2]);
    return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}
/** Comma-separated items, each optionally in double quotes. */
function splitList(s) {
    const out = [];
    const re = /\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/y;
    let m;
    while (re.lastIndex < s.length && (m = re.exec(s))) {
        out.push(m[1] ?? (m[2] ?? '').trim());
        if (m[0] === '')
            break;
    }
    return out;
}
const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d', '#ff9da6', '#bab0ac', '#79706e', '#d67195'];
/** Evenly spaced, round tick values covering [lo, hi]. */
function niceTicks(lo, hi, count = 5) {
    const span = hi - lo;
    const raw = span / Math.max(1, count);
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => span / s <= count) ?? 10 * mag;
    const out = [];
    for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9 && out.length < 50; v += step)
        out.push(Number(v.toPrecision(12)));
    return out;
}
function fmt(v) {
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3))
        return v.toExponential(2);
    return String(Number(v.toPrecision(6)));
}
function clip(s, max) {
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** An `xychart-beta` chart as an inline SVG line/bar chart. */
function drawXyChart(c) {
    const n = Math.max(c.categories?.length ?? 0, ...c.series.map((s) => s.values.length), 1);
    const labels = Array.from({ length: n }, (_, i) => {
        if (c.categories)
            return c.categories[i] ?? '';
        if (c.xRange)
            return fmt(n === 1 ? c.xRange[0] : c.xRange[0] + ((c.xRange[1] - c.xRange[0]) * i) / (n - 1));
        return String(i + 1);
    });
    const bars = c.series.filter((s) => s.kind === 'bar');
    const values = c.series.flatMap((s) => s.values).filter(Number.isFinite);
    let [lo, hi] = c.yRange ?? [Math.min(...values, bars.length ? 0 : Infinity), Math.max(...values, bars.length ? 0 : -Infinity)];
    if (!Number.isFinite(lo) || !Number.isFinite(hi))
        [lo, hi] = [0, 1];
    if (hi < lo)
        [lo, hi] = [hi, lo];
    if (hi === lo)
        [lo, hi] = [lo - 0.5, hi + 0.5];
    const named = c.series.filter((s) => s.name);
    const W = 720;
    const H = 340;
    const left = 64;
    const right = 16;
    const top = c.title ? 36 : 16;
    const legend = named.length ? 22 : 0;
    const rotate = n > 8 || labels.some((l) => l.length > 6);
    const bottom = (rotate ? 64 : 36) + (c.xLabel ? 18 : 0) + legend;
    const pw = W - left - right;
    const ph = H - top - bottom;
    const band = pw / n;
    const xAt = (i) => left + band * (i + 0.5);
    const yAt = (v) => top + ph - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * ph;
    const r = (v) => Number(v.toFixed(2));
    const out = [];
    const label = c.title ?? 'chart';
    out.push(`<svg class="xy" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(clip(label, 200))}">`);
    if (c.title)
        out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-weight="600" style="font-size:14px">${esc(clip(c.title, 100))}</text>`);
    for (const t of niceTicks(lo, hi)) {
        const y = r(yAt(t));
        out.push(`<line class="grid" x1="${left}" x2="${left + pw}" y1="${y}" y2="${y}"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${esc(fmt(t))}</text>`);
    }
    out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + ph}"/><line class="axis" x1="${left}" x2="${left + pw}" y1="${top + ph}" y2="${top + ph}"/>`);
    const every = Math.max(1, Math.ceil(n / 30));
    for (let i = 0; i < n; i += every) {
        const x = r(xAt(i));
        const text = esc(clip(labels[i] ?? '', 24));
        out.push(rotate
            ? `<text x="${x}" y="${top + ph + 12}" text-anchor="end" transform="rotate(-40 ${x} ${top + ph + 12})">${text}</text>`
            : `<text x="${x}" y="${top + ph + 16}" text-anchor="middle">${text}</text>`);
    }
    if (c.xLabel)
        out.push(`<text x="${left + pw / 2}" y="${H - legend - 6}" text-anchor="middle">${esc(clip(c.xLabel, 100))}</text>`);
    if (c.yLabel)
        out.push(`<text x="14" y="${top + ph / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + ph / 2})">${esc(clip(c.yLabel, 60))}</text>`);
    const base = yAt(Math.min(hi, Math.max(lo, 0)));
    const bw = (band * 0.8) / Math.max(1, bars.length);
    c.series.forEach((s, k) => {
        const color = PALETTE[k % PALETTE.length] ?? '#4c78a8';
        const name = s.name ? ` data-series="${esc(clip(s.name, 100))}"` : '';
        if (s.kind === 'bar') {
            const b = bars.indexOf(s);
            s.values.forEach((v, i) => {
                if (!Number.isFinite(v) || i >= n)
                    return;
                const y = yAt(v);
                const x = xAt(i) - band * 0.4 + b * bw;
                out.push(`<rect class="bar" x="${r(x)}" y="${r(Math.min(y, base))}" width="${r(Math.max(1, bw - 1))}" height="${r(Math.abs(base - y))}" fill="${color}"><title>${esc(clip(labels[i] ?? '', 60))}: ${esc(fmt(v))}</title></rect>`);
            });
            return;
        }
        const pts = s.values.slice(0, n).map((v, i) => (Number.isFinite(v) ? `${r(xAt(i))},${r(yAt(v))}` : ''));
        // Non-finite values break the line.
        for (const run of pts.join(' ').split(/\s{2,}/)) {
            if (run.trim() !== '')
                out.push(`<polyline class="line"${name} fill="none" stroke="${color}" stroke-width="2" points="${run.trim()}"/>`);
        }
        s.values.forEach((v, i) => {
            if (Number.isFinite(v) && i < n)
                out.push(`<circle class="point" cx="${r(xAt(i))}" cy="${r(yAt(v))}" r="3" fill="${color}"><title>${esc(clip(labels[i] ?? '', 60))}: ${esc(fmt(v))}</title></circle>`);
        });
    });
    if (named.length) {
        let x = left;
        const y = H - 8;
        c.series.forEach((s, k) => {
            if (!s.name)
                return;
            const color = PALETTE[k % PALETTE.length] ?? '#4c78a8';
            const text = clip(s.name, 40);
            out.push(`<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${color}"/><text x="${x + 14}" y="${y}">${esc(text)}</text>`);
            x += 24 + text.length * 6.5;
        });
    }
    out.push('</svg>');
    return `<figure class="xychart">${out.join('')}</figure>`;
}
// ---------------------------------------------------------------------------------------------------------------
// Embedded chart SVGs
const SVG_ELEMENTS = new Set([
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'textpath', 'clippath', 'mask', 'pattern', 'lineargradient', 'radialgradient', 'stop', 'marker', 'style', 'a', 'switch',
    'filter', 'feblend', 'fecolormatrix', 'fecomponenttransfer', 'fecomposite', 'feconvolvematrix', 'fediffuselighting', 'fedisplacementmap',
    'fedistantlight', 'fedropshadow', 'feflood', 'fefunca', 'fefuncb', 'fefuncg', 'fefuncr', 'fegaussianblur', 'femerge', 'femergenode',
    'femorphology', 'feoffset', 'fepointlight', 'fespecularlighting', 'fespotlight', 'fetile', 'feturbulence',
]);
const BASIC_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Attribute values and style text as a browser reads them; undefined where an unknown named reference makes that uncertain. */
function decodeRefs(s) {
    let unknown = false;
    const out = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (all, ref) => {
        if (ref.startsWith('#')) {
            const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
            return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
        }
        const basic = BASIC_ENTITIES[ref.toLowerCase()];
        if (basic === undefined || !all.endsWith(';'))
            unknown = true;
        return basic ?? all;
    });
    return unknown ? undefined : out;
}
/** Why CSS text (a style attribute or element) is unsafe, or undefined. */
function unsafeCss(css) {
    if (css.includes('\\'))
        return 'an escape in CSS';
    if (/@/.test(css))
        return 'an at-rule in CSS';
    if (/expression\s*\(/i.test(css))
        return 'a CSS expression';
    // image-set() and friends take plain strings as URLs.
    if (/image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(/i.test(css))
        return 'a CSS image function';
    if (/["']\s*[a-z][a-z0-9+.-]*:/i.test(css))
        return 'a URL string in CSS';
    return unsafeUrls(css);
}
function unsafeUrls(s) {
    for (const m of s.matchAll(/url\s*\(\s*(['"]?)\s*([^)]*)/gi)) {
        if (!(m[2] ?? '').startsWith('#'))
            return 'a url() outside the document';
    }
    return undefined;
}
/**
 * An embedded chart SVG reduced to its `<svg>` element, or why it is refused: it must consist of known SVG
 * elements only (no script, foreignObject, animation, HTML), carry no event attributes, and reference nothing but
 * its own `#ids`.
 */
function sanitizeSvg(input) {
    if ((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp)(input) > MAX_CHART_BYTES)
        return { refused: `larger than ${MAX_CHART_BYTES / 1024 / 1024} MiB` };
    const start = input.search(/<svg[\s>]/i);
    const end = input.toLowerCase().lastIndexOf('</svg>');
    if (start < 0 || end < start)
        return { refused: 'not an SVG document' };
    const prolog = input.slice(0, start).replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>[]*(\[[^\]]*\])?\s*>|<!--[\s\S]*?-->|\s+/gi, '');
    if (prolog !== '')
        return { refused: 'unexpected content before <svg>' };
    const svg = input.slice(start, end + '</svg>'.length);
    if (/<script/i.test(svg))
        return { refused: 'it contains <script>' };
    if (/<foreignObject/i.test(svg))
        return { refused: 'it contains <foreignObject>' };
    // A <style> element in inline SVG styles the whole page: a chart could restyle the verdict.
    if (/<style[\s>/]/i.test(svg))
        return { refused: 'it contains <style>' };
    let out = '';
    let pos = 0;
    let inStyle = false;
    const tag = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
    while (pos < svg.length) {
        const lt = svg.indexOf('<', pos);
        const text = svg.slice(pos, lt < 0 ? svg.length : lt);
        if (inStyle) {
            const css = decodeRefs(text);
            const why = css === undefined ? 'an unknown character reference in CSS' : unsafeCss(css);
            if (why)
                return { refused: `it contains ${why}` };
        }
        out += text;
        if (lt < 0)
            break;
        tag.lastIndex = lt;
        const m = tag.exec(svg);
        if (!m)
            return { refused: svg.startsWith('<!', lt) ? 'it contains a comment, CDATA or declaration' : 'it contains markup that is not a plain tag' };
        const closing = m[1] === '/';
        const name = (m[2] ?? '').toLowerCase();
        if (!SVG_ELEMENTS.has(name))
            return { refused: `it contains <${name.slice(0, 40)}>` };
        if (closing && (m[3] ?? '').trim() !== '')
            return { refused: 'a closing tag with attributes' };
        let attrs = '';
        for (const a of (m[3] ?? '').matchAll(/\s+([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
            const attr = (a[1] ?? '').toLowerCase();
            const quoted = a[2] ?? '';
            const raw = quoted.startsWith('"') || quoted.startsWith("'") ? quoted.slice(1, -1) : quoted;
            const value = decodeRefs(raw);
            if (value === undefined)
                return { refused: `an unknown character reference in ${attr.slice(0, 40)}` };
            if (attr.startsWith('on'))
                return { refused: `an event attribute (${attr.slice(0, 40)})` };
            if (attr === 'xmlns' || attr.startsWith('xmlns:'))
                continue; // inline SVG in HTML needs no namespace declarations
            if (attr === 'href' || attr.endsWith(':href') || attr === 'src' || attr === 'action' || attr === 'formaction') {
                if (!value.trim().startsWith('#'))
                    return { refused: `${attr} pointing outside the document` };
            }
            if (attr === 'style') {
                const why = unsafeCss(value);
                if (why)
                    return { refused: `it contains ${why}` };
            }
            else {
                const why = unsafeUrls(value);
                if (why)
                    return { refused: `it contains ${why}` };
            }
            attrs += ` ${a[1] ?? ''}="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(value)}"`;
        }
        if (name === 'style')
            inStyle = !closing && m[4] !== '/';
        out += closing ? `</${m[2] ?? ''}>` : `<${m[2] ?? ''}${attrs}${m[4] === '/' ? '/' : ''}>`;
        pos = tag.lastIndex;
    }
    return { svg: out.replace(/:\/\//g, '&#58;//') };
}
function chartsSection(charts) {
    if (charts.length === 0)
        return '';
    const figures = charts.slice(0, MAX_CHARTS).map((c) => {
        const caption = `<figcaption>${esc(c.name)}</figcaption>`;
        const r = sanitizeSvg(c.svg);
        if ('refused' in r)
            return `<figure><p class="note">Chart left out: ${esc(r.refused)}.</p>${caption}</figure>`;
        return `<figure>${r.svg}${caption}</figure>`;
    });
    const more = charts.length > MAX_CHARTS ? `<p class="note">${charts.length - MAX_CHARTS} more charts left out: ${esc(charts.slice(MAX_CHARTS).map((c) => c.name).join(', '))}.</p>` : '';
    return [`<section id="charts"><h2>Charts</h2>`, ...figures, more, '</section>'].filter((p) => p !== '').join('\n');
}


/***/ }),

/***/ 39108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   H1: () => (/* binding */ renderSections),
/* harmony export */   _G: () => (/* binding */ VERDICT_WORDS),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports COMMENT_MAX_CHARS, SUMMARY_MAX_BYTES */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(327);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8547);


/** GitHub's limit on an issue or pull-request comment body. */
const COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on the job summary of one step. */
const SUMMARY_MAX_BYTES = 1_048_576;
const VERDICT_WORDS = {
    pass: 'PASS',
    warn: 'WARN',
    fail: 'FAIL',
    inconclusive: 'INCONCLUSIVE',
    error: 'ERROR',
};
/** The report as GitHub markdown, within `maxChars` characters and `maxBytes` UTF-8 bytes when given. */
function renderMarkdown(report, opts = {}) {
    return renderSections(report, report.sections, opts);
}
/** The job summary: at most 1 MiB unless `maxBytes` says otherwise. */
function renderSummary(report, opts = {}) {
    return renderMarkdown(report, { ...opts, maxBytes: opts.maxBytes ?? SUMMARY_MAX_BYTES });
}
/** The sticky PR comment: at most 65,536 characters, first line the gate's hidden marker. */
function renderComment(report, opts = {}) {
    return renderMarkdown(report, {
        ...opts,
        maxChars: opts.maxChars ?? COMMENT_MAX_CHARS,
        marker: opts.marker ?? (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .commentMarker */ .Ql)(report.gate, report.name),
    });
}
/**
 * Renders the header and the given sections, shrinking in steps until the output fits: (1) everything;
 * (2) passing table rows collapsed, only when asked, because it never makes the output smaller;
 * (3) passing rows dropped; (4) detail sections dropped; (5) the rest cut at a block or row boundary.
 */
function renderSections(report, sections, opts = {}) {
    const limits = { chars: limit(opts.maxChars), bytes: limit(opts.maxBytes) };
    const ctx = { limits, rawCap: Math.min(limits.chars, limits.bytes), artifactUrl: safeUrl(opts.artifactUrl) };
    const marker = opts.marker === undefined ? '' : `${safeMarker(opts.marker)}\n`;
    const header = headerLines(report, opts, ctx);
    const prepared = sections.map((s) => prepareSection(s, ctx));
    const dropDetail = opts.dropDetailSections ?? true;
    const steps = [opts.collapsePassingRows === true ? 'collapse' : 'full', 'drop-passing'];
    if (dropDetail)
        steps.push('drop-detail');
    let body = [];
    for (const step of steps) {
        body = prepared.flatMap((s) => assembleSection(s, step, ctx));
        const pieces = [...header.map((h) => h.leaf), ...body];
        // Trailing blank lines are trimmed at the end, so a total a few characters over may still fit.
        const total = add(costOf(marker), totalCost(pieces));
        if (fits({ chars: total.chars - SLACK, bytes: total.bytes - SLACK }, limits)) {
            const md = finish(marker + join(pieces));
            if (fits(costOf(md), limits))
                return md;
        }
    }
    return cut(marker, header, body, ctx, VERDICT_WORDS[report.verdict]);
}
const HEADING_CHARS = 256;
const SLACK = 8;
const SUMMARY_CHARS = 1024;
/** A shortened oversized leaf shows at least this many characters, or is left out. */
const MIN_SHOWN = 16;
function limit(n) {
    if (n === undefined || n === Infinity)
        return Infinity;
    return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}
function costOf(s) {
    return { chars: s.length, bytes: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .byteLength */ .dp)(s) };
}
function add(a, b) {
    return { chars: a.chars + b.chars, bytes: a.bytes + b.bytes };
}
function fits(c, limits) {
    return c.chars <= limits.chars && c.bytes <= limits.bytes;
}
const ZERO = { chars: 0, bytes: 0 };
/** `makeShrink` is only called for a leaf larger than the whole budget. */
function leaf(text, ctx, makeShrink) {
    const cost = costOf(text);
    return makeShrink !== undefined && !fits(cost, ctx.limits)
        ? { kind: 'leaf', text, cost, shrink: makeShrink() }
        : { kind: 'leaf', text, cost };
}
function group(open, children, close) {
    return { kind: 'group', open, close, children };
}
function safeUrl(url) {
    if (url === undefined || url.length > 2048)
        return undefined;
    try {
        const u = new URL(url);
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            return undefined;
        return u.href.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    }
    catch {
        return undefined;
    }
}
function safeMarker(marker) {
    if (/^<!--[^<>\r\n]{0,200}-->$/.test(marker))
        return marker;
    return `<!-- ${marker.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 200)} -->`;
}
function artifactLink(label, url) {
    return url === undefined ? label : `[${label}](${url})`;
}
function headerLines(report, opts, ctx) {
    const out = [];
    if (opts.heading ?? true) {
        const title = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(opts.title ?? (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRunName */ .$_)(report.gate, report.name), { maxChars: HEADING_CHARS });
        const render = (n) => `## ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(ellipsize(title, n))}\n\n`;
        out.push({ leaf: leaf(render(title.length), ctx), shrink: shrinker(render, title.length), min: ZERO });
    }
    if (opts.verdictLine === false)
        return out;
    const word = `**${VERDICT_WORDS[report.verdict]}**`;
    const summary = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(report.summary, { maxChars: SUMMARY_CHARS });
    const render = (n) => (n === 0 ? `${word}\n\n` : `${word} — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(ellipsize(summary, n))}\n\n`);
    out.push({ leaf: leaf(render(summary.length), ctx), shrink: shrinker(render, summary.length, 0), min: costOf(render(0)) });
    return out;
}
/** `s` cut to `n` code units with `…` appended when anything was cut. */
function ellipsize(s, n) {
    return s.length > n ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateChars */ .UT)(s, n)}…` : s;
}
function prepareSection(section, ctx) {
    const title = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(section.title, { maxChars: HEADING_CHARS });
    const collapsed = section.collapsed === true;
    return {
        importance: section.importance,
        open: collapsed ? `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeSummary */ .Gb)(title)}</summary>\n\n` : `### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(title)}\n\n`,
        close: collapsed ? '</details>\n\n' : '',
        omitted: leaf(`_Section left out to fit the size limit: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(title)} — see the full report in ${artifactLink('the artifact', ctx.artifactUrl)}._\n\n`, ctx),
        blocks: section.blocks.flatMap((b) => prepareBlock(b, ctx)),
    };
}
function prepareBlock(block, ctx) {
    switch (block.type) {
        case 'text': {
            const raw = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateChars */ .UT)(block.text, ctx.rawCap);
            const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(raw);
            if (text === '')
                return [];
            const shrink = () => shrinker((n) => `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(ellipsize(raw, n))}\n\n`, raw.length);
            return [{ kind: 'leaf', leaf: leaf(`${text}\n\n`, ctx, shrink) }];
        }
        case 'markdown':
            return block.markdown.trim() === '' ? [] : [{ kind: 'leaf', leaf: leaf(`${block.markdown.trim()}\n\n`, ctx) }];
        case 'code': {
            const raw = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateChars */ .UT)(block.text, ctx.rawCap);
            const shrink = () => shrinker((n) => `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateChars */ .UT)(raw, n)}\n…`, block.lang)}\n\n`, raw.length);
            return [{ kind: 'leaf', leaf: leaf(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(raw, block.lang)}\n\n`, ctx, shrink) }];
        }
        case 'table':
            return prepareTable(block, ctx);
        case 'details':
            return [
                {
                    kind: 'details',
                    open: `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeSummary */ .Gb)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(block.summary, { maxChars: HEADING_CHARS }))}</summary>\n\n`,
                    blocks: block.blocks.flatMap((b) => prepareBlock(b, ctx)),
                },
            ];
    }
}
function prepareTable(block, ctx) {
    const width = block.rows.reduce((w, r) => Math.max(w, r.cells.length), block.columns.length);
    if (width === 0)
        return [];
    const pad = (cells) => cells.length === width ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? '');
    const headers = pad(block.columns).map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeTableCell */ .aL)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(c, { maxChars: HEADING_CHARS })));
    const delimiter = Array.from({ length: width }, (_, i) => {
        const a = block.align?.[i];
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : a === 'left' ? ':---' : '---';
    });
    const head = `${tableRow(headers)}${tableRow(delimiter)}`;
    const rows = block.rows.map((row) => {
        const cells = pad(row.cells).map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateChars */ .UT)(c, ctx.rawCap));
        const shrink = () => shrinker((n) => tableRow(cells.map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeTableCell */ .aL)(ellipsize(c, n)))), cells.reduce((m, c) => Math.max(m, c.length), 0));
        return { leaf: leaf(tableRow(cells.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeTableCell */ .aL)), ctx, shrink), passing: row.status === 'pass' || row.status === 'skip' };
    });
    return [{ kind: 'table', head, rows }];
}
// The space before each `|` keeps a cell that ends in an escaped backslash from escaping the delimiter.
function tableRow(cells) {
    return `| ${cells.join(' | ')} |\n`;
}
/** Binary search for the largest `n` in [min, max] whose rendering fits the room. */
function shrinker(render, max, min = MIN_SHOWN) {
    return (room) => {
        let lo = min;
        let hi = Math.min(max, room.chars, room.bytes);
        let best;
        while (lo <= hi) {
            const mid = Math.floor((lo + hi) / 2);
            const text = render(mid);
            if (fits(costOf(text), room)) {
                best = text;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        return best;
    };
}
function assembleSection(section, step, ctx) {
    if (step === 'drop-detail' && section.importance === 'detail')
        return [section.omitted];
    return [group(section.open, section.blocks.flatMap((b) => assembleBlock(b, step, ctx)), section.close)];
}
function assembleBlock(block, step, ctx) {
    switch (block.kind) {
        case 'leaf':
            return [block.leaf];
        case 'details':
            return [group(block.open, block.blocks.flatMap((b) => assembleBlock(b, step, ctx)), '</details>\n\n')];
        case 'table': {
            const passing = block.rows.filter((r) => r.passing).map((r) => r.leaf);
            if (step === 'full' || passing.length === 0)
                return [group(block.head, block.rows.map((r) => r.leaf), '\n')];
            const failing = block.rows.filter((r) => !r.passing).map((r) => r.leaf);
            const out = failing.length > 0 ? [group(block.head, failing, '\n')] : [];
            const rows = `${passing.length} passing ${passing.length === 1 ? 'row' : 'rows'}`;
            if (step === 'collapse') {
                out.push(group(`<details><summary>${rows}</summary>\n\n`, [group(block.head, passing, '\n')], '</details>\n\n'));
            }
            else {
                const link = artifactLink('the artifact', ctx.artifactUrl);
                out.push(leaf(`_${rows} not shown — see the full report in ${link}._\n\n`, ctx));
            }
            return out;
        }
    }
}
function totalCost(pieces) {
    let chars = 0;
    let bytes = 0;
    const visit = (p) => {
        if (p.kind === 'leaf') {
            chars += p.cost.chars;
            bytes += p.cost.bytes;
            return;
        }
        const open = costOf(p.open);
        const close = costOf(p.close);
        chars += open.chars + close.chars;
        bytes += open.bytes + close.bytes;
        p.children.forEach(visit);
    };
    pieces.forEach(visit);
    return { chars, bytes };
}
function join(pieces) {
    const out = [];
    const visit = (p) => {
        if (p.kind === 'leaf') {
            out.push(p.text);
            return;
        }
        out.push(p.open);
        p.children.forEach(visit);
        out.push(p.close);
    };
    pieces.forEach(visit);
    return out.join('');
}
function finish(markdown) {
    return markdown.replace(/\n+$/, '\n');
}
/** Accumulates output without ever passing the limits; marks allow undoing a group that ended up empty. */
class Writer {
    limits;
    parts = [];
    used = ZERO;
    constructor(limits) {
        this.limits = limits;
    }
    room(reserve) {
        return { chars: this.limits.chars - this.used.chars - reserve.chars, bytes: this.limits.bytes - this.used.bytes - reserve.bytes };
    }
    fits(c, reserve) {
        return fits(c, this.room(reserve));
    }
    push(text, cost = costOf(text)) {
        this.parts.push(text);
        this.used = add(this.used, cost);
    }
    mark() {
        return { length: this.parts.length, used: this.used };
    }
    reset(mark) {
        this.parts.length = mark.length;
        this.used = mark.used;
    }
    text() {
        return this.parts.join('');
    }
}
/** Writes pieces in order until one does not fit; returns false when something was left out. */
function write(pieces, w, reserve) {
    for (const p of pieces) {
        if (p.kind === 'leaf') {
            if (w.fits(p.cost, reserve)) {
                w.push(p.text, p.cost);
                continue;
            }
            const shortened = p.shrink?.(w.room(reserve));
            if (shortened !== undefined)
                w.push(shortened);
            return false;
        }
        const close = costOf(p.close);
        const inner = add(reserve, close);
        const open = costOf(p.open);
        if (!w.fits(open, inner))
            return false;
        const before = w.mark();
        w.push(p.open, open);
        const complete = write(p.children, w, inner);
        if (!complete && w.mark().length === before.length + 1) {
            w.reset(before);
            return false;
        }
        w.push(p.close, close);
        if (!complete)
            return false;
    }
    return true;
}
function cut(marker, header, body, ctx, verdictWord) {
    const link = artifactLink('the report artifact', ctx.artifactUrl);
    const footer = `_Report cut to fit the size limit — see the full report in ${link}._\n`;
    const w = new Writer(ctx.limits);
    const reserve = costOf(footer);
    const minimum = header.reduce((c, h) => add(c, h.min), add(costOf(marker), reserve));
    if (!fits(minimum, ctx.limits))
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .capText */ .yA)(verdictWord, ctx.limits.chars, ctx.limits.bytes);
    w.push(marker);
    let complete = true;
    header.forEach((h, i) => {
        const later = header.slice(i + 1).reduce((c, next) => add(c, next.min), reserve);
        if (complete && w.fits(h.leaf.cost, later)) {
            w.push(h.leaf.text, h.leaf.cost);
            return;
        }
        complete = false;
        const shortened = h.shrink(w.room(later));
        if (shortened !== undefined)
            w.push(shortened);
    });
    if (!complete || !write(body, w, reserve))
        w.push(footer, reserve);
    return finish(w.text());
}


/***/ }),

/***/ 45636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ installCancellation)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72642);

/**
 * Runner cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills 2.5 s after that.
 * On the first signal we abort the gate's work and kill every process tree we started at once, so that
 * nothing outlives the step; the post step (if any) still runs afterwards.
 */
function installCancellation(log, opts = {}) {
    const controller = new AbortController();
    let count = 0;
    const onSignal = (sig) => {
        count++;
        if (count === 1) {
            log.warning(`received ${sig}: cancelling, stopping child processes`);
            controller.abort(new Error(`cancelled by ${sig}`));
            void (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .killAllRunning */ .fe)('SIGTERM');
            // Whatever is still running gets SIGKILL well inside the runner's window.
            setTimeout(() => void (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .killAllRunning */ .fe)('SIGKILL'), 2000).unref();
        }
        else {
            void (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .killAllRunning */ .fe)('SIGKILL');
            // In a terminal a second Ctrl-C means "stop now"; on a runner the runner decides when to kill.
            if (opts.exitOnSecondSignal)
                process.exit(130);
        }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}


/***/ }),

/***/ 47235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readCommonOptions),
/* harmony export */   e: () => (/* binding */ checkSuiteName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(327);
/* harmony import */ var _baseline_history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(78891);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79637);





/** Suite names end up in check-run names, comment markers, cache keys and file names: keep them plain. */
function checkSuiteName(name, what, field) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: ${JSON.stringify(name)} is not a valid suite name; use letters, digits, spaces, '.', '_' or '-' (at most 100), starting with a letter or digit.`, { field });
    }
    return name;
}
function readCommonOptions(gate, inputs, workspace) {
    const name = checkSuiteName(inputs.string(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name, 'default'), `input \`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name}\``, `inputs.${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name}`);
    const failOn = inputs.list(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailOn);
    for (const v of failOn) {
        if (!_report_model_js__WEBPACK_IMPORTED_MODULE_1__/* .VERDICTS */ .bk.includes(v)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input \`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailOn}\`: unknown verdict ${JSON.stringify(v)}; use some of ${_report_model_js__WEBPACK_IMPORTED_MODULE_1__/* .VERDICTS */ .bk.join(', ')}.`, {
                field: `inputs.${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailOn}`,
            });
        }
    }
    const token = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Token);
    const reportDir = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, inputs.string(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReportDir, node_path__WEBPACK_IMPORTED_MODULE_0___default().join('shipgate-report', gate)));
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(reportDir, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace));
    if (rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(rel))) {
        // The report directory is uploaded as an artifact: never the checkout itself (its .git holds credentials).
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input \`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReportDir}\`: ${JSON.stringify(inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReportDir))} is the workspace or contains it; use a folder of its own, e.g. shipgate-report/${gate}.`, {
            field: `inputs.${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReportDir}`,
        });
    }
    const mode = inputs.oneOf(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Mode, ['run', 'report', 'merge'], 'run');
    const shard = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Shard);
    if (shard !== undefined && (!/^[A-Za-z0-9._-]{1,50}$/.test(shard) || /^\.+$/.test(shard))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input \`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Shard}\`: ${JSON.stringify(shard)} is not a valid shard label; use letters, digits, '.', '_' or '-' (at most 50), e.g. \`\${{ matrix.shard }}\`.`, {
            field: `inputs.${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Shard}`,
        });
    }
    if (shard !== undefined && mode !== 'run') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input \`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Shard}\`: a shard runs the gate (\`mode: run\`); the \`${mode}\` step is a job of its own without \`shard\`.`, { field: `inputs.${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Shard}` });
    }
    const expectedShards = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ExpectedShards) === undefined ? undefined : inputs.number(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ExpectedShards, 0, { min: 1, max: 256, integer: true });
    const runId = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RunId) === undefined ? undefined : inputs.number(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RunId, 0, { min: 1, integer: true });
    const shardPrefix = `shipgate-${gate}-${name}-shard-`;
    return {
        name,
        ...(token ? { token } : {}),
        reportDir,
        // A shard's result is posted once for all shards by the merge step.
        comment: shard === undefined && inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Comment, true),
        checkRun: shard === undefined && inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CheckRun, true),
        // In report mode the report stays where it was uploaded.
        artifact: mode !== 'report' && inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Artifact, true),
        artifactName: inputs.string(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ArtifactName, shard === undefined ? `shipgate-${gate}-${name}` : `${shardPrefix}${shard}`),
        mode,
        ...(shard !== undefined ? { shard } : {}),
        reportArtifact: inputs.string(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReportArtifact, mode === 'merge' ? shardPrefix : `shipgate-${gate}-${name}`),
        ...(runId !== undefined ? { runId } : {}),
        ...(expectedShards !== undefined ? { expectedShards } : {}),
        baselineStore: inputs.oneOf(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.BaselineStore, ['repo', 'cache', 'none'], 'repo'),
        historySize: inputs.number(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.BaselineHistory, _baseline_history_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_HISTORY */ .RA, { min: 1, max: 1000, integer: true }),
        failOn: failOn.length ? failOn : ['fail', 'error'],
    };
}


/***/ }),

/***/ 79637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/** Names of the inputs, outputs and saved state shared by every gate's action (one place, as actions/cache does). */
const Inputs = {
    Gate: 'gate',
    Name: 'name',
    Token: 'github-token',
    Config: 'config',
    ReportDir: 'report-dir',
    Comment: 'comment',
    CheckRun: 'check-run',
    Artifact: 'artifact',
    ArtifactName: 'artifact-name',
    BaselineStore: 'baseline-store',
    BaselineHistory: 'baseline-history',
    FailOn: 'fail-on',
    Mode: 'mode',
    Shard: 'shard',
    ReportArtifact: 'report-artifact',
    RunId: 'run-id',
    ExpectedShards: 'expected-shards',
};
const Outputs = {
    Verdict: 'verdict',
    ReportPath: 'report-path',
    Summary: 'summary',
    CheckRunId: 'check-run-id',
    CommentId: 'comment-id',
    ArtifactId: 'artifact-id',
};
const State = {
    ReportDir: 'report-dir',
    CheckRunId: 'check-run-id',
    MainFinished: 'main-finished',
};


/***/ }),

/***/ 32305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ errorReport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14888);


/** The report of a gate that could not finish: verdict `error`, with what the user must fix when it is theirs. */
function errorReport(ctx, e) {
    const userError = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isConfigurationError */ .p0)(e);
    const message = userError ? e.message : `internal error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`;
    return {
        ...(0,_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .reportShell */ .$)(ctx),
        verdict: 'error',
        summary: userError ? `configuration error: ${e.message.split('\n')[0] ?? ''}` : 'the gate failed with an internal error',
        findings: [
            {
                id: userError ? 'configuration' : 'internal-error',
                title: userError ? 'Configuration error' : 'Internal error',
                severity: 'critical',
                status: 'fail',
                message,
                ...(userError && e.location ? { location: e.location } : {}),
            },
        ],
        details: { error: { kind: userError ? 'configuration' : 'internal', message, ...(userError && e.field ? { field: e.field } : {}) } },
        sections: [{ id: 'error', title: userError ? 'Configuration error' : 'Internal error', importance: 'essential', blocks: [{ type: 'code', text: message }] }],
    };
}


/***/ }),

/***/ 27863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eh: () => (/* binding */ actionInputs),
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   k3: () => (/* binding */ mapInputs)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/** Inputs of the running action (INPUT_<NAME> env, via @actions/core). */
const actionInputs = {
    get(name) {
        const v = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
        return v === '' ? undefined : v;
    },
};
/** Inputs from a plain map (tests, the CLI). */
function mapInputs(values) {
    return {
        get(name) {
            const v = values[name]?.trim();
            return v === undefined || v === '' ? undefined : v;
        },
    };
}
function bad(name, given, expected) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input \`${name}\`: got ${JSON.stringify(given)}, expected ${expected}. Fix the \`with:\` of this step.`, {
        field: `inputs.${name}`,
    });
}
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    optional(name) {
        return this.source.get(name);
    }
    string(name, fallback) {
        return this.source.get(name) ?? fallback;
    }
    required(name) {
        const v = this.source.get(name);
        if (v === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input \`${name}\` is required and was not supplied. Add it under \`with:\`.`, { field: `inputs.${name}` });
        }
        return v;
    }
    /** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts. */
    boolean(name, fallback) {
        const v = this.source.get(name);
        if (v === undefined)
            return fallback;
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        throw bad(name, v, 'true or false');
    }
    number(name, fallback, opts = {}) {
        const v = this.source.get(name);
        if (v === undefined)
            return fallback;
        const n = Number(v);
        const expected = `${opts.integer ? 'an integer' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}${opts.max !== undefined ? ` ≤ ${opts.max}` : ''}`;
        if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)))
            throw bad(name, v, expected);
        if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max))
            throw bad(name, v, expected);
        return n;
    }
    oneOf(name, values, fallback) {
        const v = this.source.get(name);
        if (v === undefined)
            return fallback;
        if (values.includes(v))
            return v;
        throw bad(name, v, `one of ${values.join(', ')}`);
    }
    /** Comma- or newline-separated list. */
    list(name) {
        const v = this.source.get(name);
        if (v === undefined)
            return [];
        return v
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
    }
}


/***/ }),

/***/ 80674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ loadSchema)
/* harmony export */ });
/* unused harmony export schemaFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);



const cache = new Map();
/**
 * The JSON Schemas in the repository's schemas/ folder, read at run time. The folder ships beside dist/ (an
 * action checkout holds the whole repository; the npm package lists it in `files`), and is found by walking up
 * from this module, so the same code works from src/ under tsx and from the bundle in dist/.
 */
function schemaFile(name) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (;;) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'schemas', name);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return candidate;
        const up = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
        if (up === dir)
            throw new Error(`internal error: schemas/${name} not found above ${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url))}`);
        dir = up;
    }
}
function loadSchema(name) {
    let s = cache.get(name);
    if (!s) {
        s = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(schemaFile(name), 'utf8'));
        cache.set(name, s);
    }
    return s;
}


/***/ }),

/***/ 12032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ getValidator)
/* harmony export */ });
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52210);
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_0__);

/**
 * One ajv instance for every schema in the project (JSON Schema 2020-12). Settings:
 * - `allErrors`: report every problem at once, not only the first;
 * - `useDefaults`: validation fills in `default` values, mutating the validated data;
 * - `verbose`: errors carry the failing schema and data, used to word messages for users;
 * - strict about schema keywords, so a typo in a schema fails at compile time.
 * Formats: only `date-time` and `uri` are known; others fail to compile.
 */
function createAjv() {
    const ajv = new ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_0__.Ajv2020({
        allErrors: true,
        useDefaults: true,
        verbose: true,
        strict: true,
        strictTypes: false,
        strictTuples: false,
        strictRequired: false,
    });
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    ajv.addFormat('uri', { type: 'string', validate: isUri });
    return ajv;
}
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function isDateTime(s) {
    return DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T')));
}
function isUri(s) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URL.canParse(s);
}
let ajv;
const byObject = new WeakMap();
// A schema read twice from disk is a new object with the same `$id`, which ajv refuses to compile again.
const byText = new Map();
/** A compiled validator for `schema`, compiled once per schema. Throws if the schema itself is invalid. */
function getValidator(schema) {
    let validate = byObject.get(schema);
    if (validate === undefined) {
        const text = JSON.stringify(schema);
        validate = byText.get(text);
        if (validate === undefined) {
            ajv ??= createAjv();
            validate = ajv.compile(schema);
            byText.set(text, validate);
        }
        byObject.set(schema, validate);
    }
    return validate;
}


/***/ })

};
