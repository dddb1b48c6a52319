import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { after, afterEach, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError } from '../../../src/core/errors.js';
import { TcpFaultProxy, validateToxic } from '../../../src/gates/chaos-run/faults/tcp-proxy.js';

// ---- upstreams -------------------------------------------------------------------------------------------------

const servers: net.Server[] = [];

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as net.AddressInfo).port;
}

function trackSockets(server: net.Server): void {
  const socks = new Set<net.Socket>();
  server.on('connection', (s) => {
    socks.add(s);
    s.on('error', () => undefined);
    s.on('close', () => socks.delete(s));
  });
  server.on('close', () => undefined);
  (server as net.Server & { sockets?: Set<net.Socket> }).sockets = socks;
}

/** Echoes every byte back. */
async function echoServer(): Promise<number> {
  const server = net.createServer((s) => s.pipe(s));
  trackSockets(server);
  return listen(server);
}

/** Sends `size` bytes (a repeating pattern) on connect, then ends. */
async function dataServer(size: number): Promise<{ port: number; data: Buffer }> {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = i % 251;
  const server = net.createServer((s) => s.end(data));
  trackSockets(server);
  return { port: await listen(server), data };
}

after(async () => {
  for (const s of servers) {
    for (const sock of (s as net.Server & { sockets?: Set<net.Socket> }).sockets ?? []) sock.destroy();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

// ---- clients ---------------------------------------------------------------------------------------------------

const clients: net.Socket[] = [];
let proxies: TcpFaultProxy[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(proxies.map((p) => p.stop()));
  proxies = [];
});

async function proxyTo(port: number): Promise<TcpFaultProxy> {
  const p = await TcpFaultProxy.start({ upstream: { host: '127.0.0.1', port } });
  proxies.push(p);
  return p;
}

async function connect(port: number): Promise<net.Socket> {
  const s = net.connect({ host: '127.0.0.1', port, noDelay: true });
  clients.push(s);
  await once(s, 'connect');
  return s;
}

/** Milliseconds for `msg` to come back in full over an echo connection. */
async function roundTrip(s: net.Socket, msg = 'ping'): Promise<number> {
  const t0 = performance.now();
  let got = 0;
  const want = Buffer.byteLength(msg);
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer): void => {
      got += b.length;
      if (got >= want) {
        s.off('data', onData);
        s.off('error', reject);
        resolve();
      }
    };
    s.on('data', onData);
    s.once('error', reject);
    s.write(msg);
  });
  return performance.now() - t0;
}

interface Received {
  data: Buffer;
  chunks: number;
  error: NodeJS.ErrnoException | undefined;
  ms: number;
}

/** Reads until the socket closes; records bytes, chunk count, the error if any and the elapsed time. */
function readAll(s: net.Socket): Promise<Received> {
  const t0 = performance.now();
  const parts: Buffer[] = [];
  let error: NodeJS.ErrnoException | undefined;
  s.on('data', (b: Buffer) => parts.push(b));
  s.on('error', (e: NodeJS.ErrnoException) => (error = e));
  return new Promise((resolve) => {
    s.once('close', () => resolve({ data: Buffer.concat(parts), chunks: parts.length, error, ms: performance.now() - t0 }));
  });
}

// ---- tests -----------------------------------------------------------------------------------------------------

