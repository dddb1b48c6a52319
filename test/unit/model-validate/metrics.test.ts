import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createRng } from '../../../src/core/stats/bootstrap.js';
import { bootstrapCI, subsetClassification, subsetRegression } from '../../../src/gates/model-validate/metrics/bootstrap-ci.js';
import { binaryRankMetrics, classificationMetrics } from '../../../src/gates/model-validate/metrics/classification.js';
import { calibrationCurve, oneVsRest, prCurve, rocCurve, sortFloat64 } from '../../../src/gates/model-validate/metrics/curves.js';
import { sortLabels } from '../../../src/gates/model-validate/metrics/labels.js';
import { regressionMetrics } from '../../../src/gates/model-validate/metrics/regression.js';
import type { ClassificationData, MetricValue, RegressionData } from '../../../src/gates/model-validate/types.js';

// Goldens from scikit-learn 1.2.1 / numpy 1.24.2: scripts/golden/metrics.py. null = NaN (or sklearn raised).
type Num = number | null;
interface GoldenCase {
  name: string;
  metrics: Record<string, Num>;
  errors: Record<string, string>;
  warnings: Record<string, string[]>;
}
interface ClassificationCase extends GoldenCase {
  kind: 'binary' | 'multiclass';
  labels: string[];
  score_labels: string[] | null;
  positive: string | null;
  y_true: string[];
  y_pred: string[];
  scores: Num[] | null;
  metrics_zd1: Record<string, Num>;
  confusion: number[][];
  roc?: { fpr: Num[]; tpr: Num[]; thresholds: Num[] };
  roc_full?: { fpr: Num[]; tpr: Num[]; thresholds: Num[] };
  pr?: { precision: Num[]; recall: Num[]; thresholds: Num[] };
  calibration?: { prob_true: Num[]; prob_pred: Num[]; counts: Num[] };
  ovr_roc?: { fpr: Num[]; tpr: Num[]; thresholds: Num[] }[];
}
interface RegressionCase extends GoldenCase {
  y_true: Num[];
  y_pred: Num[];
}
interface Golden {
  classification: ClassificationCase[];
  regression: RegressionCase[];
  sort_labels: { input: string[]; expected: string[] }[];
}

const golden = JSON.parse(readFileSync(new URL('../../fixtures/model-validate/metrics-golden.json', import.meta.url), 'utf8')) as Golden;

