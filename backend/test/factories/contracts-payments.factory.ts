import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { splitBySharesBp } from '../../src/modules/contracts/domain/money-rules';
import { LedgerService } from '../../src/modules/funds';
import { SYSTEM_ACTOR } from '../../src/platform/access';

/**
 * Test data for payments without waiting for the contract and milestone features: a SIGNED/ACTIVE contract with
 * milestones (the first `accepted` ones ACCEPTED with `accepted_at`), inserted directly on the foundation columns,
 * and the matching ledger state through the real LedgerService: a fresh ACTIVE budget line allocated
 * `lineExtraFen` more than the contract, and the contract amount COMMITTED on it (COMMIT_DIRECT).
 * A project (IN_PROGRESS) and an AWARDED tender are inserted too (the contract's foreign keys need them).
 */
export interface PaymentsContract {
  contractId: number;
  projectId: number;
  lineId: number;
  organisationId: number;
  regionPath: string;
  milestoneIds: number[];
  tranchesFen: bigint[];
}

export interface ContractOptions {
  amountFen: bigint;
  sharesBp: number[];
  /** How many milestones, from the first, are ACCEPTED (default: all but the final one). */
  accepted?: number;
  /** When they were accepted (default: the database's now). */
  acceptedAt?: Date;
  paymentDays?: number;
  /** The supplier (default: the organisation of `orgmember`, 阳光养老). */
  organisationId?: number;
  /** The contract's region (default: 山西路社区 of 鼓楼区). */
  regionCode?: string;
  /** Put the contract on this line (already allocated) instead of a fresh one. */
  lineId?: number;
  /** Link the project to these needs (their raisers and supporters see the payments on the timeline). */
  needIds?: number[];
  status?: 'SIGNED' | 'ACTIVE';
  /** Available money left on the fresh line after the commitment (default 0). */
  lineExtraFen?: bigint;
  label?: string;
}

let seq = 0;

