import type { IsoDate, IsoInstant } from './common.types';

/** Campaign (需求征集): `DRAFT → OPEN → CLOSED → DECIDED`. */
export type CampaignStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'DECIDED';
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'DECIDED'];
/** Campaigns with work left (not yet decided): the campaigns page opens on them. */
export const ACTIVE_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['DRAFT', 'OPEN', 'CLOSED'];

/** `GET /campaigns[/:id]` */
export interface Campaign {
  id: number;
  regionId: number;
  regionName: string | null;
  title: string;
  description: string;
  opensAt: IsoInstant;
  closesAt: IsoInstant;
  status: CampaignStatus;
  supportsPerResident: number;
  minSupportsToShortlist: number;
  catalogueVersionId: number;
  needCount: number;
  /** Residents: supports I have left in this campaign. */
  myRemainingSupports?: number;
}

export interface CampaignQuery {
  /** One status or several (sent comma-separated). */
  status?: CampaignStatus | readonly CampaignStatus[] | null;
  /** Part of the title. */
  q?: string | null;
  page?: number;
  pageSize?: number;
}

/** `POST /campaigns`; `PATCH /campaigns/:id` takes any of these while the campaign is a DRAFT. */
export interface CampaignRequest {
  regionId: number;
  title: string;
  description: string;
  opensAt: IsoInstant;
  closesAt: IsoInstant;
  supportsPerResident: number;
  minSupportsToShortlist: number;
  catalogueVersionId: number;
}

/** The life of a need (docs/domain/needs.md). */
export type NeedStatus =
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'MERGED'
  | 'SHORTLISTED'
  | 'APPROVED'
  | 'DECLINED'
  | 'IN_PROCUREMENT'
  | 'IN_SERVICE'
  | 'DELIVERED'
  | 'EVALUATED'
  | 'CLOSED';
export const NEED_STATUSES: readonly NeedStatus[] = [
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'MERGED',
  'SHORTLISTED',
  'APPROVED',
  'DECLINED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
];

/** `ONLINE`: a resident's own submission; `PROXY`: entered by a community worker for an offline resident (代录). */
export type NeedChannel = 'ONLINE' | 'PROXY';

export type RejectReason = 'DUPLICATE' | 'OUT_OF_SCOPE' | 'INSUFFICIENT_INFO' | 'NOT_PUBLIC_SERVICE' | 'OTHER';
export const REJECT_REASONS: readonly RejectReason[] = [
  'DUPLICATE',
  'OUT_OF_SCOPE',
  'INSUFFICIENT_INFO',
  'NOT_PUBLIC_SERVICE',
  'OTHER',
];

export type DeliberationDecision = 'SHORTLISTED' | 'APPROVED' | 'DECLINED';
export const DELIBERATION_DECISIONS: readonly DeliberationDecision[] = ['SHORTLISTED', 'APPROVED', 'DECLINED'];

/** The values of a need's typed attributes, by attribute key. */
export type AttributeValues = Record<string, string | number>;

/** One need in a list (`GET /needs`). */
export interface NeedSummary {
  id: number;
  title: string;
  status: NeedStatus;
  supportCount: number;
  categoryId: number;
  categoryName: string | null;
  regionId: number;
  regionName: string | null;
  campaignId: number;
  channel: NeedChannel;
  createdAt: IsoInstant;
}

export interface NeedAttachment {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: IsoInstant;
}

/** `GET /needs/:id` */
export interface NeedDetail extends NeedSummary {
  description: string;
  attributes: AttributeValues;
  location: string;
  offlineName: string | null;
  submittedByMe: boolean;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  attachments: NeedAttachment[];
  mergedIntoId: number | null;
  mergedFrom: number[];
  resubmittedFromId: number | null;
  supportedByMe: boolean;
  /** My supports left in the need's campaign (residents), or null. */
  myRemainingSupports: number | null;
}

export interface NeedQuery {
  regionId?: number | null;
  /** Comma-separated list of statuses. */
  status?: string | null;
  categoryId?: number | null;
  campaignId?: number | null;
  q?: string | null;
  sort?: NeedSort | null;
  page?: number;
  pageSize?: number;
}

export type NeedSort = '-createdAt' | 'createdAt' | '-supportCount';

/** `POST /needs` */
export interface CreateNeedRequest {
  campaignId: number;
  categoryId: number;
  title: string;
  description: string;
  attributes: AttributeValues;
  location: string;
  offlineName?: string;
  offlinePhone?: string;
  /** Proxy entry in a street-wide campaign: the resident's community. */
  communityId?: number;
}

/** `GET /needs/similar` */
export interface SimilarNeed {
  id: number;
  title: string;
  status: NeedStatus;
  supportCount: number;
  score: number;
}

/** What `POST/DELETE /needs/:id/support` answer. */
export interface SupportResult {
  needId: number;
  supportCount: number;
  myRemainingSupports: number;
}

/** One event of a need's timeline. */
export interface NeedEvent {
  at: IsoInstant;
  kind: string;
  fromStatus: NeedStatus | null;
  toStatus: NeedStatus | null;
  /** A user's name, or the system's (in the reader's language). */
  actorName: string;
  /** The stored codes and typed text of the event (e.g. `{ reasonCode, reason }`); null for steps. */
  note: unknown;
  /** The template a step or a coded reason was written from (e.g. `procurement.step.tender_published`). */
  template: string | null;
  /** What happened, written by the server in the reader's language. */
  text: string;
  /** Details in the reader's language, times in Beijing time ('' when none). */
  detail: string;
  /** A page of the app a step asks the reader to open (the survey to answer: `/s/<token>`), or null. */
  link?: string | null;
}

/** `GET /my/needs` */
export interface MyNeed {
  need: NeedSummary;
  relation: 'SUBMITTED' | 'SUPPORTED';
  timeline: NeedEvent[];
}

/** A pending request to move my support from a merged need to its target (`GET /support-transfers`). */
export interface SupportTransfer {
  id: number;
  sourceNeedId: number;
  sourceTitle: string;
  targetNeedId: number;
  targetTitle: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  createdAt: IsoInstant;
}

export interface DeliberationDecisionItem {
  needId: number;
  decision: DeliberationDecision;
  reason: string;
}

/** `POST /campaigns/:id/deliberations` */
export interface CreateDeliberationRequest {
  heldOn: IsoDate;
  attendees: string;
  minutes: string;
  decisions: DeliberationDecisionItem[];
}

/** `GET /campaigns/:id/deliberations` */
export interface Deliberation {
  id: number;
  campaignId: number;
  heldOn: IsoDate;
  attendees: string;
  minutes: string;
  recordedBy: number;
  createdAt: IsoInstant;
  decisions: DeliberationDecisionItem[];
}

/** A resident waiting for (or having had) verification (`GET /residents`). */
export interface Resident {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  communityId: number;
  communityName: string | null;
  verifiedAt: IsoInstant | null;
  createdAt: IsoInstant;
}

export interface ResidentQuery {
  verified?: boolean | null;
  page?: number;
  pageSize?: number;
}
