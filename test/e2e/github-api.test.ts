import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import { GitHubApiServer } from './servers/github-api.js';
import { subsetValidator, validateRequest, validateResponse } from './servers/openapi-validator.js';

const BOT = 'bot-token';
const PAT = 'pat-token';
const FORK = 'fork-token';
const repo = { owner: 'acme', repo: 'widgets' };
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

async function startServer(): Promise<GitHubApiServer> {
  const server = await GitHubApiServer.start();
  server.addToken(BOT, { kind: 'installation' });
  server.addToken(PAT, { kind: 'user', login: 'alice' });
  server.addToken(FORK, { kind: 'installation', permissions: 'read' });
  server.addPullRequest({ number: 7, headSha: HEAD, baseSha: BASE, headRef: 'feat', files: ['src/a.ts', 'docs/b.md'] });
  return server;
}

async function httpStatus(promise: Promise<unknown>): Promise<{ status: number; message: string; data: unknown }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RequestError) return { status: err.status, message: err.message, data: err.response?.data };
    throw err;
  }
  assert.fail('expected the request to fail');
}

function annotations(count: number, offset = 0): { path: string; start_line: number; end_line: number; annotation_level: 'warning'; message: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/file-${offset + i}.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning' as const,
    message: `finding ${offset + i}`,
  }));
}

void describe('openapi-subset generator', () => {
  void test('regenerating gives the committed file byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-subset-'));
    try {
      const script = fileURLToPath(new URL('../../scripts/gen-openapi-subset.mjs', import.meta.url));
      const out = join(dir, 'subset.json');
      await promisify(execFile)(process.execPath, [script, out]);
      const committed = await readFile(new URL('./servers/openapi-subset.json', import.meta.url));
      assert.ok((await readFile(out)).equals(committed), 'committed openapi-subset.json is stale; run npm run gen:openapi');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  void test('the subset holds exactly the implemented operations', () => {
    assert.equal(subsetValidator().operationIds().length, 20);
    assert.ok(subsetValidator().operationIds().includes('actions/download-artifact'));
    assert.ok(subsetValidator().operationIds().includes('checks/list-annotations'));
  });
});

void describe('openapi-validator', () => {
  void test('coerces query and path parameters and fills documented defaults', () => {
    const v = validateRequest({ method: 'GET', path: '/repos/acme/widgets/issues/3/comments', query: { per_page: '5' }, body: undefined });
    assert.equal(v?.operationId, 'issues/list-comments');
    assert.deepEqual(v?.errors, []);
    assert.deepEqual(v?.params, { owner: 'acme', repo: 'widgets', issue_number: 3, per_page: 5, page: 1 });
  });

  void test('reports bad parameters, enum violations and unknown operations', () => {
    const bad = validateRequest({ method: 'GET', path: '/repos/acme/widgets/commits/main/check-runs', query: { status: 'done', page: 'x' }, body: undefined });
    assert.equal(bad?.operationId, 'checks/list-for-ref');
    assert.equal(bad?.errors.length, 2);
    assert.ok(bad?.errors.some((e) => e.startsWith('query/status must be equal to one of the allowed values')));
    assert.equal(validateRequest({ method: 'GET', path: '/repos/acme/widgets/releases', query: {}, body: undefined }), undefined);
    assert.equal(validateRequest({ method: 'PUT', path: '/repos/acme/widgets/issues/comments/1', query: {}, body: {} }), undefined);
  });

  void test('multi-segment path parameters keep their slashes', () => {
    const v = validateRequest({ method: 'GET', path: '/repos/acme/widgets/contents/dir%2Fsub/file.txt', query: {}, body: undefined });
    assert.equal(v?.params.path, 'dir/sub/file.txt');
  });

  void test('response validation catches a malformed body and skips undocumented statuses', () => {
    assert.ok((validateResponse('issues/get-comment', 200, { id: 'x' }) ?? []).length > 0);
    assert.equal(validateResponse('issues/get-comment', 418, {}), undefined);
  });
});

