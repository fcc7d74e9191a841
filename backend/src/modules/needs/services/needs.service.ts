import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, hasPermission, inRegionScope, PERMISSIONS } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page } from '../../../platform/http/pagination';
import { Locale, messageLink, parseParams } from '../../../platform/i18n';
import { sniff } from '../../../platform/util/file-type';
import { AuditService } from '../../audit';
import { CatalogueService, checkAttributeValues } from '../../catalogue';
import { ResidentsService, UserPreferences } from '../../identity';
import { RegionsService } from '../../regions';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_NEED } from '../domain/attachment-limits';
import { acceptsInput } from '../domain/campaign.state-machine';
import { NeedStatus, PUBLIC_NEED_STATUSES } from '../domain/need.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { mostSimilar } from '../domain/similarity';
import {
  AttachmentDto,
  ListNeedsQuery,
  MergeNeedDto,
  MyNeedDto,
  NeedDetailDto,
  NeedSummaryDto,
  RejectNeedDto,
  ResubmitNeedDto,
  SimilarNeedDto,
  SubmitNeedDto,
  TimelineEventDto,
} from '../dto/needs.dto';
import {
  CampaignEntity,
  NeedAttachmentEntity,
  NeedEntity,
  NeedEventEntity,
  SupportEntity,
  SupportTransferEntity,
} from '../entities/needs.entities';
import { CampaignsService } from './campaigns.service';
import { NeedLifecycle } from './need-lifecycle.service';
import { buildNeedListQuery, LEVEL_COLUMN, NeedListFilter } from './need-list.query';
import { SupportsService } from './supports.service';
import { timelineText } from './timeline-text';

