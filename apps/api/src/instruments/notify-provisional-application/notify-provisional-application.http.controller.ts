import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { NotifyProvisionalApplicationRequestDto } from './notify-provisional-application.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyProvisionalApplicationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/provisional-application',
    summary: 'Record the party’s declaration that it applies the instrument provisionally, from a date (VCLT 25)',
    body: NotifyProvisionalApplicationRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The instrument is already in force for the party (IN_FORCE_FOR_PARTY), the party applies it provisionally already (ALREADY_APPLIED_PROVISIONALLY) or notified that it will not become a party (NOT_BECOMING_PARTY), the text is not adopted (ILLEGAL_STAGE), or the party is not eligible (PARTY_NOT_ELIGIBLE).',
  })
  notify(@Param() { id, code }: PartyActParams, @Body() body: NotifyProvisionalApplicationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'NotifyProvisionalApplication',
      data: { party: code, notifiedOn: body.notifiedOn, appliesFrom: body.appliesFrom ?? null },
    });
  }
}
