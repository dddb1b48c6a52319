/**
 * The index page of a directory of gate reports: one self-contained HTML page (inline CSS, no scripts, nothing
 * fetched) with a row per report — gate, suite, verdict, summary, key figures — linking each report's own files.
 * Pure: entries in, a string out. Every string is untrusted and HTML-escaped.
 */
import { escapeHtml, plainText } from './escape.js';
import { documentHead } from './render-html.js';
import { VERDICTS, type Report } from './model.js';

export interface IndexEntry {
  /** The report's directory, relative to the index page (its files are linked as `<dir>/report.html` etc.). */
  dir: string;
  gate: string;
  name: string;
  verdict: string;
  summary: string;
  /** Key figures as label/value pairs, in display order. */
  figures: [string, string][];
}

export interface IndexOptions {
  title?: string;
  /** ISO timestamp shown under the title. */
  generatedAt?: string;
}

/** The files linked from each row, in order. */
export const INDEX_LINKS = [
  { file: 'report.html', label: 'HTML' },
  { file: 'report.json', label: 'JSON' },
  { file: 'report.md', label: 'Markdown' },
] as const;

const MAX_TEXT = 2000;

function text(s: string, maxChars = MAX_TEXT): string {
  return escapeHtml(plainText(s, { maxChars }));
}

