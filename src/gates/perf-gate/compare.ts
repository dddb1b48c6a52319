import { median } from '../../core/stats/descriptive.js';
import { judgeFamily, type JudgeItem } from '../../core/stats/judge.js';
import { globMatcher, statisticOf, type PerfConfig } from './config.js';
import type { Direction, Measurement } from './parsers/types.js';

export type ResultVerdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive' | 'new' | 'missing';

/** One row of report.json `details.results[]` (contract). */
export interface ResultRow {
  benchmark: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** The compared statistic (median unless configured) of each side; null where a side is absent. */
  baseline: number | null;
  current: number | null;
  /** Relative change of the statistic, current vs baseline (0.1 = 10% larger). */
  change: number | null;
  /** Confidence interval of the relative change. */
  ci: [number, number] | null;
  /** One-sided p-value for the worse direction (raw) and after Holm's adjustment over the run. */
  pValue: number | null;
  adjustedP: number | null;
  verdict: ResultVerdict;
  threshold: number;
  nBaseline: number;
  nCurrent: number;
  reason?: string;
}

const key = (m: { benchmark: string; metric: string }) => `${m.benchmark}\u0000${m.metric}`;

/** Samples of the same benchmark and metric (several runs, repetitions) pooled; units must agree. */
export function pool(measurements: Measurement[]): Map<string, Measurement> {
  const out = new Map<string, Measurement>();
  for (const m of measurements) {
    const k = key(m);
    const seen = out.get(k);
    if (!seen) out.set(k, { ...m, samples: [...m.samples] });
    else if (seen.unit !== m.unit) throw new RangeError(`${m.benchmark} ${m.metric}: mixed units ${seen.unit} and ${m.unit}`);
    else {
      seen.samples.push(...m.samples);
      // Several runs are compared by their spread, not by one run's interval.
      delete seen.interval;
    }
  }
  return out;
}

/** Median of a side's samples (numpy's definition, as everywhere in the stats), or null for none. */
function medianOrNull(xs: number[]): number | null {
  return xs.length ? median(xs) : null;
}

export interface CompareOptions {
  /** Set when the baseline was recorded on other hardware: nothing is judged, every row says why. */
  foreignBaseline?: string;
  seed?: number;
}

/**
 * Judge every benchmark × metric of the current run against the baseline, as one family: the false-alarm rate
 * is controlled across all of them (see src/core/stats/judge.ts for the rule).
 */
export function compare(current: Measurement[], baseline: Measurement[] | undefined, config: PerfConfig, opts: CompareOptions = {}): ResultRow[] {
  const cur = pool(current);
  const base = pool(baseline ?? []);
  const ignored = config.ignore.map(globMatcher);
  const overrides = config.benchmarks.map((o) => ({ ...o, test: globMatcher(o.match) }));
  const rows: ResultRow[] = [];
  const family: (JudgeItem & { row: ResultRow })[] = [];

  // Telemetry summaries are judged only when named in `metrics` (e.g. gpu0.memory.used.max).
  const wanted = (m: Measurement) => (m.benchmark === 'telemetry' ? config.metrics.includes(m.metric) : config.metrics.length === 0 || config.metrics.includes(m.metric));
  for (const [k, c] of cur) {
    if (!wanted(c) || ignored.some((t) => t(c.benchmark))) continue;
    const o = overrides.find((x) => x.test(c.benchmark) && (x.metric === undefined || x.metric === c.metric));
    if (o?.ignore) continue;
    const direction = o?.direction ?? c.direction;
    const threshold = o?.threshold ?? config.threshold;
    const b = base.get(k);
    const row: ResultRow = {
      benchmark: c.benchmark,
      metric: c.metric,
      unit: c.unit,
      direction,
      baseline: b ? medianOrNull(b.samples) : null,
      current: medianOrNull(c.samples),
      change: null,
      ci: null,
      pValue: null,
      adjustedP: null,
      verdict: 'new',
      threshold,
      nBaseline: b?.samples.length ?? 0,
      nCurrent: c.samples.length,
    };
    rows.push(row);
    if (!b) {
      row.reason = baseline ? 'not in the baseline' : 'no baseline yet';
      continue;
    }
    if (b.unit !== c.unit) {
      row.verdict = 'inconclusive';
      row.reason = `unit changed from ${b.unit} to ${c.unit}`;
      continue;
    }
    if (opts.foreignBaseline) {
      row.verdict = 'inconclusive';
      row.reason = opts.foreignBaseline;
      continue;
    }
    family.push({
      row,
      baseline: b.samples,
      current: c.samples,
      ...(b.interval && c.interval && b.samples.length === 1 && c.samples.length === 1 ? { intervals: { baseline: b.interval, current: c.interval } } : {}),
      options: {
        direction,
        threshold,
        alpha: config.alpha,
        minSamples: config.minSamples,
        statistic: statisticOf(config.statistic),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      },
    });
  }
  const judged = judgeFamily(family.map(({ row: _row, ...item }) => item));
  for (const [i, j] of judged.entries()) {
    const { row } = family[i] ?? {};
    if (!row) continue;
    row.verdict = j.verdict;
    row.baseline = j.baseline;
    row.current = j.current;
    row.change = j.change;
    row.ci = j.ci;
    row.pValue = j.pValue;
    row.adjustedP = j.adjustedP ?? null;
    if (j.reason) row.reason = j.reason;
  }
  for (const [k, b] of base) {
    if (cur.has(k) || !wanted(b) || ignored.some((t) => t(b.benchmark))) continue;
    rows.push({
      benchmark: b.benchmark,
      metric: b.metric,
      unit: b.unit,
      direction: b.direction,
      baseline: medianOrNull(b.samples),
      current: null,
      change: null,
      ci: null,
      pValue: null,
      adjustedP: null,
      verdict: 'missing',
      threshold: config.threshold,
      nBaseline: b.samples.length,
      nCurrent: 0,
      reason: 'in the baseline but not in this run',
    });
  }
  return rows;
}
