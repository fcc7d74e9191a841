import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { inTransaction } from '../../../platform/database/transaction';
import { canonicalJson } from '../../../platform/util/canonical-json';
import { sniff } from '../../../platform/util/file-type';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { CustodyService } from '../../funds';
import { OrganisationEvaluationRecords, OrganisationsService } from '../../organisations';
import { centsToPoints } from '../domain/comprehensive-scoring';
import { invalid, ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { BidDto, BidReceiptDto, MyBidDto, SubmitBidDto } from '../dto/procurement.dto';
import { BidDocumentEntity, BidEntity, CommitteeMemberEntity, TenderEntity } from '../entities/procurement.entities';
import { isOrg, isStaff, TendersService } from './tenders.service';

export const MAX_BID_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_BID_TOTAL_BYTES = 20 * 1024 * 1024;
const ALLOWED_MIME = new Set(['application/pdf', 'image/png', 'image/jpeg']);

interface PreparedDocument {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** The tender row as a bid reads it: under a shared lock, with the database clock of that read. */
interface TenderForBid {
  id: number;
  status: string;
  bid_deadline: Date;
  max_price_fen: string;
  bid_deposit_fen: string | null;
  title: string;
  criteria: string;
  scoring_method: string;
  region_path: string;
  min_grade: number | null;
  designated_organisation_id: number | null;
  now: Date;
}

/**
 * Sealed bids. Whether a bid is on time is decided inside its write transaction by the database
 * clock, read in the same statement that takes a shared lock on the tender row: the deadline job's
 * CLOSED transition needs the exclusive lock, so no bid can commit after the tender closed, and no
 * bid read "on time" can be lost. Bids of one organisation are serialised on its interest row.
 */
@Injectable()
export class BidsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenders: TendersService,
    private readonly organisations: OrganisationsService,
    private readonly custody: CustodyService,
    private readonly evaluationRecords: OrganisationEvaluationRecords,
  ) {}

  /** Submits (or replaces) my organisation's bid; returns the receipt. */
  async submit(actor: Actor, tenderId: number, dto: SubmitBidDto): Promise<BidReceiptDto> {
    const documents = this.prepare(dto);
    return inTransaction(this.dataSource, async (em) => {
      const t = await this.lockTender(em, actor, tenderId);
      const priceFen = yuanToFen(dto.price);
      if (priceFen <= 0n) throw invalid(ProcurementErrorCode.BID_INVALID, 'price', 'The price must be more than zero.');
      if (priceFen > BigInt(t.max_price_fen))
        throw invalid(
          ProcurementErrorCode.BID_INVALID,
          'price',
          `The price exceeds the maximum price of ${fenToYuan(t.max_price_fen)} yuan (最高限价).`,
        );
      const criteria = JSON.parse(t.criteria) as Array<{ code: string }>;
      for (const code of Object.keys(dto.technical)) {
        if (!criteria.some((c) => c.code === code))
          throw invalid(ProcurementErrorCode.BID_INVALID, `technical.${code}`, `There is no criterion ${code}.`);
      }
      for (const c of criteria) {
        const v = dto.technical[c.code];
        if (typeof v !== 'string' || v.trim().length === 0 || v.length > 20_000)
          throw invalid(
            ProcurementErrorCode.BID_INVALID,
            `technical.${c.code}`,
            `Respond to criterion ${c.code} (1–20000 characters).`,
          );
      }
      await this.tenders.registerInterestIn(
        em,
        actor,
        {
          id: t.id,
          regionPath: t.region_path,
          minGrade: t.min_grade,
          designatedOrganisationId: t.designated_organisation_id,
        },
        t.now,
      );
      const orgId = actor.organisationId as number;
      // one read for both the last version and the live bid (the organisation's interest row lock serialises its bids)
      const mine = (await em.query(
        'SELECT id, version, status FROM bids WHERE tender_id = ? AND organisation_id = ? ORDER BY version DESC',
        [tenderId, orgId],
      )) as Array<{ id: string; version: number; status: string }>;
      const live = mine.find((b) => b.status === 'SUBMITTED');
      const version = (mine[0]?.version ?? 0) + 1;
      const technical = Object.fromEntries(criteria.map((c) => [c.code, dto.technical[c.code]]));
      const sealed = {
        tenderId,
        organisationId: orgId,
        version,
        price: fenToYuan(priceFen),
        technical,
        documents: documents.map((d) => ({ fileName: d.fileName, sha256: d.sha256, size: d.size })),
      };
      const sha256 = createHash('sha256').update(canonicalJson(sealed)).digest('hex');
      const id = randomUUID();
      // Plain statements on the hot path (a deadline burst): one round trip each, no entity mapping.
      if (live) await em.query("UPDATE bids SET status = 'REPLACED', closed_at = ? WHERE id = ?", [t.now, live.id]);
      await em.query(
        `INSERT INTO bids (id, tender_id, organisation_id, version, status, price_fen, technical, seal_sha256, submitted_at, submitted_by, needs_reconfirm)
         VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, 0)`,
        [id, tenderId, orgId, version, priceFen.toString(), JSON.stringify(technical), sha256, t.now, actor.userId],
      );
      if (documents.length > 0) {
        await em.query(
          `INSERT INTO bid_documents (id, bid_id, file_name, mime, size, sha256, content) VALUES ${documents.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          documents.flatMap((d) => [d.id, id, d.fileName, d.mime, d.size, d.sha256, d.content]),
        );
      }
      // the bid deposit, recorded HELD once per organisation and tender (a replacement does not count again)
      await this.custody.bidSubmitted(
        em,
        actor,
        {
          tenderId,
          tenderTitle: t.title,
          organisationId: orgId,
          regionPath: t.region_path,
          depositFen: BigInt(t.bid_deposit_fen ?? 0),
        },
        t.now,
      );
      await this.tenders.journal(
        em,
        actor,
        {
          tenderId,
          organisationId: orgId,
          bidId: id,
          action: live ? 'bid.replaced' : 'bid.submitted',
          payload: { version, sha256, replaces: live?.id ?? null },
        },
        t.now,
      );
      return { bidId: id, tenderId, version, submittedAt: t.now.toISOString(), sha256 };
    });
  }

  async withdraw(actor: Actor, tenderId: number): Promise<BidDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const t = await this.lockTender(em, actor, tenderId);
      const live = await this.liveBid(em, actor, tenderId);
      await em.update(BidEntity, { id: live.id }, { status: 'WITHDRAWN', closedAt: t.now });
      // withdrawn before the deadline (lockTender refused a late one): the deposit is due back in 5 working days
      await this.custody.bidWithdrawn(em, actor, { tenderId, organisationId: live.organisationId }, t.now);
      await this.tenders.journal(
        em,
        actor,
        {
          tenderId,
          organisationId: live.organisationId,
          bidId: live.id,
          action: 'bid.withdrawn',
          payload: { version: live.version },
        },
        t.now,
      );
      return live.id;
    });
    return this.dto(await this.dataSource.getRepository(BidEntity).findOneByOrFail({ id }), true);
  }

  /** After an amendment moved the deadline, a bidder confirms its bid (a new receipt, same seal). */
  async reconfirm(actor: Actor, tenderId: number): Promise<BidReceiptDto> {
    return inTransaction(this.dataSource, async (em) => {
      const t = await this.lockTender(em, actor, tenderId);
      const live = await this.liveBid(em, actor, tenderId);
      if (live.needsReconfirm !== 1)
        throw new ProcurementError(
          ProcurementErrorCode.BID_ILLEGAL_TRANSITION,
          'The bid does not need to be confirmed again.',
        );
      await em.update(BidEntity, { id: live.id }, { needsReconfirm: 0, reconfirmedAt: t.now });
      await this.tenders.journal(
        em,
        actor,
        {
          tenderId,
          organisationId: live.organisationId,
          bidId: live.id,
          action: 'bid.reconfirmed',
          payload: { version: live.version, sha256: live.sealSha256 },
        },
        t.now,
      );
      return {
        bidId: live.id,
        tenderId,
        version: live.version,
        submittedAt: t.now.toISOString(),
        sha256: live.sealSha256,
      };
    });
  }

  /** My organisation's current bid for a tender (404 when it has none). */
  async mine(actor: Actor, tenderId: number): Promise<BidDto> {
    if (!isOrg(actor)) throw new ProcurementError(ProcurementErrorCode.BID_NOT_FOUND, 'Bid not found.');
    const rows = await this.dataSource.getRepository(BidEntity).find({
      where: { tenderId, organisationId: actor.organisationId as number, status: Not('REPLACED') },
      order: { version: 'DESC' },
      take: 1,
    });
    if (rows.length === 0)
      throw new ProcurementError(ProcurementErrorCode.BID_NOT_FOUND, 'Your organisation has no bid for this tender.');
    return this.dto(rows[0], true);
  }

  async myBids(actor: Actor): Promise<MyBidDto[]> {
    if (!isOrg(actor)) return [];
    const rows = await this.dataSource.getRepository(BidEntity).find({
      where: { organisationId: actor.organisationId as number, status: Not('REPLACED') },
      order: { submittedAt: 'DESC' },
      take: 200,
    });
    const tenders =
      rows.length === 0
        ? []
        : await this.dataSource.getRepository(TenderEntity).findBy({ id: In(rows.map((r) => r.tenderId)) });
    const out: MyBidDto[] = [];
    for (const b of rows) {
      const t = tenders.find((x) => x.id === b.tenderId);
      if (!t) continue;
      out.push({
        ...(await this.dto(b, true)),
        tenderTitle: t.title,
        tenderStatus: t.status,
        bidDeadline: t.bidDeadline.toISOString(),
      });
    }
    return out;
  }

  /**
   * The bids of an opened tender: to the officer in scope and the committee (with content), and to the
   * bidders (receipts and prices only). Before opening the answer is the same for everybody: sealed.
   */
  async forTender(actor: Actor, tenderId: number): Promise<BidDto[]> {
    const { t, full } = await this.openedFor(actor, tenderId);
    const rows = await this.dataSource.getRepository(BidEntity).find({
      where: { tenderId: t.id, status: Not(In(['REPLACED', 'WITHDRAWN'])) },
      order: { rankNo: 'ASC', submittedAt: 'ASC' },
    });
    const bids = await Promise.all(rows.map((b) => this.dto(b, full || b.organisationId === actor.organisationId)));
    if (!full) return bids;
    // the officer and the committee see each bidder's published evaluation grades beside its bid (issue #11)
    const grades = await this.evaluationRecords.pastGrades(
      this.dataSource.manager,
      rows.map((b) => b.organisationId),
    );
    return bids.map((b) => ({
      ...b,
      pastGrades: (grades.get(b.organisationId) ?? []).map((g) => ({
        code: g.code,
        kind: g.kind,
        title: g.title,
        year: g.year,
        score: g.score,
        grade: g.grade,
      })),
    }));
  }

  async document(
    actor: Actor,
    tenderId: number,
    bidId: string,
    documentId: string,
  ): Promise<{ fileName: string; mime: string; content: Buffer }> {
    const bid = await this.dataSource.getRepository(BidEntity).findOneBy({ id: bidId, tenderId });
    const own = bid !== null && isOrg(actor) && bid.organisationId === actor.organisationId;
    if (bid === null || !own) await this.openedFor(actor, tenderId, true);
    const doc = await this.dataSource
      .getRepository(BidDocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :documentId AND d.bid_id = :bidId', { documentId, bidId })
      .getOne();
    if (doc === null || bid === null)
      throw new ProcurementError(ProcurementErrorCode.BID_NOT_FOUND, 'Document not found.');
    return { fileName: doc.fileName, mime: doc.mime, content: doc.content };
  }

  /** Who may read the bids of a tender, and whether in full. Sealed (409) before opening, for everyone. */
  private async openedFor(
    actor: Actor,
    tenderId: number,
    requireFull = false,
  ): Promise<{ t: TenderEntity; full: boolean }> {
    const em = this.dataSource.manager;
    const t = await em.findOneBy(TenderEntity, { id: tenderId });
    const inScope = t !== null && isStaff(actor) && inRegionScope(actor, t.regionPath);
    const expert = t !== null && (await em.existsBy(CommitteeMemberEntity, { tenderId, expertId: actor.userId }));
    const bidder =
      t !== null &&
      isOrg(actor) &&
      t.status !== 'DRAFT' &&
      (await em.existsBy(BidEntity, { tenderId, organisationId: actor.organisationId as number }));
    const tenderVisible = inScope || expert || (t !== null && isOrg(actor) && t.status !== 'DRAFT');
    if (t === null || !tenderVisible)
      throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${tenderId} not found.`);
    if (t.openedAt === null)
      throw new ProcurementError(ProcurementErrorCode.BIDS_SEALED, 'Bids are sealed until the tender is opened.');
    const full = inScope || expert;
    if (!full && (!bidder || requireFull))
      throw new ProcurementError(ProcurementErrorCode.BID_NOT_FOUND, 'Bid not found.');
    return { t, full };
  }

  private async lockTender(em: EntityManager, actor: Actor, tenderId: number): Promise<TenderForBid> {
    if (!isOrg(actor))
      throw new ProcurementError(ProcurementErrorCode.BID_NOT_ELIGIBLE, 'Only members of an organisation can bid.');
    // A plain read first: "closed" and "past the deadline" are final (a tender never reopens, and an amendment
    // cannot move a deadline that has passed), so a late bid is refused without queueing for the row lock —
    // behind the opening, say. Only a bid that may be on time takes the shared lock and reads the clock again.
    const [pre] = (await em.query('SELECT status, bid_deadline, UTC_TIMESTAMP(3) AS now FROM tenders WHERE id = ?', [
      tenderId,
    ])) as Array<Pick<TenderForBid, 'status' | 'bid_deadline' | 'now'>>;
    if (pre !== undefined && pre.status !== 'DRAFT') this.assertOnTime(pre);
    const rows = (await em.query(
      `SELECT id, status, bid_deadline, max_price_fen, bid_deposit_fen, title, criteria, scoring_method, region_path, min_grade, designated_organisation_id
         FROM tenders WHERE id = ? LOCK IN SHARE MODE`,
      [tenderId],
    )) as Array<Omit<TenderForBid, 'now'>>;
    if (rows[0] === undefined || rows[0].status === 'DRAFT')
      throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${tenderId} not found.`);
    // The clock is read once the row is held, in its own statement: UTC_TIMESTAMP() in the locking read would be the
    // time that statement began, before any wait for the row. A bid that waited past the deadline (behind the close,
    // which holds the row while it closes) is late, and its refusal says a server time at or after the deadline.
    const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
    const t: TenderForBid = { ...rows[0], now };
    this.assertOnTime(t);
    return t;
  }

  private assertOnTime(t: Pick<TenderForBid, 'status' | 'bid_deadline' | 'now'>): void {
    if (t.status !== 'PUBLISHED' || t.now >= t.bid_deadline) {
      throw new ProcurementError(
        ProcurementErrorCode.BID_LATE,
        `The bid deadline (${t.bid_deadline.toISOString()}) has passed: server time ${t.now.toISOString()}.`,
        { deadline: t.bid_deadline.toISOString(), serverTime: t.now.toISOString() },
      );
    }
  }

  private async liveBid(em: EntityManager, actor: Actor, tenderId: number): Promise<BidEntity> {
    const live = await em.findOne(BidEntity, {
      where: { tenderId, organisationId: actor.organisationId as number, status: 'SUBMITTED' },
      lock: { mode: 'pessimistic_write' },
    });
    if (live === null)
      throw new ProcurementError(
        ProcurementErrorCode.BID_NOT_FOUND,
        'Your organisation has no submitted bid for this tender.',
      );
    return live;
  }

  private prepare(dto: SubmitBidDto): PreparedDocument[] {
    const total = dto.documents.reduce((n, d) => n + Math.floor((d.contentBase64.length * 3) / 4), 0);
    if (total > MAX_BID_TOTAL_BYTES)
      throw invalid(ProcurementErrorCode.BID_INVALID, 'documents', 'The documents of a bid may total 20 MB at most.');
    return dto.documents.map((d, i) => {
      const content = Buffer.from(d.contentBase64, 'base64');
      if (content.length === 0 || content.length > MAX_BID_DOCUMENT_BYTES)
        throw invalid(
          ProcurementErrorCode.BID_INVALID,
          `documents[${i}].contentBase64`,
          'Each document must be 1 byte to 5 MB.',
        );
      const mime = sniff(content);
      if (mime === null || !ALLOWED_MIME.has(mime))
        throw invalid(
          ProcurementErrorCode.BID_INVALID,
          `documents[${i}].contentBase64`,
          'Documents must be PDF, PNG or JPEG files.',
        );
      return {
        id: randomUUID(),
        fileName: d.fileName,
        mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      };
    });
  }

  async dto(b: BidEntity, full: boolean): Promise<BidDto> {
    const org = (await this.organisations.eligibility(this.dataSource.manager, [b.organisationId])).get(
      b.organisationId,
    );
    const docs = full ? await this.dataSource.getRepository(BidDocumentEntity).find({ where: { bidId: b.id } }) : [];
    return {
      id: b.id,
      tenderId: b.tenderId,
      organisationId: b.organisationId,
      organisationName: org?.name ?? '',
      version: b.version,
      status: b.status,
      price: fenToYuan(b.priceFen),
      technical: full ? (JSON.parse(b.technical) as Record<string, string>) : {},
      documents: docs.map((d) => ({ id: d.id, fileName: d.fileName, mime: d.mime, size: d.size, sha256: d.sha256 })),
      submittedAt: b.submittedAt.toISOString(),
      sha256: b.sealSha256,
      needsReconfirm: b.needsReconfirm === 1,
      qualificationReason: b.qualificationReason,
      priceScore: centsToPoints(b.priceScoreCents),
      technicalScore: centsToPoints(b.technicalScoreCents),
      totalScore: centsToPoints(b.totalCents),
      rank: b.rankNo,
    };
  }
}
