import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError } from '../../../src/core/errors.js';
import { checkSet, type Op, parseHistory } from '../../../src/gates/chaos-run/integrity.js';
import { BuiltinWorkload } from '../../../src/gates/chaos-run/workloads.js';

const SERVER = path.resolve(import.meta.dirname, '../../../examples/service/server.mjs');
const REDIS = '/usr/bin/redis-server';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'shipgate-workloads-'));
const children = new Set<ChildProcess>();

after(async () => {
  for (const c of children) await kill9(c);
  rmSync(tmp, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function kill9(c: ChildProcess): Promise<void> {
  children.delete(c);
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = once(c, 'exit');
  c.kill('SIGKILL');
  await exited;
}

/** examples/service/server.mjs on 127.0.0.1; resolves with its port once it prints "listening <port>". */
async function startKv(dataDir: string, port = 0): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SERVER, '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let out = '';
  child.stdout?.setEncoding('utf8');
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening (\d+)/.exec(out);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  return { child, port: await listening };
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on ${port} after ${timeoutMs} ms`);
    await delay(25);
  }
}

async function startRedis(dir: string, port: number, persistent: boolean): Promise<ChildProcess> {
  const persistence = persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawn(REDIS, ['--save', '', ...persistence, '--dir', dir, '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
  children.add(child);
  await waitForPort(port);
  return child;
}

function history(file: string): Op[] {
  return parseHistory(readFileSync(file, 'utf8'), file).ops;
}

/** Elements acknowledged (ok) whose invoke happened in [from, to) by the `time` field. */
function ackedBetween(ops: readonly Op[], from: number, to: number): number {
  const invokedAt = new Map<unknown, number>();
  let n = 0;
  for (const op of ops) {
    if (op.f !== 'add') continue;
    if (op.type === 'invoke') invokedAt.set(op.value, op.time);
    else if (op.type === 'ok') {
      const t = invokedAt.get(op.value) ?? -1;
      if (t >= from && t < to) n++;
    }
  }
  return n;
}

void describe('http-kv workload', () => {
  test('writes at the configured rate and loses nothing on a healthy service', async () => {
    const data = mkdtempSync(path.join(tmp, 'kv-'));
    const { child, port } = await startKv(data);
    const file = path.join(tmp, 'http-healthy', 'history.jsonl');
    const w = await BuiltinWorkload.start({ type: 'http-kv', url: `http://127.0.0.1:${port}/`, rate: 100, clients: 4 }, { historyFile: file, keyPrefix: 'h1:' });
    await delay(1000);
    await w.stopWrites();
    await w.finalRead();
    await w.close();
    await kill9(child);

    const stats = w.stats;
    assert.ok(stats.ok >= 50 && stats.ok <= 130, `about 100 acknowledged writes in 1 s, got ${stats.ok}`);
    assert.equal(stats.fail, 0);
    assert.equal(stats.invoked, stats.ok + stats.fail + stats.info);
    const ops = history(file);
    const r = checkSet(ops);
    assert.equal(r.hasFinalRead, true);
    assert.equal(r.lost, 0);
    assert.equal(r.unexpected, 0);
    assert.equal(r.acknowledged, stats.ok);
    assert.deepEqual(new Set(ops.filter((o) => o.f === 'add').map((o) => o.process)), new Set([0, 1, 2, 3]));
    const read = ops.at(-1) as Op;
    assert.equal(read.process, 'final');
    assert.equal(read.type, 'ok');
    // The value written is the element number.
    assert.equal(readFileSync(path.join(data, 'kv.log'), 'utf8').split('\n')[0], JSON.stringify({ k: 'h1:0', v: '0' }));
  });

  test('kill -9 and restart: fails recorded during the outage, acknowledged writes survive (fsync)', async () => {
    const data = mkdtempSync(path.join(tmp, 'kv-'));
    const first = await startKv(data);
    const port = first.port;
    const file = path.join(tmp, 'http-kill', 'history.jsonl');
    const w = await BuiltinWorkload.start({ type: 'http-kv', url: `http://127.0.0.1:${port}`, rate: 100, clients: 4 }, { historyFile: file, keyPrefix: 'h2:' });
    await delay(700);
    await kill9(first.child);
    const killedAt = Date.now();
    await delay(500);
    const during = w.stats;
    const second = await startKv(data, port);
    const restartedAt = Date.now();
    await delay(700);
    await w.stopWrites();
    await w.finalRead();
    await w.close();
    await kill9(second.child);

    assert.ok(during.fail + during.info > 10, `writes failed while the service was down: ${JSON.stringify(during)}`);
    const ops = history(file);
    const r = checkSet(ops);
    assert.equal(r.hasFinalRead, true);
    assert.equal(r.lost, 0, `lost: ${JSON.stringify(r.lostIds)}`);
    assert.equal(r.unexpected, 0);
    assert.ok(ackedBetween(ops, 0, killedAt) > 20, 'writes acknowledged before the kill');
    assert.ok(ackedBetween(ops, restartedAt, Infinity) > 20, 'writes acknowledged after the restart');
    const failed = ops.filter((o) => o.type === 'fail' && o.f === 'add');
    assert.ok(failed.length > 0 && failed.every((o) => o.time >= killedAt - 50), 'refused writes are fails, all during the outage');
  });

  test('a missing url is a ConfigurationError naming the field', async () => {
    await assert.rejects(
      BuiltinWorkload.start({ type: 'http-kv', rate: 10, clients: 1 }, { historyFile: path.join(tmp, 'x.jsonl'), keyPrefix: 'x:' }),
      (e: unknown) => e instanceof ConfigurationError && e.field === 'workload.builtin.url',
    );
  });

  test('final read against a dead service records a failed read after its timeout', async () => {
    const port = await freePort();
    const file = path.join(tmp, 'http-dead', 'history.jsonl');
    const w = await BuiltinWorkload.start({ type: 'http-kv', url: `http://127.0.0.1:${port}`, rate: 50, clients: 2 }, { historyFile: file, keyPrefix: 'd:' });
    await delay(200);
    await w.stopWrites();
    assert.ok(w.stats.fail > 0 && w.stats.ok === 0, `every write refused: ${JSON.stringify(w.stats)}`);
    const t = Date.now();
    await w.finalRead({ timeoutMs: 300 });
    assert.ok(Date.now() - t < 3000);
    await w.close();
    const ops = history(file);
    assert.deepEqual(
      ops.slice(-2).map((o) => [o.type, o.f, o.process]),
      [
        ['invoke', 'read', 'final'],
        ['fail', 'read', 'final'],
      ],
    );
    assert.equal(checkSet(ops).hasFinalRead, false);
  });
});

