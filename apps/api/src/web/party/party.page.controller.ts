import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { ok, type ApiClient } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { instrumentsAsOf, participantsAsOf, type InstrumentSummary, type Participant } from '../shared/web-data.js';
import { link, pageOf, sendPage, WebErrorFilter, type PageRoot } from '../shared/web-page.js';
import { statusClassOf } from '../charts/svg.js';

/** Every instrument the party is eligible for, with the party's own row of the status table (as at the date). */
export const partyStanding = async (api: ApiClient, root: PageRoot, code: string) => {
  const instruments = (await instrumentsAsOf(api, root.asOf)).filter(() => true);
  const rows = await Promise.all(
    instruments.map(async (instrument) => {
      const participants = await participantsAsOf(api, instrument.id, root.asOf);
      const own = participants.find((p) => p.party === code);
      return own ? { instrument, own, participants } : null;
    }),
  );
  return rows.filter((r): r is { instrument: InstrumentSummary; own: Participant; participants: Participant[] } => r !== null);
};

export const standingView = (root: PageRoot, rows: Awaited<ReturnType<typeof partyStanding>>) =>
  rows.map(({ instrument, own }) => ({
    instrument: { ...instrument, href: link(root, `/instruments/${instrument.id}`), stageLabel: message(root.lang, `stage.${instrument.stage}`) },
    own,
    statusClass: statusClassOf(own),
    statusLabel: message(root.lang, `status.${statusClassOf(own)}`),
  }));

@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('parties')
export class PartyPageController {
  @Get(':code')
  @RouteAccess(READER)
  async party(@Param('code') code: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const party = ok(await api.get<{ code: string; name: string; kind: string }>(`/api/parties/${encodeURIComponent(code)}`));
    const rows = await partyStanding(api, root, party.code);
    sendPage(response, 'party', { ...root, title: party.name, party, rows: standingView(root, rows) });
  }
}
