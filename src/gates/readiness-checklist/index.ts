import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { reportShell, type Gate, type GateContext } from '../../core/gate.js';
import { createClient } from '../../core/github/client.js';
import type { Block, Finding, FindingStatus, Report, Section, Severity, TableRow } from '../../core/report/model.js';
import { writeReadinessCharts } from './charts.js';
import { loadChecklist } from './checklist.js';
import { PROBE_TYPES, runCheck, validateCheck } from './probes/index.js';
import { toSarif } from './sarif.js';
import { applyWaiver, combineChecks, diffAgainstBase, scoreResults, utcToday, type Score } from './scoring.js';
import { baseFileText, checklistChangedInPr, decideTrust, restrictCommands, UNTRUSTED_CHECK } from './trust.js';
import type { Checklist, ChecklistItem, Evidence, ItemResult, ProbeContext } from './types.js';

/** Tool version in SARIF output. */
const SHIPGATE_VERSION = '0.1.0';
/** Placeholder check type that trust.ts puts where a command check was not trusted. */
const UNTRUSTED = UNTRUSTED_CHECK;
/** Items probed at once: probes wait on I/O, and a slow one should not hold up the rest. */
const CONCURRENCY = 4;

const SEVERITY: Record<ChecklistItem['priority'], Severity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };
const FINDING_STATUS: Record<ItemResult['status'], FindingStatus> = { pass: 'pass', fail: 'fail', inconclusive: 'inconclusive', waived: 'warn' };

