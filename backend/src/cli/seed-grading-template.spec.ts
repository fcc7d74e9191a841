import { leavesOf, validateTree } from '../modules/evaluation/domain/indicator-tree';
import { GRADE_TEMPLATE_TREE } from './seed-grading-template';

describe('the seeded 1,000-point grade template (等级评估指标)', () => {
  it('is a valid tree: three levels, points adding up at every level to 1000', () => {
    expect(validateTree(GRADE_TEMPLATE_TREE)).toEqual([]);
    expect(GRADE_TEMPLATE_TREE.total).toBe('1000');
  });

  it('has the four national areas with their weights: 基础条件 80, 内部治理 370, 工作绩效 420, 社会评价 130', () => {
    expect(GRADE_TEMPLATE_TREE.nodes.map((n) => [n.name, n.points])).toEqual([
      ['基础条件', '80'],
      ['内部治理', '370'],
      ['工作绩效', '420'],
      ['社会评价', '130'],
    ]);
  });

  it('scores every item by hand, with a four-level guide and the evidence to collect', () => {
    const leaves = leavesOf(GRADE_TEMPLATE_TREE);
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    for (const { node, trail } of leaves) {
      expect(trail).toHaveLength(2); // area → indicator → item
      expect(node.kind).toBe('MANUAL');
      expect(node.guide?.map((g) => g.label)).toEqual(['好', '较好', '一般', '差']);
      expect(node.guide?.[0].to).toBe(node.points);
      expect(node.evidenceHint?.length).toBeGreaterThan(2);
    }
  });
});
