import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, hasPermission, inRegionScope, PERMISSIONS } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { Page, pageOf } from '../../../platform/http/pagination';
import { PeopleDirectory } from '../../identity';
import { OrganisationsService } from '../../organisations';
import { RegionsService, shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import {
  AssessmentAction,
  gradeExpiresOn,
  SCORING_ASSESSMENT_STATUSES,
  separationOfDutiesProblem,
} from '../domain/grade-assessment';
import { gradeByCutoffs } from '../domain/grade-cutoffs';
import { IndicatorTree, leavesOf } from '../domain/indicator-tree';
import { LeafEntry, scoreLeaves, totalOf } from '../domain/scoring';
import { AssessmentDetailDto, AssessmentSummaryDto, CandidateDto, ListAssessmentsQuery } from '../dto/grading.dto';
import { EvaluationTemplateEntity } from '../entities/evaluation.entities';
import { GradeAssessmentEntity, GradeAssessmentScoreEntity } from '../entities/grading.entities';
import { candidates, documentNames, listAssessmentIds } from '../queries/grading.queries';
import { cutoffDto, GradeCutoffsService } from './grade-cutoffs.service';

/** Who worked on an assessment's scores: the submitter and everyone whose score or note stands on a leaf. */
export async function scorersOf(
  em: EntityManager,
  a: Pick<GradeAssessmentEntity, 'id' | 'submittedBy'>,
): Promise<{ submittedBy: number | null; leafScorers: number[] }> {
  const rows = (await em.query('SELECT DISTINCT updated_by FROM grade_assessment_scores WHERE assessment_id = ?', [
    a.id,
  ])) as Array<{ updated_by: number }>;
  return { submittedBy: a.submittedBy, leafScorers: rows.map((r) => Number(r.updated_by)) };
}

/** The entries of scoreLeaves from the stored rows ("9.50" as typed, null while unscored). */
export function entriesOf(rows: readonly GradeAssessmentScoreEntity[]): Record<string, LeafEntry> {
  return Object.fromEntries(rows.map((r) => [r.leafKey, { score: r.score }]));
}

/**
 * Reading grade assessments: staff of the organisation's region subtree read them all; a member of the organisation
 * reads its decided ones (the result and the scores, as a report); anything else answers 404, as a missing one.
 */
@Injectable()
export class GradeAssessmentView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly regions: RegionsService,
    private readonly people: PeopleDirectory,
    private readonly cutoffs: GradeCutoffsService,
  ) {}

  /** The assessment if `actor` may read it; 404 otherwise. */
  async readable(em: EntityManager, actor: Actor, id: number): Promise<GradeAssessmentEntity> {
    const a = await em.findOneBy(GradeAssessmentEntity, { id });
    const staff = a !== null && actor.regionPath !== null && inRegionScope(actor, a.regionPath);
    const member = a !== null && actor.organisationId === a.organisationId && a.status === 'DECIDED';
    if (a === null || !(staff || member)) throw notFound(id);
    return a;
  }

  async list(actor: Actor, q: ListAssessmentsQuery): Promise<Page<AssessmentSummaryDto>> {
    const em = this.dataSource.manager;
    const { ids, total } = await listAssessmentIds(em, actor, q, q);
    const rows = ids.length === 0 ? [] : await em.findBy(GradeAssessmentEntity, { id: In(ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return pageOf(
      await this.summaries(
        em,
        ids.map((id) => byId.get(id) as GradeAssessmentEntity),
      ),
      total,
      q,
    );
  }

  async candidates(actor: Actor, q: string | undefined): Promise<CandidateDto[]> {
    if (actor.regionPath === null) return [];
    return (await candidates(this.dataSource.manager, actor.regionPath, q)).map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.credit_code,
      regionName: r.region_name,
      grade: r.grade === null ? null : Number(r.grade),
      gradeExpiresOn: r.grade_expires_on,
      openAssessmentId: r.open_assessment_id,
    }));
  }

  async get(actor: Actor, id: number): Promise<AssessmentDetailDto> {
    const em = this.dataSource.manager;
    return this.detail(em, actor, await this.readable(em, actor, id));
  }

  async detail(em: EntityManager, actor: Actor, a: GradeAssessmentEntity): Promise<AssessmentDetailDto> {
    const [summary] = await this.summaries(em, [a]);
    const template = await em.findOneByOrFail(EvaluationTemplateEntity, { id: a.templateId });
    const tree = JSON.parse(template.tree) as IndicatorTree;
    const scores = await em.find(GradeAssessmentScoreEntity, { where: { assessmentId: a.id } });
    const results = scoreLeaves(tree, entriesOf(scores), {});
    const running = totalOf(results);
    const today = shanghaiDate(await dbNow(em));
    const cutoff =
      a.cutoffId !== null
        ? await this.cutoffs.byId(em, a.cutoffId)
        : await this.cutoffs.applicable(em, a.regionPath, today);
    const facts = (await this.organisations.eligibility(em, [a.organisationId])).get(a.organisationId);
    const users = [
      ...scores.map((s) => s.updatedBy),
      ...[a.submittedBy, a.returnedBy, a.decidedBy].filter((x): x is number => x !== null),
      ...(cutoff?.decidedBy ? [cutoff.decidedBy] : []),
    ];
    const names = await this.people.displayNames([...new Set(users)], em);
    const docs = await documentNames(em, a.decisionDocumentId === null ? [] : [a.decisionDocumentId]);
    const { actions, blocked } = await this.actionsFor(em, actor, a);
    const leafKeys = new Set(leavesOf(tree).map((l) => l.node.key));
    return {
      ...summary,
      templateId: template.id,
      templateName: template.name,
      templateTotal: tree.total,
      tree: tree.nodes,
      scores: scores
        .filter((s) => leafKeys.has(s.leafKey))
        .map((s) => ({
          leafKey: s.leafKey,
          score: s.score,
          note: s.note,
          updatedByName: names.get(s.updatedBy) ?? null,
          updatedAt: s.updatedAt.toISOString(),
        })),
      runningTotal: running.rounded,
      scoredLeaves: results.filter((r) => r.score !== null).length,
      leafCount: results.length,
      cutoff: cutoff === null ? null : cutoffDto(cutoff, names),
      gradeByRunningTotal: cutoff === null ? null : gradeByCutoffs(running.rounded, cutoff),
      summary: a.summary,
      submittedByName: a.submittedBy === null ? null : (names.get(a.submittedBy) ?? null),
      returnedAt: a.returnedAt?.toISOString() ?? null,
      returnedByName: a.returnedBy === null ? null : (names.get(a.returnedBy) ?? null),
      returnComment: a.returnComment,
      decidedByName: a.decidedBy === null ? null : (names.get(a.decidedBy) ?? null),
      decisionDocumentId: a.decisionDocumentId,
      decisionDocumentName: a.decisionDocumentId === null ? null : (docs.get(a.decisionDocumentId) ?? null),
      decisionNote: a.decisionNote,
      cancelledAt: a.cancelledAt?.toISOString() ?? null,
      cancelReason: a.cancelReason,
      currentGrade: facts?.grade ?? null,
      currentGradeExpiresOn: facts?.gradeExpiresOn ?? null,
      actions,
      reviewBlockedReason: blocked,
      expiresOnIfDecidedToday: gradeExpiresOn(today),
    };
  }

  private async actionsFor(
    em: EntityManager,
    actor: Actor,
    a: GradeAssessmentEntity,
  ): Promise<{ actions: AssessmentAction[]; blocked: string | null }> {
    if (!hasPermission(actor.roles, PERMISSIONS.EVALUATION_MANAGE) || !inRegionScope(actor, a.regionPath))
      return { actions: [], blocked: null };
    const actions: AssessmentAction[] = [];
    let blocked: string | null = null;
    if (SCORING_ASSESSMENT_STATUSES.includes(a.status)) actions.push('SCORE', 'SUBMIT', 'CANCEL');
    if (a.status === 'SUBMITTED') {
      blocked = separationOfDutiesProblem(actor.userId, await scorersOf(em, a));
      if (blocked === null) actions.push('RETURN', 'DECIDE');
    }
    return { actions, blocked };
  }

  private async summaries(em: EntityManager, rows: GradeAssessmentEntity[]): Promise<AssessmentSummaryDto[]> {
    if (rows.length === 0) return [];
    const facts = await this.organisations.eligibility(em, [...new Set(rows.map((r) => r.organisationId))]);
    const regions = await this.regions.findByIds(rows.map((r) => r.regionId));
    const names = await this.people.displayNames([...new Set(rows.map((r) => r.openedBy))], em);
    return rows.map((a) => ({
      id: a.id,
      code: a.code,
      status: a.status,
      organisationId: a.organisationId,
      organisationName: facts.get(a.organisationId)?.name ?? '',
      regionName: regions.get(a.regionId)?.name ?? '',
      openedAt: a.openedAt.toISOString(),
      openedByName: names.get(a.openedBy) ?? '',
      submittedAt: a.submittedAt?.toISOString() ?? null,
      totalPoints: a.totalPoints,
      proposedGrade: a.proposedGrade === null ? null : Number(a.proposedGrade),
      decidedAt: a.decidedAt?.toISOString() ?? null,
      grade: a.grade === null ? null : Number(a.grade),
      gradeExpiresOn: a.gradeExpiresOn,
    }));
  }
}

export function notFound(id: number | string): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.ASSESSMENT_NOT_FOUND, `Grade assessment ${id} not found.`);
}
