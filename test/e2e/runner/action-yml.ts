import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

export interface ActionInput {
  description?: string;
  required: boolean;
  default?: string;
  deprecationMessage?: string;
}

export interface ActionOutput {
  description?: string;
}

export interface ActionRuns {
  using: 'node24' | 'node20';
  main: string;
  pre?: string;
  preIf: string;
  post?: string;
  postIf: string;
}

export interface ActionManifest {
  name: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, ActionOutput>;
  runs: ActionRuns;
}

export type JobStatus = 'success' | 'failure' | 'cancelled';

export class ActionManifestError extends Error {
  override name = 'ActionManifestError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown, what: string, source: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ActionManifestError(`${source}: ${what} must be a string`);
}

function mapping(value: unknown, what: string, source: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new ActionManifestError(`${source}: ${what} must be a mapping`);
  return value;
}

function parseInputs(value: unknown, source: string): Record<string, ActionInput> {
  const inputs: Record<string, ActionInput> = {};
  for (const [name, meta] of Object.entries(mapping(value, 'inputs', source))) {
    const m = mapping(meta, `input '${name}'`, source);
    const required = m.required === true || (typeof m.required === 'string' && m.required.toLowerCase() === 'true');
    const input: ActionInput = { required };
    const description = scalar(m.description, `inputs.${name}.description`, source);
    const def = scalar(m.default, `inputs.${name}.default`, source);
    const deprecation = scalar(m.deprecationMessage, `inputs.${name}.deprecationMessage`, source);
    if (description !== undefined) input.description = description;
    if (def !== undefined) input.default = def;
    if (deprecation !== undefined) input.deprecationMessage = deprecation;
    inputs[name] = input;
  }
  return inputs;
}

function parseOutputs(value: unknown, source: string): Record<string, ActionOutput> {
  const outputs: Record<string, ActionOutput> = {};
  for (const [name, meta] of Object.entries(mapping(value, 'outputs', source))) {
    const description = scalar(mapping(meta, `output '${name}'`, source).description, `outputs.${name}.description`, source);
    outputs[name] = description === undefined ? {} : { description };
  }
  return outputs;
}

function parseRuns(value: unknown, source: string): ActionRuns {
  if (!isRecord(value)) throw new ActionManifestError(`${source}: top level 'runs:' section is required`);
  const using = scalar(value.using, 'runs.using', source);
  const normalized = using?.toLowerCase();
  if (normalized !== 'node24' && normalized !== 'node20') {
    throw new ActionManifestError(
      `${source}: 'using: ${using ?? ''}' is not supported; only JavaScript actions with 'using: node24' or 'using: node20' can be run`,
    );
  }
  const main = scalar(value.main, 'runs.main', source);
  if (!main) {
    throw new ActionManifestError(`${source}: a JavaScript action needs an entry file in 'runs.main'`);
  }
  const runs: ActionRuns = {
    using: normalized,
    main,
    preIf: scalar(value['pre-if'], 'runs.pre-if', source) ?? 'always()',
    postIf: scalar(value['post-if'], 'runs.post-if', source) ?? 'always()',
  };
  const pre = scalar(value.pre, 'runs.pre', source);
  const post = scalar(value.post, 'runs.post', source);
  if (pre) runs.pre = pre;
  if (post) runs.post = post;
  return runs;
}

export function parseActionYml(text: string, source = 'action.yml'): ActionManifest {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ActionManifestError(`${source}: invalid YAML: ${(err as Error).message}`);
  }
  if (!isRecord(doc)) throw new ActionManifestError(`${source}: the manifest must be a mapping`);
  const manifest: ActionManifest = {
    name: scalar(doc.name, 'name', source) ?? '',
    inputs: parseInputs(doc.inputs, source),
    outputs: parseOutputs(doc.outputs, source),
    runs: parseRuns(doc.runs, source),
  };
  const description = scalar(doc.description, 'description', source);
  if (description !== undefined) manifest.description = description;
  return manifest;
}