void describe('GitHubApiServer', () => {
  let server: GitHubApiServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  void test('comment CRUD and Link-header pagination', async () => {
    const gh = getOctokit(BOT, { baseUrl: server.url });
    const seeded = server.seedComment(42, 'from a human', 'bob');
    const created: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { data, status, headers } = await gh.rest.issues.createComment({ ...repo, issue_number: 42, body: `comment ${i}` });
      assert.equal(status, 201);
      assert.equal(data.user?.login, 'github-actions[bot]');
      assert.equal(data.user?.type, 'Bot');
      assert.equal(data.user?.id, 41898282);
      assert.equal(headers.location, data.url);
      assert.match(data.html_url, /^https:\/\/github\.com\/acme\/widgets\/issues\/42#issuecomment-\d+$/);
      assert.deepEqual(validateResponse('issues/create-comment', status, data), []);
      created.push(data.id);
    }

    const first = await gh.rest.issues.listComments({ ...repo, issue_number: 42, per_page: 2 });
    assert.deepEqual(first.data.map((c) => c.body), ['from a human', 'comment 0']);
    assert.equal(first.data[0]?.user?.type, 'User');
    const link = first.headers.link ?? '';
    assert.match(link, new RegExp(`<${server.url}/repos/acme/widgets/issues/42/comments\\?per_page=2&page=2>; rel="next"`));
    assert.match(link, /[?&]page=3>; rel="last"/);
    const last = await gh.rest.issues.listComments({ ...repo, issue_number: 42, per_page: 2, page: 3 });
    assert.match(last.headers.link ?? '', /page=2>; rel="prev".*page=1>; rel="first"/);
    assert.doesNotMatch(last.headers.link ?? '', /rel="next"/);

    const all = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: 42, per_page: 2 });
    assert.deepEqual(all.map((c) => c.id), [seeded, ...created]);

    const updated = await gh.rest.issues.updateComment({ ...repo, comment_id: created[0] ?? 0, body: 'edited' });
    assert.equal(updated.data.body, 'edited');
    const fetched = await gh.rest.issues.getComment({ ...repo, comment_id: created[0] ?? 0 });
    assert.equal(fetched.data.body, 'edited');
    const deleted = await gh.rest.issues.deleteComment({ ...repo, comment_id: created[1] ?? 0 });
    assert.equal(deleted.status, 204);
    assert.equal((await httpStatus(gh.rest.issues.getComment({ ...repo, comment_id: created[1] ?? 0 }))).status, 404);

    const state = server.comments(42);
    assert.deepEqual(state.map((c) => c.body), ['from a human', 'edited', 'comment 2', 'comment 3']);
    assert.deepEqual(state[0]?.user, { login: 'bob', type: 'User' });
    assert.deepEqual(server.comments(41), []);
  });

  void test('check run: 120 annotations over three PATCHes accumulate', async () => {
    const gh = getOctokit(BOT, { baseUrl: server.url });
    const created = await gh.rest.checks.create({
      ...repo,
      name: 'perf-gate',
      head_sha: HEAD,
      status: 'in_progress',
      output: { title: 'Running', summary: 'started' },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(validateResponse('checks/create', 201, created.data), []);
    const id = created.data.id;
    for (const [count, offset] of [[50, 0], [50, 50], [20, 100]] as const) {
      const res = await gh.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: { title: 'Running', summary: `batch at ${offset}`, annotations: annotations(count, offset) },
      });
      assert.equal(res.data.output.annotations_count, offset + count);
    }
    const done = await gh.rest.checks.update({ ...repo, check_run_id: id, conclusion: 'failure', output: { title: 'Done', summary: 'regressions' } });
    assert.equal(done.data.status, 'completed');
    assert.equal(done.data.conclusion, 'failure');
    assert.ok(done.data.completed_at);

    const listed = await gh.paginate(gh.rest.checks.listAnnotations, { ...repo, check_run_id: id, per_page: 100 });
    assert.equal(listed.length, 120);
    assert.deepEqual(listed.map((a) => a.message), annotations(120).map((a) => a.message));
    assert.equal(listed[0]?.blob_href, `https://github.com/acme/widgets/blob/${HEAD}/src/file-0.ts`);

    const got = await gh.rest.checks.get({ ...repo, check_run_id: id });
    assert.deepEqual(validateResponse('checks/get', 200, got.data), []);
    assert.equal(got.data.output.title, 'Done');
    assert.equal(got.data.pull_requests[0]?.number, 7);
    const forRef = await gh.rest.checks.listForRef({ ...repo, ref: 'feat', check_name: 'perf-gate' });
    assert.deepEqual(forRef.data.check_runs.map((r) => r.id), [id]);

    const run = server.checkRuns().find((r) => r.id === id);
    assert.equal(run?.annotations.length, 120);
    assert.equal(run?.updates, 4);
    assert.deepEqual(run?.output, { title: 'Done', summary: 'regressions', text: null });
  });

  void test('GitHub rules the schema lacks answer 422 Validation Failed', async () => {
    const gh = getOctokit(BOT, { baseUrl: server.url });
    const { data } = await gh.rest.checks.create({ ...repo, name: 'limits', head_sha: HEAD });
    const before = server.checkRuns().find((r) => r.id === data.id);

    const tooMany = await httpStatus(
      gh.rest.checks.update({ ...repo, check_run_id: data.id, output: { title: 't', summary: 's', annotations: annotations(51) } }),
    );
    assert.equal(tooMany.status, 422);

    const noConclusion = await httpStatus(gh.rest.checks.create({ ...repo, name: 'x', head_sha: HEAD, status: 'completed' }));
    assert.equal(noConclusion.status, 422);
    assert.deepEqual((noConclusion.data as { errors: unknown[] }).errors, [{ resource: 'CheckRun', code: 'missing_field', field: 'conclusion' }]);

    // 40k two-byte characters: within the schema's 65535-character limit, over GitHub's 65535-byte limit.
    const longSummary = await httpStatus(
      gh.rest.checks.update({ ...repo, check_run_id: data.id, output: { title: 't', summary: 'é'.repeat(40_000) } }),
    );
    assert.equal(longSummary.status, 422);
    assert.match(JSON.stringify(longSummary.data), /output\.summary/);
    assert.equal((await gh.rest.checks.update({ ...repo, check_run_id: data.id, output: { title: 't', summary: 'é'.repeat(30_000) } })).status, 200);

    const longComment = await httpStatus(gh.rest.issues.createComment({ ...repo, issue_number: 5, body: 'x'.repeat(65_537) }));
    assert.equal(longComment.status, 422);
    assert.equal((longComment.data as { message: string }).message, 'Validation Failed');
    assert.equal((await gh.rest.issues.createComment({ ...repo, issue_number: 5, body: 'x'.repeat(65_536) })).status, 201);

    const after = server.checkRuns().find((r) => r.id === data.id);
    assert.equal(before?.annotations.length, 0);
    assert.equal(after?.annotations.length, 0);
    assert.equal(after?.updates, 1);
  });

  void test('a body that violates the schema answers 422 and is recorded invalid', async () => {
    const gh = getOctokit(BOT, { baseUrl: server.url });
    const mark = server.invalidRequests().length;
    const res = await httpStatus(gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: 5, body: 123 as unknown as string }));
    assert.equal(res.status, 422);
    assert.match(res.message, /Invalid request/);
    const invalid = server.invalidRequests().slice(mark);
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0]?.operationId, 'issues/create-comment');
    assert.deepEqual(invalid[0]?.errors, ['body/body must be string']);
    assert.equal(invalid[0]?.status, 422);
  });

  void test('an unknown operation answers 404 and is recorded invalid', async () => {
    const gh = getOctokit(BOT, { baseUrl: server.url });
    const res = await httpStatus(gh.request('GET /repos/{owner}/{repo}/releases', repo));
    assert.equal(res.status, 404);
    assert.deepEqual(server.invalidRequests().at(-1)?.errors, ['no such operation']);
    assert.equal(server.invalidRequests().at(-1)?.path, '/repos/acme/widgets/releases');
  });

  void test('401 on unknown or missing token', async () => {
    const res = await httpStatus(getOctokit('nope', { baseUrl: server.url }).rest.repos.get(repo));
    assert.equal(res.status, 401);
    assert.equal((res.data as { message: string }).message, 'Bad credentials');
    const anonymous = await fetch(`${server.url}/repos/acme/widgets`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.ok(anonymous.headers.get('x-github-request-id'));
    assert.ok(anonymous.headers.get('x-ratelimit-remaining'));
  });

  void test('read-only token: reads succeed, writes answer 403', async () => {
    const gh = getOctokit(FORK, { baseUrl: server.url });
    assert.equal((await gh.rest.pulls.get({ ...repo, pull_number: 7 })).status, 200);
    const denied = await httpStatus(gh.rest.issues.createComment({ ...repo, issue_number: 7, body: 'hi' }));
    assert.equal(denied.status, 403);
    assert.equal((denied.data as { message: string }).message, 'Resource not accessible by integration');
    assert.equal((await httpStatus(gh.rest.checks.create({ ...repo, name: 'n', head_sha: HEAD }))).status, 403);
    assert.deepEqual(server.comments(7), []);
  });

  void test("installation token's GET /user answers 403; a PAT gets its user", async () => {
    const res = await httpStatus(getOctokit(BOT, { baseUrl: server.url }).rest.users.getAuthenticated());
    assert.equal(res.status, 403);
    assert.equal((res.data as { message: string }).message, 'Resource not accessible by integration');
    const me = await getOctokit(PAT, { baseUrl: server.url }).rest.users.getAuthenticated();
    assert.equal(me.data.login, 'alice');
    assert.equal(me.data.type, 'User');
    assert.deepEqual(validateResponse('users/get-authenticated', 200, me.data), []);
  });

  void test('a PAT cannot write check runs', async () => {
    const res = await httpStatus(getOctokit(PAT, { baseUrl: server.url }).rest.checks.create({ ...repo, name: 'n', head_sha: HEAD }));
    assert.equal(res.status, 403);
  });
});

