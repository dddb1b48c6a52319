import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from './fixture-action.js';

async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

test('dist/ and the action.yml files are what `npm run build` makes from the sources', { timeout: 300_000 }, async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'sg-build-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), '--out', out], { cwd: repoRoot, maxBuffer: 16 << 20 });
    const fresh = await tree(path.join(out, 'dist'));
    const committed = await tree(path.join(repoRoot, 'dist'));
    assert.deepEqual(committed, fresh, 'dist/ has the same files as a fresh build (run `npm run build` and commit dist/)');
    const stale: string[] = [];
    for (const f of fresh) {
      const [a, b] = await Promise.all([readFile(path.join(out, 'dist', f)), readFile(path.join(repoRoot, 'dist', f))]);
      if (!a.equals(b)) stale.push(f);
    }
    for (const f of ['action.yml', ...(await readdir(path.join(out, 'actions'))).map((g) => `actions/${g}/action.yml`)]) {
      const [a, b] = await Promise.all([readFile(path.join(out, f), 'utf8'), readFile(path.join(repoRoot, f), 'utf8').catch(() => '')]);
      if (a !== b) stale.push(f);
    }
    assert.deepEqual(stale, [], 'run `npm run build` and commit the result');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('the bundle relocates no assets: paths built at run time stay paths of the workspace', async () => {
  // ncc rewrites statically evaluable paths (e.g. from process.cwd()) into dist/ and copies what they point to.
  const offenders: string[] = [];
  for (const f of await tree(path.join(repoRoot, 'dist'))) {
    if (!f.endsWith('.js')) offenders.push(f === 'licenses.txt' || f === 'package.json' ? '' : f);
    else if ((await readFile(path.join(repoRoot, 'dist', f), 'utf8')).includes('__webpack_require__.ab +')) offenders.push(f);
  }
  assert.deepEqual(offenders.filter(Boolean), []);
});

test('every shipped action declares node24 and points into dist/', async () => {
  const { parseActionYml } = await import('./runner/action-yml.js');
  const dirs = ['.', ...(await readdir(path.join(repoRoot, 'actions'))).map((g) => `actions/${g}`)];
  assert.equal(dirs.length, 5);
  for (const d of dirs) {
    const m = parseActionYml(await readFile(path.join(repoRoot, d, 'action.yml'), 'utf8'), `${d}/action.yml`);
    assert.equal(m.runs.using, 'node24', d);
    const main = path.resolve(repoRoot, d, m.runs.main);
    assert.ok(main.startsWith(path.join(repoRoot, 'dist')), `${d}: main in dist/`);
    await readFile(main);
  }
});

test('the tests run on Node 24', () => {
  assert.equal(process.versions.node.split('.')[0], '24');
});
