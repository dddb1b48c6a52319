import type { GateName } from '../core/report/model.js';

/**
 * The inputs and outputs of every action: the one source from which the action.yml files are generated
 * (scripts/gen-actions.ts; a test fails when they drift) and from which the CLI maps its flags.
 */
export interface InputSpec {
  description: string;
  required?: boolean;
  default?: string;
}
export interface ActionSpec {
  gate: GateName;
  title: string;
  description: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, string>;
}

export const commonInputs: Record<string, InputSpec> = {
  name: { description: 'Suite name: part of the check-run name `shipgate/<gate> (<name>)`, the comment marker and the baseline key.', default: 'default' },
  'github-token': { description: 'Token for the check run and the PR comment (needs checks: write and pull-requests: write). Never printed or stored.', default: '${{ github.token }}' },
  config: { description: 'Path of the gate\'s config file (YAML or JSON), relative to the workspace.' },
  'report-dir': { description: 'Where report.json, report.md, junit.xml and the gate\'s files are written. Default: shipgate-report/<gate>.' },
  comment: { description: 'Post or update one sticky comment on the pull request.', default: 'true' },
  'check-run': { description: 'Create a check run on the PR head SHA (usable as a required status check).', default: 'true' },
  artifact: { description: 'Upload the report directory as an artifact.', default: 'true' },
  'artifact-name': { description: 'Artifact name. Default: shipgate-<gate>-<name>.' },
  'baseline-store': { description: 'Where baselines live: `repo` (baselines/ in the repository), `cache` (Actions cache: saved on pushes to the default branch, restored on pull requests) or `none`.', default: 'repo' },
  'baseline-history': { description: 'How many past baseline runs to keep.', default: '20' },
  'fail-on': { description: 'Verdicts that fail the step, comma-separated (pass, warn, fail, inconclusive, error).', default: 'fail,error' },
  mode: {
    description:
      '`run`: run the gate. `report`: run nothing; download the report artifact of the workflow run that triggered this `workflow_run` workflow, treat it as untrusted, and post its comment and check run on that run\'s head SHA (the fork-safe second step). `merge`: run nothing; download every shard\'s report artifact of this workflow run and post one merged report, comment and check run.',
    default: 'run',
  },
  shard: { description: 'This job is one shard of a matrix (e.g. `${{ matrix.shard }}`): its report goes into the artifact `shipgate-<gate>-<name>-shard-<shard>` and no comment or check run is posted; a later job with `mode: merge` posts one for all shards.' },
  'report-artifact': { description: '`report` mode: the name of the report artifact to download (default `shipgate-<gate>-<name>`). `merge` mode: the shards\' artifact name prefix (default `shipgate-<gate>-<name>-shard-`).' },
  'run-id': { description: '`report` mode: the workflow run whose artifact is read; it must be the run that triggered this workflow (`github.event.workflow_run.id`, the default), since the commit and pull request come from that event.' },
  'expected-shards': { description: '`merge` mode: how many shards the matrix has; fewer reports found makes the merged verdict at least inconclusive.' },
};

export const commonOutputs: Record<string, string> = {
  verdict: 'pass, warn, fail, inconclusive or error.',
  'report-path': 'Path of report.json, relative to the workspace.',
  summary: 'One-line summary of the result.',
  'check-run-id': 'Id of the check run, when one was created.',
  'comment-id': 'Id of the PR comment, when one was posted.',
  'artifact-id': 'Id of the uploaded report artifact.',
  shards: '`merge` mode: how many shard reports were merged.',
};

