import { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { encodePng } from '../backend/src/modules/contracts/domain/evidence-files';
import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/**
 * 验单评分 on a tablet (issue #11 items 3 and 8): the evaluator opens a task's scoring page on a tablet (820×1180),
 * taps a guide level, types scores and sees the live exact total and grade move, is refused a score without a reason
 * on a computed leaf that has too little data (no survey yet), takes a photo with its place as evidence, submits with
 * the overall assessment, and the page turns read-only with the stored result. The task is inserted as assignment
 * leaves it (assignment is another part of the issue). Screenshots: docs/screenshots/evaluation-scoring-*.png.
 */
const TABLET = { width: 820, height: 1180 };

const guide = (points: string, fair: string) => [
  { label: '好', from: points, to: points, description: '完全达到要求，资料齐全' },
  { label: '较好', from: fair, to: points, description: '基本达到要求' },
  { label: '一般', from: '0', to: fair, description: '部分达到要求' },
];

describe('验单: an evaluator scores a task on a tablet (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];
  let taskId = 0;

  async function open(username: string): Promise<Page> {
    const { context, page } = await newPage(browser, TABLET);
    contexts.push(context);
    await signIn(page, username);
    return page;
  }

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
    const [[t]] = await db.query<RowDataPacket[]>(
      `SELECT t.id, t.project_id, p.region_id, p.region_path, p.budget_line_id FROM tenders t
       JOIN projects p ON p.id = t.project_id LEFT JOIN contracts c ON c.tender_id = t.id
       WHERE c.id IS NULL AND p.region_path LIKE (SELECT CONCAT(path, '%') FROM regions WHERE code = '320106000000')
       ORDER BY t.id LIMIT 1`,
    );
    const [[people]] = await db.query<RowDataPacket[]>(
      `SELECT (SELECT id FROM users WHERE username = 'officer') AS officer,
              (SELECT id FROM users WHERE username = 'orgmember') AS member,
              (SELECT organisation_id FROM users WHERE username = 'orgmember') AS org,
              (SELECT id FROM users WHERE username = 'evaluator') AS evaluator,
              (SELECT organisation_id FROM users WHERE username = 'evaluator') AS agency`,
    );
    const [c] = await db.query<ResultSetHeader>(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at,
         supplier_signed_by, supplier_signed_at, frozen_content, content_sha256, signed_at, created_at, updated_at)
       VALUES (CONCAT('HT-EV-', FLOOR(RAND() * 1000000)), ?, ?, UUID(), ?, ?, ?, ?, '山西路社区老年助餐服务合同', 'ACTIVE', 1000000, 0, '{}',
         CURDATE() - INTERVAL 300 DAY, CURDATE() + INTERVAL 30 DAY, 12, 30, 0, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
         ?, UTC_TIMESTAMP(3), ?, UTC_TIMESTAMP(3), '{}', REPEAT('0', 64), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [t.project_id, t.id, t.region_id, t.region_path, t.budget_line_id, people.org, people.officer, people.member],
    );
    await db.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final,
         status, created_at, updated_at)
       VALUES (?, 1, '全年助餐服务', '服务记录、签到表、照片', CURDATE() + INTERVAL 20 DAY, TIMESTAMP(CURDATE() + INTERVAL 20 DAY, '16:00:00'),
         10000, 1000000, 1, 'PENDING', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [c.insertId],
    );
    const tree = {
      total: '100',
      nodes: [
        {
          key: 'D',
          name: '决策',
          points: '15',
          children: [
            {
              key: 'D1',
              name: '项目立项',
              points: '5',
              kind: 'MANUAL',
              guide: guide('5', '3'),
              evidenceHint: '立项批复、需求调研',
            },
            { key: 'D2', name: '绩效目标', points: '5', kind: 'MANUAL', guide: guide('5', '3') },
            { key: 'D3', name: '资金投入', points: '5', kind: 'MANUAL', guide: guide('5', '3') },
          ],
        },
        {
          key: 'P',
          name: '过程与产出',
          points: '60',
          children: [{ key: 'P1', name: '服务实施', points: '60', kind: 'MANUAL', guide: guide('60', '45') }],
        },
        {
          key: 'E',
          name: '效益',
          points: '25',
          children: [
            { key: 'E1', name: '社会效益', points: '10', kind: 'MANUAL', guide: guide('10', '7') },
            { key: 'E2', name: '服务对象满意度', points: '15', kind: 'COMPUTED', computed: 'SATISFACTION' },
          ],
        },
      ],
    };
    const [template] = await db.query<ResultSetHeader>(
      `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, frozen_at, created_at, updated_at)
       VALUES (CONCAT('E2E-', FLOOR(RAND() * 1000000)), 1, '居家养老服务项目绩效评价指标', 'PROJECT', 'ACTIVE', 100, ?,
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [JSON.stringify(tree)],
    );
    const [task] = await db.query<ResultSetHeader>(
      `INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path,
         final_key, template_id, agency_id, evaluator_id, due_at, assigned_by, assigned_at, created_at, updated_at)
       VALUES (CONCAT('PG-E2E-', FLOOR(RAND() * 1000000)), 'FINAL', 'ASSIGNED', ?, ?, ?, ?, ?, ?, ?, ?, ?,
         UTC_TIMESTAMP(3) + INTERVAL 20 DAY, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [
        c.insertId,
        t.project_id,
        people.org,
        t.region_id,
        t.region_path,
        c.insertId,
        template.insertId,
        people.agency,
        people.evaluator,
        people.officer,
      ],
    );
    taskId = task.insertId;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('scores leaf by leaf with a live exact total, a photo as evidence, then submits and turns read-only', async () => {
    const page = await open('evaluator');
    await page.goto(`${BASE_URL}/evaluation/tasks/${taskId}/score`);
    await page.getByTestId('score-sheet').waitFor();
    await page.getByTestId('score-remaining').getByText('待评 6 项').waitFor();
    // the satisfaction leaf has no survey: too little data, scored by hand
    await page.getByTestId('score-live-E2').getByText('数据不足').waitFor();

    // tap the level 好 of D1: it fills 5; the total moves before anything is saved
    await page.getByTestId('score-level-D1-0').click();
    // what the evaluator sees first (the live total), then the field it filled
    await page.getByTestId('score-total').getByText('总分 5.00').waitFor();
    expect(await page.getByTestId('score-input-D1').inputValue()).toBe('5');
    await page.getByTestId('score-state-D1').getByText('有未保存的修改').waitFor();
    await page.getByTestId('score-save-D1').click();
    await page.getByTestId('score-state-D1').getByText('已保存').waitFor();

    for (const [leaf, score] of [
      ['D2', '4'],
      ['D3', '4.5'],
      ['P1', '50'],
      ['E1', '8'],
    ]) {
      await page.getByTestId(`score-input-${leaf}`).fill(score);
      await page.getByTestId(`score-save-${leaf}`).click();
      await page.getByTestId(`score-state-${leaf}`).getByText('已保存').waitFor();
    }

    // a score on the insufficient leaf without its reason is refused by the server: the card says so
    await page.getByTestId('score-input-E2').fill('12');
    await page.getByTestId('score-live-E2').getByText('请填写理由').waitFor();
    await page.getByTestId('score-save-E2').click();
    await page.getByTestId('score-state-E2').getByText('保存失败').waitFor();
    await page.getByTestId('score-reason-E2').fill('调查尚未开展；入户访谈 12 户，10 户表示满意');
    await page.getByTestId('score-save-E2').click();
    await page.getByTestId('score-state-E2').getByText('已保存').waitFor();

    // a site-visit photo on D1 with its place (the time is filled with now)
    await page.getByTestId('score-ev-place-D1').fill('山西路社区老年助餐点');
    await page.getByTestId('score-photo-input-D1').setInputFiles({
      name: '助餐点现场.png',
      mimeType: 'image/png',
      buffer: encodePng(640, 480, (x, y) => [(x * 3) % 256, (y * 2) % 256, 160]),
    });
    await page.getByText('助餐点现场.png').first().waitFor();
    await page.locator('[data-testid^="score-evidence-"] img').first().waitFor();

    // 5 + 4 + 4.5 + 50 + 8 + 12 = 83.50 → 良好, nothing left
    await page.getByTestId('score-total').getByText('总分 83.50').waitFor();
    await page.getByTestId('score-grade').getByText('良好').waitFor();
    await page.getByTestId('score-remaining').getByText('已全部评分').waitFor();
    await shot(page, 'evaluation-scoring-tablet');

    await page.getByTestId('score-submit').click();
    await page.getByTestId('score-submit-step').waitFor();
    await page.getByTestId('score-summary').fill('项目按合同执行，助餐服务规范；建议尽快开展满意度调查。');
    await page.getByTestId('score-submit-confirm').click();
    await page.getByTestId('score-readonly').waitFor();
    await page.getByTestId('score-result').getByText('83.50').waitFor();
    expect(await page.getByTestId('score-input-D1').count()).toBe(0);
    await shot(page, 'evaluation-scoring-submitted');

    const [[row]] = await db.query<RowDataPacket[]>(
      'SELECT status, total_score, grade FROM evaluation_tasks WHERE id = ?',
      [taskId],
    );
    expect(row).toMatchObject({ status: 'SUBMITTED', total_score: '83.50', grade: 'GOOD' });
  });
});
