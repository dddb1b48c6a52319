import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ConfigurationError } from '../../../src/core/errors.js';
import { DEFAULT_MODEL_CONFIG, loadModelConfig, predictionOptions } from '../../../src/gates/model-validate/config.js';
import { loadModelMetadata } from '../../../src/gates/model-validate/metadata.js';
import { type PredictionOptions, readPredictions } from '../../../src/gates/model-validate/predictions.js';
import { parseCell, readTable, streamRows, toFeatureTable } from '../../../src/gates/model-validate/read-table.js';
import type { ClassificationData, PredictionData } from '../../../src/gates/model-validate/types.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'model-validate-inputs-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file into the temp folder; returns its path. */
async function put(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The ConfigurationError a promise rejects with, checking that it names the file (and line, when given) first. */
async function userError(p: Promise<unknown>, file: string, line?: number): Promise<ConfigurationError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ConfigurationError, `expected a ConfigurationError, got ${String(e)}`);
    const prefix = line === undefined ? `${file}:` : `${file}:${line}:`;
    assert.ok(e.message.startsWith(prefix) || (line === undefined && e.message.startsWith(file)), `expected the message to start with ${prefix}: ${e.message}`);
    assert.equal(e.location?.file, file);
    if (line !== undefined) assert.equal(e.location?.line, line, e.message);
    assert.doesNotMatch(e.message, /\n\s+at /);
    return e;
  }
  assert.fail('expected an error');
}

function cells(t: { header: string[]; column(name: string): string[] | undefined }): Record<string, string[] | undefined> {
  return Object.fromEntries(t.header.map((h) => [h, t.column(h)]));
}

function lines(t: { rows: number; lineOf(row: number): number }): number[] {
  return Array.from({ length: t.rows }, (_, i) => t.lineOf(i));
}

