import { HttpClient, HttpContext, HttpHeaders, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, newIdempotencyKey, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export interface ContractQuery {
  page?: number;
  pageSize?: number;
  status?: ContractStatus | null;
  tenderId?: number | null;
  q?: string | null;
  sort?: string | null;
}

export interface ContractSummary {
  id: number;
  code: string;
  title: string;
  status: ContractStatus;
  projectId: number;
  tenderId: number;
  organisationId: number;
  organisationName: string;
  regionName: string;
  amount: string;
  termStart: string;
  termEnd: string;
  signatureDueAt: string;
  signatureOverdueAt: string | null;
  signedAt: string | null;
  publicationDueAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface ContractContent {
  purchaser: { name: string; region: string; address: string; representative: string };
  supplier: {
    name: string;
    creditCode: string;
    legalRepresentative: string;
    bankName: string;
    bankAccountName: string;
    bankAccountNo: string;
  };
  scope: string;
  serviceStandard: string;
  acceptanceMethod: string;
  bondTerms: string;
  otherTerms: string;
}

export interface ContractMilestone {
  id: number;
  seq: number;
  title: string;
  deliverables: string;
  dueDate: string;
  dueAt: string;
  share: string;
  amount: string;
  isFinal: boolean;
  status: string;
  overdueAt: string | null;
}

export interface Contract extends ContractSummary {
  content: ContractContent;
  maxTermMonths: number;
  paymentDays: number;
  bondPercent: string;
  bond: string;
  changes: string;
  awardNoticeAt: string;
  purchaserSignedAt: string | null;
  purchaserSignedBy: string | null;
  supplierSignedAt: string | null;
  supplierSignedBy: string | null;
  contentSha256: string | null;
  milestones: ContractMilestone[];
  can: { edit: boolean; signAsPurchaser: boolean; signAsSupplier: boolean; publish: boolean };
}

export interface ContractEdit {
  content: ContractContent;
  termStart: string;
  termEnd: string;
  paymentDays: number;
  bondPercent: string;
  milestones: Array<{ title: string; deliverables: string; dueDate: string; share: string }>;
}

export interface Signatory {
  userId: number;
  displayName: string;
  signatory: boolean;
}

const CONTRACTS = `${API_V1}/contracts`;

/** `/api/v1/contracts`: the contract list, one contract, the draft edit, the two signatures, publication, PDF. */
@Injectable({ providedIn: 'root' })
export class ContractsApi {
  private readonly http = inject(HttpClient);

  list(query: ContractQuery, context?: HttpContext): Observable<Page<ContractSummary>> {
    return this.http.get<Page<ContractSummary>>(CONTRACTS, { params: toHttpParams(query), context });
  }

  export(query: ContractQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${CONTRACTS}/export.xlsx`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  get(id: number): Observable<Contract> {
    return this.http.get<Contract>(`${CONTRACTS}/${id}`);
  }

  update(id: number, body: ContractEdit): Observable<Contract> {
    return this.http.put<Contract>(`${CONTRACTS}/${id}`, body, { context: silentErrors() });
  }

  sign(id: number, side: 'purchaser' | 'supplier'): Observable<Contract> {
    return this.http.post<Contract>(
      `${CONTRACTS}/${id}/sign/${side}`,
      {},
      {
        headers: new HttpHeaders({ 'Idempotency-Key': newIdempotencyKey() }),
        context: silentErrors(),
      },
    );
  }

  publish(id: number): Observable<Contract> {
    return this.http.post<Contract>(`${CONTRACTS}/${id}/publish`, {}, { context: silentErrors() });
  }

  pdf(id: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${CONTRACTS}/${id}/pdf`, {
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** The members of my organisation and who may sign contracts for it. */
  signatories(): Observable<Signatory[]> {
    return this.http.get<Signatory[]>(`${API_V1}/contract-signatories`);
  }

  /** A signatory grants or withdraws another member's signing rights. */
  setSignatory(userId: number, granted: boolean): Observable<Signatory[]> {
    return this.http.put<Signatory[]>(
      `${API_V1}/contract-signatories/${userId}`,
      { granted },
      { context: silentErrors() },
    );
  }
}
