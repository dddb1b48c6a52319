import path from 'node:path';
import * as core from '@actions/core';
import { uploadDirectory, type UploadedArtifact } from '../artifacts.js';
import { hardwareFacts, runnerInfo } from '../baseline/fingerprint.js';
import { CacheBaselineStore, RepoBaselineStore, noBaselineStore, type BaselineStore } from '../baseline/store.js';
import { errorMessage, isConfigurationError } from '../errors.js';
import type { Gate, GateContext } from '../gate.js';
import { completeCheckRun, startCheckRun } from '../github/check-run.js';
import { createClient, tokenIdentity, type GitHubClient } from '../github/client.js';
import { gitInfo, runContext, type RunContext } from '../github/context.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import { actionLogger, type Logger } from '../log.js';
import { writeReportFiles } from '../report/files.js';
import { checkRunName, commentMarker, conclusionFor, worstVerdict, type Report } from '../report/model.js';
import { escapeInline, plainText } from '../report/escape.js';
import { renderCheckOutput } from '../report/render-check.js';
import { renderComment, renderSummary } from '../report/render-markdown.js';
import { installCancellation } from './cancel.js';
import { readCommonOptions, type CommonOptions } from './common.js';
import { Outputs, State } from './constants.js';
import { InputReader, actionInputs } from './inputs.js';
import { errorReport } from './error-report.js';
import { mergeReports } from '../report/merge.js';
import { fetchRunReport, fetchShardReports, listedPullRequest, reportTarget, requireWorkflowRun, toolkitArtifacts } from './remote.js';

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}

/** Why a GitHub write failed, in words a user can act on. Never includes the token. */
export function explainWriteFailure(what: string, e: unknown, run: RunContext): string {
  const s = status(e);
  const base = `could not ${what}: ${s ? `HTTP ${s} ` : ''}${errorMessage(e)}`;
  if (s === 403 || s === 404) {
    const hint = run.fork
      ? 'this pull request comes from a fork, whose token is read-only; the result is in the job summary (see the fork-safe workflow_run pattern in the docs)'
      : 'the token lacks a permission (pull-requests: write for comments, checks: write for check runs)';
    return `${base} — ${hint}`;
  }
  return base;
}

function baselineStore(opts: CommonOptions, workspace: string, run: RunContext, fingerprint: string): BaselineStore {
  switch (opts.baselineStore) {
    case 'repo':
      return new RepoBaselineStore(workspace);
    case 'cache':
      return new CacheBaselineStore({ workspace, fingerprint, runId: run.runId ?? '0', runAttempt: run.runAttempt ?? '1' });
    case 'none':
      return noBaselineStore;
  }
}

interface Sinks {
  client?: GitHubClient;
  checkRunId?: number;
  notes: string[];
}

async function openCheckRun(gate: Gate, opts: CommonOptions, run: RunContext, sinks: Sinks, log: Logger): Promise<void> {
  if (!opts.checkRun || !sinks.client || !run.owner || !run.repo || !run.checkSha) return;
  try {
    sinks.checkRunId = await startCheckRun(sinks.client, {
      owner: run.owner,
      repo: run.repo,
      headSha: run.checkSha,
      name: checkRunName(gate.gate, opts.name),
      ...(run.runUrl ? { detailsUrl: run.runUrl } : {}),
    });
    core.saveState(State.CheckRunId, String(sinks.checkRunId));
  } catch (e) {
    const msg = explainWriteFailure('create the check run', e, run);
    log.warning(msg);
    sinks.notes.push(msg);
  }
}

