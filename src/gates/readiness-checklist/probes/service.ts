import type { Probe, ProbeContext } from '../types.js';
import { hostPort, type ProbeResult, SpecReader } from './command.js';
import { httpRequest } from './http.js';
import { checkPostgres } from './postgres.js';
import { checkRedis } from './redis.js';
import { tcpConnect, tcpResult } from './tcp.js';

export const SERVICES = ['redis', 'postgres', 'kafka', 'neo4j', 'temporal', 'prometheus', 'grafana'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  redis: 6379,
  postgres: 5432,
  kafka: 9092,
  neo4j: 7687,
  temporal: 7233,
  prometheus: 9090,
  grafana: 3000,
};

const HEALTH_PATHS: Partial<Record<ServiceName, string>> = { prometheus: '/-/healthy', grafana: '/api/health' };

async function checkHealthEndpoint(service: ServiceName, host: string, port: number, path: string, ctx: ProbeContext, timeoutMs: number): Promise<ProbeResult> {
  const url = new URL(`http://${hostPort(host, port)}${path}`);
  const what = `${service} GET ${url.href}`;
  const res = await httpRequest(url, { timeoutMs, signal: ctx.signal });
  if (!res.ok) return { status: res.timedOut || res.cancelled ? 'inconclusive' : 'fail', summary: `${what}: ${res.error}` };
  const healthy = res.statusCode >= 200 && res.statusCode < 300;
  return {
    status: healthy ? 'pass' : 'fail',
    summary: `${what} → ${res.statusCode} in ${res.latencyMs} ms${healthy ? '' : '; expected 2xx'}`,
    statusCode: res.statusCode,
    latencyMs: res.latencyMs,
  };
}

/** Well-known services by name, on their usual ports: a protocol-level check where one is built in, else a TCP connect. */
export const serviceProbe: Probe = {
  type: 'service',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['service', 'host', 'port']);
    r.oneOf('service', SERVICES, { required: `one of ${SERVICES.join(', ')}` });
    r.host('host');
    r.port('port');
  },

  async run(spec, ctx, timeoutMs) {
    const service = spec.service as ServiceName;
    const host = typeof spec.host === 'string' ? spec.host : '127.0.0.1';
    const port = typeof spec.port === 'number' ? spec.port : DEFAULT_PORTS[service];
    switch (service) {
      case 'redis':
        return checkRedis({ host, port }, ctx, timeoutMs);
      case 'postgres':
        return checkPostgres({ host, port }, ctx, timeoutMs);
      case 'prometheus':
      case 'grafana':
        return checkHealthEndpoint(service, host, port, HEALTH_PATHS[service] ?? '/', ctx, timeoutMs);
      case 'kafka':
      case 'neo4j':
      case 'temporal':
        return tcpResult(`${service} ${hostPort(host, port)}`, await tcpConnect(host, port, timeoutMs, ctx.signal), ' (only the port was checked)');
    }
  },
};
