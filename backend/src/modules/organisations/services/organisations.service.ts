import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OrganisationDto } from '../dto/organisation.dto';
import { OrganisationEntity } from '../entities/organisation.entity';

function toDto(o: OrganisationEntity): OrganisationDto {
  return { id: o.id, name: o.name, kind: o.kind, creditCode: o.creditCode, regionId: o.regionId };
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Organisations are public registry data (names and codes); every staff role may list them. */
  async list(): Promise<OrganisationDto[]> {
    const rows = await this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
    return rows.map(toDto);
  }

  async findById(id: number, em: EntityManager = this.dataSource.manager): Promise<OrganisationDto | null> {
    const o = await em.findOneBy(OrganisationEntity, { id });
    return o && toDto(o);
  }
}
