/**
 * Golden files: every renderer's output for the fixture report, compared byte for byte with test/golden/report/.
 * After an intended change, regenerate them with
 *   UPDATE_GOLDEN=1 node --import tsx --test test/unit/report/golden.test.ts
 * and review the diff before committing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCheckOutput } from '../../../src/core/report/render-check.js';
import { renderJUnit } from '../../../src/core/report/render-junit.js';
import { renderComment, renderSummary } from '../../../src/core/report/render-markdown.js';
import { renderTerminal } from '../../../src/core/report/render-terminal.js';
import { fixtureReport } from './fixtures.js';

const DIR = fileURLToPath(new URL('../../golden/report/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ARTIFACT = 'https://github.com/acme/models/actions/runs/1/artifacts/2';

const outputs: Record<string, () => string> = {
  'comment.md': () => renderComment(fixtureReport(), { artifactUrl: ARTIFACT }),
  'comment-collapsed.md': () => renderComment(fixtureReport(), { artifactUrl: ARTIFACT, collapsePassingRows: true }),
  'comment-1100-chars.md': () => renderComment(fixtureReport(), { artifactUrl: ARTIFACT, maxChars: 1100 }),
  'comment-900-chars.md': () => renderComment(fixtureReport(), { artifactUrl: ARTIFACT, maxChars: 900 }),
  'summary.md': () => renderSummary(fixtureReport()),
  'check-summary.md': () => renderCheckOutput(fixtureReport(), { artifactUrl: ARTIFACT }).summary,
  'check-text.md': () => renderCheckOutput(fixtureReport(), { artifactUrl: ARTIFACT }).text ?? '',
  'junit.xml': () => renderJUnit(fixtureReport()),
  'terminal.txt': () => renderTerminal(fixtureReport(), { width: 80 }),
};

void describe('golden files', () => {
  for (const [file, render] of Object.entries(outputs)) {
    void test(file, () => {
      const path = `${DIR}${file}`;
      const actual = render();
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, actual);
        return;
      }
      assert.ok(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 to create it`);
      assert.equal(actual, readFileSync(path, 'utf8'));
    });
  }
});
