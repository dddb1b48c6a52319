import { ConfigurationError } from '../../core/errors.js';
import { PRIORITIES } from './types.js';
import type { CheckStatus, Checklist, ChecklistItem, Evidence, ItemResult, ItemStatus, Priority, Waiver } from './types.js';

/**
 * Scoring of readiness-checklist: checks → item status, waivers, the weighted score, levels, the verdict, and the
 * diff against the base branch's result.
 */

const ITEM_STATUSES: readonly ItemStatus[] = ['pass', 'fail', 'inconclusive', 'waived'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The checks of one item combined: `pass` when every check passed, `fail` when any failed, else `inconclusive`.
 * An item without checks is `inconclusive`: nothing proved it.
 */
export function combineChecks(checks: Evidence[]): CheckStatus {
  if (checks.length === 0) return 'inconclusive';
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  return checks.every((c) => c.status === 'pass') ? 'pass' : 'inconclusive';
}

function isCalendarDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's date as YYYY-MM-DD in UTC, the form `applyWaiver` compares with. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function waiverLabel(waiver: Waiver): string {
  return `${waiver.owner}${waiver.ticket === undefined ? '' : `, ${waiver.ticket}`}`;
}

/**
 * Applies an item's waiver (if any) to the status of its checks. The waiver holds through its `expires` day (UTC):
 * - checks pass → `pass`; a waiver is reported back as unused (so it can be removed);
 * - checks fail or are inconclusive, the waiver holds (today ≤ expires) → `waived`;
 * - the waiver has expired (today > expires) → `fail`, whatever the checks said ("waiver expired on …"): an expired
 *   waiver is a broken promise, not an unknown;
 * - no waiver → the checks' status.
 * `today` is YYYY-MM-DD (UTC, see `utcToday`). A malformed `expires` is a ConfigurationError naming the waiver.
 */
export function applyWaiver(
  item: ChecklistItem,
  checkStatus: CheckStatus,
  waiver: Waiver | undefined,
  today: string,
): { status: ItemStatus; waiver?: Waiver & { expired: boolean }; reason?: string } {
  if (waiver === undefined) return { status: checkStatus };
  if (!isCalendarDay(today)) throw new Error(`applyWaiver: today must be YYYY-MM-DD, got "${today}"`);
  if (waiver.id !== item.id) throw new Error(`applyWaiver: waiver for "${waiver.id}" applied to item "${item.id}"`);
  if (!isCalendarDay(waiver.expires)) {
    const at = waiver.line === undefined ? '' : ` (line ${waiver.line})`;
    throw new ConfigurationError(`waiver for item "${item.id}"${at}: expires must be a date YYYY-MM-DD, got "${waiver.expires}"`, {
      field: 'waivers.expires',
    });
  }
  // Both are YYYY-MM-DD: string order is date order.
  const expired = today > waiver.expires;
  const reported = { ...waiver, expired };
  if (checkStatus === 'pass') {
    return { status: 'pass', waiver: reported, reason: `passes; the waiver (${expired ? 'expired on' : 'until'} ${waiver.expires}) is unused` };
  }
  if (expired) {
    return {
      status: 'fail',
      waiver: reported,
      reason: `waiver expired on ${waiver.expires} (${waiverLabel(waiver)}); the checks are ${checkStatus}`,
    };
  }
  return { status: 'waived', waiver: reported, reason: `waived until ${waiver.expires} (${waiverLabel(waiver)}): ${waiver.reason}` };
}

export interface LevelResult {
  name: string;
  reached: boolean;
  /** Ids of the items at this level or below that do not pass. */
  blocking: string[];
}

export interface Score {
  /** 0–100, one decimal. See `scoreResults`. */
  score: number;
  /** Highest level reached, null when none. */
  level: string | null;
  levels: LevelResult[];
  /** Ids of critical items whose status is `fail` or `inconclusive`. */
  failedCritical: string[];
  verdict: 'pass' | 'warn' | 'fail';
  /** Why the verdict, one line each: the causes of a fail first, then those of a warn. */
  reasons: string[];
  counts: Record<ItemStatus, number>;
}

const notPassing = (s: ItemStatus): boolean => s === 'fail' || s === 'inconclusive';

