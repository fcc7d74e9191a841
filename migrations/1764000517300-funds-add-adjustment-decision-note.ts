import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rejected budget adjustment keeps its reason (required since issue #9): the officer who asked for it
 * reads why, and the ledger page shows it. Approved adjustments may carry a note too; old rows have none.
 */
export class FundsAddAdjustmentDecisionNote1764000517300 implements MigrationInterface {
  name = 'FundsAddAdjustmentDecisionNote1764000517300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE budget_adjustments ADD COLUMN decision_note VARCHAR(500) NULL AFTER decided_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE budget_adjustments DROP COLUMN decision_note');
  }
}
