import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget lines and the append-only double-entry fund ledger. Balances live on the line and are
 * updated in the same transaction as each entry; CHECK constraints refuse any bucket below zero
 * (no over-commitment, no payment above the commitment) even if application code were wrong;
 * triggers refuse UPDATE and DELETE of ledger entries (corrections are new entries).
 */
export class FundsCreateBudgetLinesAndLedger1764000200000 implements MigrationInterface {
  name = 'FundsCreateBudgetLinesAndLedger1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fund_years (
      year smallint NOT NULL,
      closed_at datetime(3) NULL,
      closed_by int NULL,
      PRIMARY KEY (year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE budget_lines (
      id int NOT NULL AUTO_INCREMENT,
      year smallint NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      source varchar(24) NOT NULL,
      restricted_category_code varchar(16) NULL,
      title varchar(128) NOT NULL,
      status varchar(20) NOT NULL,
      requested_fen bigint NOT NULL,
      available_fen bigint NOT NULL,
      reserved_fen bigint NOT NULL,
      committed_fen bigint NOT NULL,
      paid_fen bigint NOT NULL,
      year_closed tinyint NOT NULL,
      created_by int NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      decision_note varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_budget_lines_region (region_path, year),
      INDEX idx_budget_lines_year_status (year, status),
      CONSTRAINT fk_budget_lines_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT chk_budget_lines_requested CHECK (requested_fen > 0),
      CONSTRAINT chk_budget_lines_buckets CHECK (available_fen >= 0 AND reserved_fen >= 0 AND committed_fen >= 0 AND paid_fen >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE budget_adjustments (
      id int NOT NULL AUTO_INCREMENT,
      line_id int NOT NULL,
      delta_fen bigint NOT NULL,
      reason varchar(500) NOT NULL,
      status varchar(16) NOT NULL,
      requested_by int NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_budget_adjustments_line (line_id),
      CONSTRAINT fk_budget_adjustments_line FOREIGN KEY (line_id) REFERENCES budget_lines (id) ON DELETE RESTRICT,
      CONSTRAINT chk_budget_adjustments_delta CHECK (delta_fen <> 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE ledger_entries (
      id bigint NOT NULL AUTO_INCREMENT,
      line_id int NOT NULL,
      operation varchar(24) NOT NULL,
      from_bucket varchar(16) NOT NULL,
      to_bucket varchar(16) NOT NULL,
      amount_fen bigint NOT NULL,
      idempotency_key varchar(128) NOT NULL,
      reference_type varchar(32) NULL,
      reference_id varchar(64) NULL,
      reverses_entry_id bigint NULL,
      memo varchar(255) NULL,
      actor_id int NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_ledger_entries_key (idempotency_key),
      UNIQUE INDEX uq_ledger_entries_reverses (reverses_entry_id),
      INDEX idx_ledger_entries_line (line_id, id),
      INDEX idx_ledger_entries_reference (reference_type, reference_id),
      CONSTRAINT fk_ledger_entries_line FOREIGN KEY (line_id) REFERENCES budget_lines (id) ON DELETE RESTRICT,
      CONSTRAINT chk_ledger_entries_amount CHECK (amount_fen > 0),
      CONSTRAINT chk_ledger_entries_move CHECK (from_bucket <> to_bucket)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entries is append-only'`);
    await q.query(`CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entries is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER ledger_entries_no_delete');
    await q.query('DROP TRIGGER ledger_entries_no_update');
    await q.query('DROP TABLE ledger_entries');
    await q.query('DROP TABLE budget_adjustments');
    await q.query('DROP TABLE budget_lines');
    await q.query('DROP TABLE fund_years');
  }
}