async function publish(report: Report, opts: CommonOptions, run: RunContext, sinks: Sinks, log: Logger, cancelled: boolean): Promise<void> {
  let artifact: UploadedArtifact | undefined;
  // Cancelled: the runner kills the step 10 s after SIGINT, so only the check run and the summary are written.
  if (cancelled) sinks.notes.push('cancelled: the artifact and the PR comment were skipped to finish inside the runner\'s cancellation window');
  if (opts.artifact && !cancelled) {
    try {
      artifact = await uploadDirectory(opts.reportDir, opts.artifactName, run.runUrl ? { runUrl: run.runUrl } : {});
      core.setOutput(Outputs.ArtifactId, String(artifact.id));
      log.info(`uploaded artifact ${artifact.name} (${artifact.size} bytes)`);
    } catch (e) {
      const msg = `could not upload the report artifact: ${errorMessage(e)}`;
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
      await completeCheckRun(client, { owner: run.owner, repo: run.repo, checkRunId: sinks.checkRunId }, output, cancelled ? 'cancelled' : conclusionFor(report.verdict));
      core.setOutput(Outputs.CheckRunId, String(sinks.checkRunId));
    } catch (e) {
      annotateInLog = true;
      const msg = explainWriteFailure('complete the check run', e, run);
      log.warning(msg);
      sinks.notes.push(msg);
    }
  } else if (opts.checkRun) {
    annotateInLog = true;
  }
  if (annotateInLog) {
    const located = report.findings.filter((f) => f.location && (f.status === 'fail' || f.status === 'warn'));
    // GitHub shows at most 10 errors and 10 warnings of a step; the rest are in the report.
    if (located.length > 10) sinks.notes.push(`${located.length} findings with a location: GitHub shows only the first 10 of each level as annotations of this step; all are in the report`);
    for (const f of report.findings) {
      if (!f.location || (f.status !== 'fail' && f.status !== 'warn')) continue;
      const props = { title: f.title, file: f.location.file, ...(f.location.line ? { startLine: f.location.line } : {}) };
      if (f.status === 'fail') core.error(f.message, props);
      else core.warning(f.message, props);
    }
  }

  if (opts.comment && !cancelled && client && run.owner && run.repo && run.pullRequest !== undefined) {
    try {
      const marker = commentMarker(report.gate, report.name);
      const author = await tokenIdentity(client);
      const res = await upsertStickyComment(
        client,
        { owner: run.owner, repo: run.repo, issueNumber: run.pullRequest, marker, author },
        renderComment(report, { ...renderOpts, marker }),
      );
      core.setOutput(Outputs.CommentId, String(res.id));
      log.info(`${res.action} the PR comment ${res.htmlUrl ?? res.id}`);
    } catch (e) {
      const msg = explainWriteFailure('post the PR comment', e, run);
      log.warning(msg);
      sinks.notes.push(msg);
    }
  }

  try {
    const notes = sinks.notes.length ? `\n\n> [!WARNING]\n${sinks.notes.map((n) => `> ${escapeInline(n)}`).join('\n>\n')}\n` : '';
    const body = renderSummary(report, { ...renderOpts, maxBytes: 1_048_576 - Buffer.byteLength(notes) - 16 });
    await core.summary.addRaw(body + notes).write();
  } catch (e) {
    log.warning(`could not write the job summary: ${errorMessage(e)}`);
  }
}

/** Outputs the platform sets itself; a gate's own outputs may not replace them. */
const RESERVED_OUTPUTS = new Set<string>(Object.values(Outputs));

function setReportOutputs(report: Report, reportPath: string | undefined, workspace: string, log: Logger): void {
  core.setOutput(Outputs.Verdict, report.verdict);
  core.setOutput(Outputs.Summary, report.summary);
  if (reportPath) core.setOutput(Outputs.ReportPath, path.relative(workspace, reportPath) || reportPath);
  for (const [k, v] of Object.entries(report.outputs ?? {})) {
    if (RESERVED_OUTPUTS.has(k)) log.warning(`the gate's output \`${k}\` is reserved and was not set`);
    else core.setOutput(k, String(v));
  }
}

