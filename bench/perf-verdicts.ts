/**
 * Verdict quality of perf-gate's decision rule on generated suites, beside two textbook rules:
 * - Bonferroni-corrected one-sided Welch t-test on log times (the power limit for clean lognormal noise);
 * - Holm-corrected one-sided exact Mann–Whitney U (robust to spikes).
 * Each run: 200 benchmarks × 10 repetitions per side, lognormal noise with CV 1/2/5/10 %, 64 of them slowed
 * by 5/10/20/50 % (4 per slowdown × CV cell); an A/A run with nothing slowed beside it. Variant "spikes"
 * multiplies each value by 3 with probability 5 %. Also times judgeFamily on 200 × 10 vs 200 × 10.
 *
 * node --import tsx bench/perf-verdicts.ts [seeds] [threshold]   (defaults 40 and 0.02)
 */
import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '../src/core/stats/bootstrap.js';
import { judgeFamily, type JudgeOptions } from '../src/core/stats/judge.js';
import { bonferroni, holm, mannWhitneyU, welchT } from '../src/core/stats/tests.js';

const BENCHMARKS = 200;
const REPS = 10;
const CVS = [0.01, 0.02, 0.05, 0.1];
const SLOWDOWNS = [0.05, 0.1, 0.2, 0.5];
const PER_CELL = 4;
const SPIKE_P = 0.05;
const SPIKE_FACTOR = 3;
const ALPHA = 0.05;

const METHODS = ['ours', 'welch', 'mwu'] as const;
type Method = (typeof METHODS)[number];
const LABEL: Record<Method, string> = { ours: 'perf-gate rule', welch: 'Welch t, log, Bonferroni', mwu: 'exact MWU, Holm' };

