import { performance } from 'node:perf_hooks';
import { GpuSampler, type GpuResult, type GpuRow, type GpuSeries } from './gpu-sampler.js';
import { DEFAULT_SLOW_COUNTERS_MS, HostSampler, type HostRow } from './host-sampler.js';

export interface TelemetryOptions {
  intervalMs: number;
  /** nvidia-smi to run (default `nvidia-smi` on PATH); false leaves GPUs out. */
  nvidiaSmi?: string | false;
  /** Stops sampling when aborted; `stop()` still returns the result. */
  signal?: AbortSignal;
  /** Record the busy share of each core as well. */
  perCore?: boolean;
  procRoot?: string;
  sysRoot?: string;
  /** See `HostSamplerOptions.slowCountersMs` (default 1000). */
  slowCountersMs?: number;
}

export interface SummaryMetric {
  metric: string;
  unit: string;
  mean: number;
  p95: number;
  max: number;
  samples: number;
}

export interface TelemetryResult {
  startedAt: string;
  endedAt: string;
  intervalMs: number;
  host: {
    available: boolean;
    reason?: string;
    /**
     * Set where swap, disk, network and load were read at most this often, less often than every tick: rows in
     * between carry their last values (`HostRow.carriedFrom`).
     */
    slowCountersMs?: number;
    series: HostRow[];
  };
  gpus: GpuSeries[];
  gpu: Omit<GpuResult, 'gpus'>;
  summary: SummaryMetric[];
}

export interface Telemetry {
  /** Ends sampling (idempotent) and returns everything recorded. */
  stop(): Promise<TelemetryResult>;
}

interface Column<R> {
  metric: string;
  unit: string;
  value: (row: R) => number | null;
  /** False where the row carries the value of an earlier one: summaries count each reading once. */
  readIn?: (row: R) => boolean;
}

const freshSlow = (r: HostRow) => r.carriedFrom === undefined;

const HOST_COLUMNS: Column<HostRow>[] = [
  { metric: 'cpu.utilization', unit: '%', value: (r) => r.cpuUtilization },
  { metric: 'memory.used', unit: 'MiB', value: (r) => r.memoryUsedMiB },
  { metric: 'memory.available', unit: 'MiB', value: (r) => r.memoryAvailableMiB },
  { metric: 'swap.in', unit: 'pages/s', value: (r) => r.swapInPerSec, readIn: freshSlow },
  { metric: 'swap.out', unit: 'pages/s', value: (r) => r.swapOutPerSec, readIn: freshSlow },
  { metric: 'disk.read', unit: 'B/s', value: (r) => r.diskReadBytesPerSec, readIn: freshSlow },
  { metric: 'disk.write', unit: 'B/s', value: (r) => r.diskWriteBytesPerSec, readIn: freshSlow },
  { metric: 'net.rx', unit: 'B/s', value: (r) => r.netRxBytesPerSec, readIn: freshSlow },
  { metric: 'net.tx', unit: 'B/s', value: (r) => r.netTxBytesPerSec, readIn: freshSlow },
  { metric: 'load.1', unit: 'load', value: (r) => r.load1, readIn: freshSlow },
  { metric: 'load.5', unit: 'load', value: (r) => r.load5, readIn: freshSlow },
  { metric: 'load.15', unit: 'load', value: (r) => r.load15, readIn: freshSlow },
];

/** How old the carried values of a row are (0 where read for it); a CSV column only where values are carried. */
const SLOW_AGE_COLUMN: Column<HostRow> = {
  metric: 'slow_counters.age',
  unit: 'ms',
  value: (r) => (r.carriedFrom === undefined ? 0 : r.time - r.carriedFrom),
};

/** nvidia-smi's lines carry their own timestamps, so reading them in batches loses nothing; this is how often. */
const GPU_POLL_MS = 1000;
/** How far off the tick grid the repeating timer may drift before it is re-aimed. */
const MAX_DRIFT_MS = 5;

