/**
 * `disk-fill`: fills the filesystem that holds `path` until its usage reaches `percent`, never writing more than
 * `max_bytes`. With `size`, chaos-run first mounts a tmpfs of that size on `path` (root only), so the filesystem it
 * fills is one it created. The fill is one file, `<path>/.shipgate-chaos-fill-<id>`, allocated with `fallocate`
 * where it works and written as zero chunks otherwise. Usage is computed as `df` does: used / (used + available),
 * with used = blocks − bfree (blocks reserved for root count as neither).
 */
import { constants as fsConstants } from 'node:fs';
import { open, readdir, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../../../core/errors.js';
import { execCommand } from '../../../core/exec.js';
import type { Inverse } from '../ledger.js';
import { type Fault, type FaultContext, type FaultPlan, findExecutable, revertViaLedger, specError, type SpecLocation } from './types.js';

export type DiskFillSpec = {
  /** As written; relative paths are resolved against the work dir. */
  path: string;
  percent: number;
  maxBytes: number;
  /** tmpfs size in bytes, when chaos-run mounts one on `path`. */
  tmpfsBytes?: number;
};

const MIB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 1024 * MIB;
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgt])?(?:i?b)?$/i;
const UNIT: Record<string, number> = { k: 1024, m: MIB, g: 1024 * MIB, t: 1024 * 1024 * MIB };
/** The tmpfs source name: the umount inverse only unmounts a mount with this source. */
const TMPFS_SOURCE = 'shipgate-chaos-fill';
const COMMAND_TIMEOUT_MS = 30_000;
/** Percentage points verify allows below the target. */
const USAGE_SLACK = 1;

interface Handle {
  dir: string;
  file: string;
  probe: string;
  mounted: boolean;
  /** Bytes the fill was meant to hold. */
  bytes: number;
  capped: boolean;
  /** Set when the filesystem ran out of space before `bytes` were written. */
  fullAfter?: number;
  method: string;
}

/** A size such as "64M", "1G", "512K", or a whole number of bytes; in bytes. */
function parseSize(value: unknown, where: SpecLocation, key: string, min: number): number {
  let bytes: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value)) bytes = value;
  else if (typeof value === 'string') {
    const m = SIZE.exec(value.trim());
    if (m?.[1] !== undefined) bytes = Math.floor(Number(m[1]) * (m[2] === undefined ? 1 : (UNIT[m[2].toLowerCase()] ?? 1)));
  }
  if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes < min) {
    throw specError(where, key, `expected a size of at least ${formatBytes(min)} such as "64M", "1G" or a number of bytes, got ${JSON.stringify(value)}`);
  }
  return bytes;
}

function formatBytes(n: number): string {
  if (n >= MIB) return `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} B`;
}

/** Usage as `df` shows it (0–100), and what the numbers were. */
async function usage(dir: string): Promise<{ percent: number; used: number; avail: number; bsize: number }> {
  const s = await statfs(dir);
  const used = s.blocks - s.bfree;
  const total = used + s.bavail;
  return { percent: total > 0 ? (100 * used) / total : 100, used, avail: s.bavail, bsize: s.bsize };
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

function isErrno(e: unknown, code: string): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === code;
}

/** Writes zero chunks of 1 MiB from offset 0 up to `bytes`; returns how many were written before ENOSPC. */
async function writeZeros(file: string, bytes: number, signal: AbortSignal): Promise<{ written: number; full: boolean }> {
  const chunk = Buffer.alloc(MIB);
  const fh = await open(file, fsConstants.O_WRONLY);
  let written = 0;
  let full = false;
  try {
    while (written < bytes) {
      signal.throwIfAborted();
      const n = Math.min(MIB, bytes - written);
      try {
        const { bytesWritten } = await fh.write(chunk, 0, n, written);
        written += bytesWritten;
        if (bytesWritten === 0) {
          full = true;
          break;
        }
      } catch (e) {
        if (!isErrno(e, 'ENOSPC')) throw e;
        full = true;
        break;
      }
    }
    try {
      await fh.sync();
    } catch (e) {
      if (!isErrno(e, 'ENOSPC')) throw e;
      full = true;
    }
  } finally {
    await fh.close();
  }
  return { written, full };
}

/**
 * Tries to write 1 MiB to `probe` (a short write is continued, so a nearly full filesystem answers ENOSPC); the error
 * code when it fails. The probe is removed either way.
 */
