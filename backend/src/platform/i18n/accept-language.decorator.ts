import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The request's `Accept-Language` header: the reader's language when they have not chosen one
 * (see readerLocale). The UI sends its current language with every request.
 */
export const AcceptLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const header = ctx.switchToHttp().getRequest<Request>().headers['accept-language'];
  return typeof header === 'string' ? header.slice(0, 256) : undefined;
});
