import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, RevisionMismatchError, type EventStore } from '#libs/event-store';
import { instrumentStream, notFound } from '#libs/lifecycle';
import { whatIf } from '#libs/read-models';
import type { Principal } from '#libs/identity';
import { ErrorResponse } from '../../common/answers.dto.js';
import { Clock } from '../../common/clock.js';
import { COMMAND_HEADERS, etag, parseIfMatch } from '../../common/command-request.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { READER } from '../../identity/access-rule.js';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { InstrumentVisibility } from '../../identity/visibility.js';
import { InstrumentParams } from '../../instruments/shared/route-params.dto.js';
import { ProjectInstrumentRequestDto } from './project-instrument.request.dto.js';

const error = (status: number, description: string) => ApiResponse({ status, description, type: ErrorResponse });

/**
 * What if: the instrument's status, entry into force and per-party dates after hypothetical acts, through the same
 * decider, rules and presenters as the recorded ones. A POST because it carries acts; it records nothing.
 */
@ApiTags('entry into force')
@RouteAccess(READER)
@Controller('api/instruments')
export class ProjectInstrumentHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly visibility: InstrumentVisibility,
  ) {}

  @Post(':id/projection')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'What if: the status, entry-into-force date and each party’s dates after hypothetical acts (party, act, date); records nothing',
    description:
      'Each act is decided in order by the same rules as a recorded one (refused likewise, the act named as acts.<i>), as on its own date, ' +
      'which may lie ahead. Once the same acts are recorded, the status and participants equal this answer. With If-Match, the projection ' +
      'is made only on that revision of the record (else 412).',
  })
  @ApiConsumes('application/json')
  @ApiBody({ type: ProjectInstrumentRequestDto })
  @ApiHeader({ name: COMMAND_HEADERS.ifMatch, required: false, description: 'Project on this revision of the record (its ETag), else 412.', schema: { type: 'string', example: '"3"' } })
  @ApiResponse({ status: HttpStatus.OK, description: '{ status, participants, acts: [{ act, events }], asOf } as they would be; ETag: the revision projected on.' })
  @error(HttpStatus.BAD_REQUEST, 'A bad field or header, named in errors (VALIDATION_FAILED, INVALID_IF_MATCH), or an act dated more than a century ahead (DATE_OUT_OF_RANGE).')
  @error(HttpStatus.NOT_FOUND, 'No instrument is recorded with this id (INSTRUMENT_NOT_FOUND), or before the asOf date (INSTRUMENT_NOT_YET_RECORDED).')
  @error(HttpStatus.CONFLICT, 'An act the law of treaties does not allow, named as acts.<i> (e.g. PARTY_NOT_ELIGIBLE, SIGNATURE_REQUIRED, ALREADY_CONSENTED).')
  @error(HttpStatus.PRECONDITION_FAILED, 'If-Match named another revision than the record’s current one (REVISION_MISMATCH).')
  @error(HttpStatus.PAYLOAD_TOO_LARGE, 'The body is larger than BODY_LIMIT (BODY_TOO_LARGE).')
  @error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'The body is not sent as application/json (UNSUPPORTED_MEDIA_TYPE).')
  async project(
    @Param() { id }: InstrumentParams,
    @Body() body: ProjectInstrumentRequestDto,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @CurrentPrincipal() principal: Principal | null,
  ) {
    const ifMatch = parseIfMatch(ifMatchHeader);
    await this.visibility.requireVisible(principal, id);
    const events = await this.store.readStream(instrumentStream(id));
    if (events.length === 0) throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);
    const revision = events.at(-1)!.revision;
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== revision) throw new RevisionMismatchError(ifMatch, revision);
    const now = this.clock.now();
    const answer = whatIf(
      events,
      body.acts.map((a) => ({ party: a.party, act: a.act, date: a.date, ...(a.kind ? { kind: a.kind } : {}) })),
      { actor: principal?.accountId ?? 'anonymous', now: now.toISOString(), today: this.clock.today(), correlationId: randomUUID(), commandId: randomUUID() },
      body.asOf,
    );
    return { instrumentId: id, revision: etag(revision), asOf: answer.status.asOf, status: answer.status, participants: answer.participants, acts: answer.acts };
  }
}
