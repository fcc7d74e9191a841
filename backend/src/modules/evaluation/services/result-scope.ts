import { EntityManager } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';

/**
 * WHO MAY SEE OR DECIDE A RESULT — the scope checks of review, objection and publication, kept in this one file so
 * that the merge of issue #11 can swap them for the task context's shared scope check. A task outside the caller's
 * scope answers 404, exactly as a missing one.
 *
 * - staff (officers, finance, auditors): the task's region is in their region subtree;
 * - members of the evaluated organisation: their own organisation's results, once confirmed (before that the
 *   result is the evaluator's work in progress);
 * - evaluators: the tasks of their agency.
 */
const STAFF = ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'] as const;

export function isResultStaff(actor: Actor, task: Pick<EvaluationTaskEntity, 'regionPath'>): boolean {
  return actor.roles.some((r) => (STAFF as readonly string[]).includes(r)) && inRegionScope(actor, task.regionPath);
}

export function isEvaluatedMember(actor: Actor, task: Pick<EvaluationTaskEntity, 'organisationId'>): boolean {
  return (
    actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null && actor.organisationId === task.organisationId
  );
}

export function isTaskAgency(actor: Actor, task: Pick<EvaluationTaskEntity, 'agencyId'>): boolean {
  return actor.roles.includes('EVALUATOR') && actor.organisationId !== null && actor.organisationId === task.agencyId;
}

/** Whether the caller may read the task's result (and its objections). */
export function canReadResult(
  actor: Actor,
  task: Pick<EvaluationTaskEntity, 'regionPath' | 'organisationId' | 'agencyId' | 'confirmedAt'>,
): boolean {
  return (
    isResultStaff(actor, task) ||
    isTaskAgency(actor, task) ||
    (isEvaluatedMember(actor, task) && task.confirmedAt !== null)
  );
}

function notFound(id: number): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.TASK_NOT_FOUND, `Evaluation task ${id} not found.`);
}

async function load(em: EntityManager, id: number, lock: boolean): Promise<EvaluationTaskEntity | null> {
  return em.findOne(EvaluationTaskEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
}

/** The officer's decisions (confirm, return, objections): a procurement officer of the task's region subtree. */
export async function taskForOfficer(
  em: EntityManager,
  actor: Actor,
  id: number,
  lock = false,
): Promise<EvaluationTaskEntity> {
  const t = await load(em, id, lock);
  if (t === null || !actor.roles.includes('PROCUREMENT_OFFICER') || !inRegionScope(actor, t.regionPath))
    throw notFound(id);
  return t;
}

/** A member of the evaluated organisation, about its confirmed result (objections). */
export async function taskForMember(
  em: EntityManager,
  actor: Actor,
  id: number,
  lock = false,
): Promise<EvaluationTaskEntity> {
  const t = await load(em, id, lock);
  if (t === null || !isEvaluatedMember(actor, t) || t.confirmedAt === null) throw notFound(id);
  return t;
}

/** Anyone who may read the result. */
export async function taskForReader(em: EntityManager, actor: Actor, id: number): Promise<EvaluationTaskEntity> {
  const t = await load(em, id, false);
  if (t === null || !canReadResult(actor, t)) throw notFound(id);
  return t;
}
