import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { getValidator } from '../../../src/core/schema.js';
import { loadSchema } from '../../../src/core/schema-files.js';
import { checklistToYaml, loadChecklist } from '../../../src/gates/readiness-checklist/checklist.js';
import { importMarkdownChecklist } from '../../../src/gates/readiness-checklist/import-markdown.js';
import type { Checklist, ChecklistItem } from '../../../src/gates/readiness-checklist/types.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/readiness/PRODUCTION_READINESS.md');
const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/;

let markdown: string;
let dir: string;

before(async () => {
  markdown = await readFile(FIXTURE, 'utf8');
  dir = await mkdtemp(path.join(os.tmpdir(), 'readiness-import-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const allItems = (c: Checklist): ChecklistItem[] => c.sections.flatMap((s) => s.items);
const byId = (c: Checklist, id: string): ChecklistItem => {
  const item = allItems(c).find((i) => i.id === id);
  assert.ok(item, `no item ${id}; ids: ${allItems(c).map((i) => i.id).join(', ')}`);
  return item;
};
const md = (...lines: string[]): string => lines.join('\n');

describe('importMarkdownChecklist: the fixture', () => {
  test('every checkbox becomes an item, at its own line', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'PRODUCTION_READINESS.md');
    const lines = markdown.split('\n');
    const boxes = lines.flatMap((l, n) => (CHECKBOX.test(l) ? [n + 1] : []));
    const dashBoxes = lines.filter((l) => l.trimStart().startsWith('- [')).length;
    const items = allItems(checklist);
    assert.ok(dashBoxes >= 30, `the fixture has ${dashBoxes} "- [" lines`);
    assert.ok(boxes.length > dashBoxes, 'the fixture also has "* [ ]" and numbered checkboxes');
    assert.equal(items.length, boxes.length);
    assert.deepEqual(
      items.map((i) => i.line),
      boxes,
    );
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
    for (const i of items) assert.match(i.id, /^[a-z0-9][a-z0-9-]*$/);
  });

  test('name and sections', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'docs/PRODUCTION_READINESS.md');
    assert.equal(checklist.file, 'docs/PRODUCTION_READINESS.md');
    assert.equal(checklist.name, 'Production Readiness — Payments API');
    assert.deepEqual(
      checklist.sections.map((s) => s.title),
      ['Observability', 'Security', 'Reliability', 'Operations', 'Compliance', 'Documentation', 'Sign-off'],
    );
    for (const s of checklist.sections) for (const i of s.items) assert.equal(i.section, s.title);
    assert.deepEqual(checklist.levels, ['bronze', 'silver', 'gold']);
    assert.deepEqual(checklist.policy, {});
    assert.deepEqual(checklist.waivers, []);
  });

  test('status/owner lines and a validation command', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'f.md');
    assert.deepEqual(byId(checklist, 'prometheus-scrapes-metrics-every-15-s'), {
      id: 'prometheus-scrapes-metrics-every-15-s',
      title: 'Prometheus scrapes /metrics every 15 s',
      priority: 'critical',
      owner: 'SRE',
      section: 'Observability',
      checks: [{ type: 'command', run: 'curl -fsS http://localhost:9090/-/healthy' }],
      line: 9,
    });
    const dashboards = byId(checklist, 'dashboards-exist-for-the-golden-signals');
    assert.equal(dashboards.priority, 'high');
    assert.equal(dashboards.owner, 'Observability team');
    assert.equal(dashboards.acceptance, 'Latency, traffic, errors and saturation each have a panel.');
    assert.deepEqual(dashboards.checks, [{ type: 'manual', checked: false }]);
  });

  test('inline fields, P tokens, other list markers', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'f.md');
    const tls = byId(checklist, 'tls-certificates-auto-renew');
    assert.deepEqual([tls.title, tls.priority, tls.owner], ['TLS certificates auto-renew', 'medium', '@secops']);
    assert.deepEqual(tls.checks, [{ type: 'manual', checked: false }], 'the owner mention is not `by`');
    const retention = byId(checklist, 'log-retention-is-at-least-30-days');
    assert.deepEqual([retention.title, retention.priority, retention.owner], ['Log retention is at least 30 days', 'high', 'SRE']);
    const deps = byId(checklist, 'dependency-scanning-runs-on-every-pull-request');
    assert.deepEqual([deps.title, deps.priority], ['Dependency scanning runs on every pull request', 'critical']);
    const iam = byId(checklist, 'least-privilege-iam-roles-for-the-service-account');
    assert.equal(iam.priority, 'high', '**Priority**: P1');
    assert.deepEqual(iam.checks, [{ type: 'manual', checked: true }], '[X] is ticked');
    assert.equal(byId(checklist, 'audit-logs-are-shipped-to-the-siem').priority, 'medium');
    assert.equal(byId(checklist, 'traces-are-sampled-at-1').priority, 'low');
    assert.equal(byId(checklist, 'privacy-impact-assessment').priority, 'medium', '(P2)');
    const pci = byId(checklist, 'pci-dss-scope-documented');
    assert.deepEqual([pci.priority, pci.owner, pci.section], ['critical', 'Compliance', 'Compliance']);
  });

  test('commands: backticked, plain, fenced (multi-line), with the shell text kept', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'f.md');
    assert.deepEqual(byId(checklist, 'error-rate-alert-pages-on-call').checks, [
      { type: 'command', run: 'curl -fsS http://127.0.0.1:9090/api/v1/rules \\\n  | grep -q HighErrorRate' },
    ]);
    assert.deepEqual(byId(checklist, 'error-rate-alert-pages-on-call').priority, 'critical');
    assert.deepEqual(byId(checklist, 'autoscaling-configured-min-3-max-30-replicas').checks, [{ type: 'command', run: 'kubectl get hpa payments-api -o name' }]);
    assert.deepEqual(byId(checklist, 'rollback-procedure-documented-and-rehearsed').checks, [{ type: 'command', run: './scripts/rollback.sh --dry-run' }]);
    assert.deepEqual(byId(checklist, 'secrets-are-stored-in-vault-not-in-the-repository').checks, [
      { type: 'command', run: `test -z "$(git grep -lE 'AKIA[0-9A-Z]{16}' || true)"` },
    ]);
  });

  test('short titles get their ### group; nested boxes and sub-bullets; duplicate titles', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'f.md');
    assert.equal(byId(checklist, 'logging-structured').title, 'Logging: Structured');
    assert.equal(byId(checklist, 'resilience-readiness-probe').title, 'Resilience: Readiness probe');
    assert.equal(byId(checklist, 'timeouts-are-set-on-every-outbound-http-client').priority, 'medium');
    assert.deepEqual(byId(checklist, 'retries-use-exponential-backoff-with-jitter').checks, [{ type: 'manual', checked: true }]);
    assert.equal(byId(checklist, 'circuit-breakers-on-calls-to-the-card-processor').acceptance, undefined);
    assert.equal(byId(checklist, 'graceful-shutdown-drains-in-flight-requests').acceptance, '- SIGTERM handler stops accepting new connections\n- in-flight requests finish within 25 s');
    const first = byId(checklist, 'runbook-reviewed');
    const second = byId(checklist, 'runbook-reviewed-2');
    assert.deepEqual([first.owner, second.owner], ['platform', 'Support']);
    assert.deepEqual(first.checks, [{ type: 'manual', checked: true, by: '@alice' }]);
    assert.equal(byId(checklist, 'penetration-test-completed-within-the-last-12-months').acceptance, 'the report has no open critical findings.');
  });

  test('sign-off boxes are manual items, with `by` from a mention', () => {
    const { checklist } = importMarkdownChecklist(markdown, 'f.md');
    const signOff = checklist.sections.find((s) => s.title === 'Sign-off');
    assert.deepEqual(
      signOff?.items.map((i) => [i.id, i.title, i.checks]),
      [
        ['engineering-lead', 'Engineering lead', [{ type: 'manual', checked: false }]],
        ['sre-on-call', 'SRE on-call', [{ type: 'manual', checked: true, by: '@bob' }]],
        ['security', 'Security', [{ type: 'manual', checked: true, by: '@carol' }]],
        ['product-owner', 'Product owner', [{ type: 'manual', checked: false }]],
      ],
    );
  });

  test('a missing priority defaults to medium with a warning naming the line', () => {
    const { checklist, warnings } = importMarkdownChecklist(markdown, 'PRODUCTION_READINESS.md');
    const noPriority = allItems(checklist).filter((i) => warnings.some((w) => w.startsWith(`PRODUCTION_READINESS.md:${i.line}: no priority`)));
    assert.deepEqual(
      noPriority.map((i) => i.id),
      ['trace-ids-appear-in-logs', 'incident-response-playbook-linked-from-the-alert-annotations', 'engineering-lead', 'sre-on-call', 'security', 'product-owner'],
    );
    for (const i of noPriority) assert.equal(i.priority, 'medium');
    assert.equal(warnings.length, noPriority.length, warnings.join('\n'));
  });

  test('round trip: markdown → YAML → loadChecklist gives the same items; the YAML validates', async () => {
    const { checklist } = importMarkdownChecklist(markdown, 'PRODUCTION_READINESS.md');
    const text = checklistToYaml(checklist);
    assert.ok(getValidator(loadSchema('readiness.schema.json'))(parse(text)), 'the YAML validates against schemas/readiness.schema.json');
    const file = path.join(dir, 'readiness.yml');
    await writeFile(file, text);
    const loaded = await loadChecklist(file, { displayPath: 'readiness.yml', knownProbeTypes: ['command', 'manual'] });
    assert.equal(loaded.name, checklist.name);
    assert.deepEqual(
      loaded.sections.map((s) => s.title),
      checklist.sections.map((s) => s.title),
    );
    const pick = ({ id, title, priority, owner, acceptance, checks, section }: ChecklistItem): unknown => ({ id, title, priority, owner, acceptance, checks, section });
    const imported = allItems(checklist);
    const back = allItems(loaded);
    assert.equal(back.length, imported.length);
    imported.forEach((item, n) => assert.deepEqual(pick(back[n] as ChecklistItem), pick(item)));
    // Lines now refer to the YAML file: each is the line of that item's `- id:`.
    const yamlLines = text.split('\n');
    for (const item of back) assert.equal(yamlLines[item.line - 1], `      - id: ${item.id}`);
  });
});

