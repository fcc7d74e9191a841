import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { Actor, hasPermission, inRegionScope, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { Page, pageOf } from '../../../platform/http/pagination';
import { DEFAULT_LOCALE, Locale, Message, parseParams, renderMessage } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import { PeopleDirectory, UserPreferences } from '../../identity';
import { RegionsService, shanghaiDate } from '../../regions';
import { gradeValid } from '../domain/grade';
import { GradeProposalAction } from '../domain/grade-proposal';
import { availableActions, OrganisationAction, OrganisationStatus } from '../domain/organisation.state-machine';
import { OrganisationsError } from '../domain/organisations.errors';
import { OrganisationKind, RECORD_KINDS, RecordKind } from '../domain/registry-rules';
import {
  ListOrganisationsQuery,
  OrganisationDetailDto,
  OrganisationDto,
  RecordDto,
  RecordQuery,
} from '../dto/organisation.dto';
import {
  OrganisationEntity,
  OrganisationGradeProposalEntity,
  OrganisationRecordEntity,
  OrganisationServiceAreaEntity,
} from '../entities/organisation.entity';
import { gradeProposalDtos } from './grade-proposal-view';
import { barsInForce, OrganisationBarFact } from './organisation-bars.query';

/** What procurement (and later contracts, evaluation) needs to decide whether an organisation may take part. */
export interface OrganisationEligibility {
  id: number;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  /**
   * 1..5 = 1A..5A: the DECIDED grade — set only by an officer's approval of a proposal with its certificate,
   * or by the system (seed, data present before) — never a member's own claim (proposals live apart, in
   * `organisation_grade_proposals`, and a trigger refuses a grade change without a decision). Check
   * `gradeExpiresOn` for its validity.
   */
  grade: number | null;
  /** Last valid day of the grade, YYYY-MM-DD (Asia/Shanghai); null when none is recorded. */
  gradeExpiresOn: string | null;
  regionId: number;
  /** Materialised path of the registered region, e.g. `/1/12/`. */
  regionPath: string;
  /** Materialised paths of the service areas. */
  serviceRegionPaths: string[];
  blacklistedUntil: Date | null;
  /** Bars from bidding in force (a failed evaluation bars the organisation in that district for a while). */
  bars: OrganisationBarFact[];
}

/** One line to append to an organisation's performance record (procurement: awards; contracts; evaluation: grades). */
export interface OrganisationRecordInput {
  organisationId: number;
  kind: RecordKind;
  /** What happened, as a template of the catalogue (platform/i18n/messages) and its parameters. */
  message: Message;
  referenceType?: string | null;
  referenceId?: string | number | null;
  /** e.g. 优秀 / 良好 / 合格 / 不合格 for an evaluation. */
  gradeLabel?: string | null;
  /** Integer fen (a contract or award amount). */
  amountFen?: bigint | number | string | null;
}

/** An organisation row with its registered region's path (read from the regions context). */
export interface LoadedOrganisation {
  org: OrganisationEntity;
  regionPath: string;
}

/**
 * Reading the registry, and the public API other contexts use: `findById`, `eligibility`,
 * `appendRecord`. Visibility: staff read organisations registered in their region subtree plus
 * every ACTIVE one; review actions need the subtree; members see only their own organisation.
 * Anything else answers 404, exactly as a missing organisation.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly preferences: UserPreferences,
    private readonly people: PeopleDirectory,
  ) {}

  // ---- public API for other contexts

  /** An organisation by id, or null (no scope check: for resolving references). */
  async findById(id: number, em: EntityManager = this.dataSource.manager): Promise<OrganisationDto | null> {
    const o = await em.findOneBy(OrganisationEntity, { id });
    if (o === null) return null;
    return (await this.toDtos([o], shanghaiDate(await dbNow(em))))[0];
  }

  /** Names of active organisations matching `q` (name or credit-code prefix) — public registry facts, for pickers. */
  async searchActive(q: string, limit = 20): Promise<Array<{ id: number; name: string; kind: OrganisationKind }>> {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = (await this.dataSource.query(
      "SELECT id, name, kind FROM organisations WHERE status = 'ACTIVE' AND (name LIKE ? OR credit_code LIKE ?) ORDER BY name LIMIT ?",
      [`%${like}%`, `${like.toUpperCase()}%`, limit],
    )) as Array<{ id: number; name: string; kind: OrganisationKind }>;
    return rows;
  }

  /** Eligibility facts of the given organisations, read inside the caller's transaction; missing ids are absent from the map. */
  async eligibility(em: EntityManager, ids: number[]): Promise<Map<number, OrganisationEligibility>> {
    const out = new Map<number, OrganisationEligibility>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    const marks = unique.map(() => '?').join(',');
    const rows: Array<{
      id: number;
      name: string;
      kind: OrganisationKind;
      status: OrganisationStatus;
      grade: number | null;
      grade_expires_on: string | null;
      region_id: number;
      region_path: string;
      blacklisted_until: Date | null;
    }> = await em.query(
      `SELECT o.id, o.name, o.kind, o.status, o.grade, DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS grade_expires_on,
              o.region_id, r.path AS region_path, o.blacklisted_until
         FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.id IN (${marks})`,
      unique,
    );
    const areas: Array<{ organisation_id: number; path: string }> = await em.query(
      `SELECT sa.organisation_id, r.path FROM organisation_service_areas sa JOIN regions r ON r.id = sa.region_id
        WHERE sa.organisation_id IN (${marks}) ORDER BY r.path`,
      unique,
    );
    const bars = await barsInForce(em, unique);
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        name: r.name,
        kind: r.kind,
        status: r.status,
        grade: r.grade === null ? null : Number(r.grade),
        gradeExpiresOn: r.grade_expires_on,
        regionId: r.region_id,
        regionPath: r.region_path,
        serviceRegionPaths: areas.filter((a) => a.organisation_id === r.id).map((a) => a.path),
        blacklistedUntil: r.blacklisted_until,
        bars: bars.get(r.id) ?? [],
      });
    }
    return out;
  }

  /** Appends one line to the performance record inside the caller's transaction (the record is append-only). */
  async appendRecord(em: EntityManager, input: OrganisationRecordInput, now: Date): Promise<RecordDto> {
    if (!(RECORD_KINDS as readonly string[]).includes(input.kind))
      throw OrganisationsError.invalid('kind', `Unknown record kind ${input.kind}.`);
    if (!(await em.existsBy(OrganisationEntity, { id: input.organisationId })))
      throw OrganisationsError.notFound(input.organisationId);
    const amount = input.amountFen === undefined || input.amountFen === null ? null : BigInt(input.amountFen);
    if (amount !== null && amount < 0n)
      throw OrganisationsError.invalid('amountFen', 'An amount on the record is never negative.');
    const row = em.create(OrganisationRecordEntity, {
      organisationId: input.organisationId,
      kind: input.kind,
      template: input.message.template,
      params: JSON.stringify(input.message.params),
      summary: null,
      referenceType: input.referenceType ?? null,
      referenceId: input.referenceId === undefined || input.referenceId === null ? null : String(input.referenceId),
      gradeLabel: input.gradeLabel ?? null,
      amountFen: amount === null ? null : amount.toString(),
      createdAt: now,
    });
    await em.insert(OrganisationRecordEntity, row);
    return recordDto(row, DEFAULT_LOCALE);
  }

  // ---- reading (HTTP)

  async list(actor: Actor, q: ListOrganisationsQuery): Promise<Page<OrganisationDto>> {
    const scope = regionScopeSql(actor, 'r.path');
    const qb = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(
        new Brackets((w) => {
          w.where(`EXISTS (SELECT 1 FROM regions r WHERE r.id = o.region_id AND ${scope.sql})`, scope.params).orWhere(
            "o.status = 'ACTIVE'",
          );
        }),
      );
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.pendingGradeProposal === 'true')
      qb.andWhere(
        "EXISTS (SELECT 1 FROM organisation_grade_proposals gp WHERE gp.organisation_id = o.id AND gp.status = 'PENDING')",
      );
    if (q.q) {
      const like = q.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('(o.name LIKE :nameLike OR o.credit_code LIKE :codeLike)', {
        nameLike: `%${like}%`,
        codeLike: `${like.toUpperCase()}%`,
      });
    }
    if (q.sort === '-createdAt') qb.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC');
    else qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.toDtos(rows, shanghaiDate(await dbNow(this.dataSource.manager))), total, q);
  }

  async get(actor: Actor, id: number): Promise<OrganisationDetailDto> {
    const loaded = await this.loadReadable(actor, id, this.dataSource.manager);
    return this.detail(actor, loaded);
  }

  /** The caller's own organisation (members); 404 for an account without one. */
  async mine(actor: Actor): Promise<OrganisationDetailDto> {
    return this.detail(actor, await this.loadMine(actor, this.dataSource.manager));
  }

  async record(actor: Actor, id: number, q: RecordQuery, acceptLanguage?: string): Promise<Page<RecordDto>> {
    await this.loadReadable(actor, id, this.dataSource.manager);
    return this.recordOf(id, q, await this.preferences.readerLocale(actor, acceptLanguage));
  }

  async myRecord(actor: Actor, q: RecordQuery, acceptLanguage?: string): Promise<Page<RecordDto>> {
    const { org } = await this.loadMine(actor, this.dataSource.manager);
    return this.recordOf(org.id, q, await this.preferences.readerLocale(actor, acceptLanguage));
  }

  // ---- loading with access checks (used by the other services of this context)

  async load(em: EntityManager, id: number, lock = false): Promise<LoadedOrganisation | null> {
    const org = await em.findOne(OrganisationEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (org === null) return null;
    const region = await this.regions.findById(org.regionId, em);
    return { org, regionPath: region?.path ?? '' };
  }

  /** Staff reading: in the region subtree, or ACTIVE. */
  async loadReadable(actor: Actor, id: number, em: EntityManager): Promise<LoadedOrganisation> {
    const loaded = await this.load(em, id);
    if (loaded === null || !(inRegionScope(actor, loaded.regionPath) || loaded.org.status === 'ACTIVE'))
      throw OrganisationsError.notFound(id);
    return loaded;
  }

  /** Officers' decisions: in the region subtree only; the row is locked. */
  async loadReviewable(actor: Actor, id: number, em: EntityManager): Promise<LoadedOrganisation> {
    const loaded = await this.load(em, id, true);
    if (loaded === null || !inRegionScope(actor, loaded.regionPath)) throw OrganisationsError.notFound(id);
    return loaded;
  }

  /** Members: their own organisation only. */
  async loadMine(actor: Actor, em: EntityManager, lock = false): Promise<LoadedOrganisation> {
    const loaded = actor.organisationId === null ? null : await this.load(em, actor.organisationId, lock);
    if (loaded === null) throw OrganisationsError.notFound(actor.organisationId ?? 'of this account');
    return loaded;
  }

  async detail(actor: Actor, { org, regionPath }: LoadedOrganisation): Promise<OrganisationDetailDto> {
    const today = shanghaiDate(await dbNow(this.dataSource.manager));
    const [base] = await this.toDtos([org], today);
    const areaIds = (
      await this.dataSource.getRepository(OrganisationServiceAreaEntity).findBy({ organisationId: org.id })
    ).map((a) => a.regionId);
    const areaRegions = await this.regions.findByIds(areaIds);
    const actions: OrganisationAction[] = [];
    if (hasPermission(actor.roles, PERMISSIONS.ORGANISATIONS_REVIEW) && inRegionScope(actor, regionPath)) {
      actions.push(...availableActions(org.status, PERMISSIONS.ORGANISATIONS_REVIEW));
    }
    const isMember = actor.organisationId === org.id && hasPermission(actor.roles, PERMISSIONS.ORGANISATIONS_SELF);
    if (isMember) {
      actions.push(...availableActions(org.status, PERMISSIONS.ORGANISATIONS_SELF));
    }
    const em = this.dataSource.manager;
    const pendingRow = await em.findOneBy(OrganisationGradeProposalEntity, {
      organisationId: org.id,
      status: 'PENDING',
    });
    const [pending] = pendingRow === null ? [null] : await gradeProposalDtos(em, this.people, [pendingRow]);
    const gradeProposalActions: GradeProposalAction[] = [];
    if (
      pending !== null &&
      hasPermission(actor.roles, PERMISSIONS.ORGANISATIONS_REVIEW) &&
      inRegionScope(actor, regionPath)
    )
      gradeProposalActions.push(...(pending.documentId === null ? [] : (['APPROVE'] as const)), 'REJECT');
    if (pending !== null && isMember) gradeProposalActions.push('WITHDRAW');
    const decidedBy =
      org.gradeDecidedBy === null
        ? null
        : ((await this.people.displayNames([org.gradeDecidedBy])).get(org.gradeDecidedBy) ?? null);
    return {
      ...base,
      legalRepresentative: org.legalRepresentative,
      contactPhone: org.contactPhone,
      serviceAreas: areaIds
        .map((id) => areaRegions.get(id))
        .filter((r) => r !== undefined)
        .map((r) => ({ id: r.id, name: r.name, level: r.level }))
        .sort((a, b) => a.id - b.id),
      bankName: org.bankName,
      bankAccountName: org.bankAccountName,
      bankAccountNo: org.bankAccountNo,
      statusReason: org.statusReason,
      reviewedAt: org.reviewedAt?.toISOString() ?? null,
      updatedAt: org.updatedAt?.toISOString() ?? null,
      actions,
      gradeDecidedAt: org.gradeDecidedAt?.toISOString() ?? null,
      gradeDecidedByName: decidedBy,
      gradeDocumentId: org.gradeDocumentId,
      pendingGradeProposal: pending,
      gradeProposalActions,
      canProposeGrade: isMember && pending === null,
    };
  }

  private async recordOf(organisationId: number, q: RecordQuery, locale: Locale): Promise<Page<RecordDto>> {
    const [rows, total] = await this.dataSource.getRepository(OrganisationRecordEntity).findAndCount({
      where: { organisationId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(
      rows.map((r) => recordDto(r, locale)),
      total,
      q,
    );
  }

  private async toDtos(rows: OrganisationEntity[], today: string): Promise<OrganisationDto[]> {
    if (rows.length === 0) return [];
    const regions = await this.regions.findByIds(rows.map((o) => o.regionId));
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      orgType: o.orgType,
      creditCode: o.creditCode,
      regionId: o.regionId,
      regionName: regions.get(o.regionId)?.name ?? null,
      status: o.status,
      grade: o.grade,
      gradeExpiresOn: o.gradeExpiresOn,
      gradeValid: gradeValid(o.grade, o.gradeExpiresOn, today),
      blacklistedUntil: o.blacklistedUntil?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
    }));
  }
}

/** A record line for a reader: its template rendered in their language (an older line: its stored text). */
export function recordDto(r: OrganisationRecordEntity, locale: Locale): RecordDto {
  return {
    id: r.id,
    kind: r.kind,
    summary: r.template === null ? (r.summary ?? '') : renderMessage(r.template, parseParams(r.params), locale).title,
    referenceType: r.referenceType,
    referenceId: r.referenceId,
    gradeLabel: r.gradeLabel,
    amount: r.amountFen === null ? null : fenToYuan(r.amountFen),
    createdAt: r.createdAt.toISOString(),
  };
}
