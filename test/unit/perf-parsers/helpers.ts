import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fixture under test/fixtures/perf: its repository-relative path (as a user would name it) and text. */
export function fixture(rel: string): { file: string; abs: string; text: string } {
  const file = path.posix.join('test/fixtures/perf', rel);
  const abs = path.join(ROOT, file);
  return { file, abs, text: readFileSync(abs, 'utf8') };
}

/** A fixture's JSON, to mutate; values set to NAN/POS_INF/NEG_INF come out as the bare tokens tools write. */
export function fixtureJson<T>(rel: string): T {
  return JSON.parse(fixture(rel).text) as T;
}

export const NAN = '__NaN__';
export const POS_INF = '__Infinity__';
export const NEG_INF = '__-Infinity__';

export function toText(doc: unknown): string {
  return JSON.stringify(doc, null, 2).replaceAll(`"${NAN}"`, 'NaN').replaceAll(`"${POS_INF}"`, 'Infinity').replaceAll(`"${NEG_INF}"`, '-Infinity');
}

/** The thrown error, asserting that something was thrown. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`threw a non-Error: ${String(e)}`);
  }
  throw new Error('expected an error, nothing was thrown');
}

// Shapes of the fixtures, as far as the tests read or change them; values are `unknown` where a test writes bad ones.

export interface GbEntry {
  run_name: string;
  run_type: string;
  aggregate_name?: string;
  repetition_index?: number;
  real_time: unknown;
  cpu_time: unknown;
  time_unit: string;
  items_per_second?: number;
  bytes?: number;
  [counter: string]: unknown;
}
export interface GbDoc {
  context: { library_build_type: string; cpu_scaling_enabled: boolean };
  benchmarks: GbEntry[];
}
export interface PytestDoc {
  benchmarks: { fullname: string; stats: { data?: unknown[]; mean: number; rounds: number } }[];
}
export interface HyperfineDoc {
  results: { command: string; times: unknown[]; exit_codes: number[] }[];
}
export interface ShipgateDoc {
  schemaVersion: number;
  benchmarks: { name: string; metric?: string; unit: string; direction?: string; samples: unknown[] }[];
}
export interface CriterionSample {
  iters: unknown[];
  times: unknown[];
}
export type K6Export = { metrics: Record<string, Record<string, unknown>> };
export type BmfDoc = Record<string, Record<string, { value: unknown; lower_value?: number; upper_value?: number }>>;
export type ActionDoc = { name: string; unit: string; value: unknown }[];
