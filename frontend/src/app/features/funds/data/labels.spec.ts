import { FUND_SOURCES, LEDGER_BUCKETS, LEDGER_OPERATIONS, LedgerEntry } from '../../../api';
import { enUS } from '../../../core/i18n/en-US';
import { zhCN } from '../../../core/i18n/zh-CN';
import { budgetYear, budgetYears } from './budget-year';
import { BUCKET_PREFIX, isReversible, OPERATION_PREFIX, reversedIds, SOURCE_PREFIX, sourceColor } from './labels';

const zh = zhCN as Record<string, string>;
const en = enUS as Record<string, string>;

describe('ledger operation labels', () => {
  it('names every operation in Chinese as finance offices do', () => {
    const labels = Object.fromEntries(LEDGER_OPERATIONS.map((op) => [op, zh[OPERATION_PREFIX + op]]));
    expect(labels).toEqual({
      ALLOCATE: '批复下达',
      DEALLOCATE: '调减',
      RESERVE: '项目预留',
      RELEASE_RESERVATION: '释放预留',
      COMMIT: '合同承诺',
      COMMIT_DIRECT: '直接承诺',
      DISBURSE: '支付',
      RELEASE_COMMITMENT: '释放承诺',
      REVERSE: '冲正',
    });
  });

  it('has every operation, bucket and source in both languages', () => {
    const keys = [
      ...LEDGER_OPERATIONS.map((op) => OPERATION_PREFIX + op),
      ...LEDGER_BUCKETS.map((b) => BUCKET_PREFIX + b),
      ...FUND_SOURCES.map((s) => SOURCE_PREFIX + s),
    ];
    for (const key of keys) {
      expect({ key, zh: typeof zh[key], en: typeof en[key] }).toEqual({ key, zh: 'string', en: 'string' });
    }
    expect(zh[SOURCE_PREFIX + 'DONATION']).toBe('社会捐赠');
    expect(zh[SOURCE_PREFIX + 'WELFARE_LOTTERY']).toBe('福彩公益金');
  });

  it('colours each source, defaulting for one it does not know', () => {
    expect(new Set(FUND_SOURCES.map(sourceColor)).size).toBe(FUND_SOURCES.length);
    expect(sourceColor('SOMETHING_NEW')).toBe('default');
    expect(sourceColor('toString')).toBe('default');
    expect(sourceColor(null)).toBe('default');
  });
});

describe('reversals', () => {
  const entry = (
    id: string,
    operation: LedgerEntry['operation'],
    reversesEntryId: string | null = null,
  ): LedgerEntry => ({
    id,
    lineId: 1,
    operation,
    fromBucket: 'SOURCE',
    toBucket: 'AVAILABLE',
    amount: '10.00',
    idempotencyKey: `key-${id}-abcdef`,
    referenceType: null,
    referenceId: null,
    reversesEntryId,
    memo: null,
    actorId: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
  });

  it('offers a reversal of an entry once, and never of a reversal', () => {
    const entries = [entry('3', 'REVERSE', '1'), entry('2', 'RESERVE'), entry('1', 'ALLOCATE')];
    const reversed = reversedIds(entries);
    expect([...reversed]).toEqual(['1']);
    expect(isReversible(entries[2], reversed)).toBe(false);
    expect(isReversible(entries[1], reversed)).toBe(true);
    expect(isReversible(entries[0], reversed)).toBe(false);
  });
});

describe('budgetYear', () => {
  it('is the year in Beijing, whatever the browser’s time zone', () => {
    expect(budgetYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(budgetYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(budgetYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023]);
  });
});
