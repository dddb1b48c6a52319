import { Collector, duplicateKeys, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Direction, Parser } from './types.js';

/** Bencher's built-in measures; any other measure is taken as unitless and better lower. */
const MEASURES: Record<string, { unit: string; direction: Direction }> = {
  latency: { unit: 'ns', direction: 'lower' },
  throughput: { unit: 'ops/s', direction: 'higher' },
  'file-size': { unit: 'bytes', direction: 'lower' },
  'build-time': { unit: 's', direction: 'lower' },
};

/** Bencher Metric Format: `{ "<benchmark>": { "<measure>": { "value", "lower_value"?, "upper_value"? } } }`. */
export const bmfParser: Parser = {
  format: 'bmf',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v)) return false;
    const benchmarks = Object.values(v);
    return (
      benchmarks.length > 0 &&
      benchmarks.every((b) => isRecord(b) && Object.keys(b).length > 0 && Object.values(b).every((m) => isRecord(m) && 'value' in m))
    );
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!isRecord(doc)) throw shapeError(file, 'bmf', 'expected an object mapping benchmark names to measures');
    const out = new Collector(file, 'bmf');
    // Names are object keys, and JSON.parse keeps only the last of repeated ones.
    for (const d of duplicateKeys(text)) {
      const [benchmark] = d.path;
      if (benchmark === undefined) out.duplicate(d.key);
      else if (d.path.length === 1) out.problem(benchmark, `${d.key}: the measure appears more than once. Keep one value per measure`);
    }
    const bounds: Record<string, Record<string, { lower?: unknown; upper?: unknown }>> = {};
    for (const [name, measures] of Object.entries(doc)) {
      if (!isRecord(measures)) {
        out.problem(name, 'is not an object of measures. Write `{ "<measure>": { "value": <number> } }`');
        continue;
      }
      for (const [measure, m] of Object.entries(measures)) {
        if (!isRecord(m) || !('value' in m)) {
          out.problem(name, `${measure}: has no \`value\`. Write \`{ "value": <number> }\``);
          continue;
        }
        const known = MEASURES[measure] ?? { unit: '', direction: 'lower' };
        out.add({ benchmark: name, metric: measure, unit: known.unit, direction: known.direction, samples: [m.value] });
        if ('lower_value' in m || 'upper_value' in m) (bounds[name] ??= {})[measure] = { lower: m.lower_value, upper: m.upper_value };
      }
    }
    out.warn('Bencher Metric Format holds one value per measure, not samples; run the suite several times (repetitions) to compare with statistical evidence');
    return out.finish(Object.keys(bounds).length > 0 ? { bounds } : undefined);
  },
};
