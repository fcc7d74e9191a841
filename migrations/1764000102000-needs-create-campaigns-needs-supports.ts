import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, needs, supports, merges and deliberations. Needs carry their ancestors' region ids
 * (city, district, street, community) so that the list filtered by any region level is an equality
 * on an indexed column followed by the status and the sort key: the hot list stays an index range
 * scan at province scale (see bench/needs-list).
 */
export class NeedsCreateCampaignsNeedsSupports1764000102000 implements MigrationInterface {
  name = 'NeedsCreateCampaignsNeedsSupports1764000102000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaigns (
      id int NOT NULL AUTO_INCREMENT,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      title varchar(128) NOT NULL,
      description text NOT NULL,
      opens_at datetime(3) NOT NULL,
      closes_at datetime(3) NOT NULL,
      status varchar(16) NOT NULL,
      supports_per_resident int NOT NULL,
      min_supports_to_shortlist int NOT NULL,
      catalogue_version_id int NOT NULL,
      created_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_campaigns_region_path (region_path),
      INDEX idx_campaigns_status_opens (status, opens_at),
      INDEX idx_campaigns_status_closes (status, closes_at),
      CONSTRAINT fk_campaigns_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_campaigns_catalogue FOREIGN KEY (catalogue_version_id) REFERENCES catalogue_versions (id) ON DELETE RESTRICT,
      CONSTRAINT chk_campaigns_window CHECK (closes_at > opens_at),
      CONSTRAINT chk_campaigns_rules CHECK (supports_per_resident >= 1 AND min_supports_to_shortlist >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE needs (
      id int NOT NULL AUTO_INCREMENT,
      campaign_id int NOT NULL,
      region_id int NOT NULL,
      street_id int NOT NULL,
      district_id int NOT NULL,
      city_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      category_id int NOT NULL,
      title varchar(100) NOT NULL,
      description text NOT NULL,
      attributes longtext NOT NULL,
      location varchar(200) NOT NULL,
      channel varchar(16) NOT NULL,
      submitted_by int NOT NULL,
      offline_name varchar(64) NULL,
      offline_phone varchar(20) NULL,
      status varchar(20) NOT NULL,
      support_count int NOT NULL,
      merged_into_id int NULL,
      resubmitted_from_id int NULL,
      reject_reason varchar(32) NULL,
      reject_note varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_needs_community (region_id, status, created_at),
      INDEX idx_needs_street (street_id, status, created_at),
      INDEX idx_needs_district (district_id, status, created_at),
      INDEX idx_needs_city (city_id, status, created_at),
      INDEX idx_needs_campaign (campaign_id, status),
      INDEX idx_needs_submitter (submitted_by),
      INDEX idx_needs_merged_into (merged_into_id),
      CONSTRAINT fk_needs_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE RESTRICT,
      CONSTRAINT fk_needs_region FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT,
      CONSTRAINT fk_needs_category FOREIGN KEY (category_id) REFERENCES catalogue_categories (id) ON DELETE RESTRICT,
      CONSTRAINT fk_needs_submitter FOREIGN KEY (submitted_by) REFERENCES users (id) ON DELETE RESTRICT,
      CONSTRAINT fk_needs_merged_into FOREIGN KEY (merged_into_id) REFERENCES needs (id) ON DELETE RESTRICT,
      CONSTRAINT chk_needs_support_count CHECK (support_count >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE need_events (
      id bigint NOT NULL AUTO_INCREMENT,
      need_id int NOT NULL,
      at datetime(3) NOT NULL,
      kind varchar(24) NOT NULL,
      from_status varchar(20) NULL,
      to_status varchar(20) NULL,
      actor_id int NULL,
      actor_name varchar(64) NOT NULL,
      note longtext NULL,
      PRIMARY KEY (id),
      INDEX idx_need_events_need (need_id, id),
      CONSTRAINT fk_need_events_need FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE need_attachments (
      id int NOT NULL AUTO_INCREMENT,
      need_id int NOT NULL,
      filename varchar(200) NOT NULL,
      mime varchar(64) NOT NULL,
      size int NOT NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NOT NULL,
      uploaded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_need_attachments_need (need_id),
      CONSTRAINT fk_need_attachments_need FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE supports (
      need_id int NOT NULL,
      user_id int NOT NULL,
      campaign_id int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (need_id, user_id),
      INDEX idx_supports_user (user_id, campaign_id),
      CONSTRAINT fk_supports_need FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE RESTRICT,
      CONSTRAINT fk_supports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE campaign_participants (
      campaign_id int NOT NULL,
      user_id int NOT NULL,
      supports_used int NOT NULL,
      PRIMARY KEY (campaign_id, user_id),
      CONSTRAINT fk_campaign_participants_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE RESTRICT,
      CONSTRAINT chk_campaign_participants_used CHECK (supports_used >= 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE support_transfers (
      id int NOT NULL AUTO_INCREMENT,
      source_need_id int NOT NULL,
      target_need_id int NOT NULL,
      user_id int NOT NULL,
      status varchar(16) NOT NULL,
      created_at datetime(3) NOT NULL,
      answered_at datetime(3) NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_support_transfers_source_user (source_need_id, user_id),
      INDEX idx_support_transfers_user (user_id, status),
      CONSTRAINT fk_support_transfers_source FOREIGN KEY (source_need_id) REFERENCES needs (id) ON DELETE RESTRICT,
      CONSTRAINT fk_support_transfers_target FOREIGN KEY (target_need_id) REFERENCES needs (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE deliberations (
      id int NOT NULL AUTO_INCREMENT,
      campaign_id int NOT NULL,
      held_on char(10) NOT NULL,
      attendees text NOT NULL,
      minutes text NOT NULL,
      recorded_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_deliberations_campaign (campaign_id),
      CONSTRAINT fk_deliberations_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE deliberation_decisions (
      deliberation_id int NOT NULL,
      need_id int NOT NULL,
      decision varchar(16) NOT NULL,
      reason varchar(500) NOT NULL,
      PRIMARY KEY (deliberation_id, need_id),
      INDEX idx_deliberation_decisions_need (need_id),
      CONSTRAINT fk_deliberation_decisions_deliberation FOREIGN KEY (deliberation_id) REFERENCES deliberations (id) ON DELETE RESTRICT,
      CONSTRAINT fk_deliberation_decisions_need FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'deliberation_decisions',
      'deliberations',
      'support_transfers',
      'campaign_participants',
      'supports',
      'need_attachments',
      'need_events',
      'needs',
      'campaigns',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
