import { DEFAULT_LEVELS, DEFAULT_WEIGHTS } from './checklist.js';
import type { CheckSpec, Checklist, ChecklistItem, Priority } from './types.js';

/**
 * Turns a markdown production-readiness checklist, as teams already write them, into a Checklist (write it with
 * `checklistToYaml`). Nothing is dropped: every task-list checkbox outside a fenced code block becomes an item.
 *
 * Rules:
 * - Headings. The first `#` heading, before any section, is the checklist's `name`. Every other `#` and every `##`
 *   heading opens a section; a leading number (`1.`, `2.3`) is stripped from its title. Items before the first
 *   section go into a section titled `General`. Sections without items are left out (the file format requires
 *   items). `###`–`######` headings group items inside the current section: their text (numbering stripped) is
 *   prefixed to the title of an item whose own text has two words or fewer (`### Backups` + `- [ ] Tested` →
 *   `Backups: Tested`); longer item texts stand alone.
 * - Items. `- [ ]`, `- [x]`, `* [X]`, `+ [ ]`, `1. [ ]` lines are items, ticked when the box holds `x`/`X`;
 *   nested checkboxes are items of their own. An item's continuation lines are the lines right after it (up to a
 *   blank line), plus the lines (and fenced blocks) indented deeper than its marker after blank lines; a heading or
 *   another checkbox ends it.
 * - Fields, on the item line or its continuation lines, as `Label: value`: a bold label anywhere
 *   (`**Status**: CRITICAL | **Owner**: DevOps`, `**Priority:** medium`), a plain one at the start of the line
 *   or after a separator (`Owner: @secops`, `… | Priority: high`, two spaces); a value runs to the next label:
 *   - priority from `Status`, `Priority` or `Severity` (critical/high/medium/low, also P0–P3, blocker, major,
 *     minor …), or, on the item line only, from a `(P0)`, `[P1]` or bare upper-case `P2` token, `(critical)`, or a
 *     leading `CRITICAL:` (P0 → critical, P1 → high, P2 → medium, P3 → low); the first one found wins; none:
 *     `medium`, with a warning naming the line;
 *   - owner from `Owner`, `Owners`, `Owned by`, `Assignee` or `Responsible` (blanks like `____` are ignored);
 *   - `Validation Command:` (also `Verification command`, `Check command` …): the command is the first backticked
 *     span after the label, else the rest of the line as written; when nothing follows the label, the next fenced
 *     code block (or else the next continuation line) is the command. Each becomes a check
 *     `{ type: command, run: <command> }`.
 * - An item without a command gets one check `{ type: manual, checked: <box ticked> }`, with `by: @name` from the
 *   first @mention in its text outside the owner field (sign-off lines such as `- [x] SRE on-call: @bob`).
 * - The title is the item text before the first field label, with priority tokens, blank fill-ins (`____`), a
 *   trailing `Date: …` and a trailing `: @mention` removed, and bold markers dropped.
 * - The acceptance text is what remains of the continuation lines once fields and commands are taken out
 *   (an `Acceptance:` label is dropped), joined by newlines.
 * - Ids are slugs of the titles (lowercase ASCII letters, digits and `-`, at most 60 characters), made unique with
 *   `-2`, `-3` …. An item's `line` is its 1-based line in the markdown file.
 */
