import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isConfigurationError } from '../../../src/core/errors.js';
import { FORMAT_NAMES, parseResultFile, readResultFile, ResultFileError } from '../../../src/gates/perf-gate/parsers/index.js';
import {
  type ActionDoc,
  type BmfDoc,
  type CriterionSample,
  fixture,
  fixtureJson,
  type GbDoc,
  type GbEntry,
  type HyperfineDoc,
  type K6Export,
  NAN,
  NEG_INF,
  POS_INF,
  type PytestDoc,
  type ShipgateDoc,
  thrown,
  toText,
} from './helpers.js';

/** A user-facing error: a ConfigurationError whose message names the file and carries no stack trace. */
function userError(fn: () => unknown, file: string): Error {
  const e = thrown(fn);
  assert.ok(isConfigurationError(e), `expected a ConfigurationError, got ${e.name}: ${e.message}`);
  assert.ok(e.message.startsWith(file), `the message does not start with the file: ${e.message}`);
  assert.doesNotMatch(e.message, /\n\s+at /);
  return e;
}

interface SampleSetter {
  format: string;
  rel: string;
  benchmark: string;
  metric: string;
  /** The fixture's text with one sample of `benchmark` set to the value. */
  withSample(value: unknown): string;
}

function setter<T>(format: string, rel: string, benchmark: string, metric: string, set: (doc: T, value: unknown) => void): SampleSetter {
  return {
    format,
    rel,
    benchmark,
    metric,
    withSample(value) {
      const doc = fixtureJson<T>(rel);
      set(doc, value);
      return toText(doc);
    },
  };
}

function gbEntry(doc: GbDoc, runName: string, repetition: number): GbEntry {
  const e = doc.benchmarks.find((x) => x.run_name === runName && x.run_type === 'iteration' && x.repetition_index === repetition);
  assert.ok(e, `no repetition ${repetition} of ${runName}`);
  return e;
}

function at<T>(list: T[], index: number): T {
  const v = list[index];
  assert.ok(v !== undefined, `no item ${index}`);
  return v;
}

/** Per format: a fixture and how to set one sample of one benchmark, so that the error can name it. */
const SAMPLE_SETTERS: SampleSetter[] = [
  setter<ShipgateDoc>('shipgate', 'shipgate/results.json', 'infer/batch-1', 'time', (d, v) => (at(d.benchmarks, 0).samples[1] = v)),
  setter<GbDoc>('googlebenchmark', 'googlebenchmark/repetitions.json', 'BM_StringConcat', 'real_time', (d, v) => (gbEntry(d, 'BM_StringConcat', 2).real_time = v)),
  setter<PytestDoc>('pytest-benchmark', 'pytest-benchmark/with-data.json', 'test_bench.py::test_fib[8]', 'time', (d, v) => {
    const data = d.benchmarks.find((b) => b.fullname === 'test_bench.py::test_fib[8]')?.stats.data;
    assert.ok(data);
    data[3] = v;
  }),
  setter<HyperfineDoc>('hyperfine', 'hyperfine/results.json', 'sleep 0.02', 'time', (d, v) => (at(d.results, 1).times[4] = v)),
  setter<CriterionSample>('criterion', 'criterion/target/criterion/fib/20/new/sample.json', 'fib/20', 'time', (d, v) => (d.times[2] = v)),
  setter<K6Export>('k6', 'k6/summary-export.json', 'http_req_duration', 'p(95)', (d, v) => {
    const m = d.metrics.http_req_duration;
    assert.ok(m);
    m['p(95)'] = v;
  }),
  setter<BmfDoc>('bmf', 'bmf/results.json', 'tokenizer::decode', 'latency', (d, v) => {
    const m = d['tokenizer::decode']?.latency;
    assert.ok(m);
    m.value = v;
  }),
  setter<ActionDoc>('benchmark-action', 'benchmark-action/custom.json', 'parse large', 'value', (d, v) => (at(d, 1).value = v)),
];

