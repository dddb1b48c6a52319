import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Fields asked of nvidia-smi, in this order; every output line carries them for one GPU. */
export const GPU_QUERY_FIELDS = [
  'timestamp',
  'index',
  'name',
  'utilization.gpu',
  'memory.used',
  'memory.total',
  'power.draw',
  'temperature.gpu',
  'clocks.sm',
  'clocks_throttle_reasons.active',
  'ecc.errors.uncorrected.volatile.total',
] as const;

/** NVML clock throttle (clock event) reason bits, named as nvidia-smi's `clocks_throttle_reasons.*` fields. */
export const THROTTLE_REASONS: readonly [bit: bigint, name: string][] = [
  [0x1n, 'gpu_idle'],
  [0x2n, 'applications_clocks_setting'],
  [0x4n, 'sw_power_cap'],
  [0x8n, 'hw_slowdown'],
  [0x10n, 'sync_boost'],
  [0x20n, 'sw_thermal_slowdown'],
  [0x40n, 'hw_thermal_slowdown'],
  [0x80n, 'hw_power_brake_slowdown'],
  [0x100n, 'display_clock_setting'],
];

export interface GpuRow {
  /** Epoch milliseconds (nvidia-smi's local timestamp; the arrival time where it cannot be read). */
  time: number;
  index: number;
  name: string;
  utilization: number | null;
  memoryUsedMiB: number | null;
  memoryTotalMiB: number | null;
  powerW: number | null;
  temperatureC: number | null;
  smClockMHz: number | null;
  /** Decoded throttle reasons; null when nvidia-smi reports none ("[N/A]", "[Not Supported]"). */
  throttleReasons: string[] | null;
  /** Uncorrected volatile ECC errors since the driver loaded. */
  eccErrors: number | null;
}

export interface GpuSeries {
  index: number;
  name: string;
  memoryTotalMiB: number | null;
  series: GpuRow[];
}

export interface GpuResult {
  available: boolean;
  /** Why there is no GPU telemetry, or why it ended early. */
  reason?: string;
  /** Set when nvidia-smi exited by itself while sampling. */
  exitedEarly?: { at: number; code: number | null; signal: string | null; stderr: string };
  gpus: GpuSeries[];
}

export interface GpuSamplerOptions {
  intervalMs: number;
  /** Path or name of nvidia-smi (default: `nvidia-smi` on PATH). */
  nvidiaSmi?: string;
}

/** Names of the set bits of a `0x…` throttle mask; unknown bits as `bit_0x…`. Null when the field holds no mask. */
export function decodeThrottleReasons(mask: string): string[] | null {
  // A run sees a handful of distinct masks, each on many lines.
  const known = decoded.get(mask);
  if (known !== undefined) return known && [...known];
  const names = decodeMask(mask);
  if (decoded.size >= DECODED_KEEP) decoded.clear();
  decoded.set(mask, names && [...names]);
  return names;
}

const DECODED_KEEP = 64;
const decoded = new Map<string, string[] | null>();

function decodeMask(mask: string): string[] | null {
  if (!/^0x[0-9a-f]+$/i.test(mask)) return null;
  let rest = BigInt(mask);
  const names: string[] = [];
  for (const [bit, name] of THROTTLE_REASONS) {
    if (rest & bit) names.push(name);
    rest &= ~bit;
  }
  for (let bit = 1n; rest; bit <<= 1n) {
    if (rest & bit) names.push(`bit_0x${bit.toString(16)}`);
    rest &= ~bit;
  }
  return names;
}

/** A number, or null for "[N/A]", "[Not Supported]", "[Unknown Error]" and anything else that is not one. */
function num(field: string | undefined): number | null {
  if (field === undefined || field === '' || field.startsWith('[')) return null;
  const n = Number(field);
  return Number.isFinite(n) ? n : null;
}

const TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
/** The last whole second converted from local time: the lines of one reading, and readings within a second, share it. */
let lastSecond = '';
let lastSecondAt = NaN;

/** nvidia-smi prints local time as `YYYY/MM/DD HH:MM:SS.mmm`. */
function parseTimestamp(field: string | undefined): number | null {
  const m = field === undefined ? null : TIMESTAMP.exec(field);
  if (!m) return null;
  const second = m.input.slice(0, 19);
  if (second !== lastSecond) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    lastSecondAt = new Date(y, mo - 1, d, h, mi, s).getTime();
    lastSecond = second;
  }
  const t = lastSecondAt + Number((m[7] ?? '0').padEnd(3, '0'));
  return Number.isFinite(t) ? t : null;
}

/** One `--format=csv,noheader,nounits` line of GPU_QUERY_FIELDS; null when it is not such a line. */
export function parseGpuLine(line: string, arrivedAt = Date.now()): GpuRow | null {
  // GPU names hold no commas; nvidia-smi separates fields with ", ".
  const f = line.split(',').map((s) => s.trim());
  if (f.length !== GPU_QUERY_FIELDS.length) return null;
  const index = num(f[1]);
  if (index === null || !Number.isInteger(index)) return null;
  return {
    time: parseTimestamp(f[0]) ?? arrivedAt,
    index,
    name: f[2] ?? '',
    utilization: num(f[3]),
    memoryUsedMiB: num(f[4]),
    memoryTotalMiB: num(f[5]),
    powerW: num(f[6]),
    temperatureC: num(f[7]),
    smClockMHz: num(f[8]),
    throttleReasons: decodeThrottleReasons(f[9] ?? ''),
    eccErrors: num(f[10]),
  };
}

const STDERR_KEEP = 2000;

