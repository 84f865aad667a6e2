import { provisionalApplicationAsOf, reservationPositions, type ConsentKind, type LegalDate, type Reservation } from '#libs/lifecycle';
import { boundOn, isParty, participationAsAt } from '../model/as-at.js';
import { assess } from '../model/entry-into-force-support.js';
import type { InstrumentRecord } from '../model/instrument-record.js';
import type { DateExplanation, PeriodExplanation } from '#libs/entry-into-force';
import { ordinalWords } from '../language/number-words.js';
import { type BuildContext, type DocumentDefinition, date, instrumentLines, letterhead, partyName, t } from './document-definition.js';
import { describeConditions } from './entry-into-force-conditions.js';

export interface StatusReportInput {
  readonly record: InstrumentRecord;
  readonly asOf: LegalDate;
}

/** The depositary's marker after a consent date; ratification has none. */
export const CONSENT_MARKERS: Readonly<Record<ConsentKind, string>> = {
  ratification: '',
  acceptance: 'A',
  approval: 'AA',
  accession: 'a',
  succession: 'd',
  'formal-confirmation': 'c',
};

/** A note says when a reservation was made as its event records it ("upon signature"), never inferred from dates. */
const NOTE_MADE_AT = { signature: 'status.noteAtSignature', deposit: 'status.noteAtDeposit' } as const satisfies Record<Reservation['madeAt'], string>;

/** "Why this date", worded in the document's language from the engine's steps. */
export const explain = (ctx: BuildContext, e: DateExplanation): string => {
  if (e.basis === 'fixed-date') return t(ctx, 'status.why', { text: t(ctx, 'status.whyFixed', { date: date(ctx, e.date) }) });
  const act = e.act!;
  const party = act.party ? partyName(ctx, act.party) : '';
  const kind = act.kind ? t(ctx, `common.consent.${act.kind}`) : '';
  const start =
    act.act === 'deposit' && act.position
      ? t(ctx, 'status.whyNthDeposit', { position: ordinalWords(act.position, ctx.lang, { beforeNoun: true }), kind, party, date: date(ctx, act.on), required: e.required ?? act.position })
      : t(ctx, `status.whyAct.${act.act}`, { party, date: date(ctx, act.on) });
  const steps = e.steps.map((s) => {
    switch (s.op) {
      case 'add-days':
      case 'add-months':
      case 'first-day-of-following-month':
        return countingStep(ctx, s);
      case 'not-earlier-than':
        return t(ctx, 'status.whyStep.notEarlierThan', { floor: date(ctx, s.floor), date: date(ctx, s.result) });
      case 'stated-date':
        return t(ctx, 'status.whyStep.statedDate', { date: date(ctx, s.result) });
      case 'not-before-general-date':
        return t(ctx, 'status.whyStep.notBeforeGeneral', { date: date(ctx, s.result) });
    }
  });
  // Each step's message carries its own leading separator (" + 30 days", "; the first day …").
  return t(ctx, 'status.why', { text: `${start}${steps.join('')}` });
};

/** The counting steps both kinds of explanation share, each with its own leading separator. */
type CountingStep =
  | { readonly op: 'add-days'; readonly days: number; readonly result: LegalDate }
  | { readonly op: 'add-months'; readonly months: number; readonly result: LegalDate }
  | { readonly op: 'first-day-of-following-month'; readonly result: LegalDate };
const countingStep = (ctx: BuildContext, s: CountingStep): string => {
  switch (s.op) {
    case 'add-days':
      return t(ctx, 'status.whyStep.addDays', { count: s.days, date: date(ctx, s.result) });
    case 'add-months':
      return t(ctx, 'status.whyStep.addMonths', { count: s.months, date: date(ctx, s.result) });
    case 'first-day-of-following-month':
      return t(ctx, 'status.whyStep.firstDayOfMonth', { date: date(ctx, s.result) });
  }
};

