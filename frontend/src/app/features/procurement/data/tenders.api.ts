import { HttpClient, HttpContext, HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of, throwError } from 'rxjs';

import { API_V1, itemsOf, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import {
  Bid,
  BidReceipt,
  Committee,
  CommitteeReport,
  MyBid,
  Notice,
  OrganisationOption,
  QualificationDecision,
  ScoreSheet,
  SubmitBidRequest,
  Tender,
  TenderQuery,
  TenderRequest,
} from './procurement.types';

const TENDERS = `${API_V1}/tenders`;

/**
 * `/api/v1/tenders`: 采购公告 and everything hanging off one — notices (clarifications, questions,
 * amendments), interest, sealed bids and receipts, opening, qualification, committee, scores,
 * report and award.
 */
@Injectable({ providedIn: 'root' })
export class TendersApi {
  private readonly http = inject(HttpClient);

  /** Officers: their scope; organisation members: published calls; experts: tenders they sit on. */
  list(query: TenderQuery): Observable<Page<Tender>> {
    return this.http.get<Page<Tender>>(TENDERS, { params: toHttpParams(query) });
  }

  get(id: number): Observable<Tender> {
    return this.http.get<Tender>(`${TENDERS}/${id}`);
  }

  create(body: TenderRequest, context?: HttpContext): Observable<Tender> {
    return this.http.post<Tender>(TENDERS, body, { context });
  }

  update(id: number, body: TenderRequest, context?: HttpContext): Observable<Tender> {
    return this.http.put<Tender>(`${TENDERS}/${id}`, body, { context });
  }

  /** 422 TENDER_PERIOD_TOO_SHORT (`errors[field=bidDeadline]`, `earliest`) when the deadline is too early. */
  publish(id: number, context?: HttpContext): Observable<Tender> {
    return this.http.post<Tender>(`${TENDERS}/${id}/publish`, {}, { context });
  }

  cancel(id: number, reason: string, context?: HttpContext): Observable<Tender> {
    return this.http.post<Tender>(`${TENDERS}/${id}/cancel`, { reason }, { context });
  }

  // notices

  notices(id: number): Observable<Notice[]> {
    return this.http.get<Notice[]>(`${TENDERS}/${id}/notices`);
  }

  /** An amendment; one affecting bid preparation may move the deadline (the tender comes back). */
  amend(id: number, body: string, affectsPreparation: boolean, context?: HttpContext): Observable<Tender> {
    return this.http.post<Tender>(`${TENDERS}/${id}/amendments`, { body, affectsPreparation }, { context });
  }

  clarify(id: number, body: string, context?: HttpContext): Observable<Notice> {
    return this.http.post<Notice>(`${TENDERS}/${id}/clarifications`, { body }, { context });
  }

  ask(id: number, question: string, context?: HttpContext): Observable<Notice> {
    return this.http.post<Notice>(`${TENDERS}/${id}/questions`, { question }, { context });
  }

  answer(id: number, noticeId: number, answer: string, context?: HttpContext): Observable<Notice> {
    return this.http.post<Notice>(`${TENDERS}/${id}/notices/${noticeId}/answer`, { answer }, { context });
  }

  // organisation members

  registerInterest(id: number): Observable<unknown> {
    return this.http.post(`${TENDERS}/${id}/interest`, {});
  }

  /** My organisation's live bid, or null when there is none (a 404, which is not an error here). */
  myBid(id: number): Observable<Bid | null> {
    return this.http
      .get<Bid>(`${TENDERS}/${id}/my-bid`, { context: silentErrors() })
      .pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error),
        ),
      );
  }

  /** Submits or replaces the bid; `idempotencyKey`: one per click, so a double click seals once. */
  submitBid(id: number, body: SubmitBidRequest, idempotencyKey: string, context?: HttpContext): Observable<BidReceipt> {
    return this.http.put<BidReceipt>(`${TENDERS}/${id}/my-bid`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  withdrawBid(id: number): Observable<unknown> {
    return this.http.delete(`${TENDERS}/${id}/my-bid`);
  }

  reconfirmBid(id: number, idempotencyKey: string): Observable<BidReceipt> {
    return this.http.post<BidReceipt>(
      `${TENDERS}/${id}/my-bid/reconfirm`,
      {},
      { headers: { 'Idempotency-Key': idempotencyKey } },
    );
  }

  myBids(): Observable<MyBid[]> {
    return this.http.get<MyBid[] | Page<MyBid>>(`${API_V1}/my/bids`).pipe(map((body) => itemsOf(body)));
  }

  // after opening

  /** 409 while the bids are sealed. */
  bids(id: number, context?: HttpContext): Observable<Bid[]> {
    return this.http.get<Bid[]>(`${TENDERS}/${id}/bids`, { context });
  }

  /** A bid document, fetched with the auth header. */
  document(id: number, bidId: string, documentId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${TENDERS}/${id}/bids/${bidId}/documents/${documentId}`, {
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  qualify(id: number, decisions: QualificationDecision[], context?: HttpContext): Observable<unknown> {
    return this.http.post(`${TENDERS}/${id}/qualification`, { decisions }, { context });
  }

  drawCommittee(id: number, representativeIds: number[] = [], context?: HttpContext): Observable<Committee> {
    return this.http.post<Committee>(
      `${TENDERS}/${id}/committee/draw`,
      representativeIds.length > 0 ? { representativeIds } : {},
      { context },
    );
  }

  committee(id: number, context?: HttpContext): Observable<Committee> {
    return this.http.get<Committee>(`${TENDERS}/${id}/committee`, { context });
  }

  myScores(id: number): Observable<ScoreSheet[]> {
    return this.http.get<ScoreSheet[]>(`${TENDERS}/${id}/my-scores`);
  }

  /** One sheet per qualified bid; final once submitted. */
  submitScores(id: number, sheets: ScoreSheet[], context?: HttpContext): Observable<unknown> {
    return this.http.put(`${TENDERS}/${id}/my-scores`, { sheets }, { context });
  }

  report(id: number, context?: HttpContext): Observable<CommitteeReport> {
    return this.http.get<CommitteeReport>(`${TENDERS}/${id}/report`, { context });
  }

  /** Confirms the winner (`winnerBidId` only when several share the first rank) and publishes the award notice. */
  award(id: number, winnerBidId: string | null, idempotencyKey: string, context?: HttpContext): Observable<Tender> {
    return this.http.post<Tender>(`${TENDERS}/${id}/award`, winnerBidId ? { winnerBidId } : {}, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  /** Active social organisations in my scope (single source: the designated one). */
  /** Active social organisations, the first 100 by name, or those whose name contains `q`. */
  organisations(q = ''): Observable<OrganisationOption[]> {
    return this.http
      .get<OrganisationOption[] | Page<OrganisationOption>>(`${API_V1}/organisations`, {
        params: toHttpParams({ status: 'ACTIVE', kind: 'SOCIAL_ORGANISATION', pageSize: 100, q: q.trim() }),
      })
      .pipe(map((body) => itemsOf(body)));
  }
}
