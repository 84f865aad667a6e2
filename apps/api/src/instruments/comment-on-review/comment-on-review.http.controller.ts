import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { CommentOnReviewRequestDto } from './comment-on-review.request.dto.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class CommentOnReviewHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/reviews/comments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a reviewer’s comment to the current review round' })
  comment(
    @Param() { id }: InstrumentParams,
    @Body() body: CommentOnReviewRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'CommentOnReview', data: { author: body.author, text: body.text, article: body.article ?? null } },
      request,
    );
  }
}
