/** Runs the CLI from source (`node --import tsx src/cli/run.ts …`), as dist/cli.js does from the bundle. */
import { cli } from './main.js';

process.exit(await cli(process.argv.slice(2)));
