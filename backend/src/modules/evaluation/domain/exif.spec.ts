import { evaluationFileAllowed, interviewText, safeFileName } from './evidence-rules';
import { exifTakenAt, instant, jpegWithExifTime } from './exif';

describe('a photo’s camera time (EXIF)', () => {
  it('reads DateTimeOriginal as Beijing time when the camera wrote no offset', () => {
    expect(exifTakenAt(jpegWithExifTime('2026:11:20 10:15:00'))?.toISOString()).toBe('2026-11-20T02:15:00.000Z');
  });

  it('uses OffsetTimeOriginal when present, in either byte order', () => {
    expect(exifTakenAt(jpegWithExifTime('2026:11:20 10:15:00', '+09:00'))?.toISOString()).toBe(
      '2026-11-20T01:15:00.000Z',
    );
    expect(exifTakenAt(jpegWithExifTime('2026:11:20 10:15:00', '-05:30', true))?.toISOString()).toBe(
      '2026-11-20T15:45:00.000Z',
    );
  });

  it('gives null for no EXIF, a damaged segment, a zeroed or impossible time — never an error', () => {
    expect(exifTakenAt(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(exifTakenAt(Buffer.from('not a jpeg'))).toBeNull();
    const cut = jpegWithExifTime('2026:11:20 10:15:00');
    expect(exifTakenAt(cut.subarray(0, 30))).toBeNull();
    expect(exifTakenAt(jpegWithExifTime('0000:00:00 00:00:00'))).toBeNull();
    expect(instant('2026:04:31 10:00:00', null)).toBeNull();
    expect(instant('2026:02:28 25:00:00', null)).toBeNull();
  });
});

describe('evidence files and notes', () => {
  it('a photo is a picture; a document is a PDF or a scan (by the sniffed type)', () => {
    expect(evaluationFileAllowed('PHOTO', 'image/jpeg')).toBe(true);
    expect(evaluationFileAllowed('PHOTO', 'application/pdf')).toBe(false);
    expect(evaluationFileAllowed('PHOTO', null)).toBe(false);
    expect(evaluationFileAllowed('DOCUMENT', 'application/pdf')).toBe(true);
    expect(evaluationFileAllowed('DOCUMENT', 'image/webp')).toBe(true);
  });

  it('keeps a file name without its path, control characters or quotes', () => {
    expect(safeFileName('C:\\fakepath\\入户"走访".jpg')).toBe('入户_走访_.jpg');
    expect(safeFileName('../..')).toBe('evidence');
  });

  it('hashes an interview note from one canonical text', () => {
    const at = new Date('2026-11-20T02:30:00.000Z');
    expect(interviewText({ interviewee: '王阿姨', interviewedAt: at, place: null, summary: '满意' })).toBe(
      '{"interviewee":"王阿姨","interviewedAt":"2026-11-20T02:30:00.000Z","place":null,"summary":"满意"}',
    );
  });
});
