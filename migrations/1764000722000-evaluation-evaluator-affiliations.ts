import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluators' past employment and declared relationships (利害关系申报), the evaluation agencies' counterpart of
 * the bid experts' `expert_affiliations`, read by the same conflict rule (procurement/domain/committee.ts
 * `conflictOf`): an evaluator who worked for the evaluated organisation in the last 3 years, or declared a
 * relationship with it, is never assigned its evaluation. Append-only for the application: a declaration is not
 * taken back to get a task.
 */
export class EvaluationEvaluatorAffiliations1764000722000 implements MigrationInterface {
  name = 'EvaluationEvaluatorAffiliations1764000722000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evaluator_affiliations (
      id int NOT NULL AUTO_INCREMENT,
      evaluator_id int NOT NULL,
      organisation_id int NOT NULL,
      kind varchar(16) NOT NULL,
      started_on date NULL,
      ended_on date NULL,
      note varchar(255) NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_evaluator_affiliations_evaluator (evaluator_id),
      INDEX idx_evaluator_affiliations_organisation (organisation_id),
      CONSTRAINT fk_evaluator_affiliations_evaluator FOREIGN KEY (evaluator_id) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluator_affiliations_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
      CONSTRAINT chk_evaluator_affiliations_kind CHECK (kind IN ('EMPLOYMENT', 'DECLARED')),
      CONSTRAINT chk_evaluator_affiliations_dates CHECK (started_on IS NULL OR ended_on IS NULL OR ended_on >= started_on)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE evaluator_affiliations');
  }
}
