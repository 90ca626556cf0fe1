import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, text } from 'express';
import { MAX_MESSAGE_BYTES } from '@app/chain';
import type { AppConfig } from '@app/config';
import { codecHttp } from './codec/codec-http.middleware';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { expressErrorHandler } from './common/error-response';
import { registerDocumentedRoutes } from './common/method-not-allowed';
import { apiValidationPipe } from './common/validation-pipe';
import {
  CHAIN_UPLOAD_PATH,
  JSON_MEDIA_TYPES,
  requestShapeMiddleware,
  XML_MEDIA_TYPES,
} from './common/request-shape.middleware';
import { securityHeaders } from './perimeter/security-headers';
import { createApiDocument } from './openapi/api-document';
import { APP_CONFIG, requestIdMiddleware } from '@app/platform';

/** Large enough for the largest plan (results per life domain, arrangement, signatures) with room to spare. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Everything `main.ts` does to the app besides listening, shared with the e2e tests so they exercise the
 * same pipes, filters and docs as production.
 */
export function setupApp(app: INestApplication): void {
  const { perimeter } = app.get<AppConfig>(APP_CONFIG);
  const express = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void };
  express.set('x-powered-by', false);
  // Behind a load balancer the client's address is in X-Forwarded-For; trust exactly the configured hops.
  express.set('trust proxy', perimeter.trustProxy);
  app.use(requestIdMiddleware);
  app.use(...securityHeaders());
  // The Temporal Web UI's codec calls: CORS for its origin, their own body limit (codec/codec-http.middleware.ts).
  app.use('/codec', ...codecHttp(app.get<AppConfig>(APP_CONFIG).temporal.uiUrl));
  // Parsed here rather than by Nest at init, so the shape checks and the error handler run right after it
  // (Nest's own parser then sees the body parsed and skips). Compressed bodies are inflated; a body that
  // claims an encoding it does not have answers 400, an encoding nobody supports 415, more than the limit 413.
  app.use(json({ limit: MAX_BODY_BYTES, strict: true, type: JSON_MEDIA_TYPES }));
  // iJw/iWmo messages (issue 17) are XML, up to a 323 of a busy month; only their own route reads them.
  app.use(
    CHAIN_UPLOAD_PATH,
    text({ limit: MAX_MESSAGE_BYTES, type: XML_MEDIA_TYPES, defaultCharset: 'utf-8' }),
  );
  app.use(requestShapeMiddleware);
  app.use(expressErrorHandler);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(apiValidationPipe());
  app.enableShutdownHooks();
  const document = createApiDocument(
    app,
    new DocumentBuilder()
      .setTitle('Perspective-plan approvals API')
      .setDescription('Trajectories for Wmo support and youth care, orchestrated by Temporal')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .build(),
  );
  // DOCS_ENABLED: on by default except in production, where the document is published on purpose or not at all.
  registerDocumentedRoutes(document);
  if (perimeter.docsEnabled) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
