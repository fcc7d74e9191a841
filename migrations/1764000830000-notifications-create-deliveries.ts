import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications beyond the inbox (issue #12 item 4): every user gets an e-mail address beside the phone, channel
 * preferences (inbox always; e-mail and SMS on or off, and muted per topic), and every inbox message becomes one
 * delivery row per channel the recipient asked for — written in the same transaction as the message (an outbox),
 * sent by a job of the `notifications` queue after commit, and kept with its attempts, last error and outcome.
 */
export class NotificationsCreateDeliveries1764000830000 implements MigrationInterface {
  name = 'NotificationsCreateDeliveries1764000830000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN email varchar(254) NULL');
    await q.query(`CREATE TABLE notification_preferences (
      user_id int NOT NULL,
      email_enabled tinyint NOT NULL DEFAULT 1,
      sms_enabled tinyint NOT NULL DEFAULT 0,
      muted varchar(500) NOT NULL DEFAULT '',
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (user_id),
      CONSTRAINT fk_notification_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE notification_deliveries (
      id bigint NOT NULL AUTO_INCREMENT,
      notification_id bigint NOT NULL,
      user_id int NOT NULL,
      channel varchar(8) NOT NULL,
      address varchar(254) NOT NULL,
      locale varchar(5) NOT NULL,
      status varchar(12) NOT NULL,
      round int NOT NULL DEFAULT 0,
      round_attempts int NOT NULL DEFAULT 0,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at datetime(3) NOT NULL,
      claimed_at datetime(3) NULL,
      last_error varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      sent_at datetime(3) NULL,
      failed_at datetime(3) NULL,
      PRIMARY KEY (id),
      INDEX idx_notification_deliveries_status (status, id),
      INDEX idx_notification_deliveries_notification (notification_id),
      INDEX idx_notification_deliveries_user (user_id, id),
      CONSTRAINT fk_notification_deliveries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_deliveries');
    await q.query('DROP TABLE notification_preferences');
    await q.query('ALTER TABLE users DROP COLUMN email');
  }
}
