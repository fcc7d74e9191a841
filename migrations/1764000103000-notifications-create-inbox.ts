import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsCreateInbox1764000103000 implements MigrationInterface {
  name = 'NotificationsCreateInbox1764000103000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id bigint NOT NULL AUTO_INCREMENT,
      user_id int NOT NULL,
      kind varchar(48) NOT NULL,
      title varchar(200) NOT NULL,
      body text NOT NULL,
      need_id int NULL,
      created_at datetime(3) NOT NULL,
      read_at datetime(3) NULL,
      PRIMARY KEY (id),
      INDEX idx_notifications_user (user_id, id),
      INDEX idx_notifications_unread (user_id, read_at),
      CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications');
  }
}
