import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { Response } from 'supertest';

import { PHOTO_PNG } from '../factories/contracts-milestones.factory';
import { assignedFinalTask, TaskFixture } from '../factories/evaluation.factory';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/** Binary responses (files, reports) as Buffers. */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

const DAY = 86_400_000;

/**
 * Scoring an evaluation over HTTP on the real MariaDB/Redis (issue #11 items 3 and 7): the oracle of the issue end to
 * end — the contract's own data gives 432 of 480 beneficiaries (an accepted report's largest activity), 3 of 4
 * milestones accepted on time, 186 of 212 residents satisfied; the evaluator scores the manual leaves 5, 4, 4, 9, 12,
 * 8, 8 with a photo as evidence, submits, and the task stores 84.16 (exact 84.160377…), 良好. Then the refusals: an
 * override without a reason, a score above the points, a task of another evaluator (404), a ".jpg" that is text; and
 * the report as a PDF and a workbook that opens.
 */
describe('evaluation scoring (HTTP)', () => {
  let t: TestApp;
  let evaluator: string;
  let officer: string;
  let orgmember: string;
  let xwOfficer: string;
  let orgmember2: string;
  let task: TaskFixture;
  let base: string;

  const put = (leaf: string, body: object, who = evaluator) =>
    t.http().put(`${base}/scores/${leaf}`).set('Authorization', who).send(body);

  /** Copies a demo user under a new name (same password, organisation, region) with the given roles. */
  async function copyUser(from: string, username: string, roles: string[]): Promise<number> {
    const [o] = (await t.ds.query('SELECT * FROM users WHERE username = ?', [from])) as Array<Record<string, unknown>>;
    delete o.id;
    for (const [k, v] of Object.entries({ username, display_name: username, phone: null, email: null }))
      if (k in o) o[k] = v;
    const cols = Object.keys(o);
    const ins = (await t.ds.query(
      `INSERT INTO users (${cols.map((c) => `\`${c}\``).join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
      cols.map((c) => o[c]),
    )) as { insertId: number };
    for (const role of roles)
      await t.ds.query('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [ins.insertId, role]);
    return ins.insertId;
  }

  /**
   * The contract's data of the oracle: the plan expects 480 beneficiaries; four milestones, three accepted by their due
   * time and one a day late, each with its accepted report (the largest activity: 432 participants); a survey with 212
   * answers, 186 of them 满意 or 非常满意 (12 taken by a community worker).
   */
  async function oracleData(f: TaskFixture): Promise<void> {
    await t.ds.query("UPDATE projects SET plan = JSON_SET(plan, '$.beneficiaries', 480) WHERE id = ?", [f.projectId]);
    const member = await userId(t.ds, 'orgmember');
    const officerId = await userId(t.ds, 'officer');
    const participants = [120, 432, 300, 280];
    for (const [i, id] of f.milestoneIds.entries()) {
      const late = i === 3;
      await t.ds.query(
        `UPDATE contract_milestones SET status = 'ACCEPTED', submitted_at = due_at - INTERVAL 3 DAY,
           accepted_at = due_at ${late ? '+ INTERVAL 1 DAY' : '- INTERVAL 1 DAY'}, accepted_by = ? WHERE id = ?`,
        [officerId, id],
      );
      const [m] = (await t.ds.query('SELECT due_date, accepted_at FROM contract_milestones WHERE id = ?', [
        id,
      ])) as Array<{
        due_date: string;
        accepted_at: Date;
      }>;
      await t.ds.query(
        `INSERT INTO contract_milestone_reports (contract_id, milestone_id, version, status, summary, activities, service_hours,
           outputs, submitted_by, submitted_at, decided_by, decided_at)
         VALUES (?, ?, 1, 'ACCEPTED', '阶段服务完成', ?, '[]', '[]', ?, ?, ?, ?)`,
        [
          f.contractId,
          id,
          JSON.stringify([
            {
              date: String(m.due_date).slice(0, 10),
              place: '山西路社区助餐点',
              content: '老年助餐',
              participants: participants[i],
            },
            { date: String(m.due_date).slice(0, 10), place: '山西路社区', content: '送餐上门', participants: 45 },
          ]),
          member,
          new Date(m.accepted_at.getTime() - DAY),
          officerId,
          m.accepted_at,
        ],
      );
    }
    const [c] = (await t.ds.query('SELECT region_id, region_path FROM contracts WHERE id = ?', [
      f.contractId,
    ])) as Array<{
      region_id: number;
      region_path: string;
    }>;
    const survey = (await t.ds.query(
      `INSERT INTO evaluation_surveys (project_id, contract_id, region_id, region_path, status, token, questions, opened_at,
         closes_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'OPEN', ?, '[]', UTC_TIMESTAMP(3) - INTERVAL 10 DAY, UTC_TIMESTAMP(3) + INTERVAL 10 DAY, ?,
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [f.projectId, f.contractId, c.region_id, c.region_path, `${f.contractId}`.padStart(32, 'e'), officerId],
    )) as { insertId: number };
    const [r] = (await t.ds.query("SELECT * FROM users WHERE username = 'resident'")) as Array<Record<string, unknown>>;
    delete r.id;
    const cols = Object.keys(r);
    const rows: unknown[][] = [];
    for (let i = 0; i < 212; i++)
      rows.push(
        cols.map((k) => (k === 'username' ? `sv${f.contractId}_${i}` : k === 'phone' || k === 'email' ? null : r[k])),
      );
    const ins = (await t.ds.query(
      `INSERT INTO users (${cols.map((k) => `\`${k}\``).join(',')}) VALUES ${rows.map(() => `(${cols.map(() => '?').join(',')})`).join(',')}`,
      rows.flat(),
    )) as { insertId: number };
    const worker = await userId(t.ds, 'worker');
    const answers: unknown[][] = [];
    for (let i = 0; i < 212; i++) {
      const overall = i < 186 ? (i % 2 === 0 ? 5 : 4) : i % 2 === 0 ? 3 : 2;
      const proxy = i % 18 === 0 && answers.filter((a) => a[2] === 'PROXY').length < 12;
      answers.push([
        survey.insertId,
        ins.insertId + i,
        proxy ? 'PROXY' : 'SELF',
        proxy ? worker : null,
        overall,
        `[${overall}]`,
      ]);
    }
    await t.ds.query(
      `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, proxy_by, overall, answers, created_at, updated_at)
       VALUES ${answers.map(() => '(?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))').join(',')}`,
      answers.flat(),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    [evaluator, officer, orgmember, xwOfficer, orgmember2] = await Promise.all(
      ['evaluator', 'officer', 'orgmember', 'xw_officer', 'orgmember2'].map((u) => bearer(t, u)),
    );
    task = await assignedFinalTask(t, '验单评分测试合同', {
      milestones: [
        { dueInDays: -50, shareBp: 2500 },
        { dueInDays: -40, shareBp: 2500 },
        { dueInDays: -30, shareBp: 2500 },
        { dueInDays: -20, shareBp: 2500 },
      ],
    });
    base = `/api/v1/evaluation/tasks/${task.taskId}`;
    await oracleData(task);
  }, 120_000);
  afterAll(() => t.close());

  it('shows the scoresheet: the tree with guides, the computed leaves filled from the contract’s own data', async () => {
    const res = await t.http().get(`${base}/scoresheet`).set('Authorization', evaluator).expect(200);
    const s = res.body;
    expect(s).toMatchObject({ viewer: 'EVALUATOR', canScore: true, task: { status: 'ASSIGNED' } });
    const flat = (nodes: Array<Record<string, unknown>>): Array<Record<string, unknown>> =>
      nodes.flatMap((n) => [n, ...flat(n.children as Array<Record<string, unknown>>)]);
    const by = Object.fromEntries(flat(s.nodes).map((n) => [n.key, n]));
    expect(by.D1).toMatchObject({ leaf: true, kind: 'MANUAL', points: '5', guide: expect.any(Array), score: null });
    expect(by.O1).toMatchObject({
      source: 'COMPUTED',
      score: { rounded: '13.50', exact: '27/2' },
      measure: { actual: '432', planned: '480', ratePercent: '90.00', basis: 'LARGEST_ACTIVITY' },
    });
    expect(by.O3).toMatchObject({ score: { rounded: '7.50' }, measure: { actual: '3', planned: '4' } });
    expect(by.E2).toMatchObject({
      score: { rounded: '13.16', exact: '1395/106' },
      measure: { actual: '186', planned: '212', ratePercent: '87.74' },
    });
    expect(s.survey).toMatchObject({ answers: 212, satisfied: 186, proxied: 12, insufficient: false });
    expect(s.total).toMatchObject({ rounded: '34.16', complete: false, leaves: 10, scored: 3 });
    expect(s.open.map((l: { key: string }) => l.key)).toEqual(['D1', 'D2', 'D3', 'P1', 'P2', 'O2', 'E1']);
  });

  it('refuses an override without a reason and a score above the points (422); the task stays ASSIGNED', async () => {
    const o = await put('O1', { score: '14' }).expect(422);
    expect(o.body).toMatchObject({ code: 'EVALUATION_SCORE_INVALID', problem: 'REASON_REQUIRED' });
    const above = await put('D1', { score: '5.01' }).expect(422);
    expect(above.body).toMatchObject({ code: 'EVALUATION_SCORE_INVALID', problem: 'SCORE_ABOVE_POINTS' });
    await put('D1', { score: '4.999' }).expect(400);
    await put('NOPE', { score: '1' }).expect(404);
    const [row] = (await t.ds.query('SELECT status FROM evaluation_tasks WHERE id = ?', [task.taskId])) as Array<{
      status: string;
    }>;
    expect(row.status).toBe('ASSIGNED');
  });

  it('answers 404 to an evaluator the task is not assigned to, and to staff and organisations outside it', async () => {
    await copyUser('evaluator', 'evaluator_b', ['EVALUATOR']);
    const other = await bearer(t, 'evaluator_b');
    const missing = await t.http().get('/api/v1/evaluation/tasks/2147483000/scoresheet').set('Authorization', other);
    for (const who of [other, xwOfficer, orgmember2, orgmember]) {
      const res = await t.http().get(`${base}/scoresheet`).set('Authorization', who).expect(404);
      expect(res.body.code).toBe(missing.body.code);
    }
    await put('D1', { score: '5' }, other).expect(404);
    await t.http().post(`${base}/submit`).set('Authorization', other).send({ summary: '越权提交' }).expect(404);
    // the officer of the task's region reads it, read-only
    const s = await t.http().get(`${base}/scoresheet`).set('Authorization', officer).expect(200);
    expect(s.body).toMatchObject({ viewer: 'STAFF', canScore: false });
  });

  it('types a photo by its content: a ".jpg" that is text is refused; a real photo is hashed, thumbnailed, timed', async () => {
    const text = Buffer.from('这不是一张照片，只是一段文字。');
    const bad = await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', evaluator)
      .send({
        kind: 'PHOTO',
        leafKeys: ['O2'],
        fileName: '现场.jpg',
        contentBase64: text.toString('base64'),
        takenAt: new Date(Date.now() - 3600_000).toISOString(),
        place: '山西路社区助餐点',
      })
      .expect(422);
    expect(bad.body.code).toBe('EVALUATION_EVIDENCE_INVALID');
    const missingPlace = await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', evaluator)
      .send({ kind: 'PHOTO', leafKeys: ['O2'], fileName: 'a.png', contentBase64: PHOTO_PNG.toString('base64') })
      .expect(422);
    expect(missingPlace.body.code).toBe('EVALUATION_EVIDENCE_INVALID');

    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7fa35c' } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2026:11:20 10:15:00' } } as never)
      .toBuffer();
    const photo = await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', evaluator)
      .send({
        kind: 'PHOTO',
        leafKeys: ['O2', 'E1'],
        fileName: '助餐点现场.jpg',
        contentBase64: jpeg.toString('base64'),
        takenAt: '2026-11-20T10:20:00+08:00',
        place: '山西路社区助餐点',
      })
      .expect(201);
    expect(photo.body).toMatchObject({
      kind: 'PHOTO',
      leafKeys: ['O2', 'E1'],
      mime: 'image/jpeg',
      hasThumbnail: true,
      takenAt: '2026-11-20T02:20:00.000Z',
      exifTakenAt: '2026-11-20T02:15:00.000Z',
      place: '山西路社区助餐点',
    });
    expect(photo.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const thumb = await t
      .http()
      .get(`${base}/evidence/${photo.body.id}/thumbnail`)
      .set('Authorization', officer)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBeLessThanOrEqual(320);
    // adding evidence started the task
    const [row] = (await t.ds.query('SELECT status FROM evaluation_tasks WHERE id = ?', [task.taskId])) as Array<{
      status: string;
    }>;
    expect(row.status).toBe('IN_PROGRESS');

    const interview = await t
      .http()
      .post(`${base}/interviews`)
      .set('Authorization', evaluator)
      .send({
        leafKeys: ['E1'],
        interviewee: '王阿姨（服务对象）',
        interviewedAt: '2026-11-20T10:40:00+08:00',
        summary: '每周送餐五次，饭菜软烂适口。',
      })
      .expect(201);
    expect(interview.body).toMatchObject({ kind: 'INTERVIEW', interviewee: '王阿姨（服务对象）' });
    // a piece of evidence added by mistake is deleted before submission
    const doc = await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', evaluator)
      .send({ kind: 'DOCUMENT', leafKeys: ['P1'], fileName: '台账.png', contentBase64: PHOTO_PNG.toString('base64') })
      .expect(201);
    await t.http().delete(`${base}/evidence/${doc.body.id}`).set('Authorization', evaluator).expect(204);
    const list = await t.http().get(`${base}/evidence`).set('Authorization', evaluator).expect(200);
    expect(list.body.map((e: { kind: string }) => e.kind)).toEqual(['PHOTO', 'INTERVIEW']);
  });

  it('the oracle: manual scores 5, 4, 4, 9, 12, 8, 8 → submit → 84.16 (exact 84.160377…), 良好', async () => {
    const incomplete = await t
      .http()
      .post(`${base}/submit`)
      .set('Authorization', evaluator)
      .send({ summary: '尚未评完' })
      .expect(422);
    expect(incomplete.body.code).toBe('EVALUATION_SCORES_INCOMPLETE');
    expect(incomplete.body.leaves.map((l: { key: string }) => l.key)).toEqual([
      'D1',
      'D2',
      'D3',
      'P1',
      'P2',
      'O2',
      'E1',
    ]);

    for (const [leaf, score] of [
      ['D1', '5'],
      ['D2', '4'],
      ['D3', '4'],
      ['P1', '9'],
      ['P2', '12'],
      ['O2', '8'],
      ['E1', '8'],
    ])
      await put(leaf, { score, note: `${leaf} 现场核查` }).expect(200);
    // confirming a computed value as it is is no override (no reason needed)
    const same = await put('O1', { score: '13.5' }).expect(200);
    expect(same.body.total).toMatchObject({ rounded: '84.16', complete: true, grade: 'GOOD' });

    const res = await t
      .http()
      .post(`${base}/submit`)
      .set('Authorization', evaluator)
      .send({ summary: '项目按合同完成，服务对象满意度较高；建议加强台账管理。' })
      .expect(200);
    expect(res.body.task).toMatchObject({ status: 'SUBMITTED', totalScore: '84.16', grade: 'GOOD' });
    const [row] = (await t.ds.query(
      'SELECT status, total_score, total_exact, grade, summary FROM evaluation_tasks WHERE id = ?',
      [task.taskId],
    )) as Array<{ status: string; total_score: string; total_exact: string; grade: string; summary: string }>;
    expect(row).toMatchObject({ status: 'SUBMITTED', total_score: '84.16', grade: 'GOOD' });
    const [n, d] = row.total_exact.split('/').map(BigInt);
    expect(((n * 1_000_000n) / d).toString()).toBe('84160377');
    const scores = (await t.ds.query(
      'SELECT leaf_key, score_exact, source, measure_actual, measure_planned FROM evaluation_scores WHERE task_id = ? ORDER BY leaf_key',
      [task.taskId],
    )) as Array<Record<string, string | null>>;
    const by = Object.fromEntries(scores.map((s) => [s.leaf_key, s]));
    expect(by.O1).toMatchObject({
      score_exact: '27/2',
      source: 'COMPUTED',
      measure_actual: '432.0000',
      measure_planned: '480.0000',
    });
    expect(by.O3).toMatchObject({ score_exact: '15/2', source: 'COMPUTED', measure_actual: '3.0000' });
    expect(by.E2).toMatchObject({ score_exact: '1395/106', source: 'COMPUTED', measure_planned: '212.0000' });
    expect(by.D2).toMatchObject({ score_exact: '4/1', source: 'MANUAL' });
    // the survey closed with the final task; the officers were told; all of it audited
    const [survey] = (await t.ds.query('SELECT status FROM evaluation_surveys WHERE project_id = ?', [
      task.projectId,
    ])) as Array<{ status: string }>;
    expect(survey.status).toBe('CLOSED');
    const inbox = (await t.ds.query(
      "SELECT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.template = 'evaluation.scoring.submitted' AND u.username = 'officer'",
    )) as unknown[];
    expect(inbox.length).toBeGreaterThan(0);
    const actions = (
      (await t.ds.query(
        "SELECT action FROM audit_events WHERE entity_type = 'evaluation_task' AND entity_id = ? ORDER BY seq",
        [String(task.taskId)],
      )) as Array<{ action: string }>
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'evaluation.task.started',
        'evaluation.evidence.added',
        'evaluation.evidence.deleted',
        'evaluation.score.saved',
        'evaluation.task.submitted',
      ]),
    );
    // read-only from now on
    await put('D1', { score: '4' }).expect(409);
    await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', evaluator)
      .send({ kind: 'DOCUMENT', leafKeys: ['P1'], fileName: '台账.png', contentBase64: PHOTO_PNG.toString('base64') })
      .expect(409);
    const after = await t.http().get(`${base}/scoresheet`).set('Authorization', evaluator).expect(200);
    expect(after.body).toMatchObject({ canScore: false, total: { rounded: '84.16', grade: 'GOOD' } });
  });

  it('writes the report as a PDF and a workbook that opens; the organisation reads it once confirmed', async () => {
    const pdf = await t
      .http()
      .get(`${base}/report.pdf`)
      .set('Authorization', officer)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const xlsx = await t
      .http()
      .get(`${base}/report.xlsx`)
      .set('Authorization', evaluator)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '指标得分', '佐证材料', '满意度调查']);
    const scores = wb.getWorksheet('指标得分')!;
    const rows = scores.getSheetValues().filter(Boolean) as unknown[][];
    const o1 = rows.find((r) => r[2] === 'O1')!;
    expect(o1.slice(4, 9)).toEqual(['服务对象覆盖率', '15', '13.50', '27/2', '系统计算']);
    const total = rows.find((r) => r[4] === '合计')!;
    expect(total.slice(6, 9)).toEqual(['84.16', expect.stringMatching(/^\d+\/\d+$/), '良好']);
    const evidence = wb.getWorksheet('佐证材料')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(evidence.slice(1).map((r) => r[2])).toEqual(['现场照片', '访谈记录']);
    expect(String(evidence[1][5])).toMatch(/^[0-9a-f]{64}$/);
    expect(evidence[1][6]).toBe('2026-11-20 10:20');
    const survey = wb.getWorksheet('满意度调查')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(survey.slice(1, 4).map((r) => r[2])).toEqual([212, 186, '87.74']);

    // the organisation: nothing before confirmation, then the report without whom the evaluator interviewed
    await t.http().get(`${base}/report.pdf`).set('Authorization', orgmember).expect(404);
    await t.ds.query("UPDATE evaluation_tasks SET status = 'CONFIRMED', confirmed_at = UTC_TIMESTAMP(3) WHERE id = ?", [
      task.taskId,
    ]);
    const seen = await t.http().get(`${base}/scoresheet`).set('Authorization', orgmember).expect(200);
    expect(seen.body.viewer).toBe('ORGANISATION');
    expect(seen.body.evidence.find((e: { kind: string }) => e.kind === 'INTERVIEW').interviewee).toBeNull();
    await t.http().get(`${base}/report.xlsx`).set('Authorization', orgmember).expect(200);
    await t.http().get(`${base}/report.pdf`).set('Authorization', orgmember2).expect(404);
  });
});
