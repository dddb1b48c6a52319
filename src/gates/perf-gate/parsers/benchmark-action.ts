import { Collector, directionOfUnit, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Parser } from './types.js';

/**
 * github-action-benchmark's custom format: `[{ name, unit, value, range?, extra? }]`. The metric is `value`; rates
 * (ops/s, MB/s, /sec) are better higher, everything else lower.
 */
export const benchmarkActionParser: Parser = {
  format: 'benchmark-action',
  detect(_file, text) {
    const v = peekJson(text);
    return Array.isArray(v) && v.length > 0 && v.every((e) => isRecord(e) && typeof e.name === 'string' && 'value' in e && 'unit' in e);
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!Array.isArray(doc)) throw shapeError(file, 'benchmark-action', 'expected a list of `{ name, unit, value }`');
    const out = new Collector(file, 'benchmark-action');
    const details: Record<string, { range?: unknown; extra?: unknown }> = {};
    doc.forEach((e: unknown, index) => {
      if (!isRecord(e) || typeof e.name !== 'string' || e.name === '') {
        out.problem(undefined, `entry ${index + 1} has no \`name\`. Write \`{ "name", "unit", "value" }\``);
        return;
      }
      if (typeof e.unit !== 'string') {
        out.problem(e.name, 'has no `unit`. Add the unit, e.g. "ns/iter" or "ops/sec"');
        return;
      }
      out.add({ benchmark: e.name, metric: 'value', unit: e.unit, direction: directionOfUnit(e.unit), samples: [e.value] });
      if (e.range !== undefined || e.extra !== undefined) details[e.name] = { range: e.range, extra: e.extra };
    });
    out.warn('github-action-benchmark results hold one value per benchmark, not samples; run the suite several times (repetitions) to compare with statistical evidence');
    return out.finish(Object.keys(details).length > 0 ? { details } : undefined);
  },
};
