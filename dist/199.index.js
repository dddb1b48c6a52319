export const id = 199;
export const ids = [199,566];
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

/***/ 77199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importMarkdownChecklist: () => (/* binding */ importMarkdownChecklist)
/* harmony export */ });
/* harmony import */ var _checklist_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72566);

/**
 * Turns a markdown production-readiness checklist, as teams already write them, into a Checklist (write it with
 * `checklistToYaml`). Nothing is dropped: every task-list checkbox outside a fenced code block becomes an item.
 *
 * Rules:
 * - Headings. The first `#` heading, before any section, is the checklist's `name`. Every other `#` and every `##`
 *   heading opens a section; a leading number (`1.`, `2.3`) is stripped from its title. Items before the first
 *   section go into a section titled `General`. Sections without items are left out (the file format requires
 *   items). `###`–`######` headings group items inside the current section: their text (numbering stripped) is
 *   prefixed to the title of an item whose own text has two words or fewer (`### Backups` + `- [ ] Tested` →
 *   `Backups: Tested`); longer item texts stand alone.
 * - Items. `- [ ]`, `- [x]`, `* [X]`, `+ [ ]`, `1. [ ]` lines are items, ticked when the box holds `x`/`X`;
 *   nested checkboxes are items of their own. An item's continuation lines are the lines right after it (up to a
 *   blank line), plus the lines (and fenced blocks) indented deeper than its marker after blank lines; a heading or
 *   another checkbox ends it.
 * - Fields, on the item line or its continuation lines, as `Label: value`: a bold label anywhere
 *   (`**Status**: CRITICAL | **Owner**: DevOps`, `**Priority:** medium`), a plain one at the start of the line
 *   or after a separator (`Owner: @secops`, `… | Priority: high`, two spaces); a value runs to the next label:
 *   - priority from `Status`, `Priority` or `Severity` (critical/high/medium/low, also P0–P3, blocker, major,
 *     minor …), or, on the item line only, from a `(P0)`, `[P1]` or bare upper-case `P2` token, `(critical)`, or a
 *     leading `CRITICAL:` (P0 → critical, P1 → high, P2 → medium, P3 → low); the first one found wins; none:
 *     `medium`, with a warning naming the line;
 *   - owner from `Owner`, `Owners`, `Owned by`, `Assignee` or `Responsible` (blanks like `____` are ignored);
 *   - `Validation Command:` (also `Verification command`, `Check command` …): the command is the first backticked
 *     span after the label, else the rest of the line as written; when nothing follows the label, the next fenced
 *     code block (or else the next continuation line) is the command. Each becomes a check
 *     `{ type: command, run: <command> }`.
 * - An item without a command gets one check `{ type: manual, checked: <box ticked> }`, with `by: @name` from the
 *   first @mention in its text outside the owner field (sign-off lines such as `- [x] SRE on-call: @bob`).
 * - The title is the item text before the first field label, with priority tokens, blank fill-ins (`____`), a
 *   trailing `Date: …` and a trailing `: @mention` removed, and bold markers dropped.
 * - The acceptance text is what remains of the continuation lines once fields and commands are taken out
 *   (an `Acceptance:` label is dropped), joined by newlines.
 * - Ids are slugs of the titles (lowercase ASCII letters, digits and `-`, at most 60 characters), made unique with
 *   `-2`, `-3` …. An item's `line` is its 1-based line in the markdown file.
 */
