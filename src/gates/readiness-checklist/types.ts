/**
 * Shared shapes of readiness-checklist: the checklist as loaded, probe specs and their evidence, results.
 */

export type Priority = 'critical' | 'high' | 'medium' | 'low';
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

/** What a probe found. `inconclusive`: it could not run (setup failed, timed out before an answer, not trusted). */
export type CheckStatus = 'pass' | 'fail' | 'inconclusive';
/** An item's result: its checks combined, then waivers applied. */
export type ItemStatus = 'pass' | 'fail' | 'inconclusive' | 'waived';

/**
 * One check of an item, as written in readiness.yml: `type` selects the probe, the other fields are the probe's own.
 * Common fields: `name` (shown), `timeout` (seconds, default 10), `retries` (default 0), `retry_delay` (seconds, default 1).
 */
export interface CheckSpec {
  type: string;
  name?: string;
  timeout?: number;
  retries?: number;
  retry_delay?: number;
  [field: string]: unknown;
}

export interface ChecklistItem {
  id: string;
  title: string;
  priority: Priority;
  owner?: string;
  acceptance?: string;
  level?: string;
  /** Title of the section the item is in. */
  section: string;
  checks: CheckSpec[];
  /** 1-based line of the item in the checklist file (for annotations). */
  line: number;
}

export interface Waiver {
  id: string;
  reason: string;
  owner: string;
  ticket?: string;
  /** YYYY-MM-DD; the waiver holds through that day (UTC). */
  expires: string;
  line?: number;
}

export interface Checklist {
  /** Path as shown in messages (relative to the workspace). */
  file: string;
  name?: string;
  sections: { title: string; items: ChecklistItem[] }[];
  /** Level names from lowest to highest (default bronze, silver, gold). */
  levels: string[];
  /** Weight per priority (default critical 10, high 7.5, medium 5, low 2.5). */
  weights: Record<Priority, number>;
  policy: { minScore?: number; minLevel?: string };
  waivers: Waiver[];
}

/** What one check produced. */
export interface Evidence {
  status: CheckStatus;
  /** One line: what was checked and what was seen. */
  summary: string;
  /** Tail of command output / response body, if any (untrusted text). */
  output?: string;
  latencyMs?: number;
  statusCode?: number;
  /** Attempts made (1 + retries used). */
  attempts: number;
  durationMs: number;
}

/** What a probe may use while it runs. */
export interface ProbeContext {
  workspace: string;
  signal: AbortSignal;
  /** Directory holding other gates' report.json files (`gate` checks), default the workspace's shipgate-report/. */
  reportsDir: string;
  /** GitHub access for `approval` checks; absent outside a pull request or without a token. */
  github?: {
    request: (route: string, params: Record<string, unknown>) => Promise<{ data: unknown }>;
    owner: string;
    repo: string;
    pullRequest?: number;
  };
}

export interface Probe {
  type: string;
  /** Checks the spec's own fields; throws a ConfigurationError naming `where` (file, line, field). */
  validate(spec: CheckSpec, where: { file: string; line: number; field: string }): void;
  /** Runs once (no retries here); never throws for a failing target — that is a `fail` or `inconclusive` result. */
  run(spec: CheckSpec, ctx: ProbeContext, timeoutMs: number): Promise<Omit<Evidence, 'attempts' | 'durationMs'>>;
}

export interface ItemResult {
  id: string;
  title: string;
  section: string;
  priority: Priority;
  owner?: string;
  level?: string;
  line: number;
  status: ItemStatus;
  /** Status of the checks before waivers. */
  checkStatus: CheckStatus;
  checks: (Evidence & { type: string; name: string })[];
  waiver?: Waiver & { expired: boolean };
  /** Why, in one line (failed check summary, waiver, not trusted …). */
  reason?: string;
}