void describe('TcpFaultProxy', () => {
  void test('forwards traffic untouched without toxics, including a large transfer, and counts it', async () => {
    const { port, data } = await dataServer(4 * 1024 * 1024);
    const proxy = await proxyTo(port);
    assert.equal(proxy.host, '127.0.0.1');
    const s = await connect(proxy.port);
    s.write('hello');
    const r = await readAll(s);
    assert.equal(r.error, undefined);
    assert.ok(r.data.equals(data), 'the client receives exactly the upstream bytes');
    await delay(20);
    const st = proxy.stats();
    assert.equal(st.connections, 1);
    assert.equal(st.bytesDown, data.length);
    assert.equal(st.bytesUp, 5);
    assert.equal(st.active, 0);
  });

  void test('latency adds latency_ms to a round trip; clear() restores it; toxicity 0 leaves it untouched', async () => {
    const proxy = await proxyTo(await echoServer());
    const s = await connect(proxy.port);
    const base = await roundTrip(s);
    assert.ok(base < 100, `baseline round trip ${base} ms`);

    proxy.setToxics([{ type: 'latency', latency_ms: 200 }]);
    const slow = await roundTrip(s);
    assert.ok(slow >= 195, `round trip with 200 ms latency took ${slow} ms`);
    assert.ok(slow < 200 + 800, `round trip with 200 ms latency took ${slow} ms`);

    proxy.setToxics([{ type: 'latency', latency_ms: 100, stream: 'both' }]);
    const both = await roundTrip(s);
    assert.ok(both >= 195 && both < 200 + 250, `latency on both streams: ${both} ms`);

    proxy.clear();
    const cleared = await roundTrip(s);
    assert.ok(cleared < 190, `round trip after clear() took ${cleared} ms`);

    proxy.setToxics([{ type: 'latency', latency_ms: 300, toxicity: 0 }]);
    const untouched = await roundTrip(s);
    const s2 = await connect(proxy.port);
    const untouched2 = await roundTrip(s2);
    assert.ok(untouched < 100 && untouched2 < 100, `toxicity 0: ${untouched} / ${untouched2} ms`);
  });

  void test('bandwidth 256 kbps limits throughput (16 KiB take about 0.5 s)', async () => {
    const { port, data } = await dataServer(16 * 1024);
    const proxy = await proxyTo(port);
    proxy.setToxics([{ type: 'bandwidth', rate_kbps: 256 }]);
    const s = await connect(proxy.port);
    const r = await readAll(s);
    assert.ok(r.data.equals(data));
    // 16384 bytes at 32000 bytes/s = 512 ms (one 20 ms burst allowed).
    assert.ok(r.ms >= 450, `16 KiB at 256 kbps took ${r.ms} ms`);
    assert.ok(r.ms < 2000, `16 KiB at 256 kbps took ${r.ms} ms`);
  });

  void test('reset_peer with timeout_ms 0 resets on the next data: the client gets ECONNRESET', async () => {
    const proxy = await proxyTo(await echoServer());
    proxy.setToxics([{ type: 'reset_peer', timeout_ms: 0 }]);
    const s = await connect(proxy.port);
    const done = readAll(s);
    s.write('ping');
    const r = await done;
    assert.equal(r.error?.code, 'ECONNRESET');
    assert.equal(r.data.length, 0);
  });

  void test('reset_peer with timeout_ms resets an idle connection after it', async () => {
    const proxy = await proxyTo(await echoServer());
    proxy.setToxics([{ type: 'reset_peer', timeout_ms: 150 }]);
    const s = await connect(proxy.port);
    const r = await readAll(s);
    assert.equal(r.error?.code, 'ECONNRESET');
    assert.ok(r.ms >= 130 && r.ms < 1500, `reset after ${r.ms} ms`);
  });

  void test('timeout blackholes data and closes after timeout_ms', async () => {
    const proxy = await proxyTo(await echoServer());
    proxy.setToxics([{ type: 'timeout', timeout_ms: 500 }]);
    const s = await connect(proxy.port);
    const done = readAll(s);
    s.write('ping');
    const early = await Promise.race([done.then(() => 'closed'), delay(300, 'pending')]);
    assert.equal(early, 'pending', 'nothing happens within 300 ms');
    const r = await done;
    assert.equal(r.data.length, 0, 'no data got through');
    assert.ok(r.ms >= 450 && r.ms < 2000, `closed after ${r.ms} ms`);
  });

  void test('timeout 0 holds the connection; clear() lets new data through again', async () => {
    const proxy = await proxyTo(await echoServer());
    proxy.setToxics([{ type: 'timeout', timeout_ms: 0, stream: 'both' }]);
    const s = await connect(proxy.port);
    const got: Buffer[] = [];
    s.on('data', (b: Buffer) => got.push(b));
    s.write('lost');
    await delay(300);
    assert.equal(got.length, 0);
    assert.equal(s.destroyed, false, 'still open');
    proxy.clear();
    s.write('back');
    await delay(100);
    assert.equal(Buffer.concat(got).toString(), 'back');
  });

  void test('slicer delivers the same bytes in many small chunks', async () => {
    const { port, data } = await dataServer(8 * 1024);
    const proxy = await proxyTo(port);
    proxy.setToxics([{ type: 'slicer', average_size: 100, size_variation: 20, delay_us: 2000 }]);
    const s = await connect(proxy.port);
    const r = await readAll(s);
    assert.ok(r.data.equals(data), 'same bytes, same order');
    assert.ok(r.chunks >= 20, `only ${r.chunks} chunks`);
  });

  void test('limit_data closes the connection after exactly N bytes', async () => {
    const { port, data } = await dataServer(256 * 1024);
    const proxy = await proxyTo(port);
    proxy.setToxics([{ type: 'limit_data', bytes: 1000 }]);
    const s = await connect(proxy.port);
    const r = await readAll(s);
    assert.equal(r.error, undefined);
    assert.equal(r.data.length, 1000);
    assert.ok(r.data.equals(data.subarray(0, 1000)));
  });

  void test('limit_data on the upstream stream counts client bytes', async () => {
    const proxy = await proxyTo(await echoServer());
    proxy.setToxics([{ type: 'limit_data', bytes: 3, stream: 'upstream' }]);
    const s = await connect(proxy.port);
    const done = readAll(s);
    s.write('abcdef');
    const r = await done;
    assert.ok(r.data.length <= 3, `echoed ${r.data.length} bytes`);
    await delay(20);
    assert.equal(proxy.stats().bytesUp, 3);
  });

  void test('stop() with open connections resolves quickly and frees the port', async () => {
    const proxy = await TcpFaultProxy.start({ upstream: { host: '127.0.0.1', port: await echoServer() } });
    proxy.setToxics([
      { type: 'timeout', timeout_ms: 0 },
      { type: 'latency', latency_ms: 5000, stream: 'upstream' },
    ]);
    const port = proxy.port;
    const socks = await Promise.all([connect(port), connect(port), connect(port)]);
    const closed = socks.map((s) => readAll(s));
    socks[0].write('x');
    await delay(50);
    assert.equal(proxy.stats().active, 3);
    const t0 = performance.now();
    await proxy.stop();
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `stop() took ${ms} ms`);
    await Promise.all(closed);
    assert.equal(proxy.stats().active, 0);
    const again = net.createServer();
    again.listen(port, '127.0.0.1');
    await once(again, 'listening');
    await new Promise<void>((r) => again.close(() => r()));
  });
});

