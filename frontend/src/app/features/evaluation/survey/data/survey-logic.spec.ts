import {
  barWidths,
  firstUnanswered,
  isComplete,
  normaliseResident,
  POINTS_BEST_FIRST,
  QUESTION_KEYS,
  scaleOf,
  shareUrl,
  tokenOf,
} from './survey-logic';

describe('survey pages: logic', () => {
  it('words the would-recommend question by willingness, the others by satisfaction', () => {
    expect(QUESTION_KEYS.map(scaleOf)).toEqual([
      'SATISFACTION',
      'SATISFACTION',
      'SATISFACTION',
      'SATISFACTION',
      'LIKELIHOOD',
    ]);
    expect(POINTS_BEST_FIRST).toEqual([5, 4, 3, 2, 1]);
  });

  it('takes an answer only when every question has a point from 1 to 5, and says which is missing', () => {
    const q = [...QUESTION_KEYS];
    expect(isComplete(q, [5, 4, 3, 2, 1])).toBe(true);
    expect(isComplete(q, [5, 4, null, 2, 1])).toBe(false);
    expect(isComplete(q, [5, 4, 3, 2])).toBe(false);
    expect(isComplete(q, [5, 4, 3, 2, 6])).toBe(false);
    expect(isComplete([], [])).toBe(false);
    expect(firstUnanswered(q, [5, 4, null, null, 1])).toBe(2);
    expect(firstUnanswered(q, [5, 4, 3, 2, 1])).toBe(-1);
  });

  it('draws a distribution as whole percentages, and nothing for no answers', () => {
    expect(barWidths([1, 1, 1, 3, 2])).toEqual([13, 13, 13, 38, 25]);
    expect(barWidths([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });

  it('encodes the absolute link in the QR code, and reads a token back', () => {
    const link = '/s/0123456789abcdef0123456789abcdef';
    expect(shareUrl('https://diandan.example.gov.cn/', link)).toBe(
      'https://diandan.example.gov.cn/s/0123456789abcdef0123456789abcdef',
    );
    expect(tokenOf(link)).toBe('0123456789abcdef0123456789abcdef');
    expect(tokenOf('/s/short')).toBeNull();
    expect(tokenOf(null)).toBeNull();
  });

  it('takes a mobile number typed with spaces or dashes as the number, a username as typed', () => {
    expect(normaliseResident(' 138 0000 0003 ')).toBe('13800000003');
    expect(normaliseResident('138-0000-0003')).toBe('13800000003');
    expect(normaliseResident(' resident3 ')).toBe('resident3');
  });
});
