import { KeyObject } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { auditCheckpointFile, auditSigningKeyFile, Env } from '../../../config/env';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditError, AuditErrorCode } from '../domain/audit.errors';
import { Checkpoint, checkpointDigest, FIRST_CHECKPOINT_PREV, keyIdOf, signCheckpoint } from '../domain/checkpoints';
import {
  allCheckpoints,
  chainHead,
  checkpointPage,
  eventBatch,
  insertCheckpoint,
  latestCheckpoint,
} from '../queries/audit-rows';
import { appendNewCheckpoints, readCheckpointFile } from './checkpoint-file';
import { ensureSigningKey, publicKeyPem, readSigningKey } from './signing-key';

export type CheckpointOutcome =
  | { result: 'CREATED' | 'UNCHANGED'; checkpoint: Checkpoint }
  | { result: 'NOTHING_TO_ANCHOR' | 'DISABLED'; checkpoint: null };

/**
 * Signed checkpoints of the chain head (ADR 0004): taken by the worker's repeatable job and on demand, stored
 * in `audit_checkpoints` and appended to a file outside the database, published at
 * `GET /api/v1/public/audit/checkpoints`.
 */
@Injectable()
export class AuditCheckpoints implements OnModuleInit {
  private readonly logger = new Logger(AuditCheckpoints.name);
  private key: KeyObject | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    const file = auditSigningKeyFile(this.env);
    try {
      // `prepare` (npm start) creates the key; a development process started without it creates one itself,
      // production never does: a key appearing by itself on a server would be a key nobody has recorded.
      this.key = this.env.NODE_ENV === 'production' ? readSigningKey(file) : ensureSigningKey(file).key;
    } catch (err) {
      this.logger.error({ err, file }, 'audit checkpoint signing key unreadable: checkpoints are disabled');
    }
    if (this.key === null)
      this.logger.error({ file }, 'no audit checkpoint signing key: checkpoints are disabled (run prepare)');
  }

  get enabled(): boolean {
    return this.key !== null;
  }

  keyId(): string | null {
    return this.key && keyIdOf(this.key);
  }

  /** The public half, to verify with (the API process holds the same key file as the worker). */
  trustedPublicKey(): KeyObject | null {
    return this.key;
  }

  publicKey(): { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string } {
    const key = this.requireKey();
    return { algorithm: 'Ed25519', keyId: keyIdOf(key), publicKeyPem: publicKeyPem(key) };
  }

  /** The published copies this process can read: the append-only file. */
  published(): Checkpoint[] {
    try {
      return readCheckpointFile(auditCheckpointFile(this.env));
    } catch (err) {
      this.logger.error({ err }, 'audit checkpoint file unreadable');
      return [];
    }
  }

  /**
   * Anchors the current head, unless the last checkpoint already anchors it. Idempotent: concurrent callers (two
   * workers, the job and an auditor) produce one checkpoint per head; the loser of the race sees `UNCHANGED`.
   */
  async take(): Promise<CheckpointOutcome> {
    if (this.key === null) return { result: 'DISABLED', checkpoint: null };
    const key = this.key;
    let outcome: CheckpointOutcome;
    try {
      outcome = await inTransaction(this.dataSource, async (em): Promise<CheckpointOutcome> => {
        const head = await chainHead(em);
        if (head.lastSeq === 0) return { result: 'NOTHING_TO_ANCHOR', checkpoint: null };
        const last = await latestCheckpoint(em);
        if (last && last.seq === head.lastSeq) return { result: 'UNCHANGED', checkpoint: last };
        if (last) await this.warnIfRewritten(em, last, head.lastSeq);
        const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
        const checkpoint = signCheckpoint(
          {
            id: (last?.id ?? 0) + 1,
            seq: head.lastSeq,
            hash: head.lastHash,
            at: now.toISOString(),
            prev: last ? checkpointDigest(last) : FIRST_CHECKPOINT_PREV,
          },
          key,
        );
        await insertCheckpoint(em, checkpoint);
        return { result: 'CREATED', checkpoint };
      });
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code !== 'ER_DUP_ENTRY') throw err;
      const latest = await latestCheckpoint(this.dataSource);
      outcome = latest
        ? { result: 'UNCHANGED', checkpoint: latest }
        : { result: 'NOTHING_TO_ANCHOR', checkpoint: null };
    }
    await this.syncFile();
    if (outcome.result === 'CREATED')
      this.logger.log({ id: outcome.checkpoint.id, seq: outcome.checkpoint.seq }, 'audit checkpoint taken');
    return outcome;
  }

  /** {@link take} for a caller who asked for it: a server without a key answers 503. */
  async takeOrFail(): Promise<Exclude<CheckpointOutcome, { result: 'DISABLED' }>> {
    this.requireKey();
    const outcome = await this.take();
    if (outcome.result === 'DISABLED') throw new Error('unreachable: the key was checked');
    return outcome;
  }

  /** Copies to the append-only file every checkpoint it lacks (also repairs a file that missed an append). */
  async syncFile(): Promise<number> {
    try {
      return appendNewCheckpoints(auditCheckpointFile(this.env), await allCheckpoints(this.dataSource));
    } catch (err) {
      this.logger.error({ err }, 'could not append to the audit checkpoint file');
      return 0;
    }
  }

  latest(): Promise<Checkpoint | null> {
    return latestCheckpoint(this.dataSource);
  }

  page(page: number, pageSize: number): Promise<{ items: Checkpoint[]; total: number }> {
    return checkpointPage(this.dataSource, page, pageSize);
  }

  /**
   * The checkpoint is taken anyway (refusing would let one tampering stop all later anchoring), but the event the
   * last checkpoint anchored must still carry the signed hash: say so loudly when it does not.
   */
  private async warnIfRewritten(em: Parameters<typeof chainHead>[0], last: Checkpoint, headSeq: number): Promise<void> {
    if (headSeq < last.seq) {
      this.logger.error(
        { checkpoint: last.id, headSeq },
        'audit chain head is behind the last checkpoint: events were removed',
      );
      return;
    }
    const [anchored] = await eventBatch(em, last.seq, last.seq, 1);
    if (!anchored || anchored.hash !== last.hash)
      this.logger.error(
        { checkpoint: last.id, seq: last.seq },
        'audit event no longer matches its checkpoint: the chain was rewritten',
      );
  }

  private requireKey(): KeyObject {
    if (this.key === null)
      throw new AuditError(
        AuditErrorCode.AUDIT_CHECKPOINTS_DISABLED,
        'No checkpoint signing key is configured on this server.',
      );
    return this.key;
  }
}