/** "Why this date" for a withdrawal or an MOU's term date, worded in the document's language. */
export const explainPeriod = (ctx: BuildContext, e: PeriodExplanation): string => {
  const party = (code: string | null) => (code ? partyName(ctx, code) : '');
  const stopped = e.stoppedBy ? t(ctx, 'status.whyStoppedBy', { party: party(e.stoppedBy.party), date: date(ctx, e.stoppedBy.on) }) : '';
  const start = t(ctx, `status.whyFrom.${e.from.event}`, { party: party(e.from.party), date: date(ctx, e.from.on) });
  const steps = e.steps.map((s) => {
    switch (s.op) {
      case 'add-days':
      case 'add-months':
      case 'first-day-of-following-month':
        return countingStep(ctx, s);
      case 'add-renewals':
        return t(ctx, 'status.whyStep.addRenewals', { count: s.count, period: t(ctx, 'status.monthCount', { count: s.months }), date: date(ctx, s.result) });
      case 'named-date':
        return t(ctx, 'status.whyStep.namedDate', { date: date(ctx, s.result) });
      default:
        return '';
    }
  });
  return t(ctx, 'status.why', { text: `${stopped}${start}${steps.join('')}` });
};

const TERM_LINE = { renewal: 'status.termRenewal', expiry: 'status.termExpiry', termination: 'status.termTermination' } as const;

