import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byteLength,
  capText,
  codeBlock,
  escapeHtml,
  escapeInline,
  escapeSummary,
  escapeTableCell,
  escapeText,
  plainText,
  stripControls,
  truncateChars,
  truncateUtf8,
} from '../../../src/core/report/escape.js';

const ZWSP = '&#8203;';

void describe('escapeInline', () => {
  const cases: [string, string, string][] = [
    ['plain text', 'hello world', 'hello world'],
    ['HTML specials', `<b a="1" b='2'>&</b>`, '&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;'],
    ['script tag', '<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['closing details', '</details>', '&lt;/details&gt;'],
    ['link', '[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['image', '![x](y)', '!\\[x\\]\\(y\\)'],
    ['emphasis and strike', '*a* _b_ ~c~', '\\*a\\* \\_b\\_ \\~c\\~'],
    ['heading', '# title', '\\# title'],
    ['pipe', 'a | b', 'a \\| b'],
    ['backslash', 'a\\*b', 'a\\\\\\*b'],
    ['backticks', 'run `rm -rf /`', 'run \\`rm -rf /\\`'],
    ['math', '$x^2$', '\\$x^2\\$'],
    ['user mention', 'thanks @octocat', `thanks @${ZWSP}octocat`],
    ['team mention', 'cc @acme/perf-team', `cc @${ZWSP}acme/perf-team`],
    ['lone at sign', 'a @ b', 'a @ b'],
    ['issue reference', 'fixes #1', `fixes \\#${ZWSP}1`],
    ['cross-repo reference', 'see acme/models#12', `see acme/models\\#${ZWSP}12`],
    ['GH reference', 'GH-7 and gh-8', `GH-${ZWSP}7 and gh-${ZWSP}8`],
    ['hyphenated word is not a reference', 'HIGH-5 x-1', 'HIGH-5 x-1'],
    ['hash without number', '#tag', '\\#tag'],
    ['newlines collapse', 'a\nb\r\n\tc', 'a b c'],
    ['control characters', 'a\u0000b\u001b[31mc\u0007\u009bd', 'ab\\[31mcd'],
    ['bidi override', 'a\u202Eb\u2066c', 'abc'],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['entity stays literal', '&#64;user', `&amp;\\#${ZWSP}64;user`],
  ];
  for (const [name, input, expected] of cases) {
    void test(name, () => assert.equal(escapeInline(input), expected));
  }
});

void describe('escapeTableCell', () => {
  const cases: [string, string, string][] = [
    ['pipes', 'a|b||c', 'a\\|b\\|\\|c'],
    ['newlines become <br>', 'one\ntwo\r\nthree', 'one<br>two<br>three'],
    ['blank lines dropped', 'a\n\n\nb', 'a<br>b'],
    ['trailing backslash stays escaped', 'dir\\', 'dir\\\\'],
    ['html', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['mention', '@user', `@${ZWSP}user`],
  ];
  for (const [name, input, expected] of cases) {
    void test(name, () => assert.equal(escapeTableCell(input), expected));
  }
});

void describe('escapeText', () => {
  const cases: [string, string, string][] = [
    ['lines become hard breaks', 'a\nb', 'a<br>\nb'],
    ['paragraphs kept', 'a\n\n\n\nb', 'a\n\nb'],
    ['list markers', '- a\n+ b\n* c\n1. d\n2) e', '\\- a<br>\n\\+ b<br>\n\\* c<br>\n1\\. d<br>\n2\\) e'],
    ['setext underline', 'title\n===\nsub\n---', 'title<br>\n\\===<br>\nsub<br>\n\\---'],
    ['indented code', '    code', 'code'],
    ['blockquote', '> quote', '&gt; quote'],
    ['fence', '```\nx\n```', '\\`\\`\\`<br>\nx<br>\n\\`\\`\\`'],
    ['html block', '<details>\nx\n</details>', '&lt;details&gt;<br>\nx<br>\n&lt;/details&gt;'],
  ];
  for (const [name, input, expected] of cases) {
    void test(name, () => assert.equal(escapeText(input), expected));
  }
});

void describe('escapeSummary', () => {
  void test('closing tags cannot end the summary or the details', () => {
    assert.equal(escapeSummary('x</summary></details><script>'), 'x&lt;/summary&gt;&lt;/details&gt;&lt;script&gt;');
  });
  void test('markdown is left alone (not parsed inside HTML) but references are neutralised', () => {
    assert.equal(escapeSummary('*a* @b #3\nnext'), `*a* @${ZWSP}b #${ZWSP}3 next`);
  });
  void test('escapeHtml encodes the five HTML specials', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });
});

void describe('codeBlock', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['plain', 'x = 1', 'ts', '```ts\nx = 1\n```'],
    ['fence longer than content backticks', 'a ``` b\n````', undefined, '`````\na ``` b\n````\n`````'],
    ['content cannot close the fence', '```\n</details>', 'md', '````md\n```\n</details>\n````'],
    ['language sanitised', 'x', 'js`\n<b>', '```jsb\nx\n```'],
    ['empty', '', undefined, '```\n```'],
    ['trailing newlines trimmed', 'x\n\n', undefined, '```\nx\n```'],
    ['control characters stripped', 'a\u001b[2Jb', undefined, '```\na[2Jb\n```'],
  ];
  for (const [name, text, lang, expected] of cases) {
    void test(name, () => assert.equal(codeBlock(text, lang), expected));
  }
});

