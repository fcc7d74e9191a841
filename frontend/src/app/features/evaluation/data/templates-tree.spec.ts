import {
  addChild,
  checkTree,
  defaultGuide,
  formatCents,
  freshKey,
  moveNode,
  nodeAt,
  pathKey,
  placeProblems,
  removeNode,
  setKind,
  starterTree,
  toCents,
  treeForRequest,
  updateNode,
} from './templates-tree';
import type { IndicatorNode, IndicatorTree } from './templates.api';

const leaf = (key: string, points: string, extra: Partial<IndicatorNode> = {}): IndicatorNode => ({
  key,
  name: `指标${key}`,
  points,
  kind: 'MANUAL',
  guide: [{ label: '好', from: '0', to: points, description: '达到要求' }],
  ...extra,
});

/** The oracle: 决策 15 / 过程 25 / 产出 35 (数量 15, 质量 10, 时效 10) / 效益 25. */
const ORACLE: IndicatorTree = {
  total: '100',
  nodes: [
    { key: 'D', name: '决策', points: '15', children: [leaf('D1', '5'), leaf('D2', '5'), leaf('D3', '5')] },
    { key: 'P', name: '过程', points: '25', children: [leaf('P1', '10'), leaf('P2', '15')] },
    {
      key: 'O',
      name: '产出',
      points: '35',
      children: [
        {
          key: 'OQ',
          name: '产出数量',
          points: '15',
          children: [leaf('O1', '15', { kind: 'COMPUTED', computed: 'BENEFICIARIES_SERVED', guide: [] })],
        },
        { key: 'OL', name: '产出质量', points: '10', children: [leaf('O2', '10')] },
        {
          key: 'OT',
          name: '产出时效',
          points: '10',
          children: [leaf('O3', '10', { kind: 'COMPUTED', computed: 'MILESTONES_ON_TIME', guide: [] })],
        },
      ],
    },
    {
      key: 'E',
      name: '效益',
      points: '25',
      children: [leaf('E1', '10'), leaf('E2', '15', { kind: 'COMPUTED', computed: 'SATISFACTION', guide: [] })],
    },
  ],
};

describe('template tree: live totals', () => {
  it('reads points exactly in hundredths and writes them back as people do', () => {
    expect(toCents('12.5')).toBe(1250);
    expect(toCents('7.25')).toBe(725);
    expect(toCents(' 100 ')).toBe(10000);
    expect(toCents('0.1')).toBe(10);
    for (const bad of ['', '1.234', '-1', '1e3', 'abc', '12.']) expect(toCents(bad)).toBeNull();
    expect(formatCents(1250)).toBe('12.5');
    expect(formatCents(725)).toBe('7.25');
    expect(formatCents(-300)).toBe('-3');
    expect(formatCents(5)).toBe('0.05');
    // no float drift: 0.1 + 0.2 is 0.3
    expect(formatCents((toCents('0.1') as number) + (toCents('0.2') as number))).toBe('0.3');
  });

  it('adds up every level of a valid tree to the parent and the total: no problem', () => {
    const check = checkTree(ORACLE, 'PROJECT');
    expect(check.problems).toEqual([]);
    expect(check.total).toEqual({ declared: 10000, sum: 10000, difference: 0 });
    expect(check.nodes['nodes[2]']).toEqual({ own: 3500, children: 3500, difference: 0 });
    expect(check.nodes['nodes[2].children[0]']).toEqual({ own: 1500, children: 1500, difference: 0 });
    expect(check.nodes['nodes[0].children[0]']).toBeUndefined(); // a leaf has no children's total
  });

  it('shows a node whose children do not add up with the difference, up to the total', () => {
    const tree = updateNode(ORACLE, [2, 0, 0], (n) => ({ ...n, points: '12' }));
    const check = checkTree(tree, 'PROJECT');
    expect(check.nodes['nodes[2].children[0]']).toEqual({ own: 1500, children: 1200, difference: -300 });
    // 产出 itself still adds up: its children are 15 + 10 + 10 as written
    expect(check.nodes['nodes[2]'].difference).toBe(0);
    expect(check.problems).toEqual([
      { node: 'nodes[2].children[0]', member: 'points', code: 'POINTS_DO_NOT_ADD_UP', difference: -300 },
    ]);
    const raised = updateNode(tree, [0], (n) => ({ ...n, points: '17.5' }));
    const c2 = checkTree(raised, 'PROJECT');
    expect(c2.total).toEqual({ declared: 10000, sum: 10250, difference: 250 });
    expect(c2.problems.map((p) => [p.node, p.difference])).toEqual([
      ['nodes[0]', -250],
      ['nodes[2].children[0]', -300],
      ['total', 250],
    ]);
  });

  it('a grade assessment totals 1,000, a project 100', () => {
    expect(checkTree(ORACLE, 'ORGANISATION_GRADE').problems).toEqual([
      { node: 'total', member: '', code: 'TOTAL_NOT_FOR_PURPOSE' },
    ]);
  });

  it('finds what the server would refuse: keys, names, points, kinds, measures, guides', () => {
    let tree = updateNode(ORACLE, [0, 1], (n) => ({ ...n, key: 'D1', name: ' ' }));
    tree = updateNode(tree, [1, 0], (n) => ({ ...n, points: '10.005' }));
    tree = updateNode(tree, [3, 1], (n) => ({ ...n, computed: undefined }));
    tree = updateNode(tree, [3, 0], (n) => ({ ...n, guide: [{ label: '好', from: '0', to: '11', description: '' }] }));
    tree = updateNode(tree, [0, 2], (n) => ({ ...n, guide: [] }));
    expect(checkTree(tree, 'PROJECT').problems).toEqual([
      { node: 'nodes[0].children[1]', member: 'key', code: 'KEY_DUPLICATE' },
      { node: 'nodes[0].children[1]', member: 'name', code: 'NAME_INVALID' },
      { node: 'nodes[0].children[2]', member: 'guide', code: 'GUIDE_INVALID' },
      { node: 'nodes[1].children[0]', member: 'points', code: 'POINTS_INVALID' },
      { node: 'nodes[1]', member: 'points', code: 'POINTS_DO_NOT_ADD_UP', difference: -1000 },
      { node: 'nodes[3].children[0]', member: 'guide[0]', code: 'GUIDE_INVALID' },
      { node: 'nodes[3].children[1]', member: 'computed', code: 'COMPUTED_INVALID' },
    ]);
    expect(checkTree({ total: '100', nodes: [] }, 'PROJECT').problems).toEqual([
      { node: 'nodes', member: '', code: 'EMPTY' },
    ]);
  });
});

