import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { TtlCache } from '../../../platform/util/ttl-cache';
import { AuditService } from '../../audit';
import { checkChildCode, childLevel } from '../domain/region-rules';
import { RegionsError, RegionsErrorCode } from '../domain/regions.errors';
import { CreateRegionDto, RegionDto, RegionNodeDto, UpdateRegionDto } from '../dto/region.dto';
import { RegionEntity } from '../entities/region.entity';

export function toRegionDto(r: RegionEntity): RegionDto {
  return { id: r.id, parentId: r.parentId, code: r.code, name: r.name, level: r.level, path: r.path };
}

@Injectable()
export class RegionsService {
  private readonly cache = new TtlCache<number, RegionEntity>(60_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * A region by id, or null. No scope check: for other contexts resolving references. Outside a
   * transaction the answer may come from a 60-second cache (regions change rarely; this process
   * clears it on its own writes).
   */
  async findById(id: number, em: EntityManager = this.dataSource.manager): Promise<RegionEntity | null> {
    const cacheable = em === this.dataSource.manager;
    const hit = cacheable ? this.cache.get(id) : undefined;
    if (hit) return hit;
    const region = await em.findOneBy(RegionEntity, { id });
    if (region && cacheable) this.cache.set(id, region);
    return region;
  }

  async findByIds(ids: number[]): Promise<Map<number, RegionEntity>> {
    const out = new Map<number, RegionEntity>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const r of await this.dataSource.getRepository(RegionEntity).findBy({ id: In(missing) })) {
        this.cache.set(r.id, r);
        out.set(r.id, r);
      }
    }
    return out;
  }

  /** A region the actor may see; 404 for missing and out-of-scope alike. */
  async getInScope(actor: Actor, id: number, em: EntityManager = this.dataSource.manager): Promise<RegionEntity> {
    const region = await this.findById(id, em);
    if (region === null || !inRegionScope(actor, region.path)) {
      throw new RegionsError(RegionsErrorCode.REGION_NOT_FOUND, `Region ${id} not found.`);
    }
    return region;
  }

  async get(actor: Actor, id: number): Promise<RegionDto> {
    return toRegionDto(await this.getInScope(actor, id));
  }

  async subtree(actor: Actor, id: number): Promise<RegionDto[]> {
    const root = await this.getInScope(actor, id);
    const rows = await this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .where('r.path LIKE :p', { p: `${root.path}%` })
      .orderBy('r.path', 'ASC')
      .getMany();
    return rows.map(toRegionDto);
  }

  /** The actor's whole subtree as a nested tree. */
  async tree(actor: Actor): Promise<RegionNodeDto[]> {
    const scope = regionScopeSql(actor, 'r.path');
    const rows = await this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .where(scope.sql, scope.params)
      .orderBy('r.code', 'ASC')
      .getMany();
    return nest(rows);
  }

  /**
   * The whole tree, for public forms (an organisation registering picks its district or street).
   * Region names and division codes are public data.
   */
  async publicTree(): Promise<RegionNodeDto[]> {
    return nest(await this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } }));
  }

  async create(actor: Actor, dto: CreateRegionDto): Promise<RegionDto> {
    this.cache.clear();
    return inTransaction(this.dataSource, async (em) => {
      const parent = await this.getInScope(actor, dto.parentId, em);
      const level = childLevel(parent.level);
      if (level === null)
        throw new RegionsError(RegionsErrorCode.REGION_NO_CHILD_LEVEL, 'A community has no sub-regions.');
      this.assertCode(parent, dto.code);
      await this.assertCodeFree(em, dto.code);
      const now = await dbNow(em);
      const inserted = await em.insert(RegionEntity, {
        parentId: parent.id,
        code: dto.code,
        name: dto.name,
        level,
        path: 'pending',
        createdAt: now,
        updatedAt: now,
      });
      const id = Number((inserted.identifiers[0] as { id: number }).id);
      const path = `${parent.path}${id}/`;
      await em.update(RegionEntity, { id }, { path });
      const region = await em.findOneByOrFail(RegionEntity, { id });
      await this.audit.record(em, actor, {
        action: 'regions.region.created',
        entityType: 'region',
        entityId: id,
        regionPath: path,
        after: toRegionDto(region),
      });
      return toRegionDto(region);
    });
  }

  async update(actor: Actor, id: number, dto: UpdateRegionDto): Promise<RegionDto> {
    const result = await inTransaction(this.dataSource, async (em) => {
      const region = await this.getInScope(actor, id, em);
      const before = toRegionDto(region);
      if (dto.code !== undefined && dto.code !== region.code) {
        const parent = region.parentId === null ? null : await this.findById(region.parentId, em);
        if (parent === null)
          throw new RegionsError(RegionsErrorCode.REGION_CODE_INVALID, 'The code of a root region cannot be changed.');
        this.assertCode(parent, dto.code);
        await this.assertCodeFree(em, dto.code);
        const children = await em.countBy(RegionEntity, { parentId: region.id });
        if (children > 0) {
          throw new RegionsError(
            RegionsErrorCode.REGION_CODE_INVALID,
            'The code of a region with sub-regions cannot be changed (their codes share its prefix).',
          );
        }
      }
      const now = await dbNow(em);
      await em.update(
        RegionEntity,
        { id },
        { name: dto.name ?? region.name, code: dto.code ?? region.code, updatedAt: now },
      );
      const after = toRegionDto(await em.findOneByOrFail(RegionEntity, { id }));
      await this.audit.record(em, actor, {
        action: 'regions.region.updated',
        entityType: 'region',
        entityId: id,
        regionPath: region.path,
        before,
        after,
      });
      return after;
    });
    this.cache.clear();
    return result;
  }

  private assertCode(parent: RegionEntity, code: string): void {
    const problem = checkChildCode(parent.code, parent.level, code);
    if (problem !== null) {
      throw new RegionsError(
        RegionsErrorCode.REGION_CODE_INVALID,
        `Code ${code} does not fit under ${parent.name} (${parent.code}): ${problem}.`,
        { reason: problem },
      );
    }
  }

  private async assertCodeFree(em: EntityManager, code: string): Promise<void> {
    if (await em.existsBy(RegionEntity, { code })) {
      throw new RegionsError(RegionsErrorCode.REGION_CODE_TAKEN, `Region code ${code} is already used.`);
    }
  }
}

function nest(rows: RegionEntity[]): RegionNodeDto[] {
  const nodes = new Map<number, RegionNodeDto>(rows.map((r) => [r.id, { ...toRegionDto(r), children: [] }]));
  const roots: RegionNodeDto[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
