import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { environment, type Env } from '#libs/config';
import type { CredentialStore } from '#libs/identity';
import { ErrorResponseFilter } from './common/error-response.filter.js';
import { securityHeaders } from './common/security-headers.js';
import { jsonReplacer } from './common/json-replacer.js';
import { jsonBodyParser, pageFormParser, RequireJsonBodyPipe } from './common/request-body.js';
import { validationPipe } from './common/validation.js';
import { CREDENTIAL_STORE } from './identity/accounts.service.js';
import type { IdentityConfig } from './identity/identity.config.js';
import { IDENTITY_CONFIG } from './identity/identity.tokens.js';
import { withSecuritySchemes } from './identity/security-schemes.js';
import { sessionMiddleware } from './identity/session.js';
import { AppMetrics } from './metrics/app-metrics.js';
import { useApiDocument } from './web/forms/api-forms.js';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware.js';

/** Where clients reach the service, for the OpenAPI document (PUBLIC_URL behind a proxy; else HOST and PORT). */
export const publicUrl = (env: Env = process.env): string => {
  const config = environment(env);
  return (config.get('PUBLIC_URL') ?? `http://${config.get('HOST')}:${config.get('PORT')}`).replace(/\/+$/, '');
};

/** Everything main.ts and the end-to-end tests share, so the tests run the service as deployed. */
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  // First, so that every answer is counted, those given before routing included.
  app.use(httpMetricsMiddleware(app.get(AppMetrics)));
  // Security headers on every answer (helmet's, worked out once); the API document's page needs its own inline
  // style only. Scripts come from this origin only (the pages' one file, none inline); requests are not upgraded
  // to https, which a service on plain loopback would then not answer (behind TLS the proxy redirects and sets HSTS).
  app.use(securityHeaders({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Behind a TLS-terminating proxy, TRUST_PROXY names it, so that Secure cookies and client addresses hold.
  app.set('trust proxy', environment().get('TRUST_PROXY'));
  app.use(sessionMiddleware(app.get<CredentialStore>(CREDENTIAL_STORE), app.get<IdentityConfig>(IDENTITY_CONFIG)));
  app.use(pageFormParser(), ...jsonBodyParser());
  // Only stream revisions are ETags (set where a revision is answered); Express's body hashes would not match If-Match.
  app.set('etag', false);
  app.useGlobalPipes(new RequireJsonBodyPipe(), validationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.set('json replacer', jsonReplacer);
  const config = withSecuritySchemes(new DocumentBuilder())
    .setTitle('Treaty and MOU lifecycle tracker')
    .setDescription(
      'Records the life of each instrument as events: drafting, review, adoption, signature, consent, reservations, withdrawal, entry into force. ' +
        'Writes answer with ETag (the stream revision; send it back as If-Match) and X-Log-Position (the global log position). ' +
        'Idempotency-Key makes a retried write safe. Dates are YYYY-MM-DD.',
    )
    .setVersion('0.1.0')
    .addServer(publicUrl(), 'This service')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The pages' act forms are made from the write routes' request schemas.
  useApiDocument(document);
  return app;
};
