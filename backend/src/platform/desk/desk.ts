import { Global, Injectable, Module } from '@nestjs/common';

import { Actor } from '../access/actor';

/**
 * One thing waiting for the signed-in user on their desk (首页工作台). Codes and parameters only, never
 * sentences: the UI renders every item in the reader's language.
 */
export interface DeskItem {
  /** What waits, `<area>.<task>` (`needs.moderate`, `procurement.award_confirm`…); the area groups it on the page. */
  kind: string;
  /** How many records the item stands for (1 for one record; a group points at its most urgent one). */
  count: number;
  /** The record it concerns, or null for a count of several (residents waiting, disabled accounts). */
  ref: { type: string; id: number | string } | null;
  /** The record's own name as entered (a tender's or a campaign's title); null when there is none. */
  title: string | null;
  /** When it must be done (UTC ISO instant) and the code of the rule that sets it; both null when no rule does. */
  dueAt: string | null;
  dueRule: string | null;
  /** Since when it waits (UTC ISO instant), when known. */
  since: string | null;
  /** The UI page that does it (null when the desk itself is the place, e.g. a queue's counts), and its query. */
  route: string | null;
  query?: Record<string, string>;
  /** Further facts for the UI's text: codes, numbers, flags (a status, a round, a queue's counts). */
  params?: Record<string, string | number | boolean | null>;
}

/**
 * A bounded context's contribution to the desk. `items` answers what waits for `actor` in that context,
 * scoped exactly as the context's own lists are (region subtree, own organisation, own committee seats), and
 * never reveals what those lists hide (no bid counts before opening). `now` is the database clock, read once
 * per desk. It should be a handful of indexed queries: the desk loads on every sign-in.
 */
export interface DeskProvider {
  /** For logs and for the `unavailable` list when the provider fails. */
  readonly area: string;
  items(actor: Actor, now: Date): Promise<DeskItem[]>;
}

/**
 * Where contexts register their {@link DeskProvider}s (at module init), so that the desk module
 * aggregates them without importing any context.
 */
@Injectable()
export class DeskRegistry {
  private readonly registered: DeskProvider[] = [];

  register(provider: DeskProvider): void {
    if (!this.registered.includes(provider)) this.registered.push(provider);
  }

  providers(): readonly DeskProvider[] {
    return this.registered;
  }
}

/** Global so that every context module can inject the registry (both processes build it; only the API reads it). */
@Global()
@Module({ providers: [DeskRegistry], exports: [DeskRegistry] })
export class DeskPlatformModule {}
