import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { DecideReviewRequestDto } from './decide-review.request.dto.js';
import { REVIEWERS } from '../../identity/access-rule.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class DecideReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: REVIEWERS,
    path: ':id/reviews/decision',
    summary: 'Close the review round: approve (→ approved) or request changes (→ drafting)',
    body: DecideReviewRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'No review round is open (ILLEGAL_STAGE).',
  })
  decide(@Param() { id }: InstrumentParams, @Body() body: DecideReviewRequestDto, @HttpWrite() write: HttpWrite) {
    const decidedOn = body.decidedOn ? { decidedOn: body.decidedOn } : {};
    return this.commands.send(write, id, { type: 'DecideReview', data: { decision: body.decision, comment: body.comment ?? null, ...decidedOn } });
  }
}
