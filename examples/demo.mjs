// npm run demo: shipgate's CLI from the committed bundle (dist/) against the bundled example system, on loopback.
// Plain JavaScript on purpose: it needs nothing but `npm ci`. Writes shipgate-report/.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const out = path.join(root, 'shipgate-report');
const work = path.join(root, '.tmp', 'demo');
const children = new Set();

function shipgate(args, cwd = root) {
  try {
    execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd });
    return 0;
  } catch (e) {
    return typeof e.status === 'number' ? e.status : 3;
  }
}

/** Start the example service; resolves with its port once it listens. */
function startService(extra = []) {
  const child = spawn(process.execPath, [path.join(root, 'examples/service/server.mjs'), '--port', '0', '--data', path.join(work, 'data'), ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve({ port: Number(m[1]), stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); children.delete(child); }) });
    });
    child.once('exit', (code) => reject(new Error(`the example service exited (${code})`)));
  });
}
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

const load = (port) => `node ${JSON.stringify(path.join(root, 'examples/load/load.mjs'))} --url http://127.0.0.1:${port} --requests 2000 --concurrency 8 --out latency.txt`;
const perf = (name, port, extra = []) => shipgate(['perf-gate', '--name', name, '--run', load(port), '--current', 'latency.txt', '--format', 'latency-log', '--repetitions', '5', '--warmup', '1', '--config', path.join(root, 'examples/perf/perf-gate.yml'), '--report-dir', path.join(out, `perf-gate-${name}`), ...extra], work);

console.log(`shipgate demo on Node ${process.versions.node}\n`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// The committed baseline (baselines/demo.json) is the demo's store; from other hardware it is flagged.
cpSync(path.join(root, 'baselines'), path.join(work, 'baselines'), { recursive: true });
const results = [];

console.log('» perf-gate: load the example service, compare with the committed baseline');
let svc = await startService();
results.push(['perf-gate (committed baseline)', perf('demo', svc.port)]);

console.log('\n» perf-gate: record a baseline on this machine');
results.push(['perf-gate (record baseline)', perf('local', svc.port, ['--update-baseline'])]);
await svc.stop();

console.log('\n» perf-gate: the same load against a build that answers 2 ms slower (expect a regression)');
svc = await startService(['--delay-ms', '2']);
results.push(['perf-gate (slowed service)', perf('local', svc.port)]);
await svc.stop();

console.log('\n» model-validate: train two Iris classifiers, judge the candidate against the baseline model, check drift');
execFileSync(process.execPath, [path.join(root, 'examples/model/train.mjs'), path.join(work, 'model')], { stdio: 'inherit' });
results.push([
  'model-validate (iris)',
  shipgate(
    [
      'model-validate', '--name', 'iris',
      '--predictions', 'model/predictions.csv', '--baseline', 'model/baseline-predictions.csv',
      '--reference', 'model/reference.csv', '--current', 'model/current.csv',
      '--config', path.join(root, 'examples/model/model-validate.yml'), '--metadata', path.join(root, 'examples/model/model.yml'),
      '--report-dir', path.join(out, 'model-validate'),
    ],
    work,
  ),
]);

console.log('\n» chaos-run: slow the network to the example service through the proxy, kill it mid-write, restart it, and prove no acknowledged write was lost');
const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const [svcPort, proxyPort] = [await freePort(), await freePort()];
writeFileSync(
  path.join(work, 'chaos.yml'),
  readFileSync(path.join(root, 'examples/chaos/experiment.yml'), 'utf8')
    .replaceAll('{{service}}', path.join(root, 'examples/service/server.mjs'))
    .replaceAll('{{data}}', path.join(work, 'chaos-data'))
    .replaceAll('{{port}}', String(svcPort))
    .replaceAll('{{proxy_port}}', String(proxyPort)),
);
results.push(['chaos-run (kill + slow network)', shipgate(['chaos-run', '--name', 'example-service', '--experiment', 'chaos.yml', '--ledger-dir', path.join(work, 'chaos-ledger'), '--report-dir', path.join(out, 'chaos-run')], work)]);

console.log('\n» readiness-checklist: live probes of the running service, and items that read the reports above');
svc = await startService();
writeFileSync(path.join(work, 'readiness.yml'), readFileSync(path.join(root, 'examples/readiness/readiness.yml'), 'utf8').replaceAll('{{port}}', String(svc.port)));
results.push(['readiness-checklist', shipgate(['readiness-checklist', '--name', 'example-service', '--checklist', 'readiness.yml', '--reports-dir', out, '--report-dir', path.join(out, 'readiness-checklist')], work)]);
await svc.stop();

console.log('\n» rendering an example readiness report through every local sink');
results.push(['report (example readiness)', shipgate(['report', path.join(root, 'examples/reports/readiness-example.json'), '--report-dir', path.join(out, 'example')])]);

console.log('\nstep                               exit');
for (const [step, code] of results) console.log(`${step.padEnd(35)}${code}`);
console.log(`\nreports: ${path.relative(process.cwd(), out)}/`);
// Exit 1 is a gate that failed as designed (the slowed service, the example report); 2 and 3 are demo failures.
process.exit(results.some(([, c]) => c > 1) ? 1 : 0);
