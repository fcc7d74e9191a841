import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { OrganisationsService } from '../../organisations';
import { ProjectsService } from '../../procurement';
import {
  ClockDecision,
  ClockFacts,
  MILESTONE_REMINDER_LEAD_MS,
  overdueDecision,
  reminderDecision,
} from '../domain/milestone-rules';
import { LIVE_CONTRACT_STATUSES } from '../domain/state-machines';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import type { ContractTick } from '../services/contract-deadlines';
import { ContractHooks } from '../services/contract-hooks';
import { MilestonesService } from '../services/milestones.service';

/** Job names on QUEUES.CONTRACTS, all prefixed `milestone.` (the queue is shared with the other contract clocks). */
export const MILESTONE_REMINDER_JOB = 'milestone.reminder';
export const MILESTONE_DUE_JOB = 'milestone.due';
export const MILESTONE_JOB_NAMES = [MILESTONE_REMINDER_JOB, MILESTONE_DUE_JOB] as const;
export type MilestoneJobName = (typeof MILESTONE_JOB_NAMES)[number];

export interface MilestoneJobPayload {
  milestoneId: number;
}

/** A milestone clock's answer (the contracts queue's one tick shape). */
export type MilestoneTickResult = ContractTick;

export function isMilestoneJob(name: string): name is MilestoneJobName {
  return (MILESTONE_JOB_NAMES as readonly string[]).includes(name);
}

export function milestoneJob(
  name: MilestoneJobName,
  m: Pick<ContractMilestoneEntity, 'id' | 'dueAt'>,
): DeadlineJob<MilestoneJobPayload> {
  const runAt = name === MILESTONE_REMINDER_JOB ? new Date(m.dueAt.getTime() - MILESTONE_REMINDER_LEAD_MS) : m.dueAt;
  return {
    queue: QUEUES.CONTRACTS,
    name,
    jobId: deadlineJobId(name.replace('.', '-'), m.id, m.dueAt.getTime()),
    payload: { milestoneId: m.id },
    runAt,
  };
}

/**
 * The milestone clocks (issue #10 item 2): a reminder to the supplier three days before a milestone is due, and at
 * its due time (24:00 Beijing of the due date) the OVERDUE flag for a milestone neither submitted nor accepted: both
 * sides told, a late-delivery line on the organisation's record, a step on the need's timeline. Each tick re-reads
 * the database, decides by its clock, and does its work once; the jobs are set when the contract is signed
 * (ContractHooks.onSigned) and rebuilt by the reconciler from the milestones still owed.
 *
 * `handle(jobName, payload)` is what a processor of the contracts queue calls for the `milestone.*` jobs.
 */
