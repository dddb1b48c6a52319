/**
 * The demo's HTML pages in a real browser (Debian's Chromium through playwright-core): index.html and each gate's
 * report.html load from file:// with no console error and no request beyond file:, hold their tables and charts,
 * and carry no script. Full-page screenshots go to .tmp/screenshots/ for a look by eye.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { renderHtml } from '../../src/core/report/render-html.js';
import type { Report } from '../../src/core/report/model.js';
import { DEMO_REPORT_DIRS, type DemoRun, demoRun, REPO } from './demo-run.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(REPO, '.tmp', 'screenshots');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const haveChromium = existsSync(CHROMIUM);

interface Visit {
  errors: string[];
  remote: string[];
  tables: number;
  svgs: number;
  links: string[];
  screenshot: string;
}

void describe('HTML reports in Chromium', { timeout: 300_000 }, () => {
  let run: DemoRun;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  before(async () => {
    if (!haveChromium) return;
    run = await demoRun();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  async function visit(file: string, shot: string): Promise<Visit> {
    assert.ok(context, 'browser context');
    const page = await context.newPage();
    const errors: string[] = [];
    const remote: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) remote.push(r.url());
    });
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const screenshot = path.join(SHOTS, `${shot}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      return {
        errors,
        remote,
        tables: await page.locator('table').count(),
        svgs: await page.locator('svg').count(),
        links: await page.$$eval('a[href]', (as) => as.map((a) => String((a as unknown as { href: string }).href))),
        screenshot,
      };
    } finally {
      await page.close();
    }
  }

  function assertPng(file: string): void {
    assert.ok(statSync(file).size > 1000, `${file} is not empty`);
    assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE, `${file} is a PNG`);
  }

  function assertNoScript(file: string): void {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /<script/i, `${file} holds no <script>`);
  }

  void test('index.html: a table linking every report, no script, nothing fetched', async (t) => {
    if (!haveChromium) return t.skip(`no ${CHROMIUM}: apt-get install chromium`);
    const file = path.join(run.out, 'index.html');
    assertNoScript(file);
    const v = await visit(file, 'index');
    assert.deepEqual(v.errors, [], 'console errors');
    assert.deepEqual(v.remote, [], 'requests other than file:');
    assert.ok(v.tables >= 1, 'a <table>');
    assertPng(v.screenshot);
    for (const href of v.links) assert.ok(href.startsWith('file:'), `${href} is a local link`);
    for (const dir of DEMO_REPORT_DIRS) {
      for (const name of ['report.html', 'report.json', 'report.md']) {
        assert.ok(v.links.includes(pathToFileURL(path.join(run.out, dir, name)).href), `${dir}/${name} linked`);
      }
    }
    // The links other than report.html point at files that are there.
    for (const href of v.links.filter((h) => !h.endsWith('/report.html'))) assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
  });

  void test('a report with hostile strings and hostile charts fetches nothing and runs nothing', async (t) => {
    if (!haveChromium) return t.skip(`no ${CHROMIUM}: apt-get install chromium`);
    const evil = '<img src="https://evil.example/i.png" onerror="console.error(1)"><script>console.error(2)</script>';
    const report: Report = {
      schemaVersion: 1,
      gate: 'perf-gate',
      name: 'hostile',
      verdict: 'fail',
      summary: evil,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      runner: { os: 'linux', arch: 'x64', name: evil },
      git: {},
      findings: [{ id: 'x', title: evil, severity: 'high', status: 'fail', message: evil, location: { file: evil } }],
      details: {},
      sections: [{ id: 's', title: evil, importance: 'essential', blocks: [{ type: 'table', columns: [evil], rows: [{ cells: [evil] }] }, { type: 'markdown', markdown: evil }] }],
    };
    const charts = [
      { name: 'image-set.svg', svg: '<svg><style>body{background-image:image-set("https&#58;//evil.example/p.png" 1x)}</style></svg>' },
      { name: 'attr.svg', svg: `<svg style="background:-webkit-image-set('https://evil.example/q.png' 1x)"><rect/></svg>` },
      { name: 'use.svg', svg: '<svg><use href="https://evil.example/s.svg#a"/></svg>' },
      { name: 'ok.svg', svg: '<svg width="20" height="20"><rect width="10" height="10" fill="url(#g)"/></svg>' },
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-hostile-'));
    try {
      const file = path.join(dir, 'report.html');
      writeFileSync(file, renderHtml(report, { charts }));
      assertNoScript(file);
      const v = await visit(file, 'hostile');
      assert.deepEqual(v.errors, [], 'nothing ran, nothing was blocked');
      assert.deepEqual(v.remote, [], 'nothing fetched');
      assert.equal(v.svgs, 1, 'only the safe chart is drawn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const dir of DEMO_REPORT_DIRS) {
    void test(`${dir}/report.html: tables and charts, no script, nothing fetched`, async (t) => {
      if (!haveChromium) return t.skip(`no ${CHROMIUM}: apt-get install chromium`);
      const file = path.join(run.out, dir, 'report.html');
      assert.ok(existsSync(file), `${file}: the CLI wrote no report.html`);
      assertNoScript(file);
      const v = await visit(file, dir);
      assert.deepEqual(v.errors, [], 'console errors');
      assert.deepEqual(v.remote, [], 'requests other than file:');
      assert.ok(v.tables >= 1, 'a <table>');
      // Every gate of the demo draws at least one chart (perf-gate trends, chaos-run's timeline, model-validate's
      // plots, readiness-checklist's score).
      assert.ok(v.svgs >= 1, 'an <svg> chart');
      assertPng(v.screenshot);
    });
  }
});
