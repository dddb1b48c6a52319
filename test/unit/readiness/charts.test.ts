import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scoreSpec, writeReadinessCharts } from '../../../src/gates/readiness-checklist/charts.js';
import type { ItemResult } from '../../../src/gates/readiness-checklist/types.js';

function item(id: string, section: string, status: ItemResult['status']): ItemResult {
  return { id, title: id, section, priority: 'high', line: 1, status, checkStatus: status === 'waived' ? 'fail' : status, checks: [] };
}

const HOSTILE = '<img src=x onerror=alert(1)> "x"';

describe('readiness charts', () => {
  test('counts items per section and status, in checklist order', () => {
    const results = [item('a', 'Ops', 'pass'), item('b', 'Ops', 'fail'), item('c', 'Ops', 'pass'), item('d', HOSTILE, 'waived')];
    const spec = scoreSpec(results, [HOSTILE, 'Ops', 'Empty']) as unknown as { data: { values: { section: string; status: string; n: number; si: number }[] } };
    assert.deepEqual(
      spec.data.values.map((v) => [v.si, v.status, v.n]),
      [
        [0, 'waived', 1],
        [1, 'pass', 2],
        [1, 'fail', 1],
      ],
    );
    assert.ok(!JSON.stringify({ ...spec, data: null }).includes('img src'));
    assert.equal(scoreSpec([], ['Ops']), undefined);
  });

  test('writes charts/score.svg', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-readiness-charts-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const warnings: string[] = [];
    const written = await writeReadinessCharts(dir, [item('a', 'Ops', 'pass'), item('b', HOSTILE, 'inconclusive')], ['Ops', HOSTILE], { warning: (m) => warnings.push(m) });
    assert.equal(written, 'charts/score.svg');
    assert.deepEqual(warnings, []);
    const svg = await readFile(path.join(dir, 'charts', 'score.svg'), 'utf8');
    assert.match(svg, /^<svg/);
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!svg.includes('<img'));
  });
});
