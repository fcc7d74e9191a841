import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService, type NotificationInput } from '../../notifications';
import { GradeDecisions, gradeLabel, OrganisationsService } from '../../organisations';
import { shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { eq, parseDecimal } from '../domain/exact';
import {
  ASSESSMENT_TRANSITIONS,
  assessmentCode,
  AssessmentStatus,
  gradeExpiresOn,
  SCORING_ASSESSMENT_STATUSES,
  separationOfDutiesProblem,
} from '../domain/grade-assessment';
import { GRADE_SCALE, gradeByCutoffs } from '../domain/grade-cutoffs';
import { IndicatorTree, leavesOf } from '../domain/indicator-tree';
import { scoreLeaves, totalOf } from '../domain/scoring';
import { checkTransition } from '../domain/state-machines';
import {
  AssessmentDetailDto,
  CancelAssessmentDto,
  DecideAssessmentDto,
  OpenAssessmentDto,
  ReturnAssessmentDto,
  SaveScoresDto,
  SubmitAssessmentDto,
} from '../dto/grading.dto';
import { EvaluationTemplateEntity } from '../entities/evaluation.entities';
import { GradeAssessmentEntity, GradeAssessmentScoreEntity } from '../entities/grading.entities';
import { entriesOf, GradeAssessmentView, notFound, scorersOf } from './grade-assessment-view';
import { GradeCutoffsService } from './grade-cutoffs.service';
import { TemplateLookup } from './template-lookup';

/**
 * 等级评估 (issue #11 item 6), the officers' use cases, each one transaction on the locked assessment row, audited:
 * open (the newest active 1,000-point grade template frozen for it), score leaves with evidence notes, submit (exact
 * total, graded by the region's lines in force), return or decide — by an officer who did not score it — and cancel.
 * A decision sets the organisation's grade through the organisations context (GradeDecisions: the same row, audit,
 * inbox, record and expiry job as every grade decision), valid 5 years. Officers act on organisations registered in
 * their region subtree; anything else answers 404.
 */
@Injectable()
export class GradeAssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: GradeAssessmentView,
    private readonly templates: TemplateLookup,
    private readonly cutoffs: GradeCutoffsService,
    private readonly organisations: OrganisationsService,
    private readonly decisions: GradeDecisions,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
  ) {}

  async open(actor: Actor, dto: OpenAssessmentDto): Promise<AssessmentDetailDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const org = (await this.organisations.eligibility(em, [dto.organisationId])).get(dto.organisationId);
      if (!org || !inRegionScope(actor, org.regionPath))
        throw invalid('organisationId', 'Choose a social organisation registered in your region.');
      if (org.kind !== 'SOCIAL_ORGANISATION')
        throw invalid('organisationId', 'Only social organisations are graded (not evaluation agencies).');
      if (org.status !== 'ACTIVE')
        throw invalid('organisationId', `The organisation is ${org.status}: only an active organisation is assessed.`);
      if (await em.existsBy(GradeAssessmentEntity, { openKey: org.id }))
        throw new EvaluationError(
          EvaluationErrorCode.ASSESSMENT_OPEN,
          'This organisation already has a grade assessment in progress: finish or cancel it first.',
        );
      const newest = await this.templates.newestActive(em, 'ORGANISATION_GRADE');
      const template = await this.templates.freeze(em, newest.id);
      const total = parseDecimal(String(this.templates.tree(template).total));
      if (total === null || !eq(total, parseDecimal(GRADE_SCALE)!))
        throw new EvaluationError(
          EvaluationErrorCode.TEMPLATE_INVALID,
          `The active grade template totals ${template.totalPoints}, not ${GRADE_SCALE} points: the grade lines are drawn on ${GRADE_SCALE}.`,
        );
      const now = await dbNow(em);
      const row = em.create(GradeAssessmentEntity, {
        code: `TMP-${org.id}-${now.getTime()}`,
        organisationId: org.id,
        regionId: org.regionId,
        regionPath: org.regionPath,
        templateId: template.id,
        status: 'IN_PROGRESS',
        openKey: org.id,
        openedBy: actor.userId,
        openedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(GradeAssessmentEntity, row);
      const code = assessmentCode(Number(shanghaiDate(now).slice(0, 4)), row.id);
      await em.update(GradeAssessmentEntity, { id: row.id }, { code });
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.opened',
        entityType: 'grade_assessment',
        entityId: row.id,
        regionPath: org.regionPath,
        after: { code, organisationId: org.id, organisation: org.name, templateId: template.id, status: 'IN_PROGRESS' },
      });
      await this.tellMembers(em, org.id, now, {
        kind: 'EVALUATION_GRADE_ASSESSMENT_OPENED',
        template: 'evaluation.grading.opened',
        params: { code, organisation: org.name },
      });
      return row.id;
    });
    return this.view.get(actor, id);
  }

  /** Sets the given leaves' scores and evidence notes (the others keep theirs); IN_PROGRESS or RETURNED only. */
  async saveScores(actor: Actor, id: number, dto: SaveScoresDto): Promise<AssessmentDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.locked(em, actor, id);
      if (!SCORING_ASSESSMENT_STATUSES.includes(a.status))
        throw illegal(a.status, `This assessment is ${a.status.toLowerCase()}: its scores no longer change.`);
      const tree = await this.treeOf(em, a);
      const leaves = new Map(leavesOf(tree).map((l) => [l.node.key, l.node]));
      const seen = new Set<string>();
      dto.scores.forEach((s, i) => {
        if (!leaves.has(s.leafKey))
          throw invalid(`scores[${i}].leafKey`, `${s.leafKey} is not an item of this template.`);
        if (seen.has(s.leafKey)) throw invalid(`scores[${i}].leafKey`, `${s.leafKey} is given twice.`);
        seen.add(s.leafKey);
        if (s.score === null) return;
        const [result] = scoreLeaves(
          { total: leaves.get(s.leafKey)!.points, nodes: [leaves.get(s.leafKey)!] },
          {
            [s.leafKey]: { score: s.score },
          },
          {},
        );
        if (result.problem !== null)
          throw invalid(
            `scores[${i}].score`,
            result.problem === 'SCORE_ABOVE_POINTS'
              ? `${s.leafKey} is worth ${result.points} points at most.`
              : `${s.leafKey}: a score is points with 2 decimals at most.`,
          );
      });
      const now = await dbNow(em);
      const existing = new Map(
        (await em.find(GradeAssessmentScoreEntity, { where: { assessmentId: a.id } })).map((r) => [r.leafKey, r]),
      );
      const before: Array<{ leafKey: string; score: string | null; note?: string | null }> = [];
      const after: typeof before = [];
      for (const s of dto.scores) {
        const old = existing.get(s.leafKey);
        const scoreText = s.score;
        const note = s.note === undefined ? (old?.note ?? null) : s.note || null;
        const sameScore =
          old !== undefined &&
          ((old.score === null && scoreText === null) ||
            (old.score !== null && scoreText !== null && eq(parseDecimal(old.score)!, parseDecimal(scoreText)!)));
        if (old !== undefined && sameScore && (old.note ?? null) === note) continue;
        if (old === undefined)
          await em.insert(GradeAssessmentScoreEntity, {
            assessmentId: a.id,
            leafKey: s.leafKey,
            score: scoreText,
            note,
            updatedBy: actor.userId,
            updatedAt: now,
          });
        else
          await em.update(
            GradeAssessmentScoreEntity,
            { id: old.id },
            { score: scoreText, note, updatedBy: actor.userId, updatedAt: now },
          );
        before.push({ leafKey: s.leafKey, score: old?.score ?? null, ...(old?.note ? { note: old.note } : {}) });
        after.push({ leafKey: s.leafKey, score: scoreText, ...(note ? { note } : {}) });
      }
      if (after.length === 0) return;
      await em.update(GradeAssessmentEntity, { id: a.id }, { updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.scored',
        entityType: 'grade_assessment',
        entityId: a.id,
        regionPath: a.regionPath,
        before: { leaves: before },
        after: { leaves: after },
      });
    });
    return this.view.get(actor, id);
  }

  /** Every leaf scored → the exact total and the grade by the lines of the organisation's region in force today. */
  async submit(actor: Actor, id: number, dto: SubmitAssessmentDto): Promise<AssessmentDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.locked(em, actor, id);
      this.move(actor, a, 'SUBMITTED');
      const tree = await this.treeOf(em, a);
      const results = scoreLeaves(tree, entriesOf(await this.scoreRows(em, a)), {});
      const total = totalOf(results);
      if (!total.complete) {
        const missing = results.filter((r) => r.problem !== null).map((r) => r.key);
        throw new EvaluationError(
          EvaluationErrorCode.SCORES_INCOMPLETE,
          `${missing.length} of ${results.length} items are not scored yet.`,
          { errors: missing.map((key) => ({ field: `scores.${key}`, message: 'Not scored yet.' })) },
        );
      }
      const now = await dbNow(em);
      const cutoff = await this.cutoffs.applicable(em, a.regionPath, shanghaiDate(now));
      if (cutoff === null)
        throw new EvaluationError(
          EvaluationErrorCode.GRADE_CUTOFF_MISSING,
          'No grade lines apply to this organisation’s region: set them (等级分数线) before submitting.',
        );
      const grade = gradeByCutoffs(total.rounded, cutoff);
      const summary = dto.summary === undefined ? a.summary : dto.summary || null;
      await em.update(
        GradeAssessmentEntity,
        { id: a.id },
        {
          status: 'SUBMITTED',
          submittedBy: actor.userId,
          submittedAt: now,
          totalPoints: total.rounded,
          totalExact: total.ratio,
          proposedGrade: grade,
          cutoffId: cutoff.id,
          summary,
          updatedAt: now,
        },
      );
      const org = (await this.organisations.eligibility(em, [a.organisationId])).get(a.organisationId);
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.submitted',
        entityType: 'grade_assessment',
        entityId: a.id,
        regionPath: a.regionPath,
        before: { status: a.status },
        after: {
          status: 'SUBMITTED',
          totalPoints: total.rounded,
          totalExact: total.ratio,
          grade: gradeLabel(grade),
          cutoffId: cutoff.id,
          cutoffRegion: cutoff.regionName,
          lines: { min1: cutoff.min1, min2: cutoff.min2, min3: cutoff.min3, min4: cutoff.min4, min5: cutoff.min5 },
        },
      });
      const scorers = await scorersOf(em, { id: a.id, submittedBy: actor.userId });
      const reviewers = (await this.people.activeWithRole('PROCUREMENT_OFFICER', em))
        .filter((o) => o.regionPath !== null && a.regionPath.startsWith(o.regionPath))
        .map((o) => o.id)
        .filter((uid) => separationOfDutiesProblem(uid, scorers) === null);
      await this.inbox.notify(
        em,
        reviewers,
        {
          kind: 'EVALUATION_GRADE_ASSESSMENT_SUBMITTED',
          template: 'evaluation.grading.submitted',
          params: {
            code: a.code,
            organisation: org?.name ?? '',
            points: total.rounded,
            grade,
            cutoffRegion: cutoff.regionName,
          },
        },
        now,
      );
    });
    return this.view.get(actor, id);
  }

  /** Back to the assessors with a comment (the result is cleared; they rescore and submit again). */
  async returnForRescoring(actor: Actor, id: number, dto: ReturnAssessmentDto): Promise<AssessmentDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.locked(em, actor, id);
      this.move(actor, a, 'RETURNED');
      const scorers = await scorersOf(em, a);
      this.assertSeparate(actor, scorers);
      const now = await dbNow(em);
      await em.update(
        GradeAssessmentEntity,
        { id: a.id },
        {
          status: 'RETURNED',
          returnedBy: actor.userId,
          returnedAt: now,
          returnComment: dto.reason,
          submittedBy: null,
          submittedAt: null,
          totalPoints: null,
          totalExact: null,
          proposedGrade: null,
          cutoffId: null,
          updatedAt: now,
        },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.returned',
        entityType: 'grade_assessment',
        entityId: a.id,
        regionPath: a.regionPath,
        before: { status: a.status, totalPoints: a.totalPoints, grade: gradeLabel(a.proposedGrade) },
        after: { status: 'RETURNED', reason: dto.reason },
      });
      const org = (await this.organisations.eligibility(em, [a.organisationId])).get(a.organisationId);
      await this.inbox.notify(
        em,
        [...new Set([...scorers.leafScorers, ...(scorers.submittedBy === null ? [] : [scorers.submittedBy])])],
        {
          kind: 'EVALUATION_GRADE_ASSESSMENT_RETURNED',
          template: 'evaluation.grading.returned',
          params: { code: a.code, organisation: org?.name ?? '', reason: dto.reason },
        },
        now,
      );
    });
    return this.view.get(actor, id);
  }

  /**
   * The decision (by an officer who did not score it), on the decision document: the organisation's grade becomes the
   * assessed one — or none below the 1A line — valid until the day before the fifth anniversary of today (Beijing).
   */
  async decide(actor: Actor, id: number, dto: DecideAssessmentDto): Promise<AssessmentDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.locked(em, actor, id);
      this.move(actor, a, 'DECIDED');
      this.assertSeparate(actor, await scorersOf(em, a));
      const now = await dbNow(em);
      const grade = a.proposedGrade === null ? null : Number(a.proposedGrade);
      const expiresOn = grade === null ? null : gradeExpiresOn(shanghaiDate(now));
      const note = dto.note || null;
      const { documentId } = await this.decisions.decideByAssessment(
        em,
        actor,
        a.organisationId,
        {
          assessmentId: a.id,
          code: a.code,
          points: a.totalPoints as string,
          grade,
          expiresOn,
          document: { fileName: dto.fileName, contentBase64: dto.contentBase64 },
          note,
        },
        now,
      );
      await em.update(
        GradeAssessmentEntity,
        { id: a.id },
        {
          status: 'DECIDED',
          openKey: null,
          decidedBy: actor.userId,
          decidedAt: now,
          decisionDocumentId: documentId,
          decisionNote: note,
          grade,
          gradeExpiresOn: expiresOn,
          updatedAt: now,
        },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.decided',
        entityType: 'grade_assessment',
        entityId: a.id,
        regionPath: a.regionPath,
        before: { status: a.status },
        after: {
          status: 'DECIDED',
          totalPoints: a.totalPoints,
          grade: gradeLabel(grade),
          gradeExpiresOn: expiresOn,
          documentId,
          ...(note ? { note } : {}),
        },
      });
    });
    return this.view.get(actor, id);
  }

  async cancel(actor: Actor, id: number, dto: CancelAssessmentDto): Promise<AssessmentDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.locked(em, actor, id);
      this.move(actor, a, 'CANCELLED');
      const now = await dbNow(em);
      await em.update(
        GradeAssessmentEntity,
        { id: a.id },
        {
          status: 'CANCELLED',
          openKey: null,
          cancelledBy: actor.userId,
          cancelledAt: now,
          cancelReason: dto.reason,
          updatedAt: now,
        },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_assessment.cancelled',
        entityType: 'grade_assessment',
        entityId: a.id,
        regionPath: a.regionPath,
        before: { status: a.status },
        after: { status: 'CANCELLED', reason: dto.reason },
      });
      const org = (await this.organisations.eligibility(em, [a.organisationId])).get(a.organisationId);
      await this.tellMembers(em, a.organisationId, now, {
        kind: 'EVALUATION_GRADE_ASSESSMENT_CANCELLED',
        template: 'evaluation.grading.cancelled',
        params: { code: a.code, organisation: org?.name ?? '', reason: dto.reason },
      });
    });
    return this.view.get(actor, id);
  }

  /** The assessment, locked, if it is in the officer's region subtree (404 otherwise). */
  private async locked(em: EntityManager, actor: Actor, id: number): Promise<GradeAssessmentEntity> {
    const a = await em.findOne(GradeAssessmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (a === null || !inRegionScope(actor, a.regionPath)) throw notFound(id);
    return a;
  }

  private move(actor: Actor, a: GradeAssessmentEntity, to: AssessmentStatus): void {
    const problem = checkTransition(ASSESSMENT_TRANSITIONS, 'grade assessment', a.status, to, actor.roles);
    if (problem !== null) throw illegal(a.status, problem);
  }

  private assertSeparate(actor: Actor, scorers: { submittedBy: number | null; leafScorers: number[] }): void {
    const problem = separationOfDutiesProblem(actor.userId, scorers);
    if (problem !== null) throw new EvaluationError(EvaluationErrorCode.SEPARATION_OF_DUTIES, problem);
  }

  private async treeOf(em: EntityManager, a: GradeAssessmentEntity): Promise<IndicatorTree> {
    return this.templates.tree(await em.findOneByOrFail(EvaluationTemplateEntity, { id: a.templateId }));
  }

  private scoreRows(em: EntityManager, a: GradeAssessmentEntity): Promise<GradeAssessmentScoreEntity[]> {
    return em.find(GradeAssessmentScoreEntity, { where: { assessmentId: a.id } });
  }

  private async tellMembers(em: EntityManager, organisationId: number, now: Date, m: NotificationInput): Promise<void> {
    const members = (await this.people.memberIds([organisationId], em)).get(organisationId) ?? [];
    await this.inbox.notify(em, members, m, now);
  }
}

function invalid(field: string, message: string): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.ASSESSMENT_INVALID, message, { errors: [{ field, message }] });
}

function illegal(status: AssessmentStatus, message: string): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.ASSESSMENT_ILLEGAL_TRANSITION, message, { assessmentStatus: status });
}
