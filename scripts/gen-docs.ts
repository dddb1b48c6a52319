/**
 * Fills the generated regions of docs/<gate>.md from actions/<gate>/action.yml (inputs, outputs) and the gate's
 * JSON Schemas in schemas/ (config reference). Everything outside the regions is written by hand and kept.
 * Usage: node --import tsx scripts/gen-docs.ts [--check] [--root DIR]
 *   (writes the docs; with --check writes nothing and exits 1 listing the files that differ)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const DOC_GATES = ['perf-gate', 'chaos-run', 'model-validate', 'readiness-checklist'] as const;
export type DocGate = (typeof DOC_GATES)[number];

/** The schemas each gate's config reference is generated from; the first is the gate's `config` file. */
export const CONFIG_SCHEMAS: Record<DocGate, { file: string; heading: string }[]> = {
  'perf-gate': [
    { file: 'perf-gate.schema.json', heading: 'Config file (`config:`)' },
    { file: 'perf-results.schema.json', heading: 'Result files in shipgate\'s own format (`format: shipgate`)' },
  ],
  'chaos-run': [{ file: 'chaos-experiment.schema.json', heading: 'Experiment file (`experiment:`)' }],
  'model-validate': [
    { file: 'model-validate.schema.json', heading: 'Config file (`config:`)' },
    { file: 'model-metadata.schema.json', heading: 'Model metadata (`metadata:`)' },
  ],
  'readiness-checklist': [{ file: 'readiness.schema.json', heading: 'Checklist file (`checklist:`)' }],
};

export const REGIONS = ['inputs', 'outputs', 'config'] as const;
export type Region = (typeof REGIONS)[number];

export interface ActionInput {
  description: string;
  required: boolean;
  default?: string;
}
export interface ActionDefinition {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, string>;
}

type Schema = Record<string, unknown>;

/** Reads an action.yml: its inputs (with required and default) and outputs (with description). */
export function readActionDefinition(file: string): ActionDefinition {
  const doc = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
  const inputs: Record<string, ActionInput> = {};
  for (const [name, raw] of Object.entries(doc?.inputs ?? {})) {
    const v = (raw ?? {}) as { description?: unknown; required?: unknown; default?: unknown };
    inputs[name] = {
      description: typeof v.description === 'string' ? v.description : '',
      required: v.required === true || v.required === 'true',
      ...(typeof v.default === 'string' || typeof v.default === 'number' || typeof v.default === 'boolean' ? { default: String(v.default) } : {}),
    };
  }
  const outputs: Record<string, string> = {};
  for (const [name, raw] of Object.entries(doc?.outputs ?? {})) {
    const v = (raw ?? {}) as { description?: unknown };
    outputs[name] = typeof v.description === 'string' ? v.description : '';
  }
  return { inputs, outputs };
}

