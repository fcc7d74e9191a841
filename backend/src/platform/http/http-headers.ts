import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = /^[A-Za-z0-9_\-.:]{1,64}$/;

/**
 * Gives the request its id (the caller's `X-Request-Id` when it is a plain token, otherwise a new UUID) and echoes it
 * on the response. Registered first of all, so that even a request refused before routing (a bad path encoding, a
 * body problem) answers with the id its log line and problem body carry; pino-http then reuses `req.id`.
 */
export function requestIdMiddleware(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  if (typeof req.id !== 'string') {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  }
  res.setHeader('X-Request-Id', req.id as string);
  next();
}

/**
 * Every API answer is `Cache-Control: no-store`: tokens (sign-in, refresh), personal data (`/me`, needs, bids) and
 * sealed-bid state must not stay in a browser's or a proxy's cache, on a shared computer of a community centre
 * for instance. Nothing under /api gains from caching; a handler may still set its own header.
 */
export function apiNoStoreMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Angular's build names its bundles `main-3LULUPLH.js`, `chunk-2BF2F5J3.js`, `styles-NRNTT4WM.css`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|mjs|woff2?|ttf|svg|png|jpe?g|webp)$/;

/**
 * Cache policy of the UI's files: content-hashed bundles never change under their name (a year, immutable); every
 * other file (`index.html`, `favicon.svg`, unhashed CSS) is revalidated on each use (`no-cache`, with its ETag), so a
 * deployment is seen at the next page load.
 */
export function uiCacheControl(path: string): string {
  return HASHED_ASSET.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
