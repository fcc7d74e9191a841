import type { ReleaseTag } from './ocds-codes';

/**
 * The tags of the one catch-up release a process gets when it became public before the open data existed (the
 * backfill): every stage it has reached, in the codelist's order. Pure.
 */
export interface StageFacts {
  approved: boolean;
  tenderPublished: boolean;
  tenderStatus: string | null;
  awardNotice: boolean;
  contractSigned: boolean;
  contractTerminated: boolean;
  implementation: boolean;
}

export function backfillTags(s: StageFacts): ReleaseTag[] {
  const tags: ReleaseTag[] = [];
  if (s.approved) tags.push('planning');
  if (s.tenderPublished) tags.push('tender');
  if (s.tenderStatus === 'CANCELLED') tags.push('tenderCancellation');
  else if (s.tenderStatus === 'FAILED') tags.push('tenderUpdate');
  if (s.awardNotice) tags.push('award');
  if (s.contractSigned) tags.push('contract');
  if (s.implementation) tags.push('implementation');
  if (s.contractTerminated) tags.push('contractTermination');
  return tags;
}
