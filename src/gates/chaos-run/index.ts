/**
 * The chaos-run gate. Before anything: the runner-label allow list, then a sweep of what earlier runs on this runner
 * left in the ledger. Then a detached watchdog (reverts even when this process is SIGKILLed), the experiment
 * (shipgate's format, or a Chaos Toolkit experiment), and the report. The action's post step reverts whatever the
 * ledger still holds; `shipgate chaos-run revert` does the same by hand.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { reportShell, type Gate, type GateContext } from '../../core/gate.js';
import type { Block, Finding, Report, Verdict } from '../../core/report/model.js';
import { ctkPlanText, isChaosToolkitDocument, loadCtkExperiment, runCtkExperiment, type CtkJournal } from './chaostoolkit.js';
import { type Experiment, loadExperiment, planText } from './experiment.js';
import { FAULTS } from './faults/index.js';
import { Ledger, type RevertResult } from './ledger.js';
import { details, findings, journal, sections, svgTimeline } from './report.js';
import { planFaults, prepareFaults, runExperiment } from './run.js';
import { startWatchdog, type Watchdog } from './watchdog.js';

/** Extra time the watchdog allows beyond the experiment's own limits before it reverts on its own. */
const WATCHDOG_MARGIN_MS = 120_000;

/** Where the fault ledger lives: it must outlast the job, so that the next run on this runner can sweep it. */
export function ledgerDir(input: string | undefined): string {
  if (input) return path.resolve(input);
  if (process.env.SHIPGATE_CHAOS_LEDGER_DIR) return path.resolve(process.env.SHIPGATE_CHAOS_LEDGER_DIR);
  const state = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  return path.join(state, 'shipgate', 'chaos-ledger');
}

/**
 * This runner's labels: SHIPGATE_RUNNER_LABELS (comma-separated; set it in the runner's .env file, which a
 * self-hosted runner passes to every job), else what the runner tells every job: its name, OS, architecture and
 * `self-hosted` on self-hosted runners.
 */
export function runnerLabels(env: NodeJS.ProcessEnv = process.env): string[] {
  const set = env.SHIPGATE_RUNNER_LABELS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (set?.length) return set;
  return [env.RUNNER_NAME, env.RUNNER_OS, env.RUNNER_ARCH, env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'self-hosted' : undefined].filter((x): x is string => Boolean(x));
}

function checkLabels(allowedInput: string | undefined, e: { file: string; allowed?: string[] }): void {
  const fromInput = allowedInput?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const lists: { where: string; allowed: string[] }[] = [];
  if (fromInput.length) lists.push({ where: 'input allowed-runner-labels', allowed: fromInput });
  if (e.allowed?.length) lists.push({ where: `${e.file}: limits.allowed_runner_labels`, allowed: e.allowed });
  if (!lists.length) return;
  const have = runnerLabels();
  for (const l of lists) {
    if (!l.allowed.some((a) => have.some((h) => h.toLowerCase() === a.toLowerCase()))) {
      throw new ConfigurationError(
        `chaos-run refuses to run here: this runner's labels (${have.join(', ') || 'none known'}) include none of ${l.allowed.join(', ')} (${l.where}). Run it on a runner meant for chaos, or list that runner's labels in SHIPGATE_RUNNER_LABELS in its .env file.`,
        { field: 'allowed-runner-labels' },
      );
    }
  }
}

function runIdOf(ctx: GateContext): string {
  const raw = `${ctx.run.runId ?? 'local'}-${ctx.run.runAttempt ?? '1'}-${process.pid}-${Date.now().toString(36)}`;
  return raw.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The watchdog script ships in the action's scripts/ folder, above dist/ and above src/gates/chaos-run/. */
async function watchdogScript(): Promise<string | undefined> {
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'scripts', 'chaos-watchdog.mjs');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function sweepText(r: RevertResult): string {
  return `Swept what an earlier run left behind: ${r.reverted.length} reverted${r.reverted.length ? ` (${r.reverted.join(', ')})` : ''}${r.failed.length ? `; ${r.failed.length} could not be reverted: ${r.failed.map((f) => `${f.id}: ${f.error}`).join('; ')}` : ''}.`;
}

async function readDoc(abs: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`${shown}: cannot read the experiment (${errorMessage(e)}). Check the \`experiment\` input.`, { location: { file: shown }, field: 'experiment' });
  }
  try {
    return parseYaml(text) as unknown;
  } catch {
    return undefined; // the loader reports the syntax error with its line
  }
}

