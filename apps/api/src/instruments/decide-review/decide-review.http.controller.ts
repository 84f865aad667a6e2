import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { DecideReviewRequestDto } from './decide-review.request.dto.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class DecideReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/reviews/decision')
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the review round: approve (→ approved) or request changes (→ drafting)' })
  decide(
    @Param() { id }: InstrumentParams,
    @Body() body: DecideReviewRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'DecideReview', data: { decision: body.decision, comment: body.comment ?? null, ...(body.decidedOn ? { decidedOn: body.decidedOn } : {}) } }, request);
  }
}
