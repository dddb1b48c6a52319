import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ConfigurationError } from '../../../src/core/errors.js';
import {
  checkChecksums,
  checkCounter,
  checkQueue,
  checkSequence,
  checkSet,
  checkUniqueIds,
  faultWindowLatencies,
  parseHistory,
  type Op,
  type OpType,
} from '../../../src/gates/chaos-run/integrity.js';

/** Builds a history in order; time = position × 10 unless given. */
type Row = [OpType, string, unknown, number | string, number?];
function h(...rows: Row[]): Op[] {
  return rows.map(([type, f, value, process, time], i) => ({ type, f, value, process, time: time ?? i * 10 }));
}
const jsonl = (ops: Op[]) => ops.map((o) => JSON.stringify(o)).join('\n');

describe('parseHistory', () => {
  test('parses ops with line numbers, skips blank lines, defaults value to null', () => {
    const text = '{"type":"invoke","f":"add","value":1,"process":0,"time":5}\n\n{"type":"ok","f":"add","process":0,"time":7}\r\n';
    const { ops, warnings } = parseHistory(text, 'h.jsonl');
    assert.deepEqual(ops, [
      { type: 'invoke', f: 'add', value: 1, process: 0, time: 5, line: 1 },
      { type: 'ok', f: 'add', value: null, process: 0, time: 7, line: 3 },
    ]);
    assert.deepEqual(warnings, []);
  });

  const good = '{"type":"invoke","f":"add","value":1,"process":0,"time":1}';
  for (const [name, bad, pattern] of [
    ['invalid JSON', '{"type":"ok",', /^h\.jsonl:3: invalid JSON/],
    ['not an object', '[1,2]', /^h\.jsonl:3: expected a JSON object/],
    ['missing type', '{"f":"add","process":0,"time":1}', /^h\.jsonl:3: missing "type"/],
    ['unknown type', '{"type":"done","f":"add","process":0,"time":1}', /^h\.jsonl:3: unknown type "done"/],
    ['missing f', '{"type":"ok","process":0,"time":1}', /^h\.jsonl:3: missing "f"/],
    ['non-string f', '{"type":"ok","f":7,"process":0,"time":1}', /^h\.jsonl:3: "f" must be a string/],
    ['missing process', '{"type":"ok","f":"add","time":1}', /^h\.jsonl:3: "process" must be/],
    ['non-numeric time', '{"type":"ok","f":"add","process":0,"time":"12:00"}', /^h\.jsonl:3: "time" must be a number.*"12:00"/],
    ['missing time', '{"type":"ok","f":"add","process":0}', /^h\.jsonl:3: "time" must be a number/],
  ] as const) {
    test(`malformed line: ${name} names file:line`, () => {
      const text = `${good}\n${good.replace('invoke', 'ok')}\n${bad}\n${good}`;
      assert.throws(
        () => parseHistory(text, 'h.jsonl'),
        (e: unknown) => {
          assert.ok(e instanceof ConfigurationError);
          assert.match(e.message, pattern);
          assert.deepEqual(e.location, { file: 'h.jsonl', line: 3 });
          return true;
        },
      );
    });
  }

  test('an ok without a preceding invoke of that process is a warning, not an error', () => {
    const text = [
      '{"type":"invoke","f":"add","value":1,"process":0,"time":1}',
      '{"type":"ok","f":"add","value":2,"process":1,"time":2}',
      '{"type":"ok","f":"add","value":1,"process":0,"time":3}',
    ].join('\n');
    const { ops, warnings } = parseHistory(text, 'h.jsonl');
    assert.equal(ops.length, 3);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^h\.jsonl:2: "ok" for process 1 without a preceding "invoke"/);
  });

  test('a second invoke while one is pending is a warning; process 1 and "1" are different processes', () => {
    const text = [
      '{"type":"invoke","f":"add","value":1,"process":1,"time":1}',
      '{"type":"invoke","f":"add","value":2,"process":1,"time":2}',
      '{"type":"ok","f":"add","value":3,"process":"1","time":3}',
    ].join('\n');
    const { warnings } = parseHistory(text, 'h.jsonl');
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? '', /^h\.jsonl:2: .*invoked at line 1 had no completion/);
    assert.match(warnings[1] ?? '', /^h\.jsonl:3: "ok" for process "1" without/);
  });
});

