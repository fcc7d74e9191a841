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
  /** 1..5 = 1A..5A: the decided grade (an officer approved it on its certificate, or the system recorded it). */
  grade: number | null;
  gradeExpiresOn: IsoDate | null;
  /** The grade counts today (decided and not past its expiry). */
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
  /** When the grade was decided (by an officer, or by the system). */
  gradeDecidedAt?: IsoInstant | null;
  /** Who decided it; null when the system recorded it. */
  gradeDecidedByName?: string | null;
  /** The certificate the grade was decided on. */
  gradeDocumentId?: number | null;
  /** The grade proposal waiting for the officer's decision. */
  pendingGradeProposal?: GradeProposal | null;
  /** What the caller may do with it: officers APPROVE / REJECT, members WITHDRAW. */
  gradeProposalActions?: GradeProposalAction[];
  /** Members: a grade may be proposed now. */
  canProposeGrade?: boolean;
}

export type GradeProposalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type GradeProposalAction = 'APPROVE' | 'REJECT' | 'WITHDRAW';

/** A grade the organisation's members proposed with its certificate; an officer of its region decides. */
export interface GradeProposal {
  id: number;
  organisationId: number;
  /** 1..5 = 1A..5A */
  grade: number;
  expiresOn: IsoDate;
  documentId: number | null;
  documentName: string | null;
  note: string | null;
  status: GradeProposalStatus;
  proposedByName: string | null;
  proposedAt: IsoInstant;
  decidedByName: string | null;
  decidedAt: IsoInstant | null;
  decisionReason: string | null;
}

/** `POST /my/organisation/grade-proposals` */
export interface ProposeGradeRequest {
  grade: number;
  expiresOn: IsoDate;
  documentId: number;
  note?: string;
}

export interface OrganisationListQuery extends PageQuery {
  status?: OrganisationStatus | null;
  kind?: OrganisationKind | null;
  q?: string | null;
  /** Only organisations with a grade proposal waiting for a decision. */
  pendingGradeProposal?: boolean | null;
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
  kind: 'APPROVAL' | 'AWARD' | 'CONTRACT' | 'EVALUATION' | 'SUSPENSION' | 'BLACKLIST' | 'REINSTATEMENT' | 'BAR';
  summary: string;
  referenceType: string | null;
  referenceId: string | null;
  gradeLabel: string | null;
  amount: Money | null;
  createdAt: IsoInstant;
}
