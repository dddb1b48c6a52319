import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Report } from '../../../src/core/report/model.js';
import { byteLength } from '../../../src/core/report/escape.js';
import { batches, renderCheckOutput } from '../../../src/core/report/render-check.js';
import { finding, fixtureReport, markdownProblems, tableReport } from './fixtures.js';

function withFindings(findings: Finding[]): Report {
  return { ...fixtureReport(), findings };
}

void describe('renderCheckOutput', () => {
  void test('title is the verdict and summary as one plain line', () => {
    const out = renderCheckOutput({ ...fixtureReport(), summary: 'two\nlines \u001b[31m<b>' });
    assert.equal(out.title, 'FAIL: two lines [31m<b>');
  });

  void test('title is capped at 255 characters', () => {
    const out = renderCheckOutput({ ...fixtureReport(), summary: '😀'.repeat(1000) });
    assert.ok(out.title.length <= 255);
    assert.ok(out.title.endsWith('…'));
  });

  void test('summary holds the verdict and essential sections; text holds the detail sections', () => {
    const out = renderCheckOutput(fixtureReport());
    assert.match(out.summary, /^\*\*FAIL\*\* — /);
    assert.ok(out.summary.includes('### Results') && out.summary.includes('### Trend'));
    assert.ok(!out.summary.includes('Raw output') && !out.summary.includes('Runner card'));
    assert.ok(out.text?.startsWith('### Raw output\n'));
    assert.ok((out.text ?? '').includes('<details><summary>Runner card</summary>'));
  });

  void test('no text without detail sections', () => {
    const out = renderCheckOutput(tableReport(1, 1));
    assert.equal(out.text, undefined);
  });

  void test('summary and text each stay within 65,535 bytes and point at the artifact', () => {
    const big = tableReport(30_000, 0, (i) => `ベンチ-${i}`);
    const detail = { id: 'd', title: 'Detail', importance: 'detail' as const, blocks: big.sections.flatMap((s) => s.blocks) };
    const out = renderCheckOutput({ ...big, sections: [...big.sections, detail] }, { artifactUrl: 'https://example.com/a' });
    for (const part of [out.summary, out.text ?? '']) {
      assert.ok(byteLength(part) <= 65_535, `${byteLength(part)} bytes`);
      assert.ok(part.endsWith('see the full report in [the report artifact](https://example.com/a)._\n'));
      assert.deepEqual(markdownProblems(part), []);
    }
    assert.ok(out.text?.startsWith('### Detail\n'), 'the text is cut, not replaced by a line');
  });

  void test('annotations come from located findings that did not pass, with GitHub levels', () => {
    const out = renderCheckOutput(fixtureReport());
    assert.deepEqual(out.annotations, [
      {
        path: 'bench/matmul.ts',
        start_line: 12,
        end_line: 14,
        annotation_level: 'failure',
        message: 'p50 went from 1.20 ms to 1.41 ms (+17.5%)\nthreshold: 5%',
        title: 'matmul_fp16 p50 regressed',
      },
      {
        path: 'bench/attention.ts',
        start_line: 3,
        end_line: 3,
        annotation_level: 'warning',
        message: 'p99 moved +4.9% & the CV is 12%',
        title: 'attention <p99> | noisy',
      },
      { path: 'bench/scatter.ts', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'only 2 samples', title: 'scatter p50' },
    ]);
  });

  void test('findings without a location, or that passed or were skipped, make no annotation', () => {
    const out = renderCheckOutput(
      withFindings([
        finding({ status: 'fail' }),
        finding({ status: 'pass', location: { file: 'a.ts', line: 1 } }),
        finding({ status: 'skip', location: { file: 'a.ts', line: 1 } }),
        finding({ status: 'fail', location: { file: ' \u0000 ', line: 1 } }),
      ]),
    );
    assert.deepEqual(out.annotations, []);
  });

  void test('line numbers are sanitised: at least 1, end not before start', () => {
    const [a] = renderCheckOutput(withFindings([finding({ location: { file: 'x.ts', line: 0, endLine: -3 } })])).annotations;
    assert.equal(a?.start_line, 1);
    assert.equal(a?.end_line, 1);
    const [b] = renderCheckOutput(withFindings([finding({ location: { file: 'x.ts', line: 9.7, endLine: 2 } })])).annotations;
    assert.equal(b?.start_line, 9);
    assert.equal(b?.end_line, 9);
  });

  void test('messages are plain and capped at 64 KiB; titles at 255 characters', () => {
    const [a] = renderCheckOutput(
      withFindings([finding({ message: `x\u0007${'é'.repeat(100_000)}`, title: 't'.repeat(1000), location: { file: 'a.ts' } })]),
    ).annotations;
    assert.ok(a !== undefined);
    assert.ok(byteLength(a.message) <= 65_536);
    assert.ok(a.message.startsWith('xé'));
    assert.ok((a.title ?? '').length <= 255);
  });

  void test('an empty message falls back to the title, as the API needs one', () => {
    const [a] = renderCheckOutput(withFindings([finding({ message: ' ', title: 'T', location: { file: 'a.ts' } })])).annotations;
    assert.equal(a?.message, 'T');
  });
});

void describe('batches', () => {
  const cases: [number, number, number[]][] = [
    [0, 50, []],
    [1, 50, [1]],
    [50, 50, [50]],
    [51, 50, [50, 1]],
    [120, 50, [50, 50, 20]],
    [5, 2, [2, 2, 1]],
  ];
  for (const [n, size, sizes] of cases) {
    void test(`${n} items in batches of ${size}`, () => {
      const items = Array.from({ length: n }, (_, i) => i);
      const out = batches(items, size);
      assert.deepEqual(
        out.map((b) => b.length),
        sizes,
      );
      assert.deepEqual(out.flat(), items);
    });
  }
  void test('defaults to 50 and rejects a size below 1', () => {
    assert.equal(batches(Array.from({ length: 101 }, () => 0)).length, 3);
    assert.throws(() => batches([1], 0), RangeError);
  });
});
