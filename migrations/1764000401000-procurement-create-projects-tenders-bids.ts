import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 社会组织接单: projects (bundling approved needs, reserving budget), tenders, sealed bids with their
 * documents, the sealed bid journal (append-only until opening, then copied into the audit chain),
 * the expert pool's conflicts, committees, score sheets and objections.
 */
export class ProcurementCreateProjectsTendersBids1764000401000 implements MigrationInterface {
  name = 'ProcurementCreateProjectsTendersBids1764000401000';

  async up(q: QueryRunner): Promise<void> {
    const tail = ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE projects (
      id int NOT NULL AUTO_INCREMENT,
      region_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      title varchar(128) NOT NULL,
      catalogue_item_id int NOT NULL,
      item_code varchar(16) NOT NULL,
      category_code varchar(16) NOT NULL,
      quantity int NOT NULL,
      unit_price_fen bigint NOT NULL,
      estimated_fen bigint NOT NULL,
      budget_line_id int NOT NULL,
      plan longtext NOT NULL,
      status varchar(16) NOT NULL,
      reservation_entry_id bigint NULL,
      created_by int NOT NULL,
      submitted_at datetime(3) NULL,
      decided_by int NULL,
      decided_at datetime(3) NULL,
      decision_note varchar(500) NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_projects_region_status (region_path, status),
      INDEX idx_projects_line (budget_line_id),
      CONSTRAINT fk_projects_line FOREIGN KEY (budget_line_id) REFERENCES budget_lines (id) ON DELETE RESTRICT,
      CONSTRAINT chk_projects_amounts CHECK (quantity > 0 AND unit_price_fen > 0 AND estimated_fen = quantity * unit_price_fen)
    ${tail}`);
    await q.query(`CREATE TABLE project_needs (
      project_id int NOT NULL,
      need_id int NOT NULL,
      PRIMARY KEY (project_id, need_id),
      INDEX idx_project_needs_need (need_id),
      CONSTRAINT fk_project_needs_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE RESTRICT
    ${tail}`);
    await q.query(`CREATE TABLE tenders (
      id int NOT NULL AUTO_INCREMENT,
      project_id int NOT NULL,
      region_path varchar(255) NOT NULL,
      title varchar(128) NOT NULL,
      description text NOT NULL,
      method varchar(32) NOT NULL,
      status varchar(16) NOT NULL,
      min_grade tinyint NULL,
      designated_organisation_id int NULL,
      scoring_method varchar(16) NOT NULL,
      price_weight_pct tinyint NOT NULL,
      criteria longtext NOT NULL,
      max_price_fen bigint NOT NULL,
      committee_size tinyint NOT NULL,
      published_at datetime(3) NULL,
      bid_deadline datetime(3) NOT NULL,
      opened_at datetime(3) NULL,
      evaluation_round int NOT NULL,
      committee_note longtext NULL,
      report longtext NULL,
      report_at datetime(3) NULL,
      confirmation_due_at datetime(3) NULL,
      confirmation_reminded_at datetime(3) NULL,
      winner_bid_id varchar(36) NULL,
      award_notice_at datetime(3) NULL,
      objection_window_ends_at datetime(3) NULL,
      awarded_at datetime(3) NULL,
      outcome_note varchar(500) NULL,
      created_by int NOT NULL,
      created_at datetime(3) NOT NULL,
      updated_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_tenders_project (project_id),
      INDEX idx_tenders_status_deadline (status, bid_deadline),
      INDEX idx_tenders_region (region_path),
      CONSTRAINT fk_tenders_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE RESTRICT,
      CONSTRAINT chk_tenders_price CHECK (max_price_fen > 0),
      CONSTRAINT chk_tenders_weight CHECK (price_weight_pct BETWEEN 0 AND 100)
    ${tail}`);
    await q.query(`CREATE TABLE tender_interests (
      tender_id int NOT NULL,
      organisation_id int NOT NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (tender_id, organisation_id),
      INDEX idx_tender_interests_org (organisation_id),
      CONSTRAINT fk_tender_interests_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
    ${tail}`);
    await q.query(`CREATE TABLE tender_notices (
      id int NOT NULL AUTO_INCREMENT,
      tender_id int NOT NULL,
      kind varchar(16) NOT NULL,
      status varchar(16) NOT NULL,
      question text NULL,
      asked_by_organisation_id int NULL,
      body text NULL,
      affects_preparation tinyint NOT NULL,
      deadline_before datetime(3) NULL,
      deadline_after datetime(3) NULL,
      created_at datetime(3) NOT NULL,
      published_at datetime(3) NULL,
      published_by int NULL,
      PRIMARY KEY (id),
      INDEX idx_tender_notices_tender (tender_id, id),
      CONSTRAINT fk_tender_notices_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
    ${tail}`);
    // Bid ids are random UUIDs: sequential ids would tell a bidder how many bids came in between its own.
    await q.query(`CREATE TABLE bids (
      id varchar(36) NOT NULL,
      tender_id int NOT NULL,
      organisation_id int NOT NULL,
      version int NOT NULL,
      status varchar(16) NOT NULL,
      price_fen bigint NOT NULL,
      technical longtext NOT NULL,
      seal_sha256 char(64) NOT NULL,
      submitted_at datetime(3) NOT NULL,
      submitted_by int NOT NULL,
      needs_reconfirm tinyint NOT NULL,
      reconfirmed_at datetime(3) NULL,
      closed_at datetime(3) NULL,
      qualification_reason varchar(500) NULL,
      price_score_cents int NULL,
      technical_score_cents int NULL,
      total_cents int NULL,
      rank_no int NULL,
      PRIMARY KEY (id),
      INDEX idx_bids_tender_org (tender_id, organisation_id, status),
      INDEX idx_bids_tender_status (tender_id, status),
      CONSTRAINT fk_bids_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT,
      CONSTRAINT chk_bids_price CHECK (price_fen > 0)
    ${tail}`);
    await q.query(`CREATE TABLE bid_documents (
      id varchar(36) NOT NULL,
      bid_id varchar(36) NOT NULL,
      file_name varchar(200) NOT NULL,
      mime varchar(64) NOT NULL,
      size int NOT NULL,
      sha256 char(64) NOT NULL,
      content mediumblob NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_bid_documents_bid (bid_id),
      CONSTRAINT fk_bid_documents_bid FOREIGN KEY (bid_id) REFERENCES bids (id) ON DELETE RESTRICT
    ${tail}`);
    await q.query(`CREATE TABLE bid_events (
      id bigint NOT NULL AUTO_INCREMENT,
      tender_id int NOT NULL,
      bid_id varchar(36) NULL,
      organisation_id int NOT NULL,
      actor_id int NULL,
      actor_username varchar(64) NOT NULL,
      ip varchar(64) NULL,
      action varchar(48) NOT NULL,
      payload longtext NOT NULL,
      occurred_at datetime(3) NOT NULL,
      unsealed_at datetime(3) NULL,
      PRIMARY KEY (id),
      INDEX idx_bid_events_tender (tender_id, id)
    ${tail}`);
    // The journal is append-only; the one change allowed is stamping unsealed_at once, at opening.
    await q.query(`CREATE TRIGGER bid_events_append_only BEFORE UPDATE ON bid_events FOR EACH ROW
      BEGIN
        IF OLD.unsealed_at IS NOT NULL OR NEW.unsealed_at IS NULL OR NEW.id <> OLD.id OR NEW.tender_id <> OLD.tender_id OR NOT (NEW.bid_id <=> OLD.bid_id)
           OR NEW.organisation_id <> OLD.organisation_id OR NEW.action <> OLD.action OR NEW.payload <> OLD.payload OR NEW.occurred_at <> OLD.occurred_at THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bid_events is append-only';
        END IF;
      END`);
    await q.query(`CREATE TRIGGER bid_events_no_delete BEFORE DELETE ON bid_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bid_events is append-only'`);
    await q.query(`CREATE TABLE expert_affiliations (
      id int NOT NULL AUTO_INCREMENT,
      expert_id int NOT NULL,
      organisation_id int NOT NULL,
      kind varchar(16) NOT NULL,
      started_on date NULL,
      ended_on date NULL,
      note varchar(255) NULL,
      created_at datetime(3) NOT NULL,
      PRIMARY KEY (id),
      INDEX idx_expert_affiliations_expert (expert_id)
    ${tail}`);
    await q.query(`CREATE TABLE committee_members (
      tender_id int NOT NULL,
      expert_id int NOT NULL,
      seat varchar(16) NOT NULL,
      drawn_at datetime(3) NOT NULL,
      PRIMARY KEY (tender_id, expert_id),
      INDEX idx_committee_members_expert (expert_id),
      CONSTRAINT fk_committee_members_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
    ${tail}`);
    await q.query(`CREATE TABLE bid_scores (
      tender_id int NOT NULL,
      round int NOT NULL,
      expert_id int NOT NULL,
      bid_id varchar(36) NOT NULL,
      scores longtext NOT NULL,
      comment varchar(1000) NULL,
      submitted_at datetime(3) NOT NULL,
      PRIMARY KEY (tender_id, round, expert_id, bid_id),
      INDEX idx_bid_scores_bid (bid_id),
      CONSTRAINT fk_bid_scores_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
    ${tail}`);
    await q.query(`CREATE TABLE objections (
      id int NOT NULL AUTO_INCREMENT,
      tender_id int NOT NULL,
      organisation_id int NOT NULL,
      filed_by int NOT NULL,
      grounds text NOT NULL,
      status varchar(16) NOT NULL,
      filed_at datetime(3) NOT NULL,
      answer_due_at datetime(3) NOT NULL,
      reviewed_by int NULL,
      answer text NULL,
      action varchar(16) NULL,
      answered_at datetime(3) NULL,
      reminded_at datetime(3) NULL,
      PRIMARY KEY (id),
      INDEX idx_objections_tender (tender_id, status),
      CONSTRAINT fk_objections_tender FOREIGN KEY (tender_id) REFERENCES tenders (id) ON DELETE RESTRICT
    ${tail}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['objections', 'bid_scores', 'committee_members', 'expert_affiliations'])
      await q.query(`DROP TABLE ${t}`);
    await q.query('DROP TRIGGER bid_events_no_delete');
    await q.query('DROP TRIGGER bid_events_append_only');
    for (const t of [
      'bid_events',
      'bid_documents',
      'bids',
      'tender_notices',
      'tender_interests',
      'tenders',
      'project_needs',
      'projects',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
