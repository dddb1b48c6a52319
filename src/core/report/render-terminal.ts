import { checkRunName, type Block, type Finding, type FindingStatus, type Report, type Verdict } from './model.js';
import { stripControls, truncateChars } from './escape.js';
import { VERDICT_WORDS } from './render-markdown.js';

export interface TerminalOptions {
  /** Emit ANSI colours (default false). */
  color?: boolean;
  /** Column budget for tables (default 100). */
  width?: number;
}

const DEFAULT_WIDTH = 100;
const GAP = '  ';
const STATUS_WIDTH = 14;
const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, magenta: 35 } as const;
type Style = keyof typeof ANSI;

const VERDICT_STYLE: Record<Verdict, Style> = { pass: 'green', warn: 'yellow', fail: 'red', inconclusive: 'magenta', error: 'red' };
const STATUS_STYLE: Partial<Record<FindingStatus, Style>> = { pass: 'green', fail: 'red', warn: 'yellow', inconclusive: 'magenta' };

/** The report as plain text for a terminal; untrusted strings cannot carry escape sequences. */
export function renderTerminal(report: Report, opts: TerminalOptions = {}): string {
  const paint = (style: Style, s: string): string => (opts.color === true && s !== '' ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s);
  const width = Math.max(20, Math.floor(opts.width ?? DEFAULT_WIDTH) || DEFAULT_WIDTH);
  const out: string[] = [];

  out.push(`${paint('bold', paint(VERDICT_STYLE[report.verdict], VERDICT_WORDS[report.verdict]))}  ${oneLine(checkRunName(report.gate, report.name))}`);
  const summary = oneLine(report.summary);
  if (summary !== '') out.push(summary);

  for (const section of report.sections) {
    const title = oneLine(section.title);
    out.push('', paint('bold', title), '-'.repeat(Math.min(width, Math.max(3, [...title].length))));
    for (const block of section.blocks) out.push(...renderBlock(block, width, paint));
  }

  if (report.findings.length > 0) {
    const title = `Findings (${report.findings.length})`;
    out.push('', paint('bold', title), '-'.repeat(title.length));
    for (const f of report.findings) out.push(...renderFinding(f, paint));
  }
  return `${out.join('\n')}\n`;
}

type Paint = (style: Style, s: string) => string;

function clean(s: string): string {
  return stripControls(s).replace(/\t/g, '  ');
}

function oneLine(s: string): string {
  return stripControls(s).replace(/\s+/g, ' ').trim();
}

function renderBlock(block: Block, width: number, paint: Paint): string[] {
  switch (block.type) {
    case 'text':
    case 'markdown': {
      const text = clean(block.type === 'text' ? block.text : block.markdown).trim();
      return text === '' ? [] : ['', ...text.split('\n').map((l) => l.trimEnd())];
    }
    case 'code':
      return ['', ...clean(block.text).replace(/\n+$/, '').split('\n').map((l) => `    ${l}`.trimEnd())];
    case 'table':
      return ['', ...renderTable(block, width, paint)];
    case 'details':
      return ['', paint('bold', oneLine(block.summary)), ...block.blocks.flatMap((b) => renderBlock(b, width, paint))];
  }
}

function renderTable(block: Extract<Block, { type: 'table' }>, width: number, paint: Paint): string[] {
  const n = block.rows.reduce((m, r) => Math.max(m, r.cells.length), block.columns.length);
  if (n === 0) return [];
  // Cut before measuring: a cell is never shown wider than the whole table.
  const cellsOf = (cells: string[]): string[][] =>
    Array.from({ length: n }, (_, i) => [...truncateChars(oneLine(cells[i] ?? ''), width + 1)]);
  const header = cellsOf(block.columns);
  const rows = block.rows.map((r) => cellsOf(r.cells));
  const natural = header.map((h, i) => rows.reduce((m, r) => Math.max(m, r[i]?.length ?? 0), h.length));
  const widths = fitWidths(natural, width - GAP.length * (n - 1));

  const line = (cells: string[][]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, block.align?.[i]))
      .join(GAP)
      .trimEnd();
  const out = [paint('bold', line(header)), widths.map((w) => '-'.repeat(w)).join(GAP)];
  block.rows.forEach((r, i) => {
    const style = r.status === undefined ? undefined : STATUS_STYLE[r.status];
    const text = line(rows[i] ?? []);
    out.push(style === undefined || r.status === 'pass' ? text : paint(style, text));
  });
  return out;
}

/** Narrows the widest columns first until the table fits `avail` (never below 3 characters a column). */
function fitWidths(natural: number[], avail: number): number[] {
  const total = (cap: number): number => natural.reduce((s, w) => s + Math.min(w, cap), 0);
  let lo = 0;
  let hi = Math.max(0, ...natural);
  if (total(hi) <= avail) return natural;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= avail) lo = mid;
    else hi = mid - 1;
  }
  const cap = Math.max(3, lo);
  return natural.map((w) => Math.min(w, cap));
}

/** `chars` are code points, so a cut never splits a surrogate pair. */
function pad(chars: string[], w: number, align: 'left' | 'right' | 'center' | undefined): string {
  const shown = chars.length > w ? [...chars.slice(0, Math.max(0, w - 1)), '…'] : chars;
  const text = shown.join('');
  const space = Math.max(0, w - shown.length);
  if (align === 'right') return ' '.repeat(space) + text;
  if (align === 'center') return ' '.repeat(Math.floor(space / 2)) + text + ' '.repeat(Math.ceil(space / 2));
  return text + ' '.repeat(space);
}

function renderFinding(f: Finding, paint: Paint): string[] {
  const status = oneLine(f.status).toUpperCase().slice(0, STATUS_WIDTH - 2).padEnd(STATUS_WIDTH);
  const style = STATUS_STYLE[f.status];
  const head = `  ${style === undefined ? status : paint(style, status)}[${oneLine(f.severity)}] ${oneLine(f.title)}`;
  const indent = ' '.repeat(2 + STATUS_WIDTH);
  const message = clean(f.message).trim();
  const lines = message === '' ? [] : message.split('\n').map((l) => `${indent}${l}`.trimEnd());
  const loc = f.location;
  if (loc !== undefined) {
    const where = `${oneLine(loc.file)}${loc.line === undefined ? '' : `:${loc.line}`}`;
    lines.push(`${indent}${paint('dim', `at ${where}`)}`);
  }
  return [head, ...lines];
}