export function importMarkdownChecklist(markdown: string, file: string): { checklist: Checklist; warnings: string[] } {
  const lines = (markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown).split(/\r?\n/);
  const warnings: string[] = [];
  const sections: { title: string; items: ChecklistItem[] }[] = [];
  const ids = new Set<string>();
  let name: string | undefined;
  let section: { title: string; items: ChecklistItem[] } | undefined;
  let group: string | undefined;

  const openSection = (title: string): { title: string; items: ChecklistItem[] } => {
    const opened: { title: string; items: ChecklistItem[] } = { title, items: [] };
    sections.push(opened);
    group = undefined;
    return opened;
  };

  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    const fence = fenceOpen(line);
    if (fence !== undefined) {
      i = fenceEnd(lines, i, fence) + 1;
      continue;
    }
    const heading = headingOf(line);
    if (heading !== undefined) {
      if (heading.level === 1 && name === undefined && section === undefined) name = heading.text || undefined;
      else if (heading.level <= 2) section = openSection(cleanHeading(heading.text) || `Section at line ${i + 1}`);
      else group = cleanHeading(heading.text) || undefined;
      i++;
      continue;
    }
    const box = checkboxOf(line);
    if (box === undefined) {
      i++;
      continue;
    }
    section ??= openSection('General');
    const parsed = parseItem(lines, i, box, file, warnings);
    let title = parsed.title;
    if (group !== undefined && (title === '' || title.split(/\s+/).length <= 2)) title = title === '' ? group : `${group}: ${title}`;
    if (title === '') {
      title = `Item at line ${i + 1}`;
      warnings.push(`${file}:${i + 1}: the checkbox has no text; titled it "${title}". Write what the item requires after the box.`);
    }
    if (parsed.priority === undefined) {
      warnings.push(`${file}:${i + 1}: no priority for "${title}"; using medium. Add \`**Priority**: critical|high|medium|low\` (or P0-P3) to the item.`);
    }
    const item: ChecklistItem = {
      id: uniqueId(slug(title), ids),
      title,
      priority: parsed.priority ?? 'medium',
      section: section.title,
      checks: parsed.checks,
      line: i + 1,
    };
    if (parsed.owner !== undefined) item.owner = parsed.owner;
    if (parsed.acceptance !== '') item.acceptance = parsed.acceptance;
    section.items.push(item);
    i = parsed.end;
  }

  const checklist: Checklist = {
    file,
    sections: sections.filter((s) => s.items.length > 0),
    levels: [...DEFAULT_LEVELS],
    weights: { ...DEFAULT_WEIGHTS },
    policy: {},
    waivers: [],
  };
  if (name !== undefined) checklist.name = cleanInline(name);
  return { checklist, warnings };
}

// ---- line kinds ----

interface Fence {
  char: string;
  length: number;
  indent: number;
}

function fenceOpen(line: string): Fence | undefined {
  const m = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
  if (m === null) return undefined;
  const marks = m[2] ?? '';
  if (marks.startsWith('`') && (m[3] ?? '').includes('`')) return undefined;
  return { char: marks.charAt(0), length: marks.length, indent: indentOf(m[1] ?? '') };
}

