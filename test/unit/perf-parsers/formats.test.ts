import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseResultFile } from '../../../src/gates/perf-gate/parsers/index.js';
import type { Measurement, ParsedFile } from '../../../src/gates/perf-gate/parsers/types.js';
import { fixture, fixtureJson, type GbDoc, type GbEntry, type HyperfineDoc, type PytestDoc, thrown, toText } from './helpers.js';

function parse(rel: string, format?: string): ParsedFile {
  const { file, text } = fixture(rel);
  return parseResultFile(file, text, format);
}

function find(parsed: ParsedFile, benchmark: string, metric: string): Measurement {
  const m = parsed.measurements.find((x) => x.benchmark === benchmark && x.metric === metric);
  assert.ok(m, `no ${benchmark} ${metric} in ${parsed.measurements.map((x) => `${x.benchmark}/${x.metric}`).join(', ')}`);
  return m;
}

describe('Google Benchmark (libbenchmark-dev output)', () => {
  const runNames = (doc: GbDoc) => [...new Set(doc.benchmarks.map((e) => e.run_name))];

  test('with --benchmark_repetitions=5: the five iteration entries are the samples, aggregates are not', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/repetitions.json');
    const parsed = parse('googlebenchmark/repetitions.json');
    assert.equal(parsed.format, 'googlebenchmark');
    assert.deepEqual([...new Set(parsed.measurements.map((m) => m.benchmark))], runNames(doc));
    for (const name of runNames(doc)) {
      const iterations = doc.benchmarks.filter((e) => e.run_name === name && e.run_type === 'iteration');
      assert.equal(iterations.length, 5);
      for (const metric of ['real_time', 'cpu_time'] as const) {
        const m = find(parsed, name, metric);
        assert.deepEqual(m.samples, iterations.map((e) => e[metric]));
        assert.equal(m.unit, iterations[0]?.time_unit);
        assert.equal(m.direction, 'lower');
      }
    }
  });

  test('user counters become metrics where higher is better; items_per_second in items/s', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/repetitions.json');
    const parsed = parse('googlebenchmark/repetitions.json');
    const sumEntries = doc.benchmarks.filter((e) => e.run_name === 'BM_VectorSum/64' && e.run_type === 'iteration');
    const items = find(parsed, 'BM_VectorSum/64', 'items_per_second');
    assert.deepEqual(items.samples, sumEntries.map((e) => e.items_per_second));
    assert.equal(items.unit, 'items/s');
    assert.equal(items.direction, 'higher');
    const bytes = find(parsed, 'BM_StringConcat', 'bytes');
    assert.equal(bytes.direction, 'higher');
    assert.equal(bytes.samples.length, 5);
    assert.deepEqual(parsed.measurements.filter((m) => m.benchmark === 'BM_StringConcat').map((m) => m.metric).sort(), ['bytes', 'cpu_time', 'real_time']);
  });

  test('a plain run has one sample per benchmark', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/single.json');
    const parsed = parse('googlebenchmark/single.json');
    for (const e of doc.benchmarks) assert.deepEqual(find(parsed, e.run_name, 'real_time').samples, [e.real_time]);
    assert.equal(parsed.measurements.length, doc.benchmarks.length * 3);
  });

  test('aggregates only: the mean aggregate is one sample, with a warning', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/aggregates-only.json');
    assert.ok(doc.benchmarks.every((e) => e.run_type === 'aggregate'));
    const parsed = parse('googlebenchmark/aggregates-only.json');
    for (const name of runNames(doc)) {
      const mean = doc.benchmarks.find((e) => e.run_name === name && e.aggregate_name === 'mean');
      assert.deepEqual(find(parsed, name, 'real_time').samples, [mean?.real_time]);
      assert.deepEqual(find(parsed, name, 'cpu_time').samples, [mean?.cpu_time]);
    }
    assert.ok(parsed.warnings.some((w) => w.includes('only aggregates') && w.includes('--benchmark_report_aggregates_only')));
  });

  test('warns on a debug build of the library and on CPU scaling', () => {
    const doc = fixtureJson<GbDoc>('googlebenchmark/single.json');
    // Debian's libbenchmark reports itself as a debug build.
    assert.equal(doc.context.library_build_type, 'debug');
    assert.equal(doc.context.cpu_scaling_enabled, false);
    const plain = parse('googlebenchmark/single.json');
    assert.ok(plain.warnings.some((w) => w.includes('debug build')));
    assert.ok(!plain.warnings.some((w) => w.includes('scaling')));
    assert.deepEqual(plain.meta?.context, doc.context);

    doc.context = { library_build_type: 'release', cpu_scaling_enabled: true };
    const scaled = parseResultFile('gb.json', toText(doc));
    assert.ok(scaled.warnings.some((w) => w.includes('CPU frequency scaling')));
    assert.ok(!scaled.warnings.some((w) => w.includes('debug build')));
  });

  test('a benchmark that reported an error is left out with a warning', () => {
    const doc = fixtureJson<GbDoc & { benchmarks: (GbEntry & { error_occurred?: boolean; error_message?: string })[] }>('googlebenchmark/single.json');
    const [first] = doc.benchmarks;
    assert.ok(first);
    Object.assign(first, { error_occurred: true, error_message: 'out of memory' });
    const parsed = parseResultFile('gb.json', toText(doc));
    assert.ok(!parsed.measurements.some((m) => m.benchmark === first.run_name));
    assert.ok(parsed.warnings.some((w) => w.includes(first.run_name) && w.includes('out of memory')));
  });
});

