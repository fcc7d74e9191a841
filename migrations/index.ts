/**
 * Every migration, in order. Listed explicitly (no glob) so bundlers keep them; never edit a
 * migration after it has been merged — add a new one.
 */
import { RegionsCreateRegionsAndCalendar1764000000000 } from './1764000000000-regions-create-regions-and-calendar';
import { OrganisationsCreateOrganisations1764000001000 } from './1764000001000-organisations-create-organisations';
import { IdentityCreateUsersAndSessions1764000002000 } from './1764000002000-identity-create-users-and-sessions';
import { AuditCreateAuditEvents1764000003000 } from './1764000003000-audit-create-audit-events';
import { PlatformCreateIdempotencyKeys1764000004000 } from './1764000004000-platform-create-idempotency-keys';

export const MIGRATIONS = [
  RegionsCreateRegionsAndCalendar1764000000000,
  OrganisationsCreateOrganisations1764000001000,
  IdentityCreateUsersAndSessions1764000002000,
  AuditCreateAuditEvents1764000003000,
  PlatformCreateIdempotencyKeys1764000004000,
];
