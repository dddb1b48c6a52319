import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectFormat, FORMAT_NAMES, parseResultFile, PARSERS } from '../../../src/gates/perf-gate/parsers/index.js';
import { fixture } from './helpers.js';

const TABLE: [string, string][] = [
  ['shipgate/results.json', 'shipgate'],
  ['googlebenchmark/single.json', 'googlebenchmark'],
  ['googlebenchmark/repetitions.json', 'googlebenchmark'],
  ['googlebenchmark/aggregates-only.json', 'googlebenchmark'],
  ['pytest-benchmark/with-data.json', 'pytest-benchmark'],
  ['pytest-benchmark/stats-only.json', 'pytest-benchmark'],
  ['hyperfine/results.json', 'hyperfine'],
  ['criterion/target/criterion/fib/20/new/sample.json', 'criterion'],
  ['criterion/target/criterion/fib/20/new/estimates.json', 'criterion'],
  ['criterion/target/criterion/sort/1000/new/sample.json', 'criterion'],
  ['k6/summary-export.json', 'k6'],
  ['k6/handle-summary.json', 'k6'],
  ['bmf/results.json', 'bmf'],
  ['benchmark-action/custom.json', 'benchmark-action'],
];

describe('format detection', () => {
  for (const [rel, format] of TABLE) {
    test(`${rel} is ${format}, and no other parser claims it`, () => {
      const { file, text } = fixture(rel);
      assert.equal(detectFormat(file, text), format);
      assert.deepEqual(
        PARSERS.filter((p) => p.detect(file, text)).map((p) => p.format),
        [format],
      );
      assert.equal(parseResultFile(file, text).format, format);
    });
  }

  test('a plain latency log is latency-log; JSON of no known shape is nothing', () => {
    assert.equal(detectFormat('lat.log', '12.5\n13.1\n11.9\n'), 'latency-log');
    assert.equal(detectFormat('x.json', '{"foo": 1}'), undefined);
    assert.equal(detectFormat('x.json', '[1, 2, 3]'), undefined);
    assert.equal(detectFormat('x.json', 'hello'), undefined);
  });

  test('every format name has exactly one parser', () => {
    assert.deepEqual([...FORMAT_NAMES].sort(), ['benchmark-action', 'bmf', 'criterion', 'googlebenchmark', 'hyperfine', 'k6', 'latency-log', 'pytest-benchmark', 'shipgate']);
  });

  test('a forced format reads a file that detection does not recognise', () => {
    const text = 'latency_ms\n1.5\n2.5\n3.5\n';
    assert.equal(detectFormat('lat.json', text), undefined);
    assert.equal(parseResultFile('lat.json', text, 'latency-log').format, 'latency-log');
  });

  test('a forced format that does not fit names the one that does', () => {
    const { file, text } = fixture('googlebenchmark/single.json');
    assert.throws(
      () => parseResultFile(file, text, 'hyperfine'),
      (e: Error) => {
        assert.equal(e.name, 'ConfigurationError');
        assert.match(e.message, /^test\/fixtures\/perf\/googlebenchmark\/single\.json: not a valid hyperfine --export-json file: expected an object with a `results` list\./);
        assert.match(e.message, /looks like googlebenchmark output: set the format to googlebenchmark/);
        return true;
      },
    );
  });
});
