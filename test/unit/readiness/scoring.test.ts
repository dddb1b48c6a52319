import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isConfigurationError } from '../../../src/core/errors.js';
import { applyWaiver, combineChecks, diffAgainstBase, scoreResults, utcToday } from '../../../src/gates/readiness-checklist/scoring.js';
import type { Score } from '../../../src/gates/readiness-checklist/scoring.js';
import type { CheckStatus, Checklist, ChecklistItem, Evidence, ItemResult, ItemStatus, Priority, Waiver } from '../../../src/gates/readiness-checklist/types.js';

const WEIGHTS: Record<Priority, number> = { critical: 10, high: 7.5, medium: 5, low: 2.5 };
const LEVELS = ['bronze', 'silver', 'gold'];

function ev(status: CheckStatus): Evidence {
  return { status, summary: status, attempts: 1, durationMs: 1 };
}

function item(id: string, priority: Priority, status: ItemStatus, level?: string, extra: Partial<ItemResult> = {}): ItemResult {
  const checkStatus: CheckStatus = status === 'waived' ? 'fail' : status;
  return { id, title: `Item ${id}`, section: 'S', priority, line: 1, status, checkStatus, checks: [], ...(level === undefined ? {} : { level }), ...extra };
}

function checklist(policy: Checklist['policy'] = {}, weights = WEIGHTS, levels = LEVELS): Pick<Checklist, 'levels' | 'weights' | 'policy'> {
  return { levels, weights, policy };
}

describe('combineChecks', () => {
  const cases: [CheckStatus[], CheckStatus][] = [
    [['pass'], 'pass'],
    [['pass', 'pass', 'pass'], 'pass'],
    [['pass', 'fail'], 'fail'],
    [['inconclusive', 'fail', 'pass'], 'fail'],
    [['pass', 'inconclusive'], 'inconclusive'],
    [['inconclusive'], 'inconclusive'],
    [[], 'inconclusive'],
  ];
  for (const [statuses, expected] of cases) {
    test(`[${statuses.join(', ')}] → ${expected}`, () => assert.equal(combineChecks(statuses.map(ev)), expected));
  }
});

describe('applyWaiver', () => {
  const target: ChecklistItem = { id: 'runbook', title: 'Runbook', priority: 'medium', section: 'Ops', checks: [], line: 7 };
  const waiver: Waiver = { id: 'runbook', reason: 'being written', owner: '@platform', ticket: 'OPS-17', expires: '2026-03-31', line: 40 };

  const cases: { name: string; check: CheckStatus; today: string; status: ItemStatus; expired?: boolean; reason?: RegExp }[] = [
    { name: 'fail, before expiry → waived', check: 'fail', today: '2026-03-01', status: 'waived', expired: false, reason: /^waived until 2026-03-31 \(@platform, OPS-17\): being written$/ },
    { name: 'fail, expires today → still waived', check: 'fail', today: '2026-03-31', status: 'waived', expired: false },
    { name: 'inconclusive, expires today → still waived', check: 'inconclusive', today: '2026-03-31', status: 'waived', expired: false },
    { name: 'fail, the day after → fail', check: 'fail', today: '2026-04-01', status: 'fail', expired: true, reason: /^waiver expired on 2026-03-31\b/ },
    { name: 'inconclusive, expired → fail, not inconclusive', check: 'inconclusive', today: '2026-04-01', status: 'fail', expired: true, reason: /^waiver expired on 2026-03-31.*inconclusive/ },
    { name: 'pass with a live waiver → pass, waiver unused', check: 'pass', today: '2026-03-01', status: 'pass', expired: false, reason: /unused/ },
    { name: 'pass with an expired waiver → pass', check: 'pass', today: '2027-01-01', status: 'pass', expired: true, reason: /unused/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = applyWaiver(target, c.check, waiver, c.today);
      assert.equal(r.status, c.status);
      assert.deepEqual(r.waiver, { ...waiver, expired: c.expired });
      if (c.reason !== undefined) assert.match(r.reason ?? '', c.reason);
    });
  }

  test('year boundary: expires 2026-12-31, today 2027-01-01 → fail', () => {
    assert.equal(applyWaiver(target, 'fail', { ...waiver, expires: '2026-12-31' }, '2027-01-01').status, 'fail');
    assert.equal(applyWaiver(target, 'fail', { ...waiver, expires: '2026-12-31' }, '2026-12-31').status, 'waived');
  });

  test('no waiver: the checks decide', () => {
    for (const s of ['pass', 'fail', 'inconclusive'] as const) assert.deepEqual(applyWaiver(target, s, undefined, '2026-01-01'), { status: s });
  });

  test('a malformed expiry is a ConfigurationError naming the item and line', () => {
    for (const expires of ['2026-02-30', '31.03.2026', '2026-3-31']) {
      assert.throws(
        () => applyWaiver(target, 'fail', { ...waiver, expires }, '2026-01-01'),
        (e: unknown) => isConfigurationError(e) && /runbook/.test(e.message) && /line 40/.test(e.message) && e.message.includes(expires),
      );
    }
  });

  test('utcToday is the UTC calendar day', () => {
    assert.equal(utcToday(new Date('2026-03-31T23:59:59.999Z')), '2026-03-31');
    assert.equal(utcToday(new Date('2026-04-01T00:30:00+02:00')), '2026-03-31');
  });
});

