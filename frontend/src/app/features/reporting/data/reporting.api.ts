import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import {
  BudgetExecution,
  Chart,
  DashboardQuery,
  Grades,
  Milestones,
  NeedsFunnel,
  Organisations,
  ProjectStages,
  Satisfaction,
} from './reporting.types';

const DASHBOARDS = `${API_V1}/dashboards`;

/** `/api/v1/dashboards`: the charts of 数据看板 and their Excel exports, for a region of mine, a year, a category. */
@Injectable({ providedIn: 'root' })
export class ReportingApi {
  private readonly http = inject(HttpClient);

  private get<T>(chart: Chart, q: DashboardQuery): Observable<T> {
    return this.http.get<T>(`${DASHBOARDS}/${chart}`, { params: toHttpParams({ ...q }) });
  }

  needsFunnel(q: DashboardQuery): Observable<NeedsFunnel> {
    return this.get('needs-funnel', q);
  }
  budgetExecution(q: DashboardQuery): Observable<BudgetExecution> {
    return this.get('budget-execution', q);
  }
  projects(q: DashboardQuery): Observable<ProjectStages> {
    return this.get('projects', q);
  }
  milestones(q: DashboardQuery): Observable<Milestones> {
    return this.get('milestones', q);
  }
  grades(q: DashboardQuery): Observable<Grades> {
    return this.get('grades', q);
  }
  satisfaction(q: DashboardQuery): Observable<Satisfaction> {
    return this.get('satisfaction', q);
  }
  organisations(q: DashboardQuery): Observable<Organisations> {
    return this.get('organisations', q);
  }

  /** The chart as an Excel file; the whole response, for its `Content-Disposition`. */
  export(chart: Chart, q: DashboardQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${DASHBOARDS}/${chart}/export.xlsx`, {
      params: toHttpParams({ ...q }),
      observe: 'response',
      responseType: 'blob',
      context: silentErrors(),
    });
  }
}
