import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { maskPhone, surveyLink } from '../domain/survey-rules';
import { SurveyBeneficiaryDto, SurveyResidentDto } from '../dto/survey.dto';
import { SurveyAnswerEntity, SurveyBeneficiaryEntity, SurveyEntity } from '../entities/evaluation.entities';
import { ProjectFacts, SurveyQueries } from '../queries/survey-queries';
import { SurveyAccess } from './survey-access';
import { SurveysService } from './surveys.service';

/**
 * The residents of a project's survey as its officer and community workers see them: who may answer (raisers and
 * supporters of the project's needs, recorded beneficiaries), whether they are verified, and whether they have
 * answered — never what. The officer and the workers record beneficiaries (服务对象) by username or phone: only
 * verified residents of the project's region (and of the worker's own subtree).
 */
@Injectable()
export class SurveyResidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queries: SurveyQueries,
    private readonly access: SurveyAccess,
    private readonly surveys: SurveysService,
  ) {}

  async list(actor: Actor, projectId: number, as: 'MANAGE' | 'WORKER'): Promise<SurveyResidentDto[]> {
    const em = this.dataSource.manager;
    const p = await this.access.project(em, actor, projectId, as);
    return this.rows(em, actor, p, as);
  }

  async add(
    actor: Actor,
    projectId: number,
    dto: SurveyBeneficiaryDto,
    as: 'MANAGE' | 'WORKER',
  ): Promise<SurveyResidentDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const p = await this.access.project(em, actor, projectId, as);
      const prefixes = as === 'WORKER' && actor.regionPath !== null ? [p.regionPath, actor.regionPath] : [p.regionPath];
      const resident = await this.queries.findVerifiedResident(em, dto.resident, prefixes);
      if (resident === null)
        throw new EvaluationError(
          EvaluationErrorCode.SURVEY_INVALID,
          `No verified resident of ${p.regionName}${as === 'WORKER' ? ' in your community' : ''} has this username or phone number.`,
          {
            errors: [
              {
                field: 'resident',
                message: 'no verified resident of the project’s region with this username or phone',
              },
            ],
          },
        );
      if (await em.existsBy(SurveyBeneficiaryEntity, { projectId, residentId: resident.id })) return; // recorded already
      const now = await dbNow(em);
      try {
        await em.insert(SurveyBeneficiaryEntity, {
          projectId,
          residentId: resident.id,
          recordedBy: actor.userId,
          createdAt: now,
        });
      } catch (err) {
        const e = err as { code?: string; driverError?: { code?: string } };
        if ((e.driverError?.code ?? e.code) === 'ER_DUP_ENTRY') return; // recorded by someone else just now
        throw err;
      }
      await this.audit.record(em, actor, {
        action: 'evaluation.survey.beneficiary_added',
        entityType: 'project',
        entityId: projectId,
        regionPath: p.regionPath,
        after: { residentId: resident.id },
      });
      // recorded while the survey is open: invited at once (unless the needs' timeline told them already)
      const s = await em.findOne(SurveyEntity, { where: { projectId } });
      if (s !== null && s.status === 'OPEN' && !(await this.queries.needFollowerIds(em, projectId)).has(resident.id))
        await this.surveys.inviteResidents(
          em,
          [resident.id],
          {
            projectTitle: p.title,
            organisationName: p.contract?.organisationName ?? '',
            closesAt: s.closesAt.toISOString(),
            link: surveyLink(s.token),
          },
          now,
        );
    });
    return this.list(actor, projectId, as);
  }

  async remove(
    actor: Actor,
    projectId: number,
    residentId: number,
    as: 'MANAGE' | 'WORKER',
  ): Promise<SurveyResidentDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const p = await this.access.project(em, actor, projectId, as);
      const b = await em.findOne(SurveyBeneficiaryEntity, {
        where: { projectId, residentId },
        lock: { mode: 'pessimistic_write' },
      });
      const [resident] =
        b === null
          ? []
          : ((await em.query('SELECT region_path FROM users WHERE id = ?', [residentId])) as Array<{
              region_path: string | null;
            }>);
      // a worker sees (and removes) only the residents of their own subtree
      const visible =
        b !== null && (as === 'MANAGE' || (resident?.region_path ?? '').startsWith(actor.regionPath ?? '\u0000'));
      if (!visible)
        throw new EvaluationError(
          EvaluationErrorCode.SURVEY_INVALID,
          'This resident is not recorded as a beneficiary of the project.',
          {
            errors: [{ field: 'residentId', message: 'not a recorded beneficiary' }],
          },
        );
      const s = await em.findOne(SurveyEntity, { where: { projectId } });
      if (s !== null && (await em.existsBy(SurveyAnswerEntity, { surveyId: s.id, residentId })))
        throw new EvaluationError(
          EvaluationErrorCode.SURVEY_BENEFICIARY_ANSWERED,
          'This resident has answered the survey: they stay recorded, and their answer counts.',
        );
      await em.delete(SurveyBeneficiaryEntity, { id: b.id });
      await this.audit.record(em, actor, {
        action: 'evaluation.survey.beneficiary_removed',
        entityType: 'project',
        entityId: projectId,
        regionPath: p.regionPath,
        before: { residentId, recordedBy: b.recordedBy, recordedAt: b.createdAt.toISOString() },
      });
    });
    return this.list(actor, projectId, as);
  }

  private async rows(
    em: EntityManager,
    actor: Actor,
    p: ProjectFacts,
    as: 'MANAGE' | 'WORKER',
  ): Promise<SurveyResidentDto[]> {
    const linked = await this.queries.linkedResidents(
      em,
      p.projectId,
      as === 'WORKER' ? (actor.regionPath ?? '\u0000') : undefined,
    );
    const s = await em.findOne(SurveyEntity, { where: { projectId: p.projectId } });
    const answered = new Map<number, 'SELF' | 'PROXY'>();
    if (s !== null)
      for (const a of await em.find(SurveyAnswerEntity, {
        select: { residentId: true, channel: true },
        where: { surveyId: s.id },
      }))
        answered.set(a.residentId, a.channel);
    return linked.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      phone: maskPhone(r.phone),
      verified: r.verified,
      sources: r.sources,
      answered: answered.get(r.userId) ?? null,
    }));
  }
}
