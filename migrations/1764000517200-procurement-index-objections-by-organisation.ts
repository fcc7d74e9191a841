import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation's desk lists its own objections (open, and answered lately): by organisation, then status. */
export class ProcurementIndexObjectionsByOrganisation1764000517200 implements MigrationInterface {
  name = 'ProcurementIndexObjectionsByOrganisation1764000517200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE objections ADD INDEX idx_objections_organisation (organisation_id, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE objections DROP INDEX idx_objections_organisation');
  }
}
