import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { INSTRUMENT_KINDS, STAGES } from '#libs/lifecycle';
import type { Request, Response } from 'express';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { participationMatrixSvg } from '../charts/participation-matrix.js';
import { regionMapSvg } from '../charts/region-map.js';
import { stepChartSvg } from '../charts/step-chart.js';
import { STATUS_CLASSES, statusClassOf } from '../charts/svg.js';
import { message } from '../shared/page-messages.js';
import { actLabel, activityAsOf, instrumentsAsOf, participantsAsOf, type InstrumentSummary, type Participant } from '../shared/web-data.js';
import { link, pageOf, sendPage, WebErrorFilter, type PageRoot } from '../shared/web-page.js';

export const progressOf = (root: PageRoot, i: InstrumentSummary) => {
  const e = i.entryIntoForce;
  const need = e.instrumentsRequired;
  if (!need) return null;
  const have = Math.min(e.instrumentsDeposited ?? 0, need);
  const more = e.stillRequired?.instruments ?? Math.max(0, need - have);
  return {
    have,
    need,
    more,
    line: more > 0 ? message(root.lang, 'progressLine', { have, need, more }) : message(root.lang, 'progressMet', { have, need }),
  };
};

export const stepChartFor = (root: PageRoot, title: string, participants: readonly Participant[], threshold: number | null) =>
  stepChartSvg({
    title: `${message(root.lang, 'chartCaption')}: ${title}`,
    series: [
      { label: message(root.lang, 'signatures'), className: 'sig', dates: participants.flatMap((p) => (p.signature ? [p.signature.signedOn] : [])) },
      { label: message(root.lang, 'consents'), className: 'con', dates: participants.flatMap((p) => (p.consent ? [p.consent.depositedOn] : [])) },
    ],
    threshold,
    thresholdLabel: message(root.lang, 'threshold'),
    until: root.asOf ?? root.today,
  });

export const legendOf = (root: PageRoot) => STATUS_CLASSES.map((status) => ({ status, label: message(root.lang, `status.${status}`) }));

export const mapFor = (root: PageRoot, title: string, participants: readonly Participant[]) =>
  regionMapSvg({
    title: message(root.lang, 'mapCaption', { title }),
    parties: participants.map((p) => {
      const status = statusClassOf(p);
      return { code: p.party, name: p.name, status, statusLabel: message(root.lang, `status.${status}`) };
    }),
  });

/** The donors' page: every instrument, how far each is from entry into force, the charts and the map. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class DashboardPageController {
  @Get()
  @RouteAccess(READER)
  async dashboard(@Req() request: Request, @Res() response: Response, @Query('kind') kind?: string, @Query('stage') stage?: string, @Query('map') mapId?: string): Promise<void> {
    const { api, root } = pageOf(request);
    const filter = {
      kind: (INSTRUMENT_KINDS as readonly string[]).includes(kind ?? '') ? kind : undefined,
      stage: (STAGES as readonly string[]).includes(stage ?? '') ? stage : undefined,
    };
    const [instruments, everything, acts, parties] = await Promise.all([
      instrumentsAsOf(api, root.asOf, filter),
      filter.kind || filter.stage ? instrumentsAsOf(api, root.asOf) : null,
      activityAsOf(api, root.asOf, { limit: 8 }),
      api.get<{ items: { code: string; name: string }[] }>('/api/parties?pageSize=200'),
    ]);
    const all = everything ?? instruments;
    const participation = new Map(await Promise.all(all.map(async (i) => [i.id, await participantsAsOf(api, i.id, root.asOf)] as const)));
    // The map and chart show the instrument chosen, else the one with the most parties eligible (the treaty).
    const chosen = all.find((i) => i.id === mapId) ?? [...all].sort((a, b) => b.eligibleParties - a.eligibleParties)[0] ?? null;
    const partyList = (parties.body?.items ?? []).filter((p) => all.some((i) => participation.get(i.id)?.some((q) => q.party === p.code)));
    const matrix = all.length
      ? participationMatrixSvg({
          title: message(root.lang, 'matrixCaption'),
          notEligible: message(root.lang, 'status.none'),
          parties: partyList,
          rows: all.map((i) => ({
            label: i.title,
            cells: new Map(
              (participation.get(i.id) ?? []).map((p) => {
                const status = statusClassOf(p);
                return [p.party, { status, label: message(root.lang, `status.${status}`) }] as const;
              }),
            ),
          })),
        })
      : null;
    const chosenParticipants = chosen ? (participation.get(chosen.id) ?? []) : [];
    const map = chosen ? mapFor(root, chosen.title, chosenParticipants) : null;
    sendPage(response, 'dashboard', {
      ...root,
      title: message(root.lang, 'dashboard'),
      counts: {
        signatures: all.reduce((n, i) => n + i.signatures.total, 0),
        consents: all.reduce((n, i) => n + i.consents.total, 0),
        inForce: all.filter((i) => i.stage === 'in-force').length,
      },
      kinds: INSTRUMENT_KINDS.map((k) => ({ value: k, label: message(root.lang, `kind.${k}`), selected: k === filter.kind })),
      stages: STAGES.filter((s) => s !== 'discarded').map((s) => ({ value: s, label: message(root.lang, `stage.${s}`), selected: s === filter.stage })),
      instruments: instruments.map((i) => ({
        ...i,
        href: link(root, `/instruments/${i.id}`),
        kindLabel: message(root.lang, `kind.${i.kind}`),
        stageLabel: message(root.lang, `stage.${i.stage}`),
        progress: progressOf(root, i),
      })),
      acts: acts.map((a) => ({ ...a, label: actLabel(a.type, a.details), href: link(root, `/instruments/${a.instrumentId}`), partyHref: a.party ? link(root, `/parties/${a.party}`) : null })),
      matrix,
      legend: legendOf(root),
      chosen,
      mapChoices: all.map((i) => ({ id: i.id, title: i.title, selected: i.id === chosen?.id })),
      map: map?.svg ?? null,
      unmapped: map?.unmapped ?? [],
      chart: chosen ? stepChartFor(root, chosen.title, chosenParticipants, chosen.entryIntoForce.instrumentsRequired) : null,
    });
  }
}
