/**
 * Charts of model-validate: SVG files for the artifact (vega-lite specs rendered headlessly by vega), Mermaid
 * `xychart-beta` blocks and a markdown confusion table for the PR comment.
 *
 * Untrusted text (class labels, the chart title) only ever enters a vega spec as data values or literal title text,
 * never inside an expression; vega escapes text when it writes SVG. No URL is loaded: the data are inline and the
 * loader refuses every request.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderVegaLite as renderSpec } from '../../core/report/charts.js';
import { codeBlock, escapeTableCell, stripControls } from '../../core/report/escape.js';
import type { CalibrationCurve, ConfusionMatrix, PrCurve, RocCurve } from './types.js';

/** Curves longer than this are thinned before they are drawn. */
export const MAX_CURVE_POINTS = 1000;
/** Most x values of a Mermaid chart. */
export const MAX_MERMAID_POINTS = 21;

const CURVE_SIZE = 360;
const MODEL_COLOR = '#4c78a8';
const REFERENCE_COLOR = '#9e9e9e';

export interface SvgPlotInput {
  roc?: RocCurve;
  pr?: PrCurve;
  calibration?: CalibrationCurve;
  confusion?: ConfusionMatrix;
  /** Shown as the subtitle of every chart (e.g. the model or suite name); untrusted. */
  title?: string;
  rocAuc?: number;
  averagePrecision?: number;
}

export interface SvgPlot {
  name: string;
  svg: string;
}

/**
 * Renders each curve given, in the order roc.svg, pr.svg, calibration.svg, confusion-matrix.svg. Curves with more
 * than {@link MAX_CURVE_POINTS} points are thinned with {@link thinCurve}; points with a non-finite coordinate are
 * left out.
 */
export async function renderSvgPlots(input: SvgPlotInput): Promise<SvgPlot[]> {
  const subtitle = input.title === undefined ? undefined : oneLine(input.title, 120);
  const out: SvgPlot[] = [];
  if (input.roc) {
    const auc = finite(input.rocAuc) ? ` (AUC = ${input.rocAuc.toFixed(3)})` : '';
    const spec = curveSpec({
      title: 'ROC curve',
      subtitle,
      xTitle: 'False positive rate',
      yTitle: 'True positive rate',
      series: [
        { name: `model${auc}`, color: MODEL_COLOR, dash: [1, 0], ...thinned(input.roc.fpr, input.roc.tpr) },
        { name: 'chance', color: REFERENCE_COLOR, dash: [4, 4], x: [0, 1], y: [0, 1] },
      ],
    });
    out.push({ name: 'roc.svg', svg: await renderSpec(spec) });
  }
  if (input.pr) {
    const ap = finite(input.averagePrecision) ? ` (AP = ${input.averagePrecision.toFixed(3)})` : '';
    const spec = curveSpec({
      title: 'Precision-recall curve',
      subtitle,
      xTitle: 'Recall',
      yTitle: 'Precision',
      series: [{ name: `model${ap}`, color: MODEL_COLOR, dash: [1, 0], ...thinned(input.pr.recall, input.pr.precision) }],
    });
    out.push({ name: 'pr.svg', svg: await renderSpec(spec) });
  }
  if (input.calibration) {
    const c = input.calibration;
    const spec = curveSpec({
      title: `Calibration (${c.bins} bins)`,
      subtitle,
      xTitle: 'Mean predicted probability',
      yTitle: 'Fraction of positives',
      series: [
        { name: 'model', color: MODEL_COLOR, dash: [1, 0], points: true, ...thinned(c.probPred, c.probTrue) },
        { name: 'perfectly calibrated', color: REFERENCE_COLOR, dash: [4, 4], x: [0, 1], y: [0, 1] },
      ],
    });
    out.push({ name: 'calibration.svg', svg: await renderSpec(spec) });
  }
  if (input.confusion) out.push({ name: 'confusion-matrix.svg', svg: await renderSpec(confusionSpec(input.confusion, subtitle)) });
  return out;
}

