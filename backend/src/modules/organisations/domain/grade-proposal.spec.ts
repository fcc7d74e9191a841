import { PERMISSIONS } from '../../../platform/access/permissions';
import { GRADE_PROPOSAL_STATUSES, gradeClaimProblem, gradeProposalTransition } from './grade-proposal';

describe('grade proposals', () => {
  it('only a pending proposal is decided (officers) or withdrawn (members)', () => {
    expect(gradeProposalTransition('APPROVE', 'PENDING')).toMatchObject({
      to: 'APPROVED',
      by: PERMISSIONS.ORGANISATIONS_REVIEW,
    });
    expect(gradeProposalTransition('REJECT', 'PENDING')).toMatchObject({ to: 'REJECTED', reason: 'REQUIRED' });
    expect(gradeProposalTransition('WITHDRAW', 'PENDING')).toMatchObject({
      to: 'WITHDRAWN',
      by: PERMISSIONS.ORGANISATIONS_SELF,
    });
    for (const from of GRADE_PROPOSAL_STATUSES.filter((s) => s !== 'PENDING'))
      for (const action of ['APPROVE', 'REJECT', 'WITHDRAW'] as const)
        expect(gradeProposalTransition(action, from)).toBeNull();
  });

  it('needs a day that exists and has not passed (through its last day, Asia/Shanghai)', () => {
    const cert = { documentKind: 'GRADE_CERTIFICATE' as const };
    expect(gradeClaimProblem({ ...cert, expiresOn: '2028-12-31' }, '2026-11-23')).toBeNull();
    expect(gradeClaimProblem({ ...cert, expiresOn: '2026-11-23' }, '2026-11-23')).toBeNull();
    expect(gradeClaimProblem({ ...cert, expiresOn: '2026-11-22' }, '2026-11-23')?.field).toBe('expiresOn');
    expect(gradeClaimProblem({ ...cert, expiresOn: '2027-02-30' }, '2026-11-23')?.message).toMatch(/calendar/);
  });

  it('is decided only on a grade certificate or a qualification document', () => {
    expect(gradeClaimProblem({ expiresOn: '2028-12-31', documentKind: 'QUALIFICATION' }, '2026-11-23')).toBeNull();
    expect(gradeClaimProblem({ expiresOn: '2028-12-31', documentKind: 'OTHER' }, '2026-11-23')?.field).toBe(
      'documentId',
    );
    expect(gradeClaimProblem({ expiresOn: '2028-12-31', documentKind: null }, '2026-11-23')?.message).toMatch(
      /certificate/,
    );
  });
});
