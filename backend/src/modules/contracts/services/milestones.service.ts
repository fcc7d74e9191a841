import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { Page, pageOf } from '../../../platform/http/pagination';
import { formatBeijingNumeric } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { DUE_SOON_DAYS, isHourUnit, PlanIndicator, planIndicators } from '../domain/milestone-rules';
import { LIVE_CONTRACT_STATUSES } from '../domain/state-machines';
import {
  ActivityDto,
  BoardItemDto,
  BoardQuery,
  ContractMilestonesDto,
  EvidenceDto,
  MilestoneDto,
  OutputActualDto,
  ReportDto,
  ServiceHoursDto,
} from '../dto/reports.dto';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import {
  EvidenceEntity,
  MilestoneReportEntity,
  OutputValueEntity,
  ReportEvidenceEntity,
} from '../entities/reports.entities';

export const BOARD_EXPORT_MAX_ROWS = 50_000;

/** A member of an organisation acts for it; everybody else who reads contracts is staff of a region. */
export function actsForOrganisation(actor: Actor): boolean {
  return actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null;
}

export function canDecide(actor: Actor): boolean {
  return actor.roles.includes('PROCUREMENT_OFFICER');
}

export interface ProjectFacts {
  projectId: number;
  indicators: PlanIndicator[];
  countedInHours: boolean;
}

function notFound(id: number): ContractsError {
  return new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);
}

export function milestoneNotFound(id: number): ContractsError {
  return new ContractsError(ContractsErrorCode.MILESTONE_NOT_FOUND, `Milestone ${id} not found.`);
}

