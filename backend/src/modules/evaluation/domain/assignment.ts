import { Affiliation, CONFLICT_LOOKBACK_YEARS, conflictOf } from '../../procurement';

/**
 * Conflicts of interest at assignment (issue #11 item 2; PRODUCT.md §2: "an expert or evaluator with a conflict of
 * interest (same organisation now or in the last 3 years, declared relationship) cannot be assigned"). The
 * evaluator's rule IS the bid committee's (procurement/domain/committee.ts `conflictOf`, CONFLICT_LOOKBACK_YEARS):
 * it decides and words the reason; this file only names which case applied, so that a page can say it in the
 * reader's language.
 */
export { CONFLICT_LOOKBACK_YEARS };

export type ConflictCode =
  /** The agency is the evaluated organisation itself. */
  | 'AGENCY_IS_PROVIDER'
  /** The evaluator works for the evaluated organisation now. */
  | 'CURRENT_EMPLOYMENT'
  /** …or worked for it until a date within the last CONFLICT_LOOKBACK_YEARS years. */
  | 'PAST_EMPLOYMENT'
  /** …or declared a relationship with it. */
  | 'DECLARED_RELATIONSHIP';

export interface Conflict {
  code: ConflictCode;
  /** The evaluated organisation's name. */
  organisationName: string;
  /** PAST_EMPLOYMENT: the employment's last day. */
  endedOn: string | null;
  /** The rule's own words (zh-CN), as the committee draw writes them: for the audit trail and problem details. */
  reason: string;
}

export interface EvaluatorAffiliation extends Affiliation {
  kind: 'EMPLOYMENT' | 'DECLARED';
}

/** The agency may not evaluate its own contract. */
export function agencyConflict(agencyId: number, providerId: number, providerName: string): Conflict | null {
  if (agencyId !== providerId) return null;
  return {
    code: 'AGENCY_IS_PROVIDER',
    organisationName: providerName,
    endedOn: null,
    reason: `评估机构即被评估的服务机构「${providerName}」`,
  };
}

/** Why this evaluator may not evaluate the provider's contract (the committee rule), or null. */
export function evaluatorConflict(
  affiliations: readonly EvaluatorAffiliation[],
  providerId: number,
  providerName: string,
  today: string,
): Conflict | null {
  const nameOf = (id: number) => (id === providerId ? providerName : `#${id}`);
  const employment = affiliations.filter((a) => a.kind === 'EMPLOYMENT');
  const declared = affiliations.filter((a) => a.kind === 'DECLARED').map((a) => a.organisationId);
  const byEmployment = conflictOf(employment, [], [providerId], today, nameOf);
  if (byEmployment !== null) {
    const current = employment.some((a) => a.organisationId === providerId && a.endedOn === null);
    const ended = employment
      .filter((a) => a.organisationId === providerId && a.endedOn !== null)
      .map((a) => a.endedOn as string)
      .sort()
      .pop();
    return {
      code: current ? 'CURRENT_EMPLOYMENT' : 'PAST_EMPLOYMENT',
      organisationName: providerName,
      endedOn: current ? null : (ended ?? null),
      reason: byEmployment,
    };
  }
  const byDeclaration = conflictOf([], declared, [providerId], today, nameOf);
  return byDeclaration === null
    ? null
    : { code: 'DECLARED_RELATIONSHIP', organisationName: providerName, endedOn: null, reason: byDeclaration };
}
