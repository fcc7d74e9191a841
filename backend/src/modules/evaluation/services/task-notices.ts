import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { MessageParams } from '../../../platform/i18n';
import { InboxService } from '../../notifications';
import type { EvaluationTaskEntity } from '../entities/evaluation.entities';

/**
 * Who is told about a task, and the telling (inbox messages of platform/i18n/messages/evaluation-tasks.messages.ts,
 * written inside the transaction of the change they tell about). "The officer" of a task is whoever acts for the
 * purchaser on it: the officer who assigned it, the officer who drew its sampling batch, and the officer of the
 * contract's tender.
 */
@Injectable()
export class TaskNotices {
  constructor(private readonly inbox: InboxService) {}

  async officersOf(
    em: EntityManager,
    t: Pick<EvaluationTaskEntity, 'contractId' | 'assignedBy' | 'batchId'>,
  ): Promise<number[]> {
    const rows = (await em.query(
      `SELECT tn.created_by AS id FROM contracts c JOIN tenders tn ON tn.id = c.tender_id WHERE c.id = ?
       UNION SELECT created_by FROM evaluation_batches WHERE id = ?`,
      [t.contractId, t.batchId ?? 0],
    )) as Array<{ id: number | null }>;
    const ids = rows.map((r) => r.id).filter((id): id is number => id !== null);
    if (t.assignedBy !== null) ids.push(t.assignedBy);
    return [...new Set(ids.map(Number))];
  }

  /** The facts every task message names. */
  async params(em: EntityManager, t: EvaluationTaskEntity): Promise<MessageParams> {
    const [r] = (await em.query(
      `SELECT c.code AS contract_code, c.title AS contract_title, o.name AS organisation_name
       FROM contracts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?`,
      [t.contractId],
    )) as Array<{ contract_code: string; contract_title: string; organisation_name: string }>;
    return {
      code: t.code,
      contractCode: r?.contract_code ?? '',
      contractTitle: r?.contract_title ?? '',
      organisationName: r?.organisation_name ?? '',
      dueAt: t.dueAt.toISOString(),
    };
  }

  async tell(
    em: EntityManager,
    to: Array<number | null>,
    template: string,
    params: MessageParams,
    now: Date,
  ): Promise<void> {
    const ids = to.filter((id): id is number => id !== null);
    if (ids.length === 0) return;
    await this.inbox.notify(em, ids, { kind: `evaluation.${template.split('.').pop()}`, template, params }, now);
  }
}
