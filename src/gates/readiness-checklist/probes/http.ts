import { request as httpRequestRaw, type IncomingMessage } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';
import { performance } from 'node:perf_hooks';
import { errorMessage } from '../../../core/errors.js';
import type { CheckSpec, Probe } from '../types.js';
import {
  errorCode,
  expectationOf,
  got,
  hasExpectation,
  lookupPath,
  oneLine,
  parsePath,
  type ProbeResult,
  showValue,
  SpecReader,
  tailText,
  timedOutAfter,
  unmet,
} from './command.js';

const MAX_BODY_BYTES = 1024 * 1024;
const METHOD = /^[A-Z]+$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Verify the server's TLS certificate (default true). */
  tlsVerify?: boolean;
  timeoutMs: number;
  signal: AbortSignal;
}

export type HttpOutcome =
  | { ok: true; statusCode: number; body: string; latencyMs: number }
  | { ok: false; error: string; timedOut: boolean; cancelled: boolean };

/** The URL as shown: without user name and password. */
export function displayUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function tlsError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = errorMessage(e);
  if (typeof code === 'string' && /CERT|SSL|TLS|SIGNATURE|ERR_TLS/.test(code)) return oneLine(`TLS: ${message} (${code})`);
  return errorCode(e);
}

/**
 * One request with node:http/https, no connection reuse; the body (first MiB) is read as UTF-8. Latency is the
 * time from sending the request to the end of the response. Never throws.
 */
export function httpRequest(url: URL, opts: HttpOptions): Promise<HttpOutcome> {
  if (opts.signal.aborted) return Promise.resolve({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
  return new Promise((resolve) => {
    let settled = false;
    const started = performance.now();
    const requestFn = url.protocol === 'https:' ? httpsRequestRaw : httpRequestRaw;
    const req = requestFn(url, {
      method: opts.method ?? 'GET',
      headers: { 'user-agent': 'shipgate-readiness', ...opts.headers },
      agent: false,
      ...(url.protocol === 'https:' ? { rejectUnauthorized: opts.tlsVerify ?? true } : {}),
    });
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
    const timer = setTimeout(() => finish({ ok: false, error: timedOutAfter(opts.timeoutMs), timedOut: true, cancelled: false }), opts.timeoutMs);
    opts.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e) => finish({ ok: false, error: tlsError(e), timedOut: false, cancelled: false }));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', (e) => finish({ ok: false, error: errorCode(e), timedOut: false, cancelled: false }));
      res.on('end', () => {
        const body = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
        finish({ ok: true, statusCode: res.statusCode ?? 0, body, latencyMs: Math.round(performance.now() - started) });
      });
    });
    req.end();
  });
}

function statusList(spec: CheckSpec): number[] | undefined {
  if (typeof spec.status === 'number') return [spec.status];
  if (Array.isArray(spec.status)) return spec.status as number[];
  return undefined;
}

