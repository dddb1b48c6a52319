import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import { PROBE_TYPES, PROBES, runCheck, validateCheck } from '../../../src/gates/readiness-checklist/probes/index.js';
import type { CheckSpec, Evidence, ProbeContext } from '../../../src/gates/readiness-checklist/types.js';

let workspace: string;
let reportsDir: string;

before(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'shipgate-probes-'));
  reportsDir = path.join(workspace, 'shipgate-report');
  await mkdir(reportsDir);
});

after(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function ctx(extra: Partial<ProbeContext> = {}): ProbeContext {
  return { workspace, reportsDir, signal: new AbortController().signal, ...extra };
}

function check(spec: CheckSpec, extra: Partial<ProbeContext> = {}): Promise<Evidence> {
  return runCheck(spec, ctx(extra));
}

function assertStatus(e: Evidence, status: Evidence['status'], summary?: RegExp): void {
  assert.equal(e.status, status, `expected ${status}, got ${e.status}: ${e.summary}`);
  if (summary !== undefined) assert.match(e.summary, summary);
  assert.doesNotMatch(e.summary, /\n/, 'summary must be one line');
}

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const s = createTcpServer();
  const port = await listen(s);
  s.close();
  await once(s, 'close');
  return port;
}

void describe('registry', () => {
  void test('has one probe per type', () => {
    assert.deepEqual([...PROBE_TYPES].sort(), ['approval', 'command', 'file', 'gate', 'http', 'manual', 'postgres', 'prometheus', 'redis', 'service', 'tcp']);
    for (const type of PROBE_TYPES) assert.equal(PROBES.get(type)?.type, type);
  });

  void test('an unknown type is inconclusive, not a crash', async () => {
    const e = await check({ type: 'nope' });
    assertStatus(e, 'inconclusive', /unknown check type "nope"/);
  });

  void test('an exception inside a probe becomes inconclusive with its message', async () => {
    const context = ctx();
    Object.defineProperty(context, 'github', {
      enumerable: true,
      get() {
        throw new Error('boom from the context');
      },
    });
    const e = await runCheck({ type: 'approval' }, context);
    assertStatus(e, 'inconclusive', /boom from the context/);
    assert.equal(e.attempts, 1);
  });
});

