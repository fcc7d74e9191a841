import type { IndicatorNode, IndicatorTree } from './indicator-tree';
import {
  canonicalTree,
  checkTemplateTransition,
  splitProblems,
  summariseTree,
  templateProblems,
  toleratedInDraft,
} from './template-rules';

const manual = (key: string, points: string): IndicatorNode => ({
  key,
  name: `指标${key}`,
  points,
  kind: 'MANUAL',
  guide: [{ label: '好', from: '0', to: points, description: '达到要求' }],
});

const TREE: IndicatorTree = {
  total: '100',
  nodes: [
    { key: 'D', name: '决策', points: '15', children: [manual('D1', '7.5'), manual('D2', '7.5')] },
    {
      key: 'O',
      name: '产出',
      points: '60',
      children: [
        {
          key: 'OQ',
          name: '产出数量',
          points: '40',
          children: [
            { key: 'O1', name: '服务对象覆盖率', points: '25', kind: 'COMPUTED', computed: 'BENEFICIARIES_SERVED' },
            manual('O2', '15'),
          ],
        },
        { key: 'OT', name: '产出时效', points: '20', children: [manual('O3', '20')] },
      ],
    },
    {
      key: 'E',
      name: '效益',
      points: '25',
      children: [{ key: 'E1', name: '满意度', points: '25', kind: 'COMPUTED', computed: 'SATISFACTION' }],
    },
  ],
};

describe('template rules', () => {
  it('a valid project tree has no problem', () => {
    expect(templateProblems(TREE, 'PROJECT')).toEqual([]);
  });

  it('a project template totals 100 and a grade assessment 1,000', () => {
    expect(templateProblems(TREE, 'ORGANISATION_GRADE')).toEqual([
      expect.objectContaining({ path: 'total', code: 'TOTAL_NOT_FOR_PURPOSE' }),
    ]);
  });

  it('points that do not add up are problems a draft is saved with, and they name the node', () => {
    const tree = structuredClone(TREE);
    tree.nodes[1].children![0].children![1].points = '10';
    tree.nodes[0].points = '20';
    const problems = templateProblems(tree, 'PROJECT');
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['nodes[0].points', 'POINTS_DO_NOT_ADD_UP'],
      // the guide of the leaf still goes up to 15
      ['nodes[1].children[0].children[1].guide[0]', 'GUIDE_INVALID'],
      ['nodes[1].children[0].points', 'POINTS_DO_NOT_ADD_UP'],
      ['total', 'POINTS_DO_NOT_ADD_UP'],
    ]);
    expect(splitProblems(problems).blocking).toEqual([]);
    expect(splitProblems(problems).pending).toHaveLength(4);
  });

  it('an empty tree, a leaf at 0 points, a manual leaf without guide, a computed one without measure are pending', () => {
    expect(splitProblems(templateProblems({ total: '100', nodes: [] }, 'PROJECT')).blocking).toEqual([]);
    const tree = structuredClone(TREE);
    delete tree.nodes[0].children![0].guide;
    tree.nodes[0].children![1].points = '0';
    delete tree.nodes[2].children![0].computed;
    const { blocking, pending } = splitProblems(templateProblems(tree, 'PROJECT'));
    expect(blocking).toEqual([]);
    expect(pending.map((p) => [p.path, p.code])).toEqual([
      ['nodes[0].children[0].guide', 'GUIDE_INVALID'],
      ['nodes[0].children[1].points', 'POINTS_INVALID'],
      ['nodes[0].children[1].guide[0]', 'GUIDE_INVALID'],
      ['nodes[2].children[0].computed', 'COMPUTED_INVALID'],
    ]);
  });

  it('a duplicate key, a fourth level, a nameless node or a leaf without kind refuse even a draft', () => {
    const tree = structuredClone(TREE);
    tree.nodes[0].children![1].key = 'D1';
    tree.nodes[1].children![1].children![0] = {
      key: 'O3',
      name: '第四层',
      points: '20',
      children: [manual('O31', '20')],
    };
    tree.nodes[2].children![0] = { key: 'E1', name: '满意度', points: '25' };
    tree.nodes[0].children![0].name = ' ';
    const { blocking } = splitProblems(templateProblems(tree, 'PROJECT'));
    expect(blocking.map((p) => [p.path, p.code])).toEqual([
      ['nodes[0].children[0].name', 'NAME_INVALID'],
      ['nodes[0].children[1].key', 'KEY_DUPLICATE'],
      ['nodes[1].children[1].children[0].children[0]', 'TOO_DEEP'],
      ['nodes[2].children[0].kind', 'LEAF_KIND_INVALID'],
    ]);
  });

  it('a total other than the purpose’s refuses even a draft', () => {
    const problems = templateProblems({ ...TREE, total: '90' }, 'PROJECT');
    expect(problems.filter((p) => !toleratedInDraft(p)).map((p) => p.code)).toEqual(['TOTAL_NOT_FOR_PURPOSE']);
  });

  it('summarises the points per level, the leaves and the computed leaves', () => {
    expect(summariseTree(TREE)).toEqual({
      total: '100',
      levels: [
        { depth: 1, nodes: 3, leaves: 0, points: '100' },
        { depth: 2, nodes: 5, leaves: 3, points: '100' },
        { depth: 3, nodes: 3, leaves: 3, points: '60' },
      ],
      branches: [
        { key: 'D', name: '决策', points: '15', leaves: 2 },
        { key: 'O', name: '产出', points: '60', leaves: 3 },
        { key: 'E', name: '效益', points: '25', leaves: 1 },
      ],
      leafCount: 6,
      manualLeaves: 4,
      computedLeaves: [
        { key: 'O1', name: '服务对象覆盖率', points: '25', computed: 'BENEFICIARIES_SERVED' },
        { key: 'E1', name: '满意度', points: '25', computed: 'SATISFACTION' },
      ],
      computedPoints: '50',
    });
  });

  it('stores only the fields of the format, children replacing a former leaf’s kind and guide', () => {
    const tree = {
      total: '100',
      nodes: [
        {
          key: 'A',
          name: '决策',
          points: '100',
          kind: 'MANUAL',
          guide: [],
          extra: 1,
          children: [{ ...manual('A1', '100'), evidenceHint: '', computed: undefined }],
        },
      ],
    } as unknown as IndicatorTree;
    expect(canonicalTree(tree)).toEqual({
      total: '100',
      nodes: [{ key: 'A', name: '决策', points: '100', children: [manual('A1', '100')] }],
    });
  });

  it('moves DRAFT → ACTIVE → RETIRED, by the officer only, never back', () => {
    expect(checkTemplateTransition('DRAFT', 'ACTIVE', ['PROCUREMENT_OFFICER'])).toBeNull();
    expect(checkTemplateTransition('ACTIVE', 'RETIRED', ['PROCUREMENT_OFFICER'])).toBeNull();
    expect(checkTemplateTransition('DRAFT', 'RETIRED', ['PROCUREMENT_OFFICER'])).toMatch(/cannot go/);
    expect(checkTemplateTransition('RETIRED', 'ACTIVE', ['PROCUREMENT_OFFICER'])).toMatch(/cannot go/);
    expect(checkTemplateTransition('ACTIVE', 'DRAFT', ['PROCUREMENT_OFFICER'])).toMatch(/cannot go/);
    expect(checkTemplateTransition('DRAFT', 'ACTIVE', ['EVALUATOR'])).toMatch(/Only/);
  });
});
