import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { execCommand, formatCommand, killAllRunning, runningCount } from '../../src/core/exec.js';

const linuxOnly = { skip: process.platform !== 'linux' ? 'needs /proc' : false };
const quiet = { stream: false } as const;

/** A pid counts as gone once it no longer exists or is a zombie (dead, waiting to be reaped by its parent). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function pidsOf(lines: string[]): number[] {
  const pids = lines.filter((l) => /^\d+$/.test(l)).map(Number);
  assert.ok(pids.length > 0, `no pids in output: ${JSON.stringify(lines)}`);
  return pids;
}

void describe('formatCommand', () => {
  void test('quotes arguments that a shell would split or expand', () => {
    assert.equal(formatCommand({ argv: ['ls', '-la', 'a b', "it's", '$HOME', ''] }), `ls -la 'a b' 'it'\\''s' '$HOME' ''`);
    assert.equal(formatCommand({ shell: 'a | b' }), 'a | b');
  });
});

void describe('execCommand', () => {
  void test('reports exit codes', async () => {
    const ok = await execCommand({ argv: ['true'] }, quiet);
    assert.equal(ok.exitCode, 0);
    assert.equal(ok.failed, false);
    const bad = await execCommand({ argv: ['bash', '-c', 'exit 3'] }, quiet);
    assert.equal(bad.exitCode, 3);
    assert.equal(bad.signal, null);
    assert.equal(bad.failed, true);
    assert.equal(bad.timedOut, false);
    assert.equal(bad.error, undefined);
  });

  void test('passes argv through without shell parsing', async () => {
    const args = ['a b', '"double"', "it's", '$HOME', '; echo injected', '*', '`id`'];
    const r = await execCommand({ argv: ['printf', '[%s]\\n', ...args] }, { ...quiet, capture: true });
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.stdout?.trimEnd().split('\n'), args.map((a) => `[${a}]`));
    assert.equal(r.command, `printf '[%s]\\n' 'a b' '"double"' 'it'\\''s' '$HOME' '; echo injected' '*' '\`id\`'`);
  });

  void test('runs a shell command with a pipe', async () => {
    const r = await execCommand({ shell: "printf 'b\\na\\n' | sort | tr a-z A-Z" }, { ...quiet, capture: true });
    assert.equal(r.exitCode, 0);
    assert.equal(r.stdout, 'A\nB\n');
    assert.deepEqual(r.tail, ['A', 'B']);
  });

  void test('passes input, cwd and environment', async () => {
    const r = await execCommand(
      { shell: 'cat; pwd; echo "${SET_ME}-${UNSET_ME:-unset}"' },
      { ...quiet, capture: true, input: 'from stdin\n', cwd: '/tmp', env: { SET_ME: 'yes', UNSET_ME: undefined } },
    );
    process.env.UNSET_ME = 'present';
    try {
      const unset = await execCommand({ shell: 'echo "${UNSET_ME:-unset}"' }, { ...quiet, capture: true, env: { UNSET_ME: undefined } });
      const inherited = await execCommand({ shell: 'echo "${UNSET_ME:-unset}"' }, { ...quiet, capture: true });
      const isolated = await execCommand({ shell: 'echo "${UNSET_ME:-unset}"' }, { ...quiet, capture: true, extendEnv: false });
      assert.equal(unset.stdout, 'unset\n');
      assert.equal(inherited.stdout, 'present\n');
      assert.equal(isolated.stdout, 'unset\n');
    } finally {
      delete process.env.UNSET_ME;
    }
    assert.equal(r.stdout, 'from stdin\n/tmp\nyes-unset\n');
  });

  void test('keeps only the last N lines in the tail, each cut to a sane length', async () => {
    const r = await execCommand({ shell: 'seq 1 100; seq 101 103 >&2; head -c 10000 /dev/zero | tr "\\0" x' }, { ...quiet, tailLines: 5, capture: true });
    assert.equal(r.tail.length, 5);
    assert.deepEqual(r.tail.slice(0, 4), ['100', '101', '102', '103']);
    assert.equal(r.tail[4], `${'x'.repeat(4096)}…`);
    // The captured stdout is complete; stderr is not part of it.
    assert.equal(r.stdout?.split('\n').length, 101);
    assert.ok(r.stdout?.endsWith('x'.repeat(10000)));
  });

  void test('reports a missing command in plain words', async () => {
    const r = await execCommand({ argv: ['shipgate-no-such-command', '--flag'] }, quiet);
    assert.equal(r.error, 'command not found: shipgate-no-such-command');
    assert.equal(r.exitCode, null);
    assert.equal(r.failed, true);
    assert.equal(runningCount(), 0);
  });

  void test('reports a missing working directory', async () => {
    const r = await execCommand({ argv: ['true'] }, { ...quiet, cwd: '/nonexistent/shipgate-dir' });
    assert.equal(r.error, 'working directory not found: /nonexistent/shipgate-dir');
    assert.equal(r.failed, true);
  });

  void test('timeout kills the whole process tree', linuxOnly, async () => {
    const started = Date.now();
    const r = await execCommand(
      { argv: ['bash', '-c', 'echo $$; sleep 100 & echo $!; (echo $BASHPID; exec sleep 100) & echo $!; sleep 100; wait'] },
      { ...quiet, timeoutMs: 800 },
    );
    const pids = pidsOf(r.tail);
    assert.equal(pids.length, 4);
    assert.equal(r.timedOut, true);
    assert.equal(r.cancelled, false);
    assert.equal(r.failed, true);
    assert.equal(r.exitCode, null);
    assert.equal(r.signal, 'SIGTERM');
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(pids.filter(alive), []);
    assert.equal(runningCount(), 0);
  });

  void test('escalates to SIGKILL when the tree ignores SIGTERM', linuxOnly, async () => {
    const r = await execCommand({ argv: ['bash', '-c', "trap '' TERM; echo $$; sleep 100 & echo $!; wait"] }, { ...quiet, timeoutMs: 500, graceMs: 300 });
    assert.equal(r.timedOut, true);
    assert.equal(r.signal, 'SIGKILL');
    assert.deepEqual(pidsOf(r.tail).filter(alive), []);
  });

  void test('kills a descendant that left the process group with setsid', linuxOnly, async () => {
    // Prints the child's pid, its session and the command's own pid (its process group and session).
    const r = await execCommand(
      { argv: ['bash', '-c', 'setsid sleep 100 & sleep 0.3; echo "$! $(cut -d" " -f6 /proc/$!/stat) $$"; wait'] },
      { ...quiet, timeoutMs: 1500 },
    );
    const [child, session, own] = (r.tail[0] ?? '').split(' ').map(Number);
    assert.ok(child !== undefined && child > 0, `unexpected output ${JSON.stringify(r.tail)}`);
    assert.notEqual(session, own, 'the child should run in a session of its own');
    assert.equal(r.timedOut, true);
    assert.equal(alive(child), false);
  });

  void test('kills what an exited command left behind, even after its parent is gone', linuxOnly, async () => {
    const started = Date.now();
    const r = await execCommand({ argv: ['bash', '-c', 'setsid sleep 100 & echo $!; sleep 100 & echo $!'] }, quiet);
    assert.equal(r.exitCode, 0);
    assert.equal(r.failed, false);
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(pidsOf(r.tail).filter(alive), []);
  });

  void test('an abort signal cancels the command', linuxOnly, async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const r = await execCommand({ argv: ['bash', '-c', 'echo $$; sleep 100 & echo $!; wait'] }, { ...quiet, signal: controller.signal });
    assert.equal(r.cancelled, true);
    assert.equal(r.timedOut, false);
    assert.equal(r.failed, true);
    assert.deepEqual(pidsOf(r.tail).filter(alive), []);

    const before = await execCommand({ argv: ['true'] }, { ...quiet, signal: AbortSignal.abort() });
    assert.equal(before.cancelled, true);
    assert.equal(before.failed, true);
    assert.equal(before.exitCode, null);
  });

  void test('killAllRunning stops every running command', linuxOnly, async () => {
    const runs = [
      execCommand({ argv: ['bash', '-c', 'echo $$; sleep 100 & echo $!; wait'] }, quiet),
      execCommand({ shell: 'echo $$; sleep 100' }, quiet),
    ];
    for (let i = 0; i < 200 && runningCount() < 2; i++) await delay(10);
    assert.equal(runningCount(), 2);
    await delay(500); // let both print their pids
    await killAllRunning();
    assert.equal(runningCount(), 0);
    for (const r of await Promise.all(runs)) {
      assert.equal(r.cancelled, true);
      assert.equal(r.failed, true);
      assert.deepEqual(pidsOf(r.tail).filter(alive), []);
    }
  });

  void test('streams output inside a log group', async () => {
    const exec = fileURLToPath(new URL('../../src/core/exec.ts', import.meta.url));
    const script = `import { execCommand } from ${JSON.stringify(exec)};
      await execCommand({ argv: ['printf', 'one\\\\ntwo'] }, { group: 'My step' });`;
    const run = (actions: string) =>
      execCommand(
        { argv: [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script] },
        { ...quiet, capture: true, env: { GITHUB_ACTIONS: actions } },
      );
    const inActions = await run('true');
    assert.equal(inActions.exitCode, 0, inActions.tail.join('\n'));
    assert.equal(inActions.stdout, "::group::My step\n$ printf 'one\\ntwo'\none\ntwo\n::endgroup::\n");
    const plain = await run('');
    assert.equal(plain.stdout, "── My step ──\n$ printf 'one\\ntwo'\none\ntwo\n");
  });

  void test("the action's inputs and the runner's credentials are not passed to commands", async () => {
    const names = ['INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'STATE_check-run-id'];
    for (const n of names) process.env[n] = 'secret-value';
    process.env.SHIPGATE_VISIBLE = 'yes';
    try {
      const r = await execCommand({ argv: ['env'] }, { ...quiet, capture: true });
      assert.equal(r.exitCode, 0);
      assert.doesNotMatch(r.stdout ?? '', /secret-value/);
      assert.match(r.stdout ?? '', /^SHIPGATE_VISIBLE=yes$/m);
      const explicit = await execCommand({ argv: ['env'] }, { ...quiet, capture: true, env: { ACTIONS_RUNTIME_TOKEN: 'given' } });
      assert.match(explicit.stdout ?? '', /^ACTIONS_RUNTIME_TOKEN=given$/m, 'a caller may still pass one on purpose');
    } finally {
      for (const n of [...names, 'SHIPGATE_VISIBLE']) Reflect.deleteProperty(process.env, n);
    }
  });
});
