import type { GateName, RunnerInfo } from '../report/model.js';

/** One recorded run of a suite, kept as the baseline for later runs. `data` is the gate's own result shape. */
export interface BaselineEntry<T = unknown> {
  createdAt: string;
  fingerprint: string;
  runner: RunnerInfo;
  git: { sha?: string; ref?: string; runId?: string };
  data: T;
}

export interface BaselineHistory<T = unknown> {
  schemaVersion: 1;
  gate: GateName;
  suite: string;
  /** Oldest first; bounded to the last N runs. */
  entries: BaselineEntry<T>[];
}

export const DEFAULT_HISTORY = 20;

export function emptyHistory<T>(gate: GateName, suite: string): BaselineHistory<T> {
  return { schemaVersion: 1, gate, suite, entries: [] };
}

export function appendEntry<T>(h: BaselineHistory<T>, entry: BaselineEntry<T>, keep = DEFAULT_HISTORY): BaselineHistory<T> {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`history size must be a positive integer, got ${keep}`);
  return { ...h, entries: [...h.entries, entry].slice(-keep) };
}

export interface BaselineChoice<T> {
  /** The newest entry recorded on the same hardware, if any. */
  entry?: BaselineEntry<T>;
  /** Entries of the same hardware, oldest first (for trends and pooled samples). */
  sameHardware: BaselineEntry<T>[];
  /** Set when only other hardware has a baseline: compare with care, and say so in the report. */
  otherHardware?: BaselineEntry<T>;
}

/** Pick what to compare with: never a baseline from another fingerprint without saying so. */
export function chooseBaseline<T>(h: BaselineHistory<T> | undefined, fingerprint: string): BaselineChoice<T> {
  const entries = h?.entries ?? [];
  const same = entries.filter((e) => e.fingerprint === fingerprint);
  const newestOther = [...entries].reverse().find((e) => e.fingerprint !== fingerprint);
  const newestSame = same.at(-1);
  return {
    ...(newestSame ? { entry: newestSame } : {}),
    sameHardware: same,
    ...(!newestSame && newestOther ? { otherHardware: newestOther } : {}),
  };
}
