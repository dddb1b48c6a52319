import { ConfigurationError } from '../../core/errors.js';
import { MISSING_CELLS, parseCell, streamRows } from './read-table.js';
import type { ClassificationData, PredictionData, RegressionData } from './types.js';

export type PredictionTask = 'auto' | 'binary' | 'multiclass' | 'regression';

export interface PredictionOptions {
  task?: PredictionTask;
  /** Column of the true values (default 'label'). */
  labelColumn: string;
  /** Column of the predicted class or value (default 'prediction'). */
  predictionColumn: string;
  /** A prefix such as 'score_' (one column per class: score_<class>), or the name of a single score column (binary). */
  scoreColumns: string;
  positiveLabel?: string;
  /** Fixed class order; else sorted as scikit-learn does (numeric order when every label is a number). */
  classes?: string[];
  /** Score rows (multiclass, or binary with one column per class) must sum to 1 within this. Default 1e-6. */
  sumTolerance: number;
  /** The file's name in messages. */
  label?: string;
}

export interface PredictionRead {
  data: PredictionData;
  rows: number;
  /** Things worth telling the user that are not errors, e.g. a single class present. */
  warnings: string[];
}

/** The config keys behind the options, for messages. */
const KEYS = { label: 'columns.label', prediction: 'columns.prediction', scores: 'columns.scores', tolerance: 'sum_tolerance' };

/**
 * Reads a predictions file (any format of readTable) into columnar, typed prediction data.
 *
 * Task detection (`task: auto`), in this order:
 * 1. a column named exactly `scoreColumns` → binary; it holds the probability of the positive class;
 * 2. columns whose names start with `scoreColumns` (other than the label and prediction columns) → one column per
 *    class, the class being the rest of the name (`score_cat` → `cat`): 1 or 2 such columns → binary (the positive
 *    class's column is used; a single column of the negative class is turned into 1 − score), 3 or more → multiclass;
 * 3. no score columns, every label and prediction a number and at least one not an integer → regression;
 * 4. no score columns otherwise → classification without scores: binary with at most 2 classes, else multiclass.
 * An explicit task skips detection (regression ignores score columns; binary allows at most 2 classes).
 *
 * Labels: the sorted union of the true labels, the predicted labels and the score columns' classes, as scikit-learn's
 * `unique_labels`: numeric order when every label is a decimal number (then `1.0` and `1` are the same label, shown
 * as `1`), string order otherwise; `classes` fixes the order instead, and a label outside it is an error.
 * Binary positive class: `positiveLabel`, else the greater of the two labels in that order (`1` of {0, 1}, `1` of
 * {-1, 1}, `yes` of {no, yes}). scikit-learn's default `pos_label=1` only works for {0, 1} and {-1, 1}; this rule
 * agrees with it there and picks a deterministic class otherwise — set `positive_label` when it is the wrong one.
 *
 * Empty, NA, NaN, null and None cells are missing: a missing label or prediction is an error, as is a score that is
 * missing, not a number or outside [0, 1], and a row of per-class scores that does not sum to 1 within
 * `sumTolerance`. A single class among the true labels is only a warning: metrics that need two are NaN then.
 *
 * The file is read in one pass, cells converted as they stream by: a row's own errors (missing cell, bad score, bad
 * sum) are reported at the first such line; the checks that need every label (classes, labels absent from score
 * columns, class count, positive label) run at the end and name the line where the label first appears.
 */
export async function readPredictions(file: string, opts: PredictionOptions): Promise<PredictionRead> {
  try {
    return await readOnce(file, opts, true);
  } catch (e) {
    if (!(e instanceof NotRegression)) throw e;
  }
  // Rare: many distinct fractional values were read as numbers, then a cell that is not one showed up.
  return readOnce(file, opts, false);
}

/**
 * One pass over the file: cells are converted as they are read (labels interned, scores parsed into typed arrays),
 * and the checks that need every label (class order, classes, score columns) run at the end.
 */
