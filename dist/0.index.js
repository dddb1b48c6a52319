export const id = 0;
export const ids = [0,642];
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


/***/ }),

/***/ 41000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ reportTarget),
/* harmony export */   IS: () => (/* binding */ requireWorkflowRun),
/* harmony export */   Qe: () => (/* binding */ fetchRunReport),
/* harmony export */   e6: () => (/* binding */ fetchShardReports),
/* harmony export */   m4: () => (/* binding */ toolkitArtifacts),
/* harmony export */   m6: () => (/* binding */ listedPullRequest),
/* harmony export */   readArtifactReport: () => (/* binding */ readArtifactReport)
/* harmony export */ });
/* unused harmony export MAX_REPORT_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _report_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50639);
/* harmony import */ var _report_merge_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81642);
/**
 * The two modes that run no gate: `report` (the fork-safe second step: a `workflow_run` workflow posts what the
 * pull_request run's read-only token could not) and `merge` (one report for the shards of a matrix). Both read
 * report.json files from artifacts, so both treat them as data to check, never as instructions.
 */






/** A report.json bigger than this is not read (the gates write a few hundred KiB at most). */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
function checkDigest(res, a) {
    if (res.digestMismatch)
        throw new Error(`artifact ${a.name}: its content does not match its digest`);
}
function toolkitArtifacts(opts) {
    const client = async () => new (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(110), __webpack_require__.e(913), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518))).DefaultArtifactClient();
    const findBy = (runId) => {
        if (!opts.token || !opts.owner || !opts.repo)
            throw new Error('reading another run\'s artifact needs `github-token` and the repository (GITHUB_REPOSITORY)');
        return { token: opts.token, workflowRunId: runId, repositoryOwner: opts.owner, repositoryName: opts.repo };
    };
    return {
        async listThisRun() {
            const res = await (await client()).listArtifacts({ latest: true });
            return res.artifacts.map((a) => ({ id: a.id, name: a.name, ...(a.digest ? { digest: a.digest } : {}) }));
        },
        async downloadThisRun(a, dir) {
            checkDigest(await (await client()).downloadArtifact(a.id, { path: dir, ...(a.digest ? { expectedHash: a.digest } : {}) }), a);
        },
        async findInRun(name, runId) {
            const { ArtifactNotFoundError } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(110), __webpack_require__.e(913), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
            try {
                const res = await (await client()).getArtifact(name, { findBy: findBy(runId) });
                return { id: res.artifact.id, name: res.artifact.name, ...(res.artifact.digest ? { digest: res.artifact.digest } : {}) };
            }
            catch (e) {
                if (e instanceof ArtifactNotFoundError)
                    return undefined;
                throw e;
            }
        },
        async downloadFromRun(a, runId, dir) {
            checkDigest(await (await client()).downloadArtifact(a.id, { path: dir, findBy: findBy(runId), ...(a.digest ? { expectedHash: a.digest } : {}) }), a);
        },
    };
}
/** report.json from a downloaded artifact (`label` names it in messages, e.g. `artifact NAME`): size-capped, schema-checked, of this gate and suite, made safe to render. */
async function readArtifactReport(dir, label, expect) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'report.json');
    let size;
    try {
        size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} has no report.json at its top level: upload the gate's report directory (the gate's own artifact does)`, { field: 'inputs.report-artifact' });
    }
    if (size > MAX_REPORT_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label}: report.json is ${size} bytes, more than the ${MAX_REPORT_BYTES} read`, { field: 'inputs.report-artifact' });
    let value;
    try {
        value = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label}: report.json is not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)})`, { field: 'inputs.report-artifact' });
    }
    try {
        (0,_report_files_js__WEBPACK_IMPORTED_MODULE_4__/* .assertValidReport */ .$H)(value);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e).replace(/^internal error: /, '')}`, { field: 'inputs.report-artifact' });
    }
    if (value.gate !== expect.gate)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} holds a ${value.gate} report, not a ${expect.gate} one: point at this gate's report (\`report-artifact\` in an action)`, { field: 'inputs.report-artifact' });
    if (expect.name !== undefined && value.name !== expect.name) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${label} holds the report of suite ${JSON.stringify(value.name)}, not of ${JSON.stringify(expect.name)}: give both steps the same \`name\``, { field: 'inputs.name' });
    }
    return (0,_report_merge_js__WEBPACK_IMPORTED_MODULE_5__/* .untrustedReport */ .d)(value, expect.outputs);
}
/** A pull request GitHub lists for the run whose head is the run's head commit (trusted: GitHub writes the event). */
function listedPullRequest(wr) {
    return wr.pullRequests.find((p) => p.headSha === undefined || p.headSha === wr.headSha)?.number;
}
/**
 * Which pull request a report belongs to. GitHub lists the run's pull requests only for same-repository heads; for a
 * fork the number comes from the report (untrusted), so it is used only when that pull request's head is the run's
 * head commit.
 */
