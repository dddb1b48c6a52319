import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CHARTS, parseXyChart, renderHtml, sanitizeSvg } from '../../../src/core/report/render-html.js';
import type { Report } from '../../../src/core/report/model.js';
import { trendChart } from '../../../src/gates/perf-gate/report.js';
import type { ResultRow } from '../../../src/gates/perf-gate/compare.js';
import { mermaidCalibration, mermaidRoc } from '../../../src/gates/model-validate/plots.js';
import { fixtureReport } from './fixtures.js';

const HOSTILE = ['<img src=x onerror=alert(1)>', '</style><script>alert(2)</script>', '"quoted" & \'single\''];

function hostileReport(): Report {
  const r = fixtureReport();
  const h = HOSTILE.join(' ');
  return {
    ...r,
    name: `suite ${h}`,
    summary: `summary ${h} see https://example.com/x and http://evil.test`,
    findings: [{ id: 'x', title: `title ${h}`, severity: 'high', status: 'fail', message: `message ${h}\nhttps://evil.test/a`, location: { file: `file ${h}`, line: 3 } }],
    runner: { ...r.runner, name: `runner ${h}`, cpuModel: h, fingerprint: h },
    git: { ...r.git, ref: h },
    sections: [
      ...r.sections,
      {
        id: 'h',
        title: `section ${h}`,
        importance: 'essential',
        blocks: [
          { type: 'text', text: `text ${h} http://evil.test/x` },
          { type: 'table', columns: [`col ${h}`, 'n'], rows: [{ cells: [`cell ${h}`, '12.5 ms'], status: 'fail' }] },
          { type: 'code', text: `code ${h}` },
          { type: 'details', summary: `details ${h}`, blocks: [{ type: 'text', text: `inner ${h}` }] },
          { type: 'markdown', markdown: `plain ${h}` },
        ],
      },
    ],
  };
}

