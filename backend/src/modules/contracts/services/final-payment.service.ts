import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { LedgerService } from '../../funds';
import { OrganisationsService } from '../../organisations';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { finalTranche, FinalTrancheOutcome } from '../domain/money-rules';
import { paymentDue } from '../domain/payment-dates';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import { PaymentRequestEntity } from '../entities/payments.entities';
import { ContractHooks } from './contract-hooks';
import { assertPaymentTransition, PaymentsService, releaseKey } from './payments.service';

export interface FinalPaymentResult {
  paymentRequestId: number;
  outcome: FinalTrancheOutcome;
  /** Integer fen. */
  payFen: bigint;
  releaseFen: bigint;
  /** True when this evaluation result had been applied already (nothing changed). */
  replayed: boolean;
}

function isEntityManager(x: unknown): x is EntityManager {
  return x instanceof EntityManager;
}

/**
 * The final tranche (尾款, PRODUCT.md §4): its payment request is HELD from the final milestone's acceptance until
 * the final evaluation's result, which the evaluation module passes to {@link applyEvaluationResult}:
 * a score ≥ 80 requests the full tranche; 60–79 requests it reduced by FINAL_TRANCHE_REDUCTION_BP and releases the
 * reduction back to the budget line (RELEASE_COMMITMENT) in the same transaction; < 60 withholds it, releases it
 * whole and writes to the organisation's record. The request then follows the usual approve → pay steps.
 */
