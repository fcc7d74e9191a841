import { backfillTags } from './backfill-tags';

const none = {
  approved: false,
  tenderPublished: false,
  tenderStatus: null,
  awardNotice: false,
  contractSigned: false,
  contractTerminated: false,
  implementation: false,
};

describe('the backfill release tags', () => {
  it('a project never approved and never tendered publishes nothing', () => {
    expect(backfillTags(none)).toEqual([]);
  });

  it('an approved project is planning', () => {
    expect(backfillTags({ ...none, approved: true })).toEqual(['planning']);
  });

  it('a process in delivery names every stage it reached, in codelist order', () => {
    expect(
      backfillTags({
        ...none,
        approved: true,
        tenderPublished: true,
        tenderStatus: 'AWARDED',
        awardNotice: true,
        contractSigned: true,
        implementation: true,
      }),
    ).toEqual(['planning', 'tender', 'award', 'contract', 'implementation']);
  });

  it('a failed or cancelled tender says so', () => {
    expect(backfillTags({ ...none, approved: true, tenderPublished: true, tenderStatus: 'FAILED' })).toEqual([
      'planning',
      'tender',
      'tenderUpdate',
    ]);
    expect(backfillTags({ ...none, approved: true, tenderPublished: true, tenderStatus: 'CANCELLED' })).toEqual([
      'planning',
      'tender',
      'tenderCancellation',
    ]);
  });

  it('a terminated contract ends with contractTermination', () => {
    expect(
      backfillTags({
        ...none,
        approved: true,
        tenderPublished: true,
        awardNotice: true,
        contractSigned: true,
        contractTerminated: true,
      }),
    ).toEqual(['planning', 'tender', 'award', 'contract', 'contractTermination']);
  });
});
