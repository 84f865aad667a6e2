import type { RecordedEvent } from '#libs/event-store';
import { decodeInstrumentEvent, isPartyAct, PARTY_ACTS, type InstrumentEvent, type LegalDate, type Reservation } from '#libs/lifecycle';
import { dayOf } from '../language/legal-dates.js';
import type { InstrumentRecord } from './instrument-record.js';

export const NOTIFIABLE_KINDS = [
  'signature',
  'consent',
  'internal-procedures',
  'reservation',
  'objection',
  'reservation-withdrawal',
  'objection-withdrawal',
  'provisional-application',
  'provisional-application-termination',
  'territorial-application',
  'withdrawal',
  'withdrawal-revocation',
  'termination-notice',
  'entry-into-force',
  'entry-into-force-revoked',
  'correction',
] as const;
export type NotifiableKind = (typeof NOTIFIABLE_KINDS)[number];

/** An act the depositary notifies to all parties, with its place in the numbering. */
export interface NotifiableAct {
  readonly eventId: string;
  readonly position: bigint;
  readonly kind: NotifiableKind;
  readonly party: string | null;
  readonly event: InstrumentEvent;
  /** The notification's date: the day the act was recorded (the log is the depositary's register). */
  readonly notifiedOn: LegalDate;
  /** `<prefix>/<year>/<n>`, n running per instrument and year of notification, in log order. */
  readonly reference: string;
  /** References of the earlier notifications this one follows (the party's signature before its ratification...). */
  readonly follows: readonly string[];
}

/** The notification an event gives rise to: party acts say so in the domain's catalogue; the rest here. */
const kindOf = (event: InstrumentEvent): NotifiableKind | null => {
  if (isPartyAct(event)) return PARTY_ACTS[event.type].notification;
  switch (event.type) {
    case 'EntryIntoForceDetermined.v1':
      return 'entry-into-force';
    case 'EntryIntoForceDeterminationRevoked.v1':
      return 'entry-into-force-revoked';
    case 'ActCorrected.v1':
      return 'correction';
    case 'InstrumentCreated.v1':
    case 'FinalClausesRevised.v1':
    case 'DraftVersionRecorded.v2':
    case 'ReviewRequested.v1':
    case 'ReviewCommentAdded.v1':
    case 'ReviewDecided.v1':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'InstrumentTerminated.v1':
    case 'InstrumentDiscarded.v1':
      return null;
  }
};

const recordedDay = (e: RecordedEvent): LegalDate => {
  const at = (e.metadata as { recordedAt?: unknown }).recordedAt;
  return dayOf(typeof at === 'string' ? at : e.createdAt);
};

/**
 * Default prefix: the acronym in the depositary's name as recorded on the instrument ("CCLEC Permanent
 * Secretariat" → CCLEC), else "DN" (depositary notification).
 */
export const defaultReferencePrefix = (record: InstrumentRecord): string =>
  /\b[A-Z][A-Z0-9]+\b/.exec(record.state.depositary ?? '')?.[0] ?? 'DN';

/**
 * Every notifiable act of the instrument in log order, numbered. Deterministic: the numbering of an act
 * depends only on the events before it, so appending later acts never renumbers earlier notifications.
 */
