import { CUT_MARK, fitColumn, toColumnInstant, wellFormed, wellFormedJson } from './column-values';

describe('audit column values', () => {
  it('replaces lone surrogates with U+FFFD, as the UTF-8 encoder does, and keeps pairs', () => {
    expect(wellFormed('\ud800x')).toBe('\ufffdx');
    expect(wellFormed('x\udc00')).toBe('x\ufffd');
    expect(wellFormed('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(wellFormed('😀')).toBe('😀');
    expect(Buffer.from(wellFormed('\ud800x'), 'utf8').toString('utf8')).toBe(
      Buffer.from('\ud800x', 'utf8').toString('utf8'),
    );
  });

  it('keeps NUL and bidi controls (the API refuses them; the chain must still survive them)', () => {
    expect(wellFormed('a\u0000\u202e')).toBe('a\u0000\u202e');
  });

  it('cuts a value longer than its column by code points, marking the cut', () => {
    expect(fitColumn('abc', 3)).toBe('abc');
    expect(fitColumn('abcd', 3)).toBe(`ab${CUT_MARK}`);
    const emoji = fitColumn('😀'.repeat(70), 64);
    expect(Array.from(emoji)).toHaveLength(64);
    expect(emoji.endsWith(`😀${CUT_MARK}`)).toBe(true);
    expect(fitColumn('\ud800'.repeat(2), 1)).toBe('…');
  });

  it('makes every string of a JSON value well-formed, keys included', () => {
    expect(wellFormedJson({ '\ud800k': ['\udc00', 1, null, { x: 'ok' }] })).toEqual({
      '\ufffdk': ['\ufffd', 1, null, { x: 'ok' }],
    });
  });

  it('keeps instants at millisecond precision', () => {
    expect(toColumnInstant(new Date('2026-11-23T14:40:02.788Z')).toISOString()).toBe('2026-11-23T14:40:02.788Z');
  });
});