void describe('command probe', () => {
  void test('passes on the expected exit code, fails on another', async () => {
    assertStatus(await check({ type: 'command', run: 'true' }), 'pass', /`true` exited 0/);
    const bad = await check({ type: 'command', run: 'echo oops >&2; exit 3' });
    assertStatus(bad, 'fail', /exited 3 .*expected exit code 0/);
    assert.match(bad.output ?? '', /oops/);
    assertStatus(await check({ type: 'command', run: 'exit 3', expect_exit: 3 }), 'pass');
  });

  void test('matches the output against a regex; argv runs without a shell', async () => {
    const ok = await check({ type: 'command', run: ['printf', '%s\\n', 'status: $HOME ready'], expect_output: '\\$HOME ready' });
    assertStatus(ok, 'pass', /output matched/);
    assert.match(ok.output ?? '', /status: \$HOME ready/);
    const miss = await check({ type: 'command', run: 'echo degraded', expect_output: '^ready$' });
    assertStatus(miss, 'fail', /output did not match \/\^ready\$\//);
    assertStatus(await check({ type: 'command', run: 'echo on-stderr >&2', expect_output: 'on-stderr' }), 'pass');
  });

  void test('keeps only the last 2 KB of output', async () => {
    const e = await check({ type: 'command', run: 'for i in $(seq 1 2000); do echo line-$i; done' });
    assertStatus(e, 'pass');
    assert.ok((e.output ?? '').length <= 2048);
    assert.match(e.output ?? '', /line-2000$/);
  });

  void test('runs in cwd relative to the workspace', async () => {
    await mkdir(path.join(workspace, 'sub'), { recursive: true });
    const e = await check({ type: 'command', run: 'pwd', cwd: 'sub', expect_output: '/sub$' });
    assertStatus(e, 'pass');
  });

  void test('a command that cannot start is inconclusive', async () => {
    assertStatus(await check({ type: 'command', run: ['/nonexistent/tool-xyz'] }), 'inconclusive', /command not found/);
  });

  void test('times out: inconclusive after the timeout, not before, and not much later', async () => {
    const e = await check({ type: 'command', run: 'sleep 10', timeout: 0.5 });
    assertStatus(e, 'inconclusive', /timed out after 0\.5 s/);
    assert.ok(e.durationMs >= 450, `returned after ${e.durationMs} ms`);
    assert.ok(e.durationMs < 2500, `returned after ${e.durationMs} ms`);
    assert.equal(e.attempts, 1);
  });

  void test('a command ignoring SIGTERM still ends within the timeout plus grace', async () => {
    const e = await check({ type: 'command', run: "trap '' TERM; sleep 10", timeout: 0.3 });
    assertStatus(e, 'inconclusive', /timed out after 0\.3 s/);
    assert.ok(e.durationMs < 2500, `returned after ${e.durationMs} ms`);
  });

  void test('retries non-pass results and counts attempts', async () => {
    const counter = path.join(workspace, 'attempts.txt');
    const e = await check({ type: 'command', run: `echo x >> ${counter}; [ "$(wc -l < ${counter})" -ge 3 ]`, retries: 5, retry_delay: 0.05 });
    assertStatus(e, 'pass');
    assert.equal(e.attempts, 3);
    assert.equal((await readFile(counter, 'utf8')).trim().split('\n').length, 3);

    const always = await check({ type: 'command', run: 'exit 1', retries: 2, retry_delay: 0.05 });
    assertStatus(always, 'fail');
    assert.equal(always.attempts, 3);

    const passFirst = await check({ type: 'command', run: 'true', retries: 4, retry_delay: 0.05 });
    assert.equal(passFirst.attempts, 1);
  });

  void test('waits retry_delay between attempts', async () => {
    const e = await check({ type: 'command', run: 'exit 1', retries: 2, retry_delay: 0.2 });
    assert.equal(e.attempts, 3);
    assert.ok(e.durationMs >= 380, `took ${e.durationMs} ms`);
  });

  void test('honours cancellation', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const e = await check({ type: 'command', run: 'sleep 10', timeout: 30, retries: 3 }, { signal: controller.signal });
    assertStatus(e, 'inconclusive', /cancelled/);
    assert.ok(Date.now() - started < 3000);
    assert.equal(e.attempts, 1);
  });
});

void describe('tcp probe', () => {
  void test('a listening loopback server passes', async () => {
    const server = createTcpServer((s) => s.destroy());
    const port = await listen(server);
    try {
      const e = await check({ type: 'tcp', host: '127.0.0.1', port });
      assertStatus(e, 'pass', new RegExp(`TCP 127\\.0\\.0\\.1:${port} accepted a connection`));
      assert.equal(typeof e.latencyMs, 'number');
    } finally {
      server.close();
    }
  });

  void test('a closed port fails with ECONNREFUSED', async () => {
    const port = await closedPort();
    const e = await check({ type: 'tcp', host: '127.0.0.1', port });
    assertStatus(e, 'fail', /ECONNREFUSED/);
  });
});

