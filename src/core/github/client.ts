import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../log.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL; defaults to the runner's. */
  baseUrl?: string;
  log: Logger;
  /** Retries of 5xx and network errors (plugin-retry); rate limits are waited out at most this often too. */
  retries?: number;
  /** Longest rate-limit wait we accept before giving up, in seconds. */
  maxRateLimitWaitSeconds?: number;
}

/**
 * An octokit with retries of transient failures and GitHub's recommended throttling. The token is held only by
 * the client: it is never logged, written to state or put in a report.
 */
export function createClient(opts: ClientOptions): GitHubClient {
  const retries = opts.retries ?? 3;
  const maxWait = opts.maxRateLimitWaitSeconds ?? 60;
  const baseUrl = opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
    if (retryCount < retries && retryAfter <= maxWait) {
      opts.log.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s`);
      return true;
    }
    opts.log.warning(`GitHub ${kind} rate limit on ${what}; giving up`);
    return false;
  };
  // No `request` option here: getOctokit's defaults put the runner's proxy agent there, and options merge shallowly.
  return getOctokit(
    opts.token,
    {
      baseUrl,
      retry: { retries },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    retry,
    throttling,
  );
}

/**
 * The login that comments written with this token carry. GraphQL's `viewer` answers for every kind of token:
 * GITHUB_TOKEN (github-actions[bot]), a GitHub App's installation token (<slug>[bot]) and a user's token, whereas
 * REST /user refuses installation tokens. If GraphQL is unreachable, /user, then the job token's identity.
 */
export async function tokenIdentity(client: GitHubClient): Promise<string> {
  try {
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (viewer.login) return viewer.login;
  } catch {
    // fall through to REST
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 401 || status === 404) return 'github-actions[bot]';
    throw e;
  }
}
