import type { FieldError } from './problem-details';

/**
 * The members every problem body has. An error's extras can never replace them: the filter writes them last, and the
 * type below refuses them at compile time (issue #9: an extra named `status` became the HTTP status, a 409 became 500).
 */
export const RESERVED_PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId'] as const;

/** Extra members of a problem body: anything but a reserved member; `errors` only as field errors. */
export type ProblemExtras = { [member: string]: unknown } & {
  [K in (typeof RESERVED_PROBLEM_MEMBERS)[number]]?: never;
} & { errors?: FieldError[] };

/**
 * Base of every context's typed error (`IdentityError`, `RegionsError`, …). Services throw these,
 * never HttpException; the problem-details filter translates them to HTTP in one place.
 */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `IDENTITY_ACCOUNT_LOCKED`. */
    readonly code: string,
    readonly status: ProblemStatus,
    message: string,
    /** Extra members of the problem body (never secrets, never a reserved member: name them for what they are). */
    readonly extra: ProblemExtras = {},
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
