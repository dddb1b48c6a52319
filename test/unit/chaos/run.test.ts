/**
 * runExperiment with real processes: the example service as the target, a workload command that writes its own
 * history, and the ways a run goes wrong before any fault (never healthy, unhealthy before injection, a malformed
 * history).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../../src/core/errors.js';
import { consoleLogger } from '../../../src/core/log.js';
import { loadExperiment } from '../../../src/gates/chaos-run/experiment.js';
import { FAULTS } from '../../../src/gates/chaos-run/faults/index.js';
import { Ledger } from '../../../src/gates/chaos-run/ledger.js';
import { runExperiment } from '../../../src/gates/chaos-run/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const server = path.join(root, 'examples/service/server.mjs');
const temps: string[] = [];
const quiet = consoleLogger({ stream: new Writable({ write: (_c, _e, cb) => cb() }) });

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const a = s.address();
  await new Promise((r) => s.close(r));
  return typeof a === 'object' && a ? a.port : 0;
}

async function setup(body: (port: number, dir: string) => string): Promise<{ dir: string; run: () => ReturnType<typeof runExperiment> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-chaos-run-'));
  temps.push(dir);
  const port = await freePort();
  await writeFile(path.join(dir, 'exp.yml'), body(port, dir));
  const e = await loadExperiment(path.join(dir, 'exp.yml'), { displayPath: 'exp.yml', knownFaultTypes: [...FAULTS.keys()] });
  const ledger = await Ledger.open(path.join(dir, 'ledger'), 'unit');
  return { dir, run: () => runExperiment({ experiment: e, registry: FAULTS, ledger, workDir: dir, runId: 'unit', signal: new AbortController().signal, log: quiet }) };
}

const target = (port: number, dir: string) => [`target:`, `  command: [${JSON.stringify(process.execPath)}, ${JSON.stringify(server)}, --port, "${port}", --data, ${JSON.stringify(path.join(dir, 'data'))}]`, `  ready: { type: http, url: "http://127.0.0.1:${port}/health" }`, '  ready_timeout: 10'];

describe('runExperiment', () => {
  after(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

  test('a workload command writes its history to SHIPGATE_CHAOS_HISTORY; the set check reads it', async () => {
    const { dir, run } = await setup((port, d) => {
      const script = [
        "const fs = require('fs'); const f = process.env.SHIPGATE_CHAOS_HISTORY; const t = () => Date.now();",
        "const w = (o) => fs.appendFileSync(f, JSON.stringify(o) + '\\n');",
        "for (let i = 0; i < 5; i++) { w({ type: 'invoke', f: 'add', value: i, process: 0, time: t() }); w({ type: 'ok', f: 'add', value: i, process: 0, time: t() }); }",
        "w({ type: 'invoke', f: 'read', value: null, process: 0, time: t() }); w({ type: 'ok', f: 'read', value: [0, 1, 2, 4], process: 0, time: t() });",
      ].join(' ');
      return [
        'version: 1',
        ...target(port, d),
        'workload:',
        `  command: [${JSON.stringify(process.execPath)}, -e, ${JSON.stringify(script)}]`,
        '  history: history.jsonl',
        'steady_state:',
        `  probes: [{ type: http, url: "http://127.0.0.1:${port}/health" }]`,
        'faults: [{ id: freeze, type: process-pause, start: 0, duration: 0.2 }]',
        'integrity: [{ type: set }]',
        '',
      ].join('\n');
    });
    const r = await run();
    assert.equal(r.integrity.historyFile, path.join(dir, 'history.jsonl'));
    assert.equal(r.integrity.lost, 1);
    assert.deepEqual(r.integrity.checks[0]?.lostIds, [3]);
    assert.equal(r.verdicts.integrity, 'fail');
    assert.equal(r.verdict, 'fail');
    assert.equal(r.faults[0]?.verified, true, r.faults[0]?.evidence);
    assert.equal(r.verdicts.faults, 'pass');
    assert.equal(r.target?.starts, 1);
  });

  test('a workload that writes a malformed history is an error naming the history file and line', async () => {
    const { run } = await setup((port, d) =>
      [
        'version: 1',
        ...target(port, d),
        'workload:',
        `  command: [sh, -c, 'printf "%s\\n" "{\\"type\\": \\"invoke\\", \\"f\\": \\"add\\", \\"value\\": 1, \\"process\\": 0, \\"time\\": 1}" "not json" > "$SHIPGATE_CHAOS_HISTORY"']`,
        '  history: h.jsonl',
        'faults: [{ id: freeze, type: process-pause, start: 0, duration: 0.2 }]',
        'integrity: [{ type: set }]',
        '',
      ].join('\n'),
    );
    await assert.rejects(run(), (e: unknown) => e instanceof ConfigurationError && /h\.jsonl:2: /.test(e.message));
  });

  test('a target that never becomes healthy is an error naming the experiment line, with its last output', async () => {
    const { run } = await setup((port) =>
      ['version: 1', 'target:', `  command: [sh, -c, "echo starting up; sleep 30"]`, `  ready: { type: tcp, port: ${port} }`, '  ready_timeout: 1', 'faults: [{ id: freeze, type: process-pause, start: 0, duration: 0.2 }]', ''].join('\n'),
    );
    await assert.rejects(run(), (e: unknown) => e instanceof ConfigurationError && /^exp\.yml:2: the target never became healthy within 1 s/.test(e.message) && /starting up/.test(e.message));
  });

  test('unhealthy before injection: inconclusive, and no fault is applied', async () => {
    const { run } = await setup((port, d) => {
      const dead = port === 1 ? 2 : port - 1;
      return [
        'version: 1',
        ...target(port, d),
        'steady_state:',
        `  probes: [{ name: dependency, type: tcp, port: ${dead} }]`,
        'faults:',
        '  - { id: freeze, type: process-pause, start: 0, duration: 1 }',
        '',
      ].join('\n');
    });
    const r = await run();
    assert.equal(r.verdict, 'inconclusive');
    assert.equal(r.verdicts.steadyState, 'inconclusive');
    assert.match(r.steadyBefore.detail, /dependency: connect ECONNREFUSED/);
    assert.equal(r.faults[0]?.appliedAt, undefined);
    assert.equal(r.faults[0]?.evidence, 'not applied');
  });
});
