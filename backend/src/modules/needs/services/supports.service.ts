import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { ResidentsService } from '../../identity';
import { InboxService } from '../../notifications';
import { acceptsInput } from '../domain/campaign.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { SupportResultDto, TransferDto } from '../dto/needs.dto';
import {
  CampaignEntity,
  CampaignParticipantEntity,
  NeedEntity,
  SupportEntity,
  SupportTransferEntity,
} from '../entities/needs.entities';
import { NeedLifecycle } from './need-lifecycle.service';

/**
 * Supports (PRODUCT.md §5.4): one per verified resident per need, at most `supportsPerResident`
 * per campaign, only while the campaign is open (database clock) and the need accepted. Each use
 * case locks the need row, then the resident's quota row, in that order, so concurrent supports
 * serialise and the counters stay exact.
 */
@Injectable()
export class SupportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
    private readonly inbox: InboxService,
    private readonly lifecycle: NeedLifecycle,
  ) {}

  async support(actor: Actor, needId: number): Promise<SupportResultDto> {
    const me = await this.residents.residentInfo(actor.userId);
    if (!me?.verified)
      throw new NeedsError(
        NeedsErrorCode.NOT_VERIFIED_RESIDENT,
        'Only residents verified by their community may support needs.',
      );
    return inTransaction(this.dataSource, async (em) => {
      const { need, campaign, now } = await this.lockOpen(em, needId, me.communityId);
      if (need.status !== 'ACCEPTED')
        throw new NeedsError(NeedsErrorCode.NEED_ILLEGAL_TRANSITION, 'Only accepted needs can be supported.');
      const used = await this.lockQuota(em, campaign.id, actor.userId);
      if (used >= campaign.supportsPerResident) {
        throw new NeedsError(
          NeedsErrorCode.SUPPORT_LIMIT_REACHED,
          `You have used all ${campaign.supportsPerResident} supports of this campaign.`,
          { limit: campaign.supportsPerResident },
        );
      }
      if (await em.existsBy(SupportEntity, { needId, userId: actor.userId }))
        throw new NeedsError(NeedsErrorCode.ALREADY_SUPPORTED, 'You already support this need.');
      await em.insert(SupportEntity, { needId, userId: actor.userId, campaignId: campaign.id, createdAt: now });
      await em.query(
        'UPDATE campaign_participants SET supports_used = supports_used + 1 WHERE campaign_id = ? AND user_id = ?',
        [campaign.id, actor.userId],
      );
      await em.query('UPDATE needs SET support_count = support_count + 1, updated_at = ? WHERE id = ?', [now, needId]);
      await this.audit.record(em, actor, {
        action: 'needs.support.added',
        entityType: 'need',
        entityId: needId,
        regionPath: need.regionPath,
        after: { supportCount: need.supportCount + 1 },
      });
      return {
        needId,
        supportCount: need.supportCount + 1,
        myRemainingSupports: campaign.supportsPerResident - used - 1,
      };
    });
  }

  async withdraw(actor: Actor, needId: number): Promise<SupportResultDto> {
    const me = await this.residents.residentInfo(actor.userId);
    if (!me) throw new NeedsError(NeedsErrorCode.NOT_VERIFIED_RESIDENT, 'Only residents support needs.');
    return inTransaction(this.dataSource, async (em) => {
      const { need, campaign, now } = await this.lockOpen(em, needId, me.communityId);
      const used = await this.lockQuota(em, campaign.id, actor.userId);
      const res = (await em.query('DELETE FROM supports WHERE need_id = ? AND user_id = ?', [
        needId,
        actor.userId,
      ])) as { affectedRows: number };
      if (res.affectedRows !== 1) throw new NeedsError(NeedsErrorCode.NOT_SUPPORTED, 'You do not support this need.');
      await em.query(
        'UPDATE campaign_participants SET supports_used = supports_used - 1 WHERE campaign_id = ? AND user_id = ?',
        [campaign.id, actor.userId],
      );
      await em.query('UPDATE needs SET support_count = support_count - 1, updated_at = ? WHERE id = ?', [now, needId]);
      await this.audit.record(em, actor, {
        action: 'needs.support.withdrawn',
        entityType: 'need',
        entityId: needId,
        regionPath: need.regionPath,
        after: { supportCount: need.supportCount - 1 },
      });
      return {
        needId,
        supportCount: need.supportCount - 1,
        myRemainingSupports: campaign.supportsPerResident - used + 1,
      };
    });
  }

  async transfers(actor: Actor): Promise<TransferDto[]> {
    const rows = await this.dataSource
      .getRepository(SupportTransferEntity)
      .find({ where: { userId: actor.userId }, order: { id: 'DESC' }, take: 100 });
    if (rows.length === 0) return [];
    const needs = await this.dataSource.getRepository(NeedEntity).find({
      select: { id: true, title: true },
      where: { id: In([...rows.map((r) => r.sourceNeedId), ...rows.map((r) => r.targetNeedId)]) },
    });
    const title = (id: number) => needs.find((n) => n.id === id)?.title ?? '';
    return rows.map((r) => ({
      id: r.id,
      sourceNeedId: r.sourceNeedId,
      sourceTitle: title(r.sourceNeedId),
      targetNeedId: r.targetNeedId,
      targetTitle: title(r.targetNeedId),
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /**
   * The supporter consents: the support moves from the merged need to the target (or, if they
   * already support the target, is simply released). Only consenting supporters are moved.
   */
  async answerTransfer(actor: Actor, id: number, consent: boolean): Promise<TransferDto> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await em.findOne(SupportTransferEntity, {
        where: { id, userId: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (t === null) throw new NeedsError(NeedsErrorCode.TRANSFER_NOT_FOUND, `Transfer request ${id} not found.`);
      if (t.status !== 'PENDING')
        throw new NeedsError(NeedsErrorCode.TRANSFER_ANSWERED, 'This request has already been answered.');
      const now = await dbNow(em);
      await em.update(SupportTransferEntity, { id }, { status: consent ? 'ACCEPTED' : 'DECLINED', answeredAt: now });
      if (consent) {
        // lock order: lower need id first, then the quota row
        const [first, second] = [t.sourceNeedId, t.targetNeedId].sort((a, b) => a - b);
        await em.findOne(NeedEntity, { where: { id: first }, lock: { mode: 'pessimistic_write' } });
        await em.findOne(NeedEntity, { where: { id: second }, lock: { mode: 'pessimistic_write' } });
        const source = await em.findOneByOrFail(NeedEntity, { id: t.sourceNeedId });
        const target = await em.findOneByOrFail(NeedEntity, { id: t.targetNeedId });
        const removed = (await em.query('DELETE FROM supports WHERE need_id = ? AND user_id = ?', [
          source.id,
          actor.userId,
        ])) as { affectedRows: number };
        if (removed.affectedRows === 1)
          await em.query('UPDATE needs SET support_count = support_count - 1 WHERE id = ?', [source.id]);
        const already = await em.existsBy(SupportEntity, { needId: target.id, userId: actor.userId });
        if (removed.affectedRows === 1 && !already && ['SUBMITTED', 'ACCEPTED'].includes(target.status)) {
          await em.insert(SupportEntity, {
            needId: target.id,
            userId: actor.userId,
            campaignId: target.campaignId,
            createdAt: now,
          });
          await em.query('UPDATE needs SET support_count = support_count + 1 WHERE id = ?', [target.id]);
          await this.lifecycle.event(em, actor, target.id, now, {
            kind: 'SUPPORT_MOVED',
            note: { fromNeedId: source.id },
          });
        } else if (removed.affectedRows === 1) {
          await em.query(
            'UPDATE campaign_participants SET supports_used = supports_used - 1 WHERE campaign_id = ? AND user_id = ? AND supports_used > 0',
            [source.campaignId, actor.userId],
          );
        }
      }
      await this.audit.record(em, actor, {
        action: consent ? 'needs.support.transfer_accepted' : 'needs.support.transfer_declined',
        entityType: 'support_transfer',
        entityId: id,
        after: { sourceNeedId: t.sourceNeedId, targetNeedId: t.targetNeedId },
      });
    });
    return (await this.transfers(actor)).find((x) => x.id === id) as TransferDto;
  }

  /** Locks the need and checks the campaign is open by the database clock and covers the resident. */
  private async lockOpen(
    em: EntityManager,
    needId: number,
    communityId: number,
  ): Promise<{ need: NeedEntity; campaign: CampaignEntity; now: Date }> {
    const need = await em.findOne(NeedEntity, { where: { id: needId }, lock: { mode: 'pessimistic_write' } });
    // Residency fence: a need of another community answers 404, exactly like a missing one.
    if (need === null || need.regionId !== communityId)
      throw new NeedsError(NeedsErrorCode.NEED_NOT_FOUND, `Need ${needId} not found.`);
    const campaign = await em.findOneByOrFail(CampaignEntity, { id: need.campaignId });
    const now = await dbNow(em);
    if (!acceptsInput(campaign.status, campaign.closesAt, now))
      throw new NeedsError(NeedsErrorCode.CAMPAIGN_NOT_OPEN, 'The campaign is closed: supports can no longer change.');
    return { need, campaign, now };
  }

  /** The resident's quota row for the campaign, created if missing, locked FOR UPDATE. */
  private async lockQuota(em: EntityManager, campaignId: number, userId: number): Promise<number> {
    // ON DUPLICATE KEY UPDATE takes the row's exclusive lock at once (INSERT IGNORE would take a
    // shared lock, and two transactions upgrading it to exclusive deadlock each other).
    await em.query(
      'INSERT INTO campaign_participants (campaign_id, user_id, supports_used) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE supports_used = supports_used',
      [campaignId, userId],
    );
    const p = await em.findOne(CampaignParticipantEntity, {
      where: { campaignId, userId },
      lock: { mode: 'pessimistic_write' },
    });
    return p?.supportsUsed ?? 0;
  }

  /** Used by merges: the inbox message asking each supporter for consent. */
  async askConsent(
    em: EntityManager,
    userIds: number[],
    source: NeedEntity,
    target: NeedEntity,
    now: Date,
  ): Promise<void> {
    await this.inbox.notify(
      em,
      userIds,
      {
        kind: 'need.support_transfer',
        template: 'need.support_transfer',
        params: { sourceTitle: source.title, targetTitle: target.title },
        needId: target.id,
      },
      now,
    );
  }
}
