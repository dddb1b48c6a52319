import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigurationError } from '../../../src/core/errors.js';
import {
  checkThresholdMetrics,
  evaluateThresholds,
  type EvaluateOptions,
  METRIC_DIRECTIONS,
  metricDirection,
  parseThresholds,
  type ThresholdResult,
  type ThresholdSpec,
} from '../../../src/gates/model-validate/thresholds.js';

/** One metric's spec as written in YAML, parsed. */
function spec(metric: string, raw: unknown): ThresholdSpec {
  return parseThresholds({ [metric]: raw });
}

function one(results: ThresholdResult[]): ThresholdResult {
  assert.equal(results.length, 1);
  return results[0]!;
}

describe('parseThresholds: the grammar', () => {
  const good: { name: string; raw: unknown; parsed: unknown }[] = [
    { name: 'value bound and absolute drop', raw: { min: 0.8, max_drop: 0.01 }, parsed: { min: 0.8, maxDrop: { kind: 'absolute', value: 0.01 } } },
    { name: 'relative drop', raw: { max_drop: '2%' }, parsed: { maxDrop: { kind: 'relative', fraction: 0.02, percent: 2 } } },
    { name: 'relative drop with spaces and a fraction', raw: { max_drop: ' 2.5 % ' }, parsed: { maxDrop: { kind: 'relative', fraction: 0.025, percent: 2.5 } } },
    { name: 'relative drop below 1%', raw: { max_drop: '.5%' }, parsed: { maxDrop: { kind: 'relative', fraction: 0.005, percent: 0.5 } } },
    { name: 'zero drop', raw: { max_drop: 0 }, parsed: { maxDrop: { kind: 'absolute', value: 0 } } },
    { name: 'max and drop', raw: { max: 0.6, max_drop: 0.02 }, parsed: { max: 0.6, maxDrop: { kind: 'absolute', value: 0.02 } } },
    {
      name: 'warn tier',
      raw: { min: 0.9, warn: { min: 0.93, max_drop: 0.005 } },
      parsed: { min: 0.9, warn: { min: 0.93, maxDrop: { kind: 'absolute', value: 0.005 } } },
    },
    { name: 'warn tier only', raw: { warn: { max: 0.2 } }, parsed: { warn: { max: 0.2 } } },
  ];
  for (const c of good) {
    test(c.name, () => {
      assert.deepEqual(spec('m', c.raw), { m: c.parsed });
    });
  }

  test('no thresholds', () => {
    assert.deepEqual(parseThresholds(undefined), {});
    assert.deepEqual(parseThresholds({}), {});
  });

  const bad: { name: string; raw: unknown; field: string; message: RegExp }[] = [
    { name: 'negative drop', raw: { f1: { max_drop: -0.1 } }, field: 'thresholds.f1.max_drop', message: /must be a number ≥ 0 \(absolute\) or a percentage such as "2%"/ },
    { name: 'percentage without %', raw: { f1: { max_drop: '2' } }, field: 'thresholds.f1.max_drop', message: /percentage/ },
    { name: 'not a percentage', raw: { f1: { max_drop: 'x%' } }, field: 'thresholds.f1.max_drop', message: /percentage/ },
    { name: 'unknown bound', raw: { f1: { minimum: 0.3 } }, field: 'thresholds.f1.minimum', message: /is not a bound \(allowed: min, max, max_drop, warn\)/ },
    { name: 'warn inside warn', raw: { f1: { warn: { warn: { min: 1 } } } }, field: 'thresholds.f1.warn.warn', message: /allowed: min, max, max_drop\)/ },
    { name: 'no bounds', raw: { f1: {} }, field: 'thresholds.f1', message: /has no bounds/ },
    { name: 'empty warn tier', raw: { f1: { warn: {} } }, field: 'thresholds.f1.warn', message: /has no bounds/ },
    { name: 'min above max', raw: { f1: { min: 0.9, max: 0.8 } }, field: 'thresholds.f1.min', message: /min 0\.9 is above max 0\.8/ },
    { name: 'quoted number', raw: { f1: { min: '0.8' } }, field: 'thresholds.f1.min', message: /must be a number \(got "0\.8"\)/ },
    { name: 'bare number', raw: { f1: 0.8 }, field: 'thresholds.f1', message: /must be a mapping of bounds/ },
    { name: 'not a mapping', raw: [1], field: 'thresholds', message: /must be a mapping of metric name/ },
  ];
  for (const c of bad) {
    test(`error: ${c.name}`, () => {
      assert.throws(
        () => parseThresholds(c.raw, { file: 'model.yml', lineOf: (p) => (p.startsWith('/thresholds/') ? 7 : undefined) }),
        (e: unknown) => {
          assert.ok(e instanceof ConfigurationError);
          assert.equal(e.field, c.field);
          assert.match(e.message, c.message);
          assert.ok(e.message.startsWith(c.field === 'thresholds' ? 'model.yml: thresholds:' : `model.yml:7: ${c.field}:`), e.message);
          return true;
        },
      );
    });
  }

  test('unknown metric names: an error naming the field and listing the known names', () => {
    const s = parseThresholds({ roc_auc: { min: 0.8 }, rocauc: { min: 0.8 } });
    assert.throws(
      () => checkThresholdMetrics(s, ['accuracy', 'roc_auc'], { file: 'model.yml', lineOf: (p) => (p === '/thresholds/rocauc' ? 4 : undefined) }),
      (e: unknown) =>
        e instanceof ConfigurationError &&
        e.field === 'thresholds.rocauc' &&
        e.location?.line === 4 &&
        e.message === 'model.yml:4: thresholds.rocauc: unknown metric `rocauc`. Known metrics: accuracy, roc_auc.',
    );
    checkThresholdMetrics(s, ['roc_auc', 'rocauc']);
  });
});

