/**
 * GPU faults, all through `nvidia-smi`: `gpu-power-cap` (`-pl`, undone by setting the limit read before),
 * `gpu-clock-cap` (`--lock-gpu-clocks` / `--lock-memory-clocks`, undone by `-rgc` / `-rmc`) and `gpu-stress` (a
 * burner — gpu_burn, dcgmproftester12 or a CUDA-capable PyTorch — started detached with a kill-tree inverse).
 * The inverses name nvidia-smi by the path found on PATH when the fault was applied, so a revert from another
 * environment (the watchdog, the next run) finds the same binary.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigurationError } from '../../../core/errors.js';
import { execCommand } from '../../../core/exec.js';
import { decodeThrottleReasons } from '../../../core/telemetry/gpu-sampler.js';
import type { Inverse } from '../ledger.js';
import { type Fault, type FaultContext, type FaultPlan, findExecutable, parseDuration, revertViaLedger, specError, startRecorded, type SpecLocation } from './types.js';

export type GpuPowerCapSpec = { gpu: number; watts: number };
export type GpuClockCapSpec = { gpu: number; smMhz: number; memoryMhz?: number };
export type GpuStressSpec = { gpu: number; durationMs: number };

const NO_NVIDIA_SMI = 'nvidia-smi not found (no NVIDIA driver on this runner)';
const NEEDS_ROOT = 'setting power/clock limits needs root';
const MAX_GPU_INDEX = 63;
const MAX_MHZ = 100_000;
const QUERY_TIMEOUT_MS = 15_000;
/** Allowed difference between the power limit asked for and the one read back. */
const POWER_TOLERANCE_W = 1;
/** A clock reading this far above the cap still counts as capped (readings are sampled, not instantaneous). */
const CLOCK_MARGIN_MHZ = 15;
/** How long verify polls utilization for a burner that is still starting (CUDA start-up takes seconds). */
const STRESS_VERIFY_MS = 10_000;
const STRESS_POLL_MS = 500;
const STRESS_MIN_UTIL = 50;
const TORCH_PROBE_TIMEOUT_MS = 60_000;
const CSV = '--format=csv,noheader,nounits';

/** Matmuls on the one visible GPU until argv[1] seconds have passed. */
const TORCH_BURNER = [
  'import sys, time, torch',
  'end = time.monotonic() + float(sys.argv[1])',
  "a = torch.randn(8192, 8192, device='cuda', dtype=torch.float16)",
  "b = torch.randn(8192, 8192, device='cuda', dtype=torch.float16)",
  'while time.monotonic() < end:',
  '    for _ in range(10):',
  '        c = a @ b',
  '    torch.cuda.synchronize()',
].join('\n');

function gpuIndex(spec: Record<string, unknown>, where: SpecLocation): number {
  const gpu = spec.gpu ?? 0;
  if (typeof gpu !== 'number' || !Number.isInteger(gpu) || gpu < 0 || gpu > MAX_GPU_INDEX) {
    throw specError(where, 'gpu', `expected a GPU index from 0 to ${MAX_GPU_INDEX} (as nvidia-smi numbers them), got ${JSON.stringify(gpu)}`);
  }
  return gpu;
}

function mhz(value: unknown, where: SpecLocation, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_MHZ) {
    throw specError(where, key, `expected a clock in MHz, a whole number from 1 to ${MAX_MHZ}, got ${JSON.stringify(value)}`);
  }
  return value;
}

async function nvidiaSmiPath(): Promise<string | undefined> {
  return findExecutable('nvidia-smi');
}

async function requireNvidiaSmi(id: string): Promise<string> {
  const smi = await nvidiaSmiPath();
  if (smi === undefined) throw new Error(`${id}: ${NO_NVIDIA_SMI}`);
  return smi;
}