function importMarkdownChecklist(markdown, file) {
    const lines = (markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown).split(/\r?\n/);
    const warnings = [];
    const sections = [];
    const ids = new Set();
    let name;
    let section;
    let group;
    const openSection = (title) => {
        const opened = { title, items: [] };
        sections.push(opened);
        group = undefined;
        return opened;
    };
    for (let i = 0; i < lines.length;) {
        const line = lines[i] ?? '';
        const fence = fenceOpen(line);
        if (fence !== undefined) {
            i = fenceEnd(lines, i, fence) + 1;
            continue;
        }
        const heading = headingOf(line);
        if (heading !== undefined) {
            if (heading.level === 1 && name === undefined && section === undefined)
                name = heading.text || undefined;
            else if (heading.level <= 2)
                section = openSection(cleanHeading(heading.text) || `Section at line ${i + 1}`);
            else
                group = cleanHeading(heading.text) || undefined;
            i++;
            continue;
        }
        const box = checkboxOf(line);
        if (box === undefined) {
            i++;
            continue;
        }
        section ??= openSection('General');
        const parsed = parseItem(lines, i, box, file, warnings);
        let title = parsed.title;
        if (group !== undefined && (title === '' || title.split(/\s+/).length <= 2))
            title = title === '' ? group : `${group}: ${title}`;
        if (title === '') {
            title = `Item at line ${i + 1}`;
            warnings.push(`${file}:${i + 1}: the checkbox has no text; titled it "${title}". Write what the item requires after the box.`);
        }
        if (parsed.priority === undefined) {
            warnings.push(`${file}:${i + 1}: no priority for "${title}"; using medium. Add \`**Priority**: critical|high|medium|low\` (or P0-P3) to the item.`);
        }
        const item = {
            id: uniqueId(slug(title), ids),
            title,
            priority: parsed.priority ?? 'medium',
            section: section.title,
            checks: parsed.checks,
            line: i + 1,
        };
        if (parsed.owner !== undefined)
            item.owner = parsed.owner;
        if (parsed.acceptance !== '')
            item.acceptance = parsed.acceptance;
        section.items.push(item);
        i = parsed.end;
    }
    const checklist = {
        file,
        sections: sections.filter((s) => s.items.length > 0),
        levels: [..._checklist_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_LEVELS */ .ol],
        weights: { ..._checklist_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_WEIGHTS */ .kZ },
        policy: {},
        waivers: [],
    };
    if (name !== undefined)
        checklist.name = cleanInline(name);
    return { checklist, warnings };
}
function fenceOpen(line) {
    const m = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
    if (m === null)
        return undefined;
    const marks = m[2] ?? '';
    if (marks.startsWith('`') && (m[3] ?? '').includes('`'))
        return undefined;
    return { char: marks.charAt(0), length: marks.length, indent: indentOf(m[1] ?? '') };
}
/** Index of the fence's closing line (the last line when it is never closed). */
function fenceEnd(lines, open, fence) {
    const close = new RegExp(`^\\s*${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    for (let j = open + 1; j < lines.length; j++)
        if (close.test(lines[j] ?? ''))
            return j;
    return lines.length - 1;
}
function headingOf(line) {
    const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (m === null)
        return undefined;
    const text = (m[2] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim();
    return { level: (m[1] ?? '').length, text };
}
function checkboxOf(line) {
    const m = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?:\s+(.*)|\s*)$/.exec(line);
    if (m === null)
        return undefined;
    return { indent: indentOf(m[1] ?? ''), checked: m[2] !== ' ', text: (m[3] ?? '').trim() };
}
function isListItem(line) {
    return /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line);
}
function indentOf(s) {
    let n = 0;
    for (const c of s) {
        if (c === ' ')
            n++;
        else if (c === '\t')
            n += 4 - (n % 4);
        else
            break;
    }
    return n;
}
// ---- fields ----
const BOLD = '(?:\\*\\*|__)?';
const PRIORITY_LABEL = 'status|priority|severity|prio';
const OWNER_LABEL = 'owners?|owned by|assignee|responsible';
const COMMAND_LABEL = '(?:validation|verification|verify|check)[ _-]?(?:command|cmd)';
const LABEL_WORDS = `${PRIORITY_LABEL}|${OWNER_LABEL}|${COMMAND_LABEL}`;
/**
 * A field label: in bold (`**Owner**:`, `**Owner:**`) anywhere, or plain (`Owner:`) at the start of the text or after
 * a separator (`|`, `,`, `;`, `.`, a dash, a bracket, two spaces), so that `Product owner: ____` is no label.
 */
const LABEL = new RegExp(`(?:\\*\\*|__)(${LABEL_WORDS})\\b[ \\t]*${BOLD}[ \\t]*:[ \\t]*${BOLD}|(?<=^[ \\t]*|[|,;.(\\[—–-][ \\t]*|[ \\t]{2}|\\t)(${LABEL_WORDS})\\b[ \\t]*:[ \\t]*`, 'gi');
const HAS_LABEL = new RegExp(LABEL.source, 'i');
const IS_PRIORITY_LABEL = new RegExp(`^(?:${PRIORITY_LABEL})$`);
const IS_OWNER_LABEL = new RegExp(`^(?:${OWNER_LABEL})$`);
const PRIORITY_WORDS = {
    critical: 'critical',
    crit: 'critical',
    blocker: 'critical',
    p0: 'critical',
    high: 'high',
    major: 'high',
    p1: 'high',
    medium: 'medium',
    med: 'medium',
    moderate: 'medium',
    normal: 'medium',
    p2: 'medium',
    low: 'low',
    minor: 'low',
    p3: 'low',
};
const P_LEVELS = ['critical', 'high', 'medium', 'low'];
/** `(P0)`, `[P1]`, a bare `P2` (upper case only), `(critical)`. */
const PRIORITY_TOKEN = /[([]?(?<![\w-])P([0-3])(?![\w-])[)\]]?|\(([Cc]ritical|CRITICAL|[Hh]igh|HIGH|[Mm]edium|MEDIUM|[Ll]ow|LOW)\)/g;
/** The fields of one line: the text before the first label, and each labelled segment. */
function fieldsOf(text) {
    // Labels inside code spans are not labels: look for them in a copy with the spans blanked out.
    const masked = text.replace(/(`+)[^`]*?\1/g, (s) => '\u0000'.repeat(s.length));
    const matches = [...masked.matchAll(LABEL)];
    const first = matches[0];
    if (first === undefined)
        return { before: text, segments: [] };
    const segments = matches.map((m, k) => {
        const label = (m[1] ?? m[2] ?? '').toLowerCase();
        const start = (m.index ?? 0) + m[0].length;
        const end = matches[k + 1]?.index ?? text.length;
        const raw = text.slice(start, end);
        const kind = IS_PRIORITY_LABEL.test(label) ? 'priority' : IS_OWNER_LABEL.test(label) ? 'owner' : 'command';
        return { kind, value: kind === 'command' ? commandOf(raw) : trimSeparators(raw) };
    });
    return { before: text.slice(0, first.index), segments };
}
function commandOf(raw) {
    const code = /(`+)\s*([\s\S]*?)\s*\1/.exec(raw);
    if (code !== null)
        return code[2] ?? '';
    return raw.trim();
}
function trimSeparators(s) {
    return s
        .replace(/\*\*|__(?=\s|$)|(?<=^|\s)__/g, '')
        .replace(/^[\s|,;·—–-]+|[\s|,;·—–-]+$/g, '')
        .trim();
}
function priorityWord(value) {
    const word = /^[A-Za-z0-9]+/.exec(value.trim())?.[0]?.toLowerCase();
    return word === undefined ? undefined : PRIORITY_WORDS[word];
}
/** A priority from tokens in free text, and the text without them. */
function priorityTokens(text) {
    let priority;
    const rest = text.replace(PRIORITY_TOKEN, (_s, p, word) => {
        priority ??= p !== undefined ? P_LEVELS[Number(p)] : PRIORITY_WORDS[(word ?? '').toLowerCase()];
        return ' ';
    });
    return { priority, text: rest };
}
const MENTION = /(?<![\w.])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_.-]+)?/;
function parseItem(lines, index, box, file, warnings) {
    let priority;
    let owner;
    const commands = [];
    const acceptance = [];
    const mentionTexts = [];
    /** Line (1-based) of a `Validation Command:` label still waiting for its command. */
    let pending;
    const take = (text, lineNo, isItemLine) => {
        const { before, segments } = fieldsOf(text);
        for (const s of segments) {
            if (s.kind === 'priority') {
                const p = priorityWord(s.value);
                if (p !== undefined)
                    priority ??= p;
                else
                    warnings.push(`${file}:${lineNo}: unknown priority "${s.value}"; expected critical, high, medium, low or P0-P3.`);
            }
            else if (s.kind === 'owner') {
                if (s.value !== '' && !/^_+$/.test(s.value))
                    owner ??= s.value;
            }
            else if (s.value === '') {
                if (pending !== undefined)
                    warnings.push(`${file}:${pending}: \`Validation Command:\` without a command; ignored.`);
                pending = lineNo;
            }
            else {
                commands.push(s.value);
            }
        }
        let rest = before;
        if (isItemLine) {
            const tokens = priorityTokens(before);
            priority ??= tokens.priority;
            rest = tokens.text;
            const lead = /^\s*(critical|high|medium|low)\s*[:—–-]\s+/i.exec(rest);
            if (lead !== null) {
                priority ??= PRIORITY_WORDS[(lead[1] ?? '').toLowerCase()];
                rest = rest.slice(lead[0].length);
            }
        }
        mentionTexts.push(rest);
        return rest;
    };
    const title = cleanTitle(take(box.text, index + 1, true));
    let j = index + 1;
    let end = index + 1;
    let sawBlank = false;
    while (j < lines.length) {
        const line = lines[j] ?? '';
        if (line.trim() === '') {
            sawBlank = true;
            j++;
            continue;
        }
        if (headingOf(line) !== undefined || checkboxOf(line) !== undefined)
            break;
        const indent = indentOf(line);
        const fence = fenceOpen(line);
        if (fence !== undefined) {
            if (!(indent > box.indent || !sawBlank || pending !== undefined))
                break;
            const close = fenceEnd(lines, j, fence);
            const body = lines.slice(j + 1, close === j ? j + 1 : close);
            if (pending !== undefined) {
                const strip = fence.indent;
                const command = body.map((l) => l.slice(Math.min(strip, indentOf(l)))).join('\n').trim();
                if (command === '')
                    warnings.push(`${file}:${j + 1}: empty code block after \`Validation Command:\`; ignored.`);
                else
                    commands.push(command);
                pending = undefined;
            }
            else {
                acceptance.push(...lines.slice(j, close + 1).map((l) => l.trim()));
            }
            j = close + 1;
            end = j;
            sawBlank = false;
            continue;
        }
        if (!(indent > box.indent || (!sawBlank && !isListItem(line))))
            break;
        if (pending !== undefined && !HAS_LABEL.test(line)) {
            commands.push(commandOf(line));
            pending = undefined;
        }
        else {
            const rest = cleanAcceptance(take(line.trim(), j + 1, false));
            if (rest !== '')
                acceptance.push(rest);
        }
        j++;
        end = j;
        sawBlank = false;
    }
    if (pending !== undefined)
        warnings.push(`${file}:${pending}: \`Validation Command:\` without a command; ignored.`);
    let checks;
    if (commands.length > 0) {
        checks = commands.map((run) => ({ type: 'command', run }));
    }
    else {
        const manual = { type: 'manual', checked: box.checked };
        const by = mentionTexts.map((t) => MENTION.exec(t)?.[0]).find((m) => m !== undefined);
        if (by !== undefined)
            manual.by = by;
        checks = [manual];
    }
    return { title, priority, owner, acceptance: acceptance.join('\n').trim(), checks, end };
}
// ---- text cleanup ----
function cleanInline(s) {
    return s
        .replace(/\*\*|(?<![\w])__|__(?![\w])/g, '')
        .replace(/\s+/g, ' ')
        .trim();
}
function cleanHeading(s) {
    return cleanInline(s).replace(/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+/, '');
}
function cleanTitle(s) {
    let t = cleanInline(s)
        .replace(/\s*\b(?:date|signature|signed(?: on)?)\s*:\s*\S*\s*$/i, '')
        .replace(/_{2,}/g, ' ')
        .replace(/\s*:\s*@[\w/.-]+(?:\s*,\s*@[\w/.-]+)*\s*$/, '');
    t = t.replace(/\s+/g, ' ');
    return t.replace(/^[\s|,;:·—–-]+|[\s|,;:·—–-]+$/g, '').trim();
}
function cleanAcceptance(s) {
    return s
        .replace(/^\s*(?:\*\*|__)?acceptance(?: criteria)?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i, '')
        .replace(/^[\s|]+|[\s|]+$/g, '')
        .replace(/\s{2,}/g, ' ')
        .trim();
}
function slug(title) {
    const s = title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (s.length <= 60)
        return s === '' ? 'item' : s;
    const cut = s.slice(0, 60);
    const at = cut.lastIndexOf('-');
    return (at > 20 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}
function uniqueId(base, ids) {
    let id = base;
    for (let n = 2; ids.has(id); n++)
        id = `${base}-${n}`;
    ids.add(id);
    return id;
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
