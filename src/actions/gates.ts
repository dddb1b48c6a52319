import type { Gate } from '../core/gate.js';
import type { GateName } from '../core/report/model.js';

/** Each gate is loaded on demand, so an action evaluates only its own gate's code. */
export async function loadGate(name: GateName): Promise<Gate> {
  switch (name) {
    case 'perf-gate':
      return (await import('../gates/perf-gate/index.js')).gate;
    case 'chaos-run':
      return (await import('../gates/chaos-run/index.js')).gate;
    case 'model-validate':
      return (await import('../gates/model-validate/index.js')).gate;
    case 'readiness-checklist':
      return (await import('../gates/readiness-checklist/index.js')).gate;
  }
}
