import { fromLocalDateTime } from '../../../shared/dates';
import { parseMoney } from '../../../shared/money';
import type { Criterion, ScoringMethod, Tender, TenderMethod, TenderRequest } from './procurement.types';

/** The tender wizard as it holds its values. */
export interface TenderFormValue {
  projectId: number | null;
  title: string;
  description: string;
  method: TenderMethod;
  minGrade: number | null;
  designatedOrganisationId: number | null;
  scoringMethod: ScoringMethod;
  priceWeight: number | null;
  criteria: Criterion[];
  maxPrice: string;
  /** 投标保证金, optional (empty: none). */
  bidDeposit: string;
  committeeSize: number | null;
  /** `<input type="datetime-local">` value, local wall-clock time. */
  bidDeadline: string;
}

/** The wizard as `POST /tenders` (or `PUT`), or null while something required is missing. */
export function toTenderRequest(v: TenderFormValue): TenderRequest | null {
  const maxPrice = parseMoney(v.maxPrice);
  const bidDeadline = fromLocalDateTime(v.bidDeadline);
  if (v.projectId === null || !maxPrice || !bidDeadline || v.committeeSize === null || v.priceWeight === null)
    return null;
  const lowest = v.scoringMethod === 'LOWEST_PRICE';
  const request: TenderRequest = {
    projectId: v.projectId,
    title: v.title.trim(),
    description: v.description.trim(),
    method: v.method,
    scoringMethod: v.scoringMethod,
    priceWeight: lowest ? 0 : v.priceWeight,
    criteria: lowest
      ? []
      : v.criteria.map((c) => ({ code: c.code.trim(), name: c.name.trim(), maxScore: c.maxScore.trim() })),
    maxPrice,
    committeeSize: v.committeeSize,
    bidDeadline,
  };
  if (v.minGrade !== null) request.minGrade = v.minGrade;
  const deposit = v.bidDeposit?.trim() ? parseMoney(v.bidDeposit) : null;
  if (deposit) request.bidDeposit = deposit;
  if (v.method === 'SINGLE_SOURCE' && v.designatedOrganisationId !== null)
    request.designatedOrganisationId = v.designatedOrganisationId;
  return request;
}

/** Strips the API's trailing zeros for editing: "40.00" → "40", "12.50" → "12.5". */
export function plainPoints(points: string): string {
  return points.includes('.') ? points.replace(/\.?0+$/, '') : points;
}

export function toTenderFormValue(t: Tender, localDeadline: string): TenderFormValue {
  return {
    projectId: t.projectId,
    title: t.title,
    description: t.description,
    method: t.method,
    minGrade: t.minGrade,
    designatedOrganisationId: t.designatedOrganisationId,
    scoringMethod: t.scoringMethod,
    priceWeight: t.priceWeight,
    criteria: t.criteria.map((c) => ({ ...c, maxScore: plainPoints(c.maxScore) })),
    maxPrice: t.maxPrice,
    bidDeposit: t.bidDeposit ?? '',
    committeeSize: t.committeeSize,
    bidDeadline: localDeadline,
  };
}
