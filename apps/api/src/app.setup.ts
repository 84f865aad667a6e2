import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BODY_LIMIT } from './common/body-limit.js';
import { ErrorResponseFilter } from './common/error-response.filter.js';
import { validationPipe } from './common/validation.js';


/** Everything main.ts and the end-to-end tests share, so the tests run the service as deployed. */
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();
  app.set('json replacer', (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  const config = new DocumentBuilder()
    .setTitle('Treaty and MOU lifecycle tracker')
    .setDescription(
      'Records the life of each instrument as events: drafting, review, adoption, signature, consent, reservations, withdrawal, entry into force. ' +
        'Writes answer with ETag (the stream revision; send it back as If-Match) and X-Log-Position (the global log position). ' +
        'Idempotency-Key makes a retried write safe. Dates are YYYY-MM-DD.',
    )
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
};
