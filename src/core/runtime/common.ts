import path from 'node:path';
import type { GateName, Verdict } from '../report/model.js';
import { VERDICTS } from '../report/model.js';
import { DEFAULT_HISTORY } from '../baseline/history.js';
import { ConfigurationError } from '../errors.js';
import { Inputs } from './constants.js';
import type { InputReader } from './inputs.js';

/** Inputs every gate's action has, read and checked in one place. */
export interface CommonOptions {
  name: string;
  token?: string;
  reportDir: string;
  comment: boolean;
  checkRun: boolean;
  artifact: boolean;
  artifactName: string;
  baselineStore: 'repo' | 'cache' | 'none';
  historySize: number;
  failOn: Verdict[];
  /** `run` the gate, or post a `report` from another run's artifact, or `merge` this run's shard reports. */
  mode: 'run' | 'report' | 'merge';
  /** This job is one shard of a matrix: no comment or check run; its artifact is named for the merge step. */
  shard?: string;
  /** report mode: the artifact's name; merge mode: the shards' artifact name prefix. */
  reportArtifact: string;
  /** report mode: the run whose artifact is read (default: the workflow_run event's). */
  runId?: number;
  expectedShards?: number;
}

/** Suite names end up in check-run names, comment markers, cache keys and file names: keep them plain. */
export function checkSuiteName(name: string, what: string, field: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(name)) {
    throw new ConfigurationError(`${what}: ${JSON.stringify(name)} is not a valid suite name; use letters, digits, spaces, '.', '_' or '-' (at most 100), starting with a letter or digit.`, { field });
  }
  return name;
}

export function readCommonOptions(gate: GateName, inputs: InputReader, workspace: string): CommonOptions {
  const name = checkSuiteName(inputs.string(Inputs.Name, 'default'), `input \`${Inputs.Name}\``, `inputs.${Inputs.Name}`);
  const failOn = inputs.list(Inputs.FailOn);
  for (const v of failOn) {
    if (!(VERDICTS as readonly string[]).includes(v)) {
      throw new ConfigurationError(`input \`${Inputs.FailOn}\`: unknown verdict ${JSON.stringify(v)}; use some of ${VERDICTS.join(', ')}.`, {
        field: `inputs.${Inputs.FailOn}`,
      });
    }
  }
  const token = inputs.optional(Inputs.Token);
  const reportDir = path.resolve(workspace, inputs.string(Inputs.ReportDir, path.join('shipgate-report', gate)));
  const rel = path.relative(reportDir, path.resolve(workspace));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    // The report directory is uploaded as an artifact: never the checkout itself (its .git holds credentials).
    throw new ConfigurationError(`input \`${Inputs.ReportDir}\`: ${JSON.stringify(inputs.optional(Inputs.ReportDir))} is the workspace or contains it; use a folder of its own, e.g. shipgate-report/${gate}.`, {
      field: `inputs.${Inputs.ReportDir}`,
    });
  }
  const mode = inputs.oneOf(Inputs.Mode, ['run', 'report', 'merge'] as const, 'run');
  const shard = inputs.optional(Inputs.Shard);
  if (shard !== undefined && (!/^[A-Za-z0-9._-]{1,50}$/.test(shard) || /^\.+$/.test(shard))) {
    throw new ConfigurationError(`input \`${Inputs.Shard}\`: ${JSON.stringify(shard)} is not a valid shard label; use letters, digits, '.', '_' or '-' (at most 50), e.g. \`\${{ matrix.shard }}\`.`, {
      field: `inputs.${Inputs.Shard}`,
    });
  }
  if (shard !== undefined && mode !== 'run') {
    throw new ConfigurationError(`input \`${Inputs.Shard}\`: a shard runs the gate (\`mode: run\`); the \`${mode}\` step is a job of its own without \`shard\`.`, { field: `inputs.${Inputs.Shard}` });
  }
  const expectedShards = inputs.optional(Inputs.ExpectedShards) === undefined ? undefined : inputs.number(Inputs.ExpectedShards, 0, { min: 1, max: 256, integer: true });
  const runId = inputs.optional(Inputs.RunId) === undefined ? undefined : inputs.number(Inputs.RunId, 0, { min: 1, integer: true });
  const shardPrefix = `shipgate-${gate}-${name}-shard-`;
  return {
    name,
    ...(token ? { token } : {}),
    reportDir,
    // A shard's result is posted once for all shards by the merge step.
    comment: shard === undefined && inputs.boolean(Inputs.Comment, true),
    checkRun: shard === undefined && inputs.boolean(Inputs.CheckRun, true),
    // In report mode the report stays where it was uploaded.
    artifact: mode !== 'report' && inputs.boolean(Inputs.Artifact, true),
    artifactName: inputs.string(Inputs.ArtifactName, shard === undefined ? `shipgate-${gate}-${name}` : `${shardPrefix}${shard}`),
    mode,
    ...(shard !== undefined ? { shard } : {}),
    reportArtifact: inputs.string(Inputs.ReportArtifact, mode === 'merge' ? shardPrefix : `shipgate-${gate}-${name}`),
    ...(runId !== undefined ? { runId } : {}),
    ...(expectedShards !== undefined ? { expectedShards } : {}),
    baselineStore: inputs.oneOf(Inputs.BaselineStore, ['repo', 'cache', 'none'] as const, 'repo'),
    historySize: inputs.number(Inputs.BaselineHistory, DEFAULT_HISTORY, { min: 1, max: 1000, integer: true }),
    failOn: failOn.length ? (failOn as Verdict[]) : ['fail', 'error'],
  };
}
