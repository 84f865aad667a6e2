import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { SignInstrumentRequestDto } from './sign-instrument.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class SignInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/signature',
    summary: 'Record a party’s signature, simple (subject to ratification) or definitive',
    body: SignInstrumentRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The party is not eligible (PARTY_NOT_ELIGIBLE), has signed already (ALREADY_SIGNED), or the instrument is not open for signature on that date (ILLEGAL_STAGE, SIGNATURE_BEFORE_OPENING, SIGNATURE_AFTER_CLOSING).',
  })
  sign(@Param() { id, code }: PartyActParams, @Body() body: SignInstrumentRequestDto, @HttpWrite() write: HttpWrite) {
    const { signedOn, signatory, definitive, place } = body;
    return this.commands.send(write, id, {
      type: 'SignInstrument',
      data: { party: code, signedOn, signatory: { name: signatory.name, title: signatory.title }, definitive: definitive ?? null, place: place ?? null },
    });
  }
}
