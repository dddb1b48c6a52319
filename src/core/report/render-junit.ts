import { checkRunName, type Finding, type Report } from './model.js';

// Characters outside XML 1.0's Char production (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function xmlText(s: string): string {
  return s.replace(ILLEGAL_XML, '').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function xmlAttr(s: string): string {
  return s.replace(ILLEGAL_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function seconds(start: string, end: string): string | undefined {
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : undefined;
}

function firstLine(s: string): string {
  const line = s.trim().split(/\r\n|\r|\n/, 1)[0] ?? '';
  return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
}

function testcase(f: Finding, gate: string): string {
  const head = `    <testcase${attrs({ classname: gate, name: f.title, file: f.location?.file, line: f.location?.line })}`;
  const body: string[] = [];
  if (f.status === 'fail') body.push(`      <failure${attrs({ message: firstLine(f.message), type: f.severity })}/>`);
  else if (f.status === 'skip' || f.status === 'inconclusive') body.push(`      <skipped${attrs({ message: f.status })}/>`);
  if (f.message !== '') body.push(`      <system-out>${xmlText(f.message)}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

/** The report as a JUnit XML document: one test suite for the gate run, one test case per finding. */
export function renderJUnit(report: Report): string {
  const failures = report.findings.filter((f) => f.status === 'fail').length;
  const skipped = report.findings.filter((f) => f.status === 'skip' || f.status === 'inconclusive').length;
  const counts = { tests: report.findings.length, failures, errors: 0, skipped };
  const time = seconds(report.startedAt, report.finishedAt);
  const suite = attrs({ name: checkRunName(report.gate, report.name), ...counts, timestamp: report.startedAt, time });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'shipgate', ...counts, time })}>`,
    `  <testsuite${suite}>`,
    '    <properties>',
    `      <property${attrs({ name: 'verdict', value: report.verdict })}/>`,
    `      <property${attrs({ name: 'summary', value: report.summary })}/>`,
    '    </properties>',
    ...report.findings.map((f) => testcase(f, report.gate)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