describe('readTable', () => {
  test('CSV', async () => {
    const t = await readTable(await put('plain.csv', 'a,b,c\n1,x,2.5\n3,y,\n'), { label: 'plain.csv' });
    assert.equal(t.file, 'plain.csv');
    assert.deepEqual(t.header, ['a', 'b', 'c']);
    assert.equal(t.rows, 2);
    assert.deepEqual(cells(t), { a: ['1', '3'], b: ['x', 'y'], c: ['2.5', ''] });
    assert.deepEqual(lines(t), [2, 3]);
    assert.equal(t.column('nope'), undefined);
  });

  test('quoted CSV: delimiters, doubled quotes and line breaks inside quotes; BOM; CRLF; blank lines', async () => {
    // Expected cells are what Python's csv module reads from the same text (RFC 4180 quoting).
    const text = '\uFEFFid,text,n\r\n1,"a, b",10\r\n2,"say ""hi""",20\r\n3,"two\r\nlines",30\r\n\r\n4,plain,40\r\n';
    const t = await readTable(await put('quoted.csv', text), { label: 'quoted.csv' });
    assert.deepEqual(t.header, ['id', 'text', 'n']);
    assert.deepEqual(cells(t), { id: ['1', '2', '3', '4'], text: ['a, b', 'say "hi"', 'two\r\nlines', 'plain'], n: ['10', '20', '30', '40'] });
    // Row 3 spans lines 4-5; line 6 is blank.
    assert.deepEqual(lines(t), [2, 3, 4, 7]);
  });

  test('line numbers after a field with LF line breaks', async () => {
    const t = await readTable(await put('multi.csv', 'a,b\n"x\ny\nz",1\n2,3\n\n\n4,5\n'), { label: 'multi.csv' });
    assert.deepEqual(cells(t), { a: ['x\ny\nz', '2', '4'], b: ['1', '3', '5'] });
    assert.deepEqual(lines(t), [2, 5, 8]);
  });

  test('TSV', async () => {
    const t = await readTable(await put('t.tsv', 'label\tprediction\tnote\n1\t0\ta, b\n0\t0\tc\n'), { label: 't.tsv' });
    assert.deepEqual(cells(t), { label: ['1', '0'], prediction: ['0', '0'], note: ['a, b', 'c'] });
  });

  test('CSV.gz, TSV.gz and gzip found by its magic bytes', async () => {
    const text = 'a,b\n1,2\n"3,5",4\n';
    for (const name of ['g.csv.gz', 'g.data']) {
      const t = await readTable(await put(name, gzipSync(text)), { label: name });
      assert.deepEqual(cells(t), { a: ['1', '3,5'], b: ['2', '4'] }, name);
      assert.deepEqual(lines(t), [2, 3]);
    }
    const t = await readTable(await put('g.tsv.gz', gzipSync('a\tb\n1\t2\n')), { label: 'g.tsv.gz' });
    assert.deepEqual(cells(t), { a: ['1'], b: ['2'] });
  });

  test('a gzip file larger than one chunk', async () => {
    const n = 200_000;
    const rows = Array.from({ length: n }, (_, i) => `${i},${i % 7}`).join('\n');
    const t = await readTable(await put('big.csv.gz', gzipSync(`i,m\n${rows}\n`)), { label: 'big.csv.gz', columns: ['m'] });
    assert.equal(t.rows, n);
    assert.equal(t.column('i'), undefined);
    assert.equal(t.column('m')?.[n - 1], String((n - 1) % 7));
    assert.equal(t.lineOf(n - 1), n + 1);
  });

  test('JSONL: numbers as JS strings, null as missing, any key order, blank lines, bare NaN', async () => {
    const text = '{"a": 1, "b": "x", "c": null}\n\n{"c": 2.50, "b": "y", "a": 1e3}\r\n{"a": -0.5, "b": "", "c": NaN}\n';
    for (const name of ['t.jsonl', 't.ndjson', 't.txt']) {
      const t = await readTable(await put(name, text), { label: name });
      assert.deepEqual(t.header, ['a', 'b', 'c']);
      assert.deepEqual(cells(t), { a: ['1', '1000', '-0.5'], b: ['x', 'y', ''], c: ['', '2.5', 'NaN'] }, name);
      assert.deepEqual(lines(t), [1, 3, 4]);
    }
    const gz = await readTable(await put('t.jsonl.gz', gzipSync(text)), { label: 't.jsonl.gz' });
    assert.deepEqual(gz.column('a'), ['1', '1000', '-0.5']);
  });

  test('columns: only the asked ones are kept; a missing one lists the header', async () => {
    const file = await put('cols.csv', 'a,b,c\n1,2,3\n');
    const t = await readTable(file, { label: 'cols.csv', columns: ['c', 'a'] });
    assert.deepEqual(t.column('a'), ['1']);
    assert.equal(t.column('b'), undefined);
    assert.deepEqual(t.header, ['a', 'b', 'c']);
    const e = await userError(readTable(file, { label: 'cols.csv', columns: ['a', 'zz'] }), 'cols.csv', 1);
    assert.match(e.message, /no column `zz`.*columns found: a, b, c/);
    const picked = await readTable(file, { label: 'cols.csv', columns: (h) => h.filter((n) => n !== 'b') });
    assert.deepEqual(picked.column('c'), ['3']);
  });

  const errors: { name: string; file: string; content: string | Buffer; line?: number; message: RegExp }[] = [
    { name: 'empty file', file: 'empty.csv', content: '', message: /the file is empty/ },
    { name: 'blank lines only', file: 'blank.csv', content: '\n\n', message: /the file is empty/ },
    { name: 'header only', file: 'header.csv', content: 'a,b\n', line: 1, message: /header but no data rows/ },
    { name: 'JSONL with no object', file: 'empty.jsonl', content: '\n', message: /the file is empty/ },
    { name: 'unclosed quote', file: 'unclosed.csv', content: 'a,b\n1,2\n3,"4\n5,6\n', line: 3, message: /quoted field that starts on this line is never closed/ },
    { name: 'quote inside an unquoted field', file: 'quote.csv', content: 'a,b\n1,2\n3,4"x"\n', line: 3, message: /quote inside an unquoted field/ },
    { name: 'text after a closing quote', file: 'closing.csv', content: 'a,b\n1,"2"x\n', line: 2, message: /closing quote is followed by other characters/ },
    { name: 'too many fields', file: 'count.csv', content: 'a,b\n1,2\n\n3,4,5\n', line: 4, message: /has 3 fields but the header \(line 1\) has 2/ },
    { name: 'too few fields after a multi-line field', file: 'count2.csv', content: 'a,b\n"x\ny",2\n3\n', line: 4, message: /has 1 field but the header \(line 1\) has 2/ },
    { name: 'duplicate header', file: 'dup.csv', content: 'a,b,a\n1,2,3\n', line: 1, message: /column `a` appears twice/ },
    { name: 'invalid JSON line', file: 'bad.jsonl', content: '{"a": 1}\n{"a": 2\n', line: 2, message: /invalid JSON/ },
    { name: 'JSON line not an object', file: 'arr.jsonl', content: '{"a": 1}\n[1]\n', line: 2, message: /expected a JSON object, found an array/ },
    { name: 'JSONL unknown key', file: 'key.jsonl', content: '{"a": 1}\n{"a": 2, "b": 3}\n', line: 2, message: /key `b` is not among the keys of the first object \(a\)/ },
    { name: 'JSONL missing key', file: 'miss.jsonl', content: '{"a": 1, "b": 2}\n\n{"b": 3}\n', line: 3, message: /missing key `a`/ },
    { name: 'a JSON array', file: 'array.json', content: '[{"a": 1}]\n', line: 1, message: /JSON array.*Write JSON Lines/ },
    { name: 'JSONL nested value', file: 'nest.jsonl', content: '{"a": 1}\n{"a": {"x": 1}}\n', line: 2, message: /`a` is a nested object.*Flatten/ },
  ];
  for (const c of errors) {
    test(`error: ${c.name}`, async () => {
      const e = await userError(readTable(await put(c.file, c.content), { label: c.file }), c.file, c.line);
      assert.match(e.message, c.message);
    });
  }

  test('error: gzip corruption', async () => {
    const good = gzipSync(`a,b\n${Array.from({ length: 5000 }, (_, i) => `${i},${i * 3}`).join('\n')}\n`);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    let e = await userError(readTable(await put('trunc.csv.gz', truncated), { label: 'trunc.csv.gz' }), 'trunc.csv.gz');
    assert.match(e.message, /gzip data is corrupt or truncated.*Compress the file again/);
    const flipped = Buffer.from(good);
    for (let i = 20; i < 60; i++) flipped[i] = flipped[i]! ^ 0xff;
    e = await userError(readTable(await put('flip.csv.gz', flipped), { label: 'flip.csv.gz' }), 'flip.csv.gz');
    assert.match(e.message, /gzip data is corrupt or truncated/);
  });

  test('error: a missing file or a directory', async () => {
    let e = await userError(readTable(path.join(dir, 'nope.csv'), { label: 'nope.csv' }), 'nope.csv');
    assert.match(e.message, /file not found/);
    e = await userError(readTable(dir, { label: 'somedir' }), 'somedir');
    assert.match(e.message, /is a directory/);
  });
});

