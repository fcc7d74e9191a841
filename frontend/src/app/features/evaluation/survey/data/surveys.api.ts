import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, IsoInstant, Page, toHttpParams } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';

/** 满意度调查 (issue #11 item 4): the API's types (docs/domain/evaluation.md) and its client. */
export type SurveyStatus = 'OPEN' | 'CLOSED';
export type SurveyListStatus = SurveyStatus | 'NONE';
export type IneligibleReason = 'NOT_A_RESIDENT' | 'NOT_VERIFIED' | 'NOT_LINKED';
export type ResidentSource = 'RAISED' | 'SUPPORTED' | 'BENEFICIARY';

/** Who looks: the readers and the officer (`/evaluation/...`) or the community worker (`/community/...`). */
export type SurveyMode = 'staff' | 'worker';

export interface SurveyProject {
  projectId: number;
  projectTitle: string;
  regionName: string;
  contractId: number | null;
  contractCode: string | null;
  contractStatus: string | null;
  organisationName: string | null;
}

export interface SurveyRow extends SurveyProject {
  id: number;
  survey: {
    id: number;
    status: SurveyStatus;
    openedAt: IsoInstant;
    closesAt: IsoInstant;
    closedAt: IsoInstant | null;
    answers: number;
    eligible: number;
    responseRate: string | null;
  } | null;
}

export interface QuestionFigures {
  key: string;
  /** Answers choosing 1 … 5. */
  counts: number[];
  mean: string | null;
}

export interface SurveyFigures {
  answers: number;
  eligible: number;
  responseRate: string | null;
  satisfied: number;
  satisfactionRate: string | null;
  proxied: number;
  minimum: number;
  insufficient: boolean;
  questions: QuestionFigures[];
  comments: string[];
}

export interface SurveyDetail extends SurveyProject {
  survey: {
    id: number;
    status: SurveyStatus;
    questions: string[];
    openedAt: IsoInstant;
    closesAt: IsoInstant;
    closedAt: IsoInstant | null;
    /** `/s/<token>`, for the staff who share it; null for the evaluated organisation. */
    link: string | null;
  } | null;
  figures: SurveyFigures | null;
  canOpen: boolean;
}

export interface SurveyResident {
  userId: number;
  displayName: string;
  phone: string | null;
  verified: boolean;
  sources: ResidentSource[];
  answered: 'SELF' | 'PROXY' | null;
}

export interface MyAnswer {
  answers: number[];
  comment: string | null;
  channel: 'SELF' | 'PROXY';
  answeredAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface ResidentSurvey {
  token: string;
  projectTitle: string;
  regionName: string;
  organisationName: string;
  status: SurveyStatus;
  closesAt: IsoInstant;
  questions: string[];
  eligible: boolean;
  reason: IneligibleReason | null;
  myAnswer: MyAnswer | null;
}

export interface MySurvey {
  token: string;
  link: string;
  projectTitle: string;
  organisationName: string;
  status: SurveyStatus;
  closesAt: IsoInstant;
  answered: boolean;
}

export interface AnswerBody {
  answers: number[];
  comment?: string | null;
}

export interface SurveyQuery {
  page?: number;
  pageSize?: number;
  status?: SurveyListStatus | null;
  q?: string | null;
}

const base = (mode: SurveyMode) => `${API_V1}/${mode === 'worker' ? 'community' : 'evaluation'}`;

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  list(mode: SurveyMode, query: SurveyQuery): Observable<Page<SurveyRow>> {
    return this.http.get<Page<SurveyRow>>(`${base(mode)}/surveys`, { params: toHttpParams(query) });
  }

  get(mode: SurveyMode, projectId: number): Observable<SurveyDetail> {
    return this.http.get<SurveyDetail>(`${base(mode)}/projects/${projectId}/survey`);
  }

  open(mode: SurveyMode, projectId: number, closesOn: string | null): Observable<SurveyDetail> {
    return this.http.post<SurveyDetail>(`${base(mode)}/projects/${projectId}/survey`, closesOn ? { closesOn } : {}, {
      context: silentErrors(),
    });
  }

  close(projectId: number): Observable<SurveyDetail> {
    return this.http.post<SurveyDetail>(`${API_V1}/evaluation/projects/${projectId}/survey/close`, {});
  }

  residents(mode: SurveyMode, projectId: number): Observable<SurveyResident[]> {
    return this.http.get<SurveyResident[]>(`${base(mode)}/projects/${projectId}/survey/residents`);
  }

  addBeneficiary(mode: SurveyMode, projectId: number, resident: string): Observable<SurveyResident[]> {
    return this.http.post<SurveyResident[]>(
      `${base(mode)}/projects/${projectId}/beneficiaries`,
      { resident },
      { context: silentErrors() },
    );
  }

  removeBeneficiary(mode: SurveyMode, projectId: number, residentId: number): Observable<SurveyResident[]> {
    return this.http.delete<SurveyResident[]>(`${base(mode)}/projects/${projectId}/beneficiaries/${residentId}`);
  }

  proxyAnswer(projectId: number, residentId: number, body: AnswerBody): Observable<SurveyResident[]> {
    return this.http.post<SurveyResident[]>(
      `${API_V1}/community/projects/${projectId}/survey/proxy-answers`,
      { residentId, ...body },
      { context: silentErrors() },
    );
  }

  /** The survey behind a share link, as the signed-in resident sees it (errors shown by the page). */
  byToken(token: string): Observable<ResidentSurvey> {
    return this.http.get<ResidentSurvey>(`${API_V1}/surveys/${token}`, { context: silentErrors() });
  }

  answer(token: string, body: AnswerBody): Observable<ResidentSurvey> {
    return this.http.put<ResidentSurvey>(`${API_V1}/surveys/${token}/my-answer`, body, { context: silentErrors() });
  }

  mine(): Observable<MySurvey[]> {
    return this.http.get<MySurvey[]>(`${API_V1}/my/surveys`);
  }
}
