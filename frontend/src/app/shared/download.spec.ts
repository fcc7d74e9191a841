import { blobText, filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(
      filenameFromDisposition(`attachment; filename="needs.xlsx"; filename*=UTF-8''%E9%9C%80%E6%B1%82.xlsx`, 'x'),
    ).toBe('需求.xlsx');
    expect(filenameFromDisposition('attachment; filename="needs 2026.xlsx"', 'x')).toBe('needs 2026.xlsx');
    expect(filenameFromDisposition('attachment; filename=needs.xlsx', 'x')).toBe('needs.xlsx');
    expect(filenameFromDisposition('attachment', 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(filenameFromDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E9%9C%80%ZZ; filename="a.pdf"`, 'x')).toBe('a.pdf');
  });
});

describe('blobText', () => {
  it('reads a problem that arrived as a Blob and passes other bodies through', async () => {
    const body = new Blob(['{"status":422}'], { type: 'application/problem+json' });
    expect(await blobText(body)).toBe('{"status":422}');
    expect(await blobText({ a: 1 })).toEqual({ a: 1 });
  });
});
