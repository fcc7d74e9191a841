import { ValidationPipe } from '@nestjs/common';

import { DomainError } from './domain-error';
import { flattenValidationErrors } from './problem-details';

/** Raised by the global ValidationPipe; rendered as a 400 problem with `errors[]`. */
export class RequestValidationError extends DomainError {
  constructor(readonly fieldErrors: { field: string; message: string }[]) {
    super('VALIDATION_FAILED', 400, 'The request is invalid.', { errors: fieldErrors });
  }
}

/** Whitelisting, forbidding unknown fields, nested validation, and transformation to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
