import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type UserStatus = 'ACTIVE' | 'DISABLED';

@Entity('users')
@Index('uq_users_username', ['username'], { unique: true })
@Index('idx_users_region_path', ['regionPath'])
@Index('idx_users_organisation', ['organisationId'])
@Index('idx_users_locked_until', ['lockedUntil'])
@Index('idx_users_verified_region', ['residentVerifiedAt', 'regionPath'])
@Index('idx_users_status_region', ['status', 'regionPath'])
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** Where e-mail notifications go (set by an administrator or the user); null: none. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** argon2id encoded hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: UserStatus;

  @Column({ name: 'failed_login_count', type: 'int' })
  failedLoginCount!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId!: number | null;

  /** Copy of the region's materialised path (regions never move), for index-friendly scope filters. */
  @Column({ name: 'region_path', type: 'varchar', length: 255, nullable: true })
  regionPath!: string | null;

  @Column({ name: 'organisation_id', type: 'int', nullable: true })
  organisationId!: number | null;

  /** Residents only: when a community worker verified them to their community. */
  @Column({ name: 'resident_verified_at', type: 'datetime', precision: 3, nullable: true })
  residentVerifiedAt!: Date | null;

  @Column({ name: 'resident_verified_by', type: 'int', nullable: true })
  residentVerifiedBy!: number | null;

  /** Set by an administrator's reset: the (temporary) password only lets the user choose a new one. */
  @Column({
    name: 'must_change_password',
    type: 'tinyint',
    default: 0,
    transformer: { to: (v?: boolean) => (v === undefined ? undefined : v ? 1 : 0), from: (v: number) => v === 1 },
  })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'datetime', precision: 3, nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  /** The language the user reads the app in (zh-CN, en-US); null: not chosen (Accept-Language, then zh-CN). */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale!: string | null;
}

@Entity('user_roles')
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  role!: string;
}
