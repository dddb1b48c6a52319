import pg from 'pg';
import { errorMessage } from '../../../core/errors.js';
import type { Probe, ProbeContext } from '../types.js';
import { errorCode, hostPort, interrupted, oneLine, type ProbeResult, raceDeadline, redact, SpecReader } from './command.js';

export interface PostgresTarget {
  host: string;
  port: number;
  /** Default: $PGUSER, else `postgres`. */
  user?: string;
  password?: string;
  /** Default: the user name. */
  database?: string;
}

/** A server error (auth, missing database …) carries a SQLSTATE and its own text; a network error only a code. */
function failure(e: unknown): string {
  const sqlState = (e as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState) && !/^E[A-Z]+$/.test(sqlState)) return oneLine(`${errorMessage(e)} (SQLSTATE ${sqlState})`);
  return errorCode(e);
}

/** Connects once and runs `SELECT 1`; always closes the connection. Never throws. */
export async function checkPostgres(target: PostgresTarget, ctx: Pick<ProbeContext, 'signal'>, timeoutMs: number): Promise<ProbeResult> {
  const user = target.user ?? process.env.PGUSER ?? 'postgres';
  const database = target.database ?? user;
  const what = `postgres ${user}@${hostPort(target.host, target.port)}/${database}`;
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user,
    database,
    ...(target.password === undefined ? {} : { password: target.password }),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'shipgate-readiness',
  });
  client.on('error', () => undefined);
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    client.end().catch(() => undefined);
  };
  const work = async (): Promise<ProbeResult> => {
    await client.connect();
    const res = await client.query<{ one: number }>('SELECT 1 AS one');
    const one = res.rows[0]?.one;
    if (one !== 1) return { status: 'fail', summary: `${what}: SELECT 1 returned ${JSON.stringify(one)}` };
    return { status: 'pass', summary: `${what}: SELECT 1 ok` };
  };
  try {
    const outcome = await raceDeadline(work(), timeoutMs, ctx.signal, end);
    return outcome.ok ? outcome.value : interrupted(what, outcome.why, timeoutMs);
  } catch (e) {
    if (/timeout/i.test(errorMessage(e))) return interrupted(what, 'timeout', timeoutMs);
    return { status: 'fail', summary: `${what}: ${redact(failure(e), target.password)}` };
  } finally {
    end();
  }
}

export const postgresProbe: Probe = {
  type: 'postgres',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['host', 'port', 'user', 'password', 'database']);
    r.host('host');
    r.port('port');
    r.string('user');
    r.string('password');
    r.string('database');
  },

  run(spec, ctx, timeoutMs) {
    return checkPostgres(
      {
        host: typeof spec.host === 'string' ? spec.host : '127.0.0.1',
        port: typeof spec.port === 'number' ? spec.port : 5432,
        ...(typeof spec.user === 'string' ? { user: spec.user } : {}),
        ...(typeof spec.password === 'string' ? { password: spec.password } : {}),
        ...(typeof spec.database === 'string' ? { database: spec.database } : {}),
      },
      ctx,
      timeoutMs,
    );
  },
};
