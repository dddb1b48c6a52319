import { glob, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseBaseline } from '../../core/baseline/history.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { execCommand } from '../../core/exec.js';
import { reportShell, saveRunBaseline, type Gate, type GateContext } from '../../core/gate.js';
import { isDefaultBranchPush } from '../../core/github/context.js';
import type { Finding, Report, Section } from '../../core/report/model.js';
import { median } from '../../core/stats/descriptive.js';
import { startTelemetry, toCsv, type TelemetryResult } from '../../core/telemetry/sampler.js';
import { abOrder, resolveBase, withWorktrees } from './ab.js';
import { writePerfCharts } from './charts.js';
import { compare, type ResultRow } from './compare.js';
import { loadPerfConfig, type PerfConfig } from './config.js';
import { ResultFileError, readResultFile } from './parsers/index.js';
import type { FormatName, Measurement } from './parsers/types.js';
import { TELEMETRY, pct, regressionFindings, resultSections, runVerdict, summaryLine, telemetrySection, trendChart } from './report.js';

/** What a baseline entry of perf-gate holds. */
export interface PerfBaselineData {
  measurements: Measurement[];
}

interface Collected {
  measurements: Measurement[];
  problems: Finding[];
  files: string[];
  /** Telemetry of each measured pass. */
  telemetry: TelemetryResult[];
  /** Benchmarks named after latency-log files (a log's benchmark is its file's base name). */
  latencyBenchmarks: Set<string>;
}

const collected0 = (): Collected => ({ measurements: [], problems: [], files: [], telemetry: [], latencyBenchmarks: new Set() });

/**
 * One latency log on each side names the same benchmark whatever the two files are called
 * (`--current after.csv --baseline before.csv`).
 */
function pairLatencyLogs(ctx: GateContext, current: Collected, baseline: Collected): void {
  const [cur] = current.latencyBenchmarks;
  const [base] = baseline.latencyBenchmarks;
  if (current.latencyBenchmarks.size !== 1 || baseline.latencyBenchmarks.size !== 1 || cur === undefined || base === undefined || cur === base) return;
  if (baseline.measurements.some((m) => m.benchmark === cur)) return;
  ctx.log.info(`comparing latency log ${base} (baseline) with ${cur} (current) as benchmark ${cur}`);
  for (const m of baseline.measurements) if (m.benchmark === base) m.benchmark = cur;
}

/** Telemetry summaries of a pass as measurements of the `telemetry` benchmark: judged only when config.metrics names them. */
function telemetryMeasurements(t: TelemetryResult): Measurement[] {
  return t.summary.flatMap((s) =>
    (['mean', 'p95', 'max'] as const).map((stat) => ({ benchmark: TELEMETRY, metric: `${s.metric}.${stat}`, unit: s.unit, direction: 'lower' as const, samples: [s[stat]] })),
  );
}

