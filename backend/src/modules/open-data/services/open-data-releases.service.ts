import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

import { Env } from '../../../config/env';
import { orderedTags, ReleaseTag } from '../domain/ocds-codes';
import { buildRelease } from '../domain/release-builder';
import { processFacts } from '../queries/process-facts';

/** `<prefix>-<project id>`: one contracting process per procurement project. */
export function ocidOf(prefix: string, projectId: number): string {
  return `${prefix}-${projectId}`;
}

interface Pending {
  tags: Set<ReleaseTag>;
  now: Date;
}

/** Writes the releases a transaction recorded just before it commits (TypeORM broadcasts it for every transaction). */
class ReleaseFlush implements EntitySubscriberInterface {
  constructor(private readonly releases: OpenDataReleases) {}

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.releases.flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.releases.discard(event.queryRunner);
  }
}

/**
 * The release writer of the OCDS open data. Other contexts call {@link record} in the transaction of a stage change
 * (project approved, tender published/amended/opened/failed/cancelled, award notice/final/cancelled, contract signed,
 * published, amended, terminated, milestone accepted, payment paid, evaluation published). The release is written in
 * that same transaction, just before its COMMIT, from what the transaction wrote: one release per process and
 * transaction, its tags the union of what was recorded, its date the database time of the change. A rolled-back
 * change leaves no release.
 *
 * Order: the writer takes the audit chain head's row lock (every writing transaction takes it at its commit anyway, so
 * no new lock order appears) and numbers the release under it; the lock is held until COMMIT, so release numbers
 * (`seq`) become visible in increasing order — the release feed's cursor pages by `seq` without gaps.
 */
@Injectable()
export class OpenDataReleases {
  private readonly pending = new WeakMap<QueryRunner, Map<number, Pending>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {
    dataSource.subscribers.push(new ReleaseFlush(this));
  }

  ocid(projectId: number): string {
    return ocidOf(this.env.OCDS_OCID_PREFIX, projectId);
  }

  /**
   * Records that the contracting process of `projectId` changed at `now` (the database clock of the change), with the
   * OCDS tags of what changed. In a transaction the release is written just before it commits; outside one, at once.
   */
  async record(em: EntityManager, projectId: number, tags: readonly ReleaseTag[], now: Date): Promise<void> {
    const runner = em.queryRunner;
    if (runner === undefined || !runner.isTransactionActive) {
      await this.dataSource.transaction('READ COMMITTED', (tx) => this.record(tx, projectId, tags, now));
      return;
    }
    let byProject = this.pending.get(runner);
    if (!byProject) {
      byProject = new Map();
      this.pending.set(runner, byProject);
    }
    const p = byProject.get(projectId);
    if (p) {
      for (const t of tags) p.tags.add(t);
      if (now > p.now) p.now = now;
    } else byProject.set(projectId, { tags: new Set(tags), now });
  }

  async flush(runner: QueryRunner): Promise<void> {
    const byProject = this.pending.get(runner);
    if (byProject === undefined) return;
    this.pending.delete(runner);
    const em = runner.manager;
    await em.query('SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    for (const [projectId, p] of [...byProject.entries()].sort((a, b) => a[0] - b[0]))
      await this.write(em, projectId, orderedTags(p.tags), p.now);
  }

  discard(runner: QueryRunner): void {
    this.pending.delete(runner);
  }

  /**
   * Builds and appends one release of the process (the caller holds the head lock). Nothing for a project that never
   * became public (not approved, no tender published). Returns the release id written, or null.
   */
  async write(em: EntityManager, projectId: number, tags: ReleaseTag[], now: Date): Promise<string | null> {
    if (tags.length === 0) return null;
    const ocid = this.ocid(projectId);
    const [last] = (await em.query(
      'SELECT release_json, (SELECT COUNT(*) FROM ocds_releases x WHERE x.ocid = r.ocid) AS n FROM ocds_releases r WHERE r.ocid = ? ORDER BY r.seq DESC LIMIT 1',
      [ocid],
    )) as Array<{ release_json: string; n: string | number }>;
    const earlier = last ? (JSON.parse(last.release_json) as { awards?: Array<{ id: string }> }) : {};
    const facts = await processFacts(
      em,
      ocid,
      projectId,
      (earlier.awards ?? []).map((a) => a.id),
    );
    if (facts === null || (facts.project.approvedAt === null && facts.tender === null)) return null;
    const n = (last ? Number(last.n) : 0) + 1;
    const release = buildRelease({ facts, id: `${ocid}-${n}`, tags, date: now });
    const json = JSON.stringify(release);
    const sha256 = createHash('sha256').update(json, 'utf8').digest('hex');
    const [{ next }] = (await em.query('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM ocds_releases')) as Array<{
      next: string | number;
    }>;
    await em.query(
      `INSERT INTO ocds_releases (seq, ocid, release_id, project_id, release_date, tags, release_json, sha256, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`,
      [String(next), ocid, release.id, projectId, now, tags.join(','), json, sha256],
    );
    return String(release.id);
  }
}
