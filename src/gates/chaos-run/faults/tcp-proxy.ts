/**
 * A rootless TCP fault proxy with toxiproxy's toxics built in (node:net only).
 *
 * Every accepted connection is paired with one upstream connection. Data flows through two pipes (upstream:
 * client → server, downstream: server → client); each chunk passes through the active toxics in the order they
 * were given (like toxiproxy's toxic chain). `setToxics` replaces the chain at once: the next chunk of every
 * connection sees the new one. Whether a connection gets a toxic is rolled once per connection and toxic
 * (`toxicity`). Timed toxics (`reset_peer` / `timeout` with `timeout_ms > 0`) start their clock when they are
 * applied to a connection (when set, or when the connection is accepted).
 */
import net from 'node:net';
import { ConfigurationError } from '../../../core/errors.js';

export type ToxicStream = 'upstream' | 'downstream' | 'both';

interface ToxicBase {
  /** Which direction the toxic affects: upstream = client → server, downstream = server → client. Default 'downstream'. */
  stream?: ToxicStream;
  /** Probability (0–1) that a connection gets this toxic. Default 1. */
  toxicity?: number;
}

/** Delay each chunk by latency_ms ± jitter_ms (measured from when the chunk arrived at the proxy). */
export interface LatencyToxic extends ToxicBase {
  type: 'latency';
  latency_ms: number;
  jitter_ms?: number;
}
/** Limit throughput to rate_kbps kilobits (1000 bits) per second (token bucket; chunks are split as needed). */
export interface BandwidthToxic extends ToxicBase {
  type: 'bandwidth';
  rate_kbps: number;
}
/** Reset the connection (TCP RST) after timeout_ms; 0 = on the next data in the toxic's stream. */
export interface ResetPeerToxic extends ToxicBase {
  type: 'reset_peer';
  timeout_ms?: number;
}
/** Blackhole: drop all data in the toxic's stream; close the connection after timeout_ms (0 = hold forever). */
export interface TimeoutToxic extends ToxicBase {
  type: 'timeout';
  timeout_ms: number;
}
/** Slice data into chunks of average_size ± size_variation bytes, delay_us microseconds apart. */
export interface SlicerToxic extends ToxicBase {
  type: 'slicer';
  average_size: number;
  size_variation?: number;
  delay_us?: number;
}
/** Close the connection once `bytes` bytes have passed in the toxic's stream (counted per direction). */
export interface LimitDataToxic extends ToxicBase {
  type: 'limit_data';
  bytes: number;
}

export type Toxic = LatencyToxic | BandwidthToxic | ResetPeerToxic | TimeoutToxic | SlicerToxic | LimitDataToxic;
export type ToxicType = Toxic['type'];

export interface TcpFaultProxyOptions {
  /** Where to listen; default 127.0.0.1 and a free port. */
  listen?: { host?: string; port?: number };
  upstream: { host: string; port: number };
}

