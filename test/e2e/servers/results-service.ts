import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import type { Azurite } from './azurite.js';

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
const CONTAINER = 'actions-results';
const TOKEN_TTL_S = 6 * 60 * 60;
const SAS_TTL_MS = 60 * 60 * 1000;
const MAX_CACHE_KEY_LENGTH = 512;

const TWIRP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

type TwirpCode = keyof typeof TWIRP_STATUS;
type Json = Record<string, unknown>;
interface Scope {
  runId: string;
  jobId: string;
}
type Handler = (body: Json, scope: Scope) => Promise<Json>;

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
  }
}

interface ArtifactRecord {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  fileName: string;
  blobName: string;
  size: number;
  digest: string | undefined;
  finalized: boolean;
  createdAt: Date;
}

interface CacheRecord {
  id: number;
  key: string;
  version: string;
  blobName: string;
  size: number;
  finalized: boolean;
  createdAt: Date;
}

// Twirp's JSON codec accepts both proto field names and their lowerCamelCase JSON names.
function field(body: Json, name: string): unknown {
  if (name in body) return body[name];
  return body[name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
}

// Wrapper types (StringValue, Int64Value) are plain JSON values, but tolerate the object form too.
function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'value' in value) return value.value;
  return value;
}

function optionalString(body: Json, name: string): string | undefined {
  const value = unwrap(field(body, name));
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TwirpError('invalid_argument', `${name} must be a string`);
  return value;
}

function requiredString(body: Json, name: string): string {
  const value = optionalString(body, name);
  if (!value) throw new TwirpError('invalid_argument', `${name} is required`);
  return value;
}

// int64 travels as a decimal string in protobuf JSON; numbers are accepted as well.
function optionalInt64(body: Json, name: string): number | undefined {
  const value = unwrap(field(body, name));
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new TwirpError('invalid_argument', `${name} must be a non-negative int64`);
  return parsed;
}

function stringList(body: Json, name: string): string[] {
  const value = field(body, name);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new TwirpError('invalid_argument', `${name} must be a list of strings`);
  }
  return value;
}

function signJwt(claims: Json, secret: Buffer): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function verifyJwt(token: string, secret: Buffer): Scope {
  const [header, payload, signature, ...rest] = token.split('.');
  if (!header || !payload || signature === undefined || rest.length > 0) throw new TwirpError('unauthenticated', 'malformed token');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new TwirpError('unauthenticated', 'invalid token signature');
  }
  let claims: { alg?: unknown; scp?: unknown; exp?: unknown; nbf?: unknown };
  try {
    const alg = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: unknown }).alg;
    claims = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object), alg };
  } catch {
    throw new TwirpError('unauthenticated', 'malformed token');
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims.alg !== 'HS256') throw new TwirpError('unauthenticated', 'unsupported token algorithm');
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new TwirpError('unauthenticated', 'token expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60) throw new TwirpError('unauthenticated', 'token not yet valid');
  if (typeof claims.scp !== 'string') throw new TwirpError('unauthenticated', 'token has no scp claim');
  for (const entry of claims.scp.split(' ')) {
    const parts = entry.split(':');
    if (parts[0] === 'Actions.Results' && parts.length === 3 && parts[1] && parts[2]) return { runId: parts[1], jobId: parts[2] };
  }
  throw new TwirpError('unauthenticated', 'token has no Actions.Results scope');
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) throw new TwirpError('unauthenticated', 'missing bearer token');
  return match[1];
}

/**
 * Writes must name the token's own run and job. Reads are scoped to the run: a job may list and download what any job
 * of its run uploaded (the toolkit asks for a signed URL with the uploading job's id, as a merge job of a matrix does).
 */