describe('importMarkdownChecklist: rules', () => {
  test('items before any section go to General; a checkbox in a code block is not an item', () => {
    const { checklist } = importMarkdownChecklist(md('- [ ] First thing to do **Priority**: low', '```md', '- [ ] an example, not an item', '```', '## Next', '- [x] Second thing is done (P3)'), 'a.md');
    assert.equal(checklist.name, undefined);
    assert.deepEqual(
      checklist.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.priority, i.line])]),
      [
        ['General', [['First thing to do', 'low', 1]]],
        ['Next', [['Second thing is done', 'low', 6]]],
      ],
    );
  });

  test('P0–P3 and priority words; headings numbering and later # headings', () => {
    const { checklist, warnings } = importMarkdownChecklist(
      md('# Title', '# 2. Second top heading', '- [ ] A thing (P0)', '- [ ] B thing P1', '- [ ] C thing [P2]', '- [ ] D thing', '  Priority: P3', '- [ ] CRITICAL: E thing', '- [ ] F thing', '  Severity: blocker', '## Empty', '## II. Roman'),
      'b.md',
    );
    assert.equal(checklist.name, 'Title');
    assert.deepEqual(
      checklist.sections.map((s) => s.title),
      ['Second top heading'],
      'sections without items are left out',
    );
    assert.deepEqual(
      allItems(checklist).map((i) => [i.title, i.priority]),
      [
        ['A thing', 'critical'],
        ['B thing', 'high'],
        ['C thing', 'medium'],
        ['D thing', 'low'],
        ['E thing', 'critical'],
        ['F thing', 'critical'],
      ],
    );
    assert.deepEqual(warnings, []);
  });

  test('an unknown priority value warns and falls back to medium', () => {
    const { checklist, warnings } = importMarkdownChecklist(md('## S', '- [ ] Thing one', '  **Status**: Done'), 'c.md');
    assert.equal(allItems(checklist)[0]?.priority, 'medium');
    assert.deepEqual(warnings.length, 2);
    assert.match(warnings[0] ?? '', /^c\.md:3: unknown priority "Done"/);
    assert.match(warnings[1] ?? '', /^c\.md:2: no priority for "Thing one"; using medium/);
  });

  test('continuation: lazy lines, indented lines after a blank, not an unindented paragraph', () => {
    const { checklist } = importMarkdownChecklist(
      md('## S', '- [ ] Thing one **Priority**: high', 'Owner: lazy', 'still the same paragraph', '', '  indented after a blank', '', 'A paragraph about the section.', '- [ ] Thing two **Priority**: high'),
      'd.md',
    );
    const [one, two] = allItems(checklist);
    assert.equal(one?.owner, 'lazy');
    assert.equal(one?.acceptance, 'still the same paragraph\nindented after a blank');
    assert.equal(two?.acceptance, undefined);
    assert.equal(two?.line, 9);
  });

  test('a label without a command takes the next fenced block, even after a blank line; none: a warning', () => {
    const { checklist, warnings } = importMarkdownChecklist(
      md('## S', '- [ ] Thing one **Priority**: high', '  **Validation Command**:', '', '```sh', 'make check', '```', '- [x] Thing two **Priority**: high', '  Validation command:', '- [ ] Thing three **Priority**: low', '  Validation Command: `a | b` and `c`', '  Validation Command: `d`'),
      'e.md',
    );
    const [one, two, three] = allItems(checklist);
    assert.deepEqual(one?.checks, [{ type: 'command', run: 'make check' }]);
    assert.deepEqual(two?.checks, [{ type: 'manual', checked: true }]);
    assert.deepEqual(three?.checks, [
      { type: 'command', run: 'a | b' },
      { type: 'command', run: 'd' },
    ]);
    assert.deepEqual(warnings, ['e.md:9: `Validation Command:` without a command; ignored.']);
  });

  test('ids: slugs, accents folded, long titles cut, duplicates suffixed', () => {
    const long = 'A very long item title that keeps going on and on well past the sixty character limit';
    const { checklist } = importMarkdownChecklist(md('## S', '- [ ] Café déjà vu (P1)', '- [ ] Café déjà vu (P1)', '- [ ] Café déjà vu (P1)', `- [ ] ${long} (P1)`, '- [ ] !!! (P1)'), 'f.md');
    const ids = allItems(checklist).map((i) => i.id);
    assert.deepEqual(ids.slice(0, 3), ['cafe-deja-vu', 'cafe-deja-vu-2', 'cafe-deja-vu-3']);
    assert.ok((ids[3] ?? '').length <= 60 && long.toLowerCase().replaceAll(' ', '-').startsWith(ids[3] ?? '-'), ids[3]);
    assert.equal(ids[4], 'item');
  });

  test('an empty checkbox gets a title from its line, with a warning', () => {
    const { checklist, warnings } = importMarkdownChecklist(md('## S', '- [ ]', '  Priority: low'), 'g.md');
    assert.equal(allItems(checklist)[0]?.title, 'Item at line 2');
    assert.match(warnings[0] ?? '', /^g\.md:2: the checkbox has no text/);
  });
});
