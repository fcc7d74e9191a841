import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { formatBeijingNumeric } from '../../../platform/i18n';
import { Deadlines } from '../../../platform/queue';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OrganisationsService } from '../../organisations';
import { addCalendarDays, CalendarService, shanghaiDate } from '../../regions';
import { conflictOf, drawAtRandom, minimumDrawnExperts } from '../domain/committee';
import { BidToScore, centsToPoints, pointsToCents, scoreBids, sheetProblem } from '../domain/comprehensive-scoring';
import { invalid, ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { awardConfirmationDue } from '../domain/tender-periods';
import {
  CommitteeDto,
  CommitteeReportDto,
  DrawCommitteeDto,
  QualificationDto,
  SCORE_POINTS,
  ScoreSheetDto,
  SubmitScoresDto,
} from '../dto/procurement.dto';
import {
  BidEntity,
  BidScoreEntity,
  CommitteeMemberEntity,
  ExpertAffiliationEntity,
  TenderEntity,
} from '../entities/procurement.entities';
import { AWARD_REMINDER_JOB, tenderJob } from './procurement-deadlines';
import { criteriaOf, isOrg, isStaff, TendersService } from './tenders.service';

/** Qualification check, committee draw, expert scoring, the committee report. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenders: TendersService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
    private readonly calendar: CalendarService,
    private readonly deadlines: Deadlines,
  ) {}

  /** 资格审查: the officer decides each opened bid; an open tender left with fewer than 3 qualified bids fails. */
  async qualify(actor: Actor, id: number, dto: QualificationDto): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.tenders.managed(actor, id, em);
      if (t.status !== 'OPENED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'Qualification is checked after opening, before the committee is drawn.',
          { tenderStatus: t.status },
        );
      const now = await dbNow(em);
      const bids = await em.find(BidEntity, {
        where: { tenderId: id, status: 'OPENED' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const [i, d] of dto.decisions.entries()) {
        const bid = bids.find((b) => b.id === d.bidId);
        if (!bid)
          throw invalid(
            ProcurementErrorCode.BID_INVALID,
            `decisions[${i}].bidId`,
            `Bid ${d.bidId} is not an opened bid of this tender.`,
          );
        if (!d.qualified && !d.reason)
          throw invalid(
            ProcurementErrorCode.BID_INVALID,
            `decisions[${i}].reason`,
            'Give the reason a bid is disqualified.',
          );
        const to = d.qualified ? 'QUALIFIED' : 'DISQUALIFIED';
        await em.update(
          BidEntity,
          { id: bid.id },
          { status: to, qualificationReason: d.qualified ? null : (d.reason as string) },
        );
        await this.audit.record(em, actor, {
          action: `procurement.bid.${to.toLowerCase()}`,
          entityType: 'bid',
          entityId: bid.id,
          regionPath: t.regionPath,
          before: { status: 'OPENED' },
          after: { status: to, reason: d.reason ?? null, tenderId: id },
        });
      }
      const left = await em.count(BidEntity, { where: { tenderId: id, status: 'OPENED' } });
      if (left === 0) {
        const qualified = await em.count(BidEntity, { where: { tenderId: id, status: 'QUALIFIED' } });
        await this.tenders.failIfTooFew(em, t, qualified, now);
      }
    });
  }

  /**
   * Draws the committee at random from the active experts, excluding conflicts with any bidder of the
   * tender; moves the tender to EVALUATING. Needs every opened bid decided.
   */
  async draw(actor: Actor, id: number, dto: DrawCommitteeDto = {}): Promise<CommitteeDto> {
    const drawn = await inTransaction(this.dataSource, async (em) => {
      const t = await this.tenders.managed(actor, id, em);
      if (t.status !== 'OPENED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          `The committee is drawn after qualification (tender is ${t.status}).`,
        );
      if ((await em.count(BidEntity, { where: { tenderId: id, status: 'OPENED' } })) > 0)
        throw new ProcurementError(
          ProcurementErrorCode.COMMITTEE_INVALID,
          'Decide the qualification of every opened bid first.',
        );
      const now = await dbNow(em);
      const bidders = [
        ...new Set(
          (await em.find(BidEntity, { where: { tenderId: id, status: In(['QUALIFIED', 'DISQUALIFIED']) } })).map(
            (b) => b.organisationId,
          ),
        ),
      ];
      const repIds = [...new Set(dto.representativeIds ?? [])];
      const maxReps = t.committeeSize - minimumDrawnExperts(t.committeeSize);
      if (repIds.length > maxReps)
        throw invalid(
          ProcurementErrorCode.COMMITTEE_INVALID,
          'representativeIds',
          `At most ${maxReps} of the ${t.committeeSize} seats may go to purchaser representatives (two-thirds are drawn experts).`,
        );
      const officers = await this.people.activeWithRole('PROCUREMENT_OFFICER', em);
      const reps = repIds.map((rid) =>
        officers.find((o) => o.id === rid && o.regionPath !== null && t.regionPath.startsWith(o.regionPath)),
      );
      if (reps.some((r) => r === undefined))
        throw invalid(
          ProcurementErrorCode.COMMITTEE_INVALID,
          'representativeIds',
          'Representatives are procurement officers of the purchasing office (the tender region or above).',
        );
      const pool = (await this.people.activeWithRole('EXPERT', em)).filter((p) => !repIds.includes(p.id));
      const affiliations = await em.find(ExpertAffiliationEntity, {
        where: { expertId: In(pool.map((p) => p.id).concat(0)) },
      });
      const today = shanghaiDate(now);
      const bidderNames = await this.organisations.eligibility(em, bidders);
      const nameOf = (oid: number) => bidderNames.get(oid)?.name ?? `#${oid}`;
      const excluded: Array<{ expertId: number; displayName: string; reason: string }> = [];
      const eligible = pool.filter((p) => {
        const mine = affiliations.filter((a) => a.expertId === p.id);
        const reason = conflictOf(
          mine.filter((a) => a.kind === 'EMPLOYMENT'),
          mine.filter((a) => a.kind === 'DECLARED').map((a) => a.organisationId),
          bidders,
          today,
          nameOf,
        );
        if (reason) excluded.push({ expertId: p.id, displayName: p.displayName, reason });
        return reason === null;
      });
      const seats = t.committeeSize - repIds.length;
      if (eligible.length < seats) {
        throw new ProcurementError(
          ProcurementErrorCode.COMMITTEE_TOO_FEW_EXPERTS,
          `Only ${eligible.length} experts without a conflict are available; the committee needs ${seats}.`,
          { available: eligible.length, needed: seats },
        );
      }
      const members = drawAtRandom(eligible, seats);
      await em.insert(CommitteeMemberEntity, [
        ...members.map((m) => ({ tenderId: id, expertId: m.id, seat: 'EXPERT' as const, drawnAt: now })),
        ...repIds.map((rid) => ({ tenderId: id, expertId: rid, seat: 'PURCHASER_REP' as const, drawnAt: now })),
      ]);
      await this.tenders.setStatus(
        em,
        actor,
        t,
        'EVALUATING',
        now,
        false,
        { committeeNote: JSON.stringify({ poolSize: pool.length, excluded }) },
        { poolSize: pool.length, excluded, drawn: members.map((m) => m.id), representatives: repIds },
      );
      await this.inbox.notify(
        em,
        [...members.map((m) => m.id), ...repIds],
        { kind: 'tender.committee', template: 'procurement.tender.committee', params: { tenderTitle: t.title } },
        now,
      );
      return excluded;
    });
    return this.committee(actor, id, drawn);
  }

  async committee(actor: Actor, id: number, excludedNow?: CommitteeDto['excluded']): Promise<CommitteeDto> {
    const t = await this.tenders.visible(actor, id, this.dataSource.manager);
    // The committee's names stay confidential to bidders until the result is published (award notice).
    if (isOrg(actor) && !isStaff(actor) && t.status !== 'AWARD_NOTICE' && t.status !== 'AWARDED')
      throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Committee of tender ${id} not found.`);
    const members = await this.dataSource
      .getRepository(CommitteeMemberEntity)
      .find({ where: { tenderId: id }, order: { expertId: 'ASC' } });
    const names = await this.people.displayNames(members.map((m) => m.expertId));
    const submitted = await this.submittedExperts(this.dataSource.manager, t);
    const excluded =
      excludedNow ??
      (t.committeeNote ? (JSON.parse(t.committeeNote) as { excluded: CommitteeDto['excluded'] }).excluded : []);
    return {
      members: members.map((m) => ({
        expertId: m.expertId,
        displayName: names.get(m.expertId) ?? '',
        seat: m.seat,
        submitted: submitted.has(m.expertId),
      })),
      round: t.evaluationRound,
      excluded: isStaff(actor) ? excluded : [],
    };
  }

  async myScores(actor: Actor, id: number): Promise<ScoreSheetDto[]> {
    const t = await this.seat(actor, id, this.dataSource.manager);
    const rows = await this.dataSource
      .getRepository(BidScoreEntity)
      .find({ where: { tenderId: id, round: t.evaluationRound, expertId: actor.userId } });
    return rows.map((r) => ({
      bidId: r.bidId,
      scores: Object.fromEntries(
        Object.entries(JSON.parse(r.scores) as Record<string, number>).map(([k, v]) => [k, centsToPoints(v) as string]),
      ),
      comment: r.comment ?? undefined,
    }));
  }

  /**
   * An expert submits one sheet per qualified bid, once per round. When the last member has
   * submitted, the scores are computed, the bids ranked and the committee report generated.
   */
  async submitScores(actor: Actor, id: number, dto: SubmitScoresDto): Promise<CommitteeDto> {
    const scheduled = await inTransaction(this.dataSource, async (em) => {
      await em.findOne(TenderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // a missing tender answers exactly as one whose committee the caller does not sit on
      const t = await this.seat(actor, id, em);
      if (t.status !== 'EVALUATING')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          `Scores are taken while the tender is being evaluated (it is ${t.status}).`,
        );
      if (await em.existsBy(BidScoreEntity, { tenderId: id, round: t.evaluationRound, expertId: actor.userId }))
        throw new ProcurementError(
          ProcurementErrorCode.SCORES_INVALID,
          'You have already submitted your scores for this round.',
        );
      const qualified = await em.find(BidEntity, { where: { tenderId: id, status: 'QUALIFIED' } });
      const criteria = criteriaOf(t);
      const seen = new Set<string>();
      const now = await dbNow(em);
      const rows: BidScoreEntity[] = [];
      for (const [i, sheet] of dto.sheets.entries()) {
        if (!qualified.some((b) => b.id === sheet.bidId) || seen.has(sheet.bidId))
          throw invalid(ProcurementErrorCode.SCORES_INVALID, `sheets[${i}].bidId`, 'One sheet per qualified bid.');
        seen.add(sheet.bidId);
        const parsed = new Map<string, number>();
        for (const [code, points] of Object.entries(sheet.scores)) {
          if (typeof points !== 'string' || !SCORE_POINTS.test(points))
            throw invalid(
              ProcurementErrorCode.SCORES_INVALID,
              `sheets[${i}].scores.${code}`,
              'Scores are points with at most two decimals, e.g. "35.5".',
            );
          parsed.set(code, pointsToCents(points));
        }
        const problem = sheetProblem(criteria, parsed);
        if (problem) throw invalid(ProcurementErrorCode.SCORES_INVALID, `sheets[${i}].scores`, problem);
        rows.push(
          Object.assign(new BidScoreEntity(), {
            tenderId: id,
            round: t.evaluationRound,
            expertId: actor.userId,
            bidId: sheet.bidId,
            scores: JSON.stringify(Object.fromEntries(parsed)),
            comment: sheet.comment ?? null,
            submittedAt: now,
          }),
        );
      }
      if (seen.size !== qualified.length)
        throw invalid(
          ProcurementErrorCode.SCORES_INVALID,
          'sheets',
          `Score every qualified bid (${qualified.length}).`,
        );
      if (rows.length > 0) await em.insert(BidScoreEntity, rows);
      await this.audit.record(em, actor, {
        action: 'procurement.tender.scores_submitted',
        entityType: 'tender',
        entityId: id,
        regionPath: t.regionPath,
        after: {
          round: t.evaluationRound,
          sheets: rows.map((r) => ({ bidId: r.bidId, scores: JSON.parse(r.scores) as unknown })),
        },
      });
      const members = await em.count(CommitteeMemberEntity, { where: { tenderId: id } });
      const done = await this.submittedExperts(em, t);
      if (done.size < members) return null;
      return this.conclude(em, t, qualified, now);
    });
    if (scheduled)
      await this.deadlines.schedule(
        tenderJob(AWARD_REMINDER_JOB, scheduled.id, await this.tenders.reminderAt(scheduled.reportAt as Date)),
      );
    return this.committee(actor, id);
  }

  /** Scores, ranks, writes the committee report and hands it to the purchaser (RECOMMENDED). */
  private async conclude(em: EntityManager, t: TenderEntity, qualified: BidEntity[], now: Date): Promise<TenderEntity> {
    const sheets = await em.find(BidScoreEntity, { where: { tenderId: t.id, round: t.evaluationRound } });
    const input: BidToScore[] = qualified.map((b) => ({
      bidId: b.id,
      priceFen: BigInt(b.priceFen),
      scores: new Map(
        sheets
          .filter((s) => s.bidId === b.id)
          .map((s) => [s.expertId, new Map(Object.entries(JSON.parse(s.scores) as Record<string, number>))]),
      ),
    }));
    const ranked = scoreBids(t.scoringMethod, t.priceWeightPct, input);
    for (const r of ranked) {
      await em.update(
        BidEntity,
        { id: r.bidId },
        {
          status: 'SCORED',
          priceScoreCents: r.priceScoreCents,
          technicalScoreCents: r.technicalScoreCents,
          totalCents: r.totalCents,
          rankNo: r.rank,
        },
      );
    }
    const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 40));
    const report = await this.buildReport(em, t, now);
    await this.tenders.setStatus(
      em,
      SYSTEM_ACTOR,
      t,
      'RECOMMENDED',
      now,
      true,
      {
        report: JSON.stringify(report),
        reportAt: now,
        confirmationDueAt: awardConfirmationDue(now, cal),
        confirmationRemindedAt: null,
      },
      { recommended: report.recommended, round: t.evaluationRound },
    );
    await this.inbox.notify(
      em,
      [t.createdBy],
      {
        kind: 'tender.recommended',
        template: 'procurement.tender.recommended',
        params: { tenderTitle: t.title, confirmationDueAt: t.confirmationDueAt?.toISOString() ?? null },
      },
      now,
    );
    return t;
  }

  private async buildReport(em: EntityManager, t: TenderEntity, now: Date): Promise<CommitteeReportDto> {
    const bids = await em.find(BidEntity, { where: { tenderId: t.id, status: In(['SCORED', 'DISQUALIFIED']) } });
    const orgs = await this.organisations.eligibility(
      em,
      bids.map((b) => b.organisationId),
    );
    const members = await em.find(CommitteeMemberEntity, { where: { tenderId: t.id } });
    const names = await this.people.displayNames(
      members.map((m) => m.expertId),
      em,
    );
    const scored = bids
      .filter((b) => b.status === 'SCORED')
      .sort((a, b) => (a.rankNo ?? 0) - (b.rankNo ?? 0) || a.id.localeCompare(b.id));
    return {
      tenderId: t.id,
      round: t.evaluationRound,
      generatedAt: now.toISOString(),
      method: t.method,
      scoringMethod: t.scoringMethod,
      priceWeight: t.priceWeightPct,
      committee: members.map((m) => ({
        expertId: m.expertId,
        displayName: names.get(m.expertId) ?? '',
        seat: m.seat,
        submitted: true,
      })),
      ranking: scored.map((b) => ({
        bidId: b.id,
        organisationId: b.organisationId,
        organisationName: orgs.get(b.organisationId)?.name ?? '',
        price: fenToYuan(b.priceFen),
        priceScore: centsToPoints(b.priceScoreCents),
        technicalScore: centsToPoints(b.technicalScoreCents),
        totalScore: centsToPoints(b.totalCents),
        rank: b.rankNo ?? 0,
      })),
      disqualified: bids
        .filter((b) => b.status === 'DISQUALIFIED')
        .map((b) => ({
          bidId: b.id,
          organisationName: orgs.get(b.organisationId)?.name ?? '',
          reason: b.qualificationReason ?? '',
        })),
      recommended: scored.filter((b) => b.rankNo === 1).map((b) => b.id),
    };
  }

  async report(actor: Actor, id: number): Promise<CommitteeReportDto> {
    const t = await this.tenders.visible(actor, id, this.dataSource.manager);
    if (t.report === null || (actor.roles.includes('ORG_MEMBER') && !isStaff(actor)))
      throw new ProcurementError(
        ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
        'The committee report is not available.',
      );
    return JSON.parse(t.report) as CommitteeReportDto;
  }

  /** The committee report as a workbook: ranking with every score, the committee, the disqualified bids. */
  async reportXlsx(actor: Actor, id: number): Promise<Buffer> {
    const r = await this.report(actor, id);
    const t = await this.tenders.visible(actor, id, this.dataSource.manager);
    const sheets = await this.dataSource
      .getRepository(BidScoreEntity)
      .find({ where: { tenderId: id, round: r.round } });
    const criteria = criteriaOf(t);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Diandan';
    const ws = wb.addWorksheet('评标报告');
    ws.addRow([`评标报告：${t.title}（第 ${r.round} 轮）`]).font = { bold: true, size: 14 };
    ws.addRow([
      `评标方法：${r.scoringMethod === 'COMPREHENSIVE' ? `综合评分法（价格权重 ${r.priceWeight}%）` : '最低评标价法'}`,
      `生成时间（北京时间）：${formatBeijingNumeric(r.generatedAt, 'second')}`,
    ]);
    ws.addRow([]);
    ws.addRow(['排名', '投标人', '报价（元）', '价格分', '技术分', '总分', '推荐']).font = { bold: true };
    for (const row of r.ranking)
      ws.addRow([
        row.rank,
        row.organisationName,
        row.price,
        row.priceScore,
        row.technicalScore,
        row.totalScore,
        r.recommended.includes(row.bidId) ? '推荐' : '',
      ]);
    ws.addRow([]);
    ws.addRow(['评审明细', '评委', ...criteria.map((c) => `${c.name}（${centsToPoints(c.maxCents)}）`)]).font = {
      bold: true,
    };
    for (const row of r.ranking) {
      for (const m of r.committee) {
        const sheet = sheets.find((s) => s.bidId === row.bidId && s.expertId === m.expertId);
        const scores = sheet ? (JSON.parse(sheet.scores) as Record<string, number>) : {};
        ws.addRow([row.organisationName, m.displayName, ...criteria.map((c) => centsToPoints(scores[c.code] ?? null))]);
      }
    }
    ws.addRow([]);
    ws.addRow(['评标委员会']).font = { bold: true };
    for (const m of r.committee) ws.addRow([m.displayName, m.seat === 'PURCHASER_REP' ? '采购人代表' : '随机抽取专家']);
    if (r.disqualified.length > 0) {
      ws.addRow([]);
      ws.addRow(['资格审查未通过', '原因']).font = { bold: true };
      for (const d of r.disqualified) ws.addRow([d.organisationName, d.reason]);
    }
    ws.columns.forEach((c) => (c.width = 18));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Sends the tender back to evaluation (an upheld objection): a new round, the bids qualified again. */
  async reopenEvaluation(em: EntityManager, actor: Actor, t: TenderEntity, now: Date, reason: string): Promise<void> {
    await em.query(
      "UPDATE bids SET status = 'QUALIFIED', price_score_cents = NULL, technical_score_cents = NULL, total_cents = NULL, rank_no = NULL WHERE tender_id = ? AND status = 'SCORED'",
      [t.id],
    );
    await this.tenders.setStatus(
      em,
      actor,
      t,
      'EVALUATING',
      now,
      false,
      {
        evaluationRound: t.evaluationRound + 1,
        winnerBidId: null,
        awardNoticeAt: null,
        objectionWindowEndsAt: null,
        report: null,
        reportAt: null,
        confirmationDueAt: null,
        confirmationRemindedAt: null,
      },
      { reason, round: t.evaluationRound + 1 },
    );
    const members = await em.find(CommitteeMemberEntity, { where: { tenderId: t.id } });
    await this.inbox.notify(
      em,
      members.map((m) => m.expertId),
      {
        kind: 'tender.re_evaluate',
        template: 'procurement.tender.re_evaluate',
        params: { tenderTitle: t.title, reason },
      },
      now,
    );
  }

  private async seat(actor: Actor, id: number, em: EntityManager): Promise<TenderEntity> {
    const t = await em.findOneBy(TenderEntity, { id });
    if (t === null || !(await em.existsBy(CommitteeMemberEntity, { tenderId: id, expertId: actor.userId })))
      throw new ProcurementError(ProcurementErrorCode.NOT_ON_COMMITTEE, `Tender ${id} not found.`);
    return t;
  }

  private async submittedExperts(em: EntityManager, t: TenderEntity): Promise<Set<number>> {
    const rows = (await em.query('SELECT DISTINCT expert_id FROM bid_scores WHERE tender_id = ? AND round = ?', [
      t.id,
      t.evaluationRound,
    ])) as Array<{ expert_id: number }>;
    return new Set(rows.map((r) => r.expert_id));
  }
}
