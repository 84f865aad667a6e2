import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { AdoptTextRequestDto } from './adopt-text.request.dto.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class AdoptTextHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/adoption')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the adoption of the approved text by a meeting or conference (VCLT 9)' })
  adopt(
    @Param() { id }: InstrumentParams,
    @Body() body: AdoptTextRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const votes = body.votes ? { for: body.votes.for, against: body.votes.against, abstentions: body.votes.abstentions } : null;
    return this.commands.send(
      response,
      id,
      { type: 'AdoptText', data: { adoptedOn: body.adoptedOn, place: body.place, method: body.method, votes } },
      request,
    );
  }
}
