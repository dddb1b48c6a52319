/**
 * SVG charts of perf-gate for the report directory (embedded in report.html): the relative change of every
 * benchmark metric with its confidence interval, and the telemetry of the measured passes.
 *
 * Benchmark and metric names are untrusted: they enter the specs only as data values, never in an expression.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderVegaLite } from '../../core/report/charts.js';
import { stripControls } from '../../core/report/escape.js';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { TelemetryResult } from '../../core/telemetry/sampler.js';
import type { ResultRow, ResultVerdict } from './compare.js';

/** Most rows of the change chart. */
export const MAX_CHANGE_ROWS = 40;
/** Most points of one telemetry series; longer series are thinned evenly. */
export const MAX_TELEMETRY_POINTS = 1500;

const VERDICT_ORDER: Record<ResultVerdict, number> = { regression: 0, inconclusive: 1, improvement: 2, unchanged: 3, new: 4, missing: 5 };
const VERDICT_COLORS: Record<ResultVerdict, string> = {
  regression: '#cf222e',
  inconclusive: '#9a6700',
  improvement: '#1a7f37',
  unchanged: '#6e7781',
  new: '#0969da',
  missing: '#8250df',
};

function label(s: string, max = 80): string {
  const t = stripControls(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const pct = (x: number) => Number((x * 100).toPrecision(6));

/**
 * One row per benchmark · metric with a finite change (at most {@link MAX_CHANGE_ROWS}, regressions first, then by
 * the size of the change): a point at the change in %, a bar over its 95% CI, coloured by verdict, and a zero rule.
 * Undefined when no row has a change.
 */
export function changesSpec(rows: ResultRow[]): TopLevelSpec | undefined {
  const usable = rows.filter((r) => r.change !== null && Number.isFinite(r.change));
  if (!usable.length) return undefined;
  const worst = [...usable].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0)).slice(0, MAX_CHANGE_ROWS);
  const values = worst.map((r, i) => {
    const ci = r.ci && Number.isFinite(r.ci[0]) && Number.isFinite(r.ci[1]) ? { lo: pct(r.ci[0]), hi: pct(r.ci[1]) } : {};
    // The index keeps rows apart even where two names shorten to the same label.
    return { row: `${i + 1}. ${label(`${r.benchmark} · ${r.metric}`)}`, order: i, change: pct(r.change ?? 0), verdict: r.verdict, ...ci };
  });
  const verdicts = (Object.keys(VERDICT_ORDER) as ResultVerdict[]).filter((v) => values.some((x) => x.verdict === v));
  const y = { field: 'row', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { labelLimit: 320 } } as const;
  const title = usable.length > worst.length ? `Relative change (${worst.length} of ${usable.length}, worst first)` : 'Relative change';
  return {
    title: { text: title, subtitle: 'point: change of the statistic in %; bar: 95% confidence interval' },
    width: 420,
    height: { step: 20 },
    background: 'white',
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#8c959f', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, x: { field: 'lo', type: 'quantitative', title: 'change (%)' }, x2: { field: 'hi' }, color: { field: 'verdict', type: 'nominal', scale: { domain: verdicts, range: verdicts.map((v) => VERDICT_COLORS[v]) }, legend: null } },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x: { field: 'change', type: 'quantitative', title: 'change (%)' },
          color: { field: 'verdict', type: 'nominal', title: 'verdict', scale: { domain: verdicts, range: verdicts.map((v) => VERDICT_COLORS[v]) }, legend: { orient: 'bottom' } },
        },
      },
    ],
  };
}

function thin<T>(xs: T[], max: number): T[] {
  if (xs.length <= max) return xs;
  const step = xs.length / max;
  return Array.from({ length: max }, (_, k) => xs[Math.floor(k * step)] as T);
}

interface Point {
  t: number;
  value: number;
  series: string;
  pass: number;
}

/**
 * CPU (and GPU) utilisation in % and memory used in MiB over the measured passes, against seconds since the first
 * sample. Undefined when there is no sample.
 */
export function telemetrySpec(passes: TelemetryResult[]): TopLevelSpec | undefined {
  const times = passes.flatMap((p) => [...p.host.series.map((r) => r.time), ...p.gpus.flatMap((g) => g.series.map((r) => r.time))]).filter(Number.isFinite);
  if (!times.length) return undefined;
  const t0 = Math.min(...times);
  const util: Point[] = [];
  const memory: Point[] = [];
  passes.forEach((p, pass) => {
    const add = (into: Point[], series: string, time: number, v: number | null) => {
      if (v !== null && Number.isFinite(v) && Number.isFinite(time)) into.push({ t: Number(((time - t0) / 1000).toFixed(3)), value: v, series, pass });
    };
    for (const r of thin(p.host.series, MAX_TELEMETRY_POINTS)) {
      add(util, 'cpu', r.time, r.cpuUtilization);
      add(memory, 'host', r.time, r.memoryUsedMiB);
    }
    for (const g of p.gpus) {
      for (const r of thin(g.series, MAX_TELEMETRY_POINTS)) {
        add(util, `gpu${g.index}`, r.time, r.utilization);
        add(memory, `gpu${g.index}`, r.time, r.memoryUsedMiB);
      }
    }
  });
  if (!util.length && !memory.length) return undefined;
  const panel = (values: Point[], title: string, yTitle: string, domain?: [number, number]) => ({
    title,
    width: 560,
    height: 160,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.5, clip: true },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'time (s)' },
      y: { field: 'value', type: 'quantitative', title: yTitle, ...(domain ? { scale: { domain } } : {}) },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'right' } },
      // Passes are apart in time: one line each, not joined across the gap.
      detail: { field: 'pass', type: 'nominal' },
      order: { field: 't', type: 'quantitative' },
    },
  });
  const panels = [];
  if (util.length) panels.push(panel(util, 'Utilisation', '%', [0, 100]));
  if (memory.length) panels.push(panel(memory, 'Memory used', 'MiB'));
  return {
    title: { text: 'Telemetry of the measured passes' },
    background: 'white',
    vconcat: panels,
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}

/**
 * Writes charts/changes.svg and (with telemetry) charts/telemetry.svg into the report directory. A chart that cannot
 * be rendered is a warning, never a failure. Returns the paths written, relative to the directory.
 */
export async function writePerfCharts(reportDir: string, rows: ResultRow[], telemetry: TelemetryResult[], log: Pick<Logger, 'warning'>): Promise<string[]> {
  const specs: [string, () => TopLevelSpec | undefined][] = [
    ['changes.svg', () => changesSpec(rows)],
    ['telemetry.svg', () => telemetrySpec(telemetry)],
  ];
  const written: string[] = [];
  for (const [name, make] of specs) {
    try {
      const spec = make();
      if (!spec) continue;
      const svg = await renderVegaLite(spec);
      await mkdir(path.join(reportDir, 'charts'), { recursive: true });
      await writeFile(path.join(reportDir, 'charts', name), svg);
      written.push(`charts/${name}`);
    } catch (e) {
      log.warning(`chart charts/${name} could not be rendered: ${errorMessage(e)}`);
    }
  }
  return written;
}
