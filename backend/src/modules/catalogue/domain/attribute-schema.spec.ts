import { AttributeField, checkSchema, checkValues, effectiveSchema } from './attribute-schema';

const meal: AttributeField[] = [
  { key: 'targetGroup', label: '服务对象', type: 'enum', required: true, options: ['独居老人', '高龄老人', '残疾人'] },
  { key: 'headcount', label: '预计人数', type: 'int', required: true, min: 1, max: 5000 },
  { key: 'timeWindow', label: '服务时段', type: 'timeWindow', required: false },
  { key: 'place', label: '服务地点', type: 'text', required: false },
];

describe('attribute schema', () => {
  it('accepts valid values', () => {
    expect(
      checkValues(meal, { targetGroup: '独居老人', headcount: 40, timeWindow: '每周一至周五 11:00-12:30' }),
    ).toEqual([]);
  });

  it('reports missing, out-of-range, wrong-type and unknown values with field paths', () => {
    expect(checkValues(meal, { headcount: 0, timeWindow: '中午', colour: 'red' }).map((p) => p.field)).toEqual([
      'attributes.colour',
      'attributes.targetGroup',
      'attributes.headcount',
      'attributes.timeWindow',
    ]);
    expect(checkValues(meal, { targetGroup: '儿童', headcount: 2.5 }).map((p) => p.field)).toEqual([
      'attributes.targetGroup',
      'attributes.headcount',
    ]);
  });

  it('checks schemas written by officers', () => {
    expect(checkSchema(meal)).toEqual([]);
    expect(checkSchema([{ key: 'Bad Key', label: '', type: 'enum', required: true, options: ['a'] }])).toHaveLength(3);
    expect(checkSchema([...meal, meal[0]])).toEqual(['attributeSchema[4].key targetGroup is repeated']);
  });

  it('inherits ancestors’ fields, the nearest definition winning', () => {
    const top: AttributeField[] = [{ key: 'headcount', label: '人数', type: 'int', required: false }];
    const leaf: AttributeField[] = [
      { key: 'headcount', label: '预计人数', type: 'int', required: true, min: 1 },
      meal[0],
    ];
    expect(effectiveSchema([top, leaf]).map((f) => `${f.key}:${f.label}`)).toEqual([
      'headcount:预计人数',
      'targetGroup:服务对象',
    ]);
  });
});
