import { DataSource } from 'typeorm';

/**
 * A custody account with its money received, written with SQL (the real paths — a bid on a tender with a deposit,
 * a signed contract — are in custody.e2e-spec.ts). The RECEIVE entry moves the balance by trigger, as in production.
 * `returnable` sets a due date (in 5 days) so that finance may refund or release it.
 */
export async function heldCustodyAccount(
  ds: DataSource,
  a: {
    tenderId: number;
    organisationId: number;
    kind?: 'BID_DEPOSIT' | 'PERFORMANCE_BOND';
    fen?: bigint;
    returnable?: boolean;
    forfeitable?: boolean;
  },
): Promise<number> {
  const fen = (a.fen ?? 100_00n).toString();
  const [t] = (await ds.query('SELECT region_path FROM tenders WHERE id = ?', [a.tenderId])) as Array<{
    region_path: string;
  }>;
  const ins = (await ds.query(
    `INSERT INTO custody_accounts (kind, organisation_id, region_path, tender_id, contract_id, status, required_fen, held_fen,
       returned_fen, forfeited_fen, interest_fen, return_reason, return_due_at, due_marked_at, forfeitable, closed_at,
       closed_by, decision_note, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, 'HELD', ?, 0, 0, 0, 0, ?, ${a.returnable ? 'UTC_TIMESTAMP(3) + INTERVAL 5 DAY' : 'NULL'},
       NULL, ?, NULL, NULL, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    [
      a.kind ?? 'BID_DEPOSIT',
      a.organisationId,
      t.region_path,
      a.tenderId,
      fen,
      a.returnable ? 'LOST' : null,
      a.forfeitable ? 1 : 0,
    ],
  )) as { insertId: number };
  await ds.query(
    `INSERT INTO custody_entries (account_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, memo, actor_id, created_at)
     VALUES (?, 'RECEIVE', 'PAYER', 'HELD', ?, ?, NULL, NULL, UTC_TIMESTAMP(3))`,
    [ins.insertId, fen, `custody:${ins.insertId}:receive:1`],
  );
  return ins.insertId;
}
