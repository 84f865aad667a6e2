import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentRenderer, DocumentRequestError, findNotifiableAct, parseVersion, type DocumentRequest } from '#libs/documents';
import type { Response } from 'express';
import { DocumentSources } from '../shared/document-sources.js';
import { DOCUMENT_RESPONSE_HEADERS, sendDocument } from '../shared/document-response.js';
import { logCut, refuseUnused } from '../shared/document-query.request.dto.js';
import { GetInstrumentDocumentRequestDto, InstrumentDocumentParams } from './get-instrument-document.request.dto.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { requireNegotiation, requireVisible } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

/** The query parameters each document type takes (besides format, lang, position, knownAt). */
const PARAMETERS: Readonly<Record<InstrumentDocumentParams['type'], readonly string[]>> = {
  text: ['version'],
  redline: ['from', 'to'],
  'signature-page': ['asOf'],
  'status-report': ['asOf'],
  notification: ['eventId'],
};

@ApiTags('documents')
@RouteAccess(READER)
@Controller('api/instruments')
export class GetInstrumentDocumentHttpController {
  constructor(
    private readonly sources: DocumentSources,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get(':id/documents/:type')
  @ApiOperation({
    summary: 'A document about the instrument, rendered from the event log',
    description:
      'text (any draft version or as adopted, with its final clauses), redline (word by word between two versions), signature-page, ' +
      'status-report (the depositary table as at a date), notification (the depositary notification of one act: ?eventId=). ' +
      'A pure function of the log up to X-Log-Position: the same request with ?position= gives the same bytes.',
  })
  @ApiProduces('text/html', 'text/markdown', 'text/plain')
  @ApiOkResponse({ description: 'The document (HTML with print CSS, Markdown or plain text).', headers: DOCUMENT_RESPONSE_HEADERS })
  @ApiBadRequestResponse({ description: 'An unknown type, format or language (the answer lists the valid ones), or a parameter the type does not take.' })
  @ApiNotFoundResponse({ description: 'No such instrument, version or notifiable act.' })
  async get(
    @Param() { id, type }: InstrumentDocumentParams,
    @Query() query: GetInstrumentDocumentRequestDto,
    @CurrentPrincipal() principal: Principal | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    refuseUnused(type, query, PARAMETERS[type]);
    if (type === 'notification' && !query.eventId) {
      throw new DocumentRequestError('EVENT_ID_REQUIRED', 'A notification is about one act: give its event id as ?eventId=.', 'invalid', 'eventId');
    }
    const cut = logCut(query);
    let source = await this.sources.instrument(id, cut);
    if (type === 'notification') {
      // A notification shows what was communicated: the log (party names included) as it stood at the act.
      const act = findNotifiableAct(source.record, query.eventId!);
      source = await this.sources.instrument(id, { ...cut, position: act.position });
    }
    const { record, parties } = source;
    const audience = { stage: record.state.stage, eligibleParties: record.state.eligibleParties.map((p) => p.code) };
    requireVisible(principal, audience, id);
    // Earlier drafts and the redline between them belong to the negotiation; the adopted text is public.
    const version = type === 'text' ? parseVersion(query.version) : undefined;
    const draftAsked = version !== undefined && version !== 'adopted' && version !== record.state.adoption?.version;
    if (type === 'redline' || draftAsked) requireNegotiation(principal, audience);
    const common = { format: query.format, lang: query.lang, parties, record };
    const asOf = query.asOf ?? source.lastRecordedOn!;
    let request: DocumentRequest;
    switch (type) {
      case 'text':
        request = { ...common, type, version: parseVersion(query.version) };
        break;
      case 'redline':
        request = { ...common, type, from: parseVersion(query.from, 'from'), to: parseVersion(query.to, 'to') };
        break;
      case 'signature-page':
        request = { ...common, type, ...(query.asOf ? { asOf: query.asOf } : {}) };
        break;
      case 'status-report':
        request = { ...common, type, asOf };
        break;
      case 'notification':
        request = { ...common, type, eventId: query.eventId! };
        break;
    }
    return sendDocument(response, this.renderer.render(request), source.position, `${type}-${id}`);
  }
}