async function resolveFiles(dir: string, pattern: string): Promise<string[]> {
  if (!/[*?[]/.test(pattern)) return [path.resolve(dir, pattern)];
  const out: string[] = [];
  for await (const f of glob(pattern, { cwd: dir })) out.push(path.resolve(dir, f));
  return out.sort();
}

/** Parse result files; a bad file is a finding naming it, and the other files are still used. */
async function readResults(ctx: GateContext, pattern: string, format: FormatName | undefined, into: Collected, dir = ctx.workspace, label = ''): Promise<void> {
  const files = await resolveFiles(dir, pattern);
  if (files.length === 0) {
    into.problems.push({ id: 'no-results', title: 'No result files', severity: 'high', status: 'fail', message: `no file matches \`${pattern}\`: did the suite write its results there?` });
    return;
  }
  for (const file of files) {
    const shown = `${label}${path.relative(dir, file) || file}`;
    try {
      const parsed = await readResultFile(file, { ...(format ? { format } : {}), displayPath: shown });
      for (const w of parsed.warnings) ctx.log.warning(w.startsWith(shown) ? w : `${shown}: ${w}`);
      into.measurements.push(...parsed.measurements);
      if (parsed.format === 'latency-log') for (const m of parsed.measurements) into.latencyBenchmarks.add(m.benchmark);
      into.files.push(shown);
    } catch (e) {
      // Keep what the file had that was good; the bad part is a finding naming the file and benchmarks.
      if (e instanceof ResultFileError && e.partial) {
        into.measurements.push(...e.partial.measurements);
        into.files.push(shown);
      }
      into.problems.push({
        id: `bad-results:${shown}`,
        title: `Unusable result file ${shown}`,
        severity: 'high',
        status: 'fail',
        message: errorMessage(e),
        location: { file: shown },
      });
    }
  }
}

/** One shell command per line, as the user wrote them. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

interface SuiteSpec {
  commands: string[];
  setup: string[];
  current: string;
  repetitions: number;
  warmup: number;
  timeoutMs: number;
  format: FormatName | undefined;
  telemetryMs: number | undefined;
}

function suiteSpec(ctx: GateContext, format: FormatName | undefined): SuiteSpec {
  const current = ctx.inputs.optional('current');
  if (!current) throw new ConfigurationError('input `current`: where does the suite write its results? Give the file (or glob) together with `run`.', { field: 'inputs.current' });
  return {
    commands: lines(ctx.inputs.optional('run')),
    setup: lines(ctx.inputs.optional('setup')),
    current,
    repetitions: ctx.inputs.number('repetitions', 1, { min: 1, max: 1000, integer: true }),
    warmup: ctx.inputs.number('warmup', 0, { min: 0, max: 100, integer: true }),
    timeoutMs: ctx.inputs.number('timeout-minutes', 30, { min: 0.1, max: 24 * 60 }) * 60_000,
    format,
    telemetryMs: ctx.inputs.boolean('telemetry', true) ? ctx.inputs.number('telemetry-interval-ms', 1000, { min: 10, max: 60_000, integer: true }) : undefined,
  };
}

async function setupIn(ctx: GateContext, spec: SuiteSpec, dir: string, label: string): Promise<void> {
  for (const line of spec.setup) {
    const r = await execCommand({ shell: line }, { cwd: dir, timeoutMs: spec.timeoutMs, signal: ctx.signal, group: `${label}setup: ${line}` });
    if (r.failed) throw new ConfigurationError(`${label}setup command failed (${r.error ?? `exit ${r.exitCode}`}): ${line}`, { field: 'inputs.setup' });
  }
}

/** One pass of the suite in dir; a failing command is a finding, and what it wrote is still read when measured. */
async function passIn(ctx: GateContext, spec: SuiteSpec, dir: string, what: string, measured: boolean, into: Collected, label = '', env?: Record<string, string>): Promise<void> {
  const telemetry = measured && spec.telemetryMs ? startTelemetry({ intervalMs: spec.telemetryMs, signal: ctx.signal }) : undefined;
  for (const line of spec.commands) {
    const r = await execCommand({ shell: line }, { cwd: dir, timeoutMs: spec.timeoutMs, signal: ctx.signal, group: `${label}${what}: ${line}`, ...(env ? { env } : {}) });
    if (r.failed) {
      const why = r.timedOut ? `timed out after ${spec.timeoutMs / 60_000} min` : r.cancelled ? 'cancelled' : (r.error ?? `exit code ${r.exitCode ?? r.signal}`);
      into.problems.push({ id: `suite-failed:${label}${what}`, title: 'The suite failed', severity: 'high', status: 'fail', message: `${label}${what}: ${line} — ${why}\n${r.tail.slice(-10).join('\n')}` });
    }
  }
  if (telemetry) {
    const t = await telemetry.stop();
    into.telemetry.push(t);
    into.measurements.push(...telemetryMeasurements(t));
  }
  if (measured && !ctx.signal.aborted) await readResults(ctx, spec.current, spec.format, into, dir, label);
}

async function runSuite(ctx: GateContext, spec: SuiteSpec, into: Collected): Promise<void> {
  await setupIn(ctx, spec, ctx.workspace, '');
  for (let i = 0; i < spec.warmup + spec.repetitions && !ctx.signal.aborted; i++) {
    const measured = i >= spec.warmup;
    await passIn(ctx, spec, ctx.workspace, measured ? `run ${i - spec.warmup + 1}/${spec.repetitions}` : `warmup ${i + 1}/${spec.warmup}`, measured, into);
  }
}

/** A/B: base and head in their own worktrees, set up, warmed up, then run interleaved. */
async function runAb(ctx: GateContext, spec: SuiteSpec, baseRef: string): Promise<{ base: Collected; head: Collected; baseSha: string; headSha: string }> {
  // The head is what is checked out (on a pull_request event, the merge of the PR into its base).
  const headSha = await resolveBase(ctx, 'HEAD', 'HEAD');
  const baseSha = await resolveBase(ctx, baseRef, headSha);
  const base = collected0();
  const head = collected0();
  await withWorktrees(ctx, baseSha, headSha, async (sides) => {
    const dirs = { base: sides[0].dir, head: sides[1].dir };
    const into = { base, head };
    for (const side of ['base', 'head'] as const) await setupIn(ctx, spec, dirs[side], `${side}: `);
    for (let i = 0; i < spec.warmup; i++) for (const side of ['base', 'head'] as const) await passIn(ctx, spec, dirs[side], `warmup ${i + 1}`, false, into[side], `${side}: `);
    let n = 0;
    for (const side of abOrder(spec.repetitions)) {
      if (ctx.signal.aborted) break;
      n++;
      await passIn(ctx, spec, dirs[side], `run ${Math.ceil(n / 2)}/${spec.repetitions}`, true, into[side], `${side}: `);
    }
  });
  return { base, head, baseSha, headSha };
}

/**
 * Confirmation: the suite runs again (as many measured passes) with SHIPGATE_CONFIRM_BENCHMARKS listing the
 * flagged benchmarks, one per line, so a suite can run only those. A regression stands only if the re-run,
 * judged on its own against the same baseline, shows it again; otherwise it becomes inconclusive, with the reason.
 */
async function confirmRegressions(ctx: GateContext, spec: SuiteSpec, rows: ResultRow[], baseline: Measurement[] | undefined, config: PerfConfig): Promise<void> {
  const flagged = rows.filter((r) => r.verdict === 'regression');
  if (!flagged.length || !baseline || ctx.signal.aborted) return;
  const names = [...new Set(flagged.map((r) => r.benchmark))];
  const again = collected0();
  const env = { SHIPGATE_CONFIRM_BENCHMARKS: names.join('\n') };
  for (let i = 0; i < spec.repetitions && !ctx.signal.aborted; i++) await passIn(ctx, spec, ctx.workspace, `confirm ${i + 1}/${spec.repetitions}`, true, again, '', env);
  const recheck = compare(again.measurements.filter((m) => names.includes(m.benchmark)), baseline, config);
  for (const r of flagged) {
    const second = recheck.find((x) => x.benchmark === r.benchmark && x.metric === r.metric);
    if (second?.verdict === 'regression') r.reason = `confirmed by a re-run (${pct(second.change)})`;
    else {
      r.verdict = 'inconclusive';
      r.reason = `not confirmed: the re-run found ${second ? `${second.verdict} (${pct(second.change)})` : 'no result'}`;
    }
  }
}

export async function runPerfGate(ctx: GateContext): Promise<Report> {
  const configFile = ctx.inputs.optional('config');
  const config = await loadPerfConfig(configFile && path.resolve(ctx.workspace, configFile), configFile);
  const format = ctx.inputs.optional('format') as FormatName | undefined;
  let collected = collected0();
  let spec: SuiteSpec | undefined;
  const abRef = ctx.inputs.optional('ab-base-ref');
  let ab: { base: Collected; baseSha: string; headSha: string } | undefined;
  if (abRef) {
    if (!ctx.inputs.optional('run')) throw new ConfigurationError('A/B mode (`ab-base-ref`) runs the suite on both commits: give `run` too.', { field: 'inputs.run' });
    const r = await runAb(ctx, suiteSpec(ctx, format), abRef);
    collected = r.head;
    ab = r;
  } else if (ctx.inputs.optional('run')) {
    spec = suiteSpec(ctx, format);
    await runSuite(ctx, spec, collected);
  } else {
    const current = ctx.inputs.optional('current');
    if (!current) throw new ConfigurationError('perf-gate needs results: give `current` (a result file) or `run` (the suite command).', { field: 'inputs.current' });
    await readResults(ctx, current, format, collected);
  }

  // The baseline: an explicit file, or the store (same hardware only; another fingerprint is flagged, not compared).
  let baseline: Measurement[] | undefined;
  let trend: PerfBaselineData[] = [];
  let foreign: string | undefined;
  let baselineSource = 'none';
  const baselineFile = ctx.inputs.optional('baseline');
  if (ab) {
    baseline = ab.base.measurements;
    collected.problems.push(...ab.base.problems);
    baselineSource = `A/B on this runner: base ${ab.baseSha.slice(0, 12)} vs head ${ab.headSha.slice(0, 12)}, interleaved`;
  } else if (baselineFile) {
    const b = collected0();
    await readResults(ctx, baselineFile, format, b);
    pairLatencyLogs(ctx, collected, b);
    collected.problems.push(...b.problems.map((f) => ({ ...f, id: `baseline:${f.id}` })));
    baseline = b.measurements;
    baselineSource = baselineFile;
  } else {
    const { history, source } = await ctx.baselines.load<PerfBaselineData>(ctx.gate, ctx.name);
    const choice = chooseBaseline(history, ctx.runner.fingerprint ?? '');
    if (choice.entry) {
      baseline = choice.entry.data.measurements;
      trend = choice.sameHardware.map((e) => e.data);
      baselineSource = `${source ?? 'store'} (${choice.entry.git.sha?.slice(0, 7) ?? choice.entry.createdAt})`;
    } else if (choice.otherHardware) {
      baseline = choice.otherHardware.data.measurements;
      foreign = `baseline from other hardware (runner fingerprint ${choice.otherHardware.fingerprint}, this runner ${ctx.runner.fingerprint ?? 'unknown'})`;
      baselineSource = `${source ?? 'store'} (other hardware)`;
    }
  }

  const rows = compare(collected.measurements, baseline, config, foreign ? { foreignBaseline: foreign } : {});
  if (spec && !ab && ctx.inputs.boolean('confirm', false)) await confirmRegressions(ctx, spec, rows, baseline, config);
  const sections: Section[] = [
    { id: 'sources', title: 'Inputs', importance: 'detail', blocks: [{ type: 'text', text: `results: ${collected.files.join(', ') || 'none'}; baseline: ${baselineSource}` }] },
  ];
  if (collected.problems.length) {
    sections.unshift({ id: 'problems', title: 'Problems', importance: 'essential', blocks: collected.problems.map((f) => ({ type: 'code' as const, text: f.message })) });
  }
  sections.splice(collected.problems.length ? 1 : 0, 0, ...resultSections(rows, config));
  const regressed = rows.filter((r) => r.verdict === 'regression').slice(0, 5);
  if (regressed.length && trend.length) {
    // The same median as the results table, so the chart's last point and the history are comparable.
    const medianOf = (d: PerfBaselineData, r: (typeof rows)[number]) => {
      const xs = d.measurements.filter((m) => m.benchmark === r.benchmark && m.metric === r.metric).flatMap((m) => m.samples);
      return xs.length ? median(xs) : NaN;
    };
    sections.splice(1, 0, { id: 'trends', title: 'Trend of regressed benchmarks', importance: 'detail', blocks: regressed.map((r) => trendChart(r, trend.slice(-10).map((d) => medianOf(d, r)))) });
  }

  if (collected.telemetry.length) {
    await mkdir(ctx.reportDir, { recursive: true });
    await writeFile(path.join(ctx.reportDir, 'telemetry.csv'), collected.telemetry.map((t, i) => (i === 0 ? toCsv(t) : toCsv(t).split('\n').slice(1).join('\n'))).join(''));
    sections.push(telemetrySection(collected.telemetry));
  }
  const details: Record<string, unknown> = {
    telemetry: collected.telemetry.length ? { passes: collected.telemetry.length, summary: collected.telemetry.at(-1)?.summary, gpu: collected.telemetry.at(-1)?.gpu } : { enabled: false },
    results: rows, baseline: baselineSource, config, ...(ab ? { ab: { baseSha: ab.baseSha, headSha: ab.headSha } } : {}) };
  const saveBaseline = !ab && (ctx.inputs.boolean('update-baseline', false) || isDefaultBranchPush(ctx.run));
  if (saveBaseline && collected.measurements.length && collected.problems.length === 0) {
    details.baselineSaved = await saveRunBaseline<PerfBaselineData>(ctx, { measurements: collected.measurements });
  }

  const verdict = runVerdict(rows, config, collected.problems);
  // An error here is the input's (unreadable or malformed result files): the CLI exits 2 for it.
  if (verdict === 'error') details.error = { kind: 'configuration', message: collected.problems.map((f) => f.message).join('\n') };
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  await writePerfCharts(ctx.reportDir, rows, collected.telemetry, ctx.log);
  return {
    ...reportShell(ctx),
    verdict,
    summary: collected.problems.length && !rows.length ? `${collected.problems.length} problems, nothing to compare` : summaryLine(rows),
    findings: [...collected.problems, ...regressionFindings(rows)],
    details,
    sections,
    outputs: { regressions: count('regression'), improvements: count('improvement') },
  };
}

export const gate: Gate = { gate: 'perf-gate', run: runPerfGate };
