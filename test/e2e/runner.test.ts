import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { ActionManifestError, evaluateCondition, expandDefault, loadActionYml, parseActionYml } from './runner/action-yml.js';
import { pullRequestEvent, pushEvent } from './runner/events.js';
import { DEFAULT_CANCEL_TIMINGS, parseKeyValueFile, runAction, type ActionRun, type RunActionOptions } from './runner/run-action.js';
import {
  CommandStream,
  SecretMasker,
  escapeData,
  escapeProperty,
  formatWorkflowCommand,
  parseWorkflowCommand,
  unescapeData,
  unescapeProperty,
} from './runner/workflow-commands.js';

const PROBE_DIR = fileURLToPath(new URL('../fixtures/probe-action/', import.meta.url));
const TOKEN = 'ghs_probeJobToken0123456789';
const HEAD_SHA = 'a'.repeat(40);
const BASE_SHA = 'b'.repeat(40);

const prEvent = pullRequestEvent({
  owner: 'acme',
  repo: 'widgets',
  number: 42,
  headSha: HEAD_SHA,
  baseSha: BASE_SHA,
  headRef: 'feature/x',
  baseRef: 'main',
  fork: true,
  author: 'alice',
});

const cleanup: string[] = [];
let workspace = '';

before(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'runner-ws-'));
  cleanup.push(workspace);
});