async function reportTarget(run, report, client) {
    const wr = run.workflowRun;
    if (!wr)
        throw new Error('no workflow_run in the event');
    const notes = [];
    const listed = listedPullRequest(wr);
    if (listed !== undefined)
        return { headSha: wr.headSha, pullRequest: listed, notes };
    const claimed = report.git.pullRequest;
    if (claimed === undefined) {
        notes.push('the report names no pull request: only the check run is posted');
        return { headSha: wr.headSha, notes };
    }
    if (!client || !run.owner || !run.repo) {
        notes.push(`cannot check that pull request #${claimed} belongs to commit ${wr.headSha.slice(0, 12)} without a token: no comment posted`);
        return { headSha: wr.headSha, notes };
    }
    try {
        const { data: pr } = await client.rest.pulls.get({ owner: run.owner, repo: run.repo, pull_number: claimed });
        const headRepo = pr.head.repo?.full_name;
        if (pr.head.sha === wr.headSha && (wr.headRepository === undefined || headRepo?.toLowerCase() === wr.headRepository.toLowerCase())) {
            return { headSha: wr.headSha, pullRequest: claimed, notes };
        }
        if (pr.head.sha === wr.headSha) {
            notes.push(`the report names pull request #${claimed}, whose head is in ${headRepo ?? 'a deleted repository'}, not in ${wr.headRepository ?? '?'} where the run's commit was pushed: no comment posted`);
            return { headSha: wr.headSha, notes };
        }
        notes.push(`the report names pull request #${claimed}, whose head is ${pr.head.sha.slice(0, 12)}, not the run's ${wr.headSha.slice(0, 12)}: no comment posted (a newer push, or a report that is not what it claims)`);
    }
    catch (e) {
        notes.push(`could not read pull request #${claimed} to check it: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}; no comment posted`);
    }
    return { headSha: wr.headSha, notes };
}
/** Download and read the report artifact of the run that triggered this workflow_run workflow. */
async function fetchRunReport(source, o) {
    let found;
    try {
        found = await source.findInRun(o.artifact, o.runId);
    }
    catch (e) {
        const status = e.status;
        if (status === 403 || status === 404) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`could not read the artifacts of workflow run ${o.runId}: HTTP ${status} — the token needs \`actions: read\` (add it under \`permissions:\`), and \`run-id\` must be a run of this repository`, { field: 'inputs.run-id' });
        }
        throw e;
    }
    if (!found) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`workflow run ${o.runId} has no artifact named ${o.artifact}: the pull_request workflow failed before its gate ran, ran with \`artifact: false\`, or used another \`name\`/\`artifact-name\` (set \`report-artifact\` to it)`, { field: 'inputs.report-artifact' });
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'shipgate-report-'));
    try {
        await source.downloadFromRun(found, o.runId, dir);
        return await readArtifactReport(dir, `artifact ${found.name}`, { gate: o.gate, name: o.name, ...(o.outputs ? { outputs: o.outputs } : {}) });
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}
/** Download every shard report of this run (artifacts named prefix + shard) into reportDir/shards/<shard>. */
async function fetchShardReports(source, o) {
    const unreadable = [];
    const all = await source.listThisRun();
    const matching = all.filter((a) => a.name.startsWith(o.prefix) && a.name.length > o.prefix.length);
    const shards = [];
    const seen = new Set();
    for (const a of matching) {
        const shard = a.name.slice(o.prefix.length).replace(/[^A-Za-z0-9._-]/g, '_');
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(o.reportDir, 'shards', shard);
        try {
            // A label of dots would name a folder outside shards/; two artifacts must not share one folder.
            if (/^\.+$/.test(shard))
                throw new Error(`artifact ${a.name}: the shard label is not a folder name`);
            if (seen.has(shard))
                throw new Error(`artifact ${a.name}: another artifact already holds shard ${shard}`);
            seen.add(shard);
            await source.downloadThisRun(a, dir);
            shards.push({ shard, artifact: a.name, report: await readArtifactReport(dir, `artifact ${a.name}`, { gate: o.gate, ...(o.outputs ? { outputs: o.outputs } : {}) }) });
        }
        catch (e) {
            o.log.warning(`shard ${shard}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}`);
            unreadable.push({ shard, message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e) });
        }
    }
    return { shards, unreadable };
}
/** `report` mode outside a workflow_run workflow is a setup mistake the user must fix. */
function requireWorkflowRun(run, runIdInput) {
    const wr = run.workflowRun;
    if (!wr) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`input \`mode\`: \`report\` posts the result of the run that triggered a \`workflow_run\` workflow, but this run was triggered by \`${run.event ?? 'unknown'}\`; use it in a workflow \`on: workflow_run\` (see examples/workflows/fork-report.yml), or \`mode: run\` here.`, { field: 'inputs.mode' });
    }
    // The commit and the pull request come from the event: another run's report must not be posted on them.
    if (runIdInput !== undefined && runIdInput !== wr.id) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`input \`run-id\`: ${runIdInput} is not the run that triggered this workflow (${wr.id}); leave it out or set it to \`\${{ github.event.workflow_run.id }}\`.`, { field: 'inputs.run-id' });
    }
    return { runId: wr.id, headSha: wr.headSha };
}


/***/ })

};
