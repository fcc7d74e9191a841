import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationsCreateOrganisations1764000001000 implements MigrationInterface {
  name = 'OrganisationsCreateOrganisations1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisations (
      id int NOT NULL AUTO_INCREMENT,
      name varchar(128) NOT NULL,
      kind varchar(32) NOT NULL,
      credit_code char(18) NOT NULL,
      region_id int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_organisations_credit_code (credit_code),
      CONSTRAINT fk_organisations_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisations');
  }
}
