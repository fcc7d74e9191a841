import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may sign a contract for a supplier (签约授权): members of an organisation holding signing rights. The demo
 * seed grants them to each organisation's head account; a signatory grants or withdraws them for the other
 * members of the same organisation (PUT /v1/contract-signatories/:userId). Also: the flag the publication job
 * sets when the contract notice is not out within 2 working days of signing.
 */
export class ContractsSignatories1764000601000 implements MigrationInterface {
  name = 'ContractsSignatories1764000601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_signatories (
      organisation_id int NOT NULL,
      user_id int NOT NULL,
      granted_by int NULL,
      granted_at datetime(3) NOT NULL,
      PRIMARY KEY (organisation_id, user_id),
      INDEX idx_contract_signatories_user (user_id),
      CONSTRAINT fk_contract_signatories_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
      CONSTRAINT fk_contract_signatories_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('ALTER TABLE contracts ADD COLUMN publication_overdue_at datetime(3) NULL AFTER published_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE contracts DROP COLUMN publication_overdue_at');
    await q.query('DROP TABLE contract_signatories');
  }
}
