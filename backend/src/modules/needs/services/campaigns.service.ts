import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { CatalogueService } from '../../catalogue';
import { RegionsService } from '../../regions';
import { CampaignStatus, dueStatus } from '../domain/campaign.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { CampaignDto, CreateCampaignDto, ListCampaignsQuery, UpdateCampaignDto } from '../dto/needs.dto';
import { CampaignEntity, CampaignParticipantEntity, NeedEntity } from '../entities/needs.entities';
import { NeedLifecycle } from './need-lifecycle.service';

export const CAMPAIGN_OPEN_JOB = 'campaign-open';
export const CAMPAIGN_CLOSE_JOB = 'campaign-close';

export interface CampaignDeadlinePayload {
  campaignId: number;
}

export function campaignDeadline(
  kind: typeof CAMPAIGN_OPEN_JOB | typeof CAMPAIGN_CLOSE_JOB,
  c: Pick<CampaignEntity, 'id' | 'opensAt' | 'closesAt'>,
): DeadlineJob<CampaignDeadlinePayload> {
  const runAt = kind === CAMPAIGN_OPEN_JOB ? c.opensAt : c.closesAt;
  return {
    queue: QUEUES.NEEDS,
    name: kind,
    jobId: deadlineJobId(kind, c.id, runAt.getTime()),
    payload: { campaignId: c.id },
    runAt,
  };
}

export type CampaignTickResult =
  { result: 'OPENED' | 'CLOSED' | 'NOTHING_TO_DO' } | { result: 'NOT_DUE'; dueInMs: number };

