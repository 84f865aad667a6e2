import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { PUBLIC } from '../identity/access-rule.js';
import { RouteAccess } from '../common/route-declarations.js';

@ApiTags('health')
@RouteAccess(PUBLIC)
@Controller('health')
export class HealthHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and the event store’s head position' })
  async health() {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: { head: head === 'start' ? null : head.toString() } };
  }
}
