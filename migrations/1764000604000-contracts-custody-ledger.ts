import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money held for others (保证金): bid deposits and performance bonds in a custody ledger of their own, never mixed
 * with budget lines. Like the funds ledger: one account per deposit or bond, an append-only double-entry table
 * whose triggers refuse UPDATE and DELETE, and whose insert trigger moves the amount between the account's bucket
 * columns in the same statement (CHECK constraints refuse a bucket below zero). Tenders gain their optional bid
 * deposit (≤ 2 % of the project budget, checked by the service).
 */
export class ContractsCustodyLedger1764000604000 implements MigrationInterface {
  name = 'ContractsCustodyLedger1764000604000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tenders ADD COLUMN bid_deposit_fen bigint NULL AFTER max_price_fen');
    await q.query(`CREATE TABLE custody_accounts (
      id int NOT NULL AUTO_INCREMENT,
      kind varchar(20) NOT NULL,
      organisation_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      tender_id int NOT NULL,
      contract_id int NULL,
      status varchar(16) NOT NULL,
      required_fen bigint NOT NULL,
      held_fen bigint NOT NULL,
      returned_fen bigint NOT NULL,
      forfeited_fen bigint NOT NULL,
      interest_fen bigint NOT NULL,
      return_reason varchar(20) NULL,
      return_due_at datetime(3) NULL,
      due_marked_at datetime(3) NULL,
      forfeitable tinyint NOT NULL,
      closed_at datetime(3) NULL,
      closed_by int NULL,
      decision_note varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_custody_accounts_kind_tender_org (kind, tender_id, organisation_id),
      INDEX idx_custody_accounts_region (region_path, status),
      INDEX idx_custody_accounts_organisation (organisation_id, status),
      INDEX idx_custody_accounts_due (status, return_due_at),
      INDEX idx_custody_accounts_contract (contract_id),
      CONSTRAINT chk_custody_accounts_buckets CHECK (held_fen >= 0 AND returned_fen >= 0 AND forfeited_fen >= 0 AND interest_fen >= 0),
      CONSTRAINT chk_custody_accounts_required CHECK (required_fen > 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE custody_entries (
      id bigint NOT NULL AUTO_INCREMENT,
      account_id int NOT NULL,
      operation varchar(16) NOT NULL,
      from_bucket varchar(16) NOT NULL,
      to_bucket varchar(16) NOT NULL,
      amount_fen bigint NOT NULL,
      idempotency_key varchar(128) NOT NULL,
      memo varchar(255) NULL,
      actor_id int NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_custody_entries_key (idempotency_key),
      INDEX idx_custody_entries_account (account_id, id),
      CONSTRAINT fk_custody_entries_account FOREIGN KEY (account_id) REFERENCES custody_accounts (id) ON DELETE RESTRICT,
      CONSTRAINT chk_custody_entries_amount CHECK (amount_fen > 0),
      CONSTRAINT chk_custody_entries_move CHECK (from_bucket <> to_bucket)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_entries is append-only'`);
    await q.query(`CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_entries is append-only'`);
    await q.query(`CREATE TRIGGER custody_entries_apply AFTER INSERT ON custody_entries FOR EACH ROW
      UPDATE custody_accounts SET
        held_fen      = held_fen      + IF(NEW.to_bucket = 'HELD',      NEW.amount_fen, 0) - IF(NEW.from_bucket = 'HELD',      NEW.amount_fen, 0),
        returned_fen  = returned_fen  + IF(NEW.to_bucket = 'RETURNED',  NEW.amount_fen, 0) - IF(NEW.from_bucket = 'RETURNED',  NEW.amount_fen, 0),
        forfeited_fen = forfeited_fen + IF(NEW.to_bucket = 'FORFEITED', NEW.amount_fen, 0) - IF(NEW.from_bucket = 'FORFEITED', NEW.amount_fen, 0),
        interest_fen  = interest_fen  + IF(NEW.to_bucket = 'INTEREST',  NEW.amount_fen, 0) - IF(NEW.from_bucket = 'INTEREST',  NEW.amount_fen, 0),
        updated_at = NEW.created_at
      WHERE id = NEW.account_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER custody_entries_apply');
    await q.query('DROP TRIGGER custody_entries_no_delete');
    await q.query('DROP TRIGGER custody_entries_no_update');
    await q.query('DROP TABLE custody_entries');
    await q.query('DROP TABLE custody_accounts');
    await q.query('ALTER TABLE tenders DROP COLUMN bid_deposit_fen');
  }
}
