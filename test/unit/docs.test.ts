import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { cell, configRows, DOC_GATES, driftedDocs, generateDocs, readActionDefinition, replaceRegion } from '../../scripts/gen-docs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function region(text: string, name: string): string {
  const start = text.indexOf(`<!-- generated:${name} -->`);
  const end = text.indexOf(`<!-- /generated:${name} -->`);
  assert.ok(start >= 0 && end > start, `region ${name} exists`);
  return text.slice(start, end);
}

describe('docs', () => {
  test('the docs on disk are what scripts/gen-docs.ts generates', () => {
    const drifted = driftedDocs(repoRoot);
    assert.deepEqual(drifted, [], `generated regions out of date in ${drifted.join(', ')}: run \`npm run build\` and commit the docs`);
  });

  test('every input and output of every gate action appears in its doc', () => {
    for (const gate of DOC_GATES) {
      const action = readActionDefinition(path.join(repoRoot, 'actions', gate, 'action.yml'));
      const doc = readFileSync(path.join(repoRoot, 'docs', `${gate}.md`), 'utf8');
      const inputs = region(doc, 'inputs');
      for (const input of Object.keys(action.inputs)) assert.ok(inputs.includes(`| \`${input}\` |`), `docs/${gate}.md lists the input ${input}`);
      const outputs = region(doc, 'outputs');
      for (const output of Object.keys(action.outputs)) assert.ok(outputs.includes(`| \`${output}\` |`), `docs/${gate}.md lists the output ${output}`);
      assert.ok(region(doc, 'config').includes('| property |'), `docs/${gate}.md has a config reference`);
    }
  });

  test('every input of the root action is documented', () => {
    const action = readActionDefinition(path.join(repoRoot, 'action.yml'));
    const all = [path.join(repoRoot, 'README.md'), ...DOC_GATES.map((g) => path.join(repoRoot, 'docs', `${g}.md`))].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const input of Object.keys(action.inputs)) assert.ok(all.includes(`\`${input}\``), `the root action's input ${input} is documented`);
  });

  test('the README links every docs page', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const page of [...DOC_GATES, 'troubleshooting', 'scaling']) assert.ok(readme.includes(`(docs/${page}.md`), `README links docs/${page}.md`);
    assert.ok(readme.includes('npm ci && npm run demo'), 'quick start: npm ci && npm run demo');
    assert.ok(readme.includes('npm test'), 'quick start: npm test');
  });

  test('a hand edit inside a generated region is drift; text outside the regions is kept', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'sg-docs-'));
    try {
      for (const dir of ['docs', 'schemas', 'actions']) cpSync(path.join(repoRoot, dir), path.join(tmp, dir), { recursive: true });
      const generated = generateDocs(tmp);
      for (const [rel, content] of generated) writeFileSync(path.join(tmp, rel), content);
      assert.deepEqual(driftedDocs(tmp), []);

      const file = path.join(tmp, 'docs/perf-gate.md');
      const edited = readFileSync(file, 'utf8').replace('| `repetitions` |', '| `repetitionz` |').replace('# perf-gate', '# perf-gate (hand-written title)');
      writeFileSync(file, edited);
      assert.deepEqual(driftedDocs(tmp), ['docs/perf-gate.md']);
      const fixed = generateDocs(tmp).get('docs/perf-gate.md') ?? '';
      assert.ok(fixed.includes('| `repetitions` |') && !fixed.includes('repetitionz'), 'the region is regenerated');
      assert.ok(fixed.startsWith('# perf-gate (hand-written title)'), 'hand-written text is kept');

      writeFileSync(file, edited.replace('<!-- /generated:outputs -->', ''));
      assert.throws(() => generateDocs(tmp), /docs\/perf-gate\.md: the markers <!-- generated:outputs -->/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('table cells escape pipes, line breaks and tags outside code spans', () => {
    assert.equal(cell('a | b'), 'a \\| b');
    assert.equal(cell('one\ntwo'), 'one<br>two');
    assert.equal(cell('shipgate-<gate> & `shipgate-<gate>`'), 'shipgate-&lt;gate&gt; &amp; `shipgate-<gate>`');
    assert.equal(cell('`a|b`'), '`a\\|b`');
  });

  test('replaceRegion replaces only between its markers', () => {
    const text = 'head\n<!-- generated:inputs -->\nold\n<!-- /generated:inputs -->\ntail\n';
    assert.equal(replaceRegion(text, 'inputs', 'new', 'x.md'), 'head\n<!-- generated:inputs -->\nnew\n<!-- /generated:inputs -->\ntail\n');
    assert.throws(() => replaceRegion('no markers', 'inputs', 'new', 'x.md'), /x\.md/);
  });

  test('config rows follow $ref, arrays and maps with dotted paths', () => {
    const rows = configRows({
      type: 'object',
      required: ['a'],
      properties: {
        a: { $ref: '#/$defs/thing', description: 'overridden' },
        list: { type: 'array', items: { $ref: '#/$defs/thing' } },
        map: { type: 'object', additionalProperties: { type: 'object', properties: { k: { enum: ['x', 'y'], default: 'x' } } } },
        alt: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      },
      $defs: { thing: { type: 'object', description: 'a thing', properties: { n: { type: 'integer', default: 3 } } } },
    });
    assert.deepEqual(
      rows.map((r) => [r.path, r.type, r.required, r.description]),
      [
        ['a', 'object', true, 'overridden'],
        ['a.n', 'integer', false, ''],
        ['list', 'array of object', false, ''],
        ['list[].n', 'integer', false, ''],
        ['map', 'map of object', false, ''],
        ['map.<name>.k', 'string', false, ''],
        ['alt', 'string or array of string', false, ''],
      ],
    );
    assert.deepEqual(rows.find((r) => r.path === 'map.<name>.k')?.enum, ['x', 'y']);
    assert.equal(rows.find((r) => r.path === 'a.n')?.default, 3);
  });
});
