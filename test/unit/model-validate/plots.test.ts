import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  confusionTable,
  MAX_CURVE_POINTS,
  mermaidCalibration,
  mermaidPr,
  mermaidRoc,
  mermaidXyChart,
  renderSvgPlots,
  thinCurve,
} from '../../../src/gates/model-validate/plots.js';
import type { CalibrationCurve, ConfusionMatrix, PrCurve, RocCurve } from '../../../src/gates/model-validate/types.js';
import { markdownProblems } from '../report/fixtures.js';

// A small ROC curve in scikit-learn's layout (thresholds descending, vertical runs at one FPR).
const ROC: RocCurve = { fpr: [0, 0, 0.1, 0.1, 0.5, 1], tpr: [0, 0.4, 0.4, 0.8, 0.9, 1], thresholds: [Infinity, 0.9, 0.8, 0.7, 0.6, 0.1] };
// scikit-learn's PR layout: recall decreasing, the last point (recall 0, precision 1) has no threshold.
const PR: PrCurve = { precision: [0.5, 0.6, 0.8, 1, 1], recall: [1, 0.9, 0.6, 0.3, 0], thresholds: [0.1, 0.5, 0.7, 0.9] };
const CAL: CalibrationCurve = { probTrue: [0.1, 0.3, 0.6, 0.9], probPred: [0.12, 0.35, 0.55, 0.85], counts: [10, 12, 9, 11], bins: 10 };
const CONFUSION: ConfusionMatrix = { labels: ['cat', 'dog', 'bird'], matrix: [[5, 1, 0], [2, 7, 1], [0, 3, 9]] };

const NAMESPACES = ['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'];
const PLOT = 360; // plot area size of the curve charts, in px

