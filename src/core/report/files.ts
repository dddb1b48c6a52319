import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getValidator } from '../schema.js';
import { loadSchema } from '../schema-files.js';
import type { Report } from './model.js';
import { renderJUnit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FILES = { json: 'report.json', markdown: 'report.md', junit: 'junit.xml' } as const;

/** Check a report against the published schema; a failure here is a bug in the gate, not the user's input. */
export function assertValidReport(report: unknown): asserts report is Report {
  const validate = getValidator(loadSchema('report.schema.json'));
  if (!validate(report)) {
    const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new Error(`internal error: the report does not match schemas/report.schema.json: ${errs}`);
  }
}

/** Write report.json, the full (unbudgeted) markdown and JUnit XML into dir. Returns report.json's path. */
export async function writeReportFiles(report: Report, dir: string): Promise<string> {
  assertValidReport(report);
  await mkdir(dir, { recursive: true });
  const jsonPath = path.join(dir, REPORT_FILES.json);
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(dir, REPORT_FILES.markdown), renderMarkdown(report, {}));
  await writeFile(path.join(dir, REPORT_FILES.junit), renderJUnit(report));
  return jsonPath;
}
