import { readFileSync } from 'node:fs';
import type { GitInfo } from '../report/model.js';

/** What a step knows about the run from the runner's environment and event payload. */
export interface RunContext extends GitInfo {
  owner?: string;
  repo?: string;
  /** SHA a check run must be attached to: the PR head, not the merge commit. */
  checkSha?: string;
  defaultBranch?: string;
  /** The PR's base commit (pull_request events). */
  baseSha?: string;
  /** The PR comes from a fork: its token is read-only. */
  fork?: boolean;
  serverUrl: string;
  runUrl?: string;
  /** The run that triggered a `workflow_run` workflow (the fork-safe report step reads its artifact). */
  workflowRun?: WorkflowRunInfo;
}

export interface WorkflowRunInfo {
  id: number;
  headSha: string;
  /** Pull requests GitHub associates with the run: same-repository heads only, empty for a fork. */
  pullRequests: { number: number; headSha?: string }[];
  event?: string;
  conclusion?: string;
  headRepository?: string;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
  };
  repository?: { default_branch?: string; full_name?: string };
  workflow_run?: {
    id?: number;
    head_sha?: string;
    event?: string;
    conclusion?: string | null;
    pull_requests?: { number?: number; head?: { sha?: string }; base?: { repo?: { url?: string } } }[];
    head_repository?: { full_name?: string } | null;
  };
}

function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = event.pull_request;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const ctx: RunContext = {
    serverUrl,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    repository: env.GITHUB_REPOSITORY,
    event: env.GITHUB_EVENT_NAME,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    owner: owner || undefined,
    repo: repo || undefined,
    defaultBranch: event.repository?.default_branch,
    checkSha: pr?.head?.sha ?? env.GITHUB_SHA,
  };
  if (pr) {
    ctx.pullRequest = pr.number;
    ctx.headSha = pr.head?.sha;
    ctx.baseRef = pr.base?.ref ?? env.GITHUB_BASE_REF;
    if (pr.base?.sha) ctx.baseSha = pr.base.sha;
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name ?? event.repository?.full_name;
    ctx.fork = head !== undefined && base !== undefined && head !== base;
  }
  const wr = event.workflow_run;
  if (wr && typeof wr.id === 'number' && typeof wr.head_sha === 'string') {
    ctx.workflowRun = {
      id: wr.id,
      headSha: wr.head_sha,
      pullRequests: (wr.pull_requests ?? [])
        // GitHub may list pull requests of other repositories whose head is this branch: only this repository's count.
        .filter((p) => p.base?.repo?.url === undefined || p.base.repo.url.toLowerCase().endsWith(`/repos/${(env.GITHUB_REPOSITORY ?? '').toLowerCase()}`))
        .filter((p): p is { number: number; head?: { sha?: string } } => typeof p.number === 'number')
        .map((p) => ({ number: p.number, ...(p.head?.sha ? { headSha: p.head.sha } : {}) })),
      ...(wr.event ? { event: wr.event } : {}),
      ...(wr.conclusion ? { conclusion: wr.conclusion } : {}),
      ...(wr.head_repository?.full_name ? { headRepository: wr.head_repository.full_name } : {}),
    };
  }
  if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) ctx.runUrl = `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  return ctx;
}

/** Only the fields that belong in report.json. */
export function gitInfo(ctx: RunContext): GitInfo {
  const keys = ['sha', 'ref', 'repository', 'event', 'pullRequest', 'headSha', 'baseRef', 'runId', 'runAttempt'] as const;
  const info: GitInfo = {};
  for (const k of keys) if (ctx[k] !== undefined) Object.assign(info, { [k]: ctx[k] });
  return info;
}

/** A push to the default branch: the run whose results become the baseline. */
export function isDefaultBranchPush(ctx: RunContext): boolean {
  return ctx.event === 'push' && ctx.defaultBranch !== undefined && ctx.ref === `refs/heads/${ctx.defaultBranch}`;
}
