import type { CategoryNode } from '../../../api';
import { categoryLabel, LineFormValue, restrictableCategories, toAdjustmentRequest, toLineRequest } from './line-form';
import { toLineQuery } from './line-query';

const VALID: LineFormValue = {
  year: 2026,
  regionId: '12',
  source: 'DONATION',
  restrictedCategoryCode: null,
  title: '  社会捐赠助餐资金 ',
  amount: '88888.8',
};

describe('toLineRequest', () => {
  it('builds the request: numbers for ids, trimmed title, amount normalised as text', () => {
    expect(toLineRequest(VALID)).toEqual({
      body: {
        year: 2026,
        regionId: 12,
        source: 'DONATION',
        restrictedCategoryCode: null,
        multiYear: false,
        title: '社会捐赠助餐资金',
        amount: '88888.80',
      },
      problems: [],
    });
  });

  it('asks for multi-year contracts only when ticked', () => {
    expect(toLineRequest({ ...VALID, multiYear: true }).body?.multiYear).toBe(true);
  });

  it('keeps every digit of large amounts and a restriction code', () => {
    const { body } = toLineRequest({ ...VALID, amount: '¥1,200,000', restrictedCategoryCode: 'A01' });
    expect(body?.amount).toBe('1200000.00');
    expect(body?.restrictedCategoryCode).toBe('A01');
    expect(toLineRequest({ ...VALID, amount: '9999999999999.99' }).body?.amount).toBe('9999999999999.99');
  });

  it('refuses amounts that are zero, negative, too precise or not amounts', () => {
    for (const amount of ['0', '0.00', '-5', '1.234', '1e5', '', 'abc']) {
      expect({ amount, problems: toLineRequest({ ...VALID, amount }).problems }).toEqual({
        amount,
        problems: ['amount'],
      });
    }
  });

  it('lists every missing or invalid field', () => {
    const { body, problems } = toLineRequest({
      year: 1999,
      regionId: null,
      source: null,
      restrictedCategoryCode: 'a-1',
      title: '   ',
      amount: '0',
    });
    expect(body).toBeNull();
    expect(problems).toEqual(['year', 'region', 'source', 'category', 'title', 'amount']);
    expect(toLineRequest({ ...VALID, title: 'x'.repeat(129) }).problems).toEqual(['title']);
    expect(toLineRequest({ ...VALID, year: null }).problems).toEqual(['year']);
    expect(toLineRequest({ ...VALID, source: 'LOTTERY' as never }).problems).toEqual(['source']);
  });
});

describe('toAdjustmentRequest', () => {
  it('takes a signed amount other than zero and a reason', () => {
    expect(toAdjustmentRequest('-50000', ' 项目结余 ')).toEqual({ delta: '-50000.00', reason: '项目结余' });
    expect(toAdjustmentRequest('1000.5', '追加')).toEqual({ delta: '1000.50', reason: '追加' });
    expect(toAdjustmentRequest('0', '无')).toBeNull();
    expect(toAdjustmentRequest('-0.00', '无')).toBeNull();
    expect(toAdjustmentRequest('100', '  ')).toBeNull();
    expect(toAdjustmentRequest('1.001', '原因')).toBeNull();
  });
});

describe('restrictable categories', () => {
  const node = (id: number, code: string, name: string, children: CategoryNode[] = []): CategoryNode => ({
    id,
    parentId: null,
    code,
    name,
    attributeSchema: null,
    attributes: [],
    items: [],
    children,
  });
  const tree = [
    node(1, 'A', '养老服务', [node(2, 'A01', '居家养老', [node(3, 'A0101', '助餐')]), node(4, 'A02', '机构养老')]),
    node(5, 'B', '儿童服务'),
  ];

  it('offers the top two levels in tree order', () => {
    expect(restrictableCategories(tree)).toEqual([
      { code: 'A', name: '养老服务', depth: 0 },
      { code: 'A01', name: '居家养老', depth: 1 },
      { code: 'A02', name: '机构养老', depth: 1 },
      { code: 'B', name: '儿童服务', depth: 0 },
    ]);
  });

  it('names a code when it knows it', () => {
    const categories = restrictableCategories(tree);
    expect(categoryLabel('A01', categories)).toBe('A01 居家养老');
    expect(categoryLabel('Z9', categories)).toBe('Z9');
    expect(categoryLabel(null, categories)).toBe('');
  });
});

describe('toLineQuery', () => {
  it('sends the filters that are set, the region as a number', () => {
    expect(toLineQuery({ year: 2026, regionId: '7', source: null, status: 'PENDING_APPROVAL' }, 2, 20)).toEqual({
      year: 2026,
      regionId: 7,
      source: null,
      status: 'PENDING_APPROVAL',
      q: null,
      page: 2,
      pageSize: 20,
    });
    expect(toLineQuery({ year: 2026, regionId: null, source: null, status: null, q: '  福彩 ' }, 1, 20).q).toBe('福彩');
    expect(toLineQuery({ year: null, regionId: 'x', source: 'DONATION', status: null }, 1, 50).regionId).toBeNull();
  });
});
