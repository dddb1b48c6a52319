/**
 * What a chaos-run result looks like to people and machines: report sections (verdicts, per-fault table, recovery,
 * integrity, a Mermaid timeline), findings at the experiment file's lines, `details` (the contract fields
 * faults[] / recovery / integrity), an SVG timeline for the artifact and a journal in Chaos Toolkit's shape.
 */
import os from 'node:os';
import type { Block, Finding, Section, TableRow } from '../../core/report/model.js';
import type { Experiment } from './experiment.js';
import type { ChaosRunResult, FaultOutcome, SubVerdict } from './run.js';

const MAX_IDS = 20;

const secs = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const rel = (t: number | undefined, t0: number): string => (t === undefined ? '—' : `+${secs(t - t0)}`);
const STATUS: Record<SubVerdict, TableRow['status']> = { pass: 'pass', fail: 'fail', inconclusive: 'inconclusive', none: 'skip' };

/** Healthy / unhealthy stretches of the steady-state samples (ms, absolute). */
export function healthSegments(r: ChaosRunResult): { from: number; to: number; ok: boolean }[] {
  const out: { from: number; to: number; ok: boolean }[] = [];
  for (const s of r.samples) {
    const last = out[out.length - 1];
    if (last !== undefined && last.ok === s.ok) last.to = s.t + r.intervalMs;
    else out.push({ from: s.t, to: s.t + r.intervalMs, ok: s.ok });
  }
  return out;
}

function recoveryText(o: FaultOutcome, bound: number): string {
  if (o.recovery === undefined) return '—';
  if (o.recovery.seconds === undefined) return `not recovered (bound ${bound} s)`;
  return `${o.recovery.seconds.toFixed(2)} s${o.recovery.ok ? '' : ` > ${bound} s`}`;
}

