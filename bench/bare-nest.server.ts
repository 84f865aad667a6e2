/**
 * The baseline every HTTP figure of the benches is printed beside: a bare Nest application (express, as the
 * service) in its own process, with no guard, middleware or logging.
 *
 *   GET  /bare/status   answers BARE_STATUS_FILE's JSON (the service's own status answer, saved by the bench)
 *   POST /bare/append   one durable append (group commit, synchronous=FULL) to the SQLite event store at
 *                       BARE_EVENTS_FILE, round-robin over 32 streams
 *
 * Started by the benches with PORT; it prints "ready" once listening.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '#libs/event-store/adapters';

const statusFile = process.env['BARE_STATUS_FILE'];
const eventsFile = process.env['BARE_EVENTS_FILE'];
const status: unknown = statusFile ? JSON.parse(readFileSync(statusFile, 'utf8')) : { bare: true };
const store = eventsFile ? new SqliteEventStore({ file: eventsFile }) : null;
let next = 0;

@Controller('bare')
class BareController {
  @Get('status')
  status(): unknown {
    return status;
  }

  @Post('append')
  @HttpCode(201)
  async append(): Promise<{ position: string }> {
    if (!store) throw new Error('BARE_EVENTS_FILE is not set');
    const event = { id: randomUUID(), type: 'BareAppended.v1', data: { n: next }, metadata: { actor: 'bench', recordedAt: new Date().toISOString() } };
    const result = await store.append(`bare-${next++ % 32}`, [event], 'any');
    return { position: String(result.position) };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const main = async () => {
  const app = await NestFactory.create(BareModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
  console.log('ready');
  process.once('SIGTERM', () => void app.close().then(() => store?.close()).then(() => process.exit(0)));
};

void main();
