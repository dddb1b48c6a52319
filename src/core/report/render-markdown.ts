import { checkRunName, commentMarker, type Block, type Report, type Section, type TableRow, type Verdict } from './model.js';
import {
  byteLength,
  capText,
  codeBlock,
  escapeInline,
  escapeSummary,
  escapeTableCell,
  escapeText,
  plainText,
  truncateChars,
} from './escape.js';

/** GitHub's limit on an issue or pull-request comment body. */
export const COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on the job summary of one step. */
export const SUMMARY_MAX_BYTES = 1_048_576;

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
  error: 'ERROR',
};

export interface MarkdownOptions {
  maxChars?: number;
  maxBytes?: number;
  /** Where the full report can be downloaded; linked from every line that says something was left out. */
  artifactUrl?: string;
  /** Hidden first line, normally `commentMarker(gate, name)`. */
  marker?: string;
  /** Heading text; defaults to the check-run name. */
  title?: string;
  /** Put passing rows of every table into a collapsed `<details>` even when the full render fits. */
  collapsePassingRows?: boolean;
}

export interface SectionsOptions extends MarkdownOptions {
  /** Render the `## title` heading (default true). */
  heading?: boolean;
  /** Render the verdict and summary line (default true). */
  verdictLine?: boolean;
  /** Replace `detail` sections by one line each before cutting (default true). */
  dropDetailSections?: boolean;
}

/** The report as GitHub markdown, within `maxChars` characters and `maxBytes` UTF-8 bytes when given. */
export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  return renderSections(report, report.sections, opts);
}

/** The job summary: at most 1 MiB unless `maxBytes` says otherwise. */
export function renderSummary(report: Report, opts: MarkdownOptions = {}): string {
  return renderMarkdown(report, { ...opts, maxBytes: opts.maxBytes ?? SUMMARY_MAX_BYTES });
}

/** The sticky PR comment: at most 65,536 characters, first line the gate's hidden marker. */
export function renderComment(report: Report, opts: MarkdownOptions = {}): string {
  return renderMarkdown(report, {
    ...opts,
    maxChars: opts.maxChars ?? COMMENT_MAX_CHARS,
    marker: opts.marker ?? commentMarker(report.gate, report.name),
  });
}

/**
 * Renders the header and the given sections, shrinking in steps until the output fits: (1) everything;
 * (2) passing table rows collapsed, only when asked, because it never makes the output smaller;
 * (3) passing rows dropped; (4) detail sections dropped; (5) the rest cut at a block or row boundary.
 */
export function renderSections(report: Report, sections: Section[], opts: SectionsOptions = {}): string {
  const limits: Cost = { chars: limit(opts.maxChars), bytes: limit(opts.maxBytes) };
  const ctx: Context = { limits, rawCap: Math.min(limits.chars, limits.bytes), artifactUrl: safeUrl(opts.artifactUrl) };
  const marker = opts.marker === undefined ? '' : `${safeMarker(opts.marker)}\n`;
  const header = headerLines(report, opts, ctx);
  const prepared = sections.map((s) => prepareSection(s, ctx));
  const dropDetail = opts.dropDetailSections ?? true;

  const steps: Step[] = [opts.collapsePassingRows === true ? 'collapse' : 'full', 'drop-passing'];
  if (dropDetail) steps.push('drop-detail');
  let body: Piece[] = [];
  for (const step of steps) {
    body = prepared.flatMap((s) => assembleSection(s, step, ctx));
    const pieces = [...header.map((h) => h.leaf), ...body];
    // Trailing blank lines are trimmed at the end, so a total a few characters over may still fit.
    const total = add(costOf(marker), totalCost(pieces));
    if (fits({ chars: total.chars - SLACK, bytes: total.bytes - SLACK }, limits)) {
      const md = finish(marker + join(pieces));
      if (fits(costOf(md), limits)) return md;
    }
  }
  return cut(marker, header, body, ctx, VERDICT_WORDS[report.verdict]);
}

interface Cost {
  chars: number;
  bytes: number;
}
interface Leaf {
  kind: 'leaf';
  text: string;
  cost: Cost;
  /** For a leaf larger than the whole budget: the largest shortened form that fits `room`. */
  shrink?: Shrink;
}
interface Group {
  kind: 'group';
  open: string;
  close: string;
  children: Piece[];
}
type Piece = Leaf | Group;

