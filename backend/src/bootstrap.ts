import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { Application, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import { Env } from './config/env';
import { QueueBoard } from './modules/operations';
import { apiNoStoreMiddleware, requestIdMiddleware, uiCacheControl } from './platform/http/http-headers';
import { BodyLimits, RequestInputInterceptor, UploadedFileNamePipe } from './platform/http/request-input.interceptor';
import { createValidationPipe } from './platform/http/validation';

const MB = 1024 * 1024;

/**
 * How many bytes a JSON body may have: 1 MB, and more for the routes whose bodies carry base64 files (base64 is 4/3
 * of the bytes). Bodies are read only after the caller is authenticated and authorised (see RequestInputInterceptor).
 */
export const BODY_LIMITS: BodyLimits = {
  default: 1 * MB,
  routes: [
    ['/api/v1/my/organisation/documents', 8 * MB], // one document of up to 5 MB
    [/^\/api\/v1\/tenders\/\d+\/my-bid$/, 30 * MB], // a bid's documents: up to 10 files, 20 MB in all
    [/^\/api\/v1\/contracts\/\d+\/milestones\/\d+\/evidence$/, 8 * MB], // one evidence file of up to 5 MB
    [/^\/api\/v1\/evaluation\/tasks\/\d+\/evidence$/, 8 * MB], // an evaluator's document or photo of up to 5 MB
    [/^\/api\/v1\/evaluation\/tasks\/\d+\/objections$/, 22 * MB], // an objection's files: up to 3 of 5 MB each
  ],
};

/** Everything main.ts and the HTTP tests both need: prefix, security headers, validation, docs, UI. */
export function configureHttpApp(app: INestApplication, env: Env): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', env.TRUST_PROXY_HOPS);
  express.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.use(requestIdMiddleware);
  app.use(apiNoStoreMiddleware);
  // gzip or br for the UI and JSON; already-compressed types (PNG, JPEG, PDF, xlsx) are left as they are.
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // No body parser runs before routing: RequestInputInterceptor reads each body after the guards, with its limit.
  // The queue board (Bull Board) for administrators: its routes go on the Express router before the API's own, each
  // behind the board's access check (docs/operations.md, "Queue board").
  app.get(QueueBoard).mount(express.getHttpAdapter().getInstance() as Application);
  app.useGlobalInterceptors(new RequestInputInterceptor(BODY_LIMITS));
  app.useGlobalPipes(new UploadedFileNamePipe(), createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Diandan (点单) API')
    .setDescription(
      'Government purchase of community services. Errors are RFC 9457 problem details; lists are `{ items, total, page, pageSize }`; amounts are strings of yuan with two decimals. See docs/api.md.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  const staticDir = resolve(env.STATIC_DIR ?? join(process.cwd(), 'dist/frontend/browser'));
  if (existsSync(join(staticDir, 'index.html'))) {
    express.useStaticAssets(staticDir, {
      index: false,
      setHeaders: (res: Response, path: string) => res.setHeader('Cache-Control', uiCacheControl(path)),
    });
    express.use((req: Request, res: Response, next: NextFunction) => {
      // A missing file (an old bundle after a deployment) is a 404, not the page: the browser would run HTML as JS.
      if (req.method !== 'GET' || req.path.startsWith('/api') || /\.[A-Za-z0-9]+$/.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(staticDir, 'index.html'));
    });
  }
}
