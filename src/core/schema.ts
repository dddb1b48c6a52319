import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * One ajv instance for every schema in the project (JSON Schema 2020-12). Settings:
 * - `allErrors`: report every problem at once, not only the first;
 * - `useDefaults`: validation fills in `default` values, mutating the validated data;
 * - `verbose`: errors carry the failing schema and data, used to word messages for users;
 * - strict about schema keywords, so a typo in a schema fails at compile time.
 * Formats: only `date-time` and `uri` are known; others fail to compile.
 */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('uri', { type: 'string', validate: isUri });
  return ajv;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function isDateTime(s: string): boolean {
  return DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T')));
}

function isUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URL.canParse(s);
}

let ajv: Ajv2020 | undefined;
const byObject = new WeakMap<object, ValidateFunction>();
// A schema read twice from disk is a new object with the same `$id`, which ajv refuses to compile again.
const byText = new Map<string, ValidateFunction>();

/** A compiled validator for `schema`, compiled once per schema. Throws if the schema itself is invalid. */
export function getValidator<T = unknown>(schema: object): ValidateFunction<T> {
  let validate = byObject.get(schema);
  if (validate === undefined) {
    const text = JSON.stringify(schema);
    validate = byText.get(text);
    if (validate === undefined) {
      ajv ??= createAjv();
      validate = ajv.compile(schema);
      byText.set(text, validate);
    }
    byObject.set(schema, validate);
  }
  return validate as ValidateFunction<T>;
}