describe('metric directions', () => {
  const cases: [string, 'higher' | 'lower' | undefined][] = [
    ['accuracy', 'higher'],
    ['balanced_accuracy', 'higher'],
    ['precision', 'higher'],
    ['precision_macro', 'higher'],
    ['recall_weighted', 'higher'],
    ['f1', 'higher'],
    ['f1_micro', 'higher'],
    ['roc_auc', 'higher'],
    ['roc_auc_ovr_weighted', 'higher'],
    ['roc_auc_ovo', 'higher'],
    ['average_precision', 'higher'],
    ['mcc', 'higher'],
    ['r2', 'higher'],
    ['log_loss', 'lower'],
    ['brier', 'lower'],
    ['ece', 'lower'],
    ['mae', 'lower'],
    ['rmse', 'lower'],
    ['f1_per_class_cat', 'higher'],
    ['loss', undefined],
    ['f10', undefined],
  ];
  for (const [name, direction] of cases) {
    test(`${name}: ${direction ?? 'unknown'}`, () => {
      assert.equal(metricDirection(name), direction);
      if (direction !== undefined && !name.includes('per_class')) assert.equal(METRIC_DIRECTIONS[name], direction);
    });
  }
});

interface Case {
  name: string;
  metric: string;
  raw: unknown;
  current: Record<string, number>;
  baseline: Record<string, number> | undefined;
  opts?: EvaluateOptions;
  status: 'pass' | 'warn' | 'fail';
  failed: string[];
  formula?: string;
  formulaMatch?: RegExp;
  reason?: RegExp;
}

