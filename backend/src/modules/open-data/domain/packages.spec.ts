import { beijingMonth, decodeCursor, encodeCursor, monthOf, releasePackageJson } from './packages';

describe('OCDS packages, cursor and months', () => {
  it('splices the stored release texts unchanged into the package', () => {
    const stored = ['{"ocid":"o","id":"o-1","b":1,"a":2}', '{"ocid":"o","id":"o-2"}'];
    const text = releasePackageJson(
      {
        uri: 'http://x/r',
        publishedDate: '2026-01-01T00:00:00.000Z',
        publisher: { name: '民政局' },
        license: 'http://l',
        publicationPolicy: 'http://p',
      },
      stored,
      { next: 'http://x/r?cursor=a' },
    );
    for (const s of stored) expect(text).toContain(s);
    const parsed = JSON.parse(text) as { version: string; releases: unknown[]; links: { next: string } };
    expect(parsed.version).toBe('1.1');
    expect(parsed.releases).toHaveLength(2);
    expect(parsed.links.next).toBe('http://x/r?cursor=a');
  });

  it('gives out opaque cursors and refuses any it did not give', () => {
    const c = encodeCursor('12345');
    expect(c).not.toContain('12345');
    expect(decodeCursor(c)).toBe('12345');
    expect(decodeCursor('bm90LW91cnM')).toBeNull();
    expect(decodeCursor(Buffer.from('r:1 OR 1').toString('base64url'))).toBeNull();
    expect(decodeCursor(`${c}=`)).toBeNull();
  });

  it('cuts months at Beijing midnight', () => {
    const { start, end } = beijingMonth('2026-11');
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthOf(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
    expect(beijingMonth('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
