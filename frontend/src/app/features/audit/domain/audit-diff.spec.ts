import { auditDiff, NO_VALUE, readable } from './audit-diff';

describe('audit before/after as a readable difference', () => {
  it('lists only the changed fields, old → new', () => {
    expect(
      auditDiff(
        { status: 'DRAFT', title: '助老', budget: '100.00' },
        { status: 'PUBLISHED', title: '助老', budget: '100.00' },
      ),
    ).toEqual([{ path: 'status', kind: 'changed', before: 'DRAFT', after: 'PUBLISHED' }]);
  });

  it('walks nested objects by dotted path, and tells added from removed fields', () => {
    expect(
      auditDiff({ contact: { phone: '1', name: '王' }, old: true }, { contact: { phone: '2', name: '王' }, added: 3 }),
    ).toEqual([
      { path: 'added', kind: 'added', before: NO_VALUE, after: '3' },
      { path: 'contact.phone', kind: 'changed', before: '1', after: '2' },
      { path: 'old', kind: 'removed', before: 'true', after: NO_VALUE },
    ]);
  });

  it('shows a creation (no before) as every field added, and lists as lists', () => {
    expect(auditDiff(null, { username: 'li', roles: ['AUDITOR', 'ADMIN'] })).toEqual([
      { path: 'roles', kind: 'added', before: NO_VALUE, after: 'AUDITOR, ADMIN' },
      { path: 'username', kind: 'added', before: NO_VALUE, after: 'li' },
    ]);
  });

  it('compares lists as a whole, and renders objects inside them readably', () => {
    expect(auditDiff({ roles: ['A'] }, { roles: ['A', 'B'] })).toEqual([
      { path: 'roles', kind: 'changed', before: 'A', after: 'A, B' },
    ]);
    expect(readable([{ id: 1, name: 'x' }])).toBe('{ id: 1; name: x }');
  });

  it('finds nothing when nothing changed, and handles scalar values', () => {
    expect(auditDiff({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff(1, 2)).toEqual([{ path: '', kind: 'changed', before: '1', after: '2' }]);
  });

  it('renders empty and null values so that they cannot be mistaken for each other', () => {
    expect(readable('')).toBe('""');
    expect(readable(null)).toBe(NO_VALUE);
    expect(readable({})).toBe('{}');
    expect(readable([])).toBe('[]');
  });
});
