/**
 * `clock-skew`: starts a command chaos-run owns under libfaketime (the `faketime` wrapper, FAKETIME="+<seconds>"),
 * so that process sees the clock shifted by the offset. Only processes chaos-run starts can be skewed.
 */
import { execCommand } from '../../../core/exec.js';
import { type Fault, type FaultContext, type FaultPlan, findExecutable, groupMembers, revertViaLedger, specError, startRecorded, type SpecLocation } from './types.js';

export type ClockSkewSpec = { offsetSeconds: number; command: string[] };

const OFFSET = /^([+-])(\d+)(s|m|h|d)?$/;
const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** How far the skewed clock may be from real time + offset. */
const TOLERANCE_S = 2;

/** libfaketime's relative offset: "+3600", "-30". */
function fakeTime(spec: ClockSkewSpec): string {
  return `${spec.offsetSeconds < 0 ? '-' : '+'}${Math.abs(spec.offsetSeconds)}`;
}

export class ClockSkewFault implements Fault<ClockSkewSpec> {
  readonly type = 'clock-skew';
  private readonly handles = new Map<string, { pid: number }>();

  async unsupported(): Promise<string | undefined> {
    if (process.platform !== 'linux') return 'needs Linux';
    return (await findExecutable('faketime')) === undefined ? 'faketime is not installed (apt-get install faketime)' : undefined;
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): ClockSkewSpec {
    const m = typeof spec.offset === 'string' ? OFFSET.exec(spec.offset.trim()) : null;
    if (m?.[1] === undefined || m[2] === undefined) {
      throw specError(where, 'offset', `expected a signed offset such as "+1h", "-30s", "+2d", got ${JSON.stringify(spec.offset)}`);
    }
    const offsetSeconds = (m[1] === '-' ? -1 : 1) * Number(m[2]) * (UNIT_S[m[3] ?? 's'] ?? 1);
    const command = spec.command;
    if (!Array.isArray(command) || command.length === 0 || !command.every((a) => typeof a === 'string') || command[0] === '') {
      throw specError(where, 'command', 'expected the command to start as a non-empty list of strings (argv), e.g. ["./server", "--port", "8080"]');
    }
    return { offsetSeconds, command };
  }

  /** The exact command line started. */
  argv(spec: ClockSkewSpec): string[] {
    return ['faketime', '-f', fakeTime(spec), ...spec.command];
  }

  plan(id: string, spec: ClockSkewSpec): FaultPlan {
    const argv = this.argv(spec);
    return {
      id,
      type: this.type,
      description: `start ${spec.command.join(' ')} with its clock ${fakeTime(spec)} s off`,
      actions: [argv.join(' ')],
      inverse: ['kill the started process tree (pid + start time checked)'],
    };
  }

  async apply(id: string, spec: ClockSkewSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const argv = this.argv(spec);
    const { pid } = await startRecorded(ctx, id, `clock-skew: ${argv.join(' ')}`, argv);
    this.handles.set(id, { pid });
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: ClockSkewSpec, ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const alive = (await groupMembers(h.pid)).length > 0;
    const before = Date.now() / 1000;
    const r = await execCommand({ argv: ['faketime', '-f', fakeTime(spec), 'date', '+%s'] }, { capture: true, stream: false, timeoutMs: 5000, signal: ctx.signal });
    const real = (before + Date.now() / 1000) / 2;
    const fake = Number((r.stdout ?? '').trim());
    if (r.failed || !Number.isFinite(fake) || (r.stdout ?? '').trim() === '') {
      return { verified: false, evidence: `faketime probe failed: ${r.error ?? r.tail.slice(-2).join(' | ')}` };
    }
    const diff = fake - real;
    const skewed = Math.abs(diff - spec.offsetSeconds) <= TOLERANCE_S;
    return {
      verified: skewed && alive,
      evidence: `date +%s under faketime ${fakeTime(spec)}: ${diff.toFixed(1)} s from the real clock (wanted ${spec.offsetSeconds} ± ${TOLERANCE_S}); pid ${h.pid} ${alive ? 'running' : 'not running'}`,
    };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const CLOCK_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([['clock-skew', new ClockSkewFault()]]);
