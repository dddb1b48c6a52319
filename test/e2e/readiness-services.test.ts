/**
 * The redis, postgres, prometheus and service probes against real servers started here on loopback
 * (test/e2e/servers/local-services.ts). A suite whose server binary is missing is skipped with the reason.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { runCheck } from '../../src/gates/readiness-checklist/probes/index.js';
import type { CheckSpec, Evidence, ProbeContext } from '../../src/gates/readiness-checklist/types.js';
import { type LocalService, type PostgresService, skipUnless, startMetricsServer, startPostgres, startPrometheus, startRedis } from './servers/local-services.js';

function ctx(): ProbeContext {
  return { workspace: tmpdir(), reportsDir: tmpdir(), signal: new AbortController().signal };
}

function check(spec: CheckSpec): Promise<Evidence> {
  return runCheck(spec, ctx());
}

function assertStatus(e: Evidence, status: Evidence['status'], summary?: RegExp): void {
  assert.equal(e.status, status, `expected ${status}, got ${e.status}: ${e.summary}`);
  if (summary !== undefined) assert.match(e.summary, summary);
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const address = s.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  s.close();
  await once(s, 'close');
  return port;
}

void describe('redis probe against redis-server', { skip: skipUnless('redis-server') }, () => {
  const password = 'redis-Secret-77';
  let redis: LocalService;
  let secured: LocalService;

  before(async () => {
    [redis, secured] = await Promise.all([startRedis(), startRedis({ password })]);
  });
  after(async () => {
    await Promise.all([redis?.stop(), secured?.stop()]);
  });

  void test('PING answers PONG', async () => {
    assertStatus(await check({ type: 'redis', host: '127.0.0.1', port: redis.port }), 'pass', new RegExp(`^redis 127\\.0\\.0\\.1:${redis.port}: PONG$`));
  });

  void test('INFO fields: server:redis_version matches, replication:role equals master', async () => {
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'server:redis_version', matches: '^\\d+\\.\\d+\\.\\d+$' }), 'pass', /server:redis_version = "\d+/);
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'replication:role', equals: 'master' }), 'pass', /replication:role = "master"/);
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'replication:role', equals: 'slave' }), 'fail', /replication:role = "master", expected "slave"/);
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'server:tcp_port', min: redis.port, max: redis.port }), 'pass');
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'clients:connected_clients', max: 0 }), 'fail', /expected at most 0/);
    assertStatus(await check({ type: 'redis', port: redis.port, info_field: 'server:no_such_field' }), 'fail', /not in INFO/);
  });

  void test('a wrong port fails with ECONNREFUSED', async () => {
    const e = await check({ type: 'redis', port: await closedPort() });
    assertStatus(e, 'fail', /ECONNREFUSED/);
    assert.ok(e.durationMs < 2000);
  });

  void test('a password-protected server: the right password passes, a wrong or missing one fails without showing it', async () => {
    assertStatus(await check({ type: 'redis', port: secured.port, password }), 'pass', /PONG/);
    const wrong = await check({ type: 'redis', port: secured.port, password: 'not-the-password' });
    assertStatus(wrong, 'fail', /WRONGPASS|invalid password/i);
    assert.doesNotMatch(wrong.summary, /not-the-password/);
    assertStatus(await check({ type: 'redis', port: secured.port }), 'fail', /NOAUTH/);
    // A password given to a server without one is ignored, as redis-cli does.
    assertStatus(await check({ type: 'redis', port: redis.port, password: 'unused-pw' }), 'pass');
  });

  void test('service shortcut', async () => {
    assertStatus(await check({ type: 'service', service: 'redis', port: redis.port }), 'pass', /PONG/);
  });
});

void describe('postgres probe against a local PostgreSQL cluster', { skip: skipUnless('postgres') || skipUnless('initdb') }, () => {
  const password = 'app-Pa55word-x';
  let scram: PostgresService;
  let md5: PostgresService;
  const savedUser = process.env.PGUSER;
  const savedPassword = process.env.PGPASSWORD;

  before(async () => {
    delete process.env.PGUSER;
    delete process.env.PGPASSWORD;
    [scram, md5] = await Promise.all([
      startPostgres({ users: [{ name: 'app', password }] }),
      startPostgres({ users: [{ name: 'app', password }], auth: 'md5' }),
    ]);
  });
  after(async () => {
    if (savedUser !== undefined) process.env.PGUSER = savedUser;
    if (savedPassword !== undefined) process.env.PGPASSWORD = savedPassword;
    await Promise.all([scram?.stop(), md5?.stop()]);
  });

  void test('SELECT 1 as the trusted superuser', async () => {
    assertStatus(await check({ type: 'postgres', host: '127.0.0.1', port: scram.port, user: 'postgres' }), 'pass', new RegExp(`postgres postgres@127\\.0\\.0\\.1:${scram.port}/postgres: SELECT 1 ok`));
  });

  for (const [label, cluster] of [
    ['scram-sha-256', () => scram],
    ['md5', () => md5],
  ] as const) {
    void test(`${label}: the right password passes; a wrong one fails with the server's message, never the password`, async () => {
      const { port } = cluster();
      assertStatus(await check({ type: 'postgres', port, user: 'app', password, database: 'postgres' }), 'pass');
      const wrongPassword = 'Wrong-Pa55-zz';
      const e = await check({ type: 'postgres', port, user: 'app', password: wrongPassword, database: 'postgres' });
      assertStatus(e, 'fail', /password authentication failed for user "app"/);
      assert.doesNotMatch(JSON.stringify(e), new RegExp(wrongPassword));
      assert.doesNotMatch(JSON.stringify(e), new RegExp(password));
      assertStatus(await check({ type: 'postgres', port, user: 'app', database: 'postgres' }), 'fail');
    });
  }

  void test('a missing database fails with the server message', async () => {
    assertStatus(await check({ type: 'postgres', port: scram.port, user: 'postgres', database: 'nope' }), 'fail', /database "nope" does not exist/);
  });

  void test('a wrong port fails with ECONNREFUSED', async () => {
    assertStatus(await check({ type: 'postgres', port: await closedPort(), user: 'postgres' }), 'fail', /ECONNREFUSED/);
  });

  void test('service shortcut (user postgres by default)', async () => {
    assertStatus(await check({ type: 'service', service: 'postgres', port: scram.port }), 'pass', /SELECT 1 ok/);
  });
});

void describe('prometheus probe against a local Prometheus', { skip: skipUnless('prometheus') }, () => {
  let target: LocalService & { url: string };
  let prometheus: LocalService;
  let url: string;

  before(async () => {
    target = await startMetricsServer(() => '# TYPE demo_queue_depth gauge\ndemo_queue_depth{queue="a"} 3\ndemo_queue_depth{queue="b"} 5\n');
    prometheus = await startPrometheus(`127.0.0.1:${target.port}`, { job: 't' });
    url = prometheus.url ?? '';
    // Scraped every second: wait for the first scrape through the probe itself, retrying.
    const ready = await check({ type: 'prometheus', url, query: 'up{job="t"}', expect: '== 1', retries: 40, retry_delay: 0.25, timeout: 2 });
    assert.equal(ready.status, 'pass', `target never scraped: ${ready.summary}`);
  });
  after(async () => {
    await prometheus?.stop();
    await target?.stop();
  });

  void test('up{job="t"} == 1 passes, == 0 fails', async () => {
    assertStatus(await check({ type: 'prometheus', url, query: 'up{job="t"}', expect: '== 1' }), 'pass', /^prometheus up\{job="t"\}: 1 series, all == 1 \(1\)$/);
    const e = await check({ type: 'prometheus', url, query: 'up{job="t"}', expect: '== 0' });
    assertStatus(e, 'fail', /= 1, expected == 0/);
    assert.match(e.output ?? '', /job="t"/);
  });

  void test('every series is compared', async () => {
    assertStatus(await check({ type: 'prometheus', url, query: 'demo_queue_depth', expect: '>= 3' }), 'pass', /2 series, all >= 3/);
    assertStatus(await check({ type: 'prometheus', url, query: 'demo_queue_depth', expect: '< 4' }), 'fail', /queue="b".*= 5, expected < 4/);
    assertStatus(await check({ type: 'prometheus', url, query: 'sum(demo_queue_depth)', expect: '== 8' }), 'pass');
    assertStatus(await check({ type: 'prometheus', url, query: 'scalar(sum(demo_queue_depth))', expect: '> 7.5' }), 'pass');
  });

  void test('empty and non-empty', async () => {
    assertStatus(await check({ type: 'prometheus', url, query: 'up{job="nope"}', expect: 'empty' }), 'pass', /no series, as expected/);
    assertStatus(await check({ type: 'prometheus', url, query: 'up{job="nope"}', expect: '== 1' }), 'fail', /no series; expected == 1/);
    assertStatus(await check({ type: 'prometheus', url, query: 'up{job="nope"}', expect: 'non-empty' }), 'fail');
    assertStatus(await check({ type: 'prometheus', url, query: 'up', expect: 'non-empty' }), 'pass');
  });

  void test('a bad query is inconclusive with the server error', async () => {
    assertStatus(await check({ type: 'prometheus', url, query: 'up{', expect: '== 1' }), 'inconclusive', /query failed: bad_data/);
  });

  void test('service shortcut: GET /-/healthy', async () => {
    assertStatus(await check({ type: 'service', service: 'prometheus', port: prometheus.port }), 'pass', /GET http:\/\/127\.0\.0\.1:\d+\/-\/healthy → 200/);
  });
});

void describe('service probe on closed ports', () => {
  void test('kafka on a closed port fails and says only the port was checked', async () => {
    const port = await closedPort();
    assertStatus(await check({ type: 'service', service: 'kafka', port }), 'fail', /^kafka 127\.0\.0\.1:\d+: ECONNREFUSED \(only the port was checked\)$/);
  });

  void test('kafka, neo4j and temporal on a listening port pass on the port alone', async () => {
    const server = createServer((s) => s.destroy());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      for (const service of ['kafka', 'neo4j', 'temporal']) {
        assertStatus(await check({ type: 'service', service, port }), 'pass', /only the port was checked/);
      }
    } finally {
      server.close();
    }
  });

  void test('grafana on a closed port fails', async () => {
    assertStatus(await check({ type: 'service', service: 'grafana', port: await closedPort() }), 'fail', /\/api\/health: ECONNREFUSED/);
  });
});