function finite(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x);
}

/** One line of untrusted text for a chart title: no control characters or line breaks, capped. */
function oneLine(s: string, max: number): string {
  const t = stripControls(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function thinned(xs: ArrayLike<number>, ys: ArrayLike<number>): { x: number[]; y: number[] } {
  const keep = thinCurve(xs, ys, MAX_CURVE_POINTS);
  const x = new Array<number>(keep.length);
  const y = new Array<number>(keep.length);
  for (let k = 0; k < keep.length; k++) {
    const i = keep[k] ?? 0;
    x[k] = xs[i] ?? NaN;
    y[k] = ys[i] ?? NaN;
  }
  return { x, y };
}

/**
 * Indices of the points of a curve to draw, in order. Points with a non-finite coordinate are dropped. When more
 * than `maxPoints` remain, the first and last are kept and, in between, a point is kept when it lies at least `ε`
 * from the last kept point, in coordinates scaled to each axis's range; `ε` is the curve's scaled path length over
 * `maxPoints − 2`. Consecutive kept points are at least `ε` apart along the path, so at most `maxPoints` are kept,
 * and no dropped point lies farther than `ε` from a kept one (under 0.3% of the plot for a ROC curve).
 */
export function thinCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = MAX_CURVE_POINTS): Int32Array {
  const n = Math.min(x.length, y.length);
  const idx = new Int32Array(n);
  let m = 0;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? NaN;
    const yi = y[i] ?? NaN;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    idx[m++] = i;
    if (xi < xMin) xMin = xi;
    if (xi > xMax) xMax = xi;
    if (yi < yMin) yMin = yi;
    if (yi > yMax) yMax = yi;
  }
  const limit = Math.max(2, Math.floor(maxPoints));
  if (m <= limit) return idx.slice(0, m);
  const sx = xMax > xMin ? 1 / (xMax - xMin) : 1;
  const sy = yMax > yMin ? 1 / (yMax - yMin) : 1;
  const first = idx[0] ?? 0;
  const last = idx[m - 1] ?? 0;
  let length = 0;
  let px = (x[first] ?? 0) * sx;
  let py = (y[first] ?? 0) * sy;
  for (let k = 1; k < m; k++) {
    const i = idx[k] ?? 0;
    const qx = (x[i] ?? 0) * sx;
    const qy = (y[i] ?? 0) * sy;
    length += Math.sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
    px = qx;
    py = qy;
  }
  if (!(length > 0)) return Int32Array.of(first, last);
  const eps = length / (limit - 2);
  const eps2 = eps * eps;
  const kept = new Int32Array(limit);
  let count = 0;
  kept[count++] = first;
  px = (x[first] ?? 0) * sx;
  py = (y[first] ?? 0) * sy;
  for (let k = 1; k < m - 1; k++) {
    const i = idx[k] ?? 0;
    const qx = (x[i] ?? 0) * sx;
    const qy = (y[i] ?? 0) * sy;
    const d2 = (qx - px) * (qx - px) + (qy - py) * (qy - py);
    // The bound guarantees room; the count check only guards against rounding of the path length.
    if (d2 >= eps2 && count < limit - 1) {
      kept[count++] = i;
      px = qx;
      py = qy;
    }
  }
  kept[count++] = last;
  return kept.slice(0, count);
}

interface CurveSeries {
  name: string;
  color: string;
  dash: [number, number];
  /** Draw a dot at every point too. */
  points?: boolean;
  x: number[];
  y: number[];
}

