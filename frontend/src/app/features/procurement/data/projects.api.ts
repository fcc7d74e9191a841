import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { Project, ProjectQuery, ProjectRequest } from './procurement.types';

const PROJECTS = `${API_V1}/projects`;

/** `/api/v1/projects`: 项目 from draft to approval (budget reserved) and on. */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(query: ProjectQuery): Observable<Page<Project>> {
    return this.http.get<Page<Project>>(PROJECTS, { params: toHttpParams(query) });
  }

  get(id: number): Observable<Project> {
    return this.http.get<Project>(`${PROJECTS}/${id}`);
  }

  create(body: ProjectRequest, context?: HttpContext): Observable<Project> {
    return this.http.post<Project>(PROJECTS, body, { context });
  }

  update(id: number, body: ProjectRequest, context?: HttpContext): Observable<Project> {
    return this.http.put<Project>(`${PROJECTS}/${id}`, body, { context });
  }

  submit(id: number): Observable<Project> {
    return this.http.post<Project>(`${PROJECTS}/${id}/submit`, {});
  }

  /** Finance: approves and reserves the estimate on the budget line (`idempotencyKey`: one per opened decision). */
  approve(id: number, note: string, idempotencyKey: string, context?: HttpContext): Observable<Project> {
    return this.http.post<Project>(`${PROJECTS}/${id}/approve`, note ? { note } : {}, {
      headers: { 'Idempotency-Key': idempotencyKey },
      context,
    });
  }

  /** Finance: back to the officer as a draft. */
  return(id: number, reason: string, context?: HttpContext): Observable<Project> {
    return this.http.post<Project>(`${PROJECTS}/${id}/return`, { reason }, { context });
  }

  /** Cancels (an approved project's reservation is released): `idempotencyKey`, one per opened decision. */
  cancel(id: number, reason: string, idempotencyKey: string, context?: HttpContext): Observable<Project> {
    return this.http.post<Project>(
      `${PROJECTS}/${id}/cancel`,
      { reason },
      { headers: { 'Idempotency-Key': idempotencyKey }, context },
    );
  }
}
