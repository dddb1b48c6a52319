import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../../core/errors.js';
import { reportShell, saveRunBaseline, type Gate, type GateContext } from '../../core/gate.js';
import { isDefaultBranchPush } from '../../core/github/context.js';
import type { Block, Finding, Report, Section, Verdict } from '../../core/report/model.js';
import { quantile } from '../../core/stats/descriptive.js';
import { loadModelConfig, predictionOptions, type ModelConfig } from './config.js';
import { driftColumns, DRIFT_DEFAULTS, type DriftOptions } from './drift.js';
import { loadModelMetadata, type ModelMetadata } from './metadata.js';
import { bootstrapCI, subsetClassification, subsetRegression } from './metrics/bootstrap-ci.js';
import { classificationMetrics } from './metrics/classification.js';
import { calibrationCurve, prCurve, rocCurve } from './metrics/curves.js';
import { regressionMetrics } from './metrics/regression.js';
import { buildModelCard, huggingFaceModelIndex, renderModelCardMarkdown } from './model-card.js';
import { delong, mcnemar, pairedBootstrap } from './paired.js';
import { mermaidCalibration, mermaidPr, mermaidRoc, renderSvgPlots } from './plots.js';
import { readPredictions, type PredictionOptions } from './predictions.js';
import { readTable, toFeatureTable } from './read-table.js';
import { confusionBlock, driftSection, fmt, metricsSection, thresholdFindings, type MetricRowInput } from './report.js';
import { checkThresholdMetrics, evaluateThresholds, metricDirection, type ThresholdResult } from './thresholds.js';
import type { ClassificationData, ConfusionMatrix, DriftMethod, DriftResult, FeatureTable, MetricValue, PredictionData } from './types.js';

/** What a baseline entry of model-validate holds. */
export interface ModelBaselineData {
  task: string;
  metrics: Record<string, number | null>;
}

/** Metrics that carry a bootstrap interval in the report and the model card. */
const HEADLINE: Record<PredictionData['kind'], string[]> = {
  binary: ['accuracy', 'roc_auc', 'average_precision', 'f1', 'log_loss'],
  multiclass: ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc_ovr_macro', 'log_loss'],
  regression: ['mae', 'rmse', 'r2'],
};

/**
 * Above this many rows the bootstrap (headline intervals, paired bootstrap) is left out: each replicate recomputes
 * the metrics over every row, and the intervals would be narrower than the digits shown anyway.
 */
const BOOTSTRAP_MAX_ROWS = 1_000_000;

const DRIFT_METHODS: readonly DriftMethod[] = ['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon'];

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

function computeMetrics(data: PredictionData): { metrics: Record<string, MetricValue>; confusion?: ConfusionMatrix } {
  if (data.kind === 'regression') return { metrics: regressionMetrics(data) };
  return classificationMetrics(data);
}

/**
 * Percentile-bootstrap intervals of the headline metrics, all from the same resampled rows: every replicate
 * computes the metrics once and each headline metric keeps its value.
 */
function headlineIntervals(data: PredictionData, names: string[], config: ModelConfig): Record<string, { lower: number; upper: number; level: number }> {
  const n = data.yTrue.length;
  const collected = new Map<string, number[]>(names.map((k) => [k, []]));
  const [first] = names;
  if (n < 2 || first === undefined || n > BOOTSTRAP_MAX_ROWS) return {};
  const level = config.bootstrap.level;
  bootstrapCI(
    n,
    (rows) => {
      const sub = data.kind === 'regression' ? subsetRegression(data, rows) : subsetClassification(data, rows);
      const m = computeMetrics(sub).metrics;
      for (const k of names) collected.get(k)?.push(m[k]?.value ?? NaN);
      return m[first]?.value ?? NaN;
    },
    { resamples: config.bootstrap.resamples, level, seed: 0x5eed },
  );
  const out: Record<string, { lower: number; upper: number; level: number }> = {};
  for (const [k, xs] of collected) {
    const defined = xs.filter((x) => Number.isFinite(x));
    if (defined.length < Math.max(2, xs.length / 2)) continue;
    out[k] = { lower: quantile(defined, (1 - level) / 2), upper: quantile(defined, 1 - (1 - level) / 2), level };
  }
  return out;
}

