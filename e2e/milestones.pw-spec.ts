import { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { encodePng } from '../backend/src/modules/contracts/domain/evidence-files';
import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/**
 * Milestones and evidence in the browser (issue #10 item 4): on a phone (390×844) the organisation reports a milestone
 * with a photo from the camera input; the officer finds it on the milestones board and accepts it. The contract is
 * inserted as signing leaves it (the contract pages are another part of the issue). Screenshots: docs/screenshots/
 * milestone-*.png.
 */
const PHONE = { width: 390, height: 844 };

describe('政府买单: a milestone reported from a phone and accepted (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];
  let contractId = 0;
  let milestoneId = 0;

  async function open(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const { context, page } = await newPage(browser, viewport);
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
      "SELECT (SELECT id FROM users WHERE username = 'officer') AS officer, (SELECT id FROM users WHERE username = 'orgmember') AS member, (SELECT organisation_id FROM users WHERE username = 'orgmember') AS org",
    );
    const [c] = await db.query<ResultSetHeader>(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at,
         supplier_signed_by, supplier_signed_at, frozen_content, content_sha256, signed_at, created_at, updated_at)
       VALUES (CONCAT('HT-E2E-', FLOOR(RAND() * 1000000)), ?, ?, UUID(), ?, ?, ?, ?, '山西路社区老年助餐服务合同', 'SIGNED', 1000000, 0, '{}',
         CURDATE() - INTERVAL 30 DAY, CURDATE() + INTERVAL 300 DAY, 12, 30, 0, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
         ?, UTC_TIMESTAMP(3), ?, UTC_TIMESTAMP(3), '{}', REPEAT('0', 64), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [t.project_id, t.id, t.region_id, t.region_path, t.budget_line_id, people.org, people.officer, people.member],
    );
    contractId = c.insertId;
    for (const [seq, days] of [
      [1, 3],
      [2, 200],
    ]) {
      const [m] = await db.query<ResultSetHeader>(
        `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final,
           status, created_at, updated_at)
         VALUES (?, ?, ?, '服务记录、签到表、照片', CURDATE() + INTERVAL ? DAY, TIMESTAMP(CURDATE() + INTERVAL ? DAY, '16:00:00'),
           5000, 500000, ?, 'PENDING', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
        [contractId, seq, seq === 1 ? '第一阶段：启动助餐服务' : '第二阶段：全面服务', days, days, seq === 2 ? 1 : 0],
      );
      if (seq === 1) milestoneId = m.insertId;
    }
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('the organisation reports the milestone on a phone, with a photo from the camera input', async () => {
    const page = await open('orgmember', PHONE);
    await page.goto(`${BASE_URL}/contracts/${contractId}/milestones`);
    await page.getByTestId(`milestone-status-${milestoneId}`).waitFor();
    await page.getByTestId(`milestone-report-${milestoneId}`).click();
    await page.waitForURL(`${BASE_URL}/contracts/${contractId}/milestones/${milestoneId}/report`);
    await page.getByTestId('rf-activity-place-0').fill('山西路社区活动中心');
    await page.getByTestId('rf-activity-content-0').fill('老年助餐：午餐配送与堂食，志愿者陪餐');
    await page.getByTestId('rf-activity-participants-0').fill('32');
    const input = page.getByTestId('rf-photo-input');
    expect(await input.getAttribute('accept')).toBe('image/*');
    expect(await input.getAttribute('capture')).toBe('environment');
    const photo = encodePng(800, 600, (x, y) => [200 - (y % 120), 120 + (x % 100), 80]);
    await input.setInputFiles({ name: '午餐.png', mimeType: 'image/png', buffer: photo });
    await page.locator('[data-testid^="evidence-photo-"] img').first().waitFor();
    await page.getByTestId('rf-output-OUT-1').fill('2400');
    // nothing wider than the phone: the form is one column
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'milestone-report-phone');
    await page.getByTestId('rf-submit').click();
    await page.waitForURL(`${BASE_URL}/contracts/${contractId}/milestones`);
    await page.locator(`[data-testid="milestone-status-${milestoneId}"]`, { hasText: '待验收' }).waitFor();
    await page.locator('[data-testid^="evidence-photo-"] img').first().waitFor();
    await shot(page, 'milestone-submitted-phone');
  });

  it('the officer finds it waiting on the board and accepts it', async () => {
    const page = await open('officer');
    await page.goto(`${BASE_URL}/milestones`);
    await page.getByTestId('board-view-WAITING').click();
    await page.getByTestId(`board-row-${milestoneId}`).waitFor();
    await shot(page, 'milestone-board');
    await page.getByTestId(`board-row-${milestoneId}`).getByRole('link').click();
    await page.waitForURL(`${BASE_URL}/contracts/${contractId}/milestones`);
    await page.getByTestId(`milestone-accept-${milestoneId}`).click();
    await page.getByTestId(`milestone-accept-confirm-${milestoneId}`).click();
    await page.locator(`[data-testid="milestone-status-${milestoneId}"]`, { hasText: '已验收' }).waitFor();
    await page.getByTestId(`output-values-${milestoneId}`).waitFor();
    await shot(page, 'milestone-accepted');
    const [[row]] = await db.query<RowDataPacket[]>(
      'SELECT actual_value FROM contract_output_values WHERE milestone_id = ?',
      [milestoneId],
    );
    expect(row.actual_value).toBe('2400.0000');
  });
});
