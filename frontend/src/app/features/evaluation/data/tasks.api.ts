import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

/**
 * The evaluation tasks' API (issue #11 item 2; backend: modules/evaluation/dto/tasks.dto.ts and batches.dto.ts,
 * where every shape is documented). Instants are UTC ISO strings shown in Beijing time; dates `YYYY-MM-DD`;
 * scores decimal text ("84.16"); rates percent text ("30.00").
 */
export const TASK_STATUSES = [
  'OPEN',
  'ASSIGNED',
  'IN_PROGRESS',
  'SUBMITTED',
  'RETURNED',
  'CONFIRMED',
  'PUBLISHED',
  'CANCELLED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_KINDS = ['FINAL', 'MID_TERM'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];
export type TaskView = 'STAFF' | 'EVALUATOR' | 'ORGANISATION';
export const TASK_SORTS = ['dueAt', '-dueAt', '-createdAt', 'code'] as const;

export interface TaskQuery {
  page?: number;
  pageSize?: number;
  /** One status or several, comma-separated. */
  status?: string | null;
  kind?: TaskKind | null;
  batchId?: number | null;
  overdue?: 'true' | 'false' | null;
  q?: string | null;
  sort?: string | null;
}

export interface TaskSummary {
  id: number;
  code: string;
  kind: TaskKind;
  status: TaskStatus;
  contractId: number;
  contractCode: string;
  contractTitle: string;
  organisationId: number;
  organisationName: string;
  projectId: number;
  projectTitle: string;
  regionId: number;
  regionName: string;
  batchId: number | null;
  batchName: string | null;
  agencyId: number | null;
  agencyName: string | null;
  /** null for the evaluated organisation */
  evaluatorId: number | null;
  evaluatorName: string | null;
  dueAt: string;
  overdueAt: string | null;
  assignedAt: string | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  publishedAt: string | null;
  totalScore: string | null;
  grade: Grade | null;
  createdAt: string;
}

export interface TaskActions {
  assign: boolean;
  reassign: boolean;
  start: boolean;
  score: boolean;
  submit: boolean;
  confirm: boolean;
  return: boolean;
  publish: boolean;
  object: boolean;
}

export interface TaskDetail extends TaskSummary {
  view: TaskView;
  contract: { status: string; termStart: string; termEnd: string };
  template: { id: number; code: string; name: string; version: number };
  assignedByName: string | null;
  remindedAt: string | null;
  startedAt: string | null;
  returnedAt: string | null;
  returnComment: string | null;
  objectionDueAt: string | null;
  cancelledAt: string | null;
  totalExact: string | null;
  summary: string | null;
  actions: TaskActions;
}

export type ConflictCode = 'AGENCY_IS_PROVIDER' | 'CURRENT_EMPLOYMENT' | 'PAST_EMPLOYMENT' | 'DECLARED_RELATIONSHIP';

export interface Conflict {
  code: ConflictCode;
  organisationName: string;
  endedOn: string | null;
  reason: string;
}

export interface AssigneeEvaluator {
  id: number;
  displayName: string;
  eligible: boolean;
  conflict: Conflict | null;
  openTasks: number;
}

export interface AssigneeAgency {
  id: number;
  name: string;
  eligible: boolean;
  conflict: Conflict | null;
  evaluators: AssigneeEvaluator[];
}

export interface Assignees {
  taskId: number;
  organisationName: string;
  agencies: AssigneeAgency[];
}

export interface FinalTaskCandidate {
  contractId: number;
  contractCode: string;
  contractTitle: string;
  contractStatus: string;
  organisationName: string;
  regionName: string;
  termEnd: string;
  opensAt: string;
  dueAt: string;
}

export interface EvaluatorAffiliation {
  id: number;
  organisationId: number;
  organisationName: string;
  kind: 'EMPLOYMENT' | 'DECLARED';
  startedOn: string | null;
  endedOn: string | null;
  note: string | null;
  createdAt: string;
}

export interface NewAffiliation {
  organisationId: number;
  kind: 'EMPLOYMENT' | 'DECLARED';
  startedOn?: string;
  endedOn?: string;
  note?: string;
}

// ---- batches and summaries

export interface BatchSummary {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  samplePercent: string;
  candidateCount: number;
  drawnCount: number;
  dueAt: string;
  createdByName: string;
  createdAt: string;
}

export interface BatchGroup {
  regionId: number;
  regionCode: string;
  regionName: string;
  candidates: Array<{ contractId: number; code: string }>;
  size: number;
  drawn: Array<{
    contractId: number;
    code: string;
    taskId: number | null;
    taskCode: string | null;
    taskStatus: TaskStatus | null;
  }>;
}

export interface Batch extends BatchSummary {
  seed: string;
  procedure: string;
  groups: BatchGroup[];
}

export interface NewBatch {
  name: string;
  regionId?: number;
  samplePercent?: string;
  dueDate?: string;
}

export interface DrawVerification {
  batchId: number;
  seed: string;
  samplePercent: string;
  procedure: string;
  matches: boolean;
  auditMatches: boolean;
  tasksMatch: boolean;
  auditSeq: number | null;
  groups: Array<{
    regionId: number;
    regionName: string;
    candidateCount: number;
    size: number;
    recorded: string[];
    recomputed: string[];
    matches: boolean;
    keys: Array<{ code: string; key: string; drawn: boolean }>;
  }>;
}

export interface SummaryCounts {
  tasks: number;
  byStatus: Record<TaskStatus, number>;
  byGrade: Record<Grade, number>;
  graded: number;
  late: number;
}

export interface SummaryRow extends SummaryCounts {
  regionId: number;
  regionName: string;
}

export interface LateTask {
  id: number;
  code: string;
  kind: TaskKind;
  status: TaskStatus;
  contractCode: string;
  contractTitle: string;
  organisationName: string;
  regionName: string;
  agencyName: string | null;
  evaluatorName: string | null;
  dueAt: string;
  overdueAt: string;
  submittedAt: string | null;
}

export interface EvaluationSummary {
  scope: 'BATCH' | 'REGION_YEAR';
  batchId: number | null;
  batchName: string | null;
  regionId: number;
  regionName: string;
  year: number | null;
  total: SummaryCounts;
  rows: SummaryRow[];
  lateTasks: LateTask[];
}

const EVALUATION = `${API_V1}/evaluation`;

/** `/api/v1/evaluation/tasks…`, `/batches…`, `/summary…` and `/api/v1/my/evaluator/…`. */
@Injectable({ providedIn: 'root' })
export class EvaluationTasksApi {
  private readonly http = inject(HttpClient);

  list(query: TaskQuery, context?: HttpContext): Observable<Page<TaskSummary>> {
    return this.http.get<Page<TaskSummary>>(`${EVALUATION}/tasks`, { params: toHttpParams(query), context });
  }

  get(id: number): Observable<TaskDetail> {
    return this.http.get<TaskDetail>(`${EVALUATION}/tasks/${id}`, { context: silentErrors() });
  }

  assignees(taskId: number): Observable<Assignees> {
    return this.http.get<Assignees>(`${EVALUATION}/tasks/${taskId}/assignees`);
  }

  assign(taskIds: number[], agencyId: number, evaluatorId: number): Observable<TaskSummary[]> {
    return this.http.post<TaskSummary[]>(
      `${EVALUATION}/tasks/assign`,
      { taskIds, agencyId, evaluatorId },
      { context: silentErrors() },
    );
  }

  finalTaskCandidates(): Observable<FinalTaskCandidate[]> {
    return this.http.get<FinalTaskCandidate[]>(`${EVALUATION}/final-task-candidates`);
  }

  createFinalTask(contractId: number): Observable<TaskDetail> {
    return this.http.post<TaskDetail>(
      `${EVALUATION}/contracts/${contractId}/final-task`,
      {},
      { context: silentErrors() },
    );
  }

  batches(page: number, pageSize: number): Observable<Page<BatchSummary>> {
    return this.http.get<Page<BatchSummary>>(`${EVALUATION}/batches`, { params: toHttpParams({ page, pageSize }) });
  }

  batch(id: number): Observable<Batch> {
    return this.http.get<Batch>(`${EVALUATION}/batches/${id}`, { context: silentErrors() });
  }

  drawBatch(body: NewBatch): Observable<Batch> {
    return this.http.post<Batch>(`${EVALUATION}/batches`, body, { context: silentErrors() });
  }

  verify(id: number): Observable<DrawVerification> {
    return this.http.get<DrawVerification>(`${EVALUATION}/batches/${id}/verify`);
  }

  batchSummary(id: number): Observable<EvaluationSummary> {
    return this.http.get<EvaluationSummary>(`${EVALUATION}/batches/${id}/summary`);
  }

  batchSummaryXlsx(id: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${EVALUATION}/batches/${id}/summary.xlsx`, {
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  yearSummary(year: number): Observable<EvaluationSummary> {
    return this.http.get<EvaluationSummary>(`${EVALUATION}/summary`, { params: toHttpParams({ year }) });
  }

  yearSummaryXlsx(year: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${EVALUATION}/summary.xlsx`, {
      params: toHttpParams({ year }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }

  myAffiliations(): Observable<EvaluatorAffiliation[]> {
    return this.http.get<EvaluatorAffiliation[]>(`${API_V1}/my/evaluator/affiliations`);
  }

  declare(body: NewAffiliation): Observable<EvaluatorAffiliation[]> {
    return this.http.post<EvaluatorAffiliation[]>(`${API_V1}/my/evaluator/affiliations`, body, {
      context: silentErrors(),
    });
  }

  searchOrganisations(q: string): Observable<Array<{ id: number; name: string; kind: string }>> {
    return this.http.get<Array<{ id: number; name: string; kind: string }>>(`${API_V1}/my/evaluator/organisations`, {
      params: toHttpParams({ q }),
    });
  }
}