async function runChaos(ctx: GateContext): Promise<Report> {
  const rel = ctx.inputs.optional('experiment');
  if (!rel) throw new ConfigurationError('input `experiment` is required: the experiment file (shipgate YAML/JSON, or a Chaos Toolkit experiment).', { field: 'experiment' });
  const abs = path.resolve(ctx.workspace, rel);
  const shown = path.relative(ctx.workspace, abs) || rel;
  const dryRun = ctx.inputs.boolean('dry-run', false);
  await mkdir(ctx.reportDir, { recursive: true });
  if (isChaosToolkitDocument(await readDoc(abs, shown))) return runToolkit(ctx, abs, shown, dryRun);

  const e = await loadExperiment(abs, { displayPath: shown, knownFaultTypes: [...FAULTS.keys()] });
  const prepared = await prepareFaults(e, FAULTS);
  if (dryRun) {
    const plans = planFaults(prepared);
    const text = [planText(e), '', ...plans.map((p) => [`${p.id} (${p.type}): ${p.description}`, ...p.actions.map((a) => `  do:   ${a}`), ...p.inverse.map((a) => `  undo: ${a}`)].join('\n'))].join('\n');
    return {
      ...reportShell(ctx),
      verdict: 'pass',
      summary: `dry run: ${plans.length} fault(s) planned, nothing touched`,
      findings: [],
      details: { experiment: shown, dryRun: true, plan: plans },
      sections: [{ id: 'plan', title: 'Plan (dry run: nothing was touched)', importance: 'essential', blocks: [{ type: 'code', text }] }],
      outputs: { lost: 0, 'recovery-seconds': '' },
    };
  }
  checkLabels(ctx.inputs.optional('allowed-runner-labels'), { file: shown, ...(e.limits.allowed_runner_labels ? { allowed: e.limits.allowed_runner_labels } : {}) });

  const runId = runIdOf(ctx);
  const ledger = await Ledger.open(ledgerDir(ctx.inputs.optional('ledger-dir')), runId);
  const notes: string[] = [];
  if ((await ledger.pending()).length) {
    const swept = await ledger.revertAll();
    notes.push(sweepText(swept));
    ctx.log.warning(sweepText(swept));
  }
  let watchdog: Watchdog | undefined;
  const script = await watchdogScript();
  // SHIPGATE_CHAOS_WATCHDOG_MARGIN_MS shortens (or lengthens) the margin, e.g. to see the watchdog act in a test.
  const margin = Number(process.env.SHIPGATE_CHAOS_WATCHDOG_MARGIN_MS ?? WATCHDOG_MARGIN_MS);
  const deadline = new Date(Date.now() + (e.limits.max_duration + e.target.ready_timeout + e.limits.recovery) * 1000 + (Number.isFinite(margin) && margin >= 0 ? margin : WATCHDOG_MARGIN_MS));
  if (script !== undefined) watchdog = await startWatchdog({ ledgerDir: ledger.dir, deadline, parentPid: process.pid, script });
  else notes.push('the watchdog script was not found next to the action: faults are reverted by this process and the post step only');

  let result;
  try {
    result = await runExperiment({ experiment: e, registry: FAULTS, ledger, workDir: ctx.reportDir, runId, signal: ctx.signal, log: ctx.log });
  } finally {
    await watchdog?.cancel();
    await ledger.prune().catch(() => 0);
  }
  result.notes.unshift(...notes);
  await writeFile(path.join(ctx.reportDir, 'timeline.svg'), svgTimeline(result));
  await writeFile(path.join(ctx.reportDir, 'journal.json'), `${JSON.stringify(journal(e, result), null, 2)}\n`);
  return toReport(ctx, e, result);
}

function toReport(ctx: GateContext, e: Experiment, r: Awaited<ReturnType<typeof runExperiment>>): Report {
  const v = r.verdicts;
  const summary = [
    r.steadyBefore.ok ? `${r.faults.filter((o) => o.verified).length}/${r.faults.length} faults verified` : 'not in steady state before injection: nothing injected',
    r.recovery.maxSeconds === undefined ? (v.recovery === 'fail' ? 'did not recover' : '') : `recovery ≤ ${r.recovery.maxSeconds.toFixed(2)} s`,
    r.integrity.checks.length ? `${r.integrity.lost} acknowledged write(s) lost` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    ...reportShell(ctx),
    verdict: r.verdict,
    summary,
    findings: findings(e, r),
    details: { ...details(e, r), files: { timeline: 'timeline.svg', journal: 'journal.json', ...(r.integrity.historyFile ? { history: path.relative(ctx.reportDir, r.integrity.historyFile) } : {}) } },
    sections: sections(e, r),
    outputs: { lost: r.integrity.lost, 'recovery-seconds': r.recovery.maxSeconds === undefined ? '' : r.recovery.maxSeconds.toFixed(3) },
  };
}