void describe('http probe', () => {
  let server: Server;
  let base: string;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    switch (req.url) {
      case '/health':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok', checks: [{ ok: true, name: 'db' }], version: 3 }));
        return;
      case '/down':
        res.writeHead(503).end('maintenance');
        return;
      case '/text':
        res.writeHead(200).end('hello world');
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 300);
        return;
      case '/hang':
        return; // never answers
      case '/echo-headers':
        res.writeHead(200).end(JSON.stringify({ method: req.method, token: req.headers['x-token'] ?? null }));
        return;
      default:
        res.writeHead(404).end();
    }
  };

  before(async () => {
    server = createHttpServer(handler);
    base = `http://127.0.0.1:${await listen(server)}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  void test('status: 2xx/3xx pass by default, others fail; a list of accepted codes', async () => {
    const ok = await check({ type: 'http', url: `${base}/health` });
    assertStatus(ok, 'pass', /^GET http:\/\/127\.0\.0\.1:\d+\/health → 200 in \d+ ms$/);
    assert.equal(ok.statusCode, 200);
    assert.equal(typeof ok.latencyMs, 'number');
    assert.match(ok.output ?? '', /"status":"ok"/);
    assertStatus(await check({ type: 'http', url: `${base}/down` }), 'fail', /→ 503 .*expected status 200–399/);
    assertStatus(await check({ type: 'http', url: `${base}/down`, status: [503, 504] }), 'pass');
    assertStatus(await check({ type: 'http', url: `${base}/text`, status: 204 }), 'fail', /expected status 204/);
  });

  void test('body regex', async () => {
    assertStatus(await check({ type: 'http', url: `${base}/text`, body_regex: 'hello\\s+w' }), 'pass');
    assertStatus(await check({ type: 'http', url: `${base}/text`, body_regex: '^bye' }), 'fail', /body did not match/);
  });

  void test('json_path with equals and matches', async () => {
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: '$.status', equals: 'ok' }), 'pass', /\$\.status = "ok"/);
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: 'checks[0].ok', equals: true }), 'pass');
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: '$.version', equals: 3 }), 'pass');
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: '$.checks[0].name', matches: '^d' }), 'pass');
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: '$.status', equals: 'down' }), 'fail', /\$\.status = "ok", expected "down"/);
    assertStatus(await check({ type: 'http', url: `${base}/health`, json_path: '$.missing' }), 'fail', /not found/);
    assertStatus(await check({ type: 'http', url: `${base}/text`, json_path: '$.status' }), 'fail', /not JSON/);
  });

  void test('latency bound', async () => {
    const slow = await check({ type: 'http', url: `${base}/slow`, max_latency_ms: 100 });
    assertStatus(slow, 'fail', /slower than 100 ms/);
    assert.ok((slow.latencyMs ?? 0) >= 250);
    assertStatus(await check({ type: 'http', url: `${base}/text`, max_latency_ms: 5000 }), 'pass');
  });

  void test('method and headers are sent', async () => {
    const e = await check({ type: 'http', url: `${base}/echo-headers`, method: 'POST', headers: { 'x-token': 'abc' }, json_path: '$.token', equals: 'abc' });
    assertStatus(e, 'pass', /^POST /);
    assert.doesNotMatch(e.summary, /x-token/i, 'header names and values are not reported');
  });

  void test('no answer within the timeout is inconclusive; refused is a fail', async () => {
    const e = await check({ type: 'http', url: `${base}/hang`, timeout: 0.3 });
    assertStatus(e, 'inconclusive', /timed out after 0\.3 s/);
    assert.ok(e.durationMs < 2000);
    assertStatus(await check({ type: 'http', url: `http://127.0.0.1:${await closedPort()}/` }), 'fail', /ECONNREFUSED/);
  });

  void test('credentials in the URL are not shown', async () => {
    const e = await check({ type: 'http', url: `${base.replace('http://', 'http://user:hunter22@')}/text` });
    assertStatus(e, 'pass');
    assert.doesNotMatch(e.summary, /hunter22/);
  });

  const openssl = '/usr/bin/openssl';
  void test('self-signed HTTPS: tls_verify true fails, false passes', { skip: existsSync(openssl) ? false : `${openssl} is not installed` }, async () => {
    const dir = path.join(workspace, 'tls');
    await mkdir(dir, { recursive: true });
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    const tls = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => res.writeHead(200).end('secure'));
    const port = await listen(tls);
    try {
      const url = `https://127.0.0.1:${port}/`;
      assertStatus(await check({ type: 'http', url }), 'fail', /TLS: .*self[- ]signed/i);
      assertStatus(await check({ type: 'http', url, tls_verify: true }), 'fail', /TLS/);
      assertStatus(await check({ type: 'http', url, tls_verify: false, body_regex: 'secure' }), 'pass', /→ 200/);
    } finally {
      tls.closeAllConnections();
      tls.close();
    }
  });
});