after(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function probe(overrides: Partial<RunActionOptions> = {}): Promise<ActionRun> {
  const run = await runAction({ actionDir: PROBE_DIR, workspace, event: prEvent, token: TOKEN, ...overrides });
  cleanup.push(run.runnerTemp);
  return run;
}

function outputJson(run: ActionRun, name: string): Record<string, string> {
  const raw = run.outputs[name];
  assert.ok(raw !== undefined, `output ${name} missing`);
  return JSON.parse(raw) as Record<string, string>;
}

/** An action folder whose main/post are the probe's, with a different action.yml. */
async function variantAction(runs: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runner-action-'));
  cleanup.push(dir);
  const manifest = await readFile(path.join(PROBE_DIR, 'action.yml'), 'utf8');
  const head = manifest.slice(0, manifest.indexOf('runs:'));
  const main = path.join(PROBE_DIR, 'main.mjs');
  const post = path.join(PROBE_DIR, 'post.mjs');
  await writeFile(path.join(dir, 'action.yml'), `${head}runs:\n  using: node24\n  main: ${main}\n  post: ${post}\n${runs}`);
  return dir;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  return false;
}

async function waitUntil(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

async function isDeadOrZombie(pid: number): Promise<boolean> {
  if (processGone(pid)) return true;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

void describe('workflow command parsing', () => {
  void test('annotation properties and data are unescaped', () => {
    const cmd = parseWorkflowCommand('::error file=src/a%2Cb.ts,line=12,title=T%3A x%0Ay::50%25 done%0Anext%0D');
    assert.deepEqual(cmd, {
      command: 'error',
      properties: { file: 'src/a,b.ts', line: '12', title: 'T: x\ny' },
      message: '50% done\nnext\r',
    });
  });

  void test('%25 is unescaped last, so an escaped escape survives', () => {
    assert.equal(unescapeData('%250A'), '%0A');
    assert.equal(unescapeProperty('%252C'), '%2C');
    // Data unescaping leaves property-only escapes alone.
    assert.equal(unescapeData('a%3Ab%2C'), 'a%3Ab%2C');
  });

  void test('names match case-insensitively after leading whitespace; unknown or malformed lines are output', () => {
    assert.equal(parseWorkflowCommand('   ::WARNING::hey')?.command, 'warning');
    assert.equal(parseWorkflowCommand('::frobnicate::x'), undefined);
    assert.equal(parseWorkflowCommand('::error missing end'), undefined);
    assert.equal(parseWorkflowCommand('text ::error::x'), undefined);
    assert.deepEqual(parseWorkflowCommand('::group::Build %25'), { command: 'group', properties: {}, message: 'Build %' });
    assert.deepEqual(parseWorkflowCommand('::endgroup::'), { command: 'endgroup', properties: {}, message: '' });
  });

  void test('legacy ##[name k=v;]data form is still recognised', () => {
    assert.deepEqual(parseWorkflowCommand('prefix ##[warning file=a%3Bb.ts;line=3]msg%5D'), {
      command: 'warning',
      properties: { file: 'a;b.ts', line: '3' },
      message: 'msg]',
    });
  });

  void test('escape and unescape round-trip for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        assert.equal(unescapeData(escapeData(s)), s);
        assert.equal(unescapeProperty(escapeProperty(s)), s);
      }),
    );
  });

  void test('formatted commands parse back to the same command', () => {
    const name = fc.constantFrom('error', 'warning', 'notice');
    const key = fc.constantFrom('file', 'line', 'col', 'title', 'endLine');
    // The runner trims the property list, so a value's trailing whitespace cannot survive.
    const value = fc.string({ minLength: 1 }).filter((v) => v.trimEnd() === v);
    fc.assert(
      fc.property(name, fc.dictionary(key, value), fc.string(), (command, dict, message) => {
        const properties = { ...dict };
        assert.deepEqual(parseWorkflowCommand(formatWorkflowCommand({ command, properties, message })), {
          command,
          properties,
          message,
        });
      }),
    );
  });

  void test('add-mask masks later lines only, and its own echo', () => {
    const stream = new CommandStream();
    assert.equal(stream.processLine('before s3cret').output, 'before s3cret');
    const added = stream.processLine('::add-mask::s3cret');
    assert.equal(added.output, '::add-mask::***');
    assert.equal(added.command?.message, 's3cret');
    assert.equal(stream.processLine('after s3cret and "s3cret"').output, 'after *** and "***"');
    assert.equal(stream.processLine('::warning title=s3cret::x s3cret').command?.message, 'x ***');
    assert.equal(stream.processLine('::warning title=s3cret::x').command?.properties.title, '***');
  });

  void test('stop-commands pauses processing until the token comes back', () => {
    const stream = new CommandStream();
    assert.equal(stream.processLine('::stop-commands::pause-token-1')?.command?.command, 'stop-commands');
    assert.equal(stream.processLine('::error::ignored').command, undefined);
    assert.equal(stream.processLine('::add-mask::nope').command, undefined);
    assert.equal(stream.processLine('::pause-token-1::').command?.command, 'pause-token-1');
    assert.equal(stream.processLine('::error::seen').command?.message, 'seen');
    assert.equal(stream.failed, false);
  });

  void test('a stop token that is a command name is refused and fails the step', () => {
    const stream = new CommandStream();
    stream.processLine('::stop-commands::error');
    assert.equal(stream.failed, true);
    assert.match(stream.issues.map((i) => i.message).join('\n'), /You cannot use a endToken/);
    assert.equal(stream.processLine('::error::still processed').command?.command, 'error');
  });

  void test('overlapping secrets collapse into one mask', () => {
    const masker = new SecretMasker();
    masker.add('abcd');
    masker.add('cdef');
    assert.equal(masker.mask('xxabcdefyy abcd'), 'xx***yy ***');
    assert.equal(new SecretMasker().mask('untouched'), 'untouched');
  });
});

void describe('file command format', () => {
  void test('name=value keeps everything after the first =, heredoc keeps inner newlines', () => {
    const text = 'plain=a=b\n\nmulti<<EOF\nline1\n\nline3\nEOF\nempty<<X\nX\nlast=v';
    assert.deepEqual(parseKeyValueFile(text), [
      ['plain', 'a=b'],
      ['multi', 'line1\n\nline3'],
      ['empty', ''],
      ['last', 'v'],
    ]);
  });

  void test('heredoc marker before = wins; malformed content throws', () => {
    assert.deepEqual(parseKeyValueFile('k<<A=B\nv\nA=B\n'), [['k', 'v']]);
    assert.throws(() => parseKeyValueFile('k<<EOF\nno end\n'), /Matching delimiter not found 'EOF'/);
    assert.throws(() => parseKeyValueFile('=v\n'), /Name must not be empty/);
    assert.throws(() => parseKeyValueFile('novalue\n'), /Invalid format 'novalue'/);
  });
});