interface ListRow {
  id: number;
  title: string;
  status: string;
  support_count: number;
  category_id: number;
  region_id: number;
  campaign_id: number;
  channel: string;
  created_at: Date;
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const isResident = (a: Actor) => a.roles.includes('RESIDENT');

/**
 * Whether a timeline event was made by a resident: the submitter of a need submitted online (submission,
 * resubmission), or a supporter moving their support. A resident's account name is their phone number when they
 * registered themselves, so other residents never see it (they read `actorName: null`); staff do.
 */
function residentActor(
  e: Pick<NeedEventEntity, 'actorId' | 'kind'>,
  need: Pick<NeedEntity, 'submittedBy' | 'channel'> | undefined,
): boolean {
  if (e.actorId === null) return false;
  if (e.kind === 'SUPPORT_MOVED') return true;
  return need !== undefined && need.channel === 'ONLINE' && e.actorId === need.submittedBy;
}

/**
 * The real name of a resident whose need a worker entered for them (代录) is personal data: only the worker who
 * entered it and the staff who moderate needs in the community's region see it — never neighbours, and not
 * staff who merely read needs (procurement, finance, auditors).
 */
export function maySeeOfflineName(actor: Actor, need: Pick<NeedEntity, 'submittedBy' | 'regionPath'>): boolean {
  return (
    need.submittedBy === actor.userId ||
    (hasPermission(actor.roles, PERMISSIONS.NEEDS_MODERATE) && inRegionScope(actor, need.regionPath))
  );
}

@Injectable()
export class NeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly catalogue: CatalogueService,
    private readonly residents: ResidentsService,
    private readonly campaigns: CampaignsService,
    private readonly lifecycle: NeedLifecycle,
    private readonly supports: SupportsService,
    private readonly preferences: UserPreferences,
  ) {}

  // ---------------------------------------------------------------- reading

  /** The hot list: one indexed query (see need-list.query.ts), then names for the page only. */
  async list(actor: Actor, q: ListNeedsQuery): Promise<Page<NeedSummaryDto>> {
    const { filter } = await this.listFilter(actor, q);
    const built = buildNeedListQuery(filter);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(built.sql, [...built.params, ...built.pageParams]) as Promise<ListRow[]>,
      this.dataSource.query(built.countSql, built.params) as Promise<Array<{ total: string }>>,
    ]);
    const items = await this.summaries(rows);
    if (isResident(actor)) await this.markSupported(actor, items);
    return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
  }

  /** For the Excel export: up to `limit` rows of the same query. */
  async listAll(actor: Actor, q: ListNeedsQuery, limit: number): Promise<NeedSummaryDto[]> {
    const { filter } = await this.listFilter(actor, { ...q, page: 1, pageSize: limit });
    const built = buildNeedListQuery({ ...filter, page: 1, pageSize: limit });
    const rows: ListRow[] = await this.dataSource.query(built.sql, [...built.params, ...built.pageParams]);
    return this.summaries(rows);
  }

  private async listFilter(actor: Actor, q: ListNeedsQuery): Promise<{ filter: NeedListFilter }> {
    let region;
    if (isResident(actor)) {
      if (actor.regionId === null)
        throw new NeedsError(NeedsErrorCode.NOT_VERIFIED_RESIDENT, 'Your account has no community.');
      region = await this.regions.getInScope(actor, actor.regionId);
    } else {
      if (actor.regionId === null) throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, 'Your account has no region.');
      region = await this.regions.getInScope(actor, q.regionId ?? actor.regionId);
    }
    const category = q.categoryId === undefined ? null : await this.catalogue.category(q.categoryId);
    if (q.categoryId !== undefined && category === null)
      throw new NeedsError(NeedsErrorCode.NEED_INVALID, `Category ${q.categoryId} not found.`, {
        errors: [{ field: 'categoryId', message: 'not found' }],
      });
    const residentStatuses = isResident(actor)
      ? q.status && q.status.length > 0
        ? q.status.filter((s) => (PUBLIC_NEED_STATUSES as readonly string[]).includes(s))
        : [...PUBLIC_NEED_STATUSES]
      : undefined;
    return {
      filter: {
        region: { column: LEVEL_COLUMN[region.level], id: region.id },
        statuses: residentStatuses ?? q.status,
        categoryIds: category?.subtreeIds,
        campaignId: q.campaignId,
        q: q.q,
        orSubmittedBy: isResident(actor) ? actor.userId : undefined,
        sort: q.sort ?? '-createdAt',
        page: q.page,
        pageSize: q.pageSize,
      },
    };
  }

  async detail(actor: Actor, id: number): Promise<NeedDetailDto> {
    const need = await this.visible(actor, id, this.dataSource.manager);
    const [summary] = await this.summaries([
      {
        id: need.id,
        title: need.title,
        status: need.status,
        support_count: need.supportCount,
        category_id: need.categoryId,
        region_id: need.regionId,
        campaign_id: need.campaignId,
        channel: need.channel,
        created_at: need.createdAt,
      },
    ]);
    const attachments = await this.dataSource
      .getRepository(NeedAttachmentEntity)
      .find({ where: { needId: id }, order: { id: 'ASC' } });
    const mergedFrom = await this.dataSource
      .getRepository(NeedEntity)
      .find({ select: { id: true }, where: { mergedIntoId: id } });
    const supported = await this.dataSource.getRepository(SupportEntity).existsBy({ needId: id, userId: actor.userId });
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: need.campaignId });
    return {
      ...summary,
      description: need.description,
      attributes: JSON.parse(need.attributes) as Record<string, string | number>,
      location: need.location,
      offlineName: maySeeOfflineName(actor, need) ? need.offlineName : null,
      submittedByMe: need.submittedBy === actor.userId,
      rejectReason: need.rejectReason,
      rejectNote: need.rejectNote,
      attachments: attachments.map(attachmentDto),
      mergedIntoId: need.mergedIntoId,
      mergedFrom: mergedFrom.map((m) => m.id),
      resubmittedFromId: need.resubmittedFromId,
      supportedByMe: supported,
      myRemainingSupports: isResident(actor)
        ? await this.campaigns.remainingSupports(this.dataSource.manager, campaign, actor.userId)
        : null,
    };
  }

  /** The need's timeline in the reader's language (their choice, else `acceptLanguage`, else zh-CN). */
  async timeline(actor: Actor, id: number, acceptLanguage?: string): Promise<TimelineEventDto[]> {
    const need = await this.visible(actor, id, this.dataSource.manager);
    const locale = await this.preferences.readerLocale(actor, acceptLanguage);
    return (await this.timelines(actor, [need], locale)).get(id) ?? [];
  }

  /** The resident's needs — submitted or supported — each with its whole timeline. */
  async mine(actor: Actor, acceptLanguage?: string): Promise<MyNeedDto[]> {
    const own = await this.dataSource
      .getRepository(NeedEntity)
      .find({ where: { submittedBy: actor.userId }, order: { id: 'DESC' }, take: 200 });
    const supportRows = await this.dataSource
      .getRepository(SupportEntity)
      .find({ where: { userId: actor.userId }, order: { createdAt: 'DESC' }, take: 200 });
    const supported =
      supportRows.length === 0
        ? []
        : await this.dataSource.getRepository(NeedEntity).findBy({ id: In(supportRows.map((s) => s.needId)) });
    const all = [
      ...own.map((n) => ({ n, relation: 'SUBMITTED' as const })),
      ...supported.filter((n) => n.submittedBy !== actor.userId).map((n) => ({ n, relation: 'SUPPORTED' as const })),
    ];
    const summaries = await this.summaries(
      all.map(({ n }) => ({
        id: n.id,
        title: n.title,
        status: n.status,
        support_count: n.supportCount,
        category_id: n.categoryId,
        region_id: n.regionId,
        campaign_id: n.campaignId,
        channel: n.channel,
        created_at: n.createdAt,
      })),
    );
    await this.markSupported(actor, summaries);
    const locale = await this.preferences.readerLocale(actor, acceptLanguage);
    const timelines = await this.timelines(
      actor,
      all.map(({ n }) => n),
      locale,
    );
    return all.map(({ n, relation }, i) => ({ need: summaries[i], relation, timeline: timelines.get(n.id) ?? [] }));
  }

  async similar(actor: Actor, campaignId: number, title: string, communityId?: number): Promise<SimilarNeedDto[]> {
    const campaign = await this.campaigns.visible(actor, campaignId, this.dataSource.manager);
    const community = isResident(actor)
      ? actor.regionId
      : (communityId ?? (campaign.regionPath.split('/').filter(Boolean).length === 4 ? campaign.regionId : null));
    const candidates = await this.dataSource.getRepository(NeedEntity).find({
      select: { id: true, title: true, status: true, supportCount: true },
      where: {
        campaignId,
        ...(community ? { regionId: community } : {}),
        status: In(['SUBMITTED', 'ACCEPTED', 'SHORTLISTED', 'APPROVED']),
      },
      order: { id: 'DESC' },
      take: 1000,
    });
    return mostSimilar(title, candidates).map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      supportCount: c.supportCount,
      score: c.score,
    }));
  }

  async attachment(
    actor: Actor,
    needId: number,
    attachmentId: number,
  ): Promise<{ filename: string; mime: string; content: Buffer }> {
    await this.visible(actor, needId, this.dataSource.manager);
    const a = await this.dataSource
      .getRepository(NeedAttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.need_id = :needId', { id: attachmentId, needId })
      .getOne();
    if (a === null) throw new NeedsError(NeedsErrorCode.ATTACHMENT_NOT_FOUND, 'Attachment not found.');
    return { filename: a.filename, mime: a.mime, content: a.content };
  }

  // ---------------------------------------------------------------- writing

  async submit(actor: Actor, dto: SubmitNeedDto): Promise<NeedDetailDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const campaign = await this.campaigns.visible(actor, dto.campaignId, em);
      const now = await dbNow(em);
      if (!acceptsInput(campaign.status, campaign.closesAt, now))
        throw new NeedsError(NeedsErrorCode.CAMPAIGN_NOT_OPEN, 'The campaign is not open for needs.');
      const proxy = !isResident(actor);
      let communityId: number;
      if (proxy) {
        if (!actor.roles.includes('COMMUNITY_WORKER'))
          throw new NeedsError(
            NeedsErrorCode.NOT_VERIFIED_RESIDENT,
            'Only residents and community workers submit needs.',
          );
        if (!dto.offlineName)
          throw this.invalid('offlineName', 'A need entered for an offline resident records their name.');
        communityId = dto.communityId ?? campaign.regionId;
      } else {
        if (dto.offlineName || dto.offlinePhone || dto.communityId)
          throw this.invalid('offlineName', 'Only community workers enter needs on behalf of others.');
        const me = await this.residents.residentInfo(actor.userId);
        if (!me?.verified)
          throw new NeedsError(
            NeedsErrorCode.NOT_VERIFIED_RESIDENT,
            'Only residents verified by their community may submit needs.',
          );
        communityId = me.communityId;
      }
      const community = await this.regions.findById(communityId, em);
      if (
        community === null ||
        community.level !== 'COMMUNITY' ||
        !community.path.startsWith(campaign.regionPath) ||
        (proxy && !inRegionScope(actor, community.path))
      ) {
        throw new NeedsError(NeedsErrorCode.NOT_IN_CAMPAIGN_AREA, 'The community is not covered by this campaign.');
      }
      const category = await this.catalogue.category(dto.categoryId, em);
      if (category === null || category.versionId !== campaign.catalogueVersionId)
        throw this.invalid('categoryId', 'Choose a category of the campaign’s catalogue.');
      const problems = checkAttributeValues(category.attributes, dto.attributes);
      if (problems.length > 0)
        throw new NeedsError(NeedsErrorCode.NEED_INVALID, 'Some attributes are missing or invalid.', {
          errors: problems,
        });
      const [city, district, street] = community.path.split('/').filter(Boolean).map(Number);
      const need = em.create(NeedEntity, {
        campaignId: campaign.id,
        regionId: community.id,
        streetId: street,
        districtId: district,
        cityId: city,
        regionPath: community.path,
        categoryId: category.id,
        title: dto.title,
        description: dto.description,
        attributes: JSON.stringify(dto.attributes),
        location: dto.location,
        channel: proxy ? 'PROXY' : 'ONLINE',
        submittedBy: actor.userId,
        offlineName: dto.offlineName ?? null,
        offlinePhone: dto.offlinePhone ?? null,
        status: 'SUBMITTED',
        supportCount: 0,
        mergedIntoId: null,
        resubmittedFromId: null,
        rejectReason: null,
        rejectNote: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(NeedEntity, need);
      await this.lifecycle.event(em, actor, need.id, now, {
        kind: 'STATUS',
        from: null,
        to: 'SUBMITTED',
        note: { channel: need.channel },
      });
      await this.audit.record(em, actor, {
        action: 'needs.need.submitted',
        entityType: 'need',
        entityId: need.id,
        regionPath: need.regionPath,
        after: { title: need.title, campaignId: campaign.id, categoryId: category.id, channel: need.channel },
      });
      return need.id;
    });
    return this.detail(actor, id);
  }

  async accept(actor: Actor, id: number): Promise<NeedDetailDto> {
    await this.moderate(actor, id, async (em, need, now) => {
      const campaign = await em.findOneByOrFail(CampaignEntity, { id: need.campaignId });
      if (!acceptsInput(campaign.status, campaign.closesAt, now))
        throw new NeedsError(
          NeedsErrorCode.CAMPAIGN_NOT_OPEN,
          'The campaign has closed; the need can no longer be opened for support.',
        );
      await this.lifecycle.transition(em, actor, need, 'ACCEPTED', now);
    });
    return this.detail(actor, id);
  }

  async reject(actor: Actor, id: number, dto: RejectNeedDto): Promise<NeedDetailDto> {
    await this.moderate(actor, id, (em, need, now) =>
      this.lifecycle.transition(em, actor, need, 'REJECTED', now, {
        note: { reasonCode: dto.reason, reason: dto.note },
        set: { rejectReason: dto.reason, rejectNote: dto.note },
      }),
    );
    return this.detail(actor, id);
  }

  /** Merges the need into another; its supporters are asked whether to carry their support over. */
  async merge(actor: Actor, id: number, dto: MergeNeedDto): Promise<NeedDetailDto> {
    if (dto.targetNeedId === id) throw this.invalid('targetNeedId', 'A need cannot be merged into itself.');
    await this.moderate(actor, id, async (em, source, now) => {
      const target = await em.findOne(NeedEntity, {
        where: { id: dto.targetNeedId },
        lock: { mode: 'pessimistic_write' },
      });
      if (target === null || !inRegionScope(actor, target.regionPath))
        throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, `Need ${dto.targetNeedId} not found.`);
      if (target.campaignId !== source.campaignId || !['SUBMITTED', 'ACCEPTED'].includes(target.status)) {
        throw this.invalid('targetNeedId', 'Merge into a submitted or accepted need of the same campaign.');
      }
      await this.lifecycle.transition(em, actor, source, 'MERGED', now, {
        note: { targetNeedId: target.id },
        why: { template: 'need.why.merged', params: { targetNeedId: target.id, targetTitle: target.title } },
        set: { mergedIntoId: target.id },
      });
      await this.lifecycle.event(em, actor, target.id, now, {
        kind: 'MERGED_IN',
        note: { sourceNeedId: source.id, sourceTitle: source.title },
      });
      const supporters = await em.findBy(SupportEntity, { needId: source.id });
      if (supporters.length > 0) {
        await em.insert(
          SupportTransferEntity,
          supporters.map((s) => ({
            sourceNeedId: source.id,
            targetNeedId: target.id,
            userId: s.userId,
            status: 'PENDING' as const,
            createdAt: now,
            answeredAt: null,
          })),
        );
        await this.supports.askConsent(
          em,
          supporters.map((s) => s.userId),
          source,
          target,
          now,
        );
      }
    });
    return this.detail(actor, id);
  }

  /** A rejected need's submitter brings it to a later open campaign as a new need (lineage kept). */
  async resubmit(actor: Actor, id: number, dto: ResubmitNeedDto): Promise<NeedDetailDto> {
    const old = await this.visible(actor, id, this.dataSource.manager);
    if (old.status !== 'REJECTED' || old.submittedBy !== actor.userId)
      throw new NeedsError(
        NeedsErrorCode.NEED_ILLEGAL_TRANSITION,
        'Only the submitter of a rejected need can resubmit it.',
      );
    if (old.campaignId === dto.campaignId) throw this.invalid('campaignId', 'Resubmit to a later campaign.');
    const created = await this.submit(actor, {
      campaignId: dto.campaignId,
      categoryId: old.categoryId,
      title: old.title,
      description: old.description,
      attributes: JSON.parse(old.attributes) as Record<string, string | number>,
      location: old.location,
      ...(old.channel === 'PROXY'
        ? {
            offlineName: old.offlineName ?? undefined,
            offlinePhone: old.offlinePhone ?? undefined,
            communityId: old.regionId,
          }
        : {}),
    });
    await inTransaction(this.dataSource, async (em) => {
      await em.update(NeedEntity, { id: created.id }, { resubmittedFromId: old.id });
      await this.lifecycle.event(em, actor, old.id, await dbNow(em), {
        kind: 'RESUBMITTED',
        note: { newNeedId: created.id, campaignId: dto.campaignId },
      });
    });
    return this.detail(actor, created.id);
  }

  async addAttachment(actor: Actor, needId: number, file: UploadedFile | undefined): Promise<AttachmentDto> {
    if (!file) throw this.invalid('file', 'Attach a file in the multipart field "file".');
    if (file.size > MAX_ATTACHMENT_BYTES)
      throw new NeedsError(NeedsErrorCode.ATTACHMENT_REJECTED, 'Attachments may be at most 5 MB.');
    const mime = sniff(file.buffer);
    if (mime === null)
      throw new NeedsError(
        NeedsErrorCode.ATTACHMENT_REJECTED,
        'Only JPEG, PNG and PDF files are accepted (checked by their content).',
      );
    return inTransaction(this.dataSource, async (em) => {
      const need = await this.visible(actor, needId, em, true);
      const mayUpload =
        need.submittedBy === actor.userId ||
        (actor.roles.includes('COMMUNITY_WORKER') && inRegionScope(actor, need.regionPath));
      if (!mayUpload) throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, `Need ${needId} not found.`);
      if (!['SUBMITTED', 'ACCEPTED'].includes(need.status))
        throw new NeedsError(
          NeedsErrorCode.NEED_ILLEGAL_TRANSITION,
          'Attachments can be added while the need is submitted or accepted.',
        );
      if ((await em.countBy(NeedAttachmentEntity, { needId })) >= MAX_ATTACHMENTS_PER_NEED)
        throw new NeedsError(NeedsErrorCode.ATTACHMENT_REJECTED, 'A need has at most 5 attachments.');
      const now = await dbNow(em);
      const a = em.create(NeedAttachmentEntity, {
        needId,
        filename:
          utf8Name(file.originalname)
            .replace(/[\\/\r\n"]/g, '_')
            .slice(0, 200) || 'attachment',
        mime,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await em.insert(NeedAttachmentEntity, a);
      await this.audit.record(em, actor, {
        action: 'needs.attachment.added',
        entityType: 'need',
        entityId: needId,
        regionPath: need.regionPath,
        after: { attachmentId: a.id, filename: a.filename, mime, size: a.size, sha256: a.sha256 },
      });
      return attachmentDto(a);
    });
  }

  // ---------------------------------------------------------------- helpers

  private async moderate(
    actor: Actor,
    id: number,
    work: (em: EntityManager, need: NeedEntity, now: Date) => Promise<void>,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const need = await em.findOne(NeedEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (need === null || !inRegionScope(actor, need.regionPath))
        throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, `Need ${id} not found.`);
      await work(em, need, await dbNow(em));
    });
  }

  /**
   * A need the actor may see, 404 otherwise. Staff: their region subtree. Residents: needs of
   * their community from ACCEPTED on, plus their own and the ones they support, in any status.
   */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<NeedEntity> {
    const need = await em.findOne(NeedEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    let ok = false;
    if (need !== null) {
      if (isResident(actor)) {
        ok =
          need.submittedBy === actor.userId ||
          (need.regionId === actor.regionId && (PUBLIC_NEED_STATUSES as readonly string[]).includes(need.status)) ||
          (await em.existsBy(SupportEntity, { needId: id, userId: actor.userId }));
      } else {
        ok = inRegionScope(actor, need.regionPath);
      }
    }
    if (!ok || need === null) throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, `Need ${id} not found.`);
    return need;
  }

  // ---------------------------------------------------------------- for procurement (through index.ts)

  /**
   * Locks the needs a project bundles and checks each is APPROVED and lies in the project's region
   * subtree; returns their titles. Runs in the caller's transaction. Answers with one 422 naming the
   * needs that cannot be bundled.
   */
  async lockApprovedForProject(
    em: EntityManager,
    needIds: number[],
    regionPath: string,
    allowed: readonly NeedStatus[] = ['APPROVED'],
  ): Promise<Array<{ id: number; title: string }>> {
    const ids = [...new Set(needIds)].sort((a, b) => a - b);
    const needs = await em.find(NeedEntity, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const bad = ids.filter((id) => {
      const n = needs.find((x) => x.id === id);
      return n === undefined || !n.regionPath.startsWith(regionPath) || !allowed.includes(n.status);
    });
    if (bad.length > 0) {
      const message = `Needs ${bad.join(', ')} are not approved needs of the project region (or are already in another project).`;
      throw new NeedsError(NeedsErrorCode.NEED_INVALID, message, {
        errors: [{ field: 'needIds', message }],
        needIds: bad,
      });
    }
    return needs.map((n) => ({ id: n.id, title: n.title }));
  }

  private async summaries(rows: ListRow[]): Promise<NeedSummaryDto[]> {
    const cats = await this.catalogue.categoryNames(rows.map((r) => r.category_id));
    const regions = await this.regions.findByIds(rows.map((r) => r.region_id));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as NeedStatus,
      supportCount: Number(r.support_count),
      categoryId: r.category_id,
      categoryName: cats.get(r.category_id) ?? null,
      regionId: r.region_id,
      regionName: regions.get(r.region_id)?.name ?? null,
      campaignId: r.campaign_id,
      channel: r.channel,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Residents: whether they support each listed need. */
  private async markSupported(actor: Actor, items: NeedSummaryDto[]): Promise<void> {
    if (items.length === 0) return;
    const mine = await this.dataSource
      .getRepository(SupportEntity)
      .find({ select: { needId: true }, where: { userId: actor.userId, needId: In(items.map((i) => i.id)) } });
    const set = new Set(mine.map((m) => m.needId));
    for (const item of items) item.supportedByMe = set.has(item.id);
  }

  private async timelines(
    viewer: Actor,
    needs: Array<Pick<NeedEntity, 'id' | 'submittedBy' | 'channel'>>,
    locale: Locale,
  ): Promise<Map<number, TimelineEventDto[]>> {
    const out = new Map<number, TimelineEventDto[]>();
    if (needs.length === 0) return out;
    const byId = new Map(needs.map((n) => [n.id, n]));
    const events = await this.dataSource
      .getRepository(NeedEventEntity)
      .find({ where: { needId: In([...byId.keys()]) }, order: { id: 'ASC' } });
    for (const e of events) {
      const list = out.get(e.needId) ?? [];
      const words = timelineText(e, locale);
      list.push({
        at: e.at.toISOString(),
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName:
          residentActor(e, byId.get(e.needId)) && isResident(viewer) && e.actorId !== viewer.userId
            ? null
            : words.actorName,
        note: words.note,
        template: e.template,
        text: words.text,
        detail: words.detail,
        link: e.kind === 'STEP' ? messageLink(parseParams(e.params)) : null,
      });
      out.set(e.needId, list);
    }
    return out;
  }

  private invalid(field: string, message: string): NeedsError {
    return new NeedsError(NeedsErrorCode.NEED_INVALID, message, { errors: [{ field, message }] });
  }
}

/** Multer decodes multipart file names as latin1; browsers send UTF-8 (e.g. 活动中心.png). */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

function attachmentDto(a: NeedAttachmentEntity): AttachmentDto {
  return {
    id: a.id,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}
