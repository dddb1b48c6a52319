import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProbeSpec } from '../../../src/gates/chaos-run/experiment.js';
import { probeLabel, recoveryAfter, runProbe, SteadyStateMonitor, type SteadySample, waitHealthy, window } from '../../../src/gates/chaos-run/steady-state.js';

const cwd = process.cwd();
const servers = new Set<http.Server>();

after(async () => {
  for (const s of servers) await closeServer(s);
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function listen(handler: Handler, port = 0): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  servers.add(server);
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as net.AddressInfo).port };
}

async function closeServer(s: http.Server): Promise<void> {
  servers.delete(s);
  if (!s.listening) return;
  const closed = new Promise<void>((r) => s.close(() => r()));
  s.closeAllConnections();
  await closed;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const health: Handler = (req, res) => {
  if (req.url === '/health') res.end('ok');
  else if (req.url === '/down') {
    res.statusCode = 503;
    res.end();
  } else if (req.url === '/slow') setTimeout(() => res.end('slow'), 150);
  else {
    res.statusCode = 404;
    res.end();
  }
};

function sample(t: number, ok: boolean): SteadySample {
  return { t, ok, results: [] };
}

void describe('runProbe', () => {
  test('http: 2xx by default, an exact status when given, latency limit', async () => {
    const { port } = await listen(health);
    const base = `http://127.0.0.1:${port}`;
    const ok = await runProbe({ type: 'http', url: `${base}/health`, line: 3 }, { cwd });
    assert.equal(ok.ok, true);
    assert.equal(ok.detail, 'HTTP 200');
    assert.equal(ok.probe, `http ${base}/health`);
    const down = await runProbe({ type: 'http', url: `${base}/down`, line: 3 }, { cwd });
    assert.deepEqual([down.ok, down.detail], [false, 'HTTP 503']);
    const expected = await runProbe({ type: 'http', name: 'maintenance', url: `${base}/down`, status: 503, line: 3 }, { cwd });
    assert.deepEqual([expected.ok, expected.probe], [true, 'maintenance']);
    const slow = await runProbe({ type: 'http', url: `${base}/slow`, max_latency_ms: 50, line: 3 }, { cwd });
    assert.equal(slow.ok, false);
    assert.ok(slow.latencyMs >= 140, `latency ${slow.latencyMs}`);
    assert.match(slow.detail, /^HTTP 200 in \d+ ms > 50 ms$/);
    const timedOut = await runProbe({ type: 'http', url: `${base}/slow`, timeout_ms: 50, line: 3 }, { cwd });
    assert.equal(timedOut.ok, false);
    assert.match(timedOut.detail, /timed out/);
  });

  test('tcp and http against a closed port answer fast with connection refused', async () => {
    const port = await freePort();
    const tcp = await runProbe({ type: 'tcp', port, line: 1 }, { cwd });
    assert.equal(tcp.ok, false);
    assert.equal(tcp.detail, 'connect ECONNREFUSED');
    // Fast: refused at once, not after the probe's 1 s timeout (with room for a loaded machine).
    assert.ok(tcp.latencyMs < 900, `took ${tcp.latencyMs} ms`);
    const web = await runProbe({ type: 'http', url: `http://127.0.0.1:${port}/health`, line: 1 }, { cwd });
    assert.equal(web.detail, 'connect ECONNREFUSED');
    assert.ok(web.latencyMs < 900, `took ${web.latencyMs} ms`);
    const { port: open } = await listen(health);
    const up = await runProbe({ type: 'tcp', host: '127.0.0.1', port: open, line: 1 }, { cwd });
    assert.deepEqual([up.ok, up.probe], [true, `tcp 127.0.0.1:${open}`]);
  });

  test('command: exit code against expect_exit, argv and shell forms', async () => {
    const zero = await runProbe({ type: 'command', run: ['true'], line: 1 }, { cwd });
    assert.deepEqual([zero.ok, zero.detail], [true, 'exit 0']);
    const one = await runProbe({ type: 'command', run: 'exit 1', line: 1 }, { cwd });
    assert.deepEqual([one.ok, one.detail, one.probe], [false, 'exit 1', 'command exit 1']);
    const three = await runProbe({ type: 'command', run: ['sh', '-c', 'exit 3'], expect_exit: 3, line: 1 }, { cwd });
    assert.equal(three.ok, true);
    const wrong = await runProbe({ type: 'command', run: 'exit 0', expect_exit: 3, line: 1 }, { cwd });
    assert.deepEqual([wrong.ok, wrong.detail], [false, 'exit 0, expected 3']);
    const env = await runProbe({ type: 'command', run: 'test "$PROBE_VAR" = yes', line: 1 }, { cwd, env: { PROBE_VAR: 'yes' } });
    assert.equal(env.ok, true);
    const missing = await runProbe({ type: 'command', run: ['/nonexistent/probe-binary'], line: 1 }, { cwd });
    assert.equal(missing.ok, false);
    assert.match(missing.detail, /not found/);
  });

  test('prometheus: the single value compared with expect; empty and several series are not ok', async () => {
    let answer: unknown = {};
    let lastQuery = '';
    const { port } = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/api/v1/query') {
        res.statusCode = 404;
        res.end();
        return;
      }
      lastQuery = url.searchParams.get('query') ?? '';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
    const vector = (...values: string[]): unknown => ({
      status: 'success',
      data: { resultType: 'vector', result: values.map((v, i) => ({ metric: { instance: `i${i}` }, value: [1700000000, v] })) },
    });
    const probe: ProbeSpec = { type: 'prometheus', url: `http://127.0.0.1:${port}`, query: 'rate(errors_total[1m])', expect: '< 0.01', line: 9 };

    answer = vector('0.2');
    const high = await runProbe(probe, { cwd });
    assert.deepEqual([high.ok, high.detail], [false, 'value 0.2 !< 0.01']);
    assert.equal(lastQuery, 'rate(errors_total[1m])');
    answer = vector('0.001');
    const low = await runProbe(probe, { cwd });
    assert.deepEqual([low.ok, low.detail], [true, 'value 0.001 < 0.01']);
    answer = vector();
    const empty = await runProbe(probe, { cwd });
    assert.equal(empty.ok, false);
    assert.match(empty.detail, /empty/);
    answer = vector('0', '0');
    const several = await runProbe(probe, { cwd });
    assert.equal(several.ok, false);
    assert.match(several.detail, /2 series/);
    answer = { status: 'success', data: { resultType: 'scalar', result: [1700000000, '5'] } };
    assert.equal((await runProbe({ ...probe, expect: '>= 5' }, { cwd })).ok, true);
    assert.equal((await runProbe({ ...probe, expect: '!= 5' }, { cwd })).ok, false);
    assert.equal((await runProbe({ ...probe, expect: '== 5' }, { cwd })).ok, true);
    answer = { status: 'error', errorType: 'bad_data', error: 'parse error' };
    const bad = await runProbe(probe, { cwd });
    assert.equal(bad.ok, false);
    assert.match(bad.detail, /parse error/);
    assert.equal(probeLabel(probe), 'prometheus rate(errors_total[1m])');
  });
});

