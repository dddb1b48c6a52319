import { loadConfigFile } from '../../core/config.js';
import { ConfigurationError } from '../../core/errors.js';
import { loadSchema } from '../../core/schema-files.js';
import type { PredictionOptions, PredictionTask } from './predictions.js';
import { DRIFT_DEFAULTS } from './drift.js';
import { parseThresholds, type ThresholdSource, type ThresholdSpec } from './thresholds.js';
import type { DriftMethod } from './types.js';

/** auto, all, or a list of tests. */
export type DriftMethodsSetting = 'auto' | 'all' | DriftMethod[];

export interface DriftThresholds {
  /** KS drift when p < this. */
  ksPValue: number;
  /** PSI drift when ≥ this. */
  psi: number;
  /** PSI severe drift when ≥ this. */
  psiSevere: number;
  /** Normed Wasserstein distance: drift when ≥ this. */
  wasserstein: number;
  /** Jensen-Shannon distance (base 2): drift when ≥ this. */
  jensenShannon: number;
  /** Chi-square drift when p < this. */
  chiSquarePValue: number;
  /** The dataset drifted when at least this share of its columns drifted. */
  datasetShare: number;
}

export interface DriftColumnConfig {
  /** Tests of this column, instead of `drift.methods`. */
  methods?: DriftMethod[];
  kind?: 'numeric' | 'categorical';
}

export interface DriftConfig {
  methods: DriftMethodsSetting;
  thresholds: DriftThresholds;
  columns: Record<string, DriftColumnConfig>;
  /** Kinds fixed in `columns` (name → kind), for toFeatureTable. */
  kinds?: Record<string, 'numeric' | 'categorical'>;
  ignore: string[];
}

export interface ModelConfig {
  task: PredictionTask;
  /** Column names; the action's inputs override them. */
  columns: { label: string; prediction: string; scores: string };
  positiveLabel?: string;
  classes?: string[];
  sumTolerance: number;
  alpha: number;
  bootstrap: { resamples: number; level: number };
  thresholds: ThresholdSpec;
  drift: DriftConfig;
  modelCard: { huggingFace: boolean };
  /** The file the config came from, and the line of a JSON pointer in it (absent for the defaults). */
  source?: ThresholdSource;
}

/** drift.ts's defaults, less the size limit of the automatic choice (not a threshold). */
export const DEFAULT_DRIFT_THRESHOLDS: Readonly<DriftThresholds> = Object.freeze(
  (({ autoSizeLimit: _limit, ...thresholds }) => thresholds)(DRIFT_DEFAULTS),
);

/** The configuration without a file. Copy it before changing anything (defaultModelConfig() does). */
export const DEFAULT_MODEL_CONFIG: Readonly<ModelConfig> = Object.freeze({
  task: 'auto',
  columns: { label: 'label', prediction: 'prediction', scores: 'score_' },
  sumTolerance: 1e-6,
  alpha: 0.05,
  bootstrap: { resamples: 1000, level: 0.95 },
  thresholds: {},
  drift: { methods: 'auto', thresholds: { ...DEFAULT_DRIFT_THRESHOLDS }, columns: {}, ignore: [] },
  modelCard: { huggingFace: false },
} satisfies ModelConfig);

/** A fresh copy of the defaults. */
export function defaultModelConfig(): ModelConfig {
  return structuredClone(DEFAULT_MODEL_CONFIG);
}

/** The config file as schemas/model-validate.schema.json validates it (defaults filled in). */
interface RawConfig {
  task?: PredictionTask;
  columns?: { label?: string; prediction?: string; scores?: string };
  positive_label?: string | number;
  classes?: (string | number)[];
  sum_tolerance?: number;
  alpha?: number;
  bootstrap?: { resamples?: number; level?: number };
  thresholds?: Record<string, unknown>;
  drift?: {
    methods?: DriftMethodsSetting;
    thresholds?: {
      ks_p_value?: number;
      psi?: number;
      psi_severe?: number;
      wasserstein?: number;
      jensen_shannon?: number;
      chi_square_p_value?: number;
      dataset_share?: number;
    };
    columns?: Record<string, DriftColumnConfig>;
    ignore?: string[];
  };
  model_card?: { hugging_face?: boolean };
}

/**
 * The config file (YAML or JSON, snake_case keys), validated against schemas/model-validate.schema.json, as
 * camelCase settings with every default filled in; no file: the defaults. Threshold specs are parsed (see
 * thresholds.ts); their metric names are checked later against the metrics of the task (checkThresholdMetrics).
 */
