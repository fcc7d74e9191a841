import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 政府买单 (issue #10): a contract per awarded tender and its milestones. Money is BIGINT fen, shares basis
 * points; the content is editable JSON until signing, then frozen with its SHA-256. The checks keep the rules the
 * database can see on one row (status words, shares, the bond cap, the term and payment-day limits).
 */
export class ContractsCreateContractsAndMilestones1764000600000 implements MigrationInterface {
  name = 'ContractsCreateContractsAndMilestones1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contracts (
      id int NOT NULL AUTO_INCREMENT,
      code varchar(32) NOT NULL,
      project_id int NOT NULL,
      tender_id int NOT NULL,
      winner_bid_id varchar(36) NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      budget_line_id int NOT NULL,
      organisation_id int NOT NULL,
      title varchar(128) NOT NULL,
      status varchar(16) NOT NULL,
      amount_fen bigint NOT NULL,
      changes_fen bigint NOT NULL,
      content longtext NOT NULL,
      term_start date NOT NULL,
      term_end date NOT NULL,
      max_term_months tinyint NOT NULL,
      payment_days tinyint NOT NULL,
      bond_bp int NOT NULL,
      bond_fen bigint NOT NULL,
      award_notice_at datetime(3) NOT NULL,
      signature_due_at datetime(3) NOT NULL,
      signature_reminded_at datetime(3) NULL,
      signature_overdue_at datetime(3) NULL,
      purchaser_signed_by int NULL,
      purchaser_signed_at datetime(3) NULL,
      supplier_signed_by int NULL,
      supplier_signed_at datetime(3) NULL,
      frozen_content longtext NULL,
      content_sha256 char(64) NULL,
      signed_at datetime(3) NULL,
      commitment_entry_id bigint NULL,
      publication_due_at datetime(3) NULL,
      published_at datetime(3) NULL,
      terminated_at datetime(3) NULL,
      termination_kind varchar(16) NULL,
      termination_reason varchar(500) NULL,
      completed_at datetime(3) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_contracts_tender (tender_id),
      UNIQUE INDEX uq_contracts_code (code),
      INDEX idx_contracts_region_status (region_path, status),
      INDEX idx_contracts_organisation (organisation_id, status),
      INDEX idx_contracts_project (project_id),
      INDEX idx_contracts_signature_due (status, signature_due_at),
      CONSTRAINT fk_contracts_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE RESTRICT,
      CONSTRAINT fk_contracts_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT,
      CONSTRAINT fk_contracts_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_contracts_line FOREIGN KEY (budget_line_id) REFERENCES budget_lines (id) ON DELETE RESTRICT,
      CONSTRAINT chk_contracts_status CHECK (status IN ('DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED')),
      CONSTRAINT chk_contracts_amount CHECK (amount_fen > 0 AND changes_fen >= 0 AND changes_fen * 10 <= amount_fen),
      CONSTRAINT chk_contracts_bond CHECK (bond_bp BETWEEN 0 AND 1000 AND bond_fen >= 0 AND bond_fen * 10 <= amount_fen),
      CONSTRAINT chk_contracts_term CHECK (term_end >= term_start AND max_term_months BETWEEN 1 AND 36),
      CONSTRAINT chk_contracts_payment_days CHECK (payment_days BETWEEN 1 AND 60),
      CONSTRAINT chk_contracts_signed CHECK (status IN ('DRAFT') OR status = 'TERMINATED' OR (content_sha256 IS NOT NULL AND signed_at IS NOT NULL)),
      CONSTRAINT chk_contracts_termination CHECK (termination_kind IS NULL OR termination_kind IN ('AGREEMENT', 'BREACH', 'NOT_SIGNED'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE contract_milestones (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      seq tinyint NOT NULL,
      title varchar(128) NOT NULL,
      deliverables text NOT NULL,
      due_date date NOT NULL,
      due_at datetime(3) NOT NULL,
      share_bp int NOT NULL,
      amount_fen bigint NOT NULL,
      is_final tinyint NOT NULL,
      status varchar(16) NOT NULL,
      reminded_at datetime(3) NULL,
      overdue_at datetime(3) NULL,
      submitted_at datetime(3) NULL,
      accepted_at datetime(3) NULL,
      accepted_by int NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_contract_milestones_seq (contract_id, seq),
      INDEX idx_contract_milestones_due (status, due_at),
      CONSTRAINT fk_contract_milestones_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
      CONSTRAINT chk_contract_milestones_status CHECK (status IN ('PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
      CONSTRAINT chk_contract_milestones_share CHECK (share_bp BETWEEN 1 AND 10000 AND amount_fen >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE contract_milestones');
    await q.query('DROP TABLE contracts');
  }
}
