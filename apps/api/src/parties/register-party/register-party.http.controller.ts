import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { writeCommandResponse } from '../../common/command-runner.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { ExecutePartyCommand } from '../execute-party-command.js';
import { RegisterPartyRequestDto } from './register-party.request.dto.js';
import { REGISTRARS } from '../../identity/access-rule.js';

@ApiTags('parties')
@Controller('api/parties')
export class RegisterPartyHttpController {
  constructor(private readonly bus: CommandBus) {}

  @WriteRoute({
    access: REGISTRARS,
    summary: 'Register a state, territory or organisation that can take part in instruments',
    body: RegisterPartyRequestDto,
    response: CommandResponse,
    creates: true,
    conflict: 'A party is registered with this code already (PARTY_ALREADY_REGISTERED).',
  })
  async register(@Body() body: RegisterPartyRequestDto, @HttpWrite() write: HttpWrite): Promise<CommandResponse> {
    const command = { type: 'RegisterParty' as const, data: { code: body.code, name: body.name, kind: body.kind } };
    const result = await this.bus.execute(new ExecutePartyCommand(command, write.request));
    write.response.setHeader('Location', `/api/parties/${body.code}`);
    return writeCommandResponse(write.response, body.code, result);
  }
}
