import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { evaluateCondition, expandDefault, loadActionYml, type ActionManifest, type JobStatus } from './action-yml.js';
import { CommandStream, SecretMasker, type RunnerIssue, type WorkflowCommand } from './workflow-commands.js';

export type { JobStatus } from './action-yml.js';
export type { RunnerIssue, WorkflowCommand } from './workflow-commands.js';

export interface RunActionOptions {
  actionDir: string;
  workspace: string;
  inputs?: Record<string, string>;
  event: { name: string; payload: object; env: Record<string, string> };
  token?: string;
  env?: Record<string, string>;
  node?: string;
  cancelAfterMs?: number;
  cancelTimings?: { sigtermAfterMs: number; killAfterMs: number };
  jobStatus?: JobStatus;
  timeoutMs?: number;
}

export type StepOutcome = 'success' | 'failure' | 'cancelled';

export interface SignalSent {
  signal: NodeJS.Signals;
  /** Milliseconds after the step process started. */
  atMs: number;
}

export interface StepResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  durationMs: number;
  outcome: StepOutcome;
  timedOut: boolean;
  signalsSent: SignalSent[];
}

export interface ActionRun {
  main: StepResult;
  post?: StepResult;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  env: Record<string, string>;
  path: string[];
  runnerTemp: string;
  annotations: WorkflowCommand[];
  /** Warnings and errors the runner itself would report (unexpected inputs, file command failures...). */
  issues: RunnerIssue[];
  /** The status post-if was evaluated against. */
  jobStatus: JobStatus;
}

/** actions/runner ProcessInvoker: SIGINT, SIGTERM 7.5 s later, kill 2.5 s after that. */
export const DEFAULT_CANCEL_TIMINGS: Readonly<{ sigtermAfterMs: number; killAfterMs: number }> = Object.freeze({
  sigtermAfterMs: 7500,
  killAfterMs: 2500,
});
export const DEFAULT_STEP_TIMEOUT_MS = 120_000;
/** After the process exits the runner waits this long for pipes still held by its children. */
const STREAM_DRAIN_MS = 5000;
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const STRIPPED_PREFIXES = ['GITHUB_', 'INPUT_', 'RUNNER_', 'ACTIONS_', 'STATE_'];

const MESSAGES = {
  deprecatedCommand: (cmd: string) =>
    `The \`${cmd}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/`,
  disabledCommand: (cmd: string) =>
    `The \`${cmd}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/`,
  summaryTooLarge: (sizeK: number) =>
    `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${SUMMARY_LIMIT_BYTES / 1024}k, got ${sizeK}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`,
};

