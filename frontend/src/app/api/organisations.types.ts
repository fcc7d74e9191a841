import type { IsoDate, IsoInstant, Money, PageQuery } from './common.types';

export type OrganisationKind = 'SOCIAL_ORGANISATION' | 'EVALUATION_AGENCY';
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['SOCIAL_ORGANISATION', 'EVALUATION_AGENCY'];

/** 社会团体 / 社会服务机构 / 基金会 */
export type OrgType = 'SOCIAL_GROUP' | 'SOCIAL_SERVICE_AGENCY' | 'FOUNDATION';
export const ORG_TYPES: readonly OrgType[] = ['SOCIAL_GROUP', 'SOCIAL_SERVICE_AGENCY', 'FOUNDATION'];

/** `PENDING_REVIEW → ACTIVE | RETURNED (→ PENDING_REVIEW)`; `ACTIVE ⇄ SUSPENDED`; `ACTIVE | SUSPENDED → BLACKLISTED → ACTIVE` (at its date). */
export type OrganisationStatus = 'PENDING_REVIEW' | 'RETURNED' | 'ACTIVE' | 'SUSPENDED' | 'BLACKLISTED';
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = [
  'PENDING_REVIEW',
  'RETURNED',
  'ACTIVE',
  'SUSPENDED',
  'BLACKLISTED',
];

/** What the caller may do with an organisation now (`actions` of the detail). */
export type OrganisationAction =
  'APPROVE' | 'RETURN' | 'RESUBMIT' | 'SUSPEND' | 'REINSTATE' | 'BLACKLIST' | 'BLACKLIST_EXPIRE';

/** One organisation in a list (`GET /organisations`), also used by pickers. */
export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
  orgType: OrgType | null;
  /** 统一社会信用代码 */
  creditCode: string;
  regionId: number;
  regionName: string | null;
  status: OrganisationStatus;
  /** 1..5 = 1A..5A as recorded. */
  grade: number | null;
  gradeExpiresOn: IsoDate | null;
  /** The grade counts today (recorded and not past its expiry). */
  gradeValid: boolean;
  blacklistedUntil: IsoInstant | null;
  createdAt: IsoInstant;
}

export interface ServiceArea {
  id: number;
  name: string;
  level: string;
}

/** `GET /organisations/:id`, `GET /my/organisation` */
export interface OrganisationDetail extends Organisation {
  legalRepresentative: string | null;
  contactPhone: string | null;
  serviceAreas: ServiceArea[];
  bankName: string | null;
  bankAccountName: string | null;
  bankAccountNo: string | null;
  /** Why it was returned, suspended or blacklisted. */
  statusReason: string | null;
  reviewedAt: IsoInstant | null;
  updatedAt: IsoInstant | null;
  actions: OrganisationAction[];
}

export interface OrganisationListQuery extends PageQuery {
  status?: OrganisationStatus | null;
  kind?: OrganisationKind | null;
  q?: string | null;
}

/** `POST /organisations/register` (public) */
export interface RegisterOrganisationRequest {
  name: string;
  kind: OrganisationKind;
  orgType: OrgType;
  creditCode: string;
  regionId: number;
  legalRepresentative: string;
  contactPhone: string;
  serviceRegionIds: number[];
  username: string;
  displayName: string;
  password: string;
}

export interface RegistrationResult {
  organisationId: number;
  status: OrganisationStatus;
  username: string;
}

/** `PATCH /my/organisation`: only the fields sent change. */
export interface UpdateMyOrganisationRequest {
  name?: string;
  orgType?: OrgType;
  regionId?: number;
  legalRepresentative?: string;
  contactPhone?: string;
  serviceRegionIds?: number[];
  bankName?: string;
  bankAccountName?: string;
  bankAccountNo?: string;
  grade?: number | null;
  gradeExpiresOn?: IsoDate | null;
}

export type DocumentKind = 'REGISTRATION_CERTIFICATE' | 'GRADE_CERTIFICATE' | 'QUALIFICATION' | 'OTHER';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'REGISTRATION_CERTIFICATE',
  'GRADE_CERTIFICATE',
  'QUALIFICATION',
  'OTHER',
];

export interface OrganisationDocument {
  id: number;
  kind: DocumentKind;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: number;
  createdAt: IsoInstant;
}

export interface UploadDocumentRequest {
  kind: DocumentKind;
  fileName: string;
  contentBase64: string;
}

export interface OrganisationMember {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  status: string;
  createdAt: IsoInstant;
}

export interface AddMemberRequest {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
}

/** One line of the append-only performance record (业绩档案). */
export interface OrganisationRecord {
  id: number;
  kind: 'APPROVAL' | 'AWARD' | 'CONTRACT' | 'EVALUATION' | 'SUSPENSION' | 'BLACKLIST' | 'REINSTATEMENT';
  summary: string;
  referenceType: string | null;
  referenceId: string | null;
  gradeLabel: string | null;
  amount: Money | null;
  createdAt: IsoInstant;
}
