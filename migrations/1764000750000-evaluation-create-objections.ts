import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Objections (异议) of an evaluated organisation to a confirmed evaluation result (issue #11 item 5), with their
 * attachments. One open (FILED) objection per task: `open_key` holds the task's id until the objection is decided.
 */
export class EvaluationCreateObjections1764000750000 implements MigrationInterface {
  name = 'EvaluationCreateObjections1764000750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evaluation_objections (
      id int NOT NULL AUTO_INCREMENT,
      task_id int NOT NULL,
      organisation_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      status varchar(16) NOT NULL,
      open_key int NULL,
      reasons text NOT NULL,
      window_due_at datetime(3) NOT NULL,
      filed_by int NOT NULL,
      filed_at datetime(3) NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      answer varchar(2000) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_evaluation_objections_open (open_key),
      INDEX idx_evaluation_objections_task (task_id, status),
      INDEX idx_evaluation_objections_region (region_path, status),
      INDEX idx_evaluation_objections_organisation (organisation_id, id),
      CONSTRAINT fk_evaluation_objections_task FOREIGN KEY (task_id) REFERENCES evaluation_tasks (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_objections_org FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_objections_filed_by FOREIGN KEY (filed_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluation_objections_status CHECK (status IN ('FILED', 'UPHELD', 'DISMISSED')),
      CONSTRAINT chk_evaluation_objections_open CHECK ((status = 'FILED' AND open_key = task_id) OR (status <> 'FILED' AND open_key IS NULL)),
      CONSTRAINT chk_evaluation_objections_decided CHECK (status = 'FILED' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL AND answer IS NOT NULL))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE evaluation_objection_files (
      id int NOT NULL AUTO_INCREMENT,
      objection_id int NOT NULL,
      file_name varchar(200) NOT NULL,
      mime varchar(64) NOT NULL,
      size int NOT NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_evaluation_objection_files_objection (objection_id),
      CONSTRAINT fk_evaluation_objection_files_objection FOREIGN KEY (objection_id) REFERENCES evaluation_objections (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE evaluation_objection_files');
    await q.query('DROP TABLE evaluation_objections');
  }
}
