import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { DeclareTerritorialApplicationRequestDto } from './declare-territorial-application.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class DeclareTerritorialApplicationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/territorial-application',
    summary: 'Record a State’s declaration that the instrument extends (or does not extend) to a territory for whose international relations it is responsible (VCLT 29)',
    body: DeclareTerritorialApplicationRequestDto,
    response: InstrumentCommandResponse,
    notFound: `${PARTY_ACT_NOT_FOUND.slice(0, -1)}, or the territory is named by a code no party is registered with (PARTY_NOT_FOUND).`,
    conflict: 'The declaring party is not a State (TERRITORIAL_APPLICATION_BY_STATES), has neither signed nor consented (TERRITORIAL_DECLARATION_WITHOUT_ACT, TERRITORIAL_DECLARATION_BEFORE_ACT), the territory’s code is a registered party that is not a territory (NOT_A_TERRITORY), or the party is not eligible (PARTY_NOT_ELIGIBLE).',
  })
  declare(@Param() { id, code }: PartyActParams, @Body() body: DeclareTerritorialApplicationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'DeclareTerritorialApplication',
      data: { party: code, territory: body.territory, extends: body.extends ?? true, declaredOn: body.declaredOn, effectiveOn: body.effectiveOn ?? null },
    });
  }
}
