import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadGate } from '../actions/gates.js';
import { ConfigurationError, errorMessage, isConfigurationError } from '../core/errors.js';
import { assertValidReport, writeReportFiles } from '../core/report/files.js';
import { GATES, type GateName, type Report } from '../core/report/model.js';
import { indexEntry, renderIndex } from '../core/report/render-index.js';
import { renderMarkdown } from '../core/report/render-markdown.js';
import { renderTerminal } from '../core/report/render-terminal.js';
import { ExitCode, exitCodeFor, runGateCli } from '../core/runtime/cli-run.js';

/** CLI flags of each gate, and the action input each one sets (the gate reads the same names either way). */
const gateFlags: Record<GateName, { flag: string; input: string; description: string; boolean?: boolean }[]> = {
  'perf-gate': [
    { flag: '--current <file>', input: 'current', description: 'result file to judge (no suite is run)' },
    { flag: '--baseline <file>', input: 'baseline', description: 'baseline result file' },
    { flag: '--format <name>', input: 'format', description: 'result format (detected when absent)' },
    { flag: '--run <cmd>', input: 'run', description: 'run the suite with this shell command' },
    { flag: '--config <file>', input: 'config', description: 'perf-gate config file' },
    { flag: '--repetitions <n>', input: 'repetitions', description: 'with --run: measured runs of the suite' },
    { flag: '--warmup <n>', input: 'warmup', description: 'with --run: unmeasured runs first' },
    { flag: '--update-baseline', input: 'update-baseline', description: 'save this run as the baseline in baselines/', boolean: true },
  ],
  'model-validate': [
    { flag: '--predictions <file>', input: 'predictions', description: 'predictions file (CSV, CSV.gz, JSONL)' },
    { flag: '--label-column <name>', input: 'label-column', description: 'true label column' },
    { flag: '--prediction-column <name>', input: 'prediction-column', description: 'predicted class column' },
    { flag: '--score-columns <prefix>', input: 'score-columns', description: 'score column prefix, or the binary score column' },
    { flag: '--positive-label <label>', input: 'positive-label', description: 'positive class' },
    { flag: '--baseline <file>', input: 'baseline', description: 'baseline file' },
    { flag: '--reference <file>', input: 'reference', description: 'reference feature data for drift' },
    { flag: '--current <file>', input: 'current', description: 'current feature data for drift' },
    { flag: '--drift-methods <list>', input: 'drift-methods', description: 'auto | all | ks,psi,...' },
    { flag: '--config <file>', input: 'config', description: 'model-validate config file' },
    { flag: '--metadata <file>', input: 'metadata', description: 'model metadata YAML for the model card' },
    { flag: '--update-baseline', input: 'update-baseline', description: 'save this run as the baseline in baselines/', boolean: true },
  ],
  'readiness-checklist': [
    { flag: '--checklist <file>', input: 'checklist', description: 'checklist file' },
    { flag: '--base-result <file>', input: 'base-result', description: "base branch's report.json" },
    { flag: '--untrusted-commands <mode>', input: 'untrusted-commands', description: 'base | refuse: command checks on untrusted pull requests' },
    { flag: '--reports-dir <dir>', input: 'reports-dir', description: "other gates' reports, for gate checks" },
    { flag: '--sarif', input: 'sarif', description: 'also write results.sarif', boolean: true },
  ],
  'chaos-run': [
    { flag: '--experiment <file>', input: 'experiment', description: 'experiment file' },
    { flag: '--dry-run', input: 'dry-run', description: 'print the plan without touching anything', boolean: true },
    { flag: '--ledger-dir <dir>', input: 'ledger-dir', description: 'where the fault ledger is kept (default ~/.local/state/shipgate/chaos-ledger)' },
    { flag: '--allowed-runner-labels <list>', input: 'allowed-runner-labels', description: 'refuse unless this machine has one of these labels' },
  ],
};

