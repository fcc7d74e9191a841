import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { Message } from '../../../platform/i18n';
import { InboxService } from '../../notifications';
import { NeedStatus } from '../domain/need.state-machine';
import { NeedEntity } from '../entities/needs.entities';
import { NeedLifecycle } from './need-lifecycle.service';

/**
 * The port through which the contexts that work for a need — procurement today, contracts and
 * evaluation later — tell its raiser and supporters what happens to it, without the needs context
 * knowing their rules. Each call names the needs (a project's needs), runs in the caller's
 * transaction, writes one timeline event per need and one inbox message per follower.
 *
 * A step is a template of the catalogue (platform/i18n/messages, e.g. `procurement.step.awarded`)
 * with its parameters: adding a step is adding a template, not changing this context.
 * Nothing sealed may go into a step: before bids are opened, no count, price or bidder.
 */
@Injectable()
export class NeedProgress {
  constructor(
    private readonly lifecycle: NeedLifecycle,
    private readonly inbox: InboxService,
  ) {}

  /** A step on each need's timeline (kind STEP) and in its followers' inbox. */
  async step(em: EntityManager, actor: Actor, needIds: readonly number[], step: Message, now: Date): Promise<void> {
    if (needIds.length === 0) return;
    const needs = await em.find(NeedEntity, {
      select: { id: true, title: true, submittedBy: true },
      where: { id: In([...new Set(needIds)]) },
      order: { id: 'ASC' },
    });
    for (const need of needs) {
      await this.lifecycle.event(em, actor, need.id, now, { kind: 'STEP', message: step });
      await this.inbox.notify(
        em,
        await this.lifecycle.followers(em, need),
        {
          kind: 'need.step',
          template: 'need.step',
          params: { ...step.params, needTitle: need.title, step: step.template },
          needId: need.id,
        },
        now,
      );
    }
  }

  /**
   * Moves needs along with the work serving them (APPROVED → IN_PROCUREMENT when their project is
   * approved, back to APPROVED when it is cancelled; later IN_SERVICE, DELIVERED…), with the reason
   * as a template. Needs already in `to` are left alone. Rows are locked here, in id order.
   */
  async move(
    em: EntityManager,
    actor: Actor,
    needIds: readonly number[],
    to: NeedStatus,
    now: Date,
    why: Message,
    note: Record<string, unknown> = {},
  ): Promise<void> {
    if (needIds.length === 0) return;
    const needs = await em.find(NeedEntity, {
      where: { id: In([...new Set(needIds)]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const n of needs) {
      if (n.status === to) continue;
      await this.lifecycle.transition(em, actor, n, to, now, { system: true, note, why });
    }
  }
}