/** The first `chars` characters of a UTF-8 file; empty where it cannot be read. */
function headOf(file: string, chars: number): string {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.allocUnsafe(chars * 4);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0)).slice(0, chars);
  } catch {
    return '';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

const KILL_GRACE_MS = 2000;

/**
 * Per-GPU readings from ONE long-lived `nvidia-smi --query-gpu=… -lms N` process. Its stdout is a temporary file
 * that `poll()` reads on from where it left off: a pipe would wake this process for every reading, which costs more
 * than the reading; stdout buffering is the same for a file as for a pipe, so readings arrive as promptly.
 * No nvidia-smi, no driver or no GPU is an unavailable result with the reason, never an error; nvidia-smi exiting
 * mid-run is recorded.
 */
export class GpuSampler {
  private readonly child: ChildProcess | null = null;
  private readonly gpus = new Map<number, GpuSeries>();
  private readonly exited: Promise<void> = Promise.resolve();
  private readonly command: string;
  private dir: string | null = null;
  private fd: number | null = null;
  private offset = 0;
  private buf = Buffer.allocUnsafe(64 * 1024);
  private stderr = '';
  private output = '';
  private startError: string | null = null;
  private spawnError: NodeJS.ErrnoException | null = null;
  private exit: { at: number; code: number | null; signal: string | null } | null = null;
  private stopping = false;
  private result: Promise<GpuResult> | null = null;

  constructor(opts: GpuSamplerOptions) {
    this.command = opts.nvidiaSmi ?? 'nvidia-smi';
    const ms = Math.max(1, Math.round(opts.intervalMs));
    const args = [`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(ms)];
    let out: number;
    let err: number;
    try {
      this.dir = mkdtempSync(path.join(os.tmpdir(), 'shipgate-gpu-'));
      const file = path.join(this.dir, 'query.csv');
      out = openSync(file, 'w');
      this.fd = openSync(file, 'r');
      // A file rather than a pipe: no stream to set up and tear down, and nothing read until it is needed.
      err = openSync(path.join(this.dir, 'stderr.txt'), 'w');
    } catch (e) {
      this.startError = `no file for nvidia-smi's output: ${(e as Error).message}`;
      return;
    }
    try {
      this.child = spawn(this.command, args, { stdio: ['ignore', out, err] });
    } finally {
      closeSync(out);
      closeSync(err);
    }
    const child = this.child;
    this.exited = new Promise((resolve) => {
      child.once('error', (e: NodeJS.ErrnoException) => {
        this.spawnError = e;
        resolve();
      });
      child.once('close', (code, signal) => {
        this.exit = { at: Date.now(), code, signal };
        resolve();
      });
    });
  }

  /** PID of the nvidia-smi process, when it started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Reads the lines nvidia-smi has written since the last call; returns how many GPU readings they held. */
  poll(): number {
    if (this.fd === null) return 0;
    let added = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(this.fd, this.buf, 0, this.buf.length, this.offset);
      } catch {
        return added;
      }
      const end = got > 0 ? this.buf.lastIndexOf(0x0a, got - 1) : -1;
      if (end < 0) {
        if (got === this.buf.length) this.buf = Buffer.allocUnsafe(this.buf.length * 2);
        else return added;
        continue;
      }
      this.offset += end + 1;
      added += this.take(this.buf.toString('utf8', 0, end));
      if (got < this.buf.length) return added;
    }
  }

  private take(text: string): number {
    const now = Date.now();
    let added = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const row = parseGpuLine(line, now);
      if (!row) {
        if (this.output.length < STDERR_KEEP) this.output += `${line.trim()}\n`;
        continue;
      }
      let gpu = this.gpus.get(row.index);
      if (!gpu) {
        gpu = { index: row.index, name: row.name, memoryTotalMiB: row.memoryTotalMiB, series: [] };
        this.gpus.set(row.index, gpu);
      }
      gpu.series.push(row);
      added++;
    }
    return added;
  }

  private unavailableReason(): string {
    if (this.startError) return this.startError;
    if (this.spawnError?.code === 'ENOENT') return `no nvidia-smi on this runner (${this.command} not found)`;
    if (this.spawnError) return `nvidia-smi could not start: ${this.spawnError.message}`;
    const said = (this.stderr.trim() || this.output.trim()).split('\n')[0]?.slice(0, 300);
    const how = this.exit?.signal ? `signal ${this.exit.signal}` : `exit ${this.exit?.code ?? '?'}`;
    return `nvidia-smi reported no GPU (${how})${said ? `: ${said}` : ''}`;
  }

  /** Stops nvidia-smi (SIGTERM, then SIGKILL) and returns what was read; idempotent. */
  stop(): Promise<GpuResult> {
    return (this.result ??= this.finish());
  }

  private async finish(): Promise<GpuResult> {
    if (this.child && !this.exit && !this.spawnError) {
      this.stopping = true;
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), KILL_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    } else {
      await this.exited;
    }
    this.poll();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.dir) {
      this.stderr = headOf(path.join(this.dir, 'stderr.txt'), STDERR_KEEP);
      rmSync(this.dir, { recursive: true, force: true });
    }
    const gpus = [...this.gpus.values()].sort((a, b) => a.index - b.index);
    if (gpus.length === 0) {
      if (this.stopping && !this.spawnError && !this.output && !this.stderr)
        return { available: false, reason: 'nvidia-smi printed no GPU reading before telemetry stopped', gpus };
      return { available: false, reason: this.unavailableReason(), gpus };
    }
    if (this.exit && !this.stopping) {
      const { at, code, signal } = this.exit;
      const how = signal ? `signal ${signal}` : `exit ${code}`;
      const said = this.stderr.trim().split('\n')[0]?.slice(0, 300);
      return {
        available: true,
        reason: `nvidia-smi stopped during the run (${how}) at ${new Date(at).toISOString()}${said ? `: ${said}` : ''}`,
        exitedEarly: { at, code, signal, stderr: this.stderr.trim() },
        gpus,
      };
    }
    return { available: true, gpus };
  }
}
