import { reservationObjectionWindowEnd } from '#libs/entry-into-force';
import type { InstrumentEvent, LegalDate } from '#libs/lifecycle';
import { DocumentRequestError } from '../model/document-request.error.js';
import { assess } from '../model/entry-into-force-support.js';
import { recordAt, type InstrumentRecord } from '../model/instrument-record.js';
import { notifiableActs, type NotifiableAct } from '../model/notifiable-acts.js';
import { type BuildContext, type DocumentDefinition, date, place as placeIn, depositaryPhrase, instrumentLines, instrumentNoun, letterhead, listWords, partyInText, partyName, t, upper } from './document-definition.js';

export interface NotificationInput {
  readonly record: InstrumentRecord;
  /** The event id of the act (signature, consent, reservation, withdrawal, entry into force, correction). */
  readonly eventId: string;
  /** Reference prefix; default the instrument's depositary. Numbers run per instrument and year. */
  readonly referencePrefix?: string;
}

/** The act a notification is about, or a 404 that lists the acts that can be notified. */
export const findNotifiableAct = (record: InstrumentRecord, eventId: string, prefix?: string): NotifiableAct => {
  const acts = notifiableActs(record, prefix);
  const act = acts.find((a) => a.eventId === eventId);
  if (!act) {
    const ids = acts.map((a) => a.eventId);
    throw new DocumentRequestError(
      'NOTIFICATION_NOT_FOUND',
      `No notifiable act with event id ${JSON.stringify(eventId)} is recorded for this instrument${ids.length ? `; notifiable acts: ${ids.join(', ')}` : ''}.`,
      'not-found',
      'eventId',
      ids,
    );
  }
  return act;
};

const actWord = (ctx: BuildContext, event: InstrumentEvent): string => {
  switch (event.type) {
    case 'InstrumentSigned.v1':
      return t(ctx, event.data.definitive ? 'notification.act.definitiveSignature' : 'notification.act.signature');
    case 'ConsentDeposited.v1':
      return t(ctx, `common.consent.${event.data.kind}`);
    case 'ReservationMade.v1':
      return t(ctx, `common.reservation.${event.data.kind}`);
    case 'WithdrawalNotified.v1':
      return t(ctx, 'notification.act.withdrawal');
    case 'InternalProceduresNotified.v1':
      return t(ctx, 'notification.act.internalProcedures');
    case 'WithdrawalRevoked.v1':
      return t(ctx, 'notification.act.withdrawalRevocation');
    case 'TerminationNotified.v1':
      return t(ctx, 'notification.act.terminationNotice');
    case 'ReservationObjected.v1':
      return t(ctx, 'notification.act.objection');
    case 'ReservationWithdrawn.v1':
      return t(ctx, 'notification.act.reservationWithdrawal');
    case 'ObjectionWithdrawn.v1':
      return t(ctx, 'notification.act.objectionWithdrawal');
    case 'ProvisionalApplicationNotified.v1':
      return t(ctx, 'notification.act.provisionalApplication');
    case 'ProvisionalApplicationTerminated.v1':
      return t(ctx, 'notification.act.provisionalApplicationTermination');
    case 'TerritorialApplicationDeclared.v1':
      return t(ctx, 'notification.act.territorialApplication');
    case 'InstrumentCreated.v1':
    case 'FinalClausesRevised.v1':
    case 'DraftVersionRecorded.v2':
    case 'ReviewRequested.v1':
    case 'ReviewCommentAdded.v1':
    case 'ReviewDecided.v1':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'EntryIntoForceDetermined.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'InstrumentTerminated.v1':
    case 'InstrumentDiscarded.v1':
    case 'ActCorrected.v1':
      return '';
  }
};

/** A corrected value as the notification prints it. */
const correctedValue = (ctx: BuildContext, field: string, value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(ctx, value ? 'notification.yes' : 'notification.no');
  if (typeof value === 'string' && /On$/.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(ctx, value);
  if (field === 'kind' && typeof value === 'string') {
    const key = ['reservation', 'declaration'].includes(value) ? `common.reservation.${value}` : `common.consent.${value}`;
    return t(ctx, key);
  }
  if (field === 'signatory' && typeof value === 'object') {
    const s = value as { name?: unknown; title?: unknown };
    return [s.name, s.title].filter(Boolean).join(', ');
  }
  if (field === 'madeAt' && (value === 'signature' || value === 'deposit')) return t(ctx, `notification.at.${value}`);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  }
  return String(value);
};

