import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mid-term sampling batches (issue #11 item 2): one draw per region subtree, with the share drawn (≥ 30 %), the
 * cryptographically random seed and what it was applied to (the candidate contracts by district) and what it drew,
 * so that anyone can re-run it. The MID_TERM tasks a batch created point at it (`evaluation_tasks.batch_id`).
 */
export class EvaluationCreateSamplingBatches1764000720000 implements MigrationInterface {
  name = 'EvaluationCreateSamplingBatches1764000720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evaluation_batches (
      id int NOT NULL AUTO_INCREMENT,
      name varchar(100) NOT NULL,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      sample_bp int NOT NULL,
      seed char(64) NOT NULL,
      candidates longtext NOT NULL,
      drawn longtext NOT NULL,
      candidate_count int NOT NULL,
      drawn_count int NOT NULL,
      due_at datetime(3) NOT NULL,
      created_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_evaluation_batches_region (region_path, created_at),
      CONSTRAINT fk_evaluation_batches_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_batches_creator FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluation_batches_rate CHECK (sample_bp BETWEEN 3000 AND 10000),
      CONSTRAINT chk_evaluation_batches_seed CHECK (seed REGEXP '^[0-9a-f]{64}$'),
      CONSTRAINT chk_evaluation_batches_counts CHECK (drawn_count >= 1 AND drawn_count <= candidate_count)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`ALTER TABLE evaluation_tasks
      ADD INDEX idx_evaluation_tasks_batch (batch_id, status),
      ADD CONSTRAINT fk_evaluation_tasks_batch FOREIGN KEY (batch_id) REFERENCES evaluation_batches (id) ON DELETE RESTRICT,
      ADD CONSTRAINT chk_evaluation_tasks_batch CHECK (batch_id IS NULL OR kind = 'MID_TERM')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_tasks DROP CONSTRAINT chk_evaluation_tasks_batch`);
    await q.query(`ALTER TABLE evaluation_tasks DROP FOREIGN KEY fk_evaluation_tasks_batch`);
    await q.query(`ALTER TABLE evaluation_tasks DROP INDEX idx_evaluation_tasks_batch`);
    await q.query('DROP TABLE evaluation_batches');
  }
}
