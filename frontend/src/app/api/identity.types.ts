import type { Permission, Role } from '@diandan/access';

import type { IsoInstant } from './common.types';
import type { OrganisationStatus } from './organisations.types';
import type { RegionRef } from './regions.types';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
  /** Sign-in only: an administrator reset the password; it must be changed before anything else. */
  mustChangePassword?: boolean;
}

export interface OrganisationRef {
  id: number;
  name: string;
  kind: string;
  /** Review status; members see it as a banner while it is not ACTIVE. */
  status?: OrganisationStatus;
}

/** `GET /api/v1/me` */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  /** Where my e-mail notifications go. */
  email?: string | null;
  roles: Role[];
  permissions: Permission[];
  region: RegionRef | null;
  organisation: OrganisationRef | null;
  /** The language saved for server-written texts (inbox, timeline); null when never chosen. */
  locale?: 'zh-CN' | 'en-US' | null;
  /** After an administrator's reset: every page but the password change is closed until it is changed. */
  mustChangePassword?: boolean;
}

/** `POST /api/v1/me/password` */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `POST /api/v1/users/:id/reset-password`: shown once to the administrator, to be handed to the user. */
export interface TemporaryPassword {
  temporaryPassword: string;
}

export type UserStatus = 'ACTIVE' | 'DISABLED';
export const USER_STATUSES: readonly UserStatus[] = ['ACTIVE', 'DISABLED'];

/** One user as returned by `GET /api/v1/users[/:id]` (and by create, update, disable, enable). */
export interface User {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  /** Where e-mail notifications go. */
  email?: string | null;
  roles: Role[];
  regionId: number | null;
  regionName: string | null;
  organisationId: number | null;
  status: UserStatus;
  /** Set while the account is locked out after failed sign-ins. */
  lockedUntil: IsoInstant | null;
  createdAt: IsoInstant;
}

export interface UserListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  role?: Role | null;
  regionId?: number | null;
  status?: UserStatus | null;
}

/** `POST /api/v1/users` */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  regionId?: number | null;
  organisationId?: number | null;
  phone?: string;
  email?: string;
}

/** `PATCH /api/v1/users/:id` */
export interface UpdateUserRequest {
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  roles?: Role[];
  regionId?: number | null;
  organisationId?: number | null;
}
