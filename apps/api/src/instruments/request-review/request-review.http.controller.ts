import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { RequestReviewRequestDto } from './request-review.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class RequestReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/reviews',
    summary: 'Send the latest draft for review (stage drafting → in-review)',
    body: RequestReviewRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The instrument is not at the drafting stage (ILLEGAL_STAGE), or has no draft to review.',
  })
  request(@Param() { id }: InstrumentParams, @Body() body: RequestReviewRequestDto, @HttpWrite() write: HttpWrite) {
    const requestedOn = body.requestedOn ? { requestedOn: body.requestedOn } : {};
    return this.commands.send(write, id, { type: 'RequestReview', data: { reviewers: body.reviewers, note: body.note ?? null, ...requestedOn } });
  }
}
