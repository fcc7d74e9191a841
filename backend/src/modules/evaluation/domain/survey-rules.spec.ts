import {
  answerProblem,
  checkSurveyTransition,
  closingDate,
  DEFAULT_QUESTIONS,
  distribution,
  ineligibleReason,
  maskPhone,
  normaliseComment,
  parseAnswers,
  parseQuestions,
  percent,
  questionsJson,
  surveyLink,
} from './survey-rules';

describe('the residents’ satisfaction survey: rules', () => {
  describe('the questionnaire', () => {
    it('asks the overall satisfaction first, then four more 5-point questions; only the keys are stored', () => {
      expect(DEFAULT_QUESTIONS[0]).toBe('OVERALL');
      expect(DEFAULT_QUESTIONS).toHaveLength(5);
      expect(parseQuestions(questionsJson())).toEqual([...DEFAULT_QUESTIONS]);
    });

    it('reads a stored questionnaire as it was opened, and the default when the text is not a list of keys', () => {
      expect(parseQuestions('["OVERALL","QUALITY"]')).toEqual(['OVERALL', 'QUALITY']);
      for (const bad of ['', '{}', '[]', '[1,2]', 'not json'])
        expect(parseQuestions(bad)).toEqual([...DEFAULT_QUESTIONS]);
    });
  });

  describe('an answer', () => {
    const q = [...DEFAULT_QUESTIONS];
    it('takes one whole point from 1 to 5 per question, in order', () => {
      expect(answerProblem(q, [5, 4, 3, 2, 1])).toBeNull();
      expect(answerProblem(q, [5, 4, 3, 2])).toEqual({
        field: 'answers',
        message: expect.stringContaining('5 questions'),
      });
      expect(answerProblem(q, [5, 4, 3, 2, 1, 1])?.field).toBe('answers');
      expect(answerProblem(q, [5, 4, 0, 2, 1])?.field).toBe('answers[2]');
      expect(answerProblem(q, [5, 4, 3, 6, 1])?.field).toBe('answers[3]');
      expect(answerProblem(q, [5, 4.5, 3, 2, 1])?.field).toBe('answers[1]');
    });

    it('stores the free text trimmed, and nothing for a blank one', () => {
      expect(normaliseComment('  饭菜很好  ')).toBe('饭菜很好');
      expect(normaliseComment('   ')).toBeNull();
      expect(normaliseComment(null)).toBeNull();
      expect(normaliseComment(undefined)).toBeNull();
    });
  });

  describe('the window', () => {
    it('closes 30 days after today by default, at 24:00 Beijing of that day (16:00 UTC)', () => {
      expect(closingDate('2026-12-01', undefined)).toEqual({
        date: '2026-12-31',
        closesAt: new Date('2026-12-31T16:00:00.000Z'),
      });
    });

    it('takes a chosen date from today to 180 days ahead, nothing in the past or further', () => {
      expect(closingDate('2026-12-01', '2026-12-01')).toEqual({
        date: '2026-12-01',
        closesAt: new Date('2026-12-01T16:00:00.000Z'),
      });
      expect(closingDate('2026-12-01', '2027-05-30')).toMatchObject({ date: '2027-05-30' });
      expect(closingDate('2026-12-01', '2026-11-30')).toEqual({ problem: expect.stringContaining('past') });
      expect(closingDate('2026-12-01', '2027-05-31')).toEqual({ problem: expect.stringContaining('180 days') });
    });

    it('goes OPEN → CLOSED by the officer or the deadline, never back, never by anyone else', () => {
      expect(checkSurveyTransition('OPEN', 'CLOSED', ['SYSTEM'])).toBeNull();
      expect(checkSurveyTransition('OPEN', 'CLOSED', ['PROCUREMENT_OFFICER'])).toBeNull();
      expect(checkSurveyTransition('OPEN', 'CLOSED', ['COMMUNITY_WORKER'])).toMatch(/Only/);
      expect(checkSurveyTransition('CLOSED', 'CLOSED', ['SYSTEM'])).toMatch(/cannot go/);
      expect(checkSurveyTransition('CLOSED', 'OPEN', ['PROCUREMENT_OFFICER'])).toMatch(/cannot go/);
    });
  });

  describe('who may answer', () => {
    const ok = { isResident: true, active: true, verified: true, linked: true };
    it('a verified resident who raised or supported the needs or is a recorded beneficiary', () => {
      expect(ineligibleReason(ok)).toBeNull();
    });
    it('names the first thing that is missing', () => {
      expect(ineligibleReason({ ...ok, isResident: false, verified: false, linked: false })).toBe('NOT_A_RESIDENT');
      expect(ineligibleReason({ ...ok, active: false })).toBe('NOT_A_RESIDENT');
      expect(ineligibleReason({ ...ok, verified: false, linked: false })).toBe('NOT_VERIFIED');
      expect(ineligibleReason({ ...ok, linked: false })).toBe('NOT_LINKED');
    });
  });

  describe('the figures', () => {
    it('rates as percentages rounded half-up to 2 places, exactly (no floats): 186 of 212 = 87.74 %', () => {
      expect(percent(186, 212)).toBe('87.74');
      expect(percent(1, 8)).toBe('12.50');
      expect(percent(1, 200)).toBe('0.50');
      expect(percent(1, 3)).toBe('33.33');
      expect(percent(2, 3)).toBe('66.67');
      expect(percent(3, 3)).toBe('100.00');
      expect(percent(0, 5)).toBe('0.00');
      expect(percent(0, 0)).toBeNull();
    });

    it('counts each question’s points and its mean', () => {
      const f = distribution(
        ['OVERALL', 'QUALITY'],
        [
          [5, 4],
          [4, 4],
          [1, 3],
          [5], // shorter than the questionnaire: counts for the first question only
        ],
      );
      expect(f).toEqual([
        { key: 'OVERALL', counts: [1, 0, 0, 1, 2], mean: '3.75' },
        { key: 'QUALITY', counts: [0, 0, 1, 2, 0], mean: '3.67' },
      ]);
      expect(distribution(['OVERALL'], [])).toEqual([{ key: 'OVERALL', counts: [0, 0, 0, 0, 0], mean: null }]);
    });

    it('reads a stored answers list, and nothing from a broken one', () => {
      expect(parseAnswers('[5,4,3]')).toEqual([5, 4, 3]);
      expect(parseAnswers('oops')).toEqual([]);
      expect(parseAnswers('{"a":1}')).toEqual([]);
    });
  });

  it('shares /s/<token>, and shows phones to staff as 138****0001', () => {
    expect(surveyLink('0123456789abcdef0123456789abcdef')).toBe('/s/0123456789abcdef0123456789abcdef');
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone(null)).toBeNull();
  });
});