void describe('validateToxic', () => {
  const where = { file: 'chaos.yml', line: 7, field: 'faults[0].toxics[1]' };

  void test('accepts valid toxics', () => {
    assert.deepEqual(validateToxic({ type: 'latency', latency_ms: 50, jitter_ms: 5, stream: 'both', toxicity: 0.5 }, where), {
      type: 'latency',
      latency_ms: 50,
      jitter_ms: 5,
      stream: 'both',
      toxicity: 0.5,
    });
    assert.deepEqual(validateToxic({ type: 'reset_peer' }, where), { type: 'reset_peer' });
  });

  const bad: [unknown, string, RegExp][] = [
    ['latency', 'faults[0].toxics[1]', /must be a mapping/],
    [{ type: 'jam' }, 'faults[0].toxics[1].type', /unknown toxic type "jam".*Use one of: latency/],
    [{ type: 'latency' }, 'faults[0].toxics[1].latency_ms', /missing; a latency toxic needs latency_ms/],
    [{ type: 'latency', latency_ms: -1 }, 'faults[0].toxics[1].latency_ms', /invalid value -1; set it to a delay in milliseconds/],
    [{ type: 'bandwidth', rate_kbps: 0 }, 'faults[0].toxics[1].rate_kbps', /greater than 0/],
    [{ type: 'timeout', timeout_ms: '5s' }, 'faults[0].toxics[1].timeout_ms', /invalid value "5s"/],
    [{ type: 'latency', latency_ms: 1, toxicity: 2 }, 'faults[0].toxics[1].toxicity', /from 0 to 1/],
    [{ type: 'latency', latency_ms: 1, stream: 'up' }, 'faults[0].toxics[1].stream', /"upstream", "downstream" or "both"/],
    [{ type: 'limit_data', bytes: 1, rate_kbps: 3 }, 'faults[0].toxics[1].rate_kbps', /unknown field.*Remove it/],
    [{ type: 'slicer', average_size: 10, size_variation: 10 }, 'faults[0].toxics[1].size_variation', /smaller than average_size/],
  ];
  for (const [input, field, message] of bad) {
    void test(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(
        () => validateToxic(input, where),
        (e: unknown) => {
          assert.ok(e instanceof ConfigurationError);
          assert.equal(e.field, field);
          assert.deepEqual(e.location, { file: 'chaos.yml', line: 7 });
          assert.match(e.message, /^chaos\.yml:7: /);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }

  void test('setToxics rejects an invalid toxic', async () => {
    const proxy = await proxyTo(await echoServer());
    assert.throws(() => proxy.setToxics([{ type: 'latency', latency_ms: Number.NaN }]), ConfigurationError);
  });
});