void describe('action.yml', () => {
  void test('the probe manifest is read with inputs, outputs and runs', async () => {
    const manifest = await loadActionYml(PROBE_DIR);
    assert.equal(manifest.name, 'Probe');
    assert.deepEqual(manifest.inputs['my input'], {
      description: 'Input whose name contains a space.',
      required: false,
      default: 'default value',
    });
    assert.equal(manifest.inputs['required-thing']?.required, true);
    assert.equal(manifest.inputs['required-thing']?.default, undefined);
    assert.equal(manifest.inputs.token?.default, '${{ github.token }}');
    assert.ok('env' in manifest.outputs);
    assert.deepEqual(manifest.runs, { using: 'node24', main: 'main.mjs', post: 'post.mjs', preIf: 'always()', postIf: 'always()' });
  });

  void test('non-node24/node20 actions are rejected with a clear error', () => {
    for (const using of ['node16', 'docker', 'composite']) {
      assert.throws(
        () => parseActionYml(`name: x\nruns:\n  using: ${using}\n  main: a.js\n  image: Dockerfile\n`),
        (err: unknown) => err instanceof ActionManifestError && err.message.includes(`'using: ${using}' is not supported`),
      );
    }
    assert.equal(parseActionYml('runs:\n  using: NODE20\n  main: a.js\n').runs.using, 'node20');
    assert.throws(() => parseActionYml('runs:\n  using: node24\n'), /runs\.main/);
    assert.throws(() => parseActionYml('name: only a name\n'), /'runs:' section is required/);
  });

  void test('non-string defaults become strings', () => {
    const m = parseActionYml('inputs:\n  n:\n    default: 5\n  b:\n    default: false\n    required: "true"\nruns:\n  using: node24\n  main: a.js\n');
    assert.equal(m.inputs.n?.default, '5');
    assert.equal(m.inputs.b?.default, 'false');
    assert.equal(m.inputs.b?.required, true);
  });

  void test('status conditions', () => {
    const cases: [string, 'success' | 'failure' | 'cancelled', boolean][] = [
      ['always()', 'cancelled', true],
      ['success()', 'success', true],
      ['success()', 'failure', false],
      ['failure()', 'failure', true],
      ['cancelled()', 'cancelled', true],
      ['!cancelled()', 'cancelled', false],
      ['!cancelled()', 'failure', true],
      ['success() || failure()', 'cancelled', false],
      ['${{ failure() || cancelled() }}', 'cancelled', true],
      ['!cancelled() && (success() || failure())', 'failure', true],
      ['Always() && !Success()', 'success', false],
      ['false || true', 'failure', true],
    ];
    for (const [expr, status, expected] of cases) assert.equal(evaluateCondition(expr, status), expected, `${expr} @ ${status}`);
    assert.throws(() => evaluateCondition('hashFiles()', 'success'), /unsupported function/);
    assert.throws(() => evaluateCondition('success() &&', 'success'), ActionManifestError);
    assert.throws(() => evaluateCondition('(success()', 'success'), /missing '\)'/);
  });

  void test('defaults expand ${{ github.token }} and refuse other expressions', () => {
    assert.equal(expandDefault('${{ github.token }}', { 'github.token': 't' }), 't');
    assert.equal(expandDefault('x-${{GITHUB.TOKEN}}-y', { 'github.token': 't' }), 'x-t-y');
    assert.throws(() => expandDefault('${{ secrets.X }}', { 'github.token': 't' }), /Unsupported expression/);
  });
});

