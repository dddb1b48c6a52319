/**
 * Cost of telemetry to the process that runs it: CPU seconds of this process per wall second, as % of one core,
 * while sampling host counters and reading a two-GPU nvidia-smi stream (the stand-in by default; its own CPU time is
 * another process's and is not counted). Target ≤ 0.5% at 1 Hz and at 10 Hz.
 *   node --import tsx bench/telemetry.ts [--nvidia-smi=PATH] [--seconds-1hz=20] [--seconds-10hz=10]
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTelemetry } from '../src/core/telemetry/sampler.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAND_IN = path.join(root, 'test/fixtures/nvidia-smi/nvidia-smi');
const TARGET_PERCENT = 0.5;

export interface TelemetryCost {
  hz: number;
  seconds: number;
  hostRows: number;
  gpuRows: number;
  cpuSeconds: number;
  /** CPU seconds per wall second × 100: % of one core. */
  percentOfCore: number;
  /** The same for a timer that does nothing at the same rate: the floor any sampler at this rate pays here. */
  emptyTimerPercentOfCore: number;
}

async function emptyTimerPercent(hz: number, seconds: number): Promise<number> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const timer = setInterval(() => undefined, 1000 / hz);
  await sleep(seconds * 1000);
  clearInterval(timer);
  const cpu = process.cpuUsage(cpu0);
  return ((cpu.user + cpu.system) / 1e6 / ((performance.now() - wall0) / 1000)) * 100;
}

export async function measure(hz: number, seconds: number, nvidiaSmi: string): Promise<TelemetryCost> {
  // The idle event loop of this process costs next to nothing, so everything counted is the sampler's.
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const t = startTelemetry({ intervalMs: 1000 / hz, nvidiaSmi });
  await sleep(seconds * 1000);
  const r = await t.stop();
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - wall0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    hz,
    seconds: wall,
    hostRows: r.host.series.length,
    gpuRows: r.gpus.reduce((n, g) => n + g.series.length, 0),
    cpuSeconds,
    percentOfCore: (cpuSeconds / wall) * 100,
    emptyTimerPercentOfCore: await emptyTimerPercent(hz, Math.min(seconds, 5)),
  };
}

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export async function main(): Promise<TelemetryCost[]> {
  const nvidiaSmi = arg('nvidia-smi') ?? STAND_IN;
  const runs: [number, number][] = [
    [1, Number(arg('seconds-1hz') ?? 20)],
    [10, Number(arg('seconds-10hz') ?? 10)],
  ];
  // A short warm-up so module loading and JIT are not charged to the first run.
  await measure(10, 1, nvidiaSmi);
  const results: TelemetryCost[] = [];
  console.log(`telemetry sampler cost on Node ${process.versions.node}, ${process.platform}/${process.arch}, nvidia-smi: ${nvidiaSmi}`);
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs`);
  for (const [hz, seconds] of runs) {
    const c = await measure(hz, seconds, nvidiaSmi);
    results.push(c);
    const verdict = c.percentOfCore <= TARGET_PERCENT ? 'within' : 'OVER';
    console.log(
      `${String(hz).padStart(2)} Hz over ${c.seconds.toFixed(1)} s: ${(c.cpuSeconds * 1000).toFixed(1)} ms CPU = ${c.percentOfCore.toFixed(3)}% of one core ` +
        `(${verdict} the ${TARGET_PERCENT}% target; ${c.hostRows} host rows, ${c.gpuRows} GPU rows; ` +
        `an empty ${hz} Hz timer alone: ${c.emptyTimerPercentOfCore.toFixed(3)}%)`,
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
