import { errorMessage } from '../../../core/errors.js';
import type { Probe, ProbeContext } from '../types.js';
import { interrupted, oneLine, type ProbeResult, raceDeadline, SpecReader } from './command.js';

const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PER_PAGE = 100;
const MAX_PAGES = 30;

type GitHub = NonNullable<ProbeContext['github']>;

interface Review {
  user?: { login?: unknown } | null;
  state?: unknown;
}

class Unreadable extends Error {}

function describeError(e: unknown): string {
  const status = (e as { status?: unknown }).status;
  return oneLine(typeof status === 'number' ? `HTTP ${status}: ${errorMessage(e)}` : errorMessage(e), 160);
}

/** Logins whose latest review (comments aside) approves the pull request, in review order. */
async function approvers(gh: GitHub, pull: number, signal: AbortSignal): Promise<string[]> {
  const latest = new Map<string, { login: string; state: string }>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data: unknown;
    try {
      ({ data } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner: gh.owner,
        repo: gh.repo,
        pull_number: pull,
        per_page: PER_PAGE,
        page,
        request: { signal },
      }));
    } catch (e) {
      throw new Unreadable(`cannot list the reviews of pull request #${pull}: ${describeError(e)}`);
    }
    if (!Array.isArray(data)) throw new Unreadable(`unexpected answer listing the reviews of pull request #${pull}`);
    for (const review of data as Review[]) {
      const login = review.user?.login;
      const state = review.state;
      // A comment after an approval does not take the approval back; a dismissal or a change request does.
      if (typeof login !== 'string' || typeof state !== 'string' || state === 'COMMENTED' || state === 'PENDING') continue;
      latest.set(login.toLowerCase(), { login, state });
    }
    if (data.length < PER_PAGE) break;
  }
  return [...latest.values()].filter((r) => r.state === 'APPROVED').map((r) => r.login);
}

/** Whether `login` is an active member of `org/team`; throws Unreadable when GitHub will not say (no access). */
async function isTeamMember(gh: GitHub, team: string, login: string, signal: AbortSignal): Promise<boolean> {
  const [org = '', slug = ''] = team.split('/');
  try {
    const { data } = await gh.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login, request: { signal } });
    return (data as { state?: unknown } | null)?.state === 'active';
  } catch (e) {
    if ((e as { status?: unknown }).status === 404) return false;
    throw new Unreadable(`cannot read the membership of ${login} in ${team}: ${describeError(e)}`);
  }
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

async function judge(gh: GitHub, pull: number, users: string[], teams: string[], signal: AbortSignal): Promise<ProbeResult> {
  const approved = await approvers(gh, pull, signal);
  const seen = approved.length === 0 ? 'no approvals' : `approved by ${approved.join(', ')}`;
  if (users.length === 0 && teams.length === 0) {
    return approved.length > 0 ? { status: 'pass', summary: `PR #${pull} ${seen}` } : { status: 'fail', summary: `PR #${pull}: no approving review` };
  }
  const wanted = new Set(users.map((u) => u.toLowerCase()));
  const direct = approved.find((login) => wanted.has(login.toLowerCase()));
  if (direct !== undefined) return { status: 'pass', summary: `PR #${pull} approved by ${direct}` };
  const problems: string[] = [];
  for (const login of approved) {
    for (const team of teams) {
      try {
        if (await isTeamMember(gh, team, login, signal)) return { status: 'pass', summary: `PR #${pull} approved by ${login} (member of ${team})` };
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        problems.push(e.message);
      }
    }
  }
  const from = orList([...users, ...teams.map((t) => `a member of ${t}`)]);
  const first = problems[0];
  if (first !== undefined) return { status: 'inconclusive', summary: oneLine(`PR #${pull}: no approval from ${from} confirmed; ${first}`, 300) };
  return { status: 'fail', summary: oneLine(`PR #${pull}: no approval from ${from} (${seen})`, 300) };
}

export const approvalProbe: Probe = {
  type: 'approval',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['users', 'teams']);
    r.logins('users');
    r.stringList('teams', { pattern: TEAM, what: 'a team as `org/team-slug`' });
  },

  async run(spec, ctx, timeoutMs) {
    const gh = ctx.github;
    if (gh === undefined) return { status: 'inconclusive', summary: 'approval cannot be checked: no GitHub access here (not in a pull request, or no token)' };
    if (gh.pullRequest === undefined) return { status: 'inconclusive', summary: 'approval cannot be checked: this run is not for a pull request' };
    const users = Array.isArray(spec.users) ? (spec.users as string[]) : [];
    const teams = Array.isArray(spec.teams) ? (spec.teams as string[]) : [];
    const controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    try {
      const outcome = await raceDeadline(judge(gh, gh.pullRequest, users, teams, signal), timeoutMs, ctx.signal, () => controller.abort());
      return outcome.ok ? outcome.value : interrupted('approval', outcome.why, timeoutMs);
    } catch (e) {
      return { status: 'inconclusive', summary: oneLine(e instanceof Unreadable ? e.message : `approval check failed: ${errorMessage(e)}`, 300) };
    }
  },
};
