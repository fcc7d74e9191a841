import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  In,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

import { Env } from '../../../config/env';
import { DeadlineJob, Deadlines, DeadlineSource } from '../../../platform/queue';
import { UserPreferences } from '../../identity';
import {
  ChannelPreferences,
  DEFAULT_PREFERENCES,
  deliveriesFor,
  parseMuted,
  sendLeaseMs,
} from '../domain/delivery-rules';
import { DeliveryEntity, NotificationPreferencesEntity } from '../entities/delivery.entity';
import { DELIVERY_JOB, deliveryDeadline } from '../jobs/delivery-deadline';

/** Schedules a transaction's delivery jobs once it has committed, and forgets them when it rolls back. */
class DeliveriesAfterCommit implements EntitySubscriberInterface {
  constructor(private readonly outbox: DeliveryOutbox) {}

  afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.outbox.flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.outbox.discard(event.queryRunner);
  }
}

/**
 * The outbox: an inbox message becomes, in the same transaction, one delivery row per channel each recipient asked
 * for and has an address for. The rows are the truth; the jobs that send them are added after the commit (a rolled
 * back change sends nothing) and rebuilt by the reconciler from the rows when Redis lost them.
 */
@Injectable()
export class DeliveryOutbox {
  private readonly pending = new WeakMap<QueryRunner, DeadlineJob[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: UserPreferences,
    private readonly deadlines: Deadlines,
    private readonly env: Env,
  ) {
    dataSource.subscribers.push(new DeliveriesAfterCommit(this));
  }

  /** The preferences of these users (the defaults for those who never chose). */
  async preferencesOf(em: EntityManager, userIds: readonly number[]): Promise<Map<number, ChannelPreferences>> {
    const rows =
      userIds.length === 0 ? [] : await em.findBy(NotificationPreferencesEntity, { userId: In([...userIds]) });
    const out = new Map<number, ChannelPreferences>();
    for (const id of userIds) out.set(id, DEFAULT_PREFERENCES);
    for (const r of rows)
      out.set(r.userId, { emailEnabled: r.emailEnabled, smsEnabled: r.smsEnabled, muted: parseMuted(r.muted) });
    return out;
  }

  /**
   * Writes the deliveries of freshly written inbox messages (inside the caller's transaction) and queues their jobs
   * for after its commit. Returns how many deliveries were written.
   */
  async record(
    em: EntityManager,
    messages: ReadonlyArray<{ notificationId: string; userId: number }>,
    kind: string,
    now: Date,
  ): Promise<number> {
    if (messages.length === 0) return 0;
    const userIds = messages.map((m) => m.userId);
    const contacts = new Map((await this.preferences.contactsOf(em, userIds)).map((c) => [c.userId, c]));
    const wanted = [...contacts.values()].filter((c) => c.active && (c.email || c.phone)).map((c) => c.userId);
    if (wanted.length === 0) return 0;
    const prefs = await this.preferencesOf(em, wanted);
    const rows: Array<Partial<DeliveryEntity>> = [];
    for (const m of messages) {
      const contact = contacts.get(m.userId);
      if (contact === undefined) continue;
      for (const d of deliveriesFor(contact, prefs.get(m.userId) ?? DEFAULT_PREFERENCES, kind)) {
        rows.push({
          notificationId: m.notificationId,
          userId: m.userId,
          channel: d.channel,
          address: d.address,
          locale: contact.locale ?? 'zh-CN',
          status: 'PENDING',
          round: 0,
          roundAttempts: 0,
          attempts: 0,
          nextAttemptAt: now,
          claimedAt: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
          sentAt: null,
          failedAt: null,
        });
      }
    }
    if (rows.length === 0) return 0;
    // One multi-row INSERT: MariaDB/MySQL give its rows consecutive ids (innodb_autoinc_lock_mode 0 or 1, and 2 for a
    // single statement of known size), which TypeORM returns as `identifiers`.
    const result = await em.insert(DeliveryEntity, rows);
    const jobs = result.identifiers.map((idObj) =>
      deliveryDeadline(String((idObj as { id: string | number }).id), 0, now, this.retryPolicy(0)),
    );
    this.queueJobs(em, jobs);
    return rows.length;
  }

  /** The queue's retries for a round that has already made `roundAttempts` attempts. */
  retryPolicy(roundAttempts: number): { attempts: number; backoffMs: number } {
    return { attempts: this.env.NOTIFY_ATTEMPTS - roundAttempts, backoffMs: this.env.NOTIFY_BACKOFF_MS };
  }

  /** Adds jobs when the caller's transaction commits (at once when it runs outside one). */
  queueJobs(em: EntityManager, jobs: DeadlineJob[]): void {
    const runner = em.queryRunner;
    if (runner === undefined || !runner.isTransactionActive) {
      void this.schedule(jobs);
      return;
    }
    const queued = this.pending.get(runner);
    if (queued) queued.push(...jobs);
    else this.pending.set(runner, [...jobs]);
  }

  async flush(runner: QueryRunner): Promise<void> {
    const jobs = this.pending.get(runner);
    if (jobs === undefined) return;
    this.pending.delete(runner);
    await this.schedule(jobs);
  }

  discard(runner: QueryRunner): void {
    this.pending.delete(runner);
  }

  /** Never throws: a job Redis did not take is re-added by the reconciler from its PENDING row. */
  private async schedule(jobs: DeadlineJob[]): Promise<void> {
    for (const job of jobs) await this.deadlines.schedule(job);
  }

  /**
   * For the reconciler: every delivery still to settle — PENDING ones at their next attempt, SENDING ones when their
   * attempt counts as interrupted (the job then marks them FAILED: outcome unknown, never sent twice on its own).
   */
  source(): DeadlineSource {
    return {
      kind: DELIVERY_JOB,
      pending: async () => {
        const rows = await this.dataSource.getRepository(DeliveryEntity).find({
          select: { id: true, status: true, round: true, roundAttempts: true, nextAttemptAt: true, claimedAt: true },
          where: { status: In(['PENDING', 'SENDING']) },
          order: { id: 'ASC' },
        });
        const lease = sendLeaseMs(this.env.NOTIFY_SEND_TIMEOUT_MS);
        return rows.map((d) =>
          deliveryDeadline(
            d.id,
            d.round,
            d.status === 'SENDING' && d.claimedAt ? new Date(d.claimedAt.getTime() + lease) : d.nextAttemptAt,
            this.retryPolicy(d.status === 'SENDING' ? Math.max(0, d.roundAttempts - 1) : d.roundAttempts),
          ),
        );
      },
    };
  }
}