describe('checkSet', () => {
  const cases: { name: string; ops: Op[]; expect: Partial<ReturnType<typeof checkSet>> }[] = [
    {
      name: 'zero loss',
      ops: h(['invoke', 'add', 1, 0], ['ok', 'add', 1, 0], ['invoke', 'add', 2, 1], ['ok', 'add', 2, 1], ['invoke', 'read', null, 0], ['ok', 'read', [1, 2], 0]),
      expect: { attempted: 2, acknowledged: 2, lost: 0, lostIds: [], unexpected: 0, recovered: 0, readCount: 1, hasFinalRead: true },
    },
    {
      name: 'loss detected with ids',
      ops: h(
        ['invoke', 'add', 1, 0], ['ok', 'add', 1, 0],
        ['invoke', 'add', 'x', 1], ['ok', 'add', 'x', 1],
        ['invoke', 'add', 3, 0], ['ok', 'add', 3, 0],
        ['invoke', 'read', null, 0], ['ok', 'read', [3], 0],
      ),
      expect: { acknowledged: 3, lost: 2, lostIds: [1, 'x'] },
    },
    {
      name: 'info-then-present = recovered; fail-then-absent is fine; pending-then-present = recovered',
      ops: h(
        ['invoke', 'add', 1, 0], ['info', 'add', 1, 0],
        ['invoke', 'add', 2, 1], ['fail', 'add', 2, 1],
        ['invoke', 'add', 4, 2],
        ['invoke', 'add', 3, 3], ['info', 'add', 3, 3],
        ['invoke', 'read', null, 5], ['ok', 'read', [1, 4], 5],
      ),
      expect: { attempted: 4, acknowledged: 0, lost: 0, recovered: 2, recoveredIds: [1, 4], unexpected: 0 },
    },
    {
      name: 'unexpected elements (never attempted), compared by JSON value: 1 is not "1"',
      ops: h(['invoke', 'add', 1, 0], ['ok', 'add', 1, 0], ['invoke', 'add', { k: [1, 2] }, 0], ['ok', 'add', { k: [1, 2] }, 0], ['invoke', 'read', null, 0], ['ok', 'read', [1, '1', { k: [1, 2] }, 99], 0]),
      expect: { lost: 0, unexpected: 2, unexpectedIds: ['1', 99] },
    },
    {
      name: 'the LAST successful read is the final state (failed and later-invoked-but-pending reads do not count)',
      ops: h(
        ['invoke', 'add', 1, 0], ['ok', 'add', 1, 0],
        ['invoke', 'read', null, 1], ['ok', 'read', [1], 1],
        ['invoke', 'read', null, 2], ['ok', 'read', [], 2],
        ['invoke', 'read', null, 1], ['fail', 'read', null, 1],
        ['invoke', 'read', null, 3],
      ),
      expect: { lost: 1, lostIds: [1], readCount: 2 },
    },
    {
      name: 'last by completion: a read invoked earlier but completed later wins',
      ops: h(['invoke', 'add', 1, 0], ['ok', 'add', 1, 0], ['invoke', 'read', null, 1], ['invoke', 'read', null, 2], ['ok', 'read', [], 2], ['ok', 'read', [1], 1]),
      expect: { lost: 0, readCount: 2 },
    },
    {
      name: 'no successful read: final state unknown',
      ops: h(['invoke', 'add', 1, 0], ['ok', 'add', 1, 0], ['invoke', 'read', null, 1], ['info', 'read', null, 1]),
      expect: { acknowledged: 1, lost: 0, readCount: 0, hasFinalRead: false },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = checkSet(c.ops);
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(r[k as keyof typeof r], v, k);
    });
  }

  test('maxListed caps the id lists but not the counts; custom f names', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 30; i++) rows.push(['invoke', 'insert', i, 0], ['ok', 'insert', i, 0]);
    rows.push(['invoke', 'select', null, 0], ['ok', 'select', [], 0]);
    const r = checkSet(h(...rows), { addF: 'insert', readF: 'select', maxListed: 5 });
    assert.equal(r.lost, 30);
    assert.deepEqual(r.lostIds, [0, 1, 2, 3, 4]);
    assert.equal(checkSet(h(...rows), { addF: 'insert', readF: 'select' }).lostIds.length, 20);
  });

  test('a final read that is not an array is a ConfigurationError naming the line', () => {
    const { ops } = parseHistory(jsonl(h(['invoke', 'read', null, 0], ['ok', 'read', 5, 0])), 'h.jsonl');
    assert.throws(() => checkSet(ops), (e: unknown) => e instanceof ConfigurationError && /history line 2: .*array of elements/.test(e.message));
  });

  test('property: when every acknowledged add appears in the final read, lost is 0', () => {
    const outcome = fc.constantFrom<OpType>('ok', 'fail', 'info');
    fc.assert(
      fc.property(fc.array(fc.record({ el: fc.integer({ min: 0, max: 50 }), outcome, process: fc.integer({ min: 0, max: 4 }), keepIfNotOk: fc.boolean() }), { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (adds, junkReads) => {
        const rows: Row[] = [];
        const acked = new Set<number>();
        const finalRead: number[] = [];
        for (const a of adds) {
          rows.push(['invoke', 'add', a.el, a.process], [a.outcome, 'add', a.el, a.process]);
          if (a.outcome === 'ok') acked.add(a.el);
          else if (a.keepIfNotOk) finalRead.push(a.el);
        }
        // Earlier reads may show anything; only the last one counts.
        for (let i = 0; i < junkReads; i++) rows.push(['invoke', 'read', null, 9], ['ok', 'read', [], 9]);
        rows.push(['invoke', 'read', null, 9], ['ok', 'read', [...acked, ...finalRead].reverse(), 9]);
        const r = checkSet(h(...rows));
        assert.equal(r.lost, 0);
        assert.equal(r.unexpected, 0);
        assert.equal(r.acknowledged, acked.size);
        assert.equal(r.readCount, junkReads + 1);
      }),
    );
  });
});