@Injectable()
export class FinalPaymentService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly organisations: OrganisationsService,
    private readonly payments: PaymentsService,
    private readonly hooks: ContractHooks,
  ) {}

  onModuleInit(): void {
    // the final milestone's acceptance opens its (held) payment request
    this.hooks.onMilestoneAccepted(async (em, e) => {
      if (e.milestone.isFinal === 1) await this.hold(em, e.contract, e.milestone, e.now);
    });
  }

  /** Opens the HELD request of an accepted final milestone (once: nothing if a live request exists). */
  async hold(
    em: EntityManager,
    c: ContractEntity,
    m: ContractMilestoneEntity,
    now: Date,
  ): Promise<PaymentRequestEntity> {
    const live = await em.findOne(PaymentRequestEntity, {
      where: { liveKey: m.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (live !== null) return live;
    const r = await this.payments.insert(em, c, m, now, 'HELD', null);
    await this.auditHeld(em, c, r);
    return r;
  }

  private async auditHeld(em: EntityManager, c: ContractEntity, r: PaymentRequestEntity): Promise<void> {
    await this.audit.record(em, SYSTEM_ACTOR, {
      action: 'contracts.payment.held',
      entityType: 'payment_request',
      entityId: r.id,
      regionPath: c.regionPath,
      after: { contractId: c.id, milestoneId: r.milestoneId, status: 'HELD', trancheFen: r.trancheFen },
    });
  }

  /**
   * Applies the final evaluation's score (a decimal string, "75" or "79.5") to the contract's final tranche, in
   * the caller's transaction (`em`) or in one of its own (`actor`, usually the system). The same
   * `evaluationRef` applied again changes nothing; another result for a tranche already decided is a 409.
   */
  async applyEvaluationResult(
    emOrActor: EntityManager | Actor,
    contractId: number,
    score: string,
    evaluationRef: string,
  ): Promise<FinalPaymentResult> {
    let scheduled: number | null = null;
    const run = async (em: EntityManager, actor: Actor) => {
      const out = await this.applyIn(em, actor, contractId, score, evaluationRef);
      if (!out.replayed && out.outcome !== 'WITHHELD') scheduled = out.paymentRequestId;
      return out;
    };
    const result = isEntityManager(emOrActor)
      ? await run(emOrActor, SYSTEM_ACTOR)
      : await inTransaction(this.dataSource, (em) => run(em, emOrActor));
    if (scheduled !== null) await this.payments.scheduleDue(scheduled);
    return result;
  }

  private async applyIn(
    em: EntityManager,
    actor: Actor,
    contractId: number,
    score: string,
    evaluationRef: string,
  ): Promise<FinalPaymentResult> {
    const c = await em.findOne(ContractEntity, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
    if (c === null)
      throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${contractId} not found.`);
    const m = await em.findOne(ContractMilestoneEntity, { where: { contractId, isFinal: 1 } });
    if (m === null)
      throw new ContractsError(ContractsErrorCode.MILESTONE_NOT_FOUND, `Contract ${c.code} has no final milestone.`);
    if (m.status !== 'ACCEPTED')
      throw new ContractsError(
        ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION,
        `The final milestone of contract ${c.code} is ${m.status}: the final tranche waits for its acceptance.`,
      );
    const now = await dbNow(em);
    let r = await this.hold(em, c, m, now);
    r = await em.findOneOrFail(PaymentRequestEntity, { where: { id: r.id }, lock: { mode: 'pessimistic_write' } });
    if (r.status !== 'HELD') {
      if (r.evaluationRef === evaluationRef && r.finalOutcome !== null)
        return {
          paymentRequestId: r.id,
          outcome: r.finalOutcome,
          payFen: BigInt(r.amountFen),
          releaseFen: BigInt(r.releasedFen),
          replayed: true,
        };
      assertPaymentTransition(r.status, 'REQUESTED', ['SYSTEM']);
    }
    const reductionBp = this.env.FINAL_TRANCHE_REDUCTION_BP;
    let decided: ReturnType<typeof finalTranche>;
    try {
      decided = finalTranche(BigInt(r.trancheFen), score, reductionBp);
    } catch {
      throw new ContractsError(ContractsErrorCode.PAYMENT_INVALID, `Not a score from 0 to 100: ${score}.`, {
        errors: [{ field: 'score', message: 'must be a number from 0 to 100' }],
      });
    }
    const to = decided.outcome === 'WITHHELD' ? 'WITHHELD' : 'REQUESTED';
    assertPaymentTransition('HELD', to, ['SYSTEM']);
    let releaseEntryId: string | null = null;
    if (decided.releaseFen > 0n) {
      const posted = await this.ledger.postIn(em, actor, {
        lineId: r.budgetLineId,
        operation: 'RELEASE_COMMITMENT',
        amountFen: decided.releaseFen,
        idempotencyKey: releaseKey(r.id),
        reference: { type: 'payment_request', id: String(r.id) },
        memo: `合同 ${c.code} 尾款按评估结果核减`,
      });
      releaseEntryId = posted.entryId;
    }
    // the final tranche is due `payment_days` after the evaluation result (the acceptance of the whole service)
    const due = paymentDue(now, c.paymentDays);
    await em.update(
      PaymentRequestEntity,
      { id: r.id },
      {
        status: to,
        amountFen: decided.payFen.toString(),
        releasedFen: decided.releaseFen.toString(),
        dueDate: to === 'REQUESTED' ? due.dueDate : null,
        dueAt: to === 'REQUESTED' ? due.dueAt : null,
        requestedAt: to === 'REQUESTED' ? now : null,
        evaluationRef,
        evaluationScore: score.slice(0, 8),
        finalOutcome: decided.outcome,
        reductionBp: decided.outcome === 'REDUCED' ? reductionBp : null,
        updatedAt: now,
      },
    );
    await this.audit.record(em, actor, {
      action: to === 'WITHHELD' ? 'contracts.payment.withheld' : 'contracts.payment.released',
      entityType: 'payment_request',
      entityId: r.id,
      regionPath: c.regionPath,
      before: { status: 'HELD', amountFen: r.trancheFen },
      after: {
        status: to,
        evaluationRef,
        score,
        outcome: decided.outcome,
        amountFen: decided.payFen.toString(),
        releasedFen: decided.releaseFen.toString(),
        releaseEntryId,
      },
    });
    if (to === 'WITHHELD') {
      await this.organisations.appendRecord(
        em,
        {
          organisationId: c.organisationId,
          kind: 'EVALUATION',
          message: { template: 'contracts.payment.record_withheld', params: { contractTitle: c.title, score } },
          referenceType: 'contract',
          referenceId: c.id,
          gradeLabel: '不合格',
          amountFen: decided.releaseFen,
        },
        now,
      );
      await this.payments.notifySupplier(em, c, now, {
        template: 'contracts.payment.final_withheld',
        params: { contractTitle: c.title, score, releasedFen: decided.releaseFen.toString() },
      });
      await this.payments.completeIfSettled(em, c, now);
    } else {
      await this.payments.notifySupplier(em, c, now, {
        template: 'contracts.payment.final_released',
        params: {
          contractTitle: c.title,
          score,
          amountFen: decided.payFen.toString(),
          releasedFen: decided.releaseFen.toString(),
        },
      });
    }
    return {
      paymentRequestId: r.id,
      outcome: decided.outcome,
      payFen: decided.payFen,
      releaseFen: decided.releaseFen,
      replayed: false,
    };
  }
}
