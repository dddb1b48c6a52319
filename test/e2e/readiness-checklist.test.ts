/**
 * readiness-checklist end to end: the shipped action proves a checklist with live probes (an HTTP server and a
 * closed port on loopback, commands), as the runner runs it, against the loopback GitHub API; a fork PR runs only
 * the base branch's command checks.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent, type EventFixture } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { GitHubApiServer } from './servers/github-api.js';

const OWNER = 'acme';
const REPO = 'service';
const TOKEN = 'ghs_readiness000000000000000000000000000';
const sha = (n: number) => n.toString(16).padStart(40, 'e');

let api: GitHubApiServer;
let http: Server;
let httpPort = 0;
let closedPort = 0;
const temps: string[] = [];

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

function checklist(opts: { healthPath?: string; waiverExpires?: string; command?: string } = {}): string {
  return `version: 1
name: service
sections:
  - title: Runtime
    items:
      - id: health
        title: Health endpoint answers
        priority: critical
        owner: SRE
        checks:
          - type: http
            url: http://127.0.0.1:${httpPort}${opts.healthPath ?? '/health'}
            status: 200
            json_path: $.status
            equals: ok
      - id: cache
        title: Cache reachable
        priority: high
        owner: platform
        checks:
          - { type: tcp, host: 127.0.0.1, port: ${closedPort} }
      - id: smoke
        title: Smoke script passes
        priority: medium
        owner: QA
        checks:
          - type: command
            run: ${JSON.stringify(opts.command ?? 'echo smoke ok')}
            expect_output: smoke ok
waivers:
  - { id: cache, reason: "cache lands next sprint", owner: platform, ticket: OPS-9, expires: ${opts.waiverExpires ?? '2099-12-31'} }
`;
}

async function workspace(text: string): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-ready-'));
  temps.push(ws);
  await writeFile(path.join(ws, 'readiness.yml'), text);
  return ws;
}

function prEvent(n: number, extra: { fork?: boolean; baseSha?: string; headSha?: string } = {}): EventFixture {
  return pullRequestEvent({ owner: OWNER, repo: REPO, number: n, headSha: extra.headSha ?? sha(n), baseSha: extra.baseSha ?? sha(900 + n), headRef: `r${n}`, baseRef: 'main', ...(extra.fork ? { fork: true, author: 'outsider' } : {}) });
}

async function readiness(ws: string, event: EventFixture, inputs: Record<string, string> = {}) {
  return runAction({
    actionDir: path.join(repoRoot, 'actions', 'readiness-checklist'),
    workspace: ws,
    event,
    token: TOKEN,
    inputs: { name: 'svc', artifact: 'false', ...inputs },
    env: { GITHUB_API_URL: api.url },
    timeoutMs: 60_000,
  });
}

interface ReadinessReport {
  details: { items: { id: string; status: string; priority: string; reason?: string; checks: { summary: string; output?: string }[] }[]; score: number; level: string | null; trust?: string[] };
}

describe('readiness-checklist end to end', { concurrency: false }, () => {
  before(async () => {
    api = await GitHubApiServer.start({ owner: OWNER, repo: REPO });
    api.addToken(TOKEN, { kind: 'installation' });
    for (const n of [1, 2, 3, 4]) api.addPullRequest({ number: n, headSha: sha(n), baseSha: sha(900 + n) });
    http = createServer((req, res) => {
      if (req.url === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      } else {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"status":"degraded"}');
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    httpPort = (http.address() as { port: number }).port;
    closedPort = await freePort();
  });
  after(async () => {
    await new Promise<void>((resolve) => http?.close(() => resolve()));
    await api?.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  test('everything proven or waived passes, with the waiver listed', async () => {
    const ws = await workspace(checklist());
    const res = await readiness(ws, prEvent(1));
    assert.equal(res.main.exitCode, 0, res.main.stdout + res.main.stderr);
    assert.equal(res.outputs.verdict, 'warn', 'an active waiver makes the check neutral');
    assert.equal(res.outputs['failed-critical'], '0');
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as ReadinessReport;
    const byId = new Map(report.details.items.map((i) => [i.id, i]));
    assert.equal(byId.get('health')?.status, 'pass');
    assert.equal(byId.get('cache')?.status, 'waived');
    assert.equal(byId.get('smoke')?.status, 'pass');
    const comment = api.comments(1).find((c) => c.body.includes('shipgate:readiness-checklist:svc'));
    assert.match(comment?.body ?? '', /### Waivers/);
    assert.match(comment?.body ?? '', /OPS-9/);
  });

  test('a failing critical item fails the check with an annotation on the item\'s line', async () => {
    const ws = await workspace(checklist({ healthPath: '/degraded' }));
    const res = await readiness(ws, prEvent(2));
    assert.equal(res.main.exitCode, 1, res.main.stdout);
    assert.equal(res.outputs.verdict, 'fail');
    assert.equal(res.outputs['failed-critical'], '1');
    const check = api.checkRuns().find((c) => c.head_sha === sha(2));
    assert.equal(check?.name, 'shipgate/readiness-checklist (svc)');
    assert.equal(check?.conclusion, 'failure');
    const annotation = check?.annotations.find((a) => a.path === 'readiness.yml' && /Health endpoint|health/.test(`${a.title ?? ''} ${a.message}`));
    assert.equal(annotation?.start_line, 6, 'the `- id: health` line');
    assert.equal(annotation?.annotation_level, 'failure');
    const comment = api.comments(2).find((c) => c.body.includes('shipgate:readiness-checklist:svc'));
    assert.match(comment?.body ?? '', /Failing critical items \\\(1\\\)/);
    assert.match(comment?.body ?? '', /503/);
  });

  test('an expired waiver fails its item', async () => {
    const ws = await workspace(checklist({ waiverExpires: '2020-01-31' }));
    const res = await readiness(ws, prEvent(3));
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as ReadinessReport;
    const cache = report.details.items.find((i) => i.id === 'cache');
    assert.equal(cache?.status, 'fail');
    assert.match(cache?.reason ?? '', /expired/);
    assert.equal(res.outputs.verdict, 'warn', 'a failing high (not critical) item warns');
  });

  test('a fork PR runs only the base branch\'s command checks', async () => {
    // A repository whose base commit has the harmless command and whose head (the fork's change) a hostile one.
    const ws = await workspace(checklist());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).toString().trim();
    git('init', '-q', '-b', 'main');
    git('add', 'readiness.yml');
    git('commit', '-q', '-m', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    await writeFile(path.join(ws, 'readiness.yml'), checklist({ command: 'touch pwned; echo smoke ok' }));
    git('commit', '-q', '-am', 'fork change');
    const headSha = git('rev-parse', 'HEAD');
    api.addPullRequest({ number: 4, headSha, baseSha });
    const res = await readiness(ws, prEvent(4, { fork: true, baseSha, headSha }));
    assert.equal(existsSync(path.join(ws, 'pwned')), false, 'the fork\'s command never ran');
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as ReadinessReport;
    assert.ok(report.details.trust?.some((n) => /fork/i.test(n)), `trust notes: ${report.details.trust?.join(' | ')}`);
    const smoke = report.details.items.find((i) => i.id === 'smoke');
    assert.equal(smoke?.status, 'pass', 'the base branch\'s command ran instead');
    assert.match(res.summary, /fork/i, 'the report says so');
  });
});
