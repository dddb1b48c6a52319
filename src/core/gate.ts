import { appendEntry, emptyHistory } from './baseline/history.js';
import type { BaselineStore } from './baseline/store.js';
import type { RunContext } from './github/context.js';
import type { Logger } from './log.js';
import type { InputReader } from './runtime/inputs.js';
import { REPORT_SCHEMA_VERSION, type GateName, type Report, type RunnerInfo } from './report/model.js';
import { gitInfo } from './github/context.js';

/** What a gate gets to do its work. The same whether it runs as an action or from the CLI. */
export interface GateContext {
  gate: GateName;
  /** The suite / instance name (check-run name, comment marker, baseline key). */
  name: string;
  workspace: string;
  reportDir: string;
  /** Aborted on runner cancellation (SIGINT/SIGTERM) or Ctrl-C. */
  signal: AbortSignal;
  log: Logger;
  run: RunContext;
  runner: RunnerInfo;
  baselines: BaselineStore;
  /** Number of baseline runs to keep. */
  historySize: number;
  /** Gate-specific inputs (action `with:` or CLI flags mapped to the same names). */
  inputs: InputReader;
  startedAt: Date;
  /** True when running as a GitHub Action (vs the CLI). */
  inAction: boolean;
}

export interface Gate {
  gate: GateName;
  run(ctx: GateContext): Promise<Report>;
  /** Cleanup that must happen even when main was cancelled or killed (the action's post step). */
  post?(ctx: GateContext): Promise<void>;
}

/** The boilerplate part of a Report, filled from the context. */
export function reportShell(ctx: GateContext): Omit<Report, 'verdict' | 'summary' | 'findings' | 'details' | 'sections'> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    gate: ctx.gate,
    name: ctx.name,
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    runner: ctx.runner,
    git: gitInfo(ctx.run),
  };
}

/** Appends this run's data to the suite's baseline history (bounded by ctx.historySize) and saves it; returns where. */
export async function saveRunBaseline<T>(ctx: GateContext, data: T): Promise<string> {
  const { history } = await ctx.baselines.load<T>(ctx.gate, ctx.name);
  const next = appendEntry(
    history ?? emptyHistory<T>(ctx.gate, ctx.name),
    {
      createdAt: new Date().toISOString(),
      fingerprint: ctx.runner.fingerprint ?? '',
      runner: ctx.runner,
      git: { ...(ctx.run.sha ? { sha: ctx.run.sha } : {}), ...(ctx.run.ref ? { ref: ctx.run.ref } : {}), ...(ctx.run.runId ? { runId: ctx.run.runId } : {}) },
      data,
    },
    ctx.historySize,
  );
  return (await ctx.baselines.save(next)).location;
}
