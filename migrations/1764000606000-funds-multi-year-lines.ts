import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget line may allow multi-year service contracts (up to 3 years, PRODUCT.md §4); contracts paid from any other
 * line run at most 1 year. Existing lines do not allow it.
 */
export class FundsMultiYearLines1764000606000 implements MigrationInterface {
  name = 'FundsMultiYearLines1764000606000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE budget_lines ADD COLUMN multi_year tinyint NOT NULL DEFAULT 0 AFTER year_closed');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE budget_lines DROP COLUMN multi_year');
  }
}