/** Runs nvidia-smi; its stdout, or an Error with what it said. */
async function smi(bin: string, args: string[], signal?: AbortSignal): Promise<string> {
  const r = await execCommand({ argv: [bin, ...args] }, { capture: true, stream: false, timeoutMs: QUERY_TIMEOUT_MS, tailLines: 5, ...(signal === undefined ? {} : { signal }) });
  if (r.failed) {
    const said = r.error ?? (r.tail.length > 0 ? r.tail.slice(-3).join(' | ') : `exit code ${r.exitCode ?? r.signal ?? '?'}`);
    throw new Error(`nvidia-smi ${args.join(' ')}: ${said}`);
  }
  return r.stdout ?? '';
}

/** The fields of the first line of a `--format=csv,noheader,nounits` answer. */
async function queryGpu(bin: string, gpu: number, fields: string[], signal?: AbortSignal): Promise<string[]> {
  const out = await smi(bin, ['-i', String(gpu), `--query-gpu=${fields.join(',')}`, CSV], signal);
  const line = out.split('\n').find((l) => l.trim() !== '') ?? '';
  const values = line.split(',').map((s) => s.trim());
  if (values.length !== fields.length) throw new Error(`nvidia-smi -i ${gpu} --query-gpu=${fields.join(',')}: unexpected answer ${JSON.stringify(line)}`);
  return values;
}

function number(value: string | undefined, what: string): number {
  const n = value === undefined || value.startsWith('[') ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new Error(`nvidia-smi reported ${what} as ${JSON.stringify(value)} (not supported on this GPU?)`);
  return n;
}

/** "250.00" → "250", "162.5" → "162.5": the form passed back to `-pl`. */
function wattsArg(w: number): string {
  return String(Math.round(w * 100) / 100);
}

async function capsUnsupported(): Promise<string | undefined> {
  if ((await nvidiaSmiPath()) === undefined) return NO_NVIDIA_SMI;
  return process.getuid?.() === 0 ? undefined : NEEDS_ROOT;
}

/** On a failed apply: undo through the ledger; when that fails too, the entry stays pending for `chaos-run revert`. */
async function undoFailed(ctx: FaultContext, id: string, e: unknown): Promise<never> {
  await revertViaLedger(ctx.ledger, id).catch(() => undefined);
  throw e;
}

export class GpuPowerCapFault implements Fault<GpuPowerCapSpec> {
  readonly type = 'gpu-power-cap';
  private readonly originals = new Map<string, { bin: string; watts: number; min: number; max: number }>();

  unsupported(): Promise<string | undefined> {
    return capsUnsupported();
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): GpuPowerCapSpec {
    const gpu = gpuIndex(spec, where);
    if (typeof spec.watts !== 'number' || !Number.isFinite(spec.watts) || spec.watts <= 0) {
      throw specError(where, 'watts', `expected the power limit in watts, a positive number, got ${JSON.stringify(spec.watts)}`);
    }
    return { gpu, watts: spec.watts };
  }

