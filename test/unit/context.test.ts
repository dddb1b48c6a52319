import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sanitizeArtifactName } from '../../src/core/artifacts.js';
import { gitInfo, isDefaultBranchPush, runContext } from '../../src/core/github/context.js';
import { checkRunName, commentMarker, conclusionFor, worstVerdict } from '../../src/core/report/model.js';

async function eventFile(payload: object): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-ev-'));
  const f = path.join(dir, 'event.json');
  await writeFile(f, JSON.stringify(payload));
  return f;
}

describe('run context', () => {
  test('a pull_request run attaches checks to the head SHA, not the merge commit', async () => {
    const ctx = runContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: 'merge000',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_RUN_ID: '42',
      GITHUB_EVENT_PATH: await eventFile({
        pull_request: { number: 7, head: { sha: 'head111', repo: { full_name: 'acme/widgets' } }, base: { ref: 'main', repo: { full_name: 'acme/widgets' } } },
        repository: { default_branch: 'main', full_name: 'acme/widgets' },
      }),
    });
    assert.equal(ctx.checkSha, 'head111');
    assert.equal(ctx.pullRequest, 7);
    assert.equal(ctx.fork, false);
    assert.equal(ctx.runUrl, 'https://github.com/acme/widgets/actions/runs/42');
    assert.equal(gitInfo(ctx).headSha, 'head111');
    assert.equal(isDefaultBranchPush(ctx), false);
  });
  test('a fork PR is recognised', async () => {
    const ctx = runContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: await eventFile({ pull_request: { number: 1, head: { sha: 'h', repo: { full_name: 'mallory/widgets' } }, base: { repo: { full_name: 'acme/widgets' } } } }),
    });
    assert.equal(ctx.fork, true);
  });
  test('push to the default branch saves baselines; other branches do not', async () => {
    const ev = await eventFile({ repository: { default_branch: 'main' } });
    assert.equal(isDefaultBranchPush(runContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: ev })), true);
    assert.equal(isDefaultBranchPush(runContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature', GITHUB_EVENT_PATH: ev })), false);
    assert.equal(isDefaultBranchPush(runContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' })), false);
  });
});

describe('report model helpers', () => {
  test('verdict precedence', () => {
    assert.equal(worstVerdict('pass', 'warn'), 'warn');
    assert.equal(worstVerdict('fail', 'inconclusive', 'warn'), 'fail');
    assert.equal(worstVerdict('error', 'fail'), 'error');
    assert.equal(worstVerdict(), 'pass');
  });
  test('conclusions: only fail and error block a required check', () => {
    assert.deepEqual(
      (['pass', 'warn', 'fail', 'inconclusive', 'error'] as const).map(conclusionFor),
      ['success', 'neutral', 'failure', 'neutral', 'failure'],
    );
  });
  test('names and markers', () => {
    assert.equal(checkRunName('perf-gate', 'inference'), 'shipgate/perf-gate (inference)');
    assert.equal(commentMarker('perf-gate', 'a b-->x'), '<!-- shipgate:perf-gate:a_b--_x -->');
  });
  test('artifact names are sanitised', () => {
    assert.equal(sanitizeArtifactName('shipgate perf/gate:"x"'), 'shipgate-perf-gate-x');
    assert.equal(sanitizeArtifactName('///'), 'shipgate-report');
  });
});
