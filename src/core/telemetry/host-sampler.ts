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
  /**
   * Set where swap, disk, network and load in this row repeat the values read for the row at this epoch millisecond
   * (see `slowCountersMs`); absent where they were read for this row.
   */
  carriedFrom?: number;
}

export interface HostSamplerOptions {
  /** Busy share per core as well as in total. */
  perCore?: boolean;
  /** Where procfs is mounted (default /proc). */
  procRoot?: string;
  /** Where sysfs is mounted (default /sys); used to tell whole disks from partitions and virtual devices. */
  sysRoot?: string;
  /**
   * Swap, disk and network counters and the load averages are read at most this often (default 1000 ms; 0: every
   * sample). A sample in between repeats their last values (rates over the last such period) and says so in
   * `carriedFrom`. CPU and memory are read on every sample.
   */
  slowCountersMs?: number;
}

export const DEFAULT_SLOW_COUNTERS_MS = 1000;

interface CpuTimes {
  busy: number;
  total: number;
}

interface CpuCounters {
  time: number;
  cpu: CpuTimes | null;
  cores: CpuTimes[];
}

interface SlowCounters {
  time: number;
  swapIn: number | null;
  swapOut: number | null;
  disks: Map<string, [read: number, write: number]> | null;
  nets: Map<string, [rx: number, tx: number]> | null;
}

type SlowValues = Pick<
  HostRow,
  'time' | 'swapInPerSec' | 'swapOutPerSec' | 'diskReadBytesPerSec' | 'diskWriteBytesPerSec' | 'netRxBytesPerSec' | 'netTxBytesPerSec' | 'load1' | 'load5' | 'load15'
>;

const SECTOR_BYTES = 512;
const KIB_PER_MIB = 1024;
const COMPLETE_BELOW = 2048;

/** A /proc file kept open and re-read from offset 0 into a reused buffer: no open/close per sample. */
class ProcFile {
  private buf = Buffer.allocUnsafe(16 * 1024);
  private constructor(
    private readonly fd: number,
    private readonly enough?: Buffer,
  ) {}

  /** `enough`: text after which the rest of the file is not needed (it saves a read of a long file). */
  static open(file: string, enough?: string): ProcFile | null {
    try {
      return new ProcFile(openSync(file, 'r'), enough === undefined ? undefined : Buffer.from(enough, 'latin1'));
    } catch {
      return null;
    }
  }

  /** The buffer that the last `load()` filled. */
  get bytes(): Buffer {
    return this.buf;
  }

  private complete(n: number, got: number): boolean {
    // procfs (seq_file) cuts a read short only once its page-sized buffer is full, so a short read well under a
    // page is the whole file; this saves the read that would return 0.
    if (got === 0 || n === this.buf.length || n < COMPLETE_BELOW) return true;
    if (this.enough === undefined) return false;
    // The buffer is reused: a match past `n` is left over from an earlier read.
    const at = this.buf.indexOf(this.enough);
    return at >= 0 && at + this.enough.length <= n;
  }

  /** Reads the file into `bytes`; the number of bytes read, or -1 where it could not be read. */
  load(): number {
    try {
      for (;;) {
        let n = 0;
        for (;;) {
          const got = readSync(this.fd, this.buf, n, this.buf.length - n, n);
          n += got;
          if (this.complete(n, got)) break;
        }
        if (n < this.buf.length) return n;
        this.buf = Buffer.allocUnsafe(this.buf.length * 2);
      }
    } catch {
      return -1;
    }
  }

  read(): string | null {
    const n = this.load();
    return n < 0 ? null : this.buf.toString('latin1', 0, n);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

const NL = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * Byte-level reading of procfs text, so that the every-sample files need no string of the whole file. `pos` is the
 * cursor that `uint()` moves past the number it reads.
 */
class ByteCursor {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly end: number,
  ) {}

  /** The next unsigned integer on this line (skipping blanks and a colon); NaN at the end of the line. */
  uint(): number {
    const { buf, end } = this;
    let i = this.pos;
    while (i < end && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x3a)) i++;
    let v = 0;
    const from = i;
    for (let c = buf[i] ?? 0; i < end && c >= DIGIT_0 && c <= DIGIT_9; c = buf[++i] ?? 0) v = v * 10 + (c - DIGIT_0);
    this.pos = i;
    return i === from ? NaN : v;
  }