  plan(id: string, spec: GpuPowerCapSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `cap GPU ${spec.gpu}'s power limit at ${spec.watts} W`,
      actions: [
        `nvidia-smi -i ${spec.gpu} --query-gpu=power.limit,power.min_limit,power.max_limit ${CSV}`,
        `nvidia-smi -i ${spec.gpu} -pl ${wattsArg(spec.watts)}`,
      ],
      inverse: [`nvidia-smi -i ${spec.gpu} -pl <the limit read before>`],
    };
  }

  async apply(id: string, spec: GpuPowerCapSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const bin = await requireNvidiaSmi(id);
    const [limit, minLimit, maxLimit] = await queryGpu(bin, spec.gpu, ['power.limit', 'power.min_limit', 'power.max_limit'], ctx.signal);
    const watts = number(limit, 'power.limit');
    const min = number(minLimit, 'power.min_limit');
    const max = number(maxLimit, 'power.max_limit');
    if (spec.watts < min || spec.watts > max) {
      throw new ConfigurationError(
        `chaos-run: fault ${id} (gpu-power-cap): watts ${spec.watts} is outside GPU ${spec.gpu}'s power limit range: min ${min} W, max ${max} W (power.min_limit, power.max_limit)`,
        { field: `${id}.watts` },
      );
    }
    const gpu = String(spec.gpu);
    await ctx.ledger.record({
      id,
      description: `gpu-power-cap: GPU ${gpu} power limit ${wattsArg(spec.watts)} W (was ${wattsArg(watts)} W)`,
      inverse: [{ kind: 'argv', argv: [bin, '-i', gpu, '-pl', wattsArg(watts)] }],
    });
    this.originals.set(id, { bin, watts, min, max });
    try {
      await smi(bin, ['-i', gpu, '-pl', wattsArg(spec.watts)], ctx.signal);
    } catch (e) {
      this.originals.delete(id);
      return undoFailed(ctx, id, e);
    }
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: GpuPowerCapSpec, ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const o = this.originals.get(id);
    if (o === undefined) return { verified: false, evidence: `${id} was not applied` };
    const [limit] = await queryGpu(o.bin, spec.gpu, ['power.limit'], ctx.signal);
    const now = number(limit, 'power.limit');
    const verified = Math.abs(now - spec.watts) <= POWER_TOLERANCE_W;
    return {
      verified,
      evidence: `GPU ${spec.gpu} power.limit reads ${now} W (asked ${spec.watts} W, tolerance ±${POWER_TOLERANCE_W} W); it was ${o.watts} W before (range ${o.min}–${o.max} W)`,
    };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.originals.delete(id);
    return r;
  }
}

/** NVML reason bits that show a clock limit set by software: applications clocks / locked clocks, SW power cap. */
const CAP_REASONS = new Set(['applications_clocks_setting', 'sw_power_cap']);

export class GpuClockCapFault implements Fault<GpuClockCapSpec> {
  readonly type = 'gpu-clock-cap';
  private readonly handles = new Map<string, { bin: string; smBefore: string; maxSm: string }>();

  unsupported(): Promise<string | undefined> {
    return capsUnsupported();
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): GpuClockCapSpec {
    const out: GpuClockCapSpec = { gpu: gpuIndex(spec, where), smMhz: mhz(spec.sm_mhz, where, 'sm_mhz') };
    if (spec.memory_mhz !== undefined) out.memoryMhz = mhz(spec.memory_mhz, where, 'memory_mhz');
    return out;
  }

  /** The setter argument lists, in order. */
  private setters(spec: GpuClockCapSpec): string[][] {
    const i = ['-i', String(spec.gpu)];
    return [[...i, `--lock-gpu-clocks=0,${spec.smMhz}`], ...(spec.memoryMhz === undefined ? [] : [[...i, `--lock-memory-clocks=0,${spec.memoryMhz}`]])];
  }

  private resetters(spec: GpuClockCapSpec): string[][] {
    const i = ['-i', String(spec.gpu)];
    return [[...i, '-rgc'], ...(spec.memoryMhz === undefined ? [] : [[...i, '-rmc']])];
  }

