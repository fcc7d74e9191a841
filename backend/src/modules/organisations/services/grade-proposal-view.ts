import { EntityManager } from 'typeorm';

import { PeopleDirectory } from '../../identity';
import { GradeProposalDto } from '../dto/organisation.dto';
import { OrganisationDocumentEntity, OrganisationGradeProposalEntity } from '../entities/organisation.entity';

/** Proposals with the names a reader needs (proposer, decider, document), in the order given. */
export async function gradeProposalDtos(
  em: EntityManager,
  people: PeopleDirectory,
  rows: OrganisationGradeProposalEntity[],
): Promise<GradeProposalDto[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.proposedBy, r.decidedBy]).filter((x): x is number => x !== null))];
  const names = await people.displayNames(userIds, em);
  const docIds = [...new Set(rows.map((r) => r.documentId).filter((x): x is number => x !== null))];
  const docs =
    docIds.length === 0
      ? []
      : await em
          .getRepository(OrganisationDocumentEntity)
          .createQueryBuilder('d')
          .select(['d.id', 'd.fileName'])
          .where('d.id IN (:...docIds)', { docIds })
          .getMany();
  const docNames = new Map(docs.map((d) => [d.id, d.fileName]));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    grade: r.grade,
    expiresOn: r.expiresOn,
    documentId: r.documentId,
    documentName: r.documentId === null ? null : (docNames.get(r.documentId) ?? null),
    note: r.note,
    status: r.status,
    proposedByName: r.proposedBy === null ? null : (names.get(r.proposedBy) ?? null),
    proposedAt: r.proposedAt.toISOString(),
    decidedByName: r.decidedBy === null ? null : (names.get(r.decidedBy) ?? null),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
  }));
}
