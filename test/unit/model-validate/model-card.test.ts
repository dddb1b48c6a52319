import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  buildModelCard,
  huggingFaceModelIndex,
  MODEL_CARD_SCHEMA_VERSION,
  renderModelCardMarkdown,
  type ModelCardInput,
} from '../../../src/gates/model-validate/model-card.js';
import { markdownProblems } from '../report/fixtures.js';

const SHA_EVAL = 'a'.repeat(64);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const HOSTILE = 'fraud <img src=x onerror=alert(1)> | @evil #12 [x](javascript:alert(1)) `rm` *b*';

function input(overrides: Partial<ModelCardInput> = {}): ModelCardInput {
  return {
    metadata: {
      name: 'fraud-detector',
      version: '1.2.0',
      trainingDate: '2024-05-01',
      dataset: { name: 'transactions-2024', size: 120000, url: 'https://data.example/tx' },
      owners: [{ name: 'Risk team', contact: 'risk@example.com' }],
      intendedUse: 'Scoring card transactions for manual review.',
      limitations: ['Trained on EU transactions only.'],
      description: 'Gradient-boosted trees over transaction features.',
      license: 'Apache-2.0',
      parameters: { architecture: 'GBDT', trees: 500, learning_rate: 0.05 },
      ethicalConsiderations: [{ name: 'Disparate impact across regions', mitigation: 'Quarterly audit by region' }],
      tags: ['fraud', 'tabular'],
    },
    task: 'binary',
    metrics: {
      roc_auc: { value: 0.912 },
      accuracy: { value: 0.881 },
      f1: { value: NaN, reason: 'no positive predictions' },
      log_loss: { value: Infinity },
      precision: { value: 0, reason: 'zero_division: no predicted positives' },
    },
    intervals: {
      roc_auc: { lower: 0.89, upper: 0.93, level: 0.95 },
      accuracy: { lower: NaN, upper: 0.9, level: 0.95 },
    },
    thresholds: [
      { metric: 'roc_auc', status: 'pass', formula: 'roc_auc ≥ 0.85' },
      { metric: 'accuracy', status: 'warn', formula: 'accuracy drop ≤ 0.01 vs baseline' },
    ],
    verdict: 'warn',
    datasets: [{ role: 'evaluation', file: 'data/eval.csv', sha256: SHA_EVAL, rows: 1000 }],
    ci: {
      repository: 'acme/models',
      commit: COMMIT,
      ref: 'refs/pull/7/merge',
      runId: '4242',
      runUrl: 'https://github.com/acme/models/actions/runs/4242',
      baseline: { source: 'store (89abcde)', commit: '89abcdef'.repeat(5) },
    },
    runner: {
      fingerprint: 'fp-h100',
      gpus: [{ name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', memoryMiB: 81559 }],
      cuda: '12.4',
      cpu: 'Intel Xeon Platinum 8480+',
      os: 'Linux 6.5',
    },
    generatedAt: '2024-06-01T12:00:00.000Z',
    ...overrides,
  };
}

/** Lines of the markdown section with this heading, up to the next `## `. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `section ${heading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Cells of a markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function row(lines: string[], first: string): string[] {
  const r = lines.find((l) => l.startsWith(`| ${first} |`));
  assert.ok(r, `row ${first}`);
  return cells(r);
}

void describe('buildModelCard', () => {
  void test('has the Model Card Toolkit top-level sections and the shipgate ci section', () => {
    const card = buildModelCard(input());
    assert.deepEqual(Object.keys(card), ['schema_version', 'model_details', 'model_parameters', 'quantitative_analysis', 'considerations', 'ci']);
    assert.equal(card.schema_version, MODEL_CARD_SCHEMA_VERSION);
    assert.equal(MODEL_CARD_SCHEMA_VERSION, '0.0.2');
    const d = card.model_details;
    assert.equal(d.name, 'fraud-detector');
    assert.equal(d.overview, 'Gradient-boosted trees over transaction features.');
    assert.deepEqual(d.version, { name: '1.2.0', date: '2024-05-01' });
    assert.deepEqual(d.owners, [{ name: 'Risk team', contact: 'risk@example.com' }]);
    assert.deepEqual(d.licenses, [{ custom_text: 'Apache-2.0' }]);
    assert.deepEqual(d.references, [{ reference: 'https://data.example/tx' }]);
    assert.deepEqual(d.citations, []);
    assert.equal(card.model_parameters.model_architecture, 'GBDT');
    assert.deepEqual(card.model_parameters.data[0], {
      name: 'transactions-2024',
      link: 'https://data.example/tx',
      description: 'training data, size 120000',
      role: 'training',
      size: 120000,
    });
    const evaluation = card.model_parameters.data[1];
    assert.equal(evaluation?.name, 'data/eval.csv');
    assert.equal(evaluation?.rows, 1000);
    assert.equal(evaluation?.sha256, SHA_EVAL);
    assert.match(evaluation?.description ?? '', /1000 rows, sha256 a{64}/);
    assert.deepEqual(card.considerations, {
      users: [],
      use_cases: [{ description: 'Scoring card transactions for manual review.' }],
      limitations: [{ description: 'Trained on EU transactions only.' }],
      ethical_considerations: [{ name: 'Disparate impact across regions', mitigation_strategy: 'Quarterly audit by region' }],
    });
  });

  void test('carries the CI facts: commit, ref, run, baseline, thresholds, verdict, runner and data hashes', () => {
    const card = buildModelCard(input());
    assert.deepEqual(card.ci, {
      task: 'binary',
      verdict: 'warn',
      generated_at: '2024-06-01T12:00:00.000Z',
      repository: 'acme/models',
      commit: COMMIT,
      ref: 'refs/pull/7/merge',
      run: { id: '4242', url: 'https://github.com/acme/models/actions/runs/4242' },
      baseline: { source: 'store (89abcde)', commit: '89abcdef'.repeat(5) },
      thresholds: [
        { metric: 'roc_auc', status: 'pass', formula: 'roc_auc ≥ 0.85' },
        { metric: 'accuracy', status: 'warn', formula: 'accuracy drop ≤ 0.01 vs baseline' },
      ],
      runner: {
        fingerprint: 'fp-h100',
        gpus: [{ name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', memory_mib: 81559 }],
        cuda: '12.4',
        cpu: 'Intel Xeon Platinum 8480+',
        os: 'Linux 6.5',
      },
      datasets: [{ role: 'evaluation', file: 'data/eval.csv', sha256: SHA_EVAL, rows: 1000 }],
    });
  });

  void test('NaN and infinite values become null with the reason kept; the card survives a JSON round trip unchanged', () => {
    const card = buildModelCard(input());
    const byType = Object.fromEntries(card.quantitative_analysis.performance_metrics.map((m) => [m.type, m]));
    assert.deepEqual(byType.roc_auc, { type: 'roc_auc', value: 0.912, confidence_interval: { lower_bound: 0.89, upper_bound: 0.93 }, confidence_level: 0.95 });
    assert.deepEqual(byType.f1, { type: 'f1', value: null, reason: 'no positive predictions' });
    assert.deepEqual(byType.log_loss, { type: 'log_loss', value: null, reason: 'not finite' });
    assert.deepEqual(byType.precision, { type: 'precision', value: 0, reason: 'zero_division: no predicted positives' });
    assert.deepEqual(byType.accuracy?.confidence_interval, { lower_bound: null, upper_bound: 0.9 });
    // JSON.stringify turns NaN and Infinity into null silently; a card without them is unchanged by the round trip.
    assert.deepEqual(JSON.parse(JSON.stringify(card)), card);
    const nanOnly = buildModelCard(input({ metrics: { r2: { value: NaN } }, intervals: {} }));
    assert.deepEqual(nanOnly.quantitative_analysis.performance_metrics, [{ type: 'r2', value: null, reason: 'undefined (NaN)' }]);
  });

  void test('without metadata: placeholders, empty lists, and null CI facts that were not given', () => {
    const card = buildModelCard(input({ metadata: undefined, ci: {}, runner: {}, task: 'regression', metrics: { mae: { value: 0.5 } }, intervals: {}, thresholds: [] }));
    assert.equal(card.model_details.name, 'unnamed model');
    assert.match(card.model_details.overview, /regression model/);
    assert.deepEqual(card.model_details.owners, []);
    assert.deepEqual(card.considerations.limitations, []);
    assert.equal(card.ci.commit, null);
    assert.deepEqual(card.ci.run, { id: null, url: null });
    assert.equal(card.ci.baseline, null);
    assert.deepEqual(card.ci.runner, { fingerprint: null, gpus: [], cuda: null, cpu: null, os: null });
    assert.deepEqual(JSON.parse(JSON.stringify(card)), card);
  });

  void test('only http(s) links are kept; control characters are dropped', () => {
    const card = buildModelCard(
      input({
        ci: { runUrl: 'javascript:alert(1)' },
        metadata: { name: 'm\u202Eevil\u0007', dataset: { name: 'd', url: 'file:///etc/passwd' } },
      }),
    );
    assert.equal(card.ci.run.url, null);
    assert.deepEqual(card.model_details.references, []);
    assert.equal(card.model_parameters.data[0]?.link, undefined);
    assert.equal(card.model_details.name, 'mevil');
  });
});

void describe('renderModelCardMarkdown', () => {
  void test('has the sections in order, the metrics with their 95% CI, thresholds, data hashes and CI facts', () => {
    const md = renderModelCardMarkdown(buildModelCard(input()));
    assert.deepEqual(markdownProblems(md), []);
    const headings = md.split('\n').filter((l) => /^#{1,2} /.test(l));
    assert.deepEqual(headings, [
      '# Model card: fraud-detector',
      '## Model details',
      '## Intended use',
      '## Limitations',
      '## Ethical considerations',
      '## Metrics',
      '## Thresholds and verdict',
      '## Data',
      '## CI facts',
    ]);
    const metrics = section(md, 'Metrics');
    assert.deepEqual(cells(metrics.find((l) => l.startsWith('| metric')) ?? ''), ['metric', 'value', '95% CI', 'note']);
    assert.deepEqual(row(metrics, 'roc\\_auc'), ['roc\\_auc', '0.912', '0.89 – 0.93', '—']);
    assert.deepEqual(row(metrics, 'f1'), ['f1', 'n/a', '—', 'no positive predictions']);
    const thresholds = section(md, 'Thresholds and verdict');
    assert.ok(thresholds.includes('Verdict: **WARN**'));
    assert.deepEqual(row(thresholds, 'accuracy'), ['accuracy', 'warn', 'accuracy drop ≤ 0.01 vs baseline']);
    const data = section(md, 'Data');
    assert.deepEqual(row(data, 'evaluation'), ['evaluation', 'data/eval.csv', '1000', `\`${SHA_EVAL}\``]);
    assert.deepEqual(row(data, 'training'), ['training', '[transactions-2024](https://data.example/tx)', '120000', '—']);
    const facts = section(md, 'CI facts');
    assert.deepEqual(row(facts, 'Commit'), ['Commit', `\`${COMMIT}\``]);
    assert.deepEqual(row(facts, 'Run'), ['Run', '[4242](https://github.com/acme/models/actions/runs/4242)']);
    assert.deepEqual(row(facts, 'GPUs'), ['GPUs', 'NVIDIA H100 80GB HBM3, driver 550.54.15, 81559 MiB']);
    assert.deepEqual(row(facts, 'CUDA'), ['CUDA', '12.4']);
  });

  void test('a hostile model name, owners, labels and data file names are escaped everywhere', () => {
    const md = renderModelCardMarkdown(
      buildModelCard(
        input({
          metadata: {
            name: HOSTILE,
            owners: [{ name: '@octocat', contact: '<script>alert(1)</script>' }],
            limitations: ['| broken | table |', '</details><details>'],
            intendedUse: '# Heading\n- list\n@team please',
            ethicalConsiderations: ['@all'],
          },
          metrics: { 'recall_<b>x</b>|y': { value: 0.5, reason: '@someone #3' } },
          intervals: {},
          datasets: [{ role: 'evaluation', file: 'eval|@me.csv', sha256: 'not-a-hash`', rows: 3 }],
          ci: { ref: 'refs/heads/@evil|x', runId: '1', runUrl: 'https://github.com/a/b/actions/runs/1?x=(y)|z' },
        }),
      ),
    );
    assert.deepEqual(markdownProblems(md), []);
    assert.doesNotMatch(md, /<img|<script|<b>|<\/details>|<details>/i);
    assert.doesNotMatch(md, /@(octocat|evil|team|all|someone|me)\b/, 'mentions are broken with a zero-width space');
    assert.doesNotMatch(md, /#3|#12/, 'issue references are broken');
    assert.doesNotMatch(md, /\]\(javascript:/i);
    assert.match(md, /^# Model card: fraud &lt;img src=x onerror=alert\\\(1\\\)&gt; \\\| @&#8203;evil/m);
    // Untrusted text never starts a heading of its own.
    assert.ok(!md.split('\n').some((l) => /^#{1,6} /.test(l) && !/^(# Model card: |## )/.test(l)), 'no heading injected');
    // The run link's destination cannot be closed early.
    assert.match(md, /\[1\]\(https:\/\/github\.com\/a\/b\/actions\/runs\/1\?x=%28y%29%7Cz\)/);
  });
});

void describe('huggingFaceModelIndex', () => {
  void test('parses back to the model-index structure with the finite metrics', () => {
    const text = huggingFaceModelIndex(buildModelCard(input()));
    assert.ok(!text.startsWith('---'), 'no document markers: the caller adds them');
    assert.deepEqual(parse(text), {
      'model-index': [
        {
          name: 'fraud-detector',
          results: [
            {
              task: { type: 'tabular-classification', name: 'Binary classification' },
              dataset: { name: 'eval.csv', type: 'eval' },
              metrics: [
                { type: 'roc_auc', value: 0.912, name: 'ROC AUC' },
                { type: 'accuracy', value: 0.881, name: 'Accuracy' },
                { type: 'precision', value: 0, name: 'Precision' },
              ],
            },
          ],
        },
      ],
    });
  });

  void test('hostile names survive as plain YAML strings and cannot end the front matter', () => {
    const name = 'x: y\n---\n- [a] {b} # c "d" \'e\' &f *g !h |i >j %k @l `m';
    const text = huggingFaceModelIndex(buildModelCard(input({ metadata: { name }, task: 'regression', metrics: { mae: { value: 1.5 } }, intervals: {} })), { taskType: 'tabular-regression' });
    assert.ok(!text.split('\n').some((l) => l.trim() === '---' || l.startsWith('---')));
    const doc = parse(text) as { 'model-index': { name: string; results: { task: { type: string }; metrics: unknown[] }[] }[] };
    const [entry] = doc['model-index'];
    assert.equal(entry?.name, name.replace(/\s+/g, ' '));
    assert.equal(entry?.results[0]?.task.type, 'tabular-regression');
    assert.deepEqual(entry?.results[0]?.metrics, [{ type: 'mae', value: 1.5, name: 'Mean absolute error' }]);
  });
});
