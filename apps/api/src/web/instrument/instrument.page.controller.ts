import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { finalClausesText, type InstrumentTerms } from '#libs/entry-into-force';
import { hasRole } from '#libs/identity';
import { isCorrectable, PARTY_ACTS } from '#libs/lifecycle';
import type { Request, Response } from 'express';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { legendOf, mapFor, progressOf, stepChartFor } from '../dashboard/dashboard.page.controller.js';
import { apiForms } from '../forms/api-forms.js';
import { ok } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { actLabel, activityAsOf, participantsAsOf, type InstrumentSummary } from '../shared/web-data.js';
import { link, pageOf, sendPage, WebErrorFilter, type PageRoot } from '../shared/web-page.js';
import { statusClassOf } from '../charts/svg.js';

const NOUNS: Readonly<Record<string, string>> = { treaty: 'Agreement', agreement: 'Agreement', mou: 'Memorandum', protocol: 'Protocol', amendment: 'Amendment' };

interface InstrumentRecordView {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly revision: number;
  readonly stage: string;
  readonly eligibleParties: readonly { code: string; name: string }[];
  readonly entryIntoForceRule: InstrumentTerms['entryIntoForce'];
  readonly withdrawalTerms?: InstrumentTerms['withdrawal'] | null;
  readonly term?: InstrumentTerms['term'] | null;
  readonly drafts: readonly { version: number; preparedOn: string; summary: string | null }[];
  readonly adoption: { version: number } | null;
}

/** Downloads of one document in every format: the API's three, and PDF printed from its HTML. */
export const downloads = (root: PageRoot, id: string, type: string, params: Record<string, string> = {}) => {
  const query = new URLSearchParams({ ...params, lang: root.lang });
  return {
    html: `/api/instruments/${id}/documents/${type}?${query}&format=html`,
    md: `/api/instruments/${id}/documents/${type}?${query}&format=md`,
    txt: `/api/instruments/${id}/documents/${type}?${query}&format=txt`,
    pdf: `/instruments/${id}/documents/${type}/pdf?${query}`,
  };
};

/** One instrument as the depositary shows it, as at any date: status, history, final clauses, documents, and the acts the reader may record. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('instruments')
export class InstrumentPageController {
  @Get(':id')
  @RouteAccess(READER)
  async instrument(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const [record, status, participants, history] = await Promise.all([
      api.get<InstrumentRecordView>(`/api/instruments/${id}`).then(ok),
      api.get<InstrumentSummary & { opening: { opensOn: string; place: string; closesOn: string | null } | null }>(`/api/instruments/${id}/status${root.asOf ? `?asOf=${root.asOf}` : ''}`).then(ok),
      participantsAsOf(api, id, root.asOf),
      activityAsOf(api, root.asOf, { instrumentId: id, limit: 200 }),
    ]);
    const principal = root.principal;
    const names = Object.fromEntries(record.eligibleParties.map((p) => [p.code, p.name]));
    let clauses: string[] = [];
    try {
      clauses = finalClausesText(
        { entryIntoForce: record.entryIntoForceRule, ...(record.withdrawalTerms ? { withdrawal: record.withdrawalTerms } : {}), ...(record.term ? { term: record.term } : {}) },
        { instrumentNoun: NOUNS[record.kind] ?? 'Agreement', partyNames: names },
      );
    } catch {
      clauses = [];
    }
    // Versions the reader may see: the drafts of the negotiation for those in it, else the adopted text only.
    const versions = record.drafts.map((d) => ({ ...d, adopted: d.version === record.adoption?.version, links: downloads(root, id, 'text', { version: String(d.version) }) }));
    const notifiable = new Set(Object.entries(PARTY_ACTS).filter(([, act]) => act.notification).map(([type]) => type));
    notifiable.add('EntryIntoForceDetermined.v1');
    const notifications = history
      .filter((a) => notifiable.has(a.type))
      .map((a) => ({ ...a, label: actLabel(a.type, a.details), links: downloads(root, id, 'notification', { eventId: a.eventId }) }));
    const depositary = hasRole(principal, 'depositary');
    const ownParties = hasRole(principal, 'member-state') ? principal!.parties.filter((p) => names[p]) : [];
    const actingFor = depositary ? record.eligibleParties.map((p) => p.code) : ownParties;
    const partyForms = actingFor.length && !root.asOf ? apiForms().list('party') : [];
    const instrumentForms = hasRole(principal, 'legal-officer', 'depositary', 'reviewer') && !root.asOf ? apiForms().list('instrument') : [];
    const corrector = hasRole(principal, 'legal-officer', 'depositary') && !root.asOf;
    const asOfParams: Record<string, string> = root.asOf ? { asOf: root.asOf } : {};
    const recorded = typeof request.query.recorded === 'string' ? request.query.recorded : null;
    sendPage(response, 'instrument', {
      ...root,
      title: record.title,
      record,
      status: { ...status, kindLabel: message(root.lang, `kind.${status.kind}`), stageLabel: message(root.lang, `stage.${status.stage}`), progress: progressOf(root, status) },
      recorded,
      participants: participants.map((p) => ({
        ...p,
        href: link(root, `/parties/${p.party}`),
        statusClass: statusClassOf(p),
        statusLabel: message(root.lang, `status.${statusClassOf(p)}`),
      })),
      history: history.map((a) => ({
        ...a,
        label: actLabel(a.type, a.details),
        partyName: a.party ? (names[a.party] ?? a.party) : null,
        justRecorded: a.eventId === recorded,
        // A correction names the act it corrects and says why (the form asks for the reason).
        correct: corrector && isCorrectable(a.type) ? link(root, `/instruments/${id}/acts/corrections`, { eventId: a.eventId }) : null,
      })),
      clauses,
      versions,
      redline: versions.length > 1 ? { from: versions.at(-2)!.version, to: versions.at(-1)!.version, choices: versions.map((v) => v.version), action: `/api/instruments/${id}/documents/redline` } : null,
      signaturePage: downloads(root, id, 'signature-page', asOfParams),
      statusReport: downloads(root, id, 'status-report', asOfParams),
      notifications,
      chart: stepChartFor(root, record.title, participants, status.entryIntoForce.instrumentsRequired),
      map: mapFor(root, record.title, participants),
      legend: legendOf(root),
      partyForms: partyForms.length
        ? { forms: partyForms.map((f) => ({ slug: f.slug, summary: f.summary })), parties: actingFor.map((code) => ({ code, name: names[code] })), action: `/instruments/${id}/record` }
        : null,
      instrumentForms: instrumentForms.map((f) => ({ summary: f.summary, href: link(root, `/instruments/${id}/acts/${f.slug}`) })),
      editors: hasRole(principal, 'legal-officer') && !root.asOf ? { draft: link(root, `/instruments/${id}/draft`), finalClauses: link(root, `/instruments/${id}/final-clauses`) } : null,
    });
  }

  /** The act chooser (party and act) without scripts: a GET form that lands on the act's own form. */
  @Get(':id/record')
  @RouteAccess({ roles: ['depositary', 'member-state'] })
  choose(@Param('id') id: string, @Req() request: Request, @Res() response: Response): void {
    const { root } = pageOf(request);
    const party = typeof request.query.party === 'string' ? request.query.party : '';
    const act = typeof request.query.act === 'string' ? request.query.act : '';
    response.redirect(303, link(root, `/instruments/${id}/parties/${encodeURIComponent(party)}/acts/${encodeURIComponent(act)}`, { party: null, act: null }));
  }
}
