import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { BidEntity, TenderEntity } from '../entities/procurement.entities';

/** What other contexts learn when a tender becomes AWARDED, inside the transaction that awards it. */
export interface AwardedEvent {
  tender: TenderEntity;
  winnerBid: BidEntity;
  /** The database clock of the award. */
  now: Date;
}

export type AwardListener = (em: EntityManager, event: AwardedEvent) => Promise<void>;

/**
 * The award as an in-process event, so that procurement does not depend on what follows it: the contracts context
 * registers a listener (a contract draft from the award) at start-up, and it runs in the awarding transaction —
 * if it fails, the award does not happen. Listeners must be idempotent (an award is final once, but a retried
 * transaction runs them again).
 */
@Injectable()
export class AwardHooks {
  private readonly listeners: AwardListener[] = [];

  onAwarded(listener: AwardListener): void {
    this.listeners.push(listener);
  }

  async awarded(em: EntityManager, event: AwardedEvent): Promise<void> {
    for (const listener of this.listeners) await listener(em, event);
  }
}
