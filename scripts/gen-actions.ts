/**
 * Writes action.yml (root) and actions/<gate>/action.yml from src/actions/specs.ts.
 * Usage: node --import tsx scripts/gen-actions.ts [output-root]   (default: the repository root)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { actionSpecs, commonInputs, commonOutputs, rootSpec, type InputSpec } from '../src/actions/specs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.resolve(process.argv[2] ?? repoRoot);
const HEADER = '# Generated from src/actions/specs.ts by scripts/gen-actions.ts (npm run build). Do not edit.\n';

function inputsYaml(inputs: Record<string, InputSpec>): Record<string, Record<string, string | boolean>> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [
      k,
      { description: v.description, required: v.required ?? false, ...(v.default !== undefined ? { default: v.default } : {}) },
    ]),
  );
}

function outputsYaml(outputs: Record<string, string>): Record<string, { description: string }> {
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { description: v }]));
}

async function write(rel: string, doc: object): Promise<void> {
  const file = path.join(outRoot, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, HEADER + stringify(doc, { lineWidth: 0 }));
}

for (const spec of Object.values(actionSpecs)) {
  await write(`actions/${spec.gate}/action.yml`, {
    name: spec.title,
    description: spec.description,
    author: 'shipgate',
    branding: { icon: 'shield', color: 'blue' },
    inputs: inputsYaml({ ...commonInputs, ...spec.inputs }),
    outputs: outputsYaml({ ...commonOutputs, ...spec.outputs }),
    runs: {
      using: 'node24',
      main: `../../dist/${spec.gate}/main.js`,
      // Every gate has a post step: it closes a check run that a cancelled or killed main left open, and runs the
      // gate's own cleanup (chaos-run's rollback).
      post: `../../dist/${spec.gate}/post.js`,
      'post-if': 'always()',
    },
  });
}

const root = rootSpec();
await write('action.yml', {
  name: 'shipgate',
  description: 'CI gates for self-hosted GPU runners: perf-gate, chaos-run, model-validate and readiness-checklist. The `gate` input picks one.',
  author: 'shipgate',
  branding: { icon: 'shield', color: 'blue' },
  inputs: inputsYaml(root.inputs),
  outputs: outputsYaml(root.outputs),
  runs: { using: 'node24', main: 'dist/root/main.js', post: 'dist/root/post.js', 'post-if': 'always()' },
});
