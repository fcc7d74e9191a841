import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A line of an organisation's performance record is written as a template key and its parameters
 * (JSON), rendered when read in the reader's language. Lines written before keep their `summary`
 * (template NULL); new lines leave it NULL. The table stays append-only (its triggers refuse
 * UPDATE and DELETE of rows; adding columns does not touch them).
 */
export class OrganisationsRecordTemplates1764000509400 implements MigrationInterface {
  name = 'OrganisationsRecordTemplates1764000509400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE organisation_records ADD COLUMN template varchar(64) NULL AFTER kind, ADD COLUMN params longtext NULL AFTER template, MODIFY summary varchar(500) NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Templated lines have no stored summary: keep their key. The append-only trigger is lifted for
    // this one statement and put back as it was.
    await q.query('DROP TRIGGER organisation_records_no_update');
    await q.query('UPDATE organisation_records SET summary = template WHERE summary IS NULL');
    await q.query(`CREATE TRIGGER organisation_records_no_update BEFORE UPDATE ON organisation_records FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'organisation_records is append-only'`);
    await q.query(
      'ALTER TABLE organisation_records DROP COLUMN params, DROP COLUMN template, MODIFY summary varchar(500) NOT NULL',
    );
  }
}