async function readOnce(file: string, opts: PredictionOptions, maybeRegression: boolean): Promise<PredictionRead> {
  const label = opts.label ?? file;
  let plan: ColumnPlan | undefined;
  let reader: PredictionReader | undefined;
  const table = await streamRows(
    file,
    {
      label,
      columns: (header) => {
        plan = planColumns(header, opts, label);
        return plan.columns;
      },
    },
    (_header, columns) => {
      if (plan === undefined) throw new Error('internal error: predictions read without a column plan');
      reader = new PredictionReader(label, opts, plan, columns, maybeRegression);
    },
    (cells, line) => reader!.row(cells, line),
  );
  if (reader === undefined) throw new Error('internal error: predictions read without a header');
  return reader.finish(table.rows);
}

/** Thrown to read the file again when numbers read for a regression turn out to be labels. */
class NotRegression extends Error {}

// ---- columns and task ----

interface ColumnPlan {
  columns: string[];
  /** A single score column (probability of the positive class). */
  single?: string;
  /** Per-class score columns: raw class name → column. */
  perClass: Map<string, string>;
}

function planColumns(header: readonly string[], opts: PredictionOptions, file: string): ColumnPlan {
  const found = `columns found: ${header.join(', ')}`;
  for (const [name, key] of [
    [opts.labelColumn, KEYS.label],
    [opts.predictionColumn, KEYS.prediction],
  ] as const) {
    if (!header.includes(name)) {
      throw new ConfigurationError(`${file}:1: no column \`${name}\` (${found}). Name the column in \`${key}\` of the configuration (or the matching input).`, {
        location: { file, line: 1 },
        field: key,
      });
    }
  }
  const columns = [opts.labelColumn, opts.predictionColumn];
  const perClass = new Map<string, string>();
  const task = opts.task ?? 'auto';
  const prefix = opts.scoreColumns;
  if (task === 'regression' || prefix === '') return { columns, perClass };
  if (header.includes(prefix)) {
    if (task === 'multiclass') {
      throw new ConfigurationError(
        `${file}:1: task is multiclass but \`${prefix}\` is a single score column. Give one score column per class (${prefix}<class>) or set \`task\` to binary.`,
        { location: { file, line: 1 }, field: KEYS.scores },
      );
    }
    return { columns: [...columns, prefix], single: prefix, perClass };
  }
  for (const name of header) {
    if (name.length > prefix.length && name.startsWith(prefix) && name !== opts.labelColumn && name !== opts.predictionColumn) {
      perClass.set(name.slice(prefix.length), name);
    }
  }
  if (task === 'binary' && perClass.size > 2) {
    throw new ConfigurationError(
      `${file}:1: task is binary but there are ${perClass.size} score columns (${[...perClass.values()].join(', ')}). Set \`task\` to multiclass, or keep the two classes' columns.`,
      { location: { file, line: 1 }, field: 'task' },
    );
  }
  return { columns: [...columns, ...perClass.values()], perClass };
}

