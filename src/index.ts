/**
 * The bundle's public surface: dist/<action>/<phase>.js and dist/cli.js import these. No side effects here.
 * Both load their code on demand, so the CLI never parses the artifact and cache clients it does not use.
 */
import type { GateName } from './core/report/model.js';

export async function runAction(action: GateName | 'root', phase: 'main' | 'post'): Promise<never> {
  return (await import('./actions/entry.js')).runAction(action, phase);
}

export async function cli(argv: string[]): Promise<number> {
  return (await import('./cli/main.js')).cli(argv);
}
