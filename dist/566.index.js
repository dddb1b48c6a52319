export const id = 566;
export const ids = [566];
export const modules = {

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
