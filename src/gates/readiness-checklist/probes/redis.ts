import { Redis } from 'ioredis';
import { errorMessage } from '../../../core/errors.js';
import type { Probe, ProbeContext } from '../types.js';
import {
  describeExpectation,
  errorCode,
  type Expectation,
  expectationOf,
  hostPort,
  interrupted,
  type ProbeResult,
  raceDeadline,
  redact,
  showValue,
  SpecReader,
  unmet,
} from './command.js';

const INFO_FIELD = /^([A-Za-z_]+):([A-Za-z0-9_.-]+)$/;
/** What Redis answers to AUTH when it has no password: the check then goes on without one. */
const NO_PASSWORD = /no password is set|without any password configured/i;

export interface RedisTarget {
  host: string;
  port: number;
  password?: string;
  /** `section:field` of INFO, e.g. `replication:role`. */
  infoField?: string;
  expect?: Expectation;
}

function infoValue(info: string, field: string): string | undefined {
  for (const line of info.split(/\r?\n/)) {
    if (line.startsWith(`${field}:`)) return line.slice(field.length + 1);
  }
  return undefined;
}

/**
 * Connects once (no retries, no reconnects, no offline queue), authenticates if a password is given, sends PING
 * and optionally reads one INFO field. Always disconnects. Never throws.
 */
export async function checkRedis(target: RedisTarget, ctx: Pick<ProbeContext, 'signal'>, timeoutMs: number): Promise<ProbeResult> {
  const what = `redis ${hostPort(target.host, target.port)}`;
  const client = new Redis({
    host: target.host,
    port: target.port,
    lazyConnect: true,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // The ready check and client-info commands would run before AUTH; ioredis's own AUTH prints warnings.
    enableReadyCheck: false,
    disableClientInfo: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
  });
  // The socket's own error (ECONNREFUSED …) arrives here; the command then only learns "Connection is closed".
  let socketError: unknown;
  client.on('error', (e) => {
    socketError ??= e;
  });
  const work = async (): Promise<ProbeResult> => {
    await client.connect();
    if (target.password !== undefined) {
      try {
        await client.call('AUTH', target.password);
      } catch (e) {
        if (!NO_PASSWORD.test(errorMessage(e))) throw e;
      }
    }
    const pong = await client.ping();
    if (pong !== 'PONG') return { status: 'fail', summary: `${what}: PING answered ${showValue(pong)}` };
    if (target.infoField === undefined) return { status: 'pass', summary: `${what}: PONG` };
    const [, section = '', field = ''] = INFO_FIELD.exec(target.infoField) ?? [];
    const value = infoValue(await client.info(section), field);
    if (value === undefined) return { status: 'fail', summary: `${what}: PONG; ${target.infoField} not in INFO` };
    const why = unmet(value, target.expect ?? {});
    const seen = `${target.infoField} = ${showValue(value)}`;
    if (why !== undefined) return { status: 'fail', summary: `${what}: PONG; ${seen}, ${why}` };
    return { status: 'pass', summary: `${what}: PONG; ${seen}${describeExpectation(target.expect ?? {})}` };
  };
  try {
    const outcome = await raceDeadline(work(), timeoutMs, ctx.signal, () => client.disconnect());
    return outcome.ok ? outcome.value : interrupted(what, outcome.why, timeoutMs);
  } catch (e) {
    if (/timeout|timed out/i.test(errorMessage(e))) return interrupted(what, 'timeout', timeoutMs);
    const cause = socketError !== undefined && /connection is closed/i.test(errorMessage(e)) ? socketError : e;
    return { status: 'fail', summary: `${what}: ${redact(errorCode(cause), target.password)}` };
  } finally {
    client.disconnect();
  }
}

export const redisProbe: Probe = {
  type: 'redis',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['host', 'port', 'password', 'info_field', 'equals', 'matches', 'min', 'max']);
    r.host('host');
    r.port('port');
    r.string('password');
    const field = r.string('info_field');
    if (field !== undefined && !INFO_FIELD.test(field)) {
      throw r.error('info_field', `must be \`section:field\` of INFO (got ${JSON.stringify(field)})`, 'Write it like `replication:role` or `server:redis_version`.');
    }
    r.expectation({ key: 'info_field', present: field !== undefined }, ['equals', 'matches', 'min', 'max']);
  },

  run(spec, ctx, timeoutMs) {
    return checkRedis(
      {
        host: typeof spec.host === 'string' ? spec.host : '127.0.0.1',
        port: typeof spec.port === 'number' ? spec.port : 6379,
        ...(typeof spec.password === 'string' ? { password: spec.password } : {}),
        ...(typeof spec.info_field === 'string' ? { infoField: spec.info_field } : {}),
        expect: expectationOf(spec),
      },
      ctx,
      timeoutMs,
    );
  },
};