/** Write the report files. A report that breaks the schema is a gate bug: it becomes an error report. */
async function writeFiles(report: Report, ctx: GateContext, sinks: Sinks, log: Logger): Promise<{ report: Report; path?: string }> {
  try {
    return { report, path: await writeReportFiles(report, ctx.reportDir) };
  } catch (e) {
    log.error(errorMessage(e));
    const replaced = errorReport(ctx, e);
    try {
      return { report: replaced, path: await writeReportFiles(replaced, ctx.reportDir) };
    } catch (again) {
      const msg = `could not write the report files to ${ctx.reportDir}: ${errorMessage(again)}`;
      log.warning(msg);
      sinks.notes.push(msg);
      return { report: replaced };
    }
  }
}

/** The step ended before the gate finished (cancelled, killed): close its check run instead of leaving it pending. */
async function closeDanglingCheckRun(opts: CommonOptions, run: RunContext, log: Logger): Promise<void> {
  const id = Number(core.getState(State.CheckRunId));
  if (!id || core.getState(State.MainFinished) === 'true' || !opts.token || !run.owner || !run.repo) return;
  try {
    const client = createClient({ token: opts.token, log });
    const summary = 'The step ended before the gate finished (cancelled or killed), so there is no verdict.';
    await completeCheckRun(client, { owner: run.owner, repo: run.repo, checkRunId: id }, { title: 'cancelled', summary, annotations: [] }, 'cancelled');
    log.info(`closed check run ${id} left open by the main step`);
  } catch (e) {
    log.warning(explainWriteFailure('close the check run left open by the main step', e, run));
  }
}

async function gateContext(gate: Gate, opts: CommonOptions, inputs: InputReader, run: RunContext, signal: AbortSignal, workspace: string): Promise<GateContext> {
  const runner = runnerInfo(await hardwareFacts());
  return {
    gate: gate.gate,
    name: opts.name,
    workspace,
    reportDir: opts.reportDir,
    signal,
    log: actionLogger,
    run,
    runner,
    baselines: baselineStore(opts, workspace, run, runner.fingerprint ?? ''),
    historySize: opts.historySize,
    inputs,
    startedAt: new Date(),
    inAction: true,
  };
}