export function inputEnvName(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

interface FileCommandPaths {
  path: string;
  env: string;
  summary: string;
  output: string;
  state: string;
}

interface JobState {
  env: Record<string, string>;
  prependPath: string[];
  outputs: Record<string, string>;
  /** Intra-action state saved by main; becomes STATE_<name> for post. */
  actionState: Record<string, string>;
  allState: Record<string, string>;
  summaries: string[];
  issues: RunnerIssue[];
}

async function createFileCommands(dir: string): Promise<FileCommandPaths> {
  const suffix = randomUUID();
  const paths: FileCommandPaths = {
    path: path.join(dir, `add_path_${suffix}`),
    env: path.join(dir, `set_env_${suffix}`),
    summary: path.join(dir, `step_summary_${suffix}`),
    output: path.join(dir, `set_output_${suffix}`),
    state: path.join(dir, `save_state_${suffix}`),
  };
  await Promise.all([paths.path, paths.env, paths.summary, paths.output, paths.state].map((p) => writeFile(p, '')));
  return paths;
}

/** `NAME=value` and `NAME<<DELIM` ... `DELIM` lines, parsed with the runner's rules (LF line ends). */
export function parseKeyValueFile(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  let index = 0;
  const readLine = (): { line: string; newline: number } | undefined => {
    if (index >= text.length) return undefined;
    const start = index;
    const lf = text.indexOf('\n', index);
    if (lf < 0) {
      index = text.length;
      return { line: text.slice(start), newline: 0 };
    }
    index = lf + 1;
    return { line: text.slice(start, lf), newline: 1 };
  };
  for (let read = readLine(); read; read = readLine()) {
    const { line } = read;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq);
      if (name === '') throw new Error(`Invalid format '${line}'. Name must not be empty`);
      pairs.push([name, line.slice(eq + 1)]);
    } else if (heredoc >= 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') {
        throw new Error(`Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
      }
      const start = index;
      let end = index;
      let next = readLine();
      while (next?.line !== delimiter) {
        if (next === undefined) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
        end = index - next.newline;
        next = readLine();
      }
      pairs.push([name, end > start ? text.slice(start, end) : '']);
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return pairs;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function setEnv(job: JobState, name: string, value: string, via: string): void {
  if (name.toUpperCase() === 'NODE_OPTIONS') {
    const message =
      via === 'file'
        ? "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."
        : "Can't update NODE_OPTIONS environment variable using ::set-env:: command.";
    job.issues.push({ level: 'error', message });
    return;
  }
  job.env[name] = value;
}

function prependPath(job: JobState, entry: string): void {
  job.prependPath = job.prependPath.filter((p) => p !== entry);
  job.prependPath.push(entry);
}

async function readIfExists(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** Returns false when a file command could not be processed, which fails the step. */
async function processFileCommands(
  files: FileCommandPaths,
  job: JobState,
  masker: SecretMasker,
  stage: 'main' | 'post',
): Promise<boolean> {
  let ok = true;
  const handlers: [string, () => Promise<void>][] = [
    [
      'path',
      async () => {
        for (const line of splitLines(await readIfExists(files.path))) if (line !== '') prependPath(job, line);
      },
    ],
    [
      'env',
      async () => {
        for (const [k, v] of parseKeyValueFile(await readIfExists(files.env))) setEnv(job, k, v, 'file');
      },
    ],
    [
      'step_summary',
      async () => {
        const size = await stat(files.summary).then(
          (st) => st.size,
          () => 0,
        );
        if (size === 0) return;
        if (size > SUMMARY_LIMIT_BYTES) {
          job.issues.push({ level: 'error', message: MESSAGES.summaryTooLarge(Math.floor(size / 1024)) });
          return;
        }
        const lines = splitLines(await readFile(files.summary, 'utf8'));
        job.summaries.push(lines.map((l) => `${masker.mask(l)}\n`).join(''));
      },
    ],
    [
      'output',
      async () => {
        for (const [k, v] of parseKeyValueFile(await readIfExists(files.output))) job.outputs[k] = v;
      },
    ],
    [
      'state',
      async () => {
        for (const [k, v] of parseKeyValueFile(await readIfExists(files.state))) {
          if (stage === 'main') job.actionState[k] = v;
          job.allState[k] = v;
        }
      },
    ],
  ];
  for (const [name, handle] of handlers) {
    try {
      await handle();
    } catch (err) {
      job.issues.push({ level: 'error', message: `Unable to process file command '${name}' successfully.` });
      job.issues.push({ level: 'error', message: masker.mask((err as Error).message) });
      ok = false;
    }
  }
  return ok;
}

/** Splits a byte stream into lines the way .NET's ReadLine does (LF, CR or CRLF), keeping the terminators. */
class LineReader {
  readonly #decoder = new StringDecoder('utf8');
  #buffer = '';

  constructor(private readonly onLine: (line: string, terminator: string) => void) {}

  push(chunk: Buffer): void {
    this.#buffer += this.#decoder.write(chunk);
    this.#drain(false);
  }

  end(): void {
    this.#buffer += this.#decoder.end();
    this.#drain(true);
    if (this.#buffer !== '') this.onLine(this.#buffer, '');
    this.#buffer = '';
  }

  #drain(final: boolean): void {
    let start = 0;
    for (const m of this.#buffer.matchAll(/\r\n|\r|\n/g)) {
      // A trailing CR may be the first half of a CRLF split across chunks.
      if (!final && m[0] === '\r' && m.index === this.#buffer.length - 1) break;
      this.onLine(this.#buffer.slice(start, m.index), m[0]);
      start = m.index + m[0].length;
    }
    this.#buffer = this.#buffer.slice(start);
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise; never holds the event loop longer. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function streamClosed(stream: Readable): Promise<void> {
  if (stream.closed || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

interface StepSpec {
  script: string;
  env: Record<string, string>;
  cwd: string;
  node: string;
  timeoutMs: number;
  masker: SecretMasker;
  cancel?: { afterMs: number; sigtermAfterMs: number; killAfterMs: number };
}

async function runProcess(spec: StepSpec, job: JobState): Promise<StepResult> {
  const stream = new CommandStream(spec.masker, spec.env.ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS?.toLowerCase() === 'true');
  const allowUnsafeCommands = spec.env.ACTIONS_ALLOW_UNSECURE_COMMANDS?.toLowerCase() === 'true';
  const commands: WorkflowCommand[] = [];
  const captured = { stdout: '', stderr: '' };
  const signalsSent: SignalSent[] = [];

  const apply = (line: string, cmd: WorkflowCommand): void => {
    const name = cmd.properties.name;
    switch (cmd.command) {
      case 'set-output':
      case 'save-state':
        if (!name) return stream.fail(line, `Required field 'name' is missing in ##[${cmd.command}] command.`);
        job.issues.push({ level: 'warning', message: MESSAGES.deprecatedCommand(cmd.command) });
        if (cmd.command === 'set-output') job.outputs[name] = cmd.message;
        else job.actionState[name] = job.allState[name] = cmd.message;
        return;
      case 'set-env':
      case 'add-path':
        if (!allowUnsafeCommands) return stream.fail(line, MESSAGES.disabledCommand(cmd.command));
        if (cmd.command === 'add-path') return prependPath(job, cmd.message);
        if (!name) return stream.fail(line, "Required field 'name' is missing in ##[set-env] command.");
        return setEnv(job, name, cmd.message, 'command');
    }
  };

  const started = performance.now();
  const child = spawn(spec.node, [spec.script], { cwd: spec.cwd, env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] });
  // The runner closes stdin right away so nothing blocks on input.
  child.stdin.on('error', () => undefined);
  child.stdin.end();

  const readers = (['stdout', 'stderr'] as const).map((key) => {
    const reader = new LineReader((line, terminator) => {
      // Commands are parsed from the raw line; what is kept is masked after add-mask took effect.
      const processed = stream.processLine(line);
      captured[key] += processed.output + terminator;
      if (processed.command) commands.push(processed.command);
      if (processed.raw) apply(line, processed.raw);
    });
    child[key].on('data', (chunk: Buffer) => reader.push(chunk));
    return reader;
  });

  let spawnError: Error | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => {
      spawnError = err;
      resolve({ code: null, signal: null });
    });
  });

  const send = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null && child.kill(signal)) {
      signalsSent.push({ signal, atMs: Math.round(performance.now() - started) });
    }
  };

  let cancelRequested = false;
  let timedOut = false;
  const timers: NodeJS.Timeout[] = [];
  if (spec.cancel) {
    const { afterMs, sigtermAfterMs, killAfterMs } = spec.cancel;
    const sequence = async (): Promise<void> => {
      cancelRequested = true;
      send('SIGINT');
      if (await settlesWithin(exited, sigtermAfterMs)) return;
      send('SIGTERM');
      if (await settlesWithin(exited, killAfterMs)) return;
      send('SIGKILL');
    };
    timers.push(setTimeout(() => void sequence(), afterMs));
  }
  timers.push(
    setTimeout(() => {
      timedOut = true;
      send('SIGKILL');
    }, spec.timeoutMs),
  );

  const { code, signal } = await exited;
  const durationMs = Math.round(performance.now() - started);
  timers.forEach(clearTimeout);

  const pipes = [child.stdout, child.stderr];
  if (!(await settlesWithin(Promise.all(pipes.map(streamClosed)), STREAM_DRAIN_MS))) {
    pipes.forEach((p) => p.destroy());
  }
  readers.forEach((r) => r.end());
  if (spawnError) captured.stderr += `${spawnError.message}\n`;
  if (timedOut) job.issues.push({ level: 'error', message: `The step has timed out after ${spec.timeoutMs} ms.` });
  job.issues.push(...stream.issues);

  let outcome: StepOutcome = 'success';
  if (cancelRequested) outcome = 'cancelled';
  else if (timedOut || code !== 0 || stream.failed) outcome = 'failure';

  return {
    exitCode: code,
    signal,
    stdout: captured.stdout,
    stderr: captured.stderr,
    commands,
    durationMs,
    outcome,
    timedOut,
    signalsSent,
  };
}

