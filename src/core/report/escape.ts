/**
 * Escaping of untrusted strings for each destination a report is rendered to, and size helpers.
 * GitHub links mentions and issue references on the rendered HTML text, so backslash escapes alone do not stop
 * them: a zero-width space is inserted after `@` and before the number of `#123` / `GH-123`.
 */

const ZWSP = '&#8203;';

// C0 controls except tab and newlines, DEL, C1 controls, and the bidi embeddings/overrides/isolates that can
// make text display differently from what it is.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n|[\r\u2028\u2029]/g;
const ANY_TO_CLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** Removes control and bidi-override characters, normalises line breaks to `\n`, replaces lone surrogates. */
export function stripControls(s: string): string {
  if (!ANY_TO_CLEAN.test(s)) return s;
  return s.replace(LINE_BREAK, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The longest prefix of `s` of at most `maxUnits` UTF-16 code units that does not split a surrogate pair. */
export function truncateChars(s: string, maxUnits: number): string {
  if (s.length <= maxUnits) return s;
  let end = Math.max(0, Math.floor(maxUnits));
  if (end > 0 && isHigh(s.charCodeAt(end - 1)) && isLow(s.charCodeAt(end))) end--;
  return s.slice(0, end);
}

/** The longest prefix of `s` whose UTF-8 encoding is at most `maxBytes` bytes; never splits a code point. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (s.length <= maxBytes / 3 || byteLength(s) <= maxBytes) return s;
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let units = 1;
    let size: number;
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      size = 4;
      units = 2;
    } else size = 3; // BMP, or a lone surrogate (encoded as U+FFFD)
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += units;
  }
  return s.slice(0, i);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

function collapseWhitespace(s: string): string {
  return /[^\S ]| {2}/.test(s) ? s.replace(/\s+/g, ' ') : s;
}

// `$` starts GitHub math; the rest can open links, images, emphasis, headings, tables, code or strikethrough.
const INLINE = /[&<>"'\\*_[\]()#|~`$@-]/g;
const HTML_ONLY = /[&<>"'#@-]/g;

/**
 * Escapes character by character (so inserted entities are never rescanned). `@name` would ping a user or team,
 * `#1`, `owner/repo#1` and `GH-1` would link an issue: those get a zero-width space.
 */
function escapeChars(s: string, pattern: RegExp, backslash: boolean): string {
  const slash = backslash ? '\\' : '';
  return s.replace(pattern, (c: string, offset: number, all: string) => {
    const html = HTML[c];
    if (html !== undefined) return html;
    const next = all.charCodeAt(offset + 1);
    switch (c) {
      case '@':
        return isAlnum(next) ? `@${ZWSP}` : '@';
      case '#':
        return `${slash}#${isDigit(next) ? ZWSP : ''}`;
      case '-':
        return isDigit(next) && afterGh(all, offset) ? `-${ZWSP}` : '-';
      default:
        return `${slash}${c}`;
    }
  });
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** Whether `GH` (any case) ends right before `offset` and starts a word. */
function afterGh(s: string, offset: number): boolean {
  if (offset < 2 || (s.charCodeAt(offset - 1) | 0x20) !== 0x68 || (s.charCodeAt(offset - 2) | 0x20) !== 0x67) return false;
  const before = s.charCodeAt(offset - 3);
  return offset === 2 || !(isAlnum(before) || before === 0x5f);
}

/** One line of markdown text: every character that could form markup is escaped; newlines become spaces. */
export function escapeInline(s: string): string {
  return escapeChars(collapseWhitespace(stripControls(s)), INLINE, true);
}

/**
 * A paragraph-safe multi-line text block: each line is escaped inline, stripped of the indentation that would
 * make a code block, and kept from starting a list, heading or thematic break; lines end in `<br>`, blank lines
 * separate paragraphs.
 */
export function escapeText(s: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  for (const raw of stripControls(s).split('\n')) {
    const line = escapeInline(raw).trim();
    if (line === '') {
      if (lines.length > 0) paragraphs.push(lines.join('<br>\n'));
      lines = [];
      continue;
    }
    lines.push(line.replace(/^[-+=]/, '\\$&').replace(/^([0-9]{1,9})\./, '$1\\.'));
  }
  if (lines.length > 0) paragraphs.push(lines.join('<br>\n'));
  return paragraphs.join('\n\n');
}

/** A GitHub markdown table cell: escaped inline (including `|`), newlines as `<br>`. */
export function escapeTableCell(s: string): string {
  const cleaned = stripControls(s);
  if (!cleaned.includes('\n')) return escapeInline(cleaned).trim();
  return cleaned
    .split('\n')
    .map((line) => escapeInline(line).trim())
    .filter((line) => line !== '')
    .join('<br>');
}

/** Text inside `<summary>`, an HTML block where markdown is not parsed: HTML-escaped, one line. */
export function escapeSummary(s: string): string {
  return escapeChars(collapseWhitespace(stripControls(s)).trim(), HTML_ONLY, false);
}

/** A fenced code block whose fence is longer than any backtick run in the content, so it cannot be closed early. */
export function codeBlock(text: string, lang?: string): string {
  const body = stripControls(text).replace(/\n+$/, '');
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = (lang ?? '').replace(/[^A-Za-z0-9_+#.-]/g, '').slice(0, 32);
  return `${fence}${info}\n${body}${body === '' ? '' : '\n'}${fence}`;
}

export interface PlainTextOptions {
  /** Cap in UTF-16 code units (GitHub counts characters; code units are never fewer). */
  maxChars?: number;
  maxBytes?: number;
  /** Keep line breaks (annotation messages); otherwise all whitespace collapses to single spaces. */
  multiline?: boolean;
}

/** Plain text without control characters, capped with a trailing `…` when cut. */
export function plainText(s: string, opts: PlainTextOptions = {}): string {
  const cleaned = stripControls(s);
  const text = (opts.multiline === true ? cleaned.replace(/[^\S\n]+/g, ' ') : collapseWhitespace(cleaned)).trim();
  return capText(text, opts.maxChars ?? Infinity, opts.maxBytes ?? Infinity);
}

/** `text`, or its longest prefix that fits with an appended `…` within both caps. */
export function capText(text: string, maxChars: number, maxBytes: number): string {
  if (text.length <= maxChars && (maxBytes === Infinity || byteLength(text) <= maxBytes)) return text;
  if (maxChars < 1 || maxBytes < 3) return '';
  return `${truncateUtf8(truncateChars(text, maxChars - 1), maxBytes - 3).trimEnd()}…`;
}