export const actionSpecs: Record<GateName, ActionSpec> = {
  'perf-gate': {
    gate: 'perf-gate',
    title: 'shipgate perf-gate',
    description: 'Run benchmark and load suites, sample CPU/RAM/IO/GPU, and fail on statistically real regressions against baselines.',
    inputs: {
      run: { description: 'Command(s) that run the suite, one per line; each line is run by bash as written.' },
      setup: { description: 'Command(s) run once before the suite (in each worktree in A/B mode).' },
      repetitions: { description: 'Run the suite this many times to gather samples.', default: '1' },
      warmup: { description: 'Unmeasured runs before the measured ones.', default: '0' },
      'timeout-minutes': { description: 'Time limit of one run of the suite.', default: '30' },
      current: { description: 'Result file(s) the suite writes (glob), read after it runs.' },
      format: { description: 'Result format; detected when absent (shipgate, googlebenchmark, pytest-benchmark, hyperfine, criterion, k6, bmf, benchmark-action, latency-log).' },
      baseline: { description: 'A baseline result file to compare with, instead of the store.' },
      'ab-base-ref': { description: 'Same-runner A/B mode: `merge-base` (the PR\'s merge base; check out with fetch-depth: 0) or a ref; the base and the head are run interleaved on this runner and compared with each other. Empty: compare with the stored baseline.' },
      confirm: { description: 'Before failing, run the suite again (SHIPGATE_CONFIRM_BENCHMARKS lists the flagged benchmarks) and keep only regressions the re-run shows too.', default: 'false' },
      'update-baseline': { description: 'Write baselines/<suite>.json from this run instead of comparing.', default: 'false' },
      telemetry: { description: 'Sample CPU, memory, IO and GPU while the suite runs.', default: 'true' },
      'telemetry-interval-ms': { description: 'Telemetry sampling interval in milliseconds.', default: '1000' },
    },
    outputs: { regressions: 'Number of regressed benchmark metrics.', improvements: 'Number of improved benchmark metrics.' },
  },
  'chaos-run': {
    gate: 'chaos-run',
    title: 'shipgate chaos-run',
    description: 'Inject faults into a running system, check steady state, recovery time and data integrity, and always roll the faults back.',
    inputs: {
      experiment: { description: 'Experiment file (shipgate YAML/JSON, or a Chaos Toolkit experiment). Required to run the gate (`mode: run`); `report` and `merge` read reports instead.' },
      'dry-run': { description: 'Print the plan and the inverse commands without touching anything.', default: 'false' },
      'allowed-runner-labels': { description: 'Refuse to run unless the runner has one of these labels (comma-separated; the runner\'s labels come from SHIPGATE_RUNNER_LABELS in its .env, else its name, OS, architecture and self-hosted). Empty: any runner.' },
      'ledger-dir': { description: 'Where the fault ledger is kept; it must outlast the job so the next run on this runner can sweep leftovers. Default: $SHIPGATE_CHAOS_LEDGER_DIR, else ~/.local/state/shipgate/chaos-ledger.' },
    },
    outputs: { lost: 'Acknowledged writes lost.', 'recovery-seconds': 'Longest time from fault end to steady state.' },
  },
  'model-validate': {
    gate: 'model-validate',
    title: 'shipgate model-validate',
    description: 'Compute model metrics exactly as scikit-learn does, check drift, gate on baselines and thresholds, and write a model card.',
    inputs: {
      predictions: { description: 'Predictions file (CSV, CSV.gz or JSONL) with labels, predicted classes and scores.' },
      'label-column': { description: 'Column of the true label.', default: 'label' },
      'prediction-column': { description: 'Column of the predicted class or value.', default: 'prediction' },
      'score-columns': { description: 'Prefix of per-class score columns (multiclass) or the positive-class score column (binary).', default: 'score_' },
      'positive-label': { description: 'The positive class for binary metrics.' },
      baseline: { description: 'Baseline metrics or predictions file to compare with, instead of the store.' },
      reference: { description: 'Reference feature data for drift (CSV or JSONL).' },
      current: { description: 'Current feature data for drift (CSV or JSONL).' },
      'drift-methods': { description: 'auto, all, or a list of ks, wasserstein, psi, chisquare, jensenshannon.', default: 'auto' },
      metadata: { description: 'Model metadata YAML for the model card.' },
      'update-baseline': { description: 'Save this run as the baseline (baselines/model-validate/<name>.json with the repo store) even when not on the default branch.', default: 'false' },
    },
    outputs: { 'failed-metrics': 'Comma-separated metrics that failed their thresholds.', 'drifted-columns': 'Comma-separated drifted columns.' },
  },
  'readiness-checklist': {
    gate: 'readiness-checklist',
    title: 'shipgate readiness-checklist',
    description: 'Prove a production-readiness checklist kept in the repo with live probes, waivers, levels and a score.',
    inputs: {
      checklist: { description: 'Checklist file.', default: 'readiness.yml' },
      'base-result': { description: 'report.json of the base branch, for the diff in the comment.' },
      'untrusted-commands': { description: 'On fork PRs or when the PR changes the checklist: `base` runs command checks from the base branch\'s checklist, `refuse` skips them.', default: 'base' },
      sarif: { description: 'Also write results.sarif into the report directory.', default: 'false' },
      'reports-dir': { description: 'Where other gates of this job wrote their reports (`gate` checks read <reports-dir>/<gate>/report.json).', default: 'shipgate-report' },
    },
    outputs: { score: 'Weighted score, 0–100.', level: 'Highest level reached.', 'failed-critical': 'Number of failed critical items.' },
  },
};

export function rootSpec(): { inputs: Record<string, InputSpec>; outputs: Record<string, string> } {
  const inputs: Record<string, InputSpec> = {
    gate: { description: 'Which gate to run: perf-gate, chaos-run, model-validate or readiness-checklist.', required: true },
    ...commonInputs,
  };
  const outputs: Record<string, string> = { ...commonOutputs };
  for (const spec of Object.values(actionSpecs)) {
    for (const [k, v] of Object.entries(spec.inputs)) {
      // In the root action an input belongs to one gate or several; none is required, since the gate decides.
      const seen = inputs[k];
      const description = `${seen ? `${seen.description} ` : ''}${spec.gate}: ${v.description}`;
      inputs[k] = { description, ...(v.default !== undefined && !seen ? { default: v.default } : {}) };
    }
    Object.assign(outputs, Object.fromEntries(Object.entries(spec.outputs).map(([k, v]) => [k, `${spec.gate}: ${v}`])));
  }
  return { inputs, outputs };
}
