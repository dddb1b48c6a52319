import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toSarif } from '../../../src/gates/readiness-checklist/sarif.js';
import type { CheckStatus, ItemResult, ItemStatus, Priority } from '../../../src/gates/readiness-checklist/types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The SARIF 2.1.0 fields GitHub code scanning requires, checked by hand: returns the problems found (empty when valid).
 */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  if (!isObject(log)) return ['log is not an object'];
  need(typeof log.$schema === 'string' && /sarif-schema-2\.1\.0\.json$/.test(log.$schema), '$schema names the 2.1.0 schema');
  need(log.version === '2.1.0', 'version is "2.1.0"');
  const runs = log.runs;
  if (!Array.isArray(runs) || runs.length !== 1) return [...problems, 'runs: exactly one run'];
  const run: unknown = runs[0];
  if (!isObject(run)) return [...problems, 'runs[0] is an object'];
  const driver = isObject(run.tool) ? run.tool.driver : undefined;
  if (!isObject(driver)) return [...problems, 'runs[0].tool.driver is an object'];
  need(typeof driver.name === 'string' && driver.name !== '', 'tool.driver.name');
  need(driver.version === undefined || typeof driver.version === 'string', 'tool.driver.version is a string');
  need(driver.informationUri === undefined || (typeof driver.informationUri === 'string' && URL.canParse(driver.informationUri)), 'tool.driver.informationUri is a URI');
  const rules = driver.rules;
  if (!Array.isArray(rules)) return [...problems, 'tool.driver.rules is an array'];
  const ruleIds: string[] = [];
  rules.forEach((rule: unknown, i) => {
    if (!isObject(rule)) return void problems.push(`rules[${i}] is an object`);
    need(typeof rule.id === 'string' && rule.id !== '', `rules[${i}].id`);
    ruleIds.push(String(rule.id));
    need(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string', `rules[${i}].shortDescription.text`);
  });
  need(new Set(ruleIds).size === ruleIds.length, 'rule ids are unique');
  const results = run.results;
  if (!Array.isArray(results)) return [...problems, 'runs[0].results is an array'];
  results.forEach((result: unknown, i) => {
    const at = `results[${i}]`;
    if (!isObject(result)) return void problems.push(`${at} is an object`);
    need(isObject(result.message) && typeof result.message.text === 'string' && result.message.text !== '', `${at}.message.text`);
    need(typeof result.ruleId === 'string' && ruleIds.includes(result.ruleId), `${at}.ruleId names a rule`);
    if (result.ruleIndex !== undefined) need(ruleIds[result.ruleIndex as number] === result.ruleId, `${at}.ruleIndex points at its rule`);
    need(result.level === undefined || ['none', 'note', 'warning', 'error'].includes(result.level as string), `${at}.level`);
    const locations = result.locations;
    need(Array.isArray(locations) && locations.length >= 1, `${at}.locations`);
    for (const loc of Array.isArray(locations) ? (locations as unknown[]) : []) {
      const physical = isObject(loc) ? loc.physicalLocation : undefined;
      const artifact = isObject(physical) ? physical.artifactLocation : undefined;
      need(isObject(artifact) && typeof artifact.uri === 'string' && URL.canParse(artifact.uri, 'file:///root/'), `${at} artifactLocation.uri is a URI reference`);
      const region = isObject(physical) ? physical.region : undefined;
      need(region === undefined || (isObject(region) && Number.isInteger(region.startLine) && (region.startLine as number) >= 1), `${at} region.startLine ≥ 1`);
    }
    if (result.suppressions !== undefined) {
      need(
        Array.isArray(result.suppressions) && result.suppressions.every((s: unknown) => isObject(s) && (s.kind === 'inSource' || s.kind === 'external')),
        `${at}.suppressions[].kind`,
      );
    }
  });
  return problems;
}

function item(id: string, priority: Priority, status: ItemStatus, extra: Partial<ItemResult> = {}): ItemResult {
  const checkStatus: CheckStatus = status === 'waived' ? 'fail' : status;
  return { id, title: `Title of ${id}`, section: 'Ops', priority, line: 10, status, checkStatus, checks: [], reason: `${id} reason`, ...extra };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }[];
  suppressions?: { kind: string; justification: string }[];
}
interface Log {
  runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; properties: { priority: string } }[] } }; results: Result[] }[];
}

function run(items: ItemResult[], file = 'readiness.yml'): { log: Log; results: Result[] } {
  const raw = toSarif(items, file, '1.2.3');
  assert.deepEqual(sarifProblems(raw), []);
  // What is written to results.sarif is JSON.
  const log = JSON.parse(JSON.stringify(raw)) as Log;
  return { log, results: log.runs[0]?.results ?? [] };
}