describe('pytest-benchmark (python3-pytest-benchmark output)', () => {
  test('--benchmark-json: every round of stats.data is a sample, in seconds, by fullname', () => {
    const doc = fixtureJson<PytestDoc>('pytest-benchmark/with-data.json');
    const parsed = parse('pytest-benchmark/with-data.json');
    assert.equal(parsed.format, 'pytest-benchmark');
    assert.deepEqual(parsed.warnings, []);
    assert.equal(parsed.measurements.length, doc.benchmarks.length);
    assert.ok(doc.benchmarks.some((b) => b.fullname.includes('[')), 'the fixture has parametrized tests');
    for (const b of doc.benchmarks) {
      const m = find(parsed, b.fullname, 'time');
      assert.equal(m.samples.length, b.stats.rounds);
      assert.deepEqual(m.samples, b.stats.data);
      assert.equal(m.unit, 's');
      assert.equal(m.direction, 'lower');
    }
    assert.ok(parsed.meta?.machine_info);
  });

  test('--benchmark-save without data: the mean as one sample, with a warning', () => {
    const doc = fixtureJson<PytestDoc>('pytest-benchmark/stats-only.json');
    assert.ok(doc.benchmarks.every((b) => b.stats.data === undefined));
    const parsed = parse('pytest-benchmark/stats-only.json');
    for (const b of doc.benchmarks) assert.deepEqual(find(parsed, b.fullname, 'time').samples, [b.stats.mean]);
    assert.ok(parsed.warnings.some((w) => w.includes('stats.data') && w.includes('--benchmark-save-data')));
  });
});

describe('hyperfine --export-json', () => {
  test('times (seconds) of every run, by command', () => {
    const doc = fixtureJson<HyperfineDoc>('hyperfine/results.json');
    const parsed = parse('hyperfine/results.json');
    assert.equal(parsed.format, 'hyperfine');
    assert.deepEqual(
      parsed.measurements.map((m) => m.benchmark),
      ['sleep 0.01', 'sleep 0.02'],
    );
    for (const r of doc.results) {
      const m = find(parsed, r.command, 'time');
      assert.equal(m.samples.length, 10);
      assert.deepEqual(m.samples, r.times);
      assert.equal(m.unit, 's');
    }
    assert.deepEqual(parsed.warnings, []);
  });

  test('runs that exited with an error are warned about', () => {
    const doc = fixtureJson<HyperfineDoc>('hyperfine/results.json');
    const [first] = doc.results;
    assert.ok(first);
    first.exit_codes[3] = 1;
    first.exit_codes[7] = 2;
    const parsed = parseResultFile('h.json', toText(doc));
    assert.ok(parsed.warnings.some((w) => w.includes('"sleep 0.01"') && w.includes('2 of 10 runs')));
  });
});