void describe('event fixtures', () => {
  void test('pull_request from a fork: merge sha, merge ref and fork head repo', () => {
    const p = prEvent.payload as {
      action: string;
      number: number;
      pull_request: { head: { sha: string; repo: { full_name: string; fork: boolean } }; base: { sha: string; repo: { full_name: string } }; merge_commit_sha: string };
      repository: { full_name: string };
      sender: { login: string };
    };
    assert.equal(prEvent.name, 'pull_request');
    assert.equal(p.action, 'synchronize');
    assert.equal(p.number, 42);
    assert.equal(p.pull_request.head.sha, HEAD_SHA);
    assert.equal(p.pull_request.base.sha, BASE_SHA);
    assert.equal(p.pull_request.head.repo.full_name, 'alice/widgets');
    assert.equal(p.pull_request.head.repo.fork, true);
    assert.equal(p.pull_request.base.repo.full_name, 'acme/widgets');
    assert.equal(p.repository.full_name, 'acme/widgets');
    assert.equal(p.sender.login, 'alice');
    assert.match(prEvent.env.GITHUB_SHA ?? '', /^[0-9a-f]{40}$/);
    assert.notEqual(prEvent.env.GITHUB_SHA, HEAD_SHA);
    assert.equal(prEvent.env.GITHUB_SHA, p.pull_request.merge_commit_sha);
    assert.deepEqual(
      {
        ref: prEvent.env.GITHUB_REF,
        refName: prEvent.env.GITHUB_REF_NAME,
        head: prEvent.env.GITHUB_HEAD_REF,
        base: prEvent.env.GITHUB_BASE_REF,
        repo: prEvent.env.GITHUB_REPOSITORY,
        actor: prEvent.env.GITHUB_ACTOR,
      },
      { ref: 'refs/pull/42/merge', refName: '42/merge', head: 'feature/x', base: 'main', repo: 'acme/widgets', actor: 'alice' },
    );
  });

  void test('pull_request from the same repository keeps the head in the base repo', () => {
    const same = pullRequestEvent({ owner: 'acme', repo: 'widgets', number: 1, headSha: HEAD_SHA, baseSha: BASE_SHA, headRef: 'x', baseRef: 'main' });
    const pr = (same.payload as { pull_request: { head: { repo: { full_name: string; fork: boolean } } } }).pull_request;
    assert.equal(pr.head.repo.full_name, 'acme/widgets');
    assert.equal(pr.head.repo.fork, false);
    assert.equal(same.env.GITHUB_ACTOR, 'acme');
  });

  void test('push to a branch and to a tag', () => {
    const branch = pushEvent({ owner: 'acme', repo: 'widgets', ref: 'refs/heads/main', sha: HEAD_SHA, before: BASE_SHA, defaultBranch: 'main' });
    assert.equal(branch.name, 'push');
    assert.equal(branch.env.GITHUB_SHA, HEAD_SHA);
    assert.equal(branch.env.GITHUB_REF, 'refs/heads/main');
    assert.equal(branch.env.GITHUB_REF_NAME, 'main');
    assert.equal(branch.env.GITHUB_REF_TYPE, 'branch');
    assert.equal(branch.env.GITHUB_HEAD_REF, '');
    const payload = branch.payload as { after: string; before: string; repository: { default_branch: string }; head_commit: { id: string } };
    assert.equal(payload.after, HEAD_SHA);
    assert.equal(payload.before, BASE_SHA);
    assert.equal(payload.repository.default_branch, 'main');
    assert.equal(payload.head_commit.id, HEAD_SHA);

    const tag = pushEvent({ owner: 'acme', repo: 'widgets', ref: 'refs/tags/v1.2.0', sha: HEAD_SHA, before: '0'.repeat(40), defaultBranch: 'main' });
    assert.equal(tag.env.GITHUB_REF_TYPE, 'tag');
    assert.equal(tag.env.GITHUB_REF_NAME, 'v1.2.0');
    assert.equal((tag.payload as { created: boolean }).created, true);
  });
});