/** Mermaid gantt: fault windows and steady-state health, times relative to the run's start (mm:ss). */
export function mermaidTimeline(r: ChaosRunResult): string {
  const base = r.startedAt;
  const lines = ['gantt', '  title chaos-run timeline', '  dateFormat x', '  axisFormat %M:%S'];
  lines.push('  section faults');
  for (const o of r.faults) {
    if (o.appliedAt === undefined) continue;
    const end = Math.max(o.endedAt ?? o.appliedAt, o.appliedAt + 100);
    lines.push(`  ${o.id} (${o.type}) :${o.verified ? 'active' : 'crit'}, ${o.appliedAt - base}, ${end - base}`);
  }
  const segs = healthSegments(r);
  if (segs.length) {
    lines.push('  section steady state');
    for (const s of segs) lines.push(`  ${s.ok ? 'healthy' : 'unhealthy'} :${s.ok ? 'done' : 'crit'}, ${s.from - base}, ${Math.max(s.to, s.from + 1) - base}`);
  }
  return lines.join('\n');
}

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same timeline as a standalone SVG. */
export function svgTimeline(r: ChaosRunResult): string {
  const base = r.startedAt;
  const span = Math.max(1, r.endedAt - base);
  const W = 900;
  const left = 180;
  const rowH = 26;
  const x = (t: number): number => left + ((t - base) / span) * (W - left - 20);
  const rows: string[] = [];
  let y = 40;
  for (const o of r.faults) {
    rows.push(`<text x="8" y="${y + 17}" font-size="13">${xml(`${o.id} (${o.type})`)}</text>`);
    if (o.appliedAt !== undefined) {
      const end = Math.max(o.endedAt ?? o.appliedAt, o.appliedAt + span / 200);
      rows.push(`<rect x="${x(o.appliedAt).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(end) - x(o.appliedAt)).toFixed(1)}" height="${rowH - 8}" fill="${o.verified ? '#d97706' : '#dc2626'}"><title>${xml(`${o.id}: ${o.evidence}`)}</title></rect>`);
    }
    y += rowH;
  }
  rows.push(`<text x="8" y="${y + 17}" font-size="13">steady state</text>`);
  for (const s of healthSegments(r)) {
    rows.push(`<rect x="${x(s.from).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(s.to) - x(s.from)).toFixed(1)}" height="${rowH - 8}" fill="${s.ok ? '#16a34a' : '#dc2626'}"/>`);
  }
  y += rowH;
  const ticks: string[] = [];
  const step = Math.max(1, Math.ceil(span / 1000 / 10));
  for (let s = 0; s * 1000 <= span; s += step) ticks.push(`<text x="${x(base + s * 1000).toFixed(1)}" y="${y + 18}" font-size="11" text-anchor="middle">${s}s</text>`);
  const h = y + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="sans-serif">`,
    `<text x="8" y="20" font-size="15" font-weight="bold">chaos-run timeline (verdict ${xml(r.verdict)})</text>`,
    ...rows,
    `<line x1="${left}" y1="${y + 4}" x2="${W - 20}" y2="${y + 4}" stroke="#555"/>`,
    ...ticks,
    '</svg>',
    '',
  ].join('\n');
}

export function sections(e: Experiment, r: ChaosRunResult): Section[] {
  const t0 = r.t0 ?? r.startedAt;
  const out: Section[] = [];
  const v = r.verdicts;
  const faultsDetail = r.faults.length === 0 ? 'no faults' : `${r.faults.filter((o) => o.verified).length} of ${r.faults.length} verified, ${r.faults.filter((o) => o.reverted).length} reverted`;
  const recoveryDetail = r.recovery.maxSeconds === undefined ? (v.recovery === 'fail' ? `not recovered within ${r.recovery.boundSeconds} s` : '—') : `longest ${r.recovery.maxSeconds.toFixed(2)} s (bound ${r.recovery.boundSeconds} s)`;
  const integrityDetail = r.integrity.checks.length === 0 ? 'no integrity checks' : `${r.integrity.lost} lost, ${r.integrity.unexpected} unexpected, ${r.integrity.duplicated} duplicated, ${r.integrity.recovered} recovered`;
  out.push({
    id: 'verdicts',
    title: 'Results',
    importance: 'essential',
    blocks: [
      {
        type: 'table',
        columns: ['result', 'verdict', 'detail'],
        rows: [
          { cells: ['faults verified', v.faults, faultsDetail], status: STATUS[v.faults] },
          { cells: ['steady state before injection', v.steadyState, r.steadyBefore.detail], status: STATUS[v.steadyState] },
          { cells: ['recovery', v.recovery, recoveryDetail], status: STATUS[v.recovery] },
          { cells: ['integrity', v.integrity, integrityDetail], status: STATUS[v.integrity] },
        ],
      },
      ...r.notes.map((text): Block => ({ type: 'text', text })),
    ],
  });
  if (r.faults.length) {
    out.push({
      id: 'faults',
      title: 'Faults',
      importance: 'essential',
      blocks: [
        {
          type: 'table',
          columns: ['fault', 'type', 'verified', 'applied at', 'reverted at', 'recovery', 'evidence'],
          rows: r.faults.map((o) => ({
            cells: [o.id, o.type, o.verified ? 'yes' : 'no', rel(o.appliedAt, t0), o.reverted ? rel(o.revertedAt, t0) : 'NOT reverted', recoveryText(o, r.recovery.boundSeconds), o.error ? `${o.evidence}; ${o.error}` : o.evidence],
            status: o.verified && o.reverted && o.recovery?.ok !== false ? ('pass' as const) : ('fail' as const),
          })),
        },
      ],
    });
  }
  if (r.integrity.checks.length) {
    const blocks: Block[] = [
      {
        type: 'table',
        columns: ['check', 'lost', 'unexpected', 'duplicated', 'recovered', 'result'],
        rows: r.integrity.checks.map((c) => ({ cells: [c.type, String(c.lost), String(c.unexpected), String(c.duplicated), String(c.recovered), c.summary], status: c.ok ? ('pass' as const) : ('fail' as const) })),
      },
    ];
    for (const c of r.integrity.checks) {
      if (c.lostIds.length) blocks.push({ type: 'text', text: `${c.type}: lost ${c.lost > c.lostIds.length ? `(first ${c.lostIds.length} of ${c.lost})` : ''}: ${c.lostIds.slice(0, MAX_IDS).map((x) => JSON.stringify(x)).join(', ')}` });
    }
    if (r.workload) blocks.push({ type: 'text', text: `Workload ${r.workload.kind}: ${r.workload.invoked} operations, ${r.workload.ok} ok, ${r.workload.fail} failed, ${r.workload.info} indeterminate.` });
    out.push({ id: 'integrity', title: 'Integrity', importance: 'essential', blocks });
  }
  if (r.integrity.windows?.length) {
    const row = (name: string, s: { ops: number; ok: number; fail: number; info: number; p50: number | null; p99: number | null; max: number | null }): TableRow => ({
      cells: [name, String(s.ops), String(s.ok), String(s.fail), String(s.info), s.p50 === null ? '—' : s.p50.toFixed(1), s.p99 === null ? '—' : s.p99.toFixed(1), s.max === null ? '—' : s.max.toFixed(1)],
    });
    out.push({
      id: 'latency',
      title: 'Latency in each fault window (ms)',
      importance: 'detail',
      blocks: [{ type: 'table', columns: ['window', 'ops', 'ok', 'fail', 'info', 'p50', 'p99', 'max'], rows: [...r.integrity.windows.map((w) => row(w.id, w)), ...(r.integrity.baseline ? [row('outside faults', r.integrity.baseline)] : [])] }],
    });
  }
  if (r.faults.some((o) => o.appliedAt !== undefined) || r.samples.length) {
    out.push({ id: 'timeline', title: 'Timeline', importance: 'detail', blocks: [{ type: 'markdown', markdown: `\`\`\`mermaid\n${mermaidTimeline(r)}\n\`\`\`` }] });
  }
  out.push({
    id: 'plan',
    title: 'What was done and undone',
    importance: 'detail',
    collapsed: true,
    blocks: [{ type: 'code', text: r.faults.map((o) => [`${o.id} (${o.type}): ${o.plan.description}`, ...o.plan.actions.map((a) => `  do:   ${a}`), ...o.plan.inverse.map((a) => `  undo: ${a}`)].join('\n')).join('\n') || `${e.file}: no faults` }],
  });
  return out;
}

