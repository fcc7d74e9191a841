import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { containsPattern } from '../../../platform/http/keyword';
import { label } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import type { TenderMethod } from '../../procurement';
import { CalendarService, shanghaiDate } from '../../regions';
import { contractDates, paymentDate, tenderDates } from '../domain/chain-dates';
import { percent } from '../domain/figures';
import { maskName } from '../domain/masking';
import { PortalError, PortalErrorCode } from '../domain/portal.errors';
import {
  PortalProjectDto,
  PortalProjectItemDto,
  PortalProjectPageDto,
  PortalProjectsQuery,
  PortalTenderDto,
} from '../dto/portal.dto';
import { PortalCache } from './portal-cache';
import { PUBLIC_PROJECT_SQL, regionOrRoot, subtreePattern } from './portal-scope';

type Fen = string | number;

interface ProjectRow {
  id: number;
  title: string;
  status: string;
  region_id: number;
  region_name: string;
  region_level: string;
  estimated_fen: Fen;
  year: number;
  contract_fen: Fen | null;
  changes_fen: Fen | null;
  organisation_id: number | null;
  organisation_name: string | null;
  paid_fen: Fen | null;
  grade: string | null;
  score: string | null;
}

/** The latest published contract of a project (a project has one; a second only after the first was never signed). */
const CONTRACT_JOIN = `LEFT JOIN contracts c ON c.id = (SELECT MAX(c2.id) FROM contracts c2
  WHERE c2.project_id = p.id AND c2.published_at IS NOT NULL)
  LEFT JOIN organisations o ON o.id = c.organisation_id`;

const ITEM_COLUMNS = `p.id, p.title, p.status, p.region_id, r.name AS region_name, r.level AS region_level, p.estimated_fen,
  b.year, c.amount_fen AS contract_fen, c.changes_fen, c.organisation_id, o.name AS organisation_name,
  (SELECT COALESCE(SUM(pr.amount_fen), 0) FROM payment_requests pr WHERE pr.contract_id = c.id AND pr.status = 'PAID') AS paid_fen,
  (SELECT e.grade FROM evaluation_tasks e WHERE e.project_id = p.id AND e.kind = 'FINAL' AND e.status = 'PUBLISHED'
    ORDER BY e.id DESC LIMIT 1) AS grade,
  (SELECT e.total_score FROM evaluation_tasks e WHERE e.project_id = p.id AND e.kind = 'FINAL' AND e.status = 'PUBLISHED'
    ORDER BY e.id DESC LIMIT 1) AS score`;

function item(r: ProjectRow): PortalProjectItemDto {
  return {
    id: r.id,
    title: r.title,
    stage: r.status,
    year: Number(r.year),
    region: { id: r.region_id, name: r.region_name, level: r.region_level },
    estimated: fenToYuan(r.estimated_fen),
    contractAmount: r.contract_fen === null ? null : fenToYuan(BigInt(r.contract_fen) + BigInt(r.changes_fen ?? 0)),
    paid: fenToYuan(r.paid_fen ?? 0),
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    grade: r.grade,
    score: r.score === null ? null : String(r.score),
  };
}

