import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import {
  answerProblem,
  INELIGIBLE_TEXT,
  ineligibleReason,
  IneligibleReason,
  normaliseComment,
  parseAnswers,
  parseQuestions,
  surveyLink,
} from '../domain/survey-rules';
import {
  MySurveyDto,
  ResidentSurveyDto,
  SurveyAnswerDto,
  SurveyProxyAnswerDto,
  SurveyResidentDto,
} from '../dto/survey.dto';
import { SurveyAnswerEntity, SurveyEntity } from '../entities/evaluation.entities';
import { ResidentFacts, SurveyQueries } from '../queries/survey-queries';
import { SurveyAccess } from './survey-access';
import { SurveyResidentsService } from './survey-residents.service';

/** Many residents answer at once when a worker shares the QR code at a meeting: a deadlock is retried, not shown. */
const ANSWER_ATTEMPTS = 8;

/**
 * Answers (issue #11 item 4): one per verified resident and survey — the unique index (survey_id, resident_id) is
 * what enforces it, and answering again while the survey is open replaces the first answer in the same statement
 * (INSERT … ON DUPLICATE KEY UPDATE). The survey row is read FOR SHARE, so that closing (FOR UPDATE) waits for the
 * answers in flight and every answer after it is refused. A resident answers for themselves (SELF); a community
 * worker takes the answer of a resident without a phone (PROXY, the worker recorded), but never over an answer the
 * resident gave themselves.
 */
