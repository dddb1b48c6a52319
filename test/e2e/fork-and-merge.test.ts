/**
 * The fork-safe pair and the matrix merge, end to end through the shipped perf-gate action: a pull_request run with a
 * read-only token uploads its report to the results service (azurite behind it); a workflow_run run reads that
 * artifact through GitHub's REST API (302 to the blob) and posts the comment and check run; three matrix shards upload
 * their reports and a merge job posts one comment and one check run for them all.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent, workflowRunEvent, type EventFixture } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { Azurite } from './servers/azurite.js';
import { GitHubApiServer } from './servers/github-api.js';
import { ResultsService } from './servers/results-service.js';

const OWNER = 'acme';
const REPO = 'widgets';
const WRITE_TOKEN = 'ghs_forkmergewrite000000000000000000000000';
const READ_TOKEN = 'ghs_forkmergeread0000000000000000000000000';
const sha = (n: number) => n.toString(16).padStart(40, 'c');
const PR_RUN_ID = 777_001;

let api: GitHubApiServer;
let azurite: Azurite;
let prRun: ResultsService;
let reportRun: ResultsService;
const temps: string[] = [];

/** shipgate JSON results: each benchmark's samples around `ms`. */
function results(benchmarks: Record<string, number>): string {
  const jitter = [0.99, 1.01, 1.0, 0.98, 1.02, 1.0, 0.995, 1.005, 0.99, 1.01, 1.0, 1.0];
  return JSON.stringify({
    schemaVersion: 1,
    benchmarks: Object.entries(benchmarks).map(([name, ms]) => ({ name, unit: 'ms', samples: jitter.map((j) => Number((ms * j).toFixed(4))) })),
  });
}

async function workspace(baseline: Record<string, number>, current: Record<string, number>): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-forkmerge-'));
  temps.push(ws);
  await writeFile(path.join(ws, 'baseline.json'), results(baseline));
  await writeFile(path.join(ws, 'current.json'), results(current));
  await writeFile(path.join(ws, 'perf.yml'), 'threshold: 0.1\n');
  return ws;
}

function prEvent(n: number, fork: boolean): EventFixture {
  return pullRequestEvent({ owner: OWNER, repo: REPO, number: n, headSha: sha(n), baseSha: sha(900 + n), headRef: `f${n}`, baseRef: 'main', fork, author: fork ? 'outsider' : OWNER });
}

function perfGate(ws: string, event: EventFixture, token: string, inputs: Record<string, string>, env: Record<string, string>) {
  return runAction({
    actionDir: path.join(repoRoot, 'actions', 'perf-gate'),
    workspace: ws,
    event,
    token,
    inputs: { current: 'current.json', baseline: 'baseline.json', format: 'shipgate', config: 'perf.yml', ...inputs },
    env: { GITHUB_API_URL: api.url, ...env },
    timeoutMs: 90_000,
  });
}

/** The workflow_run step: on the default branch, with no checkout of the PR (an empty workspace) and a write token. */
async function reportStep(event: EventFixture, inputs: Record<string, string> = {}) {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-forkreport-'));
  temps.push(ws);
  const res = await runAction({
    actionDir: path.join(repoRoot, 'actions', 'perf-gate'),
    workspace: ws,
    event,
    token: WRITE_TOKEN,
    inputs: { mode: 'report', name: 'inference', ...inputs },
    env: { GITHUB_API_URL: api.url, ...reportRun.env() },
    timeoutMs: 60_000,
  });
  return { res, ws };
}