describe('toFeatureTable', () => {
  test('numeric and categorical columns, missing cells counted, kinds and exclusions', async () => {
    const text = 'x,c,m,z,label\n1.5,a,NA,1,0\n-2e1,b,3,2,1\n,a,None,x,0\n0.25,NaN,null,3,1\n';
    const t = await readTable(await put('features.csv', text), { label: 'features.csv' });
    const f = toFeatureTable(t, { exclude: ['label'], kinds: { z: 'categorical' } });
    assert.equal(f.rows, 4);
    assert.equal(f.file, 'features.csv');
    const byName = Object.fromEntries(f.columns.map((c) => [c.name, c]));
    assert.deepEqual(Object.keys(byName), ['x', 'c', 'm', 'z']);
    assert.equal(byName.x?.kind, 'numeric');
    assert.deepEqual(Array.from(byName.x.values), [1.5, -20, 0.25]);
    assert.equal(byName.x?.missing, 1);
    assert.equal(byName.c?.kind, 'categorical');
    assert.deepEqual(byName.c?.values, ['a', 'b', 'a']);
    assert.equal(byName.c?.missing, 1);
    assert.equal(byName.m?.kind, 'numeric');
    assert.deepEqual(Array.from(byName.m.values), [3]);
    assert.equal(byName.m?.missing, 3);
    assert.equal(byName.z?.kind, 'categorical');
    assert.deepEqual(byName.z?.values, ['1', '2', 'x', '3']);
  });

  test('inf and hex are not numbers; a column configured numeric with text is an error naming the line', async () => {
    const t = await readTable(await put('inf.csv', 'a,b\ninf,0x10\n1,2\n'), { label: 'inf.csv' });
    const f = toFeatureTable(t);
    assert.deepEqual(
      f.columns.map((c) => c.kind),
      ['categorical', 'categorical'],
    );
    assert.throws(
      () => toFeatureTable(t, { kinds: { a: 'numeric' } }),
      (e: unknown) => e instanceof ConfigurationError && e.message.startsWith('inf.csv:2:') && /`a` is configured as numeric but holds "inf"/.test(e.message),
    );
  });
});

const BASE: PredictionOptions = { labelColumn: 'label', predictionColumn: 'prediction', scoreColumns: 'score_', sumTolerance: 1e-6 };

async function predictions(name: string, content: string, opts: Partial<PredictionOptions> = {}): Promise<{ data: PredictionData; rows: number; warnings: string[] }> {
  return readPredictions(await put(name, content), { ...BASE, label: name, ...opts });
}

function classification(d: PredictionData): ClassificationData {
  assert.notEqual(d.kind, 'regression');
  return d as ClassificationData;
}

/** Class names of each row, from the indices. */
function names(d: ClassificationData, which: 'yTrue' | 'yPred'): string[] {
  return Array.from(d[which], (k) => d.labels[k]!);
}

