/**
 * What GET /api/instruments/:id/status answers, as at a legal date. The live read model and the time-travel
 * fold both produce an InstrumentStatusDoc and go through this one function, so "as at" means one thing.
 * Acts dated after `asOf` are not counted. Entry into force, withdrawals, the MOU term and the stage are the
 * domain's own assessment as at `asOf` (assessInstrument, instrumentStageAsOf), computed at query time.
 */
import {
  assessInstrument,
  CONSENT_KINDS,
  instrumentStageAsOf,
  provisionalApplicationAsOf,
  reservationObjectionWindows,
  reservationPositions,
  type ProvisionalApplicationStatus,
  type ReservationPosition,
  type ConsentKind,
  type EntryIntoForceRule,
  type Instrument,
  type Stage,
  type Votes,
} from '#libs/lifecycle';
import {
  entryIntoForceStatus,
  type EntryIntoForceAssessment,
  type EntryIntoForceStatus,
  type InstrumentAssessment,
  type LegalDate,
  type TermAssessment,
} from '#libs/entry-into-force';
import { instrumentOfStatusDoc, type InstrumentStatusDoc, type TimelineEntry } from './instrument-status.projection.js';

/** The domain's assessment of an instrument as at a date: what the status and participants views show. */
export interface StatusAssessment {
  readonly asOf: LegalDate;
  /** The stage that day (an MOU whose term has run out, or that was terminated on notice, is terminated). */
  readonly stage: Stage;
  readonly assessment: InstrumentAssessment;
  /** The last day of the twelve-month objection window of each reservation, by the id of the event that made it. */
  readonly objectionWindowEndsOn: ReadonlyMap<string, LegalDate>;
  /** Each reservation and declaration made by asOf: its objections, withdrawal and acceptance, by event id. */
  readonly reservations: ReadonlyMap<string, ReservationPosition>;
  /** Parties applying the instrument provisionally (or that did, until asOf), by code. */
  readonly provisionalApplication: ReadonlyMap<string, ProvisionalApplicationStatus>;
  /** The eligible parties' names, by code (objections name the objecting party). */
  readonly partyNames: ReadonlyMap<string, string>;
}

/** From a domain state (the fold of time travel). */
export const assessInstrumentAsOf = (state: Instrument, asOf: LegalDate): StatusAssessment => {
  const assessment = assessInstrument(state, { asOf });
  const provisional = state.eligibleParties.flatMap((party) => {
    const own = assessment.entryIntoForce.parties.find((p) => p.code === party.code)?.entryIntoForceOn ?? null;
    const status = provisionalApplicationAsOf(state, party.code, own, asOf);
    return status ? [[party.code, status] as const] : [];
  });
  return {
    asOf,
    stage: instrumentStageAsOf(state, asOf, assessment),
    assessment,
    objectionWindowEndsOn: new Map(reservationObjectionWindows(state).map((w) => [w.eventId, w.objectionWindowEndsOn])),
    reservations: reservationPositions(state, asOf),
    provisionalApplication: new Map(provisional),
    partyNames: new Map(state.eligibleParties.map((p) => [p.code, p.name])),
  };
};

/** From the live document, which keeps the same inputs. */
export const assessStatusDoc = (doc: InstrumentStatusDoc, asOf: LegalDate): StatusAssessment => assessInstrumentAsOf(instrumentOfStatusDoc(doc), asOf);

/** The engine's assessment as at asOf, without the per-party rows (the participants view has those). */
export type EntryIntoForceView = Pick<
  EntryIntoForceAssessment,
  | 'date'
  | 'explanation'
  | 'triggerMetOn'
  | 'triggeredBy'
  | 'instrumentsRequired'
  | 'instrumentsDeposited'
  | 'qualifyingDeposited'
  | 'weightPercent'
  | 'shareDenominator'
  | 'stillRequired'
  | 'awaiting'
  | 'flags'
> & {
  /** The type of the rule in the final clauses. */
  readonly rule: EntryIntoForceRule['type'];
  /** As at asOf: `pending` once the condition is met but the date is still ahead; `terminated` once it ended. */
  readonly status: EntryIntoForceStatus | 'terminated';
};

/** An MOU's term as at asOf (null when the final clauses have no term). */
export type TermView = Omit<TermAssessment, 'asOf'>;

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
  readonly reservations: { readonly reservations: number; readonly declarations: number; readonly withdrawn: number; readonly deemedAccepted: number };
  /** Objections to reservations as at the date: standing or withdrawn, those opposing entry into force between the two (VCLT 20(4)(b)), those late. */
  readonly objections: { readonly total: number; readonly withdrawn: number; readonly opposingEntryIntoForce: number; readonly late: number };
  /** Parties applying the instrument provisionally on the date. */
  readonly provisionalApplication: { readonly applying: number; readonly ended: number };
  /** Declarations of territorial application made by the date. */
  readonly territorialDeclarations: number;
  /** Notices of withdrawal given (and not revoked) as at the date, and those that had taken effect. */
  readonly withdrawals: { readonly notified: number; readonly effective: number };
  /** Bilateral agreements: parties that notified completion of their internal procedures. */
  readonly internalProceduresNotified: number;
  readonly entryIntoForce: EntryIntoForceView;
  readonly term: TermView | null;
  readonly termination: { readonly terminatedOn: string; readonly reason: string } | null;
  readonly terminationNotice: { readonly notifiedOn: string; readonly namedEffectiveOn: string | null; readonly by: string } | null;
  /** The last event dated on or before `asOf` (log order). */
  readonly lastAct: TimelineEntry | null;
}