  /** Moves to the start of the next line; false at the end. */
  nextLine(): boolean {
    const nl = this.buf.indexOf(NL, this.pos);
    this.pos = nl < 0 || nl >= this.end ? this.end : nl + 1;
    return this.pos < this.end;
  }
}

/** `cpu` (0x63 0x70 0x75) at the cursor. */
function atCpuLine(c: ByteCursor): boolean {
  const { buf, pos } = c;
  return pos + 3 <= c.end && buf[pos] === 0x63 && buf[pos + 1] === 0x70 && buf[pos + 2] === 0x75;
}

/** The eight time fields (user nice system idle iowait irq softirq steal) of the `cpu…` line at the cursor. */
function cpuTimesAt(c: ByteCursor): CpuTimes {
  c.pos += 3;
  while (c.pos < c.end && (c.buf[c.pos] ?? 0) >= DIGIT_0 && (c.buf[c.pos] ?? 0) <= DIGIT_9) c.pos++;
  let total = 0;
  let idle = 0;
  for (let i = 0; i < 8; i++) {
    const v = c.uint();
    if (Number.isNaN(v)) break;
    total += v;
    if (i === 3 || i === 4) idle += v;
  }
  return { busy: total - idle, total };
}

/** `parseStat` on the bytes of /proc/stat. */
export function parseStatBytes(buf: Buffer, end: number, perCore: boolean): { cpu: CpuTimes | null; cores: CpuTimes[] } {
  const c = new ByteCursor(buf, end);
  let cpu: CpuTimes | null = null;
  const cores: CpuTimes[] = [];
  while (c.pos < end && atCpuLine(c)) {
    const aggregate = buf[c.pos + 3] === 0x20;
    if (aggregate) cpu = cpuTimesAt(c);
    else if (perCore) cores.push(cpuTimesAt(c));
    if ((aggregate && !perCore) || !c.nextLine()) break;
  }
  return { cpu, cores };
}

