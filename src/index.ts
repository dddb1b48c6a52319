/** The bundle's public surface: dist/<action>/<phase>.js and dist/cli.js import these. No side effects here. */
export { runAction } from './actions/entry.js';
export { cli } from './cli/main.js';
