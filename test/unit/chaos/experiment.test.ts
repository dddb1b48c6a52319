import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import { type Experiment, loadExperiment, planText } from '../../../src/gates/chaos-run/experiment.js';

let dir: string;
let n = 0;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chaos-experiment-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(text: string, ext = 'yml'): Promise<string> {
  const file = path.join(dir, `e${n++}.${ext}`);
  await writeFile(file, text);
  return file;
}

/** Loads `text` and expects a ConfigurationError at `line`, whose message matches every pattern. */
async function rejects(text: string, line: number, field: string, patterns: RegExp[], opts: { knownFaultTypes?: readonly string[] } = {}): Promise<ConfigurationError> {
  const file = await write(text);
  const err = await loadExperiment(file, { displayPath: 'chaos.yml', ...opts }).then(
    () => assert.fail('expected a ConfigurationError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ConfigurationError, String(err));
  assert.equal(err.location?.file, 'chaos.yml');
  assert.equal(err.location?.line, line, err.message);
  assert.equal(err.field, field, err.message);
  assert.ok(err.message.startsWith(`chaos.yml:${line}: `), err.message);
  for (const p of patterns) assert.match(err.message, p);
  return err;
}

const FULL_YAML = `version: 1
title: kv survives a crash mid-write
target:
  command: ["node", "examples/service/server.mjs", "--port", "7070"]
  ready: { type: http, url: "http://127.0.0.1:7070/health" }
  ready_timeout: 20
workload:
  command: ["node", "load.mjs", "--history", "history.jsonl"]
  history: history.jsonl
steady_state:
  interval_ms: 50
  probes:
    - { type: http, url: "http://127.0.0.1:7070/health", status: 200, max_latency_ms: 200 }
    - { type: tcp, host: 127.0.0.1, port: 7070 }
    - { type: command, run: "test -f /tmp/x", expect_exit: 0 }
    - { type: prometheus, url: "http://127.0.0.1:9090", query: "rate(errors[1m])", expect: "< 0.01" }
faults:
  - { id: slow, type: proxy-latency, listen_port: 7071, upstream_port: 7070, latency_ms: 200, start: 10, duration: 5 }
  - { id: crash, type: process-kill, target: target, signal: SIGKILL, start: 5, restart: true }
integrity:
  - { type: set, add: add, read: read }
  - { type: checksum, before: "sha1sum data", after: ["sha1sum", "data"] }
limits:
  max_duration: 300
  max_faults: 10
  recovery: 30
  allowed_runner_labels: [chaos]
  allow_default_route: false
`;

function checkFull(e: Experiment): void {
  assert.equal(e.version, 1);
  assert.equal(e.title, 'kv survives a crash mid-write');
  assert.deepEqual(e.target.command, ['node', 'examples/service/server.mjs', '--port', '7070']);
  assert.equal(e.target.ready?.type, 'http');
  assert.equal(e.target.ready_timeout, 20);
  assert.equal(e.workload?.history, 'history.jsonl');
  assert.equal(e.steady_state.interval_ms, 50);
  assert.deepEqual(
    e.steady_state.probes.map((p) => p.type),
    ['http', 'tcp', 'command', 'prometheus'],
  );
  assert.equal(e.faults.length, 2);
  const [slow, crash] = e.faults;
  assert.deepEqual({ ...slow }, { id: 'slow', type: 'proxy-latency', listen_port: 7071, upstream_port: 7070, latency_ms: 200, start: 10, duration: 5, line: slow?.line });
  assert.equal(crash?.signal, 'SIGKILL');
  assert.equal(crash?.restart, true);
  assert.equal(crash?.duration, undefined);
  assert.deepEqual(e.integrity.map((c) => c.type), ['set', 'checksum']);
  assert.deepEqual(e.limits, { max_duration: 300, max_faults: 10, recovery: 30, allowed_runner_labels: ['chaos'], allow_default_route: false });
}

describe('loadExperiment', () => {
  test('loads a valid YAML experiment, with the line of every fault, probe and check', async () => {
    const file = await write(FULL_YAML);
    const e = await loadExperiment(file, { displayPath: 'chaos.yml', knownFaultTypes: ['process-kill', 'proxy-latency'] });
    checkFull(e);
    assert.equal(e.file, 'chaos.yml');
    assert.equal(e.dir, dir);
    assert.deepEqual(e.faults.map((f) => f.line), [18, 19]);
    assert.deepEqual(e.steady_state.probes.map((p) => p.line), [13, 14, 15, 16]);
    assert.deepEqual(e.integrity.map((c) => c.line), [21, 22]);
    assert.equal(e.target.line, 3);
    assert.equal(e.target.ready?.line, 5);
    assert.equal(e.workload?.line, 7);
  });

  test('loads the same experiment written as JSON, with JSON line numbers', async () => {
    const { parse } = await import('yaml');
    const value = parse(FULL_YAML) as Record<string, unknown>;
    const file = await write(JSON.stringify(value, null, 2), 'json');
    const e = await loadExperiment(file);
    checkFull(e);
    const text = JSON.stringify(value, null, 2).split('\n');
    const slowLine = text.findIndex((l) => l.includes('"id": "slow"'));
    // The fault object opens on the line before its first key.
    assert.equal(e.faults[0]?.line, slowLine);
  });

  test('fills in defaults', async () => {
    const file = await write(`version: 1
target: { endpoint: "http://127.0.0.1:7070" }
faults:
  - { id: crash, type: process-kill, start: 1 }
`);
    const e = await loadExperiment(file);
    assert.equal(e.steady_state.interval_ms, 100);
    assert.deepEqual(e.steady_state.probes, []);
    assert.equal(e.target.ready_timeout, 30);
    assert.deepEqual(e.limits, { max_duration: 600, max_faults: 20, recovery: 60, allow_default_route: false });
    assert.deepEqual(e.integrity, []);
    assert.equal(e.workload, undefined);
    assert.equal(e.title, undefined);
  });

  test('fills in built-in workload defaults', async () => {
    const file = await write(`version: 1
target: { endpoint: "127.0.0.1:6379" }
workload:
  builtin: { type: redis-kv, port: 6379 }
faults: []
integrity:
  - type: set
`);
    const e = await loadExperiment(file);
    assert.deepEqual(e.workload?.builtin, { type: 'redis-kv', port: 6379, rate: 50, clients: 4 });
  });

  test('schema errors name the file, the line and the field', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
steady_state:
  probes:
    - { type: tcp, host: 127.0.0.1 }
faults: []
`,
      5,
      'steady_state.probes[0].port',
      [/missing required field `port`/],
    );
  });

  test('duplicate fault ids', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
faults:
  - { id: a, type: process-kill, start: 1 }
  - id: a
    type: process-kill
    start: 2
`,
      5,
      'faults[1].id',
      [/duplicate fault id `a`/, /line 4/, /own id/],
    );
  });

  test('an unknown fault type lists the known ones (only when they are given)', async () => {
    const text = `version: 1
target: { endpoint: x }
faults:
  - { id: a, type: process-kill, start: 1 }
  - id: b
    type: disk-fill
    start: 2
`;
    await rejects(text, 6, 'faults[1].type', [/unknown fault type `disk-fill`/, /Known types: process-kill, proxy-latency\./], {
      knownFaultTypes: ['proxy-latency', 'process-kill'],
    });
    const e = await loadExperiment(await write(text));
    assert.equal(e.faults[1]?.type, 'disk-fill');
  });

  test('more faults than max_faults', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
limits: { max_faults: 2 }
faults:
  - { id: a, type: process-kill, start: 1 }
  - { id: b, type: process-kill, start: 2 }
  - { id: c, type: process-kill, start: 3 }
`,
      7,
      'faults[2]',
      [/too many faults: 3, more than limits\.max_faults \(2\)/, /raise limits\.max_faults/],
    );
  });

  test('a fault that starts after max_duration', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
limits: { max_duration: 60 }
faults:
  - id: late
    type: process-kill
    start: 61
`,
      7,
      'faults[0].start',
      [/fault `late` starts at 61 s/, /max_duration: 60 s/],
    );
  });

  test('a fault that ends after max_duration', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
limits: { max_duration: 60 }
faults:
  - id: long
    type: proxy-latency
    start: 50
    duration: 20
`,
      8,
      'faults[0].duration',
      [/fault `long` ends at 70 s/, /Shorten or move it/],
    );
  });

  test('a fault ending exactly at max_duration is fine', async () => {
    const e = await loadExperiment(
      await write(`version: 1
target: { endpoint: x }
limits: { max_duration: 60 }
faults:
  - { id: ok, type: proxy-latency, start: 50, duration: 10 }
`),
    );
    assert.equal(e.faults[0]?.id, 'ok');
  });

  test('a workload with neither command nor builtin', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
workload:
  history: h.jsonl
faults: []
`,
      3,
      'workload',
      [/neither `command` nor `builtin`/, /Add `command`/],
    );
  });

  test('a target with neither command nor endpoint', async () => {
    await rejects(
      `version: 1
title: t
target:
  ready_timeout: 5
faults: []
`,
      3,
      'target',
      [/neither `command` nor `endpoint`/, /Add `command`/],
    );
  });

  test('a target with both command and endpoint', async () => {
    await rejects(
      `version: 1
target:
  command: server
  endpoint: "http://127.0.0.1:1"
faults: []
`,
      4,
      'target.endpoint',
      [/both `command` and `endpoint`/],
    );
  });

  test('an integrity check without a history to read', async () => {
    await rejects(
      `version: 1
target: { endpoint: x }
workload:
  command: ["node", "load.mjs"]
faults: []
integrity:
  - { type: checksum, before: a, after: b }
  - { type: queue }
`,
      8,
      'integrity[1]',
      [/`queue` integrity check reads the workload history/, /no `history` file/, /Add `workload.history`/],
    );
    await rejects(
      `version: 1
target: { endpoint: x }
faults: []
integrity:
  - type: counter
`,
      5,
      'integrity[0]',
      [/there is no workload/],
    );
  });

  test('a checksum check needs no history', async () => {
    const e = await loadExperiment(
      await write(`version: 1
target: { endpoint: x }
faults: []
integrity:
  - { type: checksum, before: a, after: b }
`),
    );
    assert.equal(e.integrity[0]?.type, 'checksum');
  });
});