export function findings(e: Experiment, r: ChaosRunResult): Finding[] {
  const out: Finding[] = [];
  const at = (line: number) => ({ file: e.file, line });
  for (const o of r.faults) {
    if (!o.verified || o.error !== undefined) {
      out.push({ id: `fault:${o.id}`, title: `fault ${o.id} did not take effect`, severity: 'high', status: 'fail', message: o.error ? `${o.evidence}; ${o.error}` : o.evidence, location: at(o.line) });
    }
    if (!o.reverted && o.appliedAt !== undefined) out.push({ id: `revert:${o.id}`, title: `fault ${o.id} was not reverted`, severity: 'critical', status: 'fail', message: o.error ?? 'revert did not complete', location: at(o.line) });
    if (o.recovery && !o.recovery.ok) {
      out.push({ id: `recovery:${o.id}`, title: `no recovery after ${o.id}`, severity: 'high', status: 'fail', message: recoveryText(o, r.recovery.boundSeconds), location: at(o.line) });
    }
  }
  for (const c of r.integrity.checks) {
    if (!c.ok) out.push({ id: `integrity:${c.type}:${c.line}`, title: `integrity (${c.type})`, severity: c.lost > 0 ? 'critical' : 'high', status: c.summary.startsWith('inconclusive') ? 'inconclusive' : 'fail', message: c.summary, location: at(c.line) });
  }
  if (!r.steadyBefore.ok) out.push({ id: 'steady-state', title: 'not in steady state before injection', severity: 'high', status: 'inconclusive', message: r.steadyBefore.detail, location: at(1) });
  return out;
}

