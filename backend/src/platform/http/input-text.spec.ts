import { inputProblems, jsonDepthExceeds, printable, textProblem } from './input-text';

describe('text inputs', () => {
  it.each([
    ['Chinese', '山西路社区助餐点'],
    ['an emoji (a well-formed surrogate pair)', '满意 👍'],
    ['line breaks and tabs', 'a\r\n\tb'],
    ['a vertical tab pasted from Word', 'a\u000Bb'],
    ['the implicit marks LRM, RLM and ALM (Uyghur text beside Chinese)', 'ئۇيغۇر\u200F 名字\u200E\u061C'],
    ['the replacement character itself', '\uFFFD'],
  ])('accepts %s', (_why, s) => {
    expect(textProblem(s)).toBeNull();
  });

  it.each<[string, string, RegExp]>([
    ['a lone high surrogate', '\uD800x', /lone UTF-16 surrogate/],
    ['a lone low surrogate', 'x\uDC00', /lone UTF-16 surrogate/],
    ['a reversed pair', '\uDC00\uD800', /lone UTF-16 surrogate/],
    ['NUL', 'a\u0000b', /NUL/],
    ...['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'].map(
      (c): [string, string, RegExp] => [
        `U+${c.charCodeAt(0).toString(16).toUpperCase()}`,
        `报告${c}fdp.exe`,
        /bidirectional/,
      ],
    ),
  ])('refuses %s', (_why, s, reason) => {
    expect(textProblem(s)).toMatch(reason);
  });

  it('prints refused characters as escapes and leaves pairs alone', () => {
    expect(printable('a\u202Eb\uD800c👍\u0000')).toBe('a\\u202Eb\\uD800c👍\\u0000');
  });
});

describe('inputProblems', () => {
  it('finds refused strings and keys at any depth, with their field paths', () => {
    const body = JSON.parse(
      '{"title":"ok","plan":{"schedule":[{"period":"2027-01"},{"activity":"a\\u0000"}]},' +
        '"__proto__":{"admin":true},"list":["x","\\ud800"],"constructor":1,"a":{"prototype":2},"k\\u202e":3}',
    );
    const found = inputProblems(body);
    expect(found).toHaveLength(6);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'plan.schedule[1].activity', message: expect.stringMatching(/NUL/) },
        { field: '__proto__', message: 'the key __proto__ is not allowed' },
        { field: 'list[1]', message: expect.stringMatching(/surrogate/) },
        { field: 'constructor', message: 'the key constructor is not allowed' },
        { field: 'a.prototype', message: 'the key prototype is not allowed' },
        { field: 'k\\u202E', message: expect.stringMatching(/the key contains a bidirectional/) },
      ]),
    );
  });

  it('refuses numbers beyond the safe integers and lists directly inside lists', () => {
    const body = JSON.parse(
      '{"id":1e300,"big":9007199254740993,"ok":9007199254740991,"x":0.5,"plan":{"budget":[[{"a":1}],{"b":2}]}}',
    );
    expect(inputProblems(body)).toEqual([
      { field: 'id', message: expect.stringMatching(/out of range/) },
      { field: 'big', message: expect.stringMatching(/out of range/) },
      { field: 'plan.budget[0]', message: 'plan.budget[0] is a list inside a list' },
    ]);
  });

  it('reports nothing for clean input and for non-strings', () => {
    expect(inputProblems({ a: 1, b: [true, null, { c: '名' }] })).toEqual([]);
    expect(inputProblems(undefined)).toEqual([]);
  });

  it('walks a very deep value without recursion', () => {
    let v: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(inputProblems(v)).toHaveLength(1);
  });

  it('stops after a bounded number of problems', () => {
    expect(inputProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('jsonDepthExceeds', () => {
  const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('allows the limit and refuses one more level', () => {
    expect(jsonDepthExceeds(nest(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nest(33), 32)).toBe(true);
    expect(jsonDepthExceeds(`{"a":${nest(31)}}`, 32)).toBe(false);
    expect(jsonDepthExceeds(`{"a":${nest(32)}}`, 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ a: '['.repeat(100), b: '\\"[[[[', c: '"{{{{' }), 2)).toBe(false);
  });

  it('scans thousands of levels without recursion', () => {
    expect(jsonDepthExceeds(nest(5000))).toBe(true);
  });
});
