import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ACCOUNT_NAME = 'devstoreaccount1';
// Public, documented development key of the Azurite/emulator account.
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const LISTENING = /successfully listens on (https?:\/\/\S+)/;

async function azuriteBlobEntry(): Promise<string> {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('azurite/package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['azurite-blob'];
  if (!bin) throw new Error('azurite package has no azurite-blob binary');
  return join(dirname(manifestPath), bin);
}

function waitForListeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => finish(new Error(`azurite did not start within ${START_TIMEOUT_MS} ms: ${stderr || stdout}`)), START_TIMEOUT_MS);
    const onStdout = (chunk: Buffer): void => {
      stdout += chunk.toString();
      const match = LISTENING.exec(stdout);
      if (match?.[1]) finish(undefined, match[1]);
    };
    const onStderr = (chunk: Buffer): void => {
      stderr += chunk.toString();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`azurite exited early (code ${code}, signal ${signal}): ${stderr || stdout}`));
    const onError = (error: Error): void => finish(error);
    function finish(error: Error | undefined, url?: string): void {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve(url ?? '');
    }
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Resolves once the endpoint answers any HTTP request (an auth error counts as ready). */
async function waitUntilServing(endpoint: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        const req = request(`${endpoint}?comp=list`, { method: 'GET' }, (res) => {
          res.resume();
          res.once('end', resolve);
        });
        req.once('error', reject);
        req.end();
      });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** An azurite-blob process on 127.0.0.1, owned by the caller. */
export class Azurite {
  readonly accountName: string = ACCOUNT_NAME;
  readonly accountKey: string = ACCOUNT_KEY;
  readonly #child: ChildProcess;
  readonly #workDir: string;
  #stopped = false;

  private constructor(child: ChildProcess, workDir: string, readonly blobEndpoint: string) {
    this.#child = child;
    this.#workDir = workDir;
  }

  /** Starts azurite in memory, or persisting under `opts.dir` when given. */
  static async start(opts: { dir?: string } = {}): Promise<Azurite> {
    const workDir = await mkdtemp(join(tmpdir(), 'azurite-'));
    const storage = opts.dir ? ['--location', opts.dir] : ['--inMemoryPersistence'];
    const args = [
      await azuriteBlobEntry(),
      '--silent',
      '--loose',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      // Account name comes from the first path segment, as with http://127.0.0.1:PORT/devstoreaccount1.
      '--disableProductStyleUrl',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      ...storage,
    ];
    const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const listening = await waitForListeningUrl(child);
      const endpoint = `${listening.replace(/\/+$/, '')}/${ACCOUNT_NAME}`;
      await waitUntilServing(endpoint);
      // Keep draining output so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      return new Azurite(child, workDir, endpoint);
    } catch (error) {
      await stopChild(child);
      await rm(workDir, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await stopChild(this.#child);
    await rm(this.#workDir, { recursive: true, force: true });
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
