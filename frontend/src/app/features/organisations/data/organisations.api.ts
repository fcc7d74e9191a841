import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { API_V1, Organisation, Page, itemsOf } from '../../../api';

/** `/api/v1/organisations` */
@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);

  /** The organisations in the caller's scope, for pickers (a bare array; a page is accepted too). */
  list(): Observable<Organisation[]> {
    return this.http
      .get<Organisation[] | Page<Organisation>>(`${API_V1}/organisations`)
      .pipe(map((body) => itemsOf(body)));
  }
}
