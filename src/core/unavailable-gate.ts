import type { Gate } from './gate.js';
import type { GateName } from './report/model.js';

/** A gate whose implementation is not part of this version: it reports `error` and says so, never a verdict. */
export function unavailableGate(gate: GateName): Gate {
  return {
    gate,
    run: () => Promise.reject(new Error(`${gate} is not implemented in this version of shipgate yet; no verdict was computed`)),
  };
}
