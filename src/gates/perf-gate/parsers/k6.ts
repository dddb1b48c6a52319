import { Collector, duplicateKeys, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Parser } from './types.js';

const STAT = /^(?:avg|min|med|max|p\(\d+(?:\.\d+)?\))$/;

/**
 * k6 summaries: the `--summary-export` file (statistics directly under each metric) and the `handleSummary()` data
 * (`{ type, contains, values }`). Each statistic of a trend metric (avg, min, med, max, p(N)) is one metric of the
 * benchmark named after the k6 metric, with a single value. Trends of the export are taken as milliseconds; the
 * export does not say whether a custom trend holds times.
 */
export const k6Parser: Parser = {
  format: 'k6',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v) || !isRecord(v.metrics)) return false;
    if ('root_group' in v || 'state' in v) return true;
    return Object.values(v.metrics).some((m) => isRecord(m) && ('med' in m || (isRecord(m.values) && 'med' in m.values)));
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!isRecord(doc) || !isRecord(doc.metrics)) throw shapeError(file, 'k6', 'expected an object with `metrics`');
    const out = new Collector(file, 'k6', 'Give each k6 metric a unique name');
    for (const d of duplicateKeys(text)) if (d.path.length === 1 && d.path[0] === 'metrics') out.duplicate(d.key);
    let trends = 0;
    for (const [name, metric] of Object.entries(doc.metrics)) {
      if (!isRecord(metric)) continue;
      const nested = isRecord(metric.values);
      const values = nested ? (metric.values as Record<string, unknown>) : metric;
      const isTrend = nested ? metric.type === 'trend' : 'med' in values || 'avg' in values;
      if (!isTrend) continue;
      trends++;
      const unit = nested ? unitOf(metric.contains) : 'ms';
      for (const [stat, value] of Object.entries(values)) {
        if (STAT.test(stat)) out.add({ benchmark: name, metric: stat, unit, direction: 'lower', samples: [value] });
      }
    }
    if (trends > 0) out.warn('a k6 summary holds one value per statistic, not samples; run the load test several times (repetitions) to compare with statistical evidence');
    const meta: Record<string, unknown> = {};
    if (isRecord(doc.state)) meta.state = doc.state;
    const thresholds = Object.fromEntries(
      Object.entries(doc.metrics).flatMap(([name, m]) => (isRecord(m) && isRecord(m.thresholds) ? [[name, m.thresholds]] : [])),
    );
    if (Object.keys(thresholds).length > 0) meta.thresholds = thresholds;
    return out.finish(meta);
  },
};

function unitOf(contains: unknown): string {
  if (contains === 'time') return 'ms';
  if (contains === 'data') return 'bytes';
  return '';
}
