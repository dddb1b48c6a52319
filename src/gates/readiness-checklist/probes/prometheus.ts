import type { Probe } from '../types.js';
import { got, oneLine, SpecReader, tailText } from './command.js';
import { displayUrl, httpRequest } from './http.js';

type Op = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type PromExpect = { kind: 'empty' } | { kind: 'non-empty' } | { kind: 'compare'; op: Op; value: number; text: string };

const COMPARE = /^(==|!=|>=|<=|>|<)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$/;

export function parseExpect(text: string): PromExpect | undefined {
  const t = text.trim();
  if (t === 'empty') return { kind: 'empty' };
  if (t === 'non-empty') return { kind: 'non-empty' };
  const m = COMPARE.exec(t);
  if (m === null) return undefined;
  return { kind: 'compare', op: m[1] as Op, value: promNumber(m[2] ?? ''), text: `${m[1]} ${m[2]}` };
}

/** Prometheus writes values as strings: "1", "0.5", "+Inf", "NaN". */
export function promNumber(s: string): number {
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return Number(s);
}

export function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

interface Series {
  labels: string;
  value: string;
}

function labelsOf(metric: unknown): string {
  if (metric === null || typeof metric !== 'object') return '{}';
  return `{${Object.entries(metric as Record<string, unknown>)
    .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
    .join(',')}}`;
}

/** The series of a query result with their (latest) values; undefined when the answer is not understood. */
function seriesOf(data: unknown): Series[] | undefined {
  const d = data as { resultType?: unknown; result?: unknown } | null;
  if (d === null || typeof d !== 'object') return undefined;
  const sample = (v: unknown): string | undefined => (Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined);
  switch (d.resultType) {
    case 'scalar': {
      const value = sample(d.result);
      return value === undefined ? undefined : [{ labels: 'scalar', value }];
    }
    case 'vector':
    case 'matrix': {
      if (!Array.isArray(d.result)) return undefined;
      const out: Series[] = [];
      for (const item of d.result as { metric?: unknown; value?: unknown; values?: unknown }[]) {
        const value = d.resultType === 'vector' ? sample(item.value) : Array.isArray(item.values) ? sample(item.values.at(-1)) : undefined;
        if (value === undefined) return undefined;
        out.push({ labels: labelsOf(item.metric), value });
      }
      return out;
    }
    default:
      return undefined;
  }
}

export const prometheusProbe: Probe = {
  type: 'prometheus',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['url', 'query', 'expect', 'headers', 'tls_verify']);
    const url = r.string('url', { required: 'the Prometheus base URL, e.g. http://127.0.0.1:9090' }) as string;
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw r.error('url', `must be an http:// or https:// URL${got(url)}`, 'Write the base URL, e.g. http://127.0.0.1:9090.');
    r.string('query', { required: 'a PromQL query, e.g. up{job="api"}' });
    const expect = r.string('expect', { required: 'the condition every series must meet, e.g. "== 1", "> 0", "empty"' }) as string;
    if (parseExpect(expect) === undefined) {
      throw r.error('expect', `must be a comparison like "== 1", "> 0", "< 0.01", ">= 3", or "empty" / "non-empty"${got(expect)}`, 'Write an operator (==, !=, >, >=, <, <=) and a number.');
    }
    const headers = spec.headers;
    if (headers !== undefined && (headers === null || typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string'))) {
      throw r.error('headers', 'must be a mapping of header names to string values');
    }
    r.boolean('tls_verify');
  },

  async run(spec, ctx, timeoutMs) {
    const base = new URL(spec.url as string);
    if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
    const url = new URL('api/v1/query', base);
    const query = spec.query as string;
    url.searchParams.set('query', query);
    const expect = parseExpect(spec.expect as string) ?? { kind: 'non-empty' };
    const expectText = expect.kind === 'compare' ? expect.text : expect.kind;
    const what = `prometheus ${oneLine(query, 80)}`;

    const res = await httpRequest(url, {
      ...(spec.headers !== undefined ? { headers: spec.headers as Record<string, string> } : {}),
      tlsVerify: spec.tls_verify !== false,
      timeoutMs,
      signal: ctx.signal,
    });
    if (!res.ok) return { status: res.timedOut || res.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${displayUrl(base)}: ${res.error}` };
    const evidence = { statusCode: res.statusCode, latencyMs: res.latencyMs };
    let body: { status?: unknown; data?: unknown; error?: unknown; errorType?: unknown };
    try {
      body = JSON.parse(res.body) as typeof body;
    } catch {
      return { status: 'inconclusive', summary: `${what}: HTTP ${res.statusCode}, not a Prometheus API answer`, output: tailText(res.body), ...evidence };
    }
    if (body.status !== 'success') {
      const error = typeof body.error === 'string' ? body.error : `HTTP ${res.statusCode}`;
      return { status: 'inconclusive', summary: oneLine(`${what}: query failed: ${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${error}`), ...evidence };
    }
    const series = seriesOf(body.data);
    if (series === undefined) return { status: 'inconclusive', summary: `${what}: unexpected result shape`, output: tailText(res.body), ...evidence };
    const output = series.length === 0 ? {} : { output: tailText(series.map((s) => `${s.labels} ${s.value}`).join('\n')) };
    const count = `${series.length} series`;

    switch (expect.kind) {
      case 'empty':
        return series.length === 0
          ? { status: 'pass', summary: `${what}: no series, as expected`, ...evidence }
          : { status: 'fail', summary: `${what}: ${count}; expected none`, ...output, ...evidence };
      case 'non-empty':
        return series.length > 0
          ? { status: 'pass', summary: `${what}: ${count}`, ...output, ...evidence }
          : { status: 'fail', summary: `${what}: no series; expected some`, ...evidence };
      case 'compare': {
        if (series.length === 0) return { status: 'fail', summary: `${what}: no series; expected ${expectText}`, ...evidence };
        const bad = series.filter((s) => !compare(promNumber(s.value), expect.op, expect.value));
        const first = bad[0];
        if (first !== undefined) {
          const more = bad.length > 1 ? ` (and ${bad.length - 1} more of ${series.length})` : '';
          return { status: 'fail', summary: oneLine(`${what}: ${first.labels} = ${first.value}, expected ${expectText}${more}`, 300), ...output, ...evidence };
        }
        const values = [...new Set(series.map((s) => s.value))];
        const shown = values.length <= 3 ? ` (${values.join(', ')})` : '';
        return { status: 'pass', summary: `${what}: ${count}, all ${expectText}${shown}`, ...output, ...evidence };
      }
    }
  },
};