/** A baseline given as a file: a previous report.json, a `{metrics: {...}}` JSON, or the baseline model's predictions. */
async function readBaselineFile(
  ctx: GateContext,
  file: string,
  opts: PredictionOptions,
): Promise<{ metrics: Record<string, number | null>; predictions?: PredictionData; source: string; sha?: string; file: string }> {
  const abs = path.resolve(ctx.workspace, file);
  if (/\.json$/i.test(file)) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(abs, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigurationError(`${file}: ${code === 'ENOENT' ? 'baseline file not found' : `not valid JSON (${(e as Error).message})`}. Give a report.json of model-validate, a {"metrics": {...}} file, or the baseline model's predictions (CSV/JSONL).`, { location: { file } });
    }
    const d = doc as { gate?: unknown; details?: { metrics?: unknown }; metrics?: unknown; git?: { sha?: string } };
    const metrics = d.gate === 'model-validate' ? d.details?.metrics : d.metrics;
    if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) {
      throw new ConfigurationError(`${file}: no metrics found. A baseline JSON is a model-validate report.json (details.metrics) or {"metrics": {"roc_auc": 0.91, ...}}.`, { location: { file } });
    }
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(metrics as Record<string, unknown>)) if (typeof v === 'number' || v === null) out[k] = v;
    return { metrics: out, source: file, file: abs, ...(d.git?.sha ? { sha: d.git.sha } : {}) };
  }
  const { data } = await readPredictions(abs, { ...opts, label: file });
  return { metrics: numbers(computeMetrics(data).metrics), predictions: data, source: `${file} (baseline model's predictions)`, file: abs };
}

function numbers(m: Record<string, MetricValue>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number.isNaN(v.value) ? null : v.value]));
}

/** Same rows: the same number of rows with the same true labels. */
function sameRows(a: PredictionData, b: PredictionData): boolean {
  if (a.kind !== b.kind || a.yTrue.length !== b.yTrue.length) return false;
  if (a.kind === 'regression' || b.kind === 'regression') return a.yTrue.every((v, i) => v === b.yTrue[i]);
  const la = a.labels;
  const lb = b.labels;
  return a.yTrue.every((v, i) => la[v] === lb[b.yTrue[i] ?? -1]);
}

/** Paired significance of "the candidate is worse" for every thresholded metric, when both models scored the same rows. */
function pairedSignificance(candidate: PredictionData, base: PredictionData, metrics: string[], config: ModelConfig): Record<string, { pWorse: number; test: string }> {
  const out: Record<string, { pWorse: number; test: string }> = {};
  const n = candidate.yTrue.length;
  for (const metric of metrics) {
    const direction = metricDirection(metric) ?? 'higher';
    if (metric === 'roc_auc' && candidate.kind === 'binary' && base.kind === 'binary' && candidate.scores && base.scores) {
      const y = binaryTruth(candidate);
      const r = delong(y, base.scores, candidate.scores);
      if (Number.isFinite(r.pWorse)) out[metric] = { pWorse: r.pWorse, test: 'DeLong' };
      continue;
    }
    if (metric === 'accuracy' && candidate.kind !== 'regression' && base.kind !== 'regression') {
      const right = (d: ClassificationData) => Uint8Array.from(d.yTrue, (t, i) => Number(d.labels[t] === d.labels[d.yPred[i] ?? -1]));
      const r = mcnemar(right(base), right(candidate));
      out[metric] = { pWorse: r.pWorse, test: 'McNemar' };
      continue;
    }
    if (n > BOOTSTRAP_MAX_ROWS) continue;
    const of = (d: PredictionData) => (rows: Int32Array) => {
      const sub = d.kind === 'regression' ? subsetRegression(d, rows) : subsetClassification(d, rows);
      return computeMetrics(sub).metrics[metric]?.value ?? NaN;
    };
    const r = pairedBootstrap(n, of(base), of(candidate), direction, { resamples: Math.min(config.bootstrap.resamples, 500), seed: 0x5eed });
    if (Number.isFinite(r.pWorse)) out[metric] = { pWorse: r.pWorse, test: 'paired bootstrap' };
  }
  return out;
}

