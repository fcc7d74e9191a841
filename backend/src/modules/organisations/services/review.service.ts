import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Deadlines } from '../../../platform/queue';
import { endOfDayShanghai, shanghaiDate } from '../../regions';
import { BlacklistPolicy, blacklistWindow, checkBlacklistUntil } from '../domain/blacklist-period';
import { OrganisationAction } from '../domain/organisation.state-machine';
import { OrganisationsError } from '../domain/organisations.errors';
import {
  ApproveOrganisationDto,
  BlacklistOrganisationDto,
  OrganisationDetailDto,
  ReasonDto,
} from '../dto/organisation.dto';
import { blacklistExpiryDeadline } from '../jobs/blacklist-expiry.job';
import { OrganisationLifecycle, TransitionInput } from './organisation-lifecycle.service';
import { OrganisationsService } from './organisations.service';

/** Officers' decisions on organisations of their region subtree: review, suspension, blacklisting. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly lifecycle: OrganisationLifecycle,
    private readonly deadlines: Deadlines,
    private readonly env: Env,
  ) {}

  approve(actor: Actor, id: number, dto: ApproveOrganisationDto): Promise<OrganisationDetailDto> {
    return this.decide(actor, id, 'APPROVE', { reason: dto.note || null });
  }

  returnForChanges(actor: Actor, id: number, dto: ReasonDto): Promise<OrganisationDetailDto> {
    return this.decide(actor, id, 'RETURN', { reason: dto.reason });
  }

  suspend(actor: Actor, id: number, dto: ReasonDto): Promise<OrganisationDetailDto> {
    return this.decide(actor, id, 'SUSPEND', { reason: dto.reason });
  }

  reinstate(actor: Actor, id: number, dto: ApproveOrganisationDto): Promise<OrganisationDetailDto> {
    return this.decide(actor, id, 'REINSTATE', { reason: dto.note || null });
  }

  /** Blacklists until the end of `until` (Asia/Shanghai), which must lie 1–3 years ahead; the expiry is a durable job. */
  async blacklist(actor: Actor, id: number, dto: BlacklistOrganisationDto): Promise<OrganisationDetailDto> {
    const until = await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadReviewable(actor, id, em);
      this.lifecycle.assertAllowed(loaded.org, 'BLACKLIST');
      const now = await dbNow(em);
      const today = shanghaiDate(now);
      const problem = checkBlacklistUntil(dto.until, today, this.policy());
      if (problem !== null) {
        const { earliest, latest } = blacklistWindow(today, this.policy());
        throw OrganisationsError.invalid(
          'until',
          problem === 'NOT_A_DATE'
            ? 'until is not a calendar date.'
            : `A blacklisting ends between ${earliest} and ${latest} (${this.policy().minYears} to ${this.policy().maxYears} years from today).`,
        );
      }
      const blacklistedUntil = endOfDayShanghai(dto.until);
      await this.lifecycle.transition(em, actor, loaded, 'BLACKLIST', { reason: dto.reason, blacklistedUntil }, now);
      return blacklistedUntil;
    });
    await this.deadlines.schedule(blacklistExpiryDeadline(id, until));
    return this.organisations.get(actor, id);
  }

  private policy(): BlacklistPolicy {
    return { minYears: this.env.ORG_BLACKLIST_MIN_YEARS, maxYears: this.env.ORG_BLACKLIST_MAX_YEARS };
  }

  private async decide(
    actor: Actor,
    id: number,
    action: OrganisationAction,
    input: TransitionInput,
  ): Promise<OrganisationDetailDto> {
    await inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadReviewable(actor, id, em);
      await this.lifecycle.transition(em, actor, loaded, action, input, await dbNow(em));
    });
    return this.organisations.get(actor, id);
  }
}