export interface TcpFaultProxyStats {
  /** Connections accepted since start. */
  connections: number;
  /** Bytes forwarded client → upstream (after toxics). */
  bytesUp: number;
  /** Bytes forwarded upstream → client (after toxics). */
  bytesDown: number;
  /** Connections currently open. */
  active: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const TOXIC_FIELDS: Record<ToxicType, { required: string[]; optional: string[] }> = {
  latency: { required: ['latency_ms'], optional: ['jitter_ms'] },
  bandwidth: { required: ['rate_kbps'], optional: [] },
  reset_peer: { required: [], optional: ['timeout_ms'] },
  timeout: { required: ['timeout_ms'], optional: [] },
  slicer: { required: ['average_size'], optional: ['size_variation', 'delay_us'] },
  limit_data: { required: ['bytes'], optional: [] },
};

const FIELD_HINTS: Record<string, string> = {
  latency_ms: 'a delay in milliseconds, e.g. 100',
  jitter_ms: 'a random variation in milliseconds, e.g. 10',
  rate_kbps: 'a rate in kilobits per second greater than 0, e.g. 256',
  timeout_ms: 'a time in milliseconds (0 = never)',
  average_size: 'a slice size in bytes of at least 1, e.g. 64',
  size_variation: 'a variation in bytes smaller than average_size, e.g. 16',
  delay_us: 'a delay between slices in microseconds, e.g. 1000',
  bytes: 'a number of bytes, e.g. 1024',
};

const MAX_MS = 2_147_483_647; // setTimeout's maximum

/**
 * Checks an untrusted toxic (from a config file) and returns it typed. Throws ConfigurationError naming the file,
 * line and field, and what to write instead.
 */
export function validateToxic(t: unknown, where: { file: string; line: number; field: string }): Toxic {
  const fail = (field: string, problem: string): never => {
    throw new ConfigurationError(`${where.file}:${where.line}: ${field}: ${problem}`, {
      location: { file: where.file, line: where.line },
      field,
    });
  };
  if (typeof t !== 'object' || t === null || Array.isArray(t)) {
    return fail(where.field, `a toxic must be a mapping with a "type" (one of ${Object.keys(TOXIC_FIELDS).join(', ')}). Write it as a mapping.`);
  }
  const o = t as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string' || !Object.hasOwn(TOXIC_FIELDS, type)) {
    return fail(
      `${where.field}.type`,
      `unknown toxic type ${JSON.stringify(type ?? null)}. Use one of: ${Object.keys(TOXIC_FIELDS).join(', ')}.`,
    );
  }
  const spec = TOXIC_FIELDS[type as ToxicType];
  const allowed = new Set(['type', 'stream', 'toxicity', ...spec.required, ...spec.optional]);
  for (const key of Object.keys(o)) {
    if (!allowed.has(key)) {
      fail(`${where.field}.${key}`, `unknown field for a ${type} toxic. Remove it; allowed fields: ${[...allowed].join(', ')}.`);
    }
  }
  const out: Record<string, unknown> = { type };
  if (o.stream !== undefined) {
    if (o.stream !== 'upstream' && o.stream !== 'downstream' && o.stream !== 'both') {
      fail(`${where.field}.stream`, `must be "upstream", "downstream" or "both" (got ${JSON.stringify(o.stream)}).`);
    }
    out.stream = o.stream;
  }
  if (o.toxicity !== undefined) {
    if (typeof o.toxicity !== 'number' || !Number.isFinite(o.toxicity) || o.toxicity < 0 || o.toxicity > 1) {
      fail(`${where.field}.toxicity`, `must be a number from 0 to 1, the probability a connection gets the toxic (got ${JSON.stringify(o.toxicity)}).`);
    }
    out.toxicity = o.toxicity;
  }
  for (const key of [...spec.required, ...spec.optional]) {
    const v = o[key];
    if (v === undefined) {
      if (spec.required.includes(key)) fail(`${where.field}.${key}`, `missing; a ${type} toxic needs ${key}: ${FIELD_HINTS[key]}.`);
      continue;
    }
    const positive = key === 'rate_kbps' || key === 'average_size';
    const bad = typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v <= 0) || (key.endsWith('_ms') && v > MAX_MS);
    if (bad) fail(`${where.field}.${key}`, `invalid value ${JSON.stringify(v)}; set it to ${FIELD_HINTS[key]}.`);
    out[key] = v;
  }
  if (type === 'slicer') {
    const avg = out.average_size as number;
    const variation = (out.size_variation as number | undefined) ?? 0;
    if (variation >= avg && variation > 0) {
      fail(`${where.field}.size_variation`, `must be smaller than average_size (${avg}); lower it.`);
    }
  }
  return out as unknown as Toxic;
}

// ---------------------------------------------------------------------------------------------------------------
// Proxy

type Direction = 'upstream' | 'downstream';

/** A toxic with its defaults filled in; a fresh object per setToxics call, so rolls are per setting. */
type Active = Toxic & { stream: ToxicStream; toxicity: number };

