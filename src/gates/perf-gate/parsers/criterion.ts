import { Collector, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Parser } from './types.js';

/**
 * Criterion.rs files: `sample.json` (`{ iters, times }`, total nanoseconds per sample) gives one per-iteration
 * time per sample; `estimates.json` gives only the estimated mean. The benchmark id is the path between
 * `criterion/` and the baseline folder (`target/criterion/<group>/<id>/new/sample.json` → `<group>/<id>`), or
 * the name given.
 */
export const criterionParser: Parser = {
  format: 'criterion',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v)) return false;
    return (Array.isArray(v.iters) && Array.isArray(v.times)) || (isRecord(v.mean) && 'point_estimate' in v.mean);
  },
  parse(file, text, opts) {
    const doc = readJson(file, text);
    const id = opts?.name ?? idFromPath(file);
    if (id === undefined) {
      throw shapeError(
        file,
        'criterion',
        'cannot tell the benchmark id: read the file where criterion wrote it (target/criterion/<group>/<id>/new/sample.json) or give the benchmark a name',
      );
    }
    const out = new Collector(file, 'criterion');
    if (isRecord(doc) && Array.isArray(doc.iters) && Array.isArray(doc.times)) {
      const { iters, times } = doc;
      if (iters.length !== times.length) {
        out.problem(id, `\`iters\` has ${iters.length} entries but \`times\` has ${times.length}; the file is damaged. Run the benchmark again`);
        return out.finish();
      }
      const badIters = iters.flatMap((n: unknown, i) => (typeof n === 'number' && n > 0 ? [] : [`#${i + 1}`]));
      if (badIters.length > 0) {
        out.problem(id, `iteration counts must be positive numbers (sample ${badIters.slice(0, 3).join(', ')}); the file is damaged. Run the benchmark again`);
        return out.finish();
      }
      const samples = times.map((t: unknown, i) => (typeof t === 'number' ? t / (iters[i] as number) : t));
      out.add({ benchmark: id, metric: 'time', unit: 'ns', direction: 'lower', samples });
      return out.finish({ samplingMode: doc.sampling_mode });
    }
    if (isRecord(doc) && isRecord(doc.mean)) {
      out.warn(`${JSON.stringify(id)}: estimates.json holds only estimates; the mean is used as one sample. Read sample.json beside it to compare every sample`);
      out.add({ benchmark: id, metric: 'time', unit: 'ns', direction: 'lower', samples: [doc.mean.point_estimate] });
      return out.finish({ estimates: doc });
    }
    throw shapeError(file, 'criterion', 'expected sample.json (`iters` and `times`) or estimates.json (`mean.point_estimate`)');
  },
};

function idFromPath(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const root = parts.lastIndexOf('criterion');
  // criterion/<id…>/<baseline>/<file>
  if (root < 0 || parts.length - root < 4) return undefined;
  return parts.slice(root + 1, -2).join('/');
}
