import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertValidReport } from '../../src/core/report/files.js';
import { GATES } from '../../src/core/report/model.js';
import { DEMO_REPORT_DIRS, type DemoRun, demoRun, leftovers, leftoversAfter, startDemo, tempDir } from './demo-run.js';

const describeLinux = process.platform === 'linux' ? describe : describe.skip;

void describeLinux('npm run demo (examples/demo.mjs, from dist/)', { timeout: 240_000 }, () => {
  let run: DemoRun;
  before(async () => {
    run = await demoRun();
  });

  void test('exits 0, with a progress line per step and one summary table naming the four gates', () => {
    assert.equal(run.code, 0, `exit ${run.code ?? run.signal}\n${run.stdout}\n${run.stderr}`);
    const steps = [...run.stdout.matchAll(/^» \[(\d+)\/(\d+)\] (\S+): /gm)];
    assert.ok(steps.length >= 7, run.stdout);
    assert.deepEqual(
      steps.map((m) => Number(m[1])),
      steps.map((_, i) => i + 1),
    );
    // Each step's end: a result line with its elapsed seconds.
    assert.equal([...run.stdout.matchAll(/^ {2}\S.*\(\d+\.\d s\)$/gm)].length, steps.length, run.stdout);
    const summary = run.stdout.slice(run.stdout.lastIndexOf('\nsummary'));
    assert.match(summary, /step\s+gate\s+verdict\s+key figures/);
    for (const gate of GATES) assert.match(summary, new RegExp(`^\\S+ \\S+\\s+${gate}\\s+\\S+`, 'm'), `${gate} in the summary`);
    assert.match(summary, /regressions \d+; improvements \d+/);
    assert.match(summary, /faults verified \d+\/\d+; lost \d+/);
    assert.match(summary, /accuracy 0\.\d+/);
    assert.match(summary, /score \d+\/100; level \S+/);
    assert.match(summary, /skipped or not runnable on this machine \(user id \d+/);
    assert.match(summary, /nvidia-smi: /);
  });

  void test('the slowed service is a perf-gate regression, as designed', () => {
    const r = JSON.parse(readFileSync(path.join(run.out, 'perf-gate-slowed', 'report.json'), 'utf8')) as { verdict: string; outputs: { regressions: number } };
    assert.equal(r.verdict, 'fail');
    assert.ok(r.outputs.regressions > 0);
  });

  void test("every gate's report.json exists and validates against the schema", () => {
    const gates = new Set<string>();
    for (const dir of DEMO_REPORT_DIRS) {
      const file = path.join(run.out, dir, 'report.json');
      assert.ok(existsSync(file), `${dir}/report.json`);
      const report: unknown = JSON.parse(readFileSync(file, 'utf8'));
      assertValidReport(report);
      gates.add(report.gate);
    }
    assert.deepEqual([...gates].sort(), [...GATES].sort());
  });

  void test('index.html links every report, and fetches nothing', () => {
    const html = readFileSync(path.join(run.out, 'index.html'), 'utf8');
    for (const dir of DEMO_REPORT_DIRS) {
      for (const file of ['report.html', 'report.json', 'report.md']) assert.ok(html.includes(`href="${dir}/${file}"`), `${dir}/${file} linked`);
    }
    assert.doesNotMatch(html, /<script|(?:src|href)="[a-z]+:/i);
    assert.match(run.stdout, /reports: .*index\.html/);
  });

  void test('leaves no process behind', async () => {
    const left = await leftoversAfter(run.pid, [run.out, run.work]);
    assert.deepEqual(left, [], JSON.stringify(left, null, 2));
  });
});

void describeLinux('npm run demo: stopping and refusing', { timeout: 120_000 }, () => {
  void test('SIGTERM half-way stops every process the demo started, and it exits 143', async () => {
    const demo = startDemo();
    await demo.waitFor(/^» \[1\/\d+\] perf-gate/m);
    // Wait until the load generator runs (the gate's grandchild), beside the example service.
    const running = (): string[] => leftovers(demo.pid, [demo.work]).map((p) => p.cmdline);
    const deadline = Date.now() + 60_000;
    while (!running().some((c) => c.includes('examples/load/load.mjs')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const before = running();
    assert.ok(before.some((c) => c.includes('examples/load/load.mjs')), `the load generator runs: ${before.join('\n')}`);
    assert.ok(before.some((c) => c.includes('examples/service/server.mjs')), 'the example service runs');
    process.kill(demo.pid, 'SIGTERM');
    const r = await demo.done;
    assert.equal(r.code, 143, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /SIGTERM: stopping everything the demo started/);
    const left = await leftoversAfter(demo.pid, [demo.out, demo.work]);
    assert.deepEqual(left, [], JSON.stringify(left, null, 2));
  });

  void test('refuses an --out directory that holds something other than reports', async () => {
    const dir = tempDir('shipgate-demo-foreign-');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    // startDemo passes its own --out first; the last one given wins.
    const r = await startDemo(['--out', dir]).done;
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /not empty and not made by this demo/);
    assert.equal(readFileSync(path.join(dir, 'keep.txt'), 'utf8'), 'mine');
  });
});
