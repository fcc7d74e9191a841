-- A synthetic 政府买单 / 第三方验单 chain for the dashboards' EXPLAIN (bench/explain-dashboards.ts), on top of the needs
-- that bench/seed-scale.ts generated under 渝州市 (500100000000). Set-based and idempotent enough for a bench database
-- (it does nothing when the bench city already has contracts). Not the province-scale seed of the whole chain (the
-- board's bench/seed-scale.ts extension is): just enough rows, shaped like the real ones, to see the plans and times.
--
--   mysql diandan_bench_<x> < bench/dashboards-chain.sql
--
-- Sizes: 2 lines per district and year (this year and the last), 20 000 projects, ~14 000 contracts with 3 milestones
-- each, ~57 000 ledger entries, ~9 000 published evaluations, ~7 000 surveys with 15 answers each, 600 organisations.
SET SESSION foreign_key_checks = 0;
SET @city = (SELECT path FROM regions WHERE code = '500100000000');
SET @y = YEAR(UTC_TIMESTAMP() + INTERVAL 8 HOUR);
SET @officer = (SELECT id FROM users WHERE username = 'bench_officer');
SET @ver = (SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED' ORDER BY year DESC, version DESC LIMIT 1);
SET @template = (SELECT id FROM evaluation_templates ORDER BY id LIMIT 1);
SET @done = (SELECT COUNT(*) FROM contracts WHERE region_path LIKE CONCAT(@city, '%'));
SET @P = IF(@done > 0, 0, 20000);
SET @now = UTC_TIMESTAMP(3);

DROP TEMPORARY TABLE IF EXISTS dc, cm, it, ln, org, pj;
CREATE TEMPORARY TABLE dc (rn INT PRIMARY KEY, id INT, path VARCHAR(255))
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS rn, id, path FROM regions WHERE level = 'DISTRICT' AND path LIKE CONCAT(@city, '%');
CREATE TEMPORARY TABLE cm (rn INT PRIMARY KEY, id INT, path VARCHAR(255), district_id INT)
  SELECT ROW_NUMBER() OVER (ORDER BY c.id) AS rn, c.id, c.path, d.id AS district_id
    FROM regions c JOIN dc d ON c.path LIKE CONCAT(d.path, '%') WHERE c.level = 'COMMUNITY';
SET @C = (SELECT COUNT(*) FROM cm);
CREATE TEMPORARY TABLE it (rn INT PRIMARY KEY, id INT, code VARCHAR(16), category_code VARCHAR(16))
  SELECT ROW_NUMBER() OVER (ORDER BY i.id) AS rn, i.id, i.code, c.code AS category_code
    FROM catalogue_items i JOIN catalogue_categories c ON c.id = i.category_id WHERE i.version_id = @ver;
SET @I = (SELECT COUNT(*) FROM it);

-- budget lines: per district and year, one of the district's finance and one of the welfare lottery (restricted to A)
INSERT INTO budget_lines (year, region_id, region_path, source, restricted_category_code, title, status, requested_fen,
  available_fen, reserved_fen, committed_fen, paid_fen, year_closed, created_by, created_at, updated_at)
SELECT @y - y.o, d.id, d.path, s.source, s.restricted, CONCAT('看板基准指标', d.rn, '-', y.o, '-', s.source), 'ACTIVE',
       2000000000, 0, 0, 0, 0, 0, @officer, @now, @now
  FROM dc d CROSS JOIN (SELECT 0 AS o UNION ALL SELECT 1) y
  CROSS JOIN (SELECT 'DISTRICT_FINANCE' AS source, NULL AS restricted UNION ALL SELECT 'WELFARE_LOTTERY', 'A') s
 WHERE @P > 0;
CREATE TEMPORARY TABLE ln (district_id INT, o INT, src INT, id INT, PRIMARY KEY (district_id, o, src))
  SELECT region_id AS district_id, @y - year AS o, IF(source = 'WELFARE_LOTTERY', 1, 0) AS src, id
    FROM budget_lines WHERE title LIKE '看板基准指标%';
INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type,
  reference_id, reverses_entry_id, memo, actor_id, created_at)
SELECT l.id, 'ALLOCATE', 'SOURCE', 'AVAILABLE', 2000000000, CONCAT('dash-bench-line-', l.id), 'budget_line', l.id, NULL,
       NULL, @officer, @now
  FROM ln l WHERE @P > 0;

-- organisations (600) and one evaluation agency
INSERT INTO organisations (name, kind, credit_code, region_id, created_at, org_type, grade, grade_expires_on, status, updated_at)
SELECT CONCAT('看板基准社会组织', s.seq), 'SOCIAL_ORGANISATION', CONCAT('52500100', LPAD(s.seq, 9, '0'), 'X'),
       (SELECT id FROM dc WHERE rn = 1 + s.seq MOD (SELECT COUNT(*) FROM dc)), @now, 'SOCIAL_SERVICE_AGENCY',
       1 + s.seq MOD 5, '2099-12-31', 'ACTIVE', @now
  FROM seq_1_to_600 s WHERE @P > 0;
CREATE TEMPORARY TABLE org (rn INT PRIMARY KEY, id INT)
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS rn, id FROM organisations WHERE name LIKE '看板基准社会组织%';
INSERT INTO organisations (name, kind, credit_code, region_id, created_at, status, updated_at)
SELECT '看板基准评估中心', 'EVALUATION_AGENCY', '52500100999999999X', (SELECT id FROM dc WHERE rn = 1), @now, 'ACTIVE', @now
  FROM DUAL WHERE @P > 0;
SET @agency = (SELECT id FROM organisations WHERE name = '看板基准评估中心');

-- projects: status by seq MOD 20 — 0 DRAFT, 1 SUBMITTED, 2 APPROVED, 3 TENDERING, 4 CANCELLED, 5 CONTRACTED,
-- 6-11 IN_PROGRESS, 12-14 COMPLETED, 15-19 EVALUATED
CREATE TEMPORARY TABLE pj (seq INT PRIMARY KEY, cm INT, it INT, o INT, src INT, status VARCHAR(16), q INT, price BIGINT)
  SELECT s.seq, 1 + (s.seq * 7919) MOD @C AS cm, 1 + (s.seq * 104729) MOD @I AS it, s.seq MOD 2 AS o, IF(s.seq MOD 5 = 0, 1, 0) AS src,
         ELT(1 + s.seq MOD 20, 'DRAFT', 'SUBMITTED', 'APPROVED', 'TENDERING', 'CANCELLED', 'CONTRACTED',
             'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS',
             'COMPLETED', 'COMPLETED', 'COMPLETED', 'EVALUATED', 'EVALUATED', 'EVALUATED', 'EVALUATED', 'EVALUATED') AS status,
         1 + s.seq MOD 40 AS q, 500000 + (s.seq MOD 9) * 100000 AS price
    FROM seq_1_to_20000 s WHERE @P > 0;
INSERT INTO projects (region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen,
  estimated_fen, budget_line_id, plan, status, created_by, created_at, updated_at)
SELECT c.id, c.path, CONCAT('看板基准项目', p.seq), i.id, i.code,
       IF(p.src = 1, CONCAT('A', SUBSTRING(i.category_code, 2)), i.category_code), p.q, p.price, p.q * p.price,
       l.id, '{}', p.status, @officer, @now, @now
  FROM pj p JOIN cm c ON c.rn = p.cm JOIN it i ON i.rn = p.it JOIN ln l ON l.district_id = c.district_id AND l.o = p.o AND l.src = p.src
 ORDER BY p.seq;
SET @p0 = (SELECT MIN(id) - 1 FROM projects WHERE title LIKE '看板基准项目%');
INSERT INTO project_needs (project_id, need_id)
SELECT @p0 + p.seq, n.id FROM pj p JOIN needs n ON n.id = (SELECT MIN(id) FROM needs) + p.seq * 13 WHERE @P > 0;

-- tenders and contracts for CONTRACTED … EVALUATED
INSERT INTO tenders (project_id, region_path, title, description, method, status, scoring_method, price_weight_pct, criteria,
  max_price_fen, committee_size, bid_deadline, evaluation_round, created_by, created_at, updated_at)
SELECT pr.id, pr.region_path, '看板基准采购', '-', 'OPEN_TENDER', 'AWARDED', 'COMPREHENSIVE', 30, '[]', pr.estimated_fen, 5,
       @now - INTERVAL 200 DAY, 1, @officer, @now, @now
  FROM projects pr WHERE pr.title LIKE '看板基准项目%' AND pr.status IN ('CONTRACTED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED');
INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id, organisation_id,
  title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months, payment_days, bond_bp, bond_fen,
  award_notice_at, signature_due_at, content_sha256, signed_at, created_at, updated_at)
