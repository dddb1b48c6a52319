/**
 * Raw latency log ingestion: 10,000,000 lognormal samples, our streaming ingest next to numpy on the same file.
 * Each contender runs in its own process under `/usr/bin/time -v` (peak RSS); the in-process time covers
 * reading, parsing and the percentiles. Run: node --import tsx bench/latency-ingest.ts [--samples N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ingestLatencyFile } from '../src/gates/perf-gate/parsers/latency-log.js';

const PERCENTS = [50, 90, 95, 99, 99.9];
const TARGET_SECONDS = 2;
const TARGET_RSS_MB = 256;

interface Outcome {
  name: string;
  seconds: number;
  cpuSeconds: number;
  wallSeconds: number;
  rssMB: number;
  percentiles: number[];
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lognormal latencies in ms (median 5 ms, sigma 0.6), nanosecond resolution; written once and reused. */
export function latencyFile(samples: number): string {
  const dir = path.join(os.tmpdir(), 'shipgate-bench');
  const file = path.join(dir, `latency-${samples}.txt`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(42);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    const batch = 100_000;
    for (let done = 0; done < samples; done += batch) {
      const lines: string[] = [];
      for (let i = 0; i < Math.min(batch, samples - done); i++) {
        const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
        lines.push((5 * Math.exp(0.6 * z)).toFixed(6));
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return file;
}

function hasTimeV(): boolean {
  return existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
}

/** Runs a command that prints `{"seconds": s, "percentiles": [...]}` as its last line; adds wall time and peak RSS. */
function measure(name: string, cmd: string, args: string[]): Outcome {
  const timed = hasTimeV();
  const started = performance.now();
  const r = spawnSync(timed ? '/usr/bin/time' : cmd, timed ? ['-v', cmd, ...args] : args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const out = JSON.parse(last) as { seconds: number; cpuSeconds: number; percentiles: number[]; rssKB?: number };
  const rssLine = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const rssKB = rssLine ? Number(rssLine[1]) : (out.rssKB ?? NaN);
  return { name, seconds: out.seconds, cpuSeconds: out.cpuSeconds, wallSeconds, rssMB: rssKB / 1024, percentiles: out.percentiles };
}

function numpyPython(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

const NUMPY_SCRIPT = (load: string): string =>
  [
    'import json, sys, time, numpy as np',
    't, c = time.perf_counter(), time.process_time()',
    `a = ${load}`,
    `p = np.percentile(a, ${JSON.stringify(PERCENTS)})`,
    'print(json.dumps({"seconds": time.perf_counter() - t, "cpuSeconds": time.process_time() - c, "percentiles": [float(x) for x in p]}))',
  ].join('\n');

async function child(file: string): Promise<void> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const s = await ingestLatencyFile(file, { unit: 'ms' });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rssKB = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ seconds, cpuSeconds, rssKB, percentiles: [s.p50, s.p90, s.p95, s.p99, s.p999], count: s.count }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function main(argv: string[] = process.argv.slice(2)): void {
  const i = argv.indexOf('--samples');
  const samples = i >= 0 ? Number(argv[i + 1]) : 10_000_000;
  const file = latencyFile(samples);
  const self = fileURLToPath(import.meta.url);
  const mb = statSync(file).size / 2 ** 20;
  console.log(`latency ingest: ${samples.toLocaleString('en')} samples, ${mb.toFixed(0)} MiB, ${os.cpus().length} CPU(s), Node ${process.versions.node}`);

  const runs = [1, 2, 3].map(() => measure('shipgate ingestLatencyFile', process.execPath, ['--import', 'tsx', self, '--child', file]));
  const ours: Outcome = {
    ...runs[0]!,
    name: 'shipgate ingestLatencyFile (median of 3)',
    seconds: median(runs.map((r) => r.seconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    rssMB: Math.max(...runs.map((r) => r.rssMB)),
  };
  const rows: Outcome[] = [ours];
  const py = numpyPython();
  if (py === undefined) {
    console.log('numpy: not available (install python3-numpy); comparison skipped');
  } else {
    const version = execFileSync(py, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim();
    const quoted = JSON.stringify(file);
    rows.push(measure(`numpy ${version} fromfile(sep="\\n")`, py, ['-c', NUMPY_SCRIPT(`np.fromfile(${quoted}, sep="\\n")`)]));
    rows.push(measure(`numpy ${version} loadtxt`, py, ['-c', NUMPY_SCRIPT(`np.loadtxt(${quoted})`)]));
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`load average ${load}; "ingest+pctl" is wall time inside the process (CPU time beside it), "process" includes start-up`);
  console.log(`${'contender'.padEnd(width)}  ingest+pctl s  (cpu s)  process s  peak RSS MB  p50 / p99 / p99.9`);
  for (const r of rows) {
    const p = r.percentiles;
    console.log(
      `${r.name.padEnd(width)}  ${r.seconds.toFixed(3).padStart(12)}  ${r.cpuSeconds.toFixed(3).padStart(7)}  ${r.wallSeconds.toFixed(3).padStart(9)}  ${r.rssMB.toFixed(0).padStart(11)}  ${p[0]} / ${p[3]} / ${p[4]}`,
    );
  }
  for (const r of rows.slice(1)) {
    const same = r.percentiles.every((v, k) => Object.is(v, ours.percentiles[k]));
    console.log(`percentiles identical to ${r.name}: ${same ? 'yes' : 'NO'}`);
  }
  const ok = ours.seconds <= TARGET_SECONDS && ours.rssMB <= TARGET_RSS_MB;
  console.log(`target ≤ ${TARGET_SECONDS} s and ≤ ${TARGET_RSS_MB} MB peak RSS: ${ok ? 'met' : 'NOT met'}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const c = process.argv.indexOf('--child');
  if (c >= 0) await child(process.argv[c + 1]!);
  else main();
}
