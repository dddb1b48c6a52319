import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Characters GitHub refuses in artifact names, and anything else outside a conservative set. */
export function sanitizeArtifactName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? 'shipgate-report' : cleaned;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // Never a git directory: actions/checkout persists the token in .git/config.
    if (e.isFile() && !path.relative(dir, e.parentPath).split(path.sep).includes('.git')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

export interface UploadedArtifact {
  id: number;
  name: string;
  size: number;
  /** Link to the artifact on the run's page. */
  url?: string;
}

/** Upload a whole directory (the report directory) as one artifact. */
export async function uploadDirectory(
  dir: string,
  name: string,
  opts: { retentionDays?: number; runUrl?: string } = {},
): Promise<UploadedArtifact> {
  const files = await listFiles(dir);
  if (files.length === 0) throw new Error(`nothing to upload: ${dir} is empty`);
  const safeName = sanitizeArtifactName(name);
  // Loaded on demand: the artifact client (and the Azure SDK under it) is most of the bundle.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const res = await client.uploadArtifact(safeName, files, dir, opts.retentionDays ? { retentionDays: opts.retentionDays } : {});
  if (res.id === undefined) throw new Error(`artifact ${safeName} was not created`);
  return {
    id: res.id,
    name: safeName,
    size: res.size ?? 0,
    ...(opts.runUrl ? { url: `${opts.runUrl}/artifacts/${res.id}` } : {}),
  };
}
