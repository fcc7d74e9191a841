import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { frac, Fraction, parseDecimal, toRatio, ZERO } from '../domain/exact';
import { ComputedIndicator, IndicatorNode, IndicatorTree, leavesOf } from '../domain/indicator-tree';
import { parseDecimal4, SystemMeasure, SystemMeasures, toDecimal4 } from '../domain/measures';
import { EntryView, exactView, openLeaves, SheetNode, sheetNodes } from '../domain/scoresheet';
import {
  computedScore,
  DEFAULT_GRADE_BANDS,
  Grade,
  GradeBands,
  gradeOf,
  LeafEntry,
  LeafProblem,
  LeafResult,
  parseGradeBands,
  scoreLeaves,
  totalOf,
} from '../domain/scoring';
import { checkTransition, TASK_TRANSITIONS, TaskStatus } from '../domain/state-machines';
import { SaveScoreDto, SubmitEvaluationDto, TaskEvidenceDto } from '../dto/scoring.dto';
import { EvaluationScoreEntity, EvaluationTaskEntity, EvaluationTemplateEntity } from '../entities/evaluation.entities';
import { EvaluationEvidenceEntity, EvaluationEvidenceLeafEntity } from '../entities/evidence.entities';
import { EvaluationMeasuresService } from './evaluation-measures.service';
import { assertScoring, scoringTaskReadable, scoringTaskWritable, ScoringViewer, taskNotFound } from './scoring-scope';
import { SurveyFigures, SurveyFiguresService } from './survey-figures.service';

/** Statuses whose result is the one stored at submission (not recomputed from today's data). */
const RESULT_STORED: readonly TaskStatus[] = ['SUBMITTED', 'CONFIRMED', 'PUBLISHED'];

export interface TaskHeader {
  id: number;
  code: string;
  kind: string;
  status: TaskStatus;
  contractId: number;
  contractCode: string;
  contractTitle: string;
  termStart: string;
  termEnd: string;
  projectId: number;
  organisationId: number;
  organisationName: string;
  agencyName: string | null;
  evaluatorName: string | null;
  regionName: string | null;
  dueAt: string;
  startedAt: string | null;
  submittedAt: string | null;
  returnedAt: string | null;
  returnComment: string | null;
  confirmedAt: string | null;
  publishedAt: string | null;
  totalScore: string | null;
  totalExact: string | null;
  grade: Grade | null;
  summary: string | null;
}