async function runMain(gate: Gate, opts: CommonOptions, inputs: InputReader, run: RunContext, signal: AbortSignal, workspace: string): Promise<number> {
  const log = actionLogger;
  const ctx = await gateContext(gate, opts, inputs, run, signal, workspace);
  core.saveState(State.ReportDir, opts.reportDir);
  const sinks: Sinks = { notes: [] };
  if (opts.token) {
    core.setSecret(opts.token);
    sinks.client = createClient({ token: opts.token, log });
  } else {
    sinks.notes.push('no GitHub token: no check run and no PR comment (set `github-token`)');
  }
  // Report mode posts on the triggering run's head commit, known once its report is read.
  if (opts.mode !== 'report') await openCheckRun(gate, opts, run, sinks, log);

  let report: Report;
  let target = run;
  try {
    if (opts.mode === 'run') report = await gate.run(ctx);
    else if (opts.mode === 'merge') report = await mergeMode(gate, opts, ctx);
    else ({ report, target } = await reportMode(gate, opts, ctx, sinks));
  } catch (e) {
    if (isConfigurationError(e)) log.error(e.message, e.location);
    else log.error(`internal error: ${errorMessage(e)}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
    report = errorReport(ctx, e);
    if (opts.mode === 'report' && run.workflowRun) target = reportModeRun(run, run.workflowRun.headSha, listedPullRequest(run.workflowRun));
  }
  if (opts.mode === 'report') await openCheckRun(gate, opts, target, sinks, log);
  const cancelled = signal.aborted;
  // A cancelled run proves nothing: never let it pass.
  if (cancelled) report = { ...report, verdict: worstVerdict(report.verdict, 'inconclusive'), summary: `cancelled: ${report.summary}` };
  const written = await writeFiles(report, ctx, sinks, log);
  report = written.report;
  setReportOutputs(report, written.path, workspace, log);

  // Reporting never changes the verdict: every sink warns and carries on.
  await publish(report, opts, target, sinks, log, cancelled);
  core.saveState(State.MainFinished, 'true');

  const line = plainText(`${gate.gate} (${opts.name}): ${report.verdict} — ${report.summary}`);
  if (opts.failOn.includes(report.verdict) || cancelled) {
    core.setFailed(line);
    return 1;
  }
  log.info(line);
  return 0;
}

/** The run context report mode posts to: the triggering run's head commit and its checked pull request. */
function reportModeRun(run: RunContext, headSha: string, pullRequest: number | undefined): RunContext {
  const { pullRequest: _ignored, ...rest } = run;
  return { ...rest, checkSha: headSha, headSha, fork: false, ...(pullRequest !== undefined ? { pullRequest } : {}) };
}

/**
 * `mode: report`, the second workflow of the fork-safe pair: the pull_request run's report artifact, checked and made
 * safe, posted on that run's head commit and on its pull request once the pull request is proven to be at that commit.
 */
async function reportMode(gate: Gate, opts: CommonOptions, ctx: GateContext, sinks: Sinks): Promise<{ report: Report; target: RunContext }> {
  const { runId, headSha } = requireWorkflowRun(ctx.run, opts.runId);
  const source = toolkitArtifacts({ ...(opts.token ? { token: opts.token } : {}), ...(ctx.run.owner ? { owner: ctx.run.owner } : {}), ...(ctx.run.repo ? { repo: ctx.run.repo } : {}) });
  const report = await fetchRunReport(source, { gate: gate.gate, name: opts.name, artifact: opts.reportArtifact, runId });
  const t = await reportTarget(ctx.run, report, sinks.client);
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
async function mergeMode(gate: Gate, opts: CommonOptions, ctx: GateContext): Promise<Report> {
  const source = toolkitArtifacts({});
  const { shards, unreadable } = await fetchShardReports(source, { gate: gate.gate, prefix: opts.reportArtifact, reportDir: ctx.reportDir, log: ctx.log });
  ctx.log.info(`merging ${shards.length} shard report(s): ${shards.map((s) => `${s.shard} ${s.report.verdict}`).join(', ') || 'none'}`);
  return mergeReports(shards, {
    gate: gate.gate,
    name: opts.name,
    runner: ctx.runner,
    git: gitInfo(ctx.run),
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
export async function runGateAction(gate: Gate, phase: 'main' | 'post'): Promise<number> {
  const log = actionLogger;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const inputs = new InputReader(actionInputs);
  const run = runContext();
  let opts: CommonOptions;
  try {
    opts = readCommonOptions(gate.gate, inputs, workspace);
  } catch (e) {
    if (!isConfigurationError(e)) throw e;
    if (phase === 'post') return 0;
    core.setOutput(Outputs.Verdict, 'error');
    core.setOutput(Outputs.Summary, `configuration error: ${e.message}`);
    await core.summary.addRaw(`## shipgate/${gate.gate}\n\n**ERROR** — configuration error: ${escapeInline(e.message)}\n`).write().catch(() => undefined);
    core.setFailed(e.message);
    return 1;
  }
  const cancel = installCancellation(log);
  try {
    if (phase === 'post') {
      await closeDanglingCheckRun(opts, run, log);
      // Only a run of the gate has anything of its own to clean up; report and merge only read artifacts.
      if (gate.post && opts.mode === 'run') await gate.post(await gateContext(gate, opts, inputs, run, cancel.signal, workspace));
      return 0;
    }
    return await runMain(gate, opts, inputs, run, cancel.signal, workspace);
  } finally {
    cancel.dispose();
  }
}

/** Entry point of an action step. Explicit exit: keep-alive sockets or stray timers must not hold the step open. */
export async function actionMain(gate: Gate, phase: 'main' | 'post'): Promise<never> {
  let code = 1;
  try {
    code = await runGateAction(gate, phase);
  } catch (e) {
    core.setFailed(`internal error: ${errorMessage(e)}`);
    if (e instanceof Error && e.stack) core.debug(e.stack);
  }
  process.exit(code);
}