function curveSpec(o: { title: string; subtitle: string | undefined; xTitle: string; yTitle: string; series: CurveSeries[] }): TopLevelSpec {
  const rows: { x: number; y: number; series: string; i: number }[] = [];
  for (const s of o.series) for (let i = 0; i < s.x.length; i++) rows.push({ x: s.x[i] ?? NaN, y: s.y[i] ?? NaN, series: s.name, i });
  const names = o.series.map((s) => s.name);
  const x = { field: 'x', type: 'quantitative', title: o.xTitle, scale: { domain: [0, 1] } } as const;
  const y = { field: 'y', type: 'quantitative', title: o.yTitle, scale: { domain: [0, 1] } } as const;
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: o.series.map((s) => s.color) }, legend: { orient: 'bottom-right', labelLimit: 240 } } as const;
  const dots = o.series.filter((s) => s.points);
  const line = {
    mark: { type: 'line', clip: true, strokeWidth: 2 },
    encoding: {
      x,
      y,
      color,
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: o.series.map((s) => s.dash) }, legend: null },
      // Draw the points in the given order (a ROC curve has vertical runs at one x).
      order: { field: 'i', type: 'quantitative' },
    },
  } as const;
  const layers: unknown[] = [line];
  if (dots.length) {
    const values = dots.flatMap((s) => s.x.map((xv, i) => ({ x: xv, y: s.y[i] ?? NaN, series: s.name })));
    layers.push({ data: { values }, mark: { type: 'point', filled: true, clip: true, size: 30 }, encoding: { x, y, color: { ...color, legend: null } } });
  }
  return {
    title: titleOf(o.title, o.subtitle),
    width: CURVE_SIZE,
    height: CURVE_SIZE,
    background: 'white',
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}

function titleOf(text: string, subtitle: string | undefined): { text: string; subtitle?: string } {
  return subtitle ? { text, subtitle } : { text };
}

/**
 * Heatmap of counts: rows are true labels, columns predicted labels, in the matrix's order. The label order comes
 * from an index field (not from a sort array, which vega-lite would write into an expression).
 */
