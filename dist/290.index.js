export const id = 290;
export const ids = [290,566];
export const modules = {

/***/ 24332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ createClient),
/* harmony export */   s: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86856);



/**
 * An octokit with retries of transient failures and GitHub's recommended throttling. The token is held only by
 * the client: it is never logged, written to state or put in a report.
 */
function createClient(opts) {
    const retries = opts.retries ?? 3;
    const maxWait = opts.maxRateLimitWaitSeconds ?? 60;
    const baseUrl = opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
        if (retryCount < retries && retryAfter <= maxWait) {
            opts.log.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s`);
            return true;
        }
        opts.log.warning(`GitHub ${kind} rate limit on ${what}; giving up`);
        return false;
    };
    // No `request` option here: getOctokit's defaults put the runner's proxy agent there, and options merge shallowly.
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(opts.token, {
        baseUrl,
        retry: { retries },
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}
/**
 * The login that comments written with this token carry. GraphQL's `viewer` answers for every kind of token:
 * GITHUB_TOKEN (github-actions[bot]), a GitHub App's installation token (<slug>[bot]) and a user's token, whereas
 * REST /user refuses installation tokens. If GraphQL is unreachable, /user, then the job token's identity.
 */
async function tokenIdentity(client) {
    try {
        const { viewer } = await client.graphql('query { viewer { login } }');
        if (viewer.login)
            return viewer.login;
    }
    catch {
        // fall through to REST
    }
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        const status = e.status;
        if (status === 403 || status === 401 || status === 404)
            return 'github-actions[bot]';
        throw e;
    }
}


/***/ }),

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

/***/ 72566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VN: () => (/* binding */ loadChecklist),
/* harmony export */   checklistToYaml: () => (/* binding */ checklistToYaml),
/* harmony export */   kZ: () => (/* binding */ DEFAULT_WEIGHTS),
/* harmony export */   ol: () => (/* binding */ DEFAULT_LEVELS)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84489);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _core_schema_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80674);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45939);






/** Level names used when the checklist names none, lowest first. */
const DEFAULT_LEVELS = ['bronze', 'silver', 'gold'];
/** Score weight per priority used when the checklist sets none. */
const DEFAULT_WEIGHTS = { critical: 10, high: 7.5, medium: 5, low: 2.5 };
const SCHEMA = 'readiness.schema.json';
/**
 * Reads readiness.yml (or .yaml/.json), validates it against schemas/readiness.schema.json and returns the
 * checklist with defaults filled in (levels, weights), every item's 1-based line and every waiver's line (in the
 * file it was written in). Waivers come from `waivers:` and from `waivers_file` (relative to the checklist's
 * directory), together. An item without `checks` gets one `manual` check. Every problem is a ConfigurationError
 * naming the file, the line and the field.
 */
async function loadChecklist(file, opts = {}) {
    const loaded = await (0,_core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(file, (0,_core_schema_files_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSchema */ .e)(SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
    const raw = loaded.value;
    const at = locator(loaded);
    const levels = raw.levels ?? [...DEFAULT_LEVELS];
    const weights = { ...DEFAULT_WEIGHTS, ...raw.weights };
    const policy = {};
    if (raw.policy?.min_score !== undefined)
        policy.minScore = raw.policy.min_score;
    if (raw.policy?.min_level !== undefined) {
        if (!levels.includes(raw.policy.min_level)) {
            throw at('/policy/min_level', `policy.min_level \`${raw.policy.min_level}\` is not one of the levels (${levels.join(', ')}). Use one of them, or add it to \`levels\`.`);
        }
        policy.minLevel = raw.policy.min_level;
    }
    const seen = new Map();
    const sections = raw.sections.map((section, s) => ({
        title: section.title,
        items: section.items.map((item, i) => {
            const pointer = `/sections/${s}/items/${i}`;
            const line = loaded.lineOf(pointer) ?? loaded.lineOf(`/sections/${s}`) ?? 1;
            const first = seen.get(item.id);
            if (seen.has(item.id)) {
                throw at(`${pointer}/id`, `duplicate item id \`${item.id}\`: already used by the item at line ${first ?? '?'}; this one is at line ${line}. Give each item its own id.`);
            }
            seen.set(item.id, line);
            if (item.level !== undefined && !levels.includes(item.level)) {
                throw at(`${pointer}/level`, `level \`${item.level}\` of item \`${item.id}\` is not one of the levels (${levels.join(', ')}). Use one of them, or add it to \`levels\`.`);
            }
            const checks = item.checks ?? [{ type: 'manual' }];
            if (opts.knownProbeTypes !== undefined) {
                const known = opts.knownProbeTypes;
                checks.forEach((check, c) => {
                    if (!known.includes(check.type)) {
                        throw at(`${pointer}/checks/${c}/type`, `unknown check type \`${check.type}\` in item \`${item.id}\`. Known types: ${[...known].sort().join(', ')}.`);
                    }
                });
            }
            const out = { id: item.id, title: item.title, priority: item.priority, section: section.title, checks, line };
            if (item.owner !== undefined)
                out.owner = item.owner;
            if (item.acceptance !== undefined)
                out.acceptance = item.acceptance;
            if (item.level !== undefined)
                out.level = item.level;
            return out;
        }),
    }));
    const sources = [];
    if (raw.waivers !== undefined)
        sources.push({ loaded, list: raw.waivers });
    if (raw.waivers_file !== undefined) {
        const wf = await loadWaiversFile(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), raw.waivers_file), raw.waivers_file, opts.displayPath, at);
        sources.push({ loaded: wf, list: wf.value.waivers });
    }
    const waivers = [];
    const waiverAt = new Map();
    for (const source of sources) {
        const wat = locator(source.loaded);
        source.list.forEach((w, k) => {
            const pointer = `/waivers/${k}`;
            const line = source.loaded.lineOf(pointer);
            const where = line === undefined ? source.loaded.file : `${source.loaded.file}:${line}`;
            if (!seen.has(w.id)) {
                throw wat(`${pointer}/id`, `waiver for unknown item \`${w.id}\`: no item in ${loaded.file} has this id. Fix the id, or remove the waiver.`);
            }
            if (!isValidDate(w.expires)) {
                throw wat(`${pointer}/expires`, `expires \`${w.expires}\` of the waiver for \`${w.id}\` is not a valid date. Write a real calendar date as YYYY-MM-DD.`);
            }
            for (const key of ['reason', 'owner']) {
                if (w[key].trim() === '')
                    throw wat(`${pointer}/${key}`, `the waiver for \`${w.id}\` has an empty \`${key}\`. Say ${key === 'reason' ? 'why the item is waived' : 'who owns the exception'}.`);
            }
            const previous = waiverAt.get(w.id);
            if (previous !== undefined) {
                throw wat(pointer, `duplicate waiver for \`${w.id}\`: the item is already waived at ${previous}; this one is at ${where}. Keep one waiver per item.`);
            }
            waiverAt.set(w.id, where);
            const waiver = { id: w.id, reason: w.reason, owner: w.owner, expires: w.expires };
            if (w.ticket !== undefined)
                waiver.ticket = w.ticket;
            if (line !== undefined)
                waiver.line = line;
            waivers.push(waiver);
        });
    }
    const checklist = { file: loaded.file, sections, levels, weights, policy, waivers };
    if (raw.name !== undefined)
        checklist.name = raw.name;
    return checklist;
}
/** Builds errors located at a JSON pointer of a loaded file: `file:line: message`, with the field named. */
function locator(loaded) {
    return (pointer, message) => {
        let line;
        for (let p = pointer; line === undefined; p = p.slice(0, p.lastIndexOf('/'))) {
            line = loaded.lineOf(p);
            if (p === '')
                break;
        }
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${line === undefined ? loaded.file : `${loaded.file}:${line}`}: ${message}`, {
            location: line === undefined ? { file: loaded.file } : { file: loaded.file, line },
            field: fieldName(pointer),
        });
    };
}
async function loadWaiversFile(file, written, checklistDisplay, at) {
    const main = (0,_core_schema_files_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSchema */ .e)(SCHEMA);
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: main.$defs, $ref: '#/$defs/waivers_file' };
    const displayPath = checklistDisplay === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(checklistDisplay.replaceAll('\\', '/')), written));
    try {
        return await (0,_core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(file, schema, displayPath === undefined ? {} : { displayPath });
    }
    catch (e) {
        if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1 && e.cause?.code === 'ENOENT') {
            throw at('/waivers_file', `waivers_file: ${e.message} (the path is relative to the checklist's directory). Fix the path, or create the file.`);
        }
        throw e;
    }
}
function isValidDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m === null)
        return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
/** `/sections/2/items/0/id` as `sections[2].items[0].id`. */
function fieldName(pointer) {
    let out = '';
    for (const s of pointer.split('/').slice(1))
        out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
    return out === '' ? 'the top level' : out;
}
// ---- writing ----
const ITEM_KEYS = ['id', 'title', 'priority', 'owner', 'acceptance', 'level'];
/**
 * The readiness.yml text of a checklist (snake_case keys; item keys in the order id, title, priority, owner,
 * acceptance, level, checks; a check's `type` first). Levels and weights are written only where they differ from the
 * defaults; waivers (from wherever they were loaded) are written inline. Loading the text gives back the same items.
 */
function checklistToYaml(c) {
    const out = { version: 1 };
    if (c.name !== undefined)
        out.name = c.name;
    if (!sameList(c.levels, DEFAULT_LEVELS))
        out.levels = [...c.levels];
    if (_types_js__WEBPACK_IMPORTED_MODULE_5__/* .PRIORITIES */ .B.some((p) => c.weights[p] !== DEFAULT_WEIGHTS[p]))
        out.weights = Object.fromEntries(_types_js__WEBPACK_IMPORTED_MODULE_5__/* .PRIORITIES */ .B.map((p) => [p, c.weights[p]]));
    const policy = {};
    if (c.policy.minScore !== undefined)
        policy.min_score = c.policy.minScore;
    if (c.policy.minLevel !== undefined)
        policy.min_level = c.policy.minLevel;
    if (Object.keys(policy).length > 0)
        out.policy = policy;
    out.sections = c.sections.map((s) => ({
        title: s.title,
        items: s.items.map((item) => {
            const o = {};
            for (const key of ITEM_KEYS)
                if (item[key] !== undefined)
                    o[key] = item[key];
            o.checks = item.checks.map((check) => {
                const { type, ...rest } = check;
                return { type, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
            });
            return o;
        }),
    }));
    if (c.waivers.length > 0) {
        out.waivers = c.waivers.map((w) => ({ id: w.id, reason: w.reason, owner: w.owner, ...(w.ticket === undefined ? {} : { ticket: w.ticket }), expires: w.expires }));
    }
    return new yaml__WEBPACK_IMPORTED_MODULE_1__/* .Document */ .yo(out).toString({ lineWidth: 0 });
}
function sameList(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}


/***/ }),

