import * as core from '@actions/core';
import type { Location } from './report/model.js';

/** Logging that reads right both on a runner (workflow commands) and in a terminal (the CLI). */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, location?: Location): void;
  error(message: string, location?: Location): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

function props(location?: Location): core.AnnotationProperties | undefined {
  if (!location) return undefined;
  return { file: location.file, startLine: location.line, endLine: location.endLine, startColumn: location.column };
}

export const actionLogger: Logger = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  warning: (m, l) => core.warning(m, props(l)),
  error: (m, l) => core.error(m, props(l)),
  group: (name, fn) => core.group(name, fn),
};

function where(l?: Location): string {
  if (!l) return '';
  return `${l.file}${l.line !== undefined ? `:${l.line}` : ''}: `;
}

export function consoleLogger(opts: { verbose?: boolean; stream?: NodeJS.WritableStream } = {}): Logger {
  const out = opts.stream ?? process.stderr;
  return {
    info: (m) => out.write(`${m}\n`),
    debug: (m) => {
      if (opts.verbose) out.write(`debug: ${m}\n`);
    },
    warning: (m, l) => out.write(`warning: ${where(l)}${m}\n`),
    error: (m, l) => out.write(`error: ${where(l)}${m}\n`),
    group: async (name, fn) => {
      out.write(`── ${name}\n`);
      return fn();
    },
  };
}
