import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isConfigurationError } from '../../../src/core/errors.js';
import { chiSquare, DRIFT_DEFAULTS, driftColumns, jensenShannon, ks2samp, psi, wasserstein } from '../../../src/gates/model-validate/drift.js';
import type { DriftMethod, DriftResult, FeatureColumn, FeatureTable } from '../../../src/gates/model-validate/types.js';

// scipy 1.10.1 / numpy 1.24.2 values written by scripts/golden/drift.py.
interface Golden {
  samples: Record<string, number[]>;
  std: Record<string, number>;
  categorical: Record<string, string[]>;
  ks: { ref: string; cur: string; statistic: number; pValue: number; method: 'exact' | 'asymp' }[];
  wasserstein: { ref: string; cur: string; distance: number }[];
  psi: { ref: string; cur: string; bins: number; psi: number }[];
  chisquare: { ref: string; cur: string; statistic: number; pValue: number; dof: number; cramersV: number }[];
  jensenshannon: { ref: string; cur: string; distance: number }[];
}
const golden = JSON.parse(readFileSync(new URL('../../fixtures/model-validate/drift-golden.json', import.meta.url), 'utf8')) as Golden;

const sample = (name: string): Float64Array => Float64Array.from(golden.samples[name] as number[]);
const cats = (name: string): string[] => golden.categorical[name] as string[];

