import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { Channel, DeliveryStatus } from '../domain/delivery-rules';

const bool = {
  to: (v?: boolean) => (v === undefined ? undefined : v ? 1 : 0),
  from: (v: number) => v === 1,
};

/**
 * One inbox message to send over one channel (EMAIL, SMS) to one recipient: written in the transaction of the
 * message (an outbox), sent by a `notification-delivery` job, and kept with its attempts and outcome.
 */
@Entity('notification_deliveries')
@Index('idx_notification_deliveries_status', ['status', 'id'])
@Index('idx_notification_deliveries_notification', ['notificationId'])
@Index('idx_notification_deliveries_user', ['userId', 'id'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'notification_id', type: 'bigint' }) notificationId!: string;
  @Column({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 8 }) channel!: Channel;
  /** The address as it was when the message was written (the recipient may change it later). */
  @Column({ type: 'varchar', length: 254 }) address!: string;
  /** The recipient's language when the message was written (their choice, else zh-CN). */
  @Column({ type: 'varchar', length: 5 }) locale!: string;
  @Column({ type: 'varchar', length: 12 }) status!: DeliveryStatus;
  /** 0 for the first sending, +1 for each administrator's retry; part of the job id. */
  @Column({ type: 'int', default: 0 }) round!: number;
  @Column({ name: 'round_attempts', type: 'int', default: 0 }) roundAttempts!: number;
  /** Every attempt, all rounds together. */
  @Column({ type: 'int', default: 0 }) attempts!: number;
  /** When the current job is due (the next attempt after a backoff): what the reconciler re-adds a lost job with. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt!: Date;
  /** When the attempt under way (SENDING) started. */
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true }) claimedAt!: Date | null;
  /** What the sender or the server answered last (no credentials: see domain/send-error.ts). */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt!: Date | null;
  @Column({ name: 'failed_at', type: 'datetime', precision: 3, nullable: true }) failedAt!: Date | null;
}

/** A user's channel choices. No row: the defaults (e-mail on, SMS off, nothing muted). */
@Entity('notification_preferences')
export class NotificationPreferencesEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ name: 'email_enabled', type: 'tinyint', default: 1, transformer: bool }) emailEnabled!: boolean;
  @Column({ name: 'sms_enabled', type: 'tinyint', default: 0, transformer: bool }) smsEnabled!: boolean;
  /** `CHANNEL:topic` pairs, comma-separated (`SMS:procurement,EMAIL:needs`): topics muted on one channel. */
  @Column({ type: 'varchar', length: 500, default: '' }) muted!: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
