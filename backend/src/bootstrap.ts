import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';

import { Env } from './config/env';
import { createValidationPipe } from './platform/http/validation';

/** Routes whose JSON bodies carry base64 files, with their limits (base64 is 4/3 of the bytes). */
const LARGE_JSON_ROUTES: ReadonlyArray<[string | RegExp, string]> = [
  ['/api/v1/my/organisation/documents', '8mb'], // one document of up to 5 MB
  [/^\/api\/v1\/tenders\/\d+\/my-bid$/, '30mb'], // a bid's documents: up to 10 files, 20 MB in all
];

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
  // Files travel as base64 in JSON: the routes that take them get a larger body limit, every other route 1 MB.
  for (const [route, limit] of LARGE_JSON_ROUTES) express.use(route, json({ limit }));
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
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

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