/**
 * Milestones of contracts as the parties see them: who may see a contract (its supplier's members; staff of its
 * region subtree; anybody else gets 404, exactly as for a missing one), the milestones with their reports and
 * evidence, the officers' board and its Excel export, and whom to tell about a milestone.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
  ) {}

  /** The contract if the actor is one of its parties (or staff of its region), else 404. */
  async visible(actor: Actor, contractId: number, em: EntityManager = this.dataSource.manager, lock = false) {
    const c = await em.findOne(ContractEntity, {
      where: { id: contractId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (c === null) throw notFound(contractId);
    const ok = actsForOrganisation(actor)
      ? c.organisationId === actor.organisationId
      : inRegionScope(actor, c.regionPath);
    if (!ok) throw notFound(contractId);
    return c;
  }

  /** A milestone of a visible contract, optionally locked for a transition. */
  async milestone(
    actor: Actor,
    contractId: number,
    milestoneId: number,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ contract: ContractEntity; milestone: ContractMilestoneEntity }> {
    const contract = await this.visible(actor, contractId, em);
    const milestone = await em.findOne(ContractMilestoneEntity, {
      where: { id: milestoneId, contractId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (milestone === null) throw milestoneNotFound(milestoneId);
    return { contract, milestone };
  }

  /** The project behind a contract: its plan's output indicators and whether its service is counted in hours. */
  async projectFacts(em: EntityManager, contract: ContractEntity): Promise<ProjectFacts> {
    // Read-only facts of procurement's project and the catalogue item, by SQL: the plan is JSON on the project row.
    const [row] = (await em.query(
      'SELECT p.plan AS plan, ci.unit AS unit FROM projects p LEFT JOIN catalogue_items ci ON ci.id = p.catalogue_item_id WHERE p.id = ?',
      [contract.projectId],
    )) as Array<{ plan: string | null; unit: string | null }>;
    return {
      projectId: contract.projectId,
      indicators: planIndicators(row?.plan),
      countedInHours: isHourUnit(row?.unit),
    };
  }

  async list(actor: Actor, contractId: number): Promise<ContractMilestonesDto> {
    const em = this.dataSource.manager;
    const c = await this.visible(actor, contractId, em);
    const facts = await this.projectFacts(em, c);
    const now = await dbNow(em);
    const milestones = await em.find(ContractMilestoneEntity, { where: { contractId }, order: { seq: 'ASC' } });
    const ids = milestones.map((m) => m.id);
    const reports = ids.length
      ? await em.find(MilestoneReportEntity, { where: { milestoneId: In(ids) }, order: { version: 'DESC' } })
      : [];
    const evidence = ids.length
      ? await em.find(EvidenceEntity, { where: { milestoneId: In(ids) }, order: { id: 'ASC' } })
      : [];
    const links = reports.length
      ? await em.find(ReportEvidenceEntity, { where: { reportId: In(reports.map((r) => r.id)) } })
      : [];
    const values = ids.length
      ? await em.find(OutputValueEntity, { where: { milestoneId: In(ids) }, order: { indicatorCode: 'ASC' } })
      : [];
    const cited = new Set(links.map((l) => l.evidenceId));
    const live = LIVE_CONTRACT_STATUSES.includes(c.status);
    return {
      contractId: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      organisationId: c.organisationId,
      termStart: c.termStart,
      termEnd: c.termEnd,
      canReport: live && actsForOrganisation(actor),
      canDecide: live && canDecide(actor),
      countedInHours: facts.countedInHours,
      indicators: facts.indicators,
      milestones: milestones.map((m): MilestoneDto => ({
        ...milestoneFacts(m, now),
        reports: reports
          .filter((r) => r.milestoneId === m.id)
          .map((r) =>
            reportDto(
              r,
              links.filter((l) => l.reportId === r.id).map((l) => l.evidenceId),
            ),
          ),
        evidence: evidence.filter((e) => e.milestoneId === m.id).map((e) => evidenceDto(e, !cited.has(e.id))),
        outputValues: values
          .filter((v) => v.milestoneId === m.id)
          .map((v) => ({
            code: v.indicatorCode,
            name: v.indicatorName,
            targetText: v.targetText,
            targetValue: v.targetValue,
            unit: v.unit,
            actualValue: v.actualValue,
          })),
      })),
    };
  }

  // ---- the board

  async board(actor: Actor, q: BoardQuery, limit?: number): Promise<Page<BoardItemDto>> {
    const now = await dbNow(this.dataSource.manager);
    const where: string[] = ['c.status IN (?, ?)'];
    const params: unknown[] = [...LIVE_CONTRACT_STATUSES];
    if (actsForOrganisation(actor)) {
      where.push('c.organisation_id = ?');
      params.push(actor.organisationId);
    } else {
      const scope = regionScopeSql(actor, 'c.region_path');
      if (scope.sql === '1 = 0') return pageOf([], 0, q);
      where.push('c.region_path LIKE ?');
      params.push(scope.params.scopePrefix);
    }
    switch (q.view) {
      case 'DUE_SOON':
        where.push("m.status IN ('PENDING', 'RETURNED') AND m.due_at > ? AND m.due_at <= ?");
        params.push(now, new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000));
        break;
      case 'OVERDUE':
        where.push("m.status IN ('PENDING', 'RETURNED') AND (m.overdue_at IS NOT NULL OR m.due_at <= ?)");
        params.push(now);
        break;
      case 'WAITING':
        where.push("m.status = 'SUBMITTED'");
        break;
      case 'ALL':
        break;
    }
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push('(c.code LIKE ? OR c.title LIKE ?)');
      params.push(like, like);
    }
    const from = `FROM contract_milestones m JOIN contracts c ON c.id = m.contract_id JOIN organisations o ON o.id = c.organisation_id WHERE ${where.join(' AND ')}`;
    const [{ n }] = (await this.dataSource.query(`SELECT COUNT(*) AS n ${from}`, params)) as Array<{ n: string }>;
    const take = limit ?? q.pageSize;
    const skip = limit === undefined ? (q.page - 1) * q.pageSize : 0;
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.contract_id, c.code, c.title AS contract_title, o.name AS organisation_name, m.seq, m.title, m.due_date, m.due_at, m.status, m.overdue_at, m.submitted_at, m.amount_fen
       ${from} ORDER BY m.due_at ASC, m.id ASC LIMIT ? OFFSET ?`,
      [...params, take, skip],
    )) as Array<{
      id: number;
      contract_id: number;
      code: string;
      contract_title: string;
      organisation_name: string;
      seq: number;
      title: string;
      due_date: string;
      due_at: Date;
      status: BoardItemDto['status'];
      overdue_at: Date | null;
      submitted_at: Date | null;
      amount_fen: string;
    }>;
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        contractId: r.contract_id,
        contractCode: r.code,
        contractTitle: r.contract_title,
        organisationName: r.organisation_name,
        seq: r.seq,
        title: r.title,
        dueDate: r.due_date,
        dueAt: r.due_at.toISOString(),
        status: r.status,
        overdue: isOverdue(r.status, r.overdue_at, r.due_at, now),
        submittedAt: r.submitted_at?.toISOString() ?? null,
        amount: fenToYuan(r.amount_fen),
      })),
      Number(n),
      q,
    );
  }

  async boardXlsx(actor: Actor, q: BoardQuery): Promise<Buffer> {
    const { items } = await this.board(actor, q, BOARD_EXPORT_MAX_ROWS);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Diandan';
    const ws = wb.addWorksheet('里程碑');
    ws.columns = [
      { header: '合同编号', key: 'code', width: 18 },
      { header: '合同', key: 'contract', width: 36 },
      { header: '服务机构', key: 'organisation', width: 30 },
      { header: '里程碑', key: 'seq', width: 8 },
      { header: '名称', key: 'title', width: 28 },
      { header: '到期日', key: 'dueDate', width: 12 },
      { header: '状态', key: 'status', width: 10 },
      { header: '逾期', key: 'overdue', width: 6 },
      { header: '提交时间（北京时间）', key: 'submittedAt', width: 22 },
      { header: '本期金额（元）', key: 'amount', width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of items)
      ws.addRow({
        code: r.contractCode,
        contract: r.contractTitle,
        organisation: r.organisationName,
        seq: r.seq,
        title: r.title,
        dueDate: r.dueDate,
        status: MILESTONE_STATUS_ZH[r.status] ?? r.status,
        overdue: r.overdue ? '是' : '',
        submittedAt: r.submittedAt ? formatBeijingNumeric(r.submittedAt, 'minute') : '',
        amount: r.amount,
      });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  // ---- whom to tell

  async supplierMembers(em: EntityManager, contract: ContractEntity): Promise<number[]> {
    return (await this.people.memberIds([contract.organisationId], em)).get(contract.organisationId) ?? [];
  }

  /** The officer who signed for the purchaser and the procurement officers whose region covers the contract's. */
  async officers(em: EntityManager, contract: ContractEntity): Promise<number[]> {
    const all = await this.people.activeWithRole('PROCUREMENT_OFFICER', em);
    const ids = all
      .filter((u) => u.regionPath !== null && contract.regionPath.startsWith(u.regionPath))
      .map((u) => u.id);
    if (contract.purchaserSignedBy !== null) ids.push(contract.purchaserSignedBy);
    return [...new Set(ids)];
  }

  async tell(
    em: EntityManager,
    userIds: number[],
    template: string,
    params: Record<string, string | number>,
    now: Date,
  ) {
    await this.inbox.notify(em, userIds, { kind: 'contract.milestone', template, params }, now);
  }
}

const MILESTONE_STATUS_ZH: Record<string, string> = {
  PENDING: '待提交',
  SUBMITTED: '待验收',
  ACCEPTED: '已验收',
  RETURNED: '已退回',
};

export function isOverdue(status: string, overdueAt: Date | null, dueAt: Date, now: Date): boolean {
  if (status === 'ACCEPTED' || status === 'SUBMITTED') return overdueAt !== null;
  return overdueAt !== null || dueAt <= now;
}

export function milestoneFacts(m: ContractMilestoneEntity, now: Date) {
  return {
    id: m.id,
    seq: m.seq,
    title: m.title,
    deliverables: m.deliverables,
    dueDate: m.dueDate,
    dueAt: m.dueAt.toISOString(),
    shareBp: m.shareBp,
    amount: fenToYuan(m.amountFen),
    isFinal: m.isFinal === 1,
    status: m.status,
    overdue: isOverdue(m.status, m.overdueAt, m.dueAt, now),
    overdueAt: m.overdueAt?.toISOString() ?? null,
    submittedAt: m.submittedAt?.toISOString() ?? null,
    acceptedAt: m.acceptedAt?.toISOString() ?? null,
  };
}

export function reportDto(r: MilestoneReportEntity, evidenceIds: number[]): ReportDto {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    summary: r.summary,
    activities: JSON.parse(r.activities) as ActivityDto[],
    serviceHours: JSON.parse(r.serviceHours) as ServiceHoursDto[],
    outputs: JSON.parse(r.outputs) as OutputActualDto[],
    evidenceIds: [...evidenceIds].sort((a, b) => a - b),
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    returnReason: r.returnReason,
  };
}

export function evidenceDto(e: EvidenceEntity, unattached: boolean): EvidenceDto {
  return {
    id: e.id,
    kind: e.kind,
    fileName: e.fileName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
    hasThumbnail: e.thumbMime !== null,
    unattached,
    createdAt: e.createdAt.toISOString(),
  };
}
