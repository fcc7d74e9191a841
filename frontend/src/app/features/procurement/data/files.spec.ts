import { bidFileProblem, fileToBase64, formatBytes, toBidDocument } from './files';

describe('bid documents', () => {
  it('reads a file as base64 without the data: prefix', async () => {
    const file = new File(['%PDF-1.4 服务方案'], '服务方案.pdf', { type: 'application/pdf' });
    const base64 = await fileToBase64(file);
    expect(base64).toBe(Buffer.from('%PDF-1.4 服务方案', 'utf8').toString('base64'));
    expect(await toBidDocument(file)).toEqual({ fileName: '服务方案.pdf', contentBase64: base64 });
  });

  it('keeps binary content intact', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
    const base64 = await fileToBase64(new Blob([bytes], { type: 'image/png' }));
    expect(Buffer.from(base64, 'base64')).toEqual(Buffer.from(bytes));
  });

  it('takes PDF, PNG and JPEG of at most 5 MB, not empty', () => {
    expect(bidFileProblem({ name: 'a.pdf', size: 10, type: 'application/pdf' })).toBeNull();
    expect(bidFileProblem({ name: 'photo.JPG', size: 10, type: '' })).toBeNull();
    expect(bidFileProblem({ name: 'a.docx', size: 10, type: 'application/msword' })).toBe('type');
    expect(bidFileProblem({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(bidFileProblem({ name: 'a.pdf', size: 5 * 1024 * 1024 + 1, type: 'application/pdf' })).toBe('size');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
