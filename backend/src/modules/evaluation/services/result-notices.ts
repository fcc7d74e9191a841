import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Message } from '../../../platform/i18n';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import type { EvaluationTaskEntity } from '../entities/evaluation.entities';

/** Who is told what about a result: the evaluated organisation's members, the evaluator, the region's officers. */
@Injectable()
export class ResultNotices {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
  ) {}

  async organisation(em: EntityManager, t: Pick<EvaluationTaskEntity, 'organisationId'>, m: Message, now: Date) {
    const members = (await this.people.memberIds([t.organisationId], em)).get(t.organisationId) ?? [];
    await this.inbox.notify(em, members, { kind: 'evaluation.result', ...m }, now);
  }

  async evaluator(em: EntityManager, t: Pick<EvaluationTaskEntity, 'evaluatorId'>, m: Message, now: Date) {
    if (t.evaluatorId !== null) await this.inbox.notify(em, [t.evaluatorId], { kind: 'evaluation.task', ...m }, now);
  }

  /** The procurement officers whose region holds the task's. */
  async officers(em: EntityManager, t: Pick<EvaluationTaskEntity, 'regionPath'>, m: Message, now: Date) {
    const officers = (await this.people.activeWithRole('PROCUREMENT_OFFICER', em)).filter(
      (u) => u.regionPath !== null && t.regionPath.startsWith(u.regionPath),
    );
    await this.inbox.notify(
      em,
      officers.map((u) => u.id),
      { kind: 'evaluation.objection', ...m },
      now,
    );
  }
}
