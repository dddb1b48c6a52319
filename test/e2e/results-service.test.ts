import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Azurite } from './servers/azurite.js';
import { ResultsService } from './servers/results-service.js';

const CLIENT = fileURLToPath(new URL('./servers/toolkit-client.mjs', import.meta.url));
const ARTIFACTS = 'github.actions.results.api.v1.ArtifactService';
const CACHES = 'github.actions.results.api.v1.CacheService';
const INHERITED_PREFIXES = ['ACTIONS_', 'GITHUB_', 'RUNNER_', 'INPUT_', 'STATE_'];

interface ClientRun {
  code: number | null;
  output: string;
  result: unknown;
}

async function treeOf(root: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path));
  }
  return files;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function tokenScope(token: string): { runId: string; jobId: string } {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { scp: string };
  const scope = payload.scp.split(' ').find((s) => s.startsWith('Actions.Results:'));
  const [, runId = '', jobId = ''] = (scope ?? '').split(':');
  return { runId, jobId };
}

void describe('results service driven by the real @actions/artifact and @actions/cache', () => {
  let azurite: Azurite;
  let service: ResultsService;
  let work: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'results-service-'));
    azurite = await Azurite.start();
    service = await ResultsService.start({ azurite });
  });

  after(async () => {
    await service?.stop();
    await azurite?.stop();
    await rm(work, { recursive: true, force: true });
  });

  /** Runs one toolkit operation in a child process, as a job step with the service's env. */
  async function runClient(request: Record<string, unknown>, cwd = work): Promise<ClientRun> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !INHERITED_PREFIXES.some((prefix) => name.startsWith(prefix))) env[name] = value;
    }
    const runnerTemp = join(work, 'runner-temp');
    await mkdir(runnerTemp, { recursive: true });
    Object.assign(env, service.env(), { GITHUB_WORKSPACE: cwd, RUNNER_TEMP: runnerTemp });
    const child = spawn(process.execPath, [CLIENT, JSON.stringify(request)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const line = output.split('\n').findLast((l) => l.startsWith('RESULT '));
    return { code, output, result: line ? (JSON.parse(line.slice('RESULT '.length)) as unknown) : undefined };
  }

  async function expectOk<T>(request: Record<string, unknown>, cwd?: string): Promise<T> {
    const run = await runClient(request, cwd);
    assert.equal(run.code, 0, `client ${String(request.op)} failed:\n${run.output}`);
    assert.notEqual(run.result, undefined, run.output);
    return run.result as T;
  }

  async function twirp(service_: string, method: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const res = await fetch(new URL(`twirp/${service_}/${method}`, service.url), { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  void test('uploads a directory as an artifact and downloads it back byte-identical', async () => {
    const source = join(work, 'artifact-src');
    await mkdir(join(source, 'nested', 'deeper'), { recursive: true });
    await writeFile(join(source, 'report.json'), JSON.stringify({ ok: true, at: Date.now() }));
    await writeFile(join(source, 'nested', 'random.bin'), randomBytes(300_000));
    await writeFile(join(source, 'nested', 'deeper', 'empty.txt'), '');

    const uploaded = await expectOk<{ id: number; size: number; digest: string }>({ op: 'upload', name: 'bundle', dir: source });
    const record = service.artifacts.find((a) => a.name === 'bundle');
    assert.ok(record?.finalized, 'artifact is finalized');
    assert.equal(uploaded.id, record.id);
    assert.equal(uploaded.size, record.size);

    const blob = await service.artifactBlob('bundle');
    assert.equal(blob.length, uploaded.size);
    assert.equal(blob.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'blob is a zip');
    assert.equal(sha256(blob), uploaded.digest);

    const target = join(work, 'artifact-dst');
    const downloaded = await expectOk<{ downloadPath: string; digestMismatch: boolean }>({
      op: 'download',
      id: uploaded.id,
      path: target,
      expectedHash: `sha256:${uploaded.digest}`,
    });
    assert.equal(downloaded.digestMismatch, false);
    assert.deepEqual(await treeOf(target), await treeOf(source));
  });

  void test('lists, gets and deletes artifacts of the run; names are unique per run', async () => {
    const dir = join(work, 'logs-src');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'run.log'), 'line 1\nline 2\n');
    const logs = await expectOk<{ id: number }>({ op: 'upload', name: 'logs', dir });

    const duplicate = await runClient({ op: 'upload', name: 'logs', dir });
    assert.notEqual(duplicate.code, 0, 'a second artifact with the same name is refused');
    assert.ok(service.requests.some((r) => r.service === ARTIFACTS && r.method === 'CreateArtifact' && r.status === 409));

    const listed = await expectOk<{ id: number; name: string; size: number }[]>({ op: 'list' });
    const names = listed.map((a) => a.name);
    assert.ok(names.includes('logs'), `listed: ${names.join(', ')}`);
    assert.equal(names.filter((n) => n === 'logs').length, 1);
    assert.deepEqual(
      listed.map(({ id, name, size }) => ({ id, name, size })).sort((a, b) => a.id - b.id),
      service.artifacts.filter((a) => a.finalized).map(({ id, name, size }) => ({ id, name, size })).sort((a, b) => a.id - b.id),
    );

    const got = await expectOk<{ id: number; name: string }>({ op: 'get', name: 'logs' });
    assert.equal(got.id, logs.id);

    const deleted = await expectOk<{ id: number }>({ op: 'delete', name: 'logs' });
    assert.equal(deleted.id, logs.id);
    assert.equal(service.artifacts.some((a) => a.name === 'logs'), false);
    await assert.rejects(service.artifactBlob('logs'));
    const missing = await runClient({ op: 'get', name: 'logs' });
    assert.notEqual(missing.code, 0, 'a deleted artifact is not found');
  });

  void test('saves caches and restores by exact key, by newest restore-key prefix, and misses otherwise', async () => {
    const job = join(work, 'cache-job');
    const cached = join(job, 'deps');
    const writeDeps = async (content: string): Promise<void> => {
      await rm(cached, { recursive: true, force: true });
      await mkdir(join(cached, 'lib'), { recursive: true });
      await writeFile(join(cached, 'lib', 'content.txt'), content);
    };
    const readDeps = (): Promise<string> => readFile(join(cached, 'lib', 'content.txt'), 'utf8');

    await writeDeps('first');
    const first = await expectOk<{ cacheId: number }>({ op: 'save', paths: ['deps'], key: 'deps-linux-aaa' }, job);
    assert.ok(first.cacheId > 0, `saved with id ${first.cacheId}`);
    await writeDeps('second');
    const second = await expectOk<{ cacheId: number }>({ op: 'save', paths: ['deps'], key: 'deps-linux-bbb' }, job);
    assert.ok(second.cacheId > first.cacheId);
    assert.deepEqual(
      service.caches.map((c) => [c.key, c.finalized]),
      [
        ['deps-linux-aaa', true],
        ['deps-linux-bbb', true],
      ],
    );

    const again = await expectOk<{ cacheId: number }>({ op: 'save', paths: ['deps'], key: 'deps-linux-aaa' }, job);
    assert.equal(again.cacheId, -1, 'an existing key+version is not overwritten');
    assert.ok(service.requests.some((r) => r.service === CACHES && r.method === 'CreateCacheEntry' && r.status === 409));

    await rm(cached, { recursive: true, force: true });
    const exact = await expectOk<{ matchedKey: string | null }>({ op: 'restore', paths: ['deps'], key: 'deps-linux-aaa', restoreKeys: ['deps-linux-'] }, job);
    assert.equal(exact.matchedKey, 'deps-linux-aaa');
    assert.equal(await readDeps(), 'first');

    await rm(cached, { recursive: true, force: true });
    const prefix = await expectOk<{ matchedKey: string | null }>({ op: 'restore', paths: ['deps'], key: 'deps-linux-zzz', restoreKeys: ['deps-linux-'] }, job);
    assert.equal(prefix.matchedKey, 'deps-linux-bbb', 'the newest entry matching the prefix wins');
    assert.equal(await readDeps(), 'second');

    await rm(cached, { recursive: true, force: true });
    const miss = await expectOk<{ matchedKey: string | null }>({ op: 'restore', paths: ['deps'], key: 'deps-mac-1', restoreKeys: ['deps-mac-'] }, job);
    assert.equal(miss.matchedKey, null);
    await assert.rejects(readDeps(), { code: 'ENOENT' });

    const otherVersion = await expectOk<{ matchedKey: string | null }>({ op: 'restore', paths: ['deps', 'more'], key: 'deps-linux-aaa' }, job);
    assert.equal(otherVersion.matchedKey, null, 'entries saved for other paths (another version) do not match');
  });

  void test('rejects unauthenticated requests and ids outside the token scope', async () => {
    const token = service.env().ACTIONS_RUNTIME_TOKEN ?? '';
    const ids = tokenScope(token);
    const body = { workflow_run_backend_id: ids.runId, workflow_job_run_backend_id: ids.jobId };

    const anonymous = await twirp(ARTIFACTS, 'ListArtifacts', body);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.code, 'unauthenticated');

    const [header, payload, signature = ''] = token.split('.');
    const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const forged = await twirp(CACHES, 'GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, tampered);
    assert.equal(forged.status, 401);
    assert.equal(forged.json.code, 'unauthenticated');

    const otherRun = await twirp(ARTIFACTS, 'ListArtifacts', { ...body, workflow_run_backend_id: 'another-run' }, token);
    assert.equal(otherRun.status, 403);
    assert.equal(otherRun.json.code, 'permission_denied');

    const otherJobWrite = await twirp(ARTIFACTS, 'CreateArtifact', { ...body, workflow_job_run_backend_id: 'another-job', name: 'x', version: 7 }, token);
    assert.equal(otherJobWrite.status, 403, 'a job uploads only as itself');
    const otherJobRead = await twirp(ARTIFACTS, 'ListArtifacts', { ...body, workflow_job_run_backend_id: 'another-job' }, token);
    assert.equal(otherJobRead.status, 200, 'reads are scoped to the run: any job of it may list');

    const unknown = await twirp(ARTIFACTS, 'Nope', body, token);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.code, 'bad_route');

    const ok = await twirp(ARTIFACTS, 'ListArtifacts', body, token);
    assert.equal(ok.status, 200);
    assert.ok(Array.isArray(ok.json.artifacts));
  });

  void test('finalize checks the uploaded size and hash; signed URLs grant only their permission', async () => {
    const token = service.env().ACTIONS_RUNTIME_TOKEN ?? '';
    const ids = { workflow_run_backend_id: tokenScope(token).runId, workflow_job_run_backend_id: tokenScope(token).jobId };
    const created = await twirp(ARTIFACTS, 'CreateArtifact', { ...ids, name: 'raw', version: 7 }, token);
    assert.equal(created.status, 200);
    const uploadUrl = String(created.json.signed_upload_url);

    const content = randomBytes(1024);
    const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-08-06' }, body: content });
    assert.equal(put.status, 201, await put.text());

    const wrongSize = await twirp(ARTIFACTS, 'FinalizeArtifact', { ...ids, name: 'raw', size: String(content.length + 1) }, token);
    assert.equal(wrongSize.status, 400);
    assert.equal(wrongSize.json.code, 'invalid_argument');
    const wrongHash = await twirp(ARTIFACTS, 'FinalizeArtifact', { ...ids, name: 'raw', hash: `sha256:${sha256(Buffer.from('x'))}` }, token);
    assert.equal(wrongHash.status, 400);

    const final = await twirp(ARTIFACTS, 'FinalizeArtifact', { ...ids, name: 'raw', size: String(content.length), hash: `sha256:${sha256(content)}` }, token);
    assert.equal(final.status, 200);
    assert.equal(final.json.ok, true);
    assert.deepEqual(await service.artifactBlob('raw'), content);

    const signed = await twirp(ARTIFACTS, 'GetSignedArtifactURL', { ...ids, name: 'raw' }, token);
    assert.equal(signed.status, 200);
    const download = await fetch(String(signed.json.signed_url));
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /filename="raw\.zip"/);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), content);
    const readWithUploadUrl = await fetch(uploadUrl);
    await readWithUploadUrl.arrayBuffer();
    assert.equal(readWithUploadUrl.status, 403, 'the upload URL grants no read access');

    const twice = await twirp(ARTIFACTS, 'FinalizeArtifact', { ...ids, name: 'raw' }, token);
    assert.equal(twice.status, 412);
    const missing = await twirp(ARTIFACTS, 'GetSignedArtifactURL', { ...ids, name: 'never-uploaded' }, token);
    assert.equal(missing.status, 404);
    assert.equal(missing.json.code, 'not_found');
  });
});
