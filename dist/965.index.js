export const id = 965;
export const ids = [965,0,642];
export const modules = {

/***/ 29965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/core/artifacts.ts


/** Characters GitHub refuses in artifact names, and anything else outside a conservative set. */
function sanitizeArtifactName(name) {
    const cleaned = name
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 200);
    return cleaned === '' ? 'shipgate-report' : cleaned;
}
async function listFiles(dir) {
    const out = [];
    for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true, recursive: true })) {
        // Never a git directory: actions/checkout persists the token in .git/config.
        if (e.isFile() && !external_node_path_default().relative(dir, e.parentPath).split((external_node_path_default()).sep).includes('.git'))
            out.push(external_node_path_default().join(e.parentPath, e.name));
    }
    return out.sort();
}
/** Upload a whole directory (the report directory) as one artifact. */
async function uploadDirectory(dir, name, opts = {}) {
    const files = await listFiles(dir);
    if (files.length === 0)
        throw new Error(`nothing to upload: ${dir} is empty`);
    const safeName = sanitizeArtifactName(name);
    // Loaded on demand: the artifact client (and the Azure SDK under it) is most of the bundle.
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(110), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const client = new DefaultArtifactClient();
    const res = await client.uploadArtifact(safeName, files, dir, opts.retentionDays ? { retentionDays: opts.retentionDays } : {});
    if (res.id === undefined)
        throw new Error(`artifact ${safeName} was not created`);
    return {
        id: res.id,
        name: safeName,
        size: res.size ?? 0,
        ...(opts.runUrl ? { url: `${opts.runUrl}/artifacts/${res.id}` } : {}),
    };
}

// EXTERNAL MODULE: ./src/core/baseline/fingerprint.ts
var fingerprint = __webpack_require__(41539);
// EXTERNAL MODULE: ./src/core/baseline/store.ts
var store = __webpack_require__(60810);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/core/report/render-markdown.ts
var render_markdown = __webpack_require__(39108);
;// CONCATENATED MODULE: ./src/core/report/render-check.ts


/** GitHub's limits on a check run's output. */
const CHECK_TITLE_MAX_CHARS = 255;
const CHECK_OUTPUT_MAX_BYTES = 65_535;
const ANNOTATION_MESSAGE_MAX_BYTES = 65_536;
const ANNOTATIONS_PER_REQUEST = 50;
const LEVELS = {
    fail: 'failure',
    warn: 'warning',
    inconclusive: 'notice',
};
/**
 * The check run's output: the verdict and essential sections as the summary, detail sections as the text, and
 * an annotation for each located finding that did not pass. Send annotations in `batches()`.
 */
function renderCheckOutput(report, opts = {}) {
    const word = render_markdown/* VERDICT_WORDS */._G[report.verdict];
    const title = (0,report_escape/* plainText */.wh)(report.summary.trim() === '' ? word : `${word}: ${report.summary}`, { maxChars: CHECK_TITLE_MAX_CHARS });
    const common = { maxBytes: CHECK_OUTPUT_MAX_BYTES, artifactUrl: opts.artifactUrl, heading: false };
    const essential = report.sections.filter((s) => s.importance === 'essential');
    const detail = report.sections.filter((s) => s.importance !== 'essential');
    const summary = (0,render_markdown/* renderSections */.H1)(report, essential, common);
    const annotations = report.findings.flatMap((f) => {
        const a = annotationFor(f);
        return a === undefined ? [] : [a];
    });
    if (detail.length === 0)
        return { title, summary, annotations };
    // The text holds nothing but detail sections, so it is cut rather than emptied when too large.
    const text = (0,render_markdown/* renderSections */.H1)(report, detail, { ...common, verdictLine: false, dropDetailSections: false });
    return text === '' ? { title, summary, annotations } : { title, summary, text, annotations };
}
function annotationFor(finding) {
    const level = LEVELS[finding.status];
    const loc = finding.location;
    if (level === undefined || loc === undefined)
        return undefined;
    const path = (0,report_escape/* stripControls */.$Y)(loc.file).replace(/\s+/g, ' ').trim().replace(/^\.\//, '');
    if (path === '')
        return undefined;
    const start = lineNumber(loc.line) ?? 1;
    const end = Math.max(start, lineNumber(loc.endLine) ?? start);
    const message = (0,report_escape/* plainText */.wh)(finding.message, { multiline: true, maxBytes: ANNOTATION_MESSAGE_MAX_BYTES });
    const title = (0,report_escape/* plainText */.wh)(finding.title, { maxChars: CHECK_TITLE_MAX_CHARS });
    return {
        path,
        start_line: start,
        end_line: end,
        annotation_level: level,
        message: message === '' ? title || (0,report_escape/* plainText */.wh)(finding.id) || finding.status : message,
        ...(title === '' ? {} : { title }),
    };
}
function lineNumber(n) {
    return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}
/** Splits items into consecutive batches of at most `size` (the API takes 50 annotations per request). */
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`batch size must be a positive integer, got ${size}`);
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}