/** A relative href: each path segment percent-encoded, so no segment can form a scheme, query or fragment. */
export function relativeHref(dir: string, file: string): string {
  const segments = [...dir.split(/[\\/]+/), file].filter((s) => s !== '' && s !== '.');
  return segments.map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

function verdictClass(verdict: string): string {
  return (VERDICTS as readonly string[]).includes(verdict) ? verdict : 'unknown';
}

function badge(verdict: string): string {
  return `<span class="badge v-${verdictClass(verdict)}">${text(verdict.toUpperCase(), 32)}</span>`;
}

function figures(list: readonly (readonly [string, string])[]): string {
  if (list.length === 0) return '<span class="muted">—</span>';
  const items = list.map(([label, value]) => `<div><dt>${text(label, 200)}</dt><dd>${text(value, 500)}</dd></div>`);
  return `<dl class="figures">${items.join('')}</dl>`;
}

function links(dir: string): string {
  return INDEX_LINKS.map((l) => `<a href="${escapeHtml(relativeHref(dir, l.file))}">${l.label}</a>`).join(' · ');
}

function row(e: IndexEntry): string {
  return [
    `<tr class="row-${verdictClass(e.verdict)}">`,
    `<td><a class="gate" href="${escapeHtml(relativeHref(e.dir, 'report.html'))}">${text(e.gate, 200)}</a><div class="muted">${text(e.dir, 300)}/</div></td>`,
    `<td>${text(e.name, 300)}</td>`,
    `<td>${badge(e.verdict)}</td>`,
    `<td>${text(e.summary)}</td>`,
    `<td>${figures(e.figures)}</td>`,
    `<td class="links">${links(e.dir)}</td>`,
    '</tr>',
  ].join('');
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --head: #f6f8fa; --link: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --head: #151b23; --link: #4493f8; } }
body { margin: 2rem; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.muted { color: var(--muted); font-size: .85em; }
.counts { margin: .75rem 0 1.25rem; }
.counts .badge { margin-right: .35rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
a.gate { font-weight: 600; }
td.links { white-space: nowrap; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; font-size: .8em; font-weight: 700; letter-spacing: .03em; color: #fff; background: #6e7781; white-space: nowrap; }
.v-pass { background: #1a7f37; }
.v-warn { background: #9a6700; }
.v-inconclusive { background: #6e7781; }
.v-fail { background: #cf222e; }
.v-error { background: #82071e; }
dl.figures { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; }
dl.figures div { display: contents; }
dt { color: var(--muted); }
dd { margin: 0; font-variant-numeric: tabular-nums; }
`;

/** The whole index page. */
export function renderIndex(entries: IndexEntry[], opts: IndexOptions = {}): string {
  const title = opts.title ?? 'shipgate reports';
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  const countLine = [...counts].map(([v, n]) => `${badge(v)}${n}`).join(' ');
  const body =
    entries.length === 0
      ? '<p>No reports found.</p>'
      : [
          `<p class="counts">${entries.length} report${entries.length === 1 ? '' : 's'}: ${countLine}</p>`,
          '<table>',
          '<thead><tr><th>gate</th><th>suite</th><th>verdict</th><th>summary</th><th>key figures</th><th>report</th></tr></thead>',
          '<tbody>',
          ...entries.map(row),
          '</tbody>',
          '</table>',
        ].join('\n');
  return [
    ...documentHead(text(title, 200), STYLE),
    '<body>',
    `<h1>${text(title, 200)}</h1>`,
    opts.generatedAt === undefined ? '' : `<p class="muted">generated ${text(opts.generatedAt, 100)}</p>`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---- key figures of each gate's report.json ----

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function fixed(v: number, digits: number): string {
  return String(Number(v.toFixed(digits)));
}

function signedPercent(change: number): string {
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
}

function output(r: Report, key: string): string | undefined {
  const v = r.outputs?.[key];
  return v === undefined || v === '' ? undefined : String(v);
}

function perfFigures(r: Report): [string, string][] {
  const out: [string, string][] = [];
  const regressions = output(r, 'regressions');
  const improvements = output(r, 'improvements');
  if (regressions !== undefined) out.push(['regressions', regressions]);
  if (improvements !== undefined) out.push(['improvements', improvements]);
  const results = Array.isArray(r.details.results) ? r.details.results.map(obj).filter((x) => x !== undefined) : [];
  const rank = (v: unknown): number => (v === 'regression' ? 2 : v === 'improvement' ? 1 : 0);
  let head: Record<string, unknown> | undefined;
  for (const x of results) {
    if (num(x.change) === undefined) continue;
    if (head === undefined || rank(x.verdict) > rank(head.verdict) || (rank(x.verdict) === rank(head.verdict) && Math.abs(num(x.change) ?? 0) > Math.abs(num(head.change) ?? 0))) head = x;
  }
  const change = num(head?.change);
  if (head !== undefined && change !== undefined) {
    const what = [head.benchmark, head.metric].filter((s) => typeof s === 'string').join(' ');
    out.push(['headline', `${what} ${signedPercent(change)}${typeof head.verdict === 'string' ? ` (${head.verdict})` : ''}`]);
  }
  return out;
}

function chaosFigures(r: Report): [string, string][] {
  const out: [string, string][] = [];
  if (r.details.dryRun === true) {
    const plan = Array.isArray(r.details.plan) ? r.details.plan.length : undefined;
    if (plan !== undefined) out.push(['faults planned', String(plan)]);
    return out;
  }
  const faults = Array.isArray(r.details.faults) ? r.details.faults.map(obj).filter((x) => x !== undefined) : [];
  if (faults.length) out.push(['faults verified', `${faults.filter((f) => f.verified === true).length}/${faults.length}`]);
  const lost = output(r, 'lost');
  if (lost !== undefined) out.push(['writes lost', lost]);
  const recovery = output(r, 'recovery-seconds');
  if (recovery !== undefined) out.push(['recovery', `${recovery} s`]);
  return out;
}

function modelFigures(r: Report): [string, string][] {
  const out: [string, string][] = [];
  const metrics = obj(r.details.metrics) ?? {};
  for (const key of ['accuracy', 'roc_auc', 'roc_auc_ovr_macro', 'f1_macro', 'r2']) {
    const v = num(metrics[key]);
    if (v !== undefined) out.push([key, fixed(v, 4)]);
  }
  const failed = output(r, 'failed-metrics');
  if (failed !== undefined) out.push(['failed metrics', failed.split(',').join(', ')]);
  const drift = obj(r.details.drift);
  const drifted = Array.isArray(drift?.drifted) ? drift.drifted.filter((s) => typeof s === 'string') : (output(r, 'drifted-columns')?.split(',') ?? []);
  if (drift !== undefined || drifted.length) out.push(['drifted columns', drifted.length ? drifted.join(', ') : 'none']);
  return out;
}

function readinessFigures(r: Report): [string, string][] {
  const out: [string, string][] = [];
  const score = output(r, 'score');
  if (score !== undefined) out.push(['score', `${score}/100`]);
  out.push(['level', output(r, 'level') ?? 'none']);
  const critical = output(r, 'failed-critical');
  if (critical !== undefined) out.push(['failed critical', critical]);
  return out;
}

/** The figures a reader looks at first in a gate's report (read defensively: `details` is per gate). */
export function keyFigures(r: Report): [string, string][] {
  switch (r.gate) {
    case 'perf-gate':
      return perfFigures(r);
    case 'chaos-run':
      return chaosFigures(r);
    case 'model-validate':
      return modelFigures(r);
    case 'readiness-checklist':
      return readinessFigures(r);
    default:
      return Object.entries(r.outputs ?? {}).map(([k, v]) => [k, String(v)]);
  }
}

/** The index row of one report found in `dir` (relative to the index page). */
export function indexEntry(r: Report, dir: string): IndexEntry {
  return { dir, gate: r.gate, name: r.name, verdict: r.verdict, summary: r.summary, figures: keyFigures(r) };
}
