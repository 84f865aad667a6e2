import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyTerminationRequestDto } from './notify-termination.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyTerminationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/termination-notice')
  @HttpCode(201)
  @ApiOperation({ summary: 'MOUs: record a participant’s written notice that ends the MOU under its term clause' })
  notify(
    @Param() { id, code }: PartyActParams,
    @Body() body: NotifyTerminationRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'NotifyTermination', data: { party: code, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null } },
      request,
    );
  }
}
