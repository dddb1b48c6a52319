import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfigFile, parseConfigText, validateValue } from '../../src/core/config.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { getValidator } from '../../src/core/schema.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'suites'],
  properties: {
    name: { type: 'string', minLength: 1 },
    mode: { enum: ['fast', 'slow', 'auto'], default: 'auto' },
    retries: { type: 'integer', minimum: 0, default: 2 },
    suites: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          threshold: { type: 'number', default: 5 },
          limit: { anyOf: [{ const: 'none' }, { type: 'number' }] },
          runner: {
            oneOf: [
              { type: 'string' },
              { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'docker' }, image: { type: 'string' } } },
              { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'host' }, cmd: { type: 'string' } } },
            ],
          },
        },
      },
    },
  },
};

interface Config {
  name: string;
  mode: string;
  retries: number;
  suites: { name: string; threshold: number }[];
}

function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an error');
}

interface ErrorCase {
  name: string;
  file: string;
  text: string;
  line?: number;
  column?: number;
  field?: string;
  includes: string[];
}

const yamlCases: ErrorCase[] = [
  {
    name: 'unknown nested field, with a suggestion',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n  - name: b\n    treshold: 3\n',
    line: 5,
    field: 'suites[1].treshold',
    includes: ['gate.yml:5: suites[1]: unknown field `treshold` (allowed: name, threshold, limit, runner)', 'Did you mean `threshold`?'],
  },
  {
    name: 'unknown top-level field',
    file: 'gate.yaml',
    text: 'name: perf\nsuites: [{name: a}]\ncolour: red\n',
    line: 3,
    field: 'colour',
    includes: ['gate.yaml:3: unknown field `colour` (allowed: name, mode, retries, suites)', 'Remove it or check its spelling.'],
  },
  {
    name: 'wrong type, a quoted number',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n  - name: b\n  - name: c\n    threshold: "abc"\n',
    line: 6,
    field: 'suites[2].threshold',
    includes: ['suites[2].threshold: must be a number (got "abc")'],
  },
  {
    name: 'a number written as a string',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n    threshold: "7"\n',
    line: 4,
    field: 'suites[0].threshold',
    includes: ['must be a number (got "7")', 'Remove the quotes around the number.'],
  },
  {
    name: 'value outside an enum',
    file: 'gate.yml',
    text: 'name: perf\nmode: quick\nsuites: [{name: a}]\n',
    line: 2,
    field: 'mode',
    includes: ['mode: must be one of: fast, slow, auto (got "quick")', 'Use one of the listed values.'],
  },
  {
    name: 'missing required field in a list item',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n  - threshold: 3\n',
    line: 4,
    field: 'suites[1].name',
    includes: ['suites[1]: missing required field `name`', 'Add `name`.'],
  },
  {
    name: 'missing required field at the top level',
    file: 'gate.yml',
    text: '# settings\nsuites: [{name: a}]\n',
    line: 2,
    field: 'name',
    includes: ['gate.yml:2: missing required field `name`'],
  },
  {
    name: 'range and length limits',
    file: 'gate.yml',
    text: 'name: ""\nretries: -1\nsuites: []\n',
    line: 1,
    field: 'name',
    includes: ['name: must not be empty', 'gate.yml:2: retries: must be >= 0 (got -1)', 'gate.yml:3: suites: must not be an empty list', '3 problems'],
  },
  {
    name: 'anyOf of a constant and a type',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n    limit: maybe\n',
    line: 4,
    field: 'suites[0].limit',
    includes: ['suites[0].limit: must be `none` or a number (got "maybe")'],
  },
  {
    name: 'oneOf picks the alternative that was meant',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n    runner:\n      kind: docker\n      imag: x\n',
    line: 6,
    field: 'suites[0].runner.imag',
    includes: ['suites[0].runner: unknown field `imag` (allowed: kind, image)', 'Did you mean `image`?'],
  },
  {
    name: 'syntax error',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n   bad: [1, 2\n',
    line: 4,
    includes: ['gate.yml:4:', 'YAML syntax error'],
  },
  {
    name: 'duplicate key',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - name: a\n    threshold: 1\n    threshold: 2\n',
    line: 5,
    column: undefined,
    field: 'threshold',
    includes: ['gate.yml:5: duplicate key `threshold`'],
  },
  {
    name: 'undefined alias',
    file: 'gate.yml',
    text: 'name: perf\nsuites:\n  - *missing\n',
    line: 3,
    includes: ['gate.yml:3:', 'Unresolved alias', 'anchor'],
  },
  { name: 'empty file', file: 'gate.yml', text: '', includes: ['gate.yml: the file is empty'] },
  { name: 'only comments', file: 'gate.yml', text: '# nothing yet\n\n', includes: ['gate.yml: the file is empty'] },
  { name: 'unsupported extension', file: 'gate.toml', text: 'name = "x"', includes: ['gate.toml: unsupported config file type ".toml"', '.yml, .yaml or .json'] },
];

const jsonCases: ErrorCase[] = [
  {
    name: 'wrong type',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "suites": [\n    {"name": "a", "threshold": true}\n  ]\n}\n',
    line: 4,
    field: 'suites[0].threshold',
    includes: ['gate.json:4: suites[0].threshold: must be a number (got true)'],
  },
  {
    name: 'unknown field',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "suites": [{"name": "a"}],\n  "colour": 1\n}\n',
    line: 4,
    field: 'colour',
    includes: ['unknown field `colour`'],
  },
  {
    name: 'missing required field',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "suites": [\n    {"threshold": 1}\n  ]\n}\n',
    line: 4,
    field: 'suites[0].name',
    includes: ['suites[0]: missing required field `name`'],
  },
  {
    name: 'syntax error',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "suites": [}\n}\n',
    line: 3,
    column: 14,
    includes: ['gate.json:3:14: JSON syntax error'],
  },
  {
    name: 'trailing comma',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "suites": [{"name": "a"},]\n}\n',
    line: 3,
    column: 28,
    includes: ['gate.json:3:28: JSON syntax error', '  3 |   "suites": [{"name": "a"},]'],
  },
  {
    name: 'unquoted key',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  suites: []\n}\n',
    line: 3,
    column: 3,
    includes: ['gate.json:3:3: JSON syntax error'],
  },
  {
    name: 'truncated file',
    file: 'gate.json',
    text: '{\n  "name": "perf"',
    line: 2,
    includes: ['gate.json:2:', 'JSON syntax error'],
  },
  {
    name: 'duplicate key',
    file: 'gate.json',
    text: '{\n  "name": "perf",\n  "name": "again",\n  "suites": [{"name": "a"}]\n}\n',
    line: 3,
    field: 'name',
    includes: ['duplicate key `name`'],
  },
  { name: 'empty file', file: 'gate.json', text: '  \n', includes: ['gate.json: the file is empty'] },
];

