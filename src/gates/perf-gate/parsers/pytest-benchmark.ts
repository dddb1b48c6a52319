import { Collector, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Parser } from './types.js';

/** `pytest --benchmark-json=FILE` output, or a file saved with `--benchmark-save` / `--benchmark-autosave`. */
export const pytestBenchmarkParser: Parser = {
  format: 'pytest-benchmark',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v) || !Array.isArray(v.benchmarks)) return false;
    const first: unknown = v.benchmarks[0];
    return 'machine_info' in v || (isRecord(first) && 'fullname' in first && 'stats' in first);
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!isRecord(doc) || !Array.isArray(doc.benchmarks)) throw shapeError(file, 'pytest-benchmark', 'expected an object with a `benchmarks` list');
    const out = new Collector(file, 'pytest-benchmark');
    const withoutData: string[] = [];
    doc.benchmarks.forEach((b: unknown, index) => {
      const id = isRecord(b) ? (str(b.fullname) ?? str(b.name)) : undefined;
      if (!isRecord(b) || id === undefined) {
        out.problem(undefined, `benchmarks[${index}] has no \`fullname\`. Produce the file again with --benchmark-json`);
        return;
      }
      const stats = b.stats;
      if (!isRecord(stats)) {
        out.problem(id, 'has no `stats`; the benchmark did not complete. Fix the test and run it again');
        return;
      }
      let samples: unknown[];
      if (Array.isArray(stats.data)) {
        samples = stats.data;
      } else {
        withoutData.push(id);
        samples = [stats.mean];
      }
      out.add({ benchmark: id, metric: 'time', unit: 's', direction: 'lower', samples });
    });
    if (withoutData.length > 0) {
      out.warn(
        `no raw timings (stats.data) for ${withoutData.length} benchmark${withoutData.length === 1 ? '' : 's'}: the mean is used as one sample. Write the file with --benchmark-json, or add --benchmark-save-data to --benchmark-save`,
      );
    }
    const meta: Record<string, unknown> = {};
    for (const key of ['machine_info', 'commit_info', 'datetime', 'version']) if (doc[key] !== undefined) meta[key] = doc[key];
    return out.finish(meta);
  },
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
