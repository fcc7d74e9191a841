import type { Locale } from './locale';

/**
 * An amount of integer fen (a bigint, or its decimal string as stored in message parameters) as
 * yuan for a sentence: zh-CN `12,345.67 元`, en-US `CNY 12,345.67`. Exact: string arithmetic, no
 * floating point. A value that is not an integer is returned as it is.
 */
export function formatFen(fen: bigint | string | number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined || fen === '') return '';
  const text = typeof fen === 'bigint' ? fen.toString() : String(fen);
  if (!/^-?\d+$/.test(text)) return text;
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${negative ? '-' : ''}${grouped}.${digits.slice(-2)}`;
  return locale === 'zh-CN' ? `${amount} 元` : `CNY ${amount}`;
}
