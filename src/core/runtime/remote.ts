/**
 * The two modes that run no gate: `report` (the fork-safe second step: a `workflow_run` workflow posts what the
 * pull_request run's read-only token could not) and `merge` (one report for the shards of a matrix). Both read
 * report.json files from artifacts, so both treat them as data to check, never as instructions.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { GitHubClient } from '../github/client.js';
import type { RunContext, WorkflowRunInfo } from '../github/context.js';
import type { Logger } from '../log.js';
import { assertValidReport } from '../report/files.js';
import { untrustedReport, type ShardReport } from '../report/merge.js';
import type { GateName, Report } from '../report/model.js';

/** A report.json bigger than this is not read (the gates write a few hundred KiB at most). */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

export interface ArtifactRef {
  id: number;
  name: string;
  digest?: string;
}

/** What the modes need of the artifact service; the real one is @actions/artifact, tests may pass another. */
export interface ArtifactSource {
  /** Artifacts of this workflow run. */
  listThisRun(): Promise<ArtifactRef[]>;
  /** Download an artifact of this run into dir. */
  downloadThisRun(a: ArtifactRef, dir: string): Promise<void>;
  /** The artifact of another run (public REST API with the token). */
  findInRun(name: string, runId: number): Promise<ArtifactRef | undefined>;
  downloadFromRun(a: ArtifactRef, runId: number, dir: string): Promise<void>;
}

function checkDigest(res: { digestMismatch?: boolean }, a: ArtifactRef): void {
  if (res.digestMismatch) throw new Error(`artifact ${a.name}: its content does not match its digest`);
}

export function toolkitArtifacts(opts: { token?: string; owner?: string; repo?: string }): ArtifactSource {
  const client = async () => new (await import('@actions/artifact')).DefaultArtifactClient();
  const findBy = (runId: number) => {
    if (!opts.token || !opts.owner || !opts.repo) throw new Error('reading another run\'s artifact needs `github-token` and the repository (GITHUB_REPOSITORY)');
    return { token: opts.token, workflowRunId: runId, repositoryOwner: opts.owner, repositoryName: opts.repo };
  };
  return {
    async listThisRun() {
      const res = await (await client()).listArtifacts({ latest: true });
      return res.artifacts.map((a) => ({ id: a.id, name: a.name, ...(a.digest ? { digest: a.digest } : {}) }));
    },
    async downloadThisRun(a, dir) {
      checkDigest(await (await client()).downloadArtifact(a.id, { path: dir, ...(a.digest ? { expectedHash: a.digest } : {}) }), a);
    },
    async findInRun(name, runId) {
      const { ArtifactNotFoundError } = await import('@actions/artifact');
      try {
        const res = await (await client()).getArtifact(name, { findBy: findBy(runId) });
        return { id: res.artifact.id, name: res.artifact.name, ...(res.artifact.digest ? { digest: res.artifact.digest } : {}) };
      } catch (e) {
        if (e instanceof ArtifactNotFoundError) return undefined;
        throw e;
      }
    },
    async downloadFromRun(a, runId, dir) {
      checkDigest(await (await client()).downloadArtifact(a.id, { path: dir, findBy: findBy(runId), ...(a.digest ? { expectedHash: a.digest } : {}) }), a);
    },
  };
}

