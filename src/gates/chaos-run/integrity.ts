/**
 * Jepsen-style integrity checks over an operation history (pure logic, no I/O).
 *
 * A history is JSONL, one operation per line, as Jepsen records them:
 * `{"type": "invoke"|"ok"|"fail"|"info", "f": "add", "value": …, "process": 3, "time": 1234}`.
 * `ok` = acknowledged, `fail` = definitely did not happen, `info` = indeterminate; an `invoke` pairs with the next
 * completion of the same process. An invoke with no completion by the end of the history is indeterminate too.
 * Every order ("before", "last") is history order (line order), not the `time` field, which is only used for
 * latencies.
 */
import { ConfigurationError } from '../../core/errors.js';
import { quantile } from '../../core/stats/descriptive.js';

export type OpType = 'invoke' | 'ok' | 'fail' | 'info';
export type ProcessId = string | number;

export interface Op {
  type: OpType;
  f: string;
  value: unknown;
  process: ProcessId;
  /** ms or ns (see `faultWindowLatencies`' `timeUnit`). */
  time: number;
  /** 1-based line in the history file, when parsed from one. */
  line?: number;
}

const OP_TYPES: readonly OpType[] = ['invoke', 'ok', 'fail', 'info'];

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function processKey(p: ProcessId): string {
  return `${typeof p}:${p}`;
}

interface Pairing {
  /** Index of the completion paired with each invoke (−1: none); for completions, −1. */
  completionOf: Int32Array;
  /** Index of the invoke paired with each completion (−1: none); for invokes, −1. */
  invokeOf: Int32Array;
}

function pairOps(ops: readonly Op[], warn?: (op: Op, index: number, message: string) => void): Pairing {
  const completionOf = new Int32Array(ops.length).fill(-1);
  const invokeOf = new Int32Array(ops.length).fill(-1);
  const pending = new Map<string, number>();
  ops.forEach((op, i) => {
    const key = processKey(op.process);
    const open = pending.get(key);
    if (op.type === 'invoke') {
      if (open !== undefined) {
        const prev = ops[open] as Op;
        warn?.(op, i, `process ${describe(op.process)} invoked "${op.f}" while its "${prev.f}" invoked at ${prev.line === undefined ? `op ${open}` : `line ${prev.line}`} had no completion; that one stays indeterminate`);
      }
      pending.set(key, i);
      return;
    }
    if (open === undefined) {
      warn?.(op, i, `"${op.type}" for process ${describe(op.process)} without a preceding "invoke" of that process; it is used unpaired`);
      return;
    }
    pending.delete(key);
    completionOf[open] = i;
    invokeOf[i] = open;
    const inv = ops[open] as Op;
    if (inv.f !== op.f) warn?.(op, i, `"${op.type}" has f "${op.f}" but its invoke has f "${inv.f}"; the invoke's f is used`);
  });
  return { completionOf, invokeOf };
}

/** One logical operation: an invoke with its completion (if any), or an unpaired completion. */
interface Logical {
  f: string;
  outcome: 'ok' | 'fail' | 'info' | 'pending';
  /** History positions; invokeAt is −1 for an unpaired completion, completeAt −1 when pending. */
  invokeAt: number;
  completeAt: number;
  invoke: Op | undefined;
  completion: Op | undefined;
}

function logicalOps(ops: readonly Op[]): Logical[] {
  const { completionOf, invokeOf } = pairOps(ops);
  const out: Logical[] = [];
  ops.forEach((op, i) => {
    if (op.type === 'invoke') {
      const c = completionOf[i] as number;
      const completion = c >= 0 ? (ops[c] as Op) : undefined;
      out.push({ f: op.f, outcome: completion === undefined ? 'pending' : (completion.type as Logical['outcome']), invokeAt: i, completeAt: c, invoke: op, completion });
    } else if ((invokeOf[i] as number) < 0) {
      out.push({ f: op.f, outcome: op.type, invokeAt: -1, completeAt: i, invoke: undefined, completion: op });
    }
  });
  return out;
}

/** The value an operation wrote: the invoke's, else the completion's. */
function writtenValue(l: Logical): unknown {
  const v = l.invoke?.value;
  return v === undefined || v === null ? l.completion?.value : v;
}

