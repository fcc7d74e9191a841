import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The needs funnel (reporting) counts a year's needs of a region subtree per status: a covering range on
 * `(region_path, created_at)` that carries the status and the category, so the count never reads the rows.
 */
export class ReportingIndexNeedsForTheFunnel1764000820000 implements MigrationInterface {
  name = 'ReportingIndexNeedsForTheFunnel1764000820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE needs ADD INDEX idx_needs_report (region_path, created_at, status, category_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE needs DROP INDEX idx_needs_report');
  }
}
