import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

export const PAYMENT_STATUSES = ['HELD', 'REQUESTED', 'APPROVED', 'PAID', 'REJECTED', 'WITHHELD'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment request as the API gives it; amounts are yuan strings ("93000.00"), instants ISO (UTC). */
export interface PaymentRequest {
  id: number;
  contractId: number;
  contractCode: string;
  contractTitle: string;
  organisationId: number;
  organisationName: string;
  milestoneId: number;
  milestoneSeq: number;
  milestoneTitle: string;
  isFinal: boolean;
  status: PaymentStatus;
  tranche: string;
  amount: string;
  released: string;
  dueDate: string | null;
  dueAt: string | null;
  overdue: boolean;
  daysLate: number;
  lateInterest: string;
  lateRatePercent: string;
  lateAt: string | null;
  requestedAt: string | null;
  requestedBy: number | null;
  approvedAt: string | null;
  approvedBy: number | null;
  paidAt: string | null;
  paidBy: number | null;
  rejectedAt: string | null;
  rejectReason: string | null;
  finalOutcome: string | null;
  evaluationScore: string | null;
}

export interface PaymentMilestone {
  id: number;
  seq: number;
  title: string;
  isFinal: boolean;
  status: string;
  amount: string;
  acceptedAt: string | null;
  requestable: boolean;
  request: PaymentRequest | null;
}

export interface ContractPayments {
  contractId: number;
  contractCode: string;
  contractTitle: string;
  contractStatus: string;
  amount: string;
  paymentDays: number;
  lateRatePercent: string;
  finalReductionPercent: string;
  milestones: PaymentMilestone[];
  requests: PaymentRequest[];
}

export interface PaymentQuery {
  status?: string;
  overdue?: 'true' | 'false';
  contractId?: number;
  page?: number;
  pageSize?: number;
}

/** `/api/v1/contracts/:id/payments` and `/api/v1/payment-requests`: request, approve, pay, send back. */
@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  forContract(contractId: number): Observable<ContractPayments> {
    return this.http.get<ContractPayments>(`${API_V1}/contracts/${contractId}/payments`);
  }

  list(query: PaymentQuery): Observable<Page<PaymentRequest>> {
    return this.http.get<Page<PaymentRequest>>(`${API_V1}/payment-requests`, { params: toHttpParams(query) });
  }

  export(query: PaymentQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${API_V1}/payment-requests/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** `key`: one per click target, so a double click raises one request. */
  request(contractId: number, milestoneId: number, key: string): Observable<PaymentRequest> {
    return this.http.post<PaymentRequest>(
      `${API_V1}/contracts/${contractId}/milestones/${milestoneId}/payment-request`,
      {},
      { headers: { 'Idempotency-Key': key } },
    );
  }

  approve(id: number, key: string): Observable<PaymentRequest> {
    return this.http.post<PaymentRequest>(
      `${API_V1}/payment-requests/${id}/approve`,
      {},
      { headers: { 'Idempotency-Key': key } },
    );
  }

  /** Paying twice with the same key replays the first answer: the money moves once. */
  pay(id: number, key: string): Observable<PaymentRequest> {
    return this.http.post<PaymentRequest>(
      `${API_V1}/payment-requests/${id}/pay`,
      {},
      { headers: { 'Idempotency-Key': key } },
    );
  }

  /** The officer rejects (`reject`) or finance sends back (`return`), with a reason. */
  sendBack(id: number, as: 'reject' | 'return', reason: string): Observable<PaymentRequest> {
    return this.http.post<PaymentRequest>(`${API_V1}/payment-requests/${id}/${as}`, { reason });
  }
}
