import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import type {
  PortalCommunity,
  PortalFigures,
  PortalOrganisation,
  PortalProject,
  PortalProjectFilter,
  PortalProjectItem,
  PortalRegion,
} from './portal.types';

/** `/api/v1/public/…`: the public portal, for everybody, no login (answers are reused up to 5 s by the API). */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);

  regions(): Observable<PortalRegion[]> {
    return this.http.get<PortalRegion[]>(`${API_V1}/public/regions`);
  }

  figures(year?: number, regionId?: number): Observable<PortalFigures> {
    return this.http.get<PortalFigures>(`${API_V1}/public/figures`, { params: toHttpParams({ year, regionId }) });
  }

  projects(f: PortalProjectFilter): Observable<Page<PortalProjectItem>> {
    return this.http.get<Page<PortalProjectItem>>(`${API_V1}/public/projects`, {
      params: toHttpParams({ ...f, q: f.q?.trim() || undefined }),
    });
  }

  project(id: number): Observable<PortalProject> {
    return this.http.get<PortalProject>(`${API_V1}/public/projects/${id}`);
  }

  community(id: number): Observable<PortalCommunity> {
    return this.http.get<PortalCommunity>(`${API_V1}/public/communities/${id}`);
  }

  organisation(id: number): Observable<PortalOrganisation> {
    return this.http.get<PortalOrganisation>(`${API_V1}/public/organisations/${id}`);
  }
}
