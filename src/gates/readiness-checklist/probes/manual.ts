import type { Probe } from '../types.js';
import { oneLine, SpecReader } from './command.js';

/** A sign-off ticked in readiness.yml: `checked: true` with the owner who signed it off in `by`. */
export const manualProbe: Probe = {
  type: 'manual',

  validate(spec, where) {
    const r = new SpecReader(spec, where, ['checked', 'by']);
    r.boolean('checked');
    r.string('by');
  },

  run(spec) {
    const by = typeof spec.by === 'string' && spec.by.trim() !== '' ? oneLine(spec.by, 80) : undefined;
    if (spec.checked !== true) return Promise.resolve({ status: 'fail', summary: 'not signed off' });
    if (by === undefined) return Promise.resolve({ status: 'inconclusive', summary: 'ticked without a named owner (add `by:`)' });
    return Promise.resolve({ status: 'pass', summary: `signed off by ${by}` });
  },
};
