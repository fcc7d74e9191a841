import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { endOfDayShanghai } from '../../regions';
import { gradeLabel } from '../domain/grade';
import { OrganisationEntity } from '../entities/organisation.entity';
import { OrganisationsService } from '../services/organisations.service';

export const GRADE_EXPIRY_JOB = 'organisation-grade-expiry';

export interface GradeExpiryPayload {
  organisationId: number;
  /** The last valid day this job was scheduled for (YYYY-MM-DD, Beijing); the row decides. */
  expiresOn: string;
}

/** One job per decided grade, at 24:00 Beijing of its last valid day, with a deterministic id. */
export function gradeExpiryDeadline(organisationId: number, expiresOn: string): DeadlineJob<GradeExpiryPayload> {
  return {
    queue: QUEUES.ORGANISATIONS,
    name: GRADE_EXPIRY_JOB,
    jobId: deadlineJobId(GRADE_EXPIRY_JOB, organisationId, expiresOn),
    payload: { organisationId, expiresOn },
    runAt: endOfDayShanghai(expiresOn),
  };
}

export type GradeExpiryResult = { result: 'EXPIRED' | 'NOTHING_TO_DO' } | { result: 'NOT_DUE'; dueInMs: number };

/**
 * A grade's validity has ended (issue #11 item 6: 5 years for a grade from an assessment; the certificate's date for
 * an approved proposal): the grade already stops counting on read after its last day (eligibility asks `gradeValid`),
 * and this job makes the end an event — once: it stamps `grade_expired_at`, writes the audit event, tells the members
 * (renew by a new assessment) and the officers of the region, and adds a line to the performance record. Idempotent:
 * it re-reads the organisation under a row lock and acts only if the same grade is still there, not yet stamped, and
 * the database clock says its last day has ended; otherwise it reports how long is left.
 */
@Injectable()
export class GradeExpiryJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
  ) {}

  handle(payload: GradeExpiryPayload): Promise<GradeExpiryResult> {
    return inTransaction(this.dataSource, async (em): Promise<GradeExpiryResult> => {
      const loaded = await this.organisations.load(em, payload.organisationId, true);
      const org = loaded?.org;
      if (
        !loaded ||
        !org ||
        org.grade === null ||
        org.gradeExpiresOn !== payload.expiresOn ||
        org.gradeExpiredAt !== null
      )
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      const end = endOfDayShanghai(org.gradeExpiresOn);
      if (end.getTime() > now.getTime()) return { result: 'NOT_DUE', dueInMs: end.getTime() - now.getTime() };
      await em.update(OrganisationEntity, { id: org.id }, { gradeExpiredAt: now });
      const grade = gradeLabel(org.grade);
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'organisations.grade.expired',
        entityType: 'organisation',
        entityId: org.id,
        regionPath: loaded.regionPath,
        before: { grade, gradeExpiresOn: org.gradeExpiresOn, gradeExpiredAt: null },
        after: { grade, gradeExpiresOn: org.gradeExpiresOn, gradeExpiredAt: now.toISOString() },
      });
      const members = (await this.people.memberIds([org.id], em)).get(org.id) ?? [];
      const officers = (await this.people.activeWithRole('PROCUREMENT_OFFICER', em))
        .filter((o) => o.regionPath !== null && loaded.regionPath.startsWith(o.regionPath))
        .map((o) => o.id);
      await this.inbox.notify(
        em,
        [...members, ...officers],
        {
          kind: 'ORGANISATION_GRADE_EXPIRED',
          template: 'organisations.grade.expired',
          params: { organisation: org.name, grade, expiresOn: org.gradeExpiresOn },
        },
        now,
      );
      await this.organisations.appendRecord(
        em,
        {
          organisationId: org.id,
          kind: 'EVALUATION',
          message: { template: 'organisations.record.grade_expired', params: { grade, expiresOn: org.gradeExpiresOn } },
          referenceType: 'organisation',
          referenceId: org.id,
          gradeLabel: grade,
        },
        now,
      );
      return { result: 'EXPIRED' };
    });
  }

  /** Every decided grade with a last valid day not yet announced as ended (the reconciler rebuilds lost jobs). */
  source(): DeadlineSource {
    return {
      kind: GRADE_EXPIRY_JOB,
      pending: async () => {
        const rows = await this.dataSource.getRepository(OrganisationEntity).find({
          select: { id: true, gradeExpiresOn: true },
          where: { grade: Not(IsNull()), gradeExpiresOn: Not(IsNull()), gradeExpiredAt: IsNull() },
        });
        return rows.map((o) => gradeExpiryDeadline(o.id, o.gradeExpiresOn as string));
      },
    };
  }
}
