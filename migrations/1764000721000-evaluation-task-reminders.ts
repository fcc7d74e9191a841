import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder before an evaluation task is due is sent once (`reminded_at`), like the milestones' and contracts'
 * reminders; the reconciler rebuilds the reminder job only for the tasks not yet reminded. Open tasks are read by
 * their due time (the deadline sources and the desk).
 */
export class EvaluationTaskReminders1764000721000 implements MigrationInterface {
  name = 'EvaluationTaskReminders1764000721000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_tasks ADD COLUMN reminded_at datetime(3) NULL AFTER due_at,
      ADD INDEX idx_evaluation_tasks_status_due (status, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evaluation_tasks DROP INDEX idx_evaluation_tasks_status_due, DROP COLUMN reminded_at');
  }
}