describe('planText', () => {
  test('lists the faults sorted by start, with end, type and parameters, and the probes', async () => {
    const e = await loadExperiment(await write(FULL_YAML), { displayPath: 'chaos.yml' });
    const text = planText(e);
    const lines = text.split('\n');
    const crash = lines.findIndex((l) => l.includes('  crash  '));
    const slow = lines.findIndex((l) => l.includes('  slow  '));
    assert.ok(crash > 0 && slow > crash, text);
    assert.match(lines[crash] ?? '', /^\s+5s \(instant\)\s+crash\s+process-kill\s+target=target signal=SIGKILL restart=true$/);
    assert.match(lines[slow] ?? '', /^\s+10s → 15s\s+slow\s+proxy-latency\s+listen_port=7071 upstream_port=7070 latency_ms=200$/);
    assert.match(text, /Experiment: kv survives a crash mid-write \(chaos\.yml\)/);
    assert.match(text, /Target: start `node examples\/service\/server\.mjs --port 7070`/);
    assert.match(text, /ready when: http GET http:\/\/127\.0\.0\.1:7070\/health → 2xx \(wait at most 20s\)/);
    assert.match(text, /Steady state: probes every 50 ms/);
    assert.match(text, /- http GET http:\/\/127\.0\.0\.1:7070\/health → 200 within 200 ms/);
    assert.match(text, /- tcp connect 127\.0\.0\.1:7070/);
    assert.match(text, /- command `test -f \/tmp\/x` exits 0/);
    assert.match(text, /- prometheus http:\/\/127\.0\.0\.1:9090 `rate\(errors\[1m\]\)` < 0\.01/);
    assert.match(text, /- set \(add=add, read=read\)/);
    assert.match(text, /Limits: run at most 300s, at most 10 faults, recovery within 30s after each fault, runners labelled chaos/);
    // Pure: the experiment is unchanged and the text is the same the second time.
    assert.equal(planText(e), text);
    assert.equal(e.faults[0]?.id, 'slow');
  });

  test('equal starts keep file order', async () => {
    const e = await loadExperiment(
      await write(`version: 1
target: { endpoint: x }
faults:
  - { id: b, type: t, start: 3 }
  - { id: a, type: t, start: 1 }
  - { id: c, type: t, start: 3 }
`),
    );
    const ids = planText(e)
      .split('\n')
      .filter((l) => /^\s+\d+s/.test(l))
      .map((l) => l.trim().split(/\s+/)[2]);
    assert.deepEqual(ids, ['a', 'b', 'c']);
  });
});
