import { DataSource } from 'typeorm';

/**
 * A FAILED e-mail delivery of a fresh inbox message to `username` (SQL: the real path — three failed attempts through
 * an SMTP server — is the notification-deliveries integration test's). Returns the delivery id.
 */
export async function failedDelivery(
  ds: DataSource,
  username: string,
  channel: 'EMAIL' | 'SMS' = 'EMAIL',
): Promise<string> {
  const [user] = (await ds.query('SELECT id FROM users WHERE username = ?', [username])) as Array<{ id: number }>;
  const n = (await ds.query(
    `INSERT INTO notifications (user_id, kind, template, params, title, body, need_id, created_at, read_at)
     VALUES (?, 'tender.notice', 'procurement.tender.committee', ?, NULL, NULL, NULL, UTC_TIMESTAMP(3), NULL)`,
    [user.id, JSON.stringify({ tenderTitle: '投递失败测试' })],
  )) as { insertId: number };
  const d = (await ds.query(
    `INSERT INTO notification_deliveries (notification_id, user_id, channel, address, locale, status, round, round_attempts,
       attempts, next_attempt_at, claimed_at, last_error, created_at, updated_at, sent_at, failed_at)
     VALUES (?, ?, ?, ?, 'zh-CN', 'FAILED', 0, 5, 5, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'EENVELOPE 451 Mailbox busy',
       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), NULL, UTC_TIMESTAMP(3))`,
    [n.insertId, user.id, channel, channel === 'EMAIL' ? `${username}@demo.diandan.local` : '13800000000'],
  )) as { insertId: number };
  return String(d.insertId);
}
