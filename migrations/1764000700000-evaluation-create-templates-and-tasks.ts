import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 第三方验单 (issue #11): indicator templates (versioned weighted trees, frozen once used), evaluation tasks (one
 * FINAL per contract — the unique `final_key` — and sampled MID_TERM ones) and the leaf scores of a task (one row
 * per leaf), residents' satisfaction surveys (one per project, one answer per resident — the unique index — and
 * the residents recorded as beneficiaries), and each catalogue item's default template. The checks keep what one row can say: the status and kind words, a result only once submitted.
 */
export class EvaluationCreateTemplatesAndTasks1764000700000 implements MigrationInterface {
  name = 'EvaluationCreateTemplatesAndTasks1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evaluation_templates (
      id int NOT NULL AUTO_INCREMENT,
      code varchar(32) NOT NULL,
      version int NOT NULL,
      name varchar(100) NOT NULL,
      purpose varchar(24) NOT NULL,
      status varchar(16) NOT NULL,
      total_points decimal(9,2) NOT NULL,
      tree longtext NOT NULL,
      description varchar(500) NULL,
      frozen_at datetime(3) NULL,
      created_by int NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_templates_code_version (code, version),
      INDEX idx_evaluation_templates_purpose (purpose, status),
      CONSTRAINT chk_evaluation_templates_purpose CHECK (purpose IN ('PROJECT', 'ORGANISATION_GRADE')),
      CONSTRAINT chk_evaluation_templates_status CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
      CONSTRAINT chk_evaluation_templates_version CHECK (version > 0),
      CONSTRAINT chk_evaluation_templates_total CHECK (total_points > 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_tasks (
      id int NOT NULL AUTO_INCREMENT,
      code varchar(32) NOT NULL,
      kind varchar(16) NOT NULL,
      status varchar(16) NOT NULL,
      contract_id int NOT NULL,
      project_id int NOT NULL,
      organisation_id int NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      final_key int NULL,
      batch_id int NULL,
      template_id int NOT NULL,
      agency_id int NULL,
      evaluator_id int NULL,
      due_at datetime(3) NOT NULL,
      overdue_at datetime(3) NULL,
      assigned_by int NULL,
      assigned_at datetime(3) NULL,
      started_at datetime(3) NULL,
      submitted_at datetime(3) NULL,
      returned_at datetime(3) NULL,
      return_comment varchar(1000) NULL,
      confirmed_by int NULL,
      confirmed_at datetime(3) NULL,
      objection_due_at datetime(3) NULL,
      published_at datetime(3) NULL,
      cancelled_at datetime(3) NULL,
      total_score decimal(7,2) NULL,
      total_exact varchar(200) NULL,
      grade varchar(16) NULL,
      summary text NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_tasks_code (code),
      UNIQUE INDEX uq_evaluation_tasks_final (final_key),
      INDEX idx_evaluation_tasks_region_status (region_path, status),
      INDEX idx_evaluation_tasks_contract (contract_id, kind),
      INDEX idx_evaluation_tasks_agency (agency_id, status),
      INDEX idx_evaluation_tasks_evaluator (evaluator_id, status),
      INDEX idx_evaluation_tasks_organisation (organisation_id, status),
      CONSTRAINT fk_evaluation_tasks_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_tasks_template FOREIGN KEY (template_id) REFERENCES evaluation_templates (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_tasks_agency FOREIGN KEY (agency_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_tasks_evaluator FOREIGN KEY (evaluator_id) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluation_tasks_kind CHECK (kind IN ('FINAL', 'MID_TERM')),
      CONSTRAINT chk_evaluation_tasks_status CHECK (status IN ('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CONFIRMED', 'PUBLISHED', 'CANCELLED')),
      CONSTRAINT chk_evaluation_tasks_final CHECK ((kind = 'FINAL' AND final_key = contract_id) OR (kind <> 'FINAL' AND final_key IS NULL)),
      CONSTRAINT chk_evaluation_tasks_assigned CHECK (status IN ('OPEN', 'CANCELLED') OR (agency_id IS NOT NULL AND evaluator_id IS NOT NULL)),
      CONSTRAINT chk_evaluation_tasks_result CHECK (status NOT IN ('SUBMITTED', 'CONFIRMED', 'PUBLISHED') OR (total_score IS NOT NULL AND grade IS NOT NULL)),
      CONSTRAINT chk_evaluation_tasks_grade CHECK (grade IS NULL OR grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_scores (
      id int NOT NULL AUTO_INCREMENT,
      task_id int NOT NULL,
      leaf_key varchar(32) NOT NULL,
      score decimal(9,2) NULL,
      override_reason varchar(1000) NULL,
      note text NULL,
      measure_actual decimal(18,4) NULL,
      measure_planned decimal(18,4) NULL,
      score_exact varchar(200) NULL,
      source varchar(24) NULL,
      updated_by int NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_scores_leaf (task_id, leaf_key),
      CONSTRAINT fk_evaluation_scores_task FOREIGN KEY (task_id) REFERENCES evaluation_tasks (id) ON DELETE CASCADE,
      CONSTRAINT chk_evaluation_scores_score CHECK (score IS NULL OR score >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_surveys (
      id int NOT NULL AUTO_INCREMENT,
      project_id int NOT NULL,
      contract_id int NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      status varchar(16) NOT NULL,
      token char(32) NOT NULL,
      questions longtext NOT NULL,
      opened_at datetime(3) NOT NULL,
      closes_at datetime(3) NOT NULL,
      closed_at datetime(3) NULL,
      created_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_surveys_project (project_id),
      UNIQUE INDEX uq_evaluation_surveys_token (token),
      INDEX idx_evaluation_surveys_region (region_path, status),
      CONSTRAINT fk_evaluation_surveys_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluation_surveys_status CHECK (status IN ('OPEN', 'CLOSED'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_survey_answers (
      id int NOT NULL AUTO_INCREMENT,
      survey_id int NOT NULL,
      resident_id int NOT NULL,
      channel varchar(8) NOT NULL,
      proxy_by int NULL,
      overall tinyint NOT NULL,
      answers varchar(500) NOT NULL,
      comment varchar(1000) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_survey_answers_resident (survey_id, resident_id),
      CONSTRAINT fk_evaluation_survey_answers_survey FOREIGN KEY (survey_id) REFERENCES evaluation_surveys (id) ON DELETE CASCADE,
      CONSTRAINT fk_evaluation_survey_answers_resident FOREIGN KEY (resident_id) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluation_survey_answers_overall CHECK (overall BETWEEN 1 AND 5),
      CONSTRAINT chk_evaluation_survey_answers_channel CHECK ((channel = 'SELF' AND proxy_by IS NULL) OR (channel = 'PROXY' AND proxy_by IS NOT NULL))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_survey_beneficiaries (
      id int NOT NULL AUTO_INCREMENT,
      project_id int NOT NULL,
      resident_id int NOT NULL,
      recorded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_survey_beneficiaries (project_id, resident_id),
      CONSTRAINT fk_evaluation_survey_beneficiaries_resident FOREIGN KEY (resident_id) REFERENCES users (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`ALTER TABLE catalogue_items ADD COLUMN default_template_id int NULL,
      ADD CONSTRAINT fk_catalogue_items_template FOREIGN KEY (default_template_id) REFERENCES evaluation_templates (id) ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE catalogue_items DROP FOREIGN KEY fk_catalogue_items_template');
    await q.query('ALTER TABLE catalogue_items DROP COLUMN default_template_id');
    await q.query('DROP TABLE evaluation_survey_beneficiaries');
    await q.query('DROP TABLE evaluation_survey_answers');
    await q.query('DROP TABLE evaluation_surveys');
    await q.query('DROP TABLE evaluation_scores');
    await q.query('DROP TABLE evaluation_tasks');
    await q.query('DROP TABLE evaluation_templates');
  }
}