/** Index of the fence's closing line (the last line when it is never closed). */
function fenceEnd(lines: string[], open: number, fence: Fence): number {
  const close = new RegExp(`^\\s*${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
  for (let j = open + 1; j < lines.length; j++) if (close.test(lines[j] ?? '')) return j;
  return lines.length - 1;
}

function headingOf(line: string): { level: number; text: string } | undefined {
  const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
  if (m === null) return undefined;
  const text = (m[2] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim();
  return { level: (m[1] ?? '').length, text };
}

interface Box {
  indent: number;
  checked: boolean;
  text: string;
}

function checkboxOf(line: string): Box | undefined {
  const m = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?:\s+(.*)|\s*)$/.exec(line);
  if (m === null) return undefined;
  return { indent: indentOf(m[1] ?? ''), checked: m[2] !== ' ', text: (m[3] ?? '').trim() };
}

function isListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line);
}

function indentOf(s: string): number {
  let n = 0;
  for (const c of s) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

// ---- fields ----

const BOLD = '(?:\\*\\*|__)?';
const PRIORITY_LABEL = 'status|priority|severity|prio';
const OWNER_LABEL = 'owners?|owned by|assignee|responsible';
const COMMAND_LABEL = '(?:validation|verification|verify|check)[ _-]?(?:command|cmd)';
const LABEL_WORDS = `${PRIORITY_LABEL}|${OWNER_LABEL}|${COMMAND_LABEL}`;
/**
 * A field label: in bold (`**Owner**:`, `**Owner:**`) anywhere, or plain (`Owner:`) at the start of the text or after
 * a separator (`|`, `,`, `;`, `.`, a dash, a bracket, two spaces), so that `Product owner: ____` is no label.
 */
const LABEL = new RegExp(
  `(?:\\*\\*|__)(${LABEL_WORDS})\\b[ \\t]*${BOLD}[ \\t]*:[ \\t]*${BOLD}|(?<=^[ \\t]*|[|,;.(\\[—–-][ \\t]*|[ \\t]{2}|\\t)(${LABEL_WORDS})\\b[ \\t]*:[ \\t]*`,
  'gi',
);
const HAS_LABEL = new RegExp(LABEL.source, 'i');
const IS_PRIORITY_LABEL = new RegExp(`^(?:${PRIORITY_LABEL})$`);
const IS_OWNER_LABEL = new RegExp(`^(?:${OWNER_LABEL})$`);

const PRIORITY_WORDS: Record<string, Priority> = {
  critical: 'critical',
  crit: 'critical',
  blocker: 'critical',
  p0: 'critical',
  high: 'high',
  major: 'high',
  p1: 'high',
  medium: 'medium',
  med: 'medium',
  moderate: 'medium',
  normal: 'medium',
  p2: 'medium',
  low: 'low',
  minor: 'low',
  p3: 'low',
};
const P_LEVELS: Priority[] = ['critical', 'high', 'medium', 'low'];

/** `(P0)`, `[P1]`, a bare `P2` (upper case only), `(critical)`. */
const PRIORITY_TOKEN = /[([]?(?<![\w-])P([0-3])(?![\w-])[)\]]?|\(([Cc]ritical|CRITICAL|[Hh]igh|HIGH|[Mm]edium|MEDIUM|[Ll]ow|LOW)\)/g;

interface Segment {
  kind: 'priority' | 'owner' | 'command';
  value: string;
}

/** The fields of one line: the text before the first label, and each labelled segment. */
function fieldsOf(text: string): { before: string; segments: Segment[] } {
  // Labels inside code spans are not labels: look for them in a copy with the spans blanked out.
  const masked = text.replace(/(`+)[^`]*?\1/g, (s) => '\u0000'.repeat(s.length));
  const matches = [...masked.matchAll(LABEL)];
  const first = matches[0];
  if (first === undefined) return { before: text, segments: [] };
  const segments = matches.map((m, k): Segment => {
    const label = (m[1] ?? m[2] ?? '').toLowerCase();
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[k + 1]?.index ?? text.length;
    const raw = text.slice(start, end);
    const kind = IS_PRIORITY_LABEL.test(label) ? 'priority' : IS_OWNER_LABEL.test(label) ? 'owner' : 'command';
    return { kind, value: kind === 'command' ? commandOf(raw) : trimSeparators(raw) };
  });
  return { before: text.slice(0, first.index), segments };
}

function commandOf(raw: string): string {
  const code = /(`+)\s*([\s\S]*?)\s*\1/.exec(raw);
  if (code !== null) return code[2] ?? '';
  return raw.trim();
}

function trimSeparators(s: string): string {
  return s
    .replace(/\*\*|__(?=\s|$)|(?<=^|\s)__/g, '')
    .replace(/^[\s|,;·—–-]+|[\s|,;·—–-]+$/g, '')
    .trim();
}

function priorityWord(value: string): Priority | undefined {
  const word = /^[A-Za-z0-9]+/.exec(value.trim())?.[0]?.toLowerCase();
  return word === undefined ? undefined : PRIORITY_WORDS[word];
}

/** A priority from tokens in free text, and the text without them. */
function priorityTokens(text: string): { priority: Priority | undefined; text: string } {
  let priority: Priority | undefined;
  const rest = text.replace(PRIORITY_TOKEN, (_s, p: string | undefined, word: string | undefined) => {
    priority ??= p !== undefined ? P_LEVELS[Number(p)] : PRIORITY_WORDS[(word ?? '').toLowerCase()];
    return ' ';
  });
  return { priority, text: rest };
}

const MENTION = /(?<![\w.])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_.-]+)?/;

// ---- one item ----

interface ParsedItem {
  title: string;
  priority: Priority | undefined;
  owner: string | undefined;
  acceptance: string;
  checks: CheckSpec[];
  /** Index of the first line after the item. */
  end: number;
}