;// CONCATENATED MODULE: ./src/core/github/check-run.ts

async function startCheckRun(client, t) {
    const { data } = await client.rest.checks.create({
        owner: t.owner,
        repo: t.repo,
        name: t.name,
        head_sha: t.headSha,
        status: 'in_progress',
        started_at: new Date().toISOString(),
        ...(t.detailsUrl ? { details_url: t.detailsUrl } : {}),
        ...(t.externalId ? { external_id: t.externalId } : {}),
    });
    return data.id;
}
/**
 * Complete a check run. GitHub takes at most 50 annotations a request: the first update completes the run with
 * its conclusion and the first 50, later updates append the rest. So a failure while sending annotations can never
 * leave a required check stuck in progress.
 */
async function completeCheckRun(client, t, output, conclusion) {
    const groups = batches(output.annotations, ANNOTATIONS_PER_REQUEST);
    if (groups.length === 0)
        groups.push([]);
    const base = { title: output.title, summary: output.summary, ...(output.text ? { text: output.text } : {}) };
    let requests = 0;
    for (const [i, annotations] of groups.entries()) {
        await client.rest.checks.update({
            owner: t.owner,
            repo: t.repo,
            check_run_id: t.checkRunId,
            output: annotations.length > 0 ? { ...base, annotations } : base,
            ...(i === 0 ? { status: 'completed', conclusion, completed_at: new Date().toISOString() } : {}),
        });
        requests++;
    }
    return { requests };
}

// EXTERNAL MODULE: ./src/core/github/client.ts
var github_client = __webpack_require__(24332);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
;// CONCATENATED MODULE: ./src/core/github/sticky-comment.ts
async function ours(client, t) {
    const all = await client.paginate(client.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    // The marker alone is not proof: anyone can paste it into a comment. Require our own authorship too.
    return all.filter((c) => c.user?.login === t.author && (c.body ?? '').includes(t.marker)).sort((a, b) => a.id - b.id);
}
/**
 * Create or update the one comment of this gate on the PR. When two jobs race and both create one, the oldest
 * wins: it gets the newest body and the younger duplicates are deleted.
 */
async function upsertStickyComment(client, t, body) {
    const full = body.includes(t.marker) ? body : `${t.marker}\n${body}`;
    let mine = await ours(client, t);
    let action = 'updated';
    let htmlUrl;
    if (mine.length === 0) {
        const { data } = await client.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body: full });
        action = 'created';
        htmlUrl = data.html_url;
        mine = await ours(client, t);
        if (mine.length <= 1)
            return { id: data.id, action, removed: [], htmlUrl };
    }
    const [oldest, ...dupes] = mine;
    if (!oldest)
        throw new Error('sticky comment vanished while updating it');
    if (action === 'updated' || oldest.body !== full) {
        const { data } = await client.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: oldest.id, body: full });
        htmlUrl = data.html_url;
    }
    const removed = [];
    for (const d of dupes) {
        try {
            await client.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: d.id });
            removed.push(d.id);
        }
        catch (e) {
            // The racing job may have deleted it already.
            if (e.status !== 404)
                throw e;
        }
    }
    return { id: oldest.id, action, removed, htmlUrl };
}

