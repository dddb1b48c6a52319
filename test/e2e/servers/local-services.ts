/**
 * Real Redis, PostgreSQL and Prometheus servers for tests and the demo, each on a free loopback port with its
 * data in a fresh temporary directory that `stop()` removes. Binaries come from the Debian packages
 * (redis-server, postgresql-15, prometheus); `skipUnless` tells a test what is missing.
 * PostgreSQL refuses to run as root: as root it is run as the `postgres` user through runuser.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, chownSync, constants, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type RequestListener, get as httpGet } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';

export interface LocalService {
  port: number;
  url?: string;
  stop(): Promise<void>;
}

export interface PostgresService extends LocalService {
  url: string;
  /** Superuser, trusted on loopback without a password. */
  user: string;
  database: string;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_MS = 50;
const LOOPBACK = '127.0.0.1';
const execFileAsync = promisify(execFile);

// ---- finding binaries ----

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/bin', '/usr/bin', '/usr/sbin', '/sbin', '/bin'];
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The newest /usr/lib/postgresql/<version>/bin holding `name`, else `name` on the PATH. */
function postgresBinary(name: string): string | undefined {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    // not installed from Debian packages
  }
  for (const v of versions) {
    const candidate = path.join(root, v, 'bin', name);
    if (isExecutable(candidate)) return candidate;
  }
  return onPath(name);
}

/** Full paths of the server binaries, or the bare name where none was found. */
export const BINARIES = {
  redis: onPath('redis-server') ?? 'redis-server',
  postgres: postgresBinary('postgres') ?? 'postgres',
  initdb: postgresBinary('initdb') ?? 'initdb',
  prometheus: onPath('prometheus') ?? 'prometheus',
} as const;

const POSTGRES_TOOLS = new Set(['postgres', 'initdb', 'pg_ctl']);
const asRoot = process.getuid?.() === 0;

function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no passwd file
  }
  return undefined;
}

/**
 * `false` when `bin` (a path, or a name looked up on the PATH and, for PostgreSQL tools, under
 * /usr/lib/postgresql) can run here; otherwise the reason, for node:test's `skip`.
 */
export function skipUnless(bin: string): false | string {
  const name = path.basename(bin);
  const found = path.isAbsolute(bin) ? (isExecutable(bin) ? bin : undefined) : POSTGRES_TOOLS.has(name) ? postgresBinary(name) : onPath(bin);
  if (found === undefined) return `${bin} is not installed`;
  if (POSTGRES_TOOLS.has(name) && asRoot) {
    if (onPath('runuser') === undefined) return `${name} refuses to run as root, and runuser (to run it as postgres) is not installed`;
    if (systemUser('postgres') === undefined) return `${name} refuses to run as root, and there is no postgres user to run it as`;
  }
  return false;
}

// ---- processes ----

const live = new Set<() => void>();
let exitHook = false;

/** Last resort when the test process exits with servers still running. */
function killOnExit(kill: () => void): () => void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const k of live) k();
    });
  }
  live.add(kill);
  return () => {
    live.delete(kill);
  };
}

interface Started {
  child: ChildProcess;
  /** Last output, for error messages. */
  output(): string;
  exited(): boolean;
}

function start(file: string, args: string[]): Started {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let exited = false;
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (e) => {
    text += `\n${e.message}`;
    exited = true;
  });
  child.on('exit', () => {
    exited = true;
  });
  return { child, output: () => text.trim(), exited: () => exited };
}

async function waitUntil(what: string, proc: Started, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (proc.exited()) throw new Error(`${what} exited while starting: ${proc.output()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not get ready within ${START_TIMEOUT_MS} ms: ${proc.output()}`);
    await delay(POLL_MS);
  }
}

async function stopProcess(proc: Started, signal: NodeJS.Signals = 'SIGTERM', sendTo: () => void = () => proc.child.kill(signal)): Promise<void> {
  if (proc.exited()) return;
  const exit = once(proc.child, 'exit');
  sendTo();
  const timer = delay(STOP_TIMEOUT_MS).then(() => 'timeout' as const);
  if ((await Promise.race([exit, timer])) === 'timeout') {
    proc.child.kill('SIGKILL');
    await exit;
  }
}

