/**
 * Built-in key-value workloads for chaos-run (`http-kv`, `redis-kv`): a set of elements written as new keys at a
 * fixed total rate by serial clients, recorded as a Jepsen-style JSONL history that `checkSet` (integrity.ts)
 * checks after a final read of every key that was tried.
 *
 * An add is `fail` only when it certainly never reached the store (refused before anything was sent, or rejected
 * by the store), `info` when it may or may not have happened, `ok` when acknowledged.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ConfigurationError } from '../../core/errors.js';
import type { BuiltinWorkloadSpec } from './experiment.js';

export interface WorkloadStats {
  /** Adds invoked (the final read is not counted). */
  invoked: number;
  ok: number;
  fail: number;
  info: number;
}

type Outcome = 'ok' | 'fail' | 'info';

/** Milliseconds one write may take. */
const OP_TIMEOUT_MS = 1000;
const FINAL_READ_TIMEOUT_MS = 10_000;
const MGET_BATCH = 500;
const HTTP_READ_CONCURRENCY = 16;
const RETRY_PAUSE_MS = 100;
const CONNECT_WAIT_MS = 2000;

/** One store: how to write element n, and how to read keys back (throws when the store cannot answer). */
interface Store {
  add(client: number, key: string, value: string): Promise<Outcome>;
  /** Which of `keys` exist; throws when the store cannot answer. */
  readExisting(keys: readonly string[]): Promise<boolean[]>;
  close(): Promise<void>;
}

// ---- http-kv ----

interface HttpAnswer {
  /** Null when no response came; `connected` says whether a request may have been sent. */
  status: number | null;
  connected: boolean;
  body: string;
}

