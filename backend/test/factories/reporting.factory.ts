import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A small, known dataset for the dashboards, in a district of its own (so that no other suite's rows reach its
 * figures), written row by row as the other contexts would have left it: regions, needs, budget lines with their
 * ledger (the trigger moves the balances), projects, contracts with milestones, published evaluations, surveys,
 * organisations and bars. Every figure of backend/test/e2e/dashboards.e2e-spec.ts is computed by hand from it (the
 * comments there); docs/domain/reporting.md explains the definitions.
 *
 *   D 报表测试区 ─ S1 街道 ─ C1 社区        lines: L1 D 区级财政 1,000,000.00 (2031)
 *                └ S2 街道 ─ C2 社区               L2 S1 福彩公益金 200,000.00 restricted to A (2031)
 *                                                  L3 D 市级财政 50,000.00 (2030)
 */
export interface ReportingDataset {
  run: string;
  year: number;
  district: number;
  s1: number;
  s2: number;
  c1: number;
  c2: number;
  o1: number;
  o2: number;
  o1Name: string;
  o2Name: string;
  /** Users of the dataset (password: the demo password): officer, finance, auditor, admin of D; an officer of S1. */
  users: { officer: string; finance: string; auditor: string; admin: string; streetOfficer: string };
  lines: { l1: number; l2: number; l3: number };
}

type Row = Record<string, unknown>;