export async function loadModelConfig(file: string | undefined, displayPath?: string): Promise<ModelConfig> {
  if (file === undefined || file === '') return defaultModelConfig();
  const loaded = await loadConfigFile<RawConfig>(file, loadSchema('model-validate.schema.json'), displayPath === undefined ? {} : { displayPath });
  const source: ThresholdSource = { file: loaded.file, lineOf: (pointer) => loaded.lineOf(pointer) };
  return fromRaw(loaded.value, source);
}

function fromRaw(raw: RawConfig, source: ThresholdSource): ModelConfig {
  const d = defaultModelConfig();
  const dt = d.drift.thresholds;
  const rt = raw.drift?.thresholds ?? {};
  const columns = raw.drift?.columns ?? {};
  const kinds = Object.fromEntries(Object.entries(columns).flatMap(([name, c]) => (c.kind === undefined ? [] : [[name, c.kind] as const])));
  const config: ModelConfig = {
    task: raw.task ?? d.task,
    columns: {
      label: raw.columns?.label ?? d.columns.label,
      prediction: raw.columns?.prediction ?? d.columns.prediction,
      scores: raw.columns?.scores ?? d.columns.scores,
    },
    sumTolerance: raw.sum_tolerance ?? d.sumTolerance,
    alpha: raw.alpha ?? d.alpha,
    bootstrap: { resamples: raw.bootstrap?.resamples ?? d.bootstrap.resamples, level: raw.bootstrap?.level ?? d.bootstrap.level },
    thresholds: parseThresholds(raw.thresholds ?? {}, source),
    drift: {
      methods: raw.drift?.methods ?? d.drift.methods,
      thresholds: {
        ksPValue: rt.ks_p_value ?? dt.ksPValue,
        psi: rt.psi ?? dt.psi,
        psiSevere: rt.psi_severe ?? dt.psiSevere,
        wasserstein: rt.wasserstein ?? dt.wasserstein,
        jensenShannon: rt.jensen_shannon ?? dt.jensenShannon,
        chiSquarePValue: rt.chi_square_p_value ?? dt.chiSquarePValue,
        datasetShare: rt.dataset_share ?? dt.datasetShare,
      },
      columns,
      ...(Object.keys(kinds).length > 0 ? { kinds } : {}),
      ignore: raw.drift?.ignore ?? [],
    },
    modelCard: { huggingFace: raw.model_card?.hugging_face ?? d.modelCard.huggingFace },
    source,
  };
  if (raw.positive_label !== undefined) config.positiveLabel = String(raw.positive_label);
  if (raw.classes !== undefined) config.classes = raw.classes.map(String);
  return config;
}

const TASKS: readonly PredictionTask[] = ['auto', 'binary', 'multiclass', 'regression'];

/** Overrides of the column settings from the action's inputs or CLI flags (undefined or empty: keep the config's). */
export interface ColumnOverrides {
  task?: string;
  labelColumn?: string;
  predictionColumn?: string;
  scoreColumns?: string;
  positiveLabel?: string;
}

/** The options of readPredictions: the config's settings, with the given overrides applied. */
export function predictionOptions(config: ModelConfig, overrides: ColumnOverrides = {}, label?: string): PredictionOptions {
  const pick = (v: string | undefined, fallback: string): string => (v === undefined || v.trim() === '' ? fallback : v.trim());
  const task = pick(overrides.task, config.task);
  if (!(TASKS as readonly string[]).includes(task)) {
    throw new ConfigurationError(`task: unknown task \`${task}\`. Use one of: ${TASKS.join(', ')}.`, { field: 'task' });
  }
  const opts: PredictionOptions = {
    task: task as PredictionTask,
    labelColumn: pick(overrides.labelColumn, config.columns.label),
    predictionColumn: pick(overrides.predictionColumn, config.columns.prediction),
    scoreColumns: pick(overrides.scoreColumns, config.columns.scores),
    sumTolerance: config.sumTolerance,
  };
  const positive = overrides.positiveLabel?.trim() ? overrides.positiveLabel.trim() : config.positiveLabel;
  if (positive !== undefined) opts.positiveLabel = positive;
  if (config.classes !== undefined) opts.classes = [...config.classes];
  if (label !== undefined) opts.label = label;
  return opts;
}