/** report.json from a downloaded artifact (`label` names it in messages, e.g. `artifact NAME`): size-capped, schema-checked, of this gate and suite, made safe to render. */
export async function readArtifactReport(dir: string, label: string, expect: { gate: GateName; name?: string; outputs?: readonly string[] }): Promise<Report> {
  const file = path.join(dir, 'report.json');
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ConfigurationError(`${label} has no report.json at its top level: upload the gate's report directory (the gate's own artifact does)`, { field: 'inputs.report-artifact' });
  }
  if (size > MAX_REPORT_BYTES) throw new ConfigurationError(`${label}: report.json is ${size} bytes, more than the ${MAX_REPORT_BYTES} read`, { field: 'inputs.report-artifact' });
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ConfigurationError(`${label}: report.json is not JSON (${errorMessage(e)})`, { field: 'inputs.report-artifact' });
  }
  try {
    assertValidReport(value);
  } catch (e) {
    throw new ConfigurationError(`${label}: ${errorMessage(e).replace(/^internal error: /, '')}`, { field: 'inputs.report-artifact' });
  }
  if (value.gate !== expect.gate) throw new ConfigurationError(`${label} holds a ${value.gate} report, not a ${expect.gate} one: point at this gate's report (\`report-artifact\` in an action)`, { field: 'inputs.report-artifact' });
  if (expect.name !== undefined && value.name !== expect.name) {
    throw new ConfigurationError(`${label} holds the report of suite ${JSON.stringify(value.name)}, not of ${JSON.stringify(expect.name)}: give both steps the same \`name\``, { field: 'inputs.name' });
  }
  return untrustedReport(value, expect.outputs);
}

export interface ReportModeTarget {
  /** The commit the check run goes on: the triggering run's head (from the event, which GitHub writes). */
  headSha: string;
  /** The pull request the comment goes on, once checked against headSha. */
  pullRequest?: number;
  notes: string[];
}

/** A pull request GitHub lists for the run whose head is the run's head commit (trusted: GitHub writes the event). */
export function listedPullRequest(wr: WorkflowRunInfo): number | undefined {
  return wr.pullRequests.find((p) => p.headSha === undefined || p.headSha === wr.headSha)?.number;
}

/**
 * Which pull request a report belongs to. GitHub lists the run's pull requests only for same-repository heads; for a
 * fork the number comes from the report (untrusted), so it is used only when that pull request's head is the run's
 * head commit.
 */
export async function reportTarget(run: RunContext, report: Report, client: GitHubClient | undefined): Promise<ReportModeTarget> {
  const wr = run.workflowRun;
  if (!wr) throw new Error('no workflow_run in the event');
  const notes: string[] = [];
  const listed = listedPullRequest(wr);
  if (listed !== undefined) return { headSha: wr.headSha, pullRequest: listed, notes };
  const claimed = report.git.pullRequest;
  if (claimed === undefined) {
    notes.push('the report names no pull request: only the check run is posted');
    return { headSha: wr.headSha, notes };
  }
  if (!client || !run.owner || !run.repo) {
    notes.push(`cannot check that pull request #${claimed} belongs to commit ${wr.headSha.slice(0, 12)} without a token: no comment posted`);
    return { headSha: wr.headSha, notes };
  }
  try {
    const { data: pr } = await client.rest.pulls.get({ owner: run.owner, repo: run.repo, pull_number: claimed });
    const headRepo = pr.head.repo?.full_name;
    if (pr.head.sha === wr.headSha && (wr.headRepository === undefined || headRepo?.toLowerCase() === wr.headRepository.toLowerCase())) {
      return { headSha: wr.headSha, pullRequest: claimed, notes };
    }
    if (pr.head.sha === wr.headSha) {
      notes.push(`the report names pull request #${claimed}, whose head is in ${headRepo ?? 'a deleted repository'}, not in ${wr.headRepository ?? '?'} where the run's commit was pushed: no comment posted`);
      return { headSha: wr.headSha, notes };
    }
    notes.push(`the report names pull request #${claimed}, whose head is ${pr.head.sha.slice(0, 12)}, not the run's ${wr.headSha.slice(0, 12)}: no comment posted (a newer push, or a report that is not what it claims)`);
  } catch (e) {
    notes.push(`could not read pull request #${claimed} to check it: ${errorMessage(e)}; no comment posted`);
  }
  return { headSha: wr.headSha, notes };
}

