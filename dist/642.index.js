export const id = 642;
export const ids = [642];
export const modules = {

/***/ 81642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ untrustedReport),
/* harmony export */   mergeReports: () => (/* binding */ mergeReports)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8547);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(327);
/**
 * Reports from elsewhere: the shards of a matrix merged into one report, and any report.json read from an artifact
 * made safe to render (its markdown blocks are not ours to trust).
 */


/**
 * Markdown blocks are emitted as written, so one from an artifact could mention people, embed images or links. Only
 * the kinds of Mermaid chart the gates draw survive — an `xychart-beta` or a `gantt` with nothing that can leave the
 * fence, carry markup, link (`click`, `href`, `call`) or reconfigure Mermaid (`%%{init}%%`); any other becomes a code
 * block (shown escaped).
 */
function safeMermaid(markdown) {
    const m = /^```mermaid\n([^`<&@\\]*)\n```$/.exec(markdown);
    if (!m)
        return false;
    const lines = (m[1] ?? '').split('\n');
    if (!/^(xychart-beta|gantt)\s*$/.test(lines[0] ?? ''))
        return false;
    return !lines.some((l) => /^\s*(click|%%)|\b(href|call)\b/i.test(l) || /(?<!--)>/.test(l));
}
function untrustedBlock(b) {
    switch (b.type) {
        case 'markdown':
            return safeMermaid(b.markdown) ? b : { type: 'code', text: b.markdown };
        case 'details':
            return { ...b, blocks: b.blocks.map(untrustedBlock) };
        default:
            return b;
    }
}
/** Output values a workflow may interpolate: plain, one line, short. */
function safeOutput(v) {
    if (typeof v !== 'string')
        return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
    return v.replace(/[^A-Za-z0-9 ,._:%+-]/g, '_').slice(0, 1000);
}
/**
 * A report read from an artifact (a fork's pull_request run, a shard): the schema has been checked; this removes what a
 * renderer would pass through unescaped and what could inject into a workflow (outputs, the summary line).
 */
function untrustedReport(report, allowedOutputs) {
    const outputs = Object.entries(report.outputs ?? {})
        .filter(([k]) => (allowedOutputs ? allowedOutputs.includes(k) : /^[a-z][a-z0-9-]{0,49}$/.test(k)))
        .map(([k, v]) => [k, safeOutput(v)]);
    return {
        ...report,
        summary: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(report.summary, { maxChars: 500 }),
        sections: (report.sections ?? []).map((s) => ({ ...s, blocks: s.blocks.map(untrustedBlock) })),
        ...(report.outputs ? { outputs: Object.fromEntries(outputs) } : {}),
    };
}
/** Outputs merged by max or min; any other number is summed, any other string joined. */
const MAX_OUTPUTS = new Set(['recovery-seconds']);
const MIN_OUTPUTS = new Set(['score', 'level']);
function mergeOutputs(shards) {
    const out = {};
    for (const { report } of shards) {
        for (const [k, v] of Object.entries(report.outputs ?? {})) {
            const seen = out[k];
            if (seen === undefined)
                out[k] = v;
            else if (typeof v === 'number' && typeof seen === 'number')
                out[k] = MAX_OUTPUTS.has(k) ? Math.max(seen, v) : MIN_OUTPUTS.has(k) ? Math.min(seen, v) : seen + v;
            else if (typeof v === 'boolean' && typeof seen === 'boolean')
                out[k] = seen || v;
            else {
                const parts = new Set([...String(seen).split(','), ...String(v).split(',')].map((x) => x.trim()).filter(Boolean));
                out[k] = [...parts].join(',');
            }
        }
    }
    return out;
}
function runnerCell(r) {
    const gpus = (r.gpus ?? []).map((g) => g.name).join(', ');
    return [r.name, `${r.os}/${r.arch}`, r.cpuModel, gpus || undefined].filter(Boolean).join(' · ');
}
function count(verdicts) {
    const by = new Map();
    for (const v of verdicts)
        by.set(v, (by.get(v) ?? 0) + 1);
    return [...by].map(([v, n]) => `${n} ${v}`).join(', ');
}
/**
 * One report for the shards of a matrix: the worst verdict, every shard's findings and sections under its label,
 * a table of the shards with their runners' fingerprints, and `details.results` concatenated (each row with its
 * shard) where the shards have them (perf-gate).
 */
function mergeReports(shards, o) {
    const sorted = [...shards].sort((a, b) => a.shard.localeCompare(b.shard, 'en', { numeric: true }));
    const findings = [];
    const sections = [];
    let verdict = sorted.length === 0 ? 'error' : (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .worstVerdict */ .zP)(...sorted.map((s) => s.report.verdict));
    const missing = o.expected !== undefined && sorted.length < o.expected ? o.expected - sorted.length : 0;
    if (sorted.length === 0) {
        findings.push({
            id: 'merge/no-shards',
            title: 'No shard reports',
            severity: 'critical',
            status: 'fail',
            message: `no report artifact named ${o.lookedFor}* in this workflow run: the shard jobs failed before their gate ran, or they set another name or artifact-name`,
        });
    }
    else if (missing > 0) {
        verdict = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .worstVerdict */ .zP)(verdict, 'inconclusive');
        findings.push({
            id: 'merge/missing-shards',
            title: 'Shards missing',
            severity: 'high',
            status: 'inconclusive',
            message: `${sorted.length} of ${o.expected} shard reports found (${o.lookedFor}*): what the missing shards ran is not judged`,
        });
    }
    for (const u of o.unreadable ?? []) {
        verdict = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .worstVerdict */ .zP)(verdict, 'inconclusive');
        findings.push({ id: `merge/unreadable-${u.shard}`, title: `Shard ${u.shard} unreadable`, severity: 'high', status: 'inconclusive', message: `shard ${u.shard} is not judged: ${u.message}` });
    }
    for (const { shard, report } of sorted) {
        for (const f of report.findings)
            findings.push({ ...f, id: `shard-${shard}/${f.id}`, title: `[shard ${shard}] ${f.title}` });
    }
    sections.push({
        id: 'shards',
        title: 'Shards',
        importance: 'essential',
        blocks: [
            {
                type: 'table',
                columns: ['shard', 'verdict', 'runner', 'fingerprint', 'summary'],
                rows: sorted.map(({ shard, report }) => ({
                    cells: [shard, report.verdict.toUpperCase(), runnerCell(report.runner), report.runner.fingerprint ?? '—', report.summary],
                    status: report.verdict === 'pass' ? 'pass' : report.verdict === 'warn' ? 'warn' : report.verdict === 'inconclusive' ? 'inconclusive' : 'fail',
                })),
            },
            ...(new Set(sorted.map((s) => s.report.runner.fingerprint ?? '')).size > 1
                ? [{ type: 'text', text: 'The shards ran on runners with different fingerprints: each shard is compared with baselines from its own kind of runner.' }]
                : []),
        ],
    });
    for (const { shard, report } of sorted) {
        for (const s of report.sections ?? [])
            sections.push({ ...s, id: `shard-${shard}-${s.id}`, title: `[shard ${shard}] ${s.title}`, importance: 'detail' });
    }
    const details = {
        shards: sorted.map(({ shard, artifact, report }) => ({
            shard,
            artifact,
            verdict: report.verdict,
            summary: report.summary,
            runner: report.runner,
            startedAt: report.startedAt,
            finishedAt: report.finishedAt,
            git: report.git,
        })),
        ...(o.expected !== undefined ? { expectedShards: o.expected } : {}),
    };
    if (sorted.length > 0 && sorted.every((s) => Array.isArray(s.report.details.results))) {
        details.results = sorted.flatMap(({ shard, report }) => report.details.results.map((r) => ({ ...r, shard })));
    }
    const worst = sorted.find((s) => s.report.verdict === verdict);
    const summary = sorted.length === 0
        ? 'no shard reports found'
        : `${sorted.length}${o.expected !== undefined ? ` of ${o.expected}` : ''} shards (${count(sorted.map((s) => s.report.verdict))})${worst ? ` — shard ${worst.shard}: ${worst.report.summary}` : ''}`;
    const finished = sorted.map((s) => s.report.finishedAt).sort().at(-1) ?? new Date().toISOString();
    const started = sorted.map((s) => s.report.startedAt).sort()[0] ?? o.startedAt.toISOString();
    return {
        schemaVersion: _model_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_SCHEMA_VERSION */ .WI,
        gate: o.gate,
        name: o.name,
        verdict,
        summary: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(summary, { maxChars: 500 }),
        startedAt: started,
        finishedAt: finished,
        runner: o.runner,
        git: o.git,
        findings,
        details,
        sections,
        outputs: { ...mergeOutputs(sorted), shards: sorted.length },
    };
}


/***/ })

};