@Injectable()
export class SurveyAnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: SurveyQueries,
    private readonly access: SurveyAccess,
    private readonly residents: SurveyResidentsService,
    private readonly auditService: AuditService,
  ) {}

  /** The survey behind a link, as the signed-in resident sees it: may they answer, and their answer so far. */
  async forResident(actor: Actor, token: string): Promise<ResidentSurveyDto> {
    const em = this.dataSource.manager;
    const s = await this.byToken(em, token);
    const [p, org, facts, mine, now] = await Promise.all([
      this.queries.project(em, s.projectId),
      this.queries.contractOrganisation(em, s.contractId),
      this.queries.resident(em, actor.userId, s.projectId),
      em.findOne(SurveyAnswerEntity, { where: { surveyId: s.id, residentId: actor.userId } }),
      dbNow(em),
    ]);
    const reason = this.reason(facts, mine !== null);
    return {
      token: s.token,
      projectTitle: p?.title ?? '',
      regionName: p?.regionName ?? '',
      organisationName: org?.name ?? '',
      status: s.status === 'OPEN' && now < s.closesAt ? 'OPEN' : 'CLOSED',
      closesAt: s.closesAt.toISOString(),
      questions: parseQuestions(s.questions),
      eligible: reason === null,
      reason,
      myAnswer:
        mine === null
          ? null
          : {
              answers: parseAnswers(mine.answers),
              comment: mine.comment,
              channel: mine.channel,
              answeredAt: mine.createdAt.toISOString(),
              updatedAt: mine.updatedAt.toISOString(),
            },
    };
  }

  /** The resident's own answer (channel SELF): the first, or a replacement while the survey is open. */
  async answer(actor: Actor, token: string, dto: SurveyAnswerDto): Promise<ResidentSurveyDto> {
    await inTransaction(
      this.dataSource,
      async (em) => {
        const s = await this.openSurvey(em, { token });
        const had = await em.existsBy(SurveyAnswerEntity, { surveyId: s.id, residentId: actor.userId });
        const reason = this.reason(await this.queries.resident(em, actor.userId, s.projectId), had);
        if (reason !== null)
          throw new EvaluationError(EvaluationErrorCode.SURVEY_NOT_ELIGIBLE, INELIGIBLE_TEXT[reason], { reason });
        const { overall, answers, comment } = this.checked(s, dto);
        const now = await dbNow(em);
        const res = (await em.query(
          `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, proxy_by, overall, answers, comment, created_at, updated_at)
           VALUES (?, ?, 'SELF', NULL, ?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE channel = 'SELF', proxy_by = NULL, overall = VALUES(overall), answers = VALUES(answers),
             comment = VALUES(comment), updated_at = VALUES(updated_at)`,
          [s.id, actor.userId, overall, answers, comment, now, now],
        )) as { affectedRows: number };
        await this.audit(em, actor, s, { residentId: actor.userId, channel: 'SELF', replaced: res.affectedRows !== 1 });
      },
      ANSWER_ATTEMPTS,
    );
    return this.forResident(actor, token);
  }

  /**
   * A worker takes the answer of an eligible resident of their own community (channel PROXY, proxy_by the
   * worker). An answer the resident gave themselves stays: the proxy answer is refused.
   */
  async proxyAnswer(actor: Actor, projectId: number, dto: SurveyProxyAnswerDto): Promise<SurveyResidentDto[]> {
    await inTransaction(
      this.dataSource,
      async (em) => {
        await this.access.project(em, actor, projectId, 'WORKER');
        const s = await this.openSurvey(em, { projectId });
        const facts = await this.queries.resident(em, dto.residentId, s.projectId);
        // the worker answers for the residents of their own subtree only
        if (facts === null || facts.regionPath === null || !inRegionScope(actor, facts.regionPath))
          throw new EvaluationError(
            EvaluationErrorCode.SURVEY_INVALID,
            'Choose a resident of your community who may answer this survey.',
            { errors: [{ field: 'residentId', message: 'not a resident of your community' }] },
          );
        const had = await em.existsBy(SurveyAnswerEntity, { surveyId: s.id, residentId: dto.residentId });
        const reason = this.reason(facts, had);
        if (reason !== null)
          throw new EvaluationError(
            EvaluationErrorCode.SURVEY_NOT_ELIGIBLE,
            `${facts.displayName}: ${INELIGIBLE_TEXT[reason]}`,
            {
              reason,
            },
          );
        const { overall, answers, comment } = this.checked(s, dto);
        const now = await dbNow(em);
        // The resident's own answer is never overwritten: every column keeps its value when the row is SELF.
        const res = (await em.query(
          `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, proxy_by, overall, answers, comment, created_at, updated_at)
           VALUES (?, ?, 'PROXY', ?, ?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE proxy_by = IF(channel = 'PROXY', VALUES(proxy_by), proxy_by),
             overall = IF(channel = 'PROXY', VALUES(overall), overall),
             answers = IF(channel = 'PROXY', VALUES(answers), answers),
             comment = IF(channel = 'PROXY', VALUES(comment), comment),
             updated_at = IF(channel = 'PROXY', VALUES(updated_at), updated_at)`,
          [s.id, dto.residentId, actor.userId, overall, answers, comment, now, now],
        )) as { affectedRows: number };
        const [row] = (await em.query(
          'SELECT channel FROM evaluation_survey_answers WHERE survey_id = ? AND resident_id = ?',
          [s.id, dto.residentId],
        )) as Array<{ channel: 'SELF' | 'PROXY' }>;
        if (row?.channel === 'SELF')
          throw new EvaluationError(
            EvaluationErrorCode.SURVEY_ANSWERED_BY_RESIDENT,
            `${facts.displayName} has answered the survey themselves; their own answer stays.`,
          );
        await this.audit(em, actor, s, {
          residentId: dto.residentId,
          channel: 'PROXY',
          replaced: res.affectedRows !== 1,
        });
      },
      ANSWER_ATTEMPTS,
    );
    return this.residents.list(actor, projectId, 'WORKER');
  }

  /** The surveys a resident may answer or has answered, open ones first. */
  async mine(actor: Actor): Promise<MySurveyDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.token, s.status, s.closes_at, p.title, o.name AS organisation_name, (a.id IS NOT NULL) AS answered,
         (s.status = 'OPEN' AND s.closes_at > UTC_TIMESTAMP(3)) AS open_now
         FROM evaluation_surveys s
         JOIN projects p ON p.id = s.project_id
         JOIN contracts c ON c.id = s.contract_id
         JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN evaluation_survey_answers a ON a.survey_id = s.id AND a.resident_id = ?
        WHERE a.id IS NOT NULL OR s.project_id IN (
          SELECT pn.project_id FROM project_needs pn JOIN needs n ON n.id = pn.need_id WHERE n.submitted_by = ?
          UNION SELECT pn.project_id FROM project_needs pn JOIN supports su ON su.need_id = pn.need_id WHERE su.user_id = ?
          UNION SELECT b.project_id FROM evaluation_survey_beneficiaries b WHERE b.resident_id = ?)
        ORDER BY open_now DESC, s.id DESC
        LIMIT 100`,
      [actor.userId, actor.userId, actor.userId, actor.userId],
    )) as Array<{
      token: string;
      status: 'OPEN' | 'CLOSED';
      closes_at: Date;
      title: string;
      organisation_name: string;
      answered: number | string;
      open_now: number | string;
    }>;
    return rows.map((r) => ({
      token: r.token,
      link: surveyLink(r.token),
      projectTitle: r.title,
      organisationName: r.organisation_name,
      status: Number(r.open_now) === 1 ? 'OPEN' : 'CLOSED',
      closesAt: r.closes_at.toISOString(),
      answered: Number(r.answered) === 1,
    }));
  }

  private async byToken(em: EntityManager, token: string): Promise<SurveyEntity> {
    const s = await em.findOne(SurveyEntity, { where: { token } });
    if (s === null) throw new EvaluationError(EvaluationErrorCode.SURVEY_NOT_FOUND, 'No survey has this link.');
    return s;
  }

  /** The survey read FOR SHARE (closing waits for this answer), open by its status and by the database clock. */
  private async openSurvey(em: EntityManager, where: { token: string } | { projectId: number }): Promise<SurveyEntity> {
    const s = await em.findOne(SurveyEntity, { where, lock: { mode: 'pessimistic_read' } });
    if (s === null)
      throw new EvaluationError(
        EvaluationErrorCode.SURVEY_NOT_FOUND,
        'token' in where ? 'No survey has this link.' : 'This project has no survey.',
      );
    if (s.status !== 'OPEN' || (await dbNow(em)) >= s.closesAt)
      throw new EvaluationError(
        EvaluationErrorCode.SURVEY_CLOSED,
        'The survey has closed: answers are no longer taken.',
        {
          closesAt: s.closesAt.toISOString(),
        },
      );
    return s;
  }

  /** Why the resident may not answer (null: they may). One who has answered stays counted and may change it. */
  private reason(facts: ResidentFacts | null, hasAnswered: boolean): IneligibleReason | null {
    if (facts === null) return 'NOT_A_RESIDENT';
    return ineligibleReason({ ...facts, linked: facts.linked || hasAnswered });
  }

  private checked(s: SurveyEntity, dto: SurveyAnswerDto): { overall: number; answers: string; comment: string | null } {
    const questions = parseQuestions(s.questions);
    const problem = answerProblem(questions, dto.answers);
    if (problem !== null)
      throw new EvaluationError(EvaluationErrorCode.SURVEY_INVALID, problem.message, { errors: [problem] });
    return { overall: dto.answers[0], answers: JSON.stringify(dto.answers), comment: normaliseComment(dto.comment) };
  }

  /** Who answered, how, and whether it replaced an answer — never what (the rows hold that). */
  private async audit(
    em: EntityManager,
    actor: Actor,
    s: SurveyEntity,
    after: { residentId: number; channel: 'SELF' | 'PROXY'; replaced: boolean },
  ): Promise<void> {
    await this.auditService.record(em, actor, {
      action: after.channel === 'SELF' ? 'evaluation.survey.answered' : 'evaluation.survey.proxy_answered',
      entityType: 'evaluation_survey',
      entityId: s.id,
      regionPath: s.regionPath,
      after: { surveyId: s.id, ...after },
    });
  }
}
