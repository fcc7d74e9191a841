import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_V1,
  CreateNeedRequest,
  MyNeed,
  NeedAttachment,
  NeedDetail,
  NeedEvent,
  NeedQuery,
  NeedSummary,
  newIdempotencyKey,
  Page,
  RejectReason,
  SimilarNeed,
  SupportResult,
  SupportTransfer,
  toHttpParams,
} from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

const NEEDS = `${API_V1}/needs`;

/** `/api/v1/needs`, `/my/needs`, `/support-transfers`. */
@Injectable({ providedIn: 'root' })
export class NeedsApi {
  private readonly http = inject(HttpClient);

  /** Residents get their community's needs (from ACCEPTED on) and their own; staff their region subtree. */
  list(query: NeedQuery): Observable<Page<NeedSummary>> {
    return this.http.get<Page<NeedSummary>>(NEEDS, { params: toHttpParams(query) });
  }

  /** The same filters as an Excel file; the whole response, for its `Content-Disposition`. */
  export(query: NeedQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${NEEDS}/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** Needs of the same campaign and community with a similar title (errors stay quiet: it is only a hint). */
  similar(campaignId: number, title: string, communityId?: number | null): Observable<SimilarNeed[]> {
    return this.http.get<SimilarNeed[]>(`${NEEDS}/similar`, {
      params: toHttpParams({ campaignId, title, communityId }),
      context: silentErrors(),
    });
  }

  get(id: number): Observable<NeedDetail> {
    return this.http.get<NeedDetail>(`${NEEDS}/${id}`);
  }

  timeline(id: number): Observable<NeedEvent[]> {
    return this.http.get<NeedEvent[]>(`${NEEDS}/${id}/timeline`);
  }

  /** `idempotencyKey`: one per opened form, so a double tap submits one need. */
  create(
    body: CreateNeedRequest,
    idempotencyKey: string = newIdempotencyKey(),
    context?: HttpContext,
  ): Observable<NeedDetail> {
    return this.http.post<NeedDetail>(NEEDS, body, { headers: { 'Idempotency-Key': idempotencyKey }, context });
  }

  /** A JPEG, PNG or PDF of at most 5 MB (5 per need). */
  upload(id: number, file: File, context?: HttpContext): Observable<NeedAttachment> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<NeedAttachment>(`${NEEDS}/${id}/attachments`, body, { context });
  }

  /** The stored file, with the auth header (a plain link could not send it). */
  attachment(id: number, attachmentId: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${NEEDS}/${id}/attachments/${attachmentId}`, { observe: 'response', responseType: 'blob' });
  }

  accept(id: number): Observable<NeedDetail> {
    return this.http.post<NeedDetail>(`${NEEDS}/${id}/accept`, {});
  }

  reject(id: number, reason: RejectReason, note: string): Observable<NeedDetail> {
    return this.http.post<NeedDetail>(`${NEEDS}/${id}/reject`, { reason, note });
  }

  merge(id: number, targetNeedId: number): Observable<NeedDetail> {
    return this.http.post<NeedDetail>(`${NEEDS}/${id}/merge`, { targetNeedId });
  }

  resubmit(id: number, campaignId: number): Observable<NeedDetail> {
    return this.http.post<NeedDetail>(`${NEEDS}/${id}/resubmit`, { campaignId });
  }

  support(id: number): Observable<SupportResult> {
    return this.http.post<SupportResult>(`${NEEDS}/${id}/support`, {});
  }

  withdraw(id: number): Observable<SupportResult> {
    return this.http.delete<SupportResult>(`${NEEDS}/${id}/support`);
  }

  /** Needs I submitted or support, each with its timeline. */
  mine(): Observable<MyNeed[]> {
    return this.http.get<MyNeed[]>(`${API_V1}/my/needs`);
  }

  transfers(): Observable<SupportTransfer[]> {
    return this.http.get<SupportTransfer[]>(`${API_V1}/support-transfers`);
  }

  answerTransfer(id: number, accept: boolean): Observable<unknown> {
    return this.http.post(`${API_V1}/support-transfers/${id}/${accept ? 'accept' : 'decline'}`, {});
  }
}