describe('scoreResults: score', () => {
  const cases: { name: string; items: ItemResult[]; weights?: Record<Priority, number>; score: number }[] = [
    { name: 'all pass', items: [item('a', 'critical', 'pass'), item('b', 'low', 'pass')], score: 100 },
    {
      name: 'weighted by priority',
      // earned 10 + 5 of 10 + 7.5 + 5 + 2.5
      items: [item('a', 'critical', 'pass'), item('b', 'high', 'fail'), item('c', 'medium', 'pass'), item('d', 'low', 'fail')],
      score: 60,
    },
    { name: 'inconclusive counts as not passed', items: [item('a', 'high', 'pass'), item('b', 'high', 'inconclusive')], score: 50 },
    {
      name: 'waived items are left out of both sums',
      items: [item('a', 'critical', 'pass'), item('b', 'high', 'waived'), item('c', 'medium', 'fail')],
      score: 66.7, // 10 / 15
    },
    { name: 'one decimal', items: [item('a', 'medium', 'pass'), item('b', 'medium', 'fail'), item('c', 'medium', 'fail')], score: 33.3 },
    {
      name: 'custom weights',
      items: [item('a', 'critical', 'pass'), item('b', 'low', 'fail')],
      weights: { critical: 3, high: 2, medium: 1, low: 1 },
      score: 75,
    },
    {
      name: '100 only when everything counted passes',
      items: [item('a', 'critical', 'pass'), item('b', 'low', 'fail')],
      weights: { critical: 100_000, high: 1, medium: 1, low: 1 },
      score: 99.9,
    },
    { name: 'all waived → 100', items: [item('a', 'critical', 'waived')], score: 100 },
    { name: 'no items → 100', items: [], score: 100 },
    { name: 'all fail → 0', items: [item('a', 'critical', 'fail'), item('b', 'low', 'inconclusive')], score: 0 },
  ];
  for (const c of cases) {
    test(c.name, () => assert.equal(scoreResults(c.items, checklist({}, c.weights)).score, c.score));
  }
});