void describe('file probe', () => {
  before(async () => {
    await mkdir(path.join(workspace, 'dist/sub'), { recursive: true });
    await writeFile(path.join(workspace, 'README.md'), '# Service\nOwner: sre-team\n');
    await writeFile(path.join(workspace, 'dist/a.js'), 'export const a = 1;\n');
    await writeFile(path.join(workspace, 'dist/b.js'), 'export const b = 2;\n');
    await writeFile(path.join(workspace, 'dist/sub/c.js'), '// no export\n');
    await writeFile(
      path.join(workspace, 'schema.json'),
      JSON.stringify({ type: 'object', required: ['port'], properties: { port: { type: 'integer', minimum: 1 }, name: { type: 'string' } } }),
    );
    await writeFile(path.join(workspace, 'schema.yaml'), 'type: object\nrequired: [replicas]\nproperties:\n  replicas: { type: integer, minimum: 2 }\n');
    await writeFile(path.join(workspace, 'good.json'), JSON.stringify({ port: 8080, name: 'api' }));
    await writeFile(path.join(workspace, 'bad.json'), JSON.stringify({ port: 'eighty' }));
    await writeFile(path.join(workspace, 'deploy.yaml'), 'replicas: 3\n');
    await writeFile(path.join(workspace, 'deploy-bad.yaml'), 'replicas: 1\n');
    await writeFile(path.join(workspace, 'broken.json'), '{ "port": ');
    await symlink(path.dirname(workspace), path.join(workspace, 'outside-link'));
  });

  void test('exists', async () => {
    assertStatus(await check({ type: 'file', path: 'README.md' }), 'pass', /README\.md exists/);
    assertStatus(await check({ type: 'file', path: 'MISSING.md' }), 'fail', /does not exist/);
    assertStatus(await check({ type: 'file', path: 'MISSING.md', exists: false }), 'pass');
    assertStatus(await check({ type: 'file', path: 'README.md', exists: false }), 'fail', /expected it not to/);
  });

  void test('glob counts', async () => {
    assertStatus(await check({ type: 'file', glob: 'dist/**/*.js' }), 'pass', /3 files match/);
    assertStatus(await check({ type: 'file', glob: 'dist/*.js', min_count: 2, max_count: 2 }), 'pass', /2 files match/);
    assertStatus(await check({ type: 'file', glob: 'dist/*.js', max_count: 1 }), 'fail', /expected at most 1/);
    assertStatus(await check({ type: 'file', glob: 'dist/**/*.js', min_count: 4 }), 'fail', /expected at least 4/);
    assertStatus(await check({ type: 'file', glob: 'nothing/*.txt' }), 'fail', /0 files match/);
    assertStatus(await check({ type: 'file', glob: 'nothing/*.txt', min_count: 0 }), 'pass');
    assertStatus(await check({ type: 'file', glob: '**/*.tmp', exists: false }), 'pass');
    assertStatus(await check({ type: 'file', glob: 'dist/**/*.js', contains: 'export const' }), 'fail', /dist\/sub\/c\.js does not contain/);
  });

  void test('contains', async () => {
    assertStatus(await check({ type: 'file', path: 'README.md', contains: 'Owner: \\S+' }), 'pass', /contains/);
    assertStatus(await check({ type: 'file', path: 'README.md', contains: 'Runbook' }), 'fail', /does not contain \/Runbook\//);
  });

  void test('json_schema: valid and invalid JSON and YAML files', async () => {
    assertStatus(await check({ type: 'file', path: 'good.json', json_schema: 'schema.json' }), 'pass', /matches schema\.json/);
    const bad = await check({ type: 'file', path: 'bad.json', json_schema: 'schema.json' });
    assertStatus(bad, 'fail', /bad\.json does not match schema\.json: \/port must be integer/);
    assertStatus(await check({ type: 'file', path: 'deploy.yaml', json_schema: 'schema.yaml' }), 'pass');
    assertStatus(await check({ type: 'file', path: 'deploy-bad.yaml', json_schema: 'schema.yaml' }), 'fail', /\/replicas must be >= 2/);
    assertStatus(await check({ type: 'file', path: 'broken.json', json_schema: 'schema.json' }), 'fail', /not valid JSON or YAML/);
    assertStatus(await check({ type: 'file', path: 'good.json', json_schema: 'no-such-schema.json' }), 'inconclusive', /schema no-such-schema\.json not found/);
  });

  void test('a link leading outside the workspace is not read', async () => {
    assertStatus(await check({ type: 'file', path: 'outside-link', contains: '.' }), 'inconclusive', /outside the repository/);
  });
});

void describe('gate probe', () => {
  before(async () => {
    const write = async (rel: string, report: object): Promise<void> => {
      await mkdir(path.dirname(path.join(reportsDir, rel)), { recursive: true });
      await writeFile(path.join(reportsDir, rel), JSON.stringify(report));
    };
    await write('perf-gate/report.json', { schemaVersion: 1, gate: 'perf-gate', name: 'perf-gate', verdict: 'warn', details: { score: 87, regressions: [] } });
    await write('nightly/model.json', { gate: 'model-validate', name: 'nightly', verdict: 'fail', details: {} });
    await writeFile(path.join(reportsDir, 'garbage.json'), 'not json');
  });

  void test('reads a report by gate name or path; verdicts default to pass/warn', async () => {
    assertStatus(await check({ type: 'gate', report: 'perf-gate' }), 'pass', /perf-gate: verdict warn/);
    assertStatus(await check({ type: 'gate', report: 'perf-gate/report.json', verdict: 'pass' }), 'fail', /verdict warn; expected pass/);
    assertStatus(await check({ type: 'gate', report: 'perf-gate', verdict: ['pass', 'warn'] }), 'pass');
    assertStatus(await check({ type: 'gate', report: 'nightly/model.json' }), 'fail', /model-validate \(nightly\): verdict fail/);
  });

  void test('field bounds', async () => {
    assertStatus(await check({ type: 'gate', report: 'perf-gate', field: 'details.score', min: 80 }), 'pass', /details\.score = 87 \(min 80\)/);
    assertStatus(await check({ type: 'gate', report: 'perf-gate', field: 'details.score', min: 90 }), 'fail', /expected at least 90/);
    assertStatus(await check({ type: 'gate', report: 'perf-gate', field: 'details.score', max: 50 }), 'fail', /expected at most 50/);
    assertStatus(await check({ type: 'gate', report: 'perf-gate', field: 'details.score', equals: 87 }), 'pass');
    assertStatus(await check({ type: 'gate', report: 'perf-gate', field: 'details.nope', min: 1 }), 'inconclusive', /not in the report/);
  });

  void test('missing or unreadable report is inconclusive', async () => {
    assertStatus(await check({ type: 'gate', report: 'chaos-run' }), 'inconclusive', /no report at shipgate-report\/chaos-run\/report\.json/);
    assertStatus(await check({ type: 'gate', report: 'garbage.json' }), 'inconclusive', /not valid JSON/);
  });
});

void describe('approval probe', () => {
  type Call = { route: string; params: Record<string, unknown> };

  function review(login: string, state: string): object {
    return { id: Math.floor(Math.random() * 1e9), user: { login, type: 'User' }, state, submitted_at: '2026-01-01T00:00:00Z', body: '' };
  }

  function fakeGitHub(reviews: object[], members: Record<string, Record<string, 'active' | 'pending'>> = {}, failMembership?: number) {
    const calls: Call[] = [];
    const request = (route: string, params: Record<string, unknown>): Promise<{ data: unknown }> => {
      calls.push({ route, params });
      if (route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews') {
        assert.equal(params.owner, 'acme');
        assert.equal(params.repo, 'svc');
        assert.equal(params.pull_number, 42);
        const perPage = Number(params.per_page);
        const page = Number(params.page);
        return Promise.resolve({ data: reviews.slice((page - 1) * perPage, page * perPage) });
      }
      if (route === 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}') {
        if (failMembership !== undefined) return Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: failMembership }));
        const state = members[`${String(params.org)}/${String(params.team_slug)}`]?.[String(params.username)];
        if (state === undefined) return Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }));
        return Promise.resolve({ data: { state, role: 'member' } });
      }
      return Promise.reject(new Error(`unexpected route ${route}`));
    };
    return { github: { request, owner: 'acme', repo: 'svc', pullRequest: 42 }, calls };
  }

  const reviews = [
    review('alice', 'APPROVED'),
    review('bob', 'APPROVED'),
    review('bob', 'CHANGES_REQUESTED'),
    review('carol', 'APPROVED'),
    review('carol', 'DISMISSED'),
    review('dave', 'APPROVED'),
    review('dave', 'COMMENTED'),
  ];

  void test('the latest review per user counts; comments do not revoke an approval', async () => {
    const { github } = fakeGitHub(reviews);
    assertStatus(await check({ type: 'approval', users: ['alice'] }, { github }), 'pass', /approved by alice/);
    assertStatus(await check({ type: 'approval', users: ['Dave'] }, { github }), 'pass', /approved by dave/);
    assertStatus(await check({ type: 'approval', users: ['bob'] }, { github }), 'fail', /no approval from bob \(approved by alice, dave\)/);
    assertStatus(await check({ type: 'approval', users: ['carol', 'bob'] }, { github }), 'fail');
    assertStatus(await check({ type: 'approval' }, { github }), 'pass');
    assertStatus(await check({ type: 'approval' }, { github: fakeGitHub([review('x', 'COMMENTED')]).github }), 'fail', /no approving review/);
  });

  void test('an approval by an active team member counts', async () => {
    const { github, calls } = fakeGitHub(reviews, { 'acme/sre': { dave: 'active' }, 'acme/dba': { alice: 'pending' } });
    assertStatus(await check({ type: 'approval', teams: ['acme/sre'] }, { github }), 'pass', /approved by dave \(member of acme\/sre\)/);
    const membership = calls.filter((c) => c.route.includes('memberships'));
    assert.ok(membership.some((c) => c.params.org === 'acme' && c.params.team_slug === 'sre' && c.params.username === 'dave'));
    assertStatus(await check({ type: 'approval', teams: ['acme/dba'] }, { github }), 'fail', /no approval from a member of acme\/dba/);
    assertStatus(await check({ type: 'approval', users: ['bob'], teams: ['acme/sre'] }, { github }), 'pass');
  });

  void test('reads every page of reviews', async () => {
    const many = [...Array.from({ length: 100 }, (_, i) => review(`user${i}`, 'COMMENTED')), review('zed', 'APPROVED')];
    const { github, calls } = fakeGitHub(many);
    assertStatus(await check({ type: 'approval', users: ['zed'] }, { github }), 'pass');
    assert.deepEqual(
      calls.map((c) => c.params.page),
      [1, 2],
    );
  });

  void test('without GitHub access or a pull request it is inconclusive; API errors too', async () => {
    assertStatus(await check({ type: 'approval', users: ['alice'] }), 'inconclusive', /no GitHub access/);
    const { github } = fakeGitHub(reviews);
    assertStatus(await check({ type: 'approval', users: ['alice'] }, { github: { ...github, pullRequest: undefined } }), 'inconclusive', /not for a pull request/);
    const denied = fakeGitHub(reviews, {}, 403).github;
    assertStatus(await check({ type: 'approval', teams: ['acme/sre'] }, { github: denied }), 'inconclusive', /HTTP 403/);
    const broken = { ...github, request: () => Promise.reject(Object.assign(new Error('Bad credentials'), { status: 401 })) };
    assertStatus(await check({ type: 'approval' }, { github: broken }), 'inconclusive', /cannot list the reviews .*HTTP 401: Bad credentials/);
  });
});

