import { MigrationInterface, QueryRunner } from 'typeorm';

/** Residents are verified to their community by a community worker before they may support needs. */
export class IdentityAddResidentVerification1764000100000 implements MigrationInterface {
  name = 'IdentityAddResidentVerification1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD resident_verified_at datetime(3) NULL, ADD resident_verified_by int NULL');
    await q.query(`UPDATE users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'RESIDENT'
                   SET u.resident_verified_at = u.created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN resident_verified_by, DROP COLUMN resident_verified_at');
  }
}
