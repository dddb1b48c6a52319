import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import { readResultFile } from '../../../src/gates/perf-gate/parsers/index.js';
import {
  ingestLatencyFile,
  latencyLogParser,
  minSamplesFor,
  parseDecimal,
  percentiles,
  percentilesWithIntervals,
  summarizeLatencyLog,
  type LatencySummary,
} from '../../../src/gates/perf-gate/parsers/latency-log.js';

const PERCENTS = [50, 90, 95, 99, 99.9];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lognormal(rand: () => number, n: number, median = 5, sigma = 0.7): number[] {
  return Array.from({ length: n }, () => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())));
}

/** Independent reference: full sort, then numpy's 'linear' method written out. */
function reference(values: ArrayLike<number>, percents: number[]): number[] {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  return percents.map((p) => {
    const v = (n - 1) * (p / 100);
    if (v >= n - 1) return a[n - 1]!;
    const lo = Math.floor(v);
    const g = v - lo;
    const diff = a[lo + 1]! - a[lo]!;
    return g >= 0.5 ? a[lo + 1]! - diff * (1 - g) : a[lo]! + diff * g;
  });
}

const pct = (s: LatencySummary): number[] => [s.p50, s.p90, s.p95, s.p99, s.p999];

function numpyPython(): { python?: string; why?: string } {
  const tried: string[] = [];
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import numpy'], { encoding: 'utf8' });
    if (r.status === 0) return { python: py };
    tried.push(`${py}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  return { why: `numpy is not importable (${tried.join('; ')}); install python3-numpy` };
}

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'latency-log-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

async function rejects(p: Promise<unknown> | (() => unknown), ...patterns: RegExp[]): Promise<ConfigurationError> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof ConfigurationError, `expected a ConfigurationError, got ${String(err)}`);
  for (const re of patterns) assert.match(err.message, re);
  return err;
}

describe('latency log percentiles against numpy.percentile', () => {
  const np = numpyPython();
  const cases: { name: string; text: string; numpy: string }[] = [];
  before(() => {
    const rand = rng(7);
    const full = lognormal(rand, 150_000);
    cases.push({ name: 'full-precision.txt', text: `${full.map(String).join('\n')}\n`, numpy: 'np.loadtxt(f, ndmin=1)' });
    const micro = lognormal(rand, 120_001, 800, 1.2);
    cases.push({ name: 'fixed-3.log', text: `${micro.map((x) => x.toFixed(3)).join('\n')}\n`, numpy: 'np.loadtxt(f, ndmin=1)' });
    const ties = Array.from({ length: 100_000 }, () => Math.floor(rand() * rand() * 40));
    cases.push({ name: 'integer-ties.txt', text: `${ties.join('\n')}\n`, numpy: 'np.loadtxt(f, ndmin=1)' });
    const odd = lognormal(rand, 2_000).map((x, i) => [x.toExponential(4), ` ${x.toFixed(2)}\t`, `+${x.toPrecision(6)}`, `${x}`][i % 4]);
    cases.push({ name: 'mixed-crlf.txt', text: `# comment\r\n\r\n${odd.join('\r\n')}\r\n`, numpy: 'np.loadtxt(f, ndmin=1)' });
    for (const n of [1, 2, 3, 10, 1001]) {
      cases.push({ name: `small-${n}.txt`, text: lognormal(rand, n).map((x) => x.toPrecision(5)).join('\n'), numpy: 'np.loadtxt(f, ndmin=1)' });
    }
    const csv = lognormal(rand, 70_000).map((x, i) => `${1_700_000_000 + i * 0.01},"GET /a, b",${x.toFixed(4)},200`);
    cases.push({ name: 'requests.csv', text: `ts,label,latency_ms,status\n${csv.join('\n')}\n`, numpy: 'np.loadtxt(f, delimiter=",", skiprows=1, usecols=3 - 1, ndmin=1, quotechar=\'"\')' });
  });

  test('every case matches a sort-based reference of numpy\'s method, bit for bit', async () => {
    for (const c of cases) {
      const file = await write(c.name, c.text);
      const s = await ingestLatencyFile(file, { keepSamples: true });
      assert.deepEqual(pct(s), reference(s.samples!, PERCENTS), c.name);
      assert.equal(s.count, s.samples!.length);
    }
  });

  test('every case matches numpy.percentile exactly', { skip: np.why }, async () => {
    const files = await Promise.all(cases.map((c) => write(c.name, c.text)));
    const script = [
      'import json, sys, numpy as np',
      'out = []',
      `for f, load in json.loads(sys.argv[1]):`,
      '    a = eval(load)',
      `    p = np.percentile(a, ${JSON.stringify(PERCENTS)})`,
      '    out.append({"p": [float(x) for x in p], "mean": float(a.mean()), "min": float(a.min()), "max": float(a.max()), "n": int(a.size)})',
      'print(json.dumps(out))',
    ].join('\n');
    const arg = JSON.stringify(files.map((f, i) => [f, cases[i]!.numpy]));
    const r = spawnSync(np.python!, ['-c', script, arg], { encoding: 'utf8', maxBuffer: 1 << 24 });
    assert.equal(r.status, 0, r.stderr);
    const expected = JSON.parse(r.stdout) as { p: number[]; mean: number; min: number; max: number; n: number }[];
    for (const [i, file] of files.entries()) {
      const s = await ingestLatencyFile(file);
      const e = expected[i]!;
      const name = cases[i]!.name;
      assert.equal(s.count, e.n, name);
      assert.deepEqual(pct(s), e.p, name);
      assert.equal(s.min, e.min, name);
      assert.equal(s.max, e.max, name);
      assert.ok(Math.abs(s.mean - e.mean) <= 1e-12 * e.mean, `${name}: mean ${s.mean} vs ${e.mean}`);
    }
  });
});