function listItems(items: ItemResult[]): string {
  return items.map((i) => `${i.id} (${i.status})`).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Scores item results against the checklist's weights, levels and policy.
 *
 * - **score** = Σ weight(items that pass) / Σ weight(items counted) × 100, weight by priority. Waived items are left
 *   out of both sums (they neither earn nor cost points); `fail` and `inconclusive` count as not passed. Rounded to
 *   one decimal, except that 100 is kept for "everything counted passes" (a near-100 score shows as 99.9). With
 *   nothing counted (no items, all waived, or zero weights) the score is 100.
 * - **levels** (checklist order, lowest first) are cumulative: level L is reached when every item whose level is L or
 *   below has status `pass` — `waived` and `inconclusive` do not count as passing — and at least one item has level L
 *   or above. So a level with no items of its own between two used levels is reached on the way up, while levels
 *   above the highest one any item names are never reached (nothing proves them), and a checklist whose items use no
 *   level reaches none (`level` null). Items without a level count for no level.
 * - **verdict** `fail`: a critical item fails or is inconclusive, the score is below `policy.minScore`, or the level
 *   reached is below `policy.minLevel`; `warn`: a non-critical item fails or is inconclusive, or a waiver is active
 *   (an item is `waived`); else `pass`.
 *
 * An item level or `minLevel` that is not one of `levels` is a ConfigurationError.
 */
export function scoreResults(items: ItemResult[], checklist: Pick<Checklist, 'levels' | 'weights' | 'policy'>): Score {
  const levelIndex = new Map(checklist.levels.map((name, i) => [name, i]));
  const itemLevel = (item: ItemResult): number | undefined => {
    if (item.level === undefined) return undefined;
    const index = levelIndex.get(item.level);
    if (index === undefined) {
      throw new ConfigurationError(
        `item "${item.id}" (line ${item.line}): level "${item.level}" is not one of the checklist's levels (${checklist.levels.join(', ')}); use one of them or add it to \`levels\``,
        { field: 'level' },
      );
    }
    return index;
  };

  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    counts[item.status] += 1;
    if (item.status === 'waived') continue;
    const weight = checklist.weights[item.priority];
    if (weight === undefined || !Number.isFinite(weight) || weight < 0) {
      throw new ConfigurationError(`weights.${item.priority} must be a number ≥ 0 (item "${item.id}", line ${item.line})`, {
        field: `weights.${item.priority}`,
      });
    }
    possible += weight;
    if (item.status === 'pass') earned += weight;
  }
  let score = possible === 0 ? 100 : Math.round((earned / possible) * 1000) / 10;
  if (score === 100 && earned < possible) score = 99.9;

  // Levels: cumulative from the lowest.
  const indexed = items.map((item) => ({ item, index: itemLevel(item) }));
  const highestUsed = Math.max(-1, ...indexed.map((e) => e.index ?? -1));
  const levels: LevelResult[] = checklist.levels.map((name, i) => {
    const blocking = indexed.filter((e) => e.index !== undefined && e.index <= i && e.item.status !== 'pass').map((e) => e.item.id);
    return { name, reached: blocking.length === 0 && i <= highestUsed, blocking };
  });
  let reachedIndex = -1;
  for (const [i, l] of levels.entries()) if (l.reached) reachedIndex = i;
  const level = checklist.levels[reachedIndex] ?? null;

  const critical = items.filter((i) => i.priority === 'critical' && notPassing(i.status));
  const nonCritical = items.filter((i) => i.priority !== 'critical' && notPassing(i.status));
  const waived = items.filter((i) => i.status === 'waived');

  const failReasons: string[] = [];
  if (critical.length > 0) failReasons.push(`${plural(critical.length, 'critical item does', 'critical items do')} not pass: ${listItems(critical)}`);
  const { minScore, minLevel } = checklist.policy;
  if (minScore !== undefined && score < minScore) failReasons.push(`score ${score} is below min_score ${minScore}`);
  if (minLevel !== undefined) {
    const minIndex = levelIndex.get(minLevel);
    if (minIndex === undefined) {
      throw new ConfigurationError(`policy.min_level "${minLevel}" is not one of the checklist's levels (${checklist.levels.join(', ')})`, {
        field: 'policy.min_level',
      });
    }
    if (reachedIndex < minIndex) {
      const blocking = levels[minIndex]?.blocking ?? [];
      const why =
        blocking.length > 0
          ? `blocking: ${blocking.join(', ')}`
          : `no item has level ${minLevel} or above, so nothing proves it`;
      failReasons.push(`level ${level ?? '(none)'} is below min_level ${minLevel} (${why})`);
    }
  }

  const warnReasons: string[] = [];
  if (nonCritical.length > 0) {
    warnReasons.push(`${plural(nonCritical.length, 'non-critical item does', 'non-critical items do')} not pass: ${listItems(nonCritical)}`);
  }
  if (waived.length > 0) {
    const list = waived.map((i) => (i.waiver === undefined ? i.id : `${i.id} (until ${i.waiver.expires})`)).join(', ');
    warnReasons.push(`${plural(waived.length, 'item is', 'items are')} waived: ${list}`);
  }

  const verdict = failReasons.length > 0 ? 'fail' : warnReasons.length > 0 ? 'warn' : 'pass';
  const reasons = [...failReasons, ...warnReasons];
  if (verdict === 'pass') reasons.push(items.length === 0 ? 'the checklist has no items' : `all ${plural(items.length, 'item passes', 'items pass')}`);

  return { score, level, levels, failedCritical: critical.map((i) => i.id), verdict, reasons, counts };
}

