import { ANNOTATIONS_PER_REQUEST, batches, type CheckOutput } from '../report/render-check.js';
import type { GitHubClient } from './client.js';

export interface CheckRunTarget {
  owner: string;
  repo: string;
  /** The PR's head SHA (not the merge commit), or the pushed SHA. */
  headSha: string;
  name: string;
  detailsUrl?: string;
  externalId?: string;
}

export async function startCheckRun(client: GitHubClient, t: CheckRunTarget): Promise<number> {
  const { data } = await client.rest.checks.create({
    owner: t.owner,
    repo: t.repo,
    name: t.name,
    head_sha: t.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(t.detailsUrl ? { details_url: t.detailsUrl } : {}),
    ...(t.externalId ? { external_id: t.externalId } : {}),
  });
  return data.id;
}

/**
 * Complete a check run. GitHub takes at most 50 annotations a request: the first update completes the run with
 * its conclusion and the first 50, later updates append the rest. So a failure while sending annotations can never
 * leave a required check stuck in progress.
 */
export async function completeCheckRun(
  client: GitHubClient,
  t: { owner: string; repo: string; checkRunId: number },
  output: CheckOutput,
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled',
): Promise<{ requests: number }> {
  const groups = batches(output.annotations, ANNOTATIONS_PER_REQUEST);
  if (groups.length === 0) groups.push([]);
  const base = { title: output.title, summary: output.summary, ...(output.text ? { text: output.text } : {}) };
  let requests = 0;
  for (const [i, annotations] of groups.entries()) {
    await client.rest.checks.update({
      owner: t.owner,
      repo: t.repo,
      check_run_id: t.checkRunId,
      output: annotations.length > 0 ? { ...base, annotations } : base,
      ...(i === 0 ? { status: 'completed' as const, conclusion, completed_at: new Date().toISOString() } : {}),
    });
    requests++;
  }
  return { requests };
}
