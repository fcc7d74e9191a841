import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { decisionPath } from '../domain/need.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { DeliberationDto, RecordDeliberationDto } from '../dto/needs.dto';
import { DeliberationDecisionEntity, DeliberationEntity, NeedEntity } from '../entities/needs.entities';
import { CampaignsService } from './campaigns.service';
import { NeedLifecycle } from './need-lifecycle.service';

/** The residents' council (议事会): its record, and its decision on each need of a closed campaign. */
@Injectable()
export class DeliberationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
    private readonly lifecycle: NeedLifecycle,
  ) {}

  async record(actor: Actor, campaignId: number, dto: RecordDeliberationDto): Promise<DeliberationDto> {
    const ids = dto.decisions.map((d) => d.needId);
    if (new Set(ids).size !== ids.length) throw this.invalid('decisions', 'Each need is decided once per meeting.');
    const id = await inTransaction(this.dataSource, async (em) => {
      const campaign = await this.campaigns.visible(actor, campaignId, em, true);
      if (campaign.status !== 'CLOSED' && campaign.status !== 'DECIDED') {
        throw new NeedsError(NeedsErrorCode.CAMPAIGN_NOT_CLOSED, 'The council decides after the campaign has closed.');
      }
      const now = await dbNow(em);
      const needs = await em.find(NeedEntity, {
        where: { id: In(ids) },
        lock: { mode: 'pessimistic_write' },
        order: { id: 'ASC' },
      });
      const d = em.create(DeliberationEntity, {
        campaignId,
        heldOn: dto.heldOn,
        attendees: dto.attendees,
        minutes: dto.minutes,
        recordedBy: actor.userId,
        createdAt: now,
      });
      await em.insert(DeliberationEntity, d);
      for (const [i, decision] of dto.decisions.entries()) {
        const need = needs.find((n) => n.id === decision.needId);
        if (!need || need.campaignId !== campaignId)
          throw this.invalid(`decisions[${i}].needId`, `Need ${decision.needId} is not in this campaign.`);
        const path = decisionPath(need.status, decision.decision);
        if (path === null) {
          throw new NeedsError(
            NeedsErrorCode.NEED_ILLEGAL_TRANSITION,
            `Need ${need.id} is ${need.status}: it cannot be ${decision.decision}.`,
            { errors: [{ field: `decisions[${i}].decision`, message: `not possible from ${need.status}` }] },
          );
        }
        for (const to of path) {
          await this.lifecycle.transition(em, actor, need, to, now, {
            note: { reason: decision.reason, deliberationId: d.id },
            why: { template: 'need.why.council', params: { heldOn: dto.heldOn, decision: decision.decision } },
          });
        }
        await em.insert(DeliberationDecisionEntity, {
          deliberationId: d.id,
          needId: need.id,
          decision: decision.decision,
          reason: decision.reason,
        });
      }
      if (campaign.status === 'CLOSED') await this.campaigns.setStatus(em, actor, campaign, 'DECIDED', now);
      await this.audit.record(em, actor, {
        action: 'needs.deliberation.recorded',
        entityType: 'deliberation',
        entityId: d.id,
        regionPath: campaign.regionPath,
        after: { campaignId, heldOn: dto.heldOn, decisions: dto.decisions },
      });
      return d.id;
    });
    return (await this.list(actor, campaignId)).find((x) => x.id === id) as DeliberationDto;
  }

  async list(actor: Actor, campaignId: number): Promise<DeliberationDto[]> {
    await this.campaigns.visible(actor, campaignId, this.dataSource.manager);
    const rows = await this.dataSource
      .getRepository(DeliberationEntity)
      .find({ where: { campaignId }, order: { id: 'ASC' } });
    const decisions =
      rows.length === 0
        ? []
        : await this.dataSource
            .getRepository(DeliberationDecisionEntity)
            .findBy({ deliberationId: In(rows.map((r) => r.id)) });
    return rows.map((r) => ({
      id: r.id,
      campaignId,
      heldOn: r.heldOn,
      attendees: r.attendees,
      minutes: r.minutes,
      recordedBy: r.recordedBy,
      createdAt: r.createdAt.toISOString(),
      decisions: decisions
        .filter((x) => x.deliberationId === r.id)
        .map((x) => ({ needId: x.needId, decision: x.decision as 'APPROVED', reason: x.reason })),
    }));
  }

  private invalid(field: string, message: string): NeedsError {
    return new NeedsError(NeedsErrorCode.NEED_INVALID, message, { errors: [{ field, message }] });
  }
}
