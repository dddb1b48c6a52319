import { ConfigurationError } from '../../core/errors.js';

/**
 * The threshold grammar of model-validate. In the config file, `thresholds` maps a metric name to its bounds:
 *
 * ```yaml
 * thresholds:
 *   roc_auc:  { min: 0.80, max_drop: 0.01 }        # value bound, and absolute drop against the baseline
 *   f1_macro: { max_drop: "2%" }                   # relative drop: 2% of |baseline|
 *   log_loss: { max: 0.6, max_drop: 0.02 }         # lower-is-better: "drop" means getting worse, i.e. a rise
 *   accuracy: { min: 0.9, warn: { min: 0.93, max_drop: 0.005 } }   # warn tier: a neutral check, not a failure
 * ```
 *
 * - `min` / `max`: bounds on the current value (inclusive: `value ≥ min`, `value ≤ max`).
 * - `max_drop`: largest allowed worsening against the baseline, in the metric's direction (higher-is-better: baseline −
 *   current; lower-is-better: current − baseline). A number is absolute; a string `"<p>%"` is p% of |baseline|. A
 *   relative bound on a baseline of 0 allows no worsening at all.
 * - `warn`: the same bounds again; breaking one gives `warn` instead of `fail`. The fail tier wins over the warn tier.
 * - At least one bound per tier. Change bounds (`max_drop`) are skipped, with a reason, when there is no baseline
 *   (first run) or the baseline lacks the metric (or it is NaN); value bounds still apply.
 * - A current value that is NaN or absent (an undefined metric) fails every threshold on it, with the reason.
 * - With a paired test of "the candidate is worse" (`significance[metric].pWorse`), a broken change bound fails only
 *   when pWorse < alpha; otherwise it is a `warn`, and the formula shows the p-value.
 */

export type MetricDirection = 'higher' | 'lower';

const HIGHER = ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'mcc', 'r2'] as const;
const LOWER = ['log_loss', 'brier', 'ece', 'mae', 'rmse'] as const;
/** Averaging suffixes of the metric families (f1_macro, roc_auc_ovr_weighted, …). */
const VARIANTS = ['', '_binary', '_macro', '_micro', '_weighted', '_samples', '_ovr', '_ovo', '_ovr_macro', '_ovr_weighted', '_ovo_macro', '_ovo_weighted'];

/**
 * Directions of the known metrics: higher-is-better for accuracy, balanced_accuracy, precision*, recall*, f1*,
 * roc_auc*, average_precision*, mcc, r2; lower-is-better for log_loss, brier, ece, mae, rmse (and their variants).
 * The averaged variants are listed too; metricDirection also recognises any `<family>_<suffix>` name.
 */
export const METRIC_DIRECTIONS: Readonly<Record<string, MetricDirection>> = Object.freeze(
  Object.fromEntries([
    ...HIGHER.flatMap((m) => VARIANTS.map((v) => [`${m}${v}`, 'higher'] as const)),
    ...LOWER.flatMap((m) => VARIANTS.map((v) => [`${m}${v}`, 'lower'] as const)),
  ]),
);

/** The direction of a metric: an entry of METRIC_DIRECTIONS, else the family its name starts with (`f1_…`). */
export function metricDirection(metric: string): MetricDirection | undefined {
  const exact = METRIC_DIRECTIONS[metric];
  if (exact !== undefined) return exact;
  // Longest family first: average_precision before precision.
  const families = [...HIGHER.map((m) => [m, 'higher'] as const), ...LOWER.map((m) => [m, 'lower'] as const)].sort((a, b) => b[0].length - a[0].length);
  return families.find(([m]) => metric.startsWith(`${m}_`))?.[1];
}

// ---- the parsed grammar ----

export type DropBound = { kind: 'absolute'; value: number } | { kind: 'relative'; fraction: number; percent: number };

export interface Bounds {
  min?: number;
  max?: number;
  maxDrop?: DropBound;
}

export interface MetricThreshold extends Bounds {
  warn?: Bounds;
}

/** Metric name → bounds. */
export type ThresholdSpec = Record<string, MetricThreshold>;

