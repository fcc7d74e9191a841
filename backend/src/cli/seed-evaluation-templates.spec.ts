import { COMPUTED_INDICATORS, leavesOf, MAX_DEPTH, validateTree } from '../modules/evaluation/domain/indicator-tree';
import { summariseTree, templateProblems } from '../modules/evaluation/domain/template-rules';
import { DEMO_CATALOGUE } from './seed-catalogue';
import { SEED_TEMPLATES } from './seed-evaluation-templates';

describe('the seeded indicator templates', () => {
  it.each(SEED_TEMPLATES.map((t) => [t.code, t] as const))('%s is a valid project tree of 100 points', (_code, t) => {
    expect(validateTree(t.tree)).toEqual([]);
    expect(templateProblems(t.tree, 'PROJECT')).toEqual([]);
    expect(t.tree.total).toBe('100');
    expect(summariseTree(t.tree).levels[0]).toEqual(expect.objectContaining({ depth: 1, points: '100' }));
  });

  it.each(SEED_TEMPLATES.map((t) => [t.code, t] as const))(
    '%s is 决策 / 过程 / 产出 / 效益, three levels deep, every leaf with a guide of 3–4 described levels',
    (_code, t) => {
      expect(t.tree.nodes.map((n) => n.name)).toEqual(['决策', '过程', '产出', '效益']);
      const s = summariseTree(t.tree);
      expect(s.levels.map((l) => l.depth)).toEqual([1, 2, 3].slice(0, MAX_DEPTH));
      for (const { node } of leavesOf(t.tree)) {
        expect(node.guide?.length).toBeGreaterThanOrEqual(3);
        expect(node.guide?.length).toBeLessThanOrEqual(4);
        for (const g of node.guide ?? []) expect(g.description.length).toBeGreaterThan(4);
        expect(node.evidenceHint).toBeTruthy();
      }
      expect(t.tree.nodes[2].children?.map((c) => c.name)).toEqual(['产出数量', '产出质量', '产出时效', '产出成本']);
      expect(t.tree.nodes[3].children?.map((c) => c.name)).toEqual(['社会效益', '可持续影响', '服务对象满意度']);
    },
  );

  it('uses every computed indicator where it makes sense: service hours everywhere but 社区治理', () => {
    const computedOf = (code: string) =>
      summariseTree(SEED_TEMPLATES.find((t) => t.code === code)!.tree)
        .computedLeaves.map((c) => c.computed)
        .sort();
    for (const code of ['XM-JJYL', 'XM-ETGA', 'XM-TY'])
      expect(computedOf(code)).toEqual([...COMPUTED_INDICATORS].sort());
    expect(computedOf('XM-SQZL')).toEqual(COMPUTED_INDICATORS.filter((c) => c !== 'SERVICE_HOURS').sort());
  });

  it('covers 居家养老, 儿童关爱 and 社区治理 of the seeded catalogue, and a general template for the rest', () => {
    const names = new Map(DEMO_CATALOGUE.map((c) => [c.code, c.name]));
    const covered = SEED_TEMPLATES.flatMap((t) => t.categories ?? []);
    expect(covered.map((c) => names.get(c))).toEqual(['养老服务', '儿童关爱', '社区治理']);
    expect(DEMO_CATALOGUE.find((c) => c.code === 'A')?.children?.map((c) => c.name)).toContain('居家养老');
    expect(SEED_TEMPLATES.filter((t) => t.categories === null)).toHaveLength(1);
    expect(new Set(SEED_TEMPLATES.map((t) => t.code)).size).toBe(SEED_TEMPLATES.length);
  });
});
