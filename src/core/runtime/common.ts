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
  baselineDir: string;
  historySize: number;
  failOn: Verdict[];
}

export function readCommonOptions(gate: GateName, inputs: InputReader, workspace: string): CommonOptions {
  const name = inputs.string(Inputs.Name, 'default');
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(name)) {
    throw new ConfigurationError(
      `input \`${Inputs.Name}\`: ${JSON.stringify(name)} is not a valid suite name; use letters, digits, spaces, '.', '_' or '-' (at most 100).`,
      { field: `inputs.${Inputs.Name}` },
    );
  }
  const failOn = inputs.list(Inputs.FailOn);
  for (const v of failOn) {
    if (!(VERDICTS as readonly string[]).includes(v)) {
      throw new ConfigurationError(`input \`${Inputs.FailOn}\`: unknown verdict ${JSON.stringify(v)}; use some of ${VERDICTS.join(', ')}.`, {
        field: `inputs.${Inputs.FailOn}`,
      });
    }
  }
  const token = inputs.optional(Inputs.Token);
  return {
    name,
    ...(token ? { token } : {}),
    reportDir: path.resolve(workspace, inputs.string(Inputs.ReportDir, path.join('shipgate-report', gate))),
    comment: inputs.boolean(Inputs.Comment, true),
    checkRun: inputs.boolean(Inputs.CheckRun, true),
    artifact: inputs.boolean(Inputs.Artifact, true),
    artifactName: inputs.string(Inputs.ArtifactName, `shipgate-${gate}-${name}`),
    baselineStore: inputs.oneOf(Inputs.BaselineStore, ['repo', 'cache', 'none'] as const, 'repo'),
    baselineDir: path.resolve(workspace, 'baselines'),
    historySize: inputs.number(Inputs.BaselineHistory, DEFAULT_HISTORY, { min: 1, max: 1000, integer: true }),
    failOn: failOn.length ? (failOn as Verdict[]) : ['fail', 'error'],
  };
}