interface Context {
  limits: Cost;
  /** No untrusted string longer than the budget can be shown whole; longer ones are cut before escaping. */
  rawCap: number;
  artifactUrl: string | undefined;
}

type Step = 'full' | 'collapse' | 'drop-passing' | 'drop-detail';

type Prepared =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'table'; head: string; rows: { leaf: Leaf; passing: boolean }[] }
  | { kind: 'details'; open: string; blocks: Prepared[] };

interface PreparedSection {
  importance: Section['importance'];
  open: string;
  close: string;
  omitted: Leaf;
  blocks: Prepared[];
}

const HEADING_CHARS = 256;
const SLACK = 8;
const SUMMARY_CHARS = 1024;
/** A shortened oversized leaf shows at least this many characters, or is left out. */
const MIN_SHOWN = 16;

function limit(n: number | undefined): number {
  if (n === undefined || n === Infinity) return Infinity;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

function costOf(s: string): Cost {
  return { chars: s.length, bytes: byteLength(s) };
}
function add(a: Cost, b: Cost): Cost {
  return { chars: a.chars + b.chars, bytes: a.bytes + b.bytes };
}
function fits(c: Cost, limits: Cost): boolean {
  return c.chars <= limits.chars && c.bytes <= limits.bytes;
}
const ZERO: Cost = { chars: 0, bytes: 0 };

/** `makeShrink` is only called for a leaf larger than the whole budget. */
function leaf(text: string, ctx: Context, makeShrink?: () => Shrink): Leaf {
  const cost = costOf(text);
  return makeShrink !== undefined && !fits(cost, ctx.limits)
    ? { kind: 'leaf', text, cost, shrink: makeShrink() }
    : { kind: 'leaf', text, cost };
}
function group(open: string, children: Piece[], close: string): Group {
  return { kind: 'group', open, close, children };
}

function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > 2048) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

function safeMarker(marker: string): string {
  if (/^<!--[^<>\r\n]{0,200}-->$/.test(marker)) return marker;
  return `<!-- ${marker.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 200)} -->`;
}

function artifactLink(label: string, url: string | undefined): string {
  return url === undefined ? label : `[${label}](${url})`;
}

/** A header line is shortened, never dropped for a later one; `min` is what it needs at the least. */
interface HeaderLine {
  leaf: Leaf;
  shrink: Shrink;
  min: Cost;
}

function headerLines(report: Report, opts: SectionsOptions, ctx: Context): HeaderLine[] {
  const out: HeaderLine[] = [];
  if (opts.heading ?? true) {
    const title = plainText(opts.title ?? checkRunName(report.gate, report.name), { maxChars: HEADING_CHARS });
    const render = (n: number): string => `## ${escapeInline(ellipsize(title, n))}\n\n`;
    out.push({ leaf: leaf(render(title.length), ctx), shrink: shrinker(render, title.length), min: ZERO });
  }
  if (opts.verdictLine === false) return out;
  const word = `**${VERDICT_WORDS[report.verdict]}**`;
  const summary = plainText(report.summary, { maxChars: SUMMARY_CHARS });
  const render = (n: number): string => (n === 0 ? `${word}\n\n` : `${word} — ${escapeInline(ellipsize(summary, n))}\n\n`);
  out.push({ leaf: leaf(render(summary.length), ctx), shrink: shrinker(render, summary.length, 0), min: costOf(render(0)) });
  return out;
}

/** `s` cut to `n` code units with `…` appended when anything was cut. */
function ellipsize(s: string, n: number): string {
  return s.length > n ? `${truncateChars(s, n)}…` : s;
}

function prepareSection(section: Section, ctx: Context): PreparedSection {
  const title = plainText(section.title, { maxChars: HEADING_CHARS });
  const collapsed = section.collapsed === true;
  return {
    importance: section.importance,
    open: collapsed ? `<details><summary>${escapeSummary(title)}</summary>\n\n` : `### ${escapeInline(title)}\n\n`,
    close: collapsed ? '</details>\n\n' : '',
    omitted: leaf(
      `_Section left out to fit the size limit: ${escapeInline(title)} — see the full report in ${artifactLink('the artifact', ctx.artifactUrl)}._\n\n`,
      ctx,
    ),
    blocks: section.blocks.flatMap((b) => prepareBlock(b, ctx)),
  };
}