/** Where a spec came from, for messages: the config file and the line of a JSON pointer in it. */
export interface ThresholdSource {
  file: string;
  lineOf?: (pointer: string) => number | undefined;
}

const BOUND_KEYS = ['min', 'max', 'max_drop'];
const PERCENT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/;

/**
 * Parses `thresholds` as written in the config file (snake_case, validated again here so that a spec from any
 * source gets the same messages). Throws a ConfigurationError naming the field.
 */
export function parseThresholds(raw: unknown, where: ThresholdSource = { file: 'config' }): ThresholdSpec {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw fieldError(where, '/thresholds', 'thresholds', 'must be a mapping of metric name → bounds');
  const out: ThresholdSpec = {};
  for (const [metric, value] of Object.entries(raw)) {
    const pointer = `/thresholds/${escapePointer(metric)}`;
    const field = `thresholds.${metric}`;
    if (!isRecord(value)) throw fieldError(where, pointer, field, 'must be a mapping of bounds, e.g. { min: 0.8, max_drop: 0.01 }');
    const spec: MetricThreshold = parseBounds(value, where, pointer, field, true);
    if (value.warn !== undefined) {
      if (!isRecord(value.warn)) throw fieldError(where, `${pointer}/warn`, `${field}.warn`, 'must be a mapping of bounds, e.g. { min: 0.93 }');
      spec.warn = parseBounds(value.warn, where, `${pointer}/warn`, `${field}.warn`, false);
    }
    if (spec.min === undefined && spec.max === undefined && spec.maxDrop === undefined && spec.warn === undefined) {
      throw fieldError(where, pointer, field, 'has no bounds; give min, max, max_drop or warn');
    }
    out[metric] = spec;
  }
  return out;
}

function parseBounds(raw: Record<string, unknown>, where: ThresholdSource, pointer: string, field: string, allowWarn: boolean): Bounds {
  const allowed = allowWarn ? [...BOUND_KEYS, 'warn'] : BOUND_KEYS;
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) throw fieldError(where, `${pointer}/${escapePointer(key)}`, `${field}.${key}`, `is not a bound (allowed: ${allowed.join(', ')})`);
  }
  const out: Bounds = {};
  for (const key of ['min', 'max'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw fieldError(where, `${pointer}/${key}`, `${field}.${key}`, `must be a number (got ${JSON.stringify(v)})`);
    out[key] = v;
  }
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    throw fieldError(where, `${pointer}/min`, `${field}.min`, `min ${out.min} is above max ${out.max}, so no value can pass`);
  }
  const drop = raw.max_drop;
  if (typeof drop === 'number' && Number.isFinite(drop) && drop >= 0) out.maxDrop = { kind: 'absolute', value: drop };
  else if (typeof drop === 'string' && PERCENT.test(drop)) {
    const percent = Number(PERCENT.exec(drop)![1]);
    out.maxDrop = { kind: 'relative', fraction: percent / 100, percent };
  } else if (drop !== undefined) {
    throw fieldError(where, `${pointer}/max_drop`, `${field}.max_drop`, `must be a number ≥ 0 (absolute) or a percentage such as "2%" (relative to |baseline|) (got ${JSON.stringify(drop)})`);
  }
  if (!allowWarn && out.min === undefined && out.max === undefined && out.maxDrop === undefined) {
    throw fieldError(where, pointer, field, 'has no bounds; give min, max or max_drop');
  }
  return out;
}

/** Every metric named in `spec` must be in `known`; else an error naming the field and listing the known names. */
export function checkThresholdMetrics(spec: ThresholdSpec, known: readonly string[], where: ThresholdSource = { file: 'config' }): void {
  const names = new Set(known);
  for (const metric of Object.keys(spec)) {
    if (!names.has(metric)) {
      throw fieldError(
        where,
        `/thresholds/${escapePointer(metric)}`,
        `thresholds.${metric}`,
        `unknown metric \`${metric}\`. Known metrics: ${[...known].join(', ')}`,
      );
    }
  }
}

