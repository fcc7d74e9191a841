import { Injectable } from '@nestjs/common';

import { TtlCache } from '../../../platform/util/ttl-cache';

/**
 * How long a public answer is reused: a change (a payment, a published grade) shows on the portal within this time.
 * Per process, in memory; nothing a permission depends on (every portal answer is the same for everybody).
 */
export const PORTAL_CACHE_TTL_MS = 5_000;

/**
 * The portal's cache of answers, keyed by endpoint and query. It keeps the promise, so that concurrent requests for
 * the same page while it is being read share one set of queries; a failed read (a 404 included) is not kept.
 */
@Injectable()
export class PortalCache {
  private readonly answers = new TtlCache<string, Promise<unknown>>(PORTAL_CACHE_TTL_MS, 5_000);

  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.answers.get(key) as Promise<T> | undefined;
    if (known !== undefined) return known;
    const promise = read();
    this.answers.set(key, promise);
    promise.catch(() => this.answers.delete(key));
    return promise;
  }

  clear(): void {
    this.answers.clear();
  }
}
