import type { Location } from './report/model.js';

/**
 * Something the user must fix: bad input, a bad config file, a missing file. Reported as an `::error`
 * annotation on the file and line when known; the CLI exits 2. Everything else is a bug (exit 3).
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly location: Location | undefined;
  readonly field: string | undefined;
  constructor(message: string, opts: { location?: Location; field?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.location = opts.location;
    this.field = opts.field;
  }
}

export function isConfigurationError(e: unknown): e is ConfigurationError {
  return e instanceof ConfigurationError;
}

/** A message for any thrown value, including non-Error throws. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