describe('checkQueue', () => {
  const cases: { name: string; ops: Op[]; expect: ReturnType<typeof checkQueue> }[] = [
    {
      name: 'everything dequeued once (dequeue + final drain), empty dequeues ignored',
      ops: h(
        ['invoke', 'enqueue', 1, 0], ['ok', 'enqueue', 1, 0],
        ['invoke', 'enqueue', 2, 0], ['ok', 'enqueue', 2, 0],
        ['invoke', 'dequeue', null, 1], ['ok', 'dequeue', 1, 1],
        ['invoke', 'dequeue', null, 1], ['ok', 'dequeue', null, 1],
        ['invoke', 'drain', null, 1], ['ok', 'drain', [2], 1],
      ),
      expect: { lost: 0, duplicated: 0, unexpected: 0, lostIds: [], duplicatedIds: [], unexpectedIds: [] },
    },
    {
      name: 'lost, duplicated and unexpected',
      ops: h(
        ['invoke', 'enqueue', 1, 0], ['ok', 'enqueue', 1, 0],
        ['invoke', 'enqueue', 2, 0], ['ok', 'enqueue', 2, 0],
        ['invoke', 'enqueue', 3, 0], ['info', 'enqueue', 3, 0],
        ['invoke', 'dequeue', null, 1], ['ok', 'dequeue', 1, 1],
        ['invoke', 'dequeue', null, 2], ['ok', 'dequeue', 1, 2],
        ['invoke', 'drain', null, 1], ['ok', 'drain', [7], 1],
      ),
      expect: { lost: 1, duplicated: 1, unexpected: 1, lostIds: [2], duplicatedIds: [1], unexpectedIds: [7] },
    },
    {
      name: 'an element enqueued twice may be dequeued twice; a failed dequeue does not count',
      ops: h(
        ['invoke', 'enqueue', 5, 0], ['ok', 'enqueue', 5, 0],
        ['invoke', 'enqueue', 5, 0], ['ok', 'enqueue', 5, 0],
        ['invoke', 'dequeue', null, 1], ['ok', 'dequeue', 5, 1],
        ['invoke', 'dequeue', null, 1], ['fail', 'dequeue', 5, 1],
        ['invoke', 'drain', null, 1], ['ok', 'drain', [5], 1],
      ),
      expect: { lost: 0, duplicated: 0, unexpected: 0, lostIds: [], duplicatedIds: [], unexpectedIds: [] },
    },
    {
      name: 'a failed enqueue that shows up is not unexpected, but twice is duplicated; unacked never-dequeued is not lost',
      ops: h(
        ['invoke', 'enqueue', 8, 0], ['fail', 'enqueue', 8, 0],
        ['invoke', 'enqueue', 9, 0], ['info', 'enqueue', 9, 0],
        ['invoke', 'drain', null, 1], ['ok', 'drain', [8, 8], 1],
      ),
      expect: { lost: 0, duplicated: 1, unexpected: 0, lostIds: [], duplicatedIds: [8], unexpectedIds: [] },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(checkQueue(c.ops), c.expect));

  test('custom f names', () => {
    const ops = h(['invoke', 'push', 1, 0], ['ok', 'push', 1, 0], ['invoke', 'pop', null, 0], ['ok', 'pop', 1, 0], ['invoke', 'pop', null, 0], ['ok', 'pop', 1, 0]);
    assert.deepEqual(checkQueue(ops, { enqueueF: 'push', dequeueF: 'pop' }).duplicatedIds, [1]);
  });
});

describe('checkCounter', () => {
  const cases: { name: string; ops: Op[]; expect: ReturnType<typeof checkCounter> }[] = [
    {
      name: 'reads inside the bounds, concurrent increments widen the upper bound',
      ops: h(
        ['invoke', 'incr', 1, 0], ['ok', 'incr', 1, 0],
        ['invoke', 'incr', 2, 0],
        ['invoke', 'read', null, 1], ['ok', 'read', 1, 1], // [1, 3]
        ['invoke', 'read', null, 1], ['ok', 'read', 3, 1], // [1, 3]
        ['ok', 'incr', 2, 0],
        ['invoke', 'read', null, 1], ['ok', 'read', 3, 1], // [3, 3]
      ),
      expect: { reads: 3, violations: [] },
    },
    {
      name: 'violation below the lower bound (an acknowledged increment went missing)',
      ops: h(['invoke', 'incr', 1, 0], ['ok', 'incr', 1, 0], ['invoke', 'incr', 1, 0], ['ok', 'incr', 1, 0], ['invoke', 'read', null, 1], ['ok', 'read', 1, 1, 123]),
      expect: { reads: 1, violations: [{ time: 123, value: 1, lower: 2, upper: 2 }] },
    },
    {
      name: 'violation above the upper bound; failed increments count in neither bound; info counts as possible',
      ops: h(
        ['invoke', 'incr', 5, 0], ['fail', 'incr', 5, 0],
        ['invoke', 'incr', 1, 0], ['info', 'incr', 1, 0],
        ['invoke', 'read', null, 1], ['ok', 'read', 1, 1, 70],
        ['invoke', 'read', null, 1], ['ok', 'read', 6, 1, 90],
      ),
      expect: { reads: 2, violations: [{ time: 90, value: 6, lower: 0, upper: 1 }] },
    },
    {
      name: 'an increment invoked after the read completed is outside the upper bound; one acked after the read was invoked is not in the lower bound',
      ops: h(
        ['invoke', 'read', null, 1],
        ['invoke', 'incr', 1, 0], ['ok', 'incr', 1, 0],
        ['ok', 'read', 0, 1],
        ['invoke', 'read', null, 1], ['ok', 'read', 2, 1, 60],
        ['invoke', 'incr', 1, 0], ['ok', 'incr', 1, 0],
      ),
      expect: { reads: 2, violations: [{ time: 60, value: 2, lower: 1, upper: 1 }] },
    },
    {
      name: 'negative increments in flight widen the lower bound',
      ops: h(['invoke', 'incr', 10, 0], ['ok', 'incr', 10, 0], ['invoke', 'incr', -4, 0], ['invoke', 'read', null, 1], ['ok', 'read', 6, 1], ['invoke', 'read', null, 1], ['ok', 'read', 5, 1, 99]),
      expect: { reads: 2, violations: [{ time: 99, value: 5, lower: 6, upper: 10 }] },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(checkCounter(c.ops), c.expect));

  test('non-numeric increment or read value is a ConfigurationError naming the line', () => {
    const bad = parseHistory(jsonl(h(['invoke', 'add', 'one', 0], ['ok', 'add', 'one', 0])), 'c.jsonl').ops;
    assert.throws(() => checkCounter(bad, { incrF: 'add' }), (e: unknown) => e instanceof ConfigurationError && /history line 1: "add" has value "one"/.test(e.message));
    const badRead = parseHistory(jsonl(h(['invoke', 'read', null, 0], ['ok', 'read', [1], 0])), 'c.jsonl').ops;
    assert.throws(() => checkCounter(badRead), (e: unknown) => e instanceof ConfigurationError && /history line 2: .*must return a number/.test(e.message));
  });
});

describe('checkUniqueIds', () => {
  for (const [name, ops, expect] of [
    ['all unique', h(['invoke', 'generate', null, 0], ['ok', 'generate', 1, 0], ['invoke', 'generate', null, 1], ['ok', 'generate', 2, 1]), { generated: 2, duplicates: 0, duplicateIds: [] }],
    [
      'duplicates counted per distinct id; failed and info generates ignored',
      h(
        ['invoke', 'generate', null, 0], ['ok', 'generate', 'a', 0],
        ['invoke', 'generate', null, 1], ['ok', 'generate', 'a', 1],
        ['invoke', 'generate', null, 0], ['ok', 'generate', 'a', 0],
        ['invoke', 'generate', null, 1], ['ok', 'generate', 'b', 1],
        ['invoke', 'generate', null, 1], ['info', 'generate', 'b', 1],
        ['invoke', 'generate', null, 1], ['fail', 'generate', 'b', 1],
      ),
      { generated: 4, duplicates: 1, duplicateIds: ['a'] },
    ],
  ] as const) {
    test(name, () => assert.deepEqual(checkUniqueIds(ops), expect));
  }
  test('custom f', () => {
    const ops = h(['invoke', 'id', null, 0], ['ok', 'id', 7, 0], ['invoke', 'id', null, 0], ['ok', 'id', 7, 0]);
    assert.deepEqual(checkUniqueIds(ops, { f: 'id' }), { generated: 2, duplicates: 1, duplicateIds: [7] });
  });
});

describe('checkSequence', () => {
  for (const [values, expect] of [
    [[], { gaps: [], duplicates: [] }],
    [[1, 2, 3], { gaps: [], duplicates: [] }],
    [[6, 1, 2, 5, 5, 5, 9], { gaps: [[3, 4], [7, 8]], duplicates: [5] }],
    [[10, 3, 3, 10], { gaps: [[4, 9]], duplicates: [3, 10] }],
  ] as const) {
    test(JSON.stringify(values), () => assert.deepEqual(checkSequence(values), expect));
  }
  test('non-integers are rejected', () => {
    assert.throws(() => checkSequence([1, 2.5]), /sequence value 1 is 2\.5/);
  });
});

describe('checkChecksums', () => {
  test('changed, missing, added (sorted)', () => {
    assert.deepEqual(checkChecksums({ b: '1', a: '2', c: '3', d: '4' }, { a: '2', b: 'x', e: '5', c: '9' }), { changed: ['b', 'c'], missing: ['d'], added: ['e'] });
  });
  test('identical maps', () => {
    assert.deepEqual(checkChecksums({ a: '1' }, { a: '1' }), { changed: [], missing: [], added: [] });
  });
});

describe('faultWindowLatencies', () => {
  // Times in ms: latency = completion time − invoke time.
  const ops = h(
    ['invoke', 'add', 1, 0, 0], ['ok', 'add', 1, 0, 10], // baseline 10 ms
    ['invoke', 'add', 2, 0, 20], ['ok', 'add', 2, 0, 40], // baseline 20 ms
    ['invoke', 'start', null, 'nemesis', 99], ['info', 'start', null, 'nemesis', 100], // ignored
    ['invoke', 'add', 3, 0, 100], ['info', 'add', 3, 0, 1100], // window 1000 ms
    ['invoke', 'add', 4, 1, 150], ['fail', 'add', 4, 1, 160], // window 10 ms
    ['invoke', 'add', 5, 2, 190], // window, never completed: info, no latency
    ['invoke', 'add', 6, 1, 200], ['ok', 'add', 6, 1, 230], // end is exclusive: baseline 30 ms
  );

  test('per-window and baseline latencies in ms, with outcome counts', () => {
    const r = faultWindowLatencies(ops, [{ id: 'kill-primary', start: 100, end: 200 }]);
    assert.deepEqual(r.windows, [{ id: 'kill-primary', start: 100, end: 200, ops: 3, ok: 0, fail: 1, info: 2, p50: 505, p99: 990.1, max: 1000 }]);
    assert.deepEqual(r.baseline, { ops: 3, ok: 3, fail: 0, info: 0, p50: 20, p99: 29.8, max: 30 });
  });

  test('ns histories are reported in ms', () => {
    const ns = ops.map((o) => ({ ...o, time: o.time * 1e6 }));
    const r = faultWindowLatencies(ns, [{ id: 'w', start: 100e6, end: 200e6 }], { timeUnit: 'ns' });
    assert.equal(r.windows[0]?.max, 1000);
    assert.equal(r.baseline.p50, 20);
  });

  test('overlapping windows both count an op; an empty window has null latencies', () => {
    const r = faultWindowLatencies(ops, [
      { id: 'a', start: 0, end: 25 },
      { id: 'b', start: 20, end: 30 },
      { id: 'empty', start: 5000, end: 6000 },
    ]);
    assert.deepEqual(r.windows.map((w) => [w.id, w.ops, w.max]), [['a', 2, 20], ['b', 1, 20], ['empty', 0, null]]);
    assert.equal(r.baseline.ops, 4);
  });

  test('a window ending before it starts is rejected', () => {
    assert.throws(() => faultWindowLatencies(ops, [{ id: 'bad', start: 5, end: 1 }]), /fault window "bad"/);
  });
});