describe('criterion', () => {
  interface Sample {
    iters: number[];
    times: number[];
  }

  test('sample.json: per-iteration time = times / iters in ns; the id comes from the path', () => {
    for (const id of ['fib/20', 'sort/1000']) {
      const rel = `criterion/target/criterion/${id}/new/sample.json`;
      const doc = fixtureJson<Sample>(rel);
      const parsed = parse(rel);
      assert.equal(parsed.format, 'criterion');
      assert.equal(parsed.measurements.length, 1);
      const m = find(parsed, id, 'time');
      assert.equal(m.samples.length, doc.iters.length);
      assert.deepEqual(
        m.samples,
        doc.times.map((t, i) => t / (doc.iters[i] ?? NaN)),
      );
      assert.equal(m.unit, 'ns');
      assert.equal(m.direction, 'lower');
    }
  });

  test('estimates.json: the mean estimate as one sample, with a warning', () => {
    const rel = 'criterion/target/criterion/fib/20/new/estimates.json';
    const doc = fixtureJson<{ mean: { point_estimate: number } }>(rel);
    const parsed = parse(rel);
    assert.deepEqual(find(parsed, 'fib/20', 'time').samples, [doc.mean.point_estimate]);
    assert.ok(parsed.warnings.some((w) => w.includes('estimates.json') && w.includes('sample.json')));
  });

  test('outside target/criterion the id must be given', () => {
    const { text } = fixture('criterion/target/criterion/sort/1000/new/sample.json');
    const e = thrown(() => parseResultFile('results/sample.json', text, 'criterion'));
    assert.match(e.message, /^results\/sample\.json: .*cannot tell the benchmark id/);
    const named = parseResultFile('results/sample.json', text, 'criterion', { name: 'sort-1000' });
    assert.deepEqual(
      named.measurements.map((m) => m.benchmark),
      ['sort-1000'],
    );
  });

  test('a saved baseline folder works like new/', () => {
    const { text } = fixture('criterion/target/criterion/fib/20/new/sample.json');
    const parsed = parseResultFile('target/criterion/fib/20/main/sample.json', text);
    assert.equal(parsed.measurements[0]?.benchmark, 'fib/20');
  });
});

describe('k6 summaries', () => {
  type Stats = Record<string, number>;

  test('--summary-export: each trend statistic is a metric of the trend, one value, in ms', () => {
    const doc = fixtureJson<{ metrics: Record<string, Stats> }>('k6/summary-export.json');
    const parsed = parse('k6/summary-export.json');
    assert.equal(parsed.format, 'k6');
    const trends = Object.keys(doc.metrics).filter((k) => 'med' in (doc.metrics[k] ?? {}));
    assert.deepEqual([...new Set(parsed.measurements.map((m) => m.benchmark))], trends);
    for (const name of trends) {
      for (const stat of ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)']) {
        const m = find(parsed, name, stat);
        assert.deepEqual(m.samples, [doc.metrics[name]?.[stat]]);
        assert.equal(m.unit, 'ms');
        assert.equal(m.direction, 'lower');
      }
    }
    // Counters, rates and gauges are not trends.
    for (const other of ['http_reqs', 'checks', 'vus', 'http_req_failed']) assert.ok(!parsed.measurements.some((m) => m.benchmark === other));
    assert.ok(parsed.meta?.thresholds);
  });

  test('handleSummary data: units from `contains`, extra percentiles kept', () => {
    const doc = fixtureJson<{ metrics: Record<string, { values: Stats }> }>('k6/handle-summary.json');
    const parsed = parse('k6/handle-summary.json');
    const p99 = find(parsed, 'http_req_duration', 'p(99)');
    assert.deepEqual(p99.samples, [doc.metrics.http_req_duration?.values['p(99)']]);
    assert.equal(p99.unit, 'ms');
    assert.equal(find(parsed, 'queue_depth', 'p(95)').unit, '');
    assert.equal(parsed.measurements.length, 14);
  });
});