function checkBackendIds(body: Json, scope: Scope, access: 'read' | 'write' = 'write'): Scope {
  const runId = requiredString(body, 'workflow_run_backend_id');
  const jobId = requiredString(body, 'workflow_job_run_backend_id');
  if (runId !== scope.runId || (access === 'write' && jobId !== scope.jobId)) {
    throw new TwirpError('permission_denied', 'backend ids do not match the token scope');
  }
  return { runId, jobId };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404;
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function newest<T extends { id: number; createdAt: Date }>(items: T[]): T | undefined {
  return items.reduce<T | undefined>((best, item) => {
    if (!best) return item;
    const diff = item.createdAt.getTime() - best.createdAt.getTime();
    return diff > 0 || (diff === 0 && item.id > best.id) ? item : best;
  }, undefined);
}

/**
 * Loopback stand-in for the GitHub Actions results service (Twirp JSON), storing blobs in azurite
 * and handing out SAS URLs exactly as the toolkit expects.
 */
export class ResultsService {
  readonly url: string;
  readonly requests: { service: string; method: string; body: unknown; status: number }[] = [];
  readonly #server: Server;
  readonly #container: ContainerClient;
  readonly #token: string;
  readonly #secret: Buffer;
  readonly #runId: string;
  readonly #artifacts: ArtifactRecord[] = [];
  readonly #caches: CacheRecord[] = [];
  readonly #routes: Map<string, Handler>;
  #nextArtifactId = 1001;
  #nextCacheId = 1;

  private constructor(server: Server, container: ContainerClient, secret: Buffer) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    this.#server = server;
    this.#container = container;
    this.#secret = secret;
    this.#runId = randomUUID();
    this.#token = this.#signToken(randomUUID());
    this.#routes = new Map<string, Handler>([
      [`${ARTIFACT_SERVICE}/CreateArtifact`, (b, s) => this.#createArtifact(b, s)],
      [`${ARTIFACT_SERVICE}/FinalizeArtifact`, (b, s) => this.#finalizeArtifact(b, s)],
      [`${ARTIFACT_SERVICE}/ListArtifacts`, (b, s) => this.#listArtifacts(b, s)],
      [`${ARTIFACT_SERVICE}/GetSignedArtifactURL`, (b, s) => this.#getSignedArtifactUrl(b, s)],
      [`${ARTIFACT_SERVICE}/DeleteArtifact`, (b, s) => this.#deleteArtifact(b, s)],
      [`${CACHE_SERVICE}/CreateCacheEntry`, (b) => this.#createCacheEntry(b)],
      [`${CACHE_SERVICE}/FinalizeCacheEntryUpload`, (b) => this.#finalizeCacheEntry(b)],
      [`${CACHE_SERVICE}/GetCacheEntryDownloadURL`, (b) => this.#getCacheEntryDownloadUrl(b)],
    ]);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.#handle(req, res));
  }

  static async start(opts: { azurite: Azurite }): Promise<ResultsService> {
    const { azurite } = opts;
    const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    const container = new BlobServiceClient(azurite.blobEndpoint, credential).getContainerClient(CONTAINER);
    await container.createIfNotExists();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new ResultsService(server, container, randomBytes(32));
  }

  get artifacts(): { id: number; name: string; size: number; finalized: boolean; blobName: string }[] {
    return this.#artifacts.map(({ id, name, size, finalized, blobName }) => ({ id, name, size, finalized, blobName }));
  }

  get caches(): { id: number; key: string; version: string; finalized: boolean; blobName: string; createdAt: Date }[] {
    return this.#caches.map(({ id, key, version, finalized, blobName, createdAt }) => ({ id, key, version, finalized, blobName, createdAt }));
  }

  /**
   * Env a job step needs so @actions/artifact and @actions/cache (v2 service) talk to this service. With `job`, the
   * token is another job's of the same workflow run (as each job of a matrix gets its own): artifacts are scoped to
   * the run, so every job lists the others' artifacts.
   */
  env(opts: { job?: string } = {}): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: opts.job === undefined ? this.#token : this.#jobToken(opts.job),
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }

  /** A runtime token of one job of this service's workflow run. */
  #signToken(jobId: string): string {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(
      {
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vso:shipgate-e2e',
        nbf: now - 60,
        iat: now,
        exp: now + TOKEN_TTL_S,
        scp: `Actions.GenericRead:${randomUUID()} Actions.Results:${this.#runId}:${jobId}`,
      },
      this.#secret,
    );
  }

  /** The token of the job named `job` (a stable job id per name). */
  #jobToken(job: string): string {
    return this.#signToken(createHash('sha256').update(`${this.#runId}:${job}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'));
  }

  /** A signed read URL of the newest finalized artifact with this name and its digest, as GitHub's REST API redirects to. */
  async artifactDownload(name: string): Promise<{ url: string; size: number; digest?: string }> {
    const record = newest(this.#artifacts.filter((a) => a.name === name && a.finalized));
    if (!record) throw new Error(`no finalized artifact named ${name}`);
    const url = await this.#sasUrl(record.blobName, 'r', { contentDisposition: contentDisposition(record.fileName) });
    return { url, size: record.size, ...(record.digest ? { digest: record.digest } : {}) };
  }

  /** Raw bytes of the newest uploaded blob of the artifact with this name. */
  async artifactBlob(name: string): Promise<Buffer> {
    const record = newest(this.#artifacts.filter((a) => a.name === name));
    if (!record) throw new Error(`no artifact named ${name}`);
    return this.#container.getBlobClient(record.blobName).downloadToBuffer();
  }

  async stop(): Promise<void> {
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve, reject) => this.#server.close((error) => (error ? reject(error) : resolve())));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(new URL(req.url ?? '/', this.url).pathname);
    const service = match?.[1] ?? '';
    const method = match?.[2] ?? '';
    let body: unknown;
    let status: number;
    let payload: Json;
    try {
      const raw = await readBody(req);
      try {
        body = raw ? (JSON.parse(raw) as unknown) : undefined;
      } catch {
        body = raw;
      }
      const handler = this.#routes.get(`${service}/${method}`);
      if (req.method !== 'POST' || !handler) throw new TwirpError('bad_route', `no handler for ${req.method} ${req.url}`);
      const scope = verifyJwt(bearerToken(req.headers.authorization), this.#secret);
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== 'application/json') throw new TwirpError('bad_route', `unexpected Content-Type: ${contentType}`);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new TwirpError('malformed', 'the request body must be a JSON object');
      }
      payload = await handler(body as Json, scope);
      status = 200;
    } catch (error) {
      const twirp = error instanceof TwirpError ? error : new TwirpError('internal', error instanceof Error ? error.message : String(error));
      status = TWIRP_STATUS[twirp.code];
      payload = { code: twirp.code, msg: twirp.message };
    }
    this.requests.push({ service, method, body, status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  #sasUrl(blobName: string, permissions: string, extra: { contentDisposition?: string } = {}): Promise<string> {
    return this.#container.getBlobClient(blobName).generateSasUrl({
      permissions: BlobSASPermissions.parse(permissions),
      startsOn: new Date(Date.now() - 5 * 60 * 1000),
      expiresOn: new Date(Date.now() + SAS_TTL_MS),
      ...extra,
    });
  }

  async #uploadedBlob(blobName: string): Promise<{ size: number; sha256: string }> {
    try {
      const data = await this.#container.getBlobClient(blobName).downloadToBuffer();
      return { size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    } catch (error) {
      if (isNotFound(error)) throw new TwirpError('failed_precondition', 'no content was uploaded');
      throw error;
    }
  }

  async #createArtifact(body: Json, scope: Scope): Promise<Json> {
    const { runId, jobId } = checkBackendIds(body, scope);
    const name = requiredString(body, 'name');
    if (this.#artifacts.some((a) => a.runId === runId && a.name === name)) {
      throw new TwirpError('already_exists', `an artifact with the name ${name} already exists for this workflow run`);
    }
    const mimeType = optionalString(body, 'mime_type') ?? 'application/zip';
    const fileName = mimeType === 'application/zip' && !name.toLowerCase().endsWith('.zip') ? `${name}.zip` : name;
    const id = this.#nextArtifactId++;
    const blobName = `${runId}/${jobId}/${id}/${fileName}`;
    this.#artifacts.push({ id, runId, jobId, name, fileName, blobName, size: 0, digest: undefined, finalized: false, createdAt: new Date() });
    return { ok: true, signed_upload_url: await this.#sasUrl(blobName, 'cw') };
  }

  async #finalizeArtifact(body: Json, scope: Scope): Promise<Json> {
    const { runId } = checkBackendIds(body, scope);
    const name = requiredString(body, 'name');
    const record = this.#artifacts.find((a) => a.runId === runId && a.name === name);
    if (!record) throw new TwirpError('not_found', `artifact ${name} not found`);
    if (record.finalized) throw new TwirpError('failed_precondition', `artifact ${name} is already finalized`);
    const size = optionalInt64(body, 'size');
    const hash = optionalString(body, 'hash');
    if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/i.test(hash)) throw new TwirpError('invalid_argument', 'hash must be sha256:<hex>');
    const blob = await this.#uploadedBlob(record.blobName);
    if (size !== undefined && size !== blob.size) {
      throw new TwirpError('invalid_argument', `size ${size} does not match the uploaded ${blob.size} bytes`);
    }
    if (hash !== undefined && hash.slice('sha256:'.length).toLowerCase() !== blob.sha256) {
      throw new TwirpError('invalid_argument', 'hash does not match the uploaded content');
    }
    Object.assign(record, { finalized: true, size: blob.size, digest: `sha256:${blob.sha256}` });
    return { ok: true, artifact_id: String(record.id) };
  }

  #listArtifacts(body: Json, scope: Scope): Promise<Json> {
    const { runId } = checkBackendIds(body, scope, 'read');
    const nameFilter = optionalString(body, 'name_filter');
    const idFilter = optionalInt64(body, 'id_filter');
    const artifacts = this.#artifacts
      .filter((a) => a.finalized && a.runId === runId)
      .filter((a) => nameFilter === undefined || a.name === nameFilter)
      .filter((a) => idFilter === undefined || a.id === idFilter)
      .map((a) => ({
        workflow_run_backend_id: a.runId,
        workflow_job_run_backend_id: a.jobId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.createdAt.toISOString(),
        ...(a.digest ? { digest: a.digest } : {}),
      }));
    return Promise.resolve({ artifacts });
  }

  async #getSignedArtifactUrl(body: Json, scope: Scope): Promise<Json> {
    const { runId } = checkBackendIds(body, scope, 'read');
    const name = requiredString(body, 'name');
    const record = this.#artifacts.find((a) => a.finalized && a.runId === runId && a.name === name);
    if (!record) throw new TwirpError('not_found', `artifact ${name} not found`);
    return { signed_url: await this.#sasUrl(record.blobName, 'r', { contentDisposition: contentDisposition(record.fileName) }) };
  }

  async #deleteArtifact(body: Json, scope: Scope): Promise<Json> {
    const { runId } = checkBackendIds(body, scope);
    const name = requiredString(body, 'name');
    const index = this.#artifacts.findIndex((a) => a.finalized && a.runId === runId && a.name === name);
    const record = this.#artifacts[index];
    if (!record) throw new TwirpError('not_found', `artifact ${name} not found`);
    await this.#container.getBlobClient(record.blobName).deleteIfExists();
    this.#artifacts.splice(index, 1);
    return { ok: true, artifact_id: String(record.id) };
  }

  async #createCacheEntry(body: Json): Promise<Json> {
    const key = requiredString(body, 'key');
    const version = requiredString(body, 'version');
    if (key.length > MAX_CACHE_KEY_LENGTH) throw new TwirpError('invalid_argument', `key exceeds ${MAX_CACHE_KEY_LENGTH} characters`);
    if (this.#caches.some((c) => c.key === key && c.version === version)) {
      throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
    }
    const id = this.#nextCacheId++;
    const blobName = `caches/${id}`;
    this.#caches.push({ id, key, version, blobName, size: 0, finalized: false, createdAt: new Date() });
    return { ok: true, signed_upload_url: await this.#sasUrl(blobName, 'cw') };
  }

  async #finalizeCacheEntry(body: Json): Promise<Json> {
    const key = requiredString(body, 'key');
    const version = requiredString(body, 'version');
    const record = this.#caches.find((c) => c.key === key && c.version === version);
    if (!record) throw new TwirpError('not_found', `cache entry ${key} not found`);
    if (record.finalized) throw new TwirpError('failed_precondition', `cache entry ${key} is already finalized`);
    const size = optionalInt64(body, 'size_bytes');
    const blob = await this.#uploadedBlob(record.blobName);
    if (size !== undefined && size !== blob.size) {
      throw new TwirpError('invalid_argument', `size_bytes ${size} does not match the uploaded ${blob.size} bytes`);
    }
    Object.assign(record, { finalized: true, size: blob.size });
    return { ok: true, entry_id: String(record.id) };
  }

  async #getCacheEntryDownloadUrl(body: Json): Promise<Json> {
    const key = requiredString(body, 'key');
    const version = requiredString(body, 'version');
    const restoreKeys = stringList(body, 'restore_keys');
    const candidates = this.#caches.filter((c) => c.finalized && c.version === version);
    const match =
      candidates.find((c) => c.key === key) ??
      [key, ...restoreKeys].reduce<CacheRecord | undefined>(
        (found, prefix) => found ?? newest(candidates.filter((c) => c.key.startsWith(prefix))),
        undefined,
      );
    if (!match) return { ok: false };
    return { ok: true, signed_download_url: await this.#sasUrl(match.blobName, 'r'), matched_key: match.key };
  }
}
