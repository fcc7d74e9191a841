import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, Resident, ResidentQuery, toHttpParams } from '../../../api';

const RESIDENTS = `${API_V1}/residents`;

/** `/api/v1/residents`: residents of the worker's subtree, and their verification. */
@Injectable({ providedIn: 'root' })
export class ResidentsApi {
  private readonly http = inject(HttpClient);

  list(query: ResidentQuery): Observable<Page<Resident>> {
    return this.http.get<Page<Resident>>(RESIDENTS, { params: toHttpParams(query) });
  }

  verify(id: number): Observable<Resident> {
    return this.http.post<Resident>(`${RESIDENTS}/${id}/verify`, {});
  }
}
