import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { budgetYearEnd, LedgerService } from '../../funds';
import { OrganisationsService } from '../../organisations';
import { shanghaiDate } from '../../regions';
import { ineligibilityReasons } from '../domain/eligibility';

const MAX_ROWS = 20;
/** Open calls read before the eligibility filter (soonest deadline first); the desk shows at most MAX_ROWS. */
const MAX_CALLS_SCANNED = 200;
/** An answer to one's objection stays on the desk this long. */
const ANSWERED_DAYS = 30;

type Row = Record<string, unknown>;
const iso = (d: unknown): string | null => (d instanceof Date ? d.toISOString() : null);

/**
 * Procurement's part of the desk, per role and scoped as the procurement lists are:
 * - officers (region subtree): drafts to submit, approved projects to put out to tender, opened tenders to
 *   qualify, recommendations to confirm before `confirmation_due_at`, objections to answer before
 *   `answer_due_at`, questions to answer before the bid deadline;
 * - finance: projects submitted for approval (not their own drafts), due by the end of the line's budget year;
 * - organisation members (own organisation): open calls it may bid on (eligibility as `TendersService` decides
 *   it), bids to re-confirm after an amendment, award notices whose objection window is open, its objections;
 * - committee members (own seats): tenders under evaluation whose sheets they have not submitted.
 * Sealed means sealed: nothing here counts or names bids — an organisation only ever sees its own.
 */