const HIGH_WATER = 64 * 1024;
const LOW_WATER = 16 * 1024;

interface Bucket {
  tokens: number;
  at: number;
}

class Pipe {
  private readonly queue: { buf: Buffer; at: number }[] = [];
  private queued = 0;
  private ended = false;
  private running = false;
  private pausedByUs = false;
  /** Per-toxic state for this direction (token buckets, byte counters). */
  private readonly state = new WeakMap<Active, Bucket | { passed: number }>();

  constructor(
    private readonly conn: Connection,
    private readonly dir: Direction,
    private readonly src: net.Socket,
    private readonly dst: net.Socket,
  ) {
    src.on('data', (buf: Buffer) => {
      this.queue.push({ buf, at: performance.now() });
      this.queued += buf.length;
      if (this.queued > HIGH_WATER && !this.pausedByUs) {
        this.pausedByUs = true;
        src.pause();
      }
      this.kick();
    });
    src.on('end', () => {
      this.ended = true;
      this.kick();
    });
  }

  private kick(): void {
    if (this.running || this.conn.closed) return;
    this.running = true;
    this.pump().then(
      () => {
        this.running = false;
      },
      () => {
        this.running = false;
        this.conn.close('destroy');
      },
    );
  }

  private async pump(): Promise<void> {
    for (let c = this.queue.shift(); c !== undefined && !this.conn.closed; c = this.queue.shift()) {
      this.queued -= c.buf.length;
      if (this.pausedByUs && this.queued <= LOW_WATER) {
        this.pausedByUs = false;
        this.src.resume();
      }
      await this.stage(c.buf, c.at, this.conn.toxicsFor(this.dir), 0);
    }
    if (this.ended && this.queue.length === 0 && !this.conn.closed && !this.dst.destroyed) this.dst.end();
  }

  private async stage(buf: Buffer, at: number, toxics: Active[], i: number): Promise<void> {
    if (this.conn.closed) return;
    const t = toxics[i];
    if (t === undefined) return this.write(buf);
    switch (t.type) {
      case 'latency': {
        const jitter = t.jitter_ms === undefined ? 0 : (Math.random() * 2 - 1) * t.jitter_ms;
        const wait = at + Math.max(0, t.latency_ms + jitter) - performance.now();
        if (wait > 0 && !(await this.conn.sleep(wait))) return;
        return this.stage(buf, at, toxics, i + 1);
      }
      case 'bandwidth': {
        const rate = (t.rate_kbps * 1000) / 8 / 1000; // bytes per millisecond
        const capacity = Math.max(1, Math.floor(rate * 20)); // at most 20 ms worth of data per piece
        let b = this.state.get(t) as Bucket | undefined;
        if (b === undefined) {
          b = { tokens: capacity, at: performance.now() };
          this.state.set(t, b);
        }
        for (let off = 0; off < buf.length; ) {
          const want = Math.min(capacity, buf.length - off);
          const now = performance.now();
          b.tokens = Math.min(capacity, b.tokens + (now - b.at) * rate);
          b.at = now;
          if (b.tokens < want && !(await this.conn.sleep((want - b.tokens) / rate))) return;
          const later = performance.now();
          b.tokens = Math.min(capacity, b.tokens + (later - b.at) * rate) - want;
          b.at = later;
          await this.stage(buf.subarray(off, off + want), at, toxics, i + 1);
          off += want;
          if (this.conn.closed) return;
        }
        return;
      }
      case 'slicer': {
        const variation = t.size_variation ?? 0;
        const delayMs = (t.delay_us ?? 0) / 1000;
        for (let off = 0; off < buf.length; ) {
          const size = Math.max(1, Math.round(t.average_size + (Math.random() * 2 - 1) * variation));
          const end = Math.min(buf.length, off + size);
          await this.stage(buf.subarray(off, end), at, toxics, i + 1);
          off = end;
          if (this.conn.closed) return;
          if (off < buf.length && delayMs > 0 && !(await this.conn.sleep(delayMs))) return;
        }
        return;
      }
      case 'limit_data': {
        let s = this.state.get(t) as { passed: number } | undefined;
        if (s === undefined) {
          s = { passed: 0 };
          this.state.set(t, s);
        }
        const room = t.bytes - s.passed;
        if (room > 0) {
          const piece = room >= buf.length ? buf : buf.subarray(0, room);
          s.passed += piece.length;
          await this.stage(piece, at, toxics, i + 1);
        }
        if (s.passed >= t.bytes) this.conn.close('graceful');
        return;
      }
      case 'timeout':
        return; // blackhole: the data is dropped
      case 'reset_peer':
        if ((t.timeout_ms ?? 0) === 0) {
          this.conn.close('reset');
          return;
        }
        return this.stage(buf, at, toxics, i + 1);
    }
  }

