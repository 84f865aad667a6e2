import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { instrumentStream, notFound } from '#libs/lifecycle';
import { InstrumentParams } from '../shared/route-params.dto.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class GetInstrumentEventsHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/events')
  @ApiOperation({ summary: 'The instrument’s history: every event in order, with its metadata (actor, recordedAt, legalDate, correlation and causation ids)' })
  @ApiOkResponse({ description: '{ id, events: [{ id, type, revision, position, data, metadata }] }' })
  async list(@Param() { id }: InstrumentParams) {
    const events = await this.store.readStream(instrumentStream(id));
    if (events.length === 0) throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);
    return {
      id,
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        revision: Number(e.revision),
        position: e.position.toString(),
        data: e.data,
        metadata: e.metadata,
      })),
    };
  }
}
