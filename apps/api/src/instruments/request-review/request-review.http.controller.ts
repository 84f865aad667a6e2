import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { RequestReviewRequestDto } from './request-review.request.dto.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class RequestReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/reviews')
  @HttpCode(201)
  @ApiOperation({ summary: 'Send the latest draft for review (stage drafting → in-review)' })
  request(
    @Param() { id }: InstrumentParams,
    @Body() body: RequestReviewRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'RequestReview', data: { reviewers: body.reviewers, note: body.note ?? null, ...(body.requestedOn ? { requestedOn: body.requestedOn } : {}) } }, request);
  }
}
