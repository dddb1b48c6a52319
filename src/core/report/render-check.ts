import type { Finding, FindingStatus, Report } from './model.js';
import { plainText, stripControls } from './escape.js';
import { renderSections, VERDICT_WORDS } from './render-markdown.js';

/** GitHub's limits on a check run's output. */
export const CHECK_TITLE_MAX_CHARS = 255;
export const CHECK_OUTPUT_MAX_BYTES = 65_535;
export const ANNOTATION_MESSAGE_MAX_BYTES = 65_536;
export const ANNOTATIONS_PER_REQUEST = 50;

/** An annotation as the check-runs API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
}

const LEVELS: Partial<Record<FindingStatus, CheckAnnotation['annotation_level']>> = {
  fail: 'failure',
  warn: 'warning',
  inconclusive: 'notice',
};

/**
 * The check run's output: the verdict and essential sections as the summary, detail sections as the text, and
 * an annotation for each located finding that did not pass. Send annotations in `batches()`.
 */
export function renderCheckOutput(report: Report, opts: { artifactUrl?: string } = {}): CheckOutput {
  const word = VERDICT_WORDS[report.verdict];
  const title = plainText(report.summary.trim() === '' ? word : `${word}: ${report.summary}`, { maxChars: CHECK_TITLE_MAX_CHARS });
  const common = { maxBytes: CHECK_OUTPUT_MAX_BYTES, artifactUrl: opts.artifactUrl, heading: false };
  const essential = report.sections.filter((s) => s.importance === 'essential');
  const detail = report.sections.filter((s) => s.importance !== 'essential');
  const summary = renderSections(report, essential, common);
  const annotations = report.findings.flatMap((f) => {
    const a = annotationFor(f);
    return a === undefined ? [] : [a];
  });
  if (detail.length === 0) return { title, summary, annotations };
  // The text holds nothing but detail sections, so it is cut rather than emptied when too large.
  const text = renderSections(report, detail, { ...common, verdictLine: false, dropDetailSections: false });
  return text === '' ? { title, summary, annotations } : { title, summary, text, annotations };
}

function annotationFor(finding: Finding): CheckAnnotation | undefined {
  const level = LEVELS[finding.status];
  const loc = finding.location;
  if (level === undefined || loc === undefined) return undefined;
  const path = stripControls(loc.file).replace(/\s+/g, ' ').trim().replace(/^\.\//, '');
  if (path === '') return undefined;
  const start = lineNumber(loc.line) ?? 1;
  const end = Math.max(start, lineNumber(loc.endLine) ?? start);
  const message = plainText(finding.message, { multiline: true, maxBytes: ANNOTATION_MESSAGE_MAX_BYTES });
  const title = plainText(finding.title, { maxChars: CHECK_TITLE_MAX_CHARS });
  return {
    path,
    start_line: start,
    end_line: end,
    annotation_level: level,
    message: message === '' ? title || plainText(finding.id) || finding.status : message,
    ...(title === '' ? {} : { title }),
  };
}

function lineNumber(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}

/** Splits items into consecutive batches of at most `size` (the API takes 50 annotations per request). */
export function batches<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
