import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OCDS 1.1 open data (issue #12 item 2): the releases, each stored exactly as served with its SHA-256, and the monthly
 * bulk files once their month is over. Both are append-only: triggers refuse UPDATE and DELETE for every account, and
 * the runtime account holds only SELECT and INSERT on them (cli/db-accounts.ts, APPEND_ONLY_TABLES).
 *
 * `seq` is the publication order: the writer takes it under the audit chain head's lock, held until COMMIT, so a
 * larger `seq` is never visible before a smaller one (the cursor of the release feed pages by it without gaps).
 */
export class OpenDataCreateReleases1764000800000 implements MigrationInterface {
  name = 'OpenDataCreateReleases1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ocds_releases (
      seq bigint NOT NULL,
      ocid varchar(64) NOT NULL,
      release_id varchar(96) NOT NULL,
      project_id int NOT NULL,
      release_date datetime(3) NOT NULL,
      tags varchar(255) NOT NULL,
      release_json longtext NOT NULL,
      sha256 char(64) NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (seq),
      UNIQUE KEY uq_ocds_releases_release (ocid, release_id),
      INDEX idx_ocds_releases_project (project_id, seq),
      INDEX idx_ocds_releases_date (release_date, seq)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER ocds_releases_no_update BEFORE UPDATE ON ocds_releases FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ocds_releases is append-only: a change makes a new release'`);
    await q.query(`CREATE TRIGGER ocds_releases_no_delete BEFORE DELETE ON ocds_releases FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ocds_releases is append-only: a change makes a new release'`);
    await q.query(`CREATE TABLE ocds_bulk_files (
      month char(7) NOT NULL,
      name varchar(32) NOT NULL,
      content_type varchar(64) NOT NULL,
      content longblob NOT NULL,
      sha256 char(64) NOT NULL,
      release_count int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (month, name)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER ocds_bulk_files_no_update BEFORE UPDATE ON ocds_bulk_files FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ocds_bulk_files is append-only'`);
    await q.query(`CREATE TRIGGER ocds_bulk_files_no_delete BEFORE DELETE ON ocds_bulk_files FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ocds_bulk_files is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER ocds_bulk_files_no_delete');
    await q.query('DROP TRIGGER ocds_bulk_files_no_update');
    await q.query('DROP TABLE ocds_bulk_files');
    await q.query('DROP TRIGGER ocds_releases_no_delete');
    await q.query('DROP TRIGGER ocds_releases_no_update');
    await q.query('DROP TABLE ocds_releases');
  }
}
