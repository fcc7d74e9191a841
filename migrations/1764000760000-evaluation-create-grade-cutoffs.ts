import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等级分数线 (issue #11 item 6): the points a region's civil-affairs bureau requires for 1A … 5A on the 1,000-point
 * grade assessment, one row per region and effective date. An edit is a new row (the table is append-only: triggers
 * refuse UPDATE and DELETE), so the lines any past assessment was graded by stay on record. `decided_by` NULL: the
 * system (the seeded city default). The CHECK keeps what one row can say: 0 < 1A < 2A < 3A < 4A < 5A ≤ 1000.
 */
export class EvaluationCreateGradeCutoffs1764000760000 implements MigrationInterface {
  name = 'EvaluationCreateGradeCutoffs1764000760000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grade_cutoffs (
      id int NOT NULL AUTO_INCREMENT,
      region_id int NOT NULL,
      min_1a decimal(7,2) NOT NULL,
      min_2a decimal(7,2) NOT NULL,
      min_3a decimal(7,2) NOT NULL,
      min_4a decimal(7,2) NOT NULL,
      min_5a decimal(7,2) NOT NULL,
      effective_from date NOT NULL,
      note varchar(500) NULL,
      decided_by int NULL,
      decided_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_grade_cutoffs_region (region_id, effective_from),
      CONSTRAINT fk_grade_cutoffs_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_cutoffs_decided_by FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_grade_cutoffs_ascending CHECK (min_1a > 0 AND min_1a < min_2a AND min_2a < min_3a
        AND min_3a < min_4a AND min_4a < min_5a AND min_5a <= 1000)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER grade_cutoffs_no_update BEFORE UPDATE ON grade_cutoffs FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grade_cutoffs is append-only: add a row effective from a date'`);
    await q.query(`CREATE TRIGGER grade_cutoffs_no_delete BEFORE DELETE ON grade_cutoffs FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grade_cutoffs is append-only: add a row effective from a date'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER grade_cutoffs_no_delete');
    await q.query('DROP TRIGGER grade_cutoffs_no_update');
    await q.query('DROP TABLE grade_cutoffs');
  }
}
