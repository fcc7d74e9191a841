import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService, type NotificationInput } from '../../notifications';
import { shanghaiDate } from '../../regions';
import { gradeLabel } from '../domain/grade';
import { gradeClaimProblem, GradeProposalAction, gradeProposalTransition } from '../domain/grade-proposal';
import { OrganisationsError, OrganisationsErrorCode } from '../domain/organisations.errors';
import { ApproveOrganisationDto, GradeProposalDto, ProposeGradeDto, ReasonDto } from '../dto/organisation.dto';
import {
  OrganisationDocumentEntity,
  OrganisationEntity,
  OrganisationGradeProposalEntity,
} from '../entities/organisation.entity';
import { GradeDecisions } from './grade-decisions.service';
import { gradeProposalDtos } from './grade-proposal-view';
import { LoadedOrganisation, OrganisationsService } from './organisations.service';

/**
 * Grades are decided, never declared (issue #9 A6): members propose a grade with its certificate, a
 * procurement officer of the organisation's region approves it — only then does `organisations.grade`,
 * which tender eligibility reads, change — or rejects it with a reason. Each step in one transaction on
 * the locked organisation row (so at most one proposal is pending), audited, and told to the other side
 * through the inbox: officers of the region learn of a proposal, members of the decision.
 */
@Injectable()
export class GradeProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
    private readonly decisions: GradeDecisions,
  ) {}

  async propose(actor: Actor, dto: ProposeGradeDto): Promise<GradeProposalDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const { org, regionPath } = await this.organisations.loadMine(actor, em, true);
      if (await em.existsBy(OrganisationGradeProposalEntity, { organisationId: org.id, status: 'PENDING' })) {
        throw new OrganisationsError(
          OrganisationsErrorCode.GRADE_PROPOSAL_PENDING,
          'A grade proposal is already waiting for the officer’s decision: withdraw it to propose another.',
        );
      }
      const doc = await em.findOneBy(OrganisationDocumentEntity, { id: dto.documentId, organisationId: org.id });
      if (doc === null)
        throw OrganisationsError.invalid(
          'documentId',
          'Choose one of your organisation’s documents (upload it first).',
        );
      const now = await dbNow(em);
      const problem = gradeClaimProblem({ expiresOn: dto.expiresOn, documentKind: doc.kind }, shanghaiDate(now));
      if (problem !== null) throw OrganisationsError.invalid(problem.field, problem.message);
      const proposal = em.create(OrganisationGradeProposalEntity, {
        organisationId: org.id,
        grade: dto.grade,
        expiresOn: dto.expiresOn,
        documentId: doc.id,
        note: dto.note || null,
        status: 'PENDING',
        proposedBy: actor.userId,
        proposedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      });
      await em.insert(OrganisationGradeProposalEntity, proposal);
      await this.audit.record(em, actor, {
        action: 'organisations.grade.proposed',
        entityType: 'organisation',
        entityId: org.id,
        regionPath,
        after: {
          proposalId: proposal.id,
          grade: gradeLabel(dto.grade),
          expiresOn: dto.expiresOn,
          documentId: doc.id,
          ...(proposal.note ? { note: proposal.note } : {}),
        },
      });
      const officers = (await this.people.activeWithRole('PROCUREMENT_OFFICER', em)).filter(
        (o) => o.regionPath !== null && regionPath.startsWith(o.regionPath),
      );
      await this.inbox.notify(
        em,
        officers.map((o) => o.id),
        {
          kind: 'ORGANISATION_GRADE_PROPOSED',
          template: 'organisations.grade.proposed',
          params: {
            organisation: org.name,
            grade: gradeLabel(dto.grade),
            expiresOn: dto.expiresOn,
            document: doc.fileName,
          },
        },
        now,
      );
      return proposal.id;
    });
    return this.one(id);
  }

  /** The members take back a pending proposal (e.g. a wrong date or document) before it is decided. */
  async withdraw(actor: Actor, proposalId: number): Promise<GradeProposalDto> {
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadMine(actor, em, true);
      const p = await this.pending(em, loaded, proposalId, 'WITHDRAW');
      await em.update(OrganisationGradeProposalEntity, { id: p.id }, { status: 'WITHDRAWN' });
      await this.audit.record(em, actor, {
        action: 'organisations.grade.withdrawn',
        entityType: 'organisation',
        entityId: loaded.org.id,
        regionPath: loaded.regionPath,
        before: { proposalId: p.id, status: p.status },
        after: { proposalId: p.id, status: 'WITHDRAWN' },
      });
    });
    return this.one(proposalId);
  }

  /**
   * The officer approves: the proposed grade becomes the organisation's grade, decided by them on the
   * proposal's certificate (422 when there is none, or the grade has expired meanwhile) — through GradeDecisions,
   * the code path every grade decision takes (row, audit, inbox, expiry job).
   */
  async approve(actor: Actor, id: number, proposalId: number, dto: ApproveOrganisationDto): Promise<GradeProposalDto> {
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadReviewable(actor, id, em);
      const { org } = loaded;
      const p = await this.pending(em, loaded, proposalId, 'APPROVE');
      const doc =
        p.documentId === null
          ? null
          : await em.findOneBy(OrganisationDocumentEntity, { id: p.documentId, organisationId: org.id });
      const now = await dbNow(em);
      const problem = gradeClaimProblem({ expiresOn: p.expiresOn, documentKind: doc?.kind ?? null }, shanghaiDate(now));
      if (problem !== null) throw OrganisationsError.invalid(problem.field, problem.message);
      const note = dto.note || null;
      await this.decisions.decide(
        em,
        actor,
        loaded,
        {
          grade: p.grade,
          expiresOn: p.expiresOn,
          documentId: p.documentId,
          basis: { kind: 'PROPOSAL', proposalId: p.id, note },
        },
        now,
      );
      await em.update(
        OrganisationGradeProposalEntity,
        { id: p.id },
        { status: 'APPROVED', decidedBy: actor.userId, decidedAt: now, decisionReason: note },
      );
    });
    return this.one(proposalId);
  }

  /** The officer rejects, saying why (shown to the members, who may propose again). */
  async reject(actor: Actor, id: number, proposalId: number, dto: ReasonDto): Promise<GradeProposalDto> {
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadReviewable(actor, id, em);
      const p = await this.pending(em, loaded, proposalId, 'REJECT');
      const now = await dbNow(em);
      await em.update(
        OrganisationGradeProposalEntity,
        { id: p.id },
        { status: 'REJECTED', decidedBy: actor.userId, decidedAt: now, decisionReason: dto.reason },
      );
      await this.audit.record(em, actor, {
        action: 'organisations.grade.rejected',
        entityType: 'organisation',
        entityId: loaded.org.id,
        regionPath: loaded.regionPath,
        before: { proposalId: p.id, status: p.status },
        after: { proposalId: p.id, status: 'REJECTED', grade: gradeLabel(p.grade), reason: dto.reason },
      });
      await this.tellMembers(em, loaded.org, now, {
        kind: 'ORGANISATION_GRADE_REJECTED',
        template: 'organisations.grade.rejected',
        params: { grade: gradeLabel(p.grade), reason: dto.reason },
      });
    });
    return this.one(proposalId);
  }

  async listMine(actor: Actor): Promise<GradeProposalDto[]> {
    const { org } = await this.organisations.loadMine(actor, this.dataSource.manager);
    return this.listOf(org.id);
  }

  async list(actor: Actor, id: number): Promise<GradeProposalDto[]> {
    await this.organisations.loadReadable(actor, id, this.dataSource.manager);
    return this.listOf(id);
  }

  private async listOf(organisationId: number): Promise<GradeProposalDto[]> {
    const em = this.dataSource.manager;
    const rows = await em.find(OrganisationGradeProposalEntity, { where: { organisationId }, order: { id: 'DESC' } });
    return gradeProposalDtos(em, this.people, rows);
  }

  private async one(id: number): Promise<GradeProposalDto> {
    const em = this.dataSource.manager;
    return (
      await gradeProposalDtos(em, this.people, [await em.findOneByOrFail(OrganisationGradeProposalEntity, { id })])
    )[0];
  }

  /** The proposal of this organisation (404 otherwise), locked, if `action` may be taken on it (409 otherwise). */
  private async pending(
    em: EntityManager,
    loaded: LoadedOrganisation,
    proposalId: number,
    action: GradeProposalAction,
  ): Promise<OrganisationGradeProposalEntity> {
    const p = await em.findOne(OrganisationGradeProposalEntity, {
      where: { id: proposalId, organisationId: loaded.org.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (p === null)
      throw new OrganisationsError(
        OrganisationsErrorCode.GRADE_PROPOSAL_NOT_FOUND,
        `Grade proposal ${proposalId} not found.`,
      );
    if (gradeProposalTransition(action, p.status) === null)
      throw new OrganisationsError(
        OrganisationsErrorCode.GRADE_PROPOSAL_ILLEGAL_TRANSITION,
        `This grade proposal is ${p.status.toLowerCase()}: it cannot be ${action.toLowerCase()}d.`,
        { proposalStatus: p.status, action },
      );
    return p;
  }

  private async tellMembers(
    em: EntityManager,
    org: OrganisationEntity,
    now: Date,
    message: NotificationInput,
  ): Promise<void> {
    const members = (await this.people.memberIds([org.id], em)).get(org.id) ?? [];
    await this.inbox.notify(em, members, message, now);
  }
}
