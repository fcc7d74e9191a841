import type { User } from '../../../../api';
import {
  EMAIL_PATTERN,
  PHONE_PATTERN,
  toCreateRequest,
  toUpdateRequest,
  UserFormValue,
  USERNAME_PATTERN,
} from './user-form.component';

const value: UserFormValue = {
  username: ' zhang.san ',
  displayName: ' 张三 ',
  password: 'correct horse',
  roles: ['COMMUNITY_WORKER'],
  regionId: '9',
  organisationId: null,
  phone: '',
  email: '',
};

const existing: User = {
  id: 1,
  username: 'zhang.san',
  displayName: '张三',
  phone: '13800000000',
  roles: ['COMMUNITY_WORKER'],
  status: 'ACTIVE',
  regionId: 9,
  regionName: '东华社区',
  organisationId: 4,
  lockedUntil: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('user form → API bodies', () => {
  it('creates with trimmed names and without empty optional fields', () => {
    expect(toCreateRequest(value)).toEqual({
      username: 'zhang.san',
      displayName: '张三',
      password: 'correct horse',
      roles: ['COMMUNITY_WORKER'],
      regionId: 9,
    });
    expect(toCreateRequest({ ...value, organisationId: 4, phone: '13900000000' })).toMatchObject({
      organisationId: 4,
      phone: '13900000000',
    });
  });

  it('sends region and organisation ids as numbers (the API validates them as integers)', () => {
    const body = toCreateRequest({ ...value, regionId: '12', organisationId: 4 });
    expect(body.regionId).toBe(12);
    expect(body.organisationId).toBe(4);
  });

  it('patches only what changed', () => {
    const unchanged = { ...value, displayName: '张三', phone: '13800000000', organisationId: 4 };
    expect(toUpdateRequest(unchanged, existing)).toEqual({});
    expect(toUpdateRequest({ ...unchanged, roles: ['COMMUNITY_WORKER', 'ADMIN'] }, existing)).toEqual({
      roles: ['COMMUNITY_WORKER', 'ADMIN'],
    });
    expect(toUpdateRequest({ ...unchanged, regionId: '10', displayName: '张三丰' }, existing)).toEqual({
      regionId: 10,
      displayName: '张三丰',
    });
  });

  it('clears a phone or organisation with null', () => {
    const cleared = { ...value, displayName: '张三', phone: '', organisationId: null };
    expect(toUpdateRequest(cleared, existing)).toEqual({ phone: null, organisationId: null });
  });

  it('validates usernames and mobile numbers', () => {
    expect(USERNAME_PATTERN.test('admin_01')).toBe(true);
    expect(USERNAME_PATTERN.test('ab')).toBe(false);
    expect(USERNAME_PATTERN.test('_admin')).toBe(false);
    expect(USERNAME_PATTERN.test('张三')).toBe(false);
    expect(PHONE_PATTERN.test('13800000000')).toBe(true);
    expect(PHONE_PATTERN.test('+8613800000000')).toBe(true);
    expect(PHONE_PATTERN.test('12345')).toBe(false);
  });
});

describe('user form → e-mail address', () => {
  it('sends a trimmed address on create, clears it with null on update', () => {
    expect(toCreateRequest({ ...value, email: ' li@example.com ' })).toMatchObject({ email: 'li@example.com' });
    expect(toCreateRequest(value)).not.toHaveProperty('email');
    const withMail = { ...existing, email: 'li@example.com' };
    const same = { ...value, displayName: '张三', phone: '13800000000', organisationId: 4, email: 'li@example.com' };
    expect(toUpdateRequest(same, withMail)).toEqual({});
    expect(toUpdateRequest({ ...same, email: '' }, withMail)).toEqual({ email: null });
  });

  it('checks the shape of an address before sending', () => {
    expect(EMAIL_PATTERN.test('li@example.com')).toBe(true);
    expect(EMAIL_PATTERN.test('li@example')).toBe(false);
    expect(EMAIL_PATTERN.test('li example@example.com')).toBe(false);
  });
});
