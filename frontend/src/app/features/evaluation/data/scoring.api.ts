import { HttpClient, HttpContext, HttpHeaders, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, newIdempotencyKey } from '../../../api';

export type TaskStatus =
  'OPEN' | 'ASSIGNED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'CONFIRMED' | 'PUBLISHED' | 'CANCELLED';
export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
export type ComputedIndicator =
  'BENEFICIARIES_SERVED' | 'SERVICE_HOURS' | 'MILESTONES_ON_TIME' | 'FUNDS_PAID' | 'SATISFACTION';
export type LeafSource = 'MANUAL' | 'COMPUTED' | 'OVERRIDE' | 'MANUAL_INSUFFICIENT';
export type LeafProblem =
  'SCORE_MISSING' | 'SCORE_INVALID' | 'SCORE_ABOVE_POINTS' | 'REASON_REQUIRED' | 'INSUFFICIENT_NEEDS_MANUAL_SCORE';
export type EvidenceKind = 'PHOTO' | 'DOCUMENT' | 'INTERVIEW';

/** A value shown rounded half-up to 2 places, with its exact "n/d". */
export interface ExactValue {
  rounded: string;
  exact: string;
}

export interface GuideLevel {
  label: string;
  from: string;
  to: string;
  description: string;
}

export interface MeasureView {
  indicator: ComputedIndicator;
  unit: 'PEOPLE' | 'HOURS' | 'MILESTONES' | 'FEN' | 'ANSWERS';
  actual: string;
  planned: string;
  ratePercent: string | null;
  insufficient: 'NO_PLAN' | 'TOO_FEW_ANSWERS' | 'NO_DATA' | null;
  basis: string | null;
}

export interface TaskEvidence {
  id: number;
  kind: EvidenceKind;
  leafKeys: string[];
  fileName: string | null;
  mime: string | null;
  size: number | null;
  sha256: string;
  hasThumbnail: boolean;
  takenAt: string | null;
  place: string | null;
  exifTakenAt: string | null;
  interviewee: string | null;
  summary: string | null;
  createdAt: string;
}

export interface SheetNode {
  key: string;
  name: string;
  points: string;
  depth: number;
  leaf: boolean;
  score: ExactValue | null;
  children: SheetNode[];
  kind: 'MANUAL' | 'COMPUTED' | null;
  computed: ComputedIndicator | null;
  guide: GuideLevel[] | null;
  evidenceHint: string | null;
  entry: { score: string | null; overrideReason: string | null; note: string | null; updatedAt: string | null } | null;
  measure: MeasureView | null;
  computedScore: ExactValue | null;
  source: LeafSource | null;
  problem: LeafProblem | null;
  evidence: TaskEvidence[];
}

export interface GradeBands {
  EXCELLENT: string;
  GOOD: string;
  PASS: string;
}

export interface Scoresheet {
  task: {
    id: number;
    code: string;
    kind: 'FINAL' | 'MID_TERM';
    status: TaskStatus;
    contractId: number;
    contractCode: string;
    contractTitle: string;
    termStart: string;
    termEnd: string;
    organisationName: string;
    agencyName: string | null;
    evaluatorName: string | null;
    regionName: string | null;
    dueAt: string;
    submittedAt: string | null;
    returnedAt: string | null;
    returnComment: string | null;
    totalScore: string | null;
    totalExact: string | null;
    grade: Grade | null;
    summary: string | null;
  };
  template: { id: number; code: string; version: number; name: string; total: string };
  viewer: 'STAFF' | 'EVALUATOR' | 'ORGANISATION';
  canScore: boolean;
  bands: GradeBands;
  nodes: SheetNode[];
  total: { rounded: string; exact: string; complete: boolean; grade: Grade; leaves: number; scored: number };
  open: Array<{ key: string; name: string; problem: LeafProblem }>;
  survey: {
    surveyId: number | null;
    status: 'OPEN' | 'CLOSED' | null;
    answers: number;
    satisfied: number;
    proxied: number;
    minimum: number;
    insufficient: boolean;
    ratePercent: string | null;
  };
  evidence: TaskEvidence[];
}

export interface SaveScoreRequest {
  score: string | null;
  overrideReason: string | null;
  note: string | null;
}

export interface UploadEvidenceRequest {
  kind: 'PHOTO' | 'DOCUMENT';
  leafKeys: string[];
  fileName: string;
  contentBase64: string;
  takenAt?: string;
  place?: string;
}

export interface InterviewRequest {
  leafKeys: string[];
  interviewee: string;
  interviewedAt: string;
  place?: string;
  summary: string;
}

/** `/api/v1/evaluation/tasks/:id/…`: the scoresheet, scores, evidence, submission and the report. */
@Injectable({ providedIn: 'root' })
export class ScoringApi {
  private readonly http = inject(HttpClient);
  private readonly base = (taskId: number) => `${API_V1}/evaluation/tasks/${taskId}`;

  scoresheet(taskId: number, context?: HttpContext): Observable<Scoresheet> {
    return this.http.get<Scoresheet>(`${this.base(taskId)}/scoresheet`, { context });
  }

  save(taskId: number, leafKey: string, body: SaveScoreRequest, context?: HttpContext): Observable<Scoresheet> {
    return this.http.put<Scoresheet>(`${this.base(taskId)}/scores/${encodeURIComponent(leafKey)}`, body, { context });
  }

  upload(taskId: number, body: UploadEvidenceRequest, context?: HttpContext): Observable<TaskEvidence> {
    return this.http.post<TaskEvidence>(`${this.base(taskId)}/evidence`, body, {
      context,
      headers: new HttpHeaders({ 'Idempotency-Key': newIdempotencyKey() }),
    });
  }

  interview(taskId: number, body: InterviewRequest, context?: HttpContext): Observable<TaskEvidence> {
    return this.http.post<TaskEvidence>(`${this.base(taskId)}/interviews`, body, {
      context,
      headers: new HttpHeaders({ 'Idempotency-Key': newIdempotencyKey() }),
    });
  }

  remove(taskId: number, evidenceId: number): Observable<void> {
    return this.http.delete<void>(`${this.base(taskId)}/evidence/${evidenceId}`);
  }

  file(taskId: number, evidenceId: number, thumbnail: boolean): Observable<Blob> {
    return this.http.get(`${this.base(taskId)}/evidence/${evidenceId}${thumbnail ? '/thumbnail' : ''}`, {
      responseType: 'blob',
    });
  }

  submit(taskId: number, summary: string, idempotencyKey: string, context?: HttpContext): Observable<Scoresheet> {
    return this.http.post<Scoresheet>(
      `${this.base(taskId)}/submit`,
      { summary },
      { context, headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }) },
    );
  }

  report(taskId: number, format: 'pdf' | 'xlsx', context?: HttpContext): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base(taskId)}/report.${format}`, {
      context,
      observe: 'response',
      responseType: 'blob',
    });
  }
}