function binaryTruth(d: ClassificationData): Uint8Array {
  const pos = d.positive ?? 1;
  return Uint8Array.from(d.yTrue, (t) => Number(t === pos));
}

function driftMethodsInput(raw: string | undefined, config: ModelConfig): DriftOptions['methods'] {
  const value = raw?.trim();
  if (value === undefined || value === '') return config.drift.methods;
  if (value === 'auto' || value === 'all') return value;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((m) => !(DRIFT_METHODS as readonly string[]).includes(m));
  if (bad.length || list.length === 0) {
    throw new ConfigurationError(`drift-methods: unknown method(s) ${bad.join(', ') || '(none given)'}. Use auto, all, or a comma-separated list of ${DRIFT_METHODS.join(', ')}.`, { field: 'drift-methods' });
  }
  return list as DriftMethod[];
}

/** Prediction drift: the candidate's score (or predicted class) distribution against the baseline model's on the same task. */
function predictionTables(cur: PredictionData, base: PredictionData): [FeatureTable, FeatureTable] | undefined {
  const table = (d: PredictionData, file: string): FeatureTable | undefined => {
    if (d.kind === 'regression') return { file, rows: d.yPred.length, columns: [{ name: 'prediction', kind: 'numeric', values: d.yPred, missing: 0 }] };
    if (d.kind === 'binary' && d.scores) return { file, rows: d.scores.length, columns: [{ name: 'prediction score', kind: 'numeric', values: d.scores, missing: 0 }] };
    return { file, rows: d.yPred.length, columns: [{ name: 'predicted class', kind: 'categorical', values: Array.from(d.yPred, (k) => d.labels[k] ?? ''), missing: 0 }] };
  };
  const a = table(base, 'baseline predictions');
  const b = table(cur, 'predictions');
  return a && b ? [a, b] : undefined;
}

function optionalInput<K extends string>(ctx: GateContext, input: string, key: K): Partial<Record<K, string>> {
  const v = ctx.inputs.optional(input);
  return v === undefined ? {} : ({ [key]: v } as Partial<Record<K, string>>);
}

