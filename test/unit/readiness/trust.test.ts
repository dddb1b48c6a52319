import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { baseFileText, checklistChangedInPr, decideTrust, restrictCommands } from '../../../src/gates/readiness-checklist/trust.js';
import type { CheckSpec, Checklist, ChecklistItem } from '../../../src/gates/readiness-checklist/types.js';

describe('decideTrust', () => {
  const rows: { isFork: boolean; changed: boolean | undefined; mode: 'base' | 'refuse'; trusted: boolean; why?: RegExp }[] = [
    { isFork: false, changed: false, mode: 'base', trusted: true },
    { isFork: false, changed: false, mode: 'refuse', trusted: true },
    { isFork: true, changed: false, mode: 'base', trusted: false, why: /^the pull request comes from a fork: command checks come from the base branch's checklist/ },
    { isFork: true, changed: false, mode: 'refuse', trusted: false, why: /^the pull request comes from a fork: command checks are not run \(untrusted-commands: refuse\)$/ },
    { isFork: false, changed: true, mode: 'base', trusted: false, why: /^the pull request changes the checklist: command checks come from the base/ },
    { isFork: true, changed: true, mode: 'refuse', trusted: false, why: /^the pull request comes from a fork; the pull request changes the checklist: command checks are not run/ },
    { isFork: false, changed: undefined, mode: 'base', trusted: false, why: /could not tell whether the pull request changes the checklist \(shallow clone/ },
  ];
  for (const r of rows) {
    test(`fork=${r.isFork} changed=${String(r.changed)} mode=${r.mode} → ${r.trusted ? 'trusted' : 'untrusted'}`, () => {
      const d = decideTrust({ isFork: r.isFork, checklistChanged: r.changed, mode: r.mode });
      assert.equal(d.trusted, r.trusted);
      if (r.why === undefined) assert.equal(d.why, undefined);
      else assert.match(d.why ?? '', r.why);
    });
  }
});

const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' });
const noGit = gitVersion.status === 0 ? false : 'git is not installed';

describe('git: checklistChangedInPr and baseFileText', { skip: noGit }, () => {
  let dir: string;
  let repo: string;
  const sha: Record<string, string> = {};
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  const commit = (name: string, message: string): void => {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', message);
    sha[name] = git(repo, 'rev-parse', 'HEAD');
  };
  const at = (name: string): string => {
    const value = sha[name];
    assert.ok(value !== undefined, `no commit ${name}`);
    return value;
  };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'readiness-trust-'));
    repo = path.join(dir, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    git(repo, 'checkout', '-q', '-b', 'main');
    write('readiness.yml', 'name: base\n');
    write('svc/readiness.yml', 'name: svc base\n');
    write('src/app.txt', 'v1\n');
    commit('base', 'first');
    // pr-code: changes code only.
    git(repo, 'checkout', '-q', '-b', 'pr-code');
    write('src/app.txt', 'v2\n');
    commit('prCode', 'code');
    // pr-checklist: changes the checklist.
    git(repo, 'checkout', '-q', '-b', 'pr-checklist', 'main');
    write('readiness.yml', 'name: head\n');
    write('added.yml', 'new\n');
    commit('prChecklist', 'checklist');
    // main moves on and changes the checklist after pr-code branched off.
    git(repo, 'checkout', '-q', 'main');
    write('readiness.yml', 'name: base 2\n');
    commit('main2', 'main moves');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a PR that changes only code does not change the checklist', async () => {
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prCode'), ['readiness.yml']), false);
  });

  test('a PR that changes the checklist', async () => {
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prChecklist'), ['readiness.yml']), true);
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prChecklist'), ['other.yml', 'added.yml']), true);
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prChecklist'), ['svc/readiness.yml']), false);
  });

  test('changes on the base branch since the PR branched are not the PR’s (base...head)', async () => {
    assert.equal(await checklistChangedInPr(repo, at('main2'), at('prCode'), ['readiness.yml']), false);
    assert.equal(await checklistChangedInPr(repo, at('main2'), at('prChecklist'), ['readiness.yml']), true);
  });

  test('branch names work as revisions', async () => {
    assert.equal(await checklistChangedInPr(repo, 'main', 'pr-checklist', ['readiness.yml']), true);
  });

  test('no files → nothing changed', async () => {
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prChecklist'), []), false);
  });

  test('paths are relative to the workspace, also when it is a subdirectory of the repository', async () => {
    const svc = path.join(repo, 'svc');
    assert.equal(await checklistChangedInPr(svc, at('base'), at('prChecklist'), ['readiness.yml']), false);
    assert.equal(await checklistChangedInPr(svc, at('base'), at('prChecklist'), ['../readiness.yml']), true);
    assert.equal(await checklistChangedInPr(repo, at('base'), at('prChecklist'), [path.join(repo, 'readiness.yml')]), true);
    assert.equal(await baseFileText(svc, at('base'), 'readiness.yml'), 'name: svc base\n');
  });

  test('a commit git does not have → undefined', async () => {
    const missing = '0123456789abcdef0123456789abcdef01234567';
    assert.equal(await checklistChangedInPr(repo, missing, at('prChecklist'), ['readiness.yml']), undefined);
    assert.equal(await checklistChangedInPr(repo, at('base'), missing, ['readiness.yml']), undefined);
  });

  test('a shallow clone without the base commit → undefined', async () => {
    const shallow = path.join(dir, 'shallow');
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'pr-checklist', `file://${repo}`, shallow);
    assert.equal(await checklistChangedInPr(shallow, at('base'), at('prChecklist'), ['readiness.yml']), undefined);
    assert.equal(await baseFileText(shallow, at('base'), 'readiness.yml'), undefined);
    // The head commit itself is there.
    assert.equal(await baseFileText(shallow, at('prChecklist'), 'readiness.yml'), 'name: head\n');
  });

  test('not a git repository → undefined', async () => {
    const plain = path.join(dir, 'plain');
    mkdirSync(plain, { recursive: true });
    assert.equal(await checklistChangedInPr(plain, 'main', 'pr', ['readiness.yml']), undefined);
    assert.equal(await baseFileText(plain, 'main', 'readiness.yml'), undefined);
  });

  test('a revision that looks like an option is refused', async () => {
    await assert.rejects(checklistChangedInPr(repo, '--output=/tmp/x', at('prChecklist'), ['readiness.yml']), /not a git revision/);
    await assert.rejects(baseFileText(repo, '-p', 'readiness.yml'), /not a git revision/);
  });

  test('baseFileText reads the file as it was at the base commit', async () => {
    assert.equal(await baseFileText(repo, at('base'), 'readiness.yml'), 'name: base\n');
    assert.equal(await baseFileText(repo, at('main2'), 'readiness.yml'), 'name: base 2\n');
    assert.equal(await baseFileText(repo, at('prChecklist'), 'readiness.yml'), 'name: head\n');
  });

  test('baseFileText: a file that does not exist there, or a directory → undefined', async () => {
    assert.equal(await baseFileText(repo, at('base'), 'added.yml'), undefined);
    assert.equal(await baseFileText(repo, at('base'), 'src'), undefined);
    assert.equal(await baseFileText(repo, '0123456789abcdef0123456789abcdef01234567', 'readiness.yml'), undefined);
  });
});