describe('missing, empty and unreadable files', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'perf-parsers-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a missing file names the path and says what to check', async () => {
    const file = path.join(dir, 'nope.json');
    for (const format of [undefined, 'googlebenchmark']) {
      await assert.rejects(readResultFile(file, { format, displayPath: 'bench/nope.json' }), (e: Error) => {
        assert.ok(isConfigurationError(e));
        assert.equal(e.message, 'bench/nope.json: result file not found. Check the path, and that the benchmark run wrote its results there.');
        return true;
      });
    }
  });

  test('a directory instead of a file', async () => {
    await assert.rejects(readResultFile(dir), (e: Error) => isConfigurationError(e) && e.message.startsWith(`${dir}: result file is a directory`));
  });

  test('a real file is read and parsed', async () => {
    const parsed = await readResultFile(fixture('hyperfine/results.json').abs, { displayPath: 'hf.json' });
    assert.equal(parsed.file, 'hf.json');
    assert.equal(parsed.format, 'hyperfine');
  });

  for (const format of [undefined, ...FORMAT_NAMES]) {
    test(`an empty file, format ${format ?? 'detected'}`, () => {
      for (const text of ['', '  \n\t\n', '\uFEFF']) {
        const e = userError(() => parseResultFile('out/results.json', text, format), 'out/results.json');
        assert.match(e.message, /^out\/results\.json: the result file is empty\. Check that the benchmark run finished/);
      }
    });
  }
});

describe('truncated and malformed JSON', () => {
  for (const setter of SAMPLE_SETTERS) {
    for (const forced of [false, true]) {
      test(`${setter.rel} cut short, format ${forced ? 'given' : 'detected'}: file, line and column`, () => {
        const { file, text } = fixture(setter.rel);
        for (const share of [0.3, 0.5, 0.77]) {
          const cut = text.slice(0, Math.floor(text.length * share));
          const e = userError(() => parseResultFile(file, cut, forced ? setter.format : undefined), file);
          const lines = cut.split('\n');
          const expected = `${file}:${lines.length}:`;
          assert.ok(e.message.startsWith(expected), `${e.message} does not start with ${expected}`);
          assert.match(e.message, /invalid JSON: the JSON ends early; the file looks truncated/);
          assert.ok(e instanceof ResultFileError);
          assert.equal(e.location?.line, lines.length);
        }
      });
    }
  }

  test('a syntax error in the middle gives its exact position', () => {
    const { file, text } = fixture('hyperfine/results.json');
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.includes('"mean"'));
    const broken = [...lines.slice(0, index), lines[index]?.replace(',', ';'), ...lines.slice(index + 1)].join('\n');
    const column = (lines[index]?.indexOf(',') ?? 0) + 1;
    const e = userError(() => parseResultFile(file, broken), file);
    assert.equal(e.message, `${file}:${index + 1}:${column}: invalid JSON: unexpected ";". Fix the file at this position, or produce it again.`);
  });

  test('trailing garbage after the JSON', () => {
    const e = userError(() => parseResultFile('r.json', '[{"name": "a", "unit": "ms", "value": 1}]\n]'), 'r.json');
    assert.match(e.message, /^r\.json:2:1: invalid JSON: unexpected "\]"/);
  });
});

describe('unknown formats', () => {
  test('an unknown format name lists the known ones', () => {
    const { file, text } = fixture('hyperfine/results.json');
    const e = thrown(() => parseResultFile(file, text, 'jmh'));
    assert.ok(isConfigurationError(e));
    assert.equal(e.message, `unknown result format "jmh". Known formats: ${FORMAT_NAMES.join(', ')}.`);
  });

  test('a file of no known shape names the file and the known formats', () => {
    const e = userError(() => parseResultFile('out/x.json', '{"foo": 1}'), 'out/x.json');
    assert.match(e.message, /cannot tell the format of this result file\. Known formats: shipgate, googlebenchmark, .*latency-log\./);
  });

  test('a file of the wrong shape for the format given', () => {
    const e = userError(() => parseResultFile('x.json', '{"foo": 1}', 'googlebenchmark'), 'x.json');
    assert.equal(e.message, 'x.json: not a valid Google Benchmark JSON file: expected an object with a `benchmarks` list.');
  });
});