/** Statistics: within 1e-9 (relative above 1). */
function closeStat(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≉ ${expected}`);
}
/** p-values: relative 1e-9, or absolute 1e-12 for tiny ones. */
function closeP(actual: number, expected: number, what: string): void {
  const d = Math.abs(actual - expected);
  assert.ok(d <= 1e-9 * Math.abs(expected) || d <= 1e-12, `${what}: p ${actual} ≉ ${expected}`);
}

describe('two-sample Kolmogorov–Smirnov = scipy 1.10.1 ks_2samp (two-sided, auto)', () => {
  for (const c of golden.ks) {
    const n1 = golden.samples[c.ref]?.length;
    const n2 = golden.samples[c.cur]?.length;
    test(`${c.ref} (${n1}) vs ${c.cur} (${n2}): ${c.method}`, () => {
      const r = ks2samp(sample(c.ref), sample(c.cur));
      assert.equal(r.method, c.method);
      closeStat(r.statistic, c.statistic, 'D');
      closeP(r.pValue, c.pValue, 'p');
    });
  }

  test('the golden cases reach the exact path (equal and unequal sizes) and the asymptotic one', () => {
    const methods = new Set(golden.ks.map((c) => c.method));
    assert.deepEqual([...methods].sort(), ['asymp', 'exact']);
    assert.ok(golden.ks.some((c) => c.method === 'exact' && golden.samples[c.ref]?.length === golden.samples[c.cur]?.length));
    assert.ok(golden.ks.some((c) => c.method === 'exact' && golden.samples[c.ref]?.length !== golden.samples[c.cur]?.length));
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  test('property: a sample against itself has D = 0 and p = 1', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 300 }), (xs) => {
        const x = Float64Array.from(xs);
        const r = ks2samp(x, Float64Array.from(x).reverse());
        assert.equal(r.statistic, 0);
        assert.equal(r.pValue, 1);
      }),
    );
  });

  test('property: symmetric in its arguments, D in [0, 1], p in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 80 }), fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 80 }), (xs, ys) => {
        const a = ks2samp(Float64Array.from(xs), Float64Array.from(ys));
        const b = ks2samp(Float64Array.from(ys), Float64Array.from(xs));
        assert.equal(a.statistic, b.statistic);
        assert.equal(a.pValue, b.pValue);
        assert.ok(a.statistic >= 0 && a.statistic <= 1 && a.pValue >= 0 && a.pValue <= 1);
      }),
    );
  });

  test('empty or NaN input is a RangeError', () => {
    assert.throws(() => ks2samp(new Float64Array(0), Float64Array.of(1)), RangeError);
    assert.throws(() => ks2samp(Float64Array.of(1, NaN), Float64Array.of(1)), RangeError);
  });
});

describe('Wasserstein distance = scipy.stats.wasserstein_distance', () => {
  for (const c of golden.wasserstein) {
    test(`${c.ref} vs ${c.cur}`, () => closeStat(wasserstein(sample(c.ref), sample(c.cur)), c.distance, 'W1'));
  }
});

describe('PSI (reference deciles, ε = 1e-4 for empty bins) = numpy reference', () => {
  for (const c of golden.psi) {
    test(`${c.ref} vs ${c.cur}, ${c.bins} bins`, () => closeStat(psi(sample(c.ref), sample(c.cur), c.bins), c.psi, 'PSI'));
  }
  test('bins must be an integer ≥ 2', () => {
    assert.throws(() => psi(Float64Array.of(1, 2), Float64Array.of(1, 2), 1), RangeError);
  });
});

describe('chi-square (0.5 pseudo-count for unseen categories) = scipy.stats.chisquare', () => {
  for (const c of golden.chisquare) {
    test(`${c.ref} vs ${c.cur}`, () => {
      const r = chiSquare(cats(c.ref), cats(c.cur));
      closeStat(r.statistic, c.statistic, 'χ²');
      closeP(r.pValue, c.pValue, 'p');
      assert.equal(r.dof, c.dof);
      closeStat(r.cramersV, c.cramersV, "Cramér's V");
    });
  }
  test('degenerate inputs: one category overall, an empty side', () => {
    const one = chiSquare(['a', 'a'], ['a']);
    assert.equal(one.statistic, 0);
    assert.equal(one.pValue, 1);
    assert.ok(one.reason);
    const empty = chiSquare([], ['a']);
    assert.ok(Number.isNaN(empty.pValue) && empty.reason);
  });
});

describe('Jensen–Shannon distance (base 2) = scipy.spatial.distance.jensenshannon', () => {
  for (const c of golden.jensenshannon) {
    test(`${c.ref} vs ${c.cur}`, () => closeStat(jensenShannon(cats(c.ref), cats(c.cur)), c.distance, 'JS'));
  }
  test('disjoint categories are at distance 1', () => closeStat(jensenShannon(['a', 'b'], ['c']), 1, 'JS'));
});

// ---------------------------------------------------------------------------------------------------------------
// driftColumns
// ---------------------------------------------------------------------------------------------------------------

const num = (name: string, values: Float64Array): FeatureColumn => ({ name, kind: 'numeric', values, missing: 0 });
const cat = (name: string, values: string[]): FeatureColumn => ({ name, kind: 'categorical', values, missing: 0 });
const table = (file: string, columns: FeatureColumn[]): FeatureTable => ({ file, rows: columns[0]?.values.length ?? 0, columns });

const goldenKs = (ref: string, cur: string) => golden.ks.find((c) => c.ref === ref && c.cur === cur) as Golden['ks'][number];
const goldenW = (ref: string, cur: string) => golden.wasserstein.find((c) => c.ref === ref && c.cur === cur) as Golden['wasserstein'][number];
const goldenChi = (ref: string, cur: string) => golden.chisquare.find((c) => c.ref === ref && c.cur === cur) as Golden['chisquare'][number];
const goldenJs = (ref: string, cur: string) => golden.jensenshannon.find((c) => c.ref === ref && c.cur === cur) as Golden['jensenshannon'][number];
const goldenPsi = (ref: string, cur: string) => golden.psi.find((c) => c.ref === ref && c.cur === cur && c.bins === 10) as Golden['psi'][number];

/** Columns: small numeric (200 reference values), large numeric (12 000), small categorical (600), large categorical (1200). */
function fixtureTables(): [FeatureTable, FeatureTable] {
  const bigCatRef = [...cats('cat_ref'), ...cats('cat_ref')];
  const bigCatCur = cats('cat_shift');
  const ref = table('ref.csv', [
    num('small_num', sample('normal_200')),
    num('big_num', sample('big_12000')),
    cat('small_cat', cats('cat_ref')),
    cat('big_cat', bigCatRef),
  ]);
  const cur = table('cur.csv', [
    num('small_num', sample('shifted_150')),
    num('big_num', sample('big_shift_12000')),
    cat('small_cat', cats('cat_same')),
    cat('big_cat', bigCatCur),
  ]);
  return [ref, cur];
}

const byColumn = (results: DriftResult[], name: string) => results.filter((r) => r.name === name);

describe('driftColumns', () => {
  test('auto: KS / Wasserstein for numeric, chi-square / Jensen–Shannon for categorical, by reference size', () => {
    const [ref, cur] = fixtureTables();
    const d = driftColumns(ref, cur);
    assert.deepEqual(
      d.columns.map((r) => [r.name, r.method]),
      [
        ['small_num', 'ks'],
        ['big_num', 'wasserstein'],
        ['small_cat', 'chisquare'],
        ['big_cat', 'jensenshannon'],
      ],
    );
    const [ks, w, chi, js] = d.columns as [DriftResult, DriftResult, DriftResult, DriftResult];
    const gks = goldenKs('normal_200', 'shifted_150');
    closeStat(ks.statistic, gks.statistic, 'D');
    closeP(ks.pValue as number, gks.pValue, 'p');
    closeStat(ks.effectSize as number, gks.statistic, 'effect size');
    assert.equal(ks.threshold, DRIFT_DEFAULTS.ksPValue);
    assert.equal(ks.drifted, gks.pValue < 0.05);
    assert.equal(ks.severity, ks.drifted ? 'moderate' : 'none');
    assert.equal(ks.referenceCount, 200);
    assert.equal(ks.currentCount, 150);

    const gw = goldenW('big_12000', 'big_shift_12000');
    closeStat(w.raw as number, gw.distance, 'raw W1');
    const normed = gw.distance / (golden.std.big_12000 as number);
    closeStat(w.statistic, normed, 'normed W1');
    assert.equal(w.pValue, undefined);
    assert.equal(w.drifted, normed >= 0.1);

    const gc = goldenChi('cat_ref', 'cat_same');
    closeStat(chi.statistic, gc.statistic, 'χ²');
    closeP(chi.pValue as number, gc.pValue, 'p');
    closeStat(chi.effectSize as number, gc.cramersV, 'V');
    assert.equal(chi.drifted, gc.pValue < 0.05);

    // The doubled reference has the same proportions, so the distance equals the golden one.
    closeStat(js.statistic, goldenJs('cat_ref', 'cat_shift').distance, 'JS');
    assert.equal(js.drifted, js.statistic >= 0.1);

    const expectDrifted = [ks, w, chi, js].filter((r) => r.drifted).map((r) => r.name);
    assert.deepEqual(d.drifted, expectDrifted);
    assert.equal(d.share, expectDrifted.length / 4);
    assert.equal(d.datasetDrifted, d.share >= 0.5);
    assert.deepEqual(d.skipped, []);
  });

  test('autoSizeLimit moves the switch', () => {
    const [ref, cur] = fixtureTables();
    const d = driftColumns(ref, cur, { thresholds: { autoSizeLimit: 100 } });
    assert.equal(byColumn(d.columns, 'small_num')[0]?.method, 'wasserstein');
    assert.equal(byColumn(d.columns, 'small_cat')[0]?.method, 'jensenshannon');
    const e = driftColumns(ref, cur, { thresholds: { autoSizeLimit: 20_000 } });
    assert.equal(byColumn(e.columns, 'big_num')[0]?.method, 'ks');
    assert.equal(byColumn(e.columns, 'big_cat')[0]?.method, 'chisquare');
  });

  test('all: every applicable method, the auto choice first (primary)', () => {
    const [ref, cur] = fixtureTables();
    const d = driftColumns(ref, cur, { methods: 'all' });
    assert.deepEqual(byColumn(d.columns, 'small_num').map((r) => r.method), ['ks', 'wasserstein', 'psi']);
    assert.deepEqual(byColumn(d.columns, 'big_num').map((r) => r.method), ['wasserstein', 'ks', 'psi']);
    assert.deepEqual(byColumn(d.columns, 'small_cat').map((r) => r.method), ['chisquare', 'jensenshannon']);
    assert.deepEqual(byColumn(d.columns, 'big_cat').map((r) => r.method), ['jensenshannon', 'chisquare']);
    const bigKs = byColumn(d.columns, 'big_num')[1] as DriftResult;
    const g = goldenKs('big_12000', 'big_shift_12000');
    closeStat(bigKs.statistic, g.statistic, 'D');
    closeP(bigKs.pValue as number, g.pValue, 'p');
    const smallPsi = byColumn(d.columns, 'small_num')[2] as DriftResult;
    const gp = goldenPsi('normal_200', 'shifted_150');
    closeStat(smallPsi.statistic, gp.psi, 'PSI');
    assert.equal(smallPsi.severity, gp.psi >= 0.25 ? 'severe' : gp.psi >= 0.1 ? 'moderate' : 'none');
    // The dataset share follows the primary (auto) method only.
    const auto = driftColumns(ref, cur);
    assert.deepEqual(d.drifted, auto.drifted);
    assert.equal(d.share, auto.share);
  });

  test('a list: the methods that apply to the kind; primary = auto choice if listed, else the first listed', () => {
    const [ref, cur] = fixtureTables();
    const d = driftColumns(ref, cur, { methods: ['psi', 'ks', 'jensenshannon'] });
    assert.deepEqual(byColumn(d.columns, 'small_num').map((r) => r.method), ['ks', 'psi']);
    assert.deepEqual(byColumn(d.columns, 'big_num').map((r) => r.method), ['psi', 'ks']);
    assert.deepEqual(byColumn(d.columns, 'small_cat').map((r) => r.method), ['jensenshannon']);
    const onlyNumeric = driftColumns(ref, cur, { methods: ['wasserstein'] });
    assert.deepEqual(
      onlyNumeric.skipped.map((s) => s.name),
      ['small_cat', 'big_cat'],
    );
    assert.match(onlyNumeric.skipped[0]?.reason ?? '', /categorical/);
  });

  test('per-column methods and kind override the global choice', () => {
    const [ref, cur] = fixtureTables();
    const d = driftColumns(ref, cur, { columns: { small_num: { methods: ['psi'] }, small_cat: { kind: 'categorical' } } });
    assert.deepEqual(byColumn(d.columns, 'small_num').map((r) => r.method), ['psi']);
    const asCat = driftColumns(
      table('r.csv', [num('level', Float64Array.of(1, 2, 2, 3, 3, 3))]),
      table('c.csv', [num('level', Float64Array.of(1, 1, 2, 3, 3, 3))]),
      { columns: { level: { kind: 'categorical' } } },
    );
    assert.equal(asCat.columns[0]?.method, 'chisquare');
    const expected = chiSquare(['1', '2', '2', '3', '3', '3'], ['1', '1', '2', '3', '3', '3']);
    assert.equal(asCat.columns[0]?.statistic, expected.statistic);
  });

  test('dataset share and the datasetShare threshold', () => {
    const shifted = sample('shifted_150');
    const ref = table('r.csv', [num('a', sample('normal_200')), num('b', sample('normal_200')), num('c', sample('same_a_300'))]);
    const cur = table('c.csv', [num('a', shifted), num('b', shifted), num('c', sample('same_b_300'))]);
    const d = driftColumns(ref, cur);
    // normal_200 vs shifted_150 drifts (p ≈ 5e-5); same_a vs same_b does not (p ≈ 0.15).
    assert.deepEqual(d.drifted, ['a', 'b']);
    closeStat(d.share, 2 / 3, 'share');
    assert.equal(d.datasetDrifted, true);
    assert.equal(driftColumns(ref, cur, { thresholds: { datasetShare: 0.7 } }).datasetDrifted, false);
    assert.deepEqual(driftColumns(ref, cur, { thresholds: { ksPValue: 1e-5 } }).drifted, []);
  });

  test('skipped: one-sided columns and ignored ones', () => {
    const ref = table('r.csv', [num('both', sample('small_8')), num('only_ref', sample('small_8')), num('noise', sample('small_8'))]);
    const cur = table('c.csv', [num('both', sample('small_6')), num('only_cur', sample('small_6')), num('noise', sample('small_6'))]);
    const d = driftColumns(ref, cur, { ignore: ['noise'] });
    assert.deepEqual(d.columns.map((r) => r.name), ['both']);
    assert.deepEqual(
      d.skipped.map((s) => s.name),
      ['only_ref', 'noise', 'only_cur'],
    );
    assert.match(d.skipped[0]?.reason ?? '', /only in the reference/);
    assert.match(d.skipped[2]?.reason ?? '', /only in the current/);
  });

  test('kinds that differ between sides are compared as categorical, with the reason', () => {
    const ref = table('r.csv', [num('code', Float64Array.of(1, 2, 2, 3))]);
    const cur = table('c.csv', [cat('code', ['1', '2', 'x', 'x'])]);
    const d = driftColumns(ref, cur);
    const r = d.columns[0] as DriftResult;
    assert.equal(r.method, 'chisquare');
    assert.match(r.reason ?? '', /kinds differ/);
    assert.equal(r.statistic, chiSquare(['1', '2', '2', '3'], ['1', '2', 'x', 'x']).statistic);
  });

  test('not computable: fewer than 2 values; zero reference spread', () => {
    const ref = table('r.csv', [num('tiny', Float64Array.of(1)), num('flat', new Float64Array(2000).fill(3)), num('flat_same', new Float64Array(2000).fill(3))]);
    const cur = table('c.csv', [num('tiny', Float64Array.of(1, 2, 3)), num('flat', new Float64Array(10).fill(4)), num('flat_same', new Float64Array(10).fill(3))]);
    const d = driftColumns(ref, cur);
    const [tiny, flat, same] = d.columns as [DriftResult, DriftResult, DriftResult];
    assert.ok(Number.isNaN(tiny.statistic));
    assert.equal(tiny.drifted, false);
    assert.match(tiny.reason ?? '', /fewer than 2/);
    assert.equal(flat.method, 'wasserstein');
    assert.equal(flat.raw, 1);
    assert.equal(flat.statistic, Infinity);
    assert.equal(flat.drifted, true);
    assert.match(flat.reason ?? '', /standard deviation is 0/);
    assert.equal(same.statistic, 0);
    assert.equal(same.drifted, false);
    // The not computable column does not count in the share.
    assert.deepEqual(d.drifted, ['flat']);
    assert.equal(d.share, 1 / 2);
  });

  test('PSI severity tiers follow psi and psiSevere', () => {
    const ref = table('r.csv', [num('x', sample('normal_200'))]);
    const cur = table('c.csv', [num('x', sample('shifted_150'))]);
    const value = goldenPsi('normal_200', 'shifted_150').psi; // ≈ 0.29
    const at = (t: { psi?: number; psiSevere?: number }) => driftColumns(ref, cur, { methods: ['psi'], thresholds: t }).columns[0] as DriftResult;
    assert.equal(at({}).severity, 'severe');
    assert.equal(at({ psiSevere: value + 0.01 }).severity, 'moderate');
    const none = at({ psi: value + 0.01, psiSevere: value + 0.02 });
    assert.equal(none.severity, 'none');
    assert.equal(none.drifted, false);
  });

  test('bad options are configuration errors that name the field', () => {
    const [ref, cur] = fixtureTables();
    const expectConfigError = (f: () => unknown, field: RegExp) =>
      assert.throws(f, (e: unknown) => isConfigurationError(e) && field.test(e.message) && field.test(e.field ?? ''));
    expectConfigError(() => driftColumns(ref, cur, { thresholds: { ksPValue: 2 } }), /thresholds\.ksPValue/);
    expectConfigError(() => driftColumns(ref, cur, { thresholds: { psi: 0.3, psiSevere: 0.2 } }), /thresholds\.psiSevere/);
    const bogus = JSON.parse('["ks", "bogus"]') as DriftMethod[]; // as an untyped config file would give it
    expectConfigError(() => driftColumns(ref, cur, { methods: bogus }), /methods/);
    expectConfigError(() => driftColumns(ref, cur, { columns: { small_cat: { kind: 'numeric' } } }), /columns\.small_cat\.kind/);
  });

  // How fast this is lives in the benchmarks (npm run bench); here only what it finds at that size.
  test('100 000 rows × 20 numeric columns: the shifted columns are found by every method', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const column = (shift: number) => {
      const v = new Float64Array(100_000);
      for (let i = 0; i < v.length; i++) v[i] = gauss() + shift;
      return v;
    };
    const names = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const ref = table('r.csv', names.map((n) => num(n, column(0))));
    const cur = table('c.csv', names.map((n, i) => num(n, column(i % 2 ? 0.2 : 0))));
    const auto = driftColumns(ref, cur);
    const ks = driftColumns(ref, cur, { methods: ['ks'] });
    const shifted = names.filter((_, i) => i % 2 === 1);
    assert.deepEqual(auto.drifted, shifted);
    // KS at p < 0.05 also flags a null column now and then; every shifted one must be flagged.
    assert.ok(shifted.every((n) => ks.drifted.includes(n)) && ks.drifted.length <= 12, ks.drifted.join(','));
  });
});
