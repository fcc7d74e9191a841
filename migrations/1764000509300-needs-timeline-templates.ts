import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A need's timeline events carry a template key and its parameters (JSON): the steps other
 * contexts report (tender published, bids opened, award…) and the coded reason of a status change,
 * rendered when read in the reader's language. Earlier rows have none and are rendered from their
 * codes and note as before.
 */
export class NeedsTimelineTemplates1764000509300 implements MigrationInterface {
  name = 'NeedsTimelineTemplates1764000509300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE need_events ADD COLUMN template varchar(64) NULL AFTER note, ADD COLUMN params longtext NULL AFTER template',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE need_events DROP COLUMN params, DROP COLUMN template');
  }
}
