import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { Actor, inRegionScope, permissionsOf, regionScopeSql, Role } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { isLocale } from '../../../platform/i18n/locale';
import { AuditService } from '../../audit';
import { RegionRecord, RegionsService } from '../../regions';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../domain/password-policy';
import { checkAssignment } from '../domain/role-assignment';
import { CreateUserDto, ListUsersQuery, MeDto, UpdateUserDto, UserDto } from '../dto/user.dto';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity, UserRoleEntity } from '../entities/user.entity';
import { ORGANISATION_DIRECTORY, OrganisationDirectory } from './organisation-directory';
import { PasswordHasher } from './password-hasher';

/** What an audit event keeps of a user (never the password hash). */
function snapshot(u: UserEntity, roles: string[]) {
  return {
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    email: u.email,
    roles: [...roles].sort(),
    regionId: u.regionId,
    organisationId: u.organisationId,
    status: u.status,
  };
}

/** A member account the organisations context asks identity to create (password already checked and hashed). */
export interface NewOrganisationMember {
  organisationId: number;
  role: 'ORG_MEMBER' | 'EVALUATOR';
  username: string;
  displayName: string;
  phone: string | null;
  email?: string | null;
  passwordHash: string;
}

/** Whether an update would change what the account may do or where (its roles, region or organisation). */
function changesAccess(
  roles: readonly string[],
  nextRoles: readonly string[],
  user: UserEntity,
  nextRegionId: number | null,
  nextOrgId: number | null,
): boolean {
  const same = roles.length === nextRoles.length && [...roles].sort().join() === [...nextRoles].sort().join();
  return !same || nextRegionId !== user.regionId || nextOrgId !== user.organisationId;
}