function assertSelfContained(svg: string): void {
  assert.ok(svg.startsWith('<svg'), 'starts with <svg');
  assert.ok(svg.trimEnd().endsWith('</svg>'), 'ends with </svg>');
  const width = /^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg);
  const height = /^<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  assert.ok(width && Number(width[1]) > 0, 'has a width');
  assert.ok(height && Number(height[1]) > 0, 'has a height');
  assert.ok(!/<script/i.test(svg), 'no <script');
  // Nothing to fetch: no images, embedded documents, style imports or references other than to the SVG's own ids.
  assert.ok(!/<image|<foreignObject|<style|@import|url\((?!#)|\shref=/i.test(svg), 'no external reference');
  let rest = svg;
  for (const ns of NAMESPACES) rest = rest.split(`"${ns}"`).join('""');
  assert.ok(!/https?:\/\//i.test(rest), 'no URL but the SVG and XLink namespaces');
}

/** The `d` of every line-mark path. */
function linePaths(svg: string): string[] {
  return [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** Vertices of an SVG path made of M and L commands. */
function vertices(d: string): [number, number][] {
  assert.match(d, /^M[-\d.,eL]+$/, `only M/L commands: ${d.slice(0, 60)}`);
  return d
    .slice(1)
    .split('L')
    .map((p) => {
      const [x, y] = p.split(',').map(Number);
      return [x ?? NaN, y ?? NaN];
    });
}

function assertVertices(d: string, x: number[], y: number[]): void {
  const v = vertices(d);
  assert.equal(v.length, x.length);
  v.forEach(([px, py], i) => {
    assert.ok(Math.abs(px - (x[i] ?? NaN) * PLOT) < 0.01, `x of point ${i}: ${px}`);
    assert.ok(Math.abs(py - (1 - (y[i] ?? NaN)) * PLOT) < 0.01, `y of point ${i}: ${py}`);
  });
}

/** Text marks of the heatmap: value and position. */
function heatmapTexts(svg: string): { x: number; y: number; text: string }[] {
  return [...svg.matchAll(/<text [^>]*aria-roledescription="text mark"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3] ?? '',
  }));
}

void describe('renderSvgPlots', () => {
  void test('renders the four charts, self-contained, each curve drawn through its points', async () => {
    const plots = await renderSvgPlots({ roc: ROC, pr: PR, calibration: CAL, confusion: CONFUSION, title: 'fraud model', rocAuc: 0.912, averagePrecision: 0.85 });
    assert.deepEqual(
      plots.map((p) => p.name),
      ['roc.svg', 'pr.svg', 'calibration.svg', 'confusion-matrix.svg'],
    );
    for (const p of plots) assertSelfContained(p.svg);
    const [roc, pr, cal] = plots.map((p) => p.svg);

    // One path per series: the model and the chance diagonal; the model path passes through every ROC point in order.
    const rocPaths = linePaths(roc ?? '');
    assert.equal(rocPaths.length, 2);
    assertVertices(rocPaths[0] ?? '', ROC.fpr, ROC.tpr);
    assertVertices(rocPaths[1] ?? '', [0, 1], [0, 1]);
    assert.match(roc ?? '', /AUC = 0\.912/);

    const prPaths = linePaths(pr ?? '');
    assert.equal(prPaths.length, 1);
    assertVertices(prPaths[0] ?? '', PR.recall, PR.precision);
    assert.match(pr ?? '', /AP = 0\.850/);

    // Calibration: the model and the diagonal of perfect calibration, plus a dot per bin.
    const calPaths = linePaths(cal ?? '');
    assert.equal(calPaths.length, 2);
    assertVertices(calPaths[0] ?? '', CAL.probPred, CAL.probTrue);
    assertVertices(calPaths[1] ?? '', [0, 1], [0, 1]);
    assert.equal((cal ?? '').match(/aria-roledescription="point"/g)?.length, CAL.probTrue.length);
    assert.match(cal ?? '', /perfectly calibrated/);
  });

  void test('the confusion heatmap has a count per cell, rows true and columns predicted, and axis titles', async () => {
    const [plot] = await renderSvgPlots({ confusion: CONFUSION });
    assert.equal(plot?.name, 'confusion-matrix.svg');
    const svg = plot?.svg ?? '';
    assertSelfContained(svg);
    assert.match(svg, />Predicted label</);
    assert.match(svg, />True label</);
    assert.equal(svg.match(/aria-roledescription="rect mark"/g)?.length, 9);
    const texts = heatmapTexts(svg);
    assert.equal(texts.length, 9);
    const xs = [...new Set(texts.map((t) => t.x))].sort((a, b) => a - b);
    const ys = [...new Set(texts.map((t) => t.y))].sort((a, b) => a - b);
    assert.equal(xs.length, 3);
    assert.equal(ys.length, 3);
    for (const t of texts) {
      const row = ys.indexOf(t.y);
      const col = xs.indexOf(t.x);
      assert.equal(Number(t.text), CONFUSION.matrix[row]?.[col], `cell (${row}, ${col})`);
    }
    // Label order on the axes is the matrix order, not alphabetical: "cat" before "dog" before "bird".
    const yLabels = [...svg.matchAll(/<text [^>]*transform="translate\(-7,([-\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]), text: m[2] }));
    assert.deepEqual(
      yLabels.sort((a, b) => a.y - b.y).map((l) => l.text),
      ['cat', 'dog', 'bird'],
    );
  });

  void test('hostile labels and titles come out as escaped text', async () => {
    const hostile: ConfusionMatrix = { labels: ['<script>alert(1)</script>', 'a&b', '"><img src=x onerror=alert(1)>'], matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] };
    const plots = await renderSvgPlots({ confusion: hostile, roc: ROC, title: '</text><script>alert(2)</script> & co' });
    for (const p of plots) {
      assertSelfContained(p.svg);
      assert.doesNotMatch(p.svg, /<img/i);
      assert.match(p.svg, /&lt;\/text&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt; &amp; co/);
    }
    const svg = plots.find((p) => p.name === 'confusion-matrix.svg')?.svg ?? '';
    assert.match(svg, />&lt;script&gt;alert/);
    assert.match(svg, />a&amp;b</);
    assert.doesNotMatch(svg, /a&b/);
    assert.match(svg, /&quot;&gt;&lt;img src=x/);
  });

  void test('a 100,000-point curve is thinned to at most 1,000 points before it is drawn', async () => {
    const n = 100_000;
    const fpr = new Array<number>(n);
    const tpr = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      fpr[i] = i / (n - 1);
      tpr[i] = Math.sqrt(i / (n - 1));
    }
    const [plot] = await renderSvgPlots({ roc: { fpr, tpr, thresholds: fpr.map((x) => 1 - x) } });
    const [model] = linePaths(plot?.svg ?? '');
    const v = vertices(model ?? '');
    assert.ok(v.length <= MAX_CURVE_POINTS, `${v.length} vertices`);
    assert.ok(v.length > 100, `${v.length} vertices`);
    assert.deepEqual(v[0], [0, PLOT]);
    assert.deepEqual(v.at(-1), [PLOT, 0]);
    // Every vertex lies on the curve y = sqrt(x).
    for (const [px, py] of v) assert.ok(Math.abs((PLOT - py) / PLOT - Math.sqrt(px / PLOT)) < 1e-3);
  });

  void test('nothing given, nothing rendered', async () => {
    assert.deepEqual(await renderSvgPlots({}), []);
  });
});

void describe('thinCurve', () => {
  function pathLength(x: number[], y: number[]): number {
    let total = 0;
    for (let i = 1; i < x.length; i++) total += Math.hypot((x[i] ?? 0) - (x[i - 1] ?? 0), (y[i] ?? 0) - (y[i - 1] ?? 0));
    return total;
  }

  void test('keeps short curves whole and drops non-finite points', () => {
    assert.deepEqual([...thinCurve([0, 0.5, 1], [0, 0.7, 1])], [0, 1, 2]);
    assert.deepEqual([...thinCurve([0, NaN, 0.5, 1, Infinity], [0, 0.1, 0.7, 1, 1])], [0, 2, 3]);
  });

  void test('a staircase of 100,000 points: first and last kept, at most 1,000, none dropped farther than ε from a kept point', () => {
    // A ROC-like staircase in [0, 1]², with unequal steps.
    const n = 100_000;
    const x = new Array<number>(n);
    const y = new Array<number>(n);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (i % 3 === 0) a += 1;
      else b += 1;
      x[i] = a;
      y[i] = b;
    }
    const xs = x.map((v) => v / a);
    const ys = y.map((v) => v / b);
    const keep = thinCurve(xs, ys, 1000);
    assert.ok(keep.length <= 1000 && keep.length >= 500, `${keep.length} kept`);
    assert.equal(keep[0], 0);
    assert.equal(keep.at(-1), n - 1);
    for (let k = 1; k < keep.length; k++) assert.ok((keep[k] ?? 0) > (keep[k - 1] ?? 0), 'in order');
    const eps = pathLength(xs, ys) / 998;
    let j = 0;
    for (let i = 0; i < n; i++) {
      while (j + 1 < keep.length && (keep[j + 1] ?? Infinity) <= i) j++;
      const p = keep[j] ?? 0;
      const d = Math.hypot((xs[i] ?? 0) - (xs[p] ?? 0), (ys[i] ?? 0) - (ys[p] ?? 0));
      assert.ok(d <= eps * (1 + 1e-9), `point ${i} is ${d} from its kept predecessor (ε = ${eps})`);
    }
  });

  void test('a curve that stays at one point keeps its two ends', () => {
    const x = new Array<number>(5000).fill(0.3);
    assert.deepEqual([...thinCurve(x, x, 1000)], [0, 4999]);
  });
});

/** Parses a Mermaid xychart block as this module writes it. */
function parseChart(block: string): { title: string; xTitle: string; x: string[]; yTitle: string; yRange: [number, number]; lines: { name: string; values: string[] }[] } {
  const lines = block.split('\n');
  assert.equal(lines[0], '```mermaid');
  assert.equal(lines.at(-1), '```');
  assert.equal(lines[1], 'xychart-beta');
  const title = /^ {4}title "([^"]*)"$/.exec(lines[2] ?? '');
  const xAxis = /^ {4}x-axis "([^"]*)" \[(.*)\]$/.exec(lines[3] ?? '');
  const yAxis = /^ {4}y-axis "([^"]*)" (\S+) --> (\S+)$/.exec(lines[4] ?? '');
  assert.ok(title && xAxis && yAxis, block);
  const series = lines.slice(5, -1).map((l) => {
    const m = /^ {4}line "([^"]*)" \[(.*)\]$/.exec(l);
    assert.ok(m, l);
    return { name: m[1] ?? '', values: (m[2] ?? '').split(', ') };
  });
  const x = (xAxis[2] ?? '').split(', ').map((s) => {
    assert.match(s, /^"[^"]*"$/);
    return s.slice(1, -1);
  });
  return { title: title[1] ?? '', xTitle: xAxis[1] ?? '', x, yTitle: yAxis[1] ?? '', yRange: [Number(yAxis[2]), Number(yAxis[3])], lines: series };
}

