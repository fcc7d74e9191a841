import type { RegionNode } from '../../../api';
import { childLevel, indexRegions, regionLabel, toTreeNodes } from './region-tree';

const community: RegionNode = {
  id: 4,
  code: '310101001001',
  name: '东华社区',
  level: 'COMMUNITY',
  parentId: 3,
  path: '/310000/310101/310101001/310101001001',
  children: [],
};
const street: RegionNode = {
  id: 3,
  code: '310101001',
  name: '南京东路街道',
  level: 'STREET',
  parentId: 2,
  path: '/310000/310101/310101001',
  children: [community],
};
const city: RegionNode = {
  id: 1,
  code: '310000',
  name: '上海市',
  level: 'CITY',
  parentId: null,
  path: '/310000',
  children: [{ ...street, parentId: 1 }],
};

describe('region tree helpers', () => {
  it('labels regions as "name (code)"', () => {
    expect(regionLabel(city)).toBe('上海市 (310000)');
  });

  it('maps the tree to ng-zorro nodes keyed by id, leaves marked', () => {
    const [root] = toTreeNodes([city]);
    expect(root.key).toBe('1');
    expect(root.title).toBe('上海市 (310000)');
    expect(root.isLeaf).toBe(false);
    const leaf = root.children?.[0].children?.[0];
    expect(leaf?.key).toBe('4');
    expect(leaf?.isLeaf).toBe(true);
    expect(leaf?.['region']).toBe(community);
  });

  it('indexes every region by id', () => {
    const index = indexRegions([city]);
    expect([...index.keys()].sort()).toEqual(['1', '3', '4']);
    expect(index.get('4')?.name).toBe('东华社区');
  });

  it('knows which level a new child gets', () => {
    expect(childLevel('CITY')).toBe('DISTRICT');
    expect(childLevel('DISTRICT')).toBe('STREET');
    expect(childLevel('STREET')).toBe('COMMUNITY');
    expect(childLevel('COMMUNITY')).toBeNull();
  });
});