void describe('parseConfigText errors', () => {
  for (const c of [...yamlCases.map((x) => ['YAML', x] as const), ...jsonCases.map((x) => ['JSON', x] as const)]) {
    const [kind, tc] = c;
    void test(`${kind}: ${tc.name}`, () => {
      const e = configError(() => parseConfigText(tc.text, tc.file, schema));
      for (const part of tc.includes) assert.ok(e.message.includes(part), `message lacks ${JSON.stringify(part)}:\n${e.message}`);
      assert.equal(e.location?.file, tc.file);
      assert.equal(e.location?.line, tc.line);
      if (tc.column !== undefined) assert.equal(e.location?.column, tc.column);
      assert.equal(e.field, tc.field);
    });
  }

  void test('several problems make one error, in source order, located at the first', () => {
    const text = 'name: perf\nsuites:\n  - name: a\n    threshold: x\n  - nam: b\nmode: nope\n';
    const e = configError(() => parseConfigText(text, 'gate.yml', schema));
    const lines = e.message.split('\n');
    assert.equal(lines[0], 'gate.yml:4: 4 problems in the configuration:');
    assert.deepEqual(
      lines.slice(1).map((l) => /gate\.yml:(\d+)/.exec(l)?.[1]),
      ['4', '5', '5', '6'],
    );
    assert.equal(e.location?.line, 4);
    assert.equal(e.field, 'suites[0].threshold');
  });
});

void describe('parseConfigText values', () => {
  const expected: Config = { name: 'perf', suites: [{ name: 'a', threshold: 5 }, { name: 'b', threshold: 1.5 }], mode: 'auto', retries: 2 };
  const sources: [string, string][] = [
    ['gate.yml', 'name: perf\nsuites:\n  - name: a\n  - name: b\n    threshold: 1.5\n'],
    ['gate.json', '\uFEFF{"name": "perf", "suites": [{"name": "a"}, {"name": "b", "threshold": 1.5}]}'],
  ];
  for (const [file, text] of sources) {
    void test(`${path.extname(file)}: returns the value with schema defaults applied`, () => {
      const loaded = parseConfigText<Config>(text, file, schema);
      assert.deepEqual(loaded.value, expected);
      assert.equal(loaded.file, file);
    });
  }

  void test('lineOf maps JSON pointers to source lines', () => {
    const text = 'name: perf\nsuites:\n  - name: a\n  - name: "x/y"\n    threshold: 2\n    runner:\n      kind: host\n';
    const loaded = parseConfigText(text, 'gate.yml', schema);
    const lineOf = (pointer: string) => loaded.lineOf(pointer);
    assert.equal(lineOf(''), 1);
    assert.equal(lineOf('/name'), 1);
    assert.equal(lineOf('/suites'), 2);
    assert.equal(lineOf('/suites/0'), 3);
    assert.equal(lineOf('/suites/1/threshold'), 5);
    assert.equal(lineOf('/suites/1/runner'), 6);
    assert.equal(lineOf('/suites/1/runner/kind'), 7);
    assert.equal(lineOf('/suites/2'), undefined);
    assert.equal(lineOf('/nope'), undefined);
    assert.equal(lineOf('/suites/0/threshold'), undefined, 'defaults have no source line');
  });

  void test('lineOf works for JSON', () => {
    const loaded = parseConfigText('{\n  "name": "p",\n  "suites": [\n    {"name": "a"},\n    {"name": "b"}\n  ]\n}', 'gate.json', schema);
    assert.equal(loaded.lineOf('/suites/1/name'), 5);
  });
});