void describe('manual probe', () => {
  void test('signed off, not signed off, ticked without owner', async () => {
    assertStatus(await check({ type: 'manual', checked: true, by: 'alice' }), 'pass', /signed off by alice/);
    assertStatus(await check({ type: 'manual', checked: false, by: 'alice' }), 'fail', /not signed off/);
    assertStatus(await check({ type: 'manual' }), 'fail', /not signed off/);
    assertStatus(await check({ type: 'manual', checked: true }), 'inconclusive', /ticked without a named owner/);
  });
});

void describe('validate', () => {
  const where = { file: 'readiness.yml', line: 12, field: 'sections[0].items[1].checks[0]' };

  function rejects(spec: CheckSpec, message: RegExp, field?: string): void {
    assert.throws(
      () => validateCheck(spec, where),
      (e: unknown) => {
        assert.ok(e instanceof ConfigurationError, `not a ConfigurationError: ${String(e)}`);
        assert.match(e.message, /^readiness\.yml:12: /);
        assert.match(e.message, message);
        assert.deepEqual(e.location, { file: 'readiness.yml', line: 12 });
        if (field !== undefined) assert.equal(e.field, `${where.field}.${field}`);
        return true;
      },
    );
  }

  void test('accepts good specs', () => {
    const good: CheckSpec[] = [
      { type: 'command', run: 'make check', expect_exit: 0, expect_output: 'ok', timeout: 30, retries: 2, retry_delay: 5, name: 'unit' },
      { type: 'command', run: ['npm', 'test'] },
      { type: 'tcp', host: 'db.internal', port: 5432 },
      { type: 'http', url: 'https://x.example/health', status: [200, 204], json_path: '$.status', equals: 'ok', headers: { Authorization: 'Bearer x' } },
      { type: 'file', glob: 'migrations/*.sql', min_count: 1, max_count: 50 },
      { type: 'redis', info_field: 'replication:role', equals: 'master' },
      { type: 'postgres', user: 'app', password: 'x', database: 'app' },
      { type: 'prometheus', url: 'http://127.0.0.1:9090', query: 'up', expect: '>= 1' },
      { type: 'prometheus', url: 'http://127.0.0.1:9090', query: 'ALERTS', expect: 'empty' },
      { type: 'gate', report: 'perf-gate', verdict: ['pass'], field: 'details.score', min: 0.5 },
      { type: 'approval', users: ['octocat', 'dependabot[bot]'], teams: ['acme/sre'] },
      { type: 'manual', checked: true, by: 'alice' },
      { type: 'service', service: 'kafka', port: 19092 },
    ];
    for (const spec of good) assert.doesNotThrow(() => validateCheck(spec, where), JSON.stringify(spec));
  });

  void test('names the file, line, field and what to do', () => {
    rejects({ type: 'tcp', host: '127.0.0.1', port: '6379' }, /\.port: must be a port number from 1 to 65535 \(got "6379"\)\. Remove the quotes\./, 'port');
    rejects({ type: 'tcp', host: '127.0.0.1' }, /needs `port`.*Add `port`\./);
    rejects({ type: 'command' }, /needs `run`/);
    rejects({ type: 'command', run: 'x', expect_exti: 1 }, /unknown field .*Did you mean `expect_exit`\?/, 'expect_exti');
    rejects({ type: 'comand', run: 'x' }, /unknown check type "comand".*Did you mean `command`\?/, 'type');
    rejects({ type: 'command', run: 'x', expect_output: '(' }, /expect_output: is not a valid regular expression/, 'expect_output');
    rejects({ type: 'command', run: 'x', timeout: 0 }, /timeout: must be a number of seconds above 0/, 'timeout');
    rejects({ type: 'command', run: 'x', retries: 1.5 }, /retries: must be a whole number/, 'retries');
    rejects({ type: 'http', url: 'ftp://x' }, /url: must be an http:\/\/ or https:\/\/ URL/, 'url');
    rejects({ type: 'http', url: 'http://x', status: 700 }, /status: must be an HTTP status code/, 'status');
    rejects({ type: 'http', url: 'http://x', equals: 'ok' }, /`equals` compares `json_path`, which is missing.*Add `json_path`/);
    rejects({ type: 'http', url: 'http://x', json_path: 'a..b' }, /json_path: is not a simple path/, 'json_path');
    rejects({ type: 'file', path: '../secrets' }, /path: must stay inside the repository/, 'path');
    rejects({ type: 'file', path: '/etc/passwd' }, /path: must be a path relative to the repository root/, 'path');
    rejects({ type: 'file', path: 'a', min_count: 1 }, /min_count: only applies to `glob`/, 'min_count');
    rejects({ type: 'file', path: 'a', exists: false, contains: 'x' }, /cannot be checked with `exists: false`/, 'contains');
    rejects({ type: 'redis', info_field: 'role' }, /info_field: must be `section:field`/, 'info_field');
    rejects({ type: 'prometheus', url: 'http://p:9090', query: 'up', expect: 'equals 1' }, /expect: must be a comparison like "== 1"/, 'expect');
    rejects({ type: 'gate', report: 'perf-gate', verdict: 'green' }, /verdict: must be one of: pass, warn, fail, inconclusive, error/, 'verdict');
    rejects({ type: 'approval', teams: ['sre'] }, /teams\[0\]: must be a team as `org\/team-slug`/, 'teams[0]');
    rejects({ type: 'manual', checked: 'yes' }, /checked: must be true or false/, 'checked');
    rejects({ type: 'service', service: 'reddis' }, /service: must be one of: redis, .*Did you mean `redis`\?/, 'service');
  });

  void test('runCheck reports an invalid spec as inconclusive instead of throwing', async () => {
    const e = await check({ type: 'tcp', host: '127.0.0.1', port: 'x' });
    assertStatus(e, 'inconclusive', /invalid check: tcp\.port|invalid check: port/);
  });
});
