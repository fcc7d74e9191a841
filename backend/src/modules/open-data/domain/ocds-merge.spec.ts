import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compileReleases, Json, ReleaseLike, WHOLE_LIST_MERGE_PATHS } from './ocds-merge';

const base = { ocid: 'ocds-test01-1', initiationType: 'tender' };
const r = (id: string, date: string, body: Record<string, Json>): ReleaseLike => ({
  ...base,
  id,
  date,
  tag: ['tender'],
  ...body,
});

describe('OCDS merge: the compiled release', () => {
  it('applies releases in date order, the latest value winning, whatever order they come in', () => {
    const a = r('a', '2026-01-01T00:00:00Z', { tender: { id: '1', title: '旧标题', status: 'active' } });
    const b = r('b', '2026-02-01T00:00:00Z', { tender: { id: '1', status: 'complete' } });
    const c = compileReleases([b, a]);
    expect(c.tender).toEqual({ id: '1', title: '旧标题', status: 'complete' });
    expect(c.date).toBe('2026-02-01T00:00:00Z');
    expect(c.id).toBe('ocds-test01-1-2026-02-01T00:00:00Z');
    expect(c.tag).toEqual(['compiled']);
    expect(c.ocid).toBe('ocds-test01-1');
  });

  it('leaves out the omitWhenMerged fields of the releases themselves', () => {
    const c = compileReleases([r('a', '2026-01-01T00:00:00Z', {})]);
    expect(c.id).not.toBe('a');
    expect(c.initiationType).toBe('tender');
  });

  it('merges arrays of objects by id, appending new ids and keeping the ones a later release omits', () => {
    const a = r('a', '2026-01-01T00:00:00Z', {
      awards: [{ id: 'A1', status: 'pending', value: { amount: 100, currency: 'CNY' } }],
    });
    const b = r('b', '2026-01-02T00:00:00Z', {
      awards: [
        { id: 'A1', status: 'cancelled' },
        { id: 'A2', status: 'pending' },
      ],
    });
    const c = r('c', '2026-01-03T00:00:00Z', { awards: [{ id: 'A2', status: 'active' }] });
    expect(compileReleases([a, b, c]).awards).toEqual([
      { id: 'A1', status: 'cancelled', value: { amount: 100, currency: 'CNY' } },
      { id: 'A2', status: 'active' },
    ]);
  });

  it('compares ids by value and type (1 and "1" are different objects)', () => {
    const a = r('a', '2026-01-01T00:00:00Z', { awards: [{ id: 1, title: 'n' }] });
    const b = r('b', '2026-01-02T00:00:00Z', { awards: [{ id: '1', title: 's' }] });
    expect(compileReleases([a, b]).awards).toEqual([
      { id: 1, title: 'n' },
      { id: '1', title: 's' },
    ]);
  });

  it('replaces arrays of strings, and of objects without ids, whole', () => {
    const a = r('a', '2026-01-01T00:00:00Z', {
      parties: [{ id: 'p', roles: ['buyer', 'payer'] }],
      tender: { id: 't', submissionMethod: ['written'], documents: [{ title: 'x' }] },
    });
    const b = r('b', '2026-01-02T00:00:00Z', {
      parties: [{ id: 'p', roles: ['buyer'] }],
      tender: { id: 't', submissionMethod: ['electronicSubmission'], documents: [{ title: 'y' }] },
    });
    const c = compileReleases([a, b]);
    expect(c.parties).toEqual([{ id: 'p', roles: ['buyer'] }]);
    expect(c.tender).toEqual({ id: 't', submissionMethod: ['electronicSubmission'], documents: [{ title: 'y' }] });
  });

  it('replaces the wholeListMerge arrays whole even when their objects have ids', () => {
    const a = r('a', '2026-01-01T00:00:00Z', {
      parties: [{ id: 'p', additionalIdentifiers: [{ id: 'x', scheme: 'A' }] }],
    });
    const b = r('b', '2026-01-02T00:00:00Z', {
      parties: [{ id: 'p', additionalIdentifiers: [{ id: 'y', scheme: 'B' }] }],
    });
    expect(compileReleases([a, b]).parties).toEqual([{ id: 'p', additionalIdentifiers: [{ id: 'y', scheme: 'B' }] }]);
  });

  it('removes a field a later release sets to null', () => {
    const a = r('a', '2026-01-01T00:00:00Z', { tender: { id: 't', numberOfTenderers: 3, title: 'x' } });
    const b = r('b', '2026-01-02T00:00:00Z', { tender: { id: 't', numberOfTenderers: null } });
    expect(compileReleases([a, b]).tender).toEqual({ id: 't', title: 'x' });
  });

  it('never changes the releases it compiles', () => {
    const a = r('a', '2026-01-01T00:00:00Z', { awards: [{ id: 'A1', status: 'pending' }] });
    const b = r('b', '2026-01-02T00:00:00Z', { awards: [{ id: 'A1', status: 'active' }] });
    const before = JSON.stringify([a, b]);
    compileReleases([a, b]);
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it('refuses an empty record and releases of different processes', () => {
    expect(() => compileReleases([])).toThrow(RangeError);
    expect(() =>
      compileReleases([r('a', '2026-01-01T00:00:00Z', {}), { ...r('b', '2026-01-01T00:00:00Z', {}), ocid: 'x' }]),
    ).toThrow(RangeError);
  });

  it('knows every wholeListMerge array of the official release schema', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'release-schema.json'), 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    const found = new Set<string>();
    const walk = (node: unknown, path: string, seen: Set<string>): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (typeof n.$ref === 'string' && n.$ref.startsWith('#/definitions/')) {
        const name = n.$ref.slice('#/definitions/'.length);
        if (seen.has(name)) return;
        walk(schema.definitions[name], path, new Set([...seen, name]));
        return;
      }
      if (n.wholeListMerge === true) found.add(path);
      for (const [k, v] of Object.entries((n.properties as Record<string, unknown>) ?? {}))
        walk(v, path === '' ? k : `${path}/${k}`, seen);
      if (n.items) walk(n.items, path, seen);
    };
    walk(schema, '', new Set());
    expect([...found].sort()).toEqual([...WHOLE_LIST_MERGE_PATHS].sort());
  });
});
