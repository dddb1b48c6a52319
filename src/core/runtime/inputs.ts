import * as core from '@actions/core';
import { ConfigurationError } from '../errors.js';

/**
 * Typed access to action inputs. An empty string means "absent", as the runner passes unset optional inputs
 * as empty strings. Every error names the input, what was given and what is accepted.
 */
export interface InputSource {
  get(name: string): string | undefined;
}

/** Inputs of the running action (INPUT_<NAME> env, via @actions/core). */
export const actionInputs: InputSource = {
  get(name) {
    const v = core.getInput(name);
    return v === '' ? undefined : v;
  },
};

/** Inputs from a plain map (tests, the CLI). */
export function mapInputs(values: Record<string, string | undefined>): InputSource {
  return {
    get(name) {
      const v = values[name]?.trim();
      return v === undefined || v === '' ? undefined : v;
    },
  };
}

function bad(name: string, given: string, expected: string): ConfigurationError {
  return new ConfigurationError(`input \`${name}\`: got ${JSON.stringify(given)}, expected ${expected}. Fix the \`with:\` of this step.`, {
    field: `inputs.${name}`,
  });
}

export class InputReader {
  constructor(private readonly source: InputSource) {}

  optional(name: string): string | undefined {
    return this.source.get(name);
  }

  string(name: string, fallback: string): string {
    return this.source.get(name) ?? fallback;
  }

  required(name: string): string {
    const v = this.source.get(name);
    if (v === undefined) {
      throw new ConfigurationError(`input \`${name}\` is required and was not supplied. Add it under \`with:\`.`, { field: `inputs.${name}` });
    }
    return v;
  }

  /** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts. */
  boolean(name: string, fallback: boolean): boolean {
    const v = this.source.get(name);
    if (v === undefined) return fallback;
    if (['true', 'True', 'TRUE'].includes(v)) return true;
    if (['false', 'False', 'FALSE'].includes(v)) return false;
    throw bad(name, v, 'true or false');
  }

  number(name: string, fallback: number, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
    const v = this.source.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    const expected = `${opts.integer ? 'an integer' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}${opts.max !== undefined ? ` ≤ ${opts.max}` : ''}`;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) throw bad(name, v, expected);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) throw bad(name, v, expected);
    return n;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const v = this.source.get(name);
    if (v === undefined) return fallback;
    if ((values as readonly string[]).includes(v)) return v as T;
    throw bad(name, v, `one of ${values.join(', ')}`);
  }

  /** Comma- or newline-separated list. */
  list(name: string): string[] {
    const v = this.source.get(name);
    if (v === undefined) return [];
    return v
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}
