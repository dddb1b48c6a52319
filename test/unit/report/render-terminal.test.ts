import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../../src/core/report/model.js';
import { renderTerminal } from '../../../src/core/report/render-terminal.js';
import { finding, fixtureReport } from './fixtures.js';

const ESC = '\u001b';

function tableOnly(columns: string[], rows: string[][], align?: ('left' | 'right' | 'center')[]): Report {
  return {
    ...fixtureReport(),
    findings: [],
    sections: [{ id: 't', title: 'T', importance: 'essential', blocks: [{ type: 'table', columns, rows: rows.map((cells) => ({ cells })), align }] }],
  };
}

void describe('renderTerminal', () => {
  void test('starts with the verdict line and the summary', () => {
    const [first, second] = renderTerminal(fixtureReport()).split('\n');
    assert.equal(first, 'FAIL  shipgate/perf-gate (gpu-bench)');
    assert.match(second ?? '', /^2 regressions in 5 benchmarks/);
  });

  void test('no ANSI codes unless colour is asked for', () => {
    assert.ok(!renderTerminal(fixtureReport()).includes(ESC));
    const coloured = renderTerminal(fixtureReport(), { color: true });
    assert.ok(coloured.startsWith(`${ESC}[1m${ESC}[31mFAIL${ESC}[0m${ESC}[0m`));
  });

  void test('escape sequences and control characters in untrusted strings are stripped', () => {
    const hostile = `x${ESC}]0;pwned\u0007${ESC}[2J\u009b31m\r\u202Ey`;
    const report: Report = {
      ...tableOnly([hostile], [[hostile]]),
      name: hostile,
      summary: hostile,
      findings: [finding({ title: hostile, message: hostile, location: { file: hostile, line: 1 } })],
    };
    for (const color of [false, true]) {
      const out = renderTerminal(report, { color });
      const withoutOwnCodes = out.replace(/\u001b\[[0-9]+m/g, '');
      assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/.test(withoutOwnCodes), JSON.stringify(out));
    }
  });

  void test('tables are aligned in columns with a rule under the header', () => {
    const out = renderTerminal(tableOnly(['name', 'ms'], [['a', '1.5'], ['longer', '12.25']], ['left', 'right']));
    assert.ok(out.includes('name       ms\n------  -----\na         1.5\nlonger  12.25\n'), out);
  });

  void test('tables are narrowed to the width, widest column first, with an ellipsis', () => {
    const out = renderTerminal(tableOnly(['k', 'v'], [['key', 'v'.repeat(500)]]), { width: 40 });
    const lines = out.split('\n').filter((l) => l.startsWith('key'));
    assert.equal(lines.length, 1);
    assert.ok((lines[0] ?? '').length <= 40);
    assert.ok(lines[0]?.endsWith('…'));
  });

  void test('a cell never splits a surrogate pair when cut', () => {
    const out = renderTerminal(tableOnly(['k'], [['😀'.repeat(100)]]), { width: 20 });
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out));
  });

  void test('findings are listed with status, severity, message and location', () => {
    const out = renderTerminal(fixtureReport());
    assert.ok(out.includes('Findings (5)\n------------\n  FAIL          [high] matmul_fp16 p50 regressed\n'));
    assert.ok(out.includes('                p50 went from 1.20 ms to 1.41 ms (+17.5%)\n                threshold: 5%\n                at bench/matmul.ts:12\n'));
  });
});
