import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { AuditService } from '../../audit';
import { PaymentRequestEntity } from '../entities/payments.entities';
import { ContractHooks } from './contract-hooks';
import { TerminationService } from './termination.service';

/** The reason written on requests a termination closes (a record field, shown as entered; both languages). */
export const TERMINATION_REJECT_REASON = '合同终止 / contract terminated';

/**
 * What a termination means for payment requests. An APPROVED request is owed: its money stays committed (the
 * termination releases only the rest) and finance may still pay it. A REQUESTED one is closed (REJECTED, so its
 * milestone could be requested again only if the contract lived); a HELD final tranche is WITHHELD — the
 * termination's release returns its money to the budget line. Both in the termination's transaction, audited.
 */
@Injectable()
export class PaymentsOnTermination implements OnModuleInit {
  constructor(
    private readonly hooks: ContractHooks,
    private readonly termination: TerminationService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.termination.registerHeldBack(async (em, c) => {
      const [row] = (await em.query(
        "SELECT COALESCE(SUM(amount_fen), 0) AS owed FROM payment_requests WHERE contract_id = ? AND status = 'APPROVED'",
        [c.id],
      )) as Array<{ owed: string | number }>;
      return BigInt(row.owed);
    });
    this.hooks.onTerminated(async (em, { contract, now }) => {
      const open = await em.find(PaymentRequestEntity, {
        where: { contractId: contract.id, status: In(['REQUESTED', 'HELD']) },
        lock: { mode: 'pessimistic_write' },
      });
      for (const r of open) {
        const to = r.status === 'HELD' ? 'WITHHELD' : 'REJECTED';
        await em.update(
          PaymentRequestEntity,
          { id: r.id },
          to === 'REJECTED'
            ? { status: to, liveKey: null, rejectedAt: now, rejectReason: TERMINATION_REJECT_REASON, updatedAt: now }
            : { status: to, updatedAt: now },
        );
        await this.audit.record(em, SYSTEM_ACTOR, {
          action: to === 'REJECTED' ? 'contracts.payment.rejected' : 'contracts.payment.withheld',
          entityType: 'payment_request',
          entityId: r.id,
          regionPath: r.regionPath,
          before: { status: r.status },
          after: { status: to, reason: 'CONTRACT_TERMINATED' },
        });
      }
    });
  }
}
