// Runs one @actions/artifact or @actions/cache operation the way a job step would: configuration comes
// from process.env, the request from argv[2] (JSON). Prints one `RESULT <json>` line on success.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { restoreCache, saveCache } from '@actions/cache';

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const operations = {
  async upload({ name, dir }) {
    const client = new DefaultArtifactClient();
    return client.uploadArtifact(name, await filesUnder(dir), dir);
  },
  async download({ id, path, expectedHash }) {
    const client = new DefaultArtifactClient();
    return client.downloadArtifact(id, { path, expectedHash });
  },
  async list({ latest }) {
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts({ latest });
    return artifacts.map((a) => ({ ...a, createdAt: a.createdAt?.toISOString() }));
  },
  async get({ name }) {
    const client = new DefaultArtifactClient();
    const { artifact } = await client.getArtifact(name);
    return { ...artifact, createdAt: artifact.createdAt?.toISOString() };
  },
  async delete({ name }) {
    const client = new DefaultArtifactClient();
    return client.deleteArtifact(name);
  },
  async save({ paths, key }) {
    return { cacheId: await saveCache(paths, key) };
  },
  async restore({ paths, key, restoreKeys }) {
    return { matchedKey: (await restoreCache(paths, key, restoreKeys)) ?? null };
  },
};

const request = JSON.parse(process.argv[2] ?? '{}');
const operation = operations[request.op];
if (!operation) throw new Error(`unknown operation: ${request.op}`);
const result = await operation(request);
process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
