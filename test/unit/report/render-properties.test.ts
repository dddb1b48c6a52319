import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Block, Report, Section, TableRow } from '../../../src/core/report/model.js';
import { FINDING_STATUSES, fixtureReport, markdownProblems } from './fixtures.js';
import { byteLength, codeBlock, escapeInline, escapeSummary, escapeTableCell, truncateUtf8 } from '../../../src/core/report/escape.js';
import { renderMarkdown } from '../../../src/core/report/render-markdown.js';
import { renderCheckOutput } from '../../../src/core/report/render-check.js';

// Strings biased towards what escaping must handle, mixed with arbitrary code units (lone surrogates included).
const nasty = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'|<>&"\'`*_[]()#@~$\\!-=+. \n\r\t\u0000\u001b\u0085\u202e😀é'.split(''), 'script', 'details', '```', '</details>', 'a1', '12'), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const isWellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const unescaped = (s: string, ch: string): number => {
  let n = 0;
  let slashes = 0;
  for (const c of s) {
    if (c === ch && slashes % 2 === 0) n++;
    slashes = c === '\\' ? slashes + 1 : 0;
  }
  return n;
};

void describe('escaping properties', () => {
  void test('inline text: one line, no raw HTML, no live mention or markup character', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const out = escapeInline(s);
        assert.ok(!/[\n\r<>"]/.test(out));
        assert.ok(!/@[A-Za-z0-9]/.test(out));
        for (const ch of '|*_[]()`~$') assert.equal(unescaped(out, ch), 0, `unescaped ${ch} in ${out}`);
        assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(out));
      }),
    );
  });

  void test('table cells: no unescaped pipe, no newline, no HTML but <br>', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const out = escapeTableCell(s);
        assert.equal(unescaped(out, '|'), 0);
        assert.ok(!out.includes('\n'));
        assert.ok(!out.replace(/<br>/g, '').includes('<'));
      }),
    );
  });

  void test('summaries: no tag can close the summary or the details', () => {
    fc.assert(fc.property(nasty, (s) => assert.ok(!/[<>\n]/.test(escapeSummary(s)))));
  });

  void test('code blocks: the content never closes the fence', () => {
    fc.assert(
      fc.property(nasty, fc.option(nasty, { nil: undefined }), (s, lang) => {
        const lines = codeBlock(s, lang).split('\n');
        const fence = /^`{3,}/.exec(lines[0] ?? '')?.[0] ?? '';
        assert.ok(fence.length >= 3);
        assert.equal(lines.at(-1), fence);
        for (const line of lines.slice(1, -1)) assert.ok(!line.startsWith(fence), `early close: ${line}`);
      }),
    );
  });

  void test('truncateUtf8 yields the longest prefix within the limit and never invalid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(120), (s, max) => {
        const out = truncateUtf8(s, max);
        assert.ok(s.startsWith(out));
        assert.ok(byteLength(out) <= max);
        if (isWellFormed(s)) assert.ok(isWellFormed(out));
        const rest = s.slice(out.length);
        if (rest !== '') {
          const next = String.fromCodePoint(rest.codePointAt(0) ?? 0);
          assert.ok(byteLength(out) + byteLength(rest.slice(0, next.length)) > max, 'not the longest prefix');
        }
      }),
    );
  });
});

const row: fc.Arbitrary<TableRow> = fc.record(
  { cells: fc.array(nasty, { maxLength: 4 }), status: fc.constantFrom(...FINDING_STATUSES) },
  { requiredKeys: ['cells'] },
);
const leafBlock: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text: nasty }),
  fc.record({ type: fc.constant('code' as const), text: nasty, lang: fc.constantFrom('ts', 'text', '`x') }),
  fc.record({
    type: fc.constant('table' as const),
    columns: fc.array(nasty, { maxLength: 4 }),
    rows: fc.array(row, { maxLength: 30 }),
  }),
);
const block: fc.Arbitrary<Block> = fc.oneof(
  leafBlock,
  fc.record({ type: fc.constant('details' as const), summary: nasty, blocks: fc.array(leafBlock, { maxLength: 3 }) }),
);
const section: fc.Arbitrary<Section> = fc.record({
  id: fc.constant('s'),
  title: nasty,
  importance: fc.constantFrom('essential' as const, 'detail' as const),
  collapsed: fc.boolean(),
  blocks: fc.array(block, { maxLength: 5 }),
});
const report: fc.Arbitrary<Report> = fc
  .record({ name: nasty, summary: nasty, sections: fc.array(section, { maxLength: 5 }) })
  .map((r) => ({ ...fixtureReport(), findings: [], ...r }));

void describe('rendering properties', () => {
  void test('markdown stays within any limit and well-formed', () => {
    fc.assert(
      fc.property(
        report,
        fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
        fc.boolean(),
        (r, maxChars, maxBytes, collapsePassingRows) => {
          const md = renderMarkdown(r, { maxChars, maxBytes, collapsePassingRows, marker: '<!-- m -->', artifactUrl: 'https://x.test/a' });
          if (maxChars !== undefined) assert.ok(md.length <= maxChars, `${md.length} > ${maxChars}`);
          if (maxBytes !== undefined) assert.ok(byteLength(md) <= maxBytes, `${byteLength(md)} > ${maxBytes}`);
          assert.deepEqual(markdownProblems(md), []);
          assert.ok(!/@[A-Za-z0-9]/.test(md.replace(/^`{3,}[^]*?^`{3,}$/gm, '')), 'live mention');
        },
      ),
      { numRuns: 300 },
    );
  });

  void test('check output stays within the API limits', () => {
    fc.assert(
      fc.property(report, (r) => {
        const out = renderCheckOutput(r);
        assert.ok(out.title.length <= 255);
        assert.ok(!out.title.includes('\n'));
        assert.ok(byteLength(out.summary) <= 65_535);
        assert.ok(byteLength(out.text ?? '') <= 65_535);
        assert.deepEqual(markdownProblems(out.summary), []);
        assert.deepEqual(markdownProblems(out.text ?? ''), []);
      }),
      { numRuns: 100 },
    );
  });
});
