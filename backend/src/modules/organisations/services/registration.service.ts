import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { UserDto, UsersService } from '../../identity';
import { RegionsService } from '../../regions';
import { OrganisationStatus } from '../domain/organisation.state-machine';
import { OrganisationsError, OrganisationsErrorCode } from '../domain/organisations.errors';
import { isRegistrableRegionLevel, memberRoleOf } from '../domain/registry-rules';
import {
  AddMemberDto,
  MemberDto,
  OrganisationDetailDto,
  RegionOptionDto,
  RegisterOrganisationDto,
  RegistrationResultDto,
  UpdateMyOrganisationDto,
} from '../dto/organisation.dto';
import { OrganisationEntity, OrganisationServiceAreaEntity } from '../entities/organisation.entity';
import { OrganisationLifecycle } from './organisation-lifecycle.service';
import { OrganisationsService } from './organisations.service';

/** Registration data under review: editable by the organisation only until it is approved. */
const UNDER_REVIEW: readonly OrganisationStatus[] = ['PENDING_REVIEW', 'RETURNED'];

/** What an audit event keeps of an organisation's profile. */
function profile(o: OrganisationEntity, serviceRegionIds: number[]) {
  return {
    name: o.name,
    kind: o.kind,
    orgType: o.orgType,
    creditCode: o.creditCode,
    regionId: o.regionId,
    legalRepresentative: o.legalRepresentative,
    contactPhone: o.contactPhone,
    serviceRegionIds: [...serviceRegionIds].sort((a, b) => a - b),
    bankName: o.bankName,
    bankAccountName: o.bankAccountName,
    bankAccountNo: o.bankAccountNo,
    grade: o.grade,
    gradeExpiresOn: o.gradeExpiresOn,
  };
}

function memberDto(u: UserDto): MemberDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    roles: u.roles,
    status: u.status,
    createdAt: u.createdAt,
  };
}

