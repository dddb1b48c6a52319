import path from 'node:path';
import { Document } from 'yaml';
import { type LoadedConfig, loadConfigFile } from '../../core/config.js';
import { ConfigurationError } from '../../core/errors.js';
import { loadSchema } from '../../core/schema-files.js';
import { type CheckSpec, type Checklist, type ChecklistItem, PRIORITIES, type Priority, type Waiver } from './types.js';

/** Level names used when the checklist names none, lowest first. */
export const DEFAULT_LEVELS: readonly string[] = ['bronze', 'silver', 'gold'];
/** Score weight per priority used when the checklist sets none. */
export const DEFAULT_WEIGHTS: Readonly<Record<Priority, number>> = { critical: 10, high: 7.5, medium: 5, low: 2.5 };

const SCHEMA = 'readiness.schema.json';

// ---- the file as written (snake_case keys, validated by schemas/readiness.schema.json) ----

type RawWaiver = Omit<Waiver, 'line'>;

/** An item as written: no section or line yet, and `checks` may be left out (a manual item). */
type RawItem = Omit<ChecklistItem, 'section' | 'checks' | 'line'> & { checks?: CheckSpec[] };

interface RawChecklist {
  version: 1;
  name?: string;
  levels?: string[];
  weights?: Partial<Record<Priority, number>>;
  policy?: { min_score?: number; min_level?: string };
  sections: { title: string; items: RawItem[] }[];
  waivers?: RawWaiver[];
  waivers_file?: string;
}

interface RawWaiversFile {
  version?: 1;
  waivers: RawWaiver[];
}

export interface LoadChecklistOptions {
  /** Path shown in messages and kept as `Checklist.file` (default: the path relative to the working directory). */
  displayPath?: string;
  /** Probe types that exist; when given, a check of any other type is an error. */
  knownProbeTypes?: readonly string[];
}

/**
 * Reads readiness.yml (or .yaml/.json), validates it against schemas/readiness.schema.json and returns the
 * checklist with defaults filled in (levels, weights), every item's 1-based line and every waiver's line (in the
 * file it was written in). Waivers come from `waivers:` and from `waivers_file` (relative to the checklist's
 * directory), together. An item without `checks` gets one `manual` check. Every problem is a ConfigurationError
 * naming the file, the line and the field.
 */
export async function loadChecklist(file: string, opts: LoadChecklistOptions = {}): Promise<Checklist> {
  const loaded = await loadConfigFile<RawChecklist>(file, loadSchema(SCHEMA), opts.displayPath === undefined ? {} : { displayPath: opts.displayPath });
  const raw = loaded.value;
  const at = locator(loaded);

  const levels = raw.levels ?? [...DEFAULT_LEVELS];
  const weights: Record<Priority, number> = { ...DEFAULT_WEIGHTS, ...raw.weights };

  const policy: Checklist['policy'] = {};
  if (raw.policy?.min_score !== undefined) policy.minScore = raw.policy.min_score;
  if (raw.policy?.min_level !== undefined) {
    if (!levels.includes(raw.policy.min_level)) {
      throw at('/policy/min_level', `policy.min_level \`${raw.policy.min_level}\` is not one of the levels (${levels.join(', ')}). Use one of them, or add it to \`levels\`.`);
    }
    policy.minLevel = raw.policy.min_level;
  }

  const seen = new Map<string, number | undefined>();
  const sections = raw.sections.map((section, s) => ({
    title: section.title,
    items: section.items.map((item, i): ChecklistItem => {
      const pointer = `/sections/${s}/items/${i}`;
      const line = loaded.lineOf(pointer) ?? loaded.lineOf(`/sections/${s}`) ?? 1;
      const first = seen.get(item.id);
      if (seen.has(item.id)) {
        throw at(
          `${pointer}/id`,
          `duplicate item id \`${item.id}\`: already used by the item at line ${first ?? '?'}; this one is at line ${line}. Give each item its own id.`,
        );
      }
      seen.set(item.id, line);
      if (item.level !== undefined && !levels.includes(item.level)) {
        throw at(`${pointer}/level`, `level \`${item.level}\` of item \`${item.id}\` is not one of the levels (${levels.join(', ')}). Use one of them, or add it to \`levels\`.`);
      }
      const checks = item.checks ?? [{ type: 'manual' }];
      if (opts.knownProbeTypes !== undefined) {
        const known = opts.knownProbeTypes;
        checks.forEach((check, c) => {
          if (!known.includes(check.type)) {
            throw at(
              `${pointer}/checks/${c}/type`,
              `unknown check type \`${check.type}\` in item \`${item.id}\`. Known types: ${[...known].sort().join(', ')}.`,
            );
          }
        });
      }
      const out: ChecklistItem = { id: item.id, title: item.title, priority: item.priority, section: section.title, checks, line };
      if (item.owner !== undefined) out.owner = item.owner;
      if (item.acceptance !== undefined) out.acceptance = item.acceptance;
      if (item.level !== undefined) out.level = item.level;
      return out;
    }),
  }));

  const sources: { loaded: LoadedConfig<unknown>; list: RawWaiver[] }[] = [];
  if (raw.waivers !== undefined) sources.push({ loaded, list: raw.waivers });
  if (raw.waivers_file !== undefined) {
    const wf = await loadWaiversFile(path.resolve(path.dirname(file), raw.waivers_file), raw.waivers_file, opts.displayPath, at);
    sources.push({ loaded: wf, list: wf.value.waivers });
  }
  const waivers: Waiver[] = [];
  const waiverAt = new Map<string, string>();
  for (const source of sources) {
    const wat = locator(source.loaded);
    source.list.forEach((w, k) => {
      const pointer = `/waivers/${k}`;
      const line = source.loaded.lineOf(pointer);
      const where = line === undefined ? source.loaded.file : `${source.loaded.file}:${line}`;
      if (!seen.has(w.id)) {
        throw wat(`${pointer}/id`, `waiver for unknown item \`${w.id}\`: no item in ${loaded.file} has this id. Fix the id, or remove the waiver.`);
      }
      if (!isValidDate(w.expires)) {
        throw wat(`${pointer}/expires`, `expires \`${w.expires}\` of the waiver for \`${w.id}\` is not a valid date. Write a real calendar date as YYYY-MM-DD.`);
      }
      for (const key of ['reason', 'owner'] as const) {
        if (w[key].trim() === '') throw wat(`${pointer}/${key}`, `the waiver for \`${w.id}\` has an empty \`${key}\`. Say ${key === 'reason' ? 'why the item is waived' : 'who owns the exception'}.`);
      }
      const previous = waiverAt.get(w.id);
      if (previous !== undefined) {
        throw wat(pointer, `duplicate waiver for \`${w.id}\`: the item is already waived at ${previous}; this one is at ${where}. Keep one waiver per item.`);
      }
      waiverAt.set(w.id, where);
      const waiver: Waiver = { id: w.id, reason: w.reason, owner: w.owner, expires: w.expires };
      if (w.ticket !== undefined) waiver.ticket = w.ticket;
      if (line !== undefined) waiver.line = line;
      waivers.push(waiver);
    });
  }

  const checklist: Checklist = { file: loaded.file, sections, levels, weights, policy, waivers };
  if (raw.name !== undefined) checklist.name = raw.name;
  return checklist;
}

