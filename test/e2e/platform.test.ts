/**
 * The platform end to end: a test-only fixture action bundled from src/core runs as the GitHub runner runs it,
 * against a loopback GitHub REST server validated against GitHub's OpenAPI description and the Actions results
 * service with azurite as blob store.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { commentMarker } from '../../src/core/report/model.js';
import { buildFixtureAction, repoRoot } from './fixture-action.js';
import { pullRequestEvent, pushEvent, type EventFixture } from './runner/events.js';
import { runAction, type ActionRun, type RunActionOptions } from './runner/run-action.js';
import { Azurite } from './servers/azurite.js';
import { GitHubApiServer } from './servers/github-api.js';
import { ResultsService } from './servers/results-service.js';

const OWNER = 'acme';
const REPO = 'widgets';
const TOKEN = 'ghs_jobtoken0000000000000000000000000000';
const READONLY = 'ghs_forktoken000000000000000000000000000';
const MARKER = commentMarker('perf-gate', 'e2e-fixture');
const sha = (n: number) => n.toString(16).padStart(40, 'a');

let api: GitHubApiServer;
let azurite: Azurite;
let results: ResultsService;
let actionDir: string;
const temps: string[] = [];

function prEvent(number: number, fork = false): EventFixture {
  return pullRequestEvent({ owner: OWNER, repo: REPO, number, headSha: sha(number), baseSha: sha(1000 + number), headRef: `feature-${number}`, baseRef: 'main', fork, ...(fork ? { author: 'mallory' } : {}) });
}

async function run(event: EventFixture, inputs: Record<string, string>, extra: Partial<RunActionOptions> = {}): Promise<ActionRun & { workspace: string }> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'sg-ws-'));
  temps.push(workspace);
  const res = await runAction({
    actionDir,
    workspace,
    inputs,
    event,
    token: TOKEN,
    env: { GITHUB_API_URL: api.url, ...results.env() },
    timeoutMs: 60_000,
    ...extra,
  });
  return { ...res, workspace };
}

function ours(issue: number) {
  return api.comments(issue).filter((c) => c.body.includes(MARKER));
}

describe('platform end to end', { concurrency: false }, () => {
  before(async () => {
    [api, azurite, actionDir] = await Promise.all([GitHubApiServer.start({ owner: OWNER, repo: REPO }), Azurite.start(), buildFixtureAction()]);
    results = await ResultsService.start({ azurite });
    api.addToken(TOKEN, { kind: 'installation' });
    api.addToken(READONLY, { kind: 'installation', permissions: 'read' });
    for (const n of [7, 8, 9, 10, 11, 12, 13, 14, 15, 16]) api.addPullRequest({ number: n, headSha: sha(n), baseSha: sha(1000 + n) });
  });
  after(async () => {
    await results?.stop();
    await azurite?.stop();
    await api?.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  test('a sticky comment is created, then updated in place on the next run', async () => {
    const first = await run(prEvent(7), { verdict: 'pass', 'artifact-name': 'sticky-1' });
    assert.equal(first.main.exitCode, 0, first.main.stdout);
    assert.equal(ours(7).length, 1);
    assert.match(ours(7)[0]?.body ?? '', /PASS/);
    const second = await run(prEvent(7), { verdict: 'fail', 'artifact-name': 'sticky-2' });
    assert.equal(second.main.exitCode, 1, 'a fail verdict fails the step');
    const mine = ours(7);
    assert.equal(mine.length, 1, 'no duplicate comment');
    assert.equal(String(mine[0]?.id), first.outputs['comment-id']);
    assert.equal(second.outputs['comment-id'], first.outputs['comment-id']);
    assert.match(mine[0]?.body ?? '', /FAIL/);
    assert.equal(mine[0]?.user.login, 'github-actions[bot]');
  });

  test('two jobs racing on one PR leave one comment: the oldest wins', async () => {
    const [a, b] = await Promise.all([
      run(prEvent(15), { verdict: 'pass', artifact: 'false', 'check-run': 'false' }),
      run(prEvent(15), { verdict: 'warn', artifact: 'false', 'check-run': 'false' }),
    ]);
    assert.equal(a.main.exitCode, 0);
    assert.equal(b.main.exitCode, 0);
    const mine = ours(15);
    assert.equal(mine.length, 1, `one comment left, got ${mine.length}`);
    const created = api.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${OWNER}/${REPO}/issues/15/comments` && r.status === 201);
    assert.ok(created.length >= 1);
    assert.equal(String(mine[0]?.id), a.outputs['comment-id']);
    assert.equal(a.outputs['comment-id'], b.outputs['comment-id'], 'both jobs settle on the same comment');
  });

  test("a GitHub App's token finds its own comment by the app's bot login", async () => {
    const appToken = 'ghs_apptoken000000000000000000000000000000';
    api.addToken(appToken, { kind: 'installation', login: 'shipgate-app[bot]' });
    const first = await run(prEvent(16), { verdict: 'pass', artifact: 'false', 'check-run': 'false' }, { token: appToken });
    const second = await run(prEvent(16), { verdict: 'warn', artifact: 'false', 'check-run': 'false' }, { token: appToken });
    assert.equal(second.outputs['comment-id'], first.outputs['comment-id']);
    const mine = ours(16);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.user.login, 'shipgate-app[bot]');
    assert.match(mine[0]?.body ?? '', /WARN/);
  });

  test('a comment that merely contains the marker, written by someone else, is left alone', async () => {
    const planted = api.seedComment(8, `${MARKER}\nplease merge`, 'mallory');
    const res = await run(prEvent(8), { verdict: 'pass', artifact: 'false' });
    assert.equal(res.main.exitCode, 0);
    const all = api.comments(8);
    const theirs = all.find((c) => c.id === planted);
    assert.equal(theirs?.body, `${MARKER}\nplease merge`, "mallory's comment is untouched");
    assert.equal(theirs?.user.login, 'mallory');
    const mine = all.filter((c) => c.user.login === 'github-actions[bot]');
    assert.equal(mine.length, 1);
    assert.notEqual(mine[0]?.id, planted);
  });

  test('a check run on the PR head SHA carries 120 annotations sent in three batches', async () => {
    const res = await run(prEvent(9), { verdict: 'fail', findings: '120', comment: 'false', artifact: 'false' });
    assert.equal(res.main.exitCode, 1);
    const check = api.checkRuns().find((c) => c.id === Number(res.outputs['check-run-id']));
    assert.ok(check, 'check run exists');
    assert.equal(check.head_sha, sha(9), 'on the head SHA, not the merge commit');
    assert.notEqual(check.head_sha, prEvent(9).env.GITHUB_SHA);
    assert.equal(check.name, 'shipgate/perf-gate (e2e-fixture)');
    assert.equal(check.status, 'completed');
    assert.equal(check.conclusion, 'failure');
    assert.equal(check.annotations.length, 120);
    assert.deepEqual(check.annotations.map((a) => a.start_line), Array.from({ length: 120 }, (_, i) => i + 1));
    assert.ok(check.annotations.every((a) => a.path === 'readiness.yml' && a.annotation_level === 'failure'));
    const updates = api.requests.filter((r) => r.method === 'PATCH' && r.path === `/repos/${OWNER}/${REPO}/check-runs/${check.id}`);
    const batchSizes = updates.map((r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length);
    assert.deepEqual(batchSizes, [50, 50, 20]);
    const creates = api.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${OWNER}/${REPO}/check-runs` && r.status === 201);
    assert.ok(creates.some((r) => (r.body as { status?: string }).status === 'in_progress'), 'created in_progress first');
  });

  test('job summary and outputs', async () => {
    const res = await run(prEvent(10), { verdict: 'warn', findings: '2', 'artifact-name': 'outputs-run' });
    assert.equal(res.main.exitCode, 0, 'warn does not fail the step by default');
    assert.equal(res.outputs.verdict, 'warn');
    assert.equal(res.outputs.summary, 'fixture verdict warn with 2 findings');
    assert.equal(res.outputs.findings, '2');
    assert.equal(res.outputs['report-path'], path.join('shipgate-report', 'perf-gate', 'report.json'));
    const report = JSON.parse(await readFile(path.join(res.workspace, res.outputs['report-path'] ?? ''), 'utf8')) as { verdict: string; git: { headSha: string } };
    assert.equal(report.verdict, 'warn');
    assert.equal(report.git.headSha, sha(10));
    assert.match(res.summary, /WARN/);
    assert.match(res.summary, /Item 2/);
    assert.ok(res.outputs['artifact-id'], 'artifact id output');
  });

  test('the report artifact downloads back byte-identical', async () => {
    const res = await run(prEvent(11), { verdict: 'pass', 'artifact-name': 'bytes check/1', untrusted: 'a|b <script>' });
    const id = res.outputs['artifact-id'];
    assert.ok(id);
    const art = results.artifacts.find((a) => a.id === Number(id));
    assert.equal(art?.name, 'bytes-check-1', 'name sanitised');
    const dest = await mkdtemp(path.join(os.tmpdir(), 'sg-dl-'));
    temps.push(dest);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...results.env(), GITHUB_WORKSPACE: dest, RUNNER_TEMP: dest };
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'test/e2e/servers/toolkit-client.mjs'), JSON.stringify({ op: 'download', id: Number(id), path: dest })], { env, cwd: repoRoot });
    assert.match(stdout, /RESULT /);
    const reportDir = path.join(res.workspace, 'shipgate-report', 'perf-gate');
    const files = (await readdir(reportDir)).sort();
    assert.deepEqual(files, ['junit.xml', 'report.html', 'report.json', 'report.md']);
    assert.deepEqual((await readdir(dest)).sort(), files);
    for (const f of files) assert.ok((await readFile(path.join(dest, f))).equals(await readFile(path.join(reportDir, f))), `${f} identical`);
  });

  test('a baseline saved on a push to the default branch is restored by a later pull request', async () => {
    const push = pushEvent({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', sha: sha(500), before: sha(499), defaultBranch: 'main' });
    const saved = await run(push, { measure: '12.5', 'baseline-store': 'cache', 'artifact-name': 'baseline-push' });
    assert.equal(saved.main.exitCode, 0, saved.main.stdout + saved.main.stderr);
    const pushReport = JSON.parse(await readFile(path.join(saved.workspace, saved.outputs['report-path'] ?? ''), 'utf8')) as { details: { baselineSaved?: string } };
    assert.match(pushReport.details.baselineSaved ?? '', /^cache:shipgate-baseline\/perf-gate\/e2e-fixture\/[0-9a-f]{16}\//);
    assert.equal(results.caches.filter((c) => c.finalized && c.key.startsWith('shipgate-baseline/perf-gate/e2e-fixture/')).length, 1);

    const pr = await run(prEvent(12), { measure: '13', 'baseline-store': 'cache', 'artifact-name': 'baseline-pr' });
    assert.equal(pr.main.exitCode, 0);
    assert.equal(pr.outputs['baseline-value'], '12.5', 'the PR sees the default branch baseline');
    assert.equal(results.caches.length, 1, 'pull requests do not save baselines');
  });

  test('with 403 on every write, the step still reports its true verdict and writes the summary', async () => {
    const failing = await run(prEvent(13, true), { verdict: 'fail', findings: '3', artifact: 'false' }, { token: READONLY });
    assert.equal(failing.main.exitCode, 1, 'the fail verdict still fails the step');
    assert.equal(failing.outputs.verdict, 'fail');
    assert.match(failing.summary, /FAIL/);
    assert.match(failing.summary, /fork/, 'the summary says why the comment and check are missing');
    assert.equal(api.comments(13).length, 0);
    assert.ok(failing.annotations.some((a) => a.command === 'error' && a.properties.file === 'readiness.yml'), 'findings fall back to workflow annotations');
    const writes = api.requests.filter((r) => r.token === READONLY && r.method !== 'GET' && r.path !== '/graphql');
    assert.ok(writes.length > 0 && writes.every((r) => r.status === 403));

    const passing = await run(prEvent(13, true), { verdict: 'pass', artifact: 'false' }, { token: READONLY });
    assert.equal(passing.main.exitCode, 0, 'reporting failures never fail a passing gate');
    assert.equal(passing.outputs.verdict, 'pass');
  });

  test('502 twice, then success, is retried', async () => {
    api.inject({ kind: 'status', status: 502, method: 'POST', path: /\/check-runs$/, times: 2 });
    const res = await run(prEvent(14), { verdict: 'pass', comment: 'false', artifact: 'false' });
    assert.equal(res.main.exitCode, 0);
    const posts = api.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${OWNER}/${REPO}/check-runs` && r.body !== undefined);
    assert.deepEqual(posts.slice(-3).map((r) => r.status), [502, 502, 201]);
    const check = api.checkRuns().find((c) => c.id === Number(res.outputs['check-run-id']));
    assert.equal(check?.conclusion, 'success');
    assert.doesNotMatch(res.main.stdout, /::warning::could not create the check run/);
  });

  test('a report larger than every limit is cut to fit and points at the artifact', async () => {
    const res = await run(prEvent(7), { verdict: 'fail', big: 'true', findings: '60', 'artifact-name': 'big-report' });
    assert.equal(res.main.exitCode, 1);
    const artifactUrl = new RegExp(`https://github\\.com/${OWNER}/${REPO}/actions/runs/\\d+/artifacts/${res.outputs['artifact-id'] ?? 'none'}\\b`);
    const comment = ours(7)[0]?.body ?? '';
    assert.ok(comment.length <= 65_536, `comment ${comment.length} chars`);
    assert.match(comment, artifactUrl, 'the comment points at the artifact');
    const check = api.checkRuns().find((c) => c.id === Number(res.outputs['check-run-id']));
    assert.ok(check);
    assert.ok(Buffer.byteLength(check.output.summary ?? '') <= 65_535);
    assert.ok(Buffer.byteLength(check.output.text ?? '') <= 65_535);
    assert.match(`${check.output.summary ?? ''}${check.output.text ?? ''}`, artifactUrl);
    assert.ok(Buffer.byteLength(res.summary) <= 1_048_576, `summary ${Buffer.byteLength(res.summary)} bytes`);
    const full = await readFile(path.join(res.workspace, 'shipgate-report', 'perf-gate', 'report.md'), 'utf8');
    assert.ok(full.length > 1_048_576, 'the artifact keeps the whole report');
  });

  test('cancellation mid-run kills the child processes and the post step runs', async () => {
    const script = 'sleep 300 & echo $! > bg.pid; (sleep 300; true) & echo $! > sub.pid; echo $$ > sh.pid; echo started > started; wait';
    const res = await run(prEvent(8), { verdict: 'pass', command: script, comment: 'false', artifact: 'false' }, { cancelAfterMs: 4000 });
    assert.ok(existsSync(path.join(res.workspace, 'started')), 'the command was running when cancelled');
    assert.equal(res.main.signalsSent[0]?.signal, 'SIGINT');
    assert.ok(res.main.signalsSent.every((s) => s.signal === 'SIGINT'), `exited within the SIGINT window: ${JSON.stringify(res.main.signalsSent)}`);
    for (const f of ['bg.pid', 'sub.pid', 'sh.pid']) {
      const pid = (await readFile(path.join(res.workspace, f), 'utf8')).trim();
      assert.equal(existsSync(`/proc/${pid}`) && !(await readFile(`/proc/${pid}/stat`, 'utf8')).includes(') Z '), false, `${f} (${pid}) is gone`);
    }
    assert.ok(res.post, 'post ran');
    assert.equal(res.post.exitCode, 0);
    assert.match(await readFile(path.join(res.workspace, 'fixture-post-ran'), 'utf8'), /^post/);
    const check = api.checkRuns().find((c) => c.id === Number(res.outputs['check-run-id']));
    assert.equal(check?.conclusion, 'cancelled');
  });

  test('a main step killed before it could report leaves no pending check: post closes it as cancelled', async () => {
    const res = await run(
      prEvent(9),
      { verdict: 'pass', command: 'echo started > started; sleep 300', comment: 'false', artifact: 'false', name: 'killed' },
      { cancelAfterMs: 4000, cancelTimings: { sigtermAfterMs: 20, killAfterMs: 20 } },
    );
    assert.ok(existsSync(path.join(res.workspace, 'started')));
    assert.equal(res.main.signal, 'SIGKILL', 'main was killed');
    assert.equal(res.post?.exitCode, 0);
    const check = api.checkRuns().find((c) => c.name === 'shipgate/perf-gate (killed)');
    assert.equal(check?.status, 'completed');
    assert.equal(check?.conclusion, 'cancelled');
    assert.equal(check?.output.title, 'cancelled');
  });

  test('every request the GitHub server received was valid against the OpenAPI subset', () => {
    assert.ok(api.requests.length > 50, `${api.requests.length} requests`);
    assert.deepEqual(
      api.invalidRequests().map((r) => `${r.method} ${r.path}: ${r.errors.join('; ')}`),
      [],
    );
    assert.deepEqual(api.requests.filter((r) => r.responseErrors?.length).map((r) => `${r.method} ${r.path}: ${(r.responseErrors ?? []).join('; ')}`), []);
  });
});
