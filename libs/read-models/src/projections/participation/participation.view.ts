/**
 * One row of GET /api/instruments/:id/participants, as at a legal date (acts dated later are not shown).
 * Entry into force for a party: what the domain knows, i.e. the instrument's date, or the party's own
 * consent when it came later; the rule engine will refine this.
 */
import type { ConsentKind, PartyKind, ReservationKind, Signatory } from '#libs/lifecycle';
import type { EntryIntoForceView } from '../instrument-status/instrument-status.view.js';
import type { ParticipationDoc } from './participation.projection.js';

export type ParticipantStatus = 'eligible' | 'signatory' | 'bound' | 'withdrawn';

export interface ParticipantView {
  readonly party: string;
  readonly name: string;
  readonly partyKind: PartyKind;
  readonly status: ParticipantStatus;
  readonly signature: {
    readonly signedOn: string;
    readonly kind: 'simple' | 'definitive';
    readonly signatory: Signatory;
    readonly place: string | null;
    readonly eventId: string;
  } | null;
  readonly consent: { readonly kind: ConsentKind; readonly depositedOn: string; readonly domesticActOn: string | null; readonly eventId: string } | null;
  readonly reservations: readonly {
    readonly kind: ReservationKind;
    readonly text: string;
    readonly madeOn: string;
    readonly madeAt: 'signature' | 'deposit';
    readonly eventId: string;
  }[];
  readonly withdrawal: { readonly notifiedOn: string; readonly effectiveOn: string; readonly revokedOn: string | null; readonly eventId: string } | null;
  /** Bilateral agreements: notice that the party's internal procedures are complete. */
  readonly notification: { readonly notifiedOn: string; readonly eventId: string } | null;
  /** The date the party became bound (deposit, or definitive signature). */
  readonly boundOn: string | null;
  /** The date the instrument enters (entered) into force for this party, when known. */
  readonly entryIntoForce: string | null;
}

export type ParticipationFacts = Pick<
  ParticipationDoc,
  'party' | 'partyName' | 'partyKind' | 'signature' | 'consent' | 'reservations' | 'withdrawal' | 'notification'
>;

const on = (date: string | null | undefined, asOf: string): boolean => !!date && date <= asOf;

export const presentParticipant = (row: ParticipationFacts, instrument: EntryIntoForceView, asOf: string): ParticipantView => {
  const signature = on(row.signature?.signedOn, asOf) ? row.signature! : null;
  const consent = on(row.consent?.depositedOn, asOf) ? row.consent! : null;
  const withdrawal = on(row.withdrawal?.notifiedOn, asOf) ? row.withdrawal! : null;
  const boundOn = consent?.depositedOn ?? (signature?.definitive ? signature.signedOn : null);
  const revokedOn = withdrawal && on(withdrawal.revokedOn, asOf) ? withdrawal.revokedOn! : null;
  const notification = on(row.notification?.notifiedOn, asOf) ? row.notification! : null;
  const status: ParticipantStatus = on(withdrawal?.effectiveOn, asOf) && !revokedOn
    ? 'withdrawn'
    : boundOn
      ? 'bound'
      : signature
        ? 'signatory'
        : 'eligible';
  const entryIntoForce = boundOn && instrument.date ? (boundOn > instrument.date ? boundOn : instrument.date) : null;
  return {
    party: row.party,
    name: row.partyName,
    partyKind: row.partyKind,
    status,
    signature: signature && {
      signedOn: signature.signedOn,
      kind: signature.definitive ? 'definitive' : 'simple',
      signatory: signature.signatory,
      place: signature.place,
      eventId: signature.eventId,
    },
    consent: consent && { kind: consent.kind, depositedOn: consent.depositedOn, domesticActOn: consent.domesticActOn, eventId: consent.eventId },
    reservations: row.reservations
      .filter((r) => on(r.madeOn, asOf))
      .map((r) => ({ kind: r.kind, text: r.text, madeOn: r.madeOn, madeAt: r.madeAt, eventId: r.eventId })),
    withdrawal: withdrawal && { notifiedOn: withdrawal.notifiedOn, effectiveOn: withdrawal.effectiveOn, revokedOn, eventId: withdrawal.eventId },
    notification: notification && { notifiedOn: notification.notifiedOn, eventId: notification.eventId },
    boundOn,
    entryIntoForce,
  };
};
