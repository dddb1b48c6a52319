import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './fixture-action.js';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const example = path.join(repoRoot, 'examples', 'reports', 'readiness-example.json');
const temps: string[] = [];

function shipgate(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: os.homedir() } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 3) : 0, stdout, stderr });
    });
  });
}

async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'sg-cli-'));
  temps.push(d);
  return d;
}

describe('the bundled CLI', () => {
  after(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

  test('report: renders a report.json and exits 1 for a failing verdict', async () => {
    const dir = await tmp();
    const r = await shipgate(['report', example, '--report-dir', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /FAIL/);
    assert.match(r.stdout, /Backups restore within 15 minutes/);
    const written = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as unknown;
    assert.deepEqual(written, JSON.parse(await readFile(example, 'utf8')));
    assert.match(await readFile(path.join(dir, 'junit.xml'), 'utf8'), /<testsuite[^>]*name="shipgate\/readiness-checklist \(example-service\)"/);
    const md = await readFile(path.join(dir, 'report.md'), 'utf8');
    assert.match(md, /Runbook \\\|/, 'pipes in untrusted text are escaped');
    assert.doesNotMatch(md, /<ticket/, 'HTML in untrusted text is escaped');
  });

  test('report --format markdown: a pass exits 0', async () => {
    const dir = await tmp();
    const passing = { ...(JSON.parse(await readFile(example, 'utf8')) as object), verdict: 'pass' };
    await writeFile(path.join(dir, 'r.json'), JSON.stringify(passing));
    const r = await shipgate(['report', path.join(dir, 'r.json'), '--format', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /PASS/);
  });

  test('bad input exits 2 and names the file and field', async () => {
    const dir = await tmp();
    const f = path.join(dir, 'broken.json');
    await writeFile(f, JSON.stringify({ schemaVersion: 1, gate: 'perf-gate', verdict: 'maybe' }));
    const r = await shipgate(['report', f]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.json/);
    assert.match(r.stderr, /verdict/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const missing = await shipgate(['report', path.join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json/);
  });

  test('unknown options and commands exit 2', async () => {
    assert.equal((await shipgate(['perf-gate', '--no-such-flag'])).code, 2);
    assert.equal((await shipgate(['frobnicate'])).code, 2);
    assert.equal((await shipgate(['--help'])).code, 0);
  });

  test('perf-gate compares files: a regression exits 1, the same results exit 0, a bad file exits 2', async () => {
    const dir = await tmp();
    const results = (scale: number) =>
      JSON.stringify({ schemaVersion: 1, benchmarks: [{ name: 'infer/batch-1', unit: 'ms', samples: [12.1, 11.9, 12.4, 12.0, 12.2, 12.3, 11.8, 12.1].map((x) => x * scale) }] });
    await writeFile(path.join(dir, 'base.json'), results(1));
    await writeFile(path.join(dir, 'slow.json'), results(1.5));
    const slow = await shipgate(['perf-gate', '--current', 'slow.json', '--baseline', 'base.json', '--report-dir', 'out'], dir);
    assert.equal(slow.code, 1, slow.stderr);
    assert.match(slow.stdout, /regression/);
    const report = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as { details: { results: Record<string, unknown>[] } };
    const [row] = report.details.results;
    for (const k of ['benchmark', 'metric', 'unit', 'direction', 'baseline', 'current', 'change', 'ci', 'pValue', 'verdict']) assert.ok(row && k in row, `results[] has ${k}`);
    assert.equal(row?.verdict, 'regression');
    const same = await shipgate(['perf-gate', '--current', 'base.json', '--baseline', 'base.json', '--report-dir', 'out2'], dir);
    assert.equal(same.code, 0, same.stderr);
    await writeFile(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "benchmarks": [');
    const bad = await shipgate(['perf-gate', '--current', 'broken.json', '--report-dir', 'out3'], dir);
    assert.equal(bad.code, 2, 'a broken result file is bad input, named');
    assert.match(bad.stdout, /broken\.json/);
    assert.doesNotMatch(bad.stdout + bad.stderr, /\n\s+at [^\n]*\.(js|ts):\d+:\d+/, 'no stack trace');
  });

  test('perf-gate --update-baseline writes baselines/<suite>.json, which the next run compares against', async () => {
    const dir = await tmp();
    const results = (scale: number) =>
      JSON.stringify({ schemaVersion: 1, benchmarks: [{ name: 'decode', unit: 'ms', samples: [8.1, 7.9, 8.3, 8.0, 8.2, 7.8, 8.1, 8.0].map((x) => x * scale) }] });
    await writeFile(path.join(dir, 'now.json'), results(1));
    const save = await shipgate(['perf-gate', '--name', 'infer', '--current', 'now.json', '--update-baseline', '--report-dir', 'out'], dir);
    assert.equal(save.code, 0, save.stderr + save.stdout);
    const saved = JSON.parse(await readFile(path.join(dir, 'baselines', 'infer.json'), 'utf8')) as { gate: string; suite: string; entries: unknown[] };
    assert.deepEqual([saved.gate, saved.suite, saved.entries.length], ['perf-gate', 'infer', 1]);
    await writeFile(path.join(dir, 'slow.json'), results(1.4));
    const slow = await shipgate(['perf-gate', '--name', 'infer', '--current', 'slow.json', '--report-dir', 'out2'], dir);
    assert.equal(slow.code, 1, slow.stderr + slow.stdout);
    const report = JSON.parse(await readFile(path.join(dir, 'out2', 'report.json'), 'utf8')) as { details: { results: { verdict: string }[] } };
    assert.deepEqual(report.details.results.map((r) => r.verdict), ['regression']);
  });

  test('perf-gate compares one latency log per side by the percentiles\' intervals', async () => {
    const dir = await tmp();
    // Deterministic, well-spread latencies: 20,000 values of a fixed lognormal-like curve, shuffled by a stride.
    const log = (scale: number) => {
      const n = 20_000;
      const values = Array.from({ length: n }, (_, i) => (scale * 4 * Math.exp(1.2 * (((i * 7919) % n) / n - 0.5) ** 3 * 8)).toFixed(4));
      return `latency_ms\n${values.join('\n')}\n`;
    };
    await writeFile(path.join(dir, 'before.csv'), log(1));
    await writeFile(path.join(dir, 'after.csv'), log(1.3));
    await writeFile(path.join(dir, 'same.csv'), log(1));
    const slow = await shipgate(['perf-gate', '--name', 'api', '--current', 'after.csv', '--baseline', 'before.csv', '--report-dir', 'out'], dir);
    assert.equal(slow.code, 1, slow.stderr + slow.stdout);
    const report = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as { details: { results: { benchmark: string; metric: string; verdict: string; ci: [number, number] | null }[] } };
    const p99 = report.details.results.find((r) => r.metric === 'p99');
    assert.equal(p99?.verdict, 'regression');
    assert.ok(p99?.ci && p99.ci[0] > 0.2 && p99.ci[1] < 0.4, `p99 interval ${p99?.ci?.join('..')}`);
    const same = await shipgate(['perf-gate', '--name', 'api', '--current', 'same.csv', '--baseline', 'before.csv', '--report-dir', 'out2'], dir);
    assert.equal(same.code, 0, same.stderr + same.stdout);
  });

  test('perf-gate: a suite that fails is reported, and the results it wrote are still compared', async () => {
    const dir = await tmp();
    const results = JSON.stringify({ schemaVersion: 1, benchmarks: [{ name: 'a', unit: 'ms', samples: [1, 1.1, 0.9, 1, 1.05, 0.95] }] });
    await writeFile(path.join(dir, 'base.json'), results);
    const script = `printf '%s' '${results}' > cur.json; echo "segfault in bench b" >&2; exit 3`;
    const r = await shipgate(['perf-gate', '--run', script, '--current', 'cur.json', '--baseline', 'base.json', '--report-dir', 'out'], dir);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as { verdict: string; findings: { id: string; message: string }[]; details: { results: { benchmark: string; verdict: string }[] } };
    assert.equal(report.verdict, 'fail');
    const failed = report.findings.find((f) => f.id.startsWith('suite-failed'));
    assert.match(failed?.message ?? '', /exit code 3[\s\S]*segfault in bench b/);
    assert.deepEqual(report.details.results.map((x) => [x.benchmark, x.verdict]), [['a', 'unchanged']]);
  });

  test('model-validate: --drift-methods all computes every method that applies; bad predictions exit 2 naming file and line', async () => {
    const dir = await tmp();
    const lines = (shift: number) => ['age,plan', ...Array.from({ length: 300 }, (_, i) => `${(20 + ((i * 37) % 50) + shift).toFixed(1)},${['free', 'pro', 'team'][i % 3]}`)].join('\n');
    await writeFile(path.join(dir, 'ref.csv'), `${lines(0)}\n`);
    await writeFile(path.join(dir, 'cur.csv'), `${lines(15)}\n`);
    await writeFile(path.join(dir, 'pred.csv'), 'label,prediction,score\nyes,yes,0.9\nno,no,0.2\nyes,no,0.4\nno,yes,0.7\n');
    const r = await shipgate(['model-validate', '--predictions', 'pred.csv', '--score-columns', 'score', '--positive-label', 'yes', '--reference', 'ref.csv', '--current', 'cur.csv', '--drift-methods', 'all', '--report-dir', 'out'], dir);
    assert.ok(r.code === 0, r.stderr + r.stdout);
    const report = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as { details: { metrics: Record<string, unknown>; drift: { columns: { name: string; method: string; drifted: boolean; pValue?: number }[] } } };
    const methods = (name: string) => report.details.drift.columns.filter((c) => c.name === name).map((c) => c.method).sort();
    assert.deepEqual(methods('age'), ['ks', 'psi', 'wasserstein']);
    assert.deepEqual(methods('plan'), ['chisquare', 'jensenshannon']);
    assert.ok(report.details.drift.columns.find((c) => c.name === 'age' && c.method === 'ks')?.drifted);
    assert.equal(report.details.metrics.accuracy, 0.5);
    assert.deepEqual(report.details.metrics.confusion_matrix, { labels: ['no', 'yes'], matrix: [[1, 1], [1, 1]] });

    await writeFile(path.join(dir, 'bad.csv'), 'label,prediction,score\nyes,yes,0.9\nno,no,1.5\n');
    const bad = await shipgate(['model-validate', '--predictions', 'bad.csv', '--score-columns', 'score', '--report-dir', 'out2'], dir);
    assert.equal(bad.code, 2, bad.stderr + bad.stdout);
    assert.match(bad.stderr + bad.stdout, /bad\.csv:3/);
    assert.doesNotMatch(bad.stdout + bad.stderr, /\n\s+at [^\n]*\.(js|ts):\d+:\d+/, 'no stack trace');
    const unknown = await shipgate(['model-validate', '--predictions', 'pred.csv', '--label-column', 'truth', '--report-dir', 'out3'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr + unknown.stdout, /truth[\s\S]*label, prediction, score/);
  });

  test('readiness-checklist import writes readiness.yml keeping every checkbox; a bad checklist exits 2 with file and line', async () => {
    const md = path.join(repoRoot, 'test', 'fixtures', 'readiness', 'PRODUCTION_READINESS.md');
    const r = await shipgate(['readiness-checklist', 'import', md]);
    assert.equal(r.code, 0, r.stderr);
    const doc = parseYaml(r.stdout) as { sections: { title: string; items: { id: string; checks: { type: string }[] }[] }[] };
    const boxes = (await readFile(md, 'utf8')).split('\n').filter((l) => /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/.test(l)).length;
    assert.equal(doc.sections.flatMap((x) => x.items).length, boxes, 'one item per checkbox');
    assert.ok(doc.sections.flatMap((x) => x.items).some((i) => i.checks.some((c) => c.type === 'command')), 'Validation Command lines became command checks');

    const dir = await tmp();
    await writeFile(path.join(dir, 'readiness.yml'), 'version: 1\nsections:\n  - title: A\n    items:\n      - { id: x, title: X, priority: high, checks: [{ type: manual, checked: true, by: me }] }\n      - { id: x, title: Y, priority: low, checks: [{ type: manual }] }\n');
    const bad = await shipgate(['readiness-checklist', '--checklist', 'readiness.yml', '--report-dir', 'out'], dir);
    assert.equal(bad.code, 2, bad.stderr + bad.stdout);
    assert.match(bad.stderr + bad.stdout, /readiness\.yml:6[\s\S]*x/);
    assert.doesNotMatch(bad.stdout + bad.stderr, /\n\s+at [^\n]*\.(js|ts):\d+:\d+/, 'no stack trace');
  });

  test('chaos-run: a missing experiment exits 2 naming the file; --dry-run prints the plan and starts nothing', async () => {
    const dir = await tmp();
    const missing = await shipgate(['chaos-run', '--experiment', 'x.yml', '--report-dir', dir], dir);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /x\.yml: cannot read the experiment/);
    const marker = path.join(dir, 'started');
    await writeFile(
      path.join(dir, 'exp.yml'),
      [
        'version: 1',
        'target:',
        `  command: [touch, ${JSON.stringify(marker)}]`,
        'faults:',
        '  - { id: slow, type: tcp-proxy, start: 1, duration: 2, listen: 45999, upstream: "127.0.0.1:45998", toxics: [{ type: latency, latency_ms: 100 }] }',
        '  - { id: burn, type: cpu-stress, start: 1, duration: 2, workers: 1 }',
        '',
      ].join('\n'),
    );
    const r = await shipgate(['chaos-run', '--experiment', 'exp.yml', '--dry-run', '--report-dir', dir, '--ledger-dir', path.join(dir, 'ledger')], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /dry run: 2 fault\(s\) planned, nothing touched/);
    assert.match(r.stdout, /do: +stress-ng --cpu 1 --timeout 2s --quiet/);
    assert.match(r.stdout, /undo: +kill the stress-ng process tree/);
    await assert.rejects(readFile(marker), 'the target was not started');
  });

  test('chaos-run revert: reverts what a killed run left in the ledger', async () => {
    const dir = await tmp();
    const ledgerDir = path.join(dir, 'ledger');
    const { Ledger, processStartTime } = await import('../../src/gates/chaos-run/ledger.js');
    const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    child.unref();
    const pid = child.pid ?? 0;
    const startTime = await processStartTime(pid);
    const ledger = await Ledger.open(ledgerDir, 'killed-run');
    await ledger.record({ id: 'leftover', description: 'a stressor a killed run left', inverse: [{ kind: 'kill-tree', pid, ...(startTime ? { startTime } : {}) }] });
    const r = await shipgate(['chaos-run', 'revert', '--ledger-dir', ledgerDir], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 reverted \(leftover\), 0 failed/);
    assert.equal(await processStartTime(pid), undefined, 'the leftover process is gone');
    const again = await shipgate(['chaos-run', 'revert', '--ledger-dir', ledgerDir], dir);
    assert.match(again.stdout, /0 reverted, 0 failed/);
  });
});
