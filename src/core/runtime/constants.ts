/** Names of the inputs, outputs and saved state shared by every gate's action (one place, as actions/cache does). */

export const Inputs = {
  Gate: 'gate',
  Name: 'name',
  Token: 'github-token',
  Config: 'config',
  ReportDir: 'report-dir',
  Comment: 'comment',
  CheckRun: 'check-run',
  Artifact: 'artifact',
  ArtifactName: 'artifact-name',
  BaselineStore: 'baseline-store',
  BaselineHistory: 'baseline-history',
  FailOn: 'fail-on',
  Mode: 'mode',
  Shard: 'shard',
  ReportArtifact: 'report-artifact',
  RunId: 'run-id',
  ExpectedShards: 'expected-shards',
} as const;

export const Outputs = {
  Verdict: 'verdict',
  ReportPath: 'report-path',
  Summary: 'summary',
  CheckRunId: 'check-run-id',
  CommentId: 'comment-id',
  ArtifactId: 'artifact-id',
} as const;

export const State = {
  ReportDir: 'report-dir',
  CheckRunId: 'check-run-id',
  MainFinished: 'main-finished',
} as const;
