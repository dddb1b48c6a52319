import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { ConfigurationError } from '../../../src/core/errors.js';
import { getValidator } from '../../../src/core/schema.js';
import { loadSchema } from '../../../src/core/schema-files.js';
import { checklistToYaml, DEFAULT_LEVELS, DEFAULT_WEIGHTS, loadChecklist } from '../../../src/gates/readiness-checklist/checklist.js';
import type { Checklist } from '../../../src/gates/readiness-checklist/types.js';

let dir: string;
let counter = 0;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readiness-checklist-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `text` (lines joined) into a fresh file in the temp dir; returns its path. */
async function write(lines: string[], name?: string): Promise<string> {
  const file = path.join(dir, name ?? `readiness-${++counter}.yml`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function loadError(file: string, opts: Parameters<typeof loadChecklist>[1] = {}): Promise<ConfigurationError> {
  try {
    await loadChecklist(file, { displayPath: path.basename(file), ...opts });
  } catch (e) {
    assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected loadChecklist to fail');
}

const EXAMPLE = [
  'version: 1', //                                   1
  'name: payments-api', //                           2
  'levels: [bronze, silver, gold]', //               3
  'weights: { critical: 10, high: 7.5, medium: 5, low: 2.5 }', // 4
  'policy: { min_score: 80, min_level: silver }', // 5
  'sections:', //                                    6
  '  - title: Observability', //                     7
  '    items:', //                                   8
  '      - id: metrics-scraped', //                  9
  '        title: Prometheus scrapes the service', // 10
  '        priority: critical', //                   11
  '        owner: SRE', //                           12
  "        acceptance: The service's target is up in Prometheus.", // 13
  '        level: bronze', //                        14
  '        checks:', //                              15
  '          - type: prometheus', //                 16
  '            url: http://127.0.0.1:9090', //       17
  '            query: up{job="api"}', //             18
  '            expect: "== 1"', //                   19
  '          - { type: service, service: redis, host: 127.0.0.1 }', // 20
  '      - id: runbook', //                          21
  '        title: Runbook reviewed', //              22
  '        priority: medium', //                     23
  '        owner: platform', //                      24
  '        checks: [{ type: manual, checked: true, by: "@alice" }]', // 25
  '  - title: Security', //                          26
  '    items:', //                                   27
  '      - id: tls', //                              28
  '        title: TLS everywhere', //                29
  '        priority: high', //                       30
  'waivers:', //                                     31
  '  - { id: runbook, reason: "rewrite in progress", owner: platform, ticket: OPS-17, expires: 2026-12-31 }', // 32
];

describe('loadChecklist', () => {
  test('loads the documented example with lines, checks, policy and waivers', async () => {
    const file = await write(EXAMPLE);
    const c = await loadChecklist(file, { displayPath: 'ops/readiness.yml' });
    assert.equal(c.file, 'ops/readiness.yml');
    assert.equal(c.name, 'payments-api');
    assert.deepEqual(c.levels, ['bronze', 'silver', 'gold']);
    assert.deepEqual(c.weights, { critical: 10, high: 7.5, medium: 5, low: 2.5 });
    assert.deepEqual(c.policy, { minScore: 80, minLevel: 'silver' });
    assert.deepEqual(
      c.sections.map((s) => [s.title, s.items.map((i) => i.id)]),
      [
        ['Observability', ['metrics-scraped', 'runbook']],
        ['Security', ['tls']],
      ],
    );
    const [metrics, runbook] = c.sections[0]?.items ?? [];
    assert.deepEqual(metrics, {
      id: 'metrics-scraped',
      title: 'Prometheus scrapes the service',
      priority: 'critical',
      owner: 'SRE',
      acceptance: "The service's target is up in Prometheus.",
      level: 'bronze',
      section: 'Observability',
      checks: [
        { type: 'prometheus', url: 'http://127.0.0.1:9090', query: 'up{job="api"}', expect: '== 1' },
        { type: 'service', service: 'redis', host: '127.0.0.1' },
      ],
      line: 9,
    });
    assert.equal(runbook?.line, 21);
    assert.deepEqual(runbook?.checks, [{ type: 'manual', checked: true, by: '@alice' }]);
    const tls = c.sections[1]?.items[0];
    assert.equal(tls?.line, 28);
    assert.deepEqual(tls?.checks, [{ type: 'manual' }], 'an item without checks is manual');
    assert.equal(tls?.owner, undefined);
    assert.deepEqual(c.waivers, [{ id: 'runbook', reason: 'rewrite in progress', owner: 'platform', ticket: 'OPS-17', expires: '2026-12-31', line: 32 }]);
  });

  test('defaults: levels, weights, empty policy, no waivers', async () => {
    const file = await write(['version: 1', 'sections:', '  - title: A', '    items:', '      - { id: a, title: A thing, priority: low }']);
    const c = await loadChecklist(file);
    assert.equal(c.name, undefined);
    assert.deepEqual(c.levels, [...DEFAULT_LEVELS]);
    assert.deepEqual(c.levels, ['bronze', 'silver', 'gold']);
    assert.deepEqual(c.weights, { ...DEFAULT_WEIGHTS });
    assert.deepEqual(c.weights, { critical: 10, high: 7.5, medium: 5, low: 2.5 });
    assert.deepEqual(c.policy, {});
    assert.deepEqual(c.waivers, []);
    assert.equal(c.sections[0]?.items[0]?.line, 5);
    assert.equal(c.file, path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));
  });

  test('partial weights keep the other defaults; custom levels', async () => {
    const file = await write([
      'version: 1',
      'levels: [alpha, beta]',
      'weights: { critical: 20 }',
      'policy: { min_level: beta }',
      'sections:',
      '  - title: A',
      '    items:',
      '      - { id: a, title: A thing, priority: low, level: alpha }',
    ]);
    const c = await loadChecklist(file);
    assert.deepEqual(c.weights, { critical: 20, high: 7.5, medium: 5, low: 2.5 });
    assert.deepEqual(c.levels, ['alpha', 'beta']);
    assert.deepEqual(c.policy, { minLevel: 'beta' });
    assert.equal(c.sections[0]?.items[0]?.level, 'alpha');
  });

  test('known probe types: accepted when listed', async () => {
    const file = await write(EXAMPLE);
    const c = await loadChecklist(file, { knownProbeTypes: ['prometheus', 'service', 'manual'] });
    assert.equal(c.sections.length, 2);
  });
});

describe('loadChecklist errors', () => {
  const item = (id: string, extra = ''): string => `      - { id: ${id}, title: Thing ${id}, priority: high${extra} }`;
  const head = ['version: 1', 'sections:', '  - title: A', '    items:'];

  test('duplicate item ids name both lines', async () => {
    const file = await write([...head, item('a'), item('b'), '  - title: B', '    items:', item('a')]);
    const e = await loadError(file);
    assert.equal(e.location?.line, 9);
    assert.equal(e.location?.file, path.basename(file));
    assert.equal(e.field, 'sections[1].items[0].id');
    assert.match(e.message, /:9: duplicate item id `a`/);
    assert.match(e.message, /line 5/);
    assert.match(e.message, /line 9/);
  });

  test('unknown probe type lists the known ones', async () => {
    const file = await write([
      ...head,
      item('a'),
      '      - id: b', //             6
      '        title: B',
      '        priority: low',
      '        checks:',
      '          - type: command', // 10
      '            run: "true"',
      '          - type: htpp', //    12
      '            url: http://127.0.0.1',
    ]);
    const e = await loadError(file, { knownProbeTypes: ['http', 'command', 'manual'] });
    assert.equal(e.location?.line, 12);
    assert.equal(e.field, 'sections[0].items[1].checks[1].type');
    assert.match(e.message, /unknown check type `htpp`/);
    assert.match(e.message, /Known types: command, http, manual\./);
    // Without a list of known types any type string is accepted here (the probes validate later).
    await assert.doesNotReject(loadChecklist(file));
  });

  test('an item level that is not one of the levels', async () => {
    const file = await write(['version: 1', 'levels: [bronze, silver]', 'sections:', '  - title: A', '    items:', item('a'), item('b', ', level: gold')]);
    const e = await loadError(file);
    assert.equal(e.location?.line, 7);
    assert.equal(e.field, 'sections[0].items[1].level');
    assert.match(e.message, /level `gold` of item `b` is not one of the levels \(bronze, silver\)/);
  });

  test('policy.min_level that is not one of the levels', async () => {
    const file = await write(['version: 1', 'policy:', '  min_score: 50', '  min_level: platinum', 'sections:', '  - title: A', '    items:', item('a')]);
    const e = await loadError(file);
    assert.equal(e.location?.line, 4);
    assert.equal(e.field, 'policy.min_level');
    assert.match(e.message, /policy\.min_level `platinum` is not one of the levels \(bronze, silver, gold\)/);
  });

  test('a waiver for an unknown item', async () => {
    const file = await write([...head, item('a'), 'waivers:', '  - id: a', '    reason: r', '    owner: o', '    expires: 2030-01-01', '  - id: nope', '    reason: r', '    owner: o', '    expires: 2030-01-01']);
    const e = await loadError(file);
    assert.equal(e.location?.line, 11);
    assert.equal(e.field, 'waivers[1].id');
    assert.match(e.message, /waiver for unknown item `nope`/);
  });

  test('expires: not a real date, and not YYYY-MM-DD', async () => {
    const bad = await write([...head, item('a'), 'waivers:', '  - { id: a, reason: r, owner: o, expires: 2026-02-30 }']);
    const e = await loadError(bad);
    assert.equal(e.location?.line, 7);
    assert.equal(e.field, 'waivers[0].expires');
    assert.match(e.message, /expires `2026-02-30` .* is not a valid date.*YYYY-MM-DD/);

    const shape = await write([...head, item('a'), 'waivers:', '  - id: a', '    reason: r', '    owner: o', '    expires: 31/12/2026']);
    const e2 = await loadError(shape);
    assert.equal(e2.location?.line, 10);
    assert.equal(e2.field, 'waivers[0].expires');
    assert.match(e2.message, /must match the pattern/);
  });

  test('a waiver missing its owner or reason, or with a blank reason', async () => {
    const noOwner = await write([...head, item('a'), 'waivers:', '  - id: a', '    reason: r', '    expires: 2030-01-01']);
    const e = await loadError(noOwner);
    assert.equal(e.location?.line, 7);
    assert.equal(e.field, 'waivers[0].owner');
    assert.match(e.message, /missing required field `owner`/);

    const noReason = await write([...head, item('a'), 'waivers:', '  - { id: a, owner: o, expires: 2030-01-01 }']);
    const e2 = await loadError(noReason);
    assert.equal(e2.location?.line, 7);
    assert.match(e2.message, /missing required field `reason`/);

    const blank = await write([...head, item('a'), 'waivers:', '  - id: a', '    owner: o', '    reason: "   "', '    expires: 2030-01-01']);
    const e3 = await loadError(blank);
    assert.equal(e3.location?.line, 9);
    assert.equal(e3.field, 'waivers[0].reason');
    assert.match(e3.message, /empty `reason`/);
  });

  test('two waivers for one item', async () => {
    const file = await write([...head, item('a'), item('b'), 'waivers:', '  - { id: b, reason: r, owner: o, expires: 2030-01-01 }', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', '  - { id: b, reason: r2, owner: o, expires: 2031-01-01 }']);
    const e = await loadError(file);
    assert.equal(e.location?.line, 10);
    assert.equal(e.field, 'waivers[2]');
    assert.match(e.message, new RegExp(`duplicate waiver for \`b\`: the item is already waived at ${path.basename(file)}:8`));
  });

  test('schema problems come with their line and field', async () => {
    const file = await write([...head, item('a'), '      - id: b', '        title: B', '        checks:', '          - { name: no type }']);
    const e = await loadError(file);
    assert.match(e.message, /missing required field `priority`/);
    assert.match(e.message, /missing required field `type`/);
    assert.equal(e.location?.line, 6);

    const timeouts = await write([...head, '      - id: a', '        title: A', '        priority: low', '        checks:', '          - { type: http, timeout: 0, retries: 1.5 }']);
    const e2 = await loadError(timeouts);
    assert.equal(e2.location?.line, 9);
    assert.match(e2.message, /timeout: must be > 0/);
    assert.match(e2.message, /retries: must be a whole number/);

    const prio = await write([...head, item('a', ', priority: urgent').replace('priority: high, ', '')]);
    const e3 = await loadError(prio);
    assert.equal(e3.location?.line, 5);
    assert.match(e3.message, /priority: must be one of: critical, high, medium, low/);
  });

  test('invalid YAML is reported at its position', async () => {
    const file = await write([...head, '      - id: a', '        title: [unclosed']);
    const e = await loadError(file);
    assert.match(e.message, /YAML syntax error/);
    assert.ok((e.location?.line ?? 0) >= 6);
  });
});

describe('waivers_file', () => {
  test('is loaded relative to the checklist, with its own lines, merged with inline waivers', async () => {
    const sub = await mkdtemp(path.join(dir, 'wf-'));
    await writeFile(
      path.join(sub, 'readiness-waivers.yml'),
      ['# waivers agreed in the launch review', 'waivers:', '  - id: b', '    reason: vendor fix pending', '    owner: payments', '    ticket: PAY-9', '    expires: 2027-03-01', ''].join('\n'),
    );
    const file = path.join(sub, 'readiness.yml');
    await writeFile(
      file,
      [
        'version: 1',
        'sections:',
        '  - title: A',
        '    items:',
        '      - { id: a, title: A, priority: high }',
        '      - { id: b, title: B, priority: high }',
        'waivers_file: readiness-waivers.yml',
        'waivers:',
        '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }',
        '',
      ].join('\n'),
    );
    const c = await loadChecklist(file, { displayPath: 'svc/readiness.yml' });
    assert.deepEqual(c.waivers, [
      { id: 'a', reason: 'r', owner: 'o', expires: '2030-01-01', line: 9 },
      { id: 'b', reason: 'vendor fix pending', owner: 'payments', ticket: 'PAY-9', expires: '2027-03-01', line: 3 },
    ]);
  });

  test('errors in the waivers file name that file and its line', async () => {
    const sub = await mkdtemp(path.join(dir, 'wf-'));
    const checklist = ['version: 1', 'sections:', '  - title: A', '    items:', '      - { id: a, title: A, priority: high }', 'waivers_file: waivers.yml', ''].join('\n');
    const file = path.join(sub, 'readiness.yml');
    await writeFile(file, checklist);
    const opts = { displayPath: 'svc/readiness.yml' };

    await writeFile(path.join(sub, 'waivers.yml'), ['waivers:', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', '  - { id: zz, reason: r, owner: o, expires: 2030-01-01 }', ''].join('\n'));
    let e = await rejection(loadChecklist(file, opts));
    assert.deepEqual(e.location, { file: 'svc/waivers.yml', line: 3 });
    assert.match(e.message, /^svc\/waivers\.yml:3: waiver for unknown item `zz`: no item in svc\/readiness\.yml/);

    await writeFile(path.join(sub, 'waivers.yml'), ['waivers:', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', ''].join('\n'));
    e = await rejection(loadChecklist(file, opts));
    assert.deepEqual(e.location, { file: 'svc/waivers.yml', line: 3 });
    assert.match(e.message, /duplicate waiver for `a`: the item is already waived at svc\/waivers\.yml:2/);

    await writeFile(path.join(sub, 'waivers.yml'), ['waivers:', '  - id: a', '    reason: r', '    expires: 2030-01-01', ''].join('\n'));
    e = await rejection(loadChecklist(file, opts));
    assert.deepEqual(e.location, { file: 'svc/waivers.yml', line: 2 });
    assert.match(e.message, /missing required field `owner`/);

    await writeFile(path.join(sub, 'waivers.yml'), ['waivers:', '  - { id: a, reason: r, owner: o, expires: 2030-13-01 }', ''].join('\n'));
    e = await rejection(loadChecklist(file, opts));
    assert.deepEqual(e.location, { file: 'svc/waivers.yml', line: 2 });
    assert.match(e.message, /not a valid date/);

    await rm(path.join(sub, 'waivers.yml'));
    e = await rejection(loadChecklist(file, opts));
    assert.deepEqual(e.location, { file: 'svc/readiness.yml', line: 6 });
    assert.match(e.message, /waivers_file: file not found: svc\/waivers\.yml/);
  });

  test('a waiver in the file duplicating an inline one names both places', async () => {
    const sub = await mkdtemp(path.join(dir, 'wf-'));
    await writeFile(path.join(sub, 'w.yml'), ['version: 1', 'waivers:', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', ''].join('\n'));
    const file = path.join(sub, 'readiness.yml');
    await writeFile(
      file,
      ['version: 1', 'waivers_file: w.yml', 'waivers:', '  - { id: a, reason: r, owner: o, expires: 2030-01-01 }', 'sections:', '  - title: A', '    items:', '      - { id: a, title: A, priority: high }', ''].join('\n'),
    );
    const e = await rejection(loadChecklist(file, { displayPath: 'readiness.yml' }));
    assert.deepEqual(e.location, { file: 'w.yml', line: 3 });
    assert.match(e.message, /already waived at readiness\.yml:4; this one is at w\.yml:3/);
  });
});

async function rejection(p: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

describe('checklistToYaml', () => {
  const strip = (c: Checklist): unknown => ({ ...c, file: '', sections: c.sections.map((s) => ({ ...s, items: s.items.map(({ line: _line, ...rest }) => rest) })), waivers: c.waivers.map(({ line: _line, ...w }) => w) });

  test('round trip of a loaded checklist', async () => {
    const original = await loadChecklist(await write(EXAMPLE));
    const text = checklistToYaml(original);
    const again = await loadChecklist(await write(text.split('\n')));
    assert.deepEqual(strip(again), strip(original));
    assert.ok(getValidator(loadSchema('readiness.schema.json'))(parse(text)), 'the written YAML validates against the schema');
    assert.equal(checklistToYaml(again), text, 'writing is stable');
  });

  test('keys in a stable order; defaults left out', () => {
    const text = checklistToYaml({
      file: 'x',
      sections: [{ title: 'S', items: [{ checks: [{ retries: 1, type: 'http', url: 'http://127.0.0.1' }], level: 'gold', acceptance: 'ok', owner: 'me', priority: 'low', title: 'T', id: 't', section: 'S', line: 3 }] }],
      levels: ['bronze', 'silver', 'gold'],
      weights: { critical: 10, high: 7.5, medium: 5, low: 2.5 },
      policy: {},
      waivers: [],
    });
    assert.equal(
      text,
      [
        'version: 1',
        'sections:',
        '  - title: S',
        '    items:',
        '      - id: t',
        '        title: T',
        '        priority: low',
        '        owner: me',
        '        acceptance: ok',
        '        level: gold',
        '        checks:',
        '          - type: http',
        '            retries: 1',
        '            url: http://127.0.0.1',
        '',
      ].join('\n'),
    );
  });

  test('awkward strings, custom levels, weights, policy and waivers survive the round trip', async () => {
    const tricky = ['yes', 'null', '123', '@team', 'a: b # not a comment', "it's \"quoted\"", '- dash', 'multi\nline\ntext', '  padded  ', '2026-01-01', '*alias', '{flow}'];
    const c: Checklist = {
      file: 'x',
      name: 'name: with colon',
      levels: ['one', 'two'],
      weights: { critical: 3, high: 2, medium: 1, low: 0 },
      policy: { minScore: 72.5, minLevel: 'two' },
      sections: tricky.map((t, n) => ({
        title: t,
        items: [{ id: `i${n}`, title: t, priority: 'high', owner: t, acceptance: t, section: t, checks: [{ type: 'command', run: t, timeout: 2.5 }], line: 0 }],
      })),
      waivers: [{ id: 'i1', reason: 'yes: really', owner: '@ops', ticket: '#12', expires: '2030-01-31' }],
    };
    const text = checklistToYaml(c);
    const back = await loadChecklist(await write(text.split('\n')));
    assert.deepEqual(strip(back), strip(c));
  });
});
