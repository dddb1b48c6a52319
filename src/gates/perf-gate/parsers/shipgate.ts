import { validateValue } from '../../../core/config.js';
import { loadSchema } from '../../../core/schema-files.js';
import { Collector, directionOfUnit, isRecord, peekJson, readJson } from './common.js';
import type { Direction, Parser } from './types.js';

interface Results {
  schemaVersion: 1;
  meta?: Record<string, unknown>;
  benchmarks: { name: string; metric: string; unit: string; direction?: Direction; samples: number[] }[];
}

/** shipgate's own format, `schemas/perf-results.schema.json`. */
export const shipgateParser: Parser = {
  format: 'shipgate',
  detect(_file, text) {
    const v = peekJson(text);
    return isRecord(v) && 'schemaVersion' in v && Array.isArray(v.benchmarks);
  },
  parse(file, text) {
    const raw = readJson(file, text);
    const value = validateValue<Results>(withFiniteSamples(raw), loadSchema('perf-results.schema.json'), { file });
    const out = new Collector(file, 'shipgate');
    value.benchmarks.forEach((b, i) => {
      out.add({ benchmark: b.name, metric: b.metric, unit: b.unit, direction: b.direction ?? directionOfUnit(b.unit), samples: samplesOf(raw, i) });
    });
    return out.finish(value.meta);
  },
};

/**
 * A copy for schema validation in which every sample reads as 0: the schema checks the shape, and the collector
 * then checks the original samples and reports bad ones (NaN, null, negative times) by benchmark name.
 */
function withFiniteSamples(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.benchmarks)) return raw;
  const benchmarks = (raw.benchmarks as unknown[]).map((b): unknown =>
    isRecord(b) && Array.isArray(b.samples) ? { ...b, samples: (b.samples as unknown[]).map(() => 0) } : b,
  );
  return { ...raw, benchmarks };
}

function samplesOf(raw: unknown, index: number): unknown[] {
  const b = isRecord(raw) && Array.isArray(raw.benchmarks) ? (raw.benchmarks[index] as unknown) : undefined;
  return isRecord(b) && Array.isArray(b.samples) ? b.samples : [];
}
