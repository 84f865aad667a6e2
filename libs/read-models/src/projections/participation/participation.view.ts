/**
 * One row of GET /api/instruments/:id/participants, as at a legal date (acts dated later are not shown).
 * The dates that follow from the final clauses (when the party became bound for the rule, entry into force for
 * it, when its withdrawal takes effect, the end of each reservation's objection window) are the domain's
 * assessment as at that date, the same one the status view shows.
 */
import type { PartyAssessment, PartyStatus } from '#libs/entry-into-force';
import { partyStatus } from '#libs/entry-into-force';
import type { ConsentKind, PartyKind, ProvisionalApplicationStatus, ReservationKind, Signatory, Territory } from '#libs/lifecycle';
import type { StatusAssessment } from '../instrument-status/instrument-status.view.js';
import type { ParticipationDoc } from './participation.projection.js';

export type ParticipantStatus = 'eligible' | 'signatory' | 'bound' | 'withdrawn';

/**
 * What the final clauses make of the party (the engine's own fields): when it became bound under the rule,
 * whether its act counts, entry into force for it, and its withdrawal's dates.
 */
type PartyDates = Pick<
  PartyAssessment,
  'boundOn' | 'boundBy' | 'counted' | 'entryIntoForceOn' | 'entryIntoForceExplanation' | 'withdrawalAllowedFrom' | 'withdrawalEffectiveOn' | 'withdrawalExplanation'
>;

export interface ParticipantView extends PartyDates {
  readonly party: string;
  readonly name: string;
  readonly partyKind: PartyKind;
  /** Where the party stands in the procedure: eligible, signatory, bound, withdrawn (its withdrawal took effect). */
  readonly status: ParticipantStatus;
  /** Where it stands under the final clauses: not-bound, bound-not-in-force, in-force, withdrawn. */
  readonly partyStatus: PartyStatus;
  readonly signature: {
    readonly signedOn: string;
    readonly kind: 'simple' | 'definitive';
    readonly signatory: Signatory;
    readonly place: string | null;
    readonly eventId: string;
  } | null;
  readonly consent: {
    readonly kind: ConsentKind;
    /** For a succession, the date of the notification of succession. */
    readonly depositedOn: string;
    readonly domesticActOn: string | null;
    /** Succession: the date of succession (from which the State considers itself bound), as the UN Treaty Collection prints it. */
    readonly succeededOn: string | null;
    readonly eventId: string;
  } | null;
  readonly reservations: readonly {
    readonly kind: ReservationKind;
    readonly text: string;
    readonly madeOn: string;
    readonly madeAt: 'signature' | 'deposit';
    readonly eventId: string;
    /** Reservations: the last day other States may object (VCLT 20(5)); null for declarations. */
    readonly objectionWindowEndsOn: string | null;
    /** The window has run out: accepted by every party that had not objected by then. */
    readonly deemedAccepted: boolean;
    /** The objections it drew, by the date asked (VCLT 20, 21). */
    readonly objections: readonly ObjectionView[];
    /** The day its withdrawal took effect (VCLT 22), once on or before the date asked. */
    readonly withdrawnOn: string | null;
    /** A withdrawal notified by the date asked: the day it takes (or took) effect. */
    readonly withdrawalEffectiveOn: string | null;
  }[];
  /** Objections this party made to others' reservations. */
  readonly objectionsMade: readonly {
    readonly eventId: string;
    readonly reservationId: string;
    readonly reservingParty: string;
    readonly objectedOn: string;
    readonly opposesEntryIntoForce: boolean;
    readonly late: boolean;
    readonly withdrawnOn: string | null;
  }[];
  /** Provisional application (VCLT 25): since when, on which basis, and when it ended; null if none by the date asked. */
  readonly provisionalApplication: ProvisionalApplicationStatus | null;
  /** Territories to which the party extended (or did not extend) the instrument, declared by the date asked (VCLT 29). */
  readonly territories: readonly {
    readonly territory: Territory;
    readonly extends: boolean;
    readonly declaredOn: string;
    readonly effectiveOn: string;
    /** Whether the declaration had taken effect by the date asked. */
    readonly inEffect: boolean;
    readonly eventId: string;
  }[];
  readonly withdrawal: { readonly notifiedOn: string; readonly effectiveOn: string; readonly revokedOn: string | null; readonly eventId: string } | null;
  /** Bilateral agreements: notice that the party's internal procedures are complete. */
  readonly notification: { readonly notifiedOn: string; readonly eventId: string } | null;
}

export interface ObjectionView {
  readonly eventId: string;
  readonly party: string;
  readonly name: string;
  readonly text: string;
  readonly objectedOn: string;
  /** VCLT 20(4)(b): it opposes the entry into force of the instrument between the objecting and the reserving party. */
  readonly opposesEntryIntoForce: boolean;
  /** Received after the twelve-month window. */
  readonly late: boolean;
  readonly withdrawnOn: string | null;
  readonly withdrawalEffectiveOn: string | null;
}

