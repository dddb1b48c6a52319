/**
 * SVG chart of readiness-checklist for the report directory (embedded in report.html): per section, the items by
 * status as one stacked bar. Section titles are untrusted: they enter the spec only as data values.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { renderVegaLite } from '../../core/report/charts.js';
import { stripControls } from '../../core/report/escape.js';
import type { ItemResult, ItemStatus } from './types.js';

const STATUSES: readonly ItemStatus[] = ['pass', 'waived', 'inconclusive', 'fail'];
const COLORS: Record<ItemStatus, string> = { pass: '#1a7f37', waived: '#9a6700', inconclusive: '#8c959f', fail: '#cf222e' };

function label(s: string, max = 80): string {
  const t = stripControls(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** A stacked horizontal bar per section (in the checklist's order) of its item counts by status; undefined for no items. */
export function scoreSpec(results: ItemResult[], sections: string[]): TopLevelSpec | undefined {
  const order = [...sections];
  for (const r of results) if (!order.includes(r.section)) order.push(r.section);
  const values: { section: string; si: number; status: ItemStatus; so: number; n: number }[] = [];
  order.forEach((title, si) => {
    const items = results.filter((r) => r.section === title);
    STATUSES.forEach((status, so) => {
      const n = items.filter((r) => r.status === status).length;
      // The index keeps sections apart even where two titles shorten to the same label.
      if (n > 0) values.push({ section: `${si + 1}. ${label(title) || '(untitled)'}`, si, status, so, n });
    });
  });
  if (!values.length) return undefined;
  const used = STATUSES.filter((s) => values.some((v) => v.status === s));
  return {
    title: { text: 'Items by section and status' },
    width: 420,
    height: { step: 22 },
    background: 'white',
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'section', type: 'nominal', title: null, sort: { field: 'si', op: 'min' }, axis: { labelLimit: 320 } },
      x: { field: 'n', type: 'quantitative', stack: 'zero', title: 'items', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'status', type: 'nominal', title: 'status', scale: { domain: used, range: used.map((s) => COLORS[s]) }, legend: { orient: 'bottom' } },
      order: { field: 'so', type: 'quantitative' },
    },
  };
}

/** Writes charts/score.svg into the report directory; a chart that cannot be rendered is a warning. Returns its relative path, if written. */
export async function writeReadinessCharts(reportDir: string, results: ItemResult[], sections: string[], log: Pick<Logger, 'warning'>): Promise<string | undefined> {
  try {
    const spec = scoreSpec(results, sections);
    if (!spec) return undefined;
    const svg = await renderVegaLite(spec);
    await mkdir(path.join(reportDir, 'charts'), { recursive: true });
    await writeFile(path.join(reportDir, 'charts', 'score.svg'), svg);
    return 'charts/score.svg';
  } catch (e) {
    log.warning(`chart charts/score.svg could not be rendered: ${errorMessage(e)}`);
    return undefined;
  }
}
