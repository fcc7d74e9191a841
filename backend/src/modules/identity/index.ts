import { RefreshTokenEntity, SessionEntity } from './entities/session.entity';
import { UserEntity, UserRoleEntity } from './entities/user.entity';

export { IdentityModule } from './identity.module';
export { IdentityWorkerModule } from './identity-worker.module';
export { UsersService } from './services/users.service';
export { PeopleDirectory } from './services/people-directory.service';
export { UserPreferences } from './services/user-preferences.service';
export type { UserContact } from './services/user-preferences.service';
export type { NewOrganisationMember } from './services/users.service';
export { ORGANISATION_DIRECTORY } from './services/organisation-directory';
export type { OrganisationDirectory, OrganisationSummary } from './services/organisation-directory';
export type { UserDto } from './dto/user.dto';
export { PasswordHasher } from './services/password-hasher';
export { AuthRateGuard } from './http/sign-in-limits';
export { ResidentsService } from './services/residents.service';
export { IdentityDeskProvider } from './services/identity-desk.provider';
export type { ResidentInfo } from './services/residents.service';
export { AccountUnlockJob, accountUnlockDeadline, ACCOUNT_UNLOCK_JOB } from './jobs/account-unlock.job';
export { IdentityPurgeJob, purgeDeadline, PURGE_JOB } from './jobs/purge.job';
/** For the composition root's entity list only. */
export const IDENTITY_ENTITIES = [UserEntity, UserRoleEntity, SessionEntity, RefreshTokenEntity];
