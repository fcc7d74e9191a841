import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk loads on every sign-in: a community worker's count of residents waiting for verification and an
 * administrator's count of disabled accounts must not read every user of the subtree. Both become a range on
 * an index: `resident_verified_at IS NULL` then the region prefix; `status = 'DISABLED'` then the prefix.
 */
export class IdentityIndexUsersForTheDesk1764000517100 implements MigrationInterface {
  name = 'IdentityIndexUsersForTheDesk1764000517100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE users ADD INDEX idx_users_verified_region (resident_verified_at, region_path), ADD INDEX idx_users_status_region (status, region_path)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP INDEX idx_users_verified_region, DROP INDEX idx_users_status_region');
  }
}