describe('template tree: edits', () => {
  it('names nodes as the server does', () => {
    expect(pathKey([2, 0, 1])).toBe('nodes[2].children[0].children[1]');
    expect(nodeAt(ORACLE, [2, 0, 0]).key).toBe('O1');
  });

  it('adds a child: a leaf becomes an inner node and its first child starts with its points', () => {
    const added = addChild(ORACLE, [3, 0]);
    expect(added?.path).toEqual([3, 0, 0]);
    const parent = nodeAt(added!.tree, [3, 0]);
    expect(parent).toEqual({
      key: 'E1',
      name: '指标E1',
      points: '10',
      children: [{ key: 'E11', name: '', points: '10', kind: 'MANUAL', guide: [] }],
    });
    // the sums still agree; only the new leaf's name and guide are to write
    expect(checkTree(added!.tree, 'PROJECT').problems.map((p) => [p.node, p.member, p.code])).toEqual([
      ['nodes[3].children[0].children[0]', 'name', 'NAME_INVALID'],
      ['nodes[3].children[0].children[0]', 'guide', 'GUIDE_INVALID'],
    ]);
    const second = addChild(added!.tree, [3, 0]);
    expect(nodeAt(second!.tree, [3, 0, 1])).toMatchObject({ key: 'E12', points: '' });
  });

  it('adds a top-level indicator with the next free letter, never a fourth level', () => {
    const added = addChild(ORACLE, []);
    expect(added?.path).toEqual([4]);
    expect(nodeAt(added!.tree, [4]).key).toBe('A');
    expect(addChild(ORACLE, [2, 0, 0])).toBeNull();
    expect(freshKey(ORACLE, 'D')).toBe('D4');
  });

  it('removes a node; a parent left without children becomes a manual leaf', () => {
    const without = removeNode(ORACLE, [2, 1, 0]);
    expect(nodeAt(without, [2, 1])).toEqual({ key: 'OL', name: '产出质量', points: '10', kind: 'MANUAL', guide: [] });
    const fewer = removeNode(ORACLE, [0, 0]);
    expect(nodeAt(fewer, [0]).children?.map((c) => c.key)).toEqual(['D2', 'D3']);
    expect(checkTree(fewer, 'PROJECT').nodes['nodes[0]'].difference).toBe(-500);
  });

  it('reorders siblings, and leaves the tree as it is at either end', () => {
    const down = moveNode(ORACLE, [0, 0], 1);
    expect(nodeAt(down, [0]).children?.map((c) => c.key)).toEqual(['D2', 'D1', 'D3']);
    expect(moveNode(ORACLE, [0, 0], -1)).toEqual(ORACLE);
    expect(moveNode(ORACLE, [3], 1)).toEqual(ORACLE);
    expect(moveNode(ORACLE, [3], -1).nodes.map((n) => n.key)).toEqual(['D', 'P', 'E', 'O']);
    expect(ORACLE.nodes.map((n) => n.key)).toEqual(['D', 'P', 'O', 'E']); // never changed in place
  });

  it('switches a leaf between manual and computed', () => {
    const computed = setKind(leaf('X', '5'), 'COMPUTED');
    expect(computed).toMatchObject({ kind: 'COMPUTED' });
    expect('computed' in computed && computed.computed).toBeFalsy();
    const back = setKind({ ...computed, computed: 'FUNDS_PAID' }, 'MANUAL');
    expect(back.kind).toBe('MANUAL');
    expect('computed' in back).toBe(false);
  });

  it('writes a four-level guide over the leaf’s points', () => {
    expect(defaultGuide('3', ['优', '良', '中', '差'])).toEqual([
      { label: '优', from: '2.4', to: '3', description: '' },
      { label: '良', from: '1.8', to: '2.39', description: '' },
      { label: '中', from: '0.9', to: '1.79', description: '' },
      { label: '差', from: '0', to: '0.89', description: '' },
    ]);
    expect(defaultGuide('', ['优'])).toEqual([]);
  });

  it('sends the tree trimmed, without empty hints nor a manual leaf’s measure', () => {
    const tree: IndicatorTree = {
      total: '100 ',
      nodes: [
        {
          key: 'A',
          name: ' 决策 ',
          points: '100',
          children: [{ ...leaf('A1', '100'), evidenceHint: '  ', computed: 'FUNDS_PAID' }],
        },
      ],
    };
    expect(treeForRequest(tree)).toEqual({
      total: '100',
      nodes: [{ key: 'A', name: '决策', points: '100', children: [leaf('A1', '100')] }],
    });
  });

  it('starts a new template empty or on the 决策 / 过程 / 产出 / 效益 frame', () => {
    expect(starterTree('PROJECT', null)).toEqual({ total: '100', nodes: [] });
    const frame = starterTree(
      'ORGANISATION_GRADE',
      [
        { name: '决策', share: 15 },
        { name: '过程', share: 25 },
        { name: '产出', share: 35 },
        { name: '效益', share: 25 },
      ],
      '待细化指标',
    );
    expect(frame.nodes.map((n) => [n.key, n.name, n.points, n.children?.[0].points])).toEqual([
      ['A', '决策', '150', '150'],
      ['B', '过程', '250', '250'],
      ['C', '产出', '350', '350'],
      ['D', '效益', '250', '250'],
    ]);
    expect(
      checkTree(frame, 'ORGANISATION_GRADE').problems.every((p) => ['NAME_INVALID', 'GUIDE_INVALID'].includes(p.code)),
    ).toBe(true);
  });
});

