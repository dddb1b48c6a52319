/**
 * Network faults, for real: a namespace `sgt-<random>` joined to the root namespace by a veth pair on a random
 * 10.254.N.0/24, a TCP server in the namespace that streams bytes, and the faults applied to the namespace end.
 * Skips (with the reason) where namespaces cannot be made (not root, no iproute2).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import { measureThroughput, NETWORK_FAULTS } from '../../../src/gates/chaos-run/faults/network.js';
import type { Fault, FaultContext } from '../../../src/gates/chaos-run/faults/types.js';
import { Ledger, runInverse } from '../../../src/gates/chaos-run/ledger.js';

const suffix = randomBytes(3).toString('hex');
const NS = `sgt-${suffix}`;
const HOST_IF = `sgtr${suffix}`;
const NS_IF = `sgtn${suffix}`;
const PORT = 5147;

function sh(argv: string[]): { ok: boolean; out: string } {
  const [file, ...args] = argv;
  const r = spawnSync(file ?? 'false', args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
const inNs = (argv: string[]): { ok: boolean; out: string } => sh(['ip', 'netns', 'exec', NS, ...argv]);

/** A free 10.254.N.0/24 (not routed here yet). */
function pickSubnet(): number {
  const routes = sh(['ip', '-4', 'route', 'show']).out;
  for (;;) {
    const n = 1 + Math.floor(Math.random() * 250);
    if (!routes.includes(`10.254.${n}.`)) return n;
  }
}

/** Sets up the namespace and veth pair; the reason to skip when it cannot. */
function setUp(): string | false {
  if (process.platform !== 'linux') return 'needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'needs root to create a network namespace';
  const add = sh(['ip', 'netns', 'add', NS]);
  if (!add.ok) return `ip netns add failed: ${add.out.trim()}`;
  const n = pickSubnet();
  SUBNET = n;
  for (const argv of [
    ['ip', 'link', 'add', HOST_IF, 'type', 'veth', 'peer', 'name', NS_IF],
    ['ip', 'link', 'set', NS_IF, 'netns', NS],
    ['ip', 'addr', 'add', `10.254.${n}.1/24`, 'dev', HOST_IF],
    ['ip', 'link', 'set', HOST_IF, 'up'],
    ['ip', '-n', NS, 'addr', 'add', `10.254.${n}.2/24`, 'dev', NS_IF],
    ['ip', '-n', NS, 'link', 'set', NS_IF, 'up'],
    ['ip', '-n', NS, 'link', 'set', 'lo', 'up'],
  ]) {
    const r = sh(argv);
    if (!r.ok) return `${argv.join(' ')} failed: ${r.out.trim()}`;
  }
  return false;
}

let SUBNET = 0;
const noNet = setUp();
const PEER = (): string => `10.254.${SUBNET}.2`;
let server: ChildProcess | undefined;
const temps: string[] = [];

const SERVER = `
const net = require('node:net');
const buf = Buffer.alloc(65536, 120);
const s = net.createServer((c) => {
  c.on('error', () => {});
  const pump = () => { while (!c.destroyed && c.write(buf)) {} };
  c.on('drain', pump);
  pump();
});
s.listen(Number(process.argv[2]), process.argv[1], () => console.log('ready'));
`;

before(async () => {
  if (noNet !== false) return;
  const child = spawn('ip', ['netns', 'exec', NS, process.execPath, '-e', SERVER, PEER(), String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  server = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`stream server exited (${code})`)));
  });
});