void describe('plainText', () => {
  void test('single line, no control characters', () => {
    assert.equal(plainText('  a\n\tb\u0000\u001b[1m c  '), 'a b[1m c');
  });
  void test('multiline keeps line breaks', () => {
    assert.equal(plainText('a\r\nb\u0007', { multiline: true }), 'a\nb');
  });
  void test('caps characters with an ellipsis', () => {
    const out = plainText('x'.repeat(300), { maxChars: 255 });
    assert.equal(out.length, 255);
    assert.ok(out.endsWith('…'));
  });
  void test('caps bytes without splitting a code point', () => {
    const out = plainText('😀'.repeat(100), { maxBytes: 10 });
    assert.ok(byteLength(out) <= 10);
    assert.equal(out, '😀…'); // 😀😀… would be 11 bytes
  });
  void test('capText returns the text when it fits and empty when nothing can', () => {
    assert.equal(capText('abc', 3, 3), 'abc');
    assert.equal(capText('abcd', 0, 100), '');
  });
});

void describe('truncation', () => {
  const cases: [string, string, number, string][] = [
    ['ascii', 'abcdef', 3, 'abc'],
    ['two-byte', 'aéb', 3, 'aé'],
    ['never splits a two-byte char', 'aéb', 2, 'a'],
    ['never splits a surrogate pair', 'a😀b', 4, 'a'],
    ['whole pair when it fits', 'a😀b', 5, 'a😀'],
    ['fits already', 'a😀b', 6, 'a😀b'],
    ['zero', 'abc', 0, ''],
  ];
  for (const [name, input, max, expected] of cases) {
    void test(`truncateUtf8: ${name}`, () => assert.equal(truncateUtf8(input, max), expected));
  }
  void test('truncateUtf8 counts a lone surrogate as three bytes, like the encoder', () => {
    assert.equal(truncateUtf8('\uD800ab', 3), '\uD800');
    assert.equal(byteLength('\uD800'), 3);
  });
  void test('truncateChars never splits a surrogate pair', () => {
    assert.equal(truncateChars('a😀b', 2), 'a');
    assert.equal(truncateChars('a😀b', 3), 'a😀');
    assert.equal(truncateChars('abc', 10), 'abc');
  });
  void test('stripControls normalises line breaks', () => {
    assert.equal(stripControls('a\r\nb\rc\u2028d'), 'a\nb\nc\nd');
  });
});