/** A code span that the content cannot close early. */
export function code(s: string): string {
  const text = s.replace(/\r?\n/g, ' ');
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A table cell from trusted project text (descriptions in action.yml and the schemas): code spans are kept,
 * HTML-significant characters outside them are escaped (`<gate>` would otherwise vanish as a tag), `|` is escaped
 * everywhere (GitHub splits cells on it even inside code spans) and line breaks become `<br>`.
 */
export function cell(s: string): string {
  const text = s.replace(/\r\n?/g, '\n').trim();
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    out += escapeProse(text.slice(last, m.index));
    out += m[0].replace(/\n/g, ' ');
    last = m.index + m[0].length;
  }
  out += escapeProse(text.slice(last));
  return out.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function escapeProse(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function inputsTable(action: ActionDefinition): string {
  return table(
    ['input', 'description', 'required', 'default'],
    Object.entries(action.inputs).map(([name, v]) => [code(name), cell(v.description), v.required ? 'yes' : 'no', v.default !== undefined && v.default !== '' ? code(v.default) : '']),
  );
}

export function outputsTable(action: ActionDefinition): string {
  return table(
    ['output', 'description'],
    Object.entries(action.outputs).map(([name, description]) => [code(name), cell(description)]),
  );
}

// ── config reference from a JSON Schema ─────────────────────────────────────────────────────────────────────────

export interface ConfigRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
  default?: unknown;
  enum?: unknown[];
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows local `$ref`s (`#/…` JSON pointers); sibling keywords (a description) override the target's. */
function resolve(root: Schema, s: Schema, seen: string[] = []): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  if (!ref.startsWith('#') || seen.includes(ref)) return { ...s, $ref: undefined };
  let target: unknown = root;
  for (const part of ref.slice(1).split('/').filter((p) => p !== '')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isSchema(target) ? target[key] : undefined;
  }
  if (!isSchema(target)) throw new Error(`unresolvable $ref ${ref}`);
  const { $ref: _ref, ...siblings } = s;
  return { ...resolve(root, target, [...seen, ref]), ...siblings };
}

function alternatives(s: Schema): Schema[] {
  const alts: unknown[] = [...(Array.isArray(s.oneOf) ? (s.oneOf as unknown[]) : []), ...(Array.isArray(s.anyOf) ? (s.anyOf as unknown[]) : [])];
  return alts.filter(isSchema);
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function uniqueJoin(parts: string[]): string {
  return [...new Set(parts)].join(' or ');
}

function typeOf(root: Schema, raw: Schema): string {
  const s = resolve(root, raw);
  if (s.const !== undefined) return jsonType(s.const);
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]).map(String);
    return uniqueJoin(
      types.map((t) => {
        if (t === 'array') return isSchema(s.items) ? `array of ${typeOf(root, s.items)}` : 'array';
        if (t === 'object' && !isSchema(s.properties) && isSchema(s.additionalProperties)) return `map of ${typeOf(root, s.additionalProperties)}`;
        return t;
      }),
    );
  }
  if (Array.isArray(s.enum)) return uniqueJoin(s.enum.map(jsonType));
  const alts = alternatives(s);
  if (alts.length > 0) return uniqueJoin(alts.map((a) => typeOf(root, a)));
  if (isSchema(s.properties)) return 'object';
  if (isSchema(s.additionalProperties)) return `map of ${typeOf(root, s.additionalProperties)}`;
  return 'any';
}

function enumOf(root: Schema, raw: Schema, depth = 0): unknown[] | undefined {
  const s = resolve(root, raw);
  if (Array.isArray(s.enum)) return s.enum as unknown[];
  if (s.const !== undefined) return [s.const];
  if (depth > 3) return undefined;
  const values: unknown[] = [];
  for (const alt of alternatives(s)) values.push(...(enumOf(root, alt, depth + 1) ?? []));
  if (isSchema(s.items)) values.push(...(enumOf(root, s.items, depth + 1) ?? []));
  const unique = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  return unique.length > 0 ? unique : undefined;
}

