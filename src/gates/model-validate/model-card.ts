/**
 * The model card: model-card.json after Google's Model Card Toolkit schema (v0.0.2 field names, snake_case) plus a
 * shipgate `ci` section of the facts of the run; model-card.md rendered from it; and the Hugging Face
 * `model-index` YAML of its metrics.
 *
 * Every string from the metadata file, the data files, the config or the runner is untrusted: the markdown escapes
 * it for its place, the YAML is written by the `yaml` package.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { escapeInline, escapeTableCell, escapeText, stripControls } from '../../core/report/escape.js';
import { fmt } from './report.js';
import type { MetricValue } from './types.js';

/** Version of the Model Card Toolkit schema whose field names the card follows. */
export const MODEL_CARD_SCHEMA_VERSION = '0.0.2';

/** What the card reads of the model's metadata file (structural, so the loader's type fits). */
export interface ModelMetadataLike {
  name: string;
  version?: string | number;
  trainingDate?: string | Date;
  /** The training data. */
  dataset?: { name: string; size?: number | string; url?: string };
  owners?: { name: string; contact?: string }[];
  intendedUse?: string;
  limitations?: string[];
  description?: string;
  license?: string;
  /** A string (the architecture), or an object of hyperparameters (`architecture` among them, if any). */
  parameters?: unknown;
  ethicalConsiderations?: (string | { name?: string; risk?: string; description?: string; mitigation?: string; mitigationStrategy?: string; mitigation_strategy?: string })[];
  tags?: string[];
  /** Intended users. */
  users?: string[];
}

export type DatasetRole = 'evaluation' | 'reference' | 'current' | 'baseline-predictions';

export interface ModelCardInput {
  metadata?: ModelMetadataLike;
  task: 'binary' | 'multiclass' | 'regression';
  metrics: Record<string, MetricValue>;
  intervals: Record<string, { lower: number; upper: number; level: number }>;
  thresholds: { metric: string; status: 'pass' | 'warn' | 'fail'; formula: string }[];
  verdict: 'pass' | 'warn' | 'fail' | 'error';
  datasets: { role: DatasetRole; file: string; sha256: string; rows: number }[];
  ci: { repository?: string; commit?: string; ref?: string; runId?: string; runUrl?: string; baseline?: { source: string; commit?: string } };
  runner: { fingerprint?: string; gpus?: { name: string; driver?: string; memoryMiB?: number }[]; cuda?: string; cpu?: string; os?: string };
  /** ISO time of the card, passed in so output is reproducible. */
  generatedAt: string;
}

export interface ModelCardDataset {
  name: string;
  link?: string;
  sensitive?: { sensitive_data: string[] };
  description: string;
  /** shipgate: what the data was used for (training, or a dataset role of the run). */
  role: 'training' | DatasetRole;
  rows?: number;
  size?: number | string;
  sha256?: string;
}

export interface ModelCardMetric {
  type: string;
  /** null when the metric is undefined (NaN) or infinite; `reason` says why. */
  value: number | null;
  reason?: string;
  confidence_interval?: { lower_bound: number | null; upper_bound: number | null };
  /** shipgate: the level of the confidence interval, e.g. 0.95. */
  confidence_level?: number;
  slice?: string;
}

export interface ModelCard {
  schema_version: string;
  model_details: {
    name: string;
    overview: string;
    version: { name?: string; date?: string };
    owners: { name: string; contact?: string }[];
    licenses: { custom_text: string }[];
    references: { reference: string }[];
    citations: { citation: string }[];
    /** shipgate: tags of the metadata file. */
    tags: string[];
  };
  model_parameters: {
    model_architecture?: string;
    /** shipgate: scalar hyperparameters of the metadata file. */
    parameters?: Record<string, string | number | boolean>;
    data: ModelCardDataset[];
  };
  quantitative_analysis: { performance_metrics: ModelCardMetric[] };
  considerations: {
    users: { description: string }[];
    use_cases: { description: string }[];
    limitations: { description: string }[];
    ethical_considerations: { name: string; mitigation_strategy: string }[];
  };
  /** shipgate: the facts of the CI run that produced the card. */
  ci: {
    task: ModelCardInput['task'];
    verdict: ModelCardInput['verdict'];
    generated_at: string;
    repository: string | null;
    commit: string | null;
    ref: string | null;
    run: { id: string | null; url: string | null };
    baseline: { source: string; commit: string | null } | null;
    thresholds: { metric: string; status: 'pass' | 'warn' | 'fail'; formula: string }[];
    runner: {
      fingerprint: string | null;
      gpus: { name: string; driver: string | null; memory_mib: number | null }[];
      cuda: string | null;
      cpu: string | null;
      os: string | null;
    };
    datasets: { role: DatasetRole; file: string; sha256: string; rows: number }[];
  };
}

