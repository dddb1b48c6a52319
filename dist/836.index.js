export const id = 836;
export const ids = [836];
export const modules = {

/***/ 58836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildProgram: () => (/* binding */ buildProgram),
  cli: () => (/* binding */ cli)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: ./src/actions/gates.ts
var gates = __webpack_require__(1891);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/report/files.ts + 1 modules
var files = __webpack_require__(50639);
// EXTERNAL MODULE: ./src/core/report/model.ts
var model = __webpack_require__(327);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/core/report/render-html.ts
var render_html = __webpack_require__(87720);
;// CONCATENATED MODULE: ./src/core/report/render-index.ts
/**
 * The index page of a directory of gate reports: one self-contained HTML page (inline CSS, no scripts, nothing
 * fetched) with a row per report — gate, suite, verdict, summary, key figures — linking each report's own files.
 * Pure: entries in, a string out. Every string is untrusted and HTML-escaped.
 */



/** The files linked from each row, in order. */
const INDEX_LINKS = [
    { file: 'report.html', label: 'HTML' },
    { file: 'report.json', label: 'JSON' },
    { file: 'report.md', label: 'Markdown' },
];
const MAX_TEXT = 2000;
function render_index_text(s, maxChars = MAX_TEXT) {
    return (0,report_escape/* escapeHtml */.ZD)((0,report_escape/* plainText */.wh)(s, { maxChars }));
}
/** A relative href: each path segment percent-encoded, so no segment can form a scheme, query or fragment. */
function relativeHref(dir, file) {
    const segments = [...dir.split(/[\\/]+/), file].filter((s) => s !== '' && s !== '.');
    return segments.map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}
function verdictClass(verdict) {
    return model/* VERDICTS */.bk.includes(verdict) ? verdict : 'unknown';
}
function badge(verdict) {
    return `<span class="badge v-${verdictClass(verdict)}">${render_index_text(verdict.toUpperCase(), 32)}</span>`;
}
function figures(list) {
    if (list.length === 0)
        return '<span class="muted">—</span>';
    const items = list.map(([label, value]) => `<div><dt>${render_index_text(label, 200)}</dt><dd>${render_index_text(value, 500)}</dd></div>`);
    return `<dl class="figures">${items.join('')}</dl>`;
}
function links(dir) {
    return INDEX_LINKS.map((l) => `<a href="${(0,report_escape/* escapeHtml */.ZD)(relativeHref(dir, l.file))}">${l.label}</a>`).join(' · ');
}
function row(e) {
    return [
        `<tr class="row-${verdictClass(e.verdict)}">`,
        `<td><a class="gate" href="${(0,report_escape/* escapeHtml */.ZD)(relativeHref(e.dir, 'report.html'))}">${render_index_text(e.gate, 200)}</a><div class="muted">${render_index_text(e.dir, 300)}/</div></td>`,
        `<td>${render_index_text(e.name, 300)}</td>`,
        `<td>${badge(e.verdict)}</td>`,
        `<td>${render_index_text(e.summary)}</td>`,
        `<td>${figures(e.figures)}</td>`,
        `<td class="links">${links(e.dir)}</td>`,
        '</tr>',
    ].join('');
}
const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --head: #f6f8fa; --link: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --head: #151b23; --link: #4493f8; } }
body { margin: 2rem; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.muted { color: var(--muted); font-size: .85em; }
.counts { margin: .75rem 0 1.25rem; }
.counts .badge { margin-right: .35rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
a.gate { font-weight: 600; }
td.links { white-space: nowrap; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; font-size: .8em; font-weight: 700; letter-spacing: .03em; color: #fff; background: #6e7781; white-space: nowrap; }
.v-pass { background: #1a7f37; }
.v-warn { background: #9a6700; }
.v-inconclusive { background: #6e7781; }
.v-fail { background: #cf222e; }
.v-error { background: #82071e; }
dl.figures { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; }
dl.figures div { display: contents; }
dt { color: var(--muted); }
dd { margin: 0; font-variant-numeric: tabular-nums; }
`;
/** The whole index page. */
function renderIndex(entries, opts = {}) {
    const title = opts.title ?? 'shipgate reports';
    const counts = new Map();
    for (const e of entries)
        counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
    const countLine = [...counts].map(([v, n]) => `${badge(v)}${n}`).join(' ');
    const body = entries.length === 0
        ? '<p>No reports found.</p>'
        : [
            `<p class="counts">${entries.length} report${entries.length === 1 ? '' : 's'}: ${countLine}</p>`,
            '<table>',
            '<thead><tr><th>gate</th><th>suite</th><th>verdict</th><th>summary</th><th>key figures</th><th>report</th></tr></thead>',
            '<tbody>',
            ...entries.map(row),
            '</tbody>',
            '</table>',
        ].join('\n');
    return [
        ...(0,render_html/* documentHead */.Kn)(render_index_text(title, 200), STYLE),
        '<body>',
        `<h1>${render_index_text(title, 200)}</h1>`,
        opts.generatedAt === undefined ? '' : `<p class="muted">generated ${render_index_text(opts.generatedAt, 100)}</p>`,
        body,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
// ---- key figures of each gate's report.json ----
function obj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}
function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function fixed(v, digits) {
    return String(Number(v.toFixed(digits)));
}
function signedPercent(change) {
    return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
}
function output(r, key) {
    const v = r.outputs?.[key];
    return v === undefined || v === '' ? undefined : String(v);
}
function perfFigures(r) {
    const out = [];
    const regressions = output(r, 'regressions');
    const improvements = output(r, 'improvements');
    if (regressions !== undefined)
        out.push(['regressions', regressions]);
    if (improvements !== undefined)
        out.push(['improvements', improvements]);
    const results = Array.isArray(r.details.results) ? r.details.results.map(obj).filter((x) => x !== undefined) : [];
    const rank = (v) => (v === 'regression' ? 2 : v === 'improvement' ? 1 : 0);
    let head;
    for (const x of results) {
        if (num(x.change) === undefined)
            continue;
        if (head === undefined || rank(x.verdict) > rank(head.verdict) || (rank(x.verdict) === rank(head.verdict) && Math.abs(num(x.change) ?? 0) > Math.abs(num(head.change) ?? 0)))
            head = x;
    }
    const change = num(head?.change);
    if (head !== undefined && change !== undefined) {
        const what = [head.benchmark, head.metric].filter((s) => typeof s === 'string').join(' ');
        out.push(['headline', `${what} ${signedPercent(change)}${typeof head.verdict === 'string' ? ` (${head.verdict})` : ''}`]);
    }
    return out;
}
function chaosFigures(r) {
    const out = [];
    if (r.details.dryRun === true) {
        const plan = Array.isArray(r.details.plan) ? r.details.plan.length : undefined;
        if (plan !== undefined)
            out.push(['faults planned', String(plan)]);
        return out;
    }
    const faults = Array.isArray(r.details.faults) ? r.details.faults.map(obj).filter((x) => x !== undefined) : [];
    if (faults.length)
        out.push(['faults verified', `${faults.filter((f) => f.verified === true).length}/${faults.length}`]);
    const lost = output(r, 'lost');
    if (lost !== undefined)
        out.push(['writes lost', lost]);
    const recovery = output(r, 'recovery-seconds');
    if (recovery !== undefined)
        out.push(['recovery', `${recovery} s`]);
    return out;
}
function modelFigures(r) {
    const out = [];
    const metrics = obj(r.details.metrics) ?? {};
    for (const key of ['accuracy', 'roc_auc', 'roc_auc_ovr_macro', 'f1_macro', 'r2']) {
        const v = num(metrics[key]);
        if (v !== undefined)
            out.push([key, fixed(v, 4)]);
    }
    const failed = output(r, 'failed-metrics');
    if (failed !== undefined)
        out.push(['failed metrics', failed.split(',').join(', ')]);
    const drift = obj(r.details.drift);
    const drifted = Array.isArray(drift?.drifted) ? drift.drifted.filter((s) => typeof s === 'string') : (output(r, 'drifted-columns')?.split(',') ?? []);
    if (drift !== undefined || drifted.length)
        out.push(['drifted columns', drifted.length ? drifted.join(', ') : 'none']);
    return out;
}
function readinessFigures(r) {
    const out = [];
    const score = output(r, 'score');
    if (score !== undefined)
        out.push(['score', `${score}/100`]);
    out.push(['level', output(r, 'level') ?? 'none']);
    const critical = output(r, 'failed-critical');
    if (critical !== undefined)
        out.push(['failed critical', critical]);
    return out;
}
/** The figures a reader looks at first in a gate's report (read defensively: `details` is per gate). */
function keyFigures(r) {
    switch (r.gate) {
        case 'perf-gate':
            return perfFigures(r);
        case 'chaos-run':
            return chaosFigures(r);
        case 'model-validate':
            return modelFigures(r);
        case 'readiness-checklist':
            return readinessFigures(r);
        default:
            return Object.entries(r.outputs ?? {}).map(([k, v]) => [k, String(v)]);
    }
}
/** The index row of one report found in `dir` (relative to the index page). */
function indexEntry(r, dir) {
    return { dir, gate: r.gate, name: r.name, verdict: r.verdict, summary: r.summary, figures: keyFigures(r) };
}

// EXTERNAL MODULE: ./src/core/report/render-markdown.ts
var render_markdown = __webpack_require__(39108);
;// CONCATENATED MODULE: ./src/core/report/render-terminal.ts



const DEFAULT_WIDTH = 100;
const GAP = '  ';
const STATUS_WIDTH = 14;
const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, magenta: 35 };
const VERDICT_STYLE = { pass: 'green', warn: 'yellow', fail: 'red', inconclusive: 'magenta', error: 'red' };
const STATUS_STYLE = { pass: 'green', fail: 'red', warn: 'yellow', inconclusive: 'magenta' };
/** The report as plain text for a terminal; untrusted strings cannot carry escape sequences. */
function renderTerminal(report, opts = {}) {
    const paint = (style, s) => (opts.color === true && s !== '' ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s);
    const width = Math.max(20, Math.floor(opts.width ?? DEFAULT_WIDTH) || DEFAULT_WIDTH);
    const out = [];
    out.push(`${paint('bold', paint(VERDICT_STYLE[report.verdict], render_markdown/* VERDICT_WORDS */._G[report.verdict]))}  ${oneLine((0,model/* checkRunName */.$_)(report.gate, report.name))}`);
    const summary = oneLine(report.summary);
    if (summary !== '')
        out.push(summary);
    for (const section of report.sections) {
        const title = oneLine(section.title);
        out.push('', paint('bold', title), '-'.repeat(Math.min(width, Math.max(3, [...title].length))));
        for (const block of section.blocks)
            out.push(...renderBlock(block, width, paint));
    }
    if (report.findings.length > 0) {
        const title = `Findings (${report.findings.length})`;
        out.push('', paint('bold', title), '-'.repeat(title.length));
        for (const f of report.findings)
            out.push(...renderFinding(f, paint));
    }
    return `${out.join('\n')}\n`;
}
function clean(s) {
    return (0,report_escape/* stripControls */.$Y)(s).replace(/\t/g, '  ');
}
function oneLine(s) {
    return (0,report_escape/* stripControls */.$Y)(s).replace(/\s+/g, ' ').trim();
}
function renderBlock(block, width, paint) {
    switch (block.type) {
        case 'text':
        case 'markdown': {
            const text = clean(block.type === 'text' ? block.text : block.markdown).trim();
            return text === '' ? [] : ['', ...text.split('\n').map((l) => l.trimEnd())];
        }
        case 'code':
            return ['', ...clean(block.text).replace(/\n+$/, '').split('\n').map((l) => `    ${l}`.trimEnd())];
        case 'table':
            return ['', ...renderTable(block, width, paint)];
        case 'details':
            return ['', paint('bold', oneLine(block.summary)), ...block.blocks.flatMap((b) => renderBlock(b, width, paint))];
    }
}
function renderTable(block, width, paint) {
    const n = block.rows.reduce((m, r) => Math.max(m, r.cells.length), block.columns.length);
    if (n === 0)
        return [];
    // Cut before measuring: a cell is never shown wider than the whole table.
    const cellsOf = (cells) => Array.from({ length: n }, (_, i) => [...(0,report_escape/* truncateChars */.UT)(oneLine(cells[i] ?? ''), width + 1)]);
    const header = cellsOf(block.columns);
    const rows = block.rows.map((r) => cellsOf(r.cells));
    const natural = header.map((h, i) => rows.reduce((m, r) => Math.max(m, r[i]?.length ?? 0), h.length));
    const widths = fitWidths(natural, width - GAP.length * (n - 1));
    const line = (cells) => cells
        .map((c, i) => pad(c, widths[i] ?? 0, block.align?.[i]))
        .join(GAP)
        .trimEnd();
    const out = [paint('bold', line(header)), widths.map((w) => '-'.repeat(w)).join(GAP)];
    block.rows.forEach((r, i) => {
        const style = r.status === undefined ? undefined : STATUS_STYLE[r.status];
        const text = line(rows[i] ?? []);
        out.push(style === undefined || r.status === 'pass' ? text : paint(style, text));
    });
    return out;
}
/** Narrows the widest columns first until the table fits `avail` (never below 3 characters a column). */
function fitWidths(natural, avail) {
    const total = (cap) => natural.reduce((s, w) => s + Math.min(w, cap), 0);
    let lo = 0;
    let hi = Math.max(0, ...natural);
    if (total(hi) <= avail)
        return natural;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (total(mid) <= avail)
            lo = mid;
        else
            hi = mid - 1;
    }
    const cap = Math.max(3, lo);
    return natural.map((w) => Math.min(w, cap));
}
/** `chars` are code points, so a cut never splits a surrogate pair. */
function pad(chars, w, align) {
    const shown = chars.length > w ? [...chars.slice(0, Math.max(0, w - 1)), '…'] : chars;
    const text = shown.join('');
    const space = Math.max(0, w - shown.length);
    if (align === 'right')
        return ' '.repeat(space) + text;
    if (align === 'center')
        return ' '.repeat(Math.floor(space / 2)) + text + ' '.repeat(Math.ceil(space / 2));
    return text + ' '.repeat(space);
}
function renderFinding(f, paint) {
    const status = oneLine(f.status).toUpperCase().slice(0, STATUS_WIDTH - 2).padEnd(STATUS_WIDTH);
    const style = STATUS_STYLE[f.status];
    const head = `  ${style === undefined ? status : paint(style, status)}[${oneLine(f.severity)}] ${oneLine(f.title)}`;
    const indent = ' '.repeat(2 + STATUS_WIDTH);
    const message = clean(f.message).trim();
    const lines = message === '' ? [] : message.split('\n').map((l) => `${indent}${l}`.trimEnd());
    const loc = f.location;
    if (loc !== undefined) {
        const where = `${oneLine(loc.file)}${loc.line === undefined ? '' : `:${loc.line}`}`;
        lines.push(`${indent}${paint('dim', `at ${where}`)}`);
    }
    return [head, ...lines];
}

// EXTERNAL MODULE: ./src/core/baseline/fingerprint.ts
var fingerprint = __webpack_require__(41539);
// EXTERNAL MODULE: ./src/core/baseline/store.ts
var store = __webpack_require__(60810);
// EXTERNAL MODULE: ./src/core/baseline/history.ts
var baseline_history = __webpack_require__(78891);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/log.ts
var core_log = __webpack_require__(44325);
// EXTERNAL MODULE: ./src/core/runtime/cancel.ts
var runtime_cancel = __webpack_require__(45636);
// EXTERNAL MODULE: ./src/core/runtime/inputs.ts
var inputs = __webpack_require__(27863);
// EXTERNAL MODULE: ./src/core/runtime/common.ts
var common = __webpack_require__(47235);
// EXTERNAL MODULE: ./src/core/runtime/error-report.ts
var error_report = __webpack_require__(32305);
;// CONCATENATED MODULE: ./src/core/runtime/cli-run.ts













/** CLI exit codes (the design's contract). */
const ExitCode = { Ok: 0, Failed: 1, BadInput: 2, Internal: 3 };
function exitCodeFor(report) {
    if (report.verdict === 'fail')
        return ExitCode.Failed;
    if (report.verdict === 'error') {
        const kind = report.details.error?.kind;
        return kind === 'configuration' ? ExitCode.BadInput : ExitCode.Internal;
    }
    return ExitCode.Ok;
}
/** Run a gate locally: same gate code, local sinks (report files and the terminal). */
async function runGateCli(gate, opts) {
    const log = (0,core_log/* consoleLogger */.k)({ verbose: opts.verbose ?? false });
    const out = opts.stdout ?? process.stdout;
    const cancel = (0,runtime_cancel/* installCancellation */.z)(log, { exitOnSecondSignal: true });
    try {
        try {
            (0,common/* checkSuiteName */.e)(opts.name, 'option --name', 'name');
        }
        catch (e) {
            log.error((0,errors/* errorMessage */.gJ)(e));
            return ExitCode.BadInput;
        }
        const workspace = process.cwd();
        const runner = (0,fingerprint.runnerInfo)(await (0,fingerprint.hardwareFacts)());
        const ctx = {
            gate: gate.gate,
            name: opts.name,
            workspace,
            reportDir: external_node_path_default().resolve(opts.reportDir),
            signal: cancel.signal,
            log,
            run: (0,context/* runContext */.pO)(),
            runner,
            baselines: new store/* RepoBaselineStore */.L6(workspace),
            historySize: baseline_history/* DEFAULT_HISTORY */.RA,
            inputs: new inputs/* InputReader */.i_((0,inputs/* mapInputs */.k3)(opts.inputs)),
            startedAt: new Date(),
            inAction: false,
        };
        let report;
        try {
            report = await gate.run(ctx);
        }
        catch (e) {
            if ((0,errors/* isConfigurationError */.p0)(e))
                log.error(e.message, e.location);
            else
                log.error(`internal error: ${(0,errors/* errorMessage */.gJ)(e)}${opts.verbose && e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
            report = (0,error_report/* errorReport */.Z)(ctx, e);
        }
        let file;
        try {
            file = await (0,files/* writeReportFiles */.t4)(report, ctx.reportDir);
        }
        catch (e) {
            const code = e.code;
            if (!code)
                throw e;
            log.error(`cannot write the report to ${ctx.reportDir} (${code}): choose a writable --report-dir`);
            return ExitCode.BadInput;
        }
        out.write(renderTerminal(report, { color: opts.color ?? false }));
        log.info(`report: ${external_node_path_default().relative(process.cwd(), file) || file}`);
        return cancel.signal.aborted ? ExitCode.Failed : exitCodeFor(report);
    }
    finally {
        cancel.dispose();
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts











/** CLI flags of each gate, and the action input each one sets (the gate reads the same names either way). */
const gateFlags = {
    'perf-gate': [
        { flag: '--current <file>', input: 'current', description: 'result file to judge (no suite is run)' },
        { flag: '--baseline <file>', input: 'baseline', description: 'baseline result file' },
        { flag: '--format <name>', input: 'format', description: 'result format (detected when absent)' },
        { flag: '--run <cmd>', input: 'run', description: 'run the suite with this shell command' },
        { flag: '--config <file>', input: 'config', description: 'perf-gate config file' },
        { flag: '--repetitions <n>', input: 'repetitions', description: 'with --run: measured runs of the suite' },
        { flag: '--warmup <n>', input: 'warmup', description: 'with --run: unmeasured runs first' },
        { flag: '--update-baseline', input: 'update-baseline', description: 'save this run as the baseline in baselines/', boolean: true },
    ],
    'model-validate': [
        { flag: '--predictions <file>', input: 'predictions', description: 'predictions file (CSV, CSV.gz, JSONL)' },
        { flag: '--label-column <name>', input: 'label-column', description: 'true label column' },
        { flag: '--prediction-column <name>', input: 'prediction-column', description: 'predicted class column' },
        { flag: '--score-columns <prefix>', input: 'score-columns', description: 'score column prefix, or the binary score column' },
        { flag: '--positive-label <label>', input: 'positive-label', description: 'positive class' },
        { flag: '--baseline <file>', input: 'baseline', description: 'baseline file' },
        { flag: '--reference <file>', input: 'reference', description: 'reference feature data for drift' },
        { flag: '--current <file>', input: 'current', description: 'current feature data for drift' },
        { flag: '--drift-methods <list>', input: 'drift-methods', description: 'auto | all | ks,psi,...' },
        { flag: '--config <file>', input: 'config', description: 'model-validate config file' },
        { flag: '--metadata <file>', input: 'metadata', description: 'model metadata YAML for the model card' },
        { flag: '--update-baseline', input: 'update-baseline', description: 'save this run as the baseline in baselines/', boolean: true },
    ],
    'readiness-checklist': [
        { flag: '--checklist <file>', input: 'checklist', description: 'checklist file' },
        { flag: '--base-result <file>', input: 'base-result', description: "base branch's report.json" },
        { flag: '--untrusted-commands <mode>', input: 'untrusted-commands', description: 'base | refuse: command checks on untrusted pull requests' },
        { flag: '--reports-dir <dir>', input: 'reports-dir', description: "other gates' reports, for gate checks" },
        { flag: '--sarif', input: 'sarif', description: 'also write results.sarif', boolean: true },
    ],
    'chaos-run': [
        { flag: '--experiment <file>', input: 'experiment', description: 'experiment file' },
        { flag: '--dry-run', input: 'dry-run', description: 'print the plan without touching anything', boolean: true },
        { flag: '--ledger-dir <dir>', input: 'ledger-dir', description: 'where the fault ledger is kept (default ~/.local/state/shipgate/chaos-ledger)' },
        { flag: '--allowed-runner-labels <list>', input: 'allowed-runner-labels', description: 'refuse unless this machine has one of these labels' },
    ],
};
function camel(flag) {
    const long = /--([a-z-]+)/.exec(flag)?.[1] ?? flag;
    return long.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
function buildProgram(setExit) {
    const program = new esm/* Command */.uB('shipgate')
        .description('CI gates for self-hosted GPU runners, run locally')
        .showHelpAfterError()
        .exitOverride();
    for (const gate of model/* GATES */.JH) {
        const cmd = program
            .command(gate)
            .description(`run ${gate} with local sinks (report files and this terminal)`)
            .option('--name <name>', 'suite name', 'default')
            .option('--report-dir <dir>', 'where report files are written', external_node_path_default().join('shipgate-report', gate))
            .option('-v, --verbose', 'debug output')
            .addOption(new esm/* Option */.c$('--color', 'colour the terminal report').default(Boolean(process.stdout.isTTY)));
        for (const f of gateFlags[gate])
            cmd.option(f.flag, f.description);
        cmd.action(async (o) => {
            const inputs = {};
            for (const f of gateFlags[gate]) {
                const v = o[camel(f.flag)];
                if (v !== undefined)
                    inputs[f.input] = String(v);
            }
            setExit(await runGateCli(await (0,gates/* loadGate */.W)(gate), {
                name: String(o.name),
                reportDir: String(o.reportDir),
                inputs,
                verbose: Boolean(o.verbose),
                color: Boolean(o.color),
            }));
        });
    }
    program.commands
        .find((c) => c.name() === 'readiness-checklist')
        ?.command('import')
        .description('convert a markdown checklist (headings, - [ ] items, Status/Owner lines, Validation Command lines) to readiness.yml on stdout')
        .argument('<checklist.md>')
        .action(async (file) => {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (e) {
            throw new errors/* ConfigurationError */.j1(`${file}: cannot read the markdown checklist (${(0,errors/* errorMessage */.gJ)(e)}).`, { location: { file } });
        }
        const { importMarkdownChecklist } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(489), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 77199));
        const { checklistToYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(489), __webpack_require__.e(566)]).then(__webpack_require__.bind(__webpack_require__, 72566));
        const { checklist, warnings } = importMarkdownChecklist(text, file);
        for (const w of warnings)
            process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(checklistToYaml(checklist));
        setExit(ExitCode.Ok);
    });
    program.commands
        .find((c) => c.name() === 'chaos-run')
        ?.command('revert')
        .description('revert every fault the ledger still holds (what a killed run left behind)')
        .option('--ledger-dir <dir>', 'where the fault ledger is kept (default ~/.local/state/shipgate/chaos-ledger)')
        .action(async (_o, cmd) => {
        // --ledger-dir is also an option of `chaos-run` itself, which takes it when given here.
        const o = cmd.optsWithGlobals();
        const { ledgerDir, revertLedger } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(830), __webpack_require__.e(796), __webpack_require__.e(489), __webpack_require__.e(430), __webpack_require__.e(158)]).then(__webpack_require__.bind(__webpack_require__, 64158));
        const dir = ledgerDir(o.ledgerDir);
        const r = await revertLedger(dir);
        for (const w of r.warnings)
            process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`${dir}: ${r.reverted.length} reverted${r.reverted.length ? ` (${r.reverted.join(', ')})` : ''}, ${r.failed.length} failed\n`);
        for (const f of r.failed)
            process.stderr.write(`could not revert ${f.id}: ${f.error}\n`);
        setExit(r.failed.length ? ExitCode.Failed : ExitCode.Ok);
    });
    program
        .command('report')
        .description('validate a report.json and render it (terminal, markdown) or re-write its report files')
        .argument('<report.json>')
        .addOption(new esm/* Option */.c$('--format <format>', 'output').choices(['terminal', 'markdown']).default('terminal'))
        .option('--report-dir <dir>', 'also write report.json, report.md and junit.xml here')
        .action(async (file, o) => {
        let value;
        try {
            value = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch (e) {
            throw new errors/* ConfigurationError */.j1(`${file}: cannot read a report (${(0,errors/* errorMessage */.gJ)(e)}). Pass the report.json a gate wrote.`, { location: { file } });
        }
        try {
            (0,files/* assertValidReport */.$H)(value);
        }
        catch (e) {
            throw new errors/* ConfigurationError */.j1(`${file}: ${(0,errors/* errorMessage */.gJ)(e).replace(/^internal error: /, '')}`, { location: { file } });
        }
        process.stdout.write(o.format === 'markdown' ? (0,render_markdown/* renderMarkdown */.Gc)(value, {}) : renderTerminal(value, { color: Boolean(process.stdout.isTTY) }));
        if (o.reportDir)
            await (0,files/* writeReportFiles */.t4)(value, o.reportDir);
        setExit(exitCodeFor(value));
    });
    program
        .command('index')
        .description('write <dir>/index.html: a table of every <dir>/*/report.json, linking each report')
        .argument('<dir>')
        .option('--title <title>', 'page title', 'shipgate reports')
        .action(async (dir, o) => {
        let subdirs;
        try {
            subdirs = (await (0,promises_.readdir)(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
        }
        catch (e) {
            throw new errors/* ConfigurationError */.j1(`${dir}: cannot read the reports directory (${(0,errors/* errorMessage */.gJ)(e)}).`, { location: { file: dir } });
        }
        const found = [];
        for (const sub of subdirs) {
            const file = external_node_path_default().join(dir, sub, 'report.json');
            let text;
            try {
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (e) {
                // A directory without a report is not one; anything else is worth a word.
                if (e.code !== 'ENOENT')
                    process.stderr.write(`warning: ${file}: skipped (${(0,errors/* errorMessage */.gJ)(e)})\n`);
                continue;
            }
            try {
                const value = JSON.parse(text);
                (0,files/* assertValidReport */.$H)(value);
                found.push({ sub, report: value });
            }
            catch (e) {
                process.stderr.write(`warning: ${file}: skipped, not a valid report (${(0,errors/* errorMessage */.gJ)(e).replace(/^internal error: /, '')})\n`);
            }
        }
        if (found.length === 0)
            process.stderr.write(`warning: ${dir}: no */report.json found\n`);
        const rank = (r) => model/* GATES */.JH.indexOf(r.gate);
        found.sort((a, b) => rank(a.report) - rank(b.report) || a.report.startedAt.localeCompare(b.report.startedAt) || a.sub.localeCompare(b.sub));
        const out = external_node_path_default().join(dir, 'index.html');
        await (0,promises_.writeFile)(out, renderIndex(found.map((f) => indexEntry(f.report, f.sub)), { title: o.title, generatedAt: new Date().toISOString() }));
        process.stdout.write(`${out}\n`);
        setExit(ExitCode.Ok);
    });
    program
        .command('merge')
        .description('merge the report directories of a matrix\'s shards into one report (what `mode: merge` does with their artifacts)')
        .argument('<shard-dir...>', 'report directories, one per shard (each with its report.json); the shard is the directory name')
        .addOption(new esm/* Option */.c$('--gate <gate>', 'the shards\' gate').choices([...model/* GATES */.JH]).makeOptionMandatory())
        .option('--name <name>', 'suite name', 'default')
        .option('--expected-shards <n>', 'how many shards the matrix has')
        .option('--report-dir <dir>', 'where the merged report is written', external_node_path_default().join('shipgate-report', 'merged'))
        .action(async (dirs, o) => {
        const expected = o.expectedShards === undefined ? undefined : Number(o.expectedShards);
        if (expected !== undefined && !(Number.isInteger(expected) && expected >= 1))
            throw new errors/* ConfigurationError */.j1(`option --expected-shards: ${JSON.stringify(o.expectedShards)} is not a whole number of shards.`);
        const { readArtifactReport } = await __webpack_require__.e(/* import() */ 0).then(__webpack_require__.bind(__webpack_require__, 41000));
        const { mergeReports } = await __webpack_require__.e(/* import() */ 642).then(__webpack_require__.bind(__webpack_require__, 81642));
        const { hardwareFacts, runnerInfo } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 41539));
        const shards = [];
        for (const dir of dirs) {
            try {
                shards.push({ shard: external_node_path_default().basename(external_node_path_default().resolve(dir)), artifact: dir, report: await readArtifactReport(dir, dir, { gate: o.gate }) });
            }
            catch (e) {
                throw new errors/* ConfigurationError */.j1((0,errors/* errorMessage */.gJ)(e), { location: { file: external_node_path_default().join(dir, 'report.json') } });
            }
        }
        const merged = mergeReports(shards, {
            gate: o.gate,
            name: o.name,
            runner: runnerInfo(await hardwareFacts()),
            git: {},
            startedAt: new Date(),
            lookedFor: '<shard-dir>',
            ...(expected !== undefined ? { expected } : {}),
        });
        await (0,files/* writeReportFiles */.t4)(merged, o.reportDir);
        process.stdout.write(renderTerminal(merged, { color: Boolean(process.stdout.isTTY) }));
        setExit(exitCodeFor(merged));
    });
    return program;
}
async function cli(argv) {
    let code = ExitCode.Ok;
    const program = buildProgram((c) => (code = c));
    try {
        await program.parseAsync(argv, { from: 'user' });
        return code;
    }
    catch (e) {
        if (e instanceof esm/* CommanderError */.b7)
            return e.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
        if ((0,errors/* isConfigurationError */.p0)(e)) {
            process.stderr.write(`error: ${e.message}\n`);
            return ExitCode.BadInput;
        }
        process.stderr.write(`internal error: ${(0,errors/* errorMessage */.gJ)(e)}\n`);
        return ExitCode.Internal;
    }
}


/***/ })

};
