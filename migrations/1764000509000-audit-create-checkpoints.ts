import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the audit chain head (ADR 0004), append-only like the events they anchor, and the
 * outcome of each verification (for the auditor's desk). The runtime database account gets only SELECT and
 * INSERT on both (scripts: backend/src/cli/prepare.ts).
 */
export class AuditCreateCheckpoints1764000509000 implements MigrationInterface {
  name = 'AuditCreateCheckpoints1764000509000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_checkpoints (
      id bigint NOT NULL,
      seq bigint NOT NULL,
      hash char(64) NOT NULL,
      taken_at datetime(3) NOT NULL,
      prev_digest char(64) NOT NULL,
      key_id char(16) NOT NULL,
      signature varchar(128) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_audit_checkpoints_seq (seq)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'`);
    await q.query(`CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'`);
    await q.query(`CREATE TABLE audit_verifications (
      id bigint NOT NULL AUTO_INCREMENT,
      verified_at datetime(3) NOT NULL,
      actor_id int NULL,
      actor_username varchar(64) NOT NULL,
      ok tinyint NOT NULL,
      checked bigint NOT NULL,
      head_seq bigint NOT NULL,
      break_count int NOT NULL,
      first_broken_seq bigint NULL,
      reason varchar(40) NULL,
      checkpoints_checked int NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_audit_verifications_time (verified_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_verifications');
    await q.query('DROP TRIGGER audit_checkpoints_no_delete');
    await q.query('DROP TRIGGER audit_checkpoints_no_update');
    await q.query('DROP TABLE audit_checkpoints');
  }
}
