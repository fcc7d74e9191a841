import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type { OrganisationDirectory, OrganisationSummary } from '../../identity';
import { OrganisationEntity } from '../entities/organisation.entity';

/** Identity's port onto the registry (membership checks, `GET /me`). */
@Injectable()
export class OrganisationDirectoryService implements OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: number, em: EntityManager = this.dataSource.manager): Promise<OrganisationSummary | null> {
    const o = await em.findOneBy(OrganisationEntity, { id });
    return o && { id: o.id, name: o.name, kind: o.kind, status: o.status };
  }
}
