import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { errorMessage } from '../../../core/errors.js';
import type { CheckSpec, CheckStatus, Evidence, Probe, ProbeContext } from '../types.js';
import { approvalProbe } from './approval.js';
import { closestName, commandProbe, oneLine, type ProbeResult, raceDeadline, specError, timedOutAfter, type Where } from './command.js';
import { fileProbe } from './file.js';
import { gateProbe } from './gate.js';
import { httpProbe } from './http.js';
import { manualProbe } from './manual.js';
import { postgresProbe } from './postgres.js';
import { prometheusProbe } from './prometheus.js';
import { redisProbe } from './redis.js';
import { serviceProbe } from './service.js';
import { tcpProbe } from './tcp.js';

export type { Where } from './command.js';

const ALL: readonly Probe[] = [commandProbe, tcpProbe, httpProbe, fileProbe, redisProbe, postgresProbe, prometheusProbe, gateProbe, approvalProbe, manualProbe, serviceProbe];

export const PROBES: ReadonlyMap<string, Probe> = new Map(ALL.map((p) => [p.type, p]));
export const PROBE_TYPES: readonly string[] = ALL.map((p) => p.type);

export const DEFAULT_TIMEOUT_S = 10;
export const DEFAULT_RETRY_DELAY_S = 1;
/**
 * How long past its timeout a probe may take to report the timeout itself (with its own evidence, e.g. a command's
 * output) before runCheck stops waiting for it.
 */
const OVERRUN_GRACE_MS = 1000;
/** Longest wait a Node timer takes (about 23 days), less the grace. */
const MAX_WAIT_MS = 2 ** 31 - 1 - OVERRUN_GRACE_MS;
const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'inconclusive'];

/**
 * Checks a check's common fields (`type`, `name`, `timeout`, `retries`, `retry_delay`) and then the probe's own;
 * throws a ConfigurationError naming `where.file:where.line` and the field.
 */
export function validateCheck(spec: CheckSpec, where: Where): void {
  const type: unknown = spec.type;
  if (type === undefined) throw specError(where, undefined, `a check needs \`type\` (one of: ${PROBE_TYPES.join(', ')})`, 'Add `type`.');
  if (typeof type !== 'string' || !PROBES.has(type)) {
    const suggestion = typeof type === 'string' ? closestName(type, PROBE_TYPES) : undefined;
    throw specError(
      where,
      'type',
      `unknown check type ${JSON.stringify(type)} (known: ${PROBE_TYPES.join(', ')})`,
      suggestion === undefined ? 'Use one of the known types.' : `Did you mean \`${suggestion}\`?`,
    );
  }
  if (spec.name !== undefined && (typeof spec.name !== 'string' || spec.name.trim() === '')) throw specError(where, 'name', 'must be a non-empty string', 'Write a name or remove the field.');
  const number = (key: 'timeout' | 'retries' | 'retry_delay', ok: (n: number) => boolean, rule: string): void => {
    const v = spec[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || !ok(v))) throw specError(where, key, `must be ${rule} (got ${JSON.stringify(v)})`, 'Change the value.');
  };
  // The same rules as schemas/readiness.schema.json's `check`.
  number('timeout', (n) => n > 0, 'a number of seconds above 0');
  number('retries', (n) => Number.isInteger(n) && n >= 0, 'a whole number, 0 or more');
  number('retry_delay', (n) => n >= 0, 'a number of seconds, 0 or more');
  (PROBES.get(type) as Probe).validate(spec, where);
}

function numberOr(v: unknown, fallback: number, ok: (n: number) => boolean): number {
  return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : fallback;
}

function labelOf(spec: CheckSpec): string {
  return oneLine(typeof spec.name === 'string' && spec.name.trim() !== '' ? spec.name : String(spec.type), 80);
}

/** A probe's result made safe to report: a known status, a one-line summary. */
function sanitize(r: unknown, label: string): ProbeResult {
  const result = r as Partial<ProbeResult> | null;
  if (result === null || typeof result !== 'object' || !STATUSES.includes(result.status as CheckStatus) || typeof result.summary !== 'string') {
    return { status: 'inconclusive', summary: `${label}: the probe returned no usable result` };
  }
  return { ...result, status: result.status as CheckStatus, summary: oneLine(result.summary, 500) };
}

async function attempt(probe: Probe, spec: CheckSpec, ctx: ProbeContext, timeoutMs: number, label: string): Promise<ProbeResult> {
  if (ctx.signal.aborted) return { status: 'inconclusive', summary: `${label}: cancelled` };
  const controller = new AbortController();
  const signal = AbortSignal.any([ctx.signal, controller.signal]);
  try {
    const running = Promise.resolve().then(() => probe.run(spec, { ...ctx, signal }, timeoutMs));
    const outcome = await raceDeadline(running, timeoutMs + OVERRUN_GRACE_MS, ctx.signal, () => controller.abort());
    if (outcome.ok) return sanitize(outcome.value, label);
    return { status: 'inconclusive', summary: `${label}: ${outcome.why === 'timeout' ? timedOutAfter(timeoutMs) : 'cancelled'}` };
  } catch (e) {
    return { status: 'inconclusive', summary: oneLine(`${label}: ${errorMessage(e)}`, 500) };
  } finally {
    controller.abort();
  }
}

/**
 * Runs one check: its probe, bounded by `timeout` (seconds, default 10), repeated up to `retries` times (default 0)
 * `retry_delay` seconds apart (default 1) while the result is not a pass. Never throws and never hangs: a probe that
 * overruns its timeout is `inconclusive` ("timed out after N s"), an exception is `inconclusive` with its message,
 * and `ctx.signal` cancels it.
 */
export async function runCheck(spec: CheckSpec, ctx: ProbeContext): Promise<Evidence> {
  const started = performance.now();
  const label = labelOf(spec);
  const done = (r: ProbeResult, attempts: number): Evidence => ({ ...r, attempts, durationMs: Math.round(performance.now() - started) });
  const probe = typeof spec.type === 'string' ? PROBES.get(spec.type) : undefined;
  if (probe === undefined) return done({ status: 'inconclusive', summary: `unknown check type ${JSON.stringify(spec.type)}` }, 0);
  try {
    validateCheck(spec, { file: '', line: 0, field: '' });
  } catch (e) {
    return done({ status: 'inconclusive', summary: oneLine(`${label}: invalid check: ${errorMessage(e)}`, 500) }, 0);
  }
  const timeoutMs = Math.min(numberOr(spec.timeout, DEFAULT_TIMEOUT_S, (n) => n > 0) * 1000, MAX_WAIT_MS);
  const retries = numberOr(spec.retries, 0, (n) => Number.isInteger(n) && n >= 0);
  const retryDelayMs = Math.min(numberOr(spec.retry_delay, DEFAULT_RETRY_DELAY_S, (n) => n >= 0) * 1000, MAX_WAIT_MS);

  let attempts = 0;
  for (;;) {
    attempts += 1;
    const result = await attempt(probe, spec, ctx, timeoutMs, label);
    if (result.status === 'pass' || attempts > retries || ctx.signal.aborted) return done(result, attempts);
    try {
      await delay(retryDelayMs, undefined, { signal: ctx.signal });
    } catch {
      return done(result, attempts);
    }
  }
}