/** The public projects: the list, and one project's page following the whole chain from its needs to its grade. */
@Injectable()
export class PortalProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly cache: PortalCache,
  ) {}

  list(q: PortalProjectsQuery): Promise<PortalProjectPageDto> {
    const key = `projects:${JSON.stringify([q.q ?? '', q.year ?? '', q.regionId ?? '', q.stage ?? '', q.page, q.pageSize])}`;
    return this.cache.get(key, async () => {
      const where: string[] = [PUBLIC_PROJECT_SQL];
      const params: unknown[] = [];
      if (q.regionId !== undefined) {
        const region = await regionOrRoot(this.dataSource, q.regionId);
        where.push('p.region_path LIKE ?');
        params.push(subtreePattern(region.path));
      }
      if (q.year !== undefined) {
        where.push('b.year = ?');
        params.push(q.year);
      }
      if (q.stage !== undefined) {
        where.push('p.status = ?');
        params.push(q.stage);
      }
      if (q.q !== undefined) {
        where.push('p.title LIKE ?');
        params.push(containsPattern(q.q));
      }
      const from = `FROM projects p JOIN regions r ON r.id = p.region_id JOIN budget_lines b ON b.id = p.budget_line_id`;
      const [{ n }] = (await this.dataSource.query(
        `SELECT COUNT(*) AS n ${from} WHERE ${where.join(' AND ')}`,
        params,
      )) as Array<{
        n: string | number;
      }>;
      const rows = (await this.dataSource.query(
        `SELECT ${ITEM_COLUMNS} ${from} ${CONTRACT_JOIN} WHERE ${where.join(' AND ')} ORDER BY p.id DESC LIMIT ? OFFSET ?`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      )) as ProjectRow[];
      return { items: rows.map(item), total: Number(n), page: q.page, pageSize: q.pageSize };
    });
  }

  get(id: number): Promise<PortalProjectDto> {
    return this.cache.get(`project:${id}`, () => this.read(id));
  }

  private async read(id: number): Promise<PortalProjectDto> {
    const db = this.dataSource;
    const [p] = (await db.query(
      `SELECT ${ITEM_COLUMNS}, p.quantity, p.unit_price_fen, p.decided_at, ci.name AS item_name, b.title AS line_title,
              b.source AS line_source
         FROM projects p JOIN regions r ON r.id = p.region_id JOIN budget_lines b ON b.id = p.budget_line_id
         JOIN catalogue_items ci ON ci.id = p.catalogue_item_id ${CONTRACT_JOIN}
        WHERE p.id = ? AND ${PUBLIC_PROJECT_SQL}`,
      [id],
    )) as Array<
      ProjectRow & {
        quantity: number;
        unit_price_fen: Fen;
        decided_at: Date | null;
        item_name: string;
        line_title: string;
        line_source: string;
      }
    >;
    if (p === undefined) throw new PortalError(PortalErrorCode.PROJECT_NOT_FOUND, `Project ${id} is not published.`);

    const needs = (await db.query(
      `SELECT n.id, n.title, n.status, n.support_count, n.region_id, r.name AS community, r.level, n.created_at,
              n.channel, n.offline_name, u.display_name
         FROM project_needs pn JOIN needs n ON n.id = pn.need_id JOIN regions r ON r.id = n.region_id
         LEFT JOIN users u ON u.id = n.submitted_by
        WHERE pn.project_id = ? ORDER BY n.id`,
      [id],
    )) as Array<{
      id: number;
      title: string;
      status: string;
      support_count: number;
      region_id: number;
      community: string;
      level: string;
      created_at: Date;
      channel: string;
      offline_name: string | null;
      display_name: string | null;
    }>;

    const tenders = await this.tenders(id);
    const contract = await this.contract(id);
    const [evaluations, satisfaction] = await Promise.all([this.evaluations(id), this.satisfaction(id)]);

    const award = [...tenders].reverse().find((t) => t.award !== null)?.award ?? null;
    const lastTender = tenders.at(-1) ?? null;
    return {
      id: p.id,
      title: p.title,
      stage: p.status,
      year: Number(p.year),
      region: { id: p.region_id, name: p.region_name, level: p.region_level },
      itemName: p.item_name,
      quantity: Number(p.quantity),
      unitPrice: fenToYuan(p.unit_price_fen),
      budgetLine: p.line_title,
      budgetSource: p.line_source,
      approvedAt: p.decided_at?.toISOString() ?? null,
      money: {
        estimated: fenToYuan(p.estimated_fen),
        maxPrice: lastTender?.maxPrice ?? null,
        awarded: award?.value ?? null,
        contracted: contract === null ? null : fenToYuan(contract.totalFen),
        paid: fenToYuan(contract?.paidFen ?? 0n),
        released: fenToYuan(contract?.releasedFen ?? 0n),
      },
      needs: needs.map((n) => ({
        id: n.id,
        title: n.title,
        status: n.status,
        supportCount: Number(n.support_count),
        community: { id: n.region_id, name: n.community, level: n.level },
        raisedBy: maskName(n.channel === 'PROXY' ? n.offline_name : n.display_name),
        raisedAt: n.created_at.toISOString(),
      })),
      tenders,
      contract: contract?.dto ?? null,
      milestones: contract?.milestones ?? [],
      payments: contract?.payments ?? [],
      evaluations,
      satisfaction,
    };
  }

  /** The published calls of the project, each with its dates and their rules, and the award once noticed. */
  private async tenders(projectId: number): Promise<PortalTenderDto[]> {
    const db = this.dataSource;
    const rows = (await db.query(
      `SELECT t.id, t.title, t.method, t.status, t.max_price_fen, t.published_at, t.bid_deadline, t.opened_at, t.report_at,
              t.confirmation_due_at, t.award_notice_at, t.objection_window_ends_at, t.awarded_at,
              IF(t.status IN ('AWARD_NOTICE', 'AWARDED'), b.organisation_id, NULL) AS winner_id,
              IF(t.status IN ('AWARD_NOTICE', 'AWARDED'), o.name, NULL) AS winner_name,
              IF(t.status IN ('AWARD_NOTICE', 'AWARDED'), b.price_fen, NULL) AS winner_fen
         FROM tenders t
         LEFT JOIN bids b ON b.id = t.winner_bid_id AND t.status IN ('AWARD_NOTICE', 'AWARDED')
         LEFT JOIN organisations o ON o.id = b.organisation_id
        WHERE t.project_id = ? AND t.published_at IS NOT NULL ORDER BY t.id`,
      [projectId],
    )) as Array<{
      id: number;
      title: string;
      method: TenderMethod;
      status: string;
      max_price_fen: Fen;
      published_at: Date;
      bid_deadline: Date;
      opened_at: Date | null;
      report_at: Date | null;
      confirmation_due_at: Date | null;
      award_notice_at: Date | null;
      objection_window_ends_at: Date | null;
      awarded_at: Date | null;
      winner_id: number | null;
      winner_name: string | null;
      winner_fen: Fen | null;
    }>;
    if (rows.length === 0) return [];
    const amendments = (await db.query(
      `SELECT tender_id, published_at, deadline_after FROM tender_notices
        WHERE tender_id IN (${rows.map(() => '?').join(',')}) AND kind = 'AMENDMENT' AND status = 'PUBLISHED'
          AND deadline_after IS NOT NULL AND published_at IS NOT NULL ORDER BY id`,
      rows.map((r) => r.id),
    )) as Array<{ tender_id: number; published_at: Date; deadline_after: Date }>;
    const first = shanghaiDate(rows[0].published_at);
    const cal = await this.calendar.calendarBetween(first, `${Number(first.slice(0, 4)) + 2}-12-31`);
    return rows.map((t) => {
      const amendment = amendments.filter((a) => a.tender_id === t.id).at(-1);
      const noticed = t.winner_name !== null && t.award_notice_at !== null && t.winner_fen !== null;
      return {
        id: t.id,
        title: t.title,
        method: t.method,
        methodName: label('method', t.method, 'zh-CN'),
        status: t.status,
        maxPrice: fenToYuan(t.max_price_fen),
        dates: tenderDates(
          {
            method: t.method,
            publishedAt: t.published_at,
            bidDeadline: t.bid_deadline,
            openedAt: t.opened_at,
            reportAt: noticed ? t.report_at : null,
            confirmationDueAt: noticed ? t.confirmation_due_at : null,
            awardNoticeAt: noticed ? t.award_notice_at : null,
            objectionWindowEndsAt: noticed ? t.objection_window_ends_at : null,
            awardedAt: noticed ? t.awarded_at : null,
            amendment: amendment
              ? { publishedAt: amendment.published_at, deadlineAfter: amendment.deadline_after }
              : null,
          },
          cal,
        ),
        award: noticed
          ? {
              organisationId: t.winner_id as number,
              organisationName: t.winner_name as string,
              value: fenToYuan(t.winner_fen as Fen),
              noticeAt: (t.award_notice_at as Date).toISOString(),
            }
          : null,
      };
    });
  }

  /** The published contract, its milestones and every payment of it (REJECTED requests aside). */
  private async contract(projectId: number) {
    const db = this.dataSource;
    const [c] = (await db.query(
      `SELECT c.id, c.code, c.title, c.status, c.organisation_id, o.name AS organisation_name, c.amount_fen, c.changes_fen,
              DATE_FORMAT(c.term_start, '%Y-%m-%d') AS term_start, DATE_FORMAT(c.term_end, '%Y-%m-%d') AS term_end,
              c.payment_days, c.award_notice_at, c.signature_due_at, c.signed_at,
              c.publication_due_at, c.published_at
         FROM contracts c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.id = (SELECT MAX(c2.id) FROM contracts c2 WHERE c2.project_id = ? AND c2.published_at IS NOT NULL)`,
      [projectId],
    )) as Array<{
      id: number;
      code: string;
      title: string;
      status: string;
      organisation_id: number;
      organisation_name: string;
      amount_fen: Fen;
      changes_fen: Fen;
      term_start: string;
      term_end: string;
      payment_days: number;
      award_notice_at: Date;
      signature_due_at: Date;
      signed_at: Date | null;
      publication_due_at: Date | null;
      published_at: Date | null;
    }>;
    if (c === undefined) return null;
    const milestones = (await db.query(
      `SELECT id, seq, title, DATE_FORMAT(due_date, '%Y-%m-%d') AS due_date, due_at, amount_fen, is_final, status, accepted_at
         FROM contract_milestones WHERE contract_id = ? ORDER BY seq`,
      [c.id],
    )) as Array<{
      id: number;
      seq: number;
      title: string;
      due_date: string;
      due_at: Date;
      amount_fen: Fen;
      is_final: number;
      status: string;
      accepted_at: Date | null;
    }>;
    const payments = (await db.query(
      `SELECT r.milestone_id, r.status, r.tranche_fen, r.amount_fen, r.released_fen,
              DATE_FORMAT(r.due_date, '%Y-%m-%d') AS due_date, r.paid_at, r.final_outcome
         FROM payment_requests r JOIN contract_milestones m ON m.id = r.milestone_id
        WHERE r.contract_id = ? AND r.status <> 'REJECTED' ORDER BY m.seq, r.id`,
      [c.id],
    )) as Array<{
      milestone_id: number;
      status: string;
      tranche_fen: Fen;
      amount_fen: Fen;
      released_fen: Fen;
      due_date: string | null;
      paid_at: Date | null;
      final_outcome: string | null;
    }>;
    const byId = new Map(milestones.map((m) => [m.id, m]));
    const paidFen = payments.filter((r) => r.status === 'PAID').reduce((s, r) => s + BigInt(r.amount_fen), 0n);
    const releasedFen = payments.reduce((s, r) => s + BigInt(r.released_fen), 0n);
    return {
      totalFen: BigInt(c.amount_fen) + BigInt(c.changes_fen),
      paidFen,
      releasedFen,
      dto: {
        code: c.code,
        title: c.title,
        status: c.status,
        organisationId: c.organisation_id,
        organisationName: c.organisation_name,
        amount: fenToYuan(c.amount_fen),
        changes: fenToYuan(c.changes_fen),
        termStart: String(c.term_start),
        termEnd: String(c.term_end),
        paymentDays: Number(c.payment_days),
        dates: contractDates({
          awardNoticeAt: c.award_notice_at,
          signatureDueAt: c.signature_due_at,
          signedAt: c.signed_at,
          publicationDueAt: c.publication_due_at,
          publishedAt: c.published_at,
        }),
      },
      milestones: milestones.map((m) => ({
        seq: Number(m.seq),
        title: m.title,
        dueDate: String(m.due_date),
        tranche: fenToYuan(m.amount_fen),
        isFinal: Number(m.is_final) === 1,
        status: m.status,
        acceptedAt: m.accepted_at?.toISOString() ?? null,
        onTime: m.accepted_at === null ? null : m.accepted_at.getTime() <= m.due_at.getTime(),
      })),
      payments: payments.map((r) => {
        const m = byId.get(r.milestone_id);
        return {
          seq: Number(m?.seq ?? 0),
          milestoneTitle: m?.title ?? '',
          tranche: fenToYuan(r.tranche_fen),
          amount: fenToYuan(r.amount_fen),
          released: fenToYuan(r.released_fen),
          status: r.status,
          finalOutcome: r.final_outcome,
          paidAt: r.paid_at?.toISOString() ?? null,
          date: paymentDate({
            acceptedAt: m?.accepted_at ?? null,
            paymentDays: Number(c.payment_days),
            dueDate: r.due_date === null ? null : String(r.due_date),
            paidAt: r.paid_at,
          }),
        };
      }),
    };
  }

  private async evaluations(projectId: number) {
    const rows = (await this.dataSource.query(
      `SELECT code, kind, total_score, grade, published_at FROM evaluation_tasks
        WHERE project_id = ? AND status = 'PUBLISHED' ORDER BY published_at, id`,
      [projectId],
    )) as Array<{ code: string; kind: string; total_score: string; grade: string; published_at: Date }>;
    return rows.map((e) => ({
      code: e.code,
      kind: e.kind,
      score: String(e.total_score),
      grade: e.grade,
      publishedAt: e.published_at.toISOString(),
    }));
  }

  /** The residents' survey once closed (its figures are final then). */
  private async satisfaction(projectId: number) {
    const [s] = (await this.dataSource.query(
      `SELECT COUNT(a.id) AS answers, COALESCE(SUM(a.overall >= 4), 0) AS satisfied
         FROM evaluation_surveys s LEFT JOIN evaluation_survey_answers a ON a.survey_id = s.id
        WHERE s.project_id = ? AND s.status = 'CLOSED' GROUP BY s.id`,
      [projectId],
    )) as Array<{ answers: string | number; satisfied: string | number }>;
    if (s === undefined) return null;
    const answers = BigInt(s.answers);
    const satisfied = BigInt(s.satisfied);
    return { answers: Number(answers), satisfied: Number(satisfied), rate: percent(satisfied, answers) };
  }
}
