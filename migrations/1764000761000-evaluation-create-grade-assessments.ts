import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等级评估 (issue #11 item 6): grade assessments of social organisations on a frozen ORGANISATION_GRADE template and
 * their leaf scores (one row per leaf, with the assessor's evidence notes). At most one open assessment per
 * organisation (`open_key` = organisation_id while IN_PROGRESS, SUBMITTED or RETURNED, NULL otherwise: the unique
 * index). The checks keep what one row can say: a result (total, the lines it was graded by) once submitted, and a
 * decision by someone other than the officer who submitted it, on a document, with the grade's last valid day.
 */
export class EvaluationCreateGradeAssessments1764000761000 implements MigrationInterface {
  name = 'EvaluationCreateGradeAssessments1764000761000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grade_assessments (
      id int NOT NULL AUTO_INCREMENT,
      code varchar(32) NOT NULL,
      organisation_id int NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      template_id int NOT NULL,
      status varchar(16) NOT NULL,
      open_key int NULL,
      opened_by int NOT NULL,
      opened_at datetime(3) NOT NULL,
      submitted_by int NULL,
      submitted_at datetime(3) NULL,
      total_points decimal(8,2) NULL,
      total_exact varchar(200) NULL,
      proposed_grade tinyint NULL,
      cutoff_id int NULL,
      summary text NULL,
      returned_by int NULL,
      returned_at datetime(3) NULL,
      return_comment varchar(1000) NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      decision_document_id int NULL,
      decision_note varchar(500) NULL,
      grade tinyint NULL,
      grade_expires_on date NULL,
      cancelled_by int NULL,
      cancelled_at datetime(3) NULL,
      cancel_reason varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_grade_assessments_code (code),
      UNIQUE INDEX uq_grade_assessments_open (open_key),
      INDEX idx_grade_assessments_region_status (region_path, status),
      INDEX idx_grade_assessments_organisation (organisation_id, status),
      CONSTRAINT fk_grade_assessments_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_assessments_template FOREIGN KEY (template_id) REFERENCES evaluation_templates (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_assessments_cutoff FOREIGN KEY (cutoff_id) REFERENCES grade_cutoffs (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_assessments_document FOREIGN KEY (decision_document_id) REFERENCES organisation_documents (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_assessments_opened_by FOREIGN KEY (opened_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT fk_grade_assessments_decided_by FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_grade_assessments_status CHECK (status IN ('IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DECIDED', 'CANCELLED')),
      CONSTRAINT chk_grade_assessments_open CHECK ((status IN ('IN_PROGRESS', 'SUBMITTED', 'RETURNED') AND open_key = organisation_id)
        OR (status IN ('DECIDED', 'CANCELLED') AND open_key IS NULL)),
      CONSTRAINT chk_grade_assessments_result CHECK (status NOT IN ('SUBMITTED', 'DECIDED')
        OR (total_points IS NOT NULL AND cutoff_id IS NOT NULL AND submitted_by IS NOT NULL)),
      CONSTRAINT chk_grade_assessments_decision CHECK (status <> 'DECIDED' OR (decided_by IS NOT NULL
        AND decided_by <> submitted_by AND decision_document_id IS NOT NULL AND decided_at IS NOT NULL
        AND (grade IS NULL) = (grade_expires_on IS NULL))),
      CONSTRAINT chk_grade_assessments_grades CHECK ((proposed_grade IS NULL OR proposed_grade BETWEEN 1 AND 5)
        AND (grade IS NULL OR grade BETWEEN 1 AND 5)),
      CONSTRAINT chk_grade_assessments_total CHECK (total_points IS NULL OR total_points >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE grade_assessment_scores (
      id int NOT NULL AUTO_INCREMENT,
      assessment_id int NOT NULL,
      leaf_key varchar(32) NOT NULL,
      score decimal(9,2) NULL,
      note text NULL,
      updated_by int NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_grade_assessment_scores_leaf (assessment_id, leaf_key),
      CONSTRAINT fk_grade_assessment_scores_assessment FOREIGN KEY (assessment_id) REFERENCES grade_assessments (id) ON DELETE CASCADE,
      CONSTRAINT chk_grade_assessment_scores_score CHECK (score IS NULL OR score >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE grade_assessment_scores');
    await q.query('DROP TABLE grade_assessments');
  }
}