describe('template tree: the server’s errors beside the nodes', () => {
  it('places each error on the node its path names', () => {
    expect(
      placeProblems([
        { field: 'tree.nodes[2].children[0].points', code: 'POINTS_DO_NOT_ADD_UP', message: 'a' },
        { field: 'tree.nodes[2].children[0].children[1].guide[0]', code: 'GUIDE_INVALID', message: 'b' },
        { field: 'tree.nodes[1].children[1].key', code: 'KEY_DUPLICATE', message: 'c' },
        { field: 'tree.total', code: 'POINTS_DO_NOT_ADD_UP', message: 'd' },
        { field: 'tree.nodes[0]', code: 'TOO_DEEP', message: 'e' },
      ]),
    ).toEqual({
      'nodes[2].children[0]': [
        { node: 'nodes[2].children[0]', member: 'points', code: 'POINTS_DO_NOT_ADD_UP', message: 'a' },
      ],
      'nodes[2].children[0].children[1]': [
        { node: 'nodes[2].children[0].children[1]', member: 'guide[0]', code: 'GUIDE_INVALID', message: 'b' },
      ],
      'nodes[1].children[1]': [{ node: 'nodes[1].children[1]', member: 'key', code: 'KEY_DUPLICATE', message: 'c' }],
      total: [{ node: 'total', member: '', code: 'POINTS_DO_NOT_ADD_UP', message: 'd' }],
      'nodes[0]': [{ node: 'nodes[0]', member: '', code: 'TOO_DEEP', message: 'e' }],
    });
  });
});
