import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { PublicTender, PublicTenderKind } from './procurement.types';

/** `/api/v1/public/tenders`: open calls and award notices for everybody, no login. */
@Injectable({ providedIn: 'root' })
export class PublicTendersApi {
  private readonly http = inject(HttpClient);

  /** `q`: part of the title. */
  list(kind: PublicTenderKind, page: number, pageSize: number, q = ''): Observable<Page<PublicTender>> {
    return this.http.get<Page<PublicTender>>(`${API_V1}/public/tenders`, {
      params: toHttpParams({ kind, page, pageSize, q: q.trim() }),
    });
  }

  get(id: number): Observable<PublicTender> {
    return this.http.get<PublicTender>(`${API_V1}/public/tenders/${id}`);
  }
}