export const httpProbe: Probe = {
  type: 'http',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['url', 'method', 'status', 'body_regex', 'json_path', 'equals', 'matches', 'max_latency_ms', 'tls_verify', 'headers']);
    const url = r.string('url', { required: 'the URL to request, e.g. http://127.0.0.1:8080/health' }) as string;
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw r.error('url', `must be an http:// or https:// URL${got(url)}`, 'Write the full URL, e.g. http://127.0.0.1:8080/health.');
    }
    const method = r.string('method');
    if (method !== undefined && !METHOD.test(method)) throw r.error('method', `must be an HTTP method in capitals, e.g. GET or HEAD (got ${JSON.stringify(method)})`);
    const status = spec.status;
    if (status !== undefined) {
      const list = Array.isArray(status) ? (status as unknown[]) : [status];
      if (list.length === 0) throw r.error('status', 'must not be an empty list', 'List the accepted status codes.');
      list.forEach((s, i) => {
        if (typeof s !== 'number' || !Number.isInteger(s) || s < 100 || s > 599) {
          throw r.error(Array.isArray(status) ? `status[${i}]` : 'status', `must be an HTTP status code from 100 to 599 (got ${showValue(s)})`);
        }
      });
    }
    r.regex('body_regex');
    const jsonPath = r.string('json_path');
    if (jsonPath !== undefined && parsePath(jsonPath) === undefined) {
      throw r.error('json_path', `is not a simple path (got ${JSON.stringify(jsonPath)})`, 'Write it like `$.status`, `checks[0].ok` or `$["a key"]`.');
    }
    r.expectation({ key: 'json_path', present: jsonPath !== undefined }, ['equals', 'matches']);
    r.number('max_latency_ms', { above: 0 });
    r.boolean('tls_verify');
    const headers = spec.headers;
    if (headers !== undefined) {
      if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) throw r.error('headers', 'must be a mapping of header names to values');
      for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
        if (!HEADER_NAME.test(name)) throw r.error(`headers.${name}`, 'is not a valid header name', 'Rename the header.');
        if (typeof value !== 'string' || /[\r\n]/.test(value)) throw r.error(`headers.${name}`, 'must be a one-line string', 'Put the value in quotes on one line.');
      }
    }
  },

  async run(spec, ctx, timeoutMs) {
    const url = new URL(spec.url as string);
    const method = typeof spec.method === 'string' ? spec.method : 'GET';
    const what = `${method} ${displayUrl(url)}`;
    const outcome = await httpRequest(url, {
      method,
      ...(spec.headers !== undefined ? { headers: spec.headers as Record<string, string> } : {}),
      tlsVerify: spec.tls_verify !== false,
      timeoutMs,
      signal: ctx.signal,
    });
    if (!outcome.ok) return { status: outcome.timedOut || outcome.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${outcome.error}` };
    return judgeResponse(spec, what, outcome);
  },
};

function judgeResponse(spec: CheckSpec, what: string, res: { statusCode: number; body: string; latencyMs: number }): ProbeResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const accepted = statusList(spec);
  if (accepted === undefined ? res.statusCode < 200 || res.statusCode > 399 : !accepted.includes(res.statusCode)) {
    problems.push(`expected status ${accepted === undefined ? '200–399' : accepted.join(' or ')}`);
  }
  if (typeof spec.body_regex === 'string' && !new RegExp(spec.body_regex).test(res.body)) problems.push(`body did not match /${oneLine(spec.body_regex, 60)}/`);
  if (typeof spec.json_path === 'string') {
    const path = spec.json_path;
    let json: unknown;
    let parsed = true;
    try {
      json = JSON.parse(res.body);
    } catch {
      parsed = false;
    }
    if (!parsed) {
      problems.push(`body is not JSON, cannot read ${path}`);
    } else {
      const found = lookupPath(json, parsePath(path) ?? []);
      const exp = expectationOf(spec);
      if (!found.found) problems.push(`${path} not found in the body`);
      else {
        const why = unmet(found.value, exp);
        if (why !== undefined) problems.push(`${path} = ${showValue(found.value)}, ${why}`);
        else if (hasExpectation(exp)) notes.push(`${path} = ${showValue(found.value)}`);
        else notes.push(`${path} present`);
      }
    }
  }
  if (typeof spec.max_latency_ms === 'number' && res.latencyMs > spec.max_latency_ms) problems.push(`slower than ${spec.max_latency_ms} ms`);
  const base = `${what} → ${res.statusCode} in ${res.latencyMs} ms`;
  const evidence = { statusCode: res.statusCode, latencyMs: res.latencyMs, ...(res.body === '' ? {} : { output: tailText(res.body) }) };
  if (problems.length > 0) return { status: 'fail', summary: `${base}; ${problems.join('; ')}`, ...evidence };
  return { status: 'pass', summary: notes.length > 0 ? `${base}; ${notes.join('; ')}` : base, ...evidence };
}
