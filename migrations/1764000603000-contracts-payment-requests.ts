import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 政府买单 payments (issue #10): one payment request per milestone tranche. `live_key` (the milestone id while the
 * request is live, NULL once rejected) is unique, so two concurrent requests for one milestone give one row; the
 * ledger's unique idempotency keys (`payment-<id>-disburse`) make paying twice impossible.
 */
export class ContractsPaymentRequests1764000603000 implements MigrationInterface {
  name = 'ContractsPaymentRequests1764000603000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment_requests (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      milestone_id int NOT NULL,
      live_key int NULL,
      region_path varchar(255) NOT NULL,
      organisation_id int NOT NULL,
      budget_line_id int NOT NULL,
      status varchar(16) NOT NULL,
      tranche_fen bigint NOT NULL,
      amount_fen bigint NOT NULL,
      released_fen bigint NOT NULL,
      due_date date NULL,
      due_at datetime(3) NULL,
      requested_by int NULL,
      requested_at datetime(3) NULL,
      approved_by int NULL,
      approved_at datetime(3) NULL,
      paid_by int NULL,
      paid_at datetime(3) NULL,
      disburse_entry_id bigint NULL,
      rejected_by int NULL,
      rejected_at datetime(3) NULL,
      reject_reason varchar(500) NULL,
      late_at datetime(3) NULL,
      late_interest_fen bigint NULL,
      late_rate_bp int NULL,
      evaluation_ref varchar(64) NULL,
      evaluation_score varchar(8) NULL,
      final_outcome varchar(16) NULL,
      reduction_bp int NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_payment_requests_live (live_key),
      INDEX idx_payment_requests_contract (contract_id, milestone_id),
      INDEX idx_payment_requests_milestone (milestone_id),
      INDEX idx_payment_requests_region_due (region_path, status, due_at),
      INDEX idx_payment_requests_due (status, due_at),
      CONSTRAINT fk_payment_requests_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE RESTRICT,
      CONSTRAINT fk_payment_requests_milestone FOREIGN KEY (milestone_id) REFERENCES contract_milestones (id) ON DELETE RESTRICT,
      CONSTRAINT chk_payment_requests_status CHECK (status IN ('REQUESTED', 'APPROVED', 'PAID', 'REJECTED', 'HELD', 'WITHHELD')),
      CONSTRAINT chk_payment_requests_live CHECK ((status = 'REJECTED') = (live_key IS NULL)),
      CONSTRAINT chk_payment_requests_amounts CHECK (amount_fen >= 0 AND released_fen >= 0 AND amount_fen + released_fen <= tranche_fen),
      CONSTRAINT chk_payment_requests_paid CHECK (status <> 'PAID' OR (paid_at IS NOT NULL AND disburse_entry_id IS NOT NULL)),
      CONSTRAINT chk_payment_requests_outcome CHECK (final_outcome IS NULL OR final_outcome IN ('FULL', 'REDUCED', 'WITHHELD'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE payment_requests');
  }
}