void describe('GitHubApiServer valid flow', () => {
  let server: GitHubApiServer;
  before(async () => {
    server = await startServer();
    server.setFile('config/gate.yml', 'threshold: 5\n');
    server.addArtifact(99, 'report', 1234);
    server.addTeamMember('acme', 'gpu', 'alice', 'maintainer');
  });
  after(async () => {
    await server.stop();
  });

  void test('every operation once: all requests valid, all answers match the documented schemas', async () => {
    const bot = getOctokit(BOT, { baseUrl: server.url });
    const pat = getOctokit(PAT, { baseUrl: server.url });
    await pat.rest.users.getAuthenticated();
    const repoData = (await bot.rest.repos.get(repo)).data;
    assert.equal(repoData.full_name, 'acme/widgets');
    assert.deepEqual(validateResponse('repos/get', 200, repoData), []);

    const content = await bot.rest.repos.getContent({ ...repo, path: 'config/gate.yml', ref: 'main' });
    assert.ok(!Array.isArray(content.data) && content.data.type === 'file');
    assert.equal(Buffer.from(content.data.content ?? '', 'base64').toString(), 'threshold: 5\n');
    const dir = await bot.rest.repos.getContent({ ...repo, path: 'config' });
    assert.ok(Array.isArray(dir.data) && dir.data[0]?.name === 'gate.yml');
    assert.equal((await httpStatus(bot.rest.repos.getContent({ ...repo, path: 'missing.txt' }))).status, 404);

    const comment = await bot.rest.issues.createComment({ ...repo, issue_number: 7, body: 'report' });
    await bot.rest.issues.getComment({ ...repo, comment_id: comment.data.id });
    await bot.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: 'report v2' });
    await bot.rest.issues.listComments({ ...repo, issue_number: 7 });
    await bot.rest.issues.deleteComment({ ...repo, comment_id: comment.data.id });

    const run = await bot.rest.checks.create({ ...repo, name: 'gate', head_sha: HEAD, output: { title: 'T', summary: 'S', annotations: annotations(2) } });
    await bot.rest.checks.update({ ...repo, check_run_id: run.data.id, status: 'completed', conclusion: 'success' });
    await bot.rest.checks.get({ ...repo, check_run_id: run.data.id });
    await bot.rest.checks.listAnnotations({ ...repo, check_run_id: run.data.id });
    await bot.rest.checks.listForRef({ ...repo, ref: HEAD, status: 'completed' });

    const pr = await bot.rest.pulls.get({ ...repo, pull_number: 7 });
    assert.equal(pr.data.head.sha, HEAD);
    assert.equal(pr.data.base.sha, BASE);
    assert.equal(pr.data.head.ref, 'feat');
    assert.deepEqual(validateResponse('pulls/get', 200, pr.data), []);
    const files = await bot.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    assert.deepEqual(files.data.map((f) => f.filename), ['src/a.ts', 'docs/b.md']);
    const review = await pat.rest.pulls.createReview({ ...repo, pull_number: 7, event: 'APPROVE' });
    assert.equal(review.data.state, 'APPROVED');
    const reviews = await bot.rest.pulls.listReviews({ ...repo, pull_number: 7 });
    assert.deepEqual(reviews.data.map((r) => [r.user?.login, r.state]), [['alice', 'APPROVED']]);

    const membership = await pat.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'gpu', username: 'alice' });
    assert.equal(membership.data.role, 'maintainer');
    const artifacts = await bot.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: 99 });
    assert.deepEqual(artifacts.data.artifacts.map((a) => [a.name, a.size_in_bytes]), [['report', 1234]]);

    assert.deepEqual(server.invalidRequests(), []);
    const operations = new Set(server.requests.map((r) => r.operationId));
    assert.equal(operations.size, 19);
    for (const r of server.requests.filter((x) => x.status < 300)) {
      assert.deepEqual(r.responseErrors ?? [], [], `${r.method} ${r.path}`);
    }
    const checked = server.requests.filter((r) => r.responseErrors !== undefined).length;
    assert.ok(checked >= 15, `only ${checked} answers had a documented schema`);
  });
});

