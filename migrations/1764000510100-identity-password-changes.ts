import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passwords that users change themselves and administrators reset (issue #9 C): when the password last
 * changed, and whether the user must change it before doing anything else (after a reset, the temporary
 * password only lets them choose a new one). Existing accounts keep their password and need no change.
 */
export class IdentityPasswordChanges1764000510100 implements MigrationInterface {
  name = 'IdentityPasswordChanges1764000510100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN must_change_password tinyint NOT NULL DEFAULT 0,
      ADD COLUMN password_changed_at datetime(3) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN password_changed_at, DROP COLUMN must_change_password');
  }
}
