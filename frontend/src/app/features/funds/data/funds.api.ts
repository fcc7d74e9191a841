import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  AdjustmentRequest,
  API_V1,
  BudgetAdjustment,
  BudgetLine,
  BudgetLineQuery,
  CreateBudgetLineRequest,
  FundsConsistency,
  FundsReportGroup,
  FundsReportRow,
  LedgerEntry,
  LedgerEntryQuery,
  Page,
  ReverseEntryRequest,
  ReverseEntryResult,
  toHttpParams,
} from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

const FUNDS = `${API_V1}/funds`;

/** `/api/v1/funds`: budget lines, their ledger and adjustments, execution reports, the consistency check. */
@Injectable({ providedIn: 'root' })
export class FundsApi {
  private readonly http = inject(HttpClient);

  /** Lines of my region subtree, newest year first. */
  lines(query: BudgetLineQuery): Observable<Page<BudgetLine>> {
    return this.http.get<Page<BudgetLine>>(`${FUNDS}/lines`, { params: toHttpParams(query) });
  }

  /** The same filters as an Excel file; the whole response, for its `Content-Disposition`. */
  exportLines(query: BudgetLineQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${FUNDS}/lines/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  line(id: number): Observable<BudgetLine> {
    return this.http.get<BudgetLine>(`${FUNDS}/lines/${id}`);
  }

  /** `idempotencyKey`: one per opened form, so a double click creates one line. */
  createLine(body: CreateBudgetLineRequest, idempotencyKey: string, context?: HttpContext): Observable<BudgetLine> {
    return this.http.post<BudgetLine>(`${FUNDS}/lines`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  /**
   * Approves (allocating the amount through the ledger) or rejects; 403 for the line's own creator.
   * `idempotencyKey`: one per opened decision, so a repeated approval replays the first.
   */
  decideLine(
    id: number,
    approve: boolean,
    note: string,
    idempotencyKey: string,
    context?: HttpContext,
  ): Observable<BudgetLine> {
    // a rejection carries its reason (required by the API); an approval an optional note
    const body = approve ? (note ? { note } : {}) : { reason: note };
    const url = `${FUNDS}/lines/${id}/${approve ? 'approve' : 'reject'}`;
    return approve
      ? this.http.post<BudgetLine>(url, body, { headers: { 'Idempotency-Key': idempotencyKey }, context })
      : this.http.post<BudgetLine>(url, body, { context });
  }

  entries(lineId: number, query: LedgerEntryQuery): Observable<Page<LedgerEntry>> {
    return this.http.get<Page<LedgerEntry>>(`${FUNDS}/lines/${lineId}/entries`, { params: toHttpParams(query) });
  }

  exportEntries(lineId: number, query: LedgerEntryQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${FUNDS}/lines/${lineId}/entries/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** A correcting entry with the opposite move; an entry is reversed at most once. */
  reverse(entryId: string, body: ReverseEntryRequest, context?: HttpContext): Observable<ReverseEntryResult> {
    return this.http.post<ReverseEntryResult>(`${FUNDS}/entries/${entryId}/reverse`, body, { context });
  }

  adjustments(lineId: number): Observable<BudgetAdjustment[]> {
    return this.http.get<BudgetAdjustment[]>(`${FUNDS}/lines/${lineId}/adjustments`);
  }

  requestAdjustment(lineId: number, body: AdjustmentRequest, context?: HttpContext): Observable<BudgetAdjustment> {
    return this.http.post<BudgetAdjustment>(`${FUNDS}/lines/${lineId}/adjustments`, body, { context });
  }

  /** Approves, or rejects with the reason the requester reads. */
  decideAdjustment(id: number, approve: boolean, reason = '', context?: HttpContext): Observable<BudgetAdjustment> {
    const url = `${FUNDS}/adjustments/${id}/${approve ? 'approve' : 'reject'}`;
    return this.http.post<BudgetAdjustment>(url, approve ? {} : { reason }, { context });
  }

  /** Sums of ACTIVE lines of `year` under `regionId` (default: my region), by region, source or category. */
  report(year: number, groupBy: FundsReportGroup, regionId?: number | null): Observable<FundsReportRow[]> {
    return this.http.get<FundsReportRow[]>(`${FUNDS}/report`, { params: toHttpParams({ year, regionId, groupBy }) });
  }

  consistency(): Observable<FundsConsistency> {
    return this.http.get<FundsConsistency>(`${FUNDS}/consistency`);
  }
}