after(() => {
  server?.kill('SIGKILL');
  if (noNet === false || sh(['ip', 'netns', 'list']).out.includes(NS)) sh(['ip', 'netns', 'del', NS]);
  sh(['ip', 'link', 'del', HOST_IF]);
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function context(extra: Partial<FaultContext> = {}): Promise<FaultContext> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chaos-net-'));
  temps.push(dir);
  const ledger = await Ledger.open(path.join(dir, 'ledger'), 'run1');
  return { ledger, workDir: dir, signal: new AbortController().signal, ...extra };
}

function fault(type: string): Fault {
  const f = NETWORK_FAULTS.get(type);
  assert.ok(f, type);
  return f;
}

const where = { file: 'exp.yml', line: 12, field: 'faults[2]' };
const qdiscs = (): string => inNs(['tc', 'qdisc', 'show', 'dev', NS_IF]).out;
const linkFlags = (): string => /<([^>]*)>/.exec(inNs(['ip', '-o', 'link', 'show', 'dev', NS_IF]).out)?.[1] ?? '';

async function throughput(): Promise<number> {
  const r = await measureThroughput({ host: PEER(), port: PORT }, 500);
  assert.ok(!('error' in r), JSON.stringify(r));
  return r.bitsPerSecond;
}

describe('network faults on a veth pair in a namespace', { skip: noNet }, () => {
  test('network-bandwidth: measured before/during/after, qdisc gone after revert', async () => {
    const f = fault('network-bandwidth');
    assert.equal(await f.unsupported(), undefined);
    const ctx = await context();
    const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '2mbit', verify: { host: PEER(), port: PORT } }, where);
    await f.apply('bw1', spec, ctx);
    assert.match(qdiscs(), /qdisc tbf 5147: root/);
    assert.equal((await ctx.ledger.pending()).length, 1);
    const v = await f.verify('bw1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /before, [\d.]+ [kMG]bit\/s during/);
    await f.revert('bw1', ctx);
    assert.doesNotMatch(qdiscs(), /5147:/);
    assert.deepEqual(await ctx.ledger.pending(), []);
    const back = await throughput();
    assert.ok(back > 2e6 * 5, `throughput after revert ${back} bit/s`);
  });

  test('network-bandwidth without a verify target: installed, effect not measured', async () => {
    const f = fault('network-bandwidth');
    const ctx = await context();
    const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '500kbit', latency: '20ms' }, where);
    await f.apply('bw2', spec, ctx);
    const v = await f.verify('bw2', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /tbf 5147: root .*installed, effect not measured/);
    await f.revert('bw2', ctx);
    assert.doesNotMatch(qdiscs(), /5147:/);
  });

  test('link-flap: verify sees the link down (and connects fail), revert leaves it up', async () => {
    const f = fault('link-flap');
    const ctx = await context();
    const spec = f.validate({ namespace: NS, interface: NS_IF, down: '300ms', up: '300ms', duration: '2s', verify: { host: PEER(), port: PORT } }, where);
    await f.apply('lf1', spec, ctx);
    const v = await f.verify('lf1', spec, ctx);
    assert.equal(v.verified, true, v.evidence);
    assert.match(v.evidence, /not UP.*TCP connect to .* failed/);
    await f.revert('lf1', ctx);
    assert.ok(linkFlags().split(',').includes('UP'), linkFlags());
    assert.deepEqual(await ctx.ledger.pending(), []);
    assert.ok((await throughput()) > 0);
  });

  test('refuses a foreign root qdisc, records nothing', async () => {
    assert.ok(inNs(['tc', 'qdisc', 'add', 'dev', NS_IF, 'root', 'handle', '1:', 'tbf', 'rate', '10mbit', 'burst', '10kb', 'latency', '50ms']).ok);
    try {
      const f = fault('network-bandwidth');
      const ctx = await context();
      const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '1mbit' }, where);
      await assert.rejects(f.apply('bw3', spec, ctx), (e: Error) => e instanceof ConfigurationError && /root qdisc that chaos-run did not add \(tbf 1:\)/.test(e.message));
      assert.deepEqual(await ctx.ledger.pending(), []);
      assert.match(qdiscs(), /qdisc tbf 1: root/);
    } finally {
      inNs(['tc', 'qdisc', 'del', 'dev', NS_IF, 'root']);
    }
  });

  test('refuses our qdisc left over from an earlier run', async () => {
    assert.ok(inNs(['tc', 'qdisc', 'add', 'dev', NS_IF, 'root', 'handle', '5147:', 'tbf', 'rate', '10mbit', 'burst', '10kb', 'latency', '50ms']).ok);
    try {
      const f = fault('network-bandwidth');
      const ctx = await context();
      const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '1mbit' }, where);
      await assert.rejects(f.apply('bw4', spec, ctx), /left over from an earlier run: run `shipgate chaos-run revert`/);
      assert.deepEqual(await ctx.ledger.pending(), []);
    } finally {
      inNs(['tc', 'qdisc', 'del', 'dev', NS_IF, 'root']);
    }
  });

  test('refuses the default-route interface unless limits.allow_default_route', async () => {
    assert.ok(sh(['ip', '-n', NS, 'route', 'add', 'default', 'via', `10.254.${SUBNET}.1`, 'dev', NS_IF]).ok);
    try {
      for (const type of ['network-bandwidth', 'link-flap']) {
        const f = fault(type);
        const ctx = await context();
        const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '1mbit', down: '100ms', duration: '1s' }, where);
        await assert.rejects(
          f.apply('d1', spec, ctx),
          (e: Error) => e instanceof ConfigurationError && e.message.includes(NS_IF) && e.message.includes('limits.allow_default_route'),
        );
        assert.deepEqual(await ctx.ledger.pending(), []);
      }
      const f = fault('network-bandwidth');
      const ctx = await context({ allowDefaultRoute: true });
      const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '1mbit' }, where);
      await f.apply('d2', spec, ctx);
      await f.revert('d2', ctx);
      assert.doesNotMatch(qdiscs(), /5147:/);
    } finally {
      sh(['ip', '-n', NS, 'route', 'del', 'default']);
    }
  });

  test('ledger.revertAll() removes a qdisc never reverted; the inverse succeeds when it is gone', async () => {
    const f = fault('network-bandwidth');
    const ctx = await context();
    const spec = f.validate({ namespace: NS, interface: NS_IF, rate: '1mbit' }, where);
    await f.apply('bw5', spec, ctx);
    const [entry] = await ctx.ledger.pending();
    assert.ok(entry);
    const result = await ctx.ledger.revertAll();
    assert.deepEqual(result, { reverted: ['bw5'], failed: [] });
    assert.doesNotMatch(qdiscs(), /5147:/);
    for (const inv of entry.inverse) await runInverse(inv, 5000);
    // A later revert through the fault is a no-op.
    await f.revert('bw5', ctx);
  });

  test('a missing interface is a ConfigurationError naming the field', async () => {
    const f = fault('network-bandwidth');
    const ctx = await context();
    const spec = f.validate({ namespace: NS, interface: 'nosuch0', rate: '1mbit' }, where);
    await assert.rejects(f.apply('m1', spec, ctx), (e: Error) => e instanceof ConfigurationError && e.message.startsWith('exp.yml:12: faults[2].interface: interface nosuch0'));
    assert.deepEqual(await ctx.ledger.pending(), []);
  });

  test('network-netem: applies delay and verifies RTT, or reports netem absent and checks the plan', async (t) => {
    const f = fault('network-netem');
    const missing = await f.unsupported();
    const spec = f.validate({ namespace: NS, interface: NS_IF, delay: '100ms', jitter: '10ms', loss: '5%', verify: { host: PEER(), port: PORT } }, where);
    const plan = f.plan('n1', spec);
    assert.deepEqual(plan.actions, [`ip netns exec ${NS} tc qdisc add dev ${NS_IF} root handle 5147: netem delay 100ms 10ms loss 5%`]);
    assert.equal(plan.inverse.length, 1);
    assert.match(plan.inverse[0] ?? '', new RegExp(`^sh -c '.*tc qdisc del dev "\\$ifc" root handle 5147:.*' sh ${NS} ${NS_IF}$`));
    if (missing !== undefined) {
      t.diagnostic(`netem not exercised: ${missing}`);
      assert.match(missing, /sch_netem/);
      return;
    }
    const ctx = await context();
    const delaySpec = f.validate({ namespace: NS, interface: NS_IF, delay: '100ms', verify: { host: PEER(), port: PORT } }, where);
    await f.apply('n2', delaySpec, ctx);
    try {
      const v = await f.verify('n2', delaySpec, ctx);
      assert.equal(v.verified, true, v.evidence);
    } finally {
      await f.revert('n2', ctx);
    }
    assert.doesNotMatch(qdiscs(), /5147:/);
  });
});

