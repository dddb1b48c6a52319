// The demo's closing summary: key figures read from each gate's report.json, and what this machine could not do
// (read from the reports, or detected here: the user id and whether nvidia-smi is on PATH).
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A report.json, or undefined when the step wrote none (or an unreadable one). */
export function readReport(dir) {
  const file = path.join(dir, 'report.json');
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return r && typeof r === 'object' && typeof r.gate === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const out = (r, key) => (r.outputs?.[key] === undefined || r.outputs[key] === '' ? undefined : String(r.outputs[key]));
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** The figures a reader looks at first, per gate (the same ones the index page shows). */
export function keyFigures(r) {
  const d = r.details ?? {};
  const figures = [];
  const add = (label, value) => value !== undefined && figures.push(`${label} ${value}`);
  switch (r.gate) {
    case 'perf-gate': {
      add('regressions', out(r, 'regressions'));
      add('improvements', out(r, 'improvements'));
      const rank = (v) => ({ regression: 2, improvement: 1 })[v] ?? 0;
      const results = (Array.isArray(d.results) ? d.results : []).filter((x) => num(x?.change) !== undefined);
      const head = results.reduce((a, x) => (!a || rank(x.verdict) > rank(a.verdict) || (rank(x.verdict) === rank(a.verdict) && Math.abs(x.change) > Math.abs(a.change)) ? x : a), undefined);
      if (head) figures.push(`headline ${head.benchmark} ${head.metric} ${pct(head.change)} (${head.verdict})`);
      break;
    }
    case 'chaos-run': {
      if (d.dryRun) {
        add('faults planned', Array.isArray(d.plan) ? d.plan.length : undefined);
        break;
      }
      const faults = Array.isArray(d.faults) ? d.faults : [];
      if (faults.length) figures.push(`faults verified ${faults.filter((f) => f?.verified === true).length}/${faults.length}`);
      add('lost', out(r, 'lost'));
      const rec = out(r, 'recovery-seconds');
      if (rec !== undefined) figures.push(`recovery ${rec} s`);
      break;
    }
    case 'model-validate': {
      const m = d.metrics ?? {};
      for (const k of ['accuracy', 'roc_auc', 'roc_auc_ovr_macro']) if (num(m[k]) !== undefined) figures.push(`${k} ${Number(m[k].toFixed(4))}`);
      add('failed', out(r, 'failed-metrics'));
      const drifted = Array.isArray(d.drift?.drifted) ? d.drift.drifted : (out(r, 'drifted-columns')?.split(',') ?? []);
      figures.push(`drifted ${drifted.length ? drifted.join(', ') : 'none'}`);
      break;
    }
    case 'readiness-checklist': {
      const score = out(r, 'score');
      if (score !== undefined) figures.push(`score ${score}/100`);
      figures.push(`level ${out(r, 'level') ?? 'none'}`);
      add('failed critical', out(r, 'failed-critical'));
      break;
    }
    default:
      for (const [k, v] of Object.entries(r.outputs ?? {})) figures.push(`${k} ${v}`);
  }
  return figures.join('; ');
}

function onPath(bin) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, bin), constants.X_OK);
      return path.join(dir, bin);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** What this machine is, as far as the skipped features go. */
export function machineFacts() {
  const uid = process.getuid?.();
  const smi = onPath('nvidia-smi');
  return [
    uid === undefined ? 'user id: unknown on this platform' : `user id ${uid}${uid === 0 ? ' (root)' : ' (not root)'}`,
    smi ? `nvidia-smi: ${smi}` : 'nvidia-smi: not on PATH',
  ];
}

const CANNOT_RUN = /fault (\S+) \((\S+)\) cannot run on this runner: (.+)$/;

/**
 * Features that were skipped or could not be judged, each with the reason a report gives: GPU telemetry the
 * perf-gate runs could not sample, findings with status skip or inconclusive, drift columns model-validate
 * skipped, and the planned chaos faults this machine cannot run.
 */
export function skippedFeatures(reports, plan) {
  const seen = new Set();
  const list = [];
  const add = (s) => !seen.has(s) && (seen.add(s), list.push(s));
  for (const r of reports) {
    const gpu = r.gate === 'perf-gate' ? r.details?.telemetry?.gpu : undefined;
    if (gpu && gpu.available === false) add(`GPU telemetry (perf-gate): ${gpu.reason ?? 'not sampled'}`);
    for (const f of r.findings ?? []) {
      if (f.status === 'skip' || f.status === 'inconclusive') add(`${r.gate} ${f.title} (${f.status}): ${f.message.split('\n')[0]}`);
    }
    const skippedDrift = r.gate === 'model-validate' && Array.isArray(r.details?.drift?.skipped) ? r.details.drift.skipped : [];
    for (const s of skippedDrift) add(`model-validate drift of column ${s?.name}: ${s?.reason}`);
  }
  if (plan) {
    for (const f of plan.findings ?? []) {
      for (const line of f.message.split('\n')) {
        const m = CANNOT_RUN.exec(line);
        if (m) add(`chaos fault ${m[2]} (${m[1]}): ${m[3]}`);
        else if (f.status === 'skip' || f.status === 'inconclusive') add(`chaos-run plan ${f.title}: ${line}`);
      }
    }
  }
  return list;
}

/** A plain text table; the last column is not padded. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? String(c) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
