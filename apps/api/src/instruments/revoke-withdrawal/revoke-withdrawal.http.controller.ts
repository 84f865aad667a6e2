import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { RevokeWithdrawalRequestDto } from './revoke-withdrawal.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class RevokeWithdrawalHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/withdrawal/revocation')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the revocation of a notice of withdrawal before it takes effect' })
  revoke(
    @Param() { id, code }: PartyActParams,
    @Body() body: RevokeWithdrawalRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'RevokeWithdrawal', data: { party: code, revokedOn: body.revokedOn } }, request);
  }
}
