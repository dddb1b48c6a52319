export const id = 430;
export const ids = [430];
export const modules = {

/***/ 4697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   EV: () => (/* binding */ expectationOf),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   L9: () => (/* binding */ SpecReader),
/* harmony export */   Lt: () => (/* binding */ got),
/* harmony export */   Nf: () => (/* binding */ closestName),
/* harmony export */   QL: () => (/* binding */ hostPort),
/* harmony export */   QR: () => (/* binding */ tailText),
/* harmony export */   Rr: () => (/* binding */ parsePath),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   VM: () => (/* binding */ interrupted),
/* harmony export */   cR: () => (/* binding */ raceDeadline),
/* harmony export */   fI: () => (/* binding */ hasExpectation),
/* harmony export */   iY: () => (/* binding */ unmet),
/* harmony export */   k9: () => (/* binding */ specError),
/* harmony export */   mf: () => (/* binding */ timedOutAfter),
/* harmony export */   uN: () => (/* binding */ describeExpectation),
/* harmony export */   vp: () => (/* binding */ showValue),
/* harmony export */   wf: () => (/* binding */ lookupPath),
/* harmony export */   ys: () => (/* binding */ commandProbe)
/* harmony export */ });
/* unused harmony exports COMMON_FIELDS, OUTPUT_TAIL_CHARS, seconds */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84489);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _core_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72642);