/** Loads `action.yml`, or `action.yaml` when there is none, from an action folder. */
export async function loadActionYml(actionDir: string): Promise<ActionManifest & { file: string }> {
  for (const name of ['action.yml', 'action.yaml']) {
    const file = path.join(actionDir, name);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (exists) return { ...parseActionYml(await readFile(file, 'utf8'), file), file };
  }
  throw new ActionManifestError(`Can't find 'action.yml' or 'action.yaml' under '${actionDir}'`);
}

/**
 * Expands `${{ <name> }}` in an input default using the given context values
 * (keys such as `github.token`, matched case-insensitively). Anything else is rejected
 * rather than silently left unexpanded.
 */
export function expandDefault(value: string, contextValues: Record<string, string>): string {
  const lowered = new Map(Object.entries(contextValues).map(([k, v]) => [k.toLowerCase(), v]));
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_match, expr: string) => {
    const key = expr.trim().toLowerCase();
    const resolved = lowered.get(key);
    if (resolved === undefined) throw new ActionManifestError(`Unsupported expression in input default: '\${{${expr}}}'`);
    return resolved;
  });
}

type Token = { kind: 'op'; value: '&&' | '||' | '!' | '(' | ')' } | { kind: 'fn'; name: string } | { kind: 'bool'; value: boolean };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(&&|\|\||!|\(|\))|([A-Za-z_][\w-]*)\s*\(\s*\)|(true|false)\b)/y;
  let at = 0;
  while (at < expr.length) {
    if (expr.slice(at).trim() === '') break;
    re.lastIndex = at;
    const m = re.exec(expr);
    if (!m) throw new ActionManifestError(`Unsupported condition '${expr}' near '${expr.slice(at).trim()}'`);
    at = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'op', value: m[1] as '&&' | '||' | '!' | '(' | ')' });
    else if (m[2]) tokens.push({ kind: 'fn', name: m[2].toLowerCase() });
    else tokens.push({ kind: 'bool', value: m[3]!.toLowerCase() === 'true' });
  }
  return tokens;
}

/**
 * Evaluates a step condition made of `always()`, `success()`, `failure()`, `cancelled()`,
 * `true`/`false`, `!`, `&&`, `||` and parentheses against a job status. Like the runner for
 * `post-if`, no implicit `success() &&` is added.
 */
export function evaluateCondition(condition: string, jobStatus: JobStatus): boolean {
  let expr = condition.trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expr);
  if (wrapped) expr = wrapped[1]!;
  const tokens = tokenize(expr);
  let pos = 0;
  const fail = (why: string): never => {
    throw new ActionManifestError(`Invalid condition '${condition}': ${why}`);
  };
  const peekOp = (value: string): boolean => {
    const t = tokens[pos];
    return t?.kind === 'op' && t.value === value;
  };
  const primary = (): boolean => {
    const t = tokens[pos++];
    if (!t) return fail('unexpected end');
    if (t.kind === 'bool') return t.value;
    if (t.kind === 'fn') {
      switch (t.name) {
        case 'always':
          return true;
        case 'success':
          return jobStatus === 'success';
        case 'failure':
          return jobStatus === 'failure';
        case 'cancelled':
          return jobStatus === 'cancelled';
        default:
          return fail(`unsupported function '${t.name}()'`);
      }
    }
    if (t.value === '!') return !primary();
    if (t.value === '(') {
      const value = or();
      if (!peekOp(')')) fail("missing ')'");
      pos++;
      return value;
    }
    return fail(`unexpected '${t.value}'`);
  };
  const and = (): boolean => {
    let value = primary();
    while (peekOp('&&')) {
      pos++;
      const right = primary();
      value = value && right;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (peekOp('||')) {
      pos++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  if (tokens.length === 0) fail('empty');
  const result = or();
  if (pos !== tokens.length) fail('trailing tokens');
  return result;
}
