import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  RequestMethod,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';

import { canonicalJson, sha256Hex } from '../../util/canonical-json';
import { DomainError } from '../domain-error';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/;
const RETENTION_HOURS = 24;
/** A request still "in flight" after this long died with its process: its key is free again. */
const ABANDONED_MINUTES = 5;

export class IdempotencyError extends DomainError {}

/**
 * `Idempotency-Key` support, stored in MariaDB: the same key with the same body replays the stored
 * response; the same key with a different body answers 422; a key whose first request is still
 * running answers 409. Keys belong to the caller (user id, or the client address when anonymous).
 * Only successful responses are stored: a failed request frees its key, so the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { actor?: { userId: number } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new IdempotencyError(
        'IDEMPOTENCY_KEY_INVALID',
        400,
        'Idempotency-Key must be 8–128 characters of A–Z, a–z, 0–9, _ - : .',
      );
    }
    const owner = req.actor ? `user:${req.actor.userId}` : `ip:${req.ip ?? 'unknown'}`;
    const requestHash = sha256Hex(`${req.method} ${req.originalUrl.split('?')[0]}\n${canonicalJson(req.body ?? null)}`);
    const repo = this.dataSource.getRepository(IdempotencyKeyEntity);

    const claimed = await this.claim(owner, key, requestHash);
    if (!claimed) {
      const existing = await repo.findOneBy({ owner, key });
      if (existing === null || existing.state === 'IN_FLIGHT') {
        if (existing !== null && existing.requestHash !== requestHash) {
          throw new IdempotencyError(
            'IDEMPOTENCY_KEY_REUSED',
            422,
            'This Idempotency-Key was used with a different request.',
          );
        }
        throw new IdempotencyError('IDEMPOTENCY_IN_FLIGHT', 409, 'A request with this Idempotency-Key is in progress.');
      }
      if (existing.requestHash !== requestHash) {
        throw new IdempotencyError(
          'IDEMPOTENCY_KEY_REUSED',
          422,
          'This Idempotency-Key was used with a different request.',
        );
      }
      res.status(existing.responseStatus ?? 200);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(existing.responseBody === null ? undefined : (JSON.parse(existing.responseBody) as unknown));
    }

    const successStatus = this.successStatus(context);
    return next.handle().pipe(
      mergeMap((body) => from(this.complete(owner, key, successStatus, body).then(() => body))),
      catchError((err: unknown) => from(this.fail(owner, key)).pipe(mergeMap(() => throwError(() => err)))),
    );
  }

  /** Inserts the IN_FLIGHT row; false when the key already exists (and has not expired). */
  private async claim(owner: string, key: string, requestHash: string): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE owner = ? AND idem_key = ?
         AND (expires_at < UTC_TIMESTAMP(3) OR (state = 'IN_FLIGHT' AND created_at < UTC_TIMESTAMP(3) - INTERVAL ${ABANDONED_MINUTES} MINUTE))`,
      [owner, key],
    );
    const result: { affectedRows: number } = await this.dataSource.query(
      `INSERT IGNORE INTO idempotency_keys (owner, idem_key, request_hash, state, created_at, expires_at)
       VALUES (?, ?, ?, 'IN_FLIGHT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ${RETENTION_HOURS} HOUR)`,
      [owner, key, requestHash],
    );
    return result.affectedRows === 1;
  }

  private async complete(owner: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_body = ? WHERE owner = ? AND idem_key = ?`,
      [status, body === undefined ? null : JSON.stringify(body), owner, key],
    );
  }

  /** A failed request leaves nothing behind: the key is freed so the client may retry. */
  private async fail(owner: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE owner = ? AND idem_key = ? AND state = ?', [
      owner,
      key,
      'IN_FLIGHT',
    ]);
  }

  private successStatus(context: ExecutionContext): number {
    const handler = context.getHandler();
    const explicit = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
    if (explicit !== undefined) return explicit;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    return method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
  }
}

/** Marks a write endpoint as accepting an `Idempotency-Key` header. */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Same key + same body replays the stored response; different body → 422; in flight → 409.',
    }),
  );
}
