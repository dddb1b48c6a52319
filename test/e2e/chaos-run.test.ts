/**
 * chaos-run end to end: the shipped action, run as the runner runs it (main, then post), against the loopback
 * GitHub API; real redis-server from Debian as the system under test; real faults (stress-ng, faketime, the TCP
 * proxy, tc tbf in a network namespace this test creates). Covers: lost acknowledged writes fail the check with the
 * count in the comment; appendfsync always loses nothing; SIGKILL mid-experiment + post leaves nothing behind; a
 * watchdog deadline with no post step leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Ledger } from '../../src/gates/chaos-run/ledger.js';
import { repoRoot } from './fixture-action.js';
import { pullRequestEvent, pushEvent } from './runner/events.js';
import { runAction } from './runner/run-action.js';
import { GitHubApiServer } from './servers/github-api.js';
import { freePort, skipUnless } from './servers/local-services.js';

const OWNER = 'acme';
const REPO = 'widgets';
const TOKEN = 'ghs_chaosrun00000000000000000000000000000';
const sha = (n: number) => n.toString(16).padStart(40, 'c');
const noRedis = skipUnless('/usr/bin/redis-server');
const temps: string[] = [];
let api: GitHubApiServer;

function has(bin: string, args: string[]): boolean {
  try {
    execFileSync(bin, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function workspace(): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'sg-chaos-'));
  temps.push(ws);
  return ws;
}

/** Command lines of every live process, by pid. */
async function processes(): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      if (/\) [ZX] /.test(stat)) continue;
      out.set(Number(name), (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim());
    } catch {
      // gone
    }
  }
  return out;
}

