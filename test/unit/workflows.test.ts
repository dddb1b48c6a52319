import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { readActionDefinition, type ActionDefinition } from '../../scripts/gen-docs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GATES = ['perf-gate', 'chaos-run', 'model-validate', 'readiness-checklist'];

type Dict = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The action.yml files a workflow can point at: `actions/<gate>` and the root action (key ''). */
function loadActions(root: string): Map<string, ActionDefinition> {
  const actions = new Map<string, ActionDefinition>([['', readActionDefinition(path.join(root, 'action.yml'))]]);
  for (const gate of GATES) actions.set(gate, readActionDefinition(path.join(root, 'actions', gate, 'action.yml')));
  return actions;
}

/** Which shipgate action a `uses:` names ('' for the root action), or undefined for any other action. */
export function shipgateAction(uses: string): string | undefined {
  const u = uses.trim();
  if (u === './' || u === '.') return '';
  let m = /^\.\/actions\/([a-z-]+)\/?$/.exec(u);
  if (m) return m[1];
  if (/^shipgate\/shipgate@[^/]+$/.test(u)) return '';
  m = /^shipgate\/shipgate\/actions\/([a-z-]+)@[^/]+$/.exec(u);
  return m ? m[1] : undefined;
}

function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return isDict(on) ? Object.keys(on) : [];
}

/** `read-all`/`write-all`/a map → the level of one scope ('none' when not granted). */
function permissionLevel(perms: unknown, scope: string): string {
  if (perms === 'write-all') return 'write';
  if (perms === 'read-all') return 'read';
  if (isDict(perms) && typeof perms[scope] === 'string') return perms[scope];
  return 'none';
}

function isReadOnly(perms: unknown): boolean {
  if (perms === 'read-all') return true;
  return isDict(perms) && Object.values(perms).every((v) => v === 'read' || v === 'none');
}

export interface ValidateOptions {
  actions: Map<string, ActionDefinition>;
  /** An example for users: gate jobs must run on [self-hosted, gpu] (except a workflow_run reporter). */
  example: boolean;
}

/** Problems of one workflow file, each naming the file, job and step; empty when it is valid. */
export function validateWorkflow(file: string, opts: ValidateOptions): string[] {
  const name = path.basename(file);
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`${name}: does not parse: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (!isDict(doc)) return [`${name}: not a mapping`];
  if (doc.on === undefined) problems.push(`${name}: no on:`);
  if (!isDict(doc.jobs) || Object.keys(doc.jobs).length === 0) return [...problems, `${name}: no jobs:`];
  const on = triggers(doc.on);
  const jobs = Object.entries(doc.jobs).filter((e): e is [string, Dict] => isDict(e[1]));
  const topPerms = doc.permissions;
  const reporter = on.includes('workflow_run');

  for (const [jobId, job] of jobs) {
    const where = `${name}: job ${jobId}`;
    const perms = job.permissions ?? topPerms;
    if (perms === undefined) problems.push(`${where}: no permissions (top level or per job)`);
    const steps = Array.isArray(job.steps) ? job.steps.filter(isDict) : [];
    let gateJob = false;
    steps.forEach((step, i) => {
      const at = `${where}, step ${str(step.id) || str(step.name) || String(i + 1)}`;
      const uses = typeof step.uses === 'string' ? step.uses : '';
      if (/^actions\/checkout@/.test(uses)) {
        const ref = isDict(step.with) ? str(step.with.ref) : '';
        if (on.includes('pull_request_target')) problems.push(`${at}: actions/checkout in a pull_request_target workflow runs the PR's code with a write token`);
        if (reporter) problems.push(`${at}: a workflow_run reporter must not check out code (ref '${ref}')`);
      }
      const gate = shipgateAction(uses);
      if (gate === undefined) return;
      gateJob = true;
      const action = opts.actions.get(gate);
      if (!action) {
        problems.push(`${at}: ${uses} names no action of this repository`);
        return;
      }
      const withs = isDict(step.with) ? step.with : {};
      for (const key of Object.keys(withs)) {
        if (!(key in action.inputs)) problems.push(`${at}: input '${key}' does not exist in ${gate === '' ? 'action.yml' : `actions/${gate}/action.yml`}`);
      }
      for (const [key, input] of Object.entries(action.inputs)) {
        if (input.required && (withs[key] === undefined || withs[key] === '')) problems.push(`${at}: required input '${key}' is missing`);
      }
      const mode = typeof withs.mode === 'string' ? withs.mode : 'run';
      if (mode === 'report' || mode === 'merge') {
        // report reads another run's artifact through the REST API (the token); merge reads this run's with the runner's own credentials.
        const need: [string, string[]][] = [...(mode === 'report' ? [['actions', ['read', 'write']] as [string, string[]]] : []), ['checks', ['write']], ['pull-requests', ['write']]];
        for (const [scope, ok] of need) {
          if (!ok.includes(permissionLevel(perms, scope))) problems.push(`${at}: mode ${mode} needs permissions ${scope}: ${ok[0]}`);
        }
      }
    });
    if (opts.example && gateJob && !reporter) {
      const runsOn = Array.isArray(job['runs-on']) ? job['runs-on'].map(String) : [String(job['runs-on'])];
      if (!runsOn.includes('self-hosted') || !runsOn.includes('gpu')) problems.push(`${where}: runs-on ${JSON.stringify(job['runs-on'])}, not [self-hosted, gpu]`);
    }
  }
  return problems;
}

function workflowFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

function load(file: string): Dict {
  const doc = parse(readFileSync(file, 'utf8')) as unknown;
  assert.ok(isDict(doc), `${file} is a mapping`);
  return doc;
}

const actions = loadActions(repoRoot);
const exampleDir = path.join(repoRoot, 'examples/workflows');
const ciDir = path.join(repoRoot, '.github/workflows');

describe('workflow files', () => {
  test('the examples named in the docs exist', () => {
    const names = workflowFiles(exampleDir).map((f) => path.basename(f));
    for (const f of ['perf-gate.yml', 'model-validate.yml', 'readiness-checklist.yml', 'chaos-run.yml', 'baseline-update.yml', 'fork-pr.yml', 'fork-report.yml', 'chaos-nightly.yml', 'perf-gate-matrix.yml']) {
      assert.ok(names.includes(f), `examples/workflows/${f} exists`);
    }
  });

  for (const file of workflowFiles(exampleDir)) {
    test(`examples/workflows/${path.basename(file)} is valid and uses only inputs its actions have`, () => {
      assert.deepEqual(validateWorkflow(file, { actions, example: true }), []);
    });
  }
  for (const file of workflowFiles(ciDir)) {
    test(`.github/workflows/${path.basename(file)} is valid and uses only inputs its actions have`, () => {
      assert.deepEqual(validateWorkflow(file, { actions, example: false }), []);
    });
  }

  test('the self-test runs every action of this repository, and the root action with gate:', () => {
    const text = readFileSync(path.join(ciDir, 'self-test.yml'), 'utf8');
    for (const gate of GATES) assert.match(text, new RegExp(`uses: \\./actions/${gate}\\n`), `self-test runs ./actions/${gate}`);
    assert.match(text, /uses: \.\/\n\s+with:\n\s+gate: /, 'self-test runs ./ with gate:');
    assert.match(text, /dry-run: true/, 'chaos-run runs as a dry run');
  });

  test('fork-pr.yml: pull_request with a read-only token, no comment or check run', () => {
    const doc = load(path.join(exampleDir, 'fork-pr.yml'));
    const on = triggers(doc.on);
    assert.ok(on.includes('pull_request'), 'triggered by pull_request');
    assert.ok(!on.includes('pull_request_target'), 'never pull_request_target');
    assert.ok(isReadOnly(doc.permissions), `top-level permissions read-only: ${JSON.stringify(doc.permissions)}`);
    for (const [jobId, job] of Object.entries(doc.jobs as Dict)) {
      assert.ok(isDict(job));
      if (job.permissions !== undefined) assert.ok(isReadOnly(job.permissions), `${jobId}: read-only permissions`);
      const gateSteps = (job.steps as Dict[]).filter((s) => typeof s.uses === 'string' && shipgateAction(s.uses) !== undefined);
      assert.ok(gateSteps.length > 0, `${jobId} runs a gate`);
      for (const s of gateSteps) {
        const w = s.with as Dict;
        assert.equal(String(w.comment), 'false', `${jobId}: comment: false`);
        assert.equal(String(w['check-run']), 'false', `${jobId}: check-run: false`);
        assert.notEqual(String(w.artifact), 'false', `${jobId}: the report artifact is uploaded`);
      }
    }
  });

  test('fork-report.yml: workflow_run of fork-pr.yml, completed, mode report on a GitHub-hosted runner, no checkout', () => {
    const pr = load(path.join(exampleDir, 'fork-pr.yml'));
    const doc = load(path.join(exampleDir, 'fork-report.yml'));
    assert.deepEqual(triggers(doc.on), ['workflow_run']);
    const wr = (doc.on as Dict).workflow_run as Dict;
    assert.ok((wr.workflows as string[]).includes(String(pr.name)), `workflow_run.workflows names "${String(pr.name)}"`);
    assert.deepEqual(wr.types, ['completed']);
    const text = readFileSync(path.join(exampleDir, 'fork-report.yml'), 'utf8');
    assert.match(text, /pull_request_target/, 'the comment explains why not pull_request_target');
    for (const [jobId, job] of Object.entries(doc.jobs as Dict)) {
      assert.ok(isDict(job));
      assert.equal(job['runs-on'], 'ubuntu-latest', `${jobId} runs on ubuntu-latest`);
      const steps = job.steps as Dict[];
      assert.ok(!steps.some((s) => str(s.uses).startsWith('actions/checkout')), `${jobId} checks nothing out`);
      assert.ok(steps.some((s) => shipgateAction(str(s.uses)) !== undefined && (s.with as Dict).mode === 'report'), `${jobId} runs mode: report`);
    }
    assert.deepEqual(validateWorkflow(path.join(exampleDir, 'fork-report.yml'), { actions, example: true }), []);
  });

  test('perf-gate-matrix.yml: shards by matrix, then a merge job that always runs', () => {
    const doc = load(path.join(exampleDir, 'perf-gate-matrix.yml'));
    const jobs = Object.values(doc.jobs as Dict).filter(isDict);
    const shardJob = jobs.find((j) => isDict(j.strategy));
    assert.ok(shardJob, 'a matrix job');
    const matrix = (shardJob.strategy as Dict).matrix as Dict;
    assert.deepEqual(matrix.shard, [1, 2, 3]);
    assert.ok((shardJob.steps as Dict[]).some((s) => isDict(s.with) && s.with.shard === '${{ matrix.shard }}'), 'shard: ${{ matrix.shard }}');
    const merge = jobs.find((j) => (j.steps as Dict[]).some((s) => isDict(s.with) && s.with.mode === 'merge'));
    assert.ok(merge, 'a merge job');
    assert.ok(merge.needs !== undefined, 'the merge job needs the shards');
    assert.equal(merge.if, '${{ !cancelled() }}');
    assert.ok((merge.steps as Dict[]).some((s) => isDict(s.with) && String(s.with['expected-shards']) === '3'), 'expected-shards: 3');
  });

  test('a broken workflow is rejected, with every problem named', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-wf-'));
    try {
      const file = path.join(dir, 'broken.yml');
      await writeFile(
        file,
        [
          'name: broken',
          'on: pull_request_target',
          'jobs:',
          '  gate:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '        with: { ref: "${{ github.event.pull_request.head.sha }}" }',
          '      - uses: shipgate/shipgate/actions/perf-gate@v1',
          '        with: { no-such-input: x }',
          '      - uses: ./',
          '        with: { dry-run: true }',
          '      - uses: shipgate/shipgate@v1',
          '        with: { gate: perf-gate, mode: report }',
          '',
        ].join('\n'),
      );
      const problems = validateWorkflow(file, { actions, example: true });
      const expect = [/no permissions/, /input 'no-such-input' does not exist/, /required input 'gate' is missing/, /mode report needs permissions actions/, /pull_request_target/, /not \[self-hosted, gpu\]/];
      for (const re of expect) assert.ok(problems.some((p) => re.test(p)), `a problem matching ${String(re)} in ${JSON.stringify(problems)}`);

      await writeFile(file, 'name: x\njobs: {}\n');
      assert.ok(validateWorkflow(file, { actions, example: false }).some((p) => /no on:/.test(p)));
      await writeFile(file, 'on: [push\n');
      assert.match(validateWorkflow(file, { actions, example: false })[0] ?? '', /does not parse/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('shipgate action references are recognised in every spelling', () => {
    assert.equal(shipgateAction('./'), '');
    assert.equal(shipgateAction('./actions/perf-gate'), 'perf-gate');
    assert.equal(shipgateAction('shipgate/shipgate@v1'), '');
    assert.equal(shipgateAction('shipgate/shipgate/actions/chaos-run@v1.2.0'), 'chaos-run');
    assert.equal(shipgateAction('actions/checkout@v4'), undefined);
    assert.equal(shipgateAction('other/shipgate@v1'), undefined);
  });
});