describe('readPredictions', () => {
  test('binary with one score column named exactly by scoreColumns', async () => {
    const r = await predictions('bin1.csv', 'label,prediction,score\n1,1,0.9\n0,0,0.2\n1,0,0.4\n0,1,0.6\n', { scoreColumns: 'score' });
    const d = classification(r.data);
    assert.equal(d.kind, 'binary');
    assert.deepEqual(d.labels, ['0', '1']);
    assert.equal(d.positive, 1);
    assert.deepEqual(names(d, 'yTrue'), ['1', '0', '1', '0']);
    assert.deepEqual(names(d, 'yPred'), ['1', '0', '0', '1']);
    assert.ok(d.yTrue instanceof Int32Array && d.scores instanceof Float64Array);
    assert.deepEqual(Array.from(d.scores), [0.9, 0.2, 0.4, 0.6]);
    assert.equal(r.rows, 4);
    assert.deepEqual(r.warnings, []);
  });

  test('binary with two prefix columns: the positive class column is used', async () => {
    const text = 'label,prediction,score_no,score_yes\nyes,yes,0.25,0.75\nno,no,0.875,0.125\n';
    let d = classification((await predictions('bin2.csv', text)).data);
    assert.equal(d.kind, 'binary');
    assert.deepEqual(d.labels, ['no', 'yes']);
    assert.equal(d.positive, 1);
    assert.deepEqual(Array.from(d.scores!), [0.75, 0.125]);
    d = classification((await predictions('bin2.csv', text, { positiveLabel: 'no' })).data);
    assert.equal(d.positive, 0);
    assert.deepEqual(Array.from(d.scores!), [0.25, 0.875]);
  });

  test('binary with a lone prefix column of the negative class: 1 − score', async () => {
    const d = classification((await predictions('lone.csv', 'label,prediction,score_0\n0,0,0.75\n1,1,0.25\n')).data);
    assert.deepEqual(d.labels, ['0', '1']);
    assert.equal(d.positive, 1);
    assert.deepEqual(Array.from(d.scores!), [0.25, 0.75]);
  });

  test('multiclass: scores row-major in label order, whatever the column order', async () => {
    const text = 'score_c,label,score_a,prediction,score_b\n0.5,a,0.25,c,0.25\n0.125,b,0.125,b,0.75\n0,c,1,a,0\n';
    const d = classification((await predictions('multi.csv', text)).data);
    assert.equal(d.kind, 'multiclass');
    assert.deepEqual(d.labels, ['a', 'b', 'c']);
    assert.equal(d.positive, undefined);
    assert.deepEqual(Array.from(d.scores!), [0.25, 0.25, 0.5, 0.125, 0.75, 0.125, 1, 0, 0]);
    assert.deepEqual(names(d, 'yTrue'), ['a', 'b', 'c']);
    assert.deepEqual(names(d, 'yPred'), ['c', 'b', 'a']);
  });

  test('string labels sort by code unit, as numpy.unique does (Zebra < cat < dog)', async () => {
    const d = classification((await predictions('str.csv', 'label,prediction\ncat,dog\ndog,Zebra\nZebra,cat\n')).data);
    assert.equal(d.kind, 'multiclass');
    assert.deepEqual(d.labels, ['Zebra', 'cat', 'dog']);
    assert.equal(d.scores, undefined);
  });

  test('numeric labels sort numerically ("2" < "10"), as sklearn unique_labels on integers; 1.0 and 1 are one label', async () => {
    const r = await predictions('num.csv', 'label,prediction\n10,2\n2,1\n1.0,10\n1,1\n');
    const d = classification(r.data);
    assert.equal(d.kind, 'multiclass');
    assert.deepEqual(d.labels, ['1', '2', '10']);
    assert.deepEqual(names(d, 'yTrue'), ['10', '2', '1', '1']);
  });

  test('a fixed class order; the positive label of a binary task', async () => {
    const d = classification((await predictions('fixed.csv', 'label,prediction,p\nb,a,0.3\na,a,0.1\n', { classes: ['b', 'a'], scoreColumns: 'p' })).data);
    assert.deepEqual(d.labels, ['b', 'a']);
    // The greater label in the configured order.
    assert.equal(d.positive, 1);
    assert.deepEqual(names(d, 'yTrue'), ['b', 'a']);
  });

  test('classification without scores; integer labels are not regression', async () => {
    const d = classification((await predictions('noscore.csv', 'label,prediction\n0,1\n1,1\n')).data);
    assert.equal(d.kind, 'binary');
    assert.equal(d.scores, undefined);
    assert.equal(d.positive, 1);
  });

  test('regression: numeric, non-integer labels and no score columns', async () => {
    const r = await predictions('reg.csv', 'label,prediction\n1.5,1.25\n2,2.5\n-3,-2.75\n');
    assert.equal(r.data.kind, 'regression');
    const d = r.data;
    assert.ok(d.yTrue instanceof Float64Array);
    assert.deepEqual(Array.from(d.yTrue), [1.5, 2, -3]);
    assert.deepEqual(Array.from(d.yPred), [1.25, 2.5, -2.75]);
    const forced = await predictions('reg-int.csv', 'label,prediction\n1,2\n3,4\n', { task: 'regression' });
    assert.equal(forced.data.kind, 'regression');
  });

  test('JSONL predictions', async () => {
    const d = classification((await predictions('p.jsonl', '{"label": 1, "prediction": 0, "score": 0.25}\n{"label": 0, "prediction": 0, "score": 0.5}\n', { scoreColumns: 'score' })).data);
    assert.deepEqual(Array.from(d.scores!), [0.25, 0.5]);
    assert.deepEqual(names(d, 'yTrue'), ['1', '0']);
  });

  test('a single class present is a warning, not an error', async () => {
    let r = await predictions('one.csv', 'label,prediction,score\n1,1,0.9\n1,0,0.3\n', { scoreColumns: 'score' });
    let d = classification(r.data);
    // Predictions count among the labels (sklearn unique_labels of y_true and y_pred).
    assert.deepEqual(d.labels, ['0', '1']);
    assert.equal(d.positive, 1);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /^one\.csv: only one class \(`1`\)/);
    r = await predictions('one.csv', 'label,prediction,score\n1,1,0.9\n1,1,0.3\n', { scoreColumns: 'score' });
    d = classification(r.data);
    assert.deepEqual(d.labels, ['1']);
    assert.equal(d.positive, 0);
    assert.equal(r.warnings.length, 1);
    // A positive label that is absent completes the pair.
    r = await predictions('one.csv', 'label,prediction,score\n0,0,0.1\n', { scoreColumns: 'score', positiveLabel: '1' });
    d = classification(r.data);
    assert.deepEqual(d.labels, ['0', '1']);
    assert.equal(d.positive, 1);
  });

  const errors: { name: string; file: string; content: string; opts?: Partial<PredictionOptions>; line?: number; message: RegExp }[] = [
    { name: 'label column absent', file: 'e-col.csv', content: 'y,prediction\n1,1\n', line: 1, message: /no column `label` \(columns found: y, prediction\).*columns\.label/ },
    { name: 'prediction column absent', file: 'e-pred.csv', content: 'label,pred\n1,1\n', line: 1, message: /no column `prediction` \(columns found: label, pred\)/ },
    { name: 'empty file', file: 'e-empty.csv', content: '', message: /the file is empty/ },
    { name: 'header only', file: 'e-head.csv', content: 'label,prediction\n', line: 1, message: /no data rows/ },
    { name: 'missing label cell', file: 'e-miss.csv', content: 'label,prediction\n1,1\n,0\n', line: 3, message: /column `label`: missing true label/ },
    { name: 'missing prediction cell', file: 'e-miss2.csv', content: 'label,prediction\n1,NA\n', line: 2, message: /column `prediction`: missing prediction/ },
    {
      name: 'labels absent from score columns',
      file: 'e-absent.csv',
      content: 'label,prediction,score_a,score_b\na,a,0.5,0.5\nb,b,0.5,0.5\nc,a,0.5,0.5\n',
      line: 4,
      message: /labels absent from score columns: `c` \(score columns found: score_a, score_b\)/,
    },
    { name: 'score above 1', file: 'e-range.csv', content: 'label,prediction,score\n1,1,0.5\n0,0,1.5\n', opts: { scoreColumns: 'score' }, line: 3, message: /column `score`: score "1.5" is outside \[0, 1\]/ },
    { name: 'negative score', file: 'e-neg.csv', content: 'label,prediction,score\n1,1,-0.1\n', opts: { scoreColumns: 'score' }, line: 2, message: /outside \[0, 1\]/ },
    { name: 'non-numeric score', file: 'e-text.csv', content: 'label,prediction,score\n1,1,high\n', opts: { scoreColumns: 'score' }, line: 2, message: /score "high" is not a number/ },
    { name: 'missing score', file: 'e-nan.csv', content: 'label,prediction,score\n1,1,0.5\n0,0,\n', opts: { scoreColumns: 'score' }, line: 3, message: /score "" is missing/ },
    {
      name: 'multiclass row not summing to 1',
      file: 'e-sum.csv',
      content: 'label,prediction,score_a,score_b,score_c\na,a,0.5,0.25,0.25\nb,b,0.5,0.25,0.125\n',
      line: 3,
      message: /scores \(score_a \+ score_b \+ score_c\) sum to 0\.875, not 1 within 0\.000001.*`sum_tolerance`/,
    },
    { name: 'positive label not among the labels', file: 'e-pos.csv', content: 'label,prediction\n0,1\n1,0\n', opts: { positiveLabel: 'yes' }, message: /positive label `yes` is not among the labels \(`0`, `1`\)/ },
    { name: 'label outside classes', file: 'e-classes.csv', content: 'label,prediction\na,a\nb,z\n', opts: { classes: ['a', 'b'] }, line: 3, message: /column `prediction`: label `z` is not among `classes` \(`a`, `b`\)/ },
    { name: 'binary task with three classes', file: 'e-bin.csv', content: 'label,prediction\na,b\nb,c\n', opts: { task: 'binary' }, message: /task is binary but there are 3 classes/ },
    { name: 'single score column with three classes', file: 'e-single.csv', content: 'label,prediction,score\na,b,0.5\nb,c,0.5\n', opts: { scoreColumns: 'score' }, message: /a single score column `score` but 3 classes/ },
    { name: 'regression with text', file: 'e-reg.csv', content: 'label,prediction\n1.5,2\nx,3\n', opts: { task: 'regression' }, line: 3, message: /column `label`: the true value "x" is not a finite number/ },
  ];
  for (const c of errors) {
    test(`error: ${c.name}`, async () => {
      const e = await userError(predictions(c.file, c.content, c.opts), c.file, c.line);
      assert.match(e.message, c.message);
    });
  }

  test('a sum within the tolerance passes, and a larger tolerance relaxes the check', async () => {
    // 0.9999999: within the default 1e-6.
    const close = 'label,prediction,score_a,score_b,score_c\na,a,0.3333333,0.3333333,0.3333333\n';
    assert.equal((await predictions('tol.csv', close)).data.kind, 'multiclass');
    // 0.999: not within 1e-6, within 1e-2.
    const far = 'label,prediction,score_a,score_b,score_c\na,a,0.333,0.333,0.333\n';
    await userError(predictions('tol.csv', far), 'tol.csv', 2);
    assert.equal((await predictions('tol.csv', far, { sumTolerance: 1e-2 })).data.kind, 'multiclass');
  });
});

