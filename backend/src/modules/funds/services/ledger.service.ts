import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { Balances, Bucket, MOVES, OPERATIONS, Operation, allocated, applyMove } from '../domain/ledger';
import { FundsError, FundsErrorCode } from '../domain/funds.errors';
import { BudgetLineEntity, FundYearEntity, LedgerEntryEntity } from '../entities/funds.entities';

export interface PostEntry {
  lineId: number;
  operation: (typeof OPERATIONS)[number];
  amountFen: bigint;
  /** Unique per business event (e.g. `project-12-reserve`): posting twice gives one entry. */
  idempotencyKey: string;
  /** Catalogue category code of what the money buys, checked against a line's restriction (定向使用). */
  categoryCode?: string;
  reference?: { type: string; id: string };
  memo?: string;
}

export interface PostedEntry {
  entryId: string;
  lineId: number;
  operation: Operation;
  amountFen: bigint;
  balances: Balances;
  /** True when the idempotency key had been used already and the stored entry is returned. */
  replayed: boolean;
}

export function balancesOf(l: BudgetLineEntity): Balances {
  return { available: BigInt(l.availableFen), reserved: BigInt(l.reservedFen), committed: BigInt(l.committedFen), paid: BigInt(l.paidFen) };
}

const RESTRICTED_OPS = new Set(['RESERVE', 'COMMIT', 'COMMIT_DIRECT']);

