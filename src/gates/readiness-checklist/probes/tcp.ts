import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Probe } from '../types.js';
import { errorCode, hostPort, type ProbeResult, SpecReader, timedOutAfter } from './command.js';

export type TcpOutcome = { ok: true; latencyMs: number } | { ok: false; error: string; timedOut: boolean; cancelled: boolean };

/** Opens a TCP connection and closes it again; never throws. */
export function tcpConnect(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<TcpOutcome> {
  if (signal.aborted) return Promise.resolve({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host, port });
    const finish = (outcome: TcpOutcome): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish({ ok: false, error: 'cancelled', timedOut: false, cancelled: true });
    const timer = setTimeout(() => finish({ ok: false, error: timedOutAfter(timeoutMs), timedOut: true, cancelled: false }), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ ok: true, latencyMs: Math.round(performance.now() - started) }));
    socket.once('error', (e) => finish({ ok: false, error: errorCode(e), timedOut: false, cancelled: false }));
  });
}

/** The evidence for a connection attempt; `note` is appended to the summary. */
export function tcpResult(what: string, outcome: TcpOutcome, note = ''): ProbeResult {
  if (outcome.ok) return { status: 'pass', summary: `${what} accepted a connection in ${outcome.latencyMs} ms${note}`, latencyMs: outcome.latencyMs };
  if (outcome.timedOut || outcome.cancelled) return { status: 'inconclusive', summary: `${what}: ${outcome.error}${note}` };
  return { status: 'fail', summary: `${what}: ${outcome.error}${note}` };
}

export const tcpProbe: Probe = {
  type: 'tcp',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['host', 'port']);
    r.host('host', { required: 'the host to connect to, e.g. 127.0.0.1' });
    r.port('port', { required: 'the TCP port' });
  },

  async run(spec, ctx, timeoutMs) {
    const host = spec.host as string;
    const port = spec.port as number;
    return tcpResult(`TCP ${hostPort(host, port)}`, await tcpConnect(host, port, timeoutMs, ctx.signal));
  },
};
