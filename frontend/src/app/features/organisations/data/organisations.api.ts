import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import {
  AddMemberRequest,
  API_V1,
  GradeProposal,
  itemsOf,
  Organisation,
  OrganisationDetail,
  OrganisationDocument,
  OrganisationListQuery,
  OrganisationMember,
  OrganisationRecord,
  Page,
  ProposeGradeRequest,
  RegionNode,
  RegisterOrganisationRequest,
  RegistrationResult,
  toHttpParams,
  UpdateMyOrganisationRequest,
  UploadDocumentRequest,
} from '../../../api';

const ORGS = `${API_V1}/organisations`;
const MINE = `${API_V1}/my/organisation`;

/** `/api/v1/organisations` (staff), `/api/v1/my/organisation` (members), `/api/v1/organisations/register` (public). */
@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);

  /** Organisations for pickers (the first 100 by name; a bare array is accepted too). */
  list(): Observable<Organisation[]> {
    return this.http
      .get<Organisation[] | Page<Organisation>>(ORGS, { params: toHttpParams({ pageSize: 100 }) })
      .pipe(map((body) => itemsOf(body)));
  }

  page(query: OrganisationListQuery): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>(ORGS, { params: toHttpParams(query) });
  }

  get(id: number): Observable<OrganisationDetail> {
    return this.http.get<OrganisationDetail>(`${ORGS}/${id}`);
  }

  record(id: number | null, page: number, pageSize: number): Observable<Page<OrganisationRecord>> {
    return this.http.get<Page<OrganisationRecord>>(id === null ? `${MINE}/record` : `${ORGS}/${id}/record`, {
      params: toHttpParams({ page, pageSize }),
    });
  }

  documents(id: number | null): Observable<OrganisationDocument[]> {
    return this.http.get<OrganisationDocument[]>(id === null ? `${MINE}/documents` : `${ORGS}/${id}/documents`);
  }

  documentFile(id: number | null, documentId: number, context?: HttpContext): Observable<HttpResponse<Blob>> {
    const url = id === null ? `${MINE}/documents/${documentId}` : `${ORGS}/${id}/documents/${documentId}`;
    return this.http.get(url, { observe: 'response', responseType: 'blob', context });
  }

  // ---- officers' decisions

  approve(id: number, note: string, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${ORGS}/${id}/approve`, note ? { note } : {}, { context });
  }

  returnForChanges(id: number, reason: string, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${ORGS}/${id}/return`, { reason }, { context });
  }

  suspend(id: number, reason: string, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${ORGS}/${id}/suspend`, { reason }, { context });
  }

  reinstate(id: number, note: string, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${ORGS}/${id}/reinstate`, note ? { note } : {}, { context });
  }

  blacklist(id: number, reason: string, until: string, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${ORGS}/${id}/blacklist`, { reason, until }, { context });
  }

  // ---- grade proposals (members propose, officers of the region decide)

  /** The proposals of an organisation, newest first (null id = my organisation). */
  gradeProposals(id: number | null): Observable<GradeProposal[]> {
    return this.http.get<GradeProposal[]>(id === null ? `${MINE}/grade-proposals` : `${ORGS}/${id}/grade-proposals`);
  }

  proposeGrade(body: ProposeGradeRequest, context?: HttpContext): Observable<GradeProposal> {
    return this.http.post<GradeProposal>(`${MINE}/grade-proposals`, body, { context });
  }

  withdrawGrade(proposalId: number, context?: HttpContext): Observable<GradeProposal> {
    return this.http.post<GradeProposal>(`${MINE}/grade-proposals/${proposalId}/withdraw`, {}, { context });
  }

  approveGrade(id: number, proposalId: number, note: string, context?: HttpContext): Observable<GradeProposal> {
    return this.http.post<GradeProposal>(`${ORGS}/${id}/grade-proposals/${proposalId}/approve`, note ? { note } : {}, {
      context,
    });
  }

  rejectGrade(id: number, proposalId: number, reason: string, context?: HttpContext): Observable<GradeProposal> {
    return this.http.post<GradeProposal>(`${ORGS}/${id}/grade-proposals/${proposalId}/reject`, { reason }, { context });
  }

  // ---- members: my organisation

  mine(): Observable<OrganisationDetail> {
    return this.http.get<OrganisationDetail>(MINE);
  }

  updateMine(body: UpdateMyOrganisationRequest, context?: HttpContext): Observable<OrganisationDetail> {
    return this.http.patch<OrganisationDetail>(MINE, body, { context });
  }

  resubmit(): Observable<OrganisationDetail> {
    return this.http.post<OrganisationDetail>(`${MINE}/resubmit`, {});
  }

  uploadDocument(body: UploadDocumentRequest, context?: HttpContext): Observable<OrganisationDocument> {
    return this.http.post<OrganisationDocument>(`${MINE}/documents`, body, { context });
  }

  members(): Observable<OrganisationMember[]> {
    return this.http.get<OrganisationMember[]>(`${MINE}/members`);
  }

  addMember(body: AddMemberRequest, context?: HttpContext): Observable<OrganisationMember> {
    return this.http.post<OrganisationMember>(`${MINE}/members`, body, { context });
  }

  // ---- public registration

  register(body: RegisterOrganisationRequest, context?: HttpContext): Observable<RegistrationResult> {
    return this.http.post<RegistrationResult>(`${ORGS}/register`, body, { context });
  }

  registrationRegions(): Observable<RegionNode[]> {
    return this.http.get<RegionNode[]>(`${ORGS}/register/regions`);
  }
}
