/**
 * The detached watchdog: a separate process (scripts/chaos-watchdog.mjs, plain JavaScript) that reverts whatever
 * is still pending in the fault ledger when the deadline passes, or when the runner process has died and 2 s
 * have passed with the ledger still pending, even when the runner was SIGKILLed.
 *
 * Script path: by default resolved relative to this module's source file (src/gates/chaos-run/ ->
 * scripts/chaos-watchdog.mjs), which holds when running from the sources. Inside the ncc bundle this module's URL
 * is dist/index.js, so the gate must pass `script` explicitly (the path of chaos-watchdog.mjs shipped with the
 * action); startWatchdog throws when the script is not found rather than start nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../../core/exec.js';
import { processStartTime } from './ledger.js';

export interface WatchdogOptions {
  ledgerDir: string;
  /** When everything still pending is reverted, whether or not the parent lives. */
  deadline: Date;
  /** The process whose death (plus `graceMs`) makes the watchdog revert early. */
  parentPid: number;
  /** Node binary; default process.execPath. */
  node?: string;
  /** Path of scripts/chaos-watchdog.mjs; required when running from the bundle (see the module comment). */
  script?: string;
  /** Wait after the parent's death before reverting (default 2000 ms). */
  graceMs?: number;
  /** Overall revert deadline (default 9000 ms). */
  revertDeadlineMs?: number;
}

export interface Watchdog {
  pid: number;
  /** Stops the watchdog without reverting (the normal end, after the post step reverted). */
  cancel(): Promise<void>;
}

const CANCEL_WAIT_MS = 1000;

export function defaultWatchdogScript(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/chaos-watchdog.mjs');
}

export async function startWatchdog(opts: WatchdogOptions): Promise<Watchdog> {
  const script = opts.script ?? defaultWatchdogScript();
  if (!existsSync(script)) throw new Error(`chaos watchdog script not found: ${script} (pass its path as \`script\`)`);
  const parentStart = await processStartTime(opts.parentPid);
  const args = [
    script,
    '--ledger-dir',
    path.resolve(opts.ledgerDir),
    '--deadline',
    opts.deadline.toISOString(),
    '--parent-pid',
    String(opts.parentPid),
    ...(parentStart === undefined ? [] : ['--parent-start', parentStart]),
    ...(opts.graceMs === undefined ? [] : ['--grace-ms', String(opts.graceMs)]),
    ...(opts.revertDeadlineMs === undefined ? [] : ['--revert-deadline-ms', String(opts.revertDeadlineMs)]),
  ];
  // Not execCommand: that waits for the command and kills its leftovers, and this one must outlive us.
  // detached: a new session (setsid), so the runner's process group kill does not take it down with us.
  // The environment leaves out the action's inputs and the runner's credentials, like every other child.
  const child = spawn(opts.node ?? process.execPath, args, { detached: true, stdio: 'ignore', env: { ...childEnvironment(process.env), NODE_OPTIONS: '' } });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('chaos watchdog did not start');
  const start = await processStartTime(pid);
  let exited = false;
  child.once('exit', () => (exited = true));

  const alive = async (): Promise<boolean> => {
    if (exited) return false;
    const now = await processStartTime(pid);
    return now !== undefined && (start === undefined || now === start);
  };
  return {
    pid,
    async cancel(): Promise<void> {
      if (!(await alive())) return;
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      const end = performance.now() + CANCEL_WAIT_MS;
      while ((await alive()) && performance.now() < end) await delay(20);
      if (await alive()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    },
  };
}
