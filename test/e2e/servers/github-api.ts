import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { subsetValidator, type OpenApiValidator, type RequestValidation } from './openapi-validator.js';

export interface GitHubApiServerOptions {
  owner?: string;
  repo?: string;
}

interface FaultMatch {
  /** HTTP method, case-insensitive; absent matches any. */
  method?: string;
  /** Tested against the URL path (no query); absent matches any. */
  path?: RegExp;
  /** How many matching requests the fault answers; default 1, Infinity allowed. */
  times?: number;
}

export type Fault = FaultMatch &
  (
    | { kind: 'status'; status: number; message?: string }
    | { kind: 'forbidden-integration' }
    | { kind: 'rate-limit'; retryAfterSeconds: number; status?: 403 | 429 }
    | { kind: 'secondary-rate-limit'; retryAfterSeconds: number }
  );

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId?: string;
  status: number;
  /** Whether the request matched an operation and passed OpenAPI validation. */
  valid: boolean;
  errors: string[];
  token?: string;
  /** Mismatches between a successful JSON answer and its documented response schema (expected empty). */
  responseErrors?: string[];
}

export interface Actor {
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface IssueComment {
  id: number;
  body: string;
  user: Actor;
  created_at: string;
  updated_at: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, across create and all updates, in order. */
  annotations: Annotation[];
  /** Number of PATCH requests applied. */
  updates: number;
}

export interface PullRequestSeed {
  number: number;
  headSha: string;
  baseSha: string;
  headRef?: string;
  baseRef?: string;
  files?: string[];
  /** Login of the author; default 'octocat'. */
  author?: string;
  /** 'owner/name' of the head repository when the PR comes from a fork. */
  headRepo?: string;
}

interface Identity {
  kind: 'installation' | 'user';
  login: string;
  type: 'User' | 'Bot';
  permissions: 'write' | 'read';
}

interface Review {
  id: number;
  login: string;
  body: string;
  state: string;
  commitId: string;
  submittedAt: string | null;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Already-encoded body with its own content type (raw file contents). */
  raw?: { contentType: string; data: Buffer };
}

interface Context {
  params: Record<string, unknown>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  who: Identity;
  docsUrl: string;
  rawPath: string;
  searchParams: URLSearchParams;
  accept: string;
}

type Json = Record<string, unknown>;
type Handler = (ctx: Context) => Reply;

const BOT_LOGIN = 'github-actions[bot]';
const BOT_ID = 41898282;
const INTEGRATION_FORBIDDEN = 'Resource not accessible by integration';
const RATE_LIMIT = 5000;
const WEB = 'https://github.com';

const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function gitBlobSha(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

function fail(status: number, message: string, docsUrl: string, extra: Json = {}): never {
  throw new ApiError(status, { message, ...extra, documentation_url: docsUrl, status: String(status) });
}

function validationFailed(docsUrl: string, errors: Json[]): never {
  fail(422, 'Validation Failed', docsUrl, { errors });
}

export class GitHubApiServer {
  readonly url: string;
  readonly requests: RecordedRequest[] = [];

  readonly #server: Server;
  readonly #owner: string;
  readonly #repo: string;
  readonly #validator: OpenApiValidator;
  readonly #tokens = new Map<string, Identity>();
  readonly #userIds = new Map<string, number>([[BOT_LOGIN, BOT_ID]]);
  readonly #repoIds = new Map<string, number>();
  readonly #rateUsed = new Map<string, number>();
  readonly #rateReset = Math.floor(Date.now() / 1000) + 3600;
  readonly #faults: Fault[] = [];
  readonly #comments = new Map<number, IssueComment & { issue: number; viaApp: boolean }>();
  readonly #checkRuns = new Map<number, CheckRun & { suiteId: number; viaApp: boolean }>();
  readonly #pulls = new Map<number, PullRequestSeed & { createdAt: string }>();
  readonly #reviews = new Map<number, Review[]>();
  readonly #files = new Map<string, Buffer>();
  readonly #artifacts = new Map<number, { id: number; name: string; size: number; createdAt: string; downloadUrl?: string; digest?: string }[]>();
  readonly #teamMembers = new Map<string, 'member' | 'maintainer'>();
  readonly #handlers: Record<string, Handler>;
  #nextId = 1_000_000_001;
  #requestSeq = 0;

  private constructor(server: Server, url: string, opts: GitHubApiServerOptions) {
    this.#server = server;
    this.url = url;
    this.#owner = opts.owner ?? 'acme';
    this.#repo = opts.repo ?? 'widgets';
    this.#validator = subsetValidator();
    this.#handlers = this.#routes();
  }

  static async start(opts: GitHubApiServerOptions = {}): Promise<GitHubApiServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const api = new GitHubApiServer(server, `http://127.0.0.1:${port}`, opts);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      api.#handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `test server error: ${String(err)}` }));
      });
    });
    return api;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => this.#server.close((err) => (err ? reject(err) : resolve())));
    this.#server.closeAllConnections();
    await closed;
  }

  /** An installation token's login is github-actions[bot] (the job's GITHUB_TOKEN) unless another app's `<slug>[bot]` is given. */
  addToken(token: string, who: { kind: 'installation' | 'user'; login?: string; permissions?: 'write' | 'read' }): void {
    const login = who.login ?? (who.kind === 'installation' ? BOT_LOGIN : 'octocat');
    this.#userId(login);
    this.#tokens.set(token, {
      kind: who.kind,
      login,
      type: who.kind === 'installation' ? 'Bot' : 'User',
      permissions: who.permissions ?? 'write',
    });
  }

  addPullRequest(pr: PullRequestSeed): void {
    this.#pulls.set(pr.number, { ...pr, files: [...(pr.files ?? [])], createdAt: now() });
  }

  seedComment(issueNumber: number, body: string, login: string): number {
    const id = this.#id();
    const at = now();
    this.#userId(login);
    this.#comments.set(id, {
      id,
      issue: issueNumber,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: at,
      updated_at: at,
      viaApp: login === BOT_LOGIN,
    });
    return id;
  }

  /** Content served by repos/get-content (any ref). */
  setFile(path: string, content: string | Buffer): void {
    this.#files.set(path.replace(/^\/+/, ''), Buffer.from(content));
  }

  /**
   * An artifact listed by actions/list-workflow-run-artifacts for runId; returns its id. With `downloadUrl` (a
   * signed blob URL, as the results service hands out), actions/download-artifact redirects there as GitHub does.
   */
  addArtifact(runId: number, name: string, sizeInBytes = 0, opts: { downloadUrl?: string; digest?: string } = {}): number {
    const id = this.#id();
    const list = this.#artifacts.get(runId) ?? [];
    list.push({ id, name, size: sizeInBytes, createdAt: now(), ...opts });
    this.#artifacts.set(runId, list);
    return id;
  }

  addTeamMember(org: string, teamSlug: string, login: string, role: 'member' | 'maintainer' = 'member'): void {
    this.#teamMembers.set(`${org}/${teamSlug}/${login}`.toLowerCase(), role);
  }

  inject(fault: Fault): void {
    this.#faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  invalidRequests(): RecordedRequest[] {
    return this.requests.filter((r) => !r.valid);
  }

  comments(issueNumber: number): IssueComment[] {
    return [...this.#comments.values()]
      .filter((c) => c.issue === issueNumber)
      .map(({ id, body, user, created_at, updated_at }) => ({ id, body, user: { ...user }, created_at, updated_at }));
  }

  checkRuns(): CheckRun[] {
    return [...this.#checkRuns.values()].map(({ suiteId: _s, viaApp: _v, ...run }) => structuredClone(run));
  }

  // ---- request pipeline ----

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      valid: false,
      errors: [],
      ...(token ? { token } : {}),
    };
    this.requests.push(record);

    let body: unknown;
    let parseError = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        parseError = true;
        body = raw.toString('utf8');
      }
    }
    record.body = body;

    if (method === 'POST' && url.pathname === '/graphql') {
      const reply = this.#graphql(token, body, record);
      record.status = reply.status;
      this.#send(res, reply, token);
      return;
    }

    const validation = parseError
      ? this.#validator.validateRequest({ method, path: url.pathname, query: record.query, body: undefined })
      : this.#validator.validateRequest({ method, path: url.pathname, query: record.query, body });
    if (validation) record.operationId = validation.operationId;
    record.errors = !validation ? ['no such operation'] : parseError ? ['body is not valid JSON'] : validation.errors;
    record.valid = record.errors.length === 0;

    const reply = this.#answer(method, url, token, validation, body, parseError, req.headers.accept ?? '');
    if (validation && reply.status < 300 && reply.body !== undefined && !reply.raw) {
      const errors = this.#validator.validateResponse(validation.operationId, reply.status, reply.body);
      if (errors) record.responseErrors = errors;
    }
    record.status = reply.status;
    this.#send(res, reply, token);
  }

  /**
   * GraphQL is not part of the REST description; the one query the project sends, `viewer { login }` (the token's
   * own identity, which installation tokens cannot read from REST /user), is answered; anything else is invalid.
   */
  #graphql(token: string | undefined, body: unknown, record: RecordedRequest): Reply {
    record.operationId = 'graphql';
    const query = isRecord(body) && typeof body.query === 'string' ? body.query : '';
    const viewer = /^\s*(query\s*\w*\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query);
    record.errors = viewer ? [] : [`unsupported GraphQL query: ${query.slice(0, 200)}`];
    record.valid = viewer;
    const fault = this.#takeFault('POST', '/graphql');
    if (fault) return this.#faultReply(fault, token);
    const who = token === undefined ? undefined : this.#tokens.get(token);
    if (!who) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' } };
    if (!viewer) return { status: 200, body: { errors: [{ message: 'unsupported query in the test server' }] } };
    return { status: 200, body: { data: { viewer: { login: who.login } } } };
  }

  #answer(
    method: string,
    url: URL,
    token: string | undefined,
    validation: RequestValidation | undefined,
    body: unknown,
    parseError: boolean,
    accept: string,
  ): Reply {
    const docsUrl = validation?.docsUrl ?? 'https://docs.github.com/rest';
    try {
      const fault = this.#takeFault(method, url.pathname);
      if (fault) return this.#faultReply(fault, token);
      const who = token === undefined ? undefined : this.#tokens.get(token);
      if (!who) fail(401, 'Bad credentials', 'https://docs.github.com/rest');
      if (!validation) fail(404, 'Not Found', 'https://docs.github.com/rest');
      const params = validation.params;
      const owner = str(params.owner);
      const repo = str(params.repo);
      if (owner !== undefined && owner.toLowerCase() !== this.#owner.toLowerCase()) fail(404, 'Not Found', docsUrl);
      if (repo !== undefined && repo.toLowerCase() !== this.#repo.toLowerCase()) fail(404, 'Not Found', docsUrl);
      if (method !== 'GET' && method !== 'HEAD' && who.permissions === 'read') fail(403, INTEGRATION_FORBIDDEN, docsUrl);
      if (parseError) fail(400, 'Problems parsing JSON', docsUrl);
      if (validation.errors.length > 0) fail(422, `Invalid request.\n\n${validation.errors.join('\n')}`, docsUrl);
      const handler = this.#handlers[validation.operationId];
      if (!handler) fail(404, 'Not Found', docsUrl);
      return handler({
        params,
        query: Object.fromEntries(url.searchParams),
        body: isRecord(body) ? body : {},
        who,
        docsUrl,
        rawPath: url.pathname,
        searchParams: url.searchParams,
        accept,
      });
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: err.body, headers: err.headers };
      throw err;
    }
  }

  #takeFault(method: string, path: string): Fault | undefined {
    const index = this.#faults.findIndex(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && (f.path === undefined || f.path.test(path)),
    );
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  #faultReply(fault: Fault, token: string | undefined): Reply {
    switch (fault.kind) {
      case 'status':
        return { status: fault.status, body: { message: fault.message ?? STATUS_CODES[fault.status] ?? 'Error' } };
      case 'forbidden-integration':
        return { status: 403, body: { message: INTEGRATION_FORBIDDEN, documentation_url: 'https://docs.github.com/rest', status: '403' } };
      case 'rate-limit': {
        const who = token === undefined ? undefined : this.#tokens.get(token);
        const subject = who?.kind === 'user' ? `user ID ${this.#userId(who.login)}` : 'installation ID 1';
        return {
          status: fault.status ?? 403,
          body: {
            message: `API rate limit exceeded for ${subject}.`,
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
          },
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': String(RATE_LIMIT),
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + fault.retryAfterSeconds),
          },
        };
      }
      case 'secondary-rate-limit':
        return {
          status: 403,
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
              'If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
        };
    }
  }

  #send(res: ServerResponse, reply: Reply, token: string | undefined): void {
    const key = token ?? '';
    const used = (this.#rateUsed.get(key) ?? 0) + 1;
    this.#rateUsed.set(key, used);
    this.#requestSeq += 1;
    const headers: Record<string, string> = {
      'x-github-request-id': `C0DE:${this.#requestSeq.toString(16).toUpperCase().padStart(6, '0')}:0:0:0`,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-reset': String(this.#rateReset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    if (reply.raw) {
      res.writeHead(reply.status, { ...headers, 'content-type': reply.raw.contentType, 'content-length': reply.raw.data.length });
      res.end(reply.raw.data);
      return;
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const data = Buffer.from(JSON.stringify(reply.body));
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': data.length });
    res.end(data);
  }

  // ---- helpers for response shapes ----

  #id(): number {
    return this.#nextId++;
  }

  #userId(login: string): number {
    let id = this.#userIds.get(login);
    if (id === undefined) {
      id = 1000 + this.#userIds.size;
      this.#userIds.set(login, id);
    }
    return id;
  }

  #repoId(fullName: string): number {
    const key = fullName.toLowerCase();
    let id = this.#repoIds.get(key);
    if (id === undefined) {
      id = 700_000 + this.#repoIds.size;
      this.#repoIds.set(key, id);
    }
    return id;
  }

  get #api(): string {
    return `${this.url}/repos/${this.#owner}/${this.#repo}`;
  }

  get #web(): string {
    return `${WEB}/${this.#owner}/${this.#repo}`;
  }

  #user(login: string, type: Actor['type'] = login.endsWith('[bot]') ? 'Bot' : 'User'): Json {
    const id = this.#userId(login);
    const api = `${this.url}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: type === 'Bot' ? `${WEB}/apps/${encodeURIComponent(login.replace(/\[bot\]$/, ''))}` : `${WEB}/${encodeURIComponent(login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  #actionsApp(): Json {
    return {
      id: 15368,
      slug: 'github-actions',
      client_id: 'Iv1.05c79e9ad1f6bdfa',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: this.#user('github', 'Organization'),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${WEB}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: { actions: 'write', checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' },
      events: ['check_run', 'check_suite', 'issue_comment', 'pull_request', 'push', 'workflow_run'],
    };
  }

  #repository(full: boolean, who?: Identity, fullName = `${this.#owner}/${this.#repo}`): Json {
    const [owner = this.#owner, name = this.#repo] = fullName.split('/');
    const api = `${this.url}/repos/${owner}/${name}`;
    const base = this.#validator.sample(full ? 'full-repository' : 'repository');
    const repo: Json = {
      ...base,
      id: this.#repoId(fullName),
      node_id: Buffer.from(`010:Repository${fullName}`).toString('base64'),
      name,
      full_name: fullName,
      owner: this.#user(owner, owner === this.#owner ? 'Organization' : 'User'),
      private: false,
      fork: fullName !== `${this.#owner}/${this.#repo}`,
      visibility: 'public',
      html_url: `${WEB}/${fullName}`,
      url: api,
      description: null,
      default_branch: 'main',
      clone_url: `${WEB}/${fullName}.git`,
      git_url: `git://github.com/${fullName}.git`,
      ssh_url: `git@github.com:${fullName}.git`,
      pulls_url: `${api}/pulls{/number}`,
      issues_url: `${api}/issues{/number}`,
      contents_url: `${api}/contents/{+path}`,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      pushed_at: '2024-01-01T00:00:00Z',
    };
    if (who?.kind === 'user') {
      const push = who.permissions === 'write';
      repo.permissions = { admin: false, maintain: false, push, triage: push, pull: true };
    }
    return repo;
  }

  #commentJson(c: IssueComment & { issue: number; viaApp: boolean }): Json {
    const kind = this.#pulls.has(c.issue) ? 'pull' : 'issues';
    return {
      id: c.id,
      node_id: Buffer.from(`IC_${c.id}`).toString('base64'),
      url: `${this.#api}/issues/comments/${c.id}`,
      html_url: `${this.#web}/${kind}/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.#api}/issues/${c.issue}`,
      body: c.body,
      user: this.#user(c.user.login, c.user.type),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.login.toLowerCase() === this.#owner.toLowerCase() ? 'OWNER' : 'NONE',
      reactions: {
        url: `${this.#api}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app: c.viaApp ? this.#actionsApp() : null,
    };
  }

  #checkRunJson(run: CheckRun & { suiteId: number; viaApp: boolean }): Json {
    const repoRef = { id: this.#repoId(`${this.#owner}/${this.#repo}`), url: this.#api, name: this.#repo };
    const pulls = [...this.#pulls.values()]
      .filter((p) => p.headSha === run.head_sha)
      .map((p) => ({
        id: 500_000 + p.number,
        number: p.number,
        url: `${this.#api}/pulls/${p.number}`,
        head: { ref: p.headRef ?? `feature-${p.number}`, sha: p.headSha, repo: repoRef },
        base: { ref: p.baseRef ?? 'main', sha: p.baseSha, repo: repoRef },
      }));
    const htmlUrl = `${this.#web}/runs/${run.id}`;
    return {
      id: run.id,
      node_id: Buffer.from(`CR_${run.id}`).toString('base64'),
      name: run.name,
      head_sha: run.head_sha,
      external_id: run.external_id ?? '',
      url: `${this.#api}/check-runs/${run.id}`,
      html_url: htmlUrl,
      details_url: run.details_url ?? htmlUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${this.#api}/check-runs/${run.id}/annotations`,
      },
      check_suite: { id: run.suiteId },
      app: run.viaApp ? this.#actionsApp() : null,
      pull_requests: pulls,
    };
  }

  #page<T>(ctx: Context, items: T[]): { items: T[]; headers: Record<string, string> } {
    const requested = Number(ctx.params.per_page ?? 30);
    const perPage = requested >= 1 ? Math.min(requested, 100) : 30;
    const page = Math.max(1, Number(ctx.params.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (n: number, rel: string): string => {
      const search = new URLSearchParams(ctx.searchParams);
      search.set('page', String(n));
      return `<${this.url}${ctx.rawPath}?${search.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  // ---- operations ----

  #routes(): Record<string, Handler> {
    return {
      'users/get-authenticated': (ctx) => this.#getAuthenticated(ctx),
      'repos/get': (ctx) => ({ status: 200, body: this.#repository(true, ctx.who) }),
      'repos/get-content': (ctx) => this.#getContent(ctx),
      'issues/list-comments': (ctx) => this.#listComments(ctx),
      'issues/create-comment': (ctx) => this.#createComment(ctx),
      'issues/get-comment': (ctx) => ({ status: 200, body: this.#commentJson(this.#comment(ctx)) }),
      'issues/update-comment': (ctx) => this.#updateComment(ctx),
      'issues/delete-comment': (ctx) => {
        this.#comments.delete(this.#comment(ctx).id);
        return { status: 204 };
      },
      'checks/create': (ctx) => this.#createCheckRun(ctx),
      'checks/update': (ctx) => this.#updateCheckRun(ctx),
      'checks/get': (ctx) => ({ status: 200, body: this.#checkRunJson(this.#checkRun(ctx)) }),
      'checks/list-annotations': (ctx) => this.#listAnnotations(ctx),
      'checks/list-for-ref': (ctx) => this.#listForRef(ctx),
      'pulls/get': (ctx) => ({ status: 200, body: this.#pullJson(this.#pull(ctx)) }),
      'pulls/list-files': (ctx) => this.#listFiles(ctx),
      'pulls/list-reviews': (ctx) => {
        const pr = this.#pull(ctx);
        const { items, headers } = this.#page(ctx, this.#reviews.get(pr.number) ?? []);
        return { status: 200, body: items.map((r) => this.#reviewJson(pr.number, r)), headers };
      },
      'pulls/create-review': (ctx) => this.#createReview(ctx),
      'teams/get-membership-for-user-in-org': (ctx) => this.#teamMembership(ctx),
      'actions/list-workflow-run-artifacts': (ctx) => this.#listArtifacts(ctx),
      'actions/download-artifact': (ctx) => this.#downloadArtifact(ctx),
    };
  }

  #getAuthenticated(ctx: Context): Reply {
    if (ctx.who.kind === 'installation') fail(403, INTEGRATION_FORBIDDEN, ctx.docsUrl);
    const user: Json = {
      ...this.#validator.sample('private-user'),
      ...this.#user(ctx.who.login, 'User'),
      user_view_type: 'private',
      name: null,
      email: null,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
    return { status: 200, body: user };
  }

  #getContent(ctx: Context): Reply {
    const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '');
    const ref = str(ctx.params.ref) ?? 'main';
    const entry = (p: string, type: 'file' | 'dir', data?: Buffer): Json => {
      const sha = data ? gitBlobSha(data) : createHash('sha1').update(`tree ${p}`).digest('hex');
      const self = `${this.#api}/contents/${encodePath(p)}?ref=${encodeURIComponent(ref)}`;
      const git = `${this.#api}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
      const html = `${this.#web}/${type === 'file' ? 'blob' : 'tree'}/${encodeURIComponent(ref)}/${encodePath(p)}`;
      return {
        type,
        name: p.split('/').pop() ?? p,
        path: p,
        sha,
        size: data?.length ?? 0,
        url: self,
        git_url: git,
        html_url: html,
        download_url:
          type === 'file' ? `https://raw.githubusercontent.com/${this.#owner}/${this.#repo}/${encodeURIComponent(ref)}/${encodePath(p)}` : null,
        _links: { self, git, html },
      };
    };
    const file = this.#files.get(path);
    if (file) {
      if (/\.raw\b|vnd\.github\.raw/.test(ctx.accept)) {
        return { status: 200, raw: { contentType: 'application/vnd.github.raw; charset=utf-8', data: file } };
      }
      const content = (file.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
      return { status: 200, body: { ...entry(path, 'file', file), content, encoding: 'base64' } };
    }
    const prefix = path === '' ? '' : `${path}/`;
    const children = new Map<string, Json>();
    for (const [p, data] of this.#files) {
      if (!p.startsWith(prefix)) continue;
      const [head = '', ...rest] = p.slice(prefix.length).split('/');
      children.set(head, rest.length === 0 ? entry(p, 'file', data) : entry(`${prefix}${head}`, 'dir'));
    }
    if (children.size === 0) fail(404, 'Not Found', ctx.docsUrl);
    return { status: 200, body: [...children.keys()].sort().map((k) => children.get(k)) };
  }

  #comment(ctx: Context): IssueComment & { issue: number; viaApp: boolean } {
    const comment = this.#comments.get(Number(ctx.params.comment_id));
    if (!comment) fail(404, 'Not Found', ctx.docsUrl);
    return comment;
  }

  #checkCommentBody(ctx: Context): string {
    const body = String(ctx.body.body);
    if (body.trim() === '') {
      validationFailed(ctx.docsUrl, [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body cannot be blank' }]);
    }
    if ([...body].length > 65536) {
      validationFailed(ctx.docsUrl, [
        { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' },
      ]);
    }
    return body;
  }

  #listComments(ctx: Context): Reply {
    const issue = Number(ctx.params.issue_number);
    const since = str(ctx.params.since);
    const all = [...this.#comments.values()]
      .filter((c) => c.issue === issue && (since === undefined || Date.parse(c.updated_at) >= Date.parse(since)))
      .sort((a, b) => a.id - b.id);
    const { items, headers } = this.#page(ctx, all);
    return { status: 200, body: items.map((c) => this.#commentJson(c)), headers };
  }

  #createComment(ctx: Context): Reply {
    const body = this.#checkCommentBody(ctx);
    const id = this.#id();
    const at = now();
    const comment = {
      id,
      issue: Number(ctx.params.issue_number),
      body,
      user: { login: ctx.who.login, type: ctx.who.type },
      created_at: at,
      updated_at: at,
      viaApp: ctx.who.kind === 'installation',
    };
    this.#comments.set(id, comment);
    const json = this.#commentJson(comment);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  }

  #updateComment(ctx: Context): Reply {
    const comment = this.#comment(ctx);
    comment.body = this.#checkCommentBody(ctx);
    comment.updated_at = now();
    return { status: 200, body: this.#commentJson(comment) };
  }

  #checkRun(ctx: Context): CheckRun & { suiteId: number; viaApp: boolean } {
    const run = this.#checkRuns.get(Number(ctx.params.check_run_id));
    if (!run) fail(404, 'Not Found', ctx.docsUrl);
    return run;
  }

  /** Rules GitHub enforces that the OpenAPI description does not express. */
  #checkRunRules(ctx: Context): void {
    if (ctx.who.kind !== 'installation') fail(403, 'You must authenticate via a GitHub App.', ctx.docsUrl);
    const errors: Json[] = [];
    const b = ctx.body;
    const missing = (field: string): number => errors.push({ resource: 'CheckRun', code: 'missing_field', field });
    if ((b.status === 'completed' || b.completed_at !== undefined) && b.conclusion === undefined) missing('conclusion');
    if (isRecord(b.output)) {
      const output = b.output;
      if (output.title === undefined) missing('output.title');
      if (output.summary === undefined) missing('output.summary');
      for (const field of ['summary', 'text'] as const) {
        const value = str(output[field]);
        if (value !== undefined && Buffer.byteLength(value, 'utf8') > 65535) {
          errors.push({
            resource: 'CheckRun',
            code: 'custom',
            field: `output.${field}`,
            message: `output.${field} is too long (maximum is 65535 bytes)`,
          });
        }
      }
      if (Array.isArray(output.annotations) && output.annotations.length > 50) {
        errors.push({ resource: 'CheckRun', code: 'custom', field: 'output.annotations', message: 'Only 50 annotations are allowed per request' });
      }
    }
    if (errors.length > 0) validationFailed(ctx.docsUrl, errors);
  }

  #applyCheckRun(run: CheckRun, b: Json): void {
    const at = now();
    if (typeof b.name === 'string') run.name = b.name;
    if (typeof b.details_url === 'string') run.details_url = b.details_url;
    if (typeof b.external_id === 'string') run.external_id = b.external_id;
    if (typeof b.started_at === 'string') run.started_at = b.started_at;
    if (typeof b.status === 'string') run.status = b.status;
    if (typeof b.conclusion === 'string') {
      run.status = 'completed';
      run.conclusion = b.conclusion;
      run.completed_at = str(b.completed_at) ?? at;
    } else if (run.status !== 'completed') {
      run.conclusion = null;
      run.completed_at = null;
    }
    if (isRecord(b.output)) {
      const o = b.output;
      if (typeof o.title === 'string') run.output.title = o.title;
      if (typeof o.summary === 'string') run.output.summary = o.summary;
      if (typeof o.text === 'string') run.output.text = o.text;
      if (Array.isArray(o.annotations)) run.annotations.push(...(structuredClone(o.annotations) as Annotation[]));
    }
  }

  #createCheckRun(ctx: Context): Reply {
    this.#checkRunRules(ctx);
    const id = this.#id();
    const headSha = String(ctx.body.head_sha);
    const sameSuite = [...this.#checkRuns.values()].find((r) => r.head_sha === headSha);
    const run: CheckRun & { suiteId: number; viaApp: boolean } = {
      id,
      name: String(ctx.body.name),
      head_sha: headSha,
      status: 'queued',
      conclusion: null,
      details_url: null,
      external_id: null,
      started_at: now(),
      completed_at: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      updates: 0,
      suiteId: sameSuite?.suiteId ?? this.#id(),
      viaApp: true,
    };
    this.#applyCheckRun(run, ctx.body);
    this.#checkRuns.set(id, run);
    return { status: 201, body: this.#checkRunJson(run) };
  }

  #updateCheckRun(ctx: Context): Reply {
    const run = this.#checkRun(ctx);
    this.#checkRunRules(ctx);
    this.#applyCheckRun(run, ctx.body);
    run.updates += 1;
    return { status: 200, body: this.#checkRunJson(run) };
  }

  #listAnnotations(ctx: Context): Reply {
    const run = this.#checkRun(ctx);
    const { items, headers } = this.#page(ctx, run.annotations);
    const body = items.map((a) => ({
      path: a.path,
      blob_href: `${this.#web}/blob/${run.head_sha}/${encodePath(a.path)}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
    }));
    return { status: 200, body, headers };
  }

  #listForRef(ctx: Context): Reply {
    const ref = String(ctx.params.ref).replace(/^refs\/heads\//, '');
    const shas = new Set([ref]);
    for (const pr of this.#pulls.values()) if ((pr.headRef ?? `feature-${pr.number}`) === ref) shas.add(pr.headSha);
    const name = str(ctx.params.check_name);
    const status = str(ctx.params.status);
    let runs = [...this.#checkRuns.values()]
      .filter((r) => shas.has(r.head_sha) && (name === undefined || r.name === name) && (status === undefined || r.status === status))
      .sort((a, b) => b.id - a.id);
    if (ctx.params.filter !== 'all') {
      const seen = new Set<string>();
      runs = runs.filter((r) => !seen.has(r.name) && Boolean(seen.add(r.name)));
    }
    const { items, headers } = this.#page(ctx, runs);
    return { status: 200, body: { total_count: runs.length, check_runs: items.map((r) => this.#checkRunJson(r)) }, headers };
  }

  #pull(ctx: Context): PullRequestSeed & { createdAt: string } {
    const pr = this.#pulls.get(Number(ctx.params.pull_number));
    if (!pr) fail(404, 'Not Found', ctx.docsUrl);
    return pr;
  }

  #pullJson(pr: PullRequestSeed & { createdAt: string }): Json {
    const n = pr.number;
    const api = `${this.#api}/pulls/${n}`;
    const author = pr.author ?? 'octocat';
    const headRepo = pr.headRepo ?? `${this.#owner}/${this.#repo}`;
    const headRef = pr.headRef ?? `feature-${n}`;
    const baseRef = pr.baseRef ?? 'main';
    const headOwner = headRepo.split('/')[0] ?? this.#owner;
    const html = `${this.#web}/pull/${n}`;
    return {
      ...this.#validator.sample('pull-request'),
      id: 500_000 + n,
      node_id: Buffer.from(`PR_${n}`).toString('base64'),
      number: n,
      url: api,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${this.#api}/issues/${n}`,
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      review_comment_url: `${this.#api}/pulls/comments{/number}`,
      comments_url: `${this.#api}/issues/${n}/comments`,
      statuses_url: `${this.#api}/statuses/${pr.headSha}`,
      state: 'open',
      locked: false,
      title: `Pull request #${n}`,
      body: null,
      user: this.#user(author),
      author_association: author.toLowerCase() === this.#owner.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR',
      created_at: pr.createdAt,
      updated_at: pr.createdAt,
      head: { label: `${headOwner}:${headRef}`, ref: headRef, sha: pr.headSha, user: this.#user(headOwner), repo: this.#repository(false, undefined, headRepo) },
      base: {
        label: `${this.#owner}:${baseRef}`,
        ref: baseRef,
        sha: pr.baseSha,
        user: this.#user(this.#owner, 'Organization'),
        repo: this.#repository(false),
      },
      _links: {
        self: { href: api },
        html: { href: html },
        issue: { href: `${this.#api}/issues/${n}` },
        comments: { href: `${this.#api}/issues/${n}/comments` },
        review_comments: { href: `${api}/comments` },
        review_comment: { href: `${this.#api}/pulls/comments{/number}` },
        commits: { href: `${api}/commits` },
        statuses: { href: `${this.#api}/statuses/${pr.headSha}` },
      },
      draft: false,
      merged: false,
      mergeable: true,
      mergeable_state: 'clean',
      commits: 1,
      additions: pr.files?.length ?? 0,
      deletions: 0,
      changed_files: pr.files?.length ?? 0,
    };
  }

  #listFiles(ctx: Context): Reply {
    const pr = this.#pull(ctx);
    const { items, headers } = this.#page(ctx, pr.files ?? []);
    const body = items.map((filename) => ({
      sha: createHash('sha1').update(`${pr.headSha}:${filename}`).digest('hex'),
      filename,
      status: 'modified',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: `${this.#web}/blob/${pr.headSha}/${encodePath(filename)}`,
      raw_url: `${this.#web}/raw/${pr.headSha}/${encodePath(filename)}`,
      contents_url: `${this.#api}/contents/${encodePath(filename)}?ref=${pr.headSha}`,
      patch: '@@ -1 +1,2 @@\n line\n+line',
    }));
    return { status: 200, body, headers };
  }

  #reviewJson(number: number, r: Review): Json {
    const html = `${this.#web}/pull/${number}#pullrequestreview-${r.id}`;
    const prUrl = `${this.#api}/pulls/${number}`;
    return {
      id: r.id,
      node_id: Buffer.from(`PRR_${r.id}`).toString('base64'),
      user: this.#user(r.login),
      body: r.body,
      state: r.state,
      commit_id: r.commitId,
      html_url: html,
      pull_request_url: prUrl,
      _links: { html: { href: html }, pull_request: { href: prUrl } },
      author_association: r.login.toLowerCase() === this.#owner.toLowerCase() ? 'OWNER' : 'NONE',
      ...(r.submittedAt ? { submitted_at: r.submittedAt } : {}),
    };
  }

  #createReview(ctx: Context): Reply {
    const pr = this.#pull(ctx);
    const event = str(ctx.body.event);
    const body = str(ctx.body.body) ?? '';
    const unprocessable = (message: string): never => fail(422, 'Unprocessable Entity', ctx.docsUrl, { errors: [message] });
    if (event === 'APPROVE' && ctx.who.kind === 'installation') unprocessable('GitHub Actions is not permitted to approve pull requests.');
    if ((event === 'APPROVE' || event === 'REQUEST_CHANGES') && ctx.who.login === (pr.author ?? 'octocat')) {
      unprocessable(`Can not ${event === 'APPROVE' ? 'approve' : 'request changes on'} your own pull request`);
    }
    const hasComments = Array.isArray(ctx.body.comments) && ctx.body.comments.length > 0;
    if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && body.trim() === '' && !hasComments) {
      unprocessable(`Review body is required when using the ${event} event`);
    }
    const states: Record<string, string> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' };
    const state = event === undefined ? 'PENDING' : (states[event] ?? 'PENDING');
    const review: Review = {
      id: this.#id(),
      login: ctx.who.login,
      body,
      state,
      commitId: str(ctx.body.commit_id) ?? pr.headSha,
      submittedAt: state === 'PENDING' ? null : now(),
    };
    this.#reviews.set(pr.number, [...(this.#reviews.get(pr.number) ?? []), review]);
    return { status: 200, body: this.#reviewJson(pr.number, review) };
  }

  #teamMembership(ctx: Context): Reply {
    const org = String(ctx.params.org);
    const team = String(ctx.params.team_slug);
    const login = String(ctx.params.username);
    const role = this.#teamMembers.get(`${org}/${team}/${login}`.toLowerCase());
    if (!role) fail(404, 'Not Found', ctx.docsUrl);
    return { status: 200, body: { url: `${this.url}/orgs/${org}/teams/${team}/memberships/${encodeURIComponent(login)}`, role, state: 'active' } };
  }

  #listArtifacts(ctx: Context): Reply {
    const runId = Number(ctx.params.run_id);
    const name = str(ctx.params.name);
    const all = (this.#artifacts.get(runId) ?? []).filter((a) => name === undefined || a.name === name);
    const { items, headers } = this.#page(ctx, all);
    const repoId = this.#repoId(`${this.#owner}/${this.#repo}`);
    const artifacts = items.map((a) => ({
      id: a.id,
      node_id: Buffer.from(`MDg6QXJ0aWZhY3Q${a.id}`).toString('base64'),
      name: a.name,
      size_in_bytes: a.size,
      url: `${this.#api}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.#api}/actions/artifacts/${a.id}/zip`,
      expired: false,
      digest: a.digest ?? null,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: new Date(Date.parse(a.createdAt) + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      workflow_run: { id: runId, repository_id: repoId, head_repository_id: repoId, head_branch: 'main', head_sha: '' },
    }));
    return { status: 200, body: { total_count: all.length, artifacts }, headers };
  }

  /** 302 to the artifact's blob, as GitHub answers; an artifact without content is gone (410). */
  #downloadArtifact(ctx: Context): Reply {
    const id = Number(ctx.params.artifact_id);
    const artifact = [...this.#artifacts.values()].flat().find((a) => a.id === id);
    if (!artifact) fail(404, 'Not Found', ctx.docsUrl);
    if (String(ctx.params.archive_format) !== 'zip') fail(404, 'Not Found', ctx.docsUrl);
    if (!artifact.downloadUrl) fail(410, 'Artifact has expired', ctx.docsUrl);
    return { status: 302, headers: { location: artifact.downloadUrl } };
  }
}
