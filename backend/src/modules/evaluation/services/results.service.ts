import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';

import { Actor, regionScopeSql } from '../../../platform/access';
import { Page, pageOf } from '../../../platform/http/pagination';
import { EvaluationResultDto, ListResultsQuery } from '../dto/results.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { taskForReader } from './result-scope';
import { ResultsView } from './results-view';

/**
 * Reading evaluation results: the officer's list of results to confirm and their objection windows, the evaluated
 * organisation's 我的评估结果 (its confirmed results, with its objections and their answers), the agency's.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: ResultsView,
  ) {}

  async list(actor: Actor, q: ListResultsQuery): Promise<Page<EvaluationResultDto>> {
    const qb = this.dataSource.getRepository(EvaluationTaskEntity).createQueryBuilder('t');
    scoped(qb, actor);
    if (q.status?.length) qb.andWhere('t.status IN (:...status)', { status: q.status });
    const [rows, total] = await qb
      .orderBy('t.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.view.results(this.dataSource.manager, actor, rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<EvaluationResultDto> {
    const em = this.dataSource.manager;
    const t = await taskForReader(em, actor, id);
    return (await this.view.results(em, actor, [t]))[0];
  }
}

/**
 * The results a caller may list (the same rule as result-scope.ts canReadResult, in SQL): staff their region
 * subtree, members of an organisation its confirmed results, evaluators their agency's tasks.
 */
function scoped(qb: SelectQueryBuilder<EvaluationTaskEntity>, actor: Actor): void {
  const staff = actor.roles.some((r) => ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'].includes(r));
  const member = actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null;
  const evaluator = actor.roles.includes('EVALUATOR') && actor.organisationId !== null;
  qb.where(
    new Brackets((w) => {
      w.where('1 = 0');
      if (staff) {
        const s = regionScopeSql(actor, 't.region_path');
        w.orWhere(s.sql, s.params);
      }
      if (member)
        w.orWhere('(t.organisation_id = :memberOrg AND t.confirmed_at IS NOT NULL)', {
          memberOrg: actor.organisationId,
        });
      if (evaluator) w.orWhere('t.agency_id = :agencyOrg', { agencyOrg: actor.organisationId });
    }),
  );
}
