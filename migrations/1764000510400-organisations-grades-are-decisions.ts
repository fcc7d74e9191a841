import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Until now a member could set its own organisation's grade (`PATCH /my/organisation`), and tender
 * eligibility trusted it. Existing data is sorted out here, once:
 *
 * - a grade whose last change was made by a member of the organisation (the audit event
 *   `organisations.organisation.grade_changed` by an ORG_MEMBER or EVALUATOR) was never decided: it becomes a
 *   PENDING proposal (without a document: the officer asks for the certificate, or rejects it) and the
 *   organisation has no grade until an officer decides;
 * - every other grade (seeded, entered before grades were editable, evaluation results) counts as decided
 *   by the system (`grade_decided_by` NULL) at the organisation's last update.
 *
 * From then on a trigger refuses any change that gives an organisation a grade (or another grade, or another
 * expiry) without a new decision stamp (`grade_decided_at`), whoever writes the table. Taking a grade away
 * (NULL) makes no organisation more eligible and needs no stamp.
 */
export class OrganisationsGradesAreDecisions1764000510400 implements MigrationInterface {
  name = 'OrganisationsGradesAreDecisions1764000510400';

  async up(q: QueryRunner): Promise<void> {
    await moveSelfDeclaredGrades(q);
    await q.query(`CREATE TRIGGER organisations_grade_is_decided BEFORE UPDATE ON organisations FOR EACH ROW
      BEGIN
        IF NEW.grade IS NOT NULL
           AND NOT (NEW.grade <=> OLD.grade AND NEW.grade_expires_on <=> OLD.grade_expires_on)
           AND NEW.grade_decided_at <=> OLD.grade_decided_at THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an organisation grade changes only by a decision (grade_decided_at)';
        END IF;
      END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS organisations_grade_is_decided');
  }
}

/**
 * The data step of the migration, on its own so that a test can run it against crafted rows. Idempotent:
 * an organisation whose grade has moved to a proposal has no grade any more; a stamped grade is left alone.
 */
export async function moveSelfDeclaredGrades(q: Pick<QueryRunner, 'query'>): Promise<void> {
  const selfDeclared: Array<{
    id: number;
    grade: number;
    expires_on: string | null;
    actor_id: number | null;
    occurred_at: Date;
  }> =
    await q.query(`SELECT o.id, o.grade, DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS expires_on, e.actor_id, e.occurred_at
       FROM organisations o
       JOIN (SELECT CAST(entity_id AS UNSIGNED) AS organisation_id, MAX(seq) AS seq FROM audit_events
              WHERE action = 'organisations.organisation.grade_changed' GROUP BY entity_id) last ON last.organisation_id = o.id
       JOIN audit_events e ON e.seq = last.seq
      WHERE o.grade IS NOT NULL AND o.grade_decided_at IS NULL
        AND (CONCAT(',', e.actor_roles, ',') LIKE '%,ORG_MEMBER,%' OR CONCAT(',', e.actor_roles, ',') LIKE '%,EVALUATOR,%')`);
  for (const o of selfDeclared) {
    await q.query(
      `INSERT INTO organisation_grade_proposals (organisation_id, grade, expires_on, document_id, note, status, proposed_by, proposed_at)
       VALUES (?, ?, COALESCE(?, DATE_FORMAT(DATE_ADD(UTC_TIMESTAMP(), INTERVAL 1 YEAR), '%Y-%m-%d')), NULL,
               '由机构自行填写的等级转为申报（升级迁移），请上传评估等级证书', 'PENDING', ?, ?)`,
      [o.id, o.grade, o.expires_on, o.actor_id, o.occurred_at],
    );
    await q.query('UPDATE organisations SET grade = NULL, grade_expires_on = NULL WHERE id = ?', [o.id]);
  }
  await q.query(
    'UPDATE organisations SET grade_decided_at = COALESCE(updated_at, created_at) WHERE grade IS NOT NULL AND grade_decided_at IS NULL',
  );
}
