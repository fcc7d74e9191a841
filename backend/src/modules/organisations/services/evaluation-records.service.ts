import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { Actor } from '../../../platform/access';
import { AuditService } from '../../audit';
import { endOfDayShanghai, RegionsService, shanghaiDate } from '../../regions';
import { addMonths, districtPathOf } from '../domain/evaluation-bars';
import { OrganisationsError } from '../domain/organisations.errors';
import { OrganisationEvaluationResultEntity } from '../entities/evaluation-results.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { barsInForce, OrganisationBarFact } from './organisation-bars.query';
import { OrganisationsService } from './organisations.service';

/** The grades of an evaluation, as the registry writes them on the record (优秀 / 良好 / 合格 / 不合格). */
export const EVALUATION_GRADE_LABELS: Readonly<Record<string, string>> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  PASS: '合格',
  FAIL: '不合格',
};

/** A published evaluation result, entered on the organisation's record (the record's EVALUATION kind). */
export interface EvaluationResultEntry {
  organisationId: number;
  /** The evaluation task the result comes from. */
  source: { type: 'evaluation_task'; id: number };
  code: string;
  kind: 'FINAL' | 'MID_TERM';
  /** The evaluated project's title. */
  title: string;
  /** As shown: 2 places ("84.16"). */
  score: string;
  grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
  /** The evaluated contract's region. */
  regionId: number;
  regionPath: string;
}

/** A bar from bidding in the district of `regionPath` for `months` months after a failed evaluation. */
export interface EvaluationBarInput {
  organisationId: number;
  source: { type: 'evaluation_task'; id: number };
  code: string;
  score: string;
  grade: string;
  /** The evaluated contract's region: the bar covers its district's subtree. */
  regionPath: string;
  months: number;
}

/** One past grade beside a bid (what a committee sees). */
export interface PastEvaluationGrade {
  code: string;
  kind: string;
  title: string;
  year: number;
  score: string;
  grade: string;
  publishedAt: string;
}

/**
 * The registry's side of a published evaluation (issue #11 item 5): the result on the organisation's record and in
 * its list of grades, and — for a failed one — the bar from bidding in the evaluated district. Called by the
 * evaluation context inside its publication transaction; each entry is written once per evaluation task.
 */
@Injectable()
export class OrganisationEvaluationRecords {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** Enters a published result (once per source: a repeat changes nothing and answers false). */
  async recordResult(em: EntityManager, entry: EvaluationResultEntry, now: Date): Promise<boolean> {
    if (!(await em.existsBy(OrganisationEntity, { id: entry.organisationId })))
      throw OrganisationsError.notFound(entry.organisationId);
    const res = (await em.query(
      `INSERT IGNORE INTO organisation_evaluation_results
         (organisation_id, source_type, source_id, code, kind, title, year, score, grade, region_id, region_path, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.organisationId,
        entry.source.type,
        entry.source.id,
        entry.code,
        entry.kind,
        entry.title.slice(0, 128),
        Number(shanghaiDate(now).slice(0, 4)),
        entry.score,
        entry.grade,
        entry.regionId,
        entry.regionPath,
        now,
      ],
    )) as { affectedRows: number };
    if (res.affectedRows === 0) return false;
    await this.organisations.appendRecord(
      em,
      {
        organisationId: entry.organisationId,
        kind: 'EVALUATION',
        message: {
          template: 'organisations.record.evaluation_result',
          params: { code: entry.code, title: entry.title, score: entry.score, grade: entry.grade },
        },
        referenceType: entry.source.type,
        referenceId: entry.source.id,
        gradeLabel: EVALUATION_GRADE_LABELS[entry.grade] ?? entry.grade,
      },
      now,
    );
    return true;
  }

  /**
   * Bars the organisation from bidding in the district of the evaluated region for `months` months from `now`
   * (to 24:00 Beijing time of the same day then), on its record and in the audit trail. Once per source.
   */
  async bar(
    em: EntityManager,
    actor: Actor,
    input: EvaluationBarInput,
    now: Date,
  ): Promise<OrganisationBarFact | null> {
    const ids = input.regionPath
      .split('/')
      .filter((s) => s.length > 0)
      .map(Number);
    const regions = await this.regions.findByIds(ids);
    const path = districtPathOf(input.regionPath, (id) => regions.get(id)?.level);
    const regionId = Number(
      path
        .split('/')
        .filter((s) => s.length > 0)
        .pop(),
    );
    const region = regions.get(regionId);
    const untilDate = addMonths(shanghaiDate(now), input.months);
    const endsAt = endOfDayShanghai(untilDate);
    const res = (await em.query(
      `INSERT IGNORE INTO organisation_bars (organisation_id, region_id, region_path, reason, source_type, source_id,
         source_code, score, grade, starts_at, until_date, ends_at, created_at)
       VALUES (?, ?, ?, 'EVALUATION_FAIL', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.organisationId,
        regionId,
        path,
        input.source.type,
        input.source.id,
        input.code,
        input.score,
        input.grade,
        now,
        untilDate,
        endsAt,
        now,
      ],
    )) as { affectedRows: number; insertId: number };
    if (res.affectedRows === 0) return null;
    const regionName = region?.name ?? '';
    await this.organisations.appendRecord(
      em,
      {
        organisationId: input.organisationId,
        kind: 'BAR',
        message: {
          template: 'organisations.record.barred',
          params: { code: input.code, score: input.score, regionName, untilDate },
        },
        referenceType: input.source.type,
        referenceId: input.source.id,
        gradeLabel: EVALUATION_GRADE_LABELS[input.grade] ?? input.grade,
      },
      now,
    );
    await this.audit.record(em, actor, {
      action: 'organisations.bar.imposed',
      entityType: 'organisation_bar',
      entityId: res.insertId,
      regionPath: path,
      after: {
        organisationId: input.organisationId,
        reason: 'EVALUATION_FAIL',
        source: `${input.source.type}/${input.source.id}`,
        code: input.code,
        score: input.score,
        grade: input.grade,
        regionId,
        untilDate,
        endsAt: endsAt.toISOString(),
      },
    });
    return {
      regionPath: path,
      regionName,
      code: input.code,
      score: input.score,
      grade: input.grade,
      untilDate,
      endsAt,
    };
  }

  /** The published grades of each organisation, newest first (at most `limit` each). */
  async pastGrades(
    em: EntityManager,
    organisationIds: number[],
    limit = 10,
  ): Promise<Map<number, PastEvaluationGrade[]>> {
    const out = new Map<number, PastEvaluationGrade[]>();
    const unique = [...new Set(organisationIds)];
    if (unique.length === 0) return out;
    const rows = await em.find(OrganisationEvaluationResultEntity, {
      where: { organisationId: In(unique) },
      order: { publishedAt: 'DESC', id: 'DESC' },
    });
    for (const r of rows) {
      const list = out.get(r.organisationId) ?? [];
      if (list.length >= limit) continue;
      list.push({
        code: r.code,
        kind: r.kind,
        title: r.title,
        year: r.year,
        score: r.score,
        grade: r.grade,
        publishedAt: r.publishedAt.toISOString(),
      });
      out.set(r.organisationId, list);
    }
    return out;
  }

  /** The bars of an organisation in force now (database clock), for its own page and the officers'. */
  async barsInForce(em: EntityManager, organisationId: number): Promise<OrganisationBarFact[]> {
    return (await barsInForce(em, [organisationId])).get(organisationId) ?? [];
  }
}
