import { createHash } from 'node:crypto';

export interface EventFixture {
  name: string;
  payload: Record<string, unknown>;
  env: Record<string, string>;
}

export interface PullRequestEventOptions {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** Head branch lives in the author's fork rather than the base repository. */
  fork?: boolean;
  /** Login of the pull request author and event sender; defaults to the owner. */
  author?: string;
  /** The test merge commit GitHub creates for refs/pull/N/merge; derived when omitted. */
  mergeSha?: string;
  /** Head sha before this push to the pull request branch; derived when omitted. */
  before?: string;
  title?: string;
}

export interface PushEventOptions {
  owner: string;
  repo: string;
  /** Full ref (`refs/heads/main`, `refs/tags/v1`); a bare name is taken as a branch. */
  ref: string;
  sha: string;
  before: string;
  defaultBranch: string;
  pusher?: string;
  message?: string;
}

const ZERO_SHA = '0'.repeat(40);
const SERVER = 'https://github.com';
const API = 'https://api.github.com';

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Stable numeric id for a name, so fixtures are deterministic. */
function idFor(kind: string, name: string): number {
  return 10_000_000 + (Number.parseInt(digest(`${kind}:${name}`).slice(0, 8), 16) % 900_000_000);
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`0:${id}`).toString('base64url')}`;
}

function user(login: string, type: 'User' | 'Organization' = 'User'): Record<string, unknown> {
  const id = idFor('user', login);
  return {
    login,
    id,
    node_id: nodeId(type === 'User' ? 'U' : 'O', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${API}/users/${login}`,
    html_url: `${SERVER}/${login}`,
    type,
    site_admin: false,
  };
}

function repository(owner: string, repo: string, defaultBranch: string, fork: boolean): Record<string, unknown> {
  const fullName = `${owner}/${repo}`;
  const id = idFor('repo', fullName);
  const url = `${API}/repos/${fullName}`;
  return {
    id,
    node_id: nodeId('R', id),
    name: repo,
    full_name: fullName,
    private: false,
    owner: user(owner),
    html_url: `${SERVER}/${fullName}`,
    description: null,
    fork,
    url,
    pulls_url: `${url}/pulls{/number}`,
    issues_url: `${url}/issues{/number}`,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${SERVER}/${fullName}.git`,
    default_branch: defaultBranch,
    visibility: 'public',
    archived: false,
    disabled: false,
    topics: [],
  };
}

function identity(login: string): Record<string, string> {
  return { name: login, email: `${idFor('user', login)}+${login}@users.noreply.github.com`, username: login };
}

function repoEnv(owner: string, repo: string, actor: string): Record<string, string> {
  return {
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_ID: String(idFor('repo', `${owner}/${repo}`)),
    GITHUB_REPOSITORY_OWNER_ID: String(idFor('user', owner)),
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: String(idFor('user', actor)),
    GITHUB_TRIGGERING_ACTOR: actor,
  };
}

/** A `pull_request` event with action `synchronize` and the env the runner derives from it. */
export function pullRequestEvent(o: PullRequestEventOptions): EventFixture {
  const author = o.author ?? o.owner;
  const fork = o.fork ?? false;
  const mergeSha = o.mergeSha ?? digest(`merge:${o.baseSha}:${o.headSha}`);
  const before = o.before ?? digest(`before:${o.headSha}`);
  const base = repository(o.owner, o.repo, o.baseRef, false);
  const headOwner = fork ? author : o.owner;
  const head = fork ? repository(author, o.repo, o.baseRef, true) : base;
  const fullName = `${o.owner}/${o.repo}`;
  const prId = idFor('pr', `${fullName}#${o.number}`);
  const apiUrl = `${API}/repos/${fullName}/pulls/${o.number}`;
  const htmlUrl = `${SERVER}/${fullName}/pull/${o.number}`;
  const timestamp = '2024-01-01T00:00:00Z';

  const pullRequest = {
    url: apiUrl,
    id: prId,
    node_id: nodeId('PR', prId),
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: `${API}/repos/${fullName}/issues/${o.number}`,
    number: o.number,
    state: 'open',
    locked: false,
    title: o.title ?? `Change from ${o.headRef}`,
    user: user(author),
    body: null,
    created_at: timestamp,
    updated_at: timestamp,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: mergeSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: false,
    commits_url: `${apiUrl}/commits`,
    review_comments_url: `${apiUrl}/comments`,
    comments_url: `${API}/repos/${fullName}/issues/${o.number}/comments`,
    statuses_url: `${API}/repos/${fullName}/statuses/${o.headSha}`,
    head: { label: `${headOwner}:${o.headRef}`, ref: o.headRef, sha: o.headSha, user: user(headOwner), repo: head },
    base: { label: `${o.owner}:${o.baseRef}`, ref: o.baseRef, sha: o.baseSha, user: user(o.owner), repo: base },
    author_association: author === o.owner ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: fork,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };

  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: o.number,
      before,
      after: o.headSha,
      pull_request: pullRequest,
      repository: base,
      sender: user(author),
    },
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: mergeSha,
      GITHUB_REF: `refs/pull/${o.number}/merge`,
      GITHUB_REF_NAME: `${o.number}/merge`,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_REF_PROTECTED: 'false',
      GITHUB_HEAD_REF: o.headRef,
      GITHUB_BASE_REF: o.baseRef,
      ...repoEnv(o.owner, o.repo, author),
    },
  };
}

