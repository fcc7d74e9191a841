import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { ProjectsService } from '../../procurement';
import { shanghaiDate } from '../../regions';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { reportProblems } from '../domain/milestone-rules';
import {
  checkTransition,
  LIVE_CONTRACT_STATUSES,
  MILESTONE_TRANSITIONS,
  MilestoneStatus,
} from '../domain/state-machines';
import { ContractMilestonesDto, ReturnReportDto, SubmitReportDto } from '../dto/reports.dto';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import {
  EvidenceEntity,
  MilestoneReportEntity,
  OutputValueEntity,
  ReportEvidenceEntity,
} from '../entities/reports.entities';
import { ContractHooks } from './contract-hooks';
import { actsForOrganisation, MilestonesService } from './milestones.service';

/**
 * Progress reports (进度报告): the supplier submits one per milestone (PENDING|RETURNED → SUBMITTED, a new version
 * each time, earlier versions kept), the officer of the contract's region accepts it (→ ACCEPTED: the output values
 * are stored as data, payments and custody are told through ContractHooks, the need's followers see the step) or
 * returns it with a reason (→ RETURNED).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly milestones: MilestonesService,
    private readonly audit: AuditService,
    private readonly hooks: ContractHooks,
    private readonly projects: ProjectsService,
  ) {}

  async submit(
    actor: Actor,
    contractId: number,
    milestoneId: number,
    dto: SubmitReportDto,
  ): Promise<ContractMilestonesDto> {
    await inTransaction(this.dataSource, async (em) => {
      if (!actsForOrganisation(actor))
        throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${contractId} not found.`);
      const { contract, milestone } = await this.milestones.milestone(actor, contractId, milestoneId, em, true);
      this.assertLive(contract);
      this.assertTransition(milestone.status, 'SUBMITTED', actor);
      const now = await dbNow(em);
      const facts = await this.milestones.projectFacts(em, contract);
      const ids = [...new Set(dto.evidenceIds)];
      const evidence = await em.find(EvidenceEntity, { where: { id: In(ids), milestoneId } });
      if (evidence.length !== ids.length) {
        const missing = ids.filter((id) => !evidence.some((e) => e.id === id));
        throw invalid('evidenceIds', `Evidence ${missing.join(', ')} was not uploaded to this milestone.`);
      }
      const problems = reportProblems(
        {
          activities: dto.activities,
          serviceHours: dto.serviceHours,
          outputs: dto.outputs,
          evidence: evidence.map((e) => ({ id: e.id, kind: e.kind })),
        },
        {
          termStart: contract.termStart,
          termEnd: contract.termEnd,
          today: shanghaiDate(now),
          indicatorCodes: facts.indicators.map((i) => i.code),
          countedInHours: facts.countedInHours,
        },
      );
      if (problems.length > 0)
        throw new ContractsError(ContractsErrorCode.REPORT_INVALID, problems.map((p) => p.message).join(' '), {
          errors: problems,
        });
      const [{ v }] = (await em.query(
        'SELECT COALESCE(MAX(version), 0) AS v FROM contract_milestone_reports WHERE milestone_id = ?',
        [milestoneId],
      )) as Array<{ v: number | string }>;
      const report = em.create(MilestoneReportEntity, {
        contractId,
        milestoneId,
        version: Number(v) + 1,
        status: 'SUBMITTED',
        summary: dto.summary?.trim() ? dto.summary.trim() : null,
        activities: JSON.stringify(
          dto.activities.map((a) => ({
            date: a.date,
            place: a.place.trim(),
            content: a.content.trim(),
            participants: a.participants,
          })),
        ),
        serviceHours: JSON.stringify(
          dto.serviceHours.map((h) => ({ beneficiary: h.beneficiary.trim(), hours: h.hours })),
        ),
        outputs: JSON.stringify(
          facts.indicators.map((i) => ({ code: i.code, actual: dto.outputs.find((o) => o.code === i.code)?.actual })),
        ),
        submittedBy: actor.userId,
        submittedAt: now,
        decidedBy: null,
        decidedAt: null,
        returnReason: null,
      });
      await em.insert(MilestoneReportEntity, report);
      await em.insert(
        ReportEvidenceEntity,
        ids.map((evidenceId) => ({ reportId: report.id, evidenceId })),
      );
      await em.update(
        ContractMilestoneEntity,
        { id: milestoneId },
        { status: 'SUBMITTED', submittedAt: now, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'contracts.milestone.submitted',
        entityType: 'contract_milestone',
        entityId: milestoneId,
        regionPath: contract.regionPath,
        before: { status: milestone.status },
        after: {
          status: 'SUBMITTED',
          contractId,
          reportId: report.id,
          version: report.version,
          activities: dto.activities.length,
          evidence: ids.length,
        },
      });
      await this.milestones.tell(
        em,
        await this.milestones.officers(em, contract),
        'milestones.report.submitted',
        { contractTitle: contract.title, seq: milestone.seq, milestoneTitle: milestone.title, version: report.version },
        now,
      );
    });
    return this.milestones.list(actor, contractId);
  }

  async accept(actor: Actor, contractId: number, milestoneId: number): Promise<ContractMilestonesDto> {
    await this.decide(actor, contractId, milestoneId, 'ACCEPTED', async (em, contract, milestone, report, now) => {
      await em.update(
        ContractMilestoneEntity,
        { id: milestoneId },
        {
          status: 'ACCEPTED',
          acceptedAt: now,
          acceptedBy: actor.userId,
          updatedAt: now,
        },
      );
      const facts = await this.milestones.projectFacts(em, contract);
      const actuals = JSON.parse(report.outputs) as Array<{ code: string; actual: string }>;
      const rows = facts.indicators
        .map((i) => ({ i, actual: actuals.find((a) => a.code === i.code)?.actual }))
        .filter((x): x is { i: (typeof facts.indicators)[number]; actual: string } => x.actual !== undefined)
        .map(({ i, actual }) => ({
          contractId,
          milestoneId,
          reportId: report.id,
          indicatorCode: i.code,
          indicatorName: i.name,
          unit: i.unit,
          targetText: i.targetText,
          targetValue: i.targetValue,
          actualValue: actual,
          acceptedAt: now,
        }));
      if (rows.length > 0) await em.insert(OutputValueEntity, rows);
      const accepted = await em.findOneByOrFail(ContractMilestoneEntity, { id: milestoneId });
      await this.hooks.milestoneAccepted(em, { contract, milestone: accepted, now });
      const params = { contractTitle: contract.title, seq: milestone.seq, milestoneTitle: milestone.title };
      await this.milestones.tell(
        em,
        await this.milestones.supplierMembers(em, contract),
        'milestones.report.accepted',
        params,
        now,
      );
      await this.projects.tellNeeds(
        em,
        actor,
        contract.projectId,
        { template: 'milestones.step.accepted', params },
        now,
      );
      return { outputs: rows.map((r) => ({ code: r.indicatorCode, actual: r.actualValue })) };
    });
    return this.milestones.list(actor, contractId);
  }

  async return(
    actor: Actor,
    contractId: number,
    milestoneId: number,
    dto: ReturnReportDto,
  ): Promise<ContractMilestonesDto> {
    await this.decide(
      actor,
      contractId,
      milestoneId,
      'RETURNED',
      async (em, contract, milestone, _report, now) => {
        await em.update(ContractMilestoneEntity, { id: milestoneId }, { status: 'RETURNED', updatedAt: now });
        await this.milestones.tell(
          em,
          await this.milestones.supplierMembers(em, contract),
          'milestones.report.returned',
          { contractTitle: contract.title, seq: milestone.seq, milestoneTitle: milestone.title, reason: dto.reason },
          now,
        );
        return { reason: dto.reason };
      },
      dto.reason,
    );
    return this.milestones.list(actor, contractId);
  }

  private async decide(
    actor: Actor,
    contractId: number,
    milestoneId: number,
    to: 'ACCEPTED' | 'RETURNED',
    work: (
      em: EntityManager,
      c: ContractEntity,
      m: ContractMilestoneEntity,
      r: MilestoneReportEntity,
      now: Date,
    ) => Promise<Record<string, unknown>>,
    reason: string | null = null,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      if (actsForOrganisation(actor))
        throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${contractId} not found.`);
      const { contract, milestone } = await this.milestones.milestone(actor, contractId, milestoneId, em, true);
      this.assertLive(contract);
      this.assertTransition(milestone.status, to, actor);
      const report = await em.findOne(MilestoneReportEntity, {
        where: { milestoneId, status: 'SUBMITTED' },
        order: { version: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (report === null)
        throw new ContractsError(
          ContractsErrorCode.REPORT_NOT_FOUND,
          `Milestone ${milestoneId} has no report to decide.`,
        );
      const now = await dbNow(em);
      await em.update(
        MilestoneReportEntity,
        { id: report.id },
        { status: to, decidedBy: actor.userId, decidedAt: now, returnReason: reason },
      );
      const extra = await work(em, contract, milestone, report, now);
      await this.audit.record(em, actor, {
        action: `contracts.milestone.${to.toLowerCase()}`,
        entityType: 'contract_milestone',
        entityId: milestoneId,
        regionPath: contract.regionPath,
        before: { status: milestone.status },
        after: { status: to, contractId, reportId: report.id, version: report.version, ...extra },
      });
    });
  }

  private assertLive(contract: ContractEntity): void {
    if (!LIVE_CONTRACT_STATUSES.includes(contract.status))
      throw new ContractsError(
        ContractsErrorCode.MILESTONE_ILLEGAL_TRANSITION,
        `Milestones move while the contract is signed or active (it is ${contract.status}).`,
        { contractStatus: contract.status },
      );
  }

  private assertTransition(from: MilestoneStatus, to: MilestoneStatus, actor: Actor): void {
    const problem = checkTransition(MILESTONE_TRANSITIONS, 'milestone', from, to, actor.roles);
    if (problem) throw new ContractsError(ContractsErrorCode.MILESTONE_ILLEGAL_TRANSITION, problem, { from, to });
  }
}

function invalid(field: string, message: string): ContractsError {
  return new ContractsError(ContractsErrorCode.REPORT_INVALID, message, { errors: [{ field, message }] });
}
