import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { API_V1, Page, toHttpParams } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';

/** 指标体系 (issue #11): the API's types, as backend/src/modules/evaluation/dto/templates.dto.ts declares them. */
export const TEMPLATE_PURPOSES = ['PROJECT', 'ORGANISATION_GRADE'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export const TEMPLATE_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
/** What a computed leaf measures (backend domain/indicator-tree.ts COMPUTED_INDICATORS). */
export const COMPUTED_INDICATORS = [
  'BENEFICIARIES_SERVED',
  'SERVICE_HOURS',
  'MILESTONES_ON_TIME',
  'FUNDS_PAID',
  'SATISFACTION',
] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];
export type LeafKind = 'MANUAL' | 'COMPUTED';

/** The points a template of each purpose totals. */
export const PURPOSE_TOTALS: Readonly<Record<TemplatePurpose, string>> = { PROJECT: '100', ORGANISATION_GRADE: '1000' };

export interface GuideLevel {
  label: string;
  from: string;
  to: string;
  description: string;
}

export interface IndicatorNode {
  key: string;
  name: string;
  points: string;
  children?: IndicatorNode[];
  kind?: LeafKind;
  computed?: ComputedIndicator;
  guide?: GuideLevel[];
  evidenceHint?: string;
}

export interface IndicatorTree {
  total: string;
  nodes: IndicatorNode[];
}

export interface TemplateProblem {
  /** `tree.nodes[1].children[0].points` */
  field: string;
  code: string;
  message: string;
}

export interface TemplateSummary {
  id: number;
  code: string;
  version: number;
  name: string;
  purpose: TemplatePurpose;
  status: TemplateStatus;
  totalPoints: string;
  description: string | null;
  frozenAt: string | null;
  leafCount: number;
  computedLeafCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TreeSummary {
  total: string;
  levels: { depth: number; nodes: number; leaves: number; points: string }[];
  branches: { key: string; name: string; points: string; leaves: number }[];
  leafCount: number;
  manualLeaves: number;
  computedLeaves: { key: string; name: string; points: string; computed: ComputedIndicator }[];
  computedPoints: string;
}

export interface TemplateDetail extends TemplateSummary {
  tree: IndicatorTree;
  summary: TreeSummary;
  /** What stands between the saved draft and activation. */
  problems: TemplateProblem[];
  activatable: boolean;
  versions: { id: number; version: number; status: TemplateStatus; frozenAt: string | null }[];
  usage: { tasks: number; catalogueItems: number };
}

export interface TemplateQuery {
  page?: number;
  pageSize?: number;
  purpose?: TemplatePurpose | null;
  status?: TemplateStatus | null;
  code?: string | null;
  q?: string | null;
}

export interface CreateTemplateRequest {
  code: string;
  name: string;
  purpose: TemplatePurpose;
  description?: string | null;
  tree: IndicatorTree;
}

export interface UpdateTemplateRequest {
  name: string;
  description?: string | null;
  tree: IndicatorTree;
}

const TEMPLATES = `${API_V1}/evaluation/templates`;

/** `/api/v1/evaluation/templates`. Saving and activating show their own errors (beside the nodes). */
@Injectable({ providedIn: 'root' })
export class TemplatesApi {
  private readonly http = inject(HttpClient);

  list(query: TemplateQuery): Observable<Page<TemplateSummary>> {
    return this.http.get<Page<TemplateSummary>>(TEMPLATES, { params: toHttpParams(query) });
  }

  get(id: number): Observable<TemplateDetail> {
    return this.http.get<TemplateDetail>(`${TEMPLATES}/${id}`);
  }

  create(body: CreateTemplateRequest): Observable<TemplateDetail> {
    return this.http.post<TemplateDetail>(TEMPLATES, body, { context: silentErrors() });
  }

  update(id: number, body: UpdateTemplateRequest): Observable<TemplateDetail> {
    return this.http.put<TemplateDetail>(`${TEMPLATES}/${id}`, body, { context: silentErrors() });
  }

  newVersion(id: number): Observable<TemplateDetail> {
    return this.http.post<TemplateDetail>(`${TEMPLATES}/${id}/versions`, {}, { context: silentErrors() });
  }

  activate(id: number): Observable<TemplateDetail> {
    return this.http.post<TemplateDetail>(`${TEMPLATES}/${id}/activate`, {}, { context: silentErrors() });
  }

  retire(id: number): Observable<TemplateDetail> {
    return this.http.post<TemplateDetail>(`${TEMPLATES}/${id}/retire`, {}, { context: silentErrors() });
  }
}
