import { mkdir, open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getValidator } from '../schema.js';
import { loadSchema } from '../schema-files.js';
import type { Report } from './model.js';
import { renderJUnit } from './render-junit.js';
import { MAX_CHART_BYTES, MAX_CHARTS, renderHtml, type HtmlChart } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FILES = { json: 'report.json', markdown: 'report.md', junit: 'junit.xml', html: 'report.html' } as const;

/** Check a report against the published schema; a failure here is a bug in the gate, not the user's input. */
export function assertValidReport(report: unknown): asserts report is Report {
  const validate = getValidator(loadSchema('report.schema.json'));
  if (!validate(report)) {
    const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new Error(`internal error: the report does not match schemas/report.schema.json: ${errs}`);
  }
}

/** Folders deeper than this below the report directory are not searched for charts. */
const MAX_CHART_DEPTH = 8;

/** Relative paths (with `/`) of the `*.svg` files under dir, sorted; links are not followed. */
async function findSvgs(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && depth < MAX_CHART_DEPTH) await walk(child, depth + 1);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.svg')) out.push(child);
    }
  };
  await walk('', 0);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** At most one byte more than a chart may have: a larger file is refused by its size without being read whole. */
async function readCapped(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_CHART_BYTES + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** The report directory's charts, by relative path; beyond the number embedded only their names are kept. */
async function chartsIn(dir: string): Promise<HtmlChart[]> {
  const names = await findSvgs(dir);
  const out: HtmlChart[] = [];
  for (const [i, name] of names.entries()) {
    let svg = '';
    if (i < MAX_CHARTS) {
      try {
        svg = await readCapped(path.join(dir, ...name.split('/')));
      } catch {
        svg = '';
      }
    }
    out.push({ name, svg });
  }
  return out;
}

/**
 * Write report.json, the full (unbudgeted) markdown, JUnit XML and a self-contained report.html (embedding every
 * `*.svg` found under dir) into dir. Returns report.json's path.
 */
export async function writeReportFiles(report: Report, dir: string): Promise<string> {
  assertValidReport(report);
  await mkdir(dir, { recursive: true });
  const jsonPath = path.join(dir, REPORT_FILES.json);
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(dir, REPORT_FILES.markdown), renderMarkdown(report, {}));
  await writeFile(path.join(dir, REPORT_FILES.junit), renderJUnit(report));
  await writeFile(path.join(dir, REPORT_FILES.html), renderHtml(report, { charts: await chartsIn(dir) }));
  return jsonPath;
}