/** The runner's orphan cleanup at job end: kill whatever still carries this job's tracking id. */
async function killTrackedProcesses(trackingId: string): Promise<void> {
  if (process.platform !== 'linux') return;
  const marker = `RUNNER_TRACKING_ID=${trackingId}`;
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)
      .map(async (pid) => {
        const environ = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
        if (!environ.split('\0').includes(marker)) return;
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }),
  );
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // NODE_TEST_* comes from the test runner hosting this process, not from a job.
    if (v === undefined || k.startsWith('NODE_TEST_')) continue;
    if (STRIPPED_PREFIXES.some((p) => k.toUpperCase().startsWith(p))) continue;
    env[k] = v;
  }
  return env;
}

function runnerArch(): string {
  const map: Record<string, string> = { x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' };
  return map[process.arch] ?? process.arch.toUpperCase();
}

function runnerOs(): string {
  const map: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
  return map[process.platform] ?? process.platform;
}

function contextEnv(opts: RunActionOptions, actionDir: string, workspace: string, runnerTemp: string, eventPath: string): Record<string, string> {
  const payload = opts.event.payload as { repository?: { full_name?: string; owner?: { login?: string } }; sender?: { login?: string } };
  const eventEnv = opts.event.env;
  const repository = eventEnv.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? 'owner/repo';
  const sha = eventEnv.GITHUB_SHA ?? '';
  const ref = eventEnv.GITHUB_REF ?? '';
  const defaults: Record<string, string> = {
    GITHUB_ACTION: '__self',
    GITHUB_ACTION_PATH: actionDir,
    GITHUB_ACTOR: payload.sender?.login ?? repository.split('/')[0]!,
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_BASE_REF: '',
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_HEAD_REF: '',
    GITHUB_JOB: 'test',
    GITHUB_REF: ref,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: payload.repository?.owner?.login ?? repository.split('/')[0]!,
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: sha,
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/ci.yml@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_WORKSPACE: workspace,
    RUNNER_ARCH: runnerArch(),
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_OS: runnerOs(),
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, '_tool'),
    RUNNER_WORKSPACE: path.dirname(workspace),
  };
  const merged = { ...defaults, ...eventEnv };
  // Overrides given by the caller win over what the runner would derive.
  for (const key of Object.keys(merged)) {
    const override = opts.env?.[key];
    if (override !== undefined) merged[key] = override;
  }
  return merged;
}

