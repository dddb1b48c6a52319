import { closeSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * One host reading. Rates cover the interval since the previous reading; `null` where the source file is missing.
 * Sectors in /proc/diskstats are always 512 bytes, whatever the device's own sector size.
 */
export interface HostRow {
  /** Epoch milliseconds of the reading. */
  time: number;
  /** Busy share of all CPUs, 0–100. */
  cpuUtilization: number | null;
  /** Busy share per core, 0–100 (only with `perCore`). */
  cpuCores?: number[];
  memoryUsedMiB: number | null;
  memoryAvailableMiB: number | null;
  /** Pages swapped in/out per second (/proc/vmstat pswpin/pswpout). */
  swapInPerSec: number | null;
  swapOutPerSec: number | null;
  diskReadBytesPerSec: number | null;
  diskWriteBytesPerSec: number | null;
  netRxBytesPerSec: number | null;
  netTxBytesPerSec: number | null;
  load1: number | null;
  load5: number | null;
  load15: number | null;
}

export interface HostSamplerOptions {
  /** Busy share per core as well as in total. */
  perCore?: boolean;
  /** Where procfs is mounted (default /proc). */
  procRoot?: string;
  /** Where sysfs is mounted (default /sys); used to tell whole disks from partitions and virtual devices. */
  sysRoot?: string;
}

interface CpuTimes {
  busy: number;
  total: number;
}

interface Counters {
  time: number;
  cpu: CpuTimes | null;
  cores: CpuTimes[];
  swapIn: number | null;
  swapOut: number | null;
  disks: Map<string, [read: number, write: number]> | null;
  nets: Map<string, [rx: number, tx: number]> | null;
}

const SECTOR_BYTES = 512;
const KIB_PER_MIB = 1024;
const COMPLETE_BELOW = 2048;

/** A /proc file kept open and re-read from offset 0: no open/close per sample. */
class ProcFile {
  private buf = Buffer.allocUnsafe(16 * 1024);
  private constructor(
    private readonly fd: number,
    private readonly enough?: string,
  ) {}

  /** `enough`: text after which the rest of the file is not needed (it saves a read of a long file). */
  static open(file: string, enough?: string): ProcFile | null {
    try {
      return new ProcFile(openSync(file, 'r'), enough);
    } catch {
      return null;
    }
  }

  private complete(n: number, got: number): boolean {
    if (got === 0 || n === this.buf.length) return true;
    if (this.enough !== undefined && this.buf.subarray(0, n).includes(this.enough)) return true;
    // procfs (seq_file) cuts a read short only once its page-sized buffer is full, so a short read well under a
    // page is the whole file; this saves the read that would return 0.
    return n < COMPLETE_BELOW;
  }

  read(): string | null {
    try {
      for (;;) {
        let n = 0;
        for (;;) {
          const got = readSync(this.fd, this.buf, n, this.buf.length - n, n);
          n += got;
          if (this.complete(n, got)) break;
        }
        if (n < this.buf.length) return this.buf.toString('latin1', 0, n);
        this.buf = Buffer.allocUnsafe(this.buf.length * 2);
      }
    } catch {
      return null;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

function cpuTimes(fields: string[]): CpuTimes {
  // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
  const v = fields.slice(0, 8).map(Number);
  const total = v.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** The aggregate `cpu` line of /proc/stat, and the per-core lines when asked for. */
export function parseStat(text: string, perCore: boolean): { cpu: CpuTimes | null; cores: CpuTimes[] } {
  const lines = perCore ? text.split('\n') : [text.slice(0, text.indexOf('\n') >>> 0)];
  let cpu: CpuTimes | null = null;
  const cores: CpuTimes[] = [];
  for (const line of lines) {
    if (!line.startsWith('cpu')) continue;
    const [label = '', ...fields] = line.trim().split(/\s+/);
    if (label === 'cpu') cpu = cpuTimes(fields);
    else cores.push(cpuTimes(fields));
  }
  return { cpu, cores };
}

/** The number after `key` at the start of a line (`/proc/meminfo`, `/proc/vmstat`), without splitting the file. */
export function valueOf(text: string, key: string): number | null {
  const nl = text.startsWith(key) ? -1 : text.indexOf(`\n${key}`);
  if (nl < 0 && !text.startsWith(key)) return null;
  const at = nl + 1;
  const m = /^[:\s]+(\d+)/.exec(text.slice(at + key.length, at + key.length + 40));
  return m?.[1] ? Number(m[1]) : null;
}

const PARTITION = /^(?:(?:sd|hd|vd|xvd)[a-z]+\d+|(?:nvme\d+n\d+|mmcblk\d+)p\d+)$/;
const VIRTUAL = /^(?:loop|ram|zram|dm-|md|nbd|sr)\d*/;

/** Whole physical disks: /sys/block entries that do not resolve under devices/virtual; a name pattern without sysfs. */
function wholeDiskFilter(sysRoot: string): (name: string) => boolean {
  try {
    const blockDir = path.join(sysRoot, 'block');
    const names = new Set(
      readdirSync(blockDir).filter((n) => !realpathSync(path.join(blockDir, n)).includes(`${path.sep}devices${path.sep}virtual${path.sep}`)),
    );
    return (name) => names.has(name);
  } catch {
    return (name) => !PARTITION.test(name) && !VIRTUAL.test(name);
  }
}

export function parseDiskstats(text: string, isWholeDisk: (name: string) => boolean): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const name = f[2];
    if (!name || f.length < 10 || !isWholeDisk(name)) continue;
    out.set(name, [Number(f[5]) * SECTOR_BYTES, Number(f[9]) * SECTOR_BYTES]);
  }
  return out;
}

export function parseNetDev(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    if (name === 'lo' || name.includes('|')) continue;
    const f = line.slice(colon + 1).trim().split(/\s+/);
    if (f.length < 9) continue;
    out.set(name, [Number(f[0]), Number(f[8])]);
  }
  return out;
}

/** Sum of per-device increases for devices seen both times; a vanished or reset device does not go negative. */
function sumDeltas(prev: Map<string, [number, number]>, cur: Map<string, [number, number]>): [number, number] {
  let a = 0;
  let b = 0;
  for (const [name, [x, y]] of cur) {
    const p = prev.get(name);
    if (!p) continue;
    a += Math.max(0, x - p[0]);
    b += Math.max(0, y - p[1]);
  }
  return [a, b];
}

function busyShare(prev: CpuTimes, cur: CpuTimes): number | null {
  const total = cur.total - prev.total;
  if (total <= 0) return null;
  return Math.min(100, Math.max(0, ((cur.busy - prev.busy) / total) * 100));
}

function rate(prev: number | null, cur: number | null, seconds: number): number | null {
  if (prev === null || cur === null || seconds <= 0) return null;
  return Math.max(0, cur - prev) / seconds;
}

/**
 * Reads host counters from procfs without starting a process. Each `sample()` returns the readings since the
 * previous call (the constructor takes the first reading). Where procfs is absent, `available` is false with a reason.
 */
export class HostSampler {
  readonly available: boolean;
  readonly reason?: string;
  private readonly files: Record<'stat' | 'meminfo' | 'vmstat' | 'diskstats' | 'netdev' | 'loadavg', ProcFile | null>;
  private readonly isWholeDisk: (name: string) => boolean;
  private prev: Counters | null = null;

  constructor(private readonly opts: HostSamplerOptions = {}) {
    const proc = opts.procRoot ?? '/proc';
    this.files = {
      stat: ProcFile.open(path.join(proc, 'stat'), '\nintr '),
      meminfo: ProcFile.open(path.join(proc, 'meminfo'), '\nMemAvailable:'),
      vmstat: ProcFile.open(path.join(proc, 'vmstat'), '\npswpout '),
      diskstats: ProcFile.open(path.join(proc, 'diskstats')),
      netdev: ProcFile.open(path.join(proc, 'net', 'dev')),
      loadavg: ProcFile.open(path.join(proc, 'loadavg')),
    };
    this.isWholeDisk = wholeDiskFilter(opts.sysRoot ?? '/sys');
    const missing = Object.entries(this.files).filter(([, f]) => f === null).map(([k]) => k);
    this.available = missing.length < Object.keys(this.files).length;
    if (!this.available) this.reason = `${proc} is not readable on this runner (${process.platform}); no host telemetry`;
    else if (missing.length) this.reason = `not readable under ${proc}: ${missing.join(', ')}`;
    if (this.available) this.prev = this.counters(Date.now());
  }

  private counters(time: number): Counters {
    const stat = this.files.stat?.read();
    const vm = this.files.vmstat?.read();
    const disks = this.files.diskstats?.read();
    const nets = this.files.netdev?.read();
    const parsedStat = stat ? parseStat(stat, this.opts.perCore === true) : { cpu: null, cores: [] };
    return {
      time,
      cpu: parsedStat.cpu,
      cores: parsedStat.cores,
      swapIn: vm ? valueOf(vm, 'pswpin') : null,
      swapOut: vm ? valueOf(vm, 'pswpout') : null,
      disks: disks ? parseDiskstats(disks, this.isWholeDisk) : null,
      nets: nets ? parseNetDev(nets) : null,
    };
  }

  /** The readings since the previous call; null when no host telemetry is available. */
  sample(time = Date.now()): HostRow | null {
    const prev = this.prev;
    if (!this.available || !prev) return null;
    const cur = this.counters(time);
    this.prev = cur;
    const seconds = (cur.time - prev.time) / 1000;
    const mem = this.files.meminfo?.read();
    const total = mem ? valueOf(mem, 'MemTotal') : null;
    const avail = mem ? valueOf(mem, 'MemAvailable') : null;
    const load = this.files.loadavg?.read()?.trim().split(/\s+/).slice(0, 3).map(Number);
    const disk = prev.disks && cur.disks && seconds > 0 ? sumDeltas(prev.disks, cur.disks) : null;
    const net = prev.nets && cur.nets && seconds > 0 ? sumDeltas(prev.nets, cur.nets) : null;
    const row: HostRow = {
      time,
      cpuUtilization: prev.cpu && cur.cpu ? busyShare(prev.cpu, cur.cpu) : null,
      memoryUsedMiB: total !== null && avail !== null ? (total - avail) / KIB_PER_MIB : null,
      memoryAvailableMiB: avail !== null ? avail / KIB_PER_MIB : null,
      swapInPerSec: rate(prev.swapIn, cur.swapIn, seconds),
      swapOutPerSec: rate(prev.swapOut, cur.swapOut, seconds),
      diskReadBytesPerSec: disk ? disk[0] / seconds : null,
      diskWriteBytesPerSec: disk ? disk[1] / seconds : null,
      netRxBytesPerSec: net ? net[0] / seconds : null,
      netTxBytesPerSec: net ? net[1] / seconds : null,
      load1: load?.[0] ?? null,
      load5: load?.[1] ?? null,
      load15: load?.[2] ?? null,
    };
    if (this.opts.perCore) row.cpuCores = cur.cores.map((c, i) => (prev.cores[i] ? (busyShare(prev.cores[i], c) ?? 0) : 0));
    return row;
  }

  close(): void {
    for (const f of Object.values(this.files)) f?.close();
  }
}
