export type FormatName =
  | 'shipgate'
  | 'googlebenchmark'
  | 'pytest-benchmark'
  | 'hyperfine'
  | 'criterion'
  | 'k6'
  | 'bmf'
  | 'benchmark-action'
  | 'latency-log';

/** Which way is better. */
export type Direction = 'lower' | 'higher';

export interface Measurement {
  benchmark: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** One value per iteration, run or repetition. */
  samples: number[];
  /**
   * Confidence interval of a value that is itself an estimate from many raw samples of one run (a latency
   * percentile); lets two single runs be compared. Only for measurements with one sample.
   */
  interval?: { lower: number; upper: number; level: number };
}

export interface ParsedFile {
  file: string;
  format: FormatName;
  measurements: Measurement[];
  warnings: string[];
  meta?: Record<string, unknown>;
}

export interface ParseOptions {
  /** Benchmark name for formats whose file does not carry one (criterion outside `target/criterion/`). */
  name?: string;
}

export interface Parser {
  format: FormatName;
  /** Cheap check whether `text` is this format; `file` is the path as the user names it. */
  detect(file: string, text: string): boolean;
  /** Throws a ConfigurationError naming the file (and the benchmarks) on bad input. */
  parse(file: string, text: string, opts?: ParseOptions): ParsedFile;
}
