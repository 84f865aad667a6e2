import 'reflect-metadata';
// First: nothing else loads on a misconfigured environment.
import { configuration } from './config/configuration-at-start.js';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { openDoorProblem } from './identity/open-door.js';
import { installGracefulShutdown } from './observability/graceful-shutdown.js';

const bootstrap = async () => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  configureApp(app);
  const host = configuration.HOST;
  const port = configuration.PORT;
  await app.init();
  // Beyond loopback only once someone can sign in to administer it: no open door to the network.
  const problem = await openDoorProblem(app, host);
  if (problem) {
    Logger.error(problem, 'Bootstrap');
    await app.close();
    process.exit(1);
  }
  await app.listen(port, host);
  installGracefulShutdown(app);
  Logger.log(`Listening on http://${host}:${port} (OpenAPI at /api/docs)`, 'Bootstrap');
};

void bootstrap();
