import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { LedgerService } from '../../funds';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OrganisationsService } from '../../organisations';
import { ProjectsService } from '../../procurement';
import { ContractLedgerSums, terminationReleaseFen } from '../domain/change-orders.rules';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { checkTransition, CONTRACT_TRANSITIONS, ContractStatus } from '../domain/state-machines';
import { TerminateContractDto, TerminationDto, TerminationKind } from '../dto/change-orders.dto';
import { ChangeOrderEntity } from '../entities/change-orders.entities';
import { ContractEntity } from '../entities/contracts.entities';
import { ChangeOrdersService, contractReference, summaryOf } from './change-orders.service';
import { ContractHooks } from './contract-hooks';

/**
 * Money committed for a contract that a termination must NOT release because it is still owed: the payments module
 * registers one returning the total of the contract's APPROVED (not yet paid) payment requests. Runs in the
 * termination's transaction, after the `ContractHooks.terminated` listeners.
 */
export type HeldBackForTermination = (em: EntityManager, contract: ContractEntity) => Promise<bigint>;

/** Which statuses each kind of termination ends. */
const KIND_FROM: Record<TerminationKind, readonly ContractStatus[]> = {
  AGREEMENT: ['SIGNED', 'ACTIVE'],
  BREACH: ['SIGNED', 'ACTIVE'],
  NOT_SIGNED: ['DRAFT'],
};

/**
 * 合同终止 (by agreement, for breach, or a draft the winner never signed). In one transaction with the contract row
 * locked: the contract becomes TERMINATED with its reason, proposed change orders are closed, the ContractHooks
 * listeners settle their part (payments reject open requests, custody the bond), the uncommitted remainder goes back
 * to the budget line (RELEASE_COMMITMENT), the project is cancelled (or, for an unsigned draft, goes back to APPROVED
 * with its reservation so it can be put out to tender again), a breach is written on the organisation's record, and
 * the need's residents and the supplier are told.
 */
@Injectable()
export class TerminationService {
  private readonly heldBack: HeldBackForTermination[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
    private readonly organisations: OrganisationsService,
    private readonly projects: ProjectsService,
    private readonly hooks: ContractHooks,
    private readonly changeOrders: ChangeOrdersService,
  ) {}

  /** For the payments module: money still owed on a terminated contract (approved payment requests). */
  registerHeldBack(fn: HeldBackForTermination): void {
    this.heldBack.push(fn);
  }

  /** The ledger movements that reference the contract on its budget line, summed (read inside the transaction). */
  async ledgerSums(em: EntityManager, c: Pick<ContractEntity, 'id' | 'budgetLineId'>): Promise<ContractLedgerSums> {
    const ref = contractReference(c.id);
    // The contract's own postings (commitment, change orders, a release) and its payment requests' (disbursements,
    // the part of a final tranche an evaluation released).
    const rows = (await em.query(
      `SELECT operation, COALESCE(SUM(amount_fen), 0) AS total FROM ledger_entries
        WHERE line_id = ?
          AND ((reference_type = ? AND reference_id = ?)
            OR (reference_type = 'payment_request'
                AND reference_id IN (SELECT CAST(id AS CHAR) FROM payment_requests WHERE contract_id = ?)))
        GROUP BY operation`,
      [c.budgetLineId, ref.type, ref.id, c.id],
    )) as Array<{ operation: string; total: string | number }>;
    const by = new Map(rows.map((r) => [r.operation, BigInt(r.total)]));
    return {
      committedFen: (by.get('COMMIT') ?? 0n) + (by.get('COMMIT_DIRECT') ?? 0n),
      releasedFen: by.get('RELEASE_COMMITMENT') ?? 0n,
      paidFen: by.get('DISBURSE') ?? 0n,
    };
  }