const on = (date: string | null | undefined, asOf: string): boolean => !!date && date <= asOf;

const entryIntoForceView = ({ assessment, stage }: StatusAssessment, asOf: LegalDate): EntryIntoForceView => {
  const e = assessment.entryIntoForce;
  return {
    rule: e.ruleType,
    // An instrument terminated (or whose term ran out) is no longer in force, whatever its final clauses say.
    // Otherwise evaluated with asOf, so the status is always there; the fallback only satisfies the type.
    status: stage === 'terminated' ? 'terminated' : (e.status ?? entryIntoForceStatus(e, asOf)),
    date: e.date,
    explanation: e.explanation,
    triggerMetOn: e.triggerMetOn,
    triggeredBy: e.triggeredBy,
    instrumentsRequired: e.instrumentsRequired,
    instrumentsDeposited: e.instrumentsDeposited,
    qualifyingDeposited: e.qualifyingDeposited,
    weightPercent: e.weightPercent,
    shareDenominator: e.shareDenominator,
    stillRequired: e.stillRequired,
    awaiting: e.awaiting,
    flags: e.flags,
  };
};

const termView = (term: TermAssessment | null): TermView | null => {
  if (!term) return null;
  const { asOf: _asOf, ...rest } = term;
  return rest;
};

/**
 * The status as at `asOf`. `assessed` defaults to the domain's assessment of the document itself; time travel
 * passes the one it made from the folded state.
 */
export const presentStatus = (doc: InstrumentStatusDoc, asOf: string, assessed: StatusAssessment = assessStatusDoc(doc, asOf)): InstrumentStatusView => {
  const byKind = Object.fromEntries(CONSENT_KINDS.map((k) => [k, 0])) as Record<ConsentKind, number>;
  let signatures = 0;
  let definitive = 0;
  let consents = 0;
  let reservations = 0;
  let declarations = 0;
  let notified = 0;
  let notifications = 0;
  let territorial = 0;
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
    if (on(cell.withdrawal?.notifiedOn, asOf) && !on(cell.withdrawal?.revokedOn, asOf)) notified += 1;
    if (on(cell.notification?.notifiedOn, asOf)) notifications += 1;
    territorial += (cell.territories ?? []).filter((t) => on(t.declaredOn, asOf)).length;
  }
  const positions = [...assessed.reservations.values()];
  const objections = positions.flatMap((r) => r.objections);
  const provisional = [...assessed.provisionalApplication.values()];
  // A withdrawal has taken effect when the domain says so (notice period, named date, revocation, lock-in).
  const effective = assessed.assessment.entryIntoForce.parties.filter((p) => on(p.withdrawalEffectiveOn, asOf)).length;
  const adoption = on(doc.adoption?.adoptedOn, asOf) ? doc.adoption! : null;
  const opening = on(doc.signatureOpening?.opensOn, asOf) ? doc.signatureOpening! : null;
  const lastAct = [...doc.timeline].reverse().find((e) => e.legalDate <= asOf) ?? null;
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    parentId: doc.parentId,
    depositary: doc.depositary,
    languages: doc.languages,
    createdOn: doc.createdOn,
    asOf,
    stage: assessed.stage,
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
    reservations: {
      reservations,
      declarations,
      withdrawn: positions.filter((r) => r.withdrawnOn !== null).length,
      deemedAccepted: positions.filter((r) => r.deemedAccepted).length,
    },
    objections: {
      total: objections.length,
      withdrawn: objections.filter((o) => o.withdrawnOn !== null).length,
      opposingEntryIntoForce: objections.filter((o) => o.opposesEntryIntoForce && o.withdrawnOn === null).length,
      late: objections.filter((o) => o.late).length,
    },
    provisionalApplication: { applying: provisional.filter((p) => p.applied).length, ended: provisional.filter((p) => !p.applied).length },
    territorialDeclarations: territorial,
    withdrawals: { notified, effective },
    internalProceduresNotified: notifications,
    entryIntoForce: entryIntoForceView(assessed, asOf),
    term: termView(assessed.assessment.term),
    termination: doc.termination && on(doc.termination.terminatedOn, asOf) ? doc.termination : null,
    terminationNotice: doc.terminationNotice && on(doc.terminationNotice.notifiedOn, asOf) ? doc.terminationNotice : null,
    lastAct: lastAct && { eventId: lastAct.eventId, type: lastAct.type, legalDate: lastAct.legalDate, recordedAt: lastAct.recordedAt, party: lastAct.party },
  };
};