function httpCall(url: URL, method: 'PUT' | 'GET', body: string | undefined, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    const req = request(url, { method, agent: false, headers: body === undefined ? {} : { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } });
    const finish = (a: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(a);
    };
    const timer = setTimeout(() => finish({ status: null, connected, body: '' }), timeoutMs);
    req.on('socket', (socket) => {
      // Nothing is written to a socket before it connects; a reused or already connected socket counts as sent.
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    req.on('error', () => finish({ status: null, connected, body: '' }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => finish({ status: null, connected: true, body: '' }));
      res.on('end', () => finish({ status: res.statusCode ?? 0, connected: true, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.end(body);
  });
}

class HttpStore implements Store {
  private readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/+$/, '');
  }

  private keyUrl(key: string): URL {
    return new URL(`${this.base}/kv/${encodeURIComponent(key)}`);
  }

  async add(_client: number, key: string, value: string): Promise<Outcome> {
    const a = await httpCall(this.keyUrl(key), 'PUT', value, OP_TIMEOUT_MS);
    if (a.status === null) return a.connected ? 'info' : 'fail';
    if (a.status >= 200 && a.status < 300) return 'ok';
    if ((a.status >= 400 && a.status < 500) || a.status === 503) return 'fail';
    return 'info';
  }

  async readExisting(keys: readonly string[]): Promise<boolean[]> {
    const out = new Array<boolean>(keys.length).fill(false);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < keys.length; i = next++) {
        const a = await httpCall(this.keyUrl(keys[i] as string), 'GET', undefined, OP_TIMEOUT_MS);
        if (a.status === 200) out[i] = true;
        else if (a.status !== 404) throw new Error(a.status === null ? 'no answer' : `HTTP ${a.status}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(HTTP_READ_CONCURRENCY, keys.length) }, worker));
    return out;
  }

  async close(): Promise<void> {
    // Nothing held open: every request has its own connection.
  }
}

// ---- redis-kv ----

function redisClient(host: string, port: number): Redis {
  const client = new Redis({
    host,
    port,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: OP_TIMEOUT_MS,
    connectTimeout: OP_TIMEOUT_MS,
    retryStrategy: () => 50 + Math.floor(Math.random() * 51),
    lazyConnect: false,
  });
  // Without a listener ioredis prints connection errors; they show in the outcomes instead.
  client.on('error', () => undefined);
  return client;
}

async function ready(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  await Promise.race([once(client, 'ready'), delay(timeoutMs)]).catch(() => undefined);
}

class RedisStore implements Store {
  private readonly clients: Redis[];

  constructor(
    private readonly host: string,
    private readonly port: number,
    clients: number,
  ) {
    this.clients = Array.from({ length: clients }, () => redisClient(host, port));
  }

  async connect(): Promise<void> {
    await Promise.all(this.clients.map((c) => ready(c, CONNECT_WAIT_MS)));
  }

  async add(client: number, key: string, value: string): Promise<Outcome> {
    const c = this.clients[client] as Redis;
    const endedBefore = c.status === 'end';
    try {
      const reply = await c.set(key, value);
      return reply === 'OK' ? 'ok' : 'info';
    } catch (e) {
      const name = (e as { name?: unknown }).name;
      const message = e instanceof Error ? e.message : String(e);
      // The server answered with an error (READONLY, OOM, MISCONF…): the write was not applied.
      if (name === 'ReplyError') return 'fail';
      if (message.startsWith("Stream isn't writeable")) return 'fail';
      if (message.startsWith('Connection is closed') && endedBefore) return 'fail';
      // Timed out, or the connection was lost after the command was written.
      return 'info';
    }
  }

  async readExisting(keys: readonly string[]): Promise<boolean[]> {
    const client = redisClient(this.host, this.port);
    try {
      await ready(client, OP_TIMEOUT_MS);
      const out: boolean[] = [];
      for (let i = 0; i < keys.length; i += MGET_BATCH) {
        const values = await client.mget(...keys.slice(i, i + MGET_BATCH));
        for (const v of values) out.push(v !== null);
      }
      return out;
    } finally {
      client.disconnect();
    }
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.disconnect();
    await Promise.resolve();
  }
}

// ---- the workload ----

interface HistoryOp {
  type: 'invoke' | Outcome;
  f: 'add' | 'read';
  value: unknown;
  process: number | string;
  time: number;
}

function specError(field: string, problem: string): ConfigurationError {
  return new ConfigurationError(`workload.builtin.${field}: ${problem}`, { field: `workload.builtin.${field}` });
}

export class BuiltinWorkload {
  private readonly counts: WorkloadStats = { invoked: 0, ok: 0, fail: 0, info: 0 };
  private nextElement = 0;
  private nextSlot = 0;
  private stopping = false;
  private loops: Promise<void>[] = [];
  private closed = false;
  private readonly wake = new AbortController();

  private constructor(
    private readonly store: Store,
    private readonly history: WriteStream,
    private readonly prefix: string,
    private readonly periodMs: number,
  ) {}

  static async start(spec: BuiltinWorkloadSpec, opts: { historyFile: string; keyPrefix: string; signal?: AbortSignal }): Promise<BuiltinWorkload> {
    if (!(spec.rate > 0)) throw specError('rate', `must be a positive number of operations per second (got ${spec.rate}).`);
    if (!Number.isInteger(spec.clients) || spec.clients < 1) throw specError('clients', `must be a whole number of at least 1 (got ${spec.clients}).`);
    let store: Store;
    if (spec.type === 'http-kv') {
      if (spec.url === undefined || !URL.canParse(spec.url) || !/^https?:$/.test(new URL(spec.url).protocol)) {
        throw specError('url', `an http-kv workload needs the http:// base URL of the key-value API${spec.url === undefined ? '' : ` (got ${JSON.stringify(spec.url)})`}. Write e.g. url: http://127.0.0.1:8080.`);
      }
      store = new HttpStore(spec.url);
    } else {
      if (spec.port === undefined) throw specError('port', 'a redis-kv workload needs the port of the Redis server. Add e.g. port: 6379.');
      const redis = new RedisStore(spec.host ?? '127.0.0.1', spec.port, spec.clients);
      await redis.connect();
      store = redis;
    }
    mkdirSync(path.dirname(path.resolve(opts.historyFile)), { recursive: true });
    const history = createWriteStream(opts.historyFile, { flags: 'w' });
    await once(history, 'open');
    const w = new BuiltinWorkload(store, history, spec.key_prefix ?? opts.keyPrefix, 1000 / spec.rate);
    const origin = performance.now();
    w.nextSlot = origin;
    w.loops = Array.from({ length: spec.clients }, (_, c) => w.clientLoop(c));
    if (opts.signal !== undefined) {
      if (opts.signal.aborted) w.halt();
      else opts.signal.addEventListener('abort', () => w.halt(), { once: true });
    }
    return w;
  }

  get stats(): WorkloadStats {
    return { ...this.counts };
  }

  private record(op: HistoryOp): void {
    this.history.write(`${JSON.stringify(op)}\n`);
  }

  private halt(): void {
    this.stopping = true;
    this.wake.abort();
  }

  /** Each client is serial; together they take evenly spaced slots (no catching up on slots missed while busy). */
  private async clientLoop(c: number): Promise<void> {
    while (!this.stopping) {
      const now = performance.now();
      const due = Math.max(this.nextSlot, now);
      this.nextSlot = due + this.periodMs;
      if (due > now) {
        try {
          await delay(due - now, undefined, { signal: this.wake.signal });
        } catch {
          return;
        }
      }
      if (this.stopping) return;
      const n = this.nextElement++;
      this.counts.invoked++;
      this.record({ type: 'invoke', f: 'add', value: n, process: c, time: Date.now() });
      let outcome: Outcome;
      try {
        outcome = await this.store.add(c, `${this.prefix}${n}`, String(n));
      } catch {
        outcome = 'info';
      }
      this.counts[outcome]++;
      this.record({ type: outcome, f: 'add', value: n, process: c, time: Date.now() });
    }
  }

  /** Stops issuing writes and waits for outstanding ones (each bounded by its timeout). */
  async stopWrites(): Promise<void> {
    this.halt();
    await Promise.all(this.loops);
  }

  /**
   * Reads back every key that was attempted (ok, info, or fail) and appends one `read` invoke/ok pair (process
   * "final") whose value is the array of element numbers found; retries for up to `timeoutMs` (default 10 s) if
   * the store is unreachable, then records `fail`.
   */
  async finalRead(opts: { timeoutMs?: number } = {}): Promise<void> {
    await this.stopWrites();
    const deadline = performance.now() + (opts.timeoutMs ?? FINAL_READ_TIMEOUT_MS);
    const elements = Array.from({ length: this.nextElement }, (_, n) => n);
    const keys = elements.map((n) => `${this.prefix}${n}`);
    this.record({ type: 'invoke', f: 'read', value: null, process: 'final', time: Date.now() });
    for (;;) {
      try {
        const exists = await this.store.readExisting(keys);
        this.record({ type: 'ok', f: 'read', value: elements.filter((_, i) => exists[i] === true), process: 'final', time: Date.now() });
        return;
      } catch {
        if (performance.now() + RETRY_PAUSE_MS >= deadline) break;
        await delay(RETRY_PAUSE_MS);
      }
    }
    this.record({ type: 'fail', f: 'read', value: null, process: 'final', time: Date.now() });
  }

  /** Flushes and closes the history file (stopping writes first). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopWrites();
    await this.store.close();
    await new Promise<void>((resolve, reject) => {
      this.history.once('error', reject);
      this.history.end(() => resolve());
    });
  }
}
