import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../../src/core/report/model.js';
import { indexEntry, keyFigures, relativeHref, renderIndex, type IndexEntry } from '../../../src/core/report/render-index.js';
import { fixtureReport } from './fixtures.js';

function entry(over: Partial<IndexEntry> = {}): IndexEntry {
  return { dir: 'perf-gate-demo', gate: 'perf-gate', name: 'demo', verdict: 'pass', summary: 'all good', figures: [['regressions', '0']], ...over };
}

function report(over: Partial<Report>): Report {
  return { ...fixtureReport(), findings: [], details: {}, sections: [], ...over };
}

void describe('renderIndex', () => {
  void test('a self-contained page: inline style, no script, nothing fetched', () => {
    const html = renderIndex([entry()], { title: 'reports', generatedAt: '2025-01-02T03:04:05.000Z' });
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<style>/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /generated 2025-01-02T03:04:05\.000Z/);
    assert.match(html, /<title>reports<\/title>/);
  });

  void test('escapes every string of an entry and the options', () => {
    const hostile = `<script>alert(1)</script>"'&`;
    const html = renderIndex(
      [entry({ gate: hostile, name: hostile, verdict: hostile, summary: hostile, dir: hostile, figures: [[hostile, hostile]] })],
      { title: hostile, generatedAt: hostile },
    );
    assert.doesNotMatch(html, /<script/i);
    assert.ok(!html.includes(`"'&<`));
    // Outside tags and attribute values, no raw quote or ampersand is left from the input.
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^<>]*>/g, '');
    assert.doesNotMatch(text, /[<>"']|&(?!(?:amp|lt|gt|quot|#39);)/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&#39;&amp;/);
  });

  void test('strips control and bidi characters from untrusted text', () => {
    const html = renderIndex([entry({ summary: 'a\u0007b\u202Ec\u001b[31md' })]);
    assert.match(html, /<td>abc\[31md<\/td>/);
  });

  void test("links each report's HTML, JSON and markdown files under its directory", () => {
    const html = renderIndex([entry({ dir: 'perf-gate-demo' }), entry({ dir: 'chaos-run', gate: 'chaos-run' })]);
    for (const dir of ['perf-gate-demo', 'chaos-run']) {
      for (const file of ['report.html', 'report.json', 'report.md']) assert.ok(html.includes(`href="${dir}/${file}"`), `${dir}/${file}`);
    }
  });

  void test('hrefs are relative and percent-encoded per segment: no scheme, query or fragment can form', () => {
    assert.equal(relativeHref('javascript:alert(1)', 'report.html'), 'javascript%3Aalert(1)/report.html');
    assert.equal(relativeHref('a b/c?d#e', 'report.json'), 'a%20b/c%3Fd%23e/report.json');
    assert.equal(relativeHref('./x/', 'report.md'), 'x/report.md');
    assert.equal(relativeHref('../up', 'report.md'), '../up/report.md');
    const html = renderIndex([entry({ dir: '"><x y="' })]);
    assert.ok(html.includes('href="%22%3E%3Cx%20y%3D%22/report.html"'));
  });

  void test('a badge per verdict, with its own class; an unknown verdict gets a neutral one', () => {
    const verdicts = ['pass', 'warn', 'fail', 'inconclusive', 'error'];
    const html = renderIndex(verdicts.map((verdict) => entry({ verdict })));
    for (const v of verdicts) assert.match(html, new RegExp(`<span class="badge v-${v}">${v.toUpperCase()}</span>`));
    assert.match(html, /\.v-pass \{ background: #1a7f37; \}/);
    assert.match(html, /\.v-fail \{ background: #cf222e; \}/);
    assert.match(renderIndex([entry({ verdict: 'bogus" onmouseover="x' })]), /<span class="badge v-unknown">BOGUS&quot; ONMOUSEOVER=&quot;X<\/span>/);
  });

  void test('counts verdicts, and says so when there are no reports', () => {
    const html = renderIndex([entry(), entry({ verdict: 'fail' }), entry()]);
    assert.match(html, /3 reports: <span class="badge v-pass">PASS<\/span>2 <span class="badge v-fail">FAIL<\/span>1/);
    const empty = renderIndex([]);
    assert.match(empty, /No reports found/);
    assert.doesNotMatch(empty, /<table/);
  });

  void test('figures render as a definition list, none as a dash', () => {
    assert.match(renderIndex([entry({ figures: [['score', '95/100']] })]), /<dl class="figures"><div><dt>score<\/dt><dd>95\/100<\/dd><\/div><\/dl>/);
    assert.match(renderIndex([entry({ figures: [] })]), /<span class="muted">—<\/span>/);
  });
});

void describe('keyFigures and indexEntry', () => {
  void test('perf-gate: counts and the headline change, regressions first', () => {
    const r = report({
      gate: 'perf-gate',
      outputs: { regressions: 1, improvements: 1 },
      details: {
        results: [
          { benchmark: 'latency', metric: 'p50', change: -0.5, verdict: 'improvement' },
          { benchmark: 'latency', metric: 'p99', change: 0.25, verdict: 'regression' },
          { benchmark: 'latency', metric: 'mean', change: 0.9, verdict: 'unchanged' },
        ],
      },
    });
    assert.deepEqual(keyFigures(r), [
      ['regressions', '1'],
      ['improvements', '1'],
      ['headline', 'latency p99 +25.0% (regression)'],
    ]);
  });

  void test('chaos-run: faults verified, writes lost and recovery; a dry run: faults planned', () => {
    const r = report({ gate: 'chaos-run', outputs: { lost: 0, 'recovery-seconds': '0.144' }, details: { faults: [{ verified: true }, { verified: false }] } });
    assert.deepEqual(keyFigures(r), [
      ['faults verified', '1/2'],
      ['writes lost', '0'],
      ['recovery', '0.144 s'],
    ]);
    assert.deepEqual(keyFigures(report({ gate: 'chaos-run', details: { dryRun: true, plan: [{}, {}] } })), [['faults planned', '2']]);
  });

  void test('model-validate: accuracy, ROC AUC, failed metrics and drifted columns', () => {
    const r = report({
      gate: 'model-validate',
      outputs: { 'failed-metrics': 'accuracy,f1_macro', 'drifted-columns': 'petal_length' },
      details: { metrics: { accuracy: 0.94, roc_auc_ovr_macro: 0.997623 }, drift: { drifted: ['petal_length'] } },
    });
    assert.deepEqual(keyFigures(r), [
      ['accuracy', '0.94'],
      ['roc_auc_ovr_macro', '0.9976'],
      ['failed metrics', 'accuracy, f1_macro'],
      ['drifted columns', 'petal_length'],
    ]);
    assert.deepEqual(keyFigures(report({ gate: 'model-validate', details: { drift: { drifted: [] } } })), [['drifted columns', 'none']]);
  });

  void test('readiness-checklist: score, level and failed critical items', () => {
    const r = report({ gate: 'readiness-checklist', outputs: { score: 95, level: 'silver', 'failed-critical': 0 } });
    assert.deepEqual(keyFigures(r), [
      ['score', '95/100'],
      ['level', 'silver'],
      ['failed critical', '0'],
    ]);
    assert.deepEqual(keyFigures(report({ gate: 'readiness-checklist', outputs: { score: 10, level: '' } }))[1], ['level', 'none']);
  });

  void test('details of an unexpected shape give fewer figures, never a throw', () => {
    for (const gate of ['perf-gate', 'chaos-run', 'model-validate', 'readiness-checklist'] as const) {
      const r = report({ gate, details: { results: 'x', faults: [null, 3], metrics: [1], drift: 'x', plan: 1 } });
      assert.doesNotThrow(() => renderIndex([indexEntry(r, 'd')]));
    }
  });

  void test('indexEntry carries the report fields and the directory', () => {
    const r = fixtureReport();
    const e = indexEntry(r, 'perf-gate-demo');
    assert.equal(e.dir, 'perf-gate-demo');
    assert.equal(e.gate, r.gate);
    assert.equal(e.name, r.name);
    assert.equal(e.verdict, r.verdict);
    assert.equal(e.summary, r.summary);
  });
});
