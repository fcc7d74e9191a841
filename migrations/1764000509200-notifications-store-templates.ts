import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox messages are stored as a template key and its parameters (JSON) and rendered when read, in
 * the reader's language. Rows written before keep their stored text: `template` stays NULL and
 * `title`/`body` are shown as they are; new rows leave `title`/`body` NULL.
 */
export class NotificationsStoreTemplates1764000509200 implements MigrationInterface {
  name = 'NotificationsStoreTemplates1764000509200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE notifications ADD COLUMN template varchar(64) NULL AFTER kind, ADD COLUMN params longtext NULL AFTER template, MODIFY title varchar(200) NULL, MODIFY body text NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // A templated row has no stored text: keep its key so that the row stays readable.
    await q.query("UPDATE notifications SET title = template, body = '' WHERE template IS NOT NULL");
    await q.query(
      'ALTER TABLE notifications DROP COLUMN params, DROP COLUMN template, MODIFY title varchar(200) NOT NULL, MODIFY body text NOT NULL',
    );
  }
}
