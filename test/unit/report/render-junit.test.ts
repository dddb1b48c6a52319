import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding, Report } from '../../../src/core/report/model.js';
import { renderJUnit } from '../../../src/core/report/render-junit.js';
import { finding, FINDING_STATUSES, fixtureReport } from './fixtures.js';

function withFindings(findings: Finding[]): Report {
  return { ...fixtureReport(), findings };
}

/**
 * A minimal well-formedness check: every character legal in XML 1.0, only known entities, attribute values
 * without raw `<`, and every element closed in order.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) problems.push('illegal character');
  if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+);)/.test(xml)) problems.push('bare ampersand');
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    const [whole, closing, name, , selfClosing] = m;
    if (whole === '<') problems.push(`stray < at ${m.index}`);
    else if (whole === '>') problems.push(`stray > at ${m.index}`);
    else if (closing === '/') {
      if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
    } else if (selfClosing !== '/' && name !== undefined) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

void describe('renderJUnit', () => {
  void test('one suite named after the check run, one case per finding', () => {
    const xml = renderJUnit(fixtureReport());
    assert.deepEqual(xmlProblems(xml), []);
    assert.match(xml, /<testsuite name="shipgate\/perf-gate \(gpu-bench\)" tests="5" failures="1" errors="0" skipped="2"/);
    assert.equal(xml.match(/<testsuite /g)?.length, 1);
    assert.equal(xml.match(/<testcase classname="perf-gate" /g)?.length, 5);
    assert.match(xml, /time="150\.250"/);
  });

  const statusCases: [Finding['status'], string | undefined][] = [
    ['fail', '<failure message="it failed" type="high"/>'],
    ['skip', '<skipped message="skip"/>'],
    ['inconclusive', '<skipped message="inconclusive"/>'],
    ['pass', undefined],
    ['warn', undefined],
  ];
  for (const [status, element] of statusCases) {
    void test(`a ${status} finding ${element === undefined ? 'has no failure or skipped element' : `has ${element}`}`, () => {
      const xml = renderJUnit(withFindings([finding({ status })]));
      if (element !== undefined) assert.ok(xml.includes(element), xml);
      else assert.ok(!/<failure|<skipped/.test(xml));
      assert.ok(xml.includes('<system-out>it failed</system-out>'));
    });
  }

  void test('valid with no findings', () => {
    const xml = renderJUnit(withFindings([]));
    assert.deepEqual(xmlProblems(xml), []);
    assert.match(xml, /tests="0" failures="0" errors="0" skipped="0"/);
  });

  void test('escapes markup and strips characters illegal in XML 1.0', () => {
    const xml = renderJUnit(
      withFindings([finding({ title: `a"b'<c>&d\u0000\u001b\uFFFE\uD800`, message: ']]></system-out><x>&\u0007' })]),
    );
    assert.deepEqual(xmlProblems(xml), []);
    assert.ok(xml.includes('name="a&quot;b&apos;&lt;c&gt;&amp;d"'));
    assert.ok(xml.includes('<system-out>]]&gt;&lt;/system-out&gt;&lt;x&gt;&amp;</system-out>'));
  });

  void test('a failure message attribute is the first line; newlines in attributes are encoded', () => {
    const xml = renderJUnit(withFindings([finding({ title: 'a\nb', message: 'first\nsecond' })]));
    assert.ok(xml.includes('name="a&#10;b"'));
    assert.ok(xml.includes('<failure message="first" type="high"/>'));
  });

  void test('well-formed for arbitrary strings', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const arbFinding = fc.record({
      id: text,
      title: text,
      severity: fc.constantFrom('critical' as const, 'high' as const, 'info' as const),
      status: fc.constantFrom(...FINDING_STATUSES),
      message: text,
    });
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 5 }), text, text, (findings, name, summary) => {
        assert.deepEqual(xmlProblems(renderJUnit({ ...fixtureReport(), name, summary, findings })), []);
      }),
    );
  });
});