function where(op: Op | undefined): string {
  return op?.line === undefined ? 'history' : `history line ${op.line}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/**
 * Parses a JSONL history. Blank lines are skipped. A malformed line throws a ConfigurationError naming
 * `file:line`; pairing problems (a completion without an invoke, an invoke while one is pending) are warnings.
 */
export function parseHistory(text: string, file: string): { ops: Op[]; warnings: string[] } {
  const ops: Op[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const fail = (what: string, field?: string): never => {
      throw new ConfigurationError(`${file}:${line}: ${what}`, { location: { file, line }, ...(field === undefined ? {} : { field }) });
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      fail(`invalid JSON (${e instanceof Error ? e.message : String(e)}); each line must be one JSON object`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      fail(`expected a JSON object with type, f, value, process and time; got ${describe(parsed)}`);
    }
    const o = parsed as Record<string, unknown>;
    if (o.type === undefined) fail(`missing "type"; expected one of ${OP_TYPES.join(', ')}`, 'type');
    if (typeof o.type !== 'string' || !OP_TYPES.includes(o.type as OpType)) {
      fail(`unknown type ${describe(o.type)}; expected one of ${OP_TYPES.join(', ')}`, 'type');
    }
    if (o.f === undefined || o.f === null || o.f === '') fail('missing "f" (the operation name, e.g. "add" or "read")', 'f');
    if (typeof o.f !== 'string') fail(`"f" must be a string; got ${describe(o.f)}`, 'f');
    if (typeof o.process !== 'string' && typeof o.process !== 'number') {
      fail(`"process" must be a number or a string; got ${describe(o.process)}`, 'process');
    }
    if (typeof o.time !== 'number' || !Number.isFinite(o.time)) {
      fail(`"time" must be a number (ms or ns); got ${describe(o.time)}`, 'time');
    }
    ops.push({ type: o.type as OpType, f: o.f as string, value: o.value ?? null, process: o.process as ProcessId, time: o.time as number, line });
  });
  const warnings: string[] = [];
  pairOps(ops, (op, _i, message) => warnings.push(`${file}:${op.line}: ${message}`));
  return { ops, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Element identity

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** Equal elements get equal keys; 1 and "1" differ. */
function elementKey(v: unknown): string {
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  return `j${stable(v)}`;
}

/** Ordered, de-duplicated collection of elements keyed by elementKey. */
class ElementSet {
  readonly map = new Map<string, unknown>();
  add(v: unknown): void {
    const k = elementKey(v);
    if (!this.map.has(k)) this.map.set(k, v);
  }
  has(v: unknown): boolean {
    return this.map.has(elementKey(v));
  }
  get size(): number {
    return this.map.size;
  }
}

function firstN<T>(values: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const v of values) {
    out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Set

export interface SetResult {
  /** Distinct elements any add tried to add. */
  attempted: number;
  /** Distinct elements an add acknowledged (ok). */
  acknowledged: number;
  /** Acknowledged elements missing from the final read. */
  lost: number;
  lostIds: unknown[];
  /** Elements in the final read that no add ever tried to add. */
  unexpected: number;
  unexpectedIds: unknown[];
  /** Elements added only with info/fail/no completion, yet present in the final read. */
  recovered: number;
  recoveredIds: unknown[];
  /** Successful (ok) reads in the history. */
  readCount: number;
  /** False when no read succeeded: the final state is unknown, and lost/unexpected/recovered are 0. */
  hasFinalRead: boolean;
}

/**
 * Set check: the LAST successful read (history order) is the final state; its value is an array of elements.
 * lost = acknowledged adds missing from it; unexpected = elements in it never attempted; recovered = elements
 * whose adds were all indeterminate or failed but that are present. Id lists hold the first `maxListed`.
 */
export function checkSet(ops: readonly Op[], opts: { addF?: string; readF?: string; maxListed?: number } = {}): SetResult {
  const addF = opts.addF ?? 'add';
  const readF = opts.readF ?? 'read';
  const maxListed = opts.maxListed ?? 20;
  const attempted = new ElementSet();
  const acknowledged = new ElementSet();
  let finalRead: Logical | undefined;
  let readCount = 0;
  for (const l of logicalOps(ops)) {
    if (l.f === addF) {
      const v = writtenValue(l);
      attempted.add(v);
      if (l.outcome === 'ok') acknowledged.add(v);
    } else if (l.f === readF && l.outcome === 'ok') {
      readCount++;
      if (finalRead === undefined || l.completeAt > finalRead.completeAt) finalRead = l;
    }
  }
  const base = { attempted: attempted.size, acknowledged: acknowledged.size, readCount };
  if (finalRead === undefined) {
    return { ...base, lost: 0, lostIds: [], unexpected: 0, unexpectedIds: [], recovered: 0, recoveredIds: [], hasFinalRead: false };
  }
  const readValue = finalRead.completion?.value;
  if (!Array.isArray(readValue)) {
    throw new ConfigurationError(`${where(finalRead.completion)}: the final "${readF}" returned ${describe(readValue)}; a set read must return an array of elements`);
  }
  const present = new ElementSet();
  for (const v of readValue) present.add(v);
  const lost = [...acknowledged.map.entries()].filter(([k]) => !present.map.has(k)).map(([, v]) => v);
  const unexpected = [...present.map.entries()].filter(([k]) => !attempted.map.has(k)).map(([, v]) => v);
  const recovered = [...present.map.entries()].filter(([k]) => attempted.map.has(k) && !acknowledged.map.has(k)).map(([, v]) => v);
  return {
    ...base,
    lost: lost.length,
    lostIds: firstN(lost, maxListed),
    unexpected: unexpected.length,
    unexpectedIds: firstN(unexpected, maxListed),
    recovered: recovered.length,
    recoveredIds: firstN(recovered, maxListed),
    hasFinalRead: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Queue

export interface QueueResult {
  /** Distinct elements acknowledged as enqueued more often than they were dequeued (never, for unique elements). */
  lost: number;
  /** Distinct elements dequeued more often than they were enqueued (non-failed enqueues), i.e. more than once. */
  duplicated: number;
  /** Distinct dequeued elements that no enqueue ever tried to add. */
  unexpected: number;
  lostIds: unknown[];
  duplicatedIds: unknown[];
  unexpectedIds: unknown[];
}

/**
 * Queue check. A successful dequeue returns one element (null/absent value: the queue was empty); a successful
 * drain returns an array of elements. Elements are counted as a multiset, so an element enqueued twice may be
 * dequeued twice.
 */
export function checkQueue(ops: readonly Op[], opts: { enqueueF?: string; dequeueF?: string; drainF?: string; maxListed?: number } = {}): QueueResult {
  const enqueueF = opts.enqueueF ?? 'enqueue';
  const dequeueF = opts.dequeueF ?? 'dequeue';
  const drainF = opts.drainF ?? 'drain';
  const maxListed = opts.maxListed ?? 20;
  interface Tally {
    value: unknown;
    acked: number;
    possible: number;
    dequeued: number;
    attempted: boolean;
  }
  const tallies = new Map<string, Tally>();
  const tally = (v: unknown): Tally => {
    const k = elementKey(v);
    let t = tallies.get(k);
    if (t === undefined) {
      t = { value: v, acked: 0, possible: 0, dequeued: 0, attempted: false };
      tallies.set(k, t);
    }
    return t;
  };
  for (const l of logicalOps(ops)) {
    if (l.f === enqueueF) {
      const t = tally(writtenValue(l));
      if (l.outcome === 'ok') t.acked++;
      t.attempted = true;
      if (l.outcome !== 'fail') t.possible++;
    } else if (l.f === dequeueF && l.outcome === 'ok') {
      const v = l.completion?.value;
      if (v !== null && v !== undefined) tally(v).dequeued++;
    } else if (l.f === drainF && l.outcome === 'ok') {
      const v = l.completion?.value;
      if (!Array.isArray(v)) {
        throw new ConfigurationError(`${where(l.completion)}: "${drainF}" returned ${describe(v)}; a drain must return an array of elements`);
      }
      for (const e of v) tally(e).dequeued++;
    }
  }
  const lost: unknown[] = [];
  const duplicated: unknown[] = [];
  const unexpected: unknown[] = [];
  for (const t of tallies.values()) {
    if (t.dequeued < t.acked) lost.push(t.value);
    if (!t.attempted) unexpected.push(t.value);
    else if (t.dequeued > Math.max(1, t.possible)) duplicated.push(t.value);
  }
  return {
    lost: lost.length,
    duplicated: duplicated.length,
    unexpected: unexpected.length,
    lostIds: firstN(lost, maxListed),
    duplicatedIds: firstN(duplicated, maxListed),
    unexpectedIds: firstN(unexpected, maxListed),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Counter

export interface CounterViolation {
  /** Time of the read's completion. */
  time: number;
  value: number;
  lower: number;
  upper: number;
}

/**
 * Counter check (Jepsen's counter bounds): every ok read must lie within [sum of acknowledged increments completed
 * before the read was invoked, sum of all increments invoked before the read completed]. Failed increments never
 * happened and count in neither bound; a negative increment that is not yet certain widens the lower bound instead.
 * An unpaired completion is treated as invoked at the start of the history (the conservative choice).
 */
export function checkCounter(ops: readonly Op[], opts: { incrF?: string; readF?: string } = {}): { reads: number; violations: CounterViolation[] } {
  const incrF = opts.incrF ?? 'incr';
  const readF = opts.readF ?? 'read';
  const n = ops.length;
  // Deltas indexed by position + 1 (position −1 = before the history); prefix(p) sums positions < p.
  const defPos = new Float64Array(n + 2);
  const defNeg = new Float64Array(n + 2);
  const allPos = new Float64Array(n + 2);
  const allNeg = new Float64Array(n + 2);
  const reads: { invokeAt: number; completeAt: number; op: Op; value: number }[] = [];
  for (const l of logicalOps(ops)) {
    if (l.f === incrF) {
      if (l.outcome === 'fail') continue;
      const v = writtenValue(l);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ConfigurationError(`${where(l.invoke ?? l.completion)}: "${incrF}" has value ${describe(v)}; an increment must be a number`);
      }
      const all = v >= 0 ? allPos : allNeg;
      all[l.invokeAt + 1] = (all[l.invokeAt + 1] as number) + v;
      if (l.outcome === 'ok') {
        const def = v >= 0 ? defPos : defNeg;
        def[l.completeAt + 1] = (def[l.completeAt + 1] as number) + v;
      }
    } else if (l.f === readF && l.outcome === 'ok') {
      const c = l.completion as Op;
      if (typeof c.value !== 'number' || !Number.isFinite(c.value)) {
        throw new ConfigurationError(`${where(c)}: "${readF}" returned ${describe(c.value)}; a counter read must return a number`);
      }
      reads.push({ invokeAt: l.invokeAt, completeAt: l.completeAt, op: c, value: c.value });
    }
  }
  const prefix = (a: Float64Array): Float64Array => {
    const out = new Float64Array(a.length + 1);
    for (let i = 0; i < a.length; i++) out[i + 1] = (out[i] as number) + (a[i] as number);
    return out;
  };
  const [dP, dN, aP, aN] = [prefix(defPos), prefix(defNeg), prefix(allPos), prefix(allNeg)];
  // Sum over positions < p: indices 0..p (index = position + 1), i.e. prefix entry p + 1.
  const before = (s: Float64Array, p: number): number => s[p + 1] as number;
  const violations: CounterViolation[] = [];
  for (const r of reads) {
    const definite = before(dP, r.invokeAt) + before(dN, r.invokeAt);
    const lower = definite + before(aN, r.completeAt) - before(dN, r.invokeAt);
    const upper = definite + before(aP, r.completeAt) - before(dP, r.invokeAt);
    if (r.value < lower || r.value > upper) violations.push({ time: r.op.time, value: r.value, lower, upper });
  }
  return { reads: reads.length, violations };
}

// ---------------------------------------------------------------------------------------------------------------
// Unique ids, sequences, checksums

/** Unique-id check: the values of ok `generate` ops must all differ. duplicates = distinct ids seen more than once. */
export function checkUniqueIds(ops: readonly Op[], opts: { f?: string; maxListed?: number } = {}): { generated: number; duplicates: number; duplicateIds: unknown[] } {
  const f = opts.f ?? 'generate';
  const maxListed = opts.maxListed ?? 20;
  const counts = new Map<string, { value: unknown; n: number }>();
  let generated = 0;
  for (const l of logicalOps(ops)) {
    if (l.f !== f || l.outcome !== 'ok') continue;
    generated++;
    const v = l.completion?.value;
    const k = elementKey(v);
    const c = counts.get(k);
    if (c === undefined) counts.set(k, { value: v, n: 1 });
    else c.n++;
  }
  const dups = [...counts.values()].filter((c) => c.n > 1).map((c) => c.value);
  return { generated, duplicates: dups.length, duplicateIds: firstN(dups, maxListed) };
}

/**
 * Gaps and duplicates in a sequence of integers read back (e.g. an auto-increment column), in any order.
 * gaps are inclusive ranges of missing values between the smallest and the largest; duplicates are sorted.
 */
export function checkSequence(values: readonly number[]): { gaps: [number, number][]; duplicates: number[] } {
  values.forEach((v, i) => {
    if (!Number.isSafeInteger(v)) throw new RangeError(`sequence value ${i} is ${v}; expected an integer`);
  });
  const sorted = [...values].sort((a, b) => a - b);
  const gaps: [number, number][] = [];
  const duplicates: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as number;
    const cur = sorted[i] as number;
    if (cur === prev) {
      if (duplicates[duplicates.length - 1] !== cur) duplicates.push(cur);
    } else if (cur > prev + 1) {
      gaps.push([prev + 1, cur - 1]);
    }
  }
  return { gaps, duplicates };
}

/** Compares two name → checksum maps. Each list is sorted. */
export function checkChecksums(before: Record<string, string>, after: Record<string, string>): { changed: string[]; missing: string[]; added: string[] } {
  const has = (o: Record<string, string>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const changed = Object.keys(before).filter((k) => has(after, k) && after[k] !== before[k]);
  const missing = Object.keys(before).filter((k) => !has(after, k));
  const added = Object.keys(after).filter((k) => !has(before, k));
  return { changed: changed.sort(), missing: missing.sort(), added: added.sort() };
}

// ---------------------------------------------------------------------------------------------------------------
// Latency per fault window

export interface LatencyStats {
  /** Operations invoked in the group. */
  ops: number;
  ok: number;
  fail: number;
  /** info completions plus invokes never completed. */
  info: number;
  /** Over every completed operation (ok, fail and info): what clients saw. null when none completed. */
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export interface FaultWindow {
  id: string;
  /** Same unit as the ops' time; an op belongs to the window when start ≤ invoke time < end. */
  start: number;
  end: number;
}

/**
 * Latency (ms) and outcome counts of the operations invoked inside each fault window, and of those invoked outside
 * every window (`baseline`). Windows may overlap; an op counts in each window that holds its invoke. Ops of the
 * `nemesis` process (fault injection itself) and unpaired completions are left out. `timeUnit` is the unit of the
 * history's `time` (Jepsen writes ns); latencies are always reported in ms. Quantiles are type 7 (numpy default).
 */
export function faultWindowLatencies(
  ops: readonly Op[],
  windows: readonly FaultWindow[],
  opts: { timeUnit?: 'ms' | 'ns'; excludeProcesses?: readonly ProcessId[] } = {},
): { windows: (FaultWindow & LatencyStats)[]; baseline: LatencyStats } {
  const toMs = (opts.timeUnit ?? 'ms') === 'ns' ? 1e-6 : 1;
  const excluded = new Set((opts.excludeProcesses ?? ['nemesis']).map(processKey));
  for (const w of windows) {
    if (!(Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start)) {
      throw new RangeError(`fault window "${w.id}": start ${w.start} and end ${w.end} must be numbers with start ≤ end`);
    }
  }
  interface Acc {
    ops: number;
    ok: number;
    fail: number;
    info: number;
    lat: number[];
  }
  const fresh = (): Acc => ({ ops: 0, ok: 0, fail: 0, info: 0, lat: [] });
  const accs = windows.map(fresh);
  const base = fresh();
  const record = (a: Acc, l: Logical, latency: number | undefined) => {
    a.ops++;
    if (l.outcome === 'ok') a.ok++;
    else if (l.outcome === 'fail') a.fail++;
    else a.info++;
    if (latency !== undefined) a.lat.push(latency);
  };
  for (const l of logicalOps(ops)) {
    const inv = l.invoke;
    if (inv === undefined || excluded.has(processKey(inv.process))) continue;
    const latency = l.completion === undefined ? undefined : (l.completion.time - inv.time) * toMs;
    let inside = false;
    windows.forEach((w, i) => {
      if (inv.time >= w.start && inv.time < w.end) {
        inside = true;
        record(accs[i] as Acc, l, latency);
      }
    });
    if (!inside) record(base, l, latency);
  }
  const stats = (a: Acc): LatencyStats => {
    const { lat, ...counts } = a;
    if (lat.length === 0) return { ...counts, p50: null, p99: null, max: null };
    return { ...counts, p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), max: lat.reduce((m, x) => (x > m ? x : m), -Infinity) };
  };
  return { windows: windows.map((w, i) => ({ ...w, ...stats(accs[i] as Acc) })), baseline: stats(base) };
}