function fieldError(where: ThresholdSource, pointer: string, field: string, why: string): ConfigurationError {
  const line = where.lineOf?.(pointer);
  const at = line === undefined ? where.file : `${where.file}:${line}`;
  return new ConfigurationError(`${at}: ${field}: ${why}.`, { location: line === undefined ? { file: where.file } : { file: where.file, line }, field });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapePointer(s: string): string {
  return s.replaceAll('~', '~0').replaceAll('/', '~1');
}

// ---- evaluation ----

export interface ThresholdResult {
  metric: string;
  direction: MetricDirection;
  current: number;
  baseline: number | null;
  /** current − baseline. */
  change: number | null;
  /** change / |baseline|; null without a baseline or when it is 0. */
  relativeChange: number | null;
  status: 'pass' | 'warn' | 'fail';
  /** The bounds broken: min, max, max_drop, warn.min, warn.max, warn.max_drop. */
  failed: string[];
  /** Every bound checked, with its numbers, e.g. "0.912 ≥ min 0.8 ✓; drop 0.004 = 0.916 − 0.912 ≤ max_drop 0.01 ✓". */
  formula: string;
  reason?: string;
}

export interface Significance {
  /** p-value of "the candidate is worse than the baseline". */
  pWorse: number;
  /** The test, e.g. DeLong, McNemar, paired bootstrap. */
  test: string;
}

export interface EvaluateOptions {
  significance?: Record<string, Significance>;
  /** Level below which pWorse counts as evidence (default 0.05). */
  alpha?: number;
  /** Directions of metrics not in METRIC_DIRECTIONS (or overriding them). */
  directions?: Record<string, MetricDirection>;
}

/** Rounding of `a − b` must not break a bound the exact difference meets: a few ulps of the operands. */
function slack(a: number, b: number): number {
  return 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

/** Numbers in formulas: up to 6 significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function paren(v: number): string {
  return v < 0 ? `(${formatNumber(v)})` : formatNumber(v);
}

interface TierOutcome {
  parts: string[];
  failed: string[];
  /** Change-bound failures that lack significance: they only warn. */
  softened: string[];
  reasons: string[];
}

/**
 * Checks every metric of `spec` against its bounds (see the grammar above), in the order of `spec`. `current` and
 * `baseline` map metric names to values; NaN stands for an undefined metric.
 */
export function evaluateThresholds(
  current: Record<string, number>,
  baseline: Record<string, number> | undefined,
  spec: ThresholdSpec,
  opts: EvaluateOptions = {},
): ThresholdResult[] {
  const alpha = opts.alpha ?? 0.05;
  return Object.entries(spec).map(([metric, bounds]) => {
    const direction = opts.directions?.[metric] ?? metricDirection(metric);
    if (direction === undefined) {
      throw new ConfigurationError(`thresholds.${metric}: no direction is known for metric \`${metric}\` (higher or lower is better), so its thresholds cannot be judged.`, {
        field: `thresholds.${metric}`,
      });
    }
    const cur = current[metric] ?? NaN;
    const rawBase = baseline?.[metric];
    const base = rawBase !== undefined && Number.isFinite(rawBase) ? rawBase : null;
    const curDefined = Number.isFinite(cur);
    const change = base !== null && curDefined ? cur - base : null;
    const relativeChange = change !== null && base !== 0 && base !== null ? change / Math.abs(base) : null;
    const result: ThresholdResult = { metric, direction, current: cur, baseline: base, change, relativeChange, status: 'pass', failed: [], formula: '' };
    const tiers: [Bounds, string][] = [[bounds, '']];
    if (bounds.warn) tiers.push([bounds.warn, 'warn.']);

    if (!curDefined) {
      const names = tiers.flatMap(([b, prefix]) => boundNames(b).map((n) => `${prefix}${n}`));
      result.status = 'fail';
      result.failed = names;
      result.formula = `${metric} is ${metric in current ? 'NaN' : 'not computed'}: ${names.join(', ')} cannot be met ✗`;
      result.reason =
        metric in current
          ? `${metric} is undefined (NaN) for these predictions, so its thresholds cannot be met`
          : `${metric} was not computed for these predictions, so its thresholds cannot be met`;
      return result;
    }

    const sig = opts.significance?.[metric];
    const outcomes = tiers.map(([b, prefix]) => checkTier(b, prefix, cur, base, direction, sig, alpha, baseline === undefined, rawBase));
    const [fail, warn] = outcomes as [TierOutcome, TierOutcome | undefined];
    result.failed = [...fail.failed, ...fail.softened, ...(warn ? [...warn.failed, ...warn.softened] : [])];
    result.status = fail.failed.length > 0 ? 'fail' : fail.softened.length > 0 || (warn !== undefined && (warn.failed.length > 0 || warn.softened.length > 0)) ? 'warn' : 'pass';
    result.formula = [...fail.parts, ...(warn?.parts ?? [])].join('; ');
    const reasons = [...new Set([...fail.reasons, ...(warn?.reasons ?? [])])];
    if (reasons.length > 0) result.reason = reasons.join('; ');
    return result;
  });
}

function boundNames(b: Bounds): string[] {
  return [...(b.min === undefined ? [] : ['min']), ...(b.max === undefined ? [] : ['max']), ...(b.maxDrop === undefined ? [] : ['max_drop'])];
}

function checkTier(
  b: Bounds,
  prefix: string,
  cur: number,
  base: number | null,
  direction: MetricDirection,
  sig: Significance | undefined,
  alpha: number,
  firstRun: boolean,
  rawBase: number | undefined,
): TierOutcome {
  const out: TierOutcome = { parts: [], failed: [], softened: [], reasons: [] };
  const label = prefix === '' ? '' : 'warn: ';
  if (b.min !== undefined) {
    const ok = cur >= b.min;
    out.parts.push(`${label}${formatNumber(cur)} ${ok ? '≥' : '<'} min ${formatNumber(b.min)} ${ok ? '✓' : '✗'}`);
    if (!ok) out.failed.push(`${prefix}min`);
  }
  if (b.max !== undefined) {
    const ok = cur <= b.max;
    out.parts.push(`${label}${formatNumber(cur)} ${ok ? '≤' : '>'} max ${formatNumber(b.max)} ${ok ? '✓' : '✗'}`);
    if (!ok) out.failed.push(`${prefix}max`);
  }
  const drop = b.maxDrop;
  if (drop === undefined) return out;
  if (base === null) {
    const why = firstRun ? 'no baseline (first run)' : rawBase === undefined ? 'the baseline lacks this metric' : 'the baseline value is NaN';
    out.parts.push(`${label}max_drop not checked: ${why}`);
    out.reasons.push(`${why}: change bounds (max_drop) not checked`);
    return out;
  }
  const worse = direction === 'higher' ? base - cur : cur - base;
  const what = direction === 'higher' ? `drop ${formatNumber(worse)} = ${paren(base)} − ${paren(cur)}` : `rise ${formatNumber(worse)} = ${paren(cur)} − ${paren(base)}`;
  let allowed: number;
  let allowedText: string;
  if (drop.kind === 'absolute') {
    allowed = drop.value;
    allowedText = formatNumber(allowed);
  } else {
    allowed = drop.fraction * Math.abs(base);
    allowedText = `${formatNumber(drop.percent)}% of |${formatNumber(base)}| = ${formatNumber(allowed)}`;
    if (base === 0) allowedText += ' (a relative bound of a zero baseline allows no worsening)';
  }
  const ok = worse <= allowed + slack(cur, base);
  let text = `${label}${what} ${ok ? '≤' : '>'} max_drop ${allowedText} ${ok ? '✓' : '✗'}`;
  if (!ok) {
    if (sig === undefined || !(sig.pWorse >= alpha)) {
      if (sig !== undefined && Number.isFinite(sig.pWorse)) text += ` (significant: p_worse ${formatNumber(sig.pWorse)} < alpha ${formatNumber(alpha)}, ${sig.test})`;
      out.failed.push(`${prefix}max_drop`);
    } else {
      text += ` but not significant (p_worse ${formatNumber(sig.pWorse)} ≥ alpha ${formatNumber(alpha)}, ${sig.test}): warn`;
      out.softened.push(`${prefix}max_drop`);
      out.reasons.push(`the ${direction === 'higher' ? 'drop' : 'rise'} exceeds max_drop but is not statistically significant (${sig.test}, p_worse ${formatNumber(sig.pWorse)})`);
    }
  }
  out.parts.push(text);
  return out;
}
