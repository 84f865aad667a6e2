import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EVENT_STORE, type EventStore, fold } from '#libs/event-store';
import { notFound, partyDecider, partyStream } from '#libs/lifecycle';

export class PartyParams {
  @ApiProperty({ example: 'LCA' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be 2 to 12 upper-case letters or digits' })
  code: string;
}

@ApiTags('parties')
@Controller('api/parties')
export class GetPartyHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':code')
  @ApiOperation({ summary: 'One registered party' })
  async get(@Param() { code }: PartyParams) {
    const state = fold(partyDecider, await this.store.readStream(partyStream(code)));
    if (state.status !== 'registered') throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${code}.`);
    const { status: _status, ...party } = state;
    return party;
  }
}
