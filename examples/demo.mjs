// npm run demo: runs shipgate's CLI from the committed bundle (dist/) on the bundled example, writing
// shipgate-report/. Plain JavaScript on purpose: it needs nothing but `npm ci`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const out = path.join(root, 'shipgate-report');

function shipgate(args) {
  try {
    execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
    return 0;
  } catch (e) {
    return typeof e.status === 'number' ? e.status : 3;
  }
}

console.log(`shipgate demo on Node ${process.versions.node}\n`);
console.log('» rendering the example readiness report through every local sink');
const code = shipgate(['report', path.join(root, 'examples/reports/readiness-example.json'), '--report-dir', path.join(out, 'example')]);
console.log(`\nexit code ${code} (1 = the example gate failed, as its report says)`);
console.log(`report files: ${path.relative(process.cwd(), path.join(out, 'example'))}/ (report.json, report.md, junit.xml)`);
process.exit(code === 0 || code === 1 ? 0 : code);
