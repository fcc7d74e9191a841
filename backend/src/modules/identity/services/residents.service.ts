import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { AuditService } from '../../audit';
import { RegionsService } from '../../regions';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../domain/password-policy';
import { ListResidentsQuery, RegisterResidentDto, ResidentDto } from '../dto/resident.dto';
import { UserEntity, UserRoleEntity } from '../entities/user.entity';
import { PasswordHasher } from './password-hasher';

/** What other contexts need to know about a resident. */
export interface ResidentInfo {
  userId: number;
  displayName: string;
  communityId: number;
  communityPath: string;
  verified: boolean;
}

/** Residents: self-registration by phone, verification to a community by a community worker. */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
  ) {}

  async register(dto: RegisterResidentDto, ip: string | null): Promise<ResidentDto> {
    const problem = checkPassword(dto.password, dto.phone);
    if (problem !== null)
      throw new IdentityError(IdentityErrorCode.PASSWORD_POLICY, PASSWORD_PROBLEM_TEXT[problem], {
        errors: [{ field: 'password', message: PASSWORD_PROBLEM_TEXT[problem] }],
      });
    const hash = await this.hasher.hash(dto.password);
    const id = await inTransaction(this.dataSource, async (em) => {
      const community = await this.regions.findById(dto.communityId, em);
      if (community === null || community.level !== 'COMMUNITY') {
        throw new IdentityError(IdentityErrorCode.ROLE_ASSIGNMENT_INVALID, 'Choose the community (社区) you live in.', {
          errors: [{ field: 'communityId', message: 'must be a community' }],
        });
      }
      if (await em.existsBy(UserEntity, { username: dto.phone }))
        throw new IdentityError(IdentityErrorCode.USERNAME_TAKEN, 'This phone number is already registered.');
      const now = await dbNow(em);
      const user = em.create(UserEntity, {
        username: dto.phone,
        displayName: dto.displayName,
        phone: dto.phone,
        passwordHash: hash,
        status: 'ACTIVE',
        failedLoginCount: 0,
        lockedUntil: null,
        regionId: community.id,
        regionPath: community.path,
        organisationId: null,
        residentVerifiedAt: null,
        residentVerifiedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(UserEntity, user);
      await em.insert(UserRoleEntity, { userId: user.id, role: 'RESIDENT' });
      await this.audit.record(
        em,
        { ...SYSTEM_ACTOR, username: dto.phone, ip },
        {
          action: 'identity.resident.registered',
          entityType: 'user',
          entityId: user.id,
          regionPath: community.path,
          after: { username: user.username, displayName: user.displayName, communityId: community.id },
        },
      );
      return user.id;
    });
    return (await this.toDtos([await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id })]))[0];
  }

  async list(actor: Actor, q: ListResidentsQuery): Promise<Page<ResidentDto>> {
    const scope = regionScopeSql(actor, 'u.region_path');
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(scope.sql, scope.params)
      .andWhere("EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = 'RESIDENT')");
    if (q.verified === true) qb.andWhere('u.resident_verified_at IS NOT NULL');
    if (q.verified === false) qb.andWhere('u.resident_verified_at IS NULL');
    if (q.q) qb.andWhere('(u.display_name LIKE :q OR u.username LIKE :q)', { q: containsPattern(q.q) });
    const [rows, total] = await qb
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.toDtos(rows), total, q);
  }

  async verify(actor: Actor, id: number): Promise<ResidentDto> {
    await inTransaction(this.dataSource, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const isResident = user !== null && (await em.existsBy(UserRoleEntity, { userId: id, role: 'RESIDENT' }));
      if (!user || !isResident || !inRegionScope(actor, user.regionPath))
        throw new IdentityError(IdentityErrorCode.USER_NOT_FOUND, `Resident ${id} not found.`);
      if (user.residentVerifiedAt !== null)
        throw new IdentityError(IdentityErrorCode.ILLEGAL_TRANSITION, 'This resident is already verified.');
      const now = await dbNow(em);
      await em.update(
        UserEntity,
        { id },
        { residentVerifiedAt: now, residentVerifiedBy: actor.userId, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'identity.resident.verified',
        entityType: 'user',
        entityId: id,
        regionPath: user.regionPath,
        before: { verified: false },
        after: { verified: true },
      });
    });
    return (await this.toDtos([await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id })]))[0];
  }

  /** For other contexts: the resident's community and whether they are verified; null if not a resident. */
  async residentInfo(userId: number): Promise<ResidentInfo | null> {
    const rows: Array<{
      id: number;
      display_name: string;
      region_id: number | null;
      region_path: string | null;
      resident_verified_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.region_id, u.region_path, u.resident_verified_at FROM users u
        WHERE u.id = ? AND u.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'RESIDENT')`,
      [userId],
    );
    const r = rows[0];
    if (!r || r.region_id === null || r.region_path === null) return null;
    return {
      userId: r.id,
      displayName: r.display_name,
      communityId: r.region_id,
      communityPath: r.region_path,
      verified: r.resident_verified_at !== null,
    };
  }

  private async toDtos(users: UserEntity[]): Promise<ResidentDto[]> {
    const regions = await this.regions.findByIds(users.map((u) => u.regionId).filter((x): x is number => x !== null));
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      communityId: u.regionId as number,
      communityName: regions.get(u.regionId as number)?.name ?? null,
      verifiedAt: u.residentVerifiedAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
    }));
  }
}
