import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { NotifyIntentionNotToBecomePartyRequestDto } from './notify-intention-not-to-become-party.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyIntentionNotToBecomePartyHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/provisional-application/termination',
    summary: 'Record the party’s notice that it will not become a party, which ends its provisional application (VCLT 25(2))',
    body: NotifyIntentionNotToBecomePartyRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The party does not apply the instrument provisionally (NO_PROVISIONAL_APPLICATION), has consented to be bound (ALREADY_BOUND), gave this notice already (ALREADY_NOTIFIED), or dates it before its provisional application began (NOTICE_BEFORE_PROVISIONAL_APPLICATION).',
  })
  notify(@Param() { id, code }: PartyActParams, @Body() body: NotifyIntentionNotToBecomePartyRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'NotifyIntentionNotToBecomeParty', data: { party: code, notifiedOn: body.notifiedOn } });
  }
}
