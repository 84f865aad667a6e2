import { provisionalApplicationAsOf, STAGES, type Instrument, type LegalDate, type Stage } from '#libs/lifecycle';
import { isParty, participationAsAt, stageAt } from '../model/as-at.js';
import { assess } from '../model/entry-into-force-support.js';
import { latestPosition, type InstrumentRecord } from '../model/instrument-record.js';
import { collatorFor } from '../model/party-directory.js';
import { type BuildContext, type DocumentDefinition, date, instrumentNoun, letterhead, partyName, t } from './document-definition.js';
import type { TableView } from './status-report.document.js';

export interface ProgressReportInput {
  /** Every instrument to report on (one record per stream). */
  readonly records: readonly InstrumentRecord[];
  readonly asOf: LegalDate;
}

interface Act {
  readonly on: LegalDate;
  readonly order: bigint;
  readonly label: string;
}

/** The most recent act on or before the date, by legal date (then log order). */
const latestAct = (ctx: BuildContext, record: InstrumentRecord, asOf: LegalDate): string => {
  const { state } = record;
  const positions = new Map(record.events.map((e) => [e.id, e.position]));
  const order = (eventId: string) => positions.get(eventId) ?? 0n;
  const acts: Act[] = [];
  const add = (on: LegalDate, eventId: string, act: string, party: string | null, params: Record<string, string> = {}) => {
    if (on > asOf) return;
    const actLabel = t(ctx, `progress.act.${act}`, params);
    acts.push({
      on,
      order: order(eventId),
      label: party
        ? t(ctx, 'progress.latestAct', { act: actLabel, party: partyName(ctx, party), date: date(ctx, on) })
        : t(ctx, 'progress.latestActNoParty', { act: actLabel, date: date(ctx, on) }),
    });
  };
  if (state.adoption) add(state.adoption.adoptedOn, state.adoption.eventId, 'adoption', null);
  if (state.signatureOpening) add(state.signatureOpening.opensOn, state.signatureOpening.eventId, 'opening', null);
  for (const [code, p] of Object.entries(state.participants)) {
    if (p.signature) add(p.signature.signedOn, p.signature.eventId, 'signature', code);
    if (p.consent) add(p.consent.depositedOn, p.consent.eventId, 'consent', code, { kind: t(ctx, `common.consent.${p.consent.kind}`) });
    for (const r of p.reservations) add(r.madeOn, r.eventId, 'reservation', code);
    if (p.withdrawal) add(p.withdrawal.notifiedOn, p.withdrawal.eventId, 'withdrawal', code);
  }
  if (state.entryIntoForce) add(state.entryIntoForce.date, state.entryIntoForce.eventId, 'entry-into-force', null);
  if (state.termination) add(state.termination.terminatedOn, '', 'termination', null);
  acts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return acts.length ? acts[acts.length - 1]!.label : '';
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const titleCell = (ctx: BuildContext, state: Instrument) => `${state.title} (${instrumentNoun(ctx, state).noun})`;

export const progressReportDocument: DocumentDefinition<ProgressReportInput> = {
  template: 'progress-report',
  namespaces: ['common', 'progress', 'conditions'],
  position: (input) => latestPosition(input.records.map((r) => r.position)),
  build({ records, asOf }, ctx) {
    const collator = collatorFor(ctx.lang);
    const current = records
      .map((record) => ({ record, stage: stageAt(record.state, asOf) }))
      .filter((r): r is { record: InstrumentRecord; stage: Stage } => r.stage !== null && r.stage !== 'discarded') // a discarded record is in no report
      .sort((a, b) => cmp(a.record.state.createdOn, b.record.state.createdOn) || collator.compare(a.record.state.title, b.record.state.title) || cmp(a.record.state.id, b.record.state.id));
    let signatures = 0;
    let consents = 0;
    const byStage = new Map<Stage, number>();
    const rows = current.map(({ record, stage }) => {
      const { state } = record;
      const participants = participationAsAt(state, asOf);
      signatures += participants.filter((p) => p.signature).length;
      consents += participants.filter((p) => p.consent).length;
      byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
      const assessment = assess(ctx.entryIntoForce, state, asOf);
      const dated = assessment.date
        ? date(ctx, assessment.date)
        : assessment.stillRequired !== null && assessment.stillRequired > 0
          ? t(ctx, 'progress.stillRequired', { count: assessment.stillRequired })
          : t(ctx, 'progress.notYet');
      // VCLT 25: while it is not in force for them, some parties may apply it provisionally.
      const provisional = state.eligibleParties
        .map((p) => provisionalApplicationAsOf(state, p.code, assessment.partyDates[p.code] ?? null, asOf))
        .filter((p) => p?.applied)
        .map((p) => p!.since)
        .sort();
      const entry = provisional.length ? t(ctx, 'progress.provisional', { entry: dated, count: provisional.length, since: date(ctx, provisional[0]!) }) : dated;
      return [
        titleCell(ctx, state),
        t(ctx, `common.stage.${stage}`),
        state.adoption && state.adoption.adoptedOn <= asOf ? date(ctx, state.adoption.adoptedOn) : '',
        String(participants.filter((p) => p.signature).length),
        String(participants.filter((p) => isParty(p, asOf)).length),
        entry,
        latestAct(ctx, record, asOf),
      ];
    });
    return {
      letterhead: letterhead(ctx, null, { date: date(ctx, asOf) }),
      doc: { title: `${t(ctx, 'progress.heading')}: ${t(ctx, 'progress.asAt', { date: date(ctx, asOf) })}` },
      heading: t(ctx, 'progress.heading'),
      asAt: t(ctx, 'progress.asAt', { date: date(ctx, asOf) }),
      summary: t(ctx, 'progress.summary', { count: current.length, signatures, consents }),
      byStageHeading: t(ctx, 'progress.byStage'),
      byStage: STAGES.filter((s) => byStage.has(s)).map((s) => `${t(ctx, `common.stage.${s}`)}: ${byStage.get(s)}`),
      table: rows.length
        ? ({
            headers: [t(ctx, 'progress.instrument'), t(ctx, 'progress.stage'), t(ctx, 'progress.adopted'), t(ctx, 'progress.signatories'), t(ctx, 'progress.parties'), t(ctx, 'progress.entryIntoForce'), t(ctx, 'progress.latest')],
            rows,
          } satisfies TableView)
        : null,
      none: rows.length ? '' : t(ctx, 'progress.none'),
    };
  },
};