function camel(flag: string): string {
  const long = /--([a-z-]+)/.exec(flag)?.[1] ?? flag;
  return long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('shipgate')
    .description('CI gates for self-hosted GPU runners, run locally')
    .showHelpAfterError()
    .exitOverride();

  for (const gate of GATES) {
    const cmd = program
      .command(gate)
      .description(`run ${gate} with local sinks (report files and this terminal)`)
      .option('--name <name>', 'suite name', 'default')
      .option('--report-dir <dir>', 'where report files are written', path.join('shipgate-report', gate))
      .option('-v, --verbose', 'debug output')
      .addOption(new Option('--color', 'colour the terminal report').default(Boolean(process.stdout.isTTY)));
    for (const f of gateFlags[gate]) cmd.option(f.flag, f.description);
    cmd.action(async (o: Record<string, string | boolean | undefined>) => {
      const inputs: Record<string, string | undefined> = {};
      for (const f of gateFlags[gate]) {
        const v = o[camel(f.flag)];
        if (v !== undefined) inputs[f.input] = String(v);
      }
      setExit(
        await runGateCli(await loadGate(gate), {
          name: String(o.name),
          reportDir: String(o.reportDir),
          inputs,
          verbose: Boolean(o.verbose),
          color: Boolean(o.color),
        }),
      );
    });
  }

  program.commands
    .find((c) => c.name() === 'readiness-checklist')
    ?.command('import')
    .description('convert a markdown checklist (headings, - [ ] items, Status/Owner lines, Validation Command lines) to readiness.yml on stdout')
    .argument('<checklist.md>')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new ConfigurationError(`${file}: cannot read the markdown checklist (${errorMessage(e)}).`, { location: { file } });
      }
      const { importMarkdownChecklist } = await import('../gates/readiness-checklist/import-markdown.js');
      const { checklistToYaml } = await import('../gates/readiness-checklist/checklist.js');
      const { checklist, warnings } = importMarkdownChecklist(text, file);
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(checklistToYaml(checklist));
      setExit(ExitCode.Ok);
    });

  program.commands
    .find((c) => c.name() === 'chaos-run')
    ?.command('revert')
    .description('revert every fault the ledger still holds (what a killed run left behind)')
    .option('--ledger-dir <dir>', 'where the fault ledger is kept (default ~/.local/state/shipgate/chaos-ledger)')
    .action(async (_o: unknown, cmd: Command) => {
      // --ledger-dir is also an option of `chaos-run` itself, which takes it when given here.
      const o = cmd.optsWithGlobals<{ ledgerDir?: string }>();
      const { ledgerDir, revertLedger } = await import('../gates/chaos-run/index.js');
      const dir = ledgerDir(o.ledgerDir);
      const r = await revertLedger(dir);
      for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`${dir}: ${r.reverted.length} reverted${r.reverted.length ? ` (${r.reverted.join(', ')})` : ''}, ${r.failed.length} failed\n`);
      for (const f of r.failed) process.stderr.write(`could not revert ${f.id}: ${f.error}\n`);
      setExit(r.failed.length ? ExitCode.Failed : ExitCode.Ok);
    });

  program
    .command('report')
    .description('validate a report.json and render it (terminal, markdown) or re-write its report files')
    .argument('<report.json>')
    .addOption(new Option('--format <format>', 'output').choices(['terminal', 'markdown']).default('terminal'))
    .option('--report-dir <dir>', 'also write report.json, report.md and junit.xml here')
    .action(async (file: string, o: { format: string; reportDir?: string }) => {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new ConfigurationError(`${file}: cannot read a report (${errorMessage(e)}). Pass the report.json a gate wrote.`, { location: { file } });
      }
      try {
        assertValidReport(value);
      } catch (e) {
        throw new ConfigurationError(`${file}: ${errorMessage(e).replace(/^internal error: /, '')}`, { location: { file } });
      }
      process.stdout.write(o.format === 'markdown' ? renderMarkdown(value, {}) : renderTerminal(value, { color: Boolean(process.stdout.isTTY) }));
      if (o.reportDir) await writeReportFiles(value, o.reportDir);
      setExit(exitCodeFor(value));
    });

  program
    .command('index')
    .description('write <dir>/index.html: a table of every <dir>/*/report.json, linking each report')
    .argument('<dir>')
    .option('--title <title>', 'page title', 'shipgate reports')
    .action(async (dir: string, o: { title: string }) => {
      let subdirs: string[];
      try {
        subdirs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      } catch (e) {
        throw new ConfigurationError(`${dir}: cannot read the reports directory (${errorMessage(e)}).`, { location: { file: dir } });
      }
      const found: { sub: string; report: Report }[] = [];
      for (const sub of subdirs) {
        const file = path.join(dir, sub, 'report.json');
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          // A directory without a report is not one; anything else is worth a word.
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') process.stderr.write(`warning: ${file}: skipped (${errorMessage(e)})\n`);
          continue;
        }
        try {
          const value: unknown = JSON.parse(text);
          assertValidReport(value);
          found.push({ sub, report: value });
        } catch (e) {
          process.stderr.write(`warning: ${file}: skipped, not a valid report (${errorMessage(e).replace(/^internal error: /, '')})\n`);
        }
      }
      if (found.length === 0) process.stderr.write(`warning: ${dir}: no */report.json found\n`);
      const rank = (r: Report): number => GATES.indexOf(r.gate);
      found.sort((a, b) => rank(a.report) - rank(b.report) || a.report.startedAt.localeCompare(b.report.startedAt) || a.sub.localeCompare(b.sub));
      const out = path.join(dir, 'index.html');
      await writeFile(out, renderIndex(found.map((f) => indexEntry(f.report, f.sub)), { title: o.title, generatedAt: new Date().toISOString() }));
      process.stdout.write(`${out}\n`);
      setExit(ExitCode.Ok);
    });

  program
    .command('merge')
    .description('merge the report directories of a matrix\'s shards into one report (what `mode: merge` does with their artifacts)')
    .argument('<shard-dir...>', 'report directories, one per shard (each with its report.json); the shard is the directory name')
    .addOption(new Option('--gate <gate>', 'the shards\' gate').choices([...GATES]).makeOptionMandatory())
    .option('--name <name>', 'suite name', 'default')
    .option('--expected-shards <n>', 'how many shards the matrix has')
    .option('--report-dir <dir>', 'where the merged report is written', path.join('shipgate-report', 'merged'))
    .action(async (dirs: string[], o: { gate: GateName; name: string; expectedShards?: string; reportDir: string }) => {
      const expected = o.expectedShards === undefined ? undefined : Number(o.expectedShards);
      if (expected !== undefined && !(Number.isInteger(expected) && expected >= 1)) throw new ConfigurationError(`option --expected-shards: ${JSON.stringify(o.expectedShards)} is not a whole number of shards.`);
      const { readArtifactReport } = await import('../core/runtime/remote.js');
      const { mergeReports } = await import('../core/report/merge.js');
      const { hardwareFacts, runnerInfo } = await import('../core/baseline/fingerprint.js');
      const shards = [];
      for (const dir of dirs) {
        try {
          shards.push({ shard: path.basename(path.resolve(dir)), artifact: dir, report: await readArtifactReport(dir, dir, { gate: o.gate }) });
        } catch (e) {
          throw new ConfigurationError(errorMessage(e), { location: { file: path.join(dir, 'report.json') } });
        }
      }
      const merged = mergeReports(shards, {
        gate: o.gate,
        name: o.name,
        runner: runnerInfo(await hardwareFacts()),
        git: {},
        startedAt: new Date(),
        lookedFor: '<shard-dir>',
        ...(expected !== undefined ? { expected } : {}),
      });
      await writeReportFiles(merged, o.reportDir);
      process.stdout.write(renderTerminal(merged, { color: Boolean(process.stdout.isTTY) }));
      setExit(exitCodeFor(merged));
    });
  return program;
}

export async function cli(argv: string[]): Promise<number> {
  let code: number = ExitCode.Ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    if (isConfigurationError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      return ExitCode.BadInput;
    }
    process.stderr.write(`internal error: ${errorMessage(e)}\n`);
    return ExitCode.Internal;
  }
}
