import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 第三方验单, scoring with evidence (issue #11 item 3): the evaluator's evidence of a task — documents and site-visit
 * photos (typed by content, SHA-256, thumbnails, the typed time and place, the camera's EXIF time) and interview notes
 * (who, when, a summary) — and the leaves each piece supports. Evidence goes with its task (ON DELETE CASCADE).
 */
export class EvaluationCreateEvidence1764000730000 implements MigrationInterface {
  name = 'EvaluationCreateEvidence1764000730000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evaluation_evidence (
      id int NOT NULL AUTO_INCREMENT,
      task_id int NOT NULL,
      kind varchar(16) NOT NULL,
      file_name varchar(200) NULL,
      mime varchar(64) NULL,
      size int NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NULL,
      thumb_mime varchar(64) NULL,
      thumb_content mediumblob NULL,
      taken_at datetime(3) NULL,
      place varchar(200) NULL,
      exif_taken_at datetime(3) NULL,
      interviewee varchar(100) NULL,
      summary text NULL,
      uploaded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_evaluation_evidence_task (task_id, id),
      CONSTRAINT fk_evaluation_evidence_task FOREIGN KEY (task_id) REFERENCES evaluation_tasks (id) ON DELETE CASCADE,
      CONSTRAINT chk_evaluation_evidence_kind CHECK (kind IN ('PHOTO', 'DOCUMENT', 'INTERVIEW')),
      CONSTRAINT chk_evaluation_evidence_file CHECK (
        (kind IN ('PHOTO', 'DOCUMENT') AND file_name IS NOT NULL AND mime IS NOT NULL AND content IS NOT NULL
          AND size > 0 AND size <= 5242880)
        OR (kind = 'INTERVIEW' AND interviewee IS NOT NULL AND summary IS NOT NULL AND taken_at IS NOT NULL
          AND content IS NULL)),
      CONSTRAINT chk_evaluation_evidence_photo CHECK (kind <> 'PHOTO' OR (taken_at IS NOT NULL AND place IS NOT NULL))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE evaluation_evidence_leaves (
      evidence_id int NOT NULL,
      leaf_key varchar(32) NOT NULL,
      task_id int NOT NULL,
      PRIMARY KEY (evidence_id, leaf_key),
      INDEX idx_evaluation_evidence_leaves_task (task_id, leaf_key),
      CONSTRAINT fk_evaluation_evidence_leaves_evidence FOREIGN KEY (evidence_id) REFERENCES evaluation_evidence (id) ON DELETE CASCADE,
      CONSTRAINT fk_evaluation_evidence_leaves_task FOREIGN KEY (task_id) REFERENCES evaluation_tasks (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE evaluation_evidence_leaves');
    await q.query('DROP TABLE evaluation_evidence');
  }
}
