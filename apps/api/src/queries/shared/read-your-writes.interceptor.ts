import { BadRequestException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { START } from '#libs/event-store';
import { Projector, READ_MODELS_CONFIG, type ReadModelsConfig } from '#libs/read-models';

export const MIN_POSITION_HEADER = 'X-Min-Position';
export const READ_MODEL_POSITION_HEADER = 'X-Read-Model-Position';
export const STALE_HEADER = 'X-Read-Model-Stale';

const POSITION = /^\d{1,20}$/;

/**
 * Read your writes: a command answers with X-Log-Position; a query that sends it back (X-Min-Position header or
 * minPosition parameter) waits until the projector has reached it, at most READ_YOUR_WRITES_TIMEOUT_MS
 * (default 2 s). After that it answers anyway, with X-Read-Model-Stale: true. Every answer says which position
 * the read models were at (X-Read-Model-Position).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly projector: Projector,
    @Inject(READ_MODELS_CONFIG) private readonly config: ReadModelsConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const fromQuery = typeof request.query['minPosition'] === 'string' ? request.query['minPosition'] : undefined;
    const raw = fromQuery ?? request.header(MIN_POSITION_HEADER);
    if (raw !== undefined) {
      const field = fromQuery !== undefined ? 'minPosition' : MIN_POSITION_HEADER;
      if (!POSITION.test(raw)) {
        const message = `${field} must be a log position (a whole number, as in a command's X-Log-Position header)`;
        throw new BadRequestException({ code: 'VALIDATION_FAILED', message, errors: [{ field, message }] });
      }
      const reached = await this.projector.waitFor(BigInt(raw), this.config.readYourWritesTimeoutMs);
      if (!reached) response.setHeader(STALE_HEADER, 'true');
    }
    const position = this.projector.position;
    response.setHeader(READ_MODEL_POSITION_HEADER, position === START ? '0' : position.toString());
    return next.handle();
  }
}