function resolveInputs(
  manifest: ActionManifest,
  given: Record<string, string>,
  contextValues: Record<string, string>,
  issues: RunnerIssue[],
): Map<string, string> {
  const inputs = new Map<string, string>(Object.entries(given));
  const givenLower = new Set(Object.keys(given).map((k) => k.toLowerCase()));
  const declared = Object.keys(manifest.inputs);
  const declaredLower = new Set(declared.map((k) => k.toLowerCase()));

  for (const key of Object.keys(given)) {
    const meta = Object.entries(manifest.inputs).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
    if (meta?.deprecationMessage !== undefined) {
      issues.push({ level: 'warning', message: `Input '${key}' has been deprecated with message: ${meta.deprecationMessage}` });
    }
  }
  for (const [name, meta] of Object.entries(manifest.inputs)) {
    if (givenLower.has(name.toLowerCase())) continue;
    const value = meta.default === undefined ? '' : expandDefault(meta.default, contextValues);
    inputs.set(name, value);
    if (meta.required && value === '') issues.push({ level: 'warning', message: `Input required and not supplied: ${name}` });
  }
  const unexpected = Object.keys(given).filter((k) => !declaredLower.has(k.toLowerCase()));
  if (unexpected.length > 0) {
    issues.push({
      level: 'warning',
      message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${declared.join("', '")}']`,
    });
  }
  return inputs;
}

/**
 * Runs a JavaScript action's main (and post, when post-if allows) as child processes the way
 * actions/runner does, and reads back outputs, state, summary, env, path and annotations.
 * The caller owns `runnerTemp` and may remove it afterwards.
 */
