import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandRequest } from '../../common/command-request.js';
import { writeCommandResponse, type CommandResponseBody } from '../../common/command-runner.js';
import { ExecuteInstrumentCommand, type InstrumentCommandInput } from '../execute-instrument-command.js';

/** What every instrument write controller does after mapping its DTO: send on the bus, answer with ETag. */
@Injectable()
export class InstrumentCommands {
  constructor(private readonly bus: CommandBus) {}

  async send(
    response: Response,
    instrumentId: string,
    input: InstrumentCommandInput,
    request: CommandRequest,
  ): Promise<CommandResponseBody & { events: { id: string; type: string; data: Record<string, unknown> }[] }> {
    const result = await this.bus.execute(new ExecuteInstrumentCommand(instrumentId, input, request));
    return {
      ...writeCommandResponse(response, instrumentId, result),
      events: result.events.map(({ id, type, data }) => ({ id, type, data })),
    };
  }
}
