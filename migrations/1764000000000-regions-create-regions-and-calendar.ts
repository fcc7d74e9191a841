import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegionsCreateRegionsAndCalendar1764000000000 implements MigrationInterface {
  name = 'RegionsCreateRegionsAndCalendar1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE regions (
      id int NOT NULL AUTO_INCREMENT,
      parent_id int NULL,
      code char(12) NOT NULL,
      name varchar(64) NOT NULL,
      level varchar(16) NOT NULL,
      path varchar(255) NOT NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_regions_code (code),
      INDEX idx_regions_path (path),
      INDEX idx_regions_parent (parent_id),
      CONSTRAINT fk_regions_parent FOREIGN KEY (parent_id) REFERENCES regions (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE calendar_days (
      date char(10) NOT NULL,
      kind varchar(16) NOT NULL,
      name varchar(64) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (date)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_days');
    await q.query('DROP TABLE regions');
  }
}