/***/ 98290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gate: () => (/* binding */ readiness_checklist_gate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/gate.ts
var gate = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/core/github/client.ts
var github_client = __webpack_require__(24332);
// EXTERNAL MODULE: ./src/core/report/charts.ts
var charts = __webpack_require__(78181);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/charts.ts
/**
 * SVG chart of readiness-checklist for the report directory (embedded in report.html): per section, the items by
 * status as one stacked bar. Section titles are untrusted: they enter the spec only as data values.
 */





const STATUSES = ['pass', 'waived', 'inconclusive', 'fail'];
const COLORS = { pass: '#1a7f37', waived: '#9a6700', inconclusive: '#8c959f', fail: '#cf222e' };
function label(s, max = 80) {
    const t = (0,report_escape/* stripControls */.$Y)(s).replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
/** A stacked horizontal bar per section (in the checklist's order) of its item counts by status; undefined for no items. */
function scoreSpec(results, sections) {
    const order = [...sections];
    for (const r of results)
        if (!order.includes(r.section))
            order.push(r.section);
    const values = [];
    order.forEach((title, si) => {
        const items = results.filter((r) => r.section === title);
        STATUSES.forEach((status, so) => {
            const n = items.filter((r) => r.status === status).length;
            // The index keeps sections apart even where two titles shorten to the same label.
            if (n > 0)
                values.push({ section: `${si + 1}. ${label(title) || '(untitled)'}`, si, status, so, n });
        });
    });
    if (!values.length)
        return undefined;
    const used = STATUSES.filter((s) => values.some((v) => v.status === s));
    return {
        title: { text: 'Items by section and status' },
        width: 420,
        height: { step: 22 },
        background: 'white',
        data: { values },
        mark: { type: 'bar' },
        encoding: {
            y: { field: 'section', type: 'nominal', title: null, sort: { field: 'si', op: 'min' }, axis: { labelLimit: 320 } },
            x: { field: 'n', type: 'quantitative', stack: 'zero', title: 'items', axis: { tickMinStep: 1, format: 'd' } },
            color: { field: 'status', type: 'nominal', title: 'status', scale: { domain: used, range: used.map((s) => COLORS[s]) }, legend: { orient: 'bottom' } },
            order: { field: 'so', type: 'quantitative' },
        },
    };
}
/** Writes charts/score.svg into the report directory; a chart that cannot be rendered is a warning. Returns its relative path, if written. */
async function writeReadinessCharts(reportDir, results, sections, log) {
    try {
        const spec = scoreSpec(results, sections);
        if (!spec)
            return undefined;
        const svg = await (0,charts/* renderVegaLite */.W)(spec);
        await (0,promises_.mkdir)(external_node_path_default().join(reportDir, 'charts'), { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(reportDir, 'charts', 'score.svg'), svg);
        return 'charts/score.svg';
    }
    catch (e) {
        log.warning(`chart charts/score.svg could not be rendered: ${(0,core_errors/* errorMessage */.gJ)(e)}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/gates/readiness-checklist/checklist.ts
var readiness_checklist_checklist = __webpack_require__(72566);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/command.ts
var command = __webpack_require__(4697);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/approval.ts


const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PER_PAGE = 100;
const MAX_PAGES = 30;
class Unreadable extends Error {
}
function describeError(e) {
    const status = e.status;
    return (0,command/* oneLine */.TN)(typeof status === 'number' ? `HTTP ${status}: ${(0,core_errors/* errorMessage */.gJ)(e)}` : (0,core_errors/* errorMessage */.gJ)(e), 160);
}
/** Logins whose latest review (comments aside) approves the pull request, in review order. */
async function approvers(gh, pull, signal) {
    const latest = new Map();
    for (let page = 1; page <= MAX_PAGES; page++) {
        let data;
        try {
            ({ data } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
                owner: gh.owner,
                repo: gh.repo,
                pull_number: pull,
                per_page: PER_PAGE,
                page,
                request: { signal },
            }));
        }
        catch (e) {
            throw new Unreadable(`cannot list the reviews of pull request #${pull}: ${describeError(e)}`);
        }
        if (!Array.isArray(data))
            throw new Unreadable(`unexpected answer listing the reviews of pull request #${pull}`);
        for (const review of data) {
            const login = review.user?.login;
            const state = review.state;
            // A comment after an approval does not take the approval back; a dismissal or a change request does.
            if (typeof login !== 'string' || typeof state !== 'string' || state === 'COMMENTED' || state === 'PENDING')
                continue;
            latest.set(login.toLowerCase(), { login, state });
        }
        if (data.length < PER_PAGE)
            break;
    }
    return [...latest.values()].filter((r) => r.state === 'APPROVED').map((r) => r.login);
}
/** Whether `login` is an active member of `org/team`; throws Unreadable when GitHub will not say (no access). */
async function isTeamMember(gh, team, login, signal) {
    const [org = '', slug = ''] = team.split('/');
    try {
        const { data } = await gh.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login, request: { signal } });
        return data?.state === 'active';
    }
    catch (e) {
        if (e.status === 404)
            return false;
        throw new Unreadable(`cannot read the membership of ${login} in ${team}: ${describeError(e)}`);
    }
}
function orList(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}
async function judge(gh, pull, users, teams, signal) {
    const approved = await approvers(gh, pull, signal);
    const seen = approved.length === 0 ? 'no approvals' : `approved by ${approved.join(', ')}`;
    if (users.length === 0 && teams.length === 0) {
        return approved.length > 0 ? { status: 'pass', summary: `PR #${pull} ${seen}` } : { status: 'fail', summary: `PR #${pull}: no approving review` };
    }
    const wanted = new Set(users.map((u) => u.toLowerCase()));
    const direct = approved.find((login) => wanted.has(login.toLowerCase()));
    if (direct !== undefined)
        return { status: 'pass', summary: `PR #${pull} approved by ${direct}` };
    const problems = [];
    for (const login of approved) {
        for (const team of teams) {
            try {
                if (await isTeamMember(gh, team, login, signal))
                    return { status: 'pass', summary: `PR #${pull} approved by ${login} (member of ${team})` };
            }
            catch (e) {
                if (!(e instanceof Unreadable))
                    throw e;
                problems.push(e.message);
            }
        }
    }
    const from = orList([...users, ...teams.map((t) => `a member of ${t}`)]);
    const first = problems[0];
    if (first !== undefined)
        return { status: 'inconclusive', summary: (0,command/* oneLine */.TN)(`PR #${pull}: no approval from ${from} confirmed; ${first}`, 300) };
    return { status: 'fail', summary: (0,command/* oneLine */.TN)(`PR #${pull}: no approval from ${from} (${seen})`, 300) };
}
const approvalProbe = {
    type: 'approval',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['users', 'teams']);
        r.logins('users');
        r.stringList('teams', { pattern: TEAM, what: 'a team as `org/team-slug`' });
    },
    async run(spec, ctx, timeoutMs) {
        const gh = ctx.github;
        if (gh === undefined)
            return { status: 'inconclusive', summary: 'approval cannot be checked: no GitHub access here (not in a pull request, or no token)' };
        if (gh.pullRequest === undefined)
            return { status: 'inconclusive', summary: 'approval cannot be checked: this run is not for a pull request' };
        const users = Array.isArray(spec.users) ? spec.users : [];
        const teams = Array.isArray(spec.teams) ? spec.teams : [];
        const controller = new AbortController();
        const signal = AbortSignal.any([ctx.signal, controller.signal]);
        try {
            const outcome = await (0,command/* raceDeadline */.cR)(judge(gh, gh.pullRequest, users, teams, signal), timeoutMs, ctx.signal, () => controller.abort());
            return outcome.ok ? outcome.value : (0,command/* interrupted */.VM)('approval', outcome.why, timeoutMs);
        }
        catch (e) {
            return { status: 'inconclusive', summary: (0,command/* oneLine */.TN)(e instanceof Unreadable ? e.message : `approval check failed: ${(0,core_errors/* errorMessage */.gJ)(e)}`, 300) };
        }
    },
};

// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/file.ts






