import { Injectable } from '@nestjs/common';

import { Actor } from '../../../platform/access';

/**
 * The actors of this request who must change their password first (an administrator reset it). The actor
 * resolver marks them as it reads the user row — no extra query — and the global interceptor
 * (`PasswordChangeRequiredInterceptor`) then refuses every route not marked as allowed before the change.
 */
@Injectable()
export class PasswordChangeGate {
  private readonly pending = new WeakSet<Actor>();

  mark(actor: Actor): void {
    this.pending.add(actor);
  }

  mustChange(actor: Actor): boolean {
    return this.pending.has(actor);
  }
}
