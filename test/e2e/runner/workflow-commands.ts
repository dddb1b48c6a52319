export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface RunnerIssue {
  level: 'error' | 'warning';
  message: string;
}

/** Commands actions/runner registers; any other `::name::` line is plain output. */
export const REGISTERED_COMMANDS: ReadonlySet<string> = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
]);

type Mapping = readonly (readonly [escaped: string, raw: string])[];

// Unescaping applies these in order, '%25' last, exactly as the runner does.
const DATA_MAPPINGS: Mapping = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']];
const PROPERTY_MAPPINGS: Mapping = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];
const LEGACY_MAPPINGS: Mapping = [['%3B', ';'], ['%0D', '\r'], ['%0A', '\n'], ['%5D', ']'], ['%25', '%']];

function unescapeWith(value: string, mappings: Mapping): string {
  return mappings.reduce((text, [escaped, raw]) => text.replaceAll(escaped, raw), value);
}

export function unescapeData(value: string): string {
  return unescapeWith(value, DATA_MAPPINGS);
}

export function unescapeProperty(value: string): string {
  return unescapeWith(value, PROPERTY_MAPPINGS);
}

export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Renders a command line the way @actions/core writes it. */
export function formatWorkflowCommand(cmd: WorkflowCommand): string {
  const props = Object.entries(cmd.properties)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${cmd.command}${props ? ` ${props}` : ''}::${escapeData(cmd.message)}`;
}

function lookup(name: string, commands: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const known of commands) if (known.toLowerCase() === lower) return known;
  return undefined;
}

function splitPair(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) return undefined;
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function parseV2(line: string, commands: ReadonlySet<string>): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const command = lookup(space < 0 ? info : info.slice(0, space), commands);
  if (command === undefined) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const part of info.slice(space + 1).trim().split(',')) {
      const pair = part === '' ? undefined : splitPair(part);
      if (pair) properties[pair[0]] = unescapeProperty(pair[1]);
    }
  }
  return { command, properties, message: unescapeData(text.slice(end + 2)) };
}

function parseLegacy(line: string, commands: ReadonlySet<string>): WorkflowCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const command = lookup(space < 0 ? info : info.slice(0, space), commands);
  if (command === undefined) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const part of info.slice(space + 1).split(';')) {
      const pair = part === '' ? undefined : splitPair(part);
      if (pair) properties[pair[0]] = unescapeWith(pair[1], LEGACY_MAPPINGS);
    }
  }
  return { command, properties, message: unescapeWith(line.slice(close + 1), LEGACY_MAPPINGS) };
}

/**
 * Parses one output line as the runner does: `::name k=v,k=v::data` after leading
 * whitespace, falling back to the legacy `##[name k=v;]data` form. Command names match
 * case-insensitively and are returned as registered.
 */
export function parseWorkflowCommand(
  line: string,
  commands: ReadonlySet<string> = REGISTERED_COMMANDS,
): WorkflowCommand | undefined {
  if (line === '') return undefined;
  return parseV2(line, commands) ?? parseLegacy(line, commands);
}

function uriDataEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Replaces registered secrets, and their JSON- and URI-escaped forms, with `***`. */
export class SecretMasker {
  readonly #values = new Set<string>();

  add(value: string): void {
    if (value === '') return;
    for (const variant of [value, JSON.stringify(value).slice(1, -1), uriDataEscape(value)]) {
      if (variant !== '') this.#values.add(variant);
    }
  }

  get size(): number {
    return this.#values.size;
  }

  mask(text: string): string {
    if (this.#values.size === 0 || text === '') return text;
    const ranges: [number, number][] = [];
    for (const value of this.#values) {
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
        ranges.push([at, at + value.length]);
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let cursor = 0;
    let current = ranges[0]!;
    for (const range of ranges.slice(1)) {
      if (range[0] <= current[1]) {
        current = [current[0], Math.max(current[1], range[1])];
        continue;
      }
      out += `${text.slice(cursor, current[0])}***`;
      cursor = current[1];
      current = range;
    }
    return `${out}${text.slice(cursor, current[0])}***${text.slice(current[1])}`;
  }
}

export interface ProcessedLine {
  /** The line as it would appear in the job log, masked. */
  output: string;
  /** The command the runner acted on, if any; message and properties masked except for add-mask. */
  command?: WorkflowCommand;
  /** The same command unmasked, as the runner's command handlers receive it. */
  raw?: WorkflowCommand;
}

const STOP_TOKEN_ERROR =
  "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. " +
  'For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands ' +
  'or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.';

/**
 * Stateful processing of one step's output lines (stdout and stderr share it, as in the
 * runner): stop-commands/resume, add-mask registration and masking.
 */
export class CommandStream {
  readonly issues: RunnerIssue[] = [];
  /** Set when a command could not be processed; the runner then fails the step. */
  failed = false;
  #stopToken: string | undefined;

  constructor(
    readonly masker: SecretMasker = new SecretMasker(),
    private readonly allowUnsafeStopTokens = false,
  ) {}

  processLine(line: string): ProcessedLine {
    const registered = this.#stopToken === undefined ? REGISTERED_COMMANDS : new Set([...REGISTERED_COMMANDS, this.#stopToken]);
    const parsed = parseWorkflowCommand(line, registered);
    if (parsed === undefined) return { output: this.masker.mask(line) };

    if (this.#stopToken !== undefined) {
      if (parsed.command.toLowerCase() !== this.#stopToken.toLowerCase()) return { output: this.masker.mask(line) };
      this.#stopToken = undefined;
      return { output: this.masker.mask(line), command: this.#masked(parsed), raw: parsed };
    }

    if (parsed.command === 'stop-commands') {
      const token = parsed.message;
      const invalid = token === '' || token.toLowerCase() === 'pause-logging' || lookup(token, REGISTERED_COMMANDS) !== undefined;
      if (invalid && !this.allowUnsafeStopTokens) {
        this.fail(line, STOP_TOKEN_ERROR);
      } else {
        this.#stopToken = token;
      }
      return { output: this.masker.mask(line), command: this.#masked(parsed), raw: parsed };
    }

    if (parsed.command === 'add-mask') {
      if (parsed.message.trim() === '') {
        this.issues.push({ level: 'warning', message: "Can't add secret mask for empty string in ##[add-mask] command." });
      } else {
        this.masker.add(parsed.message);
      }
      return { output: '::add-mask::***', command: parsed, raw: parsed };
    }

    return { output: this.masker.mask(line), command: this.#masked(parsed), raw: parsed };
  }

  /** Records a failure the way the runner reports an exception thrown by a command handler. */
  fail(line: string, message: string): void {
    this.issues.push({ level: 'error', message: `Unable to process command '${this.masker.mask(line)}' successfully.` });
    this.issues.push({ level: 'error', message: this.masker.mask(message) });
    this.failed = true;
  }

  #masked(cmd: WorkflowCommand): WorkflowCommand {
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(cmd.properties)) properties[k] = this.masker.mask(v);
    return { command: cmd.command, properties, message: this.masker.mask(cmd.message) };
  }
}
