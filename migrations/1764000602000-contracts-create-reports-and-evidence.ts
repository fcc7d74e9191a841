import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Milestones and evidence (issue #10 item 4): progress reports (one row per version), evidence files with their
 * SHA-256 and thumbnails, which files each version cites, and the accepted output values the evaluation reads.
 */
export class ContractsCreateReportsAndEvidence1764000602000 implements MigrationInterface {
  name = 'ContractsCreateReportsAndEvidence1764000602000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_milestone_reports (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      milestone_id int NOT NULL,
      version int NOT NULL,
      status varchar(16) NOT NULL,
      summary varchar(2000) NULL,
      activities longtext NOT NULL,
      service_hours longtext NOT NULL,
      outputs longtext NOT NULL,
      submitted_by int NOT NULL,
      submitted_at datetime(3) NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      return_reason varchar(500) NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_contract_milestone_reports_version (milestone_id, version),
      INDEX idx_contract_milestone_reports_contract (contract_id),
      CONSTRAINT fk_contract_milestone_reports_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_milestone_reports_milestone FOREIGN KEY (milestone_id) REFERENCES contract_milestones (id) ON DELETE CASCADE,
      CONSTRAINT chk_contract_milestone_reports_status CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
      CONSTRAINT chk_contract_milestone_reports_returned CHECK (status <> 'RETURNED' OR return_reason IS NOT NULL)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE contract_evidence (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      milestone_id int NOT NULL,
      kind varchar(16) NOT NULL,
      file_name varchar(200) NOT NULL,
      mime varchar(64) NOT NULL,
      size int NOT NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NOT NULL,
      thumb_mime varchar(64) NULL,
      thumb_content mediumblob NULL,
      uploaded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_contract_evidence_milestone (milestone_id, id),
      INDEX idx_contract_evidence_contract (contract_id),
      CONSTRAINT fk_contract_evidence_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_evidence_milestone FOREIGN KEY (milestone_id) REFERENCES contract_milestones (id) ON DELETE CASCADE,
      CONSTRAINT chk_contract_evidence_kind CHECK (kind IN ('PHOTO', 'ATTENDANCE')),
      CONSTRAINT chk_contract_evidence_size CHECK (size > 0 AND size <= 5242880)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE contract_report_evidence (
      report_id int NOT NULL,
      evidence_id int NOT NULL,
      PRIMARY KEY (report_id, evidence_id),
      INDEX idx_contract_report_evidence_evidence (evidence_id),
      CONSTRAINT fk_contract_report_evidence_report FOREIGN KEY (report_id) REFERENCES contract_milestone_reports (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_report_evidence_evidence FOREIGN KEY (evidence_id) REFERENCES contract_evidence (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE contract_output_values (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      milestone_id int NOT NULL,
      report_id int NOT NULL,
      indicator_code varchar(16) NOT NULL,
      indicator_name varchar(64) NOT NULL,
      unit varchar(16) NULL,
      target_text varchar(128) NOT NULL,
      target_value decimal(18,4) NULL,
      actual_value decimal(18,4) NOT NULL,
      accepted_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_contract_output_values_indicator (milestone_id, indicator_code),
      INDEX idx_contract_output_values_contract (contract_id),
      CONSTRAINT fk_contract_output_values_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_output_values_milestone FOREIGN KEY (milestone_id) REFERENCES contract_milestones (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_output_values_report FOREIGN KEY (report_id) REFERENCES contract_milestone_reports (id) ON DELETE RESTRICT,
      CONSTRAINT chk_contract_output_values_actual CHECK (actual_value >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE contract_output_values');
    await q.query('DROP TABLE contract_report_evidence');
    await q.query('DROP TABLE contract_evidence');
    await q.query('DROP TABLE contract_milestone_reports');
  }
}
