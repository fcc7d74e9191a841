import { randomUUID } from 'node:crypto';

import { encodePng } from '../../src/modules/contracts/domain/evidence-files';
import { MilestoneClocks } from '../../src/modules/contracts/jobs/milestone-clocks';
import { addCalendarDays, endOfDayShanghai, shanghaiDate } from '../../src/modules/regions';
import { TestApp, userId } from '../support/test-app';
import { draftTender } from './tender-stages.factory';

/**
 * A contract as the contract helper's signing leaves it (SIGNED or ACTIVE, content frozen and hashed), inserted
 * directly in the database with its milestones: the milestone tests need a live contract, not the road to it. The
 * project and tender are real (a new approved project and its draft tender, through the API); the contract uses only
 * the columns of the foundation (`contracts`, `contract_milestones`).
 */
export interface MilestoneSpec {
  /** Days from today (Beijing) to the due date; negative: already past. */
  dueInDays: number;
  shareBp: number;
}

export interface ContractFixture {
  contractId: number;
  projectId: number;
  tenderId: number;
  organisationId: number;
  milestoneIds: number[];
}

const DAY = 86_400_000;

export async function liveContract(
  t: TestApp,
  title: string,
  opts: {
    supplier?: string;
    status?: 'SIGNED' | 'ACTIVE' | 'DRAFT' | 'TERMINATED';
    milestones?: MilestoneSpec[];
    amountFen?: string;
    schedule?: boolean;
  } = {},
): Promise<ContractFixture> {
  const supplier = opts.supplier ?? 'orgmember';
  const status = opts.status ?? 'SIGNED';
  const amountFen = BigInt(opts.amountFen ?? '1000000');
  const specs = opts.milestones ?? [
    { dueInDays: 30, shareBp: 3000 },
    { dueInDays: 120, shareBp: 4000 },
    { dueInDays: 300, shareBp: 3000 },
  ];
  const { tenderId, projectId } = await draftTender(t, title);
  const [p] = (await t.ds.query('SELECT region_id, region_path, budget_line_id FROM projects WHERE id = ?', [
    projectId,
  ])) as Array<{ region_id: number; region_path: string; budget_line_id: number }>;
  const [u] = (await t.ds.query('SELECT organisation_id FROM users WHERE username = ?', [supplier])) as Array<{
    organisation_id: number;
  }>;
  const [{ now }] = (await t.ds.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
  const today = shanghaiDate(now);
  const date = (days: number) => addCalendarDays(today, days);
  const signed = status !== 'DRAFT';
  const officer = await userId(t.ds, 'officer');
  const member = await userId(t.ds, supplier);
  const code = `HT-T-${randomUUID().slice(0, 12)}`;
  const res = (await t.ds.query(
    `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
       organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
       payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at,
       supplier_signed_by, supplier_signed_at, frozen_content, content_sha256, signed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '{}', ?, ?, 12, 30, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      code,
      projectId,
      tenderId,
      randomUUID(),
      p.region_id,
      p.region_path,
      p.budget_line_id,
      u.organisation_id,
      title.slice(0, 128),
      status,
      amountFen.toString(),
      date(-60),
      date(330),
      new Date(now.getTime() - 20 * DAY),
      new Date(now.getTime() + 10 * DAY),
      signed ? officer : null,
      signed ? now : null,
      signed ? member : null,
      signed ? now : null,
      signed ? '{}' : null,
      signed ? '0'.repeat(64) : null,
      signed ? now : null,
      now,
      now,
    ],
  )) as { insertId: number };
  const contractId = res.insertId;
  const milestoneIds: number[] = [];
  let left = amountFen;
  for (const [i, s] of specs.entries()) {
    const last = i === specs.length - 1;
    const share = last ? left : (amountFen * BigInt(s.shareBp)) / 10000n;
    left -= share;
    const due = date(s.dueInDays);
    const m = (await t.ds.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen,
         is_final, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)`,
      [
        contractId,
        i + 1,
        `第${i + 1}阶段服务`,
        '服务记录、签到表、照片',
        due,
        endOfDayShanghai(due),
        s.shareBp,
        share.toString(),
        last ? 1 : 0,
        now,
        now,
      ],
    )) as { insertId: number };
    milestoneIds.push(m.insertId);
  }
  if (opts.schedule) await t.app.get(MilestoneClocks).scheduleContract(t.ds.manager, contractId);
  return { contractId, projectId, tenderId, organisationId: u.organisation_id, milestoneIds };
}

/** A real PNG photo (large enough to be thumbnailed), base64. */
export const PHOTO_PNG = encodePng(640, 480, (x, y) => [x % 256, y % 256, 128]);

/** A one-page PDF, as an attendance sheet. */
export const ATTENDANCE_PDF = Buffer.from('%PDF-1.4\n% 签到表\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A body that passes the report's validation for the demo plan (one output indicator, OUT-1). */
export function reportBody(evidenceIds: number[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const yesterday = shanghaiDate(new Date(Date.now() - DAY));
  return {
    summary: '本阶段完成助餐服务。',
    activities: [{ date: yesterday, place: '山西路社区活动中心', content: '老年助餐，送餐上门', participants: 32 }],
    serviceHours: [],
    outputs: [{ code: 'OUT-1', actual: '2400' }],
    evidenceIds,
    ...overrides,
  };
}
