import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentRenderer } from '#libs/documents';
import type { Response } from 'express';
import { DocumentSources } from '../shared/document-sources.js';
import { DOCUMENT_RESPONSE_HEADERS, sendDocument } from '../shared/document-response.js';
import { logCut } from '../shared/document-query.request.dto.js';
import { GetProgressReportRequestDto } from './get-progress-report.request.dto.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { seesInstrument } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('documents')
@RouteAccess(READER)
@Controller('api/reports')
export class GetProgressReportHttpController {
  constructor(
    private readonly sources: DocumentSources,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get('progress')
  @ApiOperation({
    summary: 'The progress report for donors: every instrument as at a date (stage, signatories, parties, entry into force, latest act)',
    description: 'Rendered from the whole log up to X-Log-Position; ?knownAt= shows what the report said at a past moment.',
  })
  @ApiProduces('text/html', 'text/markdown', 'text/plain')
  @ApiOkResponse({ description: 'The report.', headers: DOCUMENT_RESPONSE_HEADERS })
  @ApiBadRequestResponse({ description: 'An unknown format or language (the answer lists the valid ones).' })
  async get(@Query() query: GetProgressReportRequestDto, @CurrentPrincipal() principal: Principal | null, @Res({ passthrough: true }) response: Response): Promise<string> {
    const all = await this.sources.all(logCut(query));
    const { parties, position, lastRecordedOn } = all;
    // Each reader's report holds the instruments that reader may see.
    const records = all.records.filter((r) => seesInstrument(principal, { stage: r.state.stage, eligibleParties: r.state.eligibleParties.map((p) => p.code) }));
    // An empty log has no date of its own: the report is then as at the date asked for, or empty.
    const asOf = query.asOf ?? lastRecordedOn ?? '1970-01-01';
    const document = this.renderer.render({ type: 'progress-report', records, asOf, parties, format: query.format, lang: query.lang });
    return sendDocument(response, document, position, `progress-report-${asOf}`);
  }
}