// ---- the diff against the base branch's report.json ----

export interface BaseDiff {
  /** In both; did not fail in base (pass or waived there), fails or is inconclusive now. Current order. */
  newlyFailing: string[];
  /** In both; did not pass in base (fail, inconclusive or waived there), passes now. Current order. */
  newlyPassing: string[];
  /** Only in the current result. */
  added: string[];
  /** Only in the base result (base order). */
  removed: string[];
  /** currentScore − baseScore, one decimal; null when the base has no score. */
  scoreChange: number | null;
  baseScore: number | null;
}

interface BaseItem {
  id: string;
  status: ItemStatus;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === undefined) return 'missing';
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function parseBase(base: unknown, file: string): { items: BaseItem[]; score: number | null } {
  const bad = (what: string): ConfigurationError =>
    new ConfigurationError(
      `${file} is not a readiness-checklist report.json: ${what}. Pass the report.json a readiness-checklist run wrote on the base branch.`,
      { field: 'base-result' },
    );
  if (!isRecord(base)) throw bad(`expected an object, got ${describe(base)}`);
  if (base.gate !== 'readiness-checklist') throw bad(`"gate" is ${describe(base.gate)}`);
  const details = base.details;
  if (!isRecord(details)) throw bad(`"details" is ${describe(details)}, expected an object`);
  if (!Array.isArray(details.items)) throw bad(`"details.items" is ${describe(details.items)}, expected an array`);
  const seen = new Set<string>();
  const items = details.items.map((raw: unknown, i): BaseItem => {
    const where = `details.items[${i}]`;
    if (!isRecord(raw)) throw bad(`"${where}" is ${describe(raw)}, expected an object`);
    const { id, status, priority } = raw;
    if (typeof id !== 'string' || id === '') throw bad(`"${where}.id" is ${describe(id)}, expected a non-empty string`);
    if (seen.has(id)) throw bad(`item id "${id}" appears twice in "details.items"`);
    seen.add(id);
    if (typeof status !== 'string' || !(ITEM_STATUSES as readonly string[]).includes(status)) {
      throw bad(`"${where}.status" is ${describe(status)}, expected one of ${ITEM_STATUSES.join(', ')}`);
    }
    if (priority !== undefined && (typeof priority !== 'string' || !PRIORITIES.includes(priority as Priority))) {
      throw bad(`"${where}.priority" is ${describe(priority)}, expected one of ${PRIORITIES.join(', ')}`);
    }
    return { id, status: status as ItemStatus };
  });
  const score = details.score;
  if (score !== undefined && score !== null && (typeof score !== 'number' || !Number.isFinite(score))) {
    throw bad(`"details.score" is ${describe(score)}, expected a number`);
  }
  return { items, score: typeof score === 'number' ? score : null };
}

/**
 * Compares the current item results with the base branch's readiness-checklist report.json (parsed).
 * "Failing" is `fail` or `inconclusive`; a waived item neither fails nor passes. A base that is not such a report
 * is a ConfigurationError naming what is wrong; `opts.file` names it in the message (default "base-result").
 */
export function diffAgainstBase(current: ItemResult[], currentScore: number, base: unknown, opts: { file?: string } = {}): BaseDiff {
  const parsed = parseBase(base, opts.file ?? 'base-result');
  const baseById = new Map(parsed.items.map((i) => [i.id, i.status]));
  const currentIds = new Set(current.map((i) => i.id));
  const newlyFailing: string[] = [];
  const newlyPassing: string[] = [];
  const added: string[] = [];
  for (const item of current) {
    const before = baseById.get(item.id);
    if (before === undefined) added.push(item.id);
    else if (notPassing(item.status) && !notPassing(before)) newlyFailing.push(item.id);
    else if (item.status === 'pass' && before !== 'pass') newlyPassing.push(item.id);
  }
  const removed = parsed.items.filter((i) => !currentIds.has(i.id)).map((i) => i.id);
  const scoreChange = parsed.score === null ? null : Math.round((currentScore - parsed.score) * 10) / 10;
  return { newlyFailing, newlyPassing, added, removed, scoreChange, baseScore: parsed.score };
}
