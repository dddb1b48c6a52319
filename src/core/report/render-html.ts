/**
 * report.html: one self-contained page of a Report, for the report directory. It runs no script and loads
 * nothing: one inline stylesheet, Mermaid `xychart-beta` blocks drawn as inline SVG, and the chart SVGs of the
 * report directory embedded after a check that they reference nothing outside themselves.
 *
 * Every string of the report is untrusted: escaped for HTML, with `://` written as `&#58;//` so that no URL
 * appears in the page's source.
 */
import { byteLength, escapeHtml, stripControls } from './escape.js';
import type { Block, Finding, Report, Section, TableRow, Verdict } from './model.js';

/** Most charts embedded; the rest are listed by name. */
export const MAX_CHARTS = 30;
/** Largest chart SVG embedded, in bytes. */
export const MAX_CHART_BYTES = 2 * 1024 * 1024;

export interface HtmlChart {
  /** Shown as the caption (a path relative to the report directory). */
  name: string;
  svg: string;
}

export interface HtmlOptions {
  charts?: HtmlChart[];
}

/** HTML-escaped text without control characters, and without a literal `scheme://`. */
function esc(s: string): string {
  return escapeHtml(stripControls(s)).replace(/:\/\//g, '&#58;//');
}

const VERDICT_LABEL: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', inconclusive: 'INCONCLUSIVE', error: 'ERROR' };

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--zebra:#f6f8fa;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inconclusive:#6e7781;--error:#82071e;--skip:#8c959f}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6em;margin:0 0 8px;display:flex;flex-wrap:wrap;align-items:center;gap:12px}
h2{font-size:1.25em;margin:32px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h1 .suite{color:var(--muted);font-weight:normal}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-size:.7em;font-weight:600;letter-spacing:.04em;vertical-align:middle}
.badge.pass{background:var(--pass)}.badge.warn{background:var(--warn)}.badge.fail{background:var(--fail)}.badge.inconclusive{background:var(--inconclusive)}.badge.error{background:var(--error)}
.summary{font-size:1.1em;margin:4px 0 16px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px;font-size:.93em}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
nav.files{font-size:.9em;color:var(--muted)}nav.files a{color:#0969da;margin-right:12px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.9em;display:block;overflow-x:auto}
th,td{border:1px solid var(--border);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--zebra);font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:var(--zebra)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.center,th.center{text-align:center}
tr.s-fail td:first-child{box-shadow:inset 3px 0 var(--fail)}tr.s-warn td:first-child{box-shadow:inset 3px 0 var(--warn)}
tr.s-inconclusive td:first-child{box-shadow:inset 3px 0 var(--inconclusive)}tr.s-pass td:first-child{box-shadow:inset 3px 0 var(--pass)}
.st{font-weight:600}.st.pass{color:var(--pass)}.st.warn{color:var(--warn)}.st.fail{color:var(--fail)}.st.inconclusive{color:var(--inconclusive)}.st.skip{color:var(--skip)}
pre{background:var(--zebra);border:1px solid var(--border);border-radius:6px;padding:8px 12px;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
details{margin:8px 0;border:1px solid var(--border);border-radius:6px;padding:4px 12px}
details>summary{cursor:pointer;font-weight:600;padding:4px 0}
.note{color:var(--muted);font-style:italic}
figure{margin:16px 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9em;margin-top:4px}
svg.xy text{font:11px system-ui,sans-serif;fill:#1f2328}svg.xy .axis{stroke:#59636e}svg.xy .grid{stroke:#e1e4e8}
@media print{body{font-size:11pt}main{max-width:none;padding:0}nav.files{display:none}details{border:none;padding:0}
table{display:table;overflow:visible}tr,figure,pre{break-inside:avoid}.badge{border:1px solid #000;color:#000;background:none!important}}
`;

/**
 * The opening of every page shipgate writes, up to `</head>`: the title (already escaped) and the inline style, under
 * a Content-Security-Policy that lets no page fetch or run anything, even markup that got past the escaping.
 */
export function documentHead(titleHtml: string, style: string): string[] {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${titleHtml}</title>`,
    `<style>${style}</style>`,
    '</head>',
  ];
}

/** The report as a complete, self-contained HTML5 document. */
export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const title = `${report.gate} (${report.name}): ${report.verdict}`;
  const parts: string[] = [
    ...documentHead(esc(title), STYLE),
    '<body>',
    '<main>',
    header(report),
    findingsSection(report.findings),
    ...report.sections.map(sectionHtml),
    chartsSection(opts.charts ?? []),
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${parts.filter((p) => p !== '').join('\n')}\n`;
}

function header(r: Report): string {
  const facts: [string, string][] = [
    ['started', r.startedAt],
    ['finished', r.finishedAt],
  ];
  const duration = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000;
  if (Number.isFinite(duration) && duration >= 0) facts.push(['duration', `${duration.toFixed(1)} s`]);
  const ru = r.runner;
  if (ru.name) facts.push(['runner', ru.name]);
  facts.push(['OS / arch', `${ru.os} / ${ru.arch}`]);
  if (ru.cpuModel) facts.push(['CPU', ru.cpuModel]);
  for (const [i, g] of (ru.gpus ?? []).entries()) {
    const extra = [g.driver ? `driver ${g.driver}` : '', g.cuda ? `CUDA ${g.cuda}` : '', g.memoryMiB !== undefined ? `${g.memoryMiB} MiB` : ''].filter(Boolean).join(', ');
    facts.push([`GPU ${i}`, extra ? `${g.name} (${extra})` : g.name]);
  }
  if (ru.fingerprint) facts.push(['fingerprint', ru.fingerprint]);
  const g = r.git;
  if (g.repository) facts.push(['repository', g.repository]);
  if (g.ref) facts.push(['ref', g.ref]);
  if (g.sha) facts.push(['commit', g.sha]);
  if (g.headSha && g.headSha !== g.sha) facts.push(['head commit', g.headSha]);
  if (g.pullRequest !== undefined) facts.push(['pull request', String(g.pullRequest)]);
  if (g.baseRef) facts.push(['base', g.baseRef]);
  if (g.event) facts.push(['event', g.event]);
  if (g.runId) facts.push(['run', g.runAttempt ? `${g.runId} (attempt ${g.runAttempt})` : g.runId]);
  const verdict = VERDICT_LABEL[r.verdict] ? r.verdict : 'error';
  return [
    '<header>',
    `<h1><span>${esc(r.gate)}</span> <span class="suite">${esc(r.name)}</span> <span class="badge ${verdict}">${esc(VERDICT_LABEL[verdict])}</span></h1>`,
    `<p class="summary">${esc(r.summary)}</p>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    '<nav class="files">Files: <a href="report.json">report.json</a><a href="report.md">report.md</a><a href="junit.xml">junit.xml</a></nav>',
    '</header>',
  ].join('\n');
}

function findingsSection(findings: Finding[]): string {
  if (findings.length === 0) return '<section id="findings"><h2>Findings</h2><p class="note">No findings.</p></section>';
  const rows = findings.map((f) => {
    const loc = f.location ? `${f.location.file}${f.location.line !== undefined ? `:${f.location.line}` : ''}${f.location.endLine !== undefined ? `-${f.location.endLine}` : ''}` : '';
    return `<tr class="s-${cls(f.status)}"><td><span class="st ${cls(f.status)}">${esc(f.status)}</span></td><td>${esc(f.severity)}</td><td>${esc(f.title)}</td><td>${multiline(f.message)}</td><td>${esc(loc)}</td></tr>`;
  });
  return [
    `<section id="findings"><h2>Findings (${findings.length})</h2>`,
    '<table><thead><tr><th>status</th><th>severity</th><th>title</th><th>message</th><th>location</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/** A class name from a fixed set of words (anything else becomes `other`). */
function cls(s: string): string {
  return /^(pass|fail|warn|skip|inconclusive|error)$/.test(s) ? s : 'other';
}

function multiline(s: string): string {
  return esc(s).replace(/\n/g, '<br>');
}

function sectionHtml(s: Section): string {
  const body = s.blocks.map(blockHtml).join('\n');
  const heading = `<h2>${esc(s.title)}</h2>`;
  if (s.collapsed) return `<section>${heading}\n<details><summary>${esc(s.title)}</summary>\n${body}\n</details></section>`;
  return `<section>${heading}\n${body}\n</section>`;
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'text':
      return stripControls(b.text)
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p) => `<p>${multiline(p.trim())}</p>`)
        .join('\n');
    case 'table':
      return tableHtml(b.columns, b.rows, b.align);
    case 'code':
      return `<pre><code>${esc(b.text)}</code></pre>`;
    case 'details':
      return `<details><summary>${esc(b.summary)}</summary>\n${b.blocks.map(blockHtml).join('\n')}\n</details>`;
    case 'markdown':
      return markdownHtml(b.markdown);
  }
}

const NUMERIC = /^[+-−]?[\d.,]+(e[+-]?\d+)?\s*(%|[a-zµμ°/]{0,8}(\/s)?)?$/i;

/** Alignment per column: as given, else right where every non-empty cell is a number (with an optional unit). */
function alignments(columns: string[], rows: TableRow[], align: ('left' | 'right' | 'center')[] | undefined): string[] {
  return columns.map((_, i) => {
    const given = align?.[i];
    if (given) return given;
    const cells = rows.map((r) => (r.cells[i] ?? '').trim()).filter((c) => c !== '' && c !== '—' && c !== '-');
    return cells.length > 0 && cells.every((c) => NUMERIC.test(c)) ? 'right' : 'left';
  });
}

function alignClass(a: string): string {
  return a === 'right' ? ' class="num"' : a === 'center' ? ' class="center"' : '';
}

function tableHtml(columns: string[], rows: TableRow[], align?: ('left' | 'right' | 'center')[]): string {
  const al = alignments(columns, rows, align);
  const head = columns.map((c, i) => `<th${alignClass(al[i] ?? 'left')}>${esc(c)}</th>`).join('');
  const body = rows.map((r) => {
    const cells = columns.map((_, i) => `<td${alignClass(al[i] ?? 'left')}>${multiline(r.cells[i] ?? '')}</td>`).join('');
    return `<tr${r.status ? ` class="s-${cls(r.status)}"` : ''}>${cells}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown blocks: Mermaid charts drawn, everything else shown as written.

const OTHER_MERMAID_NOTE = '<p class="note">A diagram is shown in the PR comment; its chart is among the charts below.</p>';

function markdownHtml(md: string): string {
  const out: string[] = [];
  const lines = stripControls(md).split('\n');
  let text: string[] = [];
  const flush = () => {
    if (text.join('').trim() !== '') out.push(`<pre>${esc(text.join('\n'))}</pre>`);
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*mermaid\s*$/i.exec(lines[i] ?? '');
    if (!open?.[1]) {
      text.push(lines[i] ?? '');
      continue;
    }
    const fence = open[1];
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
    flush();
    const body = lines.slice(i + 1, end);
    const first = body.find((l) => l.trim() !== '')?.trim() ?? '';
    if (/^xychart-beta\b/.test(first)) {
      const chart = parseXyChart(body);
      out.push(chart ? drawXyChart(chart) : `<pre>${esc(body.join('\n'))}</pre>`);
    } else out.push(OTHER_MERMAID_NOTE);
    i = end;
  }
  flush();
  return out.join('\n');
}

export interface XyChart {
  title?: string;
  xLabel?: string;
  /** Category labels, or a numeric range the points are spread over. */
  categories?: string[];
  xRange?: [number, number];
  yLabel?: string;
  yRange?: [number, number];
  series: { kind: 'line' | 'bar'; name?: string; values: number[] }[];
}

const MAX_SERIES = 12;
const MAX_VALUES = 1000;

/** Parses the lines of an `xychart-beta` block (after the fence); undefined when it holds no series. */
export function parseXyChart(lines: string[]): XyChart | undefined {
  const chart: XyChart = { series: [] };
  for (const raw of lines) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^title\s+(.*)$/.exec(line))) chart.title = unquote(m[1] ?? '');
    else if ((m = /^x-axis\b\s*(.*)$/.exec(line))) {
      const { label, rest } = leadingLabel(m[1] ?? '');
      if (label !== undefined) chart.xLabel = label;
      const list = /^\[(.*)\]$/.exec(rest);
      const range = parseRange(rest);
      if (list) chart.categories = splitList(list[1] ?? '').slice(0, MAX_VALUES);
      else if (range) chart.xRange = range;
    } else if ((m = /^y-axis\b\s*(.*)$/.exec(line))) {
      const { label, rest } = leadingLabel(m[1] ?? '');
      if (label !== undefined) chart.yLabel = label;
      const range = parseRange(rest);
      if (range) chart.yRange = range;
    } else if ((m = /^(line|bar)\b\s*(.*)$/.exec(line))) {
      const { label, rest } = leadingLabel(m[2] ?? '');
      const list = /^\[(.*)\]$/.exec(rest);
      if (!list || chart.series.length >= MAX_SERIES) continue;
      const values = splitList(list[1] ?? '')
        .slice(0, MAX_VALUES)
        .map((v) => (v.trim() === '' ? NaN : Number(v)));
      chart.series.push({ kind: m[1] === 'bar' ? 'bar' : 'line', ...(label !== undefined ? { name: label } : {}), values });
    }
  }
  return chart.series.length ? chart : undefined;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** A quoted label (or one unquoted word not starting a list or range) before the rest of an axis or series line. */
function leadingLabel(s: string): { label?: string; rest: string } {
  const t = s.trim();
  const q = /^"([^"]*)"\s*(.*)$/.exec(t);
  if (q) return { label: q[1] ?? '', rest: (q[2] ?? '').trim() };
  const w = /^([^\s["\d+-.][^\s[]*)\s*(.*)$/.exec(t);
  if (w) return { label: w[1] ?? '', rest: (w[2] ?? '').trim() };
  return { rest: t };
}

function parseRange(s: string): [number, number] | undefined {
  const m = /^([+-]?[\d.]+(?:e[+-]?\d+)?)\s*-->\s*([+-]?[\d.]+(?:e[+-]?\d+)?)$/i.exec(s.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}

/** Comma-separated items, each optionally in double quotes. */
function splitList(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < s.length && (m = re.exec(s))) {
    out.push(m[1] ?? (m[2] ?? '').trim());
    if (m[0] === '') break;
  }
  return out;
}

const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d', '#ff9da6', '#bab0ac', '#79706e', '#d67195'];

/** Evenly spaced, round tick values covering [lo, hi]. */
function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9 && out.length < 50; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function fmt(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  return String(Number(v.toPrecision(6)));
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** An `xychart-beta` chart as an inline SVG line/bar chart. */
export function drawXyChart(c: XyChart): string {
  const n = Math.max(c.categories?.length ?? 0, ...c.series.map((s) => s.values.length), 1);
  const labels = Array.from({ length: n }, (_, i) => {
    if (c.categories) return c.categories[i] ?? '';
    if (c.xRange) return fmt(n === 1 ? c.xRange[0] : c.xRange[0] + ((c.xRange[1] - c.xRange[0]) * i) / (n - 1));
    return String(i + 1);
  });
  const bars = c.series.filter((s) => s.kind === 'bar');
  const values = c.series.flatMap((s) => s.values).filter(Number.isFinite);
  let [lo, hi] = c.yRange ?? [Math.min(...values, bars.length ? 0 : Infinity), Math.max(...values, bars.length ? 0 : -Infinity)];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) [lo, hi] = [lo - 0.5, hi + 0.5];
  const named = c.series.filter((s) => s.name);
  const W = 720;
  const H = 340;
  const left = 64;
  const right = 16;
  const top = c.title ? 36 : 16;
  const legend = named.length ? 22 : 0;
  const rotate = n > 8 || labels.some((l) => l.length > 6);
  const bottom = (rotate ? 64 : 36) + (c.xLabel ? 18 : 0) + legend;
  const pw = W - left - right;
  const ph = H - top - bottom;
  const band = pw / n;
  const xAt = (i: number) => left + band * (i + 0.5);
  const yAt = (v: number) => top + ph - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * ph;
  const r = (v: number) => Number(v.toFixed(2));
  const out: string[] = [];
  const label = c.title ?? 'chart';
  out.push(`<svg class="xy" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(clip(label, 200))}">`);
  if (c.title) out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-weight="600" style="font-size:14px">${esc(clip(c.title, 100))}</text>`);
  for (const t of niceTicks(lo, hi)) {
    const y = r(yAt(t));
    out.push(`<line class="grid" x1="${left}" x2="${left + pw}" y1="${y}" y2="${y}"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${esc(fmt(t))}</text>`);
  }
  out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + ph}"/><line class="axis" x1="${left}" x2="${left + pw}" y1="${top + ph}" y2="${top + ph}"/>`);
  const every = Math.max(1, Math.ceil(n / 30));
  for (let i = 0; i < n; i += every) {
    const x = r(xAt(i));
    const text = esc(clip(labels[i] ?? '', 24));
    out.push(
      rotate
        ? `<text x="${x}" y="${top + ph + 12}" text-anchor="end" transform="rotate(-40 ${x} ${top + ph + 12})">${text}</text>`
        : `<text x="${x}" y="${top + ph + 16}" text-anchor="middle">${text}</text>`,
    );
  }
  if (c.xLabel) out.push(`<text x="${left + pw / 2}" y="${H - legend - 6}" text-anchor="middle">${esc(clip(c.xLabel, 100))}</text>`);
  if (c.yLabel) out.push(`<text x="14" y="${top + ph / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + ph / 2})">${esc(clip(c.yLabel, 60))}</text>`);
  const base = yAt(Math.min(hi, Math.max(lo, 0)));
  const bw = (band * 0.8) / Math.max(1, bars.length);
  c.series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length] ?? '#4c78a8';
    const name = s.name ? ` data-series="${esc(clip(s.name, 100))}"` : '';
    if (s.kind === 'bar') {
      const b = bars.indexOf(s);
      s.values.forEach((v, i) => {
        if (!Number.isFinite(v) || i >= n) return;
        const y = yAt(v);
        const x = xAt(i) - band * 0.4 + b * bw;
        out.push(`<rect class="bar" x="${r(x)}" y="${r(Math.min(y, base))}" width="${r(Math.max(1, bw - 1))}" height="${r(Math.abs(base - y))}" fill="${color}"><title>${esc(clip(labels[i] ?? '', 60))}: ${esc(fmt(v))}</title></rect>`);
      });
      return;
    }
    const pts = s.values.slice(0, n).map((v, i) => (Number.isFinite(v) ? `${r(xAt(i))},${r(yAt(v))}` : ''));
    // Non-finite values break the line.
    for (const run of pts.join(' ').split(/\s{2,}/)) {
      if (run.trim() !== '') out.push(`<polyline class="line"${name} fill="none" stroke="${color}" stroke-width="2" points="${run.trim()}"/>`);
    }
    s.values.forEach((v, i) => {
      if (Number.isFinite(v) && i < n) out.push(`<circle class="point" cx="${r(xAt(i))}" cy="${r(yAt(v))}" r="3" fill="${color}"><title>${esc(clip(labels[i] ?? '', 60))}: ${esc(fmt(v))}</title></circle>`);
    });
  });
  if (named.length) {
    let x = left;
    const y = H - 8;
    c.series.forEach((s, k) => {
      if (!s.name) return;
      const color = PALETTE[k % PALETTE.length] ?? '#4c78a8';
      const text = clip(s.name, 40);
      out.push(`<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${color}"/><text x="${x + 14}" y="${y}">${esc(text)}</text>`);
      x += 24 + text.length * 6.5;
    });
  }
  out.push('</svg>');
  return `<figure class="xychart">${out.join('')}</figure>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Embedded chart SVGs

const SVG_ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'textpath', 'clippath', 'mask', 'pattern', 'lineargradient', 'radialgradient', 'stop', 'marker', 'style', 'a', 'switch',
    'filter', 'feblend', 'fecolormatrix', 'fecomponenttransfer', 'fecomposite', 'feconvolvematrix', 'fediffuselighting', 'fedisplacementmap',
    'fedistantlight', 'fedropshadow', 'feflood', 'fefunca', 'fefuncb', 'fefuncg', 'fefuncr', 'fegaussianblur', 'femerge', 'femergenode',
    'femorphology', 'feoffset', 'fepointlight', 'fespecularlighting', 'fespotlight', 'fetile', 'feturbulence',
  ],
);
const BASIC_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Attribute values and style text as a browser reads them; undefined where an unknown named reference makes that uncertain. */
function decodeRefs(s: string): string | undefined {
  let unknown = false;
  const out = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (all, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    const basic = BASIC_ENTITIES[ref.toLowerCase()];
    if (basic === undefined || !all.endsWith(';')) unknown = true;
    return basic ?? all;
  });
  return unknown ? undefined : out;
}

/** Why CSS text (a style attribute or element) is unsafe, or undefined. */
function unsafeCss(css: string): string | undefined {
  if (css.includes('\\')) return 'an escape in CSS';
  if (/@/.test(css)) return 'an at-rule in CSS';
  if (/expression\s*\(/i.test(css)) return 'a CSS expression';
  // image-set() and friends take plain strings as URLs.
  if (/image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(/i.test(css)) return 'a CSS image function';
  if (/["']\s*[a-z][a-z0-9+.-]*:/i.test(css)) return 'a URL string in CSS';
  return unsafeUrls(css);
}

function unsafeUrls(s: string): string | undefined {
  for (const m of s.matchAll(/url\s*\(\s*(['"]?)\s*([^)]*)/gi)) {
    if (!(m[2] ?? '').startsWith('#')) return 'a url() outside the document';
  }
  return undefined;
}

/**
 * An embedded chart SVG reduced to its `<svg>` element, or why it is refused: it must consist of known SVG
 * elements only (no script, foreignObject, animation, HTML), carry no event attributes, and reference nothing but
 * its own `#ids`.
 */