/** Every property of a schema, depth first, with dotted paths (`a.b`, `list[].c`, `map.<name>.d`). */
export function configRows(root: Schema): ConfigRow[] {
  const rows: ConfigRow[] = [];
  const walk = (raw: Schema, prefix: string, depth: number): void => {
    const s = resolve(root, raw);
    if (depth > 12) return;
    const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    if (isSchema(s.properties)) {
      for (const [name, childRaw] of Object.entries(s.properties)) {
        if (!isSchema(childRaw)) continue;
        const child = resolve(root, childRaw);
        const p = prefix === '' ? name : `${prefix}.${name}`;
        rows.push({
          path: p,
          type: typeOf(root, child),
          required: required.has(name),
          description: typeof child.description === 'string' ? child.description : '',
          ...(child.default !== undefined ? { default: child.default } : {}),
          ...(enumOf(root, child) ? { enum: enumOf(root, child) } : {}),
        });
        descend(child, p, depth);
      }
    }
  };
  const descend = (s: Schema, p: string, depth: number): void => {
    if (isSchema(s.properties)) walk(s, p, depth + 1);
    else if (isSchema(s.additionalProperties)) {
      const value = resolve(root, s.additionalProperties);
      if (isSchema(value.properties)) walk(value, `${p}.<name>`, depth + 1);
    }
    if (isSchema(s.items)) {
      const item = resolve(root, s.items);
      if (isSchema(item.properties)) walk(item, `${p}[]`, depth + 1);
    }
  };
  walk(root, '', 0);
  return rows;
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function configTable(schema: Schema): string {
  return table(
    ['property', 'type', 'required', 'description', 'default', 'enum'],
    configRows(schema).map((r) => [
      code(r.path),
      cell(r.type),
      r.required ? 'yes' : 'no',
      cell(r.description),
      r.default !== undefined ? code(valueText(r.default)) : '',
      r.enum ? r.enum.map((v) => code(valueText(v))).join(', ') : '',
    ]),
  );
}

function configReference(root: string, gate: DocGate): string {
  const parts: string[] = [];
  for (const { file, heading } of CONFIG_SCHEMAS[gate]) {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', file), 'utf8')) as Schema;
    parts.push(`#### ${heading}`, '');
    const description = typeof schema.description === 'string' ? `${cell(schema.description)} ` : '';
    parts.push(`${description}Schema: [\`schemas/${file}\`](../schemas/${file}).`, '');
    parts.push(configTable(schema), '');
  }
  return parts.join('\n').trimEnd();
}

// ── regions ─────────────────────────────────────────────────────────────────────────────────────────────────────

export function replaceRegion(text: string, region: string, content: string, file: string): string {
  const open = `<!-- generated:${region} -->`;
  const close = `<!-- /generated:${region} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < 0 || end < start) throw new Error(`${file}: the markers ${open} … ${close} are missing or out of order`);
  if (text.indexOf(open, start + 1) >= 0) throw new Error(`${file}: ${open} appears twice`);
  return `${text.slice(0, start)}${open}\n${content}\n${text.slice(end)}`;
}

function note(source: string): string {
  return `<!-- Generated from ${source} by scripts/gen-docs.ts (npm run build). Do not edit by hand. -->`;
}

/** Path (relative to `root`, with `/`) → the full new content of each docs file, generated regions filled in. */
export function generateDocs(root: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const gate of DOC_GATES) {
    const rel = `docs/${gate}.md`;
    const file = path.join(root, rel);
    if (!existsSync(file)) throw new Error(`${rel} is missing`);
    const action = readActionDefinition(path.join(root, 'actions', gate, 'action.yml'));
    let text = readFileSync(file, 'utf8');
    text = replaceRegion(text, 'inputs', `${note(`actions/${gate}/action.yml`)}\n${inputsTable(action)}`, rel);
    text = replaceRegion(text, 'outputs', `${note(`actions/${gate}/action.yml`)}\n${outputsTable(action)}`, rel);
    const schemas = CONFIG_SCHEMAS[gate].map((s) => `schemas/${s.file}`).join(', ');
    text = replaceRegion(text, 'config', `${note(schemas)}\n${configReference(root, gate)}`, rel);
    docs.set(rel, text);
  }
  // Other pages have no generated regions; they are listed unchanged so the map covers every docs file.
  const dir = path.join(root, 'docs');
  for (const f of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const rel = `docs/${f}`;
    if (f.endsWith('.md') && !docs.has(rel)) docs.set(rel, readFileSync(path.join(dir, f), 'utf8'));
  }
  return docs;
}

/** The docs files whose content on disk differs from what generateDocs makes. */
export function driftedDocs(root: string, docs = generateDocs(root)): string[] {
  return [...docs].filter(([rel, content]) => readFileSync(path.join(root, rel), 'utf8') !== content).map(([rel]) => rel);
}

function main(argv: string[]): number {
  const rootFlag = argv.indexOf('--root');
  const rootArg = rootFlag >= 0 ? argv[rootFlag + 1] : undefined;
  const root = path.resolve(rootArg ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const docs = generateDocs(root);
  const drifted = driftedDocs(root, docs);
  if (argv.includes('--check')) {
    if (drifted.length > 0) {
      console.error(`docs out of date (run \`npm run build\`):\n${drifted.map((f) => `  ${f}`).join('\n')}`);
      return 1;
    }
    console.log('docs are up to date');
    return 0;
  }
  for (const rel of drifted) writeFileSync(path.join(root, rel), docs.get(rel) ?? '');
  console.log(drifted.length > 0 ? `docs written: ${drifted.join(', ')}` : 'docs are up to date');
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