function confusionSpec(c: ConfusionMatrix, subtitle: string | undefined): TopLevelSpec {
  const k = c.labels.length;
  const labels = c.labels.map((l) => stripControls(l));
  const rows: { actual: string; predicted: string; ti: number; pi: number; n: number }[] = [];
  let max = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const n = c.matrix[i]?.[j] ?? 0;
      const v = Number.isFinite(n) ? n : 0;
      if (v > max) max = v;
      rows.push({ actual: labels[i] ?? '', predicted: labels[j] ?? '', ti: i, pi: j, n: v });
    }
  }
  const step = Math.max(14, Math.min(56, Math.floor(560 / Math.max(1, k))));
  const fontSize = Math.max(6, Math.min(12, Math.floor(step / 3)));
  const longLabels = labels.some((l) => l.length > 6);
  const x = {
    field: 'predicted',
    type: 'nominal',
    sort: { field: 'pi', op: 'min' },
    title: 'Predicted label',
    axis: { orient: 'top', labelAngle: longLabels || k > 8 ? -45 : 0, labelLimit: 120 },
  } as const;
  const y = { field: 'actual', type: 'nominal', sort: { field: 'ti', op: 'min' }, title: 'True label', axis: { labelLimit: 120 } } as const;
  const half = JSON.stringify(max / 2);
  // Per-cell descriptions for screen readers would triple the size of a large matrix: only small ones get them.
  const aria = k <= 20;
  return {
    title: titleOf('Confusion matrix', subtitle),
    width: { step },
    height: { step },
    background: 'white',
    data: { values: rows },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1, aria },
        encoding: { color: { field: 'n', type: 'quantitative', title: 'rows', scale: { scheme: 'blues', domainMin: 0 } } },
      },
      {
        mark: { type: 'text', fontSize, aria },
        encoding: {
          text: { field: 'n', type: 'quantitative', format: 'd' },
          color: { condition: { test: `datum.n > ${half}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mermaid

export interface MermaidXyChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** The x of every point; each series gives one y per x. */
  x: number[];
  series: { name: string; y: number[] }[];
  /** The y-axis range; default: the range of the values drawn. */
  yRange?: [number, number];
  /** The range the evenly spaced x values span; default: the range of x. */
  xRange?: [number, number];
  /**
   * How the series are brought onto at most {@link MAX_MERMAID_POINTS} evenly spaced x values (xychart-beta draws
   * every series over the same x values):
   * - `step` (default): the y of the last point (in order of x, ties in the given order) whose x ≤ the grid value,
   *   the first point's y before it. For a ROC curve in scikit-learn's order that is the best TPR at FPR ≤ x.
   * - `linear`: linear interpolation between the neighbouring points, the end values outside them.
   * - `none`: the x values themselves as the axis's categories, when there are few enough of them and their labels
   *   are distinct; otherwise as `linear`.
   */
  resample?: 'step' | 'linear' | 'none';
  /** Number of evenly spaced x values, 2 to 21 (default 21). */
  points?: number;
}

/**
 * A ```mermaid block with an `xychart-beta` line chart: a categorical x-axis of the (resampled) x values, a numeric
 * y-axis and one `line "name" [...]` per series. Series without a finite point are left out; when none is left,
 * an italic note instead of a chart. Text from the caller is put in double quotes with quotes, backticks, angle
 * brackets, `%%` and control characters removed.
 */
export function mermaidXyChart(opts: MermaidXyChartOptions): string {
  const gridSize = Math.max(2, Math.min(MAX_MERMAID_POINTS, Math.floor(opts.points ?? MAX_MERMAID_POINTS)));
  const n = opts.x.length;
  for (const s of opts.series) {
    if (s.y.length !== n) throw new Error(`mermaidXyChart: series ${s.name} has ${s.y.length} values for ${n} x values`);
  }
  // Finite x, stably sorted.
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(opts.x[i]));
  order.sort((a, b) => (opts.x[a] ?? 0) - (opts.x[b] ?? 0) || a - b);

  let labels: string[] | undefined;
  let lines: { name: string; y: number[] }[] = [];
  if (opts.resample === 'none' && order.length > 0 && order.length <= MAX_MERMAID_POINTS) {
    const rows = order.filter((i) => opts.series.some((s) => Number.isFinite(s.y[i])));
    const usable = opts.series.filter((s) => rows.every((i) => Number.isFinite(s.y[i])));
    const candidate = rows.map((i) => opts.x[i] ?? 0);
    const distinct = distinctLabels(candidate);
    if (rows.length > 0 && distinct) {
      labels = distinct;
      lines = usable.map((s) => ({ name: s.name, y: rows.map((i) => s.y[i] ?? 0) }));
    }
  }
  if (!labels) {
    const finiteX = order.map((i) => opts.x[i] ?? 0);
    const lo = opts.xRange && Number.isFinite(opts.xRange[0]) ? opts.xRange[0] : finiteX[0];
    const hi = opts.xRange && Number.isFinite(opts.xRange[1]) ? opts.xRange[1] : finiteX.at(-1);
    if (lo === undefined || hi === undefined) return '*No chart: no finite values.*';
    const size = hi > lo ? gridSize : 1;
    const grid = Array.from({ length: size }, (_, k) => (size === 1 ? lo : lo + ((hi - lo) * k) / (size - 1)));
    const mode = opts.resample === 'step' || opts.resample === undefined ? 'step' : 'linear';
    for (const s of opts.series) {
      const px: number[] = [];
      const py: number[] = [];
      for (const i of order) {
        const v = s.y[i] ?? NaN;
        if (Number.isFinite(v)) {
          px.push(opts.x[i] ?? 0);
          py.push(v);
        }
      }
      if (px.length === 0) continue;
      lines.push({ name: s.name, y: mode === 'step' ? resampleStep(px, py, grid) : resampleLinear(px, py, grid) });
    }
    labels = gridLabels(grid);
  }
  if (lines.length === 0) return '*No chart: no finite values.*';

  let yLo = Infinity;
  let yHi = -Infinity;
  if (opts.yRange && Number.isFinite(opts.yRange[0]) && Number.isFinite(opts.yRange[1])) [yLo, yHi] = opts.yRange;
  else {
    for (const l of lines) {
      for (const v of l.y) {
        yLo = Math.min(yLo, v);
        yHi = Math.max(yHi, v);
      }
    }
  }
  if (!(yHi > yLo)) {
    yLo -= 0.5;
    yHi += 0.5;
  }
  const body = [
    'xychart-beta',
    `    title "${mermaidText(opts.title)}"`,
    `    x-axis "${mermaidText(opts.xLabel)}" [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `    y-axis "${mermaidText(opts.yLabel)}" ${mermaidNumber(yLo)} --> ${mermaidNumber(yHi)}`,
    ...lines.map((l) => `    line "${mermaidText(l.name)}" [${l.y.map(mermaidNumber).join(', ')}]`),
  ];
  return codeBlock(body.join('\n'), 'mermaid');
}

/** Text inside double quotes of a Mermaid chart: one line, no quotes, backticks, angle brackets, `%%` or controls. */
function mermaidText(s: string): string {
  return oneLine(s.replace(/["`<>]/g, '').replace(/%{2,}/g, '%'), 100);
}

/**
 * A number as xychart-beta's lexer reads it (`[+-]?(\d+(\.\d+)?|\.\d+)`, no exponent): at most 4 decimals,
 * trailing zeros dropped; magnitudes beyond 1e15 are clamped.
 */
function mermaidNumber(v: number): string {
  const c = Math.max(-1e15, Math.min(1e15, Number.isFinite(v) ? v : 0));
  let s = c.toFixed(4);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Labels of evenly spaced grid values, with as many decimals as the spacing needs. */
function gridLabels(grid: number[]): string[] {
  const a = grid[0] ?? 0;
  const b = grid.at(-1) ?? 0;
  const step = grid.length > 1 ? (b - a) / (grid.length - 1) : 0;
  const decimals = step > 0 ? Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9))) : 2;
  return grid.map((v) => fixed(v, decimals));
}