void describe('redis-kv workload', { skip: existsSync(REDIS) ? false : `${REDIS} is not installed` }, () => {
  test('appendfsync always: kill -9 and restart loses no acknowledged write', async () => {
    const dir = mkdtempSync(path.join(tmp, 'redis-'));
    const port = await freePort();
    const first = await startRedis(dir, port, true);
    const file = path.join(tmp, 'redis-aof', 'history.jsonl');
    const w = await BuiltinWorkload.start({ type: 'redis-kv', port, rate: 100, clients: 4 }, { historyFile: file, keyPrefix: 'r1:' });
    await delay(700);
    await kill9(first);
    await delay(400);
    const during = w.stats;
    const second = await startRedis(dir, port, true);
    await delay(700);
    await w.stopWrites();
    await w.finalRead();
    await w.close();
    await kill9(second);

    assert.ok(during.fail + during.info > 5, `writes failed while redis was down: ${JSON.stringify(during)}`);
    const r = checkSet(history(file));
    assert.equal(r.hasFinalRead, true);
    assert.ok(r.acknowledged > 60, `acknowledged ${r.acknowledged}`);
    assert.equal(r.lost, 0, `lost: ${JSON.stringify(r.lostIds)}`);
    assert.equal(r.unexpected, 0);
  });

  test('no persistence: kill -9 loses exactly the writes acknowledged before the kill', async () => {
    const dir = mkdtempSync(path.join(tmp, 'redis-'));
    const port = await freePort();
    const first = await startRedis(dir, port, false);
    const file = path.join(tmp, 'redis-volatile', 'history.jsonl');
    const w = await BuiltinWorkload.start({ type: 'redis-kv', host: '127.0.0.1', port, rate: 100, clients: 4 }, { historyFile: file, keyPrefix: 'r2:' });
    await delay(700);
    const beforeKill = Date.now();
    await kill9(first);
    const afterKill = Date.now();
    await delay(400);
    const second = await startRedis(dir, port, false);
    await delay(700);
    await w.finalRead();
    await w.close();
    await kill9(second);

    const ops = history(file);
    const r = checkSet(ops);
    assert.equal(r.hasFinalRead, true);
    const low = ackedBetween(ops, 0, beforeKill);
    const high = ackedBetween(ops, 0, afterKill + 1);
    assert.ok(low > 20, `writes acknowledged before the kill: ${low}`);
    assert.ok(r.lost >= low && r.lost <= high, `lost ${r.lost}, expected the ${low}–${high} acknowledged before the kill`);
    assert.ok(r.acknowledged > r.lost, 'writes after the restart were acknowledged and kept');
    assert.equal(r.unexpected, 0);
  });
});
