import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { OpenForSignatureRequestDto } from './open-for-signature.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class OpenForSignatureHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/signature-opening',
    summary: 'Open the adopted text (or an approved MOU) for signature: place, first and last day (VCLT 24(4))',
    body: OpenForSignatureRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The text is not adopted (an MOU: not approved), or is open already (ILLEGAL_STAGE).',
  })
  open(@Param() { id }: InstrumentParams, @Body() body: OpenForSignatureRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'OpenForSignature', data: { opensOn: body.opensOn, closesOn: body.closesOn ?? null, place: body.place } });
  }
}
