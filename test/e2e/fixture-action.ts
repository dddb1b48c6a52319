import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureActionDir = path.join(repoRoot, 'test/fixtures/fixture-action');

/**
 * Bundle the test-only fixture action with ncc, as the shipped actions are bundled, so the harness runs real
 * bundled code from src/core (not shipped: its dist/ is ignored by git).
 */
export async function buildFixtureAction(): Promise<string> {
  const out = path.join(fixtureActionDir, 'dist');
  await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/ncc'), ['build', path.join(fixtureActionDir, 'src/index.ts'), '-o', out, '--quiet'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  await mkdir(out, { recursive: true });
  for (const phase of ['main', 'post']) {
    await writeFile(path.join(out, `${phase}.js`), `import { run } from './index.js';\nawait run('${phase}');\n`);
  }
  return fixtureActionDir;
}
