import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyInternalProceduresRequestDto } from './notify-internal-procedures.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyInternalProceduresHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/notification',
    summary: 'Bilateral agreements: record a party’s notification that its internal procedures are complete',
    body: NotifyInternalProceduresRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The party has notified already (ALREADY_NOTIFIED), has not signed (NOTIFICATION_BEFORE_SIGNATURE), or is not eligible (PARTY_NOT_ELIGIBLE).',
  })
  notify(@Param() { id, code }: PartyActParams, @Body() body: NotifyInternalProceduresRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'NotifyInternalProcedures', data: { party: code, notifiedOn: body.notifiedOn } });
  }
}
