import { glob, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '../../../core/errors.js';
import type { CheckSpec, Probe, ProbeContext } from '../types.js';
import { oneLine, type ProbeResult, SpecReader, tailText } from './command.js';

const FIELDS = ['path', 'exists', 'glob', 'min_count', 'max_count', 'contains', 'json_schema'] as const;
const MAX_MATCHES = 10_000;
const MAX_READ_BYTES = 16 * 1024 * 1024;

class Problem extends Error {
  constructor(
    message: string,
    readonly status: 'fail' | 'inconclusive',
  ) {
    super(message);
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Where a workspace-relative path really is (links resolved), or undefined when nothing is there. */
async function resolveInWorkspace(ctx: ProbeContext, rel: string): Promise<string | undefined> {
  const root = await realpath(ctx.workspace);
  let real: string;
  try {
    real = await realpath(path.resolve(root, rel));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new Problem(`${rel}: cannot read: ${errorMessage(e)}`, 'inconclusive');
  }
  if (!isInside(root, real)) throw new Problem(`${rel} leads outside the repository (through a link); not read`, 'inconclusive');
  return real;
}

async function readText(file: string, shown: string): Promise<string> {
  const info = await stat(file);
  if (info.isDirectory()) throw new Problem(`${shown} is a directory`, 'fail');
  if (info.size > MAX_READ_BYTES) throw new Problem(`${shown} is larger than ${MAX_READ_BYTES / 1024 / 1024} MiB; not read`, 'inconclusive');
  return readFile(file, 'utf8');
}

/** JSON or YAML by extension; other files are tried as JSON, then YAML. */
function parseData(text: string, shown: string): unknown {
  const ext = path.extname(shown).toLowerCase();
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (ext === '.json') return JSON.parse(body) as unknown;
  if (ext === '.yml' || ext === '.yaml') return parseYaml(body) as unknown;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return parseYaml(body) as unknown;
  }
}

function describeErrors(errors: ErrorObject[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.instancePath === '' ? '/' : e.instancePath} ${e.message ?? e.keyword}`);
  return `${shown.join('; ')}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`;
}

type Validator = (data: unknown) => ErrorObject[] | undefined;

async function loadSchema(ctx: ProbeContext, rel: string): Promise<Validator> {
  const file = await resolveInWorkspace(ctx, rel);
  if (file === undefined) throw new Problem(`schema ${rel} not found`, 'inconclusive');
  let schema: unknown;
  try {
    schema = parseData(await readText(file, rel), rel);
  } catch (e) {
    if (e instanceof Problem) throw new Problem(`schema ${e.message}`, 'inconclusive');
    throw new Problem(`schema ${rel} is not valid JSON or YAML: ${oneLine(errorMessage(e), 120)}`, 'inconclusive');
  }
  if (schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean')) throw new Problem(`schema ${rel} is not a JSON Schema`, 'inconclusive');
  // A fresh instance each time: users' schemas may reuse `$id`s, and their formats are not ours to know.
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, validateFormats: false });
  let validate: ReturnType<Ajv2020['compile']>;
  try {
    validate = ajv.compile(schema as object);
  } catch (e) {
    throw new Problem(`schema ${rel} cannot be used (JSON Schema 2020-12): ${oneLine(errorMessage(e), 120)}`, 'inconclusive');
  }
  return (data) => (validate(data) ? undefined : (validate.errors ?? []));
}

interface FileChecks {
  contains: RegExp | undefined;
  schema: Validator | undefined;
  schemaName: string | undefined;
}

/** Checks one existing file's content; returns a problem or undefined. */
async function checkContent(file: string, shown: string, checks: FileChecks): Promise<{ problem?: string; output?: string }> {
  if (checks.contains === undefined && checks.schema === undefined) return {};
  const text = await readText(file, shown);
  if (checks.contains !== undefined && !checks.contains.test(text)) return { problem: `${shown} does not contain /${oneLine(checks.contains.source, 60)}/` };
  if (checks.schema !== undefined) {
    let data: unknown;
    try {
      data = parseData(text, shown);
    } catch (e) {
      return { problem: `${shown} is not valid JSON or YAML`, output: tailText(errorMessage(e)) };
    }
    const errors = checks.schema(data);
    if (errors !== undefined) {
      const detail = describeErrors(errors);
      return { problem: `${shown} does not match ${checks.schemaName ?? 'the schema'}: ${oneLine(detail, 160)}`, output: tailText(detail) };
    }
  }
  return {};
}

async function checkPath(spec: CheckSpec, ctx: ProbeContext, checks: FileChecks): Promise<ProbeResult> {
  const rel = spec.path as string;
  const wantExists = spec.exists !== false;
  const file = await resolveInWorkspace(ctx, rel);
  if (file === undefined) return wantExists ? { status: 'fail', summary: `${rel} does not exist` } : { status: 'pass', summary: `${rel} does not exist, as expected` };
  if (!wantExists) return { status: 'fail', summary: `${rel} exists; expected it not to` };
  const { problem, output } = await checkContent(file, rel, checks);
  if (problem !== undefined) return { status: 'fail', summary: problem, ...(output === undefined ? {} : { output }) };
  const what = [checks.contains === undefined ? '' : ` contains /${oneLine(checks.contains.source, 60)}/`, checks.schema === undefined ? '' : ` matches ${checks.schemaName ?? 'the schema'}`]
    .filter((s) => s !== '')
    .join(' and');
  return { status: 'pass', summary: what === '' ? `${rel} exists` : `${rel} exists and${what}` };
}

async function checkGlob(spec: CheckSpec, ctx: ProbeContext, checks: FileChecks): Promise<ProbeResult> {
  const pattern = spec.glob as string;
  const root = await realpath(ctx.workspace);
  const matches: string[] = [];
  for await (const entry of glob(pattern, { cwd: root })) {
    const abs = path.resolve(root, entry);
    if (!isInside(root, abs)) continue;
    try {
      if (!(await stat(abs)).isFile()) continue;
    } catch {
      continue;
    }
    matches.push(entry);
    if (matches.length >= MAX_MATCHES) break;
  }
  matches.sort();
  const count = matches.length;
  const noun = `${count}${count >= MAX_MATCHES ? '+' : ''} file${count === 1 ? '' : 's'} match ${pattern}`;
  if (spec.exists === false) {
    return count === 0 ? { status: 'pass', summary: `no file matches ${pattern}, as expected` } : { status: 'fail', summary: `${noun}; expected none (first: ${matches[0] ?? ''})` };
  }
  const min = typeof spec.min_count === 'number' ? spec.min_count : 1;
  const max = typeof spec.max_count === 'number' ? spec.max_count : undefined;
  if (count < min) return { status: 'fail', summary: `${noun}; expected at least ${min}` };
  if (max !== undefined && count > max) return { status: 'fail', summary: `${noun}; expected at most ${max}`, output: tailText(matches.join('\n')) };
  for (const entry of matches) {
    const { problem, output } = await checkContent(path.resolve(root, entry), entry, checks);
    if (problem !== undefined) return { status: 'fail', summary: `${noun}; ${problem}`, ...(output === undefined ? {} : { output }) };
  }
  const bounds = max === undefined ? `at least ${min}` : `${min} to ${max}`;
  const extra = checks.contains === undefined && checks.schema === undefined ? '' : '; every one passes the content checks';
  return { status: 'pass', summary: `${noun} (${bounds})${extra}` };
}

export const fileProbe: Probe = {
  type: 'file',

  validate(spec, where) {
    const r = new SpecReader(spec, where, FIELDS);
    const p = r.relativePath('path');
    const g = r.relativePath('glob');
    if (p === undefined && g === undefined) throw r.missing('path', 'the file to check, relative to the repository root; or `glob` with a pattern');
    if (p !== undefined && g !== undefined) throw r.error('glob', 'cannot be combined with `path`', 'Keep `path` for one file or `glob` for a pattern, not both.');
    const exists = r.boolean('exists');
    const min = r.number('min_count', { integer: true, min: 0 });
    const max = r.number('max_count', { integer: true, min: 0 });
    for (const key of ['min_count', 'max_count']) {
      if (r.has(key) && g === undefined) throw r.error(key, 'only applies to `glob`', `Use \`glob\` instead of \`path\`, or remove \`${key}\`.`);
    }
    if (min !== undefined && max !== undefined && min > max) throw r.error('min_count', `is above max_count (${min} > ${max})`, 'Fix the bounds.');
    r.regex('contains');
    r.relativePath('json_schema');
    if (exists === false) {
      for (const key of ['contains', 'json_schema', 'min_count', 'max_count']) {
        if (r.has(key)) throw r.error(key, 'cannot be checked with `exists: false`', `Remove \`${key}\` or \`exists: false\`.`);
      }
    }
  },

  async run(spec, ctx) {
    try {
      const checks: FileChecks = {
        contains: typeof spec.contains === 'string' ? new RegExp(spec.contains) : undefined,
        schema: typeof spec.json_schema === 'string' ? await loadSchema(ctx, spec.json_schema) : undefined,
        schemaName: typeof spec.json_schema === 'string' ? spec.json_schema : undefined,
      };
      return typeof spec.glob === 'string' ? await checkGlob(spec, ctx, checks) : await checkPath(spec, ctx, checks);
    } catch (e) {
      if (e instanceof Problem) return { status: e.status, summary: e.message };
      return { status: 'inconclusive', summary: oneLine(`file check failed: ${errorMessage(e)}`) };
    }
  },
};
