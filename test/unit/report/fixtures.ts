import { REPORT_SCHEMA_VERSION, type Finding, type FindingStatus, type Report, type Section, type TableRow } from '../../../src/core/report/model.js';

export const FINDING_STATUSES: readonly FindingStatus[] = ['pass', 'fail', 'warn', 'skip', 'inconclusive'];

/** A report exercising every block type and the strings escaping must neutralise; the golden files render it. */
export function fixtureReport(): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    gate: 'perf-gate',
    name: 'gpu-bench',
    verdict: 'fail',
    summary: '2 regressions in 5 benchmarks (threshold 5%) — cc @octo-org/perf see #42',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:06:35.250Z',
    runner: { os: 'linux', arch: 'x64', name: 'gpu-runner-1', gpus: [{ name: 'NVIDIA H100', driver: '550.54', cuda: '12.4' }] },
    git: { sha: '0123456789abcdef0123456789abcdef01234567', ref: 'refs/pull/7/merge', repository: 'acme/models', pullRequest: 7 },
    findings: [
      {
        id: 'matmul-fp16.p50',
        title: 'matmul_fp16 p50 regressed',
        severity: 'high',
        status: 'fail',
        message: 'p50 went from 1.20 ms to 1.41 ms (+17.5%)\nthreshold: 5%',
        location: { file: 'bench/matmul.ts', line: 12, endLine: 14 },
      },
      {
        id: 'attention.p99',
        title: 'attention <p99> | noisy',
        severity: 'medium',
        status: 'warn',
        message: 'p99 moved +4.9% & the CV is 12%',
        location: { file: './bench/attention.ts', line: 3 },
      },
      { id: 'conv2d.p50', title: 'conv2d p50', severity: 'low', status: 'pass', message: 'within 1%' },
      { id: 'gather.p50', title: 'gather p50', severity: 'low', status: 'skip', message: 'no baseline yet' },
      {
        id: 'scatter.p50',
        title: 'scatter p50',
        severity: 'info',
        status: 'inconclusive',
        message: 'only 2 samples',
        location: { file: 'bench/scatter.ts' },
      },
    ],
    details: {},
    sections: [
      {
        id: 'results',
        title: 'Results',
        importance: 'essential',
        blocks: [
          { type: 'text', text: 'Compared with baseline `main@0123456`.\nRuns: 10 per benchmark; see [docs](https://example.com).' },
          {
            type: 'table',
            columns: ['Benchmark', 'Baseline', 'Current', 'Change', 'Status'],
            align: ['left', 'right', 'right', 'right', 'center'],
            rows: [
              row(['matmul_fp16', '1.20 ms', '1.41 ms', '+17.5%', 'fail'], 'fail'),
              row(['attention | p99', '3.01 ms', '3.16 ms', '+4.9%', 'warn'], 'warn'),
              row(['conv2d', '0.80 ms', '0.80 ms', '+0.1%', 'pass'], 'pass'),
              row(['gather\nsecond line', '—', '0.10 ms', 'n/a', 'skip'], 'skip'),
              row(['scatter *bold* <b>x</b>', '2.00 ms', '2.10 ms', '+5.0%', 'inconclusive'], 'inconclusive'),
            ],
          },
        ],
      },
      {
        id: 'chart',
        title: 'Trend',
        importance: 'essential',
        blocks: [{ type: 'markdown', markdown: '```mermaid\nxychart-beta\n  line [1.2, 1.25, 1.41]\n```' }],
      },
      {
        id: 'logs',
        title: 'Raw output',
        importance: 'detail',
        blocks: [
          { type: 'code', lang: 'text', text: 'step 1 ok\nstep 2 printed ``` and ```` fences\n</details> @here #9' },
          {
            type: 'details',
            summary: 'Environment </summary><script>',
            blocks: [{ type: 'text', text: 'CUDA 12.4, driver 550.54\n- not a list\n# not a heading' }],
          },
        ],
      },
      {
        id: 'card',
        title: 'Runner card',
        importance: 'detail',
        collapsed: true,
        blocks: [{ type: 'table', columns: ['Key', 'Value'], rows: [row(['gpu', 'NVIDIA H100']), row(['os', 'linux'])] }],
      },
    ],
    outputs: { regressions: 2 },
  };
}

function row(cells: string[], status?: TableRow['status']): TableRow {
  return status === undefined ? { cells } : { cells, status };
}

/** A report whose one table has `failing` failing rows spread evenly among `passing` passing rows. */
export function tableReport(failing: number, passing: number, cellText = (i: number) => `bench-${i}`): Report {
  const total = failing + passing;
  const rows = Array.from({ length: total }, (_, i): TableRow => {
    const fails = Math.floor(((i + 1) * failing) / total) > Math.floor((i * failing) / total);
    return row([cellText(i), `${i}.0 ms`, fails ? 'fail' : 'pass'], fails ? 'fail' : 'pass');
  });
  const report = fixtureReport();
  const sections: Section[] = [
    { id: 'results', title: 'Results', importance: 'essential', blocks: [{ type: 'table', columns: ['Benchmark', 'Time', 'Status'], rows }] },
  ];
  return { ...report, findings: [], sections };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return { id: 'f', title: 'A finding', severity: 'high', status: 'fail', message: 'it failed', ...overrides };
}

/**
 * What would make rendered markdown malformed or unsafe: an unclosed code fence, unbalanced `<details>`, a raw
 * `<script` outside code, or a table row whose unescaped pipes differ from its header's.
 */
export function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  let fence: number | undefined;
  let depth = 0;
  let tablePipes: number | undefined;
  md.split('\n').forEach((line, i) => {
    if (fence !== undefined) {
      const close = /^(`+)\s*$/.exec(line);
      if (close?.[1] !== undefined && close[1].length >= fence) fence = undefined;
      return;
    }
    const open = /^(`{3,})[^`]*$/.exec(line);
    if (open?.[1] !== undefined) {
      fence = open[1].length;
      tablePipes = undefined;
      return;
    }
    if (/<script/i.test(line)) problems.push(`line ${i + 1}: raw <script`);
    depth += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (depth < 0) problems.push(`line ${i + 1}: </details> without <details>`);
    if (!line.startsWith('|')) {
      tablePipes = undefined;
      return;
    }
    const pipes = unescapedPipes(line);
    if (tablePipes === undefined) tablePipes = pipes;
    else if (pipes !== tablePipes) problems.push(`line ${i + 1}: ${pipes} cell delimiters, header has ${tablePipes}`);
  });
  if (fence !== undefined) problems.push('unclosed code fence');
  if (depth !== 0) problems.push(`${depth} unclosed <details>`);
  return problems;
}

function unescapedPipes(line: string): number {
  let count = 0;
  let backslashes = 0;
  for (const c of line) {
    if (c === '|' && backslashes % 2 === 0) count++;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  return count;
}