@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly catalogue: CatalogueService,
    private readonly lifecycle: NeedLifecycle,
    private readonly deadlines: Deadlines,
  ) {}

  /** Staff see their subtree; residents see the campaigns whose area contains their community. */
  async list(actor: Actor, q: ListCampaignsQuery): Promise<Page<CampaignDto>> {
    const qb = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c');
    if (actor.roles.includes('RESIDENT')) {
      qb.where(":path LIKE CONCAT(c.region_path, '%')", { path: actor.regionPath ?? '-' });
    } else {
      const scope = regionScopeSql(actor, 'c.region_path');
      qb.where(new Brackets((w) => w.where(scope.sql, scope.params)));
    }
    if (q.status?.length) qb.andWhere('c.status IN (:...status)', { status: q.status });
    if (q.q) qb.andWhere('c.title LIKE :q', { q: containsPattern(q.q) });
    const [rows, total] = await qb
      .orderBy('c.opens_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.toDtos(actor, rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<CampaignDto> {
    return (await this.toDtos(actor, [await this.visible(actor, id, this.dataSource.manager)]))[0];
  }

  /** A campaign the actor may see (404 otherwise). */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<CampaignEntity> {
    const c = await em.findOne(CampaignEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const ok =
      c !== null &&
      (actor.roles.includes('RESIDENT')
        ? (actor.regionPath ?? '').startsWith(c.regionPath)
        : inRegionScope(actor, c.regionPath));
    if (!ok) throw new NeedsError(NeedsErrorCode.CAMPAIGN_NOT_FOUND, `Campaign ${id} not found.`);
    return c;
  }

  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDto> {
    const c = await inTransaction(this.dataSource, async (em) => {
      const region = await this.regions.getInScope(actor, dto.regionId, em);
      if (region.level !== 'STREET' && region.level !== 'COMMUNITY')
        throw this.invalid('regionId', 'A campaign covers a street or a community.');
      await this.assertPublished(dto.catalogueVersionId);
      const now = await dbNow(em);
      const opensAt = new Date(dto.opensAt);
      const closesAt = new Date(dto.closesAt);
      this.assertWindow(opensAt, closesAt, now);
      const campaign = em.create(CampaignEntity, {
        regionId: region.id,
        regionPath: region.path,
        title: dto.title,
        description: dto.description,
        opensAt,
        closesAt,
        status: 'DRAFT',
        supportsPerResident: dto.supportsPerResident,
        minSupportsToShortlist: dto.minSupportsToShortlist,
        catalogueVersionId: dto.catalogueVersionId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(CampaignEntity, campaign);
      await this.audit.record(em, actor, {
        action: 'needs.campaign.created',
        entityType: 'campaign',
        entityId: campaign.id,
        regionPath: region.path,
        after: this.rules(campaign),
      });
      // A window that has already started opens at once: the database clock decides, not the job.
      if (dueStatus('DRAFT', opensAt, closesAt, now) === 'OPEN')
        await this.setStatus(em, SYSTEM_ACTOR, campaign, 'OPEN', now);
      return campaign;
    });
    await this.scheduleNext(c);
    return this.get(actor, c.id);
  }

  async update(actor: Actor, id: number, dto: UpdateCampaignDto): Promise<CampaignDto> {
    const c = await inTransaction(this.dataSource, async (em) => {
      const campaign = await this.visible(actor, id, em, true);
      const now = await dbNow(em);
      if (campaign.status !== 'DRAFT' || now >= campaign.opensAt) {
        throw new NeedsError(
          NeedsErrorCode.CAMPAIGN_RULES_FROZEN,
          'The campaign has opened: its dates and rules are frozen.',
        );
      }
      if (dto.catalogueVersionId !== undefined) await this.assertPublished(dto.catalogueVersionId);
      const before = this.rules(campaign);
      const next = {
        title: dto.title ?? campaign.title,
        description: dto.description ?? campaign.description,
        opensAt: dto.opensAt ? new Date(dto.opensAt) : campaign.opensAt,
        closesAt: dto.closesAt ? new Date(dto.closesAt) : campaign.closesAt,
        supportsPerResident: dto.supportsPerResident ?? campaign.supportsPerResident,
        minSupportsToShortlist: dto.minSupportsToShortlist ?? campaign.minSupportsToShortlist,
        catalogueVersionId: dto.catalogueVersionId ?? campaign.catalogueVersionId,
        updatedAt: now,
      };
      this.assertWindow(next.opensAt, next.closesAt, now);
      await em.update(CampaignEntity, { id }, next);
      Object.assign(campaign, next);
      await this.audit.record(em, actor, {
        action: 'needs.campaign.updated',
        entityType: 'campaign',
        entityId: id,
        regionPath: campaign.regionPath,
        before,
        after: this.rules(campaign),
      });
      if (dueStatus('DRAFT', campaign.opensAt, campaign.closesAt, now) === 'OPEN')
        await this.setStatus(em, SYSTEM_ACTOR, campaign, 'OPEN', now);
      return campaign;
    });
    await this.scheduleNext(c);
    return this.get(actor, id);
  }

  /**
   * The deadline handler for both jobs: re-reads the campaign under a row lock and applies whatever
   * the database clock says is due (open, close — or both, if the worker was down for the whole window).
   */
  async tick(campaignId: number): Promise<CampaignTickResult> {
    const out = await inTransaction(
      this.dataSource,
      async (em): Promise<{ r: CampaignTickResult; c: CampaignEntity | null }> => {
        const c = await em.findOne(CampaignEntity, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
        if (c === null || (c.status !== 'DRAFT' && c.status !== 'OPEN'))
          return { r: { result: 'NOTHING_TO_DO' }, c: null };
        const now = await dbNow(em);
        const due = dueStatus(c.status, c.opensAt, c.closesAt, now);
        if (due === c.status) {
          const next = c.status === 'DRAFT' ? c.opensAt : c.closesAt;
          return { r: { result: 'NOT_DUE', dueInMs: next.getTime() - now.getTime() }, c: null };
        }
        if (c.status === 'DRAFT') await this.setStatus(em, SYSTEM_ACTOR, c, 'OPEN', now);
        if (due === 'CLOSED') {
          await this.setStatus(em, SYSTEM_ACTOR, c, 'CLOSED', now);
          await this.shortlist(em, c, now);
        }
        return { r: { result: due === 'CLOSED' ? 'CLOSED' : 'OPENED' }, c };
      },
    );
    if (out.c) await this.scheduleNext(out.c);
    return out.r;
  }

  /** Deadlines the reconciler rebuilds: opening of DRAFT campaigns, closing of OPEN ones. */
  sources(): DeadlineSource[] {
    const repo = () => this.dataSource.getRepository(CampaignEntity);
    return [
      {
        kind: CAMPAIGN_OPEN_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'DRAFT' })).map((c) => campaignDeadline(CAMPAIGN_OPEN_JOB, c)),
      },
      {
        kind: CAMPAIGN_CLOSE_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'OPEN' })).map((c) => campaignDeadline(CAMPAIGN_CLOSE_JOB, c)),
      },
    ];
  }

  /** Supports a resident has left in a campaign. */
  async remainingSupports(em: EntityManager, campaign: CampaignEntity, userId: number): Promise<number> {
    const p = await em.findOneBy(CampaignParticipantEntity, { campaignId: campaign.id, userId });
    return campaign.supportsPerResident - (p?.supportsUsed ?? 0);
  }

  private async scheduleNext(c: CampaignEntity): Promise<void> {
    if (c.status === 'DRAFT') await this.deadlines.schedule(campaignDeadline(CAMPAIGN_OPEN_JOB, c));
    if (c.status === 'OPEN') await this.deadlines.schedule(campaignDeadline(CAMPAIGN_CLOSE_JOB, c));
  }

  async setStatus(em: EntityManager, actor: Actor, c: CampaignEntity, to: CampaignStatus, now: Date): Promise<void> {
    const from = c.status;
    await em.update(CampaignEntity, { id: c.id }, { status: to, updatedAt: now });
    c.status = to;
    await this.audit.record(em, actor, {
      action: `needs.campaign.${to.toLowerCase()}`,
      entityType: 'campaign',
      entityId: c.id,
      regionPath: c.regionPath,
      before: { status: from },
      after: { status: to },
    });
  }

  /** At close: accepted needs with enough supports go to the residents' council. */
  private async shortlist(em: EntityManager, c: CampaignEntity, now: Date): Promise<void> {
    const needs = await em.find(NeedEntity, {
      where: { campaignId: c.id, status: 'ACCEPTED' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const n of needs.filter((x) => x.supportCount >= c.minSupportsToShortlist)) {
      await this.lifecycle.transition(em, SYSTEM_ACTOR, n, 'SHORTLISTED', now, {
        system: true,
        why: {
          template: 'need.why.shortlisted_by_supports',
          params: { supportCount: n.supportCount, threshold: c.minSupportsToShortlist },
        },
      });
    }
  }

  private rules(c: CampaignEntity) {
    return {
      title: c.title,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      supportsPerResident: c.supportsPerResident,
      minSupportsToShortlist: c.minSupportsToShortlist,
      catalogueVersionId: c.catalogueVersionId,
      regionId: c.regionId,
    };
  }

  private assertWindow(opensAt: Date, closesAt: Date, now: Date): void {
    if (closesAt <= opensAt) throw this.invalid('closesAt', 'The campaign must close after it opens.');
    if (closesAt <= now) throw this.invalid('closesAt', 'The closing time has already passed.');
  }

  private async assertPublished(versionId: number): Promise<void> {
    const versions = await this.catalogue.versions();
    if (!versions.some((v) => v.id === versionId && v.status === 'PUBLISHED'))
      throw this.invalid('catalogueVersionId', 'Choose a published catalogue version.');
  }

  private invalid(field: string, message: string): NeedsError {
    return new NeedsError(NeedsErrorCode.CAMPAIGN_INVALID, message, { errors: [{ field, message }] });
  }

  private async toDtos(actor: Actor, rows: CampaignEntity[]): Promise<CampaignDto[]> {
    if (rows.length === 0) return [];
    const regions = await this.regions.findByIds(rows.map((r) => r.regionId));
    const counts: Array<{ campaign_id: number; n: string }> = await this.dataSource.query(
      `SELECT campaign_id, COUNT(*) AS n FROM needs WHERE campaign_id IN (${rows.map(() => '?').join(',')}) GROUP BY campaign_id`,
      rows.map((r) => r.id),
    );
    const used = actor.roles.includes('RESIDENT')
      ? await this.dataSource
          .getRepository(CampaignParticipantEntity)
          .findBy({ userId: actor.userId, campaignId: In(rows.map((r) => r.id)) })
      : [];
    return rows.map((c) => ({
      id: c.id,
      regionId: c.regionId,
      regionName: regions.get(c.regionId)?.name ?? null,
      title: c.title,
      description: c.description,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      status: c.status,
      supportsPerResident: c.supportsPerResident,
      minSupportsToShortlist: c.minSupportsToShortlist,
      catalogueVersionId: c.catalogueVersionId,
      needCount: Number(counts.find((x) => x.campaign_id === c.id)?.n ?? 0),
      ...(actor.roles.includes('RESIDENT')
        ? { myRemainingSupports: c.supportsPerResident - (used.find((u) => u.campaignId === c.id)?.supportsUsed ?? 0) }
        : {}),
    }));
  }
}