const FIELDS = ['path', 'exists', 'glob', 'min_count', 'max_count', 'contains', 'json_schema'];
const MAX_MATCHES = 10_000;
const MAX_READ_BYTES = 16 * 1024 * 1024;
class Problem extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function isInside(root, p) {
    const rel = external_node_path_default().relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/** Where a workspace-relative path really is (links resolved), or undefined when nothing is there. */
async function resolveInWorkspace(ctx, rel) {
    const root = await (0,promises_.realpath)(ctx.workspace);
    let real;
    try {
        real = await (0,promises_.realpath)(external_node_path_default().resolve(root, rel));
    }
    catch (e) {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            return undefined;
        throw new Problem(`${rel}: cannot read: ${(0,core_errors/* errorMessage */.gJ)(e)}`, 'inconclusive');
    }
    if (!isInside(root, real))
        throw new Problem(`${rel} leads outside the repository (through a link); not read`, 'inconclusive');
    return real;
}
async function readText(file, shown) {
    const info = await (0,promises_.stat)(file);
    if (info.isDirectory())
        throw new Problem(`${shown} is a directory`, 'fail');
    if (info.size > MAX_READ_BYTES)
        throw new Problem(`${shown} is larger than ${MAX_READ_BYTES / 1024 / 1024} MiB; not read`, 'inconclusive');
    return (0,promises_.readFile)(file, 'utf8');
}
/** JSON or YAML by extension; other files are tried as JSON, then YAML. */
function parseData(text, shown) {
    const ext = external_node_path_default().extname(shown).toLowerCase();
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    if (ext === '.json')
        return JSON.parse(body);
    if (ext === '.yml' || ext === '.yaml')
        return (0,dist/* parse */.qg)(body);
    try {
        return JSON.parse(body);
    }
    catch {
        return (0,dist/* parse */.qg)(body);
    }
}
function describeErrors(errors) {
    const shown = errors.slice(0, 3).map((e) => `${e.instancePath === '' ? '/' : e.instancePath} ${e.message ?? e.keyword}`);
    return `${shown.join('; ')}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`;
}
async function loadSchema(ctx, rel) {
    const file = await resolveInWorkspace(ctx, rel);
    if (file === undefined)
        throw new Problem(`schema ${rel} not found`, 'inconclusive');
    let schema;
    try {
        schema = parseData(await readText(file, rel), rel);
    }
    catch (e) {
        if (e instanceof Problem)
            throw new Problem(`schema ${e.message}`, 'inconclusive');
        throw new Problem(`schema ${rel} is not valid JSON or YAML: ${(0,command/* oneLine */.TN)((0,core_errors/* errorMessage */.gJ)(e), 120)}`, 'inconclusive');
    }
    if (schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean'))
        throw new Problem(`schema ${rel} is not a JSON Schema`, 'inconclusive');
    // A fresh instance each time: users' schemas may reuse `$id`s, and their formats are not ours to know.
    const ajv = new _2020.Ajv2020({ allErrors: true, strict: false, logger: false, validateFormats: false });
    let validate;
    try {
        validate = ajv.compile(schema);
    }
    catch (e) {
        throw new Problem(`schema ${rel} cannot be used (JSON Schema 2020-12): ${(0,command/* oneLine */.TN)((0,core_errors/* errorMessage */.gJ)(e), 120)}`, 'inconclusive');
    }
    return (data) => (validate(data) ? undefined : (validate.errors ?? []));
}
/** Checks one existing file's content; returns a problem or undefined. */
async function checkContent(file, shown, checks) {
    if (checks.contains === undefined && checks.schema === undefined)
        return {};
    const text = await readText(file, shown);
    if (checks.contains !== undefined && !checks.contains.test(text))
        return { problem: `${shown} does not contain /${(0,command/* oneLine */.TN)(checks.contains.source, 60)}/` };
    if (checks.schema !== undefined) {
        let data;
        try {
            data = parseData(text, shown);
        }
        catch (e) {
            return { problem: `${shown} is not valid JSON or YAML`, output: (0,command/* tailText */.QR)((0,core_errors/* errorMessage */.gJ)(e)) };
        }
        const errors = checks.schema(data);
        if (errors !== undefined) {
            const detail = describeErrors(errors);
            return { problem: `${shown} does not match ${checks.schemaName ?? 'the schema'}: ${(0,command/* oneLine */.TN)(detail, 160)}`, output: (0,command/* tailText */.QR)(detail) };
        }
    }
    return {};
}
async function checkPath(spec, ctx, checks) {
    const rel = spec.path;
    const wantExists = spec.exists !== false;
    const file = await resolveInWorkspace(ctx, rel);
    if (file === undefined)
        return wantExists ? { status: 'fail', summary: `${rel} does not exist` } : { status: 'pass', summary: `${rel} does not exist, as expected` };
    if (!wantExists)
        return { status: 'fail', summary: `${rel} exists; expected it not to` };
    const { problem, output } = await checkContent(file, rel, checks);
    if (problem !== undefined)
        return { status: 'fail', summary: problem, ...(output === undefined ? {} : { output }) };
    const what = [checks.contains === undefined ? '' : ` contains /${(0,command/* oneLine */.TN)(checks.contains.source, 60)}/`, checks.schema === undefined ? '' : ` matches ${checks.schemaName ?? 'the schema'}`]
        .filter((s) => s !== '')
        .join(' and');
    return { status: 'pass', summary: what === '' ? `${rel} exists` : `${rel} exists and${what}` };
}
async function checkGlob(spec, ctx, checks) {
    const pattern = spec.glob;
    const root = await (0,promises_.realpath)(ctx.workspace);
    const matches = [];
    for await (const entry of (0,promises_.glob)(pattern, { cwd: root })) {
        const abs = external_node_path_default().resolve(root, entry);
        if (!isInside(root, abs))
            continue;
        try {
            if (!(await (0,promises_.stat)(abs)).isFile())
                continue;
        }
        catch {
            continue;
        }
        matches.push(entry);
        if (matches.length >= MAX_MATCHES)
            break;
    }
    matches.sort();
    const count = matches.length;
    const noun = `${count}${count >= MAX_MATCHES ? '+' : ''} file${count === 1 ? '' : 's'} match ${pattern}`;
    if (spec.exists === false) {
        return count === 0 ? { status: 'pass', summary: `no file matches ${pattern}, as expected` } : { status: 'fail', summary: `${noun}; expected none (first: ${matches[0] ?? ''})` };
    }
    const min = typeof spec.min_count === 'number' ? spec.min_count : 1;
    const max = typeof spec.max_count === 'number' ? spec.max_count : undefined;
    if (count < min)
        return { status: 'fail', summary: `${noun}; expected at least ${min}` };
    if (max !== undefined && count > max)
        return { status: 'fail', summary: `${noun}; expected at most ${max}`, output: (0,command/* tailText */.QR)(matches.join('\n')) };
    for (const entry of matches) {
        const { problem, output } = await checkContent(external_node_path_default().resolve(root, entry), entry, checks);
        if (problem !== undefined)
            return { status: 'fail', summary: `${noun}; ${problem}`, ...(output === undefined ? {} : { output }) };
    }
    const bounds = max === undefined ? `at least ${min}` : `${min} to ${max}`;
    const extra = checks.contains === undefined && checks.schema === undefined ? '' : '; every one passes the content checks';
    return { status: 'pass', summary: `${noun} (${bounds})${extra}` };
}
const fileProbe = {
    type: 'file',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, FIELDS);
        const p = r.relativePath('path');
        const g = r.relativePath('glob');
        if (p === undefined && g === undefined)
            throw r.missing('path', 'the file to check, relative to the repository root; or `glob` with a pattern');
        if (p !== undefined && g !== undefined)
            throw r.error('glob', 'cannot be combined with `path`', 'Keep `path` for one file or `glob` for a pattern, not both.');
        const exists = r.boolean('exists');
        const min = r.number('min_count', { integer: true, min: 0 });
        const max = r.number('max_count', { integer: true, min: 0 });
        for (const key of ['min_count', 'max_count']) {
            if (r.has(key) && g === undefined)
                throw r.error(key, 'only applies to `glob`', `Use \`glob\` instead of \`path\`, or remove \`${key}\`.`);
        }
        if (min !== undefined && max !== undefined && min > max)
            throw r.error('min_count', `is above max_count (${min} > ${max})`, 'Fix the bounds.');
        r.regex('contains');
        r.relativePath('json_schema');
        if (exists === false) {
            for (const key of ['contains', 'json_schema', 'min_count', 'max_count']) {
                if (r.has(key))
                    throw r.error(key, 'cannot be checked with `exists: false`', `Remove \`${key}\` or \`exists: false\`.`);
            }
        }
    },
    async run(spec, ctx) {
        try {
            const checks = {
                contains: typeof spec.contains === 'string' ? new RegExp(spec.contains) : undefined,
                schema: typeof spec.json_schema === 'string' ? await loadSchema(ctx, spec.json_schema) : undefined,
                schemaName: typeof spec.json_schema === 'string' ? spec.json_schema : undefined,
            };
            return typeof spec.glob === 'string' ? await checkGlob(spec, ctx, checks) : await checkPath(spec, ctx, checks);
        }
        catch (e) {
            if (e instanceof Problem)
                return { status: e.status, summary: e.message };
            return { status: 'inconclusive', summary: (0,command/* oneLine */.TN)(`file check failed: ${(0,core_errors/* errorMessage */.gJ)(e)}`) };
        }
    },
};

// EXTERNAL MODULE: ./src/core/report/model.ts
var model = __webpack_require__(327);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/gate.ts





const DEFAULT_VERDICTS = ['pass', 'warn'];
/** A bare name (`perf-gate`, `perf-gate-nightly`) means that gate's folder in the reports directory. */
const GATE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The report file a `report:` value names. */
function reportFile(report, reportsDir) {
    if (GATE_NAME.test(report) && !report.toLowerCase().endsWith('.json'))
        return external_node_path_default().join(reportsDir, report, 'report.json');
    return external_node_path_default().resolve(reportsDir, report);
}
function verdictsOf(spec) {
    if (typeof spec.verdict === 'string')
        return [spec.verdict];
    if (Array.isArray(spec.verdict))
        return spec.verdict;
    return DEFAULT_VERDICTS;
}
const gateProbe = {
    type: 'gate',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['report', 'verdict', 'field', 'equals', 'min', 'max']);
        const report = r.string('report', { required: "another gate's report: its name (e.g. perf-gate) or a report.json path relative to the reports folder" });
        if (external_node_path_default().isAbsolute(report))
            throw r.error('report', `must be a gate name or a path relative to the reports folder${(0,command/* got */.Lt)(report)}`, 'Write it like `perf-gate` or `perf-gate/report.json`.');
        const verdict = spec.verdict;
        if (verdict !== undefined) {
            const list = Array.isArray(verdict) ? verdict : [verdict];
            if (list.length === 0)
                throw r.error('verdict', 'must not be an empty list', `List the accepted verdicts (${model/* VERDICTS */.bk.join(', ')}).`);
            list.forEach((v, i) => {
                if (typeof v !== 'string' || !model/* VERDICTS */.bk.includes(v)) {
                    throw r.error(Array.isArray(verdict) ? `verdict[${i}]` : 'verdict', `must be one of: ${model/* VERDICTS */.bk.join(', ')}${(0,command/* got */.Lt)(v)}`, 'Use one of the listed verdicts.');
                }
            });
        }
        const field = r.string('field');
        if (field !== undefined && (0,command/* parsePath */.Rr)(field) === undefined) {
            throw r.error('field', `is not a simple dotted path${(0,command/* got */.Lt)(field)}`, 'Write it like `details.score` or `findings[0].status`.');
        }
        r.expectation({ key: 'field', present: field !== undefined }, ['equals', 'min', 'max']);
    },
    async run(spec, ctx) {
        const file = reportFile(spec.report, ctx.reportsDir);
        const shown = (0,command/* displayPath */.Gt)(ctx, file);
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (e) {
            const code = e.code;
            return { status: 'inconclusive', summary: code === 'ENOENT' ? `no report at ${shown} (did that gate run before this one?)` : (0,command/* oneLine */.TN)(`${shown}: cannot read: ${(0,core_errors/* errorMessage */.gJ)(e)}`) };
        }
        let report;
        try {
            report = JSON.parse(text);
        }
        catch {
            return { status: 'inconclusive', summary: `${shown} is not valid JSON` };
        }
        const r = report;
        if (r === null || typeof r !== 'object' || typeof r.verdict !== 'string')
            return { status: 'inconclusive', summary: `${shown} is not a shipgate report (no verdict)` };
        const label = typeof r.gate === 'string' ? `${r.gate}${typeof r.name === 'string' && r.name !== '' && r.name !== r.gate ? ` (${r.name})` : ''}` : shown;
        const accepted = verdictsOf(spec);
        if (!accepted.includes(r.verdict))
            return { status: 'fail', summary: `${label}: verdict ${r.verdict}; expected ${accepted.join(' or ')}` };
        if (typeof spec.field !== 'string')
            return { status: 'pass', summary: `${label}: verdict ${r.verdict}` };
        const found = (0,command/* lookupPath */.wf)(report, (0,command/* parsePath */.Rr)(spec.field) ?? []);
        if (!found.found)
            return { status: 'inconclusive', summary: `${label}: verdict ${r.verdict}; ${spec.field} not in the report` };
        const exp = (0,command/* expectationOf */.EV)(spec);
        const why = (0,command/* unmet */.iY)(found.value, exp);
        const seen = `${spec.field} = ${(0,command/* showValue */.vp)(found.value)}`;
        if (why !== undefined)
            return { status: 'fail', summary: `${label}: verdict ${r.verdict}; ${seen}, ${why}` };
        return { status: 'pass', summary: `${label}: verdict ${r.verdict}; ${seen}${(0,command/* describeExpectation */.uN)(exp)}` };
    },
};

// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/http.ts
var http = __webpack_require__(59778);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/manual.ts

/** A sign-off ticked in readiness.yml: `checked: true` with the owner who signed it off in `by`. */
const manualProbe = {
    type: 'manual',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['checked', 'by']);
        r.boolean('checked');
        r.string('by');
    },
    run(spec) {
        const by = typeof spec.by === 'string' && spec.by.trim() !== '' ? (0,command/* oneLine */.TN)(spec.by, 80) : undefined;
        if (spec.checked !== true)
            return Promise.resolve({ status: 'fail', summary: 'not signed off' });
        if (by === undefined)
            return Promise.resolve({ status: 'inconclusive', summary: 'ticked without a named owner (add `by:`)' });
        return Promise.resolve({ status: 'pass', summary: `signed off by ${by}` });
    },
};

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/postgres.ts



/** A server error (auth, missing database …) carries a SQLSTATE and its own text; a network error only a code. */
function failure(e) {
    const sqlState = e.code;
    if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState) && !/^E[A-Z]+$/.test(sqlState))
        return (0,command/* oneLine */.TN)(`${(0,core_errors/* errorMessage */.gJ)(e)} (SQLSTATE ${sqlState})`);
    return (0,command/* errorCode */.CA)(e);
}
/** Connects once and runs `SELECT 1`; always closes the connection. Never throws. */
async function checkPostgres(target, ctx, timeoutMs) {
    const user = target.user ?? process.env.PGUSER ?? 'postgres';
    const database = target.database ?? user;
    const what = `postgres ${user}@${(0,command/* hostPort */.QL)(target.host, target.port)}/${database}`;
    const client = new esm/* default.Client */.Ay.Client({
        host: target.host,
        port: target.port,
        user,
        database,
        ...(target.password === undefined ? {} : { password: target.password }),
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
        application_name: 'shipgate-readiness',
    });
    client.on('error', () => undefined);
    let ended = false;
    const end = () => {
        if (ended)
            return;
        ended = true;
        client.end().catch(() => undefined);
    };
    const work = async () => {
        await client.connect();
        const res = await client.query('SELECT 1 AS one');
        const one = res.rows[0]?.one;
        if (one !== 1)
            return { status: 'fail', summary: `${what}: SELECT 1 returned ${JSON.stringify(one)}` };
        return { status: 'pass', summary: `${what}: SELECT 1 ok` };
    };
    try {
        const outcome = await (0,command/* raceDeadline */.cR)(work(), timeoutMs, ctx.signal, end);
        return outcome.ok ? outcome.value : (0,command/* interrupted */.VM)(what, outcome.why, timeoutMs);
    }
    catch (e) {
        if (/timeout/i.test((0,core_errors/* errorMessage */.gJ)(e)))
            return (0,command/* interrupted */.VM)(what, 'timeout', timeoutMs);
        return { status: 'fail', summary: `${what}: ${(0,command/* redact */.E$)(failure(e), target.password)}` };
    }
    finally {
        end();
    }
}
const postgresProbe = {
    type: 'postgres',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['host', 'port', 'user', 'password', 'database']);
        r.host('host');
        r.port('port');
        r.string('user');
        r.string('password');
        r.string('database');
    },
    run(spec, ctx, timeoutMs) {
        return checkPostgres({
            host: typeof spec.host === 'string' ? spec.host : '127.0.0.1',
            port: typeof spec.port === 'number' ? spec.port : 5432,
            ...(typeof spec.user === 'string' ? { user: spec.user } : {}),
            ...(typeof spec.password === 'string' ? { password: spec.password } : {}),
            ...(typeof spec.database === 'string' ? { database: spec.database } : {}),
        }, ctx, timeoutMs);
    },
};

// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/prometheus.ts
var prometheus = __webpack_require__(35514);
// EXTERNAL MODULE: ./node_modules/ioredis/built/index.js
var built = __webpack_require__(67796);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/redis.ts



const INFO_FIELD = /^([A-Za-z_]+):([A-Za-z0-9_.-]+)$/;
/** What Redis answers to AUTH when it has no password: the check then goes on without one. */
const NO_PASSWORD = /no password is set|without any password configured/i;
function infoValue(info, field) {
    for (const line of info.split(/\r?\n/)) {
        if (line.startsWith(`${field}:`))
            return line.slice(field.length + 1);
    }
    return undefined;
}
/**
 * Connects once (no retries, no reconnects, no offline queue), authenticates if a password is given, sends PING
 * and optionally reads one INFO field. Always disconnects. Never throws.
 */
async function checkRedis(target, ctx, timeoutMs) {
    const what = `redis ${(0,command/* hostPort */.QL)(target.host, target.port)}`;
    const client = new built.Redis({
        host: target.host,
        port: target.port,
        lazyConnect: true,
        retryStrategy: () => null,
        reconnectOnError: () => false,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        // The ready check and client-info commands would run before AUTH; ioredis's own AUTH prints warnings.
        enableReadyCheck: false,
        disableClientInfo: true,
        connectTimeout: timeoutMs,
        commandTimeout: timeoutMs,
    });
    // The socket's own error (ECONNREFUSED …) arrives here; the command then only learns "Connection is closed".
    let socketError;
    client.on('error', (e) => {
        socketError ??= e;
    });
    const work = async () => {
        await client.connect();
        if (target.password !== undefined) {
            try {
                await client.call('AUTH', target.password);
            }
            catch (e) {
                if (!NO_PASSWORD.test((0,core_errors/* errorMessage */.gJ)(e)))
                    throw e;
            }
        }
        const pong = await client.ping();
        if (pong !== 'PONG')
            return { status: 'fail', summary: `${what}: PING answered ${(0,command/* showValue */.vp)(pong)}` };
        if (target.infoField === undefined)
            return { status: 'pass', summary: `${what}: PONG` };
        const [, section = '', field = ''] = INFO_FIELD.exec(target.infoField) ?? [];
        const value = infoValue(await client.info(section), field);
        if (value === undefined)
            return { status: 'fail', summary: `${what}: PONG; ${target.infoField} not in INFO` };
        const why = (0,command/* unmet */.iY)(value, target.expect ?? {});
        const seen = `${target.infoField} = ${(0,command/* showValue */.vp)(value)}`;
        if (why !== undefined)
            return { status: 'fail', summary: `${what}: PONG; ${seen}, ${why}` };
        return { status: 'pass', summary: `${what}: PONG; ${seen}${(0,command/* describeExpectation */.uN)(target.expect ?? {})}` };
    };
    try {
        const outcome = await (0,command/* raceDeadline */.cR)(work(), timeoutMs, ctx.signal, () => client.disconnect());
        return outcome.ok ? outcome.value : (0,command/* interrupted */.VM)(what, outcome.why, timeoutMs);
    }
    catch (e) {
        if (/timeout|timed out/i.test((0,core_errors/* errorMessage */.gJ)(e)))
            return (0,command/* interrupted */.VM)(what, 'timeout', timeoutMs);
        const cause = socketError !== undefined && /connection is closed/i.test((0,core_errors/* errorMessage */.gJ)(e)) ? socketError : e;
        return { status: 'fail', summary: `${what}: ${(0,command/* redact */.E$)((0,command/* errorCode */.CA)(cause), target.password)}` };
    }
    finally {
        client.disconnect();
    }
}
const redisProbe = {
    type: 'redis',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['host', 'port', 'password', 'info_field', 'equals', 'matches', 'min', 'max']);
        r.host('host');
        r.port('port');
        r.string('password');
        const field = r.string('info_field');
        if (field !== undefined && !INFO_FIELD.test(field)) {
            throw r.error('info_field', `must be \`section:field\` of INFO (got ${JSON.stringify(field)})`, 'Write it like `replication:role` or `server:redis_version`.');
        }
        r.expectation({ key: 'info_field', present: field !== undefined }, ['equals', 'matches', 'min', 'max']);
    },
    run(spec, ctx, timeoutMs) {
        return checkRedis({
            host: typeof spec.host === 'string' ? spec.host : '127.0.0.1',
            port: typeof spec.port === 'number' ? spec.port : 6379,
            ...(typeof spec.password === 'string' ? { password: spec.password } : {}),
            ...(typeof spec.info_field === 'string' ? { infoField: spec.info_field } : {}),
            expect: (0,command/* expectationOf */.EV)(spec),
        }, ctx, timeoutMs);
    },
};

// EXTERNAL MODULE: ./src/gates/readiness-checklist/probes/tcp.ts
var tcp = __webpack_require__(51959);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/service.ts