async function runToolkit(ctx: GateContext, abs: string, shown: string, dryRun: boolean): Promise<Report> {
  const e = await loadCtkExperiment(abs, { displayPath: shown });
  if (dryRun) {
    const text = ctkPlanText(e);
    return {
      ...reportShell(ctx),
      verdict: 'pass',
      summary: 'dry run of a Chaos Toolkit experiment: nothing touched',
      findings: [],
      details: { experiment: shown, dryRun: true, format: 'chaostoolkit' },
      sections: [{ id: 'plan', title: 'Plan (dry run: nothing was touched)', importance: 'essential', blocks: [{ type: 'code', text }] }],
      outputs: { lost: 0, 'recovery-seconds': '' },
    };
  }
  checkLabels(ctx.inputs.optional('allowed-runner-labels'), { file: shown });
  const j: CtkJournal = await runCtkExperiment(e, { signal: ctx.signal, cwd: path.dirname(abs) });
  await writeFile(path.join(ctx.reportDir, 'journal.json'), `${JSON.stringify(j, null, 2)}\n`);
  const before = j.steady_states.before as { steady_state_met?: boolean } | null;
  const after = j.steady_states.after as { steady_state_met?: boolean } | null;
  const verdict: Verdict = j.status === 'aborted' ? 'error' : before?.steady_state_met === false ? 'inconclusive' : j.deviated || after?.steady_state_met === false ? 'fail' : 'pass';
  type Rec = { activity?: { name?: string; type?: string; provider?: { type?: string } }; status?: string; tolerance_met?: boolean };
  const runs = j.run as Rec[];
  const rollbacks = j.rollbacks as Rec[];
  const rolledBack = rollbacks.every((r) => r.status === 'succeeded');
  const findingsOut: Finding[] = [];
  if (verdict === 'fail') findingsOut.push({ id: 'deviated', title: 'steady state not met after the method', severity: 'high', status: 'fail', message: 'the steady-state hypothesis deviated after the method ran', location: { file: shown } });
  if (verdict === 'inconclusive') findingsOut.push({ id: 'steady-state', title: 'not in steady state before the method', severity: 'high', status: 'inconclusive', message: 'the steady-state hypothesis was not met before the method; the method was skipped', location: { file: shown } });
  if (!rolledBack) findingsOut.push({ id: 'rollbacks', title: 'a rollback failed', severity: 'critical', status: 'fail', message: rollbacks.filter((r) => r.status !== 'succeeded').map((r) => r.activity?.name ?? '?').join(', '), location: { file: shown } });
  const blocks: Block[] = [
    { type: 'text', text: `Chaos Toolkit experiment "${e.title}": status ${j.status}${j.deviated ? ', deviated' : ''}. Steady state before: ${before?.steady_state_met === false ? 'not met' : 'met'}; after: ${after === null ? 'not checked' : after.steady_state_met === false ? 'not met' : 'met'}. Rollbacks always run.` },
    {
      type: 'table',
      columns: ['phase', 'activity', 'type', 'status'],
      rows: [
        ...runs.map((r) => ({ cells: ['method', r.activity?.name ?? '?', r.activity?.type ?? '?', r.status ?? '?'], status: r.status === 'succeeded' ? ('pass' as const) : ('fail' as const) })),
        ...rollbacks.map((r) => ({ cells: ['rollback', r.activity?.name ?? '?', r.activity?.type ?? '?', r.status ?? '?'], status: r.status === 'succeeded' ? ('pass' as const) : ('fail' as const) })),
      ],
    },
  ];
  return {
    ...reportShell(ctx),
    verdict: rolledBack ? verdict : 'fail',
    summary: `Chaos Toolkit: ${j.status}${j.deviated ? ', deviated' : ''}; ${runs.length} activities, ${rollbacks.length} rollback(s)`,
    findings: findingsOut,
    details: {
      experiment: shown,
      format: 'chaostoolkit',
      status: j.status,
      deviated: j.deviated,
      faults: runs.filter((r) => r.activity?.type === 'action').map((r) => ({ id: r.activity?.name ?? '?', type: r.activity?.provider?.type ?? 'action', verified: r.status === 'succeeded', reverted: rolledBack })),
      recovery: { maxSeconds: null },
      integrity: { lost: 0, unexpected: 0, duplicated: 0, recovered: 0, checks: [] },
      files: { journal: 'journal.json' },
    },
    sections: [{ id: 'chaostoolkit', title: 'Chaos Toolkit run', importance: 'essential', blocks }],
    outputs: { lost: 0, 'recovery-seconds': '' },
  };
}

/** Reverts whatever the ledger holds (this runner's earlier runs included). Used by the post step and `chaos-run revert`. */
export async function revertLedger(dir: string): Promise<RevertResult & { warnings: string[] }> {
  const ledger = await Ledger.open(dir, `revert-${process.pid}-${Date.now().toString(36)}`);
  const r = await ledger.revertAll();
  const warnings = ledger.warnings;
  await ledger.prune().catch(() => 0);
  return { ...r, warnings };
}

async function post(ctx: GateContext): Promise<void> {
  const dir = ledgerDir(ctx.inputs.optional('ledger-dir'));
  const r = await revertLedger(dir);
  for (const w of r.warnings) ctx.log.warning(`chaos-run ledger: ${w}`);
  if (r.reverted.length) ctx.log.warning(`chaos-run post: reverted what the run left behind: ${r.reverted.join(', ')}`);
  for (const f of r.failed) ctx.log.error(`chaos-run post: could not revert ${f.id}: ${f.error}`);
}

export const gate: Gate = { gate: 'chaos-run', run: runChaos, post };
