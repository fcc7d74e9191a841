import { ValidationPipe } from '@nestjs/common';
import { ValidateIf, ValidationOptions } from 'class-validator';

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

/**
 * Like `@IsOptional()`, but only for absence: `null` is validated (and refused by the type checks that follow). For
 * optional fields where null has no meaning, so that a client's `null` is a 400 naming the field rather than reaching
 * a service that tests `!== undefined` (issue #9: `"copyFromVersionId": null` answered 500).
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