/** `valueOf` on bytes: the number after `key` at the start of a line, within the first `end` bytes. */
export function valueOfBytes(buf: Buffer, end: number, key: Buffer): number | null {
  for (let at = buf.indexOf(key); at >= 0 && at + key.length < end; at = buf.indexOf(key, at + 1)) {
    const sep = buf[at + key.length];
    if ((at > 0 && buf[at - 1] !== NL) || (sep !== 0x20 && sep !== 0x09 && sep !== 0x3a)) continue;
    const c = new ByteCursor(buf, end);
    c.pos = at + key.length;
    const v = c.uint();
    return Number.isNaN(v) ? null : v;
  }
  return null;
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

const MEM_TOTAL = Buffer.from('MemTotal');
const MEM_AVAILABLE = Buffer.from('MemAvailable');

function parseLoad(text: string | null | undefined): [number | null, number | null, number | null] {
  const f = text?.trim().split(/\s+/) ?? [];
  const n = (i: number) => (f[i] === undefined ? null : Number(f[i]));
  return [n(0), n(1), n(2)];
}

/**
 * Reads host counters from procfs without starting a process. Each `sample()` returns the readings since the
 * previous call (the constructor takes the first reading). Where procfs is absent, `available` is false with a reason.
 * CPU and memory are read on every sample; the slowly changing rest at most every `slowCountersMs`.
 */
export class HostSampler {
  readonly available: boolean;
  readonly reason?: string;
  private readonly files: Record<'stat' | 'meminfo' | 'vmstat' | 'diskstats' | 'netdev' | 'loadavg', ProcFile | null>;
  private readonly isWholeDisk: (name: string) => boolean;
  private readonly slowMs: number;
  private prev: CpuCounters | null = null;
  private prevSlow: SlowCounters | null = null;
  /** The slow values of the last sample that read them. */
  private slow: SlowValues | null = null;

  constructor(private readonly opts: HostSamplerOptions = {}) {
    const proc = opts.procRoot ?? '/proc';
    this.slowMs = Math.max(0, opts.slowCountersMs ?? DEFAULT_SLOW_COUNTERS_MS);
    this.files = {
      stat: ProcFile.open(path.join(proc, 'stat'), opts.perCore ? '\nintr ' : '\n'),
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
    if (this.available) {
      const time = Date.now();
      this.prev = this.cpuCounters(time);
      this.prevSlow = this.slowCounters(time);
    }
  }

  private cpuCounters(time: number): CpuCounters {
    const f = this.files.stat;
    const n = f ? f.load() : -1;
    const parsed = f && n >= 0 ? parseStatBytes(f.bytes, n, this.opts.perCore === true) : { cpu: null, cores: [] };
    return { time, cpu: parsed.cpu, cores: parsed.cores };
  }

  private slowCounters(time: number): SlowCounters {
    const vm = this.files.vmstat?.read();
    const disks = this.files.diskstats?.read();
    const nets = this.files.netdev?.read();
    return {
      time,
      swapIn: vm ? valueOf(vm, 'pswpin') : null,
      swapOut: vm ? valueOf(vm, 'pswpout') : null,
      disks: disks ? parseDiskstats(disks, this.isWholeDisk) : null,
      nets: nets ? parseNetDev(nets) : null,
    };
  }

  /** Reads the slow counters when due (always on the first sample) and returns their values for a row at `time`. */
  private slowValues(time: number, sinceLastSample: number): SlowValues | null {
    const prev = this.prevSlow;
    // Half a sample period of slack, so that a tick a little early does not push the read a whole period on.
    if (this.slow && time - this.slow.time < this.slowMs - sinceLastSample / 2) return this.slow;
    const cur = this.slowCounters(time);
    this.prevSlow = cur;
    if (!prev) return null;
    const seconds = (cur.time - prev.time) / 1000;
    const disk = prev.disks && cur.disks && seconds > 0 ? sumDeltas(prev.disks, cur.disks) : null;
    const net = prev.nets && cur.nets && seconds > 0 ? sumDeltas(prev.nets, cur.nets) : null;
    const [load1, load5, load15] = parseLoad(this.files.loadavg?.read());
    this.slow = {
      time,
      swapInPerSec: rate(prev.swapIn, cur.swapIn, seconds),
      swapOutPerSec: rate(prev.swapOut, cur.swapOut, seconds),
      diskReadBytesPerSec: disk ? disk[0] / seconds : null,
      diskWriteBytesPerSec: disk ? disk[1] / seconds : null,
      netRxBytesPerSec: net ? net[0] / seconds : null,
      netTxBytesPerSec: net ? net[1] / seconds : null,
      load1,
      load5,
      load15,
    };
    return this.slow;
  }

  /** The readings since the previous call; null when no host telemetry is available. */
  sample(time = Date.now()): HostRow | null {
    const prev = this.prev;
    if (!this.available || !prev) return null;
    const cur = this.cpuCounters(time);
    this.prev = cur;
    const mem = this.files.meminfo;
    const n = mem ? mem.load() : -1;
    const total = mem && n >= 0 ? valueOfBytes(mem.bytes, n, MEM_TOTAL) : null;
    const avail = mem && n >= 0 ? valueOfBytes(mem.bytes, n, MEM_AVAILABLE) : null;
    const slow = this.slowValues(time, time - prev.time);
    const row: HostRow = {
      time,
      cpuUtilization: prev.cpu && cur.cpu ? busyShare(prev.cpu, cur.cpu) : null,
      memoryUsedMiB: total !== null && avail !== null ? (total - avail) / KIB_PER_MIB : null,
      memoryAvailableMiB: avail !== null ? avail / KIB_PER_MIB : null,
      swapInPerSec: slow?.swapInPerSec ?? null,
      swapOutPerSec: slow?.swapOutPerSec ?? null,
      diskReadBytesPerSec: slow?.diskReadBytesPerSec ?? null,
      diskWriteBytesPerSec: slow?.diskWriteBytesPerSec ?? null,
      netRxBytesPerSec: slow?.netRxBytesPerSec ?? null,
      netTxBytesPerSec: slow?.netTxBytesPerSec ?? null,
      load1: slow?.load1 ?? null,
      load5: slow?.load5 ?? null,
      load15: slow?.load15 ?? null,
    };
    if (slow && slow.time !== time) row.carriedFrom = slow.time;
    if (this.opts.perCore) row.cpuCores = cur.cores.map((c, i) => (prev.cores[i] ? (busyShare(prev.cores[i], c) ?? 0) : 0));
    return row;
  }

  close(): void {
    for (const f of Object.values(this.files)) f?.close();
  }
}
