/**
 * Process faults on the system under test (ctx.targetPid): `process-kill` (a signal, optionally followed by a
 * restart through ctx.restartTarget) and `process-pause` (SIGSTOP, undone by SIGCONT).
 */
import { ConfigurationError } from '../../../core/errors.js';
import { processStartTime } from '../ledger.js';
import { type Fault, type FaultContext, type FaultPlan, parseDuration, procStat, revertViaLedger, specError, waitFor } from './types.js';

const KILL_SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGABRT', 'SIGUSR1', 'SIGUSR2'] as const;
type KillSignal = (typeof KILL_SIGNALS)[number];

export type ProcessKillSpec = { signal: KillSignal; restart: boolean };
export type ProcessPauseSpec = { durationMs: number };

/** How long a killed target gets to exit before a restart (or before verify calls it still alive). */
const EXIT_WAIT_MS = 5000;

function linuxOnly(): Promise<string | undefined> {
  return Promise.resolve(process.platform === 'linux' ? undefined : 'needs Linux (/proc)');
}

async function target(type: string, id: string, ctx: FaultContext): Promise<{ pid: number; startTime: string }> {
  const pid = ctx.targetPid;
  if (pid === undefined) {
    throw new ConfigurationError(`chaos-run: fault ${id} (${type}) needs a target started by chaos-run (set its command)`, { field: id });
  }
  const startTime = await processStartTime(pid);
  if (startTime === undefined) throw new Error(`${id}: the target (pid ${pid}) is not running`);
  return { pid, startTime };
}

async function isGone(pid: number, startTime: string): Promise<boolean> {
  return (await processStartTime(pid)) !== startTime;
}

export class ProcessKillFault implements Fault<ProcessKillSpec> {
  readonly type = 'process-kill';
  private readonly handles = new Map<string, { pid: number; startTime: string; newPid?: number; newStart?: string }>();

  unsupported(): Promise<string | undefined> {
    return linuxOnly();
  }

  validate(spec: Record<string, unknown>, where: { file: string; line: number; field: string }): ProcessKillSpec {
    const signal = spec.signal ?? 'SIGKILL';
    if (typeof signal !== 'string' || !(KILL_SIGNALS as readonly string[]).includes(signal)) {
      throw specError(where, 'signal', `expected one of ${KILL_SIGNALS.join(', ')}, got ${JSON.stringify(signal)}`);
    }
    const restart = spec.restart ?? false;
    if (typeof restart !== 'boolean') throw specError(where, 'restart', `expected true or false, got ${JSON.stringify(restart)}`);
    return { signal: signal as KillSignal, restart };
  }

  plan(id: string, spec: ProcessKillSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `send ${spec.signal} to the target${spec.restart ? ', then restart it' : ''}`,
      actions: [`kill -${spec.signal.slice(3)} <target pid>`, ...(spec.restart ? ['wait for it to exit, then re-run the target command'] : [])],
      inverse: [],
    };
  }

  async apply(id: string, spec: ProcessKillSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const { pid, startTime } = await target(this.type, id, ctx);
    if (spec.restart && ctx.restartTarget === undefined) {
      throw new ConfigurationError(`chaos-run: fault ${id} (process-kill) has restart: true, but the target cannot be restarted`, { field: id });
    }
    await ctx.ledger.record({ id, description: `process-kill: ${spec.signal} to pid ${pid} (nothing to undo)`, inverse: [] });
    const handle: { pid: number; startTime: string; newPid?: number; newStart?: string } = { pid, startTime };
    this.handles.set(id, handle);
    process.kill(pid, spec.signal);
    const appliedAt = Date.now();
    if (spec.restart && ctx.restartTarget !== undefined) {
      if (!(await waitFor(() => isGone(pid, startTime), EXIT_WAIT_MS))) {
        throw new Error(`${id}: the target (pid ${pid}) did not exit within ${EXIT_WAIT_MS} ms of ${spec.signal}; not restarted`);
      }
      handle.newPid = await ctx.restartTarget();
      handle.newStart = await processStartTime(handle.newPid);
    }
    return { appliedAt };
  }

  async verify(id: string, spec: ProcessKillSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const gone = await waitFor(() => isGone(h.pid, h.startTime), spec.restart ? 0 : 2000);
    const parts = [gone ? `pid ${h.pid} is gone` : `pid ${h.pid} is still running after ${spec.signal}`];
    let alive = true;
    if (spec.restart) {
      const start = h.newPid === undefined ? undefined : await processStartTime(h.newPid);
      alive = start !== undefined && start === h.newStart;
      parts.push(alive ? `restarted as pid ${h.newPid} (running)` : `restarted process ${h.newPid ?? '?'} is not running`);
    }
    return { verified: gone && alive, evidence: parts.join('; ') };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export class ProcessPauseFault implements Fault<ProcessPauseSpec> {
  readonly type = 'process-pause';
  private readonly handles = new Map<string, { pid: number; startTime: string }>();

  unsupported(): Promise<string | undefined> {
    return linuxOnly();
  }

  validate(spec: Record<string, unknown>, where: { file: string; line: number; field: string }): ProcessPauseSpec {
    return { durationMs: parseDuration(spec.duration, where, 'duration') };
  }

  plan(id: string, spec: ProcessPauseSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `pause the target (SIGSTOP) for ${spec.durationMs} ms`,
      actions: ['kill -STOP <target pid>'],
      inverse: ['kill -CONT <target pid>'],
    };
  }

  async apply(id: string, _spec: ProcessPauseSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const { pid, startTime } = await target(this.type, id, ctx);
    await ctx.ledger.record({
      id,
      description: `process-pause: SIGSTOP to pid ${pid}`,
      inverse: [{ kind: 'signal', pid, signal: 'SIGCONT', startTime }],
    });
    this.handles.set(id, { pid, startTime });
    process.kill(pid, 'SIGSTOP');
    return { appliedAt: Date.now() };
  }

  async verify(id: string, _spec: ProcessPauseSpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    let state = '?';
    const stopped = await waitFor(async () => {
      const s = await procStat(h.pid);
      state = s === undefined || s.start !== h.startTime ? 'gone' : s.state;
      return state === 'T';
    }, 1000);
    return { verified: stopped, evidence: `/proc/${h.pid}/stat state ${state}` };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const PROCESS_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([
  ['process-kill', new ProcessKillFault()],
  ['process-pause', new ProcessPauseFault()],
]);
