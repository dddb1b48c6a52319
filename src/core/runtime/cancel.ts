import { killAllRunning } from '../exec.js';
import type { Logger } from '../log.js';

/**
 * Runner cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills 2.5 s after that.
 * On the first signal we abort the gate's work and kill every process tree we started at once, so that
 * nothing outlives the step; the post step (if any) still runs afterwards.
 */
export function installCancellation(log: Logger, opts: { exitOnSecondSignal?: boolean } = {}): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      log.warning(`received ${sig}: cancelling, stopping child processes`);
      controller.abort(new Error(`cancelled by ${sig}`));
      void killAllRunning('SIGTERM');
      // Whatever is still running gets SIGKILL well inside the runner's window.
      setTimeout(() => void killAllRunning('SIGKILL'), 2000).unref();
    } else {
      void killAllRunning('SIGKILL');
      // In a terminal a second Ctrl-C means "stop now"; on a runner the runner decides when to kill.
      if (opts.exitOnSecondSignal) process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
