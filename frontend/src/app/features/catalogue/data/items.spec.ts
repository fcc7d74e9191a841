import type { CatalogueItem } from '../../../api';
import {
  formatSchedule,
  gradeLabel,
  isScheduleValid,
  ItemFormValue,
  scheduleTotal,
  toItemPatch,
  toItemRequest,
} from './items';

const value: ItemFormValue = {
  categoryId: '7',
  code: 'A010101',
  name: ' 老年助餐（堂食） ',
  serviceStandard: '每餐一荤两素一汤',
  unit: '人次',
  priceCap: '15.5',
  minOrgGrade: 3,
  paymentSchedule: [
    { label: '预付款', percent: 30 },
    { label: ' 尾款 ', percent: 70 },
  ],
  defaultTemplateId: null,
};

describe('catalogue items', () => {
  it('writes grades and schedules the way officers read them', () => {
    expect(gradeLabel(3)).toBe('3A');
    expect(
      formatSchedule([
        { label: '预付款', percent: 30 },
        { label: '尾款', percent: 70 },
      ]),
    ).toBe('预付款 30% · 尾款 70%');
  });

  it('wants whole percentages adding up to exactly 100', () => {
    expect(isScheduleValid(value.paymentSchedule)).toBe(true);
    expect(scheduleTotal([{ percent: 30 }, { percent: 60 }])).toBe(90);
    expect(
      isScheduleValid([
        { label: 'a', percent: 30 },
        { label: 'b', percent: 60 },
      ]),
    ).toBe(false);
    expect(
      isScheduleValid([
        { label: 'a', percent: 50.5 },
        { label: 'b', percent: 49.5 },
      ]),
    ).toBe(false);
    expect(isScheduleValid([{ label: '', percent: 100 }])).toBe(false);
    expect(isScheduleValid([{ label: 'a', percent: null }])).toBe(false);
    expect(isScheduleValid([])).toBe(false);
  });

  it('sends the price as yuan with two decimals, never a number', () => {
    const body = toItemRequest(value);
    expect(body).toEqual({
      categoryId: 7,
      code: 'A010101',
      name: '老年助餐（堂食）',
      serviceStandard: '每餐一荤两素一汤',
      unit: '人次',
      priceCap: '15.50',
      minOrgGrade: 3,
      paymentSchedule: [
        { label: '预付款', percent: 30 },
        { label: '尾款', percent: 70 },
      ],
    });
    expect(toItemRequest({ ...value, priceCap: '15.555' })).toBeNull();
  });

  it('patches only what changed', () => {
    const before: CatalogueItem = {
      id: 1,
      categoryId: 7,
      code: 'A010101',
      name: '老年助餐（堂食）',
      serviceStandard: '每餐一荤两素一汤',
      unit: '人次',
      priceCap: '15.50',
      minOrgGrade: 3,
      paymentSchedule: [
        { label: '预付款', percent: 30 },
        { label: '尾款', percent: 70 },
      ],
      defaultTemplateId: null,
      defaultTemplate: null,
    };
    expect(toItemPatch(value, before)).toEqual({});
    expect(toItemPatch({ ...value, priceCap: '16', minOrgGrade: 4 }, before)).toEqual({
      priceCap: '16.00',
      minOrgGrade: 4,
    });
  });

  it('names the default indicator template, and clears it with null', () => {
    expect(toItemRequest({ ...value, defaultTemplateId: 12 })).toMatchObject({ defaultTemplateId: 12 });
    expect(toItemRequest(value)).not.toHaveProperty('defaultTemplateId');
    const before = { ...(toItemRequest(value) as CatalogueItem), id: 1, defaultTemplateId: 12, defaultTemplate: null };
    expect(toItemPatch({ ...value, defaultTemplateId: 12 }, before)).toEqual({});
    expect(toItemPatch({ ...value, defaultTemplateId: 15 }, before)).toEqual({ defaultTemplateId: 15 });
    expect(toItemPatch(value, before)).toEqual({ defaultTemplateId: null });
  });
});
