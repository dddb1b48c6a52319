export const id = 489;
export const ids = [489];
export const modules = {

/***/ 84489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HT: () => (/* binding */ loadConfigFile),
/* harmony export */   kp: () => (/* binding */ closest),
/* harmony export */   q0: () => (/* binding */ validateValue)
/* harmony export */ });
/* unused harmony export parseConfigText */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12032);





/** Reads, parses (YAML or JSON, by extension) and validates a config file; defaults from the schema are applied. */
async function loadConfigFile(file, schema, opts = {}) {
    const display = opts.displayPath ?? displayPathOf(file);
    const format = formatOf(file, display);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        throw readError(e, display);
    }
    return parse(text, display, format, schema);
}
/** Parses and validates config text; `file` names it in messages and decides the format by its extension. */
function parseConfigText(text, file, schema) {
    return parse(text, file, formatOf(file, file), schema);
}
/** Validates `value` (filling in schema defaults in place) or throws one ConfigurationError naming every problem. */
function validateValue(value, schema, where) {
    const validate = (0,_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .getValidator */ .b)(schema);
    if (validate(value))
        return value;
    throw validationError(validate.errors ?? [], where.file, where.lineOf ?? (() => undefined));
}
function formatOf(file, display) {
    const ext = node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(file).toLowerCase();
    if (ext === '.yml' || ext === '.yaml')
        return 'yaml';
    if (ext === '.json')
        return 'json';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${display}: unsupported config file type${ext === '' ? '' : ` "${ext}"`}. Use a .yml, .yaml or .json file.`, { location: { file: display } });
}
function displayPathOf(file) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(process.cwd(), file);
    return rel !== '' && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) ? rel : file;
}
function readError(e, display) {
    const code = e.code;
    const opts = { location: { file: display }, cause: e };
    switch (code) {
        case 'ENOENT':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`file not found: ${display}`, opts);
        case 'EISDIR':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${display}: is a directory; expected a config file`, opts);
        case 'EACCES':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${display}: permission denied; make the file readable`, opts);
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${display}: cannot read the file: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}`, opts);
    }
}
function parse(rawText, file, format, schema) {
    const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const value = format === 'json' ? parseJson(text, file, doc, lineCounter) : yamlValue(text, file, doc, lineCounter);
    const lineOf = (pointer) => lineOfPointer(doc, lineCounter, pointer);
    return { value: validateValue(value, schema, { file, lineOf }), file, lineOf };
}
function emptyFileError(file) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}: the file is empty (no configuration, only whitespace or comments). Write the configuration into it, or remove the file.`, {
        location: { file },
    });
}
function syntaxError(file, kind, line, col, message, source) {
    const text = source.split(/\r?\n/)[line - 1];
    const excerpt = text === undefined ? '' : `\n  ${line} | ${text}\n  ${' '.repeat(String(line).length)} | ${' '.repeat(Math.max(col - 1, 0))}^`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}:${line}:${col}: ${kind} syntax error: ${message}. Fix the syntax at this position.${excerpt}`, {
        location: { file, line, column: col },
    });
}
function yamlValue(text, file, doc, lc) {
    const [first] = doc.errors;
    if (first !== undefined) {
        const { line, col } = lc.linePos(first.pos[0]);
        if (first.code === 'DUPLICATE_KEY')
            throw duplicateKeyError(file, doc, first.pos[0], line);
        throw syntaxError(file, 'YAML', line, col, first.message, text);
    }
    if (doc.contents === null)
        throw emptyFileError(file);
    try {
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        const line = unresolvedAliasLine(doc, lc);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}${line === undefined ? '' : `:${line}`}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}. Define the anchor (&name) before using it (*name).`, {
            location: line === undefined ? { file } : { file, line },
            cause: e,
        });
    }
}
function parseJson(text, file, doc, lc) {
    if (text.trim() === '')
        throw emptyFileError(file);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        // Not every V8 message carries a position, so find it independently.
        const { line, col } = lc.linePos(jsonErrorOffset(text));
        const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e).replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
        throw syntaxError(file, 'JSON', line, col, message, text);
    }
    // JSON.parse silently keeps the last of duplicate keys; the YAML parse of the same text notices them.
    const dup = doc.errors.find((err) => err.code === 'DUPLICATE_KEY');
    if (dup !== undefined)
        throw duplicateKeyError(file, doc, dup.pos[0], lc.linePos(dup.pos[0]).line);
    return value;
}
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
/** Offset of the first JSON syntax error in `text` (of a string token: its opening quote). */
function jsonErrorOffset(text) {
    let i = 0;
    const skipSpace = () => {
        while (i < text.length && ' \t\n\r'.includes(text.charAt(i)))
            i++;
    };
    const token = (re) => {
        re.lastIndex = i;
        if (!re.test(text))
            return false;
        i = re.lastIndex;
        return true;
    };
    const members = (close, member) => {
        i++;
        skipSpace();
        if (text.charAt(i) === close) {
            i++;
            return true;
        }
        for (;;) {
            if (!member())
                return false;
            skipSpace();
            const c = text.charAt(i);
            if (c !== ',' && c !== close)
                return false;
            i++;
            if (c === close)
                return true;
        }
    };
    const value = () => {
        skipSpace();
        const c = text.charAt(i);
        if (c === '[')
            return members(']', value);
        if (c === '{') {
            return members('}', () => {
                skipSpace();
                if (!token(JSON_STRING))
                    return false;
                skipSpace();
                if (text.charAt(i) !== ':')
                    return false;
                i++;
                return value();
            });
        }
        return token(JSON_STRING) || token(JSON_SCALAR);
    };
    try {
        if (value())
            skipSpace();
    }
    catch {
        // nesting too deep to follow: report where the scan stopped
    }
    return Math.min(i, text.length);
}
function duplicateKeyError(file, doc, offset, line) {
    let key;
    (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .visit */ .YR)(doc, {
        Pair(_, pair) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) && pair.key.range?.[0] === offset) {
                key = String(pair.key.value);
                return yaml__WEBPACK_IMPORTED_MODULE_2__/* .visit */ .YR.BREAK;
            }
            return undefined;
        },
    });
    const name = key === undefined ? 'a key' : `key \`${key}\``;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}:${line}: duplicate ${name}: each key may appear only once in a mapping. Remove or merge the repeated entry.`, {
        location: { file, line },
        ...(key === undefined ? {} : { field: key }),
    });
}
function unresolvedAliasLine(doc, lc) {
    let line;
    (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .visit */ .YR)(doc, {
        Alias(_, alias) {
            if (alias.resolve(doc) === undefined && alias.range) {
                line = lc.linePos(alias.range[0]).line;
                return yaml__WEBPACK_IMPORTED_MODULE_2__/* .visit */ .YR.BREAK;
            }
            return undefined;
        },
    });
    return line;
}
// ---- source positions ----
function parsePointer(pointer) {
    if (pointer === '')
        return [];
    if (!pointer.startsWith('/'))
        return undefined;
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}
function lineOfPointer(doc, lc, pointer) {
    const segments = parsePointer(pointer);
    if (segments === undefined)
        return undefined;
    let node = doc.contents;
    let offset = isNodeWithRange(node) ? node.range[0] : undefined;
    for (const segment of segments) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isAlias */ .Vj)(node))
            node = node.resolve(doc);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(p.key) && String(p.key.value) === segment);
            if (pair === undefined)
                return undefined;
            // The key's line: a value may start on a later line (nested block, block scalar).
            offset = isNodeWithRange(pair.key) ? pair.key.range[0] : undefined;
            node = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node) && /^\d+$/.test(segment)) {
            node = node.items[Number(segment)];
            if (node === undefined)
                return undefined;
            offset = isNodeWithRange(node) ? node.range[0] : undefined;
        }
        else {
            return undefined;
        }
    }
    return offset === undefined ? undefined : lc.linePos(offset).line;
}
function isNodeWithRange(node) {
    return typeof node === 'object' && node !== null && Array.isArray(node.range);
}
function validationError(errors, file, lineOf) {
    const seen = new Set();
    const problems = explain(errors)
        .filter((p) => {
        const key = `${p.field}\0${p.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    })
        .map((p, order) => ({ ...p, order, line: nearestLine(p.pointer, lineOf) }))
        .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.order - b.order);
    const at = (line) => (line === undefined ? file : `${file}:${line}`);
    const describe = (p) => `${p.label === undefined ? '' : `${p.label}: `}${p.message}. ${p.hint}`;
    const [first] = problems;
    if (first === undefined)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}: invalid configuration.`, { location: { file } });
    const message = problems.length === 1
        ? `${at(first.line)}: ${describe(first)}`
        : `${at(first.line)}: ${problems.length} problems in the configuration:\n${problems.map((p) => `  - ${at(p.line)}: ${describe(p)}`).join('\n')}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(message, {
        location: first.line === undefined ? { file } : { file, line: first.line },
        field: first.field,
    });
}
/** The line of the pointer, else of its nearest ancestor present in the source (e.g. the object missing a field). */
function nearestLine(pointer, lineOf) {
    for (let p = pointer;; p = p.slice(0, p.lastIndexOf('/'))) {
        const line = lineOf(p);
        if (line !== undefined || p === '')
            return line;
    }
}
function childOf(schemaPath, parent) {
    return schemaPath.startsWith(`${parent.schemaPath}/`);
}
/** Turns ajv errors into problems; a failed anyOf/oneOf becomes the problems of the branch the data was meant for. */
function explain(errors) {
    const compounds = errors
        .filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !hasPassing(e))
        .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
    const outer = compounds.filter((c) => !compounds.some((o) => o !== c && childOf(c.schemaPath, o)));
    const problems = [];
    for (const e of errors) {
        if (outer.some((c) => c === e))
            problems.push(...explainAlternatives(e, errors.filter((s) => childOf(s.schemaPath, e))));
        else if (outer.some((c) => childOf(e.schemaPath, c)))
            continue;
        else if (e.keyword === 'if' || e.propertyName !== undefined)
            continue;
        else
            problems.push(problemOf(e));
    }
    return problems;
}
function hasPassing(e) {
    return e.params.passingSchemas != null;
}
function explainAlternatives(compound, sub) {
    const branches = new Map();
    for (const e of sub) {
        const index = e.schemaPath.slice(compound.schemaPath.length + 1).split('/')[0] ?? '';
        branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    // A branch that fails on the kind of value itself (type, const, enum at the branch root) was not the one meant.
    const expected = [];
    const viable = [];
    for (const [index, list] of branches) {
        const root = list.find((e) => e.instancePath === compound.instancePath && e.schemaPath === `${compound.schemaPath}/${index}/${e.keyword}`);
        if (root?.keyword === 'type')
            expected.push(typeNames(root.params));
        else if (root?.keyword === 'const')
            expected.push(`\`${show(root.params.allowedValue)}\``);
        else if (root?.keyword === 'enum')
            expected.push(...allowedValues(root).map((v) => `\`${v}\``));
        else
            viable.push(list);
    }
    if (viable.length > 0) {
        const closest = viable.reduce((best, list) => (list.length < best.length ? list : best));
        return explain(closest);
    }
    const unique = [...new Set(expected)];
    return [
        {
            pointer: compound.instancePath,
            field: fieldName(compound.instancePath),
            label: fieldName(compound.instancePath),
            message: unique.length > 0 ? `must be ${unique.join(' or ')}${got(compound.data)}` : 'does not match any allowed form',
            hint: 'Change the value.',
        },
    ];
}
const TYPE_NAMES = {
    number: 'a number',
    integer: 'a whole number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    null: 'null',
};
function typeNames(params) {
    const types = Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
    return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}
function show(v) {
    return typeof v === 'string' ? v : JSON.stringify(v);
}
function allowedValues(e) {
    const values = e.params.allowedValues;
    return Array.isArray(values) ? values.map(show) : [];
}
function got(data) {
    if (data === undefined)
        return '';
    if (Array.isArray(data))
        return ' (got a list)';
    if (typeof data === 'object' && data !== null)
        return ' (got a mapping)';
    const text = JSON.stringify(data);
    return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}
function plural(n, word) {
    return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}
function problemOf(e) {
    const p = e.params;
    const at = (pointer, message, hint = 'Change the value.') => ({
        pointer,
        field: fieldName(pointer),
        label: fieldName(pointer),
        message,
        hint,
    });
    // The message names the key itself: label it with the object that holds (or lacks) it.
    const inParent = (name, message, hint) => ({
        ...at(`${e.instancePath}/${escapePointer(name)}`, message, hint),
        label: e.instancePath === '' ? undefined : fieldName(e.instancePath),
    });
    switch (e.keyword) {
        case 'required': {
            const name = String(p.missingProperty);
            return inParent(name, `missing required field \`${name}\``, `Add \`${name}\`.`);
        }
        case 'additionalProperties':
        case 'unevaluatedProperties': {
            const name = String(p.additionalProperty ?? p.unevaluatedProperty);
            const allowed = Object.keys(e.parentSchema?.properties ?? {});
            const suggestion = closest(name, allowed);
            const list = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
            return inParent(name, `unknown field \`${name}\`${list}`, suggestion === undefined ? 'Remove it or check its spelling.' : `Did you mean \`${suggestion}\`?`);
        }
        case 'enum':
            return at(e.instancePath, `must be one of: ${allowedValues(e).join(', ')}${got(e.data)}`, 'Use one of the listed values.');
        case 'const':
            return at(e.instancePath, `must be \`${show(p.allowedValue)}\`${got(e.data)}`, `Set it to \`${show(p.allowedValue)}\`.`);
        case 'type':
            return at(e.instancePath, `must be ${typeNames(p)}${got(e.data)}`, typeHint(String(p.type), e.data));
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return at(e.instancePath, `must be ${String(p.comparison)} ${String(p.limit)}${got(e.data)}`);
        case 'multipleOf':
            return at(e.instancePath, `must be a multiple of ${String(p.multipleOf)}${got(e.data)}`);
        case 'minLength':
            return at(e.instancePath, p.limit === 1 ? 'must not be empty' : `must be at least ${plural(p.limit, 'character')} long`);
        case 'maxLength':
            return at(e.instancePath, `must be at most ${plural(p.limit, 'character')} long`);
        case 'minItems':
            return at(e.instancePath, p.limit === 1 ? 'must not be an empty list' : `must have at least ${plural(p.limit, 'item')}`);
        case 'maxItems':
            return at(e.instancePath, `must have at most ${plural(p.limit, 'item')}`);
        case 'minProperties':
            return at(e.instancePath, `must have at least ${plural(p.limit, 'field')}`);
        case 'maxProperties':
            return at(e.instancePath, `must have at most ${plural(p.limit, 'field')}`);
        case 'pattern':
            return at(e.instancePath, `must match the pattern \`${String(p.pattern)}\`${got(e.data)}`);
        case 'format':
            return at(e.instancePath, `must be a valid ${String(p.format)}${got(e.data)}`);
        case 'uniqueItems':
            return at(e.instancePath, `must not contain duplicates (items ${String(p.j)} and ${String(p.i)} are the same)`, 'Remove the repeated item.');
        case 'dependentRequired':
        case 'dependencies':
            return at(e.instancePath, `field \`${String(p.missingProperty)}\` is required when \`${String(p.property)}\` is set`, `Add \`${String(p.missingProperty)}\` or remove \`${String(p.property)}\`.`);
        case 'propertyNames':
            return inParent(String(p.propertyName), `invalid field name \`${String(p.propertyName)}\``, 'Rename or remove that field.');
        case 'oneOf':
            return at(e.instancePath, 'matches more than one allowed form', 'Make the value match exactly one form.');
        case 'not':
        case 'false schema':
            return at(e.instancePath, 'is not allowed here', 'Remove it.');
        default:
            return at(e.instancePath, e.message ?? `fails the \`${e.keyword}\` rule`);
    }
}
function typeHint(expected, data) {
    if ((expected === 'number' || expected === 'integer') && typeof data === 'string' && data.trim() !== '' && !Number.isNaN(Number(data))) {
        return 'Remove the quotes around the number.';
    }
    if (expected === 'string' && (typeof data === 'number' || typeof data === 'boolean'))
        return 'Put the value in quotes.';
    return 'Change the value.';
}
function escapePointer(segment) {
    return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
/** `/suites/2/threshold` as `suites[2].threshold`. */
function fieldName(pointer) {
    const segments = parsePointer(pointer) ?? [];
    if (segments.length === 0)
        return 'the top level';
    let out = '';
    for (const s of segments) {
        if (/^\d+$/.test(s))
            out += `[${s}]`;
        else if (/^[A-Za-z_][\w-]*$/.test(s))
            out += out === '' ? s : `.${s}`;
        else
            out += `[${JSON.stringify(s)}]`;
    }
    return out;
}
/** The allowed name closest to a misspelt one, if any is close enough. */
function closest(name, allowed) {
    let best;
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of allowed) {
        const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length] ?? 0;
}


/***/ })

};
