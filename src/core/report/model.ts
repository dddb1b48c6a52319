/**
 * The Report: what every gate computes and every sink renders. It is also, serialised, the public
 * `report.json` contract (schemas/report.schema.json) that other gates and the fork-safe report mode read.
 */

export const REPORT_SCHEMA_VERSION = 1;

export const GATES = ['perf-gate', 'chaos-run', 'model-validate', 'readiness-checklist'] as const;
export type GateName = (typeof GATES)[number];

export type Verdict = 'pass' | 'warn' | 'fail' | 'inconclusive' | 'error';
export const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'inconclusive', 'error'];

/** How bad a finding would be if it fails. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** What happened to the thing a finding is about. */
export type FindingStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'inconclusive';

export interface Location {
  /** Path relative to the workspace (the repository root). */
  file: string;
  line?: number;
  endLine?: number;
  column?: number;
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  message: string;
  location?: Location;
}

/**
 * Content blocks. Every string in `text`, `table` and `code` blocks is untrusted and escaped by the renderer
 * for its destination; only `markdown` blocks are emitted as written, and only code (never user data) may
 * produce them (e.g. a Mermaid chart built from numbers).
 */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'markdown'; markdown: string }
  | { type: 'table'; columns: string[]; rows: TableRow[]; align?: ('left' | 'right' | 'center')[] }
  | { type: 'code'; text: string; lang?: string }
  | { type: 'details'; summary: string; blocks: Block[] };

export interface TableRow {
  cells: string[];
  /** Rows whose status is `pass` (or `skip`) are the first to collapse when space runs out. */
  status?: FindingStatus;
}

export interface Section {
  id: string;
  title: string;
  /** `essential` sections are kept longest; `detail` sections are dropped before essential ones are cut. */
  importance: 'essential' | 'detail';
  /** Render the whole section inside a collapsed <details> (e.g. a model card). */
  collapsed?: boolean;
  blocks: Block[];
}

export interface RunnerInfo {
  os: string;
  arch: string;
  name?: string;
  cpuModel?: string;
  gpus?: { name: string; driver?: string; cuda?: string; memoryMiB?: number }[];
  /** Stable hash of the hardware/software facts that make baselines comparable. */
  fingerprint?: string;
}

export interface GitInfo {
  sha?: string;
  ref?: string;
  repository?: string;
  event?: string;
  pullRequest?: number;
  headSha?: string;
  baseRef?: string;
  runId?: string;
  runAttempt?: string;
}

export interface Report {
  schemaVersion: number;
  gate: GateName;
  /** Suite / instance name chosen by the user; part of the check-run name and comment marker. */
  name: string;
  verdict: Verdict;
  /** One line, plain text. */
  summary: string;
  startedAt: string;
  finishedAt: string;
  runner: RunnerInfo;
  git: GitInfo;
  findings: Finding[];
  /** Per-gate structured results (the fields named in the gate's issue are contract). */
  details: Record<string, unknown>;
  /** Human-readable body, rendered by every sink within its budget. */
  sections: Section[];
  /** Gate-specific counts that also become action outputs (e.g. regressions, score). */
  outputs?: Record<string, string | number | boolean>;
}

/** Verdict precedence: the worse of two verdicts. */
const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, inconclusive: 2, fail: 3, error: 4 };
export function worstVerdict(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'pass');
}

/** Check-run conclusion for a verdict: fail and error block a required check, the rest do not. */
export function conclusionFor(verdict: Verdict): 'success' | 'failure' | 'neutral' {
  switch (verdict) {
    case 'pass':
      return 'success';
    case 'fail':
    case 'error':
      return 'failure';
    case 'warn':
    case 'inconclusive':
      return 'neutral';
  }
}

export function checkRunName(gate: GateName, name: string): string {
  return `shipgate/${gate} (${name})`;
}

/** The hidden marker of a gate's sticky comment. Only [A-Za-z0-9._-] survive so it cannot break out of the comment. */
export function commentMarker(gate: GateName, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return `<!-- shipgate:${gate}:${safe} -->`;
}
