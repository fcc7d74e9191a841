import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, CreateRegionRequest, RegionNode, RegionRef, UpdateRegionRequest } from '../../../api';

const REGIONS = `${API_V1}/regions`;

/** `/api/v1/regions` */
@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly http = inject(HttpClient);

  /** The caller's subtree (its roots: usually one). */
  tree(): Observable<RegionNode[]> {
    return this.http.get<RegionNode[]>(`${REGIONS}/tree`);
  }

  get(id: number): Observable<RegionRef> {
    return this.http.get<RegionRef>(`${REGIONS}/${id}`);
  }

  create(body: CreateRegionRequest): Observable<RegionRef> {
    return this.http.post<RegionRef>(REGIONS, body);
  }

  update(id: number, body: UpdateRegionRequest): Observable<RegionRef> {
    return this.http.patch<RegionRef>(`${REGIONS}/${id}`, body);
  }
}
