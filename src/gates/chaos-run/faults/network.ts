/**
 * Network faults through iproute2, on one interface (optionally inside a named network namespace):
 * `network-netem` (tc netem: delay, jitter, loss, corrupt, duplicate, reorder), `network-bandwidth` (tc tbf) and
 * `link-flap` (ip link set down/up on a schedule).
 *
 * Safety: only our own root qdisc (handle 5147:) is ever added or removed; a foreign root qdisc, or ours left over
 * from an earlier run, is refused. The interface that holds the default route is refused unless
 * limits.allow_default_route is set. Every command is an argv (no shell string); the one `sh -c` inverse takes the
 * namespace and interface as positional arguments, never interpolated. The inverse is in the ledger before the
 * fault is applied, and it succeeds when there is nothing left to undo (the namespace, the interface or the qdisc
 * is gone), so a revert never fails forever.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError } from '../../../core/errors.js';
import { execCommand, formatCommand } from '../../../core/exec.js';
import { type Fault, type FaultContext, type FaultPlan, findExecutable, parseDuration, revertViaLedger, specError, type SpecLocation } from './types.js';

/** The handle of every qdisc chaos-run adds; any other root qdisc is not ours. */
export const QDISC_HANDLE = '5147:';

const INTERFACE = /^[A-Za-z0-9_.:@-]{1,15}$/;
const NAMESPACE = /^[A-Za-z0-9_.-]+$/;
const HOST = /^[A-Za-z0-9_.:-]{1,253}$/;
/** Root qdiscs the kernel installs by itself (handle 0:). */
const DEFAULT_QDISCS = new Set(['noqueue', 'pfifo_fast', 'fq_codel', 'mq', 'fq']);
const CMD_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 2000;
const RTT_SAMPLES = 5;
const THROUGHPUT_BEFORE_MS = 500;
const THROUGHPUT_DURING_MS = 1000;
/** tbf burst default: a 4 ms worth of the rate (one HZ=250 tick), at least one full-size frame plus headroom. */
const MIN_BURST_BYTES = 1600;
const BURST_TICKS_PER_SECOND = 250;
const DEFAULT_TBF_LATENCY_MS = 50;

export interface VerifyTarget {
  host: string;
  port: number;
}

type Where = {
  interface: string;
  namespace?: string;
  verify?: VerifyTarget;
  /** Where the fault is written, for errors found when it is applied. */
  at: SpecLocation;
};

export type NetemSpec = Where & {
  delayMs?: number;
  jitterMs?: number;
  loss?: number;
  corrupt?: number;
  duplicate?: number;
  reorder?: number;
};
export type BandwidthSpec = Where & { rate: string; rateBitsPerSecond: number; burstBytes: number; latencyMs: number };
export type LinkFlapSpec = Where & { downMs: number; upMs: number; durationMs: number };

// ---- commands ----

interface CmdResult {
  ok: boolean;
  stdout: string;
  /** Why it failed (error, exit code and the last lines of output), or ''. */
  why: string;
}

async function run(argv: string[], timeoutMs = CMD_TIMEOUT_MS): Promise<CmdResult> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty command');
  const r = await execCommand({ argv: [file, ...args] }, { stream: false, capture: true, timeoutMs, graceMs: 500, tailLines: 5 });
  if (!r.failed) return { ok: true, stdout: r.stdout ?? '', why: '' };
  const reason = r.error ?? (r.timedOut ? `timed out after ${timeoutMs} ms` : r.exitCode !== null ? `exit code ${r.exitCode}` : `signal ${r.signal ?? '?'}`);
  return { ok: false, stdout: r.stdout ?? '', why: `${reason}${r.tail.length > 0 ? `: ${r.tail.join(' | ')}` : ''}` };
}

function nsPrefix(ns: string | undefined): string[] {
  return ns === undefined ? [] : ['ip', 'netns', 'exec', ns];
}

