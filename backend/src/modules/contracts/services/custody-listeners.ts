import { Injectable, OnModuleInit } from '@nestjs/common';

import { CustodyService } from '../../funds';
import { ContractHooks } from './contract-hooks';

/**
 * The contract's life as it concerns money held for others (the custody ledger lives in funds, which cannot import
 * contracts): signing holds the performance bond and makes the winner's bid deposit returnable; the final milestone
 * accepted makes the bond returnable; a termination makes it returnable (agreement) or forfeitable (breach).
 */
@Injectable()
export class CustodyListeners implements OnModuleInit {
  constructor(
    private readonly hooks: ContractHooks,
    private readonly custody: CustodyService,
  ) {}

  onModuleInit(): void {
    this.hooks.onSigned((em, e) => this.custody.contractSigned(em, e.contract, e.now));
    this.hooks.onMilestoneAccepted(async (em, e) => {
      if (e.milestone.isFinal === 1) await this.custody.finalAccepted(em, e.contract, e.now);
    });
    this.hooks.onTerminated((em, e) => this.custody.terminated(em, e.contract, e.kind, e.now));
  }
}
