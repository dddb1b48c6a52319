import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, object>();

/**
 * The JSON Schemas in the repository's schemas/ folder, read at run time. The folder ships beside dist/ (an
 * action checkout holds the whole repository; the npm package lists it in `files`), and is found by walking up
 * from this module, so the same code works from src/ under tsx and from the bundle in dist/.
 */
export function schemaFile(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'schemas', name);
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`internal error: schemas/${name} not found above ${path.dirname(fileURLToPath(import.meta.url))}`);
    dir = up;
  }
}

export function loadSchema(name: string): object {
  let s = cache.get(name);
  if (!s) {
    s = JSON.parse(readFileSync(schemaFile(name), 'utf8')) as object;
    cache.set(name, s);
  }
  return s;
}
