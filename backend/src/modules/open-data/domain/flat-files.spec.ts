import { flatFileCsv } from './flat-files';
import type { JsonObject } from './ocds-merge';

const release: JsonObject = {
  ocid: 'ocds-dd0001-7',
  id: 'ocds-dd0001-7-3',
  date: '2026-11-02T01:00:00.000Z',
  tag: ['award', 'awardUpdate'],
  buyer: { id: 'b', name: '鼓楼区民政局' },
  tender: {
    id: '9',
    title: '=HYPERLINK("x") 助餐, "午餐"',
    procurementMethod: 'open',
    value: { amount: 9800, currency: 'CNY' },
  },
  awards: [
    {
      id: '9-1',
      status: 'active',
      value: { amount: 8500.5, currency: 'CNY' },
      suppliers: [{ id: 's', name: '阳光养老' }],
    },
  ],
  contracts: [
    {
      id: 'HT-1',
      implementation: {
        transactions: [
          {
            id: 'payment-1',
            date: '2026-11-02T01:00:00.000Z',
            value: { amount: 2550.15, currency: 'CNY' },
            payer: { name: '鼓楼区民政局' },
            payee: { name: '阳光养老' },
          },
        ],
      },
    },
  ],
};

describe('CSV flat files', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = flatFileCsv('releases', [release]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('quotes commas and quotes, and defuses a cell that would start a formula', () => {
    const [, row] = flatFileCsv('releases', [release]).slice(1).split('\r\n');
    expect(row).toContain('"\'=HYPERLINK(""x"") 助餐, ""午餐"""');
    expect(row).toContain('award;awardUpdate');
  });

  it('writes one row per award and per transaction, keyed by ocid and release id, amounts as published', () => {
    const awards = flatFileCsv('awards', [release]).slice(1).split('\r\n');
    expect(awards[1]).toBe('ocds-dd0001-7,ocds-dd0001-7-3,9-1,active,,8500.5,CNY,阳光养老,s');
    const tx = flatFileCsv('transactions', [release]).slice(1).split('\r\n');
    expect(tx[1]).toBe(
      'ocds-dd0001-7,ocds-dd0001-7-3,HT-1,payment-1,2026-11-02T01:00:00.000Z,2550.15,CNY,鼓楼区民政局,阳光养老',
    );
    expect(flatFileCsv('contracts', [release]).slice(1).split('\r\n')[1]).toContain('HT-1');
    expect(flatFileCsv('milestones', [release]).slice(1).split('\r\n')).toEqual([expect.any(String), '']);
  });
});
