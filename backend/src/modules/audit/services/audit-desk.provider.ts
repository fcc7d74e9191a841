import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';

/**
 * The auditor's desk: the chain's head (its sequence number and the time of its last event) — one primary-key
 * read, never a verification (that walks the whole chain: the auditor starts it from the audit page).
 *
 * Slot for the checkpoints (issue #9 A2): `lastVerifiedAt` and `lastCheckpoint*` are null until the audit
 * context records its verifications and signed checkpoints; fill them here (or add an `audit.checkpoint`
 * item) and the desk page shows them without further change.
 */
@Injectable()
export class AuditDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'audit';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
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
          lastVerifiedAt: null,
          lastVerifiedOk: null,
          lastCheckpointSeq: null,
          lastCheckpointAt: null,
        },
      },
    ];
  }
}
