import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, hasPermission, inRegionScope, PERMISSIONS, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Deadlines, DeadlineSource } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { InboxService } from '../../notifications';
import { ProjectsService } from '../../procurement';
import { shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import type { MachineActor } from '../domain/state-machines';
import {
  checkSurveyTransition,
  closingDate,
  parseQuestions,
  percent,
  questionsJson,
  SURVEYABLE_CONTRACT_STATUSES,
  surveyLink,
} from '../domain/survey-rules';
import {
  ListSurveysQuery,
  OpenSurveyDto,
  SurveyDetailDto,
  SurveyFiguresDto,
  SurveyPageDto,
  SurveyRowDto,
} from '../dto/survey.dto';
import { SurveyBeneficiaryEntity, SurveyEntity } from '../entities/evaluation.entities';
import { SURVEY_CLOSE_JOB, surveyCloseJob, SurveyCloseJobPayload } from '../jobs/survey-close.job';
import { ProjectFacts, SurveyQueries } from '../queries/survey-queries';
import { EvaluationJobs, EvaluationTick } from './evaluation-jobs';
import { seesLink, SurveyAccess, SurveyRole } from './survey-access';
import { SurveyFiguresService } from './survey-figures.service';

function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e.driverError?.code ?? e.code) === 'ER_DUP_ENTRY';
}

/**
 * A project's satisfaction survey (issue #11 item 4): opened once per project by the procurement officer or the
 * worker of the community it serves, for a project whose contract is signed; its invitation on the timeline of the
 * project's needs and in the inbox of their raisers and supporters and of the recorded beneficiaries; closed by its
 * job at 24:00 Beijing of the closing date, or earlier by the officer; read as figures that never say who answered
 * what.
 */