@Injectable()
export class MilestoneClocks implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: Deadlines,
    private readonly hooks: ContractHooks,
    private readonly milestones: MilestonesService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly projects: ProjectsService,
  ) {}

  onModuleInit(): void {
    for (const source of this.sources()) this.deadlines.registerSource(source);
    this.hooks.onSigned(async (em, { contract, now }) => this.scheduleContract(em, contract.id, now));
  }

  /** Sets the clocks of every milestone of a contract (at signing; idempotent: deterministic job ids). */
  async scheduleContract(em: EntityManager, contractId: number, now?: Date): Promise<void> {
    const ms = await em.find(ContractMilestoneEntity, { where: { contractId } });
    for (const m of ms)
      for (const name of MILESTONE_JOB_NAMES) await this.deadlines.schedule(milestoneJob(name, m), now);
  }

  async handle(jobName: string, payload: MilestoneJobPayload): Promise<MilestoneTickResult> {
    switch (jobName) {
      case MILESTONE_REMINDER_JOB:
        return this.reminderTick(payload.milestoneId);
      case MILESTONE_DUE_JOB:
        return this.dueTick(payload.milestoneId);
      default:
        throw new Error(`Unknown job ${jobName} for the milestone clocks`);
    }
  }

  async reminderTick(milestoneId: number): Promise<MilestoneTickResult> {
    return this.tick(milestoneId, reminderDecision, async (em, c, m, now) => {
      await em.update(ContractMilestoneEntity, { id: m.id }, { remindedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.milestone.reminded',
        entityType: 'contract_milestone',
        entityId: m.id,
        regionPath: c.regionPath,
        after: { contractId: c.id, dueAt: m.dueAt.toISOString() },
      });
      await this.milestones.tell(
        em,
        await this.milestones.supplierMembers(em, c),
        'milestones.reminder',
        { contractTitle: c.title, seq: m.seq, milestoneTitle: m.title, dueAt: m.dueAt.toISOString() },
        now,
      );
      return 'REMINDED';
    });
  }

  async dueTick(milestoneId: number): Promise<MilestoneTickResult> {
    return this.tick(milestoneId, overdueDecision, async (em, c, m, now) => {
      await em.update(ContractMilestoneEntity, { id: m.id }, { overdueAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.milestone.overdue',
        entityType: 'contract_milestone',
        entityId: m.id,
        regionPath: c.regionPath,
        before: { status: m.status, overdueAt: null },
        after: { contractId: c.id, dueAt: m.dueAt.toISOString(), overdueAt: now.toISOString() },
      });
      const params = { contractTitle: c.title, seq: m.seq, milestoneTitle: m.title, dueAt: m.dueAt.toISOString() };
      const people = [...(await this.milestones.supplierMembers(em, c)), ...(await this.milestones.officers(em, c))];
      await this.milestones.tell(em, people, 'milestones.overdue', params, now);
      await this.organisations.appendRecord(
        em,
        {
          organisationId: c.organisationId,
          kind: 'CONTRACT',
          message: {
            template: 'milestones.record.late_delivery',
            params: { contractTitle: c.title, seq: m.seq, dueAt: m.dueAt.toISOString() },
          },
          referenceType: 'contract_milestone',
          referenceId: m.id,
        },
        now,
      );
      await this.projects.tellNeeds(
        em,
        SYSTEM_ACTOR,
        c.projectId,
        { template: 'milestones.step.overdue', params },
        now,
      );
      return 'OVERDUE';
    });
  }

  private async tick(
    milestoneId: number,
    decide: (f: ClockFacts, now: Date) => ClockDecision,
    work: (em: EntityManager, c: ContractEntity, m: ContractMilestoneEntity, now: Date) => Promise<string>,
  ): Promise<MilestoneTickResult> {
    return inTransaction(this.dataSource, async (em): Promise<MilestoneTickResult> => {
      const m = await em.findOne(ContractMilestoneEntity, {
        where: { id: milestoneId },
        lock: { mode: 'pessimistic_write' },
      });
      if (m === null) return { result: 'NOTHING_TO_DO' };
      const c = await em.findOneByOrFail(ContractEntity, { id: m.contractId });
      const now = await dbNow(em);
      const d = decide({ contractStatus: c.status, ...m }, now);
      if ('dueInMs' in d) return { result: 'NOT_DUE', dueInMs: d.dueInMs };
      if ('done' in d) return { result: d.done };
      return { result: await work(em, c, m, now) };
    });
  }

  sources(): DeadlineSource[] {
    const owed = async () => {
      const rows = (await this.dataSource.query(
        `SELECT m.id, m.due_at, m.reminded_at, m.overdue_at FROM contract_milestones m JOIN contracts c ON c.id = m.contract_id
         WHERE c.status IN (?, ?) AND m.status IN ('PENDING', 'RETURNED') AND m.overdue_at IS NULL`,
        [...LIVE_CONTRACT_STATUSES],
      )) as Array<{ id: number; due_at: Date; reminded_at: Date | null }>;
      return rows.map((r) => ({ id: r.id, dueAt: r.due_at, remindedAt: r.reminded_at }));
    };
    return [
      {
        kind: MILESTONE_REMINDER_JOB,
        pending: async () =>
          (await owed()).filter((m) => m.remindedAt === null).map((m) => milestoneJob(MILESTONE_REMINDER_JOB, m)),
      },
      { kind: MILESTONE_DUE_JOB, pending: async () => (await owed()).map((m) => milestoneJob(MILESTONE_DUE_JOB, m)) },
    ];
  }
}