function onIf(s: Where): string {
  return `${s.interface}${s.namespace === undefined ? '' : ` (namespace ${s.namespace})`}`;
}

const NS_SELECT = 'ns=$1; ifc=$2; if [ -n "$ns" ]; then [ -e "/run/netns/$ns" ] || [ -e "/var/run/netns/$ns" ] || exit 0; set -- ip netns exec "$ns"; else set --; fi; ';

/**
 * Removes our root qdisc; succeeds when it is not there (or the interface or namespace is gone). `tc qdisc del
 * ... root handle 5147:` only deletes a root qdisc with that handle ("Invalid handle" otherwise).
 */
const QDISC_DEL_SCRIPT =
  NS_SELECT +
  `"$@" tc qdisc del dev "$ifc" root handle ${QDISC_HANDLE} 2>/dev/null && exit 0; ` +
  `if "$@" tc qdisc show dev "$ifc" 2>/dev/null | grep -q '^qdisc [a-z_]* ${QDISC_HANDLE} root'; then echo "qdisc ${QDISC_HANDLE} still on $ifc" >&2; exit 1; fi; exit 0`;

/** Sets the link up; succeeds when the interface or namespace is gone. */
const LINK_UP_SCRIPT = NS_SELECT + `"$@" ip link show dev "$ifc" >/dev/null 2>&1 || exit 0; "$@" ip link set dev "$ifc" up`;

function inverseArgv(script: string, s: Where): string[] {
  return ['sh', '-c', script, 'sh', s.namespace ?? '', s.interface];
}

/** Link flags (`<...>`) of `ip -o link show dev IF`. */
async function linkFlags(s: Where): Promise<{ flags: string[]; line: string } | { error: string }> {
  const r = await run([...nsPrefix(s.namespace), 'ip', '-o', 'link', 'show', 'dev', s.interface]);
  if (!r.ok) return { error: r.why };
  const line = r.stdout.trim().split('\n')[0] ?? '';
  const m = /<([^>]*)>/.exec(line);
  return { flags: m?.[1]?.split(',') ?? [], line: line.replace(/\\\s+/g, ' ').trim() };
}

/**
 * Refuses what must not be touched: a missing interface, the default-route interface (unless allowed), and for
 * qdisc faults a root qdisc that is not a kernel default, or ours left over.
 */
async function checkTarget(s: Where, ctx: FaultContext, qdisc: boolean): Promise<void> {
  const ns = nsPrefix(s.namespace);
  const link = await linkFlags(s);
  if ('error' in link) throw specError(s.at, 'interface', `interface ${onIf(s)} not found: ${link.error}`);
  if (ctx.allowDefaultRoute !== true) {
    for (const family of [[], ['-6']]) {
      const r = await run([...ns, 'ip', ...family, 'route', 'show', 'default']);
      if (!r.ok) throw new Error(`could not read the default route${s.namespace === undefined ? '' : ` in namespace ${s.namespace}`}: ${r.why}`);
      const devs = [...r.stdout.matchAll(/\bdev\s+(\S+)/g)].map((m) => m[1]);
      if (devs.includes(s.interface)) {
        throw specError(
          s.at,
          'interface',
          `${onIf(s)} holds the default route; a fault on it can cut the runner off. Use another interface, or set limits.allow_default_route: true`,
        );
      }
    }
  }
  if (!qdisc) return;
  const r = await run([...ns, 'tc', 'qdisc', 'show', 'dev', s.interface]);
  if (!r.ok) throw new Error(`tc qdisc show dev ${onIf(s)}: ${r.why}`);
  for (const line of r.stdout.split('\n')) {
    const m = /^qdisc\s+(\S+)\s+([0-9a-f]+:)\s+(?:dev\s+\S+\s+)?(root\b)?/.exec(line.trim());
    if (m === null) continue;
    const [, kind, handle, root] = m;
    if (handle === QDISC_HANDLE) {
      throw specError(s.at, 'interface', `a chaos-run qdisc (${kind} handle ${QDISC_HANDLE}) is already on ${onIf(s)}, left over from an earlier run: run \`shipgate chaos-run revert\``);
    }
    if (root !== undefined && !(kind !== undefined && DEFAULT_QDISCS.has(kind) && handle === '0:')) {
      throw specError(
        s.at,
        'interface',
        `${onIf(s)} already has a root qdisc that chaos-run did not add (${kind} ${handle}); refusing to replace it. Remove it, or use another interface`,
      );
    }
  }
}