const SERVICES = ['redis', 'postgres', 'kafka', 'neo4j', 'temporal', 'prometheus', 'grafana'];
const DEFAULT_PORTS = {
    redis: 6379,
    postgres: 5432,
    kafka: 9092,
    neo4j: 7687,
    temporal: 7233,
    prometheus: 9090,
    grafana: 3000,
};
const HEALTH_PATHS = { prometheus: '/-/healthy', grafana: '/api/health' };
async function checkHealthEndpoint(service, host, port, path, ctx, timeoutMs) {
    const url = new URL(`http://${(0,command/* hostPort */.QL)(host, port)}${path}`);
    const what = `${service} GET ${url.href}`;
    const res = await (0,http/* httpRequest */.aj)(url, { timeoutMs, signal: ctx.signal });
    if (!res.ok)
        return { status: res.timedOut || res.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${res.error}` };
    const healthy = res.statusCode >= 200 && res.statusCode < 300;
    return {
        status: healthy ? 'pass' : 'fail',
        summary: `${what} → ${res.statusCode} in ${res.latencyMs} ms${healthy ? '' : '; expected 2xx'}`,
        statusCode: res.statusCode,
        latencyMs: res.latencyMs,
    };
}
/** Well-known services by name, on their usual ports: a protocol-level check where one is built in, else a TCP connect. */
const serviceProbe = {
    type: 'service',
    validate(spec, where) {
        const r = new command/* SpecReader */.L9(spec, where, ['service', 'host', 'port']);
        r.oneOf('service', SERVICES, { required: `one of ${SERVICES.join(', ')}` });
        r.host('host');
        r.port('port');
    },
    async run(spec, ctx, timeoutMs) {
        const service = spec.service;
        const host = typeof spec.host === 'string' ? spec.host : '127.0.0.1';
        const port = typeof spec.port === 'number' ? spec.port : DEFAULT_PORTS[service];
        switch (service) {
            case 'redis':
                return checkRedis({ host, port }, ctx, timeoutMs);
            case 'postgres':
                return checkPostgres({ host, port }, ctx, timeoutMs);
            case 'prometheus':
            case 'grafana':
                return checkHealthEndpoint(service, host, port, HEALTH_PATHS[service] ?? '/', ctx, timeoutMs);
            case 'kafka':
            case 'neo4j':
            case 'temporal':
                return (0,tcp/* tcpResult */.XF)(`${service} ${(0,command/* hostPort */.QL)(host, port)}`, await (0,tcp/* tcpConnect */.en)(host, port, timeoutMs, ctx.signal), ' (only the port was checked)');
        }
    },
};

;// CONCATENATED MODULE: ./src/gates/readiness-checklist/probes/index.ts














const ALL = [command/* commandProbe */.ys, tcp/* tcpProbe */.MK, http/* httpProbe */.HB, fileProbe, redisProbe, postgresProbe, prometheus/* prometheusProbe */.t_, gateProbe, approvalProbe, manualProbe, serviceProbe];
const PROBES = new Map(ALL.map((p) => [p.type, p]));
const PROBE_TYPES = ALL.map((p) => p.type);
const DEFAULT_TIMEOUT_S = 10;
const DEFAULT_RETRY_DELAY_S = 1;
/**
 * How long past its timeout a probe may take to report the timeout itself (with its own evidence, e.g. a command's
 * output) before runCheck stops waiting for it.
 */
const OVERRUN_GRACE_MS = 1000;
/** Longest wait a Node timer takes (about 23 days), less the grace. */
const MAX_WAIT_MS = 2 ** 31 - 1 - OVERRUN_GRACE_MS;
const probes_STATUSES = ['pass', 'fail', 'inconclusive'];
/**
 * Checks a check's common fields (`type`, `name`, `timeout`, `retries`, `retry_delay`) and then the probe's own;
 * throws a ConfigurationError naming `where.file:where.line` and the field.
 */
function validateCheck(spec, where) {
    const type = spec.type;
    if (type === undefined)
        throw (0,command/* specError */.k9)(where, undefined, `a check needs \`type\` (one of: ${PROBE_TYPES.join(', ')})`, 'Add `type`.');
    if (typeof type !== 'string' || !PROBES.has(type)) {
        const suggestion = typeof type === 'string' ? (0,command/* closestName */.Nf)(type, PROBE_TYPES) : undefined;
        throw (0,command/* specError */.k9)(where, 'type', `unknown check type ${JSON.stringify(type)} (known: ${PROBE_TYPES.join(', ')})`, suggestion === undefined ? 'Use one of the known types.' : `Did you mean \`${suggestion}\`?`);
    }
    if (spec.name !== undefined && (typeof spec.name !== 'string' || spec.name.trim() === ''))
        throw (0,command/* specError */.k9)(where, 'name', 'must be a non-empty string', 'Write a name or remove the field.');
    const number = (key, ok, rule) => {
        const v = spec[key];
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)))
            throw (0,command/* specError */.k9)(where, key, `must be ${rule} (got ${JSON.stringify(v)})`, 'Change the value.');
    };
    // The same rules as schemas/readiness.schema.json's `check`.
    number('timeout', (n) => n > 0, 'a number of seconds above 0');
    number('retries', (n) => Number.isInteger(n) && n >= 0, 'a whole number, 0 or more');
    number('retry_delay', (n) => n >= 0, 'a number of seconds, 0 or more');
    PROBES.get(type).validate(spec, where);
}
function numberOr(v, fallback, ok) {
    return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : fallback;
}
function labelOf(spec) {
    return (0,command/* oneLine */.TN)(typeof spec.name === 'string' && spec.name.trim() !== '' ? spec.name : String(spec.type), 80);
}
/** A probe's result made safe to report: a known status, a one-line summary. */
function sanitize(r, label) {
    const result = r;
    if (result === null || typeof result !== 'object' || !probes_STATUSES.includes(result.status) || typeof result.summary !== 'string') {
        return { status: 'inconclusive', summary: `${label}: the probe returned no usable result` };
    }
    return { ...result, status: result.status, summary: (0,command/* oneLine */.TN)(result.summary, 500) };
}
async function attempt(probe, spec, ctx, timeoutMs, label) {
    if (ctx.signal.aborted)
        return { status: 'inconclusive', summary: `${label}: cancelled` };
    const controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    try {
        const running = Promise.resolve().then(() => probe.run(spec, { ...ctx, signal }, timeoutMs));
        const outcome = await (0,command/* raceDeadline */.cR)(running, timeoutMs + OVERRUN_GRACE_MS, ctx.signal, () => controller.abort());
        if (outcome.ok)
            return sanitize(outcome.value, label);
        return { status: 'inconclusive', summary: `${label}: ${outcome.why === 'timeout' ? (0,command/* timedOutAfter */.mf)(timeoutMs) : 'cancelled'}` };
    }
    catch (e) {
        return { status: 'inconclusive', summary: (0,command/* oneLine */.TN)(`${label}: ${(0,core_errors/* errorMessage */.gJ)(e)}`, 500) };
    }
    finally {
        controller.abort();
    }
}
/**
 * Runs one check: its probe, bounded by `timeout` (seconds, default 10), repeated up to `retries` times (default 0)
 * `retry_delay` seconds apart (default 1) while the result is not a pass. Never throws and never hangs: a probe that
 * overruns its timeout is `inconclusive` ("timed out after N s"), an exception is `inconclusive` with its message,
 * and `ctx.signal` cancels it.
 */
async function runCheck(spec, ctx) {
    const started = external_node_perf_hooks_.performance.now();
    const label = labelOf(spec);
    const done = (r, attempts) => ({ ...r, attempts, durationMs: Math.round(external_node_perf_hooks_.performance.now() - started) });
    const probe = typeof spec.type === 'string' ? PROBES.get(spec.type) : undefined;
    if (probe === undefined)
        return done({ status: 'inconclusive', summary: `unknown check type ${JSON.stringify(spec.type)}` }, 0);
    try {
        validateCheck(spec, { file: '', line: 0, field: '' });
    }
    catch (e) {
        return done({ status: 'inconclusive', summary: (0,command/* oneLine */.TN)(`${label}: invalid check: ${(0,core_errors/* errorMessage */.gJ)(e)}`, 500) }, 0);
    }
    const timeoutMs = Math.min(numberOr(spec.timeout, DEFAULT_TIMEOUT_S, (n) => n > 0) * 1000, MAX_WAIT_MS);
    const retries = numberOr(spec.retries, 0, (n) => Number.isInteger(n) && n >= 0);
    const retryDelayMs = Math.min(numberOr(spec.retry_delay, DEFAULT_RETRY_DELAY_S, (n) => n >= 0) * 1000, MAX_WAIT_MS);
    let attempts = 0;
    for (;;) {
        attempts += 1;
        const result = await attempt(probe, spec, ctx, timeoutMs, label);
        if (result.status === 'pass' || attempts > retries || ctx.signal.aborted)
            return done(result, attempts);
        try {
            await (0,external_node_timers_promises_.setTimeout)(retryDelayMs, undefined, { signal: ctx.signal });
        }
        catch {
            return done(result, attempts);
        }
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/sarif.ts


/**
 * SARIF 2.1.0 for readiness-checklist (results.sarif, for GitHub code scanning): one rule per checklist item, one
 * result per item that fails, is inconclusive or is waived, located at the item's line in the checklist file.
 */
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SARIF_TOOL_NAME = 'shipgate readiness-checklist';
const INFORMATION_URI = 'https://github.com/shipgate/shipgate';
const LEVEL_BY_PRIORITY = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/**
 * A failing item's level by priority; an inconclusive one is a warning whatever its priority (a waived item: by what
 * its checks said; a failing one stays by priority even when its checks were inconclusive, e.g. an expired waiver).
 */
function levelOf(item) {
    const inconclusive = item.status === 'inconclusive' || (item.status === 'waived' && item.checkStatus === 'inconclusive');
    return inconclusive ? 'warning' : LEVEL_BY_PRIORITY[item.priority];
}
/** The checklist path as a SARIF URI: relative to the repository root (`%SRCROOT%`), or a file: URI when absolute. */
function artifactLocation(file) {
    if (external_node_path_default().isAbsolute(file))
        return { uri: (0,external_node_url_.pathToFileURL)(file).href };
    const segments = file.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
function messageText(item) {
    const reason = item.reason?.trim();
    if (reason !== undefined && reason !== '')
        return reason;
    return `${item.title}: ${item.status}`;
}
/**
 * The SARIF log. Results: `fail` and `inconclusive` items, with level error (critical, high), warning (medium) or
 * note (low) — inconclusive is always warning; `waived` items as results carrying an external suppression whose
 * justification is the reason. Passing items only appear as rules.
 */
function toSarif(items, checklistFile, toolVersion) {
    const ruleIndex = new Map();
    const rules = [];
    for (const item of items) {
        if (ruleIndex.has(item.id))
            continue;
        ruleIndex.set(item.id, rules.length);
        rules.push({
            id: item.id,
            name: item.id,
            shortDescription: { text: item.title },
            defaultConfiguration: { level: LEVEL_BY_PRIORITY[item.priority] },
            properties: {
                priority: item.priority,
                section: item.section,
                ...(item.level === undefined ? {} : { level: item.level }),
                ...(item.owner === undefined ? {} : { owner: item.owner }),
                tags: ['readiness', item.priority],
            },
        });
    }
    const location = artifactLocation(checklistFile);
    const results = items
        .filter((item) => item.status === 'fail' || item.status === 'inconclusive' || item.status === 'waived')
        .map((item) => {
        const text = messageText(item);
        return {
            ruleId: item.id,
            ruleIndex: ruleIndex.get(item.id),
            level: levelOf(item),
            message: { text },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: location,
                        ...(Number.isInteger(item.line) && item.line >= 1 ? { region: { startLine: item.line } } : {}),
                    },
                },
            ],
            ...(item.status === 'waived' ? { suppressions: [{ kind: 'external', justification: text }] } : {}),
            properties: { status: item.status, checkStatus: item.checkStatus },
        };
    });
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: SARIF_TOOL_NAME, informationUri: INFORMATION_URI, version: toolVersion, rules } },
                results,
                columnKind: 'utf16CodeUnits',
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/gates/readiness-checklist/types.ts
var types = __webpack_require__(45939);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/scoring.ts


/**
 * Scoring of readiness-checklist: checks → item status, waivers, the weighted score, levels, the verdict, and the
 * diff against the base branch's result.
 */
