import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report, Section } from '../../../src/core/report/model.js';
import { byteLength } from '../../../src/core/report/escape.js';
import {
  COMMENT_MAX_CHARS,
  renderComment,
  renderMarkdown,
  renderSummary,
  SUMMARY_MAX_BYTES,
} from '../../../src/core/report/render-markdown.js';
import { fixtureReport, markdownProblems, tableReport } from './fixtures.js';

const ARTIFACT = 'https://github.com/acme/models/actions/runs/1/artifacts/2';

function assertWithin(md: string, limits: { chars?: number; bytes?: number }): void {
  if (limits.chars !== undefined) assert.ok(md.length <= limits.chars, `${md.length} chars > ${limits.chars}`);
  if (limits.bytes !== undefined) assert.ok(byteLength(md) <= limits.bytes, `${byteLength(md)} bytes > ${limits.bytes}`);
  assert.deepEqual(markdownProblems(md), []);
}

function withSections(sections: Section[], overrides: Partial<Report> = {}): Report {
  return { ...fixtureReport(), findings: [], sections, ...overrides };
}

void describe('renderMarkdown layout', () => {
  void test('marker, heading, verdict and summary come first, then sections in order', () => {
    const md = renderComment(fixtureReport());
    const lines = md.split('\n');
    assert.equal(lines[0], '<!-- shipgate:perf-gate:gpu-bench -->');
    assert.equal(lines[1], '## shipgate/perf-gate \\(gpu-bench\\)');
    assert.match(lines[3] ?? '', /^\*\*FAIL\*\* — 2 regressions/);
    const order = ['### Results', '### Trend', '### Raw output', '<details><summary>Runner card</summary>'].map((h) => md.indexOf(h));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))), `section order ${order.join(',')}`);
  });

  void test('no marker unless asked; a title option replaces the heading', () => {
    const md = renderMarkdown(fixtureReport(), { title: 'Perf *results*' });
    assert.ok(md.startsWith('## Perf \\*results\\*\n'));
    assert.ok(!md.includes('<!--'));
  });

  void test('a marker that is not a plain HTML comment is made into one', () => {
    const md = renderMarkdown(fixtureReport(), { marker: 'x --> <script>' });
    assert.equal(md.split('\n')[0], '<!-- x_--___script_ -->');
  });

  for (const [verdict, word] of [
    ['pass', 'PASS'],
    ['warn', 'WARN'],
    ['fail', 'FAIL'],
    ['inconclusive', 'INCONCLUSIVE'],
    ['error', 'ERROR'],
  ] as const) {
    void test(`verdict ${verdict} reads **${word}**`, () => {
      assert.match(renderMarkdown({ ...fixtureReport(), verdict }), new RegExp(`^\\*\\*${word}\\*\\* — `, 'm'));
    });
  }

  void test('tables: alignment row, escaped cells, short rows padded, empty tables left out', () => {
    const md = renderMarkdown(
      withSections([
        {
          id: 't',
          title: 'T',
          importance: 'essential',
          blocks: [
            { type: 'table', columns: ['a', 'b|c'], align: ['right', 'center'], rows: [{ cells: ['1'] }, { cells: ['x', 'y', 'extra'] }] },
            { type: 'table', columns: [], rows: [] },
          ],
        },
      ]),
    );
    assert.ok(md.includes('| a | b\\|c |  |\n| ---: | :---: | --- |\n| 1 |  |  |\n| x | y | extra |\n'), md);
    assert.equal(md.match(/^\| /gm)?.length, 4);
  });

  void test('details blocks and collapsed sections become <details>', () => {
    const md = renderMarkdown(fixtureReport());
    assert.ok(md.includes('<details><summary>Environment &lt;/summary&gt;&lt;script&gt;</summary>\n\nCUDA'));
    assert.ok(md.includes('<details><summary>Runner card</summary>\n\n| Key | Value |'));
    assert.deepEqual(markdownProblems(md), []);
  });

  void test('only http(s) artifact links are used, with parentheses encoded', () => {
    const report = tableReport(1, 50);
    const bad = renderMarkdown(report, { maxChars: 800, artifactUrl: 'javascript:alert(1)' });
    assert.ok(!bad.includes('javascript'));
    assert.match(bad, /see the full report in the artifact\./);
    const good = renderMarkdown(report, { maxChars: 800, artifactUrl: 'https://example.com/a(b)' });
    assert.ok(good.includes('[the artifact](https://example.com/a%28b%29)'));
  });
});