void describe('validateValue', () => {
  void test('returns the value with defaults, or an error located in the given file', () => {
    const value = validateValue<Config>({ name: 'x', suites: [{ name: 'a' }] }, schema, { file: 'inputs' });
    assert.equal(value.suites[0]?.threshold, 5);
    const e = configError(() => validateValue({ name: 'x', suites: 'all' }, schema, { file: 'action inputs' }));
    assert.deepEqual(e.location, { file: 'action inputs' });
    assert.equal(e.field, 'suites');
    assert.match(e.message, /^action inputs: suites: must be a list \(got "all"\)/);
  });

  void test('uses the given lineOf', () => {
    const e = configError(() => validateValue({ name: 1, suites: [{ name: 'a' }] }, schema, { file: 'f.yml', lineOf: (p) => (p === '/name' ? 42 : undefined) }));
    assert.deepEqual(e.location, { file: 'f.yml', line: 42 });
  });
});

void describe('getValidator', () => {
  void test('compiles a schema once, also when an equal copy with the same $id comes again', () => {
    const withId = { $id: 'https://example.test/cache.json', type: 'object', properties: { a: { type: 'number' } } };
    const v = getValidator(withId);
    assert.equal(getValidator(withId), v);
    assert.equal(getValidator(structuredClone(withId)), v);
    assert.equal(v({ a: 1 }), true);
    assert.equal(v({ a: 'x' }), false);
  });

  void test('knows date-time and uri formats', () => {
    const v = getValidator({ type: 'object', properties: { at: { type: 'string', format: 'date-time' }, url: { type: 'string', format: 'uri' } } });
    assert.equal(v({ at: '2026-01-02T03:04:05.678Z', url: 'https://example.test/x' }), true);
    assert.equal(v({ at: '2026-13-02T03:04:05Z' }), false);
    assert.equal(v({ at: 'yesterday' }), false);
    assert.equal(v({ url: 'not a uri' }), false);
  });
});

void describe('loadConfigFile', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-config-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  void test('reads and validates a file', async () => {
    const file = path.join(dir, 'ok.yaml');
    await writeFile(file, 'name: perf\nsuites:\n  - name: a\n');
    const loaded = await loadConfigFile<Config>(file, schema, { displayPath: '.github/ok.yaml' });
    assert.equal(loaded.value.retries, 2);
    assert.equal(loaded.file, '.github/ok.yaml');
    assert.equal(loaded.lineOf('/suites/0/name'), 3);
  });

  void test('names the display path in errors', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, '{"name": "perf",\n "suites": 3}');
    await assert.rejects(loadConfigFile(file, schema, { displayPath: 'cfg/bad.json' }), (e: unknown) => {
      assert.ok(e instanceof ConfigurationError);
      assert.deepEqual(e.location, { file: 'cfg/bad.json', line: 2 });
      assert.match(e.message, /^cfg\/bad\.json:2: suites: must be a list/);
      return true;
    });
  });

  void test('a missing file', async () => {
    const file = path.join(dir, 'missing.yml');
    await assert.rejects(loadConfigFile(file, schema), (e: unknown) => {
      assert.ok(e instanceof ConfigurationError);
      assert.equal(e.message, `file not found: ${file}`);
      return true;
    });
    await assert.rejects(loadConfigFile(file, schema, { displayPath: 'x/missing.yml' }), { message: 'file not found: x/missing.yml' });
  });

  void test('a directory', async () => {
    const sub = path.join(dir, 'sub.yml');
    await mkdir(sub);
    await assert.rejects(loadConfigFile(sub, schema, { displayPath: 'sub.yml' }), { message: /sub\.yml: is a directory/ });
  });
});
