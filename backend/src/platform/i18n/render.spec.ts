import { LABELS } from './labels';
import { LOCALES, negotiateLocale, readerLocale } from './locale';
import { MESSAGE_CATALOGUES, MESSAGE_TEMPLATES } from './messages';
import { formatFen } from './money-text';
import { parseParams, renderMessage, renderWith } from './render';

describe('server texts as templates', () => {
  describe('the catalogue', () => {
    const keys = Object.keys(MESSAGE_TEMPLATES);

    it('has no key twice across contexts, and each key starts with its context', () => {
      const all = Object.entries(MESSAGE_CATALOGUES).flatMap(([ctx, c]) => Object.keys(c).map((k) => [ctx, k]));
      expect(new Set(all.map(([, k]) => k)).size).toBe(all.length);
      for (const [ctx, key] of all) expect(key.startsWith(ctx === 'needs' ? 'need.' : `${ctx}.`)).toBe(true);
    });

    it.each(keys.flatMap((k) => LOCALES.map((l) => [k, l] as const)))(
      '%s renders its example in %s with every placeholder filled',
      (key, locale) => {
        const { title, body } = renderMessage(key, MESSAGE_TEMPLATES[key].example, locale);
        expect(title.length).toBeGreaterThan(0);
        for (const text of [title, body]) {
          expect(text).not.toMatch(/\{\w+(\|\w+)?\}|undefined|NaN|\[object|null/);
          // no UTC instant left in a text for people
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
        }
        // the English text holds no Chinese of its own (only what the parameters carry)
        if (locale === 'en-US') {
          const own = `${title}\n${body}`.replace(
            new RegExp(
              Object.values(MESSAGE_TEMPLATES[key].example)
                .filter((v): v is string => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v))
                .sort((a, b) => b.length - a.length)
                .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('|') || '$^',
              'g',
            ),
            '',
          );
          expect(own).not.toMatch(/[\u4e00-\u9fff]/);
        }
      },
    );

    it('has the same label codes in both languages', () => {
      for (const kind of Object.values(LABELS))
        expect(Object.keys(kind['en-US']).sort()).toEqual(Object.keys(kind['zh-CN']).sort());
    });
  });

  describe('rendering', () => {
    const catalogue = {
      'x.deadline': {
        'zh-CN': { title: '请在 {due|deadline} 前确认', body: '{amount|money}，{status|needStatus}，{unknown}' },
        'en-US': { title: 'Confirm by {due|deadline}', body: '{amount|money}, {status|needStatus}, {unknown}' },
        example: {},
      },
    };

    it('writes the issue’s deadline as 24:00 Beijing time of the day before, in the reader’s language', () => {
      const params = { due: '2026-12-11T16:00:00.000Z', amount: '1234567', status: 'IN_PROCUREMENT' };
      expect(renderWith(catalogue, 'x.deadline', params, 'zh-CN')).toEqual({
        title: '请在 2026年12月11日 24:00 前确认',
        body: '12,345.67 元，采购中，',
      });
      expect(renderWith(catalogue, 'x.deadline', params, 'en-US')).toEqual({
        title: 'Confirm by 11 Dec 2026, 24:00',
        body: 'CNY 12,345.67, In procurement, ',
      });
    });

    it('shows an unknown template by its key and a stored row with bad parameters without failing', () => {
      expect(renderMessage('nope.gone', {}, 'zh-CN')).toEqual({ title: 'nope.gone', body: '' });
      expect(parseParams('{bad json')).toEqual({});
      expect(parseParams('[1,2]')).toEqual({});
      expect(parseParams(null)).toEqual({});
    });

    it('renders a need step inside the need’s message, and a status change with its coded reason', () => {
      const step = renderMessage(
        'need.step',
        {
          needTitle: '老年助餐',
          step: 'procurement.step.award_notice',
          tenderTitle: '助餐采购',
          winner: '阳光',
          amountFen: '950000',
          objectionWindowEndsAt: '2026-12-11T16:00:00.000Z',
        },
        'en-US',
      );
      expect(step.title).toBe('Need “老年助餐”: Award notice for “助餐采购” published');
      expect(step.body).toBe(
        'Winner: 阳光, for CNY 9,500.00. Objections may be filed until 11 Dec 2026, 24:00 (Beijing time); the award then becomes final.',
      );
      const status = renderMessage(
        'need.status_changed',
        {
          needTitle: '助餐',
          from: 'APPROVED',
          to: 'IN_PROCUREMENT',
          why: 'procurement.why.project_included',
          projectTitle: '山西路助餐',
        },
        'zh-CN',
      );
      expect(status).toEqual({ title: '需求「助餐」采购中', body: '已通过 → 采购中。纳入采购项目「山西路助餐」' });
      expect(
        renderMessage('need.status_changed', { needTitle: '助餐', from: 'SHORTLISTED', to: 'APPROVED' }, 'en-US').title,
      ).toBe('Need “助餐”: approved by the residents’ council');
    });
  });

  describe('the reader’s language', () => {
    it.each([
      [null, 'en-US,en;q=0.9', 'en-US'],
      [null, 'zh-TW,zh;q=0.9,en;q=0.8', 'zh-CN'],
      [null, 'fr-FR, en;q=0.5, zh;q=0.7', 'zh-CN'],
      [null, 'fr-FR, de;q=0.5', 'zh-CN'],
      [null, 'en;q=0, zh;q=0.1', 'zh-CN'],
      [null, undefined, 'zh-CN'],
      ['en-US', 'zh-CN', 'en-US'], // a saved preference wins over the browser
      ['zh-CN', 'en-US', 'zh-CN'],
      ['xx', 'en', 'en-US'], // an unknown saved value is ignored
    ])('preference %s, Accept-Language %s → %s', (pref, header, expected) => {
      expect(readerLocale(pref, header)).toBe(expected);
    });

    it('negotiates nothing from an empty or foreign header', () => {
      expect(negotiateLocale('')).toBeNull();
      expect(negotiateLocale('*')).toBeNull();
    });
  });

  describe('money in sentences (exact fen → yuan)', () => {
    it.each([
      ['0', '0.00 元'],
      ['5', '0.05 元'],
      ['100', '1.00 元'],
      ['123456789012345678', '1,234,567,890,123,456.78 元'],
      ['-950000', '-9,500.00 元'],
    ])('%s fen → %s', (fen, text) => {
      expect(formatFen(fen, 'zh-CN')).toBe(text);
      expect(formatFen(BigInt(fen), 'en-US')).toBe(`CNY ${text.replace(' 元', '')}`);
    });
  });
});
