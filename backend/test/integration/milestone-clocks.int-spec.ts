import { INestApplicationContext } from '@nestjs/common';

import { ContractEntity } from '../../src/modules/contracts/entities/contracts.entities';
import {
  MILESTONE_DUE_JOB,
  MILESTONE_REMINDER_JOB,
  MilestoneClocks,
  milestoneJob,
} from '../../src/modules/contracts/jobs/milestone-clocks';
import { ContractHooks } from '../../src/modules/contracts/services/contract-hooks';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { liveContract } from '../factories/contracts-milestones.factory';
import { sleep } from '../factories/procurement.factory';
import { createTestApp, createTestWorker, loseRedis, TestApp } from '../support/test-app';

/**
 * The milestone clocks through the deadlines core (issue #10 item 2, "milestone overdue jobs fire after a Redis
 * wipe"): signing sets a reminder and a due-time job per milestone; after Redis loses everything the reconciler
 * rebuilds them from the milestones still owed, and the overdue flag is set by the worker at the due time, never before.
 */
describe('milestone clocks: set at signing, rebuilt after Redis loss, overdue at the due time', () => {
  let t: TestApp;
  let deadlines: Deadlines;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    deadlines = t.app.get(Deadlines);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('schedules both clocks of every milestone when the contract is signed (ContractHooks.onSigned)', async () => {
    const c = await liveContract(t, '时钟测试合同');
    await t.ds.transaction(async (em) => {
      const contract = await em.findOneByOrFail(ContractEntity, { id: c.contractId });
      await t.app.get(ContractHooks).signed(em, { contract, now: new Date() });
    });
    const q = deadlines.queue(QUEUES.CONTRACTS);
    const rows = (await t.ds.query('SELECT id, due_at FROM contract_milestones WHERE contract_id = ? ORDER BY seq', [
      c.contractId,
    ])) as Array<{ id: number; due_at: Date }>;
    for (const r of rows)
      for (const name of [MILESTONE_REMINDER_JOB, MILESTONE_DUE_JOB] as const) {
        const job = await q.getJob(milestoneJob(name, { id: r.id, dueAt: r.due_at }).jobId);
        expect(await job?.getState()).toBe('delayed');
        expect(job?.name).toBe(name);
      }
  });

  it('fault: after a wipe of the queue’s Redis keys the reconciler reschedules and the overdue fires on time', async () => {
    const c = await liveContract(t, '丢失时钟合同', {
      schedule: true,
      milestones: [{ dueInDays: 20, shareBp: 10000 }],
    });
    const id = c.milestoneIds[0];
    // weeks pass: the milestone is now due in 3 s (database clock)
    await t.ds.query('UPDATE contract_milestones SET due_at = UTC_TIMESTAMP(3) + INTERVAL 3 SECOND WHERE id = ?', [id]);
    const [{ due_at: dueAt }] = (await t.ds.query('SELECT due_at FROM contract_milestones WHERE id = ?', [
      id,
    ])) as Array<{
      due_at: Date;
    }>;
    await loseRedis(t);
    const jobId = milestoneJob(MILESTONE_DUE_JOB, { id, dueAt }).jobId;
    expect(await deadlines.queue(QUEUES.CONTRACTS).getJob(jobId)).toBeUndefined();

    const report = await deadlines.reconcile();
    expect(report.bySource[MILESTONE_DUE_JOB].restored).toBeGreaterThanOrEqual(1);
    expect(await (await deadlines.queue(QUEUES.CONTRACTS).getJob(jobId))?.getState()).toBe('delayed');
    expect((await deadlines.reconcile()).bySource[MILESTONE_DUE_JOB].restored).toBe(0);

    worker = await createTestWorker();
    const until = Date.now() + 15_000;
    let row: { overdue_at: Date | null } | undefined;
    while (Date.now() < until) {
      [row] = (await t.ds.query('SELECT overdue_at FROM contract_milestones WHERE id = ?', [id])) as Array<{
        overdue_at: Date | null;
      }>;
      if (row.overdue_at !== null) break;
      await sleep(100);
    }
    expect(row?.overdue_at).not.toBeNull();
    expect((row?.overdue_at as Date).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect((row?.overdue_at as Date).getTime()).toBeLessThan(dueAt.getTime() + 5_000);
    const events = (await t.ds.query(
      "SELECT action FROM audit_events WHERE entity_type = 'contract_milestone' AND entity_id = ? AND action = 'contracts.milestone.overdue'",
      [String(id)],
    )) as unknown[];
    expect(events).toHaveLength(1);
    // flagged: no longer a pending deadline for the reconciler
    const pending = await t.app.get(MilestoneClocks).sources()[1].pending();
    expect(pending.map((j) => j.payload)).not.toContainEqual({ milestoneId: id });
  });
});
