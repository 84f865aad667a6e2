import {
  instrumentStageAsOf,
  recordBeginsOn,
  type Consent,
  type Instrument,
  type LegalDate,
  type Notification,
  type Reservation,
  type Signature,
  type Stage,
  type Withdrawal,
} from '#libs/lifecycle';

/** One participant's acts whose legal dates fall on or before the date ("as at" uses legal dates, not recording dates). */
export interface ParticipationAsAt {
  readonly code: string;
  readonly signature: Signature | null;
  readonly consent: Consent | null;
  /** Bilateral agreements: the notification that internal procedures are complete. */
  readonly notification: Notification | null;
  readonly reservations: readonly Reservation[];
  readonly withdrawal: Withdrawal | null;
}

export const participationAsAt = (state: Instrument, asOf: LegalDate): ParticipationAsAt[] =>
  Object.keys(state.participants)
    .sort()
    .map((code) => {
      const p = state.participants[code]!;
      const withdrawal = p.withdrawal && p.withdrawal.notifiedOn <= asOf ? p.withdrawal : null;
      return {
        code,
        signature: p.signature && p.signature.signedOn <= asOf ? p.signature : null,
        consent: p.consent && p.consent.depositedOn <= asOf ? p.consent : null,
        notification: p.notification && p.notification.notifiedOn <= asOf ? p.notification : null,
        reservations: p.reservations.filter((r) => r.madeOn <= asOf),
        // A revocation recorded after the date had not happened yet on it.
        withdrawal: withdrawal && withdrawal.revokedOn && withdrawal.revokedOn > asOf ? { ...withdrawal, revokedOn: null } : withdrawal,
      };
    })
    .filter((p) => p.signature || p.consent || p.notification);

/** When the participant became bound: consent deposited, definitive signature, or (bilateral) notification. */
export const boundOn = (p: ParticipationAsAt): LegalDate | null =>
  p.consent?.depositedOn ?? (p.signature?.definitive ? p.signature.signedOn : null) ?? p.notification?.notifiedOn ?? null;

/** Bound, and no withdrawal in effect on the date. */
export const isParty = (p: ParticipationAsAt, asOf: LegalDate): boolean =>
  boundOn(p) !== null && !(p.withdrawal && !p.withdrawal.revokedOn && p.withdrawal.effectiveOn <= asOf);

/** The earliest legal date the log gives the instrument (the domain's reading). */
export const firstKnownOn = (state: Instrument): LegalDate => recordBeginsOn(state);

/** The stage as at a date (the lifecycle's reading of the legal dates); null when nothing of it existed yet. */
export const stageAt = (state: Instrument, asOf: LegalDate): Stage | null =>
  firstKnownOn(state) > asOf ? null : instrumentStageAsOf(state, asOf);
