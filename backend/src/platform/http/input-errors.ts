import { DomainError, ProblemStatus } from './domain-error';
import type { FieldError } from './problem-details';

export enum HttpInputErrorCode {
  /** The body is larger than the route accepts. */
  BODY_TOO_LARGE = 'BODY_TOO_LARGE',
  /** A body that is not `application/json` (UTF-8), or multipart sent to a route that takes none. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A compressed body (`Content-Encoding`): refused, so that no body is ever inflated (gzip bombs). */
  UNSUPPORTED_CONTENT_ENCODING = 'UNSUPPORTED_CONTENT_ENCODING',
  /** Bytes that are not UTF-8, or text that is not JSON. */
  MALFORMED_JSON = 'MALFORMED_JSON',
  /** Arrays/objects nested deeper than the fixed limit. */
  BODY_TOO_DEEP = 'BODY_TOO_DEEP',
  /** A route that takes a body was sent JSON that is not an object (an array, a string, null …). */
  BODY_NOT_OBJECT = 'BODY_NOT_OBJECT',
  /** A PATCH whose body changes nothing (`{}`). */
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
}

const STATUS: Record<HttpInputErrorCode, ProblemStatus> = {
  [HttpInputErrorCode.BODY_TOO_LARGE]: 413,
  [HttpInputErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [HttpInputErrorCode.UNSUPPORTED_CONTENT_ENCODING]: 415,
  [HttpInputErrorCode.MALFORMED_JSON]: 400,
  [HttpInputErrorCode.BODY_TOO_DEEP]: 400,
  [HttpInputErrorCode.BODY_NOT_OBJECT]: 400,
  [HttpInputErrorCode.NOTHING_TO_CHANGE]: 400,
};

/** A request refused by its shape (size, media type, encoding, JSON) before any DTO sees it. */
export class HttpInputError extends DomainError {
  constructor(code: HttpInputErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors === undefined ? {} : { errors });
  }
}