  async terminate(actor: Actor, contractId: number, dto: TerminateContractDto): Promise<TerminationDto> {
    return inTransaction(this.dataSource, async (em) => {
      const c = await this.changeOrders.lockedContract(em, actor, contractId);
      const from = c.status;
      if (!KIND_FROM[dto.kind].includes(from))
        throw new ContractsError(
          ContractsErrorCode.CONTRACT_ILLEGAL_TRANSITION,
          dto.kind === 'NOT_SIGNED'
            ? `Only a DRAFT contract can be terminated as never signed; contract ${c.id} is ${from}.`
            : `Only a SIGNED or ACTIVE contract can be terminated by agreement or for breach; contract ${c.id} is ${from}.`,
          { from, to: 'TERMINATED' },
        );
      const problem = checkTransition(CONTRACT_TRANSITIONS, 'contract', from, 'TERMINATED', actor.roles);
      if (problem)
        throw new ContractsError(ContractsErrorCode.CONTRACT_ILLEGAL_TRANSITION, problem, { from, to: 'TERMINATED' });
      const now = await dbNow(em);
      Object.assign(c, {
        status: 'TERMINATED',
        terminatedAt: now,
        terminationKind: dto.kind,
        terminationReason: dto.reason,
        updatedAt: now,
      });
      await em.update(
        ContractEntity,
        { id: c.id },
        {
          status: 'TERMINATED',
          terminatedAt: now,
          terminationKind: dto.kind,
          terminationReason: dto.reason,
          updatedAt: now,
        },
      );

      // change orders still waiting can no longer be approved
      for (const co of await em.find(ChangeOrderEntity, {
        where: { contractId: c.id, status: 'PROPOSED' },
        lock: { mode: 'pessimistic_write' },
      }))
        await this.changeOrders.close(em, actor, co, c, `合同已终止：${dto.reason}`.slice(0, 500), now);

      // payments (open requests), custody (the bond), milestones (clocks) settle their part first
      await this.hooks.terminated(em, { contract: c, kind: dto.kind, now });

      const sums = await this.ledgerSums(em, c);
      let held = 0n;
      for (const fn of this.heldBack) held += await fn(em, c);
      const releaseFen = terminationReleaseFen(sums, held);
      let releaseEntryId: string | null = null;
      if (releaseFen > 0n) {
        const posted = await this.ledger.postIn(em, actor, {
          lineId: c.budgetLineId,
          operation: 'RELEASE_COMMITMENT',
          amountFen: releaseFen,
          idempotencyKey: `contract-${c.id}-terminate-release`,
          reference: contractReference(c.id),
          memo: `合同终止：${c.code}`.slice(0, 255),
        });
        releaseEntryId = posted.entryId;
      }

      const projectStatus = await this.moveProject(em, actor, c, dto.kind, now);

      if (dto.kind === 'BREACH')
        await this.organisations.appendRecord(
          em,
          {
            organisationId: c.organisationId,
            kind: 'CONTRACT',
            message: {
              template: 'contracts.changes.record_breach',
              params: { contractCode: c.code, contractTitle: c.title, reason: dto.reason },
            },
            referenceType: 'contract',
            referenceId: c.id,
            amountFen: c.amountFen,
          },
          now,
        );

      const params = { contractTitle: c.title, contractCode: c.code, kind: dto.kind, reason: dto.reason };
      await this.projects.tellNeeds(
        em,
        actor,
        c.projectId,
        {
          template:
            dto.kind === 'NOT_SIGNED' ? 'contracts.changes.step_not_signed' : 'contracts.changes.step_terminated',
          params: { contractTitle: c.title },
        },
        now,
      );
      const members = (await this.people.memberIds([c.organisationId], em)).get(c.organisationId) ?? [];
      await this.inbox.notify(
        em,
        members,
        { kind: 'contract.terminated', template: 'contracts.changes.terminated', params },
        now,
      );
      await this.audit.record(em, actor, {
        action: 'contracts.changes.terminated',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        before: { status: from },
        after: {
          status: 'TERMINATED',
          kind: dto.kind,
          reason: dto.reason,
          committed: fenToYuan(sums.committedFen),
          paid: fenToYuan(sums.paidFen),
          heldBack: fenToYuan(held),
          released: fenToYuan(releaseFen),
          releaseEntryId,
          projectStatus,
        },
      });
      return {
        contract: summaryOf(c),
        released: fenToYuan(releaseFen),
        releaseEntryId,
        projectStatus,
        blacklistOrganisationId: dto.kind === 'BREACH' ? c.organisationId : null,
      };
    });
  }

  /**
   * A signed contract ends its project (CONTRACTED/IN_PROGRESS → CANCELLED). A draft never signed sends an AWARDED
   * project back to APPROVED: its reservation stays, so it can be put out to tender again. Any other status is left
   * as it is (and the audit event says which).
   */
  private async moveProject(
    em: EntityManager,
    actor: Actor,
    c: ContractEntity,
    kind: TerminationKind,
    now: Date,
  ): Promise<string> {
    const [p] = (await em.query('SELECT status FROM projects WHERE id = ? FOR UPDATE', [c.projectId])) as Array<{
      status: string;
    }>;
    const note = { contractId: c.id, terminationKind: kind };
    if (kind === 'NOT_SIGNED' && p.status === 'AWARDED')
      return (await this.projects.setStatus(em, actor, c.projectId, 'APPROVED', now, true, note)).status;
    if (kind !== 'NOT_SIGNED' && (p.status === 'CONTRACTED' || p.status === 'IN_PROGRESS'))
      return (await this.projects.setStatus(em, actor, c.projectId, 'CANCELLED', now, false, note)).status;
    return p.status;
  }
}