describe('scoreResults: levels', () => {
  type Row = { name: string; items: ItemResult[]; level: string | null; reached: boolean[]; blocking: string[][] };
  const rows: Row[] = [
    {
      name: 'ladder: silver fails, so gold is not reached even though gold items pass',
      items: [item('b1', 'high', 'pass', 'bronze'), item('s1', 'medium', 'fail', 'silver'), item('g1', 'low', 'pass', 'gold')],
      level: 'bronze',
      reached: [true, false, false],
      blocking: [[], ['s1'], ['s1']],
    },
    {
      name: 'gap in the middle: silver has no items and is reached on the way to gold',
      items: [item('b1', 'high', 'pass', 'bronze'), item('g1', 'low', 'pass', 'gold')],
      level: 'gold',
      reached: [true, true, true],
      blocking: [[], [], []],
    },
    {
      name: 'gap at the top: gold has no items, nothing proves it',
      items: [item('b1', 'high', 'pass', 'bronze'), item('s1', 'high', 'pass', 'silver')],
      level: 'silver',
      reached: [true, true, false],
      blocking: [[], [], []],
    },
    {
      name: 'gap at the bottom: bronze reached when silver items pass',
      items: [item('s1', 'high', 'pass', 'silver'), item('g1', 'high', 'fail', 'gold')],
      level: 'silver',
      reached: [true, true, false],
      blocking: [[], [], ['g1']],
    },
    {
      name: 'waived does not count as passing for levels',
      items: [item('b1', 'high', 'waived', 'bronze'), item('s1', 'high', 'pass', 'silver')],
      level: null,
      reached: [false, false, false],
      blocking: [['b1'], ['b1'], ['b1']],
    },
    {
      name: 'inconclusive blocks its level',
      items: [item('b1', 'high', 'pass', 'bronze'), item('s1', 'critical', 'inconclusive', 'silver')],
      level: 'bronze',
      reached: [true, false, false],
      blocking: [[], ['s1'], ['s1']],
    },
    {
      name: 'items without a level count for no level',
      items: [item('x', 'critical', 'fail'), item('b1', 'low', 'pass', 'bronze'), item('g1', 'low', 'pass', 'gold')],
      level: 'gold',
      reached: [true, true, true],
      blocking: [[], [], []],
    },
    {
      name: 'no item uses a level → no level',
      items: [item('x', 'critical', 'pass'), item('y', 'low', 'pass')],
      level: null,
      reached: [false, false, false],
      blocking: [[], [], []],
    },
  ];
  for (const r of rows) {
    test(r.name, () => {
      const s = scoreResults(r.items, checklist());
      assert.equal(s.level, r.level);
      assert.deepEqual(
        s.levels.map((l) => l.name),
        LEVELS,
      );
      assert.deepEqual(
        s.levels.map((l) => l.reached),
        r.reached,
      );
      assert.deepEqual(
        s.levels.map((l) => l.blocking),
        r.blocking,
      );
    });
  }

  test('an item level not among the levels is a ConfigurationError naming the item', () => {
    assert.throws(
      () => scoreResults([item('p', 'low', 'pass', 'platinum', { line: 12 })], checklist()),
      (e: unknown) => isConfigurationError(e) && /"p"/.test(e.message) && /line 12/.test(e.message) && /platinum/.test(e.message),
    );
  });
});