/** Fields every check may carry; runCheck (index.ts) validates them. */
const COMMON_FIELDS = ['type', 'name', 'timeout', 'retries', 'retry_delay'];
/** Most characters of output or body kept as evidence. */
const OUTPUT_TAIL_CHARS = 2048;
function fieldOf(where, key) {
    if (key === undefined)
        return where.field;
    return where.field === '' ? key : `${where.field}.${key}`;
}
/** A ConfigurationError for a check field: `file:line: field: problem. fix`. */
function specError(where, key, problem, fix) {
    const field = fieldOf(where, key);
    const at = where.line > 0 ? `${where.file}:${where.line}: ` : where.file !== '' ? `${where.file}: ` : '';
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${at}${field === '' ? '' : `${field}: `}${problem}. ${fix}`, {
        location: where.line > 0 ? { file: where.file, line: where.line } : { file: where.file },
        ...(field === '' ? {} : { field }),
    });
}
/** ` (got "x")` for messages. */
function got(value) {
    if (value === undefined)
        return '';
    if (Array.isArray(value))
        return ' (got a list)';
    if (value !== null && typeof value === 'object')
        return ' (got a mapping)';
    return ` (got ${oneLine(JSON.stringify(value), 60)})`;
}
/** The candidate closest to a misspelt name, if one is close enough (the config loader's rule). */
function closestName(name, candidates) {
    return (0,_core_config_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .kp)(name, candidates);
}
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** Reads and checks a spec's fields for `validate`; every method throws a ConfigurationError naming the field. */
class SpecReader {
    spec;
    where;
    constructor(spec, where, allowed) {
        this.spec = spec;
        this.where = where;
        const known = [...COMMON_FIELDS, ...allowed];
        for (const key of Object.keys(spec)) {
            if (known.includes(key))
                continue;
            const suggestion = closestName(key, allowed);
            throw this.error(key, `unknown field for a \`${spec.type}\` check (allowed: ${allowed.join(', ')})`, suggestion === undefined ? 'Remove it or check its spelling.' : `Did you mean \`${suggestion}\`?`);
        }
    }
    error(key, problem, fix = 'Change the value.') {
        return specError(this.where, key, problem, fix);
    }
    has(key) {
        return this.spec[key] !== undefined;
    }
    missing(key, what) {
        return this.error(undefined, `a \`${this.spec.type}\` check needs \`${key}\` (${what})`, `Add \`${key}\`.`);
    }
    string(key, opts = {}) {
        const v = this.spec[key];
        if (v === undefined) {
            if (opts.required !== undefined)
                throw this.missing(key, opts.required);
            return undefined;
        }
        if (typeof v !== 'string')
            throw this.error(key, `must be a string${got(v)}`, typeof v === 'number' ? 'Put the value in quotes.' : 'Change the value.');
        if (v.trim() === '')
            throw this.error(key, 'must not be empty', 'Write a value or remove the field.');
        return v;
    }
    number(key, opts = {}) {
        const v = this.spec[key];
        if (v === undefined)
            return undefined;
        const kind = opts.integer === true ? 'a whole number' : 'a number';
        if (typeof v !== 'number' || !Number.isFinite(v) || (opts.integer === true && !Number.isInteger(v))) {
            const quoted = typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v));
            throw this.error(key, `must be ${kind}${got(v)}`, quoted ? 'Remove the quotes around the number.' : 'Change the value.');
        }
        if (opts.min !== undefined && v < opts.min)
            throw this.error(key, `must be at least ${opts.min}${got(v)}`);
        if (opts.above !== undefined && v <= opts.above)
            throw this.error(key, `must be more than ${opts.above}${got(v)}`);
        if (opts.max !== undefined && v > opts.max)
            throw this.error(key, `must be at most ${opts.max}${got(v)}`);
        return v;
    }
    boolean(key) {
        const v = this.spec[key];
        if (v === undefined)
            return undefined;
        if (typeof v !== 'boolean')
            throw this.error(key, `must be true or false${got(v)}`);
        return v;
    }
    port(key, opts = {}) {
        if (!this.has(key) && opts.required !== undefined)
            throw this.missing(key, opts.required);
        const v = this.spec[key];
        if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535)) {
            throw this.error(key, `must be a port number from 1 to 65535${got(v)}`, typeof v === 'string' && /^\d+$/.test(v) ? 'Remove the quotes.' : 'Change the value.');
        }
        return v;
    }
    host(key, opts = {}) {
        const v = this.string(key, opts);
        if (v !== undefined && /[\s/]/.test(v))
            throw this.error(key, `must be a host name or IP address${got(v)}`, 'Write only the host, e.g. 127.0.0.1.');
        return v;
    }
    regex(key) {
        const v = this.string(key);
        if (v === undefined)
            return undefined;
        try {
            return new RegExp(v);
        }
        catch (e) {
            throw this.error(key, `is not a valid regular expression: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`, 'Fix the pattern (JavaScript syntax).');
        }
    }
    oneOf(key, values, opts = {}) {
        const v = this.string(key, opts);
        if (v === undefined)
            return undefined;
        if (!values.includes(v)) {
            const s = closestName(v, values);
            throw this.error(key, `must be one of: ${values.join(', ')}${got(v)}`, s === undefined ? 'Use one of the listed values.' : `Did you mean \`${s}\`?`);
        }
        return v;
    }
    stringList(key, opts = {}) {
        const v = this.spec[key];
        if (v === undefined)
            return undefined;
        if (!Array.isArray(v) || v.length === 0)
            throw this.error(key, `must be a non-empty list of strings${got(v)}`);
        v.forEach((item, i) => {
            if (typeof item !== 'string' || item.trim() === '')
                throw this.error(`${key}[${i}]`, `must be a non-empty string${got(item)}`);
            if (opts.pattern !== undefined && !opts.pattern.test(item))
                throw this.error(`${key}[${i}]`, `must be ${opts.what ?? 'a valid value'}${got(item)}`);
        });
        return v;
    }
    /** A GitHub login. */
    logins(key) {
        return this.stringList(key, { pattern: LOGIN, what: 'a GitHub login' });
    }
    /** A path inside the workspace: relative, not leaving it through `..`. */
    relativePath(key, opts = {}) {
        const v = this.string(key, opts);
        if (v === undefined)
            return undefined;
        if (node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(v) || /^[A-Za-z]:[\\/]/.test(v))
            throw this.error(key, `must be a path relative to the repository root${got(v)}`, 'Write the path from the repository root.');
        if (node_path__WEBPACK_IMPORTED_MODULE_0___default().normalize(v).split(/[\\/]/)[0] === '..')
            throw this.error(key, `must stay inside the repository${got(v)}`, 'Remove the `..` that leads out of it.');
        return v;
    }
    /** equals / matches / min / max; `anchor` is the field they compare (they are refused without it). */
    expectation(anchor, allowed) {
        const exp = {};
        if (allowed.includes('equals') && this.has('equals')) {
            const v = this.spec.equals;
            if (v === null || typeof v === 'object')
                throw this.error('equals', `must be a string, number or true/false${got(v)}`);
            exp.equals = v;
        }
        if (allowed.includes('matches')) {
            const re = this.regex('matches');
            if (re !== undefined)
                exp.matches = re;
        }
        if (allowed.includes('min')) {
            const v = this.number('min');
            if (v !== undefined)
                exp.min = v;
        }
        if (allowed.includes('max')) {
            const v = this.number('max');
            if (v !== undefined)
                exp.max = v;
        }
        if (exp.min !== undefined && exp.max !== undefined && exp.min > exp.max)
            throw this.error('min', `is above max (${exp.min} > ${exp.max})`, 'Swap or fix the bounds.');
        if (hasExpectation(exp) && !anchor.present) {
            const which = Object.keys(exp).map((k) => `\`${k}\``).join(', ');
            throw this.error(undefined, `${which} compare${Object.keys(exp).length === 1 ? 's' : ''} \`${anchor.key}\`, which is missing`, `Add \`${anchor.key}\` or remove ${which}.`);
        }
        return exp;
    }
}
function hasExpectation(e) {
    return e.equals !== undefined || e.matches !== undefined || e.min !== undefined || e.max !== undefined;
}
/** Reads equals/matches/min/max from a spec already validated. */
function expectationOf(spec) {
    const e = {};
    const { equals, matches, min, max } = spec;
    if (typeof equals === 'string' || typeof equals === 'number' || typeof equals === 'boolean')
        e.equals = equals;
    if (typeof matches === 'string')
        e.matches = new RegExp(matches);
    if (typeof min === 'number')
        e.min = min;
    if (typeof max === 'number')
        e.max = max;
    return e;
}
function showValue(v) {
    if (v === undefined)
        return 'undefined';
    const text = JSON.stringify(v);
    return oneLine(text ?? (typeof v === 'bigint' ? v.toString() : typeof v), 80);
}
/** Why `actual` does not meet the expectation, or undefined when it does. */
function unmet(actual, e) {
    if (e.equals !== undefined) {
        const scalar = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean';
        const same = actual === e.equals || (scalar && String(actual) === String(e.equals));
        if (!same)
            return `expected ${showValue(e.equals)}`;
    }
    if (e.matches !== undefined) {
        const text = typeof actual === 'string' ? actual : (JSON.stringify(actual) ?? '');
        if (!e.matches.test(text))
            return `expected to match /${e.matches.source}/`;
    }
    if (e.min !== undefined || e.max !== undefined) {
        const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : Number.NaN;
        if (!Number.isFinite(n))
            return 'expected a number';
        if (e.min !== undefined && n < e.min)
            return `expected at least ${e.min}`;
        if (e.max !== undefined && n > e.max)
            return `expected at most ${e.max}`;
    }
    return undefined;
}
/** The bounds, for a summary of a value that met them: `(min 80)`. */
function describeExpectation(e) {
    const parts = [];
    if (e.equals !== undefined)
        parts.push(`equals ${showValue(e.equals)}`);
    if (e.matches !== undefined)
        parts.push(`matches /${e.matches.source}/`);
    if (e.min !== undefined)
        parts.push(`min ${e.min}`);
    if (e.max !== undefined)
        parts.push(`max ${e.max}`);
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
const SEGMENT = /\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/y;
/** The segments of a path, or undefined when it is not of the simple dotted/bracket form. */
function parsePath(text) {
    let rest = text.trim();
    if (rest.startsWith('$')) {
        rest = rest.slice(1);
        if (rest === '')
            return [];
        if (!rest.startsWith('.') && !rest.startsWith('['))
            return undefined;
    }
    else if (rest === '' || rest.startsWith('.')) {
        return undefined;
    }
    const segments = [];
    SEGMENT.lastIndex = 0;
    while (SEGMENT.lastIndex < rest.length) {
        const start = SEGMENT.lastIndex;
        const m = SEGMENT.exec(rest);
        if (m === null)
            return undefined;
        // A bare name is only allowed first; later names need a dot.
        if (m[1] !== undefined && start > 0 && !m[0].startsWith('.'))
            return undefined;
        if (m[2] !== undefined)
            segments.push(Number(m[2]));
        else
            segments.push(m[1] ?? m[3] ?? m[4] ?? '');
    }
    return segments;
}
function lookupPath(value, segments) {
    let node = value;
    for (const s of segments) {
        if (typeof s === 'number') {
            if (!Array.isArray(node) || s >= node.length)
                return { found: false, value: undefined };
            node = node[s];
        }
        else {
            if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, s))
                return { found: false, value: undefined };
            node = node[s];
        }
    }
    return { found: true, value: node };
}
// ---- text ----
/** One plain line: whitespace collapsed, cut to `max` characters. */
function oneLine(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
function tailText(text, max = OUTPUT_TAIL_CHARS) {
    return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}
/** Seconds for messages: 1000 → "1", 1500 → "1.5". */
function seconds(ms) {
    return String(Math.round(ms) / 1000);
}
function timedOutAfter(ms) {
    return `timed out after ${seconds(ms)} s`;
}
/** An error's code (ECONNREFUSED …) or else its message, in one line. */
function errorCode(e) {
    const code = e?.code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code))
        return code;
    const nested = e?.errors;
    if (Array.isArray(nested) && nested.length > 0)
        return errorCode(nested[0]);
    return oneLine((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e));
}
/** Removes a secret from a message (never a too-short one, that would garble the text). */
function redact(text, secret) {
    return secret !== undefined && secret.length >= 3 ? text.replaceAll(secret, '***') : text;
}
/** `host:port`, with brackets around an IPv6 address. */
function hostPort(host, port) {
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
/**
 * Waits for `work` at most `timeoutMs` and no longer than `signal` stays unaborted. On either, `stop` is called to
 * close what the work holds open; a later rejection of `work` is ignored. A rejection before that is thrown.
 */
async function raceDeadline(work, timeoutMs, signal, stop) {
    if (signal.aborted) {
        work.catch(() => undefined);
        stop();
        return { ok: false, why: 'cancelled' };
    }
    let timer;
    let onAbort;
    const interrupt = new Promise((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, why: 'timeout' }), timeoutMs);
        onAbort = () => resolve({ ok: false, why: 'cancelled' });
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        const outcome = await Promise.race([work.then((value) => ({ ok: true, value })), interrupt]);
        if (!outcome.ok) {
            work.catch(() => undefined);
            stop();
        }
        return outcome;
    }
    finally {
        clearTimeout(timer);
        if (onAbort !== undefined)
            signal.removeEventListener('abort', onAbort);
    }
}
/** The result for a run cut short. */
function interrupted(what, why, timeoutMs) {
    return { status: 'inconclusive', summary: `${what}: ${why === 'timeout' ? timedOutAfter(timeoutMs) : 'cancelled'}` };
}
// ---- the command probe ----
const FIELDS = ['run', 'expect_exit', 'expect_output', 'cwd'];
const TAIL_LINES = 400;
function commandOf(run) {
    if (typeof run === 'string')
        return { shell: run };
    const argv = run;
    return { argv: [argv[0] ?? '', ...argv.slice(1)] };
}
const commandProbe = {
    type: 'command',
    validate(spec, where) {
        const r = new SpecReader(spec, where, FIELDS);
        const run = spec.run;
        if (run === undefined)
            throw r.missing('run', 'a shell command, or a list: program and arguments');
        if (typeof run === 'string') {
            if (run.trim() === '')
                throw r.error('run', 'must not be empty', 'Write the command to run.');
        }
        else if (Array.isArray(run)) {
            if (run.length === 0)
                throw r.error('run', 'must not be an empty list', 'Write the program and its arguments.');
            run.forEach((a, i) => {
                if (typeof a !== 'string')
                    throw r.error(`run[${i}]`, `must be a string${got(a)}`, 'Put the argument in quotes.');
            });
            if (run[0].trim() === '')
                throw r.error('run[0]', 'must name the program to run', 'Write the program first.');
        }
        else {
            throw r.error('run', `must be a shell command (a string) or a list of program and arguments${got(run)}`);
        }
        r.number('expect_exit', { integer: true, min: 0, max: 255 });
        r.regex('expect_output');
        r.relativePath('cwd');
    },
    async run(spec, ctx, timeoutMs) {
        const cmd = commandOf(spec.run);
        const expectExit = typeof spec.expect_exit === 'number' ? spec.expect_exit : 0;
        const expectOutput = typeof spec.expect_output === 'string' ? new RegExp(spec.expect_output) : undefined;
        const cwd = typeof spec.cwd === 'string' ? node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(ctx.workspace, spec.cwd) : ctx.workspace;
        const shown = `\`${oneLine('shell' in cmd ? cmd.shell : cmd.argv.join(' '), 80)}\``;
        const r = await (0,_core_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .execCommand */ .NK)(cmd, { cwd, timeoutMs, graceMs: 500, signal: ctx.signal, stream: false, capture: expectOutput !== undefined, tailLines: TAIL_LINES });
        const combined = r.tail.join('\n');
        const output = combined === '' ? {} : { output: tailText(combined) };
        if (r.error !== undefined)
            return { status: 'inconclusive', summary: `${shown}: ${r.error}`, ...output };
        if (r.timedOut)
            return { status: 'inconclusive', summary: `${shown}: ${timedOutAfter(timeoutMs)}`, ...output };
        if (r.cancelled)
            return { status: 'inconclusive', summary: `${shown}: cancelled`, ...output };
        if (r.exitCode === null)
            return { status: 'fail', summary: `${shown} was killed by ${r.signal ?? 'a signal'}`, ...output };
        const problems = [];
        if (r.exitCode !== expectExit)
            problems.push(`expected exit code ${expectExit}`);
        if (expectOutput !== undefined && !expectOutput.test(r.stdout ?? '') && !expectOutput.test(combined)) {
            problems.push(`output did not match /${oneLine(expectOutput.source, 60)}/`);
        }
        const base = `${shown} exited ${r.exitCode} in ${r.durationMs} ms`;
        if (problems.length > 0)
            return { status: 'fail', summary: `${base}; ${problems.join('; ')}`, ...output };
        return { status: 'pass', summary: expectOutput === undefined ? base : `${base}; output matched /${oneLine(expectOutput.source, 60)}/`, ...output };
    },
};
/** `ctx.workspace`-relative display of an absolute path. */
function displayPath(ctx, abs) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(ctx.workspace, abs);
    return rel !== '' && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(rel) ? rel : abs;
}


