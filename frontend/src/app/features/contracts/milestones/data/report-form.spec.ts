import { draftProblems, evidenceFileProblem, ReportDraft, toRequest } from './report-form';

const INDICATORS = [{ code: 'OUT-1', name: '服务人次', targetText: '≥ 9600', targetValue: '9600', unit: null }];
const DRAFT: ReportDraft = {
  summary: ' 完成 ',
  activities: [{ date: '2027-03-01', place: ' 活动中心 ', content: '助餐', participants: 30 }],
  serviceHours: [{ beneficiary: '', hours: '' }],
  outputs: { 'OUT-1': ' 2400 ' },
  photoIds: [3],
  sheetIds: [4],
};

describe('the progress report form', () => {
  it('is ready with an activity, a photo and every output value; blank hours rows are dropped', () => {
    expect(draftProblems(DRAFT, INDICATORS, false)).toEqual([]);
    expect(toRequest(DRAFT, INDICATORS)).toEqual({
      summary: '完成',
      activities: [{ date: '2027-03-01', place: '活动中心', content: '助餐', participants: 30 }],
      serviceHours: [],
      outputs: [{ code: 'OUT-1', actual: '2400' }],
      evidenceIds: [3, 4],
    });
  });

  it('names what is missing: a photo, hours for an hourly service, an output value; refuses floats written oddly', () => {
    expect(draftProblems({ ...DRAFT, photoIds: [] }, INDICATORS, true)).toEqual(['photo', 'hoursRequired']);
    expect(draftProblems({ ...DRAFT, outputs: {} }, INDICATORS, false)).toEqual(['outputMissing']);
    expect(draftProblems({ ...DRAFT, outputs: { 'OUT-1': '1e3' } }, INDICATORS, false)).toEqual(['outputInvalid']);
    expect(draftProblems({ ...DRAFT, serviceHours: [{ beneficiary: 'A-1', hours: '-2' }] }, INDICATORS, true)).toEqual([
      'hoursInvalid',
    ]);
  });

  it('takes photos from the camera (JPEG, PNG, WebP) up to 5 MB, PDFs only as attendance sheets', () => {
    expect(evidenceFileProblem('PHOTO', { name: 'IMG_0001.HEIC', type: 'image/heic', size: 10 })).toBe('type');
    expect(evidenceFileProblem('PHOTO', { name: 'a.webp', type: 'image/webp', size: 10 })).toBeNull();
    expect(evidenceFileProblem('PHOTO', { name: 'a.pdf', type: 'application/pdf', size: 10 })).toBe('type');
    expect(evidenceFileProblem('ATTENDANCE', { name: 'a.pdf', type: 'application/pdf', size: 10 })).toBeNull();
    expect(evidenceFileProblem('PHOTO', { name: 'a.jpg', type: 'image/jpeg', size: 6 * 1024 * 1024 })).toBe('size');
  });
});