function gpuColumns(gpu: GpuSeries): Column<GpuRow>[] {
  const p = `gpu${gpu.index}.`;
  // The ECC counter runs since the driver loaded; what matters is how many errors appeared during the run.
  const eccBase = gpu.series.find((r) => r.eccErrors !== null)?.eccErrors ?? null;
  return [
    { metric: `${p}utilization`, unit: '%', value: (r) => r.utilization },
    { metric: `${p}memory.used`, unit: 'MiB', value: (r) => r.memoryUsedMiB },
    { metric: `${p}power`, unit: 'W', value: (r) => r.powerW },
    { metric: `${p}temperature`, unit: '°C', value: (r) => r.temperatureC },
    { metric: `${p}clocks.sm`, unit: 'MHz', value: (r) => r.smClockMHz },
    {
      metric: `${p}throttled`,
      unit: '%',
      value: (r) => (r.throttleReasons === null ? null : r.throttleReasons.some((n) => n !== 'gpu_idle') ? 100 : 0),
    },
    { metric: `${p}ecc.errors`, unit: 'errors', value: (r) => (r.eccErrors === null || eccBase === null ? null : r.eccErrors - eccBase) },
  ];
}

/** Mean, 95th percentile (linear interpolation between closest ranks) and maximum; null for no values. */
export function summarize(values: readonly number[]): { mean: number; p95: number; max: number } | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const pos = 0.95 * (v.length - 1);
  const lo = Math.floor(pos);
  const a = v[lo] ?? 0;
  const b = v[Math.min(lo + 1, v.length - 1)] ?? a;
  return { mean: v.reduce((s, x) => s + x, 0) / v.length, p95: a + (b - a) * (pos - lo), max: v[v.length - 1] ?? 0 };
}

function summaryOf<R>(columns: Column<R>[], rows: R[]): SummaryMetric[] {
  const out: SummaryMetric[] = [];
  for (const c of columns) {
    const read = c.readIn ? rows.filter(c.readIn) : rows;
    const values = read.map(c.value).filter((x): x is number => x !== null);
    const s = summarize(values);
    if (s) out.push({ metric: c.metric, unit: c.unit, ...s, samples: values.length });
  }
  return out;
}

/**
 * Samples host counters, and collects what the one long-lived nvidia-smi wrote, on a timer kept to absolute ticks
 * (start + k × interval, within a few ms, so lateness never accumulates). The timer is unref'd: telemetry never keeps
 * the process alive.
 * Below one second per tick, what changes slowly or arrives timestamped is read about once a second: swap, disk,
 * network and load are carried forward in the rows in between (marked), nvidia-smi's lines are collected in batches.
 */
export function startTelemetry(opts: TelemetryOptions): Telemetry {
  const intervalMs = Math.max(1, opts.intervalMs);
  const startedAt = Date.now();
  const t0 = performance.now();
  const slowCountersMs = Math.max(0, opts.slowCountersMs ?? DEFAULT_SLOW_COUNTERS_MS);
  const host = new HostSampler({ perCore: opts.perCore, procRoot: opts.procRoot, sysRoot: opts.sysRoot, slowCountersMs });
  const gpu = opts.nvidiaSmi === false ? null : new GpuSampler({ intervalMs, nvidiaSmi: opts.nvidiaSmi });
  const rows: HostRow[] = [];
  let lastSampleAt = t0;
  let lastGpuPoll = t0;
  let timer: NodeJS.Timeout | undefined;
  let result: Promise<TelemetryResult> | undefined;

  // A repeating timer costs less per tick than a new one-shot timer each tick; it drifts later by a fraction of a
  // millisecond per tick, so once off the grid by more than `driftMs` it is re-aimed.
  const driftMs = Math.min(MAX_DRIFT_MS, intervalMs / 20);
  const aim = () => {
    clearTimeout(timer);
    const now = performance.now();
    // The next grid point after the one nearest to now: a late tick takes its nearest slot and the following one
    // keeps at least half an interval away, so every row maps to its own tick.
    const next = t0 + (Math.round((now - t0) / intervalMs) + 1) * intervalMs;
    timer = setTimeout(() => {
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    }, next - now);
    timer.unref();
  };
  const take = (now: number) => {
    const row = host.sample();
    lastSampleAt = now;
    if (row) rows.push(row);
  };
  const tick = () => {
    const now = performance.now();
    if (host.available) take(now);
    if (gpu && now - lastGpuPoll >= GPU_POLL_MS - intervalMs / 2) {
      gpu.poll();
      lastGpuPoll = now;
    }
    const off = now - t0 - Math.round((now - t0) / intervalMs) * intervalMs;
    if (Math.abs(off) > driftMs) aim();
  };
  if (host.available || gpu) aim();

  const finish = async (): Promise<TelemetryResult> => {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    // The last partial interval is kept when it maps to a tick of its own, or when there is no row at all and it is
    // long enough for the CPU counters (10 ms ticks) to mean something.
    const now = performance.now();
    const ownTick = Math.round((now - t0) / intervalMs) > Math.round((lastSampleAt - t0) / intervalMs);
    if (host.available && (ownTick || (rows.length === 0 && now - lastSampleAt >= 50))) take(now);
    host.close();
    const g: GpuResult = gpu ? await gpu.stop() : { available: false, reason: 'GPU telemetry turned off', gpus: [] };
    const { gpus, ...gpuStatus } = g;
    return {
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date().toISOString(),
      intervalMs,
      host: {
        available: host.available,
        ...(host.reason ? { reason: host.reason } : {}),
        ...(host.available && slowCountersMs > intervalMs ? { slowCountersMs } : {}),
        series: rows,
      },
      gpus,
      gpu: gpuStatus,
      summary: [...summaryOf(HOST_COLUMNS, rows), ...gpus.flatMap((s) => summaryOf(gpuColumns(s), s.series))],
    };
  };
  const stop = () => (result ??= finish());
  const onAbort = () => void stop();
  if (opts.signal?.aborted) void stop();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  return { stop };
}

