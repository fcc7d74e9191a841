import { createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Connection } from 'mysql2/promise';

import { verifyAuditOffline } from '../../src/cli/verify-audit-offline';
import { auditCheckpointFile, loadEnv, resetEnvCache } from '../../src/config/env';
import { AuditCheckpoints, AuditService } from '../../src/modules/audit';
import { Checkpoint, checkpointDigest, signatureValid } from '../../src/modules/audit/domain/checkpoints';
import { chainHash } from '../../src/modules/audit/domain/hash-chain';
import { AUDIT_CHECKPOINT_SCHEDULER } from '../../src/modules/audit/jobs/audit-checkpoint.job';
import { linkOfRow } from '../../src/modules/audit/queries/audit-rows';
import { readCheckpointFile } from '../../src/modules/audit/services/checkpoint-file';
import { Actor } from '../../src/platform/access';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { adminConnection, bearer, createTestApp, createTestWorker, loseRedis, TestApp } from '../support/test-app';

/**
 * The chain anchored outside the database (issue #9 A2, ADR 0004): signed checkpoints, published, and a verification
 * that catches what the chain alone cannot — a chain rewritten and re-hashed to the end, a chain truncated with its
 * head reset — when done by someone who can write every table (here: the administrative account).
 */
describe('audit checkpoints', () => {
  let t: TestApp;
  let audit: AuditService;
  let checkpoints: AuditCheckpoints;
  let auditor: string;
  const actor: Actor = {
    userId: 1,
    username: 'admin',
    roles: ['ADMIN'],
    regionPath: '/1/',
    regionId: 1,
    organisationId: null,
    sessionId: null,
    ip: '127.0.0.1',
  };

  async function event(i: number): Promise<number> {
    await t.ds.transaction((em) =>
      audit.record(em, actor, { action: 'test.anchored', entityType: 'test', entityId: i, after: { i } }),
    );
    // the event joined the chain at commit: the newest one of this action and entity
    const [e] = (await t.ds.query(
      "SELECT seq FROM audit_events WHERE action = 'test.anchored' AND entity_id = ? ORDER BY seq DESC LIMIT 1",
      [String(i)],
    )) as Array<{ seq: string }>;
    return Number(e.seq);
  }

  async function withAdmin<T>(work: (admin: Connection) => Promise<T>): Promise<T> {
    const admin = await adminConnection(t.env);
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    checkpoints = t.app.get(AuditCheckpoints);
    auditor = await bearer(t, 'auditor');
  });
  afterAll(() => t.close());

  it('an auditor anchors the head on demand; the same head is anchored once; the next links to the previous', async () => {
    await event(1);
    const first = await t.http().post('/api/v1/audit/checkpoints').set('Authorization', auditor).send({});
    expect(first.status).toBe(200);
    expect(first.body.result).toBe('CREATED');
    const [{ last_seq, last_hash }] = await t.ds.query('SELECT last_seq, last_hash FROM audit_chain_head');
    expect(first.body.checkpoint).toMatchObject({ seq: Number(last_seq), hash: last_hash });

    const again = await t.http().post('/api/v1/audit/checkpoints').set('Authorization', auditor);
    expect(again.body).toEqual({ result: 'UNCHANGED', checkpoint: first.body.checkpoint });

    await event(2);
    const next = await t.http().post('/api/v1/audit/checkpoints').set('Authorization', auditor);
    expect(next.body.result).toBe('CREATED');
    expect(next.body.checkpoint.id).toBe(first.body.checkpoint.id + 1);
    expect(next.body.checkpoint.prev).toBe(checkpointDigest(first.body.checkpoint as Checkpoint));
  });

  it('refuses others and a body with anything in it', async () => {
    expect((await t.http().post('/api/v1/audit/checkpoints')).status).toBe(401);
    const officer = await bearer(t, 'officer');
    expect((await t.http().post('/api/v1/audit/checkpoints').set('Authorization', officer)).status).toBe(403);
    const extra = await t.http().post('/api/v1/audit/checkpoints').set('Authorization', auditor).send({ seq: 1 });
    expect(extra.status).toBe(400);
  });

  it('publishes every checkpoint and the public key to anyone, and keeps an append-only file copy', async () => {
    const page = await t.http().get('/api/v1/public/audit/checkpoints?pageSize=100');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    const key = await t.http().get('/api/v1/public/audit/public-key');
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const publicKey = createPublicKey(key.body.publicKeyPem as string);
    for (const c of page.body.items as Checkpoint[]) {
      expect(signatureValid(c, publicKey)).toBe(true);
      expect(c.keyId).toBe(key.body.keyId);
    }
    expect(readCheckpointFile(auditCheckpointFile(t.env))).toEqual(page.body.items);
  });

  it('verification compares the chain with every checkpoint', async () => {
    const res = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
    expect(res.body).toMatchObject({
      ok: true,
      breaks: [],
      checkpoints: { verified: true, published: expect.any(Number) },
    });
    expect(res.body.checkpoints.checked).toBeGreaterThanOrEqual(2);
  });

  it('finds a chain rewritten from an event before a checkpoint and re-hashed to the end, naming the checkpoint', async () => {
    const victim = await event(3);
    await event(4);
    const anchored = await checkpoints.take();
    expect(anchored.result).toBe('CREATED');
    await event(5);
    await withAdmin(async (admin) => {
      const [rows] = await admin.query('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq', [victim]);
      const originals = rows as Array<Record<string, unknown>>;
      await admin.query('DROP TRIGGER audit_events_no_update');
      try {
        // the attacker: change one event, recompute every later hash and the head, so that the links all hold
        let prev = originals[0].prev_hash as string;
        for (const row of originals) {
          const link = linkOfRow(row as never);
          if (link.seq === victim) link.after = { i: 333 };
          const hash = chainHash(prev, link);
          await admin.query('UPDATE audit_events SET after_json = ?, prev_hash = ?, hash = ? WHERE seq = ?', [
            JSON.stringify(link.after),
            prev,
            hash,
            link.seq,
          ]);
          prev = hash;
        }
        await admin.query('UPDATE audit_chain_head SET last_hash = ? WHERE id = 1', [prev]);

        const result = await audit.verify();
        expect(result.ok).toBe(false);
        expect(result.breaks).toEqual([
          { seq: anchored.checkpoint?.seq, reason: 'CHECKPOINT_MISMATCH', checkpointId: anchored.checkpoint?.id },
        ]);
        const http = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
        expect(http.body).toMatchObject({
          ok: false,
          reason: 'CHECKPOINT_MISMATCH',
          firstBrokenSeq: anchored.checkpoint?.seq,
        });
      } finally {
        for (const row of originals)
          await admin.query('UPDATE audit_events SET after_json = ?, prev_hash = ?, hash = ? WHERE seq = ?', [
            row.after_json,
            row.prev_hash,
            row.hash,
            row.seq,
          ]);
        await admin.query('UPDATE audit_chain_head SET last_hash = ? WHERE id = 1', [
          originals[originals.length - 1].hash,
        ]);
        await admin.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
      }
    });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('finds a truncated chain with its head reset, naming every checkpoint it no longer reaches', async () => {
    const all = (await checkpoints.page(1, 100)).items;
    await withAdmin(async (admin) => {
      await admin.query('CREATE TABLE audit_events_saved AS SELECT * FROM audit_events');
      const [[head]] = (await admin.query('SELECT last_seq, last_hash FROM audit_chain_head')) as unknown as [
        Array<{ last_seq: string; last_hash: string }>,
      ];
      try {
        await admin.query('TRUNCATE TABLE audit_events');
        await admin.query("UPDATE audit_chain_head SET last_seq = 0, last_hash = REPEAT('0', 64) WHERE id = 1");
        const result = await audit.verify();
        expect(result.ok).toBe(false);
        expect(result.checked).toBe(0);
        expect(result.breaks).toEqual(
          all.map((c) => ({ seq: c.seq, reason: 'CHECKPOINT_AHEAD_OF_CHAIN', checkpointId: c.id })),
        );
      } finally {
        await admin.query('INSERT INTO audit_events SELECT * FROM audit_events_saved ORDER BY seq');
        await admin.query('DROP TABLE audit_events_saved');
        await admin.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [
          head.last_seq,
          head.last_hash,
        ]);
      }
    });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('reports a checkpoint whose signature no longer verifies, and one deleted from the database but published', async () => {
    const [victim] = (await checkpoints.page(1, 1)).items;
    await withAdmin(async (admin) => {
      await admin.query('DROP TRIGGER audit_checkpoints_no_update');
      await admin.query('DROP TRIGGER audit_checkpoints_no_delete');
      try {
        await admin.query("UPDATE audit_checkpoints SET hash = REPEAT('f', 64) WHERE id = ?", [victim.id]);
        const forged = await audit.verify();
        expect(forged.breaks).toContainEqual({
          seq: victim.seq,
          reason: 'CHECKPOINT_SIGNATURE_INVALID',
          checkpointId: victim.id,
        });

        await admin.query('DELETE FROM audit_checkpoints WHERE id = ?', [victim.id]);
        const deleted = await audit.verify();
        expect(deleted.breaks).toEqual([{ seq: victim.seq, reason: 'CHECKPOINT_MISSING', checkpointId: victim.id }]);
      } finally {
        await admin.query(
          'INSERT INTO audit_checkpoints (id, seq, hash, taken_at, prev_digest, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [victim.id, victim.seq, victim.hash, new Date(victim.at), victim.prev, victim.keyId, victim.signature],
        );
        await admin.query(`CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints FOR EACH ROW
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'`);
        await admin.query(`CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints FOR EACH ROW
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'`);
      }
    });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('the offline verifier (npx nx run backend:verify-audit) checks against the public endpoint or a saved file', async () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/public/audit`;
    try {
      const online = await verifyAuditOffline({
        checkpoints: [`${base}/checkpoints`],
        publicKey: `${base}/public-key`,
        env: t.env,
      });
      expect(online).toMatchObject({ ok: true, checkpoints: { verified: true } });
      expect(online.checkpoints.published).toBe((await checkpoints.page(1, 100)).total);

      const dir = join(auditCheckpointFile(t.env), '..');
      const saved = join(dir, 'download.json');
      writeFileSync(saved, JSON.stringify((await t.http().get('/api/v1/public/audit/checkpoints?pageSize=100')).body));
      const pem = join(dir, 'trusted.pem');
      writeFileSync(pem, (await t.http().get('/api/v1/public/audit/public-key')).body.publicKeyPem as string);
      expect(await verifyAuditOffline({ checkpoints: [saved], publicKey: pem, env: t.env })).toMatchObject({
        ok: true,
      });

      // a chain truncated, its head reset AND its checkpoint rows deleted still fails against the auditor's copy
      await withAdmin(async (admin) => {
        await admin.query('CREATE TABLE audit_events_saved AS SELECT * FROM audit_events');
        await admin.query('CREATE TABLE audit_checkpoints_saved AS SELECT * FROM audit_checkpoints');
        const [[head]] = (await admin.query('SELECT last_seq, last_hash FROM audit_chain_head')) as unknown as [
          Array<{ last_seq: string; last_hash: string }>,
        ];
        try {
          await admin.query('TRUNCATE TABLE audit_events');
          await admin.query('TRUNCATE TABLE audit_checkpoints');
          await admin.query("UPDATE audit_chain_head SET last_seq = 0, last_hash = REPEAT('0', 64) WHERE id = 1");
          const result = await verifyAuditOffline({ checkpoints: [saved], publicKey: pem, env: t.env });
          expect(result.ok).toBe(false);
          expect(result.breaks.map((b) => b.reason)).toContain('CHECKPOINT_AHEAD_OF_CHAIN');
          expect(result.breaks.map((b) => b.reason)).toContain('CHECKPOINT_MISSING');
        } finally {
          await admin.query('INSERT INTO audit_events SELECT * FROM audit_events_saved ORDER BY seq');
          await admin.query('INSERT INTO audit_checkpoints SELECT * FROM audit_checkpoints_saved');
          await admin.query('DROP TABLE audit_events_saved, audit_checkpoints_saved');
          await admin.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [
            head.last_seq,
            head.last_hash,
          ]);
        }
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect((await audit.verify()).ok).toBe(true);
  });

  describe('the worker', () => {
    let worker: INestApplicationContext;
    const saved = process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;

    async function checkpointAt(seq: number, timeoutMs = 15000): Promise<Checkpoint> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const latest = await checkpoints.latest();
        if (latest && latest.seq >= seq) return latest;
        if (Date.now() > until) throw new Error(`no checkpoint reached seq ${seq} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    beforeAll(async () => {
      process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '1';
      resetEnvCache();
      worker = await createTestWorker();
    });
    afterAll(async () => {
      await worker.get<Queue>(getQueueToken(QUEUES.AUDIT)).removeJobScheduler(AUDIT_CHECKPOINT_SCHEDULER);
      await worker.close();
      if (saved === undefined) delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
      else process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = saved;
      resetEnvCache();
      loadEnv();
    });

    it('anchors new events by itself with its repeatable job, once per head', async () => {
      const seq = await event(10);
      const c = await checkpointAt(seq);
      expect(c.seq).toBe(seq);
      const count = (await checkpoints.page(1, 1)).total;
      await new Promise((r) => setTimeout(r, 2500)); // two more runs of the job: the head has not moved
      expect((await checkpoints.page(1, 1)).total).toBe(count);
    });

    it('after Redis lost everything, the reconciler rebuilds the schedule and anchoring goes on', async () => {
      await loseRedis(t);
      const queue = worker.get<Queue>(getQueueToken(QUEUES.AUDIT));
      expect(await queue.getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER)).toBeUndefined();
      await worker.get(Deadlines).reconcile(); // what the worker does at start-up and every interval
      expect(await queue.getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER)).toBeDefined();
      const seq = await event(11);
      expect((await checkpointAt(seq)).seq).toBe(seq);
      expect((await audit.verify()).ok).toBe(true);
    });
  });
});
