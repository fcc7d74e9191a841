import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { ProjectsService } from '../../procurement';
import { ContractHooks } from './contract-hooks';

/**
 * The contract's life as it concerns the residents' needs it serves (the needs' machine, PRODUCT.md §3): signing
 * starts the service (IN_PROCUREMENT → IN_SERVICE), the last milestone accepted delivers it (IN_SERVICE →
 * DELIVERED), and a signed contract terminated sends its needs back to APPROVED, to be served by another project.
 * The evaluation's publication then moves DELIVERED → EVALUATED. Each move is on the needs' timeline with its reason.
 */
@Injectable()
export class NeedListeners implements OnModuleInit {
  constructor(
    private readonly hooks: ContractHooks,
    private readonly projects: ProjectsService,
  ) {}

  onModuleInit(): void {
    this.hooks.onSigned(async (em, e) => {
      const params = { code: e.contract.code, title: e.contract.title };
      await this.projects.moveNeeds(
        em,
        SYSTEM_ACTOR,
        e.contract.projectId,
        ['IN_PROCUREMENT'],
        'IN_SERVICE',
        e.now,
        { template: 'contracts.contract.need_in_service', params },
        { contractId: e.contract.id },
      );
    });
    this.hooks.onMilestoneAccepted(async (em, e) => {
      if (!(await this.allAccepted(em, e.contract.id))) return;
      await this.projects.moveNeeds(
        em,
        SYSTEM_ACTOR,
        e.contract.projectId,
        ['IN_SERVICE'],
        'DELIVERED',
        e.now,
        { template: 'contracts.contract.need_delivered', params: { code: e.contract.code, title: e.contract.title } },
        { contractId: e.contract.id, milestoneId: e.milestone.id },
      );
    });
    this.hooks.onTerminated(async (em, e) => {
      // A draft never signed leaves its project to be tendered again: the needs stay in procurement.
      if (e.kind === 'NOT_SIGNED') return;
      await this.projects.moveNeeds(
        em,
        SYSTEM_ACTOR,
        e.contract.projectId,
        ['IN_PROCUREMENT', 'IN_SERVICE'],
        'APPROVED',
        e.now,
        { template: 'contracts.contract.need_returned', params: { code: e.contract.code, title: e.contract.title } },
        { contractId: e.contract.id, terminationKind: e.kind },
      );
    });
  }

  private async allAccepted(em: EntityManager, contractId: number): Promise<boolean> {
    const [row] = (await em.query(
      "SELECT COUNT(*) AS total, SUM(status = 'ACCEPTED') AS accepted FROM contract_milestones WHERE contract_id = ?",
      [contractId],
    )) as Array<{ total: string | number; accepted: string | number | null }>;
    return Number(row.total) > 0 && Number(row.total) === Number(row.accepted ?? 0);
  }
}
