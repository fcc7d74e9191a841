import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, hasPermission, inRegionScope, PERMISSIONS } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { RegionsService, shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import {
  applicableCutoff,
  CUTOFF_REGION_LEVELS,
  CutoffLines,
  cutoffProblems,
  CutoffRow,
  pathIds,
} from '../domain/grade-cutoffs';
import { CutoffDto, CutoffsOverviewDto, RegionCutoffsDto, SetCutoffsDto } from '../dto/grading.dto';
import { GradeCutoffEntity } from '../entities/grading.entities';

/** A row of grade_cutoffs with its region's path and name (read from the regions context). */
export interface CutoffView extends CutoffRow {
  regionName: string;
  note: string | null;
  decidedBy: number | null;
  decidedAt: Date;
}

/** "900.00" → "900", "899.50" → "899.5": lines as officers write them. */
function plain(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

/**
 * 等级分数线 (issue #11 item 6): which lines grade an organisation (the nearest region's, in force that day), the
 * officers' overview of the lines that apply in and above their region, and setting a region's lines — always a new
 * row effective from a day (today or later), audited, never an edit: the lines past assessments were graded by stay.
 */
@Injectable()
export class GradeCutoffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly people: PeopleDirectory,
  ) {}

  /** The lines that apply on `today` to an organisation registered at `orgRegionPath`, or null when none do. */
  async applicable(em: EntityManager, orgRegionPath: string, today: string): Promise<CutoffView | null> {
    return applicableCutoff(await this.rowsOf(em, pathIds(orgRegionPath)), orgRegionPath, today);
  }

  /** One row (the lines an assessment was graded by). */
  async byId(em: EntityManager, id: number): Promise<CutoffView | null> {
    const row = await em.findOneBy(GradeCutoffEntity, { id });
    return row === null ? null : ((await this.views([row]))[0] ?? null);
  }

  async overview(actor: Actor): Promise<CutoffsOverviewDto> {
    const em = this.dataSource.manager;
    const today = shanghaiDate(await dbNow(em));
    if (actor.regionPath === null || actor.regionId === null) return { today, regions: [] };
    const above = pathIds(actor.regionPath);
    const regions = [
      ...(await this.regions.findByIds(above)).values(),
      ...(await this.regions.subtree(actor, actor.regionId)),
    ].filter(
      (r, i, all) =>
        (CUTOFF_REGION_LEVELS as readonly string[]).includes(r.level) && all.findIndex((x) => x.id === r.id) === i,
    );
    regions.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
    const rows = await this.rowsOf(em, [...new Set([...above, ...regions.map((r) => r.id)])]);
    const names = await this.decidedByNames(rows);
    const mayEdit = hasPermission(actor.roles, PERMISSIONS.EVALUATION_MANAGE);
    return {
      today,
      regions: regions.map((r): RegionCutoffsDto => {
        const applies = applicableCutoff(rows, r.path, today);
        return {
          regionId: r.id,
          regionName: r.name,
          level: r.level,
          editable: mayEdit && inRegionScope(actor, r.path),
          applies: applies === null ? null : cutoffDto(applies, names),
          own: applies?.regionId === r.id,
          history: rows
            .filter((c) => c.regionId === r.id)
            .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.id - a.id)
            .map((c) => cutoffDto(c, names)),
        };
      }),
    };
  }

  /** Sets a region's lines from a day on: a new row (the previous ones stay, for the record). */
  async set(actor: Actor, dto: SetCutoffsDto): Promise<CutoffDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const region = await this.regions.getInScope(actor, dto.regionId, em);
      if (!(CUTOFF_REGION_LEVELS as readonly string[]).includes(region.level))
        throw invalid('regionId', 'Grade lines are drawn by the civil-affairs bureau of a city or a district.');
      const lines: CutoffLines = { min1: dto.min1, min2: dto.min2, min3: dto.min3, min4: dto.min4, min5: dto.min5 };
      const problems = cutoffProblems(lines);
      if (problems.length > 0)
        throw new EvaluationError(EvaluationErrorCode.GRADE_CUTOFF_INVALID, problems[0].message, {
          errors: problems.map((p) => ({ field: p.field, message: p.message })),
        });
      const now = await dbNow(em);
      const today = shanghaiDate(now);
      if (dto.effectiveFrom < today)
        throw invalid(
          'effectiveFrom',
          `Lines apply from today (${today}) or a later day: past assessments keep theirs.`,
        );
      const replaced = await this.applicable(em, region.path, dto.effectiveFrom);
      const row = em.create(GradeCutoffEntity, {
        regionId: region.id,
        ...lines,
        effectiveFrom: dto.effectiveFrom,
        note: dto.note || null,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await em.insert(GradeCutoffEntity, row);
      await this.audit.record(em, actor, {
        action: 'evaluation.grade_cutoff.set',
        entityType: 'grade_cutoff',
        entityId: row.id,
        regionPath: region.path,
        before:
          replaced === null
            ? null
            : {
                cutoffId: replaced.id,
                regionId: replaced.regionId,
                regionName: replaced.regionName,
                ...linesOf(replaced),
              },
        after: {
          regionId: region.id,
          regionName: region.name,
          ...lines,
          effectiveFrom: dto.effectiveFrom,
          ...(row.note ? { note: row.note } : {}),
        },
      });
      return row.id;
    });
    const view = await this.byId(this.dataSource.manager, id);
    return cutoffDto(view as CutoffView, await this.decidedByNames([view as CutoffView]));
  }

  async decidedByNames(rows: readonly CutoffView[]): Promise<Map<number, string>> {
    return this.people.displayNames([...new Set(rows.map((r) => r.decidedBy).filter((x): x is number => x !== null))]);
  }

  private async rowsOf(em: EntityManager, regionIds: number[]): Promise<CutoffView[]> {
    if (regionIds.length === 0) return [];
    return this.views(await em.find(GradeCutoffEntity, { where: { regionId: In(regionIds) } }));
  }

  private async views(rows: GradeCutoffEntity[]): Promise<CutoffView[]> {
    const regions = await this.regions.findByIds(rows.map((r) => r.regionId));
    return rows.flatMap((r) => {
      const region = regions.get(r.regionId);
      if (!region) return [];
      return [
        {
          id: r.id,
          regionId: r.regionId,
          regionPath: region.path,
          regionName: region.name,
          min1: plain(r.min1),
          min2: plain(r.min2),
          min3: plain(r.min3),
          min4: plain(r.min4),
          min5: plain(r.min5),
          effectiveFrom: r.effectiveFrom,
          note: r.note,
          decidedBy: r.decidedBy,
          decidedAt: r.decidedAt,
        },
      ];
    });
  }
}

function linesOf(c: CutoffLines): CutoffLines {
  return { min1: c.min1, min2: c.min2, min3: c.min3, min4: c.min4, min5: c.min5 };
}

export function cutoffDto(c: CutoffView, names: Map<number, string>): CutoffDto {
  return {
    id: c.id,
    regionId: c.regionId,
    regionName: c.regionName,
    ...linesOf(c),
    effectiveFrom: c.effectiveFrom,
    note: c.note,
    decidedByName: c.decidedBy === null ? null : (names.get(c.decidedBy) ?? null),
    decidedAt: c.decidedAt.toISOString(),
  };
}

function invalid(field: string, message: string): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.GRADE_CUTOFF_INVALID, message, { errors: [{ field, message }] });
}
