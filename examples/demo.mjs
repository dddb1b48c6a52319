// npm run demo: shipgate's CLI from the committed bundle (dist/) against the bundled example system, on loopback.
// Plain JavaScript on purpose: it needs nothing but `npm ci`. Writes the reports and an index.html to --out
// (default shipgate-report/), scratch files and each command's full output to --work (default .tmp/demo).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { keyFigures, machineFacts, readReport, skippedFeatures, table } from './demo/summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node examples/demo.mjs [--out DIR] [--work DIR] [--verbose]
  --out DIR    reports and index.html (default: shipgate-report/ in the repository)
  --work DIR   scratch files and each command's full output (default: .tmp/demo in the repository)
  --verbose    show each command's full output as it runs`;

let opts;
try {
  opts = parseArgs({ options: { out: { type: 'string' }, work: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`the demo needs Node 24 or later, this is Node ${process.versions.node}: run it as \`npm run demo\` (npm ci installs Node 24 into node_modules)`);
  process.exit(2);
}
const out = path.resolve(opts.out ?? path.join(root, 'shipgate-report'));
const work = path.resolve(opts.work ?? path.join(root, '.tmp', 'demo'));
const logs = path.join(work, 'logs');
// SHIPGATE_DEMO_CLI: node arguments (a JSON array) that run the CLI in place of dist/cli.js, e.g.
// ["--import", "<repo>/node_modules/tsx/dist/loader.mjs", "<repo>/src/cli/run.ts"] to run it from source.
const cliArgv = process.env.SHIPGATE_DEMO_CLI ? JSON.parse(process.env.SHIPGATE_DEMO_CLI) : [path.join(root, 'dist', 'cli.js')];
const tty = Boolean(process.stdout.isTTY);
const WORK_MARKER = '.shipgate-demo';
/** A path as the user would type it from here: relative below the current directory, else absolute. */
const shown = (p) => {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
};

// ---- processes: each child leads its own process group, so a stop reaches everything it started ----

const groups = new Set();
const live = new Set();
let stopping;

function signalGroups(signal) {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      groups.delete(pgid); // the whole group is gone
    }
  }
}

/** Start `node ARGV` in its own process group; output goes to `log` (and the terminal with --verbose). */
function startNode(argv, { cwd, log, onLine, stdoutLine }) {
  if (stopping) throw new Error('stopping');
  const child = spawn(process.execPath, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.add(child.pid);
  live.add(child);
  const closed = new Promise((resolve) => {
    let open = 2;
    const done = () => --open === 0 && resolve();
    for (const [stream, isStdout] of [[child.stdout, true], [child.stderr, false]]) {
      let rest = '';
      stream.on('data', (d) => {
        if (log && !log.writableEnded) log.write(d);
        if (opts.verbose) (isStdout ? process.stdout : process.stderr).write(d);
        const lines = (rest + d).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) {
          onLine?.(l);
          if (isStdout) stdoutLine?.(l);
        }
      });
      stream.once('close', done);
    }
  });
  const exited = new Promise((resolve) => {
    child.once('error', (e) => {
      if (log && !log.writableEnded) log.write(`${e.message}\n`);
      resolve(3);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 3)));
  }).then(async (code) => {
    live.delete(child);
    // A grandchild may still hold the pipes; do not wait on it for long.
    await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
    return code;
  });
  return { child, exited };
}

