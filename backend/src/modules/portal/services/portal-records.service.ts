import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { fenToYuan } from '../../../platform/util/money';
import { shanghaiDate } from '../../regions';
import { apportionEqually } from '../domain/apportion';
import { PortalError, PortalErrorCode } from '../domain/portal.errors';
import { PortalCommunityDto, PortalExclusionDto, PortalOrganisationDto } from '../dto/portal.dto';
import { PortalCache } from './portal-cache';
import { FUNDED_PROJECT_SQL, PUBLIC_PROJECT_SQL, regionRef, RegionRow } from './portal-scope';

const LIST_LIMIT = 100;

/** A community's page and an organisation's public record. */
@Injectable()
export class PortalRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: PortalCache,
  ) {}

  community(id: number): Promise<PortalCommunityDto> {
    return this.cache.get(`community:${id}`, () => this.readCommunity(id));
  }

  organisation(id: number): Promise<PortalOrganisationDto> {
    return this.cache.get(`organisation:${id}`, () => this.readOrganisation(id));
  }

  private async readCommunity(id: number): Promise<PortalCommunityDto> {
    const db = this.dataSource;
    const [region] = (await db.query(
      "SELECT id, name, level, path, parent_id FROM regions WHERE id = ? AND level = 'COMMUNITY'",
      [id],
    )) as RegionRow[];
    if (region === undefined) throw new PortalError(PortalErrorCode.COMMUNITY_NOT_FOUND, `Community ${id} not found.`);
    const parentIds = region.path.split('/').filter(Boolean).map(Number).slice(0, -1);
    const parents = parentIds.length
      ? ((await db.query(
          `SELECT id, name, level FROM regions WHERE id IN (${parentIds.map(() => '?').join(',')}) ORDER BY path`,
          parentIds,
        )) as Array<{ id: number; name: string; level: string }>)
      : [];

    const [counts] = (await db.query(
      `SELECT COUNT(*) AS raised,
              COALESCE(SUM(EXISTS (SELECT 1 FROM project_needs pn JOIN projects p ON p.id = pn.project_id
                                    WHERE pn.need_id = n.id AND ${FUNDED_PROJECT_SQL})), 0) AS funded
         FROM needs n WHERE n.region_id = ? AND n.status <> 'MERGED'`,
      [id],
    )) as Array<{ raised: string | number; funded: string | number }>;
    const needs = (await db.query(
      `SELECT n.id, n.title, n.status, n.support_count, n.created_at,
              (SELECT MIN(p.id) FROM project_needs pn JOIN projects p ON p.id = pn.project_id
                WHERE pn.need_id = n.id AND ${PUBLIC_PROJECT_SQL}) AS project_id
         FROM needs n WHERE n.region_id = ? AND n.status <> 'MERGED' ORDER BY n.id DESC LIMIT ${LIST_LIMIT}`,
      [id],
    )) as Array<{
      id: number;
      title: string;
      status: string;
      support_count: number;
      created_at: Date;
      project_id: number | null;
    }>;

    // the public projects answering a need of this community, each with all its needs (for the equal parts) and what
    // its published contract paid
    const links = (await db.query(
      `SELECT p.id AS project_id, p.title, p.status, pn.need_id, n.region_id AS community_id,
              (SELECT COALESCE(SUM(pr.amount_fen), 0) FROM payment_requests pr JOIN contracts c ON c.id = pr.contract_id
                WHERE c.project_id = p.id AND c.published_at IS NOT NULL AND pr.status = 'PAID') AS paid_fen
         FROM projects p JOIN project_needs pn ON pn.project_id = p.id JOIN needs n ON n.id = pn.need_id
        WHERE ${PUBLIC_PROJECT_SQL} AND p.id IN (SELECT pn2.project_id FROM project_needs pn2 JOIN needs n2 ON n2.id = pn2.need_id
                                                   WHERE n2.region_id = ?)
        ORDER BY p.id DESC, pn.need_id`,
      [id],
    )) as Array<{
      project_id: number;
      title: string;
      status: string;
      need_id: number;
      community_id: number;
      paid_fen: string | number;
    }>;
    const projects = new Map<
      number,
      { title: string; status: string; paidFen: bigint; needs: Array<{ needId: number; communityId: number }> }
    >();
    for (const l of links) {
      const p = projects.get(l.project_id) ?? {
        title: l.title,
        status: l.status,
        paidFen: BigInt(l.paid_fen),
        needs: [],
      };
      p.needs.push({ needId: l.need_id, communityId: l.community_id });
      projects.set(l.project_id, p);
    }
    let spent = 0n;
    const projectDtos = [...projects.entries()].map(([projectId, p]) => {
      const parts = apportionEqually(
        p.paidFen,
        p.needs.map((n) => n.needId),
      );
      const here = p.needs.filter((n) => n.communityId === id);
      const spentHere = here.reduce((s, n) => s + (parts.get(n.needId) ?? 0n), 0n);
      spent += spentHere;
      return {
        id: projectId,
        title: p.title,
        stage: p.status,
        needsHere: here.length,
        needsTotal: p.needs.length,
        paid: fenToYuan(p.paidFen),
        spentHere: fenToYuan(spentHere),
      };
    });
    return {
      id: region.id,
      name: region.name,
      parents: parents.map(regionRef),
      needsRaised: Number(counts.raised),
      needsFunded: Number(counts.funded),
      spent: fenToYuan(spent),
      needs: needs.map((n) => ({
        id: n.id,
        title: n.title,
        status: n.status,
        supportCount: Number(n.support_count),
        raisedAt: n.created_at.toISOString(),
        projectId: n.project_id,
      })),
      projects: projectDtos,
    };
  }

  private async readOrganisation(id: number): Promise<PortalOrganisationDto> {
    const db = this.dataSource;
    const [o] = (await db.query(
      `SELECT o.id, o.name, o.kind, o.status, o.grade, DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS grade_expires_on,
              r.id AS region_id, r.name AS region_name, r.level AS region_level
         FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.id = ? AND o.status IN ('ACTIVE', 'SUSPENDED', 'BLACKLISTED')`,
      [id],
    )) as Array<{
      id: number;
      name: string;
      kind: string;
      status: string;
      grade: number | null;
      grade_expires_on: string | null;
      region_id: number;
      region_name: string;
      region_level: string;
    }>;
    if (o === undefined) throw new PortalError(PortalErrorCode.ORGANISATION_NOT_FOUND, `Organisation ${id} not found.`);
    const today = shanghaiDate(new Date());

    const contracts = (await db.query(
      `SELECT code, title, project_id, amount_fen + changes_fen AS amount_fen, status, signed_at FROM contracts
        WHERE organisation_id = ? AND published_at IS NOT NULL ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [id],
    )) as Array<{
      code: string;
      title: string;
      project_id: number;
      amount_fen: string | number;
      status: string;
      signed_at: Date | null;
    }>;
    const [{ total }] = (await db.query(
      'SELECT COALESCE(SUM(amount_fen + changes_fen), 0) AS total FROM contracts WHERE organisation_id = ? AND published_at IS NOT NULL',
      [id],
    )) as Array<{ total: string | number }>;
    const evaluations = (await db.query(
      `SELECT code, kind, title, year, score, grade, published_at FROM organisation_evaluation_results
        WHERE organisation_id = ? ORDER BY published_at DESC, id DESC LIMIT ${LIST_LIMIT}`,
      [id],
    )) as Array<{
      code: string;
      kind: string;
      title: string;
      year: number;
      score: string;
      grade: string;
      published_at: Date;
    }>;
    const records = (await db.query(
      `SELECT kind, params, created_at FROM organisation_records
        WHERE organisation_id = ? AND kind IN ('BLACKLIST', 'SUSPENSION', 'REINSTATEMENT') ORDER BY created_at, id`,
      [id],
    )) as Array<{ kind: string; params: string | null; created_at: Date }>;
    const bars = (await db.query(
      `SELECT b.starts_at, DATE_FORMAT(b.until_date, '%Y-%m-%d') AS until_date, b.source_code, b.score, r.name AS region_name
         FROM organisation_bars b JOIN regions r ON r.id = b.region_id WHERE b.organisation_id = ? ORDER BY b.starts_at, b.id`,
      [id],
    )) as Array<{ starts_at: Date; until_date: string; source_code: string; score: string; region_name: string }>;

    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      region: { id: o.region_id, name: o.region_name, level: o.region_level },
      status: o.status,
      grade:
        o.grade === null || o.grade_expires_on === null
          ? null
          : { level: Number(o.grade), expiresOn: o.grade_expires_on, valid: o.grade_expires_on >= today },
      contractsTotal: fenToYuan(total),
      contracts: contracts.map((c) => ({
        code: c.code,
        title: c.title,
        projectId: c.project_id,
        amount: fenToYuan(c.amount_fen),
        status: c.status,
        signedAt: c.signed_at?.toISOString() ?? null,
      })),
      evaluations: evaluations.map((e) => ({
        code: e.code,
        kind: e.kind,
        title: e.title,
        year: Number(e.year),
        score: String(e.score),
        grade: e.grade,
        publishedAt: e.published_at.toISOString(),
      })),
      exclusions: [...exclusionsOf(records, o.status, today), ...bars.map((b) => barOf(b, today))],
    };
  }
}

function barOf(
  b: { starts_at: Date; until_date: string; source_code: string; score: string; region_name: string },
  today: string,
): PortalExclusionDto {
  return {
    kind: 'BAR',
    from: shanghaiDate(b.starts_at),
    until: b.until_date,
    inForce: b.until_date >= today && shanghaiDate(b.starts_at) <= today,
    regionName: b.region_name,
    evaluationCode: b.source_code,
    score: String(b.score),
  };
}

/**
 * Blacklistings and suspensions from the append-only record: a blacklisting lasts to the last day it was given; a
 * suspension to the next reinstatement. No reasons are published (officers' free text): the kind and the dates.
 */
export function exclusionsOf(
  records: ReadonlyArray<{ kind: string; params: string | null; created_at: Date }>,
  status: string,
  today: string,
): PortalExclusionDto[] {
  const out: PortalExclusionDto[] = [];
  let openSuspension: PortalExclusionDto | null = null;
  for (const r of records) {
    const day = shanghaiDate(r.created_at);
    if (r.kind === 'SUSPENSION') {
      openSuspension = {
        kind: 'SUSPENSION',
        from: day,
        until: null,
        inForce: false,
        regionName: null,
        evaluationCode: null,
        score: null,
      };
      out.push(openSuspension);
    } else if (r.kind === 'REINSTATEMENT') {
      if (openSuspension !== null) openSuspension.until = day;
      openSuspension = null;
    } else if (r.kind === 'BLACKLIST') {
      if (openSuspension !== null) openSuspension.until = day; // a suspended organisation blacklisted
      openSuspension = null;
      let lastDay: string | null = null;
      try {
        const p = JSON.parse(r.params ?? '{}') as { lastDay?: unknown };
        lastDay = typeof p.lastDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.lastDay) ? p.lastDay : null;
      } catch {
        lastDay = null;
      }
      out.push({
        kind: 'BLACKLIST',
        from: day,
        until: lastDay,
        inForce: status === 'BLACKLISTED' && (lastDay === null || lastDay >= today),
        regionName: null,
        evaluationCode: null,
        score: null,
      });
    }
  }
  if (openSuspension !== null) openSuspension.inForce = status === 'SUSPENDED';
  return out;
}