/** Untrusted text kept in the JSON: control and bidi-override characters removed. */
function clean(s: string): string {
  return stripControls(s);
}

function orNull(s: string | undefined): string | null {
  return s === undefined || s === '' ? null : clean(s);
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function dateText(d: string | Date | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (d instanceof Date) return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  return clean(d);
}

function architectureOf(p: unknown): string | undefined {
  if (typeof p === 'string') return clean(p);
  if (p && typeof p === 'object' && !Array.isArray(p)) {
    const o = p as Record<string, unknown>;
    for (const k of ['architecture', 'model_architecture', 'modelArchitecture']) if (typeof o[k] === 'string') return clean(o[k]);
  }
  return undefined;
}

function scalarParameters(p: unknown): Record<string, string | number | boolean> | undefined {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
    if (typeof v === 'string') out[clean(k)] = clean(v);
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[clean(k)] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function ethical(list: ModelMetadataLike['ethicalConsiderations']): { name: string; mitigation_strategy: string }[] {
  return (list ?? []).map((e) => {
    if (typeof e === 'string') return { name: clean(e), mitigation_strategy: '' };
    const name = e.name ?? e.risk ?? e.description ?? '';
    const mitigation = e.mitigationStrategy ?? e.mitigation_strategy ?? e.mitigation ?? '';
    return { name: clean(name), mitigation_strategy: clean(mitigation) };
  });
}

/** An http(s) URL, normalised, or undefined. */
function httpUrl(s: string | undefined): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function metricEntry(name: string, m: MetricValue, interval: ModelCardInput['intervals'][string] | undefined): ModelCardMetric {
  const entry: ModelCardMetric = { type: clean(name), value: finiteOrNull(m.value) };
  if (m.reason !== undefined) entry.reason = clean(m.reason);
  else if (entry.value === null) entry.reason = Number.isNaN(m.value) ? 'undefined (NaN)' : 'not finite';
  if (interval) {
    entry.confidence_interval = { lower_bound: finiteOrNull(interval.lower), upper_bound: finiteOrNull(interval.upper) };
    if (Number.isFinite(interval.level)) entry.confidence_level = interval.level;
  }
  return entry;
}

const ROLE_TEXT: Record<DatasetRole, string> = {
  evaluation: 'evaluation predictions',
  reference: 'reference features (drift)',
  current: 'current features (drift)',
  'baseline-predictions': "baseline model's predictions",
};

export function buildModelCard(input: ModelCardInput): ModelCard {
  const md = input.metadata;
  const data: ModelCardDataset[] = [];
  if (md?.dataset) {
    const link = httpUrl(md.dataset.url);
    const size = md.dataset.size;
    data.push({
      name: clean(md.dataset.name),
      ...(link ? { link } : {}),
      description: size === undefined ? 'training data' : `training data, size ${typeof size === 'number' ? size : clean(size)}`,
      role: 'training',
      ...(size === undefined ? {} : { size: typeof size === 'number' ? size : clean(size) }),
    });
  }
  for (const d of input.datasets) {
    data.push({
      name: clean(d.file),
      description: `${ROLE_TEXT[d.role]}: ${d.rows} rows, sha256 ${clean(d.sha256)}`,
      role: d.role,
      rows: d.rows,
      sha256: clean(d.sha256),
    });
  }
  const datasetLink = httpUrl(md?.dataset?.url);
  const architecture = architectureOf(md?.parameters);
  const parameters = scalarParameters(md?.parameters);
  const version = md?.version === undefined ? undefined : clean(String(md.version));
  const date = dateText(md?.trainingDate);
  const baseline = input.ci.baseline;
  const gpus = input.runner.gpus ?? [];
  return {
    schema_version: MODEL_CARD_SCHEMA_VERSION,
    model_details: {
      name: md ? clean(md.name) : 'unnamed model',
      overview: md?.description ? clean(md.description) : `A ${input.task} ${input.task === 'regression' ? 'model' : 'classifier'} evaluated by shipgate model-validate.`,
      version: { ...(version ? { name: version } : {}), ...(date ? { date } : {}) },
      owners: (md?.owners ?? []).map((o) => ({ name: clean(o.name), ...(o.contact ? { contact: clean(o.contact) } : {}) })),
      licenses: md?.license ? [{ custom_text: clean(md.license) }] : [],
      references: datasetLink ? [{ reference: datasetLink }] : [],
      citations: [],
      tags: (md?.tags ?? []).map(clean),
    },
    model_parameters: {
      ...(architecture ? { model_architecture: architecture } : {}),
      ...(parameters ? { parameters } : {}),
      data,
    },
    quantitative_analysis: {
      performance_metrics: Object.entries(input.metrics).map(([name, m]) => metricEntry(name, m, input.intervals[name])),
    },
    considerations: {
      users: (md?.users ?? []).map((u) => ({ description: clean(u) })),
      use_cases: md?.intendedUse ? [{ description: clean(md.intendedUse) }] : [],
      limitations: (md?.limitations ?? []).map((l) => ({ description: clean(l) })),
      ethical_considerations: ethical(md?.ethicalConsiderations),
    },
    ci: {
      task: input.task,
      verdict: input.verdict,
      generated_at: input.generatedAt,
      repository: orNull(input.ci.repository),
      commit: orNull(input.ci.commit),
      ref: orNull(input.ci.ref),
      run: { id: orNull(input.ci.runId), url: httpUrl(input.ci.runUrl) ?? null },
      baseline: baseline ? { source: clean(baseline.source), commit: orNull(baseline.commit) } : null,
      thresholds: input.thresholds.map((t) => ({ metric: clean(t.metric), status: t.status, formula: clean(t.formula) })),
      runner: {
        fingerprint: orNull(input.runner.fingerprint),
        gpus: gpus.map((g) => ({ name: clean(g.name), driver: orNull(g.driver), memory_mib: g.memoryMiB !== undefined && Number.isFinite(g.memoryMiB) ? g.memoryMiB : null })),
        cuda: orNull(input.runner.cuda),
        cpu: orNull(input.runner.cpu),
        os: orNull(input.runner.os),
      },
      datasets: input.datasets.map((d) => ({ role: d.role, file: clean(d.file), sha256: clean(d.sha256), rows: d.rows })),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** A table cell of untrusted text; `—` when empty. */
function cell(s: string | null | undefined): string {
  const t = s === null || s === undefined ? '' : escapeTableCell(s);
  return t === '' ? '—' : t;
}

/** A markdown link to an http(s) URL (escaped text, destination with the characters that end it encoded), or text. */
function link(text: string, url: string | null | undefined): string {
  const href = httpUrl(url ?? undefined);
  const label = escapeTableCell(text) || 'link';
  if (!href) return label;
  const dest = href.replace(/[()|<>\s\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${dest})`;
}

function table(header: string[], rows: string[][], align?: ('left' | 'right')[]): string[] {
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function percent(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

const STATUS_TEXT = { pass: 'pass', warn: 'warn', fail: 'FAIL' } as const;
const VERDICT_TEXT = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR' } as const;

/** model-card.md: every string from the card escaped for its place (headings, text, table cells, links). */
export function renderModelCardMarkdown(card: ModelCard): string {
  const d = card.model_details;
  const c = card.considerations;
  const ci = card.ci;
  const out: string[] = [];
  out.push(`# Model card: ${escapeInline(d.name).trim() || 'unnamed model'}`, '', escapeText(d.overview) || '—', '');

  out.push('## Model details', '');
  const details: string[][] = [
    ['Name', cell(d.name)],
    ['Version', cell(d.version.name)],
    ['Training date', cell(d.version.date)],
    ['Task', cell(ci.task)],
    ['Owners', d.owners.length ? d.owners.map((o) => (o.contact ? `${cell(o.name)} (${cell(o.contact)})` : cell(o.name))).join(', ') : '—'],
    ['License', d.licenses.length ? d.licenses.map((l) => cell(l.custom_text)).join(', ') : '—'],
  ];
  if (card.model_parameters.model_architecture) details.push(['Architecture', cell(card.model_parameters.model_architecture)]);
  const params = card.model_parameters.parameters;
  if (params) details.push(['Parameters', Object.entries(params).map(([k, v]) => `${cell(k)} = ${cell(String(v))}`).join('; ')]);
  if (d.tags.length) details.push(['Tags', d.tags.map(cell).join(', ')]);
  if (d.references.length) details.push(['References', d.references.map((r) => link(r.reference, r.reference)).join(', ')]);
  out.push(...table(['field', 'value'], details), '');

  out.push('## Intended use', '');
  out.push(c.use_cases.length ? c.use_cases.map((u) => escapeText(u.description)).join('\n\n') : '_Not stated in the metadata._', '');
  if (c.users.length) out.push(`Intended users: ${c.users.map((u) => escapeInline(u.description)).join(', ')}`, '');

  out.push('## Limitations', '');
  if (c.limitations.length) out.push(...c.limitations.map((l) => `- ${escapeInline(l.description)}`), '');
  else out.push('_None stated in the metadata._', '');

  if (c.ethical_considerations.length) {
    out.push('## Ethical considerations', '');
    for (const e of c.ethical_considerations) {
      out.push(`- ${escapeInline(e.name)}${e.mitigation_strategy ? ` — mitigation: ${escapeInline(e.mitigation_strategy)}` : ''}`);
    }
    out.push('');
  }

  out.push('## Metrics', '');
  const metrics = card.quantitative_analysis.performance_metrics;
  if (metrics.length) {
    const levels = new Set(metrics.flatMap((m) => (m.confidence_level === undefined ? [] : [m.confidence_level])));
    const [only] = levels;
    const ciHeader = levels.size <= 1 ? `${percent(only ?? 0.95)} CI` : 'CI';
    const rows = metrics.map((m) => {
      const ciText = m.confidence_interval ? `${fmt(m.confidence_interval.lower_bound)} – ${fmt(m.confidence_interval.upper_bound)}${levels.size > 1 && m.confidence_level !== undefined ? ` (${percent(m.confidence_level)})` : ''}` : '—';
      return [cell(m.type), m.value === null ? 'n/a' : fmt(m.value), ciText, cell(m.reason)];
    });
    out.push(...table(['metric', 'value', ciHeader, 'note'], rows, ['left', 'right', 'right', 'left']), '');
  } else out.push('_No metrics._', '');

  out.push('## Thresholds and verdict', '', `Verdict: **${VERDICT_TEXT[ci.verdict]}**`, '');
  if (ci.thresholds.length) out.push(...table(['metric', 'status', 'rule'], ci.thresholds.map((t) => [cell(t.metric), STATUS_TEXT[t.status], cell(t.formula)])), '');
  else out.push('_No thresholds configured._', '');

  out.push('## Data', '');
  const data = card.model_parameters.data.map((x) => [
    cell(x.role),
    x.link ? link(x.name, x.link) : cell(x.name),
    x.rows !== undefined ? String(x.rows) : x.size !== undefined ? cell(String(x.size)) : '—',
    x.sha256 ? (/^[0-9a-f]{64}$/.test(x.sha256) ? `\`${x.sha256}\`` : cell(x.sha256)) : '—',
  ]);
  if (data.length) out.push(...table(['role', 'dataset', 'rows', 'sha256'], data), '');
  else out.push('_No data files recorded._', '');

  out.push('## CI facts', '');
  const r = ci.runner;
  const facts: string[][] = [
    ['Repository', cell(ci.repository)],
    ['Commit', ci.commit && /^[0-9a-f]{7,64}$/.test(ci.commit) ? `\`${ci.commit}\`` : cell(ci.commit)],
    ['Ref', cell(ci.ref)],
    ['Run', ci.run.url ? link(ci.run.id ?? 'workflow run', ci.run.url) : cell(ci.run.id)],
    ['Baseline', ci.baseline ? `${cell(ci.baseline.source)}${ci.baseline.commit ? ` (${cell(ci.baseline.commit)})` : ''}` : '—'],
    ['Runner fingerprint', cell(r.fingerprint)],
    [
      'GPUs',
      r.gpus.length
        ? r.gpus.map((g) => [cell(g.name), g.driver ? `driver ${cell(g.driver)}` : '', g.memory_mib !== null ? `${g.memory_mib} MiB` : ''].filter(Boolean).join(', ')).join('; ')
        : '—',
    ],
    ['CUDA', cell(r.cuda)],
    ['CPU', cell(r.cpu)],
    ['OS', cell(r.os)],
    ['Generated', cell(ci.generated_at)],
  ];
  out.push(...table(['fact', 'value'], facts));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Hugging Face

const HF_TASK: Record<ModelCard['ci']['task'], { type: string; name: string }> = {
  binary: { type: 'tabular-classification', name: 'Binary classification' },
  multiclass: { type: 'tabular-classification', name: 'Multiclass classification' },
  regression: { type: 'tabular-regression', name: 'Regression' },
};

const METRIC_NAMES: Record<string, string> = {
  accuracy: 'Accuracy',
  balanced_accuracy: 'Balanced accuracy',
  roc_auc: 'ROC AUC',
  average_precision: 'Average precision',
  f1: 'F1',
  precision: 'Precision',
  recall: 'Recall',
  log_loss: 'Log loss',
  brier: 'Brier score',
  mae: 'Mean absolute error',
  mse: 'Mean squared error',
  rmse: 'Root mean squared error',
  r2: 'R²',
};

function oneLine(s: string): string {
  return stripControls(s).replace(/\s+/g, ' ').trim();
}

/**
 * The `model-index` YAML of the card (the metadata block of a Hugging Face model card, without the `---` lines):
 * one result of the evaluation data with every finite metric. The task type is `tabular-classification` or
 * `tabular-regression` unless given; the dataset is named after the evaluation file.
 */
export function huggingFaceModelIndex(card: ModelCard, opts: { taskType?: string; datasetName?: string; datasetType?: string } = {}): string {
  const task = HF_TASK[card.ci.task];
  const evaluation = card.ci.datasets.find((d) => d.role === 'evaluation');
  const datasetName = oneLine(opts.datasetName ?? (evaluation ? path.basename(evaluation.file) : 'evaluation data')) || 'evaluation data';
  const datasetType =
    opts.datasetType ??
    (datasetName
      .replace(/\.(csv|jsonl|json|parquet|tsv)(\.gz)?$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') ||
      'custom');
  const metrics = card.quantitative_analysis.performance_metrics
    .filter((m): m is ModelCardMetric & { value: number } => m.value !== null && Number.isFinite(m.value))
    .map((m) => ({ type: oneLine(m.type), value: m.value, name: METRIC_NAMES[m.type] ?? oneLine(m.type).replace(/_/g, ' ') }));
  const doc = {
    'model-index': [
      {
        name: oneLine(card.model_details.name) || 'unnamed model',
        results: [
          {
            task: { type: oneLine(opts.taskType ?? task.type), name: task.name },
            dataset: { name: datasetName, type: datasetType },
            metrics,
          },
        ],
      },
    ],
  };
  return stringify(doc, { lineWidth: 0 });
}