function checkName(spec: { type: string; name?: string }, i: number): string {
  return spec.name ?? (spec.type === UNTRUSTED ? 'command' : `${spec.type}${i > 0 ? ` #${i + 1}` : ''}`);
}

/** Every check's own fields are valid before anything runs (errors name the file, the item's line and the field). */
function validateChecks(c: Checklist): void {
  for (const [si, section] of c.sections.entries()) {
    for (const [ii, item] of section.items.entries()) {
      for (const [ci, spec] of item.checks.entries()) {
        if (spec.type === UNTRUSTED) continue;
        validateCheck(spec, { file: c.file, line: item.line, field: `sections[${si}].items[${ii}].checks[${ci}]` });
      }
    }
  }
}

async function mapLimit<T, R>(xs: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}

/** The checklist to run: on untrusted PRs, command checks come from the base branch's checklist (or are refused). */
async function trustedChecklist(ctx: GateContext, head: Checklist, rel: string, abs: string, knownProbeTypes: readonly string[]): Promise<{ checklist: Checklist; notes: string[] }> {
  const run = ctx.run;
  if (!run.pullRequest) return { checklist: head, notes: [] };
  const mode = (ctx.inputs.optional('untrusted-commands') ?? 'base') as 'base' | 'refuse';
  if (mode !== 'base' && mode !== 'refuse') throw new ConfigurationError(`untrusted-commands: "${String(mode)}" is not base or refuse.`, { field: 'untrusted-commands' });
  const files = [rel];
  let changed: boolean | undefined;
  if (run.baseSha && (run.headSha ?? run.sha)) changed = await checklistChangedInPr(ctx.workspace, run.baseSha, run.headSha ?? run.sha ?? '', files);
  const trust = decideTrust({ isFork: Boolean(run.fork), checklistChanged: changed ?? false, mode });
  const notes: string[] = [];
  if (changed === undefined && !run.fork) notes.push(`could not tell whether this PR changes ${rel} (base commit not fetched: use fetch-depth: 0); its command checks are run as written`);
  if (trust.trusted) return { checklist: head, notes };
  notes.push(trust.why ?? 'command checks of this pull request are not trusted');
  let base: Checklist | undefined;
  if (mode === 'base' && run.baseSha) {
    const text = await baseFileText(ctx.workspace, run.baseSha, rel);
    if (text !== undefined) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-base-checklist-'));
      try {
        const file = path.join(dir, path.basename(abs));
        await writeFile(file, text);
        base = await loadChecklist(file, { displayPath: `${rel} (base ${run.baseSha.slice(0, 7)})`, knownProbeTypes });
      } catch (e) {
        notes.push(`the base branch's ${rel} could not be read (${errorMessage(e)}); no command checks run`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } else notes.push(`${rel} does not exist on the base branch; no command checks run`);
  }
  const restricted = restrictCommands(head, base, mode);
  return { checklist: restricted.checklist, notes: [...notes, ...restricted.notes] };
}

function probeContext(ctx: GateContext, needsGitHub: boolean): ProbeContext {
  const out: ProbeContext = { workspace: ctx.workspace, signal: ctx.signal, reportsDir: path.resolve(ctx.workspace, ctx.inputs.optional('reports-dir') ?? 'shipgate-report') };
  const token = needsGitHub ? (ctx.inputs.optional('github-token') ?? process.env.GITHUB_TOKEN) : undefined;
  if (token && ctx.run.owner && ctx.run.repo) {
    const client = createClient({ token, log: ctx.log });
    out.github = {
      request: (route, params) => client.request(route, params) as Promise<{ data: unknown }>,
      owner: ctx.run.owner,
      repo: ctx.run.repo,
      ...(ctx.run.pullRequest ? { pullRequest: ctx.run.pullRequest } : {}),
    };
  }
  return out;
}

async function runItem(item: ChecklistItem, c: Checklist, pctx: ProbeContext, today: string): Promise<ItemResult> {
  const checks: ItemResult['checks'] = [];
  for (const [i, spec] of item.checks.entries()) {
    let ev: Evidence;
    if (spec.type === UNTRUSTED) ev = { status: 'inconclusive', summary: typeof spec.reason === 'string' ? spec.reason : 'not run: command checks of this pull request are not trusted', attempts: 0, durationMs: 0 };
    else ev = await runCheck(spec, pctx);
    checks.push({ ...ev, type: spec.type === UNTRUSTED ? 'command' : spec.type, name: checkName(spec, i) });
  }
  const checkStatus = combineChecks(checks);
  const waiver = c.waivers.find((w) => w.id === item.id);
  const applied = applyWaiver(item, checkStatus, waiver, today);
  const firstBad = checks.find((x) => x.status !== 'pass');
  const reason = applied.reason ?? (firstBad ? `${firstBad.name}: ${firstBad.summary}` : undefined);
  return {
    id: item.id,
    title: item.title,
    section: item.section,
    priority: item.priority,
    ...(item.owner ? { owner: item.owner } : {}),
    ...(item.level ? { level: item.level } : {}),
    line: item.line,
    status: applied.status,
    checkStatus,
    checks,
    ...(applied.waiver ? { waiver: applied.waiver } : {}),
    ...(reason ? { reason } : {}),
  };
}

const STATUS_ORDER: Record<ItemResult['status'], number> = { fail: 0, inconclusive: 1, waived: 2, pass: 3 };
const PRIORITY_ORDER: Record<ChecklistItem['priority'], number> = { critical: 0, high: 1, medium: 2, low: 3 };

function itemRow(r: ItemResult): TableRow {
  return {
    cells: [r.title, r.id, r.priority, r.owner ?? '—', r.status, r.reason ?? (r.checks.map((c) => c.summary).join('; ') || '—')],
    status: FINDING_STATUS[r.status],
  };
}

const ITEM_COLUMNS = ['item', 'id', 'priority', 'owner', 'status', 'evidence'];

function sectionsOf(results: ItemResult[], c: Checklist, score: Score, notes: string[], diff: ReturnType<typeof diffAgainstBase> | undefined): Section[] {
  const out: Section[] = [];
  const failingCritical = results.filter((r) => r.priority === 'critical' && (r.status === 'fail' || r.status === 'inconclusive'));
  if (failingCritical.length) {
    out.push({ id: 'critical', title: `Failing critical items (${failingCritical.length})`, importance: 'essential', blocks: [{ type: 'table', columns: ITEM_COLUMNS, rows: failingCritical.map(itemRow) }] });
  }
  const head: Block[] = [{ type: 'text', text: `Score ${score.score}/100; level ${score.level ?? 'none'}; ${score.counts.pass} pass, ${score.counts.fail} fail, ${score.counts.inconclusive} inconclusive, ${score.counts.waived} waived.` }];
  for (const reason of score.reasons) head.push({ type: 'text', text: reason });
  if (score.levels.length) {
    head.push({
      type: 'table',
      columns: ['level', 'reached', 'blocking items'],
      rows: score.levels.map((l) => ({ cells: [l.name, l.reached ? 'yes' : 'no', l.blocking.join(', ') || '—'], status: l.reached ? ('pass' as const) : ('fail' as const) })),
    });
  }
  out.push({ id: 'score', title: 'Score and levels', importance: 'essential', blocks: head });
  if (diff) {
    const lines = [
      `Score ${diff.baseScore ?? '—'} → ${score.score}${diff.scoreChange === null ? '' : ` (${diff.scoreChange >= 0 ? '+' : ''}${diff.scoreChange.toFixed(1)})`}.`,
      diff.newlyFailing.length ? `Newly failing: ${diff.newlyFailing.join(', ')}.` : 'Nothing newly failing.',
      diff.newlyPassing.length ? `Newly passing: ${diff.newlyPassing.join(', ')}.` : '',
      diff.added.length ? `New items: ${diff.added.join(', ')}.` : '',
      diff.removed.length ? `Removed items: ${diff.removed.join(', ')}.` : '',
    ].filter(Boolean);
    out.push({ id: 'diff', title: 'Against the base branch', importance: 'essential', blocks: lines.map((text) => ({ type: 'text' as const, text })) });
  }
  if (notes.length) out.push({ id: 'trust', title: 'Trust', importance: 'essential', blocks: notes.map((text) => ({ type: 'text' as const, text })) });
  for (const s of c.sections) {
    const rows = results
      .filter((r) => r.section === s.title)
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority])
      .map(itemRow);
    if (rows.length) out.push({ id: `section:${s.title}`, title: s.title, importance: 'detail', blocks: [{ type: 'table', columns: ITEM_COLUMNS, rows }] });
  }
  const waived = results.filter((r) => r.waiver);
  if (waived.length) {
    out.push({
      id: 'waivers',
      title: 'Waivers',
      importance: 'essential',
      blocks: [
        {
          type: 'table',
          columns: ['item', 'reason', 'owner', 'ticket', 'expires', 'state'],
          rows: waived.map((r) => ({
            cells: [r.id, r.waiver?.reason ?? '', r.waiver?.owner ?? '', r.waiver?.ticket ?? '—', r.waiver?.expires ?? '', r.waiver?.expired ? 'expired: item fails' : r.status === 'waived' ? 'active' : 'unused (item passes)'],
            status: r.waiver?.expired ? ('fail' as const) : ('warn' as const),
          })),
        },
      ],
    });
  }
  const outputs = results.filter((r) => r.status !== 'pass').flatMap((r) => r.checks.filter((x) => x.status !== 'pass' && x.output).map((x) => ({ r, x })));
  if (outputs.length) {
    out.push({
      id: 'output',
      title: 'Probe output',
      importance: 'detail',
      blocks: outputs.slice(0, 20).map(({ r, x }) => ({ type: 'details' as const, summary: `${r.id}: ${x.name}`, blocks: [{ type: 'code' as const, text: x.output ?? '' }] })),
    });
  }
  return out;
}