function isRootScope(actor: Actor): boolean {
  return actor.regionPath !== null && actor.regionPath.split('/').filter(Boolean).length === 1;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    @Inject(ORGANISATION_DIRECTORY) private readonly organisations: OrganisationDirectory,
  ) {}

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    const region = user.regionId === null ? null : await this.regions.findById(user.regionId);
    const org = user.organisationId === null ? null : await this.organisations.findById(user.organisationId);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      phone: user.phone,
      email: user.email,
      roles: actor.roles,
      permissions: permissionsOf(actor.roles),
      region: region && { id: region.id, code: region.code, name: region.name, level: region.level, path: region.path },
      organisation: org && { id: org.id, name: org.name, kind: org.kind, status: org.status },
      locale: isLocale(user.locale) ? user.locale : null,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * Users in the actor's region subtree. Users without a region (organisation members, experts)
   * belong to no subtree and are listed only to actors scoped at the root region.
   */
  async list(actor: Actor, q: ListUsersQuery): Promise<Page<UserDto>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    const scope = regionScopeSql(actor, 'u.region_path');
    qb.where(
      new Brackets((w) => {
        w.where(scope.sql, scope.params);
        if (isRootScope(actor)) w.orWhere('u.region_path IS NULL');
      }),
    );
    if (q.q)
      qb.andWhere('(u.username LIKE :q OR u.display_name LIKE :q)', {
        q: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    if (q.status) qb.andWhere('u.status = :status', { status: q.status });
    if (q.role)
      qb.andWhere('EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = :role)', { role: q.role });
    if (q.regionId !== undefined) {
      const region = await this.regions.getInScope(actor, q.regionId);
      qb.andWhere('u.region_path LIKE :rp', { rp: `${region.path}%` });
    }
    const sort = q.sort ?? 'username';
    qb.orderBy(
      sort.replace('-', '') === 'createdAt' ? 'u.created_at' : 'u.username',
      sort.startsWith('-') ? 'DESC' : 'ASC',
    )
      .addOrderBy('u.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(await this.toDtos(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<UserDto> {
    const user = await this.getInScope(actor, id, this.dataSource.manager);
    return (await this.toDtos([user]))[0];
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    const problem = checkPassword(dto.password, dto.username);
    if (problem !== null)
      throw new IdentityError(IdentityErrorCode.PASSWORD_POLICY, PASSWORD_PROBLEM_TEXT[problem], {
        errors: [{ field: 'password', message: PASSWORD_PROBLEM_TEXT[problem] }],
      });
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await inTransaction(this.dataSource, async (em) => {
      const region = await this.resolveAssignment(
        actor,
        em,
        dto.roles,
        dto.regionId ?? null,
        dto.organisationId ?? null,
        true,
      );
      if (await em.existsBy(UserEntity, { username: dto.username })) {
        throw new IdentityError(IdentityErrorCode.USERNAME_TAKEN, `The username ${dto.username} is already taken.`);
      }
      const now = await dbNow(em);
      const user = em.create(UserEntity, {
        username: dto.username,
        displayName: dto.displayName,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        passwordHash,
        status: 'ACTIVE',
        failedLoginCount: 0,
        lockedUntil: null,
        regionId: region?.id ?? null,
        regionPath: region?.path ?? null,
        organisationId: dto.organisationId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(UserEntity, user);
      await em.insert(
        UserRoleEntity,
        dto.roles.map((role) => ({ userId: user.id, role })),
      );
      await this.audit.record(em, actor, {
        action: 'identity.user.created',
        entityType: 'user',
        entityId: user.id,
        regionPath: user.regionPath,
        after: snapshot(user, dto.roles),
      });
      return user.id;
    });
    return this.dtoOf(id);
  }

  /**
   * For the organisations context (registration, members added by a member): checks the password
   * policy (422 with field `password`) and hashes — call it before the transaction, hashing is slow
   * on purpose.
   */
  async hashNewPassword(username: string, password: string): Promise<string> {
    const problem = checkPassword(password, username);
    if (problem !== null)
      throw new IdentityError(IdentityErrorCode.PASSWORD_POLICY, PASSWORD_PROBLEM_TEXT[problem], {
        errors: [{ field: 'password', message: PASSWORD_PROBLEM_TEXT[problem] }],
      });
    return this.hasher.hash(password);
  }

  /**
   * For the organisations context: inserts a member account of an organisation inside the caller's
   * transaction (the organisation may have been inserted by it). The role must fit the organisation's
   * kind (ORG_MEMBER for a social organisation, EVALUATOR for an evaluation agency); 409 when the
   * username is taken. Audited as `identity.user.created`.
   */
  async createOrganisationMember(em: EntityManager, actor: Actor, member: NewOrganisationMember): Promise<UserDto> {
    await this.resolveAssignment(actor, em, [member.role], null, member.organisationId);
    if (await em.existsBy(UserEntity, { username: member.username })) {
      throw new IdentityError(IdentityErrorCode.USERNAME_TAKEN, `The username ${member.username} is already taken.`, {
        errors: [{ field: 'username', message: 'already taken' }],
      });
    }
    const now = await dbNow(em);
    const user = em.create(UserEntity, {
      username: member.username,
      displayName: member.displayName,
      phone: member.phone,
      email: member.email ?? null,
      passwordHash: member.passwordHash,
      status: 'ACTIVE',
      failedLoginCount: 0,
      lockedUntil: null,
      regionId: null,
      regionPath: null,
      organisationId: member.organisationId,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(UserEntity, user);
    await em.insert(UserRoleEntity, { userId: user.id, role: member.role });
    await this.audit.record(em, actor, {
      action: 'identity.user.created',
      entityType: 'user',
      entityId: user.id,
      regionPath: null,
      after: snapshot(user, [member.role]),
    });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      phone: user.phone,
      email: user.email,
      roles: [member.role],
      regionId: null,
      regionName: null,
      organisationId: member.organisationId,
      status: 'ACTIVE',
      lockedUntil: null,
      createdAt: now.toISOString(),
    };
  }

  /** For the organisations context: the accounts of one organisation, by username. */
  async membersOf(organisationId: number): Promise<UserDto[]> {
    return this.toDtos(
      await this.dataSource.getRepository(UserEntity).find({ where: { organisationId }, order: { username: 'ASC' } }),
    );
  }

  async update(actor: Actor, id: number, dto: UpdateUserDto): Promise<UserDto> {
    await inTransaction(this.dataSource, async (em) => {
      const user = await this.getInScope(actor, id, em, true);
      const roles = (await em.findBy(UserRoleEntity, { userId: id })).map((r) => r.role as Role);
      const before = snapshot(user, roles);
      const nextRoles = dto.roles ?? roles;
      const nextRegionId = dto.regionId === undefined ? user.regionId : dto.regionId;
      const nextOrgId = dto.organisationId === undefined ? user.organisationId : dto.organisationId;
      if (id === actor.userId && changesAccess(roles, nextRoles, user, nextRegionId, nextOrgId)) {
        // Powers are always granted by someone else: an admin widening their own roles or scope (or granting
        // themselves the auditor's) would leave no second pair of eyes on it.
        throw new IdentityError(
          IdentityErrorCode.CANNOT_CHANGE_OWN_ROLES,
          'Nobody changes their own roles, region or organisation: ask another administrator.',
        );
      }
      const region = await this.resolveAssignment(
        actor,
        em,
        nextRoles,
        nextRegionId,
        nextOrgId,
        nextOrgId !== user.organisationId,
      );
      const now = await dbNow(em);
      await em.update(
        UserEntity,
        { id },
        {
          displayName: dto.displayName ?? user.displayName,
          phone: dto.phone ?? user.phone,
          email: dto.email === undefined ? user.email : dto.email,
          regionId: region?.id ?? null,
          regionPath: region?.path ?? null,
          organisationId: nextOrgId,
          updatedAt: now,
        },
      );
      if (dto.roles) {
        await em.delete(UserRoleEntity, { userId: id });
        await em.insert(
          UserRoleEntity,
          dto.roles.map((role) => ({ userId: id, role })),
        );
      }
      const after = await em.findOneByOrFail(UserEntity, { id });
      await this.audit.record(em, actor, {
        action: 'identity.user.updated',
        entityType: 'user',
        entityId: id,
        regionPath: after.regionPath,
        before,
        after: snapshot(after, nextRoles),
      });
    });
    return this.dtoOf(id);
  }

  /** Disables the account and revokes every session at once (the guard checks sessions per request). */
  async disable(actor: Actor, id: number): Promise<UserDto> {
    if (id === actor.userId)
      throw new IdentityError(IdentityErrorCode.CANNOT_DISABLE_SELF, 'You cannot disable your own account.');
    await this.setStatus(actor, id, 'DISABLED');
    return this.dtoOf(id);
  }

  async enable(actor: Actor, id: number): Promise<UserDto> {
    await this.setStatus(actor, id, 'ACTIVE');
    return this.dtoOf(id);
  }

  private async setStatus(actor: Actor, id: number, status: 'ACTIVE' | 'DISABLED'): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const user = await this.getInScope(actor, id, em, true);
      if (user.status === status) {
        throw new IdentityError(
          IdentityErrorCode.ILLEGAL_TRANSITION,
          `The account is already ${status.toLowerCase()}.`,
        );
      }
      const now = await dbNow(em);
      await em.update(UserEntity, { id }, { status, updatedAt: now });
      let revoked = 0;
      if (status === 'DISABLED') {
        const result = await em
          .createQueryBuilder()
          .update(SessionEntity)
          .set({ revokedAt: now, revokedReason: 'USER_DISABLED' })
          .where('user_id = :id AND revoked_at IS NULL', { id })
          .execute();
        revoked = result.affected ?? 0;
      }
      await this.audit.record(em, actor, {
        action: status === 'DISABLED' ? 'identity.user.disabled' : 'identity.user.enabled',
        entityType: 'user',
        entityId: id,
        regionPath: user.regionPath,
        before: { status: user.status },
        after: { status, sessionsRevoked: revoked },
      });
    });
  }

  /** The user just written by a use case that already checked scope (it may now lie outside it). */
  private async dtoOf(id: number): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
    return (await this.toDtos([user]))[0];
  }

  /** For this context's other use cases (passwords): the user if in the actor's scope, else 404 as if missing. */
  loadInScope(actor: Actor, id: number, em: EntityManager, lock = false): Promise<UserEntity> {
    return this.getInScope(actor, id, em, lock);
  }

  private async getInScope(actor: Actor, id: number, em: EntityManager, lock = false): Promise<UserEntity> {
    const user = await em.findOne(UserEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const visible =
      user !== null && (user.regionPath === null ? isRootScope(actor) : inRegionScope(actor, user.regionPath));
    if (!visible) throw new IdentityError(IdentityErrorCode.USER_NOT_FOUND, `User ${id} not found.`);
    return user;
  }

  /**
   * Checks roles against region and organisation; the region must be in the actor's subtree, and so must the
   * organisation's registered region when an administrator attaches an account to it (`scopeOrganisation`): a
   * district's administrator cannot give anybody a seat in another district's organisation. Out of scope answers
   * exactly as a missing organisation.
   */
  private async resolveAssignment(
    actor: Actor,
    em: EntityManager,
    roles: string[],
    regionId: number | null,
    organisationId: number | null,
    scopeOrganisation = false,
  ): Promise<RegionRecord | null> {
    const region = regionId === null ? null : await this.regions.getInScope(actor, regionId, em);
    const found = organisationId === null ? null : await this.organisations.findById(organisationId, em);
    const org = found !== null && scopeOrganisation && !inRegionScope(actor, found.regionPath) ? null : found;
    if (organisationId !== null && org === null) {
      throw new IdentityError(IdentityErrorCode.ORGANISATION_NOT_FOUND, `Organisation ${organisationId} not found.`);
    }
    const problem = checkAssignment({ roles, regionLevel: region?.level ?? null, organisationKind: org?.kind ?? null });
    if (problem !== null) throw new IdentityError(IdentityErrorCode.ROLE_ASSIGNMENT_INVALID, problem);
    return region;
  }

  private async toDtos(users: UserEntity[]): Promise<UserDto[]> {
    if (users.length === 0) return [];
    const roleRows: Array<{ user_id: number; role: string }> = await this.dataSource.query(
      `SELECT user_id, role FROM user_roles WHERE user_id IN (${users.map(() => '?').join(',')}) ORDER BY role`,
      users.map((u) => u.id),
    );
    const regions = await this.regions.findByIds(users.map((u) => u.regionId).filter((x): x is number => x !== null));
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      email: u.email,
      roles: roleRows.filter((r) => r.user_id === u.id).map((r) => r.role as Role),
      regionId: u.regionId,
      regionName: u.regionId === null ? null : (regions.get(u.regionId)?.name ?? null),
      organisationId: u.organisationId,
      status: u.status,
      lockedUntil: u.lockedUntil?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
    }));
  }
}