describe('streaming', () => {
  test('streamRows: the header, then each row as the kept columns in the order asked for, with its line', async () => {
    const file = await put('stream.csv', 'a,b,c\n1,x,2.5\n\n3,y,\n');
    const seen: unknown[] = [];
    const t = await streamRows(
      file,
      { label: 'stream.csv', columns: ['c', 'a'] },
      (header, columns, line) => seen.push({ header: [...header], columns: [...columns], line }),
      (row, line) => seen.push([...row, line]),
    );
    assert.deepEqual(seen, [{ header: ['a', 'b', 'c'], columns: ['c', 'a'], line: 1 }, ['2.5', '1', 2], ['', '3', 4]]);
    assert.deepEqual(t, { file: 'stream.csv', header: ['a', 'b', 'c'], columns: ['c', 'a'], rows: 2, headerLine: 1 });
    // An error of the visitor reaches the caller as it is; a file without rows is the usual error.
    const boom = new Error('boom');
    await assert.rejects(
      streamRows(file, {}, undefined, () => {
        throw boom;
      }),
      (e: unknown) => e === boom,
    );
    const e = await userError(streamRows(await put('stream-head.csv', 'a,b\n'), { label: 'stream-head.csv' }, undefined, () => undefined), 'stream-head.csv', 1);
    assert.match(e.message, /no data rows/);
  });

  // Plain rows (split by hand) across several 1 MiB chunks, with multi-byte characters, then a quoted field holding
  // a delimiter, a doubled quote and a line break (csv-parse from there on), then plain rows again.
  const n = 120_000;
  const plain = (i: number): string[] => [String(i), i % 3 === 0 ? 'é' : 'text', `${'x'.repeat(i % 20)}ü`];
  for (const eol of ['\n', '\r\n']) {
    for (const gz of [false, true]) {
      test(`a quoted field after ${n} plain rows (${eol === '\n' ? 'LF' : 'CRLF'}${gz ? ', gzip' : ''}): RFC 4180 cells and true line numbers`, async () => {
        const lines = ['id,t,u'];
        for (let i = 0; i < n; i++) lines.push(plain(i).join(','));
        lines.push('q,"p, ""q""\nr",z');
        lines.push('', 'last,1,2');
        const text = lines.join(eol) + eol;
        const name = `handover${eol.length}${gz ? '.csv.gz' : '.csv'}`;
        const t = await readTable(await put(name, gz ? gzipSync(text) : text), { label: name });
        assert.equal(t.rows, n + 2);
        const ids = t.column('id')!;
        const us = t.column('u')!;
        for (let i = 0; i < n; i++) {
          if (ids[i] !== String(i) || us[i] !== plain(i)[2]) assert.fail(`row ${i}: ${ids[i]}, ${us[i]}`);
        }
        assert.deepEqual([t.column('t')![n], ids[n + 1], us[n + 1]], ['p, "q"\nr', 'last', '2']);
        // Row i is on line i + 2; the quoted row spans two lines and a blank line follows it.
        assert.deepEqual([t.lineOf(0), t.lineOf(n - 1), t.lineOf(n), t.lineOf(n + 1)], [2, n + 1, n + 2, n + 5]);
      });
    }
  }

  test('errors after many plain rows name the right line: a stray quote, a field count', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i},${i % 5}`);
    let e = await userError(readTable(await put('late-quote.csv', `a,b\n${rows.join('\n')}\n7,4"x"\n`), { label: 'late-quote.csv' }), 'late-quote.csv', 100_002);
    assert.match(e.message, /quote inside an unquoted field/);
    e = await userError(readTable(await put('late-count.csv', `a,b\n${rows.join('\n')}\n\n7,4,1\n`), { label: 'late-count.csv' }), 'late-count.csv', 100_003);
    assert.match(e.message, /has 3 fields but the header \(line 1\) has 2/);
  });

  test('TSV: a quote inside a field after plain lines is text', async () => {
    const t = await readTable(await put('q.tsv', 'a\tb\n1\t2\nx"y\t3\n'), { label: 'q.tsv' });
    assert.deepEqual(cells(t), { a: ['1', 'x"y'], b: ['2', '3'] });
  });

  test('parseCell agrees with Number on plain decimals and rejects everything else', () => {
    const cases: [string, number][] = [
      ['0.1', 0.1],
      ['-0', -0],
      ['+0', 0],
      ['1.', 1],
      ['.5', 0.5],
      ['+.5', 0.5],
      ['-.25', -0.25],
      ['007', 7],
      ['123456789012345', 123456789012345],
      ['1234567890123456789', 1234567890123456789],
      ['0.1234567890123456789', 0.1234567890123456789],
      [' 2.5 ', 2.5],
      ['1e3', 1000],
      ['-2E-2', -0.02],
      ['1e400', NaN],
      ['0x10', NaN],
      ['inf', NaN],
      ['Infinity', NaN],
      ['', NaN],
      ['.', NaN],
      ['-', NaN],
      ['1.2.3', NaN],
      ['1_0', NaN],
      ['1,5', NaN],
    ];
    for (const [cell, expected] of cases) assert.ok(Object.is(parseCell(cell), expected), `${cell}: ${parseCell(cell)}`);
    // Correct rounding: every value written with up to 15 digits reads back as Number reads it.
    let x = 0.123;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 9301 + 49297) % 233280;
      const cell = (x / 233.28 - 500).toFixed(i % 12);
      if (!Object.is(parseCell(cell), Number(cell))) assert.fail(`${cell}: ${parseCell(cell)} != ${Number(cell)}`);
    }
  });

  test('predictions from a large .csv.gz: typed arrays of exactly one value per row, equal to the cells written', async () => {
    const rows = 300_000;
    const score = (i: number): string => (((i * 7919) % 1_000_003) / 1_000_003).toFixed(6);
    const lines = ['label,prediction,score'];
    for (let i = 0; i < rows; i++) lines.push(`${i % 3 === 0 ? 1 : 0},${i % 5 === 0 ? 1 : 0},${score(i)}`);
    const r = await readPredictions(await put('big-pred.csv.gz', gzipSync(`${lines.join('\n')}\n`)), { ...BASE, scoreColumns: 'score', label: 'big-pred.csv.gz' });
    const d = classification(r.data);
    assert.equal(r.rows, rows);
    assert.deepEqual(d.labels, ['0', '1']);
    assert.ok(d.yTrue instanceof Int32Array && d.yPred instanceof Int32Array && d.scores instanceof Float64Array);
    assert.equal(d.yTrue.length, rows);
    assert.equal(d.scores.length, rows);
    for (let i = 0; i < rows; i++) {
      if (d.yTrue[i] !== (i % 3 === 0 ? 1 : 0) || d.yPred[i] !== (i % 5 === 0 ? 1 : 0) || d.scores[i] !== Number(score(i))) assert.fail(`row ${i}`);
    }
  });

  test('many distinct fractional values: a regression; with a text label late in the file: a classification', async () => {
    const rows = 100_000;
    const value = (i: number): string => (i / 8 - 1000).toFixed(3);
    const lines = ['label,prediction'];
    for (let i = 0; i < rows; i++) lines.push(`${value(i)},${value(rows - i)}`);
    const reg = await predictions('many-values.csv', `${lines.join('\n')}\n`);
    assert.equal(reg.data.kind, 'regression');
    assert.ok(reg.data.yTrue instanceof Float64Array);
    assert.equal(reg.data.yTrue.length, rows);
    for (let i = 0; i < rows; i++) {
      if (reg.data.yTrue[i] !== Number(value(i)) || reg.data.yPred[i] !== Number(value(rows - i))) assert.fail(`row ${i}`);
    }
    lines[rows - 5] = 'oops,1.5';
    const cls = classification((await predictions('many-values-text.csv', `${lines.join('\n')}\n`)).data);
    assert.equal(cls.kind, 'multiclass');
    // Text among the labels: string order by code unit (numpy.unique), every spelling its own label.
    const raw = lines.slice(1).flatMap((l) => l.split(','));
    assert.deepEqual(cls.labels, [...new Set(raw)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.deepEqual(names(cls, 'yTrue'), lines.slice(1).map((l) => l.split(',')[0]));
    assert.deepEqual(names(cls, 'yPred'), lines.slice(1).map((l) => l.split(',')[1]));
  });

  test('checks that need every label name the first line of the label: in the label column if it is there', async () => {
    const text = 'label,prediction\na,a\nb,z\nz,a\n';
    const e = await userError(predictions('first-line.csv', text, { classes: ['a', 'b'] }), 'first-line.csv', 4);
    assert.match(e.message, /column `label`: label `z` is not among `classes`/);
  });

  test('long labels and multi-byte labels are interned once', async () => {
    const long = 'a label longer than thirteen characters';
    const d = classification((await predictions('long.csv', `label,prediction\n${long},é\né,${long}\n${long},${long}\n`)).data);
    assert.deepEqual(d.labels, [long, 'é']);
    assert.deepEqual(Array.from(d.yTrue), [0, 1, 0]);
    assert.deepEqual(Array.from(d.yPred), [1, 0, 0]);
  });
});

describe('loadModelConfig', () => {
  test('no file: the defaults', async () => {
    const c = await loadModelConfig(undefined);
    assert.deepEqual({ ...c }, { ...DEFAULT_MODEL_CONFIG, drift: { ...DEFAULT_MODEL_CONFIG.drift } });
    assert.equal(c.alpha, 0.05);
    assert.deepEqual(c.bootstrap, { resamples: 1000, level: 0.95 });
    assert.deepEqual(c.columns, { label: 'label', prediction: 'prediction', scores: 'score_' });
  });

  test('snake_case YAML becomes camelCase settings with defaults filled in', async () => {
    const yaml = [
      'task: binary',
      'columns: { label: y, scores: p }',
      'positive_label: 1',
      'classes: [0, 1]',
      'sum_tolerance: 0.001',
      'bootstrap: { resamples: 200 }',
      'thresholds:',
      '  roc_auc: { min: 0.8, max_drop: 0.01 }',
      '  f1: { max_drop: "2%" }',
      'drift:',
      '  methods: [ks, psi]',
      '  thresholds: { psi: 0.2, dataset_share: 0.3 }',
      '  columns: { age: { kind: categorical, methods: [chisquare] } }',
      '  ignore: [id]',
      'model_card: { hugging_face: true }',
      '',
    ].join('\n');
    const c = await loadModelConfig(await put('model.yml', yaml), 'model.yml');
    assert.equal(c.task, 'binary');
    assert.deepEqual(c.columns, { label: 'y', prediction: 'prediction', scores: 'p' });
    assert.equal(c.positiveLabel, '1');
    assert.deepEqual(c.classes, ['0', '1']);
    assert.equal(c.sumTolerance, 0.001);
    assert.deepEqual(c.bootstrap, { resamples: 200, level: 0.95 });
    assert.deepEqual(c.thresholds, { roc_auc: { min: 0.8, maxDrop: { kind: 'absolute', value: 0.01 } }, f1: { maxDrop: { kind: 'relative', fraction: 0.02, percent: 2 } } });
    assert.deepEqual(c.drift.methods, ['ks', 'psi']);
    assert.equal(c.drift.thresholds.psi, 0.2);
    assert.equal(c.drift.thresholds.datasetShare, 0.3);
    assert.equal(c.drift.thresholds.ksPValue, 0.05);
    assert.deepEqual(c.drift.columns, { age: { kind: 'categorical', methods: ['chisquare'] } });
    assert.deepEqual(c.drift.kinds, { age: 'categorical' });
    assert.deepEqual(c.drift.ignore, ['id']);
    assert.equal(c.modelCard.huggingFace, true);
    assert.equal(c.source?.file, 'model.yml');
    assert.equal(c.source?.lineOf?.('/thresholds/f1'), 9);
  });

  const bad: { name: string; yaml: string; line: number; message: RegExp }[] = [
    { name: 'unknown field', yaml: 'task: auto\nalpa: 0.1\n', line: 2, message: /unknown field `alpa`.*Did you mean `alpha`/ },
    { name: 'bad task', yaml: 'task: ranking\n', line: 1, message: /task: must be one of: auto, binary, multiclass, regression/ },
    { name: 'bad max_drop', yaml: 'thresholds:\n  f1:\n    max_drop: two\n', line: 3, message: /thresholds\.f1\.max_drop: must be a number ≥ 0 \(absolute\) or a percentage/ },
    { name: 'unknown bound', yaml: 'thresholds:\n  f1: { minimum: 0.3 }\n', line: 2, message: /thresholds\.f1: unknown field `minimum`/ },
    { name: 'bad drift method', yaml: 'drift:\n  methods: [ks, kl]\n', line: 2, message: /drift\.methods\[1\]: must be one of: ks, wasserstein, psi, chisquare, jensenshannon/ },
    { name: 'alpha out of range', yaml: 'alpha: 0.9\n', line: 1, message: /alpha: must be <= 0\.5/ },
  ];
  for (const c of bad) {
    test(`error: ${c.name}`, async () => {
      const e = await userError(loadModelConfig(await put('bad.yml', c.yaml), 'bad.yml'), 'bad.yml', c.line);
      assert.match(e.message, c.message);
    });
  }

  test('predictionOptions: inputs override the config; blank inputs do not', async () => {
    const c = await loadModelConfig(await put('cols.yml', 'columns: { label: y }\npositive_label: yes\n'), 'cols.yml');
    assert.deepEqual(predictionOptions(c), { task: 'auto', labelColumn: 'y', predictionColumn: 'prediction', scoreColumns: 'score_', sumTolerance: 1e-6, positiveLabel: 'yes' });
    const o = predictionOptions(c, { labelColumn: 'target', scoreColumns: ' ', task: 'binary', positiveLabel: 'no' }, 'p.csv');
    assert.deepEqual(o, { task: 'binary', labelColumn: 'target', predictionColumn: 'prediction', scoreColumns: 'score_', sumTolerance: 1e-6, positiveLabel: 'no', label: 'p.csv' });
    assert.throws(() => predictionOptions(c, { task: 'ranking' }), ConfigurationError);
  });
});

describe('loadModelMetadata', () => {
  test('snake_case YAML becomes the camelCase ModelMetadata', async () => {
    const yaml = [
      'name: churn-model',
      'version: 1.2',
      'training_date: "2024-05-01"',
      'dataset: { name: crm-2024, size: 120000, url: "https://example.com/crm" }',
      'owners:',
      '  - { name: ML team, contact: ml@example.com }',
      '  - name: Ada',
      'intended_use: Rank customers by churn risk.',
      'limitations: [EU customers only]',
      'license: MIT',
      'parameters: { depth: 6, lr: 0.1 }',
      'ethical_considerations: [Do not use for pricing]',
      'tags: [tabular, churn]',
      '',
    ].join('\n');
    const m = await loadModelMetadata(await put('meta.yml', yaml));
    assert.deepEqual(m, {
      name: 'churn-model',
      version: '1.2',
      trainingDate: '2024-05-01',
      dataset: { name: 'crm-2024', size: 120000, url: 'https://example.com/crm' },
      owners: [{ name: 'ML team', contact: 'ml@example.com' }, { name: 'Ada' }],
      intendedUse: 'Rank customers by churn risk.',
      limitations: ['EU customers only'],
      license: 'MIT',
      parameters: { depth: 6, lr: 0.1 },
      ethicalConsiderations: ['Do not use for pricing'],
      tags: ['tabular', 'churn'],
    });
  });

  test('a missing required field is an error naming it', async () => {
    const file = await put('meta-bad.yml', 'name: x\nversion: "1"\ntraining_date: "2024"\ndataset: { name: d, size: 1 }\nowners: [{ name: a }]\nlimitations: []\n');
    const e = await userError(loadModelMetadata(file, 'meta-bad.yml'), 'meta-bad.yml', 1);
    assert.match(e.message, /missing required field `intended_use`/);
  });
});