const ITEM_STATUSES = ['pass', 'fail', 'inconclusive', 'waived'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * The checks of one item combined: `pass` when every check passed, `fail` when any failed, else `inconclusive`.
 * An item without checks is `inconclusive`: nothing proved it.
 */
function combineChecks(checks) {
    if (checks.length === 0)
        return 'inconclusive';
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    return checks.every((c) => c.status === 'pass') ? 'pass' : 'inconclusive';
}
function isCalendarDay(text) {
    const m = ISO_DAY.exec(text);
    if (m === null)
        return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
/** Today's date as YYYY-MM-DD in UTC, the form `applyWaiver` compares with. */
function utcToday(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
function waiverLabel(waiver) {
    return `${waiver.owner}${waiver.ticket === undefined ? '' : `, ${waiver.ticket}`}`;
}
/**
 * Applies an item's waiver (if any) to the status of its checks. The waiver holds through its `expires` day (UTC):
 * - checks pass → `pass`; a waiver is reported back as unused (so it can be removed);
 * - checks fail or are inconclusive, the waiver holds (today ≤ expires) → `waived`;
 * - the waiver has expired (today > expires) → `fail`, whatever the checks said ("waiver expired on …"): an expired
 *   waiver is a broken promise, not an unknown;
 * - no waiver → the checks' status.
 * `today` is YYYY-MM-DD (UTC, see `utcToday`). A malformed `expires` is a ConfigurationError naming the waiver.
 */
function applyWaiver(item, checkStatus, waiver, today) {
    if (waiver === undefined)
        return { status: checkStatus };
    if (!isCalendarDay(today))
        throw new Error(`applyWaiver: today must be YYYY-MM-DD, got "${today}"`);
    if (waiver.id !== item.id)
        throw new Error(`applyWaiver: waiver for "${waiver.id}" applied to item "${item.id}"`);
    if (!isCalendarDay(waiver.expires)) {
        const at = waiver.line === undefined ? '' : ` (line ${waiver.line})`;
        throw new core_errors/* ConfigurationError */.j1(`waiver for item "${item.id}"${at}: expires must be a date YYYY-MM-DD, got "${waiver.expires}"`, {
            field: 'waivers.expires',
        });
    }
    // Both are YYYY-MM-DD: string order is date order.
    const expired = today > waiver.expires;
    const reported = { ...waiver, expired };
    if (checkStatus === 'pass') {
        return { status: 'pass', waiver: reported, reason: `passes; the waiver (${expired ? 'expired on' : 'until'} ${waiver.expires}) is unused` };
    }
    if (expired) {
        return {
            status: 'fail',
            waiver: reported,
            reason: `waiver expired on ${waiver.expires} (${waiverLabel(waiver)}); the checks are ${checkStatus}`,
        };
    }
    return { status: 'waived', waiver: reported, reason: `waived until ${waiver.expires} (${waiverLabel(waiver)}): ${waiver.reason}` };
}
const notPassing = (s) => s === 'fail' || s === 'inconclusive';
function listItems(items) {
    return items.map((i) => `${i.id} (${i.status})`).join(', ');
}
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/**
 * Scores item results against the checklist's weights, levels and policy.
 *
 * - **score** = Σ weight(items that pass) / Σ weight(items counted) × 100, weight by priority. Waived items are left
 *   out of both sums (they neither earn nor cost points); `fail` and `inconclusive` count as not passed. Rounded to
 *   one decimal, except that 100 is kept for "everything counted passes" (a near-100 score shows as 99.9). With
 *   nothing counted (no items, all waived, or zero weights) the score is 100.
 * - **levels** (checklist order, lowest first) are cumulative: level L is reached when every item whose level is L or
 *   below has status `pass` — `waived` and `inconclusive` do not count as passing — and at least one item has level L
 *   or above. So a level with no items of its own between two used levels is reached on the way up, while levels
 *   above the highest one any item names are never reached (nothing proves them), and a checklist whose items use no
 *   level reaches none (`level` null). Items without a level count for no level.
 * - **verdict** `fail`: a critical item fails or is inconclusive, the score is below `policy.minScore`, or the level
 *   reached is below `policy.minLevel`; `warn`: a non-critical item fails or is inconclusive, or a waiver is active
 *   (an item is `waived`); else `pass`.
 *
 * An item level or `minLevel` that is not one of `levels` is a ConfigurationError.
 */
function scoreResults(items, checklist) {
    const levelIndex = new Map(checklist.levels.map((name, i) => [name, i]));
    const itemLevel = (item) => {
        if (item.level === undefined)
            return undefined;
        const index = levelIndex.get(item.level);
        if (index === undefined) {
            throw new core_errors/* ConfigurationError */.j1(`item "${item.id}" (line ${item.line}): level "${item.level}" is not one of the checklist's levels (${checklist.levels.join(', ')}); use one of them or add it to \`levels\``, { field: 'level' });
        }
        return index;
    };
    const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0]));
    let earned = 0;
    let possible = 0;
    for (const item of items) {
        counts[item.status] += 1;
        if (item.status === 'waived')
            continue;
        const weight = checklist.weights[item.priority];
        if (weight === undefined || !Number.isFinite(weight) || weight < 0) {
            throw new core_errors/* ConfigurationError */.j1(`weights.${item.priority} must be a number ≥ 0 (item "${item.id}", line ${item.line})`, {
                field: `weights.${item.priority}`,
            });
        }
        possible += weight;
        if (item.status === 'pass')
            earned += weight;
    }
    let score = possible === 0 ? 100 : Math.round((earned / possible) * 1000) / 10;
    if (score === 100 && earned < possible)
        score = 99.9;
    // Levels: cumulative from the lowest.
    const indexed = items.map((item) => ({ item, index: itemLevel(item) }));
    const highestUsed = Math.max(-1, ...indexed.map((e) => e.index ?? -1));
    const levels = checklist.levels.map((name, i) => {
        const blocking = indexed.filter((e) => e.index !== undefined && e.index <= i && e.item.status !== 'pass').map((e) => e.item.id);
        return { name, reached: blocking.length === 0 && i <= highestUsed, blocking };
    });
    let reachedIndex = -1;
    for (const [i, l] of levels.entries())
        if (l.reached)
            reachedIndex = i;
    const level = checklist.levels[reachedIndex] ?? null;
    const critical = items.filter((i) => i.priority === 'critical' && notPassing(i.status));
    const nonCritical = items.filter((i) => i.priority !== 'critical' && notPassing(i.status));
    const waived = items.filter((i) => i.status === 'waived');
    const failReasons = [];
    if (critical.length > 0)
        failReasons.push(`${plural(critical.length, 'critical item does', 'critical items do')} not pass: ${listItems(critical)}`);
    const { minScore, minLevel } = checklist.policy;
    if (minScore !== undefined && score < minScore)
        failReasons.push(`score ${score} is below min_score ${minScore}`);
    if (minLevel !== undefined) {
        const minIndex = levelIndex.get(minLevel);
        if (minIndex === undefined) {
            throw new core_errors/* ConfigurationError */.j1(`policy.min_level "${minLevel}" is not one of the checklist's levels (${checklist.levels.join(', ')})`, {
                field: 'policy.min_level',
            });
        }
        if (reachedIndex < minIndex) {
            const blocking = levels[minIndex]?.blocking ?? [];
            const why = blocking.length > 0
                ? `blocking: ${blocking.join(', ')}`
                : `no item has level ${minLevel} or above, so nothing proves it`;
            failReasons.push(`level ${level ?? '(none)'} is below min_level ${minLevel} (${why})`);
        }
    }
    const warnReasons = [];
    if (nonCritical.length > 0) {
        warnReasons.push(`${plural(nonCritical.length, 'non-critical item does', 'non-critical items do')} not pass: ${listItems(nonCritical)}`);
    }
    if (waived.length > 0) {
        const list = waived.map((i) => (i.waiver === undefined ? i.id : `${i.id} (until ${i.waiver.expires})`)).join(', ');
        warnReasons.push(`${plural(waived.length, 'item is', 'items are')} waived: ${list}`);
    }
    const verdict = failReasons.length > 0 ? 'fail' : warnReasons.length > 0 ? 'warn' : 'pass';
    const reasons = [...failReasons, ...warnReasons];
    if (verdict === 'pass')
        reasons.push(items.length === 0 ? 'the checklist has no items' : `all ${plural(items.length, 'item passes', 'items pass')}`);
    return { score, level, levels, failedCritical: critical.map((i) => i.id), verdict, reasons, counts };
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (v === undefined)
        return 'missing';
    if (typeof v === 'number' || typeof v === 'boolean')
        return `${typeof v} ${v}`;
    return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
function parseBase(base, file) {
    const bad = (what) => new core_errors/* ConfigurationError */.j1(`${file} is not a readiness-checklist report.json: ${what}. Pass the report.json a readiness-checklist run wrote on the base branch.`, { field: 'base-result' });
    if (!isRecord(base))
        throw bad(`expected an object, got ${describe(base)}`);
    if (base.gate !== 'readiness-checklist')
        throw bad(`"gate" is ${describe(base.gate)}`);
    const details = base.details;
    if (!isRecord(details))
        throw bad(`"details" is ${describe(details)}, expected an object`);
    if (!Array.isArray(details.items))
        throw bad(`"details.items" is ${describe(details.items)}, expected an array`);
    const seen = new Set();
    const items = details.items.map((raw, i) => {
        const where = `details.items[${i}]`;
        if (!isRecord(raw))
            throw bad(`"${where}" is ${describe(raw)}, expected an object`);
        const { id, status, priority } = raw;
        if (typeof id !== 'string' || id === '')
            throw bad(`"${where}.id" is ${describe(id)}, expected a non-empty string`);
        if (seen.has(id))
            throw bad(`item id "${id}" appears twice in "details.items"`);
        seen.add(id);
        if (typeof status !== 'string' || !ITEM_STATUSES.includes(status)) {
            throw bad(`"${where}.status" is ${describe(status)}, expected one of ${ITEM_STATUSES.join(', ')}`);
        }
        if (priority !== undefined && (typeof priority !== 'string' || !types/* PRIORITIES */.B.includes(priority))) {
            throw bad(`"${where}.priority" is ${describe(priority)}, expected one of ${types/* PRIORITIES */.B.join(', ')}`);
        }
        return { id, status: status };
    });
    const score = details.score;
    if (score !== undefined && score !== null && (typeof score !== 'number' || !Number.isFinite(score))) {
        throw bad(`"details.score" is ${describe(score)}, expected a number`);
    }
    return { items, score: typeof score === 'number' ? score : null };
}
/**
 * Compares the current item results with the base branch's readiness-checklist report.json (parsed).
 * "Failing" is `fail` or `inconclusive`; a waived item neither fails nor passes. A base that is not such a report
 * is a ConfigurationError naming what is wrong; `opts.file` names it in the message (default "base-result").
 */
function diffAgainstBase(current, currentScore, base, opts = {}) {
    const parsed = parseBase(base, opts.file ?? 'base-result');
    const baseById = new Map(parsed.items.map((i) => [i.id, i.status]));
    const currentIds = new Set(current.map((i) => i.id));
    const newlyFailing = [];
    const newlyPassing = [];
    const added = [];
    for (const item of current) {
        const before = baseById.get(item.id);
        if (before === undefined)
            added.push(item.id);
        else if (notPassing(item.status) && !notPassing(before))
            newlyFailing.push(item.id);
        else if (item.status === 'pass' && before !== 'pass')
            newlyPassing.push(item.id);
    }
    const removed = parsed.items.filter((i) => !currentIds.has(i.id)).map((i) => i.id);
    const scoreChange = parsed.score === null ? null : Math.round((currentScore - parsed.score) * 10) / 10;
    return { newlyFailing, newlyPassing, added, removed, scoreChange, baseScore: parsed.score };
}

// EXTERNAL MODULE: ./src/core/exec.ts
var exec = __webpack_require__(72642);
;// CONCATENATED MODULE: ./src/gates/readiness-checklist/trust.ts


/** Check types that run code on the runner. Only `command` today. */
const CODE_RUNNING_CHECKS = new Set(['command']);
/** The type of the placeholder that replaces an untrusted command check; the gate reports it as `inconclusive`. */
const UNTRUSTED_CHECK = 'untrusted';
const GIT_TIMEOUT_MS = 30_000;
/**
 * Whether the checklist's command checks can be run as the PR wrote them. `checklistChanged` undefined means git could
 * not tell (e.g. a shallow clone): not trusted.
 */
function decideTrust(opts) {
    const causes = [];
    if (opts.isFork)
        causes.push('the pull request comes from a fork');
    if (opts.checklistChanged === true)
        causes.push('the pull request changes the checklist');
    if (opts.checklistChanged === undefined) {
        causes.push('git could not tell whether the pull request changes the checklist (shallow clone without the base commit? use fetch-depth: 0)');
    }
    if (causes.length === 0)
        return { trusted: true };
    const action = opts.mode === 'base'
        ? "command checks come from the base branch's checklist (untrusted-commands: base)"
        : 'command checks are not run (untrusted-commands: refuse)';
    return { trusted: false, why: `${causes.join('; ')}: ${action}` };
}
function checkRevision(rev) {
    // A revision starting with "-" would be read as an option.
    if (rev === '' || rev.startsWith('-') || /\s/.test(rev))
        throw new Error(`not a git revision: ${JSON.stringify(rev)}`);
}
async function git(workspace, args) {
    const result = await (0,exec/* execCommand */.NK)({ argv: ['git', ...args] }, {
        cwd: workspace,
        env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
        stream: false,
        capture: true,
        tailLines: 5,
        timeoutMs: GIT_TIMEOUT_MS,
    });
    return { ok: !result.failed && result.error === undefined, stdout: result.stdout ?? '' };
}
async function hasCommit(workspace, rev) {
    return (await git(workspace, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).ok;
}
/** A path relative to the workspace, as git's `./` form (relative to the working directory), `/`-separated. */
function gitRelative(workspace, file) {
    const relative = external_node_path_default().isAbsolute(file) ? external_node_path_default().relative(workspace, file) : external_node_path_default().normalize(file);
    return `./${relative.split((external_node_path_default()).sep).join('/')}`;
}
/**
 * Whether the pull request (`base...head`: changes on head since the merge base) touches any of `files` (paths
 * relative to the workspace). Undefined when git cannot tell: not a git repository, git missing, or either commit (or
 * their merge base) absent — typically a shallow clone (actions/checkout's default fetch-depth 1) that does not hold
 * the base commit. Callers treat undefined as "changed".
 */
async function checklistChangedInPr(workspace, baseSha, headSha, files) {
    checkRevision(baseSha);
    checkRevision(headSha);
    if (files.length === 0)
        return false;
    if (!(await hasCommit(workspace, baseSha)) || !(await hasCommit(workspace, headSha)))
        return undefined;
    const pathspecs = files.map((f) => gitRelative(workspace, f));
    const diff = await git(workspace, ['--literal-pathspecs', '-c', 'core.quotePath=false', 'diff', '--no-ext-diff', '--name-only', `${baseSha}...${headSha}`, '--', ...pathspecs]);
    if (!diff.ok)
        return undefined; // e.g. no merge base in a shallow history
    return diff.stdout.split('\n').some((line) => line.trim() !== '');
}
/**
 * The text of `file` (relative to the workspace) at commit `baseSha`, or undefined when it does not exist there —
 * or when git cannot tell (the commit is absent, as in a shallow clone). Reads the blob (`git cat-file blob
 * base:./file`, the content `git show base:path` prints for a file), so a directory of that name is not a file.
 */
async function baseFileText(workspace, baseSha, file) {
    checkRevision(baseSha);
    const result = await git(workspace, ['cat-file', 'blob', `${baseSha}:${gitRelative(workspace, file)}`]);
    return result.ok ? result.stdout : undefined;
}
function isCommand(check) {
    return CODE_RUNNING_CHECKS.has(check.type);
}
function placeholder(check, reason) {
    return { type: UNTRUSTED_CHECK, name: check.name ?? check.type, reason };
}
function trust_plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/**
 * The checklist to run when the PR is not trusted: `head` with every code-running check (`command`) replaced.
 * - mode `base`: the k-th command check of a head item becomes the k-th command check of the base item with the same
 *   id, in place; a head command check with no counterpart (the base item has fewer, or no base item, or no base
 *   checklist) becomes an `untrusted` placeholder. Base command checks beyond the head item's count are not run.
 * - mode `refuse`: every command check becomes a placeholder.
 * Placeholders are `{ type: 'untrusted', name, reason }`; the gate reports them as `inconclusive`. Every other check,
 * and everything else in the checklist, stays as in `head`. Notes: one line per item whose command checks were
 * replaced or skipped.
 */
function restrictCommands(head, base, mode) {
    const baseItems = new Map();
    for (const section of base?.sections ?? [])
        for (const item of section.items)
            baseItems.set(item.id, item);
    const notes = [];
    const restrictItem = (item) => {
        const own = item.checks.filter(isCommand).length;
        if (own === 0)
            return item;
        const commands = trust_plural(own, 'command check', 'command checks');
        if (mode === 'refuse') {
            const reason = 'not run: command checks from a fork PR / a changed checklist are not trusted (untrusted-commands: refuse)';
            notes.push(`${item.id}: ${commands} not run (untrusted-commands: refuse)`);
            return { ...item, checks: item.checks.map((c) => (isCommand(c) ? placeholder(c, reason) : c)) };
        }
        const baseItem = baseItems.get(item.id);
        if (baseItem === undefined) {
            const missing = base === undefined ? "there is no base branch checklist" : "the item is not in the base branch's checklist";
            const reason = `not run: command checks from a fork PR / a changed checklist are not trusted, and ${missing}`;
            notes.push(`${item.id}: ${commands} not run: ${missing}`);
            return { ...item, checks: item.checks.map((c) => (isCommand(c) ? placeholder(c, reason) : c)) };
        }
        const fromBase = baseItem.checks.filter(isCommand);
        let k = 0;
        let same = 0;
        const checks = item.checks.map((c) => {
            if (!isCommand(c))
                return c;
            const replacement = fromBase[k];
            k += 1;
            if (replacement === undefined) {
                return placeholder(c, "not run: command checks from a fork PR / a changed checklist are not trusted, and the base branch's item has no such command check");
            }
            if (JSON.stringify(replacement) === JSON.stringify(c))
                same += 1;
            return replacement;
        });
        const taken = Math.min(own, fromBase.length);
        const parts = [`${trust_plural(taken, 'command check', 'command checks')} from the base branch's checklist${taken > 0 && same === taken ? ' (unchanged)' : ''}`];
        if (own > fromBase.length)
            parts.push(`${own - fromBase.length} not run (not in the base item)`);
        if (fromBase.length > own)
            parts.push(`${fromBase.length - own} base command ${fromBase.length - own === 1 ? 'check' : 'checks'} without a place in the PR's item not run`);
        notes.push(`${item.id}: ${parts.join('; ')}`);
        return { ...item, checks };
    };
    const checklist = {
        ...head,
        sections: head.sections.map((section) => ({ ...section, items: section.items.map(restrictItem) })),
    };
    return { checklist, notes };
}

;// CONCATENATED MODULE: ./src/gates/readiness-checklist/index.ts












/** Tool version in SARIF output. */
const SHIPGATE_VERSION = '0.1.0';
/** Placeholder check type that trust.ts puts where a command check was not trusted. */
const UNTRUSTED = UNTRUSTED_CHECK;
/** Items probed at once: probes wait on I/O, and a slow one should not hold up the rest. */
const CONCURRENCY = 4;
const SEVERITY = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };
const FINDING_STATUS = { pass: 'pass', fail: 'fail', inconclusive: 'inconclusive', waived: 'warn' };
function checkName(spec, i) {
    return spec.name ?? (spec.type === UNTRUSTED ? 'command' : `${spec.type}${i > 0 ? ` #${i + 1}` : ''}`);
}
/** Every check's own fields are valid before anything runs (errors name the file, the item's line and the field). */
function validateChecks(c) {
    for (const [si, section] of c.sections.entries()) {
        for (const [ii, item] of section.items.entries()) {
            for (const [ci, spec] of item.checks.entries()) {
                if (spec.type === UNTRUSTED)
                    continue;
                validateCheck(spec, { file: c.file, line: item.line, field: `sections[${si}].items[${ii}].checks[${ci}]` });
            }
        }
    }
}
async function mapLimit(xs, limit, fn) {
    const out = new Array(xs.length);
    let next = 0;
    const worker = async () => {
        while (next < xs.length) {
            const i = next++;
            out[i] = await fn(xs[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
    return out;
}
/** The checklist to run: on untrusted PRs, command checks come from the base branch's checklist (or are refused). */
async function trustedChecklist(ctx, head, rel, abs, knownProbeTypes) {
    const run = ctx.run;
    if (!run.pullRequest)
        return { checklist: head, notes: [] };
    const mode = (ctx.inputs.optional('untrusted-commands') ?? 'base');
    if (mode !== 'base' && mode !== 'refuse')
        throw new core_errors/* ConfigurationError */.j1(`untrusted-commands: "${String(mode)}" is not base or refuse.`, { field: 'untrusted-commands' });
    const files = [rel];
    let changed;
    if (run.baseSha && (run.headSha ?? run.sha))
        changed = await checklistChangedInPr(ctx.workspace, run.baseSha, run.headSha ?? run.sha ?? '', files);
    const trust = decideTrust({ isFork: Boolean(run.fork), checklistChanged: changed ?? false, mode });
    const notes = [];
    if (changed === undefined && !run.fork)
        notes.push(`could not tell whether this PR changes ${rel} (base commit not fetched: use fetch-depth: 0); its command checks are run as written`);
    if (trust.trusted)
        return { checklist: head, notes };
    notes.push(trust.why ?? 'command checks of this pull request are not trusted');
    let base;
    if (mode === 'base' && run.baseSha) {
        const text = await baseFileText(ctx.workspace, run.baseSha, rel);
        if (text !== undefined) {
            const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'shipgate-base-checklist-'));
            try {
                const file = external_node_path_default().join(dir, external_node_path_default().basename(abs));
                await (0,promises_.writeFile)(file, text);
                base = await (0,readiness_checklist_checklist/* loadChecklist */.VN)(file, { displayPath: `${rel} (base ${run.baseSha.slice(0, 7)})`, knownProbeTypes });
            }
            catch (e) {
                notes.push(`the base branch's ${rel} could not be read (${(0,core_errors/* errorMessage */.gJ)(e)}); no command checks run`);
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
        else
            notes.push(`${rel} does not exist on the base branch; no command checks run`);
    }
    const restricted = restrictCommands(head, base, mode);
    return { checklist: restricted.checklist, notes: [...notes, ...restricted.notes] };
}
function probeContext(ctx, needsGitHub) {
    const out = { workspace: ctx.workspace, signal: ctx.signal, reportsDir: external_node_path_default().resolve(ctx.workspace, ctx.inputs.optional('reports-dir') ?? 'shipgate-report') };
    const token = needsGitHub ? (ctx.inputs.optional('github-token') ?? process.env.GITHUB_TOKEN) : undefined;
    if (token && ctx.run.owner && ctx.run.repo) {
        const client = (0,github_client/* createClient */.U)({ token, log: ctx.log });
        out.github = {
            request: (route, params) => client.request(route, params),
            owner: ctx.run.owner,
            repo: ctx.run.repo,
            ...(ctx.run.pullRequest ? { pullRequest: ctx.run.pullRequest } : {}),
        };
    }
    return out;
}
async function runItem(item, c, pctx, today) {
    const checks = [];
    for (const [i, spec] of item.checks.entries()) {
        let ev;
        if (spec.type === UNTRUSTED)
            ev = { status: 'inconclusive', summary: typeof spec.reason === 'string' ? spec.reason : 'not run: command checks of this pull request are not trusted', attempts: 0, durationMs: 0 };
        else
            ev = await runCheck(spec, pctx);
        checks.push({ ...ev, type: spec.type === UNTRUSTED ? 'command' : spec.type, name: checkName(spec, i) });
    }
    const checkStatus = combineChecks(checks);
    const waiver = c.waivers.find((w) => w.id === item.id);
    const applied = applyWaiver(item, checkStatus, waiver, today);
    const firstBad = checks.find((x) => x.status !== 'pass');
    const reason = applied.reason ?? (firstBad ? `${firstBad.name}: ${firstBad.summary}` : undefined);
    return {
        id: item.id,
        title: item.title,
        section: item.section,
        priority: item.priority,
        ...(item.owner ? { owner: item.owner } : {}),
        ...(item.level ? { level: item.level } : {}),
        line: item.line,
        status: applied.status,
        checkStatus,
        checks,
        ...(applied.waiver ? { waiver: applied.waiver } : {}),
        ...(reason ? { reason } : {}),
    };
}
const STATUS_ORDER = { fail: 0, inconclusive: 1, waived: 2, pass: 3 };
const PRIORITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };
function itemRow(r) {
    return {
        cells: [r.title, r.id, r.priority, r.owner ?? '—', r.status, r.reason ?? (r.checks.map((c) => c.summary).join('; ') || '—')],
        status: FINDING_STATUS[r.status],
    };
}
const ITEM_COLUMNS = ['item', 'id', 'priority', 'owner', 'status', 'evidence'];
function sectionsOf(results, c, score, notes, diff) {
    const out = [];
    const failingCritical = results.filter((r) => r.priority === 'critical' && (r.status === 'fail' || r.status === 'inconclusive'));
    if (failingCritical.length) {
        out.push({ id: 'critical', title: `Failing critical items (${failingCritical.length})`, importance: 'essential', blocks: [{ type: 'table', columns: ITEM_COLUMNS, rows: failingCritical.map(itemRow) }] });
    }
    const head = [{ type: 'text', text: `Score ${score.score}/100; level ${score.level ?? 'none'}; ${score.counts.pass} pass, ${score.counts.fail} fail, ${score.counts.inconclusive} inconclusive, ${score.counts.waived} waived.` }];
    for (const reason of score.reasons)
        head.push({ type: 'text', text: reason });
    if (score.levels.length) {
        head.push({
            type: 'table',
            columns: ['level', 'reached', 'blocking items'],
            rows: score.levels.map((l) => ({ cells: [l.name, l.reached ? 'yes' : 'no', l.blocking.join(', ') || '—'], status: l.reached ? 'pass' : 'fail' })),
        });
    }
    out.push({ id: 'score', title: 'Score and levels', importance: 'essential', blocks: head });
    if (diff) {
        const lines = [
            `Score ${diff.baseScore ?? '—'} → ${score.score}${diff.scoreChange === null ? '' : ` (${diff.scoreChange >= 0 ? '+' : ''}${diff.scoreChange.toFixed(1)})`}.`,
            diff.newlyFailing.length ? `Newly failing: ${diff.newlyFailing.join(', ')}.` : 'Nothing newly failing.',
            diff.newlyPassing.length ? `Newly passing: ${diff.newlyPassing.join(', ')}.` : '',
            diff.added.length ? `New items: ${diff.added.join(', ')}.` : '',
            diff.removed.length ? `Removed items: ${diff.removed.join(', ')}.` : '',
        ].filter(Boolean);
        out.push({ id: 'diff', title: 'Against the base branch', importance: 'essential', blocks: lines.map((text) => ({ type: 'text', text })) });
    }
    if (notes.length)
        out.push({ id: 'trust', title: 'Trust', importance: 'essential', blocks: notes.map((text) => ({ type: 'text', text })) });
    for (const s of c.sections) {
        const rows = results
            .filter((r) => r.section === s.title)
            .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority])
            .map(itemRow);
        if (rows.length)
            out.push({ id: `section:${s.title}`, title: s.title, importance: 'detail', blocks: [{ type: 'table', columns: ITEM_COLUMNS, rows }] });
    }
    const waived = results.filter((r) => r.waiver);
    if (waived.length) {
        out.push({
            id: 'waivers',
            title: 'Waivers',
            importance: 'essential',
            blocks: [
                {
                    type: 'table',
                    columns: ['item', 'reason', 'owner', 'ticket', 'expires', 'state'],
                    rows: waived.map((r) => ({
                        cells: [r.id, r.waiver?.reason ?? '', r.waiver?.owner ?? '', r.waiver?.ticket ?? '—', r.waiver?.expires ?? '', r.waiver?.expired ? 'expired: item fails' : r.status === 'waived' ? 'active' : 'unused (item passes)'],
                        status: r.waiver?.expired ? 'fail' : 'warn',
                    })),
                },
            ],
        });
    }
    const outputs = results.filter((r) => r.status !== 'pass').flatMap((r) => r.checks.filter((x) => x.status !== 'pass' && x.output).map((x) => ({ r, x })));
    if (outputs.length) {
        out.push({
            id: 'output',
            title: 'Probe output',
            importance: 'detail',
            blocks: outputs.slice(0, 20).map(({ r, x }) => ({ type: 'details', summary: `${r.id}: ${x.name}`, blocks: [{ type: 'code', text: x.output ?? '' }] })),
        });
    }
    return out;
}
async function runReadiness(ctx) {
    const rel = ctx.inputs.optional('checklist') ?? 'readiness.yml';
    const abs = external_node_path_default().resolve(ctx.workspace, rel);
    const shown = external_node_path_default().relative(ctx.workspace, abs) || rel;
    const knownProbeTypes = [...PROBE_TYPES, UNTRUSTED];
    const head = await (0,readiness_checklist_checklist/* loadChecklist */.VN)(abs, { displayPath: shown, knownProbeTypes });
    validateChecks(head);
    const { checklist, notes } = await trustedChecklist(ctx, head, shown, abs, knownProbeTypes);
    const items = checklist.sections.flatMap((s) => s.items);
    const needsGitHub = items.some((i) => i.checks.some((c) => c.type === 'approval'));
    const pctx = probeContext(ctx, needsGitHub);
    const today = utcToday();
    const results = await mapLimit(items, CONCURRENCY, (item) => runItem(item, checklist, pctx, today));
    const score = scoreResults(results, checklist);
    let diff;
    const baseResult = ctx.inputs.optional('base-result');
    if (baseResult) {
        let base;
        try {
            base = JSON.parse(await (0,promises_.readFile)(external_node_path_default().resolve(ctx.workspace, baseResult), 'utf8'));
        }
        catch (e) {
            throw new core_errors/* ConfigurationError */.j1(`${baseResult}: cannot read the base branch's result (${(0,core_errors/* errorMessage */.gJ)(e)}). Pass the report.json of a readiness-checklist run on the base branch.`, { location: { file: baseResult }, field: 'base-result' });
        }
        diff = diffAgainstBase(results, score.score, base, { file: baseResult });
    }
    const findings = results
        .filter((r) => r.status !== 'pass')
        .map((r) => ({
        id: r.id,
        title: r.title,
        severity: SEVERITY[r.priority],
        status: FINDING_STATUS[r.status],
        message: r.reason ?? r.status,
        location: { file: shown, line: r.line },
    }));
    const details = {
        checklist: shown,
        items: results,
        score: score.score,
        level: score.level,
        levels: score.levels,
        counts: score.counts,
        failedCritical: score.failedCritical,
        waivers: results.filter((r) => r.waiver).map((r) => ({ ...r.waiver, item: r.id, status: r.status })),
        ...(notes.length ? { trust: notes } : {}),
        ...(diff ? { diff } : {}),
    };
    if (ctx.inputs.boolean('sarif', false)) {
        await (0,promises_.mkdir)(ctx.reportDir, { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(ctx.reportDir, 'results.sarif'), `${JSON.stringify(toSarif(results, shown, SHIPGATE_VERSION), null, 2)}\n`);
        details.sarif = 'results.sarif';
    }
    await writeReadinessCharts(ctx.reportDir, results, checklist.sections.map((s) => s.title), ctx.log);
    const critical = score.failedCritical.length;
    const summary = [`score ${score.score}/100`, `level ${score.level ?? 'none'}`, critical ? `${critical} critical item${critical === 1 ? '' : 's'} failing` : 'no critical failures', diff?.newlyFailing.length ? `${diff.newlyFailing.length} newly failing` : ''].filter(Boolean).join('; ');
    return {
        ...(0,gate/* reportShell */.$)(ctx),
        verdict: score.verdict,
        summary,
        findings,
        details,
        sections: sectionsOf(results, checklist, score, notes, diff),
        outputs: { score: score.score, level: score.level ?? '', 'failed-critical': critical },
    };
}
const readiness_checklist_gate = { gate: 'readiness-checklist', run: runReadiness };


/***/ }),

/***/ 45939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ PRIORITIES)
/* harmony export */ });
/**
 * Shared shapes of readiness-checklist: the checklist as loaded, probe specs and their evidence, results.
 */
const PRIORITIES = ['critical', 'high', 'medium', 'low'];


/***/ })

};
