import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { RegionLevel } from '../domain/region-rules';

@Entity('regions')
@Index('uq_regions_code', ['code'], { unique: true })
@Index('idx_regions_path', ['path'])
@Index('idx_regions_parent', ['parentId'])
export class RegionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId!: number | null;

  /** 12-digit national statistical division code. */
  @Column({ type: 'char', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  /** Materialised path of ids, `/1/4/17/`: subtree = `path LIKE '/1/4/%'`. */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
