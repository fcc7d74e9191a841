import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, IsoDate, Money, Page, toHttpParams } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';

export type ChangeOrderStatus = 'PROPOSED' | 'APPROVED' | 'REJECTED';
export type TerminationKind = 'AGREEMENT' | 'BREACH' | 'NOT_SIGNED';
export const CHANGE_ORDER_STATUSES: readonly ChangeOrderStatus[] = ['PROPOSED', 'APPROVED', 'REJECTED'];
export const TERMINATION_KINDS: readonly TerminationKind[] = ['AGREEMENT', 'BREACH', 'NOT_SIGNED'];

/** A change order (补充合同) as the API gives it: amounts in yuan strings, instants in ISO UTC. */
export interface ChangeOrder {
  id: number;
  contractId: number;
  contractCode: string;
  contractTitle: string;
  organisationId: number;
  status: ChangeOrderStatus;
  scope: string;
  reason: string;
  amount: Money;
  milestoneTitle: string;
  milestoneDueDate: IsoDate;
  milestoneId: number | null;
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

export interface ContractChangeSummary {
  id: number;
  code: string;
  title: string;
  status: 'DRAFT' | 'SIGNED' | 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  organisationId: number;
  budgetLineId: number;
  amount: Money;
  changes: Money;
  cap: Money;
  remaining: Money;
  usedPercent: string;
  terminatedAt: string | null;
  terminationKind: TerminationKind | null;
  terminationReason: string | null;
}

export interface ContractChanges {
  contract: ContractChangeSummary;
  items: ChangeOrder[];
}

export interface ProposeChangeOrderRequest {
  scope: string;
  amount: Money;
  reason: string;
  milestoneTitle: string;
  milestoneDueDate: IsoDate;
}

export interface TerminationResult {
  contract: ContractChangeSummary;
  released: Money;
  releaseEntryId: string | null;
  projectStatus: string;
  blacklistOrganisationId: number | null;
}

export interface ChangeOrderQuery {
  status?: ChangeOrderStatus;
  page?: number;
  pageSize?: number;
}

const V1 = API_V1;

/** `/api/v1/contracts/:id/change-orders`, `/api/v1/change-orders`, `/api/v1/contracts/:id/terminate`. */
@Injectable({ providedIn: 'root' })
export class ChangeOrdersApi {
  private readonly http = inject(HttpClient);

  forContract(contractId: number): Observable<ContractChanges> {
    return this.http.get<ContractChanges>(`${V1}/contracts/${contractId}/change-orders`);
  }

  exportForContract(contractId: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${V1}/contracts/${contractId}/change-orders/export.xlsx`, {
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** `idempotencyKey`: one per opened form, so a double click proposes once. */
  propose(
    contractId: number,
    body: ProposeChangeOrderRequest,
    idempotencyKey: string,
    context?: HttpContext,
  ): Observable<ChangeOrder> {
    return this.http.post<ChangeOrder>(`${V1}/contracts/${contractId}/change-orders`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  approve(id: number, idempotencyKey: string, context?: HttpContext): Observable<ChangeOrder> {
    return this.http.post<ChangeOrder>(
      `${V1}/change-orders/${id}/approve`,
      {},
      { headers: { 'Idempotency-Key': idempotencyKey }, context },
    );
  }

  /** Finance refuses (`reject`), the officer withdraws (`withdraw`): both with a reason. */
  reject(id: number, how: 'reject' | 'withdraw', reason: string, context?: HttpContext): Observable<ChangeOrder> {
    return this.http.post<ChangeOrder>(`${V1}/change-orders/${id}/${how}`, { reason }, { context });
  }

  terminate(
    contractId: number,
    body: { kind: TerminationKind; reason: string },
    idempotencyKey: string,
    context?: HttpContext,
  ): Observable<TerminationResult> {
    return this.http.post<TerminationResult>(`${V1}/contracts/${contractId}/terminate`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  queue(query: ChangeOrderQuery): Observable<Page<ChangeOrder>> {
    return this.http.get<Page<ChangeOrder>>(`${V1}/change-orders`, { params: toHttpParams(query) });
  }

  exportQueue(query: ChangeOrderQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${V1}/change-orders/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }
}
