import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PipeTransform } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { Observable } from 'rxjs';

import { HttpInputError, HttpInputErrorCode } from './input-errors';
import { FORBIDDEN_KEYS, printable, textProblem } from './input-text';
import { announcesBody, readJsonBody, refuseContentEncoding } from './json-body';
import type { FieldError } from './problem-details';
import { RequestValidationError } from './validation';

/** Methods whose body the API reads. A body sent with GET/HEAD/OPTIONS is never read. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BodyLimits {
  /** Bytes any JSON body may have. */
  default: number;
  /** Larger limits for the routes that carry base64 files, matched against the request path. */
  routes: ReadonlyArray<readonly [string | RegExp, number]>;
}

interface RouteArg {
  index: number;
  data?: unknown;
}

/** The kinds of arguments a handler declares (`@Body()`, `@Param()`, `@UploadedFile()` …), from Nest's metadata. */
export function handlerArgKinds(controller: object, methodName: string): Set<RouteParamtypes> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, RouteArg>;
  const kinds = new Set<RouteParamtypes>();
  for (const key of Object.keys(args)) {
    const kind = Number(key.split(':')[0]);
    if (Number.isInteger(kind)) kinds.add(kind as RouteParamtypes);
  }
  return kinds;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Problems in the raw query string: bad percent-encoding, refused characters, prototype keys. */
export function queryProblems(originalUrl: string): FieldError[] {
  const at = originalUrl.indexOf('?');
  if (at < 0) return [];
  const out: FieldError[] = [];
  for (const part of originalUrl.slice(at + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      // Express would quietly turn these bytes into U+FFFD: refuse instead of storing what was not sent.
      out.push({ field: printable(rawKey), message: `${printable(rawKey)} is not valid percent-encoded UTF-8` });
      continue;
    }
    const field = printable(key);
    const keyProblem = textProblem(key);
    if (FORBIDDEN_KEYS.has(key.replace(/\[.*$/, ''))) out.push({ field, message: `the key ${field} is not allowed` });
    else if (keyProblem !== null) out.push({ field, message: `the key ${keyProblem}` });
    else {
      const problem = textProblem(value);
      if (problem !== null) out.push({ field, message: `${field} ${problem}` });
    }
  }
  return out;
}

/**
 * The one gate every routed request passes after authentication (guards run first) and before any pipe or DTO:
 *
 * - query strings and path parameters carry no ill-formed Unicode, NUL or bidi controls (400 naming the field);
 * - the body is read only now, so an anonymous or unauthorised caller never makes the server read or parse it, with
 *   the route's limit (413), as `application/json` only (415), never compressed (415), depth-limited (400);
 * - whether a route takes a body comes from its handler's `@Body()` parameter: a route without one refuses a body with
 *   fields (400; an empty body or `{}` is fine, the UI posts `{}`), a route with one needs a JSON object (an absent
 *   body counts as `{}`, so required fields are named by validation), and a PATCH must change something (400);
 * - a route taking `@UploadedFile()` accepts `multipart/form-data` only (multer reads it after this).
 */
@Injectable()
export class RequestInputInterceptor implements NestInterceptor {
  constructor(private readonly limits: BodyLimits) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const kinds = handlerArgKinds(context.getClass(), context.getHandler().name);

    const problems = [...queryProblems(req.originalUrl ?? req.url), ...this.paramProblems(req.params)];
    if (problems.length > 0) throw new RequestValidationError(problems);

    if (!WRITE_METHODS.has(req.method)) return next.handle();

    if (kinds.has(RouteParamtypes.FILE) || kinds.has(RouteParamtypes.FILES)) {
      refuseContentEncoding(req);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (announcesBody(req) && req.headers['content-length'] !== '0' && !type.startsWith('multipart/form-data')) {
        throw new HttpInputError(
          HttpInputErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'Send the file as multipart/form-data (field "file").',
        );
      }
      return next.handle();
    }

    const body = await readJsonBody(req, this.limitFor(req.path));
    if (!kinds.has(RouteParamtypes.BODY)) {
      if (body !== undefined && !(isPlainObject(body) && Object.keys(body).length === 0)) {
        const fields = isPlainObject(body) ? Object.keys(body).map((k) => printable(k)) : [''];
        throw new RequestValidationError(
          fields.map((field) => ({
            field,
            message: `this endpoint takes no body${field ? `: ${field} is not expected` : ''}`,
          })),
        );
      }
      req.body = {};
      return next.handle();
    }
    if (body !== undefined && !isPlainObject(body)) {
      throw new HttpInputError(HttpInputErrorCode.BODY_NOT_OBJECT, 'The request body must be a JSON object.');
    }
    const object = body ?? {};
    if (req.method === 'PATCH' && Object.keys(object).length === 0) {
      throw new HttpInputError(
        HttpInputErrorCode.NOTHING_TO_CHANGE,
        'The request changes nothing: send the fields to change.',
      );
    }
    req.body = object;
    return next.handle();
  }

  private limitFor(path: string): number {
    for (const [route, limit] of this.limits.routes) {
      if (typeof route === 'string' ? path === route : route.test(path)) return limit;
    }
    return this.limits.default;
  }

  private paramProblems(params: Record<string, string | string[]> | undefined): FieldError[] {
    const out: FieldError[] = [];
    for (const [name, value] of Object.entries(params ?? {})) {
      const problem =
        ([] as string[])
          .concat(value)
          .map(textProblem)
          .find((p) => p !== null) ?? null;
      if (problem !== null) out.push({ field: name, message: `${name} ${problem}` });
    }
    return out;
  }
}

/**
 * Uploaded file names are text the user chose too (`报告\u202Efdp.exe`): multer reads them after the interceptor, so a
 * pipe checks them, as sent (latin1, multer's reading) and as UTF-8 (how the services store them).
 */
export class UploadedFileNamePipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (isPlainObject(value) && typeof value.originalname === 'string' && typeof value.fieldname === 'string') {
      const name = value.originalname;
      const asUtf8 = /^[\u0000-\u00FF]*$/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name;
      const problem = textProblem(name) ?? textProblem(asUtf8);
      if (problem !== null) throw new RequestValidationError([{ field: 'file', message: `the file name ${problem}` }]);
    }
    return value;
  }
}
