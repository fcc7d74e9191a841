import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type { OrganisationDirectory, OrganisationSummary } from '../../identity';
import { RegionsService } from '../../regions';
import { OrganisationEntity } from '../entities/organisation.entity';

/** Identity's port onto the registry (membership checks, `GET /me`). */
@Injectable()
export class OrganisationDirectoryService implements OrganisationDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async findById(id: number, em: EntityManager = this.dataSource.manager): Promise<OrganisationSummary | null> {
    const o = await em.findOneBy(OrganisationEntity, { id });
    if (o === null) return null;
    const region = await this.regions.findById(o.regionId, em);
    return { id: o.id, name: o.name, kind: o.kind, status: o.status, regionPath: region?.path ?? null };
  }
}
