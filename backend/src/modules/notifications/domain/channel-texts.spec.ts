import { MESSAGE_TEMPLATES, renderMessage } from '../../../platform/i18n';
import { appUrl, emailText, messagePath, SMS_LIMIT, smsText } from './channel-texts';

const at = new Date('2026-12-11T16:00:00.000Z'); // 2026-12-12 00:00 Beijing time

describe('the e-mail and SMS of an inbox message', () => {
  const message = renderMessage(
    'need.status_changed',
    { needTitle: '老年助餐', from: 'SUBMITTED', to: 'ACCEPTED' },
    'zh-CN',
  );

  it('e-mail in zh-CN: the inbox title as subject, its body, the time in Beijing time and the link', () => {
    const mail = emailText({ message, locale: 'zh-CN', at, path: '/needs/12', baseUrl: 'https://dd.example.cn/' });
    expect(mail.subject).toBe('【点单】需求「老年助餐」已受理（开放支持）');
    expect(mail.text).toContain('待审核 → 已受理');
    expect(mail.text).toContain('时间：2026年12月12日 00:00（北京时间）');
    expect(mail.text).toContain('查看详情：https://dd.example.cn/needs/12');
    expect(mail.text).toContain('https://dd.example.cn/me/notifications');
    expect(mail.html).toContain('<a href="https://dd.example.cn/needs/12">');
    expect(mail.html).toContain('lang="zh-CN"');
  });

  it('e-mail in en-US, HTML escaped', () => {
    const en = renderMessage(
      'need.status_changed',
      { needTitle: '<b>Meals</b>', from: 'SUBMITTED', to: 'ACCEPTED' },
      'en-US',
    );
    const mail = emailText({ message: en, locale: 'en-US', at, path: '/inbox', baseUrl: 'http://localhost:3000' });
    expect(mail.subject).toBe('[Diandan] Need “<b>Meals</b>”: accepted (open for support)');
    expect(mail.text).toContain('Time: 12 Dec 2026, 00:00 (Beijing time)');
    expect(mail.html).toContain('&lt;b&gt;Meals&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Meals</b>');
  });

  it('SMS: brand and title in one segment (70 Chinese characters, 160 in English)', () => {
    expect(smsText({ message, locale: 'zh-CN' })).toBe(
      '【点单】需求「老年助餐」已受理（开放支持），详情请登录点单查看。',
    );
    const long = { title: '需'.repeat(200), body: '' };
    const zh = smsText({ message: long, locale: 'zh-CN' });
    expect([...zh].length).toBe(70);
    expect(zh.endsWith('…')).toBe(true);
    expect([...smsText({ message: { title: 'x'.repeat(400), body: '' }, locale: 'en-US' })].length).toBe(160);
  });

  it('every template of the catalogue makes an SMS within one segment in both languages', () => {
    for (const [key, def] of Object.entries(MESSAGE_TEMPLATES)) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = smsText({ message: renderMessage(key, def.example, locale), locale });
        expect([...text].length).toBeLessThanOrEqual(SMS_LIMIT[locale]);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('links to the message’s page: its own link, else its need, else the inbox', () => {
    expect(messagePath('/s/abc', 12)).toBe('/s/abc');
    expect(messagePath(null, 12)).toBe('/needs/12');
    expect(messagePath(null, null)).toBe('/inbox');
    expect(appUrl('https://x.cn//', 'inbox')).toBe('https://x.cn/inbox');
  });
});
