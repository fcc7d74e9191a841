import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { Message } from '../../../platform/i18n';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { CatalogueService } from '../../catalogue';
import { LedgerService } from '../../funds';
import { NeedProgress, NeedsService, type NeedStatus } from '../../needs';
import { OpenDataReleases } from '../../open-data';
import { RegionsService } from '../../regions';
import { invalid, ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { PROJECT_TRANSITIONS, ProjectStatus } from '../domain/state-machines';
import {
  CreateProjectDto,
  ImplementationPlanDto,
  ListProjectsQuery,
  ProjectDto,
  UpdateProjectDto,
} from '../dto/procurement.dto';
import { ProjectEntity, ProjectNeedEntity, TenderEntity } from '../entities/procurement.entities';
import { assertTransition } from './transitions';

/** Projects: approved needs + a catalogue item + an implementation plan + a budget reservation. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly catalogue: CatalogueService,
    private readonly ledger: LedgerService,
    private readonly needs: NeedsService,
    private readonly progress: NeedProgress,
    private readonly openData: OpenDataReleases,
  ) {}

  async list(actor: Actor, q: ListProjectsQuery): Promise<Page<ProjectDto>> {
    const scope = regionScopeSql(actor, 'p.region_path');
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p').where(scope.sql, scope.params);
    if (q.status?.length) qb.andWhere('p.status IN (:...status)', { status: q.status });
    if (q.q) qb.andWhere('p.title LIKE :q', { q: containsPattern(q.q) });
    const [rows, total] = await qb
      .orderBy('p.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.toDtos(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<ProjectDto> {
    return (await this.toDtos([await this.visible(actor, id, this.dataSource.manager)]))[0];
  }

  /** A project in the actor's region subtree (404 otherwise, the same answer as a missing one). */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<ProjectEntity> {
    const p = await em.findOne(ProjectEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (p === null || !inRegionScope(actor, p.regionPath))
      throw new ProcurementError(ProcurementErrorCode.PROJECT_NOT_FOUND, `Project ${id} not found.`);
    return p;
  }

  async create(actor: Actor, dto: CreateProjectDto): Promise<ProjectDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const now = await dbNow(em);
      const fields = await this.validated(em, actor, dto, null);
      const p = em.create(ProjectEntity, {
        ...fields,
        status: 'DRAFT',
        reservationEntryId: null,
        createdBy: actor.userId,
        submittedAt: null,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ProjectEntity, p);
      await em.insert(
        ProjectNeedEntity,
        dto.needIds.map((needId) => ({ projectId: p.id, needId })),
      );
      await this.audit.record(em, actor, {
        action: 'procurement.project.created',
        entityType: 'project',
        entityId: p.id,
        regionPath: p.regionPath,
        after: { ...this.snapshot(p), needIds: dto.needIds },
      });
      return p.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateProjectDto): Promise<ProjectDto> {
    await inTransaction(this.dataSource, async (em) => {
      const p = await this.visible(actor, id, em, true);
      if (p.status !== 'DRAFT')
        throw new ProcurementError(
          ProcurementErrorCode.PROJECT_ILLEGAL_TRANSITION,
          'Only a draft project can be edited.',
          { projectStatus: p.status },
        );
      const now = await dbNow(em);
      const before = this.snapshot(p);
      const fields = await this.validated(em, actor, dto, p.id);
      await em.update(ProjectEntity, { id }, { ...fields, updatedAt: now });
      await em.delete(ProjectNeedEntity, { projectId: id });
      await em.insert(
        ProjectNeedEntity,
        dto.needIds.map((needId) => ({ projectId: id, needId })),
      );
      await this.audit.record(em, actor, {
        action: 'procurement.project.updated',
        entityType: 'project',
        entityId: id,
        regionPath: p.regionPath,
        before,
        after: { ...this.snapshot({ ...p, ...fields }), needIds: dto.needIds },
      });
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: number): Promise<ProjectDto> {
    await this.transition(actor, id, 'SUBMITTED', async (em, p, now) => {
      await this.needs.lockApprovedForProject(em, await this.needIds(em, id), p.regionPath);
      await em.update(ProjectEntity, { id }, { submittedAt: now });
    });
    return this.get(actor, id);
  }

  /** Finance approves: reserves the estimate on the budget line and moves the needs to IN_PROCUREMENT, in one transaction. */
  async approve(actor: Actor, id: number, note: string | undefined): Promise<ProjectDto> {
    await this.transition(
      actor,
      id,
      'APPROVED',
      async (em, p, now) => {
        if (p.createdBy === actor.userId)
          throw new ProcurementError(
            ProcurementErrorCode.SEPARATION_OF_DUTIES,
            'The officer who drafted a project cannot approve it.',
          );
        const needIds = await this.needIds(em, id);
        await this.needs.lockApprovedForProject(em, needIds, p.regionPath);
        const posted = await this.ledger.postIn(em, actor, {
          lineId: p.budgetLineId,
          operation: 'RESERVE',
          amountFen: BigInt(p.estimatedFen),
          idempotencyKey: `project-${p.id}-reserve`,
          categoryCode: p.itemCode,
          reference: { type: 'project', id: String(p.id) },
          memo: `项目预留：${p.title}`.slice(0, 255),
        });
        await em.update(
          ProjectEntity,
          { id },
          { reservationEntryId: posted.entryId, decidedBy: actor.userId, decidedAt: now, decisionNote: note ?? null },
        );
        await this.progress.move(
          em,
          actor,
          needIds,
          'IN_PROCUREMENT',
          now,
          { template: 'procurement.why.project_included', params: { projectTitle: p.title } },
          { projectId: p.id },
        );
        // OCDS: the contracting process begins (planning, with the reserved budget)
        await this.openData.record(em, p.id, ['planning'], now);
      },
      { note: note ?? null },
    );
    return this.get(actor, id);
  }

  async returnToDraft(actor: Actor, id: number, reason: string): Promise<ProjectDto> {
    await this.transition(
      actor,
      id,
      'DRAFT',
      async (em, p, now) => {
        await em.update(ProjectEntity, { id }, { decidedBy: actor.userId, decidedAt: now, decisionNote: reason });
      },
      { reason },
    );
    return this.get(actor, id);
  }

  /** Cancelling an approved project releases its reservation and returns its needs to APPROVED. */
  async cancel(actor: Actor, id: number, reason: string): Promise<ProjectDto> {
    await this.transition(
      actor,
      id,
      'CANCELLED',
      async (em, p, now) => {
        await em.update(ProjectEntity, { id }, { decisionNote: reason });
        if (p.status === 'APPROVED' && p.reservationEntryId !== null) {
          await this.ledger.postIn(em, actor, {
            lineId: p.budgetLineId,
            operation: 'RELEASE_RESERVATION',
            amountFen: BigInt(p.estimatedFen),
            idempotencyKey: `project-${p.id}-release`,
            reference: { type: 'project', id: String(p.id) },
            memo: `项目取消：${reason}`.slice(0, 255),
          });
          await this.progress.move(
            em,
            actor,
            await this.needIds(em, id),
            'APPROVED',
            now,
            { template: 'procurement.why.project_cancelled', params: { projectTitle: p.title, reason } },
            { projectId: p.id },
          );
          // OCDS: the planned process will not go to tender
          await this.openData.record(em, p.id, ['planningUpdate'], now);
        }
      },
      { reason },
    );
    return this.get(actor, id);
  }

  /** Used by tenders: moves a project in the caller's transaction (row locked by the caller or here). */
  async setStatus(
    em: EntityManager,
    actor: Actor,
    projectId: number,
    to: ProjectStatus,
    now: Date,
    system: boolean,
    note?: Record<string, unknown>,
  ): Promise<ProjectEntity> {
    const p = await em.findOneOrFail(ProjectEntity, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
    if (p.status === to) return p;
    assertTransition(
      PROJECT_TRANSITIONS,
      'project',
      ProcurementErrorCode.PROJECT_ILLEGAL_TRANSITION,
      p.status,
      to,
      actor,
      system,
    );
    const from = p.status;
    await em.update(ProjectEntity, { id: projectId }, { status: to, updatedAt: now });
    p.status = to;
    await this.audit.record(em, actor, {
      action: `procurement.project.${to.toLowerCase()}`,
      entityType: 'project',
      entityId: projectId,
      regionPath: p.regionPath,
      before: { status: from },
      after: { status: to, ...(note ?? {}) },
    });
    return p;
  }

  /**
   * Tells the raiser and supporters of every need the project serves about a step of its procurement
   * (their timeline and inbox), in the caller's transaction. Contracts and evaluation report their
   * steps the same way, through the needs context's NeedProgress port.
   */
  async tellNeeds(em: EntityManager, actor: Actor, projectId: number, step: Message, now: Date): Promise<void> {
    await this.progress.step(em, actor, await this.needIds(em, projectId), step, now);
  }

  /**
   * Moves those of the project's needs that are in one of `from` to `to` (a SYSTEM transition of the needs' machine:
   * IN_PROCUREMENT → IN_SERVICE when the contract is signed, IN_SERVICE → DELIVERED when its last milestone is
   * accepted, back to APPROVED when a signed contract is terminated), in the caller's transaction. Returns the needs
   * moved.
   */
  async moveNeeds(
    em: EntityManager,
    actor: Actor,
    projectId: number,
    from: readonly NeedStatus[],
    to: NeedStatus,
    now: Date,
    why: Message,
    note: Record<string, unknown> = {},
  ): Promise<number[]> {
    const ids = await this.needIds(em, projectId);
    if (ids.length === 0) return [];
    const rows = (await em.query('SELECT id FROM needs WHERE id IN (?) AND status IN (?) ORDER BY id FOR UPDATE', [
      ids,
      [...from],
    ])) as Array<{ id: number }>;
    const due = rows.map((r) => Number(r.id));
    await this.progress.move(em, actor, due, to, now, why, note);
    return due;
  }

  async needIds(em: EntityManager, projectId: number): Promise<number[]> {
    return (await em.find(ProjectNeedEntity, { where: { projectId }, order: { needId: 'ASC' } })).map((x) => x.needId);
  }

  private async transition(
    actor: Actor,
    id: number,
    to: ProjectStatus,
    work: (em: EntityManager, p: ProjectEntity, now: Date) => Promise<void>,
    note: Record<string, unknown> = {},
  ): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const p = await this.visible(actor, id, em, true);
      assertTransition(
        PROJECT_TRANSITIONS,
        'project',
        ProcurementErrorCode.PROJECT_ILLEGAL_TRANSITION,
        p.status,
        to,
        actor,
      );
      const now = await dbNow(em);
      await work(em, p, now);
      const from = p.status;
      await em.update(ProjectEntity, { id }, { status: to, updatedAt: now });
      await this.audit.record(em, actor, {
        action: `procurement.project.${to.toLowerCase()}`,
        entityType: 'project',
        entityId: id,
        regionPath: p.regionPath,
        before: { status: from },
        after: { status: to, ...note },
      });
    });
  }

  /** Checks everything a draft must satisfy; returns the columns to store. */
  private async validated(em: EntityManager, actor: Actor, dto: CreateProjectDto, projectId: number | null) {
    const region = await this.regions.getInScope(actor, dto.regionId, em);
    const item = await this.catalogue.item(dto.catalogueItemId, em);
    if (item === null || !item.published)
      throw invalid(
        ProcurementErrorCode.PROJECT_INVALID,
        'catalogueItemId',
        'Choose an item of a published catalogue.',
      );
    const unitPriceFen = yuanToFen(dto.unitPrice);
    if (unitPriceFen <= 0n)
      throw invalid(ProcurementErrorCode.PROJECT_INVALID, 'unitPrice', 'The unit price must be more than zero.');
    if (unitPriceFen > item.priceCapFen)
      throw invalid(
        ProcurementErrorCode.PROJECT_INVALID,
        'unitPrice',
        `The unit price exceeds the catalogue price cap of ${fenToYuan(item.priceCapFen)} yuan per ${item.unit}.`,
      );
    const estimatedFen = unitPriceFen * BigInt(dto.quantity);
    const planned = dto.plan.budget.reduce((s, b) => s + yuanToFen(b.amount), 0n);
    if (planned !== estimatedFen)
      throw invalid(
        ProcurementErrorCode.PROJECT_INVALID,
        'plan.budget',
        `The budget breakdown adds up to ${fenToYuan(planned)} yuan, the estimate is ${fenToYuan(estimatedFen)}.`,
      );
    const line = await this.ledger.lockLine(em, dto.budgetLineId);
    if (line === null || !inRegionScope(actor, line.regionPath))
      throw invalid(ProcurementErrorCode.PROJECT_INVALID, 'budgetLineId', `Budget line ${dto.budgetLineId} not found.`);
    if (!region.path.startsWith(line.regionPath))
      throw invalid(
        ProcurementErrorCode.PROJECT_INVALID,
        'budgetLineId',
        'The budget line must belong to the project region or above it.',
      );
    if (line.status !== 'ACTIVE')
      throw invalid(ProcurementErrorCode.PROJECT_INVALID, 'budgetLineId', 'The budget line is not approved yet.');
    if (line.year !== item.year)
      throw invalid(
        ProcurementErrorCode.PROJECT_INVALID,
        'budgetLineId',
        `The budget line is for ${line.year}; the catalogue item for ${item.year}.`,
      );
    await this.needs.lockApprovedForProject(em, dto.needIds, region.path);
    const taken = (await em.query(
      `SELECT pn.need_id FROM project_needs pn JOIN projects p ON p.id = pn.project_id
        WHERE pn.need_id IN (${dto.needIds.map(() => '?').join(',')}) AND p.status <> 'CANCELLED' AND p.id <> ? LOCK IN SHARE MODE`,
      [...dto.needIds, projectId ?? 0],
    )) as Array<{ need_id: number }>;
    if (taken.length > 0) {
      const message = `Needs ${taken.map((t) => t.need_id).join(', ')} are already in another project.`;
      throw invalid(ProcurementErrorCode.PROJECT_INVALID, 'needIds', message);
    }
    return {
      regionId: region.id,
      regionPath: region.path,
      title: dto.title,
      catalogueItemId: item.id,
      itemCode: item.code,
      categoryCode: item.categoryCode,
      quantity: dto.quantity,
      unitPriceFen: unitPriceFen.toString(),
      estimatedFen: estimatedFen.toString(),
      budgetLineId: line.id,
      plan: JSON.stringify(dto.plan),
    };
  }

  private snapshot(
    p: Pick<
      ProjectEntity,
      | 'title'
      | 'regionId'
      | 'catalogueItemId'
      | 'quantity'
      | 'unitPriceFen'
      | 'estimatedFen'
      | 'budgetLineId'
      | 'status'
    >,
  ) {
    return {
      title: p.title,
      regionId: p.regionId,
      catalogueItemId: p.catalogueItemId,
      quantity: p.quantity,
      unitPrice: fenToYuan(p.unitPriceFen),
      estimated: fenToYuan(p.estimatedFen),
      budgetLineId: p.budgetLineId,
      status: p.status,
    };
  }

  private async toDtos(rows: ProjectEntity[]): Promise<ProjectDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const links = await this.dataSource.getRepository(ProjectNeedEntity).findBy({ projectId: In(ids) });
    const tenders = await this.dataSource
      .getRepository(TenderEntity)
      .find({ where: { projectId: In(ids), status: Not(In(['CANCELLED', 'FAILED'])) }, order: { id: 'DESC' } });
    const regions = await this.regions.findByIds(rows.map((r) => r.regionId));
    return rows.map((p) => ({
      id: p.id,
      title: p.title,
      regionId: p.regionId,
      regionName: regions.get(p.regionId)?.name ?? null,
      catalogueItemId: p.catalogueItemId,
      itemCode: p.itemCode,
      quantity: p.quantity,
      unitPrice: fenToYuan(p.unitPriceFen),
      estimatedAmount: fenToYuan(p.estimatedFen),
      budgetLineId: p.budgetLineId,
      status: p.status,
      needIds: links
        .filter((l) => l.projectId === p.id)
        .map((l) => l.needId)
        .sort((a, b) => a - b),
      plan: JSON.parse(p.plan) as ImplementationPlanDto,
      reservationEntryId: p.reservationEntryId,
      createdBy: p.createdBy,
      decisionNote: p.decisionNote,
      tenderId: tenders.find((t) => t.projectId === p.id)?.id ?? null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    }));
  }
}