interface Suite {
  baseline: number[][];
  current: number[][];
  /** Slowdown of each benchmark (0 = unchanged) and its CV. */
  slowdown: number[];
  cv: number[];
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function generate(rng: Rng, spikes: boolean, slowed: boolean): Suite {
  const suite: Suite = { baseline: [], current: [], slowdown: [], cv: [] };
  for (let i = 0; i < BENCHMARKS; i++) {
    const cv = CVS[i % CVS.length] as number;
    // Within each CV group the first PER_CELL × |SLOWDOWNS| benchmarks are slowed.
    const rank = Math.floor(i / CVS.length);
    const slowdown = slowed && rank < PER_CELL * SLOWDOWNS.length ? (SLOWDOWNS[Math.floor(rank / PER_CELL)] as number) : 0;
    const sigma = Math.sqrt(Math.log(1 + cv * cv));
    const scale = 10 ** (rng.next() * 4 - 1);
    const draw = (factor: number): number[] =>
      Array.from({ length: REPS }, () => scale * factor * Math.exp(sigma * normal(rng)) * (spikes && rng.next() < SPIKE_P ? SPIKE_FACTOR : 1));
    suite.baseline.push(draw(1));
    suite.current.push(draw(1 + slowdown));
    suite.slowdown.push(slowdown);
    suite.cv.push(cv);
  }
  return suite;
}

function flagged(method: Method, s: Suite, seed: number, threshold: number): boolean[] {
  if (method === 'ours') {
    const options: JudgeOptions = { direction: 'lower', threshold, alpha: ALPHA, seed };
    return judgeFamily(s.baseline.map((b, i) => ({ baseline: b, current: s.current[i] as number[], options }))).map((j) => j.verdict === 'regression');
  }
  if (method === 'welch') {
    const p = s.baseline.map((b, i) => welchT((s.current[i] as number[]).map(Math.log), b.map(Math.log), 'greater').pValue);
    return bonferroni(p).map((x) => x < ALPHA);
  }
  const p = s.baseline.map((b, i) => mannWhitneyU(s.current[i] as number[], b, 'greater').pValue);
  return holm(p).map((x) => x < ALPHA);
}

export interface VariantResult {
  variant: 'clean' | 'spikes';
  runs: number;
  /** Share of A/A runs and of mixed runs with at least one false regression, per method. */
  falseRunsAA: Record<Method, number>;
  falseRunsMixed: Record<Method, number>;
  /** detection[method][slowdownIndex][cvIndex] in [0, 1]. */
  detection: Record<Method, number[][]>;
}

export interface BenchResult {
  seeds: number;
  /** Practical threshold given to the perf-gate rule. */
  threshold: number;
  variants: VariantResult[];
  /** judgeFamily on 200 × 10 vs 200 × 10, bootstrap 2000: first call and best of 5, ms. */
  judgeMs: { first: number; best: number };
}

const perMethod = <T>(f: (m: Method) => T): Record<Method, T> => ({ ours: f('ours'), welch: f('welch'), mwu: f('mwu') });

function runVariant(variant: 'clean' | 'spikes', seeds: number, threshold: number): VariantResult {
  const aa = perMethod(() => 0);
  const mixed = perMethod(() => 0);
  const hits = perMethod(() => SLOWDOWNS.map(() => CVS.map(() => 0)));
  for (let seed = 1; seed <= seeds; seed++) {
    const rng = createRng(seed * 7919 + (variant === 'spikes' ? 1 : 0));
    const nulls = generate(rng, variant === 'spikes', false);
    const suite = generate(rng, variant === 'spikes', true);
    for (const m of METHODS) {
      if (flagged(m, nulls, seed, threshold).some(Boolean)) aa[m]++;
      const f = flagged(m, suite, seed, threshold);
      if (f.some((x, i) => x && suite.slowdown[i] === 0)) mixed[m]++;
      for (const [i, x] of f.entries()) {
        const s = SLOWDOWNS.indexOf(suite.slowdown[i] as number);
        if (x && s >= 0) (hits[m][s] as number[])[CVS.indexOf(suite.cv[i] as number)]! += 1;
      }
    }
  }
  const cellRuns = seeds * PER_CELL;
  return {
    variant,
    runs: seeds,
    falseRunsAA: perMethod((m) => aa[m] / seeds),
    falseRunsMixed: perMethod((m) => mixed[m] / seeds),
    detection: perMethod((m) => hits[m].map((row) => row.map((h) => h / cellRuns))),
  };
}

function timeJudge(threshold: number): { first: number; best: number } {
  const s = generate(createRng(42), false, true);
  const options: JudgeOptions = { direction: 'lower', threshold };
  const items = s.baseline.map((b, i) => ({ baseline: b, current: s.current[i] as number[], options }));
  const times: number[] = [];
  for (let r = 0; r < 6; r++) {
    const t = performance.now();
    judgeFamily(items);
    times.push(performance.now() - t);
  }
  return { first: times[0] as number, best: Math.min(...times.slice(1)) };
}

const pc = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function format(r: BenchResult): string {
  const lines = [
    `perf verdicts: ${BENCHMARKS} benchmarks × ${REPS} reps/side, ${r.seeds} seeds × (A/A run + run with ${PER_CELL * SLOWDOWNS.length * CVS.length} slowed), threshold ${pc(r.threshold)}, alpha ${ALPHA}`,
  ];
  for (const v of r.variants) {
    lines.push('', `${v.variant === 'clean' ? 'clean lognormal noise' : `with ${pc(SPIKE_P)} random ${SPIKE_FACTOR}× spikes`}`);
    lines.push(`  runs with any false regression (A/A | mixed):`);
    for (const m of METHODS) lines.push(`    ${LABEL[m].padEnd(26)} ${pc(v.falseRunsAA[m]).padStart(6)} | ${pc(v.falseRunsMixed[m]).padStart(6)}`);
    lines.push(`  detection, ours / Welch / MWU (${v.runs * PER_CELL} slowed benchmarks per cell):`);
    lines.push(`    slowdown ${CVS.map((c) => `CV ${pc(c)}`.padEnd(20)).join('')}`);
    for (const [s, slow] of SLOWDOWNS.entries()) {
      const cells = CVS.map((_, c) => METHODS.map((m) => (v.detection[m][s]?.[c] ?? 0) * 100).map((x) => x.toFixed(1)).join('/').padEnd(20));
      lines.push(`    ${pc(slow).padEnd(8)} ${cells.join('')}`);
    }
  }
  lines.push('', `judgeFamily 200×10 vs 200×10, bootstrap 2000: ${r.judgeMs.first.toFixed(0)} ms first call, ${r.judgeMs.best.toFixed(0)} ms best of 5`);
  return lines.join('\n');
}

export function main(seeds = 40, threshold = 0.02): BenchResult {
  const result: BenchResult = {
    seeds,
    threshold,
    variants: [runVariant('clean', seeds, threshold), runVariant('spikes', seeds, threshold)],
    judgeMs: timeJudge(threshold),
  };
  console.log(format(result));
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seeds = Number(process.argv[2] ?? 40);
  const threshold = Number(process.argv[3] ?? 0.02);
  main(Number.isInteger(seeds) && seeds > 0 ? seeds : 40, threshold >= 0 ? threshold : 0.02);
}