describe('toSarif', () => {
  test('the checker catches broken logs (it can fail)', () => {
    assert.deepEqual(sarifProblems({ version: '2.0.0', runs: [] }), ['$schema names the 2.1.0 schema', 'version is "2.1.0"', 'runs: exactly one run']);
    const raw = JSON.parse(JSON.stringify(toSarif([item('a', 'high', 'fail')], 'readiness.yml', '1'))) as Log;
    const r = raw.runs[0]?.results[0];
    assert.ok(r !== undefined);
    r.ruleId = 'nope';
    r.locations = [{ physicalLocation: { artifactLocation: { uri: 'readiness.yml' }, region: { startLine: 0 } } }];
    assert.deepEqual(sarifProblems(raw), ['results[0].ruleId names a rule', 'results[0].ruleIndex points at its rule', 'results[0] region.startLine ≥ 1']);
  });

  test('one rule per item, with title and priority; the driver names the tool and version', () => {
    const { log } = run([item('a', 'critical', 'pass'), item('b', 'low', 'fail'), item('c', 'medium', 'waived')]);
    const driver = log.runs[0]?.tool.driver;
    assert.equal(driver?.name, 'shipgate readiness-checklist');
    assert.equal(driver?.version, '1.2.3');
    assert.deepEqual(
      driver?.rules.map((r) => [r.id, r.shortDescription.text, r.properties.priority]),
      [
        ['a', 'Title of a', 'critical'],
        ['b', 'Title of b', 'low'],
        ['c', 'Title of c', 'medium'],
      ],
    );
  });

  const levels: [Priority, ItemStatus, string | null][] = [
    ['critical', 'fail', 'error'],
    ['high', 'fail', 'error'],
    ['medium', 'fail', 'warning'],
    ['low', 'fail', 'note'],
    ['critical', 'inconclusive', 'warning'],
    ['low', 'inconclusive', 'warning'],
    ['critical', 'pass', null],
    ['high', 'waived', 'error'],
  ];
  for (const [priority, status, level] of levels) {
    test(`${priority} ${status} → ${level ?? 'no result'}`, () => {
      const { results } = run([item('x', priority, status)]);
      if (level === null) return assert.equal(results.length, 0);
      assert.equal(results.length, 1);
      assert.equal(results[0]?.level, level);
    });
  }

  test('a waived item with inconclusive checks is a warning; an expired waiver over inconclusive checks fails by priority', () => {
    const { results } = run([item('w', 'critical', 'waived', { checkStatus: 'inconclusive' }), item('e', 'critical', 'fail', { checkStatus: 'inconclusive' })]);
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level]),
      [
        ['w', 'warning'],
        ['e', 'error'],
      ],
    );
  });

  test('results: message is the reason, located at the item line in the checklist; waived items are suppressed', () => {
    const { results } = run([
      item('ok', 'high', 'pass'),
      item('db', 'critical', 'fail', { line: 12, reason: 'restore took 41 min' }),
      item('runbook', 'medium', 'waived', { line: 27, reason: 'waived until 2026-12-31 (@platform): being written' }),
    ]);
    assert.deepEqual(results, [
      {
        ruleId: 'db',
        ruleIndex: 1,
        level: 'error',
        message: { text: 'restore took 41 min' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'readiness.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } } }],
        properties: { status: 'fail', checkStatus: 'fail' },
      },
      {
        ruleId: 'runbook',
        ruleIndex: 2,
        level: 'warning',
        message: { text: 'waived until 2026-12-31 (@platform): being written' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'readiness.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 27 } } }],
        suppressions: [{ kind: 'external', justification: 'waived until 2026-12-31 (@platform): being written' }],
        properties: { status: 'waived', checkStatus: 'fail' },
      },
    ]);
  });

  test('without a reason the message says what the item is and its status', () => {
    const { results } = run([item('x', 'low', 'inconclusive', { reason: undefined })]);
    assert.equal(results[0]?.message.text, 'Title of x: inconclusive');
  });

  test('checklist paths become URI references; an absolute path a file: URI', () => {
    assert.equal(run([item('x', 'low', 'fail')], 'ops/ready ness#1.yml').results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'ops/ready%20ness%231.yml');
    assert.equal(run([item('x', 'low', 'fail')], './ops\\readiness.yml').results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'ops/readiness.yml');
    const abs = run([item('x', 'low', 'fail')], '/work/repo/readiness.yml').results[0]?.locations[0]?.physicalLocation.artifactLocation;
    assert.deepEqual(abs, { uri: 'file:///work/repo/readiness.yml' });
  });

  test('an item without a usable line has no region', () => {
    const { results } = run([item('x', 'low', 'fail', { line: 0 })]);
    assert.equal(results[0]?.locations[0]?.physicalLocation.region, undefined);
  });

  test('no items → a valid log with no rules and no results', () => {
    const { log, results } = run([]);
    assert.deepEqual(log.runs[0]?.tool.driver.rules, []);
    assert.deepEqual(results, []);
  });
});