describe('restrictCommands', () => {
  const cmd = (run: string, name?: string): CheckSpec => ({ type: 'command', run, ...(name === undefined ? {} : { name }) });
  const http = (url: string): CheckSpec => ({ type: 'http', url });
  const it = (id: string, checks: CheckSpec[]): ChecklistItem => ({ id, title: id, priority: 'high', section: 'S', checks, line: 1 });
  const list = (items: ChecklistItem[]): Checklist => ({
    file: 'readiness.yml',
    sections: [{ title: 'S', items }],
    levels: ['bronze'],
    weights: { critical: 10, high: 7.5, medium: 5, low: 2.5 },
    policy: {},
    waivers: [{ id: 'x', reason: 'r', owner: 'o', expires: '2030-01-01' }],
  });
  /** Shows checks compactly: command run text, `untrusted`, or the type and url. */
  const show = (c: CheckSpec): string => (c.type === 'command' ? `cmd:${String(c.run)}` : c.type === 'untrusted' ? 'untrusted' : `${c.type}:${String(c.url)}`);

  type Row = { name: string; head: ChecklistItem[]; base?: ChecklistItem[]; mode: 'base' | 'refuse'; checks: Record<string, string[]>; notes: RegExp[] };
  const rows: Row[] = [
    {
      name: 'base: command checks come from the base item of the same id; other checks stay from head',
      head: [it('a', [http('http://head'), cmd('evil'), cmd('evil2')])],
      base: [it('a', [cmd('good'), http('http://base'), cmd('good2')])],
      mode: 'base',
      checks: { a: ['http:http://head', 'cmd:good', 'cmd:good2'] },
      notes: [/^a: 2 command checks from the base branch's checklist$/],
    },
    {
      name: 'base: an unchanged command is noted as such',
      head: [it('a', [cmd('same')])],
      base: [it('a', [cmd('same')])],
      mode: 'base',
      checks: { a: ['cmd:same'] },
      notes: [/^a: 1 command check from the base branch's checklist \(unchanged\)$/],
    },
    {
      name: 'base: a head item not in base gets placeholders',
      head: [it('new', [cmd('evil'), http('http://x')]), it('a', [cmd('x')])],
      base: [it('a', [cmd('good')])],
      mode: 'base',
      checks: { new: ['untrusted', 'http:http://x'], a: ['cmd:good'] },
      notes: [/^new: 1 command check not run: the item is not in the base branch's checklist$/, /^a: 1 command check from the base/],
    },
    {
      name: 'base: more command checks in head than in base → the extra ones are placeholders',
      head: [it('a', [cmd('one'), cmd('two')])],
      base: [it('a', [cmd('good'), http('http://base')])],
      mode: 'base',
      checks: { a: ['cmd:good', 'untrusted'] },
      notes: [/^a: 1 command check from the base branch's checklist; 1 not run \(not in the base item\)$/],
    },
    {
      name: 'base: fewer command checks in head than in base → the base ones without a place are not run',
      head: [it('a', [cmd('one')])],
      base: [it('a', [cmd('good'), cmd('good2')])],
      mode: 'base',
      checks: { a: ['cmd:good'] },
      notes: [/^a: 1 command check from the base branch's checklist; 1 base command check without a place/],
    },
    {
      name: 'base: no base checklist → placeholders everywhere',
      head: [it('a', [cmd('x')]), it('b', [http('http://b')])],
      mode: 'base',
      checks: { a: ['untrusted'], b: ['http:http://b'] },
      notes: [/^a: 1 command check not run: there is no base branch checklist$/],
    },
    {
      name: 'refuse: every command check is a placeholder, even when base has it',
      head: [it('a', [cmd('good'), http('http://a')]), it('b', [cmd('x'), cmd('y')]), it('c', [http('http://c')])],
      base: [it('a', [cmd('good')])],
      mode: 'refuse',
      checks: { a: ['untrusted', 'http:http://a'], b: ['untrusted', 'untrusted'], c: ['http:http://c'] },
      notes: [/^a: 1 command check not run \(untrusted-commands: refuse\)$/, /^b: 2 command checks not run/],
    },
    {
      name: 'items without command checks are left alone and not noted',
      head: [it('a', [http('http://a')])],
      base: [it('a', [cmd('good')])],
      mode: 'base',
      checks: { a: ['http:http://a'] },
      notes: [],
    },
  ];
  for (const r of rows) {
    test(r.name, () => {
      const head = list(r.head);
      const before = JSON.stringify(head);
      const { checklist, notes } = restrictCommands(head, r.base === undefined ? undefined : list(r.base), r.mode);
      const got = Object.fromEntries(checklist.sections.flatMap((s) => s.items).map((i) => [i.id, i.checks.map(show)]));
      assert.deepEqual(got, r.checks);
      assert.equal(notes.length, r.notes.length, `notes: ${JSON.stringify(notes)}`);
      r.notes.forEach((re, i) => assert.match(notes[i] ?? '', re));
      assert.equal(JSON.stringify(head), before, 'head is not modified');
      // Everything but the checks stays as in head.
      assert.deepEqual(checklist.waivers, head.waivers);
      assert.equal(checklist.file, head.file);
    });
  }

  test('placeholders keep the check name and carry the reason the gate reports', () => {
    const { checklist } = restrictCommands(list([it('a', [cmd('x', 'migrations applied'), cmd('y')])]), undefined, 'refuse');
    const checks = checklist.sections[0]?.items[0]?.checks ?? [];
    assert.equal(checks.length, 2);
    assert.equal(checks[0]?.type, 'untrusted');
    assert.equal(checks[0]?.name, 'migrations applied');
    assert.equal(checks[1]?.name, 'command');
    for (const c of checks) {
      assert.match(String(c.reason), /^not run: command checks from a fork PR \/ a changed checklist are not trusted/);
      assert.equal(c.run, undefined, 'the untrusted command text is not carried along');
    }
  });
});
