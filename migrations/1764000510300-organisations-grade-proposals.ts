import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grades are decided, not declared (issue #9 A6): an organisation's members propose a grade with its
 * certificate, a procurement officer of the organisation's region approves or rejects it. The grade on
 * `organisations` is the decided one, with who decided it, when, and on which document; proposals keep
 * their own history. A NULL `decided_by` with a `decided_at` is the system (seed, data present before).
 */
export class OrganisationsGradeProposals1764000510300 implements MigrationInterface {
  name = 'OrganisationsGradeProposals1764000510300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations
      ADD COLUMN grade_decided_by int NULL,
      ADD COLUMN grade_decided_at datetime(3) NULL,
      ADD COLUMN grade_document_id int NULL`);
    await q.query(`CREATE TABLE organisation_grade_proposals (
      id int NOT NULL AUTO_INCREMENT,
      organisation_id int NOT NULL,
      grade tinyint NOT NULL,
      expires_on date NOT NULL,
      document_id int NULL,
      note varchar(500) NULL,
      status varchar(16) NOT NULL,
      proposed_by int NULL,
      proposed_at datetime(3) NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      decision_reason varchar(500) NULL,
      PRIMARY KEY (id),
      INDEX idx_grade_proposals_org (organisation_id, id),
      INDEX idx_grade_proposals_status (status, organisation_id),
      CONSTRAINT fk_grade_proposals_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_proposals_document FOREIGN KEY (document_id) REFERENCES organisation_documents (id) ON DELETE RESTRICT,
      CONSTRAINT chk_grade_proposals_grade CHECK (grade BETWEEN 1 AND 5),
      CONSTRAINT chk_grade_proposals_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
      CONSTRAINT chk_grade_proposals_approved CHECK (status <> 'APPROVED' OR document_id IS NOT NULL),
      CONSTRAINT chk_grade_proposals_decided CHECK (status NOT IN ('APPROVED', 'REJECTED') OR decided_at IS NOT NULL)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_grade_proposals');
    await q.query(
      'ALTER TABLE organisations DROP COLUMN grade_document_id, DROP COLUMN grade_decided_at, DROP COLUMN grade_decided_by',
    );
  }
}
