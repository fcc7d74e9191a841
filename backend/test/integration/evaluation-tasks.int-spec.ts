import { INestApplicationContext } from '@nestjs/common';

import { ContractEntity } from '../../src/modules/contracts/entities/contracts.entities';
import { ContractHooks } from '../../src/modules/contracts/services/contract-hooks';
import { drawKey, drawSample } from '../../src/modules/evaluation/domain/sampling';
import { finalTaskOpensAt, taskDueAt } from '../../src/modules/evaluation/domain/task-dates';
import { TASK_DUE_JOB, TaskClocks, taskDueJob } from '../../src/modules/evaluation/jobs/task-clocks';
import { FINAL_TASK_JOB, finalTaskJob, FinalTasks } from '../../src/modules/evaluation/services/final-tasks.service';
import type { DrawGroupRecord, DrawnRecord } from '../../src/modules/evaluation/services/sampling.service';
import { TemplateLookup } from '../../src/modules/evaluation/services/template-lookup';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import {
  activeContract,
  AGENCY_RENXIN,
  AGENCY_ZHONGPING,
  cityOfficer,
  freshEvaluator,
  openFinalTask,
  organisationId,
} from '../factories/evaluation-tasks.factory';
import { insertTemplate } from '../factories/evaluation.factory';
import { pollUntil } from '../support/poll';
import { bearer, createTestApp, createTestWorker, loseRedis, TestApp, userId } from '../support/test-app';

/**
 * Evaluation tasks on the real MariaDB and Redis (issue #11 item 2, "sampling reaches ≥ 30 % and is reproducible from
 * its seed; conflicted agencies and evaluators are excluded"): the final task made by its job once (and rebuilt by
 * the reconciler after Redis loses it), the mid-term draw per district from a seed anyone can re-run, assignment
 * without conflicts of interest (each reason), the task clocks, termination, and who sees what.
 */
