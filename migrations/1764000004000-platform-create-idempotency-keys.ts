import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformCreateIdempotencyKeys1764000004000 implements MigrationInterface {
  name = 'PlatformCreateIdempotencyKeys1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idempotency_keys (
      owner varchar(64) NOT NULL,
      idem_key varchar(128) NOT NULL,
      request_hash char(64) NOT NULL,
      state varchar(16) NOT NULL,
      response_status smallint NULL,
      response_body longtext NULL,
      created_at datetime(3) NOT NULL,
      expires_at datetime(3) NOT NULL,
      PRIMARY KEY (owner, idem_key)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