describe('Bencher Metric Format', () => {
  test('each measure is a metric; throughput is better higher; bounds are kept', () => {
    const doc = fixtureJson<Record<string, Record<string, { value: number }>>>('bmf/results.json');
    const parsed = parse('bmf/results.json');
    assert.equal(parsed.format, 'bmf');
    let count = 0;
    for (const [name, measures] of Object.entries(doc)) {
      for (const [measure, { value }] of Object.entries(measures)) {
        count++;
        assert.deepEqual(find(parsed, name, measure).samples, [value]);
      }
    }
    assert.equal(parsed.measurements.length, count);
    assert.equal(find(parsed, 'tokenizer::decode', 'throughput').direction, 'higher');
    assert.equal(find(parsed, 'tokenizer::decode', 'latency').unit, 'ns');
    assert.equal(find(parsed, 'model.bin', 'file-size').direction, 'lower');
    assert.deepEqual(parsed.meta?.bounds, { 'tokenizer::encode': { latency: { lower: 87.42, upper: 88.88 } }, 'tokenizer::decode': { latency: { lower: 40.9, upper: 42.3 } } });
  });
});

describe('github-action-benchmark', () => {
  test('one value per entry; direction from the unit', () => {
    const doc = fixtureJson<{ name: string; unit: string; value: number }[]>('benchmark-action/custom.json');
    const parsed = parse('benchmark-action/custom.json');
    assert.equal(parsed.format, 'benchmark-action');
    const expected: Record<string, string> = { 'ns/iter': 'lower', ms: 'lower', 'ops/sec': 'higher', 'MB/s': 'higher' };
    for (const e of doc) {
      const m = find(parsed, e.name, 'value');
      assert.deepEqual(m.samples, [e.value]);
      assert.equal(m.unit, e.unit);
      assert.equal(m.direction, expected[e.unit]);
    }
  });
});

describe('shipgate results', () => {
  test('samples as given; metric defaults to time, direction to the unit', () => {
    const doc = fixtureJson<{ benchmarks: { name: string; metric?: string; unit: string; direction?: string; samples: number[] }[] }>('shipgate/results.json');
    const parsed = parse('shipgate/results.json');
    assert.equal(parsed.format, 'shipgate');
    for (const b of doc.benchmarks) {
      const m = find(parsed, b.name, b.metric ?? 'time');
      assert.deepEqual(m.samples, b.samples);
      assert.equal(m.unit, b.unit);
    }
    assert.equal(find(parsed, 'infer/batch-1', 'time').direction, 'lower');
    assert.equal(find(parsed, 'infer/batch-32', 'throughput').direction, 'higher');
    const rate = parseResultFile('r.json', toText({ schemaVersion: 1, benchmarks: [{ name: 'q', unit: 'req/s', samples: [1, 2] }] }));
    assert.equal(rate.measurements[0]?.direction, 'higher');
  });

  test('the schema rejects unknown fields and a wrong version', () => {
    const e = thrown(() => parseResultFile('r.json', toText({ schemaVersion: 2, benchmarks: [{ name: 'q', unit: 'ms', samples: [1], colour: 'red' }] })));
    assert.match(e.message, /^r\.json/);
    assert.match(e.message, /schemaVersion/);
    assert.match(e.message, /colour/);
  });
});
