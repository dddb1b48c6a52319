/**
 * model-validate metrics:
 * 1. 1,000,000 binary predictions: roc_auc, average_precision and f1_macro together, ours next to scikit-learn
 *    (Debian's python3-sklearn) on the same arrays; both exclude loading the file (median of 3 runs each).
 * 2. Peak RSS and time of reading 10,000,000 rows of predictions from CSV.gz and computing every metric, in a
 *    process of its own under /usr/bin/time -v.
 * Run: node --import tsx bench/model-metrics.ts [--rows N] [--big-rows N]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { classificationMetrics, binaryRankMetrics } from '../src/gates/model-validate/metrics/classification.js';
import type { ClassificationData } from '../src/gates/model-validate/types.js';
import { mulberry32 } from './latency-ingest.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Labels with 30% positives; scores of a fair model rounded to 6 decimals (so ties exist, as in real output). */
function dataset(n: number, seed: number): { y: Uint8Array; s: Float64Array; pred: Uint8Array } {
  const r = mulberry32(seed);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  const pred = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.3 ? 1 : 0;
    const z = (y[i] ? 0.8 : -0.8) + Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    s[i] = Number((1 / (1 + Math.exp(-z))).toFixed(6));
    pred[i] = s[i]! >= 0.5 ? 1 : 0;
  }
  return { y, s, pred };
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[a.length >> 1]!;
}

const py = '/usr/bin/python3';
const hasSklearn = existsSync(py) && spawnSync(py, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;

// ---- 1. speed on 1M rows
const rows = arg('--rows', 1_000_000);
const { y, s, pred } = dataset(rows, 1);
const data: ClassificationData = { kind: 'binary', labels: ['0', '1'], yTrue: Int32Array.from(y), yPred: Int32Array.from(pred), positive: 1 };
const ours: number[] = [];
let values: number[] = [];
for (let rep = 0; rep < 3; rep++) {
  const t = performance.now();
  const rank = binaryRankMetrics(y, s);
  const f1 = classificationMetrics(data).metrics.f1_macro!.value;
  ours.push((performance.now() - t) / 1000);
  values = [rank.rocAuc.value, rank.averagePrecision.value, f1];
}
console.log(`model metrics: ${rows.toLocaleString('en')} binary rows, ${os.cpus().length} CPU(s), Node ${process.versions.node}`);
console.log('contender                                   roc_auc+AP+f1_macro s  roc_auc / average_precision / f1_macro');
console.log(`shipgate (median of 3)                      ${median(ours).toFixed(3).padStart(20)}  ${values.map((v) => v.toFixed(12)).join(' / ')}`);
if (hasSklearn) {
  const dir = path.join(os.tmpdir(), 'shipgate-bench');
  mkdirSync(dir, { recursive: true });
  const yFile = path.join(dir, `mv-y-${rows}.bin`);
  const sFile = path.join(dir, `mv-s-${rows}.bin`);
  const pFile = path.join(dir, `mv-p-${rows}.bin`);
  writeFileSync(yFile, y);
  writeFileSync(sFile, new Uint8Array(s.buffer));
  writeFileSync(pFile, pred);
  const script = `
import numpy as np, sys, time, sklearn
from sklearn.metrics import roc_auc_score, average_precision_score, f1_score
y = np.fromfile(sys.argv[1], dtype=np.uint8).astype(np.int64); s = np.fromfile(sys.argv[2], dtype=np.float64); p = np.fromfile(sys.argv[3], dtype=np.uint8).astype(np.int64)
ts = []
for _ in range(3):
    t = time.perf_counter(); a = roc_auc_score(y, s); ap = average_precision_score(y, s); f = f1_score(y, p, average='macro'); ts.append(time.perf_counter() - t)
print(sklearn.__version__, sorted(ts)[1], repr(a), repr(ap), repr(f))
`;
  const r = spawnSync(py, ['-c', script, yFile, sFile, pFile], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`scikit-learn failed: ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
  else {
    const [version, secs, a, ap, f] = r.stdout.trim().split(/\s+/);
    const theirs = [Number(a), Number(ap), Number(f)];
    console.log(`scikit-learn ${version} (median of 3)          ${Number(secs).toFixed(3).padStart(20)}  ${theirs.map((v) => v.toFixed(12)).join(' / ')}`);
    const diff = Math.max(...theirs.map((v, i) => Math.abs(v - values[i]!)));
    console.log(`largest difference from scikit-learn: ${diff.toExponential(2)}; ours ${(Number(secs) / median(ours)).toFixed(1)}× as fast (target: no slower)`);
  }
} else console.log('scikit-learn: not installed (apt-get install python3-sklearn); no comparison');

// ---- 2. memory for 10M rows from CSV.gz
const bigRows = arg('--big-rows', 10_000_000);
const gz = path.join(os.tmpdir(), 'shipgate-bench', `predictions-${bigRows}.csv.gz`);
if (!existsSync(gz)) {
  mkdirSync(path.dirname(gz), { recursive: true });
  const tmp = `${gz}.part`;
  const out = createGzip({ level: 1 });
  const done = new Promise<void>((resolve, reject) => out.pipe(createWriteStream(tmp)).on('finish', resolve).on('error', reject));
  const big = mulberry32(2);
  out.write('label,prediction,score\n');
  const CHUNK = 100_000;
  for (let start = 0; start < bigRows; start += CHUNK) {
    let text = '';
    for (let i = start; i < Math.min(bigRows, start + CHUNK); i++) {
      const yy = big() < 0.3 ? 1 : 0;
      const z = (yy ? 0.8 : -0.8) + Math.sqrt(-2 * Math.log(1 - big())) * Math.cos(2 * Math.PI * big());
      const p = 1 / (1 + Math.exp(-z));
      text += `${yy},${p >= 0.5 ? 1 : 0},${p.toFixed(6)}\n`;
    }
    if (!out.write(text)) await new Promise((r) => out.once('drain', r));
  }
  out.end();
  await done;
  renameSync(tmp, gz);
}
const child = `
import { readPredictions } from ${JSON.stringify(pathToFileURL(path.join(here, '../src/gates/model-validate/predictions.ts')).href)};
import { classificationMetrics } from ${JSON.stringify(pathToFileURL(path.join(here, '../src/gates/model-validate/metrics/classification.ts')).href)};
const t = performance.now();
const { data, rows } = await readPredictions(process.argv[1], { labelColumn: 'label', predictionColumn: 'prediction', scoreColumns: 'score', sumTolerance: 1e-6, positiveLabel: '1' });
const read = (performance.now() - t) / 1000;
const m = classificationMetrics(data).metrics;
console.log(JSON.stringify({ rows, read, total: (performance.now() - t) / 1000, auc: m.roc_auc.value }));
`;
const timed = existsSync('/usr/bin/time');
const r = spawnSync(timed ? '/usr/bin/time' : process.execPath, [...(timed ? ['-v', process.execPath] : []), '--import', 'tsx', '--input-type=module', '-e', child, gz], { encoding: 'utf8', cwd: path.join(here, '..') });
if (r.status !== 0) console.log(`10M-row run failed: ${r.stderr.split('\n').slice(-5).join('\n')}`);
else {
  const o = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { rows: number; read: number; total: number; auc: number };
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  console.log(`\n${o.rows.toLocaleString('en')} rows from CSV.gz: read ${o.read.toFixed(1)} s, read + every metric ${o.total.toFixed(1)} s, peak RSS ${rss ? `${(Number(rss) / 1024).toFixed(0)} MB` : 'unknown (no /usr/bin/time)'}; roc_auc ${o.auc.toFixed(6)}`);
}
