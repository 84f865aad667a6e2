import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { DepositConsentRequestDto } from './deposit-consent.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class DepositConsentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/consent',
    summary: 'Record the deposit of an instrument of ratification, acceptance, approval, accession, succession or formal confirmation',
    body: DepositConsentRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The act the law of treaties does not allow here: e.g. SIGNATURE_REQUIRED (ratification without signature; accession is the act), ALREADY_CONSENTED, DEPOSIT_BEFORE_OPENING, PARTY_NOT_ELIGIBLE.',
  })
  deposit(@Param() { id, code }: PartyActParams, @Body() body: DepositConsentRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'DepositConsent',
      data: { party: code, kind: body.kind, depositedOn: body.depositedOn, domesticActOn: body.domesticActOn ?? null, succeededOn: body.succeededOn ?? null },
    });
  }
}