/***/ }),

/***/ 59778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HB: () => (/* binding */ httpProbe),
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   aj: () => (/* binding */ httpRequest)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4697);





const MAX_BODY_BYTES = 1024 * 1024;
const METHOD = /^[A-Z]+$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The URL as shown: without user name and password. */
function displayUrl(url) {
    if (url.username === '' && url.password === '')
        return url.href;
    const copy = new URL(url.href);
    copy.username = '';
    copy.password = '';
    return copy.href;
}
function tlsError(e) {
    const code = e.code;
    const message = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e);
    if (typeof code === 'string' && /CERT|SSL|TLS|SIGNATURE|ERR_TLS/.test(code))
        return (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(`TLS: ${message} (${code})`);
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(e);
}
/**
 * One request with node:http/https, no connection reuse; the body (first MiB) is read as UTF-8. Latency is the
 * time from sending the request to the end of the response. Never throws.
 */
function httpRequest(url, opts) {
    if (opts.signal.aborted)
        return Promise.resolve({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
    return new Promise((resolve) => {
        let settled = false;
        const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__.performance.now();
        const requestFn = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
        const req = requestFn(url, {
            method: opts.method ?? 'GET',
            headers: { 'user-agent': 'shipgate-readiness', ...opts.headers },
            agent: false,
            ...(url.protocol === 'https:' ? { rejectUnauthorized: opts.tlsVerify ?? true } : {}),
        });
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            opts.signal.removeEventListener('abort', onAbort);
            req.destroy();
            resolve(outcome);
        };
        const onAbort = () => finish({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
        const timer = setTimeout(() => finish({ ok: false, error: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .timedOutAfter */ .mf)(opts.timeoutMs), timedOut: true, cancelled: false }), opts.timeoutMs);
        opts.signal.addEventListener('abort', onAbort, { once: true });
        req.on('error', (e) => finish({ ok: false, error: tlsError(e), timedOut: false, cancelled: false }));
        req.on('response', (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size >= MAX_BODY_BYTES)
                    return;
                chunks.push(chunk);
                size += chunk.length;
            });
            res.on('error', (e) => finish({ ok: false, error: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(e), timedOut: false, cancelled: false }));
            res.on('end', () => {
                const body = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
                finish({ ok: true, statusCode: res.statusCode ?? 0, body, latencyMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__.performance.now() - started) });
            });
        });
        req.end();
    });
}
function statusList(spec) {
    if (typeof spec.status === 'number')
        return [spec.status];
    if (Array.isArray(spec.status))
        return spec.status;
    return undefined;
}
const httpProbe = {
    type: 'http',
    validate(spec, where) {
        const r = new _command_js__WEBPACK_IMPORTED_MODULE_4__/* .SpecReader */ .L9(spec, where, ['url', 'method', 'status', 'body_regex', 'json_path', 'equals', 'matches', 'max_latency_ms', 'tls_verify', 'headers']);
        const url = r.string('url', { required: 'the URL to request, e.g. http://127.0.0.1:8080/health' });
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
            throw r.error('url', `must be an http:// or https:// URL${(0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .got */ .Lt)(url)}`, 'Write the full URL, e.g. http://127.0.0.1:8080/health.');
        }
        const method = r.string('method');
        if (method !== undefined && !METHOD.test(method))
            throw r.error('method', `must be an HTTP method in capitals, e.g. GET or HEAD (got ${JSON.stringify(method)})`);
        const status = spec.status;
        if (status !== undefined) {
            const list = Array.isArray(status) ? status : [status];
            if (list.length === 0)
                throw r.error('status', 'must not be an empty list', 'List the accepted status codes.');
            list.forEach((s, i) => {
                if (typeof s !== 'number' || !Number.isInteger(s) || s < 100 || s > 599) {
                    throw r.error(Array.isArray(status) ? `status[${i}]` : 'status', `must be an HTTP status code from 100 to 599 (got ${(0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .showValue */ .vp)(s)})`);
                }
            });
        }
        r.regex('body_regex');
        const jsonPath = r.string('json_path');
        if (jsonPath !== undefined && (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePath */ .Rr)(jsonPath) === undefined) {
            throw r.error('json_path', `is not a simple path (got ${JSON.stringify(jsonPath)})`, 'Write it like `$.status`, `checks[0].ok` or `$["a key"]`.');
        }
        r.expectation({ key: 'json_path', present: jsonPath !== undefined }, ['equals', 'matches']);
        r.number('max_latency_ms', { above: 0 });
        r.boolean('tls_verify');
        const headers = spec.headers;
        if (headers !== undefined) {
            if (headers === null || typeof headers !== 'object' || Array.isArray(headers))
                throw r.error('headers', 'must be a mapping of header names to values');
            for (const [name, value] of Object.entries(headers)) {
                if (!HEADER_NAME.test(name))
                    throw r.error(`headers.${name}`, 'is not a valid header name', 'Rename the header.');
                if (typeof value !== 'string' || /[\r\n]/.test(value))
                    throw r.error(`headers.${name}`, 'must be a one-line string', 'Put the value in quotes on one line.');
            }
        }
    },
    async run(spec, ctx, timeoutMs) {
        const url = new URL(spec.url);
        const method = typeof spec.method === 'string' ? spec.method : 'GET';
        const what = `${method} ${displayUrl(url)}`;
        const outcome = await httpRequest(url, {
            method,
            ...(spec.headers !== undefined ? { headers: spec.headers } : {}),
            tlsVerify: spec.tls_verify !== false,
            timeoutMs,
            signal: ctx.signal,
        });
        if (!outcome.ok)
            return { status: outcome.timedOut || outcome.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${outcome.error}` };
        return judgeResponse(spec, what, outcome);
    },
};
function judgeResponse(spec, what, res) {
    const problems = [];
    const notes = [];
    const accepted = statusList(spec);
    if (accepted === undefined ? res.statusCode < 200 || res.statusCode > 399 : !accepted.includes(res.statusCode)) {
        problems.push(`expected status ${accepted === undefined ? '200–399' : accepted.join(' or ')}`);
    }
    if (typeof spec.body_regex === 'string' && !new RegExp(spec.body_regex).test(res.body))
        problems.push(`body did not match /${(0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(spec.body_regex, 60)}/`);
    if (typeof spec.json_path === 'string') {
        const path = spec.json_path;
        let json;
        let parsed = true;
        try {
            json = JSON.parse(res.body);
        }
        catch {
            parsed = false;
        }
        if (!parsed) {
            problems.push(`body is not JSON, cannot read ${path}`);
        }
        else {
            const found = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .lookupPath */ .wf)(json, (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePath */ .Rr)(path) ?? []);
            const exp = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .expectationOf */ .EV)(spec);
            if (!found.found)
                problems.push(`${path} not found in the body`);
            else {
                const why = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .unmet */ .iY)(found.value, exp);
                if (why !== undefined)
                    problems.push(`${path} = ${(0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .showValue */ .vp)(found.value)}, ${why}`);
                else if ((0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .hasExpectation */ .fI)(exp))
                    notes.push(`${path} = ${(0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .showValue */ .vp)(found.value)}`);
                else
                    notes.push(`${path} present`);
            }
        }
    }
    if (typeof spec.max_latency_ms === 'number' && res.latencyMs > spec.max_latency_ms)
        problems.push(`slower than ${spec.max_latency_ms} ms`);
    const base = `${what} → ${res.statusCode} in ${res.latencyMs} ms`;
    const evidence = { statusCode: res.statusCode, latencyMs: res.latencyMs, ...(res.body === '' ? {} : { output: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .tailText */ .QR)(res.body) }) };
    if (problems.length > 0)
        return { status: 'fail', summary: `${base}; ${problems.join('; ')}`, ...evidence };
    return { status: 'pass', summary: notes.length > 0 ? `${base}; ${notes.join('; ')}` : base, ...evidence };
}


/***/ }),

/***/ 35514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UD: () => (/* binding */ compare),
/* harmony export */   k4: () => (/* binding */ promNumber),
/* harmony export */   t2: () => (/* binding */ parseExpect),
/* harmony export */   t_: () => (/* binding */ prometheusProbe)
/* harmony export */ });
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4697);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59778);


const COMPARE = /^(==|!=|>=|<=|>|<)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$/;
function parseExpect(text) {
    const t = text.trim();
    if (t === 'empty')
        return { kind: 'empty' };
    if (t === 'non-empty')
        return { kind: 'non-empty' };
    const m = COMPARE.exec(t);
    if (m === null)
        return undefined;
    return { kind: 'compare', op: m[1], value: promNumber(m[2] ?? ''), text: `${m[1]} ${m[2]}` };
}
/** Prometheus writes values as strings: "1", "0.5", "+Inf", "NaN". */
function promNumber(s) {
    if (s === '+Inf' || s === 'Inf')
        return Infinity;
    if (s === '-Inf')
        return -Infinity;
    return Number(s);
}
function compare(a, op, b) {
    switch (op) {
        case '==':
            return a === b;
        case '!=':
            return a !== b;
        case '>':
            return a > b;
        case '>=':
            return a >= b;
        case '<':
            return a < b;
        case '<=':
            return a <= b;
    }
}
function labelsOf(metric) {
    if (metric === null || typeof metric !== 'object')
        return '{}';
    return `{${Object.entries(metric)
        .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
        .join(',')}}`;
}
/** The series of a query result with their (latest) values; undefined when the answer is not understood. */
function seriesOf(data) {
    const d = data;
    if (d === null || typeof d !== 'object')
        return undefined;
    const sample = (v) => (Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined);
    switch (d.resultType) {
        case 'scalar': {
            const value = sample(d.result);
            return value === undefined ? undefined : [{ labels: 'scalar', value }];
        }
        case 'vector':
        case 'matrix': {
            if (!Array.isArray(d.result))
                return undefined;
            const out = [];
            for (const item of d.result) {
                const value = d.resultType === 'vector' ? sample(item.value) : Array.isArray(item.values) ? sample(item.values.at(-1)) : undefined;
                if (value === undefined)
                    return undefined;
                out.push({ labels: labelsOf(item.metric), value });
            }
            return out;
        }
        default:
            return undefined;
    }
}
const prometheusProbe = {
    type: 'prometheus',
    validate(spec, where) {
        const r = new _command_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecReader */ .L9(spec, where, ['url', 'query', 'expect', 'headers', 'tls_verify']);
        const url = r.string('url', { required: 'the Prometheus base URL, e.g. http://127.0.0.1:9090' });
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
            throw r.error('url', `must be an http:// or https:// URL${(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .got */ .Lt)(url)}`, 'Write the base URL, e.g. http://127.0.0.1:9090.');
        r.string('query', { required: 'a PromQL query, e.g. up{job="api"}' });
        const expect = r.string('expect', { required: 'the condition every series must meet, e.g. "== 1", "> 0", "empty"' });
        if (parseExpect(expect) === undefined) {
            throw r.error('expect', `must be a comparison like "== 1", "> 0", "< 0.01", ">= 3", or "empty" / "non-empty"${(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .got */ .Lt)(expect)}`, 'Write an operator (==, !=, >, >=, <, <=) and a number.');
        }
        const headers = spec.headers;
        if (headers !== undefined && (headers === null || typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string'))) {
            throw r.error('headers', 'must be a mapping of header names to string values');
        }
        r.boolean('tls_verify');
    },
    async run(spec, ctx, timeoutMs) {
        const base = new URL(spec.url);
        if (!base.pathname.endsWith('/'))
            base.pathname = `${base.pathname}/`;
        const url = new URL('api/v1/query', base);
        const query = spec.query;
        url.searchParams.set('query', query);
        const expect = parseExpect(spec.expect) ?? { kind: 'non-empty' };
        const expectText = expect.kind === 'compare' ? expect.text : expect.kind;
        const what = `prometheus ${(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(query, 80)}`;
        const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)(url, {
            ...(spec.headers !== undefined ? { headers: spec.headers } : {}),
            tlsVerify: spec.tls_verify !== false,
            timeoutMs,
            signal: ctx.signal,
        });
        if (!res.ok)
            return { status: res.timedOut || res.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .displayUrl */ .Qy)(base)}: ${res.error}` };
        const evidence = { statusCode: res.statusCode, latencyMs: res.latencyMs };
        let body;
        try {
            body = JSON.parse(res.body);
        }
        catch {
            return { status: 'inconclusive', summary: `${what}: HTTP ${res.statusCode}, not a Prometheus API answer`, output: (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .tailText */ .QR)(res.body), ...evidence };
        }
        if (body.status !== 'success') {
            const error = typeof body.error === 'string' ? body.error : `HTTP ${res.statusCode}`;
            return { status: 'inconclusive', summary: (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`${what}: query failed: ${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${error}`), ...evidence };
        }
        const series = seriesOf(body.data);
        if (series === undefined)
            return { status: 'inconclusive', summary: `${what}: unexpected result shape`, output: (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .tailText */ .QR)(res.body), ...evidence };
        const output = series.length === 0 ? {} : { output: (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .tailText */ .QR)(series.map((s) => `${s.labels} ${s.value}`).join('\n')) };
        const count = `${series.length} series`;
        switch (expect.kind) {
            case 'empty':
                return series.length === 0
                    ? { status: 'pass', summary: `${what}: no series, as expected`, ...evidence }
                    : { status: 'fail', summary: `${what}: ${count}; expected none`, ...output, ...evidence };
            case 'non-empty':
                return series.length > 0
                    ? { status: 'pass', summary: `${what}: ${count}`, ...output, ...evidence }
                    : { status: 'fail', summary: `${what}: no series; expected some`, ...evidence };
            case 'compare': {
                if (series.length === 0)
                    return { status: 'fail', summary: `${what}: no series; expected ${expectText}`, ...evidence };
                const bad = series.filter((s) => !compare(promNumber(s.value), expect.op, expect.value));
                const first = bad[0];
                if (first !== undefined) {
                    const more = bad.length > 1 ? ` (and ${bad.length - 1} more of ${series.length})` : '';
                    return { status: 'fail', summary: (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`${what}: ${first.labels} = ${first.value}, expected ${expectText}${more}`, 300), ...output, ...evidence };
                }
                const values = [...new Set(series.map((s) => s.value))];
                const shown = values.length <= 3 ? ` (${values.join(', ')})` : '';
                return { status: 'pass', summary: `${what}: ${count}, all ${expectText}${shown}`, ...output, ...evidence };
            }
        }
    },
};


/***/ }),

/***/ 51959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MK: () => (/* binding */ tcpProbe),
/* harmony export */   XF: () => (/* binding */ tcpResult),
/* harmony export */   en: () => (/* binding */ tcpConnect)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4697);



/** Opens a TCP connection and closes it again; never throws. */
function tcpConnect(host, port, timeoutMs, signal) {
    if (signal.aborted)
        return Promise.resolve({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
    return new Promise((resolve) => {
        const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now();
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        const finish = (outcome) => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            socket.removeAllListeners();
            socket.on('error', () => undefined);
            socket.destroy();
            resolve(outcome);
        };
        const onAbort = () => finish({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
        const timer = setTimeout(() => finish({ ok: false, error: (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .timedOutAfter */ .mf)(timeoutMs), timedOut: true, cancelled: false }), timeoutMs);
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('connect', () => finish({ ok: true, latencyMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() - started) }));
        socket.once('error', (e) => finish({ ok: false, error: (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(e), timedOut: false, cancelled: false }));
    });
}
/** The evidence for a connection attempt; `note` is appended to the summary. */
function tcpResult(what, outcome, note = '') {
    if (outcome.ok)
        return { status: 'pass', summary: `${what} accepted a connection in ${outcome.latencyMs} ms${note}`, latencyMs: outcome.latencyMs };
    if (outcome.timedOut || outcome.cancelled)
        return { status: 'inconclusive', summary: `${what}: ${outcome.error}${note}` };
    return { status: 'fail', summary: `${what}: ${outcome.error}${note}` };
}
const tcpProbe = {
    type: 'tcp',
    validate(spec, where) {
        const r = new _command_js__WEBPACK_IMPORTED_MODULE_2__/* .SpecReader */ .L9(spec, where, ['host', 'port']);
        r.host('host', { required: 'the host to connect to, e.g. 127.0.0.1' });
        r.port('port', { required: 'the TCP port' });
    },
    async run(spec, ctx, timeoutMs) {
        const host = spec.host;
        const port = spec.port;
        return tcpResult(`TCP ${(0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .hostPort */ .QL)(host, port)}`, await tcpConnect(host, port, timeoutMs, ctx.signal));
    },
};


/***/ })

};
