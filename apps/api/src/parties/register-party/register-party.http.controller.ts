import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { writeCommandResponse } from '../../common/command-runner.js';
import { ExecutePartyCommand } from '../execute-party-command.js';
import { RegisterPartyRequestDto } from './register-party.request.dto.js';

@ApiTags('parties')
@Controller('api/parties')
export class RegisterPartyHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a state, territory or organisation that can take part in instruments' })
  @ApiCreatedResponse({ description: '{ id (the code), revision, position }' })
  async register(
    @Body() body: RegisterPartyRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'RegisterParty' as const, data: { code: body.code, name: body.name, kind: body.kind } };
    const result = await this.bus.execute(new ExecutePartyCommand(command, request));
    response.setHeader('Location', `/api/parties/${body.code}`);
    return writeCommandResponse(response, body.code, result);
  }
}
