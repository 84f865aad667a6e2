import type { Server } from 'node:http';
import { Logger, type INestApplication } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore } from '#libs/event-store';
import { Projector, READ_MODEL_STORE, type ReadModelStore } from '#libs/read-models';
import { environment } from '#libs/config';

/**
 * On SIGTERM (or SIGINT): stop accepting connections, let in-flight requests finish (each acknowledged write is
 * durable before its answer), let the projector apply what was appended, then close the stores — within
 * SHUTDOWN_TIMEOUT_MS, after which the process exits anyway (an acknowledged write is on disk either way).
 */
export const installGracefulShutdown = (app: INestApplication, timeoutMs = environment().get('SHUTDOWN_TIMEOUT_MS')): void => {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + timeoutMs;
    const timer = setTimeout(() => {
      logger.error(`${signal}: not stopped within ${timeoutMs} ms; exiting.`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    logger.log(`${signal}: no new requests; finishing those in flight.`);
    const server = app.getHttpServer() as Server;
    // Keep-alive connections would carry new requests in: answers from now on close their connection, and idle
    // connections are closed as they become idle, so that close() sees the last in-flight request finish.
    server.on('request', (_request, response: { setHeader(name: string, value: string): void }) => response.setHeader('Connection', 'close'));
    const idle = setInterval(() => server.closeIdleConnections(), 20);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearInterval(idle);
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const projector = app.get(Projector);
    if (head !== START && projector.role === 'leader') await projector.waitFor(head, Math.max(0, deadline - Date.now()));
    const checkpoint = await app.get<ReadModelStore>(READ_MODEL_STORE).getCheckpoint(projector.checkpointName);
    const applied = projector.position;
    await app.close();
    logger.log(
      `Stopped: log head ${String(head)}, read models applied ${String(applied)}, checkpoint ${String(checkpoint?.position ?? START)}.`,
    );
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
};
