import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogueCreateCatalogue1764000101000 implements MigrationInterface {
  name = 'CatalogueCreateCatalogue1764000101000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE catalogue_versions (
      id int NOT NULL AUTO_INCREMENT,
      year smallint NOT NULL,
      version int NOT NULL,
      title varchar(128) NOT NULL,
      status varchar(16) NOT NULL,
      published_at datetime(3) NULL,
      published_by int NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_catalogue_versions_year_version (year, version)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE catalogue_categories (
      id int NOT NULL AUTO_INCREMENT,
      version_id int NOT NULL,
      parent_id int NULL,
      code varchar(16) NOT NULL,
      name varchar(64) NOT NULL,
      sort int NOT NULL,
      attribute_schema longtext NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_catalogue_categories_code (version_id, code),
      INDEX idx_catalogue_categories_parent (parent_id),
      CONSTRAINT fk_catalogue_categories_version FOREIGN KEY (version_id) REFERENCES catalogue_versions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_catalogue_categories_parent FOREIGN KEY (parent_id) REFERENCES catalogue_categories (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE catalogue_items (
      id int NOT NULL AUTO_INCREMENT,
      version_id int NOT NULL,
      category_id int NOT NULL,
      code varchar(16) NOT NULL,
      name varchar(128) NOT NULL,
      service_standard text NOT NULL,
      unit varchar(16) NOT NULL,
      price_cap_fen bigint NOT NULL,
      min_org_grade tinyint NOT NULL,
      payment_schedule longtext NOT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_catalogue_items_code (version_id, code),
      INDEX idx_catalogue_items_category (category_id),
      CONSTRAINT fk_catalogue_items_version FOREIGN KEY (version_id) REFERENCES catalogue_versions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_catalogue_items_category FOREIGN KEY (category_id) REFERENCES catalogue_categories (id) ON DELETE RESTRICT,
      CONSTRAINT chk_catalogue_items_price CHECK (price_cap_fen > 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE catalogue_items');
    await q.query('DROP TABLE catalogue_categories');
    await q.query('DROP TABLE catalogue_versions');
  }
}
