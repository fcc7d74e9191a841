import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, IsoInstant, Money, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

export const CUSTODY_KINDS = ['BID_DEPOSIT', 'PERFORMANCE_BOND'] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];
export const CUSTODY_STATUSES = ['HELD', 'REFUND_DUE', 'REFUNDED', 'RELEASED', 'FORFEITED'] as const;
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];

/** A bid deposit or a performance bond (保证金): money held for an organisation, in the custody ledger. */
export interface CustodyAccount {
  id: number;
  kind: CustodyKind;
  status: CustodyStatus;
  organisationId: number;
  organisationName: string;
  tenderId: number;
  tenderTitle: string;
  contractId: number | null;
  required: Money;
  held: Money;
  returned: Money;
  forfeited: Money;
  /** Late interest paid with the return. */
  interest: Money;
  /** Interest accrued so far on an amount still held past its due date. */
  accruedInterest: Money;
  daysLate: number;
  returnReason: 'LOST' | 'WON' | 'WITHDRAWN' | 'ENDED' | 'FINAL_ACCEPTANCE' | 'TERMINATED' | null;
  returnDueAt: IsoInstant | null;
  dueMarkedAt: IsoInstant | null;
  forfeitable: boolean;
  closedAt: IsoInstant | null;
  decisionNote: string | null;
  createdAt: IsoInstant;
}

export interface CustodyQuery {
  page?: number;
  pageSize?: number;
  kind?: CustodyKind | null;
  status?: CustodyStatus | null;
  q?: string | null;
}

const CUSTODY = `${API_V1}/custody`;

/** `/api/v1/custody`: finance's accounts of its region subtree, an organisation's own, and finance's decisions. */
@Injectable({ providedIn: 'root' })
export class CustodyApi {
  private readonly http = inject(HttpClient);

  accounts(query: CustodyQuery): Observable<Page<CustodyAccount>> {
    return this.http.get<Page<CustodyAccount>>(`${CUSTODY}/accounts`, { params: toHttpParams(query) });
  }

  mine(query: CustodyQuery): Observable<Page<CustodyAccount>> {
    return this.http.get<Page<CustodyAccount>>(`${CUSTODY}/mine`, { params: toHttpParams(query) });
  }

  exportAccounts(query: CustodyQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${CUSTODY}/accounts/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** Refund (a deposit) or release (a bond); `idempotencyKey`: one per opened confirmation. */
  giveBack(id: number, action: 'refund' | 'release', note: string, idempotencyKey: string): Observable<CustodyAccount> {
    return this.http.post<CustodyAccount>(`${CUSTODY}/accounts/${id}/${action}`, note ? { note } : {}, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  forfeit(id: number, reason: string, idempotencyKey: string): Observable<CustodyAccount> {
    return this.http.post<CustodyAccount>(
      `${CUSTODY}/accounts/${id}/forfeit`,
      { reason },
      { headers: { 'Idempotency-Key': idempotencyKey } },
    );
  }
}

/** Which finance action an account offers now (null: none). */
export function custodyAction(a: CustodyAccount): 'refund' | 'release' | 'forfeit' | null {
  if (a.status !== 'HELD' && a.status !== 'REFUND_DUE') return null;
  if (a.kind === 'BID_DEPOSIT') return a.returnDueAt ? 'refund' : null;
  if (a.returnDueAt) return 'release';
  return a.forfeitable ? 'forfeit' : null;
}