/** Text content of the page outside tags, with entities left as they are. */
function rawTags(html: string): string[] {
  return [...html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

describe('renderHtml', () => {
  test('is a complete, self-contained HTML5 document', () => {
    const html = renderHtml(fixtureReport());
    assert.ok(html.startsWith('<!doctype html>\n'));
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<title>perf-gate \(gpu-bench\): fail<\/title>/);
    assert.equal(html.match(/<style>/g)?.length, 1);
    assert.match(html, /<\/html>\n$/);
    assert.match(html, /<span class="badge fail">FAIL<\/span>/);
    assert.match(html, /<h2>Findings \(5\)<\/h2>/);
    assert.match(html, /<a href="report\.json">/);
    assert.ok(!/<script|<link|<img|<iframe|@import|src=/i.test(html));
    assert.ok(!/https?:\/\//i.test(html), 'no URL in the page');
    // Every section title of the report is a heading.
    for (const s of fixtureReport().sections) assert.ok(html.includes(`<h2>${s.title}</h2>`), s.title);
  });

  test('escapes hostile strings everywhere and contains no script or URL', () => {
    const html = renderHtml(hostileReport(), { charts: [{ name: `charts/${HOSTILE[0] ?? ''}.svg`, svg: '<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>' }] });
    assert.ok(!/<script/i.test(html), 'no <script');
    assert.ok(!/https?:\/\//i.test(html), 'no http(s) URL');
    assert.ok(!html.includes('<img'), 'no injected img');
    assert.ok(!html.includes('</style><'), 'style not closed by data');
    assert.equal(html.match(/<\/style>/g)?.length, 1);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('&quot;quoted&quot; &amp; &#39;single&#39;'));
    for (const where of ['summary', 'title', 'message', 'cell', 'col', 'text', 'code', 'details', 'inner', 'section', 'plain']) {
      assert.ok(html.includes(`${where} &lt;img src=x onerror=alert(1)&gt;`), `${where} escaped`);
    }
    assert.ok(html.includes('<figcaption>charts/&lt;img src=x onerror=alert(1)&gt;.svg</figcaption>'));
    assert.deepEqual(new Set(rawTags(html).filter((t) => ['script', 'img', 'iframe', 'object', 'link'].includes(t))), new Set());
  });

  test('tables respect align, and numeric columns are right-aligned by default', () => {
    const html = renderHtml(fixtureReport());
    // Results: align ['left', 'right', 'right', 'right', 'center'].
    assert.match(html, /<th>Benchmark<\/th><th class="num">Baseline<\/th><th class="num">Current<\/th><th class="num">Change<\/th><th class="center">Status<\/th>/);
    const r = hostileReport();
    const out = renderHtml(r);
    assert.match(out, /<td class="num">12\.5 ms<\/td>/);
  });

  test('details blocks and collapsed sections become <details>', () => {
    const html = renderHtml(fixtureReport());
    assert.match(html, /<details><summary>Environment &lt;\/summary&gt;&lt;script&gt;<\/summary>/);
    assert.match(html, /<h2>Runner card<\/h2>\n<details><summary>Runner card<\/summary>\n<table>/);
    assert.equal(html.match(/<details>/g)?.length, html.match(/<\/details>/g)?.length);
  });

  test('xychart-beta blocks become inline SVG with one point per value and one rect per bar', () => {
    const row = { benchmark: 'matmul <b>', metric: 'p50', unit: 'ms', current: 1.41 } as ResultRow;
    const md = [
      trendChart(row, [1.2, 1.25, 1.3]),
      { type: 'markdown' as const, markdown: '```mermaid\nxychart-beta\n  title "Bars <b>"\n  x-axis "k" ["a", "b", "c", "d"]\n  y-axis "n" 0 --> 10\n  bar [3, 5, 9, 2]\n```' },
    ];
    const report: Report = { ...fixtureReport(), sections: [{ id: 'c', title: 'Charts', importance: 'essential', blocks: md }] };
    const html = renderHtml(report);
    const figures = html.match(/<figure class="xychart">[\s\S]*?<\/figure>/g) ?? [];
    assert.equal(figures.length, 2);
    const [trend = '', bars = ''] = figures;
    assert.match(trend, /<svg /);
    assert.equal(trend.match(/<circle /g)?.length, 4, 'three history points and this run');
    assert.equal(trend.match(/<polyline /g)?.length, 1);
    assert.equal(bars.match(/<rect class="bar"/g)?.length, 4);
    assert.ok(bars.includes('Bars &lt;b&gt;'));
    assert.ok(!html.includes('```mermaid'));
  });

  test('model-validate charts parse with their axes and series', () => {
    const roc = parseXyChart(mermaidRoc({ fpr: [0, 0.2, 1], tpr: [0, 0.7, 1], thresholds: [Infinity, 0.5, 0] }, 0.8).split('\n').slice(1, -1));
    assert.ok(roc);
    assert.equal(roc.categories?.length, 21);
    assert.deepEqual(roc.yRange, [0, 1]);
    assert.equal(roc.series.length, 2);
    assert.deepEqual(roc.series.map((s) => s.name), ['model', 'chance']);
    assert.ok(roc.series.every((s) => s.values.length === 21 && s.values.every(Number.isFinite)));
    assert.equal(roc.xLabel, 'False positive rate');
    const cal = mermaidCalibration({ probPred: [0.1, 0.5, 0.9], probTrue: [0.2, 0.5, 0.8], bins: 3 } as never);
    const html = renderHtml({ ...fixtureReport(), sections: [{ id: 'c', title: 'Cal', importance: 'detail', blocks: [{ type: 'markdown', markdown: cal }] }] });
    assert.equal(html.match(/<circle /g)?.length, 6);
  });

  test('a numeric x-axis range spreads the points over it', () => {
    const c = parseXyChart(['xychart-beta', 'x-axis "t" 0 --> 10', 'line [1, 2, 3]']);
    assert.deepEqual(c?.xRange, [0, 10]);
    const html = renderHtml({ ...fixtureReport(), sections: [{ id: 'c', title: 'C', importance: 'detail', blocks: [{ type: 'markdown', markdown: '```mermaid\nxychart-beta\nx-axis "t" 0 --> 10\nline [1, 2, 3]\n```' }] }] });
    for (const tick of ['>0<', '>5<', '>10<']) assert.ok(html.includes(tick), tick);
  });

  test('other Mermaid diagrams become a note; other markdown is shown escaped', () => {
    const blocks = [
      { type: 'markdown' as const, markdown: '```mermaid\ngantt\n  title Faults\n```' },
      { type: 'markdown' as const, markdown: '*No chart: <b>no</b> finite values.*' },
    ];
    const html = renderHtml({ ...fixtureReport(), sections: [{ id: 'm', title: 'M', importance: 'detail', blocks }] });
    assert.match(html, /among the charts below/);
    assert.ok(!html.includes('gantt'));
    assert.match(html, /<pre>\*No chart: &lt;b&gt;no&lt;\/b&gt; finite values\.\*<\/pre>/);
  });

  test('embeds safe chart SVGs without prolog or namespace URLs, and refuses unsafe ones', () => {
    const good = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><clipPath id="c"><rect width="5" height="5"/></clipPath></defs><g clip-path="url(#c)"><text aria-label="a onerror=x">http://x &lt;b&gt;</text></g></svg>';
    const unsafe: [string, string][] = [
      ['script', '<svg><script>alert(1)</script></svg>'],
      ['foreignObject', '<svg><foreignObject><div>x</div></foreignObject></svg>'],
      ['event', '<svg><rect onclick="alert(1)"/></svg>'],
      ['event, unquoted', '<svg><rect width=1 onload=alert(1) /></svg>'],
      ['href', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
      ['xlink:href', '<svg><use xlink:href="http://evil.test/s.svg#a"/></svg>'],
      ['encoded href', '<svg><use href="&#106;avascript:alert(1)"/></svg>'],
      ['url()', '<svg><rect fill="url(http://evil.test/p)"/></svg>'],
      ['style url()', '<svg><style>rect{fill:url(https://evil.test/x)}</style></svg>'],
      ['style import', '<svg><style>@import "x.css";</style></svg>'],
      ['html element', '<svg><img src=x></svg>'],
      ['animation', '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>'],
      ['comment', '<svg><!-- x --></svg>'],
      ['not svg', '<html><body>x</body></html>'],
      ['style element restyling the page', '<svg><style>.badge.fail{display:none}h1::after{content:"PASS"}</style></svg>'],
      ['image-set in an element', '<svg><style>body{background-image:image-set("https&#58;//evil.example/p.png" 1x)}</style></svg>'],
      ['image-set in an attribute', `<svg style="background:-webkit-image-set('https://evil.example/q.png' 1x)"><rect/></svg>`],
      ['URL string in a style', `<svg><rect style="cursor: 'https://evil.example/c'"/></svg>`],
    ];
    const charts = [{ name: 'good.svg', svg: good }, ...unsafe.map(([name, svg]) => ({ name, svg }))];
    const html = renderHtml(fixtureReport(), { charts });
    assert.ok(!/https?:\/\//i.test(html));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(html, /<figure><svg width="10" height="10"><defs><clipPath id="c">/);
    assert.match(html, /url\(#c\)/);
    assert.equal(html.match(/Chart left out:/g)?.length, unsafe.length);
    for (const [name, svg] of unsafe) assert.ok('refused' in sanitizeSvg(svg), name);
    assert.ok(!/<script|onclick|onload|javascript:|<img|<set|foreignObject>/i.test(html.replace(/<p class="note">[^<]*<\/p>/g, '')));
  });

  test('caps chart size and count', () => {
    const big = `<svg>${'<g></g>'.repeat(400_000)}</svg>`;
    assert.match(JSON.stringify(sanitizeSvg(big)), /larger than 2 MiB/);
    const small = '<svg width="1" height="1"></svg>';
    const charts = Array.from({ length: MAX_CHARTS + 3 }, (_, i) => ({ name: `c${String(i).padStart(2, '0')}.svg`, svg: small }));
    const html = renderHtml(fixtureReport(), { charts });
    assert.equal(html.match(/<figure><svg width="1"/g)?.length, MAX_CHARTS);
    assert.match(html, /3 more charts left out: c30\.svg, c31\.svg, c32\.svg/);
  });
});
