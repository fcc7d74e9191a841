import { mostSimilar, similarity } from './similarity';

describe('similar needs', () => {
  it('scores identical titles 1 and unrelated ones 0', () => {
    expect(similarity('老年助餐点', '老年助餐点')).toBe(1);
    expect(similarity('老年助餐点', '儿童托管')).toBe(0);
  });

  it('finds near-duplicates among Chinese titles, ignoring punctuation', () => {
    const found = mostSimilar('社区老年人助餐服务', [
      { id: 1, title: '老年人助餐服务点' },
      { id: 2, title: '四点半课堂' },
      { id: 3, title: '为社区老年人提供助餐！' },
    ]);
    expect(found.map((f) => f.id)).toEqual([1, 3]);
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });
});
