/**
 * The registry's fixed vocabularies and simple rules (PRODUCT.md §5.3).
 */
export const ORGANISATION_KINDS = ['SOCIAL_ORGANISATION', 'EVALUATION_AGENCY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** 社会团体 / 社会服务机构 (formerly 民办非企业单位) / 基金会 — the three legal forms of a social organisation. */
export const ORG_TYPES = ['SOCIAL_GROUP', 'SOCIAL_SERVICE_AGENCY', 'FOUNDATION'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** The role a member account of an organisation of this kind holds. */
export function memberRoleOf(kind: OrganisationKind): 'ORG_MEMBER' | 'EVALUATOR' {
  return kind === 'EVALUATION_AGENCY' ? 'EVALUATOR' : 'ORG_MEMBER';
}

/** Social organisations register with the civil-affairs bureau of a district, or a street office. */
export const REGISTRABLE_REGION_LEVELS = ['DISTRICT', 'STREET'] as const;

export function isRegistrableRegionLevel(level: string): boolean {
  return (REGISTRABLE_REGION_LEVELS as readonly string[]).includes(level);
}

export const MAX_SERVICE_AREAS = 50;

// ---- documents

export const DOCUMENT_KINDS = ['REGISTRATION_CERTIFICATE', 'GRADE_CERTIFICATE', 'QUALIFICATION', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_ORGANISATION = 30;

/** A file name safe to store and to send back in Content-Disposition (no path, no quotes, no line breaks). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'document' : cleaned;
}

// ---- performance record

/**
 * What the append-only performance record holds: awards and contracts (procurement), evaluation results
 * (EVALUATION: the published score and grade), sanctions, and bars from bidding after a failed evaluation (BAR).
 */
export const RECORD_KINDS = [
  'APPROVAL',
  'AWARD',
  'CONTRACT',
  'EVALUATION',
  'SUSPENSION',
  'BLACKLIST',
  'REINSTATEMENT',
  'BAR',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