/** Stop everything still running: the signal to each group, SIGKILL to what is left after `graceMs`. */
async function stopAll(signal, graceMs) {
  signalGroups(signal);
  const deadline = Date.now() + graceMs;
  while (live.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signalGroups('SIGKILL');
}

function onSignal(signal) {
  if (stopping) return;
  stopping = signal;
  clearStatus();
  process.stdout.write(`\n${signal}: stopping everything the demo started…\n`);
  // chaos-run reverts its faults and stops its target on SIGINT/SIGTERM: give it time before SIGKILL.
  void stopAll(signal, 10_000).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', () => signalGroups('SIGKILL'));

// ---- progress ----

let status = '';
function clearStatus() {
  if (tty && status) process.stdout.write('\r\x1b[K');
  status = '';
}

/** Runs a step: one line when it starts, a heartbeat while it runs, one line when it ends. */
async function runStep(index, total, s) {
  process.stdout.write(`» [${index}/${total}] ${s.gate}: ${s.title}\n`);
  const started = Date.now();
  const log = createWriteStream(path.join(logs, `${index}-${s.id}.log`)).on('error', () => {});
  let activity = '';
  const ctx = {
    log,
    onLine: (l) => {
      const m = /^──\s*([^:─]+)/.exec(l) ?? /^chaos-run: ([^:]+)/.exec(l);
      if (m) activity = m[1].trim().slice(0, 60);
    },
  };
  let lastBeat = started;
  const timer = setInterval(() => {
    if (opts.verbose) return; // the output itself shows progress
    const secs = Math.round((Date.now() - started) / 1000);
    if (tty) {
      status = `    … ${secs} s${activity ? `  ${activity}` : ''}`;
      process.stdout.write(`\r\x1b[K${status}`);
    } else if (Date.now() - lastBeat >= 5000) {
      lastBeat = Date.now();
      process.stdout.write(`    … ${secs} s${activity ? `  ${activity}` : ''}\n`);
    }
  }, 1000);
  let code;
  let error;
  try {
    code = await s.run(ctx);
  } catch (e) {
    error = e;
    code = 3;
    log.write(`${e?.stack ?? e}\n`);
  } finally {
    clearInterval(timer);
    clearStatus();
    await new Promise((r) => log.end(r));
  }
  const seconds = (Date.now() - started) / 1000;
  if (stopping) return { ...s, code, seconds, failed: true, verdict: 'stopped' };
  const result = s.judge ? s.judge(code) : judgeGate(s, code);
  process.stdout.write(`  ${result.line}  (${seconds.toFixed(1)} s)\n`);
  if (result.failed) {
    if (error) process.stdout.write(`  ${error.message}\n`);
    const tail = readFileSync(log.path, 'utf8').trimEnd().split('\n').slice(-30);
    process.stdout.write(`  last lines of ${shown(log.path)}:\n${tail.map((l) => `    ${l}`).join('\n')}\n`);
  }
  return { ...s, code, seconds, ...result };
}

/** A gate step: exit 0 or 1 is a verdict (read from its report.json), 2 or 3 a failure of the demo. */
function judgeGate(s, code) {
  const report = s.dir ? readReport(path.join(out, s.dir)) : undefined;
  if (code > 1 || !report) return { failed: true, verdict: 'error', report, line: `ERROR  exit ${code}${report ? `: ${report.summary}` : ', no report.json written'}` };
  const designed = !s.expect ? '' : s.expect.includes(report.verdict) ? '  [as designed]' : `  [expected ${s.expect.join(' or ')}: this machine's noise may hide it; see the report]`;
  return { failed: false, verdict: report.verdict, report, line: `${report.verdict.toUpperCase()}  ${report.summary}${designed}` };
}

// ---- the example system ----

function cli(args, ctx, cwd = work) {
  return startNode([...cliArgv, ...args], { cwd, ...ctx }).exited;
}

/** Start the example service; resolves with its port once it listens. */
async function startService(ctx, extra = []) {
  let resolvePort;
  const port = new Promise((r) => (resolvePort = r));
  const { child, exited } = startNode([path.join(root, 'examples/service/server.mjs'), '--port', '0', '--data', path.join(work, 'data'), ...extra], {
    cwd: work,
    log: ctx.log,
    stdoutLine: (l) => {
      const m = /listening (\d+)/.exec(l);
      if (m) resolvePort(Number(m[1]));
    },
  });
  const p = await Promise.race([port, exited.then((c) => Promise.reject(new Error(`the example service exited (${c}) before it listened`)))]);
  return {
    port: p,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const load = (port) => `node ${JSON.stringify(path.join(root, 'examples/load/load.mjs'))} --url http://127.0.0.1:${port} --requests 1000 --concurrency 8 --out latency.txt`;
const perf = (ctx, name, dir, port, extra = []) =>
  cli(['perf-gate', '--name', name, '--run', load(port), '--current', 'latency.txt', '--format', 'latency-log', '--repetitions', '5', '--warmup', '1', '--config', path.join(root, 'examples/perf/perf-gate.yml'), '--report-dir', path.join(out, dir), ...extra], ctx);

async function withService(ctx, extra, fn) {
  const svc = await startService(ctx, extra);
  try {
    return await fn(svc.port);
  } finally {
    await svc.stop();
  }
}

function fill(template, values) {
  let text = readFileSync(path.join(root, template), 'utf8');
  for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{{${k}}}`, String(v));
  return text;
}

let planReport;
const steps = [
  {
    id: 'perf-record',
    gate: 'perf-gate',
    title: 'load the example service and record a baseline on this machine',
    dir: 'perf-gate-baseline',
    run: (ctx) => withService(ctx, [], (port) => perf(ctx, 'local', 'perf-gate-baseline', port, ['--update-baseline'])),
  },
  {
    id: 'perf-same',
    gate: 'perf-gate',
    title: 'the same build again, judged against that baseline (expect no regression)',
    dir: 'perf-gate-demo',
    expect: ['pass', 'warn'],
    run: (ctx) => withService(ctx, [], (port) => perf(ctx, 'local', 'perf-gate-demo', port)),
  },
  {
    id: 'perf-slowed',
    gate: 'perf-gate',
    title: 'the same load against a build that answers 5 ms slower (expect a regression)',
    dir: 'perf-gate-slowed',
    expect: ['fail'],
    run: (ctx) => withService(ctx, ['--delay-ms', '5'], (port) => perf(ctx, 'local', 'perf-gate-slowed', port)),
  },
  {
    id: 'model',
    gate: 'model-validate',
    title: 'train two Iris classifiers, judge the candidate against the baseline model, check drift',
    dir: 'model-validate',
    run: async (ctx) => {
      const trained = await startNode([path.join(root, 'examples/model/train.mjs'), path.join(work, 'model')], { cwd: work, ...ctx }).exited;
      if (trained !== 0) throw new Error(`examples/model/train.mjs exited ${trained}`);
      return cli(
        [
          'model-validate', '--name', 'iris',
          '--predictions', 'model/predictions.csv', '--baseline', 'model/baseline-predictions.csv',
          '--reference', 'model/reference.csv', '--current', 'model/current.csv',
          '--config', path.join(root, 'examples/model/model-validate.yml'), '--metadata', path.join(root, 'examples/model/model.yml'),
          '--report-dir', path.join(out, 'model-validate'),
        ],
        ctx,
      );
    },
  },
  {
    id: 'chaos',
    gate: 'chaos-run',
    title: 'slow the network to the service through a proxy, kill it mid-write, restart it, prove no acknowledged write was lost',
    dir: 'chaos-run',
    run: async (ctx) => {
      const [port, proxyPort] = [await freePort(), await freePort()];
      const values = { service: path.join(root, 'examples/service/server.mjs'), data: path.join(work, 'chaos-data'), port, proxy_port: proxyPort };
      writeFileSync(path.join(work, 'chaos.yml'), fill('examples/chaos/experiment.yml', values));
      return cli(['chaos-run', '--name', 'example-service', '--experiment', 'chaos.yml', '--ledger-dir', path.join(work, 'chaos-ledger'), '--report-dir', path.join(out, 'chaos-run')], ctx);
    },
  },
  {
    id: 'chaos-plan',
    gate: 'chaos-run',
    title: 'dry run of faults that need root, the kernel and a GPU (netem, GPU power cap): planned, nothing touched',
    run: async (ctx) => {
      const values = { service: path.join(root, 'examples/service/server.mjs'), data: path.join(work, 'plan-data'), port: await freePort() };
      writeFileSync(path.join(work, 'root-only-faults.yml'), fill('examples/demo/root-only-faults.yml', values));
      return cli(['chaos-run', '--name', 'root-only-faults', '--dry-run', '--experiment', 'root-only-faults.yml', '--ledger-dir', path.join(work, 'chaos-ledger'), '--report-dir', path.join(work, 'chaos-plan')], ctx);
    },
    // Exit 2 naming what this machine lacks is the expected answer where these faults cannot run.
    judge: (code) => {
      planReport = readReport(path.join(work, 'chaos-plan'));
      const missing = (planReport?.findings ?? []).flatMap((f) => f.message.split('\n')).filter((l) => l.includes('cannot run on this runner'));
      if (code === 0 && planReport) return { failed: false, verdict: 'planned', line: `PLANNED  ${planReport.summary}` };
      const types = [...new Set(missing.map((l) => /\((\S+)\) cannot run/.exec(l)?.[1]).filter(Boolean))].join(', ');
      if (code === 2 && missing.length) return { failed: false, verdict: 'not here', figures: `${missing.length} planned fault(s) cannot run here: ${types}`, line: `NOT RUNNABLE HERE  ${types}; the reasons are listed at the end` };
      return { failed: true, verdict: 'error', line: `ERROR  exit ${code}${planReport ? `: ${planReport.summary}` : ''}` };
    },
  },
  {
    id: 'readiness',
    gate: 'readiness-checklist',
    title: 'live probes of the running service, and items that read the reports above',
    dir: 'readiness-checklist',
    run: (ctx) =>
      withService(ctx, [], (port) => {
        writeFileSync(path.join(work, 'readiness.yml'), fill('examples/readiness/readiness.yml', { port }));
        return cli(['readiness-checklist', '--name', 'example-service', '--checklist', 'readiness.yml', '--reports-dir', out, '--report-dir', path.join(out, 'readiness-checklist')], ctx);
      }),
  },
  {
    id: 'index',
    gate: 'index',
    title: 'an index.html of every report',
    run: (ctx) => cli(['index', out, '--title', 'shipgate demo reports'], ctx),
    judge: (code) => {
      const ok = code === 0 && existsSync(path.join(out, 'index.html'));
      return { failed: !ok, verdict: ok ? 'written' : 'error', line: ok ? `WRITTEN  ${shown(path.join(out, 'index.html'))}` : `ERROR  exit ${code}` };
    },
  },
];

// ---- directories ----

/** Whether `dir` holds only what this demo writes there: index.html and report directories. */
function looksLikeReports(dir) {
  return readdirSync(dir).every((name) => {
    const p = path.join(dir, name);
    return name === 'index.html' || (statSync(p).isDirectory() && (existsSync(path.join(p, 'report.json')) || readdirSync(p).length === 0));
  });
}

/** Empties `dir` when the demo owns it (its default, made by the demo before, or empty); refuses otherwise. */
function prepare(dir, flag, owned) {
  if (existsSync(dir) && readdirSync(dir).length && !owned(dir)) {
    console.error(`${flag} ${dir}: not empty and not made by this demo; choose a new or empty directory`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

// ---- main ----

console.log(`shipgate demo on Node ${process.versions.node}: ${steps.length} steps, reports to ${shown(out)}/\n`);
prepare(out, '--out', (d) => opts.out === undefined || looksLikeReports(d));
prepare(work, '--work', (d) => opts.work === undefined || existsSync(path.join(d, WORK_MARKER)));
writeFileSync(path.join(work, WORK_MARKER), 'scratch directory of examples/demo.mjs\n');
mkdirSync(logs, { recursive: true });

const started = Date.now();
const results = [];
for (const [i, s] of steps.entries()) {
  if (stopping) break;
  results.push(await runStep(i + 1, steps.length, s));
}
if (stopping) await new Promise(() => {}); // the signal handler exits once everything is stopped

const reports = results.map((r) => r.report).filter(Boolean);
console.log(`\nsummary (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
console.log(
  table(
    ['step', 'gate', 'verdict', 'key figures'],
    results.map((r, i) => [`${i + 1} ${r.id}`, r.gate, r.verdict, r.report ? keyFigures(r.report) : (r.figures ?? '')]),
  ),
);
const skipped = skippedFeatures(reports, planReport);
console.log(`\nskipped or not runnable on this machine (${machineFacts().join(', ')}):`);
console.log(skipped.length ? skipped.map((s) => `  - ${s}`).join('\n') : '  nothing: every feature the demo uses ran here');
console.log(`\nreports: ${shown(path.join(out, 'index.html'))}   full output of each step: ${shown(logs)}/`);
const failed = results.filter((r) => r.failed);
if (failed.length) console.log(`\ndemo failed: ${failed.map((r) => r.id).join(', ')} (see above)`);
// A gate that fails as designed (the slowed service) is not a failure of the demo; exit 2 or 3 from the CLI is.
process.exit(failed.length ? 1 : 0);