export interface TableView {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export const statusReportDocument: DocumentDefinition<StatusReportInput> = {
  template: 'status-report',
  namespaces: ['common', 'status', 'conditions'],
  position: (input) => input.record.position,
  build({ record, asOf }, ctx) {
    const { state } = record;
    const participants = participationAsAt(state, asOf);
    const assessment = assess(ctx.entryIntoForce, state, asOf);
    const notes: string[] = [];
    const positions = reservationPositions(state, asOf);
    const ordered = ctx.parties.sortCodes(participants.map((p) => p.code), ctx.lang).map((code) => participants.find((p) => p.code === code)!);
    const rows = ordered.map((p) => {
      const name = partyName(ctx, p.code);
      const refs: number[] = [];
      for (const r of p.reservations) {
        notes.push(t(ctx, NOTE_MADE_AT[r.madeAt], {
          party: name,
          kind: t(ctx, `common.reservation.${r.kind}`),
          date: date(ctx, r.madeOn),
          text: r.text,
        }));
        refs.push(notes.length);
        // Under the reservation: the objections it drew (VCLT 20, 21), then its withdrawal (VCLT 22).
        const position = positions.get(r.eventId);
        for (const o of position?.objections ?? []) {
          const objector = partyName(ctx, o.party);
          const parts = [t(ctx, 'status.noteObjection', { party: objector, date: date(ctx, o.objectedOn), reserving: name, text: o.text })];
          if (o.opposesEntryIntoForce) parts.push(t(ctx, 'status.noteObjectionOpposes', { party: objector, reserving: name }));
          if (o.late) parts.push(t(ctx, 'status.noteObjectionLate'));
          if (o.withdrawnOn) parts.push(t(ctx, 'status.noteObjectionWithdrawn', { date: date(ctx, o.withdrawnOn) }));
          notes.push(parts.join(' '));
          refs.push(notes.length);
        }
        if (position?.withdrawnOn) {
          notes.push(t(ctx, 'status.noteReservationWithdrawn', { party: name, kind: t(ctx, `common.reservation.${r.kind}`), date: date(ctx, position.withdrawnOn) }));
          refs.push(notes.length);
        }
      }
      const provisional = provisionalApplicationAsOf(state, p.code, assessment.partyDates[p.code] ?? null, asOf);
      if (provisional) {
        notes.push(provisional.applied
          ? t(ctx, 'status.noteProvisional', { party: name, since: date(ctx, provisional.since) })
          : t(ctx, 'status.noteProvisionalEnded', { party: name, since: date(ctx, provisional.since), until: date(ctx, provisional.endedOn!) }));
        refs.push(notes.length);
      }
      if (p.withdrawal) {
        notes.push(p.withdrawal.revokedOn
          ? t(ctx, 'status.noteWithdrawalRevoked', { party: name, notified: date(ctx, p.withdrawal.notifiedOn), revoked: date(ctx, p.withdrawal.revokedOn) })
          : [
              t(ctx, 'status.noteWithdrawal', { party: name, notified: date(ctx, p.withdrawal.notifiedOn), effective: date(ctx, p.withdrawal.effectiveOn) }),
              // Why that date, where the engine explains it (the notice period, a later date it names).
              ...(assessment.withdrawalExplanations?.[p.code] ? [explainPeriod(ctx, assessment.withdrawalExplanations[p.code]!)] : []),
            ].join(' '));
        refs.push(notes.length);
      }
      const signature = p.signature
        ? p.signature.definitive ? t(ctx, 'status.definitiveSignature', { date: date(ctx, p.signature.signedOn) }) : date(ctx, p.signature.signedOn)
        : '';
      let consent = '';
      if (p.consent) {
        const marker = CONSENT_MARKERS[p.consent.kind];
        consent = `${date(ctx, p.consent.depositedOn)}${marker ? ` ${marker}` : ''}`;
        if (p.consent.domesticActOn) consent += ` (${t(ctx, 'status.domesticAct', { date: date(ctx, p.consent.domesticActOn) })})`;
        // As the UN Treaty Collection prints a succession: the notification, then the date of succession.
        if (p.consent.succeededOn) consent += ` (${t(ctx, 'status.succeededOn', { date: date(ctx, p.consent.succeededOn) })})`;
      } else if (p.notification) {
        consent = t(ctx, 'status.internalProcedures', { date: date(ctx, p.notification.notifiedOn) });
      }
      const own = boundOn(p) ? assessment.partyDates[p.code] : undefined;
      const row = [name, signature, consent, own ? date(ctx, own) : '', refs.join(', ')];
      // VCLT 29: each territory under the party that declared it, with the dates of the declaration and of its effect.
      const territories = (state.participants[p.code]?.territories ?? [])
        .filter((d) => d.declaredOn <= asOf)
        .map((d) => [
          d.territory.code ? partyName(ctx, d.territory.code) : d.territory.name,
          '',
          t(ctx, d.extends ? 'status.territoryExtended' : 'status.territoryExcluded', { declared: date(ctx, d.declaredOn), effective: date(ctx, d.effectiveOn) }),
          '',
          '',
        ]);
      return [row, ...territories];
    }).flat();

    const inForceLine = state.termination && state.termination.terminatedOn <= asOf
      ? t(ctx, 'status.terminated', { date: date(ctx, state.termination.terminatedOn) })
      : assessment.date
        ? t(ctx, assessment.date <= asOf ? 'status.inForce' : 'status.projected', { date: date(ctx, assessment.date) })
        : t(ctx, 'status.notInForce');
    const ended = !!(state.termination && state.termination.terminatedOn <= asOf);
    const why = assessment.explanation && !ended ? explain(ctx, assessment.explanation) : '';
    // An MOU's term: the next renewal, the end of the term, termination after notice, each with why.
    const termLines = ended ? [] : (assessment.termDates ?? []).map((e) => `${t(ctx, TERM_LINE[e.basis as keyof typeof TERM_LINE], { date: date(ctx, e.date) })} ${explainPeriod(ctx, e)}`);
    const conditions = describeConditions(ctx, state);
    if (!assessment.date && assessment.stillRequired !== null && assessment.stillRequired > 0) {
      conditions.push(t(ctx, 'conditions.stillRequired', { count: assessment.stillRequired }));
    }
    return {
      letterhead: letterhead(ctx, state, { date: date(ctx, asOf) }),
      doc: { title: `${state.title}: ${t(ctx, 'status.asAt', { date: date(ctx, asOf) })}` },
      instrument: instrumentLines(ctx, state, asOf),
      asAt: t(ctx, 'status.asAt', { date: date(ctx, asOf) }),
      inForce: inForceLine,
      why,
      termLines,
      counts: t(ctx, 'status.counts', {
        signatories: participants.filter((p) => p.signature).length,
        parties: participants.filter((p) => isParty(p, asOf)).length,
      }),
      table: rows.length
        ? {
            headers: [t(ctx, 'status.participant'), t(ctx, 'status.signature'), t(ctx, 'status.consent'), t(ctx, 'status.partyEntryIntoForce'), t(ctx, 'status.notes')],
            rows,
          } satisfies TableView
        : null,
      empty: rows.length ? '' : t(ctx, 'status.empty'),
      notesHeading: notes.length ? t(ctx, 'status.notesHeading') : '',
      notes: notes.map((text, i) => ({ number: i + 1, text })),
      conditions: { heading: t(ctx, 'conditions.heading'), lines: conditions },
    };
  },
};