/** Labels of arbitrary x values with the fewest decimals (2 to 6) that keep them distinct; undefined if none do. */
function distinctLabels(xs: number[]): string[] | undefined {
  for (let d = 2; d <= 6; d++) {
    const labels = xs.map((v) => fixed(v, d));
    if (new Set(labels).size === labels.length) return labels;
  }
  return undefined;
}

function fixed(v: number, decimals: number): string {
  const s = Math.max(-1e15, Math.min(1e15, v)).toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Step resampling: for each grid value, the y of the last point whose x ≤ it (x sorted ascending; ties keep their
 * order, so the last of a vertical run wins); the first y for grid values before the first point. A tolerance of
 * 1e-9 of the x range absorbs rounding of the grid.
 */
export function resampleStep(x: number[], y: number[], grid: number[]): number[] {
  const tol = 1e-9 * Math.max(1e-300, Math.abs((x.at(-1) ?? 0) - (x[0] ?? 0)));
  const out: number[] = [];
  let j = -1;
  for (const t of grid) {
    while (j + 1 < x.length && (x[j + 1] ?? Infinity) <= t + tol) j++;
    out.push(y[Math.max(0, j)] ?? NaN);
  }
  return out;
}

/** Linear interpolation at each grid value (x sorted ascending), the end values outside the points. */
export function resampleLinear(x: number[], y: number[], grid: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const t of grid) {
    while (j + 1 < x.length && (x[j + 1] ?? Infinity) <= t) j++;
    const x0 = x[j] ?? 0;
    const y0 = y[j] ?? NaN;
    const x1 = x[j + 1];
    const y1 = y[j + 1];
    if (t <= x0 || x1 === undefined || y1 === undefined || x1 === x0) out.push(y0);
    else out.push(y0 + ((y1 - y0) * (t - x0)) / (x1 - x0));
  }
  return out;
}

const UNIT_GRID = Array.from({ length: MAX_MERMAID_POINTS }, (_, k) => k / (MAX_MERMAID_POINTS - 1));

/**
 * ROC curve on 21 evenly spaced false positive rates: at each, the best true positive rate reached at that rate or
 * below (step interpolation of the curve in scikit-learn's order), beside the chance diagonal.
 */
