import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { dbNow } from '../../../platform/database/db-clock';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { IndicatorTree } from '../domain/indicator-tree';
import { TemplatePurpose } from '../domain/state-machines';
import { EvaluationTemplateEntity } from '../entities/evaluation.entities';

/**
 * Which template a project is evaluated with, and freezing a template once a task uses it. The project's catalogue
 * item names its default template (`catalogue_items.default_template_id`); when that version is no longer ACTIVE, the
 * newest ACTIVE version of the same family (code); without either, the newest ACTIVE template of the purpose.
 */
@Injectable()
export class TemplateLookup {
  async defaultForProject(em: EntityManager, projectId: number): Promise<EvaluationTemplateEntity> {
    const rows = (await em.query(
      `SELECT ci.default_template_id AS id FROM projects p JOIN catalogue_items ci ON ci.id = p.catalogue_item_id
        WHERE p.id = ?`,
      [projectId],
    )) as Array<{ id: number | null }>;
    const id = rows[0]?.id ?? null;
    if (id !== null) {
      const t = await em.findOne(EvaluationTemplateEntity, { where: { id } });
      if (t !== null && t.status === 'ACTIVE') return t;
      // the item's version was retired (a published catalogue keeps pointing at it): its family's newest active one
      if (t !== null) {
        const newer = await em.findOne(EvaluationTemplateEntity, {
          where: { code: t.code, purpose: 'PROJECT', status: 'ACTIVE' },
          order: { version: 'DESC' },
        });
        if (newer !== null) return newer;
      }
    }
    return this.newestActive(em, 'PROJECT');
  }

  async newestActive(em: EntityManager, purpose: TemplatePurpose): Promise<EvaluationTemplateEntity> {
    const t = await em.findOne(EvaluationTemplateEntity, {
      where: { purpose, status: 'ACTIVE' },
      order: { updatedAt: 'DESC', id: 'DESC' },
    });
    if (t === null)
      throw new EvaluationError(
        EvaluationErrorCode.TEMPLATE_NOT_FOUND,
        `No active ${purpose === 'PROJECT' ? 'project' : 'grade assessment'} template: activate one first.`,
      );
    return t;
  }

  /** Freezes the template (in the caller's transaction) the first time a task uses it; a frozen one never changes. */
  async freeze(em: EntityManager, templateId: number): Promise<EvaluationTemplateEntity> {
    const t = await em.findOne(EvaluationTemplateEntity, {
      where: { id: templateId },
      lock: { mode: 'pessimistic_write' },
    });
    if (t === null)
      throw new EvaluationError(EvaluationErrorCode.TEMPLATE_NOT_FOUND, `Template ${templateId} not found.`);
    if (t.status !== 'ACTIVE')
      throw new EvaluationError(EvaluationErrorCode.TEMPLATE_INVALID, 'Only an active template can be used.');
    if (t.frozenAt === null) {
      t.frozenAt = await dbNow(em);
      await em.update(EvaluationTemplateEntity, { id: t.id }, { frozenAt: t.frozenAt });
    }
    return t;
  }

  tree(t: EvaluationTemplateEntity): IndicatorTree {
    return JSON.parse(t.tree) as IndicatorTree;
  }
}
