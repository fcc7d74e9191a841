import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  awardCriteria,
  contractStatus,
  milestoneStatus,
  PROCUREMENT_METHODS,
  RELEASE_TAGS,
  tenderStatus,
  TenderStatusCode,
  tenderTransitionTags,
} from './ocds-codes';

function codes(list: string): string[] {
  return readFileSync(join(__dirname, '..', 'schema', 'codelists', `${list}.csv`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',')[0]);
}

describe('OCDS codes', () => {
  it('maps the five methods as OCDS expects, keeping the Chinese name in procurementMethodDetails', () => {
    expect(PROCUREMENT_METHODS.OPEN_TENDER).toEqual({ method: 'open', details: '公开招标' });
    expect(PROCUREMENT_METHODS.COMPETITIVE_CONSULTATION).toEqual({ method: 'selective', details: '竞争性磋商' });
    expect(PROCUREMENT_METHODS.COMPETITIVE_NEGOTIATION).toEqual({ method: 'selective', details: '竞争性谈判' });
    expect(PROCUREMENT_METHODS.REQUEST_FOR_QUOTATION).toEqual({ method: 'selective', details: '询价' });
    expect(PROCUREMENT_METHODS.SINGLE_SOURCE).toEqual({ method: 'direct', details: '单一来源' });
    for (const m of Object.values(PROCUREMENT_METHODS)) expect(codes('method')).toContain(m.method);
  });

  it('comprehensive scoring is ratedCriteria, the lowest price priceOnly — both in the codelist', () => {
    expect(awardCriteria('COMPREHENSIVE')).toBe('ratedCriteria');
    expect(awardCriteria('LOWEST_PRICE')).toBe('priceOnly');
    expect(codes('awardCriteria')).toEqual(expect.arrayContaining(['ratedCriteria', 'priceOnly']));
  });

  it('uses only codes of the closed codelists', () => {
    const statuses: TenderStatusCode[] = [
      'DRAFT',
      'PUBLISHED',
      'CLOSED',
      'OPENED',
      'EVALUATING',
      'RECOMMENDED',
      'AWARD_NOTICE',
      'AWARDED',
      'FAILED',
      'CANCELLED',
    ];
    for (const s of statuses) expect(codes('tenderStatus')).toContain(tenderStatus(s));
    for (const s of ['DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const)
      for (const signed of [true, false]) expect(codes('contractStatus')).toContain(contractStatus(s, signed));
    for (const s of ['PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const)
      for (const overdue of [true, false]) expect(codes('milestoneStatus')).toContain(milestoneStatus(s, overdue));
    expect(codes('releaseTag').filter((t) => t !== 'compiled')).toEqual([...RELEASE_TAGS]);
  });

  it('writes a release for each public tender transition and none for the internal ones', () => {
    expect(tenderTransitionTags('DRAFT', 'PUBLISHED')).toEqual(['tender']);
    expect(tenderTransitionTags('PUBLISHED', 'CLOSED')).toBeNull();
    expect(tenderTransitionTags('CLOSED', 'OPENED')).toEqual(['tenderUpdate']);
    expect(tenderTransitionTags('OPENED', 'EVALUATING')).toBeNull();
    expect(tenderTransitionTags('EVALUATING', 'RECOMMENDED')).toBeNull();
    expect(tenderTransitionTags('EVALUATING', 'FAILED')).toEqual(['tenderUpdate']);
    expect(tenderTransitionTags('RECOMMENDED', 'AWARD_NOTICE')).toEqual(['award']);
    expect(tenderTransitionTags('AWARD_NOTICE', 'AWARDED')).toEqual(['awardUpdate']);
    expect(tenderTransitionTags('AWARD_NOTICE', 'EVALUATING')).toEqual(['awardCancellation']);
    expect(tenderTransitionTags('AWARD_NOTICE', 'CANCELLED')).toEqual(['awardCancellation', 'tenderCancellation']);
    expect(tenderTransitionTags('PUBLISHED', 'CANCELLED')).toEqual(['tenderCancellation']);
    expect(tenderTransitionTags('DRAFT', 'CANCELLED')).toBeNull();
  });
});
