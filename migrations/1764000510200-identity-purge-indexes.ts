import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity-purge job (issue #9 C) deletes ended sessions and expired refresh tokens in small batches:
 * these indexes let each batch find its rows without scanning, so no batch holds locks for long.
 */
export class IdentityPurgeIndexes1764000510200 implements MigrationInterface {
  name = 'IdentityPurgeIndexes1764000510200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE sessions ADD INDEX idx_sessions_expires_at (expires_at), ADD INDEX idx_sessions_revoked_at (revoked_at)',
    );
    await q.query('ALTER TABLE refresh_tokens ADD INDEX idx_refresh_tokens_expires_at (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE refresh_tokens DROP INDEX idx_refresh_tokens_expires_at');
    await q.query('ALTER TABLE sessions DROP INDEX idx_sessions_revoked_at, DROP INDEX idx_sessions_expires_at');
  }
}
