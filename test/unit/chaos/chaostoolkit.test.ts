import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../../src/core/errors.js';
import {
  type CtkActivityEvent,
  type CtkJournal,
  ctkPlanText,
  isChaosToolkitDocument,
  loadCtkExperiment,
  runCtkExperiment,
  shlexSplit,
} from '../../../src/gates/chaos-run/chaostoolkit.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/chaostoolkit');
const SECRET = 's3cr3t-t0ken-value';

let dir: string;
let server: Server;
let baseUrl: string;
let n = 0;
const requests: { url: string; method: string; headers: IncomingMessage['headers']; body: string }[] = [];

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ctk-'));
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, auth: req.headers.authorization ?? null, items: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] }));
      } else if (url.pathname === '/down') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('down');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

async function write(text: string, ext = 'yaml'): Promise<string> {
  const file = path.join(dir, `e${n++}.${ext}`);
  await writeFile(file, text);
  return file;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, CTK_BASE_URL: baseUrl, ...extra };
}

async function rejects(text: string, line: number, patterns: RegExp[], ext = 'yaml'): Promise<ConfigurationError> {
  const file = await write(text, ext);
  const err = await loadCtkExperiment(file, { displayPath: 'ctk.yaml' }).then(
    () => assert.fail('expected a ConfigurationError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ConfigurationError, String(err));
  assert.equal(err.location?.line, line, err.message);
  assert.ok(err.message.startsWith(`ctk.yaml:${line}: `), err.message);
  for (const p of patterns) assert.match(err.message, p);
  return err;
}

/** A node process action/probe in YAML flow style: node -e <code> [args...]. */
function nodeProvider(code: string, args: string[] = [], timeout?: number): string {
  return JSON.stringify({ type: 'process', path: 'node', arguments: ['-e', code, ...args], ...(timeout === undefined ? {} : { timeout }) });
}

const JOURNAL_KEYS = ['chaoslib-version', 'platform', 'node', 'experiment', 'start', 'status', 'deviated', 'steady_states', 'run', 'rollbacks', 'end', 'duration'];

describe('isChaosToolkitDocument', () => {
  test('tells Chaos Toolkit experiments from shipgate ones', () => {
    assert.equal(isChaosToolkitDocument({ title: 't', method: [] }), true);
    assert.equal(isChaosToolkitDocument({ 'steady-state-hypothesis': { title: 'x' } }), true);
    assert.equal(isChaosToolkitDocument({ version: '1.0.0', method: [] }), true, 'CTK allows a string version');
    assert.equal(isChaosToolkitDocument({ version: 1, target: {}, method: [] }), false);
    assert.equal(isChaosToolkitDocument({ version: 1, target: {}, faults: [] }), false);
    assert.equal(isChaosToolkitDocument([]), false);
    assert.equal(isChaosToolkitDocument(null), false);
  });
});

describe('shlexSplit', () => {
  test('splits like shlex.split', () => {
    assert.deepEqual(shlexSplit(`-e "console.log(1)" 'a b' c\\ d "x\\"y" ''`), ['-e', 'console.log(1)', 'a b', 'c d', 'x"y', '']);
    assert.deepEqual(shlexSplit('  '), []);
    assert.throws(() => shlexSplit(`'open`), /unclosed single quote/);
  });
});

describe('full experiment (fixture)', () => {
  test('runs hypothesis, method and rollbacks, substitutes configuration and masks the secret', async () => {
    const marker = path.join(dir, 'marker.txt');
    const e = await loadCtkExperiment(path.join(FIXTURES, 'full.yaml'));
    assert.equal(e.title, 'service keeps answering while a file is touched');
    requests.length = 0;
    const events: CtkActivityEvent[] = [];
    const journal = await runCtkExperiment(e, { env: env({ CTK_MARKER: marker }), onActivity: (ev) => events.push(ev) });

    for (const k of JOURNAL_KEYS) assert.ok(k in journal, `journal has ${k}`);
    assert.equal(journal['chaoslib-version'], 'shipgate');
    assert.deepEqual(journal['x-shipgate'] && (journal['x-shipgate'] as { rollbacks: string }).rollbacks, 'always');
    assert.equal(journal.status, 'completed');
    assert.equal(journal.deviated, false);
    assert.deepEqual(journal.steady_states.during, []);
    assert.equal(journal.steady_states.before?.steady_state_met, true);
    assert.equal(journal.steady_states.after?.steady_state_met, true);
    assert.equal(journal.run.length, 3);
    assert.equal(journal.rollbacks.length, 1);
    for (const r of [...journal.run, ...journal.rollbacks, ...journal.steady_states.before.probes]) {
      assert.deepEqual(Object.keys(r).filter((k) => !['exception', 'tolerance_met'].includes(k)).sort(), ['activity', 'duration', 'end', 'output', 'start', 'status']);
      assert.equal(r.status, 'succeeded', JSON.stringify(r));
      assert.ok(typeof r.duration === 'number' && r.duration >= 0);
      assert.ok(!Number.isNaN(Date.parse(r.start)) && !Number.isNaN(Date.parse(r.end)));
    }
    // process output {status, stdout, stderr}
    const echo = journal.run[1];
    assert.deepEqual(Object.keys(echo?.output as object).sort(), ['status', 'stderr', 'stdout']);
    assert.equal((echo?.output as { status: number }).status, 0);
    assert.equal((echo?.output as { stdout: string }).stdout, 'token=***\n');
    assert.equal((echo?.output as { stderr: string }).stderr, 'warned\n');
    assert.equal(echo?.tolerance_met, true, 'a tolerance on a method probe is recorded');
    // the ref ran the referenced hypothesis probe; http output {status, headers, body}
    assert.equal((journal.run[2]?.activity as { name: string }).name, 'service-answers');
    const http = journal.run[2]?.output as { status: number; headers: Record<string, string>; body: { ok: boolean; auth: string } };
    assert.equal(http.status, 200);
    assert.equal(http.headers['content-type'], 'application/json');
    assert.equal(http.body.ok, true);
    assert.equal(http.body.auth, 'Bearer ***');
    // configuration and secrets reached the system, but the journal never shows the secret
    const health = requests.find((r) => r.url.startsWith('/health'));
    assert.equal(health?.url, '/health?who=hello');
    assert.equal(health?.headers.authorization, `Bearer ${SECRET}`);
    assert.ok(!JSON.stringify(journal).includes(SECRET), 'secret value absent from the journal');
    assert.equal(((journal.experiment as { secrets: { api: { token: string } } }).secrets.api.token), '***');
    // rollback removed the marker the method wrote (with the secret in it)
    assert.equal(existsSync(marker), false);
    assert.deepEqual(
      events.map((ev) => `${ev.phase}:${ev.name}`),
      [
        'hypothesis-before:service-answers',
        'hypothesis-before:node-runs',
        'method:touch-marker',
        'method:echo-token',
        'method:service-answers',
        'hypothesis-after:service-answers',
        'hypothesis-after:node-runs',
        'rollback:remove-marker',
      ],
    );
    assert.ok(events.every((ev) => ev.ok && ev.end >= ev.start));
  });

  test('plan shows exact argv and requests with the secret masked', async () => {
    const e = await loadCtkExperiment(path.join(FIXTURES, 'full.yaml'), { displayPath: 'full.yaml' });
    const before = process.env.CTK_MARKER;
    process.env.CTK_MARKER = '/tmp/the-marker';
    let plan: string;
    try {
      plan = ctkPlanText(e);
    } finally {
      if (before === undefined) delete process.env.CTK_MARKER;
      else process.env.CTK_MARKER = before;
    }
    assert.ok(!plan.includes(SECRET), plan);
    assert.match(plan, /Chaos Toolkit experiment: service keeps answering while a file is touched \(full\.yaml\)/);
    assert.match(plan, /probe service-answers \(line 23\): GET \$\{base_url\}\/health\?who=hello \[Authorization: Bearer \*\*\*\] \(timeout 5s\); tolerance 200/);
    assert.match(plan, /Authorization: Bearer \*\*\*/);
    assert.match(plan, /action touch-marker \(line \d+\): run `node -e .*writeFileSync.* \/tmp\/the-marker '\*\*\*'`/);
    assert.match(plan, /run `node -e 'console.log\(process.argv\[1\]\)' 'hello fallback'`/);
    assert.match(plan, /Rollbacks \(always run/);
    assert.match(plan, /action remove-marker/);
  });
});

describe('tolerances', () => {
  /** Runs a one-probe hypothesis and returns whether it was met. */
  async function met(provider: string, tolerance: unknown): Promise<boolean> {
    const file = await write(
      `title: t\ndescription: d\nsteady-state-hypothesis:\n  title: h\n  probes:\n    - type: probe\n      name: p\n      provider: ${provider}\n      tolerance: ${JSON.stringify(tolerance)}\nmethod: []\n`,
    );
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    const state = journal.steady_states.before;
    assert.ok(state !== null);
    assert.equal(state.probes[0]?.tolerance_met, state.steady_state_met);
    return state.steady_state_met;
  }
  const exit3 = nodeProvider('console.log(JSON.stringify({n: 42, items: [{id: 7}, {id: 8}]})); process.exit(3)');
  const health = () => JSON.stringify({ type: 'http', url: `${baseUrl}/health` });
  const down = () => JSON.stringify({ type: 'http', url: `${baseUrl}/down` });

  test('int: process exit status and http status', async () => {
    assert.equal(await met(exit3, 3), true);
    assert.equal(await met(exit3, 0), false);
    assert.equal(await met(health(), 200), true);
    assert.equal(await met(down(), 200), false);
  });
  test('list: status in the list', async () => {
    assert.equal(await met(down(), [200, 503]), true);
    assert.equal(await met(health(), [201, 204]), false);
  });
  test('regex on a target', async () => {
    assert.equal(await met(exit3, { type: 'regex', target: 'stdout', pattern: '"n":4\\d' }), true);
    assert.equal(await met(exit3, { type: 'regex', target: 'stdout', pattern: '^nope' }), false);
    assert.equal(await met(down(), { type: 'regex', target: 'body', pattern: 'down' }), true);
  });
  test('jsonpath: existence, expect, count, wildcard and descendants', async () => {
    assert.equal(await met(health(), { type: 'jsonpath', target: 'body', path: '$.ok', expect: true }), true);
    assert.equal(await met(health(), { type: 'jsonpath', target: 'body', path: '$.items[*].name', expect: ['a', 'b'] }), true);
    assert.equal(await met(health(), { type: 'jsonpath', target: 'body', path: '$.items[1].id', expect: 1 }), false);
    assert.equal(await met(health(), { type: 'jsonpath', target: 'body', path: "$..['id']", count: 2 }), true);
    assert.equal(await met(health(), { type: 'jsonpath', target: 'body', path: '$.missing' }), false);
    // stdout is parsed as JSON
    assert.equal(await met(exit3, { type: 'jsonpath', target: 'stdout', path: '$..id', expect: [7, 8] }), true);
  });
  test('range on a target', async () => {
    assert.equal(await met(nodeProvider('console.log(12.5)'), { type: 'range', target: 'stdout', range: [10, 20] }), true);
    assert.equal(await met(nodeProvider('console.log(25)'), { type: 'range', target: 'stdout', range: [10, 20] }), false);
    assert.equal(await met(down(), { type: 'range', target: 'status', range: [500, 599] }), true);
  });
  test('a probe that fails (timeout) does not meet its tolerance', async () => {
    assert.equal(await met(nodeProvider('setTimeout(() => {}, 20000)', [], 0.5), 0), false);
  });
});

describe('run order', () => {
  test('hypothesis before not met: method skipped, rollbacks still run', async () => {
    const marker = path.join(dir, `rb-${n}`);
    const file = await write(`title: t
description: d
steady-state-hypothesis:
  title: h
  probes:
    - { type: probe, name: bad, provider: ${nodeProvider('process.exit(1)')}, tolerance: 0 }
    - { type: probe, name: never, provider: ${nodeProvider('0')}, tolerance: 0 }
method:
  - { type: action, name: a, provider: ${nodeProvider('0')} }
rollbacks:
  - { type: action, name: rb, provider: ${nodeProvider("require('fs').writeFileSync(process.argv[1], 'x')", [marker])} }
`);
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    assert.equal(journal.status, 'failed');
    assert.equal(journal.deviated, false);
    assert.equal(journal.steady_states.before?.steady_state_met, false);
    assert.equal(journal.steady_states.before?.probes.length, 1, 'stops at the first probe not met');
    assert.equal(journal.steady_states.after, null);
    assert.deepEqual(journal.run, []);
    assert.equal(journal.rollbacks.length, 1);
    assert.equal(existsSync(marker), true, 'rollback ran');
  });

  test('hypothesis after not met: deviated', async () => {
    const flag = path.join(dir, `flag-${n}`);
    const file = await write(`title: t
description: d
steady-state-hypothesis:
  title: h
  probes:
    - { type: probe, name: no-flag, provider: ${nodeProvider("process.exit(require('fs').existsSync(process.argv[1]) ? 1 : 0)", [flag])}, tolerance: 0 }
method:
  - { type: action, name: set-flag, provider: ${nodeProvider("require('fs').writeFileSync(process.argv[1], 'x')", [flag])} }
`);
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    assert.equal(journal.status, 'failed');
    assert.equal(journal.deviated, true);
    assert.equal(journal.steady_states.before?.steady_state_met, true);
    assert.equal(journal.steady_states.after?.steady_state_met, false);
  });

  test('a failing action does not stop the method; non-zero exit is not a failure', async () => {
    const file = await write(`title: t
description: d
method:
  - { type: action, name: slow, provider: ${nodeProvider('setTimeout(() => {}, 20000)', [], 0.5)} }
  - { type: action, name: missing, provider: { type: process, path: /nonexistent/program } }
  - { type: action, name: exits-2, provider: ${nodeProvider('process.exit(2)')} }
  - { type: probe, name: after, provider: ${nodeProvider("console.log('ran')")} }
`);
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    assert.equal(journal.status, 'completed');
    assert.deepEqual(journal.run.map((r) => r.status), ['failed', 'failed', 'succeeded', 'succeeded']);
    assert.match(journal.run[0]?.exception?.join('') ?? '', /too long/);
    assert.match(journal.run[1]?.exception?.join('') ?? '', /not found/);
    assert.equal((journal.run[2]?.output as { status: number }).status, 2);
    assert.equal((journal.run[3]?.output as { stdout: string }).stdout, 'ran\n');
    assert.ok((journal.run[0]?.duration ?? 0) < 15, 'the timeout ended the process');
  });

  test('pauses before and after are honoured (configuration values allowed)', async () => {
    const file = await write(`title: t
description: d
configuration: { wait: 0.4 }
method:
  - { type: action, name: a, provider: ${nodeProvider('0')}, pauses: { after: 0.4 } }
  - { type: action, name: b, provider: ${nodeProvider('0')}, pauses: { before: "\${wait}" } }
`);
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    const gap = Date.parse(journal.run[1]?.start ?? '') - Date.parse(journal.run[0]?.end ?? '');
    assert.ok(gap >= 750, `gap ${gap} ms between the activities (pauses 0.4 s after + 0.4 s before)`);
  });

  test('background activities run concurrently and are awaited before the hypothesis after', async () => {
    const flag = path.join(dir, `bg-${n}`);
    const file = await write(`title: t
description: d
steady-state-hypothesis:
  title: h
  probes:
    - { type: probe, name: flag-set-after, provider: ${nodeProvider("process.exit(require('fs').existsSync(process.argv[1]) ? 0 : 1)", [flag])}, tolerance: [0, 1] }
method:
  - { type: action, name: bg, background: true, provider: ${nodeProvider("setTimeout(() => require('fs').writeFileSync(process.argv[1], 'x'), 1500)", [flag])} }
  - { type: probe, name: fg, provider: ${nodeProvider('0')} }
`);
    const journal = await runCtkExperiment(await loadCtkExperiment(file), { env: env() });
    assert.deepEqual(journal.run.map((r) => (r.activity as { name: string }).name), ['bg', 'fg'], 'method order kept');
    assert.ok(Date.parse(journal.run[1]?.start ?? '') < Date.parse(journal.run[0]?.end ?? ''), 'fg started while bg was running');
    assert.equal((journal.steady_states.after?.probes[0]?.output as { status: number }).status, 0, 'bg finished before the hypothesis after');
    assert.equal((journal.steady_states.before?.probes[0]?.output as { status: number }).status, 1);
  });

  test('abort: status aborted, the running activity is stopped, rollbacks run', async () => {
    const marker = path.join(dir, `abort-${n}`);
    const file = await write(`title: t
description: d
steady-state-hypothesis:
  title: h
  probes:
    - { type: probe, name: ok, provider: ${nodeProvider('0')}, tolerance: 0 }
method:
  - { type: action, name: long, provider: ${nodeProvider('setTimeout(() => {}, 60000)')} }
  - { type: action, name: never, provider: ${nodeProvider('0')} }
rollbacks:
  - { type: action, name: rb, provider: ${nodeProvider("require('fs').writeFileSync(process.argv[1], 'x')", [marker])} }
`);
    const ac = new AbortController();
    const events: CtkActivityEvent[] = [];
    const t0 = Date.now();
    const run = runCtkExperiment(await loadCtkExperiment(file), {
      env: env(),
      signal: ac.signal,
      onActivity: (ev) => {
        events.push(ev);
        if (ev.name === 'ok') setTimeout(() => ac.abort(), 300);
      },
    });
    const journal: CtkJournal = await run;
    assert.ok(Date.now() - t0 < 30_000);
    assert.equal(journal.status, 'aborted');
    assert.equal(journal.run.length, 1);
    assert.equal(journal.run[0]?.status, 'failed');
    assert.match(journal.run[0]?.exception?.join('') ?? '', /aborted/);
    assert.equal(journal.steady_states.after, null);
    assert.equal(journal.rollbacks[0]?.status, 'succeeded');
    assert.equal(existsSync(marker), true);
    assert.deepEqual(events.map((e) => e.phase), ['hypothesis-before', 'method', 'rollback']);
  });
});

describe('loading errors', () => {
  test('python provider: file and line named', async () => {
    const err = await loadCtkExperiment(path.join(FIXTURES, 'python-provider.json'), { displayPath: 'python-provider.json' }).then(
      () => assert.fail('expected an error'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ConfigurationError);
    assert.equal(err.location?.line, 9);
    assert.equal(
      err.message,
      'python-provider.json:9: activity `kill-pod`: python providers are not supported: chaos-run runs without a Python runtime; use a process provider that runs the same code.',
    );
  });
  test('unknown provider type', async () => {
    await rejects(`title: t\ndescription: d\nmethod:\n  - type: action\n    name: x\n    provider:\n      type: ssh\n`, 7, [/unknown provider type `ssh`/]);
  });
  test('missing fields are located by the schema', async () => {
    await rejects(`title: t\nmethod: []\n`, 1, [/description/]);
    await rejects(`title: t\ndescription: d\nmethod:\n  - type: action\n    provider: { type: process, path: x }\n`, 4, [/name/]);
  });
  test('boolean and string tolerances are explained', async () => {
    const probe = (tol: string): string =>
      `title: t\ndescription: d\nsteady-state-hypothesis:\n  title: h\n  probes:\n    - type: probe\n      name: p\n      provider: { type: process, path: node }\n      tolerance: ${tol}\nmethod: []\n`;
    await rejects(probe('true'), 9, [/never be met/, /regex/]);
    await rejects(probe('"ok"'), 9, [/string tolerance/]);
    await rejects(probe('{ type: probe, name: x, provider: { type: python, module: m, func: f } }'), 9, [/probe tolerances are not supported/]);
    await rejects(probe('{ type: jsonpath, path: "$.a[?(@.b)]" }'), 9, [/not supported/]);
    await rejects(probe('{ type: regex, pattern: "(" }'), 9, [/invalid regular expression/]);
    await rejects(probe('{ type: range, range: [1] }'), 9, [/two numbers/]);
  });
  test('hypothesis probe without tolerance, unknown ref', async () => {
    await rejects(`title: t\ndescription: d\nsteady-state-hypothesis:\n  title: h\n  probes:\n    - { type: probe, name: p, provider: { type: process, path: node } }\nmethod: []\n`, 6, [/no `tolerance`/]);
    await rejects(`title: t\ndescription: d\nmethod:\n  - ref: nowhere\n`, 4, [/`nowhere` was not found/]);
  });
  test('an env configuration without variable nor default fails before anything runs', async () => {
    const file = await write(`title: t\ndescription: d\nconfiguration:\n  x:\n    type: env\n    key: CTK_NOT_SET_HERE\nmethod: []\n`);
    const e = await loadCtkExperiment(file, { displayPath: 'ctk.yaml' });
    await assert.rejects(runCtkExperiment(e, { env: env() }), (err: unknown) => {
      assert.ok(err instanceof ConfigurationError);
      assert.equal(err.message, 'ctk.yaml:4: configuration `x` reads the environment variable `CTK_NOT_SET_HERE`, which is not set and has no `default`. Set the variable or add a default.');
      return true;
    });
  });
});
