import { Inject, Injectable } from '@nestjs/common';

import { Env } from '../../../config/env';
import { Actor, ACTOR_RESOLVER, ActorResolver } from '../../../platform/access';
import { AuditService } from '../../audit';
import { BOARD_AUDIENCE, BOARD_BASE, boardCookie } from '../domain/board-routes';

/** The queue board's cookie: a token of the identity context, for the board's audience only, bound to the session. */
@Injectable()
export class BoardSessionService {
  constructor(
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  async open(actor: Actor, secure: boolean): Promise<{ cookie: string; url: string }> {
    const ttl = this.env.QUEUE_BOARD_SESSION_SECONDS;
    const token = await this.resolver.issueScoped(actor, BOARD_AUDIENCE, ttl);
    // Who opened the board, and when: the retries themselves are audited one by one.
    await this.audit.recordAlone(actor, {
      action: 'queues.board.opened',
      entityType: 'queue_board',
      entityId: actor.sessionId,
      after: { expiresInSeconds: ttl },
    });
    return { cookie: boardCookie(token, ttl, secure), url: BOARD_BASE };
  }
}