async function runModelValidate(ctx: GateContext): Promise<Report> {
  const configInput = ctx.inputs.optional('config');
  const configPath = configInput ? path.resolve(ctx.workspace, configInput) : undefined;
  const config = await loadModelConfig(configPath, configInput);
  const predictionsFile = ctx.inputs.optional('predictions');
  const referenceFile = ctx.inputs.optional('reference');
  const currentFile = ctx.inputs.optional('current');
  if (!predictionsFile && !(referenceFile && currentFile)) {
    throw new ConfigurationError('model-validate needs `predictions` (a CSV, CSV.gz or JSONL file of labels and scores), or `reference` and `current` feature files for drift only.', { field: 'inputs.predictions' });
  }
  if (Boolean(referenceFile) !== Boolean(currentFile)) {
    throw new ConfigurationError(`drift needs both \`reference\` and \`current\` feature files; only ${referenceFile ? 'reference' : 'current'} was given.`, { field: referenceFile ? 'inputs.current' : 'inputs.reference' });
  }
  const predOpts: PredictionOptions = predictionOptions(config, {
    ...optionalInput(ctx, 'label-column', 'labelColumn'),
    ...optionalInput(ctx, 'prediction-column', 'predictionColumn'),
    ...optionalInput(ctx, 'score-columns', 'scoreColumns'),
    ...optionalInput(ctx, 'positive-label', 'positiveLabel'),
  });

  const sections: Section[] = [];
  const findings: Finding[] = [];
  const details: Record<string, unknown> = {};
  const outputs: Record<string, string | number> = {};
  const datasets: { role: 'evaluation' | 'reference' | 'current' | 'baseline-predictions'; file: string; sha256: string; rows: number }[] = [];
  await mkdir(ctx.reportDir, { recursive: true });

  // Metrics of the candidate.
  let data: PredictionData | undefined;
  let metrics: Record<string, MetricValue> = {};
  let confusion: ConfusionMatrix | undefined;
  let intervals: Record<string, { lower: number; upper: number; level: number }> = {};
  if (predictionsFile) {
    const abs = path.resolve(ctx.workspace, predictionsFile);
    const read = await readPredictions(abs, { ...predOpts, label: predictionsFile });
    for (const w of read.warnings) ctx.log.warning(w);
    data = read.data;
    ({ metrics, confusion } = computeMetrics(data));
    intervals = headlineIntervals(data, HEADLINE[data.kind].filter((k) => k in metrics), config);
    if (read.rows > BOOTSTRAP_MAX_ROWS) ctx.log.info(`${read.rows} rows: no bootstrap intervals or paired bootstrap above ${BOOTSTRAP_MAX_ROWS} rows (DeLong and McNemar still apply)`);
    datasets.push({ role: 'evaluation', file: predictionsFile, sha256: await sha256(abs), rows: read.rows });
    details.task = data.kind;
    if (data.kind !== 'regression') details.labels = data.labels;
  }

  // The baseline: a file, else the store's latest entry.
  let baselineMetrics: Record<string, number | null> | undefined;
  let baselinePredictions: PredictionData | undefined;
  let baselineSource = 'none (first run)';
  let baselineSha: string | undefined;
  const baselineFile = ctx.inputs.optional('baseline');
  if (baselineFile) {
    const b = await readBaselineFile(ctx, baselineFile, predOpts);
    baselineMetrics = b.metrics;
    baselinePredictions = b.predictions;
    baselineSource = b.source;
    baselineSha = b.sha;
    if (b.predictions) datasets.push({ role: 'baseline-predictions', file: baselineFile, sha256: await sha256(b.file), rows: b.predictions.yTrue.length });
  } else if (data) {
    const { history, source } = await ctx.baselines.load<ModelBaselineData>(ctx.gate, ctx.name);
    const entry = history?.entries.at(-1);
    if (entry) {
      baselineMetrics = entry.data.metrics;
      baselineSha = entry.git.sha;
      baselineSource = `${source ?? 'store'} (${entry.git.sha?.slice(0, 7) ?? entry.createdAt})`;
      if (entry.data.task !== data.kind) {
        ctx.log.warning(`the stored baseline is of a ${entry.data.task} model, this one is ${data.kind}: metrics of the other task are not compared`);
      }
    }
  }

  // Thresholds, with paired significance when the baseline model scored the same rows.
  let thresholdResults: ThresholdResult[] = [];
  let significance: Record<string, { pWorse: number; test: string }> = {};
  if (data) {
    const thresholded = Object.keys(config.thresholds);
    checkThresholdMetrics(config.thresholds, Object.keys(metrics), config.source ?? { file: configInput ?? 'config' });
    if (baselinePredictions && sameRows(data, baselinePredictions)) {
      significance = pairedSignificance(data, baselinePredictions, thresholded, config);
      details.paired = significance;
    } else if (baselinePredictions) {
      ctx.log.warning(`${baselineFile ?? 'baseline'}: the baseline predictions are not on the same rows (count or true labels differ); no paired tests`);
    }
    thresholdResults = evaluateThresholds(
      Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, v.value])),
      baselineMetrics ? Object.fromEntries(Object.entries(baselineMetrics).map(([k, v]) => [k, v ?? NaN])) : undefined,
      config.thresholds,
      { significance, alpha: config.alpha },
    );
    const byMetric = new Map(thresholdResults.map((t) => [t.metric, t]));
    const rows: MetricRowInput[] = Object.entries(metrics).map(([name, current]) => ({
      name,
      current,
      baseline: baselineMetrics?.[name] ?? null,
      ...(intervals[name] ? { interval: intervals[name] } : {}),
      ...(byMetric.get(name) ? { threshold: byMetric.get(name) } : {}),
      ...(significance[name] ? { paired: significance[name] } : {}),
    }));
    sections.push(metricsSection(rows));
    for (const f of thresholdFindings(thresholdResults, { file: configInput ?? predictionsFile ?? '' })) {
      const metric = f.id.slice('threshold:'.length);
      const line = configInput ? config.source?.lineOf?.(`/thresholds/${metric.replaceAll('~', '~0').replaceAll('/', '~1')}`) : undefined;
      if (configInput) f.location = { file: configInput, ...(line !== undefined ? { line } : {}) };
      findings.push(f);
    }
    details.metrics = { ...numbers(metrics), ...(confusion ? { confusion_matrix: confusion } : {}) };
    const reasons = Object.fromEntries(Object.entries(metrics).flatMap(([k, v]) => (v.reason ? [[k, v.reason]] : [])));
    if (Object.keys(reasons).length) details.metricNotes = reasons;
    details.intervals = intervals;
    details.thresholds = thresholdResults;
    details.baseline = { source: baselineSource, ...(baselineMetrics ? { metrics: baselineMetrics } : {}) };
  }

  // Plots: SVG files in the artifact, Mermaid charts and the confusion matrix as a table in the comment.
  const plotBlocks: Block[] = [];
  if (data && data.kind !== 'regression') {
    let roc;
    let pr;
    let calibration;
    if (data.kind === 'binary' && data.scores) {
      const y = binaryTruth(data);
      if (y.some((v) => v === 1) && y.some((v) => v === 0)) {
        roc = rocCurve(y, data.scores);
        pr = prCurve(y, data.scores);
        plotBlocks.push({ type: 'markdown', markdown: mermaidRoc(roc, metrics.roc_auc?.value) }, { type: 'markdown', markdown: mermaidPr(pr) });
      }
      calibration = calibrationCurve(y, data.scores);
      if (calibration.probTrue.length > 1) plotBlocks.push({ type: 'markdown', markdown: mermaidCalibration(calibration) });
    }
    const svgs = await renderSvgPlots({
      ...(roc ? { roc, rocAuc: metrics.roc_auc?.value ?? NaN } : {}),
      ...(pr ? { pr, averagePrecision: metrics.average_precision?.value ?? NaN } : {}),
      ...(calibration && calibration.probTrue.length ? { calibration } : {}),
      ...(confusion ? { confusion } : {}),
      title: ctx.name,
    });
    await mkdir(path.join(ctx.reportDir, 'plots'), { recursive: true });
    for (const s of svgs) await writeFile(path.join(ctx.reportDir, 'plots', s.name), s.svg);
    details.plots = svgs.map((s) => `plots/${s.name}`);
    if (confusion) sections.push({ id: 'confusion', title: 'Confusion matrix (rows: true, columns: predicted)', importance: 'detail', blocks: [confusionBlock(confusion)] });
    if (plotBlocks.length) sections.push({ id: 'plots', title: 'Curves', importance: 'detail', blocks: [...plotBlocks, { type: 'text', text: `SVG plots in the artifact: ${svgs.map((s) => `plots/${s.name}`).join(', ')}` }] });
  }

  // Drift: reference vs current feature data, and the prediction distribution against the baseline model's.
  const driftOpts: DriftOptions = {
    methods: driftMethodsInput(ctx.inputs.optional('drift-methods'), config),
    thresholds: config.drift.thresholds,
    columns: config.drift.columns,
    ignore: config.drift.ignore,
  };
  const driftResults: DriftResult[] = [];
  let drifted: string[] = [];
  let datasetDrifted = false;
  if (referenceFile && currentFile) {
    const exclude = [predOpts.labelColumn, predOpts.predictionColumn];
    const ref = toFeatureTable(await readTable(path.resolve(ctx.workspace, referenceFile), { label: referenceFile }), { exclude, ...(config.drift.kinds ? { kinds: config.drift.kinds } : {}) });
    const cur = toFeatureTable(await readTable(path.resolve(ctx.workspace, currentFile), { label: currentFile }), { exclude, ...(config.drift.kinds ? { kinds: config.drift.kinds } : {}) });
    datasets.push({ role: 'reference', file: referenceFile, sha256: await sha256(path.resolve(ctx.workspace, referenceFile)), rows: ref.rows });
    datasets.push({ role: 'current', file: currentFile, sha256: await sha256(path.resolve(ctx.workspace, currentFile)), rows: cur.rows });
    const d = driftColumns(ref, cur, driftOpts);
    driftResults.push(...d.columns);
    drifted = d.drifted;
    datasetDrifted = d.datasetDrifted;
    sections.push(driftSection(d.columns, d.share, d.datasetDrifted, config.drift.thresholds.datasetShare ?? DRIFT_DEFAULTS.datasetShare, d.skipped));
    details.drift = { columns: d.columns, drifted: d.drifted, share: d.share, datasetDrifted: d.datasetDrifted, skipped: d.skipped };
    for (const c of d.columns.filter((x) => x.drifted && d.drifted.includes(x.name))) {
      findings.push({
        id: `drift:${c.name}:${c.method}`,
        title: `Column ${c.name} drifted`,
        severity: 'medium',
        status: 'warn',
        message: `${c.name}: ${c.method} ${fmt(c.statistic)}${c.pValue === undefined ? '' : `, p = ${fmt(c.pValue)}`} (threshold ${fmt(c.threshold)})`,
        location: { file: currentFile },
      });
    }
  }
  if (data && baselinePredictions) {
    const tables = predictionTables(data, baselinePredictions);
    if (tables) {
      const p = driftColumns(tables[0], tables[1], { ...driftOpts, ignore: [] });
      details.predictionDrift = p.columns;
      if (p.columns.length) {
        sections.push({
          id: 'prediction-drift',
          title: 'Prediction drift (candidate vs baseline model)',
          importance: 'detail',
          blocks: [{ type: 'table', columns: ['output', 'method', 'statistic', 'p-value', 'drifted'], rows: p.columns.map((c) => ({ cells: [c.name, c.method, fmt(c.statistic), c.pValue === undefined ? '—' : fmt(c.pValue), c.drifted ? 'drifted' : 'no'], status: c.drifted ? 'warn' : 'pass' })) }],
        });
      }
    }
  }

  // Verdict: a failed threshold fails; a warned threshold or dataset drift is neutral.
  const failed = thresholdResults.filter((t) => t.status === 'fail').map((t) => t.metric);
  const warned = thresholdResults.filter((t) => t.status === 'warn').map((t) => t.metric);
  const verdict: Verdict = failed.length ? 'fail' : warned.length || datasetDrifted ? 'warn' : 'pass';

  // The model card.
  const metadataFile = ctx.inputs.optional('metadata');
  let metadata: ModelMetadata | undefined;
  if (metadataFile) metadata = await loadModelMetadata(path.resolve(ctx.workspace, metadataFile));
  if (data) {
    const card = buildModelCard({
      ...(metadata ? { metadata } : {}),
      task: data.kind,
      metrics,
      intervals,
      thresholds: thresholdResults.map((t) => ({ metric: t.metric, status: t.status, formula: t.formula })),
      verdict,
      datasets,
      ci: {
        ...(ctx.run.repository ? { repository: ctx.run.repository } : {}),
        ...(ctx.run.sha ? { commit: ctx.run.sha } : {}),
        ...(ctx.run.ref ? { ref: ctx.run.ref } : {}),
        ...(ctx.run.runId ? { runId: ctx.run.runId } : {}),
        ...(ctx.run.runUrl ? { runUrl: ctx.run.runUrl } : {}),
        baseline: { source: baselineSource, ...(baselineSha ? { commit: baselineSha } : {}) },
      },
      runner: {
        ...(ctx.runner.fingerprint ? { fingerprint: ctx.runner.fingerprint } : {}),
        ...(ctx.runner.gpus ? { gpus: ctx.runner.gpus.map((g) => ({ name: g.name, ...(g.driver ? { driver: g.driver } : {}), ...(g.memoryMiB ? { memoryMiB: g.memoryMiB } : {}) })) } : {}),
        ...(ctx.runner.gpus?.[0]?.cuda ? { cuda: ctx.runner.gpus[0].cuda } : {}),
        ...(ctx.runner.cpuModel ? { cpu: ctx.runner.cpuModel } : {}),
        os: ctx.runner.os,
      },
      generatedAt: new Date().toISOString(),
    });
    await writeFile(path.join(ctx.reportDir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
    let md = renderModelCardMarkdown(card);
    if (config.modelCard.huggingFace) {
      const index = huggingFaceModelIndex(card);
      await writeFile(path.join(ctx.reportDir, 'model-index.yml'), index);
      md = `---\n${index.trimEnd()}\n---\n\n${md}`;
    }
    await writeFile(path.join(ctx.reportDir, 'model-card.md'), md);
    details.modelCard = 'model-card.json';
    sections.push({
      id: 'model-card',
      title: 'Model card',
      importance: 'detail',
      collapsed: true,
      blocks: [
        {
          type: 'table',
          columns: ['field', 'value'],
          rows: [
            ['model', metadata ? `${metadata.name} ${metadata.version}` : ctx.name],
            ['task', data.kind],
            ['owners', metadata?.owners.map((o) => o.name).join(', ') ?? '—'],
            ['intended use', metadata?.intendedUse ?? '—'],
            ['limitations', metadata?.limitations.join('; ') ?? '—'],
            ['evaluation data', datasets.map((d) => `${d.role}: ${d.file} (${d.rows} rows, sha256 ${d.sha256.slice(0, 12)})`).join('; ')],
            ['baseline', baselineSource],
          ].map((cells) => ({ cells })),
        },
        { type: 'text', text: 'Full card: model-card.json and model-card.md in the artifact.' },
      ],
    });
  }

  // Save the baseline on pushes to the default branch, or when asked.
  if (data && failed.length === 0 && (ctx.inputs.boolean('update-baseline', false) || isDefaultBranchPush(ctx.run))) {
    details.baselineSaved = await saveRunBaseline<ModelBaselineData>(ctx, { task: data.kind, metrics: numbers(metrics) });
  }

  outputs['failed-metrics'] = failed.join(',');
  outputs['drifted-columns'] = drifted.join(',');
  const parts: string[] = [];
  if (data) {
    const shown = HEADLINE[data.kind].filter((k) => metrics[k] && Number.isFinite(metrics[k].value)).slice(0, 3);
    parts.push(shown.map((k) => `${k} ${fmt(metrics[k]?.value)}`).join(', '));
    parts.push(failed.length ? `failed: ${failed.join(', ')}` : warned.length ? `warned: ${warned.join(', ')}` : `${thresholdResults.length} thresholds met`);
  }
  if (referenceFile) parts.push(drifted.length ? `drifted: ${drifted.join(', ')}${datasetDrifted ? ' (dataset drift)' : ''}` : 'no drift');
  return {
    ...reportShell(ctx),
    verdict,
    summary: parts.filter(Boolean).join('; '),
    findings,
    details,
    sections,
    outputs,
  };
}

export const gate: Gate = { gate: 'model-validate', run: runModelValidate };
