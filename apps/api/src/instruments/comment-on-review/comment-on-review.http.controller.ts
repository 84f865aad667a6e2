import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { CommentOnReviewRequestDto } from './comment-on-review.request.dto.js';
import { REVIEWERS } from '../../identity/access-rule.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class CommentOnReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: REVIEWERS,
    path: ':id/reviews/comments',
    summary: 'Add a reviewer’s comment to the current review round',
    body: CommentOnReviewRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'No review round is open (ILLEGAL_STAGE).',
  })
  comment(@Param() { id }: InstrumentParams, @Body() body: CommentOnReviewRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'CommentOnReview', data: { author: body.author, text: body.text, article: body.article ?? null } });
  }
}
