import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { isConnectionLostError, isRetryableDbError } from '../database/transaction';
import { DomainError, RESERVED_PROBLEM_MEMBERS } from './domain-error';
import { FieldError, ProblemDetails, problemType, titleFor } from './problem-details';

function isFieldErrors(v: unknown): v is FieldError[] {
  return (
    Array.isArray(v) &&
    v.every((e) => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string')
  );
}

/**
 * Renders every failure as an RFC 9457 problem (application/problem+json). Domain errors keep
 * their code and status; framework HTTP errors keep their status; database lock conflicts become
 * 503 (retry later); anything else is a 500 whose details go to the log only — never a stack
 * trace or SQL to the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = req.originalUrl?.split('?')[0];
    problem.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'request failed');
    }
    if (res.headersSent) return;
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const { errors, ...extra } = exception.extra as Record<string, unknown>;
      for (const member of RESERVED_PROBLEM_MEMBERS) delete extra[member];
      return {
        ...extra,
        // Written after the extras, so that no extra can ever replace them.
        type: problemType(exception.code),
        title: titleFor(exception.status),
        status: exception.status,
        detail: exception.message,
        code: exception.code,
        ...(isFieldErrors(errors) ? { errors } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return this.simple(429, 'RATE_LIMITED', 'Too many requests; try again later.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : Array.isArray((body as { message?: unknown }).message)
            ? (body as { message: string[] }).message.join('; ')
            : String((body as { message?: unknown }).message ?? exception.message);
      if (status >= 500) return this.simple(500, 'INTERNAL', 'An unexpected error occurred.');
      const code =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'BODY_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 400
                ? 'BAD_REQUEST'
                : `HTTP_${status}`;
      return this.simple(status, code, status === 404 ? 'Not found.' : message);
    }
    if (isRetryableDbError(exception)) {
      return this.simple(503, 'CONFLICT_RETRY', 'The record is busy; please retry.');
    }
    if (isConnectionLostError(exception)) {
      return this.simple(503, 'DB_CONNECTION_LOST', 'The connection to the database was lost; please retry.');
    }
    if (
      exception instanceof QueryFailedError &&
      (exception.driverError as { code?: string })?.code === 'ER_DUP_ENTRY'
    ) {
      return this.simple(409, 'DUPLICATE', 'A record with the same unique value already exists.');
    }
    return this.simple(500, 'INTERNAL', 'An unexpected error occurred.');
  }

  private simple(status: number, code: string, detail: string): ProblemDetails {
    return { type: problemType(code), title: titleFor(status), status, detail, code };
  }
}
