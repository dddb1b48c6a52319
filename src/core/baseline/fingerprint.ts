import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { execa } from 'execa';
import type { RunnerInfo } from '../report/model.js';

/**
 * The facts that make two measurements comparable: GPU model, driver and CUDA version, CPU model, OS and
 * architecture. Baselines recorded on a different fingerprint are flagged, never compared silently.
 */
export interface HardwareFacts {
  os: string;
  arch: string;
  cpuModel: string;
  cpuCount: number;
  gpus: { name: string; driver?: string; cuda?: string; memoryMiB?: number }[];
  /** Why no GPU facts were recorded (no nvidia-smi, no GPU). */
  gpuNote?: string;
}

async function osName(): Promise<string> {
  try {
    const text = await readFile('/etc/os-release', 'utf8');
    const get = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text)?.[1];
    const id = get('ID');
    const version = get('VERSION_ID');
    if (id) return `${id}${version ? ` ${version}` : ''}`;
  } catch {
    // not Linux, or no os-release: fall back to the platform name
  }
  return `${os.platform()} ${os.release().split('.')[0] ?? ''}`.trim();
}

export async function nvidiaGpus(nvidiaSmi = 'nvidia-smi'): Promise<{ gpus: HardwareFacts['gpus']; note?: string }> {
  try {
    const q = await execa(nvidiaSmi, ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits'], { timeout: 10_000, reject: false });
    if ((q as { code?: string }).code === 'ENOENT') return { gpus: [], note: 'no nvidia-smi on this runner' };
    if (q.exitCode !== 0) return { gpus: [], note: `nvidia-smi failed (exit ${q.exitCode}): ${String(q.stderr || q.stdout).trim().slice(0, 200)}` };
    const header = await execa(nvidiaSmi, [], { timeout: 10_000, reject: false });
    const cuda = /CUDA Version:\s*([\d.]+)/.exec(String(header.stdout))?.[1];
    const gpus = String(q.stdout)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => {
        const [name = '', driver, mem] = l.split(',').map((s) => s.trim());
        const memoryMiB = Number(mem);
        return { name, driver, ...(cuda ? { cuda } : {}), ...(Number.isFinite(memoryMiB) ? { memoryMiB } : {}) };
      });
    return gpus.length ? { gpus } : { gpus, note: 'nvidia-smi lists no GPU' };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { gpus: [], note: code === 'ENOENT' ? 'no nvidia-smi on this runner' : `nvidia-smi could not run: ${(e as Error).message}` };
  }
}

export async function hardwareFacts(opts: { nvidiaSmi?: string } = {}): Promise<HardwareFacts> {
  const cpus = os.cpus();
  const { gpus, note } = await nvidiaGpus(opts.nvidiaSmi);
  return {
    os: await osName(),
    arch: os.arch(),
    cpuModel: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cpuCount: cpus.length,
    gpus,
    ...(note ? { gpuNote: note } : {}),
  };
}

/** Short stable hash of the comparable facts (memory size and CPU count do not change the hardware class). */
export function fingerprintOf(f: Pick<HardwareFacts, 'os' | 'arch' | 'cpuModel' | 'gpus'>): string {
  const canonical = JSON.stringify({
    os: f.os,
    arch: f.arch,
    cpu: f.cpuModel,
    gpus: f.gpus.map((g) => [g.name, g.driver ?? '', g.cuda ?? '']).sort(),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function runnerInfo(f: HardwareFacts, name = process.env.RUNNER_NAME): RunnerInfo {
  return {
    os: f.os,
    arch: f.arch,
    ...(name ? { name } : {}),
    cpuModel: f.cpuModel,
    gpus: f.gpus,
    fingerprint: fingerprintOf(f),
  };
}
