import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type HandleCommandResult } from '#libs/event-store';
import { partyDecider, partyStream, type PartyCommand, type PartyState } from '#libs/lifecycle';
import { CommandRunner } from '../common/command-runner.js';
import type { CommandRequest } from '../common/command-request.js';

export class ExecutePartyCommand extends Command<HandleCommandResult<PartyState>> {
  constructor(
    readonly command: PartyCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(ExecutePartyCommand)
export class ExecutePartyCommandHandler implements ICommandHandler<ExecutePartyCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ command, request }: ExecutePartyCommand): Promise<HandleCommandResult<PartyState>> {
    return this.runner.run({ stream: partyStream(command.data.code), decider: partyDecider, command, request });
  }
}
