import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { OrganisationsService } from '../../organisations';
import { shanghaiDate } from '../../regions';
import { agencyConflict, Conflict, EvaluatorAffiliation, evaluatorConflict } from '../domain/assignment';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { checkTransition, TASK_TRANSITIONS } from '../domain/state-machines';
import {
  AssigneeAgencyDto,
  AssigneesDto,
  AssignTasksDto,
  DeclareEvaluatorAffiliationDto,
  EvaluatorAffiliationDto,
  OrganisationOptionDto,
  TaskSummaryDto,
} from '../dto/tasks.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluatorAffiliationEntity } from '../entities/tasks.entities';
import { TaskNotices } from './task-notices';
import { TasksService } from './tasks.service';

interface Agency {
  id: number;
  name: string;
}
interface Evaluator {
  id: number;
  displayName: string;
  agencyId: number;
}

/** Statuses in which an evaluator is busy with a task (their load, shown beside their name). */
const BUSY = ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'];

const invalid = (field: string, message: string) =>
  new EvaluationError(EvaluationErrorCode.TASK_INVALID, message, { errors: [{ field, message }] });

/**
 * Assignment of evaluation tasks to an evaluation agency and one of its evaluators, without conflicts of interest
 * (issue #11 item 2; PRODUCT.md §2). The agency must be an ACTIVE organisation of kind EVALUATION_AGENCY and not the
 * evaluated organisation; the evaluator an active user with the EVALUATOR role of that agency, without an
 * employment at the evaluated organisation now or in the last 3 years and without a declared relationship with it
 * (the committee's rule: domain/assignment.ts). OPEN tasks are assigned; ASSIGNED ones (not yet started) may be
 * reassigned. One or many tasks at once, all or none.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly tasks: TasksService,
    private readonly notices: TaskNotices,
  ) {}

  // ------------------------------------------------------------ who may be assigned

  /**
   * `GET /api/v1/evaluation/tasks/:id/assignees`: every active agency with its evaluators, each eligible or
   * excluded with the reason, eligible agencies first.
   */
  async assignees(actor: Actor, taskId: number): Promise<AssigneesDto> {
    const em = this.dataSource.manager;
    const task = await this.tasks.managedTask(em, actor, taskId, false);
    const provider = await this.organisationName(em, task.organisationId);
    const agencies = await this.activeAgencies(em);
    const evaluators = await this.evaluatorsOf(
      em,
      agencies.map((a) => a.id),
    );
    const affiliations = await this.affiliationsOf(
      em,
      evaluators.map((e) => e.id),
    );
    const load = await this.openTasks(
      em,
      evaluators.map((e) => e.id),
    );
    const today = shanghaiDate(await dbNow(em));
    const out: AssigneeAgencyDto[] = agencies.map((a) => {
      const agencyProblem = agencyConflict(a.id, task.organisationId, provider);
      const people = evaluators
        .filter((e) => e.agencyId === a.id)
        .map((e) => {
          const own = evaluatorConflict(affiliations.get(e.id) ?? [], task.organisationId, provider, today);
          const conflict = own ?? agencyProblem;
          return {
            id: e.id,
            displayName: e.displayName,
            eligible: conflict === null,
            conflict,
            openTasks: load.get(e.id) ?? 0,
          };
        })
        .sort((x, y) => Number(y.eligible) - Number(x.eligible) || x.openTasks - y.openTasks || x.id - y.id);
      return {
        id: a.id,
        name: a.name,
        eligible: agencyProblem === null && people.some((p) => p.eligible),
        conflict: agencyProblem,
        evaluators: people,
      };
    });
    out.sort((x, y) => Number(y.eligible) - Number(x.eligible) || x.name.localeCompare(y.name, 'zh-CN'));
    return { taskId: task.id, organisationName: provider, agencies: out };
  }

  // ------------------------------------------------------------ assigning

  /** `POST /api/v1/evaluation/tasks/assign`: all the tasks, or none (422 EVALUATION_CONFLICT_OF_INTEREST, 409, 404). */
  async assign(actor: Actor, dto: AssignTasksDto): Promise<TaskSummaryDto[]> {
    const ids = [...new Set(dto.taskIds)].sort((a, b) => a - b);
    await inTransaction(this.dataSource, async (em) => {
      const now = await dbNow(em);
      const agency = (await this.activeAgencies(em, dto.agencyId))[0];
      if (agency === undefined)
        throw invalid('agencyId', `Organisation ${dto.agencyId} is not an active evaluation agency.`);
      const evaluator = (await this.evaluatorsOf(em, [agency.id])).find((e) => e.id === dto.evaluatorId);
      if (evaluator === undefined)
        throw invalid('evaluatorId', `User ${dto.evaluatorId} is not an active evaluator of ${agency.name}.`);
      const affiliations = (await this.affiliationsOf(em, [evaluator.id])).get(evaluator.id) ?? [];
      const today = shanghaiDate(now);
      const tasks: EvaluationTaskEntity[] = [];
      for (const id of ids) tasks.push(await this.tasks.managedTask(em, actor, id));
      const conflicts: Array<{ taskId: number; taskCode: string; conflict: Conflict }> = [];
      for (const t of tasks) {
        if (t.status === 'ASSIGNED') continue;
        const problem = checkTransition(TASK_TRANSITIONS, 'task', t.status, 'ASSIGNED', ['PROCUREMENT_OFFICER']);
        if (problem)
          throw new EvaluationError(
            EvaluationErrorCode.TASK_ILLEGAL_TRANSITION,
            `Task ${t.code} is ${t.status}: only an OPEN task is assigned, or an ASSIGNED one not yet started reassigned.`,
            { from: t.status, to: 'ASSIGNED', taskId: t.id },
          );
      }
      for (const t of tasks) {
        const provider = await this.organisationName(em, t.organisationId);
        const conflict =
          agencyConflict(agency.id, t.organisationId, provider) ??
          evaluatorConflict(affiliations, t.organisationId, provider, today);
        if (conflict) conflicts.push({ taskId: t.id, taskCode: t.code, conflict });
      }
      if (conflicts.length > 0)
        throw new EvaluationError(
          EvaluationErrorCode.CONFLICT_OF_INTEREST,
          `Conflict of interest: ${conflicts.map((c) => `${c.taskCode}: ${c.conflict.reason}`).join('; ')}.`,
          {
            conflicts: conflicts.map((c) => ({
              taskId: c.taskId,
              taskCode: c.taskCode,
              code: c.conflict.code,
              organisationName: c.conflict.organisationName,
              endedOn: c.conflict.endedOn,
              reason: c.conflict.reason,
            })),
          },
        );
      for (const t of tasks) {
        if (t.agencyId === agency.id && t.evaluatorId === evaluator.id) continue; // already so: nothing to do
        const reassign = t.status === 'ASSIGNED';
        const before = { status: t.status, agencyId: t.agencyId, evaluatorId: t.evaluatorId };
        const set = {
          status: 'ASSIGNED' as const,
          agencyId: agency.id,
          evaluatorId: evaluator.id,
          assignedBy: actor.userId,
          assignedAt: now,
          updatedAt: now,
        };
        await em.update(EvaluationTaskEntity, { id: t.id }, set);
        await this.audit.record(em, actor, {
          action: reassign ? 'evaluation.task.reassigned' : 'evaluation.task.assigned',
          entityType: 'evaluation_task',
          entityId: t.id,
          regionPath: t.regionPath,
          before,
          after: { status: 'ASSIGNED', agencyId: agency.id, evaluatorId: evaluator.id },
        });
        const previous = t.evaluatorId;
        Object.assign(t, set);
        const params = { ...(await this.notices.params(em, t)), agencyName: agency.name };
        await this.notices.tell(em, [evaluator.id], 'evaluation.tasks.assigned', params, now);
        if (reassign && previous !== null && previous !== evaluator.id)
          await this.notices.tell(em, [previous], 'evaluation.tasks.withdrawn', params, now);
      }
    });
    return this.tasks.summariesByIds(actor, ids);
  }

  // ------------------------------------------------------------ evaluators' own declarations

  /** `GET /api/v1/my/evaluator/affiliations`. */
  async mine(actor: Actor): Promise<EvaluatorAffiliationDto[]> {
    const rows = await this.dataSource
      .getRepository(EvaluatorAffiliationEntity)
      .find({ where: { evaluatorId: actor.userId }, order: { id: 'ASC' } });
    const orgs = await this.organisations.eligibility(
      this.dataSource.manager,
      rows.map((r) => r.organisationId),
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: orgs.get(r.organisationId)?.name ?? '',
      kind: r.kind,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /**
   * `POST /api/v1/my/evaluator/affiliations`: an evaluator declares a past or present employment, or another
   * relationship, with an organisation. Append-only: a declaration is never taken back to get a task.
   */
  async declare(actor: Actor, dto: DeclareEvaluatorAffiliationDto): Promise<EvaluatorAffiliationDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      if (!(await this.organisations.eligibility(em, [dto.organisationId])).has(dto.organisationId))
        throw invalid('organisationId', `Organisation ${dto.organisationId} not found.`);
      if (dto.startedOn && dto.endedOn && dto.endedOn < dto.startedOn)
        throw invalid('endedOn', 'The end date is before the start date.');
      const now = await dbNow(em);
      if (dto.startedOn && dto.startedOn > shanghaiDate(now))
        throw invalid('startedOn', 'The start date is in the future.');
      const res = await em.insert(EvaluatorAffiliationEntity, {
        evaluatorId: actor.userId,
        organisationId: dto.organisationId,
        kind: dto.kind,
        startedOn: dto.startedOn ?? null,
        endedOn: dto.endedOn ?? null,
        note: dto.note ?? null,
        createdAt: now,
      });
      await this.audit.record(em, actor, {
        action: 'evaluation.evaluator.relationship_declared',
        entityType: 'evaluator_affiliation',
        entityId: res.identifiers[0].id as number,
        after: {
          evaluatorId: actor.userId,
          organisationId: dto.organisationId,
          kind: dto.kind,
          startedOn: dto.startedOn ?? null,
          endedOn: dto.endedOn ?? null,
        },
      });
    });
    return this.mine(actor);
  }

  /** `GET /api/v1/my/evaluator/organisations?q=`: active organisations by name, to declare a relationship with. */
  searchOrganisations(q: string): Promise<OrganisationOptionDto[]> {
    return this.organisations.searchActive(q);
  }

  // ------------------------------------------------------------ reads

  /** ACTIVE evaluation agencies (one of them when `id` is given). */
  private async activeAgencies(em: EntityManager, id?: number): Promise<Agency[]> {
    const rows = (await em.query(
      `SELECT id, name FROM organisations WHERE kind = 'EVALUATION_AGENCY' AND status = 'ACTIVE'${id ? ' AND id = ?' : ''}
       ORDER BY name`,
      id ? [id] : [],
    )) as Array<{ id: number; name: string }>;
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /** Active users with the EVALUATOR role of these agencies. */
  private async evaluatorsOf(em: EntityManager, agencyIds: number[]): Promise<Evaluator[]> {
    if (agencyIds.length === 0) return [];
    const rows = (await em.query(
      `SELECT u.id, u.display_name, u.organisation_id FROM users u
       JOIN user_roles r ON r.user_id = u.id AND r.role = 'EVALUATOR'
       WHERE u.status = 'ACTIVE' AND u.organisation_id IN (${agencyIds.map(() => '?').join(', ')}) ORDER BY u.id`,
      agencyIds,
    )) as Array<{ id: number; display_name: string; organisation_id: number }>;
    return rows.map((r) => ({ id: Number(r.id), displayName: r.display_name, agencyId: Number(r.organisation_id) }));
  }

  private async affiliationsOf(
    em: EntityManager,
    evaluatorIds: number[],
  ): Promise<Map<number, EvaluatorAffiliation[]>> {
    const out = new Map<number, EvaluatorAffiliation[]>();
    if (evaluatorIds.length === 0) return out;
    const rows = await em.find(EvaluatorAffiliationEntity, { where: { evaluatorId: In(evaluatorIds) } });
    for (const r of rows)
      out.set(r.evaluatorId, [
        ...(out.get(r.evaluatorId) ?? []),
        { organisationId: r.organisationId, kind: r.kind, endedOn: r.endedOn },
      ]);
    return out;
  }

  private async openTasks(em: EntityManager, evaluatorIds: number[]): Promise<Map<number, number>> {
    if (evaluatorIds.length === 0) return new Map();
    const rows = (await em.query(
      `SELECT evaluator_id, COUNT(*) AS n FROM evaluation_tasks
       WHERE evaluator_id IN (${evaluatorIds.map(() => '?').join(', ')}) AND status IN (${BUSY.map(() => '?').join(', ')})
       GROUP BY evaluator_id`,
      [...evaluatorIds, ...BUSY],
    )) as Array<{ evaluator_id: number; n: string }>;
    return new Map(rows.map((r) => [Number(r.evaluator_id), Number(r.n)]));
  }

  private async organisationName(em: EntityManager, id: number): Promise<string> {
    const [r] = (await em.query('SELECT name FROM organisations WHERE id = ?', [id])) as Array<{ name: string }>;
    return r?.name ?? `#${id}`;
  }
}