  plan(id: string, spec: GpuClockCapSpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `lock GPU ${spec.gpu}'s graphics clock to at most ${spec.smMhz} MHz${spec.memoryMhz === undefined ? '' : ` and its memory clock to at most ${spec.memoryMhz} MHz`}`,
      actions: this.setters(spec).map((a) => `nvidia-smi ${a.join(' ')}`),
      inverse: this.resetters(spec).map((a) => `nvidia-smi ${a.join(' ')}`),
    };
  }

  async apply(id: string, spec: GpuClockCapSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const bin = await requireNvidiaSmi(id);
    const [smBefore = '?', maxSm = '?'] = await queryGpu(bin, spec.gpu, ['clocks.sm', 'clocks.max.sm'], ctx.signal);
    const inverse: Inverse[] = this.resetters(spec).map((a) => ({ kind: 'argv', argv: [bin, ...a] }));
    await ctx.ledger.record({ id, description: `gpu-clock-cap: ${this.plan(id, spec).description}`, inverse });
    this.handles.set(id, { bin, smBefore, maxSm });
    try {
      for (const args of this.setters(spec)) await smi(bin, args, ctx.signal);
    } catch (e) {
      this.handles.delete(id);
      return undoFailed(ctx, id, e);
    }
    return { appliedAt: Date.now() };
  }

  /** clocks.sm, clocks.max.sm and the active reason mask, under the field name this driver knows. */
  private async readClocks(bin: string, gpu: number, signal: AbortSignal): Promise<{ sm: string; max: string; mask: string; field: string }> {
    let first: unknown;
    for (const field of ['clocks_throttle_reasons.active', 'clocks_event_reasons.active']) {
      try {
        const [sm = '', max = '', mask = ''] = await queryGpu(bin, gpu, ['clocks.sm', 'clocks.max.sm', field], signal);
        return { sm, max, mask, field };
      } catch (e) {
        first ??= e;
      }
    }
    throw first;
  }

  async verify(id: string, spec: GpuClockCapSpec, ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const c = await this.readClocks(h.bin, spec.gpu, ctx.signal);
    const sm = Number(c.sm);
    const reasons = decodeThrottleReasons(c.mask) ?? [];
    const below = Number.isFinite(sm) && sm <= spec.smMhz + CLOCK_MARGIN_MHZ;
    const byReason = reasons.some((r) => CAP_REASONS.has(r));
    const parts = [
      `GPU ${spec.gpu} clocks.sm ${c.sm} MHz (cap ${spec.smMhz} MHz, margin ${CLOCK_MARGIN_MHZ} MHz; clocks.max.sm ${c.max} MHz; ${h.smBefore} MHz before)`,
      `${c.field} ${c.mask}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    ];
    if (below && reasons.includes('gpu_idle')) parts.push('the GPU is idle, so a clock below the cap does not by itself show the lock');
    return { verified: below || byReason, evidence: parts.join('; ') };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

interface Burner {
  name: string;
  /** The command for `seconds`, without the environment. */
  argv: (seconds: number) => string[];
  cwd?: string;
}

/** The first burner found: gpu_burn / gpu-burn, dcgmproftester12, or python3 with torch and a CUDA device. */
async function findBurner(): Promise<Burner | undefined> {
  for (const name of ['gpu_burn', 'gpu-burn']) {
    const bin = await findExecutable(name);
    // gpu_burn loads compare.ptx from its working directory: run it where the binary lives.
    if (bin !== undefined) {
      const dir = path.dirname(await realpath(bin).catch(() => bin));
      return { name, argv: (s) => [bin, String(s)], cwd: dir };
    }
  }
  const dcgm = await findExecutable('dcgmproftester12');
  if (dcgm !== undefined) return { name: 'dcgmproftester12', argv: (s) => [dcgm, '--no-dcgm-validation', '-t', '1004', '-d', String(s)] };
  const python = await findExecutable('python3');
  if (python !== undefined) {
    const probe = 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)';
    const r = await execCommand({ argv: [python, '-c', probe] }, { stream: false, timeoutMs: TORCH_PROBE_TIMEOUT_MS, tailLines: 3 });
    if (!r.failed) return { name: 'python3 (torch)', argv: (s) => [python, '-c', TORCH_BURNER, String(s)] };
  }
  return undefined;
}

export class GpuStressFault implements Fault<GpuStressSpec> {
  readonly type = 'gpu-stress';
  private burner: Promise<Burner | undefined> | undefined;
  private readonly handles = new Map<string, { bin: string; pid: number; burner: string }>();

  /** Looked up once per instance (the torch probe takes seconds). */
  private findBurner(): Promise<Burner | undefined> {
    return (this.burner ??= findBurner());
  }

  async unsupported(): Promise<string | undefined> {
    if ((await nvidiaSmiPath()) === undefined) return NO_NVIDIA_SMI;
    return (await this.findBurner()) === undefined ? 'no GPU burner found (gpu_burn, gpu-burn, dcgmproftester12, or python3 with torch and CUDA)' : undefined;
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): GpuStressSpec {
    return { gpu: gpuIndex(spec, where), durationMs: parseDuration(spec.duration, where, 'duration') };
  }

  /** CUDA numbers devices fastest first unless told otherwise; PCI bus order matches nvidia-smi's indexes. */
  private envArgv(spec: GpuStressSpec, argv: string[]): string[] {
    return ['env', 'CUDA_DEVICE_ORDER=PCI_BUS_ID', `CUDA_VISIBLE_DEVICES=${spec.gpu}`, ...argv];
  }

  plan(id: string, spec: GpuStressSpec): FaultPlan {
    const seconds = Math.max(1, Math.ceil(spec.durationMs / 1000));
    return {
      id,
      type: this.type,
      description: `load GPU ${spec.gpu} for ${seconds} s with a burner`,
      actions: [
        `env CUDA_DEVICE_ORDER=PCI_BUS_ID CUDA_VISIBLE_DEVICES=${spec.gpu} <the first found of: gpu_burn ${seconds} | gpu-burn ${seconds} | dcgmproftester12 --no-dcgm-validation -t 1004 -d ${seconds} | python3 -c <torch matmul loop> ${seconds}>`,
      ],
      inverse: ['kill the burner process tree (pid + start time checked)'],
    };
  }

  async apply(id: string, spec: GpuStressSpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const bin = await requireNvidiaSmi(id);
    const burner = await this.findBurner();
    if (burner === undefined) throw new Error(`${id}: no GPU burner found (gpu_burn, gpu-burn, dcgmproftester12, or python3 with torch and CUDA)`);
    const argv = this.envArgv(spec, burner.argv(Math.max(1, Math.ceil(spec.durationMs / 1000))));
    const shown = burner.name.startsWith('python3') ? `${burner.name} matmul loop` : argv.join(' ');
    const { pid } = await startRecorded(ctx, id, `gpu-stress: ${shown} on GPU ${spec.gpu}`, argv, { cwd: burner.cwd ?? ctx.workDir });
    this.handles.set(id, { bin, pid, burner: burner.name });
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: GpuStressSpec, ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const start = Date.now();
    let peak: number | undefined;
    let error: string | undefined;
    for (;;) {
      try {
        const [util] = await queryGpu(h.bin, spec.gpu, ['utilization.gpu'], ctx.signal);
        const u = Number(util);
        if (Number.isFinite(u)) peak = Math.max(peak ?? 0, u);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if ((peak ?? 0) >= STRESS_MIN_UTIL || Date.now() - start >= STRESS_VERIFY_MS) break;
      await delay(STRESS_POLL_MS, undefined, { signal: ctx.signal });
    }
    const took = ((Date.now() - start) / 1000).toFixed(1);
    const seen = peak === undefined ? `no utilization.gpu reading${error === undefined ? '' : ` (${error})`}` : `utilization.gpu peaked at ${peak}%`;
    return {
      verified: (peak ?? 0) >= STRESS_MIN_UTIL,
      evidence: `${h.burner} (pid ${h.pid}) on GPU ${spec.gpu}: ${seen} over ${took} s of polling (needed ≥ ${STRESS_MIN_UTIL}%)`,
    };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    const r = await revertViaLedger(ctx.ledger, id);
    this.handles.delete(id);
    return r;
  }
}

export const GPU_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([
  ['gpu-power-cap', new GpuPowerCapFault()],
  ['gpu-clock-cap', new GpuClockCapFault()],
  ['gpu-stress', new GpuStressFault()],
]);
