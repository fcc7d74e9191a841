import { REDACTED, redactEntityId, redactSecrets, secretReference } from './redaction';

describe('audit redaction of secrets', () => {
  const sid = '6f1c1f0e-9a53-4c55-a0c6-4c5a0f0f2b11';

  it('replaces a session id by a stable reference that does not contain it', () => {
    const ref = redactEntityId('session', sid);
    expect(ref).toMatch(/^ref:[0-9a-f]{16}$/);
    expect(ref).toBe(redactEntityId('session', sid));
    expect(ref).not.toContain(sid.slice(0, 8));
    expect(redactEntityId('session', ref)).toBe(ref); // idempotent: rows redacted at write time stay as they are
  });

  it('leaves the ids of ordinary entities alone', () => {
    expect(redactEntityId('user', '42')).toBe('42');
    expect(redactEntityId('session', null)).toBeNull();
  });

  it('replaces secret members at any depth: ids by references, passwords entirely', () => {
    expect(
      redactSecrets({
        username: 'admin',
        password: 'Diandan@2026',
        passwordHash: '$argon2id$…',
        nested: [{ sessionId: sid, refresh_token: 'abc', idempotencyKey: 'award-7-1', note: 'kept' }],
        clientSecret: 's',
        token: 42,
        count: 3,
        empty: null,
      }),
    ).toEqual({
      username: 'admin',
      password: REDACTED,
      passwordHash: REDACTED,
      nested: [
        {
          sessionId: secretReference(sid),
          refresh_token: secretReference('abc'),
          idempotencyKey: secretReference('award-7-1'),
          note: 'kept',
        },
      ],
      clientSecret: REDACTED,
      token: REDACTED,
      count: 3,
      empty: null,
    });
  });

  it('leaves values without secrets unchanged', () => {
    const v = { status: 'ACTIVE', roles: ['ADMIN'], n: 1, flag: true, when: '2026-01-01' };
    expect(redactSecrets(v)).toEqual(v);
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets('text')).toBe('text');
  });

  it('keeps flags whose names mention a secret: a yes/no reveals nothing', () => {
    expect(redactSecrets({ mustChangePassword: true, passwordChanged: false, password: 'Diandan@2026' })).toEqual({
      mustChangePassword: true,
      passwordChanged: false,
      password: '[redacted]',
    });
  });
});
