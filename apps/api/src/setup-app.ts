import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { describeRoles } from './common/api-docs';
import { requestIdMiddleware } from '@app/platform';

/**
 * Everything `main.ts` does to the app besides listening, shared with the e2e tests so they exercise the
 * same pipes, filters and docs as production.
 */
export function setupApp(app: INestApplication): void {
  app.use(requestIdMiddleware);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.enableShutdownHooks();
  const document = describeRoles(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Perspective-plan approvals API')
        .setDescription('Trajectories for Wmo support and youth care, orchestrated by Temporal')
        .setVersion('0.1.0')
        .addBearerAuth()
        .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
