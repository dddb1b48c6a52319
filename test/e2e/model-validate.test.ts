/**
 * model-validate end to end: the shipped action judges a candidate model's predictions against the baseline model's
 * predictions on the same rows, checks feature drift and writes a model card, as the runner runs it, against the
 * loopback GitHub API and the Actions results service.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent, type EventFixture } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { Azurite } from './servers/azurite.js';
import { GitHubApiServer } from './servers/github-api.js';
import { ResultsService } from './servers/results-service.js';

const OWNER = 'acme';
const REPO = 'models';
const TOKEN = 'ghs_modelvalidate00000000000000000000000';
const sha = (n: number) => n.toString(16).padStart(40, 'c');

let api: GitHubApiServer;
let azurite: Azurite;
let results: ResultsService;
const temps: string[] = [];

/** Deterministic uniform numbers. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

const N = 1500;
const labels = (() => {
  const r = rng(7);
  return Array.from({ length: N }, () => (r() < 0.4 ? 'fraud' : 'ok'));
})();

/** Predictions of a model whose score separates the classes by `signal` standard deviations. */
function predictions(signal: number, seed: number): string {
  const r = rng(seed);
  const lines = ['label,prediction,score'];
  for (const y of labels) {
    const z = (y === 'fraud' ? signal / 2 : -signal / 2) + gauss(r);
    const p = 1 / (1 + Math.exp(-z));
    lines.push(`${y},${p >= 0.5 ? 'fraud' : 'ok'},${p.toFixed(6)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Feature data; `shift` moves the amount and hour columns by that many standard deviations. */
function features(rows: number, seed: number, shift = 0): string {
  const r = rng(seed);
  const lines = ['amount,merchant,hour'];
  const merchants = ['grocery', 'fuel', 'online', 'travel'];
  for (let i = 0; i < rows; i++) lines.push(`${(50 + 20 * (gauss(r) + shift)).toFixed(2)},${merchants[Math.floor(r() * 4)]},${Math.min(23, Math.floor(r() * 24) + Math.round(7 * shift))}`);
  return `${lines.join('\n')}\n`;
}

const CONFIG = `# thresholds of the fraud model
thresholds:
  roc_auc: { min: 0.70, max_drop: 0.02 }
  accuracy: { max_drop: "3%" }
`;

const METADATA = `name: fraud-scorer
version: 2.4.0
training_date: "2026-10-01"
dataset: { name: transactions-2026q3, size: 1200000 }
owners: [{ name: Risk ML team, contact: risk-ml@example.com }]
intended_use: Scores card transactions for manual review.
limitations: [Not validated on merchants outside the EU.]
`;

async function workspace(files: Record<string, string>): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-model-'));
  temps.push(ws);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(ws, name), text);
  return ws;
}

function prEvent(n: number): EventFixture {
  return pullRequestEvent({ owner: OWNER, repo: REPO, number: n, headSha: sha(n), baseSha: sha(900 + n), headRef: `m${n}`, baseRef: 'main' });
}

async function modelValidate(ws: string, event: EventFixture, inputs: Record<string, string>) {
  return runAction({
    actionDir: path.join(repoRoot, 'actions', 'model-validate'),
    workspace: ws,
    event,
    token: TOKEN,
    inputs: { name: 'fraud', config: 'model.yml', 'score-columns': 'score', 'positive-label': 'fraud', 'baseline-store': 'none', ...inputs },
    env: { GITHUB_API_URL: api.url, ...results.env() },
    timeoutMs: 120_000,
  });
}

interface ModelReport {
  verdict: string;
  details: {
    metrics: Record<string, unknown>;
    thresholds: { metric: string; status: string; formula: string }[];
    drift?: { columns: { name: string; method: string; statistic: number; pValue?: number; drifted: boolean }[] };
    paired?: Record<string, { test: string; pWorse: number }>;
  };
}

describe('model-validate end to end', { concurrency: false }, () => {
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

  test('a candidate worse than the baseline beyond its threshold fails the check, naming the metric; the model card is in the artifact', async () => {
    const ws = await workspace({ 'model.yml': CONFIG, 'meta.yml': METADATA, 'candidate.csv': predictions(1.2, 11), 'baseline.csv': predictions(2.6, 12) });
    const res = await modelValidate(ws, prEvent(1), { predictions: 'candidate.csv', baseline: 'baseline.csv', metadata: 'meta.yml', 'artifact-name': 'model-card-check' });
    assert.equal(res.main.exitCode, 1, res.main.stdout + res.main.stderr);
    assert.equal(res.outputs.verdict, 'fail');
    assert.match(res.outputs['failed-metrics'] ?? '', /roc_auc/);
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as ModelReport;
    const auc = report.details.thresholds.find((t) => t.metric === 'roc_auc');
    assert.equal(auc?.status, 'fail');
    assert.equal(report.details.paired?.roc_auc?.test, 'DeLong');
    assert.ok((report.details.paired?.roc_auc?.pWorse ?? 1) < 0.001, 'the drop is significant on the same rows');
    assert.equal(typeof report.details.metrics.roc_auc, 'number');

    const comment = api.comments(1).find((c) => c.body.includes('shipgate:model-validate:fraud'));
    assert.ok(comment, 'sticky comment posted');
    assert.match(comment.body, /\| roc\\_auc \|[^\n]*\| fail \|/);
    assert.match(comment.body, /```mermaid\nxychart-beta/, 'ROC/PR charts as Mermaid blocks');
    assert.match(comment.body, /<details>/, 'the model card is collapsed');
    const check = api.checkRuns().find((c) => c.head_sha === sha(1));
    assert.equal(check?.name, 'shipgate/model-validate (fraud)');
    assert.equal(check?.conclusion, 'failure');
    const annotation = check?.annotations.find((a) => /roc_auc/.test(a.message));
    assert.equal(annotation?.path, 'model.yml');
    assert.equal(annotation?.start_line, 3, 'the annotation points at the threshold line');

    // The artifact, downloaded back with the toolkit, holds the model card and the SVG plots.
    const id = res.outputs['artifact-id'];
    assert.ok(id);
    const dest = await mkdtemp(path.join(os.tmpdir(), 'sg-dl-'));
    temps.push(dest);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...results.env(), GITHUB_WORKSPACE: dest, RUNNER_TEMP: dest };
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'test/e2e/servers/toolkit-client.mjs'), JSON.stringify({ op: 'download', id: Number(id), path: dest })], { env, cwd: repoRoot });
    assert.match(stdout, /RESULT /);
    const files = await readdir(dest);
    for (const f of ['model-card.json', 'model-card.md', 'report.json']) assert.ok(files.includes(f), `${f} in the artifact (${files.join(', ')})`);
    assert.deepEqual((await readdir(path.join(dest, 'plots'))).sort(), ['calibration.svg', 'confusion-matrix.svg', 'pr.svg', 'roc.svg']);
    const card = JSON.parse(await readFile(path.join(dest, 'model-card.json'), 'utf8')) as { model_details: { name: string; version: { name: string } }; quantitative_analysis: { performance_metrics: { type: string }[] } };
    assert.equal(card.model_details.name, 'fraud-scorer');
    assert.equal(card.model_details.version.name, '2.4.0');
    assert.ok(card.quantitative_analysis.performance_metrics.some((m) => m.type === 'roc_auc'));
  });

  test('a better candidate passes', async () => {
    const ws = await workspace({ 'model.yml': CONFIG, 'candidate.csv': predictions(3.0, 21), 'baseline.csv': predictions(2.6, 12) });
    const res = await modelValidate(ws, prEvent(2), { predictions: 'candidate.csv', baseline: 'baseline.csv', artifact: 'false' });
    assert.equal(res.main.exitCode, 0, res.main.stdout + res.main.stderr);
    assert.equal(res.outputs.verdict, 'pass');
    assert.equal(res.outputs['failed-metrics'], '');
    const check = api.checkRuns().find((c) => c.head_sha === sha(2));
    assert.equal(check?.conclusion, 'success');
  });

  test('drifted feature data is flagged with the columns named', async () => {
    const ws = await workspace({ 'model.yml': CONFIG, 'ref.csv': features(800, 31), 'cur.csv': features(800, 32, 0.8) });
    const res = await modelValidate(ws, prEvent(3), { reference: 'ref.csv', current: 'cur.csv', artifact: 'false' });
    assert.equal(res.main.exitCode, 0, 'drift alone is a warning, not a failure');
    assert.equal(res.outputs.verdict, 'warn', 'two of three columns drifted: the dataset drifted');
    assert.equal(res.outputs['drifted-columns'], 'amount,hour');
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as ModelReport;
    const byName = new Map(report.details.drift?.columns.map((c) => [c.name, c]));
    assert.equal(byName.get('amount')?.method, 'ks');
    assert.ok((byName.get('amount')?.pValue ?? 1) < 1e-6);
    assert.equal(byName.get('merchant')?.method, 'chisquare');
    assert.equal(byName.get('merchant')?.drifted, false);
    const comment = api.comments(3).find((c) => c.body.includes('shipgate:model-validate:fraud'));
    assert.match(comment?.body ?? '', /\| amount \| ks \|[^\n]*drifted/);
  });
});
