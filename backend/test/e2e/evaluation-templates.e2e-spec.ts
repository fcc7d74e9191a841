import { randomUUID } from 'node:crypto';

import type { IndicatorNode, IndicatorTree } from '../../src/modules/evaluation/domain/indicator-tree';
import type { TemplateDto } from '../../src/modules/evaluation/dto/templates.dto';
import { TemplateLookup } from '../../src/modules/evaluation/services/template-lookup';
import { ORACLE_TREE } from '../factories/evaluation.factory';
import { publishedVersionId } from '../factories/needs.factory';
import { activeLineId } from '../factories/procurement.factory';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/**
 * 指标体系 over HTTP (issue #11 item 1): drafts whose weights do not add up are saved with their problems and
 * refused activation (422 with the paths of the nodes), malformed trees are refused even as drafts, activation
 * rules (100 / 1,000 points), a frozen template never changes but is copied into a new version, readers and
 * writers, every change in the audit trail, and the catalogue's default template round trip.
 */
describe('指标体系: indicator templates', () => {
  let t: TestApp;
  const as: Record<string, string> = {};
  const code = () => `T-${randomUUID().slice(0, 8).toUpperCase()}`;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['officer', 'xw_officer', 'finance', 'auditor', 'evaluator', 'orgmember', 'resident', 'worker'])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  const get = (path: string, who = 'officer') => t.http().get(`/api/v1${path}`).set('Authorization', as[who]);
  const post = (path: string, body: unknown = {}, who = 'officer') =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set('Authorization', as[who])
      .send(body as object);
  const put = (path: string, body: unknown, who = 'officer') =>
    t
      .http()
      .put(`/api/v1${path}`)
      .set('Authorization', as[who])
      .send(body as object);
  const patch = (path: string, body: unknown, who = 'officer') =>
    t
      .http()
      .patch(`/api/v1${path}`)
      .set('Authorization', as[who])
      .send(body as object);

  /** The oracle tree with 产出数量's only leaf at 12 of its 15 points: 产出数量 and the total do not add up. */
  const unbalanced = (): IndicatorTree => {
    const tree = structuredClone(ORACLE_TREE);
    tree.nodes[2].children![0].children![0].points = '12';
    return tree;
  };

  /** The oracle tree scaled to a grade assessment's 1,000 points (every node, guide level and the total × 10). */
  const thousandPoints = (): IndicatorTree => {
    const tree = structuredClone(ORACLE_TREE);
    const times10 = (x: string) => String(Number(x) * 10);
    const scale = (n: IndicatorNode) => {
      n.points = times10(n.points);
      for (const g of n.guide ?? []) Object.assign(g, { from: times10(g.from), to: times10(g.to) });
      (n.children ?? []).forEach(scale);
    };
    tree.nodes.forEach(scale);
    tree.total = '1000';
    return tree;
  };

  async function draft(tree: IndicatorTree = ORACLE_TREE, purpose = 'PROJECT'): Promise<TemplateDto> {
    const res = await post('/evaluation/templates', { code: code(), name: '测试指标体系', purpose, tree });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function active(tree: IndicatorTree = ORACLE_TREE): Promise<TemplateDto> {
    const d = await draft(tree);
    const res = await post(`/evaluation/templates/${d.id}/activate`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function auditActions(id: number): Promise<string[]> {
    const rows = (await t.ds.query(
      "SELECT action FROM audit_events WHERE entity_type = 'evaluation_template' AND entity_id = ? ORDER BY seq",
      [String(id)],
    )) as Array<{ action: string }>;
    return rows.map((r) => r.action);
  }

  describe('drafts and activation', () => {
    it('saves a draft whose weights do not add up, shows where, and refuses to activate it (422 with the paths)', async () => {
      const d = await draft(unbalanced());
      expect(d).toMatchObject({ status: 'DRAFT', version: 1, totalPoints: '100', frozenAt: null, activatable: false });
      expect(d.problems).toEqual([
        expect.objectContaining({ field: 'tree.nodes[2].children[0].points', code: 'POINTS_DO_NOT_ADD_UP' }),
      ]);
      const res = await post(`/evaluation/templates/${d.id}/activate`);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('EVALUATION_TEMPLATE_INVALID');
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'tree.nodes[2].children[0].points',
          code: 'POINTS_DO_NOT_ADD_UP',
          message: expect.stringContaining('产出数量'),
        }),
      ]);
      expect((await get(`/evaluation/templates/${d.id}`)).body.status).toBe('DRAFT');

      // the officer corrects the leaf: the draft can be activated
      const fixed = await put(`/evaluation/templates/${d.id}`, { name: '测试指标体系（修订）', tree: ORACLE_TREE });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ name: '测试指标体系（修订）', problems: [], activatable: true });
      const on = await post(`/evaluation/templates/${d.id}/activate`);
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ status: 'ACTIVE', activatable: false });
      expect(await auditActions(d.id)).toEqual([
        'evaluation.template.created',
        'evaluation.template.updated',
        'evaluation.template.activated',
      ]);
    });

    it('refuses a malformed tree even as a draft: every problem with its path (422)', async () => {
      const tree = structuredClone(ORACLE_TREE);
      tree.nodes[1].children![1].key = 'P1'; // used twice
      tree.nodes[3].children![0] = { key: 'E1', name: '社会效益', points: '10', children: [] }; // a leaf without kind
      tree.nodes[2].children![1].children![0] = {
        key: 'O2',
        name: '第四层',
        points: '10',
        children: [{ key: 'O2a', name: '太深', points: '10', kind: 'MANUAL', guide: [] }],
      };
      const before = (await t.ds.query('SELECT COUNT(*) AS n FROM evaluation_templates')) as Array<{ n: string }>;
      const res = await post('/evaluation/templates', { code: code(), name: '错误', purpose: 'PROJECT', tree });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('EVALUATION_TEMPLATE_INVALID');
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['tree.nodes[1].children[1].key', 'KEY_DUPLICATE'],
        ['tree.nodes[2].children[1].children[0].children[0]', 'TOO_DEEP'],
        ['tree.nodes[3].children[0].kind', 'LEAF_KIND_INVALID'],
      ]);
      const after = (await t.ds.query('SELECT COUNT(*) AS n FROM evaluation_templates')) as Array<{ n: string }>;
      expect(after[0].n).toBe(before[0].n);
    });

    it('a project template totals 100 and a grade assessment 1,000', async () => {
      const res = await post('/evaluation/templates', {
        code: code(),
        name: '等级评估',
        purpose: 'ORGANISATION_GRADE',
        tree: ORACLE_TREE,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'tree.total', code: 'TOTAL_NOT_FOR_PURPOSE' }),
      ]);
      const grade = await draft(thousandPoints(), 'ORGANISATION_GRADE');
      expect(grade).toMatchObject({ totalPoints: '1000', problems: [], activatable: true });
      expect(grade.summary.levels[0]).toEqual({ depth: 1, nodes: 4, leaves: 0, points: '1000' });
      expect((await post(`/evaluation/templates/${grade.id}/activate`)).status).toBe(200);
      // retired again: the grade assessments of later suites use the seeded grade template (the newest active one)
      expect((await post(`/evaluation/templates/${grade.id}/retire`)).status).toBe(200);
    });

    it('answers the tree with a summary: points per level, leaves, the computed ones', async () => {
      const d = await draft();
      expect(d.summary).toEqual({
        total: '100',
        levels: [
          { depth: 1, nodes: 4, leaves: 0, points: '100' },
          { depth: 2, nodes: 10, leaves: 7, points: '100' },
          { depth: 3, nodes: 3, leaves: 3, points: '35' },
        ],
        branches: [
          { key: 'D', name: '决策', points: '15', leaves: 3 },
          { key: 'P', name: '过程', points: '25', leaves: 2 },
          { key: 'O', name: '产出', points: '35', leaves: 3 },
          { key: 'E', name: '效益', points: '25', leaves: 2 },
        ],
        leafCount: 10,
        manualLeaves: 7,
        computedLeaves: [
          { key: 'O1', name: '服务对象覆盖率', points: '15', computed: 'BENEFICIARIES_SERVED' },
          { key: 'O3', name: '里程碑按时完成率', points: '10', computed: 'MILESTONES_ON_TIME' },
          { key: 'E2', name: '服务对象满意度', points: '15', computed: 'SATISFACTION' },
        ],
        computedPoints: '40',
      });
      expect(d.tree).toEqual(ORACLE_TREE);
      expect(d.versions).toEqual([{ id: d.id, version: 1, status: 'DRAFT', frozenAt: null }]);
      expect(d.usage).toEqual({ tasks: 0, catalogueItems: 0 });
    });

    it('refuses a wrong type inside the tree before any rule (400 with the path)', async () => {
      const tree = structuredClone(ORACLE_TREE) as unknown as { nodes: Array<{ points: unknown }> };
      tree.nodes[0].points = 15;
      const res = await post('/evaluation/templates', { code: code(), name: '类型', purpose: 'PROJECT', tree });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('tree.nodes[0].points');
    });

    it('a blank name is refused', async () => {
      const res = await post('/evaluation/templates', {
        code: code(),
        name: '  ',
        purpose: 'PROJECT',
        tree: ORACLE_TREE,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'name', message: 'must not be blank' }]);
    });

    it('a code names one family: a second template with it is refused (409)', async () => {
      const d = await draft();
      const res = await post('/evaluation/templates', {
        code: d.code,
        name: '重复',
        purpose: 'PROJECT',
        tree: ORACLE_TREE,
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'EVALUATION_TEMPLATE_CODE_TAKEN', templateId: d.id });
    });

    it('edits only a draft, activates only a draft, retires only an active one', async () => {
      const a = await active();
      const edit = await put(`/evaluation/templates/${a.id}`, { name: '改', tree: ORACLE_TREE });
      expect(edit.status).toBe(409);
      expect(edit.body).toMatchObject({ code: 'EVALUATION_TEMPLATE_NOT_DRAFT', templateStatus: 'ACTIVE' });
      expect((await post(`/evaluation/templates/${a.id}/activate`)).body.code).toBe(
        'EVALUATION_TEMPLATE_ILLEGAL_TRANSITION',
      );
      const d = await draft();
      const retireDraft = await post(`/evaluation/templates/${d.id}/retire`);
      expect(retireDraft.status).toBe(409);
      expect(retireDraft.body).toMatchObject({
        code: 'EVALUATION_TEMPLATE_ILLEGAL_TRANSITION',
        templateStatus: 'DRAFT',
      });
      const off = await post(`/evaluation/templates/${a.id}/retire`);
      expect(off.status).toBe(200);
      expect(off.body.status).toBe('RETIRED');
      expect((await post(`/evaluation/templates/${a.id}/activate`)).status).toBe(409);
      expect(await auditActions(a.id)).toEqual([
        'evaluation.template.created',
        'evaluation.template.activated',
        'evaluation.template.retired',
      ]);
    });

    it('answers 404 for a template that does not exist', async () => {
      expect((await get('/evaluation/templates/99999999')).body.code).toBe('EVALUATION_TEMPLATE_NOT_FOUND');
      expect((await put('/evaluation/templates/99999999', { name: 'x', tree: ORACLE_TREE })).status).toBe(404);
    });
  });

  describe('a template in use', () => {
    it('never changes once a task has used it (409), but is copied into a new version', async () => {
      const a = await active();
      // a task uses it: the foundation's freeze, in a transaction of its own
      await t.ds.transaction((em) => t.app.get(TemplateLookup).freeze(em, a.id));
      const frozen = (await get(`/evaluation/templates/${a.id}`)).body;
      expect(frozen.frozenAt).toEqual(expect.any(String));

      const edit = await put(`/evaluation/templates/${a.id}`, { name: '改', tree: unbalanced() });
      expect(edit.status).toBe(409);
      expect(edit.body).toMatchObject({ code: 'EVALUATION_TEMPLATE_FROZEN', frozenAt: frozen.frozenAt });
      const [row] = (await t.ds.query('SELECT tree, name FROM evaluation_templates WHERE id = ?', [a.id])) as Array<{
        tree: string;
        name: string;
      }>;
      expect(JSON.parse(row.tree)).toEqual(ORACLE_TREE);

      const copy = await post(`/evaluation/templates/${a.id}/versions`);
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({
        code: a.code,
        version: 2,
        status: 'DRAFT',
        frozenAt: null,
        name: a.name,
        tree: ORACLE_TREE,
      });
      expect(copy.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'DRAFT'],
        [1, 'ACTIVE'],
      ]);
      // one draft per family: a second copy points at it
      const again = await post(`/evaluation/templates/${a.id}/versions`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'EVALUATION_TEMPLATE_DRAFT_EXISTS', draftId: copy.body.id });

      // the copy is edited and activated; the frozen one can be retired (its content stays as the tasks saw it)
      const tree = structuredClone(ORACLE_TREE);
      tree.nodes[0].children![0].name = '项目立项规范性';
      expect((await put(`/evaluation/templates/${copy.body.id}`, { name: a.name, tree })).status).toBe(200);
      expect((await post(`/evaluation/templates/${copy.body.id}/activate`)).status).toBe(200);
      const retired = await post(`/evaluation/templates/${a.id}/retire`);
      expect(retired.status).toBe(200);
      expect(retired.body).toMatchObject({ status: 'RETIRED', frozenAt: frozen.frozenAt, tree: ORACLE_TREE });
      expect(await auditActions(copy.body.id)).toEqual([
        'evaluation.template.versioned',
        'evaluation.template.updated',
        'evaluation.template.activated',
      ]);

      // a copy of the retired v1 is v3, the family's next number
      const v3 = await post(`/evaluation/templates/${a.id}/versions`);
      expect(v3.body).toMatchObject({ version: 3, status: 'DRAFT', tree: ORACLE_TREE });
    });
  });

  describe('readers and writers', () => {
    it('everyone who takes part in evaluations reads; only the procurement officer writes', async () => {
      const d = await draft();
      for (const who of ['officer', 'xw_officer', 'finance', 'auditor', 'evaluator', 'orgmember']) {
        expect((await get(`/evaluation/templates?code=${d.code}`, who)).body.items).toHaveLength(1);
        expect((await get(`/evaluation/templates/${d.id}`, who)).status).toBe(200);
      }
      for (const who of ['resident', 'worker']) expect((await get('/evaluation/templates', who)).status).toBe(403);
      for (const who of ['finance', 'auditor', 'evaluator', 'orgmember']) {
        expect((await put(`/evaluation/templates/${d.id}`, { name: 'x', tree: ORACLE_TREE }, who)).status).toBe(403);
        expect((await post(`/evaluation/templates/${d.id}/activate`, {}, who)).status).toBe(403);
        expect(
          (await post('/evaluation/templates', { code: code(), name: 'x', purpose: 'PROJECT', tree: ORACLE_TREE }, who))
            .status,
        ).toBe(403);
      }
      // city-wide reference data, like the catalogue: another district's officer edits it too
      expect(
        (await put(`/evaluation/templates/${d.id}`, { name: '玄武区修改', tree: ORACLE_TREE }, 'xw_officer')).status,
      ).toBe(200);
    });

    it('lists by purpose and status, by family, paged', async () => {
      const d = await draft();
      const drafts = await get(`/evaluation/templates?status=DRAFT&purpose=PROJECT&pageSize=100`);
      expect(drafts.body.items.every((i: { status: string }) => i.status === 'DRAFT')).toBe(true);
      expect(drafts.body.items.map((i: { id: number }) => i.id)).toContain(d.id);
      const seeded = await get(`/evaluation/templates?status=ACTIVE&q=${encodeURIComponent('居家养老')}`);
      expect(seeded.body.items[0]).toMatchObject({
        code: 'XM-JJYL',
        version: 1,
        purpose: 'PROJECT',
        totalPoints: '100',
        computedLeafCount: 5,
      });
      const page = await get('/evaluation/templates?pageSize=2&page=1');
      expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThanOrEqual(4);
      expect((await get('/evaluation/templates?status=SOMETHING')).status).toBe(400);
    });
  });

  describe('the catalogue’s default template', () => {
    it('every seeded catalogue item points at its category’s template', async () => {
      const rows = (await t.ds.query(
        `SELECT i.code, t.code AS template FROM catalogue_items i LEFT JOIN evaluation_templates t ON t.id = i.default_template_id
          WHERE i.version_id = ? ORDER BY i.code`,
        [await publishedVersionId(t.ds)],
      )) as Array<{ code: string; template: string | null }>;
      expect(rows.length).toBeGreaterThanOrEqual(30);
      const expected = (c: string) =>
        ({ A: 'XM-JJYL', B: 'XM-ETGA', D: 'XM-SQZL' })[c[0] as 'A' | 'B' | 'D'] ?? 'XM-TY';
      expect(rows.map((r) => [r.code, r.template])).toEqual(rows.map((r) => [r.code, expected(r.code)]));
      const tree = await get(`/catalogue/versions/${await publishedVersionId(t.ds)}`, 'resident');
      const meal = tree.body.categories[0].children[0].items[0];
      expect(meal).toMatchObject({
        code: 'A0101',
        defaultTemplateId: expect.any(Number),
        defaultTemplate: { code: 'XM-JJYL', version: 1, status: 'ACTIVE', name: '居家养老服务项目绩效评价指标体系' },
      });
    });

    it('is read and edited with the item, only an active project template, and carried over by a copy', async () => {
      const published = await publishedVersionId(t.ds);
      const v = await post('/catalogue/versions', {
        year: 2091,
        title: '指标体系测试目录',
        copyFromVersionId: published,
      });
      expect(v.status).toBe(201);
      const [meal] = (await t.ds.query(
        "SELECT id, default_template_id FROM catalogue_items WHERE version_id = ? AND code = 'A0101'",
        [v.body.id],
      )) as Array<{ id: number; default_template_id: number }>;
      const [seeded] = (await t.ds.query(
        "SELECT id FROM evaluation_templates WHERE code = 'XM-JJYL' AND version = 1",
      )) as Array<{
        id: number;
      }>;
      expect(meal.default_template_id).toBe(seeded.id); // the copy carried it over

      const mine = await active();
      const set = await patch(`/catalogue/items/${meal.id}`, { defaultTemplateId: mine.id });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        defaultTemplateId: mine.id,
        defaultTemplate: { id: mine.id, code: mine.code, version: 1, status: 'ACTIVE' },
      });
      const shown = await get(`/catalogue/versions/${v.body.id}`);
      const item = shown.body.categories[0].children[0].items.find((i: { id: number }) => i.id === meal.id);
      expect(item.defaultTemplate.code).toBe(mine.code);

      const d = await draft();
      for (const [field, id, reason] of [
        ['a draft', d.id, /DRAFT/],
        ['a missing one', 99999999, /does not exist/],
      ] as const) {
        const res = await patch(`/catalogue/items/${meal.id}`, { defaultTemplateId: id });
        expect([field, res.status]).toEqual([field, 422]);
        expect(res.body.errors).toEqual([{ field: 'defaultTemplateId', message: expect.stringMatching(reason) }]);
      }
      const grade = await draft(thousandPoints(), 'ORGANISATION_GRADE');
      await post(`/evaluation/templates/${grade.id}/activate`);
      const notProject = await patch(`/catalogue/items/${meal.id}`, { defaultTemplateId: grade.id });
      expect(notProject.status).toBe(422);
      expect(notProject.body.detail).toMatch(/not a project/);
      expect((await post(`/evaluation/templates/${grade.id}/retire`)).status).toBe(200);

      // a new item with its template; clearing one with null
      const cat = (await t.ds.query('SELECT category_id AS id FROM catalogue_items WHERE id = ?', [meal.id])) as Array<{
        id: number;
      }>;
      const added = await post(`/catalogue/versions/${v.body.id}/items`, {
        categoryId: cat[0].id,
        code: 'A0199',
        name: '测试项目',
        serviceStandard: '测试',
        unit: '人次',
        priceCap: '10.00',
        minOrgGrade: 1,
        paymentSchedule: [{ label: '全款', percent: 100 }],
        defaultTemplateId: mine.id,
      });
      expect(added.status).toBe(201);
      expect(added.body.defaultTemplate).toMatchObject({ id: mine.id });
      const cleared = await patch(`/catalogue/items/${meal.id}`, { defaultTemplateId: null });
      expect(cleared.body).toMatchObject({ defaultTemplateId: null, defaultTemplate: null });
      expect((await get(`/evaluation/templates/${mine.id}`)).body.usage).toEqual({ tasks: 0, catalogueItems: 1 });

      // the copy of this draft version carries the new default over
      const copy = await post('/catalogue/versions', { year: 2091, title: '再复制', copyFromVersionId: v.body.id });
      const [copied] = (await t.ds.query(
        "SELECT default_template_id AS id FROM catalogue_items WHERE version_id = ? AND code = 'A0199'",
        [copy.body.id],
      )) as Array<{ id: number }>;
      expect(copied.id).toBe(mine.id);
    });

    it('a project is evaluated with its item’s template, or its family’s newest active version once retired', async () => {
      const v1 = await active();
      const v = await post('/catalogue/versions', { year: 2092, title: '默认指标体系测试' });
      const cat = await post(`/catalogue/versions/${v.body.id}/categories`, { code: 'Z1', name: '测试' });
      const item = await post(`/catalogue/versions/${v.body.id}/items`, {
        categoryId: cat.body.id,
        code: 'Z101',
        name: '测试服务',
        serviceStandard: '测试',
        unit: '人次',
        priceCap: '10.00',
        minOrgGrade: 1,
        paymentSchedule: [{ label: '全款', percent: 100 }],
        defaultTemplateId: v1.id,
      });
      expect(item.status).toBe(201);
      const [region] = (await t.ds.query("SELECT id, path FROM regions WHERE code = '320106002001'")) as Array<{
        id: number;
        path: string;
      }>;
      const project = (await t.ds.query(
        `INSERT INTO projects (region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen,
           estimated_fen, budget_line_id, plan, status, created_by, created_at, updated_at)
         VALUES (?, ?, '指标体系测试项目', ?, 'Z101', 'Z1', 1, 1000, 1000, ?, '{}', 'DRAFT', ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
        [region.id, region.path, item.body.id, await activeLineId(t), await userId(t.ds, 'officer')],
      )) as { insertId: number };
      const lookup = t.app.get(TemplateLookup);
      expect((await lookup.defaultForProject(t.ds.manager, project.insertId)).id).toBe(v1.id);

      const v2 = await post(`/evaluation/templates/${v1.id}/versions`);
      await post(`/evaluation/templates/${v2.body.id}/activate`);
      expect((await lookup.defaultForProject(t.ds.manager, project.insertId)).id).toBe(v1.id);
      await post(`/evaluation/templates/${v1.id}/retire`);
      expect((await lookup.defaultForProject(t.ds.manager, project.insertId)).id).toBe(v2.body.id);
      await t.ds.query('DELETE FROM projects WHERE id = ?', [project.insertId]);
    });
  });
});