@Injectable()
export class SurveysService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: Deadlines,
    private readonly jobs: EvaluationJobs,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly projects: ProjectsService,
    private readonly queries: SurveyQueries,
    private readonly access: SurveyAccess,
    private readonly figures: SurveyFiguresService,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerSource(this.source());
    this.jobs.register(SURVEY_CLOSE_JOB, (d) => this.closeTick((d as SurveyCloseJobPayload).surveyId));
  }

  // ---- reading

  async list(actor: Actor, q: ListSurveysQuery, as: SurveyRole): Promise<SurveyPageDto> {
    const scope = this.scopeSql(actor, as);
    const where = [scope.sql];
    const params: unknown[] = [...SURVEYABLE_CONTRACT_STATUSES, ...scope.params];
    if (q.status === 'NONE') where.push('s.id IS NULL');
    else if (q.status) {
      where.push('s.status = ?');
      params.push(q.status);
    }
    if (q.q) {
      where.push('(p.title LIKE ? OR c.code LIKE ?)');
      params.push(containsPattern(q.q), containsPattern(q.q));
    }
    const from = `FROM projects p
      JOIN regions r ON r.id = p.region_id
      LEFT JOIN evaluation_surveys s ON s.project_id = p.id
      JOIN contracts c ON c.id = COALESCE(s.contract_id, (SELECT MAX(c2.id) FROM contracts c2
        WHERE c2.project_id = p.id AND c2.status IN (?, ?, ?)))
      JOIN organisations o ON o.id = c.organisation_id
      WHERE ${where.join(' AND ')}`;
    const em = this.dataSource.manager;
    const [{ n }] = (await em.query(`SELECT COUNT(*) AS n ${from}`, params)) as Array<{ n: string | number }>;
    const rows = (await em.query(
      `SELECT p.id AS project_id, p.title, r.name AS region_name, c.id AS contract_id, c.code, c.status AS contract_status,
         o.name AS organisation_name, s.id AS survey_id, s.status, s.opened_at, s.closes_at, s.closed_at,
         (SELECT COUNT(*) FROM evaluation_survey_answers a WHERE a.survey_id = s.id) AS answers
       ${from}
       ORDER BY CASE WHEN s.status = 'OPEN' THEN 0 WHEN s.id IS NULL THEN 1 ELSE 2 END, p.id DESC
       LIMIT ? OFFSET ?`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    )) as Array<{
      project_id: number;
      title: string;
      region_name: string;
      contract_id: number;
      code: string;
      contract_status: string;
      organisation_name: string;
      survey_id: number | null;
      status: 'OPEN' | 'CLOSED' | null;
      opened_at: Date | null;
      closes_at: Date | null;
      closed_at: Date | null;
      answers: string | number;
    }>;
    const eligible = await this.queries.eligibleCounts(
      em,
      rows.filter((r) => r.survey_id !== null).map((r) => r.project_id),
    );
    const items: SurveyRowDto[] = rows.map((r) => {
      const answers = Number(r.answers);
      const e = eligible.get(r.project_id) ?? 0;
      return {
        id: r.project_id,
        projectId: r.project_id,
        projectTitle: r.title,
        regionName: r.region_name,
        contractId: r.contract_id,
        contractCode: r.code,
        contractStatus: r.contract_status,
        organisationName: r.organisation_name,
        survey:
          r.survey_id === null || r.status === null
            ? null
            : {
                id: r.survey_id,
                status: r.status,
                openedAt: (r.opened_at as Date).toISOString(),
                closesAt: (r.closes_at as Date).toISOString(),
                closedAt: r.closed_at?.toISOString() ?? null,
                answers,
                eligible: e,
                responseRate: percent(answers, e),
              },
      };
    });
    return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
  }

  /** One project's survey as the caller may see it (figures for everyone who reaches it; the link for staff). */
  async detail(actor: Actor, projectId: number, as: SurveyRole): Promise<SurveyDetailDto> {
    const em = this.dataSource.manager;
    const p = await this.access.project(em, actor, projectId, as);
    const s = await em.findOne(SurveyEntity, { where: { projectId } });
    const eligible = s === null ? 0 : ((await this.queries.eligibleCounts(em, [projectId])).get(projectId) ?? 0);
    const report = s === null ? null : await this.figures.report(em, s, eligible);
    const mayOpen =
      as === 'WORKER' ||
      (hasPermission(actor.roles, PERMISSIONS.EVALUATION_MANAGE) && inRegionScope(actor, p.regionPath));
    const contract = s === null ? p.contract : await this.contractOf(em, s, p);
    return {
      projectId: p.projectId,
      projectTitle: p.title,
      regionName: p.regionName,
      contractId: contract?.id ?? null,
      contractCode: contract?.code ?? null,
      contractStatus: contract?.status ?? null,
      organisationName: contract?.organisationName ?? null,
      survey:
        s === null
          ? null
          : {
              id: s.id,
              status: s.status,
              questions: parseQuestions(s.questions),
              openedAt: s.openedAt.toISOString(),
              closesAt: s.closesAt.toISOString(),
              closedAt: s.closedAt?.toISOString() ?? null,
              link: seesLink(actor) ? surveyLink(s.token) : null,
            },
      figures: report === null ? null : figuresDto(report),
      canOpen: s === null && p.contract !== null && mayOpen,
    };
  }

  // ---- opening and closing

  async open(actor: Actor, projectId: number, dto: OpenSurveyDto, as: 'MANAGE' | 'WORKER'): Promise<SurveyDetailDto> {
    const job = await inTransaction(this.dataSource, async (em) => {
      const p = await this.access.project(em, actor, projectId, as);
      if (p.contract === null)
        throw new EvaluationError(
          EvaluationErrorCode.SURVEY_INVALID,
          'The project has no signed contract yet: a survey is opened once the service has started.',
        );
      if (await em.existsBy(SurveyEntity, { projectId }))
        throw new EvaluationError(EvaluationErrorCode.SURVEY_EXISTS, 'This project’s survey has been opened already.');
      const now = await dbNow(em);
      const window = closingDate(shanghaiDate(now), dto.closesOn);
      if ('problem' in window)
        throw new EvaluationError(EvaluationErrorCode.SURVEY_INVALID, window.problem, {
          errors: [{ field: 'closesOn', message: window.problem }],
        });
      const s = em.create(SurveyEntity, {
        projectId,
        contractId: p.contract.id,
        regionId: p.regionId,
        regionPath: p.regionPath,
        status: 'OPEN',
        token: randomBytes(16).toString('hex'),
        questions: questionsJson(),
        openedAt: now,
        closesAt: window.closesAt,
        closedAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await em.insert(SurveyEntity, s);
      } catch (err) {
        // a second opening at the same moment: the unique index on project_id decides
        if (isDuplicate(err))
          throw new EvaluationError(
            EvaluationErrorCode.SURVEY_EXISTS,
            'This project’s survey has been opened already.',
          );
        throw err;
      }
      await this.audit.record(em, actor, {
        action: 'evaluation.survey.opened',
        entityType: 'evaluation_survey',
        entityId: s.id,
        regionPath: p.regionPath,
        after: {
          projectId,
          contractId: p.contract.id,
          status: 'OPEN',
          closesOn: window.date,
          closesAt: window.closesAt.toISOString(),
          questions: parseQuestions(s.questions),
        },
      });
      await this.invite(em, actor, s, p, now);
      return surveyCloseJob(s);
    });
    await this.deadlines.schedule(job);
    return this.detail(actor, projectId, as === 'WORKER' ? 'WORKER' : 'READ');
  }

  async close(actor: Actor, projectId: number): Promise<SurveyDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      await this.access.project(em, actor, projectId, 'MANAGE');
      const s = await em.findOne(SurveyEntity, { where: { projectId }, lock: { mode: 'pessimistic_write' } });
      if (s === null) throw new EvaluationError(EvaluationErrorCode.SURVEY_NOT_FOUND, 'This project has no survey.');
      await this.closeLocked(em, actor, actor.roles, s, await dbNow(em), 'OFFICER');
    });
    return this.detail(actor, projectId, 'READ');
  }

  /**
   * Closes a project's survey if it is open, in the caller's transaction (for the evaluation: the final task's
   * submission ends the survey). Returns whether it closed it.
   */
  async closeForProject(
    em: EntityManager,
    projectId: number,
    now: Date,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<boolean> {
    const s = await em.findOne(SurveyEntity, { where: { projectId }, lock: { mode: 'pessimistic_write' } });
    if (s === null || s.status !== 'OPEN') return false;
    await this.closeLocked(em, actor, ['SYSTEM'], s, now, 'EVALUATION');
    return true;
  }

  /** The closing job: the database clock decides; early → delayed again, twice → nothing. */
  async closeTick(surveyId: number): Promise<EvaluationTick> {
    return inTransaction(this.dataSource, async (em): Promise<EvaluationTick> => {
      const s = await em.findOne(SurveyEntity, { where: { id: surveyId }, lock: { mode: 'pessimistic_write' } });
      if (s === null) return { result: 'NOTHING_TO_DO' };
      if (s.status === 'CLOSED') return { result: 'ALREADY_CLOSED' };
      const now = await dbNow(em);
      if (now < s.closesAt) return { dueInMs: s.closesAt.getTime() - now.getTime() };
      await this.closeLocked(em, SYSTEM_ACTOR, ['SYSTEM'], s, now, 'DEADLINE');
      return { result: 'CLOSED' };
    });
  }

  source(): DeadlineSource {
    return {
      kind: SURVEY_CLOSE_JOB,
      pending: async () =>
        (await this.dataSource.getRepository(SurveyEntity).find({ where: { status: 'OPEN' } })).map(surveyCloseJob),
    };
  }

  private async closeLocked(
    em: EntityManager,
    actor: Actor,
    as: readonly MachineActor[],
    s: SurveyEntity,
    now: Date,
    by: 'OFFICER' | 'DEADLINE' | 'EVALUATION',
  ): Promise<void> {
    const why = checkSurveyTransition(s.status, 'CLOSED', as);
    if (why !== null)
      throw new EvaluationError(EvaluationErrorCode.SURVEY_ILLEGAL_TRANSITION, why, { surveyStatus: s.status });
    await em.update(SurveyEntity, { id: s.id }, { status: 'CLOSED', closedAt: now, updatedAt: now });
    const f = await this.figures.figures(em, s.projectId);
    await this.audit.record(em, actor, {
      action: 'evaluation.survey.closed',
      entityType: 'evaluation_survey',
      entityId: s.id,
      regionPath: s.regionPath,
      before: { status: s.status, closesAt: s.closesAt.toISOString() },
      after: { status: 'CLOSED', closedAt: now.toISOString(), by, answers: f.answers, satisfied: f.satisfied },
    });
    s.status = 'CLOSED';
    s.closedAt = now;
  }

  /**
   * The invitation (issue #11 item 9): a step "请为服务打分" on the timeline of each of the project's needs, which
   * reaches their raisers and supporters' inboxes too, and an inbox message to each recorded beneficiary who
   * follows none of them. Both carry the survey's link.
   */
  private async invite(em: EntityManager, actor: Actor, s: SurveyEntity, p: ProjectFacts, now: Date): Promise<void> {
    const params = {
      projectTitle: p.title,
      organisationName: p.contract?.organisationName ?? '',
      closesAt: s.closesAt.toISOString(),
      link: surveyLink(s.token),
    };
    await this.projects.tellNeeds(em, actor, p.projectId, { template: 'evaluation.step.survey_opened', params }, now);
    const followers = await this.queries.needFollowerIds(em, p.projectId);
    const beneficiaries = await em.find(SurveyBeneficiaryEntity, { where: { projectId: p.projectId } });
    await this.inviteResidents(
      em,
      beneficiaries.map((b) => b.residentId).filter((id) => !followers.has(id)),
      params,
      now,
    );
  }

  /** The inbox invitation of residents recorded as beneficiaries (at opening, or later while the survey is open). */
  async inviteResidents(
    em: EntityManager,
    residentIds: number[],
    params: { projectTitle: string; organisationName: string; closesAt: string; link: string },
    now: Date,
  ): Promise<void> {
    await this.inbox.notify(
      em,
      residentIds,
      { kind: 'evaluation.survey', template: 'evaluation.survey.invitation', params },
      now,
    );
  }

  private async contractOf(em: EntityManager, s: SurveyEntity, p: ProjectFacts): Promise<ProjectFacts['contract']> {
    if (p.contract?.id === s.contractId) return p.contract;
    const rows = (await em.query(
      'SELECT c.id, c.code, c.status, c.organisation_id, o.name FROM contracts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?',
      [s.contractId],
    )) as Array<{ id: number; code: string; status: string; organisation_id: number; name: string }>;
    const c = rows[0];
    return c === undefined
      ? null
      : { id: c.id, code: c.code, status: c.status, organisationId: c.organisation_id, organisationName: c.name };
  }

  /** The list's scope as SQL on `p` (project), `s` (survey) and `c` (contract), with its parameters. */
  private scopeSql(actor: Actor, as: SurveyRole): { sql: string; params: unknown[] } {
    const prefix = actor.regionPath === null ? null : `${actor.regionPath.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    if (as === 'WORKER')
      return prefix === null
        ? { sql: '1 = 0', params: [] }
        : { sql: "(p.region_path LIKE ? OR ? LIKE CONCAT(p.region_path, '%'))", params: [prefix, actor.regionPath] };
    if (as === 'MANAGE')
      return prefix === null ? { sql: '1 = 0', params: [] } : { sql: 'p.region_path LIKE ?', params: [prefix] };
    const parts: string[] = [];
    const params: unknown[] = [];
    if (prefix !== null) {
      parts.push('p.region_path LIKE ?');
      params.push(prefix);
    }
    if (actor.organisationId !== null && actor.roles.includes('ORG_MEMBER')) {
      parts.push('(s.id IS NOT NULL AND c.organisation_id = ?)');
      params.push(actor.organisationId);
    }
    if (actor.organisationId !== null && actor.roles.includes('EVALUATOR')) {
      parts.push(
        '(s.id IS NOT NULL AND EXISTS (SELECT 1 FROM evaluation_tasks t WHERE t.project_id = p.id AND t.agency_id = ?))',
      );
      params.push(actor.organisationId);
    }
    return parts.length === 0 ? { sql: '1 = 0', params: [] } : { sql: `(${parts.join(' OR ')})`, params };
  }
}

export function figuresDto(r: Awaited<ReturnType<SurveyFiguresService['report']>>): SurveyFiguresDto {
  return {
    answers: r.answers,
    eligible: r.eligible,
    responseRate: r.responseRate,
    satisfied: r.satisfied,
    satisfactionRate: r.satisfactionRate,
    proxied: r.proxied,
    minimum: r.minimum,
    insufficient: r.insufficient,
    questions: r.questions.map((q) => ({ key: q.key, counts: [...q.counts], mean: q.mean })),
    comments: r.comments,
  };
}