export function mermaidRoc(roc: RocCurve, auc?: number): string {
  const fpr: number[] = [];
  const tpr: number[] = [];
  for (let i = 0; i < Math.min(roc.fpr.length, roc.tpr.length); i++) {
    const a = roc.fpr[i] ?? NaN;
    const b = roc.tpr[i] ?? NaN;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      fpr.push(a);
      tpr.push(b);
    }
  }
  if (fpr.length === 0) return '*No chart: no finite values.*';
  const order = fpr.map((_, i) => i).sort((a, b) => (fpr[a] ?? 0) - (fpr[b] ?? 0) || a - b);
  const model = resampleStep(order.map((i) => fpr[i] ?? 0), order.map((i) => tpr[i] ?? 0), UNIT_GRID);
  return mermaidXyChart({
    title: finite(auc) ? `ROC curve (AUC = ${auc.toFixed(3)})` : 'ROC curve',
    xLabel: 'False positive rate',
    yLabel: 'True positive rate',
    x: UNIT_GRID,
    series: [
      { name: 'model', y: model },
      { name: 'chance', y: UNIT_GRID },
    ],
    yRange: [0, 1],
    resample: 'none',
  });
}

/**
 * Precision-recall curve on 21 evenly spaced recalls: at each, the interpolated precision (the best precision at
 * that recall or above, as in the PASCAL VOC convention). Recalls above the curve's largest get no value and
 * are drawn as 0.
 */
export function mermaidPr(pr: PrCurve): string {
  const m = Math.min(pr.recall.length, pr.precision.length);
  const values = UNIT_GRID.map((r) => {
    let best = -Infinity;
    for (let i = 0; i < m; i++) {
      const rec = pr.recall[i] ?? NaN;
      const prec = pr.precision[i] ?? NaN;
      if (Number.isFinite(rec) && Number.isFinite(prec) && rec >= r - 1e-12 && prec > best) best = prec;
    }
    return best === -Infinity ? 0 : best;
  });
  const any = pr.recall.some((r, i) => Number.isFinite(r) && Number.isFinite(pr.precision[i]));
  return mermaidXyChart({
    title: 'Precision-recall curve (interpolated precision)',
    xLabel: 'Recall',
    yLabel: 'Precision',
    x: UNIT_GRID,
    series: [{ name: 'model', y: any ? values : values.map(() => NaN) }],
    yRange: [0, 1],
    resample: 'none',
  });
}

/**
 * Reliability diagram: the observed fraction of positives per bin against the bin's mean predicted probability,
 * with the perfectly calibrated diagonal. Up to 21 bins are drawn at their own mean probabilities; more are
 * linearly interpolated onto 21 evenly spaced probabilities.
 */
export function mermaidCalibration(c: CalibrationCurve): string {
  const m = Math.min(c.probPred.length, c.probTrue.length);
  const x = c.probPred.slice(0, m);
  return mermaidXyChart({
    title: `Calibration (${c.bins} bins)`,
    xLabel: 'Mean predicted probability',
    yLabel: 'Fraction of positives',
    x,
    series: [
      { name: 'model', y: c.probTrue.slice(0, m) },
      { name: 'perfectly calibrated', y: x },
    ],
    yRange: [0, 1],
    resample: 'none',
    xRange: [0, 1],
  });
}

/** The confusion matrix as a markdown table: true labels as rows, predicted labels as columns. */
export function confusionTable(c: ConfusionMatrix): string {
  const cell = (label: string | undefined) => {
    const s = escapeTableCell(label ?? '');
    return s === '' ? '(empty)' : s;
  };
  const header = `| ${escapeTableCell('true \\ predicted')} | ${c.labels.map(cell).join(' | ')} |`;
  const rule = `| --- | ${c.labels.map(() => '---:').join(' | ')} |`;
  const rows = c.labels.map((label, i) => {
    const counts = c.labels.map((_, j) => {
      const v = c.matrix[i]?.[j];
      return v === undefined || !Number.isFinite(v) ? '—' : String(v);
    });
    return `| ${cell(label)} | ${counts.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
