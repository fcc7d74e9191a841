import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 补充合同 (issue #10 item 6): a change order adds scope and money to a signed contract, proposed by the procurement
 * officer and approved by finance (two people). On approval the extra money is committed from the contract's budget
 * line and a milestone of its own is added; `contracts.changes_fen` keeps the sum (its CHECK is the last guard of the
 * 10 % cap). The checks keep what one row can say: the status words, a positive amount, a decision only once decided.
 */
export class ContractsChangeOrders1764000605000 implements MigrationInterface {
  name = 'ContractsChangeOrders1764000605000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_change_orders (
      id int NOT NULL AUTO_INCREMENT,
      contract_id int NOT NULL,
      status varchar(16) NOT NULL,
      scope text NOT NULL,
      reason varchar(500) NOT NULL,
      amount_fen bigint NOT NULL,
      milestone_title varchar(128) NOT NULL,
      milestone_due_date date NOT NULL,
      milestone_id int NULL,
      commitment_entry_id bigint NULL,
      proposed_by int NOT NULL,
      proposed_at datetime(3) NOT NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      rejection_reason varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_change_orders_contract (contract_id, status),
      INDEX idx_change_orders_status (status, proposed_at),
      CONSTRAINT fk_change_orders_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
      CONSTRAINT fk_change_orders_milestone FOREIGN KEY (milestone_id) REFERENCES contract_milestones (id) ON DELETE RESTRICT,
      CONSTRAINT chk_change_orders_status CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
      CONSTRAINT chk_change_orders_amount CHECK (amount_fen > 0),
      CONSTRAINT chk_change_orders_decided CHECK (status = 'PROPOSED' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
      CONSTRAINT chk_change_orders_approved CHECK (status <> 'APPROVED' OR (milestone_id IS NOT NULL AND commitment_entry_id IS NOT NULL))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE contract_change_orders');
  }
}
