/**
 * One run of `node examples/demo.mjs` per test process, into temporary --out and --work directories, shared by the
 * tests that look at its output; and a scan of /proc for processes a demo left behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO = path.join(REPO, 'examples', 'demo.mjs');
/** The report directories the demo writes under --out, one per gate run. */
export const DEMO_REPORT_DIRS = ['perf-gate-demo', 'perf-gate-baseline', 'perf-gate-slowed', 'model-validate', 'chaos-run', 'readiness-checklist'] as const;

export interface DemoRun {
  out: string;
  work: string;
  /** The demo's pid, also its process group (it is started as a group leader). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

const temps: string[] = [];
process.once('exit', () => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

export interface StartedDemo {
  out: string;
  work: string;
  pid: number;
  /** Resolves on the first stdout chunk matching `re`, or rejects when the demo exits first. */
  waitFor(re: RegExp): Promise<void>;
  done: Promise<DemoRun>;
}

/** Start the demo (from dist/, as `npm run demo` does) in its own process group. */
export function startDemo(args: string[] = []): StartedDemo {
  const out = tempDir('shipgate-demo-out-');
  const work = tempDir('shipgate-demo-work-');
  const started = Date.now();
  const child = spawn(process.execPath, [DEMO, '--out', out, '--work', work, ...args], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += String(d);
    for (const w of [...waiters]) {
      if (w.re.test(stdout)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const done = new Promise<DemoRun>((resolve) => {
    child.once('close', (code, signal) => resolve({ out, work, pid: child.pid ?? -1, code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
  return {
    out,
    work,
    pid: child.pid ?? -1,
    done,
    waitFor: (re) =>
      re.test(stdout)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ re, resolve });
            void done.then((r) => reject(new Error(`the demo exited (${r.code ?? r.signal}) before printing ${re}\n${r.stdout}\n${r.stderr}`)));
          }),
  };
}

let cached: Promise<DemoRun> | undefined;

/** The demo's one full run of this test process. */
export function demoRun(): Promise<DemoRun> {
  cached ??= startDemo().done;
  return cached;
}

export interface ProcInfo {
  pid: number;
  pgrp: number;
  cmdline: string;
  cwd: string;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state ppid pgrp …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // a process of another user, or gone
    }
    if (fields[0] === 'Z') return undefined; // exited, waiting for its parent
    return { pid, pgrp: Number(fields[2]), cmdline, cwd };
  } catch {
    return undefined;
  }
}

/** Live processes in the demo's process group, or whose command line or working directory names one of `dirs`. */
export function leftovers(demoPid: number, dirs: string[]): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const p = procInfo(Number(name));
    if (p === undefined) continue;
    if (p.pgrp === demoPid || dirs.some((d) => p.cmdline.includes(d) || p.cwd === d || p.cwd.startsWith(`${d}/`))) found.push(p);
  }
  return found;
}

/** `leftovers` once they have had up to `ms` to exit. */
export async function leftoversAfter(demoPid: number, dirs: string[], ms = 5000): Promise<ProcInfo[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = leftovers(demoPid, dirs);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}