describe('percentiles', () => {
  test('equals the reference on large, tied, sorted and negative inputs, small and large', () => {
    const rand = rng(11);
    const inputs: [string, Float64Array][] = [
      ['lognormal 200k', Float64Array.from(lognormal(rand, 200_000))],
      ['sorted 100k', Float64Array.from(lognormal(rand, 100_000)).sort()],
      ['reversed 100k', Float64Array.from(lognormal(rand, 100_000)).sort().reverse()],
      ['all equal 80k', new Float64Array(80_000).fill(3.25)],
      ['two values 90k', Float64Array.from({ length: 90_000 }, (_, i) => (i % 3 === 0 ? 1 : 2))],
      ['with negatives 70k', Float64Array.from({ length: 70_000 }, () => rand() * 10 - 5)],
      ['one value', Float64Array.of(4)],
      ['small random', Float64Array.from(lognormal(rand, 37))],
    ];
    const ps = [0, 0.1, 1, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];
    for (const [name, values] of inputs) {
      const copy = Float64Array.from(values);
      assert.deepEqual(percentiles(copy, ps), reference(values, ps), name);
    }
  });

  test('the closed-form interval matches a resampling bootstrap percentile interval', () => {
    const rand = rng(29);
    const n = 5000;
    const values = Float64Array.from(lognormal(rand, n));
    const ps = [50, 90, 99];
    const { values: point, intervals } = percentilesWithIntervals(Float64Array.from(values), ps);
    assert.deepEqual(point, reference(values, ps));
    // 4000 ordinary bootstrap resamples of the sample, numpy's percentile of each, 2.5% and 97.5% of those.
    const boots = ps.map(() => new Float64Array(4000));
    const resample = new Float64Array(n);
    for (let b = 0; b < 4000; b++) {
      for (let i = 0; i < n; i++) resample[i] = values[Math.floor(rand() * n)]!;
      const got = percentiles(resample, ps);
      got.forEach((v, k) => (boots[k]![b] = v));
    }
    const sorted = Float64Array.from(values).sort();
    const rankOf = (v: number) => sorted.findIndex((x) => x >= v);
    for (const [k, p] of ps.entries()) {
      const [lo, hi] = reference(boots[k]!, [2.5, 97.5]) as [number, number];
      const ours = intervals[k]!;
      assert.equal(ours.level, 0.95);
      assert.ok(ours.lower <= point[k]! && point[k]! <= ours.upper, `p${p}: the interval holds the estimate`);
      // Bootstrap bounds are order statistics; ours must be within a few ranks of them (spread ±√(nq(1−q))·1.96).
      const slack = Math.max(3, 0.15 * 1.96 * Math.sqrt(n * (p / 100) * (1 - p / 100)));
      assert.ok(Math.abs(rankOf(ours.lower) - rankOf(lo)) <= slack, `p${p} lower: rank ${rankOf(ours.lower)} vs bootstrap ${rankOf(lo)}`);
      assert.ok(Math.abs(rankOf(ours.upper) - rankOf(hi)) <= slack, `p${p} upper: rank ${rankOf(ours.upper)} vs bootstrap ${rankOf(hi)}`);
    }
  });

  test('rejects an empty array and percentiles outside [0, 100]', () => {
    assert.throws(() => percentiles(new Float64Array(0), [50]), RangeError);
    assert.throws(() => percentiles(Float64Array.of(1, 2), [100.5]), RangeError);
    assert.throws(() => percentiles(Float64Array.of(1, 2), [NaN]), RangeError);
  });
});

