import path from 'node:path';
import { execCommand } from '../../core/exec.js';
import type { CheckSpec, Checklist, ChecklistItem } from './types.js';

/**
 * Which command checks readiness-checklist may run on a pull request.
 *
 * A `command` check runs whatever the checklist says on the (often self-hosted) runner. On a pull request from a fork,
 * or one that changes the checklist, that text was written by the PR's author, so it is not run: with
 * `untrusted-commands: base` the command checks come from the base branch's checklist instead, with `refuse` they
 * are skipped. Other checks (http, tcp, gate, …) only read, and stay as the PR wrote them.
 *
 * Limit: a base command still runs in the PR's checkout; a base command that runs a script from the repository runs
 * the PR's version of that script.
 */

export type UntrustedMode = 'base' | 'refuse';

/** Check types that run code on the runner. Only `command` today. */
export const CODE_RUNNING_CHECKS: ReadonlySet<string> = new Set(['command']);

/** The type of the placeholder that replaces an untrusted command check; the gate reports it as `inconclusive`. */
export const UNTRUSTED_CHECK = 'untrusted';

const GIT_TIMEOUT_MS = 30_000;

/**
 * Whether the checklist's command checks can be run as the PR wrote them. `checklistChanged` undefined means git could
 * not tell (e.g. a shallow clone): not trusted.
 */
export function decideTrust(opts: { isFork: boolean; checklistChanged: boolean | undefined; mode: UntrustedMode }): {
  trusted: boolean;
  why?: string;
} {
  const causes: string[] = [];
  if (opts.isFork) causes.push('the pull request comes from a fork');
  if (opts.checklistChanged === true) causes.push('the pull request changes the checklist');
  if (opts.checklistChanged === undefined) {
    causes.push('git could not tell whether the pull request changes the checklist (shallow clone without the base commit? use fetch-depth: 0)');
  }
  if (causes.length === 0) return { trusted: true };
  const action =
    opts.mode === 'base'
      ? "command checks come from the base branch's checklist (untrusted-commands: base)"
      : 'command checks are not run (untrusted-commands: refuse)';
  return { trusted: false, why: `${causes.join('; ')}: ${action}` };
}

function checkRevision(rev: string): void {
  // A revision starting with "-" would be read as an option.
  if (rev === '' || rev.startsWith('-') || /\s/.test(rev)) throw new Error(`not a git revision: ${JSON.stringify(rev)}`);
}

async function git(workspace: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  const result = await execCommand(
    { argv: ['git', ...args] },
    {
      cwd: workspace,
      env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      stream: false,
      capture: true,
      tailLines: 5,
      timeoutMs: GIT_TIMEOUT_MS,
    },
  );
  return { ok: !result.failed && result.error === undefined, stdout: result.stdout ?? '' };
}

