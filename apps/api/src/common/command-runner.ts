import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { categoryOf, EVENT_STORE, handleCommand, StreamStateCache, type EventStore, type HandleCommandResult } from '#libs/event-store';
import { type Decider, type DomainEvent } from '#libs/lifecycle';
import type { Response } from 'express';
import { Clock } from './clock.js';
import { etag, type CommandRequest } from './command-request.js';
import { KeyedMutex } from './keyed-mutex.js';
import { AppMetrics } from '../metrics/app-metrics.js';

export interface RunOptions<State, Command, Event extends DomainEvent> {
  readonly stream: string;
  readonly decider: Decider<State, Command, Event>;
  readonly command: Command;
  readonly request: CommandRequest;
  readonly legalDateOf?: (event: Event, today: string) => string;
}

/** The edge of every write: context from the request and clock, one command per stream at a time here. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly mutex: KeyedMutex,
    private readonly metrics: AppMetrics,
    private readonly cache: StreamStateCache,
  ) {}

  run<State, Command, Event extends DomainEvent>(options: RunOptions<State, Command, Event>): Promise<HandleCommandResult<State>> {
    const { stream, request } = options;
    const commandId = randomUUID();
    const now = this.clock.now();
    const context = {
      actor: request.principal.accountId,
      principal: request.principal,
      now: now.toISOString(),
      today: this.clock.today(),
      correlationId: request.correlationId ?? commandId,
      commandId,
    };
    const idempotency = request.idempotencyKey
      ? { key: request.idempotencyKey, requestHash: requestHash(stream, options.command) }
      : undefined;
    // An Idempotency-Key is claimed by the command's own append, so a refused request leaves no trace of it.
    const result = this.mutex.run(stream, () =>
      handleCommand({
        store: this.store,
        decider: options.decider,
        stream,
        command: options.command,
        context,
        // If-Match: * (any revision of an existing record): no revision to compare here.
        expectedRevision: request.ifMatch,
        idempotency,
        legalDateOf: options.legalDateOf,
        cache: this.cache,
      }),
    );
    return result.then((outcome) => {
      // A replay recorded nothing; neither did a command whose decision was no event.
      if (!outcome.replayed && outcome.events.length > 0) {
        const category = categoryOf(stream);
        this.metrics.commandsAppended.inc({ category });
        this.metrics.eventsAppended.inc({ category }, outcome.events.length);
      }
      return outcome;
    });
  }
}

/** A fingerprint of what was asked, so that a reused Idempotency-Key with another request is refused. */
export const requestHash = (stream: string, command: unknown): string =>
  createHash('sha256').update(JSON.stringify([stream, command])).digest('hex');

/** A deterministic UUID from an Idempotency-Key, so that a repeated create lands on the same stream. */
export const uuidFromKey = (namespace: string, key: string): string => {
  const hex = createHash('sha256').update(`${namespace}:${key}`).digest('hex');
  // Shaped as a version-8 (custom) RFC 9562 UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface CommandResponseBody {
  readonly id: string;
  readonly revision: number;
  readonly position: string | null;
  readonly eventIds: readonly string[];
  readonly replayed: boolean;
}

/** ETag = stream revision; X-Log-Position = where the command landed in the global log (read your writes). */
export const writeCommandResponse = (
  response: Response,
  id: string,
  result: HandleCommandResult<unknown>,
): CommandResponseBody => {
  response.setHeader('ETag', etag(result.revision));
  if (result.position !== null) response.setHeader('X-Log-Position', result.position.toString());
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return {
    id,
    revision: result.revision === 'no_stream' ? -1 : Number(result.revision),
    position: result.position === null ? null : result.position.toString(),
    eventIds: result.events.map((e) => e.id),
    replayed: result.replayed,
  };
};