async function runReadiness(ctx: GateContext): Promise<Report> {
  const rel = ctx.inputs.optional('checklist') ?? 'readiness.yml';
  const abs = path.resolve(ctx.workspace, rel);
  const shown = path.relative(ctx.workspace, abs) || rel;
  const knownProbeTypes = [...PROBE_TYPES, UNTRUSTED];
  const head = await loadChecklist(abs, { displayPath: shown, knownProbeTypes });
  validateChecks(head);
  const { checklist, notes } = await trustedChecklist(ctx, head, shown, abs, knownProbeTypes);

  const items = checklist.sections.flatMap((s) => s.items);
  const needsGitHub = items.some((i) => i.checks.some((c) => c.type === 'approval'));
  const pctx = probeContext(ctx, needsGitHub);
  const today = utcToday();
  const results = await mapLimit(items, CONCURRENCY, (item) => runItem(item, checklist, pctx, today));
  const score = scoreResults(results, checklist);

  let diff: ReturnType<typeof diffAgainstBase> | undefined;
  const baseResult = ctx.inputs.optional('base-result');
  if (baseResult) {
    let base: unknown;
    try {
      base = JSON.parse(await readFile(path.resolve(ctx.workspace, baseResult), 'utf8'));
    } catch (e) {
      throw new ConfigurationError(`${baseResult}: cannot read the base branch's result (${errorMessage(e)}). Pass the report.json of a readiness-checklist run on the base branch.`, { location: { file: baseResult }, field: 'base-result' });
    }
    diff = diffAgainstBase(results, score.score, base, { file: baseResult });
  }

  const findings: Finding[] = results
    .filter((r) => r.status !== 'pass')
    .map((r) => ({
      id: r.id,
      title: r.title,
      severity: SEVERITY[r.priority],
      status: FINDING_STATUS[r.status],
      message: r.reason ?? r.status,
      location: { file: shown, line: r.line },
    }));
  const details: Record<string, unknown> = {
    checklist: shown,
    items: results,
    score: score.score,
    level: score.level,
    levels: score.levels,
    counts: score.counts,
    failedCritical: score.failedCritical,
    waivers: results.filter((r) => r.waiver).map((r) => ({ ...r.waiver, item: r.id, status: r.status })),
    ...(notes.length ? { trust: notes } : {}),
    ...(diff ? { diff } : {}),
  };
  if (ctx.inputs.boolean('sarif', false)) {
    await mkdir(ctx.reportDir, { recursive: true });
    await writeFile(path.join(ctx.reportDir, 'results.sarif'), `${JSON.stringify(toSarif(results, shown, SHIPGATE_VERSION), null, 2)}\n`);
    details.sarif = 'results.sarif';
  }
  await writeReadinessCharts(ctx.reportDir, results, checklist.sections.map((s) => s.title), ctx.log);
  const critical = score.failedCritical.length;
  const summary = [`score ${score.score}/100`, `level ${score.level ?? 'none'}`, critical ? `${critical} critical item${critical === 1 ? '' : 's'} failing` : 'no critical failures', diff?.newlyFailing.length ? `${diff.newlyFailing.length} newly failing` : ''].filter(Boolean).join('; ');
  return {
    ...reportShell(ctx),
    verdict: score.verdict,
    summary,
    findings,
    details,
    sections: sectionsOf(results, checklist, score, notes, diff),
    outputs: { score: score.score, level: score.level ?? '', 'failed-critical': critical },
  };
}

export const gate: Gate = { gate: 'readiness-checklist', run: runReadiness };
