import path from 'node:path';
import { hardwareFacts, runnerInfo } from '../baseline/fingerprint.js';
import { RepoBaselineStore } from '../baseline/store.js';
import { DEFAULT_HISTORY } from '../baseline/history.js';
import { errorMessage, isConfigurationError } from '../errors.js';
import type { Gate, GateContext } from '../gate.js';
import { runContext } from '../github/context.js';
import { consoleLogger } from '../log.js';
import { writeReportFiles } from '../report/files.js';
import type { Report } from '../report/model.js';
import { renderTerminal } from '../report/render-terminal.js';
import { installCancellation } from './cancel.js';
import { InputReader, mapInputs } from './inputs.js';
import { checkSuiteName } from './common.js';
import { errorReport } from './error-report.js';

/** CLI exit codes (the design's contract). */
export const ExitCode = { Ok: 0, Failed: 1, BadInput: 2, Internal: 3 } as const;

export function exitCodeFor(report: Report): number {
  if (report.verdict === 'fail') return ExitCode.Failed;
  if (report.verdict === 'error') {
    const kind = (report.details.error as { kind?: string } | undefined)?.kind;
    return kind === 'configuration' ? ExitCode.BadInput : ExitCode.Internal;
  }
  return ExitCode.Ok;
}

export interface CliRunOptions {
  name: string;
  reportDir: string;
  /** Gate inputs under their action input names. */
  inputs: Record<string, string | undefined>;
  verbose?: boolean;
  color?: boolean;
  stdout?: NodeJS.WritableStream;
}

/** Run a gate locally: same gate code, local sinks (report files and the terminal). */
export async function runGateCli(gate: Gate, opts: CliRunOptions): Promise<number> {
  const log = consoleLogger({ verbose: opts.verbose ?? false });
  const out = opts.stdout ?? process.stdout;
  const cancel = installCancellation(log, { exitOnSecondSignal: true });
  try {
    try {
      checkSuiteName(opts.name, 'option --name', 'name');
    } catch (e) {
      log.error(errorMessage(e));
      return ExitCode.BadInput;
    }
    const workspace = process.cwd();
    const runner = runnerInfo(await hardwareFacts());
    const ctx: GateContext = {
      gate: gate.gate,
      name: opts.name,
      workspace,
      reportDir: path.resolve(opts.reportDir),
      signal: cancel.signal,
      log,
      run: runContext(),
      runner,
      baselines: new RepoBaselineStore(workspace),
      historySize: DEFAULT_HISTORY,
      inputs: new InputReader(mapInputs(opts.inputs)),
      startedAt: new Date(),
      inAction: false,
    };
    let report: Report;
    try {
      report = await gate.run(ctx);
    } catch (e) {
      if (isConfigurationError(e)) log.error(e.message, e.location);
      else log.error(`internal error: ${errorMessage(e)}${opts.verbose && e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
      report = errorReport(ctx, e);
    }
    let file: string;
    try {
      file = await writeReportFiles(report, ctx.reportDir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!code) throw e;
      log.error(`cannot write the report to ${ctx.reportDir} (${code}): choose a writable --report-dir`);
      return ExitCode.BadInput;
    }
    out.write(renderTerminal(report, { color: opts.color ?? false }));
    log.info(`report: ${path.relative(process.cwd(), file) || file}`);
    return cancel.signal.aborted ? ExitCode.Failed : exitCodeFor(report);
  } finally {
    cancel.dispose();
  }
}
