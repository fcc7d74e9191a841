import { sniff } from './file-type';

describe('file type by content', () => {
  it('recognises JPEG, PNG and PDF by their first bytes', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniff(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniff(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
});
