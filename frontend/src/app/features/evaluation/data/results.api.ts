import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export type EvaluationTaskStatus =
  'OPEN' | 'ASSIGNED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'CONFIRMED' | 'PUBLISHED' | 'CANCELLED';

export const OBJECTION_STATUSES = ['FILED', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export interface ObjectionFile {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** An objection (异议) to a confirmed evaluation result, as `/api/v1/evaluation/objections` gives it. */
export interface EvaluationObjection {
  id: number;
  taskId: number;
  taskCode: string;
  taskStatus: EvaluationTaskStatus;
  projectTitle: string;
  organisationId: number;
  organisationName: string;
  score: string | null;
  grade: Grade | null;
  status: ObjectionStatus;
  reasons: string;
  windowDueAt: string;
  filedAt: string;
  filedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  answer: string | null;
  files: ObjectionFile[];
  actions: Array<'UPHOLD' | 'DISMISS'>;
}

/** The final tranche a published result decided; amounts are yuan strings ("93000.00"). */
export interface FinalTranche {
  outcome: 'FULL' | 'REDUCED' | 'WITHHELD';
  tranche: string;
  amount: string;
  released: string;
  status: string;
}

/** An evaluation result as `/api/v1/evaluation/results` gives it (scores as shown: "84.16"; instants ISO UTC). */
export interface EvaluationResult {
  id: number;
  code: string;
  kind: 'FINAL' | 'MID_TERM';
  status: EvaluationTaskStatus;
  projectId: number;
  projectTitle: string;
  contractId: number;
  contractCode: string;
  organisationId: number;
  organisationName: string;
  agencyName: string | null;
  evaluatorName: string | null;
  totalScore: string | null;
  grade: Grade | null;
  summary: string | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  objectionDueAt: string | null;
  windowOpen: boolean;
  publishedAt: string | null;
  returnedAt: string | null;
  returnComment: string | null;
  reportUrl: string;
  finalTranche: FinalTranche | null;
  bar: { regionName: string; untilDate: string } | null;
  objections: EvaluationObjection[];
  actions: Array<'CONFIRM' | 'RETURN' | 'OBJECT'>;
}

export interface ResultsQuery {
  status?: string;
  page?: number;
  pageSize?: number;
}

export interface ObjectionsQuery {
  status?: string;
  taskId?: number;
  page?: number;
  pageSize?: number;
}

export interface ObjectionAttachment {
  fileName: string;
  contentBase64: string;
}

/**
 * Review, objection and publication of evaluation results (`/api/v1/evaluation/results`, `…/tasks/:id/confirm|return|
 * objections`, `/api/v1/evaluation/objections`).
 */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);

  list(query: ResultsQuery): Observable<Page<EvaluationResult>> {
    return this.http.get<Page<EvaluationResult>>(`${API_V1}/evaluation/results`, { params: toHttpParams(query) });
  }

  get(id: number): Observable<EvaluationResult> {
    return this.http.get<EvaluationResult>(`${API_V1}/evaluation/results/${id}`);
  }

  confirm(taskId: number): Observable<EvaluationResult> {
    return this.http.post<EvaluationResult>(`${API_V1}/evaluation/tasks/${taskId}/confirm`, {});
  }

  returnToEvaluator(taskId: number, comment: string): Observable<EvaluationResult> {
    return this.http.post<EvaluationResult>(`${API_V1}/evaluation/tasks/${taskId}/return`, { comment });
  }

  object(taskId: number, reasons: string, attachments: ObjectionAttachment[]): Observable<EvaluationObjection> {
    return this.http.post<EvaluationObjection>(`${API_V1}/evaluation/tasks/${taskId}/objections`, {
      reasons,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }

  objections(query: ObjectionsQuery): Observable<Page<EvaluationObjection>> {
    return this.http.get<Page<EvaluationObjection>>(`${API_V1}/evaluation/objections`, {
      params: toHttpParams(query),
    });
  }

  decide(id: number, decision: 'uphold' | 'dismiss', answer: string): Observable<EvaluationObjection> {
    return this.http.post<EvaluationObjection>(`${API_V1}/evaluation/objections/${id}/${decision}`, { answer });
  }

  file(objectionId: number, fileId: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${API_V1}/evaluation/objections/${objectionId}/files/${fileId}`, {
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  /** The task's report (PDF), built by the reports part at `reportUrl`. */
  report(reportUrl: string): Observable<HttpResponse<Blob>> {
    return this.http.get(reportUrl, { observe: 'response', responseType: 'blob', context: silentErrors() });
  }
}
