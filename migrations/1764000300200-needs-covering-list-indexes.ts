import { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS: Array<[string, string]> = [
  ['idx_needs_community', 'region_id'],
  ['idx_needs_street', 'street_id'],
  ['idx_needs_district', 'district_id'],
  ['idx_needs_city', 'city_id'],
];

/**
 * The needs list indexes cover every filtered and sorted column, so the list's inner query (a
 * deferred join on ids) and its count run inside the index: `(level_id, status, created_at, id,
 * category_id, support_count)` — `id` right after `created_at` keeps the `created_at, id` order.
 * Measured on 1M needs in bench/README.md.
 */
export class NeedsCoveringListIndexes1764000300200 implements MigrationInterface {
  name = 'NeedsCoveringListIndexes1764000300200';

  async up(q: QueryRunner): Promise<void> {
    const parts = LEVELS.map(
      ([name, col]) =>
        `DROP INDEX ${name}, ADD INDEX ${name} (${col}, status, created_at, id, category_id, support_count)`,
    );
    await q.query(`ALTER TABLE needs ${parts.join(', ')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const parts = LEVELS.map(([name, col]) => `DROP INDEX ${name}, ADD INDEX ${name} (${col}, status, created_at)`);
    await q.query(`ALTER TABLE needs ${parts.join(', ')}`);
  }
}