describe('scoreResults: verdict and policy', () => {
  type Row = {
    name: string;
    items: ItemResult[];
    policy?: Checklist['policy'];
    verdict: Score['verdict'];
    reasons: RegExp[];
    failedCritical?: string[];
  };
  const rows: Row[] = [
    { name: 'everything passes', items: [item('a', 'critical', 'pass'), item('b', 'low', 'pass')], verdict: 'pass', reasons: [/^all 2 items pass$/] },
    { name: 'empty checklist', items: [], verdict: 'pass', reasons: [/^the checklist has no items$/] },
    {
      name: 'a critical item fails',
      items: [item('db', 'critical', 'fail'), item('b', 'low', 'pass')],
      verdict: 'fail',
      reasons: [/^1 critical item does not pass: db \(fail\)$/],
      failedCritical: ['db'],
    },
    {
      name: 'a critical inconclusive item never passes',
      items: [item('db', 'critical', 'inconclusive'), item('x', 'critical', 'fail')],
      verdict: 'fail',
      reasons: [/^2 critical items do not pass: db \(inconclusive\), x \(fail\)$/],
      failedCritical: ['db', 'x'],
    },
    {
      name: 'a non-critical failure warns',
      items: [item('a', 'critical', 'pass'), item('h', 'high', 'fail'), item('l', 'low', 'inconclusive')],
      verdict: 'warn',
      reasons: [/^2 non-critical items do not pass: h \(fail\), l \(inconclusive\)$/],
    },
    {
      name: 'an active waiver warns, even on a critical item',
      items: [item('a', 'critical', 'pass'), item('w', 'critical', 'waived', undefined, { waiver: { id: 'w', reason: 'r', owner: 'o', expires: '2026-12-31', expired: false } })],
      verdict: 'warn',
      reasons: [/^1 item is waived: w \(until 2026-12-31\)$/],
      failedCritical: [],
    },
    {
      name: 'score below min_score fails',
      items: [item('a', 'critical', 'pass'), item('b', 'high', 'fail'), item('c', 'medium', 'pass'), item('d', 'low', 'fail')],
      policy: { minScore: 80 },
      verdict: 'fail',
      reasons: [/^score 60 is below min_score 80$/, /^2 non-critical items do not pass/],
    },
    {
      name: 'score equal to min_score does not fail',
      items: [item('a', 'critical', 'pass'), item('b', 'high', 'fail'), item('c', 'medium', 'pass'), item('d', 'low', 'fail')],
      policy: { minScore: 60 },
      verdict: 'warn',
      reasons: [/^2 non-critical items do not pass/],
    },
    {
      name: 'level below min_level fails and names the blocking items',
      items: [item('b1', 'low', 'pass', 'bronze'), item('s1', 'low', 'fail', 'silver')],
      policy: { minLevel: 'silver' },
      verdict: 'fail',
      reasons: [/^level bronze is below min_level silver \(blocking: s1\)$/, /^1 non-critical item does not pass: s1 \(fail\)$/],
    },
    {
      name: 'no level reached, min_level bronze',
      items: [item('b1', 'low', 'waived', 'bronze')],
      policy: { minLevel: 'bronze' },
      verdict: 'fail',
      reasons: [/^level \(none\) is below min_level bronze \(blocking: b1\)$/, /^1 item is waived: b1$/],
    },
    {
      name: 'min_level that no item proves',
      items: [item('b1', 'low', 'pass', 'bronze')],
      policy: { minLevel: 'gold' },
      verdict: 'fail',
      reasons: [/^level bronze is below min_level gold \(no item has level gold or above/],
    },
    {
      name: 'min_level reached and min_score met',
      items: [item('b1', 'low', 'pass', 'bronze'), item('s1', 'low', 'pass', 'silver'), item('g1', 'low', 'pass', 'gold')],
      policy: { minLevel: 'gold', minScore: 100 },
      verdict: 'pass',
      reasons: [/^all 3 items pass$/],
    },
    {
      name: 'several fail causes, fail causes before warn causes',
      items: [item('c', 'critical', 'fail', 'bronze'), item('m', 'medium', 'fail'), item('w', 'low', 'waived')],
      policy: { minScore: 50, minLevel: 'bronze' },
      verdict: 'fail',
      reasons: [/^1 critical item does not pass: c \(fail\)$/, /^score 0 is below min_score 50$/, /^level \(none\) is below min_level bronze \(blocking: c\)$/, /^1 non-critical item does not pass: m \(fail\)$/, /^1 item is waived: w$/],
      failedCritical: ['c'],
    },
  ];
  for (const r of rows) {
    test(r.name, () => {
      const s = scoreResults(r.items, checklist(r.policy));
      assert.equal(s.verdict, r.verdict);
      assert.equal(s.reasons.length, r.reasons.length, `reasons: ${JSON.stringify(s.reasons)}`);
      r.reasons.forEach((re, i) => assert.match(s.reasons[i] ?? '', re));
      if (r.failedCritical !== undefined) assert.deepEqual(s.failedCritical, r.failedCritical);
    });
  }

  test('counts every status', () => {
    const s = scoreResults([item('a', 'low', 'pass'), item('b', 'low', 'pass'), item('c', 'low', 'fail'), item('d', 'low', 'waived'), item('e', 'low', 'inconclusive')], checklist());
    assert.deepEqual(s.counts, { pass: 2, fail: 1, inconclusive: 1, waived: 1 });
    assert.deepEqual(scoreResults([], checklist()).counts, { pass: 0, fail: 0, inconclusive: 0, waived: 0 });
  });

  test('a min_level that is not a level is a ConfigurationError', () => {
    assert.throws(
      () => scoreResults([item('a', 'low', 'pass')], checklist({ minLevel: 'platinum' })),
      (e: unknown) => isConfigurationError(e) && /policy\.min_level "platinum"/.test(e.message) && /bronze, silver, gold/.test(e.message),
    );
  });
});

describe('diffAgainstBase', () => {
  const report = (items: unknown[], score?: unknown): unknown => ({
    schemaVersion: 1,
    gate: 'readiness-checklist',
    name: 'svc',
    verdict: 'fail',
    details: { items, ...(score === undefined ? {} : { score }) },
  });

  test('newly failing, newly passing, added, removed, score change', () => {
    const base = report(
      [
        { id: 'a', status: 'pass', priority: 'critical' },
        { id: 'b', status: 'fail', priority: 'high' },
        { id: 'c', status: 'waived', priority: 'medium' },
        { id: 'd', status: 'inconclusive', priority: 'low' },
        { id: 'e', status: 'pass', priority: 'low' },
        { id: 'g', status: 'waived', priority: 'low' },
        { id: 'h', status: 'pass', priority: 'low' },
        { id: 'r', status: 'fail', priority: 'low' },
      ],
      60,
    );
    const current = [
      item('a', 'critical', 'fail'), // pass → fail: newly failing
      item('f', 'low', 'pass'), // added
      item('b', 'high', 'pass'), // fail → pass: newly passing
      item('c', 'medium', 'pass'), // waived → pass: newly passing
      item('d', 'low', 'fail'), // inconclusive → fail: failing before and after
      item('g', 'low', 'inconclusive'), // waived → inconclusive: newly failing (e.g. the waiver expired)
      item('h', 'low', 'waived'), // pass → waived: neither
      item('e', 'low', 'pass'), // unchanged
    ];
    assert.deepEqual(diffAgainstBase(current, 71.5, base), {
      newlyFailing: ['a', 'g'],
      newlyPassing: ['b', 'c'],
      added: ['f'],
      removed: ['r'],
      scoreChange: 11.5,
      baseScore: 60,
    });
  });

  test('score change to one decimal; a base without a score gives null', () => {
    assert.equal(diffAgainstBase([], 66.7, report([], 70)).scoreChange, -3.3);
    assert.deepEqual(diffAgainstBase([item('a', 'low', 'pass')], 100, report([])), {
      newlyFailing: [],
      newlyPassing: [],
      added: ['a'],
      removed: [],
      scoreChange: null,
      baseScore: null,
    });
  });

  const bad: [string, unknown, RegExp][] = [
    ['null', null, /expected an object, got null/],
    ['an array', [], /expected an object, got an array/],
    ['another gate', { gate: 'perf-gate', details: { items: [] } }, /"gate" is "perf-gate"/],
    ['no gate', { details: { items: [] } }, /"gate" is missing/],
    ['no details', { gate: 'readiness-checklist' }, /"details" is missing/],
    ['items not an array', { gate: 'readiness-checklist', details: { items: {} } }, /"details\.items" is an object, expected an array/],
    ['item without id', report([{ status: 'pass' }]), /"details\.items\[0\]\.id" is missing/],
    ['unknown status', report([{ id: 'a', status: 'ok' }]), /"details\.items\[0\]\.status" is "ok", expected one of pass, fail, inconclusive, waived/],
    ['unknown priority', report([{ id: 'a', status: 'pass', priority: 'urgent' }]), /"details\.items\[0\]\.priority" is "urgent"/],
    ['duplicate id', report([{ id: 'a', status: 'pass' }, { id: 'a', status: 'fail' }]), /item id "a" appears twice/],
    ['score not a number', report([], '71'), /"details\.score" is "71", expected a number/],
  ];
  for (const [name, base, re] of bad) {
    test(`rejects ${name}`, () => {
      assert.throws(
        () => diffAgainstBase([], 50, base, { file: 'base/report.json' }),
        (e: unknown) => isConfigurationError(e) && e.message.startsWith('base/report.json is not a readiness-checklist report.json: ') && re.test(e.message),
      );
    });
  }

  test('a report with a score but no items is rejected with what is missing', () => {
    assert.throws(
      () => diffAgainstBase([], 50, { schemaVersion: 1, gate: 'readiness-checklist', details: { score: 71, level: 'bronze' } }),
      (e: unknown) => isConfigurationError(e) && /^base-result is not a readiness-checklist report\.json: "details\.items" is missing/.test(e.message),
    );
  });
});
