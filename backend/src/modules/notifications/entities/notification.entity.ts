import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message in a user's in-app inbox: a template key and its parameters, rendered when read in the
 * reader's language. Rows from before templates keep their stored title and body (template null).
 */
@Entity('notifications')
@Index('idx_notifications_user', ['userId', 'id'])
@Index('idx_notifications_unread', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 48 }) kind!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) template!: string | null;
  @Column({ type: 'longtext', nullable: true }) params!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) title!: string | null;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ name: 'need_id', type: 'int', nullable: true }) needId!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true }) readAt!: Date | null;
}