describe('evaluateThresholds', () => {
  const cases: Case[] = [
    {
      name: 'value bound and absolute drop, both met',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.912 },
      baseline: { roc_auc: 0.916 },
      status: 'pass',
      failed: [],
      formula: '0.912 ≥ min 0.8 ✓; drop 0.004 = 0.916 − 0.912 ≤ max_drop 0.01 ✓',
    },
    {
      name: 'below min',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.79 },
      baseline: { roc_auc: 0.8 },
      status: 'fail',
      failed: ['min'],
      formula: '0.79 < min 0.8 ✗; drop 0.01 = 0.8 − 0.79 ≤ max_drop 0.01 ✓',
    },
    {
      name: 'absolute drop too large',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.9 },
      baseline: { roc_auc: 0.92 },
      status: 'fail',
      failed: ['max_drop'],
      formula: '0.9 ≥ min 0.8 ✓; drop 0.02 = 0.92 − 0.9 > max_drop 0.01 ✗',
    },
    {
      // 0.916 − 0.912 is 0.0040000000000000036 in binary floating point.
      name: 'a drop equal to max_drop passes despite rounding',
      metric: 'accuracy',
      raw: { max_drop: 0.004 },
      current: { accuracy: 0.912 },
      baseline: { accuracy: 0.916 },
      status: 'pass',
      failed: [],
    },
    {
      name: 'relative drop within 2% of the baseline',
      metric: 'f1_macro',
      raw: { max_drop: '2%' },
      current: { f1_macro: 0.785 },
      baseline: { f1_macro: 0.8 },
      status: 'pass',
      failed: [],
      formula: 'drop 0.015 = 0.8 − 0.785 ≤ max_drop 2% of |0.8| = 0.016 ✓',
    },
    {
      name: 'relative drop beyond 2% of the baseline',
      metric: 'f1_macro',
      raw: { max_drop: '2%' },
      current: { f1_macro: 0.78 },
      baseline: { f1_macro: 0.8 },
      status: 'fail',
      failed: ['max_drop'],
      formula: 'drop 0.02 = 0.8 − 0.78 > max_drop 2% of |0.8| = 0.016 ✗',
    },
    {
      name: 'relative drop of a negative baseline uses |baseline|',
      metric: 'r2',
      raw: { max_drop: '10%' },
      current: { r2: -0.52 },
      baseline: { r2: -0.5 },
      status: 'pass',
      failed: [],
      formula: 'drop 0.02 = (-0.5) − (-0.52) ≤ max_drop 10% of |-0.5| = 0.05 ✓',
    },
    {
      name: 'lower-is-better: a rise beyond max_drop fails',
      metric: 'log_loss',
      raw: { max: 0.6, max_drop: 0.02 },
      current: { log_loss: 0.45 },
      baseline: { log_loss: 0.42 },
      status: 'fail',
      failed: ['max_drop'],
      formula: '0.45 ≤ max 0.6 ✓; rise 0.03 = 0.45 − 0.42 > max_drop 0.02 ✗',
    },
    {
      name: 'lower-is-better: a fall is an improvement',
      metric: 'log_loss',
      raw: { max: 0.6, max_drop: 0.02 },
      current: { log_loss: 0.3 },
      baseline: { log_loss: 0.42 },
      status: 'pass',
      failed: [],
      formula: '0.3 ≤ max 0.6 ✓; rise -0.12 = 0.3 − 0.42 ≤ max_drop 0.02 ✓',
    },
    {
      name: 'lower-is-better: above max',
      metric: 'rmse',
      raw: { max: 0.6 },
      current: { rmse: 0.7 },
      baseline: undefined,
      status: 'fail',
      failed: ['max'],
      formula: '0.7 > max 0.6 ✗',
    },
    {
      name: 'warn tier broken, fail tier met: warn',
      metric: 'accuracy',
      raw: { min: 0.9, warn: { min: 0.93, max_drop: 0.005 } },
      current: { accuracy: 0.92 },
      baseline: { accuracy: 0.93 },
      status: 'warn',
      failed: ['warn.min', 'warn.max_drop'],
      formula: '0.92 ≥ min 0.9 ✓; warn: 0.92 < min 0.93 ✗; warn: drop 0.01 = 0.93 − 0.92 > max_drop 0.005 ✗',
    },
    {
      name: 'both tiers broken: the fail tier wins',
      metric: 'accuracy',
      raw: { min: 0.9, warn: { min: 0.93, max_drop: 0.005 } },
      current: { accuracy: 0.85 },
      baseline: { accuracy: 0.93 },
      status: 'fail',
      failed: ['min', 'warn.min', 'warn.max_drop'],
    },
    {
      name: 'both tiers met',
      metric: 'accuracy',
      raw: { min: 0.9, warn: { min: 0.93, max_drop: 0.005 } },
      current: { accuracy: 0.95 },
      baseline: { accuracy: 0.95 },
      status: 'pass',
      failed: [],
    },
    {
      name: 'first run: change bounds not checked, value bounds met',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.85 },
      baseline: undefined,
      status: 'pass',
      failed: [],
      formula: '0.85 ≥ min 0.8 ✓; max_drop not checked: no baseline (first run)',
      reason: /^no baseline \(first run\): change bounds \(max_drop\) not checked$/,
    },
    {
      name: 'first run: value bounds still apply',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.75 },
      baseline: undefined,
      status: 'fail',
      failed: ['min'],
      reason: /no baseline \(first run\)/,
    },
    {
      name: 'metric missing from the baseline',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: 0.85 },
      baseline: { accuracy: 0.9 },
      status: 'pass',
      failed: [],
      formula: '0.85 ≥ min 0.8 ✓; max_drop not checked: the baseline lacks this metric',
      reason: /the baseline lacks this metric: change bounds \(max_drop\) not checked/,
    },
    {
      name: 'NaN in the baseline',
      metric: 'roc_auc',
      raw: { max_drop: 0.01 },
      current: { roc_auc: 0.85 },
      baseline: { roc_auc: NaN },
      status: 'pass',
      failed: [],
      reason: /the baseline value is NaN/,
    },
    {
      name: 'baseline 0 with a relative bound: any worsening fails',
      metric: 'mcc',
      raw: { max_drop: '5%' },
      current: { mcc: -0.01 },
      baseline: { mcc: 0 },
      status: 'fail',
      failed: ['max_drop'],
      formula: 'drop 0.01 = 0 − (-0.01) > max_drop 5% of |0| = 0 (a relative bound of a zero baseline allows no worsening) ✗',
    },
    {
      name: 'baseline 0 with a relative bound: no change passes',
      metric: 'mcc',
      raw: { max_drop: '5%' },
      current: { mcc: 0 },
      baseline: { mcc: 0 },
      status: 'pass',
      failed: [],
    },
    {
      name: 'baseline 0 with a relative bound: a tiny worsening fails',
      metric: 'mcc',
      raw: { max_drop: '5%' },
      current: { mcc: -1e-12 },
      baseline: { mcc: 0 },
      status: 'fail',
      failed: ['max_drop'],
    },
    {
      name: 'baseline 0 with a relative bound: an improvement passes',
      metric: 'r2',
      raw: { max_drop: '5%' },
      current: { r2: 0.1 },
      baseline: { r2: 0 },
      status: 'pass',
      failed: [],
    },
    {
      name: 'current NaN fails every bound',
      metric: 'roc_auc',
      raw: { min: 0.8, max_drop: 0.01 },
      current: { roc_auc: NaN },
      baseline: { roc_auc: 0.9 },
      status: 'fail',
      failed: ['min', 'max_drop'],
      formula: 'roc_auc is NaN: min, max_drop cannot be met ✗',
      reason: /roc_auc is undefined \(NaN\)/,
    },
    {
      name: 'current NaN with a warn-only bound still fails',
      metric: 'roc_auc',
      raw: { warn: { min: 0.8 } },
      current: { roc_auc: NaN },
      baseline: undefined,
      status: 'fail',
      failed: ['warn.min'],
      reason: /undefined \(NaN\)/,
    },
    {
      name: 'metric not computed',
      metric: 'roc_auc',
      raw: { min: 0.8 },
      current: { accuracy: 0.9 },
      baseline: undefined,
      status: 'fail',
      failed: ['min'],
      reason: /roc_auc was not computed/,
    },
    {
      name: 'a broken change bound without significance only warns',
      metric: 'roc_auc',
      raw: { max_drop: 0.01 },
      current: { roc_auc: 0.88 },
      baseline: { roc_auc: 0.9 },
      opts: { significance: { roc_auc: { pWorse: 0.2, test: 'DeLong' } } },
      status: 'warn',
      failed: ['max_drop'],
      formula: 'drop 0.02 = 0.9 − 0.88 > max_drop 0.01 ✗ but not significant (p_worse 0.2 ≥ alpha 0.05, DeLong): warn',
      reason: /not statistically significant \(DeLong, p_worse 0\.2\)/,
    },
    {
      name: 'a broken change bound with significance fails',
      metric: 'roc_auc',
      raw: { max_drop: 0.01 },
      current: { roc_auc: 0.88 },
      baseline: { roc_auc: 0.9 },
      opts: { significance: { roc_auc: { pWorse: 0.01, test: 'DeLong' } } },
      status: 'fail',
      failed: ['max_drop'],
      formula: 'drop 0.02 = 0.9 − 0.88 > max_drop 0.01 ✗ (significant: p_worse 0.01 < alpha 0.05, DeLong)',
    },
    {
      name: 'alpha sets the significance level',
      metric: 'accuracy',
      raw: { max_drop: 0.01 },
      current: { accuracy: 0.88 },
      baseline: { accuracy: 0.9 },
      opts: { significance: { accuracy: { pWorse: 0.2, test: 'McNemar' } }, alpha: 0.25 },
      status: 'fail',
      failed: ['max_drop'],
      formulaMatch: /p_worse 0\.2 < alpha 0\.25, McNemar/,
    },
    {
      name: 'significance does not soften a value bound',
      metric: 'roc_auc',
      raw: { min: 0.89, max_drop: 0.01 },
      current: { roc_auc: 0.88 },
      baseline: { roc_auc: 0.9 },
      opts: { significance: { roc_auc: { pWorse: 0.5, test: 'DeLong' } } },
      status: 'fail',
      failed: ['min', 'max_drop'],
    },
    {
      name: 'significance of a met bound adds nothing',
      metric: 'roc_auc',
      raw: { max_drop: 0.05 },
      current: { roc_auc: 0.88 },
      baseline: { roc_auc: 0.9 },
      opts: { significance: { roc_auc: { pWorse: 0.01, test: 'DeLong' } } },
      status: 'pass',
      failed: [],
      formula: 'drop 0.02 = 0.9 − 0.88 ≤ max_drop 0.05 ✓',
    },
    {
      name: 'significance of the other metric does not apply',
      metric: 'roc_auc',
      raw: { max_drop: 0.01 },
      current: { roc_auc: 0.88 },
      baseline: { roc_auc: 0.9 },
      opts: { significance: { accuracy: { pWorse: 0.9, test: 'McNemar' } } },
      status: 'fail',
      failed: ['max_drop'],
    },
    {
      name: 'the warn tier with an insignificant change bound warns',
      metric: 'accuracy',
      raw: { min: 0.5, warn: { max_drop: 0.01 } },
      current: { accuracy: 0.88 },
      baseline: { accuracy: 0.9 },
      opts: { significance: { accuracy: { pWorse: 0.6, test: 'McNemar' } } },
      status: 'warn',
      failed: ['warn.max_drop'],
    },
  ];

  for (const c of cases) {
    test(c.name, () => {
      const r = one(evaluateThresholds(c.current, c.baseline, spec(c.metric, c.raw), c.opts));
      assert.equal(r.metric, c.metric);
      assert.equal(r.status, c.status, r.formula);
      assert.deepEqual(r.failed, c.failed, r.formula);
      if (c.formula !== undefined) assert.equal(r.formula, c.formula);
      if (c.formulaMatch !== undefined) assert.match(r.formula, c.formulaMatch);
      if (c.reason !== undefined) assert.match(r.reason ?? '', c.reason);
      else if (c.status === 'pass') assert.equal(r.reason, undefined);
    });
  }

  test('direction, change and relative change', () => {
    const [auc, loss, mcc] = evaluateThresholds(
      { roc_auc: 0.912, log_loss: 0.5, mcc: 0.1 },
      { roc_auc: 0.916, log_loss: 0.4, mcc: 0 },
      parseThresholds({ roc_auc: { min: 0.5 }, log_loss: { max: 1 }, mcc: { min: -1 } }),
    );
    assert.equal(auc?.direction, 'higher');
    assert.equal(auc?.current, 0.912);
    assert.equal(auc?.baseline, 0.916);
    assert.equal(auc?.change, 0.912 - 0.916);
    assert.equal(auc?.relativeChange, (0.912 - 0.916) / 0.916);
    assert.equal(loss?.direction, 'lower');
    assert.equal(loss?.change, 0.5 - 0.4);
    assert.equal(loss?.relativeChange, (0.5 - 0.4) / 0.4);
    // A relative change of a zero baseline is undefined.
    assert.equal(mcc?.change, 0.1);
    assert.equal(mcc?.relativeChange, null);
    const [first] = evaluateThresholds({ roc_auc: 0.9 }, undefined, parseThresholds({ roc_auc: { min: 0.5 } }));
    assert.equal(first?.baseline, null);
    assert.equal(first?.change, null);
    assert.equal(first?.relativeChange, null);
  });

  test('results follow the order of the spec', () => {
    const results = evaluateThresholds({ a_metric: 1, accuracy: 0.9, log_loss: 0.3 }, undefined, parseThresholds({ log_loss: { max: 1 }, accuracy: { min: 0.5 } }));
    assert.deepEqual(
      results.map((r) => r.metric),
      ['log_loss', 'accuracy'],
    );
  });

  test('a metric with no known direction needs one from the options', () => {
    const s = parseThresholds({ latency_p99: { max_drop: 5 } });
    assert.throws(() => evaluateThresholds({ latency_p99: 120 }, { latency_p99: 100 }, s), (e: unknown) => e instanceof ConfigurationError && e.field === 'thresholds.latency_p99');
    const r = one(evaluateThresholds({ latency_p99: 120 }, { latency_p99: 100 }, s, { directions: { latency_p99: 'lower' } }));
    assert.equal(r.status, 'fail');
    assert.equal(r.formula, 'rise 20 = 120 − 100 > max_drop 5 ✗');
  });
});