// Mermaid's xychart lexer reads numbers with this pattern only (no exponent, no NaN).
const MERMAID_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

function numbers(values: string[]): number[] {
  return values.map((v) => {
    assert.match(v, MERMAID_NUMBER);
    const n = Number(v);
    assert.ok(Number.isFinite(n));
    return n;
  });
}

void describe('mermaidXyChart', () => {
  void test('resamples every series onto at most 21 shared x values', () => {
    const x = Array.from({ length: 500 }, (_, i) => (i / 499) ** 2 * 10);
    const chart = parseChart(
      mermaidXyChart({
        title: 'Curve',
        xLabel: 'x',
        yLabel: 'y',
        x,
        series: [
          { name: 'square', y: x.map((v) => v * v * 1e-8) },
          { name: 'linear', y: x.map((v) => -v) },
          { name: 'none', y: x.map(() => NaN) },
        ],
      }),
    );
    assert.equal(chart.x.length, 21);
    assert.deepEqual(chart.x.slice(0, 3), ['0.0', '0.5', '1.0']);
    assert.equal(chart.lines.length, 2, 'a series without finite values is left out');
    for (const l of chart.lines) assert.equal(numbers(l.values).length, 21);
    const [lo, hi] = chart.yRange;
    assert.ok(lo <= -10 && hi >= 0);
  });

  void test('step and linear interpolation at the grid values', () => {
    const x = [0, 1, 2, 3, 4];
    const y = [0, 10, 20, 30, 40];
    const step = parseChart(mermaidXyChart({ title: 't', xLabel: 'x', yLabel: 'y', x, series: [{ name: 's', y }], points: 9, resample: 'step' }));
    assert.deepEqual(step.x, ['0.0', '0.5', '1.0', '1.5', '2.0', '2.5', '3.0', '3.5', '4.0']);
    assert.deepEqual(numbers(step.lines[0]?.values ?? []), [0, 0, 10, 10, 20, 20, 30, 30, 40]);
    const linear = parseChart(mermaidXyChart({ title: 't', xLabel: 'x', yLabel: 'y', x, series: [{ name: 's', y }], points: 9, resample: 'linear' }));
    assert.deepEqual(numbers(linear.lines[0]?.values ?? []), [0, 5, 10, 15, 20, 25, 30, 35, 40]);
  });

  void test('user text is quoted without quotes, backticks, markup, comments or line breaks', () => {
    const block = mermaidXyChart({
      title: 'my "model"\n```\n<script>%% x',
      xLabel: 'a"b',
      yLabel: '`y`',
      x: [0, 1],
      series: [{ name: 'line "one"\nline [1]', y: [0, 1] }],
    });
    const chart = parseChart(block);
    assert.equal(chart.title, 'my model script% x');
    assert.equal(chart.xTitle, 'ab');
    assert.equal(chart.yTitle, 'y');
    assert.equal(chart.lines.length, 1);
    assert.equal(chart.lines[0]?.name, 'line one line [1]');
    assert.equal((block.match(/```/g) ?? []).length, 2, 'the fence is never closed early');
  });

  void test('tiny and huge values are written without exponents', () => {
    const chart = parseChart(mermaidXyChart({ title: 't', xLabel: 'x', yLabel: 'y', x: [0, 1, 2], series: [{ name: 's', y: [1e-9, -2.5e-7, 3e21] }], resample: 'none' }));
    numbers(chart.lines[0]?.values ?? []);
    assert.match(chart.yRange.join(' '), /^[-\d. ]+$/);
  });

  void test('series of another length than x are a programming error', () => {
    assert.throws(() => mermaidXyChart({ title: 't', xLabel: 'x', yLabel: 'y', x: [0, 1], series: [{ name: 's', y: [1] }] }), /1 values for 2 x values/);
  });
});

void describe('mermaidRoc, mermaidPr, mermaidCalibration', () => {
  const grid = Array.from({ length: 21 }, (_, k) => k / 20);

  void test('ROC: the best TPR at FPR ≤ x on 21 evenly spaced rates, beside the chance diagonal', () => {
    const chart = parseChart(mermaidRoc(ROC, 0.9123));
    assert.match(chart.title, /AUC = 0\.912/);
    assert.equal(chart.x.length, 21);
    assert.deepEqual(chart.yRange, [0, 1]);
    assert.deepEqual(
      chart.lines.map((l) => l.name),
      ['model', 'chance'],
    );
    // Reference: the definition, by brute force over the curve's points.
    const expected = grid.map((t) => Math.max(...ROC.tpr.filter((_, i) => (ROC.fpr[i] ?? 0) <= t + 1e-12)));
    assert.deepEqual(numbers(chart.lines[0]?.values ?? []), expected);
    assert.deepEqual(numbers(chart.lines[1]?.values ?? []), grid);
    assert.deepEqual(markdownProblems(mermaidRoc(ROC)), []);
  });

  void test('PR: interpolated precision (best precision at recall ≥ r) on 21 evenly spaced recalls', () => {
    const chart = parseChart(mermaidPr(PR));
    assert.equal(chart.x.length, 21);
    assert.equal(chart.lines.length, 1);
    const expected = grid.map((r) => Math.max(...PR.precision.filter((_, i) => (PR.recall[i] ?? 0) >= r - 1e-12)));
    assert.deepEqual(numbers(chart.lines[0]?.values ?? []), expected);
  });

  void test('calibration: the bins at their mean predicted probability, with the diagonal', () => {
    const chart = parseChart(mermaidCalibration(CAL));
    assert.deepEqual(chart.x, ['0.12', '0.35', '0.55', '0.85']);
    assert.deepEqual(numbers(chart.lines[0]?.values ?? []), CAL.probTrue);
    assert.deepEqual(numbers(chart.lines[1]?.values ?? []), CAL.probPred);
  });

  void test('calibration with more than 21 bins is interpolated onto 21 probabilities', () => {
    const probPred = Array.from({ length: 50 }, (_, i) => (i + 0.5) / 50);
    const probTrue = probPred.map((p) => p * p);
    const chart = parseChart(mermaidCalibration({ probPred, probTrue, counts: probPred.map(() => 1), bins: 50 }));
    assert.equal(chart.x.length, 21);
    assert.deepEqual(chart.x.slice(0, 2), ['0.00', '0.05']);
    const observed = numbers(chart.lines[0]?.values ?? []);
    // Linear interpolation of p² between bin centres 0.01 apart is within 0.0001 of p², and 4 decimals are kept.
    grid.forEach((t, k) => {
      const p = Math.min(Math.max(t, probPred[0] ?? 0), probPred.at(-1) ?? 1);
      assert.ok(Math.abs((observed[k] ?? NaN) - p * p) <= 2e-4, `at ${t}`);
    });
  });

  void test('a curve without finite points gives a note, not a broken chart', () => {
    assert.doesNotMatch(mermaidRoc({ fpr: [NaN], tpr: [NaN], thresholds: [1] }), /```/);
    assert.doesNotMatch(mermaidPr({ precision: [NaN, 1], recall: [NaN, NaN], thresholds: [1] }), /```/);
  });
});

void describe('confusionTable', () => {
  void test('true labels as rows, predicted as columns, counts in place', () => {
    const md = confusionTable(CONFUSION);
    const lines = md.split('\n');
    assert.equal(lines.length, 2 + CONFUSION.labels.length);
    assert.equal(lines[0], '| true \\\\ predicted | cat | dog | bird |');
    assert.equal(lines[1], '| --- | ---: | ---: | ---: |');
    assert.equal(lines[3], '| dog | 2 | 7 | 1 |');
    assert.deepEqual(markdownProblems(md), []);
  });

  void test('labels are escaped: pipes, mentions, HTML', () => {
    const md = confusionTable({ labels: ['a|b', '@user', '<b>x</b>'], matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    assert.deepEqual(markdownProblems(md), []);
    assert.match(md, /a\\\|b/);
    assert.doesNotMatch(md, /@user/);
    assert.match(md, /@&#8203;user/);
    assert.doesNotMatch(md, /<b>/);
    for (const line of md.split('\n')) assert.equal(line.split(/(?<!\\)\|/).length - 2, 4, line);
  });
});
