import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { API_V1, itemsOf, Page } from '../../../api';
import { Affiliation, AnswerObjectionRequest, DeclareRelationshipRequest, Objection } from './procurement.types';

/** `/api/v1/objections` (质疑) and the expert's declared affiliations (回避). */
@Injectable({ providedIn: 'root' })
export class ObjectionsApi {
  private readonly http = inject(HttpClient);

  /** A bidder objects to an award notice, within the objection window. */
  file(tenderId: number, grounds: string, context?: HttpContext): Observable<Objection> {
    return this.http.post<Objection>(`${API_V1}/tenders/${tenderId}/objections`, { grounds }, { context });
  }

  /** Officers: those in their scope; organisation members: their own. */
  list(): Observable<Objection[]> {
    return this.http.get<Objection[] | Page<Objection>>(`${API_V1}/objections`).pipe(map((body) => itemsOf(body)));
  }

  review(id: number): Observable<Objection> {
    return this.http.post<Objection>(`${API_V1}/objections/${id}/review`, {});
  }

  answer(id: number, body: AnswerObjectionRequest, context?: HttpContext): Observable<Objection> {
    return this.http.post<Objection>(`${API_V1}/objections/${id}/answer`, body, { context });
  }

  /** Active organisations by name, for the affiliation form. */
  searchOrganisations(q: string): Observable<Array<{ id: number; name: string; kind: string }>> {
    return this.http.get<Array<{ id: number; name: string; kind: string }>>(`${API_V1}/my/expert/organisations`, {
      params: { q },
    });
  }

  affiliations(): Observable<Affiliation[]> {
    return this.http.get<Affiliation[]>(`${API_V1}/my/expert/affiliations`);
  }

  declare(body: DeclareRelationshipRequest, context?: HttpContext): Observable<Affiliation> {
    return this.http.post<Affiliation>(`${API_V1}/my/expert/affiliations`, body, { context });
  }
}
