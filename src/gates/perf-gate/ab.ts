import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../core/errors.js';
import { execCommand } from '../../core/exec.js';
import type { GateContext } from '../../core/gate.js';

/**
 * Same-runner A/B: the base and the head are checked out side by side as git worktrees and their suites run
 * interleaved (A B B A A B …) on the same machine, so drift of the machine (thermals, noisy neighbours, clocks)
 * falls on both sides alike instead of on the comparison.
 */
export interface AbSide {
  name: 'base' | 'head';
  sha: string;
  dir: string;
}

async function git(ctx: GateContext, args: string[], cwd = ctx.workspace): Promise<string> {
  const r = await execCommand({ argv: ['git', ...args] }, { cwd, capture: true, stream: false, signal: ctx.signal, timeoutMs: 120_000 });
  if (r.failed) throw new ConfigurationError(`git ${args.join(' ')} failed in ${path.relative(ctx.workspace, cwd) || '.'}: ${r.error ?? r.tail.slice(-3).join(' ')}`, { field: 'inputs.ab-base-ref' });
  return (r.stdout ?? '').trim();
}

/** The commit to compare against: `merge-base` is the PR's merge base (needs the history: fetch-depth 0). */
export async function resolveBase(ctx: GateContext, ref: string, headSha: string): Promise<string> {
  if (ref === 'merge-base') {
    const base = ctx.run.baseSha;
    if (!base) throw new ConfigurationError('ab-base-ref: merge-base needs a pull_request event (its base SHA); name a ref instead.', { field: 'inputs.ab-base-ref' });
    return git(ctx, ['merge-base', base, headSha]);
  }
  // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
  return git(ctx, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
}

export async function withWorktrees<T>(ctx: GateContext, baseSha: string, headSha: string, fn: (sides: [AbSide, AbSide]) => Promise<T>): Promise<T> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'shipgate-ab-'));
  const sides: [AbSide, AbSide] = [
    { name: 'base', sha: baseSha, dir: path.join(root, 'base') },
    { name: 'head', sha: headSha, dir: path.join(root, 'head') },
  ];
  const added: AbSide[] = [];
  try {
    for (const s of sides) {
      await git(ctx, ['worktree', 'add', '--detach', s.dir, s.sha]);
      added.push(s);
    }
    return await fn(sides);
  } finally {
    for (const s of added) {
      await execCommand({ argv: ['git', 'worktree', 'remove', '--force', s.dir] }, { cwd: ctx.workspace, stream: false });
    }
    await rm(root, { recursive: true, force: true });
  }
}

/** Run order A B B A A B B A …: each side goes first equally often. */
export function abOrder(repetitions: number): ('base' | 'head')[] {
  const order: ('base' | 'head')[] = [];
  for (let i = 0; i < repetitions; i++) order.push(...(i % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const)));
  return order;
}
