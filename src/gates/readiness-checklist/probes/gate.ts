import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../../core/errors.js';
import { type Verdict, VERDICTS } from '../../../core/report/model.js';
import type { CheckSpec, Probe } from '../types.js';
import { describeExpectation, displayPath, expectationOf, got, lookupPath, oneLine, parsePath, showValue, SpecReader, unmet } from './command.js';

const DEFAULT_VERDICTS: readonly Verdict[] = ['pass', 'warn'];
/** A bare name (`perf-gate`, `perf-gate-nightly`) means that gate's folder in the reports directory. */
const GATE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The report file a `report:` value names. */
export function reportFile(report: string, reportsDir: string): string {
  if (GATE_NAME.test(report) && !report.toLowerCase().endsWith('.json')) return path.join(reportsDir, report, 'report.json');
  return path.resolve(reportsDir, report);
}

function verdictsOf(spec: CheckSpec): readonly string[] {
  if (typeof spec.verdict === 'string') return [spec.verdict];
  if (Array.isArray(spec.verdict)) return spec.verdict as string[];
  return DEFAULT_VERDICTS;
}

export const gateProbe: Probe = {
  type: 'gate',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['report', 'verdict', 'field', 'equals', 'min', 'max']);
    const report = r.string('report', { required: "another gate's report: its name (e.g. perf-gate) or a report.json path relative to the reports folder" }) as string;
    if (path.isAbsolute(report)) throw r.error('report', `must be a gate name or a path relative to the reports folder${got(report)}`, 'Write it like `perf-gate` or `perf-gate/report.json`.');
    const verdict = spec.verdict;
    if (verdict !== undefined) {
      const list = Array.isArray(verdict) ? (verdict as unknown[]) : [verdict];
      if (list.length === 0) throw r.error('verdict', 'must not be an empty list', `List the accepted verdicts (${VERDICTS.join(', ')}).`);
      list.forEach((v, i) => {
        if (typeof v !== 'string' || !(VERDICTS as readonly string[]).includes(v)) {
          throw r.error(Array.isArray(verdict) ? `verdict[${i}]` : 'verdict', `must be one of: ${VERDICTS.join(', ')}${got(v)}`, 'Use one of the listed verdicts.');
        }
      });
    }
    const field = r.string('field');
    if (field !== undefined && parsePath(field) === undefined) {
      throw r.error('field', `is not a simple dotted path${got(field)}`, 'Write it like `details.score` or `findings[0].status`.');
    }
    r.expectation({ key: 'field', present: field !== undefined }, ['equals', 'min', 'max']);
  },

  async run(spec, ctx) {
    const file = reportFile(spec.report as string, ctx.reportsDir);
    const shown = displayPath(ctx, file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { status: 'inconclusive', summary: code === 'ENOENT' ? `no report at ${shown} (did that gate run before this one?)` : oneLine(`${shown}: cannot read: ${errorMessage(e)}`) };
    }
    let report: unknown;
    try {
      report = JSON.parse(text);
    } catch {
      return { status: 'inconclusive', summary: `${shown} is not valid JSON` };
    }
    const r = report as { verdict?: unknown; gate?: unknown; name?: unknown } | null;
    if (r === null || typeof r !== 'object' || typeof r.verdict !== 'string') return { status: 'inconclusive', summary: `${shown} is not a shipgate report (no verdict)` };
    const label = typeof r.gate === 'string' ? `${r.gate}${typeof r.name === 'string' && r.name !== '' && r.name !== r.gate ? ` (${r.name})` : ''}` : shown;

    const accepted = verdictsOf(spec);
    if (!accepted.includes(r.verdict)) return { status: 'fail', summary: `${label}: verdict ${r.verdict}; expected ${accepted.join(' or ')}` };
    if (typeof spec.field !== 'string') return { status: 'pass', summary: `${label}: verdict ${r.verdict}` };

    const found = lookupPath(report, parsePath(spec.field) ?? []);
    if (!found.found) return { status: 'inconclusive', summary: `${label}: verdict ${r.verdict}; ${spec.field} not in the report` };
    const exp = expectationOf(spec);
    const why = unmet(found.value, exp);
    const seen = `${spec.field} = ${showValue(found.value)}`;
    if (why !== undefined) return { status: 'fail', summary: `${label}: verdict ${r.verdict}; ${seen}, ${why}` };
    return { status: 'pass', summary: `${label}: verdict ${r.verdict}; ${seen}${describeExpectation(exp)}` };
  },
};