  private async write(buf: Buffer): Promise<void> {
    if (this.dst.destroyed || this.dst.writableEnded) return;
    this.conn.count(this.dir, buf.length);
    if (!this.dst.write(buf)) await this.conn.waitFor(this.dst, 'drain');
  }
}

class Connection {
  closed = false;
  private readonly rolls = new WeakMap<Active, boolean>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly armed = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<(ok: boolean) => void>();
  private open = 2;
  private lingering: NodeJS.Timeout | undefined;
  private markGone!: () => void;
  /** Resolves once both sockets have closed. */
  readonly gone = new Promise<void>((resolve) => (this.markGone = resolve));

  constructor(
    private readonly proxy: TcpFaultProxy,
    readonly client: net.Socket,
    readonly upstream: net.Socket,
    private readonly onGone: (c: Connection) => void,
  ) {
    for (const s of [client, upstream]) {
      s.on('error', () => this.close('destroy'));
      s.once('close', () => {
        if (--this.open > 0) return;
        this.close('destroy'); // both directions are done: clear any timer still armed
        this.onGone(this);
        this.markGone();
      });
    }
    // Each direction half-closes independently; the connection ends when both sockets have closed.
    new Pipe(this, 'upstream', client, upstream);
    new Pipe(this, 'downstream', upstream, client);
  }

  private gets(t: Active): boolean {
    let r = this.rolls.get(t);
    if (r === undefined) {
      r = t.toxicity >= 1 ? true : t.toxicity <= 0 ? false : Math.random() < t.toxicity;
      this.rolls.set(t, r);
    }
    return r;
  }

  toxicsFor(dir: Direction): Active[] {
    return this.proxy.activeToxics().filter((t) => (t.stream === 'both' || t.stream === dir) && this.gets(t));
  }

  count(dir: Direction, n: number): void {
    this.proxy.count(dir, n);
  }

  /** Starts the clocks of timed toxics (reset_peer / timeout with timeout_ms > 0); replaces earlier ones. */
  arm(toxics: Active[]): void {
    for (const t of this.armed) {
      clearTimeout(t);
      this.timers.delete(t);
    }
    this.armed.clear();
    if (this.closed) return;
    for (const t of toxics) {
      if (t.type !== 'reset_peer' && t.type !== 'timeout') continue;
      const ms = t.timeout_ms ?? 0;
      if (ms <= 0 || !this.gets(t)) continue;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.armed.delete(timer);
        this.close(t.type === 'reset_peer' ? 'reset' : 'graceful');
      }, ms);
      this.timers.add(timer);
      this.armed.add(timer);
    }
  }

  /** Resolves true after ms, or false as soon as the connection closes. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.timers.delete(timer);
        this.waiters.delete(done);
        resolve(ok);
      };
      const timer = setTimeout(() => done(true), ms);
      this.timers.add(timer);
      this.waiters.add(done);
    });
  }

  /** Resolves on the socket's event, its close, or the connection's close. */
  waitFor(s: net.Socket, event: 'drain'): Promise<void> {
    if (this.closed || s.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        s.off(event, done);
        s.off('close', done);
        this.waiters.delete(done);
        resolve();
      };
      s.on(event, done);
      s.on('close', done);
      this.waiters.add(done);
    });
  }

  /** Destroys both sockets now, whatever state the connection is in (used by stop()). */
  destroyNow(): void {
    this.close('destroy');
    clearTimeout(this.lingering);
    this.client.destroy();
    this.upstream.destroy();
  }

  /**
   * destroy: close both sockets now; reset: TCP RST on both; graceful: flush what was written, send FIN, then
   * destroy (the client reads every byte already forwarded, then EOF).
   */
  close(mode: 'destroy' | 'reset' | 'graceful'): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.armed.clear();
    for (const w of [...this.waiters]) w(false);
    this.waiters.clear();
    for (const s of [this.client, this.upstream]) {
      if (s.destroyed) continue;
      if (mode === 'reset') {
        try {
          s.resetAndDestroy();
        } catch {
          s.destroy();
        }
      } else if (mode === 'graceful' && s === this.client && !s.writableEnded) {
        // FIN after what was written; the socket closes once the client closes its side too. Do not wait
        // forever for a client that never does.
        s.end();
        const t = setTimeout(() => s.destroy(), 1000);
        t.unref();
        s.once('close', () => clearTimeout(t));
        this.lingering = t;
      } else {
        s.destroy();
      }
    }
  }
}

