import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { Deadlines } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { gradeLabel } from '../domain/grade';
import { OrganisationEntity, OrganisationGradeProposalEntity } from '../entities/organisation.entity';
import { gradeExpiryDeadline } from '../jobs/grade-expiry.job';
import { DocumentsService } from './documents.service';
import { LoadedOrganisation, OrganisationsService } from './organisations.service';

/** Why the grade changes: an officer approved the members' proposal, or decided on a grade assessment. */
export type GradeDecisionBasis =
  | { kind: 'PROPOSAL'; proposalId: number; note: string | null }
  | { kind: 'ASSESSMENT'; assessmentId: number; code: string; points: string; note: string | null };

export interface GradeDecision {
  /** 1..5 = 1A..5A; null only on an assessment below the 1A line: the organisation then has no grade. */
  grade: number | null;
  /** Last valid day, YYYY-MM-DD (Beijing); null with no grade. */
  expiresOn: string | null;
  /** The document the grade is decided on (a certificate, the bureau's decision). */
  documentId: number | null;
  basis: GradeDecisionBasis;
}

/** The decision document an officer attaches when deciding on an assessment. */
export interface DecisionDocument {
  fileName: string;
  contentBase64: string;
}

export interface AssessmentGradeDecision {
  assessmentId: number;
  /** 等级编号 (DJ-…). */
  code: string;
  /** The assessment's total (2 places), e.g. "905.00". */
  points: string;
  grade: number | null;
  expiresOn: string | null;
  document: DecisionDocument;
  note: string | null;
}

/**
 * The one code path that sets an organisation's grade (issue #9 A6, issue #11 item 6): the row (grade, last valid
 * day, who decided, when, on which document; the expiry stamp cleared), the audit event, the members' inbox, the
 * performance record for an assessment's grade, and the expiry job. Used by the officers' approval of a proposal and
 * by the evaluation context's grade assessments (`decideByAssessment`), so both leave the same traces. An assessed
 * grade also closes a proposal still pending (it is superseded).
 */