export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const actionDir = path.resolve(opts.actionDir);
  const workspace = path.resolve(opts.workspace);
  const manifest = await loadActionYml(actionDir);

  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'));
  const fileCommandDir = path.join(runnerTemp, '_runner_file_commands');
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await Promise.all([
    mkdir(fileCommandDir, { recursive: true }),
    mkdir(path.dirname(eventPath), { recursive: true }),
    mkdir(path.join(runnerTemp, '_tool'), { recursive: true }),
  ]);
  await writeFile(eventPath, JSON.stringify(opts.event.payload, null, 2));

  const masker = new SecretMasker();
  if (opts.token) masker.add(opts.token);
  const job: JobState = { env: {}, prependPath: [], outputs: {}, actionState: {}, allState: {}, summaries: [], issues: [] };
  const context = contextEnv(opts, actionDir, workspace, runnerTemp, eventPath);
  const contextValues: Record<string, string> = { 'github.token': opts.token ?? '' };
  for (const [k, v] of Object.entries(context)) {
    if (k.startsWith('GITHUB_')) contextValues[`github.${k.slice(7).toLowerCase()}`] = v;
    if (k.startsWith('RUNNER_')) contextValues[`runner.${k.slice(7).toLowerCase()}`] = v;
  }
  const inputs = resolveInputs(manifest, opts.inputs ?? {}, contextValues, job.issues);
  const trackingId = `github_${randomUUID()}`;
  const inherited = inheritedEnv();

  const stepEnv = (stage: 'main' | 'post', files: FileCommandPaths): Record<string, string> => {
    const env: Record<string, string> = { ...inherited, ...opts.env, ...job.env };
    if (stage === 'post') for (const [k, v] of Object.entries(job.actionState)) env[`STATE_${k}`] = v;
    for (const [name, value] of inputs) env[inputEnvName(name)] = value;
    Object.assign(env, context);
    if (job.prependPath.length > 0) {
      const original = job.env.PATH ?? opts.env?.PATH ?? inherited.PATH ?? '';
      const prepend = job.prependPath.toReversed().join(path.delimiter);
      env.PATH = original === '' ? prepend : `${prepend}${path.delimiter}${original}`;
    }
    Object.assign(env, {
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TRACKING_ID: trackingId,
      GITHUB_ACTIONS: 'true',
    });
    env.CI ??= 'true';
    return env;
  };

  const executeStep = async (stage: 'main' | 'post', script: string, cancel?: StepSpec['cancel']): Promise<StepResult> => {
    const files = await createFileCommands(fileCommandDir);
    const spec: StepSpec = {
      script: path.resolve(actionDir, script),
      env: stepEnv(stage, files),
      cwd: workspace,
      node: opts.node ?? process.execPath,
      timeoutMs: opts.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
      masker,
    };
    if (cancel) spec.cancel = cancel;
    const result = await runProcess(spec, job);
    // The runner processes file commands even when the step failed or was cancelled.
    const filesOk = await processFileCommands(files, job, masker, stage);
    if (!filesOk && result.outcome === 'success') result.outcome = 'failure';
    return result;
  };

  try {
    const timings = opts.cancelTimings ?? DEFAULT_CANCEL_TIMINGS;
    const main = await executeStep(
      'main',
      manifest.runs.main,
      opts.cancelAfterMs === undefined ? undefined : { afterMs: opts.cancelAfterMs, ...timings },
    );
    const jobStatus: JobStatus = opts.jobStatus ?? main.outcome;
    const post =
      manifest.runs.post !== undefined && evaluateCondition(manifest.runs.postIf, jobStatus)
        ? await executeStep('post', manifest.runs.post)
        : undefined;

    const steps = post ? [main, post] : [main];
    const run: ActionRun = {
      main,
      outputs: { ...job.outputs },
      state: { ...job.allState },
      summary: job.summaries.join(''),
      env: { ...job.env },
      path: [...job.prependPath],
      runnerTemp,
      annotations: steps.flatMap((s) => s.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command))),
      issues: job.issues,
      jobStatus,
    };
    if (post) run.post = post;
    return run;
  } finally {
    await killTrackedProcesses(trackingId);
  }
}
