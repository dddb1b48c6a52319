import type { Finding, Section, TableRow, Verdict } from '../../core/report/model.js';
import type { TelemetryResult } from '../../core/telemetry/sampler.js';
import type { PerfConfig } from './config.js';
import type { ResultRow } from './compare.js';

function num(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

export function pct(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function ci(r: ResultRow): string {
  return r.ci ? `[${pct(r.ci[0])}, ${pct(r.ci[1])}]` : '—';
}

function p(r: ResultRow): string {
  if (r.adjustedP === null && r.pValue === null) return '—';
  const v = r.adjustedP ?? r.pValue ?? 1;
  return v < 0.001 ? '<0.001' : v.toFixed(3);
}

const COLUMNS = ['benchmark', 'metric', 'baseline', 'current', 'change', '95% CI', 'p (Holm)', 'verdict'];

function row(r: ResultRow, status: TableRow['status']): TableRow {
  return {
    cells: [r.benchmark, r.metric, `${num(r.baseline)} ${r.unit}`, `${num(r.current)} ${r.unit}`, pct(r.change), ci(r), p(r), r.reason ? `${r.verdict}: ${r.reason}` : r.verdict],
    ...(status ? { status } : {}),
  };
}

/**
 * The run's verdict: a regression per the policy; a suite that failed, hung or was killed fails the run (the change
 * broke its benchmarks); unusable result files are an error of the input.
 */
export function runVerdict(rows: ResultRow[], config: PerfConfig, problems: Finding[]): Verdict {
  if (rows.some((r) => r.verdict === 'regression')) return config.onRegression;
  if (problems.some((p) => p.id.startsWith('suite-failed'))) return 'fail';
  if (problems.length > 0) return 'error';
  if (rows.some((r) => r.verdict === 'inconclusive')) return config.onInconclusive;
  return 'pass';
}

export function summaryLine(rows: ResultRow[]): string {
  const count = (v: ResultRow['verdict']) => rows.filter((r) => r.verdict === v).length;
  const parts = [`${count('regression')} regressions`, `${count('improvement')} improvements`, `${count('unchanged')} unchanged`];
  for (const v of ['inconclusive', 'new', 'missing'] as const) if (count(v)) parts.push(`${count(v)} ${v}`);
  return `${parts.join(', ')} in ${rows.length} benchmark metrics`;
}

/** Regressions first, then improvements, then what could not be judged; unchanged rows collapsed. */
export function resultSections(rows: ResultRow[], config: PerfConfig): Section[] {
  const by = (v: ResultRow['verdict'][]) => rows.filter((r) => v.includes(r.verdict));
  const sections: Section[] = [];
  const regressions = by(['regression']).sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
  const improvements = by(['improvement']);
  const other = by(['inconclusive', 'new', 'missing']);
  const unchanged = by(['unchanged']);
  const rule = `A regression needs a change beyond ${pct(config.threshold)} of the ${config.statistic} and a Holm-adjusted one-sided p below ${config.alpha} across all ${rows.length} metrics.`;
  if (regressions.length) sections.push({ id: 'regressions', title: `Regressions (${regressions.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: regressions.map((r) => row(r, 'fail')) }, { type: 'text', text: rule }] });
  if (improvements.length) sections.push({ id: 'improvements', title: `Improvements (${improvements.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: improvements.map((r) => row(r, 'pass')) }] });
  if (other.length) sections.push({ id: 'not-judged', title: `Not judged (${other.length})`, importance: 'essential', blocks: [{ type: 'table', columns: COLUMNS, rows: other.map((r) => row(r, r.verdict === 'inconclusive' ? 'inconclusive' : 'skip')) }] });
  if (unchanged.length) sections.push({ id: 'unchanged', title: `Unchanged (${unchanged.length})`, importance: 'detail', collapsed: true, blocks: [{ type: 'table', columns: COLUMNS, rows: unchanged.map((r) => row(r, 'pass')) }] });
  if (!regressions.length && rows.length) sections.push({ id: 'rule', title: 'Rule', importance: 'detail', blocks: [{ type: 'text', text: rule }] });
  return sections;
}

export function regressionFindings(rows: ResultRow[]): Finding[] {
  return rows
    .filter((r) => r.verdict === 'regression')
    .map((r) => ({
      id: `regression:${r.benchmark}:${r.metric}`,
      title: `${r.benchmark} ${r.metric} regressed`,
      severity: 'high' as const,
      status: 'fail' as const,
      message: `${r.benchmark} ${r.metric}: ${num(r.baseline)} → ${num(r.current)} ${r.unit} (${pct(r.change)}, 95% CI ${ci(r)}, Holm-adjusted p ${p(r)})`,
    }));
}

/** Only characters that cannot end a quoted Mermaid string or the code fence. */
function mermaidLabel(s: string): string {
  return s.replace(/[^A-Za-z0-9 _./:+-]/g, '_').slice(0, 80);
}

/**
 * A Mermaid xychart of a regressed benchmark: the medians of the recent baseline runs, then this run.
 * GitHub renders it in the comment; built from numbers and sanitised names only.
 */
export function trendChart(r: ResultRow, history: number[]): Section['blocks'][number] {
  const points = [...history, r.current ?? NaN].filter((x) => Number.isFinite(x));
  const labels = [...history.map((_, i) => `"-${history.length - i}"`), '"this run"'];
  const text = [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(`${r.benchmark} ${r.metric}`)}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${mermaidLabel(r.unit || 'value')}"`,
    `  line [${points.map((x) => Number(x.toPrecision(6))).join(', ')}]`,
    '```',
  ].join('\n');
  return { type: 'markdown', markdown: text };
}

/** The benchmark name under which telemetry summaries are measured. */
export const TELEMETRY = 'telemetry';

/** Host and GPU telemetry of the last measured pass, and how the GPUs were (or were not) sampled. */
export function telemetrySection(passes: TelemetryResult[]): Section {
  const last = passes.at(-1);
  const rows: TableRow[] = (last?.summary ?? []).map((s) => ({ cells: [s.metric, s.unit, num(s.mean), num(s.p95), num(s.max)] }));
  const gpu = last?.gpu.available ? `${last.gpus.length} GPU(s) sampled by one nvidia-smi process` : `GPU: not sampled (${last?.gpu.reason ?? 'unknown'})`;
  return {
    id: 'telemetry',
    title: 'Telemetry',
    importance: 'detail',
    collapsed: true,
    blocks: [
      { type: 'text', text: `${passes.length} measured pass(es), every ${last?.intervalMs ?? '?'} ms; ${gpu}. The time series is telemetry.csv in the artifact.` },
      { type: 'table', columns: ['metric', 'unit', 'mean', 'p95', 'max'], rows },
    ],
  };
}
