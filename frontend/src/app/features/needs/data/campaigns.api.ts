import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_V1,
  Campaign,
  CampaignQuery,
  CampaignRequest,
  CreateDeliberationRequest,
  Deliberation,
  Page,
  toHttpParams,
} from '../../../api';

const CAMPAIGNS = `${API_V1}/campaigns`;

/** `/api/v1/campaigns` and their deliberations. */
@Injectable({ providedIn: 'root' })
export class CampaignsApi {
  private readonly http = inject(HttpClient);

  /** Staff: their subtree; residents: the campaigns covering their community. */
  list(query: CampaignQuery = {}): Observable<Page<Campaign>> {
    return this.http.get<Page<Campaign>>(CAMPAIGNS, { params: toHttpParams({ pageSize: 100, ...query }) });
  }

  get(id: number): Observable<Campaign> {
    return this.http.get<Campaign>(`${CAMPAIGNS}/${id}`);
  }

  create(body: CampaignRequest, context?: HttpContext): Observable<Campaign> {
    return this.http.post<Campaign>(CAMPAIGNS, body, { context });
  }

  /** DRAFT only: 409 `CAMPAIGN_RULES_FROZEN` once it has opened. */
  update(id: number, body: Partial<CampaignRequest>, context?: HttpContext): Observable<Campaign> {
    return this.http.patch<Campaign>(`${CAMPAIGNS}/${id}`, body, { context });
  }

  deliberations(id: number): Observable<Deliberation[]> {
    return this.http.get<Deliberation[]>(`${CAMPAIGNS}/${id}/deliberations`);
  }

  recordDeliberation(id: number, body: CreateDeliberationRequest): Observable<Deliberation> {
    return this.http.post<Deliberation>(`${CAMPAIGNS}/${id}/deliberations`, body);
  }
}