SELECT CONCAT('HT-B-', pr.id), pr.id, t.id, '00000000-0000-4000-8000-000000000000', pr.region_id, pr.region_path, pr.budget_line_id,
       o.id, '看板基准合同', IF(pr.status IN ('COMPLETED', 'EVALUATED'), 'COMPLETED', 'ACTIVE'),
       pr.estimated_fen - pr.estimated_fen DIV 10, 0, '{}', CONCAT(@y, '-01-01'), CONCAT(@y, '-12-31'), 12, 30, 0, 0,
       @now - INTERVAL 190 DAY, @now - INTERVAL 160 DAY, REPEAT('0', 64), @now - INTERVAL 180 DAY, @now, @now
  FROM projects pr JOIN tenders t ON t.project_id = pr.id JOIN org o ON o.rn = 1 + pr.id MOD 600
 WHERE pr.title LIKE '看板基准项目%';

-- milestones: three per contract, due 90 / 180 / 270 days after signing; accepted (some late) as the project went on
INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final,
  status, accepted_at, created_at, updated_at)
SELECT c.id, m.seq, '看板基准里程碑', '-', DATE(c.signed_at + INTERVAL m.seq * 90 DAY), c.signed_at + INTERVAL m.seq * 90 DAY,
       IF(m.seq = 3, 3334, 3333), c.amount_fen DIV 3, m.seq = 3,
       IF(pr.status IN ('COMPLETED', 'EVALUATED') OR (pr.status = 'IN_PROGRESS' AND m.seq = 1), 'ACCEPTED',
          IF(c.id MOD 4 = 0, 'SUBMITTED', 'PENDING')),
       IF(pr.status IN ('COMPLETED', 'EVALUATED') OR (pr.status = 'IN_PROGRESS' AND m.seq = 1),
          c.signed_at + INTERVAL m.seq * 90 DAY + INTERVAL (c.id MOD 5) - 3 DAY, NULL),
       @now, @now
  FROM contracts c JOIN projects pr ON pr.id = c.project_id CROSS JOIN (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) m
 WHERE c.code LIKE 'HT-B-%';

