import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation registry (PRODUCT.md §5.3): type, legal representative, contact, service areas,
 * evaluation grade with its expiry, bank account, review status with blacklisting until a date,
 * qualification documents, and an append-only performance record.
 *
 * Existing organisations stay ACTIVE (the column default); new registrations start PENDING_REVIEW.
 * CHECK constraints keep the status, the type and the grade (1..5 = 1A..5A) within their values and
 * a blacklisting always carries its end; triggers refuse UPDATE and DELETE on the record.
 */
export class OrganisationsRegistry1764000400000 implements MigrationInterface {
  name = 'OrganisationsRegistry1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations
      ADD COLUMN org_type varchar(24) NULL,
      ADD COLUMN legal_representative varchar(64) NULL,
      ADD COLUMN contact_phone varchar(20) NULL,
      ADD COLUMN grade tinyint NULL,
      ADD COLUMN grade_expires_on date NULL,
      ADD COLUMN bank_name varchar(128) NULL,
      ADD COLUMN bank_account_name varchar(128) NULL,
      ADD COLUMN bank_account_no varchar(40) NULL,
      ADD COLUMN status varchar(20) NOT NULL DEFAULT 'ACTIVE',
      ADD COLUMN status_reason varchar(500) NULL,
      ADD COLUMN blacklisted_until datetime(3) NULL,
      ADD COLUMN reviewed_by int NULL,
      ADD COLUMN reviewed_at datetime(3) NULL,
      ADD COLUMN updated_at datetime(3) NULL,
      ADD INDEX idx_organisations_status (status, kind),
      ADD INDEX idx_organisations_blacklisted_until (blacklisted_until),
      ADD CONSTRAINT chk_organisations_status CHECK (status IN ('PENDING_REVIEW', 'RETURNED', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED')),
      ADD CONSTRAINT chk_organisations_org_type CHECK (org_type IS NULL OR org_type IN ('SOCIAL_GROUP', 'SOCIAL_SERVICE_AGENCY', 'FOUNDATION')),
      ADD CONSTRAINT chk_organisations_grade CHECK (grade IS NULL OR grade BETWEEN 1 AND 5),
      ADD CONSTRAINT chk_organisations_blacklist CHECK (status <> 'BLACKLISTED' OR blacklisted_until IS NOT NULL)`);
    await q.query(`CREATE TABLE organisation_service_areas (
      organisation_id int NOT NULL,
      region_id int NOT NULL,
      PRIMARY KEY (organisation_id, region_id),
      INDEX idx_organisation_service_areas_region (region_id),
      CONSTRAINT fk_organisation_service_areas_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_organisation_service_areas_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE organisation_documents (
      id int NOT NULL AUTO_INCREMENT,
      organisation_id int NOT NULL,
      kind varchar(32) NOT NULL,
      file_name varchar(200) NOT NULL,
      mime varchar(64) NOT NULL,
      size int NOT NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NOT NULL,
      uploaded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_organisation_documents_org (organisation_id, id),
      CONSTRAINT fk_organisation_documents_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT chk_organisation_documents_kind CHECK (kind IN ('REGISTRATION_CERTIFICATE', 'GRADE_CERTIFICATE', 'QUALIFICATION', 'OTHER'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE organisation_records (
      id int NOT NULL AUTO_INCREMENT,
      organisation_id int NOT NULL,
      kind varchar(32) NOT NULL,
      summary varchar(500) NOT NULL,
      reference_type varchar(32) NULL,
      reference_id varchar(64) NULL,
      grade_label varchar(16) NULL,
      amount_fen bigint NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_organisation_records_org (organisation_id, id),
      INDEX idx_organisation_records_reference (reference_type, reference_id),
      CONSTRAINT fk_organisation_records_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT chk_organisation_records_amount CHECK (amount_fen IS NULL OR amount_fen >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TRIGGER organisation_records_no_update BEFORE UPDATE ON organisation_records FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'organisation_records is append-only'`);
    await q.query(`CREATE TRIGGER organisation_records_no_delete BEFORE DELETE ON organisation_records FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'organisation_records is append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER organisation_records_no_delete');
    await q.query('DROP TRIGGER organisation_records_no_update');
    await q.query('DROP TABLE organisation_records');
    await q.query('DROP TABLE organisation_documents');
    await q.query('DROP TABLE organisation_service_areas');
    await q.query(`ALTER TABLE organisations
      DROP CONSTRAINT chk_organisations_blacklist,
      DROP CONSTRAINT chk_organisations_grade,
      DROP CONSTRAINT chk_organisations_org_type,
      DROP CONSTRAINT chk_organisations_status,
      DROP INDEX idx_organisations_blacklisted_until,
      DROP INDEX idx_organisations_status,
      DROP COLUMN updated_at,
      DROP COLUMN reviewed_at,
      DROP COLUMN reviewed_by,
      DROP COLUMN blacklisted_until,
      DROP COLUMN status_reason,
      DROP COLUMN status,
      DROP COLUMN bank_account_no,
      DROP COLUMN bank_account_name,
      DROP COLUMN bank_name,
      DROP COLUMN grade_expires_on,
      DROP COLUMN grade,
      DROP COLUMN contact_phone,
      DROP COLUMN legal_representative,
      DROP COLUMN org_type`);
  }
}
