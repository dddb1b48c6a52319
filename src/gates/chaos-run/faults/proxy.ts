/**
 * `tcp-proxy`: toxiproxy's toxics through the built-in TCP fault proxy, no root needed. The proxy listens on
 * `listen` (127.0.0.1) in front of `upstream` for the whole run (`setup`), passing traffic untouched; during the
 * fault's window its `toxics` are armed. Clients of the system under test (the workload) connect to `listen`.
 *
 * The proxy lives in the chaos-run process: when that process dies, the proxy and its toxics die with it, so there
 * is nothing to undo on the host. The ledger still records the window (inverse: none) for the record.
 */
import { type Fault, type FaultContext, type FaultPlan, parseDuration, revertViaLedger, specError, type SpecLocation, waitFor } from './types.js';
import { TcpFaultProxy, type Toxic, validateToxic } from './tcp-proxy.js';

export type ProxySpec = {
  listen: number;
  upstream: { host: string; port: number };
  toxics: Toxic[];
  durationMs: number;
};

/** How long verify waits for traffic to pass through the armed proxy. */
const TRAFFIC_WAIT_MS = 2000;

function port(value: unknown, where: SpecLocation, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw specError(where, key, `expected a port number from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return value;
}

function describeToxic(t: Toxic): string {
  const { type, stream, toxicity, ...attrs } = t;
  const args = Object.entries(attrs).map(([k, v]) => `${k}=${String(v)}`);
  return `${type}(${[...args, `stream=${stream ?? 'downstream'}`, ...(toxicity === undefined ? [] : [`toxicity=${toxicity}`])].join(', ')})`;
}

export class TcpProxyFault implements Fault<ProxySpec> {
  readonly type = 'tcp-proxy';
  private readonly proxies = new Map<number, TcpFaultProxy>();
  private readonly handles = new Map<string, { proxy: TcpFaultProxy; bytes: number }>();

  unsupported(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  validate(spec: Record<string, unknown>, where: SpecLocation): ProxySpec {
    const listen = port(spec.listen, where, 'listen');
    const up = spec.upstream;
    const m = typeof up === 'string' ? /^(.+):(\d{1,5})$/.exec(up) : null;
    if (m?.[1] === undefined || m[2] === undefined) {
      throw specError(where, 'upstream', `expected "host:port" of the system under test, e.g. "127.0.0.1:6379", got ${JSON.stringify(up)}`);
    }
    const upstream = { host: m[1].replace(/^\[(.*)\]$/, '$1'), port: port(Number(m[2]), where, 'upstream') };
    if (upstream.port === listen && ['127.0.0.1', 'localhost', '::1'].includes(upstream.host)) {
      throw specError(where, 'listen', `the proxy cannot listen on its own upstream port ${listen}`);
    }
    if (!Array.isArray(spec.toxics) || spec.toxics.length === 0) {
      throw specError(where, 'toxics', 'expected a list of at least one toxic, e.g. [{ type: latency, latency_ms: 200 }]');
    }
    const toxics = spec.toxics.map((t, i) => validateToxic(t, { ...where, field: `${where.field}.toxics[${i}]` }));
    return { listen, upstream, toxics, durationMs: parseDuration(spec.duration, where, 'duration') };
  }

  plan(id: string, spec: ProxySpec): FaultPlan {
    return {
      id,
      type: this.type,
      description: `TCP proxy 127.0.0.1:${spec.listen} → ${spec.upstream.host}:${spec.upstream.port}: ${spec.toxics.map(describeToxic).join(', ')} for ${spec.durationMs} ms`,
      actions: [`listen on 127.0.0.1:${spec.listen} for the whole run, forwarding to ${spec.upstream.host}:${spec.upstream.port}`, `arm ${spec.toxics.map(describeToxic).join(', ')}`],
      inverse: ['disarm the toxics (the proxy stops with the run)'],
    };
  }

  async setup(faults: { id: string; spec: ProxySpec }[]): Promise<void> {
    for (const { id, spec } of faults) {
      const running = this.proxies.get(spec.listen);
      if (running !== undefined) continue;
      try {
        this.proxies.set(spec.listen, await TcpFaultProxy.start({ listen: { host: '127.0.0.1', port: spec.listen }, upstream: spec.upstream }));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new Error(`${id}: the proxy cannot listen on 127.0.0.1:${spec.listen}${code === 'EADDRINUSE' ? ' (the port is in use: pick a free one for `listen`)' : `: ${(e as Error).message}`}`);
      }
    }
  }

  async apply(id: string, spec: ProxySpec, ctx: FaultContext): Promise<{ appliedAt: number }> {
    const proxy = this.proxies.get(spec.listen);
    if (proxy === undefined) throw new Error(`${id}: the proxy on port ${spec.listen} is not running`);
    await ctx.ledger.record({ id, description: `tcp-proxy: toxics on 127.0.0.1:${spec.listen} (in-process; gone with the run)`, inverse: [] });
    const s = proxy.stats();
    this.handles.set(id, { proxy, bytes: s.bytesUp + s.bytesDown });
    proxy.setToxics(spec.toxics);
    return { appliedAt: Date.now() };
  }

  async verify(id: string, spec: ProxySpec, _ctx: FaultContext): Promise<{ verified: boolean; evidence: string }> {
    const h = this.handles.get(id);
    if (h === undefined) return { verified: false, evidence: `${id} was not applied` };
    const passed = (): number => {
      const s = h.proxy.stats();
      return s.bytesUp + s.bytesDown - h.bytes;
    };
    const armed = h.proxy.activeToxics().length;
    const traffic = await waitFor(() => Promise.resolve(passed() > 0 || h.proxy.stats().active > 0), Math.min(TRAFFIC_WAIT_MS, spec.durationMs));
    const s = h.proxy.stats();
    return {
      verified: armed === spec.toxics.length && traffic,
      evidence: `${armed} toxic(s) armed on 127.0.0.1:${spec.listen}; ${s.active} open connection(s), ${passed()} bytes passed since`,
    };
  }

  async revert(id: string, ctx: FaultContext): Promise<{ revertedAt: number }> {
    this.handles.get(id)?.proxy.clear();
    this.handles.delete(id);
    return revertViaLedger(ctx.ledger, id);
  }

  async teardown(): Promise<void> {
    const all = [...this.proxies.values()];
    this.proxies.clear();
    this.handles.clear();
    await Promise.all(all.map((p) => p.stop()));
  }
}

export const PROXY_FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([['tcp-proxy', new TcpProxyFault()]]);
