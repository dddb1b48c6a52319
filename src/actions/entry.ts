import * as core from '@actions/core';
import { actionMain } from '../core/runtime/action.js';
import { GATES, type GateName } from '../core/report/model.js';
import { loadGate } from './gates.js';

/**
 * Entry of every action step. `action` is a gate name, or `root` for the root action whose `gate` input picks
 * the gate. dist/<action>/<phase>.js are two-line files that call this.
 */
export async function runAction(action: GateName | 'root', phase: 'main' | 'post'): Promise<never> {
  let gate: GateName;
  if (action === 'root') {
    const chosen = core.getInput('gate').trim();
    if (!(GATES as readonly string[]).includes(chosen)) {
      core.setFailed(`input \`gate\`: ${JSON.stringify(chosen)} is not a shipgate gate; use one of ${GATES.join(', ')}.`);
      process.exit(1);
    }
    gate = chosen as GateName;
  } else {
    gate = action;
  }
  try {
    return await actionMain(await loadGate(gate), phase);
  } catch (e) {
    core.setFailed(`internal error: could not load ${gate}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
