import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { HttpWrite } from '../../common/command-request.js';
import { writeCommandResponse } from '../../common/command-runner.js';
import type { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { ExecuteInstrumentCommand, type InstrumentCommandInput } from '../execute-instrument-command.js';

/** What a 404 on an instrument write means. */
export const INSTRUMENT_NOT_FOUND = 'No instrument is recorded with this id (INSTRUMENT_NOT_FOUND).';
/** What a 404 on a party act means. */
export const PARTY_ACT_NOT_FOUND = 'No instrument is recorded with this id (INSTRUMENT_NOT_FOUND), or no party is registered with this code (PARTY_NOT_FOUND).';

/** What every instrument write controller does after mapping its DTO: send on the bus, answer with ETag. */
@Injectable()
export class InstrumentCommands {
  constructor(private readonly bus: CommandBus) {}

  async send({ request, response }: HttpWrite, instrumentId: string, input: InstrumentCommandInput): Promise<InstrumentCommandResponse> {
    const result = await this.bus.execute(new ExecuteInstrumentCommand(instrumentId, input, request));
    return {
      ...writeCommandResponse(response, instrumentId, result),
      events: result.events.map(({ id, type, data }) => ({ id, type, data })),
    };
  }
}