function parseItem(lines: string[], index: number, box: Box, file: string, warnings: string[]): ParsedItem {
  let priority: Priority | undefined;
  let owner: string | undefined;
  const commands: string[] = [];
  const acceptance: string[] = [];
  const mentionTexts: string[] = [];
  /** Line (1-based) of a `Validation Command:` label still waiting for its command. */
  let pending: number | undefined;

  const take = (text: string, lineNo: number, isItemLine: boolean): string => {
    const { before, segments } = fieldsOf(text);
    for (const s of segments) {
      if (s.kind === 'priority') {
        const p = priorityWord(s.value);
        if (p !== undefined) priority ??= p;
        else warnings.push(`${file}:${lineNo}: unknown priority "${s.value}"; expected critical, high, medium, low or P0-P3.`);
      } else if (s.kind === 'owner') {
        if (s.value !== '' && !/^_+$/.test(s.value)) owner ??= s.value;
      } else if (s.value === '') {
        if (pending !== undefined) warnings.push(`${file}:${pending}: \`Validation Command:\` without a command; ignored.`);
        pending = lineNo;
      } else {
        commands.push(s.value);
      }
    }
    let rest = before;
    if (isItemLine) {
      const tokens = priorityTokens(before);
      priority ??= tokens.priority;
      rest = tokens.text;
      const lead = /^\s*(critical|high|medium|low)\s*[:—–-]\s+/i.exec(rest);
      if (lead !== null) {
        priority ??= PRIORITY_WORDS[(lead[1] ?? '').toLowerCase()];
        rest = rest.slice(lead[0].length);
      }
    }
    mentionTexts.push(rest);
    return rest;
  };

  const title = cleanTitle(take(box.text, index + 1, true));

  let j = index + 1;
  let end = index + 1;
  let sawBlank = false;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (line.trim() === '') {
      sawBlank = true;
      j++;
      continue;
    }
    if (headingOf(line) !== undefined || checkboxOf(line) !== undefined) break;
    const indent = indentOf(line);
    const fence = fenceOpen(line);
    if (fence !== undefined) {
      if (!(indent > box.indent || !sawBlank || pending !== undefined)) break;
      const close = fenceEnd(lines, j, fence);
      const body = lines.slice(j + 1, close === j ? j + 1 : close);
      if (pending !== undefined) {
        const strip = fence.indent;
        const command = body.map((l) => l.slice(Math.min(strip, indentOf(l)))).join('\n').trim();
        if (command === '') warnings.push(`${file}:${j + 1}: empty code block after \`Validation Command:\`; ignored.`);
        else commands.push(command);
        pending = undefined;
      } else {
        acceptance.push(...lines.slice(j, close + 1).map((l) => l.trim()));
      }
      j = close + 1;
      end = j;
      sawBlank = false;
      continue;
    }
    if (!(indent > box.indent || (!sawBlank && !isListItem(line)))) break;
    if (pending !== undefined && !HAS_LABEL.test(line)) {
      commands.push(commandOf(line));
      pending = undefined;
    } else {
      const rest = cleanAcceptance(take(line.trim(), j + 1, false));
      if (rest !== '') acceptance.push(rest);
    }
    j++;
    end = j;
    sawBlank = false;
  }
  if (pending !== undefined) warnings.push(`${file}:${pending}: \`Validation Command:\` without a command; ignored.`);

  let checks: CheckSpec[];
  if (commands.length > 0) {
    checks = commands.map((run) => ({ type: 'command', run }));
  } else {
    const manual: CheckSpec = { type: 'manual', checked: box.checked };
    const by = mentionTexts.map((t) => MENTION.exec(t)?.[0]).find((m) => m !== undefined);
    if (by !== undefined) manual.by = by;
    checks = [manual];
  }
  return { title, priority, owner, acceptance: acceptance.join('\n').trim(), checks, end };
}

// ---- text cleanup ----

function cleanInline(s: string): string {
  return s
    .replace(/\*\*|(?<![\w])__|__(?![\w])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanHeading(s: string): string {
  return cleanInline(s).replace(/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+/, '');
}

function cleanTitle(s: string): string {
  let t = cleanInline(s)
    .replace(/\s*\b(?:date|signature|signed(?: on)?)\s*:\s*\S*\s*$/i, '')
    .replace(/_{2,}/g, ' ')
    .replace(/\s*:\s*@[\w/.-]+(?:\s*,\s*@[\w/.-]+)*\s*$/, '');
  t = t.replace(/\s+/g, ' ');
  return t.replace(/^[\s|,;:·—–-]+|[\s|,;:·—–-]+$/g, '').trim();
}

function cleanAcceptance(s: string): string {
  return s
    .replace(/^\s*(?:\*\*|__)?acceptance(?: criteria)?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i, '')
    .replace(/^[\s|]+|[\s|]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= 60) return s === '' ? 'item' : s;
  const cut = s.slice(0, 60);
  const at = cut.lastIndexOf('-');
  return (at > 20 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}

function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}
