import { MigrationInterface, QueryRunner } from 'typeorm';

/** The chain head follows each appended audit event inside the database (one statement fewer per write). */
export class AuditHeadFollowsTheChain1764000300100 implements MigrationInterface {
  name = 'AuditHeadFollowsTheChain1764000300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER audit_events_advance_head AFTER INSERT ON audit_events FOR EACH ROW
      UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_events_advance_head');
  }
}
