import { Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { instrumentStream, notFound } from '#libs/lifecycle';
import { ReadRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class GetInstrumentEventsHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ReadRoute({
    path: ':id/events',
    summary: 'The instrument’s history: every event in order, with its metadata (actor, recordedAt, legalDate, correlation and causation ids)',
    response: { description: '{ id, events: [{ id, type, revision, position, data, metadata }] }' },
    badRequest: 'The id is not an instrument id (a UUID).',
    notFound: INSTRUMENT_NOT_FOUND,
  })
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
