import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope } from '../../../platform/access';
import { inTransaction } from '../../../platform/database/transaction';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { FundsError, FundsErrorCode } from '../domain/funds.errors';
import { allocated, applyMove, Balances, Bucket, MOVES, Operation, OPERATIONS } from '../domain/ledger';
import { BudgetLineEntity, LedgerEntryEntity, LineStatus } from '../entities/funds.entities';

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
  return {
    available: BigInt(l.availableFen),
    reserved: BigInt(l.reservedFen),
    committed: BigInt(l.committedFen),
    paid: BigInt(l.paidFen),
  };
}

const RESTRICTED_OPS = new Set(['RESERVE', 'COMMIT', 'COMMIT_DIRECT']);
const LOCK_WAIT_SET = Symbol('diandan.lockWaitSeconds');

/** A budget line read under its row lock, with the database clock of that read. */
export type LockedLine = BudgetLineEntity & { now: Date };

function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  return (e.driverError?.code ?? e.code) === 'ER_DUP_ENTRY' && /uq_ledger_entries_key/.test(e.message ?? '');
}

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

  /**
   * Posts in a transaction of its own (retried on deadlock/lock-wait timeout, then 503). Two
   * concurrent first uses of one idempotency key: the loser's insert hits the unique key, its
   * transaction rolls back whole, and it answers with the winner's entry.
   */
  async post(actor: Actor, p: PostEntry): Promise<PostedEntry> {
    try {
      return await inTransaction(this.dataSource, (em) => this.postIn(em, actor, p));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return inTransaction(this.dataSource, (em) => this.postIn(em, actor, p));
    }
  }

  /**
   * Posts inside the caller's transaction (e.g. a project approval that reserves budget). The row
   * lock on the line is held from the first statement to the commit, so the work inside it is kept
   * to the statements that must be there: lock + clock, balances, entry, audit event.
   */
  async postIn(em: EntityManager, actor: Actor, p: PostEntry): Promise<PostedEntry> {
    if (!/^[A-Za-z0-9_\-:.]{8,128}$/.test(p.idempotencyKey))
      throw new FundsError(
        FundsErrorCode.INVALID,
        'The idempotency key must be 8–128 characters of A–Z a–z 0–9 _ - : .',
      );
    const { from, to } = MOVES[p.operation];
    // A used key is answered before taking the lock (keys are unique; a race is settled by the unique
    // index: see post()).
    const existing = (await em.query(
      'SELECT id, line_id, operation, amount_fen FROM ledger_entries WHERE idempotency_key = ?',
      [p.idempotencyKey],
    )) as Array<{ id: string; line_id: number; operation: string; amount_fen: string }>;
    if (existing.length > 0) {
      const e = existing[0];
      if (e.line_id !== p.lineId || e.operation !== p.operation || BigInt(e.amount_fen) !== p.amountFen) {
        throw new FundsError(
          FundsErrorCode.IDEMPOTENCY_CONFLICT,
          `Idempotency key ${p.idempotencyKey} was used for a different entry (#${e.id}).`,
        );
      }
      const current = await em.findOneBy(BudgetLineEntity, { id: p.lineId });
      return {
        entryId: String(e.id),
        lineId: p.lineId,
        operation: p.operation,
        amountFen: p.amountFen,
        balances: current ? balancesOf(current) : { available: 0n, reserved: 0n, committed: 0n, paid: 0n },
        replayed: true,
      };
    }
    const line = await this.lockLine(em, p.lineId);
    if (line === null) throw new FundsError(FundsErrorCode.LINE_NOT_FOUND, `Budget line ${p.lineId} not found.`);

    if (line.yearClosed)
      throw new FundsError(FundsErrorCode.YEAR_CLOSED, `Budget year ${line.year} is closed: nothing in it can change.`);
    if (line.status !== 'ACTIVE')
      throw new FundsError(
        FundsErrorCode.LINE_NOT_ACTIVE,
        `Budget line ${line.id} is ${line.status}: only approved lines move money.`,
      );
    if (
      RESTRICTED_OPS.has(p.operation) &&
      line.restrictedCategoryCode !== null &&
      !(p.categoryCode ?? '').startsWith(line.restrictedCategoryCode)
    ) {
      throw new FundsError(
        FundsErrorCode.CATEGORY_RESTRICTED,
        `Budget line ${line.id} is restricted to category ${line.restrictedCategoryCode} (定向使用).`,
        { restrictedTo: line.restrictedCategoryCode },
      );
    }
    return this.write(em, actor, line, {
      operation: p.operation,
      from,
      to,
      amountFen: p.amountFen,
      key: p.idempotencyKey,
      reference: p.reference,
      memo: p.memo,
    });
  }

  /** Posts the opposite move of an entry (once): corrections are new entries, never edits. */
  async reverse(actor: Actor, entryId: string, idempotencyKey: string, memo: string): Promise<PostedEntry> {
    return inTransaction(this.dataSource, async (em) => {
      const original = await em.findOneBy(LedgerEntryEntity, { id: entryId });
      if (original === null) throw new FundsError(FundsErrorCode.ENTRY_NOT_FOUND, `Ledger entry ${entryId} not found.`);
      const line = await this.lockLine(em, original.lineId);
      // out of the actor's region: the same answer as a missing entry
      if (line === null || !inRegionScope(actor, line.regionPath))
        throw new FundsError(FundsErrorCode.ENTRY_NOT_FOUND, `Ledger entry ${entryId} not found.`);
      const replay = await em.findOneBy(LedgerEntryEntity, { idempotencyKey });
      if (replay) {
        if (replay.reversesEntryId !== entryId)
          throw new FundsError(
            FundsErrorCode.IDEMPOTENCY_CONFLICT,
            `Idempotency key ${idempotencyKey} was used for a different entry.`,
          );
        return {
          entryId: replay.id,
          lineId: line.id,
          operation: 'REVERSE',
          amountFen: BigInt(replay.amountFen),
          balances: balancesOf(line),
          replayed: true,
        };
      }
      if (await em.existsBy(LedgerEntryEntity, { reversesEntryId: entryId }))
        throw new FundsError(FundsErrorCode.ALREADY_REVERSED, `Ledger entry ${entryId} has already been reversed.`);
      if (original.operation === 'REVERSE')
        throw new FundsError(FundsErrorCode.INVALID, 'A reversal cannot itself be reversed; post the operation again.');
      if (line.yearClosed)
        throw new FundsError(
          FundsErrorCode.YEAR_CLOSED,
          `Budget year ${line.year} is closed: nothing in it can change.`,
        );
      return this.write(em, actor, line, {
        operation: 'REVERSE',
        from: original.toBucket as Bucket,
        to: original.fromBucket as Bucket,
        amountFen: BigInt(original.amountFen),
        key: idempotencyKey,
        reference: { type: 'ledger_entry', id: entryId },
        memo,
        reverses: entryId,
      });
    });
  }

  private async write(
    em: EntityManager,
    actor: Actor,
    line: LockedLine,
    e: {
      operation: Operation;
      from: Bucket;
      to: Bucket;
      amountFen: bigint;
      key: string;
      reference?: { type: string; id: string };
      memo?: string;
      reverses?: string;
    },
  ): Promise<PostedEntry> {
    const before = balancesOf(line);
    const moved = applyMove(before, e.from, e.to, e.amountFen);
    if (!moved.ok) {
      if (moved.problem === 'AMOUNT_NOT_POSITIVE')
        throw new FundsError(FundsErrorCode.AMOUNT_NOT_POSITIVE, 'The amount must be more than zero.');
      throw new FundsError(
        FundsErrorCode.INSUFFICIENT_FUNDS,
        `Budget line ${line.id} has ${fenToYuan(before[bucketKey(e.from)])} yuan ${e.from.toLowerCase()}; ${fenToYuan(e.amountFen)} cannot be moved to ${e.to.toLowerCase()}.`,
        {
          lineId: line.id,
          bucket: e.from,
          balance: fenToYuan(before[bucketKey(e.from)]),
          amount: fenToYuan(e.amountFen),
        },
      );
    }
    const now = line.now;
    const b = moved.balances;
    // The balances follow the entry by trigger (ledger_entries_apply) in the same statement; the check
    // above gives the clear error, the CHECK constraint on the buckets is the last word.
    const inserted = (await em.query(
      `INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id, reverses_entry_id, memo, actor_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        line.id,
        e.operation,
        e.from,
        e.to,
        e.amountFen.toString(),
        e.key,
        e.reference?.type ?? null,
        e.reference?.id ?? null,
        e.reverses ?? null,
        e.memo ?? null,
        actor.userId === 0 ? null : actor.userId,
        now,
      ],
    )) as { insertId: number | string };
    const entryId = String(inserted.insertId);
    await this.audit.record(em, actor, {
      action: `funds.ledger.${e.operation.toLowerCase()}`,
      entityType: 'budget_line',
      entityId: line.id,
      regionPath: line.regionPath,
      before: yuanBalances(before),
      after: {
        ...yuanBalances(b),
        entryId,
        amount: fenToYuan(e.amountFen),
        idempotencyKey: e.key,
        reference: e.reference ?? null,
      },
    });
    Object.assign(line, {
      availableFen: b.available.toString(),
      reservedFen: b.reserved.toString(),
      committedFen: b.committed.toString(),
      paidFen: b.paid.toString(),
    });
    return { entryId, lineId: line.id, operation: e.operation, amountFen: e.amountFen, balances: b, replayed: false };
  }

  /**
   * Locks the line row (SELECT … FOR UPDATE) and reads the database clock in the same statement.
   * Waits at most LEDGER_LOCK_WAIT_SECONDS for the lock: the session setting is made once per
   * pooled connection (and stays: no statement of this application should wait longer).
   */
  async lockLine(em: EntityManager, lineId: number): Promise<LockedLine | null> {
    const conn = (em.queryRunner as unknown as { databaseConnection?: Record<symbol, unknown> } | undefined)
      ?.databaseConnection;
    if (conn && conn[LOCK_WAIT_SET] !== this.env.LEDGER_LOCK_WAIT_SECONDS) {
      await em.query('SET SESSION innodb_lock_wait_timeout = ?', [this.env.LEDGER_LOCK_WAIT_SECONDS]);
      conn[LOCK_WAIT_SET] = this.env.LEDGER_LOCK_WAIT_SECONDS;
    }
    const rows = (await em.query(
      `SELECT id, year, region_id, region_path, source, restricted_category_code, title, status, requested_fen, available_fen, reserved_fen,
              committed_fen, paid_fen, year_closed, multi_year, created_by, decided_by, decided_at, decision_note, created_at, updated_at, UTC_TIMESTAMP(3) AS now
         FROM budget_lines WHERE id = ? FOR UPDATE`,
      [lineId],
    )) as Array<Record<string, unknown>>;
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r.id as number,
      year: r.year as number,
      regionId: r.region_id as number,
      regionPath: r.region_path as string,
      source: r.source as string,
      restrictedCategoryCode: r.restricted_category_code as string | null,
      title: r.title as string,
      status: r.status as LineStatus,
      requestedFen: String(r.requested_fen),
      availableFen: String(r.available_fen),
      reservedFen: String(r.reserved_fen),
      committedFen: String(r.committed_fen),
      paidFen: String(r.paid_fen),
      yearClosed: Number(r.year_closed),
      multiYear: Number(r.multi_year),
      createdBy: r.created_by as number,
      decidedBy: r.decided_by as number | null,
      decidedAt: r.decided_at as Date | null,
      decisionNote: r.decision_note as string | null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      now: r.now as Date,
    };
  }

  /** The budget year of each line (for the deadlines that follow it, such as the approval of a project). */
  async lineYears(lineIds: number[]): Promise<Map<number, number>> {
    const ids = [...new Set(lineIds)];
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, year FROM budget_lines WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    )) as Array<{ id: number; year: number }>;
    return new Map(rows.map((r) => [r.id, Number(r.year)]));
  }

  /**
   * Refuses a change to `year` in the region at `regionPath` once the year is closed there (a closure of the
   * region or of any region above it). The closures of the year are read with a shared lock: a closing running
   * at the same moment waits for this transaction, and then closes the line it has just created as well.
   */
  async assertYearOpen(em: EntityManager, year: number, regionPath: string): Promise<void> {
    const closures = (await em.query('SELECT region_path FROM fund_year_closures WHERE year = ? LOCK IN SHARE MODE', [
      year,
    ])) as Array<{ region_path: string }>;
    if (closures.some((c) => regionPath.startsWith(c.region_path)))
      throw new FundsError(FundsErrorCode.YEAR_CLOSED, `Budget year ${year} is closed: nothing in it can change.`);
  }
}

function bucketKey(b: Bucket): keyof Balances {
  return b === 'AVAILABLE' ? 'available' : b === 'RESERVED' ? 'reserved' : b === 'COMMITTED' ? 'committed' : 'paid';
}

export function yuanBalances(b: Balances) {
  return {
    allocated: fenToYuan(allocated(b)),
    available: fenToYuan(b.available),
    reserved: fenToYuan(b.reserved),
    committed: fenToYuan(b.committed + b.paid),
    outstandingCommitment: fenToYuan(b.committed),
    paid: fenToYuan(b.paid),
  };
}