/**
 * An organisation's own side: public registration (organisation + first member account, one
 * transaction), the member-maintained profile, resubmission after a return, and member accounts.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly lifecycle: OrganisationLifecycle,
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** The region tree for the public registration form. */
  async regionOptions(): Promise<RegionOptionDto[]> {
    return this.regions.publicTree();
  }

  /**
   * Registers an organisation (PENDING_REVIEW) and its first member account (ORG_MEMBER, or
   * EVALUATOR for an evaluation agency). The member can sign in at once and sees the review status.
   * A taken credit code or username answers 409 and writes nothing.
   */
  async register(dto: RegisterOrganisationDto, ip: string | null): Promise<RegistrationResultDto> {
    const passwordHash = await this.users.hashNewPassword(dto.username, dto.password);
    const serviceRegionIds = await this.checkServiceAreas(dto.serviceRegionIds ?? []);
    return inTransaction(this.dataSource, async (em) => {
      const region = await this.registrableRegion(em, dto.regionId);
      if (await em.existsBy(OrganisationEntity, { creditCode: dto.creditCode })) {
        throw new OrganisationsError(
          OrganisationsErrorCode.CREDIT_CODE_TAKEN,
          `An organisation with the credit code ${dto.creditCode} is already registered.`,
          {
            errors: [{ field: 'creditCode', message: 'already registered' }],
          },
        );
      }
      const now = await dbNow(em);
      const org = em.create(OrganisationEntity, {
        name: dto.name,
        kind: dto.kind,
        creditCode: dto.creditCode,
        regionId: region.id,
        createdAt: now,
        orgType: dto.orgType,
        legalRepresentative: dto.legalRepresentative,
        contactPhone: dto.contactPhone,
        grade: null,
        gradeExpiresOn: null,
        bankName: null,
        bankAccountName: null,
        bankAccountNo: null,
        status: 'PENDING_REVIEW',
        statusReason: null,
        blacklistedUntil: null,
        reviewedBy: null,
        reviewedAt: null,
        updatedAt: now,
      });
      await em.insert(OrganisationEntity, org);
      await this.replaceServiceAreas(em, org.id, serviceRegionIds);
      const actor: Actor = { ...SYSTEM_ACTOR, username: dto.username, ip };
      const member = await this.users.createOrganisationMember(em, actor, {
        organisationId: org.id,
        role: memberRoleOf(dto.kind),
        username: dto.username,
        displayName: dto.displayName,
        phone: null,
        passwordHash,
      });
      await this.audit.record(
        em,
        { ...actor, userId: member.id },
        {
          action: 'organisations.organisation.registered',
          entityType: 'organisation',
          entityId: org.id,
          regionPath: region.path,
          after: { ...profile(org, serviceRegionIds), status: org.status, firstMember: member.username },
        },
      );
      return { organisationId: org.id, status: org.status, username: member.username };
    });
  }

  /**
   * A member edits the profile: contact, service areas, bank account (every change audited). Name, type
   * and registered region change only while the registration is under review or returned. The grade is not
   * the members' to set: they propose it with its certificate (`GradeProposalsService`).
   */
  async updateMine(actor: Actor, dto: UpdateMyOrganisationDto): Promise<OrganisationDetailDto> {
    const serviceRegionIds =
      dto.serviceRegionIds === undefined ? undefined : await this.checkServiceAreas(dto.serviceRegionIds);
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadMine(actor, em, true);
      const { org } = loaded;
      const now = await dbNow(em);
      for (const field of ['name', 'orgType', 'regionId'] as const) {
        if (dto[field] !== undefined && dto[field] !== org[field] && !UNDER_REVIEW.includes(org.status)) {
          throw OrganisationsError.invalid(
            field,
            'Registration data changes only while the registration is under review or returned; ask the reviewing officer.',
          );
        }
      }
      const region =
        dto.regionId === undefined || dto.regionId === org.regionId
          ? null
          : await this.registrableRegion(em, dto.regionId);
      const areasBefore = (await em.findBy(OrganisationServiceAreaEntity, { organisationId: org.id })).map(
        (a) => a.regionId,
      );
      const before = profile(org, areasBefore);
      const patch: Partial<OrganisationEntity> = {
        name: dto.name ?? org.name,
        orgType: dto.orgType ?? org.orgType,
        regionId: region?.id ?? org.regionId,
        legalRepresentative: dto.legalRepresentative ?? org.legalRepresentative,
        contactPhone: dto.contactPhone ?? org.contactPhone,
        bankName: dto.bankName ?? org.bankName,
        bankAccountName: dto.bankAccountName ?? org.bankAccountName,
        bankAccountNo: dto.bankAccountNo ?? org.bankAccountNo,
        updatedAt: now,
      };
      await em.update(OrganisationEntity, { id: org.id }, patch);
      Object.assign(org, patch);
      if (serviceRegionIds !== undefined) await this.replaceServiceAreas(em, org.id, serviceRegionIds);
      const regionPath = region?.path ?? loaded.regionPath;
      await this.audit.record(em, actor, {
        action: 'organisations.organisation.updated',
        entityType: 'organisation',
        entityId: org.id,
        regionPath,
        before,
        after: profile(org, serviceRegionIds ?? areasBefore),
      });
    });
    return this.organisations.mine(actor);
  }

  /** After a return: the member has made the changes asked for and sends the registration back to review. */
  async resubmit(actor: Actor): Promise<OrganisationDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadMine(actor, em, true);
      await this.lifecycle.transition(em, actor, loaded, 'RESUBMIT', {}, await dbNow(em));
    });
    return this.organisations.mine(actor);
  }

  async members(actor: Actor): Promise<MemberDto[]> {
    const { org } = await this.organisations.loadMine(actor, this.dataSource.manager);
    return (await this.users.membersOf(org.id)).map(memberDto);
  }

  /** A member adds a colleague's account to their own organisation (same role as the organisation's kind calls for). */
  async addMember(actor: Actor, dto: AddMemberDto): Promise<MemberDto> {
    await this.organisations.loadMine(actor, this.dataSource.manager);
    const passwordHash = await this.users.hashNewPassword(dto.username, dto.password);
    const created = await inTransaction(this.dataSource, async (em) => {
      const { org } = await this.organisations.loadMine(actor, em, true);
      return this.users.createOrganisationMember(em, actor, {
        organisationId: org.id,
        role: memberRoleOf(org.kind),
        username: dto.username,
        displayName: dto.displayName,
        phone: dto.phone ?? null,
        passwordHash,
      });
    });
    return memberDto(created);
  }

  private async registrableRegion(em: EntityManager, regionId: number) {
    const region = await this.regions.findById(regionId, em);
    if (region === null || !isRegistrableRegionLevel(region.level)) {
      throw OrganisationsError.invalid(
        'regionId',
        'Choose the district (区) or street (街道) where the organisation is registered.',
      );
    }
    return region;
  }

  private async checkServiceAreas(ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = await this.regions.findByIds(unique);
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw OrganisationsError.invalid('serviceRegionIds', `Unknown regions: ${missing.join(', ')}.`);
    return unique;
  }

  private async replaceServiceAreas(em: EntityManager, organisationId: number, regionIds: number[]): Promise<void> {
    await em.delete(OrganisationServiceAreaEntity, { organisationId });
    if (regionIds.length > 0)
      await em.insert(
        OrganisationServiceAreaEntity,
        regionIds.map((regionId) => ({ organisationId, regionId })),
      );
  }
}
