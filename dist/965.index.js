export const id = 965;
export const ids = [965];
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
    const runner = (0,fingerprint/* runnerInfo */.ZV)(await (0,fingerprint/* hardwareFacts */._Y)());
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
    await openCheckRun(gate, opts, run, sinks, log);
    let report;
    try {
        report = await gate.run(ctx);
    }
    catch (e) {
        if ((0,errors/* isConfigurationError */.p0)(e))
            log.error(e.message, e.location);
        else
            log.error(`internal error: ${(0,errors/* errorMessage */.gJ)(e)}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
        report = (0,error_report/* errorReport */.Z)(ctx, e);
    }
    const cancelled = signal.aborted;
    // A cancelled run proves nothing: never let it pass.
    if (cancelled)
        report = { ...report, verdict: (0,model/* worstVerdict */.zP)(report.verdict, 'inconclusive'), summary: `cancelled: ${report.summary}` };
    const written = await writeFiles(report, ctx, sinks, log);
    report = written.report;
    setReportOutputs(report, written.path, workspace, log);
    // Reporting never changes the verdict: every sink warns and carries on.
    await publish(report, opts, run, sinks, log, cancelled);
    core/* saveState */.LZ(constants/* State */.Uw.MainFinished, 'true');
    const line = (0,report_escape/* plainText */.wh)(`${gate.gate} (${opts.name}): ${report.verdict} — ${report.summary}`);
    if (opts.failOn.includes(report.verdict) || cancelled) {
        core/* setFailed */.C1(line);
        return 1;
    }
    log.info(line);
    return 0;
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
            if (gate.post)
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


/***/ })

};
