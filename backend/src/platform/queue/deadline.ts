/** A transition that must happen at `runAt` (a database-clock instant), as one BullMQ job. */
export interface DeadlineJob<P = unknown> {
  queue: string;
  name: string;
  /** Deterministic: the same deadline always gets the same id, so scheduling twice is a no-op. */
  jobId: string;
  payload: P;
  runAt: Date;
  /**
   * Retries of a job that throws (default 8, backoff from 1 s doubling): a job that does work outside the database
   * (sending an e-mail) sets its own, and its own base delay of the exponential backoff.
   */
  retry?: { attempts: number; backoffMs: number };
}

/**
 * Where the reconciler finds the deadlines still pending in the database, so that it can rebuild
 * their jobs after Redis lost them. Each context registers one source per deadline kind.
 */
export interface DeadlineSource {
  readonly kind: string;
  pending(): Promise<DeadlineJob[]>;
}

/** BullMQ rejects ':' in custom ids; deterministic ids join their parts with '__'. */
export function deadlineJobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/[:\s]/g, '_')).join('__');
}
