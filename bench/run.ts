/**
 * npm run bench: the platform's tracked numbers. Each gate adds its own benchmarks here.
 * - dist size (bundle + per-action entries)
 * - rendering a report far larger than GitHub's limits into the comment, check-run and summary budgets
 * - cold start of the bundled CLI (`shipgate --help`) on this Node
 * then the gates' own benchmarks, each in its own process (bench/<name>.ts). `npm run bench -- NAME…` runs only
 * those (platform, perf-verdicts, latency-ingest, telemetry, model-metrics, drift).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/core/report/model.js';
import { renderCheckOutput } from '../src/core/report/render-check.js';
import { renderComment, renderSummary } from '../src/core/report/render-markdown.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function distSize(): { files: number; bytes: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(path.join(root, 'dist'), { recursive: true })) {
    const s = statSync(path.join(root, 'dist', String(f)));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { files, bytes };
}

function bigReport(rows: number): Report {
  return {
    schemaVersion: 1,
    gate: 'perf-gate',
    name: 'bench',
    verdict: 'fail',
    summary: `${rows} benchmarks`,
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    runner: { os: 'linux', arch: 'x64' },
    git: {},
    findings: Array.from({ length: 500 }, (_, i) => ({ id: `f${i}`, title: `bench ${i}`, severity: 'high', status: 'fail', message: 'regressed', location: { file: 'bench.json', line: i + 1 } })),
    details: {},
    sections: [
      {
        id: 'results',
        title: 'Results',
        importance: 'essential',
        blocks: [{ type: 'table', columns: ['benchmark', 'baseline', 'current', 'change'], rows: Array.from({ length: rows }, (_, i) => ({ cells: [`bench|${i}`, '1.00 ms', '1.10 ms', '+10%'], status: i % 20 === 0 ? 'fail' : 'pass' })) }],
      },
      { id: 'log', title: 'Log', importance: 'detail', blocks: [{ type: 'code', text: 'line\n'.repeat(500_000) }] },
    ],
  };
}

function time<T>(fn: () => T, reps = 5): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value };
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const rows: [string, string][] = [];
const d = distSize();
rows.push(['dist size', `${(d.bytes / 1024).toFixed(0)} KiB in ${d.files} files`]);

const report = bigReport(50_000);
const comment = time(() => renderComment(report, { marker: '<!-- m -->', artifactUrl: 'https://example.invalid/a' }));
rows.push(['render comment, 50k rows + 2.5 MB log', `${comment.ms.toFixed(1)} ms → ${comment.value.length} chars (limit 65,536)`]);
const check = time(() => renderCheckOutput(report, {}));
rows.push(['render check output', `${check.ms.toFixed(1)} ms → summary ${Buffer.byteLength(check.value.summary)} B, text ${Buffer.byteLength(check.value.text ?? '')} B`]);
const summary = time(() => renderSummary(report, {}));
rows.push(['render job summary', `${summary.ms.toFixed(1)} ms → ${Buffer.byteLength(summary.value)} B (limit 1 MiB)`]);

const cold = time(() => execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--help'], { stdio: 'ignore' }), 5);
rows.push(['CLI cold start (--help), best of 5', `${cold.ms.toFixed(0)} ms`]);

if (wanted('platform')) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`shipgate bench on Node ${process.versions.node}, ${process.platform}/${process.arch}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

for (const name of ['perf-verdicts', 'latency-ingest', 'telemetry', 'model-metrics', 'drift']) {
  if (!wanted(name)) continue;
  console.log(`\n== ${name}`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', `${name}.ts`)], { stdio: 'inherit', cwd: root });
}