void describe('renderMarkdown budget', () => {
  void test('a report that fits is rendered in full', () => {
    const report = tableReport(2, 20);
    const full = renderMarkdown(report);
    assert.equal(renderMarkdown(report, { maxChars: full.length, maxBytes: byteLength(full) }), full);
    assert.equal(full.match(/\| pass \|$/gm)?.length, 20);
  });

  void test('passing rows are dropped before failing rows, with a count and a pointer to the artifact', () => {
    const report = tableReport(5, 3000);
    const md = renderMarkdown(report, { maxChars: 3000, artifactUrl: ARTIFACT });
    assertWithin(md, { chars: 3000 });
    assert.equal(md.match(/\| fail \|$/gm)?.length, 5);
    assert.equal(md.match(/\| pass \|$/gm), null);
    assert.ok(md.includes(`_3000 passing rows not shown — see the full report in [the artifact](${ARTIFACT})._`));
    assert.ok(!md.includes('Report cut'), 'nothing else had to go');
  });

  void test('with collapsePassingRows, passing rows go into a collapsed <details> under the failing ones', () => {
    const md = renderMarkdown(tableReport(2, 3), { collapsePassingRows: true });
    const details = md.indexOf('<details><summary>3 passing rows</summary>');
    assert.ok(details > 0);
    const before = md.slice(0, details);
    const inside = md.slice(details);
    assert.equal(before.match(/\| fail \|$/gm)?.length, 2);
    assert.equal(before.match(/\| pass \|$/gm), null);
    assert.equal(inside.match(/\| pass \|$/gm)?.length, 3);
    assert.deepEqual(markdownProblems(md), []);
  });

  void test('detail sections are replaced by a line before essential content is cut', () => {
    const report = withSections([
      { id: 'e', title: 'Essential', importance: 'essential', blocks: [{ type: 'text', text: 'keep me' }] },
      { id: 'd', title: 'Raw *log*', importance: 'detail', blocks: [{ type: 'code', text: 'x'.repeat(5000) }] },
    ]);
    const md = renderMarkdown(report, { maxChars: 1000 });
    assertWithin(md, { chars: 1000 });
    assert.ok(md.includes('### Essential\n\nkeep me\n'));
    assert.ok(md.includes('_Section left out to fit the size limit: Raw \\*log\\* — see the full report in the artifact._'));
    assert.ok(!md.includes('xxx'));
  });

  void test('a report larger than every limit is cut at a row boundary and points at the artifact', () => {
    const report = tableReport(20_000, 0);
    const md = renderComment(report, { artifactUrl: ARTIFACT });
    assertWithin(md, { chars: COMMENT_MAX_CHARS });
    assert.ok(md.endsWith(`_Report cut to fit the size limit — see the full report in [the report artifact](${ARTIFACT})._\n`));
    const rows = md.match(/^\| bench-\d+ \| \d+\.0 ms \| fail \|$/gm) ?? [];
    assert.ok(rows.length > 100);
    rows.forEach((row, i) => assert.ok(row.startsWith(`| bench-${i} |`), `row ${i} out of order: ${row}`));
  });

  void test('without an artifact URL the pointer names the report artifact', () => {
    const md = renderMarkdown(tableReport(2000, 0), { maxBytes: 5000 });
    assertWithin(md, { bytes: 5000 });
    assert.ok(md.endsWith('see the full report in the report artifact._\n'));
  });

  void test('code blocks are never cut open: whole, or left out', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => ({ type: 'code' as const, text: `block ${i}\n${'y'.repeat(200)}` }));
    const report = withSections([{ id: 'c', title: 'Code', importance: 'essential', blocks }]);
    for (const maxChars of [300, 700, 1234, 4000]) {
      const md = renderMarkdown(report, { maxChars });
      assertWithin(md, { chars: maxChars });
      for (const [, body] of md.matchAll(/^```\n([^`]*)```$/gm)) assert.match(body ?? '', /^block \d+\ny{200}\n$/);
    }
  });

  void test('multibyte content is measured in bytes and characters', () => {
    const report = tableReport(300, 300, (i) => `漢字😀${i}`.repeat(20));
    const md = renderMarkdown(report, { maxChars: 20_000, maxBytes: 12_000 });
    assertWithin(md, { chars: 20_000, bytes: 12_000 });
    assert.ok(md.includes('Report cut'));
  });

  void describe('absurd input stays within the limits', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const mega = '@everyone # '.repeat(90_000);
    const cases: [string, Report][] = [
      ['one 10 MB cell', withSections([{ id: 't', title: 'T', importance: 'essential', blocks: [{ type: 'table', columns: ['a', 'b'], rows: [{ cells: ['ok', 'fine'] }, { cells: [huge, 'b'] }] }] }])],
      ['one 10 MB text', withSections([{ id: 't', title: 'T', importance: 'essential', blocks: [{ type: 'text', text: huge }] }])],
      ['one 10 MB code block', withSections([{ id: 't', title: 'T', importance: 'essential', blocks: [{ type: 'code', text: `${huge}\n\`\`\`` }] }])],
      ['100k rows', tableReport(100, 99_900)],
      ['1 MB names and titles', withSections([{ id: 't', title: mega, importance: 'essential', blocks: [{ type: 'table', columns: [mega, mega], rows: [{ cells: ['a', 'b'] }] }, { type: 'details', summary: mega, blocks: [{ type: 'text', text: 'inner' }] }] }], { name: mega, summary: mega })],
    ];
    for (const [name, report] of cases) {
      void test(name, () => {
        const comment = renderComment(report, { artifactUrl: ARTIFACT, title: name === '1 MB names and titles' ? mega : undefined });
        assertWithin(comment, { chars: COMMENT_MAX_CHARS });
        const summary = renderSummary(report);
        assertWithin(summary, { bytes: SUMMARY_MAX_BYTES });
        const small = renderMarkdown(report, { maxChars: 2000, maxBytes: 1500 });
        assertWithin(small, { chars: 2000, bytes: 1500 });
        assert.match(small, /\*\*FAIL\*\*/);
      });
    }

    void test('an oversized cell is shown shortened rather than dropped', () => {
      const md = renderComment(cases[0]?.[1] ?? fixtureReport());
      assert.match(md, /^\| x{1000,}… \| b \|$/m);
      assert.ok(md.includes('| ok | fine |'));
    });

    void test('1 MB titles are capped in the heading', () => {
      const md = renderComment(cases[4]?.[1] ?? fixtureReport());
      const heading = md.split('\n')[1] ?? '';
      assert.ok(heading.startsWith('## ') && heading.length < 2000, `heading of ${heading.length} chars`);
    });
  });

  void test('limits too small for any markup give at most the verdict word', () => {
    for (const maxChars of [0, 1, 5, 20, 60]) {
      const md = renderComment(fixtureReport(), { maxChars });
      assert.ok(md.length <= maxChars, `${md.length} > ${maxChars}`);
      assert.ok(!md.includes('<'), md);
    }
  });
});
