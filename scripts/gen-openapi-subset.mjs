// Writes test/e2e/servers/openapi-subset.json: the operations the e2e GitHub API server implements, taken from
// @octokit/openapi, with exactly the components they reference. Usage: node scripts/gen-openapi-subset.mjs [out]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPERATION_IDS = [
  'users/get-authenticated',
  'repos/get',
  'repos/get-content',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'checks/create',
  'checks/update',
  'checks/get',
  'checks/list-annotations',
  'checks/list-for-ref',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-reviews',
  'pulls/create-review',
  'teams/get-membership-for-user-in-org',
  'actions/list-workflow-run-artifacts',
  'actions/download-artifact',
];

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = resolve(root, 'node_modules/@octokit/openapi');

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

// Examples are documentation only and make up most of the size; the validator never reads them.
function dropMediaExamples(operation) {
  const clone = structuredClone(operation);
  const contents = [clone.requestBody?.content, ...Object.values(clone.responses ?? {}).map((r) => r.content)];
  for (const content of contents) {
    for (const media of Object.values(content ?? {})) delete media.examples;
  }
  return clone;
}

function collectRefs(node, found) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else collectRefs(value, found);
    }
  }
}

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  const parts = ref.slice(2).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node = doc;
  for (const part of parts) {
    node = node?.[part];
    if (node === undefined) throw new Error(`dangling $ref: ${ref}`);
  }
  return { parts, node };
}

export function buildSubset(spec, packageVersion, operationIds = OPERATION_IDS) {
  const wanted = new Set(operationIds);
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !wanted.has(operation.operationId)) continue;
      wanted.delete(operation.operationId);
      paths[path] ??= {};
      if (item.parameters) paths[path].parameters = item.parameters;
      paths[path][method] = dropMediaExamples(operation);
    }
  }
  if (wanted.size > 0) throw new Error(`operations not found: ${[...wanted].join(', ')}`);

  const components = {};
  const seen = new Set();
  const pending = new Set();
  collectRefs(paths, pending);
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const { parts, node } = resolvePointer(spec, ref);
    if (parts[0] !== 'components' || parts.length !== 3) throw new Error(`unsupported $ref: ${ref}`);
    const [, section, name] = parts;
    components[section] ??= {};
    components[section][name] = node;
    const inner = new Set();
    collectRefs(node, inner);
    for (const r of inner) if (!seen.has(r)) pending.add(r);
  }

  return sortKeys({
    openapi: spec.openapi,
    info: {
      ...spec.info,
      title: `${spec.info.title} (subset)`,
      'x-octokit-openapi-version': packageVersion,
      'x-subset-operations': [...operationIds].sort(),
    },
    paths,
    components,
  });
}

function main() {
  const out = resolve(process.argv[2] ?? resolve(root, 'test/e2e/servers/openapi-subset.json'));
  const spec = JSON.parse(readFileSync(resolve(specDir, 'generated/api.github.com.json'), 'utf8'));
  const { version } = JSON.parse(readFileSync(resolve(specDir, 'package.json'), 'utf8'));
  const subset = buildSubset(spec, version);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
  console.log(`wrote ${out} (${Object.keys(subset.paths).length} paths)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
