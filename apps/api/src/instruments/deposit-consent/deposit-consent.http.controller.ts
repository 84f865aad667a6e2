import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { DepositConsentRequestDto } from './deposit-consent.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class DepositConsentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/consent')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the deposit of an instrument of ratification, acceptance, approval, accession, succession or formal confirmation' })
  deposit(
    @Param() { id, code }: PartyActParams,
    @Body() body: DepositConsentRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'DepositConsent', data: { party: code, kind: body.kind, depositedOn: body.depositedOn, domesticActOn: body.domesticActOn ?? null } },
      request,
    );
  }
}
