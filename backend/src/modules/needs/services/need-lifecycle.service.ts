import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { Message } from '../../../platform/i18n';
import { AuditService } from '../../audit';
import { InboxService } from '../../notifications';
import { checkTransition, NeedActor, NeedStatus } from '../domain/need.state-machine';
import { NeedsError, NeedsErrorCode } from '../domain/needs.errors';
import { NeedEntity, NeedEventEntity } from '../entities/needs.entities';

/**
 * The one place a need changes status: checks the state machine, writes the timeline event, the
 * audit event and an inbox message to the submitter and every supporter — all in the caller's
 * transaction. The need row must already be locked by the caller.
 *
 * Texts are never stored: the timeline event keeps the codes (statuses, reason code), what a person
 * typed (`note.reason`) and, for a reason the application gives, a template (`why`); the inbox
 * message is the template `need.status_changed` with the same parameters. Both are rendered when read.
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
    opts: { system?: boolean; note?: Record<string, unknown>; set?: Partial<NeedEntity>; why?: Message } = {},
  ): Promise<void> {
    const as: NeedActor[] = opts.system ? ['SYSTEM'] : actor.roles;
    const problem = checkTransition(need.status, to, as);
    if (problem) throw new NeedsError(NeedsErrorCode.NEED_ILLEGAL_TRANSITION, problem, { from: need.status, to });
    const from = need.status;
    await em.update(NeedEntity, { id: need.id }, { ...opts.set, status: to, updatedAt: now });
    need.status = to;
    Object.assign(need, opts.set);
    await this.event(em, actor, need.id, now, { kind: 'STATUS', from, to, note: opts.note, message: opts.why });
    await this.audit.record(em, actor, {
      action: `needs.need.${to.toLowerCase()}`,
      entityType: 'need',
      entityId: need.id,
      regionPath: need.regionPath,
      before: { status: from },
      after: { status: to, ...(opts.note ?? {}), ...(opts.why ? { why: opts.why.template, ...opts.why.params } : {}) },
    });
    const note = opts.note ?? {};
    await this.inbox.notify(
      em,
      await this.followers(em, need),
      {
        kind: 'need.status_changed',
        template: 'need.status_changed',
        params: {
          ...(opts.why ? { ...opts.why.params, why: opts.why.template } : {}),
          needTitle: need.title,
          from,
          to,
          reasonCode: typeof note['reasonCode'] === 'string' ? note['reasonCode'] : null,
          reason: typeof note['reason'] === 'string' ? note['reason'] : null,
        },
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
    e: {
      kind: string;
      from?: string | null;
      to?: string | null;
      note?: Record<string, unknown>;
      /** A step another context reports, or the coded reason of a status change. */
      message?: Message;
    },
  ): Promise<void> {
    await em.insert(NeedEventEntity, {
      needId,
      at,
      kind: e.kind,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      // The system's name is written when read, in the reader's language (actor_id NULL).
      actorId: actor.userId === 0 ? null : actor.userId,
      actorName: actor.username,
      note: e.note ? JSON.stringify(e.note) : null,
      template: e.message?.template ?? null,
      params: e.message ? JSON.stringify(e.message.params) : null,
    });
  }

  /**
   * Everyone who follows the need: who raised it (the resident, or for a need entered on behalf of
   * an offline resident the worker who entered it) and every current supporter.
   */
  async followers(em: EntityManager, need: Pick<NeedEntity, 'id' | 'submittedBy'>): Promise<number[]> {
    const rows: Array<{ user_id: number }> = await em.query('SELECT user_id FROM supports WHERE need_id = ?', [
      need.id,
    ]);
    return [need.submittedBy, ...rows.map((r) => r.user_id)];
  }
}