describe('parseDecimal', () => {
  test('gives exactly what Number() gives for decimal strings of every length and exponent', () => {
    const rand = rng(3);
    const buf = (s: string): Buffer => Buffer.from(s, 'latin1');
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp((rand() - 0.5) * 60);
      const forms = [String(x), x.toFixed(Math.floor(rand() * 12)), x.toPrecision(1 + Math.floor(rand() * 21)), x.toExponential(Math.floor(rand() * 18))];
      for (const s of forms) {
        const b = buf(s);
        assert.equal(parseDecimal(b, 0, b.length), Number(s), s);
      }
    }
    for (const s of ['0', '007', '1.', '.5', '+2.5', '-3', '1e3', '1E-3', '12345678901234567890', '0.1000000000000000055511151231257827']) {
      const b = buf(s);
      assert.equal(parseDecimal(b, 0, b.length), Number(s), s);
    }
  });

  test('is NaN for anything that is not a plain decimal number', () => {
    for (const s of ['', '.', '-', 'e5', '1e', '1e+', '1.2.3', '0x10', '1_000', 'nan', 'inf', '1 2', '5ms']) {
      const b = Buffer.from(s);
      assert.ok(Number.isNaN(parseDecimal(b, 0, b.length)), s);
    }
  });
});

describe('ingestLatencyFile', () => {
  test('a multi-megabyte file read in chunks gives the in-memory result, and the samples in file order', async () => {
    const values = lognormal(rng(5), 400_000).map((x) => Number(x.toFixed(5)));
    const text = `${values.join('\n')}\n`;
    assert.ok(text.length > 2 * (1 << 20));
    const file = await write('big.txt', text);
    const streamed = await ingestLatencyFile(file, { keepSamples: true, unit: 'us' });
    const inMemory = summarizeLatencyLog(file, text, { unit: 'us' });
    assert.deepEqual(pct(streamed), pct(inMemory));
    assert.deepEqual(pct(streamed), reference(values, PERCENTS));
    assert.deepEqual(Array.from(streamed.samples!), values);
    assert.equal(streamed.unit, 'us');
    assert.equal(streamed.unitAssumed, undefined);
    assert.equal(streamed.throughput, undefined);
  });

  test('a result file over 16 MiB that looks like a latency log (the streamed path) gives the in-memory measurements and errors', async () => {
    const values = lognormal(rng(6), 2_400_000).map((x) => Number(x.toFixed(5)));
    const text = `latency_us\n${values.join('\n')}\n`;
    assert.ok(text.length > 16 << 20);
    const file = await write('huge.csv', text);
    const streamed = await readResultFile(file, { displayPath: 'logs/huge.csv' });
    const inMemory = latencyLogParser.parse('logs/huge.csv', text);
    assert.deepEqual(streamed.measurements, inMemory.measurements);
    assert.equal(streamed.measurements[0]?.benchmark, 'huge');
    assert.equal(streamed.measurements[0]?.unit, 'us');
    await writeFile(file, `latency_us\n${values.slice(0, 2_399_999).join('\n')}\nfast\n`);
    await rejects(readResultFile(file, { displayPath: 'logs/huge.csv' }), /^logs\/huge\.csv: 1 bad line\(s\): line 2400001/);
  });

  test('a last line without a newline counts; blank lines, comments and surrounding spaces are ignored', () => {
    const s = summarizeLatencyLog('x.log', '# latencies\n\n  1.5 \n\t2\r\n\n3');
    assert.deepEqual([s.count, s.min, s.max, s.mean], [3, 1.5, 3, 6.5 / 3]);
    assert.equal(s.unit, 'ms');
    assert.equal(s.unitAssumed, true);
  });

  test('throughput from durationSeconds', () => {
    const s = summarizeLatencyLog('x.log', '1\n2\n3\n4\n', { durationSeconds: 2 });
    assert.equal(s.throughput, 2);
    assert.equal(s.durationSeconds, 2);
  });

  test('a missing file or a directory is a ConfigurationError naming it', async () => {
    const missing = path.join(dir, 'nope.log');
    const e = await rejects(ingestLatencyFile(missing), /nope\.log/, /cannot read/);
    assert.equal(e.location?.file, missing);
    await rejects(ingestLatencyFile(dir), /not a regular file/);
  });
});

