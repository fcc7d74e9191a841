import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityCreateUsersAndSessions1764000002000 implements MigrationInterface {
  name = 'IdentityCreateUsersAndSessions1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id int NOT NULL AUTO_INCREMENT,
      username varchar(64) NOT NULL,
      display_name varchar(64) NOT NULL,
      phone varchar(20) NULL,
      password_hash varchar(255) NOT NULL,
      status varchar(16) NOT NULL,
      failed_login_count int NOT NULL,
      locked_until datetime(3) NULL,
      region_id int NULL,
      region_path varchar(255) NULL,
      organisation_id int NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_users_username (username),
      INDEX idx_users_region_path (region_path),
      INDEX idx_users_organisation (organisation_id),
      INDEX idx_users_locked_until (locked_until),
      CONSTRAINT fk_users_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_users_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE user_roles (
      user_id int NOT NULL,
      role varchar(32) NOT NULL,
      PRIMARY KEY (user_id, role),
      CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE sessions (
      id char(36) NOT NULL,
      user_id int NOT NULL,
      created_at datetime(3) NOT NULL,
      expires_at datetime(3) NOT NULL,
      revoked_at datetime(3) NULL,
      revoked_reason varchar(32) NULL,
      ip varchar(64) NULL,
      PRIMARY KEY (id),
      INDEX idx_sessions_user (user_id),
      CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE refresh_tokens (
      id bigint NOT NULL AUTO_INCREMENT,
      session_id char(36) NOT NULL,
      token_hash char(64) NOT NULL,
      created_at datetime(3) NOT NULL,
      expires_at datetime(3) NOT NULL,
      used_at datetime(3) NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_refresh_tokens_hash (token_hash),
      INDEX idx_refresh_tokens_session (session_id),
      CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_tokens');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE user_roles');
    await q.query('DROP TABLE users');
  }
}
