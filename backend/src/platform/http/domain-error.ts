/**
 * Base of every context's typed error (`IdentityError`, `RegionsError`, …). Services throw these,
 * never HttpException; the problem-details filter translates them to HTTP in one place.
 */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 423 | 429 | 503;

export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `IDENTITY_ACCOUNT_LOCKED`. */
    readonly code: string,
    readonly status: ProblemStatus,
    message: string,
    /** Extra members of the problem body (never secrets). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Generic errors used by the platform itself. */
export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super('NOT_FOUND', 404, `${entity} not found.`);
  }
}
