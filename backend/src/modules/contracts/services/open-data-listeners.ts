import { Injectable, OnModuleInit } from '@nestjs/common';

import { OpenDataReleases } from '../../open-data';
import { ContractHooks } from './contract-hooks';

/**
 * The contract's life as OCDS releases of its project's contracting process (docs/open-data.md), each written in the
 * transaction of the change: signed (contract), a milestone accepted (implementation), the last tranche settled and
 * the contract completed (contractUpdate), terminated (contractTermination; a draft the winner never signed cancels
 * the award instead). Publication, change orders and payments record theirs in their own services.
 */
@Injectable()
export class OpenDataListeners implements OnModuleInit {
  constructor(
    private readonly hooks: ContractHooks,
    private readonly openData: OpenDataReleases,
  ) {}

  onModuleInit(): void {
    this.hooks.onSigned((em, e) => this.openData.record(em, e.contract.projectId, ['contract'], e.now));
    this.hooks.onMilestoneAccepted((em, e) =>
      this.openData.record(em, e.contract.projectId, ['implementation'], e.now),
    );
    this.hooks.onCompleted((em, e) => this.openData.record(em, e.contract.projectId, ['contractUpdate'], e.now));
    this.hooks.onTerminated((em, e) =>
      this.openData.record(
        em,
        e.contract.projectId,
        e.kind === 'NOT_SIGNED' ? ['awardCancellation'] : ['contractTermination'],
        e.now,
      ),
    );
  }
}
