import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { OrganisationsService } from '../../organisations';
import { invalid, ProcurementErrorCode } from '../domain/procurement.errors';
import { AffiliationDto, DeclareRelationshipDto } from '../dto/procurement.dto';
import { ExpertAffiliationEntity } from '../entities/procurement.entities';

/** The expert pool's declared affiliations and relationships, used to exclude conflicts at the draw. */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async mine(actor: Actor): Promise<AffiliationDto[]> {
    const rows = await this.dataSource
      .getRepository(ExpertAffiliationEntity)
      .find({ where: { expertId: actor.userId }, order: { id: 'ASC' } });
    const orgs = await this.organisations.eligibility(
      this.dataSource.manager,
      rows.map((r) => r.organisationId),
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: orgs.get(r.organisationId)?.name ?? '',
      kind: r.kind,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      note: r.note,
    }));
  }

  searchOrganisations(q: string): Promise<Array<{ id: number; name: string; kind: string }>> {
    return this.organisations.searchActive(q);
  }

  /** Declarations are append-only: an expert cannot take one back to get on a committee. */
  async declare(actor: Actor, dto: DeclareRelationshipDto): Promise<AffiliationDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      if (!(await this.organisations.eligibility(em, [dto.organisationId])).has(dto.organisationId))
        throw invalid(
          ProcurementErrorCode.COMMITTEE_INVALID,
          'organisationId',
          `Organisation ${dto.organisationId} not found.`,
        );
      if (dto.startedOn && dto.endedOn && dto.endedOn < dto.startedOn)
        throw invalid(ProcurementErrorCode.COMMITTEE_INVALID, 'endedOn', 'The end date is before the start date.');
      const now = await dbNow(em);
      const row = em.create(ExpertAffiliationEntity, {
        expertId: actor.userId,
        organisationId: dto.organisationId,
        kind: dto.kind,
        startedOn: dto.startedOn ?? null,
        endedOn: dto.endedOn ?? null,
        note: dto.note ?? null,
        createdAt: now,
      });
      await em.insert(ExpertAffiliationEntity, row);
      await this.audit.record(em, actor, {
        action: 'procurement.expert.relationship_declared',
        entityType: 'expert',
        entityId: actor.userId,
        after: { ...dto },
      });
    });
    return this.mine(actor);
  }
}
