import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's side of a published evaluation (issue #11 item 5): the organisation's evaluation results (one per
 * evaluation task: code, year, score, grade — what later committees see beside its bids) and its bars from bidding
 * in a region subtree until a date after a failed (不合格) evaluation, which the procurement eligibility check reads.
 */
export class OrganisationsEvaluationResultsAndBars1764000751000 implements MigrationInterface {
  name = 'OrganisationsEvaluationResultsAndBars1764000751000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisation_evaluation_results (
      id int NOT NULL AUTO_INCREMENT,
      organisation_id int NOT NULL,
      source_type varchar(32) NOT NULL,
      source_id int NOT NULL,
      code varchar(32) NOT NULL,
      kind varchar(16) NOT NULL,
      title varchar(128) NOT NULL,
      year smallint NOT NULL,
      score decimal(7,2) NOT NULL,
      grade varchar(16) NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      published_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_organisation_evaluation_results_source (source_type, source_id),
      INDEX idx_organisation_evaluation_results_org (organisation_id, published_at),
      CONSTRAINT fk_organisation_evaluation_results_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT chk_organisation_evaluation_results_grade CHECK (grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
      CONSTRAINT chk_organisation_evaluation_results_score CHECK (score >= 0 AND score <= 100)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE organisation_bars (
      id int NOT NULL AUTO_INCREMENT,
      organisation_id int NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      reason varchar(32) NOT NULL,
      source_type varchar(32) NOT NULL,
      source_id int NOT NULL,
      source_code varchar(32) NOT NULL,
      score decimal(7,2) NOT NULL,
      grade varchar(16) NOT NULL,
      starts_at datetime(3) NOT NULL,
      until_date date NOT NULL,
      ends_at datetime(3) NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_organisation_bars_source (source_type, source_id),
      INDEX idx_organisation_bars_org (organisation_id, ends_at),
      CONSTRAINT fk_organisation_bars_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_organisation_bars_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT chk_organisation_bars_reason CHECK (reason IN ('EVALUATION_FAIL')),
      CONSTRAINT chk_organisation_bars_period CHECK (ends_at > starts_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_bars');
    await q.query('DROP TABLE organisation_evaluation_results');
  }
}