async function matching(re: RegExp): Promise<number[]> {
  return [...(await processes())].filter(([, cmd]) => re.test(cmd)).map(([pid]) => pid);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function redisTarget(port: number, dir: string, durable: boolean): string[] {
  const persistence = durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return ['/usr/bin/redis-server', '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence, '--daemonize', 'no'];
}

function redisExperiment(port: number, dir: string, durable: boolean): string {
  return `${[
    'version: 1',
    `title: redis ${durable ? 'appendfsync always' : 'without persistence'} killed mid-write`,
    'target:',
    `  command: ${JSON.stringify(redisTarget(port, dir, durable))}`,
    `  ready: { type: tcp, port: ${port} }`,
    '  ready_timeout: 15',
    'workload:',
    `  builtin: { type: redis-kv, port: ${port}, rate: 200, clients: 4 }`,
    'steady_state:',
    '  interval_ms: 100',
    `  probes: [{ name: redis, type: tcp, port: ${port} }]`,
    'faults:',
    '  - { id: kill-redis, type: process-kill, start: 1.5, signal: SIGKILL, restart: true }',
    'integrity:',
    '  - { type: set }',
    'limits: { max_duration: 60, recovery: 10 }',
  ].join('\n')}\n`;
}

async function chaosRun(ws: string, event: ReturnType<typeof pushEvent>, inputs: Record<string, string>, extra: { env?: Record<string, string>; cancelAfterMs?: number; cancelTimings?: { sigtermAfterMs: number; killAfterMs: number } } = {}) {
  return runAction({
    actionDir: path.join(repoRoot, 'actions', 'chaos-run'),
    workspace: ws,
    event,
    token: TOKEN,
    inputs: { experiment: 'exp.yml', name: 'e2e', artifact: 'false', 'ledger-dir': path.join(ws, 'ledger'), ...inputs },
    env: { GITHUB_API_URL: api.url, ...extra.env },
    timeoutMs: 120_000,
    ...(extra.cancelAfterMs === undefined ? {} : { cancelAfterMs: extra.cancelAfterMs }),
    ...(extra.cancelTimings ? { cancelTimings: extra.cancelTimings } : {}),
  });
}

describe('chaos-run end to end', { concurrency: false }, () => {
  before(async () => {
    api = await GitHubApiServer.start({ owner: OWNER, repo: REPO });
    api.addToken(TOKEN, { kind: 'installation' });
    api.addPullRequest({ number: 1, headSha: sha(1), baseSha: sha(901) });
  });
  after(async () => {
    await api?.stop();
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  test('redis without persistence killed mid-write: the lost writes fail the check, with the count in the comment', { skip: noRedis }, async () => {
    const ws = await workspace();
    const port = await freePort();
    await writeFile(path.join(ws, 'exp.yml'), redisExperiment(port, ws, false));
    const pr = pullRequestEvent({ owner: OWNER, repo: REPO, number: 1, headSha: sha(1), baseSha: sha(901), headRef: 'f1', baseRef: 'main' });
    const res = await chaosRun(ws, pr, {});
    assert.equal(res.outputs.verdict, 'fail', res.main.stdout + res.main.stderr);
    assert.equal(res.main.exitCode, 1);
    const lost = Number(res.outputs.lost);
    assert.ok(lost > 0, `lost ${res.outputs.lost}`);
    const comment = api.comments(1).find((c) => c.body.includes('shipgate:chaos-run:e2e'));
    assert.ok(comment, 'a sticky comment');
    assert.match(comment.body, new RegExp(`\\| integrity \\| fail \\| ${lost} lost,`));
    const check = api.checkRuns().find((c) => c.head_sha === sha(1));
    assert.equal(check?.name, 'shipgate/chaos-run (e2e)');
    assert.equal(check?.conclusion, 'failure');
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as {
      details: { faults: { id: string; type: string; verified: boolean; reverted: boolean }[]; integrity: { lost: number; unexpected: number; duplicated: number; recovered: number }; recovery: { maxSeconds: number | null } };
    };
    assert.deepEqual(report.details.faults.map((f) => [f.id, f.type, f.verified, f.reverted]), [['kill-redis', 'process-kill', true, true]]);
    assert.equal(report.details.integrity.lost, lost);
    assert.equal(report.details.integrity.unexpected, 0);
    assert.ok((report.details.recovery.maxSeconds ?? 99) < 10, 'redis came back within the bound');
    assert.deepEqual(await matching(new RegExp(`redis-server .*:${port}\\b`)), [], 'the target is stopped at the end');
    for (const f of ['journal.json', 'timeline.svg', 'history.jsonl', 'junit.xml']) await readFile(path.join(ws, 'shipgate-report', 'chaos-run', f));
  });

  test('redis with appendfsync always killed mid-write: no acknowledged write is lost', { skip: noRedis }, async () => {
    const ws = await workspace();
    const port = await freePort();
    await writeFile(path.join(ws, 'exp.yml'), redisExperiment(port, ws, true));
    const push = pushEvent({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', sha: sha(2), before: sha(3), defaultBranch: 'main' });
    const res = await chaosRun(ws, push, {});
    assert.equal(res.outputs.verdict, 'pass', res.main.stdout + res.main.stderr);
    assert.equal(res.outputs.lost, '0');
    assert.ok(Number(res.outputs['recovery-seconds']) >= 0);
    const report = JSON.parse(await readFile(path.join(ws, res.outputs['report-path'] ?? ''), 'utf8')) as { details: { integrity: { checks: { summary: string }[] }; workload: { ok: number } } };
    assert.ok(report.details.workload.ok > 100, `acknowledged writes: ${report.details.workload.ok}`);
    assert.match(report.details.integrity.checks[0]?.summary ?? '', /^\d+ acknowledged, 0 lost/);
  });

  describe('nothing is left behind', () => {
    const nsName = `sgt-e2e-${process.pid}`;
    const sub = `10.253.${(process.pid % 200) + 20}`;
    let netns = false;
    before(() => {
      if (process.getuid?.() !== 0 || !has('ip', ['-V']) || !has('tc', ['-V'])) return;
      try {
        execFileSync('ip', ['netns', 'add', nsName], { stdio: 'ignore' });
        execFileSync('ip', ['link', 'add', `${nsName.slice(0, 9)}h`, 'type', 'veth', 'peer', 'name', `${nsName.slice(0, 9)}n`], { stdio: 'ignore' });
        execFileSync('ip', ['link', 'set', `${nsName.slice(0, 9)}n`, 'netns', nsName], { stdio: 'ignore' });
        execFileSync('ip', ['addr', 'add', `${sub}.1/24`, 'dev', `${nsName.slice(0, 9)}h`], { stdio: 'ignore' });
        execFileSync('ip', ['link', 'set', `${nsName.slice(0, 9)}h`, 'up'], { stdio: 'ignore' });
        execFileSync('ip', ['netns', 'exec', nsName, 'ip', 'addr', 'add', `${sub}.2/24`, 'dev', `${nsName.slice(0, 9)}n`], { stdio: 'ignore' });
        execFileSync('ip', ['netns', 'exec', nsName, 'ip', 'link', 'set', `${nsName.slice(0, 9)}n`, 'up'], { stdio: 'ignore' });
        netns = true;
      } catch {
        netns = false;
      }
    });
    after(() => {
      try {
        execFileSync('ip', ['link', 'del', `${nsName.slice(0, 9)}h`], { stdio: 'ignore' });
      } catch {
        // gone with the namespace
      }
      try {
        execFileSync('ip', ['netns', 'del', nsName], { stdio: 'ignore' });
      } catch {
        // never made
      }
    });
    const qdiscs = (): string => (netns ? execFileSync('ip', ['netns', 'exec', nsName, 'tc', 'qdisc', 'show', 'dev', `${nsName.slice(0, 9)}n`], { encoding: 'utf8' }) : '');

    async function faultyExperiment(ws: string, marker: number, opts: { proxyPort: number; targetPort: number; maxDuration: number; faultSeconds: number; pause?: boolean }): Promise<string> {
      const target = `require('http').createServer((q,s)=>s.end('ok')).listen(${opts.targetPort},'127.0.0.1')`;
      const faults = [
        `  - { id: burn, type: cpu-stress, start: 0.5, duration: ${opts.faultSeconds}, workers: 1 }`,
        `  - { id: skew, type: clock-skew, start: 0.5, duration: ${opts.faultSeconds}, offset: "+1h", command: [sleep, "${marker}"] }`,
        `  - { id: slow, type: tcp-proxy, start: 0.5, duration: ${opts.faultSeconds}, listen: ${opts.proxyPort}, upstream: "127.0.0.1:${opts.targetPort}", toxics: [{ type: latency, latency_ms: 100 }] }`,
        ...(opts.pause ? [`  - { id: freeze, type: process-pause, start: 0.5, duration: ${opts.faultSeconds} }`] : []),
        ...(netns ? [`  - { id: narrow, type: network-bandwidth, start: 0.5, duration: ${opts.faultSeconds}, namespace: ${nsName}, interface: ${nsName.slice(0, 9)}n, rate: 1mbit }`] : []),
      ];
      await writeFile(
        path.join(ws, 'exp.yml'),
        `${[
          'version: 1',
          'target:',
          `  command: [${JSON.stringify(process.execPath)}, -e, ${JSON.stringify(target)}, "${marker}"]`,
          `  ready: { type: tcp, port: ${opts.targetPort} }`,
          '  ready_timeout: 5',
          'steady_state:',
          '  interval_ms: 100',
          'faults:',
          ...faults,
          `limits: { max_duration: ${opts.maxDuration}, recovery: 1 }`,
        ].join('\n')}\n`,
      );
      return path.join(ws, 'exp.yml');
    }

    /** Polls until every fault of the experiment shows on the host; returns what it saw. */
    async function watchFaults(marker: number, proxyPort: number, ms: number): Promise<{ stress: boolean; skew: boolean; proxy: boolean; qdisc: boolean }> {
      const seen = { stress: false, skew: false, proxy: false, qdisc: false };
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const procs = [...(await processes()).values()];
        seen.stress ||= procs.some((c) => c.startsWith('stress-ng --cpu 1'));
        seen.skew ||= procs.some((c) => c === `sleep ${marker}`);
        seen.proxy ||= await connects(proxyPort);
        seen.qdisc ||= /qdisc tbf 5147:/.test(qdiscs());
        if (seen.stress && seen.skew && seen.proxy && (seen.qdisc || !netns)) break;
        await delay(100);
      }
      return seen;
    }

    async function assertNothingLeft(ws: string, marker: number, proxyPort: number): Promise<void> {
      const left = [...(await processes()).values()].filter((c) => c.includes(String(marker)) || c.startsWith('stress-ng --cpu 1 --timeout'));
      assert.deepEqual(left, [], 'no target, skewed process or stressor left');
      assert.equal(await connects(proxyPort), false, 'the proxy is gone');
      assert.doesNotMatch(qdiscs(), /5147:/, 'no qdisc of ours left in the namespace');
      const ledger = await Ledger.open(path.join(ws, 'ledger'), 'check');
      assert.deepEqual(await ledger.pending(), [], 'the ledger holds nothing');
    }

    test('SIGKILL of the action mid-experiment, then the post step: every fault is reverted', { skip: skipUnless('stress-ng') || skipUnless('faketime') }, async (t) => {
      if (!netns) t.diagnostic('no network namespace here (needs root and iproute2): the tc tbf fault is left out of this run');
      const ws = await workspace();
      const marker = 7000 + (process.pid % 1000);
      const [proxyPort, targetPort] = [await freePort(), await freePort()];
      await faultyExperiment(ws, marker, { proxyPort, targetPort, maxDuration: 60, faultSeconds: 40 });
      const push = pushEvent({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', sha: sha(4), before: sha(5), defaultBranch: 'main' });
      const watching = watchFaults(marker, proxyPort, 15_000);
      const res = await chaosRun(ws, push, {}, { cancelAfterMs: 6000, cancelTimings: { sigtermAfterMs: 1, killAfterMs: 1 } });
      const seen = await watching;
      assert.deepEqual(seen, { stress: true, skew: true, proxy: true, qdisc: netns }, 'every fault was in place before the kill');
      assert.equal(res.main.outcome, 'cancelled');
      assert.ok(res.post, 'the post step ran');
      assert.equal(res.post.exitCode, 0, res.post.stdout + res.post.stderr);
      // The post step starts at once; the watchdog would wait 2 s after main's death.
      assert.match(res.post.stdout, /chaos-run post: reverted what the run left behind: .*burn/, 'the post step did the reverting');
      await assertNothingLeft(ws, marker, proxyPort);
    });

    test('the watchdog reverts at its deadline when the action hangs and no post step runs', { skip: skipUnless('stress-ng') || skipUnless('faketime') }, async (t) => {
      if (!netns) t.diagnostic('no network namespace here (needs root and iproute2): the tc tbf fault is left out of this run');
      const ws = await workspace();
      const marker = 8000 + (process.pid % 1000);
      const [proxyPort, targetPort] = [await freePort(), await freePort()];
      const exp = await faultyExperiment(ws, marker, { proxyPort, targetPort, maxDuration: 5, faultSeconds: 4, pause: true });
      // The CLI, as a job step would run it; SIGSTOPped once every fault is in place: alive, but doing nothing.
      const cli = spawn(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'chaos-run', '--experiment', exp, '--ledger-dir', path.join(ws, 'ledger'), '--report-dir', path.join(ws, 'report')], {
        cwd: ws,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), SHIPGATE_CHAOS_WATCHDOG_MARGIN_MS: '0' },
      });
      const started = Date.now();
      try {
        const seen = await watchFaults(marker, proxyPort, 15_000);
        cli.kill('SIGSTOP');
        assert.deepEqual({ stress: seen.stress, skew: seen.skew, qdisc: seen.qdisc }, { stress: true, skew: true, qdisc: netns }, 'every fault was in place');
        // deadline: max_duration 5 + ready_timeout 5 + recovery 1 s after the start, margin 0
        const deadline = started + 11_000;
        await delay(Math.max(0, deadline - Date.now() - 1500));
        const before = [...(await processes()).values()].filter((c) => c === `sleep ${marker}`);
        assert.equal(before.length, 1, 'still skewed just before the deadline: only the watchdog can revert it');
        let left: string[] = before;
        for (let i = 0; i < 100 && left.length; i++) {
          await delay(100);
          left = [...(await processes()).values()].filter((c) => c.includes(String(marker)) || c.startsWith('stress-ng --cpu 1 --timeout'));
        }
        assert.deepEqual(left, [], 'the watchdog reverted everything after the deadline');
        assert.doesNotMatch(qdiscs(), /5147:/);
        const log = await readFile(path.join(ws, 'ledger', 'watchdog.log'), 'utf8');
        assert.match(log, /deadline/i);
      } finally {
        cli.kill('SIGKILL');
      }
      await assertNothingLeft(ws, marker, proxyPort);
    });
  });
});
