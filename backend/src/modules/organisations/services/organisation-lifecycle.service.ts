import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { AuditService } from '../../audit';
import { shanghaiDate } from '../../regions';
import { OrganisationAction, OrganisationTransition, transitionFor } from '../domain/organisation.state-machine';
import { OrganisationsError, OrganisationsErrorCode } from '../domain/organisations.errors';
import { OrganisationEntity } from '../entities/organisation.entity';
import { LoadedOrganisation, OrganisationRecordInput, OrganisationsService } from './organisations.service';

const AUDIT_ACTION: Record<OrganisationAction, string> = {
  APPROVE: 'organisations.organisation.approved',
  RETURN: 'organisations.organisation.returned',
  RESUBMIT: 'organisations.organisation.resubmitted',
  SUSPEND: 'organisations.organisation.suspended',
  REINSTATE: 'organisations.organisation.reinstated',
  BLACKLIST: 'organisations.organisation.blacklisted',
  BLACKLIST_EXPIRE: 'organisations.organisation.blacklist_expired',
};

export interface TransitionInput {
  reason?: string | null;
  /** BLACKLIST: the instant the blacklisting ends. */
  blacklistedUntil?: Date;
}

/**
 * The one place an organisation changes status: checks the transition against the state machine
 * (409 ORGANISATION_ILLEGAL_TRANSITION), writes the row, appends to the performance record where
 * the move belongs there (approval, suspension, blacklisting, reinstatement) and records the audit
 * event — all in the caller's transaction, on a row the caller has locked.
 */
@Injectable()
export class OrganisationLifecycle {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** The transition, or 409 when the organisation's status does not allow it. */
  assertAllowed(org: OrganisationEntity, action: OrganisationAction): OrganisationTransition {
    const t = transitionFor(action, org.status);
    if (t === null) {
      throw new OrganisationsError(
        OrganisationsErrorCode.ORGANISATION_ILLEGAL_TRANSITION,
        `An organisation that is ${org.status} cannot be ${AUDIT_ACTION[action].split('.').pop()?.replace('_', ' ')}.`,
        { currentStatus: org.status, action },
      );
    }
    return t;
  }

  async transition(
    em: EntityManager,
    actor: Actor,
    loaded: LoadedOrganisation,
    action: OrganisationAction,
    input: TransitionInput,
    now: Date,
  ): Promise<void> {
    const { org, regionPath } = loaded;
    const t = this.assertAllowed(org, action);
    const before = { status: org.status, statusReason: org.statusReason, blacklistedUntil: org.blacklistedUntil };
    const reason = input.reason ?? null;
    const patch: Partial<OrganisationEntity> = { status: t.to, updatedAt: now };
    let record: Omit<OrganisationRecordInput, 'organisationId'> | null = null;
    switch (action) {
      case 'APPROVE':
        Object.assign(patch, { statusReason: null, reviewedBy: actor.userId, reviewedAt: now });
        record = { kind: 'APPROVAL', message: { template: 'organisations.record.approved', params: { reason } } };
        break;
      case 'RETURN':
        Object.assign(patch, { statusReason: reason, reviewedBy: actor.userId, reviewedAt: now });
        break;
      case 'RESUBMIT':
        break;
      case 'SUSPEND':
        Object.assign(patch, { statusReason: reason });
        record = { kind: 'SUSPENSION', message: { template: 'organisations.record.suspended', params: { reason } } };
        break;
      case 'REINSTATE':
        Object.assign(patch, { statusReason: null });
        record = {
          kind: 'REINSTATEMENT',
          message: { template: 'organisations.record.reinstated', params: { reason } },
        };
        break;
      case 'BLACKLIST': {
        if (!input.blacklistedUntil) throw new Error('BLACKLIST needs blacklistedUntil');
        Object.assign(patch, { statusReason: reason, blacklistedUntil: input.blacklistedUntil });
        // the last day, in Asia/Shanghai: the instant is 24:00 of it, i.e. the next day's 00:00
        const lastDay = shanghaiDate(new Date(input.blacklistedUntil.getTime() - 1));
        record = {
          kind: 'BLACKLIST',
          message: { template: 'organisations.record.blacklisted', params: { lastDay, reason } },
        };
        break;
      }
      case 'BLACKLIST_EXPIRE':
        Object.assign(patch, { statusReason: null, blacklistedUntil: null });
        record = {
          kind: 'REINSTATEMENT',
          message: { template: 'organisations.record.blacklist_expired', params: {} },
        };
        break;
    }
    await em.update(OrganisationEntity, { id: org.id }, patch);
    Object.assign(org, patch);
    if (record)
      await this.organisations.appendRecord(
        em,
        { ...record, organisationId: org.id, referenceType: 'organisation', referenceId: org.id },
        now,
      );
    await this.audit.record(em, actor, {
      action: AUDIT_ACTION[action],
      entityType: 'organisation',
      entityId: org.id,
      regionPath,
      before,
      after: {
        status: org.status,
        statusReason: org.statusReason,
        blacklistedUntil: org.blacklistedUntil,
        ...(reason ? { reason } : {}),
      },
    });
  }
}