async function probeWrite(probe: string): Promise<string | undefined> {
  let code: string | undefined;
  try {
    const fh = await open(probe, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
    try {
      const chunk = Buffer.alloc(MIB);
      for (let done = 0; done < MIB; ) {
        const { bytesWritten } = await fh.write(chunk, done, MIB - done, done);
        if (bytesWritten === 0) throw Object.assign(new Error('no byte written'), { code: 'ENOSPC' });
        done += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    code = (e as NodeJS.ErrnoException).code ?? errorMessage(e);
  }
  await rm(probe, { force: true });
  return code;
}

export class DiskFillFault implements Fault<DiskFillSpec> {
  readonly type = 'disk-fill';
  private readonly handles = new Map<string, Handle>();

  unsupported(): Promise<string | undefined> {
    // `size` needs root as well; that is checked when the fault is applied (this check sees no spec).
    return Promise.resolve(process.platform === 'linux' ? undefined : 'needs Linux');
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): DiskFillSpec {
    if (typeof spec.path !== 'string' || spec.path.trim() === '') {
      throw specError(where, 'path', 'expected the directory whose filesystem is filled, e.g. "/var/lib/app" (required)');
    }
    const percent = spec.percent;
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 1 || percent > 99) {
      throw specError(where, 'percent', `expected the usage to reach, a number from 1 to 99, got ${JSON.stringify(percent)}`);
    }
    const out: DiskFillSpec = {
      path: spec.path,
      percent,
      maxBytes: spec.max_bytes === undefined ? DEFAULT_MAX_BYTES : parseSize(spec.max_bytes, where, 'max_bytes', 1),
    };
    if (spec.size !== undefined) out.tmpfsBytes = parseSize(spec.size, where, 'size', MIB);
    return out;
  }

  private fileFor(dir: string, id: string): { file: string; probe: string } {
    return { file: path.join(dir, `.shipgate-chaos-fill-${safeName(id)}`), probe: path.join(dir, `.shipgate-chaos-probe-${safeName(id)}`) };
  }

  plan(id: string, spec: DiskFillSpec): FaultPlan {
    const { file } = this.fileFor(spec.path, id);
    const mount = spec.tmpfsBytes === undefined ? [] : [`mount -t tmpfs -o size=${spec.tmpfsBytes} ${TMPFS_SOURCE} ${spec.path}`];
    return {
      id,
      type: this.type,
      description: `fill the filesystem of ${spec.path}${spec.tmpfsBytes === undefined ? '' : ` (a ${formatBytes(spec.tmpfsBytes)} tmpfs)`} to ${spec.percent}% used, writing at most ${formatBytes(spec.maxBytes)}`,
      actions: [...mount, `fallocate -l <bytes to reach ${spec.percent}%, at most ${spec.maxBytes}> ${file} (zero 1 MiB chunks where fallocate does not work)`],
      inverse: [`rm -f ${file}`, ...(spec.tmpfsBytes === undefined ? [] : [`umount ${spec.path} (only the ${TMPFS_SOURCE} tmpfs)`])],
    };
  }

  async apply(id: string, spec: DiskFillSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    ctx.signal.throwIfAborted();
    const dir = path.resolve(ctx.workDir, spec.path);
    const { file, probe } = this.fileFor(dir, id);
    const where = (what: string): ConfigurationError => new ConfigurationError(`chaos-run: fault ${id} (disk-fill): ${what}`, { field: id });
    const st = await stat(dir).catch(() => undefined);
    if (st?.isDirectory() !== true) throw where(`path ${dir} does not exist or is not a directory`);
    const mounting = spec.tmpfsBytes !== undefined;
    if (mounting) {
      if (process.getuid?.() !== 0) throw where('needs root to mount a tmpfs (run as root, or leave out `size`)');
      const entries = await readdir(dir);
      if (entries.length > 0) throw where(`path ${dir} must be an empty directory to mount a tmpfs on it (it holds ${entries.length} entries)`);
    } else if ((await stat(file).catch(() => undefined)) !== undefined) {
      throw where(`${file} already exists, left by an earlier run: run \`shipgate chaos-run revert\` first`);
    }
    const inverse: Inverse[] = [{ kind: 'argv', argv: ['rm', '-f', file, probe] }];
    if (mounting) {
      // Unmounts only the tmpfs chaos-run mounted: a crash before the mount leaves nothing to unmount.
      const guarded = `[ "$(findmnt -n -o SOURCE --mountpoint "$1")" != ${TMPFS_SOURCE} ] || umount -- "$1"`;
      inverse.push({ kind: 'argv', argv: ['sh', '-c', guarded, 'shipgate-umount', dir] });
    }
    await ctx.ledger.record({ id, description: `disk-fill: ${file}${mounting ? ` on a tmpfs mounted at ${dir}` : ''}`, inverse });
    try {
      if (mounting) {
        const r = await execCommand(
          { argv: ['mount', '-t', 'tmpfs', '-o', `size=${spec.tmpfsBytes}`, TMPFS_SOURCE, dir] },
          { capture: true, stream: false, timeoutMs: COMMAND_TIMEOUT_MS, signal: ctx.signal },
        );
        if (r.failed) throw new Error(`${id}: mount of a tmpfs on ${dir} failed: ${r.error ?? r.tail.slice(-3).join(' | ')}`);
      }
      this.handles.set(id, await this.fill(dir, file, probe, spec, mounting, ctx.signal));
    } catch (e) {
      // Undo what was done; when that fails too, the entry stays pending for `chaos-run revert`.
      await revertViaLedger(ctx.ledger, id).catch(() => undefined);
      this.handles.delete(id);
      throw e;
    }
    return { appliedAt: Date.now() };
  }

  private async fill(dir: string, file: string, probe: string, spec: DiskFillSpec, mounted: boolean, signal: AbortSignal): Promise<Handle> {
    // O_EXCL: a fill file that appeared since the check is not ours to overwrite.
    try {
      await (await open(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600)).close();
    } catch (e) {
      if (isErrno(e, 'EEXIST')) throw new Error(`${file} already exists: run \`shipgate chaos-run revert\` first`);
      throw e;
    }
    const u = await usage(dir);
    const total = u.used + u.avail;
    const blocksNeeded = Math.max(0, Math.ceil((spec.percent / 100) * total) - u.used);
    const wanted = blocksNeeded * u.bsize;
    const bytes = Math.min(wanted, spec.maxBytes);
    const handle: Handle = { dir, file, probe, mounted, bytes, capped: wanted > spec.maxBytes, method: 'nothing to write' };
    if (bytes === 0) return handle;
    if ((await findExecutable('fallocate')) !== undefined) {
      const r = await execCommand({ argv: ['fallocate', '-l', String(bytes), file] }, { capture: true, stream: false, timeoutMs: COMMAND_TIMEOUT_MS, signal });
      if (!r.failed) {
        handle.method = 'fallocate';
        return handle;
      }
    }
    signal.throwIfAborted();
    const w = await writeZeros(file, bytes, signal);
    handle.method = 'zero writes';
    if (w.full) handle.fullAfter = w.written;
    return handle;
  }

  async verify(id: string, spec: DiskFillSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const st = await stat(h.file).catch(() => undefined);
    if (st === undefined) return { verified: false, evidence: `the fill file ${h.file} is gone` };
    const u = await usage(h.dir);
    const allocated = st.blocks * 512;
    const parts = [`${h.file}: ${formatBytes(allocated)} allocated (${h.method})`];
    const reached = u.percent >= spec.percent - USAGE_SLACK;
    let verified = reached;
    if (reached) parts.push(`usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
    else if (h.capped) {
      verified = allocated >= h.bytes;
      parts.push(`capped at max_bytes (${formatBytes(spec.maxBytes)}), usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
    } else if (h.fullAfter !== undefined) {
      parts.push(`the filesystem ran out of space after ${formatBytes(h.fullAfter)}; usage ${u.percent.toFixed(1)}% (target ${spec.percent}%)`);
    } else {
      parts.push(`usage ${u.percent.toFixed(1)}%, below the target ${spec.percent}%`);
    }
    if (spec.percent >= 99) {
      const code = await probeWrite(h.probe);
      if (code === 'ENOSPC') parts.push('a further 1 MiB write failed with ENOSPC');
      else if (code === undefined) parts.push(`a further 1 MiB write succeeded (${formatBytes(u.avail * u.bsize)} was still available)`);
      else parts.push(`a further 1 MiB write failed with ${code}`);
    }
    return { verified, evidence: parts.join('; ') };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const DISK_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([['disk-fill', new DiskFillFault()]]);
