import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { delong, mcnemar, pairedBootstrap } from '../../../src/gates/model-validate/paired.js';

// scipy 1.10.1 values and an O(n²) DeLong written by scripts/golden/drift.py.
interface Golden {
  delong: {
    name: string;
    y: number[];
    scoresA: number[];
    scoresB: number[];
    aucA: number;
    aucB: number;
    diff: number;
    se: number;
    z: number;
    pValue: number;
    pWorse: number;
  }[];
  mcnemar: { bothRight: number; b: number; c: number; bothWrong: number; statistic: number; pValue: number; pWorse: number; exact: boolean }[];
}
const golden = JSON.parse(readFileSync(new URL('../../fixtures/model-validate/drift-golden.json', import.meta.url), 'utf8')) as Golden;

function closeStat(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≉ ${expected}`);
}
function closeP(actual: number, expected: number, what: string): void {
  const d = Math.abs(actual - expected);
  assert.ok(d <= 1e-9 * Math.abs(expected) || d <= 1e-12, `${what}: p ${actual} ≉ ${expected}`);
}

describe('DeLong = O(n²) Mann–Whitney-kernel reference', () => {
  for (const g of golden.delong) {
    test(g.name, () => {
      const r = delong(Uint8Array.from(g.y), Float64Array.from(g.scoresA), Float64Array.from(g.scoresB));
      closeStat(r.aucA, g.aucA, 'AUC A');
      closeStat(r.aucB, g.aucB, 'AUC B');
      closeStat(r.diff, g.diff, 'diff');
      closeStat(r.se, g.se, 'se');
      closeStat(r.z, g.z, 'z');
      closeP(r.pValue, g.pValue, 'two-sided');
      closeP(r.pWorse, g.pWorse, 'B worse');
    });
  }

  test('swapping the models mirrors diff and z; pWorse + the mirrored pWorse = 1', () => {
    const g = golden.delong[0] as Golden['delong'][number];
    const y = Uint8Array.from(g.y);
    const ab = delong(y, Float64Array.from(g.scoresA), Float64Array.from(g.scoresB));
    const ba = delong(y, Float64Array.from(g.scoresB), Float64Array.from(g.scoresA));
    closeStat(ba.diff, -ab.diff, 'diff');
    closeStat(ba.se, ab.se, 'se');
    closeP(ba.pValue, ab.pValue, 'p');
    closeStat(ab.pWorse + ba.pWorse, 1, 'pWorse sum');
  });

  test('the same scores twice: diff 0, p 1', () => {
    const g = golden.delong[1] as Golden['delong'][number];
    const s = Float64Array.from(g.scoresA);
    const r = delong(Uint8Array.from(g.y), s, s);
    assert.equal(r.diff, 0);
    assert.equal(r.se, 0);
    assert.equal(r.pValue, 1);
    assert.equal(r.pWorse, 0.5);
  });

  test('one class: NaN, no throw; a single positive: AUCs but NaN se', () => {
    const r = delong(Uint8Array.of(1, 1, 1), Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0.3, 0.2, 0.1));
    assert.ok(Object.values(r).every((v) => Number.isNaN(v)));
    const one = delong(Uint8Array.of(1, 0, 0, 0), Float64Array.of(0.9, 0.2, 0.3, 0.1), Float64Array.of(0.2, 0.25, 0.3, 0.1));
    assert.equal(one.aucA, 1);
    assert.equal(one.aucB, 1 / 3);
    assert.ok(Number.isNaN(one.se) && Number.isNaN(one.pWorse));
  });

  test('bad input is a RangeError', () => {
    assert.throws(() => delong(Uint8Array.of(0, 1), Float64Array.of(1), Float64Array.of(1, 2)), RangeError);
    assert.throws(() => delong(Uint8Array.of(0, 2), Float64Array.of(1, 2), Float64Array.of(1, 2)), RangeError);
    assert.throws(() => delong(Uint8Array.of(0, 1), Float64Array.of(1, NaN), Float64Array.of(1, 2)), RangeError);
  });

  test('property: AUC equals the pairwise count (ties ½)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 2, maxLength: 60 }),
        (rows) => {
          const y = Uint8Array.from(rows, (r) => Number(r[0]));
          const a = Float64Array.from(rows, (r) => r[1]);
          const b = Float64Array.from(rows, (r) => r[2]);
          const r = delong(y, a, b);
          const pos = rows.filter((x) => x[0]);
          const neg = rows.filter((x) => !x[0]);
          if (pos.length === 0 || neg.length === 0) return Number.isNaN(r.aucA);
          let wins = 0;
          for (const p of pos) for (const q of neg) wins += p[1] > q[1] ? 1 : p[1] === q[1] ? 0.5 : 0;
          return Math.abs(r.aucA - wins / (pos.length * neg.length)) < 1e-12;
        },
      ),
    );
  });
});

/** Paired correctness arrays with the given cell counts (A right/B right, b = A right/B wrong, c = A wrong/B right, both wrong). */
function pairs(bothRight: number, b: number, c: number, bothWrong: number): [Uint8Array, Uint8Array] {
  const a: number[] = [];
  const bb: number[] = [];
  const push = (n: number, x: number, y: number) => {
    for (let i = 0; i < n; i++) {
      a.push(x);
      bb.push(y);
    }
  };
  push(bothRight, 1, 1);
  push(c, 0, 1);
  push(bothWrong, 0, 0);
  push(b, 1, 0);
  return [Uint8Array.from(a), Uint8Array.from(bb)];
}

describe('McNemar = scipy.stats binom / chi2 / norm', () => {
  for (const g of golden.mcnemar) {
    test(`b = ${g.b}, c = ${g.c} (${g.exact ? 'exact' : 'chi-square'})`, () => {
      const r = mcnemar(...pairs(g.bothRight, g.b, g.c, g.bothWrong));
      assert.equal(r.b, g.b);
      assert.equal(r.c, g.c);
      assert.equal(r.exact, g.exact);
      closeStat(r.statistic, g.statistic, 'statistic');
      closeP(r.pValue, g.pValue, 'p');
      closeP(r.pWorse, g.pWorse, 'B worse');
    });
  }
  test('no discordant rows: p = 1', () => {
    const r = mcnemar(Uint8Array.of(1, 0, 1), Uint8Array.of(1, 0, 1));
    assert.deepEqual([r.b, r.c, r.pValue, r.pWorse, r.exact], [0, 0, 1, 1, true]);
  });
  test('length mismatch is a RangeError', () => assert.throws(() => mcnemar(Uint8Array.of(1), Uint8Array.of(1, 0)), RangeError));
});

describe('paired bootstrap', () => {
  const values = (seed: number, n: number, shift: number): Float64Array => {
    let s = seed >>> 0;
    const u = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s + 0.5) / 4294967296;
    };
    return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) + shift);
  };
  const meanOn = (x: Float64Array) => (rows: Int32Array) => {
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += x[rows[i] as number] as number;
    return s / rows.length;
  };

  test('identical metrics: diff 0, interval [0, 0], nothing on the worse side', () => {
    const x = values(1, 200, 0);
    const r = pairedBootstrap(200, meanOn(x), meanOn(x), 'higher', { resamples: 300 });
    assert.equal(r.diff, 0);
    assert.deepEqual(r.ci, [0, 0]);
    assert.equal(r.pWorse, 1);
    assert.equal(r.resamples, 300);
  });

  test('B always worse: pWorse = 1 / (R + 1) for "higher", ~1 for "lower"', () => {
    const x = values(2, 150, 0);
    const worse = (rows: Int32Array) => meanOn(x)(rows) - 1;
    const higher = pairedBootstrap(150, meanOn(x), worse, 'higher', { resamples: 400 });
    assert.equal(higher.pWorse, 1 / 401);
    closeStat(higher.diff, -1, 'diff');
    const lower = pairedBootstrap(150, meanOn(x), worse, 'lower', { resamples: 400 });
    assert.equal(lower.pWorse, 1);
  });

  test('same rows for both metrics, seeded and reproducible; the interval matches normal theory for a mean difference', () => {
    const n = 400;
    const a = values(3, n, 0);
    const b = values(4, n, 0.15);
    const d = Float64Array.from(a, (v, i) => (b[i] as number) - v);
    const mean = d.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    const r1 = pairedBootstrap(n, meanOn(a), meanOn(b), 'higher', { resamples: 4000, seed: 99 });
    const r2 = pairedBootstrap(n, meanOn(a), meanOn(b), 'higher', { resamples: 4000, seed: 99 });
    assert.deepEqual(r1, r2);
    closeStat(r1.diff, mean, 'diff');
    const half = (1.959964 * sd) / Math.sqrt(n);
    assert.ok(Math.abs(r1.ci[0] - (mean - half)) < 0.15 * half, `lower ${r1.ci[0]} vs ${mean - half}`);
    assert.ok(Math.abs(r1.ci[1] - (mean + half)) < 0.15 * half, `upper ${r1.ci[1]} vs ${mean + half}`);
    // One-sided: P(not worse) under the bootstrap ≈ Φ(−mean/se) for "B worse".
    const z = mean / (sd / Math.sqrt(n));
    const normalCdf = (t: number) => 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (t + 0.044715 * t ** 3)));
    assert.ok(Math.abs(r1.pWorse - normalCdf(z)) < 0.03, `pWorse ${r1.pWorse} vs ${normalCdf(z)}`);
  });

  test('resamples are capped so that n × resamples ≤ 2e7, never below 100', () => {
    let calls = 0;
    const counting = (rows: Int32Array) => {
      calls++;
      return rows.length;
    };
    const r = pairedBootstrap(100_000, counting, () => 1, 'higher', { resamples: 2000 });
    assert.equal(r.resamples, 200);
    assert.equal(calls, 201);
    const big = pairedBootstrap(1_000_000, () => 0, () => 0, 'higher', { resamples: 2000 });
    assert.equal(big.resamples, 100);
    assert.equal(pairedBootstrap(10, () => 0, () => 0, 'higher', { resamples: 50 }).resamples, 50);
  });

  test('replicates where a metric is NaN are left out', () => {
    let k = 0;
    const flaky = () => (k++ % 2 === 0 ? 1 : NaN);
    const r = pairedBootstrap(5, () => 0, flaky, 'higher', { resamples: 200 });
    assert.equal(r.diff, 1);
    assert.equal(r.pWorse, 1);
    const none = pairedBootstrap(5, () => 0, () => NaN, 'higher', { resamples: 100 });
    assert.ok(Number.isNaN(none.pWorse) && Number.isNaN(none.ci[0]));
  });

  test('bad options are RangeErrors', () => {
    assert.throws(() => pairedBootstrap(0, () => 0, () => 0, 'higher'), RangeError);
    assert.throws(() => pairedBootstrap(5, () => 0, () => 0, 'higher', { resamples: 0 }), RangeError);
    assert.throws(() => pairedBootstrap(5, () => 0, () => 0, 'higher', { level: 1 }), RangeError);
  });
});
