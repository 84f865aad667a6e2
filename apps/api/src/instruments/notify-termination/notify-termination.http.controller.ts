import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyTerminationRequestDto } from './notify-termination.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyTerminationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/termination-notice',
    summary: 'MOUs: record a participant’s written notice that ends the MOU under its term clause',
    body: NotifyTerminationRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'Not an MOU (TERMINATION_NOTICE_FOR_MOUS), the participant is not bound (TERMINATION_BEFORE_CONSENT), or the notice comes too early (TERMINATION_TOO_EARLY).',
  })
  notify(@Param() { id, code }: PartyActParams, @Body() body: NotifyTerminationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'NotifyTermination', data: { party: code, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null } });
  }
}