@Injectable()
export class ProcurementDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'procurement';

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly organisations: OrganisationsService,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor, now: Date): Promise<DeskItem[]> {
    const can = (p: (typeof PERMISSIONS)[keyof typeof PERMISSIONS]) => hasPermission(actor.roles, p);
    const out: DeskItem[] = [];
    if (can(PERMISSIONS.PROJECTS_MANAGE)) out.push(...(await this.projects(actor, 'DRAFT')));
    if (can(PERMISSIONS.TENDERS_MANAGE)) {
      out.push(...(await this.projects(actor, 'APPROVED')));
      out.push(...(await this.tendersToDecide(actor)));
      out.push(...(await this.objectionsToAnswer(actor)));
      out.push(...(await this.questionsToAnswer(actor)));
    }
    if (can(PERMISSIONS.PROJECTS_APPROVE)) out.push(...(await this.projects(actor, 'SUBMITTED')));
    if (can(PERMISSIONS.BIDS_SUBMIT) && actor.organisationId !== null) {
      out.push(...(await this.openCalls(actor.organisationId, now)));
      out.push(...(await this.bidsToReconfirm(actor.organisationId)));
      if (can(PERMISSIONS.OBJECTIONS_FILE)) {
        out.push(...(await this.objectionWindows(actor.organisationId)));
        out.push(...(await this.myObjections(actor.organisationId, now)));
      }
    }
    if (can(PERMISSIONS.SCORES_SUBMIT)) out.push(...(await this.scoring(actor)));
    return out;
  }

  /**
   * Projects in the subtree by status (index `idx_projects_region_status`): DRAFT (to submit), APPROVED (to
   * put out to tender) and SUBMITTED (to approve — never one's own draft: separation of duties). All are due
   * by the end of the budget line's year, after which nothing can be reserved on it.
   */
  private async projects(actor: Actor, status: 'DRAFT' | 'APPROVED' | 'SUBMITTED'): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'p.region_path');
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'p.id AS id',
        'p.title AS title',
        'p.budget_line_id AS line_id',
        'p.estimated_fen AS fen',
        'p.created_at AS created_at',
        'p.submitted_at AS submitted_at',
        'p.decided_at AS decided_at',
        'p.decision_note AS decision_note',
      ])
      .from('projects', 'p')
      .where(scope.sql, scope.params)
      .andWhere('p.status = :status', { status });
    if (status === 'SUBMITTED') qb.andWhere('p.created_by <> :me', { me: actor.userId });
    // an approved project with a live tender is on its way: only the ones waiting for a (new) tender
    if (status === 'APPROVED')
      qb.andWhere(
        "NOT EXISTS (SELECT 1 FROM tenders t WHERE t.project_id = p.id AND t.status NOT IN ('FAILED', 'CANCELLED', 'DRAFT'))",
      ).addSelect("(SELECT MAX(t.id) FROM tenders t WHERE t.project_id = p.id AND t.status = 'DRAFT')", 'draft_tender');
    const rows = (await qb.orderBy('p.id', 'ASC').limit(MAX_ROWS).getRawMany()) as Row[];
    const years = await this.ledger.lineYears(rows.map((r) => Number(r.line_id)));
    const kind = { DRAFT: 'project_draft', APPROVED: 'project_to_tender', SUBMITTED: 'project_approve' }[status];
    return rows.map((r) => {
      const year = years.get(Number(r.line_id));
      const draftTender = r.draft_tender === undefined || r.draft_tender === null ? null : Number(r.draft_tender);
      return {
        kind: `procurement.${kind}`,
        count: 1,
        ref: { type: 'project', id: Number(r.id) },
        title: String(r.title),
        dueAt: year === undefined ? null : budgetYearEnd(year).toISOString(),
        dueRule: year === undefined ? null : 'BUDGET_YEAR_END',
        since: iso(status === 'SUBMITTED' ? r.submitted_at : status === 'APPROVED' ? r.decided_at : r.created_at),
        route: draftTender !== null ? `/procurement/tenders/${draftTender}` : `/procurement/projects/${Number(r.id)}`,
        params: {
          estimateFen: String(r.fen),
          // a draft that finance returned (with its reason on the project page)
          returned: status === 'DRAFT' && r.decided_at !== null,
          draftTenderId: draftTender,
        },
      };
    });
  }

  /** OPENED (qualify, then draw the committee) and RECOMMENDED (confirm the winner); `idx_tenders_status_deadline`. */
  private async tendersToDecide(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 't.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.title AS title',
        't.status AS status',
        't.opened_at AS opened_at',
        't.report_at AS report_at',
        't.confirmation_due_at AS due',
      ])
      .from('tenders', 't')
      .where("t.status IN ('OPENED', 'RECOMMENDED')")
      .andWhere(scope.sql, scope.params)
      .orderBy('t.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Row[];
    return rows.map((r) => {
      const recommended = r.status === 'RECOMMENDED';
      return {
        kind: recommended ? 'procurement.award_confirm' : 'procurement.tender_qualify',
        count: 1,
        ref: { type: 'tender', id: Number(r.id) },
        title: String(r.title),
        dueAt: recommended ? iso(r.due) : null,
        dueRule: recommended && r.due ? 'AWARD_CONFIRMATION' : null,
        since: iso(recommended ? r.report_at : r.opened_at),
        route: `/procurement/tenders/${Number(r.id)}`,
      };
    });
  }

  /** Objections still open on tenders in the subtree: the tenders by region, then `idx_objections_tender`. */
  private async objectionsToAnswer(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 't.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        'o.id AS id',
        'o.status AS status',
        'o.filed_at AS filed_at',
        'o.answer_due_at AS due',
        't.id AS tender_id',
        't.title AS title',
      ])
      .from('tenders', 't')
      .innerJoin('objections', 'o', "o.tender_id = t.id AND o.status IN ('FILED', 'UNDER_REVIEW')")
      .where(scope.sql, scope.params)
      .orderBy('o.answer_due_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Row[];
    return rows.map((r) => ({
      kind: 'procurement.objection_answer',
      count: 1,
      ref: { type: 'objection', id: Number(r.id) },
      title: String(r.title),
      dueAt: iso(r.due),
      dueRule: 'OBJECTION_ANSWER',
      since: iso(r.filed_at),
      route: `/procurement/tenders/${Number(r.tender_id)}`,
      params: { status: String(r.status), tenderId: Number(r.tender_id) },
    }));
  }

  /** Questions asked on published tenders (who asked stays out of it), due before the bid deadline. */
  private async questionsToAnswer(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 't.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.title AS title',
        't.bid_deadline AS due',
        'COUNT(*) AS n',
        'MIN(n.created_at) AS since',
      ])
      .from('tenders', 't')
      .innerJoin('tender_notices', 'n', "n.tender_id = t.id AND n.status = 'ASKED'")
      .where("t.status = 'PUBLISHED'")
      .andWhere(scope.sql, scope.params)
      .groupBy('t.id')
      .addGroupBy('t.title')
      .addGroupBy('t.bid_deadline')
      .orderBy('t.bid_deadline', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Row[];
    return rows.map((r) => ({
      kind: 'procurement.question_answer',
      count: Number(r.n),
      ref: { type: 'tender', id: Number(r.id) },
      title: String(r.title),
      dueAt: iso(r.due),
      dueRule: 'BID_DEADLINE',
      since: iso(r.since),
      route: `/procurement/tenders/${Number(r.id)}`,
    }));
  }

  /**
   * Published calls still open that the organisation may bid on and has no live bid for: the soonest
   * deadlines first (`idx_tenders_status_deadline`), its own bids by `idx_bids_tender_org`, eligibility as
   * the bid itself checks it (`ineligibilityReasons` on the organisation's facts).
   */
  private async openCalls(organisationId: number, now: Date): Promise<DeskItem[]> {
    const org = (await this.organisations.eligibility(this.dataSource.manager, [organisationId])).get(organisationId);
    if (!org) return [];
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.title, t.method, t.bid_deadline, t.published_at, t.region_path, t.min_grade, t.designated_organisation_id,
              EXISTS (SELECT 1 FROM tender_interests i WHERE i.tender_id = t.id AND i.organisation_id = ?) AS interested
         FROM tenders t
        WHERE t.status = 'PUBLISHED' AND t.bid_deadline > ?
          AND NOT EXISTS (SELECT 1 FROM bids b WHERE b.tender_id = t.id AND b.organisation_id = ? AND b.status = 'SUBMITTED')
        ORDER BY t.bid_deadline, t.id LIMIT ${MAX_CALLS_SCANNED}`,
      [organisationId, now, organisationId],
    )) as Row[];
    const today = shanghaiDate(now);
    const eligible = rows.filter(
      (t) =>
        ineligibilityReasons(
          org,
          {
            minGrade: t.min_grade === null ? null : Number(t.min_grade),
            regionPath: String(t.region_path),
            designatedOrganisationId:
              t.designated_organisation_id === null ? null : Number(t.designated_organisation_id),
          },
          now,
          today,
        ).length === 0,
    );
    return eligible.slice(0, MAX_ROWS).map((t) => ({
      kind: 'procurement.call_open',
      count: 1,
      ref: { type: 'tender', id: Number(t.id) },
      title: String(t.title),
      dueAt: iso(t.bid_deadline),
      dueRule: 'BID_DEADLINE',
      since: iso(t.published_at),
      route: `/procurement/calls/${Number(t.id)}`,
      params: { method: String(t.method), interested: Number(t.interested) === 1 },
    }));
  }

  /** The organisation's submitted bids an amendment asked to confirm again (else set aside at opening). */
  private async bidsToReconfirm(organisationId: number): Promise<DeskItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.title, t.bid_deadline, b.submitted_at
         FROM tenders t JOIN bids b ON b.tender_id = t.id AND b.organisation_id = ? AND b.status = 'SUBMITTED' AND b.needs_reconfirm = 1
        WHERE t.status = 'PUBLISHED' ORDER BY t.bid_deadline, t.id LIMIT ${MAX_ROWS}`,
      [organisationId],
    )) as Row[];
    return rows.map((t) => ({
      kind: 'procurement.bid_reconfirm',
      count: 1,
      ref: { type: 'tender', id: Number(t.id) },
      title: String(t.title),
      dueAt: iso(t.bid_deadline),
      dueRule: 'BID_DEADLINE',
      since: iso(t.submitted_at),
      route: `/procurement/calls/${Number(t.id)}`,
    }));
  }

  /** Award notices of tenders the organisation bid on, while objections may still be filed. */
  private async objectionWindows(organisationId: number): Promise<DeskItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.title, t.award_notice_at, t.objection_window_ends_at,
              EXISTS (SELECT 1 FROM bids w WHERE w.id = t.winner_bid_id AND w.organisation_id = ?) AS winner
         FROM tenders t
        WHERE t.status = 'AWARD_NOTICE'
          AND EXISTS (SELECT 1 FROM bids b WHERE b.tender_id = t.id AND b.organisation_id = ? AND b.status NOT IN ('REPLACED', 'WITHDRAWN'))
        ORDER BY t.objection_window_ends_at, t.id LIMIT ${MAX_ROWS}`,
      [organisationId, organisationId],
    )) as Row[];
    return rows.map((t) => ({
      kind: 'procurement.objection_window',
      count: 1,
      ref: { type: 'tender', id: Number(t.id) },
      title: String(t.title),
      dueAt: iso(t.objection_window_ends_at),
      dueRule: t.objection_window_ends_at ? 'OBJECTION_WINDOW' : null,
      since: iso(t.award_notice_at),
      route: `/procurement/calls/${Number(t.id)}`,
      params: { winner: Number(t.winner) === 1 },
    }));
  }

  /**
   * The organisation's objections: open ones (the answer due by `answer_due_at`) and the ones answered in the
   * last {@link ANSWERED_DAYS} days. Index `idx_objections_organisation (organisation_id, status)`.
   */
  private async myObjections(organisationId: number, now: Date): Promise<DeskItem[]> {
    const since = new Date(now.getTime() - ANSWERED_DAYS * 86_400_000);
    const rows = (await this.dataSource.query(
      `SELECT o.id, o.status, o.action, o.filed_at, o.answer_due_at, o.answered_at, t.id AS tender_id, t.title
         FROM objections o JOIN tenders t ON t.id = o.tender_id
        WHERE o.organisation_id = ?
          AND (o.status IN ('FILED', 'UNDER_REVIEW') OR (o.status IN ('UPHELD', 'DISMISSED') AND o.answered_at >= ?))
        ORDER BY o.id DESC LIMIT ${MAX_ROWS}`,
      [organisationId, since],
    )) as Row[];
    return rows.map((o) => {
      const open = o.status === 'FILED' || o.status === 'UNDER_REVIEW';
      return {
        kind: open ? 'procurement.objection_pending' : 'procurement.objection_answered',
        count: 1,
        ref: { type: 'objection', id: Number(o.id) },
        title: String(o.title),
        dueAt: open ? iso(o.answer_due_at) : null,
        dueRule: open ? 'OBJECTION_ANSWER' : null,
        since: iso(open ? o.filed_at : o.answered_at),
        route: '/procurement/my-bids',
        params: { status: String(o.status), action: o.action === null ? null : String(o.action) },
      };
    });
  }

  /** The caller's committee seats (`idx_committee_members_expert`) on tenders under evaluation, sheets not yet in. */
  private async scoring(actor: Actor): Promise<DeskItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.title, t.evaluation_round, c.seat, c.drawn_at
         FROM committee_members c JOIN tenders t ON t.id = c.tender_id AND t.status = 'EVALUATING'
        WHERE c.expert_id = ?
          AND NOT EXISTS (SELECT 1 FROM bid_scores s WHERE s.tender_id = t.id AND s.round = t.evaluation_round AND s.expert_id = c.expert_id)
        ORDER BY c.drawn_at, t.id LIMIT ${MAX_ROWS}`,
      [actor.userId],
    )) as Row[];
    return rows.map((t) => ({
      kind: 'procurement.scoring',
      count: 1,
      ref: { type: 'tender', id: Number(t.id) },
      title: String(t.title),
      dueAt: null,
      dueRule: null,
      since: iso(t.drawn_at),
      route: `/procurement/reviews/${Number(t.id)}`,
      params: { round: Number(t.evaluation_round), seat: String(t.seat) },
    }));
  }
}