function prepareBlock(block: Block, ctx: Context): Prepared[] {
  switch (block.type) {
    case 'text': {
      const raw = truncateChars(block.text, ctx.rawCap);
      const text = escapeText(raw);
      if (text === '') return [];
      const shrink = (): Shrink => shrinker((n) => `${escapeText(ellipsize(raw, n))}\n\n`, raw.length);
      return [{ kind: 'leaf', leaf: leaf(`${text}\n\n`, ctx, shrink) }];
    }
    case 'markdown':
      return block.markdown.trim() === '' ? [] : [{ kind: 'leaf', leaf: leaf(`${block.markdown.trim()}\n\n`, ctx) }];
    case 'code': {
      const raw = truncateChars(block.text, ctx.rawCap);
      const shrink = (): Shrink => shrinker((n) => `${codeBlock(`${truncateChars(raw, n)}\n…`, block.lang)}\n\n`, raw.length);
      return [{ kind: 'leaf', leaf: leaf(`${codeBlock(raw, block.lang)}\n\n`, ctx, shrink) }];
    }
    case 'table':
      return prepareTable(block, ctx);
    case 'details':
      return [
        {
          kind: 'details',
          open: `<details><summary>${escapeSummary(plainText(block.summary, { maxChars: HEADING_CHARS }))}</summary>\n\n`,
          blocks: block.blocks.flatMap((b) => prepareBlock(b, ctx)),
        },
      ];
  }
}

function prepareTable(block: Extract<Block, { type: 'table' }>, ctx: Context): Prepared[] {
  const width = block.rows.reduce((w, r) => Math.max(w, r.cells.length), block.columns.length);
  if (width === 0) return [];
  const pad = (cells: string[]): string[] =>
    cells.length === width ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const headers = pad(block.columns).map((c) => escapeTableCell(plainText(c, { maxChars: HEADING_CHARS })));
  const delimiter = Array.from({ length: width }, (_, i) => {
    const a = block.align?.[i];
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : a === 'left' ? ':---' : '---';
  });
  const head = `${tableRow(headers)}${tableRow(delimiter)}`;
  const rows = block.rows.map((row: TableRow) => {
    const cells = pad(row.cells).map((c) => truncateChars(c, ctx.rawCap));
    const shrink = (): Shrink =>
      shrinker(
        (n) => tableRow(cells.map((c) => escapeTableCell(ellipsize(c, n)))),
        cells.reduce((m, c) => Math.max(m, c.length), 0),
      );
    return { leaf: leaf(tableRow(cells.map(escapeTableCell)), ctx, shrink), passing: row.status === 'pass' || row.status === 'skip' };
  });
  return [{ kind: 'table', head, rows }];
}

// The space before each `|` keeps a cell that ends in an escaped backslash from escaping the delimiter.
function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

type Shrink = (room: Cost) => string | undefined;