function cell(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '';
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The time series as CSV for the artifact: one row per sampling tick (start + k × interval), host and every GPU
 * side by side; a GPU reading goes to the nearest tick. Empty cells where nothing was read. Where swap, disk, network
 * and load were read less often than every tick, `slow_counters.age [ms]` says how old they are on each row.
 */
export function toCsv(result: TelemetryResult): string {
  const start = Date.parse(result.startedAt);
  const slot = (t: number) => Math.round((t - start) / result.intervalMs);
  const hostBySlot = new Map<number, HostRow>();
  for (const r of result.host.series) hostBySlot.set(slot(r.time), r);
  const gpuBySlot = result.gpus.map((g) => {
    const m = new Map<number, GpuRow>();
    for (const r of g.series) m.set(slot(r.time), r);
    return m;
  });
  const slots = [...new Set([...hostBySlot.keys(), ...gpuBySlot.flatMap((m) => [...m.keys()])])].sort((a, b) => a - b);
  const cores = Math.max(0, ...result.host.series.map((r) => r.cpuCores?.length ?? 0));
  const hostCols = !result.host.series.length ? [] : result.host.slowCountersMs ? [...HOST_COLUMNS, SLOW_AGE_COLUMN] : HOST_COLUMNS;
  const gpuCols = result.gpus.map(gpuColumns);

  const header = ['time', 'elapsed [s]', ...hostCols.map((c) => `${c.metric} [${c.unit}]`)];
  for (let i = 0; i < cores; i++) header.push(`cpu${i}.utilization [%]`);
  result.gpus.forEach((g, gi) => {
    header.push(...(gpuCols[gi] ?? []).map((c) => `${c.metric} [${c.unit}]`), `gpu${g.index}.throttle_reasons`);
  });

  const lines = [header.map(cell).join(',')];
  for (const k of slots) {
    const t = start + k * result.intervalMs;
    const h = hostBySlot.get(k);
    const row: (number | string | null | undefined)[] = [new Date(t).toISOString(), (t - start) / 1000];
    for (const c of hostCols) row.push(h ? c.value(h) : null);
    for (let i = 0; i < cores; i++) row.push(h?.cpuCores?.[i]);
    gpuBySlot.forEach((m, gi) => {
      const r = m.get(k);
      for (const c of gpuCols[gi] ?? []) row.push(r ? c.value(r) : null);
      row.push(r?.throttleReasons?.join('|'));
    });
    lines.push(row.map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