async function insert(ds: DataSource, table: string, row: Row): Promise<number> {
  const keys = Object.keys(row);
  const res = (await ds.query(
    `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    keys.map((k) => row[k]),
  )) as { insertId: number };
  return res.insertId;
}

const at = (iso: string) => new Date(iso);
const NOW = () => new Date();

export async function reportingDataset(ds: DataSource, year = 2031): Promise<ReportingDataset> {
  const run = randomBytes(3).toString('hex');
  const digits = String(parseInt(run, 16) % 1_000_000).padStart(6, '0');
  const [city] = (await ds.query("SELECT id, path FROM regions WHERE code = '320100000000'")) as Array<{
    id: number;
    path: string;
  }>;
  const region = async (parentId: number, parentPath: string, code: string, name: string, level: string) => {
    const id = await insert(ds, 'regions', {
      parent_id: parentId,
      code,
      name,
      level,
      path: 'pending',
      created_at: NOW(),
      updated_at: NOW(),
    });
    const path = `${parentPath}${id}/`;
    await ds.query('UPDATE regions SET path = ? WHERE id = ?', [path, id]);
    return { id, path };
  };
  // division codes of a made-up district 3201 9x: 32019 + 6 digits of the run + 1 level digit
  const D = await region(city.id, city.path, `32019${digits}0`, `报表测试区${run}`, 'DISTRICT');
  const S1 = await region(D.id, D.path, `32019${digits}1`, `报表一街道${run}`, 'STREET');
  const S2 = await region(D.id, D.path, `32019${digits}2`, `报表二街道${run}`, 'STREET');
  const C1 = await region(S1.id, S1.path, `32019${digits}3`, `报表一社区${run}`, 'COMMUNITY');
  const C2 = await region(S2.id, S2.path, `32019${digits}4`, `报表二社区${run}`, 'COMMUNITY');

  // ---- people
  const [{ password_hash: hash }] = (await ds.query(
    "SELECT password_hash FROM users WHERE username = 'officer'",
  )) as Array<{
    password_hash: string;
  }>;
  const user = async (username: string, role: string, r: { id: number; path: string }, verified = false) => {
    const id = await insert(ds, 'users', {
      username,
      display_name: username,
      phone: null,
      password_hash: hash,
      status: 'ACTIVE',
      failed_login_count: 0,
      region_id: r.id,
      region_path: r.path,
      resident_verified_at: verified ? NOW() : null,
      created_at: NOW(),
      updated_at: NOW(),
    });
    await ds.query('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, role]);
    return id;
  };
  const users = {
    officer: `rep_po_${run}`,
    finance: `rep_fo_${run}`,
    auditor: `rep_au_${run}`,
    admin: `rep_ad_${run}`,
    streetOfficer: `rep_po_s1_${run}`,
  };
  const officerId = await user(users.officer, 'PROCUREMENT_OFFICER', D);
  await user(users.finance, 'FINANCE_OFFICER', D);
  await user(users.auditor, 'AUDITOR', D);
  await user(users.admin, 'ADMIN', D);
  await user(users.streetOfficer, 'PROCUREMENT_OFFICER', S1);
  const residents: number[] = [];
  for (let i = 0; i < 4; i++) residents.push(await user(`rep_res${i}_${run}`, 'RESIDENT', i < 2 ? C1 : C2, true));

  const org = async (name: string, grade: number, expires: string, suffix: string) =>
    insert(ds, 'organisations', {
      name,
      kind: 'SOCIAL_ORGANISATION',
      credit_code: `5232019${digits}${suffix}X`.slice(0, 18),
      region_id: D.id,
      created_at: NOW(),
      org_type: 'SOCIAL_SERVICE_AGENCY',
      grade,
      grade_expires_on: expires,
      status: 'ACTIVE',
      updated_at: NOW(),
    });
  const o1Name = `报表甲社工服务中心${run}`;
  const o2Name = `报表乙养老服务社${run}`;
  const O1 = await org(o1Name, 4, '2099-12-31', '0001');
  const O2 = await org(o2Name, 3, '2025-12-31', '0002'); // its grade has expired
  const agency = await insert(ds, 'organisations', {
    name: `报表评估中心${run}`,
    kind: 'EVALUATION_AGENCY',
    credit_code: `5232019${digits}0003X`.slice(0, 18),
    region_id: D.id,
    created_at: NOW(),
    status: 'ACTIVE',
    updated_at: NOW(),
  });
  const evaluator = await insert(ds, 'users', {
    username: `rep_ev_${run}`,
    display_name: '评估员',
    phone: null,
    password_hash: hash,
    status: 'ACTIVE',
    failed_login_count: 0,
    organisation_id: agency,
    created_at: NOW(),
    updated_at: NOW(),
  });

  // ---- catalogue (the published demo catalogue)
  const items = new Map(
    (
      (await ds.query(
        `SELECT i.id, i.code, i.category_id, c.code AS category_code FROM catalogue_items i
           JOIN catalogue_categories c ON c.id = i.category_id
           JOIN catalogue_versions v ON v.id = i.version_id AND v.status = 'PUBLISHED'
          ORDER BY v.year DESC, v.version DESC`,
      )) as Array<{ id: number; code: string; category_id: number; category_code: string }>
    )
      .reverse()
      .map((i) => [i.code, i]),
  );
  const item = (code: string) => {
    const i = items.get(code);
    if (!i) throw new Error(`no catalogue item ${code}`);
    return i;
  };
  const [version] = (await ds.query(
    "SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED' ORDER BY year DESC LIMIT 1",
  )) as Array<{ id: number }>;

  // ---- needs: ten raised in the year (Beijing), one the year before
  const campaign = await insert(ds, 'campaigns', {
    region_id: S1.id,
    region_path: S1.path,
    title: `报表征集${run}`,
    description: '报表',
    opens_at: at(`${year - 1}-12-01T00:00:00Z`),
    closes_at: at(`${year}-12-01T00:00:00Z`),
    status: 'CLOSED',
    supports_per_resident: 3,
    min_supports_to_shortlist: 1,
    catalogue_version_id: version.id,
    created_by: officerId,
    created_at: NOW(),
    updated_at: NOW(),
  });
  const need = async (status: string, c: { id: number; path: string }, itemCode: string, createdAt: string) => {
    const street = c.id === C1.id ? S1 : S2;
    return insert(ds, 'needs', {
      campaign_id: campaign,
      region_id: c.id,
      street_id: street.id,
      district_id: D.id,
      city_id: city.id,
      region_path: c.path,
      category_id: item(itemCode).category_id,
      title: `报表需求${status}`,
      description: '报表',
      attributes: '{}',
      location: '活动中心',
      channel: 'ONLINE',
      submitted_by: residents[0],
      status,
      support_count: 0,
      created_at: at(createdAt),
      updated_at: NOW(),
    });
  };
  // 00:30 on 1 January in Beijing is still the 31st of December in UTC: the need belongs to `year`
  await need('SUBMITTED', C1, 'A0101', `${year - 1}-12-31T16:30:00Z`);
  await need('REJECTED', C1, 'A0101', `${year}-02-01T00:00:00Z`);
  await need('MERGED', C2, 'B0101', `${year}-02-01T00:00:00Z`);
  await need('ACCEPTED', C1, 'A0102', `${year}-02-01T00:00:00Z`);
  await need('DECLINED', C2, 'B0101', `${year}-02-01T00:00:00Z`);
  await need('APPROVED', C1, 'A0201', `${year}-02-01T00:00:00Z`);
  const n7 = await need('IN_PROCUREMENT', C2, 'B0101', `${year}-03-01T00:00:00Z`);
  const n8 = await need('IN_PROCUREMENT', C1, 'A0101', `${year}-03-01T00:00:00Z`);
  const n9 = await need('IN_PROCUREMENT', C1, 'A0201', `${year}-03-01T00:00:00Z`);
  const n10 = await need('EVALUATED', C2, 'B0201', `${year}-03-01T00:00:00Z`);
  // 23:30 on 31 December in Beijing: the year before
  await need('ACCEPTED', C1, 'A0101', `${year - 1}-12-31T15:30:00Z`);

  // ---- budget lines and their ledger
  let keySeq = 0;
  const line = async (r: { id: number; path: string }, lineYear: number, source: string, restricted: string | null) =>
    insert(ds, 'budget_lines', {
      year: lineYear,
      region_id: r.id,
      region_path: r.path,
      source,
      restricted_category_code: restricted,
      title: `报表指标${run}`,
      status: 'ACTIVE',
      requested_fen: 1,
      available_fen: 0,
      reserved_fen: 0,
      committed_fen: 0,
      paid_fen: 0,
      year_closed: 0,
      created_by: officerId,
      created_at: NOW(),
      updated_at: NOW(),
    });
  const MOVES: Record<string, [string, string]> = {
    ALLOCATE: ['SOURCE', 'AVAILABLE'],
    RESERVE: ['AVAILABLE', 'RESERVED'],
    RELEASE_RESERVATION: ['RESERVED', 'AVAILABLE'],
    COMMIT: ['RESERVED', 'COMMITTED'],
    DISBURSE: ['COMMITTED', 'PAID'],
    RELEASE_COMMITMENT: ['COMMITTED', 'AVAILABLE'],
    REVERSE_DISBURSE: ['PAID', 'COMMITTED'],
  };
  const pay = async (lineId: number, yuan: number, requestId: number): Promise<string> => {
    const entry = await post(lineId, 'DISBURSE', yuan, ['payment_request', requestId]);
    await ds.query(
      "UPDATE payment_requests SET status = 'PAID', paid_at = UTC_TIMESTAMP(3), disburse_entry_id = ? WHERE id = ?",
      [entry, requestId],
    );
    return entry;
  };
  const post = async (
    lineId: number,
    op: keyof typeof MOVES,
    yuan: number,
    ref: [string, number | string] | null,
    reverses: string | null = null,
  ): Promise<string> => {
    const [from, to] = MOVES[op];
    const id = await insert(ds, 'ledger_entries', {
      line_id: lineId,
      operation: op === 'REVERSE_DISBURSE' ? 'REVERSE' : op,
      from_bucket: from,
      to_bucket: to,
      amount_fen: BigInt(yuan) * 100n,
      idempotency_key: `report-${run}-${++keySeq}`,
      reference_type: ref ? ref[0] : null,
      reference_id: ref ? String(ref[1]) : null,
      reverses_entry_id: reverses,
      memo: null,
      actor_id: officerId,
      created_at: NOW(),
    });
    return String(id);
  };
  const L1 = await line(D, year, 'DISTRICT_FINANCE', null);
  const L2 = await line(S1, year, 'WELFARE_LOTTERY', 'A');
  const L3 = await line(D, year - 1, 'CITY_FINANCE', null);
  await post(L1, 'ALLOCATE', 1_000_000, ['budget_line', L1]);
  await post(L2, 'ALLOCATE', 200_000, ['budget_line', L2]);
  await post(L3, 'ALLOCATE', 50_000, ['budget_line', L3]);

  // ---- projects
  const project = async (
    r: { id: number; path: string },
    itemCode: string,
    lineId: number,
    yuan: number,
    status: string,
    needs: number[] = [],
  ) => {
    const i = item(itemCode);
    const id = await insert(ds, 'projects', {
      region_id: r.id,
      region_path: r.path,
      title: `报表项目${itemCode}${status}`,
      catalogue_item_id: i.id,
      item_code: i.code,
      category_code: i.category_code,
      quantity: 1,
      unit_price_fen: BigInt(yuan) * 100n,
      estimated_fen: BigInt(yuan) * 100n,
      budget_line_id: lineId,
      plan: '{}',
      status,
      created_by: officerId,
      created_at: NOW(),
      updated_at: NOW(),
    });
    for (const n of needs) await ds.query('INSERT INTO project_needs (project_id, need_id) VALUES (?, ?)', [id, n]);
    return id;
  };
  const P1 = await project(C1, 'A0101', L1, 100_000, 'IN_PROGRESS', [n8]);
  const P2 = await project(C2, 'B0101', L1, 50_000, 'TENDERING', [n7]);
  const P3 = await project(C1, 'A0201', L2, 80_000, 'IN_PROGRESS', [n9]);
  const P4 = await project(D, 'B0201', L1, 20_000, 'CANCELLED');
  await project(C2, 'A0301', L1, 10_000, 'DRAFT');
  const P7 = await project(C2, 'B0101', L1, 30_000, 'CANCELLED');
  const P9 = await project(C2, 'B0201', L1, 40_000, 'EVALUATED', [n10]);
  const P5 = await project(C1, 'A0101', L3, 5_000, 'APPROVED');

  // ---- contracts, each from a tender of its project
  let contractSeq = 0;
  const contract = async (
    projectId: number,
    r: { id: number; path: string },
    lineId: number,
    organisationId: number,
    yuan: number,
    status: string,
  ) => {
    const tender = await insert(ds, 'tenders', {
      project_id: projectId,
      region_path: r.path,
      title: '报表采购',
      description: '报表',
      method: 'OPEN_TENDER',
      status: 'AWARDED',
      scoring_method: 'COMPREHENSIVE',
      price_weight_pct: 30,
      criteria: '[]',
      max_price_fen: BigInt(yuan) * 100n,
      committee_size: 5,
      bid_deadline: at(`${year}-04-01T00:00:00Z`),
      evaluation_round: 1,
      created_by: officerId,
      created_at: NOW(),
      updated_at: NOW(),
    });
    return insert(ds, 'contracts', {
      code: `HT-R${run}-${++contractSeq}`,
      project_id: projectId,
      tender_id: tender,
      winner_bid_id: '00000000-0000-4000-8000-000000000000',
      region_id: r.id,
      region_path: r.path,
      budget_line_id: lineId,
      organisation_id: organisationId,
      title: '报表合同',
      status,
      amount_fen: BigInt(yuan) * 100n,
      changes_fen: 0,
      content: '{}',
      term_start: `${year}-01-01`,
      term_end: `${year}-12-31`,
      max_term_months: 12,
      payment_days: 30,
      bond_bp: 0,
      bond_fen: 0,
      award_notice_at: at(`${year}-04-10T00:00:00Z`),
      signature_due_at: at(`${year}-05-10T00:00:00Z`),
      content_sha256: '0'.repeat(64),
      signed_at: at(`${year}-04-20T00:00:00Z`),
      created_at: NOW(),
      updated_at: NOW(),
    });
  };
  const K1 = await contract(P1, C1, L1, O1, 90_000, 'ACTIVE');
  const K2 = await contract(P3, C1, L2, O2, 80_000, 'ACTIVE');
  const K3 = await contract(P7, C2, L1, O2, 30_000, 'TERMINATED');
  const K4 = await contract(P9, C2, L1, O1, 40_000, 'COMPLETED');

  // milestones: due at 24:00 Beijing of the due date; "now" is the database clock of the test run (2026 or later)
  const PAST_DUE = '2026-03-31T16:00:00Z';
  const FUTURE_DUE = '2099-12-31T16:00:00Z';
  let seq = 0;
  const milestone = async (contractId: number, status: string, dueAt: string, acceptedAt: string | null, final = 0) =>
    insert(ds, 'contract_milestones', {
      contract_id: contractId,
      seq: ++seq,
      title: '报表里程碑',
      deliverables: '报表',
      due_date: dueAt.slice(0, 10),
      due_at: at(dueAt),
      share_bp: 5000,
      amount_fen: 100,
      is_final: final,
      status,
      accepted_at: acceptedAt === null ? null : at(acceptedAt),
      created_at: NOW(),
      updated_at: NOW(),
    });
  await milestone(K1, 'ACCEPTED', PAST_DUE, '2026-03-31T15:59:59Z'); // on time (one second before 24:00)
  await milestone(K1, 'ACCEPTED', PAST_DUE, '2026-03-31T16:00:01Z'); // late
  await milestone(K1, 'SUBMITTED', PAST_DUE, null); // overdue
  await milestone(K1, 'PENDING', FUTURE_DUE, null, 1); // open (the final one)
  await milestone(K2, 'ACCEPTED', PAST_DUE, '2026-03-01T00:00:00Z'); // on time
  await milestone(K2, 'ACCEPTED', PAST_DUE, '2026-03-31T16:00:00Z', 1); // on time (exactly at the due time), final
  await milestone(K3, 'ACCEPTED', PAST_DUE, '2026-04-10T00:00:00Z'); // late
  await milestone(K3, 'PENDING', PAST_DUE, null, 1); // terminated: never counted
  await milestone(K4, 'ACCEPTED', PAST_DUE, '2026-02-01T00:00:00Z', 1); // on time

  // the ledger of the projects and contracts
  await post(L1, 'RESERVE', 100_000, ['project', P1]);
  await post(L1, 'COMMIT', 90_000, ['contract', K1]);
  await post(L1, 'RELEASE_RESERVATION', 10_000, ['contract', K1]);
  await pay(L1, 30_000, await paymentRequest(ds, K1, L1, C1.path, O1));
  await post(L1, 'RESERVE', 50_000, ['project', P2]);
  await post(L2, 'RESERVE', 80_000, ['project', P3]);
  await post(L2, 'COMMIT', 80_000, ['contract', K2]);
  await pay(L2, 40_000, await paymentRequest(ds, K2, L2, C1.path, O2));
  const wrong = await pay(L2, 10_000, await paymentRequest(ds, K2, L2, C1.path, O2, 1));
  await post(L2, 'REVERSE_DISBURSE', 10_000, ['ledger_entry', wrong], wrong); // a correction: follows the original
  await post(L1, 'RESERVE', 20_000, ['project', P4]);
  await post(L1, 'RELEASE_RESERVATION', 20_000, ['project', P4]);
  await post(L1, 'RESERVE', 30_000, ['project', P7]);
  await post(L1, 'COMMIT', 30_000, ['contract', K3]);
  await post(L1, 'RELEASE_COMMITMENT', 30_000, ['contract', K3]);
  await post(L1, 'RESERVE', 40_000, ['project', P9]);
  await post(L1, 'COMMIT', 40_000, ['contract', K4]);
  await pay(L1, 40_000, await paymentRequest(ds, K4, L1, C2.path, O1));
  await post(L3, 'RESERVE', 5_000, ['project', P5]);

  // ---- evaluations: published results count, a submitted one does not
  const [template] = (await ds.query('SELECT id FROM evaluation_templates ORDER BY id LIMIT 1')) as Array<{
    id: number;
  }>;
  let taskSeq = 0;
  const task = async (
    contractId: number,
    projectId: number,
    organisationId: number,
    r: { id: number; path: string },
    kind: 'FINAL' | 'MID_TERM',
    status: string,
    score: string,
    grade: string,
  ) =>
    insert(ds, 'evaluation_tasks', {
      code: `PG-R${run}-${++taskSeq}`,
      kind,
      status,
      contract_id: contractId,
      project_id: projectId,
      organisation_id: organisationId,
      region_id: r.id,
      region_path: r.path,
      final_key: kind === 'FINAL' ? contractId : null,
      template_id: template.id,
      agency_id: agency,
      evaluator_id: evaluator,
      due_at: at(`${year}-10-01T00:00:00Z`),
      total_score: score,
      grade,
      published_at: status === 'PUBLISHED' ? NOW() : null,
      created_at: NOW(),
      updated_at: NOW(),
    });
  await task(K1, P1, O1, C1, 'MID_TERM', 'PUBLISHED', '72.25', 'PASS');
  await task(K2, P3, O2, C1, 'MID_TERM', 'PUBLISHED', '85.50', 'GOOD');
  await task(K2, P3, O2, C1, 'FINAL', 'SUBMITTED', '88.00', 'GOOD');
  await task(K4, P9, O1, C2, 'FINAL', 'PUBLISHED', '92.00', 'EXCELLENT');
  await task(K3, P7, O2, C2, 'MID_TERM', 'PUBLISHED', '55.00', 'FAIL');

  // ---- surveys: P1 answered 5 4 3 2, P9 answered 5 5 4, P3 not answered
  const survey = async (projectId: number, contractId: number, r: { id: number; path: string }, overall: number[]) => {
    const id = await insert(ds, 'evaluation_surveys', {
      project_id: projectId,
      contract_id: contractId,
      region_id: r.id,
      region_path: r.path,
      status: 'CLOSED',
      token: randomBytes(16).toString('hex'),
      questions: '[]',
      opened_at: at(`${year}-06-01T00:00:00Z`),
      closes_at: at(`${year}-07-01T00:00:00Z`),
      created_by: officerId,
      created_at: NOW(),
      updated_at: NOW(),
    });
    for (const [i, o] of overall.entries())
      await insert(ds, 'evaluation_survey_answers', {
        survey_id: id,
        resident_id: residents[i],
        channel: 'SELF',
        overall: o,
        answers: '{}',
        created_at: NOW(),
        updated_at: NOW(),
      });
  };
  await survey(P1, K1, C1, [5, 4, 3, 2]);
  await survey(P9, K4, C2, [5, 5, 4]);
  await survey(P3, K2, C1, []);

  // ---- bars: O2 barred in D now; an expired bar and a bar elsewhere do not count
  const [gulou] = (await ds.query("SELECT id, path FROM regions WHERE code = '320106000000'")) as Array<{
    id: number;
    path: string;
  }>;
  let barSeq = 0;
  const bar = async (r: { id: number; path: string }, startsAt: string, endsAt: string) =>
    insert(ds, 'organisation_bars', {
      organisation_id: O2,
      region_id: r.id,
      region_path: r.path,
      reason: 'EVALUATION_FAIL',
      source_type: 'evaluation_task',
      source_id: 100_000_000 + parseInt(run, 16) * 4 + ++barSeq,
      source_code: `PG-R${run}`,
      score: '55.00',
      grade: 'FAIL',
      starts_at: at(startsAt),
      until_date: endsAt.slice(0, 10),
      ends_at: at(endsAt),
      created_at: NOW(),
    });
  await bar(D, '2026-01-01T00:00:00Z', '2099-12-31T16:00:00Z');
  await bar(D, '2025-01-01T00:00:00Z', '2026-01-01T16:00:00Z');
  await bar(gulou, '2026-01-01T00:00:00Z', '2099-12-31T16:00:00Z');

  return {
    run,
    year,
    district: D.id,
    s1: S1.id,
    s2: S2.id,
    c1: C1.id,
    c2: C2.id,
    o1: O1,
    o2: O2,
    o1Name,
    o2Name,
    users,
    lines: { l1: L1, l2: L2, l3: L3 },
  };
}

/** An approved payment request of a contract's `seq`-th milestone (what a DISBURSE entry references). */
async function paymentRequest(
  ds: DataSource,
  contractId: number,
  lineId: number,
  regionPath: string,
  organisationId: number,
  seq = 0,
): Promise<number> {
  const [m] = (await ds.query(
    'SELECT id FROM contract_milestones WHERE contract_id = ? ORDER BY seq LIMIT 1 OFFSET ?',
    [contractId, seq],
  )) as Array<{ id: number }>;
  return insert(ds, 'payment_requests', {
    contract_id: contractId,
    milestone_id: m.id,
    live_key: m.id,
    region_path: regionPath,
    organisation_id: organisationId,
    budget_line_id: lineId,
    status: 'APPROVED',
    tranche_fen: 100,
    amount_fen: 100,
    released_fen: 0,
    created_at: new Date(),
    updated_at: new Date(),
  });
}