/** |ours − sklearn| ≤ 1e-9 (relative beyond magnitude 1, for r2's huge degenerate values); null means NaN. */
function close(actual: number, expected: Num, what: string): void {
  if (expected === null) {
    assert.ok(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`);
    return;
  }
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs sklearn ${expected}`);
}

function closeArray(actual: number[], expected: Num[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length ${actual.length} vs sklearn ${expected.length}`);
  expected.forEach((e, i) => close(actual[i] as number, e, `${what}[${i}]`));
}

const toFloat = (xs: Num[]): Float64Array => Float64Array.from(xs, (x) => (x === null ? NaN : x));

function buildClassification(c: ClassificationCase): ClassificationData {
  const labels = sortLabels([...c.y_true, ...c.y_pred, ...(c.score_labels ?? [])]);
  assert.deepEqual(labels, c.labels, `${c.name}: label order`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const d: ClassificationData = {
    kind: c.kind,
    labels,
    yTrue: Int32Array.from(c.y_true, (l) => index.get(l) as number),
    yPred: Int32Array.from(c.y_pred, (l) => index.get(l) as number),
  };
  if (c.positive !== null) {
    d.positive = index.get(c.positive);
    assert.ok(d.positive !== undefined, `${c.name}: positive label`);
  }
  if (c.scores !== null) d.scores = toFloat(c.scores);
  return d;
}

function checkMetrics(ours: Record<string, MetricValue>, c: GoldenCase, expected: Record<string, Num>, checkReasons: boolean): void {
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(expected).sort(), `${c.name}: metric names`);
  for (const [name, value] of Object.entries(expected)) {
    const m = ours[name];
    assert.ok(m, `${c.name}: ${name} missing`);
    close(m.value, value, `${c.name} ${name}`);
    if (!checkReasons) continue;
    if (Number.isNaN(m.value)) assert.ok(m.reason, `${c.name} ${name}: NaN without a reason`);
    if (c.errors[name] !== undefined || c.warnings[name] !== undefined) {
      assert.ok(m.reason, `${c.name} ${name}: sklearn said "${c.errors[name] ?? c.warnings[name]?.[0]}" but we give no reason`);
    }
  }
}

describe('sortLabels: numpy order of CSV labels', () => {
  for (const { input, expected } of golden.sort_labels) {
    test(JSON.stringify(input), () => assert.deepEqual(sortLabels(input), expected));
  }
  test('non-finite numbers and non-decimal syntax sort as strings', () => {
    assert.deepEqual(sortLabels(['1', 'inf', '2']), ['1', '2', 'inf']);
    assert.deepEqual(sortLabels(['0x10', '9']), ['0x10', '9']);
    assert.deepEqual(sortLabels([]), []);
  });
});

describe('classification metrics against scikit-learn 1.2.1', () => {
  for (const c of golden.classification) {
    test(c.name, () => {
      const d = buildClassification(c);
      const { metrics, confusion } = classificationMetrics(d);
      checkMetrics(metrics, c, c.metrics, true);
      assert.deepEqual(confusion, { labels: c.labels, matrix: c.confusion });
      const zd1 = classificationMetrics(d, { zeroDivision: 1 }).metrics;
      const zd1Subset = Object.fromEntries(Object.keys(c.metrics_zd1).map((k) => [k, zd1[k] as MetricValue]));
      checkMetrics(zd1Subset, c, c.metrics_zd1, false);
    });
    if (c.roc !== undefined) {
      test(`${c.name}: roc, precision-recall and calibration curves`, () => {
        const d = buildClassification(c);
        const { yTrue01, scores } = oneVsRest(d, d.positive as number);
        const roc = rocCurve(yTrue01, scores);
        const g = c.roc as NonNullable<ClassificationCase['roc']>;
        closeArray(roc.fpr, g.fpr, 'fpr');
        closeArray(roc.tpr, g.tpr, 'tpr');
        closeArray(roc.thresholds, g.thresholds, 'thresholds');
        if (c.roc_full !== undefined) {
          const full = rocCurve(yTrue01, scores, false);
          closeArray(full.fpr, c.roc_full.fpr, 'full fpr');
          closeArray(full.tpr, c.roc_full.tpr, 'full tpr');
          closeArray(full.thresholds, c.roc_full.thresholds, 'full thresholds');
        }
        const pr = prCurve(yTrue01, scores);
        const gp = c.pr as NonNullable<ClassificationCase['pr']>;
        closeArray(pr.precision, gp.precision, 'precision');
        closeArray(pr.recall, gp.recall, 'recall');
        closeArray(pr.thresholds, gp.thresholds, 'pr thresholds');
        const cal = calibrationCurve(yTrue01, scores);
        const gc = c.calibration as NonNullable<ClassificationCase['calibration']>;
        closeArray(cal.probTrue, gc.prob_true, 'prob_true');
        closeArray(cal.probPred, gc.prob_pred, 'prob_pred');
        closeArray(cal.counts, gc.counts, 'counts');
        assert.equal(cal.bins, 10);
      });
    }
    if (c.ovr_roc !== undefined) {
      test(`${c.name}: one-vs-rest roc curves`, () => {
        const d = buildClassification(c);
        c.ovr_roc?.forEach((g, k) => {
          const { yTrue01, scores } = oneVsRest(d, k);
          const roc = rocCurve(yTrue01, scores);
          closeArray(roc.fpr, g.fpr, `class ${k} fpr`);
          closeArray(roc.tpr, g.tpr, `class ${k} tpr`);
          closeArray(roc.thresholds, g.thresholds, `class ${k} thresholds`);
        });
      });
    }
  }
});

describe('regression metrics against scikit-learn 1.2.1', () => {
  for (const c of golden.regression) {
    test(c.name, () => {
      const d: RegressionData = { kind: 'regression', yTrue: toFloat(c.y_true), yPred: toFloat(c.y_pred) };
      const ours = regressionMetrics(d);
      checkMetrics(ours, c, c.metrics, true);
      if (c.name.includes('constant')) assert.ok(ours.r2?.reason, 'constant y_true: r2 carries a reason');
    });
  }
  test('empty and non-finite input: NaN with a reason', () => {
    const empty = regressionMetrics({ kind: 'regression', yTrue: new Float64Array(0), yPred: new Float64Array(0) });
    for (const m of Object.values(empty)) assert.ok(Number.isNaN(m.value) && m.reason);
    const bad = regressionMetrics({ kind: 'regression', yTrue: Float64Array.of(1, NaN), yPred: Float64Array.of(1, 2) });
    for (const m of Object.values(bad)) assert.ok(Number.isNaN(m.value) && m.reason);
  });
});

// Independent references for the properties: O(n²) pair counting and the textbook per-positive AP.
function naiveAuc(y: Uint8Array, s: Float64Array): number {
  let u = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] === 1) continue;
      pairs++;
      const a = s[i] as number;
      const b = s[j] as number;
      u += a > b ? 1 : a === b ? 0.5 : 0;
    }
  }
  return u / pairs;
}

/** Average precision without ties: mean over positives of the precision among the rows scored at least as high. */
function naiveAp(y: Uint8Array, s: Float64Array): number {
  let sum = 0;
  let nPos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    nPos++;
    let above = 0;
    let posAbove = 0;
    for (let j = 0; j < y.length; j++) {
      if ((s[j] as number) >= (s[i] as number)) {
        above++;
        posAbove += y[j] as number;
      }
    }
    sum += posAbove / above;
  }
  return sum / nPos;
}

const labelled = (minLength: number, scores: fc.Arbitrary<number>) =>
  fc
    .array(fc.tuple(fc.boolean(), scores), { minLength, maxLength: 60 })
    .filter((rows) => rows.some(([y]) => y) && rows.some(([y]) => !y))
    .map((rows) => ({ y: Uint8Array.from(rows, ([y]) => (y ? 1 : 0)), s: Float64Array.from(rows, ([, s]) => s) }));

describe('ranking metrics: properties', () => {
  test('roc_auc = Mann–Whitney U / (n₊ n₋), ties counted half, and equals the area under rocCurve', () => {
    fc.assert(
      fc.property(labelled(2, fc.integer({ min: 0, max: 5 })), ({ y, s }) => {
        const auc = binaryRankMetrics(y, s).rocAuc.value;
        assert.ok(Math.abs(auc - naiveAuc(y, s)) < 1e-12);
        const roc = rocCurve(y, s);
        let area = 0;
        for (let i = 1; i < roc.fpr.length; i++) {
          area += (((roc.fpr[i] as number) - (roc.fpr[i - 1] as number)) * ((roc.tpr[i] as number) + (roc.tpr[i - 1] as number))) / 2;
        }
        assert.ok(Math.abs(auc - area) < 1e-12);
      }),
    );
  });

  test('roc_auc and average precision are unchanged by a strictly increasing transform of the scores', () => {
    fc.assert(
      fc.property(labelled(2, fc.integer({ min: -20, max: 20 })), ({ y, s }) => {
        const a = binaryRankMetrics(y, s);
        const b = binaryRankMetrics(y, s.map((x) => Math.exp(x / 7) * 3 - 11));
        assert.ok(Math.abs(a.rocAuc.value - b.rocAuc.value) < 1e-12);
        assert.ok(Math.abs(a.averagePrecision.value - b.averagePrecision.value) < 1e-12);
      }),
    );
  });

  test('average precision without ties = mean precision at each positive', () => {
    fc.assert(
      fc.property(
        labelled(2, fc.double({ min: 0, max: 1, noNaN: true })).filter(({ s }) => new Set(s).size === s.length),
        ({ y, s }) => {
          assert.ok(Math.abs(binaryRankMetrics(y, s).averagePrecision.value - naiveAp(y, s)) < 1e-12);
        },
      ),
    );
  });

  test('the radix sort of large score arrays orders exactly as Float64Array.prototype.sort', () => {
    const special = fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -5e-324, 0.5, 1);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), special, fc.integer({ min: 0, max: 3 })), { minLength: 4096, maxLength: 6000 }), (xs) => {
        const ours = Float64Array.from(xs);
        sortFloat64(ours);
        const native = Float64Array.from(xs).sort();
        assert.ok(ours.every((v, i) => Object.is(v, native[i])));
      }),
      { numRuns: 25 },
    );
  });

  test('undefined cases are NaN with a reason, never a throw', () => {
    const none = binaryRankMetrics(new Uint8Array(0), new Float64Array(0));
    assert.ok(Number.isNaN(none.rocAuc.value) && none.rocAuc.reason);
    const nan = binaryRankMetrics(Uint8Array.of(0, 1), Float64Array.of(0.2, NaN));
    assert.ok(Number.isNaN(nan.rocAuc.value) && nan.rocAuc.reason && Number.isNaN(nan.averagePrecision.value));
    const d: ClassificationData = { kind: 'binary', labels: ['0', '1'], positive: 1, yTrue: Int32Array.of(0, 1), yPred: Int32Array.of(0, 1), scores: Float64Array.of(0.2, 1.5) };
    const m = classificationMetrics(d).metrics;
    assert.equal(m.roc_auc?.value, 1);
    assert.ok(Number.isNaN(m.brier?.value ?? 0) && m.brier?.reason && Number.isNaN(m.ece?.value ?? 0) && m.ece?.reason);
    const empty = classificationMetrics({ kind: 'multiclass', labels: ['a', 'b', 'c'], yTrue: new Int32Array(0), yPred: new Int32Array(0) });
    for (const v of Object.values(empty.metrics)) assert.ok(Number.isNaN(v.value) && v.reason);
  });
});

function bernoulli(n: number, p: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => (rng.next() < p ? 1 : 0));
}

const meanOf = (x: Float64Array) => (rows: Int32Array) => {
  let s = 0;
  for (let i = 0; i < rows.length; i++) s += x[rows[i] as number] as number;
  return s / rows.length;
};

describe('bootstrapCI', () => {
  test('deterministic for a seed; another seed gives another interval', () => {
    const x = bernoulli(300, 0.6, 1);
    const a = bootstrapCI(x.length, meanOf(x));
    const b = bootstrapCI(x.length, meanOf(x));
    const c = bootstrapCI(x.length, meanOf(x), { seed: 99 });
    assert.deepEqual(a, b);
    assert.ok(a && c && (a.lower !== c.lower || a.upper !== c.upper));
    assert.equal(a?.resamples, 1000);
    assert.equal(a?.level, 0.95);
    assert.equal(a?.undefinedResamples, 0);
  });

  test('coverage of a proportion is near the nominal 95% and the width near the normal approximation', () => {
    const p = 0.7;
    const n = 200;
    let covered = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const x = bernoulli(n, p, 1000 + r);
      const ci = bootstrapCI(n, meanOf(x), { resamples: 400, seed: r });
      assert.ok(ci);
      if (ci.lower <= p && p <= ci.upper) covered++;
      if (r === 0) {
        const width = ci.upper - ci.lower;
        const normal = 2 * 1.959964 * Math.sqrt((p * (1 - p)) / n);
        assert.ok(Math.abs(width / normal - 1) < 0.25, `width ${width} vs normal ${normal}`);
      }
    }
    assert.ok(covered / runs >= 0.88 && covered / runs <= 0.99, `coverage ${covered / runs}`);
  });

  test('NaN replicates are skipped and counted; undefined when fewer than half are defined', () => {
    const some = bootstrapCI(50, (rows) => ((rows[0] as number) < 10 ? NaN : rows[1] as number), { resamples: 500 });
    assert.ok(some);
    assert.ok(some.undefinedResamples > 50 && some.undefinedResamples < 150, `${some.undefinedResamples}`);
    assert.equal(bootstrapCI(50, () => NaN), undefined);
    assert.equal(bootstrapCI(0, () => 1), undefined);
  });

  test('the work cap lowers the resamples and reports it', () => {
    const ci = bootstrapCI(100_000, (rows) => rows[0] as number);
    assert.equal(ci?.resamples, 200);
    assert.equal(bootstrapCI(300_000, (rows) => rows[0] as number, { resamples: 150 })?.resamples, 100);
  });

  test('subsets: identity rows reproduce the metrics; a CI of roc_auc brackets the estimate', () => {
    const c = golden.classification.find((g) => g.name === 'multiclass_3') as ClassificationCase;
    const d = buildClassification(c);
    const n = d.yTrue.length;
    const identity = Int32Array.from({ length: n }, (_, i) => i);
    assert.deepEqual(classificationMetrics(subsetClassification(d, identity)), classificationMetrics(d));
    const two = subsetClassification(d, Int32Array.of(5, 5, 7));
    assert.deepEqual(Array.from(two.scores ?? []), [...Array.from(d.scores?.subarray(15, 18) ?? []), ...Array.from(d.scores?.subarray(15, 18) ?? []), ...Array.from(d.scores?.subarray(21, 24) ?? [])]);
    const b = buildClassification(golden.classification.find((g) => g.name === 'binary_balanced') as ClassificationCase);
    const auc = classificationMetrics(b).metrics.roc_auc?.value as number;
    const ci = bootstrapCI(b.yTrue.length, (rows) => classificationMetrics(subsetClassification(b, rows)).metrics.roc_auc?.value ?? NaN, { resamples: 200 });
    assert.ok(ci && ci.lower < auc && auc < ci.upper);
    const r: RegressionData = { kind: 'regression', yTrue: Float64Array.of(1, 2, 3), yPred: Float64Array.of(1.5, 2, 2) };
    assert.deepEqual(subsetRegression(r, Int32Array.of(2, 0)), { kind: 'regression', yTrue: Float64Array.of(3, 1), yPred: Float64Array.of(2, 1.5) });
  });
});
