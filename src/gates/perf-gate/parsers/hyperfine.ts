import { Collector, isRecord, peekJson, readJson, shapeError } from './common.js';
import type { Parser } from './types.js';

/** `hyperfine --export-json FILE` output. */
export const hyperfineParser: Parser = {
  format: 'hyperfine',
  detect(_file, text) {
    const v = peekJson(text);
    if (!isRecord(v) || !Array.isArray(v.results)) return false;
    const first: unknown = v.results[0];
    return isRecord(first) && 'command' in first && ('times' in first || 'mean' in first);
  },
  parse(file, text) {
    const doc = readJson(file, text);
    if (!isRecord(doc) || !Array.isArray(doc.results)) throw shapeError(file, 'hyperfine', 'expected an object with a `results` list');
    const out = new Collector(file, 'hyperfine', 'Give each command a distinct name with hyperfine --command-name');
    const withoutTimes: string[] = [];
    doc.results.forEach((r: unknown, index) => {
      if (!isRecord(r) || typeof r.command !== 'string' || r.command === '') {
        out.problem(undefined, `results[${index}] has no \`command\`. Produce the file again with hyperfine --export-json`);
        return;
      }
      const id = r.command;
      let samples: unknown[];
      if (Array.isArray(r.times)) {
        samples = r.times;
      } else {
        withoutTimes.push(id);
        samples = [r.mean];
      }
      if (Array.isArray(r.exit_codes)) {
        const failed = r.exit_codes.filter((c) => c !== 0).length;
        if (failed > 0) out.warn(`${JSON.stringify(id)}: ${failed} of ${r.exit_codes.length} runs exited with an error; their times are included`);
      }
      out.add({ benchmark: id, metric: 'time', unit: 's', direction: 'lower', samples });
    });
    if (withoutTimes.length > 0) {
      out.warn(`no per-run times for ${withoutTimes.join(', ')}: the mean is used as one sample. Use a hyperfine version that exports \`times\``);
    }
    return out.finish();
  },
};