export function sanitizeSvg(input: string): { svg: string } | { refused: string } {
  if (byteLength(input) > MAX_CHART_BYTES) return { refused: `larger than ${MAX_CHART_BYTES / 1024 / 1024} MiB` };
  const start = input.search(/<svg[\s>]/i);
  const end = input.toLowerCase().lastIndexOf('</svg>');
  if (start < 0 || end < start) return { refused: 'not an SVG document' };
  const prolog = input.slice(0, start).replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>[]*(\[[^\]]*\])?\s*>|<!--[\s\S]*?-->|\s+/gi, '');
  if (prolog !== '') return { refused: 'unexpected content before <svg>' };
  const svg = input.slice(start, end + '</svg>'.length);
  if (/<script/i.test(svg)) return { refused: 'it contains <script>' };
  if (/<foreignObject/i.test(svg)) return { refused: 'it contains <foreignObject>' };
  // A <style> element in inline SVG styles the whole page: a chart could restyle the verdict.
  if (/<style[\s>/]/i.test(svg)) return { refused: 'it contains <style>' };
  let out = '';
  let pos = 0;
  let inStyle = false;
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
  while (pos < svg.length) {
    const lt = svg.indexOf('<', pos);
    const text = svg.slice(pos, lt < 0 ? svg.length : lt);
    if (inStyle) {
      const css = decodeRefs(text);
      const why = css === undefined ? 'an unknown character reference in CSS' : unsafeCss(css);
      if (why) return { refused: `it contains ${why}` };
    }
    out += text;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) return { refused: svg.startsWith('<!', lt) ? 'it contains a comment, CDATA or declaration' : 'it contains markup that is not a plain tag' };
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (!SVG_ELEMENTS.has(name)) return { refused: `it contains <${name.slice(0, 40)}>` };
    if (closing && (m[3] ?? '').trim() !== '') return { refused: 'a closing tag with attributes' };
    let attrs = '';
    for (const a of (m[3] ?? '').matchAll(/\s+([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      const attr = (a[1] ?? '').toLowerCase();
      const quoted = a[2] ?? '';
      const raw = quoted.startsWith('"') || quoted.startsWith("'") ? quoted.slice(1, -1) : quoted;
      const value = decodeRefs(raw);
      if (value === undefined) return { refused: `an unknown character reference in ${attr.slice(0, 40)}` };
      if (attr.startsWith('on')) return { refused: `an event attribute (${attr.slice(0, 40)})` };
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue; // inline SVG in HTML needs no namespace declarations
      if (attr === 'href' || attr.endsWith(':href') || attr === 'src' || attr === 'action' || attr === 'formaction') {
        if (!value.trim().startsWith('#')) return { refused: `${attr} pointing outside the document` };
      }
      if (attr === 'style') {
        const why = unsafeCss(value);
        if (why) return { refused: `it contains ${why}` };
      } else {
        const why = unsafeUrls(value);
        if (why) return { refused: `it contains ${why}` };
      }
      attrs += ` ${a[1] ?? ''}="${escapeHtml(value)}"`;
    }
    if (name === 'style') inStyle = !closing && m[4] !== '/';
    out += closing ? `</${m[2] ?? ''}>` : `<${m[2] ?? ''}${attrs}${m[4] === '/' ? '/' : ''}>`;
    pos = tag.lastIndex;
  }
  return { svg: out.replace(/:\/\//g, '&#58;//') };
}

function chartsSection(charts: HtmlChart[]): string {
  if (charts.length === 0) return '';
  const figures = charts.slice(0, MAX_CHARTS).map((c) => {
    const caption = `<figcaption>${esc(c.name)}</figcaption>`;
    const r = sanitizeSvg(c.svg);
    if ('refused' in r) return `<figure><p class="note">Chart left out: ${esc(r.refused)}.</p>${caption}</figure>`;
    return `<figure>${r.svg}${caption}</figure>`;
  });
  const more = charts.length > MAX_CHARTS ? `<p class="note">${charts.length - MAX_CHARTS} more charts left out: ${esc(charts.slice(MAX_CHARTS).map((c) => c.name).join(', '))}.</p>` : '';
  return [`<section id="charts"><h2>Charts</h2>`, ...figures, more, '</section>'].filter((p) => p !== '').join('\n');
}
