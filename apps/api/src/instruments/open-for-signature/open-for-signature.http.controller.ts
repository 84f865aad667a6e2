import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { OpenForSignatureRequestDto } from './open-for-signature.request.dto.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class OpenForSignatureHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/signature-opening')
  @HttpCode(201)
  @ApiOperation({ summary: 'Open the adopted text (or an approved MOU) for signature: place, first and last day (VCLT 24(4))' })
  open(
    @Param() { id }: InstrumentParams,
    @Body() body: OpenForSignatureRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'OpenForSignature', data: { opensOn: body.opensOn, closesOn: body.closesOn ?? null, place: body.place } },
      request,
    );
  }
}
