import type { CategoryNode } from '../../../api';
import { categoryPath, categoryTreeNodes, indexCategories } from './category-tree';

const leaf: CategoryNode = {
  id: 3,
  parentId: 2,
  code: 'A0101',
  name: '助餐',
  attributeSchema: null,
  attributes: [],
  items: [],
  children: [],
};
const middle: CategoryNode = { ...leaf, id: 2, parentId: 1, code: 'A01', name: '居家养老', children: [leaf] };
const root: CategoryNode = { ...leaf, id: 1, parentId: null, code: 'A', name: '养老服务', children: [middle] };

describe('category tree helpers', () => {
  it('names a category by its path', () => {
    const index = indexCategories([root]);
    expect([...index.keys()]).toEqual([1, 2, 3]);
    expect(categoryPath(index, 3)).toBe('养老服务 › 居家养老 › 助餐');
    expect(categoryPath(index, 99)).toBe('');
    expect(categoryPath(index, null)).toBe('');
  });

  it('lets only leaves be chosen when asked', () => {
    const [top] = categoryTreeNodes([root], true);
    expect(top.selectable).toBe(false);
    const chosen = top.children?.[0].children?.[0];
    expect(chosen?.key).toBe('3');
    expect(chosen?.selectable).toBe(true);
    expect(chosen?.isLeaf).toBe(true);
    expect(categoryTreeNodes([root])[0].selectable).toBe(true);
  });
});
