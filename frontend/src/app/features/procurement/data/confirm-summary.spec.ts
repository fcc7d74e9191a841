import { procurementZhCN } from '../i18n/procurement.zh-CN';
import { awardSummary, publicationSummary, sealSummary, SummaryTexts } from './confirm-summary';

/** The zh-CN texts, as the pages pass them. */
const texts: SummaryTexts = {
  t: (key, params) =>
    Object.entries(params ?? {}).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), procurementZhCN[key]),
  code: (prefix, code) => (procurementZhCN as Record<string, string>)[`${prefix}${code}`] ?? String(code),
};
const values = (rows: { key: string; value: string }[]) => Object.fromEntries(rows.map((r) => [r.key, r.value]));

describe('confirmation summaries', () => {
  it('a call for bids: method, price cap, deadline in Beijing time (midnight as 24:00 of the day before), scoring', () => {
    const rows = publicationSummary(
      {
        title: '山西路社区老年助餐服务采购',
        method: 'COMPETITIVE_CONSULTATION',
        maxPrice: '98000.5',
        bidDeadline: '2026-12-11T16:00:00.000Z',
        minGrade: 3,
        scoringMethod: 'COMPREHENSIVE',
        priceWeight: 30,
        committeeSize: 3,
        criteria: [
          { name: '服务方案', maxScore: '40' },
          { name: '团队', maxScore: '30' },
        ],
      },
      texts,
    );
    expect(values(rows)).toEqual({
      title: '山西路社区老年助餐服务采购',
      method: '竞争性磋商',
      'max-price': '¥98,000.50',
      deadline: '2026-12-11 24:00',
      'min-grade': '3A',
      scoring: '综合评分法（价格权重 30%）',
      criteria: '服务方案 40；团队 30',
      committee: '3',
    });
  });

  it('a lowest-price call lists no criteria and says when no grade is required', () => {
    const rows = values(
      publicationSummary(
        {
          title: '询价',
          method: 'REQUEST_FOR_QUOTATION',
          maxPrice: '5000.00',
          bidDeadline: '2026-12-14T02:00:00.000Z',
          minGrade: null,
          scoringMethod: 'LOWEST_PRICE',
          priceWeight: 0,
          committeeSize: 3,
          criteria: [],
        },
        texts,
      ),
    );
    expect(rows['criteria']).toBeUndefined();
    expect(rows['scoring']).toBe('最低评标价法');
    expect(rows['min-grade']).toBe('按目录要求');
    expect(rows['deadline']).toBe('2026-12-14 10:00');
  });

  it('an award: the winner, the amount, the score and the rank', () => {
    expect(
      values(
        awardSummary(
          { organisationName: '南京市鼓楼区乐龄社会工作服务中心', price: '9500.00', totalScore: '92.84', rank: 1 },
          texts,
        ),
      ),
    ).toEqual({ winner: '南京市鼓楼区乐龄社会工作服务中心', price: '¥9,500.00', score: '92.84', rank: '1' });
  });

  it('a bid: the price, how many answers, the files with their sizes, and whether a replacement drops the old files', () => {
    const bid = {
      tenderTitle: '助餐服务采购',
      price: '9000.00',
      deadline: '2026-12-11T16:00:00.000Z',
      answered: 2,
      criteria: 2,
      files: [{ fileName: '方案.pdf', size: 2048 }],
      replacing: false,
    };
    expect(values(sealSummary(bid, texts))).toEqual({
      tender: '助餐服务采购',
      price: '¥9,000.00',
      technical: '已填写 2 / 2 项',
      files: '方案.pdf（2.0 KB）',
      deadline: '2026-12-11 24:00',
    });
    expect(values(sealSummary({ ...bid, files: [], replacing: true }, texts))['files']).toBe(
      '未附文件（替换后原投标文件不再保留）',
    );
  });
});