describe('evaluation tasks: final tasks by job, sampling, assignment without conflicts, scope', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let officer: string;
  /** The template a project's tasks are made with: its catalogue item's default (seeded), else the newest active. */
  const defaultTemplate = async (projectId: number): Promise<number> =>
    (await t.app.get(TemplateLookup).defaultForProject(t.ds.manager, projectId)).id;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await bearer(t, 'officer');
    await insertTemplate(t, { code: `TK-${run}` });
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const tokens = new Map<string, string>();
  /** Each user signs in once (argon2 is slow on purpose). */
  const tok = async (user: string): Promise<string> => {
    const known = tokens.get(user);
    if (known) return known;
    const made = await bearer(t, user);
    tokens.set(user, made);
    return made;
  };
  const task = async (id: number) =>
    ((await t.ds.query('SELECT * FROM evaluation_tasks WHERE id = ?', [id])) as Array<Record<string, unknown>>)[0];
  const events = async (entityType: string, id: number | string, action: string) =>
    (await t.ds.query('SELECT after_json FROM audit_events WHERE entity_type = ? AND entity_id = ? AND action = ?', [
      entityType,
      String(id),
      action,
    ])) as Array<{ after_json: string }>;

  describe('the final task', () => {
    it('is created by its job once, one month before the term ends, and rebuilt by the reconciler after a Redis wipe', async () => {
      // the term ends in 10 days: the job's time (one month before) has passed
      const c = await activeContract(t, `终期任务作业 ${run}`, { termEndInDays: 10 });
      const [{ term_end: termEnd }] = (await t.ds.query(
        "SELECT DATE_FORMAT(term_end, '%Y-%m-%d') AS term_end FROM contracts WHERE id = ?",
        [c.contractId],
      )) as Array<{ term_end: string }>;
      const deadlines = t.app.get(Deadlines);
      // signing sets the job (ContractHooks.onSigned)
      await t.ds.transaction(async (em) => {
        const contract = await em.findOneByOrFail(ContractEntity, { id: c.contractId });
        await t.app.get(ContractHooks).signed(em, { contract, now: new Date() });
      });
      const job = finalTaskJob(c.contractId, termEnd);
      expect(job.runAt.getTime()).toBe(finalTaskOpensAt(termEnd).getTime());
      expect(await deadlines.queue(QUEUES.EVALUATION).getJob(job.jobId)).toBeDefined();

      // Redis loses it: the reconciler rebuilds it from the contract, once
      await loseRedis(t);
      expect(await deadlines.queue(QUEUES.EVALUATION).getJob(job.jobId)).toBeUndefined();
      const report = await deadlines.reconcile();
      expect(report.bySource[FINAL_TASK_JOB].restored).toBeGreaterThanOrEqual(1);
      expect(await deadlines.queue(QUEUES.EVALUATION).getJob(job.jobId)).toBeDefined();
      expect((await deadlines.reconcile()).bySource[FINAL_TASK_JOB].restored).toBe(0);

      // the worker runs it: one OPEN final task with the frozen template, due 30 days after the term ends
      worker = await createTestWorker();
      const rows = await pollUntil(
        async () =>
          (await t.ds.query('SELECT * FROM evaluation_tasks WHERE contract_id = ?', [c.contractId])) as Array<
            Record<string, unknown>
          >,
        (found) => found.length > 0,
      );
      expect(rows).toHaveLength(1);
      const made = rows[0];
      expect(made).toMatchObject({ kind: 'FINAL', status: 'OPEN', final_key: c.contractId, agency_id: null });
      expect(String(made.code)).toMatch(/^PG-\d{4}-\d{6}$/);
      expect((made.due_at as Date).toISOString()).toBe(taskDueAt(termEnd, 30).toISOString());
      const [tpl] = (await t.ds.query('SELECT frozen_at FROM evaluation_templates WHERE id = ?', [
        made.template_id,
      ])) as Array<{ frozen_at: Date | null }>;
      expect(tpl.frozen_at).not.toBeNull();
      expect(await events('evaluation_task', made.id as number, 'evaluation.task.created')).toHaveLength(1);
      // its clocks are set
      const due = taskDueJob({ id: made.id as number, dueAt: made.due_at as Date });
      expect(await deadlines.queue(QUEUES.EVALUATION).getJob(due.jobId)).toBeDefined();

      // twice: nothing; the officer's "create it now" answers the same task; no longer pending for the reconciler
      expect(await t.app.get(FinalTasks).finalTaskTick(c.contractId)).toEqual({ result: 'ALREADY_CREATED' });
      expect(await openFinalTask(t, c.contractId)).toBe(made.id);
      expect(await t.ds.query('SELECT id FROM evaluation_tasks WHERE contract_id = ?', [c.contractId])).toHaveLength(1);
      const pending = await t.app.get(FinalTasks).source().pending();
      expect(pending.map((j) => j.payload)).not.toContainEqual({ contractId: c.contractId });
      // the other tests call the ticks themselves
      await worker.close();
      worker = undefined;
    });

    it('is not created before its time: the job is delayed again', async () => {
      const c = await activeContract(t, `终期任务未到期 ${run}`, { termEndInDays: 200 });
      const tick = await t.app.get(FinalTasks).finalTaskTick(c.contractId);
      expect('dueInMs' in tick && tick.dueInMs).toBeGreaterThan(100 * 86_400_000);
      expect(await t.ds.query('SELECT id FROM evaluation_tasks WHERE contract_id = ?', [c.contractId])).toHaveLength(0);
    });

    it('is created at once by the officer (idempotent), and a terminated contract cancels its unfinished tasks', async () => {
      const c = await activeContract(t, `终期任务手工 ${run}`);
      const id = await openFinalTask(t, c.contractId);
      expect(await openFinalTask(t, c.contractId)).toBe(id);
      expect(await task(id)).toMatchObject({ status: 'OPEN', template_id: await defaultTemplate(c.projectId) });
      await t.ds.transaction(async (em) => {
        const contract = await em.findOneByOrFail(ContractEntity, { id: c.contractId });
        await t.app.get(ContractHooks).terminated(em, { contract, now: new Date(), kind: 'AGREEMENT' });
      });
      const cancelled = await task(id);
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.cancelled_at).not.toBeNull();
      expect(await events('evaluation_task', id, 'evaluation.task.cancelled')).toHaveLength(1);
    });

    it('flags an unfinished task overdue at its due time, once, and tells the evaluator and the officer', async () => {
      const c = await activeContract(t, `评估逾期 ${run}`);
      const id = await openFinalTask(t, c.contractId);
      const clocks = t.app.get(TaskClocks);
      const early = await clocks.dueTick(id);
      expect('dueInMs' in early && early.dueInMs).toBeGreaterThan(0);
      await assign(id, AGENCY_ZHONGPING, 'evaluator');
      await t.ds.query('UPDATE evaluation_tasks SET due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
      expect(await clocks.dueTick(id)).toEqual({ result: 'OVERDUE' });
      expect(await clocks.dueTick(id)).toEqual({ result: 'NOTHING_TO_DO' });
      expect((await task(id)).overdue_at).not.toBeNull();
      expect(await events('evaluation_task', id, 'evaluation.task.overdue')).toHaveLength(1);
      const told = (await t.ds.query(
        "SELECT user_id FROM notifications WHERE template = 'evaluation.tasks.overdue' AND params LIKE ?",
        [`%${String((await task(id)).code)}%`],
      )) as Array<{ user_id: number }>;
      expect(told.map((r) => r.user_id)).toEqual(
        expect.arrayContaining([await userId(t.ds, 'evaluator'), await userId(t.ds, 'officer')]),
      );
      // a flagged task is no longer a pending deadline
      const pending = await clocks.sources()[1].pending();
      expect(pending.map((j) => j.payload)).not.toContainEqual({ taskId: id });
      expect(clocks.sources()[1].kind).toBe(TASK_DUE_JOB);
    });
  });

  async function assign(taskId: number | number[], agency: string, evaluator: string, as = officer) {
    return t
      .http()
      .post('/api/v1/evaluation/tasks/assign')
      .set('Authorization', as)
      .send({
        taskIds: Array.isArray(taskId) ? taskId : [taskId],
        agencyId: await organisationId(t, agency),
        evaluatorId: await userId(t.ds, evaluator),
      });
  }

  describe('mid-term sampling', () => {
    it('draws at least 30 % in every district, from a seed anyone can re-run, and records it in the audit trail', async () => {
      const city = `Bearer ${await (async () => {
        await cityOfficer(t, `city_officer_${run}`);
        return (
          await t
            .http()
            .post('/api/v1/auth/login')
            .send({ username: `city_officer_${run}`, password: 'Diandan@2026' })
        ).body.accessToken as string;
      })()}`;
      // 玄武区: four active contracts and one only signed (not a candidate); 鼓楼区: three more of its own
      for (let i = 0; i < 4; i++) await activeContract(t, `玄武抽查 ${run} ${i}`, { region: '320102002001' });
      const signedOnly = await activeContract(t, `玄武已签未公告 ${run}`, { region: '320102002001', status: 'SIGNED' });
      for (let i = 0; i < 3; i++) await activeContract(t, `鼓楼抽查 ${run} ${i}`);

      const res = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', city)
        .send({ name: `全市中期抽查 ${run}` });
      expect(res.status).toBe(201);
      const batch = res.body as {
        id: number;
        seed: string;
        samplePercent: string;
        groups: Array<{
          regionName: string;
          candidates: Array<{ code: string }>;
          size: number;
          drawn: Array<{ code: string; taskId: number | null }>;
        }>;
      };
      expect(batch.seed).toMatch(/^[0-9a-f]{64}$/);
      expect(batch.samplePercent).toBe('30.00');
      const names = batch.groups.map((g) => g.regionName);
      expect(names).toEqual(expect.arrayContaining(['鼓楼区', '玄武区']));
      for (const g of batch.groups) {
        // ≥ 30 % of every district with a candidate, exactly ⌈n × 30 %⌉
        expect(g.drawn.length).toBe(Math.ceil((g.candidates.length * 3) / 10));
        expect(g.drawn.length * 10).toBeGreaterThanOrEqual(g.candidates.length * 3);
        expect(g.drawn.every((d) => d.taskId !== null)).toBe(true);
      }
      const all = batch.groups.flatMap((g) => g.candidates.map((c) => c.code));
      expect(all).not.toContain(signedOnly.code);

      // anyone re-runs it: the same draw from the stored seed and candidates, locally and by the endpoint
      const [row] = (await t.ds.query(
        'SELECT seed, sample_bp, candidates, drawn FROM evaluation_batches WHERE id = ?',
        [batch.id],
      )) as Array<{ seed: string; sample_bp: number; candidates: string; drawn: string }>;
      const groups = JSON.parse(row.candidates) as DrawGroupRecord[];
      const again = drawSample(
        row.seed,
        groups.map((g) => ({ regionId: g.regionId, candidates: g.candidates.map((c) => c.code) })),
        row.sample_bp,
      );
      expect(again.map((g) => ({ regionId: g.regionId, codes: g.drawn }))).toEqual(
        JSON.parse(row.drawn) as DrawnRecord[],
      );
      const first = groups[0].candidates
        .map((c) => c.code)
        .sort((a, b) => drawKey(row.seed, a).localeCompare(drawKey(row.seed, b)));
      expect((JSON.parse(row.drawn) as DrawnRecord[])[0].codes[0]).toBe(first[0]);
      const verify = await t.http().get(`/api/v1/evaluation/batches/${batch.id}/verify`).set('Authorization', city);
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ matches: true, auditMatches: true, tasksMatch: true, seed: row.seed });
      // the auditor of the city re-runs it too
      const audited = await t
        .http()
        .get(`/api/v1/evaluation/batches/${batch.id}/verify`)
        .set('Authorization', await tok('auditor'));
      expect(audited.body.matches).toBe(true);

      // the audit event holds the seed, the candidates and the result
      const [event] = await events('evaluation_batch', batch.id, 'evaluation.batch.drawn');
      const after = JSON.parse(event.after_json) as {
        seed: string;
        candidates: Array<{ codes: string[] }>;
        drawn: Array<{ codes: string[] }>;
      };
      expect(after.seed).toBe(row.seed);
      expect(after.candidates.flatMap((g) => g.codes).sort()).toEqual([...all].sort());
      expect(after.drawn.flatMap((g) => g.codes).sort()).toEqual(
        batch.groups.flatMap((g) => g.drawn.map((d) => d.code)).sort(),
      );

      // a tampered record no longer matches
      const tampered = JSON.parse(row.drawn) as DrawnRecord[];
      const other = groups.find(
        (g) => g.candidates.length > tampered.find((d) => d.regionId === g.regionId)!.codes.length,
      )!;
      const swapIn = other.candidates
        .map((c) => c.code)
        .find((code) => !tampered.flatMap((d) => d.codes).includes(code))!;
      tampered.find((d) => d.regionId === other.regionId)!.codes[0] = swapIn;
      await t.ds.query('UPDATE evaluation_batches SET drawn = ? WHERE id = ?', [JSON.stringify(tampered), batch.id]);
      const broken = await t.http().get(`/api/v1/evaluation/batches/${batch.id}/verify`).set('Authorization', city);
      expect(broken.body).toMatchObject({ matches: false, auditMatches: false, tasksMatch: false });
      await t.ds.query('UPDATE evaluation_batches SET drawn = ? WHERE id = ?', [row.drawn, batch.id]);

      // the drawn contracts are not candidates of the next batch; an officer may draw more, never less than 30 %
      const next = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', city)
        .send({ name: `第二批 ${run}`, samplePercent: '100' });
      expect(next.status).toBe(201);
      const drawnBefore = batch.groups.flatMap((g) => g.drawn.map((d) => d.code));
      const nextCandidates = (next.body as typeof batch).groups.flatMap((g) => g.candidates.map((c) => c.code));
      expect(nextCandidates.filter((code) => drawnBefore.includes(code))).toEqual([]);
      expect((next.body as typeof batch).groups.every((g) => g.drawn.length === g.candidates.length)).toBe(true);
      const tooFew = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', city)
        .send({ name: `太少 ${run}`, samplePercent: '29.99' });
      expect(tooFew.status).toBe(422);
      expect(tooFew.body.code).toBe('EVALUATION_BATCH_INVALID');
      // nothing left to draw
      const empty = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', city)
        .send({ name: `再抽 ${run}` });
      expect(empty.status).toBe(422);
    });

    it('draws only in the officer’s subtree, and another district’s officer cannot see the batch', async () => {
      await activeContract(t, `鼓楼区内抽查 ${run}`);
      const res = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', officer)
        .send({ name: `鼓楼区抽查 ${run}` });
      expect(res.status).toBe(201);
      expect((res.body as { groups: Array<{ regionName: string }> }).groups.map((g) => g.regionName)).toEqual([
        '鼓楼区',
      ]);
      const xw = await tok('xw_officer');
      const seen = await t.http().get(`/api/v1/evaluation/batches/${res.body.id}`).set('Authorization', xw);
      const missing = await t.http().get('/api/v1/evaluation/batches/2147483000').set('Authorization', xw);
      expect(seen.status).toBe(404);
      expect(seen.body.code).toBe(missing.body.code);
      const gulou = (await t.ds.query("SELECT id FROM regions WHERE code = '320106000000'")) as Array<{ id: number }>;
      const foreign = await t
        .http()
        .post('/api/v1/evaluation/batches')
        .set('Authorization', xw)
        .send({ name: `越权 ${run}`, regionId: gulou[0].id });
      expect(foreign.status).toBe(422);
    });
  });

  describe('assignment without conflicts of interest', () => {
    it('lists every agency and evaluator, excluding each conflict with its reason', async () => {
      const c = await activeContract(t, `分派冲突 ${run}`);
      const id = await openFinalTask(t, c.contractId);
      const declared = await freshEvaluator(t, `ev_decl_${run}`, AGENCY_RENXIN);
      const employed = await freshEvaluator(t, `ev_emp_${run}`, AGENCY_RENXIN);
      const sunshine = await organisationId(t, '南京市鼓楼区阳光养老服务中心');
      const declare = async (user: string, body: object) =>
        t
          .http()
          .post('/api/v1/my/evaluator/affiliations')
          .set('Authorization', await tok(user))
          .send(body);
      expect(
        (await declare(`ev_decl_${run}`, { organisationId: sunshine, kind: 'DECLARED', note: '亲属在该机构任职' }))
          .status,
      ).toBe(201);
      expect(
        (await declare(`ev_emp_${run}`, { organisationId: sunshine, kind: 'EMPLOYMENT', startedOn: '2026-01-01' }))
          .status,
      ).toBe(201);
      const mine = await t
        .http()
        .get('/api/v1/my/evaluator/affiliations')
        .set('Authorization', await tok(`ev_decl_${run}`));
      expect(mine.body).toEqual([
        expect.objectContaining({ organisationName: '南京市鼓楼区阳光养老服务中心', kind: 'DECLARED' }),
      ]);

      const res = await t.http().get(`/api/v1/evaluation/tasks/${id}/assignees`).set('Authorization', officer);
      expect(res.status).toBe(200);
      type Person = {
        id: number;
        eligible: boolean;
        conflict: { code: string; endedOn: string | null; reason: string } | null;
      };
      const agencies = res.body.agencies as Array<{ name: string; eligible: boolean; evaluators: Person[] }>;
      const person = (uid: number) => agencies.flatMap((a) => a.evaluators).find((e) => e.id === uid) as Person;
      expect(person(await userId(t.ds, 'evaluator'))).toMatchObject({ eligible: true, conflict: null });
      expect(person(await userId(t.ds, 'evaluator2'))).toMatchObject({ eligible: true });
      expect(person(await userId(t.ds, 'evaluator3'))).toMatchObject({
        eligible: false,
        conflict: { code: 'PAST_EMPLOYMENT', endedOn: '2025-03-31' },
      });
      expect(person(await userId(t.ds, 'evaluator3')).conflict?.reason).toContain('阳光养老');
      expect(person(declared)).toMatchObject({ eligible: false, conflict: { code: 'DECLARED_RELATIONSHIP' } });
      expect(person(employed)).toMatchObject({ eligible: false, conflict: { code: 'CURRENT_EMPLOYMENT' } });
      expect(agencies.every((a) => a.eligible)).toBe(true);

      // assigning a conflicted evaluator is refused and changes nothing
      const refused = await assign(id, AGENCY_RENXIN, 'evaluator3');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('EVALUATION_CONFLICT_OF_INTEREST');
      expect(refused.body.conflicts).toEqual([expect.objectContaining({ taskId: id, code: 'PAST_EMPLOYMENT' })]);
      expect(await task(id)).toMatchObject({ status: 'OPEN', agency_id: null, evaluator_id: null });
      expect((await assign(id, AGENCY_RENXIN, `ev_decl_${run}`)).body.conflicts[0].code).toBe('DECLARED_RELATIONSHIP');
      expect((await assign(id, AGENCY_RENXIN, `ev_emp_${run}`)).body.conflicts[0].code).toBe('CURRENT_EMPLOYMENT');
      // an evaluator of another agency than the one named is refused as such
      expect((await assign(id, AGENCY_ZHONGPING, 'evaluator2')).status).toBe(422);
    });

    it('excludes the provider itself as the agency', async () => {
      const c = await activeContract(t, `机构自评 ${run}`);
      const renxin = await organisationId(t, AGENCY_RENXIN);
      // a contract held by the agency itself (an agency may also deliver services)
      await t.ds.query('UPDATE contracts SET organisation_id = ? WHERE id = ?', [renxin, c.contractId]);
      const id = await openFinalTask(t, c.contractId);
      const res = await t.http().get(`/api/v1/evaluation/tasks/${id}/assignees`).set('Authorization', officer);
      const agency = (
        res.body.agencies as Array<{
          id: number;
          eligible: boolean;
          conflict: { code: string } | null;
          evaluators: Array<{ eligible: boolean }>;
        }>
      ).find((a) => a.id === renxin);
      expect(agency).toMatchObject({ eligible: false, conflict: { code: 'AGENCY_IS_PROVIDER' } });
      expect(agency?.evaluators.every((e) => !e.eligible)).toBe(true);
      const refused = await assign(id, AGENCY_RENXIN, 'evaluator2');
      expect(refused.status).toBe(422);
      expect(refused.body.conflicts[0].code).toBe('AGENCY_IS_PROVIDER');
    });

    it('assigns many tasks at once, reassigns an ASSIGNED one (audited), never a started one', async () => {
      const ids = [
        await openFinalTask(t, (await activeContract(t, `批量分派一 ${run}`)).contractId),
        await openFinalTask(t, (await activeContract(t, `批量分派二 ${run}`)).contractId),
      ];
      const res = await assign(ids, AGENCY_ZHONGPING, 'evaluator');
      expect(res.status).toBe(200);
      expect((res.body as Array<{ status: string; evaluatorName: string }>).map((x) => x.status)).toEqual([
        'ASSIGNED',
        'ASSIGNED',
      ]);
      const evaluatorId = await userId(t.ds, 'evaluator');
      for (const id of ids) {
        expect(await task(id)).toMatchObject({ status: 'ASSIGNED', evaluator_id: evaluatorId });
        expect(await events('evaluation_task', id, 'evaluation.task.assigned')).toHaveLength(1);
      }
      const [note] = (await t.ds.query(
        "SELECT params FROM notifications WHERE user_id = ? AND template = 'evaluation.tasks.assigned' ORDER BY id DESC LIMIT 1",
        [evaluatorId],
      )) as Array<{ params: string }>;
      expect(JSON.parse(note.params)).toMatchObject({ agencyName: AGENCY_ZHONGPING });

      const again = await assign(ids[0], AGENCY_RENXIN, 'evaluator2');
      expect(again.status).toBe(200);
      expect(await task(ids[0])).toMatchObject({ status: 'ASSIGNED', evaluator_id: await userId(t.ds, 'evaluator2') });
      const [moved] = (await t.ds.query(
        "SELECT before_json, after_json FROM audit_events WHERE entity_type = 'evaluation_task' AND entity_id = ? AND action = 'evaluation.task.reassigned'",
        [String(ids[0])],
      )) as Array<{ before_json: string; after_json: string }>;
      expect(JSON.parse(moved.before_json)).toMatchObject({ evaluatorId });
      const withdrawn = (await t.ds.query(
        "SELECT id FROM notifications WHERE user_id = ? AND template = 'evaluation.tasks.withdrawn'",
        [evaluatorId],
      )) as unknown[];
      expect(withdrawn.length).toBeGreaterThanOrEqual(1);

      await t.ds.query(
        "UPDATE evaluation_tasks SET status = 'IN_PROGRESS', started_at = UTC_TIMESTAMP(3) WHERE id = ?",
        [ids[1]],
      );
      const started = await assign(ids[1], AGENCY_RENXIN, 'evaluator2');
      expect(started.status).toBe(409);
      expect(started.body.code).toBe('EVALUATION_TASK_ILLEGAL_TRANSITION');
    });
  });

  describe('who sees a task', () => {
    it('staff of the district and the assigned evaluator; another district’s officer gets 404; the organisation nothing before CONFIRMED', async () => {
      const c = await activeContract(t, `可见范围 ${run}`);
      const id = await openFinalTask(t, c.contractId);
      expect((await assign(id, AGENCY_ZHONGPING, 'evaluator')).status).toBe(200);
      const get = async (user: string) =>
        t
          .http()
          .get(`/api/v1/evaluation/tasks/${id}`)
          .set('Authorization', await tok(user));
      const listed = async (user: string) =>
        (
          (
            await t
              .http()
              .get(`/api/v1/evaluation/tasks?q=${encodeURIComponent(`可见范围 ${run}`)}&pageSize=100`)
              .set('Authorization', await tok(user))
          ).body.items as Array<{ id: number }>
        ).some((x) => x.id === id);

      for (const user of ['officer', 'finance', 'auditor', 'evaluator']) {
        expect((await get(user)).status).toBe(200);
        expect(await listed(user)).toBe(true);
      }
      const detail = (await get('officer')).body;
      expect(detail).toMatchObject({
        view: 'STAFF',
        contractId: c.contractId,
        organisationName: '南京市鼓楼区阳光养老服务中心',
        agencyName: AGENCY_ZHONGPING,
        template: { id: await defaultTemplate(c.projectId), version: 1 },
        actions: { reassign: true, assign: false },
      });
      expect((await get('evaluator')).body).toMatchObject({
        view: 'EVALUATOR',
        actions: { start: true, reassign: false },
      });

      const missing = await t
        .http()
        .get('/api/v1/evaluation/tasks/2147483000')
        .set('Authorization', await tok('xw_officer'));
      for (const user of ['xw_officer', 'xw_finance', 'evaluator2', 'orgmember', 'orgmember2']) {
        const res = await get(user);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe(missing.body.code);
        expect(await listed(user)).toBe(false);
      }

      // confirmed: the organisation sees its result, without the evaluator's identity
      await t.ds.query(
        "UPDATE evaluation_tasks SET status = 'CONFIRMED', total_score = 84.16, total_exact = '8416/100', grade = 'GOOD', submitted_at = UTC_TIMESTAMP(3), confirmed_at = UTC_TIMESTAMP(3), objection_due_at = UTC_TIMESTAMP(3) + INTERVAL 7 DAY WHERE id = ?",
        [id],
      );
      const seen = await get('orgmember');
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        view: 'ORGANISATION',
        evaluatorId: null,
        evaluatorName: null,
        totalScore: '84.16',
        grade: 'GOOD',
        actions: { object: true },
      });
      expect(await listed('orgmember')).toBe(true);
      expect((await get('orgmember2')).status).toBe(404);
    });
  });
});
