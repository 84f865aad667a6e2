/**
 * What GET /api/instruments/:id/status answers, as at a legal date. The live read model and the time-travel
 * fold both produce an InstrumentStatusDoc and go through this one function, so "as at" means one thing.
 * Acts dated after `asOf` are not counted; the stage is the domain's stageAsOf.
 */
import { CONSENT_KINDS, stageAsOf, type ConsentKind, type Instrument, type Stage, type Votes } from '#libs/lifecycle';
import type { InstrumentStatusDoc, TimelineEntry } from './instrument-status.projection.js';

export interface EntryIntoForceView {
  /** `not-yet-in-force` with a date: determined, but the date is still ahead (as at `asOf`). */
  readonly status: 'in-force' | 'not-yet-in-force';
  readonly date: string | null;
  readonly rule: string;
}

export interface InstrumentStatusView {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly parentId: string | null;
  readonly depositary: string | null;
  readonly languages: readonly string[];
  readonly createdOn: string;
  readonly asOf: string;
  readonly stage: Stage;
  readonly currentDraftVersion: number | null;
  readonly adoption: {
    readonly adoptedOn: string;
    readonly place: string;
    readonly method: 'consensus' | 'vote';
    readonly votes: Votes | null;
    readonly version: number;
    readonly eventId: string;
  } | null;
  readonly opening: { readonly opensOn: string; readonly closesOn: string | null; readonly place: string; readonly eventId: string } | null;
  readonly eligibleParties: number;
  readonly signatures: { readonly total: number; readonly definitive: number };
  readonly consents: { readonly total: number; readonly byKind: Readonly<Record<ConsentKind, number>> };
  readonly reservations: { readonly reservations: number; readonly declarations: number };
  /** Notices of withdrawal given (and not revoked) as at the date, and those that have taken effect. */
  readonly withdrawals: { readonly notified: number; readonly effective: number };
  /** Bilateral agreements: parties that notified completion of their internal procedures. */
  readonly internalProceduresNotified: number;
  readonly entryIntoForce: EntryIntoForceView;
  readonly termination: { readonly terminatedOn: string; readonly reason: string } | null;
  readonly terminationNotice: { readonly notifiedOn: string; readonly namedEffectiveOn: string | null; readonly by: string } | null;
  /** The last event dated on or before `asOf` (log order). */
  readonly lastAct: TimelineEntry | null;
}

const on = (date: string | null | undefined, asOf: string): boolean => !!date && date <= asOf;

export const entryIntoForceAsOf = (doc: Pick<InstrumentStatusDoc, 'entryIntoForce' | 'entryIntoForceRule'>, asOf: string): EntryIntoForceView => {
  const eif = doc.entryIntoForce;
  if (eif && eif.date <= asOf) return { status: 'in-force', date: eif.date, rule: doc.entryIntoForceRule };
  // A date determined by then (by legal date or by recording) but still ahead: "enters into force on ...".
  const known = eif && eif.recordedOn <= asOf;
  return { status: 'not-yet-in-force', date: known ? eif.date : null, rule: doc.entryIntoForceRule };
};

export const presentStatus = (doc: InstrumentStatusDoc, asOf: string): InstrumentStatusView => {
  const byKind = Object.fromEntries(CONSENT_KINDS.map((k) => [k, 0])) as Record<ConsentKind, number>;
  let signatures = 0;
  let definitive = 0;
  let consents = 0;
  let reservations = 0;
  let declarations = 0;
  let notified = 0;
  let effective = 0;
  let notifications = 0;
  for (const cell of Object.values(doc.parties)) {
    if (on(cell.signature?.signedOn, asOf)) {
      signatures += 1;
      if (cell.signature!.definitive) definitive += 1;
    }
    if (on(cell.consent?.depositedOn, asOf)) {
      consents += 1;
      byKind[cell.consent!.kind] += 1;
    }
    for (const r of cell.reservations) {
      if (!on(r.madeOn, asOf)) continue;
      if (r.kind === 'reservation') reservations += 1;
      else declarations += 1;
    }
    const revoked = on(cell.withdrawal?.revokedOn, asOf);
    if (on(cell.withdrawal?.notifiedOn, asOf) && !revoked) notified += 1;
    if (on(cell.withdrawal?.effectiveOn, asOf) && !revoked) effective += 1;
    if (on(cell.notification?.notifiedOn, asOf)) notifications += 1;
  }
  const adoption = on(doc.adoption?.adoptedOn, asOf) ? doc.adoption! : null;
  const opening = on(doc.signatureOpening?.opensOn, asOf) ? doc.signatureOpening! : null;
  const lastAct = [...doc.timeline].reverse().find((e) => e.legalDate <= asOf) ?? null;
  // stageAsOf reads only the stage and the dated facts below; the document carries them under the same names.
  const dated = {
    stage: doc.stage,
    termination: doc.termination,
    entryIntoForce: doc.entryIntoForce,
    signatureOpening: doc.signatureOpening,
    adoption: doc.adoption,
  } as unknown as Instrument;
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    parentId: doc.parentId,
    depositary: doc.depositary,
    languages: doc.languages,
    createdOn: doc.createdOn,
    asOf,
    stage: stageAsOf(dated, asOf),
    currentDraftVersion: doc.currentDraftVersion,
    adoption: adoption && {
      adoptedOn: adoption.adoptedOn,
      place: adoption.place,
      method: adoption.method,
      votes: adoption.votes,
      version: adoption.version,
      eventId: adoption.eventId,
    },
    opening: opening && { opensOn: opening.opensOn, closesOn: opening.closesOn, place: opening.place, eventId: opening.eventId },
    eligibleParties: doc.eligibleParties.length,
    signatures: { total: signatures, definitive },
    consents: { total: consents, byKind },
    reservations: { reservations, declarations },
    withdrawals: { notified, effective },
    internalProceduresNotified: notifications,
    entryIntoForce: entryIntoForceAsOf(doc, asOf),
    termination: doc.termination && on(doc.termination.terminatedOn, asOf) ? doc.termination : null,
    terminationNotice: doc.terminationNotice && on(doc.terminationNotice.notifiedOn, asOf) ? doc.terminationNotice : null,
    lastAct: lastAct && { eventId: lastAct.eventId, type: lastAct.type, legalDate: lastAct.legalDate, recordedAt: lastAct.recordedAt, party: lastAct.party },
  };
};
