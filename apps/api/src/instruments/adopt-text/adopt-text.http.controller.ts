import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { AdoptTextRequestDto } from './adopt-text.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class AdoptTextHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/adoption',
    summary: 'Record the adoption of the approved text by a meeting or conference (VCLT 9)',
    body: AdoptTextRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The text is not approved, or is adopted already (ILLEGAL_STAGE); a vote without its figures (VOTES_REQUIRED).',
  })
  adopt(@Param() { id }: InstrumentParams, @Body() body: AdoptTextRequestDto, @HttpWrite() write: HttpWrite) {
    const votes = body.votes ? { for: body.votes.for, against: body.votes.against, abstentions: body.votes.abstentions } : null;
    return this.commands.send(write, id, { type: 'AdoptText', data: { adoptedOn: body.adoptedOn, place: body.place, method: body.method, votes } });
  }
}