async function hasCommit(workspace: string, rev: string): Promise<boolean> {
  return (await git(workspace, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).ok;
}

/** A path relative to the workspace, as git's `./` form (relative to the working directory), `/`-separated. */
function gitRelative(workspace: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(workspace, file) : path.normalize(file);
  return `./${relative.split(path.sep).join('/')}`;
}

/**
 * Whether the pull request (`base...head`: changes on head since the merge base) touches any of `files` (paths
 * relative to the workspace). Undefined when git cannot tell: not a git repository, git missing, or either commit (or
 * their merge base) absent — typically a shallow clone (actions/checkout's default fetch-depth 1) that does not hold
 * the base commit. Callers treat undefined as "changed".
 */
export async function checklistChangedInPr(workspace: string, baseSha: string, headSha: string, files: string[]): Promise<boolean | undefined> {
  checkRevision(baseSha);
  checkRevision(headSha);
  if (files.length === 0) return false;
  if (!(await hasCommit(workspace, baseSha)) || !(await hasCommit(workspace, headSha))) return undefined;
  const pathspecs = files.map((f) => gitRelative(workspace, f));
  const diff = await git(workspace, ['--literal-pathspecs', '-c', 'core.quotePath=false', 'diff', '--no-ext-diff', '--name-only', `${baseSha}...${headSha}`, '--', ...pathspecs]);
  if (!diff.ok) return undefined; // e.g. no merge base in a shallow history
  return diff.stdout.split('\n').some((line) => line.trim() !== '');
}

/**
 * The text of `file` (relative to the workspace) at commit `baseSha`, or undefined when it does not exist there —
 * or when git cannot tell (the commit is absent, as in a shallow clone). Reads the blob (`git cat-file blob
 * base:./file`, the content `git show base:path` prints for a file), so a directory of that name is not a file.
 */
export async function baseFileText(workspace: string, baseSha: string, file: string): Promise<string | undefined> {
  checkRevision(baseSha);
  const result = await git(workspace, ['cat-file', 'blob', `${baseSha}:${gitRelative(workspace, file)}`]);
  return result.ok ? result.stdout : undefined;
}

function isCommand(check: CheckSpec): boolean {
  return CODE_RUNNING_CHECKS.has(check.type);
}

function placeholder(check: CheckSpec, reason: string): CheckSpec {
  return { type: UNTRUSTED_CHECK, name: check.name ?? check.type, reason };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The checklist to run when the PR is not trusted: `head` with every code-running check (`command`) replaced.
 * - mode `base`: the k-th command check of a head item becomes the k-th command check of the base item with the same
 *   id, in place; a head command check with no counterpart (the base item has fewer, or no base item, or no base
 *   checklist) becomes an `untrusted` placeholder. Base command checks beyond the head item's count are not run.
 * - mode `refuse`: every command check becomes a placeholder.
 * Placeholders are `{ type: 'untrusted', name, reason }`; the gate reports them as `inconclusive`. Every other check,
 * and everything else in the checklist, stays as in `head`. Notes: one line per item whose command checks were
 * replaced or skipped.
 */
export function restrictCommands(head: Checklist, base: Checklist | undefined, mode: UntrustedMode): { checklist: Checklist; notes: string[] } {
  const baseItems = new Map<string, ChecklistItem>();
  for (const section of base?.sections ?? []) for (const item of section.items) baseItems.set(item.id, item);
  const notes: string[] = [];

  const restrictItem = (item: ChecklistItem): ChecklistItem => {
    const own = item.checks.filter(isCommand).length;
    if (own === 0) return item;
    const commands = plural(own, 'command check', 'command checks');
    if (mode === 'refuse') {
      const reason = 'not run: command checks from a fork PR / a changed checklist are not trusted (untrusted-commands: refuse)';
      notes.push(`${item.id}: ${commands} not run (untrusted-commands: refuse)`);
      return { ...item, checks: item.checks.map((c) => (isCommand(c) ? placeholder(c, reason) : c)) };
    }
    const baseItem = baseItems.get(item.id);
    if (baseItem === undefined) {
      const missing = base === undefined ? "there is no base branch checklist" : "the item is not in the base branch's checklist";
      const reason = `not run: command checks from a fork PR / a changed checklist are not trusted, and ${missing}`;
      notes.push(`${item.id}: ${commands} not run: ${missing}`);
      return { ...item, checks: item.checks.map((c) => (isCommand(c) ? placeholder(c, reason) : c)) };
    }
    const fromBase = baseItem.checks.filter(isCommand);
    let k = 0;
    let same = 0;
    const checks = item.checks.map((c) => {
      if (!isCommand(c)) return c;
      const replacement = fromBase[k];
      k += 1;
      if (replacement === undefined) {
        return placeholder(c, "not run: command checks from a fork PR / a changed checklist are not trusted, and the base branch's item has no such command check");
      }
      if (JSON.stringify(replacement) === JSON.stringify(c)) same += 1;
      return replacement;
    });
    const taken = Math.min(own, fromBase.length);
    const parts = [`${plural(taken, 'command check', 'command checks')} from the base branch's checklist${taken > 0 && same === taken ? ' (unchanged)' : ''}`];
    if (own > fromBase.length) parts.push(`${own - fromBase.length} not run (not in the base item)`);
    if (fromBase.length > own) parts.push(`${fromBase.length - own} base command ${fromBase.length - own === 1 ? 'check' : 'checks'} without a place in the PR's item not run`);
    notes.push(`${item.id}: ${parts.join('; ')}`);
    return { ...item, checks };
  };

  const checklist: Checklist = {
    ...head,
    sections: head.sections.map((section) => ({ ...section, items: section.items.map(restrictItem) })),
  };
  return { checklist, notes };
}
