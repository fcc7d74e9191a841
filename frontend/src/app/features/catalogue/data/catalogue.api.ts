import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import {
  API_V1,
  CatalogueItem,
  CatalogueItemRequest,
  CatalogueVersion,
  CatalogueVersionDetail,
  CategoryNode,
  CreateCatalogueVersionRequest,
  CreateCategoryRequest,
  itemsOf,
  Page,
  toHttpParams,
  UpdateCatalogueItemRequest,
  UpdateCategoryRequest,
} from '../../../api';

const CATALOGUE = `${API_V1}/catalogue`;

/** `/api/v1/catalogue`: versions of the guiding catalogue, their category trees and items. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);

  versions(): Observable<CatalogueVersion[]> {
    return this.http
      .get<CatalogueVersion[] | Page<CatalogueVersion>>(`${CATALOGUE}/versions`)
      .pipe(map((body) => itemsOf(body)));
  }

  version(id: number): Observable<CatalogueVersionDetail> {
    return this.http.get<CatalogueVersionDetail>(`${CATALOGUE}/versions/${id}`);
  }

  /** The published version of `year` with its tree (`context`: e.g. silentErrors() where a missing one is normal). */
  current(year: number, context?: HttpContext): Observable<CatalogueVersionDetail> {
    return this.http.get<CatalogueVersionDetail>(`${CATALOGUE}/current`, { params: toHttpParams({ year }), context });
  }

  createVersion(body: CreateCatalogueVersionRequest): Observable<CatalogueVersion> {
    return this.http.post<CatalogueVersion>(`${CATALOGUE}/versions`, body);
  }

  publish(id: number): Observable<CatalogueVersion> {
    return this.http.post<CatalogueVersion>(`${CATALOGUE}/versions/${id}/publish`, {});
  }

  createCategory(versionId: number, body: CreateCategoryRequest): Observable<CategoryNode> {
    return this.http.post<CategoryNode>(`${CATALOGUE}/versions/${versionId}/categories`, body);
  }

  /** 204: reload the version to see the change. */
  updateCategory(id: number, body: UpdateCategoryRequest): Observable<void> {
    return this.http.patch<void>(`${CATALOGUE}/categories/${id}`, body);
  }

  createItem(versionId: number, body: CatalogueItemRequest): Observable<CatalogueItem> {
    return this.http.post<CatalogueItem>(`${CATALOGUE}/versions/${versionId}/items`, body);
  }

  updateItem(id: number, body: UpdateCatalogueItemRequest): Observable<CatalogueItem> {
    return this.http.patch<CatalogueItem>(`${CATALOGUE}/items/${id}`, body);
  }
}
