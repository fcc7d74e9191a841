import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

/** 等级评估 (issue #11 item 6): the types of `/api/v1/evaluation/grade-assessments` and `/grade-cutoffs`. */
export const ASSESSMENT_STATUSES = ['IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DECIDED', 'CANCELLED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type AssessmentAction = 'SCORE' | 'SUBMIT' | 'RETURN' | 'DECIDE' | 'CANCEL';

export interface GuideLevel {
  label: string;
  from: string;
  to: string;
  description: string;
}

export interface IndicatorNode {
  key: string;
  name: string;
  points: string;
  children?: IndicatorNode[];
  kind?: 'MANUAL' | 'COMPUTED';
  guide?: GuideLevel[];
  evidenceHint?: string;
}

/** Grade lines: the lowest points of 1A … 5A. */
export interface CutoffLines {
  min1: string;
  min2: string;
  min3: string;
  min4: string;
  min5: string;
}

export interface Cutoff extends CutoffLines {
  id: number;
  regionId: number;
  regionName: string;
  effectiveFrom: string;
  note: string | null;
  /** null: the system (the seeded default). */
  decidedByName: string | null;
  decidedAt: string;
}

export interface RegionCutoffs {
  regionId: number;
  regionName: string;
  level: 'CITY' | 'DISTRICT';
  editable: boolean;
  applies: Cutoff | null;
  own: boolean;
  history: Cutoff[];
}

export interface CutoffsOverview {
  today: string;
  regions: RegionCutoffs[];
}

export interface SetCutoffs extends CutoffLines {
  regionId: number;
  effectiveFrom: string;
  note?: string;
}

export interface AssessmentSummary {
  id: number;
  code: string;
  status: AssessmentStatus;
  organisationId: number;
  organisationName: string;
  regionName: string;
  openedAt: string;
  openedByName: string;
  submittedAt: string | null;
  totalPoints: string | null;
  proposedGrade: number | null;
  decidedAt: string | null;
  grade: number | null;
  gradeExpiresOn: string | null;
}

export interface LeafScore {
  leafKey: string;
  score: string | null;
  note: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

export interface AssessmentDetail extends AssessmentSummary {
  templateId: number;
  templateName: string;
  templateTotal: string;
  tree: IndicatorNode[];
  scores: LeafScore[];
  runningTotal: string;
  scoredLeaves: number;
  leafCount: number;
  cutoff: Cutoff | null;
  gradeByRunningTotal: number | null;
  summary: string | null;
  submittedByName: string | null;
  returnedAt: string | null;
  returnedByName: string | null;
  returnComment: string | null;
  decidedByName: string | null;
  decisionDocumentId: number | null;
  decisionDocumentName: string | null;
  decisionNote: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  currentGrade: number | null;
  currentGradeExpiresOn: string | null;
  actions: AssessmentAction[];
  reviewBlockedReason: string | null;
  expiresOnIfDecidedToday: string;
}

export interface Candidate {
  id: number;
  name: string;
  creditCode: string;
  regionName: string;
  grade: number | null;
  gradeExpiresOn: string | null;
  openAssessmentId: number | null;
}

export interface AssessmentQuery {
  page?: number;
  pageSize?: number;
  status?: AssessmentStatus | null;
  organisationId?: number | null;
  q?: string | null;
}

export interface ScoreInput {
  leafKey: string;
  score: string | null;
  note?: string | null;
}

const ASSESSMENTS = `${API_V1}/evaluation/grade-assessments`;
const CUTOFFS = `${API_V1}/evaluation/grade-cutoffs`;

/** Grade assessments and grade lines. Writes report their own errors (silent for the interceptor). */
@Injectable({ providedIn: 'root' })
export class GradingApi {
  private readonly http = inject(HttpClient);

  list(query: AssessmentQuery, silent = false): Observable<Page<AssessmentSummary>> {
    return this.http.get<Page<AssessmentSummary>>(ASSESSMENTS, {
      params: toHttpParams(query),
      ...(silent ? { context: silentErrors() } : {}),
    });
  }

  get(id: number): Observable<AssessmentDetail> {
    return this.http.get<AssessmentDetail>(`${ASSESSMENTS}/${id}`, { context: silentErrors() });
  }

  candidates(q: string): Observable<Candidate[]> {
    return this.http.get<Candidate[]>(`${ASSESSMENTS}/candidates`, { params: toHttpParams({ q }) });
  }

  open(organisationId: number): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(ASSESSMENTS, { organisationId }, { context: silentErrors() });
  }

  saveScores(id: number, scores: ScoreInput[]): Observable<AssessmentDetail> {
    return this.http.put<AssessmentDetail>(`${ASSESSMENTS}/${id}/scores`, { scores }, { context: silentErrors() });
  }

  submit(id: number, summary: string): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${ASSESSMENTS}/${id}/submit`, summary ? { summary } : {}, {
      context: silentErrors(),
    });
  }

  returnForRescoring(id: number, reason: string): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${ASSESSMENTS}/${id}/return`, { reason }, { context: silentErrors() });
  }

  decide(id: number, body: { fileName: string; contentBase64: string; note?: string }): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${ASSESSMENTS}/${id}/decide`, body, { context: silentErrors() });
  }

  cancel(id: number, reason: string): Observable<AssessmentDetail> {
    return this.http.post<AssessmentDetail>(`${ASSESSMENTS}/${id}/cancel`, { reason }, { context: silentErrors() });
  }

  cutoffs(): Observable<CutoffsOverview> {
    return this.http.get<CutoffsOverview>(CUTOFFS);
  }

  setCutoffs(body: SetCutoffs): Observable<Cutoff> {
    return this.http.post<Cutoff>(CUTOFFS, body, { context: silentErrors() });
  }
}
