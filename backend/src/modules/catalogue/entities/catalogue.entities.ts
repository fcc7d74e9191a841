import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CatalogueStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';

@Entity('catalogue_versions')
@Index('uq_catalogue_versions_year_version', ['year', 'version'], { unique: true })
export class CatalogueVersionEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'smallint' }) year!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'varchar', length: 16 }) status!: CatalogueStatus;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'published_by', type: 'int', nullable: true }) publishedBy!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('catalogue_categories')
@Index('uq_catalogue_categories_code', ['versionId', 'code'], { unique: true })
@Index('idx_catalogue_categories_parent', ['parentId'])
export class CatalogueCategoryEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'version_id', type: 'int' }) versionId!: number;
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId!: number | null;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'int' }) sort!: number;
  /** JSON array of AttributeField. */
  @Column({ name: 'attribute_schema', type: 'longtext', nullable: true }) attributeSchema!: string | null;
}

@Entity('catalogue_items')
@Index('uq_catalogue_items_code', ['versionId', 'code'], { unique: true })
@Index('idx_catalogue_items_category', ['categoryId'])
export class CatalogueItemEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'version_id', type: 'int' }) versionId!: number;
  @Column({ name: 'category_id', type: 'int' }) categoryId!: number;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ type: 'varchar', length: 128 }) name!: string;
  @Column({ name: 'service_standard', type: 'text' }) serviceStandard!: string;
  @Column({ type: 'varchar', length: 16 }) unit!: string;
  /** Unit price cap in fen (BIGINT, returned by mysql2 as a string). */
  @Column({ name: 'price_cap_fen', type: 'bigint' }) priceCapFen!: string;
  @Column({ name: 'min_org_grade', type: 'tinyint' }) minOrgGrade!: number;
  /** JSON array of Instalment. */
  @Column({ name: 'payment_schedule', type: 'longtext' }) paymentSchedule!: string;
  /** The indicator template its projects are evaluated with by default (evaluation_templates.id). */
  @Column({ name: 'default_template_id', type: 'int', nullable: true }) defaultTemplateId!: number | null;
}
