import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties (issue #9 A6): ADMIN and AUDITOR are never held by one account. The service refuses
 * the pair on create and update (`checkAssignment`); these triggers refuse it for whoever writes `user_roles`
 * directly, in either order and by UPDATE as well as INSERT.
 *
 * An existing account holding both cannot be fixed here without choosing for the operator which power it
 * loses: the migration stops and names the accounts, to be corrected in the users page first.
 */
export class IdentityKeepAdminAndAuditorApart1764000510000 implements MigrationInterface {
  name = 'IdentityKeepAdminAndAuditorApart1764000510000';

  async up(q: QueryRunner): Promise<void> {
    const both: Array<{ username: string }> = await q.query(
      `SELECT u.username FROM users u
         JOIN user_roles a ON a.user_id = u.id AND a.role = 'ADMIN'
         JOIN user_roles b ON b.user_id = u.id AND b.role = 'AUDITOR'
        ORDER BY u.username`,
    );
    if (both.length > 0) {
      throw new Error(
        `These accounts hold both ADMIN and AUDITOR; remove one of the two roles from each, then migrate again: ${both
          .map((r) => r.username)
          .join(', ')}`,
      );
    }
    await q.query(`CREATE TRIGGER user_roles_admin_auditor_apart_insert BEFORE INSERT ON user_roles FOR EACH ROW
      BEGIN
        IF (NEW.role = 'ADMIN' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = NEW.user_id AND r.role = 'AUDITOR'))
          OR (NEW.role = 'AUDITOR' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = NEW.user_id AND r.role = 'ADMIN')) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ADMIN and AUDITOR are never held by one account';
        END IF;
      END`);
    await q.query(`CREATE TRIGGER user_roles_admin_auditor_apart_update BEFORE UPDATE ON user_roles FOR EACH ROW
      BEGIN
        IF (NEW.role = 'ADMIN' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = NEW.user_id AND r.role = 'AUDITOR'
              AND NOT (r.user_id = OLD.user_id AND r.role = OLD.role)))
          OR (NEW.role = 'AUDITOR' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = NEW.user_id AND r.role = 'ADMIN'
              AND NOT (r.user_id = OLD.user_id AND r.role = OLD.role))) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ADMIN and AUDITOR are never held by one account';
        END IF;
      END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS user_roles_admin_auditor_apart_update');
    await q.query('DROP TRIGGER IF EXISTS user_roles_admin_auditor_apart_insert');
  }
}
