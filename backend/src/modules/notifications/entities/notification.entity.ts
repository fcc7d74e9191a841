import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One message in a user's in-app inbox. */
@Entity('notifications')
@Index('idx_notifications_user', ['userId', 'id'])
@Index('idx_notifications_unread', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 48 }) kind!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ name: 'need_id', type: 'int', nullable: true }) needId!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true }) readAt!: Date | null;
}