export function details(e: Experiment, r: ChaosRunResult): Record<string, unknown> {
  return {
    experiment: e.file,
    ...(e.title ? { title: e.title } : {}),
    verdicts: r.verdicts,
    steadyStateBefore: r.steadyBefore,
    faults: r.faults.map((o) => ({
      id: o.id,
      type: o.type,
      verified: o.verified,
      reverted: o.reverted,
      evidence: o.evidence,
      ...(o.appliedAt === undefined ? {} : { appliedAt: new Date(o.appliedAt).toISOString() }),
      ...(o.revertedAt === undefined ? {} : { revertedAt: new Date(o.revertedAt).toISOString() }),
      ...(o.error ? { error: o.error } : {}),
      ...(o.recovery ? { recoverySeconds: o.recovery.seconds ?? null } : {}),
      actions: o.plan.actions,
      inverse: o.plan.inverse,
    })),
    recovery: { boundSeconds: r.recovery.boundSeconds, maxSeconds: r.recovery.maxSeconds ?? null, perFault: Object.fromEntries(r.faults.filter((o) => o.recovery).map((o) => [o.id, o.recovery?.seconds ?? null])), sampleIntervalMs: r.intervalMs, skippedTicks: r.skippedTicks },
    integrity: {
      lost: r.integrity.lost,
      unexpected: r.integrity.unexpected,
      duplicated: r.integrity.duplicated,
      recovered: r.integrity.recovered,
      checks: r.integrity.checks.map((c) => ({ type: c.type, ok: c.ok, summary: c.summary, lost: c.lost, lostIds: c.lostIds.slice(0, MAX_IDS) })),
      ...(r.integrity.operations === undefined ? {} : { operations: r.integrity.operations }),
      ...(r.integrity.windows ? { windows: r.integrity.windows } : {}),
    },
    ...(r.workload ? { workload: r.workload } : {}),
    notes: r.notes,
    ...(r.leftovers.length ? { leftovers: r.leftovers } : {}),
  };
}

/** A journal in Chaos Toolkit's journal.json shape for a shipgate experiment: each fault an action, its revert a rollback. */
export function journal(e: Experiment, r: ChaosRunResult): Record<string, unknown> {
  const iso = (t: number | undefined): string | null => (t === undefined ? null : new Date(t).toISOString());
  const record = (o: FaultOutcome, kind: 'apply' | 'revert'): Record<string, unknown> => {
    const start = kind === 'apply' ? o.appliedAt : o.revertedAt;
    const end = kind === 'apply' ? (o.appliedAt ?? o.revertedAt) : o.revertedAt;
    return {
      activity: { type: 'action', name: kind === 'apply' ? o.id : `revert ${o.id}`, provider: { type: 'shipgate', fault: o.type, actions: kind === 'apply' ? o.plan.actions : o.plan.inverse } },
      output: kind === 'apply' ? { verified: o.verified, evidence: o.evidence } : { reverted: o.reverted },
      status: (kind === 'apply' ? o.appliedAt !== undefined && o.verified : o.reverted) ? 'succeeded' : 'failed',
      start: iso(start),
      end: iso(end),
      duration: start !== undefined && end !== undefined ? (end - start) / 1000 : 0,
      ...(o.error ? { exception: [o.error] } : {}),
    };
  };
  const deviated = r.verdicts.recovery === 'fail' || r.verdicts.integrity === 'fail';
  return {
    'chaoslib-version': 'shipgate',
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: os.hostname(),
    experiment: { title: e.title ?? e.file, description: `shipgate experiment ${e.file}`, 'steady-state-hypothesis': { title: 'steady state', probes: e.steady_state.probes.map(({ line: _l, ...p }) => p) } },
    start: iso(r.startedAt),
    status: r.steadyBefore.ok ? (r.verdict === 'pass' ? 'completed' : 'failed') : 'failed',
    deviated,
    steady_states: {
      before: { steady_state_met: r.steadyBefore.ok, detail: r.steadyBefore.detail },
      after: r.t0 === undefined ? null : { steady_state_met: r.verdicts.recovery !== 'fail' },
      during: [],
    },
    run: r.faults.filter((o) => o.appliedAt !== undefined || o.error).map((o) => record(o, 'apply')),
    rollbacks: r.faults.filter((o) => o.revertedAt !== undefined || (o.appliedAt !== undefined && !o.reverted)).map((o) => record(o, 'revert')),
    end: iso(r.endedAt),
    duration: (r.endedAt - r.startedAt) / 1000,
    'x-shipgate': { rollbacks: 'always', verdicts: r.verdicts },
  };
}
