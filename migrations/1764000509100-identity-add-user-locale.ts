import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a user reads the app in (zh-CN or en-US), chosen with the UI's language switch.
 * NULL: not chosen, the browser's Accept-Language decides, then zh-CN.
 */
export class IdentityAddUserLocale1764000509100 implements MigrationInterface {
  name = 'IdentityAddUserLocale1764000509100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN locale varchar(5) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN locale');
  }
}
