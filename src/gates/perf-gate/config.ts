import { loadConfigFile } from '../../core/config.js';
import { loadSchema } from '../../core/schema-files.js';
import type { Direction } from './parsers/types.js';

export interface BenchmarkOverride {
  match: string;
  metric?: string;
  threshold?: number;
  direction?: Direction;
  ignore?: boolean;
}

export interface PerfConfig {
  threshold: number;
  alpha: number;
  minSamples: number;
  statistic: string;
  onRegression: 'fail' | 'warn';
  onInconclusive: 'pass' | 'warn' | 'inconclusive';
  metrics: string[];
  ignore: string[];
  benchmarks: BenchmarkOverride[];
}

export const DEFAULT_CONFIG: PerfConfig = {
  threshold: 0.05,
  alpha: 0.05,
  minSamples: 5,
  statistic: 'median',
  onRegression: 'fail',
  onInconclusive: 'warn',
  metrics: [],
  ignore: [],
  benchmarks: [],
};

/** The config file, validated against schemas/perf-gate.schema.json (defaults filled in); no file: the defaults. */
export async function loadPerfConfig(file: string | undefined, displayPath?: string): Promise<PerfConfig> {
  if (!file) return { ...DEFAULT_CONFIG };
  const loaded = await loadConfigFile<PerfConfig>(file, loadSchema('perf-gate.schema.json'), displayPath ? { displayPath } : {});
  return { ...DEFAULT_CONFIG, ...loaded.value };
}

/** `*` and `?` globs over benchmark names, anchored. */
export function globMatcher(pattern: string): (name: string) => boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (name) => re.test(name);
}

/** The statistic a config names: 'median' or a quantile like 'p99' (0.99). */
export function statisticOf(name: string): 'median' | { quantile: number } {
  if (name === 'median') return 'median';
  return { quantile: Number((Number(name.slice(1)) / 100).toPrecision(12)) };
}
