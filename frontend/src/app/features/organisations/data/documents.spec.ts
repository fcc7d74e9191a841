import { base64OfDataUrl, checkDocument, fileSize } from './documents';

describe('documents chosen for upload', () => {
  it('takes PDF, PNG and JPEG up to 5 MB', () => {
    expect(checkDocument({ name: '登记证书.pdf', type: 'application/pdf', size: 1024 })).toBeNull();
    expect(checkDocument({ name: 'scan.JPG', type: '', size: 1024 })).toBeNull();
    expect(checkDocument({ name: 'a.docx', type: 'application/msword', size: 1024 })).toBe(
      'organisations.documents.fileType',
    );
    expect(checkDocument({ name: 'a.pdf', type: 'application/pdf', size: 5 * 1024 * 1024 + 1 })).toBe(
      'organisations.documents.fileTooLarge',
    );
    expect(checkDocument({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe(
      'organisations.documents.fileEmpty',
    );
  });

  it('sends the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
    expect(base64OfDataUrl('nonsense')).toBe('');
  });

  it('writes sizes for people', () => {
    expect([fileSize(300), fileSize(350 * 1024), fileSize(1.25 * 1024 * 1024)]).toEqual(['1 KB', '350 KB', '1.3 MB']);
  });
});