// EXTERNAL MODULE: ./src/core/log.ts
var core_log = __webpack_require__(44325);
// EXTERNAL MODULE: ./src/core/report/files.ts + 1 modules
var files = __webpack_require__(50639);
// EXTERNAL MODULE: ./src/core/report/model.ts
var model = __webpack_require__(327);
// EXTERNAL MODULE: ./src/core/runtime/cancel.ts
var runtime_cancel = __webpack_require__(45636);
// EXTERNAL MODULE: ./src/core/runtime/common.ts
var common = __webpack_require__(47235);
// EXTERNAL MODULE: ./src/core/runtime/constants.ts
var constants = __webpack_require__(79637);
// EXTERNAL MODULE: ./src/core/runtime/inputs.ts
var runtime_inputs = __webpack_require__(27863);
// EXTERNAL MODULE: ./src/core/runtime/error-report.ts
var error_report = __webpack_require__(32305);
// EXTERNAL MODULE: ./src/core/report/merge.ts
var merge = __webpack_require__(81642);
// EXTERNAL MODULE: ./src/core/runtime/remote.ts
var remote = __webpack_require__(41000);
;// CONCATENATED MODULE: ./src/core/runtime/action.ts























function action_status(e) {
    return e.status;
}
/** Why a GitHub write failed, in words a user can act on. Never includes the token. */
function explainWriteFailure(what, e, run) {
    const s = action_status(e);
    const base = `could not ${what}: ${s ? `HTTP ${s} ` : ''}${(0,errors/* errorMessage */.gJ)(e)}`;
    if (s === 403 || s === 404) {
        const hint = run.fork
            ? 'this pull request comes from a fork, whose token is read-only; the result is in the job summary (see the fork-safe workflow_run pattern in the docs)'
            : 'the token lacks a permission (pull-requests: write for comments, checks: write for check runs)';
        return `${base} — ${hint}`;
    }
    return base;
}
function baselineStore(opts, workspace, run, fingerprint) {
    switch (opts.baselineStore) {
        case 'repo':
            return new store/* RepoBaselineStore */.L6(workspace);
        case 'cache':
            return new store/* CacheBaselineStore */.Jz({ workspace, fingerprint, runId: run.runId ?? '0', runAttempt: run.runAttempt ?? '1' });
        case 'none':
            return store/* noBaselineStore */.WF;
    }
}
async function openCheckRun(gate, opts, run, sinks, log) {
    if (!opts.checkRun || !sinks.client || !run.owner || !run.repo || !run.checkSha)
        return;
    try {
        sinks.checkRunId = await startCheckRun(sinks.client, {
            owner: run.owner,
            repo: run.repo,
            headSha: run.checkSha,
            name: (0,model/* checkRunName */.$_)(gate.gate, opts.name),
            ...(run.runUrl ? { detailsUrl: run.runUrl } : {}),
        });
        core/* saveState */.LZ(constants/* State */.Uw.CheckRunId, String(sinks.checkRunId));
    }
    catch (e) {
        const msg = explainWriteFailure('create the check run', e, run);
        log.warning(msg);
        sinks.notes.push(msg);
    }
}
async function publish(report, opts, run, sinks, log, cancelled) {
    let artifact;
    // Cancelled: the runner kills the step 10 s after SIGINT, so only the check run and the summary are written.
    if (cancelled)
        sinks.notes.push('cancelled: the artifact and the PR comment were skipped to finish inside the runner\'s cancellation window');
    if (opts.artifact && !cancelled) {
        try {
            artifact = await uploadDirectory(opts.reportDir, opts.artifactName, run.runUrl ? { runUrl: run.runUrl } : {});
            core/* setOutput */.uH(constants/* Outputs */.tY.ArtifactId, String(artifact.id));
            log.info(`uploaded artifact ${artifact.name} (${artifact.size} bytes)`);
        }
        catch (e) {
            const msg = `could not upload the report artifact: ${(0,errors/* errorMessage */.gJ)(e)}`;
            log.warning(msg);
            sinks.notes.push(msg);
        }
    }
    const artifactUrl = artifact?.url;
    const renderOpts = artifactUrl ? { artifactUrl } : {};
    const { client } = sinks;
    // Without a check run (turned off, refused, or failed), findings go out as workflow-command annotations.
    let annotateInLog = !opts.checkRun;
    if (opts.checkRun && client && run.owner && run.repo && sinks.checkRunId !== undefined) {
        try {
            const output = renderCheckOutput(report, renderOpts);
            await completeCheckRun(client, { owner: run.owner, repo: run.repo, checkRunId: sinks.checkRunId }, output, cancelled ? 'cancelled' : (0,model/* conclusionFor */.H1)(report.verdict));
            core/* setOutput */.uH(constants/* Outputs */.tY.CheckRunId, String(sinks.checkRunId));
        }
        catch (e) {
            annotateInLog = true;
            const msg = explainWriteFailure('complete the check run', e, run);
            log.warning(msg);
            sinks.notes.push(msg);
        }
    }
    else if (opts.checkRun) {
        annotateInLog = true;
    }
    if (annotateInLog) {
        const located = report.findings.filter((f) => f.location && (f.status === 'fail' || f.status === 'warn'));
        // GitHub shows at most 10 errors and 10 warnings of a step; the rest are in the report.
        if (located.length > 10)
            sinks.notes.push(`${located.length} findings with a location: GitHub shows only the first 10 of each level as annotations of this step; all are in the report`);
        for (const f of report.findings) {
            if (!f.location || (f.status !== 'fail' && f.status !== 'warn'))
                continue;
            const props = { title: f.title, file: f.location.file, ...(f.location.line ? { startLine: f.location.line } : {}) };
            if (f.status === 'fail')
                core/* error */.z3(f.message, props);
            else
                core/* warning */.$e(f.message, props);
        }
    }
    if (opts.comment && !cancelled && client && run.owner && run.repo && run.pullRequest !== undefined) {
        try {
            const marker = (0,model/* commentMarker */.Ql)(report.gate, report.name);
            const author = await (0,github_client/* tokenIdentity */.s)(client);
            const res = await upsertStickyComment(client, { owner: run.owner, repo: run.repo, issueNumber: run.pullRequest, marker, author }, (0,render_markdown/* renderComment */.wQ)(report, { ...renderOpts, marker }));
            core/* setOutput */.uH(constants/* Outputs */.tY.CommentId, String(res.id));
            log.info(`${res.action} the PR comment ${res.htmlUrl ?? res.id}`);
        }
        catch (e) {
            const msg = explainWriteFailure('post the PR comment', e, run);
            log.warning(msg);
            sinks.notes.push(msg);
        }
    }
    try {
        const notes = sinks.notes.length ? `\n\n> [!WARNING]\n${sinks.notes.map((n) => `> ${(0,report_escape/* escapeInline */.VV)(n)}`).join('\n>\n')}\n` : '';
        const body = (0,render_markdown/* renderSummary */.Br)(report, { ...renderOpts, maxBytes: 1_048_576 - Buffer.byteLength(notes) - 16 });
        await core/* summary */.z.addRaw(body + notes).write();
    }
    catch (e) {
        log.warning(`could not write the job summary: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/** Outputs the platform sets itself; a gate's own outputs may not replace them. */
const RESERVED_OUTPUTS = new Set(Object.values(constants/* Outputs */.tY));
function setReportOutputs(report, reportPath, workspace, log) {
    core/* setOutput */.uH(constants/* Outputs */.tY.Verdict, report.verdict);
    core/* setOutput */.uH(constants/* Outputs */.tY.Summary, report.summary);
    if (reportPath)
        core/* setOutput */.uH(constants/* Outputs */.tY.ReportPath, external_node_path_default().relative(workspace, reportPath) || reportPath);
    for (const [k, v] of Object.entries(report.outputs ?? {})) {
        if (RESERVED_OUTPUTS.has(k))
            log.warning(`the gate's output \`${k}\` is reserved and was not set`);
        else
            core/* setOutput */.uH(k, String(v));
    }
}
/** Write the report files. A report that breaks the schema is a gate bug: it becomes an error report. */
async function writeFiles(report, ctx, sinks, log) {
    try {
        return { report, path: await (0,files/* writeReportFiles */.t4)(report, ctx.reportDir) };
    }
    catch (e) {
        log.error((0,errors/* errorMessage */.gJ)(e));
        const replaced = (0,error_report/* errorReport */.Z)(ctx, e);
        try {
            return { report: replaced, path: await (0,files/* writeReportFiles */.t4)(replaced, ctx.reportDir) };
        }
        catch (again) {
            const msg = `could not write the report files to ${ctx.reportDir}: ${(0,errors/* errorMessage */.gJ)(again)}`;
            log.warning(msg);
            sinks.notes.push(msg);
            return { report: replaced };
        }
    }
}
/** The step ended before the gate finished (cancelled, killed): close its check run instead of leaving it pending. */
async function closeDanglingCheckRun(opts, run, log) {
    const id = Number(core/* getState */.Gu(constants/* State */.Uw.CheckRunId));
    if (!id || core/* getState */.Gu(constants/* State */.Uw.MainFinished) === 'true' || !opts.token || !run.owner || !run.repo)
        return;
    try {
        const client = (0,github_client/* createClient */.U)({ token: opts.token, log });
        const summary = 'The step ended before the gate finished (cancelled or killed), so there is no verdict.';
        await completeCheckRun(client, { owner: run.owner, repo: run.repo, checkRunId: id }, { title: 'cancelled', summary, annotations: [] }, 'cancelled');
        log.info(`closed check run ${id} left open by the main step`);
    }
    catch (e) {
        log.warning(explainWriteFailure('close the check run left open by the main step', e, run));
    }
}
async function gateContext(gate, opts, inputs, run, signal, workspace) {
    const runner = (0,fingerprint.runnerInfo)(await (0,fingerprint.hardwareFacts)());
    return {
        gate: gate.gate,
        name: opts.name,
        workspace,
        reportDir: opts.reportDir,
        signal,
        log: core_log/* actionLogger */.v,
        run,
        runner,
        baselines: baselineStore(opts, workspace, run, runner.fingerprint ?? ''),
        historySize: opts.historySize,
        inputs,
        startedAt: new Date(),
        inAction: true,
    };
}
async function runMain(gate, opts, inputs, run, signal, workspace) {
    const log = core_log/* actionLogger */.v;
    const ctx = await gateContext(gate, opts, inputs, run, signal, workspace);
    core/* saveState */.LZ(constants/* State */.Uw.ReportDir, opts.reportDir);
    const sinks = { notes: [] };
    if (opts.token) {
        core/* setSecret */.Pq(opts.token);
        sinks.client = (0,github_client/* createClient */.U)({ token: opts.token, log });
    }
    else {
        sinks.notes.push('no GitHub token: no check run and no PR comment (set `github-token`)');
    }
    // Report mode posts on the triggering run's head commit, known once its report is read.
    if (opts.mode !== 'report')
        await openCheckRun(gate, opts, run, sinks, log);
    let report;
    let target = run;
    try {
        if (opts.mode === 'run')
            report = await gate.run(ctx);
        else if (opts.mode === 'merge')
            report = await mergeMode(gate, opts, ctx);
        else
            ({ report, target } = await reportMode(gate, opts, ctx, sinks));
    }
    catch (e) {
        if ((0,errors/* isConfigurationError */.p0)(e))
            log.error(e.message, e.location);
        else
            log.error(`internal error: ${(0,errors/* errorMessage */.gJ)(e)}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
        report = (0,error_report/* errorReport */.Z)(ctx, e);
        if (opts.mode === 'report' && run.workflowRun)
            target = reportModeRun(run, run.workflowRun.headSha, (0,remote/* listedPullRequest */.m6)(run.workflowRun));
    }
    if (opts.mode === 'report')
        await openCheckRun(gate, opts, target, sinks, log);
    const cancelled = signal.aborted;
    // A cancelled run proves nothing: never let it pass.
    if (cancelled)
        report = { ...report, verdict: (0,model/* worstVerdict */.zP)(report.verdict, 'inconclusive'), summary: `cancelled: ${report.summary}` };
    const written = await writeFiles(report, ctx, sinks, log);
    report = written.report;
    setReportOutputs(report, written.path, workspace, log);
    // Reporting never changes the verdict: every sink warns and carries on.
    await publish(report, opts, target, sinks, log, cancelled);
    core/* saveState */.LZ(constants/* State */.Uw.MainFinished, 'true');
    const line = (0,report_escape/* plainText */.wh)(`${gate.gate} (${opts.name}): ${report.verdict} — ${report.summary}`);
    if (opts.failOn.includes(report.verdict) || cancelled) {
        core/* setFailed */.C1(line);
        return 1;
    }
    log.info(line);
    return 0;
}
/** The run context report mode posts to: the triggering run's head commit and its checked pull request. */
function reportModeRun(run, headSha, pullRequest) {
    const { pullRequest: _ignored, ...rest } = run;
    return { ...rest, checkSha: headSha, headSha, fork: false, ...(pullRequest !== undefined ? { pullRequest } : {}) };
}
/**
 * `mode: report`, the second workflow of the fork-safe pair: the pull_request run's report artifact, checked and made
 * safe, posted on that run's head commit and on its pull request once the pull request is proven to be at that commit.
 */
async function reportMode(gate, opts, ctx, sinks) {
    const { runId, headSha } = (0,remote/* requireWorkflowRun */.IS)(ctx.run, opts.runId);
    const source = (0,remote/* toolkitArtifacts */.m4)({ ...(opts.token ? { token: opts.token } : {}), ...(ctx.run.owner ? { owner: ctx.run.owner } : {}), ...(ctx.run.repo ? { repo: ctx.run.repo } : {}) });
    const report = await (0,remote/* fetchRunReport */.Qe)(source, { gate: gate.gate, name: opts.name, artifact: opts.reportArtifact, runId });
    const t = await (0,remote/* reportTarget */.E6)(ctx.run, report, sinks.client);
    for (const n of t.notes) {
        ctx.log.warning(n);
        sinks.notes.push(n);
    }
    ctx.log.info(`read ${opts.reportArtifact} of run ${runId}: ${report.verdict}; posting on ${headSha.slice(0, 12)}${t.pullRequest !== undefined ? ` and pull request #${t.pullRequest}` : ''}`);
    // The report's own pull request number is kept only once checked.
    const { pullRequest: _claimed, ...git } = report.git;
    return { report: { ...report, git: { ...git, headSha, ...(t.pullRequest !== undefined ? { pullRequest: t.pullRequest } : {}) } }, target: reportModeRun(ctx.run, headSha, t.pullRequest) };
}
/** `mode: merge`: every shard report of this run (artifacts named `<report-artifact><shard>`) as one report. */
async function mergeMode(gate, opts, ctx) {
    const source = (0,remote/* toolkitArtifacts */.m4)({});
    const { shards, unreadable } = await (0,remote/* fetchShardReports */.e6)(source, { gate: gate.gate, prefix: opts.reportArtifact, reportDir: ctx.reportDir, log: ctx.log });
    ctx.log.info(`merging ${shards.length} shard report(s): ${shards.map((s) => `${s.shard} ${s.report.verdict}`).join(', ') || 'none'}`);
    return (0,merge.mergeReports)(shards, {
        gate: gate.gate,
        name: opts.name,
        runner: ctx.runner,
        git: (0,context/* gitInfo */.VT)(ctx.run),
        startedAt: ctx.startedAt,
        lookedFor: opts.reportArtifact,
        unreadable,
        ...(opts.expectedShards !== undefined ? { expected: opts.expectedShards } : {}),
    });
}
/**
 * The whole action: inputs → gate → report files → artifact, check run, comment, summary, outputs; or, as the
 * post step, closing what main left open and the gate's own cleanup. Returns the step's exit code.
 */
async function runGateAction(gate, phase) {
    const log = core_log/* actionLogger */.v;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const inputs = new runtime_inputs/* InputReader */.i_(runtime_inputs/* actionInputs */.eh);
    const run = (0,context/* runContext */.pO)();
    let opts;
    try {
        opts = (0,common/* readCommonOptions */.Q)(gate.gate, inputs, workspace);
    }
    catch (e) {
        if (!(0,errors/* isConfigurationError */.p0)(e))
            throw e;
        if (phase === 'post')
            return 0;
        core/* setOutput */.uH(constants/* Outputs */.tY.Verdict, 'error');
        core/* setOutput */.uH(constants/* Outputs */.tY.Summary, `configuration error: ${e.message}`);
        await core/* summary */.z.addRaw(`## shipgate/${gate.gate}\n\n**ERROR** — configuration error: ${(0,report_escape/* escapeInline */.VV)(e.message)}\n`).write().catch(() => undefined);
        core/* setFailed */.C1(e.message);
        return 1;
    }
    const cancel = (0,runtime_cancel/* installCancellation */.z)(log);
    try {
        if (phase === 'post') {
            await closeDanglingCheckRun(opts, run, log);
            // Only a run of the gate has anything of its own to clean up; report and merge only read artifacts.
            if (gate.post && opts.mode === 'run')
                await gate.post(await gateContext(gate, opts, inputs, run, cancel.signal, workspace));
            return 0;
        }
        return await runMain(gate, opts, inputs, run, cancel.signal, workspace);
    }
    finally {
        cancel.dispose();
    }
}
/** Entry point of an action step. Explicit exit: keep-alive sockets or stray timers must not hold the step open. */
async function actionMain(gate, phase) {
    let code = 1;
    try {
        code = await runGateAction(gate, phase);
    }
    catch (e) {
        core/* setFailed */.C1(`internal error: ${(0,errors/* errorMessage */.gJ)(e)}`);
        if (e instanceof Error && e.stack)
            core/* debug */.Yz(e.stack);
    }
    process.exit(code);
}

// EXTERNAL MODULE: ./src/actions/gates.ts
var gates = __webpack_require__(1891);
;// CONCATENATED MODULE: ./src/actions/entry.ts




/**
 * Entry of every action step. `action` is a gate name, or `root` for the root action whose `gate` input picks
 * the gate. dist/<action>/<phase>.js are two-line files that call this.
 */
async function runAction(action, phase) {
    let gate;
    if (action === 'root') {
        const chosen = core/* getInput */.V4('gate').trim();
        if (!model/* GATES */.JH.includes(chosen)) {
            core/* setFailed */.C1(`input \`gate\`: ${JSON.stringify(chosen)} is not a shipgate gate; use one of ${model/* GATES */.JH.join(', ')}.`);
            process.exit(1);
        }
        gate = chosen;
    }
    else {
        gate = action;
    }
    try {
        return await actionMain(await (0,gates/* loadGate */.W)(gate), phase);
    }
    catch (e) {
        core/* setFailed */.C1(`internal error: could not load ${gate}: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    }
}


/***/ }),

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


/***/ }),

/***/ 86856:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ throttling)
/* harmony export */ });
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63251);
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = bottleneck_light_js__WEBPACK_IMPORTED_MODULE_0__,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;



/***/ })

};
