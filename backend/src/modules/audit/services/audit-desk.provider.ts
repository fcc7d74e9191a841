import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { AuditService } from './audit.service';

/**
 * The auditor's desk: the chain's head (its sequence number and the time of its last event), the last
 * verification (when, by whom, its verdict) and the latest signed checkpoint — a few primary-key reads, never a
 * verification (that walks the whole chain: the auditor starts it from the audit page).
 */
@Injectable()
export class AuditDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'audit';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    if (!hasPermission(actor.roles, PERMISSIONS.AUDIT_VERIFY)) return [];
    const [head] = (await this.dataSource.query(
      `SELECT h.last_seq, e.occurred_at FROM audit_chain_head h LEFT JOIN audit_events e ON e.seq = h.last_seq WHERE h.id = 1`,
    )) as Array<{ last_seq: string; occurred_at: Date | null }>;
    if (!head) return [];
    const state = await this.audit.chainState();
    return [
      {
        kind: 'audit.chain',
        count: 1,
        ref: null,
        title: null,
        dueAt: null,
        dueRule: null,
        since: head.occurred_at?.toISOString() ?? null,
        route: '/audit',
        params: {
          headSeq: Number(head.last_seq),
          lastVerifiedAt: state.lastVerification?.at ?? null,
          lastVerifiedOk: state.lastVerification?.ok ?? null,
          lastCheckpointSeq: state.lastCheckpoint?.seq ?? null,
          lastCheckpointAt: state.lastCheckpoint?.at ?? null,
          unanchoredEvents: state.unanchoredEvents,
        },
      },
    ];
  }
}
