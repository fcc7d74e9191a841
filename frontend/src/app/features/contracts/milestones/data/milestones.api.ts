import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page } from '../../../../api';

export type MilestoneStatus = 'PENDING' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type EvidenceKind = 'PHOTO' | 'ATTENDANCE';
export type BoardView = 'ALL' | 'DUE_SOON' | 'OVERDUE' | 'WAITING';

export interface Activity {
  date: string;
  place: string;
  content: string;
  participants: number;
}
export interface ServiceHours {
  beneficiary: string;
  hours: string;
}
export interface OutputActual {
  code: string;
  actual: string;
}
export interface Evidence {
  id: number;
  kind: EvidenceKind;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  hasThumbnail: boolean;
  unattached: boolean;
  createdAt: string;
}
export interface Report {
  id: number;
  version: number;
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  summary: string | null;
  activities: Activity[];
  serviceHours: ServiceHours[];
  outputs: OutputActual[];
  evidenceIds: number[];
  submittedBy: number;
  submittedAt: string;
  decidedAt: string | null;
  returnReason: string | null;
}
export interface Indicator {
  code: string;
  name: string;
  targetText: string;
  targetValue: string | null;
  unit: string | null;
}
export interface OutputValue extends Indicator {
  actualValue: string;
}
export interface Milestone {
  id: number;
  seq: number;
  title: string;
  deliverables: string;
  dueDate: string;
  dueAt: string;
  shareBp: number;
  amount: string;
  isFinal: boolean;
  status: MilestoneStatus;
  overdue: boolean;
  overdueAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  reports: Report[];
  evidence: Evidence[];
  outputValues: OutputValue[];
}
export interface ContractMilestones {
  contractId: number;
  code: string;
  title: string;
  status: string;
  organisationId: number;
  termStart: string;
  termEnd: string;
  canReport: boolean;
  canDecide: boolean;
  countedInHours: boolean;
  indicators: Indicator[];
  milestones: Milestone[];
}
export interface SubmitReportRequest {
  summary?: string;
  activities: Activity[];
  serviceHours: ServiceHours[];
  outputs: OutputActual[];
  evidenceIds: number[];
}
export interface BoardItem {
  id: number;
  contractId: number;
  contractCode: string;
  contractTitle: string;
  organisationName: string;
  seq: number;
  title: string;
  dueDate: string;
  dueAt: string;
  status: MilestoneStatus;
  overdue: boolean;
  submittedAt: string | null;
  amount: string;
}
export interface BoardQuery {
  view: BoardView;
  q?: string;
  page: number;
  pageSize: number;
}

/** `/api/v1/contracts/:id/milestones…` and the board `/api/v1/milestones`. */
@Injectable({ providedIn: 'root' })
export class MilestonesApi {
  private readonly http = inject(HttpClient);

  list(contractId: number): Observable<ContractMilestones> {
    return this.http.get<ContractMilestones>(`${API_V1}/contracts/${contractId}/milestones`);
  }

  upload(
    contractId: number,
    milestoneId: number,
    body: { kind: EvidenceKind; fileName: string; contentBase64: string },
    context?: HttpContext,
  ): Observable<Evidence> {
    return this.http.post<Evidence>(`${API_V1}/contracts/${contractId}/milestones/${milestoneId}/evidence`, body, {
      context,
    });
  }

  submit(
    contractId: number,
    milestoneId: number,
    body: SubmitReportRequest,
    context?: HttpContext,
  ): Observable<ContractMilestones> {
    return this.http.post<ContractMilestones>(
      `${API_V1}/contracts/${contractId}/milestones/${milestoneId}/reports`,
      body,
      { context },
    );
  }

  accept(contractId: number, milestoneId: number): Observable<ContractMilestones> {
    return this.http.post<ContractMilestones>(`${API_V1}/contracts/${contractId}/milestones/${milestoneId}/accept`, {});
  }

  returnReport(contractId: number, milestoneId: number, reason: string, context?: HttpContext) {
    return this.http.post<ContractMilestones>(
      `${API_V1}/contracts/${contractId}/milestones/${milestoneId}/return`,
      { reason },
      { context },
    );
  }

  /** The file or its thumbnail, as a Blob (the API needs the auth header, so no plain `<img src>`). */
  file(contractId: number, evidenceId: number, thumbnail: boolean): Observable<Blob> {
    return this.http.get(`${API_V1}/contracts/${contractId}/evidence/${evidenceId}${thumbnail ? '/thumbnail' : ''}`, {
      responseType: 'blob',
    });
  }

  board(q: BoardQuery): Observable<Page<BoardItem>> {
    return this.http.get<Page<BoardItem>>(`${API_V1}/milestones`, { params: boardParams(q) });
  }

  exportBoard(q: BoardQuery, context?: HttpContext): Observable<HttpResponse<Blob>> {
    const { page: _p, pageSize: _s, ...rest } = q;
    return this.http.get(`${API_V1}/milestones/export.xlsx`, {
      params: boardParams({ ...rest, page: 1, pageSize: 20 }, false),
      observe: 'response',
      responseType: 'blob',
      context,
    });
  }
}

function boardParams(q: BoardQuery, paged = true): Record<string, string | number> {
  const out: Record<string, string | number> = { view: q.view };
  if (q.q?.trim()) out['q'] = q.q.trim();
  if (paged) {
    out['page'] = q.page;
    out['pageSize'] = q.pageSize;
  }
  return out;
}