export type ParticipationFacts = Pick<
  ParticipationDoc,
  'party' | 'partyName' | 'partyKind' | 'signature' | 'consent' | 'reservations' | 'withdrawal' | 'notification' | 'objections' | 'territories'
>;

const on = (date: string | null | undefined, asOf: string): boolean => !!date && date <= asOf;

const notAssessed = (code: string, kind: PartyKind): PartyAssessment => ({
  code,
  kind,
  boundOn: null,
  boundBy: null,
  counted: false,
  entryIntoForceOn: null,
  entryIntoForceExplanation: null,
  withdrawalAllowedFrom: null,
  withdrawalEffectiveOn: null,
  withdrawal: null,
  withdrawalExplanation: null,
});

export const presentParticipant = (row: ParticipationFacts, assessed: StatusAssessment, asOf: string): ParticipantView => {
  const signature = on(row.signature?.signedOn, asOf) ? row.signature! : null;
  const consent = on(row.consent?.depositedOn, asOf) ? row.consent! : null;
  const withdrawal = on(row.withdrawal?.notifiedOn, asOf) ? row.withdrawal! : null;
  const revokedOn = withdrawal && on(withdrawal.revokedOn, asOf) ? withdrawal.revokedOn! : null;
  const notification = on(row.notification?.notifiedOn, asOf) ? row.notification! : null;
  // Every eligible party is assessed; the fallback covers a row the assessment does not know (never expected).
  const assessedParty = assessed.assessment.entryIntoForce.parties.find((p) => p.code === row.party) ?? notAssessed(row.party, row.partyKind);
  const underRule = partyStatus(assessedParty, asOf);
  const status: ParticipantStatus =
    underRule === 'withdrawn' ? 'withdrawn' : assessedParty.boundOn || consent || signature?.definitive ? 'bound' : signature ? 'signatory' : 'eligible';
  return {
    party: row.party,
    name: row.partyName,
    partyKind: row.partyKind,
    status,
    partyStatus: underRule,
    signature: signature && {
      signedOn: signature.signedOn,
      kind: signature.definitive ? 'definitive' : 'simple',
      signatory: signature.signatory,
      place: signature.place,
      eventId: signature.eventId,
    },
    consent: consent && {
      kind: consent.kind,
      depositedOn: consent.depositedOn,
      domesticActOn: consent.domesticActOn,
      succeededOn: consent.succeededOn ?? null,
      eventId: consent.eventId,
    },
    reservations: row.reservations
      .filter((r) => on(r.madeOn, asOf))
      .map((r) => {
        const position = assessed.reservations.get(r.eventId);
        return {
          kind: r.kind,
          text: r.text,
          madeOn: r.madeOn,
          madeAt: r.madeAt,
          eventId: r.eventId,
          objectionWindowEndsOn: assessed.objectionWindowEndsOn.get(r.eventId) ?? null,
          deemedAccepted: position?.deemedAccepted ?? false,
          objections: (position?.objections ?? []).map((o) => ({ ...o, name: assessed.partyNames.get(o.party) ?? o.party })),
          withdrawnOn: position?.withdrawnOn ?? null,
          withdrawalEffectiveOn: position?.withdrawalEffectiveOn ?? null,
        };
      }),
    objectionsMade: (row.objections ?? [])
      .filter((o) => on(o.objectedOn, asOf))
      .map((o) => {
        const answered = assessed.reservations.get(o.reservationId)?.objections.find((a) => a.eventId === o.eventId);
        return {
          eventId: o.eventId,
          reservationId: o.reservationId,
          reservingParty: o.reservingParty,
          objectedOn: o.objectedOn,
          opposesEntryIntoForce: o.opposesEntryIntoForce,
          late: answered?.late ?? false,
          withdrawnOn: answered?.withdrawnOn ?? null,
        };
      }),
    provisionalApplication: assessed.provisionalApplication.get(row.party) ?? null,
    territories: (row.territories ?? [])
      .filter((t) => on(t.declaredOn, asOf))
      .map((t) => ({ territory: t.territory, extends: t.extends, declaredOn: t.declaredOn, effectiveOn: t.effectiveOn, inEffect: t.effectiveOn <= asOf, eventId: t.eventId })),
    withdrawal: withdrawal && { notifiedOn: withdrawal.notifiedOn, effectiveOn: withdrawal.effectiveOn, revokedOn, eventId: withdrawal.eventId },
    notification: notification && { notifiedOn: notification.notifiedOn, eventId: notification.eventId },
    boundOn: assessedParty.boundOn,
    boundBy: assessedParty.boundBy,
    counted: assessedParty.counted,
    entryIntoForceOn: assessedParty.entryIntoForceOn,
    // Why that date: the act, the count and the arithmetic.
    entryIntoForceExplanation: assessedParty.entryIntoForceExplanation,
    withdrawalAllowedFrom: assessedParty.withdrawalAllowedFrom,
    withdrawalEffectiveOn: assessedParty.withdrawalEffectiveOn,
    // Why that date: the notice, the notice period and any later date it names.
    withdrawalExplanation: assessedParty.withdrawalExplanation,
  };
};