describe('network fault specs', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['network-bandwidth', { rate: '1mbit' }, 'interface'],
    ['network-bandwidth', { interface: 'this-name-is-too-long', rate: '1mbit' }, 'interface'],
    ['network-bandwidth', { interface: 'eth0', namespace: 'a/b', rate: '1mbit' }, 'namespace'],
    ['network-bandwidth', { interface: 'eth0', namespace: '..', rate: '1mbit' }, 'namespace'],
    ['network-bandwidth', { interface: 'eth0', rate: 'fast' }, 'rate'],
    ['network-bandwidth', { interface: 'eth0', rate: '1mbps' }, 'rate'],
    ['network-bandwidth', { interface: 'eth0', rate: '1mbit', burst: 100 }, 'burst'],
    ['network-bandwidth', { interface: 'eth0', rate: '1mbit', verify: { host: 'h', port: 70000 } }, 'verify.port'],
    ['network-bandwidth', { interface: 'eth0', rate: '1mbit', verify: 'h:1' }, 'verify'],
    ['network-netem', { interface: 'eth0', jitter: '10ms' }, 'jitter'],
    ['network-netem', { interface: 'eth0', loss: 150 }, 'loss'],
    ['network-netem', { interface: 'eth0', loss: '0%' }, 'loss'],
    ['network-netem', { interface: 'eth0', reorder: 25 }, 'reorder'],
    ['network-netem', { interface: 'eth0', delay: 'soon' }, 'delay'],
    ['link-flap', { interface: 'eth0', down: '1s' }, 'duration'],
    ['link-flap', { interface: 'eth0', duration: 10 }, 'down'],
  ];
  for (const [type, spec, field] of bad) {
    test(`${type} ${JSON.stringify(spec)} → ${field}`, () => {
      assert.throws(
        () => fault(type).validate(spec, where),
        (e: Error) => e instanceof ConfigurationError && e.message.startsWith(`exp.yml:12: faults[2].${field}: `) && e.field === `faults[2].${field}`,
      );
    });
  }

  test('network-netem with no effect at all names the fault', () => {
    assert.throws(() => fault('network-netem').validate({ interface: 'eth0' }, where), /^ConfigurationError: exp\.yml:12: faults\[2\]: network-netem needs at least one of/);
  });

  test('plans: exact commands, defaults stated', () => {
    const bw = fault('network-bandwidth');
    const p = bw.plan('b', bw.validate({ interface: 'veth1', rate: '8mbit' }, where));
    // burst: max(rate / 8 / 250, 1600) bytes = 4000; latency 50ms by default
    assert.deepEqual(p.actions, ['tc qdisc add dev veth1 root handle 5147: tbf rate 8mbit burst 4000 latency 50ms']);
    assert.deepEqual(bw.plan('b', bw.validate({ interface: 'veth1', rate: '1mbit', burst: '32kb' }, where)).actions, [
      'tc qdisc add dev veth1 root handle 5147: tbf rate 1mbit burst 32768 latency 50ms',
    ]);
    const lf = fault('link-flap');
    const lp = lf.plan('l', lf.validate({ namespace: 'ns1', interface: 'veth1', down: '1s', duration: 10 }, where));
    assert.equal(lp.actions[0], 'ip netns exec ns1 ip link set dev veth1 down');
    assert.match(lp.actions[1] ?? '', /^after 1000 ms: ip netns exec ns1 ip link set dev veth1 up$/);
    assert.match(lp.inverse[0] ?? '', /ip link set dev "\$ifc" up' sh ns1 veth1$/);
  });
});
