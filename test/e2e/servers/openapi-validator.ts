import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  openapi: string;
  info: JsonObject;
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, JsonObject>>;
}

export interface ApiRequest {
  method: string;
  /** URL path without query string, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface RequestValidation {
  operationId: string;
  pathTemplate: string;
  docsUrl: string;
  /** Path and query parameters after type coercion, with the documented defaults filled in. */
  params: Record<string, unknown>;
  /** Empty when the request conforms to the description. */
  errors: string[];
}

interface CompiledOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  docsUrl: string;
  matcher: RegExp;
  paramNames: string[];
  literalSegments: number;
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  body?: { required: boolean; validate: ValidateFunction };
  /** Documented statuses → JSON response schema (undefined when not JSON); compiled lazily into `compiled`. */
  responses: Map<string, Json | undefined>;
  compiled: Map<string, ValidateFunction>;
}

const SCHEMA_BASE = 'https://openapi-subset.test/doc.json';
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const SAMPLE_TIME = '2024-01-01T00:00:00Z';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const asString = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

function schemaMap(map: Json | undefined, fn: (s: Json) => Json): Json | undefined {
  if (!isObject(map)) return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, fn(v)]));
}

/** OpenAPI 3.0 schema → JSON Schema ajv understands: `nullable` becomes a null type, refs become absolute. */
export function toJsonSchema(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const out: JsonObject = { ...schema };
  if (typeof out.$ref === 'string' && out.$ref.startsWith('#/')) out.$ref = `${SCHEMA_BASE}${out.$ref}`;
  for (const key of ['properties', 'patternProperties'] as const) {
    const mapped = schemaMap(out[key], toJsonSchema);
    if (mapped !== undefined) out[key] = mapped;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(toJsonSchema);
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    const inner = out[key];
    if (inner !== undefined) out[key] = Array.isArray(inner) ? inner.map(toJsonSchema) : toJsonSchema(inner);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

function resolveLocal(doc: OpenApiDocument, value: Json | undefined, depth = 0): Json | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return value;
  if (depth > 16) throw new Error(`$ref cycle at ${value.$ref}`);
  let node: unknown = doc;
  for (const part of value.$ref.replace(/^#\//, '').split('/')) {
    node = isObject(node) ? node[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  }
  if (node === undefined) throw new Error(`dangling $ref ${value.$ref}`);
  return resolveLocal(doc, node as Json, depth + 1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    let detail = '';
    if (e.keyword === 'enum') detail = `: ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`;
    return `${where}${e.instancePath} ${e.message ?? e.keyword}${detail}`;
  });
}

function newAjv(coerce: boolean): Ajv {
  // OpenAPI annotations (example, discriminator, x-*) are not JSON Schema keywords; strict mode would reject them.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: coerce });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  return ajv;
}

export class OpenApiValidator {
  readonly #doc: OpenApiDocument;
  readonly #operations: CompiledOperation[] = [];
  readonly #byId = new Map<string, CompiledOperation>();
  readonly #bodyAjv = newAjv(false);
  readonly #paramAjv = newAjv(true);

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    const root = { $id: SCHEMA_BASE, components: { schemas: schemaMap(doc.components.schemas ?? {}, toJsonSchema) ?? {} } };
    this.#bodyAjv.addSchema(root);
    this.#paramAjv.addSchema(root);
    for (const [pathTemplate, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method) || !isObject(op)) continue;
        const compiled = this.#compile(pathTemplate, method, op, item.parameters);
        this.#operations.push(compiled);
        this.#byId.set(compiled.operationId, compiled);
      }
    }
    // Literal segments win over templated ones, as in GitHub's router.
    this.#operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  static fromFile(file: string | URL): OpenApiValidator {
    return new OpenApiValidator(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  get document(): OpenApiDocument {
    return this.#doc;
  }

  operationIds(): string[] {
    return [...this.#byId.keys()].sort();
  }

  #compile(pathTemplate: string, method: string, op: JsonObject, shared: Json | undefined): CompiledOperation {
    const operationId = asString(op.operationId);
    const params = [...asList(shared), ...asList(op.parameters)]
      .map((p) => resolveLocal(this.#doc, p))
      .filter(isObject);
    const byLocation = (location: string): Json => {
      const list = params.filter((p) => p.in === location);
      return {
        type: 'object',
        properties: Object.fromEntries(list.map((p) => [asString(p.name), toJsonSchema(p.schema ?? {})])),
        required: list.filter((p) => p.required === true).map((p) => asString(p.name)),
      };
    };
    const multiSegment = new Set(params.filter((p) => p.in === 'path' && p['x-multi-segment'] === true).map((p) => asString(p.name)));
    const paramNames: string[] = [];
    let literalSegments = 0;
    const pattern = pathTemplate
      .split('/')
      .map((segment) => {
        const m = /^\{(\w+)\}$/.exec(segment);
        if (!m?.[1]) {
          literalSegments += 1;
          return escapeRegExp(segment);
        }
        paramNames.push(m[1]);
        return multiSegment.has(m[1]) ? '(.+)' : '([^/]+)';
      })
      .join('/');

    let body: CompiledOperation['body'];
    const requestBody = resolveLocal(this.#doc, op.requestBody);
    if (isObject(requestBody) && isObject(requestBody.content)) {
      const media = requestBody.content['application/json'];
      if (isObject(media) && media.schema !== undefined) {
        body = { required: requestBody.required === true, validate: this.#bodyAjv.compile(toJsonSchema(media.schema) as object) };
      }
    }

    const responses = new Map<string, Json | undefined>();
    for (const [status, raw] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      const response = resolveLocal(this.#doc, raw);
      const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
      responses.set(status, isObject(media) ? media.schema : undefined);
    }

    const docs = isObject(op.externalDocs) ? op.externalDocs.url : undefined;
    return {
      operationId,
      method: method.toUpperCase(),
      pathTemplate,
      docsUrl: typeof docs === 'string' ? docs : 'https://docs.github.com/rest',
      matcher: new RegExp(`^${pattern}/?$`),
      paramNames,
      literalSegments,
      validatePath: this.#paramAjv.compile(byLocation('path') as object),
      validateQuery: this.#paramAjv.compile(byLocation('query') as object),
      ...(body ? { body } : {}),
      responses,
      compiled: new Map(),
    };
  }

  /** The operation a request addresses, or undefined when the description has none for this method and path. */
  match(method: string, path: string): { operationId: string; pathTemplate: string; pathParams: Record<string, string> } | undefined {
    for (const op of this.#operations) {
      if (op.method !== method.toUpperCase()) continue;
      const m = op.matcher.exec(path);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      let decodable = true;
      op.paramNames.forEach((name, i) => {
        try {
          pathParams[name] = decodeURIComponent(m[i + 1] ?? '');
        } catch {
          decodable = false;
        }
      });
      if (decodable) return { operationId: op.operationId, pathTemplate: op.pathTemplate, pathParams };
    }
    return undefined;
  }

  /** Validates path, query and JSON body; undefined means no such operation. */
  validateRequest(req: ApiRequest): RequestValidation | undefined {
    const matched = this.match(req.method, req.path);
    if (!matched) return undefined;
    const op = this.#byId.get(matched.operationId);
    if (!op) return undefined;
    const errors: string[] = [];
    const pathParams: Record<string, unknown> = { ...matched.pathParams };
    if (!op.validatePath(pathParams)) errors.push(...formatErrors('path', op.validatePath.errors));
    const query: Record<string, unknown> = { ...req.query };
    if (!op.validateQuery(query)) errors.push(...formatErrors('query', op.validateQuery.errors));
    if (op.body) {
      if (req.body === undefined) {
        if (op.body.required) errors.push('body is required');
      } else if (!op.body.validate(req.body)) {
        errors.push(...formatErrors('body', op.body.validate.errors));
      }
    }
    return { operationId: op.operationId, pathTemplate: op.pathTemplate, docsUrl: op.docsUrl, params: { ...query, ...pathParams }, errors };
  }

  /** Validates a JSON response body against the schema documented for the status; undefined when none is documented. */
  validateResponse(operationId: string, status: number, body: unknown): string[] | undefined {
    const op = this.#byId.get(operationId);
    if (!op) return [`no such operation ${operationId}`];
    const key = op.responses.has(String(status)) ? String(status) : op.responses.has('default') ? 'default' : undefined;
    const schema = key === undefined ? undefined : op.responses.get(key);
    if (key === undefined || schema === undefined) return undefined;
    // Response schemas are large (full-repository, pull-request), so they compile on first use.
    let validate = op.compiled.get(key);
    if (!validate) {
      validate = this.#bodyAjv.compile(toJsonSchema(schema) as object);
      op.compiled.set(key, validate);
    }
    return validate(body) ? [] : formatErrors('response', validate.errors);
  }

  /** A minimal instance of components.schemas[name] that satisfies its schema: required fields only, placeholder values. */
  sample(name: string): JsonObject {
    const schema = this.#doc.components.schemas?.[name];
    if (!schema) throw new Error(`no schema ${name}`);
    const value = this.#sample(schema, 0, true);
    if (!isObject(value)) throw new Error(`schema ${name} is not an object schema`);
    return value;
  }

  #sample(raw: Json | undefined, depth: number, top = false): Json {
    if (depth > 24) throw new Error('schema too deep to sample');
    const schema = resolveLocal(this.#doc, raw);
    if (!isObject(schema)) return null;
    if (schema.nullable === true && !top) return null;
    if (schema.default !== undefined) return schema.default;
    if (Array.isArray(schema.enum)) return schema.enum[0] ?? null;
    const branches = schema.oneOf ?? schema.anyOf;
    if (Array.isArray(branches) && branches[0] !== undefined) return this.#sample(branches[0], depth + 1);
    if (Array.isArray(schema.allOf)) {
      return Object.assign({}, ...schema.allOf.map((s) => this.#sample(s, depth + 1)).filter(isObject)) as JsonObject;
    }
    switch (schema.type) {
      case 'object': {
        const props = isObject(schema.properties) ? schema.properties : {};
        const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
        return Object.fromEntries(required.map((key) => [key, key in props ? this.#sample(props[key], depth + 1) : null]));
      }
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return typeof schema.minimum === 'number' ? schema.minimum : 0;
      case 'boolean':
        return false;
      case 'string':
        if (schema.format === 'date-time') return SAMPLE_TIME;
        if (schema.format === 'uri') return 'https://github.com';
        if (schema.format === 'email') return 'octocat@example.com';
        return '';
      default:
        return null;
    }
  }
}

let shared: OpenApiValidator | undefined;

/** The validator for the committed subset (test/e2e/servers/openapi-subset.json), built once. */
export function subsetValidator(): OpenApiValidator {
  shared ??= OpenApiValidator.fromFile(new URL('./openapi-subset.json', import.meta.url));
  return shared;
}

export function validateRequest(req: ApiRequest): RequestValidation | undefined {
  return subsetValidator().validateRequest(req);
}

export function validateResponse(operationId: string, status: number, body: unknown): string[] | undefined {
  return subsetValidator().validateResponse(operationId, status, body);
}
