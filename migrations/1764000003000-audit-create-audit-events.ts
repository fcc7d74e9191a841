import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit events: triggers refuse UPDATE and DELETE for every database user, so rows
 * can only be added; the hash chain detects changes made by anyone able to drop the triggers.
 */
export class AuditCreateAuditEvents1764000003000 implements MigrationInterface {
  name = 'AuditCreateAuditEvents1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_events (
      seq bigint NOT NULL,
      occurred_at datetime(3) NOT NULL,
      actor_id int NULL,
      actor_username varchar(64) NOT NULL,
      actor_roles varchar(255) NOT NULL,
      ip varchar(64) NULL,
      action varchar(96) NOT NULL,
      entity_type varchar(48) NOT NULL,
      entity_id varchar(64) NULL,
      region_path varchar(255) NULL,
      before_json longtext NULL,
      after_json longtext NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL,
      PRIMARY KEY (seq),
      INDEX idx_audit_entity (entity_type, entity_id),
      INDEX idx_audit_actor (actor_id, seq),
      INDEX idx_audit_action (action, seq),
      INDEX idx_audit_time (occurred_at),
      INDEX idx_audit_region (region_path, seq)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE audit_chain_head (
      id tinyint NOT NULL,
      last_seq bigint NOT NULL,
      last_hash char(64) NOT NULL,
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, REPEAT('0', 64))`);
    await q.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
    await q.query(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_events_no_delete');
    await q.query('DROP TRIGGER audit_events_no_update');
    await q.query('DROP TABLE audit_chain_head');
    await q.query('DROP TABLE audit_events');
  }
}
