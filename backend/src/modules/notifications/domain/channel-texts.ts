import { formatBeijingText, type Locale, type RenderedMessage } from '../../../platform/i18n';

/**
 * The e-mail and the SMS of an inbox message: the same template and parameters as the inbox (rendered by the
 * catalogue in the recipient's language, every time in Beijing time), framed per channel here. Pure.
 */

export interface ChannelMessage {
  /** The inbox message as the catalogue renders it for the recipient. */
  message: RenderedMessage;
  locale: Locale;
  /** When the message was written (the change it tells about), a UTC instant. */
  at: Date;
  /** The page of the app the message is about (`/needs/12`, `/s/<token>`, else `/inbox`). */
  path: string;
  /** PUBLIC_BASE_URL without its trailing slash. */
  baseUrl: string;
}

export interface EmailText {
  subject: string;
  text: string;
  html: string;
}

const FRAME = {
  'zh-CN': {
    brand: '点单',
    subjectPrefix: '【点单】',
    greeting: '您好：',
    time: (t: string) => `时间：${t}（北京时间）`,
    open: '查看详情：',
    signature: '—— 点单 · 政府购买社区服务平台',
    footer: '这是一封系统通知邮件，请勿直接回复。不想再收到邮件，可在“通知设置”中关闭：',
    sms: (title: string) => `【点单】${title}`,
    smsTail: '，详情请登录点单查看。',
  },
  'en-US': {
    brand: 'Diandan',
    subjectPrefix: '[Diandan] ',
    greeting: 'Hello,',
    time: (t: string) => `Time: ${t} (Beijing time)`,
    open: 'Open: ',
    signature: '— Diandan, community services purchased by the government',
    footer:
      'This is an automatic message; please do not reply. To stop these e-mails, change your notification settings: ',
    sms: (title: string) => `[Diandan] ${title}`,
    smsTail: ' Sign in to Diandan for details.',
  },
} as const;

/** One SMS segment: 70 characters of Chinese (UCS-2), 160 of plain English (GSM 7-bit). */
export const SMS_LIMIT: Readonly<Record<Locale, number>> = { 'zh-CN': 70, 'en-US': 160 };

/** The link of a message: its own page of the app, under the public address. */
export function appUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The page a message points to: its `link` (a survey), else the need it is about, else the inbox. */
export function messagePath(link: string | null, needId: number | null): string {
  if (link !== null) return link;
  if (needId !== null) return `/needs/${needId}`;
  return '/inbox';
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

export function emailText(m: ChannelMessage): EmailText {
  const f = FRAME[m.locale];
  const url = appUrl(m.baseUrl, m.path);
  const settings = appUrl(m.baseUrl, '/me/notifications');
  const when = f.time(formatBeijingText(m.at.toISOString(), m.locale));
  const title = oneLine(m.message.title);
  const body = m.message.body.trim();
  const text = [
    f.greeting,
    '',
    title,
    ...(body ? ['', body] : []),
    '',
    when,
    `${f.open}${url}`,
    '',
    f.signature,
    `${f.footer}${settings}`,
    '',
  ].join('\n');
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${m.locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 15px; line-height: 1.6; color: #262626">',
    p(f.greeting),
    `<p><strong>${escapeHtml(title)}</strong></p>`,
    ...(body ? [p(body)] : []),
    p(when),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(f.open)}${escapeHtml(url)}</a></p>`,
    `<p style="color: #595959; font-size: 13px">${escapeHtml(f.signature)}<br>${escapeHtml(f.footer)}<a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `${f.subjectPrefix}${title}`, text, html };
}

/** The SMS: the brand and the message's title, cut to one segment (the rest is in the inbox and the e-mail). */
export function smsText(m: Pick<ChannelMessage, 'message' | 'locale'>): string {
  const f = FRAME[m.locale];
  const limit = SMS_LIMIT[m.locale];
  const title = oneLine(m.message.title);
  const full = `${f.sms(title)}${f.smsTail}`;
  if ([...full].length <= limit) return full;
  const bare = f.sms(title);
  if ([...bare].length <= limit) return bare;
  const chars = [...bare];
  return `${chars.slice(0, limit - 1).join('')}…`;
}
