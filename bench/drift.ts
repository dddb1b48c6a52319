/**
 * Drift on a large table: 100 000 reference and 100 000 current rows × 20 numeric columns, half of them shifted by
 * 0.2 standard deviations. Target: each method set under 1 s on the 2-core CI machine (median of 3).
 * Run: node --import tsx bench/drift.ts
 */
import { driftColumns, type DriftOptions } from '../src/gates/model-validate/drift.js';
import type { FeatureColumn, FeatureTable } from '../src/gates/model-validate/types.js';
import { mulberry32 } from './latency-ingest.js';

const ROWS = 100_000;
const COLUMNS = 20;
const r = mulberry32(12345);
const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const column = (name: string, shift: number): FeatureColumn => {
  const values = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) values[i] = gauss() + shift;
  return { name, kind: 'numeric', values, missing: 0 };
};
const names = Array.from({ length: COLUMNS }, (_, i) => `f${i}`);
const table = (file: string, shifted: boolean): FeatureTable => ({ file, rows: ROWS, columns: names.map((n, i) => column(n, shifted && i % 2 ? 0.2 : 0)) });
const ref = table('reference.csv', false);
const cur = table('current.csv', true);

const runs: [string, DriftOptions][] = [['auto (Wasserstein above 1,000 rows)', {}], ['ks', { methods: ['ks'] }], ['all', { methods: 'all' }]];
for (const [label, opts] of runs) {
  const times: number[] = [];
  let drifted = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    drifted = driftColumns(ref, cur, opts).drifted.length;
    times.push(performance.now() - t);
  }
  const median = [...times].sort((a, b) => a - b)[1] ?? NaN;
  console.log(`drift ${ROWS.toLocaleString('en')} × ${COLUMNS} columns, ${label}: ${median.toFixed(0)} ms (median of 3; target < 1000 ms), ${drifted} drifted`);
}