type At = (pointer: string, message: string) => ConfigurationError;

/** Builds errors located at a JSON pointer of a loaded file: `file:line: message`, with the field named. */
function locator(loaded: LoadedConfig<unknown>): At {
  return (pointer, message) => {
    let line: number | undefined;
    for (let p = pointer; line === undefined; p = p.slice(0, p.lastIndexOf('/'))) {
      line = loaded.lineOf(p);
      if (p === '') break;
    }
    return new ConfigurationError(`${line === undefined ? loaded.file : `${loaded.file}:${line}`}: ${message}`, {
      location: line === undefined ? { file: loaded.file } : { file: loaded.file, line },
      field: fieldName(pointer),
    });
  };
}

async function loadWaiversFile(file: string, written: string, checklistDisplay: string | undefined, at: At): Promise<LoadedConfig<RawWaiversFile>> {
  const main = loadSchema(SCHEMA) as { $defs: object };
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: main.$defs, $ref: '#/$defs/waivers_file' };
  const displayPath = checklistDisplay === undefined ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(checklistDisplay.replaceAll('\\', '/')), written));
  try {
    return await loadConfigFile<RawWaiversFile>(file, schema, displayPath === undefined ? {} : { displayPath });
  } catch (e) {
    if (e instanceof ConfigurationError && (e.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw at('/waivers_file', `waivers_file: ${e.message} (the path is relative to the checklist's directory). Fix the path, or create the file.`);
    }
    throw e;
  }
}

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `/sections/2/items/0/id` as `sections[2].items[0].id`. */
function fieldName(pointer: string): string {
  let out = '';
  for (const s of pointer.split('/').slice(1)) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? 'the top level' : out;
}

// ---- writing ----

const ITEM_KEYS = ['id', 'title', 'priority', 'owner', 'acceptance', 'level'] as const;

/**
 * The readiness.yml text of a checklist (snake_case keys; item keys in the order id, title, priority, owner,
 * acceptance, level, checks; a check's `type` first). Levels and weights are written only where they differ from the
 * defaults; waivers (from wherever they were loaded) are written inline. Loading the text gives back the same items.
 */
export function checklistToYaml(c: Checklist): string {
  const out: Record<string, unknown> = { version: 1 };
  if (c.name !== undefined) out.name = c.name;
  if (!sameList(c.levels, DEFAULT_LEVELS)) out.levels = [...c.levels];
  if (PRIORITIES.some((p) => c.weights[p] !== DEFAULT_WEIGHTS[p])) out.weights = Object.fromEntries(PRIORITIES.map((p) => [p, c.weights[p]]));
  const policy: Record<string, unknown> = {};
  if (c.policy.minScore !== undefined) policy.min_score = c.policy.minScore;
  if (c.policy.minLevel !== undefined) policy.min_level = c.policy.minLevel;
  if (Object.keys(policy).length > 0) out.policy = policy;
  out.sections = c.sections.map((s) => ({
    title: s.title,
    items: s.items.map((item) => {
      const o: Record<string, unknown> = {};
      for (const key of ITEM_KEYS) if (item[key] !== undefined) o[key] = item[key];
      o.checks = item.checks.map((check) => {
        const { type, ...rest } = check;
        return { type, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
      });
      return o;
    }),
  }));
  if (c.waivers.length > 0) {
    out.waivers = c.waivers.map((w) => ({ id: w.id, reason: w.reason, owner: w.owner, ...(w.ticket === undefined ? {} : { ticket: w.ticket }), expires: w.expires }));
  }
  return new Document(out).toString({ lineWidth: 0 });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