/** Binary search for the largest `n` in [min, max] whose rendering fits the room. */
function shrinker(render: (n: number) => string, max: number, min = MIN_SHOWN): Shrink {
  return (room) => {
    let lo = min;
    let hi = Math.min(max, room.chars, room.bytes);
    let best: string | undefined;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const text = render(mid);
      if (fits(costOf(text), room)) {
        best = text;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

function assembleSection(section: PreparedSection, step: Step, ctx: Context): Piece[] {
  if (step === 'drop-detail' && section.importance === 'detail') return [section.omitted];
  return [group(section.open, section.blocks.flatMap((b) => assembleBlock(b, step, ctx)), section.close)];
}

function assembleBlock(block: Prepared, step: Step, ctx: Context): Piece[] {
  switch (block.kind) {
    case 'leaf':
      return [block.leaf];
    case 'details':
      return [group(block.open, block.blocks.flatMap((b) => assembleBlock(b, step, ctx)), '</details>\n\n')];
    case 'table': {
      const passing = block.rows.filter((r) => r.passing).map((r) => r.leaf);
      if (step === 'full' || passing.length === 0) return [group(block.head, block.rows.map((r) => r.leaf), '\n')];
      const failing = block.rows.filter((r) => !r.passing).map((r) => r.leaf);
      const out: Piece[] = failing.length > 0 ? [group(block.head, failing, '\n')] : [];
      const rows = `${passing.length} passing ${passing.length === 1 ? 'row' : 'rows'}`;
      if (step === 'collapse') {
        out.push(group(`<details><summary>${rows}</summary>\n\n`, [group(block.head, passing, '\n')], '</details>\n\n'));
      } else {
        const link = artifactLink('the artifact', ctx.artifactUrl);
        out.push(leaf(`_${rows} not shown — see the full report in ${link}._\n\n`, ctx));
      }
      return out;
    }
  }
}

function totalCost(pieces: Piece[]): Cost {
  let chars = 0;
  let bytes = 0;
  const visit = (p: Piece): void => {
    if (p.kind === 'leaf') {
      chars += p.cost.chars;
      bytes += p.cost.bytes;
      return;
    }
    const open = costOf(p.open);
    const close = costOf(p.close);
    chars += open.chars + close.chars;
    bytes += open.bytes + close.bytes;
    p.children.forEach(visit);
  };
  pieces.forEach(visit);
  return { chars, bytes };
}

function join(pieces: Piece[]): string {
  const out: string[] = [];
  const visit = (p: Piece): void => {
    if (p.kind === 'leaf') {
      out.push(p.text);
      return;
    }
    out.push(p.open);
    p.children.forEach(visit);
    out.push(p.close);
  };
  pieces.forEach(visit);
  return out.join('');
}

function finish(markdown: string): string {
  return markdown.replace(/\n+$/, '\n');
}

/** Accumulates output without ever passing the limits; marks allow undoing a group that ended up empty. */
class Writer {
  private readonly parts: string[] = [];
  private used: Cost = ZERO;
  constructor(private readonly limits: Cost) {}

  room(reserve: Cost): Cost {
    return { chars: this.limits.chars - this.used.chars - reserve.chars, bytes: this.limits.bytes - this.used.bytes - reserve.bytes };
  }
  fits(c: Cost, reserve: Cost): boolean {
    return fits(c, this.room(reserve));
  }
  push(text: string, cost: Cost = costOf(text)): void {
    this.parts.push(text);
    this.used = add(this.used, cost);
  }
  mark(): { length: number; used: Cost } {
    return { length: this.parts.length, used: this.used };
  }
  reset(mark: { length: number; used: Cost }): void {
    this.parts.length = mark.length;
    this.used = mark.used;
  }
  text(): string {
    return this.parts.join('');
  }
}

/** Writes pieces in order until one does not fit; returns false when something was left out. */
function write(pieces: Piece[], w: Writer, reserve: Cost): boolean {
  for (const p of pieces) {
    if (p.kind === 'leaf') {
      if (w.fits(p.cost, reserve)) {
        w.push(p.text, p.cost);
        continue;
      }
      const shortened = p.shrink?.(w.room(reserve));
      if (shortened !== undefined) w.push(shortened);
      return false;
    }
    const close = costOf(p.close);
    const inner = add(reserve, close);
    const open = costOf(p.open);
    if (!w.fits(open, inner)) return false;
    const before = w.mark();
    w.push(p.open, open);
    const complete = write(p.children, w, inner);
    if (!complete && w.mark().length === before.length + 1) {
      w.reset(before);
      return false;
    }
    w.push(p.close, close);
    if (!complete) return false;
  }
  return true;
}

function cut(marker: string, header: HeaderLine[], body: Piece[], ctx: Context, verdictWord: string): string {
  const link = artifactLink('the report artifact', ctx.artifactUrl);
  const footer = `_Report cut to fit the size limit — see the full report in ${link}._\n`;
  const w = new Writer(ctx.limits);
  const reserve = costOf(footer);
  const minimum = header.reduce((c, h) => add(c, h.min), add(costOf(marker), reserve));
  if (!fits(minimum, ctx.limits)) return capText(verdictWord, ctx.limits.chars, ctx.limits.bytes);
  w.push(marker);
  let complete = true;
  header.forEach((h, i) => {
    const later = header.slice(i + 1).reduce((c, next) => add(c, next.min), reserve);
    if (complete && w.fits(h.leaf.cost, later)) {
      w.push(h.leaf.text, h.leaf.cost);
      return;
    }
    complete = false;
    const shortened = h.shrink(w.room(later));
    if (shortened !== undefined) w.push(shortened);
  });
  if (!complete || !write(body, w, reserve)) w.push(footer, reserve);
  return finish(w.text());
}