// ---- label order ----

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** scikit-learn's order of labels: numeric when every label is a decimal number, else by UTF-16 code units. */
function orderLabels(labels: Iterable<string>, numeric: boolean): string[] {
  const out = [...labels];
  if (numeric) return out.sort((a, b) => Number(a) - Number(b));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function list(labels: Iterable<string>): string {
  return [...labels].map((l) => `\`${l}\``).join(', ');
}

// ---- labels ----

/** A distinct raw label and where it first appears: in the label column if it does, else in the prediction column. */
interface Seen {
  raw: string;
  line: number;
  column: string;
}

/** The classes, in their final order, and how raw labels map onto them. */
interface Labels {
  labels: string[];
  index: Map<string, number>;
  canon: (s: string) => string;
  multiclass: boolean;
  /** Binary: index of the positive class. */
  positive: number | undefined;
}

function inputError(file: string, line: number | undefined, column: string | undefined, why: string, field?: string): ConfigurationError {
  const where = line === undefined ? file : `${file}:${line}`;
  const col = column === undefined ? '' : `column \`${column}\`: `;
  return new ConfigurationError(`${where}: ${col}${why}`, {
    location: line === undefined ? { file } : { file, line },
    ...(field === undefined ? {} : { field }),
  });
}

/**
 * The classes of a classification from its distinct raw labels (in the order they first appear, label column
 * first) and the score columns, with every check that needs them: classes, labels absent from score columns, class
 * count, positive label.
 */
function resolveLabels(file: string, opts: PredictionOptions, plan: ColumnPlan, seen: readonly Seen[]): Labels {
  const task = opts.task ?? 'auto';
  const scoreClasses = [...plan.perClass.keys()];
  const positiveRaw = opts.positiveLabel;
  const raws = seen.map((s) => s.raw);
  const everyName = [...raws, ...scoreClasses, ...(opts.classes ?? [])];
  const numeric = everyName.every((s) => DECIMAL.test(s)) && (positiveRaw === undefined || DECIMAL.test(positiveRaw));
  const canon = (s: string): string => (numeric ? String(Number(s)) : s);

  let labels: string[];
  if (opts.classes !== undefined) {
    labels = opts.classes.map(canon);
    const known = new Set(labels);
    for (const at of seen) {
      if (!known.has(canon(at.raw))) {
        throw inputError(file, at.line, at.column, `label \`${at.raw}\` is not among \`classes\` (${list(labels)}). Add it to \`classes\` in the configuration, or fix the label.`, 'classes');
      }
    }
    for (const raw of scoreClasses) {
      if (!known.has(canon(raw))) {
        throw inputError(file, undefined, plan.perClass.get(raw), `the score column's class \`${raw}\` is not among \`classes\` (${list(labels)}). Add it to \`classes\`, or remove the column.`, 'classes');
      }
    }
  } else {
    labels = orderLabels(new Set([...raws, ...scoreClasses].map(canon)), numeric);
  }
  const index = new Map(labels.map((l, i) => [l, i]));

  let multiclass: boolean;
  if (task === 'multiclass' || task === 'binary') multiclass = task === 'multiclass';
  else if (plan.single !== undefined) multiclass = false;
  else if (plan.perClass.size > 0) multiclass = plan.perClass.size >= 3;
  else multiclass = labels.length > 2;

  // Per-class score columns must cover every label (a lone column is read as one class's probability).
  if (plan.perClass.size > 1 || (multiclass && plan.perClass.size > 0)) {
    const covered = new Set(scoreClasses.map(canon));
    const absent = labels.filter((l) => !covered.has(l));
    if (absent.length > 0) {
      const at = seen.find((s) => absent.includes(canon(s.raw)));
      throw inputError(
        file,
        at?.line,
        at?.column,
        `labels absent from score columns: ${list(absent)} (score columns found: ${[...plan.perClass.values()].join(', ')}). Write a column ${opts.scoreColumns}<class> for every class, or set \`${KEYS.scores}\` to the right prefix.`,
        KEYS.scores,
      );
    }
  }

  if (!multiclass && labels.length > 2) {
    const lone = plan.single ?? [...plan.perClass.values()][0] ?? '';
    const why =
      task === 'binary'
        ? `task is binary but there are ${labels.length} classes: ${list(labels)}. Set \`task\` to multiclass, or fix the labels.`
        : `a single score column \`${lone}\` but ${labels.length} classes: ${list(labels)}. Give one score column per class (${opts.scoreColumns}<class>), or fix the labels.`;
    throw inputError(file, undefined, undefined, why, task === 'binary' ? 'task' : KEYS.scores);
  }

  let positive: number | undefined;
  if (!multiclass) {
    if (positiveRaw !== undefined) {
      const p = canon(positiveRaw);
      if (!index.has(p)) {
        if (labels.length >= 2 || opts.classes !== undefined) {
          throw inputError(file, undefined, undefined, `positive label \`${positiveRaw}\` is not among the labels (${list(labels)}). Set \`positive_label\` to one of them.`, 'positive_label');
        }
        // Only one class present: the positive label completes the pair.
        labels = orderLabels([...labels, p], numeric);
        index.clear();
        labels.forEach((l, i) => index.set(l, i));
      }
      positive = index.get(p)!;
    } else {
      positive = labels.length - 1;
    }
  }
  return { labels, index, canon, multiclass, positive };
}

/**
 * Which per-class score columns make up the scores. Multiclass: one per class, in class order. Binary: the positive
 * class's column, or 1 − the first column when the positive class has none.
 */
type ScoreLayout = { multiclass: true; columns: string[] } | { multiclass: false; column: string; invert: boolean };

function scoreLayout(plan: ColumnPlan, l: Labels): ScoreLayout {
  const byLabel = new Map([...plan.perClass].map(([raw, column]) => [l.canon(raw), column]));
  if (l.multiclass) return { multiclass: true, columns: l.labels.map((c) => byLabel.get(c)!) };
  const positiveColumn = byLabel.get(l.labels[l.positive!]!);
  return { multiclass: false, column: positiveColumn ?? [...plan.perClass.values()][0]!, invert: positiveColumn === undefined };
}

function sameLayout(a: ScoreLayout, b: ScoreLayout): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- growable typed columns ----

const INITIAL_CAPACITY = 1024;

class Float64Column {
  data = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  /** The values, exactly `length` of them (a view: the pages of unused capacity were never written). */
  take(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

class Int32Column {
  data = new Int32Array(INITIAL_CAPACITY);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  take(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** A copy of a string that does not keep alive the chunk of file text it was sliced from. */
function ownString(s: string): string {
  // V8 slices strings of 13 characters or more without copying; a JSON round trip makes a fresh copy of any string.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

// ---- reading rows ----

/**
 * With task auto and no score columns, labels are interned while their numeric values are tracked; past this many
 * distinct labels, all of them numbers and some fractional, the rest is read as numbers (a regression, almost
 * surely), so that continuous values do not fill the table of labels.
 */
const MAX_INTERNED_NUMBERS = 1 << 16;

const enum Scores {
  /** No scores kept. */
  None,
  /** One column, kept as it is (a single score column, or a lone per-class column of a binary task). */
  One,
  /** Binary with per-class columns: every column checked and summed, the positive class's kept. */
  Pick,
  /** Multiclass: the columns in class order, every one kept and summed. */
  All,
}

class PredictionReader {
  private readonly warnings: string[] = [];
  private readonly labelAt: number;
  private readonly predAt: number;

  // Labels, interned: raw label → id, with the first line in the label and prediction columns (-1: none).
  private ids = new Map<string, number>();
  /** The ids of one-character ASCII labels (0/1, a/b…) by character code, -1 for none: faster than the map. */
  private ascii = new Int32Array(128).fill(-1);
  private raws: string[] = [];
  private firstTrue: number[] = [];
  private firstPred: number[] = [];
  private yTrueIds = new Int32Column();
  private yPredIds = new Int32Column();

  // Numbers (regression): from the start when the task says so, else after many distinct fractional labels.
  private numbers: boolean;
  private readonly forcedRegression: boolean;
  private yTrueValues: Float64Column | undefined;
  private yPredValues: Float64Column | undefined;
  /** Whether a regression is still possible (task auto, no score columns); then labels are checked as numbers. */
  private readonly detect: boolean;
  private allNumeric = true;
  private fractional = false;
  private switchToNumbers = false;

  // Scores: the cells read per row, their columns, and which are kept.
  private readonly scoreMode: Scores;
  private readonly scoreAt: number[] = [];
  private readonly scoreNames: string[] = [];
  /** Pick: the index (in scoreAt) of the column kept, and whether it is kept as 1 − score. */
  private pickAt = 0;
  private pickInvert = false;
  /** The layout the scores were read with (Pick, All), checked against the final labels. */
  private readonly layout: ScoreLayout | undefined;
  private readonly scores = new Float64Column();

  constructor(
    private readonly file: string,
    private readonly opts: PredictionOptions,
    private readonly plan: ColumnPlan,
    columns: readonly string[],
    maybeRegression: boolean,
  ) {
    const at = (name: string): number => columns.indexOf(name);
    this.labelAt = at(opts.labelColumn);
    this.predAt = at(opts.predictionColumn);
    const task = opts.task ?? 'auto';
    const scored = plan.single !== undefined || plan.perClass.size > 0;
    this.forcedRegression = task === 'regression';
    this.numbers = this.forcedRegression;
    if (this.numbers) {
      this.yTrueValues = new Float64Column();
      this.yPredValues = new Float64Column();
    }
    this.detect = maybeRegression && task === 'auto' && !scored;

    const perClass = [...plan.perClass.values()];
    let mode = Scores.None;
    if (plan.single !== undefined) {
      mode = Scores.One;
      this.scoreNames.push(plan.single);
    } else if (plan.perClass.size > 1 || (task === 'multiclass' && plan.perClass.size > 0)) {
      // Which columns are kept, and the order they sum in, depend on the final classes. These are fixed by the
      // score columns whenever the file passes the checks (every class must have its column), so they are worked
      // out from the header now and checked against the labels at the end. A header that fails those checks fails
      // them at the end too: then nothing is kept.
      let layout: ScoreLayout | undefined;
      try {
        layout = scoreLayout(plan, resolveLabels(file, opts, plan, []));
      } catch (e) {
        if (!(e instanceof ConfigurationError)) throw e;
      }
      this.layout = layout;
      if (layout?.multiclass === true) {
        mode = Scores.All;
        this.scoreNames.push(...layout.columns);
      } else if (layout !== undefined) {
        mode = Scores.Pick;
        this.scoreNames.push(...perClass);
        this.pickAt = perClass.indexOf(layout.column);
        this.pickInvert = layout.invert;
      }
    } else if (plan.perClass.size === 1) {
      // A lone per-class column of a binary task: whether it is the positive class's is known at the end.
      mode = Scores.One;
      this.scoreNames.push(perClass[0]!);
    }
    this.scoreMode = mode;
    for (const name of this.scoreNames) this.scoreAt.push(at(name));
  }

  row(cells: readonly string[], line: number): void {
    if (this.numbers) {
      this.yTrueValues!.push(this.number(cells[this.labelAt]!, line, true));
      this.yPredValues!.push(this.number(cells[this.predAt]!, line, false));
    } else {
      this.yTrueIds.push(this.internTrue(cells[this.labelAt]!, line));
      this.yPredIds.push(this.internPred(cells[this.predAt]!, line));
      if (this.switchToNumbers) this.readNumbersFromNowOn();
    }
    switch (this.scoreMode) {
      case Scores.None:
        break;
      case Scores.One:
        this.scores.push(this.score(cells[this.scoreAt[0]!]!, line, 0));
        break;
      case Scores.Pick: {
        const { scoreAt } = this;
        let sum = 0;
        for (let j = 0; j < scoreAt.length; j++) {
          const v = this.score(cells[scoreAt[j]!]!, line, j);
          sum += v;
          if (j === this.pickAt) this.scores.push(this.pickInvert ? 1 - v : v);
        }
        this.checkSum(line, sum);
        break;
      }
      case Scores.All: {
        const { scoreAt } = this;
        let sum = 0;
        for (let j = 0; j < scoreAt.length; j++) {
          const v = this.score(cells[scoreAt[j]!]!, line, j);
          this.scores.push(v);
          sum += v;
        }
        this.checkSum(line, sum);
        break;
      }
    }
  }

  finish(rows: number): PredictionRead {
    let data: PredictionData;
    if (this.numbers) {
      data = { kind: 'regression', yTrue: this.yTrueValues!.take(), yPred: this.yPredValues!.take() };
    } else if (this.detect && this.allNumeric && this.fractional) {
      // Every label and prediction a number, at least one not an integer: a regression.
      const values = this.raws.map(parseCell);
      const toValues = (ids: Int32Array): Float64Array => {
        const out = new Float64Array(ids.length);
        for (let i = 0; i < ids.length; i++) out[i] = values[ids[i]!]!;
        return out;
      };
      data = { kind: 'regression', yTrue: toValues(this.yTrueIds.take()), yPred: toValues(this.yPredIds.take()) } satisfies RegressionData;
    } else {
      data = this.classification();
    }
    return { data, rows, warnings: this.warnings };
  }

  // ---- labels ----

  private internTrue(raw: string, line: number): number {
    const id = this.lookup(raw);
    if (id < 0) return this.add(raw, line, true);
    if (this.firstTrue[id] === -1) this.firstTrue[id] = line;
    return id;
  }

  private internPred(raw: string, line: number): number {
    const id = this.lookup(raw);
    if (id < 0) return this.add(raw, line, false);
    if (this.firstPred[id] === -1) this.firstPred[id] = line;
    return id;
  }

  /** The id of a label, or -1. */
  private lookup(raw: string): number {
    if (raw.length === 1) {
      const c = raw.charCodeAt(0);
      if (c < 128) return this.ascii[c]!;
    }
    return this.ids.get(raw) ?? -1;
  }

  private add(raw: string, line: number, isTrue: boolean): number {
    if (MISSING_CELLS.has(raw)) throw this.missing(raw, line, isTrue);
    const id = this.raws.length;
    const own = ownString(raw);
    this.ids.set(own, id);
    if (own.length === 1 && own.charCodeAt(0) < 128) this.ascii[own.charCodeAt(0)] = id;
    this.raws.push(own);
    this.firstTrue.push(isTrue ? line : -1);
    this.firstPred.push(isTrue ? -1 : line);
    if (this.detect && this.allNumeric) {
      const v = parseCell(raw);
      if (Number.isNaN(v)) this.allNumeric = false;
      else if (!Number.isInteger(v)) this.fractional = true;
      if (this.allNumeric && this.fractional && id >= MAX_INTERNED_NUMBERS) this.switchToNumbers = true;
    }
    return id;
  }

  private readNumbersFromNowOn(): void {
    const values = this.raws.map(parseCell);
    const convert = (ids: Int32Column): Float64Column => {
      const out = new Float64Column();
      for (let i = 0; i < ids.length; i++) out.push(values[ids.data[i]!]!);
      return out;
    };
    this.yTrueValues = convert(this.yTrueIds);
    this.yPredValues = convert(this.yPredIds);
    this.yTrueIds = new Int32Column();
    this.yPredIds = new Int32Column();
    this.ids = new Map();
    this.ascii.fill(-1);
    this.raws = [];
    this.firstTrue = [];
    this.firstPred = [];
    this.numbers = true;
    this.switchToNumbers = false;
  }

  private number(cell: string, line: number, isTrue: boolean): number {
    const v = parseCell(cell);
    if (!Number.isNaN(v)) return v;
    if (MISSING_CELLS.has(cell)) throw this.missing(cell, line, isTrue);
    if (!this.forcedRegression) throw new NotRegression();
    const what = isTrue ? 'true value' : 'prediction';
    return this.fail(line, isTrue, `the ${what} ${JSON.stringify(cell)} is not a finite number. A regression task needs numbers; set \`task\` if this is a classifier.`);
  }

  private missing(cell: string, line: number, isTrue: boolean): ConfigurationError {
    const what = isTrue ? 'true label' : 'prediction';
    const column = isTrue ? this.opts.labelColumn : this.opts.predictionColumn;
    return inputError(this.file, line, column, `missing ${what} (${JSON.stringify(cell)}). Every row needs a ${what}; drop the rows without one before writing the file.`);
  }

  private fail(line: number, isTrue: boolean, why: string): never {
    throw inputError(this.file, line, isTrue ? this.opts.labelColumn : this.opts.predictionColumn, why);
  }

  private classification(): ClassificationData {
    const { raws, firstTrue, firstPred, opts } = this;
    // The distinct labels in the order they first appear in the label column, then those only predicted.
    const ids = raws.map((_, id) => id);
    const inTrue = ids.filter((id) => firstTrue[id]! >= 0).sort((a, b) => firstTrue[a]! - firstTrue[b]!);
    const predOnly = ids.filter((id) => firstTrue[id]! < 0).sort((a, b) => firstPred[a]! - firstPred[b]!);
    const seen: Seen[] = [
      ...inTrue.map((id) => ({ raw: raws[id]!, line: firstTrue[id]!, column: opts.labelColumn })),
      ...predOnly.map((id) => ({ raw: raws[id]!, line: firstPred[id]!, column: opts.predictionColumn })),
    ];
    const l = resolveLabels(this.file, opts, this.plan, seen);
    const { labels } = l;

    const lut = new Int32Array(raws.length);
    for (let id = 0; id < raws.length; id++) lut[id] = l.index.get(l.canon(raws[id]!))!;
    const yTrue = this.yTrueIds.take();
    const yPred = this.yPredIds.take();
    const present = new Uint8Array(labels.length);
    let classes = 0;
    for (let i = 0; i < yTrue.length; i++) {
      const k = lut[yTrue[i]!]!;
      yTrue[i] = k;
      if (present[k] === 0) {
        present[k] = 1;
        classes++;
      }
    }
    for (let i = 0; i < yPred.length; i++) yPred[i] = lut[yPred[i]!]!;
    if (classes === 1) {
      this.warnings.push(
        `${this.file}: only one class (\`${labels[yTrue[0]!]!}\`) appears among the true labels; metrics that need more than one class (ROC AUC, average precision, MCC, …) are undefined (NaN).`,
      );
    }

    const data: ClassificationData = { kind: l.multiclass ? 'multiclass' : 'binary', labels, yTrue, yPred };
    if (l.positive !== undefined) data.positive = l.positive;
    const scores = this.finishScores(l);
    if (scores !== undefined) data.scores = scores;
    return data;
  }

  private finishScores(l: Labels): Float64Array | undefined {
    const { plan } = this;
    if (plan.single !== undefined) return this.scores.take();
    if (plan.perClass.size === 0) return undefined;
    const layout = scoreLayout(plan, l);
    if (this.scoreMode === Scores.One) {
      // A lone per-class column: 1 − score when it is not the positive class's.
      const out = this.scores.take();
      if (!layout.multiclass && layout.invert) for (let i = 0; i < out.length; i++) out[i] = 1 - out[i]!;
      return out;
    }
    if (this.layout === undefined || !sameLayout(this.layout, layout)) {
      throw new Error(`internal error: score columns read as ${JSON.stringify(this.layout)} but the labels give ${JSON.stringify(layout)}`);
    }
    return this.scores.take();
  }

  // ---- scores ----

  /** One score cell as a probability, or an error naming the line and column. */
  private score(cell: string, line: number, j: number): number {
    const v = parseCell(cell);
    if (v >= 0 && v <= 1) return v;
    const what = MISSING_CELLS.has(cell) ? 'missing' : Number.isNaN(v) ? 'not a number' : 'outside [0, 1]';
    throw inputError(this.file, line, this.scoreNames[j], `score ${JSON.stringify(cell)} is ${what}. Scores must be probabilities in [0, 1] (e.g. predict_proba, not decision_function).`);
  }

  private checkSum(line: number, sum: number): void {
    const tolerance = this.opts.sumTolerance;
    if (Math.abs(sum - 1) > tolerance) {
      throw inputError(
        this.file,
        line,
        undefined,
        `the scores (${this.scoreNames.join(' + ')}) sum to ${sum}, not 1 within ${tolerance}. Write normalised probabilities, or raise \`${KEYS.tolerance}\` in the configuration.`,
        KEYS.tolerance,
      );
    }
  }
}
