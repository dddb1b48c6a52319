import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPORT_FILES, writeReportFiles } from '../../../src/core/report/files.js';
import { fixtureReport } from './fixtures.js';

describe('writeReportFiles', () => {
  test('writes report.json, report.md, junit.xml and a report.html embedding the directory\'s SVGs in path order', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-files-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'charts', 'deep'), { recursive: true });
    await writeFile(path.join(dir, 'charts', 'b.svg'), '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" id="chart-b"><rect width="1" height="1"/></svg>');
    await writeFile(path.join(dir, 'a.svg'), '<svg id="chart-a"><circle r="1"/></svg>');
    await writeFile(path.join(dir, 'charts', 'deep', 'evil.svg'), '<svg onload="alert(1)"></svg>');
    await writeFile(path.join(dir, 'notes.txt'), '<svg id="not-a-chart"></svg>');
    const json = await writeReportFiles(fixtureReport(), dir);
    assert.equal(json, path.join(dir, REPORT_FILES.json));
    for (const f of Object.values(REPORT_FILES)) assert.ok((await readFile(path.join(dir, f), 'utf8')).length > 0, f);
    const html = await readFile(path.join(dir, REPORT_FILES.html), 'utf8');
    assert.ok(html.startsWith('<!doctype html>'));
    const a = html.indexOf('<svg id="chart-a">');
    const b = html.indexOf('<svg id="chart-b">');
    assert.ok(a > 0 && b > a, 'both embedded, a.svg before charts/b.svg');
    assert.match(html, /<figcaption>charts\/b\.svg<\/figcaption>/);
    assert.match(html, /Chart left out: an event attribute \(onload\)\.<\/p><figcaption>charts\/deep\/evil\.svg<\/figcaption>/);
    assert.ok(!html.includes('not-a-chart'));
    assert.ok(!/<script|https?:\/\//i.test(html));
  });

  test('a directory without SVGs gets report.html without a charts section', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipgate-files-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeReportFiles(fixtureReport(), dir);
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    assert.ok(!html.includes('id="charts"'));
  });
});
