import { FormGroup } from '@angular/forms';

import type { AttributeDef } from '../../../api';
import {
  attributeControls,
  attributeInput,
  AttributeRow,
  describeAttributes,
  emptyAttributeRow,
  normaliseTimeWindow,
  rowsToSchema,
  schemaToRows,
  splitOptions,
  toAttributeValues,
} from './attribute-schema';

const SCHEMA: AttributeDef[] = [
  { key: 'diet', label: '饮食要求', type: 'enum', options: ['普通', '低盐', '低糖'], required: true },
  { key: 'mealsPerWeek', label: '每周用餐次数', type: 'int', min: 1, max: 14, required: true },
  { key: 'note', label: '其他说明', type: 'text', required: false },
  { key: 'window', label: '服务时段', type: 'timeWindow', required: true },
  {
    key: 'district',
    label: '片区',
    type: 'enum',
    options: ['一片', '二片', '三片', '四片', '五片'],
    required: false,
  },
];

function group(values: Record<string, unknown> = {}): FormGroup {
  return new FormGroup(attributeControls(SCHEMA, values));
}

describe('attribute schema → form controls', () => {
  it('makes one control per attribute, keyed by the attribute key', () => {
    expect(Object.keys(attributeControls(SCHEMA))).toEqual(['diet', 'mealsPerWeek', 'note', 'window', 'district']);
    expect(group({ mealsPerWeek: 5, diet: '低盐', unknown: 'x' }).getRawValue()).toEqual({
      diet: '低盐',
      mealsPerWeek: 5,
      note: null,
      window: null,
      district: null,
    });
  });

  it('asks for few enum options with radio buttons, many with a select', () => {
    expect(SCHEMA.map(attributeInput)).toEqual(['radio', 'number', 'text', 'timeWindow', 'select']);
  });

  it('requires what the schema requires, and nothing else', () => {
    const form = group();
    expect(form.controls['diet'].hasError('required')).toBe(true);
    expect(form.controls['mealsPerWeek'].hasError('required')).toBe(true);
    expect(form.controls['window'].hasError('required')).toBe(true);
    expect(form.controls['note'].valid).toBe(true);
    expect(form.controls['district'].valid).toBe(true);
  });

  it('checks int bounds and whole numbers', () => {
    const meals = group().controls['mealsPerWeek'];
    meals.setValue(0);
    expect(meals.errors).toEqual({ min: { min: 1, actual: 0 } });
    meals.setValue(15);
    expect(meals.errors).toEqual({ max: { max: 14, actual: 15 } });
    meals.setValue(2.5);
    expect(meals.errors).toEqual({ integer: true });
    meals.setValue('7');
    expect(meals.valid).toBe(true);
    meals.setValue(14);
    expect(meals.valid).toBe(true);
  });

  it('accepts only the listed enum options', () => {
    const diet = group().controls['diet'];
    diet.setValue('低盐');
    expect(diet.valid).toBe(true);
    diet.setValue('随便');
    expect(diet.hasError('oneOf')).toBe(true);
  });

  it('wants a time window to end with its hours, in the ways people write them', () => {
    const window = group().controls['window'];
    for (const ok of ['每周一至周五 11:00-12:30', '周末 8:00～10:00', '每天9:00至11:00', '每周三 14：00—16：00 ']) {
      window.setValue(ok);
      expect({ ok, valid: window.valid }).toEqual({ ok, valid: true });
    }
    for (const bad of [
      '上午',
      '每周一',
      '11点到12点',
      '11:00-12:30 每周一',
      '每天 11:00-24:00',
      `${'很'.repeat(41)}11:00-12:30`,
    ]) {
      window.setValue(bad);
      expect({ bad, error: window.hasError('timeWindow') }).toEqual({ bad, error: true });
    }
  });

  it('writes time windows the way the API takes them', () => {
    expect(normaliseTimeWindow('每天9:00至11:00')).toBe('每天09:00-11:00');
    expect(normaliseTimeWindow(' 每周三  14：00 — 16：30 ')).toBe('每周三 14:00-16:30');
    expect(normaliseTimeWindow('每周一至周五 11:00-12:30')).toBe('每周一至周五 11:00-12:30');
  });

  it('limits free text length', () => {
    const note = group().controls['note'];
    note.setValue('字'.repeat(201));
    expect(note.hasError('maxlength')).toBe(true);
  });
});

describe('form values → request attributes', () => {
  it('sends ints as numbers, trims texts, leaves out empty optional attributes and unknown keys', () => {
    expect(
      toAttributeValues(SCHEMA, {
        diet: '低盐',
        mealsPerWeek: '5',
        note: '  ',
        window: ' 每周一至周五 11:00～12:30 ',
        district: null,
        extra: 'dropped',
      }),
    ).toEqual({ diet: '低盐', mealsPerWeek: 5, window: '每周一至周五 11:00-12:30' });
  });

  it('describes a need’s attributes with the schema’s labels, unknown keys last', () => {
    expect(describeAttributes(SCHEMA, { legacy: 'x', mealsPerWeek: 5, diet: '低盐' })).toEqual([
      { key: 'diet', label: '饮食要求', value: '低盐' },
      { key: 'mealsPerWeek', label: '每周用餐次数', value: '5' },
      { key: 'legacy', label: 'legacy', value: 'x' },
    ]);
    expect(describeAttributes(SCHEMA, null)).toEqual([]);
  });
});

describe('attribute-schema editor rows', () => {
  const row = (over: Partial<AttributeRow>): AttributeRow => ({ ...emptyAttributeRow(), ...over });

  it('round-trips a schema', () => {
    const rows = schemaToRows(SCHEMA);
    expect(rows[0].options).toBe('普通、低盐、低糖');
    expect(rowsToSchema(rows)).toEqual({ schema: SCHEMA.map((d) => ({ ...d })), errors: [] });
  });

  it('splits options on commas, 、, semicolons and new lines, without duplicates', () => {
    expect(splitOptions('普通, 低盐，低糖、低盐\n软食;流食')).toEqual(['普通', '低盐', '低糖', '软食', '流食']);
  });

  it('reports each problem with its row', () => {
    const { errors } = rowsToSchema(
      [
        row({ key: 'Bad_key', label: 'x' }),
        row({ key: 'dup', label: 'a' }),
        row({ key: 'dup', label: '' }),
        row({ key: 'choice', label: 'c', type: 'enum', options: '只有一个, ' }),
        row({ key: 'count', label: 'n', type: 'int', min: 5, max: 1 }),
        row({ key: 'frequency', label: 'f' }),
        row({ key: 'long', label: 'l', type: 'enum', options: `短,${'长'.repeat(33)}` }),
      ],
      ['frequency'],
    );
    expect(errors).toEqual([
      { row: 1, problem: 'keyInvalid' },
      { row: 3, problem: 'keyDuplicate' },
      { row: 3, problem: 'labelRequired' },
      { row: 4, problem: 'optionsRequired' },
      { row: 5, problem: 'minAboveMax' },
      { row: 6, problem: 'keyInherited' },
      { row: 7, problem: 'optionTooLong' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => row({ key: `k${i}`, label: 'x' }));
    expect(rowsToSchema(many).errors).toEqual([{ row: 21, problem: 'tooMany' }]);
  });

  it('keeps only the fields a type uses', () => {
    const { schema } = rowsToSchema([row({ key: 'note', label: '说明', options: 'a,b', min: 1, max: 2 })]);
    expect(schema).toEqual([{ key: 'note', label: '说明', type: 'text', required: false }]);
  });
});
