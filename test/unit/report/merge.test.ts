import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertValidReport } from '../../../src/core/report/files.js';
import { mergeReports, untrustedReport, type ShardReport } from '../../../src/core/report/merge.js';
import type { Report, Verdict } from '../../../src/core/report/model.js';
import { renderComment } from '../../../src/core/report/render-markdown.js';

function report(verdict: Verdict, over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    gate: 'perf-gate',
    name: 'suite',
    verdict,
    summary: `${verdict} summary`,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    runner: { os: 'linux', arch: 'x64', name: 'r', fingerprint: 'fp-a' },
    git: {},
    findings: [{ id: 'f1', title: 'one', severity: 'high', status: verdict === 'pass' ? 'pass' : 'fail', message: 'm' }],
    details: { results: [{ benchmark: 'b', metric: 'time', verdict: verdict === 'fail' ? 'regression' : 'unchanged' }] },
    sections: [{ id: 'results', title: 'Results', importance: 'essential', blocks: [{ type: 'text', text: 'hello' }] }],
    outputs: { regressions: verdict === 'fail' ? 1 : 0, improvements: 0 },
    ...over,
  };
}

const opts = { gate: 'perf-gate' as const, name: 'suite', runner: { os: 'linux', arch: 'x64' }, git: {}, startedAt: new Date('2026-01-01T00:02:00Z'), lookedFor: 'shipgate-perf-gate-suite-shard-' };

describe('mergeReports', () => {
  test('worst verdict, findings and sections per shard, results with their shard, counts summed', () => {
    const shards: ShardReport[] = [
      { shard: '10', artifact: 'a-10', report: report('pass', { runner: { os: 'linux', arch: 'x64', name: 'gpu-10', fingerprint: 'fp-b' } }) },
      { shard: '2', artifact: 'a-2', report: report('fail', { runner: { os: 'linux', arch: 'x64', name: 'gpu-2', fingerprint: 'fp-a' } }) },
      { shard: '1', artifact: 'a-1', report: report('warn') },
    ];
    const merged = mergeReports(shards, { ...opts, expected: 3 });
    assertValidReport(merged);
    assert.equal(merged.verdict, 'fail');
    assert.deepEqual((merged.details.shards as { shard: string }[]).map((s) => s.shard), ['1', '2', '10'], 'numeric order');
    assert.deepEqual(merged.findings.map((f) => f.id), ['shard-1/f1', 'shard-2/f1', 'shard-10/f1']);
    assert.equal((merged.details.results as { shard: string }[]).length, 3);
    assert.deepEqual(merged.outputs, { regressions: 1, improvements: 0, shards: 3 });
    assert.match(merged.summary, /^3 of 3 shards \(1 warn, 1 fail, 1 pass\) — shard 2: fail summary$/);
    const table = merged.sections[0]?.blocks[0];
    assert.equal(table?.type, 'table');
    assert.match(JSON.stringify(merged.sections[0]), /different fingerprints/);
  });

  test('missing shards make it inconclusive; none found is an error', () => {
    const partial = mergeReports([{ shard: '1', artifact: 'a', report: report('pass') }], { ...opts, expected: 3 });
    assert.equal(partial.verdict, 'inconclusive');
    assert.ok(partial.findings.some((f) => f.id === 'merge/missing-shards'));
    const none = mergeReports([], { ...opts, expected: 3 });
    assert.equal(none.verdict, 'error');
    assert.match(none.findings[0]?.message ?? '', /shipgate-perf-gate-suite-shard-\*/);
    assertValidReport(none);
  });

  test('an unreadable shard is named and makes the merge at least inconclusive', () => {
    const merged = mergeReports([{ shard: '1', artifact: 'a', report: report('pass') }], { ...opts, unreadable: [{ shard: '2', message: 'no report.json' }] });
    assert.equal(merged.verdict, 'inconclusive');
    assert.match(merged.findings.find((f) => f.id === 'merge/unreadable-2')?.message ?? '', /shard 2 is not judged: no report\.json/);
  });

  test('outputs: max for recovery-seconds, min for score, union of lists', () => {
    const a = report('pass', { outputs: { 'recovery-seconds': 2, score: 90, 'drifted-columns': 'x,y' } });
    const b = report('pass', { outputs: { 'recovery-seconds': 5, score: 70, 'drifted-columns': 'y,z' } });
    const merged = mergeReports([{ shard: 'a', artifact: 'a', report: a }, { shard: 'b', artifact: 'b', report: b }], opts);
    assert.deepEqual(merged.outputs, { 'recovery-seconds': 5, score: 70, 'drifted-columns': 'x,y,z', shards: 2 });
  });
});

describe('untrustedReport', () => {
  test('markdown blocks from an artifact are code unless they are a plain Mermaid chart', () => {
    const hostile = report('fail', {
      summary: 'bad\n::set-output name=x::y',
      sections: [
        {
          id: 's',
          title: 'S',
          importance: 'essential',
          blocks: [
            { type: 'markdown', markdown: '@everyone <img src=x onerror=alert(1)> [click](https://evil.example)' },
            { type: 'markdown', markdown: '```mermaid\nxychart-beta\n  title "ok"\n  x-axis "x" 0 --> 1\n  line [1, 2]\n```' },
            { type: 'markdown', markdown: '```mermaid\nxychart-beta\n  title "<b>x</b>"\n```' },
            { type: 'details', summary: 'd', blocks: [{ type: 'markdown', markdown: '```\n```\n@team' }] },
            { type: 'markdown', markdown: '```mermaid\nflowchart LR\n  A --> B\n  click A href "https://evil.example/login"\n```' },
            { type: 'markdown', markdown: '```mermaid\n%%{init: {"securityLevel": "loose"}}%%\ngantt\n  x :a, 0, 1s\n```' },
            { type: 'markdown', markdown: '```mermaid\ngantt\n  click a call alert()\n```' },
            { type: 'markdown', markdown: '```mermaid\ngantt\n  dateFormat x\n  section faults\n  slow :a1, 1000, 3000\n```' },
          ],
        },
      ],
      outputs: { regressions: 1, 'evil output': 'x', summary: 'a\nb$(rm -rf /)' },
    });
    const safe = untrustedReport(hostile);
    const blocks = safe.sections[0]?.blocks ?? [];
    assert.deepEqual(blocks.map((b) => b.type), ['code', 'markdown', 'code', 'details', 'code', 'code', 'code', 'markdown']);
    assert.equal(blocks[3]?.type === 'details' ? blocks[3].blocks[0]?.type : undefined, 'code');
    assert.equal(safe.summary, 'bad ::set-output name=x::y');
    assert.deepEqual(safe.outputs, { regressions: 1, summary: 'a_b__rm -rf __' });
    const comment = renderComment(safe, { marker: '<!-- m -->' });
    // Inside code fences, text is shown, not interpreted: nothing of it may be left outside one.
    const outside = comment.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
    assert.doesNotMatch(outside, /<img|@everyone|@team|evil\.example/);
    assert.match(comment, /<img src=x/, 'the hostile text is still shown, as code');
  });

  test('allowed outputs restrict what a report may set', () => {
    const safe = untrustedReport(report('pass', { outputs: { regressions: 0, other: 1 } }), ['regressions']);
    assert.deepEqual(safe.outputs, { regressions: 0 });
  });
});
