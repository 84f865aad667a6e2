import { Controller, Inject, Param, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { EVENT_STORE, fold, type EventStore } from '#libs/event-store';
import { notFound, partyDecider, partyStream } from '#libs/lifecycle';
import type { Response } from 'express';
import { etag } from '../../common/command-request.js';
import { ReadRoute } from '../../common/route-declarations.js';
import { READER } from '../../identity/access-rule.js';

export class PartyParams {
  @ApiProperty({ example: 'LCA' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be 2 to 12 upper-case letters or digits' })
  code: string;
}

export class PartyRecordResponse {
  @ApiProperty({ example: 'LCA' }) code: string;
  @ApiProperty({ example: 'Saint Lucia' }) name: string;
  @ApiProperty({ enum: ['state', 'territory', 'organisation'] }) kind: string;
}

@ApiTags('parties')
@Controller('api/parties')
export class GetPartyHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ReadRoute({
    access: READER,
    path: ':code',
    summary: 'One registered party, folded from its stream; ETag is the stream revision',
    response: PartyRecordResponse,
    etag: true,
    badRequest: 'The code is not a party code (2 to 12 upper-case letters or digits).',
    notFound: 'No party is registered with this code (PARTY_NOT_FOUND).',
  })
  async get(@Param() { code }: PartyParams, @Res({ passthrough: true }) response: Response) {
    const events = await this.store.readStream(partyStream(code));
    const state = fold(partyDecider, events);
    if (state.status !== 'registered') throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${code}.`);
    response.setHeader('ETag', etag(events[events.length - 1].revision));
    const { status: _status, ...party } = state;
    return party;
  }
}
