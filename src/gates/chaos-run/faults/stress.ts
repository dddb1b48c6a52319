/**
 * Resource faults through stress-ng: `cpu-stress`, `memory-stress`, `io-stress`. stress-ng runs detached in its own
 * process group (argv, no shell) with `--timeout` set to the duration as a second guard; the ledger holds a
 * kill-tree inverse for its pid and start time.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { type Fault, type FaultContext, type FaultPlan, findExecutable, groupMembers, parseDuration, positiveInt, revertViaLedger, specError, startRecorded, type SpecLocation, waitFor } from './types.js';

type StressKind = 'cpu' | 'memory' | 'io';
export type StressSpec = { workers: number; durationMs: number; load?: number; bytes?: string };

const MAX_WORKERS = 1024;
const BYTES = /^(\d+(\.\d+)?[bkmg]?|\d{1,3}%)$/i;
const SAMPLE_MS = 500;
const WORKERS_START_MS = 3000;

/** CPU clock ticks used so far by the processes `members` lists (those that ended in between are not counted). */
async function groupTicks(members: () => Promise<{ cpuTicks: number }[]>): Promise<number> {
  return (await members()).reduce((a, m) => a + m.cpuTicks, 0);
}

/** Busy and total jiffies of the "cpu" line of /proc/stat. */
async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n').find((l) => l.startsWith('cpu ')) ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share of CPU time (0–1) the host spent busy over `ms`. */
async function busyShare(ms: number): Promise<number> {
  const a = await cpuTimes();
  await delay(ms);
  const b = await cpuTimes();
  return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

export class StressFault implements Fault<StressSpec> {
  readonly type: string;
  private readonly handles = new Map<string, { pid: number; baseline?: number }>();

  constructor(private readonly kind: StressKind) {
    this.type = `${kind}-stress`;
  }

  async unsupported(): Promise<string | undefined> {
    if (process.platform !== 'linux') return 'needs Linux (/proc)';
    return (await findExecutable('stress-ng')) === undefined ? 'stress-ng is not installed (apt-get install stress-ng)' : undefined;
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): StressSpec {
    const out: StressSpec = { workers: positiveInt(spec.workers, where, 'workers', MAX_WORKERS), durationMs: parseDuration(spec.duration, where, 'duration') };
    if (this.kind === 'cpu' && spec.load !== undefined) {
      if (typeof spec.load !== 'number' || !Number.isInteger(spec.load) || spec.load < 1 || spec.load > 100) {
        throw specError(where, 'load', `expected a whole percentage from 1 to 100, got ${JSON.stringify(spec.load)}`);
      }
      out.load = spec.load;
    }
    if (this.kind === 'memory') {
      const bytes = typeof spec.bytes === 'number' ? String(spec.bytes) : spec.bytes;
      if (typeof bytes !== 'string' || !BYTES.test(bytes)) {
        throw specError(where, 'bytes', `expected a size per worker such as "256M", "1G" or "50%", got ${JSON.stringify(spec.bytes)}`);
      }
      out.bytes = bytes;
    }
    return out;
  }

  /** The exact stress-ng command line. */
  argv(spec: StressSpec): string[] {
    const timeout = ['--timeout', `${Math.max(1, Math.ceil(spec.durationMs / 1000))}s`];
    const w = String(spec.workers);
    switch (this.kind) {
      case 'cpu':
        return ['stress-ng', '--cpu', w, ...(spec.load === undefined ? [] : ['--cpu-load', String(spec.load)]), ...timeout, '--quiet'];
      case 'memory':
        return ['stress-ng', '--vm', w, '--vm-bytes', spec.bytes ?? '256M', ...timeout, '--quiet'];
      case 'io':
        return ['stress-ng', '--io', w, ...timeout, '--quiet'];
    }
  }

  plan(id: string, spec: StressSpec): FaultPlan {
    const argv = this.argv(spec);
    return {
      id,
      type: this.type,
      description: `${spec.workers} stress-ng ${this.kind} worker(s) for ${spec.durationMs} ms`,
      actions: [argv.join(' ')],
      inverse: ['kill the stress-ng process tree (pid + start time checked)'],
    };
  }

  async apply(id: string, spec: StressSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    // The baseline CPU share is measured before stress-ng starts, for verify to compare against.
    const baseline = this.kind === 'cpu' ? await busyShare(SAMPLE_MS) : undefined;
    const argv = this.argv(spec);
    const { pid } = await startRecorded(ctx, id, `${this.type}: ${argv.join(' ')}`, argv, { cwd: ctx.workDir });
    this.handles.set(id, { pid, ...(baseline === undefined ? {} : { baseline }) });
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: StressSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const stressMembers = async (): Promise<{ pid: number; cpuTicks: number }[]> => (await groupMembers(h.pid)).filter((m) => m.comm.startsWith('stress-ng'));
    // stress-ng forks its workers after a start-up of its own, which takes a while on a loaded host: wait for them
    // (the parent and one process per worker) before measuring, so the window does not fall on the start-up.
    await waitFor(async () => (await stressMembers()).length > spec.workers, WORKERS_START_MS);
    const members = await stressMembers();
    const running = members.length > 0;
    const parts = [`${members.length} stress-ng process(es) in group ${h.pid}`];
    let rose = true;
    if (this.kind === 'cpu' && h.baseline !== undefined) {
      // The workers' own CPU time over the window, as a share of the whole host: evidence that does not depend on
      // what else the host is doing. The host's busy share is reported beside it.
      const [hostA, groupA] = [await cpuTimes(), await groupTicks(stressMembers)];
      await delay(SAMPLE_MS);
      const [hostB, groupB] = [await cpuTimes(), await groupTicks(stressMembers)];
      const total = hostB.total - hostA.total;
      const workers = total > 0 ? Math.max(0, groupB - groupA) / total : 0;
      const during = total > 0 ? (hostB.busy - hostA.busy) / total : 0;
      const cpus = (await readFile('/proc/stat', 'utf8')).split('\n').filter((l) => /^cpu\d/.test(l)).length || 1;
      const expected = (Math.min(spec.workers, cpus) * (spec.load ?? 100)) / 100 / cpus;
      // Half the expected share, or half the headroom left when the host was already busy.
      const needed = 0.5 * Math.min(expected, 1 - h.baseline);
      rose = workers >= needed;
      parts.push(`stress-ng used ${pct(workers)} of the host's CPU (needed ${pct(needed)}); host busy ${pct(h.baseline)} before, ${pct(during)} during`);
    }
    return { verified: running && rose, evidence: parts.join('; ') };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const STRESS_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([
  ['cpu-stress', new StressFault('cpu')],
  ['memory-stress', new StressFault('memory')],
  ['io-stress', new StressFault('io')],
]);