@Injectable()
export class GradeDecisions {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
    private readonly deadlines: Deadlines,
  ) {}

  /** Writes the decision on `loaded` (locked by the caller) in the caller's transaction. */
  async decide(
    em: EntityManager,
    actor: Actor,
    loaded: LoadedOrganisation,
    d: GradeDecision,
    now: Date,
  ): Promise<void> {
    const { org, regionPath } = loaded;
    const before = { grade: gradeLabel(org.grade), gradeExpiresOn: org.gradeExpiresOn };
    await em.update(
      OrganisationEntity,
      { id: org.id },
      {
        grade: d.grade,
        gradeExpiresOn: d.grade === null ? null : d.expiresOn,
        gradeDecidedBy: actor.userId,
        gradeDecidedAt: now,
        gradeDocumentId: d.documentId,
        gradeExpiredAt: null,
        updatedAt: now,
      },
    );
    const grade = gradeLabel(d.grade);
    const note = d.basis.note || null;
    const members = (await this.people.memberIds([org.id], em)).get(org.id) ?? [];
    if (d.basis.kind === 'PROPOSAL') {
      await this.audit.record(em, actor, {
        action: 'organisations.grade.approved',
        entityType: 'organisation',
        entityId: org.id,
        regionPath,
        before,
        after: {
          grade,
          gradeExpiresOn: d.expiresOn,
          proposalId: d.basis.proposalId,
          documentId: d.documentId,
          ...(note ? { note } : {}),
        },
      });
      await this.inbox.notify(
        em,
        members,
        {
          kind: 'ORGANISATION_GRADE_APPROVED',
          template: 'organisations.grade.approved',
          params: { grade, expiresOn: d.expiresOn, note },
        },
        now,
      );
    } else {
      const { assessmentId, code, points } = d.basis;
      await this.audit.record(em, actor, {
        action: 'organisations.grade.assessed',
        entityType: 'organisation',
        entityId: org.id,
        regionPath,
        before,
        after: {
          grade,
          gradeExpiresOn: d.grade === null ? null : d.expiresOn,
          assessmentId,
          assessmentCode: code,
          points,
          documentId: d.documentId,
          ...(note ? { note } : {}),
        },
      });
      await this.inbox.notify(
        em,
        members,
        {
          kind: 'ORGANISATION_GRADE_ASSESSED',
          template: 'organisations.grade.assessed',
          params: { grade, points, code, expiresOn: d.grade === null ? null : d.expiresOn, note },
        },
        now,
      );
      await this.closePendingProposals(em, actor, loaded, code, now);
      await this.organisations.appendRecord(
        em,
        {
          organisationId: org.id,
          kind: 'EVALUATION',
          message: {
            template: 'organisations.record.grade_assessed',
            params: { grade, points, code, expiresOn: d.grade === null ? null : d.expiresOn },
          },
          referenceType: 'grade_assessment',
          referenceId: assessmentId,
          gradeLabel: grade,
        },
        now,
      );
    }
    if (d.grade !== null && d.expiresOn !== null)
      await this.deadlines.schedule(gradeExpiryDeadline(org.id, d.expiresOn), now);
  }

  /**
   * A grade decided on an assessment supersedes what the members proposed meanwhile: a pending proposal is closed as
   * REJECTED with the assessment as the reason (audited, the members told), so that no later approval of it can
   * overwrite the assessed grade.
   */
  private async closePendingProposals(
    em: EntityManager,
    actor: Actor,
    { org, regionPath }: LoadedOrganisation,
    code: string,
    now: Date,
  ): Promise<void> {
    const pending = await em.find(OrganisationGradeProposalEntity, {
      where: { organisationId: org.id, status: 'PENDING' },
      lock: { mode: 'pessimistic_write' },
    });
    const reason = `已由等级评估 ${code} 审定等级`;
    for (const p of pending) {
      await em.update(
        OrganisationGradeProposalEntity,
        { id: p.id },
        { status: 'REJECTED', decidedBy: actor.userId, decidedAt: now, decisionReason: reason },
      );
      await this.audit.record(em, actor, {
        action: 'organisations.grade.rejected',
        entityType: 'organisation',
        entityId: org.id,
        regionPath,
        before: { proposalId: p.id, status: p.status },
        after: { proposalId: p.id, status: 'REJECTED', grade: gradeLabel(p.grade), reason },
      });
      const members = (await this.people.memberIds([org.id], em)).get(org.id) ?? [];
      await this.inbox.notify(
        em,
        members,
        {
          kind: 'ORGANISATION_GRADE_REJECTED',
          template: 'organisations.grade.rejected',
          params: { grade: gradeLabel(p.grade), reason },
        },
        now,
      );
    }
  }

  /**
   * For the evaluation context: an officer decides on a grade assessment of organisation `organisationId` (404 outside
   * the officer's region subtree) — the decision document is stored among the organisation's documents (kind
   * GRADE_CERTIFICATE; PDF, PNG or JPEG, ≤ 5 MB, else 422 naming `contentBase64`), then the grade is set. Returns the
   * document's id. In the caller's transaction.
   */
  async decideByAssessment(
    em: EntityManager,
    actor: Actor,
    organisationId: number,
    input: AssessmentGradeDecision,
    now: Date,
  ): Promise<{ documentId: number }> {
    const loaded = await this.organisations.loadReviewable(actor, organisationId, em);
    const doc = await this.documents.attach(em, actor, loaded, { kind: 'GRADE_CERTIFICATE', ...input.document });
    await this.decide(
      em,
      actor,
      loaded,
      {
        grade: input.grade,
        expiresOn: input.expiresOn,
        documentId: doc.id,
        basis: {
          kind: 'ASSESSMENT',
          assessmentId: input.assessmentId,
          code: input.code,
          points: input.points,
          note: input.note,
        },
      },
      now,
    );
    return { documentId: doc.id };
  }
}