/** Download and read the report artifact of the run that triggered this workflow_run workflow. */
export async function fetchRunReport(
  source: ArtifactSource,
  o: { gate: GateName; name: string; artifact: string; runId: number; outputs?: readonly string[] },
): Promise<Report> {
  let found: ArtifactRef | undefined;
  try {
    found = await source.findInRun(o.artifact, o.runId);
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 403 || status === 404) {
      throw new ConfigurationError(`could not read the artifacts of workflow run ${o.runId}: HTTP ${status} — the token needs \`actions: read\` (add it under \`permissions:\`), and \`run-id\` must be a run of this repository`, { field: 'inputs.run-id' });
    }
    throw e;
  }
  if (!found) {
    throw new ConfigurationError(
      `workflow run ${o.runId} has no artifact named ${o.artifact}: the pull_request workflow failed before its gate ran, ran with \`artifact: false\`, or used another \`name\`/\`artifact-name\` (set \`report-artifact\` to it)`,
      { field: 'inputs.report-artifact' },
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-report-'));
  try {
    await source.downloadFromRun(found, o.runId, dir);
    return await readArtifactReport(dir, `artifact ${found.name}`, { gate: o.gate, name: o.name, ...(o.outputs ? { outputs: o.outputs } : {}) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Download every shard report of this run (artifacts named prefix + shard) into reportDir/shards/<shard>. */
export async function fetchShardReports(
  source: ArtifactSource,
  o: { gate: GateName; prefix: string; reportDir: string; outputs?: readonly string[]; log: Logger },
): Promise<{ shards: ShardReport[]; unreadable: { shard: string; message: string }[] }> {
  const unreadable: { shard: string; message: string }[] = [];
  const all = await source.listThisRun();
  const matching = all.filter((a) => a.name.startsWith(o.prefix) && a.name.length > o.prefix.length);
  const shards: ShardReport[] = [];
  const seen = new Set<string>();
  for (const a of matching) {
    const shard = a.name.slice(o.prefix.length).replace(/[^A-Za-z0-9._-]/g, '_');
    const dir = path.join(o.reportDir, 'shards', shard);
    try {
      // A label of dots would name a folder outside shards/; two artifacts must not share one folder.
      if (/^\.+$/.test(shard)) throw new Error(`artifact ${a.name}: the shard label is not a folder name`);
      if (seen.has(shard)) throw new Error(`artifact ${a.name}: another artifact already holds shard ${shard}`);
      seen.add(shard);
      await source.downloadThisRun(a, dir);
      shards.push({ shard, artifact: a.name, report: await readArtifactReport(dir, `artifact ${a.name}`, { gate: o.gate, ...(o.outputs ? { outputs: o.outputs } : {}) }) });
    } catch (e) {
      o.log.warning(`shard ${shard}: ${errorMessage(e)}`);
      unreadable.push({ shard, message: errorMessage(e) });
    }
  }
  return { shards, unreadable };
}

/** `report` mode outside a workflow_run workflow is a setup mistake the user must fix. */
export function requireWorkflowRun(run: RunContext, runIdInput: number | undefined): { runId: number; headSha: string } {
  const wr = run.workflowRun;
  if (!wr) {
    throw new ConfigurationError(
      `input \`mode\`: \`report\` posts the result of the run that triggered a \`workflow_run\` workflow, but this run was triggered by \`${run.event ?? 'unknown'}\`; use it in a workflow \`on: workflow_run\` (see examples/workflows/fork-report.yml), or \`mode: run\` here.`,
      { field: 'inputs.mode' },
    );
  }
  // The commit and the pull request come from the event: another run's report must not be posted on them.
  if (runIdInput !== undefined && runIdInput !== wr.id) {
    throw new ConfigurationError(`input \`run-id\`: ${runIdInput} is not the run that triggered this workflow (${wr.id}); leave it out or set it to \`\${{ github.event.workflow_run.id }}\`.`, { field: 'inputs.run-id' });
  }
  return { runId: wr.id, headSha: wr.headSha };
}