export const notifiableActs = (record: InstrumentRecord, prefix = defaultReferencePrefix(record)): NotifiableAct[] => {
  const acts: NotifiableAct[] = [];
  const perYear = new Map<string, number>();
  const byEvent = new Map<string, NotifiableAct>();
  // Per party, the notifications of its signature and of its consent (what later acts refer back to).
  const signatureOf = new Map<string, string>();
  const consentOf = new Map<string, string>();
  const withdrawalOf = new Map<string, string>();
  const provisionalOf = new Map<string, string>();
  // A reservation refers to the act it was made at, as its event records it.
  const actMadeAt: Readonly<Record<Reservation['madeAt'], Map<string, string>>> = { signature: signatureOf, deposit: consentOf };
  let lastBinding: string | null = null;
  let lastEntryIntoForce: string | null = null;

  for (const recorded of record.events) {
    const { event } = decodeInstrumentEvent(recorded);
    const kind = kindOf(event);
    if (!kind) continue;
    let party: string | null = null;
    let follows: string[] = [];
    switch (event.type) {
      case 'InstrumentSigned.v1':
        party = event.data.party;
        break;
      case 'ConsentDeposited.v1':
        party = event.data.party;
        follows = [signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'ReservationMade.v1': {
        party = event.data.party;
        const earlier = actMadeAt[event.data.madeAt].get(party);
        follows = earlier ? [earlier] : [];
        break;
      }
      case 'InternalProceduresNotified.v1':
        party = event.data.party;
        follows = [signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      // An objection, and a withdrawal, refer to the notification of the act they answer.
      case 'ReservationObjected.v1':
      case 'ReservationWithdrawn.v1':
        party = event.data.party;
        follows = [byEvent.get(event.data.reservationId)?.reference].filter((r): r is string => !!r);
        break;
      case 'ObjectionWithdrawn.v1':
        party = event.data.party;
        follows = [byEvent.get(event.data.objectionId)?.reference].filter((r): r is string => !!r);
        break;
      case 'ProvisionalApplicationNotified.v1':
        party = event.data.party;
        follows = [signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'ProvisionalApplicationTerminated.v1':
        party = event.data.party;
        follows = [provisionalOf.get(party) ?? signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'TerritorialApplicationDeclared.v1':
        party = event.data.party;
        follows = [consentOf.get(party) ?? signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'WithdrawalNotified.v1':
        party = event.data.party;
        follows = [consentOf.get(party) ?? signatureOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'WithdrawalRevoked.v1':
        party = event.data.party;
        follows = [withdrawalOf.get(party)].filter((r): r is string => !!r);
        break;
      case 'TerminationNotified.v1':
        party = event.data.party;
        follows = [lastEntryIntoForce].filter((r): r is string => !!r);
        break;
      case 'EntryIntoForceDeterminationRevoked.v1':
        follows = [byEvent.get(event.data.supersedes)?.reference].filter((r): r is string => !!r);
        break;
      case 'EntryIntoForceDetermined.v1':
        follows = [lastBinding, event.data.supersedes ? byEvent.get(event.data.supersedes)?.reference : null].filter(
          (r, i, all): r is string => !!r && all.indexOf(r) === i,
        );
        break;
      case 'ActCorrected.v1': {
        const corrected = byEvent.get(event.data.correctedEventId);
        // Corrections of acts that were never notified (adoption, opening) are not notified either.
        if (!corrected) continue;
        party = corrected.party;
        follows = [corrected.reference];
        break;
      }
    }
    const notifiedOn = recordedDay(recorded);
    const year = notifiedOn.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const act: NotifiableAct = { eventId: recorded.id, position: recorded.position, kind, party, event, notifiedOn, reference: `${prefix}/${year}/${n}`, follows };
    acts.push(act);
    byEvent.set(recorded.id, act);
    if (event.type === 'InstrumentSigned.v1') {
      signatureOf.set(event.data.party, act.reference);
      if (event.data.definitive) lastBinding = act.reference;
    }
    if (event.type === 'ConsentDeposited.v1' || event.type === 'InternalProceduresNotified.v1') {
      consentOf.set(event.data.party, act.reference);
      lastBinding = act.reference;
    }
    if (event.type === 'WithdrawalNotified.v1') withdrawalOf.set(event.data.party, act.reference);
    if (event.type === 'ProvisionalApplicationNotified.v1') provisionalOf.set(event.data.party, act.reference);
    if (event.type === 'EntryIntoForceDetermined.v1') lastEntryIntoForce = act.reference;
  }
  return acts;
};