/** A free TCP port on 127.0.0.1 (the kernel's choice; closed again before returning). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, LOOPBACK);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
  });
}

// ---- Redis ----

export async function startRedis(opts: { password?: string } = {}): Promise<LocalService> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', LOOPBACK, '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''];
  if (opts.password !== undefined) args.push('--requirepass', opts.password);
  const proc = start(BINARIES.redis, args);
  const forget = killOnExit(() => proc.child.kill('SIGKILL'));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopProcess(proc);
    forget();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil('redis-server', proc, () => tcpOpen(port));
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url: `redis://${LOOPBACK}:${port}`, stop };
}

// ---- PostgreSQL ----

/** Runs `argv` as the postgres user when we are root (PostgreSQL refuses root), else as ourselves. */
function asPostgres(argv: string[]): [string, string[]] {
  const [file = '', ...args] = argv;
  return asRoot ? [onPath('runuser') ?? 'runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

async function pgQuery(port: number, sql: string): Promise<void> {
  const client = new pg.Client({ host: LOOPBACK, port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function signalPid(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
}

/**
 * A fresh cluster: superuser `postgres` trusted on loopback; every other user authenticates with a password
 * (`auth`, default scram-sha-256). `users` are created with their passwords.
 */
export async function startPostgres(opts: { users?: { name: string; password: string }[]; auth?: 'scram-sha-256' | 'md5' } = {}): Promise<PostgresService> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-pg-'));
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sock');
  mkdirSync(sockets);
  if (asRoot) {
    const owner = systemUser('postgres');
    if (owner === undefined) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
    chownSync(dir, owner.uid, owner.gid);
    chownSync(sockets, owner.uid, owner.gid);
  }
  let proc: Started | undefined;
  let forget = (): void => undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (proc !== undefined) {
      const p = proc;
      // SIGINT to the postmaster: fast shutdown. runuser in between would not pass a signal on.
      await stopProcess(p, 'SIGINT', () => {
        const pid = postmasterPid(data);
        if (pid === undefined) p.child.kill('SIGINT');
        else signalPid(pid, 'SIGINT');
      });
      signalPid(postmasterPid(data), 'SIGKILL');
    }
    forget();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [initFile, initArgs] = asPostgres([BINARIES.initdb, '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    try {
      await execFileAsync(initFile, initArgs, { cwd: dir, timeout: START_TIMEOUT_MS });
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string; message: string };
      throw new Error(`initdb failed: ${err.stderr ?? ''}${err.stdout ?? ''}${err.message}`);
    }
    const auth = opts.auth ?? 'scram-sha-256';
    const hba = ['local all all trust', 'host all postgres 127.0.0.1/32 trust', `host all all 127.0.0.1/32 ${auth}`, 'host all postgres ::1/128 trust', `host all all ::1/128 ${auth}`];
    await writeFile(path.join(data, 'pg_hba.conf'), `${hba.join('\n')}\n`);
    const port = await freePort();
    const settings = {
      listen_addresses: LOOPBACK,
      port: String(port),
      unix_socket_directories: sockets,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      logging_collector: 'off',
      shared_buffers: '16MB',
      max_connections: '20',
      password_encryption: auth === 'md5' ? 'md5' : 'scram-sha-256',
    };
    const [file, args] = asPostgres([BINARIES.postgres, '-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
    const started = start(file, args);
    proc = started;
    forget = killOnExit(() => {
      signalPid(postmasterPid(data), 'SIGQUIT');
      started.child.kill('SIGKILL');
    });
    await waitUntil('postgres', started, async () => {
      await pgQuery(port, 'SELECT 1');
      return true;
    });
    for (const u of opts.users ?? []) {
      await pgQuery(port, `CREATE ROLE ${pg.escapeIdentifier(u.name)} LOGIN PASSWORD ${pg.escapeLiteral(u.password)}`);
    }
    return { port, url: `postgres://postgres@${LOOPBACK}:${port}/postgres`, user: 'postgres', database: 'postgres', stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

// ---- Prometheus ----

/**
 * Prometheus scraping `scrapeTarget` (`host:port`, or a URL whose path is the metrics path) every second as job
 * `job` (default `t`).
 */
export async function startPrometheus(scrapeTarget: string, opts: { job?: string; scrapeIntervalS?: number } = {}): Promise<LocalService> {
  const target = /^https?:\/\//.test(scrapeTarget) ? new URL(scrapeTarget) : new URL(`http://${scrapeTarget}/metrics`);
  const interval = `${opts.scrapeIntervalS ?? 1}s`;
  const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-prom-'));
  const port = await freePort();
  // JSON is YAML: no serialiser needed.
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    scrape_configs: [
      {
        job_name: opts.job ?? 't',
        scheme: target.protocol.replace(':', ''),
        metrics_path: target.pathname,
        scrape_interval: interval,
        static_configs: [{ targets: [target.host] }],
      },
    ],
  };
  const configFile = path.join(dir, 'prometheus.yml');
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const proc = start(BINARIES.prometheus, [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=${LOOPBACK}:${port}`,
    '--log.level=warn',
  ]);
  const forget = killOnExit(() => proc.child.kill('SIGKILL'));
  const url = `http://${LOOPBACK}:${port}`;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopProcess(proc);
    forget();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil('prometheus', proc, async () => (await httpStatus(`${url}/-/ready`)) === 200);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url, stop };
}

// ---- a scrape target ----

/** A node:http server on 127.0.0.1 answering `/metrics` with `metrics()` in the Prometheus text format. */
export async function startMetricsServer(metrics: () => string, handler?: RequestListener): Promise<LocalService & { url: string }> {
  const server = createHttpServer((req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(metrics());
    } else if (handler !== undefined) {
      handler(req, res);
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, LOOPBACK);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    url: `http://${LOOPBACK}:${port}`,
    stop: async () => {
      server.closeAllConnections();
      if (server.listening) {
        server.close();
        await once(server, 'close');
      }
    },
  };
}