export interface Scoresheet {
  task: TaskHeader;
  template: { id: number; code: string; version: number; name: string; total: string };
  viewer: ScoringViewer;
  canScore: boolean;
  bands: GradeBands;
  nodes: SheetNode<TaskEvidenceDto>[];
  total: { rounded: string; exact: string; complete: boolean; grade: Grade; leaves: number; scored: number };
  open: Array<{ key: string; name: string; problem: LeafProblem }>;
  survey: SurveyFigures & { ratePercent: string | null };
  /** Every piece of evidence of the task, newest last. */
  evidence: TaskEvidenceDto[];
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** "4.50" (DECIMAL(9,2)) → "4.5"; "4.00" → "4". */
export function shortDecimal(text: string | null): string | null {
  if (text === null) return null;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function parseRatio(text: string | null): Fraction | null {
  const m = /^(-?\d+)\/(\d+)$/.exec(text ?? '');
  return m && m[2] !== '0' ? frac(BigInt(m[1]), BigInt(m[2])) : null;
}

export function evidenceDto(
  e: EvaluationEvidenceEntity,
  leafKeys: string[],
  viewer: ScoringViewer | null,
): TaskEvidenceDto {
  return {
    id: e.id,
    kind: e.kind,
    leafKeys,
    fileName: e.fileName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
    hasThumbnail: e.thumbMime !== null,
    takenAt: iso(e.takenAt),
    place: e.place,
    exifTakenAt: iso(e.exifTakenAt),
    // whom the evaluator interviewed stays with the evaluator and the purchaser (no retaliation)
    interviewee: viewer === 'ORGANISATION' ? null : e.interviewee,
    summary: e.summary,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Scoring a task (issue #11 item 3): the scoresheet (the frozen tree, each leaf's guide, the evaluator's entries, the
 * computed leaves' measures and values, evidence per leaf, the live exact total and the grade it would give), saving
 * one leaf at a time (only the task's evaluator, only while ASSIGNED/IN_PROGRESS/RETURNED; the first save starts the
 * task), and submission (every leaf scored without a problem; the exact result stored; the officers told).
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly measuresService: EvaluationMeasuresService,
    private readonly surveys: SurveyFiguresService,
    private readonly audit: AuditService,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
  ) {}

  bands(): GradeBands {
    return parseGradeBands(this.env.EVALUATION_GRADE_BANDS) ?? DEFAULT_GRADE_BANDS;
  }

  // ---- reading

  /** The task if the actor may read it (404 otherwise), and who they are for it. */
  async readable(
    actor: Actor,
    taskId: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ task: EvaluationTaskEntity; viewer: ScoringViewer }> {
    const task = await em.findOne(EvaluationTaskEntity, { where: { id: taskId } });
    const viewer = task ? scoringTaskReadable(actor, task) : null;
    if (!task || viewer === null) throw taskNotFound(taskId);
    return { task, viewer };
  }

  async scoresheet(actor: Actor, taskId: number): Promise<Scoresheet> {
    return inTransaction(this.dataSource, async (em) => {
      const { task, viewer } = await this.readable(actor, taskId, em);
      return this.build(em, actor, task, viewer);
    });
  }

  /** The scoresheet of a task the caller may read, in the caller's transaction. */
  async build(em: EntityManager, actor: Actor, task: EvaluationTaskEntity, viewer: ScoringViewer): Promise<Scoresheet> {
    const template = await em.findOneOrFail(EvaluationTemplateEntity, { where: { id: task.templateId } });
    const tree = JSON.parse(template.tree) as IndicatorTree;
    const rows = await em.find(EvaluationScoreEntity, { where: { taskId: task.id } });
    const entries = new Map<string, EntryView>(
      rows.map((r) => [
        r.leafKey,
        {
          score: shortDecimal(r.score),
          overrideReason: r.overrideReason,
          note: r.note,
          updatedAt: iso(r.updatedAt),
        },
      ]),
    );
    const stored = RESULT_STORED.includes(task.status);
    const measures = stored ? storedMeasures(tree, rows) : await this.measuresService.measures(em, task.contractId);
    const results = stored ? storedResults(tree, rows, measures) : scoreLeaves(tree, entryMap(entries), measures);
    const total = totalOf(results);
    const bands = this.bands();

    const evidenceRows = await em.find(EvaluationEvidenceEntity, { where: { taskId: task.id }, order: { id: 'ASC' } });
    const links = evidenceRows.length
      ? await em.find(EvaluationEvidenceLeafEntity, { where: { evidenceId: In(evidenceRows.map((e) => e.id)) } })
      : [];
    const evidence = evidenceRows.map((e) =>
      evidenceDto(
        e,
        links.filter((l) => l.evidenceId === e.id).map((l) => l.leafKey),
        viewer,
      ),
    );
    const figures = await this.surveys.figures(em, task.projectId);
    return {
      task: await this.header(em, task),
      template: {
        id: template.id,
        code: template.code,
        version: template.version,
        name: template.name,
        total: shortDecimal(template.totalPoints) ?? template.totalPoints,
      },
      viewer,
      canScore: scoringTaskWritable(actor, task) && ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'].includes(task.status),
      bands,
      nodes: sheetNodes(tree, results, entries, measures, (key) => evidence.filter((e) => e.leafKeys.includes(key))),
      total: {
        rounded: total.rounded,
        exact: total.ratio,
        complete: total.complete,
        grade: gradeOf(total.rounded, bands),
        leaves: results.length,
        scored: results.filter((r) => r.problem === null && r.score !== null).length,
      },
      open: openLeaves(tree, results),
      survey: {
        ...figures,
        ratePercent:
          figures.answers === 0
            ? null
            : exactView(frac(BigInt(figures.satisfied) * 100n, BigInt(figures.answers))).rounded,
      },
      evidence,
    };
  }

  private async header(em: EntityManager, task: EvaluationTaskEntity): Promise<TaskHeader> {
    const [row] = (await em.query(
      `SELECT c.code AS contractCode, c.title AS contractTitle, c.term_start AS termStart, c.term_end AS termEnd,
              o.name AS organisationName, a.name AS agencyName, u.display_name AS evaluatorName, r.name AS regionName
         FROM contracts c
         JOIN organisations o ON o.id = ?
         LEFT JOIN organisations a ON a.id = ?
         LEFT JOIN users u ON u.id = ?
         LEFT JOIN regions r ON r.id = ?
        WHERE c.id = ?`,
      [task.organisationId, task.agencyId, task.evaluatorId, task.regionId, task.contractId],
    )) as Array<{
      contractCode: string;
      contractTitle: string;
      termStart: string | Date;
      termEnd: string | Date;
      organisationName: string;
      agencyName: string | null;
      evaluatorName: string | null;
      regionName: string | null;
    }>;
    const day = (d: string | Date | undefined) =>
      d instanceof Date ? d.toISOString().slice(0, 10) : String(d ?? '').slice(0, 10);
    return {
      id: task.id,
      code: task.code,
      kind: task.kind,
      status: task.status,
      contractId: task.contractId,
      contractCode: row?.contractCode ?? '',
      contractTitle: row?.contractTitle ?? '',
      termStart: day(row?.termStart),
      termEnd: day(row?.termEnd),
      projectId: task.projectId,
      organisationId: task.organisationId,
      organisationName: row?.organisationName ?? '',
      agencyName: row?.agencyName ?? null,
      evaluatorName: row?.evaluatorName ?? null,
      regionName: row?.regionName ?? null,
      dueAt: task.dueAt.toISOString(),
      startedAt: iso(task.startedAt),
      submittedAt: iso(task.submittedAt),
      returnedAt: iso(task.returnedAt),
      returnComment: task.returnComment,
      confirmedAt: iso(task.confirmedAt),
      publishedAt: iso(task.publishedAt),
      totalScore: task.totalScore,
      totalExact: task.totalExact,
      grade: task.grade,
      summary: task.summary,
    };
  }

  // ---- writing

  /**
   * The task of its evaluator, locked for this transaction, while scores may change: 404 for anyone else (as a
   * missing task), 409 once submitted. The first change of an ASSIGNED or RETURNED task moves it to IN_PROGRESS.
   */
  async lockForScoring(
    em: EntityManager,
    actor: Actor,
    taskId: number,
  ): Promise<{ task: EvaluationTaskEntity; tree: IndicatorTree; now: Date }> {
    const task = await em.findOne(EvaluationTaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || !scoringTaskWritable(actor, task)) throw taskNotFound(taskId);
    assertScoring(task);
    const template = await em.findOneOrFail(EvaluationTemplateEntity, { where: { id: task.templateId } });
    const now = await dbNow(em);
    await this.start(em, actor, task, now);
    return { task, tree: JSON.parse(template.tree) as IndicatorTree, now };
  }

  private async start(em: EntityManager, actor: Actor, task: EvaluationTaskEntity, now: Date): Promise<void> {
    if (task.status !== 'ASSIGNED' && task.status !== 'RETURNED') return;
    this.move(task.status, 'IN_PROGRESS', actor);
    const before = task.status;
    task.status = 'IN_PROGRESS';
    task.startedAt = task.startedAt ?? now;
    await em.update(
      EvaluationTaskEntity,
      { id: task.id },
      { status: 'IN_PROGRESS', startedAt: task.startedAt, updatedAt: now },
    );
    await this.audit.record(em, actor, {
      action: 'evaluation.task.started',
      entityType: 'evaluation_task',
      entityId: task.id,
      regionPath: task.regionPath,
      before: { status: before },
      after: { status: 'IN_PROGRESS', code: task.code },
    });
  }

  private move(from: TaskStatus, to: TaskStatus, actor: Actor): void {
    const problem = checkTransition(TASK_TRANSITIONS, 'evaluation task', from, to, actor.roles);
    if (problem) throw new EvaluationError(EvaluationErrorCode.TASK_ILLEGAL_TRANSITION, problem, { from, to });
  }

  async save(actor: Actor, taskId: number, leafKey: string, dto: SaveScoreDto): Promise<Scoresheet> {
    await inTransaction(this.dataSource, async (em) => {
      const { task, tree, now } = await this.lockForScoring(em, actor, taskId);
      const leaf = leafOf(tree, leafKey);
      if (!leaf) throw new EvaluationError(EvaluationErrorCode.LEAF_NOT_FOUND, `The tree has no leaf ${leafKey}.`);
      const measures: SystemMeasures =
        leaf.kind === 'COMPUTED' ? await this.measuresService.measures(em, task.contractId) : {};
      const typed = dto.score ?? null;
      const reason = dto.overrideReason ?? null;
      const [result] = scoreLeaves(
        { total: leaf.points, nodes: [leaf] },
        { [leaf.key]: { score: typed, overrideReason: reason } },
        measures,
      );
      refuseInvalid(result, leaf);
      // a computed value confirmed as it is stays computed (it follows the data until submission); a manual leaf has
      // no override
      const followsComputed = leaf.kind === 'COMPUTED' && result.source === 'COMPUTED';
      const next = {
        score: followsComputed ? null : typed,
        overrideReason: leaf.kind === 'COMPUTED' && !followsComputed ? reason : null,
        note: dto.note ?? null,
      };
      const row = await em.findOne(EvaluationScoreEntity, { where: { taskId, leafKey: leaf.key } });
      const before = row
        ? { score: shortDecimal(row.score), overrideReason: row.overrideReason, note: row.note }
        : { score: null, overrideReason: null, note: null };
      if (row)
        await em.update(EvaluationScoreEntity, { id: row.id }, { ...next, updatedBy: actor.userId, updatedAt: now });
      else
        await em.insert(EvaluationScoreEntity, {
          taskId,
          leafKey: leaf.key,
          ...next,
          measureActual: null,
          measurePlanned: null,
          measureInsufficient: null,
          measureBasis: null,
          scoreExact: null,
          source: null,
          updatedBy: actor.userId,
          updatedAt: now,
        });
      await this.audit.record(em, actor, {
        action: 'evaluation.score.saved',
        entityType: 'evaluation_task',
        entityId: task.id,
        regionPath: task.regionPath,
        before: { leafKey: leaf.key, ...before },
        after: { leafKey: leaf.key, ...next, source: result.source },
      });
    });
    return this.scoresheet(actor, taskId);
  }

  async submit(actor: Actor, taskId: number, dto: SubmitEvaluationDto): Promise<Scoresheet> {
    await inTransaction(this.dataSource, async (em) => {
      const task = await em.findOne(EvaluationTaskEntity, {
        where: { id: taskId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!task || !scoringTaskWritable(actor, task)) throw taskNotFound(taskId);
      const now = await dbNow(em);
      // ASSIGNED/RETURNED → IN_PROGRESS first (both moves checked), then IN_PROGRESS → SUBMITTED
      if (task.status === 'ASSIGNED' || task.status === 'RETURNED') await this.start(em, actor, task, now);
      this.move(task.status, 'SUBMITTED', actor);
      const template = await em.findOneOrFail(EvaluationTemplateEntity, { where: { id: task.templateId } });
      const tree = JSON.parse(template.tree) as IndicatorTree;
      const rows = await em.find(EvaluationScoreEntity, { where: { taskId } });
      const entries = new Map(
        rows.map((r) => [r.leafKey, { score: shortDecimal(r.score), overrideReason: r.overrideReason }]),
      );
      const measures = await this.measuresService.measures(em, task.contractId);
      const results = scoreLeaves(tree, Object.fromEntries(entries), measures);
      const total = totalOf(results);
      if (!total.complete) {
        const open = openLeaves(tree, results);
        throw new EvaluationError(
          EvaluationErrorCode.SCORES_INCOMPLETE,
          `${open.length} indicator(s) still to score: ${open.map((l) => `${l.key} ${l.name} (${l.problem})`).join(', ')}.`,
          { leaves: open },
        );
      }
      for (const r of results) {
        const m = r.computed ? (measures[r.computed] as SystemMeasure | undefined) : undefined;
        const stored = {
          scoreExact: toRatio(r.score as Fraction),
          source: r.source,
          measureActual: m ? toDecimal4(m.actual) : null,
          measurePlanned: m ? toDecimal4(m.planned) : null,
          measureInsufficient: m?.insufficient ?? null,
          measureBasis: m?.basis ?? null,
          updatedAt: now,
        };
        const row = rows.find((x) => x.leafKey === r.key);
        if (row) await em.update(EvaluationScoreEntity, { id: row.id }, stored);
        else
          await em.insert(EvaluationScoreEntity, {
            taskId,
            leafKey: r.key,
            score: null,
            overrideReason: null,
            note: null,
            updatedBy: actor.userId,
            ...stored,
          });
      }
      const grade = gradeOf(total.rounded, this.bands());
      const summary = dto.summary.trim();
      await em.update(
        EvaluationTaskEntity,
        { id: taskId },
        {
          status: 'SUBMITTED',
          submittedAt: now,
          totalScore: total.rounded,
          totalExact: total.ratio,
          grade,
          summary,
          updatedAt: now,
        },
      );
      await this.closeSurvey(em, actor, task, now);
      await this.audit.record(em, actor, {
        action: 'evaluation.task.submitted',
        entityType: 'evaluation_task',
        entityId: taskId,
        regionPath: task.regionPath,
        before: { status: 'IN_PROGRESS' },
        after: {
          status: 'SUBMITTED',
          code: task.code,
          totalScore: total.rounded,
          totalExact: total.ratio,
          grade,
          sources: Object.fromEntries(results.map((r) => [r.key, r.source])),
        },
      });
      const [contract] = (await em.query('SELECT title FROM contracts WHERE id = ?', [task.contractId])) as Array<{
        title: string;
      }>;
      await this.inbox.notify(
        em,
        await this.officers(em, task),
        {
          kind: 'evaluation.task',
          template: 'evaluation.scoring.submitted',
          params: {
            contractTitle: contract?.title ?? '',
            taskCode: task.code,
            totalScore: total.rounded,
            grade,
            submittedAt: now.toISOString(),
          },
        },
        now,
      );
    });
    return this.scoresheet(actor, taskId);
  }

  /**
   * The project's survey closes with the final task's submission (the figures it was scored on stay as they were):
   * only an OPEN survey, audited.
   */
  private async closeSurvey(em: EntityManager, actor: Actor, task: EvaluationTaskEntity, now: Date): Promise<void> {
    if (task.kind !== 'FINAL') return;
    const rows = (await em.query(
      "SELECT id FROM evaluation_surveys WHERE project_id = ? AND status = 'OPEN' FOR UPDATE",
      [task.projectId],
    )) as Array<{ id: number }>;
    for (const s of rows) {
      await em.query("UPDATE evaluation_surveys SET status = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ?", [
        now,
        now,
        s.id,
      ]);
      await this.audit.record(em, actor, {
        action: 'evaluation.survey.closed',
        entityType: 'evaluation_survey',
        entityId: s.id,
        regionPath: task.regionPath,
        before: { status: 'OPEN' },
        after: { status: 'CLOSED', why: 'FINAL_TASK_SUBMITTED', taskId: task.id },
      });
    }
  }

  /** The task's officers: the one who assigned it and the procurement officers whose region covers the task's. */
  private async officers(em: EntityManager, task: EvaluationTaskEntity): Promise<number[]> {
    const all = await this.people.activeWithRole('PROCUREMENT_OFFICER', em);
    const ids = all.filter((u) => u.regionPath !== null && task.regionPath.startsWith(u.regionPath)).map((u) => u.id);
    if (task.assignedBy !== null) ids.push(task.assignedBy);
    return [...new Set(ids)];
  }
}

function leafOf(tree: IndicatorTree, key: string): IndicatorNode | null {
  return leavesOf(tree).find((l) => l.node.key === key)?.node ?? null;
}

function entryMap(entries: ReadonlyMap<string, EntryView>): Record<string, LeafEntry> {
  return Object.fromEntries([...entries].map(([k, e]) => [k, { score: e.score, overrideReason: e.overrideReason }]));
}

/** Saving refuses what can never be right: a malformed score, one above the points, a change without a reason. */
function refuseInvalid(r: LeafResult, leaf: IndicatorNode): void {
  const messages: Partial<Record<LeafProblem, [string, string]>> = {
    SCORE_INVALID: ['score', 'A score is a decimal with at most 2 places.'],
    SCORE_ABOVE_POINTS: ['score', `The score is at most the leaf’s ${leaf.points} points.`],
    REASON_REQUIRED: [
      'overrideReason',
      r.computedScore === null
        ? 'This computed indicator has too little data: give the reason for the score you enter.'
        : 'Changing a computed value needs a written reason.',
    ],
  };
  const m = r.problem ? messages[r.problem] : undefined;
  if (m)
    throw new EvaluationError(EvaluationErrorCode.SCORE_INVALID, m[1], {
      problem: r.problem,
      leafKey: leaf.key,
      errors: [{ field: m[0], message: m[1] }],
    });
}

/** The measures a submitted task was scored on, from its stored rows. */
function storedMeasures(tree: IndicatorTree, rows: EvaluationScoreEntity[]): SystemMeasures {
  const out: SystemMeasures = {};
  for (const { node } of leavesOf(tree)) {
    const row = rows.find((r) => r.leafKey === node.key);
    if (node.kind !== 'COMPUTED' || !node.computed || !row) continue;
    const actual = parseDecimal4(row.measureActual);
    const planned = parseDecimal4(row.measurePlanned);
    if (actual === null || planned === null) continue;
    out[node.computed as ComputedIndicator] = {
      actual,
      planned,
      basis: (row.measureBasis as SystemMeasure['basis']) ?? null,
      ...(row.measureInsufficient ? { insufficient: row.measureInsufficient as SystemMeasure['insufficient'] } : {}),
    };
  }
  return out;
}

/** The results a submitted task stored: each leaf's exact score and source as they counted. */
function storedResults(tree: IndicatorTree, rows: EvaluationScoreEntity[], measures: SystemMeasures): LeafResult[] {
  return leavesOf(tree).map(({ node }) => {
    const row = rows.find((r) => r.leafKey === node.key);
    const measure = node.computed ? (measures[node.computed] ?? null) : null;
    const points = parseDecimal(node.points) ?? ZERO;
    const score = parseRatio(row?.scoreExact ?? null);
    return {
      key: node.key,
      kind: node.kind ?? 'MANUAL',
      computed: node.computed,
      points: node.points,
      computedScore: node.kind === 'COMPUTED' ? computedScore(points, measure) : null,
      measure,
      score,
      source: (row?.source as LeafResult['source']) ?? null,
      problem: score === null ? 'SCORE_MISSING' : null,
    };
  });
}