describe('fork-safe pair and matrix merge, end to end', { concurrency: false }, () => {
  before(async () => {
    [api, azurite] = await Promise.all([GitHubApiServer.start({ owner: OWNER, repo: REPO }), Azurite.start()]);
    [prRun, reportRun] = await Promise.all([ResultsService.start({ azurite }), ResultsService.start({ azurite })]);
    api.addToken(WRITE_TOKEN, { kind: 'installation' });
    api.addToken(READ_TOKEN, { kind: 'installation', permissions: 'read' });
    api.addPullRequest({ number: 42, headSha: sha(42), baseSha: sha(942), headRepo: 'outsider/widgets', author: 'outsider' });
    api.addPullRequest({ number: 7, headSha: sha(7), baseSha: sha(907) });
    api.addPullRequest({ number: 8, headSha: sha(8), baseSha: sha(908) });
  });
  after(async () => {
    await Promise.all([prRun?.stop(), reportRun?.stop()]);
    await azurite?.stop();
    await api?.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  test('fork PR: the read-only run uploads its report; the workflow_run step posts comment and check on the PR head from the artifact alone', async () => {
    const ws = await workspace({ 'infer/batch-1': 10, 'infer/batch-8': 40 }, { 'infer/batch-1': 13, 'infer/batch-8': 40 });
    const first = await perfGate(ws, prEvent(42, true), READ_TOKEN, { name: 'inference', comment: 'false', 'check-run': 'false' }, prRun.env());
    assert.equal(first.outputs.verdict, 'fail', first.main.stdout + first.main.stderr);
    assert.equal(first.outputs.regressions, '1');
    assert.ok(first.outputs['artifact-id'], 'the report artifact was uploaded');
    assert.equal(api.comments(42).length, 0);
    assert.equal(api.checkRuns().length, 0, 'the read-only run posted nothing');

    // GitHub lists the pull_request run's artifacts under its run id and redirects their download to the blob.
    const blob = await prRun.artifactDownload('shipgate-perf-gate-inference');
    api.addArtifact(PR_RUN_ID, 'shipgate-perf-gate-inference', blob.size, { downloadUrl: blob.url, ...(blob.digest ? { digest: blob.digest } : {}) });

    // The second workflow runs on the default branch, with no checkout of the PR: an empty workspace.
    const { res: second, ws: ws2 } = await reportStep(workflowRunEvent({ owner: OWNER, repo: REPO, runId: PR_RUN_ID, workflowName: 'pr', headSha: sha(42), headBranch: 'f42', fork: true, author: 'outsider', defaultBranch: 'main', defaultSha: sha(500) }));
    assert.equal(second.outputs.verdict, 'fail', second.main.stdout + second.main.stderr);
    assert.equal(second.outputs.regressions, '1');
    const comments = api.comments(42);
    assert.equal(comments.length, 1, 'one comment, on the fork PR');
    assert.match(comments[0]?.body ?? '', /<!-- shipgate:perf-gate:inference -->/);
    assert.match(comments[0]?.body ?? '', /infer\/batch-1/);
    assert.equal(comments[0]?.user.login, 'github-actions[bot]');
    const checks = api.checkRuns();
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.name, 'shipgate/perf-gate (inference)');
    assert.equal(checks[0]?.head_sha, sha(42), 'on the PR head, not the default branch the workflow_run ran on');
    assert.equal(checks[0]?.conclusion, 'failure');
    assert.deepEqual(api.invalidRequests(), [], 'every request matches GitHub\'s OpenAPI description');
    const downloads = api.requests.filter((r) => r.operationId === 'actions/download-artifact');
    assert.equal(downloads.length, 1);
    assert.equal(downloads[0]?.status, 302);
    const written = JSON.parse(await readFile(path.join(ws2, second.outputs['report-path'] ?? ''), 'utf8')) as { git: { headSha?: string; pullRequest?: number } };
    assert.equal(written.git.headSha, sha(42));
  });

  test('a report whose pull request is not at the run\'s head gets a check run on that head but no comment', async () => {
    const before = api.comments(42).length;
    // The run's head is another commit than PR #42's head (a newer push, or a report claiming someone else's PR).
    const { res } = await reportStep(workflowRunEvent({ owner: OWNER, repo: REPO, runId: PR_RUN_ID, workflowName: 'pr', headSha: sha(4242), headBranch: 'f42', fork: true, author: 'outsider', defaultBranch: 'main', defaultSha: sha(500) }), { 'fail-on': 'error' });
    assert.equal(res.main.exitCode, 0, res.main.stdout + res.main.stderr);
    assert.equal(api.comments(42).length, before, 'no comment on a PR that is not at this commit');
    assert.match(res.main.stdout, /names pull request #42, whose head is/);
    assert.ok(api.checkRuns().some((c) => c.head_sha === sha(4242) && c.conclusion === 'failure'));
  });

  test('a report claiming another fork\'s pull request at the same commit gets no comment there', async () => {
    const before = api.comments(42).length;
    // mallory pushed PR #42's head commit to a fork of her own; her run's artifact claims #42.
    const { res } = await reportStep(workflowRunEvent({ owner: OWNER, repo: REPO, runId: PR_RUN_ID, workflowName: 'pr', headSha: sha(42), headBranch: 'f42', fork: true, author: 'mallory', defaultBranch: 'main', defaultSha: sha(500) }));
    assert.equal(res.outputs.verdict, 'fail');
    assert.equal(res.main.exitCode, 1, 'the default fail-on applies in report mode too');
    assert.equal(api.comments(42).length, before);
    assert.match(res.main.stdout, /whose head is in outsider\/widgets, not in mallory\/widgets/);
  });

  test('report mode without the artifact: an error report, and a failing check on the run\'s head', async () => {
    const { res } = await reportStep(workflowRunEvent({ owner: OWNER, repo: REPO, runId: 777_999, workflowName: 'pr', headSha: sha(8), headBranch: 'f8', pullRequests: [{ number: 8, headSha: sha(8), headRef: 'f8', baseRef: 'main', baseSha: sha(908) }], defaultBranch: 'main', defaultSha: sha(500) }));
    assert.equal(res.outputs.verdict, 'error');
    assert.match(res.main.stdout + res.main.stderr, /workflow run 777999 has no artifact named shipgate-perf-gate-inference/);
    const check = api.checkRuns().find((c) => c.head_sha === sha(8));
    assert.equal(check?.conclusion, 'failure');
    assert.equal(api.comments(8).length, 1, 'the same-repository PR listed in the event gets the error comment');
  });

  test('report mode in a pull_request workflow is a configuration error naming the input', async () => {
    const ws = await workspace({ a: 1 }, { a: 1 });
    const res = await perfGate(ws, prEvent(7, false), WRITE_TOKEN, { mode: 'report', name: 'misplaced', comment: 'false', 'check-run': 'false', artifact: 'false' }, prRun.env());
    assert.equal(res.outputs.verdict, 'error');
    assert.match(res.main.stdout + res.main.stderr, /input `mode`: `report` posts the result of the run that triggered a `workflow_run` workflow/);
  });

  test('three matrix shards merge into one comment and one check run, with every shard\'s runner', async () => {
    const shards: { shard: string; base: Record<string, number>; cur: Record<string, number> }[] = [
      { shard: '1', base: { 'decode/a': 5, 'decode/b': 6 }, cur: { 'decode/a': 5, 'decode/b': 6 } },
      { shard: '2', base: { 'encode/a': 20, 'encode/b': 21 }, cur: { 'encode/a': 30, 'encode/b': 21 } },
      { shard: '3', base: { 'train/step': 100 }, cur: { 'train/step': 100 } },
    ];
    const checksBefore = api.checkRuns().length;
    for (const s of shards) {
      const ws = await workspace(s.base, s.cur);
      const res = await perfGate(ws, prEvent(7, false), WRITE_TOKEN, { name: 'suite', shard: s.shard, 'fail-on': 'error' }, { ...prRun.env({ job: `shard-${s.shard}` }), RUNNER_NAME: `gpu-runner-${s.shard}` });
      assert.equal(res.main.exitCode, 0, res.main.stdout + res.main.stderr);
      assert.ok(res.outputs['artifact-id'], `shard ${s.shard} uploaded its report`);
    }
    assert.equal(api.comments(7).length, 0, 'shards post no comment');
    assert.equal(api.checkRuns().length, checksBefore, 'shards post no check run');
    assert.deepEqual(
      prRun.artifacts.map((a) => a.name).filter((n) => n.startsWith('shipgate-perf-gate-suite-shard-')).sort(),
      ['shipgate-perf-gate-suite-shard-1', 'shipgate-perf-gate-suite-shard-2', 'shipgate-perf-gate-suite-shard-3'],
    );

    const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-merge-'));
    temps.push(ws);
    const merge = await perfGate(ws, prEvent(7, false), WRITE_TOKEN, { name: 'suite', mode: 'merge', 'expected-shards': '3' }, { ...prRun.env({ job: 'merge' }), RUNNER_NAME: 'merge-runner' });
    assert.equal(merge.outputs.verdict, 'fail', merge.main.stdout + merge.main.stderr);
    assert.equal(merge.outputs.regressions, '1');
    assert.equal(merge.outputs.shards, '3');
    const comments = api.comments(7);
    assert.equal(comments.length, 1);
    assert.match(comments[0]?.body ?? '', /<!-- shipgate:perf-gate:suite -->/);
    assert.match(comments[0]?.body ?? '', /gpu-runner-1[\s\S]*gpu-runner-2[\s\S]*gpu-runner-3/);
    const checks = api.checkRuns().slice(checksBefore);
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.name, 'shipgate/perf-gate (suite)');
    assert.equal(checks[0]?.head_sha, sha(7));
    assert.equal(checks[0]?.conclusion, 'failure');
    const report = JSON.parse(await readFile(path.join(ws, merge.outputs['report-path'] ?? ''), 'utf8')) as {
      details: { shards: { shard: string; runner: { name?: string; fingerprint?: string } }[]; results: { shard: string; benchmark: string; verdict: string }[] };
    };
    assert.deepEqual(report.details.shards.map((s) => [s.shard, s.runner.name]), [['1', 'gpu-runner-1'], ['2', 'gpu-runner-2'], ['3', 'gpu-runner-3']]);
    assert.ok(report.details.shards.every((s) => typeof s.runner.fingerprint === 'string'));
    assert.equal(report.details.results.length, 5);
    assert.deepEqual(report.details.results.filter((r) => r.verdict === 'regression').map((r) => [r.shard, r.benchmark]), [['2', 'encode/a']]);
    assert.ok(prRun.artifacts.some((a) => a.name === 'shipgate-perf-gate-suite'), 'the merged report is uploaded too');
    assert.deepEqual(api.invalidRequests(), []);
  });

  test('a shard missing from the merge makes it inconclusive, not a pass', async () => {
    for (const shard of ['1', '2']) {
      const ws = await workspace({ x: 10 }, { x: 10 });
      const res = await perfGate(ws, prEvent(8, false), WRITE_TOKEN, { name: 'partial', shard }, { ...prRun.env({ job: `partial-${shard}` }), RUNNER_NAME: `gpu-runner-${shard}` });
      assert.equal(res.outputs.verdict, 'pass', res.main.stdout);
    }
    const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-merge-'));
    temps.push(ws);
    const merge = await perfGate(ws, prEvent(8, false), WRITE_TOKEN, { name: 'partial', mode: 'merge', 'expected-shards': '3' }, prRun.env({ job: 'partial-merge' }));
    assert.equal(merge.outputs.verdict, 'inconclusive', merge.main.stdout);
    assert.match(merge.outputs.summary ?? '', /^2 of 3 shards/);
    const check = api.checkRuns().find((c) => c.name === 'shipgate/perf-gate (partial)');
    assert.equal(check?.conclusion, 'neutral');
  });
});