-- payment requests (one per paid contract) and the ledger: reserve, commit (+ release the rest), disburse
INSERT INTO payment_requests (contract_id, milestone_id, live_key, region_path, organisation_id, budget_line_id, status,
  tranche_fen, amount_fen, released_fen, created_at, updated_at)
SELECT c.id, m.id, m.id, c.region_path, c.organisation_id, c.budget_line_id, 'APPROVED', c.amount_fen, c.amount_fen, 0, @now, @now
  FROM contracts c JOIN contract_milestones m ON m.contract_id = c.id AND m.seq = 1
 WHERE c.code LIKE 'HT-B-%' AND c.status IN ('ACTIVE', 'COMPLETED');
INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id,
  reverses_entry_id, memo, actor_id, created_at)
SELECT pr.budget_line_id, 'RESERVE', 'AVAILABLE', 'RESERVED', pr.estimated_fen, CONCAT('dash-bench-reserve-', pr.id), 'project', pr.id,
       NULL, NULL, @officer, @now
  FROM projects pr WHERE pr.title LIKE '看板基准项目%' AND pr.status NOT IN ('DRAFT', 'SUBMITTED', 'CANCELLED');
INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id,
  reverses_entry_id, memo, actor_id, created_at)
SELECT c.budget_line_id, x.op, 'RESERVED', x.to_bucket, IF(x.op = 'COMMIT', c.amount_fen, pr.estimated_fen - c.amount_fen),
       CONCAT('dash-bench-', x.op, '-', c.id), 'contract', c.id, NULL, NULL, @officer, @now
  FROM contracts c JOIN projects pr ON pr.id = c.project_id
  CROSS JOIN (SELECT 'COMMIT' AS op, 'COMMITTED' AS to_bucket UNION ALL SELECT 'RELEASE_RESERVATION', 'AVAILABLE') x
 WHERE c.code LIKE 'HT-B-%';
INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id,
  reverses_entry_id, memo, actor_id, created_at)
SELECT r.budget_line_id, 'DISBURSE', 'COMMITTED', 'PAID', IF(c.status = 'COMPLETED', c.amount_fen, c.amount_fen DIV 3),
       CONCAT('dash-bench-pay-', r.id), 'payment_request', r.id, NULL, NULL, @officer, @now
  FROM payment_requests r JOIN contracts c ON c.id = r.contract_id WHERE c.code LIKE 'HT-B-%';

-- published evaluations: the final one of every evaluated project, a mid-term one of a third of the others
INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path, final_key,
  template_id, agency_id, evaluator_id, due_at, total_score, grade, published_at, created_at, updated_at)
SELECT CONCAT('PG-B-', c.id, '-', k.kind), k.kind, 'PUBLISHED', c.id, c.project_id, c.organisation_id, c.region_id, c.region_path,
       IF(k.kind = 'FINAL', c.id, NULL), @template, @agency, @officer, @now, 50 + (c.id * 37) MOD 50,
       CASE WHEN 50 + (c.id * 37) MOD 50 >= 90 THEN 'EXCELLENT' WHEN 50 + (c.id * 37) MOD 50 >= 80 THEN 'GOOD'
            WHEN 50 + (c.id * 37) MOD 50 >= 60 THEN 'PASS' ELSE 'FAIL' END, @now, @now, @now
  FROM contracts c JOIN projects pr ON pr.id = c.project_id
  CROSS JOIN (SELECT 'FINAL' AS kind UNION ALL SELECT 'MID_TERM') k
 WHERE c.code LIKE 'HT-B-%' AND ((k.kind = 'FINAL' AND pr.status = 'EVALUATED') OR (k.kind = 'MID_TERM' AND c.id MOD 3 = 0));

-- surveys of the completed and evaluated projects, 15 answers each
INSERT INTO evaluation_surveys (project_id, contract_id, region_id, region_path, status, token, questions, opened_at, closes_at,
  created_by, created_at, updated_at)
SELECT c.project_id, c.id, c.region_id, c.region_path, 'CLOSED', MD5(CONCAT('dash-bench-survey-', c.id)), '[]', @now, @now,
       @officer, @now, @now
  FROM contracts c WHERE c.code LIKE 'HT-B-%' AND c.status = 'COMPLETED';
SET @r0 = (SELECT MIN(user_id) FROM user_roles WHERE role = 'RESIDENT');
INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, overall, answers, created_at, updated_at)
SELECT s.id, @r0 + a.seq, 'SELF', 1 + (s.id * 7 + a.seq * 3) MOD 5, '{}', @now, @now
  FROM evaluation_surveys s JOIN seq_1_to_15 a WHERE s.token = MD5(CONCAT('dash-bench-survey-', s.contract_id))
   AND NOT EXISTS (SELECT 1 FROM evaluation_survey_answers x WHERE x.survey_id = s.id);

-- bars of the failed organisations
INSERT INTO organisation_bars (organisation_id, region_id, region_path, reason, source_type, source_id, source_code, score, grade,
  starts_at, until_date, ends_at, created_at)
SELECT t.organisation_id, c.region_id, CONCAT(SUBSTRING_INDEX(c.region_path, '/', 4), '/'), 'EVALUATION_FAIL', 'evaluation_task', t.id, t.code,
       t.total_score, t.grade, @now - INTERVAL 10 DAY, DATE(@now + INTERVAL 355 DAY), @now + INTERVAL 355 DAY, @now
  FROM evaluation_tasks t JOIN contracts c ON c.id = t.contract_id
 WHERE t.code LIKE 'PG-B-%' AND t.grade = 'FAIL' AND t.kind = 'FINAL' AND t.id MOD 5 = 0
   AND NOT EXISTS (SELECT 1 FROM organisation_bars b WHERE b.source_type = 'evaluation_task' AND b.source_id = t.id);

SET SESSION foreign_key_checks = 1;
ANALYZE TABLE needs, projects, project_needs, budget_lines, ledger_entries, contracts, contract_milestones, payment_requests,
  evaluation_tasks, evaluation_surveys, evaluation_survey_answers, organisations, organisation_bars;
