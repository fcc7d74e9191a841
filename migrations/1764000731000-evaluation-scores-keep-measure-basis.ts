import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submitted leaf keeps, beside the measure it was scored on (`measure_actual` of `measure_planned`), why the measure
 * could not score it (NO_PLAN, NO_DATA, TOO_FEW_ANSWERS) and how `actual` was counted (e.g. NAMED_BENEFICIARIES), so
 * the record and the report show what the evaluator saw at submission.
 */
export class EvaluationScoresKeepMeasureBasis1764000731000 implements MigrationInterface {
  name = 'EvaluationScoresKeepMeasureBasis1764000731000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_scores
      ADD COLUMN measure_insufficient varchar(24) NULL AFTER measure_planned,
      ADD COLUMN measure_basis varchar(32) NULL AFTER measure_insufficient`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evaluation_scores DROP COLUMN measure_basis, DROP COLUMN measure_insufficient');
  }
}
