import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { AuditService } from '../../audit';
import { shanghaiDate } from '../../regions';
import type { TaskKind } from '../domain/state-machines';
import { taskCode } from '../domain/task-dates';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { TemplateLookup } from './template-lookup';

/** Contract statuses that get evaluation tasks: signed (budget committed) and active (published). */
export const LIVE_CONTRACT_STATUSES = ['SIGNED', 'ACTIVE'] as const;

/** What a task needs of its contract (read from the contracts table, never through its entity). */
export interface TaskContract {
  id: number;
  code: string;
  title: string;
  status: string;
  projectId: number;
  tenderId: number;
  organisationId: number;
  regionId: number;
  regionPath: string;
  /** YYYY-MM-DD */
  termStart: string;
  termEnd: string;
}

export async function loadContract(em: EntityManager, id: number, lock = false): Promise<TaskContract | null> {
  const rows = (await em.query(
    `SELECT id, code, title, status, project_id, tender_id, organisation_id, region_id, region_path,
       DATE_FORMAT(term_start, '%Y-%m-%d') AS term_start, DATE_FORMAT(term_end, '%Y-%m-%d') AS term_end
     FROM contracts WHERE id = ?${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )) as Array<Record<string, unknown>>;
  const r = rows[0];
  if (r === undefined) return null;
  return {
    id: Number(r.id),
    code: String(r.code),
    title: String(r.title),
    status: String(r.status),
    projectId: Number(r.project_id),
    tenderId: Number(r.tender_id),
    organisationId: Number(r.organisation_id),
    regionId: Number(r.region_id),
    regionPath: String(r.region_path),
    termStart: String(r.term_start),
    termEnd: String(r.term_end),
  };
}

export interface NewTask {
  contract: TaskContract;
  kind: TaskKind;
  dueAt: Date;
  batchId: number | null;
}

/**
 * Creates an OPEN evaluation task for a contract (the final-task job, the officer's "create it now", a sampling
 * batch), inside the caller's transaction. The template is the project's (TemplateLookup.defaultForProject: the
 * catalogue item's default, else the newest active one) and is FROZEN here, when the task is created: from then
 * on the task names one exact version, whatever happens to the template family later (a new version is a copy).
 * Throws EVALUATION_TEMPLATE_NOT_FOUND before writing anything when no template is active.
 */
@Injectable()
export class TaskCreation {
  constructor(
    private readonly audit: AuditService,
    private readonly templates: TemplateLookup,
  ) {}

  async create(em: EntityManager, actor: Actor, input: NewTask, now: Date): Promise<EvaluationTaskEntity> {
    const template = await this.templates.defaultForProject(em, input.contract.projectId);
    await this.templates.freeze(em, template.id);
    const c = input.contract;
    const res = await em.insert(EvaluationTaskEntity, {
      code: `TMP-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      kind: input.kind,
      status: 'OPEN',
      contractId: c.id,
      projectId: c.projectId,
      organisationId: c.organisationId,
      regionId: c.regionId,
      regionPath: c.regionPath,
      finalKey: input.kind === 'FINAL' ? c.id : null,
      batchId: input.batchId,
      templateId: template.id,
      agencyId: null,
      evaluatorId: null,
      dueAt: input.dueAt,
      remindedAt: null,
      overdueAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const id = res.identifiers[0].id as number;
    const code = taskCode(shanghaiDate(now).slice(0, 4), id);
    await em.update(EvaluationTaskEntity, { id }, { code });
    await this.audit.record(em, actor, {
      action: 'evaluation.task.created',
      entityType: 'evaluation_task',
      entityId: id,
      regionPath: c.regionPath,
      after: {
        code,
        kind: input.kind,
        status: 'OPEN',
        contractId: c.id,
        contractCode: c.code,
        templateId: template.id,
        templateCode: template.code,
        templateVersion: template.version,
        dueAt: input.dueAt.toISOString(),
        batchId: input.batchId,
      },
    });
    return em.findOneByOrFail(EvaluationTaskEntity, { id });
  }
}