void describe('SteadyStateMonitor', () => {
  test('samples on the grid, sees the outage, and recovery is measured from the restart', async () => {
    const { server, port } = await listen(health);
    const monitor = new SteadyStateMonitor([{ type: 'http', url: `http://127.0.0.1:${port}/health`, line: 1 }], { intervalMs: 50, cwd });
    monitor.start();
    await delay(400);
    const downAt = Date.now();
    await closeServer(server);
    await delay(400);
    await listen(health, port);
    const restartedAt = Date.now();
    const firstOk = await monitor.waitForOk(restartedAt, 2000);
    await delay(300);
    await monitor.stop();

    assert.ok(firstOk !== undefined && firstOk.t >= restartedAt);
    const samples = monitor.samples;
    // A tick that started just before the close may see it.
    const before = window(samples, 0, downAt - 60);
    // On a loaded machine ticks are skipped (never overlapped): fewer samples, never a failed one.
    assert.ok(before.samples >= 2 && before.failed === 0, `healthy before: ${JSON.stringify(before)}`);
    const outage = window(samples, downAt + 60, restartedAt - 10);
    assert.ok(outage.samples >= 2 && outage.failed === outage.samples, `down during the outage: ${JSON.stringify(outage)}`);
    const refused = samples.filter((s) => s.t > downAt + 60 && s.t < restartedAt - 10);
    assert.ok(refused.every((s) => s.results[0]?.detail === 'connect ECONNREFUSED'), JSON.stringify(refused.map((s) => s.results[0]?.detail)));

    const fromRestart = recoveryAfter(samples, restartedAt);
    // The first healthy sample after the restart: one interval plus the probe's own time, with room for a busy machine.
    assert.ok(fromRestart.seconds !== undefined && fromRestart.seconds <= 1, `recovered after ${fromRestart.seconds} s`);
    const fromOutage = recoveryAfter(samples, downAt);
    assert.ok(fromOutage.unhealthySamples >= 2);
    assert.ok(fromOutage.seconds !== undefined && fromOutage.seconds >= 0.3 && fromOutage.seconds <= 0.4 + 1, `${fromOutage.seconds} s`);
    // Ticks are 50 ms apart on average (grid), not drifting.
    const span = (samples.at(-1) as SteadySample).t - (samples[0] as SteadySample).t;
    assert.ok(samples.length + monitor.skippedTicks >= Math.floor(span / 50) - 1, `${samples.length} samples + ${monitor.skippedTicks} skipped over ${span} ms`);
  });

  test('a probe slower than the interval makes ticks skipped, never overlapping', async () => {
    const { port } = await listen(health);
    const monitor = new SteadyStateMonitor([{ type: 'http', url: `http://127.0.0.1:${port}/slow`, line: 1 }], { intervalMs: 50, cwd });
    monitor.start();
    await delay(700);
    await monitor.stop();
    const samples = monitor.samples;
    assert.ok(samples.length >= 2 && samples.length <= 6, `${samples.length} samples`);
    assert.ok(monitor.skippedTicks >= 5, `${monitor.skippedTicks} skipped`);
    for (let i = 1; i < samples.length; i++) {
      const gap = (samples[i] as SteadySample).t - (samples[i - 1] as SteadySample).t;
      assert.ok(gap >= 140, `ticks overlapped: ${gap} ms apart`);
    }
  });

  test('waitForOk resolves undefined when stopped or timed out', async () => {
    const port = await freePort();
    const monitor = new SteadyStateMonitor([{ type: 'tcp', port, line: 1 }], { intervalMs: 50, cwd });
    monitor.start();
    assert.equal(await monitor.waitForOk(Date.now(), 150), undefined);
    const pending = monitor.waitForOk(Date.now(), 10_000);
    await monitor.stop();
    assert.equal(await pending, undefined);
    assert.ok(monitor.samples.length >= 2 && monitor.samples.every((s) => !s.ok));
  });
});

