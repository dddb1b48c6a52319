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
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(453), __webpack_require__.e(489), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 99514))).gate;
        case 'chaos-run':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(830), __webpack_require__.e(796), __webpack_require__.e(489), __webpack_require__.e(430), __webpack_require__.e(158)]).then(__webpack_require__.bind(__webpack_require__, 64158))).gate;
        case 'model-validate':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(554), __webpack_require__.e(489), __webpack_require__.e(35)]).then(__webpack_require__.bind(__webpack_require__, 86035))).gate;
        case 'readiness-checklist':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(830), __webpack_require__.e(796), __webpack_require__.e(392), __webpack_require__.e(849), __webpack_require__.e(489), __webpack_require__.e(430), __webpack_require__.e(930)]).then(__webpack_require__.bind(__webpack_require__, 86930))).gate;
    }
}


/***/ }),

/***/ 41539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZV: () => (/* binding */ runnerInfo),
/* harmony export */   _Y: () => (/* binding */ hardwareFacts)
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
/* harmony export */   aL: () => (/* binding */ escapeTableCell),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   yA: () => (/* binding */ capText)
/* harmony export */ });
/* unused harmony exports truncateUtf8, escapeHtml */
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

// EXTERNAL MODULE: ./src/core/report/render-markdown.ts
var render_markdown = __webpack_require__(39108);
;// CONCATENATED MODULE: ./src/core/report/files.ts






const REPORT_FILES = { json: 'report.json', markdown: 'report.md', junit: 'junit.xml' };
/** Check a report against the published schema; a failure here is a bug in the gate, not the user's input. */
function assertValidReport(report) {
    const validate = (0,schema/* getValidator */.b)((0,schema_files/* loadSchema */.e)('report.schema.json'));
    if (!validate(report)) {
        const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
        throw new Error(`internal error: the report does not match schemas/report.schema.json: ${errs}`);
    }
}
/** Write report.json, the full (unbudgeted) markdown and JUnit XML into dir. Returns report.json's path. */
async function writeReportFiles(report, dir) {
    assertValidReport(report);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const jsonPath = external_node_path_default().join(dir, REPORT_FILES.json);
    await (0,promises_.writeFile)(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    await (0,promises_.writeFile)(external_node_path_default().join(dir, REPORT_FILES.markdown), (0,render_markdown/* renderMarkdown */.Gc)(report, {}));
    await (0,promises_.writeFile)(external_node_path_default().join(dir, REPORT_FILES.junit), renderJUnit(report));
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
    return {
        name,
        ...(token ? { token } : {}),
        reportDir,
        comment: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Comment, true),
        checkRun: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CheckRun, true),
        artifact: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Artifact, true),
        artifactName: inputs.string(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ArtifactName, `shipgate-${gate}-${name}`),
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
