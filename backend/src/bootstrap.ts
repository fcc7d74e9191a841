import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Env } from './config/env';
import { createValidationPipe } from './platform/http/validation';

/** Everything main.ts and the HTTP tests both need: prefix, security headers, validation, docs, UI. */
export function configureHttpApp(app: INestApplication, env: Env): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', env.TRUST_PROXY_HOPS);
  express.disable('x-powered-by');
  app.setGlobalPrefix('api');
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
  // Organisation documents travel as base64 in JSON (a file of up to 5 MB): a larger limit on that route only.
  express.use('/api/v1/my/organisation/documents', json({ limit: '8mb' }));
  // Bids carry their documents the same way (up to 10 files, 20 MB in all).
  express.use(/^\/api\/v1\/tenders\/\d+\/my-bid$/, json({ limit: '30mb' }));
  express.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Diandan (点单) API')
    .setDescription(
      'Government purchase of community services. Errors are RFC 9457 problem details; lists are `{ items, total, page, pageSize }`; amounts are strings of yuan with two decimals. See docs/api.md.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  const staticDir = resolve(env.STATIC_DIR ?? join(process.cwd(), 'dist/frontend/browser'));
  if (existsSync(join(staticDir, 'index.html'))) {
    express.useStaticAssets(staticDir, { index: false, maxAge: '1h' });
    express.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(staticDir, 'index.html'));
    });
  }
}
