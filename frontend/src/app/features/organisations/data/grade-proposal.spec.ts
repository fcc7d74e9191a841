import type { OrganisationDocument } from '../../../api';
import {
  evidenceDocuments,
  gradeDecision,
  gradeProposalProblems,
  proposalColour,
  toProposeGradeRequest,
} from './grade-proposal';

const doc = (id: number, kind: OrganisationDocument['kind']): OrganisationDocument => ({
  id,
  kind,
  fileName: `${id}.pdf`,
  mime: 'application/pdf',
  size: 100,
  sha256: 'x',
  uploadedBy: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
});

const valid = { grade: 4, expiresOn: '2028-12-31', documentId: 9, note: '' };

describe('grade proposal', () => {
  it('offers only grade certificates and qualification documents as evidence, newest first', () => {
    expect(
      evidenceDocuments([
        doc(1, 'GRADE_CERTIFICATE'),
        doc(2, 'OTHER'),
        doc(3, 'QUALIFICATION'),
        doc(4, 'REGISTRATION_CERTIFICATE'),
      ]).map((d) => d.id),
    ).toEqual([3, 1]);
  });

  it('needs a grade, a real day that has not passed (Asia/Shanghai) and the certificate', () => {
    expect(gradeProposalProblems(valid, '2026-11-23')).toEqual([]);
    expect(gradeProposalProblems({ ...valid, expiresOn: '2026-11-23' }, '2026-11-23')).toEqual([]);
    expect(
      gradeProposalProblems({ grade: null, expiresOn: '2026-02-30', documentId: null, note: '' }, '2026-11-23'),
    ).toEqual([
      'organisations.gradeProposal.problem.grade',
      'organisations.gradeProposal.problem.expiresOn',
      'organisations.gradeProposal.problem.document',
    ]);
    expect(gradeProposalProblems({ ...valid, expiresOn: '2026-11-22' }, '2026-11-23')).toEqual([
      'organisations.gradeProposal.problem.expired',
    ]);
  });

  it('sends the grade, the last day and the document, with a note only when there is one', () => {
    expect(toProposeGradeRequest(valid)).toEqual({ grade: 4, expiresOn: '2028-12-31', documentId: 9 });
    expect(toProposeGradeRequest({ ...valid, note: ' 2025 年度评估 ' })).toMatchObject({ note: '2025 年度评估' });
  });

  it('tells an officer’s decision from the system’s, and no grade from either', () => {
    expect(
      gradeDecision({ grade: 4, gradeDecidedAt: '2026-11-20T02:00:00.000Z', gradeDecidedByName: '王采购' }),
    ).toEqual({
      by: 'officer',
      name: '王采购',
      at: '2026-11-20T02:00:00.000Z',
    });
    expect(gradeDecision({ grade: 4, gradeDecidedAt: '2026-11-20T02:00:00.000Z', gradeDecidedByName: null }).by).toBe(
      'system',
    );
    expect(gradeDecision({ grade: null, gradeDecidedAt: null, gradeDecidedByName: null }).by).toBe('none');
  });

  it('colours each status', () => {
    expect(
      (['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const).map((status) => proposalColour({ status })),
    ).toEqual(['processing', 'green', 'red', 'default']);
  });
});