describe('CSV columns', () => {
  const csv = ['timestamp,label,latency_us,status', '100.0,"GET /a, b",120.5,200', '100.5,GET /c,80,200', '101.0,"x ""y""",100,500', '102.0,z,90,200'].join('\n');

  test('guesses the latency column and the unit from the header, and throughput from timestamps', () => {
    const s = summarizeLatencyLog('r.csv', csv);
    assert.equal(s.column, 'latency_us');
    assert.equal(s.unit, 'us');
    assert.equal(s.count, 4);
    assert.deepEqual([s.min, s.max], [80, 120.5]);
    assert.equal(s.durationSeconds, 2);
    assert.equal(s.throughput, 2);
  });

  test('selects a column by name, case-insensitively, or by 0-based index; the unit option wins', () => {
    const byName = summarizeLatencyLog('r.csv', csv, { column: 'STATUS', unit: 's' });
    assert.deepEqual([byName.column, byName.unit, byName.max, byName.min], ['status', 's', 500, 200]);
    const byIndex = summarizeLatencyLog('r.csv', csv, { column: 2 });
    assert.equal(byIndex.column, 'latency_us');
    assert.equal(byIndex.p50, 95);
  });

  test('timestamp units are guessed for epoch milliseconds, or taken from the option', () => {
    const ms = 'ts,elapsed\n1700000000000,5\n1700000004000,7\n';
    assert.equal(summarizeLatencyLog('j.csv', ms).durationSeconds, 4);
    assert.equal(summarizeLatencyLog('j.csv', ms, { timestampColumn: 'ts', timestampUnit: 'us' }).durationSeconds, 0.004);
  });

  test('tab-separated and headerless files with a column index', () => {
    const tsv = summarizeLatencyLog('r.tsv', 'id\tduration_ms\n1\t4\n2\t6\n');
    assert.deepEqual([tsv.column, tsv.unit, tsv.mean], ['duration_ms', 'ms', 5]);
    const headerless = summarizeLatencyLog('r.csv', '1,4\n2,8\n', { column: 1 });
    assert.deepEqual([headerless.count, headerless.mean, headerless.column], [2, 6, undefined]);
  });

  test('unknown or ambiguous columns are errors that list the header', async () => {
    await rejects(() => summarizeLatencyLog('r.csv', csv, { column: 'p99' }), /r\.csv/, /no column "p99"/, /"latency_us"/);
    await rejects(() => summarizeLatencyLog('r.csv', 'a,b\n1,2\n'), /cannot tell the latency column among "a", "b"/);
    await rejects(() => summarizeLatencyLog('r.csv', '1,2\n3,4\n'), /2 columns and no header line/);
    await rejects(() => summarizeLatencyLog('r.csv', '1,2\n3,4\n', { column: 'x' }), /no header line/);
    await rejects(() => summarizeLatencyLog('r.csv', csv, { column: 9 }), /index 9 is out of range; the file has 4/);
  });

  test('a short or non-numeric row names its line', async () => {
    const e = await rejects(() => summarizeLatencyLog('r.csv', `${csv}\n103.0,short\n104.0,q,fast,200\n`), /r\.csv: 2 bad line/, /line 6: 2 field\(s\), expected at least 3/, /line 7: "fast" is not a number/);
    assert.equal(e.location?.line, 6);
  });
});

describe('bad input', () => {
  test('names the file and the first bad lines, then how many more', async () => {
    const lines = ['1', '2', 'abc', '4', '-5', 'NaN', 'inf', '', '1e400', '7ms', '8 9', '-0.5', 'x'];
    const file = await write('bad.log', `${lines.join('\n')}\n`);
    const e = await rejects(
      ingestLatencyFile(file),
      /bad\.log: 9 bad line\(s\)/,
      /line 3: "abc" is not a number/,
      /line 5: negative value "-5"/,
      /line 6: NaN is not a latency/,
      /line 7: infinite value "inf"/,
      /line 9: infinite value "1e400"/,
      /; 4 more$/,
    );
    assert.equal(e.location?.file, file);
    assert.equal(e.location?.line, 3);
  });

  test('a bad value that straddles a read-chunk boundary still gets its line number', async () => {
    const good = Array.from({ length: 200_000 }, (_, i) => String(1 + (i % 97)));
    good[150_000] = '12x34';
    const file = await write('straddle.log', good.join('\n'));
    await rejects(ingestLatencyFile(file), /line 150001: "12x34" is not a number/);
  });

  test('an empty file, a header alone and comments alone are errors that say so', async () => {
    await rejects(ingestLatencyFile(await write('empty.log', '')), /empty\.log: no latency samples \(the file is empty\)/);
    await rejects(() => summarizeLatencyLog('e.log', ''), /the file is empty/);
    await rejects(() => summarizeLatencyLog('h.csv', 'latency_ms\n'), /only a header line/);
    await rejects(() => summarizeLatencyLog('c.log', '# nothing\n\n  \n'), /only blank or comment lines/);
  });

  test('a binary file with no line breaks stops at 1 MiB', async () => {
    const file = await write('blob.bin', 'x'.repeat(3 << 20));
    await rejects(ingestLatencyFile(file), /line 1 is longer than 1048576 bytes/);
  });
});

