import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RouteAccess } from '../../common/route-declarations.js';
import { ok } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { link, pageOf, sendPage, WebErrorFilter } from '../shared/web-page.js';
import { partyStanding, standingView } from '../party/party.page.controller.js';
import { apiForms } from '../forms/api-forms.js';

/** A member state's focal point: for each party it acts for, what is still to do, with the forms and the model instruments. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('our-party')
export class OurPartyPageController {
  @Get()
  @RouteAccess({ roles: ['member-state'] })
  async ourParty(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const today = root.asOf ?? root.today;
    const formLink = (instrumentId: string, code: string, slug: string, prefill: Record<string, string> = {}) =>
      apiForms().find('party', slug) ? link(root, `/instruments/${instrumentId}/parties/${code}/acts/${slug}`, prefill) : null;
    const parties = await Promise.all(
      (root.principal?.parties ?? []).map(async (code) => {
        const party = ok(await api.get<{ code: string; name: string }>(`/api/parties/${encodeURIComponent(code)}`));
        const rows = await partyStanding(api, root, code);
        const toRatify = rows
          .filter((r) => r.own.signature && !r.own.consent && r.own.status === 'signatory')
          .map((r) => ({
            title: r.instrument.title,
            href: link(root, `/instruments/${r.instrument.id}`),
            signedOn: r.own.signature!.signedOn,
            form: formLink(r.instrument.id, code, 'consent', { kind: 'ratification' }),
            models: {
              fullPowers: `/api/parties/${code}/documents/full-powers?instrumentId=${r.instrument.id}&format=html&lang=${root.lang}`,
              consent: `/api/parties/${code}/documents/instrument-of-consent?instrumentId=${r.instrument.id}&kind=ratification&format=html&lang=${root.lang}`,
            },
          }));
        const objections = rows.flatMap((r) =>
          r.participants.flatMap((p) =>
            p.party === code
              ? []
              : p.reservations
                  .filter((res) => res.objectionWindowEndsOn && res.objectionWindowEndsOn >= today)
                  .map((res) => ({ title: r.instrument.title, href: link(root, `/instruments/${r.instrument.id}`), party: p.name, text: res.text, endsOn: res.objectionWindowEndsOn })),
          ),
        );
        const notices = rows
          .filter((r) => (r.instrument.entryIntoForce.rule === 'bilateral' && r.own.status !== 'bound') || (r.own.withdrawal && !r.own.withdrawal.revokedOn && r.own.withdrawal.effectiveOn > today))
          .map((r) => ({
            title: r.instrument.title,
            href: link(root, `/instruments/${r.instrument.id}`),
            what: r.own.withdrawal ? `withdrawal takes effect ${r.own.withdrawal.effectiveOn}` : 'internal procedures not yet notified',
            form: r.own.withdrawal ? null : formLink(r.instrument.id, code, 'notification'),
          }));
        return { party, toRatify, objections, notices, rows: standingView(root, rows), nothing: !toRatify.length && !objections.length && !notices.length };
      }),
    );
    sendPage(response, 'our-party', { ...root, title: message(root.lang, 'ourParty'), parties });
  }
}
