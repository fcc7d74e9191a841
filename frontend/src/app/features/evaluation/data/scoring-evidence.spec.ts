import { evidenceFileProblem, MAX_EVIDENCE_BYTES, measureAmount } from './scoring-evidence';

describe('evidence on the scoring page', () => {
  it('takes pictures as photos, and PDFs or pictures as documents, at most 5 MB', () => {
    expect(evidenceFileProblem('PHOTO', { name: 'a.jpg', type: 'image/jpeg', size: 10 })).toBeNull();
    expect(evidenceFileProblem('PHOTO', { name: 'IMG_1.HEIC', type: '', size: 10 })).toBeNull();
    expect(evidenceFileProblem('PHOTO', { name: 'a.pdf', type: 'application/pdf', size: 10 })).toBe('type');
    expect(evidenceFileProblem('DOCUMENT', { name: '台账.pdf', type: 'application/pdf', size: 10 })).toBeNull();
    expect(evidenceFileProblem('DOCUMENT', { name: 'a.docx', type: 'application/msword', size: 10 })).toBe('type');
    expect(evidenceFileProblem('PHOTO', { name: 'a.png', type: 'image/png', size: 0 })).toBe('empty');
    expect(evidenceFileProblem('PHOTO', { name: 'a.png', type: 'image/png', size: MAX_EVIDENCE_BYTES + 1 })).toBe(
      'size',
    );
  });

  it('shows fen as yuan exactly and other measures as they are', () => {
    expect(measureAmount({ unit: 'FEN' }, '123456789012345')).toBe('1234567890123.45');
    expect(measureAmount({ unit: 'FEN' }, '5')).toBe('0.05');
    expect(measureAmount({ unit: 'HOURS' }, '3.8333')).toBe('3.8333');
  });
});