void describe('recoveryAfter and window', () => {
  const grid = (oks: boolean[], start = 1000, step = 100): SteadySample[] => oks.map((ok, i) => sample(start + i * step, ok));

  test('recovery is the start of the first run of 3 × interval of ok samples', () => {
    const s = grid([true, false, false, true, false, true, true, true, true]);
    assert.deepEqual(recoveryAfter(s, 1050), { recoveredAt: 1500, seconds: 0.45, unhealthySamples: 3 });
    assert.deepEqual(recoveryAfter(s, 1050, { stableMs: 100 }), { recoveredAt: 1300, seconds: 0.25, unhealthySamples: 3 });
    assert.deepEqual(recoveryAfter(s, 1050, { untilMs: 1650 }), { unhealthySamples: 3 });
    assert.deepEqual(recoveryAfter(grid([false, true, true]), 1000), { unhealthySamples: 1 });
    assert.deepEqual(recoveryAfter(grid([true, true, true, true]), 1000), { recoveredAt: 1000, seconds: 0, unhealthySamples: 0 });
    assert.deepEqual(recoveryAfter([], 1000), { unhealthySamples: 0 });
  });

  test('window counts samples and failures in [from, to]', () => {
    const s = grid([true, false, true, false, false]);
    assert.deepEqual(window(s, 1100, 1300), { samples: 3, failed: 2 });
    assert.deepEqual(window(s, 0, 99_999), { samples: 5, failed: 3 });
    assert.deepEqual(window(s, 5000, 6000), { samples: 0, failed: 0 });
  });
});

void describe('waitHealthy', () => {
  test('waits for a target that comes up late; gives up after the timeout', async () => {
    const port = await freePort();
    const probes: ProbeSpec[] = [{ type: 'http', url: `http://127.0.0.1:${port}/health`, line: 1 }];
    const late = delay(300).then(() => listen(health, port));
    const up = await waitHealthy(probes, { timeoutMs: 5000, intervalMs: 50, cwd });
    await late;
    assert.equal(up.ok, true);
    assert.ok(up.waitedMs >= 250 && up.waitedMs < 3000, `waited ${up.waitedMs} ms`);

    const dead = await freePort();
    const started = Date.now();
    const down = await waitHealthy([{ type: 'tcp', port: dead, line: 1 }], { timeoutMs: 300, intervalMs: 50, cwd });
    assert.equal(down.ok, false);
    assert.equal(down.last[0]?.detail, 'connect ECONNREFUSED');
    assert.ok(Date.now() - started < 2000);
  });
});
