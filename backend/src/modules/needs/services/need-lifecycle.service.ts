import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { AuditService } from '../../audit';
import { InboxService } from '../../notifications';
import { checkTransition, findTransition, NeedActor, NeedStatus } from '../domain/need.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { NeedEntity, NeedEventEntity } from '../entities/needs.entities';

const STATUS_ZH: Record<NeedStatus, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理（开放支持）',
  REJECTED: '未通过审核',
  MERGED: '已合并',
  SHORTLISTED: '已入围议事会',
  APPROVED: '议事会通过',
  DECLINED: '议事会未通过',
  IN_PROCUREMENT: '采购中',
  IN_SERVICE: '服务中',
  DELIVERED: '已交付',
  EVALUATED: '已评估',
  CLOSED: '已结项',
};

/**
 * The one place a need changes status: checks the state machine, writes the timeline event, the
 * audit event and an inbox message to the submitter and every supporter — all in the caller's
 * transaction. The need row must already be locked by the caller.
 */
@Injectable()
export class NeedLifecycle {
  constructor(
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  async transition(
    em: EntityManager,
    actor: Actor,
    need: NeedEntity,
    to: NeedStatus,
    now: Date,
    opts: { system?: boolean; note?: Record<string, unknown>; set?: Partial<NeedEntity> } = {},
  ): Promise<void> {
    const as: NeedActor[] = opts.system ? ['SYSTEM'] : actor.roles;
    const problem = checkTransition(need.status, to, as);
    if (problem) throw new NeedsError(NeedsErrorCode.NEED_ILLEGAL_TRANSITION, problem, { from: need.status, to });
    const from = need.status;
    await em.update(NeedEntity, { id: need.id }, { ...opts.set, status: to, updatedAt: now });
    need.status = to;
    Object.assign(need, opts.set);
    await this.event(em, actor, need.id, now, { kind: 'STATUS', from, to, note: opts.note });
    await this.audit.record(em, actor, {
      action: `needs.need.${to.toLowerCase()}`,
      entityType: 'need',
      entityId: need.id,
      regionPath: need.regionPath,
      before: { status: from },
      after: { status: to, ...(opts.note ?? {}) },
    });
    const recipients = await this.followers(em, need);
    await this.inbox.notify(
      em,
      recipients,
      {
        kind: 'need.status_changed',
        title: `需求「${need.title}」${STATUS_ZH[to]}`,
        body: `${findTransition(from, to)?.label ?? ''}：${STATUS_ZH[from]} → ${STATUS_ZH[to]}${opts.note?.['reason'] ? `。说明：${String(opts.note['reason'])}` : ''}`,
        needId: need.id,
      },
      now,
    );
  }

  async event(
    em: EntityManager,
    actor: Actor,
    needId: number,
    at: Date,
    e: { kind: string; from?: string | null; to?: string | null; note?: Record<string, unknown> },
  ): Promise<void> {
    await em.insert(NeedEventEntity, {
      needId,
      at,
      kind: e.kind,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      actorId: actor.userId === 0 ? null : actor.userId,
      actorName: actor.userId === 0 ? '系统' : actor.username,
      note: e.note ? JSON.stringify(e.note) : null,
    });
  }

  /** The submitter and every current supporter. */
  async followers(em: EntityManager, need: NeedEntity): Promise<number[]> {
    const rows: Array<{ user_id: number }> = await em.query('SELECT user_id FROM supports WHERE need_id = ?', [
      need.id,
    ]);
    return [need.submittedBy, ...rows.map((r) => r.user_id)];
  }
}