void describe('runAction', () => {
  void test('inputs: INPUT_ naming, defaults, github.token expansion and runner warnings', async () => {
    const run = await probe({ inputs: { 'max-size': '99', bogus: 'x' } });
    const env = outputJson(run, 'env');
    assert.equal(env.INPUT_MY_INPUT, 'default value');
    assert.equal(env['INPUT_MAX-SIZE'], '99');
    assert.equal(env.INPUT_TOKEN, TOKEN);
    assert.equal(env.INPUT_BOGUS, 'x');
    assert.equal(env['INPUT_REQUIRED-THING'], '');
    assert.equal(run.outputs['my-input'], 'default value');
    assert.equal(run.outputs['max-size'], '99');
    assert.equal(run.outputs.token, TOKEN);
    const warnings = run.issues.filter((i) => i.level === 'warning').map((i) => i.message);
    assert.ok(warnings.includes('Input required and not supplied: required-thing'), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.startsWith("Unexpected input(s) 'bogus'")), warnings.join('\n'));
    assert.equal(run.main.outcome, 'success');
  });

  void test('a supplied required input and a given "my input" override defaults, with no warning', async () => {
    const run = await probe({ inputs: { 'my input': 'given', 'required-thing': 'ok' }, token: 'other-token' });
    const env = outputJson(run, 'env');
    assert.equal(env.INPUT_MY_INPUT, 'given');
    assert.equal(env['INPUT_REQUIRED-THING'], 'ok');
    assert.equal(env.INPUT_TOKEN, 'other-token');
    assert.deepEqual(run.issues, []);
  });

  void test('runner environment: event env, overrides, file commands and stripped host variables', async () => {
    const leaked = ['GITHUB_LEAKED', 'INPUT_LEAKED', 'RUNNER_LEAKED', 'ACTIONS_LEAKED'];
    for (const k of leaked) process.env[k] = 'from-test-process';
    let run: ActionRun;
    try {
      run = await probe({ env: { GITHUB_API_URL: 'http://127.0.0.1:9/api', EXTRA_VAR: 'extra' } });
    } finally {
      for (const k of leaked) delete process.env[k];
    }
    const env = outputJson(run, 'env');
    for (const k of leaked) assert.equal(env[k], undefined, k);
    assert.equal(env.GITHUB_API_URL, 'http://127.0.0.1:9/api');
    assert.equal(env.GITHUB_SERVER_URL, 'https://github.com');
    assert.equal(env.GITHUB_ACTIONS, 'true');
    assert.equal(env.CI, 'true');
    assert.equal(env.GITHUB_EVENT_NAME, 'pull_request');
    assert.equal(env.GITHUB_SHA, prEvent.env.GITHUB_SHA);
    assert.equal(env.GITHUB_REF, 'refs/pull/42/merge');
    assert.equal(env.GITHUB_HEAD_REF, 'feature/x');
    assert.equal(env.GITHUB_REPOSITORY, 'acme/widgets');
    assert.equal(env.GITHUB_REPOSITORY_OWNER, 'acme');
    assert.equal(env.GITHUB_WORKSPACE, workspace);
    assert.equal(env.GITHUB_ACTION_PATH, path.resolve(PROBE_DIR));
    assert.equal(env.RUNNER_OS, 'Linux');
    assert.equal(env.RUNNER_TEMP, run.runnerTemp);
    assert.equal(run.outputs.cwd, workspace);
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
      assert.equal(path.dirname(env[name] ?? ''), path.join(run.runnerTemp, '_runner_file_commands'), name);
    }
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as unknown;
    assert.deepEqual(payload, prEvent.payload);
    // Each step gets its own file-command files.
    assert.notEqual(outputJson(run, 'post-report').outputFile, env.GITHUB_OUTPUT);
  });

  void test('outputs in both forms, state to post as STATE_, env and path to post, summary of both steps', async () => {
    const run = await probe();
    assert.equal(run.outputs.plain, 'a=b');
    assert.equal(run.outputs.multiline, 'first line\nsecond line');
    assert.ok(run.post, 'post ran');
    assert.deepEqual(outputJson(run, 'post-report'), {
      started: 'yes',
      multiState: 'one\ntwo',
      sleeperPid: '',
      exported: 'from-main',
      pathHead: '/opt/probe/bin',
      myInput: 'default value',
      outputFile: outputJson(run, 'post-report').outputFile,
    });
    assert.deepEqual(run.state, { started: 'yes', 'multi-state': 'one\ntwo', 'post-only': 'set in post' });
    assert.deepEqual(run.env, { PROBE_EXPORTED: 'from-main' });
    assert.deepEqual(run.path, ['/opt/probe/bin']);
    assert.equal(run.summary, '<h1>Probe main</h1>\ninput: default value\npost summary\n');
    assert.equal(run.jobStatus, 'success');
  });

  void test('annotations are parsed with file and line and unescaped', async () => {
    const run = await probe();
    assert.deepEqual(run.annotations, [
      { command: 'error', properties: { title: 'Title: with colon', file: 'src/a,b.ts', line: '12' }, message: 'bad thing, 50%: yes' },
      { command: 'warning', properties: {}, message: 'careful\nsecond line' },
      { command: 'notice', properties: { file: 'README.md', line: '1', endLine: '3', col: '2' }, message: 'fyi' },
    ]);
    assert.ok(run.main.commands.some((c) => c.command === 'debug' && c.message === 'debug detail'));
  });

  void test('add-mask values and the job token are masked in stdout, stderr and summary', async () => {
    const run = await probe({ inputs: { secret: 'hunter2-secret' } });
    assert.match(run.main.stdout, /the secret is \*\*\*$/m);
    assert.match(run.main.stdout, /^token is \*\*\*$/m);
    assert.match(run.main.stderr, /stderr secret \*\*\*/);
    assert.match(run.summary, /summary secret \*\*\*/);
    for (const text of [run.main.stdout, run.main.stderr, run.summary]) {
      assert.ok(!text.includes('hunter2-secret'));
      assert.ok(!text.includes(TOKEN));
    }
  });

  void test('a failing main is reported and post-if decides whether post runs', async () => {
    const failed = await probe({ inputs: { fail: 'true' } });
    assert.equal(failed.main.exitCode, 1);
    assert.equal(failed.main.outcome, 'failure');
    assert.equal(failed.jobStatus, 'failure');
    assert.ok(failed.post, 'post-if defaults to always()');
    assert.ok(failed.annotations.some((a) => a.command === 'error' && a.message === 'probe failed on purpose'));

    const onFailure = await variantAction('  post-if: failure()\n');
    const skipped = await probe({ actionDir: onFailure });
    assert.equal(skipped.main.outcome, 'success');
    assert.equal(skipped.post, undefined);
    assert.equal(skipped.outputs['post-report'], undefined);

    const ran = await probe({ actionDir: onFailure, inputs: { fail: 'true' } });
    assert.ok(ran.post);

    const onCancel = await variantAction("  post-if: '!cancelled() && success()'\n");
    assert.ok((await probe({ actionDir: onCancel })).post);
    assert.equal((await probe({ actionDir: onCancel, jobStatus: 'cancelled' })).post, undefined);
  });

  void test('an unparsable GITHUB_OUTPUT fails the step even though the process exited 0', async () => {
    const run = await probe({ inputs: { 'raw-output': 'broken<<EOF\nno end\n' } });
    assert.equal(run.main.exitCode, 0);
    assert.equal(run.main.outcome, 'failure');
    const messages = run.issues.map((i) => i.message);
    assert.ok(messages.includes("Unable to process file command 'output' successfully."), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes("Matching delimiter not found 'EOF'")));
  });

  void test('legacy stdout commands: set-output/save-state work with a warning, set-env fails the step', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'runner-legacy-'));
    cleanup.push(dir);
    await writeFile(path.join(dir, 'action.yml'), 'name: legacy\nruns:\n  using: node20\n  main: main.mjs\n  post: post.mjs\n');
    await writeFile(
      path.join(dir, 'main.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        "console.log('::add-mask::masked-value');",
        "console.log('::set-output name=legacy::masked-value%0Atwo');",
        "console.log('::save-state name=legacy-state::kept');",
        "console.log('::stop-commands::resume-here-1');",
        "console.log('::set-output name=ignored::x');",
        "console.log('::resume-here-1::');",
        "console.log('::set-env name=NOPE::x');",
        "appendFileSync(process.env.GITHUB_ENV, 'NODE_OPTIONS=--inspect\\nALLOWED=yes\\n');",
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'post.mjs'), "console.log(`post |${process.env['STATE_legacy-state']}|${process.env.ALLOWED}|${process.env.NODE_OPTIONS ?? 'unset'}`);\n");
    const run = await probe({ actionDir: dir });
    assert.equal(run.outputs.legacy, 'masked-value\ntwo');
    assert.equal(run.outputs.ignored, undefined);
    assert.equal(run.main.exitCode, 0);
    assert.equal(run.main.outcome, 'failure');
    const messages = run.issues.map((i) => `${i.level}: ${i.message}`);
    assert.ok(messages.some((m) => m.startsWith('warning: The `set-output` command is deprecated')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('warning: The `save-state` command is deprecated')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('error: The `set-env` command is disabled')), messages.join('\n'));
    assert.ok(messages.includes("error: Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."), messages.join('\n'));
    assert.deepEqual(run.env, { ALLOWED: 'yes' });
    assert.equal(run.jobStatus, 'failure');
    assert.match(run.post?.stdout ?? '', /\|kept\|yes\|unset$/m);
    assert.match(run.main.stdout, /^::set-output name=legacy::\*\*\*%0Atwo$/m);
  });

  void test('cancellation: an action ignoring SIGINT and SIGTERM is killed, then post runs', async () => {
    const run = await probe({
      inputs: { mode: 'sleep', signals: 'ignore' },
      cancelAfterMs: 400,
      cancelTimings: { sigtermAfterMs: 300, killAfterMs: 200 },
    });
    const sent = run.main.signalsSent;
    assert.deepEqual(
      sent.map((s) => s.signal),
      ['SIGINT', 'SIGTERM', 'SIGKILL'],
    );
    assert.ok(sent[0]!.atMs >= 390, `SIGINT at ${sent[0]!.atMs}`);
    assert.ok(sent[1]!.atMs - sent[0]!.atMs >= 290, `SIGTERM after ${sent[1]!.atMs - sent[0]!.atMs}`);
    assert.ok(sent[2]!.atMs - sent[1]!.atMs >= 190, `SIGKILL after ${sent[2]!.atMs - sent[1]!.atMs}`);
    assert.equal(run.main.signal, 'SIGKILL');
    assert.equal(run.main.exitCode, null);
    assert.match(run.main.stdout, /received SIGINT/);
    assert.match(run.main.stdout, /received SIGTERM/);
    assert.equal(run.main.outcome, 'cancelled');
    assert.equal(run.jobStatus, 'cancelled');
    assert.ok(run.post, 'post runs after cancellation');
    // State written before the kill still reaches post.
    const sleeperPid = Number(outputJson(run, 'post-report').sleeperPid);
    assert.ok(sleeperPid > 0);
    // The orphaned child is cleaned up like the runner's job-end orphan cleanup.
    assert.ok(await waitUntil(() => isDeadOrZombie(sleeperPid), 2000), `sleep ${sleeperPid} still running`);
  });

  void test('cancellation: an action that leaves on SIGTERM gets no SIGKILL', async () => {
    const run = await probe({
      inputs: { mode: 'sleep', signals: 'sigterm' },
      cancelAfterMs: 400,
      cancelTimings: { sigtermAfterMs: 300, killAfterMs: 5000 },
    });
    assert.deepEqual(
      run.main.signalsSent.map((s) => s.signal),
      ['SIGINT', 'SIGTERM'],
    );
    assert.equal(run.main.exitCode, 143);
    assert.equal(run.main.outcome, 'cancelled');
  });

  void test('cancellation: an action that exits on SIGINT stops at once', async () => {
    const run = await probe({ inputs: { mode: 'sleep', signals: 'exit' }, cancelAfterMs: 400 });
    assert.deepEqual(
      run.main.signalsSent.map((s) => s.signal),
      ['SIGINT'],
    );
    assert.equal(run.main.exitCode, 130);
    assert.ok(run.main.durationMs < 400 + 2000, `took ${run.main.durationMs} ms`);
    assert.equal(run.main.outcome, 'cancelled');
    assert.ok(run.post);
  });

  void test('cancellation: default timings are the runner’s 7500 ms then 2500 ms', async () => {
    assert.deepEqual({ ...DEFAULT_CANCEL_TIMINGS }, { sigtermAfterMs: 7500, killAfterMs: 2500 });
    const run = await probe({ inputs: { mode: 'sleep', signals: 'ignore' }, cancelAfterMs: 300 });
    const [sigint, sigterm, sigkill] = run.main.signalsSent;
    assert.deepEqual(
      run.main.signalsSent.map((s) => s.signal),
      ['SIGINT', 'SIGTERM', 'SIGKILL'],
    );
    const termGap = sigterm!.atMs - sigint!.atMs;
    const killGap = sigkill!.atMs - sigterm!.atMs;
    assert.ok(termGap >= 7490 && termGap < 8500, `SIGTERM ${termGap} ms after SIGINT`);
    assert.ok(killGap >= 2490 && killGap < 3500, `SIGKILL ${killGap} ms after SIGTERM`);
  });

  void test('a step outliving timeoutMs is killed and reported', async () => {
    const run = await probe({ inputs: { mode: 'sleep', signals: 'ignore' }, timeoutMs: 500 });
    assert.equal(run.main.timedOut, true);
    assert.equal(run.main.signal, 'SIGKILL');
    assert.equal(run.main.outcome, 'failure');
    assert.ok(run.main.durationMs >= 490 && run.main.durationMs < 5000, `took ${run.main.durationMs} ms`);
    assert.ok(run.issues.some((i) => i.level === 'error' && /timed out after 500 ms/.test(i.message)));
    assert.equal(run.jobStatus, 'failure');
  });
});