void describe('GitHubApiServer faults', () => {
  let server: GitHubApiServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  void test('502 twice is retried by plugin-retry', async () => {
    server.inject({ kind: 'status', status: 502, method: 'GET', path: /\/pulls\/7$/, times: 2 });
    const gh = getOctokit(BOT, { baseUrl: server.url, retry: { retryAfterBaseValue: 5 } }, retry);
    const mark = server.requests.length;
    const res = await gh.rest.pulls.get({ ...repo, pull_number: 7 });
    assert.equal(res.status, 200);
    assert.deepEqual(server.requests.slice(mark).map((r) => r.status), [502, 502, 200]);
  });

  void test('without a retrying client the fault surfaces; faults are consumed in order', async () => {
    server.inject({ kind: 'status', status: 500, path: /\/repos\/acme\/widgets$/ });
    server.inject({ kind: 'forbidden-integration', path: /\/repos\/acme\/widgets$/ });
    const gh = getOctokit(BOT, { baseUrl: server.url });
    assert.equal((await httpStatus(gh.rest.repos.get(repo))).status, 500);
    assert.equal((await httpStatus(gh.rest.repos.get(repo))).status, 403);
    assert.equal((await gh.rest.repos.get(repo)).status, 200);
    server.inject({ kind: 'status', status: 503, times: Infinity });
    assert.equal((await httpStatus(gh.rest.repos.get(repo))).status, 503);
    assert.equal((await httpStatus(gh.rest.pulls.get({ ...repo, pull_number: 7 }))).status, 503);
    server.clearFaults();
    assert.equal((await gh.rest.repos.get(repo)).status, 200);
  });

  void test('a secondary rate limit with retry-after 1 is waited out by plugin-throttling', async () => {
    server.inject({ kind: 'secondary-rate-limit', retryAfterSeconds: 1, path: /\/check-runs$/ });
    const seen: number[] = [];
    const gh = getOctokit(
      BOT,
      {
        baseUrl: server.url,
        throttle: {
          onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
            seen.push(retryAfter);
            return retryCount === 0;
          },
          onRateLimit: () => false,
        },
      },
      throttling,
    );
    const mark = server.requests.length;
    const started = Date.now();
    const res = await gh.rest.checks.listForRef({ ...repo, ref: HEAD });
    assert.equal(res.status, 200);
    assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms`);
    assert.deepEqual(seen, [1]);
    const statuses = server.requests.slice(mark).map((r) => r.status);
    assert.deepEqual(statuses, [403, 200]);
  });

  void test('a primary rate limit reports its reset time to plugin-throttling', async () => {
    server.inject({ kind: 'rate-limit', retryAfterSeconds: 2, status: 429 });
    const seen: number[] = [];
    const gh = getOctokit(
      BOT,
      {
        baseUrl: server.url,
        throttle: {
          retryAfterBaseValue: 10,
          onSecondaryRateLimit: () => false,
          onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
            seen.push(retryAfter);
            return retryCount === 0;
          },
        },
      },
      throttling,
    );
    const res = await gh.rest.repos.get(repo);
    assert.equal(res.status, 200);
    assert.equal(seen.length, 1);
    assert.ok((seen[0] ?? 0) >= 2 && (seen[0] ?? 0) <= 4, `retryAfter ${seen[0]}`);
  });
});