describe('NaN, negative and infinite values name the benchmark', () => {
  const BAD: [string, unknown, RegExp][] = [
    ['NaN', NAN, /NaN/],
    ['Infinity', POS_INF, /Infinity/],
    ['-Infinity', NEG_INF, /-Infinity/],
    ['negative', -3, /is -\d/],
    ['null', null, /null/],
    ['a string', 'fast', /the string "fast"/],
  ];
  for (const setter of SAMPLE_SETTERS) {
    for (const [label, value, shown] of BAD) {
      test(`${setter.format}: ${label}`, () => {
        const { file } = fixture(setter.rel);
        const text = setter.withSample(value);
        const e = userError(() => parseResultFile(file, text), file);
        assert.ok(e.message.startsWith(`${file}: benchmark ${JSON.stringify(setter.benchmark)}: ${setter.metric}: `), e.message);
        assert.match(e.message, shown);
        assert.match(e.message, /must be finite numbers/);
        assert.match(e.message, /Check that the benchmark ran correctly/);
        // The rest of the file is kept.
        assert.ok(e instanceof ResultFileError);
        assert.ok(e.partial !== undefined);
        assert.ok(!e.partial.measurements.some((m) => m.benchmark === setter.benchmark));
      });
    }
  }

  test('a negative user counter is not a time and is accepted; a negative time is not', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/single.json');
    at(doc.benchmarks, 0).net_change = -4;
    const parsed = parseResultFile('gb.json', toText(doc));
    assert.deepEqual(parsed.measurements.find((m) => m.metric === 'net_change')?.samples, [-4]);
    at(doc.benchmarks, 0).cpu_time = -1;
    const e = userError(() => parseResultFile('gb.json', toText(doc)), 'gb.json');
    assert.match(e.message, /cpu_time: its value is -1; times must be finite numbers of at least 0/);
  });

  test('criterion: a zero iteration count', () => {
    const doc = fixtureJson<CriterionSample>('criterion/target/criterion/sort/1000/new/sample.json');
    doc.iters[4] = 0;
    const file = 'target/criterion/sort/1000/new/sample.json';
    const e = userError(() => parseResultFile(file, toText(doc)), file);
    assert.match(e.message, /benchmark "sort\/1000": iteration counts must be positive numbers \(sample #5\)/);
  });

  test('a benchmark with no samples', () => {
    const e = userError(() => parseResultFile('r.json', toText({ schemaVersion: 1, benchmarks: [{ name: 'a', unit: 'ms', samples: [] }] })), 'r.json');
    assert.match(e.message, /benchmark "a": time: has no samples/);
  });
});

describe('mixed units for one benchmark', () => {
  test('shipgate: the same benchmark in ms and in s', () => {
    const doc = fixtureJson<ShipgateDoc>('shipgate/results.json');
    doc.benchmarks.push({ name: 'infer/batch-1', unit: 's', samples: [0.012] });
    const e = userError(() => parseResultFile('r.json', toText(doc)), 'r.json');
    assert.match(e.message, /^r\.json: benchmark "infer\/batch-1": time: mixed units "ms" and "s" for one benchmark\. Report every sample of a benchmark in the same unit\.$/);
  });

  test('Google Benchmark: one repetition in another time_unit', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/repetitions.json');
    gbEntry(doc, 'BM_VectorSum/4096', 3).time_unit = 'us';
    const e = userError(() => parseResultFile('gb.json', toText(doc)), 'gb.json');
    assert.match(e.message, /benchmark "BM_VectorSum\/4096": real_time: mixed units "ns" and "us"/);
    assert.match(e.message, /benchmark "BM_VectorSum\/4096": cpu_time: mixed units "ns" and "us"/);
  });

  test('github-action-benchmark: one name with two units', () => {
    const doc = fixtureJson<ActionDoc>('benchmark-action/custom.json');
    doc.push({ name: 'parse small', unit: 'us/iter', value: 1.9 });
    const e = userError(() => parseResultFile('b.json', toText(doc)), 'b.json');
    assert.match(e.message, /benchmark "parse small": value: mixed units "ns\/iter" and "us\/iter"/);
  });
});

