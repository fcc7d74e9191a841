import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { AuditService } from '../../audit';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { IndicatorTree } from '../domain/indicator-tree';
import type { TemplateStatus } from '../domain/state-machines';
import {
  canonicalTree,
  checkTemplateTransition,
  splitProblems,
  summariseTree,
  TEMPLATE_TOTALS,
  TemplateProblem,
  templateProblems,
} from '../domain/template-rules';
import {
  CreateTemplateDto,
  ListTemplatesQuery,
  TemplateDto,
  TemplateProblemDto,
  TemplateSummaryDto,
  UpdateTemplateDto,
} from '../dto/templates.dto';
import { EvaluationTemplateEntity } from '../entities/evaluation.entities';

const treeOf = (t: EvaluationTemplateEntity): IndicatorTree => JSON.parse(t.tree) as IndicatorTree;

function problemDtos(problems: readonly TemplateProblem[]): TemplateProblemDto[] {
  return problems.map((p) => ({ field: `tree.${p.path}`, code: p.code, message: p.message }));
}

function summaryDto(t: EvaluationTemplateEntity): TemplateSummaryDto {
  const s = summariseTree(treeOf(t));
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    name: t.name,
    purpose: t.purpose,
    status: t.status,
    totalPoints: String(Number(t.totalPoints)),
    description: t.description,
    frozenAt: t.frozenAt?.toISOString() ?? null,
    leafCount: s.leafCount,
    computedLeafCount: s.computedLeaves.length,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a template: everything but the timestamps. */
function auditView(t: EvaluationTemplateEntity): Record<string, unknown> {
  return {
    code: t.code,
    version: t.version,
    name: t.name,
    purpose: t.purpose,
    status: t.status,
    description: t.description,
    tree: treeOf(t),
  };
}

/**
 * Indicator templates (指标体系): versioned weighted trees of city-wide reference data, like the catalogue — every
 * holder of the permission reads and edits all of them (no region scope). A DRAFT is edited and activated; an ACTIVE
 * one is offered to tasks and frozen by the first that uses it (TemplateLookup.freeze); from then on nothing of it
 * changes (409 EVALUATION_TEMPLATE_FROZEN) and a change is a new version, a copy with the next number of the family.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListTemplatesQuery): Promise<Page<TemplateSummaryDto>> {
    const qb = this.dataSource.getRepository(EvaluationTemplateEntity).createQueryBuilder('t');
    if (q.purpose) qb.andWhere('t.purpose = :purpose', { purpose: q.purpose });
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.code) qb.andWhere('t.code = :code', { code: q.code });
    const keyword = q.q;
    if (keyword)
      qb.andWhere(
        new Brackets((w) => w.where('t.name LIKE :q', { q: containsPattern(keyword) }).orWhere('t.code LIKE :q')),
      );
    const [rows, total] = await qb
      .orderBy('t.code', 'ASC')
      .addOrderBy('t.version', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(summaryDto), total, q);
  }

  async get(id: number): Promise<TemplateDto> {
    return this.detail(this.dataSource.manager, await this.find(this.dataSource.manager, id));
  }

  /** A new family's first version, as a DRAFT. */
  async create(actor: Actor, dto: CreateTemplateDto): Promise<TemplateDto> {
    this.assertName(dto.name);
    const tree = this.checkedTree(dto.tree, dto.purpose);
    return inTransaction(this.dataSource, async (em) => {
      const taken = (await em.query('SELECT id FROM evaluation_templates WHERE code = ? LIMIT 1 FOR UPDATE', [
        dto.code,
      ])) as Array<{ id: number }>;
      if (taken.length > 0)
        throw new EvaluationError(
          EvaluationErrorCode.TEMPLATE_CODE_TAKEN,
          `The code ${dto.code} is already a template: make a new version of it.`,
          { errors: [{ field: 'code', message: 'is already used by another template' }], templateId: taken[0].id },
        );
      const now = await dbNow(em);
      const t = em.create(EvaluationTemplateEntity, {
        code: dto.code,
        version: 1,
        name: dto.name.trim(),
        purpose: dto.purpose,
        status: 'DRAFT',
        totalPoints: TEMPLATE_TOTALS[dto.purpose],
        tree: JSON.stringify(tree),
        description: dto.description?.trim() || null,
        frozenAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(EvaluationTemplateEntity, t);
      await this.audit.record(em, actor, {
        action: 'evaluation.template.created',
        entityType: 'evaluation_template',
        entityId: t.id,
        after: auditView(t),
      });
      return this.detail(em, t);
    });
  }

  /** Replaces a DRAFT's name, description and tree (its problems are answered, not refused: see template-rules). */
  async update(actor: Actor, id: number, dto: UpdateTemplateDto): Promise<TemplateDto> {
    return inTransaction(this.dataSource, async (em) => {
      const t = await this.find(em, id, true);
      this.assertNotFrozen(t);
      if (t.status !== 'DRAFT')
        throw new EvaluationError(
          EvaluationErrorCode.TEMPLATE_NOT_DRAFT,
          `Template ${t.code} v${t.version} is ${t.status}: only a draft is edited. Make a new version of it.`,
          { templateStatus: t.status },
        );
      this.assertName(dto.name);
      const tree = this.checkedTree(dto.tree, t.purpose);
      const before = auditView(t);
      const now = await dbNow(em);
      const next = {
        name: dto.name.trim(),
        description: dto.description?.trim() || null,
        tree: JSON.stringify(tree),
        updatedAt: now,
      };
      await em.update(EvaluationTemplateEntity, { id }, next);
      Object.assign(t, next);
      await this.audit.record(em, actor, {
        action: 'evaluation.template.updated',
        entityType: 'evaluation_template',
        entityId: id,
        before,
        after: auditView(t),
      });
      return this.detail(em, t);
    });
  }

  /**
   * A copy of any version (a frozen one too) as a DRAFT with the family's next number. One draft per family at a
   * time: a second answers 409 with the draft to edit.
   */
  async newVersion(actor: Actor, id: number): Promise<TemplateDto> {
    return inTransaction(this.dataSource, async (em) => {
      const source = await this.find(em, id);
      // locks the family: two copies at once get consecutive numbers, or the second finds the first's draft
      const family = (await em.query(
        'SELECT id, version, status FROM evaluation_templates WHERE code = ? ORDER BY version DESC FOR UPDATE',
        [source.code],
      )) as Array<{ id: number; version: number; status: TemplateStatus }>;
      const draft = family.find((f) => f.status === 'DRAFT');
      if (draft)
        throw new EvaluationError(
          EvaluationErrorCode.TEMPLATE_DRAFT_EXISTS,
          `Version ${draft.version} of ${source.code} is already a draft: edit it.`,
          { draftId: draft.id },
        );
      const now = await dbNow(em);
      const copy = em.create(EvaluationTemplateEntity, {
        code: source.code,
        version: Number(family[0].version) + 1,
        name: source.name,
        purpose: source.purpose,
        status: 'DRAFT',
        totalPoints: source.totalPoints,
        tree: source.tree,
        description: source.description,
        frozenAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(EvaluationTemplateEntity, copy);
      await this.audit.record(em, actor, {
        action: 'evaluation.template.versioned',
        entityType: 'evaluation_template',
        entityId: copy.id,
        after: { ...auditView(copy), copiedFrom: { id: source.id, version: source.version } },
      });
      return this.detail(em, copy);
    });
  }

  /** DRAFT → ACTIVE: only a tree without any problem, totalling its purpose's points. */
  async activate(actor: Actor, id: number): Promise<TemplateDto> {
    return inTransaction(this.dataSource, async (em) => {
      const t = await this.find(em, id, true);
      this.assertNotFrozen(t);
      this.assertTransition(actor, t, 'ACTIVE');
      const problems = templateProblems(treeOf(t), t.purpose);
      if (problems.length > 0) throw this.invalid(problems, 'cannot be activated');
      return this.move(em, actor, t, 'ACTIVE', 'evaluation.template.activated');
    });
  }

  /**
   * ACTIVE → RETIRED: no longer offered to new tasks or catalogue items. Allowed for a frozen template: its content
   * stays as the tasks used it; only what is offered next changes.
   */
  async retire(actor: Actor, id: number): Promise<TemplateDto> {
    return inTransaction(this.dataSource, async (em) => {
      const t = await this.find(em, id, true);
      this.assertTransition(actor, t, 'RETIRED');
      return this.move(em, actor, t, 'RETIRED', 'evaluation.template.retired');
    });
  }

  // -------------------------------------------------------------------------------------------------------------

  private async move(
    em: EntityManager,
    actor: Actor,
    t: EvaluationTemplateEntity,
    to: TemplateStatus,
    action: 'evaluation.template.activated' | 'evaluation.template.retired',
  ): Promise<TemplateDto> {
    const from = t.status;
    const now = await dbNow(em);
    await em.update(EvaluationTemplateEntity, { id: t.id }, { status: to, updatedAt: now });
    t.status = to;
    t.updatedAt = now;
    await this.audit.record(em, actor, {
      action,
      entityType: 'evaluation_template',
      entityId: t.id,
      before: { status: from },
      after: { status: to, code: t.code, version: t.version },
    });
    return this.detail(em, t);
  }

  /** The canonical tree, or 422 with every problem that refuses even a draft. */
  private checkedTree(input: IndicatorTree, purpose: CreateTemplateDto['purpose']): IndicatorTree {
    const tree = canonicalTree(input);
    const { blocking } = splitProblems(templateProblems(tree, purpose));
    if (blocking.length > 0) throw this.invalid(blocking, 'cannot be saved');
    return tree;
  }

  private assertName(name: string): void {
    if (name.trim() === '')
      throw new EvaluationError(EvaluationErrorCode.TEMPLATE_INVALID, 'A template needs a name.', {
        errors: [{ field: 'name', message: 'must not be blank' }],
      });
  }

  private invalid(problems: readonly TemplateProblem[], what: string): EvaluationError {
    return new EvaluationError(
      EvaluationErrorCode.TEMPLATE_INVALID,
      `The template ${what}: ${problems.map((p) => p.message).join(' ')}`,
      { errors: problemDtos(problems) },
    );
  }

  private assertNotFrozen(t: EvaluationTemplateEntity): void {
    if (t.frozenAt !== null)
      throw new EvaluationError(
        EvaluationErrorCode.TEMPLATE_FROZEN,
        `Template ${t.code} v${t.version} has been used by an evaluation: it never changes. Make a new version of it.`,
        { frozenAt: t.frozenAt.toISOString() },
      );
  }

  private assertTransition(actor: Actor, t: EvaluationTemplateEntity, to: TemplateStatus): void {
    const problem = checkTemplateTransition(t.status, to, actor.roles);
    if (problem)
      throw new EvaluationError(EvaluationErrorCode.TEMPLATE_ILLEGAL_TRANSITION, problem, { templateStatus: t.status });
  }

  private async find(em: EntityManager, id: number, lock = false): Promise<EvaluationTemplateEntity> {
    const t = await em.findOne(EvaluationTemplateEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (t === null) throw new EvaluationError(EvaluationErrorCode.TEMPLATE_NOT_FOUND, `Template ${id} not found.`);
    return t;
  }

  private async detail(em: EntityManager, t: EvaluationTemplateEntity): Promise<TemplateDto> {
    const tree = treeOf(t);
    const problems = templateProblems(tree, t.purpose);
    const versions = await em.find(EvaluationTemplateEntity, {
      select: { id: true, version: true, status: true, frozenAt: true },
      where: { code: t.code },
      order: { version: 'DESC' },
    });
    const [{ tasks, items }] = (await em.query(
      `SELECT (SELECT COUNT(*) FROM evaluation_tasks WHERE template_id = ?) AS tasks,
              (SELECT COUNT(*) FROM catalogue_items WHERE default_template_id = ?) AS items`,
      [t.id, t.id],
    )) as Array<{ tasks: string; items: string }>;
    return {
      ...summaryDto(t),
      tree,
      summary: summariseTree(tree),
      problems: problemDtos(problems),
      activatable: t.status === 'DRAFT' && problems.length === 0,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        frozenAt: v.frozenAt?.toISOString() ?? null,
      })),
      usage: { tasks: Number(tasks), catalogueItems: Number(items) },
    };
  }
}
