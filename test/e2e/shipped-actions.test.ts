/** The shipped action.yml files, run from dist/ as the runner runs them. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { GitHubApiServer } from './servers/github-api.js';

const TOKEN = 'ghs_shipped000000000000000000000000000000';
let api: GitHubApiServer;
const temps: string[] = [];
const event = pullRequestEvent({ owner: 'acme', repo: 'widgets', number: 3, headSha: 'c'.repeat(40), baseSha: 'd'.repeat(40), headRef: 'f', baseRef: 'main' });

async function runShipped(actionDir: string, inputs: Record<string, string>) {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'sg-shipped-'));
  temps.push(workspace);
  return runAction({ actionDir, workspace, inputs, event, token: TOKEN, env: { GITHUB_API_URL: api.url }, timeoutMs: 60_000 });
}

describe('shipped actions', () => {
  before(async () => {
    api = await GitHubApiServer.start({ owner: 'acme', repo: 'widgets' });
    api.addToken(TOKEN, { kind: 'installation' });
    api.addPullRequest({ number: 3, headSha: 'c'.repeat(40), baseSha: 'd'.repeat(40) });
  });
  after(async () => {
    await api.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  // Each gate, run with no gate-specific inputs: the platform around it reports the gate's own error.
  const expected: Record<string, RegExp> = {
    'perf-gate': /perf-gate needs results/,
    'chaos-run': /x\.yml: cannot read the experiment/,
    'model-validate': /model-validate needs \\?`predictions/,
    'readiness-checklist': /readiness\.yml/,
  };
  for (const [gate, message] of Object.entries(expected)) {
    test(`${gate}: runs on node24 from dist/ and reports through the sinks`, async () => {
      const res = await runShipped(path.join(repoRoot, 'actions', gate), { artifact: 'false', name: `shipped-${gate}`, experiment: 'x.yml' });
      assert.equal(res.outputs.verdict, 'error', res.main.stdout + res.main.stderr);
      assert.equal(res.main.exitCode, 1);
      assert.ok(res.outputs['report-path']);
      assert.match(res.summary, message);
      const check = api.checkRuns().find((c) => c.name === `shipgate/${gate} (shipped-${gate})`);
      assert.equal(check?.conclusion, 'failure');
      assert.equal(check?.head_sha, 'c'.repeat(40));
      assert.equal(res.post?.exitCode, 0, 'every gate has a post step; with main finished it has nothing to close');
    });
  }

  test('root action: `gate` selects the gate; an unknown gate fails with a clear message', async () => {
    const ok = await runShipped(repoRoot, { gate: 'model-validate', artifact: 'false', comment: 'false', 'check-run': 'false' });
    assert.equal(ok.outputs.verdict, 'error');
    assert.match(ok.summary, /model-validate/);
    const bad = await runShipped(repoRoot, { gate: 'nope', artifact: 'false' });
    assert.equal(bad.main.exitCode, 1);
    assert.ok(bad.annotations.some((a) => a.command === 'error' && /`gate`: "nope" is not a shipgate gate/.test(a.message)));
  });

  test('requests were valid against the OpenAPI subset', () => {
    assert.deepEqual(api.invalidRequests().map((r) => `${r.method} ${r.path}: ${r.errors.join('; ')}`), []);
  });
});