/** A branch or tag `push` event and the env the runner derives from it. */
export function pushEvent(o: PushEventOptions): EventFixture {
  const pusher = o.pusher ?? o.owner;
  const ref = o.ref.startsWith('refs/') ? o.ref : `refs/heads/${o.ref}`;
  const isTag = ref.startsWith('refs/tags/');
  const refName = ref.replace(/^refs\/(heads|tags)\//, '');
  const fullName = `${o.owner}/${o.repo}`;
  const deleted = o.sha === ZERO_SHA;
  const created = o.before === ZERO_SHA;
  const commit = deleted
    ? null
    : {
        id: o.sha,
        tree_id: digest(`tree:${o.sha}`),
        distinct: true,
        message: o.message ?? 'Update',
        timestamp: '2024-01-01T00:00:00Z',
        url: `${SERVER}/${fullName}/commit/${o.sha}`,
        author: identity(pusher),
        committer: identity(pusher),
        added: [],
        removed: [],
        modified: [],
      };

  return {
    name: 'push',
    payload: {
      ref,
      before: o.before,
      after: o.sha,
      repository: { ...repository(o.owner, o.repo, o.defaultBranch, false), master_branch: o.defaultBranch },
      pusher: { name: pusher, email: identity(pusher).email },
      sender: user(pusher),
      created,
      deleted,
      forced: false,
      base_ref: null,
      compare: `${SERVER}/${fullName}/compare/${o.before.slice(0, 12)}...${o.sha.slice(0, 12)}`,
      commits: commit ? [commit] : [],
      head_commit: commit,
    },
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: o.sha,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: refName,
      GITHUB_REF_TYPE: isTag ? 'tag' : 'branch',
      GITHUB_REF_PROTECTED: 'false',
      GITHUB_HEAD_REF: '',
      GITHUB_BASE_REF: '',
      ...repoEnv(o.owner, o.repo, pusher),
    },
  };
}

export interface WorkflowRunEventOptions {
  owner: string;
  repo: string;
  /** Id of the triggering run (the one whose artifacts the workflow_run workflow reads). */
  runId: number;
  /** Name of the triggering workflow. */
  workflowName: string;
  /** The triggering run's head commit and branch. */
  headSha: string;
  headBranch: string;
  /** The run's head repository is a fork: GitHub then lists no pull request in `pull_requests`. */
  fork?: boolean;
  /** Pull requests GitHub associates with the run (same-repository heads only); ignored for a fork. */
  pullRequests?: { number: number; headSha: string; headRef: string; baseRef: string; baseSha: string }[];
  /** Conclusion of the triggering run. */
  conclusion?: 'success' | 'failure' | 'cancelled';
  defaultBranch: string;
  /** The default branch's head, which the workflow_run workflow runs on. */
  defaultSha: string;
  author?: string;
}

/** A `workflow_run` event with action `completed` (the second workflow of the fork-safe pair) and its env. */
export function workflowRunEvent(o: WorkflowRunEventOptions): EventFixture {
  const author = o.author ?? o.owner;
  const fork = o.fork ?? false;
  const base = repository(o.owner, o.repo, o.defaultBranch, false);
  const head = fork ? repository(author, o.repo, o.defaultBranch, true) : base;
  const fullName = `${o.owner}/${o.repo}`;
  const api = `${API}/repos/${fullName}`;
  const workflowId = idFor('workflow', `${fullName}:${o.workflowName}`);
  const pullRequests = fork
    ? []
    : (o.pullRequests ?? []).map((p) => ({
        url: `${api}/pulls/${p.number}`,
        id: idFor('pr', `${fullName}#${p.number}`),
        number: p.number,
        head: { ref: p.headRef, sha: p.headSha, repo: { id: base.id, url: base.url, name: o.repo } },
        base: { ref: p.baseRef, sha: p.baseSha, repo: { id: base.id, url: base.url, name: o.repo } },
      }));
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: o.runId,
        name: o.workflowName,
        node_id: nodeId('WFR', o.runId),
        head_branch: o.headBranch,
        head_sha: o.headSha,
        path: '.github/workflows/pr.yml',
        run_number: 17,
        run_attempt: 1,
        event: 'pull_request',
        status: 'completed',
        conclusion: o.conclusion ?? 'success',
        workflow_id: workflowId,
        url: `${api}/actions/runs/${o.runId}`,
        html_url: `${SERVER}/${fullName}/actions/runs/${o.runId}`,
        pull_requests: pullRequests,
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:05:00Z',
        artifacts_url: `${api}/actions/runs/${o.runId}/artifacts`,
        head_commit: { id: o.headSha, tree_id: digest(`tree:${o.headSha}`), message: 'Update', timestamp: '2024-01-01T00:00:00Z', author: identity(author), committer: identity(author) },
        repository: base,
        head_repository: head,
      },
      workflow: { id: workflowId, name: o.workflowName, path: '.github/workflows/pr.yml', state: 'active' },
      repository: base,
      sender: user(author),
    },
    env: {
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_SHA: o.defaultSha,
      GITHUB_REF: `refs/heads/${o.defaultBranch}`,
      GITHUB_REF_NAME: o.defaultBranch,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_REF_PROTECTED: 'false',
      GITHUB_HEAD_REF: '',
      GITHUB_BASE_REF: '',
      ...repoEnv(o.owner, o.repo, author),
    },
  };
}