/**
 * The ledger's one write path, used by the funds context itself (allocations) and, through
 * index.ts, by projects (reserve), contracts (commit) and payments (disburse). Each posting runs
 * in one transaction: lock the line, replay a used idempotency key, check the year, the status,
 * the category restriction and the invariant, then write the entry, the new balances and the
 * audit event together.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  /** Posts in a transaction of its own (retried on deadlock/lock-wait timeout, then 503). */
  post(actor: Actor, p: PostEntry): Promise<PostedEntry> {
    return inTransaction(this.dataSource, (em) => this.postIn(em, actor, p));
  }

  /** Posts inside the caller's transaction (e.g. a project approval that reserves budget). */
  async postIn(em: EntityManager, actor: Actor, p: PostEntry): Promise<PostedEntry> {
    if (!/^[A-Za-z0-9_\-:.]{8,128}$/.test(p.idempotencyKey)) throw new FundsError(FundsErrorCode.INVALID, 'The idempotency key must be 8–128 characters of A–Z a–z 0–9 _ - : .');
    const line = await this.lockLine(em, p.lineId);
    if (line === null) throw new FundsError(FundsErrorCode.LINE_NOT_FOUND, `Budget line ${p.lineId} not found.`);
    const { from, to } = MOVES[p.operation];

    const existing = await em.findOneBy(LedgerEntryEntity, { idempotencyKey: p.idempotencyKey });
    if (existing) {
      if (existing.lineId !== p.lineId || existing.operation !== p.operation || BigInt(existing.amountFen) !== p.amountFen) {
        throw new FundsError(FundsErrorCode.IDEMPOTENCY_CONFLICT, `Idempotency key ${p.idempotencyKey} was used for a different entry (#${existing.id}).`);
      }
      return { entryId: existing.id, lineId: line.id, operation: p.operation, amountFen: p.amountFen, balances: balancesOf(line), replayed: true };
    }

    await this.assertYearOpen(em, line.year);
    if (line.status !== 'ACTIVE') throw new FundsError(FundsErrorCode.LINE_NOT_ACTIVE, `Budget line ${line.id} is ${line.status}: only approved lines move money.`);
    if (RESTRICTED_OPS.has(p.operation) && line.restrictedCategoryCode !== null && !(p.categoryCode ?? '').startsWith(line.restrictedCategoryCode)) {
      throw new FundsError(FundsErrorCode.CATEGORY_RESTRICTED, `Budget line ${line.id} is restricted to category ${line.restrictedCategoryCode} (定向使用).`, { restrictedTo: line.restrictedCategoryCode });
    }
    return this.write(em, actor, line, { operation: p.operation, from, to, amountFen: p.amountFen, key: p.idempotencyKey, reference: p.reference, memo: p.memo });
  }

  /** Posts the opposite move of an entry (once): corrections are new entries, never edits. */
  async reverse(actor: Actor, entryId: string, idempotencyKey: string, memo: string): Promise<PostedEntry> {
    return inTransaction(this.dataSource, async (em) => {
      const original = await em.findOneBy(LedgerEntryEntity, { id: entryId });
      if (original === null) throw new FundsError(FundsErrorCode.ENTRY_NOT_FOUND, `Ledger entry ${entryId} not found.`);
      const line = await this.lockLine(em, original.lineId);
      if (line === null) throw new FundsError(FundsErrorCode.LINE_NOT_FOUND, 'Budget line not found.');
      const replay = await em.findOneBy(LedgerEntryEntity, { idempotencyKey });
      if (replay) {
        if (replay.reversesEntryId !== entryId) throw new FundsError(FundsErrorCode.IDEMPOTENCY_CONFLICT, `Idempotency key ${idempotencyKey} was used for a different entry.`);
        return { entryId: replay.id, lineId: line.id, operation: 'REVERSE', amountFen: BigInt(replay.amountFen), balances: balancesOf(line), replayed: true };
      }
      if (await em.existsBy(LedgerEntryEntity, { reversesEntryId: entryId })) throw new FundsError(FundsErrorCode.ALREADY_REVERSED, `Ledger entry ${entryId} has already been reversed.`);
      if (original.operation === 'REVERSE') throw new FundsError(FundsErrorCode.INVALID, 'A reversal cannot itself be reversed; post the operation again.');
      await this.assertYearOpen(em, line.year);
      return this.write(em, actor, line, {
        operation: 'REVERSE', from: original.toBucket as Bucket, to: original.fromBucket as Bucket, amountFen: BigInt(original.amountFen),
        key: idempotencyKey, reference: { type: 'ledger_entry', id: entryId }, memo, reverses: entryId,
      });
    });
  }

  private async write(
    em: EntityManager,
    actor: Actor,
    line: BudgetLineEntity,
    e: { operation: Operation; from: Bucket; to: Bucket; amountFen: bigint; key: string; reference?: { type: string; id: string }; memo?: string; reverses?: string },
  ): Promise<PostedEntry> {
    const before = balancesOf(line);
    const moved = applyMove(before, e.from, e.to, e.amountFen);
    if (!moved.ok) {
      if (moved.problem === 'AMOUNT_NOT_POSITIVE') throw new FundsError(FundsErrorCode.AMOUNT_NOT_POSITIVE, 'The amount must be more than zero.');
      throw new FundsError(FundsErrorCode.INSUFFICIENT_FUNDS, `Budget line ${line.id} has ${fenToYuan(before[bucketKey(e.from)])} yuan ${e.from.toLowerCase()}; ${fenToYuan(e.amountFen)} cannot be moved to ${e.to.toLowerCase()}.`, {
        lineId: line.id, bucket: e.from, balance: fenToYuan(before[bucketKey(e.from)]), amount: fenToYuan(e.amountFen),
      });
    }
    const now = await dbNow(em);
    const b = moved.balances;
    await em.update(BudgetLineEntity, { id: line.id }, {
      availableFen: b.available.toString(), reservedFen: b.reserved.toString(), committedFen: b.committed.toString(), paidFen: b.paid.toString(), updatedAt: now,
    });
    const inserted = await em.insert(LedgerEntryEntity, {
      lineId: line.id, operation: e.operation, fromBucket: e.from, toBucket: e.to, amountFen: e.amountFen.toString(), idempotencyKey: e.key,
      referenceType: e.reference?.type ?? null, referenceId: e.reference?.id ?? null, reversesEntryId: e.reverses ?? null, memo: e.memo ?? null,
      actorId: actor.userId === 0 ? null : actor.userId, createdAt: now,
    });
    const entryId = String((inserted.identifiers[0] as { id: string | number }).id);
    await this.audit.record(em, actor, {
      action: `funds.ledger.${e.operation.toLowerCase()}`,
      entityType: 'budget_line',
      entityId: line.id,
      regionPath: line.regionPath,
      before: yuanBalances(before),
      after: { ...yuanBalances(b), entryId, amount: fenToYuan(e.amountFen), idempotencyKey: e.key, reference: e.reference ?? null },
    });
    Object.assign(line, { availableFen: b.available.toString(), reservedFen: b.reserved.toString(), committedFen: b.committed.toString(), paidFen: b.paid.toString() });
    return { entryId, lineId: line.id, operation: e.operation, amountFen: e.amountFen, balances: b, replayed: false };
  }

  /**
   * Locks the line row (SELECT … FOR UPDATE), waiting at most LEDGER_LOCK_WAIT_SECONDS; the
   * session's own setting is restored afterwards, since the connection returns to the pool.
   */
  async lockLine(em: EntityManager, lineId: number): Promise<BudgetLineEntity | null> {
    await em.query('SET SESSION innodb_lock_wait_timeout = ?', [this.env.LEDGER_LOCK_WAIT_SECONDS]);
    try {
      return await em.findOne(BudgetLineEntity, { where: { id: lineId }, lock: { mode: 'pessimistic_write' } });
    } finally {
      await em.query('SET SESSION innodb_lock_wait_timeout = DEFAULT');
    }
  }

  async assertYearOpen(em: EntityManager, year: number): Promise<void> {
    const y = await em.findOneBy(FundYearEntity, { year });
    if (y?.closedAt) throw new FundsError(FundsErrorCode.YEAR_CLOSED, `Budget year ${year} is closed: nothing in it can change.`);
  }
}

function bucketKey(b: Bucket): keyof Balances {
  return b === 'AVAILABLE' ? 'available' : b === 'RESERVED' ? 'reserved' : b === 'COMMITTED' ? 'committed' : 'paid';
}

export function yuanBalances(b: Balances) {
  return { allocated: fenToYuan(allocated(b)), available: fenToYuan(b.available), reserved: fenToYuan(b.reserved), committed: fenToYuan(b.committed + b.paid), outstandingCommitment: fenToYuan(b.committed), paid: fenToYuan(b.paid) };
}