export class TcpFaultProxy {
  private readonly conns = new Set<Connection>();
  private toxics: Active[] = [];
  private totals = { connections: 0, bytesUp: 0, bytesDown: 0 };
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: net.Server,
    private readonly upstreamAddr: { host: string; port: number },
  ) {}

  static async start(opts: TcpFaultProxyOptions): Promise<TcpFaultProxy> {
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
    const proxy = new TcpFaultProxy(server, { host: opts.upstream.host, port: opts.upstream.port });
    server.on('connection', (s: net.Socket) => proxy.accept(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: opts.listen?.host ?? '127.0.0.1', port: opts.listen?.port ?? 0 }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined); // after listening, errors concern single connections
    return proxy;
  }

  private address(): net.AddressInfo {
    const a = this.server.address();
    if (a === null || typeof a === 'string') throw new Error('TcpFaultProxy: the server is not listening');
    return a;
  }

  get port(): number {
    return this.address().port;
  }

  get host(): string {
    return this.address().address;
  }

  private accept(client: net.Socket): void {
    if (this.stopping !== undefined) {
      client.destroy();
      return;
    }
    this.totals.connections++;
    const upstream = net.connect({ host: this.upstreamAddr.host, port: this.upstreamAddr.port, allowHalfOpen: true, noDelay: true });
    const conn = new Connection(this, client, upstream, (c) => this.conns.delete(c));
    this.conns.add(conn);
    conn.arm(this.toxics);
    client.resume();
  }

  /** Replaces the active toxics; existing connections see them from their next chunk on. */
  setToxics(toxics: Toxic[]): void {
    const active = toxics.map((t, i): Active => {
      const v = validateToxic(t, { file: 'TcpFaultProxy.setToxics', line: 0, field: `toxics[${i}]` });
      return { ...v, stream: v.stream ?? 'downstream', toxicity: v.toxicity ?? 1 };
    });
    this.toxics = active;
    for (const c of this.conns) c.arm(active);
  }

  /** Removes every toxic: traffic flows untouched from the next chunk on. */
  clear(): void {
    this.setToxics([]);
  }

  /** @internal */
  activeToxics(): Active[] {
    return this.toxics;
  }

  /** @internal */
  count(dir: Direction, n: number): void {
    if (dir === 'upstream') this.totals.bytesUp += n;
    else this.totals.bytesDown += n;
  }

  stats(): TcpFaultProxyStats {
    return { ...this.totals, active: this.conns.size };
  }

  /** Stops listening, destroys every connection and clears every timer. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      const conns = [...this.conns];
      for (const c of conns) c.destroyNow();
      await Promise.all([closed, ...conns.map((c) => c.gone)]);
    })();
    return this.stopping;
  }
}
