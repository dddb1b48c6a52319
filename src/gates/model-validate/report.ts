import type { Block, Finding, Section, TableRow } from '../../core/report/model.js';
import type { ThresholdResult } from './thresholds.js';
import type { ConfusionMatrix, DriftResult, MetricValue } from './types.js';

/** A metric value as shown: 4 significant decimals, NaN as "n/a". */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return x.toExponential(3);
  return Number(x.toFixed(4)).toString();
}

function signed(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '—';
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmt(Math.abs(x))}`;
}

export interface MetricRowInput {
  name: string;
  current: MetricValue;
  baseline: number | null;
  interval?: { lower: number; upper: number; level: number };
  threshold?: ThresholdResult;
  paired?: { test: string; pWorse: number };
}

/** Status of a threshold result as a finding status. */
const STATUS = { pass: 'pass', warn: 'warn', fail: 'fail' } as const;

export function metricsSection(rows: MetricRowInput[]): Section {
  // Thresholded metrics first (failures, then warnings), then the rest in the given order.
  const rank = (r: MetricRowInput) => (r.threshold?.status === 'fail' ? 0 : r.threshold?.status === 'warn' ? 1 : r.threshold ? 2 : 3);
  const sorted = [...rows].sort((a, b) => rank(a) - rank(b));
  const tableRows: TableRow[] = sorted.map((r) => {
    const change = r.baseline !== null && Number.isFinite(r.current.value) ? r.current.value - r.baseline : null;
    const ci = r.interval ? `${fmt(r.interval.lower)} – ${fmt(r.interval.upper)}` : '—';
    const status = r.threshold ? r.threshold.status : Number.isNaN(r.current.value) ? 'undefined' : '—';
    const note = [r.threshold?.formula, r.paired && !r.threshold ? `${r.paired.test}: one-sided p = ${fmt(r.paired.pWorse)}` : undefined, Number.isNaN(r.current.value) ? r.current.reason : undefined].filter(Boolean).join('; ');
    return {
      cells: [r.name, fmt(r.baseline), fmt(r.current.value), signed(change), ci, note || '—', status],
      ...(r.threshold ? { status: STATUS[r.threshold.status] } : { status: 'pass' as const }),
    };
  });
  return {
    id: 'metrics',
    title: 'Metrics',
    importance: 'essential',
    blocks: [{ type: 'table', columns: ['metric', 'baseline', 'current', 'change', '95% CI', 'threshold', 'status'], rows: tableRows, align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'] }],
  };
}

export function driftSection(columns: DriftResult[], share: number, datasetDrifted: boolean, datasetShare: number, skipped: { name: string; reason: string }[]): Section {
  const rows: TableRow[] = [...columns]
    .sort((a, b) => Number(b.drifted) - Number(a.drifted))
    .map((d) => ({
      cells: [
        d.name,
        d.method,
        fmt(d.statistic),
        d.pValue === undefined ? '—' : fmt(d.pValue),
        d.effectSize === undefined ? '—' : fmt(d.effectSize),
        fmt(d.threshold),
        d.drifted ? `drifted${d.severity === 'severe' ? ' (severe)' : ''}` : 'no',
        d.reason ?? '',
      ],
      status: d.drifted ? ('warn' as const) : ('pass' as const),
    }));
  const blocks: Block[] = [
    {
      type: 'text',
      text: `${(share * 100).toFixed(1)}% of the columns drifted (dataset drift at ≥ ${(datasetShare * 100).toFixed(0)}%): ${datasetDrifted ? 'the dataset drifted' : 'no dataset drift'}.`,
    },
    { type: 'table', columns: ['column', 'method', 'statistic', 'p-value', 'effect size', 'threshold', 'drifted', 'note'], rows },
  ];
  if (skipped.length) blocks.push({ type: 'text', text: `Not compared: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}` });
  return { id: 'drift', title: 'Drift', importance: 'essential', blocks };
}

export function confusionBlock(c: ConfusionMatrix): Block {
  return {
    type: 'table',
    columns: ['true \\ predicted', ...c.labels],
    rows: c.matrix.map((row, i) => ({ cells: [c.labels[i] ?? '', ...row.map(String)] })),
    align: ['left', ...c.labels.map(() => 'right' as const)],
  };
}

export function thresholdFindings(results: ThresholdResult[], location: Finding['location']): Finding[] {
  return results
    .filter((r) => r.status !== 'pass')
    .map((r) => ({
      id: `threshold:${r.metric}`,
      title: `${r.metric} ${r.status === 'fail' ? 'failed' : 'warned on'} its threshold`,
      severity: r.status === 'fail' ? ('high' as const) : ('medium' as const),
      status: r.status === 'fail' ? ('fail' as const) : ('warn' as const),
      message: `${r.metric}: ${r.formula}${r.reason ? ` (${r.reason})` : ''}`,
      ...(location ? { location } : {}),
    }));
}
