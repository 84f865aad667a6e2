import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { SignInstrumentRequestDto } from './sign-instrument.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class SignInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/signature')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a party’s signature, simple (subject to ratification) or definitive' })
  sign(
    @Param() { id, code }: PartyActParams,
    @Body() body: SignInstrumentRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      {
        type: 'SignInstrument',
        data: {
          party: code,
          signedOn: body.signedOn,
          signatory: { name: body.signatory.name, title: body.signatory.title },
          definitive: body.definitive ?? null,
          place: body.place ?? null,
        },
      },
      request,
    );
  }
}
