import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigurationError } from '../../src/core/errors.js';
import { readCommonOptions } from '../../src/core/runtime/common.js';
import { InputReader, mapInputs } from '../../src/core/runtime/inputs.js';

const reader = (v: Record<string, string>) => new InputReader(mapInputs(v));

describe('InputReader', () => {
  const cases: { name: string; inputs: Record<string, string>; read: (r: InputReader) => unknown; expect: unknown }[] = [
    { name: 'empty string is absent', inputs: { a: '' }, read: (r) => r.optional('a'), expect: undefined },
    { name: 'whitespace is absent', inputs: { a: '  ' }, read: (r) => r.string('a', 'dflt'), expect: 'dflt' },
    { name: 'boolean True', inputs: { a: 'True' }, read: (r) => r.boolean('a', false), expect: true },
    { name: 'boolean fallback', inputs: {}, read: (r) => r.boolean('a', true), expect: true },
    { name: 'integer', inputs: { a: '12' }, read: (r) => r.number('a', 1, { integer: true }), expect: 12 },
    { name: 'list by comma and newline', inputs: { a: 'x, y\nz,,' }, read: (r) => r.list('a'), expect: ['x', 'y', 'z'] },
    { name: 'oneOf', inputs: { a: 'cache' }, read: (r) => r.oneOf('a', ['repo', 'cache'] as const, 'repo'), expect: 'cache' },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(c.read(reader(c.inputs)), c.expect));

  const bad: { name: string; inputs: Record<string, string>; read: (r: InputReader) => unknown; message: RegExp }[] = [
    { name: 'yes is not a boolean', inputs: { flag: 'yes' }, read: (r) => r.boolean('flag', false), message: /input `flag`: got "yes", expected true or false/ },
    { name: 'fraction for an integer', inputs: { n: '1.5' }, read: (r) => r.number('n', 1, { integer: true, min: 1 }), message: /expected an integer ≥ 1/ },
    { name: 'below min', inputs: { n: '0' }, read: (r) => r.number('n', 1, { min: 1 }), message: /expected a number ≥ 1/ },
    { name: 'not in enum', inputs: { s: 'disk' }, read: (r) => r.oneOf('s', ['repo', 'cache'] as const, 'repo'), message: /one of repo, cache/ },
    { name: 'required missing', inputs: {}, read: (r) => r.required('experiment'), message: /input `experiment` is required/ },
  ];
  for (const c of bad) {
    test(`error: ${c.name}`, () => {
      assert.throws(() => c.read(reader(c.inputs)), (e: unknown) => e instanceof ConfigurationError && c.message.test(e.message) && e.field?.startsWith('inputs.') === true);
    });
  }
});

describe('readCommonOptions', () => {
  test('defaults', () => {
    const o = readCommonOptions('perf-gate', reader({}), '/ws');
    assert.equal(o.name, 'default');
    assert.equal(o.reportDir, '/ws/shipgate-report/perf-gate');
    assert.deepEqual(o.failOn, ['fail', 'error']);
    assert.equal(o.artifactName, 'shipgate-perf-gate-default');
    assert.equal(o.baselineStore, 'repo');
    assert.equal(o.historySize, 20);
  });
  test('fail-on rejects unknown verdicts', () => {
    assert.throws(() => readCommonOptions('perf-gate', reader({ 'fail-on': 'fail,red' }), '/ws'), /unknown verdict "red"/);
  });
  test('suite names cannot carry markup', () => {
    assert.throws(() => readCommonOptions('perf-gate', reader({ name: '<img src=x>' }), '/ws'), /not a valid suite name/);
  });
});
