import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A line's balances follow its ledger inside the database: every inserted entry moves its amount
 * between the line's bucket columns in the same statement (and so the same transaction). Balances
 * therefore equal the ledger's sums by construction, and the CHECK constraint on the buckets
 * (each ≥ 0) refuses any entry that would over-commit or over-pay, whatever the application does.
 */
export class FundsBalancesFollowTheLedger1764000300000 implements MigrationInterface {
  name = 'FundsBalancesFollowTheLedger1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER ledger_entries_apply AFTER INSERT ON ledger_entries FOR EACH ROW
      UPDATE budget_lines SET
        available_fen = available_fen + IF(NEW.to_bucket = 'AVAILABLE', NEW.amount_fen, 0) - IF(NEW.from_bucket = 'AVAILABLE', NEW.amount_fen, 0),
        reserved_fen  = reserved_fen  + IF(NEW.to_bucket = 'RESERVED',  NEW.amount_fen, 0) - IF(NEW.from_bucket = 'RESERVED',  NEW.amount_fen, 0),
        committed_fen = committed_fen + IF(NEW.to_bucket = 'COMMITTED', NEW.amount_fen, 0) - IF(NEW.from_bucket = 'COMMITTED', NEW.amount_fen, 0),
        paid_fen      = paid_fen      + IF(NEW.to_bucket = 'PAID',      NEW.amount_fen, 0) - IF(NEW.from_bucket = 'PAID',      NEW.amount_fen, 0),
        updated_at = NEW.created_at
      WHERE id = NEW.line_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER ledger_entries_apply');
  }
}