describe('duplicate benchmark names', () => {
  /** `dup` returns the fixture's text with `benchmark` twice. */
  const CASES: { format: string; rel: string; benchmark: string; hint: RegExp; dup: (rel: string) => string }[] = [
    {
      format: 'shipgate',
      rel: 'shipgate/results.json',
      benchmark: 'infer/batch-32',
      hint: /Give every benchmark a unique name/,
      dup: (rel) => {
        const d = fixtureJson<ShipgateDoc>(rel);
        d.benchmarks.push(at(d.benchmarks, 2));
        return toText(d);
      },
    },
    {
      format: 'googlebenchmark',
      rel: 'googlebenchmark/repetitions.json',
      benchmark: 'BM_VectorSum/64',
      hint: /is registered more than once/,
      dup: (rel) => {
        const d = fixtureJson<GbDoc>(rel);
        d.benchmarks.push(at(d.benchmarks, 0));
        return toText(d);
      },
    },
    {
      format: 'pytest-benchmark',
      rel: 'pytest-benchmark/with-data.json',
      benchmark: 'test_bench.py::test_sort',
      hint: /Give every benchmark a unique name/,
      dup: (rel) => {
        const d = fixtureJson<PytestDoc>(rel);
        d.benchmarks.push(at(d.benchmarks, 0));
        return toText(d);
      },
    },
    {
      format: 'hyperfine',
      rel: 'hyperfine/results.json',
      benchmark: 'sleep 0.01',
      hint: /--command-name/,
      dup: (rel) => {
        const d = fixtureJson<HyperfineDoc>(rel);
        d.results.push(at(d.results, 0));
        return toText(d);
      },
    },
    {
      format: 'k6',
      rel: 'k6/summary-export.json',
      benchmark: 'iteration_duration',
      hint: /unique name/,
      // Names are keys: a repeated key, which JSON.parse would silently collapse.
      dup: (rel) =>
        fixture(rel).text.replace('"iterations":', '"iteration_duration": { "avg": 1, "min": 1, "med": 1, "max": 1, "p(90)": 1, "p(95)": 1 },\n        "iterations":'),
    },
    {
      format: 'bmf',
      rel: 'bmf/results.json',
      benchmark: 'tokenizer::encode',
      hint: /unique name/,
      dup: (rel) => fixture(rel).text.replace('"model.bin"', '"tokenizer::encode": { "latency": { "value": 90 } },\n  "model.bin"'),
    },
    {
      format: 'benchmark-action',
      rel: 'benchmark-action/custom.json',
      benchmark: 'parse large',
      hint: /unique name/,
      dup: (rel) => {
        const d = fixtureJson<ActionDoc>(rel);
        d.push({ ...at(d, 1), value: 13 });
        return toText(d);
      },
    },
  ];
  for (const c of CASES) {
    test(`${c.format}: ${c.benchmark} twice`, () => {
      const { file, text } = fixture(c.rel);
      const bad = c.dup(c.rel);
      assert.notEqual(bad, text);
      const e = userError(() => parseResultFile(file, bad, c.format), file);
      assert.ok(e.message.startsWith(`${file}: benchmark ${JSON.stringify(c.benchmark)}: `), e.message);
      assert.match(e.message, /cannot be told apart/);
      assert.match(e.message, c.hint);
      assert.ok(e instanceof ResultFileError && e.partial !== undefined);
      assert.ok(!e.partial.measurements.some((m) => m.benchmark === c.benchmark));
      assert.ok(e.partial.measurements.length > 0);
    });
  }

  test('bmf: a measure twice in one benchmark', () => {
    const { text } = fixture('bmf/results.json');
    const bad = text.replace('"throughput":', '"latency": { "value": 1 },\n    "throughput":');
    const e = userError(() => parseResultFile('b.json', bad), 'b.json');
    assert.match(e.message, /benchmark "tokenizer::decode": latency: the measure appears more than once/);
  });
});

describe('several bad benchmarks in one file', () => {
  test('every bad one is named; the good ones are kept', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/repetitions.json');
    gbEntry(doc, 'BM_VectorSum/64', 1).real_time = NAN;
    gbEntry(doc, 'BM_StringConcat', 4).cpu_time = -2;
    gbEntry(doc, 'BM_StringConcat', 0).real_time = POS_INF;
    const file = 'bench/gb.json';
    const e = userError(() => parseResultFile(file, toText(doc)), file);
    const lines = e.message.split('\n');
    assert.equal(lines[0], `${file}: 3 problems in this Google Benchmark JSON file:`);
    assert.match(e.message, /- benchmark "BM_VectorSum\/64": real_time: 1 of 5 samples are invalid \(#2 is NaN\)/);
    assert.match(e.message, /- benchmark "BM_StringConcat": real_time: 1 of 5 samples are invalid \(#1 is Infinity\)/);
    assert.match(e.message, /- benchmark "BM_StringConcat": cpu_time: 1 of 5 samples are invalid \(#5 is -2\)/);
    assert.equal(lines.at(-1), 'The other benchmark in the file is fine.');
    assert.ok(e instanceof ResultFileError && e.partial !== undefined);
    assert.deepEqual([...new Set(e.partial.measurements.map((m) => m.benchmark))], ['BM_VectorSum/4096']);
  });

  test('several bad samples in one benchmark are summarised', () => {
    const doc = fixtureJson<HyperfineDoc>('hyperfine/results.json');
    for (const i of [0, 2, 5, 9]) at(doc.results, 0).times[i] = -0.5;
    const e = userError(() => parseResultFile('h.json', toText(doc)), 'h.json');
    assert.match(e.message, /benchmark "sleep 0\.01": time: 4 of 10 samples are invalid \(#1 is -0\.5, #3 is -0\.5, #6 is -0\.5, …\)/);
  });
});
