import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyWithdrawalRequestDto } from './notify-withdrawal.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyWithdrawalHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/withdrawal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a notice of withdrawal or denunciation and the date it takes effect' })
  notify(
    @Param() { id, code }: PartyActParams,
    @Body() body: NotifyWithdrawalRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'NotifyWithdrawal', data: { party: code, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null } },
      request,
    );
  }
}