async function qdiscLine(s: Where, kind: string): Promise<string | undefined> {
  const r = await run([...nsPrefix(s.namespace), 'tc', '-s', 'qdisc', 'show', 'dev', s.interface]);
  if (!r.ok) return undefined;
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(`qdisc ${kind} ${QDISC_HANDLE} root`));
}

/** Records the qdisc inverse, adds the qdisc; when adding fails, removes whatever is there of it and throws. */
async function addQdisc(id: string, type: string, s: Where, ctx: FaultContext, argv: string[]): Promise<void> {
  ctx.signal.throwIfAborted();
  await ctx.ledger.record({ id, description: `${type}: ${formatCommand({ argv: argv as [string, ...string[]] })}`, inverse: [{ kind: 'argv', argv: inverseArgv(QDISC_DEL_SCRIPT, s) }] });
  const r = await run(argv);
  if (!r.ok) {
    await revertViaLedger(ctx.ledger, id);
    throw new Error(`${id}: ${formatCommand({ argv: argv as [string, ...string[]] })}: ${r.why}`);
  }
}

// ---- measurements ----

/** Milliseconds to open a TCP connection, or why it failed. */
function connectOnce(t: VerifyTarget, timeoutMs: number): Promise<{ ms: number } | { error: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const socket = net.connect({ host: t.host, port: t.port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ error: `no connection within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      socket.destroy();
      resolve({ ms });
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ error: e.message });
    });
  });
}

/** Median connect time of RTT_SAMPLES connects, or undefined when any failed. */
async function medianRtt(t: VerifyTarget): Promise<{ ms: number } | { error: string }> {
  const times: number[] = [];
  for (let i = 0; i < RTT_SAMPLES; i++) {
    const r = await connectOnce(t, CONNECT_TIMEOUT_MS);
    if ('error' in r) return r;
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0 };
}

/** Bits per second read from a peer that streams data, over about `ms` after connecting. */
export function measureThroughput(t: VerifyTarget, ms: number): Promise<{ bitsPerSecond: number; bytes: number; ms: number } | { error: string }> {
  return new Promise((resolve) => {
    let bytes = 0;
    let start = 0;
    let done = false;
    const socket = net.connect({ host: t.host, port: t.port });
    const finish = (error?: string): void => {
      if (done) return;
      done = true;
      clearTimeout(connectTimer);
      clearTimeout(readTimer);
      socket.destroy();
      const elapsed = start === 0 ? 0 : performance.now() - start;
      if (error !== undefined && bytes === 0) resolve({ error });
      else if (elapsed <= 0) resolve({ error: 'the peer sent nothing' });
      else resolve({ bitsPerSecond: (bytes * 8 * 1000) / elapsed, bytes, ms: Math.round(elapsed) });
    };
    let readTimer: NodeJS.Timeout | undefined;
    const connectTimer = setTimeout(() => finish(`no connection within ${CONNECT_TIMEOUT_MS} ms`), CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      start = performance.now();
      readTimer = setTimeout(() => finish(), ms);
    });
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
    socket.once('end', () => finish());
    socket.once('error', (e) => finish(e.message));
  });
}

function rateText(bps: number): string {
  if (bps >= 1e9) return `${(bps / 1e9).toFixed(2)} Gbit/s`;
  if (bps >= 1e6) return `${(bps / 1e6).toFixed(2)} Mbit/s`;
  return `${(bps / 1e3).toFixed(1)} kbit/s`;
}

// ---- validation ----

function validateWhere(spec: Record<string, unknown>, where: SpecLocation): Where {
  const ifc = spec.interface;
  if (typeof ifc !== 'string' || !INTERFACE.test(ifc)) {
    throw specError(where, 'interface', `expected an interface name (1–15 of letters, digits, "_", ".", ":", "@", "-"), got ${JSON.stringify(ifc)}`);
  }
  const out: Where = { interface: ifc, at: where };
  if (spec.namespace !== undefined) {
    const ns = spec.namespace;
    if (typeof ns !== 'string' || !NAMESPACE.test(ns) || ns === '.' || ns === '..') {
      throw specError(where, 'namespace', `expected a network namespace name (letters, digits, "_", ".", "-"), got ${JSON.stringify(ns)}`);
    }
    out.namespace = ns;
  }
  if (spec.verify !== undefined) {
    const v = spec.verify as Record<string, unknown>;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw specError(where, 'verify', `expected {host, port}, got ${JSON.stringify(spec.verify)}`);
    }
    if (typeof v.host !== 'string' || !HOST.test(v.host)) throw specError(where, 'verify.host', `expected a host name or IP address, got ${JSON.stringify(v.host)}`);
    if (typeof v.port !== 'number' || !Number.isInteger(v.port) || v.port < 1 || v.port > 65535) {
      throw specError(where, 'verify.port', `expected a TCP port from 1 to 65535, got ${JSON.stringify(v.port)}`);
    }
    out.verify = { host: v.host, port: v.port };
  }
  return out;
}

/** A percentage in (0, 100]: a number, or a string such as "5%" or "0.5". */
function percent(value: unknown, where: SpecLocation, key: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?%?$/.test(value.trim()) ? Number.parseFloat(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 100) {
    throw specError(where, key, `expected a percentage above 0 and at most 100, such as 5 or "5%", got ${JSON.stringify(value)}`);
  }
  return n;
}

const RATE = /^(\d+(?:\.\d+)?)(bit|kbit|mbit|gbit)$/i;
const RATE_UNIT: Record<string, number> = { bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9 };
const SIZE = /^(\d+)(b|kb|mb)?$/i;
const SIZE_UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

const NETEM_PERCENTS = ['loss', 'corrupt', 'duplicate', 'reorder'] as const;

async function linuxRootTools(): Promise<string | undefined> {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (CAP_NET_ADMIN)';
  for (const bin of ['tc', 'ip']) {
    if ((await findExecutable(bin)) === undefined) return `${bin} is not installed (package iproute2)`;
  }
  return undefined;
}

let netemProbe: Promise<string | undefined> | undefined;

/**
 * Whether the kernel has netem: loaded or built in (/sys/module/sch_netem), else adding a netem qdisc on the
 * loopback of a throwaway namespace (`unshare -n`: gone when tc exits; the kernel loads the module on demand),
 * else the module file under /lib/modules.
 */
async function netemMissing(): Promise<string | undefined> {
  const missing = 'tc netem is not available: kernel module sch_netem is missing (modprobe sch_netem)';
  if (existsSync('/sys/module/sch_netem')) return undefined;
  if ((await findExecutable('unshare')) !== undefined) {
    const r = await run(['unshare', '-n', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'netem', 'delay', '1ms']);
    if (r.ok) return undefined;
    if (/unknown|no such file/i.test(r.why)) return missing;
  }
  const release = (await run(['uname', '-r'])).stdout.trim();
  for (const ext of ['', '.xz', '.zst', '.gz']) {
    if (release !== '' && existsSync(`/lib/modules/${release}/kernel/net/sched/sch_netem.ko${ext}`)) return undefined;
  }
  return missing;
}

// ---- network-netem ----

export class NetemFault implements Fault<NetemSpec> {
  readonly type = 'network-netem';
  private readonly handles = new Map<string, { rttBefore?: { ms: number } | { error: string } }>();

  async unsupported(): Promise<string | undefined> {
    const base = await linuxRootTools();
    if (base !== undefined) return base;
    netemProbe ??= netemMissing();
    return netemProbe;
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): NetemSpec {
    const out: NetemSpec = validateWhere(spec, where);
    if (spec.delay !== undefined) out.delayMs = parseDuration(spec.delay, where, 'delay');
    if (spec.jitter !== undefined) {
      if (out.delayMs === undefined) throw specError(where, 'jitter', 'needs delay (netem jitter varies the delay)');
      out.jitterMs = parseDuration(spec.jitter, where, 'jitter');
    }
    for (const key of NETEM_PERCENTS) if (spec[key] !== undefined) out[key] = percent(spec[key], where, key);
    if (out.reorder !== undefined && out.delayMs === undefined) throw specError(where, 'reorder', 'needs delay (netem reorders by sending some packets without it)');
    if (out.delayMs === undefined && NETEM_PERCENTS.every((k) => out[k] === undefined)) {
      throw new ConfigurationError(`${where.file}:${where.line}: ${where.field}: network-netem needs at least one of delay, loss, corrupt, duplicate, reorder`, {
        location: { file: where.file, line: where.line },
        field: where.field,
      });
    }
    return out;
  }

  argv(spec: NetemSpec): string[] {
    const args: string[] = [];
    if (spec.delayMs !== undefined) args.push('delay', `${spec.delayMs}ms`, ...(spec.jitterMs === undefined ? [] : [`${spec.jitterMs}ms`]));
    for (const key of NETEM_PERCENTS) {
      const v = spec[key];
      if (v !== undefined) args.push(key, `${v}%`);
    }
    return [...nsPrefix(spec.namespace), 'tc', 'qdisc', 'add', 'dev', spec.interface, 'root', 'handle', QDISC_HANDLE, 'netem', ...args];
  }

  plan(id: string, spec: NetemSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `tc netem on ${onIf(spec)}`,
      actions: [formatCommand({ argv: this.argv(spec) as [string, ...string[]] })],
      inverse: [formatCommand({ argv: inverseArgv(QDISC_DEL_SCRIPT, spec) as [string, ...string[]] })],
    };
  }

  async apply(id: string, spec: NetemSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    await checkTarget(spec, ctx, true);
    const handle: { rttBefore?: { ms: number } | { error: string } } = {};
    if (spec.verify !== undefined && spec.delayMs !== undefined) handle.rttBefore = await medianRtt(spec.verify);
    await addQdisc(id, this.type, spec, ctx, this.argv(spec));
    this.handles.set(id, handle);
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: NetemSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    if (spec.verify !== undefined && spec.delayMs !== undefined && h.rttBefore !== undefined) {
      const t = `${spec.verify.host}:${spec.verify.port}`;
      if ('error' in h.rttBefore) return { verified: false, evidence: `TCP connect to ${t} failed before the fault: ${h.rttBefore.error}` };
      const after = await medianRtt(spec.verify);
      if ('error' in after) return { verified: false, evidence: `TCP connect to ${t} failed during the fault: ${after.error}` };
      const rise = after.ms - h.rttBefore.ms;
      const needed = spec.delayMs / 2;
      return {
        verified: rise >= needed,
        evidence: `median TCP connect time to ${t}: ${h.rttBefore.ms.toFixed(1)} ms before, ${after.ms.toFixed(1)} ms during (rose ${rise.toFixed(1)} ms; needed ${needed} ms)`,
      };
    }
    const line = await qdiscLine(spec, 'netem');
    return line === undefined
      ? { verified: false, evidence: `tc qdisc show dev ${onIf(spec)} lists no netem ${QDISC_HANDLE}` }
      : { verified: true, evidence: `tc qdisc show dev ${onIf(spec)}: ${line} (installed, effect not measured)` };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

// ---- network-bandwidth ----

export class BandwidthFault implements Fault<BandwidthSpec> {
  readonly type = 'network-bandwidth';
  private readonly handles = new Map<string, { before?: { bitsPerSecond: number } | { error: string } }>();

  unsupported(): Promise<string | undefined> {
    return linuxRootTools();
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): BandwidthSpec {
    const base = validateWhere(spec, where);
    const m = typeof spec.rate === 'string' ? RATE.exec(spec.rate.trim()) : null;
    const bps = m?.[1] !== undefined && m[2] !== undefined ? Number(m[1]) * (RATE_UNIT[m[2].toLowerCase()] ?? 1) : 0;
    if (!(bps >= 8)) throw specError(where, 'rate', `expected a rate such as "1mbit" or "500kbit" (bit, kbit, mbit, gbit), got ${JSON.stringify(spec.rate)}`);
    let burstBytes = Math.max(Math.ceil(bps / 8 / BURST_TICKS_PER_SECOND), MIN_BURST_BYTES);
    if (spec.burst !== undefined) {
      const b = typeof spec.burst === 'number' ? SIZE.exec(String(spec.burst)) : typeof spec.burst === 'string' ? SIZE.exec(spec.burst.trim()) : null;
      const bytes = b?.[1] !== undefined ? Number(b[1]) * (SIZE_UNIT[(b[2] ?? 'b').toLowerCase()] ?? 1) : 0;
      if (!(bytes >= MIN_BURST_BYTES)) throw specError(where, 'burst', `expected a size of at least ${MIN_BURST_BYTES} bytes, such as 32000 or "32kb", got ${JSON.stringify(spec.burst)}`);
      burstBytes = bytes;
    }
    const latencyMs = spec.latency === undefined ? DEFAULT_TBF_LATENCY_MS : parseDuration(spec.latency, where, 'latency');
    return { ...base, rate: (spec.rate as string).trim().toLowerCase(), rateBitsPerSecond: bps, burstBytes, latencyMs };
  }

  argv(spec: BandwidthSpec): string[] {
    return [
      ...nsPrefix(spec.namespace),
      'tc', 'qdisc', 'add', 'dev', spec.interface, 'root', 'handle', QDISC_HANDLE,
      'tbf', 'rate', spec.rate, 'burst', String(spec.burstBytes), 'latency', `${spec.latencyMs}ms`,
    ]; // prettier-ignore
  }

  plan(id: string, spec: BandwidthSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `limit egress of ${onIf(spec)} to ${spec.rate} (tc tbf, burst ${spec.burstBytes} bytes, latency ${spec.latencyMs} ms)`,
      actions: [formatCommand({ argv: this.argv(spec) as [string, ...string[]] })],
      inverse: [formatCommand({ argv: inverseArgv(QDISC_DEL_SCRIPT, spec) as [string, ...string[]] })],
    };
  }

  async apply(id: string, spec: BandwidthSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    await checkTarget(spec, ctx, true);
    const handle: { before?: { bitsPerSecond: number } | { error: string } } = {};
    if (spec.verify !== undefined) handle.before = await measureThroughput(spec.verify, THROUGHPUT_BEFORE_MS);
    await addQdisc(id, this.type, spec, ctx, this.argv(spec));
    this.handles.set(id, handle);
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: BandwidthSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    if (spec.verify !== undefined && h.before !== undefined) {
      const t = `${spec.verify.host}:${spec.verify.port}`;
      if ('error' in h.before) return { verified: false, evidence: `reading from ${t} failed before the fault: ${h.before.error}` };
      const during = await measureThroughput(spec.verify, THROUGHPUT_DURING_MS);
      if ('error' in during) return { verified: false, evidence: `reading from ${t} failed during the fault: ${during.error}` };
      const cap = spec.rateBitsPerSecond * 1.5;
      const verified = during.bitsPerSecond < cap && during.bitsPerSecond < h.before.bitsPerSecond / 2;
      return {
        verified,
        evidence:
          `throughput from ${t}: ${rateText(h.before.bitsPerSecond)} before, ${rateText(during.bitsPerSecond)} during ` +
          `(${during.bytes} bytes in ${during.ms} ms; needed below ${rateText(cap)} = 1.5 × ${spec.rate} and below half of before)`,
      };
    }
    const line = await qdiscLine(spec, 'tbf');
    return line === undefined
      ? { verified: false, evidence: `tc qdisc show dev ${onIf(spec)} lists no tbf ${QDISC_HANDLE}` }
      : { verified: true, evidence: `tc qdisc show dev ${onIf(spec)}: ${line} (installed, effect not measured)` };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

// ---- link-flap ----

interface FlapHandle {
  stop: AbortController;
  loop: Promise<void>;
  phase: 'down' | 'up' | 'done';
  /** performance.now() when the current phase ends. */
  phaseEnds: number;
  downPhases: number;
  errors: string[];
  connectBefore?: { ms: number } | { error: string };
}

export class LinkFlapFault implements Fault<LinkFlapSpec> {
  readonly type = 'link-flap';
  private readonly handles = new Map<string, FlapHandle>();

  unsupported(): Promise<string | undefined> {
    return linuxRootTools();
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): LinkFlapSpec {
    const base = validateWhere(spec, where);
    const durationMs = parseDuration(spec.duration, where, 'duration');
    const downMs = parseDuration(spec.down, where, 'down');
    const upMs = spec.up === undefined ? downMs : parseDuration(spec.up, where, 'up');
    return { ...base, downMs, upMs, durationMs };
  }

  private setLink(spec: LinkFlapSpec, state: 'up' | 'down'): string[] {
    return [...nsPrefix(spec.namespace), 'ip', 'link', 'set', 'dev', spec.interface, state];
  }

  plan(id: string, spec: LinkFlapSpec): FaultPlan {
    const down = formatCommand({ argv: this.setLink(spec, 'down') as [string, ...string[]] });
    const up = formatCommand({ argv: this.setLink(spec, 'up') as [string, ...string[]] });
    return {
      id,
      type: this.type,
      description: `flap ${onIf(spec)}: down ${spec.downMs} ms, up ${spec.upMs} ms, for ${spec.durationMs} ms`,
      actions: [down, `after ${spec.downMs} ms: ${up}`, `repeat every ${spec.downMs + spec.upMs} ms until ${spec.durationMs} ms have passed, then ${up}`],
      inverse: [formatCommand({ argv: inverseArgv(LINK_UP_SCRIPT, spec) as [string, ...string[]] })],
    };
  }

  async apply(id: string, spec: LinkFlapSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    await checkTarget(spec, ctx, false);
    const link = await linkFlags(spec);
    if ('error' in link || !link.flags.includes('UP')) {
      throw specError(spec.at, 'interface', `${onIf(spec)} is not up; link-flap only flaps a link that is up`);
    }
    const connectBefore = spec.verify === undefined ? undefined : await connectOnce(spec.verify, CONNECT_TIMEOUT_MS);
    ctx.signal.throwIfAborted();
    await ctx.ledger.record({
      id,
      description: `link-flap: ${formatCommand({ argv: this.setLink(spec, 'down') as [string, ...string[]] })} / up, every ${spec.downMs + spec.upMs} ms for ${spec.durationMs} ms`,
      inverse: [{ kind: 'argv', argv: inverseArgv(LINK_UP_SCRIPT, spec) }],
    });
    const first = await run(this.setLink(spec, 'down'));
    if (!first.ok) {
      await revertViaLedger(ctx.ledger, id);
      throw new Error(`${id}: ip link set dev ${onIf(spec)} down: ${first.why}`);
    }
    const start = performance.now();
    const h: FlapHandle = {
      stop: new AbortController(),
      loop: Promise.resolve(),
      phase: 'down',
      phaseEnds: start + Math.min(spec.downMs, spec.durationMs),
      downPhases: 1,
      errors: [],
      ...(connectBefore === undefined ? {} : { connectBefore }),
    };
    h.loop = this.flap(spec, h, start + spec.durationMs);
    this.handles.set(id, h);
    return { appliedAt: Date.now() };
  }

  /** The schedule, after the first down: wait, up, wait, down, … until `end`; the link is left up. */
  private async flap(spec: LinkFlapSpec, h: FlapHandle, end: number): Promise<void> {
    const wait = (until: number): Promise<unknown> => delay(Math.max(0, until - performance.now()), undefined, { signal: h.stop.signal }).catch(() => undefined);
    const set = async (state: 'up' | 'down'): Promise<void> => {
      const r = await run(this.setLink(spec, state));
      if (!r.ok) h.errors.push(`ip link set ${state}: ${r.why}`);
    };
    for (;;) {
      await wait(h.phaseEnds);
      h.phase = 'up';
      await set('up');
      if (h.stop.signal.aborted || performance.now() >= end) break;
      h.phaseEnds = Math.min(performance.now() + spec.upMs, end);
      await wait(h.phaseEnds);
      if (h.stop.signal.aborted || performance.now() >= end) break;
      h.phase = 'down';
      await set('down');
      h.downPhases += 1;
      h.phaseEnds = Math.min(performance.now() + spec.downMs, end);
    }
    h.phase = 'done';
  }

  async verify(id: string, spec: LinkFlapSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    // A check counts only when it starts in a down phase with time left for a connect attempt to fail.
    const connectMs = Math.max(50, Math.min(1000, Math.floor(spec.downMs / 3)));
    const notes: string[] = [];
    while (h.phase !== 'done') {
      if (h.phase !== 'down' || h.phaseEnds - performance.now() < connectMs + 20) {
        await delay(10);
        continue;
      }
      const link = await linkFlags(spec);
      if ('error' in link) {
        notes.push(`ip link show failed: ${link.error}`);
        break;
      }
      if (link.flags.includes('UP')) {
        notes.push(`in a down phase, ip -o link show still shows UP: ${link.line}`);
        await delay(10);
        continue;
      }
      const parts = [`ip -o link show dev ${onIf(spec)} during down phase ${h.downPhases}: <${link.flags.join(',')}> (not UP)`];
      if (spec.verify === undefined) return { verified: true, evidence: parts.join('; ') };
      const t = `${spec.verify.host}:${spec.verify.port}`;
      const before = h.connectBefore;
      const during = await connectOnce(spec.verify, connectMs);
      const beforeText = before === undefined ? '' : 'error' in before ? `; it also failed before the fault (${before.error})` : `; it took ${before.ms.toFixed(1)} ms before the fault`;
      if ('error' in during) {
        parts.push(`TCP connect to ${t} failed: ${during.error}${beforeText}`);
        return { verified: before !== undefined && !('error' in before), evidence: parts.join('; ') };
      }
      parts.push(`but TCP connect to ${t} succeeded in ${during.ms.toFixed(1)} ms`);
      return { verified: false, evidence: parts.join('; ') };
    }
    notes.push(`no down phase could be checked before the flapping ended (${h.downPhases} down phase(s))`);
    if (h.errors.length > 0) notes.push(`errors: ${h.errors.slice(-3).join(' | ')}`);
    return { verified: false, evidence: notes.join('; ') };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const h = this.handles.get(id);
    if (h !== undefined) {
      h.stop.abort();
      await h.loop;
    }
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const NETWORK_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([
  ['network-netem', new NetemFault()],
  ['network-bandwidth', new BandwidthFault()],
  ['link-flap', new LinkFlapFault()],
]);
