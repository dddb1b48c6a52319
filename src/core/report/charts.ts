/**
 * Headless chart rendering: vega-lite specs compiled and drawn to SVG by vega, for the report directory.
 *
 * Untrusted text must only enter a spec as data values or literal title text, never inside an expression; vega
 * escapes text when it writes SVG. No URL is loaded: data are inline and the loader refuses every request.
 */
import type { Loader, LoggerInterface } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** vega and vega-lite are loaded on the first chart, not when a gate's module is (about 300 ms of start-up). */
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/** A logger that keeps nothing: library code must not print. */
const SILENT: LoggerInterface = {
  level(this: LoggerInterface, _?: number) {
    return _ === undefined ? 0 : this;
  },
  error() {
    return this;
  },
  warn() {
    return this;
  },
  info() {
    return this;
  },
  debug() {
    return this;
  },
};

const refuse = (): Promise<never> => Promise.reject(new Error('charts load no external resources'));
/** A loader that loads nothing, so a spec can never fetch a URL or read a file. */
const NO_LOADER: Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

/** Renders a vega-lite spec (with inline data) to an SVG document. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  const [{ parse, View }, { compile }] = await libraries;
  const { spec: vg } = compile(spec, { logger: SILENT });
  const view = new View(parse(vg), { renderer: 'none', logger: SILENT, loader: NO_LOADER });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
