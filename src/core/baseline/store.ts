import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { GateName } from '../report/model.js';
import type { BaselineHistory } from './history.js';

export interface BaselineStore {
  readonly kind: 'repo' | 'cache' | 'none';
  load<T>(gate: GateName, suite: string): Promise<{ history?: BaselineHistory<T>; source?: string }>;
  save<T>(history: BaselineHistory<T>): Promise<{ location: string }>;
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

function parseHistory<T>(text: string, where: string, expected: { gate: GateName; suite: string }): BaselineHistory<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`${where}: not valid JSON (${(e as Error).message}). Restore it from git or delete it to start a new baseline.`, {
      location: { file: where },
    });
  }
  const h = value as Partial<BaselineHistory<T>>;
  if (typeof h !== 'object' || h === null || h.schemaVersion !== 1 || !Array.isArray(h.entries)) {
    throw new ConfigurationError(`${where}: not a shipgate baseline history (needs schemaVersion 1 and entries[]). Delete it to start a new baseline.`, {
      location: { file: where },
    });
  }
  if (h.gate !== expected.gate || h.suite !== expected.suite) {
    throw new ConfigurationError(
      `${where}: holds the baseline of ${String(h.gate)} suite ${JSON.stringify(h.suite)}, not ${expected.gate} suite ${JSON.stringify(expected.suite)}. Rename or delete it.`,
      { location: { file: where } },
    );
  }
  return h as BaselineHistory<T>;
}

/**
 * Where a suite's baseline file lives under baselines/: perf-gate's, the common case, at `<suite>.json`; the other
 * gates' at `<gate>/<suite>.json`. Each file names its gate and suite, so a clash is an error, never a mix-up.
 */
export function repoBaselinePath(gate: GateName, suite: string): string {
  return gate === 'perf-gate' ? `${safe(suite)}.json` : `${gate}/${safe(suite)}.json`;
}

/** Baselines committed to the repository: baselines/<suite>.json (perf-gate) or baselines/<gate>/<suite>.json under the workspace. */
export class RepoBaselineStore implements BaselineStore {
  readonly kind = 'repo' as const;
  private readonly dir: string;
  /**
   * The folder is joined here, from the workspace given at run time: a literal path built from process.cwd()
   * at the call site is rewritten by the bundler into a path inside dist/.
   */
  constructor(
    workspace: string,
    private readonly displayDir = 'baselines',
  ) {
    this.dir = path.join(workspace, displayDir);
  }

  file(gate: GateName, suite: string): string {
    return path.join(this.dir, ...repoBaselinePath(gate, suite).split('/'));
  }

  async load<T>(gate: GateName, suite: string): Promise<{ history?: BaselineHistory<T>; source?: string }> {
    const file = this.file(gate, suite);
    const shown = path.posix.join(this.displayDir, repoBaselinePath(gate, suite));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    return { history: parseHistory<T>(text, shown, { gate, suite }), source: shown };
  }

  async save<T>(history: BaselineHistory<T>): Promise<{ location: string }> {
    const file = this.file(history.gate, history.suite);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(history, null, 2)}\n`);
    return { location: file };
  }
}

/**
 * Baselines in the Actions cache. Cache entries are immutable, so each save gets a new key (run id and
 * attempt) and a restore takes the newest entry by key prefix: first of the same hardware fingerprint, then of
 * any hardware (the caller flags a foreign fingerprint). The cached file sits at a path relative to the
 * workspace because the path is part of the cache version and must be the same on every runner.
 */
export class CacheBaselineStore implements BaselineStore {
  readonly kind = 'cache' as const;
  constructor(
    private readonly opts: { workspace: string; fingerprint: string; runId: string; runAttempt: string },
  ) {}

  private relPath(gate: GateName, suite: string): string {
    return path.posix.join('.shipgate-baseline', `${gate}-${safe(suite)}.json`);
  }

  /** Key prefix; '/' cannot occur in a gate or suite name, so suite `a` never matches suite `a-b`'s entries. */
  prefix(gate: GateName, suite: string, fingerprint?: string): string {
    return `shipgate-baseline/${gate}/${suite}/${fingerprint === undefined ? '' : `${fingerprint}/`}`;
  }

  private async inWorkspace<R>(fn: () => Promise<R>): Promise<R> {
    const prev = process.cwd();
    process.chdir(this.opts.workspace);
    try {
      return await fn();
    } finally {
      process.chdir(prev);
    }
  }

  async load<T>(gate: GateName, suite: string): Promise<{ history?: BaselineHistory<T>; source?: string }> {
    const rel = this.relPath(gate, suite);
    const abs = path.join(this.opts.workspace, rel);
    await rm(abs, { force: true });
    const sameHw = this.prefix(gate, suite, this.opts.fingerprint);
    const cache = await import('@actions/cache');
    const matched = await this.inWorkspace(() => cache.restoreCache([rel], sameHw, [sameHw, this.prefix(gate, suite)]));
    if (!matched) return {};
    const text = await readFile(abs, 'utf8');
    return { history: parseHistory<T>(text, `cache entry ${matched}`, { gate, suite }), source: `cache:${matched}` };
  }

  async save<T>(history: BaselineHistory<T>): Promise<{ location: string }> {
    const rel = this.relPath(history.gate, history.suite);
    const abs = path.join(this.opts.workspace, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, `${JSON.stringify(history)}\n`);
    const key = `${this.prefix(history.gate, history.suite, this.opts.fingerprint)}${this.opts.runId}-${this.opts.runAttempt}`;
    const cache = await import('@actions/cache');
    const id = await this.inWorkspace(() => cache.saveCache([rel], key));
    if (id === -1) throw new Error(`the cache refused baseline ${key}`);
    return { location: `cache:${key}` };
  }
}

export const noBaselineStore: BaselineStore = {
  kind: 'none',
  load: () => Promise.resolve({}),
  save: () => Promise.reject(new Error('no baseline store is configured (baseline-store: none)')),
};
