/**
 * What if: hypothetical acts (party, act, date) decided on an instrument's state by the same decider as real ones,
 * recording nothing. An act may be dated ahead ("if these States ratify by June"): it is decided as on its own date.
 */
import { addYearsTo, type ConsentKind } from '#libs/entry-into-force';
import { DomainError, invalid } from '../shared/domain-error.js';
import type { CommandContext, LegalDate } from '../shared/event.js';
import type { InstrumentCommand } from './instrument.commands.js';
import { decideInstrument } from './instrument.decide.js';
import type { InstrumentState } from './instrument.state.js';
import type { InstrumentEvent } from './instrument.events.js';
import { YEARS_AHEAD } from './instrument.invariants.js';

export const HYPOTHETICAL_ACTS = ['signature', 'definitive-signature', 'consent', 'internal-procedures', 'withdrawal'] as const;
export type HypotheticalActKind = (typeof HYPOTHETICAL_ACTS)[number];

export interface HypotheticalAct {
  readonly party: string;
  readonly act: HypotheticalActKind;
  readonly date: LegalDate;
  /** For a consent: ratification, acceptance, approval, accession, succession or formal confirmation. */
  readonly kind?: ConsentKind;
}

/** The command a hypothetical act stands for: what the depositary would record if it happened. */
export const hypotheticalCommand = (act: HypotheticalAct): InstrumentCommand => {
  const { party, date } = act;
  switch (act.act) {
    case 'signature':
    case 'definitive-signature':
      return { type: 'SignInstrument', data: { party, signedOn: date, signatory: { name: 'Hypothetical signatory', title: 'Representative' }, definitive: act.act === 'definitive-signature', place: null } };
    case 'consent':
      return { type: 'DepositConsent', data: { party, kind: act.kind ?? 'ratification', depositedOn: date, domesticActOn: null } };
    case 'internal-procedures':
      return { type: 'NotifyInternalProcedures', data: { party, notifiedOn: date } };
    case 'withdrawal':
      return { type: 'NotifyWithdrawal', data: { party, notifiedOn: date, effectiveOn: null } };
  }
};

/**
 * Decides one hypothetical act on the state the earlier ones left, as on a day no earlier than its own date.
 * A refusal names the act (`acts.<index>`), with the code the real act would be refused with.
 */
export const decideHypotheticalAct = (state: InstrumentState, act: HypotheticalAct, index: number, context: CommandContext): InstrumentEvent[] => {
  const at = `acts.${index}`;
  if (act.date > addYearsTo(context.today, YEARS_AHEAD)) throw invalid(`${at}.date`, `${at}.date (${act.date}) is more than ${YEARS_AHEAD} years ahead; check the year.`, 'DATE_OUT_OF_RANGE');
  if (act.kind && act.act !== 'consent') throw invalid(`${at}.kind`, `${at}.kind is given only with a consent.`, 'KIND_FOR_CONSENT');
  const today = act.date > context.today ? act.date : context.today;
  try {
    return decideInstrument(hypotheticalCommand(act), state, { ...context, today });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The act's date is `date` in the request, whichever field the real act keeps it in.
    const field = error.field && /On$/.test(error.field) ? 'date' : error.field;
    throw new DomainError(error.code, `${at} (${act.party}, ${act.act}, ${act.date}): ${error.message}`, error.kind, field ? `${at}.${field}` : at);
  }
};