/** A reservation's or an objection's text as the notification quotes it: its lines, trimmed, blank ones dropped. */
const quotedLines = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export const notificationDocument: DocumentDefinition<NotificationInput> = {
  template: 'notification',
  namespaces: ['common', 'notification'],
  // A notification is what was communicated at the time: it is rendered from the log as it stood at the act.
  position: (input) => findNotifiableAct(input.record, input.eventId, input.referencePrefix).position,
  build(input, ctx) {
    const prefix = input.referencePrefix ?? ctx.organisation?.acronym;
    const act = findNotifiableAct(input.record, input.eventId, prefix);
    const acts = notifiableActs(input.record, prefix);
    const record = recordAt(input.record, act.position);
    const { state } = record;
    const nouns = instrumentNoun(ctx, state);
    // The action line names the party as the table does; sentences as it reads in running text.
    const party = act.party ? partyInText(ctx, act.party) : '';
    const partyUpper = act.party ? upper(ctx, partyName(ctx, act.party)) : '';
    // "CUBA: RATIFICATION": the action line of a party's act (of a corrected one too)
    const partyAction = (acted: InstrumentEvent) => t(ctx, 'notification.action', { party: partyUpper, act: upper(ctx, actWord(ctx, acted)) });
    const paragraphs: string[] = [];
    let quote: string[] = [];
    const closing: string[] = [];
    let effectedOn: LegalDate = act.notifiedOn;
    let action: string;
    const corrections: { label: string; value: string }[] = [];
    const event = act.event;

    switch (event.type) {
      case 'InstrumentSigned.v1': {
        const d = event.data;
        effectedOn = d.signedOn;
        paragraphs.push(t(ctx, d.definitive ? 'notification.signedDefinitively' : 'notification.signed', { date: date(ctx, d.signedOn), party, ...nouns }));
        const recordedPlace = d.place ?? state.signatureOpening?.place ?? null;
        const place = recordedPlace && placeIn(ctx, recordedPlace);
        paragraphs.push(place
          ? t(ctx, 'notification.signatory', { ...nouns, name: d.signatory.name, title: d.signatory.title, place })
          : t(ctx, 'notification.signatoryNoPlace', { ...nouns, name: d.signatory.name, title: d.signatory.title }));
        action = partyAction(event);
        break;
      }
      case 'ConsentDeposited.v1': {
        const d = event.data;
        effectedOn = d.depositedOn;
        paragraphs.push(t(ctx, `notification.deposited.${d.kind}`, { date: date(ctx, d.depositedOn), party, ...nouns }));
        if (d.succeededOn) paragraphs.push(t(ctx, 'notification.succession', { date: date(ctx, d.succeededOn) }));
        if (d.domesticActOn) paragraphs.push(t(ctx, 'notification.domesticAct', { date: date(ctx, d.domesticActOn) }));
        const own = assess(ctx.entryIntoForce, state, d.depositedOn).partyDates[d.party];
        if (own) paragraphs.push(t(ctx, 'notification.partyEntryIntoForce', { ...nouns, party, date: date(ctx, own) }));
        action = partyAction(event);
        break;
      }
      case 'ReservationMade.v1': {
        const d = event.data;
        effectedOn = d.madeOn;
        paragraphs.push(t(ctx, 'notification.reservation', { date: date(ctx, d.madeOn), at: t(ctx, `notification.at.${d.madeAt}`), party, kind: t(ctx, `common.reservation.${d.kind}`) }));
        quote = quotedLines(d.text);
        action = partyAction(event);
        break;
      }
      case 'WithdrawalNotified.v1': {
        const d = event.data;
        effectedOn = d.notifiedOn;
        paragraphs.push(t(ctx, 'notification.withdrawal', { date: date(ctx, d.notifiedOn), party, ...nouns, effective: date(ctx, d.effectiveOn) }));
        action = partyAction(event);
        break;
      }
      case 'InternalProceduresNotified.v1': {
        effectedOn = event.data.notifiedOn;
        paragraphs.push(t(ctx, 'notification.internalProcedures', { date: date(ctx, effectedOn), party, ...nouns }));
        action = partyAction(event);
        break;
      }
      case 'WithdrawalRevoked.v1': {
        effectedOn = event.data.revokedOn;
        paragraphs.push(t(ctx, 'notification.withdrawalRevoked', { date: date(ctx, effectedOn), party, ...nouns }));
        action = partyAction(event);
        break;
      }
      case 'TerminationNotified.v1': {
        const d = event.data;
        effectedOn = d.notifiedOn;
        paragraphs.push(t(ctx, 'notification.terminationNotice', { date: date(ctx, d.notifiedOn), party, ...nouns }));
        if (d.namedEffectiveOn) paragraphs.push(t(ctx, 'notification.terminationNamedDate', { effective: date(ctx, d.namedEffectiveOn) }));
        action = partyAction(event);
        break;
      }
      case 'ReservationObjected.v1': {
        const d = event.data;
        effectedOn = d.objectedOn;
        const reservation = acts.find((a) => a.eventId === d.reservationId);
        paragraphs.push(t(ctx, 'notification.objection', { date: date(ctx, d.objectedOn), party, reserving: partyInText(ctx, d.reservingParty), reference: reservation?.reference ?? '—' }));
        quote = quotedLines(d.text);
        if (d.opposesEntryIntoForce) closing.push(t(ctx, 'notification.objectionOpposes', { ...nouns, party, reserving: partyInText(ctx, d.reservingParty) }));
        // VCLT 20(5): after the twelve months the reservation was already accepted; the depositary still circulates the objection.
        const made = reservation?.event.type === 'ReservationMade.v1' ? reservation.event.data.madeOn : null;
        if (made && d.objectedOn > reservationObjectionWindowEnd(made)) closing.push(t(ctx, 'notification.objectionLate', { end: date(ctx, reservationObjectionWindowEnd(made)) }));
        action = partyAction(event);
        break;
      }
      case 'ReservationWithdrawn.v1':
      case 'ObjectionWithdrawn.v1': {
        const d = event.data;
        effectedOn = d.notifiedOn;
        const answered = acts.find((a) => a.eventId === (event.type === 'ReservationWithdrawn.v1' ? event.data.reservationId : event.data.objectionId));
        const key = event.type === 'ReservationWithdrawn.v1' ? 'notification.reservationWithdrawn' : 'notification.objectionWithdrawn';
        paragraphs.push(t(ctx, key, { date: date(ctx, d.notifiedOn), party, reference: answered?.reference ?? '—', effective: date(ctx, d.effectiveOn) }));
        action = partyAction(event);
        break;
      }
      case 'ProvisionalApplicationNotified.v1': {
        const d = event.data;
        effectedOn = d.notifiedOn;
        paragraphs.push(t(ctx, 'notification.provisionalApplication', { date: date(ctx, d.notifiedOn), party, ...nouns, from: date(ctx, d.appliesFrom) }));
        action = partyAction(event);
        break;
      }
      case 'ProvisionalApplicationTerminated.v1': {
        effectedOn = event.data.notifiedOn;
        paragraphs.push(t(ctx, 'notification.provisionalApplicationTerminated', { date: date(ctx, effectedOn), party, ...nouns }));
        action = partyAction(event);
        break;
      }
      case 'TerritorialApplicationDeclared.v1': {
        const d = event.data;
        effectedOn = d.declaredOn;
        // A registered territory is named as the party directory names it in the language; any other as declared.
        const territory = d.territory.code ? partyInText(ctx, d.territory.code) : d.territory.name;
        paragraphs.push(t(ctx, d.extends ? 'notification.territorialExtension' : 'notification.territorialExclusion', { date: date(ctx, d.declaredOn), party, ...nouns, territory, effective: date(ctx, d.effectiveOn) }));
        action = partyAction(event);
        break;
      }
      case 'EntryIntoForceDeterminationRevoked.v1': {
        const superseded = acts.find((a) => a.eventId === event.data.supersedes);
        paragraphs.push(t(ctx, 'notification.entryIntoForceRevoked', { reference: superseded?.reference ?? '—', reason: event.data.reason }));
        action = t(ctx, 'notification.entryIntoForceRevokedAction');
        break;
      }
      case 'EntryIntoForceDetermined.v1': {
        const d = event.data;
        effectedOn = d.date;
        paragraphs.push(t(ctx, d.date > act.notifiedOn ? 'notification.entryIntoForce' : 'notification.enteredIntoForce', { ...nouns, date: date(ctx, d.date) }));
        const superseded = d.supersedes ? acts.find((a) => a.eventId === d.supersedes) : undefined;
        if (superseded) paragraphs.push(t(ctx, 'notification.supersedes', { reference: superseded.reference }));
        action = t(ctx, 'notification.entryIntoForceAction');
        break;
      }
      case 'ActCorrected.v1': {
        const d = event.data;
        const corrected = acts.find((a) => a.eventId === d.correctedEventId)!;
        paragraphs.push(t(ctx, 'notification.correction', { reference: corrected.reference }));
        for (const [field, value] of Object.entries(d.changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          corrections.push({ label: t(ctx, `notification.field.${field}`), value: correctedValue(ctx, field, value) });
        }
        closing.push(t(ctx, 'notification.correctionReason', { reason: d.reason }));
        const base = corrected.party
          ? partyAction(corrected.event)
          : t(ctx, 'notification.entryIntoForceAction');
        action = t(ctx, 'notification.correctionSuffix', { action: base });
        break;
      }
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
        action = '';
    }
    const header = instrumentLines(ctx, state);
    return {
      letterhead: letterhead(ctx, state, { date: date(ctx, act.notifiedOn) }),
      doc: { title: `${act.reference}: ${action}` },
      heading: t(ctx, 'notification.heading'),
      reference: t(ctx, 'notification.reference', { reference: act.reference }),
      instrument: header,
      action,
      communicates: t(ctx, 'notification.communicates', { depositary: depositaryPhrase(ctx, state) }),
      paragraphs,
      quote,
      corrections,
      closing,
      effected: t(ctx, 'notification.effected', { date: date(ctx, effectedOn) }),
      notified: t(ctx, 'notification.notified', { date: date(ctx, act.notifiedOn) }),
      follows: act.follows.length ? t(ctx, 'notification.follows', { count: act.follows.length, references: listWords(ctx, act.follows) }) : '',
    };
  },
};