describe('latencyLogParser', () => {
  test('detects number-per-line logs and latency CSVs, not JSON or other tables', () => {
    assert.equal(latencyLogParser.detect('lat.log', '# ms\n1.5\n2\n'), true);
    assert.equal(latencyLogParser.detect('lat.txt', '12\n'), true);
    assert.equal(latencyLogParser.detect('r.csv', 'timestamp,latency_ms\n1,2\n'), true);
    assert.equal(latencyLogParser.detect('r.csv', 'name,score\na,2\n'), false);
    assert.equal(latencyLogParser.detect('r.json', '12\n'), false);
    assert.equal(latencyLogParser.detect('r.log', '{"a": 1}'), false);
    assert.equal(latencyLogParser.detect('r.log', 'hello world\n'), false);
  });

  test('turns a log into percentile, mean, max and throughput measurements, percentiles with their intervals', () => {
    const text = `ts,latency_ms\n${Array.from({ length: 10_000 }, (_, i) => `${i / 1000},${(i % 100) + 1}`).join('\n')}\n`;
    const parsed = latencyLogParser.parse('runs/api.csv', text);
    assert.equal(parsed.format, 'latency-log');
    assert.deepEqual(parsed.warnings, []);
    const by = new Map(parsed.measurements.map((m) => [m.metric, m]));
    assert.deepEqual([...by.keys()], ['p50', 'p90', 'p95', 'p99', 'p99.9', 'mean', 'max', 'throughput']);
    // 100 copies of each of 1…100: the p50 interval spans ranks 4901…5098 (±1.96·√(10000·0.25) around 4999.5).
    assert.deepEqual(by.get('p50'), { benchmark: 'api', metric: 'p50', unit: 'ms', direction: 'lower', samples: [50.5], interval: { lower: 50, upper: 51, level: 0.95 } });
    assert.deepEqual(by.get('p99.9')?.samples, reference(Array.from({ length: 10_000 }, (_, i) => (i % 100) + 1), [99.9]));
    assert.deepEqual(by.get('throughput'), { benchmark: 'api', metric: 'throughput', unit: 'req/s', direction: 'higher', samples: [10_000 / 9.999] });
    const meta = parsed.meta?.latency as LatencySummary;
    assert.equal(meta.samples, undefined, 'the raw samples are not kept');
    assert.deepEqual(meta.percentileCIs.p50, { lower: 50, upper: 51, level: 0.95 });
  });

  test('tail percentiles are left out below 10 / (1 - q) raw samples, with a warning', () => {
    assert.deepEqual([50, 90, 95, 99, 99.9].map(minSamplesFor), [20, 100, 200, 1000, 10_000]);
    const parsed = latencyLogParser.parse('lat.log', `${Array.from({ length: 999 }, (_, i) => `${i + 1}`).join('\n')}\n`, { name: 'api' });
    assert.deepEqual(parsed.measurements.map((m) => m.metric), ['p50', 'p90', 'p95', 'mean', 'max']);
    assert.ok(parsed.warnings.some((w) => /999 samples are too few to judge p99 \(needs 1,000\), p99\.9 \(needs 10,000\)/.test(w)), parsed.warnings.join('\n'));
  });

  test('warns when the unit is assumed, and takes the benchmark name from the options', () => {
    const parsed = latencyLogParser.parse('x/lat.log', '1\n2\n', { name: 'checkout' });
    assert.equal(parsed.measurements[0]?.benchmark, 'checkout');
    assert.match(parsed.warnings.join(), /lat\.log: no latency unit in the file; assuming ms/);
    assert.equal(parsed.measurements.some((m) => m.metric === 'throughput'), false);
  });
});
