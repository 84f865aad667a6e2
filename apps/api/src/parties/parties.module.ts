import { Module } from '@nestjs/common';
import { ExecutePartyCommandHandler } from './execute-party-command.js';
import { GetPartyHttpController } from './get-party/get-party.http.controller.js';
import { RegisterPartyHttpController } from './register-party/register-party.http.controller.js';

@Module({
  controllers: [RegisterPartyHttpController, GetPartyHttpController],
  providers: [ExecutePartyCommandHandler],
})
export class PartiesModule {}
