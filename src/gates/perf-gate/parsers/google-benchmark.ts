import { Collector, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Direction, Parser } from './types.js';

/** Fields of a Google Benchmark entry that are not measurements; any other number is a user counter. */
const NOT_COUNTERS = new Set([
  'name',
  'family_index',
  'per_family_instance_index',
  'run_name',
  'run_type',
  'repetitions',
  'repetition_index',
  'threads',
  'iterations',
  'real_time',
  'cpu_time',
  'time_unit',
  'aggregate_name',
  'aggregate_unit',
  'error_occurred',
  'error_message',
  'skipped',
  'skip_message',
  'label',
  'big_o',
  'rms',
  'cpu_coefficient',
  'real_coefficient',
]);

/** Memory-manager fields: measurements, but better lower. */
const MEMORY: Record<string, string> = {
  allocs_per_iter: 'allocs',
  max_bytes_used: 'bytes',
  total_allocated_bytes: 'bytes',
  net_heap_growth: 'bytes',
};

type Entry = Record<string, unknown>;

/** `--benchmark_format=json` / `--benchmark_out_format=json` output of Google Benchmark. */
export const googleBenchmarkParser: Parser = {
  format: 'googlebenchmark',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v) || !Array.isArray(v.benchmarks)) return false;
    if (isRecord(v.context) && ('library_build_type' in v.context || 'num_cpus' in v.context)) return true;
    const first: unknown = v.benchmarks[0];
    return isRecord(first) && 'time_unit' in first && 'real_time' in first;
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!isRecord(doc) || !Array.isArray(doc.benchmarks)) throw shapeError(file, 'googlebenchmark', 'expected an object with a `benchmarks` list');
    const out = new Collector(file, 'googlebenchmark');
    const context = isRecord(doc.context) ? doc.context : {};
    if (context.library_build_type === 'debug') {
      out.warn('the Google Benchmark library is a debug build; timings may be slower and noisier than a release build of it');
    }
    if (context.cpu_scaling_enabled === true) {
      out.warn('CPU frequency scaling was enabled while benchmarking; timings are noisier. Set the CPU governor to `performance` on the runner');
    }

    const byRun = new Map<string, { iterations: Entry[]; means: Entry[] }>();
    doc.benchmarks.forEach((e: unknown, index) => {
      if (!isRecord(e)) {
        out.problem(undefined, `benchmarks[${index}] is not an object. Produce the file again with --benchmark_out_format=json`);
        return;
      }
      const id = runName(e);
      if (id === undefined) {
        out.problem(undefined, `benchmarks[${index}] has no \`run_name\` or \`name\`. Produce the file again with --benchmark_out_format=json`);
        return;
      }
      if (e.error_occurred === true || (e.skipped !== undefined && e.skipped !== false && e.skipped !== 0)) {
        const why = typeof e.error_message === 'string' ? e.error_message : typeof e.skip_message === 'string' ? e.skip_message : 'no reason given';
        out.warn(`benchmark ${JSON.stringify(id)} was skipped with an error (${why}); it has no results`);
        return;
      }
      const group = byRun.get(id) ?? { iterations: [], means: [] };
      byRun.set(id, group);
      // Entries of versions before run_type existed are iterations.
      if (e.run_type === undefined || e.run_type === 'iteration') group.iterations.push(e);
      else if (e.run_type === 'aggregate' && e.aggregate_name === 'mean') group.means.push(e);
    });

    const onlyAggregates: string[] = [];
    for (const [id, group] of byRun) {
      let used = group.iterations;
      if (used.length === 0) {
        if (group.means.length === 0) continue;
        onlyAggregates.push(id);
        used = group.means;
      } else {
        checkRepetitions(out, id, used);
      }
      for (const e of used) addEntry(out, id, e);
    }
    if (onlyAggregates.length > 0) {
      out.warn(
        `only aggregates for ${onlyAggregates.length} benchmark${onlyAggregates.length === 1 ? '' : 's'} (${preview(onlyAggregates)}): the mean of the repetitions is used as one sample. Drop --benchmark_report_aggregates_only to compare every repetition`,
      );
    }
    return out.finish({ context });
  },
};

function runName(e: Entry): string | undefined {
  if (typeof e.run_name === 'string' && e.run_name !== '') return e.run_name;
  return typeof e.name === 'string' && e.name !== '' ? e.name : undefined;
}

/** Two iteration entries with the same repetition index: the same benchmark name was registered twice. */
function checkRepetitions(out: Collector, id: string, entries: Entry[]): void {
  const seen = new Set<unknown>();
  for (const e of entries) {
    const index = e.repetition_index ?? 0;
    if (seen.has(index)) {
      out.duplicate(id, 'is registered more than once (two runs with the same name and repetition)');
      return;
    }
    seen.add(index);
  }
}

function addEntry(out: Collector, id: string, e: Entry): void {
  const timeUnit = typeof e.time_unit === 'string' ? e.time_unit : 'ns';
  const add = (metric: string, unit: string, direction: Direction, value: unknown): void => {
    out.add({ benchmark: id, metric, unit, direction, samples: [value] }, { merge: true });
  };
  add('real_time', timeUnit, 'lower', e.real_time);
  add('cpu_time', timeUnit, 'lower', e.cpu_time);
  for (const [key, value] of Object.entries(e)) {
    if (NOT_COUNTERS.has(key) || typeof value !== 'number') continue;
    const memoryUnit = MEMORY[key];
    if (memoryUnit !== undefined) add(key, memoryUnit, 'lower', value);
    else add(key, counterUnit(key), 'higher', value);
  }
}

/** `items_per_second` → `items/s`; a plain counter has no unit. */
function counterUnit(key: string): string {
  const rate = /^(.+)_per_second$/.exec(key);
  return rate?.[1] === undefined ? '' : `${rate[1]}/s`;
}

function preview(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')}, …`;
}
