import { base64OfDataUrl, fileSize, uploadProblem } from './files';

describe('uploads (shared by needs, organisations and bids)', () => {
  it('takes PDF, PNG and JPEG by type or extension, not empty, within the limit', () => {
    expect(uploadProblem({ name: 'a.pdf', type: 'application/pdf', size: 10 }, 100)).toBeNull();
    expect(uploadProblem({ name: 'SCAN.JPEG', type: '', size: 10 }, 100)).toBeNull();
    expect(uploadProblem({ name: 'a.gif', type: 'image/gif', size: 10 }, 100)).toBe('type');
    expect(uploadProblem({ name: 'a.png', type: 'image/png', size: 0 }, 100)).toBe('empty');
    expect(uploadProblem({ name: 'a.png', type: 'image/png', size: 101 }, 100)).toBe('size');
  });

  it('reads the base64 part of a data URL and writes sizes for people', () => {
    expect(base64OfDataUrl('data:image/png;base64,iVBO')).toBe('iVBO');
    expect(fileSize(2 * 1024 * 1024)).toBe('2.0 MB');
  });
});
