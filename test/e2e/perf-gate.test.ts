/**
 * perf-gate end to end: the shipped action runs a real suite (hyperfine timing a script) as the runner runs it,
 * against the loopback GitHub API and the Actions results service (baselines in the cache).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent, pushEvent, type EventFixture } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { Azurite } from './servers/azurite.js';
import { GitHubApiServer } from './servers/github-api.js';
import { ResultsService } from './servers/results-service.js';

const OWNER = 'acme';
const REPO = 'widgets';
const TOKEN = 'ghs_perfgate0000000000000000000000000000';
const sha = (n: number) => n.toString(16).padStart(40, 'b');
const hasHyperfine = (() => {
  try {
    execFileSync('hyperfine', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = hasHyperfine ? false : 'hyperfine is not installed (Debian package hyperfine; .ci/run installs it)';

let api: GitHubApiServer;
let azurite: Azurite;
let results: ResultsService;
const temps: string[] = [];

// Time a script with hyperfine: the benchmark's identity is the command, so the script's content can change.
const SUITE = "hyperfine --shell=none --runs 10 --warmup 1 --export-json results.json 'bash bench.sh'";
// A wide threshold (50%): the slowdowns are 150% and more, and load from parallel tests must never pass for one.
const CONFIG = 'threshold: 0.5\nonInconclusive: warn\n';

async function workspaceWith(sleep: string): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-perf-'));
  temps.push(ws);
  await writeFile(path.join(ws, 'bench.sh'), `sleep ${sleep}\n`);
  await writeFile(path.join(ws, 'perf.yml'), CONFIG);
  return ws;
}

function prEvent(n: number): EventFixture {
  return pullRequestEvent({ owner: OWNER, repo: REPO, number: n, headSha: sha(n), baseSha: sha(900 + n), headRef: `f${n}`, baseRef: 'main' });
}

async function perfGate(workspace: string, event: EventFixture, inputs: Record<string, string>) {
  return runAction({
    actionDir: path.join(repoRoot, 'actions', 'perf-gate'),
    workspace,
    event,
    token: TOKEN,
    inputs: { run: SUITE, current: 'results.json', config: 'perf.yml', 'baseline-store': 'cache', name: 'e2e', artifact: 'false', ...inputs },
    env: { GITHUB_API_URL: api.url, ...results.env() },
    timeoutMs: 120_000,
  });
}

describe('perf-gate end to end', { skip, concurrency: false }, () => {
  before(async () => {
    [api, azurite] = await Promise.all([GitHubApiServer.start({ owner: OWNER, repo: REPO }), Azurite.start()]);
    results = await ResultsService.start({ azurite });
    api.addToken(TOKEN, { kind: 'installation' });
    for (const n of [1, 2, 3]) api.addPullRequest({ number: n, headSha: sha(n), baseSha: sha(900 + n) });
  });
  after(async () => {
    await results?.stop();
    await azurite?.stop();
    await api?.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  test('a push to the default branch saves the baseline', async () => {
    // 200 ms of sleep: bash's start-up (tens of ms, more on a loaded machine) is small beside it, so an unchanged
    // PR stays well inside the 50% threshold and a slowed one well beyond it.
    const ws = await workspaceWith('0.2');
    const push = pushEvent({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', sha: sha(100), before: sha(99), defaultBranch: 'main' });
    const res = await perfGate(ws, push, {});
    assert.equal(res.main.exitCode, 0, res.main.stdout + res.main.stderr);
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as { details: { baselineSaved?: string; results: { verdict: string }[] } };
    assert.match(report.details.baselineSaved ?? '', /^cache:shipgate-baseline\/perf-gate\/e2e\//);
    assert.deepEqual(report.details.results.map((r) => r.verdict), ['new']);
  });

  test('a PR that slows the benchmark fails the check, with the regression in the comment', async () => {
    // 500 ms against 200 ms of sleep: with bash's own start-up on both sides, the measured slowdown stays above 80%
    // unless start-up passes 175 ms.
    const ws = await workspaceWith('0.5');
    const res = await perfGate(ws, prEvent(1), {});
    assert.equal(res.main.exitCode, 1, res.main.stdout);
    assert.equal(res.outputs.verdict, 'fail');
    assert.equal(res.outputs.regressions, '1');
    const comment = api.comments(1).find((c) => c.body.includes('shipgate:perf-gate:e2e'));
    assert.ok(comment);
    assert.match(comment.body, /### Regressions \\\(1\\\)/);
    assert.match(comment.body, /\| bash bench\.sh \| time \|[^\n]*\| regression \|/);
    assert.match(comment.body, /bash bench\.sh/);
    const check = api.checkRuns().find((c) => c.head_sha === sha(1));
    assert.equal(check?.name, 'shipgate/perf-gate (e2e)');
    assert.equal(check?.conclusion, 'failure');
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as {
      details: { results: { benchmark: string; verdict: string; change: number; ci: [number, number]; pValue: number; unit: string; direction: string }[] };
    };
    const [r] = report.details.results;
    assert.equal(r?.verdict, 'regression');
    assert.equal(r?.direction, 'lower');
    assert.ok((r?.change ?? 0) > 0.8, `change ${r?.change}`);
    assert.ok((r?.ci[0] ?? 0) > 0.5, 'the CI lies beyond the threshold');
    const csv = await readFile(path.join(ws, 'shipgate-report', 'perf-gate', 'telemetry.csv'), 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /cpu/, 'telemetry of the measured pass is in the artifact');
    assert.match(res.summary, /GPU: not sampled|GPU\S* sampled by one nvidia-smi/);
    assert.match(res.summary, /```mermaid\nxychart-beta/, 'a trend chart of the regressed benchmark');
  });

  test('an unchanged PR passes', async () => {
    const ws = await workspaceWith('0.2');
    const res = await perfGate(ws, prEvent(2), {});
    assert.equal(res.main.exitCode, 0, res.main.stdout);
    assert.equal(res.outputs.verdict, 'pass');
    assert.equal(res.outputs.regressions, '0');
    const check = api.checkRuns().find((c) => c.head_sha === sha(2));
    assert.equal(check?.conclusion, 'success');
  });

  test('confirmation: a slowdown that the re-run does not show is not a failure; one it shows again is', async () => {
    // Three times slower for the first pass (1 warmup + 10 runs), normal afterwards: a one-off disturbance. The
    // threshold is wide (100%) so that load on the test machine cannot pass for a regression in the re-run.
    const ws = await workspaceWith('0.2');
    await writeFile(path.join(ws, 'perf.yml'), 'threshold: 1.0\nonInconclusive: warn\n');
    await writeFile(
      path.join(ws, 'bench.sh'),
      'n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; printf "%s" "$SHIPGATE_CONFIRM_BENCHMARKS" > confirm-env; if [ "$n" -lt 11 ]; then sleep 0.6; else sleep 0.2; fi\n',
    );
    const flaky = await perfGate(ws, prEvent(2), { confirm: 'true' });
    assert.equal(flaky.main.exitCode, 0, flaky.main.stdout);
    assert.equal(flaky.outputs.regressions, '0');
    assert.equal(await readFile(path.join(ws, 'confirm-env'), 'utf8'), 'bash bench.sh', 'the re-run is told which benchmarks to run');
    const report = JSON.parse(await readFile(path.join(ws, flaky.outputs['report-path'] ?? ''), 'utf8')) as { details: { results: { verdict: string; reason?: string }[] } };
    assert.equal(report.details.results[0]?.verdict, 'inconclusive');
    assert.match(report.details.results[0]?.reason ?? '', /^not confirmed/);

    const steady = await workspaceWith('0.6');
    await writeFile(path.join(steady, 'perf.yml'), 'threshold: 1.0\nonInconclusive: warn\n');
    const confirmed = await perfGate(steady, prEvent(2), { confirm: 'true' });
    assert.equal(confirmed.main.exitCode, 1);
    const r2 = JSON.parse(await readFile(path.join(steady, confirmed.outputs['report-path'] ?? ''), 'utf8')) as { details: { results: { verdict: string; reason?: string }[] } };
    assert.equal(r2.details.results[0]?.verdict, 'regression');
    assert.match(r2.details.results[0]?.reason ?? '', /^confirmed by a re-run/);
  });

  test('A/B mode on a two-commit repository finds the commit that slowed', async () => {
    const ws = await workspaceWith('0.02');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: ws, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', 'bench.sh', 'perf.yml');
    git('commit', '-q', '-m', 'fast');
    await writeFile(path.join(ws, 'bench.sh'), 'sleep 0.05\n');
    git('commit', '-q', '-am', 'slow');
    const res = await perfGate(ws, prEvent(3), { 'ab-base-ref': 'HEAD~1', 'baseline-store': 'none', repetitions: '2' });
    assert.equal(res.outputs.verdict, 'fail', res.main.stdout);
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as { details: { ab: { baseSha: string; headSha: string }; results: { verdict: string; nBaseline: number; nCurrent: number }[] } };
    assert.equal(report.details.ab.headSha, execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws }).toString().trim());
    assert.equal(report.details.ab.baseSha, execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: ws }).toString().trim());
    assert.equal(report.details.results[0]?.verdict, 'regression');
    assert.equal(report.details.results[0]?.nBaseline, 20);
    assert.equal(report.details.results[0]?.nCurrent, 20);
    assert.equal(execFileSync('git', ['worktree', 'list'], { cwd: ws }).toString().trim().split('\n').length, 1, 'worktrees removed');
  });

  test('requests were valid against the OpenAPI subset', () => {
    assert.deepEqual(api.invalidRequests().map((r) => `${r.method} ${r.path}: ${r.errors.join('; ')}`), []);
  });
});
