import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget year is closed per region subtree, not for the whole deployment: a district's finance office
 * closes its own year-end, and must not be able to close every other district's (issue #9, A5).
 * `fund_year_closures` records one closure per (year, region); a closure covers the region's subtree.
 * Years closed before this migration were closed for everybody: they become closures of the root regions.
 */
export class FundsCloseYearsPerRegion1764000509500 implements MigrationInterface {
  name = 'FundsCloseYearsPerRegion1764000509500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fund_year_closures (
      id int NOT NULL AUTO_INCREMENT,
      year smallint NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      closed_at datetime(3) NOT NULL,
      closed_by int NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_fund_year_closures_year_region (year, region_id),
      INDEX idx_fund_year_closures_year_path (year, region_path),
      CONSTRAINT fk_fund_year_closures_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`INSERT INTO fund_year_closures (year, region_id, region_path, closed_at, closed_by)
      SELECT f.year, r.id, r.path, f.closed_at, COALESCE(f.closed_by, 0)
        FROM fund_years f JOIN regions r ON r.parent_id IS NULL
       WHERE f.closed_at IS NOT NULL`);
    await q.query('DROP TABLE fund_years');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fund_years (
      year smallint NOT NULL,
      closed_at datetime(3) NULL,
      closed_by int NULL,
      PRIMARY KEY (year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // only a closure of a root region closed the year for everybody
    await q.query(`INSERT INTO fund_years (year, closed_at, closed_by)
      SELECT c.year, MIN(c.closed_at), MIN(c.closed_by)
        FROM fund_year_closures c JOIN regions r ON r.id = c.region_id AND r.parent_id IS NULL
       GROUP BY c.year`);
    await q.query('DROP TABLE fund_year_closures');
  }
}
