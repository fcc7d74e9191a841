import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grade expiry by job (issue #11 item 6): `grade_expired_at` is stamped by the job that runs when a grade's last
 * valid day has ended (it tells the members and the region's officers, once). A new decision clears it. The grade
 * itself already stops counting on read after its last day (`gradeValid`): the stamp records that the expiry was
 * announced, and lets the reconciler find the expiries still to announce.
 */
export class OrganisationsGradeExpiryStamp1764000762000 implements MigrationInterface {
  name = 'OrganisationsGradeExpiryStamp1764000762000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organisations ADD COLUMN grade_expired_at datetime(3) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organisations DROP COLUMN grade_expired_at');
  }
}