export async function freshLine(
  app: INestApplicationContext,
  ds: DataSource,
  allocateFen: bigint,
  label: string,
  regionCode = '320106000000',
): Promise<number> {
  const [region] = (await ds.query('SELECT id, path FROM regions WHERE code = ?', [regionCode])) as Array<{
    id: number;
    path: string;
  }>;
  const [{ year }] = (await ds.query('SELECT YEAR(UTC_TIMESTAMP()) AS year')) as Array<{ year: number }>;
  const [creator] = (await ds.query("SELECT id FROM users WHERE username = 'officer'")) as Array<{ id: number }>;
  const ins = (await ds.query(
    `INSERT INTO budget_lines (year, region_id, region_path, source, title, status, requested_fen, available_fen, reserved_fen, committed_fen, paid_fen, year_closed, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'DISTRICT_FINANCE', ?, 'ACTIVE', ?, 0, 0, 0, 0, 0, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [year, region.id, region.path, `付款测试指标 ${label}`.slice(0, 128), allocateFen.toString(), creator.id],
  )) as { insertId: number };
  await app.get(LedgerService).post(SYSTEM_ACTOR, {
    lineId: ins.insertId,
    operation: 'ALLOCATE',
    amountFen: allocateFen,
    idempotencyKey: `test-line-${ins.insertId}-allocate`,
  });
  return ins.insertId;
}

export async function contractWithMilestones(
  app: INestApplicationContext,
  ds: DataSource,
  o: ContractOptions,
): Promise<PaymentsContract> {
  const label = o.label ?? `${Date.now().toString(36)}-${++seq}`;
  const split = splitBySharesBp(o.amountFen, o.sharesBp);
  if (!split.ok) throw new Error(`bad schedule: ${split.problem}`);
  const tranches = split.tranchesFen;
  const accepted = o.accepted ?? tranches.length - 1;
  const [region] = (await ds.query('SELECT id, path FROM regions WHERE code = ?', [
    o.regionCode ?? '320106002001',
  ])) as Array<{ id: number; path: string }>;
  const organisationId =
    o.organisationId ??
    (
      (await ds.query("SELECT organisation_id AS id FROM users WHERE username = 'orgmember'")) as Array<{ id: number }>
    )[0].id;
  const lineId = o.lineId ?? (await freshLine(app, ds, o.amountFen + (o.lineExtraFen ?? 0n), label));

  const [officer] = (await ds.query("SELECT id FROM users WHERE username = 'officer'")) as Array<{ id: number }>;
  const [item] = (await ds.query(
    "SELECT i.id, i.code, c.code AS category_code FROM catalogue_items i JOIN catalogue_categories c ON c.id = i.category_id WHERE i.code = 'A0101' ORDER BY i.id DESC LIMIT 1",
  )) as Array<{ id: number; code: string; category_code: string }>;
  const project = (await ds.query(
    `INSERT INTO projects (region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen, estimated_fen,
       budget_line_id, plan, status, created_by, submitted_at, decided_by, decided_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, '{}', 'IN_PROGRESS', ?, UTC_TIMESTAMP(3), ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      region.id,
      region.path,
      `付款测试项目 ${label}`.slice(0, 128),
      item.id,
      item.code,
      item.category_code,
      o.amountFen.toString(),
      o.amountFen.toString(),
      lineId,
      officer.id,
      officer.id,
    ],
  )) as { insertId: number };
  const projectId = project.insertId;
  for (const needId of o.needIds ?? [])
    await ds.query('INSERT INTO project_needs (project_id, need_id) VALUES (?, ?)', [projectId, needId]);
  const tender = (await ds.query(
    `INSERT INTO tenders (project_id, region_path, title, description, method, status, min_grade, designated_organisation_id, scoring_method,
       price_weight_pct, criteria, max_price_fen, committee_size, published_at, bid_deadline, opened_at, evaluation_round, committee_note,
       created_by, created_at, updated_at)
     VALUES (?, ?, ?, '付款测试', 'OPEN_TENDER', 'AWARDED', NULL, NULL, 'COMPREHENSIVE', 30, '[]', ?, 5,
       UTC_TIMESTAMP(3) - INTERVAL 60 DAY, UTC_TIMESTAMP(3) - INTERVAL 45 DAY, UTC_TIMESTAMP(3) - INTERVAL 45 DAY, 1, NULL, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [projectId, region.path, `付款测试采购 ${label}`.slice(0, 128), o.amountFen.toString(), officer.id],
  )) as { insertId: number };
  const tenderId = tender.insertId;

  const ins = (await ds.query(
    `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id, organisation_id, title, status,
       amount_fen, changes_fen, content, term_start, term_end, max_term_months, payment_days, bond_bp, bond_fen,
       award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at, supplier_signed_by, supplier_signed_at,
       frozen_content, content_sha256, signed_at, published_at, created_at, updated_at)
     VALUES (?, ?, ?, UUID(), ?, ?, ?, ?, ?, ?, ?, 0, '{}', '2026-01-01', '2026-12-31', 12, ?, 0, 0,
       UTC_TIMESTAMP(3) - INTERVAL 40 DAY, UTC_TIMESTAMP(3) - INTERVAL 10 DAY, NULL, UTC_TIMESTAMP(3) - INTERVAL 30 DAY, NULL, UTC_TIMESTAMP(3) - INTERVAL 30 DAY,
       '{}', REPEAT('a', 64), UTC_TIMESTAMP(3) - INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      `HT-T-${label}`.slice(0, 32),
      projectId,
      tenderId,
      region.id,
      region.path,
      lineId,
      organisationId,
      `付款测试合同 ${label}`.slice(0, 128),
      o.status ?? 'ACTIVE',
      o.amountFen.toString(),
      o.paymentDays ?? 30,
      (o.status ?? 'ACTIVE') === 'ACTIVE' ? new Date() : null,
    ],
  )) as { insertId: number };
  const contractId = ins.insertId;
  const commit = await app.get(LedgerService).post(SYSTEM_ACTOR, {
    lineId,
    operation: 'COMMIT_DIRECT',
    amountFen: o.amountFen,
    idempotencyKey: `contract-${contractId}-commit`,
    reference: { type: 'contract', id: String(contractId) },
  });
  await ds.query('UPDATE contracts SET commitment_entry_id = ? WHERE id = ?', [commit.entryId, contractId]);

  const milestoneIds: number[] = [];
  for (let i = 0; i < tranches.length; i++) {
    const isAccepted = i < accepted;
    const m = (await ds.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final, status,
         submitted_at, accepted_at, accepted_by, created_at, updated_at)
       VALUES (?, ?, ?, '服务记录', '2026-12-31', '2026-12-31 16:00:00', ?, ?, ?, ?, ?, ?, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [
        contractId,
        i + 1,
        `第${i + 1}期`,
        o.sharesBp[i],
        tranches[i].toString(),
        i === tranches.length - 1 ? 1 : 0,
        isAccepted ? 'ACCEPTED' : 'PENDING',
        isAccepted ? (o.acceptedAt ?? new Date()) : null,
        isAccepted ? (o.acceptedAt ?? new Date()) : null,
      ],
    )) as { insertId: number };
    milestoneIds.push(m.insertId);
  }
  return {
    contractId,
    projectId,
    lineId,
    organisationId,
    regionPath: region.path,
    milestoneIds,
    tranchesFen: tranches,
  };
}

/** Accepts a milestone directly (as the milestones feature would), at `at` (default now). */
export async function acceptMilestone(ds: DataSource, milestoneId: number, at: Date = new Date()): Promise<void> {
  await ds.query(
    "UPDATE contract_milestones SET status = 'ACCEPTED', submitted_at = ?, accepted_at = ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?",
    [at, at, milestoneId],
  );
}

export async function lineBalances(
  ds: DataSource,
  lineId: number,
): Promise<{ available: bigint; reserved: bigint; committed: bigint; paid: bigint }> {
  const [l] = (await ds.query(
    'SELECT available_fen, reserved_fen, committed_fen, paid_fen FROM budget_lines WHERE id = ?',
    [lineId],
  )) as Array<Record<string, string>>;
  return {
    available: BigInt(l.available_fen),
    reserved: BigInt(l.reserved_fen),
    committed: BigInt(l.committed_fen),
    paid: BigInt(l.paid_fen),
  };
}
