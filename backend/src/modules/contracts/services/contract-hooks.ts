import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';

/**
 * The contract's life as in-process events inside the transaction that causes them, so each part of 买单 keeps
 * its own rules: signing holds the performance bond (custody) and sets the milestone clocks (milestones);
 * an accepted milestone opens its payment (payments) and, for the final one, releases the bond (custody);
 * a termination settles what is left (payments, custody); the last tranche settled completes it (evaluation). Listeners register at module start-up, must be
 * idempotent, and may schedule deadline jobs (jobs re-read the database and do nothing if the transaction
 * rolled back; the reconciler rebuilds them from the database anyway).
 */
export interface ContractEvent {
  contract: ContractEntity;
  /** The database clock of the transaction. */
  now: Date;
}

export interface MilestoneEvent extends ContractEvent {
  milestone: ContractMilestoneEntity;
}

export interface TerminationEvent extends ContractEvent {
  kind: 'AGREEMENT' | 'BREACH' | 'NOT_SIGNED';
}

type Listener<E> = (em: EntityManager, event: E) => Promise<void>;

@Injectable()
export class ContractHooks {
  private readonly signedListeners: Listener<ContractEvent>[] = [];
  private readonly acceptedListeners: Listener<MilestoneEvent>[] = [];
  private readonly terminatedListeners: Listener<TerminationEvent>[] = [];
  private readonly completedListeners: Listener<ContractEvent>[] = [];

  onSigned(listener: Listener<ContractEvent>): void {
    this.signedListeners.push(listener);
  }

  onMilestoneAccepted(listener: Listener<MilestoneEvent>): void {
    this.acceptedListeners.push(listener);
  }

  onTerminated(listener: Listener<TerminationEvent>): void {
    this.terminatedListeners.push(listener);
  }

  onCompleted(listener: Listener<ContractEvent>): void {
    this.completedListeners.push(listener);
  }

  /** Called by the contract service when both parties have signed (status SIGNED, budget committed). */
  async signed(em: EntityManager, event: ContractEvent): Promise<void> {
    for (const l of this.signedListeners) await l(em, event);
  }

  /** Called by the milestone service when the officer accepts a milestone's report. */
  async milestoneAccepted(em: EntityManager, event: MilestoneEvent): Promise<void> {
    for (const l of this.acceptedListeners) await l(em, event);
  }

  /**
   * Called by the payments service when the last tranche is settled (PAID or WITHHELD): the contract, and its
   * project, are COMPLETED (the evaluation then moves the project to EVALUATED once its result is published).
   */
  async completed(em: EntityManager, event: ContractEvent): Promise<void> {
    for (const l of this.completedListeners) await l(em, event);
  }

  /** Called by the change-order/termination service when a contract is terminated. */
  async terminated(em: EntityManager, event: TerminationEvent): Promise<void> {
    for (const l of this.terminatedListeners) await l(em, event);
  }
}
